import type { GraphQLResolveInfo } from 'graphql';
import type { UnitRow, PairingRow, ServiceReportRow, CommitmentRow, CreditScoreParent, CreditEventRow } from '../store.js';
import type { CommitmentProgressParent } from '../resolvers/Agreement.js';
import type { EntityReference } from '../../../lib/references.js';
import type { CoBuildingContext } from '../context.js';
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

/** A contract-style co-building agreement (契约化共建协议). */
export type Agreement = {
  __typename?: 'Agreement';
  /** Progress of each structured commitment in its current period (today in China Standard Time, within the agreement). */
  commitmentProgress: Array<CommitmentProgress>;
  /** What the unit commits to (共建承诺), e.g. 每季度开展1次志愿服务. */
  commitments: Array<Scalars['String']['output']>;
  /** Last day in force (截止日期), YYYY-MM-DD. */
  endsOn: Scalars['String']['output'];
  /** First day in force (生效日期), YYYY-MM-DD. */
  startsOn: Scalars['String']['output'];
};

/** A co-building unit (共建单位) paired with one or more communities or villages. */
export type CoBuildingUnit = {
  __typename?: 'CoBuildingUnit';
  /** Street address (地址). */
  address: Scalars['String']['output'];
  /** The unit's contact person (联系人), masked. */
  contact: UnitContact;
  /** Duty credit score (履责信用积分): a base of 100 plus the valid events' deltas. */
  creditScore: CreditScore;
  id: Scalars['ID']['output'];
  kind: UnitKind;
  location: GeoPoint;
  /** Registered name (单位名称). */
  name: Scalars['String']['output'];
  /** The unit's pairings (结对共建), ordered by id. */
  pairings: Array<Pairing>;
  /** Hours of verified service reports (已核实服务时长). */
  serviceHours: Scalars['Float']['output'];
  /** Service reports (服务记录) by the unit and its in-service party members, ordered by id. `first` is 0–100. */
  serviceReports: ServiceReportConnection;
};


