import type { GraphQLResolveInfo } from 'graphql';
import type { UnitRow, PairingRow, ServiceReportRow, CommitmentRow, CreditScoreParent, CreditEventRow } from '../store.js';
import type { CommitmentProgressParent } from '../resolvers/Agreement.js';
import type { EntityReference } from '../../../lib/subgraph/references.js';
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

/** 契约化共建协议。A contract-style co-building agreement. */
export type Agreement = {
  __typename?: 'Agreement';
  /** 各结构化承诺在当前周期（按中国标准时间的今天，在协议期内）的进度。Progress of each structured commitment in its current period (today in China Standard Time, within the agreement). */
  commitmentProgress: Array<CommitmentProgress>;
  /** 共建承诺原文，如“每季度开展1次志愿服务”；其中的电话和证件号码脱敏。What the unit commits to, as written (e.g. 每季度开展1次志愿服务); phone and ID numbers in it are masked. */
  commitments: Array<Scalars['String']['output']>;
  /** 截止日期，YYYY-MM-DD。Last day in force, YYYY-MM-DD. */
  endsOn: Scalars['String']['output'];
  /** 生效日期，YYYY-MM-DD。First day in force, YYYY-MM-DD. */
  startsOn: Scalars['String']['output'];
};

/** 审计日志的一条：一次变更字段的执行。One audit log entry: one mutation field run. */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** 条目 id（在本子图内递增）。Entry id (increasing within the subgraph). */
  id: Scalars['ID']['output'];
  /** 变更字段名。The mutation field. */
  mutation: Scalars['String']['output'];
  /** 发生时间（ISO 8601）。When it happened (ISO 8601). */
  occurredAt: Scalars['String']['output'];
  /** 客户端的操作名。The client's operation name. */
  operationName?: Maybe<Scalars['String']['output']>;
  /** 结果：OK 或拒绝时的错误码（FORBIDDEN、ILLEGAL_TRANSITION …）。OK, or the error code it was refused with (FORBIDDEN, ILLEGAL_TRANSITION …). */
  outcome: Scalars['String']['output'];
  /** 请求 id（x-request-id）。The request id (x-request-id). */
  requestId?: Maybe<Scalars['String']['output']>;
  /** 返回对象的 id（变更之后的对象）。Ids of what it returned (what it created or changed). */
  resultIds: Array<Scalars['ID']['output']>;
  /** 调用方角色。The caller's role. */
  role: Scalars['String']['output'];
  /** 调用方（令牌 sub，或 system:…）。The caller (token subject, or system:…). */
  subject: Scalars['String']['output'];
  /** 参数中指明的 id（变更之前的对象）。Ids named in the arguments (what it was aimed at). */
  targetIds: Array<Scalars['ID']['output']>;
};

/** 共建单位，与一个或多个社区（村）结对。A co-building unit paired with one or more communities or villages. */
export type CoBuildingUnit = {
  __typename?: 'CoBuildingUnit';
  /** 地址。Street address. */
  address: Scalars['String']['output'];
  /** 单位联系人（脱敏）。The unit's contact person, masked. */
  contact: UnitContact;
  /** 履责信用积分：基础分 100 加有效事件的增减。Duty credit score: a base of 100 plus the valid events' deltas. */
  creditScore: CreditScore;
  /** 共建单位 id。Co-building unit id. */
  id: Scalars['ID']['output'];
  /** 单位类别。Kind of unit. */
  kind: UnitKind;
  /** 单位位置。Where the unit is. */
  location: GeoPoint;
  /** 单位名称（登记名称）。Registered name. */
  name: Scalars['String']['output'];
  /** 本单位的结对共建，按 id 排序。The unit's pairings, ordered by id. */
  pairings: Array<Pairing>;
  /** 服务的街道，含所在街道，按 id 排序：区级共建单位可服务多个街道。The streets the unit serves, its home street among them, ordered by id: a district-level unit may serve several. */
  servedStreets: Array<Street>;
  /** 已核实服务时长（小时）。Hours of verified service reports. */
  serviceHours: Scalars['Float']['output'];
  /** 本单位及其在职党员的服务记录，按 id 排序；需要登录，仅本单位成员、街道管理员和区级平台可见，其他调用方为空页。Service reports by the unit and its in-service party members, ordered by id; needs a signed-in caller; only the unit's members, STREET_ADMIN and DISTRICT_PLATFORM see them, an empty page for other callers. */
  serviceReports: ServiceReportConnection;
  /** 所在街道。The street the unit belongs to (its home street). */
  street: Street;
};


/** 共建单位，与一个或多个社区（村）结对。A co-building unit paired with one or more communities or villages. */
export type CoBuildingUnitServiceReportsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** 共建单位分页结果。A page of co-building units. */
export type CoBuildingUnitConnection = {
  __typename?: 'CoBuildingUnitConnection';
  /** 本页的边（含游标）。The edges of this page, with cursors. */
  edges: Array<CoBuildingUnitEdge>;
  /** 本页的共建单位。The units of this page. */
  nodes: Array<CoBuildingUnit>;
  /** 分页信息。Page information. */
  pageInfo: PageInfo;
  /** 符合条件的总数。Total matching the filter. */
  totalCount: Scalars['Int']['output'];
};

