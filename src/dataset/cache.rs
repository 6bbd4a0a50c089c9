//! A cache of large dataset files, already parsed and checked, in the user's cache folder.
//!
//! Reading 100 000 partners from RON and checking them takes about three times as long as
//! reading them back from this binary form. An entry is used only when the file's whole
//! content hashes (128 bits) to what the entry was made from, by this very version of the
//! program, and the entry's own checksum holds: a stale or damaged entry is never used, only
//! ignored (and replaced). Only files that are valid on their own are kept. Nothing here ever
//! fails a load: any trouble means reading the file as usual. `PARTNERS_CACHE=off` turns the
//! cache off.

use std::fs::{self, File};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{Dataset, Fact, Kind, Partner, Relation, RelationKind, Scope, Topic};

/// Files smaller than this are read from their text: it is about as fast.
const MIN_SIZE: u64 = 4 << 20;
/// How many entries the cache folder keeps (the most recently written).
const KEEP: usize = 4;
/// Partners per block encoded on one thread.
const BLOCK: usize = 4096;
/// Bytes hashed per step while streaming a file.
const STREAM: usize = 1 << 20;
/// Changes whenever the layout below changes.
const MAGIC: &[u8; 16] = b"partners-cache-2";

/// The partners of `path`, from the cache, when an entry matches its current content.
pub(crate) fn load(path: &Path) -> Option<Dataset> {
    if fs::metadata(path).ok()?.len() < MIN_SIZE {
        return None;
    }
    load_entry(&entry_path(path)?, path)
}

/// Keeps `dataset`, read from `source` (the whole text of `path`) and valid on its own.
/// Best effort: a cache that cannot be written is simply not written.
pub(crate) fn store(path: &Path, source: &str, dataset: &Dataset) {
    if source.len() as u64 >= MIN_SIZE
        && let Some(entry) = entry_path(path)
    {
        store_entry(&entry, source, dataset);
        if let Some(folder) = entry.parent() {
            forget_old_entries(folder);
        }
    }
}

/// The partners of `path` kept in `entry`, when it was made from exactly its content.
fn load_entry(entry: &Path, path: &Path) -> Option<Dataset> {
    let size = fs::metadata(path).ok()?.len();
    let bytes = fs::read(entry).ok()?;
    // The entry ends with the hash of everything before it.
    let (body, seal) = bytes.split_at_checked(bytes.len().checked_sub(16)?)?;
    if seal != seal_of(body) {
        return None;
    }
    let (header, payload) = Header::read(body).ok()?;
    if header.size != size {
        return None;
    }
    if hash_file(path)? != (header.size, header.content_hash) {
        return None;
    }
    let ends = &header.ends;
    let starts = std::iter::once(&0).chain(ends.iter());
    let spans: Vec<(usize, usize)> = starts.zip(ends).map(|(&a, &b)| (a, b)).collect();
    // Each partner on its own, straight into its place; then unwrapped in the same memory.
    let partners: Vec<Option<Partner>> =
        spans.par_iter().map(|&(a, b)| decode(payload.get(a..b)?).ok()).collect();
    if partners.iter().any(Option::is_none) || ends.last().copied().unwrap_or(0) != payload.len() {
        return None;
    }
    Some(Dataset { partners: partners.into_iter().map_while(|p| p).collect() })
}

/// Writes `entry` (atomically: a reader sees the old entry or the new one, whole).
fn store_entry(entry: &Path, source: &str, dataset: &Dataset) {
    let size = source.len() as u64;
    let blocks: Vec<(Vec<u8>, Vec<usize>)> =
        dataset.partners.par_chunks(BLOCK).map(encode).collect();
    let mut payload = Vec::new();
    let mut ends = Vec::with_capacity(dataset.partners.len());
    for (bytes, block_ends) in blocks {
        ends.extend(block_ends.iter().map(|end| end + payload.len()));
        payload.extend(bytes);
    }
    let header = Header { size, content_hash: hash_text(source.as_bytes()), ends };
    let Some(folder) = entry.parent() else { return };
    // Not store::replace_file: no fsync is needed here, a torn or lost entry fails its seal
    // and the file is simply read again; a per-process name lets two writers race safely.
    let temporary = entry.with_extension(format!("tmp{}", std::process::id()));
    let written = fs::create_dir_all(folder)
        .and_then(|()| File::create(&temporary))
        .and_then(|mut file| {
            let mut body = header.bytes();
            body.extend(payload);
            file.write_all(&body)?;
            file.write_all(&seal_of(&body))
        })
        .and_then(|()| fs::rename(&temporary, entry));
    if written.is_err() {
        let _ = fs::remove_file(&temporary);
    }
}

