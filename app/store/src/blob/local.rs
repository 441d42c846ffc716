//! Blobs in a local directory: `ROOT/<first two hex digits>/<hash>`, for one server (or
//! several sharing a network directory).

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use bytes::Bytes;

use super::{BlobKey, BlobStore};
use crate::drafts::random_hex;
use crate::{Result, StoreError};

/// A directory of content-addressed files.
#[derive(Debug)]
pub struct LocalDir {
    root: PathBuf,
}

impl LocalDir {
    /// The blob store in `root`, creating the directory if needed.
    pub async fn open(root: &Path) -> Result<LocalDir> {
        tokio::fs::create_dir_all(root).await?;
        Ok(LocalDir {
            root: root.to_path_buf(),
        })
    }

    /// Where the bytes with this key live.
    pub fn path_of(&self, key: &BlobKey) -> PathBuf {
        self.root.join(key.shard()).join(key.as_str())
    }
}

impl fmt::Display for LocalDir {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.root.display())
    }
}

#[async_trait::async_trait]
impl BlobStore for LocalDir {
    async fn put(&self, key: &BlobKey, bytes: Bytes) -> Result<()> {
        let root = self.root.clone();
        let path = self.path_of(key);
        let suffix = random_hex(8)?;
        tokio::task::spawn_blocking(move || write_blob(&root, &path, &bytes, &suffix))
            .await
            .map_err(|e| StoreError::Io(std::io::Error::other(e)))??;
        Ok(())
    }

    async fn get(&self, key: &BlobKey) -> Result<Bytes> {
        match tokio::fs::read(self.path_of(key)).await {
            Ok(b) => Ok(b.into()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Err(StoreError::NotFound(format!("file {key}")))
            }
            Err(e) => Err(e.into()),
        }
    }

    async fn delete(&self, key: &BlobKey) -> Result<()> {
        let path = self.path_of(key);
        tokio::task::spawn_blocking(move || match std::fs::remove_file(&path) {
            Ok(()) => sync_dir(path.parent().expect("blob path has a parent")),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e),
        })
        .await
        .map_err(|e| StoreError::Io(std::io::Error::other(e)))??;
        Ok(())
    }
}

/// Fsyncs a directory so a rename or a new entry in it survives a power cut.
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    std::fs::File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Writes content-addressed bytes durably: temp file, fsync, rename, fsync the directory.
/// A file at the final path is therefore always complete, so an existing one is reused, and
/// concurrent writers of the same content each rename a complete copy over the other.
fn write_blob(root: &Path, path: &Path, bytes: &[u8], tmp_suffix: &str) -> std::io::Result<()> {
    if path.exists() {
        return Ok(());
    }
    let dir = path.parent().expect("blob path has a parent");
    if !dir.exists() {
        std::fs::create_dir_all(dir)?;
        sync_dir(root)?;
    }
    let name = path
        .file_name()
        .expect("blob path has a name")
        .to_string_lossy();
    let tmp = dir.join(format!(".{name}.{tmp_suffix}.tmp"));
    let result = (|| {
        let mut f = std::fs::File::create_new(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)?;
        sync_dir(dir)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
