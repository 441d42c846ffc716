//! `GET /favicon.ico`, `/icon.svg`, `/icon-192.png`, `/icon-512.png`, `/robots.txt` and
//! `/manifest.webmanifest`: the files of `public/`, embedded in the binary, so a deployment
//! that copies only the binary and `site/pkg` has them, and so do the HTTP tests. A file added
//! to `public/` must be added to [`FILES`] and routed in `router.rs` too (a test checks it).
//!
//! Also the plain 404 for a missing file: a browser or a crawler asking for a file it will
//! not show gets a few bytes, not the HTML "page not found" page.

use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

/// One embedded file: its path on the site, its media type, its bytes.
pub struct StaticFile {
    pub path: &'static str,
    pub content_type: &'static str,
    pub bytes: &'static [u8],
}

macro_rules! public {
    ($name:literal, $content_type:literal) => {
        StaticFile {
            path: concat!("/", $name),
            content_type: $content_type,
            bytes: include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../public/", $name)),
        }
    };
}

/// Every file of `public/` that the site serves (not its README).
pub const FILES: &[StaticFile] = &[
    public!("favicon.ico", "image/x-icon"),
    public!("icon.svg", "image/svg+xml"),
    public!("icon-192.png", "image/png"),
    public!("icon-512.png", "image/png"),
    public!("robots.txt", "text/plain; charset=utf-8"),
    public!("manifest.webmanifest", "application/manifest+json"),
];

/// They change only with a release: a day in the browser's cache is enough.
const CACHE_CONTROL: &str = "public, max-age=86400";

/// The file of [`FILES`] at the request's path (routed for each of them in `router.rs`).
pub async fn get(uri: Uri) -> Response {
    match FILES.iter().find(|f| f.path == uri.path()) {
        Some(f) => (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static(f.content_type),
                ),
                (
                    header::CACHE_CONTROL,
                    HeaderValue::from_static(CACHE_CONTROL),
                ),
            ],
            f.bytes,
        )
            .into_response(),
        None => not_found(),
    }
}

/// The answer for a file that is not there: plain text, a few bytes, never the app's page.
pub fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        )],
        "404 Not Found",
    )
        .into_response()
}

/// Extensions of files (images, scripts, styles, fonts, data, archives, and what robots probe
/// for) that are never one of our pages.
const FILE_EXTENSIONS: &[&str] = &[
    "ico",
    "png",
    "jpg",
    "jpeg",
    "gif",
    "webp",
    "avif",
    "svg",
    "js",
    "mjs",
    "css",
    "map",
    "txt",
    "xml",
    "json",
    "webmanifest",
    "wasm",
    "woff",
    "woff2",
    "ttf",
    "otf",
    "br",
    "gz",
    "zip",
    "php",
    // Not `public/README.md`, which cargo-leptos copies into the site root with the rest.
    "md",
];

/// Whether `path` asks for a file rather than a page: its last segment ends with a file
/// extension. Only known extensions count, because page paths hold dots too: procedure
/// codes such as `1.001612.000.00.00.H56`.
pub fn looks_like_file(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or("");
    match last.rsplit_once('.') {
        Some((_, ext)) => FILE_EXTENSIONS
            .iter()
            .any(|known| ext.eq_ignore_ascii_case(known)),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_and_pages() {
        for path in [
            "/favicon.ico",
            "/khong-co.png",
            "/pkg/motcua.JS",
            "/apple-touch-icon.png",
            "/sitemap.xml",
            "/wp-login.php",
            "/a/b/c.woff2",
            "/README.md",
        ] {
            assert!(looks_like_file(path), "{path}");
        }
        for path in [
            "/",
            "/thu-tuc",
            "/khong-co-trang-nay",
            "/thu-tuc/1.001612.000.00.00.H56",
            "/thu-tuc/1.001612.000.00.00.H56/nop",
            "/thu-tuc/1.001612.000.00.00.H56/",
            "/file.js/trang",
        ] {
            assert!(!looks_like_file(path), "{path}");
        }
    }

    #[test]
    fn every_file_has_a_route_path_and_a_media_type() {
        for f in FILES {
            assert!(f.path.starts_with('/') && !f.bytes.is_empty(), "{}", f.path);
            assert!(looks_like_file(f.path), "{}", f.path);
        }
    }
}
