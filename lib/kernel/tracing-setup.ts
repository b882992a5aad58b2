import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { context, propagation, trace } from '@opentelemetry/api';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
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
 * http://127.0.0.1:4318/v1/traces) or console; `none` (the default) registers nothing.
 * Returns a function that flushes and stops the exporter (call it on shutdown).
 */
export function setUpTracing(service: string, settings: TracingSettings): () => Promise<void> {
  if (settings.exporter === 'none') return async () => undefined;
  const exporter: SpanExporter = settings.exporter === 'otlp' ? new OTLPTraceExporter({ url: settings.endpoint }) : new ConsoleSpanExporter();
  return registerTracing(service, exporter);
}

/** Also used by tests with an in-memory exporter. */
export function registerTracing(service: string, exporter: SpanExporter): () => Promise<void> {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service }),
    spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 200 })],
  });
  provider.register();
  return () => provider.shutdown();
}

/** What `recordSpansInMemory` gives a test. */
export interface SpanRecorder {
  /** Every span that has ended since the recorder was installed (or last reset). */
  spans(): ReadableSpan[];
  reset(): void;
  /** Unregisters the provider, so later code in the process traces nothing again. */
  uninstall(): Promise<void>;
}

/**
 * For tests: registers a provider for this process that keeps every span in memory as it ends
 * (no batching, so a span is there as soon as its request has finished). Services running in the
 * test process (test/support/hub.ts) all record into it; `service.name` on each span tells them apart.
 */
export function recordSpansInMemory(service = 'test'): SpanRecorder {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  provider.register();
  return {
    spans: () => exporter.getFinishedSpans(),
    reset: () => exporter.reset(),
    async uninstall() {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