/** 共建单位分页中的一条边。An edge of a unit page. */
export type CoBuildingUnitEdge = {
  __typename?: 'CoBuildingUnitEdge';
  /** 游标。Cursor. */
  cursor: Scalars['String']['output'];
  /** 共建单位。The unit. */
  node: CoBuildingUnit;
};

/** 共建单位筛选条件。Filter for co-building units. */
export type CoBuildingUnitFilter = {
  /** 只列与此社区（村）结对的单位。Units paired with this community or village. */
  communityId?: InputMaybe<Scalars['ID']['input']>;
  /** 只列此类单位。Only units of this kind. */
  kind?: InputMaybe<UnitKind>;
  /** 名称包含（不区分大小写）。Case-insensitive substring of the name. */
  nameContains?: InputMaybe<Scalars['String']['input']>;
};

/** 协议中的一项结构化承诺。A structured commitment of an agreement. */
export type Commitment = {
  __typename?: 'Commitment';
  /** 承诺类别。What it is about. */
  kind: CommitmentKind;
  /** 目标是否按每名在职党员计。The target applies to each in-service member. */
  perMember: Scalars['Boolean']['output'];
  /** 目标周期。The period the target applies to. */
  period: CommitmentPeriod;
  /** 每周期目标值。Target per period. */
  target: Scalars['Float']['output'];
  /** 协议原文；其中的电话和证件号码脱敏。As written in the agreement; phone and ID numbers in it are masked. */
  text: Scalars['String']['output'];
  /** 目标的计量单位。The unit the target is counted in. */
  unitOfMeasure: UnitOfMeasure;
};

/** 承诺的内容类别。What a commitment is about. */
export type CommitmentKind =
  /** 捐赠金额。Money donated. */
  | 'DONATION'
  /** 认领微心愿：本单位资源在本社区完成的微心愿订单（资源池子图）。Micro-wishes adopted: MICRO_WISH orders the unit's resources fulfilled in the community (resource-pools). */
  | 'MICRO_WISHES_ADOPTED'
  /** 枢纽尚无法计量的其他承诺。Anything the hub cannot measure yet. */
  | 'OTHER'
  /** 已核实服务活动（记录）次数。Verified service activities (reports). */
  | 'SERVICE_ACTIVITIES'
  /** 已核实服务时长。Hours of verified service. */
  | 'SERVICE_HOURS';

/** 承诺目标适用的周期。The period a commitment's target applies to. */
export type CommitmentPeriod =
  /** 整个协议期。The agreement's whole term. */
  | 'AGREEMENT'
  /** 每半年。Each half year. */
  | 'HALF_YEAR'
  /** 每月。Each month. */
  | 'MONTH'
  /** 每季度。Each quarter. */
  | 'QUARTER'
  /** 每年。Each year. */
  | 'YEAR';

/** 承诺在当前周期的进度。How far a commitment is in its current period. */
export type CommitmentProgress = {
  __typename?: 'CommitmentProgress';
  /** 目前完成量：按订单计的承诺为资源池子图中已完成（含已评价）的订单数；无法得知时为 null（自由文本承诺，或资源池子图暂不可达）。Achieved so far; for order-based commitments the orders fulfilled (or rated) in resource-pools; null when the hub cannot know (free-text commitments, or resource-pools unreachable for now). */
  achieved?: Maybe<Scalars['Float']['output']>;
  /** 承诺。The commitment. */
  commitment: Commitment;
  /** 是否达标；未知时为 null。Whether the target is reached; null when unknown. */
  met?: Maybe<Scalars['Boolean']['output']>;
  /** 周期结束日，YYYY-MM-DD。Last day of the period, YYYY-MM-DD. */
  periodEndsOn: Scalars['String']['output'];
  /** 周期开始日，YYYY-MM-DD。First day of the period, YYYY-MM-DD. */
  periodStartsOn: Scalars['String']['output'];
  /** 完成量 / 目标，最大为 1；未知时为 null。achieved / target, capped at 1; null when unknown. */
  ratio?: Maybe<Scalars['Float']['output']>;
  /** 本周期目标（按人计时乘以报到党员数）。The target for the period (times the reporting members when per member). */
  target: Scalars['Float']['output'];
};

/** 社区或村。A community or village. */
export type Community = {
  __typename?: 'Community';
  /** 社区（村）id。Community or village id. */
  id: Scalars['ID']['output'];
  /** 本社区的结对共建，按 id 排序。Co-building pairings of the community, ordered by id. */
  pairings?: Maybe<Array<Pairing>>;
};

/** 信用积分的一档：from ≤ 积分 < to。A band of duty credit scores: from ≤ score < to. */
export type CreditBand = {
  __typename?: 'CreditBand';
  /** 下限（含）。Lower bound, included. */
  from: Scalars['Float']['output'];
  /** 上限（不含）。Upper bound, excluded. */
  to: Scalars['Float']['output'];
  /** 积分在此档的单位数。Units whose score is in the band. */
  units: Scalars['Int']['output'];
};

