//! Dates and their limits.

use super::*;

#[test]
fn dates() {
    let d = json!({ "type": "date" });
    assert_eq!(ok(d.clone(), "01/07/2025"), json!("2025-07-01"));
    assert_eq!(ok(d.clone(), "1/7/2025"), json!("2025-07-01"));
    assert_eq!(ok(d.clone(), "2025-07-01"), json!("2025-07-01"));
    assert_eq!(ok(d.clone(), "01-07-2025"), json!("2025-07-01"));
    assert_eq!(ok(d.clone(), "01.07.2025"), json!("2025-07-01"));
    assert_eq!(ok(d.clone(), "29/02/2024"), json!("2024-02-29"));
    assert_eq!(ok(d.clone(), "2024-02-29"), json!("2024-02-29"));
    for bad in [
        "29/02/2025",
        "2025-02-29",
        "31/04/2025",
        "00/01/2025",
        "32/01/2025",
        "01/13/2025",
        "01/07/25",
        "2025/07/01",
        "01/07-2025",
        "hôm nay",
        "1/7/2025/1",
        "001/07/2025",
        "2025-7-1",
        "29/02/1900",
    ] {
        assert_eq!(err(d.clone(), bad), K::InvalidDate, "{bad}");
    }
    assert_eq!(ok(d, "29/02/2000"), json!("2000-02-29"));
}

#[test]
fn date_limits() {
    let past = json!({ "type": "date", "max": "today", "min": "1900-01-01" });
    assert_eq!(ok(past.clone(), "01/07/2025"), json!("2025-07-01"));
    assert_eq!(
        err(past.clone(), "02/07/2025"),
        K::DateTooLate {
            max: "01/07/2025".into()
        }
    );
    assert_eq!(
        err(past, "31/12/1899"),
        K::DateTooEarly {
            min: "01/01/1900".into()
        }
    );
    let future = json!({ "type": "date", "min": "today", "max": "2025-12-31" });
    assert_eq!(
        err(future.clone(), "30/06/2025"),
        K::DateTooEarly {
            min: "01/07/2025".into()
        }
    );
    assert_eq!(
        err(future.clone(), "2026-01-01"),
        K::DateTooLate {
            max: "31/12/2025".into()
        }
    );
    assert!(check(future, "31/12/2025").is_ok());
}
