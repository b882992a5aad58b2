import type { GraphQLResolveInfo } from 'graphql';
import type { ResourceRow, DemandRow } from '../store.js';
import type { EntityReference } from '../../../lib/references.js';
import type { ResourcePoolsContext } from '../context.js';
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

/** How much a resource can give per period (供给能力), e.g. 200 人次 per MONTH. */
export type Capacity = {
  __typename?: 'Capacity';
  amount: Scalars['Int']['output'];
  period: CapacityPeriod;
  /** The unit of `amount`: 人次, 小时, 元, 场 or 件. */
  unit: Scalars['String']['output'];
};

/** The period a resource's capacity renews over (供给周期). */
export type CapacityPeriod =
  | 'DAY'
  | 'MONTH'
  /** A one-off supply that does not renew. */
  | 'ONCE'
  | 'WEEK'
  | 'YEAR';

export type CoBuildingUnit = {
  __typename?: 'CoBuildingUnit';
  id: Scalars['ID']['output'];
  /** Resources the unit provides to the pool, ordered by id. */
  resources: Array<Resource>;
};

export type Community = {
  __typename?: 'Community';
  /** Demands raised in the community, optionally of one status, ordered by id. */
  demands: Array<Demand>;
  id: Scalars['ID']['output'];
  /** Number of demands of the community that are still OPEN (待派单). */
  openDemandCount: Scalars['Int']['output'];
  /** Resources that serve the community, ordered by id. */
  servedBy: Array<Resource>;
};


export type CommunityDemandsArgs = {
  status?: InputMaybe<DemandStatus>;
};

/** A demand (需求) raised in a community. */
export type Demand = {
  __typename?: 'Demand';
  category: ResourceCategory;
  community: Community;
  /** When the demand was raised, ISO-8601 in UTC. */
  createdAt: Scalars['String']['output'];
  description: Scalars['String']['output'];
  /** The grid the demand came from; null when it concerns the whole community. */
  grid?: Maybe<Grid>;
  id: Scalars['ID']['output'];
  source: DemandSource;
  status: DemandStatus;
  title: Scalars['String']['output'];
};

