//! Query parsing, folding, matching, ranking and highlight positions.
//!
//! The haystack is folded once when the index is built; a query is folded when parsed. Fuzzy
//! matching (Skim V2) is used only on short fields (name, acronym, aliases); long text
//! (description, location, topics) matches by words, never by letters scattered across it.
//! This module knows nothing of the terminal nor of files.
//!
//! Speed (see BENCHMARKS.md): each partner's folded fields lie end to end in a few large texts,
//! scanned in one pass with a SIMD substring search; small per-partner bit sets let a scan stop
//! as soon as no later field can do better and skip fuzzy matching where it cannot succeed;
//! large searches run on every core and sort plain integers.

use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use memchr::memmem;
use rayon::prelude::*;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::dataset::{Kind, Partner, Scope, Topic};

// ---------------------------------------------------------------------------------------------
// Folding

/// Folds text for matching: compatibility decomposition, accents stripped, lower case, ligatures
/// spelled out, typographic quotes and dashes made plain.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Folds text and returns, for each folded character, the index of the original character it
/// came from, so highlight positions land on the right characters.
pub fn fold_with_map(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    let mut last_len = 0;
    for (original, c) in text.chars().enumerate() {
        fold_into(c.encode_utf8(&mut [0; 4]), &mut out);
        let added = out[last_len..].chars().count();
        map.extend(std::iter::repeat_n(original, added));
        last_len = out.len();
    }
    (out, map)
}

fn fold_into(text: &str, out: &mut String) {
    let mut rest = text;
    while !rest.is_empty() {
        // Runs of ASCII, most of any text, are copied and lowered in bulk.
        let ascii = ascii_prefix(rest.as_bytes());
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out.as_mut_str()[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            fold_char(c, out);
            rest = chars.as_str();
        }
    }
}

/// How many bytes at the start of `bytes` are ASCII, checked eight at a time.
fn ascii_prefix(bytes: &[u8]) -> usize {
    let mut blocks = bytes.chunks_exact(8);
    let mut ascii = 0;
    for chunk in &mut blocks {
        let mut block = [0; 8];
        block.copy_from_slice(chunk);
        let high = u64::from_le_bytes(block) & 0x8080_8080_8080_8080;
        if high != 0 {
            return ascii + high.trailing_zeros() as usize / 8;
        }
        ascii += 8;
    }
    ascii + blocks.remainder().iter().take_while(|b| b.is_ascii()).count()
}

/// Folds one character that is not ASCII; accented Latin letters from a table made once.
fn fold_char(c: char, out: &mut String) {
    const LATIN: std::ops::Range<u32> = 0xC0..0x180;
    static FOLDED_LATIN: OnceLock<Vec<String>> = OnceLock::new();
    let code = u32::from(c);
    if LATIN.contains(&code) {
        let table = FOLDED_LATIN.get_or_init(|| {
            LATIN
                .map(|code| {
                    let mut folded = String::new();
                    if let Some(c) = char::from_u32(code) {
                        fold_char_uncached(c, &mut folded);
                    }
                    folded
                })
                .collect()
        });
        if let Some(folded) = table.get((code - LATIN.start) as usize) {
            out.push_str(folded);
            return;
        }
    }
    fold_char_uncached(c, out);
}

fn fold_char_uncached(c: char, out: &mut String) {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{B4}' => {
            out.push('\'');
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{AB}' | '\u{BB}' => {
            out.push('"');
        }
        '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
        '\u{A0}' | '\u{202F}' | '\u{2009}' => out.push(' '),
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' | 'ẞ' => out.push_str("ss"),
        'ø' | 'Ø' => out.push('o'),
        'đ' | 'Đ' => out.push('d'),
        'ł' | 'Ł' => out.push('l'),
        _ => {
            for d in c.nfkd().filter(|d| !is_combining_mark(*d)) {
                out.extend(d.to_lowercase());
            }
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

// ---------------------------------------------------------------------------------------------
// Queries

/// How a text term must match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Plain term: words in any field, fuzzy in name, acronym and aliases.
    Fuzzy,
    /// `'term`: the exact letters, anywhere in a field.
    Exact,
    /// `^term`: a name, acronym or alias that begins with it.
    Prefix,
    /// `term$`: a name, acronym or alias that ends with it.
    Suffix,
    /// `^term$`: a name, acronym or alias that is exactly it.
    Whole,
}

/// A personal mark a partner may carry (`is:starred`, `is:met`, `has:note`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Starred by the user.
    Starred,
    /// Marked as met.
    Met,
    /// Has a note.
    Noted,
}

impl Mark {
    fn bit(self) -> u8 {
        match self {
            Mark::Starred => 1,
            Mark::Met => 2,
            Mark::Noted => 4,
        }
    }
}

/// The marks of one partner, as bits (see [`Mark`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks(u8);

impl Marks {
    /// Marks from their three flags.
    pub fn new(starred: bool, met: bool, noted: bool) -> Marks {
        Marks(u8::from(starred) | u8::from(met) << 1 | u8::from(noted) << 2)
    }

    /// Whether `mark` is set.
    pub fn has(self, mark: Mark) -> bool {
        self.0 & mark.bit() != 0
    }
}

/// One condition of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Atom {
    /// A text term, folded.
    Text {
        /// The folded text.
        text: String,
        /// How it must match.
        mode: Mode,
    },
    /// `kind:` — any of these kinds.
    Kind(Vec<Kind>),
    /// `scope:` — any of these scopes.
    Scope(Vec<Scope>),
    /// `topic:` — any of these topics.
    Topic(Vec<Topic>),
    /// `in:` — the location holds this folded text.
    In(String),
    /// `is:` / `has:` — a personal mark.
    Mark(Mark),
}

/// An atom, possibly negated with `!`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The condition.
    pub atom: Atom,
    /// `!`: the partner must *not* satisfy it.
    pub negated: bool,
}

/// A parsed query: every group must match; a group matches when any of its terms does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// AND of OR-groups.
    pub groups: Vec<Vec<Term>>,
}

/// A query that cannot be run, with what would fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    /// The token at fault.
    pub token: String,
    /// What is wrong and the values that exist.
    pub message: String,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.token, self.message)
    }
}

impl std::error::Error for QueryError {}

/// The field filters the query syntax knows, for help screens.
pub const FILTERS: &[(&str, &str)] = &[
    ("kind:", "kind of organisation (kind:media)"),
    ("scope:", "local, regional, national, european, international"),
    ("topic:", "a topic tag (topic:procurement)"),
    ("in:", "location (in:bordeaux)"),
    ("is:", "starred or met"),
    ("has:", "note"),
];

