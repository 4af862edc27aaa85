-- The program's high-potential list as the daily job stores it (PartnerIntelligence.storeHighPotential),
-- one row per partner, so the book of scores reads one page of it in its order (behaviour, highest
-- first, then partner id) and counts it in SQL instead of reading, narrowing and naming the whole
-- list stored as one JSON body in stored_page_figures. The stored figure set keeps the time it was
-- computed ("as of") and now only the number of lines.
CREATE TABLE high_potential_line (
    partner_id        BIGINT        PRIMARY KEY REFERENCES partner (id),
    readiness         NUMERIC(4, 1) NOT NULL,
    behaviour         NUMERIC(4, 1) NOT NULL,
    trust             NUMERIC(4, 1),
    pipeline_180_days NUMERIC       NOT NULL,
    reason            TEXT          NOT NULL,
    evidence          TEXT          NOT NULL
);
CREATE INDEX high_potential_line_order_idx ON high_potential_line (behaviour DESC, partner_id);

-- the list stored before, as its lines: nothing to recompute before the next daily run
INSERT INTO high_potential_line (partner_id, readiness, behaviour, trust, pipeline_180_days, reason, evidence)
SELECT CAST(e ->> 'partnerId' AS BIGINT), CAST(e ->> 'readiness' AS NUMERIC), CAST(e ->> 'behaviour' AS NUMERIC),
       CAST(e ->> 'trust' AS NUMERIC), COALESCE(CAST(e ->> 'pipeline180Days' AS NUMERIC), 0), e ->> 'reason',
       COALESCE(e ->> 'evidence', '')
FROM stored_page_figures f
CROSS JOIN LATERAL jsonb_array_elements(f.body) e
WHERE f.name = 'scoring.high-potential' AND f.scope = 0 AND jsonb_typeof(f.body) = 'array'
  AND EXISTS (SELECT 1 FROM partner p WHERE p.id = CAST(e ->> 'partnerId' AS BIGINT))
ON CONFLICT (partner_id) DO NOTHING;
UPDATE stored_page_figures SET body = jsonb_build_object('lines', jsonb_array_length(body))
WHERE name = 'scoring.high-potential' AND jsonb_typeof(body) = 'array';
