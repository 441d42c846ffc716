//! How fast are the staff queues ([`Store::queue`]) when the store holds a million dossiers?
//!
//! ```text
//! CARGO_TARGET_DIR=/work/target-bench cargo run --release -p motcua-store \
//!     --example queue_bench -- [--n 1000000] [--runs 20] [--db PATH] [--reuse]
//! ```
//!
//! Opens a fresh store (in a temporary directory, or at `--db PATH`, kept afterwards), imports
//! one demo procedure, creates 10 agencies with four staff each, and inserts `--n` dossiers
//! spread over two years with a realistic status mix. [`Store::file_dossier`] is one
//! transaction per dossier, far too slow for a million, so the dossiers are written by a
//! separate connection to the same file with multi-row `INSERT`s in large transactions,
//! filling the same columns the store writes. `--reuse` skips all that for a `--db` filled by
//! an earlier run.
//!
//! Then it times `Store::queue` (the median and 95th percentile of `--runs` runs after a
//! warm-up) for the queue pages of one agency, prints a Markdown table, and prints
//! `EXPLAIN QUERY PLAN` for a few of them (`Store::explain_queue`, the very statement).

use std::collections::HashMap;
use std::error::Error;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::{Duration, Instant};

use motcua_domain::dossier_code::dossier_code;
use motcua_domain::search::fold;
use motcua_domain::workflow::StaffRole;
use motcua_store::{AccountKind, Agency, NewAccount, QueueKind, QueueQuery, Store};
use serde_json::json;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool};
use time::macros::{datetime, format_description};
use time::{OffsetDateTime, UtcOffset};

type BoxResult<T> = Result<T, Box<dyn Error>>;

const PROCEDURE_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../demo/procedures/2.000635.000.00.00.H56.json"
);
const AGENCIES: usize = 10;
const STAFF_PER_AGENCY: usize = 4;
/// The queue page size of the staff pages (`app/src/api/staff.rs`), which ask for one more row
/// to know whether a next page exists.
const PAGE_SIZE: u32 = 25;
/// Rows per `INSERT` statement (26 binds each, below SQLite's 32766 bind limit).
const ROWS_PER_STATEMENT: usize = 500;
/// Rows per transaction.
const ROWS_PER_TRANSACTION: usize = 50_000;
/// Dossiers are filed over the two years before this moment.
const END: OffsetDateTime = datetime!(2026-12-01 00:00 UTC);
const SPAN_DAYS: i64 = 730;
const VIETNAM: UtcOffset = match UtcOffset::from_hms(7, 0, 0) {
    Ok(o) => o,
    Err(_) => panic!("UTC+7 is a valid offset"),
};

struct Args {
    n: usize,
    runs: usize,
    db: Option<PathBuf>,
    reuse: bool,
}

fn args() -> BoxResult<Args> {
    let mut a = Args {
        n: 1_000_000,
        runs: 20,
        db: None,
        reuse: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--n" => a.n = value()?.replace('_', "").parse()?,
            "--runs" => a.runs = value()?.parse()?,
            "--db" => a.db = Some(PathBuf::from(value()?)),
            "--reuse" => a.reuse = true,
            other => {
                return Err(format!(
                    "unknown argument {other}; usage: queue_bench [--n N] [--runs R] \
                     [--db PATH] [--reuse]"
                )
                .into());
            }
        }
    }
    if a.reuse && a.db.is_none() {
        return Err("--reuse needs --db PATH".into());
    }
    a.runs = a.runs.max(1);
    Ok(a)
}

/// SplitMix64: small, fast and reproducible; enough to spread test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
    fn digits(&mut self, count: usize) -> String {
        (0..count)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }
}

