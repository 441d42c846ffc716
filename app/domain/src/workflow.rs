//! The dossier status machine (trạng thái hồ sơ) of `dossier-workflow.md`.
//!
//! The spec fixes the status codes (those the national portal uses, so reports and
//! integrations can use them unchanged), the allowed moves between them, who sets each
//! status, which slip (phiếu) a move produces, and the rule that an overdue dossier must get
//! slip 04 before it can move on. This module decides, for one requested [`Action`], whether
//! it is allowed and what the [`Move`] is; it stores nothing and reads no clock. The caller
//! gathers the facts ([`MoveContext`], [`MoveInput`]), calls [`decide`], and on success
//! appends the move as one event ("Anything else is refused with a clear error and changes
//! nothing").

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::procedure::{ProcessStep, Role};

/// Status codes 1..=10 as the national portal uses them ("Status codes" table of the spec).
///
/// Serialised as snake_case names; use [`Status::code`] / [`Status::from_code`] for the
/// portal's numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[repr(i32)]
pub enum Status {
    /// 1 Mới đăng ký: filed online, not yet checked; the clock has not started.
    Submitted = 1,
    /// 2 Được tiếp nhận: accepted as complete; the clock starts, slip 01 is issued.
    Accepted = 2,
    /// 3 Không được tiếp nhận: refused with slip 03; final.
    Refused = 3,
    /// 4 Đang xử lý: in process, one process step at a time.
    InProcess = 4,
    /// 5 Yêu cầu bổ sung: supplement requested with slip 02; the clock pauses.
    SupplementRequested = 5,
    /// 6 Yêu cầu thực hiện nghĩa vụ tài chính: fee or tax due; the clock pauses.
    FeeDue = 6,
    /// 7 Công dân rút hồ sơ: withdrawn by the citizen; final.
    Withdrawn = 7,
    /// 8 Dừng xử lý: processing stopped with slip 05; final.
    Stopped = 8,
    /// 9 Đã xử lý xong: result ready, result document attached.
    ResultReady = 9,
    /// 10 Đã trả kết quả: result returned; final.
    Returned = 10,
}

impl Status {
    /// Every status, in code order.
    pub const ALL: [Status; 10] = [
        Status::Submitted,
        Status::Accepted,
        Status::Refused,
        Status::InProcess,
        Status::SupplementRequested,
        Status::FeeDue,
        Status::Withdrawn,
        Status::Stopped,
        Status::ResultReady,
        Status::Returned,
    ];

    /// The portal's status code (1..=10).
    pub fn code(self) -> i32 {
        self as i32
    }

    /// The status of a portal code; `None` outside 1..=10.
    pub fn from_code(c: i32) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == c)
    }

    /// Refused (3), withdrawn (7), stopped (8) and returned (10) are final: the spec's table
    /// marks them so and the allowed-move list has no move out of them.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Status::Refused | Status::Withdrawn | Status::Stopped | Status::Returned
        )
    }

    /// While a dossier is in 5 (supplement requested) or 6 (fee due) its clock stops
    /// ("Pauses" in the working calendar section).
    pub fn pauses_clock(self) -> bool {
        matches!(self, Status::SupplementRequested | Status::FeeDue)
    }

    /// Whether the citizen may withdraw a dossier in this status (1 or 5): the statuses
    /// [`Action::Withdraw`] starts from, for the pages that offer the button.
    pub fn can_withdraw(self) -> bool {
        Action::Withdraw.from_statuses().contains(&self)
    }

    /// The Vietnamese name of the status, as in the spec's table.
    pub fn title_vi(self) -> &'static str {
        match self {
            Status::Submitted => "Mới đăng ký",
            Status::Accepted => "Được tiếp nhận",
            Status::Refused => "Không được tiếp nhận",
            Status::InProcess => "Đang xử lý",
            Status::SupplementRequested => "Yêu cầu bổ sung",
            Status::FeeDue => "Yêu cầu thực hiện nghĩa vụ tài chính",
            Status::Withdrawn => "Công dân rút hồ sơ",
            Status::Stopped => "Dừng xử lý",
            Status::ResultReady => "Đã xử lý xong",
            Status::Returned => "Đã trả kết quả",
        }
    }
}

