import {
  GraphQLError,
  Kind,
  getNamedType,
  isListType,
  isNonNullType,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { ErrorCode } from './errors.js';

/**
 * Limits on what one document may ask for, checked during validation (before any subgraph is
 * called). They stop expensive or abusive documents with a coded error instead of an outage.
 */
export interface QueryLimits {
  /** Deepest field nesting (fragments expanded). The dashboard needs 6. */
  maxDepth: number;
  /** Aliased fields in one document (alias flooding multiplies work). */
  maxAliases: number;
  /** Estimated objects a document may produce; lists count `first` (or the default page) items. */
  maxCost: number;
  /** Tokens the parser reads before giving up (passed to Apollo as parseOptions.maxTokens). */
  maxTokens: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxCost: 250_000, maxTokens: 5_000 };

/** Items assumed for a list field without a `first` argument (nested lists such as grids of a community). */
const ASSUMED_LIST_SIZE = 10;
const DEFAULT_PAGE_SIZE = 20;

function limitError(message: string, limit: string, value: number, max: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit, value, max } });
}

function isListOutput(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** Depth, alias count and cost of the operations of one document, in one walk per operation. */
export function queryLimitsRule(limits: QueryLimits = DEFAULT_QUERY_LIMITS): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const variables = new Map<string, unknown>();

    /** Multiplier of one field: `first` for connections, an assumed size for plain lists, 1 otherwise. */
    const sizeOf = (field: FieldNode, isList: boolean, isConnection: boolean): number => {
      const first = field.arguments?.find((argument) => argument.name.value === 'first');
      if (first) {
        if (first.value.kind === Kind.INT) return Math.max(1, Number(first.value.value));
        if (first.value.kind === Kind.VARIABLE) {
          const value = variables.get(first.value.name.value);
          return typeof value === 'number' ? Math.max(1, value) : DEFAULT_PAGE_SIZE;
        }
      }
      if (isConnection) return DEFAULT_PAGE_SIZE;
      return isList ? ASSUMED_LIST_SIZE : 1;
    };

    let aliases = 0;
    const walk = (
      selectionSet: SelectionSetNode,
      parentType: ReturnType<ValidationContext['getParentType']>,
      depth: number,
      visitedFragments: Set<string>,
    ): { depth: number; cost: number } => {
      let deepest = depth;
      let cost = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.alias) aliases++;
          const fieldDef =
            parentType && 'getFields' in parentType ? parentType.getFields()[selection.name.value] : undefined;
          const type = fieldDef?.type;
          const named = type ? getNamedType(type) : undefined;
          const isList = type ? isListOutput(type) : false;
          const isConnection = named !== undefined && named.name.endsWith('Connection');
          if (!selection.selectionSet) continue; // scalars cost nothing beyond their object
          const childParent = named && 'getFields' in named ? named : undefined;
          // Introspection's `ofType` chains (a list of non-null lists …) are as deep as the type
          // wrappers, not as the data: GraphiQL's standard introspection query needs ~9 of them.
          const levels = selection.name.value === 'ofType' && parentType?.name === '__Type' ? 0 : 1;
          const child = walk(selection.selectionSet, childParent ?? null, depth + levels, visitedFragments);
          // A connection's page size was counted at the connection; its nodes/edges lists hold that page.
          const insideConnection = parentType != null && parentType.name.endsWith('Connection');
          const size = insideConnection ? 1 : sizeOf(selection, isList, isConnection);
          deepest = Math.max(deepest, child.depth);
          cost += size * (1 + child.cost);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const typeName = selection.typeCondition?.name.value;
          const fragmentType = typeName ? context.getSchema().getType(typeName) : parentType;
          const child = walk(selection.selectionSet, (fragmentType as typeof parentType) ?? parentType, depth, visitedFragments);
          deepest = Math.max(deepest, child.depth);
          cost += child.cost;
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || visitedFragments.has(name)) continue; // unknown or cyclic: other rules report it
          const fragmentType = context.getSchema().getType(fragment.typeCondition.name.value);
          const child = walk(fragment.selectionSet, (fragmentType as typeof parentType) ?? parentType, depth, new Set([...visitedFragments, name]));
          deepest = Math.max(deepest, child.depth);
          cost += child.cost;
        }
      }
      return { depth: deepest, cost };
    };

    return {
      OperationDefinition(operation) {
        const rootType =
          operation.operation === 'query'
            ? context.getSchema().getQueryType()
            : operation.operation === 'mutation'
              ? context.getSchema().getMutationType()
              : context.getSchema().getSubscriptionType();
        // Default values of variables count; values sent with the request are not visible to validation.
        variables.clear();
        for (const definition of operation.variableDefinitions ?? []) {
          if (definition.defaultValue?.kind === Kind.INT) variables.set(definition.variable.name.value, Number(definition.defaultValue.value));
        }
        aliases = 0;
        const { depth, cost } = walk(operation.selectionSet, rootType ?? null, 0, new Set());
        if (depth > limits.maxDepth) {
          context.reportError(limitError(`query is nested ${depth} levels deep; at most ${limits.maxDepth} are allowed`, 'depth', depth, limits.maxDepth));
        }
        if (aliases > limits.maxAliases) {
          context.reportError(limitError(`query uses ${aliases} aliases; at most ${limits.maxAliases} are allowed`, 'aliases', aliases, limits.maxAliases));
        }
        if (cost > limits.maxCost) {
          context.reportError(
            limitError(`query may produce about ${cost} objects; at most ${limits.maxCost} are allowed (ask for smaller pages)`, 'cost', cost, limits.maxCost),
          );
        }
        return false;
      },
    };
  };
}
