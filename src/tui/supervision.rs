//! The supervision pane (监督检查) and its acts on screen: the pane's
//! sections (the inspections list, what is due, rectifications, draws,
//! annual reviews, leads, campaigns, the rota), and the forms that record
//! an inspection item by item, take a ladder step and record a lead — from
//! the pane or from a licence's detail.

use super::form::{Form, FormField, Kind, Purpose};
use crate::domain::check_items;
use crate::domain::ladder;
use crate::domain::{LeadSource, LicenceKind};
use crate::i18n::{self, Lang};
use crate::workflow::supervision::sections::{Section, SectionPage, SectionRow};

/// The pane's section and, for the sections other than the inspections
/// list, the rows read and the cursor over them.
#[derive(Debug, Clone, Default)]
pub struct SupervisionState {
    pub section: Section,
    pub page: Option<Result<SectionPage, String>>,
    pub cursor: usize,
    pub scroll: usize,
    /// The newest load asked for: older answers (another section, the other
    /// language, rows before a change) are dropped.
    pub generation: u64,
    /// The inspection whose form is being prepared; an answer for another
    /// (or after the clerk moved on) opens nothing.
    pub preparing: Option<i64>,
    /// Licences tagged in 年度审查, to record their annual review together.
    pub tagged: std::collections::BTreeSet<i64>,
}

impl SupervisionState {
    pub fn rows(&self) -> &[SectionRow] {
        match &self.page {
            Some(Ok(p)) if p.section == self.section => &p.rows,
            _ => &[],
        }
    }

    pub fn selected(&self) -> Option<&SectionRow> {
        self.rows().get(self.cursor)
    }
}

impl Form {
    /// Recording inspection `id` of a `kind` licence: each check item,
    /// how it came about and how it was done.
    pub fn inspection(lang: Lang, id: i64, kind: LicenceKind, holder: &str) -> Form {
        let mut fields: Vec<FormField> = check_items::items(kind)
            .iter()
            .map(|(code, zh, en)| FormField::new(code, lang.pick(zh, en), Kind::Check))
            .collect();
        let origins = std::iter::once("")
            .chain(check_items::ORIGINS)
            .map(|o| (o.to_string(), i18n::origin_label(lang, o).to_string()))
            .collect();
        let approaches = check_items::APPROACHES
            .iter()
            .map(|a| (a.to_string(), i18n::approach_label(lang, a).to_string()))
            .collect();
        fields.push(FormField::new(
            "origin",
            lang.pick("检查来源", "Came about by"),
            Kind::OneOf(origins),
        ));
        fields.push(FormField::new(
            "approach",
            lang.pick("检查方式", "Done by"),
            Kind::OneOf(approaches),
        ));
        Form {
            purpose: Purpose::Inspection { id },
            // Named by whom it is of, as the clerk knows it; the number after.
            title: i18n::form_inspection_title(lang, id, &super::text::clean(holder)),
            fields,
            focus: 0,
            error: None,
            sending: false,
        }
    }

    /// A step of a `kind` licence's ladder, with a deadline to rectify.
    pub fn sanction(lang: Lang, licence: i64, kind: LicenceKind) -> Form {
        let steps = ladder::ladder(kind)
            .iter()
            .map(|s| (s.code().to_string(), s.label(lang).to_string()))
            .collect();
        Form {
            purpose: Purpose::Sanction { licence },
            title: lang.pick("处理措施", "A ladder step").into(),
            fields: vec![
                FormField::new("step", lang.pick("措施", "Step"), Kind::OneOf(steps)),
                FormField::new(
                    "deadline",
                    lang.pick(
                        "期限（YYYY-MM-DD；限期整改、中止协议必填）",
                        "Until (YYYY-MM-DD; a rectification or suspension needs one)",
                    ),
                    Kind::Date,
                ),
                FormField::new(
                    "reason",
                    lang.pick("事实和理由", "Facts and reason"),
                    Kind::Text,
                ),
            ],
            focus: 0,
            error: None,
            sending: false,
        }
    }

    /// A lead about a licence holder.
    pub fn lead(lang: Lang, licence: i64) -> Form {
        let sources = LeadSource::ALL
            .iter()
            .map(|s| (s.code().to_string(), s.label(lang).to_string()))
            .collect();
        Form {
            purpose: Purpose::Lead { licence },
            title: lang.pick("登记线索", "Record a lead").into(),
            fields: vec![
                FormField::new("source", lang.pick("来源", "Source"), Kind::OneOf(sources)),
                FormField::new("summary", lang.pick("内容摘要", "Summary"), Kind::Text),
            ],
            focus: 0,
            error: None,
            sending: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_inspection_form_lists_its_kinds_items_and_reads_back_as_recorded() {
        let mut f = Form::inspection(Lang::Zh, 4, LicenceKind::HrService, "众诚人力");
        let items = check_items::items(LicenceKind::HrService);
        assert_eq!(f.fields.len(), items.len() + 2);
        assert_eq!(f.value("conduct"), "", "not filled in until chosen");
        f.fields[0].choice = 1;
        assert_eq!(f.value("conduct"), "passed");
        f.fields[1].choice = 2;
        f.fields[1].text = " 未为2名员工参保 ".into();
        assert_eq!(f.value("staff-insurance"), "failed:未为2名员工参保");
        f.fields[2].choice = 3;
        assert_eq!(f.value("honesty"), "na");
        assert_eq!(
            f.value("origin"),
            "",
            "the default: from its lead or campaign"
        );
        assert_eq!(f.value("approach"), "open");
    }

    #[test]
    fn a_sanction_form_offers_only_the_kinds_ladder() {
        let f = Form::sanction(Lang::En, 9, LicenceKind::TrainingSchool);
        let Kind::OneOf(steps) = &f.fields[0].kind else {
            panic!("a choice of steps");
        };
        let codes: Vec<&str> = steps.iter().map(|(c, _)| c.as_str()).collect();
        let want: Vec<&str> = ladder::ladder(LicenceKind::TrainingSchool)
            .iter()
            .map(|s| s.code())
            .collect();
        assert_eq!(codes, want);
        assert!(
            !codes.contains(&"interview"),
            "an agreement institution's step"
        );
    }
}
