//! The supervision pane's routine acts as forms (issue 22, point 3): a
//! random draw (its seed shown in the form before anything is drawn), a
//! campaign or patrol, an inspector team, annual reports received or
//! results for the rows tagged, settlement figures imported and audited.
//! `n` in the 抽查计划, 专项行动, 分片轮换, 年度审查 and 待检查 sections opens
//! the section's form; each is sent to the same workflow call the command
//! line makes (`draw run`, `campaign add`, `zone team-add`, `annual
//! receive|result`, `settlement import|audit`), its roles checked there too.

use super::form::{Form, FormField, Kind, Purpose};
use crate::domain::LicenceKind;
use crate::domain::permissions::Act;
use crate::i18n::{self, Lang};
use crate::workflow::supervision::sections::Section;
use chrono::NaiveDate;

pub use super::form::ChiefForm;

impl ChiefForm {
    /// The form a section's `n` opens, if it has one; the annual review's
    /// for `licences` (none: nothing to record).
    pub fn of(section: Section, licences: Vec<i64>) -> Option<ChiefForm> {
        match section {
            Section::Draws => Some(ChiefForm::Draw),
            Section::Campaigns => Some(ChiefForm::Campaign),
            Section::Rota => Some(ChiefForm::Team),
            Section::Annual if !licences.is_empty() => Some(ChiefForm::Annual(licences)),
            Section::Due => Some(ChiefForm::Settlements),
            _ => None,
        }
    }

    /// The act it is, whose roles may open it.
    pub fn act(&self) -> Act {
        match self {
            ChiefForm::Draw => Act::RunDraw,
            ChiefForm::Campaign => Act::SetUpCampaign,
            ChiefForm::Team => Act::FormTeam,
            ChiefForm::Annual(_) => Act::RecordAnnualReview,
            ChiefForm::Settlements => Act::ImportSettlements,
            ChiefForm::Group(_) => Act::GroupIntoCampaign,
        }
    }

    /// The form, empty but for what the program sets: the draw's seed,
    /// fixed now and shown; a campaign's first day, today.
    pub fn form(self, lang: Lang, today: NaiveDate, seed: u64) -> Form {
        use chrono::Datelike;
        let text = |key, zh, en| FormField::new(key, lang.pick(zh, en), Kind::Text);
        let (title, fields) = match self {
            ChiefForm::Draw => {
                let mut kinds = vec![(String::new(), lang.pick("全部", "All").to_string())];
                kinds.extend(
                    LicenceKind::ALL
                        .iter()
                        .map(|k| (k.code().to_string(), k.label(lang).to_string())),
                );
                let mut per = text(
                    "per_target",
                    "每个对象的检查人员数",
                    "Inspectors per target",
                );
                per.text = "2".into();
                let mut seed_field = text(
                    "seed",
                    "随机种子（已固定，可改）",
                    "Seed (fixed now; may be changed)",
                );
                seed_field.text = seed.to_string();
                (
                    lang.pick("组织随机抽查", "Make a random draw"),
                    vec![
                        text("name", "抽查名称", "Name"),
                        FormField::new(
                            "kind",
                            lang.pick("许可类别", "Licence kind"),
                            Kind::OneOf(kinds),
                        ),
                        text("zone", "监管片区（空为全部）", "Zone (empty: all)"),
                        text("ratio", "抽查比例（如 5%）", "Share drawn (e.g. 5%)"),
                        per,
                        seed_field,
                    ],
                )
            }
            ChiefForm::Campaign => {
                let kinds = vec![
                    (
                        "campaign".to_string(),
                        lang.pick("专项行动", "Campaign").to_string(),
                    ),
                    (
                        "patrol".to_string(),
                        lang.pick("日常巡查", "Patrol").to_string(),
                    ),
                ];
                let mut from = FormField::new("from", lang.pick("开始日期", "From"), Kind::Date);
                from.text = today.to_string();
                (
                    lang.pick("部署专项行动或巡查", "Set up a campaign or patrol"),
                    vec![
                        text("theme", "主题", "Theme"),
                        FormField::new("type", lang.pick("类型", "Type"), Kind::OneOf(kinds)),
                        from,
                        FormField::new("to", lang.pick("结束日期", "To"), Kind::Date),
                    ],
                )
            }
            ChiefForm::Annual(ref licences) => {
                let what = vec![
                    (
                        "received".to_string(),
                        lang.pick("收到年度报告（今日）", "Report received (today)")
                            .to_string(),
                    ),
                    (
                        "passed".to_string(),
                        lang.pick("年度检查合格", "Annual inspection passed")
                            .to_string(),
                    ),
                    (
                        "failed".to_string(),
                        lang.pick("年度检查不合格", "Annual inspection failed")
                            .to_string(),
                    ),
                ];
                let mut year = text("year", "年度", "Year");
                year.text = (today.year() - 1).to_string();
                let title = match lang {
                    Lang::Zh => format!("年度审查登记（{}个许可证）", licences.len()),
                    Lang::En => format!("Annual review ({} licences)", licences.len()),
                };
                return Form {
                    purpose: Purpose::Chief(self.clone()),
                    title,
                    fields: vec![
                        FormField::new("what", lang.pick("登记事项", "What"), Kind::OneOf(what)),
                        year,
                        text("note", "说明", "Note"),
                    ],
                    focus: 0,
                    error: None,
                    sending: false,
                };
            }
            ChiefForm::Settlements => {
                let mut audit = FormField::new(
                    "audit",
                    lang.pick("导入后即审核", "Audit once imported"),
                    Kind::Flag,
                );
                audit.flag = true;
                (
                    lang.pick("导入结算数据", "Import settlement figures"),
                    vec![
                        text(
                            "file",
                            "文件（CSV：许可证号,年月,人次,费用（元）,人数；~/ 为主目录）",
                            "File (CSV: licence, YYYYMM, visits, cost in yuan, persons; ~/ is home)",
                        ),
                        audit,
                    ],
                )
            }
            // Built with its choices by `group_form`.
            ChiefForm::Group(_) => (lang.pick("归入行动", "Take into the campaign"), vec![]),
            ChiefForm::Team => (
                lang.pick("组建监察组", "Form an inspector team"),
                vec![
                    text("name", "监察组名称", "Team name"),
                    text(
                        "members",
                        "监察员登录名（至少两名，空格分隔）",
                        "Inspectors' logins (two at least, spaces between)",
                    ),
                ],
            ),
        };
        Form {
            purpose: Purpose::Chief(self.clone()),
            title: title.to_string(),
            fields,
            focus: 0,
            error: None,
            sending: false,
        }
    }
}

