// `npm start`: compiles the sources to JavaScript (scripts/transpile.mjs; about a second, or nothing
// when they have not changed since the last start) and runs the launcher, hub/main, from there in
// this process. The launcher's services then run the same JavaScript, none of them through tsx.
import { utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pruneEarlierBuilds, sourceDigest, sourceFiles, transpileInto } from './transpile.mjs';

const projectRoot = dirname(dirname(fileURLToPath(import.meta.url)));
/** Builds of earlier sources kept besides the current one: a hub still running from one of them restarts its services from there. */
const EARLIER_BUILDS_KEPT = 3;

const builds = join(projectRoot, 'dist', 'start');
const files = await sourceFiles(projectRoot);
const current = join(builds, (await sourceDigest(projectRoot, files)).slice(0, 16));
await transpileInto(projectRoot, files, current);
// Marks the build as the latest used, for the pruning below.
const now = new Date();
await utimes(current, now, now);

await pruneEarlierBuilds(builds, current, EARLIER_BUILDS_KEPT);

await import(pathToFileURL(join(current, 'hub', 'main.js')).href);
