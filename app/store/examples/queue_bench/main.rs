//! How fast are the staff queues ([`WorkflowStore::queue`]) when the store holds a million dossiers,
//! on SQLite and on PostgreSQL?
//!
//! ```text
//! CARGO_TARGET_DIR=/work/target-bench cargo run --release -p motcua-store \
//!     --example queue_bench -- [URL] [--n 1000000] [--runs 200] [--reuse]
//! ```
//!
//! `URL` is a store URL: `sqlite://PATH` (a file that must not exist yet, kept afterwards;
//! default: a file in a temporary directory) or `postgres://USER@HOST:PORT/NAME` (created
//! when the server has no database of that name; it must hold no dossier yet). The example
//! opens the store there, imports one demo procedure, creates 10 agencies with four staff
//! each, and writes `--n` dossiers spread over two years with a realistic status mix
//! (`data.rs`, written in bulk by `seed.rs`). `--reuse` skips all that for a database filled
//! by an earlier run.
//!
//! Then it times the calls the staff queue page makes, `WorkflowStore::queue` (the median and 99th
//! percentile of `--runs` runs after a warm-up), and the public lookup's (`DossierStore::dossier`
//! and the miss counter of the guessing limit), prints a Markdown table, and prints the
//! database's plan for a few queue pages (`WorkflowStore::explain_queue`: the very statement, with
//! the backend's `EXPLAIN`).

mod data;
mod seed;
mod side;
mod timing;

use std::error::Error;
use std::time::{Duration, Instant};

use motcua_store::{Backend, BlobLocation, QueueKind, QueueQuery, Store};
use time::OffsetDateTime;

use motcua_store::prelude::*;
use side::{Side, Targets};
use timing::{Measured, measure, ms};

type BoxResult<T> = Result<T, Box<dyn Error>>;

/// The queue page size of the staff pages (`app/src/api/staff.rs`), which ask for one more row
/// to know whether a next page exists.
const PAGE_SIZE: u32 = 25;

struct Args {
    url: Option<String>,
    n: usize,
    runs: usize,
    reuse: bool,
}

fn args() -> BoxResult<Args> {
    let mut a = Args {
        url: None,
        n: 1_000_000,
        runs: 200,
        reuse: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--n" => a.n = value()?.replace('_', "").parse()?,
            "--runs" => a.runs = value()?.parse()?,
            "--reuse" => a.reuse = true,
            url if !url.starts_with("--") && a.url.is_none() => a.url = Some(url.to_string()),
            other => {
                return Err(format!(
                    "unknown argument {other}; usage: queue_bench [URL] [--n N] [--runs R] \
                     [--reuse]"
                )
                .into());
            }
        }
    }
    if a.reuse && a.url.is_none() {
        return Err("--reuse needs the URL of a database filled earlier".into());
    }
    a.runs = a.runs.max(1);
    Ok(a)
}

/// The queue pages a member of staff opens, as the staff pages ask for them.
fn cases(t: &Targets) -> Vec<(&'static str, QueueQuery)> {
    let base = QueueQuery {
        agency_code: t
            .agency
            .parse()
            .expect("the agencies table holds agency codes"),
        kind: QueueKind::New,
        search: String::new(),
        procedure_code: None,
        descending: false,
        offset: 0,
        limit: PAGE_SIZE + 1,
    };
    let with = |label, f: &dyn Fn(&mut QueueQuery)| {
        let mut q = base.clone();
        f(&mut q);
        (label, q)
    };
    let all = |q: &mut QueueQuery, search: &str| {
        q.kind = QueueKind::All;
        q.search = search.to_string();
    };
    vec![
        with("New, page 1", &|_| {}),
        with("New, page 40", &|q| q.offset = 39 * PAGE_SIZE),
        with("InProcess, page 1", &|q| q.kind = QueueKind::InProcess),
        with("MySteps(account), page 1", &|q| {
            q.kind = QueueKind::MySteps(t.account)
        }),
        with("WaitingCitizen, page 1", &|q| {
            q.kind = QueueKind::WaitingCitizen
        }),
        with("ResultReady, page 1", &|q| q.kind = QueueKind::ResultReady),
        with("All, newest first, page 1", &|q| {
            all(q, "");
            q.descending = true;
        }),
        with("All, search exact dossier code", &|q| all(q, &t.code)),
        with("All, search ID number", &|q| all(q, &t.id_number)),
        with("All, search name \"nguyen van an\"", &|q| {
            all(q, "nguyen van an")
        }),
        with("New, search name \"nguyen van an\"", &|q| {
            q.search = "nguyen van an".into()
        }),
        with("All, procedure code", &|q| {
            all(q, "");
            q.procedure_code = Some(t.procedure_code.clone());
        }),
    ]
}

/// The plans printed after the table.
const EXPLAINED: [&str; 5] = [
    "New, page 1",
    "MySteps(account), page 1",
    "All, newest first, page 1",
    "All, search ID number",
    "All, search name \"nguyen van an\"",
];

