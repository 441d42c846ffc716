//! Identifiers that are parsed once, where they come in (a form, a path, a stored row), and
//! then travel typed: a [`DossierCode`], an [`AgencyCode`], a [`Phone`], an [`IdNumber`],
//! a dossier's secret [`AccessCode`], and the [`Proof`] (ID number or access code) that opens
//! the public lookup.
//!
//! Each holds its canonical text privately, so a value of the type is always valid. Serde
//! reads and writes it as that text and re-validates on the way in, so a tampered request
//! or a corrupt row never yields one. The phone and the ID number are personal data: their
//! `Debug` shows only the last three characters, so they stay out of logs.

mod access_code;
mod agency_code;
mod dossier_code;
mod id_number;
mod phone;
mod proof;

pub use access_code::AccessCode;
pub use agency_code::AgencyCode;
pub use dossier_code::DossierCode;
pub use id_number::IdNumber;
pub use phone::Phone;
pub use proof::Proof;

/// Why typed text is not the identifier asked for. It never quotes the text: an ID number
/// or a phone is personal data, and an error may end up in a log.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("not a dossier code ({{agency code}}-YYMMDD-NNNN)")]
    DossierCode,
    #[error("not an agency identifier code (as 000.00.06.H56)")]
    AgencyCode,
    #[error("not a Vietnamese phone number")]
    Phone,
    #[error("not a 12-digit citizen identity number")]
    IdNumber,
    #[error("not a dossier access code (12 letters and digits)")]
    AccessCode,
    #[error("neither a citizen identity number nor a dossier access code")]
    Proof,
}

/// `value` with all but its last three characters replaced by `*`, for `Debug` of personal
/// data.
fn masked(value: &str) -> String {
    let count = value.chars().count();
    value
        .chars()
        .enumerate()
        .map(|(i, c)| if i + 3 < count { '*' } else { c })
        .collect()
}

/// The traits every identifier shares: `as_str`, `Display`, serde as its text (through
/// `TryFrom<String>`/`Into<String>`), and comparisons with plain text for tests and
/// lookups. `Debug` is written by each type (masked for personal data).
macro_rules! text_identifier {
    ($name:ident) => {
        impl $name {
            /// The canonical text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl TryFrom<String> for $name {
            type Error = $crate::ids::ParseError;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                Self::parse(&s)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = $crate::ids::ParseError;
            fn try_from(s: &str) -> Result<Self, Self::Error> {
                Self::parse(s)
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::ids::ParseError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::parse(s)
            }
        }

        impl From<$name> for String {
            fn from(v: $name) -> String {
                v.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }
    };
}
use text_identifier;

/// A code reads as its text wherever text is asked for (a URL, a format): it is public,
/// unlike a phone or an ID number, which need an explicit `as_str`.
macro_rules! reads_as_text {
    ($name:ident) => {
        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }
    };
}
use reads_as_text;

#[cfg(test)]
mod tests;
