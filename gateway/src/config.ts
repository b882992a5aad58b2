import { Kind, parse, type ConstDirectiveNode, type DocumentNode } from 'graphql';
import { ConfigurationError, duration, readEnv, type Environment, type Variable } from '../../lib/kernel/env.js';
import { replicaUrlList } from '../../lib/kernel/replicas.js';

/**
 * Where each subgraph's GraphQL endpoint is, by the subgraph's name in the supergraph: one URL, or
 * the URLs of its replicas separated by commas (lib/kernel/replicas.ts: the gateway balances them).
 */
export type SubgraphUrls = Readonly<Record<string, string>>;

/** A subgraph as the supergraph declares it: `@join__graph(name:, url:)` on a `join__Graph` value. */
export interface SupergraphSubgraph {
  name: string;
  /** The routing URL written at composition; empty when composed without one. */
  url: string;
}

/** `resource-pools` → `RESOURCE_POOLS`: the subgraph's part of its variables' names. */
function variableStem(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/** `resource-pools` → `SUBGRAPH_RESOURCE_POOLS_URL`. */
export function subgraphUrlVariable(name: string): string {
  return `SUBGRAPH_${variableStem(name)}_URL`;
}

/** `resource-pools` → `SUBGRAPH_RESOURCE_POOLS_TIMEOUT_MS`. */
export function subgraphTimeoutVariable(name: string): string {
  return `SUBGRAPH_${variableStem(name)}_TIMEOUT_MS`;
}

function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = directive.arguments?.find((argument) => argument.name.value === name)?.value;
  return value?.kind === Kind.STRING ? value.value : undefined;
}

/** The prefix of the join spec's names: `join` unless the supergraph imported it `as` another. */
function joinPrefixOf(document: DocumentNode): string {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const directive of definition.directives ?? []) {
      // Federation 2 supergraphs @link the join spec; Federation 1 supergraphs @core it.
      const spec =
        directive.name.value === 'link' ? stringArgument(directive, 'url') : directive.name.value === 'core' ? stringArgument(directive, 'feature') : undefined;
      if (spec?.startsWith('https://specs.apollo.dev/join/')) return stringArgument(directive, 'as') ?? 'join';
    }
  }
  return 'join';
}

/** The subgraphs a supergraph routes to, with the URLs it was composed with, in its own order. */
export function subgraphsOfSupergraph(supergraphSdl: string): SupergraphSubgraph[] {
  const document = parse(supergraphSdl);
  const prefix = joinPrefixOf(document);
  const graphs = document.definitions.find((definition) => definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === `${prefix}__Graph`);
  if (graphs?.kind !== Kind.ENUM_TYPE_DEFINITION) {
    throw new ConfigurationError(`the supergraph has no ${prefix}__Graph enum: is it a supergraph composed by Federation (rover, @apollo/composition)?`);
  }
  return (graphs.values ?? []).map((value) => {
    const graph = value.directives?.find((directive) => directive.name.value === `${prefix}__graph`);
    const name = graph && stringArgument(graph, 'name');
    if (!name) throw new ConfigurationError(`the supergraph's ${prefix}__Graph value ${value.name.value} has no @${prefix}__graph(name:)`);
    return { name, url: stringArgument(graph, 'url') ?? '' };
  });
}

/** One http(s) URL or several, comma-separated: the subgraph's replicas. */
const httpUrls = replicaUrlList(['http', 'https']);

/**
 * Each subgraph's URL: the override when given, else the one the supergraph was composed with.
 * Refuses overrides for subgraphs the supergraph does not have (a typo would otherwise be ignored)
 * and subgraphs left without a usable URL (they would fail only on the first query that needs them).
 */
