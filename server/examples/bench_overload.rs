//! Many clients at once against a running server: how many are served, how many are told
//! to come back (503 with `Retry-After`), and how long each waited.
//!
//! ```text
//! cargo run -p motcua --example bench_overload -- --base http://127.0.0.1:3000 \
//!     [--clients 8] [--seconds 15] [--path /thu-tuc] [--label "max 8"]
//! ```
//!
//! `--clients` clients each GET `--path` one request after another (each on a new
//! connection, as many phones are) for `--seconds`. A request's time is to its whole body.
//! Prints one Markdown table row (the runner, `scripts/bench-overload.sh`, prints the
//! header): requests, served (200) per second, refused (503) and how many of those said
//! `Retry-After`, failures (no answer within 30 s, or another status), and the median and
//! 99th percentile of the served and of the refused.

#[path = "common/load.rs"]
mod load;
#[path = "common/stats.rs"]
mod stats;

use std::error::Error;
use std::time::{Duration, Instant};

use stats::percentile_ms;

type BoxResult<T> = Result<T, Box<dyn Error + Send + Sync>>;

/// How long a client waits for an answer before counting the request as failed: about as
/// long as a person on a phone waits before giving up.
const PATIENCE: Duration = Duration::from_secs(30);

/// What the benchmark is told.
#[derive(clap::Parser)]
#[command(name = "bench_overload")]
struct Args {
    #[command(flatten)]
    load: load::Load,
    /// The page every client asks for.
    #[arg(long, default_value = "/thu-tuc")]
    path: String,
    /// The first column of the row printed.
    #[arg(long, default_value = "")]
    label: String,
}

fn args() -> Args {
    let mut a = <Args as clap::Parser>::parse();
    a.load = a.load.normalised();
    a
}

/// What the clients saw.
#[derive(Default)]
struct Tally {
    served: Vec<Duration>,
    refused: Vec<Duration>,
    /// Refusals that said when to come back.
    with_retry_after: usize,
    failed: usize,
}

async fn client(url: String, until: Instant) -> BoxResult<Tally> {
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .timeout(PATIENCE)
        .build()?;
    let mut tally = Tally::default();
    while Instant::now() < until {
        let started = Instant::now();
        let answer = match http.get(&url).send().await {
            Ok(res) => {
                let status = res.status().as_u16();
                let retry_after = res.headers().contains_key(reqwest::header::RETRY_AFTER);
                res.bytes().await.map(|_| (status, retry_after))
            }
            Err(e) => Err(e),
        };
        match answer {
            Ok((200, _)) => tally.served.push(started.elapsed()),
            Ok((503, retry_after)) => {
                tally.refused.push(started.elapsed());
                tally.with_retry_after += usize::from(retry_after);
                // A refused phone comes back later, not at once.
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            _ => tally.failed += 1,
        }
    }
    Ok(tally)
}

fn median_and_p99(times: &mut [Duration]) -> (String, String) {
    if times.is_empty() {
        return ("–".into(), "–".into());
    }
    times.sort();
    (
        format!("{:.0}", percentile_ms(times, 50)),
        format!("{:.0}", percentile_ms(times, 99)),
    )
}

#[tokio::main]
async fn main() -> BoxResult<()> {
    let args = args();
    let url = format!("{}{}", args.load.base, args.path);
    let first = reqwest::get(&url).await?;
    if !first.status().is_success() {
        return Err(format!("{url} answered {} before any load", first.status()).into());
    }
    eprintln!(
        "  {} clients for {} s on {url} ...",
        args.load.clients, args.load.seconds
    );
    let started = Instant::now();
    let until = started + Duration::from_secs(args.load.seconds);
    let tasks: Vec<_> = (0..args.load.clients)
        .map(|_| tokio::spawn(client(url.clone(), until)))
        .collect();
    let mut all = Tally::default();
    for task in tasks {
        let t = task.await.map_err(|e| format!("a client failed: {e}"))??;
        all.served.extend(t.served);
        all.refused.extend(t.refused);
        all.with_retry_after += t.with_retry_after;
        all.failed += t.failed;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let (served_p50, served_p99) = median_and_p99(&mut all.served);
    let (refused_p50, refused_p99) = median_and_p99(&mut all.refused);
    println!(
        "| {} | {} | {:.0} | {} | {:.1} | {} | {} | {} | {} | {} | {} | {} |",
        args.label,
        args.load.clients,
        elapsed,
        all.served.len() + all.refused.len() + all.failed,
        all.served.len() as f64 / elapsed,
        all.refused.len(),
        all.with_retry_after,
        all.failed,
        served_p50,
        served_p99,
        refused_p50,
        refused_p99,
    );
    Ok(())
}
