import type { GraphQLResolveInfo } from 'graphql';
import type { ResourceRow, DemandRow, DemandEventRow, HelpKindRow, CategoryFitRow } from '../store.js';
import type { MatchResultModel, AllocationModel } from '../domain/matching-service.js';
import type { EntityReference } from '../../../lib/subgraph/references.js';
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

/** 一个需求分配给一个资源。One demand assigned to one resource. */
export type Allocation = {
  __typename?: 'Allocation';
  /** 需求。The demand. */
  demand: Demand;
  /** 得分说明。Why it scores what it does. */
  explanation: MatchExplanation;
  /** 资源。The resource. */
  resource: Resource;
  /** 得分。The score. */
  score: Scalars['Float']['output'];
};

/** 方案在范围内各社区间的均衡程度。How evenly a plan serves the communities in scope. */
export type AllocationFairness = {
  __typename?: 'AllocationFairness';
  /** 至少分到一个的社区数。Communities with at least one allocation. */
  communitiesReached: Scalars['Int']['output'];
  /** 有待派需求的社区数。Communities with open demands. */
  communitiesWithOpenDemands: Scalars['Int']['output'];
  /** 各社区“已满足 / 待派”的基尼系数（0 = 均衡）。Gini coefficient of served / open across communities (0 = even). */
  gini: Scalars['Float']['output'];
  /** 各社区“已满足 / 待派”的最小值。Smallest served / open across communities. */
  minShare: Scalars['Float']['output'];
  /** 按各社区配额（最低份额）计的已满足需求数。Served demands counted up to each community's quota (its minimum share). */
  quotaUnitsServed: Scalars['Int']['output'];
  /** 各社区配额之和。Sum of the communities' quotas. */
  quotaUnitsTotal: Scalars['Int']['output'];
  /** 同上，但只计任何方案都能覆盖的社区（至少一个待派需求有候选）；没有这样的社区时为 1。The same over the communities any plan can reach (at least one open demand with a candidate); 1 when there are none. */
  reachableMinShare: Scalars['Float']['output'];
  /** 已满足的需求数。Demands served. */
  served: Scalars['Int']['output'];
};

/** 批量派单方案。A batch allocation plan. */
export type AllocationPlan = {
  __typename?: 'AllocationPlan';
  /** 分配结果。The allocations. */
  allocations: Array<Allocation>;
  /** 方案缺少共建子图的数据（结对、信用），相关项按中性或 0 计；这样的方案默认不派单（见 allowDegraded）。The plan was made without co-building's data (pairings, credit), those terms counting as neutral or 0; such a plan is not dispatched unless allowDegraded. */
  degraded: Scalars['Boolean']['output'];
  /** 缺少哪些数据及原因；完整时为空。Which data was missing and why; empty when nothing was. */
  degradedReasons: Array<Scalars['String']['output']>;
  /** 已派单时为 false。False when the allocations were dispatched. */
  dryRun: Scalars['Boolean']['output'];
  /** 方案是否经证明为最优：当所需数量不适合流模型的解而需修补时为 false，此时 objectiveBound 为上界。Whether the plan is proven optimal; false when the amounts did not fit the flow's plan and it was repaired, `objectiveBound` then bounds the optimum. */
  exact: Scalars['Boolean']['output'];
  /** 本方案的公平性。Fairness of this plan. */
  fairness: AllocationFairness;
  /** 贪心基线的公平性。Fairness of the greedy baseline. */
  greedyFairness: AllocationFairness;
  /** 同一候选上贪心基线（最优配对优先）的总分。Total score of the greedy baseline (best pairs first) on the same candidates. */
  greedyObjective: Scalars['Float']['output'];
  /** 最优解的求法（对每个需求的前若干候选求解）。How the plan was computed (over each demand's top candidates). */
  method: Scalars['String']['output'];
  /** 分配总分：各分配得分之和，分毫不差（得分为各项贡献之和，均保留 4 位小数）。Total score of the allocations: exactly the sum of their scores (each score exactly the sum of its contributions, all to 4 decimals). */
  objective: Scalars['Float']['output'];
  /** 没有方案的总分能高于此值（在同样的覆盖与配额下）；exact 时等于 objective。No plan scores above this (at the same communities reached and quotas); equals `objective` when `exact`. */
  objectiveBound: Scalars['Float']['output'];
  /** 范围内未分到资源的待派需求，按 id 排序。Open demands in scope left without a resource, by id. */
  unallocated: Array<Demand>;
};

