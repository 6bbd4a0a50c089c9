//! Building the index: each run of partners folded where it was read, the runs put
//! together, and the orders by name and by length that break ties.

use std::ops::Range;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, OnceLock, RwLock};

use rayon::prelude::*;

use super::{
    ACRONYM, ALIASES, DESCRIPTION, END, Entry, Index, LOCATION, NAME, NUMBERS, Shorts, TOPICS,
    topic_bit,
};
use crate::PARALLEL_MIN;
use crate::dataset::{Partner, Topic};
use crate::search::fold::{fold, fold_into};
use crate::search::glossary::Glossary;

/// The folded form of a run of partners, made by [`Index::part`] for [`Index::from_parts`].
pub struct IndexPart(Part);

/// A slice of the partners being indexed, folded on one thread; offsets are local to it.
#[derive(Default)]
struct Part {
    text: String,
    entries: Vec<Entry>,
    alias_spans: Vec<Range<usize>>,
    shorts: Vec<Shorts>,
    name_chars: Vec<u32>,
}

impl Part {
    fn push(&mut self, p: &Partner, topic_labels: &[String]) {
        let text = &mut self.text;
        let field = |text: &mut String, value: &str| {
            let start = text.len();
            fold_into(value, text);
            text.push('\n');
            start
        };
        let mut bounds = [0; 7];
        bounds[ACRONYM] = field(text, p.acronym.as_deref().unwrap_or_default());
        bounds[NAME] = field(text, &p.name);
        bounds[ALIASES] = text.len();
        let first_alias = self.alias_spans.len();
        for alias in &p.aliases {
            let start = text.len();
            fold_into(alias, text);
            self.alias_spans.push(start..text.len());
            text.push('\n');
        }
        bounds[DESCRIPTION] = field(text, &p.description);
        bounds[LOCATION] = field(text, p.location.as_deref().unwrap_or_default());
        bounds[TOPICS] = text.len();
        for (n, topic) in p.topics.iter().enumerate() {
            if n > 0 {
                text.push(' ');
            }
            text.push_str(topic.slug());
            text.push(' ');
            text.push_str(&topic_labels[*topic as usize]);
        }
        text.push('\n');
        bounds[END] = text.len();
        let shorts =
            [&text[bounds[ACRONYM]..bounds[NAME] - 1], &text[bounds[NAME]..bounds[ALIASES] - 1]]
                .into_iter()
                .chain(self.alias_spans[first_alias..].iter().map(|span| &text[span.clone()]));
        self.shorts.push(Shorts::of(shorts));
        self.entries.push(Entry {
            bounds,
            aliases: first_alias..self.alias_spans.len(),
            text: 0,
            kind: p.kind,
            scope: p.scope,
            topics: p.topics.iter().fold(0, |bits, t| bits | topic_bit(*t)),
            ascii: text[bounds[ACRONYM]..bounds[END]].is_ascii(),
        });
        self.name_chars.push(u32::try_from(p.name.chars().count()).unwrap_or(u32::MAX));
    }
}

/// Every partner in the orders that break ties between equal scores (see
/// [`Index::tie_key`]).
pub(super) struct Orders {
    /// Position of each partner in alphabetical order of folded names, the last tie-break.
    pub(super) name_rank: Vec<u32>,
    /// Position of each partner in order of name length (in characters), then of `name_rank`:
    /// the tie-break of ranked results in one number.
    pub(super) length_rank: Vec<u32>,
    /// The partner at each position of `name_rank` and of `length_rank`: a [`super::HitKey`]
    /// holds the position, not the partner.
    pub(super) by_name: Arc<[u32]>,
    pub(super) by_length: Arc<[u32]>,
}

/// `ranks[i]`: the position of `i` in `order`.
fn ranks(order: &[usize]) -> Vec<u32> {
    let mut ranks = vec![0; order.len()];
    for (rank, &i) in order.iter().enumerate() {
        ranks[i] = u32::try_from(rank).unwrap_or(u32::MAX);
    }
    ranks
}

impl Index {
    /// Folds every partner once (on every core for a large dataset).
    pub fn new(partners: &[Partner]) -> Index {
        let parts: Vec<IndexPart> = if partners.len() >= PARALLEL_MIN {
            partners.par_chunks(PARALLEL_MIN).map(Index::part).collect()
        } else {
            vec![Index::part(partners)]
        };
        Index::assemble(parts)
    }

    /// The folded form of a run of partners, for [`Index::from_parts`]: made where they were
    /// just read, their text is folded while it is still in the cache.
    pub fn part(partners: &[Partner]) -> IndexPart {
        static TOPIC_LABELS: OnceLock<Vec<String>> = OnceLock::new();
        let topic_labels =
            TOPIC_LABELS.get_or_init(|| Topic::ALL.iter().map(|t| fold(t.label())).collect());
        let mut part = Part::default();
        // Folding keeps lengths about the same: reserve once, not grow (and copy) a few times.
        let size = |p: &Partner| {
            let optional = p.acronym.as_ref().map_or(0, String::len)
                + p.location.as_ref().map_or(0, String::len);
            let aliases: usize = p.aliases.iter().map(|a| a.len() + 1).sum();
            p.name.len() + p.description.len() + optional + aliases + 64 * p.topics.len() + 8
        };
        part.text.reserve(partners.iter().map(size).sum());
        for p in partners {
            part.push(p, topic_labels);
        }
        IndexPart(part)
    }

