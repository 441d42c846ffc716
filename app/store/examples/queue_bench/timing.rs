//! Running a query many times and summarising: the median and the 99th percentile.

use std::time::{Duration, Instant};

use crate::BoxResult;

/// One timed line of the report.
pub struct Measured {
    pub label: String,
    pub p50: Duration,
    pub p99: Duration,
    /// What the call returned (rows of a page; 1 for a single lookup or write).
    pub rows: usize,
}

/// Calls `f` twice to warm up, then `runs` times timed; `f` returns its row count, which must
/// not change between runs.
pub async fn measure<F, Fut>(label: &str, runs: usize, mut f: F) -> BoxResult<Measured>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = BoxResult<usize>>,
{
    f().await?;
    let rows = f().await?;
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        let r = f().await?;
        times.push(t.elapsed());
        if r != rows {
            return Err(format!("{label}: {r} rows, then {rows}").into());
        }
    }
    times.sort();
    let m = Measured {
        label: label.to_string(),
        p50: percentile(&times, 50),
        p99: percentile(&times, 99),
        rows,
    };
    eprintln!("  {:<44} {:>9} ms", m.label, ms(m.p50));
    Ok(m)
}

/// The nearest-rank percentile of sorted, non-empty `times`.
pub fn percentile(times: &[Duration], p: usize) -> Duration {
    times[(times.len() * p).div_ceil(100).max(1) - 1]
}

/// Milliseconds with two decimals.
pub fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}
