import type { GridsDataset } from '../subgraphs/grids/store.js';
import type { StreetPlan } from './plan.js';

/** The grids subgraph's rows are the plan's skeleton itself. */
export function generateGridsDataset(plan: StreetPlan): GridsDataset {
  return {
    streets: [{ id: plan.street.id, name: plan.street.name, area_km2: plan.street.areaKm2, residents: plan.street.residents }],
    offices: plan.offices.map((office) => ({ id: office.id, street_id: plan.street.id, name: office.name })),
    communities: plan.communities.map((c) => ({
      id: c.id,
      office_id: c.officeId,
      name: c.name,
      kind: c.kind,
      households: c.households,
      population: c.population,
      lat: c.location.lat,
      lng: c.location.lng,
    })),
    grids: plan.grids.map((g) => ({
      id: g.id,
      community_id: g.communityId,
      name: g.name,
      kind: g.kind,
      dedicated_to: g.dedicatedTo,
      households: g.households,
    })),
    microGrids: plan.microGrids.map((m) => ({ id: m.id, grid_id: m.gridId, name: m.name, households: m.households })),
  };
}
