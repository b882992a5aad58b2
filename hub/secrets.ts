import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { parseEnv } from '../lib/kernel/env.js';

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

export async function resolveHubSecrets(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<HubSecrets> {
  const parsed = parseEnv('hub', {
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_JWKS_FILE: z.string().optional(),
    JWT_JWKS_URL: z.string().url().optional(),
    JWT_ISSUER: z.string().optional(),
    JWT_AUDIENCE: z.string().optional(),
    HUB_ROUTER_SECRETS: z.string().min(32, 'must be at least 32 characters').optional(),
    HUB_INTERNAL_SECRETS: z.string().min(32, 'must be at least 32 characters').optional(),
  }, env);
  await mkdir(dataDir, { recursive: true });
  const passThrough = Object.fromEntries(
    (['JWT_SECRET', 'JWT_JWKS_FILE', 'JWT_JWKS_URL', 'JWT_ISSUER', 'JWT_AUDIENCE'] as const)
      .filter((name) => parsed[name] !== undefined)
      .map((name) => [name, parsed[name]!]),
  );
  let developmentJwtSecretFile: string | undefined;
  if (!parsed.JWT_SECRET && !parsed.JWT_JWKS_FILE && !parsed.JWT_JWKS_URL) {
    developmentJwtSecretFile = join(dataDir, DEV_JWT_SECRET_FILE);
    passThrough.JWT_SECRET = await readOrCreateSecret(developmentJwtSecretFile);
  }
  const routerSecrets = parsed.HUB_ROUTER_SECRETS ?? (await readOrCreateSecret(join(dataDir, ROUTER_SECRET_FILE)));
  const internalSecrets = parsed.HUB_INTERNAL_SECRETS ?? (await readOrCreateSecret(join(dataDir, INTERNAL_SECRET_FILE)));
  return { jwtEnv: passThrough, developmentJwtSecretFile, routerSecrets, internalSecrets };
}