/// Staff roles of an account (an account may hold several).
///
/// The first four are the process-step roles of the procedure format
/// ([`crate::procedure::Role`]); `Admin` manages users and the calendar ("Staff with the admin
/// role edit it") and acts on no dossier: no action accepts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StaffRole {
    /// One-stop desk officer (cán bộ tiếp nhận).
    Reception,
    /// Specialist who examines the dossier (chuyên viên).
    Specialist,
    /// Agency leader who signs (lãnh đạo).
    Leader,
    /// Clerk who issues the result (văn thư).
    Clerk,
    /// Manages users and the working calendar; acts on no dossier.
    Admin,
}

impl StaffRole {
    /// Every role.
    pub const ALL: [StaffRole; 5] = [
        StaffRole::Reception,
        StaffRole::Specialist,
        StaffRole::Leader,
        StaffRole::Clerk,
        StaffRole::Admin,
    ];

    /// The snake_case name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            StaffRole::Reception => "reception",
            StaffRole::Specialist => "specialist",
            StaffRole::Leader => "leader",
            StaffRole::Clerk => "clerk",
            StaffRole::Admin => "admin",
        }
    }

    /// The role named by [`StaffRole::as_str`]; exact, case-sensitive match.
    /// `roles` as comma-separated codes (`reception,leader`), as stored and recorded.
    pub fn codes(roles: &[StaffRole]) -> String {
        roles
            .iter()
            .map(|r| r.as_str())
            .collect::<Vec<_>>()
            .join(",")
    }

    pub fn parse(s: &str) -> Option<StaffRole> {
        StaffRole::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

impl From<Role> for StaffRole {
    fn from(r: Role) -> StaffRole {
        match r {
            Role::Reception => StaffRole::Reception,
            Role::Specialist => StaffRole::Specialist,
            Role::Leader => StaffRole::Leader,
            Role::Clerk => StaffRole::Clerk,
        }
    }
}

/// Who asks for a move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Actor<'a> {
    /// The applicant (or whoever holds the dossier on their behalf online).
    Citizen,
    /// A staff account with the roles it holds.
    Staff { roles: &'a [StaffRole] },
}

/// The named actions the UI offers; each is one move of the allowed-move list (or, for
/// [`Action::NextStep`], 4→4; [`Action::Apologize`] moves nothing).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// 1→2 by reception; slip 01. The caller then immediately starts process step 1 (2→4).
    Accept,
    /// 1→3 by reception; reason required (slip 03).
    Refuse,
    /// 1→5 by reception, 4→5 by specialist or reception; items and reason required (slip 02).
    RequestSupplement,
    /// 1→7 or 5→7 by the citizen.
    Withdraw,
    /// 2→4 into the first process step, by reception (or the system acting as reception).
    StartProcessing,
    /// 4→4 to the next process step, by the holder of the current step's role.
    NextStep,
    /// 4→6 by specialist.
    RequestFee,
    /// 6→4 by specialist or reception, back into the step the dossier was in.
    FeePaid,
    /// 4→8 by a leader, or a specialist with leader approval; reason required (slip 05).
    Stop,
    /// 4→9 from the last process step, by leader or clerk holding that step's role; result
    /// document required.
    Finish,
    /// 9→10 by reception.
    ReturnResult,
    /// 5→1 or 5→4 by the citizen: back to the status it was in before the request.
    Resupply,
    /// No status move: records slip 04 (new due moment, responsible unit, reason) for an
    /// overdue dossier, by leader or reception.
    Apologize,
    /// No status move (4→4, same step): a leader records "Đồng ý cho dừng xử lý", after which
    /// a specialist may [`Action::Stop`] the dossier ("specialist with leader approval"). The
    /// approval holds until the dossier moves on.
    ApproveStop,
}