/** A co-building unit (共建单位) paired with one or more communities or villages. */
export type CoBuildingUnitServiceReportsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type CoBuildingUnitConnection = {
  __typename?: 'CoBuildingUnitConnection';
  edges: Array<CoBuildingUnitEdge>;
  nodes: Array<CoBuildingUnit>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type CoBuildingUnitEdge = {
  __typename?: 'CoBuildingUnitEdge';
  cursor: Scalars['String']['output'];
  node: CoBuildingUnit;
};

export type CoBuildingUnitFilter = {
  /** Units paired with this community or village. */
  communityId?: InputMaybe<Scalars['ID']['input']>;
  kind?: InputMaybe<UnitKind>;
  /** Case-insensitive substring of the name. */
  nameContains?: InputMaybe<Scalars['String']['input']>;
};

/** A structured commitment (承诺) of an agreement. */
export type Commitment = {
  __typename?: 'Commitment';
  kind: CommitmentKind;
  /** The target applies to each in-service member (每名党员). */
  perMember: Scalars['Boolean']['output'];
  period: CommitmentPeriod;
  target: Scalars['Float']['output'];
  /** As written in the agreement. */
  text: Scalars['String']['output'];
  unitOfMeasure: UnitOfMeasure;
};

/** What a commitment is about. */
export type CommitmentKind =
  /** Money donated. */
  | 'DONATION'
  /** Micro-wishes adopted (认领微心愿); fulfilled orders live in resource-pools. */
  | 'MICRO_WISHES_ADOPTED'
  /** Anything the hub cannot measure yet. */
  | 'OTHER'
  /** Verified service activities (reports). */
  | 'SERVICE_ACTIVITIES'
  /** Hours of verified service. */
  | 'SERVICE_HOURS';

/** The period a commitment's target applies to. */
export type CommitmentPeriod =
  /** The agreement's whole term. */
  | 'AGREEMENT'
  | 'HALF_YEAR'
  | 'MONTH'
  | 'QUARTER'
  | 'YEAR';

/** How far a commitment is in its current period. */
export type CommitmentProgress = {
  __typename?: 'CommitmentProgress';
  /** Achieved so far; null when the hub cannot know yet (order-based or free-text commitments). */
  achieved?: Maybe<Scalars['Float']['output']>;
  commitment: Commitment;
  /** Whether the target is reached; null when unknown. */
  met?: Maybe<Scalars['Boolean']['output']>;
  /** YYYY-MM-DD */
  periodEndsOn: Scalars['String']['output'];
  /** YYYY-MM-DD */
  periodStartsOn: Scalars['String']['output'];
  /** achieved / target, capped at 1; null when unknown. */
  ratio?: Maybe<Scalars['Float']['output']>;
  /** The target for the period (times the reporting members when per member). */
  target: Scalars['Float']['output'];
};

export type Community = {
  __typename?: 'Community';
  id: Scalars['ID']['output'];
  /** Co-building pairings (结对共建) of the community, ordered by id. */
  pairings: Array<Pairing>;
};

/** One event of a unit's duty credit. */
export type CreditEvent = {
  __typename?: 'CreditEvent';
  delta: Scalars['Float']['output'];
  /** ISO 8601. */
  occurredAt: Scalars['String']['output'];
  /** The rating, for RATING_RECEIVED. */
  rating?: Maybe<Scalars['Int']['output']>;
  reason: CreditReason;
  /** The record that caused the event. */
  source: CreditEventSource;
  /** Whether it counts now. */
  valid: Scalars['Boolean']['output'];
  /** ISO 8601; the event stops counting then. */
  validUntil: Scalars['String']['output'];
};

/** The record behind a credit event, possibly in another subgraph (e.g. grids / Incident / incident-000042). */
export type CreditEventSource = {
  __typename?: 'CreditEventSource';
  id: Scalars['ID']['output'];
  subgraph: Scalars['String']['output'];
  type: Scalars['String']['output'];
};

export type CreditEventSourceInput = {
  id: Scalars['ID']['input'];
  subgraph: Scalars['String']['input'];
  type: Scalars['String']['input'];
};

/** Why a unit's credit moved. */
export type CreditReason =
  /** An agreement commitment was met for its period. */
  | 'COMMITMENT_MET'
  /** An agreement commitment was missed for its period. */
  | 'COMMITMENT_MISSED'
  /** The unit's incident was resolved by its deadline. */
  | 'DEADLINE_KEPT'
  /** The unit's incident was resolved after its deadline. */
  | 'DEADLINE_MISSED'
  /** A resident rated work the unit answered for (1–5). */
  | 'RATING_RECEIVED';

/** A unit's duty credit score (履责信用积分), as of now. */
export type CreditScore = {
  __typename?: 'CreditScore';
  /** The score every unit starts from. */
  base: Scalars['Float']['output'];
  /** Every event, newest first, including expired ones (see `valid`). */
  history: Array<CreditEvent>;
  /** Base plus the deltas of the events valid now. */
  value: Scalars['Float']['output'];
};

/** A WGS-84 coordinate. */
export type GeoPoint = {
  __typename?: 'GeoPoint';
  lat: Scalars['Float']['output'];
  lng: Scalars['Float']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Internal, for other subgraphs' outbox relays (not in the gateway's API): records an event that
   * moves a unit's duty credit. Idempotent by (source, reason): a redelivered event returns the first
   * one with created = false and counts once.
   */
  recordCreditEvent: RecordCreditEventResult;
  /** Logs a service (服务记录), unverified until the community confirms it. A unit reports only to communities it is paired with. */
  submitServiceReport: ServiceReport;
  /** The community confirms a report (核实); only verified hours count. Verifying twice fails with ILLEGAL_TRANSITION. */
  verifyServiceReport: ServiceReport;
};


export type MutationRecordCreditEventArgs = {
  input: RecordCreditEventInput;
};


export type MutationSubmitServiceReportArgs = {
  input: SubmitServiceReportInput;
};


export type MutationVerifyServiceReportArgs = {
  input: VerifyServiceReportInput;
};

/** Relay page information. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A pairing (结对共建) of a co-building unit with a community or village. */
export type Pairing = {
  __typename?: 'Pairing';
  /** The co-building agreement (共建协议). */
  agreement: Agreement;
  community: Community;
  id: Scalars['ID']['output'];
  /** Derived from today's date in China Standard Time, unless the pairing was terminated. */
  status: PairingStatus;
  unit: CoBuildingUnit;
};

/** Where a pairing stands on a given day. */
export type PairingStatus =
  /** In force (履约中). */
  | 'ACTIVE'
  /** Ended at the agreed end date (已到期). */
  | 'EXPIRED'
  /** Signed, not started yet (待生效). */
  | 'PENDING'
  /** Ended early (已终止). */
  | 'TERMINATED';

