-- Migration 6: what an item is worth, for the stock report's and the donor
-- workbook's value columns.
--
-- Money is an integer with a currency code, never a float. The unit value
-- is kept in thousandths of the currency's unit: a dirham, the minor unit
-- of the Libyan dinar, and the finest of the currencies below, so that one
-- field of the item descriptor (a decimal with three places) reads and
-- writes every currency. A currency with fewer decimals takes only whole
-- minor units (a USD value is a multiple of 10 thousandths, a whole cent):
-- the triggers below refuse anything finer, and the reports divide by
-- milli_per_minor to get minor units.
CREATE TABLE currencies (
  code            TEXT PRIMARY KEY,
  name_en         TEXT NOT NULL,
  name_ar         TEXT NOT NULL,
  decimals        INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 3),
  sort_order      INTEGER NOT NULL,
  milli_per_minor INTEGER NOT NULL GENERATED ALWAYS AS
    (CASE decimals WHEN 3 THEN 1 WHEN 2 THEN 10 WHEN 1 THEN 100 ELSE 1000 END) VIRTUAL
) WITHOUT ROWID;

-- Donors report in US dollars or euros; local purchases are in dinars.
INSERT INTO currencies (code, name_en, name_ar, decimals, sort_order) VALUES
  ('USD', 'US dollar', 'دولار أمريكي', 2, 1),
  ('EUR', 'Euro', 'يورو', 2, 2),
  ('LYD', 'Libyan dinar', 'دينار ليبي', 3, 3);

-- A column added with REFERENCES must default to NULL: the triggers check
-- the currency instead.
ALTER TABLE items ADD COLUMN unit_value_milli INTEGER NOT NULL DEFAULT 0
  CHECK (unit_value_milli >= 0);
ALTER TABLE items ADD COLUMN currency TEXT NOT NULL DEFAULT 'USD';

CREATE TRIGGER items_value_insert BEFORE INSERT ON items
BEGIN
  SELECT RAISE (ABORT, 'unknown currency')
   WHERE NOT EXISTS (SELECT 1 FROM currencies WHERE code = NEW.currency);
  SELECT RAISE (ABORT, 'unit value finer than the currency''s minor unit')
   WHERE NEW.unit_value_milli % (SELECT milli_per_minor FROM currencies
                                  WHERE code = NEW.currency) <> 0;
END;

CREATE TRIGGER items_value_update BEFORE UPDATE OF unit_value_milli, currency ON items
BEGIN
  SELECT RAISE (ABORT, 'unknown currency')
   WHERE NOT EXISTS (SELECT 1 FROM currencies WHERE code = NEW.currency);
  SELECT RAISE (ABORT, 'unit value finer than the currency''s minor unit')
   WHERE NEW.unit_value_milli % (SELECT milli_per_minor FROM currencies
                                  WHERE code = NEW.currency) <> 0;
END;
