import { describe, expect, it } from '@jest/globals';
import { loadExampleOperations } from '../gateway/src/explorer.js';
import { Random } from '../seed/random.js';
import { SUBGRAPH_NAMES } from '../lib/subgraph/names.js';
import { asService, type RequestSigner } from './support/auth.js';
import { defaultTestToken, postGraphQL } from './support/hub.js';
import { useTestHub } from './support/use-test-hub.js';

/**
 * Hostile and broken input at the gateway: every answer is a JSON GraphQL error with a code, the
 * hub keeps serving, and the data is unchanged.
 */
const hub = useTestHub();

// Codes a client may legitimately get for broken input; INTERNAL_SERVER_ERROR is never one of them.
const INPUT_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'OPERATION_RESOLUTION_FAILURE',
]);

async function rawPost(body: string, contentType = 'application/json', headers: Record<string, string> = {}, url = hub.gatewayUrl) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}

const FINGERPRINT = `{ communities(first: 0) { totalCount } coBuildingUnits(first: 0) { totalCount }
  resources(first: 0) { totalCount } demands(first: 0) { totalCount } organisations(first: 0) { totalCount } }`;
const fingerprint = async () => (await postGraphQL(hub.gatewayUrl, FINGERPRINT)).data;

function expectCodedError(result: { status: number; json: any; text: string }) {
  expect(result.json).toBeDefined();
  const codes = (result.json.errors ?? []).map((error: any) => error.extensions?.code);
  expect(codes.length).toBeGreaterThan(0);
  for (const code of codes) expect(INPUT_ERROR_CODES).toContain(code);
}

