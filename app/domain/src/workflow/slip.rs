//! The standard slips (mẫu phiếu) a move can produce.

use serde::{Deserialize, Serialize};

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
