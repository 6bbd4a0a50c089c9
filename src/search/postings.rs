//! Which partners hold each word, and where: for a large dataset, a search finds a spelling
//! of letters and digits from the lists of the words that hold it, and looks for any other
//! only in the partners that hold a word it could be part of, instead of reading every
//! partner's text for every spelling.
//!
//! Owns the word → partners lists and what is read from them (bit sets, occurrences). Built
//! once per dataset off the UI thread ([`super::Index::warm`]); a search that comes before it
//! is ready reads the texts as ever. What the lists tell is what reading the texts finds
//! (tests/scale.rs holds them to a naive matcher), so results are the same with them or
//! without.

use std::sync::{Arc, Mutex};

use memchr::memmem;
use rayon::prelude::*;

use super::index::Field;
use super::matching::inflected;
use super::vocabulary::packed;

/// Partners per block of lists: a partner's place in its block fits in a `u16`.
const BLOCK: usize = 1 << 16;

/// How many spellings' bit sets are kept between keystrokes (typing a word looks for the same
/// equivalents again at each letter).
const REMEMBERED: usize = 64;

/// Partners as bits: bit `i % 64` of word `i / 64` for partner `i`.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Bits(Vec<u64>);

impl Bits {
    pub(super) fn none(len: usize) -> Bits {
        Bits(vec![0; len.div_ceil(64)])
    }

    /// How many partners.
    pub(super) fn count(&self) -> usize {
        self.0.iter().map(|word| word.count_ones() as usize).sum()
    }

    pub(super) fn has(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|word| word >> (i % 64) & 1 == 1)
    }

    pub(super) fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    /// Partner `i` in bit `i % 64` of `words[i / 64]`.
    pub(super) fn of_words(words: Vec<u64>) -> Bits {
        Bits(words)
    }

    /// The partners, in index order.
    pub(super) fn ones(&self) -> Vec<usize> {
        let mut ones = Vec::new();
        for (n, &word) in self.0.iter().enumerate() {
            let mut word = word;
            while word != 0 {
                ones.push(n * 64 + word.trailing_zeros() as usize);
                word &= word - 1;
            }
        }
        ones
    }

    /// Adds the partners of `other`.
    pub(super) fn or(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }

    /// Keeps only the partners of `other` too.
    pub(super) fn and(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= b;
        }
    }
}

/// Where a word is in the fields of one class (see [`Field`]) of a partner: the first place
/// (in characters from its field's start, at most [`Mark::PLACE_MAX`]), whether one of those
/// fields is the word alone, and whether the partner's text is all ASCII (else the places are
/// not to be trusted, nor where its words start and end: its text is to be read).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mark(u16);

impl Mark {
    const PLACE_MAX: usize = 1023;
    const WHOLE: u16 = 1 << 12;
    const LOOSE: u16 = 1 << 13;

    fn new(field: Field, place: usize, whole: bool, ascii: bool) -> Mark {
        let place = u16::try_from(place.min(Mark::PLACE_MAX)).unwrap_or(0);
        let flags = if whole { Mark::WHOLE } else { 0 } | if ascii { 0 } else { Mark::LOOSE };
        Mark(place | (field as u16) << 10 | flags)
    }

    fn field(self) -> Field {
        match self.0 >> 10 & 3 {
            0 => Field::Text,
            1 => Field::Alias,
            _ => Field::Name,
        }
    }

    fn place(self) -> u32 {
        u32::from(self.0 & 1023)
    }

    /// The better of two marks of one word in fields of one class: a field that is the word,
    /// else the earlier place.
    fn better(self, other: Mark) -> Mark {
        let rank = |m: Mark| (m.0 & Mark::WHOLE != 0, std::cmp::Reverse(m.place()));
        if rank(other) > rank(self) { other } else { self }
    }
}

/// The lists of one block of partners: those holding word `w` are
/// `ids[offsets[w]..offsets[w + 1]]`, as places in the block, in order, with where the word
/// is in their fields (`marks`, alike): up to one entry per class of field.
struct Block {
    offsets: Vec<u32>,
    ids: Vec<u16>,
    marks: Vec<Mark>,
}

