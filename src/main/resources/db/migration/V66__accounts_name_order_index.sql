-- Normalised account names in byte order (issue 14): the set-based matcher of a partner's list
-- (Accounts.matchAll) finds the accounts whose name is a company's name with words added
-- ("Talvoring" / "Talvoring Consulting": a possible match for a person) by a range of this index
-- per company, and the accounts whose name a company's name extends by equality. The trigram
-- index answers the same for one company at a time, too slowly for 100,000 companies.
CREATE INDEX account_normalized_name_order_idx ON account (normalized_name COLLATE "C");
