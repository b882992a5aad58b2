import type { GraphQLResolveInfo } from 'graphql';
import type { OrganisationRow, PartyMemberRow, DepartmentRow } from '../store.js';
import type { EntityReference } from '../../../lib/references.js';
import type { OrganisationsContext } from '../context.js';
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

export type CoBuildingUnit = {
  __typename?: 'CoBuildingUnit';
  id: Scalars['ID']['output'];
  /** The unit's own party branch. */
  partyBranch?: Maybe<Organisation>;
};

export type Community = {
  __typename?: 'Community';
  id: Scalars['ID']['output'];
  /** The community party committee or village general branch leading the community. */
  partyOrganisation?: Maybe<Organisation>;
};

/** A district department (职能部门) that answers the street's whistle (吹哨报到). */
export type Department = {
  __typename?: 'Department';
  code: DepartmentCode;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

export type DepartmentCode =
  | 'CIVIL_AFFAIRS'
  | 'COMMERCE'
  | 'ECOLOGY_ENVIRONMENT'
  | 'EMERGENCY_MANAGEMENT'
  | 'FIRE_RESCUE'
  | 'HEALTH'
  | 'HOUSING'
  | 'MARKET_SUPERVISION'
  | 'NATURAL_RESOURCES'
  | 'POLICE'
  | 'TAXATION'
  | 'URBAN_MANAGEMENT';

export type Gender =
  | 'FEMALE'
  | 'MALE';

export type Grid = {
  __typename?: 'Grid';
  id: Scalars['ID']['output'];
  /** The party branch of the grid (一网格一支部). */
  partyBranch?: Maybe<Organisation>;
};

export type MicroGrid = {
  __typename?: 'MicroGrid';
  id: Scalars['ID']['output'];
  /** The party group of the micro-grid. */
  partyGroup?: Maybe<Organisation>;
};

/** A party organisation (党组织) at any level of the chain. */
export type Organisation = {
  __typename?: 'Organisation';
  /** All organisations above this one, the root first. */
  ancestors: Array<Organisation>;
  /** Organisations one level down, ordered by id. */
  children: Array<Organisation>;
  /** The co-building unit whose party branch this is. */
  coBuildingUnit?: Maybe<CoBuildingUnit>;
  /** The community a community party organisation leads. */
  community?: Maybe<Community>;
  /** The grid a grid party branch leads. */
  grid?: Maybe<Grid>;
  id: Scalars['ID']['output'];
  kind: OrganisationKind;
  /** Party members of this organisation and of every organisation below it. */
  memberCount: Scalars['Int']['output'];
  /** Members belonging directly to this organisation, ordered by id. */
  members: PartyMemberConnection;
  /** The micro-grid a micro-grid party group leads. */
  microGrid?: Maybe<MicroGrid>;
  name: Scalars['String']['output'];
  /** The organisation one level up; null for the street committee and for unit branches (led by their own unit). */
  parent?: Maybe<Organisation>;
  /** The secretary (书记) or group leader (组长); null when the post is vacant. */
  secretary?: Maybe<PartyMember>;
};


/** A party organisation (党组织) at any level of the chain. */
export type OrganisationMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type OrganisationConnection = {
  __typename?: 'OrganisationConnection';
  edges: Array<OrganisationEdge>;
  nodes: Array<Organisation>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type OrganisationEdge = {
  __typename?: 'OrganisationEdge';
  cursor: Scalars['String']['output'];
  node: Organisation;
};

export type OrganisationFilter = {
  kind?: InputMaybe<OrganisationKind>;
  /** Case-insensitive substring of the name. */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /** Direct children of this organisation. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
};

export type OrganisationKind =
  /** Party member central household (党员中心户), the fifth level. */
  | 'CENTRAL_HOUSEHOLD'
  /** Community party committee or village general branch (社区党委 / 村党总支). */
  | 'COMMUNITY_PARTY_ORGANISATION'
  /** Functional party branch (功能型党支部), e.g. for retired or mobile party members. */
  | 'FUNCTIONAL_BRANCH'
  /** Grid party branch (网格党支部): one per grid. */
  | 'GRID_PARTY_BRANCH'
  /** Micro-grid party group (微网格党小组): one per micro-grid. */
  | 'MICRO_GRID_PARTY_GROUP'
  /** Party organisation of the new economy and new social organisations (两新组织). */
  | 'NEW_ECONOMY_ORGANISATION'
  /** Street party working committee (街道党工委), the root of the chain. */
  | 'STREET_PARTY_WORKING_COMMITTEE'
  /** Party branch of a co-building unit (共建单位党支部). */
  | 'UNIT_PARTY_BRANCH';

/** Relay page information. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A party member (党员). Name and phone are masked (张*明, 138****1234). */
export type PartyMember = {
  __typename?: 'PartyMember';
  gender: Gender;
  id: Scalars['ID']['output'];
  /** For in-service party members (在职党员): the co-building unit they work for. */
  inServiceUnit?: Maybe<CoBuildingUnit>;
  /** A red-grid leader (红网格带头人). */
  isGridLeader: Scalars['Boolean']['output'];
  /** The day the member joined the party, YYYY-MM-DD. */
  joinedOn: Scalars['String']['output'];
  /** Masked: first and last character kept (张*明). */
  name: Scalars['String']['output'];
  organisation: Organisation;
  /** Masked: first three and last four digits kept (138****1234). */
  phone: Scalars['String']['output'];
  /** The community the member lives in, where in-service members report (双报到). */
  residenceCommunity?: Maybe<Community>;
};

export type PartyMemberConnection = {
  __typename?: 'PartyMemberConnection';
  edges: Array<PartyMemberEdge>;
  nodes: Array<PartyMember>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type PartyMemberEdge = {
  __typename?: 'PartyMemberEdge';
  cursor: Scalars['String']['output'];
  node: PartyMember;
};

export type Query = {
  __typename?: 'Query';
  /** One department; null when no such id exists. */
  department?: Maybe<Department>;
  /** The district departments (职能部门) that report to the street (街道吹哨、部门报到). */
  departments: Array<Department>;
  /** One party organisation; null when no such id exists. */
  organisation?: Maybe<Organisation>;
  /** Party organisations ordered by id. `first` is 0–100 (default 20). */
  organisations: OrganisationConnection;
  /** One party member; null when no such id exists. */
  partyMember?: Maybe<PartyMember>;
};


export type QueryDepartmentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOrganisationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOrganisationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrganisationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPartyMemberArgs = {
  id: Scalars['ID']['input'];
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
  CoBuildingUnit: CoBuildingUnit;
  Community: Community;
  Department: Department;
  Grid: Grid;
  MicroGrid: MicroGrid;
  Organisation: Organisation;
  PartyMember: PartyMember;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  CoBuildingUnit:
    ( { __typename: 'CoBuildingUnit' }
    & GraphQLRecursivePick<FederationTypes['CoBuildingUnit'], {"id":true}> );
  Community:
    ( { __typename: 'Community' }
    & GraphQLRecursivePick<FederationTypes['Community'], {"id":true}> );
  Department:
    ( { __typename: 'Department' }
    & GraphQLRecursivePick<FederationTypes['Department'], {"id":true}> );
  Grid:
    ( { __typename: 'Grid' }
    & GraphQLRecursivePick<FederationTypes['Grid'], {"id":true}> );
  MicroGrid:
    ( { __typename: 'MicroGrid' }
    & GraphQLRecursivePick<FederationTypes['MicroGrid'], {"id":true}> );
  Organisation:
    ( { __typename: 'Organisation' }
    & GraphQLRecursivePick<FederationTypes['Organisation'], {"id":true}> );
  PartyMember:
    ( { __typename: 'PartyMember' }
    & GraphQLRecursivePick<FederationTypes['PartyMember'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  CoBuildingUnit: ResolverTypeWrapper<EntityReference>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Community: ResolverTypeWrapper<EntityReference>;
  Department: ResolverTypeWrapper<DepartmentRow>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  DepartmentCode: DepartmentCode;
  Gender: Gender;
  Grid: ResolverTypeWrapper<EntityReference>;
  MicroGrid: ResolverTypeWrapper<EntityReference>;
  Organisation: ResolverTypeWrapper<OrganisationRow>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  OrganisationConnection: ResolverTypeWrapper<Omit<OrganisationConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['OrganisationEdge']>, nodes: Array<ResolversTypes['Organisation']> }>;
  OrganisationEdge: ResolverTypeWrapper<Omit<OrganisationEdge, 'node'> & { node: ResolversTypes['Organisation'] }>;
  OrganisationFilter: OrganisationFilter;
  OrganisationKind: OrganisationKind;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  PartyMember: ResolverTypeWrapper<PartyMemberRow>;
  PartyMemberConnection: ResolverTypeWrapper<Omit<PartyMemberConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['PartyMemberEdge']>, nodes: Array<ResolversTypes['PartyMember']> }>;
  PartyMemberEdge: ResolverTypeWrapper<Omit<PartyMemberEdge, 'node'> & { node: ResolversTypes['PartyMember'] }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  CoBuildingUnit: EntityReference;
  ID: Scalars['ID']['output'];
  Community: EntityReference;
  Department: DepartmentRow;
  String: Scalars['String']['output'];
  Grid: EntityReference;
  MicroGrid: EntityReference;
  Organisation: OrganisationRow;
  Int: Scalars['Int']['output'];
  OrganisationConnection: Omit<OrganisationConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['OrganisationEdge']>, nodes: Array<ResolversParentTypes['Organisation']> };
  OrganisationEdge: Omit<OrganisationEdge, 'node'> & { node: ResolversParentTypes['Organisation'] };
  OrganisationFilter: OrganisationFilter;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  PartyMember: PartyMemberRow;
  PartyMemberConnection: Omit<PartyMemberConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['PartyMemberEdge']>, nodes: Array<ResolversParentTypes['PartyMember']> };
  PartyMemberEdge: Omit<PartyMemberEdge, 'node'> & { node: ResolversParentTypes['PartyMember'] };
  Query: Record<PropertyKey, never>;
};

export type CoBuildingUnitResolvers<ContextType = OrganisationsContext, ParentType extends ResolversParentTypes['CoBuildingUnit'] = ResolversParentTypes['CoBuildingUnit'], FederationReferenceType extends FederationReferenceTypes['CoBuildingUnit'] = FederationReferenceTypes['CoBuildingUnit']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CoBuildingUnit']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  partyBranch?: Resolver<Maybe<ResolversTypes['Organisation']>, ParentType, ContextType>;
};

export type CommunityResolvers<ContextType = OrganisationsContext, ParentType extends ResolversParentTypes['Community'] = ResolversParentTypes['Community'], FederationReferenceType extends FederationReferenceTypes['Community'] = FederationReferenceTypes['Community']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Community']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  partyOrganisation?: Resolver<Maybe<ResolversTypes['Organisation']>, ParentType, ContextType>;
};

