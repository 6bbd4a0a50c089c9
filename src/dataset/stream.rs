//! Reading a large dataset file block by block while the other cores read the partners of the
//! blocks already in: the file is never held whole, and reading overlaps parsing.
//!
//! Owns the pipeline only. What a partner looks like is `fast_ron`'s; a file it does not
//! fully understand, or whose bytes are not UTF-8 text, is reported as [`Read::Unusual`], and
//! the caller reads it whole (ron then decides, with its errors; the text's own are placed).

use std::collections::BTreeMap;
use std::io::{self, Read as _};
use std::ops::Range;
use std::sync::{Arc, Condvar, Mutex, PoisonError, mpsc};

use super::Partner;
use super::fast_ron::{item_end, list_end, list_start, read_clean_item, skip};

/// What reading a file block by block gave.
#[derive(Debug)]
pub(super) enum Read<T> {
    /// Every partner, in file order, and what was made of each batch of them, in order. Their
    /// texts follow validation's rules (see [`read_clean_item`]).
    Partners(Vec<Partner>, Vec<T>),
    /// The file is not of the usual shape (or a partner not readable, or one of its texts
    /// against the rules): read it whole.
    Unusual,
}

/// The most partners a batch holds: what [`read_partners`] hands `also` at a time.
pub const BATCH: usize = crate::PARALLEL_MIN;

/// The partners of `file`, read in blocks of `block` bytes (`progress` is told of each); the
/// whole partners of each block are read on other cores, in batches of at most [`BATCH`],
/// while the next block is read, and `also` is called there with each batch read, while its
/// text is still in the cache. `size` is the file's size when known (0 otherwise), to make
/// room for its partners once.
pub(super) fn read_partners<T: Send>(
    mut file: impl io::Read,
    block: u64,
    size: u64,
    progress: &(dyn Fn(u64) + Sync),
    also: &(dyn Fn(&[Partner]) -> T + Sync),
) -> io::Result<Read<T>> {
    let (sender, batches) = mpsc::channel();
    let mut splitter = Splitter::default();
    let waiting = Waiting::default();
    let spare = Spare::default();
    let mut gathered = Gathered::default();
    // A caller on one of rayon's own threads must not wait for tasks that may need it.
    let wait = rayon::current_thread_index().is_none();
    let usual = rayon::in_place_scope(|scope| -> io::Result<bool> {
        let mut count = 0;
        loop {
            if wait {
                waiting.wait_below(AHEAD);
            }
            // Each batch is put in place as soon as it is read: the batches are freed for the
            // next ones instead of all being held until the end (320 MB at a million).
            gathered.extend(batches.try_iter());
            splitter.text.reserve(usize::try_from(block).unwrap_or(0));
            let read = (&mut file).take(block).read_to_end(&mut splitter.text)?;
            if read > 0 {
                progress(read as u64);
            }
            let last = read == 0;
            if splitter.scan(last).is_none() {
                return Ok(false);
            }
            if !splitter.items.is_empty() || last {
                let (text, items) = splitter.cut(last, spare.take());
                if count == 0 && !items.is_empty() {
                    // As many partners as the first block says the file holds, a few more.
                    let each = (text.len() / items.len()).max(1);
                    gathered.room = usize::try_from(size).unwrap_or(0) / each * 51 / 50;
                }
                // The block's batches share its text, freed (and counted out of the blocks
                // waiting) when the last of them is read. Each batch reads the text from its
                // first item to the next batch's (the last, to the end: all of it is checked).
                let block = Arc::new(Parsing::new(text, &waiting, &spare));
                let starts: Vec<usize> = items.chunks(BATCH).skip(1).map(|c| c[0].start).collect();
                let ends = starts.iter().copied().chain([block.text.len()]);
                let spans = std::iter::once(0).chain(starts.iter().copied()).zip(ends);
                let chunks = items.chunks(BATCH).map(<[_]>::to_vec).chain(
                    // A block of no items (the end of the list) is checked all the same.
                    items.is_empty().then(Vec::new),
                );
                for ((from, to), items) in spans.zip(chunks) {
                    let (sender, block) = (sender.clone(), Arc::clone(&block));
                    let n = count;
                    count += 1;
                    scope.spawn(move |_| {
                        let items = items.into_iter().map(|i| i.start - from..i.end - from);
                        let batch = read_batch(&block.text[from..to], items.collect(), also);
                        drop(block);
                        let _ = sender.send((n, batch));
                    });
                }
            }
            if last {
                return Ok(true);
            }
        }
    })?;
    drop(sender);
    gathered.extend(batches);
    if !usual || gathered.unusual {
        return Ok(Read::Unusual);
    }
    let made = std::mem::take(&mut gathered.made);
    Ok(Read::Partners(gathered.into_partners(), made))
}

