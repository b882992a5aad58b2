import { rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { projectPath } from '../../lib/kernel/project-root.js';
import { sourceFiles, transpileInto } from '../../scripts/transpile.mjs';

/**
 * The project's TypeScript as plain JavaScript, built once per test run (scripts/transpile.mjs, as
 * `npm start` builds it), for the processes that tests spawn (the launcher and its five services, the
 * import command, Hive Gateway).
 */

/** The run's build folder: the compiled `hub/main.js` is at `join(compiledRoot(), 'hub', 'main.js')`. */
export function compiledRoot(): string {
  const run = process.env.TEST_RUN_ID;
  if (!run) throw new Error('TEST_RUN_ID is not set: run the tests through jest (npm test)');
  return projectPath('dist', 'test-build', run);
}

let building: Promise<string> | undefined;

/** Builds the run's JavaScript unless another jest worker already has (each worker builds at most once); returns `compiledRoot()`. */
export function ensureCompiled(): Promise<string> {
  building ??= (async () => transpileInto(projectPath(), await sourceFiles(projectPath()), compiledRoot()))();
  return building;
}

/** Where the compiled counterpart of a source file (`hub/main.ts`) is. */
export async function compiledEntry(source: string): Promise<string> {
  const root = await ensureCompiled();
  return join(root, relative(projectPath(), projectPath(source)).replace(/\.ts$/, '.js'));
}

/** Removes the run's build (global teardown). */
export async function removeCompiled(): Promise<void> {
  await rm(compiledRoot(), { recursive: true, force: true });
}
