import type { GraphQLResolveInfo } from 'graphql';
import type { StreetRow, OfficeRow, CommunityRow, GridRow, MicroGridRow, IncidentRow, IncidentEventRow, IncidentRoutingRuleRow, IncidentStatsRow } from '../store.js';
import type { EntityReference } from '../../../lib/references.js';
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

export type CoBuildingUnit = {
  __typename?: 'CoBuildingUnit';
  id: Scalars['ID']['output'];
};

/** A community (社区) or village (村). */
export type Community = {
  __typename?: 'Community';
  /** The community's grids, optionally of one kind, ordered by id. */
  grids: Array<Grid>;
  households: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** Figures of the community's incident loop, as of now. */
  incidentStats: IncidentStats;
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

export type Department = {
  __typename?: 'Department';
  id: Scalars['ID']['output'];
  /** Incidents the department leads (牵头), ordered by id. `first` is 0–100. */
  incidents: IncidentConnection;
};


export type DepartmentIncidentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<IncidentStatus>;
};

/** Who handles an incident now: grid → community → street → district (吹哨升级). */
export type EscalationLevel =
  | 'COMMUNITY'
  | 'DISTRICT'
  | 'GRID'
  | 'STREET';

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
  /** Incidents reported in the grid, ordered by id. `first` is 0–100. */
  incidents: IncidentConnection;
  kind: GridKind;
  /** Micro-grids of the grid, ordered by id (dedicated grids have none). */
  microGrids: Array<MicroGrid>;
  name: Scalars['String']['output'];
};


/** A grid (网格), the cell of grassroots management. */
export type GridIncidentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<IncidentStatus>;
};

export type GridKind =
  /** Comprehensive grid (综合网格) of 300–500 households. */
  | 'COMPREHENSIVE'
  /** Dedicated grid (专属网格) for a school, hospital, business district or industrial park. */
  | 'DEDICATED';

/** An incident (事件) reported in a grid: the unit of the whistle-and-report loop. */
export type Incident = {
  __typename?: 'Incident';
  /** Actions legal in the current status. */
  allowedActions: Array<IncidentAction>;
  /** Departments that help (协办部门). */
  assistingDepartments: Array<Department>;
  category: IncidentCategory;
  channel: IncidentChannel;
  community: Community;
  /** Set once resolved: whether it was resolved by the deadline. */
  deadlineKept?: Maybe<Scalars['Boolean']['output']>;
  description: Scalars['String']['output'];
  /** The deadline, ISO 8601, extended by every pause for the resident (including a running one). */
  dueAt: Scalars['String']['output'];
  /** The open incident this one likely duplicates (50 m, same category, 7 days); null when none. */
  duplicateOf?: Maybe<Incident>;
  /** Incidents flagged as likely duplicates of this one, ordered by id. */
  duplicates: Array<Incident>;
  escalationLevel: EscalationLevel;
  grid: Grid;
  id: Scalars['ID']['output'];
  /** The department in charge (牵头部门). */
  leadDepartment: Department;
  location: GeoPoint;
  microGrid?: Maybe<MicroGrid>;
  /** Open and past its deadline. */
  overdue: Scalars['Boolean']['output'];
  /** Hours the clock has been paused for the resident so far. */
  pausedHours: Scalars['Float']['output'];
  photoUrls: Array<Scalars['String']['output']>;
  /** The resident's rating, 1–5; null until rated. */
  rating?: Maybe<Scalars['Int']['output']>;
  ratingComment?: Maybe<Scalars['String']['output']>;
  /** When it was reported, ISO 8601. */
  reportedAt: Scalars['String']['output'];
  /** Who reported it; name and phone are masked. */
  reporter: IncidentReporter;
  /** A co-building unit answerable for it (e.g. the compound's property company); its duty credit moves with the outcome. */
  responsibleUnit?: Maybe<CoBuildingUnit>;
  /** The department's reason for the latest return (退单理由). */
  returnReason?: Maybe<Scalars['String']['output']>;
  status: IncidentStatus;
  /** Every step with its actor and time, oldest first. */
  timeline: Array<IncidentEvent>;
};

