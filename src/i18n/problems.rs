//! The problems of a filing as sentences a clerk can read aloud to the
//! applicant, in each language.

use super::{Lang, yuan};

/// A problem of a filing as a sentence the clerk can read to the applicant;
/// `material` names a material by its code in the current language.
// Long because it is a table: one arm per problem, both languages side by
// side, so each problem's words are found (and checked) in one place.
pub fn problem(
    lang: Lang,
    p: &crate::domain::review::Problem,
    material: &dyn Fn(&str) -> String,
) -> String {
    use crate::domain::review::Problem::*;
    match (lang, p) {
        (Lang::Zh, MissingMaterial(m)) => format!("缺少材料：{}，请补交。", material(m)),
        (Lang::En, MissingMaterial(m)) => {
            format!("Missing material: {}; please provide it.", material(m))
        }
        (Lang::Zh, InvalidMaterial(m)) => format!("材料“{}”无效，请重新提供。", material(m)),
        (Lang::En, InvalidMaterial(m)) => format!(
            "The material \"{}\" is not valid; please provide it again.",
            material(m)
        ),
        (Lang::Zh, BadIdNumber(id)) => format!("公民身份号码 {id} 校验不通过，请核对。"),
        (Lang::En, BadIdNumber(id)) => {
            format!("The resident ID number {id} fails its check; please verify it.")
        }
        (Lang::Zh, BadUscc(u)) => format!("统一社会信用代码 {u} 校验不通过，请核对。"),
        (Lang::En, BadUscc(u)) => format!("The credit code {u} fails its check; please verify it."),
        (Lang::Zh, NoEmployer) => "参保单位不在登记名册中。".to_string(),
        (Lang::En, NoEmployer) => "The employer is not on the register.".to_string(),
        (Lang::Zh, EmployerInactive) => "参保单位不是正常参保状态。".to_string(),
        (Lang::En, EmployerInactive) => "The employer is not actively enrolled.".to_string(),
        (Lang::Zh, NoPerson) => "申报的公民身份号码不在参保人员登记中，请核对。".to_string(),
        (Lang::En, NoPerson) => {
            "The ID number declared is not on the register of insured persons; please verify it."
                .to_string()
        }
        (Lang::Zh, EmployerHasInsured { count }) => {
            format!("单位仍有{count}名在职参保人员，须先为其办理中断或转移。")
        }
        (Lang::En, EmployerHasInsured { count }) => format!(
            "{count} persons are still insured with the employer: suspend or transfer them first."
        ),
        (Lang::Zh, AlreadyEnrolled) => "此人已在其他单位正常参保，请先办理中断或转移。".to_string(),
        (Lang::En, AlreadyEnrolled) => {
            "This person is actively enrolled with another employer: suspend or transfer first."
                .to_string()
        }
        (Lang::Zh, LateRegistration { days }) => {
            format!("入职{days}天后才申报，超过30天的登记期限。")
        }
        (Lang::En, LateRegistration { days }) => {
            format!("Declared {days} days after hire, past the 30-day limit.")
        }
        (Lang::Zh, PersonNotActive) => "此人当前不是参保缴费状态，无法中断。".to_string(),
        (Lang::En, PersonNotActive) => {
            "This person is not actively enrolled, so cannot be suspended.".to_string()
        }
        (Lang::Zh, NoReason) => "请填写原因。".to_string(),
        (Lang::En, NoReason) => "Please state the reason.".to_string(),
        (
            Lang::Zh,
            EffectiveBeforeLastPaid {
                effective,
                last_paid,
            },
        ) => {
            format!("中断日期{effective}早于最后缴费月{last_paid}。")
        }
        (
            Lang::En,
            EffectiveBeforeLastPaid {
                effective,
                last_paid,
            },
        ) => {
            format!("The effective date {effective} is before the last paid month {last_paid}.")
        }
        (Lang::Zh, BadCancelReason(r)) => {
            format!("注销原因“{r}”不在规定范围（死亡、出国定居、退休、重复登记、参加其他保险）。")
        }
        (Lang::En, BadCancelReason(r)) => format!(
            "\"{r}\" is not an allowed reason (death, emigration, retirement, duplicate, other insurance)."
        ),
        (Lang::Zh, EmployerArrears { fen }) => {
            format!("单位尚欠缴{}元，须先结清欠费。", yuan(*fen))
        }
        (Lang::En, EmployerArrears { fen }) => format!(
            "The employer still owes {} yuan; arrears must be cleared first.",
            yuan(*fen)
        ),
        (Lang::Zh, NoRegions) => "请填写转出地和转入地。".to_string(),
        (Lang::En, NoRegions) => "Please give the regions transferred from and to.".to_string(),
        (Lang::Zh, NoTransferPeriods) => "请填写转移的缴费期间。".to_string(),
        (Lang::En, NoTransferPeriods) => {
            "Please give the contribution periods being transferred.".to_string()
        }
        (Lang::Zh, NoChangedField) => "请写明变更的项目。".to_string(),
        (Lang::En, NoChangedField) => "Please state which detail changes.".to_string(),
        (Lang::Zh, BadNewIdNumber) => "变更后的公民身份号码校验不通过。".to_string(),
        (Lang::En, BadNewIdNumber) => "The new resident ID number fails its check.".to_string(),
        (Lang::Zh, BaseBelowBand { base, floor }) => format!(
            "缴费基数{}元低于下限{}元（上年度社平工资的60%）。",
            yuan(*base),
            yuan(*floor)
        ),
        (Lang::En, BaseBelowBand { base, floor }) => format!(
            "The base of {} yuan is below the floor of {} yuan (60 % of the average wage).",
            yuan(*base),
            yuan(*floor)
        ),
        (Lang::Zh, BaseAboveBand { base, ceiling }) => format!(
            "缴费基数{}元高于上限{}元（上年度社平工资的300%）。",
            yuan(*base),
            yuan(*ceiling)
        ),
        (Lang::En, BaseAboveBand { base, ceiling }) => format!(
            "The base of {} yuan is above the ceiling of {} yuan (300 % of the average wage).",
            yuan(*base),
            yuan(*ceiling)
        ),
        (Lang::Zh, BaseBelowWage { base, wage }) => {
            format!("缴费基数{}元低于实际工资{}元。", yuan(*base), yuan(*wage))
        }
        (Lang::En, BaseBelowWage { base, wage }) => format!(
            "The base of {} yuan is below the actual wage of {} yuan.",
            yuan(*base),
            yuan(*wage)
        ),
        (Lang::Zh, NoAverageWage { year }) => {
            format!("尚未配置{year}年度的社平工资，无法核对基数。")
        }
        (Lang::En, NoAverageWage { year }) => {
            format!("No average wage is configured for {year}: the base cannot be checked.")
        }
        (Lang::Zh, BadAmount(k)) => format!("金额“{k}”不是有效数额。"),
        (Lang::En, BadAmount(k)) => format!("The amount \"{k}\" is not a valid figure."),
        (Lang::Zh, BadPeriod(t)) => {
            format!("缴费期间“{t}”无法识别，请按“2015-01 至 2018-06”填写。")
        }
        (Lang::En, BadPeriod(t)) => {
            format!("The period \"{t}\" cannot be read; write it as \"2015-01 至 2018-06\".")
        }
        (Lang::Zh, PeriodsOverlap { first, second }) => {
            format!("转移的缴费期间{first}与{second}重叠，同一月份只能缴费一次。")
        }
        (Lang::En, PeriodsOverlap { first, second }) => {
            format!("The periods {first} and {second} overlap: a month is paid only once.")
        }
        (Lang::Zh, PeriodPaidHere { period, paid }) => {
            format!("转移的缴费期间{period}与本地已缴费期间{paid}重叠。")
        }
        (Lang::En, PeriodPaidHere { period, paid }) => {
            format!("The period {period} overlaps the months already paid here ({paid}).")
        }
        (Lang::Zh, UnknownField(f)) => {
            format!("变更项目“{f}”不能在此办理（可变更：姓名、电话、银行账号、公民身份号码）。")
        }
        (Lang::En, UnknownField(f)) => {
            format!("\"{f}\" cannot be changed here (name, phone, bank account or ID number can).")
        }
        (Lang::Zh, NoNewValue) => "请填写变更后的内容。".to_string(),
        (Lang::En, NoNewValue) => "Please give the new value.".to_string(),
        (Lang::Zh, ChangeNeedsProof(f)) => format!(
            "变更{}须提交变更证明材料（如户籍证明、公安机关出具的证明）。",
            if f == "name" {
                "姓名"
            } else {
                "公民身份号码"
            }
        ),
        (Lang::En, ChangeNeedsProof(f)) => format!(
            "Changing the {} needs the supporting document (e.g. a household register certificate).",
            if f == "name" { "name" } else { "ID number" }
        ),
        (Lang::Zh, PersonNotRetired) => "此人不是退休状态，不能核定退休人员计发基数。".to_string(),
        (Lang::En, PersonNotRetired) => {
            "This person is not retired: a pension base does not apply.".to_string()
        }
        (Lang::Zh, NoRetirementYear) => "请填写退休年度。".to_string(),
        (Lang::En, NoRetirementYear) => "Please give the year of retirement.".to_string(),
        (Lang::Zh, NoPensionFigure { year }) => {
            format!("尚未配置{year}年度公布的计发基数，无法核对。")
        }
        (Lang::En, NoPensionFigure { year }) => {
            format!("No published pension base is configured for {year}: it cannot be checked.")
        }
        (
            Lang::Zh,
            PensionBaseMismatch {
                base,
                published,
                year,
            },
        ) => format!(
            "计发基数{}元与{year}年度公布的{}元不一致。",
            yuan(*base),
            yuan(*published)
        ),
        (
            Lang::En,
            PensionBaseMismatch {
                base,
                published,
                year,
            },
        ) => format!(
            "The pension base of {} yuan differs from the {} yuan published for {year}.",
            yuan(*base),
            yuan(*published)
        ),
        (Lang::Zh, NoDeclaredPersons) => "申报表未列出任何人员及其基数。".to_string(),
        (Lang::En, NoDeclaredPersons) => "The declaration lists no person and no base.".to_string(),
        (Lang::Zh, NotInsuredHere) => "此人不在本单位参保名册中。".to_string(),
        (Lang::En, NotInsuredHere) => "This person is not insured with this employer.".to_string(),
        (Lang::Zh, ListedTwice) => "此人在申报表中重复列出。".to_string(),
        (Lang::En, ListedTwice) => "This person is listed twice.".to_string(),
        (
            Lang::Zh,
            StatementMismatch {
                declared,
                statement,
            },
        ) => format!(
            "申报工资总额（月工资合计×12）{}元与年度财务报表工资总额{}元不符（相差超过1%）。",
            yuan(*declared),
            yuan(*statement)
        ),
        (
            Lang::En,
            StatementMismatch {
                declared,
                statement,
            },
        ) => format!(
            "The declared wage total (monthly wages × 12) of {} yuan differs from the {} yuan of the annual financial statement by more than 1 %.",
            yuan(*declared),
            yuan(*statement)
        ),
        (Lang::Zh, EmployerRegistered) => {
            "参保单位名册中已有该统一社会信用代码的单位，不能重复登记。".to_string()
        }
        (Lang::En, EmployerRegistered) => {
            "The register already has an employer with this credit code: it cannot register twice."
                .to_string()
        }
        (Lang::Zh, NoEmployerName) => "参保单位登记未填写单位名称。".to_string(),
        (Lang::En, NoEmployerName) => "The employer's registration gives no name.".to_string(),
        (
            Lang::Zh,
            InRow {
                row,
                person,
                problem,
            },
        ) => {
            format!(
                "第{row}行（{person}）：{}",
                self::problem(lang, problem, material)
            )
        }
        (
            Lang::En,
            InRow {
                row,
                person,
                problem,
            },
        ) => {
            format!(
                "Row {row} ({person}): {}",
                self::problem(lang, problem, material)
            )
        }
    }
}

