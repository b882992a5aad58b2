// The project's TypeScript as plain JavaScript, for the processes `npm start` runs and those the
// tests spawn. Plain JavaScript (not TypeScript) because it runs before anything can compile.
//
// Under `node --import tsx` every process pays tsx's loader: a module-loading thread with its own
// V8 heap (about 40 MB of RSS per process) and a compile of each of its hundreds of modules (a
// launcher start took about 35 s of CPU through tsx and 20 s from JavaScript, 2 December 2026).
// This builds with esbuild, the compiler tsx itself runs, file by file with the same options
// (tsconfig.json), so the JavaScript is what tsx would have run; it takes about a second.
//
// The output sits inside the project (dist/, git-ignored), so `projectPath` (which walks up to
// package.json) and package imports resolve as they do for `npm run build`'s dist/.
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** The folders whose .ts files the services run (tests and type declarations left out). */
export const SOURCE_FOLDERS = ['lib', 'gateway', 'subgraphs', 'hub', 'seed', 'scripts'];

/** Every source file the services may load, as absolute paths, in a stable order. */
export async function sourceFiles(projectRoot, folders = SOURCE_FOLDERS) {
  const files = [];
  for (const folder of folders) {
    const entries = await readdir(join(projectRoot, folder), { withFileTypes: true, recursive: true });
    for (const entry of entries) {
      const name = entry.name;
      if (entry.isFile() && name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) files.push(join(entry.parentPath, name));
    }
  }
  return files.sort();
}

/**
 * A digest of what the build depends on: each source's path and content, tsconfig.json and the
 * compiler's version. Same digest, same JavaScript.
 */
export async function sourceDigest(projectRoot, files) {
  const hash = createHash('sha256');
  const { version } = await import('esbuild');
  hash.update(`esbuild ${version}\0`);
  for (const file of [join(projectRoot, 'tsconfig.json'), ...files]) {
    hash.update(`${relative(projectRoot, file)}\0`);
    hash.update(await readFile(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const exists = (path) =>
  readdir(path).then(
    () => true,
    () => false,
  );

/**
 * Compiles `files` into `target` (its layout mirrors the project's: hub/main.ts → target/hub/main.js)
 * unless `target` already exists. Safe from several processes at once: each builds into a folder of
 * its own and moves it into place with one rename; a loser of that race keeps the winner's identical
 * build. Returns `target`.
 */
export async function transpileInto(projectRoot, files, target) {
  if (await exists(target)) return target;
  const esbuild = await import('esbuild');
  const staging = `${target}.${process.pid}`;
  await esbuild.build({
    entryPoints: files,
    outdir: staging,
    outbase: projectRoot,
    absWorkingDir: projectRoot,
    tsconfig: join(projectRoot, 'tsconfig.json'),
    format: 'esm',
    platform: 'node',
    target: 'es2022',
    bundle: false,
    logLevel: 'warning',
  });
  // esbuild's compiler runs as a child process; the build is done with it.
  await esbuild.stop();
  try {
    await rename(staging, target);
  } catch (error) {
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    await rm(staging, { recursive: true, force: true });
  }
  return target;
}

/**
 * Removes the builds in `folder` other than `current` and the `keep` used most recently (by the
 * folders' modification times, which `npm start` touches on each use); a hub still running from a
 * kept build can restart its services from there. Staging folders of builds under way elsewhere
 * (`<digest>.<pid>`) are theirs to move or remove.
 */
export async function pruneEarlierBuilds(folder, current, keep) {
  const others = [];
  for (const name of await readdir(folder)) {
    const path = join(folder, name);
    if (path === current || name.includes('.')) continue;
    // Another start may be pruning at the same moment.
    const usedAt = await stat(path).then(
      (info) => info.mtimeMs,
      () => undefined,
    );
    if (usedAt !== undefined) others.push({ path, usedAt });
  }
  others.sort((a, b) => b.usedAt - a.usedAt);
  const removed = others.slice(keep).map(({ path }) => path);
  await Promise.all(removed.map((path) => rm(path, { recursive: true, force: true })));
  return removed;
}
