//! Building the parts the same way for `main`, every subcommand and every test.

use std::net::SocketAddr;

use app::api::state::Settings;
use app::auth::PublicUrl;

use motcua_store::{BlobLocation, Store};

use crate::config::Config;

/// The settings requests need, parsed and checked from the configuration: a bad value is
/// refused at start with a message that names it.
pub fn settings(config: &Config) -> Result<Settings, String> {
    Ok(Settings {
        working_periods: motcua_core::workflow::parse_working_periods(&config.working_periods)
            .map_err(|e| format!("working_periods: {e}"))?,
        public_url: app::auth::PublicUrl::parse(&config.public_url)?,
        trusted_proxies: config
            .trusted_proxies
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.parse()
                    .map_err(|_| format!("trusted_proxies: {s:?} is not an IP address"))
            })
            .collect::<Result<_, _>>()?,
        filings_per_hour: above_zero(
            &config.filings_per_hour,
            "filings_per_hour (MOTCUA_FILINGS_PER_HOUR)",
        )?,
        max_requests: above_zero(&config.max_requests, "max_requests (MOTCUA_MAX_REQUESTS)")?,
        clamd: motcua_core::scan::ClamdAddress::parse(&config.clamd)
            .map_err(|e| format!("clamd (MOTCUA_CLAMD): {e}"))?,
    })
}

/// Checks at start that the configured clamd answers, so that a wrong address or a stopped
/// daemon is found by the operator, not by the first citizen whose file cannot be kept.
///
/// A public (https) deployment without one is warned at every start: it runs, but the files
/// citizens send reach office computers unscanned.
pub async fn check_clamd(settings: &Settings) -> Result<(), String> {
    let Some(address) = &settings.clamd else {
        if settings.public_url.is_https() {
            tracing::warn!(
                "no malware scanner is configured (clamd, MOTCUA_CLAMD): citizens' files reach \
                 staff unscanned; see docs/deployment.md"
            );
        }
        return Ok(());
    };
    motcua_core::scan::Clamd::new(address.clone())
        .ping()
        .await
        .map_err(|e| format!("clamd (MOTCUA_CLAMD): {e}"))
}

/// A count setting: a whole number above 0, or the start is refused naming the setting.
fn above_zero<N: std::str::FromStr + Default + PartialOrd>(
    value: &str,
    setting: &str,
) -> Result<N, String> {
    value
        .trim()
        .parse()
        .ok()
        .filter(|n: &N| *n > N::default())
        .ok_or_else(|| format!("{setting} {value:?} must be a whole number above 0"))
}

/// The public address a server on `addr` uses: the configured one; without one, its own
/// address when that is loopback (a developer's machine, where the browser is on the same
/// computer). Anywhere else the address must be configured: taken from each request's `Host`
/// header, a client could choose what the slips' QR codes open and whether the session cookie
/// is `Secure`.
pub fn public_url_served_at(configured: PublicUrl, addr: SocketAddr) -> Result<PublicUrl, String> {
    if configured.is_set() {
        return Ok(configured);
    }
    if addr.ip().is_loopback() {
        return PublicUrl::parse(&format!("http://{addr}"));
    }
    Err(format!(
        "public_url (MOTCUA_PUBLIC_URL) is not set and the server listens on {addr}, not on \
         this machine only: set it to the address citizens use, e.g. \
         https://dichvucong.thanhhoa.gov.vn"
    ))
}

/// Where uploaded files go, from `files_dir` (a directory) or `files_url` (`s3://…`,
/// `file:///…`): at most one of them, since two would leave it to chance which one wins.
/// Neither: `None` (beside a SQLite file; refused for PostgreSQL by the store).
pub fn files_location(config: &Config) -> Result<Option<BlobLocation>, String> {
    match (config.files_dir.as_str(), config.files_url.as_str()) {
        ("", "") => Ok(None),
        (dir, "") => Ok(Some(BlobLocation::LocalDir(dir.into()))),
        ("", url) => BlobLocation::parse_url(url)
            .map(Some)
            .map_err(|e| format!("files_url (MOTCUA_FILES_URL): {e}")),
        (dir, url) => Err(format!(
            "files_dir (MOTCUA_FILES_DIR) is {dir:?} and files_url (MOTCUA_FILES_URL) is \
             {url:?}: uploaded files have one place, set only one of them"
        )),
    }
}

