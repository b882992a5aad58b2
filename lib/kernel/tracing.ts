import { context, propagation, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';

/**
 * OpenTelemetry traces: gateway → subgraph → SQL. Off unless OTEL_TRACES_EXPORTER is set (see
 * lib/kernel/tracing-setup.ts); without a registered provider every call here is a cheap no-op.
 */
const tracer = () => trace.getTracer('co-governance-hub');

/** The trace context a request arrived with (W3C traceparent), for its server span. */
export function extractContext(headers: Record<string, string | string[] | undefined>): Context {
  return propagation.extract(context.active(), headers, {
    get: (carrier, key) => carrier[key],
    keys: (carrier) => Object.keys(carrier),
  });
}

/** Writes the active trace context into outgoing headers (gateway → subgraph, subgraph → subgraph). */
export function injectContext(set: (name: string, value: string) => void): void {
  propagation.inject(context.active(), undefined, { set: (_carrier, key, value) => set(key, value) });
}

export function startServerSpan(name: string, parent: Context, attributes: Record<string, string>): { span: Span; context: Context } {
  const span = tracer().startSpan(name, { kind: SpanKind.SERVER, attributes }, parent);
  return { span, context: trace.setSpan(parent, span) };
}

/** Runs one SQL statement in a client span; the statement text is recorded, its parameters never. */
export async function traceQuery<T>(service: string, sql: string, run: () => Promise<T>): Promise<T> {
  const span = tracer().startSpan('db.query', { kind: SpanKind.CLIENT, attributes: { 'db.system': 'postgresql', 'service.name': service } });
  // Only a recorded span gets the statement: with tracing off (the default) the text is not
  // rewritten for every statement (a regular expression over the whole SQL, about 1 % of a subgraph's CPU).
  if (span.isRecording()) span.setAttribute('db.statement', sql.replace(/\s+/g, ' ').slice(0, 500));
  try {
    return await context.with(trace.setSpan(context.active(), span), run);
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    throw error;
  } finally {
    span.end();
  }
}
