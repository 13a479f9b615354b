//! A command line the parser refuses (issue 21, point 11): in Chinese, the
//! default, one sentence of the desk's own — the word given, the parser's
//! suggestion kept, which argument wanted a whole number, where the usage
//! is — exit 2 and no escape codes; in English (`--lang`, `HRSS_LANG` or
//! the config file) the parser's own text; help and version as before.

use crate::common;

use common::cli::hrss;

/// The program run with `args` and `env`: (exit code, stderr).
fn refused(home: &std::path::Path, env: &[(&str, &str)], args: &[&str]) -> (i32, String) {
    let mut c = hrss(home);
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.args(args).output().unwrap();
    assert!(out.stdout.is_empty(), "{args:?}: nothing on stdout");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// One Chinese sentence: one line, none of the parser's English, no escapes.
fn one_chinese_sentence(args: &[&str], err: &str) {
    assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
    assert!(!err.contains('\u{1b}'), "{args:?}: an escape code: {err:?}");
    for english in [
        "error:",
        "Usage:",
        "tip:",
        "invalid",
        "unrecognized",
        "unexpected",
        "required",
        "For more",
    ] {
        assert!(!err.contains(english), "{args:?}: {english} in {err}");
    }
    assert!(err.trim_end().ends_with("--help。"), "{args:?}: {err}");
}

#[test]
fn a_refused_command_line_is_one_chinese_sentence() {
    let home = tempfile::tempdir().unwrap();
    // Colours forced: the Chinese sentence has none anyway.
    let env = [("CLICOLOR_FORCE", "1")];
    let cases: [(&[&str], &[&str]); 5] = [
        (
            &["casse"],
            &["未知的命令“casse”；是否想输入“cases”？", "hrss-desk --help"],
        ),
        (
            &["cases", "show", "abc"],
            &["“<ID>”应为整数", "“abc”", "hrss-desk cases show --help"],
        ),
        (
            &["lookup", "鹿泉", "--limit", "十"],
            &["“--limit <LIMIT>”应为整数", "“十”"],
        ),
        (
            &["cases", "show", "1", "--jsno"],
            &[
                "“--jsno”",
                "是否想输入“--json”？",
                "hrss-desk cases show --help",
            ],
        ),
        (
            &["cases", "show"],
            &["缺少必需的参数“<ID>”", "hrss-desk cases show --help"],
        ),
    ];
    for (args, says) in cases {
        let (code, err) = refused(home.path(), &env, args);
        assert_eq!(code, 2, "{args:?}: {err}");
        one_chinese_sentence(args, &err);
        for s in says {
            assert!(err.contains(s), "{args:?}: no {s} in {err}");
        }
    }
    // A checker's own reason is kept, in Chinese.
    let (code, err) = refused(home.path(), &env, &["cases", "due", "--on", "下周一"]);
    assert_eq!(code, 2);
    one_chinese_sentence(&["cases", "due"], &err);
    assert!(err.contains("不是日期"), "{err}");
}

#[test]
fn in_english_the_parser_keeps_its_own_words() {
    let home = tempfile::tempdir().unwrap();
    let cases: [(&[&str], &str); 4] = [
        (&["casse"], "unrecognized subcommand 'casse'"),
        (&["cases", "show", "abc"], "invalid digit found in string"),
        (
            &["cases", "show", "1", "--jsno"],
            "unexpected argument '--jsno'",
        ),
        (&["cases", "show"], "required arguments were not provided"),
    ];
    for (args, says) in cases {
        let with_flag: Vec<&str> = ["--lang", "en"].iter().chain(args).copied().collect();
        let (code, err) = refused(home.path(), &[], &with_flag);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains(says), "{args:?}: {err}");
        // The language from the environment, as every command takes it.
        let (code, err) = refused(home.path(), &[("HRSS_LANG", "en")], args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    // And from the user's config file.
    let dir = home.path().join(".config/hrss-desk");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "lang = \"en\"\n").unwrap();
    let (code, err) = refused(home.path(), &[], &["casse"]);
    assert_eq!(code, 2);
    assert!(err.contains("unrecognized subcommand 'casse'"), "{err}");
}

#[test]
fn help_and_version_are_printed_as_before() {
    let home = tempfile::tempdir().unwrap();
    let out = hrss(home.path()).arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("Usage: hrss-desk"), "{help}");
    let out = hrss(home.path())
        .args(["cases", "show", "--help"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("Usage: hrss-desk cases show")
    );
    let out = hrss(home.path()).arg("--version").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("hrss-desk ")
    );
    // A command without its subcommand shows its help, as before.
    let out = hrss(home.path()).arg("cases").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("Usage: hrss-desk cases")
    );
}
