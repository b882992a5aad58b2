import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApolloServer } from '@apollo/server';
import { Registry } from 'prom-client';
import { gzipSync } from 'node:zlib';
import { Agent, fetch } from 'undici';
import express from 'express';
import { bytesOf, rawBodyOf, requestContextOf, searchOf, startHttpService, type RunningService } from './http-service.js';
import { currentRequest } from './request-context.js';

let service: RunningService;
// Its own client, closed at the end, so no kept-alive connection outlives the test.
const agent = new Agent();
beforeAll(async () => {
  const apollo = new ApolloServer({
    typeDefs: 'type Query { echo(text: String!): String! }',
    resolvers: { Query: { echo: (_: unknown, { text }: { text: string }) => text } },
  });
  service = await startHttpService({ name: 'http-service-test', apollo, context: async () => ({}), registry: new Registry() }, { host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await agent.close();
  await service.close();
});

describe('the GraphQL answers of a service', () => {
  it('are Apollo’s answer as it made it: its status, content type and body, with the length of the body and no ETag', async () => {
    const response = await fetch(service.url, {
      dispatcher: agent,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query($t: String!) { echo(text: $t) }', variables: { t: 'grüß dich' } }),
    });
    const body = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json; charset=utf-8$/);
    expect(JSON.parse(body)).toEqual({ data: { echo: 'grüß dich' } });
    expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(body));
    expect(response.headers.get('etag')).toBeNull();
  });

  it('carry Apollo’s refusals with their status (a GET without a preflight header is refused as CSRF)', async () => {
    const url = `${service.url}?query=${encodeURIComponent('{ echo(text: "x") }')}`;
    const refused = await fetch(url, { dispatcher: agent });
    expect(refused.status).toBe(400);
    const answered = await fetch(url, { dispatcher: agent, headers: { 'apollo-require-preflight': 'true' } });
    expect(await answered.json()).toEqual({ data: { echo: 'x' } });
  });
});

