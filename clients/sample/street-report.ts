/**
 * A sample program against the SDK, as a partner developer would write it: type-checked by
 * clients/sdk.test.ts (and run there against a test hub). Every field it reads is typed from the
 * example operations; a typo or a field the operation does not select does not compile.
 */
import {
  CommunityDashboardDocument,
  createHubClient,
  type HubClientOptions,
  HubClientError,
  PartyChainDocument,
  ResourceSearchDocument,
  StreetOverviewDocument,
  UnitViewDocument,
  type CommunityDashboardQuery,
  type ResourceCategory,
} from '../src/index.js';

// Root fields and fields another subgraph contributes are nullable: when one subgraph is down the
// hub still answers the rest (with an error naming it), so a client decides what a gap means.
type DashboardCommunity = NonNullable<CommunityDashboardQuery['communities']>['nodes'][number];

export interface StreetReport {
  street: string;
  communities: number;
  microGrids: number;
  largestCommunity: { name: string; households: number } | undefined;
  unitName: string | undefined;
  partyChain: string[];
  careProviders: string[];
}

/** `options.headers`: e.g. `{ authorization: 'Bearer <token>' }` (npm run token); party members need a signed-in caller. */
export async function streetReport(url: string, category: ResourceCategory = 'CARE_SERVICE', options: HubClientOptions = {}): Promise<StreetReport> {
  const hub = createHubClient(url, options);
  const overview = await hub.request(StreetOverviewDocument);
  const dashboard = await hub.request(CommunityDashboardDocument, { first: 100 });
  const nodes: DashboardCommunity[] = dashboard.communities?.nodes ?? [];
  const largest = [...nodes].sort((a, b) => b.households - a.households)[0];
  // Variables with defaults in the document may be left out.
  const unit = await hub.request(UnitViewDocument);
  const chain = await hub.request(PartyChainDocument, { microGridId: 'micro-grid-0001' });
  const resources = await hub.request(ResourceSearchDocument, { category, first: 5 });
  const careProviders = (resources.resources?.edges ?? []).map(({ node }) => {
    // The provider union narrows on __typename.
    const provider = node.provider;
    switch (provider?.__typename) {
      case 'CoBuildingUnit':
        return `${provider.name} (${provider.kind})`;
      case 'Department':
        return `${provider.name} [${provider.code}]`;
      default:
        return 'unknown provider';
    }
  });
  return {
    street: overview.street?.name ?? '',
    communities: dashboard.communities?.totalCount ?? 0,
    microGrids: nodes.reduce((sum, community) => sum + community.microGridCount, 0),
    largestCommunity: largest && { name: largest.name, households: largest.households },
    unitName: unit.coBuildingUnit?.name,
    partyChain: [...(chain.microGrid?.partyGroup?.ancestors ?? []).map((organisation) => organisation.name), chain.microGrid?.partyGroup?.name ?? ''],
    careProviders,
  };
}

/** Coded errors come back as HubClientError, e.g. BAD_USER_INPUT with the offending field. */
export async function tooLargePage(url: string, options: HubClientOptions = {}): Promise<{ code: string | undefined; field: string | undefined }> {
  try {
    await createHubClient(url, options).request(CommunityDashboardDocument, { first: 100_000 });
    return { code: undefined, field: undefined };
  } catch (error) {
    if (!(error instanceof HubClientError)) throw error;
    return { code: error.code, field: error.errors[0]?.extensions?.field };
  }
}
