-- A partner put on a deal by the import of a CRM export (OpportunityPartner / Partner rows).
ALTER TABLE deal_partner_attachment DROP CONSTRAINT deal_partner_attachment_via_check;
ALTER TABLE deal_partner_attachment
    ADD CONSTRAINT deal_partner_attachment_via_check CHECK (via IN ('REP', 'ADMIN', 'REGISTRATION', 'PAM', 'IMPORT'));
