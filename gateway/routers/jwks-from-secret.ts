import { configurationOrExit, readEnv, secret } from '../../lib/kernel/env.js';
import { jwksFromSecret } from './jwks.js';

/**
 * `JWT_SECRET=… npx tsx gateway/routers/jwks-from-secret.ts > jwks.json`: the JWKS for Apollo Router
 * or Hive Router (gateway/routers/) from the hub's HS256 secret (in development:
 * JWT_SECRET="$(cat .data/dev-jwt-secret)"). Written to stdout only, so it lands where the operator
 * puts it, with the secret's protection.
 */
const { JWT_SECRET } = configurationOrExit(() => readEnv('jwks-from-secret', { JWT_SECRET: secret(32) }, process.env));
process.stdout.write(`${JSON.stringify(jwksFromSecret(JWT_SECRET), null, 2)}\n`);