export type PartyMember = {
  __typename?: 'PartyMember';
  id: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** One co-building unit; null when no such id exists. */
  coBuildingUnit?: Maybe<CoBuildingUnit>;
  /** Co-building units (共建单位), ordered by id. `first` is 0–100 (default 20). */
  coBuildingUnits: CoBuildingUnitConnection;
  /** One pairing (结对); null when no such id exists. */
  pairing?: Maybe<Pairing>;
  /** One service report; null when no such id exists. */
  serviceReport?: Maybe<ServiceReport>;
};


export type QueryCoBuildingUnitArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCoBuildingUnitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CoBuildingUnitFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPairingArgs = {
  id: Scalars['ID']['input'];
};


export type QueryServiceReportArgs = {
  id: Scalars['ID']['input'];
};

export type RecordCreditEventInput = {
  /** When it happened, ISO 8601. */
  occurredAt: Scalars['String']['input'];
  /** Required for RATING_RECEIVED. */
  rating?: InputMaybe<Scalars['Int']['input']>;
  reason: CreditReason;
  source: CreditEventSourceInput;
  unitId: Scalars['ID']['input'];
};

export type RecordCreditEventResult = {
  __typename?: 'RecordCreditEventResult';
  /** False when the event had been recorded before (a redelivery). */
  created: Scalars['Boolean']['output'];
  event: CreditEvent;
};

/** Who reported a service: the unit itself or one of its in-service party members. */
export type ReporterKind =
  /** In-service party member reporting to the community where they live (在职党员报到). */
  | 'IN_SERVICE_MEMBER'
  /** Unit reporting to a paired community (单位报到). */
  | 'UNIT';

/** A service report (服务记录): one activity done for a community. */
export type ServiceReport = {
  __typename?: 'ServiceReport';
  /** Activity (服务内容), e.g. 环境整治. */
  activity: Scalars['String']['output'];
  /** The community served (服务社区). */
  community: Community;
  /** Hours served (服务时长), in steps of half an hour. */
  hours: Scalars['Float']['output'];
  id: Scalars['ID']['output'];
  /** The in-service party member; set for IN_SERVICE_MEMBER reports only. */
  member?: Maybe<PartyMember>;
  reporter: ReporterKind;
  /** Day served (服务日期), YYYY-MM-DD. */
  servedOn: Scalars['String']['output'];
  unit: CoBuildingUnit;
  /** Whether the community has verified the report (已核实). */
  verified: Scalars['Boolean']['output'];
  /** When the community verified it, ISO 8601; null if not verified or verified before the hub kept the time. */
  verifiedAt?: Maybe<Scalars['String']['output']>;
};

