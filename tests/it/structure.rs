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
                "i18n", "lang", "domain", "store", "sheet", "docx", "search", "clock", "printing",
            ],
        ),
        (
            "tui",
            &[
                "tui", "lang", "domain", "i18n", "store", "workflow", "search", "sheet", "docx",
                "config", "clock", "failure", "files", "logging", "printing",
            ],
        ),
    ];
    for (under, allowed) in layers {
        let found = reaches(under, allowed);
        assert!(found.is_empty(), "{under} reaches up: {found:?}");
    }
}

/// The modules in folder `dir` of `src` (`dir/X.rs`, or a folder `dir/X/`
/// counted as one) and those each names, by `crate::…::X` or the `super::`
/// that reaches the same place.
fn graph(dir: &str) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir);
    let absolute = format!("crate::{}::", dir.replace('/', "::"));
    let module = |p: &Path| -> (String, usize) {
        let rel: Vec<String> = p
            .strip_prefix(&root)
            .unwrap()
            .with_extension("")
            .iter()
            .map(|c| c.to_string_lossy().into_owned())
            .collect();
        // How many `super::` lead from this file to `tui`'s own level.
        let depth = rel.len() - usize::from(rel.last().is_some_and(|l| l == "mod"));
        (rel[0].clone(), depth)
    };
    let files = sources(&root);
    let names: std::collections::BTreeSet<String> = files.iter().map(|f| module(f).0).collect();
    let mut graph = std::collections::BTreeMap::new();
    for f in &files {
        let (me, depth) = module(f);
        let to_tui = "super::".repeat(depth);
        let text = std::fs::read_to_string(f).unwrap();
        let edges: &mut std::collections::BTreeSet<String> = graph.entry(me.clone()).or_default();
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            let mut reached = Vec::new();
            for part in line.split(absolute.as_str()).skip(1) {
                reached.push(part);
            }
            if depth > 0 {
                for (i, _) in line.match_indices(&to_tui) {
                    // Not a longer chain of `super::` reaching further up.
                    if i >= 7 && &line[i - 7..i] == "super::" {
                        continue;
                    }
                    reached.push(&line[i + to_tui.len()..]);
                }
            }
            for part in reached {
                let name: String = part
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if name != me && names.contains(&name) {
                    edges.insert(name);
                }
            }
        }
    }
    graph
}

/// No two of the screen's modules name each other, directly or round a
/// longer loop (issue 20: each pane's state below the app that acts on it),
/// nor two of its drawing modules.
#[test]
fn the_screens_modules_form_no_cycle() {
    let drawing = graph("tui/render");
    assert!(drawing.contains_key("detail") && drawing["detail"].contains("case_detail"));
    assert_eq!(no_cycle(&drawing), None);
    let graph = graph("tui");
    assert!(graph.len() > 20 && graph.contains_key("app"), "{graph:?}");
    assert_eq!(no_cycle(&graph), None);
    // The walk sees the edges there are: the app names the review's state.
    assert!(graph["app"].contains("review"), "{:?}", graph["app"]);
}

/// The first import loop in `graph`, as `a → b → a`; None when there is none.
fn no_cycle(
    graph: &std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
) -> Option<String> {
    let mut done = std::collections::BTreeSet::new();
    graph
        .keys()
        .find_map(|start| walk(start, graph, &mut Vec::new(), &mut done))
        .map(|c| c.join(" → "))
}

/// No function runs past 160 lines unless a `// Long because` comment just
/// above it says why (a table, one transaction read top to bottom): a long
/// function is otherwise two jobs (issue 20).
#[test]
fn no_function_is_long_without_a_reason() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut long = Vec::new();
    let mut measured = 0;
    for f in sources(&root) {
        let text = std::fs::read_to_string(&f).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let code = line.trim_start();
            let is_fn = [
                "fn ",
                "pub fn ",
                "async fn ",
                "pub async fn ",
                "pub(crate) fn ",
            ]
            .iter()
            .chain(&[
                "pub(super) fn ",
                "pub(crate) async fn ",
                "pub(super) async fn ",
            ])
            .any(|p| code.starts_with(p));
            if !is_fn || code.ends_with(';') {
                continue;
            }
            // The body ends at the first `}` at the signature's indentation.
            let indent = &line[..line.len() - code.len()];
            let close = format!("{indent}}}");
            let Some(end) = lines[i + 1..].iter().position(|l| *l == close) else {
                continue;
            };
            measured += 1;
            let reason = lines[i.saturating_sub(8)..i]
                .iter()
                .any(|l| l.trim_start().starts_with("// Long because"));
            if end + 2 > 160 && !reason {
                let shown = f.strip_prefix(&root).unwrap().display().to_string();
                long.push(format!("{shown}:{} ({} lines)", i + 1, end + 2));
            }
        }
    }
    assert!(measured > 1000, "the walk measured {measured} functions");
    assert!(long.is_empty(), "long without a reason: {long:?}");
}

/// A depth-first walk: a module met again while still on the path closes a loop.
fn walk(
    at: &str,
    graph: &std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
    path: &mut Vec<String>,
    done: &mut std::collections::BTreeSet<String>,
) -> Option<Vec<String>> {
    if let Some(i) = path.iter().position(|p| p == at) {
        let mut cycle = path[i..].to_vec();
        cycle.push(at.to_string());
        return Some(cycle);
    }
    if !done.insert(at.to_string()) {
        return None;
    }
    path.push(at.to_string());
    for next in graph.get(at).into_iter().flatten() {
        if let Some(c) = walk(next, graph, path, done) {
            return Some(c);
        }
    }
    path.pop();
    None
}
