-- What can stand in for what (供需对接的类别匹配), as data an operator can change with SQL, applied
-- on the next request (matching reads these tables per request and never caches them).
--
-- Kinds narrower than the eight categories: a street's resources and demands are specific (a
-- lighting repair is not a fitness-equipment repair; hardship relief is not a student bursary).
-- GENERAL (migration 007) is the category as a whole. default_amount is what a demand of the kind
-- needs unless it says (a home nursing order is four visits; a flood-control order fifty sandbags).
INSERT INTO help_kinds (category, sub_kind, label, unit, default_amount) VALUES
  ('VENUE', 'ACTIVITY_ROOM', '活动室', '场', 1),
  ('VENUE', 'MEETING_ROOM', '会议室、报告厅', '场', 1),
  ('VENUE', 'SPORTS_GROUND', '运动场地', '场', 1),
  ('VENUE', 'ELDERLY_CENTRE', '养老服务场所', '场', 1),
  ('VENUE', 'EMERGENCY_SHELTER', '应急避难场所', '场', 1),
  ('FUNDS', 'STUDENT_AID', '助学资助', '元', 2000),
  ('FUNDS', 'HARDSHIP_RELIEF', '困难救助', '元', 5000),
  ('FUNDS', 'RENOVATION', '设施改造修缮', '元', 20000),
  ('FUNDS', 'MICRO_WISH', '微心愿', '元', 500),
  ('FUNDS', 'COMMERCE_SUBSIDY', '商业促消费补贴', '元', 10000),
  ('VOLUNTEER_SERVICE', 'VISITING', '探访陪伴', '小时', 4),
  ('VOLUNTEER_SERVICE', 'CHILD_MINDING', '托管看护', '小时', 8),
  ('VOLUNTEER_SERVICE', 'ENVIRONMENT', '环境整治', '小时', 4),
  ('VOLUNTEER_SERVICE', 'CIVIC_GUIDANCE', '文明劝导', '小时', 4),
  ('VOLUNTEER_SERVICE', 'PATROL', '治安巡逻', '小时', 4),
  ('PROFESSIONAL_SERVICE', 'LEGAL', '法律服务、纠纷调解', '人次', 1),
  ('PROFESSIONAL_SERVICE', 'POLICY', '政策咨询', '人次', 1),
  ('PROFESSIONAL_SERVICE', 'MEDICAL', '义诊', '人次', 1),
  ('PROFESSIONAL_SERVICE', 'PSYCHOLOGY', '心理咨询', '人次', 1),
  ('PROFESSIONAL_SERVICE', 'BUILDING', '房屋技术', '人次', 1),
  ('PROFESSIONAL_SERVICE', 'FINANCE', '金融咨询', '人次', 1),
  ('PROFESSIONAL_SERVICE', 'FOOD_SAFETY', '食品安全', '人次', 1),
  ('PROFESSIONAL_SERVICE', 'EMERGENCY_GUIDANCE', '应急指导', '人次', 1),
  ('FACILITY_EQUIPMENT', 'FITNESS', '健身器材', '件', 1),
  ('FACILITY_EQUIPMENT', 'LIGHTING', '照明设施', '件', 1),
  ('FACILITY_EQUIPMENT', 'EV_CHARGING', '充电设施', '件', 1),
  ('FACILITY_EQUIPMENT', 'PARKING', '停车设施', '件', 1),
  ('FACILITY_EQUIPMENT', 'REPAIR', '公共设施维修', '件', 1),
  ('FACILITY_EQUIPMENT', 'FIRE_EQUIPMENT', '消防器材', '件', 1),
  ('FACILITY_EQUIPMENT', 'SANITATION', '环卫设备', '件', 1),
  ('FACILITY_EQUIPMENT', 'MONITORING', '检测监测设备', '件', 1),
  ('MATERIALS', 'COMFORT_GOODS', '慰问物资', '件', 20),
  ('MATERIALS', 'FLOOD_CONTROL', '防汛物资', '件', 50),
  ('MATERIALS', 'BOOKS', '图书', '件', 50),
  ('MATERIALS', 'EPIDEMIC', '防疫物资', '件', 20),
  ('MATERIALS', 'SCHOOL_SUPPLIES', '学习用品', '件', 20),
  ('MATERIALS', 'DISPLAY', '宣传展板', '件', 5),
  ('TRAINING_EDUCATION', 'AFTER_SCHOOL', '课后课堂', '场', 1),
  ('TRAINING_EDUCATION', 'PARENTING', '家庭教育', '场', 1),
  ('TRAINING_EDUCATION', 'VOCATIONAL', '职业技能', '场', 1),
  ('TRAINING_EDUCATION', 'DIGITAL_SKILLS', '数字技能', '场', 1),
  ('TRAINING_EDUCATION', 'SAFETY', '安全教育', '场', 1),
  ('TRAINING_EDUCATION', 'FIRST_AID', '急救培训', '场', 1),
  ('TRAINING_EDUCATION', 'ANTI_FRAUD', '反诈宣传', '场', 1),
  ('TRAINING_EDUCATION', 'POPULAR_SCIENCE', '科普宣讲', '场', 1),
  ('TRAINING_EDUCATION', 'LAW_AND_POLICY', '法律政策宣讲', '场', 1),
  ('CARE_SERVICE', 'ELDERLY_HOME_CARE', '居家助老', '人次', 2),
  ('CARE_SERVICE', 'NURSING', '上门护理', '人次', 4),
  ('CARE_SERVICE', 'HEALTH_CHECK', '健康体检', '人次', 1),
  ('CARE_SERVICE', 'FAMILY_DOCTOR', '家庭医生、健康随访', '人次', 1),
  ('CARE_SERVICE', 'CHILD_CARE', '关爱儿童', '人次', 2),
  ('CARE_SERVICE', 'DISABILITY', '助残服务', '人次', 2);

