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

/**
 * The hub answered with errors (or not with GraphQL at all); `errors` carries its coded errors and
 * `data` whatever the hub did answer (e.g. every field but one subgraph's during its outage).
 */
export class HubClientError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errors: readonly HubGraphQLError[],
    readonly data: unknown = null,
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

/** A GraphQL answer as it came: data (possibly partial) next to the errors of the fields that failed. */
export interface PartialResult<Result> {
  data: Result | null;
  errors: readonly HubGraphQLError[];
}

export interface HubClient {
  /** Complete data, or a HubClientError (which still carries any partial `data`). */
  request<Result, Variables>(document: TypedDocumentNode<Result, Variables>, ...variables: VariablesArgument<Variables>): Promise<Result>;
  /**
   * Data and errors side by side, for screens that show what they can: with one subgraph down, a
   * dashboard still gets the other subgraphs' fields (they are nullable in the schema). Throws only
   * when the hub did not answer with GraphQL at all.
   */
  requestPartial<Result, Variables>(document: TypedDocumentNode<Result, Variables>, ...variables: VariablesArgument<Variables>): Promise<PartialResult<Result>>;
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
  const post = async <Result>(document: DocumentNode, variables: unknown): Promise<{ status: number; body: GraphQLResponseBody<Result> }> => {
    const response = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...options.headers },
      body: JSON.stringify({ query: queryOf(document), variables: variables ?? {} }),
    });
    try {
      return { status: response.status, body: (await response.json()) as GraphQLResponseBody<Result> };
    } catch {
      throw new HubClientError(`hub answered ${response.status} without a GraphQL body`, response.status, []);
    }
  };
  return {
    async request<Result, Variables>(document: TypedDocumentNode<Result, Variables>, ...[variables]: VariablesArgument<Variables>): Promise<Result> {
      const { status, body } = await post<Result>(document, variables);
      // With errors this method throws, so callers get complete data or a throw; the error keeps
      // the partial data for those who want it (or use requestPartial).
      if (body.errors?.length) {
        throw new HubClientError(body.errors.map((error) => error.message).join('; '), status, body.errors, body.data ?? null);
      }
      if (body.data == null) throw new HubClientError(`hub answered ${status} without data`, status, []);
      return body.data;
    },
    async requestPartial<Result, Variables>(
      document: TypedDocumentNode<Result, Variables>,
      ...[variables]: VariablesArgument<Variables>
    ): Promise<PartialResult<Result>> {
      const { status, body } = await post<Result>(document, variables);
      if (body.data == null && !body.errors?.length) throw new HubClientError(`hub answered ${status} without data or errors`, status, []);
      return { data: body.data ?? null, errors: body.errors ?? [] };
    },
  };
}