fn slugs_matching<T: Copy>(all: &[T], slug: fn(T) -> &'static str, value: &str) -> Vec<T> {
    let exact: Vec<T> = all.iter().copied().filter(|v| slug(*v) == value).collect();
    if exact.is_empty() {
        all.iter().copied().filter(|v| slug(*v).starts_with(value)).collect()
    } else {
        exact
    }
}

fn unknown<T: Copy>(token: &str, what: &str, all: &[T], slug: fn(T) -> &'static str) -> QueryError {
    let values: Vec<&str> = all.iter().map(|v| slug(*v)).collect();
    QueryError {
        token: token.to_owned(),
        message: format!("no {what} is called that; use one of: {}", values.join(", ")),
    }
}

impl Query {
    /// Parses fzf's extended syntax plus field filters.
    ///
    /// Terms are separated by spaces and must all match; `a | b` matches either; `'exact`,
    /// `^prefix`, `suffix$`, `!negation`; `kind:`, `scope:`, `topic:`, `in:`, `is:`, `has:`.
    /// A filter value may be the start of a value's name (`kind:pub`); one that names nothing
    /// is an error listing the values that exist.
    pub fn parse(input: &str) -> Result<Query, QueryError> {
        let mut groups: Vec<Vec<Term>> = Vec::new();
        let mut join_next = false;
        for token in input.split_whitespace() {
            if token == "|" {
                join_next = !groups.is_empty();
                continue;
            }
            let Some(term) = parse_term(token)? else { continue };
            match groups.last_mut() {
                Some(group) if join_next => group.push(term),
                _ => groups.push(vec![term]),
            }
            join_next = false;
        }
        Ok(Query { groups })
    }

    /// Whether the query has no condition at all.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Whether the results depend on the user's marks (`is:`, `has:`).
    pub fn uses_marks(&self) -> bool {
        self.groups.iter().flatten().any(|t| matches!(t.atom, Atom::Mark(_)))
    }

    /// The positive text terms, for highlighting.
    fn positive_texts(&self) -> impl Iterator<Item = (&str, Mode)> {
        self.groups.iter().flatten().filter(|t| !t.negated).filter_map(|t| match &t.atom {
            Atom::Text { text, mode } => Some((text.as_str(), *mode)),
            _ => None,
        })
    }

    /// Whether every partner matching `self` also matches `previous`, so a search for `self`
    /// may look only among `previous`'s results. True when `self` adds terms, or adds letters
    /// to exact terms or to plain terms still too short for fuzzy matching.
    pub fn narrows(&self, previous: &Query) -> bool {
        if previous.groups.len() > self.groups.len() {
            return false;
        }
        previous.groups.iter().zip(&self.groups).all(|(old, new)| {
            old.len() == 1
                && new.len() == 1
                && match (&old[0], &new[0]) {
                    (a, b) if a == b => true,
                    (
                        Term { atom: Atom::Text { text: old, mode: Mode::Exact }, negated: false },
                        Term { atom: Atom::Text { text: new, mode: Mode::Exact }, negated: false },
                    ) => new.contains(old.as_str()),
                    (
                        Term { atom: Atom::Text { text: old, mode: Mode::Fuzzy }, negated: false },
                        Term { atom: Atom::Text { text: new, mode: Mode::Fuzzy }, negated: false },
                    ) => {
                        // Only word matching is monotone: a longer term can fuzzy-match where
                        // its start does not (Skim aligns it on other, credible letters).
                        new.starts_with(old.as_str()) && new.chars().count() < FUZZY_MIN_CHARS
                    }
                    _ => false,
                }
        })
    }
}

fn parse_term(token: &str) -> Result<Option<Term>, QueryError> {
    let (negated, rest) = match token.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, token),
    };
    if let Some((key, value)) = rest.split_once(':') {
        let value = fold(value);
        let atom = match key.to_ascii_lowercase().as_str() {
            _ if value.is_empty() && FILTERS.iter().any(|(f, _)| f[..f.len() - 1] == *key) => {
                return Ok(None);
            }
            "kind" => {
                let kinds = slugs_matching(Kind::ALL, Kind::slug, &value);
                if kinds.is_empty() {
                    return Err(unknown(token, "kind", Kind::ALL, Kind::slug));
                }
                Some(Atom::Kind(kinds))
            }
            "scope" => {
                let scopes = slugs_matching(Scope::ALL, Scope::slug, &value);
                if scopes.is_empty() {
                    return Err(unknown(token, "scope", Scope::ALL, Scope::slug));
                }
                Some(Atom::Scope(scopes))
            }
            "topic" => {
                let topics = slugs_matching(Topic::ALL, Topic::slug, &value);
                if topics.is_empty() {
                    return Err(unknown(token, "topic", Topic::ALL, Topic::slug));
                }
                Some(Atom::Topic(topics))
            }
            "in" => Some(Atom::In(value)),
            "is" => match value.as_str() {
                v if "starred".starts_with(v) || v == "star" || v == "fav" => {
                    Some(Atom::Mark(Mark::Starred))
                }
                v if "met".starts_with(v) => Some(Atom::Mark(Mark::Met)),
                _ => {
                    return Err(QueryError {
                        token: token.to_owned(),
                        message: "use is:starred or is:met".to_owned(),
                    });
                }
            },
            "has" => match value.as_str() {
                v if "note".starts_with(v) || v == "notes" => Some(Atom::Mark(Mark::Noted)),
                _ => {
                    return Err(QueryError {
                        token: token.to_owned(),
                        message: "use has:note".to_owned(),
                    });
                }
            },
            _ => None,
        };
        if let Some(atom) = atom {
            return Ok(Some(Term { atom, negated }));
        }
    }
    let (rest, exact) = match rest.strip_prefix('\'') {
        Some(r) => (r, true),
        None => (rest, false),
    };
    let (rest, prefix) = match rest.strip_prefix('^') {
        Some(r) if !exact => (r, true),
        _ => (rest, false),
    };
    let (rest, suffix) = match rest.strip_suffix('$') {
        Some(r) if !exact && !r.is_empty() => (r, true),
        _ => (rest, false),
    };
    let text = fold(rest);
    if text.is_empty() {
        return Ok(None);
    }
    let mode = match (exact, prefix, suffix) {
        (true, ..) => Mode::Exact,
        (_, true, true) => Mode::Whole,
        (_, true, false) => Mode::Prefix,
        (_, false, true) => Mode::Suffix,
        // fzf: a negated term is an exact-match term.
        _ if negated => Mode::Exact,
        _ => Mode::Fuzzy,
    };
    Ok(Some(Term { atom: Atom::Text { text, mode }, negated }))
}

// ---------------------------------------------------------------------------------------------
// The index

