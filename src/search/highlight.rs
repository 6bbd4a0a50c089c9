//! Where a query matched a partner, in its original text: positions of characters to mark,
//! per field, for the list (short fields only) and the detail (every field, the user's own
//! aliases and note).
//!
//! Owns marking only: what matches is [`super::matching`]'s, the folded text the index's.

use super::expand::{FormKind, GroupPlan, TermSlot};
use std::ops::Range;

use super::fold::{fold_with_map, folded_len, is_word_char};
use super::fuzzy::fuzzy_positions;
use super::glossary::Glossary;
use super::index::{ACRONYM, Index, NAME};
use super::matching::inflected;
use super::query::{Atom, Mode, Query};
use crate::PARALLEL_MIN;
use crate::dataset::Partner;

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
    /// Char indices in each of the user's own aliases (see [`Index::text_highlights`]; their
    /// note is marked as it is shown, by [`Index::text_marker`]).
    pub yours: Vec<Vec<usize>>,
}

/// Where a term marks a long text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Look {
    /// Every occurrence.
    Anywhere,
    /// The occurrences that start a word.
    WordStarts,
    /// The occurrences that are whole words.
    WholeWords,
    /// The occurrences that are whole words written in capitals: a glossary equivalent that is
    /// an acronym, as the glossary writes it ("UN" for `onu`), not the article "Un".
    Capitals,
}

/// What a query marks in a long text (a description, a note), planned once per query: its
/// words as typed, their other spellings and their glossary equivalents. An occurrence is
/// marked for what it is and for the characters right next to it, never for what came before
/// it, so a part of a text is marked as it is in the whole: the detail pane marks the lines it
/// shows, not the whole text at every keystroke.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextMarker {
    terms: Vec<(String, Look)>,
}

impl TextMarker {
    /// Marks where `term` matched a long text: every occurrence of one that counts `inside`
    /// words (see [`Index::counts_inside`]), else the word starts, the words only of one that
    /// counts only as a `whole` word (an acronym, see [`Index::acronym`]; a stop word the
    /// query matches without).
    fn typed(&mut self, term: &str, whole: bool, inside: bool) {
        let look = if whole {
            Look::WholeWords
        } else if inside {
            Look::Anywhere
        } else {
            Look::WordStarts
        };
        self.push(term, look);
    }

    fn push(&mut self, term: &str, look: Look) {
        if !term.is_empty() && !self.terms.iter().any(|(t, l)| t == term && *l == look) {
            self.terms.push((term.to_owned(), look));
        }
    }

    /// Whether it marks nothing.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// What it marks in `text`: char indices, sorted.
    pub fn mark(&self, text: &str) -> Vec<usize> {
        self.mark_part(text, 0..text.len(), 0)
    }

    /// What it marks in the part `bytes` of `text`, whose first character is character `first`
    /// of `text`: those of [`TextMarker::mark`]'s positions that fall in the part, found in
    /// time proportional to the part and the terms, whatever the length of the text.
    pub fn mark_part(&self, text: &str, bytes: Range<usize>, first: usize) -> Vec<usize> {
        let Some(longest) = self.terms.iter().map(|(t, _)| t.chars().count()).max() else {
            return Vec::new();
        };
        // An occurrence that reaches into the part starts at most `longest - 1` folded
        // characters before it, and the character before it says whether it starts a word;
        // the characters after it whether it ends one, with a plural or feminine ending (up to
        // two letters, then the end of the word): `longest` folded characters before the part
        // and `longest` + 3 after it hold all that decides the part's marks.
        let (mut start, mut before, mut folded) = (bytes.start, 0, 0);
        for (at, c) in text[..bytes.start].char_indices().rev() {
            if folded >= longest {
                break;
            }
            folded += folded_len(c);
            start = at;
            before += 1;
        }
        let (mut end, mut folded) = (bytes.end, 0);
        for (at, c) in text[bytes.end..].char_indices() {
            if folded >= longest + 3 {
                break;
            }
            folded += folded_len(c);
            end = bytes.end + at + c.len_utf8();
        }
        let window = &text[start..end];
        let mut out = Vec::new();
        for (term, look) in &self.terms {
            match look {
                Look::Anywhere => mark_substrings(window, term, &mut out),
                look => mark_word_starts(window, term, *look, &mut out),
            }
        }
        out.sort_unstable();
        out.dedup();
        let part = before..before + text[bytes].chars().count();
        out.retain(|p| part.contains(p));
        // Counted from the window's start; `first - before` is where the window starts.
        for p in &mut out {
            *p += first - before;
        }
        out
    }
}

