import type { GraphQLResolveInfo } from 'graphql';
import type { StreetRow, OfficeRow, CommunityRow, GridRow, MicroGridRow, IncidentRow, IncidentEventRow, IncidentRoutingRuleRow, IncidentStatsRow } from '../store.js';
import type { EntityReference } from '../../../lib/subgraph/references.js';
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
  /** 共建单位 id。Co-building unit id. */
  id: Scalars['ID']['output'];
};

/** 社区或村。A community or village. */
export type Community = {
  __typename?: 'Community';
  /** 本社区的网格，可按类别筛选，按 id 排序。The community's grids, optionally of one kind, ordered by id. */
  grids: Array<Grid>;
  /** 户数。Households. */
  households: Scalars['Int']['output'];
  /** 社区（村）id。Community or village id. */
  id: Scalars['ID']['output'];
  /** 本社区事件闭环的当前统计，只计调用方可见的事件（如网格员只计本网格的）。Figures of the community's incident loop, as of now, over the incidents the caller may read (a grid worker's: its grid's only). */
  incidentStats: IncidentStats;
  /** 社区或村。Community or village. */
  kind: CommunityKind;
  /** 社区位置。Where the community is. */
  location: GeoPoint;
  /** 本社区所有网格中的微网格数。Number of micro-grids in all grids of the community. */
  microGridCount: Scalars['Int']['output'];
  /** 名称。Name. */
  name: Scalars['String']['output'];
  /** 所属办事处。The office the community belongs to. */
  office: Office;
  /** 人口。Population. */
  population: Scalars['Int']['output'];
  /** 所属街道。The street the community belongs to. */
  street: Street;
};


/** 社区或村。A community or village. */
export type CommunityGridsArgs = {
  kind?: InputMaybe<GridKind>;
};

/** 社区分页结果。A page of communities. */
export type CommunityConnection = {
  __typename?: 'CommunityConnection';
  /** 本页的边（含游标）。The edges of this page, with cursors. */
  edges: Array<CommunityEdge>;
  /** 本页的社区。The communities of this page. */
  nodes: Array<Community>;
  /** 分页信息。Page information. */
  pageInfo: PageInfo;
  /** 符合条件的总数。Total matching the filter. */
  totalCount: Scalars['Int']['output'];
};

/** 社区分页中的一条边。An edge of a community page. */
export type CommunityEdge = {
  __typename?: 'CommunityEdge';
  /** 游标。Cursor. */
  cursor: Scalars['String']['output'];
  /** 社区。The community. */
  node: Community;
};

/** 社区筛选条件。Filter for communities. */
export type CommunityFilter = {
  /** 社区或村。Community or village. */
  kind?: InputMaybe<CommunityKind>;
  /** 名称包含（不区分大小写）。Case-insensitive substring of the name. */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /** 只列此办事处下辖的。Only those of this office. */
  officeId?: InputMaybe<Scalars['ID']['input']>;
  /** 只列此街道的。Only those of this street. */
  streetId?: InputMaybe<Scalars['ID']['input']>;
};

/** 社区类别。Kind of community. */
export type CommunityKind =
  /** 城市社区，含筹备组。An urban community, including preparatory groups. */
  | 'COMMUNITY'
  /** 农村的村。A rural village. */
  | 'VILLAGE';

/** 专属网格覆盖的对象。What a dedicated grid covers. */
export type DedicatedGridKind =
  /** 商圈。Business district. */
  | 'BUSINESS_DISTRICT'
  /** 医院。Hospital. */
  | 'HOSPITAL'
  /** 产业园区。Industrial park. */
  | 'INDUSTRIAL_PARK'
  /** 学校。School. */
  | 'SCHOOL';

/** 响应街道吹哨的区级职能部门。A district department that answers the street's whistle. */
export type Department = {
  __typename?: 'Department';
  /** 部门 id。Department id. */
  id: Scalars['ID']['output'];
  /** 本部门牵头的事件，按 id 排序。Incidents the department leads, ordered by id. */
  incidents?: Maybe<IncidentConnection>;
};


/** 响应街道吹哨的区级职能部门。A district department that answers the street's whistle. */
export type DepartmentIncidentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<IncidentStatus>;
};

/** 区：本枢纽服务的全部街道；各子图给出自己的合计，均仅区级平台可读。The district: every street the hub serves; each subgraph adds its own totals, DISTRICT_PLATFORM only. */
export type District = {
  __typename?: 'District';
  /** 社区和村的总数。Communities and villages in all streets. */
  communityCount: Scalars['Int']['output'];
  /** 网格总数。Grids in all streets. */
  gridCount: Scalars['Int']['output'];
  /** 固定为 district。Always `district`. */
  id: Scalars['ID']['output'];
  /** 未结且超期的事件总数。Incidents open and past their deadline now, in all streets. */
  overdueIncidentCount: Scalars['Int']['output'];
};

