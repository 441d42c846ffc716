//! Texts of the back office named by a stable string key rather than a [`super::Key`]: the
//! status machine's action names and refusal keys, role and queue names, account and upload
//! problems. An unknown key falls back to a general message, never to the key itself.

use motcua_domain::workflow::Action;

use super::Lang;

fn pick(lang: Lang, (vi, en): (&'static str, &'static str)) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// The button text of a workflow action.
pub fn action_name(lang: Lang, action: Action) -> &'static str {
    pick(
        lang,
        match action {
            Action::Accept => ("Tiếp nhận hồ sơ", "Accept the dossier"),
            Action::Refuse => ("Từ chối tiếp nhận", "Refuse the dossier"),
            Action::RequestSupplement => ("Yêu cầu bổ sung", "Request a supplement"),
            Action::Withdraw => ("Rút hồ sơ", "Withdraw"),
            Action::StartProcessing => ("Chuyển xử lý", "Start processing"),
            Action::NextStep => (
                "Hoàn thành bước, chuyển bước tiếp theo",
                "Finish this step, hand on",
            ),
            Action::RequestFee => ("Yêu cầu nộp phí, lệ phí", "Request the fee"),
            Action::FeePaid => ("Đã nộp phí, tiếp tục xử lý", "Fee paid, continue"),
            Action::Stop => ("Dừng xử lý", "Stop processing"),
            Action::Finish => ("Hoàn thành, có kết quả", "Finish with the result"),
            Action::ReturnResult => ("Trả kết quả", "Return the result"),
            Action::Resupply => ("Gửi bổ sung", "Send the supplement"),
            Action::Apologize => (
                "Xin lỗi và hẹn lại ngày trả",
                "Apologise and set a new date",
            ),
            Action::ApproveStop => ("Đồng ý cho dừng xử lý", "Approve stopping"),
        },
    )
}

/// Why an action was refused (a `MoveError::key` or one of the web layer's keys).
pub fn action_error(lang: Lang, key: &str) -> &'static str {
    pick(
        lang,
        match key {
            "not_allowed_from_status" => (
                "Hồ sơ đang ở trạng thái không cho phép thao tác này.",
                "The dossier's status does not allow this.",
            ),
            "role_missing" => (
                "Bạn không có vai trò cần thiết cho thao tác này.",
                "You do not hold the role this needs.",
            ),
            "reason_required" => ("Hãy nhập lý do.", "Please give the reason."),
            "text_too_long" => (
                "Lý do hoặc nội dung quá dài (tối đa 2.000 ký tự).",
                "The reason or an item is too long (at most 2,000 characters).",
            ),
            "items_required" | "items_invalid" => (
                "Hãy chọn ít nhất một nội dung cần bổ sung.",
                "Please choose at least one item to supplement.",
            ),
            "result_document_required" => (
                "Hãy đính kèm văn bản kết quả.",
                "Please attach the result document.",
            ),
            "result_file_type" => (
                "Văn bản kết quả phải là tệp PDF, JPEG hoặc PNG.",
                "The result document must be a PDF, JPEG or PNG file.",
            ),
            "result_file_too_large" => (
                "Tệp quá lớn (tối đa 20 MB).",
                "The file is too large (20 MB at most).",
            ),
            "result_file_malware" => (
                "Phần mềm diệt virus đã chặn tệp này: hãy quét virus trên máy rồi xuất lại văn \
                 bản kết quả.",
                "The virus check stopped this file: scan your computer and export the result \
                 document again.",
            ),
            "result_file_unscanned" => (
                "Chưa kiểm tra virus được tệp này, nên hồ sơ chưa được chuyển: hãy gửi lại sau \
                 vài phút.",
                "The file could not be checked for viruses yet, so nothing was done: send it \
                 again in a few minutes.",
            ),
            "result_file_too_large_to_scan" => (
                "Tệp lớn hơn mức phần mềm diệt virus kiểm tra được: hãy gửi tệp nhỏ hơn.",
                "The file is larger than the virus check takes: send a smaller one.",
            ),
            "new_due_required" | "new_due_invalid" => (
                "Hãy nhập ngày giờ hẹn trả mới.",
                "Please give the new due date and time.",
            ),
            "new_due_not_later" => (
                "Ngày hẹn mới phải muộn hơn hạn hiện tại và sau thời điểm này.",
                "The new date must be later than the current due moment and than now.",
            ),
            "responsible_unit_required" => (
                "Hãy ghi đơn vị, cá nhân để chậm.",
                "Please name the unit responsible for the delay.",
            ),
            "apology_required" => (
                "Hồ sơ đã quá hạn: phải lập Phiếu xin lỗi và hẹn lại ngày trả kết quả trước.",
                "The dossier is overdue: issue the apology slip with a new date first.",
            ),
            "not_overdue" => ("Hồ sơ chưa quá hạn.", "The dossier is not overdue."),
            "already_last_step" => (
                "Đây là bước cuối: hãy hoàn thành hồ sơ với văn bản kết quả.",
                "This is the last step: finish with the result document.",
            ),
            "not_last_step" => (
                "Chỉ hoàn thành được ở bước cuối của quy trình.",
                "Only the last step of the process can finish.",
            ),
            "leader_approval_required" => (
                "Cần lãnh đạo đồng ý trước khi dừng xử lý.",
                "A leader must approve stopping.",
            ),
            "already_approved" => (
                "Lãnh đạo đã đồng ý cho dừng xử lý ở bước này.",
                "A leader has already approved stopping at this step.",
            ),
            "assignee_invalid" => (
                "Người được chọn không giữ vai trò của bước tiếp theo.",
                "The person chosen does not hold the next step's role.",
            ),
            "not_your_step" => (
                "Bước này đang giao cho cán bộ khác; chỉ người được giao hoặc lãnh đạo chuyển tiếp được.",
                "This step is assigned to someone else; only they or a leader can hand it on.",
            ),
            "moved" => (
                "Hồ sơ vừa được người khác xử lý. Trang đã được tải lại; hãy xem trạng thái mới.",
                "Someone else has just moved this dossier. Look at its new status.",
            ),
            _ => (
                "Không thực hiện được thao tác này.",
                "This could not be done.",
            ),
        },
    )
}