export type DepartmentResolvers<ContextType = OrganisationsContext, ParentType extends ResolversParentTypes['Department'] = ResolversParentTypes['Department'], FederationReferenceType extends FederationReferenceTypes['Department'] = FederationReferenceTypes['Department']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Department']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['DepartmentCode'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type GridResolvers<ContextType = OrganisationsContext, ParentType extends ResolversParentTypes['Grid'] = ResolversParentTypes['Grid'], FederationReferenceType extends FederationReferenceTypes['Grid'] = FederationReferenceTypes['Grid']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Grid']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  partyBranch?: Resolver<Maybe<ResolversTypes['Organisation']>, ParentType, ContextType>;
};

export type MicroGridResolvers<ContextType = OrganisationsContext, ParentType extends ResolversParentTypes['MicroGrid'] = ResolversParentTypes['MicroGrid'], FederationReferenceType extends FederationReferenceTypes['MicroGrid'] = FederationReferenceTypes['MicroGrid']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['MicroGrid']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  partyGroup?: Resolver<Maybe<ResolversTypes['Organisation']>, ParentType, ContextType>;
};

export type OrganisationResolvers<ContextType = OrganisationsContext, ParentType extends ResolversParentTypes['Organisation'] = ResolversParentTypes['Organisation'], FederationReferenceType extends FederationReferenceTypes['Organisation'] = FederationReferenceTypes['Organisation']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Organisation']> | FederationReferenceType, FederationReferenceType, ContextType>;
  ancestors?: Resolver<Array<ResolversTypes['Organisation']>, ParentType, ContextType>;
  children?: Resolver<Array<ResolversTypes['Organisation']>, ParentType, ContextType>;
  coBuildingUnit?: Resolver<Maybe<ResolversTypes['CoBuildingUnit']>, ParentType, ContextType>;
  community?: Resolver<Maybe<ResolversTypes['Community']>, ParentType, ContextType>;
  grid?: Resolver<Maybe<ResolversTypes['Grid']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['OrganisationKind'], ParentType, ContextType>;
  memberCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  members?: Resolver<ResolversTypes['PartyMemberConnection'], ParentType, ContextType, RequireFields<OrganisationMembersArgs, 'first'>>;
  microGrid?: Resolver<Maybe<ResolversTypes['MicroGrid']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Organisation']>, ParentType, ContextType>;
  secretary?: Resolver<Maybe<ResolversTypes['PartyMember']>, ParentType, ContextType>;
};