/// The batches read so far, in file order: each is put in place when those before it are.
struct Gathered<T> {
    partners: Vec<Partner>,
    made: Vec<T>,
    /// Batches read before one that comes before them, by number.
    early: BTreeMap<usize, Batch<T>>,
    /// The number of the next batch to put in place.
    next: usize,
    /// How many partners to make room for, when the first batch is put in place.
    room: usize,
    unusual: bool,
}

impl<T> Default for Gathered<T> {
    fn default() -> Gathered<T> {
        Gathered {
            partners: Vec::new(),
            made: Vec::new(),
            early: BTreeMap::new(),
            next: 0,
            room: 0,
            unusual: false,
        }
    }
}

impl<T> Gathered<T> {
    /// The partners, without the room left over: a file whose first partners are short holds
    /// fewer than they said.
    fn into_partners(self) -> Vec<Partner> {
        let mut partners = self.partners;
        if partners.capacity() > partners.len() + partners.len() / 8 {
            partners.shrink_to_fit();
        }
        partners
    }

    fn extend(&mut self, batches: impl IntoIterator<Item = (usize, Batch<T>)>) {
        for (n, batch) in batches {
            self.early.insert(n, batch);
            while let Some(batch) = self.early.remove(&self.next) {
                self.next += 1;
                match batch {
                    Batch::Read(partners, made) => {
                        if self.partners.capacity() == 0 {
                            // A guess (see `into_partners`); where the room cannot be had, the
                            // list grows.
                            let room = self.room.max(partners.len());
                            if self.partners.try_reserve_exact(room).is_err() {
                                self.partners.reserve(partners.len());
                            }
                        }
                        self.partners.extend(partners);
                        self.made.push(made);
                    }
                    Batch::Unusual => self.unusual = true,
                }
            }
        }
    }
}

/// Batches read but not yet parsed, at most: the reader waits for the parsers rather than
/// hold the file's text. (Without it, the text freed after parsing stayed with the allocator:
/// 2.61 GB at a million partners against 2.44 GB.)
const AHEAD: usize = 4;

/// How many batches wait to be parsed.
#[derive(Default)]
struct Waiting {
    count: Mutex<usize>,
    changed: Condvar,
}

impl Waiting {
    fn add(&self, n: isize) {
        let mut count = self.count.lock().unwrap_or_else(PoisonError::into_inner);
        *count = count.saturating_add_signed(n);
        self.changed.notify_all();
    }

    fn wait_below(&self, most: usize) {
        let mut count = self.count.lock().unwrap_or_else(PoisonError::into_inner);
        while *count >= most {
            count = self.changed.wait(count).unwrap_or_else(PoisonError::into_inner);
        }
    }
}

/// A block's text being parsed, counted in [`Waiting`] until dropped (even by a panic, so
/// that the reader never waits for it forever), then given back to be read into again.
struct Parsing<'a> {
    text: Vec<u8>,
    waiting: &'a Waiting,
    spare: &'a Spare,
}

impl<'a> Parsing<'a> {
    fn new(text: Vec<u8>, waiting: &'a Waiting, spare: &'a Spare) -> Parsing<'a> {
        waiting.add(1);
        Parsing { text, waiting, spare }
    }
}

impl Drop for Parsing<'_> {
    fn drop(&mut self) {
        self.spare.give(std::mem::take(&mut self.text));
        self.waiting.add(-1);
    }
}

/// Texts of blocks parsed, read into again: a block's memory in place costs nothing, where a
/// fresh one costs a page fault every 4 KiB (6 % of the time of a `search` of a million
/// partners).
#[derive(Default)]
struct Spare(Mutex<Vec<Vec<u8>>>);

impl Spare {
    /// An empty text, with room when one was given back.
    fn take(&self) -> Vec<u8> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).pop().unwrap_or_default()
    }

    /// Keeps `text`'s room for a later block: as many as may be parsed at once, at most.
    fn give(&self, mut text: Vec<u8>) {
        text.clear();
        let mut spare = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if spare.len() <= AHEAD {
            spare.push(text);
        }
    }
}

/// What one batch of text gave.
enum Batch<T> {
    Read(Vec<Partner>, T),
    Unusual,
}