/** An action on an incident; which are legal depends on its status (see `Incident.allowedActions`). */
export type IncidentAction =
  /** The department takes it (接单). */
  | 'ACCEPT'
  /** Close the case (结案). */
  | 'CLOSE'
  /** Send to the lead department (派单), per the routing rule unless overridden. */
  | 'DISPATCH'
  /** Hand to the next level up (grid → community → street → district). */
  | 'ESCALATE'
  /** The grid finds the result wanting; back to IN_PROGRESS. */
  | 'REJECT_RESOLUTION'
  /** The handler reports it done (办结). */
  | 'RESOLVE'
  /** The resident has answered; the clock runs again. */
  | 'RESUME'
  /** The department returns it (退单); needs a reason. */
  | 'RETURN'
  /** Handling starts (开始处置). */
  | 'START'
  /** The grid confirms the result on site (核查). */
  | 'VERIFY'
  /** Pause the deadline clock while waiting on the resident (e.g. to open the door). */
  | 'WAIT_FOR_RESIDENT';

/** What happened (事件类别); each category has a routing rule. */
export type IncidentCategory =
  /** Broken lift (电梯故障). */
  | 'BROKEN_LIFT'
  /** Blocked fire lane (消防通道堵塞). */
  | 'FIRE_LANE_BLOCKED'
  /** Illegal construction (违章搭建). */
  | 'ILLEGAL_CONSTRUCTION'
  /** Dispute between neighbours (邻里纠纷). */
  | 'NEIGHBOUR_DISPUTE'
  /** Noise (噪音扰民). */
  | 'NOISE'
  /** Anything else (其他). */
  | 'OTHER'
  /** Parking dispute (停车纠纷). */
  | 'PARKING_DISPUTE'
  /** Damaged road or pavement (道路破损). */
  | 'ROAD_DAMAGE'
  /** Safety hazard (安全隐患). */
  | 'SAFETY_HAZARD'
  /** Sanitation, litter, refuse (环境卫生). */
  | 'SANITATION'
  /** Unlicensed business (无证经营). */
  | 'UNLICENSED_BUSINESS';

/** Where a report came in. */
export type IncidentChannel =
  /** A grid worker's app (网格通). */
  | 'GRID_APP'
  /** The 12345 government hotline. */
  | 'HOTLINE_12345'
  /** The residents' mini-program (小程序). */
  | 'MINI_PROGRAM';

