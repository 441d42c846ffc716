//! Filling a store with the generated desk: the procedure, agencies and staff through the
//! store's own API, then the dossiers in bulk by the backend's fastest path.
//!
//! [`DossierStore::file_dossier`] is one transaction per dossier, far too slow for a million, so the
//! dossiers are written by a side connection that fills the same columns the store writes:
//! multi-row `INSERT`s in large transactions on SQLite (`seed/sqlite.rs`), one `COPY` on
//! PostgreSQL (`seed/postgres.rs`).

mod postgres;
mod sqlite;

use std::time::Instant;

use motcua_domain::workflow::StaffRole;
use motcua_store::{AccountKind, Agency, Backend, NewAccount, Store};
use sqlx::AnyPool;

use crate::BoxResult;
use crate::data::{AGENCIES, END, Generator, Row, STAFF_PER_AGENCY};
use motcua_store::prelude::*;

const PROCEDURE_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../demo/procedures/2.000635.000.00.00.H56.json"
);

/// Rows generated at a time (one multi-row `INSERT` on SQLite: 26 binds each, far below
/// SQLite's 32766 bind limit).
const ROWS_PER_BATCH: usize = 500;

/// The columns of `dossiers` the bulk writers fill, in the order of [`values`].
pub const COLUMNS: [&str; 26] = [
    "code",
    "procedure_id",
    "agency_code",
    "status",
    "applicant_full_name",
    "applicant_id_number",
    "applicant_phone",
    "applicant_email",
    "applicant_address",
    "applicant_birth_date",
    "answers",
    "filed_at",
    "citizen_account_id",
    "supplement_round",
    "accepted_at",
    "due_at",
    "statutory_due_at",
    "current_step",
    "step_started_at",
    "step_due_at",
    "assignee_id",
    "paused_at",
    "resume_status",
    "finished_at",
    "updated_at",
    "search_name",
];

/// One column value, as either writer needs it.
pub enum Value<'a> {
    Text(Option<&'a str>),
    Int(Option<i64>),
}

/// The values of `r` in the order of [`COLUMNS`].
pub fn values<'a>(r: &'a Row, procedure_id: i64, agency_code: &'a str) -> [Value<'a>; 26] {
    use Value::{Int, Text};
    [
        Text(Some(&r.code)),
        Int(Some(procedure_id)),
        Text(Some(agency_code)),
        Int(Some(i64::from(r.status))),
        Text(Some(&r.full_name)),
        Text(Some(&r.id_number)),
        Text(Some(&r.phone)),
        Text(r.email.as_deref()),
        Text(Some(&r.address)),
        Text(Some(&r.birth_date)),
        Text(Some(&r.answers)),
        Text(Some(&r.filed_at)),
        Int(None),
        Int(Some(r.supplement_round)),
        Text(r.accepted_at.as_deref()),
        Text(r.due_at.as_deref()),
        Text(r.statutory_due_at.as_deref()),
        Text(r.current_step.as_deref()),
        Text(r.step_started_at.as_deref()),
        Text(r.step_due_at.as_deref()),
        Int(r.assignee_id),
        Text(r.paused_at.as_deref()),
        Int(r.resume_status.map(i64::from)),
        Text(r.finished_at.as_deref()),
        Text(Some(&r.updated_at)),
        Text(Some(&r.search_name)),
    ]
}

/// The generated dossiers in batches, for a writer to drain.
pub struct Batches {
    generator: Generator,
    n: usize,
    done: usize,
    pub procedure_id: i64,
    pub agencies: Vec<String>,
    started: Instant,
}

impl Batches {
    /// The next batch, or `None` when all `n` are out.
    pub fn next_batch(&mut self) -> Option<Vec<Row>> {
        if self.done >= self.n {
            return None;
        }
        let upto = (self.done + ROWS_PER_BATCH).min(self.n);
        let rows: Vec<Row> = (self.done..upto).map(|i| self.generator.row(i)).collect();
        self.done = upto;
        if self.done.is_multiple_of(50_000) || self.done == self.n {
            eprint!(
                "\r  {} / {} dossiers ({:.0} s)",
                self.done,
                self.n,
                self.started.elapsed().as_secs_f64()
            );
        }
        Some(rows)
    }

