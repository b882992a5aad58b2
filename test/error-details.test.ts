import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningService } from '../lib/kernel/http-service.js';
import { projectPath } from '../lib/kernel/project-root.js';
import { SUBGRAPH_NAMES } from '../lib/subgraph/names.js';
import { asService, tokenFor, type RequestSigner } from './support/auth.js';
import { startGatewayOver, startTestHub, type TestHub } from './support/hub.js';

/**
 * Error answers never carry stack traces or file paths, whatever NODE_ENV is (`npm start` leaves it
 * unset, which Apollo takes for development and answers with `extensions.stacktrace`). Only an
 * explicit HUB_DEBUG_ERRORS, and only for a caller on the loopback interface, gets them.
 */
const previousNodeEnv = process.env.NODE_ENV;
let hub: TestHub;
let debugGateway: RunningService;

beforeAll(async () => {
  // As `npm start` runs: Apollo reads NODE_ENV when a server is built.
  delete process.env.NODE_ENV;
  hub = await startTestHub();
  debugGateway = await startGatewayOver(hub.subgraphs, { debugErrors: true });
});
afterAll(async () => {
  process.env.NODE_ENV = previousNodeEnv;
  await debugGateway?.close();
  await hub?.stop();
});

interface Probe {
  what: string;
  method?: string;
  path?: string;
  body?: string;
  headers?: Record<string, string>;
  /** Adds the credentials a subgraph needs for this body. */
  sign?: RequestSigner;
}

async function answer(url: string, probe: Probe) {
  const response = await fetch(new URL(probe.path ?? '/graphql', url), {
    method: probe.method ?? 'POST',
    headers: { 'content-type': 'application/json', ...probe.headers, ...(probe.sign ? await probe.sign(probe.body ?? '') : {}) },
    body: probe.body,
  });
  return { what: probe.what, status: response.status, text: await response.text() };
}

const json = (query: string, extra: Record<string, unknown> = {}) => JSON.stringify({ query, ...extra });
/** Signs of a stack trace or a path on this machine in an answer. */
const INTERNALS = new RegExp(
  ['stacktrace', '\\bat [\\w.<>]+ \\(', 'node_modules', '\\.ts:\\d+', projectPath().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')].join('|'),
);

describe('error answers', () => {
  it('carry no stack trace or file path at the gateway, for every kind of error and every caller', async () => {
    const admin = { authorization: `Bearer ${await tokenFor('STREET_ADMIN')}` };
    const probes: Probe[] = [
      { what: 'syntax', body: json('{ street { name }') },
      { what: 'validation (anonymous)', body: json('{ street { nope } }') },
      { what: 'validation', body: json('{ street { nope } }'), headers: admin },
      { what: 'unauthenticated field (anonymous)', body: json('{ incidents(first: 1) { totalCount } }') },
      { what: 'bad user input from a subgraph', body: json('{ communities(first: 1000) { totalCount } }'), headers: admin },
      { what: 'variable of the wrong type', body: json('query($n: Int) { communities(first: $n) { totalCount } }', { variables: { n: 'x' } }) },
      { what: 'limit', body: json(`{ ${Array.from({ length: 40 }, (_, i) => `a${i}: street { name }`).join(' ')} }`) },
      { what: 'no operation', body: json('query A { __typename } query B { __typename }') },
      { what: 'not found', body: json('{ community(id: "nope") { id } }'), headers: admin },
      { what: 'bad token', body: json('{ street { name } }'), headers: { authorization: 'Bearer nope' } },
      { what: 'csrf', body: json('{ street { name } }'), headers: { 'content-type': 'text/plain' } },
      { what: 'method', method: 'PUT', body: '{}' },
      { what: 'malformed JSON', body: '{"query": ' },
      { what: 'undecodable path', method: 'GET', path: '/explorer/%E0%A4%A' },
      { what: 'mutation by GET', method: 'GET', path: `/graphql?query=${encodeURIComponent('mutation { cancelDemand(input: { id: "x" }) { id } }')}` },
    ];
    for (const probe of probes) {
      const result = await answer(hub.gatewayUrl, probe);
      expect({ what: result.what, status: result.status < 500, leaks: INTERNALS.test(result.text) }).toEqual({ what: probe.what, status: true, leaks: false });
    }
  });

  it('carry no stack trace or file path in any subgraph either', async () => {
    for (const name of SUBGRAPH_NAMES) {
      const url = hub.subgraphs[name].url;
      const probes: Probe[] = [
        { what: `${name}: unsigned`, body: json('{ __typename }') },
        { what: `${name}: validation`, body: json('{ nope }'), sign: asService('test', name) },
        {
          what: `${name}: entities of an unknown type`,
          body: json('{ _entities(representations: [{ __typename: "Nope", id: "1" }]) { __typename } }'),
          sign: asService('test', name),
        },
        { what: `${name}: no operation`, body: json('query A { __typename } query B { __typename }'), sign: asService('test', name) },
        { what: `${name}: method`, method: 'PUT', body: '{}', sign: asService('test', name) },
      ];
      for (const probe of probes) {
        const result = await answer(url, probe);
        expect({ what: result.what, leaks: INTERNALS.test(result.text) }).toEqual({ what: probe.what, leaks: false });
      }
    }
  });

  it('carry the stack trace with HUB_DEBUG_ERRORS only, and only to a caller on this machine', async () => {
    const local = await answer(debugGateway.url, { what: 'loopback', body: json('{ street { nope } }') });
    expect(JSON.parse(local.text).errors[0].extensions.stacktrace).toEqual(expect.arrayContaining([expect.stringMatching(/GraphQLError/)]));
    // Behind a reverse proxy every caller's connection comes from loopback: a forwarded request is not local.
    const proxied = await answer(debugGateway.url, { what: 'proxied', body: json('{ street { nope } }'), headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(INTERNALS.test(proxied.text)).toBe(false);
    // The default gateway of the hub (no HUB_DEBUG_ERRORS) never sends them, to loopback callers included.
    expect(INTERNALS.test((await answer(hub.gatewayUrl, { what: 'default', body: json('{ street { nope } }') })).text)).toBe(false);
  });
});