impl Action {
    /// Every action, in the order the UI lists them.
    pub const ALL: [Action; 14] = [
        Action::Accept,
        Action::Refuse,
        Action::RequestSupplement,
        Action::Withdraw,
        Action::StartProcessing,
        Action::NextStep,
        Action::RequestFee,
        Action::FeePaid,
        Action::Stop,
        Action::Finish,
        Action::ReturnResult,
        Action::Resupply,
        Action::Apologize,
        Action::ApproveStop,
    ];

    /// The snake_case name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Accept => "accept",
            Action::Refuse => "refuse",
            Action::RequestSupplement => "request_supplement",
            Action::Withdraw => "withdraw",
            Action::StartProcessing => "start_processing",
            Action::NextStep => "next_step",
            Action::RequestFee => "request_fee",
            Action::FeePaid => "fee_paid",
            Action::Stop => "stop",
            Action::Finish => "finish",
            Action::ReturnResult => "return_result",
            Action::Resupply => "resupply",
            Action::Apologize => "apologize",
            Action::ApproveStop => "approve_stop",
        }
    }

    /// The action named by [`Action::as_str`].
    pub fn parse(s: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == s)
    }

    /// The statuses the action may start from: the allowed-move list read per action. An
    /// apology is possible once the clock has started (2) and before the result is ready (9),
    /// because only such a dossier can be overdue ("A dossier not yet at 9 whose due moment
    /// has passed is overdue"; the clock starts at 2).
    pub fn from_statuses(self) -> &'static [Status] {
        use Status::*;
        match self {
            Action::Accept | Action::Refuse => &[Submitted],
            Action::RequestSupplement => &[Submitted, InProcess],
            Action::Withdraw => &[Submitted, SupplementRequested],
            Action::StartProcessing => &[Accepted],
            Action::NextStep
            | Action::RequestFee
            | Action::Stop
            | Action::Finish
            | Action::ApproveStop => &[InProcess],
            Action::FeePaid => &[FeeDue],
            Action::ReturnResult => &[ResultReady],
            Action::Resupply => &[SupplementRequested],
            Action::Apologize => &[Accepted, InProcess, SupplementRequested, FeeDue],
        }
    }

    /// Whether the citizen (rather than staff) takes this action: withdrawal (status 7 is
    /// "set by citizen") and supplying the requested items.
    pub fn by_citizen(self) -> bool {
        matches!(self, Action::Withdraw | Action::Resupply)
    }

    /// Which parts of [`MoveInput`] the action needs, so the UI can show the right fields.
    pub fn needs(self) -> InputNeeds {
        let none = InputNeeds::default();
        match self {
            // Slip 03 states the specific reasons; slip 05 the reasons.
            Action::Refuse | Action::Stop => InputNeeds {
                reason: true,
                ..none
            },
            // Slip 02 lists every missing item and the reason.
            Action::RequestSupplement => InputNeeds {
                reason: true,
                items: true,
                ..none
            },
            // Status 9: "result document attached".
            Action::Finish => InputNeeds {
                result_document: true,
                ..none
            },
            // Slip 04: unit responsible and why, and the new due moment.
            Action::Apologize => InputNeeds {
                reason: true,
                new_due: true,
                ..none
            },
            _ => none,
        }
    }

    /// The slip the move produces, if any (slips 06 and 07 are reports, not moves).
    pub fn slip(self) -> Option<Slip> {
        match self {
            Action::Accept => Some(Slip::S01),
            Action::RequestSupplement => Some(Slip::S02),
            Action::Refuse => Some(Slip::S03),
            Action::Apologize => Some(Slip::S04),
            Action::Stop => Some(Slip::S05),
            _ => None,
        }
    }
}

/// Which parts of [`MoveInput`] an action requires (see [`Action::needs`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InputNeeds {
    pub reason: bool,
    pub items: bool,
    pub result_document: bool,
    pub new_due: bool,
}

