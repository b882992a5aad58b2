import type { GraphQLResolveInfo } from 'graphql';
import type { ResourceRow, DemandRow, DemandEventRow } from '../store.js';
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

/** One demand assigned to one resource. */
export type Allocation = {
  __typename?: 'Allocation';
  demand: Demand;
  explanation: MatchExplanation;
  resource: Resource;
  score: Scalars['Float']['output'];
};

/** How evenly a plan serves the communities in scope. */
export type AllocationFairness = {
  __typename?: 'AllocationFairness';
  /** Communities with at least one allocation. */
  communitiesReached: Scalars['Int']['output'];
  communitiesWithOpenDemands: Scalars['Int']['output'];
  /** Gini coefficient of served / open across communities (0 = even). */
  gini: Scalars['Float']['output'];
  /** Smallest served / open across communities. */
  minShare: Scalars['Float']['output'];
  /** Served demands counted up to each community's quota (its minimum share). */
  quotaUnitsServed: Scalars['Int']['output'];
  quotaUnitsTotal: Scalars['Int']['output'];
  served: Scalars['Int']['output'];
};

/** A batch allocation plan. */
export type AllocationPlan = {
  __typename?: 'AllocationPlan';
  allocations: Array<Allocation>;
  /** False when the allocations were dispatched. */
  dryRun: Scalars['Boolean']['output'];
  fairness: AllocationFairness;
  greedyFairness: AllocationFairness;
  /** Total score of the greedy baseline (best pairs first) on the same candidates. */
  greedyObjective: Scalars['Float']['output'];
  /** How the optimum was computed (exact over each demand's top candidates). */
  method: Scalars['String']['output'];
  /** Total score of the allocations (the third, least important part of the optimum). */
  objective: Scalars['Float']['output'];
  /** Open demands in scope left without a resource, by id. */
  unallocated: Array<Demand>;
};

export type AllocationScopeInput = {
  /** Actor recorded on the dispatches when dryRun is false. */
  actor?: InputMaybe<Scalars['String']['input']>;
  /** Candidates per demand considered by the solver (1–50, default 15). */
  candidatesPerDemand?: InputMaybe<Scalars['Int']['input']>;
  communityIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** An office (办事处): its communities, from the mapping resource-pools keeps. */
  officeId?: InputMaybe<Scalars['ID']['input']>;
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
  /** Orders (demands dispatched to the unit's resources), optionally of one status, ordered by id. */
  orders: Array<Demand>;
  /** Resources the unit provides to the pool, ordered by id. */
  resources: Array<Resource>;
};


export type CoBuildingUnitOrdersArgs = {
  status?: InputMaybe<DemandStatus>;
};

export type Community = {
  __typename?: 'Community';
  /** Demands raised in the community, optionally of one status, ordered by id. */
  demands: Array<Demand>;
  id: Scalars['ID']['output'];
  /** Number of demands of the community that are still OPEN (待派单). */
  openDemandCount: Scalars['Int']['output'];
  /** The community's OPEN demands (待派单), ordered by id. */
  openDemands: Array<Demand>;
  /** Resources that serve the community, ordered by id. */
  servedBy: Array<Resource>;
};


export type CommunityDemandsArgs = {
  status?: InputMaybe<DemandStatus>;
};

