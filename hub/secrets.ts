import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The secrets of a running hub (docs/trust-contract.md):
 * - how every service verifies callers' JWTs: JWT_SECRET (HS256), JWT_JWKS_FILE or JWT_JWKS_URL;
 *   with none set the hub runs in development mode with a generated HS256 secret kept in the data
 *   folder, from which `npm run token` mints tokens;
 * - HUB_ROUTER_SECRETS, comma-separated (sign with the first, accept all: rotation), with which the
 *   gateway signs each subgraph request; subgraphs refuse requests without a valid router credential;
 * - HUB_INTERNAL_SECRETS, the same shape, with which subgraphs sign their service tokens to each
 *   other; the gateway never holds it, so a router cannot act as a service.
 * The two hub secrets are generated and kept in the data folder when not set.
 */
export interface HubSecrets {
  /** Environment for JWT verification (gateway and subgraphs). */
  jwtEnv: Record<string, string>;
  developmentJwtSecretFile: string | undefined;
  routerSecrets: string;
  internalSecrets: string;
}

export const DEV_JWT_SECRET_FILE = 'dev-jwt-secret';
const ROUTER_SECRET_FILE = 'router-secret';
const INTERNAL_SECRET_FILE = 'internal-secret';

async function readOrCreateSecret(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const secret = randomBytes(32).toString('base64url');
    await writeFile(file, secret + '\n', { mode: 0o600 });
    return secret;
  }
}

/** The secrets the operator set (hub/env.ts); every one optional. */
export interface ConfiguredSecrets {
  jwtSecret: string | undefined;
  jwtJwksFile: string | undefined;
  jwtJwksUrl: string | undefined;
  jwtIssuer: string | undefined;
  jwtAudience: string | undefined;
  routerSecrets: readonly string[] | undefined;
  internalSecrets: readonly string[] | undefined;
}

/** The hub's secrets: those configured, the others read from (or generated into) the data folder. */
export async function resolveHubSecrets(dataDir: string, configured: ConfiguredSecrets): Promise<HubSecrets> {
  await mkdir(dataDir, { recursive: true });
  const passThrough: Record<string, string> = {};
  const jwtVariables = {
    JWT_SECRET: configured.jwtSecret,
    JWT_JWKS_FILE: configured.jwtJwksFile,
    JWT_JWKS_URL: configured.jwtJwksUrl,
    JWT_ISSUER: configured.jwtIssuer,
    JWT_AUDIENCE: configured.jwtAudience,
  };
  for (const [name, value] of Object.entries(jwtVariables)) if (value !== undefined) passThrough[name] = value;
  let developmentJwtSecretFile: string | undefined;
  if (!configured.jwtSecret && !configured.jwtJwksFile && !configured.jwtJwksUrl) {
    developmentJwtSecretFile = join(dataDir, DEV_JWT_SECRET_FILE);
    passThrough.JWT_SECRET = await readOrCreateSecret(developmentJwtSecretFile);
  }
  const routerSecrets = configured.routerSecrets?.join(',') ?? (await readOrCreateSecret(join(dataDir, ROUTER_SECRET_FILE)));
  const internalSecrets = configured.internalSecrets?.join(',') ?? (await readOrCreateSecret(join(dataDir, INTERNAL_SECRET_FILE)));
  return { jwtEnv: passThrough, developmentJwtSecretFile, routerSecrets, internalSecrets };
}
