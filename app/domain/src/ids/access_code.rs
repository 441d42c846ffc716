//! The dossier's access code (mã truy cập): the secret printed on the receipt and on slip 01
//! that lets a citizen without an account act on their dossier (answer a supplement request,
//! withdraw it, read the slips that carry personal data, rate the service). The dossier code
//! is predictable and an ID number or a phone is known to many, so neither may open these.
//!
//! Twelve characters of Crockford's base32 (60 random bits: online guessing is bounded by the
//! lookup's limit, and a stolen database's digests cannot be searched in any useful time).
//! That alphabet has no I, L, O or U, so a code read aloud or typed from paper survives
//! confusion: `I`/`L` read as `1`, `O` as `0`, lower case as upper, spaces and dashes ignored.

use serde::{Deserialize, Serialize};

use super::{ParseError, text_identifier};

/// Crockford's base32 alphabet, in value order.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// How many characters a code has (5 bits each).
const ACCESS_CODE_LEN: usize = 12;

/// A dossier's access code, canonical (upper case, no separators). A secret: `Debug` shows
/// none of it, and [`AccessCode::grouped`] is for showing it to its owner.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AccessCode(String);

text_identifier!(AccessCode);

impl AccessCode {
    /// The code made of `random` (at least 60 random bits: the caller draws them from the
    /// operating system; the domain does no I/O).
    pub fn from_random(random: [u8; 8]) -> AccessCode {
        let bits = u64::from_be_bytes(random);
        AccessCode(
            (0..ACCESS_CODE_LEN)
                .map(|i| ALPHABET[((bits >> (5 * i)) & 31) as usize] as char)
                .collect(),
        )
    }

    /// The code as typed: case, spaces and dashes are ignored; `O` reads as `0`, `I` and `L`
    /// as `1` (Crockford's rule).
    pub fn parse(typed: &str) -> Result<AccessCode, ParseError> {
        let code: String = typed
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-' && *c != '.')
            .map(|c| match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                c => c,
            })
            .collect();
        let valid = code.len() == ACCESS_CODE_LEN && code.bytes().all(|b| ALPHABET.contains(&b));
        valid
            .then_some(AccessCode(code))
            .ok_or(ParseError::AccessCode)
    }

    /// The code in groups of four (`K7QM-3XHD-9TPA`), as the receipt prints it.
    pub fn grouped(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        chars
            .chunks(4)
            .map(|c| c.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("-")
    }
}

impl std::fmt::Debug for AccessCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AccessCode(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn typed_codes_forgive_case_separators_and_look_alikes() {
        let code = AccessCode::parse("k7qm-3xhd 9tpa").unwrap();
        assert_eq!(code, "K7QM3XHD9TPA");
        assert_eq!(code.grouped(), "K7QM-3XHD-9TPA");
        assert_eq!(AccessCode::parse("O1IL-0000-0000").unwrap(), "011100000000");
        assert_eq!(
            AccessCode::parse("K7QM3XHD9TP"),
            Err(ParseError::AccessCode)
        );
        assert_eq!(
            AccessCode::parse("K7QM3XHD9TPU"),
            Err(ParseError::AccessCode)
        );
        assert_eq!(
            AccessCode::parse("001090012345x"),
            Err(ParseError::AccessCode)
        );
    }

    #[test]
    fn debug_hides_the_secret() {
        let code = AccessCode::parse("K7QM3XHD9TPA").unwrap();
        assert_eq!(format!("{code:?}"), "AccessCode(…)");
    }

    proptest! {
        /// Every code drawn reads back as itself, grouped or not, and different draws of the
        /// low 60 bits give different codes.
        #[test]
        fn drawn_codes_parse_back(random: [u8; 8], other: [u8; 8]) {
            let code = AccessCode::from_random(random);
            prop_assert_eq!(AccessCode::parse(code.as_str()).unwrap(), code.clone());
            prop_assert_eq!(AccessCode::parse(&code.grouped().to_lowercase()).unwrap(), code.clone());
            let low = |r: [u8; 8]| u64::from_be_bytes(r) & ((1 << 60) - 1);
            if low(random) != low(other) {
                prop_assert_ne!(AccessCode::from_random(other), code);
            }
        }
    }
}
