import { oneOf, url, type EnvValues } from './env.js';

/** The tracing variables every service reads (its env.ts composes them). */
export const TRACING_VARIABLES = {
  OTEL_TRACES_EXPORTER: oneOf(['none', 'otlp', 'console']).default('none'),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: url().default('http://127.0.0.1:4318/v1/traces'),
};

export interface TracingSettings {
  /** `none` registers nothing; `otlp` sends to `endpoint`; `console` prints spans. */
  exporter: 'none' | 'otlp' | 'console';
  endpoint: string;
}

export function tracingSettingsFrom(values: EnvValues<typeof TRACING_VARIABLES>): TracingSettings {
  return { exporter: values.OTEL_TRACES_EXPORTER, endpoint: values.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT };
}

/**
 * Registers a tracer provider for this process when tracing is configured:
 * OTEL_TRACES_EXPORTER=otlp (to OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, default
 * http://127.0.0.1:4318/v1/traces) or console; `none` (the default) registers nothing and never
 * loads the SDK (tracing-sdk.ts, about 19 MB of RSS). Resolves, once the provider is registered, to a
 * function that flushes and stops the exporter (call it on shutdown).
 */
export async function startTracing(service: string, settings: TracingSettings): Promise<() => Promise<void>> {
  if (settings.exporter === 'none') return async () => undefined;
  const { registerExporter } = await import('./tracing-sdk.js');
  return registerExporter(service, settings);
}

/** startTracing for a caller that does not wait for the registration (spans start once the SDK has loaded). */
export function setUpTracing(service: string, settings: TracingSettings): () => Promise<void> {
  const stop = startTracing(service, settings);
  return async () => (await stop)();
}
