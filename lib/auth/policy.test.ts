import { describe, expect, it } from '@jest/globals';
import { ANONYMOUS, systemCaller, type Caller, type Role } from './caller.js';
import { actorOf, authorize, authorizeAuditRead, isAllowed, isReadable } from './policy.js';

const caller = (role: Role, ids: Partial<Pick<Caller, 'communityId' | 'gridId' | 'unitId' | 'departmentId'>> = {}): Caller => ({
  ...ANONYMOUS,
  subject: `u-${role}`,
  role,
  ...ids,
});

describe('the mutation policy', () => {
  it('lets a role act only inside its own scope', () => {
    const incident = { communityIds: ['c-1'], gridIds: ['g-1'], departmentIds: ['d-lead', 'd-assist'] };
    expect(isAllowed(caller('COMMUNITY_WORKER', { communityId: 'c-1' }), 'transitionIncident', incident)).toBe(true);
    expect(isAllowed(caller('COMMUNITY_WORKER', { communityId: 'c-2' }), 'transitionIncident', incident)).toBe(false);
    expect(isAllowed(caller('GRID_WORKER', { gridId: 'g-1' }), 'transitionIncident', incident)).toBe(true);
    expect(isAllowed(caller('DEPARTMENT_STAFF', { departmentId: 'd-assist' }), 'transitionIncident', incident)).toBe(true);
    expect(isAllowed(caller('DEPARTMENT_STAFF', { departmentId: 'd-other' }), 'transitionIncident', incident)).toBe(false);
    expect(isAllowed(caller('STREET_ADMIN'), 'transitionIncident', incident)).toBe(true);
  });

  it('never lets the district platform write, and lets system callers do anything', () => {
    expect(isAllowed(caller('DISTRICT_PLATFORM'), 'submitDemand', { communityIds: ['c-1'] })).toBe(false);
    expect(isAllowed(systemCaller('grids'), 'recordCreditEvent', {})).toBe(true);
    expect(isAllowed(caller('STREET_ADMIN'), 'recordCreditEvent', {})).toBe(false);
  });

  it('refuses a target spanning scopes, and a grid worker naming another community', () => {
    expect(isAllowed(caller('COMMUNITY_WORKER', { communityId: 'c-1' }), 'proposeAllocations', { communityIds: ['c-1', 'c-2'] })).toBe(false);
    expect(isAllowed(caller('COMMUNITY_WORKER', { communityId: 'c-1' }), 'proposeAllocations', { communityIds: [] })).toBe(false);
    const gridWorker = caller('GRID_WORKER', { gridId: 'g-1', communityId: 'c-1' });
    expect(isAllowed(gridWorker, 'submitDemand', { communityIds: ['c-1'], gridIds: ['g-1'] })).toBe(true);
    expect(isAllowed(gridWorker, 'submitDemand', { communityIds: ['c-2'], gridIds: ['g-1'] })).toBe(false);
  });

  it('answers UNAUTHENTICATED for anonymous callers and FORBIDDEN otherwise', () => {
    expect(() => authorize(ANONYMOUS, 'submitDemand')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }));
    expect(() => authorize(caller('UNIT_MEMBER', { unitId: 'u' }), 'submitDemand')).toThrow(
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
