//! The query language: fzf's extended syntax plus field filters, parsed into [`Query`].
//!
//! Owns the syntax, its errors and which query narrows which. It does no matching and never
//! sees the index; terms are folded here with [`fold`].

use std::fmt;

use unicode_segmentation::UnicodeSegmentation;

use super::fold::fold;
use super::glossary::is_stop_word;
use crate::dataset::{Kind, Scope, Topic};
use crate::i18n::{Lang, data};

/// Fuzzy matching needs this many letters to mean anything; shorter terms match by words.
pub(super) const FUZZY_MIN_CHARS: usize = 3;

/// A plain term shorter than this counts inside a word only in a name, acronym or alias: in
/// a description, location, topic or note it must start a word ("pme" is no match inside
/// "development", nor "ess" inside "business").
const INSIDE_TEXT_MIN_CHARS: usize = 4;

/// Whether `term` (in `mode`) counts where it is inside a word of a long text (see
/// [`INSIDE_TEXT_MIN_CHARS`]).
pub(super) fn counts_inside_text(term: &str, mode: Mode) -> bool {
    mode != Mode::Fuzzy || term.chars().count() >= INSIDE_TEXT_MIN_CHARS
}

/// How a text term must match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

/// A personal mark a partner may carry (`is:starred`, `is:met`, `has:note`, `has:alias`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    /// Starred by the user.
    Starred,
    /// Marked as met.
    Met,
    /// Has a note.
    Noted,
    /// Has one of the user's own aliases.
    Aliased,
}

impl Mark {
    fn bit(self) -> u8 {
        match self {
            Mark::Starred => 1,
            Mark::Met => 2,
            Mark::Noted => 4,
            Mark::Aliased => 8,
        }
    }
}

/// The marks of one partner, as bits (see [`Mark`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MarkBits(u8);

impl MarkBits {
    /// The bits of these three flags.
    pub fn new(starred: bool, met: bool, noted: bool) -> MarkBits {
        MarkBits(u8::from(starred) | u8::from(met) << 1 | u8::from(noted) << 2)
    }

    /// These bits, with [`Mark::Aliased`] set when `aliased`.
    #[must_use]
    pub fn aliased(self, aliased: bool) -> MarkBits {
        MarkBits(self.0 | (u8::from(aliased) * Mark::Aliased.bit()))
    }

    /// Whether `mark` is set.
    pub fn has(self, mark: Mark) -> bool {
        self.0 & mark.bit() != 0
    }
}

/// One condition of a query.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
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
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
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
        // French puts a no-break space before a colon.
        let colon = match crate::i18n::lang() {
            Lang::Fr => "\u{a0}:",
            Lang::En => ":",
        };
        write!(f, "{}{colon} {}", self.token, self.message)
    }
}

impl std::error::Error for QueryError {}

impl Query {
    /// Parses fzf's extended syntax plus field filters.
    ///
    /// Terms are separated by spaces and must all match; `a | b` matches either; `'exact`,
    /// `^prefix`, `suffix$`, `!negation`; `kind:`, `scope:`, `topic:`, `in:`, `is:`, `has:`.
    /// A filter value may be the start of a value's name (`kind:pub`); one that names nothing
    /// is an error listing the values that exist.
    /// [`Query::parse`] for a query given whole (`partners search`, plain mode), where a
    /// filter with no value (`kind:`) is an error, not one still being typed.
    pub fn parse_whole(input: &str) -> Result<Query, QueryError> {
        for token in input.split_whitespace() {
            let rest = token.strip_prefix('!').unwrap_or(token);
            if let Some(key) = rest.strip_suffix(':').and_then(filter_named) {
                // Said as `kind: this filter has no value…`, with an example of that filter.
                let example = match key {
                    "kind" => "kind:media",
                    "scope" => "scope:national",
                    "topic" => "topic:procurement",
                    "in" => "in:bordeaux",
                    "is" => "is:starred",
                    _ => "has:note",
                };
                let message = crate::i18n::fill(data().filter_without_value, &[&example]);
                return Err(QueryError { token: token.trim_end_matches(':').to_owned(), message });
            }
        }
        Query::parse(input)
    }

    pub fn parse(input: &str) -> Result<Query, QueryError> {
        let mut groups = grouped(input, parse_term)?;
        // A group written twice asks nothing more, and each is a pass over the partners left:
        // a pasted text that repeats a common word took seconds a repeat at 100 000 partners.
        let mut seen = std::collections::HashSet::new();
        groups.retain(|group| seen.insert(group.clone()));
        Ok(Query { groups })
    }

