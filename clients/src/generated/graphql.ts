/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The period a resource's capacity renews over (供给周期). */
export type CapacityPeriod =
  | 'DAY'
  | 'MONTH'
  /** A one-off supply that does not renew. */
  | 'ONCE'
  | 'WEEK'
  | 'YEAR';

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

export type CommunityKind =
  /** An urban community (社区), including preparatory groups (筹备组). */
  | 'COMMUNITY'
  /** A rural village (村). */
  | 'VILLAGE';

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

/** Who handles an incident now: grid → community → street → district (吹哨升级). */
export type EscalationLevel =
  | 'COMMUNITY'
  | 'DISTRICT'
  | 'GRID'
  | 'STREET';

export type GridKind =
  /** Comprehensive grid (综合网格) of 300–500 households. */
  | 'COMPREHENSIVE'
  /** Dedicated grid (专属网格) for a school, hospital, business district or industrial park. */
  | 'DEDICATED';

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

/** Where a resource comes from (资源来源). */
export type ResourceSource =
  /** Charity fund (公益基金): social organisations and charities. */
  | 'CHARITY_FUND'
  /** Enterprise social responsibility (企业社会责任). */
  | 'ENTERPRISE_CSR'
  /** Government service (政府服务): departments, agencies, public schools and hospitals. */
  | 'GOVERNMENT_SERVICE';

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

export type StreetOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type StreetOverviewQuery = { street: { name: string, offices: Array<{ id: string, name: string, communities: Array<{ id: string, name: string, kind: CommunityKind }> }> } };

export type CommunityDashboardQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type CommunityDashboardQuery = { communities: { totalCount: number, nodes: Array<{ id: string, name: string, kind: CommunityKind, households: number, population: number, microGridCount: number, office: { id: string, name: string }, partyOrganisation: { id: string, name: string, memberCount: number, secretary: { name: string, phone: string } | null } | null, grids: Array<{ id: string, name: string, kind: GridKind, households: number, partyBranch: { id: string, name: string } | null, microGrids: Array<{ id: string, households: number, partyGroup: { id: string, name: string } | null }> }>, pairings: Array<{ id: string, status: PairingStatus, agreement: { startsOn: string, endsOn: string, commitments: Array<string> }, unit: { id: string, name: string, kind: UnitKind, resources: Array<{ id: string, name: string, category: ResourceCategory, capacity: { amount: number, unit: string, period: CapacityPeriod } }> } }>, openDemands: Array<{ id: string, title: string, category: ResourceCategory, source: DemandSource }> }> } };

export type UnitViewQueryVariables = Exact<{
  unitId?: string;
}>;


export type UnitViewQuery = { coBuildingUnit: { id: string, name: string, kind: UnitKind, serviceHours: number, partyBranch: { id: string, name: string, memberCount: number } | null, pairings: Array<{ status: PairingStatus, agreement: { startsOn: string, endsOn: string, commitments: Array<string> }, community: { id: string, name: string, households: number, openDemandCount: number, partyOrganisation: { name: string } | null, demands: Array<{ id: string, title: string, category: ResourceCategory, source: DemandSource }> } }>, resources: Array<{ id: string, name: string, category: ResourceCategory, source: ResourceSource, capacity: { amount: number, unit: string, period: CapacityPeriod }, servedCommunities: Array<{ id: string, name: string }> }>, serviceReports: { totalCount: number, nodes: Array<{ activity: string, hours: number, servedOn: string, verified: boolean, community: { name: string } }> } } | null };

