//! Filing, dossiers and their append-only event history.

use motcua_domain::dossier_code::dossier_code;
use motcua_domain::ids::{AccessCode, AgencyCode, DossierCode, IdNumber, Phone, Proof};
use motcua_domain::workflow::{EventDetails, Status, WorkflowState};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::{OffsetDateTime, UtcOffset};

use crate::drafts::{FileRow, token_hash};
use crate::{
    Result, Store, StoreError, UploadedFile, date_text, parse_id, parse_json, parse_ts, sha256_hex,
    to_json, ts,
};

/// What the dossier `dossier` keeps of its access code `code`: a digest bound to the dossier
/// (the same code on another dossier digests differently). A plain hash is enough: the code
/// has 60 random bits, so a stolen digest cannot be searched back in any useful time, and a
/// slow hash would hold the filing transaction's lock.
pub(crate) fn access_digest(dossier: &DossierCode, code: &AccessCode) -> String {
    sha256_hex(format!("motcua-access/1:{dossier}:{code}").as_bytes())
}

/// Asia/Ho_Chi_Minh: UTC+7 all year (no daylight saving), so a fixed offset is exact.
const VIETNAM: UtcOffset = match UtcOffset::from_hms(7, 0, 0) {
    Ok(o) => o,
    Err(_) => panic!("UTC+7 is a valid offset"),
};

/// What a draft is filed as ([`DossierStore::file_dossier`]): the receiving agency, the
/// applicant, the answers (a JSON object: field id → canonical value), the signed-in
/// citizen's account if any, and the dossier's fresh access code.
#[derive(Clone, Copy, Debug)]
pub struct NewDossier<'a> {
    pub agency: &'a AgencyCode,
    pub applicant: &'a Applicant,
    pub answers: &'a Value,
    pub citizen_account_id: Option<i64>,
    pub access: &'a AccessCode,
}

/// The applicant (người nộp hồ sơ), recorded with every dossier whatever the procedure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Applicant {
    pub full_name: String,
    /// With `phone`, the key of the public lookup.
    pub id_number: IdNumber,
    pub phone: Phone,
    #[serde(default)]
    pub email: Option<String>,
    /// `{ "province", "commune", "street" }` as an address answer.
    #[serde(default)]
    pub address: Option<Value>,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub birth_date: Option<String>,
}

/// A filed dossier as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Dossier {
    pub code: DossierCode,
    /// The exact procedure version it was filed under.
    pub procedure_id: i64,
    pub agency_code: AgencyCode,
    /// Where it stands in the national portal's status list (stored as its code 1..=10).
    pub status: Status,
    pub applicant: Applicant,
    /// Canonical answers (field id → value), as of the latest supplement round.
    pub answers: Value,
    pub filed_at: OffsetDateTime,
    /// The citizen account it belongs to: filed while signed in, or claimed later.
    pub citizen_account_id: Option<i64>,
    /// How many supplement rounds the citizen has answered.
    pub supplement_round: i64,
    /// Where the workflow stands: derived from the events, written with them.
    pub state: WorkflowState,
    pub updated_at: OffsetDateTime,
    /// Raised by one at every move: what a move names to be written only over the state it
    /// was decided on ([`crate::Transition::expected_version`]).
    pub version: i64,
}

/// One status move of a dossier. Events are append-only: never updated or deleted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: i64,
    pub at: OffsetDateTime,
    /// `None` for the filing itself.
    pub from_status: Option<Status>,
    pub to_status: Status,
    /// [`CITIZEN_ACTOR`] or the staff member's name, as it read at that moment; read it
    /// with [`Event::recorded_actor`].
    pub actor: String,
    pub actor_account_id: Option<i64>,
    pub step: Option<String>,
    pub reason: Option<String>,
    /// The kind of move and what it recorded about itself (supplement items, apology,
    /// assignee, due moments), stored as JSON.
    pub details: EventDetails,
}

/// How an event names a move by the citizen (the filing, a supplement answer, a withdrawal);
/// a staff move names the officer.
pub const CITIZEN_ACTOR: &str = "citizen";

/// Who made a move, as its event recorded it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordedActor<'a> {
    Citizen,
    /// The officer, by their name at that moment.
    Staff(&'a str),
}