impl Block {
    /// The lists of partners whose words (by number, each with its mark, once per class) are
    /// `words[ends[p - 1]..ends[p]]`.
    fn of(words: &[(u32, Mark)], ends: &[usize], vocabulary: usize) -> Block {
        let mut offsets = vec![0u32; vocabulary + 1];
        for &(w, _) in words {
            offsets[w as usize + 1] += 1;
        }
        for w in 1..offsets.len() {
            offsets[w] += offsets[w - 1];
        }
        // Filled in one pass (no list grows and moves), partners in order.
        let mut next = offsets.clone();
        let mut ids = vec![0u16; words.len()];
        let mut marks = vec![Mark(0); words.len()];
        let mut start = 0;
        for (place, &end) in ends.iter().enumerate() {
            // A block's places fit in a `u16` (see [`BLOCK`]).
            let place = u16::try_from(place).unwrap_or(u16::MAX);
            for &(w, mark) in &words[start..end] {
                let at = next[w as usize] as usize;
                ids[at] = place;
                marks[at] = mark;
                next[w as usize] += 1;
            }
            start = end;
        }
        Block { offsets, ids, marks }
    }

    /// The entries of word `w`.
    fn list(&self, w: usize) -> impl Iterator<Item = (u16, Mark)> + '_ {
        let range = self.offsets[w] as usize..self.offsets[w + 1] as usize;
        self.ids[range.clone()].iter().copied().zip(self.marks[range].iter().copied())
    }
}

/// For every distinct word of the partners (split as [`super::expand::Vocabulary`] does), the
/// partners that hold it, in which class of field, and where.
pub(super) struct Postings {
    /// The words, sorted, each followed by a newline: one text to look for a substring in.
    joined: String,
    /// Where each word starts in `joined`.
    starts: Vec<u32>,
    /// In blocks of [`BLOCK`] partners.
    blocks: Vec<Block>,
    /// How many entries each word has.
    counts: Vec<u32>,
    /// How many partners there are.
    len: usize,
    /// The bit sets of recent spellings (term, word start only, short fields only), newest
    /// last.
    remembered: Mutex<Vec<(Spelling, Option<Arc<Bits>>)>>,
}

/// A spelling looked for: the term, whether at a word start only, whether in short fields only.
type Spelling = (String, bool, bool);

/// Past this many entries per partner, a term's lists cost more than the scans they would
/// save.
const LISTED_MAX: usize = 8;

/// A search among fewer than one partner in this many weighs the lists against the texts.
const FEW_PARTNERS: usize = 4;

/// Splits text into the words the lists are made of: runs of ASCII letters and digits, with
/// where each starts.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    // By bytes: the words are ASCII, cut at ASCII bytes.
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + bytes[at..].iter().position(u8::is_ascii_alphanumeric)?;
        let len = bytes[start..].iter().position(|b| !b.is_ascii_alphanumeric());
        at = len.map_or(bytes.len(), |len| start + len);
        // Both ends are ASCII bytes (or the end), so char boundaries: slicing checks only
        // that, where taking the bytes as UTF-8 read each of them again.
        Some((start, text.get(start..at).unwrap_or_default()))
    })
}

/// An occurrence of a term, as the lists tell it: in which class of field, at which place (in
/// characters from the field's start, at most [`Mark::PLACE_MAX`] and some), and how it sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Spot {
    pub(super) field: Field,
    pub(super) place: u32,
    /// At a word start.
    pub(super) starts: bool,
    /// A whole word.
    pub(super) whole_word: bool,
    /// A whole field (of the name, acronym or aliases).
    pub(super) whole_field: bool,
}