describe('the request bodies a service reads', () => {
  const post = async (body: Uint8Array | string, headers: Record<string, string>) => {
    const response = await agent.request({ origin: new URL(service.url).origin, path: '/graphql', method: 'POST', headers, body });
    return { status: response.statusCode, json: (await response.body.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
  };
  const query = JSON.stringify({ query: '{ echo(text: "ok") }' });

  it('are JSON in UTF-8, with or without a charset, a byte-order mark or a content encoding', async () => {
    for (const contentType of ['application/json', 'application/json; charset=utf-8', 'Application/JSON; charset="UTF-8"']) {
      expect(await post(query, { 'content-type': contentType })).toEqual({ status: 200, json: { data: { echo: 'ok' } } });
    }
    expect(await post(`\uFEFF${query}`, { 'content-type': 'application/json' })).toEqual({ status: 200, json: { data: { echo: 'ok' } } });
    expect(await post(gzipSync(query), { 'content-type': 'application/json', 'content-encoding': 'gzip' })).toEqual({
      status: 200,
      json: { data: { echo: 'ok' } },
    });
  });

  it('are refused with a code when they are not JSON objects, not UTF-8 or too large', async () => {
    for (const body of ['{"query": ', '"{ echo(text: \\"ok\\") }"', 'null']) {
      const refused = await post(body, { 'content-type': 'application/json' });
      expect(refused.status).toBe(400);
      expect(refused.json.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    }
    expect((await post(query, { 'content-type': 'application/json; charset=latin1' })).status).toBe(415);
    const large = JSON.stringify({ query: '{ echo(text: "ok") }', variables: { pad: 'x'.repeat(1024 * 1024) } });
    expect((await post(large, { 'content-type': 'application/json' })).status).toBe(413);
  });
});

/** Answers `ids` with the request id its context function saw, then the one its resolver finds in the async context. */
function idsServer() {
  return new ApolloServer<{ seen: string }>({
    typeDefs: 'type Query { ids: String! }',
    resolvers: { Query: { ids: (_: unknown, __: unknown, context: { seen: string }) => `${context.seen} ${currentRequest()?.requestId ?? 'none'}` } },
  });
}

describe('the request context', () => {
  // Resolvers, loaders and the request transaction find their request through it (AsyncLocalStorage);
  // reading the body must not lose it, though the stream's events run outside the request's scope.
  it('reaches the context function and the resolvers, whichever reader read the body', async () => {
    const apollo = idsServer();
    const scoped = await startHttpService(
      { name: 'scoped', apollo, context: async () => ({ seen: currentRequest()?.requestId ?? 'none' }), registry: new Registry() },
      { host: '127.0.0.1', port: 0 },
    );
    try {
      // Plain JSON (read directly) and JSON with another charset spelling and gzip (body-parser).
      for (const [headers, body] of [
        [{ 'content-type': 'application/json' }, JSON.stringify({ query: '{ ids }' })],
        [{ 'content-type': 'application/json', 'content-encoding': 'gzip' }, gzipSync(JSON.stringify({ query: '{ ids }' }))],
      ] as const) {
        const response = await fetch(scoped.url, { dispatcher: agent, method: 'POST', headers: { ...headers, 'x-request-id': 'request-7' }, body });
        expect(await response.json()).toEqual({ data: { ids: 'request-7 request-7' } });
      }
    } finally {
      await scoped.close();
    }
  });
});

describe('a service that runs its requests outside the async context (asyncRequestContext: false, the gateway)', () => {
  // It finds its request on the request object; only requests that may see stack traces (debugErrors
  // and a caller on this machine) still run in the AsyncLocalStorage, where formatError looks.
  it('finds the request on the request object, and in the async context only when stack traces may be sent', async () => {
    const apollo = idsServer();
    const explicit = await startHttpService(
      {
        name: 'explicit',
        apollo,
        asyncRequestContext: false,
        debugErrors: true,
        context: async ({ req }) => ({ seen: requestContextOf(req)?.requestId ?? 'none' }),
        registry: new Registry(),
      },
      { host: '127.0.0.1', port: 0 },
    );
    try {
      const ids = async (headers: Record<string, string>) => {
        const response = await fetch(explicit.url, {
          dispatcher: agent,
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query: '{ ids }' }),
        });
        return ((await response.json()) as { data: { ids: string } }).data.ids;
      };
      // Forwarded by a proxy: not a caller on this machine, so no stack traces and no async context.
      expect(await ids({ 'x-request-id': 'request-7', 'x-forwarded-for': '203.0.113.9' })).toBe('request-7 none');
      expect(await ids({ 'x-request-id': 'request-8' })).toBe('request-8 request-8');
    } finally {
      await explicit.close();
    }
  });
});

describe('a body another middleware has read first', () => {
  // The gateway's securityMiddleware reads every /graphql body with express.json before the
  // service's own reader runs; a reader that waited for the stream's end again would hang.
  it('is taken as read, and the raw bytes of a body read here are kept for the signature checks', async () => {
    const raws: string[] = [];
    const apollo = new ApolloServer<{ raw: string }>({
      typeDefs: 'type Query { raw: String! }',
      resolvers: { Query: { raw: (_: unknown, __: unknown, context: { raw: string }) => context.raw } },
    });
    const readFirst = await startHttpService(
      {
        name: 'read-first',
        apollo,
        context: async ({ req }) => ({ raw: rawBodyOf(req).toString('utf8') }),
        registry: new Registry(),
        routes: (app) => app.use('/graphql', (req, res, next) => (req.get('x-read-first') ? express.json()(req, res, next) : next())),
      },
      { host: '127.0.0.1', port: 0 },
    );
    try {
      const body = JSON.stringify({ query: '{ raw }' });
      for (const readFirstHeader of [{ 'x-read-first': 'yes' }, {}]) {
        const response = await fetch(readFirst.url, {
          dispatcher: agent,
          method: 'POST',
          headers: { 'content-type': 'application/json', ...readFirstHeader },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        raws.push(((await response.json()) as { data: { raw: string } }).data.raw);
      }
    } finally {
      await readFirst.close();
    }
    // Read by express.json first: no raw bytes were kept here (the gateway does not need them).
    expect(raws).toEqual(['', JSON.stringify({ query: '{ raw }' })]);
  });
});

describe('bytesOf', () => {
  it('reads the forms of BODY_LIMIT', () => {
    expect([bytesOf('1mb'), bytesOf('200kb'), bytesOf('5000b'), bytesOf('1.5mb')]).toEqual([1024 * 1024, 200 * 1024, 5000, undefined]);
  });
});

describe('searchOf', () => {
  it('is the query string of a request URL, without a fragment', () => {
    expect(searchOf('/graphql')).toBe('');
    expect(searchOf('/graphql?query=x&a=1')).toBe('?query=x&a=1');
    expect(searchOf('/graphql?query=x#frag')).toBe('?query=x');
  });
});
