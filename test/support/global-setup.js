// Jest loads global setup outside its transform pipeline; tsx lets it run our TypeScript as-is.
import { tsImport } from 'tsx/esm/api';

export default async function globalSetup() {
  const postgres = await tsImport('./postgres-for-tests.ts', import.meta.url);
  await postgres.startTestPostgres();
  globalThis.__hubTestPostgres = postgres;
}
