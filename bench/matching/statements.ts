/**
 * What one ranking costs PostgreSQL, statement by statement, in CPU time rather than wall-clock:
 * the figure that does not move with the machine's load (docs/performance.md, "Where a ranking's
 * time goes"). Runs matchCandidates and its first page of five exclusions, as the API does, through
 * the service's Database (named prepared statements, as in production) on one connection with its
 * statements one at a time, and reads the server process's CPU time from
 * /proc/<pid>/schedstat around each statement — so only for a PostgreSQL on this machine (the
 * embedded one); co-building is left out (partner data unavailable), its three statements are not counted.
 */
import { readFile } from 'node:fs/promises';
import { Registry } from 'prom-client';
import { Database } from '../../lib/kernel/database.js';
import { createLogger } from '../../lib/kernel/log.js';
import { matchCandidates } from '../../subgraphs/resource-pools/domain/matching-service.js';
import { DEFAULT_MATCH_CONFIG } from '../../subgraphs/resource-pools/domain/matching.js';
import { unavailablePartnerDirectory } from '../../subgraphs/resource-pools/partner-directory.js';
import { createContext } from '../../subgraphs/resource-pools/server.js';

interface StatementCost {
  count: number;
  cpuNs: number;
  rows: number;
}

/** Lines of the report: CPU per ranking in all, then each statement's share, the costliest first; null when the server is not on this machine. */
export async function rankingStatementCpu(url: string, demandIds: readonly string[]): Promise<string[] | null> {
  // One connection, so every statement runs on the backend whose CPU is read.
  const database = new Database({ url, service: 'bench-matching-statements', registry: new Registry(), maxConnections: 1 });
  try {
    const [{ pid }] = (await database.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')) as [{ pid: number }];
    const cpuNs = async () => Number((await readFile(`/proc/${pid}/schedstat`, 'utf8')).split(' ')[0]);
    try {
      await cpuNs();
    } catch {
      return null;
    }
    const costs = new Map<string, StatementCost>();
    let queue: Promise<unknown> = Promise.resolve();
    // One statement at a time, so the server's CPU between two readings is that statement's.
    const query = <Row extends object>(sql: string, params?: readonly unknown[]): Promise<Row[]> => {
      const run = queue.then(async () => {
        const before = await cpuNs();
        const rows = await database.query<Row>(sql, (params ?? []) as Parameters<Database['query']>[1]);
        const spent = (await cpuNs()) - before;
        const key = sql.replace(/\s+/g, ' ').trim().slice(0, 60);
        const cost = costs.get(key) ?? { count: 0, cpuNs: 0, rows: 0 };
        costs.set(key, { count: cost.count + 1, cpuNs: cost.cpuNs + spent, rows: cost.rows + rows.length });
        return rows;
      });
      queue = run.catch(() => undefined);
      return run;
    };
    const db = { query, transaction: () => Promise.reject(new Error('a ranking writes nothing')) } as unknown as Database;
    const settings = { match: DEFAULT_MATCH_CONFIG, fairMinShare: 0.2, partners: unavailablePartnerDirectory };
    const log = createLogger('bench', 'error');
    const rankAll = async (ids: readonly string[]) => {
      for (const id of ids) {
        // A context per ranking, as per request: the demand loader caches nothing across them.
        const result = await matchCandidates(createContext({ db, log }, undefined, settings), id, 10);
        await result?.exclusions.page(0, 5);
      }
    };
    await rankAll(demandIds.slice(0, 20)); // warm-up
    costs.clear();
    await rankAll(demandIds.slice(20));
    const rankings = demandIds.length - 20;
    const total = [...costs.values()].reduce((sum, cost) => sum + cost.cpuNs, 0);
    const perRanking = (ns: number) => `${(ns / rankings / 1e6).toFixed(2)} ms`;
    return [
      `  PostgreSQL CPU per ranking (matchCandidates and a page of 5 exclusions; ${rankings} demands): ${perRanking(total)} in ${(
        [...costs.values()].reduce((sum, cost) => sum + cost.count, 0) / rankings
      ).toFixed(1)} statements`,
      ...[...costs]
        .sort((a, b) => b[1].cpuNs - a[1].cpuNs)
        .map(
          ([sql, cost]) =>
            `    ${perRanking(cost.cpuNs).padStart(8)}  ${String(cost.count).padStart(4)}× ${(cost.rows / cost.count).toFixed(0).padStart(4)} rows  ${sql}`,
        ),
    ];
  } finally {
    await database.close();
  }
}
