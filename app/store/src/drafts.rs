//! Filing drafts (the citizen's progress, kept server-side) and uploaded files.

use motcua_domain::ids::{AccessCode, DossierCode};
use motcua_domain::procedure::Procedure;
use motcua_domain::upload::draft_has_room;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::{
    BlobKey, Result, Store, StoreError, parse_id, parse_json, parse_ts, sha256_hex, to_json, ts,
};

/// What the web layer keeps in a draft (raw inputs, parsed answers, errors, applicant, chosen
/// agency, ...). Opaque to the store: it is stored and returned as is. A new draft starts
/// with an empty object.
pub type DraftData = serde_json::Value;

/// A filing draft. Reachable only through its token, which the citizen's browser holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub token: String,
    /// The exact procedure version the draft was started under; it is filed under the same.
    pub procedure_id: i64,
    pub data: DraftData,
    /// Set once the draft has been filed: the dossier it became.
    pub dossier_code: Option<DossierCode>,
    /// Set with `dossier_code`: the dossier's access code, which only this draft's receipt
    /// shows (the dossier keeps its digest).
    pub access_code: Option<AccessCode>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

/// An uploaded file attached to a document of a draft or a dossier. `id` is the row id of
/// the draft upload (for [`DraftStore::remove_uploads`]) or of the dossier document; the bytes are
/// read with [`DraftStore::read_file`] by `sha256`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadedFile {
    pub id: i64,
    /// The procedure's document id (`documents[].id`).
    pub document_id: String,
    /// The file name the citizen's browser sent; for display only, never used as a path.
    pub original_name: String,
    pub content_type: String,
    pub size: u64,
    /// Lowercase hex SHA-256 of the content.
    pub sha256: String,
}

#[derive(sqlx::FromRow)]
pub(crate) struct FileRow {
    id: i64,
    document_id: String,
    original_name: String,
    content_type: String,
    size: i64,
    sha256: String,
}

impl From<FileRow> for UploadedFile {
    fn from(r: FileRow) -> Self {
        UploadedFile {
            id: r.id,
            document_id: r.document_id,
            original_name: r.original_name,
            content_type: r.content_type,
            size: u64::try_from(r.size).unwrap_or(0),
            sha256: r.sha256,
        }
    }
}

#[derive(sqlx::FromRow)]
struct DraftRow {
    id: i64,
    procedure_id: i64,
    dossier_code: Option<String>,
}

/// Hash under which a token is stored: the token itself never reaches the database.
pub(crate) fn token_hash(token: &str) -> String {
    sha256_hex(token.as_bytes())
}

