//! What a case's documents must say, in the statutes' words: the rights a
//! prior notice gives (行政处罚法 art 44, 63–64), how a decision is carried
//! out and challenged (arts 59, 67, 72, 73; 行政复议法 art 20; 行政诉讼法
//! art 46), and what happens to an order not obeyed (条例 art 30). The
//! office's names (its review body, court, where to pay) are settings.

use super::kinds::DecisionKind;

/// The office's names a decision quotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeNames {
    pub review_body: String,
    pub court: String,
    pub pay_at: String,
}

/// 行政处罚法 art 44–45: the right to state and defend, with its days.
pub fn statement_right(days: u32) -> String {
    format!(
        "你（单位）有权进行陈述和申辩，可在收到本告知书之日起{days}个工作日内向本局提出；逾期未提出的，视为放弃此权利。本局不因陈述、申辩而给予更重的处罚。"
    )
}

/// 行政处罚法 arts 63–64: the right to ask for a hearing, or that the
/// penalty proposed is not one that offers it.
pub fn hearing_right(offered: bool) -> String {
    if offered {
        "你（单位）有权要求举行听证，须在收到本告知书之日起5个工作日内提出；逾期未提出的，视为放弃此权利。".into()
    } else {
        "本案拟作出的行政处罚不属于听证范围。".into()
    }
}

/// How and by when a decision of `kind` for `amount` is carried out
/// (art 67: 15 days from service; a handling decision by its own deadline).
pub fn how_to_comply(
    kind: DecisionKind,
    amount: i64,
    pay_at: &str,
    deadline: Option<&str>,
) -> String {
    match kind {
        DecisionKind::Fine | DecisionKind::Confiscation => format!(
            "自收到本决定书之日起十五日内，将{}元缴至{pay_at}。",
            crate::domain::money::yuan(amount)
        ),
        DecisionKind::Handling => match deadline {
            Some(d) => format!(
                "于{d}前履行本决定，金额{}元，并将履行情况书面报告本局。",
                crate::domain::money::yuan(amount)
            ),
            None => format!(
                "自收到本决定书之日起十五日内履行本决定，金额{}元，并将履行情况书面报告本局。",
                crate::domain::money::yuan(amount)
            ),
        },
        DecisionKind::Warning | DecisionKind::NoPenalty | DecisionKind::Order => {
            "本决定自送达之日起生效。".into()
        }
        DecisionKind::StopEnrolment => match deadline {
            Some(d) => format!("本决定自送达之日起生效，自生效之日起至{d}止停止招生；期满经复查合格后方可恢复招生。"),
            None => "本决定自送达之日起生效，自生效之日起停止招生，经复查合格后方可恢复招生。".into(),
        },
        DecisionKind::Revocation => {
            "本决定自送达之日起生效，许可证自生效之日起吊销，不得再从事许可事项，并应交回许可证正、副本。".into()
        }
    }
}

/// What follows when the decision is not carried out in time.
pub fn if_not_complied(kind: DecisionKind) -> String {
    match kind {
        // 行政处罚法 art 72; 行政强制法 arts 45, 53–54.
        DecisionKind::Fine | DecisionKind::Confiscation => "到期不缴纳的，每日按应缴数额的百分之三加处罚款，加处罚款的数额不超出应缴数额；本局将依法申请人民法院强制执行。".into(),
        // 条例 art 26 (加付赔偿金), art 30 (a fine for refusing it).
        DecisionKind::Handling => "逾期不履行的，本局将依照《劳动保障监察条例》第二十六条、第三十条的规定处理，并依法申请人民法院强制执行。".into(),
        DecisionKind::Order => "逾期不改正的，本局将依照《劳动保障监察条例》第三十条的规定处二千元以上二万元以下的罚款。".into(),
        DecisionKind::Warning | DecisionKind::NoPenalty => "—".into(),
        // The licence's standing follows the decision whatever the party does.
        DecisionKind::StopEnrolment | DecisionKind::Revocation => "继续招生或从事许可事项的，本局将依法查处。".into(),
    }
}

/// 行政处罚法 art 59(5), 73; 行政复议法 (2023) art 20; 行政诉讼法 art 46.
pub fn relief(names: &OfficeNames) -> String {
    format!(
        "如不服本决定，可在收到本决定书之日起六十日内向{}申请行政复议，或者在六个月内依法向{}提起行政诉讼。复议、诉讼期间本决定不停止执行，法律另有规定的除外。",
        names.review_body, names.court
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notice_gives_the_rights_with_their_days() {
        assert!(statement_right(5).contains("5个工作日内"));
        assert!(statement_right(3).contains("3个工作日内"));
        assert!(
            hearing_right(true).contains("要求举行听证")
                && hearing_right(true).contains("5个工作日")
        );
        assert!(hearing_right(false).contains("不属于听证范围"));
    }

    #[test]
    fn the_decision_says_how_to_pay_and_how_to_challenge_it() {
        let names = OfficeNames {
            review_body: "鹿泉区人民政府".into(),
            court: "鹿泉区人民法院".into(),
            pay_at: "指定银行".into(),
        };
        let pay = how_to_comply(DecisionKind::Fine, 3_000_00, &names.pay_at, None);
        assert!(
            pay.contains("十五日内") && pay.contains("3,000.00元") && pay.contains("指定银行"),
            "{pay}"
        );
        assert!(if_not_complied(DecisionKind::Fine).contains("百分之三"));
        assert!(if_not_complied(DecisionKind::Order).contains("第三十条"));
        let r = relief(&names);
        assert!(
            r.contains("六十日内向鹿泉区人民政府") && r.contains("六个月内依法向鹿泉区人民法院"),
            "{r}"
        );
        assert!(
            how_to_comply(DecisionKind::Handling, 8_000_00, "", Some("2026-12-20"))
                .contains("于2026-12-20前")
        );
    }
}