/** 一条履责信用事件。One event of a unit's duty credit. */
export type CreditEvent = {
  __typename?: 'CreditEvent';
  /** 分值增减。Points added (or subtracted when negative). */
  delta: Scalars['Float']['output'];
  /** 发生时间，ISO 8601。When it happened, ISO 8601. */
  occurredAt: Scalars['String']['output'];
  /** 评分，仅 RATING_RECEIVED。The rating, for RATING_RECEIVED. */
  rating?: Maybe<Scalars['Int']['output']>;
  /** 原因。Why the credit moved. */
  reason: CreditReason;
  /** 引发事件的记录。The record that caused the event. */
  source: CreditEventSource;
  /** 当前是否计分。Whether it counts now. */
  valid: Scalars['Boolean']['output'];
  /** 失效时间，ISO 8601，此后不再计分。ISO 8601; the event stops counting then. */
  validUntil: Scalars['String']['output'];
};

/** 信用事件背后的记录，可能在其他子图（如 grids / Incident / incident-000042）。The record behind a credit event, possibly in another subgraph (e.g. grids / Incident / incident-000042). */
export type CreditEventSource = {
  __typename?: 'CreditEventSource';
  /** 记录 id。The record's id. */
  id: Scalars['ID']['output'];
  /** 记录所在子图。The subgraph that owns the record. */
  subgraph: Scalars['String']['output'];
  /** 记录的 GraphQL 类型。The record's GraphQL type. */
  type: Scalars['String']['output'];
};

/** 信用事件背后的记录（内部）。The record behind a credit event (internal). */
export type CreditEventSourceInput = {
  /** 记录 id。The record's id. */
  id: Scalars['ID']['input'];
  /** 记录所在子图。The subgraph that owns the record. */
  subgraph: Scalars['String']['input'];
  /** 记录的 GraphQL 类型。The record's GraphQL type. */
  type: Scalars['String']['input'];
};

/** 信用变动的原因。Why a unit's credit moved. */
export type CreditReason =
  /** 协议承诺在本周期内达成。An agreement commitment was met for its period. */
  | 'COMMITMENT_MET'
  /** 协议承诺在本周期内未达成。An agreement commitment was missed for its period. */
  | 'COMMITMENT_MISSED'
  /** 单位负责的事件按时办结。The unit's incident was resolved by its deadline. */
  | 'DEADLINE_KEPT'
  /** 单位负责的事件超期办结。The unit's incident was resolved after its deadline. */
  | 'DEADLINE_MISSED'
  /** 群众对单位负责的工作作出评价（1–5）。A resident rated work the unit answered for (1–5). */
  | 'RATING_RECEIVED';

/** 单位当前的履责信用积分。A unit's duty credit score, as of now. */
export type CreditScore = {
  __typename?: 'CreditScore';
  /** 每个单位的起始分。The score every unit starts from. */
  base: Scalars['Float']['output'];
  /** 全部事件，最新的在前，含已失效的（见 valid）；仅本单位成员、街道管理员和区级平台可见，其他调用方为空列表。Every event, newest first, including expired ones (see `valid`); only the unit's members, STREET_ADMIN and DISTRICT_PLATFORM see it, an empty list for other callers. */
  history: Array<CreditEvent>;
  /** 基础分加当前有效事件的增减。Base plus the deltas of the events valid now. */
  value: Scalars['Float']['output'];
};

/** 区：本枢纽服务的全部街道；各子图给出自己的合计，均仅区级平台可读。The district: every street the hub serves; each subgraph adds its own totals, DISTRICT_PLATFORM only. */
export type District = {
  __typename?: 'District';
  /** 全部共建单位信用积分的分布；仅区级平台可读。The credit distribution of every unit; DISTRICT_PLATFORM only. */
  creditDistribution: Array<CreditBand>;
  /** 固定为 district。Always `district`. */
  id: Scalars['ID']['output'];
  /** 共建单位总数；仅区级平台可读。Co-building units in all streets; DISTRICT_PLATFORM only. */
  unitCount: Scalars['Int']['output'];
};

/** WGS-84 坐标。A WGS-84 coordinate. */
export type GeoPoint = {
  __typename?: 'GeoPoint';
  /** 纬度（度）。Latitude in degrees. */
  lat: Scalars['Float']['output'];
  /** 经度（度）。Longitude in degrees. */
  lng: Scalars['Float']['output'];
};

