//! Single letters, found ahead. A one-letter term matches nearly every partner and narrows
//! from nothing: on a large dataset it is the slowest term to look for, and it is typed at the
//! start of every search and of every word after the first. While warming, the index finds
//! what each of the letters most names have a word starting with is found as in every partner
//! (the [`Slots`] a searcher keeps for the words typed), as far as a memory budget allows; a
//! search reads them instead of scanning.
//!
//! Owns which letters are found ahead. The slots are [`Index::matches`]'s, written as a search
//! of each letter would write them (in one pass over each text, see [`Index::scan_letters`]);
//! the notes play no part in them, so they hold for the life of the index.

use std::sync::Arc;

use rayon::prelude::*;

use super::index::Index;
use super::masks::char_mask;
use super::memo::Slots;

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
        let found: Vec<(char, Arc<Slots>)> = letters
            .into_iter()
            .take(room)
            .map(|(_, letter)| (letter, Arc::new(Slots::new(len))))
            .collect();
        // Each text read once for every letter: a search of each letter read every text 26
        // times (3.7 s at a million partners).
        (0..len).into_par_iter().for_each(|i| {
            let codes = index.scan_letters(i);
            for (letter, slots) in &found {
                slots.set(i, codes[(*letter as usize) - ('a' as usize)]);
            }
        });
        for (_, slots) in &found {
            // Every slot is written: the word lists need not be asked.
            slots.asked_in_vain();
        }
        Letters(found)
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
    use crate::search::memo::{Recent, Sought};
    use crate::search::{Glossary, Query, Searcher};

    #[test]
    fn letters_found_in_one_pass_are_what_a_search_of_each_finds() {
        let partners = crate::dataset::bundled().expect("the bundled dataset").partners;
        // Enough partners for a search to keep slots (from 2,048), some with letters standing
        // alone, next to letters no folding makes ASCII, as a whole short field.
        let mut many: Vec<_> = partners.iter().cycle().take(2100).cloned().collect();
        for (n, partner) in many.iter_mut().enumerate().take(40) {
            partner.name = ["Z 🦀 e-ß x", "ßeta a", "ωx y", "l’a b c"][n % 4].into();
            partner.acronym = Some(["q", "Q-Z", "ΣE", "K"][n % 4].into());
            partner.aliases = vec!["x".into(), "e ω e".into()];
            partner.location = Some("ĳ z".into());
        }
        let index = Index::with_glossary(&many, Glossary::bundled());
        let letters = Letters::find(&index);
        assert_eq!(letters.0.len(), 26, "every letter within the budget");
        for (letter, slots) in &letters.0 {
            let text = letter.to_string();
            let recent = Recent::default();
            index.matches(&Query::parse(&text).expect("a query"), &[], None, Some(&recent));
            let searched = recent.slots(index.number, &text, Sought::ByWords, index.len());
            for i in 0..index.len() {
                assert_eq!(slots.get(i), searched.get(i), "{letter} in partner {i}");
            }
        }
    }

    #[test]
    fn letters_found_first_need_nothing_else_warming_makes() {
        let partners = crate::dataset::bundled().expect("the bundled dataset").partners;
        let many: Vec<_> = partners.iter().cycle().take(4096).cloned().collect();
        let cold = Index::with_glossary(&many, Glossary::bundled());
        let lettered = Index::with_glossary(&many, Glossary::bundled());
        // What warming makes first: a letter typed meanwhile is read from them.
        lettered.find_letters();
        let mut searcher = Searcher::default();
        for text in ["e", "s", "u", "z"] {
            let query = Query::parse(text).expect("a query");
            let expected = cold.search(&query, &[], None);
            assert_eq!(searcher.search(&lettered, &query, &[]), expected, "{text}");
        }
        assert!(lettered.letters().slots("e").is_some(), "found");
        assert!(!lettered.has_vocabulary(), "a letter needs no words: warming makes them next");
    }

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
