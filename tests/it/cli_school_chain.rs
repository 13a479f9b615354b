//! A training school's chain to its end (issue 18, point 3), through the
//! command line on both databases: rated 不合格 → ordered rectified by a
//! day → re-checked after it and still failing → revoked by the penalty
//! procedure, the case naming the re-check; and the year's results sent to
//! the city bureau as a document, read back paragraph by paragraph.

use crate::common::{TestDb, office::Office};

#[tokio::test(flavor = "multi_thread")]
async fn a_failing_school_is_rectified_rechecked_and_revoked_and_the_year_is_reported() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let school = db
            .scalar(
                "SELECT MIN(id) FROM licence WHERE kind = 'training-school' AND status = 'valid'",
            )
            .await;
        let said = o.ok(
            "2026-11-02",
            "wulei",
            &format!("annual result {school} --year 2026 failed --note 教学场地不达标"),
        );
        assert!(
            said.contains("不合格") && said.contains("rectify --until"),
            "{}: {said}",
            o.label
        );
        o.ok("2026-11-03", "liuyang", &format!("sanction add {school} rectify --until 2026-11-20 --reason 年检不合格，限期整改教学场地"));
        // Re-checked after the deadline, still failing: the chain names the penalty.
        let recheck = o
            .inspection(&db, "2026-11-23", school, "整改期满复查")
            .await;
        let said = o.ok(
            "2026-11-23",
            "wulei",
            &format!(
                "inspect record {recheck} --item management=failed:教学场地仍不达标 --rest passed"
            ),
        );
        assert!(
            said.contains("复查仍不合格") && said.contains("revoke"),
            "{}: {said}",
            o.label
        );
        let said = o.ok(
            "2026-11-24",
            "liuyang",
            &format!("sanction add {school} revoke --source annual-review --from-inspection {recheck} --reason 整改期满复查仍不合格"),
        );
        assert!(said.contains("已立案"), "{}: {said}", o.label);
        assert_eq!(
            db.scalar(&format!(
                "SELECT COUNT(*) FROM inspection_case WHERE licence_id = {school} AND sanction = 'revoke'
                   AND from_inspection_id = {recheck} AND source = 'annual-review'"
            ))
            .await,
            1,
            "{}",
            o.label
        );

        // The year's results to the city bureau, as a document.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("年检报告.docx");
        let said = o.ok(
            "2026-11-27",
            "liuyang",
            &format!("annual report --year 2026 -o {}", path.display()),
        );
        assert!(
            said.contains("年度检查结果报告已写出"),
            "{}: {said}",
            o.label
        );
        let text = hrss_desk::docx::text_of(&std::fs::read(&path).unwrap()).unwrap();
        let paragraphs: Vec<&str> = text.lines().collect();
        assert_eq!(
            paragraphs[0], "石家庄市鹿泉区人力资源和社会保障局",
            "{}: {text}",
            o.label
        );
        assert_eq!(
            paragraphs[1], "关于2026年度民办职业培训学校年度检查结果的报告",
            "{}",
            o.label
        );
        assert_eq!(
            paragraphs[2], "市人力资源和社会保障局职业能力建设处：",
            "{}",
            o.label
        );
        let holder = db
            .text(&format!("SELECT holder FROM licence WHERE id = {school}"))
            .await;
        let ours = paragraphs.iter().find(|p| p.contains(&holder)).unwrap();
        assert!(
            ours.contains("年度检查不合格；2026-11-03限期整改，期限至2026-11-20"),
            "{}: {ours}",
            o.label
        );
        assert!(
            paragraphs.contains(&"特此报告。")
                && paragraphs.contains(&"2026年11月27日")
                && paragraphs.last() == Some(&"（盖章）"),
            "{}: {text}",
            o.label
        );
    }
}
