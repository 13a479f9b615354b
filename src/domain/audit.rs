//! The audit log's hash chain (审计日志). Each entry carries the hash of the
//! one before it; the hash is SHA-256 over a canonical JSON form of the entry,
//! so altering, deleting, inserting or reordering entries breaks the chain.

use chrono::{DateTime, SubsecRound, Utc};
use sha2::{Digest, Sha256};

/// The hash the first entry points back to.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One audit entry as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: DateTime<Utc>,
    /// The staff login, or `system` for work done by the program itself.
    pub actor: String,
    /// What was done, a dotted code: `staff.add`, `calendar.load`, …
    pub action: String,
    /// The table and key of the record concerned.
    pub entity: String,
    pub entity_id: String,
    /// A short before/after, never a full ID number.
    pub detail: String,
    pub prev_hash: String,
    pub hash: String,
}

/// Timestamps are kept to the microsecond so both databases store them exactly.
pub fn audit_time(now: DateTime<Utc>) -> DateTime<Utc> {
    now.trunc_subsecs(6)
}

#[allow(clippy::too_many_arguments)]
pub fn entry_hash(
    seq: i64,
    at: DateTime<Utc>,
    actor: &str,
    action: &str,
    entity: &str,
    entity_id: &str,
    detail: &str,
    prev_hash: &str,
) -> String {
    let canonical = serde_json::json!([
        seq,
        at.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string(),
        actor,
        action,
        entity,
        entity_id,
        detail,
        prev_hash
    ]);
    hex::encode(Sha256::digest(canonical.to_string().as_bytes()))
}

impl AuditEntry {
    pub fn computed_hash(&self) -> String {
        entry_hash(
            self.seq,
            self.at,
            &self.actor,
            &self.action,
            &self.entity,
            &self.entity_id,
            &self.detail,
            &self.prev_hash,
        )
    }
}

/// Where and how the chain is broken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainBreak {
    /// The entry's content no longer matches its hash.
    Altered { seq: i64 },
    /// The sequence jumps: entries are missing before `seq`.
    Missing { expected: i64, found: i64 },
    /// The entry does not point at the one before it (inserted or reordered).
    Relinked { seq: i64 },
    /// The recorded head (last sequence number and hash) does not match the
    /// last entry: entries were removed from or added at the end.
    Head { head_seq: i64, last_seq: i64 },
    /// An anchored entry no longer has the hash recorded outside the
    /// database: the log up to it was rewritten (and perhaps rechained).
    AnchorRewritten { seq: i64 },
    /// The log ends before an anchored entry: its tail was cut.
    AnchorCut { seq: i64, last_seq: i64 },
}

impl ChainBreak {
    pub fn seq(&self) -> i64 {
        match *self {
            ChainBreak::Altered { seq }
            | ChainBreak::Relinked { seq }
            | ChainBreak::AnchorRewritten { seq } => seq,
            ChainBreak::AnchorCut { seq, .. } => seq,
            ChainBreak::Missing { expected, .. } => expected,
            ChainBreak::Head { last_seq, .. } => last_seq,
        }
    }
}

/// A head recorded outside the database by `audit anchor`: the log must
/// still hold entry `seq` with this `hash`, and so, through the chain,
/// every entry before it unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub seq: i64,
    pub hash: String,
}

/// One line of an anchor file: `seq<TAB>hash<TAB>when (UTC)<TAB>who`.
pub fn anchor_line(seq: i64, hash: &str, at: DateTime<Utc>, by: &str) -> String {
    format!("{seq}\t{hash}\t{}\t{by}\n", at.format("%Y-%m-%dT%H:%M:%SZ"))
}

/// Reads an anchor file (blank lines and `#` comments aside); a line that
/// is not an anchor is refused with its number, counted from 1.
pub fn parse_anchors(text: &str) -> Result<Vec<Anchor>, usize> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut f = line.split('\t');
        let seq = f.next().and_then(|s| s.parse::<i64>().ok());
        let hash = f
            .next()
            .filter(|h| h.len() == GENESIS.len() && h.bytes().all(|b| b.is_ascii_hexdigit()));
        match (seq, hash) {
            (Some(seq), Some(hash)) if seq >= 0 => out.push(Anchor {
                seq,
                hash: hash.to_ascii_lowercase(),
            }),
            _ => return Err(n + 1),
        }
    }
    Ok(out)
}

