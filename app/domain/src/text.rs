//! Translatable text as procedure files write it: a plain Vietnamese string, or an object
//! `{ "vi": ..., "en": ... }` where `vi` is required and others fall back to it.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The UI languages. Vietnamese is the default everywhere.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// Parses a language code; anything unknown is Vietnamese.
    pub fn from_code(code: &str) -> Lang {
        match code {
            "en" => Lang::En,
            _ => Lang::Vi,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Text {
    Plain(String),
    Localized(BTreeMap<String, String>),
}

impl Text {
    /// The text in `lang`, falling back to Vietnamese.
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            Text::Plain(s) => s,
            Text::Localized(map) => map
                .get(lang.code())
                .or_else(|| map.get("vi"))
                .map(String::as_str)
                .unwrap_or(""),
        }
    }

    /// The Vietnamese text (the authoritative one).
    pub fn vi(&self) -> &str {
        self.get(Lang::Vi)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Plain(s.to_string())
    }
}