    /// The words of `input` that are terms, grouped as [`Query::parse`] groups them (each
    /// group's words are alternatives), as written: what the search line shows of them. A
    /// word that asks nothing (`kind:`, `^`) is left out; one in error is kept.
    pub fn term_words(input: &str) -> Vec<Vec<&str>> {
        let word = |token| {
            Ok::<_, QueryError>(parse_term(token).map_or(Some(token), |t| t.map(|_| token)))
        };
        grouped(input, word).unwrap_or_default()
    }

    /// Whether the query has no condition at all.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Whether the results depend on the user's marks (`is:`, `has:`) or notes (any text
    /// term: notes are searched like descriptions), so must be found again when they change.
    pub fn uses_marks(&self) -> bool {
        self.groups.iter().flatten().any(|t| matches!(t.atom, Atom::Mark(_) | Atom::Text { .. }))
    }

    /// Whether a partner with these marks and nothing else known of it would pass the
    /// query's mark filters (`is:starred`, `has:note`, …): `None` when the query selects by
    /// no mark, so says nothing of a partner it cannot see. Only groups made of positive mark
    /// terms alone count: the text of a partner that is not loaded is not known.
    pub fn admits_marks(&self, bits: MarkBits) -> Option<bool> {
        let marks_only = |group: &&Vec<Term>| {
            !group.is_empty() && group.iter().all(|t| !t.negated && matches!(t.atom, Atom::Mark(_)))
        };
        let mut groups = self.groups.iter().filter(marks_only).peekable();
        groups.peek()?;
        let has = |t: &Term| matches!(t.atom, Atom::Mark(mark) if bits.has(mark));
        Some(groups.all(|group| group.iter().any(has)))
    }

    /// Whether the query selects by marks alone (`is:starred`, `has:note | is:met`): then a
    /// marked partner that is not loaded is one it would have shown. With any other term
    /// (`is:starred ugap`), nothing can be said of what the partner would have matched.
    pub fn by_marks_alone(&self) -> bool {
        let mark = |t: &Term| !t.negated && matches!(t.atom, Atom::Mark(_));
        !self.groups.is_empty() && self.groups.iter().all(|g| !g.is_empty() && g.iter().all(mark))
    }

    /// The positive text terms, for highlighting.
    pub(super) fn positive_texts(&self) -> impl Iterator<Item = (&str, Mode)> {
        self.groups.iter().flatten().filter(|t| !t.negated).filter_map(|t| match &t.atom {
            Atom::Text { text, mode } => Some((text.as_str(), *mode)),
            _ => None,
        })
    }

    /// The groups that are one plain word each that must match (no stop word, filter,
    /// negation nor alternative), by number: those [`super::Index::all_but_one`] may drop.
    pub(super) fn droppable_words(&self) -> Vec<usize> {
        let plain = |group: &Vec<Term>| match group.as_slice() {
            [Term { atom: Atom::Text { text, mode: Mode::Fuzzy }, negated: false }] => {
                !is_stop_word(text)
            }
            _ => false,
        };
        (0..self.groups.len()).filter(|&n| plain(&self.groups[n])).collect()
    }

    /// The query without its group number `n`.
    pub(super) fn without(&self, n: usize) -> Query {
        let mut groups = self.groups.clone();
        if n < groups.len() {
            groups.remove(n);
        }
        Query { groups }
    }

    /// The query's words with a space between, when it is two or more plain words and
    /// nothing else (as folded): what a partner's whole name or alias would be.
    pub(super) fn phrase(&self) -> Option<String> {
        fn word(group: &[Term]) -> Option<&str> {
            match group {
                [Term { atom: Atom::Text { text, mode: Mode::Fuzzy }, negated: false }] => {
                    Some(text)
                }
                _ => None,
            }
        }
        let words: Vec<&str> = self.groups.iter().map(|g| word(g)).collect::<Option<_>>()?;
        (words.len() >= 2).then(|| words.join(" "))
    }

    /// The word of group number `n`, when it is one plain word (as folded).
    pub fn word(&self, n: usize) -> Option<&str> {
        match self.groups.get(n)?.as_slice() {
            [Term { atom: Atom::Text { text, .. }, negated: false }] => Some(text),
            _ => None,
        }
    }

