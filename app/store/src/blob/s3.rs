//! Blobs in an S3-compatible bucket (AWS S3, MinIO, Garage, Ceph…), through the maintained
//! `object_store` crate: `s3://BUCKET/PREFIX/<first two hex digits>/<hash>`, the same layout
//! as a local directory, so files can be copied between the two as they are.
//!
//! An S3 `PUT` is atomic and acknowledged only once the object is stored durably, so a put
//! that returned is what [`BlobStore::put`] promises; putting the same content twice just
//! stores the same object again.

use std::fmt;

use bytes::Bytes;
use object_store::aws::{AmazonS3, AmazonS3Builder, AmazonS3ConfigKey};
use object_store::path::Path;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload, RetryConfig};

use super::{BlobKey, BlobStore, S3Location};
use crate::{Result, StoreError};

/// A bucket (and prefix in it) of content-addressed objects.
pub struct S3 {
    client: AmazonS3,
    location: S3Location,
}

impl S3 {
    /// Connects to the bucket `location` names, with the standard `AWS_*` environment
    /// (`AWS_ENDPOINT_URL`, `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_REGION`…)
    /// under the location's own options. Plain `http` is allowed only when the endpoint
    /// itself is an `http://` address (a local test server), never silently for AWS.
    ///
    /// The bucket is listed once, so that a wrong name, endpoint or key is refused at start
    /// rather than at a citizen's first upload.
    pub async fn open(location: &S3Location) -> Result<S3> {
        let mut builder = AmazonS3Builder::from_env().with_bucket_name(&location.bucket);
        for (name, value) in &location.options {
            let key: AmazonS3ConfigKey = name.parse().map_err(|_| {
                StoreError::Invalid(format!("{location}: unknown S3 option {name:?}"))
            })?;
            builder = builder.with_config(key, value);
        }
        let endpoint = builder.get_config_value(&AmazonS3ConfigKey::Endpoint);
        let plain_http = endpoint.is_some_and(|e| e.starts_with("http://"));
        let client = builder
            .with_allow_http(plain_http)
            .with_retry(retry())
            .build()
            .map_err(|e| StoreError::Invalid(format!("{location}: {e}")))?;
        let s3 = S3 {
            client,
            location: location.clone(),
        };
        s3.client
            .list_with_delimiter(s3.prefix().as_ref())
            .await
            .map_err(|e| s3.error(e))?;
        Ok(s3)
    }

    fn prefix(&self) -> Option<Path> {
        (!self.location.prefix.is_empty()).then(|| Path::from(self.location.prefix.as_str()))
    }

    fn path_of(&self, key: &BlobKey) -> Path {
        let relative = format!("{}/{}", key.shard(), key.as_str());
        match self.prefix() {
            Some(prefix) => Path::from(format!("{prefix}/{relative}")),
            None => Path::from(relative),
        }
    }

    fn error(&self, source: object_store::Error) -> StoreError {
        StoreError::ObjectStore {
            store: self.location.to_string(),
            source,
        }
    }
}

/// A few quick retries of a failed request, then an error: a citizen's upload waits about
/// a second on a store that does not answer, not minutes, and a server whose store is
/// unreachable is refused at start just as quickly.
fn retry() -> RetryConfig {
    RetryConfig {
        max_retries: 3,
        retry_timeout: std::time::Duration::from_secs(30),
        ..RetryConfig::default()
    }
}

/// Only the place: the client's own `Debug` would show its credentials.
impl fmt::Debug for S3 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("S3").field(&self.location).finish()
    }
}

impl fmt::Display for S3 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.location.fmt(f)
    }
}

#[async_trait::async_trait]
impl BlobStore for S3 {
    async fn put(&self, key: &BlobKey, bytes: Bytes) -> Result<()> {
        self.client
            .put(&self.path_of(key), PutPayload::from(bytes))
            .await
            .map_err(|e| self.error(e))?;
        Ok(())
    }

    async fn get(&self, key: &BlobKey) -> Result<Bytes> {
        let found = match self.client.get(&self.path_of(key)).await {
            Ok(found) => found,
            Err(object_store::Error::NotFound { .. }) => {
                return Err(StoreError::NotFound(format!("file {key}")));
            }
            Err(e) => return Err(self.error(e)),
        };
        found.bytes().await.map_err(|e| self.error(e))
    }

    async fn delete(&self, key: &BlobKey) -> Result<()> {
        match self.client.delete(&self.path_of(key)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(self.error(e)),
        }
    }
}