export type IncidentConnection = {
  __typename?: 'IncidentConnection';
  edges: Array<IncidentEdge>;
  nodes: Array<Incident>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type IncidentEdge = {
  __typename?: 'IncidentEdge';
  cursor: Scalars['String']['output'];
  node: Incident;
};

/** One step of an incident's timeline. */
export type IncidentEvent = {
  __typename?: 'IncidentEvent';
  /** Who did it (a user id, or system:escalation for the escalation job). */
  actor: Scalars['String']['output'];
  fromStatus?: Maybe<IncidentStatus>;
  /** What happened: REPORT, RATE or the action taken. */
  kind: Scalars['String']['output'];
  note?: Maybe<Scalars['String']['output']>;
  /** ISO 8601. */
  occurredAt: Scalars['String']['output'];
  toStatus: IncidentStatus;
};

export type IncidentFilter = {
  category?: InputMaybe<IncidentCategory>;
  communityId?: InputMaybe<Scalars['ID']['input']>;
  /** Only incidents open and past their deadline (true) or not (false). */
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  status?: InputMaybe<IncidentStatus>;
};

export type IncidentLocationInput = {
  lat: Scalars['Float']['input'];
  lng: Scalars['Float']['input'];
};

/** A reporter's contact, masked (e.g. 张*明, 138****1234). */
export type IncidentReporter = {
  __typename?: 'IncidentReporter';
  name: Scalars['String']['output'];
  phone?: Maybe<Scalars['String']['output']>;
};

export type IncidentReporterInput = {
  name: Scalars['String']['input'];
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** How a category is routed (事项转办). */
export type IncidentRoutingRule = {
  __typename?: 'IncidentRoutingRule';
  assistingDepartments: Array<Department>;
  category: IncidentCategory;
  /** Hours from report (and from each escalation) to the deadline. */
  deadlineHours: Scalars['Int']['output'];
  leadDepartment: Department;
};

export type IncidentRoutingRuleInput = {
  assistingDepartmentIds?: Array<Scalars['ID']['input']>;
  category: IncidentCategory;
  deadlineHours: Scalars['Int']['input'];
  leadDepartmentId: Scalars['ID']['input'];
};

/** Figures of a community's incident loop (闭环管理). */
export type IncidentStats = {
  __typename?: 'IncidentStats';
  /** Incidents closed in the last 30 days. */
  closedLast30Days: Scalars['Int']['output'];
  /** Median hours from report to close over all closed incidents; null when none is closed. */
  medianHoursToClose?: Maybe<Scalars['Float']['output']>;
  /** Incidents not yet resolved. */
  open: Scalars['Int']['output'];
  /** Open incidents past their deadline (pauses for the resident excluded). */
  overdue: Scalars['Int']['output'];
  /** Share of rated incidents rated 4 or 5 (满意率), 0–1; null when none is rated. */
  satisfaction?: Maybe<Scalars['Float']['output']>;
};

/** Where an incident stands in its loop. */
export type IncidentStatus =
  /** Accepted by the department (已接单). */
  | 'ACCEPTED'
  /** Closed (已结案). */
  | 'CLOSED'
  /** Sent to the lead department (已派单). */
  | 'DISPATCHED'
  /** Escalated to the next level (已升级). */
  | 'ESCALATED'
  /** Being handled (处置中). */
  | 'IN_PROGRESS'
  /** Reported, not dispatched yet (已上报). */
  | 'REPORTED'
  /** The handler reports it done (已办结). */
  | 'RESOLVED'
  /** Returned by the department as not theirs (退单), with a reason. */
  | 'RETURNED'
  /** The grid has checked the result (已核查). */
  | 'VERIFIED'
  /** Waiting on the resident (等待群众); the deadline clock is paused. */
  | 'WAITING_ON_RESIDENT';

/** A micro-grid (微网格) of 50–100 households, led by a party group. */
export type MicroGrid = {
  __typename?: 'MicroGrid';
  grid: Grid;
  households: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** The resident's rating (评价) of a resolved incident, once. */
  rateIncident: Incident;
  /**
   * Reports an incident (信息采报) in a grid or micro-grid. It is routed by its category's rule and
   * flagged as a likely duplicate (`duplicateOf`) when an open incident of the same category was
   * reported within 50 m in the last 7 days; duplicates are linked, never merged.
   */
  reportIncident: Incident;
  /** Creates or replaces the routing rule of a category; applies to incidents dispatched afterwards. */
  setIncidentRoutingRule: IncidentRoutingRule;
  /**
   * Moves an incident along its loop. An action its status does not allow fails with
   * ILLEGAL_TRANSITION and changes nothing.
   */
  transitionIncident: Incident;
};


export type MutationRateIncidentArgs = {
  input: RateIncidentInput;
};


export type MutationReportIncidentArgs = {
  input: ReportIncidentInput;
};


export type MutationSetIncidentRoutingRuleArgs = {
  input: IncidentRoutingRuleInput;
};


export type MutationTransitionIncidentArgs = {
  input: TransitionIncidentInput;
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
  /** One incident (事件); null when no such id exists. */
  incident?: Maybe<Incident>;
  /** How each incident category is routed (事项转办规则). */
  incidentRoutingRules: Array<IncidentRoutingRule>;
  /** Incidents, newest id last. `first` is 0–100 (default 20). */
  incidents: IncidentConnection;
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


export type QueryIncidentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryIncidentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IncidentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMicroGridArgs = {
  id: Scalars['ID']['input'];
};

export type RateIncidentInput = {
  actor: Scalars['String']['input'];
  comment?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  /** 1 (very dissatisfied) – 5 (very satisfied). */
  rating: Scalars['Int']['input'];
};

export type ReportIncidentInput = {
  /** Who records the report (user id of the grid worker or system); defaults to the channel. */
  actor?: InputMaybe<Scalars['String']['input']>;
  category: IncidentCategory;
  channel: IncidentChannel;
  description: Scalars['String']['input'];
  /** The grid; give this or `microGridId`. */
  gridId?: InputMaybe<Scalars['ID']['input']>;
  location: IncidentLocationInput;
  /** The micro-grid; its grid is taken from it. */
  microGridId?: InputMaybe<Scalars['ID']['input']>;
  photoUrls?: InputMaybe<Array<Scalars['String']['input']>>;
  reporter: IncidentReporterInput;
  /** A co-building unit answerable for the incident, e.g. a PROPERTY_COMPANY for an issue inside its compound. */
  responsibleUnitId?: InputMaybe<Scalars['ID']['input']>;
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

export type TransitionIncidentInput = {
  action: IncidentAction;
  /** Who acts (a user id). */
  actor: Scalars['String']['input'];
  id: Scalars['ID']['input'];
  /** DISPATCH only: overrides the routing rule's lead department. */
  leadDepartmentId?: InputMaybe<Scalars['ID']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
  /** Required for RETURN (退单理由). */
  reason?: InputMaybe<Scalars['String']['input']>;
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
  Department: Department;
  Grid: Grid;
  Incident: Incident;
  MicroGrid: MicroGrid;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Community:
    ( { __typename: 'Community' }
    & GraphQLRecursivePick<FederationTypes['Community'], {"id":true}> );
  Department:
    ( { __typename: 'Department' }
    & GraphQLRecursivePick<FederationTypes['Department'], {"id":true}> );
  Grid:
    ( { __typename: 'Grid' }
    & GraphQLRecursivePick<FederationTypes['Grid'], {"id":true}> );
  Incident:
    ( { __typename: 'Incident' }
    & GraphQLRecursivePick<FederationTypes['Incident'], {"id":true}> );
  MicroGrid:
    ( { __typename: 'MicroGrid' }
    & GraphQLRecursivePick<FederationTypes['MicroGrid'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  CoBuildingUnit: ResolverTypeWrapper<EntityReference>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Community: ResolverTypeWrapper<CommunityRow>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  CommunityConnection: ResolverTypeWrapper<Omit<CommunityConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['CommunityEdge']>, nodes: Array<ResolversTypes['Community']> }>;
  CommunityEdge: ResolverTypeWrapper<Omit<CommunityEdge, 'node'> & { node: ResolversTypes['Community'] }>;
  CommunityFilter: CommunityFilter;
  CommunityKind: CommunityKind;
  DedicatedGridKind: DedicatedGridKind;
  Department: ResolverTypeWrapper<EntityReference>;
  EscalationLevel: EscalationLevel;
  GeoPoint: ResolverTypeWrapper<GeoPoint>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Grid: ResolverTypeWrapper<GridRow>;
  GridKind: GridKind;
  Incident: ResolverTypeWrapper<IncidentRow>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  IncidentAction: IncidentAction;
  IncidentCategory: IncidentCategory;
  IncidentChannel: IncidentChannel;
  IncidentConnection: ResolverTypeWrapper<Omit<IncidentConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['IncidentEdge']>, nodes: Array<ResolversTypes['Incident']> }>;
  IncidentEdge: ResolverTypeWrapper<Omit<IncidentEdge, 'node'> & { node: ResolversTypes['Incident'] }>;
  IncidentEvent: ResolverTypeWrapper<IncidentEventRow>;
  IncidentFilter: IncidentFilter;
  IncidentLocationInput: IncidentLocationInput;
  IncidentReporter: ResolverTypeWrapper<IncidentReporter>;
  IncidentReporterInput: IncidentReporterInput;
  IncidentRoutingRule: ResolverTypeWrapper<IncidentRoutingRuleRow>;
  IncidentRoutingRuleInput: IncidentRoutingRuleInput;
  IncidentStats: ResolverTypeWrapper<IncidentStatsRow>;
  IncidentStatus: IncidentStatus;
  MicroGrid: ResolverTypeWrapper<MicroGridRow>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Office: ResolverTypeWrapper<OfficeRow>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RateIncidentInput: RateIncidentInput;
  ReportIncidentInput: ReportIncidentInput;
  Street: ResolverTypeWrapper<StreetRow>;
  TransitionIncidentInput: TransitionIncidentInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  CoBuildingUnit: EntityReference;
  ID: Scalars['ID']['output'];
  Community: CommunityRow;
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
  CommunityConnection: Omit<CommunityConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['CommunityEdge']>, nodes: Array<ResolversParentTypes['Community']> };
  CommunityEdge: Omit<CommunityEdge, 'node'> & { node: ResolversParentTypes['Community'] };
  CommunityFilter: CommunityFilter;
  Department: EntityReference;
  GeoPoint: GeoPoint;
  Float: Scalars['Float']['output'];
  Grid: GridRow;
  Incident: IncidentRow;
  Boolean: Scalars['Boolean']['output'];
  IncidentConnection: Omit<IncidentConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['IncidentEdge']>, nodes: Array<ResolversParentTypes['Incident']> };
  IncidentEdge: Omit<IncidentEdge, 'node'> & { node: ResolversParentTypes['Incident'] };
  IncidentEvent: IncidentEventRow;
  IncidentFilter: IncidentFilter;
  IncidentLocationInput: IncidentLocationInput;
  IncidentReporter: IncidentReporter;
  IncidentReporterInput: IncidentReporterInput;
  IncidentRoutingRule: IncidentRoutingRuleRow;
  IncidentRoutingRuleInput: IncidentRoutingRuleInput;
  IncidentStats: IncidentStatsRow;
  MicroGrid: MicroGridRow;
  Mutation: Record<PropertyKey, never>;
  Office: OfficeRow;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  RateIncidentInput: RateIncidentInput;
  ReportIncidentInput: ReportIncidentInput;
  Street: StreetRow;
  TransitionIncidentInput: TransitionIncidentInput;
};

export type CoBuildingUnitResolvers<ContextType = GridsContext, ParentType extends ResolversParentTypes['CoBuildingUnit'] = ResolversParentTypes['CoBuildingUnit']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type CommunityResolvers<ContextType = GridsContext, ParentType extends ResolversParentTypes['Community'] = ResolversParentTypes['Community'], FederationReferenceType extends FederationReferenceTypes['Community'] = FederationReferenceTypes['Community']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Community']> | FederationReferenceType, FederationReferenceType, ContextType>;
  grids?: Resolver<Array<ResolversTypes['Grid']>, ParentType, ContextType, Partial<CommunityGridsArgs>>;
  households?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  incidentStats?: Resolver<ResolversTypes['IncidentStats'], ParentType, ContextType>;
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

export type DepartmentResolvers<ContextType = GridsContext, ParentType extends ResolversParentTypes['Department'] = ResolversParentTypes['Department'], FederationReferenceType extends FederationReferenceTypes['Department'] = FederationReferenceTypes['Department']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Department']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  incidents?: Resolver<ResolversTypes['IncidentConnection'], ParentType, ContextType, RequireFields<DepartmentIncidentsArgs, 'first'>>;
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
  incidents?: Resolver<ResolversTypes['IncidentConnection'], ParentType, ContextType, RequireFields<GridIncidentsArgs, 'first'>>;
  kind?: Resolver<ResolversTypes['GridKind'], ParentType, ContextType>;
  microGrids?: Resolver<Array<ResolversTypes['MicroGrid']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type IncidentResolvers<ContextType = GridsContext, ParentType extends ResolversParentTypes['Incident'] = ResolversParentTypes['Incident'], FederationReferenceType extends FederationReferenceTypes['Incident'] = FederationReferenceTypes['Incident']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Incident']> | FederationReferenceType, FederationReferenceType, ContextType>;
  allowedActions?: Resolver<Array<ResolversTypes['IncidentAction']>, ParentType, ContextType>;
  assistingDepartments?: Resolver<Array<ResolversTypes['Department']>, ParentType, ContextType>;
  category?: Resolver<ResolversTypes['IncidentCategory'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['IncidentChannel'], ParentType, ContextType>;
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  deadlineKept?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dueAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  duplicateOf?: Resolver<Maybe<ResolversTypes['Incident']>, ParentType, ContextType>;
  duplicates?: Resolver<Array<ResolversTypes['Incident']>, ParentType, ContextType>;
  escalationLevel?: Resolver<ResolversTypes['EscalationLevel'], ParentType, ContextType>;
  grid?: Resolver<ResolversTypes['Grid'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  leadDepartment?: Resolver<ResolversTypes['Department'], ParentType, ContextType>;
  location?: Resolver<ResolversTypes['GeoPoint'], ParentType, ContextType>;
  microGrid?: Resolver<Maybe<ResolversTypes['MicroGrid']>, ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  pausedHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  photoUrls?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  rating?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  ratingComment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reportedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reporter?: Resolver<ResolversTypes['IncidentReporter'], ParentType, ContextType>;
  responsibleUnit?: Resolver<Maybe<ResolversTypes['CoBuildingUnit']>, ParentType, ContextType>;
  returnReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['IncidentStatus'], ParentType, ContextType>;
  timeline?: Resolver<Array<ResolversTypes['IncidentEvent']>, ParentType, ContextType>;
};

export type IncidentConnectionResolvers<ContextType = GridsContext, ParentType extends ResolversParentTypes['IncidentConnection'] = ResolversParentTypes['IncidentConnection']> = {
  edges?: Resolver<Array<ResolversTypes['IncidentEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Incident']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type IncidentEdgeResolvers<ContextType = GridsContext, ParentType extends ResolversParentTypes['IncidentEdge'] = ResolversParentTypes['IncidentEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Incident'], ParentType, ContextType>;
};

export type IncidentEventResolvers<ContextType = GridsContext, ParentType extends ResolversParentTypes['IncidentEvent'] = ResolversParentTypes['IncidentEvent']> = {
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fromStatus?: Resolver<Maybe<ResolversTypes['IncidentStatus']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  toStatus?: Resolver<ResolversTypes['IncidentStatus'], ParentType, ContextType>;
};

export type IncidentReporterResolvers<ContextType = GridsContext, ParentType extends ResolversParentTypes['IncidentReporter'] = ResolversParentTypes['IncidentReporter']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type IncidentRoutingRuleResolvers<ContextType = GridsContext, ParentType extends ResolversParentTypes['IncidentRoutingRule'] = ResolversParentTypes['IncidentRoutingRule']> = {
  assistingDepartments?: Resolver<Array<ResolversTypes['Department']>, ParentType, ContextType>;
  category?: Resolver<ResolversTypes['IncidentCategory'], ParentType, ContextType>;
  deadlineHours?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  leadDepartment?: Resolver<ResolversTypes['Department'], ParentType, ContextType>;
};

export type IncidentStatsResolvers<ContextType = GridsContext, ParentType extends ResolversParentTypes['IncidentStats'] = ResolversParentTypes['IncidentStats']> = {
  closedLast30Days?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  medianHoursToClose?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  satisfaction?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type MicroGridResolvers<ContextType = GridsContext, ParentType extends ResolversParentTypes['MicroGrid'] = ResolversParentTypes['MicroGrid'], FederationReferenceType extends FederationReferenceTypes['MicroGrid'] = FederationReferenceTypes['MicroGrid']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['MicroGrid']> | FederationReferenceType, FederationReferenceType, ContextType>;
  grid?: Resolver<ResolversTypes['Grid'], ParentType, ContextType>;
  households?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GridsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  rateIncident?: Resolver<ResolversTypes['Incident'], ParentType, ContextType, RequireFields<MutationRateIncidentArgs, 'input'>>;
  reportIncident?: Resolver<ResolversTypes['Incident'], ParentType, ContextType, RequireFields<MutationReportIncidentArgs, 'input'>>;
  setIncidentRoutingRule?: Resolver<ResolversTypes['IncidentRoutingRule'], ParentType, ContextType, RequireFields<MutationSetIncidentRoutingRuleArgs, 'input'>>;
  transitionIncident?: Resolver<ResolversTypes['Incident'], ParentType, ContextType, RequireFields<MutationTransitionIncidentArgs, 'input'>>;
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
  incident?: Resolver<Maybe<ResolversTypes['Incident']>, ParentType, ContextType, RequireFields<QueryIncidentArgs, 'id'>>;
  incidentRoutingRules?: Resolver<Array<ResolversTypes['IncidentRoutingRule']>, ParentType, ContextType>;
  incidents?: Resolver<ResolversTypes['IncidentConnection'], ParentType, ContextType, RequireFields<QueryIncidentsArgs, 'first'>>;
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
  CoBuildingUnit?: CoBuildingUnitResolvers<ContextType>;
  Community?: CommunityResolvers<ContextType>;
  CommunityConnection?: CommunityConnectionResolvers<ContextType>;
  CommunityEdge?: CommunityEdgeResolvers<ContextType>;
  Department?: DepartmentResolvers<ContextType>;
  GeoPoint?: GeoPointResolvers<ContextType>;
  Grid?: GridResolvers<ContextType>;
  Incident?: IncidentResolvers<ContextType>;
  IncidentConnection?: IncidentConnectionResolvers<ContextType>;
  IncidentEdge?: IncidentEdgeResolvers<ContextType>;
  IncidentEvent?: IncidentEventResolvers<ContextType>;
  IncidentReporter?: IncidentReporterResolvers<ContextType>;
  IncidentRoutingRule?: IncidentRoutingRuleResolvers<ContextType>;
  IncidentStats?: IncidentStatsResolvers<ContextType>;
  MicroGrid?: MicroGridResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Office?: OfficeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Street?: StreetResolvers<ContextType>;
};

