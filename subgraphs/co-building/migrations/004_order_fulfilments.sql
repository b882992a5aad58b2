-- Orders a co-building unit's resource fulfilled, as resource-pools reports them through its outbox
-- (subgraphs/co-building/events.ts): co-building counts order-based commitment progress (micro-wishes
-- adopted) from its own rows and never asks resource-pools at read time. One row per order, so a
-- redelivered event counts once. No foreign key to units: an order is recorded as reported, and a
-- unit unknown here simply has no commitments that count it.
CREATE TABLE order_fulfilments (
  order_id       text PRIMARY KEY,
  unit_id        text NOT NULL,
  community_id   text NOT NULL,
  demand_source  text NOT NULL,
  fulfilled_at   timestamptz NOT NULL,
  -- The China Standard Time day of fulfilled_at: commitment periods are calendar days there.
  fulfilled_on   date NOT NULL,
  recorded_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_fulfilments_progress ON order_fulfilments (unit_id, community_id, fulfilled_on);