/** A demand (需求) raised in a community. */
export type Demand = {
  __typename?: 'Demand';
  /** Actions its current status allows, e.g. [ACCEPT, DECLINE, CANCEL, EXPIRE] when DISPATCHED. */
  allowedActions: Array<OrderAction>;
  category: ResourceCategory;
  community: Community;
  /** When the demand was raised, ISO-8601 in UTC. */
  createdAt: Scalars['String']['output'];
  description: Scalars['String']['output'];
  /** The grid the demand came from; null when it concerns the whole community. */
  grid?: Maybe<Grid>;
  id: Scalars['ID']['output'];
  /** Where the demand is, copied from its community at submission; null for old demands without one. */
  location?: Maybe<GeoPoint>;
  /** The residents' rating, 1–5; null until rated. */
  rating?: Maybe<Scalars['Int']['output']>;
  ratingComment?: Maybe<Scalars['String']['output']>;
  /** The resource it was dispatched to (派单对象); null until dispatched. */
  resource?: Maybe<Resource>;
  source: DemandSource;
  status: DemandStatus;
  /** Every step with its actor and time, oldest first. */
  timeline: Array<DemandEvent>;
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

/** One step of a demand's timeline. */
export type DemandEvent = {
  __typename?: 'DemandEvent';
  /** Who acted (a user id, or system:… for jobs). */
  actor: Scalars['String']['output'];
  /** Null for SUBMIT. */
  fromStatus?: Maybe<DemandStatus>;
  kind: DemandEventKind;
  note?: Maybe<Scalars['String']['output']>;
  /** ISO-8601 in UTC. */
  occurredAt: Scalars['String']['output'];
  /** The resource concerned (DISPATCH and later steps); null otherwise. */
  resource?: Maybe<Resource>;
  toStatus: DemandStatus;
};

/** What a timeline entry records. */
export type DemandEventKind =
  | 'ACCEPT'
  | 'CANCEL'
  | 'DECLINE'
  | 'DISPATCH'
  | 'EXPIRE'
  | 'FULFIL'
  | 'RATE'
  /** The demand was raised (点单). */
  | 'SUBMIT';

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

export type DispatchDemandInput = {
  actor: Scalars['String']['input'];
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  resourceId: Scalars['ID']['input'];
};

/** Why a resource cannot meet the demand. */
export type ExclusionReason =
  /** The provider does not serve the demand's community (not its service area). */
  | 'NOT_SERVING_COMMUNITY'
  /** All capacity of the current period is taken. */
  | 'NO_CAPACITY_LEFT'
  /** Farther than MATCH_MAX_DISTANCE_KM. */
  | 'TOO_FAR'
  | 'WRONG_CATEGORY';

/** A WGS-84 coordinate. */
export type GeoPoint = {
  __typename?: 'GeoPoint';
  lat: Scalars['Float']['output'];
  lng: Scalars['Float']['output'];
};

export type GeoPointInput = {
  lat: Scalars['Float']['input'];
  lng: Scalars['Float']['input'];
};

export type Grid = {
  __typename?: 'Grid';
  id: Scalars['ID']['output'];
};

/** A resource that can meet the demand, with its score. */
export type MatchCandidate = {
  __typename?: 'MatchCandidate';
  explanation: MatchExplanation;
  resource: Resource;
  /** Sum of the terms' contributions. */
  score: Scalars['Float']['output'];
};

/** A resource ruled out, with the deciding constraint. */
export type MatchExclusion = {
  __typename?: 'MatchExclusion';
  detail: Scalars['String']['output'];
  reason: ExclusionReason;
  resource: Resource;
};

/** Why a candidate scores what it does. */
export type MatchExplanation = {
  __typename?: 'MatchExplanation';
  /** One per term, in a fixed order: CATEGORY, DISTANCE, PAIRING, CREDIT, RATING, CAPACITY, FAIRNESS. */
  terms: Array<MatchTerm>;
};

/** Resources ranked for one demand. */
export type MatchResult = {
  __typename?: 'MatchResult';
  /** Best first. */
  candidates: Array<MatchCandidate>;
  demand: Demand;
  /** Resources of a fitting category or serving the demand's community that were ruled out, by resource id. */
  excluded: Array<MatchExclusion>;
};

/** One term of a match score. */
export type MatchTerm = {
  __typename?: 'MatchTerm';
  /** weight × value. */
  contribution: Scalars['Float']['output'];
  name: MatchTermName;
  /** The value in words, including when data from another subgraph was unavailable. */
  note: Scalars['String']['output'];
  /** 0–1. */
  value: Scalars['Float']['output'];
  /** From configuration (MATCH_WEIGHT_<NAME>). */
  weight: Scalars['Float']['output'];
};

/** What a match term measures. */
export type MatchTermName =
  /** Share of the resource's capacity left this period. */
  | 'CAPACITY'
  /** Same category 1, a related category 0.5. */
  | 'CATEGORY'
  /** The unit's duty credit / 200 (100, the base, is neutral 0.5). */
  | 'CREDIT'
  /** 1 / (1 + km / MATCH_DISTANCE_SCALE_KM) between the demand and the resource; 0.5 when either has no place. */
  | 'DISTANCE'
  /** 1 − the share of the resource's orders already gone to this community (spreads help across communities). */
  | 'FAIRNESS'
  /** 1 when the provider is a unit paired (结对) with the demand's community. */
  | 'PAIRING'
  /** The provider's ratings on its RATED orders (Bayesian mean, 3 stars neutral). */
  | 'RATING';

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * The provider accepts a DISPATCHED order (接单). Uses one unit of the resource's capacity in the current
   * period; fails with CAPACITY_EXHAUSTED, changing nothing, when none is left.
   */
  acceptOrder: Demand;
  /** Whoever raised it withdraws an OPEN, DISPATCHED or DECLINED demand (取消). */
  cancelDemand: Demand;
  /** The provider declines a DISPATCHED order (拒单); it returns to the dispatcher as DECLINED. */
  declineOrder: Demand;
  /** The community or grid branch dispatches an OPEN (or DECLINED) demand to a resource serving its community (派单). */
  dispatchDemand: Demand;
  /** Marks an OPEN, DISPATCHED or DECLINED demand as not met in time (过期), e.g. by a scheduler. */
  expireDemand: Demand;
  /** The provider reports an ACCEPTED order done (完成). */
  fulfilOrder: Demand;
  /**
   * Assigns many OPEN demands at once (批量派单): the optimum under the resources' remaining capacities of
   * (1) communities reached, (2) each community's minimum share, (3) total score — solved exactly by
   * min-cost flow over each demand's top candidates. With dryRun false the allocated demands are
   * dispatched in one transaction. Scope by communityIds or by officeId (the community → office
   * mapping this subgraph keeps), or both (intersection).
   */
  proposeAllocations: AllocationPlan;
  /** Residents rate a FULFILLED order (评单), 1–5 with a comment. */
  rateOrder: Demand;
  /** Residents or a grid raise a demand (点单); it starts OPEN. */
  submitDemand: Demand;
};