/** 当前负责层级：网格 → 社区 → 街道 → 区（吹哨升级）。Who handles an incident now: grid → community → street → district. */
export type EscalationLevel =
  /** 社区。Community level. */
  | 'COMMUNITY'
  /** 区。District level. */
  | 'DISTRICT'
  /** 网格。Grid level. */
  | 'GRID'
  /** 街道。Street level. */
  | 'STREET';

/** WGS-84 坐标。A WGS-84 coordinate. */
export type GeoPoint = {
  __typename?: 'GeoPoint';
  /** 纬度（度）。Latitude in degrees. */
  lat: Scalars['Float']['output'];
  /** 经度（度）。Longitude in degrees. */
  lng: Scalars['Float']['output'];
};

/** 网格，基层管理的基本单元。A grid, the cell of grassroots management. */
export type Grid = {
  __typename?: 'Grid';
  /** 所属社区或村。The community or village of the grid. */
  community: Community;
  /** 专属网格的覆盖对象；综合网格为 null。Set for dedicated grids only. */
  dedicatedTo?: Maybe<DedicatedGridKind>;
  /** 户数。Households. */
  households: Scalars['Int']['output'];
  /** 网格 id。Grid id. */
  id: Scalars['ID']['output'];
  /** 本网格上报的事件，按 id 排序。Incidents reported in the grid, ordered by id. */
  incidents: IncidentConnection;
  /** 综合网格或专属网格。Comprehensive or dedicated. */
  kind: GridKind;
  /** 本网格的微网格，按 id 排序（专属网格没有微网格）。Micro-grids of the grid, ordered by id (dedicated grids have none). */
  microGrids: Array<MicroGrid>;
  /** 名称。Name. */
  name: Scalars['String']['output'];
};


/** 网格，基层管理的基本单元。A grid, the cell of grassroots management. */
export type GridIncidentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<IncidentStatus>;
};

/** 网格类别。Kind of grid. */
export type GridKind =
  /** 综合网格，300–500 户。Comprehensive grid of 300–500 households. */
  | 'COMPREHENSIVE'
  /** 专属网格：学校、医院、商圈或产业园。Dedicated grid for a school, hospital, business district or industrial park. */
  | 'DEDICATED';

/** 网格上报的事件：吹哨报到闭环的基本单元。An incident reported in a grid: the unit of the whistle-and-report loop. */
export type Incident = {
  __typename?: 'Incident';
  /** 当前状态下可用的动作。Actions legal in the current status. */
  allowedActions: Array<IncidentAction>;
  /** 协办部门。Departments that help. */
  assistingDepartments?: Maybe<Array<Department>>;
  /** 事件类别。Category. */
  category: IncidentCategory;
  /** 来源渠道。The channel it came in by. */
  channel: IncidentChannel;
  /** 所在社区或村。The community or village it is in. */
  community: Community;
  /** 办结后设置：是否在时限内办结。Set once resolved: whether it was resolved by the deadline. */
  deadlineKept?: Maybe<Scalars['Boolean']['output']>;
  /** 事件描述；其中的电话和证件号码脱敏。What was reported; phone and ID numbers in it are masked. */
  description: Scalars['String']['output'];
  /** 办理时限，ISO 8601，等待群众的每次暂停（含进行中的）顺延。The deadline, ISO 8601, extended by every pause for the resident (including a running one). */
  dueAt: Scalars['String']['output'];
  /** 疑似重复的未结事件（50 米内、同类、7 天内）；无则为 null。The open incident this one likely duplicates (50 m, same category, 7 days); null when none. */
  duplicateOf?: Maybe<Incident>;
  /** 被标记为本事件疑似重复的事件中调用方可见的，按 id 排序。Incidents flagged as likely duplicates of this one that the caller may read, ordered by id. */
  duplicates: Array<Incident>;
  /** 当前负责层级。The level handling it now. */
  escalationLevel: EscalationLevel;
  /** 所在网格。The grid it is in. */
  grid: Grid;
  /** 事件 id。Incident id. */
  id: Scalars['ID']['output'];
  /** 牵头部门。The department in charge. */
  leadDepartment?: Maybe<Department>;
  /** 事件位置。Where it is. */
  location: GeoPoint;
  /** 所在微网格；未指定时为 null。The micro-grid it is in; null when not given. */
  microGrid?: Maybe<MicroGrid>;
  /** 未结且已超期。Open and past its deadline. */
  overdue: Scalars['Boolean']['output'];
  /** 因等待群众暂停计时的累计小时数。Hours the clock has been paused for the resident so far. */
  pausedHours: Scalars['Float']['output'];
  /** 现场照片地址。URLs of photos taken on site. */
  photoUrls: Array<Scalars['String']['output']>;
  /** 群众评价，1–5；评价前为 null。The resident's rating, 1–5; null until rated. */
  rating?: Maybe<Scalars['Int']['output']>;
  /** 群众评价意见；其中的电话和证件号码脱敏。The resident's comment with the rating; phone and ID numbers in it are masked. */
  ratingComment?: Maybe<Scalars['String']['output']>;
  /** 上报时间，ISO 8601。When it was reported, ISO 8601. */
  reportedAt: Scalars['String']['output'];
  /** 上报人，姓名和电话脱敏。Who reported it; name and phone are masked. */
  reporter: IncidentReporter;
  /** 负有责任的共建单位（如小区物业），其履责信用随结果变化。A co-building unit answerable for it (e.g. the compound's property company); its duty credit moves with the outcome. */
  responsibleUnit?: Maybe<CoBuildingUnit>;
  /** 部门最近一次退单的理由；其中的电话和证件号码脱敏。The department's reason for the latest return; phone and ID numbers in it are masked. */
  returnReason?: Maybe<Scalars['String']['output']>;
  /** 当前状态。Current status. */
  status: IncidentStatus;
  /** 每一步的操作人和时间，最早的在前。Every step with its actor and time, oldest first. */
  timeline: Array<IncidentEvent>;
};

