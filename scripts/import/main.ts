import { parseArgs } from 'node:util';
import { createLogger } from '../../lib/kernel/log.js';
import { IMPORT_KINDS, type ImportKind } from './columns.js';
import { importFile, summarise } from './import.js';
import { openImportTarget } from './target.js';

const USAGE = `usage: npm run import -- <file.xlsx|file.csv> --kind ${IMPORT_KINDS.join('|')} [--partial] [--database-url postgres://…] [--batch-size N]

  --kind          what the sheet lists (columns: docs/import.md)
  --partial       import the valid rows and report the others (default: any error imports nothing)
  --database-url  a PostgreSQL server like DATABASE_URL (its hub_… databases); default: the hub's
                  embedded PostgreSQL in HUB_DATA_DIR (./.data), started for the import if the hub is not running
  --batch-size    rows per write batch and per progress line (default 1000)

exit status: 0 all rows imported; 1 nothing imported (errors listed); 2 imported with problems listed
             (--partial and some rows rejected)`;

/**
 * `npm run import`: a district's existing Excel or CSV ledger into the hub. Errors and progress go to
 * stderr, the summary to stdout.
 */
async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        kind: { type: 'string' },
        partial: { type: 'boolean', default: false },
        'database-url': { type: 'string' },
        'batch-size': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const kind = values.kind as ImportKind | undefined;
  const batchSize = values['batch-size'] === undefined ? 1000 : Number(values['batch-size']);
  if (positionals.length !== 1 || !kind || !IMPORT_KINDS.includes(kind) || !Number.isInteger(batchSize) || batchSize < 1) {
    process.stderr.write(USAGE + '\n');
    return 1;
  }
  const log = createLogger('import', (process.env.LOG_LEVEL as 'info' | undefined) ?? 'warn');
  const target = await openImportTarget({ databaseUrl: values['database-url'], log });
  try {
    const report = await importFile({
      file: positionals[0]!,
      kind,
      partial: values.partial,
      databaseUrls: target.databaseUrls,
      batchSize,
      progress: (line) => process.stderr.write(`${line}\n`),
    });
    for (const error of report.errors) process.stderr.write(`${error}\n`);
    if (!report.imported) {
      process.stdout.write(`${kind}: nothing imported (${report.errors.length} error${report.errors.length === 1 ? '' : 's'} in ${report.rows} rows)\n`);
      return 1;
    }
    process.stdout.write(`${kind}: ${summarise(report)} (into ${target.description})\n`);
    return report.errors.length > 0 ? 2 : 0;
  } finally {
    await target.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`import failed: ${error.message}\n`);
    process.exit(1);
  },
);
