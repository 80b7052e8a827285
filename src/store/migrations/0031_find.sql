-- 0031: finding persons by the tail of their ID number (issue 12, helper
-- find12; docs/security.md "Search and need-to-know").  The ID number is
-- stored only encrypted (id_number_enc) with a keyed MAC of the whole
-- number (id_number_mac); a search by its last 4 or 6 characters needs
-- keyed MACs of those tails, under their own derived keys
-- (keyed_mac purposes qf-idnum-tail4 / qf-idnum-tail6), never the digits.
-- SQL cannot compute them (the key is outside the database): the rows
-- that already hold an ID number get theirs once at the next open
-- (find_tails_fill, setting person_tails_filled = 0 until then).
ALTER TABLE persons ADD COLUMN id_tail4_mac TEXT;
ALTER TABLE persons ADD COLUMN id_tail6_mac TEXT;
CREATE INDEX persons_id_tail4 ON persons(id_tail4_mac);
CREATE INDEX persons_id_tail6 ON persons(id_tail6_mac);
INSERT INTO settings (key, value) VALUES ('person_tails_filled', '0');
