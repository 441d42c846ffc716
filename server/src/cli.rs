//! The command line.

pub mod output;

use std::future::IntoFuture;
use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand};
use motcua_store::Store;

use crate::migrate::MigrateArgs;
use motcua_core::accounts::setup::{self, StaffSetup};
use motcua_core::accounts::staff_input;

use crate::{backup, config, demo, import, migrate, router};
use motcua_store::prelude::*;
use output::say;

/// motcua — the electronic one-stop desk (Một Cửa) for a province and its communes.
///
/// Configuration is read from Leptos.toml (or the file named by MOTCUA_CONFIG) and can be
/// overridden by environment variables: MOTCUA_DATABASE_URL (default
/// sqlite://data/motcua.db; or postgres://USER@HOST/DATABASE), MOTCUA_FILES_DIR (the
/// directory of uploaded files; default files/ beside the SQLite file) or MOTCUA_FILES_URL
/// (s3://BUCKET/PREFIX, with AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
/// AWS_REGION; or file:///ABSOLUTE/PATH): set one of them, required with PostgreSQL,
/// MOTCUA_DEMO_DIR (the demo to load into an empty database, e.g. demo; default none),
/// MOTCUA_WORKING_PERIODS (default "07:00-11:30,13:30-17:00"), MOTCUA_PUBLIC_URL (the
/// address citizens use, e.g. https://dichvucong.example.gov.vn; set it behind a proxy),
/// MOTCUA_TRUSTED_PROXIES (the proxies whose X-Forwarded-For names the client),
/// MOTCUA_CLAMD (ClamAV's daemon, unix:/PATH or tcp://HOST:PORT, which scans every
/// citizen's file; default none) and LEPTOS_SITE_ADDR (default 127.0.0.1:3000). Every subcommand but migrate-data (which
/// names its two databases itself) creates the configured database and runs its migrations
/// when needed.
#[derive(Parser, Debug)]
#[command(name = "motcua", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Serve the web application (the default). Loads the demo into an empty database when
    /// MOTCUA_DEMO_DIR names it.
    Serve,
    /// Import procedure definitions (motcua.procedure/1 JSON files, or folders of them).
    /// A file with any error imports nothing; every problem is printed with its JSON path.
    Import {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Import administrative units from a CSV file with the header code,name,level,parent_code
    /// (level is province or commune).
    ImportUnits { file: PathBuf },
    /// The working calendar (public holidays and make-up working days).
    #[command(subcommand)]
    Calendar(CalendarCommand),
    /// Print the due moment of a duration counted from a moment, and the walk that explains
    /// it, with the calendar of the configured database.
    Due {
        /// Start, Asia/Ho_Chi_Minh local time: "YYYY-MM-DD HH:MM".
        #[arg(long)]
        from: String,
        /// N followed by wh (working hours), wd (working days) or d (calendar days), e.g. 3wd.
        #[arg(long)]
        duration: String,
    },
    /// Staff accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Move a deployment into a new, empty database (SQLite to PostgreSQL, back, or to
    /// another SQLite file) with its uploaded files, and verify the copy (row counts and
    /// content hashes per table, every file's SHA-256). A target that is not empty is
    /// refused; on any failure nothing is written. The configured database is not used.
    MigrateData(MigrateArgs),
    /// Take a consistent backup of the configured database and its uploaded files while the
    /// server runs: a SQLite file, the files, and manifest.json with their hashes, in DIR
    /// (new or empty).
    Backup { dir: PathBuf },
    /// Restore the backup in DIR into the configured database, which must be empty (a new
    /// one), after checking it against its manifest; on any failure nothing is written.
    Restore { dir: PathBuf },
}

#[derive(Subcommand, Debug)]
pub enum CalendarCommand {
    /// Import a CSV file with the header date,kind,name (kind: holiday or workday). The rows
    /// for the dates it names are replaced, the others kept; a malformed row is reported with
    /// its line number and nothing from the file is applied.
    Import { file: PathBuf },
}

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Create a staff account (e.g. the first admin of a fresh install). The password is
    /// read from the first line of standard input, so it never shows in the process list.
    Add {
        /// User name for signing in (stored in lower case).
        #[arg(long)]
        login: String,
        /// Full name, as it appears on slips.
        #[arg(long)]
        name: String,
        /// The agency's identifier code (mã định danh), e.g. 000.00.06.H56.
        #[arg(long)]
        agency: String,
        /// A role: reception, specialist, leader, clerk or admin. Repeat for several.
        #[arg(long = "role", required = true)]
        roles: Vec<String>,
        /// Phone number, printed on supplement requests.
        #[arg(long)]
        phone: Option<String>,
    },
}

