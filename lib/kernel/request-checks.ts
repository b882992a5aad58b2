import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { BREAK, GraphQLError, Kind, OperationTypeNode, visit, type DocumentNode } from 'graphql';
import { ErrorCode, badUserInput } from './errors.js';

/**
 * Checks every Apollo server of the hub (the gateway and each subgraph, so a subgraph reached by
 * another router is as strict) makes once the operation is resolved and before anything runs:
 * - the request names an operation it can run (several operations need `operationName`, an unknown
 *   name is refused) and it is not a subscription, which no service of the hub serves; without this
 *   the gateway and graphql-js answer HTTP 500;
 * - no string anywhere, in the variables sent or in the document's literals, holds a NUL character:
 *   PostgreSQL cannot store one in text, so it would surface as an internal error at the first SQL
 *   statement that carries it.
 * Each refusal is HTTP 400 with a coded error saying what to change.
 */
export function requestChecksPlugin<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) throw operationNotFound(document, request.operationName);
          if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
            throw refusal(ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED, 'subscriptions are not supported: send a query or a mutation');
          }
          const where = nulInVariables(request.variables) ?? nulInKnownDocument(document);
          if (where !== null) {
            throw withStatus400(badUserInput(where, 'must not contain the NUL character (U+0000)'));
          }
        },
      };
    },
  };
}

function withStatus400(error: GraphQLError): GraphQLError {
  (error.extensions as Record<string, unknown>).http = { status: 400 };
  return error;
}

function refusal(code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

const SHOWN_NAME_LENGTH = 100;

/** Why no operation could be chosen (Apollo's getOperationAST found none). */
function operationNotFound(document: DocumentNode, operationName: string | null | undefined): GraphQLError {
  const count = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION).length;
  if (operationName != null) {
    const shown = operationName.length > SHOWN_NAME_LENGTH ? `${operationName.slice(0, SHOWN_NAME_LENGTH)}…` : operationName;
    return refusal(ErrorCode.BAD_REQUEST, `no operation named "${shown}" in the document (it has ${count})`);
  }
  if (count === 0) return refusal(ErrorCode.BAD_REQUEST, 'the document has no operation: send a query or a mutation');
  return refusal(ErrorCode.BAD_REQUEST, `the document has ${count} operations: send operationName to choose one`);
}

const NUL = '\u0000';

/**
 * Where a NUL character is in the variables, as `$input.title` or `$ids.2`; null when nowhere.
 * Iterative, so a deeply nested value cannot exhaust the stack.
 */
export function nulInVariables(variables: Readonly<Record<string, unknown>> | undefined): string | null {
  if (!variables) return null;
  const pending: [unknown, string][] = Object.entries(variables).map(([name, value]) => [value, `$${name}`]);
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [value, path] = next;
    if (typeof value === 'string') {
      if (value.includes(NUL)) return path;
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push([item, `${path}.${index}`]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key.includes(NUL)) return `${path}.${key.replaceAll(NUL, '\\0')}`;
        pending.push([inner, `${path}.${key}`]);
      }
    }
  }
  return null;
}

/**
 * nulInDocument once per parsed document: Apollo Server hands every request with the same query text
 * the same document (its document store), so the walk is not repeated for each request of an
 * operation that recurs (each subgraph request a router plans). Weak keys: evicted documents go.
 */
const nulByDocument = new WeakMap<DocumentNode, string | null>();

function nulInKnownDocument(document: DocumentNode): string | null {
  let where = nulByDocument.get(document);
  if (where === undefined) nulByDocument.set(document, (where = nulInDocument(document)));
  return where;
}

/**
 * Where a NUL character is in a string literal of the document, as the fields and arguments
 * leading to it (`communities.filter.nameContains`, or `$name` for a variable's default); null when
 * nowhere. Each definition is visited once, fragments included.
 */
export function nulInDocument(document: DocumentNode): string | null {
  const path: string[] = [];
  let found: string | null = null;
  visit(document, {
    Field: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
    Argument: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
    ObjectField: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
    Directive: { enter: (node) => void path.push(`@${node.name.value}`), leave: () => void path.pop() },
    VariableDefinition: { enter: (node) => void path.push(`$${node.variable.name.value}`), leave: () => void path.pop() },
    StringValue(node) {
      if (!node.value.includes(NUL)) return undefined;
      found = path.join('.');
      return BREAK;
    },
  });
  return found;
}
