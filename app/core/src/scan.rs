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

mod clamd;

pub use clamd::{Clamd, ClamdAddress};

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
