import { readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import { importJWK, jwtVerify } from 'jose';
import { parse } from 'yaml';
import { createTokenVerifier, mintToken } from '../../lib/auth/jwt.js';
import { ROUTER_KEY_HEADER, ROUTER_SIGNATURE_HEADER } from '../../lib/auth/router-signature.js';
import { projectPath } from '../../lib/kernel/project-root.js';
import { DEFAULT_QUERY_LIMITS } from '../src/query-limits.js';
import { subgraphsOfSupergraph, subgraphUrlVariable } from '../src/config.js';
import { DEFAULT_SUBGRAPH_TIMEOUT_MS, FORWARDED_HEADERS } from '../src/fetcher.js';
import { DEFAULT_GATEWAY_LIMITS } from '../src/security.js';
import { bodyLimitBytes } from '../hive/plugins.js';
import { jwksFromSecret } from './jwks.js';

/**
 * The Apollo Router and Hive Router configurations (gateway/routers/) against the supergraph and the
 * trust contract: their binaries cannot run here, so this checks what they would be told. Every
 * subgraph of schema/supergraph.graphql is routed (its URL overridable by the hub's variable), the
 * headers the contract needs are propagated or inserted and nothing else, tokens are read as the hub
 * issues them, the directives are enforced, and the limits are the hub's defaults.
 */
const supergraphSubgraphs = subgraphsOfSupergraph(await readFile(projectPath('schema', 'supergraph.graphql'), 'utf8'));

type Yaml = Record<string, any>;
const apollo = parse(await readFile(projectPath('gateway', 'routers', 'apollo-router', 'router.yaml'), 'utf8')) as Yaml;
const hive = parse(await readFile(projectPath('gateway', 'routers', 'hive-router', 'router.config.yaml'), 'utf8')) as Yaml;

/** `${env.NAME}` / `${env.NAME:-default}` of an Apollo Router value (its variable expansion). */
function apolloVariable(value: unknown): { name: string; fallback: string | undefined } {
  const match = /^\$\{env\.([A-Z0-9_]+)(?::-([^}]*))?\}$/.exec(String(value));
  if (!match) throw new Error(`not a single \${env.…} expansion: ${String(value)}`);
  return { name: match[1]!, fallback: match[2] };
}

/** `env("NAME")` / `env("NAME", "default")` of a Hive Router expression. */
function hiveVariable(expression: unknown): { name: string; fallback: string | undefined } {
  const match = /env\("([A-Z0-9_]+)"(?:,\s*"([^"]*)")?\)/.exec(String(expression));
  if (!match) throw new Error(`no env("…") in the expression ${String(expression)}`);
  return { name: match[1]!, fallback: match[2] };
}

