//! The config file, `config.toml` in the user's config directory
//! (`~/.config/hrss-desk/`): what a command-line flag would otherwise say.
//! A flag or environment variable wins over the file.

use serde::Deserialize;
use std::path::PathBuf;

#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub database_url: Option<String>,
    pub lang: Option<String>,
    /// A shipped keymap's name or a keymap file's path.
    pub keymap: Option<String>,
    /// off, error, warn, info (default) or debug.
    pub log_level: Option<String>,
    /// Where the daily log files go (default: the state directory's).
    pub log_dir: Option<String>,
}

/// The config file's path.
pub fn path() -> PathBuf {
    config_dir().join("config.toml")
}

/// `~/.config/hrss-desk`, where the config file and a user keymap live.
pub fn config_dir() -> PathBuf {
    dirs::config_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("hrss-desk")
}

/// Reads the config file; a missing file is an empty config. The error names
/// the file and what is wrong with it.
pub fn load() -> Result<Config, (PathBuf, String)> {
    let path = path();
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(&text).map_err(|e| (path, e)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(e) => Err((path, e.to_string())),
    }
}

pub fn parse(text: &str) -> Result<Config, String> {
    toml::from_str(text).map_err(|e| e.message().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_config_file_names_language_keymap_and_database() {
        let c = parse("lang = \"en\"\nkeymap = \"function-keys\"\ndatabase_url = \"sqlite:///srv/hrss.sqlite\"").unwrap();
        assert_eq!(c.lang.as_deref(), Some("en"));
        assert_eq!(c.keymap.as_deref(), Some("function-keys"));
        assert!(
            parse("colour = \"blue\"").is_err(),
            "unknown keys are named, not ignored"
        );
        assert_eq!(parse("").unwrap(), Config::default());
    }
}
