//! What proves one may follow a dossier without signing in.

use super::{IdNumber, ParseError, Phone};

/// The applicant's ID number or phone, as typed into the public lookup or sent with a
/// slip or supplement link. Either matches the dossier's applicant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Proof {
    IdNumber(IdNumber),
    Phone(Phone),
}

impl Proof {
    /// The proof of what was typed: spaces, dots and dashes anywhere are ignored (people
    /// group the digits as they like), then it is an ID number or a phone.
    pub fn parse(typed: &str) -> Result<Proof, ParseError> {
        let compact: String = typed
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '.' && *c != '-')
            .collect();
        if let Ok(id) = IdNumber::parse(&compact) {
            return Ok(Proof::IdNumber(id));
        }
        Phone::parse(&compact)
            .map(Proof::Phone)
            .map_err(|_| ParseError::Proof)
    }

    /// Its canonical text, as a link carries it.
    pub fn as_str(&self) -> &str {
        match self {
            Proof::IdNumber(id) => id.as_str(),
            Proof::Phone(phone) => phone.as_str(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_number_or_a_phone_however_grouped() {
        let id = Proof::parse("001.234 567-890").unwrap();
        assert_eq!(
            id,
            Proof::IdNumber(IdNumber::parse("001234567890").unwrap())
        );
        assert_eq!(id.as_str(), "001234567890");
        let phone = Proof::parse(" +84 912-345.678").unwrap();
        assert_eq!(phone, Proof::Phone(Phone::parse("0912345678").unwrap()));
        assert_eq!(Proof::parse("12345"), Err(ParseError::Proof));
        assert_eq!(Proof::parse(""), Err(ParseError::Proof));
    }
}
