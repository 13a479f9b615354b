//! The lookup index kept on disk between runs, so `hrss-desk lookup` and the
//! lookup pane start from it instead of re-reading a million rows. The file
//! names the database, its audit head (every change moves it) and the day
//! (a licence's standing changes with the date); any difference, and the
//! index is built afresh. It holds names but no full ID number (a person is
//! kept by the first 14 characters, see `index::ID_KEPT`), and it lives only
//! beside a SQLite database, with the database's own permissions and group:
//! never in a user's own folder, outside the database's access control. A
//! Postgres database's index is built in memory at each start.

use super::index::Index;
use crate::store::DatabaseUrl;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The file format; bumped whenever the index's contents or rules change, so
/// an index built by another version of the program is never loaded.
const MAGIC: &[u8; 8] = b"HRSSIX04";

/// Where the index of a database is kept, and the file mode and group to
/// give it: beside a SQLite database (`desk.sqlite.lookup`), with the
/// database file's own permissions, so every staff member who may read the
/// database shares one copy. None for Postgres: no copy outside it.
pub fn location(url: &DatabaseUrl) -> Option<(PathBuf, u32, u32)> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    if let DatabaseUrl::Sqlite(db) = url
        && let Ok(m) = std::fs::metadata(db)
    {
        let beside = PathBuf::from(format!("{}.lookup", db.display()));
        return Some((beside, m.permissions().mode() & 0o660, m.gid()));
    }
    None
}

/// Where earlier versions kept a user's own copy of a database's index (a
/// Postgres database's, or one whose folder could not take it): removed
/// when found, as it may hold full ID numbers.
pub fn former_user_cache(url: &DatabaseUrl) -> PathBuf {
    use sha2::{Digest, Sha256};
    let h = hex::encode(&Sha256::digest(url.describe().as_bytes())[..8]);
    dirs::cache_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("hrss-desk")
        .join(format!("lookup-{h}.idx"))
}

struct W(Vec<u8>);

impl W {
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn bytes(&mut self, b: &[u8]) {
        self.u64(b.len() as u64);
        self.0.extend_from_slice(b);
    }
    fn u32s(&mut self, v: &[u32]) {
        self.u64(v.len() as u64);
        for x in v {
            self.0.extend_from_slice(&x.to_le_bytes());
        }
    }
    fn u64s(&mut self, v: &[u64]) {
        self.u64(v.len() as u64);
        for x in v {
            self.0.extend_from_slice(&x.to_le_bytes());
        }
    }
}

struct R<'a>(&'a [u8]);

impl<'a> R<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Some(a)
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn len(&mut self, unit: usize) -> Option<usize> {
        let n = usize::try_from(self.u64()?).ok()?;
        (n.checked_mul(unit)? <= self.0.len()).then_some(n)
    }
    fn bytes(&mut self) -> Option<Vec<u8>> {
        let n = self.len(1)?;
        Some(self.take(n)?.to_vec())
    }
    fn string(&mut self) -> Option<String> {
        String::from_utf8(self.bytes()?).ok()
    }
    fn u32s(&mut self) -> Option<Vec<u32>> {
        let n = self.len(4)?;
        Some(
            self.take(n * 4)?
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes(c.try_into().unwrap_or_default()))
                .collect(),
        )
    }
    fn u64s(&mut self) -> Option<Vec<u64>> {
        let n = self.len(8)?;
        Some(
            self.take(n * 8)?
                .chunks_exact(8)
                .map(|c| u64::from_le_bytes(c.try_into().unwrap_or_default()))
                .collect(),
        )
    }
}

impl Index {
    /// The index as bytes, under `key`.
    pub fn to_bytes(&self, key: &str) -> Vec<u8> {
        let mut w = W(Vec::with_capacity(self.heap_bytes() + 1024));
        w.0.extend_from_slice(MAGIC);
        w.bytes(key.as_bytes());
        w.bytes(&self.kinds);
        w.u64s(&self.ids.iter().map(|i| *i as u64).collect::<Vec<_>>());
        w.bytes(&self.ranks);
        w.bytes(&self.statuses);
        w.u64(self.status_names.len() as u64);
        for s in &self.status_names {
            w.bytes(s.as_bytes());
        }
        w.u32s(&self.name_off);
        w.bytes(self.names.as_bytes());
        w.u64s(&self.name_mask);
        w.u32s(&self.ini_off);
        w.u32s(&self.ini_sets);
        w.bytes(&self.ini_primary);
        w.u32s(&self.ini_mask);
        w.u32s(&self.code_off);
        w.bytes(self.codes.as_bytes());
        w.u32s(&self.name_order);
        w.u32s(&self.employer_of);
        for map in [&self.written, &self.shown_names] {
            w.u64(map.len() as u64);
            for (i, s) in map {
                w.u64(u64::from(*i));
                w.bytes(s.as_bytes());
            }
        }
        w.0
    }

    /// The index stored under `key`; None when the bytes are of another key,
    /// another version, or damaged.
    pub fn from_bytes(bytes: &[u8], key: &str) -> Option<Index> {
        let mut r = R(bytes);
        if r.take(8)? != MAGIC || r.bytes()? != key.as_bytes() {
            return None;
        }
        let mut ix = Index {
            kinds: r.bytes()?,
            ids: r.u64s()?.into_iter().map(|i| i as i64).collect(),
            ranks: r.bytes()?,
            statuses: r.bytes()?,
            status_names: {
                let n = r.len(8)?;
                (0..n).map(|_| r.string()).collect::<Option<Vec<_>>>()?
            },
            name_off: r.u32s()?,
            names: r.string()?,
            name_mask: r.u64s()?,
            ini_off: r.u32s()?,
            ini_sets: r.u32s()?,
            ini_primary: r.bytes()?,
            ini_mask: r.u32s()?,
            code_off: r.u32s()?,
            codes: r.string()?,
            name_order: r.u32s()?,
            employer_of: r.u32s()?,
            employer_ids: Vec::new(),
            written: std::collections::HashMap::new(),
            written_folded: std::collections::HashMap::new(),
            written_chars: Vec::new(),
            shown_names: std::collections::HashMap::new(),
        };
        for map in [&mut ix.written, &mut ix.shown_names] {
            let n = r.len(16)?;
            for _ in 0..n {
                let i = u32::try_from(r.u64()?).ok()?;
                map.insert(i, r.string()?.into_boxed_str());
            }
        }
        let written: Vec<(u32, Box<str>)> = ix
            .written
            .iter()
            .filter(|(i, _)| ix.kinds.get(**i as usize).is_some_and(|k| *k <= 4))
            .map(|(i, w)| (*i, w.clone()))
            .collect();
        for (i, w) in written {
            ix.add_written(i, &w);
        }
        (r.0.is_empty() && ix.sound()).then_some(ix)
    }
}

/// Reads a stored index for `key`, if there is one.
pub fn load(path: &Path, key: &str) -> Option<Index> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .read_to_end(&mut bytes)
        .ok()?;
    Index::from_bytes(&bytes, key)
}

/// Stores the index for the next run: written aside, then renamed, so a
/// reader never sees half a file; given `group` (the database's, so that
/// only those who may read the database may read its index).
pub fn store_owned(
    path: &Path,
    mode: u32,
    group: Option<u32>,
    key: &str,
    index: &Index,
) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    // A random name created exclusively, renamed into place; a failed write
    // leaves no copy of personal data behind (the temporary is removed).
    crate::files::write_new(path, &index.to_bytes(key), mode, group)
}
