-- 0012: the interchange looks accountability records up by the id they
-- were imported with, like the other types with ids.
CREATE INDEX accountabilities_ext ON accountabilities(ext_id);
