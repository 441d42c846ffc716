//! Configuration: `Leptos.toml` (section `[motcua]` for ours, `[package.metadata.leptos]` for
//! Leptos), each value overridable by an environment variable.

use std::path::{Path, PathBuf};

use leptos::config::LeptosOptions;
use serde::Deserialize;

#[derive(Clone, Debug, Deserialize)]
#[serde(default)]
pub struct Config {
    /// `MOTCUA_DATABASE_URL`; default `sqlite://data/motcua.db`. PostgreSQL:
    /// `postgres://USER@HOST/DATABASE` (then `files_dir` or `files_url` is required).
    pub database_url: String,
    /// `MOTCUA_FILES_DIR`: where uploaded files are kept. Empty: `files/` beside the SQLite
    /// file. With PostgreSQL, a directory every server shares.
    pub files_dir: String,
    /// `MOTCUA_FILES_URL`: where uploaded files are kept, as a URL: `s3://BUCKET/PREFIX` (an
    /// S3-compatible store, configured by the standard `AWS_*` environment) or
    /// `file:///ABSOLUTE/PATH`. At most one of `files_dir` and `files_url` may be set.
    pub files_url: String,
    /// `MOTCUA_DEMO_DIR`: the demo to load into an empty database. Default empty, no demo:
    /// its staff accounts share a published password, so only who asks for it gets it
    /// (`scripts/run.sh` does).
    pub demo_dir: String,
    /// `MOTCUA_WORKING_PERIODS`; default `07:00-11:30,13:30-17:00` (Asia/Ho_Chi_Minh).
    pub working_periods: String,
    /// `MOTCUA_PUBLIC_URL`, e.g. `https://dichvucong.example.gov.vn`: the address citizens
    /// use. Set it behind a reverse proxy: it decides `Secure` cookies and slip QR codes.
    /// Empty: taken from each request's `Host`.
    pub public_url: String,
    /// `MOTCUA_TRUSTED_PROXIES`: the reverse proxies' addresses, comma-separated (e.g.
    /// `127.0.0.1`), whose `X-Forwarded-For` names the client. Empty: none.
    pub trusted_proxies: String,
    /// `MOTCUA_FILINGS_PER_HOUR`: filings one client may start in an hour (default 30).
    /// Raise it for a commune office whose kiosk files for everyone from one address.
    pub filings_per_hour: String,
    /// `MOTCUA_MAX_REQUESTS`: requests worked on at once (default 64); four times as many
    /// wait in line up to 10 s, and more are answered 503 with `Retry-After`.
    pub max_requests: String,
    /// `MOTCUA_CLAMD`: ClamAV's daemon, `unix:/run/clamav/clamd.ctl` or `tcp://host:port`;
    /// every citizen's file is scanned before it is kept, and the server refuses to start
    /// when clamd does not answer. Empty (the default): no malware scanning.
    pub clamd: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            database_url: "sqlite://data/motcua.db".into(),
            files_dir: String::new(),
            files_url: String::new(),
            demo_dir: String::new(),
            working_periods: "07:00-11:30,13:30-17:00".into(),
            public_url: String::new(),
            trusted_proxies: String::new(),
            filings_per_hour: "30".into(),
            max_requests: "64".into(),
            clamd: String::new(),
        }
    }
}

#[derive(Deserialize, Default)]
struct File {
    #[serde(default)]
    motcua: Option<Config>,
}

/// The configuration file: `MOTCUA_CONFIG`, or `Leptos.toml` in the working directory.
pub fn config_path() -> PathBuf {
    std::env::var("MOTCUA_CONFIG")
        .map(PathBuf::from)
        .unwrap_or_else(|_| "Leptos.toml".into())
}

/// Reads our section of the configuration file (if present), then the environment.
pub fn load(path: &Path) -> Result<Config, String> {
    let mut config = match std::fs::read_to_string(path) {
        Ok(text) => toml::from_str::<File>(&text)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .motcua
            .unwrap_or_default(),
        Err(_) => Config::default(),
    };
    if let Ok(v) = std::env::var("MOTCUA_DATABASE_URL") {
        config.database_url = v;
    }
    if let Ok(v) = std::env::var("MOTCUA_FILES_DIR") {
        config.files_dir = v;
    }
    if let Ok(v) = std::env::var("MOTCUA_FILES_URL") {
        config.files_url = v;
    }
    if let Ok(v) = std::env::var("MOTCUA_DEMO_DIR") {
        config.demo_dir = v;
    }
    if let Ok(v) = std::env::var("MOTCUA_WORKING_PERIODS") {
        config.working_periods = v;
    }
    if let Ok(v) = std::env::var("MOTCUA_PUBLIC_URL") {
        config.public_url = v;
    }
    if let Ok(v) = std::env::var("MOTCUA_TRUSTED_PROXIES") {
        config.trusted_proxies = v;
    }
    if let Ok(v) = std::env::var("MOTCUA_FILINGS_PER_HOUR") {
        config.filings_per_hour = v;
    }
    if let Ok(v) = std::env::var("MOTCUA_MAX_REQUESTS") {
        config.max_requests = v;
    }
    if let Ok(v) = std::env::var("MOTCUA_CLAMD") {
        config.clamd = v;
    }
    Ok(config)
}

/// Leptos's options from the same file (environment `LEPTOS_*` overrides), or from the
/// environment alone when there is no file.
pub fn leptos_options(path: &Path) -> Result<LeptosOptions, String> {
    let conf = if path.exists() {
        leptos::config::get_configuration(path.to_str())
    } else {
        leptos::config::get_configuration(None)
    };
    conf.map(|c| c.leptos_options).map_err(|e| e.to_string())
}
