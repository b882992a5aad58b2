import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';

/**
 * A tiny typed client for the hub: give it one of the generated documents
 * (`./generated/graphql.js`, e.g. CommunityDashboardDocument) and its variables, get back that
 * operation's `data`, typed by graphql-codegen from the gateway's API schema. No cache, no
 * framework: one POST per call, so it fits scripts, back ends and front ends alike.
 */
// The generated types and documents (CommunityDashboardDocument, CommunityDashboardQuery, …) and
// the `graphql()` lookup of those operations by their text.
export * from './generated/graphql.js';
export { graphql } from './generated/gql.js';

/** One GraphQL error as the hub sends it; `extensions.code` is e.g. BAD_USER_INPUT, with `field`. */
export interface HubGraphQLError {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

/** The hub answered with errors (or not with GraphQL at all); `errors` carries its coded errors. */
export class HubClientError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errors: readonly HubGraphQLError[],
  ) {
    super(message);
    this.name = 'HubClientError';
  }

  /** The first error's code, e.g. 'BAD_USER_INPUT'. */
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

export interface HubClientOptions {
  /** Sent with every request, e.g. { authorization: 'Bearer …' }. */
  headers?: Record<string, string>;
  /** Defaults to the global fetch (Node ≥ 18, browsers). */
  fetch?: typeof fetch;
}

/**
 * Variables are optional exactly when every variable of the operation is (nullable or with a
 * default in the document), so `hub.request(UnitViewDocument)` compiles but a document with a
 * required variable and no default does not without it.
 */
type VariablesArgument<Variables> = Record<string, never> extends Variables ? [variables?: Variables] : [variables: Variables];

export interface HubClient {
  request<Result, Variables>(document: TypedDocumentNode<Result, Variables>, ...variables: VariablesArgument<Variables>): Promise<Result>;
}

interface GraphQLResponseBody<Result> {
  data?: Result | null;
  errors?: HubGraphQLError[];
}

/** `url` is the hub's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
export function createHubClient(url: string | URL, options: HubClientOptions = {}): HubClient {
  const doFetch = options.fetch ?? fetch;
  // Printing a document is not free and the generated documents are module constants: print once.
  const printed = new WeakMap<object, string>();
  const queryOf = (document: DocumentNode): string => {
    let query = printed.get(document);
    if (query === undefined) {
      query = print(document);
      printed.set(document, query);
    }
    return query;
  };
  return {
    async request<Result, Variables>(document: TypedDocumentNode<Result, Variables>, ...[variables]: VariablesArgument<Variables>): Promise<Result> {
      const response = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...options.headers },
        body: JSON.stringify({ query: queryOf(document), variables: variables ?? {} }),
      });
      let body: GraphQLResponseBody<Result>;
      try {
        body = (await response.json()) as GraphQLResponseBody<Result>;
      } catch {
        throw new HubClientError(`hub answered ${response.status} without a GraphQL body`, response.status, []);
      }
      // A partial result with errors is an error for this client: callers get complete data or a throw.
      if (body.errors?.length) {
        throw new HubClientError(body.errors.map((error) => error.message).join('; '), response.status, body.errors);
      }
      if (body.data == null) throw new HubClientError(`hub answered ${response.status} without data`, response.status, []);
      return body.data;
    },
  };
}