export function resolveSubgraphUrls(subgraphs: readonly SupergraphSubgraph[], overrides: SubgraphUrls = {}): SubgraphUrls {
  const names = subgraphs.map((subgraph) => subgraph.name);
  const unknown = Object.keys(overrides).filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    throw new ConfigurationError(
      `gateway: a URL was given for ${unknown.map((name) => `"${name}"`).join(', ')}, which the supergraph does not have (its subgraphs: ${names.join(', ')})`,
    );
  }
  const problems: string[] = [];
  const urls = Object.fromEntries(
    subgraphs.map(({ name, url }) => {
      const chosen = overrides[name] ?? url;
      if (chosen === '') {
        problems.push(`  - subgraph "${name}": the supergraph gives no URL; set ${subgraphUrlVariable(name)}`);
        return [name, chosen];
      }
      const read = httpUrls.read(chosen);
      if ('problem' in read) {
        const source = overrides[name] === undefined ? 'the supergraph' : 'its override';
        problems.push(`  - subgraph "${name}": ${source} gives "${chosen}", not an http(s) URL; set ${subgraphUrlVariable(name)}`);
        return [name, chosen];
      }
      return [name, read.value];
    }),
  );
  if (problems.length > 0) throw new ConfigurationError(`gateway: subgraphs without a usable URL\n${problems.join('\n')}`);
  return urls;
}

/**
 * The variables `variableOf(name)` of the given subgraphs that are set, by subgraph name; any other
 * variable matching `pattern` is refused, since it names a subgraph this supergraph does not have.
 */
function perSubgraphVariables<Value>(
  env: Environment,
  subgraphNames: readonly string[],
  variableOf: (name: string) => string,
  pattern: RegExp,
  form: Variable<Value>,
): Record<string, Value> {
  const nameByVariable = new Map<string, string[]>();
  for (const name of subgraphNames) nameByVariable.set(variableOf(name), [...(nameByVariable.get(variableOf(name)) ?? []), name]);
  const problems: string[] = [];
  const values: Record<string, Value> = {};
  for (const [variable, text] of Object.entries(env)) {
    if (!pattern.test(variable) || text === undefined) continue;
    const names = nameByVariable.get(variable);
    if (!names) {
      problems.push(`gateway: ${variable} names no subgraph of the supergraph; its subgraphs' variables are ${[...nameByVariable.keys()].join(', ')}`);
    } else if (names.length > 1) {
      problems.push(`gateway: ${variable} is ambiguous, the subgraphs ${names.map((name) => `"${name}"`).join(' and ')} share it`);
    } else {
      const result = form.read(text);
      if ('value' in result) values[names[0]!] = result.value;
      else problems.push(`gateway: ${variable} ${result.problem}`);
    }
  }
  if (problems.length > 0) throw new ConfigurationError(problems.join('\n'));
  return values;
}

/**
 * SUBGRAPH_<NAME>_URL overrides of the supergraph's URLs, by subgraph name (NAME: the subgraph's
 * name upper-cased, other characters than letters and digits as `_`). Unset: the supergraph's URL.
 * Several URLs separated by commas are the subgraph's replicas, balanced by the gateway.
 */
export function subgraphUrlOverridesFromEnv(env: Environment, subgraphNames: readonly string[]): SubgraphUrls {
  return perSubgraphVariables(env, subgraphNames, subgraphUrlVariable, /^SUBGRAPH_.+_URL$/, httpUrls);
}

/** SUBGRAPH_TIMEOUT_MS and SUBGRAPH_<NAME>_TIMEOUT_MS. */
export const subgraphTimeout = duration({ min: 50, max: 600_000 });

/**
 * How long the gateway waits for each subgraph: SUBGRAPH_<NAME>_TIMEOUT_MS, else SUBGRAPH_TIMEOUT_MS,
 * else DEFAULT_SUBGRAPH_TIMEOUT_MS. A slow subgraph then costs its own fields a SUBGRAPH_TIMEOUT
 * error instead of holding the whole answer.
 */
export function subgraphTimeoutsFromEnv(env: Environment, defaultMs: number, subgraphNames: readonly string[]): Record<string, number> {
  const { SUBGRAPH_TIMEOUT_MS } = readEnv('gateway', { SUBGRAPH_TIMEOUT_MS: subgraphTimeout.default(defaultMs) }, env);
  const own = perSubgraphVariables(env, subgraphNames, subgraphTimeoutVariable, /^SUBGRAPH_.+_TIMEOUT_MS$/, subgraphTimeout);
  return Object.fromEntries(subgraphNames.map((name) => [name, own[name] ?? SUBGRAPH_TIMEOUT_MS]));
}
