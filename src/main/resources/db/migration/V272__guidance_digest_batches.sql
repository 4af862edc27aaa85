-- Guidance (§C16): the weekly digest goes out in batches of people, each batch in a transaction of
-- its own (GuidanceDigests). The people a week's run has handled so far, written with their
-- digests, so a run cut off by a crash, or another instance's run at the same time, goes on with
-- the others and sends no one's twice; sent is false for a person who got none (disabled, or
-- nothing waiting after all). A week's rows are removed when the week is recorded in
-- guidance_digest_run (V80), which alone then tells that the week went out.
CREATE TABLE guidance_digest_person (
    week_start DATE    NOT NULL,
    user_id    BIGINT  NOT NULL,
    sent       BOOLEAN NOT NULL,
    PRIMARY KEY (week_start, user_id)
);
