-- Co-building no longer asks resource-pools for fulfilled-order counts (the internal query
-- fulfilledOrderCounts is gone): each fulfilment of an order a co-building unit's resource took is an
-- outbox event (topic co-building.recordOrderFulfilment, subgraphs/co-building/events.ts) written in
-- the fulfilment's transaction. Orders fulfilled before this migration are queued here once, so the
-- relay backfills co-building's order_fulfilments; co-building counts each order once, so a database
-- seeded with them already (the seed writes both sides) takes no harm from a redelivery.
INSERT INTO outbox (topic, payload, created_at, next_attempt_at)
SELECT 'co-building.recordOrderFulfilment',
       jsonb_build_object('orderId', d.id, 'unitId', r.provider_id, 'communityId', d.community_id, 'demandSource', d.source,
                          'fulfilledAt', to_char(f.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
       now(), now()
  FROM demands d
  JOIN resources r ON r.id = d.resource_id AND r.provider_kind = 'CO_BUILDING_UNIT'
  JOIN LATERAL (SELECT max(e.occurred_at) AS occurred_at FROM demand_events e WHERE e.demand_id = d.id AND e.kind = 'FULFIL') f ON f.occurred_at IS NOT NULL
 WHERE d.status IN ('FULFILLED', 'RATED')
 ORDER BY d.id;

-- Only the removed count read it.
DROP INDEX demand_events_fulfil;
