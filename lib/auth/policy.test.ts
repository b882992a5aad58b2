import { describe, expect, it } from '@jest/globals';
import { ANONYMOUS, identityKey, systemCaller, type Caller, type Role } from './caller.js';
import { actorKeyOf, actorOf, authorizeAuditRead, authorizeStep, authorizeStepRole, isReadable, readScopeOf, type LoopItem } from './policy.js';
// The mechanism, tried on the subgraphs' own rules (subgraphs/<name>/domain/policy.ts).
import { coBuildingMutations } from '../../subgraphs/co-building/domain/policy.js';
import { gridsMutations, INCIDENT_LOOP } from '../../subgraphs/grids/domain/policy.js';
import { ORDER_LOOP, resourcePoolsMutations } from '../../subgraphs/resource-pools/domain/policy.js';

const caller = (role: Role, ids: Partial<Pick<Caller, 'communityId' | 'gridId' | 'unitId' | 'departmentId'>> = {}): Caller => ({
  ...ANONYMOUS,
  subject: `u-${role}`,
  role,
  ...ids,
});

const refusal = (code: string, extra: Record<string, unknown> = {}) => expect.objectContaining({ extensions: expect.objectContaining({ code, ...extra }) });

describe('the loops: who takes each step', () => {
  // An incident raised in grid g-1 of community c-1, handled by d-lead with d-assist.
  const incident = (timeline: LoopItem['timeline'] = []): LoopItem => ({
    parties: { raising: { communityIds: ['c-1'], gridIds: ['g-1'] }, handling: { departmentIds: ['d-lead', 'd-assist'] } },
    timeline,
  });
  const took = (step: string, who: Caller) => ({ step, actor: who.subject, actorKey: identityKey(who) });
  const gridWorker = caller('GRID_WORKER', { gridId: 'g-1', communityId: 'c-1' });
  const lead = caller('DEPARTMENT_STAFF', { departmentId: 'd-lead' });
  const admin = (sub: string): Caller => ({ ...caller('STREET_ADMIN'), subject: sub });

  it('lets each side take its own steps inside its scope, and no other', () => {
    expect(() => authorizeStep(gridWorker, INCIDENT_LOOP, 'VERIFY', incident())).not.toThrow();
    expect(() => authorizeStep(caller('COMMUNITY_WORKER', { communityId: 'c-1' }), INCIDENT_LOOP, 'DISPATCH', incident())).not.toThrow();
    expect(() => authorizeStep(caller('DEPARTMENT_STAFF', { departmentId: 'd-assist' }), INCIDENT_LOOP, 'RESOLVE', incident())).not.toThrow();
    expect(() => authorizeStep(gridWorker, INCIDENT_LOOP, 'ACCEPT', incident())).toThrow(refusal('FORBIDDEN'));
    expect(() => authorizeStep(lead, INCIDENT_LOOP, 'ESCALATE', incident())).toThrow(refusal('FORBIDDEN'));
    expect(() => authorizeStep(lead, INCIDENT_LOOP, 'CLOSE', incident())).toThrow(refusal('FORBIDDEN'));
    expect(() => authorizeStep(caller('COMMUNITY_WORKER', { communityId: 'c-2' }), INCIDENT_LOOP, 'VERIFY', incident())).toThrow(refusal('FORBIDDEN'));
    expect(() => authorizeStep(caller('DEPARTMENT_STAFF', { departmentId: 'd-other' }), INCIDENT_LOOP, 'ACCEPT', incident())).toThrow(refusal('FORBIDDEN'));
    expect(() => authorizeStep(caller('UNIT_MEMBER', { unitId: 'u-1' }), INCIDENT_LOOP, 'RATE', incident())).toThrow(refusal('FORBIDDEN'));
    expect(() => authorizeStep(caller('DISTRICT_PLATFORM'), INCIDENT_LOOP, 'RATE', incident())).toThrow(refusal('FORBIDDEN'));
    expect(() => authorizeStepRole(ANONYMOUS, ORDER_LOOP, 'ACCEPT')).toThrow(refusal('UNAUTHENTICATED'));
    expect(() => authorizeStep(systemCaller('jobs'), INCIDENT_LOOP, 'ESCALATE', incident([took('ACCEPT', lead)]))).not.toThrow();
  });

  it('keeps a grid worker whose token names another community than its grid’s out of the grid', () => {
    const astray = caller('GRID_WORKER', { gridId: 'g-1', communityId: 'c-2' });
    expect(() => authorizeStep(astray, INCIDENT_LOOP, 'REPORT', incident())).toThrow(refusal('FORBIDDEN'));
    expect(readScopeOf(astray)).toEqual({ kind: 'grid', id: 'g-1', communityId: 'c-2' });
  });

  it('never lets whoever handled an item check, close, rate, dispatch or escalate it, nor whoever raised it handle it', () => {
    const handled = incident([took('REPORT', admin('a')), took('DISPATCH', admin('a')), took('ACCEPT', admin('h')), took('RESOLVE', admin('h'))]);
    for (const step of ['VERIFY', 'REJECT_RESOLUTION', 'CLOSE', 'RATE', 'DISPATCH', 'ESCALATE'] as const) {
      expect(() => authorizeStep(admin('h'), INCIDENT_LOOP, step, handled)).toThrow(refusal('FORBIDDEN', { rule: 'separation-of-duties' }));
      expect(() => authorizeStep(admin('c'), INCIDENT_LOOP, step, handled)).not.toThrow();
    }
    expect(() => authorizeStep(admin('a'), INCIDENT_LOOP, 'VERIFY', handled)).not.toThrow();
    expect(() => authorizeStep(admin('a'), INCIDENT_LOOP, 'START', handled)).toThrow(refusal('FORBIDDEN', { rule: 'separation-of-duties' }));
    expect(() => authorizeStep(admin('h'), INCIDENT_LOOP, 'START', handled)).not.toThrow();
    // The order loop uses the same rules.
    const order: LoopItem = {
      parties: { raising: { communityIds: ['c-1'], gridIds: ['g-1'] }, handling: { unitIds: ['u-1'] }, street: {} },
      timeline: [took('SUBMIT', admin('a')), took('DISPATCH', admin('a')), took('ACCEPT', admin('h')), took('FULFIL', admin('h'))],
    };
    expect(() => authorizeStep(admin('h'), ORDER_LOOP, 'RATE', order)).toThrow(refusal('FORBIDDEN', { rule: 'separation-of-duties' }));
    expect(() => authorizeStep(admin('a'), ORDER_LOOP, 'RATE', order)).not.toThrow();
    expect(() => authorizeStep(caller('UNIT_MEMBER', { unitId: 'u-1' }), ORDER_LOOP, 'FULFIL', order)).not.toThrow();
    expect(() => authorizeStep(caller('UNIT_MEMBER', { unitId: 'u-1' }), ORDER_LOOP, 'RATE', order)).toThrow(refusal('FORBIDDEN'));
    expect(() => authorizeStep(admin('h'), ORDER_LOOP, 'EXPIRE', order)).not.toThrow();
  });

  it('compares identities (role, subject, scope ids), and the subject on entries without one', () => {
    const sameSubOtherUnit = { ...caller('UNIT_MEMBER', { unitId: 'u-2' }), subject: 'shared' };
    const order = (actorKey: string | null): LoopItem => ({
      parties: { raising: { communityIds: ['c-1'], gridIds: ['g-1'] }, handling: { unitIds: ['u-1'] } },
      timeline: [{ step: 'DISPATCH', actor: 'shared', actorKey }],
    });
    const member = { ...caller('UNIT_MEMBER', { unitId: 'u-1' }), subject: 'shared' };
    // Another unit's account with the same `sub` dispatched: not this member.
    expect(() => authorizeStep(member, ORDER_LOOP, 'ACCEPT', order(identityKey(sameSubOtherUnit)))).not.toThrow();
    // An older entry without an identity: the subject decides, and it is the same.
    expect(() => authorizeStep(member, ORDER_LOOP, 'ACCEPT', order(null))).toThrow(refusal('FORBIDDEN', { rule: 'separation-of-duties' }));
    // A token re-issued with other scopes is the same actor.
    expect(actorKeyOf({ ...gridWorker, scopes: ['pii:read'] })).toBe(actorKeyOf(gridWorker));
    expect(actorKeyOf(systemCaller('jobs'))).toBeNull();
  });
});

