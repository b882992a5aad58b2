-- Routing per street (#17, docs/streets.md): every street admin's token names its street, and a
-- street routes its own incidents. incident_routing_rules stay the district's defaults (one per
-- category, the categories incidents refer to); a street's own rule for a category, written by its
-- admin's setIncidentRoutingRule, takes precedence for that street's incidents. A street without
-- one follows the default, so streets added later need no rules of their own.
CREATE TABLE street_routing_rules (
  street_id                 text NOT NULL REFERENCES streets (id),
  category                  text NOT NULL REFERENCES incident_routing_rules (category),
  lead_department_id        text NOT NULL,
  assisting_department_ids  text[] NOT NULL DEFAULT '{}',
  deadline_hours            integer NOT NULL CHECK (deadline_hours BETWEEN 1 AND 8760),
  updated_at                timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (street_id, category)
);
