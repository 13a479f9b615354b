//! The lookup index: every licence, employer and person in flat arrays, so a
//! million records take about a hundred megabytes and one keystroke a few
//! milliseconds. A query is routed by its script: Chinese to the names,
//! letters to the pinyin initials, anything with a digit to the codes.

use super::fold::{fold, fold_char, is_han};
use super::initials::{bit, initials};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use std::sync::atomic::{AtomicU64, Ordering};

/// Queries longer than this cannot be a name or a code: they match nothing,
/// at once, however long they are.
pub const MAX_QUERY_CHARS: usize = 64;
/// Below this many candidates one thread is quicker than two.
const PARALLEL_FROM: usize = 40_000;
/// Score tiers: a contiguous fragment of a name above scattered letters of
/// one, and any name above a code.
const CONTIGUOUS: i64 = 300_000;
const SCATTERED: i64 = 200_000;
const CODE: i64 = 100_000;

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
    fn admits(self, kind: u8) -> bool {
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
        } else if text.chars().all(|c| c.is_ascii_lowercase()) {
            Route::Initials
        } else {
            Route::Name
        };
        let text = match route {
            // Codes are compared in capitals, without spaces or punctuation.
            Route::Code => text
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_uppercase())
                .collect(),
            _ => text,
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
    kinds: Vec<u8>,
    ids: Vec<i64>,
    ranks: Vec<u8>,
    statuses: Vec<u8>,
    status_names: Vec<String>,
    name_off: Vec<u32>,
    names: String,
    name_mask: Vec<u64>,
    ini_off: Vec<u32>,
    ini_sets: Vec<u32>,
    ini_primary: Vec<u8>,
    ini_mask: Vec<u32>,
    code_off: Vec<u32>,
    codes: String,
    /// Each record's place in name order, so ties compare two integers.
    name_order: Vec<u32>,
    /// A licence's number as written, where it differs from its code form.
    written: std::collections::HashMap<u32, Box<str>>,
}

