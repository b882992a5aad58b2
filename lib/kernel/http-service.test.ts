import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApolloServer } from '@apollo/server';
import { Registry } from 'prom-client';
import { Agent, fetch } from 'undici';
import { searchOf, startHttpService, type RunningService } from './http-service.js';

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

describe('searchOf', () => {
  it('is the query string of a request URL, without a fragment', () => {
    expect(searchOf('/graphql')).toBe('');
    expect(searchOf('/graphql?query=x&a=1')).toBe('?query=x&a=1');
    expect(searchOf('/graphql?query=x#frag')).toBe('?query=x');
  });
});
