-- The adoption page counts each rep's registrations in a period: read through the rep's
-- own registrations instead of every registration (issue 15).
CREATE INDEX deal_registration_registered_by_idx ON deal_registration (registered_by, submitted_at);
