//! Which blob store a deployment uses, as one value parsed once at start.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use super::{Blobs, LocalDir, S3};
use crate::{Result, StoreError};

/// Where uploaded files are kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BlobLocation {
    /// A directory ([`LocalDir`]).
    LocalDir(PathBuf),
    /// An S3-compatible bucket ([`S3`]).
    S3(S3Location),
}

/// A bucket and a prefix in it, plus S3 options that take precedence over the `AWS_*`
/// environment (tests use them to name their local server; a deployment normally sets
/// none and configures S3 through the environment).
#[derive(Clone, PartialEq, Eq)]
pub struct S3Location {
    pub bucket: String,
    /// Without leading or trailing `/`; empty for the bucket's root.
    pub prefix: String,
    pub(crate) options: Vec<(String, String)>,
}

impl S3Location {
    /// Sets an `object_store` S3 option by its name (`aws_endpoint`, `aws_access_key_id`,
    /// `aws_region`…), over whatever the environment says.
    pub fn with_option(mut self, name: &str, value: &str) -> S3Location {
        self.options.push((name.to_string(), value.to_string()));
        self
    }
}

/// The place and the names of its options, never their values (they may be keys).
impl fmt::Debug for S3Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.options.iter().map(|(n, _)| n.as_str()).collect();
        write!(f, "S3Location({self}, options {names:?})")
    }
}

/// `s3://bucket/prefix`; never the options, which may hold keys.
impl fmt::Display for S3Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "s3://{}", self.bucket)?;
        if !self.prefix.is_empty() {
            write!(f, "/{}", self.prefix)?;
        }
        Ok(())
    }
}

impl fmt::Display for BlobLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BlobLocation::LocalDir(dir) => write!(f, "{}", dir.display()),
            BlobLocation::S3(s3) => s3.fmt(f),
        }
    }
}

impl BlobLocation {
    /// Reads a files URL: `s3://BUCKET[/PREFIX]` or `file:///ABSOLUTE/PATH`. Any other form
    /// is refused, never read as something else.
    pub fn parse_url(url: &str) -> Result<BlobLocation> {
        let invalid = |why: &str| {
            StoreError::Invalid(format!(
                "files URL {url:?} {why}: use s3://BUCKET/PREFIX or file:///ABSOLUTE/PATH"
            ))
        };
        let (scheme, rest) = url
            .split_once("://")
            .ok_or_else(|| invalid("has no scheme"))?;
        match scheme.to_ascii_lowercase().as_str() {
            "s3" => {
                let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
                if !is_bucket_name(bucket) {
                    return Err(invalid("does not name a bucket (3 to 63 of a-z 0-9 . -)"));
                }
                let prefix = prefix.trim_matches('/');
                let clean = prefix
                    .split('/')
                    .all(|part| !part.is_empty() && part != "." && part != "..");
                if !prefix.is_empty()
                    && (!clean || object_store::path::Path::parse(prefix).is_err())
                {
                    return Err(invalid("has an unusable prefix"));
                }
                Ok(BlobLocation::S3(S3Location {
                    bucket: bucket.to_string(),
                    prefix: prefix.to_string(),
                    options: Vec::new(),
                }))
            }
            "file" if rest.starts_with('/') => Ok(BlobLocation::LocalDir(PathBuf::from(rest))),
            "file" => Err(invalid("is not an absolute local path")),
            _ => Err(invalid("has an unsupported scheme")),
        }
    }

    /// Opens the blob store (creating a directory, or checking that the bucket answers).
    pub async fn open(&self) -> Result<Blobs> {
        Ok(match self {
            BlobLocation::LocalDir(dir) => Blobs::new(Arc::new(LocalDir::open(dir).await?)),
            BlobLocation::S3(s3) => Blobs::new(Arc::new(S3::open(s3).await?)),
        })
    }
}

/// AWS's rule for bucket names, which every S3-compatible server accepts.
fn is_bucket_name(s: &str) -> bool {
    (3..=63).contains(&s.len())
        && s.bytes()
            .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-'))
        && s.starts_with(|c: char| c.is_ascii_alphanumeric())
        && s.ends_with(|c: char| c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_urls_name_a_bucket_or_a_directory() {
        let s3 = |bucket: &str, prefix: &str| {
            BlobLocation::S3(S3Location {
                bucket: bucket.into(),
                prefix: prefix.into(),
                options: vec![],
            })
        };
        for (url, expected) in [
            ("s3://motcua-files", s3("motcua-files", "")),
            ("s3://motcua-files/", s3("motcua-files", "")),
            (
                "s3://motcua-files/thanh-hoa/uploads/",
                s3("motcua-files", "thanh-hoa/uploads"),
            ),
            ("S3://files.example", s3("files.example", "")),
            (
                "file:///var/lib/motcua/files",
                BlobLocation::LocalDir("/var/lib/motcua/files".into()),
            ),
        ] {
            assert_eq!(BlobLocation::parse_url(url).unwrap(), expected, "{url}");
        }
        assert_eq!(
            s3("motcua-files", "a/b").to_string(),
            "s3://motcua-files/a/b"
        );
        for bad in [
            "/var/lib/motcua/files",
            "gs://bucket/x",
            "https://s3.example/bucket",
            "s3://",
            "s3://UPPER",
            "s3://ab",
            "s3://bucket/a//b",
            "s3://bucket/a/../b",
            "file://relative/dir",
        ] {
            assert!(
                matches!(BlobLocation::parse_url(bad), Err(StoreError::Invalid(_))),
                "{bad} must be refused"
            );
        }
    }
}
