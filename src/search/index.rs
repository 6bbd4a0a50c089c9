//! The index: every partner's folded fields laid end to end, built once per dataset, and what
//! a search returns (hits best first).
//!
//! Owns the layout of the folded text and the order of results. Matching one partner against
//! one term is in [`super::matching`]; the index knows nothing of the terminal nor of files.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock, RwLock};

use rayon::prelude::*;

use super::expand::{Form, FormKind, GroupPlan, TermSlot, WordPlan};
use super::fold::fold;
use super::glossary::Glossary;
use super::letters::Letters;
use super::masks::{WordMarks, short_masks};
use super::matching::fill_from_lists;
use super::memo::{self, Recent, Sought};
use super::names::Names;
use super::postings::Postings;
use super::query::{Atom, MarkBits, Mode, Query};
use super::ranked::{HitKey, Matches, rank_among};
use super::vocabulary::Vocabulary;
use crate::dataset::{Kind, Scope, Topic};

mod build;

pub use build::IndexPart;
use build::Orders;

/// Which field of a partner a term matched, most telling first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    /// Description, location or topics.
    Text = 0,
    /// One of the aliases.
    Alias = 1,
    /// Name or acronym.
    Name = 2,
}

/// The searchable form of one partner. Its folded fields lie end to end in one of
/// [`Index::texts`], each followed by a newline, which no term holds (terms are split on white
/// space): a term found in the partner's whole text is found in one of its fields.
#[derive(Debug)]
pub(super) struct Entry {
    /// Where each field starts in its text (see [`ACRONYM`] to [`TOPICS`]), then where the
    /// partner's text ends.
    pub(super) bounds: [usize; 7],
    /// This partner's aliases in [`Index::alias_spans`].
    pub(super) aliases: Range<usize>,
    /// Which of [`Index::texts`] holds this partner's fields.
    pub(super) text: u32,
    pub(super) kind: Kind,
    pub(super) scope: Scope,
    /// Bit `t as u32` for each topic `t`.
    pub(super) topics: u64,
    /// Whether the partner's folded text is all ASCII (then bytes count characters).
    pub(super) ascii: bool,
}

/// What letters a partner's name, acronym and aliases hold: a cheap test that a fuzzy term
/// may match there, kept apart from [`Entry`] so that testing many partners reads little.
#[derive(Debug, Clone, Copy)]
pub(super) struct Shorts {
    /// Letters and digits present, as bits (see [`super::masks`]).
    pub(super) letters: u64,
    /// Letters and digits that start a word: a credible fuzzy hit starts a word with the
    /// term's first letter.
    pub(super) initials: u64,
    /// Letters and digits side by side (see [`super::masks::pairs_mask`]): a credible fuzzy
    /// hit takes each letter of the term after the first at a word start or right after the
    /// one before it, but for one.
    pub(super) pairs: u128,
}

impl Shorts {
    /// The letters of `fields` (folded).
    pub(super) fn of<'a>(fields: impl IntoIterator<Item = &'a str>) -> Shorts {
        fields.into_iter().fold(Shorts { letters: 0, initials: 0, pairs: 0 }, |shorts, s| {
            let (letters, initials, pairs) = short_masks(s);
            Shorts {
                letters: shorts.letters | letters,
                initials: shorts.initials | initials,
                pairs: shorts.pairs | pairs,
            }
        })
    }
}

// The fields of an entry, in the order of [`Entry::bounds`].
pub(super) const ACRONYM: usize = 0;
pub(super) const NAME: usize = 1;
pub(super) const ALIASES: usize = 2;
pub(super) const DESCRIPTION: usize = 3;
pub(super) const LOCATION: usize = 4;
pub(super) const TOPICS: usize = 5;
pub(super) const END: usize = 6;

const _: () = assert!(Topic::ALL.len() <= 64, "Entry::topics holds one bit per topic");

pub(super) fn topic_bit(topic: Topic) -> u64 {
    1 << (topic as u32)
}

/// Below this many partners to look at, a scan costs less than making bit sets for it.
const POSTINGS_MIN: usize = 2048;

/// A query needs this many words that must match for [`Index::all_but_one`] to drop one.
const ALL_BUT_ONE_MIN: usize = 2;

/// What a partner's whole name or alias typed as the query adds to its score: more than
/// any difference between the scores of two partners that both hold its words.
const NAMED: u32 = 1 << 24;

