//! Vietnamese texts (the default language).

use super::Key::{self, *};

pub(super) fn text(key: Key) -> &'static str {
    match key {
        AppName => "Dịch vụ công trực tuyến",
        AppTagline => "Một cửa điện tử",
        SkipToContent => "Bỏ qua, tới nội dung chính",
        LanguageSwitch => "English",
        NavCatalogue => "Thủ tục hành chính",
        NavLookup => "Tra cứu hồ sơ",
        CatalogueTitle => "Thủ tục hành chính",
        CatalogueIntro => "Tìm thủ tục, xem giấy tờ cần chuẩn bị và nộp hồ sơ trực tuyến.",
        SearchLabel => "Tìm thủ tục",
        SearchButton => "Tìm",
        SearchResultsFor => "Kết quả tìm kiếm cho",
        SearchNoResults => "Không tìm thấy thủ tục nào. Hãy thử từ khóa khác, ví dụ \"khai sinh\".",
        ProcedureLevelProvince => "Cấp tỉnh",
        ProcedureLevelCommune => "Cấp xã",
        OnlineFull => "Toàn trình",
        OnlinePartial => "Một phần",
        Sector => "Lĩnh vực",
        Level => "Cấp thực hiện",
        OnlineLevel => "Mức độ dịch vụ công trực tuyến",
        ProcessingTime => "Thời hạn giải quyết",
        Fees => "Phí, lệ phí",
        NoFee => "Không thu phí",
        LegalBasis => "Căn cứ pháp lý",
        Result => "Kết quả",
        ResultDelivery => "Cách nhận kết quả",
        DeliveryCounter => "Tại Bộ phận Một cửa",
        DeliveryPost => "Qua dịch vụ bưu chính công ích",
        DeliveryOnline => "Trực tuyến",
        Documents => "Thành phần hồ sơ",
        DocumentRequired => "Bắt buộc",
        DocumentOptional => "Không bắt buộc",
        DocumentConditional => "Khi có",
        CopyOriginal => "Bản chính",
        CopyCertified => "Bản sao chứng thực",
        CopyPlain => "Bản sao",
        CopyAny => "Bản chính hoặc bản sao",
        Quantity => "Số lượng",
        StartFiling => "Nộp hồ sơ trực tuyến",
        StartFilingIntro => {
            "Bạn sẽ điền thông tin người nộp, tờ khai và đính kèm giấy tờ. Thông tin đã nhập được lưu lại sau mỗi trang."
        }
        NotFoundTitle => "Không tìm thấy trang",
        NotFoundBody => "Địa chỉ này không tồn tại hoặc thủ tục đã không còn được cung cấp.",
        ServerErrorTitle => "Đã có lỗi ở phía chúng tôi. Xin thử lại sau.",
        ServerErrorHelp => "Nếu cần hỗ trợ, xin cho biết mã này.",
        EventUnreadable => "Không đọc được chi tiết của sự kiện này.",
        FormNotReadTitle => "Không đọc được nội dung đã gửi",
        BusyTitle => "Hệ thống đang quá tải",
        BusyBody => {
            "Có quá nhiều người đang dùng cùng lúc. Xin thử lại sau ít giây; những gì đã lưu \
             vẫn còn."
        }
        HomeLink => "Về trang chủ",
        TooManyFilingsTitle => "Đã bắt đầu quá nhiều hồ sơ",
        TooManyFilingsBody => {
            "Từ mạng này đã có nhiều hồ sơ được bắt đầu trong thời gian ngắn. Hãy thử lại sau \
             ít phút, hoặc tiếp tục hồ sơ đang làm."
        }
        FormNotReadBody => {
            "Biểu mẫu đến không đầy đủ. Xin quay lại trang trước và gửi lại; những gì đã lưu vẫn còn."
        }
        NoReceiverTitle => "Chưa nộp được hồ sơ",
        NoReceiverBody => {
            "Thủ tục này hiện chưa có cơ quan tiếp nhận trực tuyến. Hồ sơ của bạn vẫn được lưu; xin thử lại sau hoặc liên hệ bộ phận một cửa."
        }
        RequestId => "Mã yêu cầu",
        BackToCatalogue => "Về danh sách thủ tục",
        ErrorSummaryTitle => "Có lỗi cần sửa",
        Optional => "(không bắt buộc)",
        Continue => "Tiếp tục",
        Back => "Quay lại",
        Update => "Cập nhật trang",
        UpdateHint => "Sau khi chọn, bấm \"Cập nhật trang\" để hiện các mục liên quan.",
        AddEntry => "Thêm",
        RemoveEntry => "Xóa mục này",
        Entry => "Mục",
        SelectPlaceholder => "— Chọn —",
        Province => "Tỉnh, thành phố",
        Commune => "Xã, phường",
        Street => "Số nhà, đường, thôn/tổ",
        ApplicantStepTitle => "Thông tin người nộp hồ sơ",
        ApplicantIntro => "Thông tin này dùng để liên hệ và tra cứu hồ sơ.",
        ApplicantFullName => "Họ, chữ đệm và tên",
        ApplicantIdNumber => "Số định danh cá nhân (CCCD)",
        ApplicantPhone => "Số điện thoại",
        ApplicantEmail => "Thư điện tử",
        ApplicantAddress => "Địa chỉ liên hệ",
        ApplicantBirthDate => "Ngày sinh",
        ReceivingAgency => "Nơi tiếp nhận hồ sơ",
        ReceivingAgencyHint => "Chọn Ủy ban nhân dân xã, phường sẽ giải quyết hồ sơ.",
        DocumentsStepTitle => "Giấy tờ đính kèm",
        DocumentsIntro => "Chụp ảnh hoặc quét giấy tờ và tải lên (PDF, JPG, PNG).",
        UploadHint => "Định dạng",
        UploadButton => "Tải lên",
        FilesReceived => "Đã nhận",
        NoFileYet => "Chưa có tệp nào",
        RemoveFile => "Xóa tệp",
        ReviewTitle => "Kiểm tra thông tin trước khi nộp",
        ReviewIntro => "Xem lại các thông tin bạn đã nhập. Bấm \"Thay đổi\" để sửa.",
        Change => "Thay đổi",
        SubmitDossier => "Nộp hồ sơ",
        SubmitHint => {
            "Bấm một lần và chờ. Nếu mạng chập chờn, bấm lại cũng không tạo hồ sơ thứ hai."
        }
        Yes => "Có",
        No => "Không",
        Step => "Bước",
        Of => "trên",
        ReceiptTitle => "Đã nộp hồ sơ thành công",
        ReceiptIntro => "Hãy ghi lại mã hồ sơ để tra cứu.",
        DossierCode => "Mã hồ sơ",
        ReceivingAgencyLabel => "Cơ quan tiếp nhận",
        Applicant => "Người nộp",
        Status => "Trạng thái",
        FiledAt => "Thời điểm nộp",
        WhatNext => "Bước tiếp theo",
        WhatNextBody => {
            "Cán bộ Bộ phận Một cửa sẽ kiểm tra hồ sơ. Khi hồ sơ được tiếp nhận, bạn sẽ nhận Giấy tiếp nhận và hẹn trả kết quả. Tra cứu tình trạng bằng mã hồ sơ và số định danh hoặc số điện thoại."
        }
        Print => "In biên nhận",
        LookupTitle => "Tra cứu hồ sơ",
        LookupIntro => "Nhập mã hồ sơ và số định danh cá nhân hoặc số điện thoại của người nộp.",
        LookupCode => "Mã hồ sơ",
        LookupProof => "Số định danh cá nhân hoặc mã truy cập",
        LookupProofHint => {
            "Số định danh (12 chữ số) của người nộp để xem tình trạng; mã truy cập in trên giấy biên nhận để bổ sung, rút hồ sơ hoặc xem các phiếu"
        }
        LookupStatusOnly => {
            "Để bổ sung, rút hồ sơ hoặc xem các phiếu, hãy tra cứu bằng mã truy cập in trên giấy biên nhận, hoặc đăng nhập."
        }
        AccessCode => "Mã truy cập",
        AccessCodeKeep => {
            "Giữ kín mã truy cập: cùng mã hồ sơ, mã này cho phép bổ sung, rút hồ sơ và xem các phiếu mà không cần đăng nhập. Mã chỉ hiện trên trang này và giấy biên nhận."
        }
        LookupButton => "Tra cứu",
        LookupNotFound => "Không tìm thấy hồ sơ với mã và giấy tờ đã nhập. Hãy kiểm tra lại.",
        LookupTooMany => "Bạn đã tra cứu sai quá nhiều lần. Hãy thử lại sau ít phút.",
        Timeline => "Quá trình xử lý",
        NextStep => "Bước tiếp theo",
        Procedure => "Thủ tục",
        Status1 => "Mới đăng ký",
        Status2 => "Được tiếp nhận",
        Status3 => "Không được tiếp nhận",
        Status4 => "Đang xử lý",
        Status5 => "Yêu cầu bổ sung",
        Status6 => "Yêu cầu thực hiện nghĩa vụ tài chính",
        Status7 => "Công dân rút hồ sơ",
        Status8 => "Dừng xử lý",
        Status9 => "Đã xử lý xong",
        Status10 => "Đã trả kết quả",
        NextStep1 => "Hồ sơ đang chờ Bộ phận Một cửa kiểm tra và tiếp nhận.",
        NextStep2 => "Hồ sơ đã được tiếp nhận và sẽ được chuyển xử lý.",
        NextStep4 => "Hồ sơ đang được cơ quan giải quyết.",
        NextStep5 => "Cơ quan yêu cầu bổ sung hồ sơ. Hãy xem phiếu yêu cầu và bổ sung.",
        NextStep9 => "Kết quả đã sẵn sàng để trả.",
        NextStepFinal => "Hồ sơ đã kết thúc.",
        FilingExpired => "Phiên nộp hồ sơ này không còn. Hãy bắt đầu lại.",
        Declaration => "Cam đoan",
        PageWeightNote => "",
        UnitWorkingDays => "ngày làm việc",
        UnitWorkingHours => "giờ làm việc",
        UnitCalendarDays => "ngày",
        Code => "Mã thủ tục",
        AcceptedAt => "Tiếp nhận lúc",
        Actions => "Xử lý hồ sơ",
        AllProcedures => "Tất cả thủ tục",
        Answers => "Nội dung tờ khai",
        AssignNextStep => "Chuyển cho người xử lý bước tiếp theo",
        AssignedTo => "Người xử lý",
        BeforeRound => "trước lần bổ sung",
        Citizen => "Công dân",
        ClaimButton => "Thêm vào hồ sơ của tôi",
        ClaimDone => "Đã thêm hồ sơ vào danh sách của bạn.",
        ClaimFailed => {
            "Mã hồ sơ hoặc mã truy cập không đúng, hoặc hồ sơ đã thuộc một tài khoản khác."
        }
        ClaimIntro => {
            "Hồ sơ nộp khi chưa đăng nhập: nhập mã hồ sơ và mã truy cập in trên giấy biên nhận."
        }
        ClaimTitle => "Thêm hồ sơ đã nộp",
        CurrentStep => "Bước đang xử lý",
        Dossier => "Hồ sơ",
        DueMoment => "Hẹn trả kết quả",
        DueSoon => "Sắp đến hạn",
        LeastLoaded => "Người đang ít việc nhất (mặc định)",
        LoginName => "Số điện thoại hoặc tên đăng nhập",
        LoginNameHint => {
            "Công dân đăng nhập bằng số điện thoại; cán bộ bằng tên đăng nhập được cấp."
        }
        AuditTrail => "Nhật ký hệ thống",
        AuditIntro => {
            "Mọi lần đăng nhập, mọi lần cán bộ xem hồ sơ hoặc tệp, mọi bước xử lý và mọi thay đổi của quản trị viên trong cơ quan, mới nhất trước. Nhật ký chỉ được ghi thêm, không sửa hay xóa được."
        }
        AuditDossier => "Mã hồ sơ",
        AuditActor => "Người thực hiện (tên đăng nhập hoặc số điện thoại)",
        AuditFrom => "Từ ngày (dd/mm/yyyy)",
        AuditUntil => "Đến ngày (dd/mm/yyyy)",
        AuditSearch => "Tìm trong nhật ký",
        AuditNone => "Không có mục nào khớp.",
        AuditCut => "Chỉ hiện 200 mục mới nhất: thu hẹp tìm kiếm để xem mục cũ hơn.",
        AuditWhen => "Thời điểm",
        AuditWhat => "Việc",
        AuditWho => "Người thực hiện",
        AuditObject => "Đối tượng",
        AuditClient => "Địa chỉ máy",
        AuditRequest => "Mã yêu cầu",
        AuditNobody => "(không có tài khoản)",
        AuditDossierInvalid => "Mã hồ sơ không đúng dạng: nhập đủ mã như trên giấy biên nhận",
        AuditDateInvalid => "Ngày không đúng: nhập theo dạng dd/mm/yyyy",
        SeenTitle => "Ai đã xử lý và xem hồ sơ",
        SeenIntro => "Theo vai trò và cơ quan, không ghi tên người.",
        SeenYou => "Bạn",
        SeenViewed => "xem hồ sơ",
        SeenFile => "mở một tệp của hồ sơ",
        ManageCalendar => "Lịch làm việc",
        ManageUsers => "Cán bộ",
        MyDossiers => "Hồ sơ của tôi",
        MyDossiersSignIn => {
            "Đăng nhập để xem mọi hồ sơ bạn đã nộp. Không có tài khoản vẫn tra cứu được bằng mã hồ sơ."
        }
        NavMyDossiers => "Hồ sơ của tôi",
        NewDueHint => "Ngày giờ theo giờ Việt Nam, muộn hơn hạn hiện tại.",
        NewDueMoment => "Hẹn trả kết quả mới",
        NextPage => "Trang sau",
        NoAccountYet => "Chưa có tài khoản?",
        NoActionNow => "Không có thao tác nào bạn được làm với hồ sơ này lúc này.",
        NoDossiersYet => "Bạn chưa có hồ sơ nào.",
        Overdue => "Quá hạn",
        Page => "Trang",
        Pages => "Phân trang",
        Password => "Mật khẩu",
        PasswordAgain => "Nhập lại mật khẩu",
        PausedFor => "Tạm dừng tính thời gian",
        PreviousPage => "Trang trước",
        QueueEmpty => "Không có hồ sơ nào trong danh sách này.",
        QueueSearch => "Tìm hồ sơ",
        QueueSearchHint => "Mã hồ sơ, họ tên người nộp (không cần dấu) hoặc số định danh.",
        Queues => "Danh sách hồ sơ",
        Reason => "Lý do",
        Register => "Đăng ký tài khoản",
        RegisterIntro => {
            "Tài khoản giúp bạn theo dõi mọi hồ sơ đã nộp. Không bắt buộc: vẫn nộp hồ sơ được khi chưa đăng nhập."
        }
        ResponsibleUnit => "Đơn vị, cá nhân để chậm",
        ResultDocument => "Văn bản kết quả",
        SignIn => "Đăng nhập",
        SignInRequired => "Trang này dành cho cán bộ. Hãy đăng nhập.",
        SignInTooMany => "Đăng nhập sai quá nhiều lần. Hãy thử lại sau vài phút.",
        SignInWrong => "Số điện thoại/tên đăng nhập hoặc mật khẩu không đúng.",
        SignOut => "Đăng xuất",
        SignedOut => "Bạn đã đăng xuất.",
        ChangePassword => "Đổi mật khẩu",
        ChangePasswordIntro => {
            "Sau khi đổi, mọi thiết bị khác đang đăng nhập tài khoản này sẽ bị đăng xuất."
        }
        ChangePasswordDone => "Đã đổi mật khẩu. Các thiết bị khác đã được đăng xuất.",
        ChangePasswordSignIn => "Hãy đăng nhập để đổi mật khẩu.",
        CurrentPassword => "Mật khẩu hiện tại",
        NewPassword => "Mật khẩu mới",
        SlipNo => "Phiếu",
        Slips => "Phiếu đã cấp",
        SortLatestDue => "Xếp hạn muộn trước",
        SortSoonestDue => "Xếp hạn sớm trước",
        StaffWorkspace => "Một cửa điện tử – cán bộ",
        StatutoryDue => "Hạn theo quy định",
        StepDone => "Đã xong bước",
        StepDue => "Hạn của bước",
        StepOverdue => "Bước hiện tại đã quá hạn",
        Superseded => "đã được thay bằng bản bổ sung",
        SupplementIntro => {
            "Chỉ những nội dung được yêu cầu được mở lại. Sửa hoặc gửi lại rồi bấm Tiếp tục để gửi bổ sung."
        }
        SupplementItems => "Nội dung cần bổ sung",
        SupplementRequested => "Cơ quan yêu cầu bổ sung hồ sơ:",
        SupplementRound => "lần bổ sung",
        SupplementClosed => "Hồ sơ không còn chờ bổ sung",
        SupplementClosedBody => {
            "Nội dung bổ sung đã được gửi trước đó hoặc hồ sơ đã chuyển sang bước khác. Hãy tra cứu hồ sơ để xem tình trạng hiện tại."
        }
        SupplementSent => "Đã gửi bổ sung",
        SupplementSentBody => {
            "Hồ sơ đã được chuyển lại cho cơ quan giải quyết. Thời gian chờ bổ sung không tính vào thời hạn giải quyết."
        }
        SupplementStart => "Bổ sung hồ sơ",
        SupplementTitle => "Bổ sung, hoàn thiện hồ sơ",
        SystemError => "Hệ thống đang gặp sự cố. Hãy thử lại sau.",
        TrackingBook => "Sổ theo dõi",
        Version => "phiên bản",
        WhyThisDate => "Vì sao là ngày này?",
        AdminUsersTitle => "Cán bộ của cơ quan",
        AdminUsersIntro => {
            "Thêm cán bộ, đổi vai trò, khóa tài khoản hoặc đặt mật khẩu mới. Bạn chỉ quản lý được tài khoản của cơ quan mình."
        }
        AdminStaffList => "Danh sách cán bộ",
        AdminLogin => "Tên đăng nhập",
        AdminLoginHint => {
            "Từ 3 đến 64 ký tự: chữ không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang; ví dụ tiepnhan2.000.50.01.h56."
        }
        AdminRoles => "Vai trò",
        AdminActive => "Đang hoạt động",
        AdminInactive => "Đã khóa",
        AdminYou => "(bạn)",
        AdminManageAccount => "Đổi vai trò, khóa tài khoản, đặt mật khẩu",
        AdminSaveRoles => "Lưu vai trò",
        AdminDeactivate => "Khóa tài khoản",
        AdminReactivate => "Mở khóa tài khoản",
        AdminDeactivateHint => {
            "Tài khoản bị khóa không đăng nhập được và bị đăng xuất ngay. Hồ sơ đang giao cho cán bộ này không tự chuyển cho người khác."
        }
        AdminNewPassword => "Mật khẩu mới",
        AdminSetPassword => "Đặt mật khẩu mới",
        AdminPasswordHint => "Ít nhất 8 ký tự. Tài khoản bị đăng xuất khỏi mọi phiên đang mở.",
        AdminAddStaff => "Thêm cán bộ",
        AdminInitialPassword => "Mật khẩu ban đầu",
        AdminInitialPasswordHint => "Ít nhất 8 ký tự. Hãy trao mật khẩu trực tiếp cho cán bộ.",
        AdminAdded => "Đã thêm tài khoản cán bộ.",
        AdminRolesSaved => "Đã lưu vai trò.",
        AdminDeactivated => "Đã khóa tài khoản; cán bộ đã bị đăng xuất.",
        AdminReactivated => "Đã mở khóa tài khoản.",
        AdminPasswordSet => "Đã đặt mật khẩu mới.",
        AdminLoginInvalid => {
            "Tên đăng nhập gồm 3 đến 64 ký tự: chữ không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang, và không phải là số điện thoại"
        }
        AdminLoginTaken => "Tên đăng nhập này đã có người dùng. Hãy chọn tên khác.",
        AdminRolesRequired => {
            "Hãy chọn ít nhất một vai trò. Để cán bộ thôi làm việc, hãy khóa tài khoản."
        }
        AdminOwnAdminRole => {
            "Bạn không thể tự bỏ vai trò quản trị của mình. Hãy nhờ một quản trị viên khác của cơ quan."
        }
        AdminOwnDeactivate => "Bạn không thể tự khóa tài khoản của mình.",
        AdminCalendarIntro => {
            "Ngày nghỉ lễ, Tết và ngày làm việc bù của năm nay và năm sau. Các ngày khác theo lịch thường: làm việc từ thứ Hai đến thứ Sáu."
        }
        AdminCalendarShared => {
            "Lịch này dùng chung cho mọi cơ quan trên hệ thống, và mọi quản trị viên đều sửa được. Thay đổi được dùng cho các thời hạn tính từ nay; hạn đã hẹn của hồ sơ không tự thay đổi."
        }
        AdminCalendarYear => "Năm",
        AdminCalendarDate => "Ngày",
        AdminCalendarKind => "Loại ngày",
        AdminCalendarName => "Tên ngày",
        AdminCalendarNameHint => {
            "Ví dụ: Quốc tế Lao động; Nghỉ Tết Nguyên đán; Làm bù cho ngày 02/01."
        }
        AdminHoliday => "Ngày nghỉ lễ, Tết",
        AdminWorkday => "Ngày làm việc bù",
        AdminCalendarEmpty => "Chưa có ngày nào trong năm này.",
        AdminCalendarAdd => "Thêm hoặc thay một ngày",
        AdminCalendarAddHint => {
            "Nếu ngày đã có trong lịch, nội dung cũ được thay bằng nội dung mới."
        }
        AdminCalendarSave => "Lưu vào lịch",
        AdminCalendarDelete => "Xóa",
        AdminCalendarDeleteDay => "Xóa ngày",
        AdminCalendarSaved => "Đã lưu vào lịch ngày",
        AdminCalendarDeleted => "Đã xóa khỏi lịch ngày",
        AdminDateInvalid => "Hãy nhập ngày có thật theo dạng ngày/tháng/năm, ví dụ 01/05/2026",
        AdminDateOutOfRange => "Hãy chọn một ngày của năm nay hoặc năm sau",
        AdminKindRequired => "Hãy chọn loại ngày",
        AdminActions => "Thao tác",
        Withdraw => "Rút hồ sơ",
        WithdrawHint => {
            "Hồ sơ đã rút sẽ không được giải quyết; muốn làm lại thủ tục phải nộp hồ sơ mới."
        }
        WithdrawReason => "Lý do rút (không bắt buộc)",
        WithdrawDone => "Đã rút hồ sơ.",
        WithdrawFailed => {
            "Chưa rút được hồ sơ: có thể hồ sơ đã được xử lý. Hãy tra cứu để xem tình trạng."
        }
    }
}
