//! The uploaded files' contents: copied from the source's files to the target's before the
//! target's rows are committed (so a committed row never points at missing bytes), each
//! checked against its name, the SHA-256 of its content.

use futures_util::TryStreamExt;
use sqlx::AnyConnection;

use super::{FileProblem, MigrateError};
use crate::{DraftStore, Store, StoreError};

/// The files a database's `files` table lists (every file any row refers to, by foreign key).
const LISTED: &str = "SELECT sha256, size FROM files ORDER BY sha256";

/// How many files and bytes went across.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FilesCopied {
    pub files: u64,
    pub bytes: u64,
}

/// Copies every file `conn` (reading `from`'s database) lists from `from`'s files to `to`'s,
/// written durably as an upload is. A file written for a copy that is then rolled back stays
/// behind unreferenced; content-addressed, it is harmless and reused if the copy is re-run.
pub(super) async fn copy(
    conn: &mut AnyConnection,
    from: &Store,
    to: &Store,
) -> Result<FilesCopied, MigrateError> {
    let mut copied = FilesCopied::default();
    let mut listed = sqlx::query_as::<_, (String, i64)>(LISTED).fetch(conn);
    while let Some((sha256, size)) = listed.try_next().await? {
        let bytes = read(from, &sha256, size).await?;
        // The bytes only: the copy brings the `files` rows itself, in the transaction this
        // listing reads from.
        let written = to.blobs.put(bytes.clone()).await?;
        if written.as_str() != sha256 {
            return Err(MigrateError::File {
                sha256,
                problem: FileProblem::Corrupt,
            });
        }
        copied.files += 1;
        copied.bytes += bytes.len() as u64;
    }
    Ok(copied)
}

/// Checks that every file `conn` (reading `store`'s database) lists is in `store`'s files
/// with the content its name and size say.
pub(super) async fn check(
    conn: &mut AnyConnection,
    store: &Store,
) -> Result<FilesCopied, MigrateError> {
    let mut checked = FilesCopied::default();
    let mut listed = sqlx::query_as::<_, (String, i64)>(LISTED).fetch(conn);
    while let Some((sha256, size)) = listed.try_next().await? {
        let bytes = read(store, &sha256, size).await?;
        checked.files += 1;
        checked.bytes += bytes.len() as u64;
    }
    Ok(checked)
}

/// The content of a listed file, refused if missing, not matching its hash or its size.
async fn read(store: &Store, sha256: &str, size: i64) -> Result<Vec<u8>, MigrateError> {
    let problem = |problem| MigrateError::File {
        sha256: sha256.into(),
        problem,
    };
    let bytes = match store.read_file(sha256).await {
        Ok(bytes) => bytes,
        Err(StoreError::NotFound(_)) => {
            return Err(problem(FileProblem::Missing(store.blobs().to_string())));
        }
        Err(StoreError::Corrupt(_) | StoreError::Invalid(_)) => {
            return Err(problem(FileProblem::Corrupt));
        }
        Err(e) => return Err(e.into()),
    };
    if i64::try_from(bytes.len()).ok() != Some(size) {
        return Err(problem(FileProblem::Size {
            listed: size,
            found: bytes.len() as u64,
        }));
    }
    Ok(bytes)
}
