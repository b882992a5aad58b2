import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';

/**
 * Five small subgraphs that know nothing of the hub (no signed caller, no /health, no database):
 * the shop of Apollo's federation examples, plus an email subgraph. They exercise what a supergraph
 * can ask of a router: an entity resolved across three subgraphs (Product: products, inventory,
 * reviews), @requires (inventory's shippingEstimate needs price and weight from products),
 * @provides (reviews hands out its authors' usernames), an entity interface with an
 * @interfaceObject (Item: products; wishlistedBy from accounts), a union whose members live in
 * other subgraphs (email's EmailTopic), @inaccessible (accounts' passwordHash) and @authenticated
 * (accounts' Query.me).
 */
export const FOREIGN_SUBGRAPH_NAMES = ['accounts', 'products', 'inventory', 'reviews', 'email'] as const;
export type ForeignSubgraphName = (typeof FOREIGN_SUBGRAPH_NAMES)[number];

const FEDERATION = '@link(url: "https://specs.apollo.dev/federation/v2.5"';

const USERS = [
  { id: 'u1', username: 'ada', name: 'Ada Lovelace', passwordHash: 'not-for-clients' },
  { id: 'u2', username: 'alan', name: 'Alan Turing', passwordHash: 'not-for-clients' },
];
const PRODUCTS = [
  { upc: 'p1', name: 'Table', price: 899, weight: 100 },
  { upc: 'p2', name: 'Couch', price: 1299, weight: 1000 },
  { upc: 'p3', name: 'Chair', price: 54, weight: 50 },
];
const GIFT_CARDS = [{ upc: 'g1', name: 'Gift card', amount: 50 }];
const STOCK: Record<string, boolean> = { p1: true, p2: false, p3: true };
const REVIEWS = [
  { id: 'r1', body: 'Love it!', authorId: 'u1', upc: 'p1', stars: 5 },
  { id: 'r2', body: 'Too expensive.', authorId: 'u1', upc: 'p2', stars: 2 },
  { id: 'r3', body: 'Could be better.', authorId: 'u2', upc: 'p3', stars: 3 },
  { id: 'r4', body: 'Perfect present.', authorId: 'u2', upc: 'g1', stars: 4 },
];
/** reviews keeps its authors' usernames, so it can @provides them without asking accounts. */
const AUTHOR_USERNAMES: Record<string, string> = { u1: 'ada', u2: 'alan' };
const EMAILS = [
  { id: 'e1', subject: 'Thanks for your review', to: 'u1', topic: { __typename: 'Review', id: 'r1' } },
  { id: 'e2', subject: 'Price drop', to: 'u2', topic: { __typename: 'Product', upc: 'p2' } },
];

/** Shipping is free above 1000, else half the weight: needs price and weight, which products owns. */
export function shippingEstimateOf(product: { price: number; weight: number }): number {
  return product.price > 1000 ? 0 : Math.round(product.weight / 2);
}

/** Which users put an item on their wish list: accounts' data about products' items. */
const WISHLISTS: Record<string, string[]> = { p1: ['u1', 'u2'], p3: ['u2'], g1: ['u1'] };

type ResolverMap = NonNullable<Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>['resolvers']>;

