use super::*;
use crate::layout::{Op, layout};
use crate::text::FONTS;

const NAMES: &str = "Nguyễn Thị Ánh Tuyết, Đắk Lắk, Ứng Hòa, Quỳnh Lưu";

fn sample_a5() -> SlipDoc {
    SlipDoc {
        paper: Paper::A5,
        agency: "UBND xã Quảng Phú, tỉnh Thanh Hóa".into(),
        form_number: "Mẫu số 01".into(),
        title: "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ".into(),
        dossier_code: Some("000.00.21.H56-261201-0001".into()),
        qr_url: Some("https://motcua.example.vn/tra-cuu/000.00.21.H56-261201-0001".into()),
        blocks: vec![
            Block::Paragraph(
                "Bộ phận Tiếp nhận và Trả kết quả UBND xã Quảng Phú đã tiếp nhận hồ sơ của:".into(),
            ),
            Block::Fields(vec![
                ("Ông/bà".into(), "Nguyễn Thị Ánh Tuyết".into()),
                (
                    "Địa chỉ".into(),
                    "Thôn Quỳnh Lưu, xã Ứng Hòa, huyện Krông Bông, tỉnh Đắk Lắk".into(),
                ),
                ("Số điện thoại".into(), "0912 345 678".into()),
                ("Email".into(), String::new()),
                (
                    "Nội dung yêu cầu giải quyết".into(),
                    "Đăng ký khai sinh".into(),
                ),
            ]),
            Block::Heading("Thành phần hồ sơ nộp gồm:".into()),
            Block::Numbered(vec![
                "Tờ khai đăng ký khai sinh theo mẫu (bản chính).".into(),
                "Giấy chứng sinh do cơ sở y tế nơi trẻ em sinh ra cấp; trường hợp không có \
                 giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh."
                    .into(),
                "Giấy tờ tùy thân của người đi đăng ký (xuất trình).".into(),
            ]),
            Block::Table {
                headers: vec!["STT".into(), "Tên giấy tờ".into(), "Hình thức".into()],
                rows: vec![
                    vec![
                        "1".into(),
                        "Tờ khai đăng ký khai sinh".into(),
                        "Bản chính".into(),
                    ],
                    vec!["2".into(), "Giấy chứng sinh".into(), "Bản chính".into()],
                ],
            },
            Block::Fields(vec![
                ("Thời gian giải quyết".into(), "01 ngày làm việc".into()),
                (
                    "Ngày hẹn trả kết quả".into(),
                    "08 giờ 00, ngày 02 tháng 12 năm 2026".into(),
                ),
            ]),
        ],
        place_date: "Thanh Hóa, ngày 01 tháng 12 năm 2026".into(),
        signer: Some(Signer {
            role: "Người tiếp nhận".into(),
            name: "Lê Văn Đức".into(),
        }),
    }
}

fn long_table_a4() -> SlipDoc {
    let rows = (1..=60)
        .map(|i| {
            vec![
                i.to_string(),
                format!("000.00.21.H56-2612{i:02}-00{i:02}"),
                format!("{NAMES} (hồ sơ số {i})"),
                "Đăng ký khai sinh, kết hôn và các việc hộ tịch khác".into(),
                "Đã trả kết quả".into(),
            ]
        })
        .collect();
    SlipDoc {
        paper: Paper::A4,
        agency: "Ủy ban nhân dân xã Quảng Phú".into(),
        form_number: "Mẫu số 06".into(),
        title: "SỔ THEO DÕI HỒ SƠ".into(),
        dossier_code: None,
        qr_url: None,
        blocks: vec![Block::Table {
            headers: vec![
                "STT".into(),
                "Mã hồ sơ".into(),
                "Tên tổ chức, cá nhân".into(),
                "Thủ tục hành chính".into(),
                "Ghi chú".into(),
            ],
            rows,
        }],
        place_date: "Thanh Hóa, ngày 01 tháng 12 năm 2026".into(),
        signer: Some(Signer {
            role: "NGƯỜI LẬP SỔ".into(),
            name: "Trần Thị Quỳnh".into(),
        }),
    }
}