/** 变更入口。The mutation root. */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * 内部接口，供其他子图的发件箱中继使用（不在网关 API 中）：记录一条影响单位履责信用的事件。按 (source, reason) 幂等：重复投递返回第一条，created = false，只计一次。
   * Internal, for other subgraphs' outbox relays (not in the gateway's API): records an event that
   * moves a unit's duty credit. Idempotent by (source, reason): a redelivered event returns the first
   * one with created = false and counts once.
   */
  recordCreditEvent: RecordCreditEventResult;
  /**
   * 内部接口，供资源池子图的发件箱中继使用（不在网关 API 中）：记录共建单位的资源完成了一个订单，契约承诺中按订单计的进度由此计算。按订单幂等：重复投递 created = false，只计一次。
   * Internal, for resource-pools' outbox relay (not in the gateway's API): records that a co-building
   * unit's resource fulfilled an order, from which order-based commitment progress is counted.
   * Idempotent by order: a redelivery returns created = false and counts once.
   */
  recordOrderFulfilment: RecordOrderFulfilmentResult;
  /**
   * 设定共建单位服务的街道（完整列表，须含所在街道）。街道管理员可设定本街道单位的服务街道（未绑定街道的街道管理员可设定任何单位的）；未知街道（向网格子图核实）或缺少所在街道时报 BAD_USER_INPUT，且不做改动。
   * Sets the streets a co-building unit serves (the whole list, its home street included). A
   * STREET_ADMIN sets them for the units of its street (one bound to no street for any unit); an
   * unknown street (checked with grids) or a list without the home street is BAD_USER_INPUT and
   * changes nothing.
   */
  setUnitServedStreets: CoBuildingUnit;
  /** 登记一条服务记录，社区核实前不计入。单位只能向结对社区报到；引用的党员、社区向其所属子图核实，无法核实时报 DEPENDENCY_UNAVAILABLE 且不做改动。Logs a service, unverified until the community confirms it. A unit reports only to communities it is paired with; the member and community it names are checked with the subgraphs that own them, and when those cannot answer it fails with DEPENDENCY_UNAVAILABLE and changes nothing. */
  submitServiceReport: ServiceReport;
  /** 社区核实服务记录，只有已核实的时长计入；重复核实报 ILLEGAL_TRANSITION。The community confirms a report; only verified hours count. Verifying twice fails with ILLEGAL_TRANSITION. */
  verifyServiceReport: ServiceReport;
};


/** 变更入口。The mutation root. */
export type MutationRecordCreditEventArgs = {
  input: RecordCreditEventInput;
};


/** 变更入口。The mutation root. */
export type MutationRecordOrderFulfilmentArgs = {
  input: RecordOrderFulfilmentInput;
};


/** 变更入口。The mutation root. */
export type MutationSetUnitServedStreetsArgs = {
  input: SetUnitServedStreetsInput;
};


/** 变更入口。The mutation root. */
export type MutationSubmitServiceReportArgs = {
  input: SubmitServiceReportInput;
};


/** 变更入口。The mutation root. */
export type MutationVerifyServiceReportArgs = {
  input: VerifyServiceReportInput;
};

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

/** 共建单位与社区（村）的结对共建。A pairing of a co-building unit with a community or village. */
export type Pairing = {
  __typename?: 'Pairing';
  /** 共建协议。The co-building agreement. */
  agreement: Agreement;
  /** 结对的社区或村。The paired community or village. */
  community?: Maybe<Community>;
  /** 结对 id。Pairing id. */
  id: Scalars['ID']['output'];
  /** 按中国标准时间的今天推算，除非已终止。Derived from today's date in China Standard Time, unless the pairing was terminated. */
  status: PairingStatus;
  /** 共建单位。The co-building unit. */
  unit: CoBuildingUnit;
};

/** 结对在某日的状态。Where a pairing stands on a given day. */
export type PairingStatus =
  /** 履约中。In force. */
  | 'ACTIVE'
  /** 已到约定截止日期。Ended at the agreed end date. */
  | 'EXPIRED'
  /** 已签约，尚未生效。Signed, not started yet. */
  | 'PENDING'
  /** 提前终止。Ended early. */
  | 'TERMINATED';

/** 党员，仅本人组织链条和居住社区的工作人员、街道管理员、区级平台可见；姓名、电话、入党日期脱敏（张*明，*******1234，2015-**-**），持 pii:read 且在调用方范围内时明文。A party member, readable by the workers of the member's chain and of the community they live in, STREET_ADMIN and DISTRICT_PLATFORM; name, phone and joining date are masked (张*明, *******1234, 2015-**-**) unless the caller holds pii:read and the member is in its scope. */
export type PartyMember = {
  __typename?: 'PartyMember';
  /** 党员 id。Party member id. */
  id: Scalars['ID']['output'];
};

/** 查询入口。The query root. */
export type Query = {
  __typename?: 'Query';
  /**
   * 本子图的审计日志（每次变更：谁、做了什么、何时、涉及的 id、结果），最新在前；仅区级平台（DISTRICT_PLATFORM）可读。
   * The audit log of the co-building subgraph (every mutation: who, what, when, the ids named and returned, the outcome), newest first; DISTRICT_PLATFORM only.
   */
  coBuildingAuditLog: Array<AuditEntry>;
  /** 单个共建单位；id 不存在时为 null。One co-building unit; null when no such id exists. */
  coBuildingUnit?: Maybe<CoBuildingUnit>;
  /** 按 id 排序的共建单位分页列表。Co-building units, ordered by id. */
  coBuildingUnits?: Maybe<CoBuildingUnitConnection>;
  /** 单个结对；id 不存在时为 null。One pairing; null when no such id exists. */
  pairing?: Maybe<Pairing>;
  /** 单条服务记录；id 不存在时为 null。One service report; null when no such id exists. */
  serviceReport?: Maybe<ServiceReport>;
};


