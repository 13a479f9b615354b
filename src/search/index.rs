//! The lookup index: every licence, employer and person in flat arrays, so a
//! million records take about a hundred megabytes and one keystroke a few
//! milliseconds. A query is routed by its script: Chinese to the names,
//! letters to the pinyin initials, anything with a digit to the codes.

use super::fold::{fold, fold_char, is_han};
use super::initials::initials;

/// Queries longer than this cannot be a name or a code: they match nothing,
/// at once, however long they are.
pub const MAX_QUERY_CHARS: usize = 64;
/// Below this many candidates one thread is quicker than two.
pub(super) const PARALLEL_FROM: usize = 40_000;
/// Score tiers: a contiguous fragment of a name above scattered letters of
/// one, and any name above a code.
pub(super) const CONTIGUOUS: i64 = 300_000;
pub(super) const SCATTERED: i64 = 200_000;
pub(super) const CODE: i64 = 100_000;

/// Whether a score is of a whole fragment (of a name or a code) rather than
/// of scattered letters: the tiers the lookup groups kinds within.
pub(super) fn whole(score: i64) -> bool {
    score <= CODE || score >= (SCATTERED + CONTIGUOUS) / 2
}

/// What a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordKind {
    /// One of the five licence and agreement kinds.
    Licence(crate::domain::LicenceKind),
    Employer,
    Person,
}

impl RecordKind {
    fn code(self) -> u8 {
        match self {
            RecordKind::Licence(k) => crate::domain::LicenceKind::ALL
                .iter()
                .position(|x| *x == k)
                .unwrap_or(0) as u8,
            RecordKind::Employer => 5,
            RecordKind::Person => 6,
        }
    }

    fn from_code(c: u8) -> RecordKind {
        match c {
            5 => RecordKind::Employer,
            6 => RecordKind::Person,
            n => RecordKind::Licence(crate::domain::LicenceKind::ALL[usize::from(n).min(4)]),
        }
    }
}

/// How much of a person's ID number the index keeps: enough to find the
/// person (region, birth day), never the sequence and check digit.
pub const ID_KEPT: usize = 14;

/// Which records a search looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KindFilter {
    All,
    Licences,
    Employers,
    Persons,
    /// One licence kind.
    Only(crate::domain::LicenceKind),
}

impl KindFilter {
    pub(super) fn admits(self, kind: u8) -> bool {
        match self {
            KindFilter::All => true,
            KindFilter::Licences => kind < 5,
            KindFilter::Employers => kind == 5,
            KindFilter::Persons => kind == 6,
            KindFilter::Only(k) => kind == RecordKind::Licence(k).code(),
        }
    }
}

/// A record as it goes into the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub kind: RecordKind,
    pub id: i64,
    pub name: String,
    /// Licence number, credit code, or resident ID number.
    pub number: String,
    /// A second code: a licence holder's credit code.
    pub uscc: String,
    /// 0 for valid or active; larger is worse. Ties rank by it.
    pub rank: u8,
    /// The stored status code, shown with the hit.
    pub status: String,
    /// A person's employer (its record id), named beside the person's hits.
    pub employer_id: Option<i64>,
}

/// The route a query takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Name,
    Initials,
    Code,
}

/// A prepared query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    pub route: Route,
}

impl Query {
    /// None for a query that can match nothing: empty, only spaces, or too long.
    pub fn new(raw: &str) -> Option<Query> {
        if raw.chars().count() > MAX_QUERY_CHARS * 4 {
            return None;
        }
        let text = fold(raw);
        let n = text.chars().count();
        if n == 0 || n > MAX_QUERY_CHARS {
            return None;
        }
        let route = if text.chars().any(is_han) {
            Route::Name
        } else if text.chars().any(|c| c.is_ascii_digit()) {
            Route::Code
        } else if text.chars().all(|c| c.is_ascii_lowercase() || c == ' ') {
            Route::Initials
        } else {
            Route::Name
        };
        let text: String = match route {
            // Codes are compared in capitals, without spaces or punctuation.
            Route::Code => text
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_uppercase())
                .collect(),
            // A space only separates what is typed: `鹿泉 人力`, `lq rl`.
            _ => text.chars().filter(|c| !c.is_whitespace()).collect(),
        };
        if text.is_empty() {
            return None;
        }
        Some(Query { text, route })
    }
}

