//! Complete no-JavaScript filings per second against a running server.
//!
//! ```text
//! cargo run -p motcua --example bench_filings -- --base http://127.0.0.1:3000 \
//!     [--clients 8] [--seconds 15] [--procedure 2.000635.000.00.00.H56] [--label sqlite]
//! ```
//!
//! `--clients` citizens at once each file dossiers one after another for `--seconds`: every
//! page of the demo procedure posted as a browser without JavaScript posts it (the start, the
//! applicant page, each step, the documents page with its upload, the check page's submit),
//! each 303 followed by a GET of the page it names, through to the receipt and its dossier
//! code. Each filing is a new browser (its own cookies), as each is a new citizen. The filing itself is the tests' own (`server/tests/common/citizen.rs`), so the
//! benchmark files exactly what the tests check.
//!
//! Prints one Markdown table row on standard output (the runner, `scripts/bench-filings.sh`,
//! prints the header): filings per second, the median and 99th percentile of a complete
//! filing and of one request (to its response's headers), requests per filing. A filing that
//! fails stops the benchmark with its error; two receipts with the same code too.

#[path = "../tests/common/citizen.rs"]
mod citizen;
#[path = "common/load.rs"]
mod load;
#[path = "common/stats.rs"]
mod stats;

use std::collections::HashSet;
use std::error::Error;
use std::sync::Arc;
use std::time::{Duration, Instant};

use citizen::Browser;
use serde_json::Value;
use stats::percentile_ms;

type BoxResult<T> = Result<T, Box<dyn Error + Send + Sync>>;

/// What the benchmark is told.
#[derive(clap::Parser)]
#[command(name = "bench_filings")]
struct Args {
    #[command(flatten)]
    load: load::Load,
    /// The demo procedure filed.
    #[arg(long, default_value = "2.000635.000.00.00.H56")]
    procedure: String,
    /// The first column of the row printed.
    #[arg(long, default_value = "")]
    label: String,
}

fn args() -> Args {
    let mut a = <Args as clap::Parser>::parse();
    a.load = a.load.normalised();
    a
}

/// A new browser: its own cookies, and redirects left to [`Browser::send`] so that each
/// request is timed on its own. Each request on a new connection, as in the tests: reusing a
/// kept-alive connection raced with the server closing it (hyper's `IncompleteMessage` on
/// the GET after a 303). On loopback a connection costs tens of microseconds.
fn browser(base: &str) -> BoxResult<Browser> {
    // As a browser says of a post from our own pages: the server refuses one without it.
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        "sec-fetch-site",
        reqwest::header::HeaderValue::from_static("same-origin"),
    );
    let client = reqwest::Client::builder()
        .default_headers(headers)
        .cookie_store(true)
        .pool_max_idle_per_host(0)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(60))
        .build()?;
    Ok(Browser::with_client(base.to_string(), client))
}

/// What one client did.
#[derive(Default)]
struct Tally {
    filings: Vec<Duration>,
    requests: Vec<Duration>,
    codes: Vec<String>,
}

async fn client(base: String, procedure: Arc<Value>, until: Instant) -> BoxResult<Tally> {
    let mut tally = Tally::default();
    while Instant::now() < until {
        let citizen = browser(&base)?;
        let started = Instant::now();
        let code = citizen.file(&procedure).await;
        tally.filings.push(started.elapsed());
        tally.requests.extend(citizen.take_request_times());
        tally.codes.push(code);
    }
    Ok(tally)
}

#[tokio::main]
async fn main() -> BoxResult<()> {
    let args = args();
    let procedure = citizen::demo_procedures()
        .into_iter()
        .find(|p| p["code"] == args.procedure.as_str())
        .ok_or_else(|| format!("no demo procedure {}", args.procedure))?;
    let procedure = Arc::new(procedure);
    // One filing first: the server is up and the procedure files, or we stop here.
    let code = browser(&args.load.base)?.file(&procedure).await;
    eprintln!(
        "  {} clients for {} s (a first filing gave {code}) ...",
        args.load.clients, args.load.seconds
    );

    let started = Instant::now();
    let until = started + Duration::from_secs(args.load.seconds);
    let tasks: Vec<_> = (0..args.load.clients)
        .map(|_| tokio::spawn(client(args.load.base.clone(), procedure.clone(), until)))
        .collect();
    let mut all = Tally::default();
    for task in tasks {
        let t = task.await.map_err(|e| format!("a client failed: {e}"))??;
        all.filings.extend(t.filings);
        all.requests.extend(t.requests);
        all.codes.extend(t.codes);
    }
    let elapsed = started.elapsed().as_secs_f64();
    let distinct: HashSet<&String> = all.codes.iter().collect();
    if distinct.len() != all.codes.len() {
        return Err(format!(
            "{} receipts but {} distinct dossier codes",
            all.codes.len(),
            distinct.len()
        )
        .into());
    }
    if all.filings.is_empty() {
        return Err("no filing completed".into());
    }
    all.filings.sort();
    all.requests.sort();
    let n = all.filings.len();
    println!(
        "| {} | {} | {:.0} | {} | {:.1} | {:.0} | {:.0} | {:.1} | {:.1} | {:.1} |",
        args.label,
        args.load.clients,
        elapsed,
        n,
        n as f64 / elapsed,
        percentile_ms(&all.filings, 50),
        percentile_ms(&all.filings, 99),
        percentile_ms(&all.requests, 50),
        percentile_ms(&all.requests, 99),
        all.requests.len() as f64 / n as f64,
    );
    Ok(())
}
