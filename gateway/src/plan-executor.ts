import type { GraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types.js';
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { ERRORS, errorCodeDef, operationFromDocument, Supergraph, type Operation, type Schema } from '@apollo/federation-internals';
// Apollo's own pieces, so that what we skip is only the per-request rework, never a rule: result
// shaping (nullability, abstract types, @skip/@include, __typename) where ours does not take the
// operation, and the planner's data rewrites (interface objects). The merge of entity answers is
// deepMerge's, ported (mergeInto). These files load only @apollo/federation-internals, never
// @apollo/gateway's index (which loads OpenTelemetry's SDK and exporters). @apollo/gateway has no
// `exports` map.
import { computeResponse } from '@apollo/gateway/dist/resultShaping.js';
import { applyRewrites, isObjectOfType } from '@apollo/gateway/dist/dataRewrites.js';
import { QueryPlanner, type FetchNode, type PlanNode, type QueryPlan, type QueryPlanSelectionNode, type ResponsePath } from '@apollo/query-planner';
import { Counter, type Registry } from 'prom-client';
import { asksForIntrospection, introspectionValue } from './introspection.js';
import { joinLaterFetches } from './fetch-joining.js';
import { compileShape, type ResultShape } from './result-shaping.js';
import { trace, context as otelContext, SpanStatusCode } from '@opentelemetry/api';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';

/** Apollo Server's gateway contract (@apollo/server-gateway-interface, the version Apollo Server 5 takes). */
export type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;
type SchemaListener = Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0];
/** Apollo's request context as the gateway's executor gets it. */
type RequestContext = Parameters<GatewayExecutor>[0];
type ExecutionResult = Awaited<ReturnType<GatewayExecutor>>;
type GatewayResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;
type Data = Record<string, unknown>;

/** What the hub's gateway is built from (the supergraph without its SECURITY features, see create-gateway.ts). */
export interface HubGatewayConfig {
  supergraphSdl: string;
  /** The data source of each subgraph the supergraph names, at the URL its join__graph gives. */
  buildService(subgraph: { name: string; url?: string }): GraphQLDataSource;
  /** Apollo's logger shape (@apollo/utils.logger), which stock @apollo/gateway also takes. */
  logger?: Record<'debug' | 'info' | 'warn' | 'error', (message: unknown) => void>;
  /** Check the supergraph's consistency at load (default on; @apollo/gateway skips it when NODE_ENV is production). */
  validateSupergraph?: boolean;
  /**
   * Let an entity fetch wait for a later fetch to the same subgraph, so both go in one request
   * (fetch-joining.ts). Only worth it when the data sources batch entity fetches; default off.
   */
  joinLaterFetches?: boolean;
}

/** The loaded supergraph: what planning and executing every operation reads. */
interface Loaded {
  /** API schema (federation-internals): operations are planned and shaped against it. */
  apiSchema: Schema;
  /** API schema (graphql-js): what Apollo Server validates against, variables are coerced and introspection runs. */
  schema: GraphQLSchema;
  /** Supergraph schema (graphql-js): type conditions and the planner's data rewrites are read against it. */
  supergraph: GraphQLSchema;
  planner: QueryPlanner;
  serviceMap: Readonly<Record<string, GraphQLDataSource>>;
}

/**
 * What one operation (a document and the operation name it is run with) needs for execution,
 * worked out once: @apollo/gateway redid most of it on every request (the federation view of the
 * operation with `operationFromDocument`, the operation context, the plan cache key's SHA-256 and
 * its cache lookup, and a usage-reporting trace tree of every plan node).
 */
interface PreparedExecution {
  /** The plan's root; none: nothing to fetch (only `__typename` or introspection asked for). */
  node: PlanNode | undefined;
  operation: Operation;
  definition: OperationDefinitionNode;
  loaded: Loaded;
  /** `__schema`/`__type` asked for: answered from the API schema while shaping (introspection.ts). */
  introspection: boolean;
  /** The result shaping compiled for this operation (result-shaping.ts); null: Apollo's computeResponse shapes it. */
  shape: ResultShape | null;
}

