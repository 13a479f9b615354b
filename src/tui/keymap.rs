//! Keymaps: `keymaps/*.toml`, embedded in the binary, in the manner of yazi:
//! `[section] keymap = [{ on, run, desc }]`. A user file in the config
//! directory may `prepend_keymap` (its keys win), `append_keymap` (only keys
//! still free) or replace a section's `keymap`. Problems in a user file are
//! collected and shown, never fatal.

use super::action::Action;
use crate::i18n::Lang;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

/// The shipped keymaps, by the name `--keymap` takes.
pub const SHIPPED: &[(&str, &str)] = &[
    ("default", include_str!("../../keymaps/default.toml")),
    (
        "function-keys",
        include_str!("../../keymaps/function-keys.toml"),
    ),
];

/// The sections a keymap may have: everywhere, in any list, per pane, and in
/// a record's detail view.
pub const SECTIONS: &[&str] = &[
    "global",
    "list",
    "filings",
    "licences",
    "cases",
    "supervision",
    "persons",
    "dashboard",
    "detail",
    "pick",
    "input",
    "text",
    "form",
];

/// Sections of layers that take text: a printable key there is typed, so
/// binding one is a problem the user is told of.
const TEXT_SECTIONS: &[&str] = &["input", "form"];

/// One key with its modifiers, as a keymap writes it: `q`, `<C-f>`, `<F5>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Chord {
    pub code: KeyCodeOrd,
    pub ctrl: bool,
}

/// The key codes a keymap can name, ordered so chords sort for display.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCodeOrd {
    Char(char),
    F(u8),
    Enter,
    Esc,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Backspace,
}

impl Chord {
    /// Parses a keymap's notation.
    pub fn parse(s: &str) -> Option<Chord> {
        let plain = |code| Some(Chord { code, ctrl: false });
        let mut chars = s.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return (c.is_ascii_graphic()).then_some(Chord {
                code: KeyCodeOrd::Char(c),
                ctrl: false,
            });
        }
        let inner = s.strip_prefix('<')?.strip_suffix('>')?;
        if let Some(rest) = inner.strip_prefix("C-") {
            let mut cs = rest.chars();
            return match (cs.next(), cs.next()) {
                (Some(c), None) if c.is_ascii_alphabetic() => Some(Chord {
                    code: KeyCodeOrd::Char(c.to_ascii_lowercase()),
                    ctrl: true,
                }),
                _ => None,
            };
        }
        if let Some(n) = inner.strip_prefix('F').and_then(|n| n.parse::<u8>().ok()) {
            return (1..=12).contains(&n).then_some(Chord {
                code: KeyCodeOrd::F(n),
                ctrl: false,
            });
        }
        match inner {
            "Enter" => plain(KeyCodeOrd::Enter),
            "Esc" => plain(KeyCodeOrd::Esc),
            "Tab" => plain(KeyCodeOrd::Tab),
            "S-Tab" | "BackTab" => plain(KeyCodeOrd::BackTab),
            "Up" => plain(KeyCodeOrd::Up),
            "Down" => plain(KeyCodeOrd::Down),
            "Left" => plain(KeyCodeOrd::Left),
            "Right" => plain(KeyCodeOrd::Right),
            "PageUp" => plain(KeyCodeOrd::PageUp),
            "PageDown" => plain(KeyCodeOrd::PageDown),
            "Home" => plain(KeyCodeOrd::Home),
            "End" => plain(KeyCodeOrd::End),
            "Backspace" => plain(KeyCodeOrd::Backspace),
            "Space" => plain(KeyCodeOrd::Char(' ')),
            _ => None,
        }
    }

    /// The chord a terminal key event is; None for keys keymaps cannot name.
    pub fn from_event(k: &KeyEvent) -> Option<Chord> {
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        let code = match k.code {
            // Shift is part of the character already: `G` is shift-g.
            KeyCode::Char(c) if ctrl => KeyCodeOrd::Char(c.to_ascii_lowercase()),
            KeyCode::Char(c) => KeyCodeOrd::Char(c),
            KeyCode::F(n) => KeyCodeOrd::F(n),
            KeyCode::Enter => KeyCodeOrd::Enter,
            KeyCode::Esc => KeyCodeOrd::Esc,
            KeyCode::Tab if k.modifiers.contains(KeyModifiers::SHIFT) => KeyCodeOrd::BackTab,
            KeyCode::Tab => KeyCodeOrd::Tab,
            KeyCode::BackTab => KeyCodeOrd::BackTab,
            KeyCode::Up => KeyCodeOrd::Up,
            KeyCode::Down => KeyCodeOrd::Down,
            KeyCode::Left => KeyCodeOrd::Left,
            KeyCode::Right => KeyCodeOrd::Right,
            KeyCode::PageUp => KeyCodeOrd::PageUp,
            KeyCode::PageDown => KeyCodeOrd::PageDown,
            KeyCode::Home => KeyCodeOrd::Home,
            KeyCode::End => KeyCodeOrd::End,
            KeyCode::Backspace => KeyCodeOrd::Backspace,
            _ => return None,
        };
        Some(Chord { code, ctrl })
    }

    /// A key that would be text on a line that takes typing.
    pub fn types_text(&self) -> bool {
        matches!(self.code, KeyCodeOrd::Char(_)) && !self.ctrl
    }

    /// Keys that survive SSH, tmux and old terminals: letters and other
    /// printable characters, Ctrl+letter, arrows, Enter, Esc, Tab, F-keys.
    pub fn survives_ssh(&self) -> bool {
        !matches!(
            self.code,
            KeyCodeOrd::PageUp
                | KeyCodeOrd::PageDown
                | KeyCodeOrd::Home
                | KeyCodeOrd::End
                | KeyCodeOrd::Backspace
        )
    }
}

