//! Uploaded file contents behind one interface, [`BlobStore`], so that where the bytes live
//! (a local directory, an S3-compatible bucket shared by several servers) is a setting and
//! not a change to the store.
//!
//! Contents are addressed by their SHA-256 ([`BlobKey`]): the same bytes are kept once, a key
//! can never name two contents, and what is read back can be checked against its key. The
//! store talks to blobs only through [`Blobs`], which computes the key on the way in and
//! checks it on the way out, so no implementation can hand out wrong bytes.
//!
//! Implementations: [`LocalDir`] (`blob/local.rs`) and [`S3`] (`blob/s3.rs`); which one a
//! deployment uses is a [`BlobLocation`] (`blob/location.rs`).

mod local;
mod location;
mod s3;

use std::fmt;
use std::sync::Arc;

use bytes::Bytes;
use sha2::{Digest, Sha256};

pub use local::LocalDir;
pub use location::{BlobLocation, S3Location};
pub use s3::S3;

use crate::{Result, StoreError};

/// The key of a content: its SHA-256 as 64 lowercase hex digits. Only [`BlobKey::of`] and
/// [`BlobKey::parse`] make one, so a key is always well formed (and never a path traversal).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BlobKey(String);

impl BlobKey {
    /// The key of these bytes.
    pub fn of(bytes: &[u8]) -> BlobKey {
        BlobKey(hex::encode(Sha256::digest(bytes)))
    }

    /// A key read back from a row or a request; anything but 64 lowercase hex digits is
    /// refused.
    pub fn parse(s: &str) -> Result<BlobKey> {
        let hex = s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        if !hex {
            return Err(StoreError::Invalid(format!(
                "{s:?} is not a SHA-256 hex digest"
            )));
        }
        Ok(BlobKey(s.to_string()))
    }

    /// The 64 hex digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The first two hex digits: every implementation fans contents out into 256 shards
    /// (`ab/abcd…`), which keeps directories small and the layout the same everywhere.
    pub fn shard(&self) -> &str {
        &self.0[..2]
    }
}

impl fmt::Display for BlobKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where content-addressed bytes are kept. Implementations store and return bytes as they
/// are; the checks that the bytes match their key are [`Blobs`]'s, written once.
#[async_trait::async_trait]
pub trait BlobStore: fmt::Debug + fmt::Display + Send + Sync {
    /// Keeps `bytes` under `key`. Idempotent (a second put of a key is a success), and
    /// durable when it returns: a row may then point at the key.
    async fn put(&self, key: &BlobKey, bytes: Bytes) -> Result<()>;

    /// The bytes under `key`, or [`StoreError::NotFound`].
    async fn get(&self, key: &BlobKey) -> Result<Bytes>;

    /// Forgets `key`; a key that is not there is a success too. For tools (a collection
    /// pass, a migration that moves files): the store itself deletes no file, since one
    /// content may be referenced by several rows.
    async fn delete(&self, key: &BlobKey) -> Result<()>;
}

/// The store's handle on its blob store: keys are computed here on the way in and checked
/// here on the way out. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Blobs(Arc<dyn BlobStore>);

impl Blobs {
    pub fn new(store: Arc<dyn BlobStore>) -> Blobs {
        Blobs(store)
    }

    /// The implementation, for tests that must write behind the checks (a corrupt blob).
    pub fn inner(&self) -> &Arc<dyn BlobStore> {
        &self.0
    }

    /// Keeps `bytes` durably and returns their key.
    pub async fn put(&self, bytes: impl Into<Bytes>) -> Result<BlobKey> {
        let bytes = bytes.into();
        let key = BlobKey::of(&bytes);
        self.0.put(&key, bytes).await?;
        Ok(key)
    }

    /// The bytes under `key`, checked against it: a missing blob is
    /// [`StoreError::NotFound`], bytes that no longer match are [`StoreError::Corrupt`].
    pub async fn get(&self, key: &BlobKey) -> Result<Bytes> {
        let bytes = self.0.get(key).await?;
        if BlobKey::of(&bytes) != *key {
            return Err(StoreError::Corrupt(format!(
                "file {key} in {} does not match its hash",
                self.0
            )));
        }
        Ok(bytes)
    }

    /// Forgets `key` (nothing happens when it is not there).
    pub async fn delete(&self, key: &BlobKey) -> Result<()> {
        self.0.delete(key).await
    }
}

impl fmt::Display for Blobs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_lowercase_sha256_hex() {
        let key = BlobKey::of(b"abc");
        assert_eq!(
            key.as_str(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(key.shard(), "ba");
        assert_eq!(BlobKey::parse(key.as_str()).unwrap(), key);
        for bad in [
            "../../etc/passwd",
            "",
            &key.as_str().to_uppercase(),
            &key.as_str()[1..],
        ] {
            assert!(
                matches!(BlobKey::parse(bad), Err(StoreError::Invalid(_))),
                "{bad}"
            );
        }
    }
}
