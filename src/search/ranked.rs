//! The order of results: each hit and its place as one integer, sorted best first.
//!
//! Owns the ranking (score, then name hits, then the tie-break); what matches is
//! [`super::matching`]'s, the tie-break orders the index's.

use std::sync::{Arc, OnceLock};

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

/// At most this many distinct scores (with or without a name hit) are sorted by groups: more
/// is rare (fuzzy scores vary most) and sorts as well by comparing.
const GROUPS_MAX: usize = 1024;

/// Sorts `keys` best first. Their ranks are distinct and below `ranks`: the keys fall into
/// few groups of equal score and name hit, and a large group is put in rank order by marking
/// its ranks in a bitmap and reading them back, without comparing keys, and smaller ones are
/// sorted apart, in parallel. At a million partners this takes 10–15 ms of CPU less than
/// sorting all the keys by comparing them (an empty query's search: 37 → 22 ms).
pub(super) fn sort_best_first(keys: &mut [HitKey], ranks: usize) {
    if keys.len() < PARALLEL_MIN {
        keys.sort_unstable();
        return;
    }
    let Some((groups, of_key)) = grouped(keys) else {
        keys.par_sort_unstable();
        return;
    };
    // Each group's keys together, the groups best first.
    let mut starts: Vec<usize> =
        groups.iter().scan(0, |at, &(_, n)| Some(std::mem::replace(at, *at + n))).collect();
    let unsorted = keys.to_vec();
    for (key, &group) in unsorted.iter().zip(&of_key) {
        keys[starts[usize::from(group)]] = *key;
        starts[usize::from(group)] += 1;
    }
    let mut slices = Vec::with_capacity(groups.len());
    let mut rest = keys;
    for &(_, n) in &groups {
        let (slice, after) = rest.split_at_mut(n);
        slices.push(slice);
        rest = after;
    }
    slices.into_par_iter().for_each(|slice| sort_group(slice, ranks));
}

/// A group's score and name hit (a key's upper bits), and how many keys it has.
type Group = (u64, usize);

/// The distinct groups of `keys` (score and name hit), best first, each with how many keys it
/// has; and each key's group. None past [`GROUPS_MAX`].
fn grouped(keys: &[HitKey]) -> Option<(Vec<Group>, Vec<u16>)> {
    let mut found: foldhash::HashMap<u64, u16> = foldhash::HashMap::default();
    let mut groups: Vec<Group> = Vec::new();
    let mut of_key = Vec::with_capacity(keys.len());
    for key in keys {
        let head = key.0 >> 31;
        let next = u16::try_from(groups.len()).ok()?;
        let group = *found.entry(head).or_insert(next);
        if group == next {
            if groups.len() == GROUPS_MAX {
                return None;
            }
            groups.push((head, 0));
        }
        groups[usize::from(group)].1 += 1;
        of_key.push(group);
    }
    // Renumbered best first.
    let mut order: Vec<u16> = (0..u16::try_from(groups.len()).ok()?).collect();
    order.sort_unstable_by_key(|&g| groups[usize::from(g)].0);
    let mut place = vec![0u16; order.len()];
    for (at, &g) in (0u16..).zip(&order) {
        place[usize::from(g)] = at;
    }
    for group in &mut of_key {
        *group = place[usize::from(*group)];
    }
    let groups = order.iter().map(|&g| groups[usize::from(g)]).collect();
    Some((groups, of_key))
}

/// Puts `keys`, of one group and ranks below `ranks`, in rank order: through a bitmap of the
/// ranks when they are many among `ranks` (it costs `ranks / 64` words), else by comparing.
fn sort_group(keys: &mut [HitKey], ranks: usize) {
    let Some(&first) = keys.first() else { return };
    if keys.len() < PARALLEL_MIN || keys.len() < ranks / 64 {
        keys.sort_unstable();
        return;
    }
    let mut bits = vec![0u64; ranks.div_ceil(64)];
    for key in keys.iter() {
        let rank = key.rank();
        if let Some(word) = bits.get_mut(rank / 64) {
            *word |= 1 << (rank % 64);
        }
    }
    // Ranks are distinct: were two equal (or one out of range), the bitmap would lose a key.
    if bits.iter().map(|w| w.count_ones() as usize).sum::<usize>() != keys.len() {
        keys.sort_unstable();
        return;
    }
    let head = first.0 & !HitKey::RANK;
    let mut at = 0;
    for (w, &word) in (0u64..).zip(&bits) {
        let mut word = word;
        while word != 0 {
            let rank = w * 64 + u64::from(word.trailing_zeros());
            keys[at] = HitKey(head | rank);
            at += 1;
            word &= word - 1;
        }
    }
}

