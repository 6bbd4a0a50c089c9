//! Partners like a given one that no relation links to it: those sharing the most topics,
//! then its kind, then its scope. They let browsing go on from a partner whose entry states
//! no relation; the detail pane lists them after the relations, clearly as similar, and Enter
//! follows them as it follows relations (both read [`Catalog::leads`]).

use super::{Catalog, Link};
use crate::dataset::{Kind, Scope, Topic};

/// How many similar partners the detail lists.
pub const SIMILAR_COUNT: usize = 4;

/// A partner like another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Similar {
    /// Its index in the catalog.
    pub index: usize,
    /// The topics both have, in the order of the partner shown.
    pub topics: Vec<Topic>,
    /// Whether it is of the same kind.
    pub same_kind: bool,
    /// Whether it has the same scope.
    pub same_scope: bool,
}

/// Something the detail pane lists that Enter can follow, in the order shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lead<'a> {
    /// A relation stated by either partner.
    Relation(Link<'a>),
    /// A partner like this one.
    Similar(Similar),
}

impl Lead<'_> {
    /// The partner it leads to, when it is one.
    pub fn target(&self) -> Option<usize> {
        match self {
            Lead::Relation(link) => link.target,
            Lead::Similar(similar) => Some(similar.index),
        }
    }
}

fn topic_mask(topics: &[Topic]) -> u64 {
    topics.iter().fold(0, |mask, &t| mask | 1 << (t as u64))
}

/// What similarity reads of a partner, packed: a pass over 100 000 of these reads 1.6 MB,
/// not every partner's record.
#[derive(Debug, Clone, Copy)]
struct Traits {
    topics: u64,
    kind: Kind,
    scope: Scope,
}

/// What [`Catalog::similar`] keeps: every partner's traits (made on first use) and the last
/// answer, by partner and count.
#[derive(Debug, Default)]
pub(super) struct Memo {
    traits: Vec<Traits>,
    last: Option<(usize, usize, Vec<Similar>)>,
}

impl Catalog {
    /// Up to `n` partners like partner `index` that no relation links to it: most topics in
    /// common first, then same kind, then same scope, then in dataset order. A partner with no
    /// topic in common and of another kind is not similar. One pass over the catalog keeping
    /// the best `n`, so a large catalog costs no sort and no allocation per partner.
    pub fn similar(&self, index: usize, n: usize) -> Vec<Similar> {
        let mut memo = self.similar_memo.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((i, count, found)) = memo.last.as_ref()
            && (*i, *count) == (index, n)
        {
            return found.clone();
        }
        if memo.traits.len() != self.partners().len() {
            memo.traits = self
                .partners()
                .iter()
                .map(|p| Traits { topics: topic_mask(&p.topics), kind: p.kind, scope: p.scope })
                .collect();
        }
        let found = self.similar_among(&memo.traits, index, n);
        memo.last = Some((index, n, found.clone()));
        found
    }

    fn similar_among(&self, traits: &[Traits], index: usize, n: usize) -> Vec<Similar> {
        let (Some(partner), Some(&me)) = (self.get(index), traits.get(index)) else {
            return Vec::new();
        };
        let linked: Vec<usize> = self.links(index).iter().filter_map(|l| l.target).collect();
        // (shared topics, same kind, same scope, index), best first.
        let mut best: Vec<(u32, bool, bool, usize)> = Vec::with_capacity(n + 1);
        let perfect = (me.topics.count_ones(), true, true);
        for (i, other) in traits.iter().enumerate() {
            let shared = (me.topics & other.topics).count_ones();
            let same_kind = other.kind == me.kind;
            if (shared == 0 && !same_kind) || i == index || linked.contains(&i) {
                continue;
            }
            let score = (shared, same_kind, other.scope == me.scope);
            // Earlier partners win ties: a later one must score strictly higher to get in.
            let at = best.partition_point(|b| (b.0, b.1, b.2) >= score);
            if at < n {
                best.insert(at, (score.0, score.1, score.2, i));
                best.truncate(n);
                // Nothing later can do better than this many perfect matches.
                if best.len() == n && best.iter().all(|b| (b.0, b.1, b.2) == perfect) {
                    break;
                }
            }
        }
        best.into_iter()
            .map(|(_, same_kind, same_scope, i)| {
                let theirs = traits[i].topics;
                let topics =
                    partner.topics.iter().copied().filter(|&t| theirs & 1 << (t as u64) != 0);
                Similar { index: i, topics: topics.collect(), same_kind, same_scope }
            })
            .collect()
    }

    /// What the detail of partner `index` lists for Enter to follow: its relations
    /// ([`Catalog::links`]), then the partners like it ([`Catalog::similar`]).
    pub fn leads(&self, index: usize) -> Vec<Lead<'_>> {
        let mut leads: Vec<Lead<'_>> = self.links(index).into_iter().map(Lead::Relation).collect();
        leads.extend(self.similar(index, SIMILAR_COUNT).into_iter().map(Lead::Similar));
        leads
    }
}