/// Everything the machine needs to decide, gathered by the caller.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MoveContext<'a> {
    /// The dossier's status now.
    pub status: Status,
    /// The process steps of the procedure version the dossier was filed under, in order.
    pub steps: &'a [ProcessStep],
    /// Id of the current process step while in 4. Keep it while the dossier is paused in 5 or
    /// 6 from 4: [`Action::FeePaid`] and [`Action::Resupply`] return into that step.
    pub current_step: Option<&'a str>,
    /// For [`Action::Resupply`]: the status before the supplement request, 1 or 4.
    pub status_before_supplement: Option<Status>,
    /// Due moment passed and no apology (slip 04) recorded since it passed.
    pub overdue: bool,
    /// For [`Action::Stop`] by a specialist: a leader approved stopping.
    pub leader_approved: bool,
}

/// What the actor typed or attached for the move. Texts are trimmed; empty counts as absent.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MoveInput<'a> {
    /// Reason text (slips 02, 03, 04, 05).
    pub reason: &'a str,
    /// The items the citizen must complete (slip 02).
    pub items: &'a [String],
    /// A result document is attached (for [`Action::Finish`]).
    pub has_result_document: bool,
    /// A new due moment is given (for [`Action::Apologize`], slip 04).
    pub has_new_due: bool,
}

/// The decided move.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Move {
    pub from: Status,
    /// Equal to `from` for [`Action::Apologize`] (and for [`Action::NextStep`], 4→4).
    pub to: Status,
    /// The process step id entered: the first step (StartProcessing), the next step
    /// (NextStep), or the step resumed when coming back to 4 (FeePaid, Resupply). `None` for
    /// every move that does not end in 4.
    pub step: Option<String>,
    /// The slip the move produces.
    pub slip: Option<Slip>,
}

/// Why a move is refused. Each variant maps to a message the UI translates ([`MoveError::key`]
/// is a stable key for that); [`fmt::Display`] gives an English developer message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoveError {
    /// The allowed-move list has no such move from this status.
    NotAllowedFromStatus {
        action: Action,
        status: Status,
    },
    /// The actor holds none of `needed` (any one of them would do). When an action has two
    /// role conditions (Finish), this names the first one that is unmet.
    RoleMissing {
        action: Action,
        needed: Vec<StaffRole>,
    },
    /// Only the citizen takes this action (withdraw, supply items).
    CitizenOnly,
    /// Only staff take this action.
    StaffOnly,
    ReasonRequired,
    /// A reason or supplement item longer than `plain_text::MAX_TEXT_CHARS`.
    TextTooLong,
    ItemsRequired,
    ResultDocumentRequired,
    NewDueRequired,
    /// Finish is only possible from the last process step.
    NotLastStep,
    /// NextStep on the last process step: Finish is the way out.
    AlreadyLastStep,
    /// The dossier is overdue: slip 04 (apology and new appointment) must come first.
    ApologyRequired,
    /// An apology is only for an overdue dossier.
    NotOverdue,
    /// The procedure has no process steps.
    NoProcessSteps,
    /// The current step is missing or names no step of the procedure.
    UnknownCurrentStep,
    /// A specialist may stop processing only with a leader's approval.
    LeaderApprovalRequired,
    /// A leader's approval to stop is already recorded for this step.
    AlreadyApproved,
    /// Resupply needs the status before the supplement request, and it must be 1 or 4.
    UnknownStatusBeforeSupplement,
}

