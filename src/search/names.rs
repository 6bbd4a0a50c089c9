//! Partners by their whole name or alias, folded: a query that is one of them, word for word,
//! ranks its partner first. Looked up by a hash of the text, so that a search with many hits
//! asks nothing of each hit (reading each hit's name cost a million-partner key 30–40 ms).
//! And the acronyms of four letters, which a four-letter word with two letters swapped may be.
//!
//! Owns the tables and their lookups; what a name found is worth is [`super::index`]'s.

use std::hash::BuildHasher;

use foldhash::fast::FixedState;
use rayon::prelude::*;

use super::index::{ACRONYM, Index, NAME};

/// Every partner's folded name and aliases, each by a 32-bit hash of its text (8 bytes a name:
/// 10 MB at a million partners; a collision costs only a comparison), sorted.
pub(super) struct Names(Vec<(u32, u32)>);

#[allow(clippy::cast_possible_truncation)] // Half the hash is enough to look up by.
fn hash(text: &str) -> u32 {
    FixedState::with_seed(0).hash_one(text) as u32
}

impl Names {
    /// The table of `index`'s partners.
    pub(super) fn of(index: &Index) -> Names {
        let of_partner = |i: usize| {
            let partner = u32::try_from(i).unwrap_or(u32::MAX);
            let names = std::iter::once(index.field(i, NAME)).chain(index.aliases(i));
            names.map(move |text| (hash(text), partner))
        };
        let mut table: Vec<(u32, u32)> =
            (0..index.len()).into_par_iter().flat_map_iter(of_partner).collect();
        table.par_sort_unstable();
        Names(table)
    }

    /// The partners whose whole name or an alias is `phrase` (folded words with a space
    /// between), in index order.
    pub(super) fn find(&self, index: &Index, phrase: &str) -> Vec<usize> {
        let wanted = hash(phrase);
        let from = self.0.partition_point(|&(h, _)| h < wanted);
        let mut found: Vec<usize> = self.0[from..]
            .iter()
            .take_while(|&&(h, _)| h == wanted)
            .map(|&(_, i)| i as usize)
            .filter(|&i| index.field(i, NAME) == phrase || index.aliases(i).any(|a| a == phrase))
            .collect();
        found.dedup();
        found
    }
}

impl Index {
    /// Whether `word` (folded) is the acronym of a partner, four ASCII letters or digits long.
    pub(super) fn is_short_acronym(&self, word: &str) -> bool {
        self.short_acronyms().binary_search_by(|a| a.as_str().cmp(word)).is_ok()
    }

    /// The partners' acronyms of four ASCII letters or digits, sorted, each once.
    pub(super) fn short_acronyms(&self) -> &[String] {
        self.short_acronyms.get_or_init(|| {
            let four = |a: &&str| a.len() == 4 && a.bytes().all(|b| b.is_ascii_alphanumeric());
            let found = (0..self.len()).into_par_iter().map(|i| self.field(i, ACRONYM));
            let mut found: Vec<String> = found.filter(four).map(str::to_owned).collect();
            found.par_sort_unstable();
            found.dedup();
            found
        })
    }
}
