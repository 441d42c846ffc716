-- The optimistic lock of a dossier: a counter raised by every move, which a move names to
-- be written only over the state it was decided on. Timestamps compared for the same
-- purpose could collide (two moves in one microsecond) and depend on clocks agreeing.
ALTER TABLE dossiers ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