/// Family names with rough real frequencies (Nguyễn about 4 in 10).
const FAMILY: &[(&str, u64)] = &[
    ("Nguyễn", 38),
    ("Trần", 11),
    ("Lê", 9),
    ("Phạm", 7),
    ("Hoàng", 5),
    ("Huỳnh", 4),
    ("Phan", 4),
    ("Vũ", 4),
    ("Võ", 3),
    ("Đặng", 2),
    ("Bùi", 2),
    ("Đỗ", 2),
    ("Hồ", 2),
    ("Ngô", 2),
    ("Dương", 2),
    ("Lý", 1),
    ("Đinh", 1),
    ("Trịnh", 1),
];
const MIDDLE: &[&str] = &[
    "Văn", "Văn", "Văn", "Thị", "Thị", "Thị", "Đức", "Minh", "Ngọc", "Thanh", "Hữu", "Quốc", "Thu",
    "Hoàng", "Xuân", "Kim", "Gia", "Bảo", "Anh", "Công",
];
const GIVEN: &[&str] = &[
    "An", "Anh", "Bình", "Châu", "Cường", "Dũng", "Duy", "Giang", "Hà", "Hải", "Hạnh", "Hiếu",
    "Hoa", "Hùng", "Hương", "Huy", "Khánh", "Lan", "Linh", "Long", "Mai", "Minh", "My", "Nam",
    "Nga", "Ngọc", "Nhung", "Phong", "Phúc", "Phương", "Quân", "Quang", "Sơn", "Tâm", "Thảo",
    "Thắng", "Thủy", "Trang", "Trung", "Tuấn", "Tùng", "Uyên", "Việt", "Vy", "Yến",
];
const STREETS: &[&str] = &[
    "Lê Lợi",
    "Trần Hưng Đạo",
    "Nguyễn Huệ",
    "Hai Bà Trưng",
    "Phan Chu Trinh",
    "Quang Trung",
    "Lý Thường Kiệt",
    "Hùng Vương",
];
const EVENTS: &[&str] = &[
    "khai_sinh",
    "ket_hon",
    "khai_tu",
    "nhan_cha_me_con",
    "thay_doi_cai_chinh",
    "giam_ho",
];
const STEPS: &[&str] = &["tiep_nhan", "tra_cuu", "ky_duyet", "tra_ket_qua"];

fn name(rng: &mut Rng) -> String {
    let total: u64 = FAMILY.iter().map(|(_, w)| w).sum();
    let mut r = rng.below(total);
    let mut family = FAMILY[0].0;
    for (f, w) in FAMILY {
        if r < *w {
            family = f;
            break;
        }
        r -= w;
    }
    format!("{family} {} {}", rng.pick(MIDDLE), rng.pick(GIVEN))
}

/// Status mix of a long-running desk: ~85% final (10 returned, 3 refused, 7 withdrawn,
/// 8 stopped), 5% new, 5% in process, 3% waiting for the citizen, 2% result ready.
fn status(rng: &mut Rng) -> i32 {
    match rng.below(1000) {
        0..700 => 10,
        700..750 => 3,
        750..800 => 7,
        800..850 => 8,
        850..900 => 1,
        900..950 => 4,
        950..970 => 5,
        970..980 => 6,
        _ => 9,
    }
}

/// A moment as the store writes it: fixed-width UTC with microseconds.
fn ts(micros: i64) -> String {
    const FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
        format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z");
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(micros) * 1000)
        .expect("moment in range")
        .format(FORMAT)
        .expect("moment formats")
}

const HOUR: i64 = 3_600_000_000;
const DAY: i64 = 24 * HOUR;

/// One dossier row, as the columns of `dossiers` (see `Store::file_dossier` and
/// `Store::apply_transition` for who writes which).
struct Row {
    code: String,
    agency: usize,
    status: i32,
    full_name: String,
    id_number: String,
    phone: String,
    email: Option<String>,
    address: String,
    birth_date: String,
    answers: String,
    filed_at: String,
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
    search_name: String,
    supplement_round: i64,
}