export type ServiceReportConnection = {
  __typename?: 'ServiceReportConnection';
  edges: Array<ServiceReportEdge>;
  nodes: Array<ServiceReport>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ServiceReportEdge = {
  __typename?: 'ServiceReportEdge';
  cursor: Scalars['String']['output'];
  node: ServiceReport;
};

export type SubmitServiceReportInput = {
  /** Activity (服务内容), e.g. 环境整治. */
  activity: Scalars['String']['input'];
  communityId: Scalars['ID']['input'];
  /** Hours served, 0.5–24 in steps of half an hour. */
  hours: Scalars['Float']['input'];
  /** Required for IN_SERVICE_MEMBER reports, absent for UNIT reports. */
  memberId?: InputMaybe<Scalars['ID']['input']>;
  reporter: ReporterKind;
  /** Day served, YYYY-MM-DD, not in the future. */
  servedOn: Scalars['String']['input'];
  unitId: Scalars['ID']['input'];
};

/** A contact person (联系人); name and phone are masked (e.g. 张*明, 138****1234) to protect personal data. */
export type UnitContact = {
  __typename?: 'UnitContact';
  /** Masked name (姓名). */
  name: Scalars['String']['output'];
  /** Masked mobile phone number (手机号). */
  phone: Scalars['String']['output'];
};

/** What kind of organisation a co-building unit is. */
export type UnitKind =
  /** Government agency (机关单位). */
  | 'AGENCY'
  /** Hospital (医院). */
  | 'HOSPITAL'
  /** Private enterprise (非公企业). */
  | 'PRIVATE_ENTERPRISE'
  /** Property management company (物业企业). */
  | 'PROPERTY_COMPANY'
  /** School (学校). */
  | 'SCHOOL'
  /** Social organisation (社会组织). */
  | 'SOCIAL_ORGANISATION'
  /** State-owned enterprise (国有企业). */
  | 'STATE_ENTERPRISE';

/** The unit a commitment's target is counted in. */
export type UnitOfMeasure =
  | 'ACTIVITIES'
  | 'HOURS'
  | 'ITEMS'
  | 'MICRO_WISHES'
  | 'YUAN';

export type VerifyServiceReportInput = {
  id: Scalars['ID']['input'];
  /** Who verifies (a community worker's user id). */
  verifiedBy: Scalars['String']['input'];
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
  Pairing: Pairing;
  ServiceReport: ServiceReport;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  CoBuildingUnit:
    ( { __typename: 'CoBuildingUnit' }
    & GraphQLRecursivePick<FederationTypes['CoBuildingUnit'], {"id":true}> );
  Community:
    ( { __typename: 'Community' }
    & GraphQLRecursivePick<FederationTypes['Community'], {"id":true}> );
  Pairing:
    ( { __typename: 'Pairing' }
    & GraphQLRecursivePick<FederationTypes['Pairing'], {"id":true}> );
  ServiceReport:
    ( { __typename: 'ServiceReport' }
    & GraphQLRecursivePick<FederationTypes['ServiceReport'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Agreement: ResolverTypeWrapper<PairingRow>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  CoBuildingUnit: ResolverTypeWrapper<UnitRow>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CoBuildingUnitConnection: ResolverTypeWrapper<Omit<CoBuildingUnitConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['CoBuildingUnitEdge']>, nodes: Array<ResolversTypes['CoBuildingUnit']> }>;
  CoBuildingUnitEdge: ResolverTypeWrapper<Omit<CoBuildingUnitEdge, 'node'> & { node: ResolversTypes['CoBuildingUnit'] }>;
  CoBuildingUnitFilter: CoBuildingUnitFilter;
  Commitment: ResolverTypeWrapper<CommitmentRow>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CommitmentKind: CommitmentKind;
  CommitmentPeriod: CommitmentPeriod;
  CommitmentProgress: ResolverTypeWrapper<CommitmentProgressParent>;
  Community: ResolverTypeWrapper<EntityReference>;
  CreditEvent: ResolverTypeWrapper<CreditEventRow>;
  CreditEventSource: ResolverTypeWrapper<CreditEventSource>;
  CreditEventSourceInput: CreditEventSourceInput;
  CreditReason: CreditReason;
  CreditScore: ResolverTypeWrapper<CreditScoreParent>;
  GeoPoint: ResolverTypeWrapper<GeoPoint>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Pairing: ResolverTypeWrapper<PairingRow>;
  PairingStatus: PairingStatus;
  PartyMember: ResolverTypeWrapper<EntityReference>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordCreditEventInput: RecordCreditEventInput;
  RecordCreditEventResult: ResolverTypeWrapper<Omit<RecordCreditEventResult, 'event'> & { event: ResolversTypes['CreditEvent'] }>;
  ReporterKind: ReporterKind;
  ServiceReport: ResolverTypeWrapper<ServiceReportRow>;
  ServiceReportConnection: ResolverTypeWrapper<Omit<ServiceReportConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['ServiceReportEdge']>, nodes: Array<ResolversTypes['ServiceReport']> }>;
  ServiceReportEdge: ResolverTypeWrapper<Omit<ServiceReportEdge, 'node'> & { node: ResolversTypes['ServiceReport'] }>;
  SubmitServiceReportInput: SubmitServiceReportInput;
  UnitContact: ResolverTypeWrapper<UnitContact>;
  UnitKind: UnitKind;
  UnitOfMeasure: UnitOfMeasure;
  VerifyServiceReportInput: VerifyServiceReportInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Agreement: PairingRow;
  String: Scalars['String']['output'];
  CoBuildingUnit: UnitRow;
  ID: Scalars['ID']['output'];
  Float: Scalars['Float']['output'];
  Int: Scalars['Int']['output'];
  CoBuildingUnitConnection: Omit<CoBuildingUnitConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['CoBuildingUnitEdge']>, nodes: Array<ResolversParentTypes['CoBuildingUnit']> };
  CoBuildingUnitEdge: Omit<CoBuildingUnitEdge, 'node'> & { node: ResolversParentTypes['CoBuildingUnit'] };
  CoBuildingUnitFilter: CoBuildingUnitFilter;
  Commitment: CommitmentRow;
  Boolean: Scalars['Boolean']['output'];
  CommitmentProgress: CommitmentProgressParent;
  Community: EntityReference;
  CreditEvent: CreditEventRow;
  CreditEventSource: CreditEventSource;
  CreditEventSourceInput: CreditEventSourceInput;
  CreditScore: CreditScoreParent;
  GeoPoint: GeoPoint;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Pairing: PairingRow;
  PartyMember: EntityReference;
  Query: Record<PropertyKey, never>;
  RecordCreditEventInput: RecordCreditEventInput;
  RecordCreditEventResult: Omit<RecordCreditEventResult, 'event'> & { event: ResolversParentTypes['CreditEvent'] };
  ServiceReport: ServiceReportRow;
  ServiceReportConnection: Omit<ServiceReportConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['ServiceReportEdge']>, nodes: Array<ResolversParentTypes['ServiceReport']> };
  ServiceReportEdge: Omit<ServiceReportEdge, 'node'> & { node: ResolversParentTypes['ServiceReport'] };
  SubmitServiceReportInput: SubmitServiceReportInput;
  UnitContact: UnitContact;
  VerifyServiceReportInput: VerifyServiceReportInput;
};