/** 批量派单的范围与参数。Scope and settings of a batch allocation. */
export type AllocationScopeInput = {
  /**
   * 已弃用，忽略：派单操作人即登录调用方。Ignored: the actor recorded on the dispatches is the signed-in caller.
   * @deprecated Ignored: the actor is the signed-in caller (token subject). 已弃用：操作人取自登录调用方。
   */
  actor?: InputMaybe<Scalars['String']['input']>;
  /** 求解时每个需求考虑的候选数（1–50，默认 15）。Candidates per demand considered by the solver (1–50, default 15). */
  candidatesPerDemand?: InputMaybe<Scalars['Int']['input']>;
  /** 社区（村）id 列表，1–10000 个。Ids of communities or villages, 1–10,000. */
  communityIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** 办事处：其下辖社区（取自资源池保存的映射）。An office: its communities, from the mapping resource-pools keeps. */
  officeId?: InputMaybe<Scalars['ID']['input']>;
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

/** 每周期的供给能力，如每月 200 人次。How much a resource can give per period, e.g. 200 人次 per MONTH. */
export type Capacity = {
  __typename?: 'Capacity';
  /** 数量。Amount. */
  amount: Scalars['Int']['output'];
  /** 周期。Period. */
  period: CapacityPeriod;
  /** amount 的单位：人次、小时、元、场或件。The unit of `amount`: 人次, 小时, 元, 场 or 件. */
  unit: Scalars['String']['output'];
};

/** 供给周期：资源能力按此周期更新。The period a resource's capacity renews over. */
export type CapacityPeriod =
  /** 每天。Each day. */
  | 'DAY'
  /** 每月。Each month. */
  | 'MONTH'
  /** 一次性供给，不更新。A one-off supply that does not renew. */
  | 'ONCE'
  /** 每周。Each week. */
  | 'WEEK'
  /** 每年。Each year. */
  | 'YEAR';

/** 一条类别匹配规则；细分类型为 null 表示本类别任意类型。对一对资源与需求，最具体的规则生效：完全相同的一对、同一类型（无规则时为 1）、需求类型对任意资源、任意需求对资源类型、两个类别；无规则时为 0（不能满足）。One category fit rule; a null sub-kind means any kind of the category. For a pair the most specific rule decides: the exact pair, the same kind (1 without a rule), the demand's kind with any resource, any demand with the resource's kind, the two categories; no rule: 0 (cannot). */
export type CategoryFit = {
  __typename?: 'CategoryFit';
  /** 需求类别。Demand category. */
  demandCategory: ResourceCategory;
  /** 需求细分类型；null 为任意。Demand kind; null for any. */
  demandSubKind?: Maybe<Scalars['String']['output']>;
  /** 理由，显示在匹配说明中。Why, as shown in match explanations. */
  note: Scalars['String']['output'];
  /** 资源类别。Resource category. */
  resourceCategory: ResourceCategory;
  /** 资源细分类型；null 为任意。Resource kind; null for any. */
  resourceSubKind?: Maybe<Scalars['String']['output']>;
  /** 匹配度 0–1：1 能胜任，低于 1 为替代，0 不能。Fit 0–1: 1 can do the job, below 1 stands in, 0 cannot. */
  weight: Scalars['Float']['output'];
};

/** 共建单位，与一个或多个社区（村）结对。A co-building unit paired with one or more communities or villages. */
export type CoBuildingUnit = {
  __typename?: 'CoBuildingUnit';
  /** 共建单位 id。Co-building unit id. */
  id: Scalars['ID']['output'];
  /** 订单（派给本单位资源的需求），可按状态筛选，按 id 排序。本单位成员、街道管理员和区级平台看到全部；社区或网格工作人员只看到本社区或本网格提出的；其他调用方为空列表。Orders (demands dispatched to the unit's resources), optionally of one status, ordered by id. The unit's members, STREET_ADMIN and DISTRICT_PLATFORM see all of them; a community or grid worker those raised in its community or grid; an empty list for other callers. */
  orders?: Maybe<Array<Demand>>;
  /** 本单位向资源池提供的资源，按 id 排序。Resources the unit provides to the pool, ordered by id. */
  resources?: Maybe<Array<Resource>>;
};


/** 共建单位，与一个或多个社区（村）结对。A co-building unit paired with one or more communities or villages. */
export type CoBuildingUnitOrdersArgs = {
  status?: InputMaybe<DemandStatus>;
};

/** 社区或村。A community or village. */
export type Community = {
  __typename?: 'Community';
  /** 本社区提出的需求，可按状态筛选，按 id 排序。Demands raised in the community, optionally of one status, ordered by id. */
  demands?: Maybe<Array<Demand>>;
  /** 社区（村）id。Community or village id. */
  id: Scalars['ID']['output'];
  /** 本社区仍为 OPEN（待派单）的需求数。Number of demands of the community that are still OPEN. */
  openDemandCount?: Maybe<Scalars['Int']['output']>;
  /** 本社区 OPEN（待派单）的需求，按 id 排序。The community's OPEN demands, ordered by id. */
  openDemands?: Maybe<Array<Demand>>;
  /** 服务本社区的资源，按 id 排序。Resources that serve the community, ordered by id. */
  servedBy?: Maybe<Array<Resource>>;
};


/** 社区或村。A community or village. */
export type CommunityDemandsArgs = {
  status?: InputMaybe<DemandStatus>;
};

/** 社区中提出的需求。A demand raised in a community. */
export type Demand = {
  __typename?: 'Demand';
  /** 当前状态允许的动作，如 DISPATCHED 时为 [ACCEPT, DECLINE, CANCEL, EXPIRE]。Actions its current status allows, e.g. [ACCEPT, DECLINE, CANCEL, EXPIRE] when DISPATCHED. */
  allowedActions: Array<OrderAction>;
  /** 所需数量，以 unit 计；派单占用资源能力中的这一数量。How much the demand needs, in `unit`; its order holds this much of the resource's capacity. */
  amount: Scalars['Int']['output'];
  /** 所需资源类别。The category of help asked for. */
  category: ResourceCategory;
  /** 所在社区或村。The community or village it is raised in. */
  community?: Maybe<Community>;
  /** 提出时间，ISO 8601（UTC）。When the demand was raised, ISO 8601 in UTC. */
  createdAt: Scalars['String']['output'];
  /** 说明；其中的电话和证件号码脱敏（持 pii:read 的订单各方看到明文）。Description; phone and ID numbers in it are masked (in clear for the order's parties holding pii:read). */
  description: Scalars['String']['output'];
  /** 来源网格；涉及整个社区时为 null。The grid the demand came from; null when it concerns the whole community. */
  grid?: Maybe<Grid>;
  /** 需求 id。Demand id. */
  id: Scalars['ID']['output'];
  /** 需求位置，提交时取自所在社区；早期需求无位置时为 null。Where the demand is, copied from its community at submission; null for old demands without one. */
  location?: Maybe<GeoPoint>;
  /** 群众评价，1–5；评价前为 null。仅订单各方可见，其他调用方为 null。The residents' rating, 1–5; null until rated. Only the order's parties see it; null for other callers. */
  rating?: Maybe<Scalars['Int']['output']>;
  /** 评价意见；仅订单各方可见，其他调用方为 null；其中的电话和证件号码脱敏。The residents' comment with the rating; only the order's parties see it, null for other callers; phone and ID numbers in it are masked. */
  ratingComment?: Maybe<Scalars['String']['output']>;
  /** 派单对象资源；派单前为 null。仅订单各方可见（需求所在社区、网格的工作人员，提供资源的单位成员或部门人员，街道管理员，区级平台），其他调用方为 null。The resource it was dispatched to; null until dispatched. Only the order's parties see it (workers of the demand's community or grid, members of the providing unit or staff of the providing department, STREET_ADMIN, DISTRICT_PLATFORM); null for other callers. */
  resource?: Maybe<Resource>;
  /** 需求来源。Where it was raised. */
  source: DemandSource;
  /** 当前状态。Current status. */
  status: DemandStatus;
  /** 类别下的细分类型（见 helpKinds），未细分时为 GENERAL。The narrower kind of help within the category (see helpKinds); GENERAL when it names none. */
  subKind: Scalars['String']['output'];
  /** 每一步的操作人和时间，最早的在前；仅订单各方可见（同 resource），其他调用方为空列表。Every step with its actor and time, oldest first; only the order's parties see it (as for `resource`), an empty list for other callers. */
  timeline: Array<DemandEvent>;
  /** 标题；其中的电话和证件号码脱敏。Title; phone and ID numbers in it are masked. */
  title: Scalars['String']['output'];
  /** amount 的单位（人次、小时、元、场、件），须与所派资源的能力单位相同。The unit of `amount` (人次, 小时, 元, 场 or 件); the resource it goes to must count capacity in it. */
  unit: Scalars['String']['output'];
};

/** 需求分页结果。A page of demands. */
export type DemandConnection = {
  __typename?: 'DemandConnection';
  /** 本页的边（含游标）。The edges of this page, with cursors. */
  edges: Array<DemandEdge>;
  /** 本页的需求。The demands of this page. */
  nodes: Array<Demand>;
  /** 分页信息。Page information. */
  pageInfo: PageInfo;
  /** 符合条件的总数。Total matching the filter. */
  totalCount: Scalars['Int']['output'];
};

/** 需求分页中的一条边。An edge of a demand page. */
export type DemandEdge = {
  __typename?: 'DemandEdge';
  /** 游标。Cursor. */
  cursor: Scalars['String']['output'];
  /** 需求。The demand. */
  node: Demand;
};

/** 需求时间线上的一步。One step of a demand's timeline. */
export type DemandEvent = {
  __typename?: 'DemandEvent';
  /** 操作人（用户 id，定时任务为 system:…）。Who acted (a user id, or system:… for jobs). */
  actor: Scalars['String']['output'];
  /** 之前的状态；SUBMIT 为 null。The status before; null for SUBMIT. */
  fromStatus?: Maybe<DemandStatus>;
  /** 记录的内容。What the entry records. */
  kind: DemandEventKind;
  /** 备注；其中的电话和证件号码脱敏。Note; phone and ID numbers in it are masked. */
  note?: Maybe<Scalars['String']['output']>;
  /** 发生时间，ISO 8601（UTC）。When it happened, ISO 8601 in UTC. */
  occurredAt: Scalars['String']['output'];
  /** 涉及的资源（派单及之后的步骤）；否则为 null。The resource concerned (DISPATCH and later steps); null otherwise. */
  resource?: Maybe<Resource>;
  /** 之后的状态。The status after. */
  toStatus: DemandStatus;
};

/** 时间线条目记录的内容。What a timeline entry records. */
export type DemandEventKind =
  /** 接单。Accepted. */
  | 'ACCEPT'
  /** 取消。Cancelled. */
  | 'CANCEL'
  /** 拒单。Declined. */
  | 'DECLINE'
  /** 派单。Dispatched. */
  | 'DISPATCH'
  /** 过期。Expired. */
  | 'EXPIRE'
  /** 完成。Fulfilled. */
  | 'FULFIL'
  /** 评单。Rated. */
  | 'RATE'
  /** 提出需求（点单）。The demand was raised. */
  | 'SUBMIT';

/** 需求筛选条件。Filter for demands. */
export type DemandFilter = {
  /** 只列此类别的。Only those of this category. */
  category?: InputMaybe<ResourceCategory>;
  /** 只列此社区的。Only those of this community. */
  communityId?: InputMaybe<Scalars['ID']['input']>;
  /** 只列此来源的。Only those from this source. */
  source?: InputMaybe<DemandSource>;
  /** 只列此状态的。Only those in this status. */
  status?: InputMaybe<DemandStatus>;
};

/** 需求来源。Where a demand was raised. */
export type DemandSource =
  /** 重点项目（攻坚项目）。Key project. */
  | 'KEY_PROJECT'
  /** 微心愿。Micro-wish. */
  | 'MICRO_WISH'
  /** 问题清单。Problem list. */
  | 'PROBLEM_LIST'
  /** 群众点单。Resident order. */
  | 'RESIDENT_ORDER';

/** 需求状态：点单 → 派单 → 接单 → 完成 → 评单。Where a demand stands in the order → dispatch → accept → fulfil → rate cycle. */
export type DemandStatus =
  /** 提供方已接单。Accepted by the provider. */
  | 'ACCEPTED'
  /** 提出人已取消。Withdrawn by whoever raised it. */
  | 'CANCELLED'
  /** 提供方已拒单。Declined by the provider. */
  | 'DECLINED'
  /** 已派给资源提供方。Dispatched to a resource provider. */
  | 'DISPATCHED'
  /** 未按时满足，已过期。Not met in time. */
  | 'EXPIRED'
  /** 已完成。Fulfilled. */
  | 'FULFILLED'
  /** 待派单。Raised, not dispatched yet. */
  | 'OPEN'
  /** 已完成并经群众评价。Fulfilled and rated by the residents. */
  | 'RATED';

/** 响应街道吹哨的区级职能部门。A district department that answers the street's whistle. */
export type Department = {
  __typename?: 'Department';
  /** 部门 id。Department id. */
  id: Scalars['ID']['output'];
  /** 本部门向资源池提供的资源，按 id 排序。Resources the department provides to the pool, ordered by id. */
  resources?: Maybe<Array<Resource>>;
};

/** 派单内容。A dispatch. */
export type DispatchDemandInput = {
  /**
   * 已弃用，忽略：操作人即登录调用方。Ignored: the actor is the signed-in caller.
   * @deprecated Ignored: the actor is the signed-in caller (token subject). 已弃用：操作人取自登录调用方。
   */
  actor?: InputMaybe<Scalars['String']['input']>;
  /** 需求 id。Demand id. */
  id: Scalars['ID']['input'];
  /** 备注。Note. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** 派单对象资源 id。Id of the resource to dispatch to. */
  resourceId: Scalars['ID']['input'];
};

/** 区：本枢纽服务的全部街道；各子图给出自己的合计，均仅区级平台可读。The district: every street the hub serves; each subgraph adds its own totals, DISTRICT_PLATFORM only. */
export type District = {
  __typename?: 'District';
  /** 固定为 district。Always `district`. */
  id: Scalars['ID']['output'];
  /** 全部街道待派单的需求数；仅区级平台可读。Demands waiting for dispatch in all streets; DISTRICT_PLATFORM only. */
  openDemandCount: Scalars['Int']['output'];
  /** 全部街道本月完成的订单数；仅区级平台可读。Orders fulfilled this month in all streets; DISTRICT_PLATFORM only. */
  ordersFulfilledThisMonth: Scalars['Int']['output'];
};

/** 资源不能满足需求的原因。Why a resource cannot meet the demand. */
export type ExclusionReason =
  /** 提供方不服务需求所在社区（不在服务范围）。The provider does not serve the demand's community (not its service area). */
  | 'NOT_SERVING_COMMUNITY'
  /** 资源不服务需求所在街道（既非所在街道，也不在其服务街道中）。The resource does not serve the demand's street (neither its home street nor one of the streets it serves). */
  | 'NOT_SERVING_STREET'
  /** 本周期剩余能力少于需求所需数量。Less of the current period's capacity is left than the demand needs. */
  | 'NO_CAPACITY_LEFT'
  /** 距离超过 MATCH_MAX_DISTANCE_KM。Farther than MATCH_MAX_DISTANCE_KM. */
  | 'TOO_FAR'
  /** 资源以其他单位计量能力（如需求要元，资源按件计）。The resource counts capacity in another unit than the demand's (e.g. the demand asks for 元, the resource counts 件). */
  | 'UNIT_MISMATCH'
  /** 类别不符。The category does not fit. */
  | 'WRONG_CATEGORY';

/** 一个排除原因及其排除的资源数。One reason and how many resources it ruled out. */
export type ExclusionReasonCount = {
  __typename?: 'ExclusionReasonCount';
  /** 被此原因排除的资源数。How many resources it ruled out. */
  count: Scalars['Int']['output'];
  /** 原因。The reason. */
  reason: ExclusionReason;
};

/** WGS-84 坐标。A WGS-84 coordinate. */
export type GeoPoint = {
  __typename?: 'GeoPoint';
  /** 纬度（度）。Latitude in degrees. */
  lat: Scalars['Float']['output'];
  /** 经度（度）。Longitude in degrees. */
  lng: Scalars['Float']['output'];
};

/** WGS-84 坐标。A WGS-84 coordinate. */
export type GeoPointInput = {
  /** 纬度（度）。Latitude in degrees. */
  lat: Scalars['Float']['input'];
  /** 经度（度）。Longitude in degrees. */
  lng: Scalars['Float']['input'];
};

/** 网格，基层管理的基本单元。A grid, the cell of grassroots management. */
export type Grid = {
  __typename?: 'Grid';
  /** 网格 id。Grid id. */
  id: Scalars['ID']['output'];
};

/** 一种帮扶类型：类别下的细分类型，及需求的默认数量与单位。A kind of help: a narrower kind within a category, with what a demand of it needs by default. */
export type HelpKind = {
  __typename?: 'HelpKind';
  /** 类别。Category. */
  category: ResourceCategory;
  /** 需求未写明时的数量。What a demand of the kind needs unless it says. */
  defaultAmount: Scalars['Int']['output'];
  /** 名称。Label. */
  label: Scalars['String']['output'];
  /** 细分类型代码（GENERAL 为整个类别）。Code of the kind (GENERAL is the category as a whole). */
  subKind: Scalars['String']['output'];
  /** 该类资源计量能力的单位，也是需求默认的单位。The unit resources of the kind count capacity in, and a demand's default unit. */
  unit: Scalars['String']['output'];
};

/** 可满足需求的资源及其得分。A resource that can meet the demand, with its score. */
export type MatchCandidate = {
  __typename?: 'MatchCandidate';
  /** 得分说明。Why it scores what it does. */
  explanation: MatchExplanation;
  /** 资源。The resource. */
  resource: Resource;
  /** 各项贡献之和（精确到 4 位小数）。Exactly the sum of the terms' contributions (4 decimals). */
  score: Scalars['Float']['output'];
  /** 替代：资源属于另一类型，只能部分胜任（类别匹配度低于 1）；替代资源总排在所有能胜任的资源之后。Stand-in: the resource is of another kind that can only partly do the job (category fit below 1); stand-ins always rank after every resource that can do it. */
  standIn: Scalars['Boolean']['output'];
};

/** 被排除的资源及决定性约束。A resource ruled out, with the deciding constraint. */
export type MatchExclusion = {
  __typename?: 'MatchExclusion';
  /** 具体说明。Details in words. */
  detail: Scalars['String']['output'];
  /** 原因。The reason. */
  reason: ExclusionReason;
  /** 资源。The resource. */
  resource: Resource;
};

/** 被排除的资源：按原因的计数与最接近的若干个。The resources ruled out: counts by reason and the closest ones, a page at a time. */
export type MatchExclusionConnection = {
  __typename?: 'MatchExclusionConnection';
  /** 每个原因排除了多少，最接近的原因在前（NO_CAPACITY_LEFT、TOO_FAR、UNIT_MISMATCH、NOT_SERVING_COMMUNITY、WRONG_CATEGORY）。How many each reason ruled out, the closest reason first (NO_CAPACITY_LEFT, TOO_FAR, UNIT_MISMATCH, NOT_SERVING_COMMUNITY, WRONG_CATEGORY). */
  byReason: Array<ExclusionReasonCount>;
  /** 本页被排除的资源，最接近的在前。The resources ruled out on this page, closest first. */
  nodes: Array<MatchExclusion>;
  /** 分页信息。Page information. */
  pageInfo: PageInfo;
  /** 被排除的总数。How many were ruled out. */
  totalCount: Scalars['Int']['output'];
};

/** 候选得分的说明。Why a candidate scores what it does. */
export type MatchExplanation = {
  __typename?: 'MatchExplanation';
  /** 每项一条，顺序固定：CATEGORY、DISTANCE、PAIRING、CREDIT、RATING、CAPACITY、FAIRNESS。One per term, in a fixed order: CATEGORY, DISTANCE, PAIRING, CREDIT, RATING, CAPACITY, FAIRNESS. */
  terms: Array<MatchTerm>;
};

/** 为一个需求排序的资源。Resources ranked for one demand. */
export type MatchResult = {
  __typename?: 'MatchResult';
  /** 候选资源，最优在前。The candidates, best first. */
  candidates: Array<MatchCandidate>;
  /** 排序缺少其他子图的数据（结对、信用），相关项按中性或 0 计。The ranking had to do without data from another subgraph (pairings, credit); those terms count as neutral or 0. */
  degraded: Scalars['Boolean']['output'];
  /** 缺少哪些数据及原因；完整时为空。Which data was missing and why; empty when nothing was. */
  degradedReasons: Array<Scalars['String']['output']>;
  /** 需求。The demand. */
  demand: Demand;
  /**
   * 已弃用：最接近的至多 100 个被排除资源（曾为全部）。Deprecated: the closest 100 resources ruled out at most (it used to be all of them).
   * @deprecated Unbounded before and bounded to 100 now; use exclusions (counts by reason, closest first, paged). 已弃用：请用 exclusions。
   */
  excluded: Array<MatchExclusion>;
  /** 被排除的资源：服务本社区而被排除的，及 MATCH_MAX_DISTANCE_KM 范围内（或无固定地点）能胜任却不服务本社区的；按原因计数，最接近的在前，分页。The resources ruled out: those serving the demand's community, and those of a kind that could do the job within MATCH_MAX_DISTANCE_KM (or without a fixed place) that do not serve it; counted by reason, closest first, a page at a time. */
  exclusions: MatchExclusionConnection;
  /** 无候选时用一句话说明原因（没有能胜任的类型，或能胜任的资源各因何被排除）；有候选时为 null。Why nothing fits, in words, when nothing does (no resource of a kind that can do the job, or what stopped each one that could); null when there are candidates. */
  noCandidateReason?: Maybe<Scalars['String']['output']>;
};


/** 为一个需求排序的资源。Resources ranked for one demand. */
export type MatchResultExclusionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** 匹配得分中的一项。One term of a match score. */
export type MatchTerm = {
  __typename?: 'MatchTerm';
  /** 权重 × 取值，保留 4 位小数。weight × value (the term's contribution), to 4 decimals. */
  contribution: Scalars['Float']['output'];
  /** 项名。Which term. */
  name: MatchTermName;
  /** 取值的文字说明，含其他子图数据不可用的情况。The value in words, including when data from another subgraph was unavailable. */
  note: Scalars['String']['output'];
  /** 取值，0–1。Value, 0–1. */
  value: Scalars['Float']['output'];
  /** 权重，来自配置（MATCH_WEIGHT_<NAME>）。Weight, from configuration (MATCH_WEIGHT_<NAME>). */
  weight: Scalars['Float']['output'];
};

/** 匹配项衡量的内容。What a match term measures. */
export type MatchTermName =
  /** 能力：资源本周期剩余能力（未被已派、已接订单占用）的占比。Share of the resource's capacity left this period (not held by dispatched or accepted orders). */
  | 'CAPACITY'
  /** 类别：匹配度，取自 categoryFits（同一类型为 1，可替代的类型低于 1）。The category fit from categoryFits (1 for the same kind, below 1 for a kind that stands in). */
  | 'CATEGORY'
  /** 信用：单位履责信用 / 200（基础分 100 为中性 0.5）。The unit's duty credit / 200 (100, the base, is neutral 0.5). */
  | 'CREDIT'
  /** 距离：1 / (1 + 公里数 / MATCH_DISTANCE_SCALE_KM)；任一方无地点时为 0.5。1 / (1 + km / MATCH_DISTANCE_SCALE_KM) between the demand and the resource; 0.5 when either has no place. */
  | 'DISTANCE'
  /** 公平：1 − 该资源在其结对社区以外的订单中已给本社区的占比（在没有更好选择的社区间分散帮扶）；结对社区的需求为 1，给结对社区的订单从不计入。1 − the share of the resource's orders outside its provider's partners that already went to this community (spreads help across communities with no better claim); 1 for a partner community's demand, and orders for partners (结对) never count against anyone. */
  | 'FAIRNESS'
  /** 结对：提供方是与需求所在社区结对的单位时为 1。1 when the provider is a unit paired with the demand's community. */
  | 'PAIRING'
  /** 评价：提供方已评订单的评分（贝叶斯均值，3 星为中性）。The provider's ratings on its RATED orders (Bayesian mean, 3 stars neutral). */
  | 'RATING';

/** 变更入口。The mutation root. */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * 提供方接受已派的订单（接单）。派单时占用的能力转为使用；若接单已在派单之后的周期，则改占本周期的能力，已无剩余时报 CAPACITY_EXHAUSTED，且不做任何改动。
   * The provider accepts a DISPATCHED order. The capacity its dispatch holds becomes used; accepted in
   * a later period than the dispatch, the order takes the current period's capacity instead and fails
   * with CAPACITY_EXHAUSTED, changing nothing, when none is left.
   */
  acceptOrder: Demand;
  /** 提出人撤回 OPEN、DISPATCHED 或 DECLINED 的需求（取消）。Whoever raised it withdraws an OPEN, DISPATCHED or DECLINED demand. */
  cancelDemand: Demand;
  /** 提供方拒绝已派的订单（拒单），退回派单人，状态 DECLINED，并释放派单占用的能力。The provider declines a DISPATCHED order; it returns to the dispatcher as DECLINED and the capacity its dispatch held is given back. */
  declineOrder: Demand;
  /**
   * 社区或网格党支部把 OPEN（或 DECLINED）的需求派给服务本社区的资源（派单）。派单即占用资源本周期供给能力中需求所需的数量（amount，资源须以需求的单位计量能力，否则报 BAD_USER_INPUT），直到拒单、取消或过期；剩余不足时报 CAPACITY_EXHAUSTED，且不做任何改动。
   * The community or grid branch dispatches an OPEN (or DECLINED) demand to a resource serving its
   * community. The dispatch holds the demand's `amount` of the resource's capacity in the current
   * period until the order is declined, cancelled or expires (the resource must count capacity in the
   * demand's `unit`, else BAD_USER_INPUT); fails with CAPACITY_EXHAUSTED, changing nothing, when less
   * is left.
   */
  dispatchDemand: Demand;
  /** 将 OPEN、DISPATCHED 或 DECLINED 的需求标为未按时满足（过期），如由定时任务调用。Marks an OPEN, DISPATCHED or DECLINED demand as not met in time, e.g. by a scheduler. */
  expireDemand: Demand;
  /** 提供方报告已接订单完成。The provider reports an ACCEPTED order done. */
  fulfilOrder: Demand;
  /**
   * 批量派单：在资源剩余能力下求最优，依次为 (1) 覆盖社区数，(2) 各社区最低份额，(3) 总分，(4) 总分相同时最低满足比例最高（字典序最大最小）——对每个需求的前若干候选用最小费用流求解。dryRun 为 false 时在一个事务中派出。按 communityIds 或 officeId（本子图保存的社区 → 办事处映射）限定范围，二者皆给时取交集。
   * Assigns many OPEN demands at once: the optimum under the resources' remaining capacities of
   * (1) communities reached, (2) each community's minimum share, (3) total score, (4) among plans equal
   * in those, the highest minimum share served, then the next (lexicographic max-min) — by min-cost
   * flow over each demand's top candidates. With dryRun false the allocated demands are
   * dispatched in one transaction. Scope by communityIds or by officeId (the community → office
   * mapping this subgraph keeps), or both (intersection).
   */
  proposeAllocations: AllocationPlan;
  /** 群众对已完成订单评价（评单），1–5 分并附意见。Residents rate a FULFILLED order, 1–5 with a comment. */
  rateOrder: Demand;
  /**
   * 设定资源服务的街道（完整列表，须含所在街道）。街道管理员可设定本街道资源的服务街道（未绑定街道的街道管理员可设定任何资源的）；未知的街道（本子图不知其任何社区）或缺少所在街道时报 BAD_USER_INPUT，且不做改动。
   * Sets the streets a resource serves (the whole list, its home street included). A STREET_ADMIN sets
   * them for the resources of its street (one bound to no street for any resource); an unknown street
   * (no community of it known here) or a list without the home street is BAD_USER_INPUT and changes
   * nothing.
   */
  setResourceServedStreets: Resource;
  /** 群众或网格提出需求（点单），初始状态 OPEN。社区和网格向网格子图核实：网格须属于该社区，无法核实时报 DEPENDENCY_UNAVAILABLE 且不做改动。Residents or a grid raise a demand; it starts OPEN. The community and grid are checked with the grids subgraph (the grid must belong to the community); when grids cannot answer it fails with DEPENDENCY_UNAVAILABLE and changes nothing. */
  submitDemand: Demand;
};