/** 对事件的动作；哪些可用取决于状态（见 Incident.allowedActions）。An action on an incident; which are legal depends on its status (see `Incident.allowedActions`). */
export type IncidentAction =
  /** 部门接单。The department takes it. */
  | 'ACCEPT'
  /** 结案。Close the case. */
  | 'CLOSE'
  /** 派单给牵头部门，按转办规则，可指定其他部门。Send to the lead department, per the routing rule unless overridden. */
  | 'DISPATCH'
  /** 升级到上一级（网格 → 社区 → 街道 → 区）。Hand to the next level up (grid → community → street → district). */
  | 'ESCALATE'
  /** 网格认为结果不合格，退回处置中。The grid finds the result wanting; back to IN_PROGRESS. */
  | 'REJECT_RESOLUTION'
  /** 处置方报告办结。The handler reports it done. */
  | 'RESOLVE'
  /** 群众已回应，恢复计时。The resident has answered; the clock runs again. */
  | 'RESUME'
  /** 部门退单，须填理由。The department returns it; needs a reason. */
  | 'RETURN'
  /** 开始处置。Handling starts. */
  | 'START'
  /** 网格现场核查确认结果。The grid confirms the result on site. */
  | 'VERIFY'
  /** 等待群众（如上门开门），暂停计时。Pause the deadline clock while waiting on the resident (e.g. to open the door). */
  | 'WAIT_FOR_RESIDENT';

/** 事件类别；每类有一条转办规则。What happened; each category has a routing rule. */
export type IncidentCategory =
  /** 电梯故障。Broken lift. */
  | 'BROKEN_LIFT'
  /** 消防通道堵塞。Blocked fire lane. */
  | 'FIRE_LANE_BLOCKED'
  /** 违章搭建。Illegal construction. */
  | 'ILLEGAL_CONSTRUCTION'
  /** 邻里纠纷。Dispute between neighbours. */
  | 'NEIGHBOUR_DISPUTE'
  /** 噪音扰民。Noise. */
  | 'NOISE'
  /** 其他。Anything else. */
  | 'OTHER'
  /** 停车纠纷。Parking dispute. */
  | 'PARKING_DISPUTE'
  /** 道路破损。Damaged road or pavement. */
  | 'ROAD_DAMAGE'
  /** 安全隐患。Safety hazard. */
  | 'SAFETY_HAZARD'
  /** 环境卫生。Sanitation, litter, refuse. */
  | 'SANITATION'
  /** 无证经营。Unlicensed business. */
  | 'UNLICENSED_BUSINESS';

/** 事件来源渠道。Where a report came in. */
export type IncidentChannel =
  /** 网格员 App（网格通）。A grid worker's app. */
  | 'GRID_APP'
  /** 12345 政务服务热线。The 12345 government hotline. */
  | 'HOTLINE_12345'
  /** 居民小程序。The residents' mini-program. */
  | 'MINI_PROGRAM';

/** 事件分页结果；需要登录。A page of incidents; needs a signed-in caller. */
export type IncidentConnection = {
  __typename?: 'IncidentConnection';
  /** 本页的边（含游标）。The edges of this page, with cursors. */
  edges: Array<IncidentEdge>;
  /** 本页的事件。The incidents of this page. */
  nodes: Array<Incident>;
  /** 分页信息。Page information. */
  pageInfo: PageInfo;
  /** 符合条件的总数。Total matching the filter. */
  totalCount: Scalars['Int']['output'];
};

/** 事件分页中的一条边。An edge of an incident page. */
export type IncidentEdge = {
  __typename?: 'IncidentEdge';
  /** 游标。Cursor. */
  cursor: Scalars['String']['output'];
  /** 事件。The incident. */
  node: Incident;
};

