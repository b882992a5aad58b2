-- A dispatched order holds its resource's capacity from dispatch on (until it is declined, cancelled
-- or expires), not only from acceptance: otherwise batch plans count capacity that waiting orders
-- will need and overbook. Orders already DISPATCHED when this runs start holding now, in the period
-- of their last dispatch (China Standard Time, weeks from Monday, as order-lifecycle.ts keys them).
WITH dispatched AS (
  SELECT d.id, d.resource_id, r.capacity_period,
         (coalesce((SELECT max(e.occurred_at) FROM demand_events e WHERE e.demand_id = d.id AND e.kind = 'DISPATCH'), now())
            AT TIME ZONE 'UTC') + interval '8 hours' AS local_time
    FROM demands d JOIN resources r ON r.id = d.resource_id
   WHERE d.status = 'DISPATCHED' AND d.usage_period IS NULL
), keyed AS (
  SELECT id, resource_id,
         CASE capacity_period
           WHEN 'ONCE' THEN 'ONCE'
           WHEN 'DAY' THEN to_char(local_time, 'YYYY-MM-DD')
           WHEN 'WEEK' THEN to_char(date_trunc('week', local_time), 'YYYY-MM-DD')
           WHEN 'MONTH' THEN to_char(date_trunc('month', local_time), 'YYYY-MM-DD')
           ELSE to_char(date_trunc('year', local_time), 'YYYY-MM-DD')
         END AS period_start
    FROM dispatched
), marked AS (
  UPDATE demands d SET usage_period = k.period_start FROM keyed k WHERE d.id = k.id RETURNING d.resource_id, d.usage_period
)
INSERT INTO capacity_usage AS u (resource_id, period_start, used)
SELECT resource_id, usage_period, count(*) FROM marked GROUP BY resource_id, usage_period
ON CONFLICT (resource_id, period_start) DO UPDATE SET used = u.used + EXCLUDED.used;
