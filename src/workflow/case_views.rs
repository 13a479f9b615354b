//! The case queue's views, for the screen's chooser (`f`) and `hrss-desk
//! cases list --view`: one list, so the command line offers what the
//! screen does, and each view's narrowing of the queue in the store.

use crate::domain::{CaseStage, InspectionMatter, WorkCalendar};
use crate::lang::Lang;
use crate::store::{CaseSort, QueueScope};
use chrono::{Days, NaiveDate};

/// Working days ahead that count as "due soon" in the case queue.
pub const CASE_DUE_SOON_WORKING_DAYS: u32 = 5;

/// What the case queue shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CaseView {
    #[default]
    All,
    Overdue,
    DueSoon,
    Unassigned,
    Mine,
    Stage(CaseStage),
    Matter(InspectionMatter),
}

impl CaseView {
    /// Every view, in the order the picker lists them.
    pub fn all() -> Vec<CaseView> {
        let mut v = vec![
            CaseView::All,
            CaseView::Overdue,
            CaseView::DueSoon,
            CaseView::Unassigned,
            CaseView::Mine,
        ];
        v.extend(
            CaseStage::ALL
                .iter()
                .filter(|s| **s != CaseStage::Closed)
                .map(|s| CaseView::Stage(*s)),
        );
        v.extend(InspectionMatter::ALL.iter().map(|m| CaseView::Matter(*m)));
        v
    }

    /// The view as a saved view stores it.
    pub fn code(self) -> String {
        match self {
            CaseView::All => "all".into(),
            CaseView::Overdue => "overdue".into(),
            CaseView::DueSoon => "due-soon".into(),
            CaseView::Unassigned => "unassigned".into(),
            CaseView::Mine => "mine".into(),
            CaseView::Stage(s) => format!("stage:{}", s.code()),
            CaseView::Matter(m) => format!("matter:{}", m.code()),
        }
    }

    pub fn parse(code: &str) -> Option<CaseView> {
        CaseView::all().into_iter().find(|v| v.code() == code)
    }

    pub fn label(self, lang: Lang) -> String {
        match self {
            CaseView::All => lang.pick("全部在办案件", "All open cases").into(),
            CaseView::Overdue => lang.pick("已超期", "Overdue").into(),
            CaseView::DueSoon => lang
                .pick("5个工作日内到期", "Due within 5 working days")
                .into(),
            CaseView::Unassigned => lang.pick("未指派监察员", "Without their inspectors").into(),
            CaseView::Mine => lang.pick("我承办或参与的", "Mine").into(),
            CaseView::Stage(s) => format!("{}{}", lang.pick("阶段：", "Stage: "), s.label(lang)),
            CaseView::Matter(m) => format!("{}{}", lang.pick("事项：", "Matter: "), m.label(lang)),
        }
    }
}

impl CaseView {
    /// The store's narrowing for this view on `today`, for staff member
    /// `staff_id` (mine), in `sort` order.
    pub fn scope(
        self,
        cal: &WorkCalendar,
        today: NaiveDate,
        staff_id: i64,
        sort: CaseSort,
    ) -> QueueScope {
        let mut s = QueueScope {
            case_sort: sort,
            ..QueueScope::default()
        };
        match self {
            CaseView::All => {}
            CaseView::Overdue => s.due_by = today.checked_sub_days(Days::new(1)),
            // Due soon and not yet overdue: the overdue have their own view.
            CaseView::DueSoon => {
                s.due_by = Some(cal.add_working_days(today, CASE_DUE_SOON_WORKING_DAYS).date);
                s.due_from = Some(today);
            }
            CaseView::Unassigned => s.unassigned = true,
            CaseView::Mine => s.inspector = Some(staff_id),
            CaseView::Stage(st) => s.case_stage = Some(st.code().to_string()),
            CaseView::Matter(m) => s.matter = Some(m.code().to_string()),
        }
        s
    }
}

/// Every open case of `view` on `cx.today`, in the queue's order (deadline
/// first, mass incidents ahead), read page by page as the screen reads them.
pub async fn list(
    cx: &super::Cx<'_>,
    view: CaseView,
) -> Result<Vec<crate::store::CaseItem>, crate::store::StoreError> {
    use crate::store::{Direction, ListItem, ListKind, PageRequest};
    const PAGE: i64 = 500;
    let scope = view.scope(cx.calendar, cx.today, cx.staff.id, CaseSort::Deadline);
    let mut out = Vec::new();
    let mut from = None;
    loop {
        let req = PageRequest {
            dir: Direction::Forward,
            from: from.clone(),
            limit: PAGE,
            filter: String::new(),
            scope: scope.clone(),
        };
        let page = cx.store.list_page(ListKind::Cases, &req).await?;
        let full = page.len() as i64 == PAGE;
        from = page.last().map(ListItem::key);
        out.extend(page.into_iter().filter_map(|r| match r {
            ListItem::Case(c) => Some(c),
            _ => None,
        }));
        if !full {
            return Ok(out);
        }
    }
}