impl Index {
    /// What `query` marks in the user's own texts (their aliases, their note), searched like a
    /// description. The query is planned once.
    pub fn text_marker(&self, query: &Query) -> TextMarker {
        let plans = if self.glossary.is_some() { self.plan(query, true) } else { Vec::new() };
        let mut marker = TextMarker::default();
        for (term, mode) in query.positive_texts() {
            if matches!(mode, Mode::Fuzzy | Mode::Exact) {
                let whole = mode == Mode::Fuzzy
                    && (self.acronym(term) || needless(Some(plans.as_slice()), term));
                marker.typed(term, whole, self.counts_inside(term, mode));
            }
        }
        for (term, look) in other_spellings(&plans, self.glossary.as_ref()) {
            marker.push(term, look);
        }
        marker
    }

    /// Where `query` matches in each of `texts`, the user's own (their aliases), searched like
    /// a description: in original character positions, sorted. The query is planned once.
    pub fn text_highlights(&self, texts: &[String], query: &Query) -> Vec<Vec<usize>> {
        let marker = self.text_marker(query);
        texts.iter().map(|text| marker.mark(text)).collect()
    }

    /// Where `query` matched partner `index` (whose original record is `partner`), in original
    /// character positions.
    pub fn highlights(&self, index: usize, partner: &Partner, query: &Query) -> Highlights {
        let (mut out, marker) = self.highlights_in(index, partner, query, true);
        out.description = marker.mark(crate::text::shown_part(&partner.description));
        out
    }

    /// [`Index::highlights`] but the description's, and what marks it: the detail pane marks
    /// the lines of a description it shows, not the whole.
    pub fn detail_highlights(
        &self,
        index: usize,
        partner: &Partner,
        query: &Query,
    ) -> (Highlights, TextMarker) {
        self.highlights_in(index, partner, query, true)
    }

    /// [`Index::highlights`] in the short fields only (name, acronym, aliases): what the list
    /// shows, without folding long texts on every frame.
    pub fn name_highlights(&self, index: usize, partner: &Partner, query: &Query) -> Highlights {
        self.highlights_in(index, partner, query, false).0
    }

