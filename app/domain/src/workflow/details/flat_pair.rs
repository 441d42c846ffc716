//! Reading an optional pair of keys that an event's details hold beside their others (the
//! step left, the pause ended). Serde reads a flattened `Option` that fails to parse as
//! `None`, so a corrupt pair would pass for "there was none" and a slip or the timeline would
//! silently lose a fact. Here a pair is absent only when none of its keys is there (or each
//! is `null`); a pair present but malformed or half there is an error.

use serde::Deserialize;
use serde::de::{DeserializeOwned, Deserializer, Error};
use serde_json::{Map, Value};

/// A value stored as exactly these keys of the details object.
pub(super) trait FlatPair: DeserializeOwned {
    const KEYS: [&'static str; 2];
}

/// `deserialize_with` of a flattened `Option<T>`: `None` when none of `T`'s keys is there,
/// otherwise `T` read strictly from them.
pub(super) fn strict<'de, D: Deserializer<'de>, T: FlatPair>(d: D) -> Result<Option<T>, D::Error> {
    // A flattened field sees every key of the object not taken by a named field; a map
    // reads them without taking them from the fields flattened after it.
    let all = Map::<String, Value>::deserialize(d)?;
    let pair: Map<String, Value> = all
        .into_iter()
        .filter(|(k, v)| T::KEYS.contains(&k.as_str()) && !v.is_null())
        .collect();
    if pair.is_empty() {
        return Ok(None);
    }
    T::deserialize(Value::Object(pair))
        .map(Some)
        .map_err(|e| D::Error::custom(format!("{} and {}: {e}", T::KEYS[0], T::KEYS[1])))
}
