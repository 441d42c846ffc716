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

/// The standard slips (mẫu phiếu) of the spec. Serialised as their numbers, "01".."07".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Slip {
    #[serde(rename = "01")]
    S01,
    #[serde(rename = "02")]
    S02,
    #[serde(rename = "03")]
    S03,
    #[serde(rename = "04")]
    S04,
    #[serde(rename = "05")]
    S05,
    #[serde(rename = "06")]
    S06,
    #[serde(rename = "07")]
    S07,
}

impl Slip {
    /// Every slip, in number order.
    pub const ALL: [Slip; 7] = [
        Slip::S01,
        Slip::S02,
        Slip::S03,
        Slip::S04,
        Slip::S05,
        Slip::S06,
        Slip::S07,
    ];

    /// "01".."07".
    pub fn number(self) -> &'static str {
        match self {
            Slip::S01 => "01",
            Slip::S02 => "02",
            Slip::S03 => "03",
            Slip::S04 => "04",
            Slip::S05 => "05",
            Slip::S06 => "06",
            Slip::S07 => "07",
        }
    }

    /// The Vietnamese title of the slip, as in the spec's table.
    pub fn title_vi(self) -> &'static str {
        match self {
            Slip::S01 => "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
            Slip::S02 => "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
            Slip::S03 => "Phiếu từ chối tiếp nhận, giải quyết hồ sơ",
            Slip::S04 => "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
            Slip::S05 => "Thông báo dừng xử lý",
            Slip::S06 => "Phiếu kiểm soát quá trình giải quyết hồ sơ",
            Slip::S07 => "Sổ theo dõi hồ sơ",
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Text;

    /// The process of the example in `procedure-format.md`.
    fn example_steps() -> Vec<ProcessStep> {
        [
            ("tiep_nhan", "Tiếp nhận hồ sơ", Role::Reception, 1.0),
            ("tham_dinh", "Thẩm định", Role::Specialist, 4.0),
            ("ky_duyet", "Ký duyệt", Role::Leader, 2.0),
            ("tra_ket_qua", "Trả kết quả", Role::Clerk, 1.0),
        ]
        .into_iter()
        .map(|(id, title, role, duration_hours)| ProcessStep {
            id: id.to_string(),
            title: Text::from(title),
            role,
            duration_hours,
        })
        .collect()
    }

    fn ctx(status: Status, steps: &[ProcessStep]) -> MoveContext<'_> {
        MoveContext {
            status,
            steps,
            current_step: None,
            status_before_supplement: None,
            overdue: false,
            leader_approved: false,
        }
    }

    fn items() -> Vec<String> {
        vec!["Bản sao giấy khai sinh".to_string()]
    }

    fn full(items: &[String]) -> MoveInput<'_> {
        MoveInput {
            reason: "Thiếu giấy tờ",
            items,
            has_result_document: true,
            has_new_due: true,
        }
    }

    fn staff(roles: &[StaffRole]) -> Actor<'_> {
        Actor::Staff { roles }
    }

    /// The spec's allowed moves, written out independently of `move_allowed`.
    const TABLE: [(i32, i32); 15] = [
        (1, 2),
        (1, 3),
        (1, 5),
        (1, 7),
        (2, 4),
        (4, 4),
        (4, 5),
        (4, 6),
        (4, 8),
        (4, 9),
        (5, 1),
        (5, 4),
        (5, 7),
        (6, 4),
        (9, 10),
    ];

    /// Per action: the status codes it is allowed from and the status code it leads to
    /// (`None` = stays, for Apologize), as the brief and the spec state them.
    fn expected(action: Action) -> (&'static [i32], Option<i32>) {
        match action {
            Action::Accept => (&[1], Some(2)),
            Action::Refuse => (&[1], Some(3)),
            Action::RequestSupplement => (&[1, 4], Some(5)),
            Action::Withdraw => (&[1, 5], Some(7)),
            Action::StartProcessing => (&[2], Some(4)),
            Action::NextStep => (&[4], Some(4)),
            Action::RequestFee => (&[4], Some(6)),
            Action::FeePaid => (&[6], Some(4)),
            Action::Stop => (&[4], Some(8)),
            Action::Finish => (&[4], Some(9)),
            Action::ReturnResult => (&[9], Some(10)),
            Action::Resupply => (&[5], Some(1)),
            Action::Apologize => (&[2, 4, 5, 6], None),
            Action::ApproveStop => (&[4], None),
        }
    }

    /// A suitable actor and context for `action` from `status`: the single role that does
    /// it, the step it is done from, and the flags it needs.
    fn suitable(
        action: Action,
        status: Status,
        steps: &[ProcessStep],
    ) -> (Actor<'static>, MoveContext<'_>) {
        use StaffRole::*;
        let mut c = ctx(status, steps);
        let actor = match action {
            Action::Withdraw | Action::Resupply => Actor::Citizen,
            Action::Accept | Action::Refuse | Action::StartProcessing | Action::ReturnResult => {
                Actor::Staff {
                    roles: &[Reception],
                }
            }
            Action::RequestSupplement if status == Status::Submitted => Actor::Staff {
                roles: &[Reception],
            },
            Action::RequestSupplement | Action::NextStep | Action::RequestFee => Actor::Staff {
                roles: &[Specialist],
            },
            Action::FeePaid => Actor::Staff {
                roles: &[Reception],
            },
            Action::Stop | Action::Apologize | Action::ApproveStop => {
                Actor::Staff { roles: &[Leader] }
            }
            Action::Finish => Actor::Staff { roles: &[Clerk] },
        };
        c.current_step = Some(match action {
            Action::Finish => "tra_ket_qua",
            _ => "tham_dinh",
        });
        c.status_before_supplement = Some(Status::Submitted);
        c.overdue = action == Action::Apologize;
        (actor, c)
    }

    #[test]
    fn move_allowed_matches_the_spec_table_exactly() {
        for from in 1..=10 {
            for to in 1..=10 {
                let (f, t) = (
                    Status::from_code(from).unwrap(),
                    Status::from_code(to).unwrap(),
                );
                assert_eq!(
                    move_allowed(f, t),
                    TABLE.contains(&(from, to)),
                    "{from}→{to}"
                );
            }
        }
    }

    #[test]
    fn status_codes_round_trip_and_classify() {
        for (i, s) in Status::ALL.into_iter().enumerate() {
            assert_eq!(s.code(), i as i32 + 1);
            assert_eq!(Status::from_code(s.code()), Some(s));
            // Final = no move out of it.
            let has_exit = Status::ALL.into_iter().any(|t| move_allowed(s, t));
            assert_eq!(s.is_final(), !has_exit, "{s:?}");
            assert_eq!(s.pauses_clock(), matches!(s.code(), 5 | 6));
            assert!(!s.title_vi().is_empty());
        }
        assert_eq!(Status::from_code(0), None);
        assert_eq!(Status::from_code(11), None);
        assert_eq!(
            serde_json::to_string(&Status::SupplementRequested).unwrap(),
            "\"supplement_requested\""
        );
    }

    #[test]
    fn staff_roles_parse_and_convert() {
        for r in StaffRole::ALL {
            assert_eq!(StaffRole::parse(r.as_str()), Some(r));
            assert_eq!(
                serde_json::to_string(&r).unwrap(),
                format!("\"{}\"", r.as_str())
            );
        }
        assert_eq!(StaffRole::parse("Leader"), None);
        assert_eq!(StaffRole::from(Role::Reception), StaffRole::Reception);
        assert_eq!(StaffRole::from(Role::Specialist), StaffRole::Specialist);
        assert_eq!(StaffRole::from(Role::Leader), StaffRole::Leader);
        assert_eq!(StaffRole::from(Role::Clerk), StaffRole::Clerk);
    }

    #[test]
    fn actions_and_slips_name_themselves() {
        for a in Action::ALL {
            assert_eq!(Action::parse(a.as_str()), Some(a));
            assert_eq!(
                serde_json::to_string(&a).unwrap(),
                format!("\"{}\"", a.as_str())
            );
        }
        let numbers: Vec<&str> = Slip::ALL.into_iter().map(Slip::number).collect();
        assert_eq!(numbers, ["01", "02", "03", "04", "05", "06", "07"]);
        assert_eq!(serde_json::to_string(&Slip::S04).unwrap(), "\"04\"");
        assert_eq!(
            Slip::S01.title_vi(),
            "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"
        );
        assert_eq!(
            Slip::S02.title_vi(),
            "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"
        );
        assert_eq!(
            Slip::S03.title_vi(),
            "Phiếu từ chối tiếp nhận, giải quyết hồ sơ"
        );
        assert_eq!(
            Slip::S04.title_vi(),
            "Phiếu xin lỗi và hẹn lại ngày trả kết quả"
        );
        assert_eq!(Slip::S05.title_vi(), "Thông báo dừng xử lý");
        assert_eq!(
            Slip::S06.title_vi(),
            "Phiếu kiểm soát quá trình giải quyết hồ sơ"
        );
        assert_eq!(Slip::S07.title_vi(), "Sổ theo dõi hồ sơ");
    }

    #[test]
    fn every_action_succeeds_from_its_statuses_and_only_there() {
        let steps = example_steps();
        let items = items();
        for action in Action::ALL {
            let (allowed, to) = expected(action);
            for status in Status::ALL {
                let (actor, c) = suitable(action, status, &steps);
                let got = decide(&actor, action, &c, &full(&items));
                if allowed.contains(&status.code()) {
                    let m = got.unwrap_or_else(|e| panic!("{action:?} from {status:?}: {e}"));
                    assert_eq!(m.from, status);
                    assert_eq!(m.to.code(), to.unwrap_or(status.code()), "{action:?}");
                    assert_eq!(m.slip, action.slip());
                } else {
                    assert_eq!(
                        got,
                        Err(MoveError::NotAllowedFromStatus { action, status }),
                        "{action:?} from {status:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn moves_carry_their_slips_and_steps() {
        let steps = example_steps();
        let items = items();
        let input = full(&items);
        let go = |action, status| {
            let (actor, c) = suitable(action, status, &steps);
            decide(&actor, action, &c, &input).unwrap()
        };
        use Status::*;
        assert_eq!(go(Action::Accept, Submitted).slip, Some(Slip::S01));
        assert_eq!(go(Action::Refuse, Submitted).slip, Some(Slip::S03));
        assert_eq!(
            go(Action::RequestSupplement, InProcess).slip,
            Some(Slip::S02)
        );
        assert_eq!(go(Action::Stop, InProcess).slip, Some(Slip::S05));
        assert_eq!(go(Action::Apologize, InProcess).slip, Some(Slip::S04));
        assert_eq!(go(Action::Finish, InProcess).slip, None);
        assert_eq!(
            go(Action::StartProcessing, Accepted).step.as_deref(),
            Some("tiep_nhan")
        );
        assert_eq!(
            go(Action::NextStep, InProcess).step.as_deref(),
            Some("ky_duyet")
        );
        assert_eq!(
            go(Action::FeePaid, FeeDue).step.as_deref(),
            Some("tham_dinh")
        );
        assert_eq!(go(Action::RequestFee, InProcess).step, None);
        assert_eq!(go(Action::Apologize, InProcess).step, None);
    }

    #[test]
    fn staff_actions_need_their_roles() {
        use StaffRole::*;
        let steps = example_steps();
        let items = items();
        // Per staff action (in its suitable context): the single roles that may do it.
        let cases: [(Action, Status, &[StaffRole]); 12] = [
            (Action::Accept, Status::Submitted, &[Reception]),
            (Action::Refuse, Status::Submitted, &[Reception]),
            (Action::RequestSupplement, Status::Submitted, &[Reception]),
            (
                Action::RequestSupplement,
                Status::InProcess,
                &[Specialist, Reception],
            ),
            (Action::StartProcessing, Status::Accepted, &[Reception]),
            (Action::NextStep, Status::InProcess, &[Specialist]),
            (Action::RequestFee, Status::InProcess, &[Specialist]),
            (Action::FeePaid, Status::FeeDue, &[Specialist, Reception]),
            (Action::Stop, Status::InProcess, &[Leader]),
            (Action::Finish, Status::InProcess, &[Clerk]),
            (Action::ReturnResult, Status::ResultReady, &[Reception]),
            (Action::Apologize, Status::InProcess, &[Leader, Reception]),
        ];
        for (action, status, ok_roles) in cases {
            let (_, c) = suitable(action, status, &steps);
            for role in StaffRole::ALL {
                let got = decide(&staff(&[role]), action, &c, &full(&items));
                if ok_roles.contains(&role) {
                    assert!(got.is_ok(), "{action:?} by {role:?}: {got:?}");
                } else if action == Action::Stop && role == Specialist {
                    assert_eq!(got, Err(MoveError::LeaderApprovalRequired));
                } else {
                    assert!(
                        matches!(got, Err(MoveError::RoleMissing { action: a, .. }) if a == action),
                        "{action:?} by {role:?}: {got:?}"
                    );
                }
            }
            // Admin acts on no dossier, and no staff action is the citizen's.
            assert!(matches!(
                decide(&staff(&[Admin]), action, &c, &full(&items)),
                Err(MoveError::RoleMissing { .. })
            ));
            assert_eq!(
                decide(&Actor::Citizen, action, &c, &full(&items)),
                Err(MoveError::StaffOnly)
            );
        }
        for action in [Action::Withdraw, Action::Resupply] {
            let (_, c) = suitable(action, Status::SupplementRequested, &steps);
            assert_eq!(
                decide(&staff(&StaffRole::ALL), action, &c, &full(&items)),
                Err(MoveError::CitizenOnly)
            );
        }
    }

    #[test]
    fn stop_by_a_specialist_needs_leader_approval() {
        let steps = example_steps();
        let items = items();
        let (_, mut c) = suitable(Action::Stop, Status::InProcess, &steps);
        let specialist = staff(&[StaffRole::Specialist]);
        assert_eq!(
            decide(&specialist, Action::Stop, &c, &full(&items)),
            Err(MoveError::LeaderApprovalRequired)
        );
        c.leader_approved = true;
        assert!(decide(&specialist, Action::Stop, &c, &full(&items)).is_ok());
        assert_eq!(
            decide(&staff(&[StaffRole::Clerk]), Action::Stop, &c, &full(&items)),
            Err(MoveError::RoleMissing {
                action: Action::Stop,
                needed: vec![StaffRole::Leader, StaffRole::Specialist]
            })
        );
    }

    #[test]
    fn finish_needs_leader_or_clerk_and_the_last_steps_role() {
        use StaffRole::*;
        let items = items();
        // Example process: the last step is the clerk's, so a leader alone cannot finish.
        let steps = example_steps();
        let (_, c) = suitable(Action::Finish, Status::InProcess, &steps);
        assert_eq!(
            decide(&staff(&[Leader]), Action::Finish, &c, &full(&items)),
            Err(MoveError::RoleMissing {
                action: Action::Finish,
                needed: vec![Clerk]
            })
        );
        // A process whose last step is a specialist's: the specialist must also be a leader
        // or clerk.
        let mut odd = example_steps();
        odd.truncate(2);
        let mut c = ctx(Status::InProcess, &odd);
        c.current_step = Some("tham_dinh");
        assert_eq!(
            decide(&staff(&[Specialist]), Action::Finish, &c, &full(&items)),
            Err(MoveError::RoleMissing {
                action: Action::Finish,
                needed: vec![Leader, Clerk]
            })
        );
        assert!(
            decide(
                &staff(&[Specialist, Leader]),
                Action::Finish,
                &c,
                &full(&items)
            )
            .is_ok()
        );
        // Not from an earlier step.
        let mut c = ctx(Status::InProcess, &steps);
        c.current_step = Some("ky_duyet");
        assert_eq!(
            decide(&staff(&[Leader, Clerk]), Action::Finish, &c, &full(&items)),
            Err(MoveError::NotLastStep)
        );
        // The result document.
        let (actor, c) = suitable(Action::Finish, Status::InProcess, &steps);
        let input = MoveInput {
            has_result_document: false,
            ..full(&items)
        };
        assert_eq!(
            decide(&actor, Action::Finish, &c, &input),
            Err(MoveError::ResultDocumentRequired)
        );
    }

    #[test]
    fn overdue_dossier_needs_the_apology_first() {
        let steps = example_steps();
        let items = items();
        let blocked = [
            (Action::StartProcessing, Status::Accepted),
            (Action::NextStep, Status::InProcess),
            (Action::RequestSupplement, Status::InProcess),
            (Action::RequestFee, Status::InProcess),
            (Action::FeePaid, Status::FeeDue),
            (Action::Stop, Status::InProcess),
            (Action::Finish, Status::InProcess),
        ];
        for (action, status) in blocked {
            let (actor, mut c) = suitable(action, status, &steps);
            c.overdue = true;
            assert_eq!(
                decide(&actor, action, &c, &full(&items)),
                Err(MoveError::ApologyRequired),
                "{action:?}"
            );
            // Once slip 04 is recorded the caller no longer reports it overdue.
            c.overdue = false;
            assert!(
                decide(&actor, action, &c, &full(&items)).is_ok(),
                "{action:?}"
            );
        }
        // The citizen's actions are never blocked, nor those before the clock starts or
        // after the result is ready.
        let free = [
            (Action::Withdraw, Status::SupplementRequested),
            (Action::Withdraw, Status::Submitted),
            (Action::Resupply, Status::SupplementRequested),
            (Action::Accept, Status::Submitted),
            (Action::Refuse, Status::Submitted),
            (Action::RequestSupplement, Status::Submitted),
            (Action::ReturnResult, Status::ResultReady),
        ];
        for (action, status) in free {
            let (actor, mut c) = suitable(action, status, &steps);
            c.overdue = true;
            assert!(
                decide(&actor, action, &c, &full(&items)).is_ok(),
                "{action:?}"
            );
        }
    }

    #[test]
    fn apology_only_when_overdue_by_leader_or_reception_with_new_due_and_reason() {
        let steps = example_steps();
        let items = items();
        let mut c = ctx(Status::InProcess, &steps);
        c.current_step = Some("ky_duyet");
        let leader = staff(&[StaffRole::Leader]);
        assert_eq!(
            decide(&leader, Action::Apologize, &c, &full(&items)),
            Err(MoveError::NotOverdue)
        );
        c.overdue = true;
        let m = decide(&leader, Action::Apologize, &c, &full(&items)).unwrap();
        assert_eq!(
            m,
            Move {
                from: Status::InProcess,
                to: Status::InProcess,
                step: None,
                slip: Some(Slip::S04)
            }
        );
        assert!(
            decide(
                &staff(&[StaffRole::Reception]),
                Action::Apologize,
                &c,
                &full(&items)
            )
            .is_ok()
        );
        assert!(matches!(
            decide(
                &staff(&[StaffRole::Specialist]),
                Action::Apologize,
                &c,
                &full(&items)
            ),
            Err(MoveError::RoleMissing { .. })
        ));
        assert_eq!(
            decide(&Actor::Citizen, Action::Apologize, &c, &full(&items)),
            Err(MoveError::StaffOnly)
        );
        let no_due = MoveInput {
            has_new_due: false,
            ..full(&items)
        };
        assert_eq!(
            decide(&leader, Action::Apologize, &c, &no_due),
            Err(MoveError::NewDueRequired)
        );
        let no_reason = MoveInput {
            reason: " \t\n",
            ..full(&items)
        };
        assert_eq!(
            decide(&leader, Action::Apologize, &c, &no_reason),
            Err(MoveError::ReasonRequired)
        );
        // While overdue, the leader of the current step sees only the apology.
        assert_eq!(available_actions(&leader, &c), [Action::Apologize]);
        // Not before the clock starts, nor once the result is ready.
        for status in [Status::Submitted, Status::ResultReady] {
            let mut c = ctx(status, &steps);
            c.overdue = true;
            assert_eq!(
                decide(&leader, Action::Apologize, &c, &full(&items)),
                Err(MoveError::NotAllowedFromStatus {
                    action: Action::Apologize,
                    status
                })
            );
        }
    }

    #[test]
    fn required_texts_are_trimmed() {
        let steps = example_steps();
        let items = items();
        for action in [Action::Refuse, Action::RequestSupplement, Action::Stop] {
            let status = expected(action).0[0];
            let status = Status::from_code(status).unwrap();
            let (actor, c) = suitable(action, status, &steps);
            let input = MoveInput {
                reason: "   ",
                ..full(&items)
            };
            assert_eq!(
                decide(&actor, action, &c, &input),
                Err(MoveError::ReasonRequired),
                "{action:?}"
            );
        }
        let (actor, c) = suitable(Action::RequestSupplement, Status::InProcess, &steps);
        for bad in [
            vec![],
            vec![" ".to_string()],
            vec!["Tờ khai".to_string(), String::new()],
        ] {
            let input = MoveInput {
                items: &bad,
                ..full(&items)
            };
            assert_eq!(
                decide(&actor, Action::RequestSupplement, &c, &input),
                Err(MoveError::ItemsRequired),
                "{bad:?}"
            );
        }
        // Actions that need no input succeed with none.
        let (actor, c) = suitable(Action::Accept, Status::Submitted, &steps);
        assert!(decide(&actor, Action::Accept, &c, &MoveInput::default()).is_ok());
    }

    #[test]
    fn resupply_goes_back_to_the_status_before_the_request() {
        let steps = example_steps();
        let input = MoveInput::default();
        let mut c = ctx(Status::SupplementRequested, &steps);
        c.status_before_supplement = Some(Status::Submitted);
        let m = decide(&Actor::Citizen, Action::Resupply, &c, &input).unwrap();
        assert_eq!(
            (m.from, m.to, m.step),
            (Status::SupplementRequested, Status::Submitted, None)
        );

        c.status_before_supplement = Some(Status::InProcess);
        c.current_step = Some("tham_dinh");
        let m = decide(&Actor::Citizen, Action::Resupply, &c, &input).unwrap();
        assert_eq!(m.to, Status::InProcess);
        assert_eq!(m.step.as_deref(), Some("tham_dinh"));

        // Not blocked by the overdue rule.
        c.overdue = true;
        assert!(decide(&Actor::Citizen, Action::Resupply, &c, &input).is_ok());

        c.current_step = None;
        assert_eq!(
            decide(&Actor::Citizen, Action::Resupply, &c, &input),
            Err(MoveError::UnknownCurrentStep)
        );
        for before in [None, Some(Status::Accepted), Some(Status::FeeDue)] {
            c.status_before_supplement = before;
            assert_eq!(
                decide(&Actor::Citizen, Action::Resupply, &c, &input),
                Err(MoveError::UnknownStatusBeforeSupplement)
            );
        }
    }

    #[test]
    fn next_step_walks_every_step_then_finish() {
        use StaffRole::*;
        let steps = example_steps();
        let input = MoveInput {
            has_result_document: true,
            ..MoveInput::default()
        };
        let reception = staff(&[Reception]);
        let m = decide(
            &reception,
            Action::Accept,
            &ctx(Status::Submitted, &steps),
            &input,
        )
        .unwrap();
        assert_eq!(m.to, Status::Accepted);
        let m = decide(
            &reception,
            Action::StartProcessing,
            &ctx(m.to, &steps),
            &input,
        )
        .unwrap();
        assert_eq!(
            (m.to, m.step.as_deref()),
            (Status::InProcess, Some("tiep_nhan"))
        );

        let mut current = m.step.unwrap();
        let holders: [(&str, &[StaffRole]); 3] = [
            ("tham_dinh", &[Reception]),
            ("ky_duyet", &[Specialist]),
            ("tra_ket_qua", &[Leader]),
        ];
        for (next, roles) in holders {
            let mut c = ctx(Status::InProcess, &steps);
            c.current_step = Some(&current);
            let i = steps.iter().position(|s| s.id == current).unwrap();
            let role = StaffRole::from(steps[i].role);
            // Anyone without the current step's role cannot hand it on.
            for other in StaffRole::ALL.into_iter().filter(|&r| r != role) {
                assert_eq!(
                    decide(&staff(&[other]), Action::NextStep, &c, &input),
                    Err(MoveError::RoleMissing {
                        action: Action::NextStep,
                        needed: vec![role]
                    })
                );
            }
            let m = decide(&staff(roles), Action::NextStep, &c, &input).unwrap();
            assert_eq!((m.from, m.to), (Status::InProcess, Status::InProcess));
            assert_eq!(m.step.as_deref(), Some(next));
            current = m.step.unwrap();
        }
        let mut c = ctx(Status::InProcess, &steps);
        c.current_step = Some(&current);
        let clerk = staff(&[Clerk]);
        assert_eq!(
            decide(&clerk, Action::NextStep, &c, &input),
            Err(MoveError::AlreadyLastStep)
        );
        let m = decide(&clerk, Action::Finish, &c, &input).unwrap();
        assert_eq!(
            (m.from, m.to, m.step),
            (Status::InProcess, Status::ResultReady, None)
        );
        let m = decide(&reception, Action::ReturnResult, &ctx(m.to, &steps), &input).unwrap();
        assert_eq!(m.to, Status::Returned);
        assert!(m.to.is_final());
    }

    #[test]
    fn missing_or_unknown_steps_are_refused() {
        let steps = example_steps();
        let input = MoveInput::default();
        let all = staff(&StaffRole::ALL);
        assert_eq!(
            decide(
                &all,
                Action::StartProcessing,
                &ctx(Status::Accepted, &[]),
                &input
            ),
            Err(MoveError::NoProcessSteps)
        );
        assert_eq!(
            decide(&all, Action::NextStep, &ctx(Status::InProcess, &[]), &input),
            Err(MoveError::NoProcessSteps)
        );
        let mut c = ctx(Status::InProcess, &steps);
        assert_eq!(
            decide(&all, Action::NextStep, &c, &input),
            Err(MoveError::UnknownCurrentStep)
        );
        c.current_step = Some("khong_co");
        assert_eq!(
            decide(&all, Action::NextStep, &c, &input),
            Err(MoveError::UnknownCurrentStep)
        );
        let mut c = ctx(Status::FeeDue, &steps);
        c.current_step = Some("khong_co");
        assert_eq!(
            decide(&all, Action::FeePaid, &c, &input),
            Err(MoveError::UnknownCurrentStep)
        );
    }

    /// Every combination of status, action, actor and context that the tests below sweep.
    fn sweep(steps: &[ProcessStep], mut f: impl FnMut(&Actor, &MoveContext)) {
        use StaffRole::*;
        let role_sets: [&[StaffRole]; 7] = [
            &[],
            &[Reception],
            &[Specialist],
            &[Leader],
            &[Clerk],
            &[Admin],
            &[Reception, Specialist, Leader, Clerk, Admin],
        ];
        let mut actors = vec![Actor::Citizen];
        actors.extend(role_sets.iter().map(|r| Actor::Staff { roles: r }));
        let mut currents: Vec<Option<&str>> = vec![None, Some("khong_co")];
        currents.extend(steps.iter().map(|s| Some(s.id.as_str())));
        let befores = [
            None,
            Some(Status::Submitted),
            Some(Status::InProcess),
            Some(Status::FeeDue),
        ];
        for status in Status::ALL {
            for actor in &actors {
                for &current_step in &currents {
                    for status_before_supplement in befores {
                        for overdue in [false, true] {
                            for leader_approved in [false, true] {
                                let c = MoveContext {
                                    status,
                                    steps,
                                    current_step,
                                    status_before_supplement,
                                    overdue,
                                    leader_approved,
                                };
                                f(actor, &c);
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_leader_approves_a_stop_once_and_a_specialist_may_then_stop() {
        use StaffRole::*;
        let steps = example_steps();
        let items = items();
        let input = full(&items);
        let mut c = ctx(Status::InProcess, &steps);
        c.current_step = Some("tham_dinh");
        let leader = Actor::Staff { roles: &[Leader] };
        let specialist = Actor::Staff {
            roles: &[Specialist],
        };
        let m = decide(&leader, Action::ApproveStop, &c, &input).unwrap();
        assert_eq!(
            (m.from, m.to, m.step.as_deref(), m.slip),
            (
                Status::InProcess,
                Status::InProcess,
                Some("tham_dinh"),
                None
            ),
            "keeps the status and the step, no slip"
        );
        assert!(available_actions(&leader, &c).contains(&Action::ApproveStop));
        assert!(matches!(
            decide(&specialist, Action::ApproveStop, &c, &input),
            Err(MoveError::RoleMissing { .. })
        ));
        assert_eq!(
            decide(&specialist, Action::Stop, &c, &input),
            Err(MoveError::LeaderApprovalRequired)
        );
        c.leader_approved = true;
        assert_eq!(
            decide(&leader, Action::ApproveStop, &c, &input),
            Err(MoveError::AlreadyApproved)
        );
        assert!(!available_actions(&leader, &c).contains(&Action::ApproveStop));
        assert!(decide(&specialist, Action::Stop, &c, &input).is_ok());
        c.leader_approved = false;
        c.overdue = true;
        assert_eq!(
            decide(&leader, Action::ApproveStop, &c, &input),
            Err(MoveError::ApologyRequired)
        );
    }

    #[test]
    fn every_decided_move_is_in_the_table() {
        let steps = example_steps();
        let items = items();
        let input = full(&items);
        let mut decided = 0;
        sweep(&steps, |actor, c| {
            for action in Action::ALL {
                if let Ok(m) = decide(actor, action, c, &input) {
                    decided += 1;
                    assert_eq!(m.from, c.status);
                    assert!(
                        move_allowed(m.from, m.to)
                            || (action == Action::Apologize && m.from == m.to),
                        "{action:?}: {m:?}"
                    );
                    // A step is named exactly when the dossier ends up in a process step.
                    assert_eq!(
                        m.step.is_some(),
                        m.to == Status::InProcess && action != Action::Apologize,
                        "{action:?}: {m:?}"
                    );
                    if let Some(id) = &m.step {
                        assert!(steps.iter().any(|s| &s.id == id));
                    }
                }
            }
        });
        assert!(decided > 0);
    }

    #[test]
    fn available_actions_agree_with_decide() {
        let steps = example_steps();
        let items = items();
        let input = full(&items);
        sweep(&steps, |actor, c| {
            let expected: Vec<Action> = Action::ALL
                .into_iter()
                .filter(|&a| decide(actor, a, c, &input).is_ok())
                .collect();
            assert_eq!(available_actions(actor, c), expected, "{actor:?} {c:?}");
        });
        // And a few pages as staff would see them.
        use StaffRole::*;
        let reception = staff(&[Reception]);
        assert_eq!(
            available_actions(&reception, &ctx(Status::Submitted, &steps)),
            [Action::Accept, Action::Refuse, Action::RequestSupplement]
        );
        assert_eq!(
            available_actions(&Actor::Citizen, &ctx(Status::Submitted, &steps)),
            [Action::Withdraw]
        );
        let mut c = ctx(Status::SupplementRequested, &steps);
        c.status_before_supplement = Some(Status::Submitted);
        assert_eq!(
            available_actions(&Actor::Citizen, &c),
            [Action::Withdraw, Action::Resupply]
        );
        let mut c = ctx(Status::InProcess, &steps);
        c.current_step = Some("tham_dinh");
        assert_eq!(
            available_actions(&staff(&[Specialist]), &c),
            [
                Action::RequestSupplement,
                Action::NextStep,
                Action::RequestFee
            ]
        );
        for status in Status::ALL.into_iter().filter(|s| s.is_final()) {
            let c = ctx(status, &steps);
            assert!(available_actions(&staff(&StaffRole::ALL), &c).is_empty());
            assert!(available_actions(&Actor::Citizen, &c).is_empty());
        }
        let c = ctx(Status::Submitted, &steps);
        assert!(available_actions(&staff(&[Admin]), &c).is_empty());
    }

    #[test]
    fn errors_have_messages_and_keys() {
        let e = MoveError::RoleMissing {
            action: Action::Finish,
            needed: vec![StaffRole::Leader, StaffRole::Clerk],
        };
        assert_eq!(
            e.to_string(),
            "action finish needs one of the roles: leader, clerk"
        );
        assert_eq!(e.key(), "role_missing");
        let e = MoveError::NotAllowedFromStatus {
            action: Action::Accept,
            status: Status::Returned,
        };
        assert_eq!(
            e.to_string(),
            "action accept is not allowed from status 10 (Returned)"
        );
    }
}
