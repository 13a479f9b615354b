//! The screen's own words that name the screen's own things (its actions,
//! its queue's scopes, its keymap's problems): kept with the screen, so the
//! messages (`i18n`) never depend on it.

use super::action::Action;
use crate::lang::Lang;

pub fn action_label(a: Action, lang: Lang) -> &'static str {
    use Action::*;
    let (zh, en) = match a {
        Quit => ("退出", "Quit"),
        Help => ("帮助：本页按键", "Help: keys of this pane"),
        Palette => ("命令面板", "Command palette"),
        Filter => ("筛选", "Filter"),
        NextPane => ("下一面板", "Next pane"),
        PrevPane => ("上一面板", "Previous pane"),
        Pane1 => ("参保审核", "Enrollment review"),
        Pane2 => ("许可查询", "Licence lookup"),
        Pane3 => ("案件队列", "Case queue"),
        Pane4 => ("监督检查", "Supervision"),
        Pane5 => ("参保人员", "Insured persons"),
        Pane6 => ("统计", "Dashboard"),
        Up => ("上移", "Up"),
        Down => ("下移", "Down"),
        PageUp => ("上一页", "Page up"),
        PageDown => ("下一页", "Page down"),
        Top => ("到第一条", "First row"),
        Bottom => ("到最后一条", "Last row"),
        Open => ("查看详情", "Open the record"),
        Back => ("返回 / 清除筛选", "Back / clear filter"),
        Refresh => ("刷新", "Refresh"),
        Repaint => ("重绘屏幕", "Repaint the screen"),
        Language => ("切换中文 / English", "Switch English / 中文"),
        KeymapView => ("键位与键位文件问题", "Keymap and its problems"),
        Approve => ("办结", "Approve"),
        Return => ("退回更正", "Return for correction"),
        Tag => ("标记 / 取消标记", "Tag / untag"),
        TagClean => ("标记全部无问题的申报", "Tag every filing without problems"),
        Reveal => (
            "查看完整个人信息（须说明理由，留痕）",
            "Reveal personal data (reason asked, audited)",
        ),
        Scope => (
            "范围 / 视图（参保审核：逐个切换；案件：选择视图）",
            "Scope / view (filings: step through; cases: choose a view)",
        ),
        ProblemFilter => ("按问题筛选", "Filter by problem"),
        CaseMove => ("办理案件的下一步", "Take a step of the case"),
        Assign => ("指派承办人和监察员", "Assign the officer and inspectors"),
        NewComplaint => ("登记投诉", "Register a complaint"),
        ReceiveFiling => ("收件登记", "Receive a filing"),
        AddEvidence => ("登记证据（案件）", "Add evidence (a case)"),
        Export => ("导出已标记的案件（CSV）", "Export the tagged cases (CSV)"),
        SaveView => ("保存当前视图", "Save the current view"),
        SortCases => (
            "排序：期限 → 案号 → 被投诉单位 → 阶段 → 承办人",
            "Sort: deadline → number → respondent → stage → officer",
        ),
        TagRange => (
            "标记从上次标记处到光标处的全部申报",
            "Tag every filing from the last tagged one to here",
        ),
        NextSection => ("下一栏（监督检查）", "Next section (supervision)"),
        PrevSection => ("上一栏（监督检查）", "Previous section (supervision)"),
        RecordInspection => ("逐项记录检查结果", "Record an inspection item by item"),
        SanctionStep => (
            "按阶梯作出处理措施（许可证）",
            "Take a ladder step (a licence)",
        ),
        AddLead => ("登记线索（许可证）", "Record a lead (a licence)"),
        PrintDocument => (
            "出具文书（.docx，或送打印机）",
            "Print the record's document (.docx, or on the printer)",
        ),
        ImportFile => (
            "导入名册（CSV 或 .xlsx）",
            "Import a register (CSV or .xlsx)",
        ),
        ExportView => (
            "导出当前列表（.xlsx，存于主目录）",
            "Export this list (.xlsx, in your home folder)",
        ),
        UntagAll => ("取消全部标记", "Untag all"),
        OpenParty => (
            "打开申报的参保人员（或参保单位）",
            "Open the filing's person (or employer)",
        ),
        NewRecord => (
            "新建：抽查、专项行动或监察组（监督检查）",
            "Set up a draw, a campaign or a team (supervision)",
        ),
        GroupInspections => (
            "将检查归入所选专项行动（监督检查）",
            "Take inspections into the campaign selected (supervision)",
        ),
        Message => ("消息全文（最近一条）", "The whole message (the last one)"),
        Submit => ("提交（表单）", "Submit (a form)"),
        NextField => ("下一项（表单）", "Next field (a form)"),
        PrevField => ("上一项（表单）", "Previous field (a form)"),
        PassRest => (
            "未填的检查项目一律记为合格（检查表单）",
            "Pass every item not yet filled in (an inspection form)",
        ),
    };
    lang.pick(zh, en)
}

/// The title of help asked from an overlay.
pub fn layer_help_title(lang: Lang) -> &'static str {
    lang.pick(
        " 帮助：此处按键（Esc 关闭） ",
        " Help: keys here (Esc closes) ",
    )
}

/// Keys of an overlay that no keymap changes: Ctrl-C everywhere; where
/// text is typed, the typed keys; in a form, its choices.
pub fn layer_fixed_keys(lang: Lang, text: bool, form: bool) -> Vec<(&'static str, &'static str)> {
    let mut keys = vec![(
        "Ctrl-C",
        lang.pick(
            "关闭（同 Esc，不可改键）",
            "Close (as Esc; cannot be rebound)",
        ),
    )];
    if text {
        keys.push((
            lang.pick("文字键", "Letters"),
            lang.pick("输入文字；Backspace 删除", "Type; Backspace rubs out"),
        ));
    }
    if form {
        keys.push((
            "← →",
            lang.pick(
                "切换选项（单选、检查项目）",
                "Turn a choice (one-of, an item)",
            ),
        ));
        keys.push((
            "Space",
            lang.pick(
                "勾选 / 取消（多选、是否）",
                "Tick / untick (many-of, yes/no)",
            ),
        ));
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_is_named_in_both_languages() {
        for a in Action::ALL {
            let (zh, en) = (action_label(*a, Lang::Zh), action_label(*a, Lang::En));
            assert!(!zh.is_empty() && !en.is_empty() && zh != en, "{a:?}");
        }
    }
}
