//! The office's name is the setting `office.name` (issue 21, point 11): set
//! with the program's own command on an office database made from empty,
//! it heads the annual report and the built-in documents in place of the
//! placeholder the migration puts there.

use crate::common;

use common::TestDb;
use common::cli::hrss;
use common::readers::docx_paragraphs;
use hrss_desk::workflow::documents::DEFAULT_OFFICE;

const NAME: &str = "保定市竞秀区人力资源和社会保障局";

#[tokio::test(flavor = "multi_thread")]
async fn the_office_name_set_by_the_command_heads_its_report_and_documents() {
    for db in TestDb::all().await {
        let l = db.label;
        let home = tempfile::tempdir().unwrap();
        let run = |args: &[&str]| {
            hrss(home.path())
                .arg("--database-url")
                .arg(&db.url)
                .args(args)
                .assert()
        };
        let me = hrss_desk::cli::os_login().expect("a login in the user database");
        run(&["migrate"]).success();
        run(&[
            "staff",
            "add",
            &me,
            "--name",
            "赵静",
            "--roles",
            "chief,admin",
        ])
        .success();
        // Before it is set, the placeholder, with the note to set it.
        let shown = run(&["config", "office"]).success();
        let text = String::from_utf8_lossy(&shown.get_output().stdout).into_owned();
        assert!(text.contains("office.name"), "{l}: {text}");
        run(&[
            "config",
            "set",
            "office.name",
            NAME,
            "--source",
            "机构编制部门批复的本局全称",
        ])
        .success();

        let report = home.path().join("report.docx");
        let out = report.to_str().unwrap();
        run(&["annual", "report", "--year", "2025", "-o", out]).success();
        let ps = docx_paragraphs(&report);
        assert_eq!(ps[0], NAME, "{l}: the head");
        assert!(ps.iter().filter(|p| *p == NAME).count() == 2, "{l}: {ps:?}");
        assert!(
            !ps.iter().any(|p| p.contains(DEFAULT_OFFICE)),
            "{l}: {ps:?}"
        );

        // A document's built-in template is headed by it too.
        let store = db.open().await;
        let kind = hrss_desk::domain::documents::DocKind::ALL[0];
        let bytes =
            hrss_desk::workflow::documents::template(&store, hrss_desk::i18n::Lang::Zh, kind)
                .await
                .unwrap();
        store.close().await;
        let file = home.path().join("template.docx");
        std::fs::write(&file, bytes).unwrap();
        let ps = docx_paragraphs(&file);
        assert!(ps.iter().any(|p| p.contains(NAME)), "{l}: {ps:?}");
        assert!(
            !ps.iter().any(|p| p.contains(DEFAULT_OFFICE)),
            "{l}: {ps:?}"
        );
    }
}
