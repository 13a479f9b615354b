//! Supervision's sentences: draws, inspections and their records, the
//! sanction ladder, settlement audits and annual reviews.

use super::Lang;

pub fn draw_error(lang: Lang, e: &crate::domain::draw::DrawError) -> String {
    use crate::domain::draw::DrawError::*;
    match (lang, e) {
        (Lang::Zh, NoTargets) => "抽查对象库为空（没有符合条件的有效许可）。".into(),
        (Lang::En, NoTargets) => "The target pool is empty (no valid licence matches).".into(),
        (Lang::Zh, TooFewInspectors { have, need }) => {
            format!("检查人员库只有{have}名，每个对象至少需要{need}名。")
        }
        (Lang::En, TooFewInspectors { have, need }) => {
            format!("The inspector pool has {have}; each target needs {need}.")
        }
        (Lang::Zh, BadRatio) => "抽查比例须在0.1%至100%之间。".into(),
        (Lang::En, BadRatio) => "The ratio must lie between 0.1 % and 100 %.".into(),
    }
}

pub fn no_draw(lang: Lang, id: i64) -> String {
    match lang {
        Lang::Zh => format!("没有编号为{id}的抽查。"),
        Lang::En => format!("There is no draw {id}."),
    }
}

pub fn draw_record_damaged(lang: Lang, id: i64) -> String {
    match lang {
        Lang::Zh => format!("抽查{id}的记录无法读取，可能已被改动。"),
        Lang::En => format!("The record of draw {id} cannot be read: it may have been altered."),
    }
}

pub fn unknown_licence_kind(lang: Lang, s: &str) -> String {
    let list = crate::domain::LicenceKind::ALL
        .iter()
        .map(|k| k.code())
        .collect::<Vec<_>>()
        .join(", ");
    let s = super::printable(s);
    match lang {
        Lang::Zh => format!("没有“{s}”这一许可类别。可用：{list}"),
        Lang::En => format!("There is no licence kind \"{s}\". Kinds: {list}"),
    }
}

pub fn draw_seed(lang: Lang, seed: u64) -> String {
    match lang {
        Lang::Zh => format!("随机种子已固定：{seed}（抽取前公示并记录，可据此复核）"),
        Lang::En => {
            format!("Seed fixed: {seed} (shown and recorded before drawing, so it can be replayed)")
        }
    }
}

pub fn draw_done(lang: Lang, d: &crate::domain::draw::Drawn) -> String {
    let (t, i) = (&d.targets_hash[..12], &d.inspectors_hash[..12]);
    match lang {
        Lang::Zh => format!(
            "抽查{}：对象库{}个（指纹 {t}…），检查人员库{}名（指纹 {i}…）；抽中{}个对象，已生成检查任务。",
            d.id,
            d.targets,
            d.inspectors,
            d.result.picks.len()
        ),
        Lang::En => format!(
            "Draw {}: {} targets (fingerprint {t}…), {} inspectors (fingerprint {i}…); {} drawn, their inspections planned.",
            d.id,
            d.targets,
            d.inspectors,
            d.result.picks.len()
        ),
    }
}

pub fn draw_unstaffed(lang: Lang, target: i64, eligible: usize) -> String {
    match lang {
        Lang::Zh => {
            format!("  许可{target}无可派检查人员（可派{eligible}名，均须回避或为上次检查组合）")
        }
        Lang::En => format!(
            "  licence {target}: no team could be sent ({eligible} eligible, all conflicted or its last pair)"
        ),
    }
}

pub fn draw_replayed(lang: Lang, id: i64, same: bool) -> String {
    match (lang, same) {
        (Lang::Zh, true) => format!("抽查{id}复核：按记录重新抽取，结果与记录逐字节一致。"),
        (Lang::En, true) => {
            format!("Draw {id} replayed from its record: the result is identical, byte for byte.")
        }
        (Lang::Zh, false) => format!("抽查{id}复核：结果或对象库与记录不一致，记录可能已被改动。"),
        (Lang::En, false) => format!(
            "Draw {id} replayed: the result or the pools differ from the record; it may have been altered."
        ),
    }
}