    /// [`Index::with_glossary`], from the parts made of `partners` by [`Index::part`], in
    /// order, of any sizes. Parts that do not hold as many partners are not used: the partners
    /// are folded again.
    pub fn from_parts(parts: Vec<IndexPart>, partners: &[Partner], glossary: Glossary) -> Index {
        let count: usize = parts.iter().map(|IndexPart(part)| part.entries.len()).sum();
        let mut index =
            if count == partners.len() { Index::assemble(parts) } else { Index::new(partners) };
        index.glossary = Some(glossary);
        index
    }

    /// The index of the partners of `parts`, in order.
    fn assemble(parts: Vec<IndexPart>) -> Index {
        let count = parts.iter().map(|IndexPart(part)| part.entries.len()).sum();
        let mut index = Index {
            texts: Vec::with_capacity(parts.len()),
            entries: Vec::with_capacity(count),
            shorts: Vec::with_capacity(count),
            alias_spans: Vec::new(),
            name_chars: Vec::with_capacity(count),
            orders: OnceLock::new(),
            glossary: None,
            vocabulary: OnceLock::new(),
            short_acronyms: OnceLock::new(),
            postings: OnceLock::new(),
            words: OnceLock::new(),
            letters: OnceLock::new(),
            names: OnceLock::new(),
            number: NUMBERS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            notes: RwLock::default(),
            notes_generation: AtomicU64::new(0),
        };
        for (number, IndexPart(part)) in (0u32..).zip(parts) {
            let alias_offset = index.alias_spans.len();
            index.texts.push(part.text);
            index.entries.extend(part.entries.into_iter().map(|mut entry| {
                entry.aliases =
                    entry.aliases.start + alias_offset..entry.aliases.end + alias_offset;
                entry.text = number;
                entry
            }));
            index.alias_spans.extend(part.alias_spans);
            index.shorts.extend(part.shorts);
            index.name_chars.extend(part.name_chars);
        }
        index
    }

    /// Sorts every partner by name and by name length, once: searches then break ties by
    /// comparing integers, where without it each orders its own hits by name. Worth it where
    /// many searches follow (the browser); takes a while at a million partners, so call it off
    /// the UI thread. A one-off search of a few hits does better without.
    pub fn sort_names(&self) {
        self.orders.get_or_init(|| {
            // By name, then dataset order; the names travel with the indices (fewer cache
            // misses).
            let mut by_name: Vec<(&str, usize)> =
                (0..self.entries.len()).map(|i| (self.field(i, NAME), i)).collect();
            by_name.par_sort_unstable();
            let mut order: Vec<usize> = by_name.into_iter().map(|(_, i)| i).collect();
            let positions = |order: &[usize]| -> Arc<[u32]> {
                order.iter().map(|&i| u32::try_from(i).unwrap_or(u32::MAX)).collect()
            };
            let name_rank = ranks(&order);
            let by_name = positions(&order);
            order.par_sort_unstable_by_key(|&i| (self.name_chars[i], name_rank[i]));
            Orders { name_rank, length_rank: ranks(&order), by_name, by_length: positions(&order) }
        });
    }

    /// What orders partner `i` among ties: its folded name then its position, after its name
    /// length in characters when `by_length` (ranked results). [`Index::sort_names`] makes
    /// each order once for every partner.
    pub(super) fn tie_key(&self, i: usize, by_length: bool) -> (u32, &str, usize) {
        (if by_length { self.name_chars[i] } else { 0 }, self.field(i, NAME), i)
    }

    /// How partners `a` and `b` compare among ties (see [`Index::tie_key`]).
    pub(super) fn tie_cmp(&self, a: usize, b: usize, by_length: bool) -> std::cmp::Ordering {
        match self.orders.get() {
            Some(orders) => {
                let ranks = if by_length { &orders.length_rank } else { &orders.name_rank };
                ranks.get(a).cmp(&ranks.get(b))
            }
            None => self.tie_key(a, by_length).cmp(&self.tie_key(b, by_length)),
        }
    }

    /// An index that also finds what people mean: a term finds its `glossary` equivalents,
    /// other inflections of its words, the words without an elided article, and description
    /// words one or two typos away; stop words need not match. [`Index::new`] matches only
    /// what is typed.
    pub fn with_glossary(partners: &[Partner], glossary: Glossary) -> Index {
        let mut index = Index::new(partners);
        index.glossary = Some(glossary);
        index
    }
}