/// A problem code's short name, for the queue's filter by problem.
pub fn problem_label(lang: Lang, code: &str) -> String {
    let (zh, en) = match code {
        "material-missing" => ("缺少材料", "material missing"),
        "material-invalid" => ("材料无效", "material not valid"),
        "id-number-invalid" => ("身份号码校验不通过", "ID number fails its check"),
        "uscc-invalid" => ("信用代码校验不通过", "credit code fails its check"),
        "employer-unknown" => ("单位未登记", "employer not registered"),
        "employer-inactive" => ("单位非正常参保", "employer not active"),
        "person-unknown" => ("人员未登记", "person not on the register"),
        "employer-has-insured" => ("单位仍有参保人员", "employer still has insured persons"),
        "already-enrolled" => ("已在他单位参保", "enrolled elsewhere"),
        "registration-late" => ("超过30天登记", "registered late"),
        "person-not-active" => ("人员非参保状态", "person not active"),
        "reason-missing" => ("未填原因", "reason missing"),
        "effective-before-last-paid" => ("中断日期早于最后缴费月", "effective before last paid"),
        "cancel-reason-invalid" => ("注销原因不在范围", "cancellation reason not allowed"),
        "employer-arrears" => ("单位欠费", "employer in arrears"),
        "regions-missing" => ("未填转出转入地", "regions missing"),
        "periods-missing" => ("未填缴费期间", "periods missing"),
        "period-invalid" => ("缴费期间无法识别", "period unreadable"),
        "periods-overlap" => ("缴费期间重叠", "periods overlap"),
        "period-paid-here" => ("与本地缴费期间重叠", "period already paid here"),
        "changed-field-missing" => ("未写变更项目", "changed field missing"),
        "changed-field-unknown" => ("变更项目不可办理", "field cannot be changed"),
        "new-value-missing" => ("未填变更后内容", "new value missing"),
        "change-proof-missing" => ("缺变更证明", "proof of change missing"),
        "new-id-number-invalid" => ("新身份号码校验不通过", "new ID number fails"),
        "base-below-band" => ("基数低于下限", "base below the band"),
        "base-above-band" => ("基数高于上限", "base above the band"),
        "base-below-wage" => ("基数低于实际工资", "base below the wage"),
        "average-wage-missing" => ("未配置社平工资", "average wage not configured"),
        "amount-invalid" => ("金额无效", "amount not valid"),
        "person-not-retired" => ("人员非退休状态", "person not retired"),
        "retirement-year-missing" => ("未填退休年度", "retirement year missing"),
        "pension-figure-missing" => ("未配置计发基数", "pension figure not configured"),
        "pension-base-mismatch" => ("计发基数不符", "pension base differs"),
        "persons-missing" => ("申报表无人员", "no persons declared"),
        "person-not-insured-here" => ("人员不在本单位", "person not insured here"),
        "person-listed-twice" => ("人员重复列出", "person listed twice"),
        "statement-mismatch" => ("与财务报表不符", "differs from the statement"),
        "employer-registered" => ("单位已登记", "employer registered already"),
        "employer-name-missing" => ("未填单位名称", "employer name missing"),
        other => return other.to_string(),
    };
    lang.pick(zh, en).to_string()
}