    /// [`Query::word`] as the user typed it in `input`, the text this query was parsed from
    /// (`Straße` for `strasse`, `Élus` for `elus`), without the punctuation around it the search
    /// leaves out (`ugap,`); as folded when no word of `input` is it alone. What "without …"
    /// shows.
    pub fn word_as_typed<'a>(&'a self, n: usize, input: &'a str) -> Option<&'a str> {
        let folded = self.word(n)?;
        let is_it = |word: &str| Query::parse(word).ok().is_some_and(|q| q.word(0) == Some(folded));
        let typed = Query::term_words(input).into_iter().find_map(|group| match group[..] {
            [word] if is_it(word) => Some(word),
            _ => None,
        });
        // Whole clusters around the word with nothing the search keeps (`«`, `…`, `¿`): an
        // accent typed as a combining mark stays with its letter.
        let kept =
            |cluster: &str| cluster.chars().any(|c| c.is_alphanumeric() || folded.contains(c));
        let trimmed = typed.map(|word| {
            let clusters = || word.grapheme_indices(true);
            let start = clusters().find(|(_, c)| kept(c)).map_or(word.len(), |(at, _)| at);
            let end = clusters().rev().find(|(_, c)| kept(c)).map_or(start, |(at, c)| at + c.len());
            &word[start..end.max(start)]
        });
        Some(trimmed.filter(|word| !word.is_empty()).unwrap_or(folded))
    }

    /// The kind that a query of one plain word names (`media`, `fondation`, `élus`), as
    /// `kind:` reads it: words search names and texts, not kinds, so a search for it that
    /// finds nothing can point at `kind:`.
    pub fn names_a_kind(&self) -> Option<Kind> {
        let [_] = self.groups.as_slice() else { return None };
        let word = self.word(0)?;
        match Query::parse(&format!("kind:{word}")).ok()?.groups.as_slice() {
            [group] => match group.as_slice() {
                [Term { atom: Atom::Kind(kinds), .. }] if kinds.len() == 1 => Some(kinds[0]),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether every partner matching `self` also matches `previous`, so a search for `self`
    /// may look only among `previous`'s results. True when `self` adds terms, or adds letters
    /// to exact terms or to plain terms still too short for fuzzy matching.
    pub fn narrows(&self, previous: &Query) -> bool {
        self.narrowing(previous) == Narrowing::Yes
    }

    /// The plain term of `self` that grew by letters from one of `previous`'s and is long
    /// enough for fuzzy matching, when it is the one reason `self` does not narrow
    /// `previous`: a partner matching `self` then matches `previous`, or may hold that term
    /// by letters in its short fields (see [`super::Index::grown_candidates`]); with the
    /// term it grew from, which may have counted in fewer places (see [`counts_inside_text`]).
    pub(super) fn grown_fuzzy<'q>(&'q self, previous: &'q Query) -> Option<(&'q str, &'q str)> {
        match self.narrowing(previous) {
            Narrowing::ButFor(term, from) => Some((term, from)),
            _ => None,
        }
    }

    /// The plain terms of `self` that grew by letters from `previous`'s, each with the term
    /// it grew from, where `self` narrows `previous` or does but for one term.
    pub(super) fn grown_words<'q>(
        &'q self,
        previous: &'q Query,
    ) -> impl Iterator<Item = (&'q str, &'q str)> {
        let groups = previous.groups.iter().zip(&self.groups);
        groups.filter_map(|(old, new)| match (old.as_slice(), new.as_slice()) {
            (
                [Term { atom: Atom::Text { text: old, mode: Mode::Fuzzy }, .. }],
                [Term { atom: Atom::Text { text: new, mode: Mode::Fuzzy }, .. }],
            ) if old != new => Some((new.as_str(), old.as_str())),
            _ => None,
        })
    }

    fn narrowing<'q>(&'q self, previous: &'q Query) -> Narrowing<'q> {
        if previous.groups.len() > self.groups.len() {
            return Narrowing::No;
        }
        let mut grown = None;
        for (old, new) in previous.groups.iter().zip(&self.groups) {
            let ([old], [new]) = (old.as_slice(), new.as_slice()) else { return Narrowing::No };
            match (old, new) {
                (a, b) if a == b => {}
                (
                    Term { atom: Atom::Text { text: old, mode: Mode::Exact }, negated: false },
                    Term { atom: Atom::Text { text: new, mode: Mode::Exact }, negated: false },
                ) if new.contains(old.as_str()) => {}
                (
                    Term { atom: Atom::Text { text: old, mode: Mode::Fuzzy }, negated: false },
                    Term { atom: Atom::Text { text: new, mode: Mode::Fuzzy }, negated: false },
                ) if new.starts_with(old.as_str()) => {
                    // Only word matching is monotone: a longer term can fuzzy-match where
                    // its start does not (Skim aligns it on other, credible letters).
                    if new.chars().count() >= FUZZY_MIN_CHARS {
                        if grown.is_some() {
                            return Narrowing::No;
                        }
                        grown = Some((new.as_str(), old.as_str()));
                    }
                }
                _ => return Narrowing::No,
            }
        }
        grown.map_or(Narrowing::Yes, |(term, from)| Narrowing::ButFor(term, from))
    }
}

/// Whether a query narrows another (see [`Query::narrows`]).
#[derive(Debug, PartialEq, Eq)]
enum Narrowing<'q> {
    Yes,
    /// It does but for this plain term, grown into fuzzy matching from the other (see
    /// [`Query::grown_fuzzy`]).
    ButFor(&'q str, &'q str),
    No,
}

