//! `e` on screen: the list, the supervision section or the lookup's hits as
//! a workbook in the home folder (written and audited by the runner).

use super::app::{App, Effect};
use crate::i18n;

impl App {
    /// `e`: the list or the supervision section on screen, as a workbook.
    pub(super) fn ask_export(&mut self) -> Vec<Effect> {
        use crate::workflow::export::Source;
        let lang = self.lang;
        if self.searching_lookup()
            && let Some(t) = self.lookup_table()
        {
            self.message = Some(i18n::exporting(lang).to_string());
            return vec![Effect::WriteTable {
                table: Box::new(t),
                lang,
            }];
        }
        let source = if self.on_supervision() {
            Source::Supervision(self.supervision.section)
        } else {
            match self.pane.list_kind() {
                Some(k) if self.detail.is_none() => Source::List(k),
                _ => {
                    self.message = Some(i18n::nothing_to_export(lang).to_string());
                    return vec![];
                }
            }
        };
        let (filter, scope) = match (source, self.list()) {
            (Source::List(_), Some(l)) => (l.filter.clone(), l.scope.clone()),
            _ => (String::new(), Default::default()),
        };
        self.message = Some(i18n::exporting(lang).to_string());
        vec![Effect::ExportView {
            source,
            filter,
            scope,
            lang,
        }]
    }
}

impl App {
    /// The lookup's hits as a table: kind, number (an ID number masked),
    /// name, standing — as the screen shows them — and a person's employer.
    fn lookup_table(&self) -> Option<crate::workflow::export::Table> {
        use crate::sheet::Cell;
        let (index, hits) = (self.index.as_ref()?, self.lookup.hits.as_ref()?);
        let lang = self.lang;
        let rows = hits
            .top
            .iter()
            .map(|h| {
                let i = h.index;
                let number = index.shown_number(i);
                vec![
                    Cell::Text(super::render::lookup::kind_label(index.kind(i), lang).to_string()),
                    Cell::Text(number),
                    Cell::Text(index.display_name(i).to_string()),
                    Cell::Text(
                        i18n::record_status(index.kind(i), index.status(i), lang).to_string(),
                    ),
                    Cell::Text(
                        index
                            .employer(i)
                            .map(|e| index.display_name(e).to_string())
                            .unwrap_or_default(),
                    ),
                ]
            })
            .collect();
        Some(crate::workflow::export::Table {
            title: lang.pick("查询结果", "Lookup").into(),
            head: i18n::lookup_columns(lang)
                .iter()
                .map(|s| s.to_string())
                .chain([lang.pick("所在单位", "Employer").to_string()])
                .collect(),
            rows,
            money: vec![],
        })
    }
}
