//! Material checklists no stricter than the rules (issue 18, point 8): the
//! defaults ask what 社会保险法 and 社会保险经办条例 ask, each row with its
//! source; a labour contract is not asked for an enrollment, and a change
//! of phone needs no proof while a change of name does; the office can
//! still tighten a row, through the program. On both databases.

use crate::common::{TODAY, TestDb, office::Office};

#[tokio::test(flavor = "multi_thread")]
async fn the_default_checklists_match_the_rules_and_the_office_can_tighten_them() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let list = o.ok(TODAY, "wangfang", "config checklist");
        for line in list.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            assert!(
                cols.len() == 5 && !cols[4].is_empty(),
                "{}: a row without its source: {line}",
                o.label
            );
        }
        let contract = list
            .lines()
            .find(|l| l.starts_with("enroll\tlabour-contract"))
            .unwrap();
        assert!(
            contract.contains("非必交") && contract.contains("社会保险经办条例"),
            "{}: {contract}",
            o.label
        );

        // An employer with insured staff.
        let uscc = db
            .text(
                "SELECT MIN(e.uscc) FROM employer e WHERE e.status = 'active'
                   AND EXISTS (SELECT 1 FROM person p WHERE p.employer_id = e.id AND p.status = 'active')",
            )
            .await;
        let enroll = format!(
            "filings receive --kind enroll --employer-uscc {uscc} --field id_number=110101199003074514 --field name=赵新来 --field hired_on=2026-11-16 --materials id-card=present,enrollment-form=present"
        );
        let said = o.ok(TODAY, "wangfang", &enroll);
        assert!(said.contains("审核未发现问题"), "{}: {said}", o.label);

        // A change of phone needs no proof; a change of name does.
        let person = db
            .text(&format!(
                "SELECT MIN(p.id_number) FROM person p JOIN employer e ON e.id = p.employer_id
                  WHERE e.uscc = '{uscc}' AND p.status = 'active'"
            ))
            .await;
        let change = |field: &str, new: &str| {
            format!(
                "filings receive --kind change-details --employer-uscc {uscc} --field id_number={person} --field field={field} --field new={new} --materials change-form=present,id-card=present"
            )
        };
        let said = o.ok(TODAY, "wangfang", &change("phone", "13912345678"));
        assert!(said.contains("审核未发现问题"), "{}: {said}", o.label);
        let said = o.ok(TODAY, "wangfang", &change("name", "赵新名"));
        assert!(
            said.contains("审核发现") && said.contains("证明"),
            "{}: {said}",
            o.label
        );

        // The office tightens a row, naming why; a clerk may not.
        o.refused(
            TODAY,
            "wangfang",
            "config require enroll labour-contract yes --source 本局规定",
            "科室负责人",
        );
        o.refused(
            TODAY,
            "liuyang",
            "config require enroll labour-contract maybe --source 本局规定",
            "yes|no",
        );
        o.refused(
            TODAY,
            "liuyang",
            "config require enroll new-paper yes --source 本局规定",
            "--name-zh",
        );
        o.ok(
            TODAY,
            "liuyang",
            "config require enroll labour-contract yes --source 本局用工关系核查规定",
        );
        let said = o.ok(
            TODAY,
            "wangfang",
            &enroll
                .replace("110101199003074514", "110101199105063218")
                .replace("赵新来", "钱新来"),
        );
        assert!(
            said.contains("审核发现") && said.contains("劳动合同"),
            "{}: {said}",
            o.label
        );
    }
}
