//! `motcua`: serve the one-stop desk, or import procedures and administrative units.

use clap::Parser;
use motcua_server::cli::{Cli, output::complain, run};

#[tokio::main]
async fn main() -> std::process::ExitCode {
    motcua_server::telemetry::init();
    match run(Cli::parse()).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            complain(&format!("motcua: {e}"));
            std::process::ExitCode::FAILURE
        }
    }
}