/// And at most this many: each word dropped is a search of its own, and a query this long is
/// pasted text more than a search (a pasted paragraph of 1 000 words took 36 s to search
/// again for each dropped word, with the keys waiting behind it).
const ALL_BUT_ONE_MAX: usize = 8;

/// From this many partners to score, a search shares them among the cores: scoring one
/// (fuzzy names, long descriptions) costs microseconds, far more than handing out the work.
const SPLIT_MIN: usize = 512;

/// The next [`Index::number`].
static NUMBERS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// A search result: the partner's position in the dataset and its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index of the partner in the slice the index was built from.
    pub index: usize,
    /// Higher is better; 0 when the query has only filters.
    pub score: u32,
    /// Whether a positive term matched the name or the acronym.
    pub name_hit: bool,
    /// Whether a term matched the user's note on the partner better than its own fields (the
    /// list may say so).
    pub in_note: bool,
    /// The word of the query (its group's number) the partner lacks, when no partner had
    /// every word (see [`Index::all_but_one`]).
    pub lacks: Option<usize>,
}

/// The searchable form of a dataset. Build it once per dataset; it is immutable and `Sync`.
pub struct Index {
    /// The folded fields of the partners, end to end (see [`Entry`]), a few thousand
    /// partners to a text: a few large allocations, read in order.
    texts: Vec<String>,
    /// Where each partner's fields are, in its text.
    pub(super) entries: Vec<Entry>,
    /// What letters each partner's short fields hold.
    pub(super) shorts: Vec<Shorts>,
    /// Byte ranges of every alias, in its partner's text.
    pub(super) alias_spans: Vec<Range<usize>>,
    /// Each partner's name length in characters, the first tie-break of ranked results.
    name_chars: Vec<u32>,
    /// Every partner in tie-break orders, made on first use ([`Index::sort_names`]): a search
    /// run before orders its few hits alone.
    orders: OnceLock<Orders>,
    /// The glossary, when the forgiving rules are on (see [`Index::with_glossary`]).
    pub(super) glossary: Option<Glossary>,
    /// The partners' distinct words, for typos: made on the first query that may have one.
    vocabulary: OnceLock<Vocabulary>,
    /// The partners' acronyms of four ASCII letters or digits, folded, sorted: made when the
    /// index is warmed, else on the first query that may have two of their letters swapped.
    pub(super) short_acronyms: OnceLock<Vec<String>>,
    /// Which partners hold each word anywhere, and in their name, acronym or aliases: made off
    /// the UI thread by [`Index::warm`] for a large dataset; searches use them once they are
    /// there.
    pub(super) postings: OnceLock<Postings>,
    /// What each partner's words start with and which letters stand alone as words, made by
    /// [`Index::warm`]: a scan for a term that cannot be a whole word, or cannot start one,
    /// may stop early. A one-off search does without: making them costs more than they save.
    words: OnceLock<Vec<WordMarks>>,
    /// What single letters are found as in each partner, made by [`Index::warm`].
    letters: OnceLock<Letters>,
    /// Partners by their whole name or alias (see [`super::names`]).
    names: OnceLock<Names>,
    /// A number no other index of this process has: what a [`super::Searcher`] kept from
    /// another index is not used on this one.
    pub(super) number: u64,
    /// The user's notes, folded, searched like descriptions (see [`Index::set_notes`]).
    /// Shared, not lent: a search holds them without holding the lock, so that changing them
    /// never waits for a scan (nor a search for the change).
    notes: RwLock<Arc<Notes>>,
    /// Bumped whenever the notes change, so that a [`super::Searcher`] forgets its results.
    notes_generation: AtomicU64,
}

/// The user's notes, folded: `slot[i]` is 1 + the place of partner `i`'s note in `texts`, or 0;
/// `holders`, the partners with a note, in index order; `words`, their words, where a typo or
/// a word typed without its hyphens is corrected as in the partners' words.
#[derive(Debug, Default)]
pub(super) struct Notes {
    slot: Vec<u32>,
    texts: Vec<String>,
    pub(super) holders: Vec<usize>,
    words: Vocabulary,
}

/// The same notes: their words follow.
impl PartialEq for Notes {
    fn eq(&self, other: &Notes) -> bool {
        (&self.slot, &self.texts, &self.holders) == (&other.slot, &other.texts, &other.holders)
    }
}

impl Notes {
    fn get(&self, i: usize) -> Option<&str> {
        let slot = *self.slot.get(i)?;
        let at = usize::try_from(slot.checked_sub(1)?).ok()?;
        self.texts.get(at).map(String::as_str)
    }
}

