//! The receiving agency's identifier code (mã định danh).

use serde::{Deserialize, Serialize};

use super::{ParseError, reads_as_text, text_identifier};

/// An agency's identifier code as the national portal issues it: three digits, two, two,
/// then a letter and two digits for the level and province (`000.00.06.H56`), letters in
/// upper case. It starts every dossier code the agency issues.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AgencyCode(String);

text_identifier!(AgencyCode);
reads_as_text!(AgencyCode);

impl AgencyCode {
    /// The code of `s`, trimmed and in upper case.
    pub fn parse(s: &str) -> Result<AgencyCode, ParseError> {
        let code = s.trim().to_ascii_uppercase();
        shape(&code)
            .then_some(AgencyCode(code))
            .ok_or(ParseError::AgencyCode)
    }
}

/// `ddd.dd.dd.Ldd`.
pub(super) fn shape(code: &str) -> bool {
    let parts: Vec<&str> = code.split('.').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [a, b, c, last] => {
            digits(a, 3)
                && digits(b, 2)
                && digits(c, 2)
                && last.len() == 3
                && last.as_bytes()[0].is_ascii_uppercase()
                && digits(&last[1..], 2)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn portal_codes_parse_and_others_do_not() {
        assert_eq!(
            AgencyCode::parse(" 000.00.06.h56 ").unwrap(),
            "000.00.06.H56"
        );
        assert_eq!(
            AgencyCode::parse("000.50.99.H01").unwrap().as_str(),
            "000.50.99.H01"
        );
        for bad in [
            "",
            "A",
            "000.00.06",
            "000.00.06.H5",
            "000.00.06.56H",
            "00.000.06.H56",
            "000.00.06.H56.",
        ] {
            assert_eq!(
                AgencyCode::parse(bad),
                Err(ParseError::AgencyCode),
                "{bad:?}"
            );
        }
    }
}
