//! A licence shows as expiring while its renewal can still be applied for
//! (issue 18, point 9): from 60 days before its end by default — the last
//! day to apply being 30 days before it (行政许可法 art 50) — or from the
//! office's own period; on both databases.

use crate::common::{self, TestDb, office::Office};

#[tokio::test(flavor = "multi_thread")]
async fn a_licence_is_said_to_be_expiring_sixty_days_ahead_or_as_the_office_sets() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let id = db
            .scalar("SELECT MIN(id) FROM licence WHERE status = 'valid'")
            .await;
        let number = db
            .text(&format!("SELECT number FROM licence WHERE id = {id}"))
            .await;
        // 45 days after the tests' day: renewal due in 15 days.
        db.raw(&format!(
            "UPDATE licence SET expires_on = '2027-01-11' WHERE id = {id}"
        ))
        .await;
        let shown = o.ok(common::TODAY, "liuyang", &format!("lookup {number}"));
        assert!(shown.contains("将到期"), "{}: {shown}", o.label);
        // An office that warns 30 days ahead does not yet.
        db.raw("UPDATE setting SET value = '30' WHERE key = 'licence.expiring_warn_days'")
            .await;
        let shown = o.ok(common::TODAY, "liuyang", &format!("lookup {number}"));
        assert!(
            !shown.contains("将到期") && shown.contains("有效"),
            "{}: {shown}",
            o.label
        );
        // A period out of range is refused when set, in a sentence naming
        // the range, and the setting stays as it was.
        o.refused(
            common::TODAY,
            "zhaojing",
            "config set licence.expiring_warn_days 0 --source 本局规定",
            "“licence.expiring_warn_days”须为1至365之间的整数，“0”不是。",
        );
        let kept = db
            .text("SELECT value FROM setting WHERE key = 'licence.expiring_warn_days'")
            .await;
        assert_eq!(kept, "30", "{}", o.label);
    }
}
