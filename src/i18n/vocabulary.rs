//! The dataset's vocabulary in words people read (`Vocabulary`), in English (`en.rs`) and
//! French (`fr.rs`): kinds, scopes, topics and relations in both directions. One table for
//! the browser (detail pane, overview) and the command line (cards, aligned lists). The
//! English words are the dataset's own labels (`Kind::label()`, ...), which JSON, CSV and DOT
//! keep: a test holds them identical.

mod en;
mod fr;

use super::{Lang, table};
use crate::dataset::{Kind, RelationKind, Scope, Topic};

table! {
    /// Every word of the vocabulary in one language.
    Vocabulary {
        /// A filter by kind, in the words a user of the language types: `{}`: the kind's
        /// badge (see `badges`).
        kind_filter,
    }
    arrays {
        /// The kinds' words, in the order of `Kind::ALL`.
        kinds: 10,
        /// A word or two of each kind, in the same order, for the list's rows: each is a
        /// value `kind:` accepts for that kind alone, whatever the language.
        badges: 10,
        /// The scopes' words, in the order of `Scope::ALL`.
        scopes: 5,
        /// The topics' words, in the order of `Topic::ALL`.
        topics: 15,
        /// The relations' words read from the partner that states them, in the order of
        /// `RelationKind::ALL`.
        relations: 13,
        /// The relations' words read from the other end, in the same order.
        inverse_relations: 13,
    }
}

/// The vocabulary in `lang`.
pub fn of(lang: Lang) -> &'static Vocabulary {
    match lang {
        Lang::En => &en::VOCABULARY,
        Lang::Fr => &fr::VOCABULARY,
    }
}

/// The word at `value`'s place in `all`, from `words`; the English label should the table
/// ever be shorter than the vocabulary (a test keeps them the same length).
fn word<T: Copy + PartialEq>(
    all: &[T],
    words: &[&'static str],
    value: T,
    english: fn(T) -> &'static str,
) -> &'static str {
    all.iter()
        .position(|&v| v == value)
        .and_then(|i| words.get(i))
        .copied()
        .unwrap_or(english(value))
}

impl Vocabulary {
    /// A kind in words.
    pub fn kind(&self, kind: Kind) -> &'static str {
        word(Kind::ALL, &self.kinds, kind, Kind::label)
    }

    /// A kind in a word or two, for the list (see [`Vocabulary::badges`]).
    pub fn badge(&self, kind: Kind) -> &'static str {
        word(Kind::ALL, &self.badges, kind, Kind::slug)
    }

    /// The filter that lists the partners of `kind`, as the user's language writes it
    /// (`kind:media`, `type:médias`).
    pub fn kind_filter(&self, kind: Kind) -> String {
        super::fill(self.kind_filter, &[&self.badge(kind)])
    }

    /// A scope in words.
    pub fn scope(&self, scope: Scope) -> &'static str {
        word(Scope::ALL, &self.scopes, scope, Scope::label)
    }

    /// A topic in words.
    pub fn topic(&self, topic: Topic) -> &'static str {
        word(Topic::ALL, &self.topics, topic, Topic::label)
    }

    /// A relation in words, read from the partner that states it.
    pub fn relation(&self, kind: RelationKind) -> &'static str {
        word(RelationKind::ALL, &self.relations, kind, RelationKind::label)
    }

    /// A relation in words, read from the other end.
    pub fn inverse_relation(&self, kind: RelationKind) -> &'static str {
        word(RelationKind::ALL, &self.inverse_relations, kind, RelationKind::inverse_label)
    }

    /// A relation in words, read from the partner shown: `incoming` when the other partner
    /// states it.
    pub fn link(&self, kind: RelationKind, incoming: bool) -> &'static str {
        if incoming { self.inverse_relation(kind) } else { self.relation(kind) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_every_word() {
        super::super::check_tables(&of(Lang::En).all(), &of(Lang::Fr).all());
    }

    #[test]
    fn there_is_a_word_for_every_value_and_english_is_the_datasets() {
        let en = of(Lang::En);
        assert_eq!(Kind::ALL.len(), en.kinds.len());
        assert_eq!(Scope::ALL.len(), en.scopes.len());
        assert_eq!(Topic::ALL.len(), en.topics.len());
        assert_eq!(RelationKind::ALL.len(), en.relations.len());
        assert_eq!(RelationKind::ALL.len(), en.inverse_relations.len());
        for &k in Kind::ALL {
            assert_eq!(en.kind(k), k.label());
        }
        for &s in Scope::ALL {
            assert_eq!(en.scope(s), s.label());
        }
        for &t in Topic::ALL {
            assert_eq!(en.topic(t), t.label());
        }
        for &r in RelationKind::ALL {
            assert_eq!(en.relation(r), r.label());
            assert_eq!(en.inverse_relation(r), r.inverse_label());
            assert_eq!(en.link(r, false), r.label());
            assert_eq!(en.link(r, true), r.inverse_label());
        }
    }

    #[test]
    fn french_has_its_own_words() {
        let fr = of(Lang::Fr);
        assert_eq!(fr.kind(Kind::PublicBody), "Organisme public");
        assert_eq!(fr.topic(Topic::Procurement), "Commande publique");
        assert_eq!(fr.link(RelationKind::RunBy, true), "Gère");
    }
}