describe('the mutation policy', () => {
  it('lets a role act only inside its own scope', () => {
    expect(coBuildingMutations.isAllowed(caller('COMMUNITY_WORKER', { communityId: 'c-1' }), 'verifyServiceReport', { communityIds: ['c-1'] })).toBe(true);
    expect(coBuildingMutations.isAllowed(caller('COMMUNITY_WORKER', { communityId: 'c-2' }), 'verifyServiceReport', { communityIds: ['c-1'] })).toBe(false);
    expect(coBuildingMutations.isAllowed(caller('UNIT_MEMBER', { unitId: 'u-1' }), 'submitServiceReport', { unitIds: ['u-1'] })).toBe(true);
    expect(gridsMutations.isAllowed(caller('STREET_ADMIN'), 'setIncidentRoutingRule', {})).toBe(true);
    expect(gridsMutations.isAllowed(caller('COMMUNITY_WORKER', { communityId: 'c-1' }), 'setIncidentRoutingRule', { communityIds: ['c-1'] })).toBe(false);
  });

  it('never lets the district platform write, and lets system callers do anything', () => {
    expect(resourcePoolsMutations.isAllowed(caller('DISTRICT_PLATFORM'), 'submitDemand', { communityIds: ['c-1'] })).toBe(false);
    expect(coBuildingMutations.isAllowed(systemCaller('grids'), 'recordCreditEvent', {})).toBe(true);
    expect(coBuildingMutations.isAllowed(caller('STREET_ADMIN'), 'recordCreditEvent', {})).toBe(false);
  });

  it('refuses a target spanning scopes, and a grid worker naming another community', () => {
    expect(resourcePoolsMutations.isAllowed(caller('COMMUNITY_WORKER', { communityId: 'c-1' }), 'proposeAllocations', { communityIds: ['c-1', 'c-2'] })).toBe(
      false,
    );
    expect(resourcePoolsMutations.isAllowed(caller('COMMUNITY_WORKER', { communityId: 'c-1' }), 'proposeAllocations', { communityIds: [] })).toBe(false);
    const gridWorker = caller('GRID_WORKER', { gridId: 'g-1', communityId: 'c-1' });
    expect(resourcePoolsMutations.isAllowed(gridWorker, 'submitDemand', { communityIds: ['c-1'], gridIds: ['g-1'] })).toBe(true);
    expect(resourcePoolsMutations.isAllowed(gridWorker, 'submitDemand', { communityIds: ['c-2'], gridIds: ['g-1'] })).toBe(false);
  });

  it('answers UNAUTHENTICATED for anonymous callers and FORBIDDEN otherwise', () => {
    expect(() => resourcePoolsMutations.authorize(ANONYMOUS, 'submitDemand')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }),
    );
    expect(() => resourcePoolsMutations.authorize(caller('UNIT_MEMBER', { unitId: 'u' }), 'submitDemand')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
    );
    expect(() => authorizeAuditRead(caller('STREET_ADMIN'))).toThrow();
    expect(() => authorizeAuditRead(caller('DISTRICT_PLATFORM'))).not.toThrow();
  });

  it('records the caller as the actor; only system callers may name one', () => {
    expect(actorOf(caller('GRID_WORKER', { gridId: 'g' }), 'someone-else')).toBe('u-GRID_WORKER');
    expect(actorOf(systemCaller('jobs'), 'system:escalation')).toBe('system:escalation');
    expect(actorOf(systemCaller('jobs'), ' ')).toBe('system:jobs');
  });
});

