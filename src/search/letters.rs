//! The first key of a search, answered ahead. A one-letter query matches nearly every partner
//! and narrows from nothing, so on a large dataset it is the slowest key to answer, and it is
//! typed at the start of every search. While warming, the index finds the answers to the
//! letters most names have a word starting with, as far as a memory budget allows.
//!
//! Owns which letters are answered ahead and how an answer is kept. The answers are
//! [`Index::matches`]'s, found as any search would find them.

use rayon::prelude::*;

use super::index::{Hit, Index};
use super::masks::char_mask;
use super::query::Query;

/// At most this many bytes of answers are kept: every letter up to about 100,000 partners,
/// the three likeliest at a million.
const BUDGET: usize = 24 << 20;

/// A hit in eight bytes: the partner's index, then its score, then whether it hit the name and
/// whether the note.
type Packed = u64;

/// The answers to one-letter queries, best first.
pub(super) struct Letters {
    /// The notes they were found with (see [`Index::notes_generation`]): a note may hold the
    /// letter, so after the notes change a search finds it again.
    generation: u64,
    answers: Vec<(Query, Box<[Packed]>)>,
}

impl Letters {
    /// Answers the letters from `a` to `z` most names have a word starting with, within the
    /// budget.
    pub(super) fn find(index: &Index) -> Letters {
        let generation = index.notes_generation();
        let len = index.len();
        let mut letters: Vec<(usize, char)> = ('a'..='z')
            .map(|letter| {
                let bit = char_mask(letter.encode_utf8(&mut [0; 4]));
                let starting = index.entries.iter().filter(|e| e.initials_mask & bit != 0).count();
                (starting, letter)
            })
            .collect();
        letters.sort_unstable_by(|a, b| b.cmp(a));
        let room = BUDGET / len.max(1) / size_of::<Packed>();
        let answers = letters
            .into_iter()
            .take(room)
            .filter_map(|(_, letter)| {
                let query = Query::parse(letter.encode_utf8(&mut [0; 4])).ok()?;
                let mut keys = index.matches(&query, &[], None, None);
                keys.par_sort_unstable();
                let packed: Option<Box<[Packed]>> = keys.iter().map(|k| pack(k.hit())).collect();
                Some((query, packed?))
            })
            .collect();
        Letters { generation, answers }
    }

    /// The hits of `query` best first, and the partners among them in index order, if it is
    /// a letter answered ahead with the notes of `generation`.
    pub(super) fn answer(&self, query: &Query, generation: u64) -> Option<(Vec<Hit>, Vec<usize>)> {
        if generation != self.generation {
            return None;
        }
        let (_, packed) = self.answers.iter().find(|(q, _)| q == query)?;
        let hits: Vec<Hit> = packed.par_iter().map(|&p| unpack(p)).collect();
        // In index order: the next key scans their texts in the order they lie in memory.
        let mut held = vec![false; packed.iter().map(|&p| index_of(p) + 1).max().unwrap_or(0)];
        for &p in packed {
            held[index_of(p)] = true;
        }
        let ids = held.iter().enumerate().filter_map(|(i, &h)| h.then_some(i)).collect();
        Some((hits, ids))
    }
}

/// Bits of a packed hit's score: no one-letter query scores near it.
const SCORE_BITS: u32 = 30;

/// `hit` in eight bytes, if its index and score fit.
fn pack(hit: Hit) -> Option<Packed> {
    let index = u32::try_from(hit.index).ok()?;
    if hit.score >> SCORE_BITS != 0 {
        return None;
    }
    let rest = u64::from(hit.score) | u64::from(hit.name_hit) << 30 | u64::from(hit.in_note) << 31;
    Some(u64::from(index) | rest << 32)
}

#[allow(clippy::cast_possible_truncation)] // The low 32 bits are the index.
fn index_of(packed: Packed) -> usize {
    packed as u32 as usize
}

#[allow(clippy::cast_possible_truncation)] // 30 bits of score.
fn unpack(packed: Packed) -> Hit {
    let rest = packed >> 32;
    Hit {
        index: index_of(packed),
        score: (rest & ((1 << SCORE_BITS) - 1)) as u32,
        name_hit: rest >> 30 & 1 == 1,
        in_note: rest >> 31 & 1 == 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{Glossary, Searcher};

    #[test]
    fn letters_answered_ahead_are_what_a_search_finds_until_the_notes_change() {
        let partners = crate::dataset::bundled().expect("the bundled dataset").partners;
        let index = Index::with_glossary(&partners, Glossary::bundled());
        let letter = |text: &str| Query::parse(text).expect("a query");
        assert!(index.answered(&letter("b")).is_none(), "nothing is answered before warming");
        index.warm();
        for c in 'a'..='z' {
            let query = letter(&c.to_string());
            let (hits, ids) = index.answered(&query).expect("every letter, for 38 partners");
            assert_eq!(hits, index.search(&query, &[], None), "{c}");
            let mut held: Vec<usize> = hits.iter().map(|h| h.index).collect();
            held.sort_unstable();
            assert_eq!(ids, held, "{c}");
        }
        assert!(index.answered(&letter("B")).is_some(), "the same query, folded");
        assert!(index.answered(&letter("bo")).is_none());
        assert!(index.answered(&letter("!b")).is_none());
        // A note holding a word that starts with z: the answer made before it would miss it.
        index.set_notes([(3, "zygomatic")]);
        assert!(index.answered(&letter("z")).is_none());
        let found = Searcher::default().search(&index, &letter("z"), &[]);
        assert!(found.iter().any(|h| h.index == 3 && h.in_note), "{found:?}");
    }

    #[test]
    fn a_packed_hit_unpacks_as_it_was() {
        for hit in [
            Hit { index: 0, score: 0, name_hit: false, in_note: false },
            Hit { index: 1_000_000, score: 52_999, name_hit: true, in_note: false },
            Hit { index: u32::MAX as usize, score: (1 << 30) - 1, name_hit: false, in_note: true },
        ] {
            assert_eq!(pack(hit).map(unpack), Some(hit));
        }
        assert_eq!(pack(Hit { index: 0, score: 1 << 30, name_hit: false, in_note: false }), None);
    }
}