/** 事件时间线上的一步。One step of an incident's timeline. */
export type IncidentEvent = {
  __typename?: 'IncidentEvent';
  /** 操作人（用户 id，升级任务为 system:escalation）。Who did it (a user id, or system:escalation for the escalation job). */
  actor: Scalars['String']['output'];
  /** 之前的状态；上报时为 null。The status before; null for the report. */
  fromStatus?: Maybe<IncidentStatus>;
  /** 发生了什么：REPORT、RATE 或所做的动作。What happened: REPORT, RATE or the action taken. */
  kind: Scalars['String']['output'];
  /** 备注；其中的电话和证件号码脱敏。Note; phone and ID numbers in it are masked. */
  note?: Maybe<Scalars['String']['output']>;
  /** 发生时间，ISO 8601。When it happened, ISO 8601. */
  occurredAt: Scalars['String']['output'];
  /** 之后的状态。The status after. */
  toStatus: IncidentStatus;
};

/** 事件筛选条件。Filter for incidents. */
export type IncidentFilter = {
  /** 只列此类别的。Only those of this category. */
  category?: InputMaybe<IncidentCategory>;
  /** 只列此社区的。Only those of this community. */
  communityId?: InputMaybe<Scalars['ID']['input']>;
  /** true 只列未结且超期的，false 只列未超期的。Only incidents open and past their deadline (true) or not (false). */
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  /** 只列此状态的。Only those in this status. */
  status?: InputMaybe<IncidentStatus>;
  /** 只列此街道的。Only those of this street. */
  streetId?: InputMaybe<Scalars['ID']['input']>;
};

/** 事件位置（WGS-84）。Where an incident is (WGS-84). */
export type IncidentLocationInput = {
  /** 纬度（度）。Latitude in degrees. */
  lat: Scalars['Float']['input'];
  /** 经度（度）。Longitude in degrees. */
  lng: Scalars['Float']['input'];
};

/** 上报人联系方式，已脱敏（如 张*明，138****1234）。A reporter's contact, masked (e.g. 张*明, 138****1234). */
export type IncidentReporter = {
  __typename?: 'IncidentReporter';
  /** 姓名（脱敏）。Name, masked. */
  name: Scalars['String']['output'];
  /** 手机号（脱敏）；未留时为 null。Phone, masked; null when not given. */
  phone?: Maybe<Scalars['String']['output']>;
};

/** 上报人联系方式（保存后脱敏显示）。A reporter's contact (shown masked). */
export type IncidentReporterInput = {
  /** 姓名。Name. */
  name: Scalars['String']['input'];
  /** 手机号，可不填。Phone, optional. */
  phone?: InputMaybe<Scalars['String']['input']>;
};

/** 某类事件的转办规则（事项转办）。How a category is routed. */
export type IncidentRoutingRule = {
  __typename?: 'IncidentRoutingRule';
  /** 协办部门。Departments that help. */
  assistingDepartments?: Maybe<Array<Department>>;
  /** 事件类别。Category. */
  category: IncidentCategory;
  /** 从上报（及每次升级）到时限的小时数。Hours from report (and from each escalation) to the deadline. */
  deadlineHours: Scalars['Int']['output'];
  /** 牵头部门。The department in charge. */
  leadDepartment?: Maybe<Department>;
};

/** 一条转办规则。A routing rule. */
export type IncidentRoutingRuleInput = {
  /** 协办部门 id。Ids of the departments that help. */
  assistingDepartmentIds?: Array<Scalars['ID']['input']>;
  /** 事件类别。Category. */
  category: IncidentCategory;
  /** 从上报（及每次升级）到时限的小时数。Hours from report (and from each escalation) to the deadline. */
  deadlineHours: Scalars['Int']['input'];
  /** 牵头部门 id。Id of the department in charge. */
  leadDepartmentId: Scalars['ID']['input'];
};

/** 社区事件闭环管理的统计。Figures of a community's incident loop. */
export type IncidentStats = {
  __typename?: 'IncidentStats';
  /** 近 30 天结案数。Incidents closed in the last 30 days. */
  closedLast30Days: Scalars['Int']['output'];
  /** 从上报到结案的小时数中位数；无结案时为 null。Median hours from report to close over all closed incidents; null when none is closed. */
  medianHoursToClose?: Maybe<Scalars['Float']['output']>;
  /** 尚未办结的事件数。Incidents not yet resolved. */
  open: Scalars['Int']['output'];
  /** 已超期的未结事件数（等待群众的暂停时间不计）。Open incidents past their deadline (pauses for the resident excluded). */
  overdue: Scalars['Int']['output'];
  /** 满意率：评 4 或 5 分的占比，0–1；无评价时为 null。Share of rated incidents rated 4 or 5, 0–1; null when none is rated. */
  satisfaction?: Maybe<Scalars['Float']['output']>;
};

