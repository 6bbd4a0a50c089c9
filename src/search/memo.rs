//! What recent spellings were found as in each partner, kept from one keystroke to the next:
//! typing `social economy` looks for `social` in the same partners at every letter of
//! `economy`, and a glossary phrase looks again for words the query holds.
//!
//! Owns the per-partner slots and which spellings keep them. What a slot means (a match's
//! quality, field and place, coded in a `u32`) is [`super::matching`]'s. A partner's folded
//! text never changes, so a slot once written holds for the life of the index.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

/// At most this many bytes of slots are kept, whatever the dataset's size (at a million
/// partners, eight spellings).
const BUDGET: usize = 32 << 20;

/// One spelling's slot for every partner: 0 while unknown, else a code from
/// [`super::matching`].
pub(super) struct Slots(Box<[AtomicU32]>);

impl Slots {
    /// The code kept for partner `i`, if one is.
    pub(super) fn get(&self, i: usize) -> Option<u32> {
        self.0.get(i).map(|slot| slot.load(Ordering::Relaxed)).filter(|&code| code != 0)
    }

    /// Keeps `code` (not 0) for partner `i`. Any thread may write: all write the same code.
    pub(super) fn set(&self, i: usize, code: u32) {
        if let Some(slot) = self.0.get(i) {
            slot.store(code, Ordering::Relaxed);
        }
    }
}

/// The slots of the spellings looked for most recently, newest last.
#[derive(Default)]
pub(super) struct Recent {
    kept: Mutex<Vec<(String, Arc<Slots>)>>,
}

impl Recent {
    /// The slots of `term` over `len` partners: those kept, else new ones (the oldest
    /// spelling is let go when the budget is spent).
    pub(super) fn slots(&self, term: &str, len: usize) -> Arc<Slots> {
        let mut kept = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        let slots = match kept.iter().position(|(t, _)| t == term) {
            Some(at) => kept.remove(at).1,
            None => Arc::new(Slots((0..len).map(|_| AtomicU32::new(0)).collect())),
        };
        let most = (BUDGET / (len.max(1) * size_of::<AtomicU32>())).max(1);
        while kept.len() >= most {
            kept.remove(0);
        }
        kept.push((term.to_owned(), Arc::clone(&slots)));
        slots
    }

    /// The slots of `term` if they are kept.
    pub(super) fn kept(&self, term: &str) -> Option<Arc<Slots>> {
        let kept = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        kept.iter().find(|(t, _)| t == term).map(|(_, slots)| Arc::clone(slots))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_kept_per_spelling_within_the_budget() {
        let recent = Recent::default();
        let social = recent.slots("social", 10);
        assert_eq!(social.get(3), None);
        social.set(3, 7);
        assert_eq!(recent.slots("social", 10).get(3), Some(7), "the same spelling's slots");
        assert_eq!(recent.slots("economy", 10).get(3), None, "another spelling's own");
        assert_eq!(social.get(99), None, "out of range is unknown");
        assert!(recent.kept("social").is_some() && recent.kept("other").is_none());
        // A million partners: eight spellings fit the budget; the oldest goes first.
        let big = Recent::default();
        for term in ["a", "b", "c", "d", "e", "f", "g", "h"] {
            big.slots(term, 1_000_000).set(0, 1);
        }
        assert_eq!(big.slots("a", 1_000_000).get(0), Some(1), "eight are kept");
        big.slots("i", 1_000_000);
        assert_eq!(big.slots("c", 1_000_000).get(0), Some(1), "the newer are kept");
        assert_eq!(big.slots("b", 1_000_000).get(0), None, "the oldest was let go");
    }
}
