//! Accounts and sessions: a citizen registers and claims the dossiers filed as a guest,
//! staff and citizens sign in and out, an admin manages the staff of their agency, and the
//! operator creates staff from the command line. The handlers read a form, call one of
//! these, and answer; the rules are here.
//!
//! A user's mistake is a [`Problem`] shown at a field; a failure of ours is a `Store` (or
//! `Hashing`) variant of the use case's error, logged and never shown.

mod problem;

pub mod add_staff;
pub mod admin_staff;
pub mod change_password;
pub mod claim;
pub mod password;
pub mod register;
pub mod sessions;
pub mod setup;
pub mod sign_in;
pub mod staff_input;

pub use problem::Problem;

#[cfg(test)]
mod tests;
