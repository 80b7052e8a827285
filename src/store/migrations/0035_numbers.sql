-- 0035: one counter for every official number (issue 12, numbers).
-- The documents' numbering rules (doc_number_rules, 0030) become patterns
-- of number_patterns (0032) with the kind doc_<document kind>, and their
-- counters (doc_counters) rows of number_counters under the same kinds, so
-- the next document of a kind and year continues from the last number
-- given: no gap, no duplicate.  The pattern language is one (numbering.h):
-- {机关代字} {年} {序号} {序号3}, and the older {year} {n} {n3}.
-- The filing decision (立案决定书) is numbered by its subject's 立案编号
-- (case_subjects.filing_no, kind case_filing), so its own rule is not
-- carried over; its counter is, as the record of the numbers given.
-- number_patterns gains the author's name, as doc_number_rules had it.
ALTER TABLE number_patterns ADD COLUMN author TEXT NOT NULL DEFAULT '';
INSERT INTO number_patterns (kind, effective_from, pattern, source, created_by, created_at, author)
	SELECT 'doc_' || r.kind, r.effective_from, r.pattern, r.source,
	       (SELECT u.id FROM users u WHERE u.id = r.author_id), r.created_at, r.author
	FROM doc_number_rules r WHERE r.kind <> 'filing_decision';
INSERT INTO number_counters (kind, year, last)
	SELECT 'doc_' || kind, year, last FROM doc_counters;
DROP TABLE doc_number_rules;
DROP TABLE doc_counters;
-- finding a document by its number (the search box)
CREATE INDEX documents_number ON documents(number);
-- interchange (issue 12): a trial return line's unknown fields, kept as
-- every imported type keeps them (docs/interchange.md)
ALTER TABLE case_trial_returns ADD COLUMN extra TEXT;
