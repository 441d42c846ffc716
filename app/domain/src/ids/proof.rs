//! What proves one may follow a dossier without signing in.

use super::{AccessCode, IdNumber, ParseError};

/// What a citizen without an account types with a dossier's code: the applicant's ID number,
/// which lets them follow its status, or the dossier's access code (printed on the receipt
/// and slip 01), which also lets them act on it and read its slips. A phone number proves
/// nothing: it is known to too many people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Proof {
    IdNumber(IdNumber),
    AccessCode(AccessCode),
}

impl Proof {
    /// The proof of what was typed: spaces, dots and dashes anywhere are ignored (people
    /// group the digits as they like), then it is an ID number (12 digits) or an access code.
    pub fn parse(typed: &str) -> Result<Proof, ParseError> {
        let compact: String = typed
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '.' && *c != '-')
            .collect();
        if let Ok(id) = IdNumber::parse(&compact) {
            return Ok(Proof::IdNumber(id));
        }
        AccessCode::parse(&compact)
            .map(Proof::AccessCode)
            .map_err(|_| ParseError::Proof)
    }

    /// Whether it lets its holder act on the dossier and see its personal data, not only
    /// follow its status: only the access code does.
    pub fn opens_actions(&self) -> bool {
        matches!(self, Proof::AccessCode(_))
    }

    /// Its canonical text, as a form carries it on.
    pub fn as_str(&self) -> &str {
        match self {
            Proof::IdNumber(id) => id.as_str(),
            Proof::AccessCode(code) => code.as_str(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_number_or_an_access_code_however_grouped() {
        let id = Proof::parse("001.234 567-890").unwrap();
        assert_eq!(
            id,
            Proof::IdNumber(IdNumber::parse("001234567890").unwrap())
        );
        assert_eq!(id.as_str(), "001234567890");
        assert!(!id.opens_actions());
        let code = Proof::parse(" k7qm-3xhd-9tpa ").unwrap();
        assert_eq!(
            code,
            Proof::AccessCode(AccessCode::parse("K7QM3XHD9TPA").unwrap())
        );
        assert!(code.opens_actions());
        assert_eq!(Proof::parse("12345"), Err(ParseError::Proof));
        assert_eq!(Proof::parse(""), Err(ParseError::Proof));
    }

    #[test]
    fn a_phone_proves_nothing() {
        assert_eq!(Proof::parse("0912345678"), Err(ParseError::Proof));
        assert_eq!(Proof::parse("+84 912 345 678"), Err(ParseError::Proof));
    }
}
