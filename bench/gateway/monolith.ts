import {
  buildSchema,
  getNamedType,
  isAbstractType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  Kind,
  type ConstDirectiveNode,
} from 'graphql';

/**
 * The ceiling of the benchmark: the same API schema answered by one process and one graphql-js
 * execution, without query planning, subgraph HTTP or result merging. Every field is resolved by
 * the resolver of the subgraph that owns it (read from the supergraph's @join__ directives), running
 * in this process on that subgraph's own store and DataLoaders. Where a field belongs to another
 * subgraph than the object at hand, the object is turned into that subgraph's entity through its
 * __resolveReference (a batched DataLoader, as in federation, but a function call instead of a fetch).
 *
 * Generic on purpose: it reads ownership from the supergraph and takes the subgraphs' resolver
 * maps as they are, so it follows schema changes without edits.
 */

/** Anything a resolver map holds: field resolvers, __resolveReference, __resolveType. */
type ResolverFn = (...args: unknown[]) => unknown;
export type ResolverMap = Record<string, Record<string, unknown>>;

export interface MonolithGraph {
  resolvers: ResolverMap;
  createContext(): unknown;
}

/** A value on its way through the monolith: the object as the subgraph that produced it knows it. */
interface Owned {
  graph: string;
  value: Record<string, unknown>;
}

interface RequestContext {
  contexts: Map<string, unknown>;
  /** One entity per graph/type/id per request, so each is resolved once (DataLoaders batch the misses). */
  references: Map<string, Promise<unknown>>;
}

function argument(directive: ConstDirectiveNode, name: string): string | undefined {
  const arg = directive.arguments?.find((a) => a.name.value === name);
  if (!arg) return undefined;
  if (arg.value.kind === Kind.STRING || arg.value.kind === Kind.ENUM) return arg.value.value;
  return undefined;
}

/** Type → field → graphs that can resolve it, and graph enum value → subgraph name. */
function ownership(supergraphSdl: string) {
  const document = parse(supergraphSdl);
  const graphNames = new Map<string, string>();
  const typeGraphs = new Map<string, string[]>();
  const fieldGraphs = new Map<string, string[]>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph') {
      for (const value of definition.values ?? []) {
        const directive = value.directives?.find((d) => d.name.value === 'join__graph');
        const name = directive && argument(directive, 'name');
        if (name) graphNames.set(value.name.value, name);
      }
    }
  }
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const type = definition.name.value;
    const graphs = (definition.directives ?? []).filter((d) => d.name.value === 'join__type').map((d) => graphNames.get(argument(d, 'graph') ?? '') ?? '');
    typeGraphs.set(type, graphs);
    for (const field of definition.fields ?? []) {
      const joins = (field.directives ?? []).filter((d) => d.name.value === 'join__field');
      const resolvable = joins.length
        ? joins
            .filter((d) => !d.arguments?.some((a) => a.name.value === 'external' && a.value.kind === Kind.BOOLEAN && a.value.value))
            .map((d) => graphNames.get(argument(d, 'graph') ?? '') ?? '')
        : graphs;
      fieldGraphs.set(`${type}.${field.name.value}`, resolvable);
    }
  }
  return { typeGraphs, fieldGraphs };
}

function resolverOf(resolvers: ResolverMap, type: string, field: string): ResolverFn | undefined {
  const candidate = resolvers[type]?.[field];
  return typeof candidate === 'function' ? (candidate as ResolverFn) : undefined;
}

function isOwned(value: unknown): value is Owned {
  return typeof value === 'object' && value !== null && 'graph' in value && 'value' in value;
}

/** Wraps what a subgraph resolver returned so that the next level knows which subgraph made it. */
function own(result: unknown, graph: string, type: GraphQLOutputType): unknown {
  if (result === null || result === undefined) return result;
  if (isNonNullType(type)) return own(result, graph, type.ofType);
  if (isListType(type)) return (result as unknown[]).map((item) => own(item, graph, type.ofType));
  const named = getNamedType(type);
  if (isObjectType(named) || isAbstractType(named)) return { graph, value: result as Record<string, unknown> };
  return result;
}

export function createMonolithSchema(apiSdl: string, supergraphSdl: string, graphs: Record<string, MonolithGraph>): GraphQLSchema {
  const schema = buildSchema(apiSdl);
  const { typeGraphs, fieldGraphs } = ownership(supergraphSdl);
  const resolversOf = (graph: string): ResolverMap => {
    const found = graphs[graph];
    if (!found) throw new Error(`monolith: the supergraph names a subgraph "${graph}" it was not given`);
    return found.resolvers;
  };

  async function entityIn(graph: string, type: string, from: Owned, ctx: RequestContext, info: GraphQLResolveInfo): Promise<unknown> {
    const idResolver = resolverOf(resolversOf(from.graph), type, 'id');
    const id = idResolver ? await idResolver(from.value, {}, ctx.contexts.get(from.graph), info) : from.value.id;
    const cacheKey = `${graph}/${type}/${String(id)}`;
    let entity = ctx.references.get(cacheKey);
    if (!entity) {
      const reference = { __typename: type, id };
      const resolveReference = resolverOf(resolversOf(graph), type, '__resolveReference');
      entity = Promise.resolve(resolveReference ? resolveReference(reference, ctx.contexts.get(graph), info) : reference);
      ctx.references.set(cacheKey, entity);
    }
    return entity;
  }

  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        const owners = fieldGraphs.get(`${type.name}.${field.name}`) ?? typeGraphs.get(type.name) ?? [];
        const firstOwner = owners[0];
        if (firstOwner === undefined) throw new Error(`monolith: no subgraph resolves ${type.name}.${field.name}`);
        const resolve: GraphQLFieldResolver<unknown, RequestContext> = async (parent, args, ctx, info) => {
          let graph = firstOwner;
          let source: unknown = undefined;
          if (isOwned(parent)) {
            if (owners.includes(parent.graph)) {
              graph = parent.graph;
              source = parent.value;
            } else {
              source = await entityIn(graph, type.name, parent, ctx, info);
              if (source === null || source === undefined) return null;
            }
          }
          const resolver = resolverOf(resolversOf(graph), type.name, field.name);
          const result = resolver ? await resolver(source, args, ctx.contexts.get(graph), info) : (source as Record<string, unknown> | undefined)?.[field.name];
          return own(result, graph, field.type);
        };
        field.resolve = resolve;
      }
    } else if (isAbstractType(type)) {
      type.resolveType = async (value, ctx: RequestContext, info) => {
        if (!isOwned(value)) return undefined;
        if (typeof value.value.__typename === 'string') return value.value.__typename;
        const resolveType = resolverOf(resolversOf(value.graph), type.name, '__resolveType');
        const name = resolveType ? await resolveType(value.value, ctx.contexts.get(value.graph), info) : undefined;
        return typeof name === 'string' ? name : undefined;
      };
    }
  }
  return schema;
}

/** A fresh context per request: each subgraph's own (its loaders cache within one request only). */
export function createMonolithContext(graphs: Record<string, MonolithGraph>): RequestContext {
  return {
    contexts: new Map(Object.entries(graphs).map(([name, graph]) => [name, graph.createContext()])),
    references: new Map(),
  };
}
