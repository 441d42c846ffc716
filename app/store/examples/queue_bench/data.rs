//! The generated dossiers: realistic rows (Vietnamese names with their real frequencies, a
//! long-running desk's status mix, the workflow state each status implies), reproducible
//! from a fixed seed.

use std::collections::HashMap;

use motcua_domain::dossier_code::dossier_code;
use motcua_domain::search::fold;
use serde_json::json;
use time::macros::{datetime, format_description};
use time::{OffsetDateTime, UtcOffset};

/// Agencies of the generated desk, each with one staff member per role below.
pub const AGENCIES: usize = 10;
pub const STAFF_PER_AGENCY: usize = 4;
/// Dossiers are filed over the two years before this moment.
pub const END: OffsetDateTime = datetime!(2026-12-01 00:00 UTC);
const SPAN_DAYS: i64 = 730;
const VIETNAM: UtcOffset = match UtcOffset::from_hms(7, 0, 0) {
    Ok(o) => o,
    Err(_) => panic!("UTC+7 is a valid offset"),
};

/// SplitMix64: small, fast and reproducible; enough to spread test data.
pub struct Rng(u64);

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

/// One dossier row, as the columns of `dossiers` (see `DossierStore::file_dossier` and
/// `WorkflowStore::apply_transition` for who writes which).
pub struct Row {
    pub code: String,
    pub agency: usize,
    pub status: i32,
    pub full_name: String,
    pub id_number: String,
    pub phone: String,
    pub email: Option<String>,
    pub address: String,
    pub birth_date: String,
    pub answers: String,
    pub filed_at: String,
    pub accepted_at: Option<String>,
    pub due_at: Option<String>,
    pub statutory_due_at: Option<String>,
    pub current_step: Option<String>,
    pub step_started_at: Option<String>,
    pub step_due_at: Option<String>,
    pub assignee_id: Option<i64>,
    pub paused_at: Option<String>,
    pub resume_status: Option<i32>,
    pub finished_at: Option<String>,
    pub updated_at: String,
    pub search_name: String,
    pub supplement_round: i64,
}

pub struct Generator {
    rng: Rng,
    n: usize,
    start: i64,
    agencies: Vec<String>,
    /// Staff account ids per agency.
    staff: Vec<Vec<i64>>,
    /// Last sequence number per (agency, Vietnamese date).
    pub sequences: HashMap<(usize, time::Date), u32>,
}

impl Generator {
    /// A generator of `n` dossiers for these agencies (codes) and their staff (account ids
    /// in role order: reception, specialist, leader, clerk).
    pub fn new(n: usize, agencies: Vec<String>, staff: Vec<Vec<i64>>) -> Generator {
        Generator {
            rng: Rng(0x6d6f_7463_7561),
            n,
            start: (END.unix_timestamp() - SPAN_DAYS * 86_400) * 1_000_000,
            agencies,
            staff,
            sequences: HashMap::new(),
        }
    }

    /// The `i`-th dossier, in filing order.
    pub fn row(&mut self, i: usize) -> Row {
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
        let agency_code = self.agencies[agency]
            .parse()
            .expect("the generated agencies have agency codes");
        let code = dossier_code(&agency_code, date, *seq).to_string();
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
