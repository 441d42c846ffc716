-- The collector of unreferenced files (`DraftStore::collect_unreferenced_files`) asks, for
-- each file, whether any upload, dossier document or move attachment still names it: these
-- indexes answer that without reading the tables. `files.created_at` is from now on the
-- moment the bytes were last written (a writer touches it before writing them), which the
-- collector's grace period counts from.
CREATE INDEX draft_uploads_sha256 ON draft_uploads (sha256);
CREATE INDEX dossier_documents_sha256 ON dossier_documents (sha256);
CREATE INDEX dossier_event_attachments_sha256 ON dossier_event_attachments (sha256);