pub fn draw_header(lang: Lang, d: &crate::store::DrawRow) -> String {
    let ratio = d.ratio_permille as f64 / 10.0;
    match lang {
        Lang::Zh => format!(
            "抽查{}“{}”：抽取比例{ratio}%，随机种子{}，对象库指纹{}，结果指纹{}",
            d.id,
            super::printable(&d.name),
            d.seed,
            d.targets_hash,
            d.result_hash
        ),
        Lang::En => format!(
            "Draw {} \"{}\": {ratio} % drawn, seed {}, target pool {}, result {}",
            d.id,
            super::printable(&d.name),
            d.seed,
            d.targets_hash,
            d.result_hash
        ),
    }
}

pub fn no_inspection(lang: Lang, id: i64) -> String {
    match lang {
        Lang::Zh => format!("没有编号为{id}的检查。"),
        Lang::En => format!("There is no inspection {id}."),
    }
}

pub fn no_licence(lang: Lang, id: i64) -> String {
    match lang {
        Lang::Zh => format!("没有编号为{id}的许可。"),
        Lang::En => format!("There is no licence {id}."),
    }
}

pub fn inspection_recorded_already(lang: Lang, id: i64) -> String {
    match lang {
        Lang::Zh => format!("检查{id}已记录结果。"),
        Lang::En => format!("Inspection {id} is already recorded."),
    }
}

pub fn record_error(
    lang: Lang,
    kind: crate::domain::LicenceKind,
    e: &crate::domain::check_items::RecordError,
) -> String {
    use crate::domain::check_items::{APPROACHES, ORIGINS, RecordError::*, items};
    let codes = items(kind)
        .iter()
        .map(|(c, ..)| *c)
        .collect::<Vec<_>>()
        .join(", ");
    match (lang, e) {
        (Lang::Zh, UnknownItem(c)) => {
            format!("“{}”不是此类检查的项目。可用：{codes}", super::printable(c))
        }
        (Lang::En, UnknownItem(c)) => format!(
            "\"{}\" is not an item of this kind. Items: {codes}",
            super::printable(c)
        ),
        (Lang::Zh, NoFinding(c)) => format!("不合格项目{c}须写明发现的问题。"),
        (Lang::En, NoFinding(c)) => format!("The failed item {c} needs its finding."),
        (Lang::Zh, Missing(m)) => {
            format!("尚未记录：{}（或用 --rest passed 记为合格）", m.join(", "))
        }
        (Lang::En, Missing(m)) => format!("Not recorded: {} (or --rest passed)", m.join(", ")),
        (Lang::Zh, Twice(c)) => format!("项目{c}记录了两次。"),
        (Lang::En, Twice(c)) => format!("The item {c} is recorded twice."),
        (Lang::Zh, UnknownOrigin(o)) => format!(
            "“{}”不是检查来源。可用：{}",
            super::printable(o),
            ORIGINS.join(", ")
        ),
        (Lang::En, UnknownOrigin(o)) => format!(
            "\"{}\" is not an origin. Origins: {}",
            super::printable(o),
            ORIGINS.join(", ")
        ),
        (Lang::Zh, UnknownApproach(a)) => format!(
            "“{}”不是检查方式。可用：{}",
            super::printable(a),
            APPROACHES.join(", ")
        ),
        (Lang::En, UnknownApproach(a)) => format!(
            "\"{}\" is not an approach. Approaches: {}",
            super::printable(a),
            APPROACHES.join(", ")
        ),
    }
}

pub fn inspection_recorded(lang: Lang, id: i64, passed: bool) -> String {
    match (lang, passed) {
        (Lang::Zh, true) => format!("检查{id}已记录：合格。"),
        (Lang::Zh, false) => {
            format!(
                "检查{id}已记录：发现问题，可按阶梯作出处理（屏幕上打开检查或许可证按 s，命令行 sanction add）。"
            )
        }
        (Lang::En, true) => format!("Inspection {id} recorded: passed."),
        (Lang::En, false) => format!(
            "Inspection {id} recorded: failed items; the ladder's next step can follow (s on the inspection or licence; sanction add)."
        ),
    }
}

pub fn sanction_needs_reason(lang: Lang) -> &'static str {
    lang.pick("请写明处理理由。", "Give the reason.")
}

pub fn deadline_in_past(lang: Lang) -> &'static str {
    lang.pick("整改期限须晚于今天。", "The deadline must be after today.")
}

