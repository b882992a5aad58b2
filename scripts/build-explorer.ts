/**
 * `npm run build:explorer [-- --force]`: builds the GraphiQL bundle of the explorer into
 * dist/explorer/ (see gateway/src/explorer-bundle.ts). Optional: the gateway builds it on first use.
 */
import { ensureExplorerBundle } from '../gateway/src/explorer-bundle.js';

const started = performance.now();
const bundle = await ensureExplorerBundle({ force: process.argv.includes('--force') });
process.stdout.write(`explorer bundle ready in ${bundle.directory} (${bundle.files.length} files, ${Math.round(performance.now() - started)} ms)\n`);
