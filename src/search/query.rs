//! The query language: fzf's extended syntax plus field filters, parsed into [`Query`].
//!
//! Owns the syntax, its errors and which query narrows which. It does no matching and never
//! sees the index; terms are folded here with [`fold`].

use std::fmt;

use super::fold::fold;
use super::glossary::is_stop_word;
use crate::dataset::{Kind, Scope, Topic};
use crate::i18n::{Lang, data, fill, vocabulary};

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

/// The field filters the query syntax knows, for help screens.
pub const FILTERS: &[(&str, &str)] = &[
    ("kind:", "kind of organisation (kind:media)"),
    ("scope:", "local, regional, national, european, international"),
    ("topic:", "a topic tag (topic:procurement)"),
    ("in:", "location (in:bordeaux)"),
    ("is:", "starred or met"),
    ("has:", "note or alias (your own)"),
];

fn slugs_matching<T: Copy, S: AsRef<str>>(all: &[T], slug: impl Fn(T) -> S, value: &str) -> Vec<T> {
    let exact: Vec<T> = all.iter().copied().filter(|v| slug(*v).as_ref() == value).collect();
    if exact.is_empty() {
        all.iter().copied().filter(|v| slug(*v).as_ref().starts_with(value)).collect()
    } else {
        exact
    }
}

/// The values of `all` that a filter's `value` names: by their slugs, else by the first of
/// `shown` (the words the screens show for them) that names some.
fn named<T: Copy>(
    all: &[T],
    slug: fn(T) -> &'static str,
    shown: &[&dyn Fn(T) -> String],
    value: &str,
) -> Vec<T> {
    let mut found = slugs_matching(all, slug, value);
    for words in shown {
        if found.is_empty() {
            found = slugs_matching(all, words, value);
        }
    }
    found
}

/// The kinds `value` (folded) names, as `kind:` reads it: by their slugs, else by the
/// words the list shows for them, in either language (`kind:élus`).
pub fn kinds_named(value: &str) -> Vec<Kind> {
    let (en, fr) = (vocabulary::of(Lang::En), vocabulary::of(Lang::Fr));
    let shown: [&dyn Fn(Kind) -> String; 2] = [&|k| fold(en.badge(k)), &|k| fold(fr.badge(k))];
    named(Kind::ALL, Kind::slug, &shown, value)
}

/// How an error that lists the kinds names `kind`: by its slug, in French by the list's
/// word (which `kind:` accepts too).
pub fn kind_listed(kind: Kind) -> &'static str {
    match crate::i18n::lang() {
        Lang::Fr => vocabulary().badge(kind),
        Lang::En => kind.slug(),
    }
}

/// A scope as `scope:` takes it in the user's language: its slug in English, the words the
/// screens show in French (`europeen`).
pub fn scope_listed(scope: Scope) -> String {
    match crate::i18n::lang() {
        Lang::Fr => words_slug(vocabulary::of(Lang::Fr).scope(scope)),
        Lang::En => scope.slug().to_owned(),
    }
}

/// A topic as `topic:` takes it in the user's language (see [`scope_listed`]).
pub fn topic_listed(topic: Topic) -> String {
    match crate::i18n::lang() {
        Lang::Fr => words_slug(vocabulary::of(Lang::Fr).topic(topic)),
        Lang::En => topic.slug().to_owned(),
    }
}

/// Words as a filter value: folded, hyphens between them ("Commande publique" is
/// `commande-publique`, which `commande` starts).
fn words_slug(words: &str) -> String {
    fold(words)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

fn unknown<T: Copy, S: AsRef<str>>(
    token: &str,
    says: &str,
    all: &[T],
    slug: impl Fn(T) -> S,
) -> QueryError {
    let values: Vec<S> = all.iter().map(|v| slug(*v)).collect();
    let values: Vec<&str> = values.iter().map(AsRef::as_ref).collect();
    QueryError { token: token.to_owned(), message: fill(says, &[&values.join(", ")]) }
}

/// A value as the user's language says it, for the list of values that exist: in French the
/// words the screens show, in lower case, joined by hyphens (`européen`, `commande-publique`),
/// which a filter accepts as it accepts the slug.
fn listed(french: &str, slug: &'static str) -> String {
    match crate::i18n::lang() {
        Lang::Fr => french.to_lowercase().split_whitespace().collect::<Vec<_>>().join("-"),
        Lang::En => slug.to_owned(),
    }
}

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

/// The filter a key names (`kind`, `scope`, `topic`, `in`, `is`, `has`), under its own name or
/// another a person may well type for it, in English or in French (`type:`, `location:`,
/// `lieu:`, `thème:`, `portée:`); `None` for any other key.
fn filter_named(key: &str) -> Option<&'static str> {
    Some(match fold(key).as_str() {
        "kind" | "type" => "kind",
        "scope" | "portee" => "scope",
        "topic" | "theme" | "tag" => "topic",
        "in" | "loc" | "location" | "lieu" | "ville" => "in",
        "is" => "is",
        "has" => "has",
        _ => return None,
    })
}