pub fn ladder_refusal(
    lang: Lang,
    kind: crate::domain::LicenceKind,
    r: &crate::domain::ladder::LadderRefusal,
) -> String {
    use crate::domain::ladder::{LadderRefusal, ladder};
    let rungs = ladder(kind)
        .iter()
        .map(|s| s.code())
        .collect::<Vec<_>>()
        .join(" → ");
    match (lang, r) {
        (Lang::Zh, LadderRefusal::NotOnLadder) => format!("此类许可的处理阶梯为：{rungs}"),
        (Lang::En, LadderRefusal::NotOnLadder) => format!("This kind's ladder is: {rungs}"),
        (Lang::Zh, LadderRefusal::AtTheTop) => "许可已吊销或协议已解除，不能再作处理。".into(),
        (Lang::En, LadderRefusal::AtTheTop) => {
            "The licence is revoked or the agreement terminated: nothing follows.".into()
        }        (Lang::Zh, LadderRefusal::NeedsUntil) => {
            "请用 --until 给出期限（限期整改、中止协议须有期限），且须晚于处理之日。".into()
        }
        (Lang::En, LadderRefusal::NeedsUntil) => {
            "Give the last day with --until (a rectification and an agreement's suspension need one); it must be after the step's day.".into()
        }
        (Lang::Zh, LadderRefusal::SuspensionTooLong) => {
            "中止协议最长180日，期满须恢复或解除协议。".into()
        }
        (Lang::En, LadderRefusal::SuspensionTooLong) => {
            "An agreement is suspended for at most 180 days, then lifted or terminated.".into()
        }
        (Lang::Zh, LadderRefusal::NotSuspended) => "该许可当前未被暂停，无需恢复。".into(),
        (Lang::En, LadderRefusal::NotSuspended) => {
            "The licence is not suspended: there is nothing to lift.".into()
        }
    }
}

pub fn sanction_taken(lang: Lang, step: crate::domain::ladder::Step, forced: bool) -> String {
    let mut s = match lang {
        Lang::Zh => format!("已记录：{}。", step.label(lang)),
        Lang::En => format!("Recorded: {}.", step.label(lang)),
    };
    if forced {
        s.push_str(lang.pick(
            "本协议期内已中止协议两次，须解除协议。",
            " The agreement was suspended twice in this term: it must now be terminated.",
        ));
    }
    s
}

pub fn bad_item(lang: Lang, s: &str) -> String {
    let s = super::printable(s);
    match lang {
        Lang::Zh => format!("“{s}”应写作 项目=passed、项目=na 或 项目=failed:发现的问题。"),
        Lang::En => format!("\"{s}\" should read ITEM=passed, ITEM=na or ITEM=failed:finding."),
    }
}

pub fn unknown_step(lang: Lang, s: &str) -> String {
    let s = super::printable(s);
    match lang {
        Lang::Zh => format!("没有“{s}”这一处理步骤。"),
        Lang::En => format!("There is no step \"{s}\"."),
    }
}

pub fn bad_settlement_line(lang: Lang, n: usize, line: &str) -> String {
    let line = super::printable(line);
    match lang {
        Lang::Zh => format!(
            "第{n}行“{line}”无法识别：应为 许可证号,年月(YYYYMM),就诊人次,门诊费用(元),服务人数。未导入任何数据。"
        ),
        Lang::En => format!(
            "Line {n} \"{line}\" cannot be read: licence number, YYYYMM, visits, outpatient cost (yuan), persons. Nothing was imported."
        ),
    }
}

pub fn unknown_agreement(lang: Lang, n: usize, number: &str) -> String {
    let number = super::printable(number);
    match lang {
        Lang::Zh => format!("第{n}行：没有许可证号为{number}的协议机构。未导入任何数据。"),
        Lang::En => format!(
            "Line {n}: no agreement institution has the number {number}. Nothing was imported."
        ),
    }
}

