import {
  Kind,
  OperationTypeNode,
  parse,
  print,
  stripIgnoredCharacters,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
} from 'graphql';

/**
 * Entity fetches of one client operation that go to the same subgraph at the same moment (the
 * branches of a query plan's Parallel node) travel as one HTTP request: each keeps its own
 * `_entities` field under an alias, with its own representations variable, so their selections never
 * mix. The subgraph then answers them in one request (one token check, one signature check, its
 * data loaders shared across them) and the gateway sends and parses one body instead of several.
 * The unit view's plan, for instance, asks organisations, grids and resource-pools twice each in one
 * Parallel node.
 *
 * Only plain entity fetches qualify: a query whose one field is `_entities(representations:
 * $representations)`, without fragments (see entityFetchOf). Anything else goes out alone.
 */

/** The part of an entity fetch that batching needs, taken from the planner's document once. */
export interface EntityFetch {
  operation: OperationDefinitionNode;
  entities: FieldNode;
}

/** Entity fetches by their text: a plan's fetches are few and the same for every request of its shape. */
const parsedFetches = new Map<string, EntityFetch | null>();
const MAX_PARSED_FETCHES = 2_000;

/**
 * The fetch's `_entities` field when the query is a plain entity fetch, else null; parsed once per
 * text (the planner does not hand its document to the data sources).
 */
export function entityFetchOf(query: string): EntityFetch | null {
  let fetch = parsedFetches.get(query);
  if (fetch === undefined) {
    try {
      fetch = readEntityFetch(parse(query, { noLocation: true }));
    } catch {
      fetch = null; // not ours to judge: the subgraph answers it
    }
    // A bound, so a stream of ad-hoc operations cannot grow this without end.
    if (parsedFetches.size >= MAX_PARSED_FETCHES) parsedFetches.clear();
    parsedFetches.set(query, fetch);
  }
  return fetch;
}

function readEntityFetch(document: DocumentNode): EntityFetch | null {
  if (document.definitions.length !== 1) return null; // fragments, or several operations
  const operation = document.definitions[0]!;
  if (operation.kind !== Kind.OPERATION_DEFINITION || operation.operation !== OperationTypeNode.QUERY) return null;
  const [entities, ...others] = operation.selectionSet.selections;
  if (others.length > 0 || entities?.kind !== Kind.FIELD || entities.name.value !== '_entities' || entities.alias) return null;
  const [argument, ...otherArguments] = entities.arguments ?? [];
  if (otherArguments.length > 0 || argument?.name.value !== 'representations') return null;
  if (argument.value.kind !== Kind.VARIABLE || argument.value.name.value !== 'representations') return null;
  // The batch names its variables representations0, representations1, …: none of the fetch's may look alike.
  if (operation.variableDefinitions?.some((definition) => /^representations\d+$/.test(definition.variable.name.value))) return null;
  return { operation, entities };
}

/** The alias of the i-th fetch's `_entities` in a batch, and the name of its representations variable. */
export const batchAlias = (index: number) => `_entities${index}`;
const representationsVariable = (index: number) => `representations${index}`;

export interface BatchedQuery {
  query: string;
  operationName: string | undefined;
}

/** One step of the batched documents' index: the batches that go on with one more fetch, and the one that ends here. */
interface BatchStep {
  next: WeakMap<EntityFetch, BatchStep>;
  query?: BatchedQuery;
}

/**
 * Batched documents by their parts, in order: a plan's Parallel node gives the same batch every
 * time, and its parts are the same EntityFetch objects (entityFetchOf keeps one per text), so they
 * are looked up without a key string of every part's text per request. Kept while the parts are.
 */
const batchedQueries = new WeakMap<EntityFetch, BatchStep>();

/**
 * One query asking every fetch's entities under its own alias. Variables the fetches share (the
 * client's, with the same values since they come from one request) are declared once. Printed
 * without indentation or line breaks, as the planner prints its own fetches: the whitespace would
 * be signed, sent and parsed with every batch.
 */