impl Postings {
    /// The lists for `len` partners over `sorted` (every distinct word, sorted).
    /// `fields(i, visit)` shows partner `i`'s folded fields to `visit` (the text, its class);
    /// `ascii(i)`: whether partner `i`'s folded text is all ASCII.
    pub(super) fn build(
        sorted: &[String],
        len: usize,
        fields: impl Fn(usize, &mut dyn FnMut(&str, Field)) + Sync,
        ascii: impl Fn(usize) -> bool + Sync,
    ) -> Postings {
        let mut joined = String::with_capacity(sorted.iter().map(|w| w.len() + 1).sum());
        let mut starts = Vec::with_capacity(sorted.len());
        // By number, as the vocabulary keeps them (see [`packed`]), the long ones by text.
        let mut short: foldhash::HashMap<u128, u32> = foldhash::HashMap::with_capacity_and_hasher(
            sorted.len(),
            foldhash::fast::RandomState::default(),
        );
        let mut long: foldhash::HashMap<&str, u32> = foldhash::HashMap::default();
        for (n, word) in (0u32..).zip(sorted) {
            starts.push(u32::try_from(joined.len()).unwrap_or(u32::MAX));
            joined.push_str(word);
            joined.push('\n');
            match packed(word) {
                Some(packed) => short.insert(packed, n),
                None => long.insert(word, n),
            };
        }
        let number = |word: &str| match packed(word) {
            Some(packed) => short.get(&packed),
            None => long.get(word),
        };
        let blocks: Vec<Block> = (0..len.div_ceil(BLOCK))
            .into_par_iter()
            .map(|b| {
                let range = b * BLOCK..len.min((b + 1) * BLOCK);
                // Each partner's words once per class of field, by number, with where they
                // end; `last[3w + class]`: the partner that last had word `w` in that class,
                // and where its entry is.
                let mut found: Vec<(u32, Mark)> = Vec::new();
                let mut ends = Vec::with_capacity(range.len());
                let mut last = vec![(u32::MAX, 0u32); 3 * sorted.len()];
                for (place, i) in (0u32..).zip(range) {
                    let ascii = ascii(i);
                    fields(i, &mut |text, field| {
                        for (at, word) in words(text) {
                            let Some(&w) = number(word) else { continue };
                            let whole = field != Field::Text && word.len() == text.len();
                            let mark = Mark::new(field, at, whole, ascii);
                            let key = 3 * w as usize + field as usize;
                            match last[key] {
                                (p, entry) if p == place => {
                                    let entry = &mut found[entry as usize].1;
                                    *entry = entry.better(mark);
                                }
                                _ => {
                                    let entry = u32::try_from(found.len()).unwrap_or(u32::MAX);
                                    last[key] = (place, entry);
                                    found.push((w, mark));
                                }
                            }
                        }
                    });
                    ends.push(found.len());
                }
                Block::of(&found, &ends, sorted.len())
            })
            .collect();
        let mut counts = vec![0u32; sorted.len()];
        for block in &blocks {
            for (w, count) in counts.iter_mut().enumerate() {
                *count += block.offsets[w + 1] - block.offsets[w];
            }
        }
        Postings { joined, starts, blocks, counts, len, remembered: Mutex::default() }
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
        let bits = self.find(term, start, short).map(Arc::new);
        let mut remembered =
            self.remembered.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if remembered.len() >= REMEMBERED {
            remembered.remove(0);
        }
        remembered.push((key, bits.clone()));
        bits
    }

    fn find(&self, term: &str, start: bool, short: bool) -> Option<Bits> {
        // Words are runs of ASCII letters and digits: anything else in a term only separates.
        if !term.is_ascii() {
            return None;
        }
        let mut pieces = words(term);
        let (at, first) = pieces.next()?;
        let mut bits = self.holding(first, start && at == 0, short)?;
        // A piece after a separator starts a word.
        for (_, piece) in pieces {
            if let Some(more) = self.holding(piece, true, short) {
                bits.and(&more);
            }
        }
        Some(bits)
    }