pub fn problems_title(lang: Lang) -> &'static str {
    lang.pick(
        "按问题筛选（上下键选择 · Enter 选定 · Esc 关闭）",
        "Filter by problem (Up/Down, Enter chooses, Esc closes)",
    )
}

pub fn problems_any(lang: Lang) -> &'static str {
    lang.pick("全部申报（不按问题）", "All filings (no problem filter)")
}

pub fn problems_count(lang: Lang, n: i64) -> String {
    match lang {
        Lang::Zh => format!("{n}件"),
        Lang::En if n == 1 => "1 filing".to_string(),
        Lang::En => format!("{n} filings"),
    }
}

pub fn problems_not_ready(lang: Lang) -> &'static str {
    lang.pick(
        "正在核查全部待审申报，稍后再按问题筛选。",
        "Still checking every pending filing; filter by problem in a moment.",
    )
}

pub fn problems_none(lang: Lang) -> &'static str {
    lang.pick(
        "待审申报均未发现问题。",
        "The checks found no problem in any pending filing.",
    )
}

pub fn problem_scope(lang: Lang, code: &str) -> String {
    format!(
        "{}{}",
        lang.pick("问题：", "problem: "),
        problem_label(lang, code)
    )
}

pub fn tag_range_needs_anchor(lang: Lang) -> &'static str {
    lang.pick(
        "先用空格标记一条申报作为起点，再按 V 标记到此处。",
        "Tag a first filing with Space, then V tags every filing up to here.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::review::Problem;

    #[test]
    fn every_problem_code_has_a_short_name_in_both_languages() {
        for code in Problem::CODES {
            assert_ne!(problem_label(Lang::Zh, code), *code, "{code}");
            assert_ne!(problem_label(Lang::En, code), *code, "{code}");
        }
    }
}
