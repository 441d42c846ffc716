//! Checking uploaded files by their content, never by their name or the browser's claim.

use motcua_domain::procedure::FileKind;

/// The kind of file from its first bytes (magic numbers, via the `infer` crate), with the
/// content type we record for it. `None` for anything but PDF, JPEG and PNG.
pub fn sniff(bytes: &[u8]) -> Option<(FileKind, &'static str)> {
    match infer::get(bytes)?.mime_type() {
        "application/pdf" => Some((FileKind::Pdf, "application/pdf")),
        "image/jpeg" => Some((FileKind::Jpg, "image/jpeg")),
        "image/png" => Some((FileKind::Png, "image/png")),
        _ => None,
    }
}

/// Largest result document or supplement file staff or citizens may send, in bytes.
pub const MAX_FILE: usize = 20 * 1024 * 1024;
