//! A text term made ready to be looked for in many partners, once per search: its searcher,
//! where an occurrence counts, and what the word lists and the memo tell of it.
//!
//! Owns the term's plan; how a partner is matched with it is [`super`]'s.

use std::sync::Arc;

use memchr::memmem;

use super::Quality;
use crate::search::fold::is_word_char;
use crate::search::fuzzy::FuzzyGate;
use crate::search::index::Field;
use crate::search::masks::mask_bit;
use crate::search::memo::Slots;
use crate::search::postings::Bits;
use crate::search::query::{Atom, FUZZY_MIN_CHARS, Mode, counts_inside_text};

/// A text term made ready to be looked for in many partners: built once per search.
pub(in crate::search) struct TermPlan {
    /// The folded term: never empty and without a newline (it comes from one token of the
    /// query), so no occurrence spans two fields and a partner's text is scanned in one pass.
    pub(super) term: String,
    /// A SIMD substring searcher for the term.
    pub(super) finder: memmem::Finder<'static>,
    /// A plain term long enough for fuzzy matching.
    pub(in crate::search) fuzzy: bool,
    /// Where an occurrence of it counts.
    reach: Reach,
    /// What a credible fuzzy hit needs of a partner's short fields.
    pub(in crate::search) gate: FuzzyGate,
    /// The partners whose words may hold the term (see [`super::postings`]), when known: the
    /// others need no scan.
    pub(in crate::search) occurs: Option<Arc<Bits>>,
    /// The same, in the name, acronym or aliases only.
    pub(in crate::search) in_short: Option<Arc<Bits>>,
    /// What the term was found as in each partner, kept between searches (see
    /// [`super::memo`]): for a large dataset.
    pub(in crate::search) found: Option<Arc<Slots>>,
    /// What a fuzzy term was found as by letters in each partner's short fields where it is
    /// not found by words, kept between searches: for a large dataset.
    pub(in crate::search) by_letters: Option<Arc<Slots>>,
    /// Whether it may be a whole word in some partner (not a hyphenated spelling that only
    /// ever starts one, as "social-e" in "social-economy").
    pub(in crate::search) whole: bool,
    /// Its bit when it is one ASCII letter or digit (it is a whole word only where that
    /// letter stands alone).
    pub(super) lone: Option<u64>,
    /// The bit of its first character when that is a letter or digit (an occurrence starts a
    /// word only where that character does).
    pub(super) starts_word: Option<u64>,
}

impl TermPlan {
    pub(in crate::search) fn of(atom: &Atom) -> Option<TermPlan> {
        match atom {
            Atom::Text { text, mode } => Some(TermPlan::new(text, *mode)),
            _ => None,
        }
    }

    pub(in crate::search) fn new(term: &str, mode: Mode) -> TermPlan {
        TermPlan {
            term: term.to_owned(),
            finder: memmem::Finder::new(term).into_owned(),
            fuzzy: mode == Mode::Fuzzy && term.chars().count() >= FUZZY_MIN_CHARS,
            reach: if counts_inside_text(term, mode) { Reach::Anywhere } else { Reach::Short },
            gate: FuzzyGate::of(term),
            occurs: None,
            in_short: None,
            found: None,
            by_letters: None,
            whole: true,
            lone: match term.as_bytes() {
                &[byte] => Some(mask_bit(char::from(byte))).filter(|&bit| bit != 0),
                _ => None,
            },
            starts_word: term
                .chars()
                .next()
                .filter(|c| is_word_char(*c))
                .map(mask_bit)
                .filter(|&bit| bit != 0),
        }
    }

    /// The folded term.
    pub(in crate::search) fn term(&self) -> &str {
        &self.term
    }

    /// Whether the term is an acronym (see [`Index::acronym`]): found only as a word.
    pub(in crate::search) fn is_acronym(&self) -> bool {
        self.reach == Reach::Acronym
    }

    /// Whether the term counts wherever it is, inside a word of any field too.
    pub(in crate::search) fn counts_anywhere(&self) -> bool {
        self.reach == Reach::Anywhere
    }

    /// Whether the term is looked for as `other` is (of the same term, the same way).
    pub(in crate::search) fn looks_as(&self, other: &TermPlan) -> bool {
        (self.fuzzy, self.whole, self.reach) == (other.fuzzy, other.whole, other.reach)
    }

    /// Makes the term count at word starts only in long texts (see [`Index::counts_inside`]).
    pub(in crate::search) fn set_word_starts_in_text(&mut self) {
        if self.reach == Reach::Anywhere {
            self.reach = Reach::Short;
        }
    }

    /// Makes the term an acronym (see [`Index::acronym`]).
    pub(in crate::search) fn set_acronym(&mut self) {
        self.reach = Reach::Acronym;
        self.fuzzy = false;
    }

    /// Whether an occurrence of the term as typed, found as `found`, is a match (see
    /// [`Reach`]).
    pub(super) fn counts(&self, (quality, field, _): (Quality, Field, u32)) -> bool {
        let least = match (self.reach, field) {
            (Reach::Acronym, _) => Quality::WholeWord,
            (Reach::Short, Field::Text) => Quality::WordPrefix,
            _ => Quality::Fuzzy,
        };
        quality >= least
    }
}

/// Where an occurrence of a term as typed counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// Anywhere, inside a word of any field too.
    Anywhere,
    /// Inside a word of a name, acronym or alias, but only at a word start in a long text
    /// (see [`counts_inside_text`]).
    Short,
    /// Only as a whole word, never by letters: an acronym (see [`Index::acronym`]).
    Acronym,
}
