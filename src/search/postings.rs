//! Which partners hold each word: for a large dataset, a search looks for a spelling only in
//! the partners that hold a word it could be part of, instead of scanning every partner's text
//! for every spelling.
//!
//! Owns the word → partners lists and the bit sets made from them. Built once per dataset off
//! the UI thread ([`super::Index::warm`]); a search that comes before it is ready scans as ever.
//! The lists only ever say "maybe": the scan still decides, so results are the same with them
//! or without.

use std::sync::{Arc, Mutex};

use memchr::memmem;
use rayon::prelude::*;

/// Partners per block of lists: a partner's place in its block fits in a `u16`.
const BLOCK: usize = 1 << 16;

/// How many spellings' bit sets are kept between keystrokes (typing a word looks for the same
/// equivalents again at each letter).
const REMEMBERED: usize = 64;

/// Partners as bits: bit `i % 64` of word `i / 64` for partner `i`.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Bits(Vec<u64>);

impl Bits {
    fn none(len: usize) -> Bits {
        Bits(vec![0; len.div_ceil(64)])
    }

    pub(super) fn has(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|word| word >> (i % 64) & 1 == 1)
    }

    fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    fn and(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= b;
        }
    }
}

/// The lists of one block of partners: those holding word `w` are
/// `ids[offsets[w]..offsets[w + 1]]`, as places in the block, in order; or, for a word many of
/// them hold, bits.
struct Block {
    offsets: Vec<u32>,
    ids: Vec<u16>,
    /// The words held by many partners (by number, in order), with the partners as bits:
    /// smaller than their lists would be.
    dense: Vec<(u32, Box<[u64]>)>,
}

/// A word held by more than one partner in this many of a block is kept as bits, not listed...
const COMMON: usize = 8;
/// ... but not in a block of this many partners or fewer.
const COMMON_MIN: u32 = 64;

impl Block {
    /// The lists of partners whose words (by number) are `words[ends[p - 1]..ends[p]]`.
    fn of(words: &[u32], ends: &[usize], vocabulary: usize) -> Block {
        let mut offsets = vec![0u32; vocabulary + 1];
        let mut last = vec![u32::MAX; vocabulary];
        let each = |visit: &mut dyn FnMut(usize, u32)| {
            let mut start = 0;
            for (place, &end) in (0u32..).zip(ends) {
                for &w in &words[start..end] {
                    visit(w as usize, place);
                }
                start = end;
            }
        };
        // Twice over the words: count, then fill (no list grows and moves).
        each(&mut |w, place| {
            if last[w] != place {
                last[w] = place;
                offsets[w + 1] += 1;
            }
        });
        // Words most partners hold are kept as bits: as lists they would take most of the
        // memory.
        let most = u32::try_from(ends.len() / COMMON).unwrap_or(u32::MAX).max(COMMON_MIN);
        let mut dense: Vec<(u32, Box<[u64]>)> = Vec::new();
        for (w, count) in (0u32..).zip(offsets[1..].iter_mut()) {
            if *count > most {
                *count = 0;
                dense.push((w, vec![0; ends.len().div_ceil(64)].into_boxed_slice()));
            }
        }
        let mut slot = vec![u32::MAX; vocabulary];
        for (n, (w, _)) in (0u32..).zip(&dense) {
            slot[*w as usize] = n;
        }
        for w in 1..offsets.len() {
            offsets[w] += offsets[w - 1];
        }
        let mut next = offsets.clone();
        let mut ids = vec![0u16; offsets[vocabulary] as usize];
        last.fill(u32::MAX);
        each(&mut |w, place| {
            if last[w] == place {
                return;
            }
            last[w] = place;
            if let Some((_, bits)) = dense.get_mut(slot[w] as usize) {
                bits[place as usize / 64] |= 1 << (place % 64);
            } else {
                ids[next[w] as usize] = u16::try_from(place).unwrap_or(u16::MAX);
                next[w] += 1;
            }
        });
        Block { offsets, ids, dense }
    }

    /// The bits of word `w`, if it is kept as bits here.
    fn bits(&self, w: usize) -> Option<&[u64]> {
        let w = u32::try_from(w).ok()?;
        let at = self.dense.binary_search_by_key(&w, |(word, _)| *word).ok()?;
        Some(&self.dense[at].1)
    }
}

/// Which partners hold one distinct word (by number): in blocks of [`BLOCK`] partners.
struct Lists {
    blocks: Vec<Block>,
    /// What finding the holders of each word costs: its listed partners, and the words of
    /// bits (one per 64 partners) of each block where it is bits.
    costs: Vec<u32>,
}

