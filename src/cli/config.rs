//! `hrss-desk config show`: the settings in force and where each comes from
//! (the command line or environment, the config file, or the default).

use super::Global;
use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum ConfigCommand {
    /// 查看生效的设置及其来源 / The settings in force, and where each comes from
    Show,
    /// 查看本单位规则设置（数据库中） / The office's rule settings (in the database)
    Office,
    /// 各类申报的材料清单及其依据 / Each filing kind's material checklist, with its sources
    Checklist,
    /// 设定材料为必交或非必交（或新增材料），写明依据 / Make a material required or optional (or add one), with its source
    Require {
        /// 申报种类，如 enroll / The filing kind, e.g. enroll
        kind: String,
        /// 材料代码，如 labour-contract / The material's code
        material: String,
        /// yes 必交 / no 非必交
        required: String,
        #[arg(long)]
        source: String,
        /// 新增材料的中文名称 / A new material's Chinese name
        #[arg(long, default_value = "")]
        name_zh: String,
        /// 新增材料的英文名称 / A new material's English name
        #[arg(long, default_value = "")]
        name_en: String,
    },
    /// 修改本单位规则设置（科室负责人或管理员，写明依据） / Change an office setting (chief or administrator, with its source)
    Set {
        key: String,
        value: String,
        /// 依据（文件名称、文号） / Where the value comes from
        #[arg(long)]
        source: String,
        /// 执行之日 / In force from
        #[arg(long, value_parser = super::parse_day)]
        from: Option<chrono::NaiveDate>,
    },
}

/// The office's settings and checklists, and changing them (a chief's or
/// an administrator's act, audited, refused when someone changed a setting
/// meanwhile).
pub async fn office(
    g: &super::Global,
    lang: crate::i18n::Lang,
    cmd: ConfigCommand,
) -> Result<ExitCode, super::Failure> {
    use super::context::{DEFAULT_DATABASE, Setup, open_store};
    let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
    let out = office_with(&o, lang, cmd).await;
    o.store.close().await;
    println!("{}", out?);
    Ok(ExitCode::SUCCESS)
}

