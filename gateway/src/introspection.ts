import type { FieldSelection } from '@apollo/federation-internals';
import {
  BREAK,
  executeSync,
  Kind,
  OperationTypeNode,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
} from 'graphql';

/**
 * Introspection in the gateway: `__schema` and `__type` are answered from the API schema the
 * gateway serves (no subgraph knows it), field by field while the response is shaped, as
 * @apollo/gateway's executor answers them.
 */

/** Whether `__schema` or `__type` is asked for anywhere in the operation or its fragments. */
export function asksForIntrospection(operation: OperationDefinitionNode, fragments: readonly FragmentDefinitionNode[]): boolean {
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

/**
 * The value of one introspection field of the operation (its fragments already expanded): the
 * field alone in a query, with the variable definitions it uses, run against the API schema.
 */
export function introspectionValue(
  schema: GraphQLSchema,
  selection: FieldSelection,
  variableDefinitions: readonly VariableDefinitionNode[] | undefined,
  variables: Readonly<Record<string, unknown>>,
): unknown {
  const field = selection.expandFragments().toSelectionNode();
  const used = new Set<string>();
  visit(field, { Variable: (variable) => void used.add(variable.name.value) });
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: OperationTypeNode.QUERY,
        variableDefinitions: variableDefinitions?.filter((definition) => used.has(definition.variable.name.value)),
        selectionSet: { kind: Kind.SELECTION_SET, selections: [field] },
      },
    ],
  };
  const { data, errors } = executeSync({ schema, document, rootValue: {}, variableValues: variables });
  // The operation was validated against this schema and its variables coerced: a failure here is a bug.
  if (errors?.length || !data) throw new Error(`introspection of ${field.name.value} failed: ${errors?.map((error) => error.message).join('; ') ?? 'no data'}`);
  const name = field.alias?.value ?? field.name.value;
  return Object.prototype.hasOwnProperty.call(data, name) ? data[name] : undefined;
}
