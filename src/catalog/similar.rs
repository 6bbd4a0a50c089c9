//! Partners like a given one that no relation links to it: those sharing the most topics,
//! then its kind, then its scope. They let browsing go on from a partner whose entry states
//! no relation; the detail pane lists them after the relations, clearly as similar, and Enter
//! follows them as it follows relations (both read [`Catalog::leads`]).

use super::{Catalog, Link};
use crate::dataset::Topic;
use crate::search::fold;

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

impl Catalog {
    /// Up to `n` partners like partner `index` that no relation links to it: most topics in
    /// common first, then same kind, then same scope, then by name. A partner with no topic
    /// in common and of another kind is not similar. Linear in the catalog.
    pub fn similar(&self, index: usize, n: usize) -> Vec<Similar> {
        let Some(partner) = self.get(index) else { return Vec::new() };
        let linked: Vec<usize> = self.links(index).iter().filter_map(|l| l.target).collect();
        let mine = topic_mask(&partner.topics);
        let mut scored: Vec<(u32, bool, bool, usize)> = self
            .partners()
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != index && !linked.contains(&i))
            .map(|(i, other)| {
                let shared = (mine & topic_mask(&other.topics)).count_ones();
                (shared, other.kind == partner.kind, other.scope == partner.scope, i)
            })
            .filter(|&(shared, same_kind, _, _)| shared > 0 || same_kind)
            .collect();
        // Best first on integers; then only the ties that reach the cut are ordered by
        // name, so a large catalog folds a few names, not all of them.
        scored.sort_unstable_by(|a, b| (b.0, b.1, b.2, a.3).cmp(&(a.0, a.1, a.2, b.3)));
        if let Some(&(shared, kind, scope, _)) = scored.get(n.saturating_sub(1)) {
            let reaching = scored.partition_point(|s| (s.0, s.1, s.2) >= (shared, kind, scope));
            scored.truncate(reaching);
        }
        let mut named: Vec<(u32, bool, bool, String, usize)> = scored
            .into_iter()
            .map(|(shared, kind, scope, i)| {
                let name = self.get(i).map_or_else(String::new, |p| fold(&p.name));
                (shared, kind, scope, name, i)
            })
            .collect();
        named.sort_by(|a, b| (b.0, b.1, b.2).cmp(&(a.0, a.1, a.2)).then_with(|| a.3.cmp(&b.3)));
        named
            .into_iter()
            .map(|(shared, kind, scope, _, i)| (shared, kind, scope, i))
            .take(n)
            .map(|(_, same_kind, same_scope, i)| {
                let theirs = self.get(i).map_or(0, |p| topic_mask(&p.topics));
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
