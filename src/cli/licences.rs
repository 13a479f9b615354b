//! `licences show`: a licence with its standing on the day, what set it and
//! since when, and the steps taken on it.

use super::context::{DEFAULT_DATABASE, Setup, open_store};
use super::{Failure, Global};
use crate::domain::LicenceStatus;
use crate::domain::licence::{renewal_due_for, standing};
use crate::i18n::{self, Lang};
use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum LicencesCommand {
    /// 许可证及其状态、依据和处理记录 / A licence with its standing, what set it, and its steps
    Show {
        /// 许可证号或编号 / The licence's number or id
        licence: String,
        #[arg(long)]
        json: bool,
    },
    /// 登记变更备案（名称、住所、法定代表人） / Record a reported change (name, address, legal representative)
    Change {
        /// 许可编号 / The licence's id
        licence: i64,
        /// 新名称 / The new name
        #[arg(long)]
        holder: Option<String>,
        /// 新住所 / The new address
        #[arg(long)]
        address: Option<String>,
        /// 新法定代表人 / The new legal representative
        #[arg(long)]
        legal_rep: Option<String>,
        /// 变更登记之日 / The day the change was registered
        #[arg(long, value_parser = super::parse_day)]
        changed_on: chrono::NaiveDate,
        /// 报告之日（默认今天） / The day it was reported (default today)
        #[arg(long, value_parser = super::parse_day)]
        reported_on: Option<chrono::NaiveDate>,
    },
}

pub async fn run(g: &Global, lang: Lang, cmd: LicencesCommand) -> Result<ExitCode, Failure> {
    let (licence, json) = match cmd {
        LicencesCommand::Show { licence, json } => (licence, json),
        LicencesCommand::Change {
            licence,
            holder,
            address,
            legal_rep,
            changed_on,
            reported_on,
        } => {
            use crate::domain::licence::Changed;
            let changes: Vec<(Changed, String)> = [
                (Changed::Holder, holder),
                (Changed::Address, address),
                (Changed::LegalRep, legal_rep),
            ]
            .into_iter()
            .filter_map(|(f, v)| v.map(|v| (f, v)))
            .collect();
            let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
            let acting = o.acting(lang).await?;
            let cx = acting.cx(&o.store, lang);
            let today = o.store.clock().today();
            let r = crate::workflow::licences::report_change(
                &cx,
                licence,
                &changes,
                changed_on,
                reported_on.unwrap_or(today),
            )
            .await;
            o.store.close().await;
            println!("{}", r.map_err(|e| Failure::new(1, e))?);
            return Ok(ExitCode::SUCCESS);
        }
    };
    let typed = licence.trim();
    if typed.is_empty() || typed.chars().count() > 100 {
        return Err(Failure::new(2, i18n::no_licence_named(lang, typed)));
    }
    let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
    let fail = |e: crate::store::StoreError| Failure::store(lang, &e);
    // By number first: a number is never mistaken for an id.
    let mut found = o.store.licence_standing(None, typed).await.map_err(fail)?;
    if found.is_none()
        && let Ok(id) = typed.parse::<i64>()
    {
        found = o.store.licence_standing(Some(id), "").await.map_err(fail)?;
    }
    let Some(l) = found else {
        o.store.close().await;
        return Err(Failure::new(1, i18n::no_licence_named(lang, typed)));
    };
    let steps = o.store.licence_steps(l.id).await.map_err(fail)?;
    let changes = o.store.licence_changes(l.id).await.map_err(fail)?;
    let warn = crate::search::warn_days(&o.store).await.map_err(fail)?;
    let today = o.store.clock().today();
    o.store.close().await;
    let status = l.status;
    let st = standing(status, l.expires_on, today, warn);
    let renewal = match (l.expires_on, Some(l.kind)) {
        (Some(e), Some(kind)) if status == LicenceStatus::Valid => Some(renewal_due_for(kind, e)),
        _ => None,
    };
    if json {
        let steps: Vec<_> = steps
            .iter()
            .map(|s| {
                serde_json::json!({
                    "step": s.step.code(),
                    "decided_on": s.decided_on,
                    "deadline": s.deadline,
                    "until": s.until_on,
                    "case": s.case_number,
                    "reason": s.reason,
                })
            })
            .collect();
        let v = serde_json::json!({
                "id": l.id,
                "number": l.number,
                "holder": l.holder,
                "kind": l.kind,
                "status": l.status,
                "standing": i18n::standing_words(lang, &l, st),
                "since": l.standing_since,
                "until": l.standing_until,
                "set_by_step": l.standing_step,
                "set_by_case": l.standing_case,
                "grounds": l.standing_reason,
                "expires_on": l.expires_on,
                "renewal_due": renewal,
                "steps": steps,
                "changes": changes,
        });
        println!("{}", i18n::json_defused(&v.to_string()));
    } else {
        for line in i18n::licence_lines(lang, &l, st, renewal, &steps, &changes) {
            println!("{line}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