const SUBGRAPHS: Record<ForeignSubgraphName, { typeDefs: string; resolvers: ResolverMap }> = {
  accounts: {
    typeDefs: `
      extend schema ${FEDERATION}, import: ["@key", "@shareable", "@inaccessible", "@authenticated", "@interfaceObject"])
      type Query {
        me: User @authenticated
        user(id: ID!): User
      }
      type User @key(fields: "id") {
        id: ID!
        username: String! @shareable
        name: String!
        passwordHash: String @inaccessible
      }
      type Item @key(fields: "upc") @interfaceObject {
        upc: String!
        wishlistedBy: [User!]!
      }`,
    resolvers: {
      // The gateway keeps the caller's token to itself, so "me" is a fixed account here: the test is
      // about the gateway refusing anonymous callers before this resolver runs.
      Query: { me: () => USERS[0], user: (_: unknown, { id }: { id: string }) => USERS.find((user) => user.id === id) ?? null },
      User: { __resolveReference: ({ id }: { id: string }) => USERS.find((user) => user.id === id) ?? null },
      Item: {
        __resolveReference: ({ upc }: { upc: string }) => ({ upc }),
        wishlistedBy: ({ upc }: { upc: string }) => (WISHLISTS[upc] ?? []).map((id) => USERS.find((user) => user.id === id)),
      },
    },
  },
  products: {
    typeDefs: `
      extend schema ${FEDERATION}, import: ["@key"])
      type Query {
        topProducts(first: Int = 5): [Product!]!
        catalogue: [Item!]!
      }
      interface Item @key(fields: "upc") {
        upc: String!
        name: String!
      }
      type Product implements Item @key(fields: "upc") {
        upc: String!
        name: String!
        price: Int!
        weight: Int!
      }
      type GiftCard implements Item @key(fields: "upc") {
        upc: String!
        name: String!
        amount: Int!
      }`,
    resolvers: {
      Query: {
        topProducts: (_: unknown, { first }: { first: number }) => PRODUCTS.slice(0, first),
        catalogue: () => [...PRODUCTS.map((p) => ({ __typename: 'Product', ...p })), ...GIFT_CARDS.map((g) => ({ __typename: 'GiftCard', ...g }))],
      },
      Item: {
        __resolveReference: ({ upc }: { upc: string }) => {
          const product = PRODUCTS.find((p) => p.upc === upc);
          if (product) return { __typename: 'Product', ...product };
          const card = GIFT_CARDS.find((g) => g.upc === upc);
          return card ? { __typename: 'GiftCard', ...card } : null;
        },
      },
      Product: { __resolveReference: ({ upc }: { upc: string }) => PRODUCTS.find((p) => p.upc === upc) ?? null },
      GiftCard: { __resolveReference: ({ upc }: { upc: string }) => GIFT_CARDS.find((g) => g.upc === upc) ?? null },
    },
  },
  inventory: {
    typeDefs: `
      extend schema ${FEDERATION}, import: ["@key", "@external", "@requires"])
      type Product @key(fields: "upc") {
        upc: String!
        price: Int! @external
        weight: Int! @external
        inStock: Boolean!
        shippingEstimate: Int! @requires(fields: "price weight")
      }`,
    resolvers: {
      Product: {
        __resolveReference: (reference: { upc: string; price?: number; weight?: number }) => reference,
        inStock: ({ upc }: { upc: string }) => STOCK[upc] ?? false,
        shippingEstimate: (product: { price: number; weight: number }) => shippingEstimateOf(product),
      },
    },
  },
  reviews: {
    typeDefs: `
      extend schema ${FEDERATION}, import: ["@key", "@external", "@provides"])
      type Query {
        topReviews(first: Int = 5): [Review!]!
      }
      type Review @key(fields: "id") {
        id: ID!
        body: String!
        stars: Int!
        "Fails for review r2 (an error inside an entity fetch, for the gateway's error paths)."
        moderationNote: String
        author: User! @provides(fields: "username")
        product: Product!
      }
      type User @key(fields: "id") {
        id: ID!
        username: String! @external
        reviews: [Review!]!
      }
      type Product @key(fields: "upc") {
        upc: String!
        reviews: [Review!]!
      }
`,
    resolvers: {
      Query: { topReviews: (_: unknown, { first }: { first: number }) => REVIEWS.slice(0, first) },
      Review: {
        __resolveReference: ({ id }: { id: string }) => REVIEWS.find((review) => review.id === id) ?? null,
        author: (review: { authorId: string }) => ({ id: review.authorId, username: AUTHOR_USERNAMES[review.authorId] }),
        moderationNote: (review: { id: string; stars: number }) => {
          if (review.id === 'r2') throw new GraphQLError('the moderation notes of r2 are unavailable', { extensions: { code: 'MODERATION_UNAVAILABLE' } });
          return review.stars < 3 ? 'checked' : null;
        },
        product: (review: { upc: string }) => ({ upc: review.upc }),
      },
      User: { reviews: ({ id }: { id: string }) => REVIEWS.filter((review) => review.authorId === id) },
      Product: { reviews: ({ upc }: { upc: string }) => REVIEWS.filter((review) => review.upc === upc) },
    },
  },
  email: {
    typeDefs: `
      extend schema ${FEDERATION}, import: ["@key"])
      type Query {
        outbox: [Email!]!
      }
      type Email @key(fields: "id") {
        id: ID!
        subject: String!
        to: User!
        topic: EmailTopic
      }
      union EmailTopic = Product | Review
      type User @key(fields: "id", resolvable: false) {
        id: ID!
      }
      type Product @key(fields: "upc", resolvable: false) {
        upc: String!
      }
      type Review @key(fields: "id", resolvable: false) {
        id: ID!
      }`,
    resolvers: {
      Query: { outbox: () => EMAILS },
      Email: {
        __resolveReference: ({ id }: { id: string }) => EMAILS.find((email) => email.id === id) ?? null,
        to: (email: { to: string }) => ({ id: email.to }),
      },
    },
  },
};

export interface ForeignSubgraph {
  name: ForeignSubgraphName;
  url: string;
  /** GraphQL operations this subgraph has executed (including `_entities` fetches). */
  requests: number;
}

export interface ForeignSubgraphs {
  subgraphs: Record<ForeignSubgraphName, ForeignSubgraph>;
  /**
   * Their supergraph, composed here with @apollo/composition; its join__graph URLs are where the
   * subgraphs listen unless `urls` says otherwise (e.g. a dead port, to show an override wins).
   */
  compose(urls?: Partial<Record<ForeignSubgraphName, string>>): string;
  stop(): Promise<void>;
}

/** Starts the five subgraphs on port 0 (127.0.0.1), each a plain Apollo Server. */
export async function startForeignSubgraphs(): Promise<ForeignSubgraphs> {
  const servers: ApolloServer[] = [];
  const subgraphs = {} as Record<ForeignSubgraphName, ForeignSubgraph>;
  try {
    for (const name of FOREIGN_SUBGRAPH_NAMES) {
      const subgraph: ForeignSubgraph = { name, url: '', requests: 0 };
      const server = new ApolloServer({
        schema: buildSubgraphSchema({ typeDefs: parse(SUBGRAPHS[name].typeDefs), resolvers: SUBGRAPHS[name].resolvers }),
        plugins: [
          ApolloServerPluginLandingPageDisabled(),
          ApolloServerPluginInlineTraceDisabled(),
          { requestDidStart: async () => void (subgraph.requests += 1) },
        ],
      });
      servers.push(server);
      const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
      subgraph.url = new URL('/graphql', url).toString();
      subgraphs[name] = subgraph;
    }
  } catch (error) {
    await Promise.all(servers.map((server) => server.stop()));
    throw error;
  }
  return {
    subgraphs,
    compose(urls = {}) {
      const result = composeServices(
        FOREIGN_SUBGRAPH_NAMES.map((name) => ({ name, url: urls[name] ?? subgraphs[name].url, typeDefs: parse(SUBGRAPHS[name].typeDefs) })),
      );
      if (result.errors) throw new Error('composition failed:\n' + result.errors.map((error) => `  - ${error.message}`).join('\n'));
      return result.supergraphSdl;
    },
    async stop() {
      await Promise.all(servers.map((server) => server.stop()));
    },
  };
}
