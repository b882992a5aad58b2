import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { EmbeddedPostgres } from '../hub/embedded-postgres.js';
import { findFreePort } from '../hub/free-port.js';
import { createLogger } from '../lib/kernel/log.js';
import { projectPath } from '../lib/kernel/project-root.js';
import type { SubgraphName } from '../lib/subgraph/names.js';
import { importFile, summarise, type ImportOptions } from '../scripts/import/import.js';
import type { ImportKind } from '../scripts/import/columns.js';
import { openImportTarget } from '../scripts/import/target.js';
import { decodeCsv } from '../scripts/import/read-sheet.js';
import { SEEDERS } from '../seed/index.js';
import { planStreet } from '../seed/plan.js';
import { compiledEntry } from './support/compiled.js';
import { createTestDatabase, type TestDatabase } from './support/databases.js';

/**
 * `npm run import`: sheets written here with exceljs (XLSX) or as text (CSV), imported into real
 * subgraph databases seeded with the reference street (offices, communities, units, departments).
 */
const SUBGRAPHS: SubgraphName[] = ['organisations', 'grids', 'resource-pools', 'co-building'];
let databases: Record<SubgraphName, TestDatabase>;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hub-import-'));
  const plan = planStreet(1);
  databases = {} as Record<SubgraphName, TestDatabase>;
  for (const name of SUBGRAPHS) {
    databases[name] = await createTestDatabase(name);
    if (name !== 'resource-pools') await databases[name].db.transaction((tx) => SEEDERS[name].insert(tx, plan));
  }
});

afterAll(async () => {
  await Promise.all(Object.values(databases ?? {}).map((database) => database.drop()));
  await rm(dir, { recursive: true, force: true });
});

let fileCount = 0;
async function csv(lines: string[]): Promise<string> {
  const file = join(dir, `sheet-${++fileCount}.csv`);
  // With a BOM, as Excel writes "CSV UTF-8".
  await writeFile(file, '\uFEFF' + lines.join('\r\n') + '\r\n');
  return file;
}

async function xlsx(rows: (string | number | null)[][]): Promise<string> {
  const file = join(dir, `sheet-${++fileCount}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账');
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(file);
  return file;
}

function run(file: string, kind: ImportKind, extra: Partial<ImportOptions> = {}) {
  const databaseUrls = Object.fromEntries(SUBGRAPHS.map((name) => [name, databases[name].url])) as Record<SubgraphName, string>;
  return importFile({ file, kind, databaseUrls, ...extra });
}

async function count(name: SubgraphName, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await databases[name].db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) q`, params as never[]);
  return row!.n;
}

const UNIT_HEADER = '外部编码,单位名称,单位类别,纬度,经度,地址,联系人,联系电话';
const UNITS = [
  'U-001,海门区人民医院,医院,31.8951,121.1812,北京中路1500号,陈晓东,13805130001',
  'U-002,海门农商银行,STATE_ENTERPRISE,31.8893,121.1706,人民中路666号,王丽,13905130002',
  'U-003,江海物业服务有限公司,物业企业,31.9012,121.1655,长江路88号,李强,0513-82100003',
];

