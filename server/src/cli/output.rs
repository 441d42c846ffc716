//! What a subcommand prints for the operator (an import's report, a due moment, "N units
//! imported") and its final complaint. This is the program's output, not a log line: it
//! goes to standard output (or standard error for a failure) as plain lines, whatever
//! `RUST_LOG` says, so that scripts can read it.

use std::io::Write;

/// One line of the result, on standard output.
pub fn say(line: &str) {
    write_line(&mut std::io::stdout().lock(), line);
}

/// One line saying why the command failed, on standard error.
pub fn complain(line: &str) {
    write_line(&mut std::io::stderr().lock(), line);
}

/// A failed write (output piped into `head`, which has gone) is not worth a panic, which is
/// what the standard printing macros would do.
fn write_line(out: &mut impl Write, line: &str) {
    let _ = writeln!(out, "{line}");
}