/// What [`super::index::Index::matches`] found.
pub(super) struct Matches {
    /// Every partner matching, in the order of the partners searched.
    keys: Vec<HitKey>,
    /// The partner at each rank of the keys' tie-break.
    by_rank: Arc<[u32]>,
    /// The partners matching in the user's note better than in their fields, in index order.
    in_note: Vec<usize>,
}

/// The partner at the rank `key` holds.
fn partner(by_rank: &[u32], key: HitKey) -> usize {
    by_rank.get(key.rank()).map_or(usize::MAX, |&i| i as usize)
}

/// The hit a key stands for.
#[allow(clippy::cast_possible_truncation)] // The score is the key's upper half.
fn hit_of(key: HitKey, by_rank: &[u32], in_note: &[usize]) -> Hit {
    let index = partner(by_rank, key);
    Hit {
        index,
        score: !((key.0 >> 32) as u32),
        name_hit: key.0 >> 31 & 1 == 0,
        in_note: !in_note.is_empty() && in_note.binary_search(&index).is_ok(),
        lacks: None,
    }
}

/// The hits `keys` stand for, in their order.
fn hits(keys: &[HitKey], by_rank: &[u32], in_note: &[usize]) -> Vec<Hit> {
    let hit = |&key: &HitKey| hit_of(key, by_rank, in_note);
    if keys.len() >= PARALLEL_MIN {
        keys.par_iter().map(hit).collect()
    } else {
        keys.iter().map(hit).collect()
    }
}

impl Matches {
    /// What a search found: `keys` in the order of the partners searched, `by_rank` the
    /// partner at each rank of their tie-break, `in_note` (in index order) those matching
    /// in the user's note better than in their fields.
    pub(super) fn new(keys: Vec<HitKey>, by_rank: Arc<[u32]>, in_note: Vec<usize>) -> Matches {
        Matches { keys, by_rank, in_note }
    }

    /// How many partners match.
    pub(super) fn len(&self) -> usize {
        self.keys.len()
    }

    /// The partners matching, in the order they were searched.
    pub(super) fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        self.keys.iter().map(|&key| partner(&self.by_rank, key))
    }

    /// The hits best first: by score, then name hits, then the tie-break.
    pub(super) fn best_first(self) -> Vec<Hit> {
        let Matches { mut keys, by_rank, in_note } = self;
        sort_best_first(&mut keys, by_rank.len());
        hits(&keys, &by_rank, &in_note)
    }

    /// The hits best first, the first [`TOP`] put in order now and the rest when read.
    pub(super) fn ranked(self) -> Ranked {
        let Matches { mut keys, by_rank, in_note } = self;
        if keys.len() < LAZY_MIN {
            return Ranked::from(Matches { keys, by_rank, in_note }.best_first());
        }
        // The best of each part, then the best of those: every key past the last of them is
        // in the rest.
        let part = keys.len().div_ceil(rayon::current_num_threads().max(1)).max(TOP);
        let mut best: Vec<HitKey> = keys
            .par_chunks_mut(part)
            .flat_map_iter(|part| {
                if part.len() > TOP {
                    part.select_nth_unstable(TOP - 1);
                }
                part[..TOP.min(part.len())].to_vec()
            })
            .collect();
        best.sort_unstable();
        best.truncate(TOP);
        let last = best.last().copied();
        let top = hits(&best, &by_rank, &in_note);
        let len = keys.len();
        let rest = Some(Arc::new(Rest { keys, last, by_rank, in_note }));
        Ranked { len, top, all: Arc::default(), rest }
    }
}

/// Hits of at least this many are put in order only as far as they are read.
const LAZY_MIN: usize = 4 * TOP;

/// How many hits are put in order at once: more than a screen of the tallest terminal holds,
/// so scrolling a few pages reads no further.
pub const TOP: usize = 1024;

