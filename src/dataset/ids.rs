//! Where each id stands among the partners: the table validation checks ids with, and the
//! catalog follows relations with.
//!
//! Owns the table only. It holds positions, never copies of the ids: at a million partners a
//! map from cloned ids took about 120 MB, this one about 8 MB.

use std::hash::BuildHasher;

use hashbrown::HashTable;

use super::Partner;

/// Each distinct id of a list of partners, with the position of its first partner.
#[derive(Debug, Default)]
pub struct Ids {
    table: HashTable<u32>,
    hasher: foldhash::fast::RandomState,
}

impl Ids {
    /// The table of `partners`' ids (the first of a repeated id wins).
    pub fn of(partners: &[Partner]) -> Ids {
        let mut ids = Ids {
            table: HashTable::with_capacity(partners.len()),
            hasher: foldhash::fast::RandomState::default(),
        };
        for (i, p) in (0u32..).zip(partners) {
            let hash = ids.hasher.hash_one(p.id.as_str());
            let id_of = |&j: &u32| partners[j as usize].id.as_str();
            if let hashbrown::hash_table::Entry::Vacant(place) =
                ids.table.entry(hash, |&j| id_of(&j) == p.id, |j| ids.hasher.hash_one(id_of(j)))
            {
                place.insert(i);
            }
        }
        ids
    }

    /// The position of the first partner with this id; `partners` are those the table was
    /// made of.
    pub fn position(&self, partners: &[Partner], id: &str) -> Option<usize> {
        let hash = self.hasher.hash_one(id);
        let found =
            self.table.find(hash, |&j| partners.get(j as usize).is_some_and(|p| p.id == id));
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
        assert_eq!(ids.position(&partners, "a"), Some(0));
        assert_eq!(ids.position(&partners, "b"), Some(1));
        assert_eq!(ids.position(&partners, "c"), Some(3));
        assert_eq!(ids.position(&partners, "d"), None);
        assert!(Ids::of(&[]).is_empty());
    }
}
