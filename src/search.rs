//! Query parsing, folding, matching, ranking and highlight positions.
//!
//! The haystack is folded once when the index is built; a query is folded when parsed. Fuzzy
//! matching (Skim V2) is used only on short fields (name, acronym, aliases); long text
//! (description, location, topics) matches by words, never by letters scattered across it.
//! This module knows nothing of the terminal nor of files.

use std::cmp::Reverse;
use std::fmt;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
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
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{B4}' => {
                out.push('\'');
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{AB}'
            | '\u{BB}' => {
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

/// The folded, searchable form of one partner.
#[derive(Debug)]
struct Entry {
    name: String,
    acronym: String,
    aliases: Vec<String>,
    description: String,
    location: String,
    topics_text: String,
    kind: Kind,
    scope: Scope,
    topics: Vec<Topic>,
    /// Letters and digits present in name, acronym and aliases, as bits: a cheap test that a
    /// fuzzy term can match at all.
    short_mask: u64,
    name_chars: u32,
}

fn char_mask(text: &str) -> u64 {
    text.chars().fold(0, |mask, c| mask | mask_bit(c))
}

fn mask_bit(c: char) -> u64 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << (26 + c as u32 - '0' as u32),
        c if c.is_ascii() => 0,
        c => 1 << (36 + (c as u32 % 28)),
    }
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
    entries: Vec<Entry>,
    /// Position of each partner in alphabetical order of folded names, the last tie-break.
    name_rank: Vec<u32>,
    matcher: SkimMatcherV2,
}

impl fmt::Debug for Index {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Index").field("entries", &self.entries.len()).finish_non_exhaustive()
    }
}

/// Below this many partners a search runs on one thread: spawning costs more than it saves.
const PARALLEL_MIN: usize = 4096;

impl Index {
    /// Folds every partner once.
    pub fn new(partners: &[Partner]) -> Index {
        let build = |p: &Partner| {
            let name = fold(&p.name);
            let acronym = p.acronym.as_deref().map(fold).unwrap_or_default();
            let aliases: Vec<String> = p.aliases.iter().map(|a| fold(a)).collect();
            let short_mask = aliases
                .iter()
                .fold(char_mask(&name) | char_mask(&acronym), |m, a| m | char_mask(a));
            let topics_text = p
                .topics
                .iter()
                .map(|t| format!("{} {}", t.slug(), fold(t.label())))
                .collect::<Vec<_>>()
                .join(" ");
            Entry {
                name_chars: u32::try_from(p.name.chars().count()).unwrap_or(u32::MAX),
                name,
                acronym,
                aliases,
                description: fold(&p.description),
                location: p.location.as_deref().map(fold).unwrap_or_default(),
                topics_text,
                kind: p.kind,
                scope: p.scope,
                topics: p.topics.clone(),
                short_mask,
            }
        };
        let entries: Vec<Entry> = if partners.len() >= PARALLEL_MIN {
            partners.par_iter().map(build).collect()
        } else {
            partners.iter().map(build).collect()
        };
        let mut order: Vec<usize> = (0..entries.len()).collect();
        order.sort_by(|&a, &b| entries[a].name.cmp(&entries[b].name));
        let mut name_rank = vec![0; entries.len()];
        for (rank, &i) in order.iter().enumerate() {
            name_rank[i] = u32::try_from(rank).unwrap_or(u32::MAX);
        }
        Index { entries, name_rank, matcher: SkimMatcherV2::default().ignore_case() }
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
        let check = |i: usize| self.score(i, query, marks.get(i).copied().unwrap_or_default());
        let mut hits: Vec<Hit> = match within {
            Some(subset) if subset.len() >= PARALLEL_MIN => {
                subset.par_iter().filter_map(|&i| check(i)).collect()
            }
            Some(subset) => subset.iter().filter_map(|&i| check(i)).collect(),
            None if self.entries.len() >= PARALLEL_MIN => {
                (0..self.entries.len()).into_par_iter().filter_map(check).collect()
            }
            None => (0..self.entries.len()).filter_map(check).collect(),
        };
        // Without text to rank by (empty query, filters only), alphabetical order reads best.
        let ranked = query.positive_texts().next().is_some();
        let key = |h: &Hit| {
            (
                Reverse(h.score),
                !h.name_hit,
                if ranked { self.entries[h.index].name_chars } else { 0 },
                self.name_rank[h.index],
            )
        };
        if hits.len() >= PARALLEL_MIN {
            hits.par_sort_unstable_by_key(key);
        } else {
            hits.sort_unstable_by_key(key);
        }
        hits
    }