/// Where the entry for `path` lives: one per file, named by a hash of its full path.
fn entry_path(path: &Path) -> Option<PathBuf> {
    if std::env::var_os("PARTNERS_CACHE").is_some_and(|v| v == "off") {
        return None;
    }
    let full = fs::canonicalize(path).ok()?;
    let (a, b) = hash(full.as_os_str().as_encoded_bytes());
    let dirs = directories::ProjectDirs::from("", "", "partners")?;
    Some(dirs.cache_dir().join("datasets").join(format!("{a:016x}{b:016x}.bin")))
}

/// Removes all but the [`KEEP`] most recently written entries (and stray temporary files).
fn forget_old_entries(folder: &Path) {
    let Ok(listing) = fs::read_dir(folder) else { return };
    let mut entries: Vec<(std::time::SystemTime, PathBuf)> = listing
        .filter_map(Result::ok)
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    entries.sort_by_key(|(modified, _)| std::cmp::Reverse(*modified));
    let old = entries.iter().filter(|(_, p)| p.extension().is_some_and(|e| e == "bin")).skip(KEEP);
    let stray = std::time::SystemTime::now().checked_sub(std::time::Duration::from_secs(3600));
    let stale_temporary = entries.iter().filter(|(modified, p)| {
        p.extension().is_some_and(|e| e.to_string_lossy().starts_with("tmp"))
            && stray.is_some_and(|hour_ago| *modified < hour_ago)
    });
    for (_, path) in old.chain(stale_temporary) {
        let _ = fs::remove_file(path);
    }
}

// ---------------------------------------------------------------------------------------------
// Hashing

/// A 128-bit hash of `bytes`, with four independent lanes (not for security: it tells
/// whether a file changed).
fn hash(bytes: &[u8]) -> (u64, u64) {
    let mut lanes = [
        0x243F_6A88_85A3_08D3,
        0x1319_8A2E_0370_7344,
        0xA409_3822_299F_31D0,
        0x082E_FA98_EC4E_6C89,
    ];
    let mut blocks = bytes.chunks_exact(32);
    for block in &mut blocks {
        for (lane, word) in lanes.iter_mut().zip(block.chunks_exact(8)) {
            *lane = mix(*lane, word);
        }
    }
    let tail = blocks.remainder();
    for (lane, word) in lanes.iter_mut().zip(tail.chunks(8)) {
        *lane = mix(*lane, word);
    }
    let length = bytes.len() as u64;
    let [a, b, c, d] = lanes.map(|lane| avalanche(lane ^ length));
    (avalanche(a ^ c.rotate_left(32)), avalanche(b ^ d.rotate_left(32)))
}

/// The [`hash`] of an entry's body, as its last 16 bytes.
fn seal_of(body: &[u8]) -> [u8; 16] {
    let (a, b) = hash(body);
    let mut seal = [0; 16];
    seal[..8].copy_from_slice(&a.to_le_bytes());
    seal[8..].copy_from_slice(&b.to_le_bytes());
    seal
}

fn mix(lane: u64, word: &[u8]) -> u64 {
    let mut bytes = [0; 8];
    bytes[..word.len()].copy_from_slice(word);
    (lane ^ u64::from_le_bytes(bytes)).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(31)
}

/// The finaliser of `MurmurHash3`: every input bit reaches every output bit.
fn avalanche(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    x ^= x >> 33;
    x = x.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    x ^ (x >> 33)
}

/// The size and hash of a file's content, hashed a block at a time as it is read (without
/// holding the whole file): equal to [`hash_text`] of the same content.
fn hash_file(path: &Path) -> Option<(u64, (u64, u64))> {
    let mut file = File::open(path).ok()?;
    let mut buffer = vec![0; STREAM];
    let mut size = 0;
    let mut combined = (0, 0);
    loop {
        let filled = fill(&mut file, &mut buffer)?;
        if filled == 0 {
            return Some((size, combined));
        }
        size += filled as u64;
        combined = combine(combined, hash(&buffer[..filled]));
    }
}

/// [`hash_file`]'s result for a text held in memory.
fn hash_text(text: &[u8]) -> (u64, u64) {
    text.chunks(STREAM).fold((0, 0), |combined, block| combine(combined, hash(block)))
}

fn combine((a, b): (u64, u64), (c, d): (u64, u64)) -> (u64, u64) {
    (avalanche(a.rotate_left(17) ^ c), avalanche(b.rotate_left(17) ^ d))
}