/// A bit per character bucket: a record lacking one of the query's buckets
/// cannot match, and is skipped before any matcher runs.
fn char_bit(c: char) -> u64 {
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

/// Borrowed views of the index's arrays, for storing it.
pub(crate) struct Parts<'a> {
    pub kinds: &'a [u8],
    pub ids: &'a [i64],
    pub ranks: &'a [u8],
    pub statuses: &'a [u8],
    pub status_names: &'a [String],
    pub name_off: &'a [u32],
    pub names: &'a str,
    pub name_mask: &'a [u64],
    pub ini_off: &'a [u32],
    pub ini_sets: &'a [u32],
    pub ini_primary: &'a [u8],
    pub ini_mask: &'a [u32],
    pub code_off: &'a [u32],
    pub codes: &'a str,
    pub name_order: &'a [u32],
    pub written: &'a std::collections::HashMap<u32, Box<str>>,
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
        }
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
        let name: String = s.name.chars().filter_map(fold_char).collect();
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
        if codes != s.number {
            self.written.insert(
                self.kinds.len() as u32 - 1,
                s.number.clone().into_boxed_str(),
            );
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

    pub(crate) fn parts(&self) -> Parts<'_> {
        Parts {
            kinds: &self.kinds,
            ids: &self.ids,
            ranks: &self.ranks,
            statuses: &self.statuses,
            status_names: &self.status_names,
            name_off: &self.name_off,
            names: &self.names,
            name_mask: &self.name_mask,
            ini_off: &self.ini_off,
            ini_sets: &self.ini_sets,
            ini_primary: &self.ini_primary,
            ini_mask: &self.ini_mask,
            code_off: &self.code_off,
            codes: &self.codes,
            name_order: &self.name_order,
            written: &self.written,
        }
    }

    /// An index from stored arrays; None when they do not fit together.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn from_parts(
        kinds: Vec<u8>,
        ids: Vec<i64>,
        ranks: Vec<u8>,
        statuses: Vec<u8>,
        status_names: Vec<String>,
        name_off: Vec<u32>,
        names: String,
        name_mask: Vec<u64>,
        ini_off: Vec<u32>,
        ini_sets: Vec<u32>,
        ini_primary: Vec<u8>,
        ini_mask: Vec<u32>,
        code_off: Vec<u32>,
        codes: String,
        name_order: Vec<u32>,
        written: std::collections::HashMap<u32, Box<str>>,
    ) -> Option<Index> {
        let n = kinds.len();
        let offsets_fit = |off: &[u32], len: usize| {
            off.len() == n + 1
                && off.first() == Some(&0)
                && off.windows(2).all(|w| w[0] <= w[1])
                && off[n] as usize == len
        };
        let sound = ids.len() == n
            && ranks.len() == n
            && statuses.len() == n
            && statuses
                .iter()
                .all(|s| usize::from(*s) < status_names.len())
            && kinds.iter().all(|k| *k <= 6)
            && name_mask.len() == n
            && ini_mask.len() == n
            && (name_order.is_empty() || name_order.len() == n)
            && ini_sets.len() == ini_primary.len()
            && offsets_fit(&name_off, names.len())
            && name_off.iter().all(|o| names.is_char_boundary(*o as usize))
            && offsets_fit(&ini_off, ini_sets.len())
            && offsets_fit(&code_off, codes.len())
            && code_off.iter().all(|o| codes.is_char_boundary(*o as usize))
            && ini_primary.iter().all(u8::is_ascii_lowercase)
            && written.keys().all(|k| (*k as usize) < n);
        sound.then_some(Index {
            kinds,
            ids,
            ranks,
            statuses,
            status_names,
            name_off,
            names,
            name_mask,
            ini_off,
            ini_sets,
            ini_primary,
            ini_mask,
            code_off,
            codes,
            name_order,
            written,
        })
    }

    /// Gives back the memory the arrays grew into, without ranking the names:
    /// enough for one search (ties then compare the names themselves).
    pub fn finish_for_once(&mut self) {
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
        self.shrink();
    }

    fn shrink(&mut self) {
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

    fn codes_of(&self, i: usize) -> &str {
        &self.codes[self.code_off[i] as usize..self.code_off[i + 1] as usize]
    }

    /// A quick score for record `i`, None when it does not match. Contiguous
    /// fragments score by where they start; scattered letters by how tightly
    /// they sit, to be ranked by the fuzzy matcher afterwards.
    fn quick(&self, i: usize, q: &Query, q_mask: u64, q_letters: u32) -> Option<(i64, bool)> {
        match q.route {
            Route::Name => {
                if self.name_mask[i] & q_mask != q_mask {
                    return None;
                }
                let name = &self.names[self.name_off[i] as usize..self.name_off[i + 1] as usize];
                if let Some(pos) = name.find(&q.text) {
                    let before = name[..pos].chars().count() as i64;
                    return Some((CONTIGUOUS - before * 8 - name.chars().count() as i64, false));
                }
                let mut want = q.text.chars().peekable();
                let (mut first, mut last) = (None, 0);
                for (j, c) in name.chars().enumerate() {
                    if want.peek() == Some(&c) {
                        want.next();
                        first.get_or_insert(j);
                        last = j;
                    }
                }
                if want.peek().is_some() {
                    return None;
                }
                let first = first.unwrap_or(0) as i64;
                Some((SCATTERED - (last as i64 - first) * 16 - first * 2, true))
            }
            Route::Initials => {
                if self.ini_mask[i] & q_letters != q_letters {
                    return None;
                }
                let sets = &self.ini_sets[self.ini_off[i] as usize..self.ini_off[i + 1] as usize];
                let q = q.text.as_bytes();
                if q.len() > sets.len() {
                    return None;
                }
                for start in 0..=sets.len() - q.len() {
                    if q.iter().zip(&sets[start..]).all(|(l, s)| s & bit(*l) != 0) {
                        // Letters read the common way rank above rare readings.
                        let primary = &self.ini_primary[self.ini_off[i] as usize + start..];
                        let common = q.iter().zip(primary).filter(|(a, b)| a == b).count() as i64;
                        return Some((
                            CONTIGUOUS - start as i64 * 8 - sets.len() as i64 + common * 2,
                            false,
                        ));
                    }
                }
                let (mut k, mut first, mut last) = (0, None, 0);
                for (j, set) in sets.iter().enumerate() {
                    if k < q.len() && set & bit(q[k]) != 0 {
                        k += 1;
                        first.get_or_insert(j);
                        last = j;
                    }
                }
                if k < q.len() {
                    return None;
                }
                let first = first.unwrap_or(0) as i64;
                Some((SCATTERED - (last as i64 - first) * 16 - first * 2, true))
            }
            Route::Code => {
                let pos = self.codes_of(i).find(&q.text)?;
                Some((CODE - pos as i64, false))
            }
        }
    }

    /// The fuzzy matcher's score for a scattered match, kept below every
    /// contiguous one: on the name, or on the initials spelled with the
    /// reading of each character that the query asks for.
    fn fuzzy(&self, i: usize, q: &Query, matcher: &SkimMatcherV2) -> i64 {
        let skim = match q.route {
            Route::Name => matcher.fuzzy_match(
                &self.names[self.name_off[i] as usize..self.name_off[i + 1] as usize],
                &q.text,
            ),
            Route::Initials => {
                let (a, b) = (self.ini_off[i] as usize, self.ini_off[i + 1] as usize);
                let q = q.text.as_bytes();
                let mut spelled = self.ini_primary[a..b].to_vec();
                let mut k = 0;
                for (j, set) in self.ini_sets[a..b].iter().enumerate() {
                    if k < q.len() && set & bit(q[k]) != 0 {
                        spelled[j] = q[k];
                        k += 1;
                    }
                }
                match (std::str::from_utf8(&spelled), std::str::from_utf8(q)) {
                    // Initials typed together are usually one word (人力 rl):
                    // each pair found side by side counts extra.
                    (Ok(c), Ok(p)) => matcher.fuzzy_indices(c, p).map(|(score, at)| {
                        score + 15 * at.windows(2).filter(|w| w[1] == w[0] + 1).count() as i64
                    }),
                    _ => None,
                }
            }
            Route::Code => None,
        };
        SCATTERED + skim.unwrap_or(0).min(SCATTERED - 1)
    }

    /// Every record whose codes contain the query: one pass over all codes
    /// at memory speed, rather than a search per record.
    fn scan_codes(
        &self,
        q: &Query,
        filter: KindFilter,
        stop_after: Option<usize>,
    ) -> Vec<(u32, i64, bool)> {
        let finder = memchr::memmem::Finder::new(q.text.as_bytes());
        let hay = self.codes.as_bytes();
        let mut out = Vec::new();
        let (mut at, mut rec) = (0usize, 0usize);
        while let Some(found) = finder.find(&hay[at..]) {
            let pos = at + found;
            // Find the record the match lies in (records are in order), then
            // go on from the next record: one hit per record is enough.
            let ahead = self.code_off[rec + 1..].partition_point(|&end| end as usize <= pos);
            rec += ahead;
            if filter.admits(self.kinds[rec]) {
                out.push((
                    rec as u32,
                    CODE - (pos - self.code_off[rec] as usize) as i64,
                    false,
                ));
                if stop_after.is_some_and(|n| out.len() >= n) {
                    break;
                }
            }
            at = self.code_off[rec + 1] as usize;
        }
        out
    }

    /// Searches; `previous` lets a query that extends the last one rescore
    /// only its matches. Returns None when `cancel` moved on (a newer keystroke).
    pub fn search(
        &self,
        raw: &str,
        filter: KindFilter,
        limit: usize,
        previous: Option<&Hits>,
        cancel: Option<(&AtomicU64, u64)>,
    ) -> Option<Hits> {
        let Some(q) = Query::new(raw) else {
            return Some(Hits::default());
        };
        let narrowing = previous.and_then(|p| {
            let pq = p.query.as_ref()?;
            let same =
                pq.route == q.route && p.filter == Some(filter) && q.text.starts_with(&pq.text);
            if same { p.matched.as_ref() } else { None }
        });
        let q_mask = q.text.chars().fold(0, |m, c| m | char_bit(c));
        let q_letters = if q.route == Route::Initials {
            q.text.bytes().fold(0, |m, l| m | bit(l))
        } else {
            0
        };
        let stale = || cancel.is_some_and(|(g, mine)| g.load(Ordering::Relaxed) != mine);
        // One character (or two digits of a code) says too little to rank:
        // the first page, as stored.
        let one_char = q.text.chars().count() == 1 || (q.route == Route::Code && q.text.len() < 3);
        let stop_after = one_char.then_some(limit);
        let run = |cands: &mut dyn Iterator<Item = usize>| -> Option<Vec<(u32, i64, bool)>> {
            let mut out = Vec::new();
            for (n, i) in cands.enumerate() {
                if n % 16_384 == 0 && stale() {
                    return None;
                }
                if !filter.admits(self.kinds[i]) {
                    continue;
                }
                if let Some((score, scattered)) = self.quick(i, &q, q_mask, q_letters) {
                    out.push((i as u32, score, scattered));
                    if stop_after.is_some_and(|n| out.len() >= n) {
                        break;
                    }
                }
            }
            Some(out)
        };
        let total = narrowing.map_or(self.len(), Vec::len);
        let scored = if q.route == Route::Code && total >= PARALLEL_FROM {
            self.scan_codes(&q, filter, stop_after)
        } else if total >= PARALLEL_FROM && !one_char {
            // One worker per core, each over half the candidates.
            let half = total / 2;
            let (a, b) = std::thread::scope(|s| {
                let left = s.spawn(|| match narrowing {
                    Some(m) => run(&mut m[..half].iter().map(|i| *i as usize)),
                    None => run(&mut (0..half)),
                });
                let right = match narrowing {
                    Some(m) => run(&mut m[half..].iter().map(|i| *i as usize)),
                    None => run(&mut (half..total)),
                };
                (left.join().ok().flatten(), right)
            });
            let (mut a, b) = (a?, b?);
            a.extend(b);
            a
        } else {
            match narrowing {
                Some(m) => run(&mut m.iter().map(|i| *i as usize))?,
                None => run(&mut (0..total))?,
            }
        };
        if stale() {
            return None;
        }
        let matched = (!one_char).then(|| scored.iter().map(|(i, _, _)| *i).collect());
        let top = if one_char {
            scored
                .iter()
                .map(|&(index, score, _)| Hit { index, score })
                .collect()
        } else {
            self.rank(&q, scored, limit)
        };
        Some(Hits {
            query: Some(q),
            filter: Some(filter),
            matched,
            top,
        })
    }

    /// The best `limit`: contiguous fragments by where they start, scattered
    /// ones by the fuzzy matcher; then valid before the rest, then name, then
    /// index, so equal hits always come in the same order.
    fn rank(&self, q: &Query, mut scored: Vec<(u32, i64, bool)>, limit: usize) -> Vec<Hit> {
        let order = |a: &(u32, i64, bool), b: &(u32, i64, bool)| {
            b.1.cmp(&a.1)
                .then(self.ranks[a.0 as usize].cmp(&self.ranks[b.0 as usize]))
                .then_with(|| match self.name_order.is_empty() {
                    false => self.name_order[a.0 as usize].cmp(&self.name_order[b.0 as usize]),
                    true => self.name(a.0).cmp(self.name(b.0)).then(a.0.cmp(&b.0)),
                })
        };
        // Keep a few times the page by the quick score, then let the fuzzy
        // matcher order the scattered ones among them.
        let keep = limit.saturating_mul(3).max(300);
        if scored.len() > keep {
            scored.select_nth_unstable_by(keep - 1, order);
            scored.truncate(keep);
        }
        let matcher = SkimMatcherV2::default();
        let mut fin: Vec<(u32, i64, bool)> = scored
            .into_iter()
            .map(|(i, s, scattered)| {
                if scattered {
                    (i, self.fuzzy(i as usize, q, &matcher), true)
                } else {
                    (i, s, false)
                }
            })
            .collect();
        fin.sort_by(order);
        fin.truncate(limit);
        fin.into_iter()
            .map(|(index, score, _)| Hit { index, score })
            .collect()
    }
}
