/**
 * A sample program against the SDK, as a partner developer would write it: type-checked by
 * clients/sdk.test.ts (and run there against a test hub). Every field it reads is typed from the
 * example operations; a typo or a field the operation does not select does not compile.
 */
import {
  CommunityDashboardDocument,
  createHubClient,
  HubClientError,
  PartyChainDocument,
  ResourceSearchDocument,
  StreetOverviewDocument,
  UnitViewDocument,
  type CommunityDashboardQuery,
  type ResourceCategory,
} from '../src/index.js';

type DashboardCommunity = CommunityDashboardQuery['communities']['nodes'][number];

export interface StreetReport {
  street: string;
  communities: number;
  microGrids: number;
  largestCommunity: { name: string; households: number } | undefined;
  unitName: string | undefined;
  partyChain: string[];
  careProviders: string[];
}

export async function streetReport(url: string, category: ResourceCategory = 'CARE_SERVICE'): Promise<StreetReport> {
  const hub = createHubClient(url);
  const overview = await hub.request(StreetOverviewDocument);
  const dashboard = await hub.request(CommunityDashboardDocument, { first: 100 });
  const nodes: DashboardCommunity[] = dashboard.communities.nodes;
  const largest = [...nodes].sort((a, b) => b.households - a.households)[0];
  // Variables with defaults in the document may be left out.
  const unit = await hub.request(UnitViewDocument);
  const chain = await hub.request(PartyChainDocument, { microGridId: 'micro-grid-0001' });
  const resources = await hub.request(ResourceSearchDocument, { category, first: 5 });
  const careProviders = resources.resources.edges.map(({ node }) => {
    // The provider union narrows on __typename.
    switch (node.provider.__typename) {
      case 'CoBuildingUnit':
        return `${node.provider.name} (${node.provider.kind})`;
      case 'Department':
        return `${node.provider.name} [${node.provider.code}]`;
      default:
        return 'unknown provider';
    }
  });
  return {
    street: overview.street.name,
    communities: dashboard.communities.totalCount,
    microGrids: nodes.reduce((sum, community) => sum + community.microGridCount, 0),
    largestCommunity: largest && { name: largest.name, households: largest.households },
    unitName: unit.coBuildingUnit?.name,
    partyChain: [...(chain.microGrid?.partyGroup?.ancestors ?? []).map((organisation) => organisation.name), chain.microGrid?.partyGroup?.name ?? ''],
    careProviders,
  };
}

/** Coded errors come back as HubClientError, e.g. BAD_USER_INPUT with the offending field. */
export async function tooLargePage(url: string): Promise<{ code: string | undefined; field: string | undefined }> {
  try {
    await createHubClient(url).request(CommunityDashboardDocument, { first: 100_000 });
    return { code: undefined, field: undefined };
  } catch (error) {
    if (!(error instanceof HubClientError)) throw error;
    return { code: error.code, field: error.errors[0]?.extensions?.field };
  }
}