/// Fuzzy matching needs this many letters to mean anything; shorter terms match by words.
const FUZZY_MIN_CHARS: usize = 3;

/// Which field of a partner a term matched, most telling first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    /// Description, location or topics.
    Text = 0,
    /// One of the aliases.
    Alias = 1,
    /// Name or acronym.
    Name = 2,
}

/// How well a term matched, best last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Quality {
    Fuzzy = 1,
    InsideWord = 2,
    WordPrefix = 3,
    WholeWord = 4,
    WholeField = 5,
}

/// The searchable form of one partner. Its folded fields lie end to end in one of
/// [`Index::texts`], each followed by a newline, which no term holds (terms are split on white
/// space): a term found in the partner's whole text is found in one of its fields.
#[derive(Debug)]
struct Entry {
    /// Where each field starts in its text (see [`ACRONYM`] to [`TOPICS`]), then where the
    /// partner's text ends.
    bounds: [usize; 7],
    /// This partner's aliases in [`Index::alias_spans`].
    aliases: Range<usize>,
    kind: Kind,
    scope: Scope,
    /// Bit `t as u32` for each topic `t`.
    topics: u64,
    /// Letters and digits present in name, acronym and aliases, as bits: a cheap test that a
    /// fuzzy term can match at all.
    short_mask: u64,
    /// Letters and digits that start a word of the name, acronym or aliases: a credible fuzzy
    /// hit starts a word with the term's first letter.
    initials_mask: u64,
    /// Whether the partner's folded text is all ASCII (then bytes count characters).
    ascii: bool,
    /// What the partner's words start with and which letters stand alone as words: a scan
    /// for a term that cannot be a whole word, or cannot start one, may stop early.
    words: WordMarks,
}

/// Word facts of a text, as bits (see [`mask_bit`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct WordMarks {
    /// The characters that start a word (a run of letters and digits).
    initials: u64,
    /// The ASCII letters and digits that are words on their own.
    lone: u64,
}

impl WordMarks {
    fn of(text: &str) -> WordMarks {
        if text.is_ascii() {
            WordMarks::of_ascii(text.as_bytes())
        } else {
            WordMarks::of_chars(text)
        }
    }

    fn of_chars(text: &str) -> WordMarks {
        let mut marks = WordMarks::default();
        for word in text.split(|c: char| !is_word_char(c)) {
            marks.initials |= word.chars().next().map_or(0, mask_bit);
            if let &[byte] = word.as_bytes() {
                marks.lone |= mask_bit(char::from(byte));
            }
        }
        marks
    }

    /// The same for ASCII text, eight bytes at a time: a byte-by-byte loop over every
    /// partner's text costs more than the rest of indexing together.
    fn of_ascii(bytes: &[u8]) -> WordMarks {
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let splat = |byte: u8| 0x0101_0101_0101_0101 * u64::from(byte);
        // For bytes below 0x80: the high bit of each byte that is at least `low`.
        let at_least = |x: u64, low: u8| ((x | HIGH) - splat(low)) & HIGH;
        let within = |x: u64, low: u8, high: u8| at_least(x, low) & !at_least(x, high + 1);
        let word_bytes =
            |x: u64| within(x, b'0', b'9') | within(x, b'a', b'z') | within(x, b'A', b'Z');
        let mut marks = WordMarks::default();
        // The bits of the flagged bytes: branch-free, since most blocks flag one or two.
        let add = |block: &[u8; 8], flags: u64, to: &mut u64| {
            let kept = u64::from_le_bytes(*block) & ((flags >> 7) * 0xFF);
            *to |= kept
                .to_le_bytes()
                .iter()
                .fold(0, |bits, &b| bits | ASCII_BITS[usize::from(b & 0x7F)]);
        };
        let blocks = bytes.chunks(8).map(|chunk| {
            let mut block = [b' '; 8];
            block[..chunk.len()].copy_from_slice(chunk);
            (block, word_bytes(u64::from_le_bytes(block)))
        });
        // Each block is settled when the next one is known (a word may end across them).
        let mut previous: Option<([u8; 8], u64, u64)> = None;
        let mut before = 0; // Whether the byte before this block is in a word, at bit 7.
        for (block, word) in blocks.chain([([b' '; 8], 0)]) {
            if let Some((last_block, last_word, last_starts)) = previous {
                let next = last_word >> 8 | (word & 0x80) << 56;
                add(&last_block, last_starts & !next, &mut marks.lone);
            }
            let starts = word & !(word << 8 | before);
            add(&block, starts, &mut marks.initials);
            before = (word >> 56) & 0x80;
            previous = Some((block, word, starts));
        }
        marks
    }
}

// The fields of an entry, in the order of [`Entry::bounds`].
const ACRONYM: usize = 0;
const NAME: usize = 1;
const ALIASES: usize = 2;
const DESCRIPTION: usize = 3;
const LOCATION: usize = 4;
const TOPICS: usize = 5;
const END: usize = 6;

const _: () = assert!(Topic::ALL.len() <= 64, "Entry::topics holds one bit per topic");

fn topic_bit(topic: Topic) -> u64 {
    1 << (topic as u32)
}

fn char_mask(text: &str) -> u64 {
    if text.is_ascii() {
        text.bytes().fold(0, |mask, b| mask | ASCII_BITS[usize::from(b)])
    } else {
        text.chars().fold(0, |mask, c| mask | mask_bit(c))
    }
}

/// [`mask_bit`] of each ASCII character.
const ASCII_BITS: [u64; 128] = {
    let mut bits = [0; 128];
    let mut n = 0;
    while n < 26 {
        bits[b'a' as usize + n] = 1 << n;
        if n < 10 {
            bits[b'0' as usize + n] = 1 << (26 + n);
        }
        n += 1;
    }
    bits
};

fn mask_bit(c: char) -> u64 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        c if c.is_ascii() => 0,
        c => 1 << (36 + (c as u32 % 28)),
    }
}

/// The bits of the characters that start a word (as [`fuzzy_positions`] sees words).
fn initials_mask(text: &str) -> u64 {
    if text.is_ascii() {
        // Other ASCII characters have no bit: the word starts are what count.
        return WordMarks::of_ascii(text.as_bytes()).initials;
    }
    let mut mask = 0;
    let mut previous: Option<char> = None;
    for c in text.chars() {
        if previous.is_none_or(|p| !is_word_char(p)) {
            mask |= mask_bit(c);
        }
        previous = Some(c);
    }
    mask
}

/// A search result: the partner's position in the dataset and its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index of the partner in the slice the index was built from.
    pub index: usize,
    /// Higher is better; 0 when the query has only filters.
    pub score: u32,
    /// Whether a positive term matched the name or the acronym.
    pub name_hit: bool,
}

