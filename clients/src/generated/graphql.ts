/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

/** 社区类别。Kind of community. */
export type CommunityKind =
  /** 城市社区，含筹备组。An urban community, including preparatory groups. */
  | 'COMMUNITY'
  /** 农村的村。A rural village. */
  | 'VILLAGE';

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

/** 网格类别。Kind of grid. */
export type GridKind =
  /** 综合网格，300–500 户。Comprehensive grid of 300–500 households. */
  | 'COMPREHENSIVE'
  /** 专属网格：学校、医院、商圈或产业园。Dedicated grid for a school, hospital, business district or industrial park. */
  | 'DEDICATED';

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

/** 资源来源。Where a resource comes from. */
export type ResourceSource =
  /** 公益基金：社会组织和慈善机构。Charity fund: social organisations and charities. */
  | 'CHARITY_FUND'
  /** 企业社会责任。Enterprise social responsibility. */
  | 'ENTERPRISE_CSR'
  /** 政府服务：职能部门、机关、公办学校和医院。Government service: departments, agencies, public schools and hospitals. */
  | 'GOVERNMENT_SERVICE';

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

export type StreetOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type StreetOverviewQuery = { street: { name: string, offices: Array<{ id: string, name: string, communities: Array<{ id: string, name: string, kind: CommunityKind }> }> } | null };

export type CommunityDashboardQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CommunityDashboardQuery = { communities: { totalCount: number, nodes: Array<{ id: string, name: string, kind: CommunityKind, households: number, population: number, microGridCount: number, office: { id: string, name: string }, partyOrganisation: { id: string, name: string, memberCount: number, secretary: { name: string, phone: string } | null } | null, grids: Array<{ id: string, name: string, kind: GridKind, households: number, partyBranch: { id: string, name: string } | null, microGrids: Array<{ id: string, households: number, partyGroup: { id: string, name: string } | null }> }>, pairings: Array<{ id: string, status: PairingStatus, agreement: { startsOn: string, endsOn: string, commitments: Array<string> }, unit: { id: string, name: string, kind: UnitKind, resources: Array<{ id: string, name: string, category: ResourceCategory, capacity: { amount: number, unit: string, period: CapacityPeriod } }> | null } }> | null, openDemands: Array<{ id: string, title: string, category: ResourceCategory, source: DemandSource }> | null }> } | null };

export type UnitViewQueryVariables = Exact<{
  unitId?: string;
}>;


export type UnitViewQuery = { coBuildingUnit: { id: string, name: string, kind: UnitKind, serviceHours: number, partyBranch: { id: string, name: string, memberCount: number } | null, pairings: Array<{ status: PairingStatus, agreement: { startsOn: string, endsOn: string, commitments: Array<string> }, community: { id: string, name: string, households: number, openDemandCount: number | null, partyOrganisation: { name: string } | null, demands: Array<{ id: string, title: string, category: ResourceCategory, source: DemandSource }> | null } | null }>, resources: Array<{ id: string, name: string, category: ResourceCategory, source: ResourceSource, capacity: { amount: number, unit: string, period: CapacityPeriod }, servedCommunities: Array<{ id: string, name: string }> | null }> | null, serviceReports: { totalCount: number, nodes: Array<{ activity: string, hours: number, servedOn: string, verified: boolean, community: { name: string } | null }> } } | null };

