//! The dossier code (mã hồ sơ): `{agency code}-{YYMMDD}-{NNNN}`.

/// Formats a dossier code from the receiving agency's identifier code (mã định danh), the
/// filing date (Asia/Ho_Chi_Minh) and the per-agency, per-day sequence number (from 1).
pub fn dossier_code(agency_code: &str, year: i32, month: u8, day: u8, sequence: u32) -> String {
    format!(
        "{agency_code}-{:02}{month:02}{day:02}-{sequence:04}",
        year.rem_euclid(100)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_spec_example() {
        assert_eq!(
            dossier_code("000.00.06.H56", 2025, 11, 22, 1),
            "000.00.06.H56-251122-0001"
        );
    }

    #[test]
    fn sequences_beyond_four_digits_still_format() {
        assert_eq!(dossier_code("X", 2026, 1, 2, 12345), "X-260102-12345");
    }
}
