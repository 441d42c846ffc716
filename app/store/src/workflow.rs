//! Moving dossiers through the workflow, staff queues, supplement rounds and the files that
//! moves carry. The rules (which move is allowed, the due moments) are the domain's; this
//! module writes what the web layer decided, atomically and only if nobody moved the
//! dossier in between.

use motcua_domain::ids::{AgencyCode, DossierCode};
use motcua_domain::workflow::{EventDetails, Status, WorkflowState};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;

use crate::dossiers::{DOSSIER_COLUMNS, DossierRow, load_dossier};
use crate::drafts::insert_file_row;
use crate::{
    AuditEntry, Dossier, DossierStore, Event, Result, Store, StoreError, parse_json, to_json, ts,
};

/// A file that a move carries: a result document, or a scan attached by staff.
#[derive(Clone, Debug)]
pub struct NewAttachment {
    /// What it is, e.g. `"result"`.
    pub kind: String,
    pub original_name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// A stored attachment of an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub id: i64,
    pub event_id: i64,
    pub kind: String,
    pub original_name: String,
    pub content_type: String,
    pub size: u64,
    pub sha256: String,
}

/// A document file the citizen sends with a supplement answer.
#[derive(Clone, Debug)]
pub struct NewDocument {
    pub document_id: String,
    pub original_name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// The citizen's answer to a supplement request: the answers after the change (the previous
/// ones are kept as a version) and the new files; the current files of the documents in
/// `replace_documents` are marked superseded (kept, no longer current).
#[derive(Clone, Debug)]
pub struct SupplementAnswer {
    pub answers: Value,
    pub replace_documents: Vec<String>,
    pub documents: Vec<NewDocument>,
}

/// One move, as decided by the web layer with the domain rules.
#[derive(Clone, Debug)]
pub struct Transition {
    /// The move is written only if the dossier is still in this status and step, and (when
    /// given) still at `expected_version` ([`crate::Dossier::version`]): a stale page, a
    /// double submit or two officers acting at once cannot move it twice, not even by a move
    /// that keeps the status (an apology, 4→4). `None` for the later moves of one
    /// [`WorkflowStore::apply_transitions`], each checked against the state the previous one left.
    pub expected_status: Status,
    pub expected_step: Option<String>,
    pub expected_version: Option<i64>,
    pub to_status: Status,
    pub at: OffsetDateTime,
    pub actor: String,
    pub actor_account_id: Option<i64>,
    pub step: Option<String>,
    pub reason: Option<String>,
    /// The kind of move and what it records about itself.
    pub details: EventDetails,
    /// The whole workflow state after the move.
    pub state: WorkflowState,
    pub attachments: Vec<NewAttachment>,
    pub supplement: Option<SupplementAnswer>,
}

/// Which staff queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QueueKind {
    /// Filed online, not yet checked (status 1).
    New,
    /// Process steps assigned to this account (status 4).
    MySteps(i64),
    /// In process, whoever holds the step (status 4).
    InProcess,
    /// Waiting for the citizen: supplement (5) or fee (6).
    WaitingCitizen,
    /// Result ready to return (status 9).
    ResultReady,
    /// Every dossier of the agency, whatever its status (for search).
    All,
}

/// What a queue page asks for.
#[derive(Clone, Debug)]
pub struct QueueQuery {
    pub agency_code: AgencyCode,
    pub kind: QueueKind,
    /// Matched against the code (prefix), the applicant's ID number (exact) and the folded
    /// applicant name (contains). Empty: no filter.
    pub search: String,
    /// Only dossiers of this procedure code.
    pub procedure_code: Option<String>,
    /// Latest due first instead of soonest first.
    pub descending: bool,
    pub offset: u32,
    pub limit: u32,
}

/// One line of a queue.
#[derive(Clone, Debug, PartialEq)]
pub struct QueueRow {
    pub dossier: Dossier,
    pub procedure_code: String,
    pub procedure_name_vi: String,
}

