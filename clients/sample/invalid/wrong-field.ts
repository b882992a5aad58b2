/**
 * Must NOT compile (clients/sdk.test.ts expects these diagnostics): the SDK's types catch a field
 * the operation does not select, a misspelt field, and a variable of the wrong type.
 */
import { CommunityDashboardDocument, createHubClient, PartyChainDocument } from '../../src/index.js';

export async function wrong(url: string): Promise<unknown> {
  const hub = createHubClient(url);
  const dashboard = await hub.request(CommunityDashboardDocument);
  const first = dashboard.communities?.nodes[0];
  // `area` is not selected by CommunityDashboard.
  const area: number | undefined = first?.area;
  // Misspelt `totalCount`.
  const count: number | undefined = dashboard.communities?.totalcount;
  // `microGridId` is an ID (string), not a number.
  const chain = await hub.request(PartyChainDocument, { microGridId: 1 });
  return { area, count, chain };
}