impl fmt::Display for Chord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        match self.code {
            KeyCodeOrd::Char(' ') => f.write_str("Space"),
            KeyCodeOrd::Char(c) if self.ctrl => write!(f, "{}", c.to_ascii_uppercase()),
            KeyCodeOrd::Char(c) => write!(f, "{c}"),
            KeyCodeOrd::F(n) => write!(f, "F{n}"),
            KeyCodeOrd::BackTab => f.write_str("Shift-Tab"),
            other => write!(f, "{other:?}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub chord: Chord,
    pub action: Action,
    /// The file's own description, if it gave one: (zh, en).
    pub desc: Option<(String, String)>,
}

/// Something wrong in a keymap file, reported in the status line and `:keymap`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub origin: String,
    pub section: String,
    pub what: ProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// The file is not valid TOML of the keymap's shape.
    Unreadable(String),
    UnknownSection,
    UnknownAction(String),
    BadKey(String),
    /// A printable key bound where keys type text.
    TypedKey(String),
}

#[derive(Debug, Clone, Default)]
pub struct Keymap {
    sections: BTreeMap<String, Vec<Binding>>,
    pub problems: Vec<Problem>,
    /// Which keymap this is: a shipped name or a file path.
    pub name: String,
}

#[derive(Debug, Deserialize)]
struct FileEntry {
    on: String,
    run: String,
    #[serde(default)]
    desc: Option<FileDesc>,
}

#[derive(Debug, Deserialize)]
struct FileDesc {
    zh: String,
    en: String,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FileSection {
    #[serde(default)]
    keymap: Option<Vec<FileEntry>>,
    #[serde(default)]
    prepend_keymap: Vec<FileEntry>,
    #[serde(default)]
    append_keymap: Vec<FileEntry>,
}

impl Keymap {
    /// A shipped keymap by name; None for a name that is not shipped.
    pub fn shipped(name: &str) -> Option<Keymap> {
        let (_, text) = SHIPPED.iter().find(|(n, _)| *n == name)?;
        let mut k = Keymap {
            name: name.to_string(),
            ..Keymap::default()
        };
        k.merge(text, name);
        Some(k)
    }

    /// A keymap from a file's text (`--keymap PATH`): the default keymap
    /// with the file's sections laid over it.
    pub fn from_text(text: &str, origin: &str) -> Keymap {
        let mut k = Keymap::shipped("default").expect("the default keymap is shipped");
        k.name = origin.to_string();
        k.merge(text, origin);
        k
    }