    fn score(&self, i: usize, query: &Query, marks: Marks) -> Option<Hit> {
        let entry = &self.entries[i];
        let mut total = 0u32;
        let mut name_hit = false;
        for group in &query.groups {
            let mut best: Option<(u32, bool)> = None;
            for term in group {
                let found = self.match_atom(entry, &term.atom, marks);
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

    /// The score of `atom` against `entry`, with whether it hit the name or acronym.
    fn match_atom(&self, entry: &Entry, atom: &Atom, marks: Marks) -> Option<(u32, bool)> {
        match atom {
            Atom::Kind(kinds) => kinds.contains(&entry.kind).then_some((0, false)),
            Atom::Scope(scopes) => scopes.contains(&entry.scope).then_some((0, false)),
            Atom::Topic(topics) => {
                topics.iter().any(|t| entry.topics.contains(t)).then_some((0, false))
            }
            Atom::In(place) => entry.location.contains(place.as_str()).then_some((0, false)),
            Atom::Mark(mark) => marks.has(*mark).then_some((0, false)),
            Atom::Text { text, mode } => {
                let best = self.match_text(entry, text, *mode)?;
                let (quality, field, fine) = best;
                let score = quality as u32 * 10_000 + field as u32 * 1_000 + fine.min(999);
                Some((score, field == Field::Name))
            }
        }
    }

    /// The best (quality, field, fine score) of a text term over the entry's fields.
    fn match_text(&self, entry: &Entry, term: &str, mode: Mode) -> Option<(Quality, Field, u32)> {
        let shorts = [(entry.acronym.as_str(), Field::Name), (entry.name.as_str(), Field::Name)]
            .into_iter()
            .chain(entry.aliases.iter().map(|a| (a.as_str(), Field::Alias)));
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
                let texts = [
                    entry.description.as_str(),
                    entry.location.as_str(),
                    entry.topics_text.as_str(),
                ];
                let mut short_substring = false;
                for (field_text, field) in shorts.clone() {
                    if let Some((quality, pos)) = word_match(field_text, term) {
                        short_substring = true;
                        let quality =
                            if field_text == term { Quality::WholeField } else { quality };
                        keep(&mut best, (quality, field, 999 - pos.min(999)));
                    }
                }
                for field_text in texts {
                    if let Some((quality, pos)) = word_match(field_text, term) {
                        keep(&mut best, (quality, Field::Text, 999 - pos.min(999)));
                    }
                }
                let worth_fuzzy = mode == Mode::Fuzzy
                    && !short_substring
                    && best.is_none_or(|b| b.0 < Quality::InsideWord)
                    && term.chars().count() >= FUZZY_MIN_CHARS
                    && char_mask(term) & !entry.short_mask == 0;
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
        let Some(entry) = self.entries.get(index) else { return Highlights::default() };
        let mut out = Highlights {
            aliases: vec![Vec::new(); partner.aliases.len()],
            ..Highlights::default()
        };
        for (term, mode) in query.positive_texts() {
            let short = |original: &str, folded: &str, out: &mut Vec<usize>| {
                self.mark_short(original, folded, term, mode, out);
            };
            short(&partner.name, &entry.name, &mut out.name);
            if let Some(acronym) = &partner.acronym {
                short(acronym, &entry.acronym, &mut out.acronym);
            }
            for ((alias, folded), marks) in
                partner.aliases.iter().zip(&entry.aliases).zip(&mut out.aliases)
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

/// Runs queries one keystroke after another, reusing the previous results when the new query
/// only narrows the old one.
#[derive(Debug, Clone, Default)]
pub struct Searcher {
    last: Option<(Query, Vec<usize>)>,
}

impl Searcher {
    /// Results for `query`, narrowing from the previous ones when that is safe.
    pub fn search(&mut self, index: &Index, query: &Query, marks: &[Marks]) -> Vec<Hit> {
        let within = self
            .last
            .as_ref()
            .filter(|(previous, _)| query.narrows(previous))
            .map(|(_, hits)| hits.as_slice());
        let hits = index.search(query, marks, within);
        let mut ids: Vec<usize> = hits.iter().map(|h| h.index).collect();
        ids.sort_unstable();
        self.last = Some((query.clone(), ids));
        hits
    }

    /// Forgets the previous results (after the dataset or the marks change).
    pub fn reset(&mut self) {
        self.last = None;
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