pub async fn run(cli: Cli) -> Result<(), String> {
    // Before the configuration's database is opened: moving names both databases itself,
    // and must not create the configured one.
    if let Some(Command::MigrateData(args)) = &cli.command {
        for line in migrate::migrate_data(args).await? {
            say(&line);
        }
        return Ok(());
    }
    let path = config::config_path();
    let config = config::load(&path)?;
    let mut settings = crate::startup::settings(&config)?;
    let command = cli.command.unwrap_or(Command::Serve);
    // Checked before the database is created: a server that cannot say its own address
    // does not start.
    let options = match command {
        Command::Serve => {
            let options = config::leptos_options(&path)?;
            settings.public_url =
                crate::startup::public_url_served_at(settings.public_url, options.site_addr)?;
            Some(options)
        }
        _ => None,
    };
    let files = crate::startup::files_location(&config)?;
    let store = crate::startup::open_store(&config.database_url, files.as_ref()).await?;
    match command {
        Command::Serve => {
            let options = options.expect("read for serve above");
            if !config.demo_dir.is_empty() {
                demo::load_if_empty(&store, config.demo_dir.as_ref()).await?;
            }
            demo::refuse_published_passwords(&store, settings.public_url.is_https()).await?;
            crate::startup::check_clamd(&settings).await?;
            spawn_draft_cleanup(store.clone());
            let addr = options.site_addr;
            let clock = std::sync::Arc::new(motcua_core::clock::Clock::default());
            if let Some(days) = test_clock_offset()? {
                tracing::warn!(
                    days,
                    "MOTCUA_TEST_CLOCK_OFFSET_DAYS is set: the workflow clock runs ahead. \
                     For tests only; never set it in a deployment."
                );
                clock.advance(time::Duration::days(days));
            }
            let closing = store.clone();
            let state = app::api::AppState::new(store, settings, clock)
                .await
                .map_err(|e| e.to_string())?;
            let app = router::build(state, options);
            let listener = tokio::net::TcpListener::bind(addr)
                .await
                .map_err(|e| format!("{addr}: {e}"))?;
            let local = listener.local_addr().map_err(|e| e.to_string())?;
            tracing::info!("listening on http://{local}");
            let (asked, asked_rx) = tokio::sync::oneshot::channel();
            let serve = axum::serve(
                listener,
                app.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .with_graceful_shutdown(async move {
                crate::shutdown::requested().await;
                let _ = asked.send(());
            });
            crate::shutdown::drain(serve.into_future(), asked_rx)
                .await
                .map_err(|e| e.to_string())?;
            // Checkpoints SQLite's WAL into the file, ends PostgreSQL sessions cleanly.
            closing.close().await;
            tracing::info!("stopped");
            Ok(())
        }
        Command::Import { paths } => {
            let report =
                import::import_paths(&store, &paths, time::OffsetDateTime::now_utc()).await;
            for line in &report.lines {
                say(line);
            }
            if report.failed > 0 {
                Err(format!("{} file(s) not imported", report.failed))
            } else {
                Ok(())
            }
        }
        Command::Calendar(CalendarCommand::Import { file }) => {
            let n = import::import_calendar(&store, &file).await?;
            say(&format!(
                "{n} calendar days imported from {}",
                file.display()
            ));
            Ok(())
        }
        Command::Due { from, duration } => {
            let lines = due(&store, &settings.working_periods, &from, &duration).await?;
            for line in &lines {
                say(line);
            }
            Ok(())
        }
        Command::User(UserCommand::Add {
            login,
            name,
            agency,
            roles,
            phone,
        }) => {
            let mut password = String::new();
            std::io::stdin()
                .read_line(&mut password)
                .map_err(|e| e.to_string())?;
            let staff = StaffSetup {
                login: &login,
                full_name: &name,
                agency: &agency,
                roles: staff_input::roles_named(&roles).map_err(|e| e.to_string())?,
                phone,
            };
            let password = password.trim_end_matches(['\r', '\n']);
            let id = setup::add_staff(&store, &staff, password, time::OffsetDateTime::now_utc())
                .await
                .map_err(|e| e.to_string())?;
            say(&format!(
                "staff account {} (id {id}) created for {agency}",
                login.trim().to_lowercase()
            ));
            Ok(())
        }
        Command::MigrateData(_) => unreachable!("handled before the database is opened"),
        Command::Backup { dir } => {
            let manifest = backup::take(&store, &dir).await?;
            say(&format!(
                "backup of {} tables and {} files ({} bytes) taken at {} in {}; check it with {}",
                manifest.tables.len(),
                manifest.files,
                manifest.file_bytes,
                manifest.taken_at,
                dir.display(),
                dir.join("manifest.json").display()
            ));
            Ok(())
        }
        Command::Restore { dir } => {
            let manifest = backup::restore(&dir, &store).await?;
            say(&format!(
                "restored the backup taken at {} ({} tables, {} files), checked against its manifest",
                manifest.taken_at,
                manifest.tables.len(),
                manifest.files
            ));
            Ok(())
        }
        Command::ImportUnits { file } => {
            let n = import::import_units(&store, &file).await?;
            say(&format!(
                "{n} administrative units imported from {}",
                file.display()
            ));
            Ok(())
        }
    }
}

/// `MOTCUA_TEST_CLOCK_OFFSET_DAYS`: lets the browser tests run a second server whose
/// workflow clock is days ahead, to see a dossier become overdue without waiting.
fn test_clock_offset() -> Result<Option<i64>, String> {
    match std::env::var("MOTCUA_TEST_CLOCK_OFFSET_DAYS") {
        Err(_) => Ok(None),
        Ok(v) => v
            .trim()
            .parse::<i64>()
            .map(Some)
            .map_err(|_| format!("MOTCUA_TEST_CLOCK_OFFSET_DAYS={v:?} is not a whole number")),
    }
}

/// How long an unfinished filing (and its receipt link) is kept.
pub const DRAFT_LIFETIME: time::Duration = time::Duration::days(30);

/// Deletes drafts older than [`DRAFT_LIFETIME`] once an hour: they hold personal data that
/// nobody came back for. Filed dossiers are not drafts and are kept. Expired sessions and
/// old miss counters go too.
fn spawn_draft_cleanup(store: Store) {
    tokio::spawn(async move {
        let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            every_hour.tick().await;
            let cutoff = time::OffsetDateTime::now_utc() - DRAFT_LIFETIME;
            match store.delete_stale_drafts(cutoff).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(drafts = n, "deleted drafts older than 30 days"),
                Err(e) => tracing::error!(error = %e, "draft cleanup failed"),
            }
            // What removed uploads and expired drafts left on disk, an hour after its last
            // write (an upload in flight is never taken).
            let now = time::OffsetDateTime::now_utc();
            match store
                .collect_unreferenced_files(now - time::Duration::hours(1))
                .await
            {
                Ok(0) => {}
                Ok(n) => tracing::info!(files = n, "deleted files nothing refers to"),
                Err(e) => tracing::error!(error = %e, "file collection failed"),
            }
            if let Err(e) = store
                .delete_expired_sessions(
                    now - motcua_core::accounts::sessions::SESSION_IDLE,
                    now - motcua_core::accounts::sessions::SESSION_ABSOLUTE,
                )
                .await
            {
                tracing::error!(error = %e, "session cleanup failed");
            }
            // Every limit's window is minutes; a day-old counter is over whatever the limit.
            if let Err(e) = store.delete_old_misses(now - time::Duration::days(1)).await {
                tracing::error!(error = %e, "miss counter cleanup failed");
            }
        }
    });
}

