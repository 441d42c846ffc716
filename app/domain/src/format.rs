//! Display helpers: money, dates and times the way Vietnamese documents write them.
//!
//! - Money: dot as the thousands separator and a **normal space** (U+0020) before `₫`:
//!   `1.500.000 ₫`. A normal space keeps the output plain ASCII-safe for slips, e-mail and
//!   text exports; pages that must not wrap there can style the element with
//!   `white-space: nowrap`.
//! - Dates: `dd/mm/yyyy`.
//! - Times: `HH:MM dd/mm/yyyy` in Asia/Ho_Chi_Minh, which is UTC+7 all year (Vietnam has no
//!   daylight saving time), so no time-zone database is needed.

use time::{Date, Month, OffsetDateTime, UtcOffset};

/// Vietnam's offset from UTC (Asia/Ho_Chi_Minh, no DST).
pub const VN_OFFSET: UtcOffset = time::macros::offset!(+7);

/// Digits of `n` with a dot every three digits: `1500000` → `1.500.000`.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// An amount in đồng for display: `1.500.000 ₫` (normal space before the sign).
pub fn format_vnd(amount: u64) -> String {
    format!("{} ₫", group_thousands(amount))
}

/// A decimal number the Vietnamese way: dot thousands, comma decimal mark (`1.234,5`,
/// `-2,75`). Used for number limits in messages. Up to 6 decimals, trailing zeros dropped.
pub fn format_decimal(x: f64) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    let negative = x < 0.0;
    let text = format!("{:.6}", x.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let frac = frac.trim_end_matches('0');
    let int = int
        .parse::<u64>()
        .map(group_thousands)
        .unwrap_or_else(|_| int.to_string());
    let sign = if negative && (int != "0" || !frac.is_empty()) {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int},{frac}")
    }
}

/// A date as `dd/mm/yyyy`.
pub fn format_date(d: Date) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), u8::from(d.month()), d.year())
}

/// A date as `YYYY-MM-DD` (the stored form).
pub fn iso_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// Parses a stored `YYYY-MM-DD` date (exactly that shape, a real calendar date).
pub fn parse_iso_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &s[r];
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let year = num(0..4)? as i32;
    let month = Month::try_from(num(5..7)? as u8).ok()?;
    Date::from_calendar_date(year, month, num(8..10)? as u8).ok()
}

/// `"2025-07-01"` → `Some("01/07/2025")`; `None` unless the input is a real `YYYY-MM-DD` date.
pub fn format_iso_date_str(s: &str) -> Option<String> {
    parse_iso_date(s).map(format_date)
}

/// An instant as Vietnamese wall-clock time: `HH:MM dd/mm/yyyy` in UTC+7.
pub fn format_datetime_vn(at: OffsetDateTime) -> String {
    let local = at.to_offset(VN_OFFSET);
    format!(
        "{:02}:{:02} {}",
        local.hour(),
        local.minute(),
        format_date(local.date())
    )
}

/// A file size for people: `850 B`, `12 KB`, `1,4 MB` (decimal comma, as Vietnamese writes).
pub fn format_file_size(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{} KB", bytes.div_ceil(1_000)),
        _ => format!(
            "{} MB",
            format_decimal((bytes as f64 / 100_000.0).round() / 10.0)
        ),
    }
}

/// The date line of an administrative document: `ngày 01 tháng 12 năm 2026`.
pub fn date_line_vi(d: Date) -> String {
    format!(
        "ngày {:02} tháng {:02} năm {}",
        d.day(),
        u8::from(d.month()),
        d.year()
    )
}

/// Today's date in Vietnam for the instant `now`.
pub fn today_vn(now: OffsetDateTime) -> Date {
    now.to_offset(VN_OFFSET).date()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn file_sizes_and_date_lines() {
        assert_eq!(format_file_size(850), "850 B");
        assert_eq!(format_file_size(12_345), "13 KB");
        assert_eq!(format_file_size(1_400_000), "1,4 MB");
        assert_eq!(
            date_line_vi(date!(2026 - 12 - 01)),
            "ngày 01 tháng 12 năm 2026"
        );
    }

    #[test]
    fn money() {
        assert_eq!(format_vnd(0), "0 ₫");
        assert_eq!(format_vnd(999), "999 ₫");
        assert_eq!(format_vnd(1000), "1.000 ₫");
        assert_eq!(format_vnd(1_500_000), "1.500.000 ₫");
        assert_eq!(format_vnd(123_456_789), "123.456.789 ₫");
        assert_eq!(group_thousands(u64::MAX), "18.446.744.073.709.551.615");
    }

    #[test]
    fn decimals() {
        assert_eq!(format_decimal(2.5), "2,5");
        assert_eq!(format_decimal(1234.0), "1.234");
        assert_eq!(format_decimal(-0.25), "-0,25");
        assert_eq!(format_decimal(0.0), "0");
        assert_eq!(format_decimal(-0.0), "0");
    }

    #[test]
    fn dates() {
        assert_eq!(format_date(date!(2025 - 07 - 01)), "01/07/2025");
        assert_eq!(iso_date(date!(2024 - 02 - 29)), "2024-02-29");
        assert_eq!(
            format_iso_date_str("2025-07-01").as_deref(),
            Some("01/07/2025")
        );
        assert_eq!(format_iso_date_str("2025-02-29"), None);
        assert_eq!(format_iso_date_str("2025-7-1"), None);
        assert_eq!(format_iso_date_str("01/07/2025"), None);
        assert_eq!(format_iso_date_str("+025-07-01"), None);
    }

    #[test]
    fn datetime_in_vietnam() {
        // 17:30 UTC is 00:30 the next day in Hà Nội.
        assert_eq!(
            format_datetime_vn(datetime!(2025-12-31 17:30 UTC)),
            "00:30 01/01/2026"
        );
        assert_eq!(
            format_datetime_vn(datetime!(2025-07-01 08:05 +7)),
            "08:05 01/07/2025"
        );
        assert_eq!(
            today_vn(datetime!(2025-12-31 17:30 UTC)),
            date!(2026 - 01 - 01)
        );
    }
}
