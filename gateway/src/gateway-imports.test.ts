import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { projectPath } from '../../lib/kernel/project-root.js';

/**
 * The gateway process does not load @apollo/gateway: its index (and its executeQueryPlan) load
 * OpenTelemetry's metrics SDK, OTLP exporters and cloud resource detectors at import, about 900
 * module files and 40 MB of RSS (docs/performance.md). The hub plans with @apollo/query-planner
 * and runs the plans itself (plan-executor.ts); a few of @apollo/gateway's leaf files that load only
 * @apollo/federation-internals are used, and `planExecutor: 'apollo'` imports the rest only when chosen.
 */
const ALLOWED_APOLLO_GATEWAY_FILES = ['dist/dataRewrites.js', 'dist/resultShaping.js', 'dist/utilities/own.js'];

/**
 * Imports the gateway's HTTP server in a fresh process and prints every module file it loaded:
 * CommonJS from require's cache, ES modules as a module-resolution hook saw them (hooks run on
 * their own thread and report through a port).
 */
const PROBE = `
import { createRequire, register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
const { port1, port2 } = new MessageChannel();
const esModules = [];
port1.on('message', (url) => esModules.push(url));
const hooks = 'let port; export function initialize(data) { port = data.port; }' +
  ' export async function resolve(specifier, context, next) { const resolved = await next(specifier, context); port.postMessage(resolved.url); return resolved; }';
register('data:text/javascript,' + encodeURIComponent(hooks), { data: { port: port2 }, transferList: [port2] });
await import('./gateway/src/http.ts');
await new Promise((resolve) => setTimeout(resolve, 200));
port1.close();
console.log(JSON.stringify([...Object.keys(createRequire(import.meta.url).cache), ...esModules.filter((url) => url.startsWith('file:')).map((url) => new URL(url).pathname)]));
`;

/** The module files (CommonJS and ES) a fresh process holds after importing the gateway's HTTP server, with / separators. */
async function gatewayModuleFiles(): Promise<string[]> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', PROBE], {
    cwd: projectPath(),
    maxBuffer: 16 * 1024 * 1024,
  });
  return [...new Set((JSON.parse(stdout) as string[]).map((file) => file.replaceAll('\\', '/')))];
}

describe("the gateway's modules", () => {
  it('load none of @apollo/gateway but its OpenTelemetry-free leaves, and no OpenTelemetry SDK', async () => {
    const loaded = await gatewayModuleFiles();
    expect(loaded.some((file) => file.includes('/node_modules/@apollo/query-planner/'))).toBe(true); // the probe saw the gateway's modules
    const fromApolloGateway = loaded.flatMap((file) => /\/node_modules\/@apollo\/gateway\/(.*)$/.exec(file)?.[1] ?? []).sort();
    expect(fromApolloGateway).toEqual(ALLOWED_APOLLO_GATEWAY_FILES);
    const openTelemetry = new Set(loaded.flatMap((file) => /\/node_modules\/(@opentelemetry\/[^/]+)\//.exec(file)?.[1] ?? []));
    expect([...openTelemetry]).toEqual(['@opentelemetry/api']);
  }, 60_000);

  it("load undici's connection pool without its index, which brings fetch, its cache and WebSocket (about 9 MB of RSS)", async () => {
    const fromUndici = (await gatewayModuleFiles()).flatMap((file) => /\/node_modules\/undici\/(.*)$/.exec(file)?.[1] ?? []);
    expect(fromUndici).toContain('lib/dispatcher/pool.js'); // the probe saw the fetcher's pool
    expect(fromUndici.filter((file) => file === 'index.js' || file.startsWith('lib/web/'))).toEqual([]);
  }, 60_000);

  it('load no schema library: the safelist manifest is checked by hand (zod stayed in memory for it, about 14 MB of RSS)', async () => {
    const loaded = await gatewayModuleFiles();
    expect(loaded.some((file) => file.includes('/gateway/src/security.ts'))).toBe(true); // the probe saw ES modules
    expect(loaded.filter((file) => file.includes('/node_modules/zod/'))).toEqual([]);
  }, 60_000);
});