/** 查询入口。The query root. */
export type QueryCoBuildingAuditLogArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  mutation?: InputMaybe<Scalars['String']['input']>;
  subject?: InputMaybe<Scalars['String']['input']>;
};


/** 查询入口。The query root. */
export type QueryCoBuildingUnitArgs = {
  id: Scalars['ID']['input'];
};


/** 查询入口。The query root. */
export type QueryCoBuildingUnitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CoBuildingUnitFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** 查询入口。The query root. */
export type QueryPairingArgs = {
  id: Scalars['ID']['input'];
};


/** 查询入口。The query root. */
export type QueryServiceReportArgs = {
  id: Scalars['ID']['input'];
};

/** 一条信用事件（内部）。A credit event (internal). */
export type RecordCreditEventInput = {
  /** 发生时间，ISO 8601。When it happened, ISO 8601. */
  occurredAt: Scalars['String']['input'];
  /** 评分，RATING_RECEIVED 必填。Required for RATING_RECEIVED. */
  rating?: InputMaybe<Scalars['Int']['input']>;
  /** 原因。Why the credit moves. */
  reason: CreditReason;
  /** 引发事件的记录。The record that caused the event. */
  source: CreditEventSourceInput;
  /** 共建单位 id。Co-building unit id. */
  unitId: Scalars['ID']['input'];
};

/** 记录信用事件的结果（内部）。The result of recording a credit event (internal). */
export type RecordCreditEventResult = {
  __typename?: 'RecordCreditEventResult';
  /** 此前已记录过（重复投递）时为 false。False when the event had been recorded before (a redelivery). */
  created: Scalars['Boolean']['output'];
  /** 记录的事件（重复投递时为第一条）。The event (the first one on a redelivery). */
  event: CreditEvent;
};

/** 一个完成的订单（内部）。A fulfilled order (internal). */
export type RecordOrderFulfilmentInput = {
  /** 提出需求的社区 id。The community that raised it. */
  communityId: Scalars['ID']['input'];
  /** 需求来源（资源池的 DemandSource，如 MICRO_WISH）。The demand's source (resource-pools' DemandSource, e.g. MICRO_WISH). */
  demandSource: Scalars['String']['input'];
  /** 完成时间，ISO 8601。When it was fulfilled, ISO 8601. */
  fulfilledAt: Scalars['String']['input'];
  /** 订单（资源池的需求）id。The order's (resource-pools' demand's) id. */
  orderId: Scalars['ID']['input'];
  /** 完成订单的共建单位 id。The co-building unit whose resource fulfilled it. */
  unitId: Scalars['ID']['input'];
};

/** 记录完成订单的结果（内部）。The result of recording a fulfilled order (internal). */
export type RecordOrderFulfilmentResult = {
  __typename?: 'RecordOrderFulfilmentResult';
  /** 此前已记录过（重复投递）时为 false。False when the order had been recorded before (a redelivery). */
  created: Scalars['Boolean']['output'];
};

/** 服务报到人：单位本身或其在职党员。Who reported a service: the unit itself or one of its in-service party members. */
export type ReporterKind =
  /** 在职党员向居住社区报到。In-service party member reporting to the community where they live. */
  | 'IN_SERVICE_MEMBER'
  /** 单位向结对社区报到。Unit reporting to a paired community. */
  | 'UNIT';

/** 服务记录：为社区开展的一次活动。A service report: one activity done for a community. */
export type ServiceReport = {
  __typename?: 'ServiceReport';
  /** 服务内容，如“环境整治”；其中的电话和证件号码脱敏。Activity, e.g. 环境整治; phone and ID numbers in it are masked. */
  activity: Scalars['String']['output'];
  /** 服务社区。The community served. */
  community?: Maybe<Community>;
  /** 服务时长，以半小时为单位。Hours served, in steps of half an hour. */
  hours: Scalars['Float']['output'];
  /** 服务记录 id。Service report id. */
  id: Scalars['ID']['output'];
  /** 在职党员，仅 IN_SERVICE_MEMBER 记录有。The in-service party member; set for IN_SERVICE_MEMBER reports only. */
  member?: Maybe<PartyMember>;
  /** 报到人类别。Who reported it. */
  reporter: ReporterKind;
  /** 服务日期，YYYY-MM-DD。Day served, YYYY-MM-DD. */
  servedOn: Scalars['String']['output'];
  /** 共建单位。The co-building unit. */
  unit: CoBuildingUnit;
  /** 社区是否已核实。Whether the community has verified the report. */
  verified: Scalars['Boolean']['output'];
  /** 核实时间，ISO 8601；未核实或早于枢纽记录核实时间时为 null。When the community verified it, ISO 8601; null if not verified or verified before the hub kept the time. */
  verifiedAt?: Maybe<Scalars['String']['output']>;
};

/** 服务记录分页结果；需要登录。A page of service reports; needs a signed-in caller. */
export type ServiceReportConnection = {
  __typename?: 'ServiceReportConnection';
  /** 本页的边（含游标）。The edges of this page, with cursors. */
  edges: Array<ServiceReportEdge>;
  /** 本页的服务记录。The reports of this page. */
  nodes: Array<ServiceReport>;
  /** 分页信息。Page information. */
  pageInfo: PageInfo;
  /** 总数。Total count. */
  totalCount: Scalars['Int']['output'];
};