pub fn settlement_flag(lang: Lang, number: &str, f: &crate::domain::settlement::Flag) -> String {
    use crate::domain::settlement::Rule;
    let number = super::printable(number);
    let m = f.month;
    match (lang, &f.rule) {
        (
            Lang::Zh,
            Rule::CostPerVisit {
                cost_per_visit,
                zone_median,
            },
        ) => format!(
            "{number} {m}：次均费用{}元，高于片区中位数{}元的2倍",
            super::yuan(*cost_per_visit),
            super::yuan(*zone_median)
        ),
        (
            Lang::En,
            Rule::CostPerVisit {
                cost_per_visit,
                zone_median,
            },
        ) => format!(
            "{number} {m}: cost per visit {} yuan, over twice the zone median of {} yuan",
            super::yuan(*cost_per_visit),
            super::yuan(*zone_median)
        ),
        (Lang::Zh, Rule::VisitsPerPerson { visits, persons }) => {
            format!("{number} {m}：{persons}人就诊{visits}人次，人均次数异常")
        }
        (Lang::En, Rule::VisitsPerPerson { visits, persons }) => {
            format!("{number} {m}: {visits} visits by {persons} persons, abnormally many each")
        }
        (Lang::Zh, Rule::Jump { cost, own_mean }) => format!(
            "{number} {m}：门诊费用{}元，为此前月均{}元的2.5倍以上",
            super::yuan(*cost),
            super::yuan(*own_mean)
        ),
        (Lang::En, Rule::Jump { cost, own_mean }) => format!(
            "{number} {m}: outpatient cost {} yuan, over 2.5 times its earlier monthly mean of {} yuan",
            super::yuan(*cost),
            super::yuan(*own_mean)
        ),
    }
}

pub fn audit_done(lang: Lang, flags: usize, new: u64) -> String {
    match lang {
        Lang::Zh => format!("发现{flags}处异常，新建审核任务{new}项。"),
        Lang::En => format!("{flags} flags; {new} new audit tasks."),
    }
}

pub fn inspection_queue_head(lang: Lang, inspections: usize, tasks: usize) -> String {
    match lang {
        Lang::Zh => format!("检查队列：待检查{inspections}项，审核任务{tasks}项"),
        Lang::En => {
            format!("Inspection queue: {inspections} pending inspections, {tasks} open audit tasks")
        }
    }
}

/// The queue's tag of an entry: an inspection or an audit task.
pub fn queue_source(lang: Lang, audit: bool) -> &'static str {
    match (lang, audit) {
        (Lang::Zh, false) => "检查",
        (Lang::Zh, true) => "审核",
        (Lang::En, false) => "inspection",
        (Lang::En, true) => "audit",
    }
}

pub fn settlements_imported(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("已导入{n}个月度结算数据。"),
        Lang::En => format!("{n} monthly figures imported."),
    }
}

pub fn no_settlement_rows(lang: Lang) -> &'static str {
    lang.pick("文件中没有结算数据。", "The file holds no figures.")
}

pub fn annual_recorded(
    lang: Lang,
    licence: i64,
    year: i64,
    result: Option<bool>,
    no_enrolment: bool,
) -> String {
    let mut s = match (lang, result) {
        (Lang::Zh, None) => format!("许可{licence}的{year}年度报告已收到。"),
        (Lang::En, None) => format!("Licence {licence}: the {year} report received."),
        (Lang::Zh, Some(true)) => format!("许可{licence}的{year}年度检查：合格。"),
        (Lang::En, Some(true)) => format!("Licence {licence}, {year} annual inspection: passed."),
        (Lang::Zh, Some(false)) => format!("许可{licence}的{year}年度检查：不合格。"),
        (Lang::En, Some(false)) => format!("Licence {licence}, {year} annual inspection: failed."),
    };
    if no_enrolment {
        s.push_str(&match lang {
            Lang::Zh => format!(
                "复查合格前不得招生；由科室负责人责令限期整改（sanction add {licence} rectify --until 日期），期满复查。"
            ),
            Lang::En => format!(
                " No enrolment until a re-check passes; the section chief orders it rectified by a day (sanction add {licence} rectify --until DAY), then it is re-checked."
            ),
        });
    }
    s
}