export type DemandConnection = {
  __typename?: 'DemandConnection';
  edges: Array<DemandEdge>;
  nodes: Array<Demand>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type DemandEdge = {
  __typename?: 'DemandEdge';
  cursor: Scalars['String']['output'];
  node: Demand;
};

export type DemandFilter = {
  category?: InputMaybe<ResourceCategory>;
  communityId?: InputMaybe<Scalars['ID']['input']>;
  source?: InputMaybe<DemandSource>;
  status?: InputMaybe<DemandStatus>;
};

/** Where a demand was raised (需求来源). */
export type DemandSource =
  /** Key project (重点项目). */
  | 'KEY_PROJECT'
  /** Micro-wish (微心愿). */
  | 'MICRO_WISH'
  /** Problem list (问题清单). */
  | 'PROBLEM_LIST'
  /** Resident order (群众点单). */
  | 'RESIDENT_ORDER';

/** Where a demand stands in the order → dispatch → accept → fulfil → rate cycle (需求状态). */
export type DemandStatus =
  /** Accepted by the provider (已接单). */
  | 'ACCEPTED'
  /** Withdrawn by whoever raised it (已取消). */
  | 'CANCELLED'
  /** Declined by the provider (已拒单). */
  | 'DECLINED'
  /** Dispatched to a resource provider (已派单). */
  | 'DISPATCHED'
  /** Not met in time (已过期). */
  | 'EXPIRED'
  /** Fulfilled (已完成). */
  | 'FULFILLED'
  /** Raised, not dispatched yet (待派单). */
  | 'OPEN'
  /** Fulfilled and rated by the residents (已评价). */
  | 'RATED';

export type Department = {
  __typename?: 'Department';
  id: Scalars['ID']['output'];
  /** Resources the department provides to the pool, ordered by id. */
  resources: Array<Resource>;
};

/** A WGS-84 coordinate. */
export type GeoPoint = {
  __typename?: 'GeoPoint';
  lat: Scalars['Float']['output'];
  lng: Scalars['Float']['output'];
};

export type Grid = {
  __typename?: 'Grid';
  id: Scalars['ID']['output'];
};

/** Opening hours (开放时间) on one day of the week, local time. */
export type OpeningHours = {
  __typename?: 'OpeningHours';
  /** HH:MM, 24-hour clock. */
  closesAt: Scalars['String']['output'];
  /** 1 = Monday … 7 = Sunday. */
  dayOfWeek: Scalars['Int']['output'];
  /** HH:MM, 24-hour clock. */
  opensAt: Scalars['String']['output'];
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
  /** One demand; null when no such id exists. */
  demand?: Maybe<Demand>;
  /** Demands ordered by id. `first` is 0–100 (default 20). */
  demands: DemandConnection;
  /** One resource; null when no such id exists. */
  resource?: Maybe<Resource>;
  /** Resources ordered by id. `first` is 0–100 (default 20). */
  resources: ResourceConnection;
};


export type QueryDemandArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDemandsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DemandFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryResourceArgs = {
  id: Scalars['ID']['input'];
};


export type QueryResourcesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ResourceFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A resource (资源) in the pool, offered to the communities it serves. */
export type Resource = {
  __typename?: 'Resource';
  address?: Maybe<Scalars['String']['output']>;
  /** Weekly opening hours; empty for funds and goods, which have none. */
  availability: Array<OpeningHours>;
  capacity: Capacity;
  category: ResourceCategory;
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Where the resource is used or handed out; null for funds and for resources without a fixed place. */
  location?: Maybe<GeoPoint>;
  name: Scalars['String']['output'];
  provider: ResourceProvider;
  /** Communities the resource serves (服务社区), ordered by id. */
  servedCommunities: Array<Community>;
  source: ResourceSource;
};

/** What kind of help a resource gives or a demand asks for (资源类别). */
export type ResourceCategory =
  /** Care service (关爱服务): elderly care, home visits, health care. */
  | 'CARE_SERVICE'
  /** Facilities and equipment (设施设备). */
  | 'FACILITY_EQUIPMENT'
  /** Funds (资金): grants, bursaries, charity money. */
  | 'FUNDS'
  /** Materials and goods (物资). */
  | 'MATERIALS'
  /** Professional service (专业服务): legal, medical, technical advice. */
  | 'PROFESSIONAL_SERVICE'
  /** Training and education (教育培训). */
  | 'TRAINING_EDUCATION'
  /** Venue (场地): activity rooms, meeting rooms, sports grounds. */
  | 'VENUE'
  /** Volunteer service (志愿服务). */
  | 'VOLUNTEER_SERVICE';

export type ResourceConnection = {
  __typename?: 'ResourceConnection';
  edges: Array<ResourceEdge>;
  nodes: Array<Resource>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ResourceEdge = {
  __typename?: 'ResourceEdge';
  cursor: Scalars['String']['output'];
  node: Resource;
};

export type ResourceFilter = {
  category?: InputMaybe<ResourceCategory>;
  /** Case-insensitive substring of the name. */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /** Id of the providing co-building unit or department. */
  providerId?: InputMaybe<Scalars['ID']['input']>;
  /** Resources serving this community. */
  servesCommunityId?: InputMaybe<Scalars['ID']['input']>;
  source?: InputMaybe<ResourceSource>;
};

/** Who provides a resource (资源提供方): a co-building unit or a district department. */
export type ResourceProvider = CoBuildingUnit | Department;

/** Where a resource comes from (资源来源). */
export type ResourceSource =
  /** Charity fund (公益基金): social organisations and charities. */
  | 'CHARITY_FUND'
  /** Enterprise social responsibility (企业社会责任). */
  | 'ENTERPRISE_CSR'
  /** Government service (政府服务): departments, agencies, public schools and hospitals. */
  | 'GOVERNMENT_SERVICE';



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
  CoBuildingUnit: CoBuildingUnit;
  Community: Community;
  Demand: Demand;
  Department: Department;
  Resource: Resource;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  CoBuildingUnit:
    ( { __typename: 'CoBuildingUnit' }
    & GraphQLRecursivePick<FederationTypes['CoBuildingUnit'], {"id":true}> );
  Community:
    ( { __typename: 'Community' }
    & GraphQLRecursivePick<FederationTypes['Community'], {"id":true}> );
  Demand:
    ( { __typename: 'Demand' }
    & GraphQLRecursivePick<FederationTypes['Demand'], {"id":true}> );
  Department:
    ( { __typename: 'Department' }
    & GraphQLRecursivePick<FederationTypes['Department'], {"id":true}> );
  Resource:
    ( { __typename: 'Resource' }
    & GraphQLRecursivePick<FederationTypes['Resource'], {"id":true}> );
};

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  ResourceProvider:
    | ( EntityReference )
    | ( EntityReference )
  ;
};


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Capacity: ResolverTypeWrapper<Capacity>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  CapacityPeriod: CapacityPeriod;
  CoBuildingUnit: ResolverTypeWrapper<EntityReference>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Community: ResolverTypeWrapper<EntityReference>;
  Demand: ResolverTypeWrapper<DemandRow>;
  DemandConnection: ResolverTypeWrapper<Omit<DemandConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['DemandEdge']>, nodes: Array<ResolversTypes['Demand']> }>;
  DemandEdge: ResolverTypeWrapper<Omit<DemandEdge, 'node'> & { node: ResolversTypes['Demand'] }>;
  DemandFilter: DemandFilter;
  DemandSource: DemandSource;
  DemandStatus: DemandStatus;
  Department: ResolverTypeWrapper<EntityReference>;
  GeoPoint: ResolverTypeWrapper<GeoPoint>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Grid: ResolverTypeWrapper<EntityReference>;
  OpeningHours: ResolverTypeWrapper<OpeningHours>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Resource: ResolverTypeWrapper<ResourceRow>;
  ResourceCategory: ResourceCategory;
  ResourceConnection: ResolverTypeWrapper<Omit<ResourceConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['ResourceEdge']>, nodes: Array<ResolversTypes['Resource']> }>;
  ResourceEdge: ResolverTypeWrapper<Omit<ResourceEdge, 'node'> & { node: ResolversTypes['Resource'] }>;
  ResourceFilter: ResourceFilter;
  ResourceProvider: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['ResourceProvider']>;
  ResourceSource: ResourceSource;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Capacity: Capacity;
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
  CoBuildingUnit: EntityReference;
  ID: Scalars['ID']['output'];
  Community: EntityReference;
  Demand: DemandRow;
  DemandConnection: Omit<DemandConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['DemandEdge']>, nodes: Array<ResolversParentTypes['Demand']> };
  DemandEdge: Omit<DemandEdge, 'node'> & { node: ResolversParentTypes['Demand'] };
  DemandFilter: DemandFilter;
  Department: EntityReference;
  GeoPoint: GeoPoint;
  Float: Scalars['Float']['output'];
  Grid: EntityReference;
  OpeningHours: OpeningHours;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Query: Record<PropertyKey, never>;
  Resource: ResourceRow;
  ResourceConnection: Omit<ResourceConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['ResourceEdge']>, nodes: Array<ResolversParentTypes['Resource']> };
  ResourceEdge: Omit<ResourceEdge, 'node'> & { node: ResolversParentTypes['Resource'] };
  ResourceFilter: ResourceFilter;
  ResourceProvider: ResolversUnionTypes<ResolversParentTypes>['ResourceProvider'];
};

