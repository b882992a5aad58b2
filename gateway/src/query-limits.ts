import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  getNamedType,
  isListType,
  isNonNullType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  visit,
} from 'graphql';
import { ErrorCode } from '../../lib/kernel/errors.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../lib/kernel/api-contract.js';

/**
 * Limits on what one operation may ask for, checked once the operation and its variables are known
 * and before any subgraph is called. They stop expensive or abusive documents with a coded error
 * instead of an outage.
 */
export interface QueryLimits {
  /** Deepest field nesting (fragments expanded). The dashboard needs 6. */
  maxDepth: number;
  /** Aliased fields in one operation, counted each time a fragment is used (alias flooding multiplies work). */
  maxAliases: number;
  /** Estimated objects an operation may produce; lists count `first` (as sent) or the default page. */
  maxCost: number;
  /** Tokens the parser reads before giving up (passed to Apollo as parseOptions.maxTokens). */
  maxTokens: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxCost: 250_000, maxTokens: 5_000 };

/** Items assumed for a list field without a `first` argument (nested lists such as grids of a community). */
const ASSUMED_LIST_SIZE = 10;

/** What one operation asks for, fragments expanded. */
export interface OperationMeasure {
  depth: number;
  aliases: number;
  cost: number;
  /**
   * Selection sets the measurement walked: one per selection set of the operation and per fragment
   * (and parent type), however often a fragment is spread, so the work is linear in the document.
   */
  selectionSetsWalked: number;
}

type Measure = Pick<OperationMeasure, 'depth' | 'aliases' | 'cost'>;

function isListOutput(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

function fieldsOf(type: GraphQLNamedType | undefined): Record<string, GraphQLField<unknown, unknown>> | undefined {
  return type && 'getFields' in type ? (type.getFields() as Record<string, GraphQLField<unknown, unknown>>) : undefined;
}

/**
 * Depth, aliases and cost of one operation with the variables it was sent with. Each fragment is
 * measured once per parent type and its figures reused wherever it is spread: expanding spreads
 * again at every use lets a document of a few hundred bytes (`fragment F1 { ...F2 ...F2 }` …)
 * take exponential time. A spread still counts every time it is used, so the figures are those of
 * the expanded operation.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | undefined,
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const variableDefaults = new Map<string, number | null>();
  for (const definition of operation.variableDefinitions ?? []) {
    const value = definition.defaultValue;
    if (value) variableDefaults.set(definition.variable.name.value, value.kind === Kind.INT ? Number(value.value) : null);
  }
  const sent = variables ?? {};

  /**
   * The page size a field will get: a literal or the value sent; when the variable was not sent,
   * its default, else the argument's default in the schema (what the resolver receives). A value
   * that cannot be known here (null, not a number) counts as the largest page a connection serves.
   */
  const firstOf = (field: FieldNode, definition: GraphQLField<unknown, unknown> | undefined): number | undefined => {
    const argumentDefault = definition?.args.find((argument) => argument.name === 'first')?.defaultValue;
    const schemaDefault = typeof argumentDefault === 'number' ? argumentDefault : MAX_PAGE_SIZE;
    const argument = field.arguments?.find((candidate) => candidate.name.value === 'first');
    if (!argument) return typeof argumentDefault === 'number' ? argumentDefault : undefined;
    const value = argument.value;
    if (value.kind === Kind.INT) return Number(value.value);
    if (value.kind !== Kind.VARIABLE) return MAX_PAGE_SIZE;
    const name = value.name.value;
    if (Object.prototype.hasOwnProperty.call(sent, name)) {
      const given = sent[name];
      return typeof given === 'number' && Number.isFinite(given) ? given : MAX_PAGE_SIZE;
    }
    if (variableDefaults.has(name)) return variableDefaults.get(name) ?? MAX_PAGE_SIZE;
    return schemaDefault;
  };

  /**
   * Multiplier of one field: `first` for connections and lists that take one, an assumed size for
   * plain lists, 1 otherwise. A connection never serves more than MAX_PAGE_SIZE (a larger `first`
   * is refused by the subgraph with BAD_USER_INPUT naming it, lib/subgraph/pagination.ts), so that is its
   * most; other lists count `first` as sent.
   */
  const sizeOf = (field: FieldNode, definition: GraphQLField<unknown, unknown> | undefined, isList: boolean, isConnection: boolean): number => {
    const first = firstOf(field, definition);
    if (first !== undefined) return Math.max(1, isConnection ? Math.min(first, MAX_PAGE_SIZE) : first);
    if (isConnection) return DEFAULT_PAGE_SIZE;
    return isList ? ASSUMED_LIST_SIZE : 1;
  };

  const measuredFragments = new Map<string, Measure>();
  const measuring = new Set<string>();
  let selectionSetsWalked = 0;

  /** Relative figures of one selection set: depth below it, aliases and cost inside it. */
  const walk = (selectionSet: SelectionSetNode, parentType: GraphQLNamedType | undefined): Measure => {
    selectionSetsWalked++;
    let depth = 0;
    let aliases = 0;
    let cost = 0;
    const add = (child: Measure, levels = 0) => {
      depth = Math.max(depth, levels + child.depth);
      aliases += child.aliases;
      cost += child.cost;
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) aliases++;
        if (!selection.selectionSet) continue; // scalars cost nothing beyond their object
        const definition = fieldsOf(parentType)?.[selection.name.value];
        const named = definition ? getNamedType(definition.type) : undefined;
        const isList = definition ? isListOutput(definition.type) : false;
        const isConnection = named !== undefined && named.name.endsWith('Connection');
        // Introspection's `ofType` chains (a list of non-null lists …) are as deep as the type
        // wrappers, not as the data: GraphiQL's standard introspection query needs ~9 of them.
        const levels = selection.name.value === 'ofType' && parentType?.name === '__Type' ? 0 : 1;
        const child = walk(selection.selectionSet, named);
        // A connection's page size was counted at the connection; its nodes/edges lists hold that page.
        const insideConnection = parentType !== undefined && parentType.name.endsWith('Connection');
        const size = insideConnection ? 1 : sizeOf(selection, definition, isList, isConnection);
        depth = Math.max(depth, levels + child.depth);
        aliases += child.aliases;
        cost += size * (1 + child.cost);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typeName = selection.typeCondition?.name.value;
        add(walk(selection.selectionSet, typeName ? (schema.getType(typeName) ?? parentType) : parentType));
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) continue; // unknown: validation reports it
        const fragmentType = schema.getType(fragment.typeCondition.name.value) ?? parentType;
        const key = `${fragment.name.value} on ${fragmentType?.name ?? ''}`;
        if (measuring.has(key)) continue; // cyclic: validation reports it
        let measured = measuredFragments.get(key);
        if (!measured) {
          measuring.add(key);
          measured = walk(fragment.selectionSet, fragmentType);
          measuring.delete(key);
          measuredFragments.set(key, measured);
        }
        add(measured);
      }
    }
    return { depth, aliases, cost };
  };

  const rootType =
    operation.operation === OperationTypeNode.QUERY
      ? schema.getQueryType()
      : operation.operation === OperationTypeNode.MUTATION
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  const measured = walk(operation.selectionSet, rootType ?? undefined);
  return { ...measured, selectionSetsWalked };
}

