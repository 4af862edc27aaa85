-- Whether a deal's amount is unknown: an open deal imported from a CRM export without an
-- amount. Its amount stays 0 (every sum reads amount as a number and 0 adds nothing to
-- pipeline or weighted figures); pages, lists, exports and the API read this flag and say
-- "unknown" instead of showing 0. Set by an import, cleared when a user or a later import
-- gives the deal an amount. Until now it was kept only beside the import's source record.
ALTER TABLE opportunity ADD COLUMN amount_unknown BOOLEAN NOT NULL DEFAULT FALSE;

UPDATE opportunity o SET amount_unknown = TRUE
FROM import_record r
WHERE r.object_type = 'Opportunity' AND r.amount_unknown AND r.target_id = o.id AND o.amount = 0
  AND NOT o.amount_unknown;