/// Positions of matched characters in a partner's original text, per field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Highlights {
    /// Char indices in `name`.
    pub name: Vec<usize>,
    /// Char indices in `acronym`.
    pub acronym: Vec<usize>,
    /// Char indices in each alias.
    pub aliases: Vec<Vec<usize>>,
    /// Char indices in `description`.
    pub description: Vec<usize>,
    /// Char indices in `location`.
    pub location: Vec<usize>,
}

/// The searchable form of a dataset. Build it once per dataset; it is immutable and `Sync`.
pub struct Index {
    /// The folded fields of partners `n * PARALLEL_MIN` to `(n + 1) * PARALLEL_MIN` end to end
    /// (see [`Entry`]) in `texts[n]`: a few large allocations, read in order.
    texts: Vec<String>,
    /// Where each partner's fields are, in its text.
    entries: Vec<Entry>,
    /// Byte ranges of every alias, in its partner's text.
    alias_spans: Vec<Range<usize>>,
    /// Position of each partner in alphabetical order of folded names, the last tie-break.
    name_rank: Vec<u32>,
    /// Position of each partner in order of name length (in characters), then of `name_rank`:
    /// the tie-break of ranked results in one number.
    length_rank: Vec<u32>,
    matcher: SkimMatcherV2,
}

/// A slice of the partners being indexed, folded on one thread; offsets are local to it.
#[derive(Default)]
struct Part {
    text: String,
    entries: Vec<Entry>,
    alias_spans: Vec<Range<usize>>,
    name_chars: Vec<u32>,
}

impl Part {
    fn push(&mut self, p: &Partner, topic_labels: &[String]) {
        let text = &mut self.text;
        let field = |text: &mut String, value: &str| {
            let start = text.len();
            fold_into(value, text);
            text.push('\n');
            start
        };
        let mut bounds = [0; 7];
        bounds[ACRONYM] = field(text, p.acronym.as_deref().unwrap_or_default());
        bounds[NAME] = field(text, &p.name);
        bounds[ALIASES] = text.len();
        let first_alias = self.alias_spans.len();
        for alias in &p.aliases {
            let start = text.len();
            fold_into(alias, text);
            self.alias_spans.push(start..text.len());
            text.push('\n');
        }
        bounds[DESCRIPTION] = field(text, &p.description);
        bounds[LOCATION] = field(text, p.location.as_deref().unwrap_or_default());
        bounds[TOPICS] = text.len();
        for (n, topic) in p.topics.iter().enumerate() {
            if n > 0 {
                text.push(' ');
            }
            text.push_str(topic.slug());
            text.push(' ');
            text.push_str(&topic_labels[*topic as usize]);
        }
        text.push('\n');
        bounds[END] = text.len();
        let shorts =
            [&text[bounds[ACRONYM]..bounds[NAME] - 1], &text[bounds[NAME]..bounds[ALIASES] - 1]]
                .into_iter()
                .chain(self.alias_spans[first_alias..].iter().map(|span| &text[span.clone()]));
        let (short_mask, initials) =
            shorts.fold((0, 0), |(m, i), s| (m | char_mask(s), i | initials_mask(s)));
        let words = WordMarks::of(&text[bounds[ACRONYM]..bounds[END]]);
        self.entries.push(Entry {
            bounds,
            aliases: first_alias..self.alias_spans.len(),
            kind: p.kind,
            scope: p.scope,
            topics: p.topics.iter().fold(0, |bits, t| bits | topic_bit(*t)),
            short_mask,
            initials_mask: initials,
            ascii: text[bounds[ACRONYM]..bounds[END]].is_ascii(),
            words,
        });
        self.name_chars.push(u32::try_from(p.name.chars().count()).unwrap_or(u32::MAX));
    }
}

impl fmt::Debug for Index {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Index").field("entries", &self.entries.len()).finish_non_exhaustive()
    }
}

/// `ranks[i]`: the position of `i` in `order`.
fn ranks(order: &[usize]) -> Vec<u32> {
    let mut ranks = vec![0; order.len()];
    for (rank, &i) in order.iter().enumerate() {
        ranks[i] = u32::try_from(rank).unwrap_or(u32::MAX);
    }
    ranks
}

/// Below this many partners a search runs on one thread: spawning costs more than it saves.
const PARALLEL_MIN: usize = 4096;

impl Index {
    /// Folds every partner once (on every core for a large dataset).
    pub fn new(partners: &[Partner]) -> Index {
        let topic_labels: Vec<String> = Topic::ALL.iter().map(|t| fold(t.label())).collect();
        let build = |chunk: &[Partner]| {
            let mut part = Part::default();
            // Folding keeps lengths about the same: reserve once, not grow (and copy) a few times.
            let size = |p: &Partner| {
                let optional = p.acronym.as_ref().map_or(0, String::len)
                    + p.location.as_ref().map_or(0, String::len);
                let aliases: usize = p.aliases.iter().map(|a| a.len() + 1).sum();
                p.name.len() + p.description.len() + optional + aliases + 64 * p.topics.len() + 8
            };
            part.text.reserve(chunk.iter().map(size).sum());
            for p in chunk {
                part.push(p, &topic_labels);
            }
            part
        };
        let parts: Vec<Part> = if partners.len() >= PARALLEL_MIN {
            partners.par_chunks(PARALLEL_MIN).map(build).collect()
        } else {
            vec![build(partners)]
        };
        let mut index = Index {
            texts: Vec::with_capacity(parts.len()),
            entries: Vec::with_capacity(partners.len()),
            alias_spans: Vec::new(),
            name_rank: Vec::new(),
            length_rank: Vec::new(),
            matcher: SkimMatcherV2::default().ignore_case(),
        };
        let mut name_chars = Vec::with_capacity(partners.len());
        for part in parts {
            let alias_offset = index.alias_spans.len();
            index.texts.push(part.text);
            index.entries.extend(part.entries.into_iter().map(|mut entry| {
                entry.aliases =
                    entry.aliases.start + alias_offset..entry.aliases.end + alias_offset;
                entry
            }));
            index.alias_spans.extend(part.alias_spans);
            name_chars.extend(part.name_chars);
        }
        // By name, then dataset order; the names travel with the indices (fewer cache misses).
        let mut by_name: Vec<(&str, usize)> =
            (0..index.entries.len()).map(|i| (index.field(i, NAME), i)).collect();
        by_name.par_sort_unstable();
        let mut order: Vec<usize> = by_name.into_iter().map(|(_, i)| i).collect();
        index.name_rank = ranks(&order);
        order.par_sort_unstable_by_key(|&i| (name_chars[i], index.name_rank[i]));
        index.length_rank = ranks(&order);
        index
    }

