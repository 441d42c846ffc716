//! Passwords: the rules for a new one (long enough, not a common one), and hashing and
//! checking them.
//!
//! **argon2id** (the `argon2` crate of RustCrypto, maintained, pure Rust) with its default
//! parameters (OWASP's minimum: 19 MiB, 2 passes), stored as a PHC string so parameters can
//! be raised later without invalidating old hashes. The store never sees a password.

use super::Problem;

/// Shortest password we accept.
pub const MIN_PASSWORD_LEN: usize = 8;

/// A hash to verify against when the login is unknown, so that a wrong login and a wrong
/// password take as long to answer.
pub(crate) const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$0Xbk9D3pdSyb0YTnAA5bMfmCI0nN3dJVgQNwmjaCWKU";

/// Words of this site and its demo that a guesser tries first, beyond the general list.
const LOCAL_COMMON: &[&str] = &[
    "motcua",
    "motcua123",
    "motcua-demo",
    "dichvucong",
    "dichvucong123",
    "matkhau123",
    "vietnam123",
    "12345678a",
];

/// Whether `password` is one a guesser tries first: on the list of about 100,000 common
/// passwords shipped in the `passwords` crate (its `common-password` table, compiled into
/// the binary: no file to deploy, no network), in any letter case, or a word of this site.
pub fn is_common(password: &str) -> bool {
    let lower = password.to_lowercase();
    passwords::analyzer::is_common_password(password)
        || passwords::analyzer::is_common_password(&lower)
        || LOCAL_COMMON.contains(&lower.as_str())
}

/// A password chosen in a form: long enough, not a common one, and typed the same twice.
pub struct NewPassword(String);

impl NewPassword {
    /// Checks `password` and its `confirmation`, as typed (never trimmed: spaces count).
    pub fn parse(password: &str, confirmation: &str) -> Result<NewPassword, Problem> {
        if password.chars().count() < MIN_PASSWORD_LEN {
            Err(Problem::PasswordShort)
        } else if is_common(password) {
            Err(Problem::PasswordCommon)
        } else if password != confirmation {
            Err(Problem::PasswordMismatch)
        } else {
            Ok(NewPassword(password.to_string()))
        }
    }

    /// Its hash for storage, computed on a blocking thread (it takes tens of milliseconds of
    /// CPU by design, which must not stall other requests).
    pub async fn hash(self) -> Result<String, HashError> {
        tokio::task::spawn_blocking(move || hash_password(&self.0))
            .await
            .map_err(|e| HashError(e.to_string()))?
    }
}

/// Hashing a password failed (the random source, or the hashing thread): ours, never the
/// user's.
#[derive(Debug, thiserror::Error)]
#[error("hashing a password failed: {0}")]
pub struct HashError(String);

/// Hashes a password for storage (argon2id, random salt, PHC string).
pub fn hash_password(password: &str) -> Result<String, HashError> {
    use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
    let salt = SaltString::generate(&mut OsRng);
    argon2::Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| HashError(e.to_string()))
}

/// Whether `password` matches the stored PHC string. A malformed hash never matches.
pub fn verify_password(password: &str, hash: &str) -> bool {
    use argon2::password_hash::{PasswordHash, PasswordVerifier};
    PasswordHash::new(hash).is_ok_and(|h| {
        argon2::Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// [`verify_password`] on a blocking thread.
pub(crate) async fn verify_off_thread(password: String, hash: String) -> bool {
    tokio::task::spawn_blocking(move || verify_password(&password, &hash))
        .await
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_only_themselves() {
        let h = hash_password("mật khẩu dài").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("mật khẩu dài", &h));
        assert!(!verify_password("mat khau dai", &h));
        assert!(!verify_password("x", "not a hash"));
    }

    #[test]
    fn the_dummy_hash_is_a_valid_hash() {
        // A malformed hash would make unknown logins answer faster than wrong passwords.
        let started = std::time::Instant::now();
        assert!(!verify_password("x", DUMMY_HASH));
        assert!(started.elapsed() > std::time::Duration::from_millis(1));
    }

    #[test]
    fn a_new_password_is_long_enough_and_confirmed() {
        assert!(NewPassword::parse("mat-khau-dai", "mat-khau-dai").is_ok());
        assert!(matches!(
            NewPassword::parse("ngan", "ngan"),
            Err(Problem::PasswordShort)
        ));
        assert!(matches!(
            NewPassword::parse("mat-khau-dai", "mat-khau-khac"),
            Err(Problem::PasswordMismatch)
        ));
    }

    #[test]
    fn a_common_password_is_refused_in_any_case() {
        for common in [
            "12345678",
            "Password1",
            "ANHYEUEM",
            "iloveyou",
            "motcua-demo",
        ] {
            assert!(
                matches!(
                    NewPassword::parse(common, common),
                    Err(Problem::PasswordCommon)
                ),
                "{common}"
            );
        }
        assert!(!is_common("mat-khau-dai"));
        assert!(!is_common("Ngựa vằn ăn cỏ xanh"));
    }
}