/// A dossier's life after filing: transitions, queues, attachments, answers, reports.
pub trait WorkflowStore: Send + Sync {
    /// Writes one move: the event, its attachments, the new workflow state and, for a
    /// supplement answer, the new answers and files, in one transaction. Refused with
    /// `Conflict` (and nothing written) when the dossier is no longer in the expected status
    /// and step, or has moved past `expected_version`.
    fn apply_transition(
        &self,
        code: &DossierCode,
        t: &Transition,
    ) -> impl Future<Output = Result<Event>> + Send;

    /// Writes several moves of one dossier in order, in one transaction: all or none
    /// (acceptance is 1→2 and 2→4 at once). Each is checked against the state the previous
    /// one left. `trail`, the audit entry of the act, is written in the same transaction:
    /// a move is never on record without it, nor it without the move.
    fn apply_transitions(
        &self,
        code: &DossierCode,
        moves: &[Transition],
        trail: Option<&AuditEntry>,
    ) -> impl Future<Output = Result<Vec<Event>>> + Send;

    /// A page of a staff queue of one agency.
    ///
    /// Every queue is read in the order of an index that starts with the agency (and the
    /// status), so a page costs the same at a million dossiers as at a hundred: see
    /// `docs/performance.md` and `examples/queue_bench/`. Hence the sort column is one the
    /// queue's index holds, and is NULL-free except in the waiting queue (a supplement asked
    /// for before acceptance has no due moment yet; those sort last). Offset pagination is
    /// enough: staff page through a queue, they do not jump to page 4,000.
    ///
    /// A search first looks for exactly the dossier code or ID number typed ([`Search::Exact`],
    /// two look-ups in the indexes of those columns), and only when nothing is exactly that
    /// searches broadly (a code prefix, the ID number, or part of the name). SQLite tests the
    /// broad search on the agency's covering index, PostgreSQL on the agency's rows. (A trigram
    /// index of `search_name` was tried and dropped: slower for a common name at a million
    /// dossiers, see docs/performance.md.)
    fn queue(&self, q: &QueueQuery) -> impl Future<Output = Result<Vec<QueueRow>>> + Send;

    /// The database's plan for [`WorkflowStore::queue`] with `q`, one line per step: for benchmarks
    /// and for an operator wondering why a queue is slow. With a search, the plans of both
    /// statements, each under a line naming it.
    fn explain_queue(&self, q: &QueueQuery) -> impl Future<Output = Result<Vec<String>>> + Send;

    /// The dossiers of a citizen account, newest first.
    fn dossiers_of_citizen(
        &self,
        account_id: i64,
    ) -> impl Future<Output = Result<Vec<Dossier>>> + Send;

    /// The answers as they were before each supplement round: `(round, answers)`, oldest
    /// first. Round `n` holds what round `n` replaced.
    fn answer_versions(
        &self,
        code: &DossierCode,
    ) -> impl Future<Output = Result<Vec<(i64, Value)>>> + Send;

    /// Every document file of a dossier, superseded ones included, with their round and
    /// whether they are superseded: `(file, round, superseded)`.
    fn dossier_document_history(
        &self,
        code: &DossierCode,
    ) -> impl Future<Output = Result<Vec<(crate::UploadedFile, i64, bool)>>> + Send;

    /// The attachments of every event of a dossier, in order.
    fn attachments(
        &self,
        code: &DossierCode,
    ) -> impl Future<Output = Result<Vec<Attachment>>> + Send;

    /// The dossiers of an agency received (accepted) in `[from, to)`, for the tracking book
    /// (slip 07), in order of acceptance.
    fn dossiers_accepted_between(
        &self,
        agency_code: &AgencyCode,
        from: OffsetDateTime,
        to: OffsetDateTime,
    ) -> impl Future<Output = Result<Vec<QueueRow>>> + Send;
}

impl WorkflowStore for Store {
    async fn apply_transition(&self, code: &DossierCode, t: &Transition) -> Result<Event> {
        let mut events = self
            .apply_transitions(code, std::slice::from_ref(t), None)
            .await?;
        events
            .pop()
            .ok_or_else(|| StoreError::Corrupt("no event written".into()))
    }