    /// Lays a file over this keymap; problems are collected, never fatal.
    pub fn merge(&mut self, text: &str, origin: &str) {
        let file: BTreeMap<String, FileSection> = match toml::from_str(text) {
            Ok(f) => f,
            Err(e) => {
                self.problems.push(Problem {
                    origin: origin.to_string(),
                    section: String::new(),
                    what: ProblemKind::Unreadable(e.message().to_string()),
                });
                return;
            }
        };
        for (section, content) in file {
            // The supervision pane's section was `inspections` before it
            // took the pane's one name; a user file written so still works.
            let section = match section.as_str() {
                "inspections" => "supervision".to_string(),
                _ => section,
            };
            if !SECTIONS.contains(&section.as_str()) {
                self.problems.push(Problem {
                    origin: origin.to_string(),
                    section: section.clone(),
                    what: ProblemKind::UnknownSection,
                });
                continue;
            }
            let mut convert = |entries: Vec<FileEntry>| -> Vec<Binding> {
                entries
                    .into_iter()
                    .filter_map(|e| {
                        let problem = |what| Problem {
                            origin: origin.to_string(),
                            section: section.clone(),
                            what,
                        };
                        let Some(chord) = Chord::parse(&e.on) else {
                            self.problems.push(problem(ProblemKind::BadKey(e.on)));
                            return None;
                        };
                        let typed = matches!(chord.code, KeyCodeOrd::Char(_)) && !chord.ctrl;
                        if typed && TEXT_SECTIONS.contains(&section.as_str()) {
                            self.problems.push(problem(ProblemKind::TypedKey(e.on)));
                            return None;
                        }
                        let Some(action) = Action::parse(&e.run) else {
                            self.problems
                                .push(problem(ProblemKind::UnknownAction(e.run)));
                            return None;
                        };
                        Some(Binding {
                            chord,
                            action,
                            desc: e.desc.map(|d| (d.zh, d.en)),
                        })
                    })
                    .collect()
            };
            let replace = content.keymap.map(&mut convert);
            let prepend = convert(content.prepend_keymap);
            let append = convert(content.append_keymap);
            let list = self.sections.entry(section.clone()).or_default();
            if let Some(r) = replace {
                *list = r;
            }
            let mut merged = prepend;
            merged.append(list);
            for b in append {
                if !merged.iter().any(|m| m.chord == b.chord) {
                    merged.push(b);
                }
            }
            *list = merged;
        }
    }

    /// The action of a key in the given contexts, searched in order.
    pub fn lookup(&self, contexts: &[&str], chord: Chord) -> Option<Action> {
        contexts.iter().find_map(|c| {
            self.sections
                .get(*c)?
                .iter()
                .find(|b| b.chord == chord)
                .map(|b| b.action)
        })
    }

    pub fn bindings(&self, section: &str) -> &[Binding] {
        self.sections.get(section).map_or(&[], Vec::as_slice)
    }

    /// The first key that runs `action` in these contexts, for help and the palette.
    pub fn key_for(&self, contexts: &[&str], action: Action) -> Option<Chord> {
        contexts.iter().find_map(|c| {
            self.bindings(c)
                .iter()
                .find(|b| b.action == action && self.lookup(contexts, b.chord) == Some(action))
                .map(|b| b.chord)
        })
    }