/// One search's answer; kept so that the next, longer query rescores only these.
#[derive(Debug, Clone, Default)]
pub struct Hits {
    pub query: Option<Query>,
    pub filter: Option<KindFilter>,
    /// Every matching record, in index order; None after a one-character
    /// query, which stops at the first page.
    pub matched: Option<Vec<u32>>,
    /// The best, ranked.
    pub top: Vec<Hit>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub index: u32,
    pub score: i64,
}

/// The flat index.
#[derive(Debug)]
pub struct Index {
    pub(super) kinds: Vec<u8>,
    pub(super) ids: Vec<i64>,
    pub(super) ranks: Vec<u8>,
    pub(super) statuses: Vec<u8>,
    pub(super) status_names: Vec<String>,
    pub(super) name_off: Vec<u32>,
    pub(super) names: String,
    pub(super) name_mask: Vec<u64>,
    pub(super) ini_off: Vec<u32>,
    pub(super) ini_sets: Vec<u32>,
    pub(super) ini_primary: Vec<u8>,
    pub(super) ini_mask: Vec<u32>,
    pub(super) code_off: Vec<u32>,
    pub(super) codes: String,
    /// Each record's place in name order, so ties compare two integers.
    pub(super) name_order: Vec<u32>,
    /// A licence's number as written, where it differs from its code form.
    pub(super) written: std::collections::HashMap<u32, Box<str>>,
    /// A licence's of those folded for matching, with its character
    /// buckets: derived (not stored), so a keystroke neither folds nor
    /// allocates for each licence its name did not match; the licences
    /// alone, so the map stays small enough for the cache.
    pub(super) written_folded: std::collections::HashMap<u32, (u64, Box<str>)>,
    /// Every character of those, sorted.
    pub(super) written_chars: Vec<char>,
    /// A name as written, where folding changed it (full-width, capitals).
    pub(super) shown_names: std::collections::HashMap<u32, Box<str>>,
    /// Each record's employer's place in the index (`NO_EMPLOYER` for none):
    /// a person's hit names where the person works, so eleven 袁磊 differ.
    pub(super) employer_of: Vec<u32>,
    /// Persons' employers by record id, until `finish` finds their places.
    pub(super) employer_ids: Vec<(u32, i64)>,
}

/// `employer_of`'s mark for a record with no employer in the index.
pub(super) const NO_EMPLOYER: u32 = u32::MAX;

/// A bit per character bucket: a record lacking one of the query's buckets
/// cannot match, and is skipped before any matcher runs.
pub(super) fn char_bit(c: char) -> u64 {
    1 << ((c as u32).wrapping_mul(0x9E37_79B1) >> 26)
}

/// Licence numbers are also searched by their digits, each group without
/// leading zeros: `(冀)人服证字[2023]第0107号` is found by `2023107` and `20230107`.
fn digit_forms(number: &str) -> [String; 2] {
    let mut all = String::new();
    let mut stripped = String::new();
    let mut group = String::new();
    let flush = |group: &mut String, stripped: &mut String| {
        let t = group.trim_start_matches('0');
        stripped.push_str(if t.is_empty() && !group.is_empty() {
            "0"
        } else {
            t
        });
        group.clear();
    };
    for c in number.chars() {
        if c.is_ascii_digit() {
            all.push(c);
            group.push(c);
        } else {
            flush(&mut group, &mut stripped);
        }
    }
    flush(&mut group, &mut stripped);
    [all, stripped]
}