/// The tokens of `input` made into `T`s by `term` (`None` leaves a token out), grouped: a
/// `|` joins the next one to the group before it.
fn grouped<'i, T>(
    input: &'i str,
    mut term: impl FnMut(&'i str) -> Result<Option<T>, QueryError>,
) -> Result<Vec<Vec<T>>, QueryError> {
    let mut groups: Vec<Vec<T>> = Vec::new();
    let mut join_next = false;
    for token in input.split_whitespace() {
        if token == "|" {
            join_next = !groups.is_empty();
            continue;
        }
        let Some(term) = term(token)? else { continue };
        match groups.last_mut() {
            Some(group) if join_next => group.push(term),
            _ => groups.push(vec![term]),
        }
        join_next = false;
    }
    Ok(groups)
}

/// A folded word without the punctuation around it, without an English possessive
/// (`ugap's`, `Bordeaux’s`: the partner is what is looked for) and without the dots between
/// the letters of an acronym (`u.g.a.p.` is `ugap`); `None` when that leaves nothing.
fn unpunctuated(folded: &str) -> Option<String> {
    let around = |c: char| {
        matches!(
            c,
            ',' | ';'
                | ':'
                | '.'
                | '!'
                | '?'
                | '('
                | ')'
                | '['
                | ']'
                | '{'
                | '}'
                | '"'
                | '\''
                | '/'
                // A hashtag or a handle seen at an event (`#FrenchTech`, `@UGAP`), emphasis
                // pasted from a chat (`*ugap*`, `_ugap_`), brackets, Spanish question marks.
                | '#'
                | '@'
                | '*'
                | '_'
                | '<'
                | '>'
                | '¿'
                | '¡'
        )
    };
    // An elided article typed apart (`chambre d' agriculture`) is a stop word as written.
    if is_stop_word(folded) {
        return Some(folded.to_owned());
    }
    let word = folded.trim_matches(around);
    let word = match word.strip_suffix("'s") {
        Some(owner) if owner.chars().any(char::is_alphanumeric) => owner.trim_matches(around),
        _ => word,
    };
    if word.is_empty() {
        return None;
    }
    let mut letters = word.split('.');
    let dotted = word.contains('.')
        && letters
            .all(|letter| letter.chars().count() == 1 && letter.chars().all(char::is_alphabetic));
    Some(if dotted { word.replace('.', "") } else { word.to_owned() })
}

fn parse_term(token: &str) -> Result<Option<Term>, QueryError> {
    let (negated, rest) = match token.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, token),
    };
    if let Some((key, value)) = rest.split_once(':') {
        match filter_named(key) {
            Some(key) => {
                return Ok(filter(key, &fold(value), token)?.map(|atom| Term { atom, negated }));
            }
            None if looks_like_a_filter(rest) => {
                return Err(QueryError {
                    token: token.to_owned(),
                    message: data().unknown_filter.to_owned(),
                });
            }
            None => {}
        }
    }
    Ok(text_term(rest, negated))
}

/// A text term: `rest` is the token without its `!`.
fn text_term(rest: &str, negated: bool) -> Option<Term> {
    let (rest, exact) = match rest.strip_prefix('\'') {
        Some(r) => (r, true),
        None => (rest, false),
    };
    // As fzf reads them: the end first (a lone `$` is text), then the start, so that `^$`,
    // like `^`, asks nothing.
    let (rest, suffix) = match rest.strip_suffix('$') {
        Some(r) if !exact && !r.is_empty() => (r, true),
        _ => (rest, false),
    };
    let (rest, prefix) = match rest.strip_prefix('^') {
        Some(r) if !exact => (r, true),
        _ => (rest, false),
    };
    let folded = fold(rest);
    // The exact letters are what `'` asks for; else punctuation copied along with a word is
    // no part of it (`ugap,` `(cnfpt)` `"ugap"`), nor the dots of an acronym (`u.g.a.p.`).
    // Punctuation alone asks nothing (`ugap ; weka`, `ugap - weka`); fzf's lone `$` is text.
    if !exact && folded != "$" && folded.chars().all(|c| c.is_ascii_punctuation()) {
        return None;
    }
    let text = if exact { folded } else { unpunctuated(&folded)? };
    if text.is_empty() {
        return None;
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
    Some(Term { atom: Atom::Text { text, mode }, negated })
}

mod filters;

pub use filters::{FILTERS, kind_listed, kinds_named, scope_listed, topic_listed};
use filters::{filter, filter_named, looks_like_a_filter};

#[cfg(test)]
mod tests;
