import type { ApolloServer, BaseContext } from '@apollo/server';
import { expect } from '@jest/globals';
import type { GraphQLFormattedError } from 'graphql';

export interface OperationResult<Data> {
  data: Data | null | undefined;
  errors: readonly GraphQLFormattedError[] | undefined;
}

/** Runs one operation in-process against a subgraph server (no HTTP), returning data and errors. */
export async function execute<Data = Record<string, unknown>, Context extends BaseContext = BaseContext>(
  server: ApolloServer<Context>,
  contextValue: Context,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<OperationResult<Data>> {
  const response = await server.executeOperation<Data>({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single (non-incremental) result');
  return { data: response.body.singleResult.data, errors: response.body.singleResult.errors };
}

/** The value of `hub_sql_statements_total` for one service in a Prometheus text exposition. */
export function sqlStatementsIn(metricsText: string): number {
  const line = metricsText.split('\n').find((text) => text.startsWith('hub_sql_statements_total{'));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

/**
 * Asks a subgraph (through `run`) for one entity of `typename` by reference (`_entities`, as a router
 * does) and for one with an unknown id; expects no errors, the known one with its id and null for
 * the unknown one. Returns the entity found, for checks of its own.
 */
export async function expectEntityReference(
  run: (query: string, variables?: Record<string, unknown>) => Promise<OperationResult<Record<string, any>>>,
  typename: string,
  id: string,
  fields: string,
): Promise<Record<string, unknown>> {
  const { data, errors } = await run(
    `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { id ${fields} } } }`,
    {
      representations: [
        { __typename: typename, id },
        { __typename: typename, id: 'missing' },
      ],
    },
  );
  expect(errors).toBeUndefined();
  expect(data!._entities[0]).toMatchObject({ id });
  expect(data!._entities[1]).toBeNull();
  return data!._entities[0] as Record<string, unknown>;
}
