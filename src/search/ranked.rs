//! The order of results: each hit and its place as one integer, sorted best first.
//!
//! Owns the ranking (score, then name hits, then the tie-break); what matches is
//! [`super::matching`]'s, the tie-break orders the index's.

use std::borrow::Cow;

use rayon::prelude::*;

use super::index::Hit;
use crate::PARALLEL_MIN;

/// A hit and its place in the results as one number, so sorting compares integers only:
/// from the high bits, the score (inverted), whether the name was missed, the tie-break rank.
/// The rank is the partner's alone (the tie-break orders every partner, or every hit when
/// the hits are ranked among themselves), so the partner is found again from it. Ranks are
/// below 2^31: an index of 2^31 partners would not fit in memory (each holds more than a
/// hundred bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct HitKey(u64);

impl HitKey {
    const RANK: u64 = (1 << 31) - 1;

    pub(super) fn new(hit: Hit, tie_break: u32) -> HitKey {
        HitKey(
            u64::from(!hit.score) << 32
                | u64::from(!hit.name_hit) << 31
                | u64::from(tie_break) & HitKey::RANK,
        )
    }

    #[allow(clippy::cast_possible_truncation)] // Masked to 31 bits.
    fn rank(self) -> usize {
        (self.0 & HitKey::RANK) as usize
    }
}

/// Ranks `keys` among themselves: each holds its partner's position in place of a rank, and
/// is given instead its partner's place among theirs in the order of `tie` (a key of the
/// partner, unique to it). Gives the partner at each rank.
pub(super) fn rank_among<T: Ord + Send>(
    keys: &mut [HitKey],
    tie: impl Fn(usize) -> T + Sync,
) -> Vec<u32> {
    let tied = |(k, key): (usize, &HitKey)| (tie(key.rank()), key.rank(), k);
    let order: Vec<(T, usize, usize)> = if keys.len() >= PARALLEL_MIN {
        let mut order: Vec<_> = keys.par_iter().enumerate().map(tied).collect();
        order.par_sort_unstable();
        order
    } else {
        let mut order: Vec<_> = keys.iter().enumerate().map(tied).collect();
        order.sort_unstable();
        order
    };
    let mut by_rank = Vec::with_capacity(order.len());
    for (rank, (_, partner, k)) in (0u32..).zip(order) {
        keys[k] = HitKey(keys[k].0 & !HitKey::RANK | u64::from(rank));
        by_rank.push(u32::try_from(partner).unwrap_or(u32::MAX));
    }
    by_rank
}

/// What [`super::index::Index::matches`] found.
pub(super) struct Matches<'i> {
    /// Every partner matching, in the order of the partners searched.
    keys: Vec<HitKey>,
    /// The partner at each rank of the keys' tie-break.
    by_rank: Cow<'i, [u32]>,
    /// The partners matching in the user's note better than in their fields, in index order.
    in_note: Vec<usize>,
}

/// The partner at the rank `key` holds.
fn partner(by_rank: &[u32], key: HitKey) -> usize {
    by_rank.get(key.rank()).map_or(usize::MAX, |&i| i as usize)
}

impl<'i> Matches<'i> {
    /// What a search found: `keys` in the order of the partners searched, `by_rank` the
    /// partner at each rank of their tie-break, `in_note` (in index order) those matching
    /// in the user's note better than in their fields.
    pub(super) fn new(
        keys: Vec<HitKey>,
        by_rank: Cow<'i, [u32]>,
        in_note: Vec<usize>,
    ) -> Matches<'i> {
        Matches { keys, by_rank, in_note }
    }

    /// The partners matching, in the order they were searched.
    pub(super) fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        self.keys.iter().map(|&key| partner(&self.by_rank, key))
    }

    /// The hits best first: by score, then name hits, then the tie-break.
    #[allow(clippy::cast_possible_truncation)] // The score is the key's upper half.
    pub(super) fn best_first(self) -> Vec<Hit> {
        let Matches { mut keys, by_rank, in_note } = self;
        if keys.len() >= PARALLEL_MIN {
            keys.par_sort_unstable();
        } else {
            keys.sort_unstable();
        }
        let hit = |&key: &HitKey| {
            let index = partner(&by_rank, key);
            Hit {
                index,
                score: !((key.0 >> 32) as u32),
                name_hit: key.0 >> 31 & 1 == 0,
                in_note: !in_note.is_empty() && in_note.binary_search(&index).is_ok(),
                lacks: None,
            }
        };
        if keys.len() >= PARALLEL_MIN {
            keys.par_iter().map(hit).collect()
        } else {
            keys.iter().map(hit).collect()
        }
    }
}
