//! Single letters, found ahead. A one-letter term matches nearly every partner and narrows
//! from nothing: on a large dataset it is the slowest term to look for, and it is typed at the
//! start of every search and of every word after the first. While warming, the index finds
//! what each of the letters most names have a word starting with is found as in every partner
//! (the [`Slots`] a searcher keeps for the words typed), as far as a memory budget allows; a
//! search reads them instead of scanning.
//!
//! Owns which letters are found ahead. The slots are [`Index::matches`]'s, written as any
//! search writes them; the notes play no part in them, so they hold for the life of the index.

use std::sync::Arc;

use super::index::Index;
use super::masks::char_mask;
use super::memo::{Recent, Slots};
use super::query::Query;

/// At most this many bytes of slots are kept: every letter up to about 1.2 million partners
/// (104 MB at a million, 12 % of the file). With the six likeliest letters only, a query
/// starting with another (`ugap`) read every partner's text: 170 ms at a million.
const BUDGET: usize = 128 << 20;

/// The slots of single letters, by letter.
pub(super) struct Letters(Vec<(char, Arc<Slots>)>);

impl Letters {
    /// No letter found ahead.
    pub(super) const fn none() -> Letters {
        Letters(Vec::new())
    }

    /// Finds the letters from `a` to `z` most names have a word starting with, within the
    /// budget.
    pub(super) fn find(index: &Index) -> Letters {
        let len = index.len();
        let mut letters: Vec<(usize, char)> = ('a'..='z')
            .map(|letter| {
                let bit = char_mask(letter.encode_utf8(&mut [0; 4]));
                let starting = index.shorts.iter().filter(|s| s.initials & bit != 0).count();
                (starting, letter)
            })
            .collect();
        letters.sort_unstable_by(|a, b| b.cmp(a));
        let room = BUDGET / (len.max(1) * size_of::<u32>());
        let found = letters.into_iter().take(room).filter_map(|(_, letter)| {
            let text = letter.encode_utf8(&mut [0; 4]).to_owned();
            let query = Query::parse(&text).ok()?;
            // A search of every partner writes every slot.
            let recent = Recent::default();
            index.matches(&query, &[], None, Some(&recent));
            Some((letter, recent.kept(index.number, &text)?))
        });
        Letters(found.collect())
    }

    /// The slots of `term`, if it is a letter found ahead.
    pub(super) fn slots(&self, term: &str) -> Option<Arc<Slots>> {
        let mut chars = term.chars();
        let letter = chars.next().filter(|_| chars.next().is_none())?;
        self.0.iter().find(|(l, _)| *l == letter).map(|(_, slots)| Arc::clone(slots))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{Glossary, Searcher};

    #[test]
    fn letters_found_ahead_change_no_result() {
        let partners = crate::dataset::bundled().expect("the bundled dataset").partners;
        // Enough partners for a searcher to keep slots (from 2,048).
        let many: Vec<_> = partners.iter().cycle().take(4096).cloned().collect();
        let cold = Index::with_glossary(&many, Glossary::bundled());
        let warm = Index::with_glossary(&many, Glossary::bundled());
        warm.warm();
        let letters = warm.letters();
        assert!(letters.slots("e").is_some() && letters.slots("s").is_some(), "every letter");
        assert!(letters.slots("es").is_none() && letters.slots("").is_none());
        warm.set_notes([(3, "zygomatic")]);
        cold.set_notes([(3, "zygomatic")]);
        let mut searcher = Searcher::default();
        for text in ["z", "e", "s", "social e", "e s", "b | z", "!e", "^e", "e$"] {
            let query = Query::parse(text).expect("a query");
            let expected = cold.search(&query, &[], None);
            assert_eq!(searcher.search(&warm, &query, &[]), expected, "{text}");
        }
        let z = searcher.search(&warm, &Query::parse("z").expect("a query"), &[]);
        assert!(z.iter().any(|h| h.index == 3 && h.in_note), "a note is found as ever: {z:?}");
    }
}