/** 变更入口。The mutation root. */
export type MutationAcceptOrderArgs = {
  input: OrderActionInput;
};


/** 变更入口。The mutation root. */
export type MutationCancelDemandArgs = {
  input: OrderActionInput;
};


/** 变更入口。The mutation root. */
export type MutationDeclineOrderArgs = {
  input: OrderActionInput;
};


/** 变更入口。The mutation root. */
export type MutationDispatchDemandArgs = {
  input: DispatchDemandInput;
};


/** 变更入口。The mutation root. */
export type MutationExpireDemandArgs = {
  input: OrderActionInput;
};


/** 变更入口。The mutation root. */
export type MutationFulfilOrderArgs = {
  input: OrderActionInput;
};


/** 变更入口。The mutation root. */
export type MutationProposeAllocationsArgs = {
  allowDegraded?: InputMaybe<Scalars['Boolean']['input']>;
  dryRun?: InputMaybe<Scalars['Boolean']['input']>;
  scope: AllocationScopeInput;
};


/** 变更入口。The mutation root. */
export type MutationRateOrderArgs = {
  input: RateOrderInput;
};


/** 变更入口。The mutation root. */
export type MutationSetResourceServedStreetsArgs = {
  input: SetResourceServedStreetsInput;
};


/** 变更入口。The mutation root. */
export type MutationSubmitDemandArgs = {
  input: SubmitDemandInput;
};

