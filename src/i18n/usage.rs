//! A command line the parser refused, said as one sentence (issue 21, point
//! 11): what was wrong, with the word given, what the parser suggests, and
//! where the usage is (`hrss-desk … --help`). In English the parser's own
//! text is kept; these sentences are the Chinese desk's.

use super::{Lang, printable};

/// What the parser refused, with the words it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsageError {
    /// A subcommand that is none (`casse`), and the ones meant perhaps.
    UnknownCommand {
        word: String,
        suggestions: Vec<String>,
    },
    /// A flag or an extra word no command takes (`--jsno`).
    UnknownArgument {
        word: String,
        suggestions: Vec<String>,
    },
    /// Arguments a command needs, not given.
    Missing { args: Vec<String> },
    /// A command that needs a subcommand, given none.
    MissingCommand { command: String },
    /// An argument that wants a whole number, given `value`.
    NotANumber { arg: String, value: String },
    /// An argument that wants a number (a decimal one), given `value`.
    NotADecimal { arg: String, value: String },
    /// An argument given a value it does not take; `reason` is the
    /// checker's own (already in both languages), `possible` its choices.
    BadValue {
        arg: String,
        value: String,
        reason: Option<String>,
        possible: Vec<String>,
        suggestions: Vec<String>,
    },
    /// An argument given no value.
    NoValue { arg: String },
    /// An argument given with another it excludes, or twice.
    Conflict { arg: String, other: Option<String> },
    /// Anything else the parser refuses.
    Other,
}

/// Words quoted and joined: “a”、“b”.
fn quoted(words: &[String]) -> String {
    words
        .iter()
        .map(|w| format!("“{}”", printable(w)))
        .collect::<Vec<_>>()
        .join("、")
}

/// A reason given in both languages (`中文 / English`): its Chinese half.
fn chinese_half(reason: &str) -> &str {
    reason.split(" / ").next().unwrap_or(reason).trim()
}

/// The sentence for `e`, ending with where the usage is (`help`, e.g.
/// `hrss-desk cases --help`).
pub fn usage_error(lang: Lang, e: &UsageError, help: &str) -> String {
    let help = printable(help);
    let guess = |s: &[String]| {
        if s.is_empty() {
            String::new()
        } else {
            match lang {
                Lang::Zh => format!("；是否想输入{}？", quoted(s)),
                Lang::En => format!("; did you mean {}?", s.join(", ")),
            }
        }
    };
    let what = match (lang, e) {
        (Lang::Zh, UsageError::UnknownCommand { word, suggestions }) => {
            format!("未知的命令“{}”{}", printable(word), guess(suggestions))
        }
        (Lang::En, UsageError::UnknownCommand { word, suggestions }) => {
            format!("Unknown command '{word}'{}", guess(suggestions))
        }
        (Lang::Zh, UsageError::UnknownArgument { word, suggestions }) => {
            format!("不认识的参数“{}”{}", printable(word), guess(suggestions))
        }
        (Lang::En, UsageError::UnknownArgument { word, suggestions }) => {
            format!("Unknown argument '{word}'{}", guess(suggestions))
        }
        (Lang::Zh, UsageError::Missing { args }) => format!("缺少必需的参数{}", quoted(args)),
        (Lang::En, UsageError::Missing { args }) => {
            format!("Missing required arguments: {}", args.join(", "))
        }
        (Lang::Zh, UsageError::MissingCommand { command }) => {
            format!("“{}”后面还要跟一个子命令", printable(command))
        }
        (Lang::En, UsageError::MissingCommand { command }) => {
            format!("'{command}' needs a subcommand")
        }
        (Lang::Zh, UsageError::NotANumber { arg, value }) => format!(
            "“{}”应为整数，“{}”不是整数",
            printable(arg),
            printable(value)
        ),
        (Lang::En, UsageError::NotANumber { arg, value }) => {
            format!("'{arg}' wants a whole number, and '{value}' is not one")
        }
        (Lang::Zh, UsageError::NotADecimal { arg, value }) => format!(
            "“{}”应为数字，“{}”不是数字",
            printable(arg),
            printable(value)
        ),
        (Lang::En, UsageError::NotADecimal { arg, value }) => {
            format!("'{arg}' wants a number, and '{value}' is not one")
        }
        (
            Lang::Zh,
            UsageError::BadValue {
                arg,
                value,
                reason,
                possible,
                suggestions,
            },
        ) => {
            let mut s = format!("“{}”的值“{}”无效", printable(arg), printable(value));
            if let Some(r) = reason {
                s.push_str(&format!(
                    "：{}",
                    printable(chinese_half(r)).trim_end_matches('。')
                ));
            }
            if !possible.is_empty() {
                s.push_str(&format!("；可选值：{}", possible.join("、")));
            }
            s.push_str(&guess(suggestions));
            s
        }
        (
            Lang::En,
            UsageError::BadValue {
                arg, value, reason, ..
            },
        ) => match reason {
            Some(r) => format!("Invalid value '{value}' for '{arg}': {r}"),
            None => format!("Invalid value '{value}' for '{arg}'"),
        },
        (Lang::Zh, UsageError::NoValue { arg }) => {
            format!("“{}”后面要给一个值", printable(arg))
        }
        (Lang::En, UsageError::NoValue { arg }) => format!("'{arg}' needs a value"),
        (Lang::Zh, UsageError::Conflict { arg, other: None }) => {
            format!("参数“{}”只能给一次", printable(arg))
        }
        (
            Lang::Zh,
            UsageError::Conflict {
                arg,
                other: Some(o),
            },
        ) => format!("参数“{}”不能与“{}”同时使用", printable(arg), printable(o)),
        (Lang::En, UsageError::Conflict { arg, .. }) => {
            format!("'{arg}' cannot be used so")
        }
        (Lang::Zh, UsageError::Other) => "命令行有误".to_string(),
        (Lang::En, UsageError::Other) => "The command line is wrong".to_string(),
    };
    // A question already ends its sentence; the hint follows it.
    let end = match lang {
        Lang::Zh if what.ends_with('？') => "",
        Lang::Zh => "。",
        Lang::En if what.ends_with('?') => "",
        Lang::En => ".",
    };
    match lang {
        Lang::Zh => format!("{what}{end}用法见 {help}。"),
        Lang::En => format!("{what}{end} See {help}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_command_is_named_with_the_suggestion() {
        let e = UsageError::UnknownCommand {
            word: "casse".into(),
            suggestions: vec!["cases".into()],
        };
        assert_eq!(
            usage_error(Lang::Zh, &e, "hrss-desk --help"),
            "未知的命令“casse”；是否想输入“cases”？用法见 hrss-desk --help。"
        );
        let e = UsageError::BadValue {
            arg: "--on <ON>".into(),
            value: "下周一".into(),
            reason: Some("“下周一”不是日期（YYYY-MM-DD） / \"下周一\" is not a date".into()),
            possible: vec![],
            suggestions: vec![],
        };
        assert_eq!(
            usage_error(Lang::Zh, &e, "hrss-desk cases due --help"),
            "“--on <ON>”的值“下周一”无效：“下周一”不是日期（YYYY-MM-DD）。用法见 hrss-desk cases due --help。"
        );
    }
}
