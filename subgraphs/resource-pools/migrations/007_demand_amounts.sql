-- A demand says how much it needs, in the unit its resource counts capacity in (one booking of a
-- venue, hours of volunteer service, 元 of funds), and an order holds that amount of the resource's
-- capacity instead of one unit whatever the unit.
--
-- The kinds of help and what a demand of each kind needs unless it says: data, so an operator can
-- change a default without a release (read per request, never cached).
CREATE TABLE help_kinds (
  category        text NOT NULL CHECK (category IN ('VENUE', 'FUNDS', 'VOLUNTEER_SERVICE', 'PROFESSIONAL_SERVICE',
                    'FACILITY_EQUIPMENT', 'MATERIALS', 'TRAINING_EDUCATION', 'CARE_SERVICE')),
  -- GENERAL is the category as a whole (a demand or resource that names no narrower kind).
  sub_kind        text NOT NULL CHECK (sub_kind ~ '^[A-Z][A-Z_]{1,39}$'),
  label           text NOT NULL,
  unit            text NOT NULL CHECK (unit IN ('人次', '小时', '元', '场', '件')),
  default_amount  integer NOT NULL CHECK (default_amount > 0),
  PRIMARY KEY (category, sub_kind)
);
INSERT INTO help_kinds (category, sub_kind, label, unit, default_amount) VALUES
  ('VENUE', 'GENERAL', '场地空间（一次预约）', '场', 1),
  ('FUNDS', 'GENERAL', '资金', '元', 1000),
  ('VOLUNTEER_SERVICE', 'GENERAL', '志愿服务', '小时', 4),
  ('PROFESSIONAL_SERVICE', 'GENERAL', '专业服务', '人次', 1),
  ('FACILITY_EQUIPMENT', 'GENERAL', '设施设备', '件', 1),
  ('MATERIALS', 'GENERAL', '物资', '件', 10),
  ('TRAINING_EDUCATION', 'GENERAL', '培训教育', '场', 1),
  ('CARE_SERVICE', 'GENERAL', '照护服务', '人次', 1);

ALTER TABLE demands
  ADD COLUMN amount integer NOT NULL DEFAULT 1 CHECK (amount > 0),
  ADD COLUMN unit   text;
-- Orders that already hold or used capacity counted 1 of their resource's unit: they keep exactly
-- that, so what they hold and what they give back agree. The others get their kind's default.
UPDATE demands d
   SET unit = k.unit,
       amount = CASE WHEN d.usage_period IS NOT NULL OR d.status IN ('ACCEPTED', 'FULFILLED', 'RATED') THEN 1 ELSE k.default_amount END
  FROM help_kinds k
 WHERE k.category = d.category AND k.sub_kind = 'GENERAL';
UPDATE demands d SET unit = r.capacity_unit
  FROM resources r
 WHERE r.id = d.resource_id AND (d.usage_period IS NOT NULL OR d.status IN ('ACCEPTED', 'FULFILLED', 'RATED'));
ALTER TABLE demands ALTER COLUMN unit SET NOT NULL, ALTER COLUMN amount DROP DEFAULT;
