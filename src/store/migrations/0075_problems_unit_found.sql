-- 0075: a scoped user's page of problems led by his jurisdiction reads
-- its units' ids in found order from this index alone and sorts those
-- (q_problems.c P_LIST_KEYS, q_scope.h Q_PAGE_KEYS), instead of each row
-- of the jurisdiction with its columns (bench/README.md "sparse16b").
CREATE INDEX problems_unit_found ON problems(unit_id, found);