/** 事件在闭环中的状态。Where an incident stands in its loop. */
export type IncidentStatus =
  /** 部门已接单。Accepted by the department. */
  | 'ACCEPTED'
  /** 已结案。Closed. */
  | 'CLOSED'
  /** 已派给牵头部门。Sent to the lead department. */
  | 'DISPATCHED'
  /** 已升级到上一级。Escalated to the next level. */
  | 'ESCALATED'
  /** 处置中。Being handled. */
  | 'IN_PROGRESS'
  /** 已上报，尚未派单。Reported, not dispatched yet. */
  | 'REPORTED'
  /** 处置方报告已办结。The handler reports it done. */
  | 'RESOLVED'
  /** 部门认为不属本部门而退单，附理由。Returned by the department as not theirs, with a reason. */
  | 'RETURNED'
  /** 网格已核查结果。The grid has checked the result. */
  | 'VERIFIED'
  /** 等待群众，时限暂停计时。Waiting on the resident; the deadline clock is paused. */
  | 'WAITING_ON_RESIDENT';

/** 微网格，50–100 户，由党小组带领。A micro-grid of 50–100 households, led by a party group. */
export type MicroGrid = {
  __typename?: 'MicroGrid';
  /** 所属网格。The grid the micro-grid belongs to. */
  grid: Grid;
  /** 户数。Households. */
  households: Scalars['Int']['output'];
  /** 微网格 id。Micro-grid id. */
  id: Scalars['ID']['output'];
  /** 名称。Name. */
  name: Scalars['String']['output'];
};

/** 变更入口。The mutation root. */
export type Mutation = {
  __typename?: 'Mutation';
  /** 群众对已办结事件的评价，仅一次。The resident's rating of a resolved incident, once. */
  rateIncident: Incident;
  /**
   * 在网格或微网格上报事件（信息采报）。按类别规则转办；7 天内 50 米内已有同类未结事件时标记为疑似重复（duplicateOf），只关联不合并。
   * Reports an incident in a grid or micro-grid. It is routed by its category's rule and
   * flagged as a likely duplicate (`duplicateOf`) when an open incident of the same category was
   * reported within 50 m in the last 7 days; duplicates are linked, never merged.
   */
  reportIncident: Incident;
  /** 新建或替换本街道某类别的转办规则（优先于区级默认），对本街道此后派单的事件生效。Creates or replaces the caller's street's routing rule of a category (taking precedence over the district's default); applies to the street's incidents dispatched afterwards. */
  setIncidentRoutingRule: IncidentRoutingRule;
  /**
   * 推进事件流转；当前状态不允许的动作报 ILLEGAL_TRANSITION，且不做任何改动。
   * Moves an incident along its loop. An action its status does not allow fails with
   * ILLEGAL_TRANSITION and changes nothing.
   */
  transitionIncident: Incident;
};


/** 变更入口。The mutation root. */
export type MutationRateIncidentArgs = {
  input: RateIncidentInput;
};


/** 变更入口。The mutation root. */
export type MutationReportIncidentArgs = {
  input: ReportIncidentInput;
};


/** 变更入口。The mutation root. */
export type MutationSetIncidentRoutingRuleArgs = {
  input: IncidentRoutingRuleInput;
};


/** 变更入口。The mutation root. */
export type MutationTransitionIncidentArgs = {
  input: TransitionIncidentInput;
};

/** 办事处，下辖若干社区和村。A sub-district office grouping communities and villages. */
export type Office = {
  __typename?: 'Office';
  /** 下辖的社区和村。The office's communities and villages. */
  communities: Array<Community>;
  /** 办事处 id。Office id. */
  id: Scalars['ID']['output'];
  /** 名称。Name. */
  name: Scalars['String']['output'];
  /** 所属街道。The street the office belongs to. */
  street: Street;
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
  /** 按 id 排序的社区和村分页列表。Communities and villages, ordered by id. */
  communities?: Maybe<CommunityConnection>;
  /** 单个社区或村；id 不存在时为 null。One community or village; null when no such id exists. */
  community?: Maybe<Community>;
  /** 区（本枢纽服务的全部街道）：区级数字的合计。The district (every street this hub serves): the district figures' totals. */
  district: District;
  /** 单个综合网格或专属网格；id 不存在时为 null。One comprehensive or dedicated grid; null when no such id exists. */
  grid?: Maybe<Grid>;
  /**
   * 本子图的审计日志（每次变更：谁、做了什么、何时、涉及的 id、结果），最新在前；仅区级平台（DISTRICT_PLATFORM）可读。
   * The audit log of the grids subgraph (every mutation: who, what, when, the ids named and returned, the outcome), newest first; DISTRICT_PLATFORM only.
   */
  gridsAuditLog: Array<AuditEntry>;
  /** 单个事件；id 不存在时为 null。One incident; null when no such id exists. */
  incident?: Maybe<Incident>;
  /** 各事件类别的转办规则（事项转办规则）：街道管理员看到本街道事件所循的规则（本街道的，否则区级默认），其他调用方看到区级默认规则。How each incident category is routed: a street admin sees the rules its street's incidents follow (its street's own, else the district's default), every other caller the district's defaults. */
  incidentRoutingRules?: Maybe<Array<IncidentRoutingRule>>;
  /** 事件分页列表，按 id 排序，最新的在后。Incidents, ordered by id, newest last. */
  incidents?: Maybe<IncidentConnection>;
  /** 单个微网格；id 不存在时为 null。One micro-grid; null when no such id exists. */
  microGrid?: Maybe<MicroGrid>;
  /** 各街道下设的办事处（可只列一个街道的）。The sub-district offices of every street (or of one). */
  offices?: Maybe<Array<Office>>;
  /**
   * 一个街道；不给 id 时为第一个街道（按 id 排序，即迁移前的那一个）；id 不存在时为 null。
   * One street; without an id the first street (in id order: the one the hub served before it served many); null when no such id exists.
   */
  street?: Maybe<Street>;
  /** 本枢纽服务的街道，按 id 排序。The streets this hub serves, ordered by id. */
  streets?: Maybe<StreetConnection>;
};


