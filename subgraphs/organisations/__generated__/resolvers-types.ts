import type { GraphQLResolveInfo } from 'graphql';
import type { OrganisationRow, PartyMemberRow, DepartmentRow } from '../store.js';
import type { EntityReference } from '../../../lib/subgraph/references.js';
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

/** 共建单位，与一个或多个社区（村）结对。A co-building unit paired with one or more communities or villages. */
export type CoBuildingUnit = {
  __typename?: 'CoBuildingUnit';
  /** 共建单位 id。Co-building unit id. */
  id: Scalars['ID']['output'];
  /** 本单位的党支部。The unit's own party branch. */
  partyBranch?: Maybe<Organisation>;
};

/** 社区或村。A community or village. */
export type Community = {
  __typename?: 'Community';
  /** 社区（村）id。Community or village id. */
  id: Scalars['ID']['output'];
  /** 领导本社区的社区党委或村党总支。The community party committee or village general branch leading the community. */
  partyOrganisation?: Maybe<Organisation>;
};

/** 响应街道吹哨的区级职能部门。A district department that answers the street's whistle. */
export type Department = {
  __typename?: 'Department';
  /** 部门代码。Department code. */
  code: DepartmentCode;
  /** 部门 id。Department id. */
  id: Scalars['ID']['output'];
  /** 部门名称。Department name. */
  name: Scalars['String']['output'];
};

/** 职能部门代码。Department code. */
export type DepartmentCode =
  /** 民政。Civil affairs. */
  | 'CIVIL_AFFAIRS'
  /** 商务。Commerce. */
  | 'COMMERCE'
  /** 生态环境。Ecology and environment. */
  | 'ECOLOGY_ENVIRONMENT'
  /** 应急管理。Emergency management. */
  | 'EMERGENCY_MANAGEMENT'
  /** 消防救援。Fire and rescue. */
  | 'FIRE_RESCUE'
  /** 卫生健康。Health. */
  | 'HEALTH'
  /** 住房和城乡建设。Housing and urban-rural development. */
  | 'HOUSING'
  /** 市场监管。Market supervision. */
  | 'MARKET_SUPERVISION'
  /** 自然资源和规划。Natural resources and planning. */
  | 'NATURAL_RESOURCES'
  /** 公安。Police. */
  | 'POLICE'
  /** 税务。Taxation. */
  | 'TAXATION'
  /** 城市管理。Urban management. */
  | 'URBAN_MANAGEMENT';

/** 性别。Gender. */
export type Gender =
  /** 女。Female. */
  | 'FEMALE'
  /** 男。Male. */
  | 'MALE';

/** 网格，基层管理的基本单元。A grid, the cell of grassroots management. */
export type Grid = {
  __typename?: 'Grid';
  /** 网格 id。Grid id. */
  id: Scalars['ID']['output'];
  /** 本网格的党支部（一网格一支部）。The party branch of the grid (one grid, one branch). */
  partyBranch?: Maybe<Organisation>;
};

/** 微网格，50–100 户，由党小组带领。A micro-grid of 50–100 households, led by a party group. */
export type MicroGrid = {
  __typename?: 'MicroGrid';
  /** 微网格 id。Micro-grid id. */
  id: Scalars['ID']['output'];
  /** 本微网格的党小组。The party group of the micro-grid. */
  partyGroup?: Maybe<Organisation>;
};

/** 党组织，链条中的任一级。A party organisation at any level of the chain. */
export type Organisation = {
  __typename?: 'Organisation';
  /** 全部上级党组织，根在前。All organisations above this one, the root first. */
  ancestors: Array<Organisation>;
  /** 下级党组织，按 id 排序。Organisations one level down, ordered by id. */
  children: Array<Organisation>;
  /** 本党支部所属的共建单位。The co-building unit whose party branch this is. */
  coBuildingUnit?: Maybe<CoBuildingUnit>;
  /** 社区党组织所领导的社区。The community a community party organisation leads. */
  community?: Maybe<Community>;
  /** 网格党支部所在的网格。The grid a grid party branch leads. */
  grid?: Maybe<Grid>;
  /** 党组织 id。Organisation id. */
  id: Scalars['ID']['output'];
  /** 类别。Kind. */
  kind: OrganisationKind;
  /** 本组织及所有下级组织的党员人数。Party members of this organisation and of every organisation below it. */
  memberCount: Scalars['Int']['output'];
  /** 直属本组织的党员，按 id 排序；仅本组织链条上的工作人员（本社区、本网格、本单位）和街道管理员、区级平台可见，其他调用方为空页（人数见 memberCount）。Members belonging directly to this organisation, ordered by id; only the organisation's own chain (workers of its community or grid, members of its unit), STREET_ADMIN and DISTRICT_PLATFORM see them, an empty page for other callers (memberCount gives the number). */
  members: PartyMemberConnection;
  /** 微网格党小组所在的微网格。The micro-grid a micro-grid party group leads. */
  microGrid?: Maybe<MicroGrid>;
  /** 名称。Name. */
  name: Scalars['String']['output'];
  /** 上级党组织；街道党工委和共建单位党支部（隶属本单位）为 null。The organisation one level up; null for the street committee and for unit branches (led by their own unit). */
  parent?: Maybe<Organisation>;
  /** 书记或组长；空缺或调用方不可见（见 PartyMember）时为 null。The secretary or group leader; null when the post is vacant or the caller may not read them (see PartyMember). */
  secretary?: Maybe<PartyMember>;
  /** 所属街道（其党员亦属此街道）。The street the organisation belongs to (its members too). */
  street: Street;
};


