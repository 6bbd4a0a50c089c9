//! Where a query matched a partner, in its original text: positions of characters to mark,
//! per field, for the list (short fields only) and the detail (every field, the user's own
//! aliases and note).
//!
//! Owns marking only: what matches is [`super::matching`]'s, the folded text the index's.

use super::expand::{FormKind, GroupPlan};
use super::fold::{fold_with_map, is_word_char};
use super::fuzzy::fuzzy_positions;
use super::index::{ACRONYM, Index, NAME};
use super::query::{Mode, Query, counts_inside_text};
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
    /// Char indices in each of the user's own aliases (see [`Index::text_highlights`]).
    pub yours: Vec<Vec<usize>>,
    /// Char indices in the user's note (see [`Index::text_highlights`]).
    pub note: Vec<usize>,
}

impl Index {
    /// Where `query` matches in each of `texts`, the user's own (their aliases), searched like
    /// a description: in original character positions, sorted. The query is planned once.
    pub fn text_highlights(&self, texts: &[String], query: &Query) -> Vec<Vec<usize>> {
        let plans = if self.glossary.is_some() { self.plan(query, true) } else { Vec::new() };
        let mark = |text: &String| {
            let mut out = Vec::new();
            for (term, mode) in query.positive_texts() {
                if matches!(mode, Mode::Fuzzy | Mode::Exact) {
                    let acronym = mode == Mode::Fuzzy && self.acronym(term);
                    mark_in_text(text, term, mode, acronym, &mut out);
                }
            }
            for (term, whole) in other_spellings(&plans) {
                mark_word_starts(text, term, whole, &mut out);
            }
            out.sort_unstable();
            out.dedup();
            out
        };
        texts.iter().map(mark).collect()
    }

    /// Where `query` matched partner `index` (whose original record is `partner`), in original
    /// character positions.
    pub fn highlights(&self, index: usize, partner: &Partner, query: &Query) -> Highlights {
        self.highlights_in(index, partner, query, true)
    }

    /// [`Index::highlights`] in the short fields only (name, acronym, aliases): what the list
    /// shows, without folding long texts on every frame.
    pub fn name_highlights(&self, index: usize, partner: &Partner, query: &Query) -> Highlights {
        self.highlights_in(index, partner, query, false)
    }