impl MoveError {
    /// A stable snake_case key for translating the message.
    pub fn key(&self) -> &'static str {
        match self {
            MoveError::NotAllowedFromStatus { .. } => "not_allowed_from_status",
            MoveError::RoleMissing { .. } => "role_missing",
            MoveError::CitizenOnly => "citizen_only",
            MoveError::StaffOnly => "staff_only",
            MoveError::ReasonRequired => "reason_required",
            MoveError::TextTooLong => "text_too_long",
            MoveError::ItemsRequired => "items_required",
            MoveError::ResultDocumentRequired => "result_document_required",
            MoveError::NewDueRequired => "new_due_required",
            MoveError::NotLastStep => "not_last_step",
            MoveError::AlreadyLastStep => "already_last_step",
            MoveError::ApologyRequired => "apology_required",
            MoveError::NotOverdue => "not_overdue",
            MoveError::NoProcessSteps => "no_process_steps",
            MoveError::UnknownCurrentStep => "unknown_current_step",
            MoveError::LeaderApprovalRequired => "leader_approval_required",
            MoveError::AlreadyApproved => "already_approved",
            MoveError::UnknownStatusBeforeSupplement => "unknown_status_before_supplement",
        }
    }
}

impl fmt::Display for MoveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MoveError::NotAllowedFromStatus { action, status } => write!(
                f,
                "action {} is not allowed from status {} ({:?})",
                action.as_str(),
                status.code(),
                status
            ),
            MoveError::RoleMissing { action, needed } => {
                let names: Vec<&str> = needed.iter().map(|r| r.as_str()).collect();
                write!(
                    f,
                    "action {} needs one of the roles: {}",
                    action.as_str(),
                    names.join(", ")
                )
            }
            MoveError::CitizenOnly => f.write_str("only the citizen may take this action"),
            MoveError::StaffOnly => f.write_str("only staff may take this action"),
            MoveError::ReasonRequired => f.write_str("a reason is required"),
            MoveError::TextTooLong => f.write_str("a reason or item is too long"),
            MoveError::ItemsRequired => {
                f.write_str("the items to complete are required, none of them blank")
            }
            MoveError::ResultDocumentRequired => f.write_str("a result document is required"),
            MoveError::NewDueRequired => f.write_str("a new due moment is required"),
            MoveError::NotLastStep => {
                f.write_str("the dossier can only be finished from the last process step")
            }
            MoveError::AlreadyLastStep => {
                f.write_str("this is the last process step: finish the dossier instead")
            }
            MoveError::AlreadyApproved => {
                f.write_str("a leader's approval to stop is already recorded for this step")
            }
            MoveError::ApologyRequired => f.write_str(
                "the dossier is overdue: record the apology and new appointment (slip 04) first",
            ),
            MoveError::NotOverdue => {
                f.write_str("an apology (slip 04) is only for an overdue dossier")
            }
            MoveError::NoProcessSteps => f.write_str("the procedure has no process steps"),
            MoveError::UnknownCurrentStep => {
                f.write_str("the current process step is missing or unknown to the procedure")
            }
            MoveError::LeaderApprovalRequired => {
                f.write_str("a specialist may stop processing only with a leader's approval")
            }
            MoveError::UnknownStatusBeforeSupplement => f.write_str(
                "the status before the supplement request is missing or is neither 1 nor 4",
            ),
        }
    }
}

impl std::error::Error for MoveError {}

/// The raw allowed-move table of the spec: 1→2, 1→3, 1→5, 1→7; 2→4; 4→4, 4→5, 4→6, 4→8,
/// 4→9; 5→1, 5→4, 5→7; 6→4; 9→10. Anything else is refused.
pub fn move_allowed(from: Status, to: Status) -> bool {
    use Status::*;
    matches!(
        (from, to),
        (
            Submitted,
            Accepted | Refused | SupplementRequested | Withdrawn
        ) | (Accepted, InProcess)
            | (
                InProcess,
                InProcess | SupplementRequested | FeeDue | Stopped | ResultReady
            )
            | (SupplementRequested, Submitted | InProcess | Withdrawn)
            | (FeeDue, InProcess)
            | (ResultReady, Returned)
    )
}

