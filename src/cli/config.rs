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

/// The office's settings, and changing one (a chief's or an administrator's
/// act, audited, refused when someone changed it meanwhile).
pub async fn office(
    g: &super::Global,
    lang: crate::i18n::Lang,
    cmd: ConfigCommand,
) -> Result<ExitCode, super::Failure> {
    use super::context::{DEFAULT_DATABASE, Setup, open_store};
    use crate::domain::permissions::{Act, may};
    use crate::i18n::{self, printable};
    let o = open_store(g, lang, DEFAULT_DATABASE, Setup::Refused).await?;
    let fail = |e: crate::store::StoreError| super::Failure::store(lang, &e);
    let out = match cmd {
        ConfigCommand::Set {
            key,
            value,
            source,
            from,
        } => {
            let me = o.staff.clone().expect("refused without staff");
            if !may(&me, Act::SetSetting) {
                o.store.close().await;
                return Err(super::Failure::new(
                    1,
                    i18n::act_refused(lang, Act::SetSetting),
                ));
            }
            let (key, value, source) = (key.trim(), value.trim(), source.trim());
            let known = o.store.setting_version(key).await.map_err(fail)?;
            let bad = |s: &str| {
                s.is_empty() || s.chars().count() > 200 || s.chars().any(char::is_control)
            };
            if known.is_none()
                || bad(value)
                || bad(source)
                || !crate::domain::settings::fits(key, value)
            {
                o.store.close().await;
                return Err(super::Failure::new(2, i18n::bad_setting(lang, key)));
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
        _ => o
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
    };
    o.store.close().await;
    println!("{out}");
    Ok(ExitCode::SUCCESS)
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
    let rows: [(&str, String, &str); 6] = [
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
