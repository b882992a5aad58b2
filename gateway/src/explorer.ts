import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectPath } from '../../lib/project-root.js';

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
 * A dependency-free explorer page: pick an example, edit it, run it against /graphql. It loads
 * nothing from the internet, so it works on a government intranet.
 */
export function renderExplorerPage(examples: readonly ExampleOperation[]): string {
  const options = examples.map((example, i) => `<option value="${i}">${escapeHtml(example.title)}</option>`).join('');
  // JSON inside <script> must not close the tag early.
  const data = JSON.stringify(examples).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>共治联邦枢纽 · Co-governance federation hub — explorer</title>
<style>
  body { font: 14px/1.4 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; display: grid; grid-template-rows: auto 1fr; height: 100vh; }
  header { padding: 8px 12px; background: #b71c1c; color: #fff; display: flex; gap: 12px; align-items: center; }
  header h1 { font-size: 16px; margin: 0; flex: 1; }
  main { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; padding: 8px; min-height: 0; }
  section { display: flex; flex-direction: column; min-height: 0; }
  textarea, pre { flex: 1; font: 13px/1.4 ui-monospace, Menlo, Consolas, monospace; border: 1px solid #ccc; padding: 8px; margin: 0; overflow: auto; }
  #variables { flex: 0 0 80px; }
  button { font-size: 14px; padding: 4px 16px; }
</style>
</head>
<body>
<header>
  <h1>共治联邦枢纽 · Co-governance federation hub</h1>
  <label>示例 Example <select id="example">${options}</select></label>
  <button id="run" type="button">运行 Run ▶</button>
</header>
<main>
  <section>
    <textarea id="query" spellcheck="false" aria-label="GraphQL operation"></textarea>
    <textarea id="variables" spellcheck="false" aria-label="Variables (JSON)">{}</textarea>
  </section>
  <section><pre id="result" aria-label="Result"></pre></section>
</main>
<script>
  const examples = ${data};
  const query = document.getElementById('query');
  const variables = document.getElementById('variables');
  const result = document.getElementById('result');
  const select = document.getElementById('example');
  function show(i) { if (examples[i]) query.value = examples[i].document; }
  select.addEventListener('change', () => show(select.value));
  show(0);
  document.getElementById('run').addEventListener('click', async () => {
    result.textContent = '…';
    let vars;
    try { vars = JSON.parse(variables.value || '{}'); } catch (e) { result.textContent = 'Variables are not valid JSON: ' + e.message; return; }
    const started = performance.now();
    try {
      const response = await fetch('graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: query.value, variables: vars }) });
      const body = await response.json();
      result.textContent = '// ' + response.status + ' in ' + Math.round(performance.now() - started) + ' ms\\n' + JSON.stringify(body, null, 2);
    } catch (e) { result.textContent = 'Request failed: ' + e.message; }
  });
</script>
</body>
</html>`;
}
