import { readdir, rename, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { projectPath } from '../../lib/kernel/project-root.js';

/**
 * The project's TypeScript as plain JavaScript, built once per test run, for the processes that
 * tests spawn (the launcher and its five services, the import command, Hive Gateway).
 *
 * Under `node --import tsx` every process pays tsx's loader on each of its hundreds of modules: a
 * launcher start took about 35 s of CPU through tsx and 20 s from JavaScript (2 December 2026,
 * docs/testing.md#time). The build uses esbuild, the compiler tsx itself runs, file by file with
 * the same options (tsconfig.json), so the processes run the code `npm start` runs; one test
 * (test/hub-lifecycle.test.ts, `npm start` under load) still runs the sources exactly as the
 * README says.
 *
 * The output sits inside the project (dist/, git-ignored), so `projectPath` (which walks up to
 * package.json) and package imports resolve as they do for `npm run build`'s dist/.
 */
const SOURCE_FOLDERS = ['lib', 'gateway', 'subgraphs', 'hub', 'seed', 'scripts'];

/** The run's build folder: the compiled `hub/main.js` is at `join(compiledRoot(), 'hub', 'main.js')`. */
export function compiledRoot(): string {
  const run = process.env.TEST_RUN_ID;
  if (!run) throw new Error('TEST_RUN_ID is not set: run the tests through jest (npm test)');
  return projectPath('dist', 'test-build', run);
}

async function sourcesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

let building: Promise<string> | undefined;

/**
 * Builds the run's JavaScript unless another jest worker already has (each worker builds at most
 * once); returns `compiledRoot()`. Safe from several workers at once: each builds into a folder of
 * its own and moves it into place with one rename; a loser of that race keeps the winner's
 * identical build.
 */
export function ensureCompiled(): Promise<string> {
  building ??= (async () => {
    const target = compiledRoot();
    if (
      await readdir(target).then(
        () => true,
        () => false,
      )
    )
      return target;
    // Imported lazily: esbuild is a dev dependency, as tsx is for the sources.
    const esbuild = await import('esbuild');
    const staging = `${target}.${process.pid}`;
    const entryPoints = (await Promise.all(SOURCE_FOLDERS.map((folder) => sourcesIn(projectPath(folder))))).flat();
    await esbuild.build({
      entryPoints,
      outdir: staging,
      outbase: projectPath(),
      absWorkingDir: projectPath(),
      tsconfig: projectPath('tsconfig.json'),
      format: 'esm',
      platform: 'node',
      target: 'es2022',
      bundle: false,
      logLevel: 'warning',
    });
    try {
      await rename(staging, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
      await rm(staging, { recursive: true, force: true });
    }
    return target;
  })();
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
