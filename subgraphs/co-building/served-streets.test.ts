import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ANONYMOUS, type Caller } from '../../lib/auth/caller.js';
import { REFERENCE_STREET_ID } from '../../seed/plan.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/databases.js';
import { execute } from '../../test/support/operations.js';
import { startReferenceOwners, type ReferenceOwners } from '../../test/support/owners.js';
import { createContext, createServer } from './server.js';
import type { CoBuildingContext } from './context.js';

/**
 * A co-building unit serving several streets (docs/streets.md): shown on the unit, set through a
 * checked write whose other streets grids confirms.
 */
const SECOND_STREET = 'street-served-test';
const UNIT = 'unit-001';
let owners: ReferenceOwners;
let database: TestDatabase;
let apollo: ReturnType<typeof createServer>;

const run = <Data = Record<string, any>>(query: string, variables: Record<string, unknown>, caller: Caller) =>
  execute<Data, CoBuildingContext>(apollo, createContext({ db: database.db, peers: owners.peersFor('co-building') }, caller), query, variables);

const admin = (streetId: string | null): Caller => ({ ...ANONYMOUS, role: 'STREET_ADMIN', subject: `admin:${streetId ?? 'any'}`, streetId });
const UNIT_STREETS = `query($id: ID!) { coBuildingUnit(id: $id) { id street { id } servedStreets { id } } }`;
const SET = `mutation($input: SetUnitServedStreetsInput!) { setUnitServedStreets(input: $input) { id servedStreets { id } } }`;

async function servedStreetsOf(id: string): Promise<string[]> {
  const { data } = await run<{ coBuildingUnit: { servedStreets: { id: string }[] } }>(UNIT_STREETS, { id }, admin(null));
  return data!.coBuildingUnit.servedStreets.map((street) => street.id);
}

beforeAll(async () => {
  owners = await startReferenceOwners(['grids']);
  await owners.databases.grids!.db.query(`INSERT INTO streets (id, name, area_km2, residents) VALUES ($1, '测试街道', 10, 1000)`, [SECOND_STREET]);
  database = await createTestDatabase('co-building', { content: 'street' });
  apollo = createServer({ db: database.db });
  await apollo.start();
});
afterAll(async () => {
  await apollo?.stop();
  await database?.drop();
  await owners?.stop();
});

describe('CoBuildingUnit.servedStreets and setUnitServedStreets', () => {
  it('a unit serves its home street until an admin of that street widens it to another street grids knows', async () => {
    const before = await run(UNIT_STREETS, { id: UNIT }, ANONYMOUS);
    expect(before.errors).toBeUndefined();
    expect(before.data!.coBuildingUnit).toEqual({ id: UNIT, street: { id: REFERENCE_STREET_ID }, servedStreets: [{ id: REFERENCE_STREET_ID }] });
    const { data, errors } = await run(SET, { input: { unitId: UNIT, streetIds: [SECOND_STREET, REFERENCE_STREET_ID] } }, admin(REFERENCE_STREET_ID));
    expect(errors).toBeUndefined();
    expect(data!.setUnitServedStreets.servedStreets).toEqual([{ id: REFERENCE_STREET_ID }, { id: SECOND_STREET }].sort((a, b) => (a.id < b.id ? -1 : 1)));
    await run(SET, { input: { unitId: UNIT, streetIds: [REFERENCE_STREET_ID] } }, admin(null));
    expect(await servedStreetsOf(UNIT)).toEqual([REFERENCE_STREET_ID]);
  });

  it.each([
    ['a street grids does not know', admin(null), { unitId: UNIT, streetIds: [REFERENCE_STREET_ID, 'street-nowhere'] }, 'BAD_USER_INPUT'],
    ['a list without the home street', admin(null), { unitId: UNIT, streetIds: [SECOND_STREET] }, 'BAD_USER_INPUT'],
    ['an unknown unit', admin(null), { unitId: 'unit-nowhere', streetIds: [REFERENCE_STREET_ID] }, 'BAD_USER_INPUT'],
    ['an admin of another street', admin(SECOND_STREET), { unitId: UNIT, streetIds: [REFERENCE_STREET_ID, SECOND_STREET] }, 'FORBIDDEN'],
    [
      'a member of the unit',
      { ...ANONYMOUS, role: 'UNIT_MEMBER', subject: 'm', unitId: UNIT },
      { unitId: UNIT, streetIds: [REFERENCE_STREET_ID, SECOND_STREET] },
      'FORBIDDEN',
    ],
  ] as const)('refuses %s and changes nothing', async (_what, caller, input, code) => {
    const { data, errors } = await run<{ setUnitServedStreets: unknown }>(SET, { input }, caller);
    expect(data?.setUnitServedStreets ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe(code);
    expect(await servedStreetsOf(UNIT)).toEqual([REFERENCE_STREET_ID]);
  });
});