/** 一周中某天的开放时间（当地时间）。Opening hours on one day of the week, local time. */
export type OpeningHours = {
  __typename?: 'OpeningHours';
  /** 关门时间，HH:MM，24 小时制。Closing time, HH:MM, 24-hour clock. */
  closesAt: Scalars['String']['output'];
  /** 1 = 周一 … 7 = 周日。1 = Monday … 7 = Sunday. */
  dayOfWeek: Scalars['Int']['output'];
  /** 开门时间，HH:MM，24 小时制。Opening time, HH:MM, 24-hour clock. */
  opensAt: Scalars['String']['output'];
};

/** 订单流程中的一步。A step of the order loop. */
export type OrderAction =
  /** 接单。Accept the order. */
  | 'ACCEPT'
  /** 取消。Withdraw the demand. */
  | 'CANCEL'
  /** 拒单。Decline the order. */
  | 'DECLINE'
  /** 派单。Dispatch to a resource. */
  | 'DISPATCH'
  /** 过期。Mark as not met in time. */
  | 'EXPIRE'
  /** 完成。Report the order done. */
  | 'FULFIL'
  /** 评单。Rate the fulfilled order. */
  | 'RATE';

/** 对订单的一步操作。One step taken on an order. */
export type OrderActionInput = {
  /**
   * 已弃用，忽略：操作人即登录调用方。Ignored: the actor is the signed-in caller.
   * @deprecated Ignored: the actor is the signed-in caller (token subject). 已弃用：操作人取自登录调用方。
   */
  actor?: InputMaybe<Scalars['String']['input']>;
  /** 需求 id。Demand id. */
  id: Scalars['ID']['input'];
  /** 备注。Note. */
  note?: InputMaybe<Scalars['String']['input']>;
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

/** 查询入口。The query root. */
export type Query = {
  __typename?: 'Query';
  /** 类别匹配规则：哪类资源能满足哪类需求、匹配度多少；数据表 category_fits，运维可直接修改，下一请求即生效。The category fit rules: which kind of resource meets which kind of demand, and how well; the category_fits table, which operators may edit (effective from the next request). */
  categoryFits: Array<CategoryFit>;
  /** 单个需求；id 不存在时为 null。One demand; null when no such id exists. */
  demand?: Maybe<Demand>;
  /** 按 id 排序的需求分页列表。Demands, ordered by id. */
  demands?: Maybe<DemandConnection>;
  /** 帮扶类型（类别下的细分类型），及需求未写明时的默认数量和单位；数据表 help_kinds。The kinds of help (narrower kinds within the categories) with the amount and unit a demand of each needs unless it says; the help_kinds table. */
  helpKinds: Array<HelpKind>;
  /**
   * 为一个需求排序的资源（供需对接），最优在前，每个附逐项得分说明，并列出被排除的资源及原因。first（1–100，默认 10）限制候选数。需求不存在时为 null。
   * Resources ranked for one demand, best first, each with its score explained term by term,
   * plus the resources that were ruled out and why. `first` (1–100, default 10) limits the candidates.
   * Null when no such demand exists.
   */
  matchCandidates?: Maybe<MatchResult>;
  /** 单个资源；id 不存在时为 null。One resource; null when no such id exists. */
  resource?: Maybe<Resource>;
  /**
   * 本子图的审计日志（每次变更：谁、做了什么、何时、涉及的 id、结果），最新在前；仅区级平台（DISTRICT_PLATFORM）可读。
   * The audit log of the resource-pools subgraph (every mutation: who, what, when, the ids named and returned, the outcome), newest first; DISTRICT_PLATFORM only.
   */
  resourcePoolsAuditLog: Array<AuditEntry>;
  /** 按 id 排序的资源分页列表。Resources, ordered by id. */
  resources?: Maybe<ResourceConnection>;
};


/** 查询入口。The query root. */
export type QueryDemandArgs = {
  id: Scalars['ID']['input'];
};


/** 查询入口。The query root. */
export type QueryDemandsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<DemandFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** 查询入口。The query root. */
export type QueryMatchCandidatesArgs = {
  demandId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** 查询入口。The query root. */
export type QueryResourceArgs = {
  id: Scalars['ID']['input'];
};


/** 查询入口。The query root. */
export type QueryResourcePoolsAuditLogArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  mutation?: InputMaybe<Scalars['String']['input']>;
  subject?: InputMaybe<Scalars['String']['input']>;
};


/** 查询入口。The query root. */
export type QueryResourcesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ResourceFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** 群众对订单的评价。The residents' rating of an order. */
export type RateOrderInput = {
  /**
   * 已弃用，忽略：评价人即登录调用方。Ignored: the rater is the signed-in caller.
   * @deprecated Ignored: the actor is the signed-in caller (token subject). 已弃用：操作人取自登录调用方。
   */
  actor?: InputMaybe<Scalars['String']['input']>;
  /** 评价意见。Comment. */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** 需求 id。Demand id. */
  id: Scalars['ID']['input'];
  /** 评分：1（很不满意）至 5（很满意）。Rating from 1 (very dissatisfied) to 5 (very satisfied). */
  rating: Scalars['Int']['input'];
};

/** 资源池中的资源，提供给其服务的社区。A resource in the pool, offered to the communities it serves. */
export type Resource = {
  __typename?: 'Resource';
  /** 地址；无固定地点时为 null。Address; null without a fixed place. */
  address?: Maybe<Scalars['String']['output']>;
  /** 每周开放时间；资金和物资没有，为空。Weekly opening hours; empty for funds and goods, which have none. */
  availability: Array<OpeningHours>;
  /** 供给能力。How much it can give per period. */
  capacity: Capacity;
  /** 资源类别。Category. */
  category: ResourceCategory;
  /** 说明；其中的电话和证件号码脱敏（持 pii:read 的街道管理员、提供方和服务社区工作人员看到明文）。Description; phone and ID numbers in it are masked (in clear for STREET_ADMIN, the provider and the workers of the communities it serves, holding pii:read). */
  description: Scalars['String']['output'];
  /** 资源 id。Resource id. */
  id: Scalars['ID']['output'];
  /** 使用或发放地点；资金和无固定地点的资源为 null。Where the resource is used or handed out; null for funds and for resources without a fixed place. */
  location?: Maybe<GeoPoint>;
  /** 名称；其中的电话和证件号码脱敏。Name; phone and ID numbers in it are masked. */
  name: Scalars['String']['output'];
  /** 提供方。Who provides it. */
  provider?: Maybe<ResourceProvider>;
  /** 本周期尚未被已派或已接订单占用的能力。Capacity not yet held by dispatched or used by accepted orders in the current period. */
  remainingCapacity: Scalars['Int']['output'];
  /** 服务社区，按 id 排序。Communities the resource serves, ordered by id. */
  servedCommunities?: Maybe<Array<Community>>;
  /** 服务的街道，含所在街道，按 id 排序：区级部门和区级共建单位的资源可服务多个街道；只在这些街道中参与匹配。The streets the resource serves, its home street among them, ordered by id: a district department's or district-level unit's resources may serve several; matching offers it only to demands in these streets. */
  servedStreets: Array<Street>;
  /** 资源来源。Where it comes from. */
  source: ResourceSource;
  /** 所在街道（资源的归属街道）。The street the resource belongs to (its home street). */
  street: Street;
  /** 类别下的细分类型（见 helpKinds），未细分时为 GENERAL。The narrower kind within the category (see helpKinds); GENERAL when it names none. */
  subKind: Scalars['String']['output'];
};

/** 资源类别：资源提供或需求所要的帮助。What kind of help a resource gives or a demand asks for. */
export type ResourceCategory =
  /** 照护服务：养老照护、上门探访、健康服务。Care service: elderly care, home visits, health care. */
  | 'CARE_SERVICE'
  /** 设施设备。Facilities and equipment. */
  | 'FACILITY_EQUIPMENT'
  /** 资金：补助、助学金、公益资金。Funds: grants, bursaries, charity money. */
  | 'FUNDS'
  /** 物资。Materials and goods. */
  | 'MATERIALS'
  /** 专业服务：法律、医疗、技术咨询。Professional service: legal, medical, technical advice. */
  | 'PROFESSIONAL_SERVICE'
  /** 培训教育。Training and education. */
  | 'TRAINING_EDUCATION'
  /** 场地空间：活动室、会议室、运动场。Venue: activity rooms, meeting rooms, sports grounds. */
  | 'VENUE'
  /** 志愿服务。Volunteer service. */
  | 'VOLUNTEER_SERVICE';

/** 资源分页结果。A page of resources. */
export type ResourceConnection = {
  __typename?: 'ResourceConnection';
  /** 本页的边（含游标）。The edges of this page, with cursors. */
  edges: Array<ResourceEdge>;
  /** 本页的资源。The resources of this page. */
  nodes: Array<Resource>;
  /** 分页信息。Page information. */
  pageInfo: PageInfo;
  /** 符合条件的总数。Total matching the filter. */
  totalCount: Scalars['Int']['output'];
};

/** 资源分页中的一条边。An edge of a resource page. */
export type ResourceEdge = {
  __typename?: 'ResourceEdge';
  /** 游标。Cursor. */
  cursor: Scalars['String']['output'];
  /** 资源。The resource. */
  node: Resource;
};

/** 资源筛选条件。Filter for resources. */
export type ResourceFilter = {
  /** 只列此类别的。Only those of this category. */
  category?: InputMaybe<ResourceCategory>;
  /** 名称包含（不区分大小写）。Case-insensitive substring of the name. */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /** 提供方（共建单位或部门）id。Id of the providing co-building unit or department. */
  providerId?: InputMaybe<Scalars['ID']['input']>;
  /** 只列服务此社区的。Resources serving this community. */
  servesCommunityId?: InputMaybe<Scalars['ID']['input']>;
  /** 只列服务此街道的（所在街道或所服务街道）。Resources serving this street (their home street or one they serve). */
  servesStreetId?: InputMaybe<Scalars['ID']['input']>;
  /** 只列此来源的。Only those from this source. */
  source?: InputMaybe<ResourceSource>;
};

/** 资源提供方：共建单位或区级职能部门。Who provides a resource: a co-building unit or a district department. */
export type ResourceProvider = CoBuildingUnit | Department;

/** 资源来源。Where a resource comes from. */
export type ResourceSource =
  /** 公益基金：社会组织和慈善机构。Charity fund: social organisations and charities. */
  | 'CHARITY_FUND'
  /** 企业社会责任。Enterprise social responsibility. */
  | 'ENTERPRISE_CSR'
  /** 政府服务：职能部门、机关、公办学校和医院。Government service: departments, agencies, public schools and hospitals. */
  | 'GOVERNMENT_SERVICE';

/** 资源服务的街道。The streets a resource serves. */
export type SetResourceServedStreetsInput = {
  /** 资源 id。Resource id. */
  resourceId: Scalars['ID']['input'];
  /** 服务的全部街道 id，须含资源所在街道。Every street it serves, its home street included. */
  streetIds: Array<Scalars['ID']['input']>;
};

/** 街道：本枢纽服务的基层治理单元之一。A street: one of the units of grassroots governance this hub serves. */
export type Street = {
  __typename?: 'Street';
  /** 街道 id。Street id. */
  id: Scalars['ID']['output'];
  /** 待派单（OPEN）的需求数；仅区级平台可读。Demands waiting for dispatch (OPEN); DISTRICT_PLATFORM only. */
  openDemandCount: Scalars['Int']['output'];
  /** 本月（北京时间）完成的订单数；仅区级平台可读。Orders fulfilled this calendar month (China Standard Time); DISTRICT_PLATFORM only. */
  ordersFulfilledThisMonth: Scalars['Int']['output'];
};

/** 提出需求的内容。A demand to raise. */
export type SubmitDemandInput = {
  /**
   * 已弃用，忽略：提出人即登录调用方。Ignored: the actor is the signed-in caller.
   * @deprecated Ignored: the actor is the signed-in caller (token subject). 已弃用：操作人取自登录调用方。
   */
  actor?: InputMaybe<Scalars['String']['input']>;
  /** 所需数量，1–1000000000；默认为该类别的默认值（如场地 1 场、志愿服务 4 小时、资金 1000 元）。How much is needed, 1–1,000,000,000; by default the kind's default (e.g. 1 场 of a venue, 4 小时 of volunteer service, 1000 元 of funds). */
  amount?: InputMaybe<Scalars['Int']['input']>;
  /** 所需资源类别。The category of help asked for. */
  category: ResourceCategory;
  /** 社区（村）id。Community or village id. */
  communityId: Scalars['ID']['input'];
  /** 说明。Description. */
  description: Scalars['String']['input'];
  /** 来源网格 id，可不填。Id of the grid it comes from, optional. */
  gridId?: InputMaybe<Scalars['ID']['input']>;
  /** 需求位置（通常为前端所知的社区位置）。Where the demand is (usually the community's location, as the front end knows it). */
  location?: InputMaybe<GeoPointInput>;
  /** 需求来源。Where it is raised. */
  source: DemandSource;
  /** 类别下的细分类型（helpKinds 中本类别的 subKind），默认 GENERAL。The narrower kind within the category (a subKind of the category in helpKinds); GENERAL by default. */
  subKind?: InputMaybe<Scalars['String']['input']>;
  /** 标题。Title. */
  title: Scalars['String']['input'];
  /** amount 的单位：人次、小时、元、场或件；默认为该类别资源的单位。The unit of `amount`: 人次, 小时, 元, 场 or 件; by default the unit resources of the category count in. */
  unit?: InputMaybe<Scalars['String']['input']>;
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
  District: District;
  Resource: Resource;
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
  Demand:
    ( { __typename: 'Demand' }
    & GraphQLRecursivePick<FederationTypes['Demand'], {"id":true}> );
  Department:
    ( { __typename: 'Department' }
    & GraphQLRecursivePick<FederationTypes['Department'], {"id":true}> );
  District:
    ( { __typename: 'District' }
    & GraphQLRecursivePick<FederationTypes['District'], {"id":true}> );
  Resource:
    ( { __typename: 'Resource' }
    & GraphQLRecursivePick<FederationTypes['Resource'], {"id":true}> );
  Street:
    ( { __typename: 'Street' }
    & GraphQLRecursivePick<FederationTypes['Street'], {"id":true}> );
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
  Allocation: ResolverTypeWrapper<AllocationModel>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  AllocationFairness: ResolverTypeWrapper<AllocationFairness>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AllocationPlan: ResolverTypeWrapper<Omit<AllocationPlan, 'allocations' | 'unallocated'> & { allocations: Array<ResolversTypes['Allocation']>, unallocated: Array<ResolversTypes['Demand']> }>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AllocationScopeInput: AllocationScopeInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  Capacity: ResolverTypeWrapper<Capacity>;
  CapacityPeriod: CapacityPeriod;
  CategoryFit: ResolverTypeWrapper<CategoryFitRow>;
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
  District: ResolverTypeWrapper<EntityReference>;
  ExclusionReason: ExclusionReason;
  ExclusionReasonCount: ResolverTypeWrapper<ExclusionReasonCount>;
  GeoPoint: ResolverTypeWrapper<GeoPoint>;
  GeoPointInput: GeoPointInput;
  Grid: ResolverTypeWrapper<EntityReference>;
  HelpKind: ResolverTypeWrapper<HelpKindRow>;
  MatchCandidate: ResolverTypeWrapper<Omit<MatchCandidate, 'resource'> & { resource: ResolversTypes['Resource'] }>;
  MatchExclusion: ResolverTypeWrapper<Omit<MatchExclusion, 'resource'> & { resource: ResolversTypes['Resource'] }>;
  MatchExclusionConnection: ResolverTypeWrapper<Omit<MatchExclusionConnection, 'nodes'> & { nodes: Array<ResolversTypes['MatchExclusion']> }>;
  MatchExplanation: ResolverTypeWrapper<MatchExplanation>;
  MatchResult: ResolverTypeWrapper<MatchResultModel>;
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
  SetResourceServedStreetsInput: SetResourceServedStreetsInput;
  Street: ResolverTypeWrapper<EntityReference>;
  SubmitDemandInput: SubmitDemandInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Allocation: AllocationModel;
  Float: Scalars['Float']['output'];
  AllocationFairness: AllocationFairness;
  Int: Scalars['Int']['output'];
  AllocationPlan: Omit<AllocationPlan, 'allocations' | 'unallocated'> & { allocations: Array<ResolversParentTypes['Allocation']>, unallocated: Array<ResolversParentTypes['Demand']> };
  Boolean: Scalars['Boolean']['output'];
  String: Scalars['String']['output'];
  AllocationScopeInput: AllocationScopeInput;
  ID: Scalars['ID']['output'];
  AuditEntry: AuditEntry;
  Capacity: Capacity;
  CategoryFit: CategoryFitRow;
  CoBuildingUnit: EntityReference;
  Community: EntityReference;
  Demand: DemandRow;
  DemandConnection: Omit<DemandConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['DemandEdge']>, nodes: Array<ResolversParentTypes['Demand']> };
  DemandEdge: Omit<DemandEdge, 'node'> & { node: ResolversParentTypes['Demand'] };
  DemandEvent: DemandEventRow;
  DemandFilter: DemandFilter;
  Department: EntityReference;
  DispatchDemandInput: DispatchDemandInput;
  District: EntityReference;
  ExclusionReasonCount: ExclusionReasonCount;
  GeoPoint: GeoPoint;
  GeoPointInput: GeoPointInput;
  Grid: EntityReference;
  HelpKind: HelpKindRow;
  MatchCandidate: Omit<MatchCandidate, 'resource'> & { resource: ResolversParentTypes['Resource'] };
  MatchExclusion: Omit<MatchExclusion, 'resource'> & { resource: ResolversParentTypes['Resource'] };
  MatchExclusionConnection: Omit<MatchExclusionConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['MatchExclusion']> };
  MatchExplanation: MatchExplanation;
  MatchResult: MatchResultModel;
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
  SetResourceServedStreetsInput: SetResourceServedStreetsInput;
  Street: EntityReference;
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
  reachableMinShare?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  served?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AllocationPlanResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['AllocationPlan'] = ResolversParentTypes['AllocationPlan']> = {
  allocations?: Resolver<Array<ResolversTypes['Allocation']>, ParentType, ContextType>;
  degraded?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  degradedReasons?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  dryRun?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  exact?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  fairness?: Resolver<ResolversTypes['AllocationFairness'], ParentType, ContextType>;
  greedyFairness?: Resolver<ResolversTypes['AllocationFairness'], ParentType, ContextType>;
  greedyObjective?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  objective?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  objectiveBound?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  unallocated?: Resolver<Array<ResolversTypes['Demand']>, ParentType, ContextType>;
};

