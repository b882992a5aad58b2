import type { OrganisationRow, OrganisationsDataset, PartyMemberRow } from '../subgraphs/organisations/store.js';
import { mobilePhone, personName } from './names.js';
import { REFERENCE_DATE, sequentialIdOf, type StreetPlan } from './plan.js';
import { Random } from './random.js';

// Functional branches (功能型党支部) gather members that no territorial branch holds.
const FUNCTIONAL_THEMES = ['退休党员', '流动党员', '快递小哥', '志愿服务', '物业企业', '商圈楼宇', '老党员关爱'];

/**
 * The party chain of the reference street: the committee, one organisation per community, one
 * branch per grid, one group and one central household per micro-grid, 35 functional branches, a
 * new-economy organisation, and a branch per co-building unit holding the plan's in-service members.
 */
export function generateOrganisationsDataset(plan: StreetPlan): OrganisationsDataset {
  const random = Random.forStream(plan.seed, 'organisations');
  const organisations: OrganisationRow[] = [];
  const partyMembers: PartyMemberRow[] = [];
  let memberIndex = 0;
  const memberTotalEstimate = 12_000 * plan.scale;

  // Parents are looked up by id while building; a map keeps that linear at large scales.
  const byId = new Map<string, OrganisationRow>();
  const add = (organisation: Pick<OrganisationRow, 'id' | 'name' | 'kind' | 'parent_id'> & Partial<OrganisationRow>): OrganisationRow => {
    const parentPath = organisation.parent_id === null ? [] : byId.get(organisation.parent_id)!.path;
    const row: OrganisationRow = {
      street_id: plan.street.id,
      community_id: null,
      grid_id: null,
      micro_grid_id: null,
      unit_id: null,
      ...organisation,
      path: [...parentPath, organisation.id],
    };
    organisations.push(row);
    byId.set(row.id, row);
    return row;
  };
  const addMembers = (
    organisation: OrganisationRow,
    count: number,
    options: { residenceCommunityId: string | null; secretary: boolean; gridLeaderChance: number },
  ) => {
    for (let i = 0; i < count; i++) {
      partyMembers.push({
        id: plan.idPrefix + sequentialIdOf('party-member', memberIndex++, memberTotalEstimate),
        organisation_id: organisation.id,
        ...memberPerson(random),
        is_secretary: options.secretary && i === 0,
        is_grid_leader: i === 0 && random.chance(options.gridLeaderChance),
        residence_community_id: options.residenceCommunityId,
        in_service_unit_id: null,
      });
    }
  };

  const committee = add({
    id: `${plan.idPrefix}org-street-committee`,
    name: `${plan.street.name}党工委`,
    kind: 'STREET_PARTY_WORKING_COMMITTEE',
    parent_id: null,
  });
  addMembers(committee, 9, { residenceCommunityId: null, secretary: true, gridLeaderChance: 0 });

  const communityOrganisation = new Map<string, OrganisationRow>();
  for (const community of plan.communities) {
    const organisation = add({
      id: `org-${community.id}`,
      name: community.name + (community.kind === 'COMMUNITY' ? '党委' : '党总支'),
      kind: 'COMMUNITY_PARTY_ORGANISATION',
      parent_id: committee.id,
      community_id: community.id,
    });
    communityOrganisation.set(community.id, organisation);
    addMembers(organisation, random.int(3, 6), { residenceCommunityId: community.id, secretary: true, gridLeaderChance: 0 });
  }

  const gridBranch = new Map<string, OrganisationRow>();
  for (const grid of plan.grids) {
    const branch = add({ id: `org-${grid.id}`, name: `${grid.name}党支部`, kind: 'GRID_PARTY_BRANCH', parent_id: `org-${grid.communityId}`, grid_id: grid.id });
    gridBranch.set(grid.id, branch);
    // The grid branch secretary leads the grid's volunteers: a red-grid leader (红网格带头人).
    addMembers(branch, random.int(3, 5), { residenceCommunityId: grid.communityId, secretary: true, gridLeaderChance: 1 });
  }

  for (const [m, microGrid] of plan.microGrids.entries()) {
    const group = add({
      id: `org-${microGrid.id}`,
      name: `${microGrid.name}党小组`,
      kind: 'MICRO_GRID_PARTY_GROUP',
      parent_id: gridBranch.get(microGrid.gridId)!.id,
      micro_grid_id: microGrid.id,
    });
    addMembers(group, random.int(2, 3), { residenceCommunityId: microGrid.communityId, secretary: true, gridLeaderChance: 0.25 });
    const household = add({
      id: plan.idPrefix + sequentialIdOf('org-central-household', m, plan.microGrids.length),
      name: `${microGrid.name}${random.int(1, 30)}幢党员中心户`,
      kind: 'CENTRAL_HOUSEHOLD',
      parent_id: group.id,
    });
    addMembers(household, 1, { residenceCommunityId: microGrid.communityId, secretary: false, gridLeaderChance: 0 });
  }

  const functionalCount = 35 * plan.scale;
  for (let f = 0; f < functionalCount; f++) {
    const community = plan.communities[(f * 2) % plan.communities.length]!;
    const branch = add({
      id: plan.idPrefix + sequentialIdOf('org-functional', f, functionalCount),
      name: `${community.name}${FUNCTIONAL_THEMES[f % FUNCTIONAL_THEMES.length]}功能型党支部`,
      kind: 'FUNCTIONAL_BRANCH',
      parent_id: communityOrganisation.get(community.id)!.id,
    });
    addMembers(branch, random.int(5, 15), { residenceCommunityId: community.id, secretary: true, gridLeaderChance: 0 });
  }

  for (let n = 0; n < plan.scale; n++) {
    const newEconomy = add({
      id: plan.idPrefix + sequentialIdOf('org-new-economy', n, plan.scale),
      name: `${plan.street.name}新经济组织和新社会组织联合党委${plan.scale > 1 ? n + 1 : ''}`,
      kind: 'NEW_ECONOMY_ORGANISATION',
      parent_id: committee.id,
    });
    addMembers(newEconomy, 20, { residenceCommunityId: null, secretary: true, gridLeaderChance: 0 });
  }

  // Unit branches belong to their unit's own party system, so they have no parent in the street's chain.
  for (const unit of plan.units) {
    const branch = add({ id: `org-${unit.id}`, name: `${unit.name}党支部`, kind: 'UNIT_PARTY_BRANCH', parent_id: null, unit_id: unit.id });
    addMembers(branch, random.int(2, 8), { residenceCommunityId: random.pick(plan.communities).id, secretary: true, gridLeaderChance: 0 });
    for (const member of plan.inServiceMembers.filter((m) => m.unitId === unit.id)) {
      partyMembers.push({
        id: member.id,
        organisation_id: branch.id,
        ...memberPerson(random),
        is_secretary: false,
        is_grid_leader: false,
        residence_community_id: member.communityId,
        in_service_unit_id: unit.id,
      });
    }
  }

  const departments = plan.departments.map((department) => ({ id: department.id, code: department.code, name: department.name }));
  return { organisations, partyMembers, departments };
}

function memberPerson(random: Random): Pick<PartyMemberRow, 'name' | 'phone' | 'gender' | 'joined_on'> {
  const referenceYear = Number(REFERENCE_DATE.slice(0, 4));
  const year = random.int(referenceYear - 50, referenceYear - 1);
  return {
    name: personName(random),
    phone: mobilePhone(random),
    gender: random.chance(0.55) ? 'MALE' : 'FEMALE',
    joined_on: `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
  };
}
