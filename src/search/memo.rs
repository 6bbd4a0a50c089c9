//! What recent spellings were found as in each partner, kept from one keystroke to the next:
//! typing `social economy` looks for `social` in the same partners at every letter of
//! `economy`, and a glossary phrase looks again for words the query holds.
//!
//! Owns the per-partner slots and which spellings keep them; a [`super::Searcher`] owns one
//! [`Recent`]. What a slot means (a match's quality, field and place, coded in a `u32`) is
//! [`super::matching`]'s. A partner's folded text never changes, so a slot once written
//! holds for the life of the index; slots made on another index are let go.

use std::sync::atomic::{AtomicU8, AtomicU32, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

/// At most this many bytes of slots are kept, whatever the dataset's size (at a million
/// partners, eight spellings).
const BUDGET: usize = 32 << 20;

/// Slots kept for what a word scored need room for this many spellings' slots: below,
/// those of the spellings themselves are worth more.
const ROOMY: usize = 32;

/// Whether the budget holds slots for [`ROOMY`] spellings of `len` partners.
pub(super) fn roomy(len: usize) -> bool {
    BUDGET / (len.max(1) * size_of::<AtomicU32>()) >= ROOMY
}

/// The code of "not there", whoever found it.
pub(super) const NOTHING: u32 = 1;

/// The code of "not there, nor any longer term that starts with it", for a term looked for
/// by letters whose letters are not even in order at word starts (see [`super::fuzzy`]).
pub(super) const NOTHING_LONGER: u32 = 2;

/// The first code of a match (see [`super::matching`]).
pub(super) const FOUND: u32 = 3;

/// Kept while the word lists are read for a partner whose text is to be read.
const UNREAD: u32 = u32::MAX;

/// What the word lists were asked for a spelling: nothing yet, in vain, or where it is in
/// every partner.
const NOT_ASKED: u8 = 0;
const IN_VAIN: u8 = 1;
const TOLD: u8 = 2;

/// One spelling's slot for every partner: a code from [`super::matching`], or 0 while
/// unknown; once the word lists told where the spelling is, 0 is [`NOTHING`] (the lists
/// write only where it is), and a partner left to be read is marked so.
pub(super) struct Slots {
    codes: Box<[AtomicU32]>,
    asked: AtomicU8,
}

impl Slots {
    pub(super) fn new(len: usize) -> Slots {
        Slots { codes: (0..len).map(|_| AtomicU32::new(0)).collect(), asked: AtomicU8::new(0) }
    }

    /// Whether the word lists were asked (see [`Slots::told`]).
    pub(super) fn asked(&self) -> bool {
        self.asked.load(Ordering::Relaxed) != NOT_ASKED
    }

    /// Says that the word lists told where the spelling is, having written it with
    /// [`Slots::raise`] and [`Slots::unread`].
    pub(super) fn told(&self) {
        self.asked.store(TOLD, Ordering::Relaxed);
    }

    /// Says that the word lists were asked, and could not tell.
    pub(super) fn asked_in_vain(&self) {
        self.asked.store(IN_VAIN, Ordering::Relaxed);
    }

    /// Keeps `code` for partner `i` if it is higher than the one kept. Only one thread may
    /// raise a partner's slot at a time.
    pub(super) fn raise(&self, i: usize, code: u32) {
        if let Some(slot) = self.codes.get(i)
            && slot.load(Ordering::Relaxed) < code
        {
            slot.store(code, Ordering::Relaxed);
        }
    }

    /// Says that partner `i`'s text is to be read, whatever the word lists say of it.
    pub(super) fn unread(&self, i: usize) {
        self.raise(i, UNREAD);
    }

    /// The code kept for partner `i`, if one is.
    pub(super) fn get(&self, i: usize) -> Option<u32> {
        match self.codes.get(i)?.load(Ordering::Relaxed) {
            UNREAD => None,
            0 if self.asked.load(Ordering::Relaxed) == TOLD => Some(NOTHING),
            0 => None,
            code => Some(code),
        }
    }

    /// Keeps `code` (not 0) for partner `i`. Any thread may write: all write the same code.
    pub(super) fn set(&self, i: usize, code: u32) {
        if let Some(slot) = self.codes.get(i) {
            slot.store(code, Ordering::Relaxed);
        }
    }
}

/// The slots of the spellings looked for most recently, newest last, with the index (by
/// [`super::Index`]'s number) they were made on.
#[derive(Default)]
pub(super) struct Recent {
    kept: Mutex<Kept>,
}

/// What a spelling's slots keep: where it is found by words (see [`super::postings`]), or,
/// for a fuzzy term not found by words, its best fuzzy hit in the short fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sought {
    ByWords,
    ByLetters,
    /// What a query group (see [`super::expand::GroupPlan::signature`]) scored.
    GroupScore,
    /// What a word with its spellings (see [`super::expand::WordPlan::signature`]) scored.
    WordScore,
}

