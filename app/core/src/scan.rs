//! Checking a citizen's file for malware before it is kept. Staff open these files on office
//! computers, so a file the scanner flags never reaches the store, and when a scanner is
//! configured but does not answer nothing is kept unchecked: the citizen is asked to send it
//! again a little later (what they typed stays).
//!
//! [`MalwareScanner`] is the interface; [`Clamd`] speaks to ClamAV's daemon, and
//! [`NoScanner`] is what runs when none is configured (every file passes).

use std::fmt::Debug;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};

mod clamd;

pub use clamd::{ANSWER_WITHIN, Clamd, ClamdAddress};

/// What a scanner says of a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Clean,
    /// Something was found: the scanner's name for it (for the log, never for the citizen).
    Infected(String),
}

/// The scanner could not give a verdict: ours to fix, logged, never shown.
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    #[error("the malware scanner at {at} did not answer: {reason}")]
    Unreachable { at: String, reason: String },
    #[error("the malware scanner at {at} answered {answer:?}")]
    Unexpected { at: String, answer: String },
    /// An earlier file of the same post found the scanner down ([`OnePost`]).
    #[error("the malware scanner did not answer for an earlier file of this post")]
    GaveUp,
    /// The file is longer than the scanner takes (clamd's `StreamMaxLength`): sending it
    /// again will not help, a smaller file will.
    #[error("the file is longer than the malware scanner at {at} takes")]
    TooLarge { at: String },
}

impl ScanError {
    /// Whether the scanner itself is down (rather than this file too long for it): then the
    /// post's other files are not sent to it ([`OnePost`]).
    fn is_down(&self) -> bool {
        !matches!(self, ScanError::TooLarge { .. })
    }
}

/// A scan in progress.
pub type ScanFuture<'a> = Pin<Box<dyn Future<Output = Result<Verdict, ScanError>> + Send + 'a>>;

/// Something that looks inside a file for malware.
pub trait MalwareScanner: Send + Sync + Debug {
    fn scan<'a>(&'a self, bytes: &'a [u8]) -> ScanFuture<'a>;
}

/// No scanner configured: every file is clean as far as we know.
#[derive(Debug, Default)]
pub struct NoScanner;

impl MalwareScanner for NoScanner {
    fn scan<'a>(&'a self, _bytes: &'a [u8]) -> ScanFuture<'a> {
        Box::pin(async { Ok(Verdict::Clean) })
    }
}

/// The scanner as one post sees it. Once it has failed to answer, the post's further files
/// are not sent to it: each would wait its own [`ANSWER_WITHIN`], and a post of
/// several files would outlast the reverse proxy's patience. They are refused as the first
/// was, and the citizen sends them again later.
#[derive(Debug)]
pub struct OnePost<'a> {
    scanner: &'a dyn MalwareScanner,
    down: AtomicBool,
}

impl<'a> OnePost<'a> {
    pub fn new(scanner: &'a dyn MalwareScanner) -> OnePost<'a> {
        OnePost {
            scanner,
            down: AtomicBool::new(false),
        }
    }
}

impl MalwareScanner for OnePost<'_> {
    fn scan<'a>(&'a self, bytes: &'a [u8]) -> ScanFuture<'a> {
        Box::pin(async move {
            if self.down.load(Ordering::Relaxed) {
                return Err(ScanError::GaveUp);
            }
            let verdict = self.scanner.scan(bytes).await;
            if verdict.as_ref().is_err_and(ScanError::is_down) {
                self.down.store(true, Ordering::Relaxed);
            }
            verdict
        })
    }
}

#[cfg(test)]
mod tests;
