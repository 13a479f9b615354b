//! A contribution base is checked against the average wage in force on the
//! day the filing came (issue 18, point 7): with figures taking effect on
//! 2025-07-01 (6,215 yuan) and 2026-07-01 (6,420 yuan), a base of 3,800 is
//! within the band in March 2026 (60 % of 6,215 is 3,729) and below it in
//! November (60 % of 6,420 is 3,852) — on both databases.

use crate::common::{self, TestDb, office::Office};

#[tokio::test(flavor = "multi_thread")]
async fn a_base_filed_in_march_is_checked_against_last_years_average_wage() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let id_number = db
            .text(
                "SELECT p.id_number FROM person p WHERE p.status = 'active' AND p.employer_id IS NOT NULL
                   AND p.id NOT IN (SELECT person_id FROM filing WHERE status = 'pending' AND person_id IS NOT NULL)
                 ORDER BY p.id LIMIT 1",
            )
            .await;
        let uscc = db
            .text(&format!(
                "SELECT e.uscc FROM employer e JOIN person p ON p.employer_id = e.id WHERE p.id_number = '{id_number}'"
            ))
            .await;
        let receive = |on: &str| {
            o.ok(
                common::TODAY,
                "wangfang",
                &format!(
                    "filings receive --kind contribution-base --employer-uscc {uscc} --field id_number={id_number} \
                     --field year=2026 --field base=3800 --field wage=3800 \
                     --materials base-form=present,payroll=present,financial-statement=present --received {on}"
                ),
            )
        };
        let march = receive("2026-03-10");
        assert!(march.contains("审核未发现问题"), "{}: {march}", o.label);
        let november = receive("2026-11-20");
        assert!(
            november.contains("低于下限3,852.00元"),
            "{}: {november}",
            o.label
        );
        // The filing's detail names the figure it was measured against.
        let number = |said: &str| -> i64 {
            let from = said.find('第').unwrap() + '第'.len_utf8();
            let to = from + said[from..].find('号').unwrap();
            said[from..to].parse().unwrap()
        };
        let store = db.open().await;
        let wage = |id: i64| {
            let store = &store;
            async move {
                match store
                    .detail(hrss_desk::store::ListKind::Filings, id)
                    .await
                    .unwrap()
                {
                    Some(hrss_desk::store::Detail::Filing { average_wage, .. }) => {
                        average_wage.map(|f| (f.monthly, f.effective_from.to_string()))
                    }
                    other => panic!("{other:?}"),
                }
            }
        };
        assert_eq!(
            wage(number(&march)).await,
            Some((6_215_00, "2025-07-01".into())),
            "{}",
            o.label
        );
        assert_eq!(
            wage(number(&november)).await,
            Some((6_420_00, "2026-07-01".into()))
        );
        store.close().await;
    }
}