export type ResourceSearchQueryVariables = Exact<{
  category?: ResourceCategory | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ResourceSearchQuery = { resources: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, name: string, source: ResourceSource, capacity: { amount: number, unit: string, period: CapacityPeriod }, provider:
          | { __typename: 'CoBuildingUnit', id: string, name: string, kind: UnitKind }
          | { __typename: 'Department', id: string, name: string, code: DepartmentCode }
         | null, servedCommunities: Array<{ id: string, name: string }> | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type PartyChainQueryVariables = Exact<{
  microGridId?: string;
}>;


export type PartyChainQuery = { microGrid: { id: string, name: string, households: number, grid: { id: string, name: string, community: { id: string, name: string } }, partyGroup: { id: string, name: string, kind: OrganisationKind, memberCount: number, ancestors: Array<{ id: string, name: string, kind: OrganisationKind }>, children: Array<{ id: string, name: string, kind: OrganisationKind }> } | null } | null };

export type IncidentDashboardQueryVariables = Exact<{
  communityId?: string;
}>;


export type IncidentDashboardQuery = { community: { id: string, name: string, incidentStats: { open: number, overdue: number, closedLast30Days: number, medianHoursToClose: number | null, satisfaction: number | null }, partyOrganisation: { id: string, name: string } | null, grids: Array<{ id: string, name: string, incidents: { totalCount: number, nodes: Array<{ id: string, category: IncidentCategory, status: IncidentStatus, escalationLevel: EscalationLevel, overdue: boolean, dueAt: string, leadDepartment: { id: string, name: string } | null, responsibleUnit: { id: string, name: string, creditScore: { value: number } } | null }> } }>, pairings: Array<{ id: string, unit: { id: string, name: string, kind: UnitKind, creditScore: { value: number, history: Array<{ delta: number, reason: CreditReason, occurredAt: string, validUntil: string, source: { subgraph: string, type: string, id: string } }> } }, agreement: { commitments: Array<string>, commitmentProgress: Array<{ periodEndsOn: string, achieved: number | null, met: boolean | null, commitment: { kind: CommitmentKind, target: number, unitOfMeasure: UnitOfMeasure, period: CommitmentPeriod } }> } }> | null } | null, departments: Array<{ id: string, name: string, escalated: { totalCount: number, nodes: Array<{ id: string, escalationLevel: EscalationLevel, dueAt: string }> } | null }> | null };


export const StreetOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StreetOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"street"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"offices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"communities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StreetOverviewQuery, StreetOverviewQueryVariables>;
export const CommunityDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CommunityDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"100"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"communities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"population"}},{"kind":"Field","name":{"kind":"Name","value":"microGridCount"}},{"kind":"Field","name":{"kind":"Name","value":"office"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partyOrganisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"secretary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"grids"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"partyBranch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"microGrids"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"partyGroup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pairings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"agreement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"commitments"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"resources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"period"}}]}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"openDemands"},"name":{"kind":"Name","value":"demands"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"OPEN"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CommunityDashboardQuery, CommunityDashboardQueryVariables>;
export const UnitViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnitView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"unit-001","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coBuildingUnit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"partyBranch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"serviceHours"}},{"kind":"Field","name":{"kind":"Name","value":"pairings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"agreement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"commitments"}}]}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"partyOrganisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"openDemandCount"}},{"kind":"Field","name":{"kind":"Name","value":"demands"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"OPEN"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"resources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"period"}}]}},{"kind":"Field","name":{"kind":"Name","value":"servedCommunities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"serviceReports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activity"}},{"kind":"Field","name":{"kind":"Name","value":"hours"}},{"kind":"Field","name":{"kind":"Name","value":"servedOn"}},{"kind":"Field","name":{"kind":"Name","value":"verified"}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<UnitViewQuery, UnitViewQueryVariables>;
export const ResourceSearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ResourceSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"category"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceCategory"}},"defaultValue":{"kind":"EnumValue","value":"CARE_SERVICE"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"category"},"value":{"kind":"Variable","name":{"kind":"Name","value":"category"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"period"}}]}},{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CoBuildingUnit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Department"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"servedCommunities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ResourceSearchQuery, ResourceSearchQueryVariables>;
export const PartyChainDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartyChain"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"microGridId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"micro-grid-0001","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"microGrid"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"microGridId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"grid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"partyGroup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"ancestors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PartyChainQuery, PartyChainQueryVariables>;
export const IncidentDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IncidentDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"communityId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"community-01","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"community"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"communityId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"incidentStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"closedLast30Days"}},{"kind":"Field","name":{"kind":"Name","value":"medianHoursToClose"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partyOrganisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"grids"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"incidents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"escalationLevel"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"leadDepartment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"responsibleUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"creditScore"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pairings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"creditScore"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delta"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subgraph"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"agreement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commitments"}},{"kind":"Field","name":{"kind":"Name","value":"commitmentProgress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commitment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"unitOfMeasure"}},{"kind":"Field","name":{"kind":"Name","value":"period"}}]}},{"kind":"Field","name":{"kind":"Name","value":"periodEndsOn"}},{"kind":"Field","name":{"kind":"Name","value":"achieved"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"departments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","alias":{"kind":"Name","value":"escalated"},"name":{"kind":"Name","value":"incidents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ESCALATED"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"escalationLevel"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<IncidentDashboardQuery, IncidentDashboardQueryVariables>;