    /// The text that holds partner `i`'s folded fields.
    fn text(&self, i: usize) -> &str {
        self.texts.get(i / PARALLEL_MIN).map_or("", String::as_str)
    }

    /// Field `k` (see [`ACRONYM`] to [`TOPICS`]) of partner `i`, folded.
    fn field(&self, i: usize, k: usize) -> &str {
        let bounds = &self.entries[i].bounds;
        &self.text(i)[bounds[k]..bounds[k + 1] - 1]
    }

    /// The folded aliases of partner `i`.
    fn aliases(&self, i: usize) -> impl Iterator<Item = &str> + Clone {
        let text = self.text(i);
        self.alias_spans[self.entries[i].aliases.clone()]
            .iter()
            .map(move |span| &text[span.clone()])
    }

    /// How many partners the index holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the index is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every partner matching `query`, best first. `marks[i]` are partner `i`'s personal marks
    /// (missing entries count as none). `within`, when given, limits the search to those
    /// partners (the previous results of a query that this one narrows).
    pub fn search(&self, query: &Query, marks: &[Marks], within: Option<&[usize]>) -> Vec<Hit> {
        best_first(self.matches(query, marks, within))
    }

    /// Every partner matching `query`, as [`HitKey`]s in the order of `within` (else of the
    /// index).
    fn matches(&self, query: &Query, marks: &[Marks], within: Option<&[usize]>) -> Vec<HitKey> {
        // Without text to rank by (empty query, filters only), alphabetical order reads best.
        let ranked = query.positive_texts().next().is_some();
        let tie_break = if ranked { &self.length_rank } else { &self.name_rank };
        let plans: Vec<Vec<Option<TermPlan<'_>>>> = query
            .groups
            .iter()
            .map(|group| group.iter().map(|term| TermPlan::of(&term.atom)).collect())
            .collect();
        let check = |i: usize| {
            let hit = self.score(i, query, &plans, marks.get(i).copied().unwrap_or_default())?;
            Some(HitKey::new(hit, tie_break[i]))
        };
        match within {
            Some(subset) if subset.len() >= PARALLEL_MIN => {
                subset.par_iter().filter_map(|&i| check(i)).collect()
            }
            Some(subset) => subset.iter().filter_map(|&i| check(i)).collect(),
            None if self.entries.len() >= PARALLEL_MIN => {
                (0..self.entries.len()).into_par_iter().filter_map(check).collect()
            }
            None => (0..self.entries.len()).filter_map(check).collect(),
        }
    }