/// A staff role's name.
pub fn role_name(lang: Lang, role: &str) -> &'static str {
    pick(
        lang,
        match role {
            "reception" => ("Tiếp nhận", "Reception"),
            "specialist" => ("Chuyên viên", "Specialist"),
            "leader" => ("Lãnh đạo", "Leader"),
            "clerk" => ("Văn thư", "Clerk"),
            "admin" => ("Quản trị", "Admin"),
            _ => ("Cán bộ", "Staff"),
        },
    )
}

/// A staff queue's name, by its name in the address (`QueueView::tabs`).
pub fn queue_name(lang: Lang, queue: &str) -> &'static str {
    pick(
        lang,
        match queue {
            "moi" => ("Hồ sơ mới nộp trực tuyến", "New online dossiers"),
            "cua-toi" => ("Việc của tôi", "My steps"),
            "dang-xu-ly" => ("Đang xử lý", "In process"),
            "cho-cong-dan" => ("Chờ công dân bổ sung, nộp phí", "Waiting for the citizen"),
            "tra-ket-qua" => ("Chờ trả kết quả", "Results to return"),
            _ => ("Tất cả hồ sơ", "All dossiers"),
        },
    )
}

/// A registration problem (`register::problems`).
pub fn account_error(lang: Lang, key: &str) -> &'static str {
    pick(
        lang,
        match key {
            "required" => ("Không được để trống mục này", "This cannot be empty"),
            "phone_invalid" => (
                "Hãy nhập số điện thoại Việt Nam gồm 10 chữ số bắt đầu bằng 0, ví dụ 0912345678",
                "Enter a Vietnamese phone number of 10 digits starting with 0, e.g. 0912345678",
            ),
            "phone_taken" => (
                "Số điện thoại này đã có tài khoản. Hãy đăng nhập.",
                "This phone number already has an account. Please sign in.",
            ),
            "too_many" => (
                "Đã có nhiều lần đăng ký từ mạng này. Hãy thử lại sau ít phút.",
                "There were many registrations from this network. Please try again in a few minutes.",
            ),
            "email_invalid" => (
                "Hãy nhập địa chỉ thư điện tử đúng dạng, ví dụ ten@example.vn",
                "Enter an e-mail address like name@example.com",
            ),
            "password_short" => (
                "Mật khẩu cần ít nhất 8 ký tự",
                "The password needs at least 8 characters",
            ),
            "password_common" => (
                "Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác, ví dụ một câu ngắn dễ nhớ",
                "This password is too common and easily guessed. Choose another, such as a short sentence you remember",
            ),
            "current_password_wrong" => (
                "Mật khẩu hiện tại không đúng",
                "The current password is not right",
            ),
            "too_many_tries" => (
                "Đã nhập sai mật khẩu quá nhiều lần. Hãy thử lại sau vài phút.",
                "Too many wrong passwords. Please try again in a few minutes.",
            ),
            "password_mismatch" => (
                "Hai lần nhập mật khẩu không giống nhau",
                "The two passwords differ",
            ),
            _ => (
                "Hệ thống đang gặp sự cố. Hãy thử lại sau.",
                "Something went wrong on our side. Please try again later.",
            ),
        },
    )
}

/// The name of an audit-trail action, for the admin's trail.
pub fn audit_action_name(lang: Lang, action: motcua_domain::audit::AuditAction) -> &'static str {
    use motcua_domain::audit::AuditAction::*;
    pick(
        lang,
        match action {
            SignIn => ("Đăng nhập", "Signed in"),
            SignInRefused => ("Đăng nhập bị từ chối", "Sign-in refused"),
            SignInSlowed => ("Đăng nhập bị làm chậm", "Sign-ins slowed"),
            SignInBlocked => (
                "Chặn đăng nhập từ địa chỉ này",
                "Sign-ins from this address blocked",
            ),
            DossierViewed => ("Xem hồ sơ", "Viewed the dossier"),
            FileViewed => ("Mở tệp", "Opened a file"),
            Moved => ("Xử lý hồ sơ", "Moved the dossier"),
            StaffAdded => ("Thêm cán bộ", "Added a staff member"),
            RolesChanged => ("Đổi vai trò", "Changed roles"),
            AccountLocked => ("Khóa tài khoản", "Locked an account"),
            AccountUnlocked => ("Mở khóa tài khoản", "Unlocked an account"),
            PasswordSet => ("Đặt mật khẩu cho cán bộ", "Set a password"),
            PasswordChanged => ("Đổi mật khẩu của mình", "Changed their own password"),
            CalendarChanged => ("Sửa lịch làm việc", "Changed the calendar"),
            CalendarImported => ("Nhập lịch làm việc từ tệp", "Imported the calendar"),
        },
    )
}
