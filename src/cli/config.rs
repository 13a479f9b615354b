//! `hrss-desk config show`: the settings in force and where each comes from
//! (the command line or environment, the config file, or the default).

use super::Global;
use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum ConfigCommand {
    /// 查看生效的设置及其来源 / The settings in force, and where each comes from
    Show,
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
    let path = crate::config::path();
    let file = if path.exists() {
        "存在 / present"
    } else {
        "不存在 / absent"
    };
    println!("配置文件 / config file: {} ({file})", path.display());
    let from = |flag: &Option<String>, value: &Option<String>| match (flag, value) {
        (Some(_), _) => "命令行或环境变量 / command line or environment",
        (None, Some(_)) => "配置文件 / config file",
        (None, None) => "缺省 / default",
    };
    let default_db = format!(
        "sqlite://{}",
        crate::store::default_database_path(super::context::DEFAULT_DATABASE).display()
    );
    let rows: [(&str, String, &str); 5] = [
        (
            "database_url",
            without_password(used.database_url.as_deref().unwrap_or(&default_db)),
            from(&given.database_url, &used.database_url),
        ),
        (
            "lang",
            used.lang.clone().unwrap_or_else(|| "zh".into()),
            from(&given.lang, &used.lang),
        ),
        (
            "keymap",
            used.keymap.clone().unwrap_or_else(|| "default".into()),
            from(&given.keymap, &used.keymap),
        ),
        (
            "log_level",
            used.log_level.clone().unwrap_or_else(|| "info".into()),
            from(&None, &used.log_level),
        ),
        (
            "log_dir",
            crate::logging::dir(used.log_dir.as_deref())
                .display()
                .to_string(),
            from(&None, &used.log_dir),
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