/** 查询入口。The query root. */
export type QueryCommunitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CommunityFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** 查询入口。The query root. */
export type QueryCommunityArgs = {
  id: Scalars['ID']['input'];
};


/** 查询入口。The query root. */
export type QueryGridArgs = {
  id: Scalars['ID']['input'];
};


/** 查询入口。The query root. */
export type QueryGridsAuditLogArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  mutation?: InputMaybe<Scalars['String']['input']>;
  subject?: InputMaybe<Scalars['String']['input']>;
};


/** 查询入口。The query root. */
export type QueryIncidentArgs = {
  id: Scalars['ID']['input'];
};


/** 查询入口。The query root. */
export type QueryIncidentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IncidentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** 查询入口。The query root. */
export type QueryMicroGridArgs = {
  id: Scalars['ID']['input'];
};


/** 查询入口。The query root. */
export type QueryOfficesArgs = {
  streetId?: InputMaybe<Scalars['ID']['input']>;
};


/** 查询入口。The query root. */
export type QueryStreetArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
};


/** 查询入口。The query root. */
export type QueryStreetsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** 群众对事件的评价。A resident's rating of an incident. */
export type RateIncidentInput = {
  /**
   * 已弃用，忽略：评价人即登录调用方。Ignored: the rater is the signed-in caller.
   * @deprecated Ignored: the actor is the signed-in caller (token subject). 已弃用：操作人取自登录调用方。
   */
  actor?: InputMaybe<Scalars['String']['input']>;
  /** 评价意见。Comment. */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** 事件 id。Incident id. */
  id: Scalars['ID']['input'];
  /** 评分：1（很不满意）至 5（很满意）。Rating from 1 (very dissatisfied) to 5 (very satisfied). */
  rating: Scalars['Int']['input'];
};

/** 上报事件的内容。What is reported about an incident. */
export type ReportIncidentInput = {
  /**
   * 已弃用，忽略：录入人即登录调用方。Ignored: the recorder is the signed-in caller.
   * @deprecated Ignored: the actor is the signed-in caller (token subject). 已弃用：操作人取自登录调用方。
   */
  actor?: InputMaybe<Scalars['String']['input']>;
  /** 事件类别。Category. */
  category: IncidentCategory;
  /** 来源渠道。The channel it comes in by. */
  channel: IncidentChannel;
  /** 事件描述。What happened. */
  description: Scalars['String']['input'];
  /** 网格；与 microGridId 二选一。The grid; give this or `microGridId`. */
  gridId?: InputMaybe<Scalars['ID']['input']>;
  /** 事件位置。Where it is. */
  location: IncidentLocationInput;
  /** 微网格；网格由它推出。The micro-grid; its grid is taken from it. */
  microGridId?: InputMaybe<Scalars['ID']['input']>;
  /** 现场照片地址。URLs of photos taken on site. */
  photoUrls?: InputMaybe<Array<Scalars['String']['input']>>;
  /** 上报人。Who reports it. */
  reporter: IncidentReporterInput;
  /** 负有责任的共建单位，如小区内问题对应的物业企业。A co-building unit answerable for the incident, e.g. a PROPERTY_COMPANY for an issue inside its compound. */
  responsibleUnitId?: InputMaybe<Scalars['ID']['input']>;
};

/** 街道：本枢纽服务的基层治理单元之一。A street: one of the units of grassroots governance this hub serves. */
export type Street = {
  __typename?: 'Street';
  /** 面积（平方公里）。Area in square kilometres. */
  areaKm2: Scalars['Float']['output'];
  /** 本街道的社区和村，按 id 排序。The street's communities and villages, ordered by id. */
  communities: CommunityConnection;
  /** 社区和村的数量；仅区级平台可读。How many communities and villages; DISTRICT_PLATFORM only. */
  communityCount: Scalars['Int']['output'];
  /** 网格数（综合和专属）；仅区级平台可读。How many grids (comprehensive and dedicated); DISTRICT_PLATFORM only. */
  gridCount: Scalars['Int']['output'];
  /** 街道 id。Street id. */
  id: Scalars['ID']['output'];
  /** 名称。Name. */
  name: Scalars['String']['output'];
  /** 下设的办事处。The street's offices. */
  offices: Array<Office>;
  /** 未结且超期的事件数；仅区级平台可读。Incidents open and past their deadline now; DISTRICT_PLATFORM only. */
  overdueIncidentCount: Scalars['Int']['output'];
  /** 户籍人口。Registered residents. */
  residents: Scalars['Int']['output'];
};


