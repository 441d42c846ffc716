//! `motcua`: serve the one-stop desk, or import procedures and administrative units.

use clap::Parser;
use motcua_server::cli::{Cli, run};

#[tokio::main]
async fn main() -> std::process::ExitCode {
    match run(Cli::parse()).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("motcua: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