/// Whether `token` (`key:value`, with no filter of that name) is a filter mistyped rather
/// than text to search: its key is one letter away from a filter's name (two, from five
/// letters: `tpye:`, `scop:`, `locaton:`). Any other (`mailto:`, `ex:`, `10:30`) is searched
/// as written.
fn looks_like_a_filter(token: &str) -> bool {
    const NAMES: &[&str] = &[
        "kind", "type", "scope", "portee", "topic", "theme", "tag", "loc", "location", "lieu",
        "ville",
    ];
    token.split_once(':').is_some_and(|(key, value)| {
        let key = fold(key);
        let most = if key.chars().count() >= 5 { 2 } else { 1 };
        !value.is_empty()
            && key.chars().count() >= 3
            && key.chars().all(char::is_alphabetic)
            && NAMES.iter().any(|name| strsim::damerau_levenshtein(&key, name) <= most)
    })
}

/// `value` and the masculine singular forms it may be of (`nationale`, `européennes`,
/// `régionaux`), most likely first; only the value itself when shorter than five letters
/// (`scope:es` is no ending of nothing).
fn masculine(value: &str) -> impl Iterator<Item = String> {
    let mut forms = vec![value.to_owned()];
    if value.chars().count() >= 5 {
        if let Some(stem) = value.strip_suffix("aux") {
            forms.push(format!("{stem}al"));
        }
        let plain = value.strip_suffix('s').unwrap_or(value);
        forms.push(plain.to_owned());
        if let Some(feminine) = plain.strip_suffix('e') {
            forms.push(feminine.to_owned());
            if let Some(doubled) = feminine.strip_suffix('n').filter(|f| f.ends_with("en")) {
                forms.push(doubled.to_owned());
            }
        }
    }
    forms.into_iter()
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

/// The condition of filter `key` (see [`filter_named`]) with a folded `value`, as `token`
/// writes it; `None` while the value is still to be typed.
fn filter(key: &str, value: &str, token: &str) -> Result<Option<Atom>, QueryError> {
    if value.is_empty() {
        return Ok(None);
    }
    let value = value.to_owned();
    let mistaken =
        |message: &str| QueryError { token: token.to_owned(), message: message.to_owned() };
    let atom = match key {
        "kind" => {
            let kinds = kinds_named(&value);
            if kinds.is_empty() {
                return Err(unknown(token, data().unknown_kind, Kind::ALL, kind_listed));
            }
            Atom::Kind(kinds)
        }
        "scope" => {
            // Else the French word the screens show (`scope:europeen`), in the
            // feminine too, as « portée » asks (`scope:nationale`).
            let shown = |s| words_slug(vocabulary::of(Lang::Fr).scope(s));
            let scopes = masculine(&value)
                .map(|value| named(Scope::ALL, Scope::slug, &[&shown], &value))
                .find(|scopes| !scopes.is_empty())
                .unwrap_or_default();
            if scopes.is_empty() {
                let fr = vocabulary::of(Lang::Fr);
                let said = |s: Scope| listed(fr.scope(s), s.slug());
                return Err(unknown(token, data().unknown_scope, Scope::ALL, said));
            }
            Atom::Scope(scopes)
        }
        "topic" => {
            // Else the French words the screens show (`topic:commande`).
            let shown = |t| words_slug(vocabulary::of(Lang::Fr).topic(t));
            let mut topics = named(Topic::ALL, Topic::slug, &[&shown], &value);
            if topics.is_empty() {
                // A topic named as the kind of the same name is (`topic:ess`, as `kind:ess`).
                let kinds = kinds_named(&value);
                topics = Topic::ALL
                    .iter()
                    .copied()
                    .filter(|t| kinds.iter().any(|k| k.slug() == t.slug()))
                    .collect();
            }
            if topics.is_empty() {
                let fr = vocabulary::of(Lang::Fr);
                let said = |t: Topic| listed(fr.topic(t), t.slug());
                return Err(unknown(token, data().unknown_topic, Topic::ALL, said));
            }
            Atom::Topic(topics)
        }
        "in" => Atom::In(value),
        // In French too: `is:étoilé`, `is:favori`, `is:rencontré`.
        "is" => match value.as_str() {
            v if ["starred", "etoile", "etoiles", "favori", "favoris"]
                .iter()
                .any(|word| word.starts_with(v))
                || v == "star"
                || v == "fav" =>
            {
                Atom::Mark(Mark::Starred)
            }
            v if ["met", "rencontre", "rencontres"].iter().any(|word| word.starts_with(v)) => {
                Atom::Mark(Mark::Met)
            }
            _ => return Err(mistaken(data().is_values)),
        },
        _ => match value.as_str() {
            v if "note".starts_with(v) || v == "notes" => Atom::Mark(Mark::Noted),
            v if "alias".starts_with(v) || v == "aliases" => Atom::Mark(Mark::Aliased),
            _ => return Err(mistaken(data().has_values)),
        },
    };
    Ok(Some(atom))
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn anchors_alone_ask_nothing_as_in_fzf() {
        let q = |text: &str| Query::parse(text).unwrap_or_default();
        assert_eq!(q("^$"), q(""));
        assert_eq!(q("^"), q(""));
        assert_ne!(q("$"), q(""), "a lone $ is text");
        assert_eq!(
            q("^ab$").groups[0][0].atom,
            Atom::Text { text: "ab".into(), mode: Mode::Whole }
        );
    }

    #[test]
    fn a_group_written_twice_is_searched_once() {
        let q = |text: &str| Query::parse(text).unwrap_or_default();
        assert_eq!(q("metropole Métropole metropole"), q("metropole"));
        assert_eq!(q("a | b bordeaux b | a a | b"), q("a | b bordeaux b | a"));
        // Not the same condition: kept.
        assert_eq!(q("ugap !ugap ^ugap").groups.len(), 3);
    }

    #[test]
    fn odd_tokens_are_ignored() {
        for odd in ["'", "!", "^", "$", "|", "| |", "kind:", "^$"] {
            let q = Query::parse(odd);
            assert!(q.is_ok(), "{odd}");
        }
    }

    #[test]
    fn which_query_narrows_which() {
        let q = |text: &str| Query::parse(text).unwrap_or_default();
        let pairs = [
            // (previous, query, narrows, the word that grew into fuzzy matching)
            ("b", "bo", true, None),
            ("bo", "bor", false, Some(("bor", "bo"))),
            ("bor", "bord", false, Some(("bord", "bor"))),
            ("bord", "bord eco", true, None),
            ("bord ec", "bord eco", false, Some(("eco", "ec"))),
            ("bo ec", "bor eco", false, None),
            ("'bor", "'bord", true, None),
            ("'bor", "'xbordx", true, None),
            ("bor", "xbor", false, None),
            ("^bo", "^bor", false, None),
            ("!bor", "!bord", false, None),
            ("bor | ugap", "bord | ugap", false, None),
            ("bor", "kind:media", false, None),
            ("kind:media", "kind:media bor", true, None),
            ("bord eco", "bord", false, None),
        ];
        for (previous, query, narrows, grown) in pairs {
            assert_eq!(q(query).narrows(&q(previous)), narrows, "{previous:?} -> {query:?}");
            assert_eq!(q(query).grown_fuzzy(&q(previous)), grown, "{previous:?} -> {query:?}");
        }
    }

    #[test]
    fn punctuation_around_a_word_and_dots_of_an_acronym_are_no_part_of_it() {
        let text = |query: &str| match Query::parse(query).map(|q| q.groups) {
            Ok(groups) => match groups.as_slice() {
                [group] => match &group[0].atom {
                    Atom::Text { text, .. } => text.clone(),
                    other => format!("{other:?}"),
                },
                _ => format!("{groups:?}"),
            },
            Err(e) => e.to_string(),
        };
        for typed in
            ["ugap,", "\"ugap\"", "(ugap)", "ugap.", "«ugap»", "u.g.a.p", "U.G.A.P.", "ugap?"]
        {
            assert_eq!(text(typed), "ugap", "{typed}");
        }
        // An English possessive is no part of the name it follows, nor is the mark of a
        // hashtag, a handle or emphasis.
        for typed in
            ["ugap's", "UGAP’s", "(ugap's)", "u.g.a.p.'s", "#ugap", "@UGAP", "*ugap*", "_ugap_"]
        {
            assert_eq!(text(typed), "ugap", "{typed}");
        }
        // Inside a word, kept: an elision, a hyphen, a domain, a version.
        for kept in ["l'economie", "ile-de-france", "achatpublic.info", "3.0", "c++"] {
            assert_eq!(text(kept), kept);
        }
        // The exact letters are as typed; punctuation alone asks nothing, between words too.
        assert_eq!(text("'ugap,"), "ugap,");
        assert_eq!(text("‘ugap’"), "ugap");
        assert_eq!(text("ugap/"), "ugap");
        for alone in ["?", ";", "-", "&", "«", "—", "#", "¿", "@"] {
            assert_eq!(Query::parse(alone), Ok(Query::default()), "{alone}");
            assert_eq!(Query::parse(&format!("ugap {alone} weka")), Query::parse("ugap weka"));
        }
    }

    #[test]
    fn filters_answer_to_the_names_people_give_them() {
        let atom = |query: &str| match Query::parse(query) {
            Ok(q) if q.groups.len() == 1 => q.groups[0][0].atom.clone(),
            other => panic!("{query}: {other:?}"),
        };
        assert_eq!(atom("type:media"), Atom::Kind(vec![Kind::Media]));
        assert_eq!(atom("Type:média"), Atom::Kind(vec![Kind::Media]));
        for key in ["loc", "location", "lieu", "ville"] {
            assert_eq!(atom(&format!("{key}:bordeaux")), Atom::In("bordeaux".into()), "{key}");
        }
        assert_eq!(atom("thème:sport"), Atom::Topic(vec![Topic::Sport]));
        assert_eq!(atom("portée:nationale"), Atom::Scope(vec![Scope::National]));
        for (value, scope) in [
            ("nationale", Scope::National),
            ("régionale", Scope::Regional),
            ("régionaux", Scope::Regional),
            ("européenne", Scope::European),
            ("internationales", Scope::International),
            ("locaux", Scope::Local),
        ] {
            assert_eq!(atom(&format!("scope:{value}")), Atom::Scope(vec![scope]), "{value}");
        }
        // No ending is left of a value too short to have one.
        for short in ["s", "es", "ns"] {
            assert!(Query::parse(&format!("scope:{short}")).is_err(), "{short}");
        }
        assert_eq!(atom("topic:ess"), Atom::Topic(vec![Topic::SocialEconomy]));
        for starred in ["is:étoilé", "is:favori", "is:starred"] {
            assert_eq!(atom(starred), Atom::Mark(Mark::Starred), "{starred}");
        }
        assert_eq!(atom("is:rencontré"), Atom::Mark(Mark::Met));
        // A filter still being typed asks nothing, under any of its names.
        assert_eq!(Query::parse("type:"), Ok(Query::default()));
        assert!(Query::parse_whole("type:").is_err());
    }

    #[test]
    fn a_mistyped_filter_is_an_error_not_a_word_found_nowhere() {
        for mistyped in ["tpye:media", "scop:local", "locaton:bordeaux", "!kidn:media"] {
            let err = Query::parse(mistyped).err().map(|e| e.to_string()).unwrap_or_default();
            assert!(err.contains("kind:"), "{mistyped}: {err}");
        }
        // Times, addresses, references, Grand Est and the exact letters are searched.
        for text in ["10:30", "https://ugap.fr", "mailto:x@y.fr", "tel:0102", "ex:ugap", "est:x"] {
            assert!(Query::parse(text).is_ok(), "{text}");
        }
        assert!(Query::parse("'tpye:media").is_ok());
    }

    #[test]
    fn a_word_that_names_a_kind_is_told() {
        let kind = |text: &str| Query::parse(text).ok().and_then(|q| q.names_a_kind());
        assert_eq!(kind("media"), Some(Kind::Media));
        assert_eq!(kind("Médias"), Some(Kind::Media));
        assert_eq!(kind("fondation"), Some(Kind::Foundation));
        for not_one in ["zzzz", "media weka", "!media", "kind:media", "p"] {
            assert_eq!(kind(not_one), None, "{not_one}");
        }
    }

    #[test]
    fn unknown_filter_value_lists_values() {
        let err = Query::parse("kind:zzz").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("local-authority") && err.contains("media"), "{err}");
    }
}
