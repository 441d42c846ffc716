//! A citizen identity number (số định danh cá nhân, CCCD).

use serde::{Deserialize, Serialize};

use super::{ParseError, masked, text_identifier};
use crate::validate::parse_id_number;

/// A 12-digit citizen identity number, by the rule of the form's `id_number` field
/// ([`parse_id_number`]: spaces between digit groups are ignored). Personal data: `Debug`
/// shows only its last three digits.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct IdNumber(String);

text_identifier!(IdNumber);

impl IdNumber {
    pub fn parse(s: &str) -> Result<IdNumber, ParseError> {
        parse_id_number(s.trim())
            .map(IdNumber)
            .ok_or(ParseError::IdNumber)
    }
}

impl std::fmt::Debug for IdNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "IdNumber({})", masked(&self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_field_rule_decides() {
        assert_eq!(
            IdNumber::parse(" 001 090 012 345 ").unwrap(),
            "001090012345"
        );
        assert_eq!(IdNumber::parse("00109001234"), Err(ParseError::IdNumber));
        assert_eq!(IdNumber::parse("00109001234x"), Err(ParseError::IdNumber));
    }

    #[test]
    fn debug_hides_all_but_the_last_digits() {
        let id = IdNumber::parse("001090012345").unwrap();
        assert_eq!(format!("{id:?}"), "IdNumber(*********345)");
    }
}