/** Every environment variable an Apollo Router config expands, anywhere in it. */
function apolloVariables(text: string): string[] {
  return [...text.matchAll(/\$\{env\.([A-Z0-9_]+)/g)].map((match) => match[1]!);
}

describe('Apollo Router (gateway/routers/apollo-router/router.yaml)', () => {
  it('routes every subgraph of the supergraph, at SUBGRAPH_<NAME>_URL or else the supergraph URL', () => {
    expect(Object.keys(apollo.override_subgraph_url).sort()).toEqual(supergraphSubgraphs.map((subgraph) => subgraph.name).sort());
    for (const { name, url } of supergraphSubgraphs) {
      expect(apolloVariable(apollo.override_subgraph_url[name])).toEqual({ name: subgraphUrlVariable(name), fallback: url });
    }
  });

  it("forwards the caller's token and the contract's other headers, and inserts the static router key on every subgraph request", () => {
    const rules: Yaml[] = apollo.headers.all.request.operations;
    const propagated = rules.filter((rule) => rule.propagate).map((rule) => String(rule.propagate.named).toLowerCase());
    expect(propagated.sort()).toEqual([...FORWARDED_HEADERS].sort());
    // Only named headers: a pattern could pass a client's own router credential on.
    expect(rules.every((rule) => !rule.propagate || rule.propagate.matching === undefined)).toBe(true);
    expect(propagated).not.toContain(ROUTER_SIGNATURE_HEADER);
    const inserted = rules.filter((rule) => rule.insert).map((rule) => rule.insert);
    expect(inserted).toEqual([{ name: ROUTER_KEY_HEADER, value: '${env.HUB_ROUTER_STATIC_KEY}' }]);
    expect(apollo.headers.subgraphs).toBeUndefined();
    // The subgraphs' refusals (FORBIDDEN, BAD_USER_INPUT …) reach the client with their codes.
    expect(apollo.include_subgraph_errors).toEqual({ all: true });
  });

  it('verifies tokens from Authorization: Bearer with the JWKS file, issuer and audience the hub is configured with, refusing bad ones', () => {
    const jwt = apollo.authentication.router.jwt;
    expect({ header: jwt.header_name.toLowerCase(), prefix: jwt.header_value_prefix, onError: jwt.on_error }).toEqual({
      header: 'authorization',
      prefix: 'Bearer',
      onError: 'Error',
    });
    expect(jwt.jwks).toHaveLength(1);
    expect(jwt.jwks[0].url).toBe('file://${env.JWT_JWKS_FILE}');
    expect(jwt.jwks[0].issuers.map(apolloVariable)).toEqual([{ name: 'JWT_ISSUER', fallback: '' }]);
    expect(jwt.jwks[0].audiences.map(apolloVariable)).toEqual([{ name: 'JWT_AUDIENCE', fallback: '' }]);
    expect(jwt.jwks[0].algorithms).toContain('HS256');
  });

  it('enforces @authenticated / @requiresScopes, refusing the whole operation as the hub gateway does, and lets anonymous callers read the rest', () => {
    expect(apollo.authorization).toEqual({ require_authentication: false, directives: { enabled: true, reject_unauthorized: true } });
  });

  it("applies the hub gateway's limits, with the same variables and defaults", () => {
    const limits = apollo.limits.router;
    expect(apolloVariable(limits.max_depth)).toEqual({ name: 'QUERY_MAX_DEPTH', fallback: String(DEFAULT_QUERY_LIMITS.maxDepth) });
    expect(apolloVariable(limits.max_aliases)).toEqual({ name: 'QUERY_MAX_ALIASES', fallback: String(DEFAULT_QUERY_LIMITS.maxAliases) });
    expect(apolloVariable(limits.parser_max_tokens)).toEqual({ name: 'QUERY_MAX_TOKENS', fallback: String(DEFAULT_QUERY_LIMITS.maxTokens) });
    expect(limits.http_max_request_bytes).toBe(bodyLimitBytes(DEFAULT_GATEWAY_LIMITS.bodyLimit));
    expect(apolloVariable(apollo.demand_control.strategy.static_estimated.max)).toEqual({
      name: 'QUERY_MAX_COST',
      fallback: String(DEFAULT_QUERY_LIMITS.maxCost),
    });
    expect(apollo.demand_control).toMatchObject({ enabled: true, mode: 'enforce' });
    expect(apollo.traffic_shaping.all.timeout).toBe(`\${env.SUBGRAPH_TIMEOUT_MS:-${DEFAULT_SUBGRAPH_TIMEOUT_MS}}ms`);
  });

  it('reads no variable the hub does not document', async () => {
    const text = await readFile(projectPath('gateway', 'routers', 'apollo-router', 'router.yaml'), 'utf8');
    // The configuration reference.
    const documentation = (
      await Promise.all(
        ['docs/configuration.md', 'docs/security.md', 'docs/routers.md', 'docs/trust-contract.md'].map((file) => readFile(projectPath(file), 'utf8')),
      )
    ).join('\n');
    for (const name of new Set(apolloVariables(text))) {
      const documented = new RegExp(`\\b${name}\\b`).test(documentation) || /^SUBGRAPH_[A-Z_]+_URL$/.test(name);
      expect({ name, documented }).toEqual({ name, documented: true });
    }
  });
});

describe('Hive Router (gateway/routers/hive-router/router.config.yaml)', () => {
  it('routes every subgraph of the supergraph, at SUBGRAPH_<NAME>_URL or else the supergraph URL', () => {
    expect(Object.keys(hive.override_subgraph_urls).sort()).toEqual(supergraphSubgraphs.map((subgraph) => subgraph.name).sort());
    for (const { name, url } of supergraphSubgraphs) {
      expect(hiveVariable(hive.override_subgraph_urls[name].url.expression)).toEqual({ name: subgraphUrlVariable(name), fallback: url });
    }
    expect(hive.supergraph).toEqual({ source: 'file', path: '../../../schema/supergraph.graphql' });
  });

  it("forwards the caller's token and the contract's other headers, and inserts the static router key on every subgraph request", () => {
    const rules: Yaml[] = hive.headers.all.request;
    const propagated = rules.filter((rule) => rule.propagate).flatMap((rule) => [rule.propagate.named].flat().map((name: string) => name.toLowerCase()));
    expect(propagated.sort()).toEqual([...FORWARDED_HEADERS].sort());
    expect(rules.every((rule) => !rule.propagate || rule.propagate.matching === undefined)).toBe(true);
    const inserted = rules.filter((rule) => rule.insert).map((rule) => rule.insert);
    expect(inserted.map((rule) => rule.name)).toEqual([ROUTER_KEY_HEADER]);
    expect(hiveVariable(inserted[0].expression)).toEqual({ name: 'HUB_ROUTER_STATIC_KEY', fallback: undefined });
    expect(hive.headers.subgraphs).toBeUndefined();
  });

  it('verifies tokens from Authorization: Bearer with the JWKS file next to it, allowing anonymous callers', () => {
    expect(hive.jwt.require_authentication).toBe(false);
    expect(hive.jwt.lookup_locations).toEqual([{ source: 'header', name: 'authorization', prefix: 'Bearer' }]);
    expect(hive.jwt.jwks_providers).toEqual([{ source: 'file', path: 'jwks.json' }]);
    expect(hive.jwt.allowed_algorithms).toContain('HS256');
  });

  it('enforces @authenticated / @requiresScopes, refusing the whole operation', () => {
    expect(hive.authorization).toEqual({ directives: { enabled: true, unauthorized: { mode: 'reject' } } });
  });

  it("applies the hub gateway's default limits (Hive Router reads no variables there)", () => {
    expect(hive.limits.max_depth.n).toBe(DEFAULT_QUERY_LIMITS.maxDepth);
    expect(hive.limits.max_tokens.n).toBe(DEFAULT_QUERY_LIMITS.maxTokens);
    expect(hive.limits.max_aliases.n).toBe(DEFAULT_QUERY_LIMITS.maxAliases);
    expect(hiveVariable(hive.traffic_shaping.all.request_timeout.expression)).toEqual({
      name: 'SUBGRAPH_TIMEOUT_MS',
      fallback: String(DEFAULT_SUBGRAPH_TIMEOUT_MS),
    });
  });
});

describe('the JWKS for the routers (gateway/routers/jwks-from-secret.ts)', () => {
  it('holds the HS256 secret as a standard JWK: it verifies the tokens the hub verifies with JWT_SECRET, and no other', async () => {
    const secret = 'router-jwks-test-secret-0123456789abcdef0123';
    const [jwk] = jwksFromSecret(secret).keys;
    // What a router does with the JWKS; jose reads JWKs as the RFCs define them.
    const key = await importJWK(jwk!, 'HS256');
    const token = await mintToken(secret, { sub: 'jwks', role: 'GRID_WORKER', grid_id: 'grid-001', community_id: 'community-01' });
    expect((await jwtVerify(token, key)).payload).toMatchObject({ sub: 'jwks', role: 'GRID_WORKER' });
    // …and the hub's own services accept the same token with JWT_SECRET.
    expect(await (await createTokenVerifier({ keys: { kind: 'secret', secret } }))(`Bearer ${token}`)).toMatchObject({ subject: 'jwks', gridId: 'grid-001' });
    const forged = await mintToken('another-secret-0123456789abcdef0123456789', { sub: 'jwks', role: 'STREET_ADMIN' });
    await expect(jwtVerify(forged, key)).rejects.toThrow(/signature/);
  });
});