/** 党组织，链条中的任一级。A party organisation at any level of the chain. */
export type OrganisationMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** 党组织分页结果。A page of party organisations. */
export type OrganisationConnection = {
  __typename?: 'OrganisationConnection';
  /** 本页的边（含游标）。The edges of this page, with cursors. */
  edges: Array<OrganisationEdge>;
  /** 本页的党组织。The organisations of this page. */
  nodes: Array<Organisation>;
  /** 分页信息。Page information. */
  pageInfo: PageInfo;
  /** 符合条件的总数。Total matching the filter. */
  totalCount: Scalars['Int']['output'];
};

/** 党组织分页中的一条边。An edge of an organisation page. */
export type OrganisationEdge = {
  __typename?: 'OrganisationEdge';
  /** 游标。Cursor. */
  cursor: Scalars['String']['output'];
  /** 党组织。The organisation. */
  node: Organisation;
};

/** 党组织筛选条件。Filter for party organisations. */
export type OrganisationFilter = {
  /** 类别。Kind. */
  kind?: InputMaybe<OrganisationKind>;
  /** 名称包含（不区分大小写）。Case-insensitive substring of the name. */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /** 只列此组织的直接下级。Direct children of this organisation only. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
};

/** 党组织类别。Kind of party organisation. */
export type OrganisationKind =
  /** 党员中心户，第五级。Party member central household, the fifth level. */
  | 'CENTRAL_HOUSEHOLD'
  /** 社区党委或村党总支。Community party committee or village general branch. */
  | 'COMMUNITY_PARTY_ORGANISATION'
  /** 功能型党支部，如退休党员、流动党员支部。Functional party branch, e.g. for retired or mobile members. */
  | 'FUNCTIONAL_BRANCH'
  /** 网格党支部，一网格一支部。Grid party branch: one per grid. */
  | 'GRID_PARTY_BRANCH'
  /** 微网格党小组，一微网格一小组。Micro-grid party group: one per micro-grid. */
  | 'MICRO_GRID_PARTY_GROUP'
  /** 两新组织党组织。Party organisation of new economic and social organisations. */
  | 'NEW_ECONOMY_ORGANISATION'
  /** 街道党工委，链条的根。Street party working committee, the root of the chain. */
  | 'STREET_PARTY_WORKING_COMMITTEE'
  /** 共建单位党支部。Party branch of a co-building unit. */
  | 'UNIT_PARTY_BRANCH';

/** Relay 分页信息。Relay page information. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** 本页最后一条的游标，作为 after 取下一页。Cursor of the last item of the page; pass it as after for the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** 是否还有下一页。Whether there is a next page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** 是否有上一页。Whether there is a previous page. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** 本页第一条的游标。Cursor of the first item of the page. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** 党员，仅本人组织链条和居住社区的工作人员、街道管理员、区级平台可见；姓名、电话、入党日期脱敏（张*明，*******1234，2015-**-**），持 pii:read 且在调用方范围内时明文。A party member, readable by the workers of the member's chain and of the community they live in, STREET_ADMIN and DISTRICT_PLATFORM; name, phone and joining date are masked (张*明, *******1234, 2015-**-**) unless the caller holds pii:read and the member is in its scope. */
export type PartyMember = {
  __typename?: 'PartyMember';
  /** 性别。Gender. */
  gender: Gender;
  /** 党员 id。Party member id. */
  id: Scalars['ID']['output'];
  /** 在职党员的工作单位（共建单位）。For in-service party members: the co-building unit they work for. */
  inServiceUnit?: Maybe<CoBuildingUnit>;
  /** 是否红网格带头人。Whether the member is a red-grid leader. */
  isGridLeader: Scalars['Boolean']['output'];
  /** 入党日期，YYYY-MM-DD（脱敏：只保留年份，如 2015-**-**）。The day the member joined the party, YYYY-MM-DD; masked to the year (e.g. 2015-**-**). */
  joinedOn: Scalars['String']['output'];
  /** 姓名（脱敏：保留首尾字）。Name, masked: first and last character kept. */
  name: Scalars['String']['output'];
  /** 所在党组织。The member's organisation. */
  organisation: Organisation;
  /** 手机号（脱敏：只保留后四位）。Phone, masked: only the last four digits kept. */
  phone: Scalars['String']['output'];
  /** 居住社区，在职党员到此报到（双报到）。The community the member lives in, where in-service members report. */
  residenceCommunity?: Maybe<Community>;
};

/** 党员分页结果；需要登录。A page of party members; needs a signed-in caller. */
export type PartyMemberConnection = {
  __typename?: 'PartyMemberConnection';
  /** 本页的边（含游标）。The edges of this page, with cursors. */
  edges: Array<PartyMemberEdge>;
  /** 本页的党员。The members of this page. */
  nodes: Array<PartyMember>;
  /** 分页信息。Page information. */
  pageInfo: PageInfo;
  /** 总数。Total count. */
  totalCount: Scalars['Int']['output'];
};

/** 党员分页中的一条边。An edge of a member page. */
export type PartyMemberEdge = {
  __typename?: 'PartyMemberEdge';
  /** 游标。Cursor. */
  cursor: Scalars['String']['output'];
  /** 党员。The member. */
  node: PartyMember;
};

/** 查询入口。The query root. */
export type Query = {
  __typename?: 'Query';
  /** 单个职能部门；id 不存在时为 null。One department; null when no such id exists. */
  department?: Maybe<Department>;
  /** 向街道报到的区级职能部门（街道吹哨、部门报到）。The district departments that report to the street (whistle and report). */
  departments?: Maybe<Array<Department>>;
  /** 单个党组织；id 不存在时为 null。One party organisation; null when no such id exists. */
  organisation?: Maybe<Organisation>;
  /** 按 id 排序的党组织分页列表。Party organisations ordered by id. */
  organisations?: Maybe<OrganisationConnection>;
  /** 单个党员；id 不存在或不在调用方可见范围（本人组织链条、居住社区，见 PartyMember）时为 null。One party member; null when no such id exists or the member is not the caller's to read (their chain or the community they live in, see PartyMember). */
  partyMember?: Maybe<PartyMember>;
};


/** 查询入口。The query root. */
export type QueryDepartmentArgs = {
  id: Scalars['ID']['input'];
};


/** 查询入口。The query root. */
export type QueryOrganisationArgs = {
  id: Scalars['ID']['input'];
};


/** 查询入口。The query root. */
export type QueryOrganisationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrganisationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** 查询入口。The query root. */
export type QueryPartyMemberArgs = {
  id: Scalars['ID']['input'];
};

/** 街道：本枢纽服务的基层治理单元之一。A street: one of the units of grassroots governance this hub serves. */
export type Street = {
  __typename?: 'Street';
  /** 街道 id。Street id. */
  id: Scalars['ID']['output'];
  /** 街道党工委；街道管理员只看到本街道的；未载入时为 null。The street's party working committee; a street admin sees its own street's only; null when none is loaded. */
  partyCommittee?: Maybe<Organisation>;
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
  Street: Street;
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
  Street:
    ( { __typename: 'Street' }
    & GraphQLRecursivePick<FederationTypes['Street'], {"id":true}> );
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
  Street: ResolverTypeWrapper<EntityReference>;
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
  Street: EntityReference;
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
  street?: Resolver<ResolversTypes['Street'], ParentType, ContextType>;
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
  departments?: Resolver<Maybe<Array<ResolversTypes['Department']>>, ParentType, ContextType>;
  organisation?: Resolver<Maybe<ResolversTypes['Organisation']>, ParentType, ContextType, RequireFields<QueryOrganisationArgs, 'id'>>;
  organisations?: Resolver<Maybe<ResolversTypes['OrganisationConnection']>, ParentType, ContextType, RequireFields<QueryOrganisationsArgs, 'first'>>;
  partyMember?: Resolver<Maybe<ResolversTypes['PartyMember']>, ParentType, ContextType, RequireFields<QueryPartyMemberArgs, 'id'>>;
};

export type StreetResolvers<ContextType = OrganisationsContext, ParentType extends ResolversParentTypes['Street'] = ResolversParentTypes['Street'], FederationReferenceType extends FederationReferenceTypes['Street'] = FederationReferenceTypes['Street']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Street']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  partyCommittee?: Resolver<Maybe<ResolversTypes['Organisation']>, ParentType, ContextType>;
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
  Street?: StreetResolvers<ContextType>;
};