export type MutationAcceptOrderArgs = {
  input: OrderActionInput;
};


export type MutationCancelDemandArgs = {
  input: OrderActionInput;
};


export type MutationDeclineOrderArgs = {
  input: OrderActionInput;
};


export type MutationDispatchDemandArgs = {
  input: DispatchDemandInput;
};


export type MutationExpireDemandArgs = {
  input: OrderActionInput;
};


export type MutationFulfilOrderArgs = {
  input: OrderActionInput;
};


export type MutationProposeAllocationsArgs = {
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  scope: AllocationScopeInput;
};


export type MutationRateOrderArgs = {
  input: RateOrderInput;
};


export type MutationSubmitDemandArgs = {
  input: SubmitDemandInput;
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

/** A step of the order loop. */
export type OrderAction =
  /** 接单 */
  | 'ACCEPT'
  /** 取消 */
  | 'CANCEL'
  /** 拒单 */
  | 'DECLINE'
  /** 派单 */
  | 'DISPATCH'
  /** 过期 */
  | 'EXPIRE'
  /** 完成 */
  | 'FULFIL'
  /** 评单 */
  | 'RATE';

export type OrderActionInput = {
  actor: Scalars['String']['input'];
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
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
  /**
   * Resources ranked for one demand (供需对接), best first, each with its score explained term by term,
   * plus the resources that were ruled out and why. `first` (1–100, default 10) limits the candidates.
   * Null when no such demand exists.
   */
  matchCandidates?: Maybe<MatchResult>;
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


export type QueryMatchCandidatesArgs = {
  demandId: Scalars['ID']['input'];
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

export type RateOrderInput = {
  actor: Scalars['String']['input'];
  comment?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  /** 1 (very dissatisfied) – 5 (very satisfied). */
  rating: Scalars['Int']['input'];
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
  /** Capacity not yet used by accepted orders in the current period. */
  remainingCapacity: Scalars['Int']['output'];
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

export type SubmitDemandInput = {
  /** Who raises it (a user id). */
  actor: Scalars['String']['input'];
  category: ResourceCategory;
  communityId: Scalars['ID']['input'];
  description: Scalars['String']['input'];
  gridId?: InputMaybe<Scalars['ID']['input']>;
  /** Where the demand is (usually the community's location, as the front end knows it). */
  location?: InputMaybe<GeoPointInput>;
  source: DemandSource;
  title: Scalars['String']['input'];
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
  Allocation: ResolverTypeWrapper<Omit<Allocation, 'demand' | 'resource'> & { demand: ResolversTypes['Demand'], resource: ResolversTypes['Resource'] }>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  AllocationFairness: ResolverTypeWrapper<AllocationFairness>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AllocationPlan: ResolverTypeWrapper<Omit<AllocationPlan, 'allocations' | 'unallocated'> & { allocations: Array<ResolversTypes['Allocation']>, unallocated: Array<ResolversTypes['Demand']> }>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AllocationScopeInput: AllocationScopeInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Capacity: ResolverTypeWrapper<Capacity>;
  CapacityPeriod: CapacityPeriod;
  CoBuildingUnit: ResolverTypeWrapper<EntityReference>;
  Community: ResolverTypeWrapper<EntityReference>;
  Demand: ResolverTypeWrapper<DemandRow>;
  DemandConnection: ResolverTypeWrapper<Omit<DemandConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['DemandEdge']>, nodes: Array<ResolversTypes['Demand']> }>;
  DemandEdge: ResolverTypeWrapper<Omit<DemandEdge, 'node'> & { node: ResolversTypes['Demand'] }>;
  DemandEvent: ResolverTypeWrapper<DemandEventRow>;
  DemandEventKind: DemandEventKind;
  DemandFilter: DemandFilter;
  DemandSource: DemandSource;
  DemandStatus: DemandStatus;
  Department: ResolverTypeWrapper<EntityReference>;
  DispatchDemandInput: DispatchDemandInput;
  ExclusionReason: ExclusionReason;
  GeoPoint: ResolverTypeWrapper<GeoPoint>;
  GeoPointInput: GeoPointInput;
  Grid: ResolverTypeWrapper<EntityReference>;
  MatchCandidate: ResolverTypeWrapper<Omit<MatchCandidate, 'resource'> & { resource: ResolversTypes['Resource'] }>;
  MatchExclusion: ResolverTypeWrapper<Omit<MatchExclusion, 'resource'> & { resource: ResolversTypes['Resource'] }>;
  MatchExplanation: ResolverTypeWrapper<MatchExplanation>;
  MatchResult: ResolverTypeWrapper<Omit<MatchResult, 'candidates' | 'demand' | 'excluded'> & { candidates: Array<ResolversTypes['MatchCandidate']>, demand: ResolversTypes['Demand'], excluded: Array<ResolversTypes['MatchExclusion']> }>;
  MatchTerm: ResolverTypeWrapper<MatchTerm>;
  MatchTermName: MatchTermName;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OpeningHours: ResolverTypeWrapper<OpeningHours>;
  OrderAction: OrderAction;
  OrderActionInput: OrderActionInput;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RateOrderInput: RateOrderInput;
  Resource: ResolverTypeWrapper<ResourceRow>;
  ResourceCategory: ResourceCategory;
  ResourceConnection: ResolverTypeWrapper<Omit<ResourceConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['ResourceEdge']>, nodes: Array<ResolversTypes['Resource']> }>;
  ResourceEdge: ResolverTypeWrapper<Omit<ResourceEdge, 'node'> & { node: ResolversTypes['Resource'] }>;
  ResourceFilter: ResourceFilter;
  ResourceProvider: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['ResourceProvider']>;
  ResourceSource: ResourceSource;
  SubmitDemandInput: SubmitDemandInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Allocation: Omit<Allocation, 'demand' | 'resource'> & { demand: ResolversParentTypes['Demand'], resource: ResolversParentTypes['Resource'] };
  Float: Scalars['Float']['output'];
  AllocationFairness: AllocationFairness;
  Int: Scalars['Int']['output'];
  AllocationPlan: Omit<AllocationPlan, 'allocations' | 'unallocated'> & { allocations: Array<ResolversParentTypes['Allocation']>, unallocated: Array<ResolversParentTypes['Demand']> };
  Boolean: Scalars['Boolean']['output'];
  String: Scalars['String']['output'];
  AllocationScopeInput: AllocationScopeInput;
  ID: Scalars['ID']['output'];
  Capacity: Capacity;
  CoBuildingUnit: EntityReference;
  Community: EntityReference;
  Demand: DemandRow;
  DemandConnection: Omit<DemandConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['DemandEdge']>, nodes: Array<ResolversParentTypes['Demand']> };
  DemandEdge: Omit<DemandEdge, 'node'> & { node: ResolversParentTypes['Demand'] };
  DemandEvent: DemandEventRow;
  DemandFilter: DemandFilter;
  Department: EntityReference;
  DispatchDemandInput: DispatchDemandInput;
  GeoPoint: GeoPoint;
  GeoPointInput: GeoPointInput;
  Grid: EntityReference;
  MatchCandidate: Omit<MatchCandidate, 'resource'> & { resource: ResolversParentTypes['Resource'] };
  MatchExclusion: Omit<MatchExclusion, 'resource'> & { resource: ResolversParentTypes['Resource'] };
  MatchExplanation: MatchExplanation;
  MatchResult: Omit<MatchResult, 'candidates' | 'demand' | 'excluded'> & { candidates: Array<ResolversParentTypes['MatchCandidate']>, demand: ResolversParentTypes['Demand'], excluded: Array<ResolversParentTypes['MatchExclusion']> };
  MatchTerm: MatchTerm;
  Mutation: Record<PropertyKey, never>;
  OpeningHours: OpeningHours;
  OrderActionInput: OrderActionInput;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  RateOrderInput: RateOrderInput;
  Resource: ResourceRow;
  ResourceConnection: Omit<ResourceConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['ResourceEdge']>, nodes: Array<ResolversParentTypes['Resource']> };
  ResourceEdge: Omit<ResourceEdge, 'node'> & { node: ResolversParentTypes['Resource'] };
  ResourceFilter: ResourceFilter;
  ResourceProvider: ResolversUnionTypes<ResolversParentTypes>['ResourceProvider'];
  SubmitDemandInput: SubmitDemandInput;
};