-- Every resource and demand is of a kind (GENERAL unless it names a narrower one); the kind must exist.
ALTER TABLE resources ADD COLUMN sub_kind text NOT NULL DEFAULT 'GENERAL';
ALTER TABLE resources ADD CONSTRAINT resources_kind FOREIGN KEY (category, sub_kind) REFERENCES help_kinds (category, sub_kind);
ALTER TABLE demands ADD COLUMN sub_kind text NOT NULL DEFAULT 'GENERAL';
ALTER TABLE demands ADD CONSTRAINT demands_kind FOREIGN KEY (category, sub_kind) REFERENCES help_kinds (category, sub_kind);

-- Which kind of resource can meet which kind of demand, and how well (weight 0–1; 0 says "cannot").
-- A NULL sub-kind means any kind of the category. For a pair the most specific rule decides: the
-- exact pair, then the same kind (always 1 without a rule), then a rule for the demand's kind and any
-- resource, then for any demand and the resource's kind, then for the two categories; no rule: 0.
-- Weight 1 means "can do the job"; below 1 the resource stands in, and ranks after every one that
-- can. Rules across categories only matter where both count capacity in the same unit.
CREATE TABLE category_fits (
  id                 serial PRIMARY KEY,
  demand_category    text NOT NULL,
  demand_sub_kind    text,
  resource_category  text NOT NULL,
  resource_sub_kind  text,
  weight             numeric(4, 3) NOT NULL CHECK (weight BETWEEN 0 AND 1),
  -- Why, in words: shown in the explanation of every match the rule decides.
  note               text NOT NULL CHECK (length(note) BETWEEN 1 AND 200),
  FOREIGN KEY (demand_category, demand_sub_kind) REFERENCES help_kinds (category, sub_kind),
  FOREIGN KEY (resource_category, resource_sub_kind) REFERENCES help_kinds (category, sub_kind),
  CHECK (demand_category IN ('VENUE', 'FUNDS', 'VOLUNTEER_SERVICE', 'PROFESSIONAL_SERVICE', 'FACILITY_EQUIPMENT', 'MATERIALS', 'TRAINING_EDUCATION', 'CARE_SERVICE')),
  CHECK (resource_category IN ('VENUE', 'FUNDS', 'VOLUNTEER_SERVICE', 'PROFESSIONAL_SERVICE', 'FACILITY_EQUIPMENT', 'MATERIALS', 'TRAINING_EDUCATION', 'CARE_SERVICE'))
);
CREATE UNIQUE INDEX category_fits_pair ON category_fits (demand_category, coalesce(demand_sub_kind, '*'), resource_category, coalesce(resource_sub_kind, '*'));

