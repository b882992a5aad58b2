/**
 * npm run bench:restart [-- --rounds 1 --npm-start]
 *
 * Where restart time goes, and how long a restart takes. Compiles the hub (npm run build), runs it
 * as `npm run start:built` does (plain JavaScript from `npm run build`; with --npm-start through `npm start`'s script, which compiles with esbuild) on the reference
 * street in a temp folder, then kills each service with SIGKILL in turn, PostgreSQL included, with
 * no other load. Per kill it prints: seconds until the launcher has it healthy again, until the
 * first complete answer to a query touching all four subgraphs, and the restarted process's own
 * account of its start (loading the code, migrations, supergraph + plan warm-up, listen), taken
 * from its `listening` log line. Figures, not a pass/fail: docs/operations.md quotes them.
 */
import { rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SUBGRAPH_NAMES } from '../../lib/subgraph/names.js';
import { killEverything, launch, launcherSetup, servicePid, tokenFor, waitForOutput, type LaunchedHub } from '../../test/support/launcher.js';

const { values: flags } = parseArgs({ options: { rounds: { type: 'string', default: '1' }, 'npm-start': { type: 'boolean', default: false } } });
const rounds = Number(flags.rounds);
const QUERY = '{ communities(first: 3) { nodes { id partyOrganisation { name } pairings { id } openDemandCount } } }';

const setup = await launcherSetup();
const token = await tokenFor(setup, 'STREET_ADMIN');
let hub: LaunchedHub | undefined;

async function complete(): Promise<boolean> {
  try {
    const response = await fetch(setup.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: QUERY }),
      signal: AbortSignal.timeout(5_000),
    });
    const json = (await response.json()) as { data?: any; errors?: unknown[] };
    return json.errors === undefined && json.data?.communities?.nodes?.length === 3;
  } catch {
    return false;
  }
}

function lines(pattern: RegExp): string[] {
  return hub!
    .output()
    .split('\n')
    .filter((line) => pattern.test(line));
}

interface Row {
  service: string;
  healthyS: number;
  answerS: number;
  detail: string;
}

try {
  const startedAt = Date.now();
  hub = launch(setup, { RATE_LIMIT_PER_MINUTE: '0' }, { built: !flags['npm-start'] });
  await waitForOutput(hub, /hub is ready/, 300_000);
  process.stdout.write(`hub started (${flags['npm-start'] ? 'npm start' : 'built'}) in ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n`);
  const rows: Row[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const victim of ['postgres', ...SUBGRAPH_NAMES, 'gateway']) {
      while (!(await complete())) await new Promise((resolve) => setTimeout(resolve, 100));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const healthy = victim === 'postgres' ? /"message":"PostgreSQL healthy"/ : new RegExp(`"child":"${victim}".*"message":"service healthy"`);
      const healthyBefore = lines(healthy).length;
      const pid =
        victim === 'postgres'
          ? Number(readFileSync(join(setup.dataDir, 'postgres', 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[0])
          : servicePid(hub, victim);
      const killedAt = Date.now();
      process.kill(pid, 'SIGKILL');
      while (lines(healthy).length === healthyBefore) await new Promise((resolve) => setTimeout(resolve, 20));
      const healthyS = (Date.now() - killedAt) / 1000;
      while (!(await complete())) await new Promise((resolve) => setTimeout(resolve, 20));
      const answerS = (Date.now() - killedAt) / 1000;
      let detail = '';
      if (victim === 'postgres') {
        detail = `server start incl. crash recovery ${(JSON.parse(lines(healthy).at(-1)!) as { startMs: number }).startMs} ms`;
      } else {
        const listeningLines = hub
          .output()
          .split('\n')
          .filter((line) => line.includes('"message":"listening"') && line.includes(`"service":"${victim}"`));
        const listening = JSON.parse(listeningLines.at(-1)!) as { startup: Record<string, number> };
        detail = Object.entries(listening.startup)
          .map(([phase, ms]) => `${phase} ${ms}`)
          .join(', ');
        if (victim === 'gateway') {
          const warm = JSON.parse(lines(/"service":"gateway".*"query plans warmed up"/).at(-1)!) as { ms: number };
          detail += ` (of which plan warm-up ${warm.ms})`;
        }
      }
      rows.push({ service: victim, healthyS, answerS, detail });
      process.stdout.write(`${victim}: healthy again after ${healthyS.toFixed(2)} s, complete answer after ${answerS.toFixed(2)} s; ${detail}\n`);
    }
  }
  process.stdout.write('\n| killed | healthy again | first complete answer | the new process (ms) |\n|---|---|---|---|\n');
  for (const row of rows) process.stdout.write(`| ${row.service} | ${row.healthyS.toFixed(2)} s | ${row.answerS.toFixed(2)} s | ${row.detail} |\n`);
  hub.process.kill('SIGTERM');
  await hub.exited;
} finally {
  if (hub && hub.process.exitCode === null) await killEverything(hub).catch(() => undefined);
  await rm(setup.dataDir, { recursive: true, force: true });
}