/// `motcua due`: the due moment (`YYYY-MM-DD HH:MM`) and then the walk, one line each.
pub async fn due(
    store: &Store,
    periods: &[motcua_domain::calendar::WorkingPeriod],
    from: &str,
    duration: &str,
) -> Result<Vec<String>, String> {
    use motcua_domain::procedure::{Duration, DurationUnit};
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]");
    let start = time::PrimitiveDateTime::parse(from.trim(), format)
        .map_err(|_| format!("--from {from:?}: expected \"YYYY-MM-DD HH:MM\""))?
        .assume_offset(motcua_domain::format::VN_OFFSET);
    let d = duration.trim();
    let (amount, unit) = if let Some(n) = d.strip_suffix("wh") {
        (n, DurationUnit::WorkingHours)
    } else if let Some(n) = d.strip_suffix("wd") {
        (n, DurationUnit::WorkingDays)
    } else if let Some(n) = d.strip_suffix('d') {
        (n, DurationUnit::CalendarDays)
    } else {
        return Err(format!(
            "--duration {duration:?}: expected N followed by wh, wd or d"
        ));
    };
    let amount: f64 = amount
        .trim()
        .parse()
        .ok()
        .filter(|a: &f64| a.is_finite() && *a >= 0.0 && *a <= 10_000.0)
        .ok_or_else(|| format!("--duration {duration:?}: N must be a number from 0 to 10000"))?;
    let cal = motcua_core::calendar::cache::read(store, periods)
        .await
        .map_err(|e| e.to_string())?;
    let walk = cal.due(start, &Duration { amount, unit });
    let due = walk.due.to_offset(motcua_domain::format::VN_OFFSET);
    let mut lines = vec![format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        due.year(),
        u8::from(due.month()),
        due.day(),
        due.hour(),
        due.minute()
    )];
    lines.extend(motcua_domain::calendar::walk_lines(&walk));
    Ok(lines)
}
