-- The working calendar's version, raised in the same transaction as every change of
-- `calendar_days` (`Store::import_calendar`, `Store::delete_calendar_day`). Each server keeps
-- the calendar in memory (`motcua_core::calendar::CalendarCache`) and reads only this one row
-- per request: a change made through another server of the deployment shows as a new
-- version, and the calendar is read again. No row yet means version 0.
CREATE TABLE calendar_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),   -- one row only
    version INTEGER NOT NULL CHECK (version > 0)
);