export type CapacityResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['Capacity'] = ResolversParentTypes['Capacity']> = {
  amount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['CapacityPeriod'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CoBuildingUnitResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['CoBuildingUnit'] = ResolversParentTypes['CoBuildingUnit'], FederationReferenceType extends FederationReferenceTypes['CoBuildingUnit'] = FederationReferenceTypes['CoBuildingUnit']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CoBuildingUnit']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  resources?: Resolver<Array<ResolversTypes['Resource']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CommunityResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['Community'] = ResolversParentTypes['Community'], FederationReferenceType extends FederationReferenceTypes['Community'] = FederationReferenceTypes['Community']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Community']> | FederationReferenceType, FederationReferenceType, ContextType>;
  demands?: Resolver<Array<ResolversTypes['Demand']>, ParentType, ContextType, Partial<CommunityDemandsArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  openDemandCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  servedBy?: Resolver<Array<ResolversTypes['Resource']>, ParentType, ContextType>;
};

export type DemandResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['Demand'] = ResolversParentTypes['Demand'], FederationReferenceType extends FederationReferenceTypes['Demand'] = FederationReferenceTypes['Demand']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Demand']> | FederationReferenceType, FederationReferenceType, ContextType>;
  category?: Resolver<ResolversTypes['ResourceCategory'], ParentType, ContextType>;
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  grid?: Resolver<Maybe<ResolversTypes['Grid']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['DemandSource'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DemandStatus'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DemandConnectionResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['DemandConnection'] = ResolversParentTypes['DemandConnection']> = {
  edges?: Resolver<Array<ResolversTypes['DemandEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Demand']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DemandEdgeResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['DemandEdge'] = ResolversParentTypes['DemandEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Demand'], ParentType, ContextType>;
};

