//! The written answers to a complainant (issue 22, point 1: "not accept → a
//! reason and the notice to the complainant, transfer → to whom"), on both
//! databases, an office fed through the program's own commands:
//! `complaints decide ID --elsewhere NAME` — 劳社部令25 art 18, a complaint
//! not this bureau's is answered with the bureau to complain to — and the
//! notices printed with `notice render`: the refusal (不予受理通知书) and
//! the answer elsewhere (投诉告知书, also to a labour dispute: 条例 art 21),
//! read back paragraph by paragraph.

use crate::common::{self, TestDb, office::Office};
use common::readers::{docx_paragraphs, read_docx_paragraphs};

const BUREAU: &str = "石家庄市桥西区人力资源和社会保障局";
const OFFICE: &str = "石家庄市鹿泉区人力资源和社会保障局";

/// A complaint registered at the counter today about wages, the violation
/// on `violation_on`: its id.
async fn complaint(db: &TestDb, o: &Office, violation_on: &str) -> i64 {
    o.ok(
        common::TODAY,
        "wangfang",
        &format!(
            "complaints add --complainant 张伟 --id-number 360426199101010071 --phone 13812345678 \
             --respondent 鹿泉区测试建材有限公司 --matters wages --facts 拖欠工资 \
             --channel hotline --received {} --violation-on {violation_on}",
            common::TODAY
        ),
    );
    db.scalar("SELECT MAX(id) FROM complaint").await
}

/// A notice rendered by the chief into `dir`, read back: its paragraphs
/// (the program's reader and python-docx where present agreeing, and the
/// document's XML read here).
fn render(o: &Office, dir: &std::path::Path, kind: &str, id: i64) -> Vec<String> {
    let out = dir.join(format!("{kind}-{id}.docx"));
    o.ok(
        common::TODAY,
        "liuyang",
        &format!("notice render {kind} {id} -o {}", out.display()),
    );
    let ps = read_docx_paragraphs(&out);
    assert_eq!(ps, docx_paragraphs(&out), "two readers agree");
    ps
}

/// The chief decides complaint `id` with `flags`: the sentence says
/// `outcome` and how the notice `kind` (its title `title`) is printed.
fn decided(o: &Office, id: i64, flags: &str, outcome: &str, kind: &str, title: &str) {
    let said = o.ok(
        common::TODAY,
        "liuyang",
        &format!("complaints decide {id}{flags}"),
    );
    let label = o.label;
    assert!(
        said.contains(&format!("投诉{id}{outcome}。")),
        "{label}: {said}"
    );
    assert!(
        said.contains(&format!(
            "书面通知投诉人的{title}：hrss-desk notice render {kind} {id}"
        )),
        "{label}: {said}"
    );
}

