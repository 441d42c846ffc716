-- The dossier's access code (issue 8): the secret on the receipt and slip 01 that lets a
-- citizen without an account act on the dossier. The dossier keeps only its digest
-- (SHA-256 of the dossier code and the access code); the draft it was filed from keeps the
-- code itself so that its receipt, reached only through the draft's unguessable token, can
-- show it again after a lost response. Dossiers filed before this have no code: they are
-- followed with the ID number and acted on by their owner's account or at the desk.
ALTER TABLE dossiers ADD COLUMN access_digest TEXT;
ALTER TABLE drafts ADD COLUMN access_code TEXT;