    async fn apply_transitions(
        &self,
        code: &DossierCode,
        moves: &[Transition],
        trail: Option<&AuditEntry>,
    ) -> Result<Vec<Event>> {
        // Bytes first, durably, so that no committed row points at missing bytes.
        let mut blobs = Vec::new();
        for t in moves {
            let mut attached = Vec::new();
            for a in &t.attachments {
                attached.push(self.write_bytes(&a.bytes, t.at).await?);
            }
            let mut documents = Vec::new();
            if let Some(s) = &t.supplement {
                for d in &s.documents {
                    documents.push(self.write_bytes(&d.bytes, t.at).await?);
                }
            }
            blobs.push((attached, documents));
        }
        let mut tx = self.begin_rows().await?;
        // Every file row of the moves first, in hash order: two transactions that record
        // the same files then take their index locks in the same order, so on PostgreSQL
        // they wait for each other instead of deadlocking.
        let mut files: Vec<&(String, i64)> =
            blobs.iter().flat_map(|(a, d)| a.iter().chain(d)).collect();
        files.sort();
        files.dedup();
        // The files arrive with the moves: recorded at the moment of the first one, the
        // caller's clock, not this machine's.
        let first_move = moves.first().map(|t| t.at);
        let now = ts(first_move.unwrap_or_else(OffsetDateTime::now_utc))?;
        for (sha, size) in files {
            insert_file_row(&mut tx, sha, *size, &now).await?;
        }
        let mut ids = Vec::new();
        let lock = self.backend.for_update();
        for (t, (attached, documents)) in moves.iter().zip(&blobs) {
            ids.push(write_transition(&mut tx, code, t, attached, documents, lock).await?);
        }
        if let Some(entry) = trail {
            crate::audit::insert_entry(&mut tx, entry).await?;
        }
        tx.commit().await?;
        let events = self.events(code).await?;
        Ok(events.into_iter().filter(|e| ids.contains(&e.id)).collect())
    }

    async fn queue(&self, q: &QueueQuery) -> Result<Vec<QueueRow>> {
        if !q.search.trim().is_empty() {
            let exact = self.queue_rows(q, Search::Exact).await?;
            if !exact.is_empty() {
                return Ok(exact.into_iter().skip(q.offset as usize).collect());
            }
        }
        self.queue_rows(q, Search::Broad).await
    }

    async fn explain_queue(&self, q: &QueueQuery) -> Result<Vec<String>> {
        use sqlx::Row;
        let (explain, text_column) = self.backend.explain();
        let searches: &[Search] = if q.search.trim().is_empty() {
            &[Search::Broad]
        } else {
            &[Search::Exact, Search::Broad]
        };
        let mut lines = Vec::new();
        for &search in searches {
            if searches.len() > 1 {
                lines.push(format!("{search:?}:"));
            }
            let sql = format!("{explain}{}", queue_sql(q, search));
            let rows = sqlx::query_with(&sql, queue_args(q, search)?)
                .fetch_all(&self.pool)
                .await?;
            for row in &rows {
                lines.push(row.try_get::<String, _>(text_column)?);
            }
        }
        Ok(lines)
    }

    async fn dossiers_of_citizen(&self, account_id: i64) -> Result<Vec<Dossier>> {
        let rows: Vec<DossierRow> = sqlx::query_as(&format!(
            "SELECT {DOSSIER_COLUMNS} FROM dossiers WHERE citizen_account_id = $1
             ORDER BY filed_at DESC, code DESC"
        ))
        .bind(account_id)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(Dossier::try_from).collect()
    }

    async fn answer_versions(&self, code: &DossierCode) -> Result<Vec<(i64, Value)>> {
        let rows: Vec<(i64, String)> = sqlx::query_as(
            "SELECT round, answers FROM dossier_answer_versions WHERE dossier_code = $1
             ORDER BY round",
        )
        .bind(code.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(round, a)| Ok((round, parse_json("answer version", &a)?)))
            .collect()
    }