/// Opens the store at `url` (its uploads in `files`), filling it first unless `reuse`.
/// Returns the time a second open took (migrations already applied), as a server start.
async fn prepare(url: &str, files: &std::path::Path, n: usize, reuse: bool) -> BoxResult<Duration> {
    let backend = Backend::of_url(url)?;
    if backend == Backend::Postgres {
        side::create_postgres_database(url).await?;
    }
    let files = BlobLocation::LocalDir(files.to_path_buf());
    let store = Store::open_with_files(url, Some(&files)).await?;
    if !reuse {
        let side = Side::connect(url, backend).await?;
        let existing = side.dossiers().await?;
        side.close().await;
        if existing > 0 {
            return Err(format!(
                "the database already holds {existing} dossiers: pass --reuse, or give a \
                 fresh one"
            )
            .into());
        }
        eprintln!("filling the database with {n} dossiers ...");
        seed::populate(&store, url, n).await?;
    }
    store.close().await;
    let t = Instant::now();
    let store = Store::open_with_files(url, Some(&files)).await?;
    let open_time = t.elapsed();
    store.close().await;
    Ok(open_time)
}

/// The public lookup's database calls: the dossier by its code, and the miss counter of the
/// guessing limit (read on every lookup, written on a miss).
async fn lookup_cases(store: &Store, t: &Targets, runs: usize) -> BoxResult<Vec<Measured>> {
    let window = time::Duration::minutes(5);
    let client = "203.0.113.7";
    Ok(vec![
        measure("Lookup: Store::dossier by code", runs, || async {
            Ok(usize::from(
                store.dossier(&t.code.parse()?).await?.is_some(),
            ))
        })
        .await?,
        measure("Lookup: Store::record_miss (a write)", runs, || async {
            store
                .record_miss("bench", client, window, OffsetDateTime::now_utc())
                .await?;
            Ok(1)
        })
        .await?,
        measure("Lookup: Store::misses (a read)", runs, || async {
            let misses = store
                .misses("bench", client, window, OffsetDateTime::now_utc())
                .await?;
            Ok(usize::from(misses.is_some()))
        })
        .await?,
    ])
}

#[tokio::main]
async fn main() -> BoxResult<()> {
    let args = args()?;
    let temp = tempfile::TempDir::new()?;
    let url = args
        .url
        .clone()
        .unwrap_or_else(|| format!("sqlite://{}/motcua.db", temp.path().display()));
    let backend = Backend::of_url(&url)?;
    if backend == Backend::Sqlite && !args.reuse {
        let path = url
            .trim_start_matches("sqlite://")
            .trim_start_matches("sqlite:");
        if std::path::Path::new(path).exists() {
            return Err(format!("{path} exists; remove it or pass --reuse").into());
        }
    }
    let files = temp.path().join("files");
    let open_time = prepare(&url, &files, args.n, args.reuse).await?;

    // A fresh store, as the server would have it, and a side connection for the rest.
    let store = Store::open_with_files(&url, Some(&BlobLocation::LocalDir(files))).await?;
    let side = Side::connect(&url, backend).await?;
    let targets = side.targets().await?;
    let about = side.about(&targets.agency).await?;
    side.close().await;
    println!(
        "{}; {} dossiers ({} of agency {}); database {:.0} MB; Store::open took {} ms",
        about.version,
        about.dossiers,
        about.of_agency,
        targets.agency,
        about.bytes as f64 / 1e6,
        ms(open_time)
    );

    let cases = cases(&targets);
    let mut results = vec![];
    for (label, q) in &cases {
        results.push(
            measure(label, args.runs, || async {
                Ok(store.queue(q).await?.len())
            })
            .await?,
        );
    }
    results.extend(lookup_cases(&store, &targets, args.runs).await?);

    println!();
    println!(
        "| query (agency {}, limit {}, {} runs) | p50 ms | p99 ms | rows |",
        targets.agency,
        PAGE_SIZE + 1,
        args.runs
    );
    println!("|---|---:|---:|---:|");
    for m in &results {
        println!(
            "| {} | {} | {} | {} |",
            m.label,
            ms(m.p50),
            ms(m.p99),
            m.rows
        );
    }
    println!();
    for (label, q) in cases.iter().filter(|(l, _)| EXPLAINED.contains(l)) {
        println!("Plan ({backend:?}), {label}:");
        for line in store.explain_queue(q).await? {
            println!("  {line}");
        }
    }
    let slow: Vec<&Measured> = results
        .iter()
        .filter(|m| m.p50 > Duration::from_millis(50))
        .collect();
    if !slow.is_empty() {
        println!();
        println!("Slower than 50 ms (median):");
        for m in slow {
            println!("  {}: {} ms", m.label, ms(m.p50));
        }
    }
    store.close().await;
    Ok(())
}
