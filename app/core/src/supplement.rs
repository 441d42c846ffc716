//! The citizen's answer to a supplement request (status 5): only the requested fields and
//! documents re-open, with what was filed. The answer is kept in a draft of the dossier's
//! procedure version under an unguessable token (so a lost connection loses nothing);
//! sending it returns the dossier to where it was (5→1 or 5→4, through
//! [`workflow::perform`](crate::workflow::perform)), the earlier answers and files kept as a
//! version.
//!
//! [`start`] opens an answer, [`Pending::open`] continues one, [`AnswerPost`] reads a post of
//! the answer page and sends it when all is well.

mod answer;
mod pending;

pub use answer::{AnswerError, AnswerPost, AnswerSaved};
pub use pending::{Pending, StartError, SupplementDraft, start};

#[cfg(test)]
mod tests;