    /// The highlights of the short fields and, with `texts`, of the location, and what marks
    /// the description (nothing without `texts`).
    fn highlights_in(
        &self,
        index: usize,
        partner: &Partner,
        query: &Query,
        texts: bool,
    ) -> (Highlights, TextMarker) {
        let mut marker = TextMarker::default();
        if index >= self.entries.len() {
            return (Highlights::default(), marker);
        }
        let mut out = Highlights {
            aliases: vec![Vec::new(); partner.aliases.len()],
            ..Highlights::default()
        };
        let plans = self.marking_plans(query, texts);
        for (term, mode) in query.positive_texts() {
            let acronym = mode == Mode::Fuzzy && self.acronym(term);
            // A stop word the query matches without is marked only where it is a word: not
            // the "et" of "Network", the "de" of "des".
            let needless = mode == Mode::Fuzzy && needless(plans.as_deref(), term);
            // By letters only where the partner holds no other spelling of the word by words,
            // as it matched: "sociale" is "Social" in "Social Economy Forum", not also the "e"
            // of "Economy".
            // Asked once, and only of a field that does not hold the term as typed.
            let letters = std::cell::OnceCell::new();
            let by_letters = || {
                *letters.get_or_init(|| {
                    mode == Mode::Fuzzy
                        && !plans
                            .as_deref()
                            .is_some_and(|plans| self.spelled_otherwise(index, plans, term))
                })
            };
            let short = |original: &str, folded: &str, out: &mut Vec<usize>| {
                if acronym || needless {
                    mark_word_starts(original, term, Look::WholeWords, out);
                } else if folded.contains(term) || by_letters() {
                    mark_short(original, folded, term, mode, out);
                }
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
            if texts && matches!(mode, Mode::Fuzzy | Mode::Exact) {
                marker.typed(term, acronym || needless, self.counts_inside(term, mode));
            }
        }
        if let Some(plans) = &plans {
            let spellings = other_spellings(plans, self.glossary.as_ref());
            mark_forms(partner, spellings, texts, &mut out, &mut marker);
        }
        if texts && let Some(location) = &partner.location {
            out.location = marker.mark(location);
        }
        for positions in [&mut out.name, &mut out.acronym].into_iter().chain(out.aliases.iter_mut())
        {
            positions.sort_unstable();
            positions.dedup();
        }
        (out, marker)
    }

    /// The plans of `query`'s words (their other spellings, glossary equivalents and stop
    /// words), with corrections when `texts` (the detail, drawn for one partner; not every
    /// row of the list); `None` without a glossary, or while the words of a large dataset are
    /// gathered: marked while a frame is drawn, they are never waited for (seconds at a
    /// million partners, on the loader's thread), and the words are marked as typed until
    /// then. A small dataset's words take moments: made here.
    fn marking_plans<'q>(&self, query: &'q Query, texts: bool) -> Option<Vec<GroupPlan<'q>>> {
        let ready = self.entries.len() < PARALLEL_MIN || self.has_vocabulary();
        (self.glossary.is_some() && ready).then(|| self.plan(query, texts))
    }

    /// Whether partner `index` holds, where a word starts, another spelling or an
    /// equivalent of the query word `term` (as [`other_spellings`] gives them; a whole word
    /// with its plural or feminine ending too, as the search finds it): then that is what
    /// matched, not `term` by letters (see `Index::find_word`).
    fn spelled_otherwise(&self, index: usize, plans: &[GroupPlan<'_>], term: &str) -> bool {
        let text = self.text(index);
        let holds = |spelling: &str, whole: bool| {
            occurrences(text, spelling).any(|at| {
                let starts = text[..at].chars().next_back().is_none_or(|c| !is_word_char(c));
                let rest = &text[at + spelling.len()..];
                let ends = rest.chars().next().is_none_or(|c| !is_word_char(c))
                    || inflected(Some(spelling), Some(rest));
                starts && (!whole || ends)
            })
        };
        plans
            .iter()
            .filter(|plan| {
                plan.direct.iter().flat_map(|(slots, _)| slots).any(|slot| is_term(slot, term))
            })
            .any(|plan| {
                other_spellings(std::slice::from_ref(plan), self.glossary.as_ref())
                    .any(|(s, look)| holds(s, look != Look::WordStarts))
            })
    }
}

/// Whether `slot` is the query's text term `term`.
fn is_term(slot: &TermSlot<'_>, term: &str) -> bool {
    matches!(&slot.term.atom, Atom::Text { text, .. } if text == term)
}

