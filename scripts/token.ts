import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../lib/auth/caller.js';
import { mintToken } from '../lib/auth/jwt.js';
import { projectPath } from '../lib/kernel/project-root.js';
import { DEV_JWT_SECRET_FILE } from '../hub/secrets.js';
import { REFERENCE_STREET_ID } from '../seed/plan.js';

/**
 * `npm run token -- --role UNIT_MEMBER --unit unit-001 [--street id] [--scope pii:read] [--sub name] [--expires 8h]`
 * Mints a development token signed with JWT_SECRET, or with the secret `npm start` generated in the
 * data folder when no JWT settings are given.
 */
const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    street: { type: 'string' },
    unit: { type: 'string' },
    community: { type: 'string' },
    grid: { type: 'string' },
    department: { type: 'string' },
    scope: { type: 'string' },
    sub: { type: 'string' },
    expires: { type: 'string', default: '8h' },
  },
});
if (!values.role || !ROLES.includes(values.role as Role)) {
  process.stderr.write(
    `usage: npm run token -- --role <${ROLES.join('|')}> [--street id] [--community id] [--grid id] [--unit id] [--department id] [--scope pii:read] [--sub name] [--expires 8h]\n`,
  );
  process.exit(2);
}
const secretFile = join(process.env.HUB_DATA_DIR ?? projectPath('.data'), DEV_JWT_SECRET_FILE);
const secret =
  process.env.JWT_SECRET ??
  (await readFile(secretFile, 'utf8').then(
    (text) => text.trim(),
    () => {
      process.stderr.write(`no JWT_SECRET set and no development secret at ${secretFile}: run npm start once first\n`);
      process.exit(2);
    },
  ));
const token = await mintToken(
  secret,
  {
    sub: values.sub ?? `dev-${values.role.toLowerCase()}`,
    role: values.role as Role,
    // A street admin reads and acts only in its street (docs/streets.md): the first street unless told.
    ...(values.street || values.role === 'STREET_ADMIN' ? { street_id: values.street ?? REFERENCE_STREET_ID } : {}),
    ...(values.community ? { community_id: values.community } : {}),
    ...(values.grid ? { grid_id: values.grid } : {}),
    ...(values.unit ? { unit_id: values.unit } : {}),
    ...(values.department ? { department_id: values.department } : {}),
    // The district platform reads the audit logs (routers enforce @requiresScopes audit:read).
    ...(values.scope || values.role === 'DISTRICT_PLATFORM' ? { scope: values.scope ?? 'audit:read' } : {}),
  },
  { expiresIn: values.expires, issuer: process.env.JWT_ISSUER, audience: process.env.JWT_AUDIENCE },
);
process.stdout.write(token + '\n');
