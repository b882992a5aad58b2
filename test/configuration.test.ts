import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { GATEWAY_VARIABLES } from '../gateway/src/env.js';
import { subgraphTimeoutVariable, subgraphUrlVariable } from '../gateway/src/config.js';
import { HUB_VARIABLES } from '../hub/env.js';
import { projectPath } from '../lib/kernel/project-root.js';
import { subgraphVariables } from '../lib/subgraph/env.js';
import { SUBGRAPH_NAMES } from '../lib/subgraph/names.js';
import { CO_BUILDING_VARIABLES } from '../subgraphs/co-building/env.js';
import { GRIDS_VARIABLES } from '../subgraphs/grids/env.js';
import { RESOURCE_POOLS_VARIABLES } from '../subgraphs/resource-pools/env.js';
import { documentedVariables } from './support/deploy-files.js';
import { TEST_INTERNAL_SECRETS, TEST_JWT_SECRET, TEST_ROUTER_SECRETS } from './support/auth.js';

/**
 * Configuration is read once per service, in its env.ts (docs/configuration.md): a module deeper down
 * that read process.env itself would escape the start-up check and the documentation.
 */

/** Folders whose code may read process.env: tools and tests run by hand or by jest, never in a service. */
const TOOLS = ['scripts/', 'bench/', 'test/', 'seed/', 'clients/', 'explorer-ui/', 'deploy/'];

/** Uses of process.env outside env.ts files that are not reads of the configuration, each with its reason. */
const NOT_CONFIGURATION: Record<string, string> = {
  // Sets @apollo/gateway's own switch (no usage reports to Apollo), read by that library, not by the hub.
  'gateway/src/create-gateway.ts': "process.env.APOLLO_TELEMETRY_DISABLED = 'true'",
  // A command-line tool like those in scripts/ (`npm run routers:jwks`), not a service.
  'gateway/routers/jwks-from-secret.ts': 'process.env',
};

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (name === 'node_modules' || name === '.git' || name === '.data' || name === 'dist' || name === '__generated__') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe('runtime code and tools', () => {
  it('services import nothing from the seed tool (it depends on their types, not the reverse)', () => {
    const importers = ['lib', 'gateway', 'subgraphs']
      .flatMap((folder) => sourceFiles(projectPath(folder)))
      .filter((path) => /from '(\.\.\/)+seed\//.test(readFileSync(path, 'utf8')))
      .map((path) => relative(projectPath(), path));
    expect(importers).toEqual([]);
  });
});

describe('configuration', () => {
  it('only env.ts files read process.env (tools and tests aside)', () => {
    const readers = sourceFiles(projectPath())
      .map((path) => relative(projectPath(), path))
      .filter((path) => !TOOLS.some((folder) => path.startsWith(folder)) && !path.endsWith('/env.ts') && !path.includes('.config.'))
      .flatMap((path) => {
        // A quoted 'process.env.X' is a string (e.g. a bundler's define), not a read.
        const lines = readFileSync(projectPath(path), 'utf8').split('\n');
        return lines
          .map((line, index) => ({ path, line: index + 1, text: line.trim() }))
          .filter(({ text }) => /(?<!['"])\bprocess\.env\b/.test(text) && !text.startsWith('*') && !text.startsWith('//'))
          .filter(({ path: file, text }) => !(NOT_CONFIGURATION[file] !== undefined && text.includes(NOT_CONFIGURATION[file])));
      });
    expect(readers).toEqual([]);
  });

  it('documents every variable a service reads in the table of docs/configuration.md', () => {
    const documented = documentedVariables('docs/configuration.md');
    const variables = new Set([
      ...SUBGRAPH_NAMES.flatMap((name) => Object.keys(subgraphVariables(name))),
      ...Object.keys(GRIDS_VARIABLES),
      ...Object.keys(CO_BUILDING_VARIABLES),
      ...Object.keys(RESOURCE_POOLS_VARIABLES),
      ...Object.keys(GATEWAY_VARIABLES),
      ...Object.keys(HUB_VARIABLES),
      ...SUBGRAPH_NAMES.flatMap((name) => [subgraphUrlVariable(name), subgraphTimeoutVariable(name)]),
    ]);
    const undocumented = [...variables].filter((variable) => !documented.has(variable)).sort();
    expect(undocumented).toEqual([]);
  });

  it('stops a service with a bad value at start, one line naming the variable and the accepted form', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', projectPath('subgraphs', 'grids', 'main.ts')], {
      cwd: projectPath(),
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
        PORT: '0',
        JWT_SECRET: TEST_JWT_SECRET,
        HUB_ROUTER_SECRETS: TEST_ROUTER_SECRETS.join(','),
        HUB_INTERNAL_SECRETS: TEST_INTERNAL_SECRETS.join(','),
        ESCALATION_INTERVAL_MS: 'soon',
        PEER_TIMEOUT_MS: '10',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect({ code, lines: output.trim().split('\n').sort() }).toEqual({
      code: 1,
      lines: [
        'ConfigurationError: grids: ESCALATION_INTERVAL_MS is "soon", not accepted; expected a duration from 1s to 24h (milliseconds, or with a unit: 500ms, 5s, 2m, 1h)',
        'ConfigurationError: grids: PEER_TIMEOUT_MS is "10", not accepted; expected a duration from 50ms to 1m (milliseconds, or with a unit: 500ms, 5s, 2m, 1h)',
      ],
    });
  });
});
