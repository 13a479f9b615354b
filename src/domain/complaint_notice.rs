//! What the written answers to a complainant say (劳社部令25 art 18): the
//! refusal of a complaint past the limitation (不予受理通知书 — 条例 art 20:
//! two years from the act, or its end), and where to turn with one that is
//! not this bureau's (告知书). The documents' other fields (addressee,
//! respondent, matters, the day received) are the complaint's own.

use chrono::{Datelike, NaiveDate};

/// A day as a letter writes it: 2026年11月27日.
pub fn day(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// The refusal's reason: received on `received`, the violation of
/// `violation_on` (or its end) more than two years before.
pub fn refusal_reason(received: NaiveDate, violation_on: Option<NaiveDate>) -> String {
    let when = violation_on.map_or_else(
        || "所反映的违法行为".to_string(),
        |v| format!("所反映的违法行为发生（或终了）于{}，", day(v)),
    );
    format!(
        "经审查，你于{}向本局提出的投诉，{when}至本局收到投诉之日已超过2年。根据《劳动保障监察条例》第二十条和《关于实施〈劳动保障监察条例〉若干规定》第十八条的规定，本局决定不予受理。",
        day(received)
    )
}

/// How a refusal is challenged: 行政复议法 (2023) art 20, 行政诉讼法 art 46,
/// before the office's review body and court (its settings).
pub fn refusal_relief(review_body: &str, court: &str) -> String {
    format!(
        "如不服本决定，可在收到本通知书之日起六十日内向{review_body}申请行政复议，或者在六个月内依法向{court}提起行政诉讼。"
    )
}

/// The answer to a complaint not this bureau's: where to turn, as the
/// chief named it (劳社部令25 art 18: 告知投诉人向有关劳动保障行政部门提出;
/// one outside labour inspection's competence is told so).
pub fn elsewhere_body(received: NaiveDate, to: &str) -> String {
    format!(
        "经审查，你于{}向本局提出的投诉，不属于本局管辖。根据《关于实施〈劳动保障监察条例〉若干规定》第十八条的规定，请你向{to}提出。\n特此告知。",
        day(received)
    )
}

/// The answer to a complaint that is a labour dispute between the parties
/// (条例 art 21 para 2): the dispute procedure, before `committee` — the
/// arbitration committee where the contract is performed or the employer
/// sits (劳动争议调解仲裁法 art 21), the office's setting — or the court.
pub fn arbitration_body(received: NaiveDate, committee: &str) -> String {
    format!(
        "经审查，你于{}向本局提出的投诉，所反映的事项属于劳动争议，应当通过劳动争议处理程序解决。根据《劳动保障监察条例》第二十一条第二款的规定，请你依法向{committee}申请劳动争议仲裁，或者依照劳动争议处理或者诉讼的程序办理。\n特此告知。",
        day(received)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_refusal_gives_the_limitation_and_its_articles() {
        let r = refusal_reason(d(2026, 11, 27), Some(d(2024, 3, 5)));
        assert!(r.contains("你于2026年11月27日"), "{r}");
        assert!(r.contains("发生（或终了）于2024年3月5日"), "{r}");
        assert!(r.contains("已超过2年"), "{r}");
        assert!(
            r.contains("《劳动保障监察条例》第二十条")
                && r.contains("若干规定》第十八条")
                && r.ends_with("本局决定不予受理。"),
            "{r}"
        );
        let relief = refusal_relief("某区人民政府", "某区人民法院");
        assert!(relief.contains("六十日内向某区人民政府申请行政复议"));
        assert!(relief.contains("六个月内依法向某区人民法院提起行政诉讼"));
    }

    /// 劳社部令25 art 18: one for another bureau is told which one.
    #[test]
    fn an_answer_elsewhere_names_where_to_turn_under_article_18() {
        let b = elsewhere_body(d(2026, 11, 27), "石家庄市桥西区人力资源和社会保障局");
        assert!(b.contains("不属于本局管辖"), "{b}");
        assert!(b.contains("第十八条"), "{b}");
        assert!(
            b.contains("请你向石家庄市桥西区人力资源和社会保障局提出。"),
            "{b}"
        );
    }

    /// 条例 art 21 para 2: a labour dispute is told the dispute procedure.
    #[test]
    fn an_answer_to_a_dispute_names_the_committee_under_article_21() {
        let b = arbitration_body(d(2026, 11, 27), "石家庄市鹿泉区劳动人事争议仲裁委员会");
        assert!(b.contains("你于2026年11月27日"), "{b}");
        assert!(b.contains("属于劳动争议"), "{b}");
        assert!(b.contains("《劳动保障监察条例》第二十一条第二款"), "{b}");
        assert!(
            b.contains("请你依法向石家庄市鹿泉区劳动人事争议仲裁委员会申请劳动争议仲裁"),
            "{b}"
        );
        assert!(b.ends_with("\n特此告知。"), "{b}");
    }
}