/// Whether `term` is a stop word the query matches without (see [`GroupPlan::optional`]).
fn needless(plans: Option<&[GroupPlan<'_>]>, term: &str) -> bool {
    plans.into_iter().flatten().any(|plan| {
        plan.direct
            .iter()
            .filter(|(_, optional)| plan.optional || *optional)
            .flat_map(|(slots, _)| slots)
            .any(|slot| is_term(slot, term))
    })
}

/// Marks where the other spellings and glossary equivalents of the query's words start a
/// word (typos: where they are whole words) in the short fields, and adds them to what marks
/// the long texts.
fn mark_forms<'p>(
    partner: &Partner,
    spellings: impl Iterator<Item = (&'p str, Look)>,
    texts: bool,
    out: &mut Highlights,
    marker: &mut TextMarker,
) {
    for (term, look) in spellings {
        mark_word_starts(&partner.name, term, look, &mut out.name);
        if let Some(acronym) = &partner.acronym {
            mark_word_starts(acronym, term, look, &mut out.acronym);
        }
        for (alias, marks) in partner.aliases.iter().zip(&mut out.aliases) {
            mark_word_starts(alias, term, look, marks);
        }
        if texts {
            marker.push(term, look);
        }
    }
}

/// The other spellings of the plans' words and their glossary equivalents, each with where
/// it is marked: at word starts, as whole words only (a correction, an acronym), or as whole
/// words in capitals (an equivalent that is an acronym: the glossary's "UN" for `onu` is no
/// reason to mark the article "Un", nor its "EU" the French "eu").
fn other_spellings<'p>(
    plans: &'p [GroupPlan<'_>],
    glossary: Option<&'p Glossary>,
) -> impl Iterator<Item = (&'p str, Look)> {
    let acronym = move |term: &str| glossary.is_some_and(|g| g.is_acronym(term));
    plans.iter().flat_map(move |plan| {
        let direct = plan.direct.iter().flat_map(|(slots, _)| slots);
        let look = move |equivalent: bool| {
            move |form: &'p super::expand::Form| {
                let look = if equivalent && acronym(form.plan.term()) {
                    Look::Capitals
                } else if matches!(form.kind, FormKind::Typo | FormKind::Equivalent)
                    || form.plan.is_acronym()
                {
                    Look::WholeWords
                } else {
                    Look::WordStarts
                };
                (form.plan.term(), look)
            }
        };
        direct
            .filter_map(|slot| slot.word.as_ref())
            .flat_map(|word| word.forms.iter().skip(1))
            .map(look(false))
            .chain(plan.extras.iter().flatten().flat_map(|word| word.forms.iter()).map(look(true)))
    })
}

/// The byte offsets of every occurrence of `term` in `folded`, overlapping ones too: a
/// character is marked when any occurrence holds it, however the text before it is cut.
fn occurrences<'a>(folded: &'a str, term: &'a str) -> impl Iterator<Item = usize> + 'a {
    let finder = memchr::memmem::Finder::new(term.as_bytes());
    let mut from = 0;
    std::iter::from_fn(move || {
        if term.is_empty() {
            return None;
        }
        let at = from + finder.find(folded.as_bytes().get(from..)?)?;
        from = at + folded[at..].chars().next().map_or(1, char::len_utf8);
        Some(at)
    })
}

/// Marks every occurrence of folded `term` in `original`'s folded form.
fn mark_substrings(original: &str, term: &str, out: &mut Vec<usize>) {
    let (folded, map) = fold_with_map(original);
    let term_chars = term.chars().count();
    // Character positions are counted on from the previous occurrence, not from the start:
    // linear in the text however many times the term occurs.
    let (mut byte_seen, mut chars_seen) = (0, 0);
    for byte in occurrences(&folded, term) {
        chars_seen += folded[byte_seen..byte].chars().count();
        byte_seen = byte;
        out.extend(map[chars_seen..chars_seen + term_chars].iter().copied());
    }
}

