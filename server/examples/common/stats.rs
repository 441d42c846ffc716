//! What the benchmarks report of a set of times.

use std::time::Duration;

/// The nearest-rank percentile of sorted, non-empty `times`, in milliseconds.
pub fn percentile_ms(times: &[Duration], p: usize) -> f64 {
    let i = (times.len() * p).div_ceil(100).max(1) - 1;
    times[i].as_secs_f64() * 1000.0
}
