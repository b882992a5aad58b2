import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../lib/kernel/env.js';
import { resolveSubgraphUrls, subgraphsOfSupergraph, subgraphTimeoutVariable, subgraphUrlOverridesFromEnv, subgraphUrlVariable } from './config.js';

/** The part of a supergraph config.ts reads: the join spec's link and its Graph enum. */
function supergraphWith(graphs: string, join = '@link(url: "https://specs.apollo.dev/join/v0.5", for: EXECUTION)'): string {
  return `schema @link(url: "https://specs.apollo.dev/link/v1.0") ${join} { query: Query }\ntype Query { ok: Boolean }\n${graphs}`;
}

describe('subgraph names and URLs of a supergraph', () => {
  it('names each subgraph’s variables after its supergraph name, upper-cased, other characters as _', () => {
    expect(subgraphUrlVariable('resource-pools')).toBe('SUBGRAPH_RESOURCE_POOLS_URL');
    expect(subgraphUrlVariable('shop.v2-eu')).toBe('SUBGRAPH_SHOP_V2_EU_URL');
    expect(subgraphTimeoutVariable('co-building')).toBe('SUBGRAPH_CO_BUILDING_TIMEOUT_MS');
  });

  it('reads the join spec under the name the supergraph imported it as', () => {
    const renamed = supergraphWith(
      'enum j__Graph { A @j__graph(name: "a", url: "http://127.0.0.1:1/graphql") B @j__graph(name: "b", url: "") }',
      '@link(url: "https://specs.apollo.dev/join/v0.3", as: "j", for: EXECUTION)',
    );
    expect(subgraphsOfSupergraph(renamed)).toEqual([
      { name: 'a', url: 'http://127.0.0.1:1/graphql' },
      { name: 'b', url: '' },
    ]);
    expect(() => subgraphsOfSupergraph('type Query { ok: Boolean }')).toThrow(/no join__Graph enum/);
  });

  it('refuses a supergraph URL that is not http(s), naming the variable that would fix it', () => {
    const subgraphs = [{ name: 'mail', url: 'mail-service:4001' }];
    expect(() => resolveSubgraphUrls(subgraphs)).toThrow(/"mail".*"mail-service:4001".*SUBGRAPH_MAIL_URL/s);
    expect(resolveSubgraphUrls(subgraphs, { mail: 'https://mail.example/graphql' })).toEqual({ mail: 'https://mail.example/graphql' });
  });

  it('refuses a variable that two subgraph names share, and an override that is not a URL', () => {
    expect(() => subgraphUrlOverridesFromEnv({ SUBGRAPH_SHOP_EU_URL: 'http://127.0.0.1:1/graphql' }, ['shop-eu', 'shop.eu'])).toThrow(/ambiguous/);
    expect(subgraphUrlOverridesFromEnv({}, ['shop-eu', 'shop.eu'])).toEqual({});
    expect(() => subgraphUrlOverridesFromEnv({ SUBGRAPH_MAIL_URL: 'mail:4001' }, ['mail'])).toThrow(ConfigurationError);
  });

  it("takes the URLs of a subgraph's replicas separated by commas, each one checked", () => {
    const replicas = 'http://grids-a:4002/graphql, http://grids-b:4002/graphql';
    expect(subgraphUrlOverridesFromEnv({ SUBGRAPH_GRIDS_URL: replicas }, ['grids'])).toEqual({
      grids: 'http://grids-a:4002/graphql,http://grids-b:4002/graphql',
    });
    expect(() => subgraphUrlOverridesFromEnv({ SUBGRAPH_GRIDS_URL: 'http://grids-a:4002/graphql,grids-b:4002' }, ['grids'])).toThrow(
      /SUBGRAPH_GRIDS_URL.*several separated by commas/,
    );
    expect(resolveSubgraphUrls([{ name: 'grids', url: '' }], { grids: replicas })).toEqual({
      grids: 'http://grids-a:4002/graphql,http://grids-b:4002/graphql',
    });
  });
});
