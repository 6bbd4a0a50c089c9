//! The incremental searcher: one query per keystroke, reusing earlier results when the new
//! query only narrows an earlier one.
//!
//! Owns which earlier results are kept. Matching and ranking are the index's.

use super::index::{Hit, Index};
use super::memo::Recent;
use super::query::{MarkBits, Query};
use super::ranked::Ranked;

/// Runs queries one keystroke after another, reusing earlier results when the new query only
/// narrows an earlier one.
#[derive(Debug, Clone, Default)]
pub struct Searcher {
    /// The last few queries with the partners they matched (in index order), newest last.
    /// Not only the last: "bordeaux met" cannot narrow "bordeaux me" (a fuzzy term of three
    /// letters may match where its first two do not) but narrows "bordeaux".
    recent: Vec<(Query, Vec<usize>)>,
    /// The index's notes generation those results were found with.
    notes_generation: u64,
    /// What the words typed were found as in each partner (see [`super::memo`]): the notes
    /// play no part in it.
    found: Recent,
}

/// How many queries a [`Searcher`] remembers.
const RECENT: usize = 8;

impl Searcher {
    /// Results for `query`, narrowing from the smallest earlier result it narrows; when
    /// nothing matches, the partners that match all its words but one (see
    /// [`Index::all_but_one`]), which no later search narrows from.
    pub fn search(&mut self, index: &Index, query: &Query, marks: &[MarkBits]) -> Vec<Hit> {
        self.ranked(index, query, marks).into_vec()
    }

    /// [`Searcher::search`], the results put in order only as far as they are read.
    pub fn ranked(&mut self, index: &Index, query: &Query, marks: &[MarkBits]) -> Ranked {
        let hits = self.search_every_word(index, query, marks);
        if !hits.is_empty() {
            return hits;
        }
        // Searched and kept like the queries typed: the query without the word being typed
        // is the one before it, and at the next keystroke each narrows from its own.
        let fewer = |fewer: &Query| self.search_every_word(index, fewer, marks).into_vec();
        Ranked::from(index.all_but_one_by(query, fewer))
    }

    /// Results for `query`, narrowing from the smallest earlier result it narrows.
    fn search_every_word(&mut self, index: &Index, query: &Query, marks: &[MarkBits]) -> Ranked {
        // Changed notes may match where the earlier results did not look.
        if index.notes_generation() != self.notes_generation {
            self.recent.clear();
            self.notes_generation = index.notes_generation();
        }
        let within = self
            .recent
            .iter()
            .filter(|(previous, _)| query.narrows(previous) && index.may_narrow(previous, query))
            .map(|(_, ids)| ids.as_slice())
            .min_by_key(|ids| ids.len());
        // A plain word one letter longer may match by letters where it did not before, or by
        // new corrections: it is looked for where it matched, where its letters are and
        // where the word lists say its other spellings are.
        let grown = self
            .recent
            .iter()
            // Worth it where it narrows much: finding where the letters are costs too.
            .filter(|(_, ids)| within.is_none_or(|within| ids.len() * 2 < within.len()))
            .filter_map(|(previous, ids)| Some((previous, query.grown_fuzzy(previous)?, ids)))
            .min_by_key(|(_, _, ids)| ids.len())
            .and_then(|(previous, grown, ids)| {
                index.grown_candidates(previous, query, grown, ids, (within, &self.found))
            })
            .filter(|candidates| within.is_none_or(|within| candidates.len() < within.len()));
        let within = grown.as_deref().or(within);
        let found = index.matches(query, marks, within, Some(&self.found));
        self.recent.retain(|(previous, _)| previous != query);
        // Narrowing from nearly every partner saves nothing over searching them all (a
        // letter typed first finds most of them).
        if found.len() * 10 < index.len() * 9 {
            if self.recent.len() >= RECENT {
                self.recent.remove(0);
            }
            self.recent.push((query.clone(), found.indices().collect()));
        }
        found.ranked()
    }

    /// Forgets the previous results (after the dataset or the marks change).
    pub fn reset(&mut self) {
        self.recent.clear();
    }
}