describe('npm run import', () => {
  it('imports units from a CSV with Chinese headers and Chinese category labels, and a second import of the same file changes nothing', async () => {
    const file = await csv([UNIT_HEADER, ...UNITS]);
    const first = await run(file, 'units');
    expect(first).toMatchObject({ imported: true, created: 3, updated: 0, unchanged: 0, rejected: 0, errors: [] });
    const [hospital] = await databases['co-building'].db.query<{ id: string; kind: string; contact_phone: string }>(
      `SELECT id, kind, contact_phone FROM units WHERE external_code = 'U-001'`,
    );
    expect(hospital).toMatchObject({ kind: 'HOSPITAL', contact_phone: '13805130001' });
    expect(hospital!.id).toMatch(/^unit-imp-[0-9a-f]{12}$/);

    const second = await run(file, 'units');
    expect(summarise(second)).toBe('0 created, 0 updated, 3 unchanged');
    expect(await count('co-building', `SELECT 1 FROM units WHERE external_code LIKE 'U-00%'`)).toBe(3);

    const changed = await csv([UNIT_HEADER, UNITS[0]!.replace('陈晓东', '陈晓西'), ...UNITS.slice(1)]);
    expect(summarise(await run(changed, 'units'))).toBe('0 created, 1 updated, 2 unchanged');
    const [renamed] = await databases['co-building'].db.query<{ id: string; contact_name: string }>(
      `SELECT id, contact_name FROM units WHERE external_code = 'U-001'`,
    );
    expect(renamed).toEqual({ id: hospital!.id, contact_name: '陈晓西' });
  });

  it('reads a CSV that Excel saved in GBK / GB18030 (plain "CSV" on a Chinese Windows)', async () => {
    const file = join(dir, 'gbk.csv');
    const ascii = (text: string) => Buffer.from(text, 'ascii');
    const hospitalInGbk = Buffer.from([0xd2, 0xbd, 0xd4, 0xba]); // 医院
    await writeFile(
      file,
      Buffer.concat([
        ascii('external_code,name,kind,lat,lng,address,contact_name,contact_phone\r\nU-GBK-1,'),
        hospitalInGbk,
        ascii(',HOSPITAL,31.9,121.1,No. 1,Chen,13800000000\r\n'),
      ]),
    );
    expect(summarise(await run(file, 'units'))).toBe('1 created, 0 updated, 0 unchanged');
    const [unit] = await databases['co-building'].db.query<{ name: string }>(`SELECT name FROM units WHERE external_code = 'U-GBK-1'`);
    expect(unit!.name).toBe('医院');
    // UTF-8 with Latin-1 punctuation (a Uyghur name's middle dot, an accent) stays UTF-8.
    expect(decodeCsv(Buffer.from('阿卜杜拉·买买提,Café', 'utf8'))).toBe('阿卜杜拉·买买提,Café');
  });

  it('reports every bad row of an XLSX with its row number and imports nothing', async () => {
    const file = await xlsx([
      ['external_code', 'name', 'kind', 'office', 'households', 'population', 'lat', 'lng'],
      ['C-OK-1', '新港社区', 'COMMUNITY', '城东办事处', 2150, 6890, 31.91, 121.16],
      ['C-BAD-1', '东兴村', '村', 'office-03', -5, 2710, 31.87, 121.22],
      ['C-BAD-2', '', 'TOWN', '不存在办事处', 100, 'many', 95, 121.2],
      ['C-OK-1', '重复社区', 'COMMUNITY', 'office-01', 1, 1, 31.9, 121.1],
    ]);
    const report = await run(file, 'communities');
    expect(report.imported).toBe(false);
    expect(report.errors).toEqual([
      'row 3: households must be a non-negative integer',
      'row 4: name is required',
      'row 4: kind must be one of COMMUNITY (社区), VILLAGE (村)',
      'row 4: population must be a non-negative integer',
      'row 4: lat must be between -90 and 90',
      'row 5: external_code C-OK-1 repeats row 2',
    ]);
    expect(report).toMatchObject({ created: 0, rejected: 4 });
    expect(await count('grids', `SELECT 1 FROM communities WHERE external_code IS NOT NULL`)).toBe(0);
  });

  it('reports a reference that does not resolve (an unknown office) with its row and imports nothing', async () => {
    const file = await csv([
      'external_code,name,kind,office,households,population,lat,lng',
      'C-REF-1,新港社区,COMMUNITY,城东办事处,2150,6890,31.91,121.16',
      'C-REF-2,东兴村,VILLAGE,城北办事处,860,2710,31.87,121.22',
    ]);
    const report = await run(file, 'communities');
    expect(report.imported).toBe(false);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatch(/^row 3: office "城北办事处" is neither an office id nor an office name/);
    expect(await count('grids', `SELECT 1 FROM communities WHERE external_code LIKE 'C-REF-%'`)).toBe(0);
  });

  it('with --partial imports the valid rows and reports the rest', async () => {
    const file = await csv([
      '编码,社区名称,类型,办事处,户数,人口数,纬度,经度',
      'C-P-1,新港社区,社区,城东办事处,2150,6890,31.91,121.16',
      'C-P-2,东兴村,村,office-03,1.5,2710,31.87,121.22',
      'C-P-3,南海村,村,office-03,300,900,31.86,121.23',
    ]);
    const report = await run(file, 'communities', { partial: true });
    expect(report).toMatchObject({ imported: true, created: 2, updated: 0, unchanged: 0, rejected: 1 });
    expect(report.errors).toEqual(['row 3: households must be a non-negative integer']);
    expect(summarise(report)).toBe('2 created, 0 updated, 0 unchanged, 1 rejected');
    const rows = await databases.grids.db.query<{ external_code: string; office_id: string; kind: string }>(
      `SELECT external_code, office_id, kind FROM communities WHERE external_code LIKE 'C-P-%' ORDER BY external_code`,
    );
    expect(rows).toEqual([
      { external_code: 'C-P-1', office_id: 'office-01', kind: 'COMMUNITY' },
      { external_code: 'C-P-3', office_id: 'office-03', kind: 'VILLAGE' },
    ]);
    // Resource pools' own copy of the community → office mapping (batch allocation by office) follows.
    const [p1] = await databases.grids.db.query<{ id: string }>(`SELECT id FROM communities WHERE external_code = 'C-P-1'`);
    const mapping = await databases['resource-pools'].db.query<{ office_id: string }>(`SELECT office_id FROM community_offices WHERE community_id = $1`, [
      p1!.id,
    ]);
    expect(mapping).toEqual([{ office_id: 'office-01' }]);
  });

  it('imports grids into communities named by id or by external code, checking the dedicated-grid rule', async () => {
    await run(
      await csv(['external_code,name,kind,office,households,population,lat,lng', 'C-G-1,网格测试社区,COMMUNITY,office-02,900,3000,31.9,121.2']),
      'communities',
    );
    const header = '网格编码,网格名称,所属社区,网格类别,专属类型,户数（户）';
    const bad = await csv([header, 'G-1,第1网格,C-G-1,综合网格,,420', 'G-2,医院网格,community-01,专属网格,,60', 'G-3,第3网格,C-NONE,综合,,300']);
    const rejected = await run(bad, 'grids');
    expect(rejected.errors).toEqual([
      'row 3: dedicated_to is required for a DEDICATED grid',
      'row 4: community "C-NONE" is neither a community id nor a community\'s external code',
    ]);
    const good = await csv([header, 'G-1,第1网格,C-G-1,综合网格,,420', 'G-2,医院网格,community-01,专属网格,医院,60']);
    expect(summarise(await run(good, 'grids'))).toBe('2 created, 0 updated, 0 unchanged');
    expect(summarise(await run(good, 'grids'))).toBe('0 created, 0 updated, 2 unchanged');
    const rows = await databases.grids.db.query<{ external_code: string; community_id: string; dedicated_to: string | null }>(
      `SELECT g.external_code, g.community_id, g.dedicated_to FROM grids g WHERE g.external_code LIKE 'G-%' ORDER BY g.external_code`,
    );
    const [imported] = await databases.grids.db.query<{ id: string }>(`SELECT id FROM communities WHERE external_code = 'C-G-1'`);
    expect(rows).toEqual([
      { external_code: 'G-1', community_id: imported!.id, dedicated_to: null },
      { external_code: 'G-2', community_id: 'community-01', dedicated_to: 'HOSPITAL' },
    ]);
  });

  it('imports resources with their providers and served communities; changing only the communities counts as an update', async () => {
    await run(await csv([UNIT_HEADER, ...UNITS]), 'units');
    const header = '资源编码,资源名称,说明,资源类别,资源来源,提供方类型,提供方,供给数量,计量单位,供给周期,纬度,经度,地址,服务社区';
    const lines = [
      'R-1,义诊进社区,每月一次全科义诊,照护服务,政府服务,共建单位,U-001,2,场,月,31.8951,121.1812,北京中路1500号,community-01；community-02',
      'R-2,法律咨询,政策解读,专业服务,政府服务,职能部门,MARKET_SUPERVISION,20,人次,MONTH,,,,community-03',
    ];
    const file = await csv([header, ...lines]);
    expect(summarise(await run(file, 'resources'))).toBe('2 created, 0 updated, 0 unchanged');
    expect(summarise(await run(file, 'resources'))).toBe('0 created, 0 updated, 2 unchanged');
    const [unit] = await databases['co-building'].db.query<{ id: string }>(`SELECT id FROM units WHERE external_code = 'U-001'`);
    const resources = await databases['resource-pools'].db.query<{
      external_code: string;
      provider_kind: string;
      provider_id: string;
      lat: number | null;
      capacity_period: string;
      communities: string[];
    }>(
      `SELECT r.external_code, r.provider_kind, r.provider_id, r.lat, r.capacity_period,
              array(SELECT community_id FROM resource_communities rc WHERE rc.resource_id = r.id ORDER BY community_id) AS communities
         FROM resources r WHERE r.external_code LIKE 'R-%' ORDER BY r.external_code`,
    );
    expect(resources).toEqual([
      {
        external_code: 'R-1',
        provider_kind: 'CO_BUILDING_UNIT',
        provider_id: unit!.id,
        lat: 31.8951,
        capacity_period: 'MONTH',
        communities: ['community-01', 'community-02'],
      },
      {
        external_code: 'R-2',
        provider_kind: 'DEPARTMENT',
        provider_id: expect.stringMatching(/^department-/),
        lat: null,
        capacity_period: 'MONTH',
        communities: ['community-03'],
      },
    ]);

    const moved = await csv([header, lines[0]!.replace('community-01；community-02', 'community-02、community-04'), lines[1]!]);
    expect(summarise(await run(moved, 'resources'))).toBe('0 created, 1 updated, 1 unchanged');
    expect(
      await count(
        'resource-pools',
        `SELECT community_id FROM resource_communities rc JOIN resources r ON r.id = rc.resource_id WHERE r.external_code = 'R-1' AND community_id IN ('community-02', 'community-04')`,
      ),
    ).toBe(2);
    expect(await count('resource-pools', `SELECT 1 FROM resource_communities rc JOIN resources r ON r.id = rc.resource_id WHERE r.external_code = 'R-1'`)).toBe(
      2,
    );

    const unknown = await csv([header, lines[0]!.replace(',U-001,', ',U-404,'), lines[1]!.replace('community-03', 'community-03 community-999')]);
    expect((await run(unknown, 'resources')).errors).toEqual([
      'row 2: provider "U-404" is not a co-building unit\'s id or external code',
      'row 3: communities "community-999" not found (give community ids or external codes)',
    ]);
  });

  it('imports the samples in docs/import-samples without an error, in dependency order', async () => {
    const sample = (name: string) => projectPath('docs', 'import-samples', name);
    const order: [string, ImportKind, number][] = [
      ['units.csv', 'units', 3],
      ['communities.csv', 'communities', 2],
      ['communities.xlsx', 'communities', 2],
      ['grids.csv', 'grids', 3],
      ['resources.csv', 'resources', 3],
    ];
    for (const [file, kind, rows] of order) {
      const report = await run(sample(file), kind);
      expect({ file, errors: report.errors, created: report.created }).toEqual({ file, errors: [], created: rows });
    }
  });

  it('names unknown and missing columns in row 1', async () => {
    const report = await run(await csv(['external_code,name,kind,lat,lng,address,contact,phone', 'U-X,单位,学校,31,121,地址,张三,13800000000']), 'units');
    expect(report.imported).toBe(false);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatch(
      /^row 1: unknown column "contact"; unknown column "phone"; missing column contact_name \(联系人\); missing column contact_phone \(联系电话\)/,
    );
  });

  it('shows progress by batch for large files', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `U-BIG-${String(i).padStart(3, '0')},单位${i},学校,31.9,121.1,地址${i},张三,13800000000`);
    const lines: string[] = [];
    const report = await run(await csv([UNIT_HEADER, ...rows]), 'units', { batchSize: 10, progress: (line) => lines.push(line) });
    expect(report).toMatchObject({ created: 25, imported: true });
    expect(lines).toEqual([
      'validated 10/25 rows (40%)',
      'validated 20/25 rows (80%)',
      'validated 25/25 rows (100%)',
      'imported 10/25 rows (40%)',
      'imported 20/25 rows (80%)',
      'imported 25/25 rows (100%)',
    ]);
  });

  it("the command line imports into the embedded PostgreSQL of a data folder, starting it when no hub runs; with a hub running it uses the hub's server", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hub-import-data-'));
    const port = await findFreePort();
    // `npm run import` runs scripts/import/main.ts through tsx; the run's compiled JavaScript of the same
    // sources spares each of these commands tsx's loader (test/support/compiled.ts).
    const command = await compiledEntry('scripts/import/main.ts');
    const cli = (...args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const { DATABASE_URL: _external, ...inherited } = process.env;
        const child = spawn(process.execPath, [command, ...args], {
          cwd: projectPath(),
          env: { ...inherited, HUB_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port), SEED: 'off' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.once('exit', (code) => resolve({ code, stdout, stderr }));
      });
    try {
      const sample = projectPath('docs', 'import-samples', 'units.csv');
      const first = await cli(sample, '--kind', 'units');
      expect(first).toMatchObject({ code: 0, stdout: expect.stringContaining('units: 3 created, 0 updated, 0 unchanged') });
      const again = await cli(sample, '--kind', 'units');
      expect(again).toMatchObject({ code: 0, stdout: expect.stringContaining('units: 0 created, 0 updated, 3 unchanged') });
      const bad = await csv([UNIT_HEADER, 'U-9,单位,学校,31.9,121.1,地址,张三,not-a-phone']);
      const rejected = await cli(bad, '--kind', 'units');
      expect(rejected.code).toBe(1);
      expect(rejected.stderr).toContain('row 2: contact_phone must be a phone number');
      expect(rejected.stdout).toContain('units: nothing imported (1 error in 1 rows)');
      expect((await cli(sample)).code).toBe(1);

      // While a hub runs on the folder (its lock names a live launcher), the import uses that
      // hub's PostgreSQL instead of starting one: same data, nothing started or stopped.
      const postgres = await EmbeddedPostgres.start({ rootDir: join(dataDir, 'postgres'), port });
      const fakeLauncher = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', 'hub/main.ts'], { stdio: 'ignore' });
      try {
        await writeFile(join(dataDir, 'hub.lock'), `${fakeLauncher.pid}\n`);
        const target = await openImportTarget({
          log: createLogger('test', 'error'),
          env: { HUB_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port), SEED: 'off' },
        });
        try {
          expect(target.description).toContain("running hub's embedded PostgreSQL");
          const report = await importFile({ file: sample, kind: 'units', databaseUrls: target.databaseUrls });
          expect(summarise(report)).toBe('0 created, 0 updated, 3 unchanged');
        } finally {
          await target.close();
        }
        // Closing the import left the hub's server running.
        const client = new pg.Client({ connectionString: postgres.url() });
        await client.connect();
        await client.end();
      } finally {
        fakeLauncher.kill();
        await postgres.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
