//! Dependencies point down (issue 20, point 5): the pure domain names no
//! module above it, the messages never the screen, the command line or the
//! workflows, the screen never the command line, and the language is a leaf.
//! A `crate::` path in the sources is how a module reaches another.

use std::path::{Path, PathBuf};

fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(sources(&p));
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
    out
}

/// Every `crate::NAME` reached from `under` (a folder or a file) whose NAME
/// is not in `allowed`: (file, line, NAME).
fn reaches(under: &str, allowed: &[&str]) -> Vec<(String, usize, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let at = root.join(under);
    let files = if at.is_dir() { sources(&at) } else { vec![at] };
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for part in line.split("crate::").skip(1) {
                let name: String = part
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !allowed.contains(&name.as_str()) {
                    let shown = f.strip_prefix(&root).unwrap().display().to_string();
                    out.push((shown, n + 1, name));
                }
            }
        }
    }
    out
}

#[test]
fn dependencies_point_down() {
    let layers: [(&str, &[&str]); 5] = [
        ("lang.rs", &[]),
        ("domain", &["domain", "lang"]),
        ("failure.rs", &["i18n", "lang", "logging", "store"]),
        (
            "i18n",
            &[
                "i18n", "lang", "domain", "store", "sheet", "docx", "search", "clock",
            ],
        ),
        (
            "tui",
            &[
                "tui", "lang", "domain", "i18n", "store", "workflow", "search", "sheet", "docx",
                "config", "clock", "failure", "files", "logging",
            ],
        ),
    ];
    for (under, allowed) in layers {
        let found = reaches(under, allowed);
        assert!(found.is_empty(), "{under} reaches up: {found:?}");
    }
}
