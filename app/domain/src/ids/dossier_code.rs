//! The dossier code (mã hồ sơ), `{agency code}-{YYMMDD}-{NNNN}`.

use serde::{Deserialize, Serialize};

use super::{AgencyCode, ParseError, agency_code, reads_as_text, text_identifier};

/// A dossier's code: the receiving agency's [`AgencyCode`], the filing date as `YYMMDD` and
/// the per-agency, per-day sequence from `0001` (more digits past 9999). Built by
/// [`crate::dossier_code::dossier_code`] when filing, parsed from what was typed or a path.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DossierCode(String);

text_identifier!(DossierCode);
reads_as_text!(DossierCode);

impl DossierCode {
    /// The code of `s`, trimmed and in upper case.
    pub fn parse(s: &str) -> Result<DossierCode, ParseError> {
        let code = s.trim().to_ascii_uppercase();
        shape(&code)
            .then_some(DossierCode(code))
            .ok_or(ParseError::DossierCode)
    }

    /// The code of these parts, which are valid by their types and the caller's date.
    pub(crate) fn from_parts(agency: &AgencyCode, yymmdd: &str, sequence: u32) -> DossierCode {
        DossierCode(format!("{agency}-{yymmdd}-{sequence:04}"))
    }

    /// The agency that issued it.
    pub fn agency(&self) -> AgencyCode {
        let (agency, _) = self.0.split_once('-').unwrap_or((&self.0, ""));
        AgencyCode::parse(agency).expect("a dossier code starts with an agency code")
    }
}

fn shape(code: &str) -> bool {
    let mut parts = code.split('-');
    let (Some(agency), Some(date), Some(sequence), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    agency_code::shape(agency)
        && date.len() == 6
        && digits(date)
        && real_date(date)
        && sequence.len() >= 4
        && digits(sequence)
        && sequence.bytes().any(|b| b != b'0')
}

fn real_date(yymmdd: &str) -> bool {
    let n = |r: std::ops::Range<usize>| yymmdd[r].parse::<u8>().unwrap_or(0);
    let Ok(month) = time::Month::try_from(n(2..4)) else {
        return false;
    };
    time::Date::from_calendar_date(2000 + i32::from(n(0..2)), month, n(4..6)).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_of_the_spec_parse() {
        let code = DossierCode::parse(" 000.00.06.h56-251122-0001 ").unwrap();
        assert_eq!(code, "000.00.06.H56-251122-0001");
        assert_eq!(code.agency(), "000.00.06.H56");
        assert!(DossierCode::parse("000.00.06.H56-260102-12345").is_ok());
    }

    #[test]
    fn anything_else_does_not() {
        for bad in [
            "",
            "ABC-1",
            "000.00.06.H56-251122",
            "000.00.06.H56-251122-001",
            "000.00.06.H56-251122-0000",
            "000.00.06.H56-251322-0001",
            "000.00.06.H56-250230-0001",
            "000.00.06.H56-251122-0001-1",
            "X-251122-0001",
        ] {
            assert_eq!(
                DossierCode::parse(bad),
                Err(ParseError::DossierCode),
                "{bad:?}"
            );
        }
    }
}