impl fmt::Debug for Index {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Index").field("entries", &self.entries.len()).finish_non_exhaustive()
    }
}

impl Index {
    /// The user's notes (partner position, note), searched from now on like descriptions, by
    /// words. The index is shared, so this takes `&self`; searches running meanwhile see the
    /// old notes or the new ones, never a mix.
    pub fn set_notes<'n>(&self, notes: impl IntoIterator<Item = (usize, &'n str)>) {
        let mut new = Notes::default();
        for (i, note) in notes {
            if i >= self.entries.len() || note.trim().is_empty() {
                continue;
            }
            if new.slot.is_empty() {
                new.slot = vec![0; self.entries.len()];
            }
            new.texts.push(fold(note).replace('\n', " "));
            new.slot[i] = u32::try_from(new.texts.len()).unwrap_or(0);
        }
        new.holders =
            (new.slot.iter().enumerate().filter(|(_, slot)| **slot != 0)).map(|(i, _)| i).collect();
        if *self.notes() == new {
            return;
        }
        new.words = Vocabulary::of(&new.texts);
        let mut notes = self.notes.write().unwrap_or_else(std::sync::PoisonError::into_inner);
        if **notes != new {
            *notes = Arc::new(new);
            self.notes_generation.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// The notes as they are now.
    pub(super) fn notes(&self) -> Arc<Notes> {
        Arc::clone(&self.notes.read().unwrap_or_else(std::sync::PoisonError::into_inner))
    }

    /// Changes whenever the notes do.
    pub(super) fn notes_generation(&self) -> u64 {
        self.notes_generation.load(Ordering::Relaxed)
    }

    /// The partners' distinct words by length, made on first use.
    pub(super) fn vocabulary(&self) -> &Vocabulary {
        self.vocabulary.get_or_init(|| Vocabulary::of(&self.texts))
    }

    /// Whether the partners' words were made already.
    pub(super) fn has_vocabulary(&self) -> bool {
        self.vocabulary.get().is_some()
    }

    /// Makes ahead of the first search what large searches use: what single letters are found
    /// as, the partners' words, and which partners hold each. Takes a while on a large
    /// dataset: call it off the UI thread. Searches meanwhile wait for the words (as they would
    /// without it) but not for the rest.
    pub fn warm(&self) {
        // First: a search starts with a letter, typed as soon as the list shows, and one
        // without them reads every text (33 ms at 100 000 partners, against 6 to 8 with them).
        // They need nothing else made.
        self.find_letters();
        let vocabulary = self.vocabulary();
        // Quick to make, and a search would otherwise make them (and others wait on it).
        self.names.get_or_init(|| Names::of(self));
        self.short_acronyms();
        self.words.get_or_init(|| {
            let marks = |i: usize| {
                let bounds = &self.entries[i].bounds;
                WordMarks::of(&self.text(i)[bounds[ACRONYM]..bounds[END]])
            };
            (0..self.entries.len()).into_par_iter().map(marks).collect()
        });
        self.postings.get_or_init(|| {
            let fields = |i: usize, visit: &mut dyn FnMut(&str, Field)| {
                for (text, field) in self.short_fields(i) {
                    visit(text, field);
                }
                for k in [DESCRIPTION, LOCATION, TOPICS] {
                    visit(self.field(i, k), Field::Text);
                }
            };
            Postings::build(&vocabulary.sorted, self.entries.len(), fields, |i| {
                self.entries[i].ascii
            })
        });
    }

    /// Finds what single letters are found as (see [`Letters`]), where searches keep slots.
    pub(super) fn find_letters(&self) {
        if self.entries.len() >= POSTINGS_MIN {
            self.letters.get_or_init(|| Letters::find(self));
        }
    }

    /// Partner `i`'s word marks, when [`Index::warm`] made them; else marks that rule nothing
    /// out.
    pub(super) fn word_marks(&self, i: usize) -> WordMarks {
        self.words.get().and_then(|marks| marks.get(i)).copied().unwrap_or(WordMarks::ANY)
    }

    /// The single letters found ahead (none before [`Index::warm`]).
    pub(super) fn letters(&self) -> &Letters {
        static NONE: Letters = Letters::none();
        self.letters.get().unwrap_or(&NONE)
    }

    /// What `look` finds in the words of the partners and in those of the notes.
    pub(super) fn in_words<T>(&self, look: impl Fn(&Vocabulary) -> Vec<T>) -> Vec<T> {
        let mut found = look(self.vocabulary());
        let notes = self.notes();
        if !notes.texts.is_empty() {
            found.extend(look(&notes.words));
        }
        found
    }

    /// Whether `word` is one of the partners' words as it is, or of the notes'.
    pub(super) fn is_written(&self, word: &str) -> bool {
        let written =
            |words: &Vocabulary| words.sorted.binary_search_by(|w| w.as_str().cmp(word)).is_ok();
        // The notes' first: the partners' words take a while to make at a million partners.
        written(&self.notes().words) || written(self.vocabulary())
    }

    /// Whether some note holds `form`.
    pub(super) fn notes_hold(&self, form: &str) -> bool {
        self.notes().texts.iter().any(|note| note.contains(form))
    }

    /// The text that holds partner `i`'s folded fields.
    pub(super) fn text(&self, i: usize) -> &str {
        self.texts.get(self.entries[i].text as usize).map_or("", String::as_str)
    }

    /// Field `k` (see [`ACRONYM`] to [`TOPICS`]) of partner `i`, folded.
    pub(super) fn field(&self, i: usize, k: usize) -> &str {
        let bounds = &self.entries[i].bounds;
        &self.text(i)[bounds[k]..bounds[k + 1] - 1]
    }

    /// The folded aliases of partner `i`.
    pub(super) fn aliases(&self, i: usize) -> impl Iterator<Item = &str> + Clone {
        let text = self.text(i);
        self.alias_spans[self.entries[i].aliases.clone()]
            .iter()
            .map(move |span| &text[span.clone()])
    }

    /// The partners whose whole name or an alias is `phrase` (folded words with a space
    /// between), in index order: "la french tech", whose stop word counts for nothing, is
    /// Mission French Tech's, not French Tech Bordeaux's with its other words at its start.
    fn named(&self, phrase: &str) -> Vec<usize> {
        self.names.get_or_init(|| Names::of(self)).find(self, phrase)
    }

    /// How many partners the index holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the index is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every partner matching `query`, best first. `marks[i]` are partner `i`'s personal marks
    /// (missing entries count as none). `within`, when given, limits the search to those
    /// partners (the previous results of a query that this one narrows).
    pub fn search(&self, query: &Query, marks: &[MarkBits], within: Option<&[usize]>) -> Vec<Hit> {
        self.matches(query, marks, within, None).best_first()
    }

    /// [`Index::search`], or when nothing matches, [`Index::all_but_one`].
    pub fn search_forgiving(&self, query: &Query, marks: &[MarkBits]) -> Vec<Hit> {
        let hits = self.search(query, marks, None);
        if hits.is_empty() { self.all_but_one(query, marks) } else { hits }
    }

    /// The partners that match every word of `query` but one, each with the word it lacks
    /// (its best score over the words it has), best first: what a search for `query` shows
    /// when no partner matches every word, as Typesense and Meilisearch drop a word. Only for
    /// a query of two to eight words that need to match (plain words, stop words aside):
    /// of one, nothing would be left; with more, it is pasted text.
    /// Empty otherwise.
    pub fn all_but_one(&self, query: &Query, marks: &[MarkBits]) -> Vec<Hit> {
        self.all_but_one_by(query, |fewer| self.search(fewer, marks, None))
    }

    /// [`Index::all_but_one`], each query of one word fewer searched by `search`.
    pub(super) fn all_but_one_by(
        &self,
        query: &Query,
        mut search: impl FnMut(&Query) -> Vec<Hit>,
    ) -> Vec<Hit> {
        let words = query.droppable_words();
        if !(ALL_BUT_ONE_MIN..=ALL_BUT_ONE_MAX).contains(&words.len()) {
            return Vec::new();
        }
        // Of two words, each stands for the query alone: not one still being typed (`cnfpt z`
        // is no search for the CNFPT lacking "z").
        let typed = |&n: &usize| query.word(n).is_some_and(|w| w.chars().count() >= 3);
        if words.len() == 2 && !words.iter().all(typed) {
            return Vec::new();
        }
        let mut best: HashMap<usize, Hit> = HashMap::new();
        for &n in &words {
            for hit in search(&query.without(n)) {
                let hit = Hit { lacks: Some(n), ..hit };
                best.entry(hit.index)
                    .and_modify(|b| {
                        if (hit.score, hit.name_hit) > (b.score, b.name_hit) {
                            *b = hit;
                        }
                    })
                    .or_insert(hit);
            }
        }
        let mut hits: Vec<Hit> = best.into_values().collect();
        let order = |h: &Hit| (std::cmp::Reverse(h.score), !h.name_hit);
        hits.sort_unstable_by(|a, b| {
            order(a).cmp(&order(b)).then_with(|| self.tie_cmp(a.index, b.index, true))
        });
        hits
    }

    /// Every partner matching `query`, in the order of `within` (else of the index).
    /// `recent`: what earlier searches found, to read and add to.
    pub(super) fn matches(
        &self,
        query: &Query,
        marks: &[MarkBits],
        within: Option<&[usize]>,
        recent: Option<&Recent>,
    ) -> Matches {
        // Without text to rank by (empty query, filters only), alphabetical order reads best.
        let ranked = query.positive_texts().next().is_some();
        // Each partner's tie-break rank, once the orders are made; until then each key holds
        // its partner's position, and the hits are ranked among themselves at the end.
        let orders = self.orders.get().map(|o| {
            if ranked { (&o.length_rank, &o.by_length) } else { (&o.name_rank, &o.by_name) }
        });
        let mut plans = self.plan(query, true);
        let scanned = within.map_or(self.entries.len(), <[usize]>::len);
        self.mark_occurrences(&mut plans, scanned);
        if let Some(recent) = recent
            && self.entries.len() >= POSTINGS_MIN
        {
            self.read_recent(&mut plans, recent, scanned);
            self.keep_scores(&mut plans, query.groups.len(), recent);
        }
        let notes = self.notes();
        // Only the partners that may match are scored, when the word lists can tell.
        let candidates = (self.postings.get().is_some() && scanned >= POSTINGS_MIN)
            .then(|| self.candidates(&plans, &notes.holders))
            .flatten()
            .map(|bits| match within {
                Some(within) => within.iter().copied().filter(|&i| bits.has(i)).collect(),
                None => bits.ones(),
            });
        let within: Option<&[usize]> = candidates.as_deref().or(within);
        let hit = |i: usize| {
            let mark = marks.get(i).copied().unwrap_or_default();
            self.score(i, &plans, mark, notes.get(i))
        };
        // A partner's whole name or alias typed word for word ranks it first.
        let named = query.phrase().map(|phrase| self.named(&phrase)).unwrap_or_default();
        let hit = |i: usize| {
            let bonus = |hit: Hit| Hit { score: hit.score.saturating_add(NAMED), ..hit };
            hit(i).map(|hit| if named.binary_search(&i).is_ok() { bonus(hit) } else { hit })
        };
        let tie_break = |i: usize| match orders {
            Some((ranks, _)) => ranks[i],
            None => u32::try_from(i).unwrap_or(u32::MAX),
        };
        let check = |i: usize| hit(i).map(|hit| HitKey::new(hit, tie_break(i)));
        // A key has no room for it: the few partners with a note say whether it was found
        // there (a partner not found is never asked for it).
        let in_note = notes.holders.iter().filter(|&&i| hit(i).is_some_and(|h| h.in_note));
        let in_note = in_note.copied().collect();
        let mut keys: Vec<HitKey> = match within {
            Some(subset) if subset.len() >= SPLIT_MIN => {
                subset.par_iter().filter_map(|&i| check(i)).collect()
            }
            Some(subset) => subset.iter().filter_map(|&i| check(i)).collect(),
            None if self.entries.len() >= SPLIT_MIN => {
                (0..self.entries.len()).into_par_iter().filter_map(check).collect()
            }
            None => (0..self.entries.len()).filter_map(check).collect(),
        };
        let by_rank = match orders {
            Some((_, by_rank)) => Arc::clone(by_rank),
            None => Arc::from(rank_among(&mut keys, |i| self.tie_key(i, ranked))),
        };
        Matches::new(keys, by_rank, in_note)
    }

    /// Tells the spellings of `plans` which partners may hold them, from the word lists,
    /// when there are `scanned` partners to look at: enough for the lists to pay.
    pub(super) fn mark_occurrences(&self, plans: &mut [GroupPlan<'_>], scanned: usize) {
        let Some(postings) = self.postings.get().filter(|_| scanned >= POSTINGS_MIN) else {
            return;
        };
        // Among few partners, a common spelling is read in their texts.
        let pays = |form: &&mut Form| postings.pays(form.plan.term(), scanned);
        for form in plans.iter_mut().flat_map(GroupPlan::forms_mut).filter(pays) {
            let start = form.kind != FormKind::Direct;
            let occurs = postings.may_hold(form.plan.term(), start, false);
            form.plan.in_short = postings.may_hold(form.plan.term(), start, true);
            form.plan.occurs = occurs;
        }
        for plan in plans {
            plan.bound_extras(self.entries.len());
        }
    }

    /// Gives the spellings of `plans` the slots of `recent` (or of the letters found ahead)
    /// that keep where each is found, told by the word lists when `scanned` partners make it
    /// pay.
    fn read_recent(&self, plans: &mut [GroupPlan<'_>], recent: &Recent, scanned: usize) {
        // What was typed is looked for again at the next keystroke; another spelling
        // of it (a glossary phrase holding a typed word) reads what it found.
        let (number, len) = (self.number, self.entries.len());
        for plan in plans.iter_mut() {
            for (slots, _) in &mut plan.direct {
                // Only words looked for by words (not `^prefix`, `suffix$`, `=whole`).
                let by_words = |slot: &&mut TermSlot<'_>| {
                    matches!(slot.term.atom, Atom::Text { mode: Mode::Exact | Mode::Fuzzy, .. })
                };
                for form in slots.iter_mut().filter(by_words).filter_map(|s| s.word.as_mut()) {
                    for form in form.forms.iter_mut().filter(|f| f.kind == FormKind::Direct) {
                        let term = form.plan.term();
                        let found = self.letters().slots(term);
                        let found = found
                            .unwrap_or_else(|| recent.slots(number, term, Sought::ByWords, len));
                        if let Some(postings) = self.postings.get()
                            && !found.asked()
                            && postings.pays(term, scanned)
                        {
                            fill_from_lists(postings, term, &found);
                        }
                        form.plan.found = Some(found);
                    }
                }
            }
        }
        // Any other spelling the word lists can tell about is told once and kept.
        let postings = self.postings.get();
        for form in plans.iter_mut().flat_map(GroupPlan::forms_mut) {
            // What fuzzy matching finds of what was typed (or of an equivalent, looked
            // for as typed) is kept too: it is looked for again at the next keystroke.
            if form.kind == FormKind::Direct && form.plan.fuzzy {
                let slots = recent.slots(number, form.plan.term(), Sought::ByLetters, len);
                form.plan.by_letters = Some(slots);
            }
            let term = form.plan.term();
            if form.plan.found.is_some() {
                continue;
            }
            form.plan.found = recent.kept(number, term, Sought::ByWords).or_else(|| {
                let postings = postings.filter(|p| p.can_tell(term) && p.pays(term, scanned))?;
                let found = recent.slots(number, term, Sought::ByWords, len);
                fill_from_lists(postings, term, &found);
                Some(found)
            });
        }
    }

    /// Gives `plans` (of a query of `groups` groups) the slots of `recent` that keep what
    /// they score in each partner between searches.
    fn keep_scores(&self, plans: &mut [GroupPlan<'_>], groups: usize, recent: &Recent) {
        // A group followed by another is done with: the next keystroke is unlikely to
        // change it, and what it scored in each partner is read again then. So is a
        // word of the glossary (typed in full, as a space or the next word will show):
        // its equivalents cost the most to score.
        let (number, len) = (self.number, self.entries.len());
        let done = |p: &&mut GroupPlan<'_>| p.groups.end < groups || !p.extras.is_empty();
        for plan in plans.iter_mut().filter(done) {
            if let Some(signature) = plan.signature() {
                plan.kept = Some(recent.slots(number, &signature, Sought::GroupScore, len));
            }
        }
        // A word done with is looked for again in a glossary phrase that holds it, and
        // equivalents share words: when the budget has room for it.
        let word_slots = |word: &mut WordPlan, mode: Mode| {
            let signature = word.signature(mode);
            word.kept = Some(recent.slots(number, &signature, Sought::WordScore, len));
        };
        if !memo::roomy(len) {
            return;
        }
        for plan in plans.iter_mut() {
            let done = plan.kept.is_some() || plan.groups.len() > 1;
            for slot in plan.direct.iter_mut().filter(|_| done).flat_map(|(slots, _)| slots) {
                if let (Atom::Text { mode, .. }, Some(word)) = (&slot.term.atom, &mut slot.word) {
                    word_slots(word, *mode);
                }
            }
            for word in plan.extras.iter_mut().flatten() {
                word_slots(word, Mode::Fuzzy);
            }
        }
    }
}
