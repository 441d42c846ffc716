//! The mistakes a person can make in an account form, each shown at one field of it.

/// A mistake in an account form that its user can fix: shown at [`Problem::field`] with the
/// message of [`Problem::key`] in their language. Nothing was changed when one is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    NameRequired,
    NameTooLong,
    PhoneInvalid,
    /// Registration: an account already signs in with this phone.
    PhoneTaken,
    EmailInvalid,
    PasswordShort,
    /// On the list of common passwords ([`super::password::is_common`]).
    PasswordCommon,
    PasswordMismatch,
    /// A password change: the current password typed is not the account's.
    CurrentPasswordWrong,
    LoginRequired,
    LoginInvalid,
    LoginTaken,
    /// No role ticked, or one that is not a role.
    RolesRequired,
    /// An admin cannot take their own admin role away (nobody could give it back).
    OwnAdminRole,
    /// An admin cannot lock their own account.
    OwnLockOut,
}

impl Problem {
    /// The name of the form control it is shown at.
    pub fn field(self) -> &'static str {
        use Problem::*;
        match self {
            NameRequired | NameTooLong => "ho_ten",
            PhoneInvalid | PhoneTaken => "so_dien_thoai",
            EmailInvalid => "email",
            PasswordShort | PasswordCommon => "mat_khau",
            CurrentPasswordWrong => "mat_khau_cu",
            PasswordMismatch => "nhap_lai",
            LoginRequired | LoginInvalid | LoginTaken => "dang_nhap",
            RolesRequired | OwnAdminRole => "vai_tro",
            OwnLockOut => "hoat_dong",
        }
    }

    /// The key of its message in the translation tables (`app/src/i18n`).
    pub fn key(self) -> &'static str {
        use Problem::*;
        match self {
            NameRequired | LoginRequired => "required",
            NameTooLong => "too_long",
            PhoneInvalid => "phone_invalid",
            PhoneTaken => "phone_taken",
            EmailInvalid => "email_invalid",
            PasswordShort => "password_short",
            PasswordCommon => "password_common",
            CurrentPasswordWrong => "current_password_wrong",
            PasswordMismatch => "password_mismatch",
            LoginInvalid => "login_invalid",
            LoginTaken => "login_taken",
            RolesRequired => "roles_required",
            OwnAdminRole => "own_admin",
            OwnLockOut => "own_deactivate",
        }
    }
}