INSERT INTO category_fits (demand_category, demand_sub_kind, resource_category, resource_sub_kind, weight, note) VALUES
  -- A demand that names no narrower kind: anything of its category.
  ('VENUE', 'GENERAL', 'VENUE', NULL, 1, '需求未细分类型，本类资源均可（the demand names no narrower kind: any resource of its category）'),
  ('FUNDS', 'GENERAL', 'FUNDS', NULL, 1, '需求未细分类型，本类资源均可（the demand names no narrower kind: any resource of its category）'),
  ('VOLUNTEER_SERVICE', 'GENERAL', 'VOLUNTEER_SERVICE', NULL, 1, '需求未细分类型，本类资源均可（the demand names no narrower kind: any resource of its category）'),
  ('PROFESSIONAL_SERVICE', 'GENERAL', 'PROFESSIONAL_SERVICE', NULL, 1, '需求未细分类型，本类资源均可（the demand names no narrower kind: any resource of its category）'),
  ('FACILITY_EQUIPMENT', 'GENERAL', 'FACILITY_EQUIPMENT', NULL, 1, '需求未细分类型，本类资源均可（the demand names no narrower kind: any resource of its category）'),
  ('MATERIALS', 'GENERAL', 'MATERIALS', NULL, 1, '需求未细分类型，本类资源均可（the demand names no narrower kind: any resource of its category）'),
  ('TRAINING_EDUCATION', 'GENERAL', 'TRAINING_EDUCATION', NULL, 1, '需求未细分类型，本类资源均可（the demand names no narrower kind: any resource of its category）'),
  ('CARE_SERVICE', 'GENERAL', 'CARE_SERVICE', NULL, 1, '需求未细分类型，本类资源均可（the demand names no narrower kind: any resource of its category）'),
  -- General-purpose resources stand in for the narrower kinds of their category.
  ('VENUE', NULL, 'VENUE', 'GENERAL', 0.8, '通用场地可满足多数用途（a general-purpose space serves most uses）'),
  ('FUNDS', NULL, 'FUNDS', 'GENERAL', 0.8, '爱心基金等非定向资金可用于多数资助（untied charity money pays for most needs）'),
  ('VOLUNTEER_SERVICE', NULL, 'VOLUNTEER_SERVICE', 'GENERAL', 0.9, '综合志愿服务队可承担多数志愿任务（a general volunteer team does most volunteer jobs）'),
  ('MATERIALS', 'COMFORT_GOODS', 'MATERIALS', 'GENERAL', 0.9, '爱心物资可组成慰问包（donated goods make comfort packages）'),
  ('MATERIALS', 'SCHOOL_SUPPLIES', 'MATERIALS', 'GENERAL', 0.6, '爱心物资中常有学习用品（donated goods often include school supplies）'),
  ('FACILITY_EQUIPMENT', NULL, 'FACILITY_EQUIPMENT', 'GENERAL', 0.5, '通用设备可部分替代（general equipment partly stands in）'),
  -- Venues.
  ('VENUE', 'ACTIVITY_ROOM', 'VENUE', 'MEETING_ROOM', 0.8, '会议室可开展多数室内活动（a meeting room holds most indoor activities）'),
  ('VENUE', 'ACTIVITY_ROOM', 'VENUE', 'SPORTS_GROUND', 0.6, '室内运动场可用于排练和儿童活动（an indoor sports hall holds rehearsals and children''s activities）'),
  ('VENUE', 'ACTIVITY_ROOM', 'VENUE', 'ELDERLY_CENTRE', 0.6, '养老服务中心的活动室空闲时可借用（an elderly centre lends its rooms when they are free）'),
  ('VENUE', 'MEETING_ROOM', 'VENUE', 'ACTIVITY_ROOM', 0.9, '活动室可容纳会议（an activity room seats a meeting）'),
  ('VENUE', 'MEETING_ROOM', 'VENUE', 'ELDERLY_CENTRE', 0.5, '养老服务中心的会议空间有限（an elderly centre has little meeting space）'),
  ('VENUE', 'SPORTS_GROUND', 'VENUE', 'ACTIVITY_ROOM', 0.4, '活动室只适合轻度运动（an activity room suits light exercise only）'),
  -- Funds are earmarked: only near purposes stand in.
  ('FUNDS', 'STUDENT_AID', 'FUNDS', 'MICRO_WISH', 0.7, '微心愿资金常用于学生学习用品（micro-wish money often buys pupils'' school things）'),
  ('FUNDS', 'HARDSHIP_RELIEF', 'FUNDS', 'MICRO_WISH', 0.4, '微心愿资金额度小，只能小额帮扶（micro-wish money is small: small help only）'),
  ('FUNDS', 'MICRO_WISH', 'FUNDS', 'STUDENT_AID', 0.5, '助学金可认领学生的微心愿（a bursary can adopt a pupil''s micro-wish）'),
  -- Volunteer service.
  ('VOLUNTEER_SERVICE', 'CIVIC_GUIDANCE', 'VOLUNTEER_SERVICE', 'PATROL', 0.6, '巡逻志愿者可兼做文明劝导（patrol volunteers can also guide traffic）'),
  ('VOLUNTEER_SERVICE', 'PATROL', 'VOLUNTEER_SERVICE', 'CIVIC_GUIDANCE', 0.5, '劝导志愿者可协助巡逻（guidance volunteers can help on patrol）'),
  -- Professional service.
  ('PROFESSIONAL_SERVICE', 'LEGAL', 'PROFESSIONAL_SERVICE', 'POLICY', 0.4, '政策咨询可解答简单法律问题（policy advisers answer simple legal questions）'),
  ('PROFESSIONAL_SERVICE', 'MEDICAL', 'CARE_SERVICE', 'FAMILY_DOCTOR', 0.8, '家庭医生可提供诊疗咨询（a family doctor gives medical advice）'),
  ('PROFESSIONAL_SERVICE', 'MEDICAL', 'CARE_SERVICE', 'HEALTH_CHECK', 0.5, '健康体检只做检查不做诊疗（a health check examines but does not treat）'),
  -- Facilities.
  ('FACILITY_EQUIPMENT', 'FITNESS', 'FACILITY_EQUIPMENT', 'REPAIR', 0.7, '公共设施维修队可修健身器材（a public repair team can mend fitness equipment）'),
  ('FACILITY_EQUIPMENT', 'LIGHTING', 'FACILITY_EQUIPMENT', 'REPAIR', 0.7, '公共设施维修队可修灯（a public repair team can fix lights）'),
  -- Training and education.
  ('TRAINING_EDUCATION', 'DIGITAL_SKILLS', 'TRAINING_EDUCATION', 'VOCATIONAL', 0.7, '技能培训（如电商）可教智能手机使用（skills trainers (e-commerce) can teach smartphone use）'),
  ('TRAINING_EDUCATION', 'FIRST_AID', 'TRAINING_EDUCATION', 'SAFETY', 0.6, '安全教育常含基础急救（safety training covers basic first aid）'),
  ('TRAINING_EDUCATION', 'ANTI_FRAUD', 'TRAINING_EDUCATION', 'LAW_AND_POLICY', 0.6, '法律宣讲可讲防诈骗（law talks can cover fraud）'),
  ('TRAINING_EDUCATION', 'AFTER_SCHOOL', 'TRAINING_EDUCATION', 'POPULAR_SCIENCE', 0.4, '科普讲堂可作课后活动（a popular-science class can be an after-school activity）'),
  -- Care.
  ('CARE_SERVICE', 'ELDERLY_HOME_CARE', 'CARE_SERVICE', 'NURSING', 0.6, '护理人员可兼做居家助老（nursing carers can also help at home）'),
  ('CARE_SERVICE', 'NURSING', 'CARE_SERVICE', 'FAMILY_DOCTOR', 0.5, '家庭医生上门，但不做日常护理（a family doctor visits but does not nurse daily）'),
  ('CARE_SERVICE', 'DISABILITY', 'CARE_SERVICE', 'NURSING', 0.6, '护理人员可陪护康复（nursing carers can accompany rehabilitation）'),
  ('CARE_SERVICE', 'FAMILY_DOCTOR', 'CARE_SERVICE', 'HEALTH_CHECK', 0.5, '体检可测一次血压，不能持续随访（a check-up measures blood pressure once, it does not follow up）'),
  ('CARE_SERVICE', 'FAMILY_DOCTOR', 'PROFESSIONAL_SERVICE', 'MEDICAL', 0.6, '义诊可做一次随访（a free clinic can follow up once）'),
  ('CARE_SERVICE', 'HEALTH_CHECK', 'PROFESSIONAL_SERVICE', 'MEDICAL', 0.7, '义诊可做基础检查（a free clinic can do basic checks）');