impl Event {
    /// Who made the move.
    pub fn recorded_actor(&self) -> RecordedActor<'_> {
        if self.actor == CITIZEN_ACTOR {
            RecordedActor::Citizen
        } else {
            RecordedActor::Staff(&self.actor)
        }
    }
}

/// The result of [`DossierStore::file_dossier`].
#[derive(Clone, Debug, PartialEq)]
pub struct FiledDossier {
    pub dossier: Dossier,
    /// `false` when the draft had already been filed and this is that same dossier (a retried
    /// or double submit).
    pub newly_filed: bool,
}

#[derive(sqlx::FromRow)]
pub(crate) struct DossierRow {
    code: String,
    procedure_id: i64,
    agency_code: String,
    status: i32,
    applicant_full_name: String,
    applicant_id_number: String,
    applicant_phone: String,
    applicant_email: Option<String>,
    applicant_address: Option<String>,
    applicant_birth_date: Option<String>,
    answers: String,
    filed_at: String,
    citizen_account_id: Option<i64>,
    supplement_round: i64,
    accepted_at: Option<String>,
    due_at: Option<String>,
    statutory_due_at: Option<String>,
    current_step: Option<String>,
    step_started_at: Option<String>,
    step_due_at: Option<String>,
    assignee_id: Option<i64>,
    paused_at: Option<String>,
    resume_status: Option<i32>,
    finished_at: Option<String>,
    updated_at: String,
    version: i64,
}

pub(crate) const DOSSIER_COLUMNS: &str = "code, procedure_id, agency_code, status,
    applicant_full_name, applicant_id_number, applicant_phone, applicant_email,
    applicant_address, applicant_birth_date, answers, filed_at, citizen_account_id,
    supplement_round, accepted_at, due_at, statutory_due_at, current_step, step_started_at,
    step_due_at, assignee_id, paused_at, resume_status, finished_at, updated_at, version";

/// The status whose code a column holds. An unknown code is corruption, never a guess: a
/// dossier must not silently turn into "submitted".
pub(crate) fn status(code: i32, what: &str) -> Result<Status> {
    Status::from_code(code)
        .ok_or_else(|| StoreError::Corrupt(format!("{what}: status code {code} is not 1..=10")))
}

pub(crate) fn parse_opt_ts(s: Option<String>) -> Result<Option<OffsetDateTime>> {
    s.as_deref().map(parse_ts).transpose()
}

#[derive(sqlx::FromRow)]
struct EventRow {
    id: i64,
    at: String,
    from_status: Option<i32>,
    to_status: i32,
    actor: String,
    actor_account_id: Option<i64>,
    step: Option<String>,
    reason: Option<String>,
    details: Option<String>,
}

impl EventRow {
    /// The event of dossier `code` this row holds. Details that do not read are
    /// [`EventDetails::Unreadable`], logged: one bad row must not hide the dossier's whole
    /// history (its staff page, lookup, slips). The statuses and moment stay strict.
    fn read(self, code: &str) -> Result<Event> {
        let r = self;
        let from_status = r.from_status.map(|c| status(c, "event")).transpose()?;
        let to_status = status(r.to_status, "event")?;
        let stored = r.details.as_deref().map(serde_json::from_str).transpose();
        let decoded = stored.and_then(|s| EventDetails::decode(from_status, to_status, s));
        let details = decoded.unwrap_or_else(|e| {
            // The error's category only: its text can quote the stored values.
            tracing::error!(
                dossier = code,
                event = r.id,
                problem = ?e.classify(),
                "an event's details could not be read; shown as unreadable"
            );
            EventDetails::Unreadable
        });
        Ok(Event {
            id: r.id,
            at: parse_ts(&r.at)?,
            from_status,
            to_status,
            actor: r.actor,
            actor_account_id: r.actor_account_id,
            step: r.step,
            reason: r.reason,
            details,
        })
    }
}

impl TryFrom<DossierRow> for Dossier {
    type Error = StoreError;