export type ResourceSearchQueryVariables = Exact<{
  category?: ResourceCategory | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ResourceSearchQuery = { resources: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, name: string, source: ResourceSource, capacity: { amount: number, unit: string, period: CapacityPeriod }, provider:
          | { __typename: 'CoBuildingUnit', id: string, name: string, kind: UnitKind }
          | { __typename: 'Department', id: string, name: string, code: DepartmentCode }
        , servedCommunities: Array<{ id: string, name: string }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PartyChainQueryVariables = Exact<{
  microGridId?: string;
}>;


export type PartyChainQuery = { microGrid: { id: string, name: string, households: number, grid: { id: string, name: string, community: { id: string, name: string } }, partyGroup: { id: string, name: string, kind: OrganisationKind, memberCount: number, ancestors: Array<{ id: string, name: string, kind: OrganisationKind }>, children: Array<{ id: string, name: string, kind: OrganisationKind }> } | null } | null };

export type IncidentDashboardQueryVariables = Exact<{
  communityId?: string;
}>;


export type IncidentDashboardQuery = { community: { id: string, name: string, incidentStats: { open: number, overdue: number, closedLast30Days: number, medianHoursToClose: number | null, satisfaction: number | null }, partyOrganisation: { id: string, name: string } | null, grids: Array<{ id: string, name: string, incidents: { totalCount: number, nodes: Array<{ id: string, category: IncidentCategory, status: IncidentStatus, escalationLevel: EscalationLevel, overdue: boolean, dueAt: string, leadDepartment: { id: string, name: string }, responsibleUnit: { id: string, name: string, creditScore: { value: number } } | null }> } }>, pairings: Array<{ id: string, unit: { id: string, name: string, kind: UnitKind, creditScore: { value: number, history: Array<{ delta: number, reason: CreditReason, occurredAt: string, validUntil: string, source: { subgraph: string, type: string, id: string } }> } }, agreement: { commitments: Array<string>, commitmentProgress: Array<{ periodEndsOn: string, achieved: number | null, met: boolean | null, commitment: { kind: CommitmentKind, target: number, unitOfMeasure: UnitOfMeasure, period: CommitmentPeriod } }> } }> } | null, departments: Array<{ id: string, name: string, escalated: { totalCount: number, nodes: Array<{ id: string, escalationLevel: EscalationLevel, dueAt: string }> } }> };


export const StreetOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StreetOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"street"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"offices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"communities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StreetOverviewQuery, StreetOverviewQueryVariables>;
export const CommunityDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CommunityDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"communities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"population"}},{"kind":"Field","name":{"kind":"Name","value":"microGridCount"}},{"kind":"Field","name":{"kind":"Name","value":"office"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partyOrganisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"secretary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"grids"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"partyBranch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"microGrids"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"partyGroup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pairings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"agreement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"commitments"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"resources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"period"}}]}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"openDemands"},"name":{"kind":"Name","value":"demands"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"OPEN"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CommunityDashboardQuery, CommunityDashboardQueryVariables>;
export const UnitViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnitView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"unit-001","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coBuildingUnit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"partyBranch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"serviceHours"}},{"kind":"Field","name":{"kind":"Name","value":"pairings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"agreement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"commitments"}}]}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"partyOrganisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"openDemandCount"}},{"kind":"Field","name":{"kind":"Name","value":"demands"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"OPEN"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"resources"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"period"}}]}},{"kind":"Field","name":{"kind":"Name","value":"servedCommunities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"serviceReports"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activity"}},{"kind":"Field","name":{"kind":"Name","value":"hours"}},{"kind":"Field","name":{"kind":"Name","value":"servedOn"}},{"kind":"Field","name":{"kind":"Name","value":"verified"}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<UnitViewQuery, UnitViewQueryVariables>;
export const ResourceSearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ResourceSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"category"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ResourceCategory"}},"defaultValue":{"kind":"EnumValue","value":"CARE_SERVICE"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"category"},"value":{"kind":"Variable","name":{"kind":"Name","value":"category"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"period"}}]}},{"kind":"Field","name":{"kind":"Name","value":"provider"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CoBuildingUnit"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Department"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"servedCommunities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ResourceSearchQuery, ResourceSearchQueryVariables>;
export const PartyChainDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartyChain"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"microGridId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"micro-grid-0001","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"microGrid"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"microGridId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"grid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"community"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"partyGroup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"ancestors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PartyChainQuery, PartyChainQueryVariables>;
export const IncidentDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IncidentDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"communityId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},"defaultValue":{"kind":"StringValue","value":"community-01","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"community"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"communityId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"incidentStats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"closedLast30Days"}},{"kind":"Field","name":{"kind":"Name","value":"medianHoursToClose"}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"}}]}},{"kind":"Field","name":{"kind":"Name","value":"partyOrganisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"grids"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"incidents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"escalationLevel"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"leadDepartment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"responsibleUnit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"creditScore"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pairings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"creditScore"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"delta"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subgraph"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"agreement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commitments"}},{"kind":"Field","name":{"kind":"Name","value":"commitmentProgress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commitment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"unitOfMeasure"}},{"kind":"Field","name":{"kind":"Name","value":"period"}}]}},{"kind":"Field","name":{"kind":"Name","value":"periodEndsOn"}},{"kind":"Field","name":{"kind":"Name","value":"achieved"}},{"kind":"Field","name":{"kind":"Name","value":"met"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"departments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","alias":{"kind":"Name","value":"escalated"},"name":{"kind":"Name","value":"incidents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ESCALATED"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"escalationLevel"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<IncidentDashboardQuery, IncidentDashboardQueryVariables>;