//! Control characters, direction overrides and NUL are refused on import,
//! with their line and column, on both databases (issue 19, point 10):
//! nothing is stored, and Postgres never sees the NUL it would refuse raw.

use crate::common::{TODAY, TestDb, office::Office};

/// An ID number with its check digit, from its first 17.
fn id(first17: &str) -> String {
    format!(
        "{first17}{}",
        hrss_desk::domain::resident_id::check_char(first17.as_bytes())
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn controls_in_an_import_are_refused_with_their_place() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let before = db.scalar("SELECT COUNT(*) FROM person").await;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("persons.csv");
        std::fs::write(
            &file,
            format!(
                "公民身份号码,姓名\n{},孙一\n{},孙\u{0}二\n{},\u{1b}]52;c;ZXZpbA==\u{7}孙三\n{},孙\u{202e}四\n",
                id("13011019900307123"),
                id("13011019851122002"),
                id("13011019870512003"),
                id("13011019790101004"),
            ),
        )
        .unwrap();
        let (code, _, err) = o.run(
            TODAY,
            "wangfang",
            &format!("import persons {}", file.display()),
        );
        assert_eq!(code, 1, "{}: {err}", o.label);
        for line in ["第3行", "第4行", "第5行"] {
            assert!(
                err.lines()
                    .any(|l| l.contains(line) && l.contains("姓名") && l.contains("控制字符")),
                "{}: {line} in {err}",
                o.label
            );
        }
        assert!(
            !err.contains('\u{1b}') && !err.contains('\u{0}'),
            "{}: {err:?}",
            o.label
        );
        assert_eq!(
            db.scalar("SELECT COUNT(*) FROM person").await,
            before,
            "{}: nothing stored",
            o.label
        );
    }
}