export type OrganisationConnectionResolvers<ContextType = OrganisationsContext, ParentType extends ResolversParentTypes['OrganisationConnection'] = ResolversParentTypes['OrganisationConnection']> = {
  edges?: Resolver<Array<ResolversTypes['OrganisationEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Organisation']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type OrganisationEdgeResolvers<ContextType = OrganisationsContext, ParentType extends ResolversParentTypes['OrganisationEdge'] = ResolversParentTypes['OrganisationEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Organisation'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = OrganisationsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PartyMemberResolvers<ContextType = OrganisationsContext, ParentType extends ResolversParentTypes['PartyMember'] = ResolversParentTypes['PartyMember'], FederationReferenceType extends FederationReferenceTypes['PartyMember'] = FederationReferenceTypes['PartyMember']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['PartyMember']> | FederationReferenceType, FederationReferenceType, ContextType>;
  gender?: Resolver<ResolversTypes['Gender'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inServiceUnit?: Resolver<Maybe<ResolversTypes['CoBuildingUnit']>, ParentType, ContextType>;
  isGridLeader?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  joinedOn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  organisation?: Resolver<ResolversTypes['Organisation'], ParentType, ContextType>;
  phone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  residenceCommunity?: Resolver<Maybe<ResolversTypes['Community']>, ParentType, ContextType>;
};

export type PartyMemberConnectionResolvers<ContextType = OrganisationsContext, ParentType extends ResolversParentTypes['PartyMemberConnection'] = ResolversParentTypes['PartyMemberConnection']> = {
  edges?: Resolver<Array<ResolversTypes['PartyMemberEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['PartyMember']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PartyMemberEdgeResolvers<ContextType = OrganisationsContext, ParentType extends ResolversParentTypes['PartyMemberEdge'] = ResolversParentTypes['PartyMemberEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['PartyMember'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = OrganisationsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  department?: Resolver<Maybe<ResolversTypes['Department']>, ParentType, ContextType, RequireFields<QueryDepartmentArgs, 'id'>>;
  departments?: Resolver<Array<ResolversTypes['Department']>, ParentType, ContextType>;
  organisation?: Resolver<Maybe<ResolversTypes['Organisation']>, ParentType, ContextType, RequireFields<QueryOrganisationArgs, 'id'>>;
  organisations?: Resolver<ResolversTypes['OrganisationConnection'], ParentType, ContextType, RequireFields<QueryOrganisationsArgs, 'first'>>;
  partyMember?: Resolver<Maybe<ResolversTypes['PartyMember']>, ParentType, ContextType, RequireFields<QueryPartyMemberArgs, 'id'>>;
};

export type Resolvers<ContextType = OrganisationsContext> = {
  CoBuildingUnit?: CoBuildingUnitResolvers<ContextType>;
  Community?: CommunityResolvers<ContextType>;
  Department?: DepartmentResolvers<ContextType>;
  Grid?: GridResolvers<ContextType>;
  MicroGrid?: MicroGridResolvers<ContextType>;
  Organisation?: OrganisationResolvers<ContextType>;
  OrganisationConnection?: OrganisationConnectionResolvers<ContextType>;
  OrganisationEdge?: OrganisationEdgeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PartyMember?: PartyMemberResolvers<ContextType>;
  PartyMemberConnection?: PartyMemberConnectionResolvers<ContextType>;
  PartyMemberEdge?: PartyMemberEdgeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
};

