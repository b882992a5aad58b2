import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Registry } from 'prom-client';
import { ConfigurationError } from '../lib/kernel/env.js';
import { findFreePort } from '../hub/free-port.js';
import type { RunningService } from '../lib/kernel/http-service.js';
import { createLogger } from '../lib/kernel/log.js';
import { projectPath } from '../lib/kernel/project-root.js';
import { SUBGRAPH_NAMES } from '../lib/subgraph/names.js';
import { HUB_DEFAULTS } from '../hub/env.js';
import { subgraphsOfSupergraph, subgraphTimeoutsFromEnv, subgraphUrlOverridesFromEnv } from '../gateway/src/config.js';
import { createGateway } from '../gateway/src/create-gateway.js';
import { DEFAULT_SUBGRAPH_TIMEOUT_MS } from '../gateway/src/fetcher.js';
import { startGatewayHttp } from '../gateway/src/http.js';
import { SubgraphReadiness } from '../gateway/src/readiness.js';
import { knownOperations, warmUp } from '../gateway/src/warm-up.js';
import { TEST_JWT_SECRET, TEST_ROUTER_SECRETS, testGatewaySecurity } from './support/auth.js';
import { FOREIGN_SUBGRAPH_NAMES, startForeignSubgraphs, type ForeignSubgraphs } from './support/foreign-subgraphs.js';
import { postGraphQL, testToken } from './support/hub.js';
import { waitForOutput } from './support/launcher.js';

/**
 * The gateway on a supergraph that is not the hub's: five subgraphs with other names that know
 * nothing of the hub (no signed caller, no /health), composed here, served with the URLs their
 * supergraph gives and nothing else configured.
 */
let foreign: ForeignSubgraphs;
let supergraphSdl: string;
let gateway: RunningService;
const logLines: { level: string; message: string }[] = [];
const capturedLog = createLogger('gateway', 'debug', { write: (line: string) => void logLines.push(JSON.parse(line)) });
const quiet = createLogger('test', 'error');

const requestCounts = () => Object.fromEntries(FOREIGN_SUBGRAPH_NAMES.map((name) => [name, foreign.subgraphs[name].requests]));
const totalRequests = () => FOREIGN_SUBGRAPH_NAMES.reduce((sum, name) => sum + foreign.subgraphs[name].requests, 0);

beforeAll(async () => {
  foreign = await startForeignSubgraphs();
  supergraphSdl = foreign.compose();
  gateway = await startGatewayHttp(
    { supergraphSdl, log: capturedLog, registry: new Registry(), security: await testGatewaySecurity() },
    { host: '127.0.0.1', port: 0 },
  );
});
afterAll(async () => {
  await gateway?.close();
  await foreign?.stop();
});

