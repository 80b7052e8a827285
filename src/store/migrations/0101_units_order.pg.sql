-- 0101 on PostgreSQL (issue 16, pgplan16j): the unit list's order, so that
-- its first page is read in the index's order and cut at its LIMIT instead
-- of sorting every unit (5,239 at 10M: 10-26 ms a rebuild of /units; the
-- unfiltered list's own text, q_units.c Q_LIST, lets the generic plan see
-- it).  SQLite sorts its units in 2 ms and keeps its plan: no index there.
CREATE INDEX units_order ON units(kind, name, id);