    async fn dossier_document_history(
        &self,
        code: &DossierCode,
    ) -> Result<Vec<(crate::UploadedFile, i64, bool)>> {
        let rows: Vec<DocumentHistoryRow> = sqlx::query_as(
            "SELECT id, document_id, original_name, content_type, size, sha256, round,
                        superseded_at
                 FROM dossier_documents WHERE dossier_code = $1 ORDER BY id",
        )
        .bind(code.as_str())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(id, document_id, original_name, content_type, size, sha256, round, sup)| {
                    (
                        crate::UploadedFile {
                            id,
                            document_id,
                            original_name,
                            content_type,
                            size: size.max(0) as u64,
                            sha256,
                        },
                        round,
                        sup.is_some(),
                    )
                },
            )
            .collect())
    }

    async fn attachments(&self, code: &DossierCode) -> Result<Vec<Attachment>> {
        let rows: Vec<(i64, i64, String, String, String, i64, String)> = sqlx::query_as(
            "SELECT a.id, a.event_id, a.kind, a.original_name, a.content_type, a.size, a.sha256
             FROM dossier_event_attachments a JOIN dossier_events e ON e.id = a.event_id
             WHERE e.dossier_code = $1 ORDER BY a.id",
        )
        .bind(code.as_str())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(id, event_id, kind, original_name, content_type, size, sha256)| Attachment {
                    id,
                    event_id,
                    kind,
                    original_name,
                    content_type,
                    size: size.max(0) as u64,
                    sha256,
                },
            )
            .collect())
    }

    async fn dossiers_accepted_between(
        &self,
        agency_code: &AgencyCode,
        from: OffsetDateTime,
        to: OffsetDateTime,
    ) -> Result<Vec<QueueRow>> {
        let columns = prefixed_columns();
        let rows: Vec<QueueSqlRow> = sqlx::query_as(&format!(
            "SELECT {columns}, p.code AS procedure_code, p.name_vi AS procedure_name_vi
             FROM dossiers d JOIN procedures p ON p.id = d.procedure_id
             WHERE d.agency_code = $1 AND d.accepted_at >= $2 AND d.accepted_at < $3
             ORDER BY d.accepted_at, d.code"
        ))
        .bind(agency_code.as_str())
        .bind(ts(from)?)
        .bind(ts(to)?)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(QueueRow::try_from).collect()
    }
}

impl Store {
    async fn queue_rows(&self, q: &QueueQuery, search: Search) -> Result<Vec<QueueRow>> {
        let sql = queue_sql(q, search);
        let rows: Vec<QueueSqlRow> = sqlx::query_as_with(&sql, queue_args(q, search)?)
            .fetch_all(&self.pool)
            .await?;
        rows.into_iter().map(QueueRow::try_from).collect()
    }
}

/// `(id, document_id, original_name, content_type, size, sha256, round, superseded_at)`.
type DocumentHistoryRow = (
    i64,
    String,
    String,
    String,
    i64,
    String,
    i64,
    Option<String>,
);

#[derive(sqlx::FromRow)]
struct QueueSqlRow {
    #[sqlx(flatten)]
    dossier: DossierRow,
    procedure_code: String,
    procedure_name_vi: String,
}

impl TryFrom<QueueSqlRow> for QueueRow {
    type Error = StoreError;
    fn try_from(r: QueueSqlRow) -> Result<QueueRow> {
        Ok(QueueRow {
            dossier: Dossier::try_from(r.dossier)?,
            procedure_code: r.procedure_code,
            procedure_name_vi: r.procedure_name_vi,
        })
    }
}

