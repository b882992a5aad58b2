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
import type { TracingSettings } from './tracing-setup.js';

/**
 * The OpenTelemetry SDK, loaded only when a service traces (tracing-setup.ts imports this module
 * on demand) or a test records spans: it holds about 19 MB of a process's RSS.
 */

/** Registers the provider that sends this process's spans where `settings` say (not `none`). */
export function registerExporter(service: string, settings: TracingSettings): () => Promise<void> {
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