/// Opens (creating if needed) the database, applies its migrations and the reference data
/// the product ships (the national administrative units), so that every install, with or
/// without the demo, can take an applicant's address from its first start.
///
/// `files` is where uploaded files go ([`files_location`]); `None` puts them beside a
/// SQLite file (and is refused for PostgreSQL, whose servers must share one place).
pub async fn open_store(database_url: &str, files: Option<&BlobLocation>) -> Result<Store, String> {
    let store = Store::open_with_files(database_url, files)
        .await
        .map_err(|e| match e {
            // Already names the file store; "database" would send the operator astray.
            motcua_store::StoreError::ObjectStore { .. } => e.to_string(),
            e => format!("database: {e}"),
        })?;
    // Under the setup lock, a second server starting at the same moment waits for the list
    // rather than for SQLite's write lock, which gives up after a few seconds.
    let setup = store
        .lock_setup()
        .await
        .map_err(|e| format!("database: {e}"))?;
    let applied = crate::reference::ensure_units(&store, time::OffsetDateTime::now_utc()).await;
    setup.release().await;
    applied?;
    Ok(store)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_must_be_whole_numbers_above_zero() {
        for bad in ["", "0", "-1", "ba mươi"] {
            let c = Config {
                filings_per_hour: bad.into(),
                ..Config::default()
            };
            let refused = settings(&c).unwrap_err();
            assert!(
                refused.contains("MOTCUA_FILINGS_PER_HOUR"),
                "{bad}: {refused}"
            );
        }
        assert_eq!(settings(&Config::default()).unwrap().filings_per_hour, 30);
        let refused = settings(&Config {
            max_requests: "0".into(),
            ..Config::default()
        })
        .unwrap_err();
        assert!(refused.contains("MOTCUA_MAX_REQUESTS"), "{refused}");
        assert_eq!(settings(&Config::default()).unwrap().max_requests, 64);
    }

    #[test]
    fn without_a_public_url_only_a_loopback_server_starts() {
        let served = |configured: &str, addr: &str| {
            public_url_served_at(PublicUrl::parse(configured).unwrap(), addr.parse().unwrap())
        };
        assert_eq!(
            served("", "127.0.0.1:3000"),
            PublicUrl::parse("http://127.0.0.1:3000")
        );
        assert_eq!(
            served("", "[::1]:3000"),
            PublicUrl::parse("http://[::1]:3000")
        );
        let refused = served("", "0.0.0.0:3000").unwrap_err();
        assert!(refused.contains("MOTCUA_PUBLIC_URL") && refused.contains("0.0.0.0:3000"));
        assert_eq!(
            served("https://dichvucong.example.gov.vn", "0.0.0.0:3000"),
            PublicUrl::parse("https://dichvucong.example.gov.vn")
        );
    }

    fn config(files_dir: &str, files_url: &str) -> Config {
        Config {
            files_dir: files_dir.into(),
            files_url: files_url.into(),
            ..Config::default()
        }
    }

    #[test]
    fn uploaded_files_have_one_configured_place() {
        assert_eq!(files_location(&config("", "")), Ok(None));
        assert_eq!(
            files_location(&config("/srv/files", "")),
            Ok(Some(BlobLocation::LocalDir("/srv/files".into())))
        );
        assert!(matches!(
            files_location(&config("", "s3://motcua-files/h56")),
            Ok(Some(BlobLocation::S3(s))) if s.bucket == "motcua-files" && s.prefix == "h56"
        ));
        let both = files_location(&config("/srv/files", "s3://motcua-files")).unwrap_err();
        assert!(
            both.contains("MOTCUA_FILES_DIR") && both.contains("MOTCUA_FILES_URL"),
            "{both}"
        );
        let scheme = files_location(&config("", "gs://motcua-files")).unwrap_err();
        assert!(scheme.contains("unsupported scheme"), "{scheme}");
    }
}
