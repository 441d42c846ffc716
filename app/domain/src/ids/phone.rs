//! A Vietnamese phone number.

use serde::{Deserialize, Serialize};

use super::{ParseError, masked, text_identifier};
use crate::validate::parse_phone;

/// A phone number as `0xxxxxxxxx`, by the rule of the form's `phone` field
/// ([`parse_phone`]: `+84`, `84` and `0084` become `0`; spaces, dots and dashes between
/// digits are ignored). Personal data: `Debug` shows only its last three digits.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Phone(String);

text_identifier!(Phone);

impl Phone {
    pub fn parse(s: &str) -> Result<Phone, ParseError> {
        parse_phone(s.trim()).map(Phone).ok_or(ParseError::Phone)
    }
}

impl std::fmt::Debug for Phone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Phone({})", masked(&self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_field_rule_decides() {
        assert_eq!(Phone::parse(" +84 912 345 678 ").unwrap(), "0912345678");
        assert_eq!(Phone::parse("091.234.5678").unwrap(), "0912345678");
        assert_eq!(Phone::parse("12345"), Err(ParseError::Phone));
    }

    #[test]
    fn debug_hides_all_but_the_last_digits() {
        let phone = Phone::parse("0912345678").unwrap();
        assert_eq!(format!("{phone:?}"), "Phone(*******678)");
    }
}
