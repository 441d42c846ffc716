//! The command line.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand};
use motcua_store::Store;

use crate::{config, demo, import, router};

/// motcua — the electronic one-stop desk (Một Cửa) for a province and its communes.
///
/// Configuration is read from Leptos.toml (or the file named by MOTCUA_CONFIG) and can be
/// overridden by environment variables: MOTCUA_DATABASE_URL (default
/// sqlite://data/motcua.db), MOTCUA_DEMO_DIR (default demo; empty for none) and
/// LEPTOS_SITE_ADDR (default 127.0.0.1:3000). Every subcommand creates the database and
/// runs its migrations when needed.
#[derive(Parser, Debug)]
#[command(name = "motcua", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Serve the web application (the default). Loads the demo data into an empty database.
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
}

pub async fn run(cli: Cli) -> Result<(), String> {
    let path = config::config_path();
    let config = config::load(&path)?;
    let store = Store::open(&config.database_url)
        .await
        .map_err(|e| e.to_string())?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            if !config.demo_dir.is_empty() {
                demo::load_if_empty(&store, config.demo_dir.as_ref()).await?;
            }
            spawn_draft_cleanup(store.clone());
            let options = config::leptos_options(&path)?;
            let addr = options.site_addr;
            let app = router::build(store, options).await?;
            let listener = tokio::net::TcpListener::bind(addr)
                .await
                .map_err(|e| format!("{addr}: {e}"))?;
            println!(
                "motcua: listening on http://{}",
                listener.local_addr().map_err(|e| e.to_string())?
            );
            axum::serve(
                listener,
                app.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .await
            .map_err(|e| e.to_string())
        }
        Command::Import { paths } => {
            let report = import::import_paths(&store, &paths).await;
            for line in &report.lines {
                println!("{line}");
            }
            if report.failed > 0 {
                Err(format!("{} file(s) not imported", report.failed))
            } else {
                Ok(())
            }
        }
        Command::ImportUnits { file } => {
            let n = import::import_units(&store, &file).await?;
            println!("{n} administrative units imported from {}", file.display());
            Ok(())
        }
    }
}

/// How long an unfinished filing (and its receipt link) is kept.
pub const DRAFT_LIFETIME: time::Duration = time::Duration::days(30);

/// Deletes drafts older than [`DRAFT_LIFETIME`] once an hour: they hold personal data that
/// nobody came back for. Filed dossiers are not drafts and are kept.
fn spawn_draft_cleanup(store: Store) {
    tokio::spawn(async move {
        let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            every_hour.tick().await;
            let cutoff = time::OffsetDateTime::now_utc() - DRAFT_LIFETIME;
            match store.delete_stale_drafts(cutoff).await {
                Ok(0) => {}
                Ok(n) => println!("motcua: deleted {n} drafts older than 30 days"),
                Err(e) => eprintln!("motcua: draft cleanup failed: {e}"),
            }
        }
    });
}