/// A school re-checked after its rectification and still failing: what the
/// law lets follow, by the penalty procedure (民办教育促进法 art 62).
pub fn recheck_failed(lang: Lang, licence: i64, inspection: i64) -> String {
    match lang {
        Lang::Zh => format!(
            "整改后复查仍不合格：可依民办教育促进法第六十二条责令停止招生或吊销办学许可证，按处罚程序办理（sanction add {licence} revoke --source annual-review --from-inspection {inspection}）。"
        ),
        Lang::En => format!(
            " Still failing when re-checked after its rectification: enrolment may be stopped or the licence revoked under art 62 of the Private Education Promotion Law, by the penalty procedure (sanction add {licence} revoke --source annual-review --from-inspection {inspection})."
        ),
    }
}

pub fn annual_counts(
    lang: Lang,
    year: i64,
    received: usize,
    late: usize,
    missing: usize,
    not_due: usize,
) -> String {
    match lang {
        Lang::Zh => {
            format!("{year}年度报告：按时{received}，逾期{late}，未报{missing}，未到期{not_due}")
        }
        Lang::En => format!(
            "{year} reports: {received} received, {late} late, {missing} missing, {not_due} not yet due"
        ),
    }
}

pub fn bad_outcome(lang: Lang, s: &str) -> String {
    let s = super::printable(s);
    match lang {
        Lang::Zh => format!("“{s}”不是检查结果：passed（合格）或 failed（不合格）。"),
        Lang::En => format!("\"{s}\" is not a result: passed or failed."),
    }
}

pub fn annual_sample(lang: Lang, seed: u64, k: usize, n: usize, share: u32) -> String {
    let pct = f64::from(share) / 10.0;
    match lang {
        Lang::Zh => format!("随机种子{seed}：从{n}所培训学校中抽取{k}所实地检查（不低于{pct}%）"),
        Lang::En => {
            format!("Seed {seed}: {k} of {n} training schools visited on site (at least {pct} %)")
        }
    }
}

/// A penalty step opened as a case: what must follow before it takes effect.
pub fn penalty_case_opened(
    lang: Lang,
    step: crate::domain::ladder::Step,
    number: &str,
    id: i64,
) -> String {
    let hearing = step
        .decision_kind()
        .is_some_and(crate::domain::DecisionKind::on_the_licence);
    match lang {
        // Short enough for the status line: the number is in the case.
        Lang::Zh => format!(
            "{}为行政处罚，已立案（案件 {id}）：经告知{}、决定、送达后生效。",
            step.label(lang),
            if hearing { "、听证" } else { "" }
        ),
        Lang::En => format!(
            "\"{}\" is an administrative penalty: case {number} (id {id}) is opened. It takes effect once a prior notice (statement and defence{}), a decision and its service are done.",
            step.label(lang),
            if hearing { ", a hearing" } else { "" }
        ),
    }
}

pub fn hold_lifted_by_recheck(lang: Lang) -> &'static str {
    lang.pick(
        "复查合格，停止招生已解除，许可恢复有效。",
        " The re-check passed: the stop on enrolment is lifted and the licence is valid again.",
    )
}

pub fn not_an_hr_agency_in_force(lang: Lang, licence: i64) -> String {
    match lang {
        Lang::Zh => format!(
            "许可{licence}不是有效的人力资源服务许可，年度报告的责令改正只适用于人力资源服务机构。"
        ),
        Lang::En => format!(
            "Licence {licence} is not an HR service licence in force: the annual report's order applies to HR agencies."
        ),
    }
}

pub fn annual_chain_refusal(
    lang: Lang,
    year: i64,
    chain: crate::domain::annual::ReportChain,
) -> String {
    use crate::domain::annual::ReportChain::*;
    match (lang, chain) {
        (Lang::Zh, NothingToOrder) => {
            format!("{year}年度报告已报送或尚未到截止日，无需责令改正或处罚。")
        }
        (Lang::En, NothingToOrder) => {
            format!("The {year} report was filed or is not yet due: nothing to order or fine.")
        }
        (Lang::Zh, MayOrder) => format!(
            "{year}年度报告尚未责令改正：须先责令限期报送（annual order），逾期仍未报送方可处罚。"
        ),
        (Lang::En, MayOrder) => format!(
            "The {year} report was not yet ordered filed: order it first (annual order); a fine follows only if the order is not met."
        ),
        (Lang::Zh, Ordered(d)) => format!("{year}年度报告已责令于{d}前报送，期限未满。"),
        (Lang::En, Ordered(d)) => {
            format!("The {year} report is ordered filed by {d}; that day has not passed.")
        }
        (Lang::Zh, OrderUnmet(d)) => format!(
            "{year}年度报告已责令于{d}前报送且逾期未改正，不能再次责令，可处罚款（annual fine）。"
        ),
        (Lang::En, OrderUnmet(d)) => format!(
            "The {year} report was ordered filed by {d} and was not: no second order; the fine may follow (annual fine)."
        ),
    }
}

