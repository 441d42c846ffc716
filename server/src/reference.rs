//! Reference data the product ships, applied to every database: the national list of
//! administrative units after the 2025 reorganisation (34 provinces, 3,321 communes).
//!
//! Units are product data, not demo data: without them an applicant's address cannot be
//! filled in. The list is compiled into the binary (`reference/units-vn-2025.csv`, its source
//! and licence in `reference/README.md`) and applied at every start unless this very list was
//! applied to the database before, so a release with a corrected list updates existing
//! installs once, and `motcua import-units` can still change or add units afterwards.

use motcua_store::Store;
use motcua_store::prelude::*;

/// The list, as shipped.
const UNITS_CSV: &str = include_str!("../reference/units-vn-2025.csv");

/// Codes that the demo's own unit list (before this list was shipped) gave six Thanh Hóa
/// communes which this list has under other codes (see `reference/README.md`). A database
/// that loaded the old demo would otherwise offer each of them twice.
const RETIRED_CODES: [&str; 6] = ["15115", "15118", "15718", "16063", "16207", "16219"];

/// The name under which the list's applied version is recorded.
const UNITS_NAME: &str = "admin_units";

/// The version of the list: its content hash, so any change to the file is a new version.
fn units_version() -> String {
    use sha2::{Digest, Sha256};
    let hash = Sha256::digest(UNITS_CSV.as_bytes());
    format!("units-vn-2025/{}", hex::encode(&hash[..8]))
}

/// Applies the national unit list unless already applied. Returns whether it wrote anything.
pub async fn ensure_units(store: &Store, now: time::OffsetDateTime) -> Result<bool, String> {
    let units = crate::import::parse_units(UNITS_CSV.as_bytes(), "units-vn-2025.csv")?;
    store
        .import_reference_units(UNITS_NAME, &units_version(), &units, &RETIRED_CODES, now)
        .await
        .map_err(|e| format!("administrative units: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_list_is_complete() {
        let units = crate::import::parse_units(UNITS_CSV.as_bytes(), "units").unwrap();
        let provinces = units.iter().filter(|u| u.level == "province").count();
        let communes = units.iter().filter(|u| u.level == "commune").count();
        assert_eq!((provinces, communes), (34, 3321));
        // The demo's province and the units its agencies serve are in it.
        for code in ["38", "14797", "14758", "16654"] {
            assert!(units.iter().any(|u| u.code == code), "{code}");
        }
        // What it retires, it does not ship.
        for code in RETIRED_CODES {
            assert!(!units.iter().any(|u| u.code == code), "{code}");
        }
    }
}
