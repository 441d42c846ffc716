//! Importing procedure definitions and administrative units from files.

use std::path::{Path, PathBuf};

use motcua_core::calendar::{self, CalendarRow, ImportError};
use motcua_domain::check::parse_procedure;
use motcua_domain::procedure::{Level, Procedure};
use motcua_store::prelude::*;
use motcua_store::{ImportOutcome, Store, StoreError, Unit};

/// What an import printed and how many files failed.
#[derive(Default, Debug)]
pub struct Report {
    pub lines: Vec<String>,
    pub imported: usize,
    pub failed: usize,
}

/// The `.json` files named, and those directly inside folders named, in a stable order.
fn json_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = vec![];
    for p in paths {
        if p.is_dir() {
            let mut inner: Vec<PathBuf> = std::fs::read_dir(p)
                .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
                .unwrap_or_default();
            inner.retain(|f| f.extension().is_some_and(|e| e == "json"));
            inner.sort();
            files.extend(inner);
        } else {
            files.push(p.clone());
        }
    }
    files
}

/// Imports every procedure file under `paths`. Each file is all or nothing: a file with any
/// problem imports nothing and every problem is reported with its JSON path. A new version
/// is recorded as imported at `now`.
pub async fn import_paths(store: &Store, paths: &[PathBuf], now: time::OffsetDateTime) -> Report {
    let mut report = Report::default();
    for file in json_files(paths) {
        let shown = file.display();
        let text = match std::fs::read_to_string(&file) {
            Ok(t) => t,
            Err(e) => {
                report.failed += 1;
                report.lines.push(format!("{shown}: cannot read: {e}"));
                continue;
            }
        };
        let procedure = match parse_procedure(&text) {
            Ok(p) => p,
            Err(problems) => {
                report.failed += 1;
                report.lines.push(format!(
                    "{shown}: {} problem(s), nothing imported",
                    problems.len()
                ));
                report
                    .lines
                    .extend(problems.iter().map(|p| format!("  {p}")));
                continue;
            }
        };
        // Compare versions by their meaning, not their whitespace.
        let canonical = serde_json::to_string(&procedure).unwrap_or_default();
        match store.import_procedure(&procedure, &canonical, now).await {
            Ok(outcome) => {
                report.imported += 1;
                if let Err(e) = assign_default_receivers(store, &procedure).await {
                    report
                        .lines
                        .push(format!("{shown}: receiving desks not set: {e}"));
                }
                let what = match outcome {
                    ImportOutcome::Inserted => "imported",
                    ImportOutcome::Unchanged => "unchanged",
                };
                report.lines.push(format!(
                    "{shown}: {} version {} {what}",
                    procedure.code, procedure.version
                ));
            }
            Err(e) => {
                report.failed += 1;
                report.lines.push(format!("{shown}: {e}"));
            }
        }
    }
    report
}

/// Gives a procedure that no desk receives yet its default desks, so that it can be filed
/// as soon as it is imported: every commune People's Committee for a commune-level
/// procedure, the first province-level agency otherwise. Desks already assigned are kept.
pub async fn assign_default_receivers(store: &Store, p: &Procedure) -> Result<(), StoreError> {
    if !store.receivers(&p.code).await?.is_empty() {
        return Ok(());
    }
    let level = match p.level {
        Level::Commune => "commune",
        Level::Province => "province",
    };
    let mut desks: Vec<motcua_domain::ids::AgencyCode> = store
        .agencies()
        .await?
        .into_iter()
        .filter(|a| a.level == level)
        .map(|a| a.code)
        .collect();
    if p.level == Level::Province {
        desks.truncate(1);
    }
    store.set_receivers(&p.code, &desks).await
}

/// Reads administrative units from a CSV file (`code,name,level,parent_code`). A bad row is
/// reported with its line number and nothing is imported.
pub fn read_units(file: &Path) -> Result<Vec<Unit>, String> {
    let reader = std::fs::File::open(file).map_err(|e| format!("{}: {e}", file.display()))?;
    parse_units(reader, &file.display().to_string())
}