    /// The agency code of a generated row.
    pub fn agency_of(&self, r: &Row) -> &str {
        &self.agencies[r.agency]
    }
}

/// Fills the (empty) store at `url` with `n` dossiers.
pub async fn populate(store: &Store, url: &str, n: usize) -> BoxResult<()> {
    let text = std::fs::read_to_string(PROCEDURE_FILE)?;
    let procedure = motcua_domain::check::parse_procedure(&text).map_err(|problems| {
        problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    store
        .import_procedure(&procedure, &serde_json::to_string(&procedure)?, END)
        .await?;
    let procedure_id = store
        .current_procedure(&procedure.code, END.date())
        .await?
        .ok_or("imported procedure not in effect")?
        .id;
    let agencies: Vec<String> = (0..AGENCIES)
        .map(|i| format!("000.{:02}.31.H56", i + 1))
        .collect();
    let staff = staff(store, &agencies).await?;
    let codes = agencies
        .iter()
        .map(|a| a.parse())
        .collect::<Result<Vec<_>, _>>()?;
    store.set_receivers(&procedure.code, &codes).await?;

    let mut batches = Batches {
        generator: Generator::new(n, agencies.clone(), staff),
        n,
        done: 0,
        procedure_id,
        agencies,
        started: Instant::now(),
    };
    match store.backend() {
        Backend::Sqlite => sqlite::write(url, &mut batches).await?,
        Backend::Postgres => postgres::write(url, &mut batches).await?,
    }
    eprintln!();
    let insert_time = batches.started.elapsed();
    sequences(url, &batches).await?;
    let t = Instant::now();
    match store.backend() {
        Backend::Sqlite => sqlite::analyze(url).await?,
        Backend::Postgres => postgres::analyze(url).await?,
    }
    eprintln!(
        "  inserted in {:.1} s, statistics (and checkpoint) {:.1} s",
        insert_time.as_secs_f64(),
        t.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The agencies, and their staff: one account per role, ids in role order.
async fn staff(store: &Store, agencies: &[String]) -> BoxResult<Vec<Vec<i64>>> {
    let roles = [
        StaffRole::Reception,
        StaffRole::Specialist,
        StaffRole::Leader,
        StaffRole::Clerk,
    ];
    let mut staff = vec![];
    for (i, code) in agencies.iter().enumerate() {
        store
            .upsert_agency(&Agency {
                code: code.parse()?,
                name: format!("UBND xã Thử Nghiệm {}", i + 1),
                level: "commune".into(),
                unit_code: None,
            })
            .await?;
        let mut ids = vec![];
        for (k, role) in roles.iter().enumerate().take(STAFF_PER_AGENCY) {
            let account = NewAccount {
                kind: AccountKind::Staff,
                login: format!("canbo{}_{}", i + 1, k + 1),
                full_name: format!("Cán bộ {} {}", i + 1, k + 1),
                phone: None,
                email: None,
                agency_code: Some(code.parse()?),
                password_hash: "$argon2id$v=19$m=19456,t=2,p=1$YmVuY2g$YmVuY2g".into(),
                roles: vec![*role],
            };
            ids.push(store.create_account(&account, END).await?);
        }
        staff.push(ids);
    }
    Ok(staff)
}

/// The per-day counters, so that filing into this database continues the sequences: a few
/// thousand rows, portable SQL through `Any`.
async fn sequences(url: &str, batches: &Batches) -> BoxResult<()> {
    let pool = AnyPool::connect(url).await?;
    let mut tx = pool.begin().await?;
    for ((agency, day), last) in &batches.generator.sequences {
        sqlx::query("INSERT INTO dossier_sequences (agency_code, day, last) VALUES ($1, $2, $3)")
            .bind(&batches.agencies[*agency])
            .bind(day.to_string())
            .bind(i64::from(*last))
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    pool.close().await;
    Ok(())
}