/// Checks entries fed in ascending `seq` order, one page at a time.
#[derive(Debug)]
pub struct ChainVerifier {
    next_seq: i64,
    prev_hash: String,
    checked: u64,
    /// The anchors the log must still extend: entry seq → its hash.
    anchors: std::collections::BTreeMap<i64, String>,
}

impl Default for ChainVerifier {
    fn default() -> Self {
        ChainVerifier {
            next_seq: 1,
            prev_hash: GENESIS.to_string(),
            checked: 0,
            anchors: Default::default(),
        }
    }
}

impl ChainVerifier {
    /// A verifier that also checks the log still extends every anchor.
    pub fn with_anchors(anchors: &[Anchor]) -> Self {
        ChainVerifier {
            anchors: anchors.iter().map(|a| (a.seq, a.hash.clone())).collect(),
            ..Default::default()
        }
    }

    pub fn push(&mut self, e: &AuditEntry) -> Result<(), ChainBreak> {
        if e.seq != self.next_seq {
            return Err(ChainBreak::Missing {
                expected: self.next_seq,
                found: e.seq,
            });
        }
        if e.computed_hash() != e.hash {
            return Err(ChainBreak::Altered { seq: e.seq });
        }
        if e.prev_hash != self.prev_hash {
            return Err(ChainBreak::Relinked { seq: e.seq });
        }
        if self.anchors.get(&e.seq).is_some_and(|h| *h != e.hash) {
            return Err(ChainBreak::AnchorRewritten { seq: e.seq });
        }
        self.next_seq += 1;
        self.prev_hash.clone_from(&e.hash);
        self.checked += 1;
        Ok(())
    }

    /// The break to report when the next entry cannot even be read (a field
    /// changed to a value of another type).
    pub fn unreadable(&self) -> ChainBreak {
        ChainBreak::Altered { seq: self.next_seq }
    }