    fn try_from(r: DossierRow) -> Result<Dossier> {
        let what = format!("dossier {}", r.code);
        Ok(Dossier {
            applicant: Applicant {
                full_name: r.applicant_full_name,
                id_number: parse_id(
                    &format!("{what} applicant ID number"),
                    &r.applicant_id_number,
                )?,
                phone: parse_id(&format!("{what} applicant phone"), &r.applicant_phone)?,
                email: r.applicant_email,
                address: r
                    .applicant_address
                    .as_deref()
                    .map(|a| parse_json(&format!("{what} address"), a))
                    .transpose()?,
                birth_date: r.applicant_birth_date,
            },
            answers: parse_json(&format!("{what} answers"), &r.answers)?,
            filed_at: parse_ts(&r.filed_at)?,
            citizen_account_id: r.citizen_account_id,
            supplement_round: r.supplement_round,
            state: WorkflowState {
                accepted_at: parse_opt_ts(r.accepted_at)?,
                due_at: parse_opt_ts(r.due_at)?,
                statutory_due_at: parse_opt_ts(r.statutory_due_at)?,
                current_step: r.current_step,
                step_started_at: parse_opt_ts(r.step_started_at)?,
                step_due_at: parse_opt_ts(r.step_due_at)?,
                assignee_id: r.assignee_id,
                paused_at: parse_opt_ts(r.paused_at)?,
                resume_status: r.resume_status.map(|c| status(c, &what)).transpose()?,
                finished_at: parse_opt_ts(r.finished_at)?,
            },
            updated_at: parse_ts(&r.updated_at)?,
            version: r.version,
            code: parse_id("dossier code", &r.code)?,
            procedure_id: r.procedure_id,
            agency_code: parse_id(&format!("{what} agency"), &r.agency_code)?,
            status: status(r.status, &what)?,
        })
    }
}

/// One dossier; with `lock` (a backend's [`crate::Backend::for_update`]) its row stays locked
/// until the caller's transaction ends.
pub(crate) async fn load_dossier(
    conn: &mut sqlx::AnyConnection,
    code: &str,
    lock: &str,
) -> Result<Option<Dossier>> {
    let row: Option<DossierRow> = sqlx::query_as(&format!(
        "SELECT {DOSSIER_COLUMNS} FROM dossiers WHERE code = $1{lock}"
    ))
    .bind(code)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(Dossier::try_from).transpose()
}

/// Filing a dossier and reading it back: the dossier, its events, its documents, the lookup.
pub trait DossierStore: Send + Sync {
    /// Files the draft as a dossier, exactly once.
    ///
    /// Everything happens in one `BEGIN IMMEDIATE` transaction, so it is all or nothing and
    /// concurrent calls are serialised by SQLite's write lock:
    /// - if the draft already became a dossier, that dossier is returned unchanged
    ///   (`newly_filed: false`) whatever the other arguments: a retried or double submit never
    ///   files twice, even when the two requests race;
    /// - otherwise the agency must receive the draft's procedure ([`UnitStore::set_receivers`]),
    ///   which stops a tampered form from filing with an arbitrary agency; the next sequence
    ///   number for (agency, Asia/Ho_Chi_Minh date of `now`) is taken from a counter row that
    ///   is only ever incremented, so codes are gap-free per day and never reused; the dossier
    ///   (status 1, under the draft's exact procedure version), its documents (the draft's
    ///   uploads) and the first event (none → 1 by `"citizen"` at `now`) are written, and the
    ///   draft is marked filed. The dossier keeps the digest of `new.access`, its access code; the
    ///   draft keeps the code itself for its receipt ([`crate::Draft::access_code`]). A retry's
    ///   `access` is ignored: the first one stands.
    ///
    /// `new.answers` must be a JSON object (field id → canonical value); `now` is the filing
    /// moment, passed in so callers and tests control the clock.
    fn file_dossier(
        &self,
        token: &str,
        new: &NewDossier<'_>,
        now: OffsetDateTime,
    ) -> impl Future<Output = Result<FiledDossier>> + Send;

    /// How many dossiers the database holds (every status), for the operator and the crash
    /// test's count of what was filed.
    fn dossier_count(&self) -> impl Future<Output = Result<u64>> + Send;

    /// One dossier by code.
    fn dossier(&self, code: &DossierCode) -> impl Future<Output = Result<Option<Dossier>>> + Send;

    /// The access code of the dossier's receipt, for slip 01 to print it (the spec asks for
    /// it there): kept in plain only by the filing's draft, so `None` once the draft has
    /// expired (30 days after filing) or for a code that was never filed online. The
    /// dossier itself keeps only the code's hash.
    fn receipt_access_code(
        &self,
        code: &DossierCode,
    ) -> impl Future<Output = Result<Option<AccessCode>>> + Send;