/// The 投诉告知书 `ps` of complaint `id`: to the complainant, `body` its
/// paragraph, and no refusal to be printed for a complaint not refused.
fn told(o: &Office, ps: &[String], id: i64, body: &str) {
    let label = o.label;
    assert_eq!(ps[1], "投诉告知书", "{label}: {ps:?}");
    assert_eq!(ps[3], "张伟：", "{label}: {ps:?}");
    assert_eq!(ps[7], body, "{label}: {ps:?}");
    assert_eq!(ps[8], "特此告知。", "{label}: {ps:?}");
    o.refused(
        common::TODAY,
        "liuyang",
        &format!("notice render complaint-refusal {id} -o /nonexistent/x.docx"),
        "不能出具不予受理通知书",
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_complaint_not_ours_is_answered_with_the_bureau_to_turn_to() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let label = o.label;
        let id = complaint(&db, &o, "2026-10-31").await;
        let audit = || db.scalar("SELECT COUNT(*) FROM audit_log");
        let sql = format!("SELECT decision || '|' || referred_to FROM complaint WHERE id = {id}");
        let state = || db.text(&sql);
        let line = format!("complaints decide {id} --elsewhere {BUREAU}");

        // A clerk may not decide: one sentence, nothing written.
        let before = audit().await;
        o.refused(common::TODAY, "wangfang", &line, "科室负责人");
        assert_eq!(state().await, "pending|", "{label}");
        assert_eq!(audit().await, before, "{label}");
        // A name too long for the notice, or a dispute said at once: refused.
        let long = "局".repeat(101);
        o.refused(
            common::TODAY,
            "liuyang",
            &format!("complaints decide {id} --elsewhere {long}"),
            "超过100个字",
        );
        let (code, _, err) = o.run(common::TODAY, "liuyang", &format!("{line} --dispute"));
        assert_eq!(code, 2, "{label}: {err}");
        assert_eq!(state().await, "pending|", "{label}");
        assert_eq!(audit().await, before, "{label}");

        // The chief: recorded with where to, audited, the notice's command said.
        let (kind, title) = ("complaint-elsewhere", "投诉告知书");
        let flags = format!(" --elsewhere {BUREAU}");
        decided(
            &o,
            id,
            &flags,
            &format!("不属本局管辖，告知向{BUREAU}提出"),
            kind,
            title,
        );
        assert_eq!(state().await, format!("elsewhere|{BUREAU}"), "{label}");
        assert_eq!(audit().await, before + 1, "{label}");
        assert_eq!(
            db.text("SELECT action || ' ' || detail FROM audit_log ORDER BY seq DESC LIMIT 1")
                .await,
            format!("complaint.decide elsewhere: {BUREAU}"),
            "{label}"
        );
        assert_eq!(
            db.scalar(&format!(
                "SELECT COUNT(*) FROM inspection_case WHERE complaint_id = {id}"
            ))
            .await,
            0,
            "{label}: no case"
        );
        // The list of every complaint says where it went.
        let all = o.ok(common::TODAY, "zhaojing", "complaints list --all");
        let row = all
            .lines()
            .find(|l| l.starts_with(&format!("{id}\t")))
            .unwrap();
        assert!(
            row.ends_with(&format!("\t非本局管辖（已告知）：{BUREAU}")),
            "{label}: {row}"
        );

        // The notice: to the complainant, the bureau named, the article cited.
        let dir = tempfile::tempdir().unwrap();
        let ps = render(&o, dir.path(), "complaint-elsewhere", id);
        assert_eq!(ps[0], OFFICE, "{label}: {ps:?}");
        assert_eq!(ps[2], "鹿人社监诉告〔2026〕第1号", "{label}: {ps:?}");
        told(
            &o,
            &ps,
            id,
            &format!(
                "经审查，你于2026年11月27日向本局提出的投诉，不属于本局管辖。根据《关于实施〈劳动保障监察条例〉若干规定》第十八条的规定，请你向{BUREAU}提出。"
            ),
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refusal_past_the_limitation_prints_as_a_written_notice() {
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let label = o.label;
        // Received 27 November 2026, the violation of 5 March 2024: more
        // than two years (条例 art 20), refused in writing.
        let id = complaint(&db, &o, "2024-03-05").await;
        decided(
            &o,
            id,
            "",
            "不予受理",
            "complaint-refusal",
            "不予受理通知书",
        );
        let dir = tempfile::tempdir().unwrap();
        let ps = render(&o, dir.path(), "complaint-refusal", id);
        let expected = [
            OFFICE.to_string(),
            "不予受理通知书".into(),
            "鹿人社监不受〔2026〕第1号".into(),
            "张伟：".into(),
            "被投诉单位：鹿泉区测试建材有限公司".into(),
            "投诉事项：工资支付和最低工资".into(),
            "收到投诉日期：2026年11月27日".into(),
            "经审查，你于2026年11月27日向本局提出的投诉，所反映的违法行为发生（或终了）于2024年3月5日，至本局收到投诉之日已超过2年。根据《劳动保障监察条例》第二十条和《关于实施〈劳动保障监察条例〉若干规定》第十八条的规定，本局决定不予受理。".into(),
            "如不服本决定，可在收到本通知书之日起六十日内向石家庄市鹿泉区人民政府申请行政复议，或者在六个月内依法向石家庄市鹿泉区人民法院提起行政诉讼。".into(),
            String::new(),
            format!("{OFFICE}（盖章）"),
            "2026年11月27日".into(),
        ];
        assert_eq!(ps, expected, "{label}");
        // The complainant's ID number and phone are not on it.
        assert!(
            ps.iter()
                .all(|p| !p.contains("360426") && !p.contains("13812345678")),
            "{label}: {ps:?}"
        );
        // A reprint keeps its number.
        let again = render(&o, dir.path(), "complaint-refusal", id);
        assert_eq!(again[2], ps[2], "{label}");
        // Not the answer elsewhere for a refusal.
        o.refused(
            common::TODAY,
            "liuyang",
            &format!("notice render complaint-elsewhere {id} -o /nonexistent/x.docx"),
            "不能出具投诉告知书",
        );
    }
}

/// 条例 art 21 para 2: a complaint that is a labour dispute is told, in the
/// written 告知书, to go to arbitration — before the committee the office
/// names (`office.arbitration`, 劳动争议调解仲裁法 art 21).
#[tokio::test(flavor = "multi_thread")]
async fn a_labour_dispute_is_told_in_writing_to_go_to_arbitration() {
    const COMMITTEE: &str = "石家庄市鹿泉区劳动人事争议仲裁委员会";
    for db in TestDb::all().await {
        let o = Office::new(&db).await;
        let id = complaint(&db, &o, "2026-10-31").await;
        o.ok(
            common::TODAY,
            "liuyang",
            &format!(
                "config set office.arbitration {COMMITTEE} --source 劳动争议调解仲裁法第二十一条"
            ),
        );
        let (kind, title) = ("complaint-elsewhere", "投诉告知书");
        decided(&o, id, " --dispute", "已告知申请仲裁", kind, title);
        let dir = tempfile::tempdir().unwrap();
        let ps = render(&o, dir.path(), "complaint-elsewhere", id);
        told(
            &o,
            &ps,
            id,
            &format!(
                "经审查，你于2026年11月27日向本局提出的投诉，所反映的事项属于劳动争议，应当通过劳动争议处理程序解决。根据《劳动保障监察条例》第二十一条第二款的规定，请你依法向{COMMITTEE}申请劳动争议仲裁，或者依照劳动争议处理或者诉讼的程序办理。"
            ),
        );
    }
}
