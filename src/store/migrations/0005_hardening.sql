-- 0005: an ID number belongs to one person (the lookup MAC is unique), and
-- an account whose password an administrator set must choose its own at
-- the next login.
DROP INDEX persons_id_mac;
CREATE UNIQUE INDEX persons_id_mac ON persons(id_number_mac);
ALTER TABLE users ADD COLUMN must_change_pw INTEGER NOT NULL DEFAULT 0;
