/**
 * Progress of structured agreement commitments (契约化共建承诺), computed from verified service reports
 * and, for order-based kinds, the orders resource-pools reported fulfilled. Pure: the store supplies
 * the reports, the caller the order counts (OrderProgressSource) and the day.
 */
import { assertNever } from '../../../lib/kernel/errors.js';
import type { CommitmentKind, UnitOfMeasure, CommitmentPeriod } from '../__generated__/resolvers-types.js';

/** The API's enums (codegen from the SDL), the one definition of their values. */
export type { CommitmentKind, UnitOfMeasure, CommitmentPeriod };

export interface StructuredCommitment {
  kind: CommitmentKind;
  target: number;
  unitOfMeasure: UnitOfMeasure;
  period: CommitmentPeriod;
  /** "Each member …": the target applies to every in-service member who reports to the community. */
  perMember: boolean;
}

/** A stored commitment (agreement_commitments row) as the progress functions take it. */
export function structuredCommitment(row: {
  kind: CommitmentKind;
  target: number;
  unit_of_measure: UnitOfMeasure;
  period: CommitmentPeriod;
  per_member: boolean;
}): StructuredCommitment {
  return { kind: row.kind, target: row.target, unitOfMeasure: row.unit_of_measure, period: row.period, perMember: row.per_member };
}

export interface ReportFact {
  hours: number;
  /** YYYY-MM-DD */
  servedOn: string;
  memberId: string | null;
}

export interface PeriodWindow {
  /** YYYY-MM-DD, inclusive */
  from: string;
  /** YYYY-MM-DD, inclusive */
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
function lastDayOfMonth(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}
function monthSpan(year: number, firstMonth: number, months: number): PeriodWindow {
  return { from: `${year}-${pad(firstMonth)}-01`, to: lastDayOfMonth(year, firstMonth + months - 1) };
}
const clip = (day: string, from: string, to: string) => (day < from ? from : day > to ? to : day);

/**
 * The calendar period containing `today`, cut to the agreement's days. Outside the agreement the
 * nearest period in force is used (the first before it starts, the last after it ends).
 */
export function periodWindow(period: CommitmentPeriod, today: string, agreement: PeriodWindow): PeriodWindow {
  const day = clip(today, agreement.from, agreement.to);
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  let window: PeriodWindow;
  switch (period) {
    case 'MONTH':
      window = monthSpan(year, month, 1);
      break;
    case 'QUARTER':
      window = monthSpan(year, Math.floor((month - 1) / 3) * 3 + 1, 3);
      break;
    case 'HALF_YEAR':
      window = monthSpan(year, month <= 6 ? 1 : 7, 6);
      break;
    case 'YEAR':
      window = monthSpan(year, 1, 12);
      break;
    case 'AGREEMENT':
      return agreement;
    default:
      return assertNever(period, 'commitment period');
  }
  return { from: clip(window.from, agreement.from, agreement.to), to: clip(window.to, agreement.from, agreement.to) };
}

/**
 * Order-based progress (micro-wishes adopted): how many orders the unit fulfilled for the community
 * in the period, counted from the fulfilments resource-pools reported (order-fulfilments.ts).
 */
export interface OrderProgressQuery {
  unitId: string;
  communityId: string;
  kind: CommitmentKind;
  window: PeriodWindow;
}
export interface OrderProgressSource {
  /** One count per query, in query order; null for kinds not measured by orders. */
  fulfilledOrders(queries: readonly OrderProgressQuery[]): Promise<(number | null)[]>;
}

/** Which demand sources (resource-pools' DemandSource) fulfil a commitment kind; null for kinds measured otherwise. */
export function orderSourcesOf(kind: CommitmentKind): readonly string[] | null {
  switch (kind) {
    case 'MICRO_WISHES_ADOPTED':
      return ['MICRO_WISH'];
    case 'SERVICE_HOURS':
    case 'SERVICE_ACTIVITIES':
    case 'DONATION':
    case 'OTHER':
      return null;
    default:
      return assertNever(kind, 'commitment kind');
  }
}

export interface CommitmentProgressFacts {
  window: PeriodWindow;
  /** null when the hub cannot know (order-based or free-text commitments). */
  achieved: number | null;
  /** The commitment's target, times the reporting members for per-member commitments. */
  target: number;
  ratio: number | null;
  met: boolean | null;
}

export interface ProgressContext {
  unitId: string;
  communityId: string;
  today: string;
  agreement: PeriodWindow;
  reports: readonly ReportFact[];
  /** Orders fulfilled in the period, for order-based kinds (orderSourcesOf); null when unknown. */
  fulfilledOrders: number | null;
}

/** Progress in the period containing today. */
export function commitmentProgress(commitment: StructuredCommitment, context: ProgressContext): CommitmentProgressFacts {
  return commitmentProgressIn(commitment, periodWindow(commitment.period, context.today, context.agreement), context);
}

function dayBefore(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** The latest period that has ended before `today` while the agreement was in force; null if none has. */
export function lastCompletedPeriod(period: CommitmentPeriod, today: string, agreement: PeriodWindow): PeriodWindow | null {
  const current = periodWindow(period, today, agreement);
  if (current.to < today) return current;
  const previousDay = dayBefore(current.from);
  if (previousDay < agreement.from) return null;
  return periodWindow(period, previousDay, agreement);
}

export function commitmentProgressIn(commitment: StructuredCommitment, window: PeriodWindow, context: Omit<ProgressContext, 'today'>): CommitmentProgressFacts {
  const inWindow = context.reports.filter((report) => report.servedOn >= window.from && report.servedOn <= window.to);
  const relevant = commitment.perMember ? inWindow.filter((report) => report.memberId !== null) : inWindow;
  // Members who have reported to the community at all are the ones a per-member promise counts.
  const members = new Set(context.reports.map((report) => report.memberId).filter((id): id is string => id !== null)).size;
  const target = commitment.perMember ? commitment.target * Math.max(1, members) : commitment.target;
  let achieved: number | null;
  switch (commitment.kind) {
    case 'SERVICE_HOURS':
      achieved = relevant.reduce((sum, report) => sum + report.hours, 0);
      break;
    case 'SERVICE_ACTIVITIES':
      achieved = relevant.length;
      break;
    case 'MICRO_WISHES_ADOPTED':
      achieved = context.fulfilledOrders;
      break;
    case 'DONATION':
    case 'OTHER':
      achieved = null;
      break;
    default:
      return assertNever(commitment.kind, 'commitment kind');
  }
  return {
    window,
    achieved,
    target,
    ratio: achieved === null ? null : Math.min(1, achieved / target),
    met: achieved === null ? null : achieved >= target,
  };
}