export type DepartmentResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['Department'] = ResolversParentTypes['Department'], FederationReferenceType extends FederationReferenceTypes['Department'] = FederationReferenceTypes['Department']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Department']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  resources?: Resolver<Array<ResolversTypes['Resource']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type GeoPointResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['GeoPoint'] = ResolversParentTypes['GeoPoint']> = {
  lat?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lng?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type GridResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['Grid'] = ResolversParentTypes['Grid']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type OpeningHoursResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['OpeningHours'] = ResolversParentTypes['OpeningHours']> = {
  closesAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dayOfWeek?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  opensAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  demand?: Resolver<Maybe<ResolversTypes['Demand']>, ParentType, ContextType, RequireFields<QueryDemandArgs, 'id'>>;
  demands?: Resolver<ResolversTypes['DemandConnection'], ParentType, ContextType, RequireFields<QueryDemandsArgs, 'first'>>;
  resource?: Resolver<Maybe<ResolversTypes['Resource']>, ParentType, ContextType, RequireFields<QueryResourceArgs, 'id'>>;
  resources?: Resolver<ResolversTypes['ResourceConnection'], ParentType, ContextType, RequireFields<QueryResourcesArgs, 'first'>>;
};

export type ResourceResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['Resource'] = ResolversParentTypes['Resource'], FederationReferenceType extends FederationReferenceTypes['Resource'] = FederationReferenceTypes['Resource']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Resource']> | FederationReferenceType, FederationReferenceType, ContextType>;
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  availability?: Resolver<Array<ResolversTypes['OpeningHours']>, ParentType, ContextType>;
  capacity?: Resolver<ResolversTypes['Capacity'], ParentType, ContextType>;
  category?: Resolver<ResolversTypes['ResourceCategory'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['GeoPoint']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['ResourceProvider'], ParentType, ContextType>;
  servedCommunities?: Resolver<Array<ResolversTypes['Community']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['ResourceSource'], ParentType, ContextType>;
};

export type ResourceConnectionResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['ResourceConnection'] = ResolversParentTypes['ResourceConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ResourceEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Resource']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ResourceEdgeResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['ResourceEdge'] = ResolversParentTypes['ResourceEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Resource'], ParentType, ContextType>;
};

export type ResourceProviderResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['ResourceProvider'] = ResolversParentTypes['ResourceProvider']> = {
  __resolveType: TypeResolveFn<'CoBuildingUnit' | 'Department', ParentType, ContextType>;
};

export type Resolvers<ContextType = ResourcePoolsContext> = {
  Capacity?: CapacityResolvers<ContextType>;
  CoBuildingUnit?: CoBuildingUnitResolvers<ContextType>;
  Community?: CommunityResolvers<ContextType>;
  Demand?: DemandResolvers<ContextType>;
  DemandConnection?: DemandConnectionResolvers<ContextType>;
  DemandEdge?: DemandEdgeResolvers<ContextType>;
  Department?: DepartmentResolvers<ContextType>;
  GeoPoint?: GeoPointResolvers<ContextType>;
  Grid?: GridResolvers<ContextType>;
  OpeningHours?: OpeningHoursResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Resource?: ResourceResolvers<ContextType>;
  ResourceConnection?: ResourceConnectionResolvers<ContextType>;
  ResourceEdge?: ResourceEdgeResolvers<ContextType>;
  ResourceProvider?: ResourceProviderResolvers<ContextType>;
};