export function batchedQuery(parts: readonly { query: string; fetch: EntityFetch }[]): BatchedQuery {
  let level = batchedQueries;
  let step: BatchStep | undefined;
  for (const part of parts) {
    step = level.get(part.fetch);
    if (!step) {
      step = { next: new WeakMap() };
      level.set(part.fetch, step);
    }
    level = step.next;
  }
  if (!step) throw new Error('a batch has at least one fetch');
  if (step.query === undefined) {
    const document = batchedDocument(parts.map((part) => part.fetch));
    const operation = document.definitions[0] as OperationDefinitionNode;
    step.query = { query: stripIgnoredCharacters(print(document)), operationName: operation.name?.value };
  }
  return step.query;
}

function batchedDocument(fetches: readonly EntityFetch[]): DocumentNode {
  const variableDefinitions = new Map<string, VariableDefinitionNode>();
  const selections: FieldNode[] = [];
  fetches.forEach((fetch, index) => {
    for (const definition of fetch.operation.variableDefinitions ?? []) {
      const name = definition.variable.name.value;
      if (name === 'representations') {
        const renamed = representationsVariable(index);
        variableDefinitions.set(renamed, { ...definition, variable: { ...definition.variable, name: { kind: Kind.NAME, value: renamed } } });
      } else if (!variableDefinitions.has(name)) {
        variableDefinitions.set(name, definition);
      }
    }
    selections.push({
      ...fetch.entities,
      alias: { kind: Kind.NAME, value: batchAlias(index) },
      arguments: fetch.entities.arguments!.map((argument) => ({
        ...argument,
        value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: representationsVariable(index) } },
      })),
    });
  });
  const first = fetches[0]!.operation;
  return {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: OperationTypeNode.QUERY,
        name: first.name ? { kind: Kind.NAME, value: `${first.name.value}__batch` } : undefined,
        variableDefinitions: [...variableDefinitions.values()],
        selectionSet: { kind: Kind.SELECTION_SET, selections },
      },
    ],
  };
}

/** The variables of a batch: each fetch's representations under its own name, the shared ones once. */
export function batchedVariables(parts: readonly { variables?: Record<string, unknown> }[]): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  parts.forEach((part, index) => {
    const own = part.variables;
    if (!own) return;
    // Own keys in Object.entries' order, without its array of pairs.
    for (const name in own) {
      if (!Object.prototype.hasOwnProperty.call(own, name)) continue;
      if (name === 'representations') variables[representationsVariable(index)] = own[name];
      else variables[name] = own[name];
    }
  });
  return variables;
}

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: readonly { path?: readonly (string | number)[] }[];
  extensions?: Record<string, unknown>;
}

/**
 * The batch's answer as each fetch would have had it alone: its `_entities` back under that name,
 * and the errors under its alias with their paths rewritten to `_entities`. Errors without such a
 * path (the request as a whole failed) go to every fetch, as each would have met them on its own.
 * Undefined when the subgraph answered without data (the caller then sends the fetches one by one,
 * so that one fetch's failure does not take the others' data with it).
 */
export function splitBatchedAnswer(answer: GraphQLAnswer, count: number): GraphQLAnswer[] | undefined {
  if (answer.data === null || answer.data === undefined) return undefined;
  const data = answer.data;
  const split: GraphQLAnswer[] = Array.from({ length: count }, (_, index) => ({
    data: { _entities: data[batchAlias(index)] ?? null },
    ...(answer.extensions ? { extensions: answer.extensions } : {}),
  }));
  for (const error of answer.errors ?? []) {
    const owner = typeof error.path?.[0] === 'string' ? aliasIndex(error.path[0], count) : undefined;
    const targets = owner === undefined ? split : [split[owner]!];
    for (const target of targets) {
      const own = owner === undefined ? error : { ...error, path: ['_entities', ...error.path!.slice(1)] };
      target.errors = [...(target.errors ?? []), own];
    }
  }
  return split;
}

function aliasIndex(responseName: string, count: number): number | undefined {
  const match = /^_entities(\d+)$/.exec(responseName);
  const index = match ? Number(match[1]) : NaN;
  return index < count ? index : undefined;
}