/** 街道：本枢纽服务的基层治理单元之一。A street: one of the units of grassroots governance this hub serves. */
export type StreetCommunitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CommunityFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** 街道分页结果。A page of streets. */
export type StreetConnection = {
  __typename?: 'StreetConnection';
  /** 本页的边（含游标）。The edges of this page, with cursors. */
  edges: Array<StreetEdge>;
  /** 本页的街道。The streets of this page. */
  nodes: Array<Street>;
  /** 分页信息。Page information. */
  pageInfo: PageInfo;
  /** 街道总数。Total streets. */
  totalCount: Scalars['Int']['output'];
};

/** 街道分页中的一条边。An edge of a street page. */
export type StreetEdge = {
  __typename?: 'StreetEdge';
  /** 游标。Cursor. */
  cursor: Scalars['String']['output'];
  /** 街道。The street. */
  node: Street;
};

/** 推进事件的动作。An action taken on an incident. */
export type TransitionIncidentInput = {
  /** 动作。The action. */
  action: IncidentAction;
  /**
   * 已弃用，忽略：操作人即登录调用方。Ignored: the actor is the signed-in caller.
   * @deprecated Ignored: the actor is the signed-in caller (token subject). 已弃用：操作人取自登录调用方。
   */
  actor?: InputMaybe<Scalars['String']['input']>;
  /** 事件 id。Incident id. */
  id: Scalars['ID']['input'];
  /** 仅 DISPATCH：替代转办规则中的牵头部门。DISPATCH only: overrides the routing rule's lead department. */
  leadDepartmentId?: InputMaybe<Scalars['ID']['input']>;
  /** 备注。Note. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** 退单理由，RETURN 时必填。Required for RETURN: the reason. */
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
  District: District;
  Grid: Grid;
  Incident: Incident;
  MicroGrid: MicroGrid;
  Street: Street;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Community:
    ( { __typename: 'Community' }
    & GraphQLRecursivePick<FederationTypes['Community'], {"id":true}> );
  Department:
    ( { __typename: 'Department' }
    & GraphQLRecursivePick<FederationTypes['Department'], {"id":true}> );
  District:
    ( { __typename: 'District' }
    & GraphQLRecursivePick<FederationTypes['District'], {"id":true}> );
  Grid:
    ( { __typename: 'Grid' }
    & GraphQLRecursivePick<FederationTypes['Grid'], {"id":true}> );
  Incident:
    ( { __typename: 'Incident' }
    & GraphQLRecursivePick<FederationTypes['Incident'], {"id":true}> );
  MicroGrid:
    ( { __typename: 'MicroGrid' }
    & GraphQLRecursivePick<FederationTypes['MicroGrid'], {"id":true}> );
  Street:
    ( { __typename: 'Street' }
    & GraphQLRecursivePick<FederationTypes['Street'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  CoBuildingUnit: ResolverTypeWrapper<EntityReference>;
  Community: ResolverTypeWrapper<CommunityRow>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CommunityConnection: ResolverTypeWrapper<Omit<CommunityConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['CommunityEdge']>, nodes: Array<ResolversTypes['Community']> }>;
  CommunityEdge: ResolverTypeWrapper<Omit<CommunityEdge, 'node'> & { node: ResolversTypes['Community'] }>;
  CommunityFilter: CommunityFilter;
  CommunityKind: CommunityKind;
  DedicatedGridKind: DedicatedGridKind;
  Department: ResolverTypeWrapper<EntityReference>;
  District: ResolverTypeWrapper<EntityReference>;
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
  StreetConnection: ResolverTypeWrapper<Omit<StreetConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['StreetEdge']>, nodes: Array<ResolversTypes['Street']> }>;
  StreetEdge: ResolverTypeWrapper<Omit<StreetEdge, 'node'> & { node: ResolversTypes['Street'] }>;
  TransitionIncidentInput: TransitionIncidentInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AuditEntry: AuditEntry;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  CoBuildingUnit: EntityReference;
  Community: CommunityRow;
  Int: Scalars['Int']['output'];
  CommunityConnection: Omit<CommunityConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['CommunityEdge']>, nodes: Array<ResolversParentTypes['Community']> };
  CommunityEdge: Omit<CommunityEdge, 'node'> & { node: ResolversParentTypes['Community'] };
  CommunityFilter: CommunityFilter;
  Department: EntityReference;
  District: EntityReference;
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
  StreetConnection: Omit<StreetConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['StreetEdge']>, nodes: Array<ResolversParentTypes['Street']> };
  StreetEdge: Omit<StreetEdge, 'node'> & { node: ResolversParentTypes['Street'] };
  TransitionIncidentInput: TransitionIncidentInput;
};