/// Reads until `buffer` is full or the file ends; how many bytes were read.
fn fill(file: &mut File, buffer: &mut [u8]) -> Option<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match file.read(&mut buffer[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
    Some(filled)
}

// ---------------------------------------------------------------------------------------------
// The entry's layout: a header, then blocks of partners, each decodable on its own.

struct Header {
    /// The source file's size and content hash.
    size: u64,
    content_hash: (u64, u64),
    /// Where each partner's bytes end in the payload.
    ends: Vec<usize>,
}

impl Header {
    fn bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        put_text(&mut out, env!("CARGO_PKG_VERSION"));
        for n in [self.size, self.content_hash.0, self.content_hash.1] {
            out.extend_from_slice(&n.to_le_bytes());
        }
        put_list(&mut out, &self.ends, |out, end| put_len(out, *end));
        out
    }

    /// The header and the payload after it.
    fn read(bytes: &[u8]) -> Result<(Header, &[u8]), Damaged> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(MAGIC.len())? != MAGIC || r.text()? != env!("CARGO_PKG_VERSION") {
            return Err(Damaged);
        }
        let size = r.u64()?;
        let content_hash = (r.u64()?, r.u64()?);
        let ends = r.list(Reader::len)?;
        let header = Header { size, content_hash, ends };
        Ok((header, &bytes[r.at..]))
    }
}

fn put_len(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u64).to_le_bytes());
}

fn put_text(out: &mut Vec<u8>, text: &str) {
    put_len(out, text.len());
    out.extend_from_slice(text.as_bytes());
}

fn put_option(out: &mut Vec<u8>, text: Option<&String>) {
    match text {
        Some(text) => {
            out.push(1);
            put_text(out, text);
        }
        None => out.push(0),
    }
}

fn put_list<T>(out: &mut Vec<u8>, items: &[T], mut put: impl FnMut(&mut Vec<u8>, &T)) {
    put_len(out, items.len());
    for item in items {
        put(out, item);
    }
}

/// The position of `value` in `all`, as one byte.
fn put_tag<T: PartialEq>(out: &mut Vec<u8>, all: &[T], value: &T) {
    let tag = all.iter().position(|v| v == value).and_then(|n| u8::try_from(n).ok());
    out.push(tag.unwrap_or(u8::MAX));
}

/// A block of partners, and where each one's bytes end.
fn encode(partners: &[Partner]) -> (Vec<u8>, Vec<usize>) {
    let mut out = Vec::new();
    let mut ends = Vec::with_capacity(partners.len());
    for p in partners {
        put_text(&mut out, &p.id);
        put_text(&mut out, &p.name);
        put_option(&mut out, p.acronym.as_ref());
        put_list(&mut out, &p.aliases, |out, a| put_text(out, a));
        put_tag(&mut out, Kind::ALL, &p.kind);
        put_tag(&mut out, Scope::ALL, &p.scope);
        put_option(&mut out, p.location.as_ref());
        put_list(&mut out, &p.topics, |out, t| put_tag(out, Topic::ALL, t));
        put_text(&mut out, &p.description);
        put_list(&mut out, &p.facts, |out, f| {
            put_text(out, &f.label);
            put_text(out, &f.value);
        });
        put_list(&mut out, &p.relations, |out, r| {
            put_tag(out, RelationKind::ALL, &r.kind);
            put_option(out, r.target.as_ref());
            put_option(out, r.name.as_ref());
            put_option(out, r.note.as_ref());
        });
        for text in [&p.website, &p.email, &p.phone, &p.booth] {
            put_option(&mut out, text.as_ref());
        }
        ends.push(out.len());
    }
    (out, ends)
}

/// What a read of a damaged entry gives.
struct Damaged;

/// A position in bytes; every read checks its bounds and what it finds.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], Damaged> {
        let end = self.at.checked_add(n).ok_or(Damaged)?;
        let taken = self.bytes.get(self.at..end).ok_or(Damaged)?;
        self.at = end;
        Ok(taken)
    }

    fn u64(&mut self) -> Result<u64, Damaged> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().map_err(|_| Damaged)?))
    }

    fn len(&mut self) -> Result<usize, Damaged> {
        usize::try_from(self.u64()?).map_err(|_| Damaged)
    }

    fn text(&mut self) -> Result<String, Damaged> {
        let n = self.len()?;
        String::from_utf8(self.take(n)?.to_vec()).map_err(|_| Damaged)
    }

    fn option(&mut self) -> Result<Option<String>, Damaged> {
        match self.take(1)? {
            [0] => Ok(None),
            [1] => Ok(Some(self.text()?)),
            _ => Err(Damaged),
        }
    }

    fn list<T>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> Result<T, Damaged>,
    ) -> Result<Vec<T>, Damaged> {
        let n = self.len()?;
        // A damaged length must not reserve absurd memory: each item takes a byte at least.
        if n > self.bytes.len() - self.at {
            return Err(Damaged);
        }
        (0..n).map(|_| item(self)).collect()
    }

    fn tag<T: Copy>(&mut self, all: &[T]) -> Result<T, Damaged> {
        all.get(usize::from(self.take(1)?[0])).copied().ok_or(Damaged)
    }
}

