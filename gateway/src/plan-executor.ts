import { ApolloGateway, buildOperationContext, type GatewayConfig, type GraphQLDataSource } from '@apollo/gateway';
import { ERRORS, errorCodeDef, operationFromDocument, type Operation, type Schema } from '@apollo/federation-internals';
// Apollo's own pieces, so that what we skip is only the per-request rework, never a rule: result
// shaping (nullability, abstract types, @skip/@include, __typename), the planner's data rewrites
// (interface objects) and the merge of entity answers. @apollo/gateway has no `exports` map.
import { computeResponse } from '@apollo/gateway/dist/resultShaping.js';
import { applyRewrites, isObjectOfType } from '@apollo/gateway/dist/dataRewrites.js';
import { deepMerge } from '@apollo/gateway/dist/utilities/deepMerge.js';
import { generateHydratedPaths } from '@apollo/gateway/dist/executeQueryPlan.js';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types.js';
import type { FetchNode, PlanNode, QueryPlan, QueryPlanSelectionNode, ResponsePath } from '@apollo/query-planner';
import { Counter, type Registry } from 'prom-client';
import { compileShape, type ResultShape } from './result-shaping.js';
import { trace, context as otelContext, SpanStatusCode } from '@opentelemetry/api';
import {
  BREAK,
  GraphQLError,
  Kind,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';

/** Apollo's request context as the gateway's executor gets it. */
type RequestContext = Parameters<ApolloGateway['executor']>[0];
type ExecutionResult = Awaited<ReturnType<ApolloGateway['executor']>>;
type GatewayResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;
type Data = Record<string, unknown>;

/**
 * What one operation (a document and the operation name it is run with) needs for execution,
 * worked out once: @apollo/gateway redoes most of it on every request (the federation view of the
 * operation with `operationFromDocument`, the operation context, the plan cache key's SHA-256 and
 * its cache lookup, and a usage-reporting trace tree of every plan node). The plan is the one
 * Apollo's planner made for the first request of the document.
 */
interface PreparedExecution {
  plan: QueryPlan & { node: PlanNode };
  operation: Operation;
  definition: OperationDefinitionNode;
  /** API schema (graphql-js): the variables are coerced against it for every request. */
  schema: GraphQLSchema;
  /** Supergraph schema (graphql-js): type conditions and the planner's data rewrites are read against it. */
  supergraph: GraphQLSchema;
  serviceMap: Readonly<Record<string, GraphQLDataSource>>;
  /** The result shaping compiled for this operation (result-shaping.ts); null: Apollo's computeResponse shapes it. */
  shape: ResultShape | null;
}

/** The private parts of ApolloGateway this executor reads; it runs only when they are there. */
interface GatewayInternals {
  apiSchema?: Schema;
  schema?: GraphQLSchema;
  supergraphSchema?: GraphQLSchema;
  queryPlanner?: { buildQueryPlan(operation: Operation, options: Record<string, unknown>): QueryPlan };
  serviceMap: Record<string, { dataSource: GraphQLDataSource }>;
  recursiveSelectionsLimitDisabled?: boolean;
  nonLocalSelectionsLimitDisabled?: boolean;
}

/**
 * @apollo/gateway with a leaner executor for the plans the hub's gateway runs (Sequence, Parallel,
 * Flatten, Fetch, Condition): each operation is prepared once (see PreparedExecution), fetch
 * answers are merged into the result in place, and spans are made only while a trace is recorded.
 * Operations this executor does not take (introspection, @defer, subscriptions, anything the
 * planner refuses) run Apollo's own executor, which is also what `planExecutor: 'apollo'` uses for
 * everything.
 */
export class HubGateway extends ApolloGateway {
  /**
   * By the document Apollo Server parsed and validated (its document store hands the same object
   * to every request with the same text), then by operation name; null: Apollo's executor runs it.
   */
  private prepared = new WeakMap<DocumentNode, Map<string, PreparedExecution | null>>();

  private readonly executions: Counter<'executor'> | undefined;

  constructor(config: GatewayConfig, registry?: Registry) {
    super(config);
    this.executions = registry
      ? new Counter({
          name: 'hub_gateway_plan_executions_total',
          help: "Query plans run by the gateway: by the hub's executor, or by Apollo's for what the hub's does not take",
          labelNames: ['executor'],
          registers: [registry],
        })
      : undefined;
    // A new supergraph makes every prepared operation stale (the hub's is static, but be exact).
    this.onSchemaLoadOrUpdate(() => {
      this.prepared = new WeakMap();
    });
  }

  override async load(options?: Parameters<ApolloGateway['load']>[0]): ReturnType<ApolloGateway['load']> {
    const loaded = await super.load(options);
    const apolloExecutor = loaded.executor;
    return {
      ...loaded,
      executor: (requestContext) => {
        const prepared = this.preparedFor(requestContext);
        this.executions?.inc({ executor: prepared ? 'hub' : 'apollo' });
        return prepared ? executePrepared(prepared, requestContext) : apolloExecutor(requestContext);
      },
    };
  }

  private preparedFor(requestContext: RequestContext): PreparedExecution | null {
    const document = requestContext.document;
    if (!document) return null;
    let byName = this.prepared.get(document);
    if (!byName) {
      byName = new Map();
      this.prepared.set(document, byName);
    }
    const name = requestContext.request.operationName ?? '';
    let prepared = byName.get(name);
    if (prepared === undefined) {
      prepared = this.prepare(document, requestContext.request.operationName ?? undefined);
      byName.set(name, prepared);
    }
    return prepared;
  }

  /** Plans the operation as Apollo's executor does, and keeps what every later request of it needs. */
  private prepare(document: DocumentNode, operationName: string | undefined): PreparedExecution | null {
    const gateway = this as unknown as GatewayInternals;
    const { apiSchema, schema, supergraphSchema, queryPlanner } = gateway;
    if (!apiSchema || !schema || !supergraphSchema || !queryPlanner) return null;
    try {
      const operationContext = buildOperationContext({ schema, operationDocument: document, operationName });
      const fragments = Object.values(operationContext.fragments);
      if (asksForIntrospection(operationContext.operation, fragments)) return null;
      const plan = queryPlanner.buildQueryPlan(operationFromDocument(apiSchema, document, { operationName }), {
        recursiveSelectionsLimitDisabled: gateway.recursiveSelectionsLimitDisabled,
        nonLocalSelectionsLimitDisabled: gateway.nonLocalSelectionsLimitDisabled,
      });
      const node = plan.node;
      if (!node || node.kind === 'Subscription' || !isPlainPlan(node)) return null;
      // The result is shaped after the operation as Apollo's executeQueryPlan builds it (unvalidated, from the context).
      const operation = operationFromDocument(apiSchema, { kind: Kind.DOCUMENT, definitions: [operationContext.operation, ...fragments] }, { validate: false });
      const serviceMap = Object.fromEntries(Object.entries(gateway.serviceMap).map(([name, { dataSource }]) => [name, dataSource]));
      return {
        plan: { ...plan, node },
        operation,
        definition: operationContext.operation,
        schema,
        supergraph: supergraphSchema,
        serviceMap,
        shape: compileShape(operation),
      };
    } catch {
      return null; // Apollo's executor answers it, with the same error, every time
    }
  }
}

/** Whether the plan holds only the node kinds this executor runs (no @defer). */
function isPlainPlan(node: PlanNode): boolean {
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel':
      return node.nodes.every(isPlainPlan);
    case 'Flatten':
      return isPlainPlan(node.node);
    case 'Fetch':
      return true;
    case 'Condition':
      return (!node.ifClause || isPlainPlan(node.ifClause)) && (!node.elseClause || isPlainPlan(node.elseClause));
    default:
      return false;
  }
}

