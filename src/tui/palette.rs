//! The command palette: every action, found by its Chinese name, the pinyin
//! initials of that name, its English name or its code.

use super::action::Action;
use crate::i18n::Lang;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use pinyin::ToPinyin;

/// The lowercase pinyin initials of Chinese text; other letters and digits kept.
pub fn initials(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c.to_pinyin() {
            Some(p) => p.first_letter().chars().next(),
            None if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
            None => None,
        })
        .collect()
}

#[derive(Debug, Clone)]
pub struct Palette {
    pub query: String,
    /// Matching actions, best first.
    pub matches: Vec<Action>,
    pub selected: usize,
}

impl Default for Palette {
    fn default() -> Self {
        Palette::new()
    }
}

impl Palette {
    pub fn new() -> Self {
        let mut p = Palette {
            query: String::new(),
            matches: Vec::new(),
            selected: 0,
        };
        p.refresh();
        p
    }

    pub fn push(&mut self, c: char) {
        self.query.push(c);
        self.refresh();
    }

    pub fn pop(&mut self) {
        self.query.pop();
        self.refresh();
    }

    pub fn step(&mut self, d: isize) {
        if !self.matches.is_empty() {
            let n = self.matches.len() as isize;
            self.selected = (self.selected as isize + d).rem_euclid(n) as usize;
        }
    }

    pub fn chosen(&self) -> Option<Action> {
        self.matches.get(self.selected).copied()
    }

    fn refresh(&mut self) {
        self.selected = 0;
        let q = self.query.trim().to_lowercase();
        if q.is_empty() {
            self.matches = Action::ALL
                .iter()
                .copied()
                .filter(|a| !a.layer_only())
                .collect();
            return;
        }
        let matcher = SkimMatcherV2::default();
        let mut scored: Vec<(i64, usize, Action)> = Action::ALL
            .iter()
            .enumerate()
            .filter(|(_, a)| !a.layer_only())
            .filter_map(|(i, a)| {
                let zh = super::labels::action_label(*a, Lang::Zh);
                let en = super::labels::action_label(*a, Lang::En).to_lowercase();
                [zh.to_string(), initials(zh), en, a.code().to_string()]
                    .iter()
                    .filter_map(|field| matcher.fuzzy_match(field, &q))
                    .max()
                    .map(|s| (s, i, *a))
            })
            .collect();
        // Best score first; ties keep the actions' own order.
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        self.matches = scored.into_iter().map(|(_, _, a)| a).collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(q: &str) -> Option<Action> {
        let mut p = Palette::new();
        for c in q.chars() {
            p.push(c);
        }
        p.chosen()
    }

    #[test]
    fn pinyin_initials_of_chinese_names() {
        assert_eq!(initials("切换中文 / English"), "qhzwenglish");
        assert_eq!(initials("帮助：本页按键"), "bzbyaj");
    }

    #[test]
    fn commands_are_found_in_chinese_pinyin_initials_and_english() {
        assert_eq!(first("退出"), Some(Action::Quit));
        assert_eq!(first("tc"), Some(Action::Quit));
        assert_eq!(first("quit"), Some(Action::Quit));
        assert_eq!(first("许可"), Some(Action::Pane2));
        assert_eq!(first("xkcx"), Some(Action::Pane2));
        assert_eq!(first("keymap"), Some(Action::KeymapView));
        assert_eq!(first("jw"), Some(Action::KeymapView));
        assert_eq!(first("zzzzqqq"), None);
    }
}
