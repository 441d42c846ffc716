//! The fields of a staff account as an admin types them: login, name and roles.

use motcua_domain::ids::Phone;
use motcua_domain::validate::nfc;
use motcua_domain::workflow::StaffRole;

use super::Problem;

/// Longest full name accepted.
pub const MAX_NAME: usize = 100;

/// A staff login as stored (lower case), if it is acceptable: 3 to 64 of `a-z 0-9 . _ -`,
/// and not something sign-in would read as a phone number (that login could never sign in).
pub fn parse_login(s: &str) -> Option<String> {
    let login = s.trim().to_lowercase();
    let ok = (3..=64).contains(&login.len())
        && login
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b))
        && Phone::parse(&login).is_err();
    ok.then_some(login)
}

/// A login typed in the form: required, then [`parse_login`].
pub fn parse_typed_login(s: &str) -> Result<String, Problem> {
    if s.trim().is_empty() {
        return Err(Problem::LoginRequired);
    }
    parse_login(s).ok_or(Problem::LoginInvalid)
}

/// A full name as stored (trimmed, NFC): required, at most [`MAX_NAME`] characters, no
/// control characters.
pub fn parse_full_name(s: &str) -> Result<String, Problem> {
    let name = nfc(s.trim());
    if name.is_empty() {
        Err(Problem::NameRequired)
    } else if name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
        Err(Problem::NameTooLong)
    } else {
        Ok(name)
    }
}

/// A role name that is not a role. The operator reads it on the terminal, in English.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown role {0:?}: use reception, specialist, leader, clerk or admin")]
pub struct UnknownRole(pub String);

/// The roles `names` names (as ticked in the admin's form or typed on `motcua user add`), in
/// the order of [`StaffRole::ALL`] and each once; the first name that is not a role refuses
/// them all.
pub fn roles_named(names: &[String]) -> Result<Vec<StaffRole>, UnknownRole> {
    let mut roles = names
        .iter()
        .map(|r| StaffRole::parse(r.trim()).ok_or_else(|| UnknownRole(r.clone())))
        .collect::<Result<Vec<_>, _>>()?;
    roles.sort_by_key(|r| StaffRole::ALL.iter().position(|x| x == r));
    roles.dedup();
    Ok(roles)
}

/// The roles ticked in a form ([`roles_named`]); refused when none is ticked or one is not
/// a role.
pub fn parse_roles(ticked: &[String]) -> Result<Vec<StaffRole>, Problem> {
    match roles_named(ticked) {
        Ok(roles) if !roles.is_empty() => Ok(roles),
        _ => Err(Problem::RolesRequired),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logins_are_one_plain_word_and_not_a_phone() {
        assert_eq!(
            parse_login(" TiepNhan2.000.50.01.H56 ").as_deref(),
            Some("tiepnhan2.000.50.01.h56")
        );
        assert_eq!(parse_login("ab"), None);
        assert_eq!(parse_login("nguyễn"), None);
        assert_eq!(parse_login("a b c"), None);
        assert_eq!(parse_login("0912345678"), None);
        assert_eq!(parse_login("0912.345.678"), None);
        assert_eq!(parse_typed_login(" "), Err(Problem::LoginRequired));
        assert_eq!(parse_typed_login("ab"), Err(Problem::LoginInvalid));
    }

    #[test]
    fn roles_must_be_known_and_at_least_one() {
        let r = |v: &[&str]| parse_roles(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            r(&["leader", "reception", "leader"]),
            Ok(vec![StaffRole::Reception, StaffRole::Leader])
        );
        assert_eq!(r(&[]), Err(Problem::RolesRequired));
        assert_eq!(r(&["root"]), Err(Problem::RolesRequired));
        let named = |v: &[&str]| roles_named(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(named(&[" admin "]), Ok(vec![StaffRole::Admin]));
        assert_eq!(named(&["admin", "root"]), Err(UnknownRole("root".into())));
    }

    #[test]
    fn names_are_required_and_short() {
        assert_eq!(parse_full_name(" Lê  Cúc ").as_deref(), Ok("Lê  Cúc"));
        assert_eq!(parse_full_name(""), Err(Problem::NameRequired));
        assert_eq!(
            parse_full_name(&"a".repeat(MAX_NAME + 1)),
            Err(Problem::NameTooLong)
        );
        assert_eq!(parse_full_name("a\u{7}b"), Err(Problem::NameTooLong));
    }
}