/// Records that the bytes with this hash were written (see [`Store::write_bytes`]).
pub(crate) async fn insert_file_row(
    conn: &mut sqlx::AnyConnection,
    sha256: &str,
    size: i64,
    now: &str,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO files (sha256, size, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (sha256) DO NOTHING",
    )
    .bind(sha256)
    .bind(size)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// `n` bytes of OS randomness, hex-encoded (URL-safe).
pub(crate) fn random_hex(n: usize) -> Result<String> {
    let mut buf = vec![0u8; n];
    getrandom::fill(&mut buf).map_err(|e| StoreError::Io(std::io::Error::other(e.to_string())))?;
    Ok(hex::encode(buf))
}

/// Filing drafts and their uploads, before a dossier exists; and reading an uploaded file's bytes.
pub trait DraftStore: Send + Sync {
    /// Starts a draft for an exact procedure version and returns its token: 256 bits of OS
    /// randomness as 64 hex digits, URL-safe. The token is the only key to the draft (no
    /// account needed to file), so it must be unguessable; only its hash is stored.
    fn create_draft(
        &self,
        procedure_id: i64,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<String>> + Send;

    /// The draft for `token`, if it exists (and has not been cleaned up).
    fn draft(&self, token: &str) -> impl Future<Output = Result<Option<Draft>>> + Send;

    /// Replaces the draft's data. Allowed after filing too (the web layer may record what it
    /// showed); the dossier is a separate copy and never changes through its draft.
    fn save_draft(
        &self,
        token: &str,
        data: &DraftData,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<()>> + Send;

    /// Deletes one draft and its upload rows (the bytes stay: files are content-addressed
    /// and may be shared with a dossier). Used once a supplement answer has been filed.
    fn delete_draft(&self, token: &str) -> impl Future<Output = Result<()>> + Send;

    /// Deletes drafts (with their upload rows) not touched since `older_than`, filed or not:
    /// a filed draft's dossier keeps its own copy of everything. Returns how many were deleted.
    ///
    /// The uploaded bytes stay in `files/`: they may be shared with dossiers (same content),
    /// and removing unreferenced ones safely needs a collection pass that excludes concurrent
    /// uploads — not implemented yet.
    fn delete_stale_drafts(
        &self,
        older_than: OffsetDateTime,
    ) -> impl Future<Output = Result<u64>> + Send;

    /// Attaches a file to document `document_id` of the draft. Several files per document are
    /// allowed (e.g. one scan per page); remove one with [`DraftStore::remove_uploads`].
    ///
    /// `document_id` must be a document of the draft's procedure version. Size and kind limits
    /// are the caller's (they depend on the procedure and are checked before calling); the
    /// draft's room (`motcua_domain::upload::draft_has_room`) is checked here, in the
    /// transaction that adds the file: [`StoreError::DraftFull`] when there is none. The
    /// bytes are written durably under their SHA-256 before the row is committed.
    fn save_upload(
        &self,
        token: &str,
        document_id: &str,
        original_name: &str,
        content_type: &str,
        bytes: &[u8],
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<UploadedFile>> + Send;

    /// Detaches uploads from a draft that is not yet filed, all in one transaction (a post
    /// carrying many removals opens one, not one each). Returns how many were removed: ids
    /// the draft has no upload of (another draft's included) are skipped.
    fn remove_uploads(
        &self,
        token: &str,
        upload_ids: &[i64],
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<u64>> + Send;

    /// The draft's uploads in upload order; empty for an unknown token.
    fn uploads(&self, token: &str) -> impl Future<Output = Result<Vec<UploadedFile>>> + Send;

    /// The bytes stored under `sha256` (lowercase hex), verified against the hash so that
    /// corruption is reported instead of served. Callers decide who may read what (through
    /// a draft token or a dossier); this only fetches.
    fn read_file(&self, sha256: &str) -> impl Future<Output = Result<Vec<u8>>> + Send;

    /// Deletes the files (rows and bytes) that no upload, dossier document or move attachment
    /// names and that were last written before `untouched_since` (a grace period, so a file
    /// being uploaded is never taken); at most a thousand a call. Returns how many went.
    /// Removing an upload or expiring a draft deletes rows only; this frees the disk.
    fn collect_unreferenced_files(
        &self,
        untouched_since: OffsetDateTime,
    ) -> impl Future<Output = Result<u64>> + Send;
}

impl DraftStore for Store {
    async fn create_draft(&self, procedure_id: i64, now: OffsetDateTime) -> Result<String> {
        let known: Option<i64> = sqlx::query_scalar("SELECT id FROM procedures WHERE id = $1")
            .bind(procedure_id)
            .fetch_optional(&self.pool)
            .await?;
        if known.is_none() {
            return Err(StoreError::NotFound(format!(
                "procedure version {procedure_id}"
            )));
        }
        let token = random_hex(32)?;
        let now = ts(now)?;
        sqlx::query(
            "INSERT INTO drafts (token_sha256, procedure_id, data, created_at, updated_at)
             VALUES ($1, $2, '{}', $3, $4)",
        )
        .bind(token_hash(&token))
        .bind(procedure_id)
        .bind(&now)
        .bind(&now)
        .execute(&self.pool)
        .await?;
        Ok(token)
    }

    async fn draft(&self, token: &str) -> Result<Option<Draft>> {
        type Row = (i64, String, Option<String>, Option<String>, String, String);
        let row: Option<Row> = sqlx::query_as(
            "SELECT procedure_id, data, dossier_code, access_code, created_at, updated_at
             FROM drafts WHERE token_sha256 = $1",
        )
        .bind(token_hash(token))
        .fetch_optional(&self.pool)
        .await?;
        let Some((procedure_id, data, dossier_code, access_code, created_at, updated_at)) = row
        else {
            return Ok(None);
        };
        Ok(Some(Draft {
            token: token.to_string(),
            procedure_id,
            data: parse_json("draft data", &data)?,
            dossier_code: (dossier_code.as_deref())
                .map(|c| parse_id("draft's dossier code", c))
                .transpose()?,
            access_code: (access_code.as_deref())
                .map(|c| parse_id("draft's access code", c))
                .transpose()?,
            created_at: parse_ts(&created_at)?,
            updated_at: parse_ts(&updated_at)?,
        }))
    }

    async fn save_draft(&self, token: &str, data: &DraftData, now: OffsetDateTime) -> Result<()> {
        let updated =
            sqlx::query("UPDATE drafts SET data = $1, updated_at = $2 WHERE token_sha256 = $3")
                .bind(to_json("draft data", data)?)
                .bind(ts(now)?)
                .bind(token_hash(token))
                .execute(&self.pool)
                .await?
                .rows_affected();
        if updated == 0 {
            return Err(StoreError::NotFound("draft".into()));
        }
        Ok(())
    }

    async fn delete_draft(&self, token: &str) -> Result<()> {
        sqlx::query("DELETE FROM drafts WHERE token_sha256 = $1 AND dossier_code IS NULL")
            .bind(token_hash(token))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn delete_stale_drafts(&self, older_than: OffsetDateTime) -> Result<u64> {
        Ok(sqlx::query("DELETE FROM drafts WHERE updated_at < $1")
            .bind(ts(older_than)?)
            .execute(&self.pool)
            .await?
            .rows_affected())
    }

    async fn save_upload(
        &self,
        token: &str,
        document_id: &str,
        original_name: &str,
        content_type: &str,
        bytes: &[u8],
        now: OffsetDateTime,
    ) -> Result<UploadedFile> {
        // Check before writing anything to disk, so a bad request leaves no bytes behind.
        let draft = {
            let mut conn = self.pool.acquire().await?;
            Self::open_draft(&mut conn, token, "").await?
        };
        let definition: String =
            sqlx::query_scalar("SELECT definition FROM procedures WHERE id = $1")
                .bind(draft.procedure_id)
                .fetch_one(&self.pool)
                .await?;
        let procedure: Procedure = parse_json("procedure definition", &definition)?;
        if !procedure.documents.iter().any(|d| d.id == document_id) {
            return Err(StoreError::Invalid(format!(
                "procedure {} has no document {document_id:?}",
                procedure.code
            )));
        }

        let (sha256, size) = self.write_bytes(bytes, now).await?;

        let now = ts(now)?;
        let mut tx = self.begin_rows().await?;
        // Again inside the transaction: the draft may have been filed meanwhile.
        let draft_id = Self::open_draft(&mut tx, token, self.backend.for_update())
            .await?
            .id;
        debug_assert_eq!(draft_id, draft.id);
        // The draft's room, counted under the draft's lock: two posts racing to fill the last
        // place cannot both pass (the caller's check before is only the cheap early answer).
        let (files, kept): (i64, i64) = sqlx::query_as(
            "SELECT COUNT(*), CAST(COALESCE(SUM(size), 0) AS BIGINT)
             FROM draft_uploads WHERE draft_id = $1",
        )
        .bind(draft_id)
        .fetch_one(&mut *tx)
        .await?;
        if !draft_has_room(files as usize, kept as u64, bytes.len()) {
            return Err(StoreError::DraftFull);
        }
        insert_file_row(&mut tx, &sha256, size, &now).await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO draft_uploads
               (draft_id, document_id, original_name, content_type, size, sha256, uploaded_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(draft_id)
        .bind(document_id)
        .bind(original_name)
        .bind(content_type)
        .bind(size)
        .bind(&sha256)
        .bind(&now)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("UPDATE drafts SET updated_at = $1 WHERE id = $2")
            .bind(&now)
            .bind(draft_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(UploadedFile {
            id,
            document_id: document_id.to_string(),
            original_name: original_name.to_string(),
            content_type: content_type.to_string(),
            size: bytes.len() as u64,
            sha256,
        })
    }

    async fn remove_uploads(
        &self,
        token: &str,
        upload_ids: &[i64],
        now: OffsetDateTime,
    ) -> Result<u64> {
        if upload_ids.is_empty() {
            return Ok(0);
        }
        let mut tx = self.begin_rows().await?;
        let draft_id = Self::open_draft(&mut tx, token, self.backend.for_update())
            .await?
            .id;
        let mut removed = 0;
        for upload_id in upload_ids {
            removed += sqlx::query("DELETE FROM draft_uploads WHERE id = $1 AND draft_id = $2")
                .bind(upload_id)
                .bind(draft_id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        }
        if removed > 0 {
            sqlx::query("UPDATE drafts SET updated_at = $1 WHERE id = $2")
                .bind(ts(now)?)
                .bind(draft_id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(removed)
    }

    async fn uploads(&self, token: &str) -> Result<Vec<UploadedFile>> {
        let rows: Vec<FileRow> = sqlx::query_as(
            "SELECT u.id, u.document_id, u.original_name, u.content_type, u.size, u.sha256
             FROM draft_uploads u JOIN drafts d ON d.id = u.draft_id
             WHERE d.token_sha256 = $1 ORDER BY u.id",
        )
        .bind(token_hash(token))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(UploadedFile::from).collect())
    }

    async fn collect_unreferenced_files(&self, untouched_since: OffsetDateTime) -> Result<u64> {
        const UNREFERENCED: &str = "NOT EXISTS (SELECT 1 FROM draft_uploads u WHERE u.sha256 = files.sha256)
             AND NOT EXISTS (SELECT 1 FROM dossier_documents d WHERE d.sha256 = files.sha256)
             AND NOT EXISTS (SELECT 1 FROM dossier_event_attachments a WHERE a.sha256 = files.sha256)";
        let cutoff = ts(untouched_since)?;
        let candidates: Vec<String> = sqlx::query_scalar(&format!(
            "SELECT sha256 FROM files WHERE created_at < $1 AND {UNREFERENCED} LIMIT 1000"
        ))
        .bind(&cutoff)
        .fetch_all(&self.pool)
        .await?;
        let mut deleted = 0;
        for sha256 in candidates {
            let key = BlobKey::parse(&sha256)?;
            let mut tx = self.begin_rows().await?;
            // Again under the write lock: a writer may have touched or used it meanwhile.
            let gone = sqlx::query(&format!(
                "DELETE FROM files WHERE sha256 = $1 AND created_at < $2 AND {UNREFERENCED}"
            ))
            .bind(&sha256)
            .bind(&cutoff)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if gone == 1 {
                // Before the row's deletion commits: a writer touching the row waits for it,
                // and writes the bytes again after.
                self.blobs.delete(&key).await?;
                deleted += 1;
            }
            tx.commit().await?;
        }
        Ok(deleted)
    }

    async fn read_file(&self, sha256: &str) -> Result<Vec<u8>> {
        // Parsing the key also keeps it from ever being a path traversal.
        let key = BlobKey::parse(sha256)?;
        Ok(self.blobs.get(&key).await?.into())
    }
}

impl Store {
    /// Writes uploaded bytes durably under their SHA-256 (see [`crate::Blobs::put`]) and
    /// returns the hash and size. The `files` row exists from here on; the transaction that
    /// references it inserts it again only if missing ([`insert_file_row`]).
    ///
    /// The row is touched first, in a statement of its own: the collector
    /// ([`DraftStore::collect_unreferenced_files`]) deletes only rows untouched for its grace
    /// period, and deletes the bytes while it holds the row, so it either finished before this
    /// touch (and these bytes are written again after it) or leaves them alone.
    pub(crate) async fn write_bytes(
        &self,
        bytes: &[u8],
        now: OffsetDateTime,
    ) -> Result<(String, i64)> {
        let size =
            i64::try_from(bytes.len()).map_err(|_| StoreError::Invalid("file too large".into()))?;
        let key = BlobKey::of(bytes);
        sqlx::query(
            "INSERT INTO files (sha256, size, created_at) VALUES ($1, $2, $3)
             ON CONFLICT (sha256) DO UPDATE SET created_at = excluded.created_at",
        )
        .bind(key.as_str())
        .bind(size)
        .bind(ts(now)?)
        .execute(&self.pool)
        .await?;
        let written = self.blobs.put(bytes.to_vec()).await?;
        debug_assert_eq!(written, key);
        Ok((key.as_str().to_string(), size))
    }

    /// Looks a draft up for a change to its uploads: it must exist and not be filed (an upload
    /// after filing would silently not reach the dossier).
    ///
    /// With `lock` (a backend's [`crate::Backend::for_update`]) the draft's row stays locked
    /// until the caller's transaction ends, so filing cannot slip in between.
    async fn open_draft(
        conn: &mut sqlx::AnyConnection,
        token: &str,
        lock: &str,
    ) -> Result<DraftRow> {
        let row: Option<DraftRow> = sqlx::query_as(&format!(
            "SELECT id, procedure_id, dossier_code FROM drafts WHERE token_sha256 = $1{lock}"
        ))
        .bind(token_hash(token))
        .fetch_optional(&mut *conn)
        .await?;
        let row = row.ok_or_else(|| StoreError::NotFound("draft".into()))?;
        if let Some(code) = &row.dossier_code {
            return Err(StoreError::Conflict(format!(
                "the draft has already been filed as dossier {code}"
            )));
        }
        Ok(row)
    }
}