/// The partners at `items` in `text` (a run of whole items, with what lies between them), and
/// what `also` makes of them.
fn read_batch<T>(
    text: &[u8],
    items: Vec<Range<usize>>,
    also: &(dyn Fn(&[Partner]) -> T + Sync),
) -> Batch<T> {
    // Cut between items, at ASCII bytes: the file is UTF-8 if every batch is. Bytes that are
    // not, or a NUL (no dataset holds one), send the file to be read whole, which says where
    // (`source`).
    let Ok(text) = simdutf8::basic::from_utf8(text) else { return Batch::Unusual };
    if memchr::memchr(0, text.as_bytes()).is_some() {
        return Batch::Unusual;
    }
    let mut partners = Vec::with_capacity(items.len());
    for item in items {
        match read_clean_item(&text[item]) {
            Some(partner) => partners.push(partner),
            None => return Batch::Unusual,
        }
    }
    let made = also(&partners);
    Batch::Read(partners, made)
}

/// Where the list and its items are in the text read so far.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// `(partners: [` not seen whole yet.
    #[default]
    Opening,
    /// Items are being found.
    Items,
    /// The list closes here (a `]`); the rest is checked when the file is read.
    Closed(usize),
}

/// Finds whole items in text that arrives block by block. An item the text ends inside is
/// looked at again, from its start, when more has come.
#[derive(Debug, Default)]
struct Splitter {
    /// The text not yet handed out, from the end of the last item handed out.
    text: Vec<u8>,
    /// Where the next item (or the end of the list) is looked for.
    scanned: usize,
    /// The whole items found in `text`.
    items: Vec<Range<usize>>,
    stage: Stage,
}

impl Splitter {
    /// Finds the items of the text read so far; `last` when the file is all read. `None` when
    /// the text is not of the usual shape (found out only when `last`: before, something
    /// unusual and a text cut short look alike).
    fn scan(&mut self, last: bool) -> Option<()> {
        let wait = || (!last).then_some(());
        let bytes = self.text.as_slice();
        if self.stage == Stage::Opening {
            let bom = if bytes.starts_with("\u{FEFF}".as_bytes()) { 3 } else { 0 };
            let Some(at) = list_start(&bytes[bom..]) else { return wait() };
            self.scanned = bom + at;
            self.stage = Stage::Items;
        }
        while self.stage == Stage::Items {
            let Some(at) = skip(bytes, self.scanned) else { return wait() };
            match bytes.get(at) {
                None => return wait(),
                Some(b']') => self.stage = Stage::Closed(at),
                Some(_) => {
                    let Some(end) = item_end(bytes, at) else { return wait() };
                    self.items.push(at..end);
                    self.scanned = end + usize::from(bytes[end] == b',');
                }
            }
        }
        match self.stage {
            Stage::Closed(at) if last => list_end(bytes, at),
            _ => Some(()),
        }
    }

