//! The rule for a file sent for one of a procedure's documents: the same for a filing, a
//! supplement answer and anything else that takes a citizen's file, so a photo refused on
//! one page is refused on every page, with the same words.
//!
//! The kind of a file is what its content shows (the caller sniffs the first bytes); the
//! name and the browser's claim are never trusted.

use serde::{Deserialize, Serialize};

use crate::procedure::{Document, FileKind};

/// A document's size limit when its procedure names none, in MB (the format's default).
pub const DEFAULT_MAX_MB: f64 = 10.0;

/// Why a document has no acceptable file. Stored in drafts (JSON) between pages, so its
/// serialised shape is kept stable.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum UploadProblemKind {
    /// A required document has no file.
    #[default]
    Missing,
    /// The chosen file has no bytes (a broken photo, a cancelled pick).
    Empty,
    /// Larger than the document allows.
    TooLarge { max_mb: f64 },
    /// Not one of the kinds the document accepts (its names: `pdf`, `jpg`, `png`).
    WrongType { accepted: Vec<String> },
    /// A photo of more than [`MAX_MEGAPIXELS`] pixels, or whose size cannot be read: a few
    /// kilobytes of PNG can say 30,000 × 30,000, and whoever opens it (an officer's browser)
    /// would need gigabytes to show it.
    TooManyPixels,
    /// The draft already holds [`MAX_FILES_PER_DRAFT`] files or this one would take it past
    /// [`MAX_DRAFT_MB`]: nobody fills the disk through one anonymous draft.
    DraftFull,
    /// The malware scanner found something in it (the scanner's name for what it found is
    /// logged, not shown).
    Malware,
    /// The malware scanner did not answer: nothing is kept unchecked, the citizen tries again.
    ScanUnavailable,
    /// Longer than the malware scanner takes (its own limit, below the document's): a
    /// smaller file is needed, sending this one again will not help.
    TooLargeToScan,
}

/// The most pixels a photo may have, in millions: more than the 108-megapixel camera of a
/// current phone, far less than a decompression bomb.
pub const MAX_MEGAPIXELS: u64 = 120;

/// Whether a photo of `width` × `height` pixels may be kept.
pub fn pixels_allowed(width: u64, height: u64) -> bool {
    width.saturating_mul(height) <= MAX_MEGAPIXELS * 1_000_000
}

/// The most files one draft (a filing or a supplement answer) keeps: a long procedure asks
/// for a dozen documents, some of several pages.
pub const MAX_FILES_PER_DRAFT: usize = 30;

/// The most bytes, in MB, one draft keeps in all.
pub const MAX_DRAFT_MB: f64 = 100.0;

/// Whether a draft that keeps `files` files of `bytes` in all has room for one more of
/// `size` bytes.
pub fn draft_has_room(files: usize, bytes: u64, size: usize) -> bool {
    files < MAX_FILES_PER_DRAFT && (bytes + size as u64) as f64 <= MAX_DRAFT_MB * 1_000_000.0
}

/// What a file must be to be kept: one of some kinds, at most so large.
#[derive(Clone, Debug, PartialEq)]
pub struct FileRule {
    pub accepted: Vec<FileKind>,
    pub max_mb: f64,
}

/// Largest result document staff may attach, in MB.
pub const RESULT_MAX_MB: f64 = 20.0;

const ALL_KINDS: [FileKind; 3] = [FileKind::Pdf, FileKind::Jpg, FileKind::Png];

impl FileRule {
    /// The rule of one of a procedure's documents: the kinds it names (all three when it
    /// names none) and its size limit (10 MB when it names none).
    pub fn of(document: &Document) -> FileRule {
        FileRule {
            accepted: document
                .accept
                .clone()
                .unwrap_or_else(|| ALL_KINDS.to_vec()),
            max_mb: document.max_size_mb.unwrap_or(DEFAULT_MAX_MB),
        }
    }

    /// The rule of a result document an officer attaches when finishing a dossier.
    pub fn result_document() -> FileRule {
        FileRule {
            accepted: ALL_KINDS.to_vec(),
            max_mb: RESULT_MAX_MB,
        }
    }

    /// The short names of the accepted kinds (`pdf`, `jpg`, `png`), as messages list them.
    pub fn accepted_names(&self) -> Vec<String> {
        self.accepted
            .iter()
            .map(|k| kind_name(*k).to_string())
            .collect()
    }

    /// The largest size in bytes.
    pub fn max_bytes(&self) -> usize {
        (self.max_mb * 1024.0 * 1024.0) as usize
    }

    /// Whether a file of `size` bytes whose content is of `kind` (`None`: none we know) may
    /// be kept. Checked in this order, so the message names the first thing to fix.
    pub fn check(&self, size: usize, kind: Option<FileKind>) -> Result<(), UploadProblemKind> {
        if size == 0 {
            return Err(UploadProblemKind::Empty);
        }
        if size > self.max_bytes() {
            return Err(UploadProblemKind::TooLarge {
                max_mb: self.max_mb,
            });
        }
        match kind {
            Some(k) if self.accepted.contains(&k) => Ok(()),
            _ => Err(UploadProblemKind::WrongType {
                accepted: self.accepted_names(),
            }),
        }
    }
}

/// The short name of a file kind.
pub fn kind_name(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Pdf => "pdf",
        FileKind::Jpg => "jpg",
        FileKind::Png => "png",
    }
}

#[cfg(test)]
mod tests;
