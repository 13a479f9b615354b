//! Matching and ranking: a quick score in the hot path for every candidate,
//! the fuzzy matcher for the scattered matches that may reach the page.

use super::index::{
    CODE, CONTIGUOUS, Hit, Hits, ID_KEPT, Index, KindFilter, PARALLEL_FROM, Query, Route,
    SCATTERED, char_bit, whole,
};
use super::initials::bit;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use std::sync::atomic::{AtomicU64, Ordering};

impl Index {
    /// A person's ID number is found only from its start and by fourteen
    /// characters or more (area and birth date): a fragment from its middle
    /// would tell who was born on a given day, which the masking hides.
    /// What of a code query record `i` is matched on: a person's kept
    /// part of the ID number meets only as much of a longer query.
    fn code_query<'q>(&self, i: usize, text: &'q str) -> &'q str {
        if self.kinds[i] == 6 {
            text.get(..ID_KEPT).unwrap_or(text)
        } else {
            text
        }
    }

    fn code_may_match(&self, i: usize, pos: usize, len: usize) -> bool {
        self.kinds[i] != 6 || (pos == 0 && len >= 14)
    }

    /// A licence number as written, Chinese and all: `第0107号`.
    fn written_match(&self, i: usize, q: &Query, q_mask: u64) -> Option<(i64, bool)> {
        if self.kinds[i] > 4 {
            return None;
        }
        let (mask, folded) = self.written_folded.get(&(i as u32))?;
        if mask & q_mask != q_mask {
            return None;
        }
        let pos = folded.find(&q.text)?;
        Some((CODE - pos as i64, false))
    }

    /// A quick score for record `i`, None when it does not match. Contiguous
    /// fragments score by where they start; scattered letters by how tightly
    /// they sit, to be ranked by the fuzzy matcher afterwards.
    /// `written`: whether the query may be a licence number as written.
    fn quick(
        &self,
        i: usize,
        q: &Query,
        q_mask: u64,
        q_letters: u32,
        written: bool,
    ) -> Option<(i64, bool)> {
        match q.route {
            Route::Name => {
                if self.name_mask[i] & q_mask != q_mask {
                    return if written {
                        self.written_match(i, q, q_mask)
                    } else {
                        None
                    };
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
                    return if written {
                        self.written_match(i, q, q_mask)
                    } else {
                        None
                    };
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
                let text = self.code_query(i, &q.text);
                let pos = self.codes_of(i).find(text)?;
                self.code_may_match(i, pos, text.len())
                    .then_some((CODE - pos as i64, false))
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
        let mut out = self.scan_for(&q.text, |k| filter.admits(k), stop_after);
        // Persons keep 14 characters: a longer query finds them by those.
        if let Some(kept) = q.text.get(..ID_KEPT).filter(|k| k.len() < q.text.len()) {
            let more = stop_after.map(|n| n.saturating_sub(out.len()));
            if more != Some(0) {
                out.extend(self.scan_for(kept, |k| k == 6 && filter.admits(k), more));
            }
        }
        out
    }

    /// Every record admitted by `admits` whose codes contain `text`.
    fn scan_for(
        &self,
        text: &str,
        admits: impl Fn(u8) -> bool,
        stop_after: Option<usize>,
    ) -> Vec<(u32, i64, bool)> {
        let q_len = text.len();
        let finder = memchr::memmem::Finder::new(text.as_bytes());
        let hay = self.codes.as_bytes();
        let mut out = Vec::new();
        let (mut at, mut rec) = (0usize, 0usize);
        while let Some(found) = finder.find(&hay[at..]) {
            let pos = at + found;
            // Find the record the match lies in (records are in order), then
            // go on from the next record: one hit per record is enough.
            let ahead = self.code_off[rec + 1..].partition_point(|&end| end as usize <= pos);
            rec += ahead;
            let rel = pos - self.code_off[rec] as usize;
            if admits(self.kinds[rec]) && self.code_may_match(rec, rel, q_len) {
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
        let written = self.may_be_written(&q.text);
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
                if let Some((score, scattered)) = self.quick(i, &q, q_mask, q_letters, written) {
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
        let mut top: Vec<Hit> = if one_char {
            scored
                .iter()
                .map(|&(index, score, _)| Hit { index, score })
                .collect()
        } else {
            self.rank(&q, scored, limit)
        };
        if filter == KindFilter::All {
            // Grouped as the desk asks: licences, then employers, then
            // persons, each in its rank order (the sort is stable); whole
            // fragments of any kind still come before scattered letters.
            top.sort_by_key(|h| {
                let group = match self.kinds[h.index as usize] {
                    0..=4 => 0,
                    5 => 1,
                    _ => 2,
                };
                (!whole(h.score), group)
            });
        }
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