/** 服务记录分页中的一条边。An edge of a service report page. */
export type ServiceReportEdge = {
  __typename?: 'ServiceReportEdge';
  /** 游标。Cursor. */
  cursor: Scalars['String']['output'];
  /** 服务记录。The report. */
  node: ServiceReport;
};

/** 共建单位服务的街道。The streets a co-building unit serves. */
export type SetUnitServedStreetsInput = {
  /** 服务的全部街道 id，须含单位所在街道。Every street it serves, its home street included. */
  streetIds: Array<Scalars['ID']['input']>;
  /** 共建单位 id。Co-building unit id. */
  unitId: Scalars['ID']['input'];
};

/** 街道：本枢纽服务的基层治理单元之一。A street: one of the units of grassroots governance this hub serves. */
export type Street = {
  __typename?: 'Street';
  /** 共建单位当前履责信用积分的分布（每 10 分一档）；仅区级平台可读。How the units' duty credit scores are spread now, in bands of 10 points; DISTRICT_PLATFORM only. */
  creditDistribution: Array<CreditBand>;
  /** 街道 id。Street id. */
  id: Scalars['ID']['output'];
  /** 共建单位数；仅区级平台可读。How many co-building units; DISTRICT_PLATFORM only. */
  unitCount: Scalars['Int']['output'];
};

/** 登记服务记录的内容。A service report to log. */
export type SubmitServiceReportInput = {
  /** 服务内容，如“环境整治”。Activity, e.g. 环境整治. */
  activity: Scalars['String']['input'];
  /** 服务社区 id。Id of the community served. */
  communityId: Scalars['ID']['input'];
  /** 服务时长，0.5–12，以半小时为单位；同一报到人（单位或党员）每天合计不超过 24 小时。Hours served, 0.5–12 in steps of half an hour; at most 24 a day per reporter (the unit, or one member) over all its reports. */
  hours: Scalars['Float']['input'];
  /** 在职党员 id：IN_SERVICE_MEMBER 必填，须为本单位在职党员并向其居住社区报到；UNIT 不填。Required for IN_SERVICE_MEMBER reports (an in-service member of the unit, reporting to the community they live in), absent for UNIT reports. */
  memberId?: InputMaybe<Scalars['ID']['input']>;
  /** 报到人类别。Who reports. */
  reporter: ReporterKind;
  /** 服务日期，YYYY-MM-DD，2000-01-01 至今天；单位报到须在结对期内。Day served, YYYY-MM-DD, from 2000-01-01 to today; for a unit report, within its pairing's term. */
  servedOn: Scalars['String']['input'];
  /** 共建单位 id。Co-building unit id. */
  unitId: Scalars['ID']['input'];
};

/** 联系人；姓名和电话脱敏（如 张*明，138****1234），持 pii:read 的街道管理员和结对社区工作人员看到明文。A contact person; name and phone are masked (e.g. 张*明, 138****1234), in clear for STREET_ADMIN and the workers of paired communities holding pii:read. */
export type UnitContact = {
  __typename?: 'UnitContact';
  /** 姓名（脱敏）。Masked name. */
  name: Scalars['String']['output'];
  /** 手机号（脱敏）。Masked mobile phone number. */
  phone: Scalars['String']['output'];
};

/** 共建单位类别。What kind of organisation a co-building unit is. */
export type UnitKind =
  /** 机关单位。Government agency. */
  | 'AGENCY'
  /** 医院。Hospital. */
  | 'HOSPITAL'
  /** 非公企业。Private enterprise. */
  | 'PRIVATE_ENTERPRISE'
  /** 物业企业。Property management company. */
  | 'PROPERTY_COMPANY'
  /** 学校。School. */
  | 'SCHOOL'
  /** 社会组织。Social organisation. */
  | 'SOCIAL_ORGANISATION'
  /** 国有企业。State-owned enterprise. */
  | 'STATE_ENTERPRISE';

/** 承诺目标的计量单位。The unit a commitment's target is counted in. */
export type UnitOfMeasure =
  /** 次（活动）。Activities. */
  | 'ACTIVITIES'
  /** 小时。Hours. */
  | 'HOURS'
  /** 件。Items. */
  | 'ITEMS'
  /** 个（微心愿）。Micro-wishes. */
  | 'MICRO_WISHES'
  /** 元。Yuan (CNY). */
  | 'YUAN';

