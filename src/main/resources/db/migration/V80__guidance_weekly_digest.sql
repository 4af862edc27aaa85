-- Guidance (§C16): the weekly digest of each person's recommendations goes out once per business
-- week across instances (the week's key, written in the transaction that writes the digests);
-- guidance_recommendation.digested_on (V71) holds the day a digest first listed a recommendation.
CREATE TABLE guidance_digest_run (
    week_start  DATE PRIMARY KEY,
    people      INT         NOT NULL,
    finished_at TIMESTAMPTZ NOT NULL
);