struct Generator {
    rng: Rng,
    n: usize,
    start: i64,
    agencies: Vec<String>,
    /// Staff account ids per agency.
    staff: Vec<Vec<i64>>,
    /// Last sequence number per (agency, Vietnamese date).
    sequences: HashMap<(usize, time::Date), u32>,
}

impl Generator {
    fn row(&mut self, i: usize) -> Row {
        let rng = &mut self.rng;
        // Filing moments increase with `i` (rows arrive in filing order), evenly over the span.
        let slot = SPAN_DAYS * DAY / self.n as i64;
        let filed = self.start + slot * i as i64 + rng.below(slot.max(1) as u64) as i64;
        let agency = rng.below(AGENCIES as u64) as usize;
        let date = OffsetDateTime::from_unix_timestamp_nanos(i128::from(filed) * 1000)
            .expect("moment in range")
            .to_offset(VIETNAM)
            .date();
        let seq = self.sequences.entry((agency, date)).or_insert(0);
        *seq += 1;
        let code = dossier_code(
            &self.agencies[agency],
            date.year(),
            u8::from(date.month()),
            date.day(),
            *seq,
        );
        let status = status(rng);
        let full_name = name(rng);
        let id_number = format!(
            "0{:02}{}{:02}{}",
            1 + rng.below(96),
            rng.below(4),
            rng.below(100),
            rng.digits(6)
        );
        let phone = format!("0{}{}", rng.pick(&["3", "5", "7", "8", "9"]), rng.digits(8));
        let email = (rng.below(3) == 0).then(|| format!("nguoidan{}@gmail.com", rng.digits(6)));
        let street = format!("Số {} đường {}", 1 + rng.below(300), rng.pick(STREETS));
        let address = json!({ "province": "56", "commune": format!("22{}", rng.digits(3)),
                              "street": street });
        let birth_date = format!(
            "{}-{:02}-{:02}",
            1950 + rng.below(56),
            1 + rng.below(12),
            1 + rng.below(28)
        );
        let answers = json!({
            "loai_su_kien": rng.pick(EVENTS),
            "ho_ten_duoc_cap": full_name,
            "ngay_sinh_duoc_cap": birth_date,
            "so_dinh_danh_duoc_cap": id_number,
            "co_quan_da_dang_ky": "UBND xã Vĩnh Lương, huyện Nha Trang, tỉnh Khánh Hòa",
            "ngay_dang_ky": format!("{}-{:02}-{:02}", 1980 + rng.below(45), 1 + rng.below(12),
                                    1 + rng.below(28)),
            "so_dang_ky": format!("{}/{}", 1 + rng.below(400), 1980 + rng.below(45)),
            "so_ban_sao": 1 + rng.below(3),
            "quan_he": "ban_than",
            "nyc_ho_ten": full_name,
            "nyc_so_dinh_danh": id_number,
            "nyc_dien_thoai": phone,
            "hinh_thuc_nhan": rng.pick(&["truc_tuyen", "buu_chinh", "truc_tiep"]),
            "dia_chi_nhan": address,
            "cam_doan": true,
        })
        .to_string();

        // The workflow state the moves up to `status` would have left.
        let accepted = filed + HOUR + rng.below(2 * DAY as u64) as i64;
        let due = accepted + DAY + rng.below(14 * DAY as u64) as i64;
        // A supplement may be requested at reception (1 → 5), before the clock starts.
        let at_reception = status == 5 && rng.below(2) == 0;
        // Refused (3) and half the withdrawals (7) end before acceptance.
        let withdrawn_early = status == 7 && rng.below(2) == 0;
        let accepted_ever = !(matches!(status, 1 | 3) || at_reception || withdrawn_early);
        let staff = &self.staff[agency];
        let mut r = Row {
            code,
            agency,
            status,
            search_name: fold(&full_name),
            full_name,
            id_number,
            phone,
            email,
            address: address.to_string(),
            birth_date,
            answers,
            filed_at: ts(filed),
            accepted_at: accepted_ever.then(|| ts(accepted)),
            due_at: accepted_ever.then(|| ts(due)),
            statutory_due_at: accepted_ever.then(|| ts(due)),
            current_step: None,
            step_started_at: None,
            step_due_at: None,
            assignee_id: None,
            paused_at: None,
            resume_status: None,
            finished_at: None,
            updated_at: ts(filed),
            supplement_round: 0,
        };
        let started = accepted + rng.below(2 * DAY as u64) as i64;
        let step = 1 + rng.below(3) as usize;
        match status {
            4 => {
                r.current_step = Some(STEPS[step].to_string());
                r.step_started_at = Some(ts(started));
                r.step_due_at = Some(ts(started + (1 + rng.below(8) as i64) * HOUR));
                r.assignee_id = Some(staff[step]);
                r.updated_at = ts(started);
            }
            5 if at_reception => {
                r.resume_status = Some(1);
                r.updated_at = ts(filed + rng.below(DAY as u64) as i64);
            }
            5 | 6 => {
                // Paused during a process step, which it keeps.
                let paused = started + rng.below(4 * HOUR as u64) as i64;
                r.current_step = Some(STEPS[step].to_string());
                r.step_started_at = Some(ts(started));
                r.step_due_at = Some(ts(started + (1 + rng.below(8) as i64) * HOUR));
                r.assignee_id = Some(staff[step]);
                r.paused_at = Some(ts(paused));
                r.resume_status = (status == 5).then_some(4);
                r.updated_at = ts(paused);
            }
            9 | 10 => {
                let finished = accepted + rng.below((due - accepted) as u64) as i64;
                r.finished_at = Some(ts(finished));
                r.updated_at = ts(finished + if status == 10 { DAY } else { 0 });
                r.supplement_round = i64::from(rng.below(10) == 0);
            }
            3 | 7 | 8 => r.updated_at = ts(filed + rng.below(3 * DAY as u64) as i64),
            _ => {}
        }
        r
    }
}