impl Lists {
    fn of(blocks: Vec<Block>, vocabulary: usize) -> Lists {
        let cost = |b: &Block, w: usize| {
            let listed = b.offsets[w + 1] - b.offsets[w];
            listed + b.bits(w).map_or(0, |bits| u32::try_from(bits.len()).unwrap_or(u32::MAX))
        };
        let costs = (0..vocabulary).map(|w| blocks.iter().map(|b| cost(b, w)).sum()).collect();
        Lists { blocks, costs }
    }
}

/// For every distinct word of the partners (split as [`super::expand::Vocabulary`] does), the
/// partners that hold it anywhere, and those that hold it in their name, acronym or aliases.
pub(super) struct Postings {
    /// The words, sorted, each followed by a newline: one text to look for a substring in.
    joined: String,
    /// Where each word starts in `joined`.
    starts: Vec<u32>,
    anywhere: Lists,
    short: Lists,
    /// How many partners there are.
    len: usize,
    /// The bit sets of recent spellings (term, word start only, short fields only), newest
    /// last.
    remembered: Mutex<Vec<(Spelling, Option<Arc<Bits>>)>>,
}

/// A spelling looked for: the term, whether at a word start only, whether in short fields only.
type Spelling = (String, bool, bool);

/// Splits text into the words the lists are made of: runs of ASCII letters and digits.
fn words(text: &str) -> impl Iterator<Item = &str> {
    // By bytes: the words are ASCII, cut at ASCII bytes.
    let pieces = text.as_bytes().split(|b| !b.is_ascii_alphanumeric());
    pieces.filter(|w| !w.is_empty()).map(|w| std::str::from_utf8(w).unwrap_or_default())
}

impl Postings {
    /// The lists for `len` partners over `sorted` (every distinct word, sorted); `text(i)` is
    /// partner `i`'s folded text, and how many of its first bytes are its short fields.
    pub(super) fn build<'t>(
        sorted: &[String],
        len: usize,
        text: impl Fn(usize) -> (&'t str, usize) + Sync,
    ) -> Postings {
        let mut joined = String::with_capacity(sorted.iter().map(|w| w.len() + 1).sum());
        let mut starts = Vec::with_capacity(sorted.len());
        let mut numbers: foldhash::HashMap<&str, u32> = foldhash::HashMap::with_capacity_and_hasher(
            sorted.len(),
            foldhash::fast::RandomState::default(),
        );
        for (n, word) in (0u32..).zip(sorted) {
            starts.push(u32::try_from(joined.len()).unwrap_or(u32::MAX));
            joined.push_str(word);
            joined.push('\n');
            numbers.insert(word, n);
        }
        let (anywhere, short): (Vec<Block>, Vec<Block>) = (0..len.div_ceil(BLOCK))
            .into_par_iter()
            .map(|b| {
                let range = b * BLOCK..len.min((b + 1) * BLOCK);
                // Each partner's words once, by number: where they end, and where its short
                // fields' words end.
                let mut found: Vec<u32> = Vec::new();
                let (mut ends, mut short_ends) = (Vec::new(), Vec::new());
                let mut short_words: Vec<u32> = Vec::new();
                for i in range {
                    // The short fields come first and end a line: no word spans the two.
                    let (text, short_len) = text(i);
                    let (short, long) = text.split_at(short_len);
                    for word in words(short) {
                        if let Some(&w) = numbers.get(word) {
                            found.push(w);
                            short_words.push(w);
                        }
                    }
                    found.extend(words(long).filter_map(|word| numbers.get(word)));
                    ends.push(found.len());
                    short_ends.push(short_words.len());
                }
                (
                    Block::of(&found, &ends, sorted.len()),
                    Block::of(&short_words, &short_ends, sorted.len()),
                )
            })
            .unzip();
        Postings {
            joined,
            starts,
            anywhere: Lists::of(anywhere, sorted.len()),
            short: Lists::of(short, sorted.len()),
            len,
            remembered: Mutex::default(),
        }
    }

    /// The partners that may hold `term` (folded) somewhere in their text — with `start`, only
    /// at the start of a word; with `short`, only in their name, acronym or aliases — or `None`
    /// when that is too many partners to be worth a list.
    pub(super) fn may_hold(&self, term: &str, start: bool, short: bool) -> Option<Arc<Bits>> {
        let key = (term.to_owned(), start, short);
        let mut remembered =
            self.remembered.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(at) = remembered.iter().position(|(k, _)| *k == key) {
            let entry = remembered.remove(at);
            let bits = entry.1.clone();
            remembered.push(entry);
            return bits;
        }
        drop(remembered);
        let bits = self.find(term, start, if short { &self.short } else { &self.anywhere });
        let bits = bits.map(Arc::new);
        let mut remembered =
            self.remembered.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if remembered.len() >= REMEMBERED {
            remembered.remove(0);
        }
        remembered.push((key, bits.clone()));
        bits
    }