/// Marks every occurrence of folded `term` in `original` that starts a word (and, unless
/// `look` is [`Look::WordStarts`], ends one, or ends where a plural or feminine ending
/// begins, as a search finds it: see [`inflected`]; with [`Look::Capitals`], whose letters
/// are all capitals).
fn mark_word_starts(original: &str, term: &str, look: Look, out: &mut Vec<usize>) {
    let (folded, map) = fold_with_map(original);
    let term_chars = term.chars().count();
    let whole = look != Look::WordStarts;
    let letters: Vec<char> =
        if look == Look::Capitals { original.chars().collect() } else { Vec::new() };
    let capitals = |positions: &[usize]| {
        positions.iter().all(|&p| letters.get(p).is_some_and(|c| !c.is_lowercase()))
    };
    // Counted on from the previous occurrence, as in [`mark_substrings`]: counted from the
    // start, a description of 1 MiB full of a term's word starts took seconds a frame.
    let (mut byte_seen, mut chars_seen) = (0, 0);
    for byte in occurrences(&folded, term) {
        let starts = folded[..byte].chars().next_back().is_none_or(|c| !is_word_char(c));
        let after = &folded[byte + term.len()..];
        let ends = after.chars().next().is_none_or(|c| !is_word_char(c));
        let ends = ends || whole && inflected(Some(term), Some(after));
        if starts && (ends || !whole) {
            chars_seen += folded[byte_seen..byte].chars().count();
            byte_seen = byte;
            let positions = &map[chars_seen..chars_seen + term_chars];
            if look != Look::Capitals || capitals(positions) {
                out.extend(positions.iter().copied());
            }
        }
    }
}

