import { z } from 'zod';

/**
 * What each `--kind` of sheet holds: its columns (English name first, then the Chinese headers a
 * district ledger uses) and the zod schema every row must pass. Cells arrive as trimmed strings;
 * an empty cell is ''. Enumerations accept the API's value (any case) or its Chinese label.
 */
export const IMPORT_KINDS = ['units', 'communities', 'grids', 'resources'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ColumnSpec {
  /** The canonical (English) name, as used in error messages and in the row objects. */
  name: string;
  /** Other headers accepted for the column, e.g. Chinese ones. */
  aliases: readonly string[];
  required: boolean;
}

const column = (name: string, aliases: readonly string[], required = true): ColumnSpec => ({ name, aliases, required });

const REQUIRED = 'is required';

function text(max: number) {
  return z.string().min(1, REQUIRED).max(max, `must be at most ${max} characters`);
}

function optionalText(max: number) {
  return z
    .string()
    .max(max, `must be at most ${max} characters`)
    .transform((value) => (value === '' ? null : value));
}

const externalCode = text(64).regex(/^[^\s]+$/, 'must not contain spaces');

function integer(minimum: 0 | 1) {
  const message = minimum === 0 ? 'must be a non-negative integer' : 'must be a positive integer';
  return z
    .string()
    .min(1, REQUIRED)
    .regex(/^\d+(\.0+)?$/, message)
    .transform((value) => Number.parseInt(value, 10))
    .refine((value) => value >= minimum, message)
    .refine((value) => value <= 2_147_483_647, 'is too large');
}

function coordinate(limit: 90 | 180) {
  return z
    .string()
    .min(1, REQUIRED)
    .regex(/^-?\d+(\.\d+)?$/, 'must be a number')
    .transform(Number)
    .refine((value) => Math.abs(value) <= limit, `must be between -${limit} and ${limit}`);
}

function optionalCoordinate(limit: 90 | 180) {
  return z.union([z.literal('').transform(() => null), coordinate(limit)]);
}

/** An enumeration column: the API value in any case, or one of its Chinese labels. */
function oneOf<Value extends string>(labels: Record<Value, readonly string[]>) {
  const byLabel = new Map<string, Value>();
  for (const [value, names] of Object.entries(labels) as [Value, readonly string[]][]) {
    byLabel.set(value.toLowerCase(), value);
    for (const name of names) byLabel.set(name.toLowerCase(), value);
  }
  const allowed = (Object.keys(labels) as Value[]).map((value) => `${value} (${labels[value][0]})`).join(', ');
  return z
    .string()
    .min(1, REQUIRED)
    .transform((cell, context) => {
      const value = byLabel.get(cell.toLowerCase());
      if (value === undefined) {
        context.addIssue({ code: 'custom', message: `must be one of ${allowed}` });
        return z.NEVER;
      }
      return value;
    });
}

/** Ids or external codes separated by commas, semicolons, 、 or spaces. */
const codeList = z
  .string()
  .min(1, REQUIRED)
  .transform((cell) => [...new Set(cell.split(/[\s,;，；、]+/).filter(Boolean))]);

const phone = z
  .string()
  .min(1, REQUIRED)
  .regex(/^\+?[0-9][0-9 -]{4,19}$/, 'must be a phone number');

export const UNIT_KIND_LABELS = {
  AGENCY: ['机关单位', '机关'],
  STATE_ENTERPRISE: ['国有企业', '国企'],
  PRIVATE_ENTERPRISE: ['非公企业', '民营企业'],
  SCHOOL: ['学校'],
  HOSPITAL: ['医院'],
  SOCIAL_ORGANISATION: ['社会组织'],
  PROPERTY_COMPANY: ['物业企业', '物业公司'],
} as const;
const COMMUNITY_KIND_LABELS = { COMMUNITY: ['社区'], VILLAGE: ['村'] } as const;
const GRID_KIND_LABELS = { COMPREHENSIVE: ['综合网格', '综合'], DEDICATED: ['专属网格', '专属'] } as const;
const DEDICATED_LABELS = {
  SCHOOL: ['学校'],
  HOSPITAL: ['医院'],
  BUSINESS_DISTRICT: ['商圈'],
  INDUSTRIAL_PARK: ['产业园区', '产业园'],
} as const;
const CATEGORY_LABELS = {
  VENUE: ['场地空间', '场地'],
  FUNDS: ['资金'],
  VOLUNTEER_SERVICE: ['志愿服务'],
  PROFESSIONAL_SERVICE: ['专业服务'],
  FACILITY_EQUIPMENT: ['设施设备'],
  MATERIALS: ['物资'],
  TRAINING_EDUCATION: ['培训教育', '教育培训'],
  CARE_SERVICE: ['照护服务', '关爱服务'],
} as const;
const SOURCE_LABELS = {
  GOVERNMENT_SERVICE: ['政府服务', '政府公共服务'],
  ENTERPRISE_CSR: ['企业社会责任'],
  CHARITY_FUND: ['公益基金', '慈善基金'],
} as const;
const PROVIDER_KIND_LABELS = { CO_BUILDING_UNIT: ['共建单位'], DEPARTMENT: ['职能部门', '部门'] } as const;
const PERIOD_LABELS = {
  DAY: ['天', '日', '每天'],
  WEEK: ['周', '每周'],
  MONTH: ['月', '每月'],
  YEAR: ['年', '每年'],
  ONCE: ['一次', '一次性'],
} as const;

const unitSchema = z.object({
  external_code: externalCode,
  name: text(200),
  kind: oneOf(UNIT_KIND_LABELS),
  lat: coordinate(90),
  lng: coordinate(180),
  address: text(500),
  contact_name: text(50),
  contact_phone: phone,
});

const communitySchema = z.object({
  external_code: externalCode,
  name: text(200),
  kind: oneOf(COMMUNITY_KIND_LABELS),
  office: text(200),
  households: integer(0),
  population: integer(0),
  lat: coordinate(90),
  lng: coordinate(180),
});

const gridSchema = z
  .object({
    external_code: externalCode,
    name: text(200),
    community: text(200),
    kind: oneOf(GRID_KIND_LABELS),
    dedicated_to: z.union([z.literal('').transform(() => null), oneOf(DEDICATED_LABELS)]),
    households: integer(0),
  })
  .superRefine((row, context) => {
    if (row.kind === 'DEDICATED' && row.dedicated_to === null) {
      context.addIssue({ code: 'custom', path: ['dedicated_to'], message: 'is required for a DEDICATED grid' });
    }
    if (row.kind === 'COMPREHENSIVE' && row.dedicated_to !== null) {
      context.addIssue({ code: 'custom', path: ['dedicated_to'], message: 'must be empty for a COMPREHENSIVE grid' });
    }
  });

const resourceSchema = z
  .object({
    external_code: externalCode,
    name: text(200),
    description: z.string().max(2000, 'must be at most 2000 characters'),
    category: oneOf(CATEGORY_LABELS),
    source: oneOf(SOURCE_LABELS),
    provider_kind: oneOf(PROVIDER_KIND_LABELS),
    provider: text(100),
    capacity_amount: integer(1),
    capacity_unit: text(20),
    capacity_period: oneOf(PERIOD_LABELS),
    lat: optionalCoordinate(90),
    lng: optionalCoordinate(180),
    address: optionalText(500),
    communities: codeList,
  })
  .superRefine((row, context) => {
    if ((row.lat === null) !== (row.lng === null)) {
      context.addIssue({ code: 'custom', path: [row.lat === null ? 'lat' : 'lng'], message: 'must be given together with lat and lng, or both left empty' });
    }
  });

export const KIND_SPECS = {
  units: {
    subgraph: 'co-building',
    columns: [
      column('external_code', ['外部编码', '编码', '单位编码']),
      column('name', ['名称', '单位名称']),
      column('kind', ['类别', '单位类别', '单位类型']),
      column('lat', ['纬度', 'latitude']),
      column('lng', ['经度', 'longitude']),
      column('address', ['地址', '单位地址']),
      column('contact_name', ['联系人']),
      column('contact_phone', ['联系电话', '电话', '手机号']),
    ],
    schema: unitSchema,
  },
  communities: {
    subgraph: 'grids',
    columns: [
      column('external_code', ['外部编码', '编码', '社区编码']),
      column('name', ['名称', '社区名称']),
      column('kind', ['类别', '类型']),
      column('office', ['办事处', 'office_id']),
      column('households', ['户数']),
      column('population', ['人口', '人口数']),
      column('lat', ['纬度', 'latitude']),
      column('lng', ['经度', 'longitude']),
    ],
    schema: communitySchema,
  },
  grids: {
    subgraph: 'grids',
    columns: [
      column('external_code', ['外部编码', '编码', '网格编码']),
      column('name', ['名称', '网格名称']),
      column('community', ['所属社区', '社区', 'community_id']),
      column('kind', ['类别', '网格类别', '网格类型']),
      column('dedicated_to', ['专属类型', '专属对象'], false),
      column('households', ['户数']),
    ],
    schema: gridSchema,
  },
  resources: {
    subgraph: 'resource-pools',
    columns: [
      column('external_code', ['外部编码', '编码', '资源编码']),
      column('name', ['名称', '资源名称']),
      column('description', ['说明', '描述', '资源描述'], false),
      column('category', ['类别', '资源类别']),
      column('source', ['来源', '资源来源']),
      column('provider_kind', ['提供方类型']),
      column('provider', ['提供方', '提供方编码', 'provider_id']),
      column('capacity_amount', ['供给数量', '数量']),
      column('capacity_unit', ['计量单位', '单位']),
      column('capacity_period', ['供给周期', '周期']),
      column('lat', ['纬度', 'latitude'], false),
      column('lng', ['经度', 'longitude'], false),
      column('address', ['地址'], false),
      column('communities', ['服务社区']),
    ],
    schema: resourceSchema,
  },
} as const;

export type ParsedRow<Kind extends ImportKind> = z.output<(typeof KIND_SPECS)[Kind]['schema']>;

/** Headers compare without case, spaces, underscores, hyphens, asterisks and text in brackets: "户数（户）" is "户数". */
export function normaliseHeader(header: string): string {
  return header
    .replace(/（[^）]*）|\([^)]*\)|【[^】]*】|\[[^\]]*\]/g, '')
    .replace(/[\s_\-*]/g, '')
    .toLowerCase();
}
