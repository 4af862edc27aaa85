-- Maturity assessments (§C19): each submission of the program's or a partner's questionnaire is one
-- row with its answers and the result the rule gave then; rows are never changed, so history shows
-- progress and stays what was answered.
CREATE TABLE maturity_assessment (
    id                     BIGSERIAL PRIMARY KEY,
    subject                TEXT        NOT NULL CHECK (subject IN ('PROGRAM', 'PARTNER')),
    partner_id             BIGINT REFERENCES partner (id),
    questionnaire_version  INT         NOT NULL,
    score                  INT         NOT NULL CHECK (score BETWEEN 0 AND 100),
    level                  INT         NOT NULL CHECK (level BETWEEN 1 AND 5),
    reason                 TEXT        NOT NULL,
    note                   TEXT,
    answered_by            BIGINT      NOT NULL REFERENCES app_user (id),
    answered_at            TIMESTAMPTZ NOT NULL,
    CHECK ((subject = 'PARTNER') = (partner_id IS NOT NULL))
);
CREATE INDEX maturity_assessment_of_partner ON maturity_assessment (partner_id, answered_at DESC, id DESC)
    WHERE partner_id IS NOT NULL;
CREATE INDEX maturity_assessment_of_program ON maturity_assessment (answered_at DESC, id DESC)
    WHERE subject = 'PROGRAM';

-- One answer (0-4) per question id of the questionnaire version.
CREATE TABLE maturity_answer (
    assessment_id  BIGINT   NOT NULL REFERENCES maturity_assessment (id),
    question_id    TEXT     NOT NULL,
    answer         SMALLINT NOT NULL CHECK (answer BETWEEN 0 AND 4),
    PRIMARY KEY (assessment_id, question_id)
);

-- Each area's score (0-100) and whether it was weak.
CREATE TABLE maturity_area_result (
    assessment_id  BIGINT  NOT NULL REFERENCES maturity_assessment (id),
    area           TEXT    NOT NULL,
    score          INT     NOT NULL CHECK (score BETWEEN 0 AND 100),
    weak           BOOLEAN NOT NULL,
    PRIMARY KEY (assessment_id, area)
);

-- History is never overwritten.
CREATE FUNCTION maturity_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'maturity assessments are kept as answered: % is never updated', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER maturity_assessment_kept BEFORE UPDATE ON maturity_assessment
    FOR EACH ROW EXECUTE FUNCTION maturity_refuse_update();
CREATE TRIGGER maturity_answer_kept BEFORE UPDATE ON maturity_answer
    FOR EACH ROW EXECUTE FUNCTION maturity_refuse_update();
CREATE TRIGGER maturity_area_result_kept BEFORE UPDATE ON maturity_area_result
    FOR EACH ROW EXECUTE FUNCTION maturity_refuse_update();