describe('the gateway on a foreign supergraph (URLs from its join__graph, no overrides)', () => {
  it('resolves an entity across three subgraphs, computing a @requires field from another subgraph', async () => {
    const { data, errors } = await postGraphQL(
      gateway.url,
      '{ topProducts(first: 3) { upc name price inStock shippingEstimate reviews { body stars } } }',
      {},
      { token: null },
    );
    expect(errors).toBeUndefined();
    expect(data!.topProducts).toEqual([
      { upc: 'p1', name: 'Table', price: 899, inStock: true, shippingEstimate: 50, reviews: [{ body: 'Love it!', stars: 5 }] },
      { upc: 'p2', name: 'Couch', price: 1299, inStock: false, shippingEstimate: 0, reviews: [{ body: 'Too expensive.', stars: 2 }] },
      { upc: 'p3', name: 'Chair', price: 54, inStock: true, shippingEstimate: 25, reviews: [{ body: 'Could be better.', stars: 3 }] },
    ]);
  });

  it('takes a @provides field from the subgraph that provides it, and asks the owner only for the rest', async () => {
    const before = requestCounts();
    const provided = await postGraphQL(gateway.url, '{ topReviews(first: 4) { body author { username } } }', {}, { token: null });
    expect(provided.errors).toBeUndefined();
    expect(provided.data!.topReviews.map((review: { author: { username: string } }) => review.author.username)).toEqual(['ada', 'ada', 'alan', 'alan']);
    expect(requestCounts()).toEqual({ ...before, reviews: before.reviews! + 1 });

    const notProvided = await postGraphQL(gateway.url, '{ topReviews(first: 1) { author { username name } } }', {}, { token: null });
    expect(notProvided.data!.topReviews).toEqual([{ author: { username: 'ada', name: 'Ada Lovelace' } }]);
    expect(foreign.subgraphs.accounts.requests).toBe(before.accounts! + 1);
  });

  it('serves an entity interface completed by an @interfaceObject elsewhere, and a union of other subgraphs’ entities', async () => {
    const catalogue = await postGraphQL(
      gateway.url,
      '{ catalogue { __typename upc name wishlistedBy { username } ... on Product { inStock } ... on GiftCard { amount } } }',
      {},
      { token: null },
    );
    expect(catalogue.errors).toBeUndefined();
    expect(catalogue.data!.catalogue).toEqual([
      { __typename: 'Product', upc: 'p1', name: 'Table', wishlistedBy: [{ username: 'ada' }, { username: 'alan' }], inStock: true },
      { __typename: 'Product', upc: 'p2', name: 'Couch', wishlistedBy: [], inStock: false },
      { __typename: 'Product', upc: 'p3', name: 'Chair', wishlistedBy: [{ username: 'alan' }], inStock: true },
      { __typename: 'GiftCard', upc: 'g1', name: 'Gift card', wishlistedBy: [{ username: 'ada' }], amount: 50 },
    ]);

    const outbox = await postGraphQL(
      gateway.url,
      '{ outbox { subject to { name } topic { __typename ... on Product { name shippingEstimate } ... on Review { body product { name } } } } }',
      {},
      { token: null },
    );
    expect(outbox.errors).toBeUndefined();
    expect(outbox.data!.outbox).toEqual([
      { subject: 'Thanks for your review', to: { name: 'Ada Lovelace' }, topic: { __typename: 'Review', body: 'Love it!', product: { name: 'Table' } } },
      { subject: 'Price drop', to: { name: 'Alan Turing' }, topic: { __typename: 'Product', name: 'Couch', shippingEstimate: 0 } },
    ]);
  });

  it('keeps @inaccessible fields out of the API: asking for one is a validation error and reaches no subgraph', async () => {
    const before = totalRequests();
    const response = await postGraphQL(gateway.url, '{ user(id: "u1") { username passwordHash } }', {}, { token: await testToken('DISTRICT_PLATFORM') });
    expect(response.status).toBe(400);
    expect(response.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors![0]!.message).toContain('passwordHash');
    const fields = await postGraphQL(gateway.url, '{ __type(name: "User") { fields { name } } }', {}, { token: null });
    expect(fields.data!.__type.fields.map((field: { name: string }) => field.name).sort()).toEqual(['id', 'name', 'reviews', 'username']);
    expect(totalRequests()).toBe(before);
  });

  it('refuses an @authenticated field to anonymous callers before any subgraph is asked, and serves it with a token', async () => {
    const before = totalRequests();
    const anonymous = await postGraphQL(gateway.url, '{ me { username } }', {}, { token: null });
    expect(anonymous.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(anonymous.data ?? null).toBeNull();
    expect(totalRequests()).toBe(before);

    const signedIn = await postGraphQL(gateway.url, '{ me { username } }', {}, { token: await testToken('STREET_ADMIN') });
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data!.me).toEqual({ username: 'ada' });
  });

  it('refuses abusive documents (depth, aliases, cost) with QUERY_TOO_COMPLEX, asking no subgraph', async () => {
    const before = totalRequests();
    // user → reviews → author → reviews → product → reviews → … → upc: 14 fields deep, 12 allowed.
    const path = ['user(id: "u1")', ...Array.from({ length: 3 }, () => ['reviews', 'author', 'reviews', 'product']).flat()];
    const deep = `{ ${path.join(' { ')} { upc }${' }'.repeat(path.length)}`;
    const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: topProducts(first: 1) { upc }`).join(' ')} }`;
    const costly = '{ topProducts(first: 100000) { reviews { author { reviews { body } } } } }';
    for (const [query, limit] of [
      [deep, 'depth'],
      [aliases, 'aliases'],
      [costly, 'cost'],
    ] as const) {
      const response = await postGraphQL(gateway.url, query, {}, { token: null });
      expect(response.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });
    }
    expect(totalRequests()).toBe(before);
  });

  it('is ready when every subgraph of the supergraph answers; subgraphs without /ready are asked for { __typename }', async () => {
    const response = await fetch(new URL('/ready', gateway.url));
    const body = (await response.json()) as { status: string; subgraphs: { name: string; ready: boolean; checkedWith: string }[] };
    expect(response.status).toBe(200);
    expect(body.subgraphs.map((check) => check.name).sort()).toEqual([...FOREIGN_SUBGRAPH_NAMES].sort());
    expect(body.subgraphs.every((check) => check.ready && check.checkedWith === '{ __typename }')).toBe(true);

    const deadUrl = `http://127.0.0.1:${await findFreePort()}/graphql`;
    const urls = Object.fromEntries(FOREIGN_SUBGRAPH_NAMES.map((name) => [name, foreign.subgraphs[name].url]));
    const oneDown = await new SubgraphReadiness({ ...urls, email: deadUrl }, { cacheMs: 0 }).check();
    expect(oneDown.ready).toBe(false);
    expect(oneDown.unavailable).toEqual(['email']);
  });

  it('plans at start only the known operations that validate against this supergraph, skipping the rest quietly', async () => {
    expect(logLines.filter((line) => line.level === 'warn' || line.level === 'error')).toEqual([]);
    expect(logLines.some((line) => line.level === 'debug' && line.message.includes('warm-up skipped'))).toBe(true);

    const server = createGateway({ supergraphSdl, log: quiet, security: await testGatewaySecurity(), warmUpOperations: false });
    await server.start();
    try {
      const hubExamples = await knownOperations();
      const planned = await warmUp(server, ['query Shop { topProducts { name shippingEstimate } }', ...hubExamples], quiet);
      expect(planned).toBe(1);
    } finally {
      await server.stop();
    }
  });
});

