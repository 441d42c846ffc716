//! The dossier code (mã hồ sơ): `{agency code}-{YYMMDD}-{NNNN}`.

use crate::ids::{AgencyCode, DossierCode};

/// The dossier code of the receiving agency's identifier code (mã định danh), the filing
/// date (Asia/Ho_Chi_Minh) and the per-agency, per-day sequence number (from 1).
pub fn dossier_code(agency: &AgencyCode, date: time::Date, sequence: u32) -> DossierCode {
    let yymmdd = format!(
        "{:02}{:02}{:02}",
        date.year().rem_euclid(100),
        u8::from(date.month()),
        date.day()
    );
    DossierCode::from_parts(agency, &yymmdd, sequence)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn matches_the_spec_example() {
        let agency = AgencyCode::parse("000.00.06.H56").unwrap();
        let code = dossier_code(&agency, date!(2025 - 11 - 22), 1);
        assert_eq!(code, "000.00.06.H56-251122-0001");
        assert_eq!(DossierCode::parse(code.as_str()), Ok(code));
    }

    #[test]
    fn sequences_beyond_four_digits_still_format() {
        let agency = AgencyCode::parse("000.00.06.H56").unwrap();
        let code = dossier_code(&agency, date!(2026 - 01 - 02), 12345);
        assert_eq!(code, "000.00.06.H56-260102-12345");
    }
}
