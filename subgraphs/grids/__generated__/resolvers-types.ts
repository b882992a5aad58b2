import type { GraphQLResolveInfo } from 'graphql';
import type { StreetRow, OfficeRow, CommunityRow, GridRow, MicroGridRow } from '../store.js';
import type { GridsContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A community (社区) or village (村). */
export type Community = {
  __typename?: 'Community';
  /** The community's grids, optionally of one kind, ordered by id. */
  grids: Array<Grid>;
  households: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  kind: CommunityKind;
  location: GeoPoint;
  /** Number of micro-grids in all grids of the community. */
  microGridCount: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  office: Office;
  population: Scalars['Int']['output'];
};


/** A community (社区) or village (村). */
export type CommunityGridsArgs = {
  kind?: InputMaybe<GridKind>;
};

export type CommunityConnection = {
  __typename?: 'CommunityConnection';
  edges: Array<CommunityEdge>;
  nodes: Array<Community>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type CommunityEdge = {
  __typename?: 'CommunityEdge';
  cursor: Scalars['String']['output'];
  node: Community;
};

export type CommunityFilter = {
  kind?: InputMaybe<CommunityKind>;
  /** Case-insensitive substring of the name. */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  officeId?: InputMaybe<Scalars['ID']['input']>;
};

export type CommunityKind =
  /** An urban community (社区), including preparatory groups (筹备组). */
  | 'COMMUNITY'
  /** A rural village (村). */
  | 'VILLAGE';

/** What a dedicated grid (专属网格) covers. */
export type DedicatedGridKind =
  | 'BUSINESS_DISTRICT'
  | 'HOSPITAL'
  | 'INDUSTRIAL_PARK'
  | 'SCHOOL';

/** A WGS-84 coordinate. */
export type GeoPoint = {
  __typename?: 'GeoPoint';
  lat: Scalars['Float']['output'];
  lng: Scalars['Float']['output'];
};

/** A grid (网格), the cell of grassroots management. */
export type Grid = {
  __typename?: 'Grid';
  community: Community;
  /** Set for dedicated grids only. */
  dedicatedTo?: Maybe<DedicatedGridKind>;
  households: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  kind: GridKind;
  /** Micro-grids of the grid, ordered by id (dedicated grids have none). */
  microGrids: Array<MicroGrid>;
  name: Scalars['String']['output'];
};

export type GridKind =
  /** Comprehensive grid (综合网格) of 300–500 households. */
  | 'COMPREHENSIVE'
  /** Dedicated grid (专属网格) for a school, hospital, business district or industrial park. */
  | 'DEDICATED';

/** A micro-grid (微网格) of 50–100 households, led by a party group. */
export type MicroGrid = {
  __typename?: 'MicroGrid';
  grid: Grid;
  households: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

/** A sub-district office (办事处) grouping communities and villages. */
export type Office = {
  __typename?: 'Office';
  communities: Array<Community>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

/** Relay page information. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /** Communities and villages, ordered by id. `first` is 0–100 (default 20). */
  communities: CommunityConnection;
  /** One community or village; null when no such id exists. */
  community?: Maybe<Community>;
  /** One comprehensive or dedicated grid; null when no such id exists. */
  grid?: Maybe<Grid>;
  /** One micro-grid; null when no such id exists. */
  microGrid?: Maybe<MicroGrid>;
  /** The sub-district offices (办事处) of the street. */
  offices: Array<Office>;
  /** The street (街道) this hub serves. */
  street: Street;
};


export type QueryCommunitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CommunityFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryCommunityArgs = {
  id: Scalars['ID']['input'];
};


export type QueryGridArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMicroGridArgs = {
  id: Scalars['ID']['input'];
};

/** A street (街道): the unit of grassroots governance this hub serves. */
export type Street = {
  __typename?: 'Street';
  /** Area in square kilometres. */
  areaKm2: Scalars['Float']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  offices: Array<Office>;
  /** Registered residents. */
  residents: Scalars['Int']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Community: Community;
  Grid: Grid;
  MicroGrid: MicroGrid;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Community:
    ( { __typename: 'Community' }
    & GraphQLRecursivePick<FederationTypes['Community'], {"id":true}> );
  Grid:
    ( { __typename: 'Grid' }
    & GraphQLRecursivePick<FederationTypes['Grid'], {"id":true}> );
  MicroGrid:
    ( { __typename: 'MicroGrid' }
    & GraphQLRecursivePick<FederationTypes['MicroGrid'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Community: ResolverTypeWrapper<CommunityRow>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  CommunityConnection: ResolverTypeWrapper<Omit<CommunityConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['CommunityEdge']>, nodes: Array<ResolversTypes['Community']> }>;
  CommunityEdge: ResolverTypeWrapper<Omit<CommunityEdge, 'node'> & { node: ResolversTypes['Community'] }>;
  CommunityFilter: CommunityFilter;
  CommunityKind: CommunityKind;
  DedicatedGridKind: DedicatedGridKind;
  GeoPoint: ResolverTypeWrapper<GeoPoint>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Grid: ResolverTypeWrapper<GridRow>;
  GridKind: GridKind;
  MicroGrid: ResolverTypeWrapper<MicroGridRow>;
  Office: ResolverTypeWrapper<OfficeRow>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Street: ResolverTypeWrapper<StreetRow>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Community: CommunityRow;
  Int: Scalars['Int']['output'];
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  CommunityConnection: Omit<CommunityConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['CommunityEdge']>, nodes: Array<ResolversParentTypes['Community']> };
  CommunityEdge: Omit<CommunityEdge, 'node'> & { node: ResolversParentTypes['Community'] };
  CommunityFilter: CommunityFilter;
  GeoPoint: GeoPoint;
  Float: Scalars['Float']['output'];
  Grid: GridRow;
  MicroGrid: MicroGridRow;
  Office: OfficeRow;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Query: Record<PropertyKey, never>;
  Street: StreetRow;
};

export type CommunityResolvers<ContextType = GridsContext, ParentType extends ResolversParentTypes['Community'] = ResolversParentTypes['Community'], FederationReferenceType extends FederationReferenceTypes['Community'] = FederationReferenceTypes['Community']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Community']> | FederationReferenceType, FederationReferenceType, ContextType>;
  grids?: Resolver<Array<ResolversTypes['Grid']>, ParentType, ContextType, Partial<CommunityGridsArgs>>;
  households?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['CommunityKind'], ParentType, ContextType>;
  location?: Resolver<ResolversTypes['GeoPoint'], ParentType, ContextType>;
  microGridCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  office?: Resolver<ResolversTypes['Office'], ParentType, ContextType>;
  population?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CommunityConnectionResolvers<ContextType = GridsContext, ParentType extends ResolversParentTypes['CommunityConnection'] = ResolversParentTypes['CommunityConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CommunityEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Community']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CommunityEdgeResolvers<ContextType = GridsContext, ParentType extends ResolversParentTypes['CommunityEdge'] = ResolversParentTypes['CommunityEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
};

export type GeoPointResolvers<ContextType = GridsContext, ParentType extends ResolversParentTypes['GeoPoint'] = ResolversParentTypes['GeoPoint']> = {
  lat?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lng?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type GridResolvers<ContextType = GridsContext, ParentType extends ResolversParentTypes['Grid'] = ResolversParentTypes['Grid'], FederationReferenceType extends FederationReferenceTypes['Grid'] = FederationReferenceTypes['Grid']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Grid']> | FederationReferenceType, FederationReferenceType, ContextType>;
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  dedicatedTo?: Resolver<Maybe<ResolversTypes['DedicatedGridKind']>, ParentType, ContextType>;
  households?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['GridKind'], ParentType, ContextType>;
  microGrids?: Resolver<Array<ResolversTypes['MicroGrid']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MicroGridResolvers<ContextType = GridsContext, ParentType extends ResolversParentTypes['MicroGrid'] = ResolversParentTypes['MicroGrid'], FederationReferenceType extends FederationReferenceTypes['MicroGrid'] = FederationReferenceTypes['MicroGrid']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['MicroGrid']> | FederationReferenceType, FederationReferenceType, ContextType>;
  grid?: Resolver<ResolversTypes['Grid'], ParentType, ContextType>;
  households?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type OfficeResolvers<ContextType = GridsContext, ParentType extends ResolversParentTypes['Office'] = ResolversParentTypes['Office']> = {
  communities?: Resolver<Array<ResolversTypes['Community']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GridsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GridsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  communities?: Resolver<ResolversTypes['CommunityConnection'], ParentType, ContextType, RequireFields<QueryCommunitiesArgs, 'first'>>;
  community?: Resolver<Maybe<ResolversTypes['Community']>, ParentType, ContextType, RequireFields<QueryCommunityArgs, 'id'>>;
  grid?: Resolver<Maybe<ResolversTypes['Grid']>, ParentType, ContextType, RequireFields<QueryGridArgs, 'id'>>;
  microGrid?: Resolver<Maybe<ResolversTypes['MicroGrid']>, ParentType, ContextType, RequireFields<QueryMicroGridArgs, 'id'>>;
  offices?: Resolver<Array<ResolversTypes['Office']>, ParentType, ContextType>;
  street?: Resolver<ResolversTypes['Street'], ParentType, ContextType>;
};

export type StreetResolvers<ContextType = GridsContext, ParentType extends ResolversParentTypes['Street'] = ResolversParentTypes['Street']> = {
  areaKm2?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  offices?: Resolver<Array<ResolversTypes['Office']>, ParentType, ContextType>;
  residents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GridsContext> = {
  Community?: CommunityResolvers<ContextType>;
  CommunityConnection?: CommunityConnectionResolvers<ContextType>;
  CommunityEdge?: CommunityEdgeResolvers<ContextType>;
  GeoPoint?: GeoPointResolvers<ContextType>;
  Grid?: GridResolvers<ContextType>;
  MicroGrid?: MicroGridResolvers<ContextType>;
  Office?: OfficeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Street?: StreetResolvers<ContextType>;
};