export type AllocationResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['Allocation'] = ResolversParentTypes['Allocation']> = {
  demand?: Resolver<ResolversTypes['Demand'], ParentType, ContextType>;
  explanation?: Resolver<ResolversTypes['MatchExplanation'], ParentType, ContextType>;
  resource?: Resolver<ResolversTypes['Resource'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type AllocationFairnessResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['AllocationFairness'] = ResolversParentTypes['AllocationFairness']> = {
  communitiesReached?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  communitiesWithOpenDemands?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  gini?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  minShare?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  quotaUnitsServed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  quotaUnitsTotal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  served?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AllocationPlanResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['AllocationPlan'] = ResolversParentTypes['AllocationPlan']> = {
  allocations?: Resolver<Array<ResolversTypes['Allocation']>, ParentType, ContextType>;
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  fairness?: Resolver<ResolversTypes['AllocationFairness'], ParentType, ContextType>;
  greedyFairness?: Resolver<ResolversTypes['AllocationFairness'], ParentType, ContextType>;
  greedyObjective?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  objective?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  unallocated?: Resolver<Array<ResolversTypes['Demand']>, ParentType, ContextType>;
};

export type CapacityResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['Capacity'] = ResolversParentTypes['Capacity']> = {
  amount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['CapacityPeriod'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CoBuildingUnitResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['CoBuildingUnit'] = ResolversParentTypes['CoBuildingUnit'], FederationReferenceType extends FederationReferenceTypes['CoBuildingUnit'] = FederationReferenceTypes['CoBuildingUnit']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CoBuildingUnit']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  orders?: Resolver<Array<ResolversTypes['Demand']>, ParentType, ContextType, Partial<CoBuildingUnitOrdersArgs>>;
  resources?: Resolver<Array<ResolversTypes['Resource']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CommunityResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['Community'] = ResolversParentTypes['Community'], FederationReferenceType extends FederationReferenceTypes['Community'] = FederationReferenceTypes['Community']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Community']> | FederationReferenceType, FederationReferenceType, ContextType>;
  demands?: Resolver<Array<ResolversTypes['Demand']>, ParentType, ContextType, Partial<CommunityDemandsArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  openDemandCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  openDemands?: Resolver<Array<ResolversTypes['Demand']>, ParentType, ContextType>;
  servedBy?: Resolver<Array<ResolversTypes['Resource']>, ParentType, ContextType>;
};

export type DemandResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['Demand'] = ResolversParentTypes['Demand'], FederationReferenceType extends FederationReferenceTypes['Demand'] = FederationReferenceTypes['Demand']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Demand']> | FederationReferenceType, FederationReferenceType, ContextType>;
  allowedActions?: Resolver<Array<ResolversTypes['OrderAction']>, ParentType, ContextType>;
  category?: Resolver<ResolversTypes['ResourceCategory'], ParentType, ContextType>;
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  grid?: Resolver<Maybe<ResolversTypes['Grid']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['GeoPoint']>, ParentType, ContextType>;
  rating?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  ratingComment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resource?: Resolver<Maybe<ResolversTypes['Resource']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['DemandSource'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DemandStatus'], ParentType, ContextType>;
  timeline?: Resolver<Array<ResolversTypes['DemandEvent']>, ParentType, ContextType>;
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

export type DemandEventResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['DemandEvent'] = ResolversParentTypes['DemandEvent']> = {
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fromStatus?: Resolver<Maybe<ResolversTypes['DemandStatus']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['DemandEventKind'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  resource?: Resolver<Maybe<ResolversTypes['Resource']>, ParentType, ContextType>;
  toStatus?: Resolver<ResolversTypes['DemandStatus'], ParentType, ContextType>;
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

export type MatchCandidateResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['MatchCandidate'] = ResolversParentTypes['MatchCandidate']> = {
  explanation?: Resolver<ResolversTypes['MatchExplanation'], ParentType, ContextType>;
  resource?: Resolver<ResolversTypes['Resource'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type MatchExclusionResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['MatchExclusion'] = ResolversParentTypes['MatchExclusion']> = {
  detail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['ExclusionReason'], ParentType, ContextType>;
  resource?: Resolver<ResolversTypes['Resource'], ParentType, ContextType>;
};

export type MatchExplanationResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['MatchExplanation'] = ResolversParentTypes['MatchExplanation']> = {
  terms?: Resolver<Array<ResolversTypes['MatchTerm']>, ParentType, ContextType>;
};

export type MatchResultResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['MatchResult'] = ResolversParentTypes['MatchResult']> = {
  candidates?: Resolver<Array<ResolversTypes['MatchCandidate']>, ParentType, ContextType>;
  demand?: Resolver<ResolversTypes['Demand'], ParentType, ContextType>;
  excluded?: Resolver<Array<ResolversTypes['MatchExclusion']>, ParentType, ContextType>;
};

export type MatchTermResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['MatchTerm'] = ResolversParentTypes['MatchTerm']> = {
  contribution?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['MatchTermName'], ParentType, ContextType>;
  note?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  weight?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  acceptOrder?: Resolver<ResolversTypes['Demand'], ParentType, ContextType, RequireFields<MutationAcceptOrderArgs, 'input'>>;
  cancelDemand?: Resolver<ResolversTypes['Demand'], ParentType, ContextType, RequireFields<MutationCancelDemandArgs, 'input'>>;
  declineOrder?: Resolver<ResolversTypes['Demand'], ParentType, ContextType, RequireFields<MutationDeclineOrderArgs, 'input'>>;
  dispatchDemand?: Resolver<ResolversTypes['Demand'], ParentType, ContextType, RequireFields<MutationDispatchDemandArgs, 'input'>>;
  expireDemand?: Resolver<ResolversTypes['Demand'], ParentType, ContextType, RequireFields<MutationExpireDemandArgs, 'input'>>;
  fulfilOrder?: Resolver<ResolversTypes['Demand'], ParentType, ContextType, RequireFields<MutationFulfilOrderArgs, 'input'>>;
  proposeAllocations?: Resolver<ResolversTypes['AllocationPlan'], ParentType, ContextType, RequireFields<MutationProposeAllocationsArgs, 'dryRun' | 'scope'>>;
  rateOrder?: Resolver<ResolversTypes['Demand'], ParentType, ContextType, RequireFields<MutationRateOrderArgs, 'input'>>;
  submitDemand?: Resolver<ResolversTypes['Demand'], ParentType, ContextType, RequireFields<MutationSubmitDemandArgs, 'input'>>;
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
  matchCandidates?: Resolver<Maybe<ResolversTypes['MatchResult']>, ParentType, ContextType, RequireFields<QueryMatchCandidatesArgs, 'demandId' | 'first'>>;
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
  remainingCapacity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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
  Allocation?: AllocationResolvers<ContextType>;
  AllocationFairness?: AllocationFairnessResolvers<ContextType>;
  AllocationPlan?: AllocationPlanResolvers<ContextType>;
  Capacity?: CapacityResolvers<ContextType>;
  CoBuildingUnit?: CoBuildingUnitResolvers<ContextType>;
  Community?: CommunityResolvers<ContextType>;
  Demand?: DemandResolvers<ContextType>;
  DemandConnection?: DemandConnectionResolvers<ContextType>;
  DemandEdge?: DemandEdgeResolvers<ContextType>;
  DemandEvent?: DemandEventResolvers<ContextType>;
  Department?: DepartmentResolvers<ContextType>;
  GeoPoint?: GeoPointResolvers<ContextType>;
  Grid?: GridResolvers<ContextType>;
  MatchCandidate?: MatchCandidateResolvers<ContextType>;
  MatchExclusion?: MatchExclusionResolvers<ContextType>;
  MatchExplanation?: MatchExplanationResolvers<ContextType>;
  MatchResult?: MatchResultResolvers<ContextType>;
  MatchTerm?: MatchTermResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OpeningHours?: OpeningHoursResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Resource?: ResourceResolvers<ContextType>;
  ResourceConnection?: ResourceConnectionResolvers<ContextType>;
  ResourceEdge?: ResourceEdgeResolvers<ContextType>;
  ResourceProvider?: ResourceProviderResolvers<ContextType>;
};