/// Decides whether `actor` may do `action` now and what the move is. Pure: changes nothing.
///
/// Checks run in this order, so the first error is the most fundamental one: the status
/// (allowed-move list), citizen or staff, the process steps, the roles, the overdue rule,
/// then the input texts.
pub fn decide(
    actor: &Actor,
    action: Action,
    ctx: &MoveContext,
    input: &MoveInput,
) -> Result<Move, MoveError> {
    let m = plan(actor, action, ctx)?;
    check_input(action.needs(), input)?;
    Ok(m)
}

/// Which actions `actor` may take now (for the buttons on the dossier page): every action
/// for which [`decide`] would succeed given valid input, in [`Action::ALL`] order.
pub fn available_actions(actor: &Actor, ctx: &MoveContext) -> Vec<Action> {
    Action::ALL
        .into_iter()
        .filter(|&a| plan(actor, a, ctx).is_ok())
        .collect()
}

/// Everything of [`decide`] except the input checks, which come last there; so `plan`
/// succeeds exactly when `decide` would with valid input.
fn plan(actor: &Actor, action: Action, ctx: &MoveContext) -> Result<Move, MoveError> {
    use StaffRole::*;
    use Status::*;

    let from = ctx.status;
    if !action.from_statuses().contains(&from) {
        return Err(MoveError::NotAllowedFromStatus {
            action,
            status: from,
        });
    }
    let roles: &[StaffRole] = match (action.by_citizen(), actor) {
        (true, Actor::Citizen) => &[],
        (true, Actor::Staff { .. }) => return Err(MoveError::CitizenOnly),
        (false, Actor::Citizen) => return Err(MoveError::StaffOnly),
        (false, Actor::Staff { roles }) => roles,
    };
    let has = |r: StaffRole| roles.contains(&r);
    let need_any = |needed: &[StaffRole]| {
        if needed.iter().any(|&r| has(r)) {
            Ok(())
        } else {
            Err(MoveError::RoleMissing {
                action,
                needed: needed.to_vec(),
            })
        }
    };
    // "A dossier that becomes overdue must get slip 04 before it can move on." Citizens'
    // actions are never blocked: the delay is the agency's, not theirs.
    let not_overdue = || {
        if ctx.overdue {
            Err(MoveError::ApologyRequired)
        } else {
            Ok(())
        }
    };
    let step_id = |i: usize| Some(ctx.steps[i].id.clone());

    let (to, step) = match action {
        // Statuses 2 and 3 are set by the reception officer; the clock has not started at 1,
        // so the overdue rule cannot apply.
        Action::Accept => {
            need_any(&[Reception])?;
            (Accepted, None)
        }
        Action::Refuse => {
            need_any(&[Reception])?;
            (Refused, None)
        }
        // Status 5 is set by "reception or specialist"; at 1 only reception has the dossier.
        Action::RequestSupplement => {
            if from == Submitted {
                need_any(&[Reception])?;
            } else {
                need_any(&[Specialist, Reception])?;
                not_overdue()?;
            }
            (SupplementRequested, None)
        }
        Action::Withdraw => (Withdrawn, None),
        // Acceptance is followed at once by the first process step, whatever its role
        // (typically "tiep_nhan", a reception step).
        Action::StartProcessing => {
            if ctx.steps.is_empty() {
                return Err(MoveError::NoProcessSteps);
            }
            need_any(&[Reception])?;
            not_overdue()?;
            (InProcess, step_id(0))
        }
        // "One process step at a time": whoever holds the current step hands it on.
        Action::NextStep => {
            let i = current_index(ctx)?;
            if i + 1 == ctx.steps.len() {
                return Err(MoveError::AlreadyLastStep);
            }
            need_any(&[ctx.steps[i].role.into()])?;
            not_overdue()?;
            (InProcess, step_id(i + 1))
        }
        // Status 6 is set by the specialist.
        Action::RequestFee => {
            need_any(&[Specialist])?;
            not_overdue()?;
            (FeeDue, None)
        }
        Action::FeePaid => {
            let i = current_index(ctx)?;
            need_any(&[Specialist, Reception])?;
            not_overdue()?;
            (InProcess, step_id(i))
        }
        // Status 8: "specialist with leader approval". A leader approves by acting.
        Action::Stop => {
            if !has(Leader) {
                if !has(Specialist) {
                    return Err(MoveError::RoleMissing {
                        action,
                        needed: vec![Leader, Specialist],
                    });
                }
                if !ctx.leader_approved {
                    return Err(MoveError::LeaderApprovalRequired);
                }
            }
            not_overdue()?;
            (Stopped, None)
        }
        // Status 9 is set by "leader/clerk", and the current step must be handed on by its
        // holder like any other step.
        Action::Finish => {
            let i = current_index(ctx)?;
            if i + 1 != ctx.steps.len() {
                return Err(MoveError::NotLastStep);
            }
            need_any(&[ctx.steps[i].role.into()])?;
            need_any(&[Leader, Clerk])?;
            not_overdue()?;
            (ResultReady, None)
        }
        // Status 10 is set by the reception officer (also for post and online returns).
        Action::ReturnResult => {
            need_any(&[Reception])?;
            (Returned, None)
        }
        // "5→1 or 5→4 (citizen supplied the items: back to where it was)".
        Action::Resupply => match ctx.status_before_supplement {
            Some(Submitted) => (Submitted, None),
            Some(InProcess) => (InProcess, step_id(current_index(ctx)?)),
            _ => return Err(MoveError::UnknownStatusBeforeSupplement),
        },
        // Slip 04 is "signed by the agency head"; reception hands it to the citizen.
        Action::Apologize => {
            need_any(&[Leader, Reception])?;
            if !ctx.overdue {
                return Err(MoveError::NotOverdue);
            }
            (from, None)
        }
        // The approval a specialist's stop needs: the leader's own act, once.
        Action::ApproveStop => {
            let i = current_index(ctx)?;
            need_any(&[Leader])?;
            if ctx.leader_approved {
                return Err(MoveError::AlreadyApproved);
            }
            not_overdue()?;
            (InProcess, step_id(i))
        }
    };
    Ok(Move {
        from,
        to,
        step,
        slip: action.slip(),
    })
}