export type AuditEntryResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
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

export type CapacityResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['Capacity'] = ResolversParentTypes['Capacity']> = {
  amount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['CapacityPeriod'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CategoryFitResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['CategoryFit'] = ResolversParentTypes['CategoryFit']> = {
  demandCategory?: Resolver<ResolversTypes['ResourceCategory'], ParentType, ContextType>;
  demandSubKind?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  note?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  resourceCategory?: Resolver<ResolversTypes['ResourceCategory'], ParentType, ContextType>;
  resourceSubKind?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  weight?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type CoBuildingUnitResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['CoBuildingUnit'] = ResolversParentTypes['CoBuildingUnit'], FederationReferenceType extends FederationReferenceTypes['CoBuildingUnit'] = FederationReferenceTypes['CoBuildingUnit']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CoBuildingUnit']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  orders?: Resolver<Maybe<Array<ResolversTypes['Demand']>>, ParentType, ContextType, Partial<CoBuildingUnitOrdersArgs>>;
  resources?: Resolver<Maybe<Array<ResolversTypes['Resource']>>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type CommunityResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['Community'] = ResolversParentTypes['Community'], FederationReferenceType extends FederationReferenceTypes['Community'] = FederationReferenceTypes['Community']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Community']> | FederationReferenceType, FederationReferenceType, ContextType>;
  demands?: Resolver<Maybe<Array<ResolversTypes['Demand']>>, ParentType, ContextType, Partial<CommunityDemandsArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  openDemandCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  openDemands?: Resolver<Maybe<Array<ResolversTypes['Demand']>>, ParentType, ContextType>;
  servedBy?: Resolver<Maybe<Array<ResolversTypes['Resource']>>, ParentType, ContextType>;
};

export type DemandResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['Demand'] = ResolversParentTypes['Demand'], FederationReferenceType extends FederationReferenceTypes['Demand'] = FederationReferenceTypes['Demand']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Demand']> | FederationReferenceType, FederationReferenceType, ContextType>;
  allowedActions?: Resolver<Array<ResolversTypes['OrderAction']>, ParentType, ContextType>;
  amount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  category?: Resolver<ResolversTypes['ResourceCategory'], ParentType, ContextType>;
  community?: Resolver<Maybe<ResolversTypes['Community']>, ParentType, ContextType>;
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
  subKind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timeline?: Resolver<Array<ResolversTypes['DemandEvent']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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
  resources?: Resolver<Maybe<Array<ResolversTypes['Resource']>>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type DistrictResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['District'] = ResolversParentTypes['District'], FederationReferenceType extends FederationReferenceTypes['District'] = FederationReferenceTypes['District']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['District']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  openDemandCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ordersFulfilledThisMonth?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ExclusionReasonCountResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['ExclusionReasonCount'] = ResolversParentTypes['ExclusionReasonCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['ExclusionReason'], ParentType, ContextType>;
};

export type GeoPointResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['GeoPoint'] = ResolversParentTypes['GeoPoint']> = {
  lat?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lng?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type GridResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['Grid'] = ResolversParentTypes['Grid']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type HelpKindResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['HelpKind'] = ResolversParentTypes['HelpKind']> = {
  category?: Resolver<ResolversTypes['ResourceCategory'], ParentType, ContextType>;
  defaultAmount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subKind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MatchCandidateResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['MatchCandidate'] = ResolversParentTypes['MatchCandidate']> = {
  explanation?: Resolver<ResolversTypes['MatchExplanation'], ParentType, ContextType>;
  resource?: Resolver<ResolversTypes['Resource'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  standIn?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type MatchExclusionResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['MatchExclusion'] = ResolversParentTypes['MatchExclusion']> = {
  detail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['ExclusionReason'], ParentType, ContextType>;
  resource?: Resolver<ResolversTypes['Resource'], ParentType, ContextType>;
};

export type MatchExclusionConnectionResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['MatchExclusionConnection'] = ResolversParentTypes['MatchExclusionConnection']> = {
  byReason?: Resolver<Array<ResolversTypes['ExclusionReasonCount']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['MatchExclusion']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MatchExplanationResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['MatchExplanation'] = ResolversParentTypes['MatchExplanation']> = {
  terms?: Resolver<Array<ResolversTypes['MatchTerm']>, ParentType, ContextType>;
};

export type MatchResultResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['MatchResult'] = ResolversParentTypes['MatchResult']> = {
  candidates?: Resolver<Array<ResolversTypes['MatchCandidate']>, ParentType, ContextType>;
  degraded?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  degradedReasons?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  demand?: Resolver<ResolversTypes['Demand'], ParentType, ContextType>;
  excluded?: Resolver<Array<ResolversTypes['MatchExclusion']>, ParentType, ContextType>;
  exclusions?: Resolver<ResolversTypes['MatchExclusionConnection'], ParentType, ContextType, RequireFields<MatchResultExclusionsArgs, 'first'>>;
  noCandidateReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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
  proposeAllocations?: Resolver<ResolversTypes['AllocationPlan'], ParentType, ContextType, RequireFields<MutationProposeAllocationsArgs, 'allowDegraded' | 'dryRun' | 'scope'>>;
  rateOrder?: Resolver<ResolversTypes['Demand'], ParentType, ContextType, RequireFields<MutationRateOrderArgs, 'input'>>;
  setResourceServedStreets?: Resolver<ResolversTypes['Resource'], ParentType, ContextType, RequireFields<MutationSetResourceServedStreetsArgs, 'input'>>;
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
  categoryFits?: Resolver<Array<ResolversTypes['CategoryFit']>, ParentType, ContextType>;
  demand?: Resolver<Maybe<ResolversTypes['Demand']>, ParentType, ContextType, RequireFields<QueryDemandArgs, 'id'>>;
  demands?: Resolver<Maybe<ResolversTypes['DemandConnection']>, ParentType, ContextType, RequireFields<QueryDemandsArgs, 'first'>>;
  helpKinds?: Resolver<Array<ResolversTypes['HelpKind']>, ParentType, ContextType>;
  matchCandidates?: Resolver<Maybe<ResolversTypes['MatchResult']>, ParentType, ContextType, RequireFields<QueryMatchCandidatesArgs, 'demandId' | 'first'>>;
  resource?: Resolver<Maybe<ResolversTypes['Resource']>, ParentType, ContextType, RequireFields<QueryResourceArgs, 'id'>>;
  resourcePoolsAuditLog?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, RequireFields<QueryResourcePoolsAuditLogArgs, 'first'>>;
  resources?: Resolver<Maybe<ResolversTypes['ResourceConnection']>, ParentType, ContextType, RequireFields<QueryResourcesArgs, 'first'>>;
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
  provider?: Resolver<Maybe<ResolversTypes['ResourceProvider']>, ParentType, ContextType>;
  remainingCapacity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  servedCommunities?: Resolver<Maybe<Array<ResolversTypes['Community']>>, ParentType, ContextType>;
  servedStreets?: Resolver<Array<ResolversTypes['Street']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['ResourceSource'], ParentType, ContextType>;
  street?: Resolver<ResolversTypes['Street'], ParentType, ContextType>;
  subKind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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

export type StreetResolvers<ContextType = ResourcePoolsContext, ParentType extends ResolversParentTypes['Street'] = ResolversParentTypes['Street'], FederationReferenceType extends FederationReferenceTypes['Street'] = FederationReferenceTypes['Street']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Street']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  openDemandCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ordersFulfilledThisMonth?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type Resolvers<ContextType = ResourcePoolsContext> = {
  Allocation?: AllocationResolvers<ContextType>;
  AllocationFairness?: AllocationFairnessResolvers<ContextType>;
  AllocationPlan?: AllocationPlanResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  Capacity?: CapacityResolvers<ContextType>;
  CategoryFit?: CategoryFitResolvers<ContextType>;
  CoBuildingUnit?: CoBuildingUnitResolvers<ContextType>;
  Community?: CommunityResolvers<ContextType>;
  Demand?: DemandResolvers<ContextType>;
  DemandConnection?: DemandConnectionResolvers<ContextType>;
  DemandEdge?: DemandEdgeResolvers<ContextType>;
  DemandEvent?: DemandEventResolvers<ContextType>;
  Department?: DepartmentResolvers<ContextType>;
  District?: DistrictResolvers<ContextType>;
  ExclusionReasonCount?: ExclusionReasonCountResolvers<ContextType>;
  GeoPoint?: GeoPointResolvers<ContextType>;
  Grid?: GridResolvers<ContextType>;
  HelpKind?: HelpKindResolvers<ContextType>;
  MatchCandidate?: MatchCandidateResolvers<ContextType>;
  MatchExclusion?: MatchExclusionResolvers<ContextType>;
  MatchExclusionConnection?: MatchExclusionConnectionResolvers<ContextType>;
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
  Street?: StreetResolvers<ContextType>;
};