    /// The words that hold `piece` (with `start`, that start with it), with where it first is
    /// in each.
    fn words_holding(&self, piece: &str, start: bool) -> Vec<(usize, usize)> {
        let mut words = Vec::new();
        if start {
            let at = self.starts.partition_point(|&s| &self.joined[s as usize..] < piece);
            words.extend(
                (at..self.starts.len())
                    .take_while(|&w| self.joined[self.starts[w] as usize..].starts_with(piece))
                    .map(|w| (w, 0)),
            );
        } else {
            for at in memmem::find_iter(self.joined.as_bytes(), piece.as_bytes()) {
                let w = self.starts.partition_point(|&s| s as usize <= at) - 1;
                if words.last().is_none_or(|&(last, _)| last != w) {
                    words.push((w, at - self.starts[w] as usize));
                }
            }
        }
        words
    }

    /// The partners holding a word that starts with `piece` (or, without `start`, holds it),
    /// with `short` in their name, acronym or aliases.
    fn holding(&self, piece: &str, start: bool, short: bool) -> Option<Bits> {
        let words = self.words_holding(piece, start);
        let total = self.entries(&words);
        if total > LISTED_MAX * self.len {
            return None;
        }
        let mut bits = Bits::none(self.len);
        for (b, block) in self.blocks.iter().enumerate() {
            for &(w, _) in &words {
                for (id, mark) in block.list(w) {
                    if !short || mark.field() != Field::Text {
                        bits.set(b * BLOCK + usize::from(id));
                    }
                }
            }
        }
        Some(bits)
    }

    /// Shows `visit` every occurrence of `term` (folded, ASCII letters and digits only) the
    /// lists know of, by partner (the best of each word in each class of field), from one
    /// thread per block of partners; `loose(i)` for a partner whose text must be read to know.
    /// Returns false, having shown nothing, when the lists cannot tell (another term) or would
    /// take longer than reading the texts.
    pub(super) fn occurrences(
        &self,
        term: &str,
        visit: impl Fn(usize, Spot) + Sync,
        loose: impl Fn(usize) + Sync,
    ) -> bool {
        let Some(words) = self.telling(term) else { return false };
        self.blocks.par_iter().enumerate().for_each(|(b, block)| {
            for &(w, offset) in &words {
                let word = self.word(w);
                let exact = offset == 0 && word.len() == term.len();
                let whole_word =
                    exact || offset == 0 && inflected(Some(term), word.get(term.len()..));
                for (id, mark) in block.list(w) {
                    let i = b * BLOCK + usize::from(id);
                    if mark.0 & Mark::LOOSE != 0 {
                        loose(i);
                        continue;
                    }
                    let place = mark.place() + u32::try_from(offset).unwrap_or(u32::MAX);
                    let whole_field = exact && mark.0 & Mark::WHOLE != 0;
                    let spot = Spot {
                        field: mark.field(),
                        place,
                        starts: offset == 0,
                        whole_word,
                        whole_field,
                    };
                    visit(i, spot);
                }
            }
        });
        true
    }

    /// Whether [`Postings::occurrences`] can tell where `term` is.
    pub(super) fn can_tell(&self, term: &str) -> bool {
        self.telling(term).is_some()
    }

    /// Whether reading `term`'s lists (for every partner) costs less than reading the texts
    /// of `partners` partners: a search among few partners reads their texts. Among many,
    /// the lists always pay (the words holding the term are not even looked up).
    pub(super) fn pays(&self, term: &str, partners: usize) -> bool {
        if partners.saturating_mul(FEW_PARTNERS) >= self.len {
            return true;
        }
        let words = self.words_holding(term, false);
        let total = self.entries(&words);
        total <= LISTED_MAX * partners
    }

    /// The words that hold `term`, with where it first is in each, if their lists tell where
    /// it is more cheaply than the texts would.
    fn telling(&self, term: &str) -> Option<Vec<(usize, usize)>> {
        if term.is_empty() || !term.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        let words = self.words_holding(term, false);
        let total = self.entries(&words);
        (total <= LISTED_MAX * self.len).then_some(words)
    }

    /// How many entries the lists of `words` hold together.
    fn entries(&self, words: &[(usize, usize)]) -> usize {
        words.iter().map(|&(w, _)| self.counts[w] as usize).sum()
    }

