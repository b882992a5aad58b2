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
import { z } from 'zod';
import { parseEnv } from './env.js';

/**
 * Registers a tracer provider for this process when tracing is configured:
 * OTEL_TRACES_EXPORTER=otlp (to OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, default
 * http://127.0.0.1:4318/v1/traces) or console; `none` (the default) registers nothing.
 * Returns a function that flushes and stops the exporter (call it on shutdown).
 */
export function setUpTracing(service: string, env: NodeJS.ProcessEnv = process.env): () => Promise<void> {
  const config = parseEnv(service, {
    OTEL_TRACES_EXPORTER: z.enum(['none', 'otlp', 'console']).default('none'),
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.string().url().default('http://127.0.0.1:4318/v1/traces'),
  }, env);
  if (config.OTEL_TRACES_EXPORTER === 'none') return async () => undefined;
  const exporter: SpanExporter =
    config.OTEL_TRACES_EXPORTER === 'otlp' ? new OTLPTraceExporter({ url: config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT }) : new ConsoleSpanExporter();
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
