use std::sync::atomic::{AtomicUsize, Ordering};

use super::*;

/// A scanner that answers every file with the same error, counting the files it was asked.
#[derive(Debug)]
struct Failing {
    asked: AtomicUsize,
    too_large: bool,
}

impl Failing {
    fn new(too_large: bool) -> Failing {
        Failing {
            asked: AtomicUsize::new(0),
            too_large,
        }
    }
}

impl MalwareScanner for Failing {
    fn scan<'a>(&'a self, _bytes: &'a [u8]) -> ScanFuture<'a> {
        self.asked.fetch_add(1, Ordering::Relaxed);
        let at = "test".to_string();
        let error = if self.too_large {
            ScanError::TooLarge { at }
        } else {
            ScanError::Unreachable {
                at,
                reason: "no answer".into(),
            }
        };
        Box::pin(async move { Err(error) })
    }
}

#[tokio::test]
async fn a_post_asks_a_silent_scanner_once() {
    let scanner = Failing::new(false);
    let post = OnePost::new(&scanner);
    assert!(matches!(
        post.scan(b"a").await,
        Err(ScanError::Unreachable { .. })
    ));
    assert!(matches!(post.scan(b"b").await, Err(ScanError::GaveUp)));
    assert!(matches!(post.scan(b"c").await, Err(ScanError::GaveUp)));
    assert_eq!(scanner.asked.load(Ordering::Relaxed), 1);
    // The next post asks again: the scanner may be back.
    let next = OnePost::new(&scanner);
    assert!(matches!(
        next.scan(b"a").await,
        Err(ScanError::Unreachable { .. })
    ));
    assert_eq!(scanner.asked.load(Ordering::Relaxed), 2);
}

#[tokio::test]
async fn a_file_too_long_for_the_scanner_does_not_stop_the_others() {
    let scanner = Failing::new(true);
    let post = OnePost::new(&scanner);
    for _ in 0..3 {
        assert!(matches!(
            post.scan(b"a").await,
            Err(ScanError::TooLarge { .. })
        ));
    }
    assert_eq!(scanner.asked.load(Ordering::Relaxed), 3);
}