/// What a chief's form asks, read from its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChiefAsk {
    Draw {
        name: String,
        kind: String,
        zone: String,
        plan: crate::domain::draw::Plan,
    },
    Campaign {
        theme: String,
        patrol: bool,
        from: NaiveDate,
        to: NaiveDate,
    },
    Team {
        name: String,
        members: Vec<String>,
    },
    Annual {
        licences: Vec<i64>,
        year: i64,
        /// None: the report received; else the inspection's result.
        result: Option<bool>,
        note: String,
    },
    Settlements {
        file: String,
        audit: bool,
    },
    Group {
        campaign: i64,
        inspections: Vec<i64>,
    },
}

/// The form that takes inspections into campaign `campaign` (titled
/// `title`): those planned in its period and in no campaign, ticked with
/// Space.
pub fn group_form(
    lang: Lang,
    campaign: i64,
    title: &str,
    inspections: &[(i64, NaiveDate, String, String)],
) -> Form {
    let options = inspections
        .iter()
        .map(|(id, on, number, holder)| {
            (
                id.to_string(),
                format!(
                    "#{id} {on} {} {}",
                    i18n::printable(number),
                    i18n::printable(holder)
                ),
            )
        })
        .collect();
    Form {
        purpose: Purpose::Chief(ChiefForm::Group(campaign)),
        title: match lang {
            Lang::Zh => format!("归入行动：{title}"),
            Lang::En => format!("Take into the campaign: {title}"),
        },
        fields: vec![FormField::new(
            "inspections",
            lang.pick("检查（空格勾选）", "Inspections (Space ticks)"),
            Kind::AnyOf(options),
        )],
        focus: 0,
        error: None,
        sending: false,
    }
}