/** Measures kept per operation and set of page sizes, so that they are bounded per operation. */
const MAX_MEASURES_PER_OPERATION = 100;

/**
 * measureOperation once per operation of a parsed document (Apollo Server hands every request with
 * the same text the same cached, validated document) and per value of the variables it reads: of
 * the variables, a measure depends only on those given as `first`. Keyed weakly by the schema and
 * the operation's node, so an evicted document takes its measures with it.
 */
export class OperationMeasures {
  private readonly bySchema = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, MeasuresOfOperation>>();

  measure(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Readonly<Record<string, unknown>> | undefined,
  ): OperationMeasure {
    let byOperation = this.bySchema.get(schema);
    if (!byOperation) this.bySchema.set(schema, (byOperation = new WeakMap()));
    let known = byOperation.get(operation);
    if (!known) byOperation.set(operation, (known = { pageSizeVariables: pageSizeVariablesOf(document), byValues: new Map() }));
    const sent = variables ?? {};
    // Sent or not, and what: an unsent variable takes its default, which is not the value `null`.
    const key = JSON.stringify(known.pageSizeVariables.map((name) => (Object.prototype.hasOwnProperty.call(sent, name) ? [sent[name]] : [])));
    let measure = known.byValues.get(key);
    if (!measure) {
      measure = measureOperation(schema, document, operation, variables);
      if (known.byValues.size >= MAX_MEASURES_PER_OPERATION) known.byValues.clear();
      known.byValues.set(key, measure);
    }
    return measure;
  }
}

interface MeasuresOfOperation {
  /** Variables given as a `first` argument anywhere in the document: the only ones a measure reads. */
  pageSizeVariables: readonly string[];
  byValues: Map<string, OperationMeasure>;
}

function pageSizeVariablesOf(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(argument) {
      if (argument.name.value === 'first' && argument.value.kind === Kind.VARIABLE) names.add(argument.value.name.value);
    },
  });
  return [...names];
}

function limitError(message: string, limit: string, value: number, max: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit, value, max, http: { status: 400 } } });
}

/** The first limit the operation is over, as the error to answer with; null when it is within all. */
export function exceededLimit(measure: OperationMeasure, limits: QueryLimits): GraphQLError | null {
  if (measure.depth > limits.maxDepth) {
    return limitError(`query is nested ${measure.depth} levels deep; at most ${limits.maxDepth} are allowed`, 'depth', measure.depth, limits.maxDepth);
  }
  if (measure.aliases > limits.maxAliases) {
    return limitError(`query uses ${measure.aliases} aliases; at most ${limits.maxAliases} are allowed`, 'aliases', measure.aliases, limits.maxAliases);
  }
  if (measure.cost > limits.maxCost) {
    return limitError(
      `query may produce about ${measure.cost} objects; at most ${limits.maxCost} are allowed (ask for smaller pages)`,
      'cost',
      measure.cost,
      limits.maxCost,
    );
  }
  return null;
}

/**
 * Applies the limits once Apollo has resolved the operation: validation rules never see the
 * variables, and a page size sent in a variable must cost what the same literal costs. Answers
 * HTTP 400 with QUERY_TOO_COMPLEX and `extensions.limit` (depth, aliases, cost); no subgraph is
 * asked.
 */
export function queryLimitsPlugin(limits: QueryLimits = DEFAULT_QUERY_LIMITS): ApolloServerPlugin<BaseContext> {
  const measures = new OperationMeasures();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return; // no operation to run: refused by the request checks (lib/kernel/apollo.ts)
          const refusal = exceededLimit(measures.measure(schema, document, operation, request.variables), limits);
          if (refusal) throw refusal;
        },
      };
    },
  };
}
