-- Migration 5: ids are never given twice. The highest id ever given per
-- table, so that deleting the newest draft does not hand its id to the
-- next document and two audit entries never name different rows alike.
CREATE TABLE id_counters (
  table_name TEXT PRIMARY KEY,
  last       INTEGER NOT NULL
) WITHOUT ROWID;