    fn score(
        &self,
        i: usize,
        query: &Query,
        plans: &[Vec<Option<TermPlan<'_>>>],
        marks: Marks,
    ) -> Option<Hit> {
        let mut total = 0u32;
        let mut name_hit = false;
        for (group, plans) in query.groups.iter().zip(plans) {
            let mut best: Option<(u32, bool)> = None;
            for (term, plan) in group.iter().zip(plans) {
                let found = self.match_atom(i, &term.atom, plan.as_ref(), marks);
                let outcome = match (found, term.negated) {
                    (Some(m), false) => Some(m),
                    (None, true) => Some((0, false)),
                    _ => None,
                };
                if let Some(m) = outcome {
                    best = Some(best.map_or(m, |b| if m.0 > b.0 { m } else { b }));
                }
            }
            let (score, hit_name) = best?;
            total = total.saturating_add(score);
            name_hit |= hit_name;
        }
        Some(Hit { index: i, score: total, name_hit })
    }

    /// The score of `atom` (with its plan, for a text term) against partner `i`, with whether
    /// it hit the name or acronym.
    fn match_atom(
        &self,
        i: usize,
        atom: &Atom,
        plan: Option<&TermPlan<'_>>,
        marks: Marks,
    ) -> Option<(u32, bool)> {
        let entry = &self.entries[i];
        match atom {
            Atom::Kind(kinds) => kinds.contains(&entry.kind).then_some((0, false)),
            Atom::Scope(scopes) => scopes.contains(&entry.scope).then_some((0, false)),
            Atom::Topic(topics) => {
                topics.iter().any(|t| entry.topics & topic_bit(*t) != 0).then_some((0, false))
            }
            Atom::In(place) => {
                self.field(i, LOCATION).contains(place.as_str()).then_some((0, false))
            }
            Atom::Mark(mark) => marks.has(*mark).then_some((0, false)),
            Atom::Text { text, mode } => {
                let fresh;
                let plan = if let Some(plan) = plan {
                    plan
                } else {
                    fresh = TermPlan::new(text, *mode);
                    &fresh
                };
                let (quality, field, fine) = self.match_text(i, plan, *mode)?;
                let score = quality as u32 * 10_000 + field as u32 * 1_000 + fine.min(999);
                Some((score, field == Field::Name))
            }
        }
    }

    /// The best (quality, field, fine score) of a text term over the entry's fields.
    fn match_text(
        &self,
        i: usize,
        plan: &TermPlan<'_>,
        mode: Mode,
    ) -> Option<(Quality, Field, u32)> {
        let term = plan.term;
        let entry = &self.entries[i];
        let shorts = [(self.field(i, ACRONYM), Field::Name), (self.field(i, NAME), Field::Name)]
            .into_iter()
            .chain(self.aliases(i).map(|a| (a, Field::Alias)));
        let mut best: Option<(Quality, Field, u32)> = None;
        let keep = |best: &mut Option<(Quality, Field, u32)>, candidate| {
            if best.is_none_or(|b| candidate > b) {
                *best = Some(candidate);
            }
        };
        match mode {
            Mode::Prefix | Mode::Suffix | Mode::Whole => {
                for (field_text, field) in shorts {
                    if field_text.is_empty() {
                        continue;
                    }
                    let hit = match mode {
                        Mode::Prefix => field_text.starts_with(term),
                        Mode::Suffix => field_text.ends_with(term),
                        _ => field_text == term,
                    };
                    if hit {
                        let quality = if field_text == term {
                            Quality::WholeField
                        } else {
                            Quality::WholeWord
                        };
                        keep(&mut best, (quality, field, 999));
                    }
                }
            }
            Mode::Exact | Mode::Fuzzy => {
                if plan.one_field {
                    best = self.word_match_fields(i, plan);
                } else {
                    for (field_text, field) in shorts.clone() {
                        if let Some((quality, pos)) = word_match(field_text, term) {
                            let quality =
                                if field_text == term { Quality::WholeField } else { quality };
                            keep(&mut best, (quality, field, 999 - pos.min(999)));
                        }
                    }
                    for k in [DESCRIPTION, LOCATION, TOPICS] {
                        if let Some((quality, pos)) = word_match(self.field(i, k), term) {
                            keep(&mut best, (quality, Field::Text, 999 - pos.min(999)));
                        }
                    }
                }
                // Fuzzy only where the term is nowhere as it is, and only where a credible hit
                // may be: every letter in a short field, the first one starting a word.
                let worth_fuzzy = plan.fuzzy
                    && best.is_none()
                    && plan.mask & !entry.short_mask == 0
                    && (plan.first == 0 || plan.first & entry.initials_mask != 0);
                if worth_fuzzy {
                    for (field_text, field) in shorts {
                        if let Some(fine) = self.fuzzy(field_text, term) {
                            keep(&mut best, (Quality::Fuzzy, field, fine));
                        }
                    }
                }
            }
        }
        best
    }

    /// What [`word_match`] on each field of `entry` would give, best kept (with
    /// [`Quality::WholeField`] for a short field that is the term), in one pass over the
    /// partner's text that stops when no later field can do better.
    fn word_match_fields(&self, i: usize, plan: &TermPlan<'_>) -> Option<(Quality, Field, u32)> {
        let (entry, text) = (&self.entries[i], self.text(i));
        let b = &entry.bounds;
        let fields =
            [(b[ACRONYM]..b[NAME] - 1, Field::Name), (b[NAME]..b[ALIASES] - 1, Field::Name)]
                .into_iter()
                .chain(
                    self.alias_spans[entry.aliases.clone()]
                        .iter()
                        .map(|s| (s.clone(), Field::Alias)),
                )
                .chain([
                    (b[DESCRIPTION]..b[LOCATION] - 1, Field::Text),
                    (b[LOCATION]..b[TOPICS] - 1, Field::Text),
                    (b[TOPICS]..b[END] - 1, Field::Text),
                ]);
        let len = plan.term.len();
        let mut best: Option<(Quality, Field, u32)> = None;
        let mut found = occurrences(text, plan, b[ACRONYM]..b[END]).peekable();
        found.peek()?;
        // The best quality an occurrence can have: a word start, when the term is no word here.
        let stop = if plan.lone.is_none_or(|bit| entry.words.lone & bit != 0) {
            Quality::WholeWord
        } else if plan.starts_word.is_none_or(|bit| entry.words.initials & bit != 0) {
            Quality::WordPrefix
        } else {
            Quality::InsideWord
        };
        for (span, field) in fields {
            // Fields come by decreasing rank: past this ceiling, nothing can beat `best`.
            let top = match field {
                _ if stop < Quality::WholeWord => stop,
                Field::Text => Quality::WholeWord,
                _ => Quality::WholeField,
            };
            if best.is_some_and(|b| b >= (top, field, 999)) {
                break;
            }
            let mut field_best: Option<(Quality, usize)> = None;
            while let Some(at) = found.next_if(|&at| at < span.end) {
                let quality = word_quality(text, at, len);
                if field_best.is_none_or(|(q, _)| quality > q) {
                    field_best = Some((quality, at));
                    if quality >= stop {
                        found = occurrences(text, plan, span.end..b[END]).peekable();
                        break;
                    }
                }
            }
            if let Some((quality, at)) = field_best {
                let quality = if field != Field::Text && span.len() == len {
                    Quality::WholeField
                } else {
                    quality
                };
                // The position (in characters) matters only against an equal quality and field.
                if best.is_none_or(|(q, f, _)| (quality, field) >= (q, f)) {
                    let before = &text[span.start..at];
                    let chars = if entry.ascii { before.len() } else { before.chars().count() };
                    let pos = u32::try_from(chars).unwrap_or(u32::MAX);
                    let candidate = (quality, field, 999 - pos.min(999));
                    if best.is_none_or(|b| candidate > b) {
                        best = Some(candidate);
                    }
                }
            }
        }
        best
    }

    /// A fuzzy hit of `term` in a short field, when it is a credible one: the matched letters
    /// form runs that start words (the first one among them), with at most one run starting
    /// inside a word (a typo).
    fn fuzzy(&self, field_text: &str, term: &str) -> Option<u32> {
        let (score, positions) = fuzzy_positions(&self.matcher, field_text, term)?;
        Some(u32::try_from(score.clamp(0, 999)).unwrap_or(0)).filter(|_| !positions.is_empty())
    }

    /// Where `query` matched partner `index` (whose original record is `partner`), in original
    /// character positions.
    pub fn highlights(&self, index: usize, partner: &Partner, query: &Query) -> Highlights {
        if index >= self.entries.len() {
            return Highlights::default();
        }
        let mut out = Highlights {
            aliases: vec![Vec::new(); partner.aliases.len()],
            ..Highlights::default()
        };
        for (term, mode) in query.positive_texts() {
            let short = |original: &str, folded: &str, out: &mut Vec<usize>| {
                self.mark_short(original, folded, term, mode, out);
            };
            short(&partner.name, self.field(index, NAME), &mut out.name);
            if let Some(acronym) = &partner.acronym {
                short(acronym, self.field(index, ACRONYM), &mut out.acronym);
            }
            for ((alias, folded), marks) in
                partner.aliases.iter().zip(self.aliases(index)).zip(&mut out.aliases)
            {
                short(alias, folded, marks);
            }
            if matches!(mode, Mode::Fuzzy | Mode::Exact) {
                mark_substrings(&partner.description, term, &mut out.description);
                if let Some(location) = &partner.location {
                    mark_substrings(location, term, &mut out.location);
                }
            }
        }
        for positions in [&mut out.name, &mut out.acronym, &mut out.description, &mut out.location]
            .into_iter()
            .chain(out.aliases.iter_mut())
        {
            positions.sort_unstable();
            positions.dedup();
        }
        out
    }

    fn mark_short(
        &self,
        original: &str,
        folded: &str,
        term: &str,
        mode: Mode,
        out: &mut Vec<usize>,
    ) {
        if folded.is_empty() {
            return;
        }
        let (_, map) = fold_with_map(original);
        let range = |start: usize, len: usize| map[start..start + len].to_vec();
        let term_len = term.chars().count();
        let folded_len = map.len();
        match mode {
            Mode::Prefix if folded.starts_with(term) => out.extend(range(0, term_len)),
            Mode::Suffix if folded.ends_with(term) => {
                out.extend(range(folded_len - term_len, term_len));
            }
            Mode::Whole if folded == term => out.extend(range(0, term_len)),
            Mode::Exact | Mode::Fuzzy => {
                if folded.contains(term) {
                    mark_substrings(original, term, out);
                } else if mode == Mode::Fuzzy
                    && let Some((_, positions)) = fuzzy_positions(&self.matcher, folded, term)
                {
                    out.extend(positions.into_iter().filter_map(|p| map.get(p).copied()));
                }
            }
            _ => {}
        }
    }
}

/// A hit and its place in the results as one number, so sorting compares integers only:
/// from the high bits, the score (inverted), whether the name was missed, the tie-break rank,
/// the partner's index (below 2^63).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct HitKey(u128);

impl HitKey {
    const INDEX: u128 = (1 << 63) - 1;

