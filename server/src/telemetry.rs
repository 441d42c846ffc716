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