const INSERT_COLUMNS: &str = "code, procedure_id, agency_code, status, applicant_full_name,
    applicant_id_number, applicant_phone, applicant_email, applicant_address,
    applicant_birth_date, answers, filed_at, citizen_account_id, supplement_round, accepted_at,
    due_at, statutory_due_at, current_step, step_started_at, step_due_at, assignee_id, paused_at,
    resume_status, finished_at, updated_at, search_name";

async fn insert_rows(
    tx: &mut sqlx::Transaction<'_, Sqlite>,
    rows: &[Row],
    procedure_id: i64,
    agencies: &[String],
) -> BoxResult<()> {
    let one = format!("({})", vec!["?"; 26].join(", "));
    let sql = format!(
        "INSERT INTO dossiers ({INSERT_COLUMNS}) VALUES {}",
        vec![one.as_str(); rows.len()].join(", ")
    );
    let mut q = sqlx::query(&sql);
    for r in rows {
        q = q
            .bind(&r.code)
            .bind(procedure_id)
            .bind(&agencies[r.agency])
            .bind(r.status)
            .bind(&r.full_name)
            .bind(&r.id_number)
            .bind(&r.phone)
            .bind(&r.email)
            .bind(&r.address)
            .bind(&r.birth_date)
            .bind(&r.answers)
            .bind(&r.filed_at)
            .bind(None::<i64>)
            .bind(r.supplement_round)
            .bind(&r.accepted_at)
            .bind(&r.due_at)
            .bind(&r.statutory_due_at)
            .bind(&r.current_step)
            .bind(&r.step_started_at)
            .bind(&r.step_due_at)
            .bind(r.assignee_id)
            .bind(&r.paused_at)
            .bind(r.resume_status)
            .bind(&r.finished_at)
            .bind(&r.updated_at)
            .bind(&r.search_name);
    }
    q.execute(&mut **tx).await?;
    Ok(())
}

