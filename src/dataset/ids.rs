//! Where each id stands among the partners: the table validation checks ids with, and the
//! catalog follows relations with.
//!
//! Owns the table and a copy of the ids, end to end in one text: a lookup reads the table and
//! that text, never the partners. At a million partners, each scattered over the heap, checking
//! relations through the partners cost two cache misses a relation (about 0.35 s); the copy
//! takes about 50 MB at a million partners. A map from cloned ids took about 120 MB. Each place in the table says
//! where its id is in the text: a lookup reads one place and one id (a table of positions
//! and a list of where each id ends took one more read, 5 % of a million-partner `search`).

use std::hash::BuildHasher;

use hashbrown::HashTable;

use super::Partner;

/// Each distinct id of a list of partners, with the position of its first partner.
#[derive(Debug, Default)]
pub struct Ids {
    /// One place for each distinct id.
    table: HashTable<Place>,
    hasher: foldhash::fast::RandomState,
    /// Every partner's id, in order, end to end.
    text: String,
}

/// Where an id is in [`Ids::text`], and the position of its first partner.
#[derive(Debug, Clone, Copy)]
struct Place {
    start: usize,
    len: u32,
    position: u32,
}

impl Place {
    fn id(self, text: &str) -> &str {
        &text[self.start..self.start + self.len as usize]
    }
}

impl Ids {
    /// The table of `partners`' ids (the first of a repeated id wins).
    pub fn of(partners: &[Partner]) -> Ids {
        let mut text = String::with_capacity(partners.iter().map(|p| p.id.len()).sum());
        let hasher = foldhash::fast::RandomState::default();
        let mut table = HashTable::with_capacity(partners.len());
        for (position, p) in (0u32..).zip(partners) {
            // Never so: a dataset file holds at most 4 GiB, ids and more.
            let Ok(len) = u32::try_from(p.id.len()) else { continue };
            let hash = hasher.hash_one(&p.id);
            let entry = table.entry(
                hash,
                |place: &Place| place.id(&text) == p.id,
                |place: &Place| hasher.hash_one(place.id(&text)),
            );
            if let hashbrown::hash_table::Entry::Vacant(vacant) = entry {
                vacant.insert(Place { start: text.len(), len, position });
                text.push_str(&p.id);
            }
        }
        Ids { table, hasher, text }
    }

    /// The position of the first partner with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        let hash = self.hasher.hash_one(id);
        let found = self.table.find(hash, |place| place.id(&self.text) == id);
        found.map(|place| place.position as usize)
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
        assert_eq!(ids.position("a"), Some(0));
        assert_eq!(ids.position("b"), Some(1));
        assert_eq!(ids.position("c"), Some(3));
        assert_eq!(ids.position("d"), None);
        assert!(Ids::of(&[]).is_empty());
    }
}