    /// Hands out the items found, with the text up to the last (all of it when `last`); the
    /// rest goes on in `fresh`.
    fn cut(&mut self, last: bool, mut fresh: Vec<u8>) -> (Vec<u8>, Vec<Range<usize>>) {
        let at = if last { self.text.len() } else { self.scanned };
        fresh.clear();
        fresh.extend_from_slice(&self.text[at..]);
        self.text.truncate(at);
        let text = std::mem::replace(&mut self.text, fresh);
        if !last {
            self.scanned -= at;
            if let Stage::Closed(end) = &mut self.stage {
                *end -= at;
            }
        }
        (text, std::mem::take(&mut self.items))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{BUNDLED_SOURCE, parse_syntax};

    /// `source` read in blocks of `block` bytes.
    fn streamed(source: &str, block: u64) -> io::Result<Option<Vec<Partner>>> {
        read_partners(source.as_bytes(), block, 0, &|_| {}, &|_| ()).map(|read| match read {
            Read::Partners(partners, _) => Some(partners),
            Read::Unusual => None,
        })
    }

    #[test]
    fn any_block_size_reads_what_the_whole_text_gives() {
        let whole = parse_syntax(BUNDLED_SOURCE, std::path::Path::new("x")).ok();
        let whole = whole.map(|d| d.partners);
        assert!(whole.as_ref().is_some_and(|p| p.len() > 30));
        let with_bom = format!("\u{FEFF}{BUNDLED_SOURCE}");
        for block in [1, 2, 3, 7, 64, 1000, 1 << 20] {
            assert_eq!(streamed(BUNDLED_SOURCE, block).ok().flatten(), whole, "{block}");
            assert_eq!(streamed(&with_bom, block).ok().flatten(), whole, "{block}");
        }
    }

    /// `n` short partners, each with `description`, as a file's text.
    fn many(n: usize, description: &str) -> String {
        let partner = |i| {
            format!(
                "    (id: \"p{i}\", name: \"P {i}\", kind: Media, scope: National, \
                 description: \"{description}\"),\n"
            )
        };
        format!("(partners: [\n{}])\n", (0..n).map(partner).collect::<String>())
    }

    #[test]
    fn batches_come_in_order_of_at_most_the_batch_size() {
        for n in [0, 1, BATCH - 1, BATCH, BATCH + 1, 2 * BATCH, 2 * BATCH + 1] {
            let source = many(n, "d.");
            let whole = parse_syntax(&source, std::path::Path::new("x")).ok().map(|d| d.partners);
            for block in [7, 1000, 1 << 20] {
                let size = source.len() as u64;
                let first = |batch: &[Partner]| (batch.len(), batch.first().map(|p| p.id.clone()));
                let read = read_partners(source.as_bytes(), block, size, &|_| {}, &first);
                let Ok(Read::Partners(partners, made)) = read else { panic!("{n} {block}") };
                assert_eq!(Some(&partners), whole.as_ref(), "{n} {block}");
                assert!(made.iter().all(|(len, _)| *len <= BATCH), "{n} {block}");
                let mut at = 0;
                for (len, id) in made {
                    assert_eq!(id.as_deref(), partners.get(at).map(|p| p.id.as_str()));
                    at += len;
                }
                assert_eq!(at, n);
            }
        }
    }

    #[test]
    fn large_partners_are_read_while_the_file_is() {
        use std::sync::atomic::{AtomicU64, Ordering};
        let source = many(400, &"x".repeat(10_000));
        let read = AtomicU64::new(0);
        let first_batch_at = AtomicU64::new(u64::MAX);
        let size = source.len() as u64;
        let progress = |n| {
            read.fetch_add(n, Ordering::SeqCst);
        };
        let also = |_: &[Partner]| {
            first_batch_at.fetch_min(read.load(Ordering::SeqCst), Ordering::SeqCst);
        };
        // The reader stays at most AHEAD blocks ahead of the parsers.
        let block = 1 << 16;
        assert!(read_partners(source.as_bytes(), block, size, &progress, &also).is_ok());
        let at = first_batch_at.load(Ordering::SeqCst);
        assert!(at <= (AHEAD as u64 + 1) * block && at < size / 4, "{at} of {size} read first");
    }

    #[test]
    fn text_after_the_last_partner_is_checked_too() {
        for n in [1, BATCH - 1, BATCH, BATCH + 1, 2 * BATCH] {
            let mut bytes = many(n, "d.").into_bytes();
            bytes.extend_from_slice(b"// caf\xE9\n");
            for block in [1000, 1 << 20] {
                let read = read_partners(bytes.as_slice(), block, 0, &|_| {}, &|_| ());
                assert!(matches!(read, Ok(Read::Unusual)), "{n}");
            }
        }
    }

    #[test]
    fn room_made_from_a_guess_is_given_back() {
        // Short partners first say the file holds many more than it does.
        let mut source = many(BATCH, "d.");
        source.truncate(source.len() - "])\n".len());
        source.push_str(&many(BATCH, &"x".repeat(10_000))["(partners: [\n".len()..]);
        let size = source.len() as u64;
        let read = read_partners(source.as_bytes(), 1 << 22, size, &|_| {}, &|_| ());
        let Ok(Read::Partners(partners, _)) = read else { panic!("not read") };
        assert_eq!(partners.len(), 2 * BATCH);
        assert!(partners.capacity() <= partners.len() * 9 / 8, "{}", partners.capacity());
    }

    #[test]
    fn a_nul_sends_the_file_to_be_read_whole() {
        let source = many(3, "d.").replace("P 1", "P\u{0}1");
        assert!(matches!(streamed(&source, 100), Ok(None)));
    }

    #[test]
    fn unusual_texts_are_handed_back() {
        let cases = [
            "",
            "(partners: [",
            "(partners: [(id: \"a\"",
            "(partners: []) x",
            "(partners: [] /* */)",
            "Dataset(partners: [])",
            "(partners: [(id: r\"a\")])",
        ];
        for source in cases {
            for block in [1, 5, 100] {
                assert!(matches!(streamed(source, block), Ok(None)), "{source} {block}");
            }
        }
        for block in [1, 4, 100] {
            assert_eq!(
                streamed("(partners: [] , ) // end", block).ok().flatten(),
                Some(Vec::new())
            );
        }
    }

    #[test]
    fn text_that_is_not_utf8_is_read_whole() {
        let mut bytes = BUNDLED_SOURCE.as_bytes().to_vec();
        // Inside a description, where the shape of the file stays the usual one.
        let at = BUNDLED_SOURCE[BUNDLED_SOURCE.len() / 2..].find("description: \"").unwrap_or(0);
        bytes[BUNDLED_SOURCE.len() / 2 + at + 14] = 0xFF;
        for block in [3, 4096] {
            let read = read_partners(bytes.as_slice(), block, 0, &|_| {}, &|_| ());
            assert!(matches!(read, Ok(Read::Unusual)), "{block}");
        }
    }
}
