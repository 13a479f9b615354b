//! The complaints inbox on the screen (issue 22, point 1): counted in the
//! status line and on the dashboard, listed from the case queue's view
//! chooser, opened, and decided with the workflow `complaints decide` calls.

use crate::common::{self, TestDb, office::Office};
use hrss_desk::i18n::Lang;

/// Two complaints registered at the counter on an office database: one
/// received Thursday 19 November (due the 26th, overdue on the 27th), one
/// today. Their ids.
async fn two_complaints(db: &TestDb, o: &Office) -> (i64, i64) {
    let mut ids = Vec::new();
    for received in ["2026-11-19", common::TODAY] {
        o.ok(
            common::TODAY,
            "wangfang",
            &format!(
                "complaints add --complainant 张伟 --id-number 360426199101010071 --phone 13812345678 \
                 --respondent 鹿泉区测试建材有限公司 --matters wages --facts 拖欠工资13812345678 \
                 --channel hotline --received {received}"
            ),
        );
        ids.push(db.rows("SELECT MAX(id) FROM complaint").await[0]);
    }
    (ids[0], ids[1])
}

#[tokio::test(flavor = "multi_thread")]
async fn the_status_line_and_the_dashboard_count_complaints_waiting_and_overdue() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        two_complaints(&db, &o).await;
        let store = db.open().await;
        let chief = store.staff_by_login("zhaojing").await.unwrap().unwrap();
        let cx = common::cx(&store, &chief, Lang::Zh, common::today());
        let pending = db
            .scalar("SELECT COUNT(*) FROM complaint WHERE decision = 'pending'")
            .await;
        let overdue = db
            .scalar("SELECT COUNT(*) FROM complaint WHERE decision = 'pending' AND received_on < '2026-11-20'")
            .await;
        assert!(overdue >= 1 && pending > overdue, "{}", db.label);
        let c = hrss_desk::workflow::counts(&cx).await.unwrap();
        assert_eq!(
            (c.pending_complaints, c.overdue_complaints),
            (pending, overdue),
            "{}",
            db.label
        );
        let d = hrss_desk::workflow::dashboard(&cx).await.unwrap();
        assert_eq!(d.counts.overdue_complaints, overdue, "{}", db.label);
        let [left, _] = hrss_desk::tui::statistics::today_columns(&d, Lang::Zh);
        let text: Vec<String> = left.iter().map(|l| l.to_string()).collect();
        assert!(
            text.contains(&format!("{pending:>7}  待受理投诉")),
            "{text:?}"
        );
        assert!(
            text.contains(&format!("{overdue:>7}  超期未决定投诉")),
            "{text:?}"
        );
        let line = hrss_desk::i18n::status_counts(Lang::Zh, &c);
        assert!(
            line.contains(&format!("待受理投诉{pending}（超期{overdue}）")),
            "{line}"
        );
        store.close().await;
    }
}