/** 核实服务记录。Verification of a service report. */
export type VerifyServiceReportInput = {
  /** 服务记录 id。Service report id. */
  id: Scalars['ID']['input'];
  /**
   * 已弃用，忽略：核实人即登录调用方。Ignored: the verifier is the signed-in caller.
   * @deprecated Ignored: the actor is the signed-in caller (token subject). 已弃用：操作人取自登录调用方。
   */
  verifiedBy?: InputMaybe<Scalars['String']['input']>;
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
  District: District;
  Pairing: Pairing;
  ServiceReport: ServiceReport;
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
  District:
    ( { __typename: 'District' }
    & GraphQLRecursivePick<FederationTypes['District'], {"id":true}> );
  Pairing:
    ( { __typename: 'Pairing' }
    & GraphQLRecursivePick<FederationTypes['Pairing'], {"id":true}> );
  ServiceReport:
    ( { __typename: 'ServiceReport' }
    & GraphQLRecursivePick<FederationTypes['ServiceReport'], {"id":true}> );
  Street:
    ( { __typename: 'Street' }
    & GraphQLRecursivePick<FederationTypes['Street'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Agreement: ResolverTypeWrapper<PairingRow>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CoBuildingUnit: ResolverTypeWrapper<UnitRow>;
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
  CreditBand: ResolverTypeWrapper<CreditBand>;
  CreditEvent: ResolverTypeWrapper<CreditEventRow>;
  CreditEventSource: ResolverTypeWrapper<CreditEventSource>;
  CreditEventSourceInput: CreditEventSourceInput;
  CreditReason: CreditReason;
  CreditScore: ResolverTypeWrapper<CreditScoreParent>;
  District: ResolverTypeWrapper<EntityReference>;
  GeoPoint: ResolverTypeWrapper<GeoPoint>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Pairing: ResolverTypeWrapper<PairingRow>;
  PairingStatus: PairingStatus;
  PartyMember: ResolverTypeWrapper<EntityReference>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordCreditEventInput: RecordCreditEventInput;
  RecordCreditEventResult: ResolverTypeWrapper<Omit<RecordCreditEventResult, 'event'> & { event: ResolversTypes['CreditEvent'] }>;
  RecordOrderFulfilmentInput: RecordOrderFulfilmentInput;
  RecordOrderFulfilmentResult: ResolverTypeWrapper<RecordOrderFulfilmentResult>;
  ReporterKind: ReporterKind;
  ServiceReport: ResolverTypeWrapper<ServiceReportRow>;
  ServiceReportConnection: ResolverTypeWrapper<Omit<ServiceReportConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['ServiceReportEdge']>, nodes: Array<ResolversTypes['ServiceReport']> }>;
  ServiceReportEdge: ResolverTypeWrapper<Omit<ServiceReportEdge, 'node'> & { node: ResolversTypes['ServiceReport'] }>;
  SetUnitServedStreetsInput: SetUnitServedStreetsInput;
  Street: ResolverTypeWrapper<EntityReference>;
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
  AuditEntry: AuditEntry;
  ID: Scalars['ID']['output'];
  CoBuildingUnit: UnitRow;
  Float: Scalars['Float']['output'];
  Int: Scalars['Int']['output'];
  CoBuildingUnitConnection: Omit<CoBuildingUnitConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['CoBuildingUnitEdge']>, nodes: Array<ResolversParentTypes['CoBuildingUnit']> };
  CoBuildingUnitEdge: Omit<CoBuildingUnitEdge, 'node'> & { node: ResolversParentTypes['CoBuildingUnit'] };
  CoBuildingUnitFilter: CoBuildingUnitFilter;
  Commitment: CommitmentRow;
  Boolean: Scalars['Boolean']['output'];
  CommitmentProgress: CommitmentProgressParent;
  Community: EntityReference;
  CreditBand: CreditBand;
  CreditEvent: CreditEventRow;
  CreditEventSource: CreditEventSource;
  CreditEventSourceInput: CreditEventSourceInput;
  CreditScore: CreditScoreParent;
  District: EntityReference;
  GeoPoint: GeoPoint;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Pairing: PairingRow;
  PartyMember: EntityReference;
  Query: Record<PropertyKey, never>;
  RecordCreditEventInput: RecordCreditEventInput;
  RecordCreditEventResult: Omit<RecordCreditEventResult, 'event'> & { event: ResolversParentTypes['CreditEvent'] };
  RecordOrderFulfilmentInput: RecordOrderFulfilmentInput;
  RecordOrderFulfilmentResult: RecordOrderFulfilmentResult;
  ServiceReport: ServiceReportRow;
  ServiceReportConnection: Omit<ServiceReportConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['ServiceReportEdge']>, nodes: Array<ResolversParentTypes['ServiceReport']> };
  ServiceReportEdge: Omit<ServiceReportEdge, 'node'> & { node: ResolversParentTypes['ServiceReport'] };
  SetUnitServedStreetsInput: SetUnitServedStreetsInput;
  Street: EntityReference;
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

export type AuditEntryResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mutation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  operationName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resultIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  targetIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
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
  servedStreets?: Resolver<Array<ResolversTypes['Street']>, ParentType, ContextType>;
  serviceHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  serviceReports?: Resolver<ResolversTypes['ServiceReportConnection'], ParentType, ContextType, RequireFields<CoBuildingUnitServiceReportsArgs, 'first'>>;
  street?: Resolver<ResolversTypes['Street'], ParentType, ContextType>;
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
  pairings?: Resolver<Maybe<Array<ResolversTypes['Pairing']>>, ParentType, ContextType>;
};

