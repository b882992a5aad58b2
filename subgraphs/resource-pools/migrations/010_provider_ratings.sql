-- Every provider's rated orders, summed (the RATING term of matching): kept in step by rateOrder in
-- the rating's own transaction, so a ranking reads one row per provider instead of aggregating the
-- orders of all its resources (a district department provides hundreds).
CREATE TABLE provider_ratings (
  provider_kind  text NOT NULL CHECK (provider_kind IN ('CO_BUILDING_UNIT', 'DEPARTMENT')),
  provider_id    text NOT NULL,
  rating_sum     integer NOT NULL CHECK (rating_sum >= 0),
  rating_count   integer NOT NULL CHECK (rating_count >= 0),
  PRIMARY KEY (provider_kind, provider_id)
);
INSERT INTO provider_ratings (provider_kind, provider_id, rating_sum, rating_count)
SELECT r.provider_kind, r.provider_id, sum(d.rating), count(*)
  FROM demands d JOIN resources r ON r.id = d.resource_id
 WHERE d.status = 'RATED'
 GROUP BY r.provider_kind, r.provider_id;