/// The dossier columns qualified with the `d.` alias, for queries joining procedures.
fn prefixed_columns() -> String {
    DOSSIER_COLUMNS
        .split(',')
        .map(|c| format!("d.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Which dossiers a queue search matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Search {
    /// Exactly the dossier code (in any case) or the applicant's ID number typed. When any
    /// dossier is, those are the answer: a whole code is a prefix of no other but a longer
    /// sequence number of that day (10,000 dossiers a day at one agency), and an ID number
    /// (12 digits) of no code and no name.
    Exact,
    /// A code prefix, the ID number, or part of the folded name; everything for an empty
    /// search.
    Broad,
}

/// The SQL of [`WorkflowStore::queue`]. Its text depends only on the queue kind, the sort
/// direction and the kind of search (closed sets); every value from the request is bound by
/// [`queue_args`].
fn queue_sql(q: &QueueQuery, search: Search) -> String {
    let (statuses, sort, nullable) = match q.kind {
        QueueKind::New => ("d.status = 1", "d.filed_at", false),
        QueueKind::MySteps(_) | QueueKind::InProcess => ("d.status = 4", "d.step_due_at", false),
        QueueKind::WaitingCitizen => ("d.status IN (5, 6)", "d.due_at", true),
        QueueKind::ResultReady => ("d.status = 9", "d.due_at", false),
        QueueKind::All => ("1 = 1", "d.filed_at", false),
    };
    let nulls_last = if nullable {
        format!("{sort} IS NULL, ")
    } else {
        String::new()
    };
    let order = if q.descending { "DESC" } else { "ASC" };
    let columns = prefixed_columns();
    let (dossiers, matches, limit) = match search {
        // The codes the two indexes find first, then their rows: `CROSS JOIN` keeps SQLite
        // from walking the agency's index in queue order instead, as it does for
        // `d.code = $6 OR d.applicant_id_number = $7`.
        Search::Exact => (
            "(SELECT code FROM dossiers WHERE code = $6
                   UNION SELECT code FROM dossiers WHERE applicant_id_number = $7) exact
                 CROSS JOIN dossiers d",
            "d.code = exact.code",
            "LIMIT $8 OFFSET $9",
        ),
        Search::Broad => (
            "dossiers d",
            "($6 = '' OR (d.code >= $7 AND d.code < $8) OR d.applicant_id_number = $9
                    OR d.search_name LIKE $10 ESCAPE '\\')",
            "LIMIT $11 OFFSET $12",
        ),
    };
    // The SQL text depends only on the closed sets chosen above; every value from the
    // request is a bound parameter.
    format!(
        "SELECT {columns}, p.code AS procedure_code, p.name_vi AS procedure_name_vi
             FROM {dossiers} JOIN procedures p ON p.id = d.procedure_id
             WHERE d.agency_code = $1 AND {statuses}
               AND ($2 IS NULL OR d.assignee_id = $3)
               AND ($4 IS NULL OR p.code = $5)
               AND {matches}
             ORDER BY {nulls_last}{sort} {order}, d.code {order}
             {limit}"
    )
}

/// The values [`queue_sql`]'s placeholders stand for, in order. An exact search reads its
/// few matches from the first: [`WorkflowStore::queue`] skips the offset.
fn queue_args(q: &QueueQuery, search: Search) -> Result<sqlx::any::AnyArguments<'static>> {
    use sqlx::Arguments;
    let assignee = match q.kind {
        QueueKind::MySteps(id) => Some(id),
        _ => None,
    };
    let term = q.search.trim().to_string();
    let mut args = sqlx::any::AnyArguments::default();
    let add = |r: std::result::Result<(), sqlx::error::BoxDynError>| {
        r.map_err(|e| StoreError::Invalid(format!("queue query: {e}")))
    };
    add(args.add(q.agency_code.to_string()))?;
    add(args.add(assignee))?;
    add(args.add(assignee))?;
    add(args.add(q.procedure_code.clone()))?;
    add(args.add(q.procedure_code.clone()))?;
    let (limit, offset) = match search {
        Search::Exact => {
            add(args.add(term.to_uppercase()))?;
            add(args.add(term))?;
            (i64::from(q.offset) + i64::from(q.limit), 0)
        }
        Search::Broad => {
            let folded = motcua_domain::search::fold(&term);
            let like = |s: &str| {
                s.replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_")
            };
            add(args.add(term.clone()))?;
            // A code prefix as a range of the primary key (LIKE could not use it).
            add(args.add(term.to_uppercase()))?;
            add(args.add(format!("{}{}", term.to_uppercase(), char::MAX)))?;
            add(args.add(term))?;
            add(args.add(format!("%{}%", like(&folded))))?;
            (i64::from(q.limit), i64::from(q.offset))
        }
    };
    add(args.add(limit))?;
    add(args.add(offset))?;
    Ok(args)
}