/// Form `f` of kind `which` read, or the sentence saying what is wrong.
pub fn read(f: &Form, which: &ChiefForm, lang: Lang) -> Result<ChiefAsk, String> {
    let day = |key: &str| -> Result<NaiveDate, String> {
        let v = f.value(key);
        NaiveDate::parse_from_str(&v, "%Y-%m-%d").map_err(|_| i18n::not_a_date(lang, &v))
    };
    Ok(match which {
        ChiefForm::Draw => {
            let ratio = f.value("ratio");
            let per = f.value("per_target");
            let seed = f.value("seed");
            ChiefAsk::Draw {
                name: f.value("name"),
                kind: f.value("kind"),
                zone: f.value("zone"),
                plan: crate::domain::draw::Plan {
                    ratio_permille: crate::domain::draw::parse_ratio(&ratio)
                        .ok_or_else(|| i18n::not_a_ratio(lang, &ratio))?,
                    per_target: per
                        .parse()
                        .ok()
                        .filter(|n| (2..=10).contains(n))
                        .ok_or_else(|| i18n::not_a_team_size(lang, &per))?,
                    seed: seed.parse().map_err(|_| i18n::not_a_seed(lang, &seed))?,
                },
            }
        }
        ChiefForm::Campaign => ChiefAsk::Campaign {
            theme: f.value("theme"),
            patrol: f.value("type") == "patrol",
            from: day("from")?,
            to: day("to")?,
        },
        ChiefForm::Annual(licences) => {
            let year = f.value("year");
            ChiefAsk::Annual {
                licences: licences.clone(),
                year: year
                    .parse()
                    .ok()
                    .filter(|y| (2000..=2099).contains(y))
                    .ok_or_else(|| i18n::not_a_year(lang, &year))?,
                result: match f.value("what").as_str() {
                    "passed" => Some(true),
                    "failed" => Some(false),
                    _ => None,
                },
                note: f.value("note"),
            }
        }
        ChiefForm::Settlements => {
            let file = f.value("file");
            if file.is_empty() {
                return Err(i18n::import_file_needed(lang).to_string());
            }
            ChiefAsk::Settlements {
                file,
                audit: !f.value("audit").is_empty(),
            }
        }
        ChiefForm::Group(campaign) => {
            let inspections: Vec<i64> = f
                .value("inspections")
                .split(',')
                .filter_map(|s| s.parse().ok())
                .collect();
            if inspections.is_empty() {
                return Err(i18n::tick_inspections_first(lang).to_string());
            }
            ChiefAsk::Group {
                campaign: *campaign,
                inspections,
            }
        }
        ChiefForm::Team => ChiefAsk::Team {
            name: f.value("name"),
            members: f
                .value("members")
                .split([' ', ',', '，', '、'])
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    #[test]
    fn a_draw_form_shows_its_seed_and_reads_its_share() {
        let mut f = ChiefForm::Draw.form(Lang::Zh, today(), 4242);
        assert_eq!(f.value("seed"), "4242");
        assert_eq!(f.value("per_target"), "2");
        f.fields[0].text = "第四季度抽查".into();
        f.fields[3].text = "5%".into();
        match read(&f, &ChiefForm::Draw, Lang::Zh).unwrap() {
            ChiefAsk::Draw { plan, kind, .. } => {
                assert_eq!(
                    (plan.seed, plan.ratio_permille, plan.per_target),
                    (4242, 50, 2)
                );
                assert_eq!(kind, "", "every kind unless one is chosen");
            }
            other => panic!("{other:?}"),
        }
        f.fields[3].text = "many".into();
        assert_eq!(
            read(&f, &ChiefForm::Draw, Lang::Zh),
            Err(i18n::not_a_ratio(Lang::Zh, "many"))
        );
        f.fields[3].text = "5%".into();
        f.fields[4].text = "1".into();
        assert!(read(&f, &ChiefForm::Draw, Lang::Zh).is_err());
    }

    #[test]
    fn a_team_reads_its_logins_however_they_are_separated() {
        let mut f = ChiefForm::Team.form(Lang::En, today(), 0);
        f.fields[0].text = "第三组".into();
        f.fields[1].text = "wulei, huangwei、zhouhao".into();
        assert_eq!(
            read(&f, &ChiefForm::Team, Lang::En).unwrap(),
            ChiefAsk::Team {
                name: "第三组".into(),
                members: vec!["wulei".into(), "huangwei".into(), "zhouhao".into()],
            }
        );
        let mut c = ChiefForm::Campaign.form(Lang::Zh, today(), 0);
        c.fields[3].text = "2026-12-31".into();
        assert!(matches!(
            read(&c, &ChiefForm::Campaign, Lang::Zh).unwrap(),
            ChiefAsk::Campaign { patrol: false, from, .. } if from == today()
        ));
        assert_eq!(ChiefForm::of(Section::Rota, vec![]), Some(ChiefForm::Team));
        assert_eq!(ChiefForm::of(Section::Annual, vec![]), None);
        assert_eq!(ChiefForm::of(Section::Leads, vec![3]), None);
        let mut a = ChiefForm::Annual(vec![3, 5]).form(Lang::Zh, today(), 0);
        assert_eq!(a.title, "年度审查登记（2个许可证）");
        a.fields[0].choice = 2;
        assert_eq!(
            read(&a, &ChiefForm::Annual(vec![3, 5]), Lang::Zh).unwrap(),
            ChiefAsk::Annual {
                licences: vec![3, 5],
                year: 2025,
                result: Some(false),
                note: String::new(),
            }
        );
    }
}