    fn find(&self, term: &str, start: bool, lists: &Lists) -> Option<Bits> {
        // Words are runs of ASCII letters and digits: anything else in a term only separates.
        if !term.is_ascii() {
            return None;
        }
        let mut pieces = words(term);
        let first = pieces.next()?;
        let mut bits = self.holding(first, start && term.starts_with(first), lists)?;
        for piece in pieces {
            if let Some(more) = self.holding(piece, false, lists) {
                bits.and(&more);
            }
        }
        Some(bits)
    }

    /// The partners holding a word that starts with `piece` (or, without `start`, holds it).
    fn holding(&self, piece: &str, start: bool, lists: &Lists) -> Option<Bits> {
        let mut words: Vec<usize> = Vec::new();
        if start {
            let at = self.starts.partition_point(|&s| &self.joined[s as usize..] < piece);
            words.extend(
                (at..self.starts.len())
                    .take_while(|&w| self.joined[self.starts[w] as usize..].starts_with(piece)),
            );
        } else {
            for at in memmem::find_iter(self.joined.as_bytes(), piece.as_bytes()) {
                let w = self.starts.partition_point(|&s| s as usize <= at) - 1;
                if words.last() != Some(&w) {
                    words.push(w);
                }
            }
        }
        // Past this many, the lists cost more than the scan they would save.
        let total: usize = words.iter().map(|&w| lists.costs[w] as usize).sum();
        if total > 2 * self.len {
            return None;
        }
        let mut bits = Bits::none(self.len);
        for (b, block) in lists.blocks.iter().enumerate() {
            // A block's partners start a whole word of bits.
            let first = b * BLOCK / 64;
            for &w in &words {
                if let Some(held) = block.bits(w) {
                    for (word, more) in bits.0[first..].iter_mut().zip(held) {
                        *word |= more;
                    }
                    continue;
                }
                let ids = &block.ids[block.offsets[w] as usize..block.offsets[w + 1] as usize];
                for &id in ids {
                    bits.set(b * BLOCK + usize::from(id));
                }
            }
        }
        Some(bits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn postings(texts: &[&str]) -> Postings {
        let mut sorted: Vec<String> =
            texts.iter().flat_map(|t| words(t)).map(str::to_owned).collect();
        sorted.sort_unstable();
        sorted.dedup();
        // The first line of each text is its short fields.
        Postings::build(&sorted, texts.len(), |i| {
            (texts[i], texts[i].find('\n').map_or(texts[i].len(), |n| n + 1))
        })
    }

    fn holders(bits: &Bits, len: usize) -> Vec<usize> {
        (0..len).filter(|&i| bits.has(i)).collect()
    }

    #[test]
    fn finds_the_partners_whose_words_hold_a_term() {
        let texts = ["public procurement\n", "procure it\nsocial", "transport sport\n", ""];
        let p = postings(&texts);
        let find = |term, start| p.may_hold(term, start, false).map(|b| holders(&b, texts.len()));
        let short = |term| p.may_hold(term, true, true).map(|b| holders(&b, texts.len()));
        assert_eq!(find("procur", true), Some(vec![0, 1]));
        assert_eq!(find("sport", false), Some(vec![2]));
        assert_eq!(find("sport", true), Some(vec![2]));
        assert_eq!(find("port", true), Some(vec![]));
        assert_eq!(find("port", false), Some(vec![2]));
        // Pieces of a term with punctuation must all be there.
        assert_eq!(find("public-procurement", false), Some(vec![0]));
        assert_eq!(find("it's", false), Some(vec![1]));
        // Nothing to say about a term that is no word.
        assert_eq!(find("--", false), None);
        assert_eq!(find("é", false), None);
        // Remembered answers are the same answers.
        assert_eq!(find("procur", true), Some(vec![0, 1]));
        // Short fields: the first line here.
        assert_eq!(short("procur"), Some(vec![0, 1]));
        assert_eq!(short("social"), Some(vec![]));
        assert_eq!(find("social", true), Some(vec![1]));
    }

    #[test]
    fn blocks_keep_partner_numbers_and_common_words_as_bits() {
        let texts: Vec<String> = (0..BLOCK + 10)
            .map(|i| if i % 13 == 0 { "thirteen".into() } else { "x".into() })
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let p = postings(&refs);
        let bits = p.may_hold("thirteen", true, false).expect("a list");
        assert_eq!(holders(&bits, refs.len()), (0..refs.len()).step_by(13).collect::<Vec<_>>());
        // Held by most partners: bits, across the blocks.
        let x: Vec<usize> = (0..refs.len()).filter(|i| i % 13 != 0).collect();
        assert_eq!(p.may_hold("x", true, false).map(|b| holders(&b, refs.len())), Some(x));
        assert_eq!(
            p.may_hold("thirteen x", false, false).map(|b| holders(&b, refs.len())),
            Some(vec![]),
            "both pieces count"
        );
    }
}