    /// Word number `w`.
    fn word(&self, w: usize) -> &str {
        let start = self.starts[w] as usize;
        let end = self.starts.get(w + 1).map_or(self.joined.len(), |&s| s as usize) - 1;
        &self.joined[start..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first line of each text is its name, the rest its description.
    fn postings(texts: &[&str]) -> Postings {
        let mut sorted: Vec<String> =
            texts.iter().flat_map(|t| words(t)).map(|(_, w)| w.to_owned()).collect();
        sorted.sort_unstable();
        sorted.dedup();
        let fields = |i: usize, visit: &mut dyn FnMut(&str, Field)| {
            let (name, rest) = texts[i].split_once('\n').unwrap_or((texts[i], ""));
            visit(name, Field::Name);
            visit(rest, Field::Text);
        };
        Postings::build(&sorted, texts.len(), fields, |i| texts[i].is_ascii())
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
    fn blocks_keep_partner_numbers() {
        let texts: Vec<String> = (0..BLOCK + 10)
            .map(|i| if i % 13 == 0 { "thirteen".into() } else { "x".into() })
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let p = postings(&refs);
        let bits = p.may_hold("thirteen", true, false).expect("a list");
        assert_eq!(holders(&bits, refs.len()), (0..refs.len()).step_by(13).collect::<Vec<_>>());
        let x: Vec<usize> = (0..refs.len()).filter(|i| i % 13 != 0).collect();
        assert_eq!(p.may_hold("x", true, false).map(|b| holders(&b, refs.len())), Some(x));
        assert_eq!(
            p.may_hold("thirteen x", false, false).map(|b| holders(&b, refs.len())),
            Some(vec![]),
            "both pieces count"
        );
    }

    #[test]
    fn lists_pay_among_few_partners_only_for_a_rare_term() {
        // 40 partners, each with "me" in 9 words, and one with "ugap".
        let common = "me\nmeet members memo meal medal melon menu merit meter";
        let mut texts = vec![common; 40];
        texts.push("ugap\nbuys");
        let p = postings(&texts);
        // Among 10 (fewer than a quarter), 10 x 8 entries are worth reading, not 360.
        assert!(!p.pays("me", 10));
        assert!(p.pays("ugap", 10));
        // Among many, the lists always pay.
        assert!(p.pays("me", 11));
    }

    #[test]
    fn occurrences_say_where_and_how() {
        let texts = [
            "ugap\nthe ugap buys",
            "social economy\nsocial, socially; associations",
            "caf\u{e9}\nsocial",
            "x\nnothing",
        ];
        let p = postings(&texts);
        let spots = |term: &str| {
            let found = Mutex::new(Vec::new());
            let loose = Mutex::new(Vec::new());
            let answered = p.occurrences(
                term,
                |i, spot| found.lock().expect("not poisoned").push((i, spot)),
                |i| loose.lock().expect("not poisoned").push(i),
            );
            let mut found = found.into_inner().expect("not poisoned");
            found.sort_by_key(|(i, s)| (*i, s.field, s.place));
            answered.then_some((found, loose.into_inner().expect("not poisoned")))
        };
        let spot = |field, place, starts, whole_word, whole_field| Spot {
            field,
            place,
            starts,
            whole_word,
            whole_field,
        };
        let (found, loose) = spots("ugap").expect("a word");
        assert_eq!(
            found,
            [
                (0, spot(Field::Text, 4, true, true, false)),
                (0, spot(Field::Name, 0, true, true, true)),
            ]
        );
        assert!(loose.is_empty());
        let (found, loose) = spots("soc").expect("a word");
        assert_eq!(
            found,
            [
                // "social" and "socially" in the text, "associations" at 18 + 2.
                (1, spot(Field::Text, 0, true, false, false)),
                (1, spot(Field::Text, 8, true, false, false)),
                (1, spot(Field::Text, 20, false, false, false)),
                (1, spot(Field::Name, 0, true, false, false)),
            ]
        );
        assert_eq!(loose, [2], "a text that is not all ASCII is read");
        assert!(spots("so-c").is_none() && spots("").is_none() && spots("é").is_none());
        assert_eq!(spots("zzz"), Some((Vec::new(), Vec::new())));
    }
}