/// Marks where `term` (in `mode`) matched a short field: `original`, folded as `folded`.
fn mark_short(original: &str, folded: &str, term: &str, mode: Mode, out: &mut Vec<usize>) {
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
                && let Some((_, positions)) = fuzzy_positions(folded, term)
            {
                out.extend(positions.into_iter().filter_map(|p| map.get(p).copied()));
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Glossary;

    /// Highlights are drawn on the browser's thread: for a large dataset they never make (nor
    /// wait for) the partners' words, which take seconds at a million partners on another
    /// thread. A small dataset's are made, so that every spelling is marked at once.
    #[test]
    fn highlighting_gathers_the_words_of_small_datasets_only() {
        let bundled = crate::dataset::bundled().expect("the bundled dataset").partners;
        let large: Vec<Partner> = bundled.iter().cycle().take(PARALLEL_MIN).cloned().collect();
        let query = Query::parse("l'ugap economie sociale").expect("a query");
        let index = Index::with_glossary(&large, Glossary::bundled());
        for (i, partner) in large.iter().enumerate().take(100) {
            index.name_highlights(i, partner, &query);
            index.highlights(i, partner, &query);
        }
        assert!(!index.has_vocabulary());
        // A word after an elided article is marked without it, before any search.
        let index = Index::with_glossary(&bundled, Glossary::bundled());
        let ugap = bundled.iter().position(|p| p.id == "ugap").expect("UGAP");
        let query = Query::parse("l'ugap").expect("a query");
        assert!(!index.highlights(ugap, &bundled[ugap], &query).name.is_empty());
    }

    proptest::proptest! {
        /// Any part of a text, cut anywhere (inside a word, an occurrence, a ligature, between
        /// a letter and its accent), is marked as the whole text is there: what lets the
        /// detail pane mark only the lines it shows.
        #[test]
        fn a_part_is_marked_as_in_the_whole(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", "aa", "b", " ", "-", "é", "e\u{301}", "E", "œ", "oe", "\u{200b}", "日", "👍🏽",
                "ete", "l'", "\u{301}", "s", "es", "x", "aaaaa",
            ]), 0..30),
            terms in proptest::collection::vec(
                (proptest::sample::select(vec![
                    "a", "aa", "aaa", "e", "ete", "oe", "a b", "日", "b", "aaaaa", "aaaaaa",
                ]),
                 0usize..4),
                1..4,
            ),
            cut in (0usize..40, 0usize..40),
        ) {
            let text: String = pieces.concat();
            let mut marker = TextMarker::default();
            for (term, look) in terms {
                marker.push(
                    term,
                    [Look::Anywhere, Look::WordStarts, Look::WholeWords, Look::Capitals][look],
                );
            }
            let whole = marker.mark(&text);
            let chars = text.chars().count();
            let (from, to) = (cut.0.min(chars), cut.1.min(chars));
            let (from, to) = (from.min(to), from.max(to));
            let byte = |c: usize| text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
            let part = marker.mark_part(&text, byte(from)..byte(to), from);
            let expected: Vec<usize> =
                whole.into_iter().filter(|p| (from..to).contains(p)).collect();
            proptest::prop_assert_eq!(part, expected, "{:?} [{}..{})", text, from, to);
        }
    }

    /// Every occurrence is marked, overlapping ones too: a character is lit when an
    /// occurrence holds it, not depending on where the search for the one before stopped.
    #[test]
    fn overlapping_occurrences_are_all_marked() {
        let mut out = Vec::new();
        mark_substrings("aaa ete-ete", "aa", &mut out);
        assert_eq!(out, [0, 1, 1, 2]);
        out.clear();
        // The second occurrence starts inside the first, after a hyphen: a word start too.
        mark_word_starts("a-a-a", "a-a", Look::WordStarts, &mut out);
        assert_eq!(out, [0, 1, 2, 2, 3, 4]);
    }

    /// Positions are counted on from one occurrence to the next: each lands on its own
    /// characters after accents, ligatures and occurrences that do not start a word.
    #[test]
    fn word_starts_are_marked_where_each_occurs() {
        let text = "Été xété œuvre été, l'été étés";
        let mut out = Vec::new();
        mark_word_starts(text, "ete", Look::WordStarts, &mut out);
        assert_eq!(out, [0, 1, 2, 15, 16, 17, 22, 23, 24, 26, 27, 28]);
        out.clear();
        mark_word_starts(text, "ete", Look::WholeWords, &mut out);
        assert_eq!(out, [0, 1, 2, 15, 16, 17, 22, 23, 24]);
    }

    /// A whole word is marked as a search finds it: with a plural or feminine ending too
    /// (from five letters, see [`inflected`]), never at the start of a longer word. A glossary
    /// equivalent is marked so: `institute`'s "institut" in "instituts", not in "institution".
    #[test]
    fn whole_words_are_marked_with_their_endings() {
        let text = "Institut, instituts, institution; région régionale régions";
        let mut out = Vec::new();
        mark_word_starts(text, "institut", Look::WholeWords, &mut out);
        assert_eq!(out, [0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 15, 16, 17]);
        out.clear();
        mark_word_starts(text, "region", Look::WholeWords, &mut out);
        assert_eq!(out, [34, 35, 36, 37, 38, 39, 51, 52, 53, 54, 55, 56]);

        let bundled = crate::dataset::bundled().expect("the bundled dataset").partners;
        let index = Index::with_glossary(&bundled, Glossary::bundled());
        let query = Query::parse("institute").expect("a query");
        let marker = index.text_marker(&query);
        assert_eq!(marker.mark(text), [0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 15, 16, 17]);

        // A part is marked as in the whole, though its end lies three letters from the end of
        // an occurrence that is only an inflection in a shorter text.
        let mut marker = TextMarker::default();
        marker.push("institut", Look::WholeWords);
        for text in ["institutesx", "instituteur"] {
            assert!(marker.mark(text).is_empty(), "{text}");
            assert!(marker.mark_part(text, 0..1, 0).is_empty(), "{text}");
        }
    }

    /// A word found through an equivalent with its plural ending ("agence" in "Agences") is
    /// what matched: the word typed is not also marked by letters scattered over the name.
    #[test]
    fn an_equivalent_with_its_ending_leaves_no_letters_marked() {
        let mut partner =
            crate::dataset::bundled().expect("the bundled dataset").partners.swap_remove(0);
        partner.name = "Agences Yvelines".to_owned();
        (partner.acronym, partner.location) = (None, None);
        partner.aliases.clear();
        partner.description = "A research foundation.".to_owned();
        let partners = [partner];
        let index = Index::with_glossary(&partners, Glossary::bundled());
        let query = Query::parse("agency").expect("a query");
        assert_eq!(index.search(&query, &[], None).len(), 1);
        assert_eq!(index.highlights(0, &partners[0], &query).name, [0, 1, 2, 3, 4, 5]);
    }
}
