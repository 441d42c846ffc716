//! The audit trail's vocabulary: what is recorded about who did what to which object.
//!
//! The trail is append-only (the database refuses to change or delete a row). Its entries are
//! for the agency's admins, who search them, and in part for the citizen, who sees who handled
//! and who looked at their dossier: by role and agency, never by name
//! ([`AuditAction::shown_to_citizen`]).

use serde::{Deserialize, Serialize};

/// What happened. Stored by its [`as_str`](AuditAction::as_str) code, which never changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AuditAction {
    /// A sign-in that succeeded.
    SignIn,
    /// A wrong password (or a locked account) for a known login; unknown logins are recorded
    /// with no actor.
    SignInRefused,
    /// A login past its free misses: its next tries are slowed.
    SignInSlowed,
    /// A client address refused further sign-ins for a while.
    SignInBlocked,
    /// A staff member opened a dossier's page.
    DossierViewed,
    /// A staff member opened one of a dossier's files.
    FileViewed,
    /// A workflow move (the move's action is the entry's detail).
    Moved,
    /// An admin added a staff account.
    StaffAdded,
    /// An admin replaced a staff member's roles (the new roles are the detail).
    RolesChanged,
    /// An admin locked a staff account.
    AccountLocked,
    /// An admin unlocked a staff account.
    AccountUnlocked,
    /// An admin set a staff member's password.
    PasswordSet,
    /// A person changed their own password.
    PasswordChanged,
    /// A day of the working calendar was added, changed or removed (the date is the object).
    CalendarChanged,
    /// The working calendar was imported from a file.
    CalendarImported,
}

impl AuditAction {
    /// Every action, for the admin's search filter.
    pub const ALL: [AuditAction; 15] = [
        AuditAction::SignIn,
        AuditAction::SignInRefused,
        AuditAction::SignInSlowed,
        AuditAction::SignInBlocked,
        AuditAction::DossierViewed,
        AuditAction::FileViewed,
        AuditAction::Moved,
        AuditAction::StaffAdded,
        AuditAction::RolesChanged,
        AuditAction::AccountLocked,
        AuditAction::AccountUnlocked,
        AuditAction::PasswordSet,
        AuditAction::PasswordChanged,
        AuditAction::CalendarChanged,
        AuditAction::CalendarImported,
    ];

    /// The stored code.
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::SignIn => "sign-in",
            AuditAction::SignInRefused => "sign-in-refused",
            AuditAction::SignInSlowed => "sign-in-slowed",
            AuditAction::SignInBlocked => "sign-in-blocked",
            AuditAction::DossierViewed => "dossier-viewed",
            AuditAction::FileViewed => "file-viewed",
            AuditAction::Moved => "moved",
            AuditAction::StaffAdded => "staff-added",
            AuditAction::RolesChanged => "roles-changed",
            AuditAction::AccountLocked => "account-locked",
            AuditAction::AccountUnlocked => "account-unlocked",
            AuditAction::PasswordSet => "password-set",
            AuditAction::PasswordChanged => "password-changed",
            AuditAction::CalendarChanged => "calendar-changed",
            AuditAction::CalendarImported => "calendar-imported",
        }
    }

    /// The action stored as `code`, if it is one.
    pub fn parse(code: &str) -> Option<AuditAction> {
        AuditAction::ALL.into_iter().find(|a| a.as_str() == code)
    }

    /// Whether the citizen whose dossier it concerns sees it: who handled it (a move) and
    /// who looked at it or its files.
    pub fn shown_to_citizen(self) -> bool {
        matches!(
            self,
            AuditAction::DossierViewed | AuditAction::FileViewed | AuditAction::Moved
        )
    }
}

#[cfg(test)]
mod tests {
    use super::AuditAction;

    #[test]
    fn every_action_reads_back_from_its_code_and_codes_are_distinct() {
        let mut seen = std::collections::HashSet::new();
        for a in AuditAction::ALL {
            assert_eq!(AuditAction::parse(a.as_str()), Some(a));
            assert!(seen.insert(a.as_str()), "{a:?}");
        }
        assert_eq!(AuditAction::parse("deleted"), None);
    }

    #[test]
    fn the_citizen_sees_handling_and_viewing_only() {
        let shown: Vec<_> = AuditAction::ALL
            .into_iter()
            .filter(|a| a.shown_to_citizen())
            .collect();
        assert_eq!(
            shown,
            [
                AuditAction::DossierViewed,
                AuditAction::FileViewed,
                AuditAction::Moved
            ]
        );
    }
}
