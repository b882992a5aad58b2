import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectPath } from '../../lib/kernel/project-root.js';

export interface ExampleOperation {
  name: string;
  /** First comment line of the file, shown as the example's title. */
  title: string;
  document: string;
}

export const EXAMPLES_DIR = projectPath('gateway', 'examples');

/** The example operations (gateway/examples/*.graphql), also run by the end-to-end tests. */
export async function loadExampleOperations(directory = EXAMPLES_DIR): Promise<ExampleOperation[]> {
  const files = (await readdir(directory)).filter((file) => file.endsWith('.graphql')).sort();
  return Promise.all(
    files.map(async (file) => {
      const document = await readFile(join(directory, file), 'utf8');
      const title = /^#\s*(.+)$/m.exec(document)?.[1] ?? file;
      return { name: file.replace(/\.graphql$/, ''), title, document };
    }),
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * What the browser may load on the explorer page: only this origin (plus data:/blob: URLs Monaco
 * makes itself), so even a mistake in the bundle cannot reach a CDN. Inline styles are GraphiQL's.
 */
export const EXPLORER_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The explorer page: GraphiQL from the hub's own bundle under explorer/ (explorer-ui/,
 * built by gateway/src/explorer-bundle.ts), with the example operations embedded as JSON and
 * opened as its tabs. It loads nothing from the internet, so it works on a government intranet.
 * Asset URLs are relative so a hub served under a path prefix still finds them.
 */
export function renderExplorerPage(examples: readonly ExampleOperation[], options: { token?: string } = {}): string {
  // Development only (npm start without JWT settings, on loopback): a one-hour read-only token,
  // prefilled in the headers editor so that the examples run as they are; otherwise the user pastes
  // their own.
  const config = JSON.stringify({ headers: options.token ? { Authorization: `Bearer ${options.token}` } : null }).replace(/</g, '\\u003c');
  const titles = examples.map((example) => `<li>${escapeHtml(example.title)}</li>`).join('');
  // JSON inside <script> must not close the tag early.
  const data = JSON.stringify(examples).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>共治联邦枢纽 · Co-governance federation hub — explorer</title>
<link rel="stylesheet" href="explorer/explorer.css">
<style>
  html, body, #graphiql { height: 100%; margin: 0; }
  #graphiql > .hub-loading { font: 14px/1.4 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; padding: 16px; }
</style>
</head>
<body>
<div id="graphiql">
  <div class="hub-loading">
    <p>正在加载浏览器 Loading the explorer… (the first load after an update builds it, a few seconds)</p>
    <noscript><p>The explorer needs JavaScript. POST GraphQL to <code>graphql</code> instead.</p></noscript>
    <ul>${titles}</ul>
  </div>
</div>
<script type="application/json" id="hub-examples">${data}</script>
<script type="application/json" id="hub-explorer-config">${config}</script>
<script type="module" src="explorer/explorer.js"></script>
</body>
</html>`;
}