    /// The dossier's current documents (not superseded by a supplement), in filing order.
    /// `id` is the dossier document's own id. Empty for an unknown code.
    fn dossier_documents(
        &self,
        code: &DossierCode,
    ) -> impl Future<Output = Result<Vec<UploadedFile>>> + Send;

    /// The dossier's history, oldest first. Empty for an unknown code.
    fn events(&self, code: &DossierCode) -> impl Future<Output = Result<Vec<Event>>> + Send;

    /// The public lookup: the dossier only if `code` matches *and* `proof` is the applicant's
    /// ID number or phone. A wrong pair and an unknown code both give `None`, so the answer
    /// reveals nothing about whether the code exists. Rate limiting is the caller's job.
    fn find_for_lookup(
        &self,
        code: &DossierCode,
        proof: &Proof,
    ) -> impl Future<Output = Result<Option<Dossier>>> + Send;
}

impl DossierStore for Store {
    async fn file_dossier(
        &self,
        token: &str,
        new: &NewDossier<'_>,
        now: OffsetDateTime,
    ) -> Result<FiledDossier> {
        let NewDossier {
            agency,
            applicant,
            answers,
            citizen_account_id,
            access,
        } = *new;
        if !answers.is_object() {
            return Err(StoreError::Invalid("answers must be a JSON object".into()));
        }
        let now_text = ts(now)?;
        let answers_json = to_json("answers", answers)?;
        let address_json = applicant
            .address
            .as_ref()
            .map(|a| to_json("applicant address", a))
            .transpose()?;

        let mut tx = self.begin_rows().await?;
        // The draft's row lock is what serialises two submits of the same draft.
        let draft: Option<(i64, i64, Option<String>)> = sqlx::query_as(&format!(
            "SELECT id, procedure_id, dossier_code FROM drafts WHERE token_sha256 = $1{}",
            self.backend.for_update()
        ))
        .bind(token_hash(token))
        .fetch_optional(&mut *tx)
        .await?;
        let (draft_id, procedure_id, filed) =
            draft.ok_or_else(|| StoreError::NotFound("draft".into()))?;

        if let Some(code) = filed {
            let dossier = load_dossier(&mut tx, &code, "")
                .await?
                .ok_or_else(|| StoreError::Corrupt(format!("draft filed as missing {code}")))?;
            tx.commit().await?;
            return Ok(FiledDossier {
                dossier,
                newly_filed: false,
            });
        }

        let receives: Option<i64> = sqlx::query_scalar(
            "SELECT 1 FROM procedures p
             JOIN procedure_receivers r ON r.procedure_code = p.code
             WHERE p.id = $1 AND r.agency_code = $2",
        )
        .bind(procedure_id)
        .bind(agency.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        if receives.is_none() {
            let known: Option<i64> = sqlx::query_scalar("SELECT 1 FROM agencies WHERE code = $1")
                .bind(agency.as_str())
                .fetch_optional(&mut *tx)
                .await?;
            return Err(match known {
                None => StoreError::NotFound(format!("agency {agency}")),
                Some(_) => {
                    StoreError::Invalid(format!("agency {agency} does not receive this procedure"))
                }
            });
        }

        let local_date = now.to_offset(VIETNAM).date();
        let sequence: i64 = sqlx::query_scalar(
            "INSERT INTO dossier_sequences (agency_code, day, last) VALUES ($1, $2, 1)
             ON CONFLICT (agency_code, day) DO UPDATE SET last = dossier_sequences.last + 1
             RETURNING last",
        )
        .bind(agency.as_str())
        .bind(date_text(local_date)?)
        .fetch_one(&mut *tx)
        .await?;
        let sequence = u32::try_from(sequence)
            .map_err(|_| StoreError::Corrupt(format!("dossier sequence {sequence}")))?;
        let new_code = dossier_code(agency, local_date, sequence);
        let code = new_code.as_str();

        sqlx::query(
            "INSERT INTO dossiers (code, procedure_id, agency_code, status,
               applicant_full_name, applicant_id_number, applicant_phone, applicant_email,
               applicant_address, applicant_birth_date, answers, filed_at, updated_at,
               citizen_account_id, search_name, access_digest)
             VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        )
        .bind(code)
        .bind(procedure_id)
        .bind(agency.as_str())
        .bind(&applicant.full_name)
        .bind(applicant.id_number.as_str())
        .bind(applicant.phone.as_str())
        .bind(&applicant.email)
        .bind(&address_json)
        .bind(&applicant.birth_date)
        .bind(&answers_json)
        .bind(&now_text)
        .bind(&now_text)
        .bind(citizen_account_id)
        .bind(motcua_domain::search::fold(&applicant.full_name))
        .bind(access_digest(&new_code, access))
        .execute(&mut *tx)
        .await?;

        sqlx::query(
            "INSERT INTO dossier_documents (dossier_code, document_id, original_name,
               content_type, size, sha256, round, added_at, added_by)
             SELECT $1, document_id, original_name, content_type, size, sha256, 0, $2, 'citizen'
             FROM draft_uploads WHERE draft_id = $3 ORDER BY id",
        )
        .bind(code)
        .bind(&now_text)
        .bind(draft_id)
        .execute(&mut *tx)
        .await?;