/// Search results best first (by score, then name hits, then the tie-break), put in order
/// only as far as they are read: the first [`TOP`] when found, every other when one past
/// them is read, or aside (see [`Ranked::order_aside`]). At a million hits, sorting them all
/// and making each a [`Hit`] took a third of a keystroke, for the one screen of them shown.
/// A clone shares what its original put in order.
#[derive(Clone)]
pub struct Ranked {
    /// How many hits there are.
    len: usize,
    /// The first hits, in order.
    top: Vec<Hit>,
    /// Every hit in order, once one past `top` was read or they were put in order aside.
    all: Arc<OnceLock<Vec<Hit>>>,
    /// What the hits past `top` are made from: none when `top` holds them all.
    rest: Option<Arc<Rest>>,
}

/// The hits of [`Ranked`] past its top, not yet in order.
struct Rest {
    /// Every hit's key (the top's among them), in no order.
    keys: Vec<HitKey>,
    /// The key of the top's last hit: the rest are past it.
    last: Option<HitKey>,
    by_rank: Arc<[u32]>,
    in_note: Vec<usize>,
}

impl From<Vec<Hit>> for Ranked {
    /// Hits already in order.
    fn from(hits: Vec<Hit>) -> Ranked {
        Ranked { len: hits.len(), top: hits, all: Arc::default(), rest: None }
    }
}

impl Default for Ranked {
    fn default() -> Ranked {
        Ranked::from(Vec::new())
    }
}

impl Ranked {
    /// How many hits there are.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The best hit.
    pub fn first(&self) -> Option<&Hit> {
        self.top.first()
    }

    /// The hit at `position`, best first (none past the last, without sorting for it).
    pub fn get(&self, position: usize) -> Option<&Hit> {
        if position >= self.len {
            return None;
        }
        self.top.get(position).or_else(|| self.all().get(position))
    }

    /// The hits at `positions` (as many as there are), best first; in order past the top
    /// only when read.
    pub fn slice(&self, positions: std::ops::Range<usize>) -> &[Hit] {
        let end = positions.end.min(self.len);
        let start = positions.start.min(end);
        if end <= self.top.len() { &self.top[start..end] } else { &self.all()[start..end] }
    }

    /// Where the first hit `found` says yes to is, best first. Past the top, the rest are
    /// not put in order for it: a partner no longer found (the selection kept across a new
    /// search, a partner followed to) would otherwise cost sorting every hit.
    pub fn position(&self, found: impl Fn(&Hit) -> bool) -> Option<usize> {
        if let Some(position) = self.top.iter().position(&found) {
            return Some(position);
        }
        let rest = self.rest.as_ref()?;
        let top = self.top.len();
        if let Some(all) = self.all.get() {
            return all[top..].iter().position(found).map(|p| p + top);
        }
        let past = |key: &HitKey| rest.last.is_none_or(|last| *key > last);
        let first = rest
            .keys
            .iter()
            .filter(|key| past(key) && found(&hit_of(**key, &rest.by_rank, &rest.in_note)))
            .min()?;
        // As many keys as are between the top and it come before it.
        Some(top + rest.keys.iter().filter(|key| past(key) && *key < first).count())
    }

    /// Every hit, best first.
    pub fn all(&self) -> &[Hit] {
        let Some(rest) = &self.rest else { return &self.top };
        self.all.get_or_init(|| rest.after(&self.top))
    }

    /// Whether every hit is in order already: reading past the top costs nothing.
    pub fn in_order(&self) -> bool {
        self.rest.is_none() || self.all.get().is_some()
    }

    /// What puts every hit in order, for another thread to run while these results are
    /// shown (the browser's thread then never waits for it when scrolling past the top);
    /// it does nothing once they are dropped, clones and all, and holds none of them alive.
    /// None when nothing is left to put in order.
    ///
    /// The order is made before it is kept, not while: a thread of low priority making it
    /// would otherwise keep the browser's thread waiting if it read past the top meanwhile.
    /// That thread makes it for itself then, and whichever is first keeps its own.
    pub fn order_aside(&self) -> Option<impl FnOnce() + Send + 'static> {
        let rest = Arc::downgrade(self.rest.as_ref().filter(|_| !self.in_order())?);
        let (all, top) = (Arc::downgrade(&self.all), self.top.clone());
        Some(move || {
            let unordered = all.upgrade().is_some_and(|all| all.get().is_none());
            let Some(rest) = rest.upgrade().filter(|_| unordered) else { return };
            let ordered = rest.after(&top);
            drop(rest);
            if let Some(all) = all.upgrade() {
                let _ = all.set(ordered);
            }
        })
    }

    /// Every hit, best first.
    pub fn into_vec(self) -> Vec<Hit> {
        if self.rest.is_none() {
            return self.top;
        }
        self.all();
        match Arc::try_unwrap(self.all) {
            Ok(all) => all.into_inner().unwrap_or_default(),
            Err(shared) => shared.get().cloned().unwrap_or_default(),
        }
    }
}