    /// Compares the end of the chain with the recorded head; returns how many
    /// entries were checked.
    pub fn finish(self, head: Option<(i64, String)>) -> Result<u64, ChainBreak> {
        let last_seq = self.next_seq - 1;
        if let Some((&seq, _)) = self.anchors.range(last_seq + 1..).next() {
            return Err(ChainBreak::AnchorCut { seq, last_seq });
        }
        let (head_seq, head_hash) = head.unwrap_or((0, GENESIS.to_string()));
        if head_seq != last_seq || head_hash != self.prev_hash {
            return Err(ChainBreak::Head { head_seq, last_seq });
        }
        Ok(self.checked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: i64) -> Vec<AuditEntry> {
        let mut prev = GENESIS.to_string();
        let at: DateTime<Utc> = "2026-11-27T02:30:00.123456Z".parse().unwrap();
        (1..=n)
            .map(|seq| {
                let mut e = AuditEntry {
                    seq,
                    at,
                    actor: "wangfang".into(),
                    action: "staff.add".into(),
                    entity: "staff".into(),
                    entity_id: seq.to_string(),
                    detail: format!("entry {seq}"),
                    prev_hash: prev.clone(),
                    hash: String::new(),
                };
                e.hash = e.computed_hash();
                prev = e.hash.clone();
                e
            })
            .collect()
    }

    fn verify(entries: &[AuditEntry], head: Option<(i64, String)>) -> Result<u64, ChainBreak> {
        let mut v = ChainVerifier::default();
        for e in entries {
            v.push(e)?;
        }
        v.finish(head)
    }

    fn head_of(entries: &[AuditEntry]) -> Option<(i64, String)> {
        entries.last().map(|e| (e.seq, e.hash.clone()))
    }

    /// The insider's two moves (issue 19, point 4): cutting the tail and
    /// moving the head back, or rewriting and rechaining from genesis —
    /// both pass the chain alone and both are caught by an anchor.
    #[test]
    fn anchors_catch_a_cut_tail_and_a_rechained_log() {
        let c = chain(6);
        let at: DateTime<Utc> = "2026-12-04T08:00:00Z".parse().unwrap();
        let text = format!(
            "# office anchors\n{}{}",
            anchor_line(2, &c[1].hash, at, "zhaojing"),
            anchor_line(5, &c[4].hash, at, "zhaojing")
        );
        let anchors = parse_anchors(&text).unwrap();
        assert_eq!(anchors.len(), 2);
        let check = |entries: &[AuditEntry]| {
            let mut v = ChainVerifier::with_anchors(&anchors);
            for e in entries {
                v.push(e)?;
            }
            v.finish(head_of(entries))
        };
        assert_eq!(check(&c), Ok(6));
        // Cut after entry 3, head moved back: the chain alone is intact.
        assert_eq!(verify(&c[..3], head_of(&c[..3])), Ok(3));
        assert_eq!(
            check(&c[..3]),
            Err(ChainBreak::AnchorCut {
                seq: 5,
                last_seq: 3
            })
        );
        // Entry 4 removed and the rest rechained from genesis.
        let mut rechained = chain(5);
        rechained[3].detail = "entry 5".into();
        let mut prev = rechained[2].hash.clone();
        for e in &mut rechained[3..] {
            e.prev_hash = prev.clone();
            e.hash = e.computed_hash();
            prev = e.hash.clone();
        }
        assert_eq!(verify(&rechained, head_of(&rechained)), Ok(5));
        assert_eq!(
            check(&rechained),
            Err(ChainBreak::AnchorRewritten { seq: 5 })
        );
        assert_eq!(parse_anchors("3\tnot-a-hash\n"), Err(1));
        assert_eq!(parse_anchors("\n\n-1\tx"), Err(3));
    }

    #[test]
    fn an_intact_chain_verifies() {
        let c = chain(5);
        assert_eq!(verify(&c, head_of(&c)), Ok(5));
        assert_eq!(verify(&[], None), Ok(0));
    }

    #[test]
    fn an_altered_entry_is_found() {
        let mut c = chain(5);
        let head = head_of(&c);
        c[2].detail = "nothing happened".into();
        assert_eq!(verify(&c, head), Err(ChainBreak::Altered { seq: 3 }));
    }

    #[test]
    fn a_deleted_entry_is_found_in_the_middle_and_at_the_end() {
        let c = chain(5);
        let head = head_of(&c);
        let mut gap = c.clone();
        gap.remove(1);
        assert_eq!(
            verify(&gap, head.clone()),
            Err(ChainBreak::Missing {
                expected: 2,
                found: 3
            })
        );
        let mut tail = c.clone();
        tail.pop();
        assert_eq!(
            verify(&tail, head),
            Err(ChainBreak::Head {
                head_seq: 5,
                last_seq: 4
            })
        );
    }

    #[test]
    fn reordered_entries_are_found() {
        let mut c = chain(5);
        let head = head_of(&c);
        // Swap the contents of 2 and 3 but keep the sequence numbers in place.
        let (a, b) = (c[1].clone(), c[2].clone());
        c[1] = AuditEntry { seq: 2, ..b };
        c[2] = AuditEntry { seq: 3, ..a };
        assert_eq!(verify(&c, head), Err(ChainBreak::Altered { seq: 2 }));
    }

    #[test]
    fn an_inserted_entry_with_a_fresh_hash_is_found() {
        let c = chain(5);
        let head = head_of(&c);
        let mut forged = c[..2].to_vec();
        let mut e = AuditEntry {
            seq: 3,
            detail: "forged".into(),
            prev_hash: c[1].hash.clone(),
            ..c[2].clone()
        };
        e.hash = e.computed_hash();
        forged.push(e);
        forged.extend(c[2..].iter().map(|e| AuditEntry {
            seq: e.seq + 1,
            ..e.clone()
        }));
        assert_eq!(verify(&forged, head), Err(ChainBreak::Altered { seq: 4 }));
    }
}