fn code_form(s: &str) -> String {
    s.chars()
        .filter_map(fold_char)
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

impl Default for Index {
    fn default() -> Self {
        Index::new()
    }
}

impl Index {
    pub fn build(sources: impl IntoIterator<Item = Source>) -> Index {
        let mut ix = Index::new();
        for s in sources {
            ix.push(s);
        }
        ix.finish();
        ix
    }

    /// An empty index to `push` into, then `finish`.
    pub fn new() -> Index {
        Index {
            kinds: Vec::new(),
            ids: Vec::new(),
            ranks: Vec::new(),
            statuses: Vec::new(),
            status_names: Vec::new(),
            name_off: vec![0],
            names: String::new(),
            name_mask: Vec::new(),
            ini_off: vec![0],
            ini_sets: Vec::new(),
            ini_primary: Vec::new(),
            ini_mask: Vec::new(),
            code_off: vec![0],
            codes: String::new(),
            name_order: Vec::new(),
            written: std::collections::HashMap::new(),
            written_folded: std::collections::HashMap::new(),
            written_chars: Vec::new(),
            shown_names: std::collections::HashMap::new(),
            employer_of: Vec::new(),
            employer_ids: Vec::new(),
        }
    }

    /// Keeps licence `i`'s written number folded for matching, with its
    /// buckets, and notes its characters.
    pub(super) fn add_written(&mut self, i: u32, written: &str) {
        let folded = super::fold::fold(written);
        for c in folded.chars() {
            if let Err(at) = self.written_chars.binary_search(&c) {
                self.written_chars.insert(at, c);
            }
        }
        let mask = folded.chars().fold(0, |m, c| m | char_bit(c));
        self.written_folded
            .insert(i, (mask, folded.into_boxed_str()));
    }

    /// Whether some licence's written number has every character of `text`:
    /// when not, no record is looked up for it (the names' search stays as
    /// quick as it was).
    pub(super) fn may_be_written(&self, text: &str) -> bool {
        !self.written_folded.is_empty()
            && text
                .chars()
                .all(|c| self.written_chars.binary_search(&c).is_ok())
    }

    pub fn push(&mut self, s: Source) {
        self.kinds.push(s.kind.code());
        self.ids.push(s.id);
        self.ranks.push(s.rank);
        let status = match self.status_names.iter().position(|n| *n == s.status) {
            Some(p) => p,
            None => {
                self.status_names.push(s.status.clone());
                self.status_names.len() - 1
            }
        };
        self.statuses.push(status as u8);
        if let Some(e) = s.employer_id {
            self.employer_ids.push((self.kinds.len() as u32 - 1, e));
        }
        let name: String = s.name.chars().filter_map(fold_char).collect();
        if name != s.name {
            let at = self.kinds.len() as u32 - 1;
            self.shown_names.insert(at, s.name.clone().into_boxed_str());
        }
        self.name_mask
            .push(name.chars().fold(0, |m, c| m | char_bit(c)));
        self.names.push_str(&name);
        self.name_off.push(self.names.len() as u32);
        let (sets, primary) = initials(&name, s.kind == RecordKind::Person);
        self.ini_mask.push(sets.iter().fold(0, |m, s| m | s));
        self.ini_sets.extend_from_slice(&sets);
        self.ini_primary.extend_from_slice(&primary);
        self.ini_off.push(self.ini_sets.len() as u32);
        let mut codes = code_form(&s.number);
        if s.kind == RecordKind::Person {
            // A person is found from the first 14 characters of the ID
            // number (region and birth day): the sequence and check digit
            // are never kept, so neither the index nor its cache file holds
            // a full ID number.
            codes.truncate(
                codes
                    .char_indices()
                    .nth(ID_KEPT)
                    .map_or(codes.len(), |(b, _)| b),
            );
        } else if codes != s.number {
            let i = self.kinds.len() as u32 - 1;
            // Only a licence's number is searched as written.
            if matches!(s.kind, RecordKind::Licence(_)) {
                self.add_written(i, &s.number);
            }
            self.written.insert(i, s.number.clone().into_boxed_str());
        }
        if matches!(s.kind, RecordKind::Licence(_)) {
            for form in digit_forms(&s.number) {
                codes.push(' ');
                codes.push_str(&form);
            }
        }
        if !s.uscc.is_empty() {
            codes.push(' ');
            codes.push_str(&code_form(&s.uscc));
        }
        self.codes.push_str(&codes);
        // A separator no query contains: a match never spans two records.
        self.codes.push('\n');
        self.code_off.push(self.codes.len() as u32);
    }

    /// Whether arrays read back from a file fit together, so that no search
    /// can index out of bounds or split a character.
    pub(super) fn sound(&self) -> bool {
        let n = self.kinds.len();
        let offsets_fit = |off: &[u32], len: usize| {
            off.len() == n + 1
                && off.first() == Some(&0)
                && off.windows(2).all(|w| w[0] <= w[1])
                && off[n] as usize == len
        };
        self.ids.len() == n
            && self.ranks.len() == n
            && self.statuses.len() == n
            && self
                .statuses
                .iter()
                .all(|s| usize::from(*s) < self.status_names.len())
            && self.kinds.iter().all(|k| *k <= 6)
            && self.name_mask.len() == n
            && self.ini_mask.len() == n
            && (self.name_order.is_empty() || self.name_order.len() == n)
            && self.employer_of.len() == n
            && self
                .employer_of
                .iter()
                .all(|e| *e == NO_EMPLOYER || (*e as usize) < n)
            && self.ini_sets.len() == self.ini_primary.len()
            && offsets_fit(&self.name_off, self.names.len())
            && self
                .name_off
                .iter()
                .all(|o| self.names.is_char_boundary(*o as usize))
            && offsets_fit(&self.ini_off, self.ini_sets.len())
            && offsets_fit(&self.code_off, self.codes.len())
            && self
                .code_off
                .iter()
                .all(|o| self.codes.is_char_boundary(*o as usize))
            && self.ini_primary.iter().all(u8::is_ascii_lowercase)
            && self.written.keys().all(|k| (*k as usize) < n)
            && self.shown_names.keys().all(|k| (*k as usize) < n)
    }

    /// Gives back the memory the arrays grew into, without ranking the names:
    /// enough for one search (ties then compare the names themselves).
    pub fn finish_for_once(&mut self) {
        self.link_employers();
        self.shrink();
    }

    /// Ranks the names and gives back the memory the arrays grew into.
    pub fn finish(&mut self) {
        let mut by_name: Vec<u32> = (0..self.len() as u32).collect();
        by_name.sort_by(|a, b| self.name(*a).cmp(self.name(*b)).then(a.cmp(b)));
        self.name_order = vec![0; by_name.len()];
        for (place, i) in by_name.into_iter().enumerate() {
            self.name_order[i as usize] = place as u32;
        }
        self.link_employers();
        self.shrink();
    }

    /// Finds each person's employer's place among the records pushed.
    fn link_employers(&mut self) {
        if self.employer_ids.is_empty() {
            self.employer_of.resize(self.kinds.len(), NO_EMPLOYER);
            return;
        }
        let places: std::collections::HashMap<i64, u32> = self
            .kinds
            .iter()
            .zip(&self.ids)
            .enumerate()
            .filter(|(_, (k, _))| **k == RecordKind::Employer.code())
            .map(|(i, (_, id))| (*id, i as u32))
            .collect();
        // Finishing twice keeps what the first found.
        self.employer_of.resize(self.kinds.len(), NO_EMPLOYER);
        for (i, e) in std::mem::take(&mut self.employer_ids) {
            if let Some(at) = places.get(&e) {
                self.employer_of[i as usize] = *at;
            }
        }
    }

    /// A person's employer's place in the index, when it is there.
    pub fn employer(&self, i: u32) -> Option<u32> {
        self.employer_of
            .get(i as usize)
            .copied()
            .filter(|e| *e != NO_EMPLOYER)
    }

    fn shrink(&mut self) {
        self.employer_of.shrink_to_fit();
        self.kinds.shrink_to_fit();
        self.ids.shrink_to_fit();
        self.ranks.shrink_to_fit();
        self.statuses.shrink_to_fit();
        self.name_off.shrink_to_fit();
        self.names.shrink_to_fit();
        self.name_mask.shrink_to_fit();
        self.ini_off.shrink_to_fit();
        self.ini_sets.shrink_to_fit();
        self.ini_primary.shrink_to_fit();
        self.ini_mask.shrink_to_fit();
        self.code_off.shrink_to_fit();
        self.codes.shrink_to_fit();
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Bytes the index holds on the heap.
    pub fn heap_bytes(&self) -> usize {
        self.kinds.capacity()
            + self.ids.capacity() * 8
            + self.ranks.capacity()
            + self.statuses.capacity()
            + self.name_off.capacity() * 4
            + self.names.capacity()
            + self.name_mask.capacity() * 8
            + self.ini_off.capacity() * 4
            + self.ini_sets.capacity() * 4
            + self.ini_primary.capacity()
            + self.ini_mask.capacity() * 4
            + self.code_off.capacity() * 4
            + self.codes.capacity()
            + self.name_order.capacity() * 4
            + self.employer_of.capacity() * 4
    }

    pub fn kind(&self, i: u32) -> RecordKind {
        RecordKind::from_code(self.kinds[i as usize])
    }

    pub fn id(&self, i: u32) -> i64 {
        self.ids[i as usize]
    }

    pub fn name(&self, i: u32) -> &str {
        let i = i as usize;
        &self.names[self.name_off[i] as usize..self.name_off[i + 1] as usize]
    }

    /// The name as written, for showing.
    pub fn display_name(&self, i: u32) -> &str {
        self.shown_names
            .get(&i)
            .map_or_else(|| self.name(i), AsRef::as_ref)
    }

    pub fn status(&self, i: u32) -> &str {
        &self.status_names[usize::from(self.statuses[i as usize])]
    }

    /// The record's number as written: licence number, credit code or ID number.
    pub fn number(&self, i: u32) -> &str {
        if let Some(w) = self.written.get(&i) {
            return w;
        }
        let i = i as usize;
        let all = &self.codes[self.code_off[i] as usize..self.code_off[i + 1] as usize];
        all.split([' ', '\n']).next().unwrap_or("")
    }

    /// The number as a list shows it: a person's kept part of the ID
    /// number with the rest starred (`130102************`), others whole.
    pub fn shown_number(&self, i: u32) -> String {
        match self.kind(i) {
            RecordKind::Person => {
                let kept = self.number(i);
                let front: String = kept.chars().take(6).collect();
                format!("{front}{}", "*".repeat(18 - front.chars().count()))
            }
            _ => self.number(i).to_string(),
        }
    }

    /// The credit code: a licence holder's, or an employer's own; empty for persons.
    pub fn uscc(&self, i: u32) -> &str {
        match self.kind(i) {
            RecordKind::Person => "",
            RecordKind::Employer => self.number(i),
            RecordKind::Licence(_) => {
                let all = self.codes_of(i as usize).trim_end_matches('\n');
                let last = all.rsplit(' ').next().unwrap_or("");
                // Licences without a credit code end on a digit form instead.
                if last.len() == 18 && last.chars().any(|c| c.is_ascii_alphabetic()) {
                    last
                } else {
                    ""
                }
            }
        }
    }

    pub(super) fn codes_of(&self, i: usize) -> &str {
        &self.codes[self.code_off[i] as usize..self.code_off[i + 1] as usize]
    }
}