    fn highlights_in(
        &self,
        index: usize,
        partner: &Partner,
        query: &Query,
        texts: bool,
    ) -> Highlights {
        if index >= self.entries.len() {
            return Highlights::default();
        }
        let mut out = Highlights {
            aliases: vec![Vec::new(); partner.aliases.len()],
            ..Highlights::default()
        };
        for (term, mode) in query.positive_texts() {
            let acronym = mode == Mode::Fuzzy && self.acronym(term);
            let short = |original: &str, folded: &str, out: &mut Vec<usize>| {
                if acronym {
                    mark_word_starts(original, term, true, out);
                } else {
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
                let description = crate::text::shown_part(&partner.description);
                mark_in_text(description, term, mode, acronym, &mut out.description);
                if let Some(location) = &partner.location {
                    mark_in_text(location, term, mode, acronym, &mut out.location);
                }
            }
        }
        if self.glossary.is_some() {
            self.mark_forms(partner, query, texts, &mut out);
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

    /// Marks where the other spellings and glossary equivalents of the query's words start
    /// a word (typos: where they are whole words). Corrections are looked for only with `texts`
    /// (the detail, drawn for one partner), not for every row of the list.
    fn mark_forms(&self, partner: &Partner, query: &Query, texts: bool, out: &mut Highlights) {
        // Marked while a frame is drawn: never wait for the words of a large dataset to be
        // gathered (seconds at a million partners, on the loader's thread). Until they are,
        // the words are marked as typed. A small dataset's words take moments: made here.
        if self.entries.len() >= PARALLEL_MIN && !self.has_vocabulary() {
            return;
        }
        let plans = self.plan(query, texts);
        for (term, whole) in other_spellings(&plans) {
            mark_word_starts(&partner.name, term, whole, &mut out.name);
            if let Some(acronym) = &partner.acronym {
                mark_word_starts(acronym, term, whole, &mut out.acronym);
            }
            for (alias, marks) in partner.aliases.iter().zip(&mut out.aliases) {
                mark_word_starts(alias, term, whole, marks);
            }
            if texts {
                let description = crate::text::shown_part(&partner.description);
                mark_word_starts(description, term, whole, &mut out.description);
                if let Some(location) = &partner.location {
                    mark_word_starts(location, term, whole, &mut out.location);
                }
            }
        }
    }
}

/// The other spellings of the plans' words and their glossary equivalents, each with whether
/// it counts only as a whole word (a correction).
fn other_spellings<'p>(plans: &'p [GroupPlan<'_>]) -> impl Iterator<Item = (&'p str, bool)> {
    plans.iter().flat_map(|plan| {
        let direct = plan.direct.iter().flat_map(|(slots, _)| slots);
        direct
            .filter_map(|slot| slot.word.as_ref())
            .flat_map(|word| word.forms.iter().skip(1))
            .chain(plan.extras.iter().flatten().flat_map(|word| word.forms.iter()))
            .map(|form| (form.plan.term(), form.kind == FormKind::Typo || form.plan.is_acronym()))
    })
}

/// Marks every occurrence of folded `term` in `original`'s folded form.
fn mark_substrings(original: &str, term: &str, out: &mut Vec<usize>) {
    let (folded, map) = fold_with_map(original);
    let term_chars = term.chars().count();
    // Character positions are counted on from the previous occurrence, not from the start:
    // linear in the text however many times the term occurs.
    let (mut byte_seen, mut chars_seen) = (0, 0);
    for (byte, _) in folded.match_indices(term) {
        chars_seen += folded[byte_seen..byte].chars().count();
        byte_seen = byte;
        out.extend(map[chars_seen..chars_seen + term_chars].iter().copied());
    }
}

/// Marks where `term` (in `mode`) matched a long text: every occurrence, the word starts
/// only of a term too short to count inside words (see [`counts_inside_text`]), the words
/// only of an `acronym` (see [`Index::acronym`]).
fn mark_in_text(original: &str, term: &str, mode: Mode, acronym: bool, out: &mut Vec<usize>) {
    if counts_inside_text(term, mode) {
        mark_substrings(original, term, out);
    } else {
        mark_word_starts(original, term, acronym, out);
    }
}

/// Marks every occurrence of folded `term` in `original` that starts a word (and, with
/// `whole`, ends one).
fn mark_word_starts(original: &str, term: &str, whole: bool, out: &mut Vec<usize>) {
    let (folded, map) = fold_with_map(original);
    let term_chars = term.chars().count();
    // Counted on from the previous occurrence, as in [`mark_substrings`]: counted from the
    // start, a description of 1 MiB full of a term's word starts took seconds a frame.
    let (mut byte_seen, mut chars_seen) = (0, 0);
    for (byte, _) in folded.match_indices(term) {
        let starts = folded[..byte].chars().next_back().is_none_or(|c| !is_word_char(c));
        let ends = folded[byte + term.len()..].chars().next().is_none_or(|c| !is_word_char(c));
        if starts && (ends || !whole) {
            chars_seen += folded[byte_seen..byte].chars().count();
            byte_seen = byte;
            out.extend(map[chars_seen..chars_seen + term_chars].iter().copied());
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

    /// Positions are counted on from one occurrence to the next: each lands on its own
    /// characters after accents, ligatures and occurrences that do not start a word.
    #[test]
    fn word_starts_are_marked_where_each_occurs() {
        let text = "Été xété œuvre été, l'été étés";
        let mut out = Vec::new();
        mark_word_starts(text, "ete", false, &mut out);
        assert_eq!(out, [0, 1, 2, 15, 16, 17, 22, 23, 24, 26, 27, 28]);
        out.clear();
        mark_word_starts(text, "ete", true, &mut out);
        assert_eq!(out, [0, 1, 2, 15, 16, 17, 22, 23, 24]);
    }
}