/// One partner from exactly its bytes.
fn decode(bytes: &[u8]) -> Result<Partner, Damaged> {
    let mut r = Reader { bytes, at: 0 };
    let partner = Partner {
        id: r.text()?,
        name: r.text()?,
        acronym: r.option()?,
        aliases: r.list(Reader::text)?,
        kind: r.tag(Kind::ALL)?,
        scope: r.tag(Scope::ALL)?,
        location: r.option()?,
        topics: r.list(|r| r.tag(Topic::ALL))?,
        description: r.text()?,
        facts: r.list(|r| Ok(Fact { label: r.text()?, value: r.text()? }))?,
        relations: r.list(|r| {
            Ok(Relation {
                kind: r.tag(RelationKind::ALL)?,
                target: r.option()?,
                name: r.option()?,
                note: r.option()?,
            })
        })?,
        website: r.option()?,
        email: r.option()?,
        phone: r.option()?,
        booth: r.option()?,
    };
    if r.at == bytes.len() { Ok(partner) } else { Err(Damaged) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::bundled;

    /// A dataset file of a few megabytes (the bundled partners, renamed, many times over).
    fn big_file(dir: &Path) -> (PathBuf, String, Dataset) {
        let one = bundled().expect("the bundled dataset").partners;
        let mut partners = Vec::new();
        for n in 0..60 {
            partners.extend(one.iter().cloned().map(|mut p| {
                p.id = format!("{}-{n}", p.id);
                for relation in &mut p.relations {
                    relation.target = relation.target.take().map(|t| format!("{t}-{n}"));
                }
                p
            }));
        }
        let dataset = Dataset { partners };
        let source = ron::ser::to_string(&dataset).expect("RON");
        let path = dir.join("big.ron");
        fs::write(&path, &source).expect("a written file");
        (path, source, dataset)
    }

    #[test]
    fn an_entry_gives_back_exactly_what_was_kept() {
        let dir = tempfile::tempdir().expect("a folder");
        let (path, source, dataset) = big_file(dir.path());
        let entry = dir.path().join("entry.bin");
        store_entry(&entry, &source, &dataset);
        assert_eq!(load_entry(&entry, &path), Some(dataset));
    }

    #[test]
    fn a_changed_file_or_a_damaged_entry_is_never_used() {
        let dir = tempfile::tempdir().expect("a folder");
        let (path, source, dataset) = big_file(dir.path());
        let entry = dir.path().join("entry.bin");
        store_entry(&entry, &source, &dataset);
        let kept = fs::read(&entry).expect("an entry");
        // Every damage: a byte changed anywhere (a few places), the entry cut short.
        for at in [0, 20, kept.len() / 3, kept.len() / 2, kept.len() - 20, kept.len() - 1] {
            let mut damaged = kept.clone();
            damaged[at] ^= 0x40;
            fs::write(&entry, &damaged).expect("written");
            assert_eq!(load_entry(&entry, &path), None, "byte {at}");
        }
        fs::write(&entry, &kept[..kept.len() - 1]).expect("written");
        assert_eq!(load_entry(&entry, &path), None);
        // The same size, one letter changed in the file.
        fs::write(&entry, &kept).expect("written");
        let changed = source.replacen("Bordeaux", "Bordeaum", 1);
        assert_eq!(changed.len(), source.len());
        fs::write(&path, &changed).expect("written");
        assert_eq!(load_entry(&entry, &path), None);
        fs::write(&path, &source).expect("written");
        assert_eq!(load_entry(&entry, &path), Some(dataset));
    }

    #[test]
    fn a_file_hashed_as_read_hashes_as_its_text() {
        let dir = tempfile::tempdir().expect("a folder");
        for size in [0, 1, 31, 32, 33, STREAM - 1, STREAM, STREAM + 1, 2 * STREAM + 77] {
            let text: Vec<u8> = (0..size).map(|n| u8::try_from(n % 251).unwrap_or(0)).collect();
            let path = dir.path().join("f");
            fs::write(&path, &text).expect("written");
            assert_eq!(hash_file(&path), Some((size as u64, hash_text(&text))), "{size}");
        }
        assert_ne!(hash(b"ab"), hash(b"ba"));
        assert_ne!(hash(&[0; 8]), hash(&[0; 9]));
    }
}
