import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectPath } from '../../lib/kernel/project-root.js';

/**
 * The GraphiQL bundle of the explorer. It is built from explorer-ui/ with esbuild into
 * dist/explorer/ (git-ignored) the first time it is needed — `npm run build:explorer`, the first
 * request for /explorer/*, or `npm start` warming it up — and rebuilt only when its inputs change
 * (the UI sources, the versions of the bundled packages, this file's build options). So
 * `npm ci && npm start` needs no extra step and nothing generated is committed.
 */
export const EXPLORER_UI_DIR = projectPath('explorer-ui');
export const EXPLORER_BUNDLE_DIR = projectPath('dist', 'explorer');
const MANIFEST = 'manifest.json';

/** Bump when the build options below change, so cached bundles are rebuilt. */
const BUILD_FORMAT = 1;

/** Packages whose code ends up in the bundle; their versions are part of the cache key. */
const BUNDLED_PACKAGES = ['graphiql', '@graphiql/react', '@graphiql/toolkit', 'react', 'react-dom', 'monaco-editor', 'monaco-graphql', 'graphql', 'esbuild'];

export interface ExplorerBundle {
  directory: string;
  /** File names in the bundle directory (what /explorer/* may serve). */
  files: readonly string[];
  inputHash: string;
}

interface Manifest {
  inputHash: string;
  files: string[];
  builtAt: string;
  buildMs: number;
}

async function packageVersion(name: string): Promise<string> {
  const manifest = JSON.parse(await readFile(projectPath('node_modules', name, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/** Hash of everything the bundle is made from. */
export async function explorerInputHash(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`format ${BUILD_FORMAT}\n`);
  for (const name of BUNDLED_PACKAGES) hash.update(`${name}@${await packageVersion(name)}\n`);
  for (const file of (await readdir(EXPLORER_UI_DIR)).sort()) {
    hash.update(`${file}\n`);
    hash.update(await readFile(join(EXPLORER_UI_DIR, file)));
  }
  return hash.digest('hex');
}

async function readManifest(directory: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(join(directory, MANIFEST), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** Runs esbuild: the app as one ES module plus its CSS and fonts, and Monaco's three workers. */
async function buildInto(directory: string): Promise<void> {
  // Imported lazily: esbuild is a dev dependency and only needed when the cache is cold.
  const esbuild = await import('esbuild');
  const common = {
    bundle: true,
    minify: true,
    sourcemap: false,
    target: 'es2022',
    logLevel: 'silent',
    absWorkingDir: projectPath(),
    define: { 'process.env.NODE_ENV': '"production"' },
    // Everything, fonts included, is a local file: the page must load nothing from another host.
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file' },
  } as const;
  await esbuild.build({
    ...common,
    entryPoints: { explorer: join(EXPLORER_UI_DIR, 'main.tsx') },
    outdir: directory,
    format: 'esm',
    jsx: 'automatic',
    assetNames: '[name]-[hash]',
  });
  await esbuild.build({
    ...common,
    entryPoints: {
      'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
      'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
      'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
    },
    outdir: directory,
    // Classic (non-module) workers: `new Worker(url)` without options, as Monaco expects.
    format: 'iife',
  });
}

/**
 * Builds the bundle unless dist/explorer/ already holds one for the current inputs. Safe to run
 * from several processes at once (tests, `npm start`): each builds into its own folder and moves
 * it into place with one rename; a loser of that race keeps the winner's identical bundle.
 */
export async function ensureExplorerBundle(options: { force?: boolean } = {}): Promise<ExplorerBundle> {
  let inputHash: string;
  try {
    inputHash = await explorerInputHash();
  } catch (error) {
    // Without the UI sources or packages (a trimmed production install) a prebuilt bundle still serves.
    const existing = await readManifest(EXPLORER_BUNDLE_DIR);
    if (existing) return { directory: EXPLORER_BUNDLE_DIR, files: existing.files, inputHash: existing.inputHash };
    throw new Error(`explorer bundle cannot be built: ${(error as Error).message}`, { cause: error });
  }
  const current = await readManifest(EXPLORER_BUNDLE_DIR);
  if (!options.force && current?.inputHash === inputHash) {
    return { directory: EXPLORER_BUNDLE_DIR, files: current.files, inputHash };
  }
  const staging = `${EXPLORER_BUNDLE_DIR}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await mkdir(staging, { recursive: true });
  try {
    const started = performance.now();
    await buildInto(staging);
    const files = (await readdir(staging)).sort();
    const manifest: Manifest = { inputHash, files, builtAt: new Date().toISOString(), buildMs: Math.round(performance.now() - started) };
    await writeFile(join(staging, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
    const old = `${staging}.old`;
    if (existsSync(EXPLORER_BUNDLE_DIR)) await rename(EXPLORER_BUNDLE_DIR, old).catch(() => undefined);
    try {
      await rename(staging, EXPLORER_BUNDLE_DIR);
    } catch {
      // Another process put its bundle in place between our two renames; it is built from the same inputs.
      const theirs = await readManifest(EXPLORER_BUNDLE_DIR);
      if (theirs?.inputHash !== inputHash) throw new Error('explorer bundle: could not move the new bundle into place');
      return { directory: EXPLORER_BUNDLE_DIR, files: theirs.files, inputHash };
    } finally {
      await rm(old, { recursive: true, force: true });
    }
    return { directory: EXPLORER_BUNDLE_DIR, files, inputHash };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

let pending: Promise<ExplorerBundle> | undefined;

/** ensureExplorerBundle once per process; a failed build is retried on the next call. */
export function explorerBundle(): Promise<ExplorerBundle> {
  pending ??= ensureExplorerBundle().catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}
