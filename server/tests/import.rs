//! The command-line imports, on a real SQLite file: procedure files are all or nothing with
//! every problem reported by JSON path; unit CSVs report bad lines and apply nothing.

mod common;

use common::repo_root;
use motcua_server::import::{import_paths, import_units, read_units};
use motcua_store::Store;

async fn store(dir: &tempfile::TempDir) -> Store {
    Store::open(&format!("sqlite://{}/motcua.db", dir.path().display()))
        .await
        .unwrap()
}

fn demo_file(name: &str) -> String {
    std::fs::read_to_string(repo_root().join("demo/procedures").join(name)).unwrap()
}

#[tokio::test]
async fn a_file_with_problems_imports_nothing_and_names_each_path() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(&dir).await;
    let mut p: serde_json::Value =
        serde_json::from_str(&demo_file("1.000894.000.00.00.H56.json")).unwrap();
    p["level"] = "district".into();
    p["form"][0]["fields"][0]["type"] = "select".into();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, serde_json::to_string_pretty(&p).unwrap()).unwrap();

    let report = import_paths(&store, &[bad]).await;
    assert_eq!((report.imported, report.failed), (0, 1));
    let text = report.lines.join("\n");
    assert!(text.contains("level:"), "{text}");
    assert!(text.contains("form[0].fields[0].options"), "{text}");
    let today = time::macros::date!(2030 - 01 - 01);
    assert!(
        store.current_procedures(today).await.unwrap().is_empty(),
        "nothing imported"
    );
}

#[tokio::test]
async fn a_folder_imports_and_a_repeat_is_unchanged_but_a_changed_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(&dir).await;
    let folder = repo_root().join("demo/procedures");
    let first = import_paths(&store, std::slice::from_ref(&folder)).await;
    assert_eq!(first.failed, 0, "{:?}", first.lines);
    assert!(first.imported >= 8);
    let again = import_paths(&store, &[folder]).await;
    assert!(
        again.lines.iter().all(|l| l.ends_with("unchanged")),
        "{:?}",
        again.lines
    );

    let mut p: serde_json::Value =
        serde_json::from_str(&demo_file("1.000894.000.00.00.H56.json")).unwrap();
    p["name"] = "Tên khác".into();
    let changed = dir.path().join("changed.json");
    std::fs::write(&changed, p.to_string()).unwrap();
    let report = import_paths(&store, &[changed]).await;
    assert_eq!(
        report.failed, 1,
        "same code and version with other content: {:?}",
        report.lines
    );
}

#[tokio::test]
async fn a_units_file_with_a_bad_line_is_reported_and_not_applied() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(&dir).await;
    let csv = dir.path().join("units.csv");
    std::fs::write(&csv, "code,name,level,parent_code\n99,Tỉnh Thử,province,\n99001,\"Xã Một, Hai\",commune,99\n99002,Xã Ba,village,99\n").unwrap();
    let err = read_units(&csv).unwrap_err();
    assert!(err.contains("line 4"), "{err}");
    assert!(import_units(&store, &csv).await.is_err());
    assert!(
        store.provinces().await.unwrap().is_empty(),
        "nothing applied"
    );

    std::fs::write(
        &csv,
        "code,name,level,parent_code\n99,Tỉnh Thử,province,\n99001,\"Xã Một, Hai\",commune,99\n",
    )
    .unwrap();
    assert_eq!(import_units(&store, &csv).await.unwrap(), 2);
    let communes = store.communes_of("99").await.unwrap();
    assert_eq!(
        communes[0].name, "Xã Một, Hai",
        "quoted names keep their commas"
    );
}