export type AgreementResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['Agreement'] = ResolversParentTypes['Agreement']> = {
  commitmentProgress?: Resolver<Array<ResolversTypes['CommitmentProgress']>, ParentType, ContextType>;
  commitments?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  endsOn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startsOn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CoBuildingUnitResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['CoBuildingUnit'] = ResolversParentTypes['CoBuildingUnit'], FederationReferenceType extends FederationReferenceTypes['CoBuildingUnit'] = FederationReferenceTypes['CoBuildingUnit']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CoBuildingUnit']> | FederationReferenceType, FederationReferenceType, ContextType>;
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  contact?: Resolver<ResolversTypes['UnitContact'], ParentType, ContextType>;
  creditScore?: Resolver<ResolversTypes['CreditScore'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['UnitKind'], ParentType, ContextType>;
  location?: Resolver<ResolversTypes['GeoPoint'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pairings?: Resolver<Array<ResolversTypes['Pairing']>, ParentType, ContextType>;
  serviceHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  serviceReports?: Resolver<ResolversTypes['ServiceReportConnection'], ParentType, ContextType, RequireFields<CoBuildingUnitServiceReportsArgs, 'first'>>;
};

export type CoBuildingUnitConnectionResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['CoBuildingUnitConnection'] = ResolversParentTypes['CoBuildingUnitConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CoBuildingUnitEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['CoBuildingUnit']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CoBuildingUnitEdgeResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['CoBuildingUnitEdge'] = ResolversParentTypes['CoBuildingUnitEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['CoBuildingUnit'], ParentType, ContextType>;
};

export type CommitmentResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['Commitment'] = ResolversParentTypes['Commitment']> = {
  kind?: Resolver<ResolversTypes['CommitmentKind'], ParentType, ContextType>;
  perMember?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['CommitmentPeriod'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unitOfMeasure?: Resolver<ResolversTypes['UnitOfMeasure'], ParentType, ContextType>;
};

export type CommitmentProgressResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['CommitmentProgress'] = ResolversParentTypes['CommitmentProgress']> = {
  achieved?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  commitment?: Resolver<ResolversTypes['Commitment'], ParentType, ContextType>;
  met?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  periodEndsOn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  periodStartsOn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ratio?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  target?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type CommunityResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['Community'] = ResolversParentTypes['Community'], FederationReferenceType extends FederationReferenceTypes['Community'] = FederationReferenceTypes['Community']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Community']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  pairings?: Resolver<Array<ResolversTypes['Pairing']>, ParentType, ContextType>;
};

export type CreditEventResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['CreditEvent'] = ResolversParentTypes['CreditEvent']> = {
  delta?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rating?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['CreditReason'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['CreditEventSource'], ParentType, ContextType>;
  valid?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  validUntil?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CreditEventSourceResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['CreditEventSource'] = ResolversParentTypes['CreditEventSource']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  subgraph?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CreditScoreResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['CreditScore'] = ResolversParentTypes['CreditScore']> = {
  base?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['CreditEvent']>, ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type GeoPointResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['GeoPoint'] = ResolversParentTypes['GeoPoint']> = {
  lat?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lng?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  recordCreditEvent?: Resolver<ResolversTypes['RecordCreditEventResult'], ParentType, ContextType, RequireFields<MutationRecordCreditEventArgs, 'input'>>;
  submitServiceReport?: Resolver<ResolversTypes['ServiceReport'], ParentType, ContextType, RequireFields<MutationSubmitServiceReportArgs, 'input'>>;
  verifyServiceReport?: Resolver<ResolversTypes['ServiceReport'], ParentType, ContextType, RequireFields<MutationVerifyServiceReportArgs, 'input'>>;
};

export type PageInfoResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PairingResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['Pairing'] = ResolversParentTypes['Pairing'], FederationReferenceType extends FederationReferenceTypes['Pairing'] = FederationReferenceTypes['Pairing']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Pairing']> | FederationReferenceType, FederationReferenceType, ContextType>;
  agreement?: Resolver<ResolversTypes['Agreement'], ParentType, ContextType>;
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PairingStatus'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['CoBuildingUnit'], ParentType, ContextType>;
};

export type PartyMemberResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['PartyMember'] = ResolversParentTypes['PartyMember']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  coBuildingUnit?: Resolver<Maybe<ResolversTypes['CoBuildingUnit']>, ParentType, ContextType, RequireFields<QueryCoBuildingUnitArgs, 'id'>>;
  coBuildingUnits?: Resolver<ResolversTypes['CoBuildingUnitConnection'], ParentType, ContextType, RequireFields<QueryCoBuildingUnitsArgs, 'first'>>;
  pairing?: Resolver<Maybe<ResolversTypes['Pairing']>, ParentType, ContextType, RequireFields<QueryPairingArgs, 'id'>>;
  serviceReport?: Resolver<Maybe<ResolversTypes['ServiceReport']>, ParentType, ContextType, RequireFields<QueryServiceReportArgs, 'id'>>;
};

export type RecordCreditEventResultResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['RecordCreditEventResult'] = ResolversParentTypes['RecordCreditEventResult']> = {
  created?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  event?: Resolver<ResolversTypes['CreditEvent'], ParentType, ContextType>;
};

export type ServiceReportResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['ServiceReport'] = ResolversParentTypes['ServiceReport'], FederationReferenceType extends FederationReferenceTypes['ServiceReport'] = FederationReferenceTypes['ServiceReport']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ServiceReport']> | FederationReferenceType, FederationReferenceType, ContextType>;
  activity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  community?: Resolver<ResolversTypes['Community'], ParentType, ContextType>;
  hours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  member?: Resolver<Maybe<ResolversTypes['PartyMember']>, ParentType, ContextType>;
  reporter?: Resolver<ResolversTypes['ReporterKind'], ParentType, ContextType>;
  servedOn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['CoBuildingUnit'], ParentType, ContextType>;
  verified?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  verifiedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ServiceReportConnectionResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['ServiceReportConnection'] = ResolversParentTypes['ServiceReportConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ServiceReportEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ServiceReport']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ServiceReportEdgeResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['ServiceReportEdge'] = ResolversParentTypes['ServiceReportEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ServiceReport'], ParentType, ContextType>;
};

export type UnitContactResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['UnitContact'] = ResolversParentTypes['UnitContact']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = CoBuildingContext> = {
  Agreement?: AgreementResolvers<ContextType>;
  CoBuildingUnit?: CoBuildingUnitResolvers<ContextType>;
  CoBuildingUnitConnection?: CoBuildingUnitConnectionResolvers<ContextType>;
  CoBuildingUnitEdge?: CoBuildingUnitEdgeResolvers<ContextType>;
  Commitment?: CommitmentResolvers<ContextType>;
  CommitmentProgress?: CommitmentProgressResolvers<ContextType>;
  Community?: CommunityResolvers<ContextType>;
  CreditEvent?: CreditEventResolvers<ContextType>;
  CreditEventSource?: CreditEventSourceResolvers<ContextType>;
  CreditScore?: CreditScoreResolvers<ContextType>;
  GeoPoint?: GeoPointResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Pairing?: PairingResolvers<ContextType>;
  PartyMember?: PartyMemberResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RecordCreditEventResult?: RecordCreditEventResultResolvers<ContextType>;
  ServiceReport?: ServiceReportResolvers<ContextType>;
  ServiceReportConnection?: ServiceReportConnectionResolvers<ContextType>;
  ServiceReportEdge?: ServiceReportEdgeResolvers<ContextType>;
  UnitContact?: UnitContactResolvers<ContextType>;
};