/** `__schema` or `__type` anywhere: answered by Apollo's executor, which runs introspection locally. */
function asksForIntrospection(operation: OperationDefinitionNode, fragments: readonly FragmentDefinitionNode[]): boolean {
  let found = false;
  const visitor = {
    Field(field: FieldNode) {
      if (field.name.value === '__schema' || field.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  };
  for (const definition of [operation, ...fragments]) {
    visit(definition, visitor);
    if (found) return true;
  }
  return false;
}

/** One request's execution: where fetch answers go and the errors met on the way. */
interface Run {
  prepared: PreparedExecution;
  supergraph: GraphQLSchema;
  requestContext: RequestContext;
  variables: Readonly<Record<string, unknown>>;
  errors: GraphQLError[];
  /** A trace is being recorded for this request: fetches get their spans (as Apollo's executor makes them). */
  traced: boolean;
}

interface Cursor {
  path: ResponsePath;
  data: unknown;
  fullResult: Data;
}

const tracer = trace.getTracer('@apollo/gateway');

async function executePrepared(prepared: PreparedExecution, requestContext: RequestContext): Promise<ExecutionResult> {
  const variables = requestContext.request.variables ?? {};
  // The one per-request check of Apollo's executor: the variables against their definitions.
  if (prepared.definition.variableDefinitions?.length) {
    const { errors } = getVariableValues(prepared.schema, prepared.definition.variableDefinitions, variables);
    if (errors) return { errors };
  }
  const run: Run = {
    prepared,
    supergraph: prepared.supergraph,
    requestContext,
    variables,
    errors: [],
    traced: trace.getSpan(otelContext.active())?.isRecording() === true,
  };
  const unfiltered: Data = Object.create(null) as Data;
  await executeNode(run, prepared.plan.node, { path: [], data: unfiltered, fullResult: unfiltered });
  try {
    const { data, errors: shapingErrors } = prepared.shape
      ? prepared.shape.shape(unfiltered, variables)
      : computeResponse({
          operation: prepared.operation,
          variables,
          input: unfiltered,
          // Never called: operations asking for introspection are left to Apollo's executor.
          introspectionHandling: () => null,
        });
    if (run.errors.length === 0 && shapingErrors.length > 0) return { extensions: { valueCompletion: shapingErrors }, data };
    return run.errors.length === 0 ? { data } : { errors: run.errors, data };
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [error] };
    const message = error instanceof Error ? error.message : 'Unexpected error during query plan execution';
    return { errors: [new GraphQLError(message, { originalError: error instanceof Error ? error : undefined })] };
  }
}

/**
 * Runs one plan node. No await comes before a fetch's call to its data source, so the fetches of a
 * Parallel node reach the data sources in one synchronous turn (entity-batching.ts relies on it).
 */
async function executeNode(run: Run, node: PlanNode, cursor: Cursor | undefined): Promise<void> {
  if (!cursor) return;
  switch (node.kind) {
    case 'Sequence':
      for (const child of node.nodes) await executeNode(run, child, cursor);
      return;
    case 'Parallel':
      await Promise.all(node.nodes.map((child) => executeNode(run, child, cursor)));
      return;
    case 'Flatten':
      return executeNode(run, node.node, moveIntoCursor(cursor, node.path));
    case 'Fetch':
      try {
        await (run.traced ? tracedFetch(run, node, cursor) : executeFetch(run, node, cursor));
      } catch (error) {
        run.errors.push(error instanceof GraphQLError ? error : new GraphQLError((error as Error).message, { originalError: error as Error }));
      }
      return;
    case 'Condition': {
      const branch = conditionHolds(run, node.condition) ? node.ifClause : node.elseClause;
      if (branch) await executeNode(run, branch, cursor);
      return;
    }
    default:
      // Not prepared (isPlainPlan): Apollo's executor runs such plans.
      throw new Error(`the hub's plan executor does not run ${(node as { kind: string }).kind} nodes`);
  }
}

function tracedFetch(run: Run, fetch: FetchNode, cursor: Cursor): Promise<void> {
  return tracer.startActiveSpan('gateway.fetch', { attributes: { service: fetch.serviceName } }, async (span) => {
    try {
      return await executeFetch(run, fetch, cursor);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** A Condition node's variable (from @skip/@include): its value, else its default. */
function conditionHolds(run: Run, variable: string): boolean {
  const sent = Object.prototype.hasOwnProperty.call(run.variables, variable) ? run.variables[variable] : undefined;
  if (sent !== undefined) return sent === true;
  const definition = run.prepared.definition.variableDefinitions?.find((candidate) => candidate.variable.name.value === variable);
  return definition?.defaultValue?.kind === Kind.BOOLEAN && definition.defaultValue.value;
}

async function executeFetch(run: Run, fetch: FetchNode, cursor: Cursor): Promise<void> {
  const service = run.prepared.serviceMap[fetch.serviceName];
  if (!service) throw new Error(`Couldn't find service with name "${fetch.serviceName}"`);
  const entities: Data[] = Array.isArray(cursor.data) ? (cursor.data as unknown[]).filter((entity): entity is Data => entity != null) : [cursor.data as Data];
  if (entities.length === 0) return;
  const variables: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const name of fetch.variableUsages ?? []) {
    if (Object.prototype.hasOwnProperty.call(run.variables, name) && run.variables[name] !== undefined) variables[name] = run.variables[name];
  }
  if (!fetch.requires) {
    const received = await send(run, service, fetch, cursor, variables);
    if (received) applyRewrites(run.supergraph, fetch.outputRewrites, received);
    for (const entity of entities) deepMerge(entity, received);
    return;
  }
  const representations: Data[] = [];
  const entityOfRepresentation: number[] = [];
  entities.forEach((entity, index) => {
    const representation = selectionOf(run.supergraph, entity, fetch.requires!);
    if (representation && representation.__typename) {
      applyRewrites(run.supergraph, fetch.inputRewrites, representation);
      representations.push(representation);
      entityOfRepresentation.push(index);
    }
  });
  if (representations.length === 0) return;
  if ('representations' in variables) throw new Error('Variables cannot contain key "representations"');
  const received = await send(run, service, fetch, cursor, { ...variables, representations });
  if (!received) return;
  const answered = received._entities;
  if (!Array.isArray(answered)) throw new Error('Expected "data._entities" in response to be an array');
  if (answered.length !== representations.length) throw new Error(`Expected "data._entities" to contain ${representations.length} elements`);
  answered.forEach((received: Data | null, index) => {
    const entity = entities[entityOfRepresentation[index]!]!;
    if (received && !received.__typename) received.__typename = entity.__typename;
    if (received) applyRewrites(run.supergraph, fetch.outputRewrites, received);
    deepMerge(entity, received);
  });
}

/** One subgraph request of the plan; its errors join the run's, with paths into the client's result. */
async function send(
  run: Run,
  service: GraphQLDataSource,
  fetch: FetchNode,
  cursor: Cursor,
  variables: Record<string, unknown>,
): Promise<Data | null | undefined> {
  const response: GatewayResponse = await service.process({
    kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
    request: { query: fetch.operation, variables, operationName: fetch.operationName },
    incomingRequestContext: run.requestContext,
    context: run.requestContext.context,
    document: fetch.operationDocumentNode,
    pathInIncomingRequest: cursor.path,
  });
  if (response.errors) {
    const pathOf = errorPaths(fetch, cursor);
    for (const error of response.errors) run.errors.push(downstreamError(error, fetch.serviceName, pathOf));
  }
  return response.data as Data | null | undefined;
}

/** A subgraph error's path in the client's result (entity errors name the representation's index). */
function errorPaths(fetch: FetchNode, cursor: Cursor): (path: GraphQLFormattedError['path']) => ResponsePath | undefined {
  let hydrated: ResponsePath[] | undefined;
  return (path) => {
    if (fetch.requires && typeof path?.[1] === 'number') {
      if (!hydrated) {
        hydrated = [];
        generateHydratedPaths([], cursor.path, cursor.fullResult, hydrated);
      }
      return [...(hydrated[path[1]] ?? []), ...path.slice(2)];
    }
    return path ? [...cursor.path, ...path] : undefined;
  };
}

/** As @apollo/gateway reports a subgraph's error: its code kept, serviceName added. */
function downstreamError(error: GraphQLFormattedError, serviceName: string, pathOf: ReturnType<typeof errorPaths>): GraphQLError {
  const message = error.message || `Error while fetching subquery from service "${serviceName}"`;
  const options = {
    originalError: error as Error,
    path: pathOf(error.path),
    extensions: { ...error.extensions, serviceName },
  };
  const codeDef = errorCodeDef(error);
  if (!codeDef && error.extensions?.code) return new GraphQLError(message, options);
  return (codeDef ?? ERRORS.DOWNSTREAM_SERVICE_ERROR).err(message, options);
}

/** The representation of an entity for a fetch's `requires` selection; null when a required field is missing. */
function selectionOf(schema: GraphQLSchema, source: Data | null, selections: readonly QueryPlanSelectionNode[]): Data | null {
  if (source === null) return null;
  const result: Data = Object.create(null) as Data;
  for (const selection of selections) {
    if (selection.kind === 'Field') {
      const name = selection.alias ?? selection.name;
      const value = Object.prototype.hasOwnProperty.call(source, name) ? source[name] : undefined;
      if (value === undefined) return null;
      const inner = selection.selections;
      if (Array.isArray(value)) result[name] = value.map((item: Data | null) => (inner ? selectionOf(schema, item, inner) : item));
      else if (inner) result[name] = selectionOf(schema, value as Data | null, inner);
      else result[name] = value;
    } else if (selection.typeCondition && isObjectOfType(schema, source, selection.typeCondition)) {
      deepMerge(result, selectionOf(schema, source, selection.selections));
    }
  }
  return result;
}

function moveIntoCursor(cursor: Cursor, path: ResponsePath): Cursor | undefined {
  const data = valuesAtPath(cursor.data, path);
  return data ? { path: [...cursor.path, ...path], data, fullResult: cursor.fullResult } : undefined;
}

/**
 * The values at a Flatten node's path from its element `from` on, `@` standing for every item of a
 * list (walked by index: no copy of the rest of the path for every item).
 */
function valuesAtPath(value: unknown, path: ResponsePath, from = 0): unknown {
  if (from === path.length || value === undefined || value === null) return value;
  const current = path[from];
  if (current === '@') return (value as unknown[]).flatMap((item) => valuesAtPath(item, path, from + 1));
  if (typeof current !== 'string' || Array.isArray(value)) throw new Error(`Unexpected ${typeof current} found in path`);
  return valuesAtPath(Object.prototype.hasOwnProperty.call(value, current) ? (value as Data)[current] : undefined, path, from + 1);
}
