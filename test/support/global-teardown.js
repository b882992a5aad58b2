import { tsImport } from 'tsx/esm/api';

export default async function globalTeardown() {
  await globalThis.__hubTestPostgres?.stopTestPostgres();
  // What launcher tests built for the run, if any did: the compiled JavaScript of the spawned
  // processes and the seeded data folder they copy.
  await (await tsImport('./compiled.ts', import.meta.url)).removeCompiled();
  await (await tsImport('./seeded-data-folder.ts', import.meta.url)).removeSeededDataFolder();
}
