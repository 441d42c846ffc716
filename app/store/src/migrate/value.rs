//! One column value, read and written through sqlx's `Any` driver whatever the backend, and
//! its canonical encoding for the tables' content hashes.

use sha2::{Digest, Sha256};
use sqlx::any::{AnyArguments, AnyRow};
use sqlx::query::Query;
use sqlx::{Any, Row};

use crate::backend::catalogue::ColumnKind;

/// A value of one of the four kinds the store's columns have, or SQL's NULL.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Value {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

type AnyQuery<'q> = Query<'q, Any, AnyArguments<'q>>;

impl Value {
    /// Column `index` of `row`, decoded as its column's kind. A stored value of another kind
    /// (possible in SQLite, which types values, not columns) is an error, not a conversion.
    pub fn read(row: &AnyRow, index: usize, kind: ColumnKind) -> Result<Value, sqlx::Error> {
        Ok(match kind {
            ColumnKind::Integer => row
                .try_get::<Option<i64>, _>(index)?
                .map_or(Value::Null, Value::Integer),
            ColumnKind::Real => row
                .try_get::<Option<f64>, _>(index)?
                .map_or(Value::Null, Value::Real),
            ColumnKind::Text => row
                .try_get::<Option<String>, _>(index)?
                .map_or(Value::Null, Value::Text),
            ColumnKind::Blob => row
                .try_get::<Option<Vec<u8>>, _>(index)?
                .map_or(Value::Null, Value::Blob),
        })
    }

    /// Binds the value as the next parameter. A NULL is bound with its column's type, which
    /// PostgreSQL needs to accept it.
    pub fn bind(self, query: AnyQuery<'_>, kind: ColumnKind) -> AnyQuery<'_> {
        match self {
            Value::Integer(v) => query.bind(v),
            Value::Real(v) => query.bind(v),
            Value::Text(v) => query.bind(v),
            Value::Blob(v) => query.bind(v),
            Value::Null => match kind {
                ColumnKind::Integer => query.bind(None::<i64>),
                ColumnKind::Real => query.bind(None::<f64>),
                ColumnKind::Text => query.bind(None::<String>),
                ColumnKind::Blob => query.bind(None::<Vec<u8>>),
            },
        }
    }

    /// Feeds the value to a hash unambiguously: a kind tag, then fixed-width big-endian
    /// numbers, or a length then the bytes, so that no two different rows encode the same.
    pub fn hash_into(&self, hasher: &mut Sha256) {
        match self {
            Value::Null => hasher.update(b"N"),
            Value::Integer(v) => {
                hasher.update(b"I");
                hasher.update(v.to_be_bytes());
            }
            Value::Real(v) => {
                hasher.update(b"R");
                hasher.update(v.to_bits().to_be_bytes());
            }
            Value::Text(v) => length_prefixed(hasher, b"T", v.as_bytes()),
            Value::Blob(v) => length_prefixed(hasher, b"B", v),
        }
    }
}

fn length_prefixed(hasher: &mut Sha256, tag: &[u8], bytes: &[u8]) {
    hasher.update(tag);
    hasher.update((bytes.len() as u64).to_be_bytes());
    hasher.update(bytes);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hash(values: &[Value]) -> Vec<u8> {
        let mut h = Sha256::new();
        for v in values {
            v.hash_into(&mut h);
        }
        h.finalize().to_vec()
    }

    #[test]
    fn different_rows_hash_differently() {
        let t = |s: &str| Value::Text(s.into());
        assert_ne!(hash(&[t("ab"), t("c")]), hash(&[t("a"), t("bc")]));
        assert_ne!(hash(&[Value::Null]), hash(&[t("")]));
        assert_ne!(hash(&[t("1")]), hash(&[Value::Integer(1)]));
        assert_ne!(hash(&[t("x")]), hash(&[Value::Blob(b"x".to_vec())]));
        assert_eq!(
            hash(&[t("ạ"), Value::Integer(-1)]),
            hash(&[t("ạ"), Value::Integer(-1)])
        );
    }
}
