//! Where each id stands among the partners: the table validation checks ids with, and the
//! catalog follows relations with.
//!
//! Owns the table and a copy of the ids, end to end in one text: a lookup reads the table and
//! that text, never the partners. At a million partners, each scattered over the heap, checking
//! relations through the partners cost two cache misses a relation (about 0.35 s); the copy
//! takes about 20 MB. A map from cloned ids took about 120 MB.

use std::hash::BuildHasher;

use hashbrown::HashTable;

use super::Partner;

/// Each distinct id of a list of partners, with the position of its first partner.
#[derive(Debug, Default)]
pub struct Ids {
    /// Positions of partners, one for each distinct id.
    table: HashTable<u32>,
    hasher: foldhash::fast::RandomState,
    /// Every partner's id, in order, end to end.
    text: String,
    /// Where each partner's id ends in `text`; it starts where the one before ends.
    ends: Vec<usize>,
}

impl Ids {
    /// The table of `partners`' ids (the first of a repeated id wins).
    pub fn of(partners: &[Partner]) -> Ids {
        let mut text = String::with_capacity(partners.iter().map(|p| p.id.len()).sum());
        let mut ends = Vec::with_capacity(partners.len());
        for p in partners {
            text.push_str(&p.id);
            ends.push(text.len());
        }
        let hasher = foldhash::fast::RandomState::default();
        let mut table = HashTable::with_capacity(partners.len());
        let id = |j: u32| id_in(&text, &ends, j);
        for j in (0u32..).take(partners.len()) {
            let hash = hasher.hash_one(id(j));
            let entry = table.entry(hash, |&k| id(k) == id(j), |&k| hasher.hash_one(id(k)));
            if let hashbrown::hash_table::Entry::Vacant(place) = entry {
                place.insert(j);
            }
        }
        Ids { table, hasher, text, ends }
    }

    /// The position of the first partner with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        let hash = self.hasher.hash_one(id);
        let found = self.table.find(hash, |&j| id_in(&self.text, &self.ends, j) == id);
        found.map(|&j| j as usize)
    }

    /// How many distinct ids there are.
    pub fn len(&self) -> usize {
        self.table.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }
}

/// The id of partner `j`, of `text` and `ends` as [`Ids`] holds them.
fn id_in<'t>(text: &'t str, ends: &[usize], j: u32) -> &'t str {
    let j = j as usize;
    let start = j.checked_sub(1).map_or(0, |before| ends[before]);
    &text[start..ends[j]]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn partner(id: &str) -> Partner {
        let source = format!(
            "(id: \"{id}\", name: \"N\", kind: Media, scope: National, description: \"D.\")"
        );
        ron::from_str(&source).expect("a partner")
    }

    #[test]
    fn positions_are_those_of_the_first_partner_of_each_id() {
        let partners: Vec<Partner> = ["a", "b", "a", "c"].into_iter().map(partner).collect();
        let ids = Ids::of(&partners);
        assert_eq!(ids.len(), 3);
        assert_eq!(ids.position("a"), Some(0));
        assert_eq!(ids.position("b"), Some(1));
        assert_eq!(ids.position("c"), Some(3));
        assert_eq!(ids.position("d"), None);
        assert!(Ids::of(&[]).is_empty());
    }
}