describe('bad input at the gateway', () => {
  it('answers malformed JSON, missing queries and wrong content types with coded errors', async () => {
    const before = await fingerprint();
    const malformed = await rawPost('{"query": "{ communities { totalCount } ');
    expect(malformed.status).toBe(400);
    expectCodedError(malformed);
    expect(malformed.json.errors[0].extensions.code).toBe('BAD_REQUEST');
    expectCodedError(await rawPost('{}'));
    expectCodedError(await rawPost('[1, 2, 3]'));
    expectCodedError(await rawPost(JSON.stringify({ query: 42 })));
    expectCodedError(await rawPost(JSON.stringify({ query: '{ communities { totalCount } }', variables: 'not-an-object' })));
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses a 10 MB body with PAYLOAD_TOO_LARGE and keeps serving', async () => {
    const huge = JSON.stringify({ query: `{ communities { totalCount } }`, variables: { padding: 'x'.repeat(10 * 1024 * 1024) } });
    const result = await rawPost(huge);
    expect(result.status).toBe(413);
    expect(result.json.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await postGraphQL(hub.gatewayUrl, '{ communities(first: 1) { totalCount } }')).data?.communities.totalCount).toBe(67);
  });

  it('rejects wrong variable types and unknown fields before anything runs', async () => {
    const before = await hub.sqlStatements();
    const wrongType = await postGraphQL(hub.gatewayUrl, 'query($first: Int) { communities(first: $first) { totalCount } }', { first: { nested: true } });
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await postGraphQL(hub.gatewayUrl, '{ communities { nodes { id password } } }');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const unknownArgument = await postGraphQL(hub.gatewayUrl, '{ community(id: "community-01", drop: true) { id } }');
    expect(unknownArgument.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // Rejected during validation: no subgraph was asked, so no SQL ran.
    expect(await hub.sqlStatements()).toBe(before);
  });

  it('rejects mutation variables of the wrong type, unknown input fields, unknown enum values and missing required ones; nothing is written', async () => {
    const before = await fingerprint();
    const statementsBefore = await hub.sqlStatements();
    const submit = 'mutation($input: SubmitDemandInput!) { submitDemand(input: $input) { id } }';
    const valid = { title: 't', description: 'd', category: 'MATERIALS', communityId: 'community-01', source: 'MICRO_WISH', actor: 'a' };
    const cases: [string, string, Record<string, unknown>][] = [
      ['string for Int', 'query($first: Int) { communities(first: $first) { totalCount } }', { first: 'ten' }],
      ['float for Int', 'query($first: Int) { communities(first: $first) { totalCount } }', { first: 1.5 }],
      ['list for ID', 'query($id: ID!) { community(id: $id) { id } }', { id: ['community-01'] }],
      ['null for a required variable', submit, { input: null }],
      ['missing required variable', submit, {}],
      ['unknown input field', submit, { input: { ...valid, priority: 'urgent' } }],
      ['unknown enum value', submit, { input: { ...valid, category: 'WEAPONS' } }],
      ['missing required input field', submit, { input: { ...valid, title: undefined } }],
      ['number for String input field', submit, { input: { ...valid, title: 42 } }],
    ];
    for (const [what, query, variables] of cases) {
      const answer = await postGraphQL(hub.gatewayUrl, query, variables);
      expect({ what, data: answer.data ?? null }).toEqual({ what, data: null });
      expect({ what, code: answer.errors?.[0]?.extensions?.code }).toEqual({ what, code: 'BAD_USER_INPUT' });
    }
    const unknownInlineField = await postGraphQL(
      hub.gatewayUrl,
      'mutation { submitDemand(input: { title: "t", description: "d", category: MATERIALS, communityId: "community-01", source: MICRO_WISH, actor: "a", drop: true }) { id } }',
    );
    expect(unknownInlineField.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // Refused at the gateway: no subgraph ran a statement, nothing changed.
    expect(await hub.sqlStatements()).toBe(statementsBefore);
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses deep and alias-heavy documents with QUERY_TOO_COMPLEX before any subgraph is asked', async () => {
    const statementsBefore = await hub.sqlStatements();
    // grid → community → grids → … : 40 levels of a cycle the schema allows.
    let deep = 'id';
    for (let level = 0; level < 20; level++) deep = `community { grids { ${deep} } }`;
    const tooDeep = await postGraphQL(hub.gatewayUrl, `{ grid(id: "grid-001") { ${deep} } }`);
    expect(tooDeep.data ?? null).toBeNull();
    expect(tooDeep.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: communities(first: 1) { totalCount }`).join(' ');
    const aliasHeavy = await postGraphQL(hub.gatewayUrl, `{ ${aliases} }`);
    expect(aliasHeavy.data ?? null).toBeNull();
    expect(aliasHeavy.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(await hub.sqlStatements()).toBe(statementsBefore);
    expect((await fetch(new URL('/health', hub.gatewayUrl))).status).toBe(200);
  });

  it('computes the cost with the variables sent: a page size in a variable is refused like the same literal', async () => {
    const statementsBefore = await hub.sqlStatements();
    const query = 'query($n: Int = 1) { communities(first: $n) { nodes { grids { microGrids { grid { community { grids { microGrids { id } } } } } } } } }';
    const sent = await postGraphQL(hub.gatewayUrl, query, { n: 100 });
    expect(sent.status).toBe(400);
    expect(sent.data ?? null).toBeNull();
    expect(sent.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    const literal = await postGraphQL(hub.gatewayUrl, query.replace('query($n: Int = 1)', '').replace('$n', '100'));
    expect(literal.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    expect(await hub.sqlStatements()).toBe(statementsBefore);
    const small = await postGraphQL(hub.gatewayUrl, query, { n: 1 });
    expect(small.errors).toBeUndefined();
    expect(small.data?.communities.nodes).toHaveLength(1);
  });

  it('answers a document of 25 levels of doubling fragment spreads, and keeps serving', async () => {
    const levels = 25;
    const fragments = Array.from({ length: levels - 1 }, (_, k) => `fragment F${k + 1} on Street { ...F${k + 2} ...F${k + 2} }`);
    const bomb = `{ street { ...F1 } } ${fragments.join(' ')} fragment F${levels} on Street { name }`;
    expect(bomb.length).toBeLessThan(1_200);
    // Expanded naively this is 2^24 selections: the answer only comes if nothing expands it (minutes otherwise).
    const answer = await postGraphQL(hub.gatewayUrl, bomb);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.street.name).toEqual(expect.any(String));
    const aliased = await postGraphQL(hub.gatewayUrl, bomb.replace('{ name }', '{ a: name }'));
    expect(aliased.status).toBe(400);
    expect(aliased.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases', value: 2 ** (levels - 1) });
    expect((await fetch(new URL('/health', hub.gatewayUrl))).status).toBe(200);
  });

  /** The gateway (as a signed-in operator) and each subgraph directly (as a router would call it). */
  async function everyService(): Promise<{ service: string; url: string; sign: RequestSigner }[]> {
    const authorization = `Bearer ${await defaultTestToken()}`;
    return [
      { service: 'gateway', url: hub.gatewayUrl, sign: () => ({ authorization }) },
      ...SUBGRAPH_NAMES.map((name) => ({ service: name, url: hub.subgraphs[name].url, sign: asService('test', name) })),
    ];
  }

  it('answers a subscription, several operations without operationName and an unknown operationName with HTTP 400 naming the problem, at the gateway and in every subgraph', async () => {
    const statementsBefore = await hub.sqlStatements();
    for (const { service, url, sign } of await everyService()) {
      const post = async (body: unknown) => {
        const text = JSON.stringify(body);
        const { status, json } = await rawPost(text, 'application/json', await sign(text), url);
        return { service, status, code: json?.errors?.[0]?.extensions?.code, message: json?.errors?.[0]?.message };
      };
      expect(await post({ query: 'subscription { street { name } }' })).toEqual({
        service,
        status: 400,
        code: 'GRAPHQL_VALIDATION_FAILED',
        message: expect.stringContaining('subscriptions are not supported'),
      });
      const two = 'query A { __typename } query B { __typename }';
      expect(await post({ query: two })).toEqual({
        service,
        status: 400,
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/the document has 2 operations: send operationName/),
      });
      expect(await post({ query: two, operationName: 'C' })).toEqual({
        service,
        status: 400,
        code: 'BAD_REQUEST',
        message: expect.stringContaining('no operation named "C"'),
      });
      expect(await post({ query: 'query A { __typename }', operationName: 'X'.repeat(10_000) })).toEqual({
        service,
        status: 400,
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/^no operation named "X{1,100}…"/),
      });
      const chosen = await post({ query: two, operationName: 'B' });
      expect(chosen.status).toBe(200);
    }
    expect(await hub.sqlStatements()).toBe(statementsBefore);
  });

  it('refuses a NUL character in any string with BAD_USER_INPUT naming where it was, at the gateway and in every subgraph; nothing runs', async () => {
    const before = await fingerprint();
    const statementsBefore = await hub.sqlStatements();
    const submit = 'mutation($input: SubmitDemandInput!) { submitDemand(input: $input) { id } }';
    const demand = { title: 't', description: 'd', category: 'MATERIALS', communityId: 'community-01', source: 'MICRO_WISH' };
    const gatewayCases: [string, Record<string, unknown>, string][] = [
      ['query($id: ID!) { community(id: $id) { id } }', { id: 'community-01\u0000' }, '$id'],
      [submit, { input: { ...demand, title: 'a\u0000b' } }, '$input.title'],
      ['query($f: CommunityFilter) { communities(filter: $f) { totalCount } }', { f: { kind: 'COMMUNITY', officeId: 'x\u0000' } }, '$f.officeId'],
      ['{ community(id: "community-01\\u0000") { id } }', {}, 'community.id'],
      ['{ communities(first: 1, after: "\\u0000") { totalCount } }', {}, 'communities.after'],
      ['{ communities(filter: { nameContains: "\\u0000" }) { nodes { grids { community { name } } } } }', {}, 'communities.filter.nameContains'],
      ['query Q($t: String = "\\u0000") { communities(filter: { nameContains: $t }) { totalCount } }', {}, '$t'],
      ['{ ...Q } fragment Q on Query { community(id: "\\u0000") { id } }', {}, 'community.id'],
    ];
    for (const [query, variables, field] of gatewayCases) {
      const answer = await postGraphQL(hub.gatewayUrl, query, variables);
      expect({ query, status: answer.status, data: answer.data ?? null, extensions: answer.errors?.[0]?.extensions }).toEqual({
        query,
        status: 400,
        data: null,
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
      });
      expect(answer.errors?.[0]?.message).toContain('NUL');
    }
    // Each subgraph refuses it too, whoever routes to it.
    const entities = 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }';
    for (const { service, url, sign } of (await everyService()).filter(({ service }) => service !== 'gateway')) {
      for (const [body, field] of [
        [{ query: entities, variables: { r: [{ __typename: 'Community', id: 'community-01\u0000' }] } }, '$r.0.id'],
        [{ query: '{ _entities(representations: [{ __typename: "Community", id: "c\\u0000" }]) { __typename } }' }, '_entities.representations.id'],
      ] as const) {
        const { status, json } = await rawPost(JSON.stringify(body), 'application/json', await sign(JSON.stringify(body)), url);
        expect({ service, status, extensions: json.errors?.[0]?.extensions }).toEqual({
          service,
          status: 400,
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
        });
      }
    }
    expect(await hub.sqlStatements()).toBe(statementsBefore);
    expect(await fingerprint()).toEqual(before);
  });

  it('counts requests to unknown paths under one metrics label, never under a path the client chose (gateway and subgraphs)', async () => {
    for (const { service, url } of await everyService()) {
      for (let i = 0; i < 200; i++) {
        const response = await fetch(new URL(`/probe-${i}-${'x'.repeat(2_000)}?q=${i}`, url));
        await response.arrayBuffer();
      }
      await fetch(new URL('/graphql/probe-below-graphql', url)).then((response) => response.arrayBuffer());
      const metrics = await (await fetch(new URL('/metrics', url))).text();
      expect({ service, leaked: metrics.includes('probe-') }).toEqual({ service, leaked: false });
      const routes = new Set([...metrics.matchAll(/hub_http_request_duration_seconds_count\{[^}]*route="([^"]*)"/g)].map((match) => match[1]));
      expect({ service, other: routes.has('other') }).toEqual({ service, other: true });
      expect({
        service,
        routes: [...routes].filter((route) => !['/graphql', '/health', '/metrics', '/ready', '/', '/explorer/:file', 'other'].includes(route!)),
      }).toEqual({
        service,
        routes: [],
      });
    }
  });

  it('survives a fuzz of random and mangled documents: coded errors only, no crash, nothing changed', async () => {
    const before = await fingerprint();
    const random = Random.forStream(20_261_122, 'fuzz');
    const examples = (await loadExampleOperations()).map((example) => example.document);
    const tokens = [
      '{',
      '}',
      '(',
      ')',
      '[',
      ']',
      ':',
      '$',
      '!',
      '@',
      '...',
      'query',
      'mutation',
      'fragment',
      'on',
      'communities',
      'nodes',
      'id',
      'name',
      'first',
      'after',
      '1',
      '-1',
      '"x"',
      'null',
      ',',
      '#',
      '__typename',
      '__schema',
      'grids',
      'community',
    ];
    const documents: string[] = [];
    for (let i = 0; i < 150; i++) {
      documents.push(Array.from({ length: random.int(1, 30) }, () => random.pick(tokens)).join(' '));
    }
    for (let i = 0; i < 150; i++) {
      const chars = Array.from(random.pick(examples));
      for (let edit = random.int(1, 5); edit > 0; edit--) {
        const at = random.int(0, chars.length - 1);
        const kind = random.int(0, 2);
        if (kind === 0) chars.splice(at, 1);
        else if (kind === 1) chars.splice(at, 0, random.pick(['{', '}', '(', ')', ':', '"', '$', '!', 'x', ' ']));
        else chars.splice(at, random.int(1, 20));
      }
      documents.push(chars.join(''));
    }
    for (const document of documents) {
      const result = await rawPost(JSON.stringify({ query: document }));
      if (result.json?.errors) {
        for (const error of result.json.errors) {
          expect({ document, code: error.extensions?.code }).toEqual({ document, code: expect.stringMatching(/.+/) });
          expect({ document, code: error.extensions.code }).not.toEqual({ document, code: 'INTERNAL_SERVER_ERROR' });
        }
      } else {
        expect({ document, data: result.json?.data }).toEqual({ document, data: expect.anything() });
      }
    }
    expect((await fetch(new URL('/health', hub.gatewayUrl))).status).toBe(200);
    expect(await fingerprint()).toEqual(before);
  });

  it('survives a fuzz of hostile requests (variables, operation names, limits, methods, content types, URLs): never HTTP 5xx or INTERNAL_SERVER_ERROR, at the gateway and in a subgraph', async () => {
    const before = await fingerprint();
    const random = Random.forStream(20_261_202, 'hostile');
    const examples = (await loadExampleOperations()).map((example) => example.document);
    const bomb = (levels: number, leaf: string) =>
      `{ street { ...F1 } } ${Array.from({ length: levels - 1 }, (_, k) => `fragment F${k + 1} on Street { ...F${k + 2} ...F${k + 2} }`).join(' ')} fragment F${levels} on Street { ${leaf} }`;
    const documents = [
      ...examples,
      'query($n: Int = 1) { communities(first: $n) { nodes { grids { microGrids { grid { community { grids { microGrids { id } } } } } } } } }',
      'query($id: ID!) { community(id: $id) { id name grids { id } } }',
      'query($f: CommunityFilter, $after: String) { communities(first: 5, after: $after, filter: $f) { totalCount nodes { id } } }',
      'mutation($input: SubmitDemandInput!) { submitDemand(input: $input) { id } }',
      'subscription { street { name } }',
      'query A { __typename } query B { street { name } }',
      '{ community(id: "a\\u0000") { id } }',
      bomb(25, 'name'),
      bomb(12, 'a: name'),
      `{ ${'grids { community { '.repeat(10)}id${' } }'.repeat(10)} }`,
      '{ __schema { types { name } } }',
    ];
    const strings = ['community-01', '', 'x'.repeat(10_000), 'a\u0000b', '\u0000', '欧阳小明', 'k:community-01', "'; DROP TABLE communities; --", '\ud800'];
    const anyValue = (depth: number): unknown => {
      switch (random.int(0, depth > 2 ? 4 : 6)) {
        case 0:
          return random.pick(strings);
        case 1:
          return random.pick([0, -1, 1, 100, 101, 1e9, 2 ** 53, -0.5, 1.5]);
        case 2:
          return null;
        case 3:
          return random.chance(0.5);
        case 4:
          return random.pick(['COMMUNITY', 'MATERIALS', 'NOPE']);
        case 5:
          return Array.from({ length: random.int(0, 3) }, () => anyValue(depth + 1));
        default:
          return Object.fromEntries(
            Array.from({ length: random.int(0, 4) }, () => [
              random.pick(['id', 'title', 'officeId', 'kind', 'n', 'first', '__typename', 'a\u0000']),
              anyValue(depth + 1),
            ]),
          );
      }
    };
    const variablesFor = () =>
      random.chance(0.1)
        ? random.pick<unknown>(['x', 1, [1], null])
        : Object.fromEntries(Array.from({ length: random.int(0, 3) }, () => [random.pick(['n', 'id', 'f', 'after', 'input', 'x']), anyValue(0)]));
    const operationNameFor = () => random.pick<unknown>([undefined, undefined, 'A', 'B', 'C', 'X'.repeat(2_000), 'A\u0000', 42, null]);
    const contentTypes = [
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset=latin1',
      'application/graphql',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      '',
    ];
    const token = await defaultTestToken();

    const requests: { what: string; url: string; init: RequestInit }[] = [];
    for (let i = 0; i < 250; i++) {
      const query = random.pick(documents);
      const body = JSON.stringify({ query, variables: variablesFor(), operationName: operationNameFor() });
      // Mutations go anonymous (refused): the fuzz must not change data.
      const auth: Record<string, string> = query.startsWith('mutation') || random.chance(0.3) ? {} : { authorization: `Bearer ${token}` };
      requests.push({
        what: `POST ${body.slice(0, 300)}`,
        url: hub.gatewayUrl,
        init: { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body },
      });
    }
    for (let i = 0; i < 60; i++) {
      const contentType = random.pick(contentTypes);
      const method = random.pick(['POST', 'POST', 'GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);
      const body =
        method === 'GET'
          ? undefined
          : random.pick(['{"query":"{ street { name } }"}', 'query={ street { name } }', '{', '', '[]', '{"query": {"kind": "Document"}}', '"x"', 'null']);
      const headers: Record<string, string> = contentType ? { 'content-type': contentType } : {};
      if (random.chance(0.5)) headers['apollo-require-preflight'] = 'true';
      requests.push({ what: `${method} ${contentType} ${body ?? ''}`, url: hub.gatewayUrl, init: { method, headers, body } });
    }
    for (let i = 0; i < 40; i++) {
      const parameters = new URLSearchParams();
      const padding = random.pick([0, 0, 3, 999, 1_000, 1_001, 1_500]);
      for (let p = 0; p < padding; p++) parameters.append(`p${p}`, String(p));
      if (random.chance(0.8)) parameters.append('query', random.pick(documents.filter((document) => !document.startsWith('mutation'))));
      if (random.chance(0.2)) parameters.append('query', '{ __typename }');
      if (random.chance(0.4)) parameters.append('variables', random.pick(['{"n": 100}', '{', '[1]', '{"id": "a\\u0000"}', JSON.stringify(variablesFor())]));
      if (random.chance(0.3)) parameters.append('extensions', random.pick(['{', '{"persistedQuery": {"version": 1, "sha256Hash": "00"}}', '1']));
      if (random.chance(0.3)) parameters.append('operationName', random.pick(['A', 'B', 'C', '']));
      const url = `${hub.gatewayUrl}?${parameters.toString()}`;
      requests.push({ what: `GET ${url.slice(0, 300)}`, url, init: { headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${token}` } } });
    }
    for (const path of [
      '/graphql/',
      '/GRAPHQL',
      '/graphql/x',
      '/explorer/%ZZ',
      '/explorer/..%2F..%2Fpackage.json',
      '/%',
      `/${'x'.repeat(5_000)}`,
      '/health?x=%',
      '/metrics/',
    ]) {
      requests.push({ what: `GET ${path}`, url: new URL(path, hub.gatewayUrl).href, init: {} });
    }
    // A subgraph as a router reaches it: signed, with the same hostile bodies.
    const subgraph = hub.subgraphs.grids.url;
    for (let i = 0; i < 80; i++) {
      const body = JSON.stringify({
        query: random.pick(documents.filter((document) => !document.startsWith('mutation'))),
        variables: variablesFor(),
        operationName: operationNameFor(),
      });
      requests.push({
        what: `grids POST ${body.slice(0, 300)}`,
        url: subgraph,
        init: { method: 'POST', headers: { 'content-type': random.pick(contentTypes.slice(0, 4)), ...(await asService('test', 'grids')(body)) }, body },
      });
    }

    for (const { what, url, init } of requests) {
      const response = await fetch(url, init);
      const text = await response.text();
      expect({ what, status: response.status < 500 }).toEqual({ what, status: true });
      let json: { errors?: { extensions?: { code?: unknown } }[] } | undefined;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      for (const error of json?.errors ?? []) {
        expect({ what, code: error.extensions?.code }).toEqual({ what, code: expect.stringMatching(/^(?!INTERNAL_SERVER_ERROR$)[A-Z_]+$/) });
      }
    }
    expect((await fetch(new URL('/health', hub.gatewayUrl))).status).toBe(200);
    expect(await fingerprint()).toEqual(before);
  });
});
