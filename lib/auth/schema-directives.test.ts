import { readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse } from 'graphql';
import { ANONYMOUS, type Caller } from './caller.js';
import { projectPath } from '../kernel/project-root.js';
import { enforceSecurity, splitSecurity } from './schema-directives.js';

/**
 * Apollo Server hands every request with the same query text the same parsed document, and
 * enforceSecurity remembers what each document touches. What it remembers must never stand in for
 * the decision: each request's own caller and operation name decide.
 */
describe('the security directives on a document seen before', () => {
  it('still decide per caller and per chosen operation', async () => {
    const { requirements } = splitSecurity(await readFile(projectPath('schema', 'supergraph.graphql'), 'utf8'));
    const schema = buildSchema(await readFile(projectPath('schema', 'api.graphql'), 'utf8'));
    const admin: Caller = { ...ANONYMOUS, subject: 'a', role: 'STREET_ADMIN' };
    const platform: Caller = { ...admin, role: 'DISTRICT_PLATFORM', scopes: ['audit:read'], grantedScopes: ['audit:read'] };
    const document = parse(
      'query Open { communities(first: 1) { totalCount } } query Members { partyMember(id: "x") { name } } query Audit { gridsAuditLog { id } }',
    );
    const run = (operationName: string | undefined, caller: Caller) => () => enforceSecurity(requirements, schema, document, operationName, caller);
    for (let round = 0; round < 2; round++) {
      expect(run('Open', ANONYMOUS)).not.toThrow();
      expect(run('Members', ANONYMOUS)).toThrow(/signed-in caller/);
      expect(run('Members', admin)).not.toThrow();
      expect(run('Audit', admin)).toThrow(/audit:read/);
      expect(run('Audit', platform)).not.toThrow();
      // No name: every operation of the document counts.
      expect(run(undefined, admin)).toThrow(/audit:read/);
      expect(run(undefined, platform)).not.toThrow();
      expect(run('Open', ANONYMOUS)).not.toThrow();
    }
  });
});