    /// Every binding in force in these contexts, a shadowed one left out.
    pub fn effective(&self, contexts: &[&str]) -> Vec<&Binding> {
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for c in contexts {
            for b in self.bindings(c) {
                if !seen.contains(&b.chord) {
                    seen.push(b.chord);
                    out.push(b);
                }
            }
        }
        out
    }
}

/// How a binding is described in the help: the file's words, else the action's label.
pub fn describe(b: &Binding, lang: Lang) -> String {
    match (&b.desc, lang) {
        (Some((zh, _)), Lang::Zh) => zh.clone(),
        (Some((_, en)), Lang::En) => en.clone(),
        (None, _) => super::labels::action_label(b.action, lang).to_string(),
    }
}

impl Problem {
    /// The problem as one sentence for the help's list.
    pub fn sentence(&self, lang: Lang) -> String {
        use ProblemKind::*;
        let place = if self.section.is_empty() {
            self.origin.clone()
        } else {
            format!("{} [{}]", self.origin, self.section)
        };
        match (&self.what, lang) {
            (Unreadable(m), Lang::Zh) => format!("{place}：无法解析（{m}）"),
            (Unreadable(m), Lang::En) => format!("{place}: cannot be read ({m})"),
            (UnknownSection, Lang::Zh) => format!("{place}：没有这个分区"),
            (UnknownSection, Lang::En) => format!("{place}: no such section"),
            (UnknownAction(a), Lang::Zh) => format!("{place}：未知动作“{a}”"),
            (UnknownAction(a), Lang::En) => format!("{place}: unknown action \"{a}\""),
            (BadKey(k), Lang::Zh) => format!("{place}：无法识别的按键“{k}”"),
            (BadKey(k), Lang::En) => format!("{place}: unrecognised key \"{k}\""),
            (TypedKey(k), Lang::Zh) => format!("{place}：“{k}”在这里是输入的文字，不能绑定"),
            (TypedKey(k), Lang::En) => {
                format!("{place}: \"{k}\" is text typed here and cannot be bound")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chord(s: &str) -> Chord {
        Chord::parse(s).unwrap()
    }

    #[test]
    fn key_notation_parses_and_prints() {
        assert_eq!(chord("q").to_string(), "q");
        assert_eq!(chord("<C-f>").to_string(), "Ctrl-F");
        assert_eq!(chord("<F12>").to_string(), "F12");
        assert_eq!(chord("<S-Tab>"), chord("<BackTab>"));
        for bad in ["<C-1>", "<F13>", "<Hyper-x>", "ab", "", "中"] {
            assert_eq!(Chord::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_key_event_becomes_the_chord_the_keymap_names() {
        let ev = |code, m| KeyEvent::new(code, m);
        assert_eq!(
            Chord::from_event(&ev(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(chord("G"))
        );
        assert_eq!(
            Chord::from_event(&ev(KeyCode::Char('f'), KeyModifiers::CONTROL)),
            Some(chord("<C-f>"))
        );
        assert_eq!(
            Chord::from_event(&ev(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(chord("<S-Tab>"))
        );
    }

    #[test]
    fn a_user_file_prepends_overrides_and_appends_only_free_keys() {
        let mut k = Keymap::shipped("default").unwrap();
        let before = k.lookup(&["global"], chord("q"));
        assert_eq!(before, Some(Action::Quit));
        k.merge(
            r#"
            [global]
            prepend_keymap = [{ on = "q", run = "help" }]
            append_keymap = [{ on = "?", run = "quit" }, { on = "<F9>", run = "refresh" }]
            "#,
            "user.toml",
        );
        assert_eq!(k.lookup(&["global"], chord("q")), Some(Action::Help));
        assert_eq!(k.lookup(&["global"], chord("?")), Some(Action::Help));
        assert_eq!(k.lookup(&["global"], chord("<F9>")), Some(Action::Refresh));
        assert!(k.problems.is_empty(), "{:?}", k.problems);
    }

    #[test]
    fn problems_in_a_user_file_are_collected_not_fatal() {
        let mut k = Keymap::shipped("default").unwrap();
        k.merge(
            r#"
            [global]
            prepend_keymap = [
              { on = "<Hyper-x>", run = "quit" },
              { on = "x", run = "self-destruct" },
              { on = "z", run = "help" },
            ]
            [nowhere]
            keymap = []
            "#,
            "user.toml",
        );
        assert_eq!(k.problems.len(), 3, "{:?}", k.problems);
        assert!(
            k.problems
                .iter()
                .any(|p| p.what == ProblemKind::BadKey("<Hyper-x>".into()))
        );
        assert!(
            k.problems
                .iter()
                .any(|p| p.what == ProblemKind::UnknownAction("self-destruct".into()))
        );
        assert!(
            k.problems
                .iter()
                .any(|p| p.what == ProblemKind::UnknownSection)
        );
        assert_eq!(k.lookup(&["global"], chord("z")), Some(Action::Help));
        let mut broken = Keymap::shipped("default").unwrap();
        broken.merge("[global\nkeymap = ", "broken.toml");
        assert!(matches!(
            broken.problems[0].what,
            ProblemKind::Unreadable(_)
        ));
        assert_eq!(broken.lookup(&["global"], chord("q")), Some(Action::Quit));
    }

    #[test]
    fn a_replaced_section_keeps_only_the_files_keys() {
        let k = Keymap::from_text(
            r#"[global]
               keymap = [{ on = "x", run = "quit", desc = { zh = "走", en = "Go" } }]"#,
            "mine.toml",
        );
        assert_eq!(k.lookup(&["global"], chord("x")), Some(Action::Quit));
        assert_eq!(k.lookup(&["global"], chord("q")), None);
        assert_eq!(describe(&k.bindings("global")[0], Lang::En), "Go");
    }
}