export type AuditEntryResolvers<ContextType = GridsContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
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
  street?: Resolver<ResolversTypes['Street'], ParentType, ContextType>;
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
  incidents?: Resolver<Maybe<ResolversTypes['IncidentConnection']>, ParentType, ContextType, RequireFields<DepartmentIncidentsArgs, 'first'>>;
};

export type DistrictResolvers<ContextType = GridsContext, ParentType extends ResolversParentTypes['District'] = ResolversParentTypes['District'], FederationReferenceType extends FederationReferenceTypes['District'] = FederationReferenceTypes['District']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['District']> | FederationReferenceType, FederationReferenceType, ContextType>;
  communityCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  gridCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  overdueIncidentCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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
  assistingDepartments?: Resolver<Maybe<Array<ResolversTypes['Department']>>, ParentType, ContextType>;
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
  leadDepartment?: Resolver<Maybe<ResolversTypes['Department']>, ParentType, ContextType>;
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
  assistingDepartments?: Resolver<Maybe<Array<ResolversTypes['Department']>>, ParentType, ContextType>;
  category?: Resolver<ResolversTypes['IncidentCategory'], ParentType, ContextType>;
  deadlineHours?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  leadDepartment?: Resolver<Maybe<ResolversTypes['Department']>, ParentType, ContextType>;
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
  street?: Resolver<ResolversTypes['Street'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GridsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GridsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  communities?: Resolver<Maybe<ResolversTypes['CommunityConnection']>, ParentType, ContextType, RequireFields<QueryCommunitiesArgs, 'first'>>;
  community?: Resolver<Maybe<ResolversTypes['Community']>, ParentType, ContextType, RequireFields<QueryCommunityArgs, 'id'>>;
  district?: Resolver<ResolversTypes['District'], ParentType, ContextType>;
  grid?: Resolver<Maybe<ResolversTypes['Grid']>, ParentType, ContextType, RequireFields<QueryGridArgs, 'id'>>;
  gridsAuditLog?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType, RequireFields<QueryGridsAuditLogArgs, 'first'>>;
  incident?: Resolver<Maybe<ResolversTypes['Incident']>, ParentType, ContextType, RequireFields<QueryIncidentArgs, 'id'>>;
  incidentRoutingRules?: Resolver<Maybe<Array<ResolversTypes['IncidentRoutingRule']>>, ParentType, ContextType>;
  incidents?: Resolver<Maybe<ResolversTypes['IncidentConnection']>, ParentType, ContextType, RequireFields<QueryIncidentsArgs, 'first'>>;
  microGrid?: Resolver<Maybe<ResolversTypes['MicroGrid']>, ParentType, ContextType, RequireFields<QueryMicroGridArgs, 'id'>>;
  offices?: Resolver<Maybe<Array<ResolversTypes['Office']>>, ParentType, ContextType, Partial<QueryOfficesArgs>>;
  street?: Resolver<Maybe<ResolversTypes['Street']>, ParentType, ContextType, Partial<QueryStreetArgs>>;
  streets?: Resolver<Maybe<ResolversTypes['StreetConnection']>, ParentType, ContextType, RequireFields<QueryStreetsArgs, 'first'>>;
};

export type StreetResolvers<ContextType = GridsContext, ParentType extends ResolversParentTypes['Street'] = ResolversParentTypes['Street'], FederationReferenceType extends FederationReferenceTypes['Street'] = FederationReferenceTypes['Street']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Street']> | FederationReferenceType, FederationReferenceType, ContextType>;
  areaKm2?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  communities?: Resolver<ResolversTypes['CommunityConnection'], ParentType, ContextType, RequireFields<StreetCommunitiesArgs, 'first'>>;
  communityCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  gridCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  offices?: Resolver<Array<ResolversTypes['Office']>, ParentType, ContextType>;
  overdueIncidentCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  residents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type StreetConnectionResolvers<ContextType = GridsContext, ParentType extends ResolversParentTypes['StreetConnection'] = ResolversParentTypes['StreetConnection']> = {
  edges?: Resolver<Array<ResolversTypes['StreetEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Street']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type StreetEdgeResolvers<ContextType = GridsContext, ParentType extends ResolversParentTypes['StreetEdge'] = ResolversParentTypes['StreetEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Street'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GridsContext> = {
  AuditEntry?: AuditEntryResolvers<ContextType>;
  CoBuildingUnit?: CoBuildingUnitResolvers<ContextType>;
  Community?: CommunityResolvers<ContextType>;
  CommunityConnection?: CommunityConnectionResolvers<ContextType>;
  CommunityEdge?: CommunityEdgeResolvers<ContextType>;
  Department?: DepartmentResolvers<ContextType>;
  District?: DistrictResolvers<ContextType>;
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
  StreetConnection?: StreetConnectionResolvers<ContextType>;
  StreetEdge?: StreetEdgeResolvers<ContextType>;
};

