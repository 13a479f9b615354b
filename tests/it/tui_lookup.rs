//! The lookup's person rows name the employer (issue 21, point 10): eleven
//! people called 袁磊 are told apart by where they work, with the place
//! prefix their employers share said once in the title.

use crate::common;
use common::tui::*;
use hrss_desk::i18n::Lang;
use hrss_desk::search::{Index, RecordKind, Source};
use ratatui::crossterm::event::KeyCode;

fn source(kind: RecordKind, id: i64, name: &str, number: &str, employer: Option<i64>) -> Source {
    Source {
        kind,
        id,
        name: name.into(),
        number: number.into(),
        uscc: String::new(),
        rank: 0,
        status: "active".into(),
        employer_id: employer,
    }
}

fn namesakes() -> std::sync::Arc<Index> {
    let firms = [
        "石家庄市鹿泉区恒信建筑工程有限公司",
        "石家庄市鹿泉区同辉劳务派遣有限公司",
        "石家庄市鹿泉区博远商贸有限公司",
    ];
    let mut all = Vec::new();
    for (n, firm) in firms.iter().enumerate() {
        let id = 100 + n as i64;
        all.push(source(
            RecordKind::Employer,
            id,
            firm,
            &format!("91130110MA0F3K7Q{n}X"),
            None,
        ));
        all.push(source(
            RecordKind::Person,
            n as i64 + 1,
            "袁磊",
            &format!("13011019900307{n:03}5"),
            Some(id),
        ));
    }
    all.push(source(
        RecordKind::Person,
        9,
        "袁磊",
        "130110199003079995",
        None,
    ));
    let mut ix = Index::build(all);
    ix.finish();
    std::sync::Arc::new(ix)
}

#[test]
fn namesakes_in_the_lookup_differ_by_their_employer() {
    for (lang, w, h) in [(Lang::Zh, 80, 24), (Lang::En, 120, 40)] {
        let mut a = app(lang, w, h);
        typed(&mut a, KeyCode::Char('2'));
        a.index = Some(namesakes());
        for c in "袁磊".chars() {
            typed(&mut a, KeyCode::Char(c));
        }
        let s = draw(&a);
        for firm in [
            "恒信建筑工程有限公司",
            "同辉劳务派遣有限公司",
            "博远商贸有限公司",
        ] {
            assert!(
                s.lines().any(|l| l.contains("袁磊 · ") && l.contains(firm)),
                "{firm}: {s}"
            );
        }
        // The place the employers share is said once, at every width: a
        // keystroke redraws every row (issue 21, point 12).
        let note = lang.pick("名称略去“石家庄市鹿泉区”", "names without “石家庄市鹿泉区”");
        assert!(s.contains(note), "{s}");
        assert!(!s.contains("袁磊 · 石家庄市鹿泉区"), "{s}");
        // One with no employer is the name alone; no full ID number shows.
        assert!(
            s.lines().any(|l| l.contains("袁磊 ") && !l.contains('·')),
            "{s}"
        );
        assert!(!s.contains("130110199003079995"), "{s}");
    }
}