        sqlx::query(
            "INSERT INTO dossier_events (dossier_code, at, from_status, to_status, actor, details)
             VALUES ($1, $2, NULL, 1, 'citizen', $3)",
        )
        .bind(code)
        .bind(&now_text)
        .bind(to_json("event details", &EventDetails::Filed)?)
        .execute(&mut *tx)
        .await?;

        sqlx::query(
            "UPDATE drafts SET dossier_code = $1, access_code = $2, updated_at = $3 WHERE id = $4",
        )
        .bind(code)
        .bind(access.as_str())
        .bind(&now_text)
        .bind(draft_id)
        .execute(&mut *tx)
        .await?;

        let dossier = load_dossier(&mut tx, code, "")
            .await?
            .ok_or_else(|| StoreError::Corrupt(format!("dossier {code} vanished")))?;
        tx.commit().await?;
        Ok(FiledDossier {
            dossier,
            newly_filed: true,
        })
    }

    async fn dossier_count(&self) -> Result<u64> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM dossiers")
            .fetch_one(&self.pool)
            .await?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    async fn dossier(&self, code: &DossierCode) -> Result<Option<Dossier>> {
        let mut conn = self.pool.acquire().await?;
        load_dossier(&mut conn, code, "").await
    }

    async fn receipt_access_code(&self, code: &DossierCode) -> Result<Option<AccessCode>> {
        let text: Option<Option<String>> =
            sqlx::query_scalar("SELECT access_code FROM drafts WHERE dossier_code = $1")
                .bind(code.to_string())
                .fetch_optional(&self.pool)
                .await?;
        (text.flatten().as_deref())
            .map(|c| parse_id("draft's access code", c))
            .transpose()
    }

    async fn dossier_documents(&self, code: &DossierCode) -> Result<Vec<UploadedFile>> {
        let rows: Vec<FileRow> = sqlx::query_as(
            "SELECT id, document_id, original_name, content_type, size, sha256
             FROM dossier_documents
             WHERE dossier_code = $1 AND superseded_at IS NULL ORDER BY id",
        )
        .bind(code.as_str())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(UploadedFile::from).collect())
    }

    async fn events(&self, code: &DossierCode) -> Result<Vec<Event>> {
        let rows: Vec<EventRow> = sqlx::query_as(
            "SELECT id, at, from_status, to_status, actor, actor_account_id, step, reason, details
             FROM dossier_events WHERE dossier_code = $1 ORDER BY id",
        )
        .bind(code.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(|r| r.read(code)).collect()
    }

    async fn find_for_lookup(&self, code: &DossierCode, proof: &Proof) -> Result<Option<Dossier>> {
        let (column, value) = match proof {
            Proof::IdNumber(id) => ("applicant_id_number", id.as_str().to_string()),
            Proof::AccessCode(access) => ("access_digest", access_digest(code, access)),
        };
        let row: Option<DossierRow> = sqlx::query_as(&format!(
            "SELECT {DOSSIER_COLUMNS} FROM dossiers WHERE code = $1 AND {column} = $2"
        ))
        .bind(code.as_str())
        .bind(value)
        .fetch_optional(&self.pool)
        .await?;
        row.map(Dossier::try_from).transpose()
    }
}
