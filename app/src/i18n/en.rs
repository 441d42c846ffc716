//! English texts.

use super::Key::{self, *};

pub(super) fn text(key: Key) -> &'static str {
    match key {
        AppName => "Online public services",
        AppTagline => "Electronic one-stop desk",
        SkipToContent => "Skip to main content",
        LanguageSwitch => "Tiếng Việt",
        NavCatalogue => "Procedures",
        NavLookup => "Track a dossier",
        CatalogueTitle => "Administrative procedures",
        CatalogueIntro => "Find a procedure, see which documents to prepare, and apply online.",
        SearchLabel => "Search procedures",
        SearchButton => "Search",
        SearchResultsFor => "Results for",
        SearchNoResults => "No procedure found. Try other words, e.g. \"birth\".",
        ProcedureLevelProvince => "Province level",
        ProcedureLevelCommune => "Commune level",
        OnlineFull => "Fully online",
        OnlinePartial => "Partly online",
        Sector => "Sector",
        Level => "Handled at",
        OnlineLevel => "Online service level",
        ProcessingTime => "Processing time",
        Fees => "Fees and charges",
        NoFee => "No fee",
        LegalBasis => "Legal basis",
        Result => "Result",
        ResultDelivery => "How you receive the result",
        DeliveryCounter => "At the one-stop desk",
        DeliveryPost => "By public postal service",
        DeliveryOnline => "Online",
        Documents => "Documents",
        DocumentRequired => "Required",
        DocumentOptional => "Optional",
        DocumentConditional => "If applicable",
        CopyOriginal => "Original",
        CopyCertified => "Certified copy",
        CopyPlain => "Copy",
        CopyAny => "Original or copy",
        Quantity => "Quantity",
        StartFiling => "Apply online",
        StartFilingIntro => {
            "You will give the applicant's details, fill in the form and attach documents. What you enter is saved after every page."
        }
        NotFoundTitle => "Page not found",
        NotFoundBody => "This address does not exist or the procedure is no longer offered.",
        ServerErrorTitle => "Something went wrong on our side. Please try again later.",
        ServerErrorHelp => "If you ask for help, please give this id.",
        EventUnreadable => "The details of this event could not be read.",
        FormNotReadTitle => "What was sent could not be read",
        BusyTitle => "The service is overloaded",
        BusyBody => {
            "Too many people are using it at the same moment. Please try again in a few \
             seconds; what was saved is kept."
        }
        HomeLink => "Home",
        TooManyFilingsTitle => "Too many filings started",
        TooManyFilingsBody => {
            "Many filings were started from this network in a short time. Please try again in \
             a few minutes, or go on with the filing you have started."
        }
        FormNotReadBody => {
            "The form did not arrive whole. Please go back to the previous page and send it again; what was saved is kept."
        }
        NoReceiverTitle => "The dossier could not be filed yet",
        NoReceiverBody => {
            "No agency receives this procedure online at the moment. Your answers are kept; please try again later or contact the one-stop desk."
        }
        RequestId => "Request id",
        BackToCatalogue => "Back to procedures",
        ErrorSummaryTitle => "There is a problem",
        Optional => "(optional)",
        Continue => "Continue",
        Back => "Back",
        Update => "Update page",
        UpdateHint => "After choosing, press \"Update page\" to show related questions.",
        AddEntry => "Add",
        RemoveEntry => "Remove this entry",
        Entry => "Entry",
        SelectPlaceholder => "— Choose —",
        Province => "Province or city",
        Commune => "Commune or ward",
        Street => "House number, street, hamlet",
        ApplicantStepTitle => "Applicant's details",
        ApplicantIntro => "Used to contact you and to look up the dossier.",
        ApplicantFullName => "Full name",
        ApplicantIdNumber => "Personal ID number (CCCD)",
        ApplicantPhone => "Phone number",
        ApplicantEmail => "E-mail",
        ApplicantAddress => "Contact address",
        ApplicantBirthDate => "Date of birth",
        ReceivingAgency => "Where the dossier is received",
        ReceivingAgencyHint => "Choose the commune or ward People's Committee that will handle it.",
        DocumentsStepTitle => "Attached documents",
        DocumentsIntro => "Photograph or scan each document and upload it (PDF, JPG, PNG).",
        UploadHint => "Formats",
        UploadButton => "Upload",
        FilesReceived => "Received",
        NoFileYet => "No file yet",
        RemoveFile => "Remove file",
        ReviewTitle => "Check your answers before filing",
        ReviewIntro => "Review what you entered. Use \"Change\" to correct it.",
        Change => "Change",
        SubmitDossier => "File the dossier",
        SubmitHint => {
            "Press once and wait. If the network is unreliable, pressing again will not file a second dossier."
        }
        Yes => "Yes",
        No => "No",
        Step => "Step",
        Of => "of",
        ReceiptTitle => "Your dossier has been filed",
        ReceiptIntro => "Keep the dossier code to track it.",
        DossierCode => "Dossier code",
        ReceivingAgencyLabel => "Receiving agency",
        Applicant => "Applicant",
        Status => "Status",
        FiledAt => "Filed at",
        WhatNext => "What happens next",
        WhatNextBody => {
            "An officer of the one-stop desk will check the dossier. Once it is accepted you will get a receipt with the appointment date. Track it with the dossier code and the ID number or phone number."
        }
        Print => "Print receipt",
        LookupTitle => "Track a dossier",
        LookupIntro => {
            "Enter the dossier code and the applicant's personal ID number or phone number."
        }
        LookupCode => "Dossier code",
        LookupProof => "Personal ID number or access code",
        LookupProofHint => {
            "The filer's ID number (12 digits) to see the status; the access code printed on the receipt to answer a supplement request, withdraw or see the slips"
        }
        LookupStatusOnly => {
            "To answer a supplement request, withdraw or see the slips, look the dossier up with the access code printed on the receipt, or sign in."
        }
        AccessCode => "Access code",
        AccessCodeKeep => {
            "Keep the access code private: with the dossier code it lets anyone answer supplement requests, withdraw the dossier and see its slips without signing in. It is shown only on this page and the receipt."
        }
        LookupButton => "Look up",
        LookupNotFound => "No dossier matches that code and ID or phone. Please check them.",
        LookupTooMany => "Too many unsuccessful look-ups. Please try again in a few minutes.",
        Timeline => "Timeline",
        NextStep => "Next step",
        Procedure => "Procedure",
        Status1 => "Submitted online",
        Status2 => "Accepted",
        Status3 => "Refused",
        Status4 => "In process",
        Status5 => "Supplement requested",
        Status6 => "Fee or tax due",
        Status7 => "Withdrawn",
        Status8 => "Processing stopped",
        Status9 => "Result ready",
        Status10 => "Result returned",
        NextStep1 => "The one-stop desk will check and accept the dossier.",
        NextStep2 => "The dossier was accepted and will be passed on for processing.",
        NextStep4 => "The agency is processing the dossier.",
        NextStep5 => {
            "The agency asks for more documents. See the request and supplement the dossier."
        }
        NextStep9 => "The result is ready to be returned.",
        NextStepFinal => "The dossier is closed.",
        FilingExpired => "This filing session no longer exists. Please start again.",
        Declaration => "Declaration",
        PageWeightNote => "",
        UnitWorkingDays => "working days",
        UnitWorkingHours => "working hours",
        UnitCalendarDays => "calendar days",
        Code => "Procedure code",
        AcceptedAt => "Accepted at",
        Actions => "Actions",
        AllProcedures => "All procedures",
        Answers => "Answers",
        AssignNextStep => "Hand the next step to",
        AssignedTo => "Assigned to",
        BeforeRound => "before supplement",
        Citizen => "Citizen",
        ClaimButton => "Add to my dossiers",
        ClaimDone => "The dossier was added to your list.",
        ClaimFailed => {
            "The dossier code or access code is wrong, or the dossier already belongs to an account."
        }
        ClaimIntro => {
            "A dossier filed without signing in: enter its code and the access code printed on the receipt."
        }
        ClaimTitle => "Add a dossier you filed",
        CurrentStep => "Current step",
        Dossier => "Dossier",
        DueMoment => "Due",
        DueSoon => "Due soon",
        LeastLoaded => "Least loaded (default)",
        LoginName => "Phone number or user name",
        LoginNameHint => {
            "Citizens sign in with their phone number; staff with the user name they were given."
        }
        AuditTrail => "Audit trail",
        AuditIntro => {
            "Every sign-in, every staff view of a dossier or a file, every move and every admin change in the agency, newest first. The trail is only ever added to; nothing in it can be changed or deleted."
        }
        AuditDossier => "Dossier code",
        AuditActor => "Actor (user name or phone)",
        AuditFrom => "From (dd/mm/yyyy)",
        AuditUntil => "Until (dd/mm/yyyy)",
        AuditSearch => "Search the trail",
        AuditNone => "Nothing matches.",
        AuditCut => "Only the newest 200 entries are shown: narrow the search to see older ones.",
        AuditWhen => "When",
        AuditWhat => "What",
        AuditWho => "Who",
        AuditObject => "Object",
        AuditClient => "Client address",
        AuditRequest => "Request id",
        AuditNobody => "(no account)",
        AuditDossierInvalid => {
            "The dossier code is not in its form: type the whole code as on the receipt"
        }
        AuditDateInvalid => "The date does not read: type it as dd/mm/yyyy",
        SeenTitle => "Who handled and viewed the dossier",
        SeenIntro => "By role and agency, never by name.",
        SeenYou => "You",
        SeenViewed => "viewed the dossier",
        SeenFile => "opened a file of the dossier",
        ManageCalendar => "Working calendar",
        ManageUsers => "Staff accounts",
        MyDossiers => "My dossiers",
        MyDossiersSignIn => {
            "Sign in to see every dossier you filed. Without an account you can still look one up by its code."
        }
        NavMyDossiers => "My dossiers",
        NewDueHint => "Date and time in Vietnam time, later than the current due moment.",
        NewDueMoment => "New due moment",
        NextPage => "Next page",
        NoAccountYet => "No account yet?",
        NoActionNow => "There is nothing you may do with this dossier now.",
        NoDossiersYet => "You have no dossier yet.",
        Overdue => "Overdue",
        Page => "Page",
        Pages => "Pages",
        Password => "Password",
        PasswordAgain => "Password again",
        PausedFor => "Clock paused for",
        PreviousPage => "Previous page",
        QueueEmpty => "No dossier in this list.",
        QueueSearch => "Find a dossier",
        QueueSearchHint => "Dossier code, applicant's name (accents optional) or ID number.",
        Queues => "Queues",
        Reason => "Reason",
        Register => "Create an account",
        RegisterIntro => {
            "An account lets you follow every dossier you file. It is optional: you can file without one."
        }
        ResponsibleUnit => "Unit responsible for the delay",
        ResultDocument => "Result document",
        SignIn => "Sign in",
        SignInRequired => "This page is for staff. Please sign in.",
        SignInTooMany => "Too many failed sign-ins. Please try again in a few minutes.",
        SignInWrong => "The phone number/user name or password is wrong.",
        SignOut => "Sign out",
        SignedOut => "You are signed out.",
        ChangePassword => "Change password",
        ChangePasswordIntro => {
            "Once changed, every other device signed in to this account is signed out."
        }
        ChangePasswordDone => "Your password is changed. Other devices have been signed out.",
        ChangePasswordSignIn => "Sign in to change your password.",
        CurrentPassword => "Current password",
        NewPassword => "New password",
        SlipNo => "Slip",
        Slips => "Slips issued",
        SortLatestDue => "Latest due first",
        SortSoonestDue => "Soonest due first",
        StaffWorkspace => "One-stop desk – staff",
        StatutoryDue => "Statutory due",
        StepDone => "Step done",
        StepDue => "Step due",
        StepOverdue => "The current step is overdue",
        Superseded => "replaced by a supplement",
        SupplementIntro => {
            "Only the requested items are open again. Correct or re-send them, then press Continue to send."
        }
        SupplementItems => "Items to supplement",
        SupplementRequested => "The agency asks you to complete your dossier:",
        SupplementRound => "supplement",
        SupplementClosed => "This dossier no longer waits for a supplement",
        SupplementClosedBody => {
            "The supplement was sent before, or the dossier has moved on. Look the dossier up to see where it stands."
        }
        SupplementSent => "Supplement sent",
        SupplementSentBody => {
            "Your dossier is back with the agency. The time spent waiting for you is not counted against the deadline."
        }
        SupplementStart => "Complete the dossier",
        SupplementTitle => "Complete your dossier",
        SystemError => "Something went wrong on our side. Please try again later.",
        TrackingBook => "Tracking book",
        Version => "version",
        WhyThisDate => "Why this date?",
        AdminUsersTitle => "Staff accounts of the agency",
        AdminUsersIntro => {
            "Add staff, change their roles, lock an account or set a new password. You manage the accounts of your own agency only."
        }
        AdminStaffList => "Staff list",
        AdminLogin => "User name",
        AdminLoginHint => {
            "3 to 64 characters: letters without accents, digits, dots, underscores or hyphens; e.g. tiepnhan2.000.50.01.h56."
        }
        AdminRoles => "Roles",
        AdminActive => "Active",
        AdminInactive => "Locked",
        AdminYou => "(you)",
        AdminManageAccount => "Roles, locking, password",
        AdminSaveRoles => "Save the roles",
        AdminDeactivate => "Lock the account",
        AdminReactivate => "Unlock the account",
        AdminDeactivateHint => {
            "A locked account cannot sign in and is signed out at once. Dossiers assigned to it are not handed to anyone else automatically."
        }
        AdminNewPassword => "New password",
        AdminSetPassword => "Set the new password",
        AdminPasswordHint => {
            "At least 8 characters. The account is signed out of every open session."
        }
        AdminAddStaff => "Add a staff member",
        AdminInitialPassword => "Initial password",
        AdminInitialPasswordHint => "At least 8 characters. Hand it to the staff member in person.",
        AdminAdded => "The staff account was added.",
        AdminRolesSaved => "The roles were saved.",
        AdminDeactivated => "The account is locked and signed out.",
        AdminReactivated => "The account is unlocked.",
        AdminPasswordSet => "The new password is set.",
        AdminLoginInvalid => {
            "A user name has 3 to 64 characters: letters without accents, digits, dots, underscores or hyphens, and is not a phone number"
        }
        AdminLoginTaken => "This user name is already in use. Choose another.",
        AdminRolesRequired => {
            "Choose at least one role. To stop someone working, lock the account instead."
        }
        AdminOwnAdminRole => {
            "You cannot remove your own admin role. Ask another admin of your agency."
        }
        AdminOwnDeactivate => "You cannot lock your own account.",
        AdminCalendarIntro => {
            "Public holidays and make-up working days of this year and the next. Every other date follows the weekly rule: Monday to Friday are working days."
        }
        AdminCalendarShared => {
            "This calendar is shared by every agency of the system, and every admin can change it. Changes apply to deadlines computed from now on; due dates already given do not change by themselves."
        }
        AdminCalendarYear => "Year",
        AdminCalendarDate => "Date",
        AdminCalendarKind => "Kind of day",
        AdminCalendarName => "Name",
        AdminCalendarNameHint => {
            "For example: Labour Day; Lunar New Year holiday; Make-up day for 2 January."
        }
        AdminHoliday => "Public holiday",
        AdminWorkday => "Make-up working day",
        AdminCalendarEmpty => "No day entered for this year yet.",
        AdminCalendarAdd => "Add or replace a day",
        AdminCalendarAddHint => "If the date is already in the calendar, its entry is replaced.",
        AdminCalendarSave => "Save to the calendar",
        AdminCalendarDelete => "Delete",
        AdminCalendarDeleteDay => "Delete the day",
        AdminCalendarSaved => "Saved to the calendar:",
        AdminCalendarDeleted => "Removed from the calendar:",
        AdminDateInvalid => "Enter a real date as day/month/year, like 01/05/2026",
        AdminDateOutOfRange => "Choose a date of this year or the next",
        AdminKindRequired => "Choose the kind of day",
        AdminActions => "Actions",
        Withdraw => "Withdraw the dossier",
        WithdrawHint => "A withdrawn dossier is not processed; to try again you file a new one.",
        WithdrawReason => "Why (optional)",
        WithdrawDone => "The dossier was withdrawn.",
        WithdrawFailed => {
            "The dossier was not withdrawn: it may already be in process. Look it up to see its status."
        }
    }
}