fn assert_valid_pdf(bytes: &[u8]) {
    assert!(bytes.starts_with(b"%PDF-"), "no PDF header");
    let tail = &bytes[bytes.len().saturating_sub(32)..];
    let tail = String::from_utf8_lossy(tail);
    assert!(tail.trim_end().ends_with("%%EOF"), "no %%EOF: {tail:?}");
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn page_count(bytes: &[u8]) -> usize {
    lopdf::Document::load_mem(bytes)
        .expect("lopdf parses the PDF")
        .get_pages()
        .len()
}

/// The text of the PDF with runs of whitespace collapsed to one space.
fn extract(bytes: &[u8]) -> String {
    let text = pdf_extract::extract_text_from_mem(bytes).expect("text extraction");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a5_slip_is_a_small_valid_pdf_with_an_embedded_unicode_font() {
    let bytes = to_pdf(&sample_a5()).unwrap();
    assert_valid_pdf(&bytes);
    assert!(bytes.len() < 200 * 1024, "PDF is {} bytes", bytes.len());
    eprintln!("sample A5 slip: {} bytes", bytes.len());
    assert!(contains(&bytes, b"/FontFile2"), "no embedded TrueType font");
    assert!(contains(&bytes, b"/ToUnicode"), "no ToUnicode map");
    assert_eq!(page_count(&bytes), 1);
    // Deterministic: the same slip gives the same bytes.
    assert_eq!(bytes, to_pdf(&sample_a5()).unwrap());
}

#[test]
fn a5_slip_text_survives_with_its_diacritics() {
    let text = extract(&to_pdf(&sample_a5()).unwrap());
    for needle in [
        "UBND XÃ QUẢNG PHÚ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Mẫu số 01",
        "GIẤY TIẾP NHẬN HỒ SƠ",
        "Mã hồ sơ: 000.00.21.H56-261201-0001",
        "Nguyễn Thị Ánh Tuyết",
        "Đắk Lắk",
        "Ứng Hòa",
        "Quỳnh Lưu",
        "1. Tờ khai đăng ký khai sinh",
        "3. Giấy tờ tùy thân",
        "Thanh Hóa, ngày 01 tháng 12 năm 2026",
        "NGƯỜI TIẾP NHẬN",
        "Lê Văn Đức",
    ] {
        assert!(text.contains(needle), "{needle:?} not in {text:?}");
    }
}

#[test]
fn long_a4_table_continues_on_further_pages_with_its_header() {
    let bytes = to_pdf(&long_table_a4()).unwrap();
    assert_valid_pdf(&bytes);
    let pages = page_count(&bytes);
    assert!(pages > 1, "{pages} page(s)");
    eprintln!("60-row A4 table: {} bytes, {pages} pages", bytes.len());
    let text = extract(&bytes);
    assert_eq!(
        text.matches("Tên tổ chức, cá nhân").count(),
        pages,
        "{text}"
    );
    assert!(text.contains(&format!("Trang {pages}/{pages}")));
    for i in [1, 30, 60] {
        let code = format!("000.00.21.H56-2612{i:02}-00{i:02}");
        assert!(text.contains(&code), "row {i} missing");
    }
    assert!(text.contains("Trần Thị Quỳnh"));
    assert!(text.contains("ỦY BAN NHÂN DÂN"), "agency in upper case");
}

/// Every piece of text lies inside the margins, on every page.
fn assert_inside_margins(doc: &SlipDoc) {
    let fonts = FONTS.as_ref().unwrap();
    let pages = layout(fonts, doc);
    let (left, right) = match doc.paper {
        Paper::A5 => (42.5, pages.width - 28.3),
        Paper::A4 => (85.0, pages.width - 42.5),
    };
    for (i, ops) in pages.pages.iter().enumerate() {
        for op in ops {
            if let Op::Text {
                x,
                y,
                style,
                size,
                text,
            } = op
            {
                let w = fonts.width(*style, text, *size);
                assert!(
                    *x >= left - 0.1 && x + w <= right + 0.1,
                    "page {i}: {text:?} at x {x}..{} outside {left}..{right}",
                    x + w
                );
                assert!(*y > 0.0 && *y < pages.height, "page {i}: {text:?} at y {y}");
            }
        }
    }
}

#[test]
fn text_wraps_inside_the_margins() {
    assert_inside_margins(&sample_a5());
    assert_inside_margins(&long_table_a4());
    let mut doc = sample_a5();
    doc.agency =
        "Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa, chi nhánh huyện Quảng Xương".into();
    doc.blocks = vec![
        Block::Paragraph(format!("{NAMES}. ").repeat(80)),
        Block::Paragraph("Khôngcókhoảngtrắng".repeat(20)),
        Block::Table {
            headers: vec!["A".into(), "B".into()],
            rows: vec![vec![NAMES.repeat(40), "x".into()]],
        },
    ];
    assert_inside_margins(&doc);
    let bytes = to_pdf(&doc).unwrap();
    assert_valid_pdf(&bytes);
    assert!(page_count(&bytes) > 1);
}

#[test]
fn minimal_slip_renders() {
    let doc = SlipDoc {
        paper: Paper::A4,
        agency: String::new(),
        form_number: String::new(),
        title: String::new(),
        dossier_code: None,
        qr_url: None,
        blocks: vec![
            Block::Table {
                headers: vec![],
                rows: vec![],
            },
            Block::Numbered(vec![]),
            Block::Fields(vec![]),
            Block::Paragraph(String::new()),
        ],
        place_date: String::new(),
        signer: None,
    };
    let bytes = to_pdf(&doc).unwrap();
    assert_valid_pdf(&bytes);
    assert_eq!(page_count(&bytes), 1);
}

#[test]
fn overlong_qr_text_is_an_error() {
    let mut doc = sample_a5();
    doc.qr_url = Some("x".repeat(4000));
    assert!(matches!(to_pdf(&doc), Err(SlipError::QrTooLong(4000))));
}

#[test]
fn slip_round_trips_through_json() {
    let doc = long_table_a4();
    let json = serde_json::to_string(&doc).unwrap();
    assert_eq!(serde_json::from_str::<SlipDoc>(&json).unwrap(), doc);
}

/// Rasterises the SVG of [`qr_svg`] (a white square and one path of `M x y h w v1 h-w z`
/// rectangles) at `scale` pixels per module.
fn rasterise(svg: &str, scale: usize) -> (usize, Vec<u8>) {
    let view_box = svg
        .split("viewBox=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("viewBox");
    let nums: Vec<usize> = view_box.split(' ').map(|n| n.parse().unwrap()).collect();
    assert_eq!(&nums[..2], &[0, 0]);
    assert_eq!(nums[2], nums[3], "square");
    let side = nums[2] * scale;
    let mut pixels = vec![255u8; side * side];
    let d = svg
        .split(" d=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or("");
    for rect in d.split('z').filter(|r| !r.is_empty()) {
        let rest = rect.strip_prefix('M').expect("M");
        let (x, rest) = rest.split_once(' ').unwrap();
        let (y, rest) = rest.split_once('h').unwrap();
        let (w, _) = rest.split_once('v').unwrap();
        let (x, y, w): (usize, usize, usize) =
            (x.parse().unwrap(), y.parse().unwrap(), w.parse().unwrap());
        for py in y * scale..(y + 1) * scale {
            for px in x * scale..(x + w) * scale {
                pixels[py * side + px] = 0;
            }
        }
    }
    (side, pixels)
}

#[test]
fn qr_svg_is_well_formed_and_decodes_back() {
    let url = "https://motcua.example.vn/tra-cuu/000.00.21.H56-261201-0001";
    let svg = qr_svg(url);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.ends_with("</svg>"));
    let open_tag = svg.split('>').next().unwrap();
    assert!(
        !open_tag.contains("width=") && !open_tag.contains("height="),
        "{open_tag}"
    );
    assert!(svg.contains("fill=\"#fff\"") && svg.contains("fill=\"#000\""));
    // Balanced, self-closed elements: <svg> … <rect/> <path/> … </svg>.
    assert_eq!(svg.matches('<').count(), svg.matches('>').count());
    assert_eq!(svg.matches("/>").count(), 2);

    let (side, pixels) = rasterise(&svg, 4);
    let mut img =
        rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| pixels[y * side + x]);
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1);
    let (_, content) = grids[0].decode().expect("decodes");
    assert_eq!(content, url);
}

#[test]
fn qr_svg_has_the_expected_size_and_quiet_zone() {
    // "HELLO" fits a version 1 code (21 modules) at level M: 21 + 2 × 4 quiet modules.
    let svg = qr_svg("HELLO");
    assert!(svg.contains("viewBox=\"0 0 29 29\""), "{svg}");
    // No dark module in the quiet zone: every rectangle starts at 4..25 and ends by 25.
    let d = svg.split(" d=\"").nth(1).unwrap();
    assert!(
        d.starts_with("M4 4h7v1h-7z"),
        "finder pattern top left: {d}"
    );
    // Too long for any QR code: just the white square.
    let blank = qr_svg(&"x".repeat(4000));
    assert!(blank.starts_with("<svg") && !blank.contains("<path"));
}