describe('subgraph URLs and timeouts from the environment, on any supergraph', () => {
  const names = () => subgraphsOfSupergraph(supergraphSdl).map((subgraph) => subgraph.name);

  it('reads the subgraphs and their URLs from the supergraph', () => {
    expect(subgraphsOfSupergraph(supergraphSdl)).toEqual([...FOREIGN_SUBGRAPH_NAMES].sort().map((name) => ({ name, url: foreign.subgraphs[name].url })));
  });

  it('finds in the hub’s own supergraph the URLs where `npm start` runs its subgraphs by default', async () => {
    const hubSupergraph = await readFile(projectPath('schema', 'supergraph.graphql'), 'utf8');
    const { subgraphPorts } = HUB_DEFAULTS;
    expect(subgraphsOfSupergraph(hubSupergraph).sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      [...SUBGRAPH_NAMES].sort().map((name) => ({ name, url: `http://127.0.0.1:${subgraphPorts[name]}/graphql` })),
    );
  });

  it('lets SUBGRAPH_<NAME>_URL override the supergraph’s URL of one subgraph', async () => {
    const deadUrl = `http://127.0.0.1:${await findFreePort()}/graphql`;
    const staleSupergraph = foreign.compose({ email: deadUrl });
    const security = await testGatewaySecurity();
    const start = (subgraphUrls: Record<string, string>) =>
      startGatewayHttp({ supergraphSdl: staleSupergraph, subgraphUrls, log: quiet, registry: new Registry(), security }, { host: '127.0.0.1', port: 0 });
    const query = '{ outbox { subject } }';

    const withoutOverride = await start({});
    try {
      const response = await postGraphQL(withoutOverride.url, query, {}, { token: null });
      expect(response.errors![0]!.extensions!.code).toBe('SUBGRAPH_UNAVAILABLE');
    } finally {
      await withoutOverride.close();
    }

    const overrides = subgraphUrlOverridesFromEnv({ SUBGRAPH_EMAIL_URL: foreign.subgraphs.email.url, UNRELATED: 'x' }, names());
    expect(overrides).toEqual({ email: foreign.subgraphs.email.url });
    const withOverride = await start(overrides);
    try {
      const response = await postGraphQL(withOverride.url, query, {}, { token: null });
      expect(response.errors).toBeUndefined();
      expect(response.data!.outbox).toHaveLength(2);
    } finally {
      await withOverride.close();
    }
  });

  it('refuses an override or a timeout for a subgraph the supergraph does not have, naming it and the known ones', () => {
    expect(() => subgraphUrlOverridesFromEnv({ SUBGRAPH_EMAILS_URL: 'http://127.0.0.1:1/graphql' }, names())).toThrow(ConfigurationError);
    expect(() => subgraphUrlOverridesFromEnv({ SUBGRAPH_EMAILS_URL: 'http://127.0.0.1:1/graphql' }, names())).toThrow(
      /SUBGRAPH_EMAILS_URL.*SUBGRAPH_EMAIL_URL/s,
    );
    expect(() => subgraphTimeoutsFromEnv({ SUBGRAPH_REVIEW_TIMEOUT_MS: '500' }, DEFAULT_SUBGRAPH_TIMEOUT_MS, names())).toThrow(/SUBGRAPH_REVIEW_TIMEOUT_MS/);
    // The hub's own variables are typos too when the supergraph is not the hub's.
    expect(() => subgraphUrlOverridesFromEnv({ SUBGRAPH_GRIDS_URL: 'http://127.0.0.1:1/graphql' }, names())).toThrow(/SUBGRAPH_GRIDS_URL/);
    expect(subgraphTimeoutsFromEnv({ SUBGRAPH_TIMEOUT_MS: '4000', SUBGRAPH_REVIEWS_TIMEOUT_MS: '500' }, DEFAULT_SUBGRAPH_TIMEOUT_MS, names())).toEqual({
      accounts: 4000,
      email: 4000,
      inventory: 4000,
      products: 4000,
      reviews: 500,
    });
  });

  it('refuses overrides passed in code for unknown subgraphs, and a subgraph left without any URL', async () => {
    const security = await testGatewaySecurity();
    expect(() => createGateway({ supergraphSdl, subgraphUrls: { emails: foreign.subgraphs.email.url }, log: quiet, security })).toThrow(
      /"emails".*accounts, email, inventory, products, reviews/s,
    );
    const withoutUrl = foreign.compose({ email: '' });
    expect(() => createGateway({ supergraphSdl: withoutUrl, log: quiet, security })).toThrow(ConfigurationError);
    expect(() => createGateway({ supergraphSdl: withoutUrl, log: quiet, security })).toThrow(/"email".*SUBGRAPH_EMAIL_URL/s);
    expect(() => createGateway({ supergraphSdl: withoutUrl, subgraphUrls: { email: foreign.subgraphs.email.url }, log: quiet, security })).not.toThrow();
  });

  it('runs as a process (gateway/src/main.ts) on SUPERGRAPH_PATH with one URL from the environment, and refuses a typo', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'any-supergraph-'));
    const path = join(folder, 'supergraph.graphql');
    await writeFile(path, foreign.compose({ email: `http://127.0.0.1:${await findFreePort()}/graphql` }));
    const run = (env: Record<string, string>) => {
      const child = spawn(process.execPath, ['--import', 'tsx', projectPath('gateway', 'src', 'main.ts')], {
        cwd: projectPath(),
        env: {
          ...process.env,
          SUPERGRAPH_PATH: path,
          JWT_SECRET: TEST_JWT_SECRET,
          HUB_ROUTER_SECRETS: TEST_ROUTER_SECRETS.join(','),
          HOST: '127.0.0.1',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      return { child, output: () => output, exited };
    };
    try {
      const refused = run({ PORT: '0', SUBGRAPH_EMAILS_URL: foreign.subgraphs.email.url });
      expect(await refused.exited).not.toBe(0);
      expect(refused.output()).toMatch(/ConfigurationError[\s\S]*SUBGRAPH_EMAILS_URL/);

      const port = await findFreePort();
      const served = run({ PORT: String(port), SUBGRAPH_EMAIL_URL: foreign.subgraphs.email.url });
      try {
        const url = `http://127.0.0.1:${port}/graphql`;
        await waitForOutput(served, /"listening"/);
        const response = await postGraphQL(url, '{ outbox { subject to { username } } }', {}, { token: null });
        expect(response.errors).toBeUndefined();
        expect(response.data!.outbox[1]).toEqual({ subject: 'Price drop', to: { username: 'alan' } });
      } finally {
        served.child.kill('SIGTERM');
        await served.exited;
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