/**
 * An operation the gateway does not run, answered as @apollo/gateway's executor answered it: what the
 * planner refuses is thrown (Apollo Server answers with its code), and so are subscriptions and
 * @defer plans (the hub's planner configuration makes neither; Apollo Server refuses subscriptions first).
 */
interface Refusal {
  definition: OperationDefinitionNode;
  refused: { thrown: unknown } | { answer: ExecutionResult };
}

/**
 * The planner's two selection limits, always on: @apollo/gateway lets two APOLLO_DISABLE_SECURITY_*
 * variables turn them off, but the hub's gateway reads configuration only through env.ts and does
 * not offer switching its protections off.
 */
const PLANNER_LIMITS = { recursiveSelectionsLimitDisabled: false, nonLocalSelectionsLimitDisabled: false } as const;

/**
 * The hub's gateway for Apollo Server: loads the supergraph with @apollo/federation-internals, plans
 * with @apollo/query-planner (as @apollo/gateway does, same defaults and limits) and runs the plans
 * (Sequence, Parallel, Flatten, Fetch, Condition) itself: each operation is prepared once (see
 * PreparedExecution), fetch answers are merged into the result in place, and spans are made only
 * while a trace is recorded. It does not import @apollo/gateway, whose index loads OpenTelemetry's
 * metrics SDK, exporters and cloud detectors (about 40 MB of RSS); `planExecutor: 'apollo'` in
 * create-gateway.ts still runs @apollo/gateway itself, for comparison.
 */
export class HubGateway implements GatewayInterface {
  /**
   * By the document Apollo Server parsed and validated (its document store hands the same object
   * to every request with the same text), then by operation name.
   */
  private prepared = new WeakMap<DocumentNode, Map<string, PreparedExecution | Refusal>>();
  private loaded: Loaded | undefined;
  private readonly listeners = new Set<SchemaListener>();
  private readonly limits = PLANNER_LIMITS;
  private readonly executions: Counter<'executor'> | undefined;

  constructor(
    private readonly config: HubGatewayConfig,
    registry?: Registry,
  ) {
    this.executions = registry
      ? new Counter({
          name: 'hub_gateway_plan_executions_total',
          help: 'Operations run by the gateway: a plan of fetches (hub), with introspection answered locally (introspection), refused (refused)',
          labelNames: ['executor'],
          registers: [registry],
        })
      : undefined;
  }

  onSchemaLoadOrUpdate(callback: SchemaListener): () => void {
    this.listeners.add(callback);
    return () => this.listeners.delete(callback);
  }

