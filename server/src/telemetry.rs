//! Log lines: one subscriber for the whole process, writing to standard error so that the
//! operator's service manager (systemd's journal, `docker logs`) keeps them, while standard
//! output stays for what a command prints as its result.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;

/// What is logged when `RUST_LOG` is not set: our own information lines, and only warnings
/// from the database driver (at `info` it would report every slow statement).
pub const DEFAULT_FILTER: &str = "info,sqlx=warn";

/// Installs the subscriber, filtered by `RUST_LOG` (e.g. `RUST_LOG=debug` or
/// `RUST_LOG=info,motcua_server=debug`). Harmless when called again: the first one stays.
pub fn init() {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        // Colours only for a person at a terminal, never escape codes in a log file.
        .with_ansi(std::io::stderr().is_terminal())
        .try_init();
}

/// The span around each request: every log line written while the request is handled
/// carries its id, method and path. The path only: the query string can hold personal data
/// (the lookup's `giay_to` is an ID number). Path segments that are capabilities (the 64 hex
/// characters of a draft's token) are masked too: with one, anybody could open the draft.
pub fn request_span(req: &axum::extract::Request) -> tracing::Span {
    tracing::info_span!(
        "request",
        request_id = %crate::request_id::of(req).unwrap_or("-"),
        method = %req.method(),
        path = %loggable_path(req.uri().path()),
    )
}

/// Shortest path segment of hex digits taken for a secret token.
const TOKEN_MIN_LEN: usize = 32;

/// `path` with each segment that looks like a secret token replaced by `{token}`.
pub fn loggable_path(path: &str) -> std::borrow::Cow<'_, str> {
    let is_token = |s: &str| s.len() >= TOKEN_MIN_LEN && s.bytes().all(|b| b.is_ascii_hexdigit());
    if !path.split('/').any(is_token) {
        return path.into();
    }
    path.split('/')
        .map(|s| if is_token(s) { "{token}" } else { s })
        .collect::<Vec<_>>()
        .join("/")
        .into()
}

#[cfg(test)]
mod tests {
    use super::loggable_path;

    #[test]
    fn tokens_in_paths_are_masked_and_other_segments_kept() {
        let token = "0123456789abcdef".repeat(4);
        assert_eq!(
            loggable_path(&format!(
                "/thu-tuc/1.000894.000.00.00.H56/nop/{token}/nguoi-nop"
            )),
            "/thu-tuc/1.000894.000.00.00.H56/nop/{token}/nguoi-nop"
        );
        assert_eq!(loggable_path("/tra-cuu"), "/tra-cuu");
        assert_eq!(
            loggable_path("/can-bo/ho-so/H56.22-260101-0001/tep/7"),
            "/can-bo/ho-so/H56.22-260101-0001/tep/7"
        );
    }
}