    fn new(hit: Hit, tie_break: u32) -> HitKey {
        HitKey(
            u128::from(!hit.score) << 96
                | u128::from(!hit.name_hit) << 95
                | u128::from(tie_break) << 63
                | hit.index as u128 & HitKey::INDEX,
        )
    }

    #[allow(clippy::cast_possible_truncation)] // Each part is masked or shifted to its width.
    fn index(self) -> usize {
        (self.0 & HitKey::INDEX) as usize
    }

    #[allow(clippy::cast_possible_truncation)]
    fn hit(self) -> Hit {
        Hit {
            index: self.index(),
            score: !((self.0 >> 96) as u32),
            name_hit: self.0 >> 95 & 1 == 0,
        }
    }
}

/// The hits best first: by score, then name hits, then the tie-break.
fn best_first(mut keys: Vec<HitKey>) -> Vec<Hit> {
    if keys.len() >= PARALLEL_MIN {
        keys.par_sort_unstable();
        keys.par_iter().map(|k| k.hit()).collect()
    } else {
        keys.sort_unstable();
        keys.iter().map(|k| k.hit()).collect()
    }
}

/// A text term made ready to be looked for in many partners: built once per search.
struct TermPlan<'q> {
    term: &'q str,
    /// A SIMD substring searcher for the term.
    finder: memmem::Finder<'q>,
    /// The term is not empty and holds no newline, so no occurrence spans two fields and the
    /// partner's text may be scanned in one pass.
    one_field: bool,
    /// A plain term long enough for fuzzy matching.
    fuzzy: bool,
    /// The term's letters, and its first one, as bits (see [`mask_bit`]).
    mask: u64,
    first: u64,
    /// Its bit when it is one ASCII letter or digit (it is a whole word only where that
    /// letter stands alone).
    lone: Option<u64>,
    /// The bit of its first character when that is a letter or digit (an occurrence starts a
    /// word only where that character does).
    starts_word: Option<u64>,
}

impl<'q> TermPlan<'q> {
    fn of(atom: &'q Atom) -> Option<TermPlan<'q>> {
        match atom {
            Atom::Text { text, mode } => Some(TermPlan::new(text, *mode)),
            _ => None,
        }
    }

    fn new(term: &'q str, mode: Mode) -> TermPlan<'q> {
        TermPlan {
            term,
            finder: memmem::Finder::new(term),
            one_field: !term.is_empty() && !term.contains('\n'),
            fuzzy: mode == Mode::Fuzzy && term.chars().count() >= FUZZY_MIN_CHARS,
            mask: char_mask(term),
            first: term.chars().next().map_or(0, mask_bit),
            lone: match term.as_bytes() {
                &[byte] => Some(mask_bit(char::from(byte))).filter(|&bit| bit != 0),
                _ => None,
            },
            starts_word: term
                .chars()
                .next()
                .filter(|c| is_word_char(*c))
                .map(mask_bit)
                .filter(|&bit| bit != 0),
        }
    }
}

/// Where the planned term occurs in `range` of the text, without overlaps (as
/// `match_indices`), as byte offsets in the whole text.
fn occurrences<'a>(
    text: &'a str,
    plan: &'a TermPlan<'_>,
    range: Range<usize>,
) -> impl Iterator<Item = usize> + 'a {
    let start = range.start;
    plan.finder.find_iter(&text.as_bytes()[range]).map(move |at| at + start)
}

/// How an occurrence `len` bytes long at byte `at` of the text sits in its word.
fn word_quality(text: &str, at: usize, len: usize) -> Quality {
    let bytes = text.as_bytes();
    let starts = match at.checked_sub(1).map(|p| bytes[p]) {
        None => true,
        Some(byte) if byte.is_ascii() => !byte.is_ascii_alphanumeric(),
        Some(_) => text[..at].chars().next_back().is_none_or(|c| !is_word_char(c)),
    };
    let ends = match bytes.get(at + len) {
        None => true,
        Some(byte) if byte.is_ascii() => !byte.is_ascii_alphanumeric(),
        Some(_) => text[at + len..].chars().next().is_none_or(|c| !is_word_char(c)),
    };
    match (starts, ends) {
        (true, true) => Quality::WholeWord,
        (true, false) => Quality::WordPrefix,
        _ => Quality::InsideWord,
    }
}

/// Skim V2 over a folded short field, kept only when the hit is credible (see [`Index::fuzzy`]).
fn fuzzy_positions(matcher: &SkimMatcherV2, text: &str, term: &str) -> Option<(i64, Vec<usize>)> {
    let (score, positions) = matcher.fuzzy_indices(text, term)?;
    let chars: Vec<char> = text.chars().collect();
    let mut inner_runs = 0;
    let mut previous: Option<usize> = None;
    for &p in &positions {
        if previous != Some(p.wrapping_sub(1)) || p == 0 {
            let starts_word = p == 0 || !is_word_char(chars[p - 1]);
            if !starts_word {
                inner_runs += 1;
            }
        }
        previous = Some(p);
    }
    let first_starts_word =
        positions.first().is_some_and(|&p| p == 0 || !is_word_char(chars[p - 1]));
    (first_starts_word && inner_runs <= 1).then_some((score, positions))
}

/// Where `term` occurs in folded `text`, classified by its place in the word: the best
/// occurrence's quality and its char position.
fn word_match(text: &str, term: &str) -> Option<(Quality, u32)> {
    let mut best: Option<(Quality, usize)> = None;
    for (byte, _) in text.match_indices(term) {
        let starts = text[..byte].chars().next_back().is_none_or(|c| !is_word_char(c));
        let ends = text[byte + term.len()..].chars().next().is_none_or(|c| !is_word_char(c));
        let quality = match (starts, ends) {
            (true, true) => Quality::WholeWord,
            (true, false) => Quality::WordPrefix,
            _ => Quality::InsideWord,
        };
        if best.is_none_or(|(q, _)| quality > q) {
            best = Some((quality, byte));
            if quality == Quality::WholeWord {
                break;
            }
        }
    }
    best.map(|(q, byte)| (q, u32::try_from(text[..byte].chars().count()).unwrap_or(u32::MAX)))
}