  async load(): Promise<{ executor: GatewayExecutor }> {
    if (this.loaded) throw new Error('the gateway is loaded already');
    const supergraphSdl = this.config.supergraphSdl;
    const supergraph = Supergraph.build(supergraphSdl, { validateSupergraph: this.config.validateSupergraph ?? true });
    const serviceMap: Record<string, GraphQLDataSource> = Object.create(null) as Record<string, GraphQLDataSource>;
    for (const { name, url } of supergraph.subgraphsMetadata()) serviceMap[name] = this.config.buildService({ name, url });
    const apiSchema = supergraph.apiSchema();
    this.loaded = {
      apiSchema,
      schema: apiSchema.toGraphQLJSSchema(),
      supergraph: supergraph.schema.toGraphQLJSSchema(),
      planner: new QueryPlanner(supergraph),
      serviceMap,
    };
    this.prepared = new WeakMap();
    for (const listener of this.listeners) {
      try {
        listener({ apiSchema: this.loaded.schema, coreSupergraphSdl: supergraphSdl });
      } catch (error) {
        this.config.logger?.error(`an onSchemaLoadOrUpdate listener failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return { executor: (requestContext) => this.execute(requestContext) };
  }

  async stop(): Promise<void> {
    // Nothing of its own to release: the data sources' connections are the fetcher's (closed by create-gateway.ts).
  }

  private async execute(requestContext: RequestContext): Promise<ExecutionResult> {
    const loaded = this.loaded;
    if (!loaded) throw new Error('the gateway is not loaded');
    const prepared = this.preparedFor(loaded, requestContext);
    // The one per-request check of Apollo's executor, before anything else: the variables against their definitions.
    const variables = requestContext.request.variables ?? {};
    if (prepared.definition.variableDefinitions?.length) {
      const { errors } = getVariableValues(loaded.schema, prepared.definition.variableDefinitions, variables);
      if (errors) return { errors };
    }
    if ('refused' in prepared) {
      this.executions?.inc({ executor: 'refused' });
      if ('thrown' in prepared.refused) throw prepared.refused.thrown;
      return prepared.refused.answer;
    }
    this.executions?.inc({ executor: prepared.introspection ? 'introspection' : 'hub' });
    return executePrepared(prepared, requestContext, variables);
  }

  private preparedFor(loaded: Loaded, requestContext: RequestContext): PreparedExecution | Refusal {
    const document = requestContext.document;
    let byName = this.prepared.get(document);
    if (!byName) {
      byName = new Map();
      this.prepared.set(document, byName);
    }
    const name = requestContext.request.operationName ?? '';
    let prepared = byName.get(name);
    if (prepared === undefined) {
      prepared = this.prepare(loaded, document, requestContext.request.operationName ?? undefined);
      byName.set(name, prepared);
    }
    return prepared;
  }

  /** Plans the operation as @apollo/gateway did for each request, and keeps what every later request of it needs. */
  private prepare(loaded: Loaded, document: DocumentNode, operationName: string | undefined): PreparedExecution | Refusal {
    // Thrown (and not kept): Apollo Server checks the operation name before it executes, so this is for callers that do not.
    const { definition, fragments } = operationOf(document, operationName);
    const refusal = (refused: Refusal['refused']): Refusal => ({ definition, refused });
    let plan: QueryPlan;
    try {
      plan = loaded.planner.buildQueryPlan(operationFromDocument(loaded.apiSchema, document, { operationName }), this.limits);
    } catch (error) {
      return refusal({ thrown: error });
    }
    if (plan.node?.kind === 'Subscription') return refusal({ thrown: new Error('Execution of subscriptions not supported by gateway') });
    if (plan.node && !isPlainPlan(plan.node)) return refusal({ thrown: new Error('@defer support is not available in the gateway') });
    const node = plan.node && this.config.joinLaterFetches ? joinLaterFetches(plan.node) : plan.node;
    let operation: Operation;
    try {
      // The result is shaped after the operation as Apollo's executeQueryPlan built it (unvalidated, from the context).
      operation = operationFromDocument(loaded.apiSchema, { kind: Kind.DOCUMENT, definitions: [definition, ...fragments] }, { validate: false });
    } catch (error) {
      if (error instanceof GraphQLError) return refusal({ answer: { errors: [error] } });
      return refusal({ thrown: error });
    }
    const introspection = asksForIntrospection(definition, fragments);
    return { node, operation, definition, loaded, introspection, shape: introspection ? null : compileShape(operation) };
  }
}

/**
 * The operation to run and the fragments of its document; the same coded errors as
 * @apollo/gateway for a document without it.
 */
function operationOf(document: DocumentNode, operationName: string | undefined): { definition: OperationDefinitionNode; fragments: FragmentDefinitionNode[] } {
  let definition: OperationDefinitionNode | undefined;
  let operations = 0;
  const fragments: FragmentDefinitionNode[] = [];
  for (const candidate of document.definitions) {
    if (candidate.kind === Kind.FRAGMENT_DEFINITION) fragments.push(candidate);
    if (candidate.kind !== Kind.OPERATION_DEFINITION) continue;
    operations++;
    if (!operationName && operations > 1) throw ERRORS.INVALID_GRAPHQL.err('Must provide operation name if query contains multiple operations.');
    if (!operationName || candidate.name?.value === operationName) definition = candidate;
  }
  if (!definition) throw ERRORS.INVALID_GRAPHQL.err(operationName ? `Unknown operation named "${operationName}".` : 'Must provide an operation.');
  return { definition, fragments };
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

async function executePrepared(
  prepared: PreparedExecution,
  requestContext: RequestContext,
  variables: Readonly<Record<string, unknown>>,
): Promise<ExecutionResult> {
  const run: Run = {
    prepared,
    supergraph: prepared.loaded.supergraph,
    requestContext,
    variables,
    errors: [],
    traced: trace.getSpan(otelContext.active())?.isRecording() === true,
  };
  const unfiltered: Data = Object.create(null) as Data;
  if (prepared.node) await executeNode(run, prepared.node, { path: [], data: unfiltered, fullResult: unfiltered });
  try {
    const { data, errors: shapingErrors } = prepared.shape
      ? prepared.shape.shape(unfiltered, variables)
      : computeResponse({
          operation: prepared.operation,
          variables,
          input: unfiltered,
          introspectionHandling: (field) => introspectionValue(prepared.loaded.schema, field, prepared.definition.variableDefinitions, variables),
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
  const service = run.prepared.loaded.serviceMap[fetch.serviceName];
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
    for (const entity of entities) mergeInto(entity, received);
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
  // Last, as `{ ...variables, representations }` put it, without a second object.
  variables.representations = representations;
  const received = await send(run, service, fetch, cursor, variables);
  if (!received) return;
  const answered = received._entities;
  if (!Array.isArray(answered)) throw new Error('Expected "data._entities" in response to be an array');
  if (answered.length !== representations.length) throw new Error(`Expected "data._entities" to contain ${representations.length} elements`);
  answered.forEach((received: Data | null, index) => {
    const entity = entities[entityOfRepresentation[index]!]!;
    if (received && !received.__typename) received.__typename = entity.__typename;
    if (received) applyRewrites(run.supergraph, fetch.outputRewrites, received);
    mergeInto(entity, received);
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
    kind: INCOMING_OPERATION,
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
        hydrated = entityPaths(cursor.path, cursor.fullResult);
      }
      return [...(hydrated[path[1]] ?? []), ...path.slice(2)];
    }
    return path ? [...cursor.path, ...path] : undefined;
  };
}

/**
 * The path in the client's result of every object a Flatten path reaches, in the order its
 * entities were collected: what an entity fetch's error index (`_entities.<i>`) points into. Lists
 * met on the way are walked item by item, whether the path says `@` or names a field under them.
 */
function entityPaths(path: ResponsePath, data: unknown): ResponsePath[] {
  const paths: ResponsePath[] = [];
  const walk = (at: (string | number)[], from: number, value: unknown): void => {
    if (value === null || value === undefined) return;
    if (from === path.length) {
      paths.push(at);
      return;
    }
    const step = path[from];
    if (Array.isArray(value)) {
      // `@` steps into the items; a field name applies to each item, so it is not consumed yet.
      const next = step === '@' ? from + 1 : from;
      value.forEach((item, index) => walk([...at, index], next, item));
    } else if (typeof step === 'string' && step !== '@' && Object.prototype.hasOwnProperty.call(value, step)) {
      walk([...at, step], from + 1, (value as Data)[step]);
    }
  };
  walk([], 0, data);
  return paths;
}

/** The kind of every subgraph request a plan makes (@apollo/gateway's GraphQLDataSourceRequestKind, whose module loads its executor). */
const INCOMING_OPERATION = 'incoming operation' as GraphQLDataSourceRequestKind.INCOMING_OPERATION;

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

/**
 * The representation of an entity for a fetch's `requires` selection; null when a required field is
 * missing. @apollo/gateway's executeSelectionSet, with less garbage per entity: a plain object
 * where Apollo's has no prototype (V8 keeps such objects as hash tables, several times the size;
 * the names here are the supergraph's key and required fields, and a field's name cannot start
 * with `__` but `__typename`, so none is `__proto__`), and no second object for a type condition
 * met before any field (the planner's usual `... on Type { __typename id }`): the representation
 * itself rather than a copy merged into an empty one.
 */
function selectionOf(schema: GraphQLSchema, source: Data | null, selections: readonly QueryPlanSelectionNode[]): Data | null {
  if (source === null) return null;
  let result: Data | undefined;
  for (const selection of selections) {
    if (selection.kind === 'Field') {
      const name = selection.alias ?? selection.name;
      const value = Object.prototype.hasOwnProperty.call(source, name) ? source[name] : undefined;
      if (value === undefined) return null;
      const inner = selection.selections;
      result ??= {};
      if (Array.isArray(value)) result[name] = inner ? selectionsOf(schema, value as (Data | null)[], inner) : value.slice();
      else if (inner) result[name] = selectionOf(schema, value as Data | null, inner);
      else result[name] = value;
    } else if (selection.typeCondition && isObjectOfType(schema, source, selection.typeCondition)) {
      const selected = selectionOf(schema, source, selection.selections);
      // Merging into an empty object copies every key (none is undefined here) and nothing else.
      if (result === undefined) result = selected ?? undefined;
      else mergeInto(result, selected);
    }
  }
  return result ?? {};
}

/** selectionOf of each item, in a loop: a callback closing over the schema would put selectionOf's variables on the heap on every call. */
function selectionsOf(schema: GraphQLSchema, items: readonly (Data | null)[], selections: readonly QueryPlanSelectionNode[]): (Data | null)[] {
  const selected = new Array<Data | null>(items.length);
  for (let i = 0; i < items.length; i++) selected[i] = selectionOf(schema, items[i]!, selections);
  return selected;
}

/**
 * @apollo/gateway's deepMerge (utilities/deepMerge.js) rule for rule, walking each source object's
 * own keys with for…in instead of an Object.keys array per object merged: every entity answer is
 * merged key by key into the result.
 */
export function mergeInto(target: unknown, source: unknown): unknown {
  if (source === undefined || source === null) return target;
  const into = target as Data;
  const from = source as Data;
  for (const key in from) {
    if (!hasOwn(from, key)) continue;
    const value = from[key];
    if (value === undefined) continue;
    // deepMerge's defineOwn: a key the target only inherits (`constructor`) becomes its own first.
    if (!hasOwn(into, key) && key in into) Object.defineProperty(into, key, { configurable: true, enumerable: true, value: undefined, writable: true });
    const existing = into[key];
    if (existing && isMergeable(value)) {
      mergeInto(existing, value);
    } else if (Array.isArray(value) && Array.isArray(existing) && value.length === existing.length) {
      const items = existing as unknown[];
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (isMergeable(items[i]) && isMergeable(item)) mergeInto(items[i], item);
        else items[i] = item;
      }
    } else {
      into[key] = value;
    }
  }
  return target;
}

/** deepMerge's isObject: an object that is not an array. */
function isMergeable(value: unknown): value is Data {
  return value !== undefined && value !== null && typeof value === 'object' && !Array.isArray(value);
}

const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

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
  if (current === '@') {
    // Not a list: the TypeError Apollo's executor gives there (`value.flatMap is not a function`).
    if (!Array.isArray(value)) return (value as unknown[]).flatMap((item) => item);
    // flatMap's result without its callback, which closed over the path (heap-allocated variables per call).
    const values: unknown[] = [];
    for (const item of value as unknown[]) {
      const inner = valuesAtPath(item, path, from + 1);
      if (Array.isArray(inner)) for (const each of inner) values.push(each);
      else values.push(inner);
    }
    return values;
  }
  if (typeof current !== 'string' || Array.isArray(value)) throw new Error(`Unexpected ${typeof current} found in path`);
  return valuesAtPath(Object.prototype.hasOwnProperty.call(value, current) ? (value as Data)[current] : undefined, path, from + 1);
}
