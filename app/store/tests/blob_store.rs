//! The blob-store contract: every implementation of `BlobStore`, seen through `Blobs` as the
//! store sees it, keeps bytes under their hash, puts idempotently (also concurrently), tells
//! a missing blob from a corrupt one, and forgets on delete.
//!
//! Each case runs on a local directory always (`local_dir::…`) and on S3 (`s3::…`) when the
//! run names a local S3 server in `MOTCUA_TEST_S3` (`scripts/s3.sh`, `scripts/test.sh`);
//! named but unreachable fails the test.

use std::sync::Arc;

use bytes::Bytes;
use futures_util::TryStreamExt as _;
use motcua_store::blob::LocalDir;
use motcua_store::testing::{S3_VARIABLE, s3_location};
use motcua_store::{BlobKey, BlobLocation, Blobs, StoreError};
use object_store::ObjectStore as _;
use object_store::aws::AmazonS3Builder;
use tempfile::TempDir;

/// An implementation under test, and what must live as long as it.
struct Subject {
    blobs: Blobs,
    _dir: Option<TempDir>,
}

async fn local_dir() -> Subject {
    let dir = TempDir::new().unwrap();
    let blobs = BlobLocation::LocalDir(dir.path().join("files"))
        .open()
        .await
        .unwrap();
    Subject {
        blobs,
        _dir: Some(dir),
    }
}

/// `None` when the run does not ask for S3 (the case then says so and passes).
async fn s3() -> Option<Subject> {
    let Some(location) = s3_location().await else {
        eprintln!("{S3_VARIABLE} is not set: this S3 case did not run");
        return None;
    };
    let blobs = location.open().await.expect("open the test bucket");
    Some(Subject { blobs, _dir: None })
}

/// Every case on both implementations, as `local_dir::case` and `s3::case`.
macro_rules! contract {
    ($($case:ident),* $(,)?) => {
        mod local_dir {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    super::$case(&super::local_dir().await.blobs).await;
                }
            )*
        }
        mod s3 {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    if let Some(subject) = super::s3().await {
                        super::$case(&subject.blobs).await;
                    }
                }
            )*
        }
    };
}

contract!(
    put_get_delete,
    a_second_put_of_the_same_content_is_a_success,
    a_missing_blob_is_not_found,
    a_corrupt_blob_is_detected,
    concurrent_puts_of_the_same_content_all_succeed,
    contents_of_every_size_come_back_whole,
);

async fn put_get_delete(blobs: &Blobs) {
    let pdf = b"%PDF-1.7 to khai".to_vec();
    let key = blobs.put(pdf.clone()).await.unwrap();
    assert_eq!(key, BlobKey::of(&pdf));
    assert_eq!(blobs.get(&key).await.unwrap(), pdf);
    blobs.delete(&key).await.unwrap();
    assert!(matches!(
        blobs.get(&key).await,
        Err(StoreError::NotFound(_))
    ));
    // Deleting what is not there is a success too.
    blobs.delete(&key).await.unwrap();
}

async fn a_second_put_of_the_same_content_is_a_success(blobs: &Blobs) {
    let a = blobs.put(&b"same bytes"[..]).await.unwrap();
    let b = blobs.put(&b"same bytes"[..]).await.unwrap();
    assert_eq!(a, b);
    assert_eq!(blobs.get(&a).await.unwrap(), &b"same bytes"[..]);
    // Another content beside it is another blob.
    let c = blobs.put(&b"other bytes"[..]).await.unwrap();
    assert_ne!(a, c);
    assert_eq!(blobs.get(&c).await.unwrap(), &b"other bytes"[..]);
}

async fn a_missing_blob_is_not_found(blobs: &Blobs) {
    let never_stored = BlobKey::of(b"never stored");
    assert!(matches!(
        blobs.get(&never_stored).await,
        Err(StoreError::NotFound(_))
    ));
}

async fn a_corrupt_blob_is_detected(blobs: &Blobs) {
    // Bytes that do not match their key, written behind the checks (as a disk error or a
    // manual edit would leave them), are an error, never served.
    let key = BlobKey::of(b"the original scan");
    blobs
        .inner()
        .put(&key, Bytes::from_static(b"tampered"))
        .await
        .unwrap();
    match blobs.get(&key).await {
        Err(StoreError::Corrupt(why)) => assert!(why.contains(key.as_str()), "{why}"),
        other => panic!("expected Corrupt, got {other:?}"),
    }
}

async fn concurrent_puts_of_the_same_content_all_succeed(blobs: &Blobs) {
    let content = Bytes::from(
        (0..200_000u32)
            .map(|i| (i % 251) as u8)
            .collect::<Vec<u8>>(),
    );
    let puts = (0..16).map(|_| {
        let blobs = blobs.clone();
        let content = content.clone();
        tokio::spawn(async move { blobs.put(content).await })
    });
    let keys: Vec<BlobKey> = keys_of(puts).await;
    assert!(keys.iter().all(|k| *k == BlobKey::of(&content)));
    assert_eq!(blobs.get(&keys[0]).await.unwrap(), content);
}

