//! The one translation layer. Every text the UI shows comes from here: Vietnamese first,
//! English second. Texts from procedure files use [`motcua_domain::text::Text`] instead.
//!
//! Keys are an enum so that a missing translation is a compile error, not a blank screen.

mod back_office;
mod en;
mod errors;
mod vi;

pub use back_office::{
    account_error, action_error, action_name, queue_name, role_name, upload_error,
};
pub use errors::field_error;
pub use motcua_domain::text::Lang;

/// A fixed UI text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    AppName,
    AppTagline,
    SkipToContent,
    LanguageSwitch,
    NavCatalogue,
    NavLookup,
    CatalogueTitle,
    CatalogueIntro,
    SearchLabel,
    SearchButton,
    SearchResultsFor,
    SearchNoResults,
    ProcedureLevelProvince,
    ProcedureLevelCommune,
    OnlineFull,
    OnlinePartial,
    Sector,
    Level,
    OnlineLevel,
    ProcessingTime,
    Fees,
    NoFee,
    LegalBasis,
    Result,
    ResultDelivery,
    DeliveryCounter,
    DeliveryPost,
    DeliveryOnline,
    Documents,
    DocumentRequired,
    DocumentOptional,
    DocumentConditional,
    CopyOriginal,
    CopyCertified,
    CopyPlain,
    CopyAny,
    Quantity,
    StartFiling,
    StartFilingIntro,
    NotFoundTitle,
    NotFoundBody,
    BackToCatalogue,
    ErrorSummaryTitle,
    Optional,
    Continue,
    Back,
    Update,
    UpdateHint,
    AddEntry,
    RemoveEntry,
    Entry,
    SelectPlaceholder,
    Province,
    Commune,
    Street,
    ApplicantStepTitle,
    ApplicantIntro,
    ApplicantFullName,
    ApplicantIdNumber,
    ApplicantPhone,
    ApplicantEmail,
    ApplicantAddress,
    ApplicantBirthDate,
    ReceivingAgency,
    ReceivingAgencyHint,
    DocumentsStepTitle,
    DocumentsIntro,
    UploadHint,
    UploadButton,
    FilesReceived,
    NoFileYet,
    RemoveFile,
    FileTooLarge,
    FileWrongType,
    FileEmpty,
    FileMissing,
    ReviewTitle,
    ReviewIntro,
    Change,
    SubmitDossier,
    SubmitHint,
    Yes,
    No,
    Step,
    Of,
    ReceiptTitle,
    ReceiptIntro,
    DossierCode,
    ReceivingAgencyLabel,
    Applicant,
    Status,
    FiledAt,
    WhatNext,
    WhatNextBody,
    Print,
    LookupTitle,
    LookupIntro,
    LookupCode,
    LookupIdOrPhone,
    LookupIdOrPhoneHint,
    LookupButton,
    LookupNotFound,
    LookupTooMany,
    Timeline,
    NextStep,
    Procedure,
    Status1,
    Status2,
    Status3,
    Status4,
    Status5,
    Status6,
    Status7,
    Status8,
    Status9,
    Status10,
    NextStep1,
    NextStep2,
    NextStep4,
    NextStep5,
    NextStep9,
    NextStepFinal,
    FilingExpired,
    Declaration,
    PageWeightNote,
    UnitWorkingDays,
    UnitWorkingHours,
    UnitCalendarDays,
    Code,
    AcceptedAt,
    Actions,
    AllProcedures,
    Answers,
    AssignNextStep,
    AssignedTo,
    BeforeRound,
    Citizen,
    ClaimButton,
    ClaimDone,
    ClaimFailed,
    ClaimIntro,
    ClaimTitle,
    CurrentStep,
    Dossier,
    DueMoment,
    DueSoon,
    LeaderApproved,
    LeastLoaded,
    LoginName,
    LoginNameHint,
    ManageCalendar,
    ManageUsers,
    MyDossiers,
    MyDossiersSignIn,
    NavMyDossiers,
    NewDueHint,
    NewDueMoment,
    NextPage,
    NoAccountYet,
    NoActionNow,
    NoDossiersYet,
    Overdue,
    Page,
    Pages,
    Password,
    PasswordAgain,
    PausedFor,
    PreviousPage,
    QueueEmpty,
    QueueSearch,
    QueueSearchHint,
    Queues,
    Reason,
    Register,
    RegisterIntro,
    ResponsibleUnit,
    ResultDocument,
    SignIn,
    SignInRequired,
    SignInTooMany,
    SignInWrong,
    SignOut,
    SignedOut,
    SlipNo,
    Slips,
    SortLatestDue,
    SortSoonestDue,
    StaffWorkspace,
    StatutoryDue,
    StepDone,
    StepDue,
    StepOverdue,
    Superseded,
    SupplementIntro,
    SupplementItems,
    SupplementRequested,
    SupplementRound,
    SupplementSent,
    SupplementSentBody,
    SupplementStart,
    SupplementTitle,
    SystemError,
    TrackingBook,
    Version,
    WhyThisDate,
}

/// The text for `key` in `lang`.
pub fn t(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::Vi => vi::text(key),
        Lang::En => en::text(key),
    }
}

/// The name of a dossier status code (1–10) in `lang`.
pub fn status_name(lang: Lang, status: i32) -> &'static str {
    let key = match status {
        1 => Key::Status1,
        2 => Key::Status2,
        3 => Key::Status3,
        4 => Key::Status4,
        5 => Key::Status5,
        6 => Key::Status6,
        7 => Key::Status7,
        8 => Key::Status8,
        9 => Key::Status9,
        _ => Key::Status10,
    };
    t(lang, key)
}

/// How a result may be returned, in `lang`.
pub fn delivery_name(lang: Lang, d: motcua_domain::procedure::Delivery) -> &'static str {
    use motcua_domain::procedure::Delivery;
    t(
        lang,
        match d {
            Delivery::Counter => Key::DeliveryCounter,
            Delivery::Post => Key::DeliveryPost,
            Delivery::Online => Key::DeliveryOnline,
        },
    )
}

/// What the citizen should expect next, for a dossier in `status`.
pub fn next_step(lang: Lang, status: i32) -> &'static str {
    let key = match status {
        1 => Key::NextStep1,
        2 => Key::NextStep2,
        4 | 6 => Key::NextStep4,
        5 => Key::NextStep5,
        9 => Key::NextStep9,
        _ => Key::NextStepFinal,
    };
    t(lang, key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_text_for_a_key() {
        assert_eq!(t(Lang::Vi, Key::NavLookup), "Tra cứu hồ sơ");
        assert_eq!(t(Lang::En, Key::NavLookup), "Track a dossier");
    }
}
