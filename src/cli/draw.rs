//! `hrss-desk draw …`: random inspection draws (双随机) — run one with its
//! seed fixed and shown first, replay one from its record, publish one.

use super::context::{DEFAULT_DATABASE, Setup, open_store};
use super::{Failure, Global};
use crate::domain::draw::Plan;
use crate::i18n::{self, Lang};
use crate::workflow::draws as work;
use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum DrawCommand {
    /// 组织一次随机抽查（科室负责人） / Make a random inspection draw (section chief)
    Run {
        /// 抽查名称 / The draw's name
        #[arg(long)]
        name: String,
        /// 许可类别代码（缺省为全部） / Licence kind code (default: all)
        #[arg(long, default_value = "")]
        kind: String,
        /// 监管片区（缺省为全部） / Supervision zone (default: all)
        #[arg(long, default_value = "")]
        zone: String,
        /// 抽查比例，如 5% / The share drawn, e.g. 5%
        #[arg(long, value_parser = parse_ratio)]
        ratio: u32,
        /// 每个对象的检查人员数（至少2） / Inspectors per target (two at least)
        #[arg(long, default_value_t = 2)]
        per_target: usize,
        /// 随机种子（缺省现取并显示） / The seed (default: fixed now and shown)
        #[arg(long)]
        seed: Option<u64>,
    },
    /// 按记录重新抽取并核对结果 / Re-run a draw from its record and compare
    Replay { id: i64 },
    /// 公开抽查结果 / The draw's result, to publish
    Show { id: i64 },
}

/// "5%", "5", "0.5%" as thousandths.
fn parse_ratio(s: &str) -> Result<u32, String> {
    crate::domain::draw::parse_ratio(s)
        .ok_or_else(|| format!("“{s}”不是比例（如 5%） / \"{s}\" is not a ratio (e.g. 5%)"))
}

pub async fn run(g: &Global, lang: Lang, cmd: DrawCommand) -> Result<ExitCode, Failure> {
    let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
    let acting = o.acting(lang).await?;
    let cx = acting.cx(&o.store, lang);
    let me = &acting.staff;
    let out = match cmd {
        DrawCommand::Run {
            name,
            kind,
            zone,
            ratio,
            per_target,
            seed,
        } => {
            if !kind.is_empty() && crate::domain::LicenceKind::parse(&kind).is_none() {
                return Err(Failure::new(2, i18n::unknown_licence_kind(lang, &kind)));
            }
            // Refused before a seed is announced for a draw that will not be made.
            use crate::domain::permissions::{Act, may};
            if !may(me, Act::RunDraw) {
                return Err(Failure::new(1, i18n::act_refused(lang, Act::RunDraw)));
            }
            let plan = Plan {
                seed: seed.unwrap_or_else(work::fresh_seed),
                ratio_permille: ratio,
                per_target,
            };
            // The seed is fixed before anything is drawn, and said first.
            println!("{}", i18n::draw_seed(lang, plan.seed));
            let d = work::run(&cx, &name, kind.trim(), zone.trim(), plan)
                .await
                .map_err(|e| Failure::new(1, e))?;
            let mut lines = vec![i18n::draw_done(lang, &d)];
            for u in &d.result.unstaffed {
                lines.push(i18n::draw_unstaffed(lang, u.target, u.eligible));
            }
            lines.join("\n")
        }
        DrawCommand::Replay { id } => {
            let same = work::replay(&o.store, lang, id)
                .await
                .map_err(|e| Failure::new(1, e))?;
            o.store.close().await;
            return if same {
                println!("{}", i18n::draw_replayed(lang, id, true));
                Ok(ExitCode::SUCCESS)
            } else {
                Err(Failure::new(1, i18n::draw_replayed(lang, id, false)))
            };
        }
        DrawCommand::Show { id } => work::show(&o.store, lang, id)
            .await
            .map_err(|e| Failure::new(1, e))?
            .join("\n"),
    };
    o.store.close().await;
    println!("{out}");
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::parse_ratio;

    #[test]
    fn ratios_are_read_as_typed() {
        assert_eq!(parse_ratio("5%"), Ok(50));
        assert_eq!(parse_ratio("0.5%"), Ok(5));
        assert_eq!(parse_ratio("100"), Ok(1000));
        assert!(parse_ratio("0%").is_err());
        assert!(parse_ratio("150%").is_err());
        assert!(parse_ratio("many").is_err());
    }
}