async fn contents_of_every_size_come_back_whole(blobs: &Blobs) {
    for size in [0usize, 1, 4096, 3 * 1024 * 1024 + 7] {
        let content: Vec<u8> = (0..size).map(|i| (i * 7 % 256) as u8).collect();
        let key = blobs.put(content.clone()).await.unwrap();
        assert_eq!(blobs.get(&key).await.unwrap(), content, "{size} bytes");
    }
}

/// Waits for every spawned put and returns their keys.
async fn keys_of(
    tasks: impl Iterator<Item = tokio::task::JoinHandle<motcua_store::Result<BlobKey>>>,
) -> Vec<BlobKey> {
    let mut keys = Vec::new();
    for task in tasks.collect::<Vec<_>>() {
        keys.push(task.await.unwrap().unwrap());
    }
    keys
}

// ---- what only one implementation can show ----------------------------------------------

/// The directory keeps today's layout (`ab/abcd…`), leaves no temporary files behind after
/// concurrent puts, and tampering with a file on disk is caught.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_local_dir_keeps_the_sharded_layout_and_no_temporary_files() {
    let dir = TempDir::new().unwrap();
    let local = Arc::new(LocalDir::open(&dir.path().join("files")).await.unwrap());
    let blobs = Blobs::new(local.clone());
    concurrent_puts_of_the_same_content_all_succeed(&blobs).await;
    let key = blobs.put(&b"%PDF-1.7"[..]).await.unwrap();
    let path = local.path_of(&key);
    assert_eq!(
        path,
        dir.path()
            .join("files")
            .join(&key.as_str()[..2])
            .join(key.as_str())
    );
    assert_eq!(std::fs::read(&path).unwrap(), b"%PDF-1.7");
    for shard in std::fs::read_dir(dir.path().join("files")).unwrap() {
        for entry in std::fs::read_dir(shard.unwrap().path()).unwrap() {
            let name = entry.unwrap().file_name();
            assert!(
                !name.to_string_lossy().ends_with(".tmp"),
                "temporary file left: {name:?}"
            );
        }
    }
    std::fs::write(&path, b"tampered").unwrap();
    assert!(matches!(blobs.get(&key).await, Err(StoreError::Corrupt(_))));
}

/// A bucket that does not answer is refused when the store opens, quickly, with a message
/// that names it (the server then refuses to start instead of failing uploads later).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_s3_store_is_refused_at_open() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port(); // closed again: nothing listens there
    let BlobLocation::S3(location) = BlobLocation::parse_url("s3://motcua-files/uploads").unwrap()
    else {
        unreachable!()
    };
    let location = location
        .with_option("aws_endpoint", &format!("http://127.0.0.1:{port}"))
        .with_option("aws_access_key_id", "testing")
        .with_option("aws_secret_access_key", "testing")
        .with_option("aws_region", "us-east-1");
    let started = std::time::Instant::now();
    let err = BlobLocation::S3(location).open().await.unwrap_err();
    assert!(
        started.elapsed() < std::time::Duration::from_secs(30),
        "took {:?}",
        started.elapsed()
    );
    let text = err.to_string();
    assert!(text.contains("s3://motcua-files/uploads"), "{text}");
}

/// On S3 the objects keep the same layout under the prefix (`PREFIX/ab/abcd…`), so files
/// can be copied between a directory and a bucket as they are.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn s3_objects_keep_the_sharded_layout_under_the_prefix() {
    let Some(location) = s3_location().await else {
        eprintln!("{S3_VARIABLE} is not set: this S3 case did not run");
        return;
    };
    let BlobLocation::S3(s3) = &location else {
        unreachable!()
    };
    let blobs = location.open().await.unwrap();
    let key = blobs.put(&b"%PDF-1.7 layout"[..]).await.unwrap();
    // Listed with a plain S3 client on the same server, as another tool would see it.
    let endpoint = std::env::var(S3_VARIABLE).unwrap();
    let client = AmazonS3Builder::new()
        .with_endpoint(endpoint.trim_end_matches('/'))
        .with_allow_http(true)
        .with_bucket_name(&s3.bucket)
        .with_access_key_id("testing")
        .with_secret_access_key("testing")
        .with_region("us-east-1")
        .build()
        .unwrap();
    let prefix = object_store::path::Path::from(s3.prefix.as_str());
    let listed: Vec<String> = client
        .list(Some(&prefix))
        .map_ok(|meta| meta.location.to_string())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        listed,
        [format!("{}/{}/{}", s3.prefix, key.shard(), key)],
        "one object, at PREFIX/ab/abcd…"
    );
}
