import { projectPath } from '../kernel/project-root.js';

/**
 * The four subgraphs and where their files are: a module of its own, free of Apollo Server, so that
 * processes that only name the subgraphs (the launcher, scripts) do not load a GraphQL server.
 */
export const SUBGRAPH_NAMES = ['organisations', 'grids', 'resource-pools', 'co-building'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export function schemaPathOf(name: SubgraphName): string {
  return projectPath('subgraphs', name, 'schema.graphql');
}

export function migrationsDirOf(name: SubgraphName): string {
  return projectPath('subgraphs', name, 'migrations');
}