pub fn annual_ordered(lang: Lang, year: i64, until: chrono::NaiveDate) -> String {
    match lang {
        Lang::Zh => format!(
            "已责令于{until}前报送{year}年度报告（限期整改）；逾期仍未报送的，可处5000元以上1万元以下罚款。"
        ),
        Lang::En => format!(
            "Ordered to file the {year} report by {until}; if it is still not filed, a fine of 5,000–10,000 yuan may follow."
        ),
    }
}

/// What the chain adds to a late or missing report's line.
pub fn report_chain_note(lang: Lang, chain: crate::domain::annual::ReportChain) -> String {
    use crate::domain::annual::ReportChain::*;
    match (lang, chain) {
        (_, NothingToOrder) => String::new(),
        (Lang::Zh, MayOrder) => "\t可责令限期报送".into(),
        (Lang::En, MayOrder) => "\tmay be ordered filed".into(),
        (Lang::Zh, Ordered(d)) => format!("\t已责令于{d}前报送"),
        (Lang::En, Ordered(d)) => format!("\tordered filed by {d}"),
        (Lang::Zh, OrderUnmet(d)) => format!("\t责令于{d}前报送，逾期未改正：可处罚款"),
        (Lang::En, OrderUnmet(d)) => format!("\tordered filed by {d}, not met: a fine may follow"),
    }
}

pub fn bad_setting(lang: Lang, key: &str) -> String {
    let key = super::printable(key);
    match lang {
        Lang::Zh => format!(
            "没有设置“{key}”，或值、依据为空、过长（200字以内）或含控制字符（用 config office 查看全部设置）。"
        ),
        Lang::En => format!(
            "There is no setting \"{key}\", or its value or source is empty, too long (200 characters) or holds control characters (config office lists them)."
        ),
    }
}

/// A numeric setting given a value outside its range.
pub fn setting_out_of_range(lang: Lang, key: &str, value: &str, min: i64, max: i64) -> String {
    let (key, value) = (super::printable(key), super::printable(value));
    match lang {
        Lang::Zh => format!("“{key}”须为{min}至{max}之间的整数，“{value}”不是。"),
        Lang::En => {
            format!("\"{key}\" takes a whole number from {min} to {max}; \"{value}\" is not one.")
        }
    }
}

pub fn setting_set(lang: Lang, key: &str, value: &str) -> String {
    let (key, value) = (super::printable(key), super::printable(value));
    match lang {
        Lang::Zh => format!("已将{key}设为{value}。"),
        Lang::En => format!("{key} is now {value}."),
    }
}

pub fn bad_requirement(lang: Lang) -> &'static str {
    lang.pick(
        "应写作 config require 申报种类 材料代码 yes|no --source 依据；新增材料还须 --name-zh 与 --name-en（代码为小写字母、数字和连字符，各项200字以内）。",
        "Write config require KIND MATERIAL yes|no --source TEXT; a new material also needs --name-zh and --name-en (codes in lower-case letters, digits and hyphens; each text within 200 characters).",
    )
}

pub fn requirement_set(lang: Lang, kind: &str, material: &str, required: bool) -> String {
    let (kind, material) = (super::printable(kind), super::printable(material));
    match (lang, required) {
        (Lang::Zh, true) => format!("{kind}的材料{material}已设为必交。"),
        (Lang::Zh, false) => format!("{kind}的材料{material}已设为非必交。"),
        (Lang::En, true) => format!("{kind}: {material} is now required."),
        (Lang::En, false) => format!("{kind}: {material} is now optional."),
    }
}

pub fn annual_report_written(lang: Lang, year: i64, path: &str) -> String {
    let path = super::printable(path);
    match lang {
        Lang::Zh => format!("{year}年度检查结果报告已写出：{path}"),
        Lang::En => format!("The {year} annual results report is written to {path}"),
    }
}