describe('the read scope of a record', () => {
  // An order: raised in community c-1, grid g-1; served by unit u-1.
  const order = { communityIds: ['c-1'], gridIds: ['g-1'], unitIds: ['u-1'] };

  it('lets each party read it from its own side, and nobody else', () => {
    expect(isReadable(caller('COMMUNITY_WORKER', { communityId: 'c-1' }), order)).toBe(true);
    expect(isReadable(caller('GRID_WORKER', { gridId: 'g-1', communityId: 'c-1' }), order)).toBe(true);
    expect(isReadable(caller('UNIT_MEMBER', { unitId: 'u-1' }), order)).toBe(true);
    expect(isReadable(caller('COMMUNITY_WORKER', { communityId: 'c-2' }), order)).toBe(false);
    expect(isReadable(caller('GRID_WORKER', { gridId: 'g-2', communityId: 'c-1' }), order)).toBe(false);
    expect(isReadable(caller('UNIT_MEMBER', { unitId: 'u-2' }), order)).toBe(false);
    // A unit member's unit id says nothing about a department's order, and the other way round.
    expect(isReadable(caller('DEPARTMENT_STAFF', { departmentId: 'u-1' }), order)).toBe(false);
  });

  it('lets street-wide roles read everything and anonymous callers nothing', () => {
    expect(isReadable(caller('STREET_ADMIN'), {})).toBe(true);
    expect(isReadable(caller('DISTRICT_PLATFORM'), {})).toBe(true);
    expect(isReadable(systemCaller('co-building'), {})).toBe(true);
    expect(isReadable(ANONYMOUS, order)).toBe(false);
    expect(isReadable(caller('UNIT_MEMBER', { unitId: 'u-1' }), {})).toBe(false);
  });
});