/// Marks every occurrence of folded `term` in `original`'s folded form.
fn mark_substrings(original: &str, term: &str, out: &mut Vec<usize>) {
    let (folded, map) = fold_with_map(original);
    let term_chars = term.chars().count();
    for (byte, _) in folded.match_indices(term) {
        let start = folded[..byte].chars().count();
        out.extend(map[start..start + term_chars].iter().copied());
    }
}

// ---------------------------------------------------------------------------------------------
// Incremental search

/// Runs queries one keystroke after another, reusing earlier results when the new query only
/// narrows an earlier one.
#[derive(Debug, Clone, Default)]
pub struct Searcher {
    /// The last few queries with the partners they matched (in index order), newest last.
    /// Not only the last: "bordeaux met" cannot narrow "bordeaux me" (a fuzzy term of three
    /// letters may match where its first two do not) but narrows "bordeaux".
    recent: Vec<(Query, Vec<usize>)>,
}

/// How many queries a [`Searcher`] remembers.
const RECENT: usize = 8;

impl Searcher {
    /// Results for `query`, narrowing from the smallest earlier result it narrows.
    pub fn search(&mut self, index: &Index, query: &Query, marks: &[Marks]) -> Vec<Hit> {
        let within = self
            .recent
            .iter()
            .filter(|(previous, _)| query.narrows(previous))
            .map(|(_, ids)| ids.as_slice())
            .min_by_key(|ids| ids.len());
        let keys = index.matches(query, marks, within);
        let ids = keys.iter().map(|k| k.index()).collect();
        self.recent.retain(|(previous, _)| previous != query);
        if self.recent.len() >= RECENT {
            self.recent.remove(0);
        }
        self.recent.push((query.clone(), ids));
        best_first(keys)
    }

    /// Forgets the previous results (after the dataset or the marks change).
    pub fn reset(&mut self) {
        self.recent.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(fold("Métropole"), "metropole");
        assert_eq!(fold("l’Île-de-France"), "l'ile-de-france");
        assert_eq!(fold("Œuvre «x» – ﬁn"), "oeuvre \"x\" - fin");
        assert_eq!(fold("STRASSE ß"), "strasse ss");
    }

    #[test]
    fn fold_map_points_at_original_chars() {
        let (folded, map) = fold_with_map("Œil é");
        assert_eq!(folded, "oeil e");
        assert_eq!(map, vec![0, 0, 1, 2, 3, 4]);
    }

    #[test]
    fn parse_forms() {
        let q = Query::parse("^bor !ugap 'exact end$ a | b kind:media").unwrap_or_default();
        let modes: Vec<_> = q.groups.iter().map(Vec::len).collect();
        assert_eq!(modes, vec![1, 1, 1, 1, 2, 1]);
        assert_eq!(q.groups[0][0].atom, Atom::Text { text: "bor".into(), mode: Mode::Prefix });
        assert!(q.groups[1][0].negated);
        assert_eq!(q.groups[3][0].atom, Atom::Text { text: "end".into(), mode: Mode::Suffix });
        assert_eq!(q.groups[5][0].atom, Atom::Kind(vec![Kind::Media]));
    }

    #[test]
    fn odd_tokens_are_ignored() {
        for odd in ["'", "!", "^", "$", "|", "| |", "kind:", "^$"] {
            let q = Query::parse(odd);
            assert!(q.is_ok(), "{odd}");
        }
    }

    #[test]
    fn unknown_filter_value_lists_values() {
        let err = Query::parse("kind:zzz").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("local-authority") && err.contains("media"), "{err}");
    }

    #[test]
    fn ascii_prefixes() {
        for text in
            ["", "a", "abcdefgh", "abcdefghi", "é", "abcdefgé", "abcdefghé", "abcdefghijklmnoé"]
        {
            let expected = text.bytes().take_while(u8::is_ascii).count();
            assert_eq!(ascii_prefix(text.as_bytes()), expected, "{text}");
        }
    }

    #[test]
    fn ascii_bits_are_mask_bits() {
        for byte in 0..128u8 {
            assert_eq!(ASCII_BITS[usize::from(byte)], mask_bit(char::from(byte)), "{byte}");
        }
    }

    #[test]
    fn word_marks_eight_bytes_at_a_time_match_a_plain_reading() {
        let texts = [
            "",
            "a",
            "ab",
            "a b",
            " a",
            "a ",
            "abcdefgh i",
            "abcdefg h",
            "abcdefgh",
            "x abcdefg",
            "1 2-3'4 é",
            "sport, the sport: 7 a 9",
            "   \n   z\n",
            "ABC d E",
        ];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let random = (0..500).map(|n| {
            (0..n % 40)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    char::from(b" .'-aAbz09x"[usize::try_from(seed % 11).unwrap_or(0)])
                })
                .collect::<String>()
        });
        for text in texts.into_iter().map(str::to_owned).chain(random) {
            if text.is_ascii() {
                let fast = WordMarks::of_ascii(text.as_bytes());
                assert_eq!(fast, WordMarks::of_chars(&text), "{text:?}");
            }
        }
        for text in ["", "a-b", " x(y)", "l'eco 3ar", "a  b"] {
            let plain = text.chars().fold((0, None), |(mask, previous): (u64, Option<char>), c| {
                let starts = previous.is_none_or(|p| !is_word_char(p));
                (if starts { mask | mask_bit(c) } else { mask }, Some(c))
            });
            assert_eq!(initials_mask(text), plain.0, "{text:?}");
            assert_eq!(char_mask(text), text.chars().fold(0, |m, c| m | mask_bit(c)), "{text:?}");
        }
        let marks = WordMarks::of("a sport x");
        assert_eq!(marks.lone, mask_bit('a') | mask_bit('x'));
        assert_eq!(marks.initials, mask_bit('a') | mask_bit('s') | mask_bit('x'));
    }

    #[test]
    fn word_classes() {
        assert_eq!(word_match("sports policies", "sport"), Some((Quality::WordPrefix, 0)));
        assert_eq!(word_match("the sport", "sport"), Some((Quality::WholeWord, 4)));
        assert_eq!(word_match("transport", "sport"), Some((Quality::InsideWord, 4)));
        assert_eq!(word_match("abc", "x"), None);
    }

    #[test]
    fn scattered_fuzzy_hits_are_refused() {
        let m = SkimMatcherV2::default().ignore_case();
        let long = fold("Conseil International pour les Initiatives Ecologiques Locales");
        assert!(fuzzy_positions(&m, &long, "seoul").is_none());
        assert!(fuzzy_positions(&m, "bordeaux metropole", "bordaux").is_some());
        assert!(
            fuzzy_positions(&m, "centre national de la fonction publique territoriale", "cnfpt")
                .is_some()
        );
    }
}
