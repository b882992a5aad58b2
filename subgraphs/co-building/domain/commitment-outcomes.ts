import type { Database } from '../../../lib/kernel/database.js';
import { commitmentProgressIn, lastCompletedPeriod, orderSourcesOf, structuredCommitment } from './commitments.js';
import { creditDelta, creditValidUntil } from './credit.js';
import { recordedOrderProgress } from './order-fulfilments.js';
import { shanghaiDate } from './pairing-status.js';
import { createCoBuildingStore } from '../store.js';

/**
 * One pass of the commitment job: for each structured commitment, the period that ended last is
 * judged met or missed and recorded as a credit event whose source is (co-building, Commitment,
 * `<commitment id>@<period start>`). The unique source makes the pass idempotent, so it can run on a
 * timer, on several instances, and again after a crash. Order-based commitments are judged with the
 * fulfilments resource-pools reported (order_fulfilments), a day after their period ends: its outbox
 * delivers an order fulfilled just before midnight moments later, or later still after an outage.
 * Commitments whose progress the hub cannot know (free text) are never judged.
 */
export async function recordCommitmentOutcomes(db: Database, now: Date): Promise<number> {
  const store = createCoBuildingStore(db);
  const orders = recordedOrderProgress(store);
  const today = shanghaiDate(now);
  const yesterday = shanghaiDate(new Date(now.getTime() - 86_400_000));
  const commitments = await store.findAllCommitmentsWithPairings();
  const reports = await store.findVerifiedReportsByPairingIds([...new Set(commitments.map((c) => c.pairing_id))]);
  const reportsOf = new Map<string, { hours: number; servedOn: string; memberId: string | null }[]>();
  for (const report of reports) {
    reportsOf.set(report.pairing_id, [
      ...(reportsOf.get(report.pairing_id) ?? []),
      { hours: report.hours, servedOn: report.served_on, memberId: report.member_id },
    ]);
  }
  const judged = commitments.flatMap((commitment) => {
    const agreement = { from: commitment.starts_on, to: commitment.terminated_on ?? commitment.ends_on };
    const settledDay = orderSourcesOf(commitment.kind) === null ? today : yesterday;
    const window = lastCompletedPeriod(commitment.period, settledDay, agreement);
    return window === null ? [] : [{ commitment, agreement, window }];
  });
  // One statement for every order-based commitment.
  const counts = await orders.fulfilledOrders(
    judged.map(({ commitment, window }) => ({ unitId: commitment.unit_id, communityId: commitment.community_id, kind: commitment.kind, window })),
  );
  let created = 0;
  for (const [i, { commitment, agreement, window }] of judged.entries()) {
    const progress = commitmentProgressIn(structuredCommitment(commitment), window, {
      unitId: commitment.unit_id,
      communityId: commitment.community_id,
      agreement,
      reports: reportsOf.get(commitment.pairing_id) ?? [],
      fulfilledOrders: counts[i] ?? null,
    });
    if (progress.met === null) continue;
    const reason = progress.met ? 'COMMITMENT_MET' : 'COMMITMENT_MISSED';
    // The period is judged at the start of the day after it, China Standard Time.
    const occurredAt = new Date(Date.parse(`${window.to}T00:00:00+08:00`) + 86_400_000);
    const result = await store.recordCreditEvent({
      unit_id: commitment.unit_id,
      reason,
      delta: creditDelta(reason, null)!,
      rating: null,
      source_subgraph: 'co-building',
      source_type: 'Commitment',
      source_id: `${commitment.id}@${window.from}`,
      occurred_at: occurredAt,
      valid_until: creditValidUntil(occurredAt),
    });
    if (result.created) created++;
  }
  return created;
}