/// An index's number, and its spellings with their slots.
type Kept = (u64, Vec<((String, Sought), Arc<Slots>)>);

impl Recent {
    /// The spellings kept for index number `index`: none if they were made on another.
    fn on(&self, index: u64) -> std::sync::MutexGuard<'_, Kept> {
        let mut kept = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        if kept.0 != index {
            *kept = (index, Vec::new());
        }
        kept
    }

    /// The slots of `term`, `sought` so, over the `len` partners of index number `index`:
    /// those kept, else new ones (the oldest spelling is let go when the budget is spent).
    pub(super) fn slots(&self, index: u64, term: &str, sought: Sought, len: usize) -> Arc<Slots> {
        let mut guard = self.on(index);
        let kept = &mut guard.1;
        let slots = match kept.iter().position(|((t, s), _)| t == term && *s == sought) {
            Some(at) => kept.remove(at).1,
            None => Arc::new(Slots::new(len)),
        };
        let most = (BUDGET / (len.max(1) * size_of::<AtomicU32>())).max(1);
        while kept.len() >= most {
            kept.remove(0);
        }
        kept.push(((term.to_owned(), sought), Arc::clone(&slots)));
        slots
    }

    /// The slots of `term`, `sought` so, on index number `index`, if they are kept.
    pub(super) fn kept(&self, index: u64, term: &str, sought: Sought) -> Option<Arc<Slots>> {
        let guard = self.on(index);
        let kept = guard.1.iter().find(|((t, s), _)| t == term && *s == sought);
        kept.map(|(_, slots)| Arc::clone(slots))
    }
}

/// A copy that goes its own way: its slots are copied, not shared.
impl Clone for Recent {
    fn clone(&self) -> Recent {
        let kept = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        let copy = |slots: &Slots| {
            let codes = slots.codes.iter().map(|s| AtomicU32::new(s.load(Ordering::Relaxed)));
            let asked = AtomicU8::new(slots.asked.load(Ordering::Relaxed));
            Arc::new(Slots { codes: codes.collect(), asked })
        };
        let spellings = kept.1.iter().map(|(term, slots)| (term.clone(), copy(slots))).collect();
        Recent { kept: Mutex::new((kept.0, spellings)) }
    }
}

impl std::fmt::Debug for Recent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kept = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        f.debug_list().entries(kept.1.iter().map(|(spelling, _)| spelling)).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::Sought::{ByLetters, ByWords};
    use super::*;

    #[test]
    fn slots_are_kept_per_spelling_within_the_budget() {
        let recent = Recent::default();
        let social = recent.slots(1, "social", ByWords, 10);
        assert_eq!(social.get(3), None);
        social.set(3, 7);
        assert_eq!(
            recent.slots(1, "social", ByWords, 10).get(3),
            Some(7),
            "the same spelling's slots"
        );
        assert_eq!(recent.slots(1, "economy", ByWords, 10).get(3), None, "another spelling's own");
        assert_eq!(social.get(99), None, "out of range is unknown");
        let by_letters = recent.slots(1, "social", ByLetters, 10);
        assert_eq!(by_letters.get(3), None, "found by letters is kept apart");
        by_letters.set(3, 8);
        assert_eq!(recent.slots(1, "social", ByWords, 10).get(3), Some(7));
        assert!(
            recent.kept(1, "social", ByWords).is_some()
                && recent.kept(1, "other", ByWords).is_none()
        );
        // A copy goes its own way.
        let copy = recent.clone();
        copy.slots(1, "social", ByWords, 10).set(3, 9);
        assert_eq!(recent.slots(1, "social", ByWords, 10).get(3), Some(7));
        // Another index: nothing kept holds.
        assert!(recent.kept(2, "social", ByWords).is_none());
        assert!(recent.kept(1, "social", ByWords).is_none(), "let go");
        // A million partners: eight spellings fit the budget; the oldest goes first.
        let big = Recent::default();
        for term in ["a", "b", "c", "d", "e", "f", "g", "h"] {
            big.slots(1, term, ByWords, 1_000_000).set(0, 1);
        }
        assert_eq!(big.slots(1, "a", ByWords, 1_000_000).get(0), Some(1), "eight are kept");
        big.slots(1, "i", ByWords, 1_000_000);
        assert_eq!(big.slots(1, "c", ByWords, 1_000_000).get(0), Some(1), "the newer are kept");
        assert_eq!(big.slots(1, "b", ByWords, 1_000_000).get(0), None, "the oldest was let go");
    }
}