/// What the timed queries look for, taken from the generated data.
struct Targets {
    agency: String,
    account: i64,
    code: String,
    id_number: String,
    procedure_code: String,
}

async fn populate(store: &Store, url: &str, n: usize) -> BoxResult<Targets> {
    let text = std::fs::read_to_string(PROCEDURE_FILE)?;
    let procedure = motcua_domain::check::parse_procedure(&text).map_err(|problems| {
        problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    store
        .import_procedure(&procedure, &serde_json::to_string(&procedure)?)
        .await?;
    let procedure_id = store
        .current_procedure(&procedure.code, END.date())
        .await?
        .ok_or("imported procedure not in effect")?
        .id;

    let agencies: Vec<String> = (0..AGENCIES)
        .map(|i| format!("000.{:02}.31.H56", i + 1))
        .collect();
    let mut staff = vec![];
    let roles = [
        StaffRole::Reception,
        StaffRole::Specialist,
        StaffRole::Leader,
        StaffRole::Clerk,
    ];
    for (i, code) in agencies.iter().enumerate() {
        store
            .upsert_agency(&Agency {
                code: code.clone(),
                name: format!("UBND xã Thử Nghiệm {}", i + 1),
                level: "commune".into(),
                unit_code: None,
            })
            .await?;
        let mut ids = vec![];
        for (k, role) in roles.iter().enumerate().take(STAFF_PER_AGENCY) {
            let id = store
                .create_account(
                    &NewAccount {
                        kind: AccountKind::Staff,
                        login: format!("canbo{}_{}", i + 1, k + 1),
                        full_name: format!("Cán bộ {} {}", i + 1, k + 1),
                        phone: None,
                        email: None,
                        agency_code: Some(code.clone()),
                        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$YmVuY2g$YmVuY2g".into(),
                        roles: vec![*role],
                    },
                    END,
                )
                .await?;
            ids.push(id);
        }
        staff.push(ids);
    }
    store.set_receivers(&procedure.code, &agencies).await?;

    // The bulk writer: a separate connection, durability off (a lost benchmark database is
    // rebuilt), a large page cache so index maintenance stays in memory.
    let options = SqliteConnectOptions::from_str(url)?
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Off)
        .foreign_keys(true)
        .pragma("cache_size", "-1000000");
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await?;
    let mut generator = Generator {
        rng: Rng(0x6d6f_7463_7561),
        n,
        start: (END.unix_timestamp() - SPAN_DAYS * 86_400) * 1_000_000,
        agencies: agencies.clone(),
        staff: staff.clone(),
        sequences: HashMap::new(),
    };
    let mut target = None;
    let started = Instant::now();
    let mut done = 0;
    while done < n {
        let mut tx = pool.begin().await?;
        let end = (done + ROWS_PER_TRANSACTION).min(n);
        while done < end {
            let upto = (done + ROWS_PER_STATEMENT).min(end);
            let rows: Vec<Row> = (done..upto).map(|i| generator.row(i)).collect();
            if target.is_none() && upto > n / 2 {
                target = rows
                    .iter()
                    .find(|r| r.agency == 0)
                    .map(|r| (r.code.clone(), r.id_number.clone()));
            }
            insert_rows(&mut tx, &rows, procedure_id, &agencies).await?;
            done = upto;
        }
        tx.commit().await?;
        eprint!(
            "\r  {done} / {n} dossiers ({:.0} s)",
            started.elapsed().as_secs_f64()
        );
    }
    eprintln!();
    // The per-day counters, so that filing into this database continues the sequences.
    let mut tx = pool.begin().await?;
    for ((agency, day), last) in &generator.sequences {
        sqlx::query("INSERT INTO dossier_sequences (agency_code, day, last) VALUES (?, ?, ?)")
            .bind(&agencies[*agency])
            .bind(day.to_string())
            .bind(i64::from(*last))
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    let insert_time = started.elapsed();
    let t = Instant::now();
    sqlx::query("ANALYZE").execute(&pool).await?;
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&pool)
        .await?;
    eprintln!(
        "  inserted in {:.1} s, ANALYZE and checkpoint {:.1} s",
        insert_time.as_secs_f64(),
        t.elapsed().as_secs_f64()
    );
    pool.close().await;
    let (code, id_number) = target.ok_or("no dossier of the first agency")?;
    Ok(Targets {
        agency: agencies[0].clone(),
        account: staff[0][1],
        code,
        id_number,
        procedure_code: procedure.code,
    })
}

/// Finds the targets again in a database filled by an earlier run (`--reuse`).
async fn targets_of(pool: &SqlitePool) -> BoxResult<Targets> {
    let agency: String = sqlx::query_scalar("SELECT min(code) FROM agencies")
        .fetch_one(pool)
        .await?;
    let account: i64 = sqlx::query_scalar(
        "SELECT min(assignee_id) FROM dossiers WHERE agency_code = ? AND status = 4",
    )
    .bind(&agency)
    .fetch_one(pool)
    .await?;
    let total: i64 = sqlx::query_scalar("SELECT count(*) FROM dossiers")
        .fetch_one(pool)
        .await?;
    let (code, id_number): (String, String) = sqlx::query_as(
        "SELECT code, applicant_id_number FROM dossiers
         WHERE rowid > ? AND agency_code = ? ORDER BY rowid LIMIT 1",
    )
    .bind(total / 2)
    .bind(&agency)
    .fetch_one(pool)
    .await?;
    let procedure_code: String = sqlx::query_scalar("SELECT min(code) FROM procedures")
        .fetch_one(pool)
        .await?;
    Ok(Targets {
        agency,
        account,
        code,
        id_number,
        procedure_code,
    })
}

/// `Store::explain_queue`, one indented line per step.
async fn explain(store: &Store, q: &QueueQuery) -> BoxResult<String> {
    Ok(store
        .explain_queue(q)
        .await?
        .into_iter()
        .map(|line| format!("  {line}\n"))
        .collect())
}

// ---- timing ---------------------------------------------------------------------------------

struct Measured {
    label: String,
    median: Duration,
    p95: Duration,
    rows: usize,
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

#[tokio::main]
async fn main() -> BoxResult<()> {
    let args = args()?;
    let temp = tempfile::TempDir::new()?;
    let path = args
        .db
        .clone()
        .unwrap_or_else(|| temp.path().join("motcua.db"));
    if !args.reuse && path.exists() {
        return Err(format!("{} exists; remove it or pass --reuse", path.display()).into());
    }
    let url = format!("sqlite://{}", path.display());

    let (targets, open_time) = if args.reuse {
        let t = Instant::now();
        let store = Store::open(&url).await?;
        let open_time = t.elapsed();
        store.close().await;
        let pool = SqlitePool::connect(&url).await?;
        let targets = targets_of(&pool).await?;
        pool.close().await;
        (targets, open_time)
    } else {
        eprintln!("filling {} with {} dossiers ...", path.display(), args.n);
        let store = Store::open(&url).await?;
        let targets = populate(&store, &url, args.n).await?;
        store.close().await;
        let t = Instant::now();
        let store = Store::open(&url).await?;
        let open_time = t.elapsed();
        store.close().await;
        (targets, open_time)
    };

    // A fresh store, as the server would have it, and a side connection for plans.
    let store = Store::open(&url).await?;
    let side = SqlitePool::connect(&url).await?;
    let version: String = sqlx::query_scalar("SELECT sqlite_version()")
        .fetch_one(&side)
        .await?;
    let (total, of_agency): (i64, i64) =
        sqlx::query_as("SELECT count(*), coalesce(sum(agency_code = ?), 0) FROM dossiers")
            .bind(&targets.agency)
            .fetch_one(&side)
            .await?;
    let size = std::fs::metadata(&path)?.len();
    println!(
        "SQLite {version}; {total} dossiers ({of_agency} of agency {}); database {:.0} MB; \
         Store::open took {} ms",
        targets.agency,
        size as f64 / 1e6,
        ms(open_time)
    );

    let base = QueueQuery {
        agency_code: targets.agency.clone(),
        kind: QueueKind::New,
        search: String::new(),
        procedure_code: None,
        descending: false,
        offset: 0,
        limit: PAGE_SIZE + 1,
    };
    let with = |label: &str, f: &dyn Fn(&mut QueueQuery)| {
        let mut q = base.clone();
        f(&mut q);
        (label.to_string(), q)
    };
    let cases = vec![
        with("New, page 1", &|_| {}),
        with("New, page 40", &|q| q.offset = 39 * PAGE_SIZE),
        with("InProcess, page 1", &|q| q.kind = QueueKind::InProcess),
        with("MySteps(account), page 1", &|q| {
            q.kind = QueueKind::MySteps(targets.account)
        }),
        with("WaitingCitizen, page 1", &|q| {
            q.kind = QueueKind::WaitingCitizen
        }),
        with("ResultReady, page 1", &|q| q.kind = QueueKind::ResultReady),
        with("All, newest first, page 1", &|q| {
            q.kind = QueueKind::All;
            q.descending = true;
        }),
        with("All, search exact dossier code", &|q| {
            q.kind = QueueKind::All;
            q.search = targets.code.clone();
        }),
        with("All, search ID number", &|q| {
            q.kind = QueueKind::All;
            q.search = targets.id_number.clone();
        }),
        with("All, search name \"nguyen van an\"", &|q| {
            q.kind = QueueKind::All;
            q.search = "nguyen van an".into();
        }),
        with("New, search name \"nguyen van an\"", &|q| {
            q.search = "nguyen van an".into();
        }),
        with("All, procedure code", &|q| {
            q.kind = QueueKind::All;
            q.procedure_code = Some(targets.procedure_code.clone());
        }),
    ];

    let mut results = vec![];
    for (label, q) in &cases {
        let mut rows = store.queue(q).await?;
        for _ in 0..2 {
            rows = store.queue(q).await?;
        }
        let mut times = Vec::with_capacity(args.runs);
        for _ in 0..args.runs {
            let t = Instant::now();
            let r = store.queue(q).await?;
            times.push(t.elapsed());
            assert_eq!(r.len(), rows.len());
        }
        times.sort();
        let p95 = times[(times.len() * 95).div_ceil(100) - 1];
        let m = Measured {
            label: label.clone(),
            median: times[times.len() / 2],
            p95,
            rows: rows.len(),
        };
        eprintln!("  {:<40} {:>9} ms", m.label, ms(m.median));
        results.push(m);
    }

    println!();
    println!(
        "| query (agency {}, limit {}) | median ms | p95 ms | rows |",
        targets.agency,
        PAGE_SIZE + 1
    );
    println!("|---|---:|---:|---:|");
    for m in &results {
        println!(
            "| {} | {} | {} | {} |",
            m.label,
            ms(m.median),
            ms(m.p95),
            m.rows
        );
    }
    println!();
    for (label, q) in cases.iter().filter(|(l, _)| {
        [
            "New, page 1",
            "MySteps(account), page 1",
            "All, newest first, page 1",
            "All, search name \"nguyen van an\"",
        ]
        .contains(&l.as_str())
    }) {
        println!("EXPLAIN QUERY PLAN, {label}:");
        print!("{}", explain(&store, q).await?);
    }
    let slow: Vec<&Measured> = results
        .iter()
        .filter(|m| m.median > Duration::from_millis(50))
        .collect();
    if !slow.is_empty() {
        println!();
        println!("Slower than 50 ms (median):");
        for m in slow {
            println!("  {}: {} ms", m.label, ms(m.median));
        }
    }
    side.close().await;
    store.close().await;
    Ok(())
}