/// One move inside the caller's transaction (see [`WorkflowStore::apply_transitions`], which has
/// already recorded the `files` rows of `blobs` and `doc_blobs`); returns the
/// event's id.
async fn write_transition(
    conn: &mut sqlx::AnyConnection,
    code: &str,
    t: &Transition,
    blobs: &[(String, i64)],
    doc_blobs: &[(String, i64)],
    lock: &str,
) -> Result<i64> {
    let at = ts(t.at)?;
    let details = to_json("event details", &t.details)?;
    let current = load_dossier(&mut *conn, code, lock)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("dossier {code}")))?;
    let stale_version = t
        .expected_version
        .is_some_and(|seen| seen != current.version);
    if current.status != t.expected_status
        || current.state.current_step != t.expected_step
        || stale_version
    {
        return Err(StoreError::Conflict(format!(
            "dossier {code} has moved meanwhile (now status {})",
            current.status.code()
        )));
    }
    let event_id: i64 = sqlx::query_scalar(
        "INSERT INTO dossier_events (dossier_code, at, from_status, to_status, actor,
           actor_account_id, step, reason, details)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(code)
    .bind(&at)
    .bind(t.expected_status.code())
    .bind(t.to_status.code())
    .bind(&t.actor)
    .bind(t.actor_account_id)
    .bind(&t.step)
    .bind(&t.reason)
    .bind(&details)
    .fetch_one(&mut *conn)
    .await?;
    for (a, (sha, size)) in t.attachments.iter().zip(blobs) {
        sqlx::query(
            "INSERT INTO dossier_event_attachments
               (event_id, kind, original_name, content_type, size, sha256)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(event_id)
        .bind(&a.kind)
        .bind(&a.original_name)
        .bind(&a.content_type)
        .bind(size)
        .bind(sha)
        .execute(&mut *conn)
        .await?;
    }
    let mut round = current.supplement_round;
    let mut answers_json = None;
    if let Some(s) = &t.supplement {
        round += 1;
        sqlx::query(
            "INSERT INTO dossier_answer_versions (dossier_code, round, answers, replaced_at)
             SELECT code, $1, answers, $2 FROM dossiers WHERE code = $3",
        )
        .bind(round)
        .bind(&at)
        .bind(code)
        .execute(&mut *conn)
        .await?;
        answers_json = Some(to_json("answers", &s.answers)?);
        for doc in &s.replace_documents {
            sqlx::query(
                "UPDATE dossier_documents SET superseded_at = $1
                 WHERE dossier_code = $2 AND document_id = $3 AND superseded_at IS NULL",
            )
            .bind(&at)
            .bind(code)
            .bind(doc)
            .execute(&mut *conn)
            .await?;
        }
        for (d, (sha, size)) in s.documents.iter().zip(doc_blobs) {
            sqlx::query(
                "INSERT INTO dossier_documents (dossier_code, document_id, original_name,
                   content_type, size, sha256, round, added_at, added_by)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'citizen')",
            )
            .bind(code)
            .bind(&d.document_id)
            .bind(&d.original_name)
            .bind(&d.content_type)
            .bind(size)
            .bind(sha)
            .bind(round)
            .bind(&at)
            .execute(&mut *conn)
            .await?;
        }
    }
    let s = &t.state;
    let opt = |m: Option<OffsetDateTime>| m.map(ts).transpose();
    sqlx::query(
        "UPDATE dossiers SET status = $1, accepted_at = $2, due_at = $3, statutory_due_at = $4,
           current_step = $5, step_started_at = $6, step_due_at = $7, assignee_id = $8,
           paused_at = $9, resume_status = $10, finished_at = $11, supplement_round = $12,
           answers = COALESCE($13, answers), updated_at = $14, version = version + 1
         WHERE code = $15",
    )
    .bind(t.to_status.code())
    .bind(opt(s.accepted_at)?)
    .bind(opt(s.due_at)?)
    .bind(opt(s.statutory_due_at)?)
    .bind(&s.current_step)
    .bind(opt(s.step_started_at)?)
    .bind(opt(s.step_due_at)?)
    .bind(s.assignee_id)
    .bind(opt(s.paused_at)?)
    .bind(s.resume_status.map(Status::code))
    .bind(opt(s.finished_at)?)
    .bind(round)
    .bind(&answers_json)
    .bind(&at)
    .bind(code)
    .execute(&mut *conn)
    .await?;
    Ok(event_id)
}