/// [`read_units`] from any reader; `source` names it in messages.
pub fn parse_units(input: impl std::io::Read, source: &str) -> Result<Vec<Unit>, String> {
    let mut reader = csv_with_header(input, source, &["code", "name", "level", "parent_code"])?;
    let mut units = vec![];
    for (i, row) in reader.records().enumerate() {
        let line = i + 2;
        let row = row.map_err(|e| format!("{source}: line {line}: {e}"))?;
        let get = |k: usize| row.get(k).unwrap_or("").trim().to_string();
        let (code, name, level, parent) = (get(0), get(1), get(2), get(3));
        let bad = |why: &str| Err(format!("{source}: line {line}: {why}"));
        if code.is_empty() || name.is_empty() {
            return bad("code and name are required");
        }
        match level.as_str() {
            "province" => {}
            "commune" if !parent.is_empty() => {}
            "commune" => return bad("a commune needs its parent_code (the province)"),
            _ => return bad("level must be province or commune"),
        }
        units.push(Unit {
            code,
            name: motcua_domain::validate::nfc(&name),
            level,
            parent_code: (!parent.is_empty()).then_some(parent),
        });
    }
    Ok(units)
}

/// Opens a CSV file whose first line must be exactly `expected` (a byte-order mark, which
/// spreadsheet programs often write, is ignored).
fn open_csv(file: &Path, expected: &[&str]) -> Result<csv::Reader<std::fs::File>, String> {
    let input = std::fs::File::open(file).map_err(|e| format!("{}: {e}", file.display()))?;
    csv_with_header(input, &file.display().to_string(), expected)
}

/// A CSV reader over `input` whose header line must be exactly `expected`.
fn csv_with_header<R: std::io::Read>(
    input: R,
    source: &str,
    expected: &[&str],
) -> Result<csv::Reader<R>, String> {
    let mut reader = csv::Reader::from_reader(input);
    let headers = reader
        .headers()
        .map_err(|e| format!("{source}: {e}"))?
        .clone();
    let header: Vec<&str> = headers
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim())
        .collect();
    if header != expected {
        return Err(format!(
            "{source}: line 1: the header must be {}",
            expected.join(",")
        ));
    }
    Ok(reader)
}

/// Reads the rows of a working-calendar file (`date,kind,name`); their rules are the core's
/// (`motcua_core::calendar::import`).
fn read_calendar(file: &Path) -> Result<Vec<CalendarRow>, String> {
    let mut reader = open_csv(file, &["date", "kind", "name"])?;
    let mut rows = vec![];
    for (i, row) in reader.records().enumerate() {
        let line = i + 2;
        let row = row.map_err(|e| format!("{}: line {line}: {e}", file.display()))?;
        let get = |k: usize| row.get(k).unwrap_or("").to_string();
        rows.push(CalendarRow {
            line,
            date: get(0),
            kind: get(1),
            name: get(2),
        });
    }
    Ok(rows)
}

/// `motcua calendar import FILE`: replaces the rows for the dates the file names. A bad row
/// is reported with its line number, and nothing is applied.
pub async fn import_calendar(store: &Store, file: &Path) -> Result<usize, String> {
    let rows = read_calendar(file)?;
    let origin = motcua_core::audit::Origin::command_line();
    let now = time::OffsetDateTime::now_utc();
    calendar::import(store, rows, &origin, now)
        .await
        .map_err(|e| match e {
            ImportError::Row { .. } => format!("{}: {e}", file.display()),
            ImportError::Store(e) => e.to_string(),
        })
}

pub async fn import_units(store: &Store, file: &Path) -> Result<usize, String> {
    let units = read_units(file)?;
    store.import_units(&units).await.map_err(|e| e.to_string())
}