/// The index of the current process step in `ctx.steps`.
fn current_index(ctx: &MoveContext) -> Result<usize, MoveError> {
    if ctx.steps.is_empty() {
        return Err(MoveError::NoProcessSteps);
    }
    let id = ctx.current_step.ok_or(MoveError::UnknownCurrentStep)?;
    ctx.steps
        .iter()
        .position(|s| s.id == id)
        .ok_or(MoveError::UnknownCurrentStep)
}

/// Required texts are trimmed and empty counts as absent, as everywhere in the product.
/// Every supplement item must say something: slip 02 prints them as a numbered list.
fn check_input(needs: InputNeeds, input: &MoveInput) -> Result<(), MoveError> {
    if needs.reason && input.reason.trim().is_empty() {
        return Err(MoveError::ReasonRequired);
    }
    if crate::plain_text::too_long(input.reason)
        || input.items.iter().any(|i| crate::plain_text::too_long(i))
    {
        return Err(MoveError::TextTooLong);
    }
    if needs.items && (input.items.is_empty() || input.items.iter().any(|s| s.trim().is_empty())) {
        return Err(MoveError::ItemsRequired);
    }
    if needs.result_document && !input.has_result_document {
        return Err(MoveError::ResultDocumentRequired);
    }
    if needs.new_due && !input.has_new_due {
        return Err(MoveError::NewDueRequired);
    }
    Ok(())
}

mod apply;
mod details;
mod slip;
mod state;

pub use apply::{Applied, ApplyError, MoveFacts, apply, clock_running, overdue};
pub use details::{
    AssigneeNote, EndedPause, EventDetails, StepEntered, StepLeft, SupplementItem,
    SupplementItemKind,
};
pub use slip::Slip;
pub use state::WorkflowState;

#[cfg(test)]
mod tests;