export type CreditBandResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['CreditBand'] = ResolversParentTypes['CreditBand']> = {
  from?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  units?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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

export type DistrictResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['District'] = ResolversParentTypes['District'], FederationReferenceType extends FederationReferenceTypes['District'] = FederationReferenceTypes['District']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['District']> | FederationReferenceType, FederationReferenceType, ContextType>;
  creditDistribution?: Resolver<Array<ResolversTypes['CreditBand']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  unitCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type GeoPointResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['GeoPoint'] = ResolversParentTypes['GeoPoint']> = {
  lat?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lng?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  recordCreditEvent?: Resolver<ResolversTypes['RecordCreditEventResult'], ParentType, ContextType, RequireFields<MutationRecordCreditEventArgs, 'input'>>;
  recordOrderFulfilment?: Resolver<ResolversTypes['RecordOrderFulfilmentResult'], ParentType, ContextType, RequireFields<MutationRecordOrderFulfilmentArgs, 'input'>>;
  setUnitServedStreets?: Resolver<ResolversTypes['CoBuildingUnit'], ParentType, ContextType, RequireFields<MutationSetUnitServedStreetsArgs, 'input'>>;
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
  community?: Resolver<Maybe<ResolversTypes['Community']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PairingStatus'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['CoBuildingUnit'], ParentType, ContextType>;
};

export type PartyMemberResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['PartyMember'] = ResolversParentTypes['PartyMember']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  coBuildingAuditLog?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, RequireFields<QueryCoBuildingAuditLogArgs, 'first'>>;
  coBuildingUnit?: Resolver<Maybe<ResolversTypes['CoBuildingUnit']>, ParentType, ContextType, RequireFields<QueryCoBuildingUnitArgs, 'id'>>;
  coBuildingUnits?: Resolver<Maybe<ResolversTypes['CoBuildingUnitConnection']>, ParentType, ContextType, RequireFields<QueryCoBuildingUnitsArgs, 'first'>>;
  pairing?: Resolver<Maybe<ResolversTypes['Pairing']>, ParentType, ContextType, RequireFields<QueryPairingArgs, 'id'>>;
  serviceReport?: Resolver<Maybe<ResolversTypes['ServiceReport']>, ParentType, ContextType, RequireFields<QueryServiceReportArgs, 'id'>>;
};

export type RecordCreditEventResultResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['RecordCreditEventResult'] = ResolversParentTypes['RecordCreditEventResult']> = {
  created?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  event?: Resolver<ResolversTypes['CreditEvent'], ParentType, ContextType>;
};

export type RecordOrderFulfilmentResultResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['RecordOrderFulfilmentResult'] = ResolversParentTypes['RecordOrderFulfilmentResult']> = {
  created?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ServiceReportResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['ServiceReport'] = ResolversParentTypes['ServiceReport'], FederationReferenceType extends FederationReferenceTypes['ServiceReport'] = FederationReferenceTypes['ServiceReport']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ServiceReport']> | FederationReferenceType, FederationReferenceType, ContextType>;
  activity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  community?: Resolver<Maybe<ResolversTypes['Community']>, ParentType, ContextType>;
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

export type StreetResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['Street'] = ResolversParentTypes['Street'], FederationReferenceType extends FederationReferenceTypes['Street'] = FederationReferenceTypes['Street']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Street']> | FederationReferenceType, FederationReferenceType, ContextType>;
  creditDistribution?: Resolver<Array<ResolversTypes['CreditBand']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  unitCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type UnitContactResolvers<ContextType = CoBuildingContext, ParentType extends ResolversParentTypes['UnitContact'] = ResolversParentTypes['UnitContact']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = CoBuildingContext> = {
  Agreement?: AgreementResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  CoBuildingUnit?: CoBuildingUnitResolvers<ContextType>;
  CoBuildingUnitConnection?: CoBuildingUnitConnectionResolvers<ContextType>;
  CoBuildingUnitEdge?: CoBuildingUnitEdgeResolvers<ContextType>;
  Commitment?: CommitmentResolvers<ContextType>;
  CommitmentProgress?: CommitmentProgressResolvers<ContextType>;
  Community?: CommunityResolvers<ContextType>;
  CreditBand?: CreditBandResolvers<ContextType>;
  CreditEvent?: CreditEventResolvers<ContextType>;
  CreditEventSource?: CreditEventSourceResolvers<ContextType>;
  CreditScore?: CreditScoreResolvers<ContextType>;
  District?: DistrictResolvers<ContextType>;
  GeoPoint?: GeoPointResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Pairing?: PairingResolvers<ContextType>;
  PartyMember?: PartyMemberResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RecordCreditEventResult?: RecordCreditEventResultResolvers<ContextType>;
  RecordOrderFulfilmentResult?: RecordOrderFulfilmentResultResolvers<ContextType>;
  ServiceReport?: ServiceReportResolvers<ContextType>;
  ServiceReportConnection?: ServiceReportConnectionResolvers<ContextType>;
  ServiceReportEdge?: ServiceReportEdgeResolvers<ContextType>;
  Street?: StreetResolvers<ContextType>;
  UnitContact?: UnitContactResolvers<ContextType>;
};

