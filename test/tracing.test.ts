import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { recordSpansInMemory, type SpanRecorder } from '../lib/kernel/tracing-sdk.js';
import { SUBGRAPH_NAMES } from '../lib/subgraph/names.js';
import { loadExampleOperations } from '../gateway/src/explorer.js';
import { postGraphQL, startTestHub, type TestHub } from './support/hub.js';
import { waitUntil } from './support/wait.js';

/**
 * One community dashboard query through the gateway to the four subgraphs over real HTTP, traced
 * into memory: the trace must show every hop, gateway → subgraph → SQL, under one trace id.
 */
let recorder: SpanRecorder;
let hub: TestHub;

beforeAll(async () => {
  // Before the services start, as OTEL_TRACES_EXPORTER does in each process of `npm start`.
  recorder = recordSpansInMemory();
  hub = await startTestHub();
});

afterAll(async () => {
  await hub?.stop();
  await recorder?.uninstall();
});

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const serviceOf = (span: ReadableSpan) => span.attributes['service.name'];

describe('tracing', () => {
  it('links the gateway server span, its fetch span per subgraph, the subgraph server spans and their SQL spans in one trace', async () => {
    const examples = await loadExampleOperations();
    const dashboard = examples.find((example) => example.name === '01-community-dashboard')!.document;
    recorder.reset();
    const response = await postGraphQL(hub.gatewayUrl, dashboard, { first: 5 });
    expect(response.errors).toBeUndefined();
    // SimpleSpanProcessor exports as spans end; the gateway's server span ends when the response is
    // sent, the last of the trace (the subgraphs' server spans end before the gateway has their answers).
    const isGatewayServer = (span: ReadableSpan) => serviceOf(span) === 'gateway' && span.name === 'POST /graphql';
    const gatewayServer = await waitUntil('the gateway server span is recorded', () => recorder.spans().find(isGatewayServer));
    const spans = recorder.spans();
    const traceId = gatewayServer.spanContext().traceId;
    const inTrace = spans.filter((span) => span.spanContext().traceId === traceId);
    const byId = new Map(inTrace.map((span) => [span.spanContext().spanId, span]));
    const descendsFrom = (span: ReadableSpan, ancestor: ReadableSpan): boolean => {
      for (let parent = parentOf(span); parent !== undefined; parent = byId.get(parent) && parentOf(byId.get(parent)!)) {
        if (parent === ancestor.spanContext().spanId) return true;
      }
      return false;
    };

    // The gateway (Apollo's own instrumentation) fetches from every subgraph the dashboard touches.
    const fetches = inTrace.filter((span) => span.name === 'gateway.fetch');
    expect(new Set(fetches.map((span) => span.attributes.service))).toEqual(new Set(SUBGRAPH_NAMES));
    for (const fetch of fetches) expect(descendsFrom(fetch, gatewayServer)).toBe(true);

    for (const subgraph of SUBGRAPH_NAMES) {
      // Each subgraph's server span continues the trace from a gateway fetch span for that subgraph (W3C traceparent).
      const servers = inTrace.filter((span) => serviceOf(span) === subgraph && span.name === 'POST /graphql');
      expect(servers.length).toBeGreaterThan(0);
      for (const server of servers) {
        const parent = byId.get(parentOf(server)!);
        expect({ subgraph, parent: parent?.name, service: parent?.attributes.service }).toEqual({ subgraph, parent: 'gateway.fetch', service: subgraph });
      }
      // …and its SQL statements are spans below that server span.
      const queries = inTrace.filter((span) => serviceOf(span) === subgraph && span.name === 'db.query');
      expect(queries.length).toBeGreaterThan(0);
      for (const query of queries) expect(servers.some((server) => descendsFrom(query, server))).toBe(true);
      expect(queries.every((query) => typeof query.attributes['db.statement'] === 'string')).toBe(true);
    }

    // Nothing of this request leaked into another trace.
    expect(spans.filter((span) => span.name === 'db.query' && span.spanContext().traceId !== traceId)).toEqual([]);
  });
});