async fn office_with(
    o: &super::context::Opened,
    lang: crate::i18n::Lang,
    cmd: ConfigCommand,
) -> Result<String, super::Failure> {
    use super::Failure;
    use crate::domain::permissions::{Act, may};
    use crate::i18n::{self, printable};
    let fail = |e: crate::store::StoreError| Failure::store(lang, &e);
    let me = o.staff.clone().expect("refused without staff");
    if matches!(
        cmd,
        ConfigCommand::Set { .. } | ConfigCommand::Require { .. }
    ) && !may(&me, Act::SetSetting)
    {
        return Err(Failure::new(1, i18n::act_refused(lang, Act::SetSetting)));
    }
    // A line of text, within its size, with no control characters.
    let fits = |s: &str| s.chars().count() <= 200 && !s.chars().any(char::is_control);
    Ok(match cmd {
        ConfigCommand::Set {
            key,
            value,
            source,
            from,
        } => {
            let (key, value, source) = (key.trim(), value.trim(), source.trim());
            let known = o.store.setting_version(key).await.map_err(fail)?;
            if known.is_none() || [value, source].iter().any(|s| s.is_empty() || !fits(s)) {
                return Err(Failure::new(2, i18n::bad_setting(lang, key)));
            }
            if !crate::domain::settings::fits(key, value)
                && let Some((min, max)) = crate::domain::settings::range(key)
            {
                let said = i18n::setting_out_of_range(lang, key, value, min, max);
                return Err(Failure::new(2, said));
            }
            let row = crate::store::SettingRow {
                key: key.to_string(),
                value: value.to_string(),
                source: source.to_string(),
                effective_from: from,
            };
            o.store
                .set_setting(&me.login, &row, known)
                .await
                .map_err(fail)?;
            i18n::setting_set(lang, key, value)
        }
        ConfigCommand::Require {
            kind,
            material,
            required,
            source,
            name_zh,
            name_en,
        } => {
            let bad = || Failure::new(2, i18n::bad_requirement(lang));
            let required = match required.trim() {
                "yes" | "是" | "必交" => true,
                "no" | "否" | "非必交" => false,
                _ => return Err(bad()),
            };
            let (kind, material) = (kind.trim(), material.trim());
            let code_ok = !material.is_empty()
                && material.len() <= 40
                && material
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if crate::domain::FilingKind::parse(kind).is_none()
                || !code_ok
                || source.trim().is_empty()
                || ![&source, &name_zh, &name_en].iter().all(|s| fits(s))
            {
                return Err(bad());
            }
            let row = crate::store::ChecklistRow {
                kind: kind.to_string(),
                material: material.to_string(),
                name_zh: name_zh.trim().to_string(),
                name_en: name_en.trim().to_string(),
                required,
                source: source.trim().to_string(),
            };
            if !o
                .store
                .set_requirement(&me.login, &row)
                .await
                .map_err(fail)?
            {
                return Err(bad());
            }
            i18n::requirement_set(lang, kind, material, required)
        }
        ConfigCommand::Checklist => o
            .store
            .checklist()
            .await
            .map_err(fail)?
            .iter()
            .map(|r| {
                let required = if r.required {
                    lang.pick("必交", "required")
                } else {
                    lang.pick("非必交", "optional")
                };
                format!(
                    "{}\t{}\t{}\t{required}\t{}",
                    printable(&r.kind),
                    printable(&r.material),
                    printable(lang.pick(&r.name_zh, &r.name_en)),
                    printable(&r.source)
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
        ConfigCommand::Office | ConfigCommand::Show => o
            .store
            .settings()
            .await
            .map_err(fail)?
            .iter()
            .map(|s| {
                format!(
                    "{}\t{}\t{}{}",
                    printable(&s.key),
                    printable(&s.value),
                    printable(&s.source),
                    s.effective_from.map_or(String::new(), |d| format!("\t{d}"))
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
    })
}

/// A database URL without its password.
fn without_password(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..s + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

pub fn show(given: &Global, used: &Global) -> ExitCode {
    let present = |p: &std::path::Path| {
        if p.exists() {
            "存在 / present"
        } else {
            "不存在 / absent"
        }
    };
    let (user_path, office_path) = (crate::config::path(), crate::config::office_path());
    println!(
        "配置文件 / config file: {} ({})",
        user_path.display(),
        present(&user_path)
    );
    println!(
        "本单位配置文件 / office config file: {} ({})",
        office_path.display(),
        present(&office_path)
    );
    // `used` was read from these; a file that cannot be read stopped the
    // program before this.
    let layers = crate::config::load().unwrap_or_default();
    let from = |flag: bool, user: bool, office: bool| match (flag, user, office) {
        (true, _, _) => "命令行或环境变量 / command line or environment",
        (false, true, _) => "配置文件 / config file",
        (false, false, true) => "本单位配置文件 / office config file",
        _ => "缺省 / default",
    };
    let (u, o) = (&layers.user, &layers.office);
    let default_db = format!(
        "sqlite://{}",
        crate::store::default_database_path(super::context::DEFAULT_DATABASE).display()
    );
    let rows: [(&str, String, &str); 8] = [
        (
            "database_url",
            without_password(used.database_url.as_deref().unwrap_or(&default_db)),
            from(
                given.database_url.is_some(),
                u.database_url.is_some(),
                o.database_url.is_some(),
            ),
        ),
        (
            "lang",
            used.lang.clone().unwrap_or_else(|| "zh".into()),
            from(given.lang.is_some(), u.lang.is_some(), o.lang.is_some()),
        ),
        (
            "keymap",
            used.keymap.clone().unwrap_or_else(|| "default".into()),
            from(given.keymap.is_some(), u.keymap.is_some(), o.keymap.is_some()),
        ),
        (
            "log_level",
            used.log_level.clone().unwrap_or_else(|| "info".into()),
            from(false, u.log_level.is_some(), o.log_level.is_some()),
        ),
        (
            "log_dir",
            crate::logging::dir(used.log_dir.as_deref())
                .display()
                .to_string(),
            from(false, u.log_dir.is_some(), o.log_dir.is_some()),
        ),
        (
            "lease_minutes",
            match used.lease {
                None => "数据库中的本单位设置（缺省15） / the office setting in the database (15 by default)".to_string(),
                Some(crate::config::Lease::Office(m)) => m.to_string(),
                Some(crate::config::Lease::AtMost(m)) => format!(
                    "{m}，不超过数据库中的本单位设置 / {m}, at most the office setting in the database"
                ),
            },
            match used.lease {
                Some(crate::config::Lease::Office(_)) => {
                    "本单位配置文件（个人配置不能改变） / office config file (binding)"
                }
                _ => from(false, u.lease_minutes.is_some(), false),
            },
        ),
        (
            "printer",
            used.printing.printer.as_ref().map_or_else(
                || "无：文书只写出文件 / none: documents are written only".to_string(),
                |p| p.name().to_string(),
            ),
            from(false, u.printer.is_some(), o.printer.is_some()),
        ),
        (
            "documents_dir",
            used.printing.documents_dir.clone().unwrap_or_else(|| {
                dirs::home_dir()
                    .unwrap_or_default()
                    .display()
                    .to_string()
            }),
            from(false, u.documents_dir.is_some(), o.documents_dir.is_some()),
        ),
    ];
    for (key, value, source) in rows {
        println!("{key} = {}\t# {source}", crate::i18n::printable(&value));
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_password_is_never_shown() {
        assert_eq!(
            super::without_password("postgres://hrss:s3cret@db.local/hrss"),
            "postgres://hrss:***@db.local/hrss"
        );
        assert_eq!(
            super::without_password("sqlite:///srv/hrss.sqlite"),
            "sqlite:///srv/hrss.sqlite"
        );
    }
}