impl Rest {
    /// `top`, then the hits past it in order.
    fn after(&self, top: &[Hit]) -> Vec<Hit> {
        let past = |key: &&HitKey| self.last.is_none_or(|last| **key > last);
        let mut keys: Vec<HitKey> = if self.keys.len() >= PARALLEL_MIN {
            self.keys.par_iter().filter(past).copied().collect()
        } else {
            self.keys.iter().filter(past).copied().collect()
        };
        sort_best_first(&mut keys, self.by_rank.len());
        let mut all = Vec::with_capacity(top.len() + keys.len());
        all.extend_from_slice(top);
        all.extend(hits(&keys, &self.by_rank, &self.in_note));
        all
    }
}

impl std::ops::Index<usize> for Ranked {
    type Output = Hit;

    fn index(&self, position: usize) -> &Hit {
        self.get(position).unwrap_or_else(|| panic!("no hit at {position} of {}", self.len))
    }
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Ranked) -> bool {
        self.len == other.len && self.all() == other.all()
    }
}

impl Eq for Ranked {}

impl std::fmt::Debug for Ranked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ranked")
            .field("len", &self.len)
            .field("top", &self.top)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` keys of distinct ranks below `ranks` (shuffled), their scores from `score` and
    /// every third missing the name.
    fn keys(n: usize, ranks: usize, score: impl Fn(u64) -> u32) -> Vec<HitKey> {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let step = ranks / n;
        let mut below = |n: usize| usize::try_from(next() >> 40).unwrap_or_default() % n;
        let mut picked: Vec<usize> = (0..n).map(|k| k * step + below(step)).collect();
        for k in (1..picked.len()).rev() {
            picked.swap(k, below(k + 1));
        }
        let key = |rank: usize| {
            let hit = Hit {
                index: 0,
                score: score(next()),
                name_hit: !rank.is_multiple_of(3),
                in_note: false,
                lacks: None,
            };
            HitKey::new(hit, u32::try_from(rank).expect("a small rank"))
        };
        picked.into_iter().map(key).collect()
    }

    fn sorts_as_comparing(mut keys: Vec<HitKey>, ranks: usize) {
        let mut expected = keys.clone();
        expected.sort_unstable();
        sort_best_first(&mut keys, ranks);
        assert!(keys == expected, "{} keys of {ranks} ranks sorted otherwise", keys.len());
    }

    #[test]
    fn keys_sort_best_first_whatever_their_groups() {
        // Few groups, ranks dense: large groups go through the bitmap.
        sorts_as_comparing(keys(50_000, 60_000, |r| (r % 3) as u32 * 100), 60_000);
        // One group: every partner, in name order.
        sorts_as_comparing(keys(20_000, 20_000, |_| 0), 20_000);
        // Hundreds of small groups, sorted each by comparing.
        sorts_as_comparing(keys(30_000, 40_000, |r| (r % 500) as u32), 40_000);
        // More groups than are sorted by groups.
        sorts_as_comparing(keys(30_000, 40_000, |r| (r % 5_000) as u32), 40_000);
        // Few keys among many ranks.
        sorts_as_comparing(keys(5_000, 2_000_000, |r| (r % 2) as u32), 2_000_000);
        // Too few keys to group.
        sorts_as_comparing(keys(100, 1_000, |r| (r % 7) as u32), 1_000);
    }

    /// `keys` sorted by comparing, as hits (partner = rank), those in `in_note` so marked.
    fn sorted_hits(keys: &[HitKey], by_rank: &[u32], in_note: &[usize]) -> Vec<Hit> {
        let mut sorted = keys.to_vec();
        sorted.sort_unstable();
        sorted.iter().map(|&key| hit_of(key, by_rank, in_note)).collect()
    }

    #[test]
    fn ranked_hits_read_as_if_all_were_sorted() {
        let ranks = 60_000;
        let by_rank: Arc<[u32]> = (0..u32::try_from(ranks).expect("small")).collect();
        let shuffled = keys(20_000, ranks, |r| (r % 7) as u32 * 10);
        let mut ascending = shuffled.clone();
        ascending.sort_unstable();
        let mut descending = ascending.clone();
        descending.reverse();
        // The best all in one part, in the last, or spread.
        for keys in [shuffled, ascending, descending] {
            let in_note: Vec<usize> =
                vec![partner(&by_rank, keys[3]), partner(&by_rank, keys[9_000])];
            let expected = sorted_hits(&keys, &by_rank, &in_note);
            let ranked = Matches::new(keys, Arc::clone(&by_rank), in_note).ranked();
            assert_eq!(ranked.len(), expected.len());
            assert_eq!(ranked.first(), expected.first());
            assert_eq!(ranked.slice(0..TOP), &expected[..TOP]);
            assert_eq!(ranked.slice(40..80), &expected[40..80]);
            let deep = expected[15_000].index;
            assert_eq!(ranked.position(|h| h.index == expected[500].index), Some(500));
            assert_eq!(ranked.position(|h| h.index == usize::MAX), None);
            assert_eq!(ranked.get(expected.len()), None);
            assert_eq!(ranked.position(|h| h.index == deep), Some(15_000));
            assert!(ranked.all.get().is_none(), "the top is read without sorting the rest");
            let copy = ranked.clone();
            assert_eq!(ranked.slice(TOP - 5..TOP + 5), &expected[TOP - 5..TOP + 5]);
            assert_eq!(ranked.position(|h| h.index == deep), Some(15_000));
            assert_eq!(ranked.get(expected.len() - 1), expected.last());
            assert_eq!(ranked.get(expected.len()), None);
            assert_eq!(ranked.slice(19_990..30_000), &expected[19_990..]);
            assert_eq!(copy.position(|h| h.index == deep), Some(15_000));
            assert_eq!(ranked.clone(), copy);
            assert_eq!(copy.into_vec(), expected);
            assert_eq!(ranked.into_vec(), expected);
        }
    }

    #[test]
    fn hits_put_in_order_aside_are_read_without_sorting() {
        let by_rank: Arc<[u32]> = (0..60_000).collect();
        let keys = keys(20_000, 60_000, |r| (r % 7) as u32 * 10);
        let expected = sorted_hits(&keys, &by_rank, &[]);
        let ranked = Matches::new(keys.clone(), Arc::clone(&by_rank), Vec::new()).ranked();
        assert!(!ranked.in_order());
        let copy = ranked.clone();
        let order = ranked.order_aside().expect("hits past the top to put in order");
        std::thread::spawn(order).join().expect("put in order");
        assert!(ranked.in_order() && copy.in_order(), "clones share the order");
        assert!(ranked.order_aside().is_none(), "nothing left to do");
        assert_eq!(ranked.all(), expected.as_slice());
        assert_eq!(copy.into_vec(), expected);
        // Results dropped before their turn come: nothing is done for them.
        let dropped = Matches::new(keys, by_rank, Vec::new()).ranked();
        let order = dropped.order_aside().expect("hits past the top to put in order");
        let all = Arc::downgrade(&dropped.all);
        let rest = Arc::downgrade(dropped.rest.as_ref().expect("hits past the top"));
        drop(dropped);
        assert!(rest.upgrade().is_none(), "their keys go with them, though not yet put in order");
        order();
        assert!(all.upgrade().is_none());
        assert!(Ranked::from(expected).order_aside().is_none(), "in order from the start");
    }

    #[test]
    fn few_ranked_hits_are_sorted_at_once() {
        let by_rank: Arc<[u32]> = (0..10_000).collect();
        let keys = keys(LAZY_MIN - 1, 10_000, |r| (r % 3) as u32);
        let expected = sorted_hits(&keys, &by_rank, &[]);
        let ranked = Matches::new(keys, by_rank, Vec::new()).ranked();
        assert!(ranked.rest.is_none());
        assert_eq!(ranked.all(), expected.as_slice());
        assert_eq!(Ranked::default().slice(0..10), &[]);
        assert_eq!(Ranked::default().position(|_| true), None);
    }

    #[test]
    fn equal_keys_are_all_kept() {
        // Ranks are distinct by construction; were two equal, the bitmap must not lose one.
        let mut twice = keys(10_000, 10_000, |_| 7);
        twice.extend(twice.clone());
        sorts_as_comparing(twice, 10_000);
    }
}
