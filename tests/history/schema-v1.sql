-- The tables of a version 1 history (before the policy texts and the
-- program's version were kept), for the migration test: test_history.py
-- fills them and then opens the file with the current aicert.
PRAGMA application_id = 1634296677;
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version VALUES (1);
CREATE TABLE assessments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  saved_at TEXT NOT NULL,
  as_of TEXT NOT NULL,
  label TEXT,
  verdict TEXT NOT NULL,
  reason TEXT NOT NULL,
  profile TEXT NOT NULL,
  assessment TEXT NOT NULL,
  policy_name TEXT NOT NULL,
  policy_version TEXT NOT NULL,
  policy_hash TEXT NOT NULL,
  catalogue_version TEXT,
  data_version TEXT);
