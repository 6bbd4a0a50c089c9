//! Query parsing, folding, matching, ranking and highlight positions.
//!
//! The haystack is folded once when the index is built; a query is folded when parsed. Fuzzy
//! matching (Skim V2) is used only on short fields (name, acronym, aliases); long text
//! (description, location, topics) matches by words, never by letters scattered across it.
//! This module knows nothing of the terminal nor of files.
//!
//! Speed (see BENCHMARKS.md): each partner's folded fields lie end to end in a few large texts,
//! scanned in one pass with a SIMD substring search; small per-partner bit sets let a scan stop
//! as soon as no later field can do better and skip fuzzy matching where it cannot succeed;
//! large searches run on every core and sort plain integers.
//!
//! - `fold`: text made comparable, with a map back to original characters;
//! - `query`: the query language;
//! - `glossary`: equivalent French and English terms, elision, inflections, stop words;
//! - `expand`: what a query looks for once the glossary and typos are applied;
//! - `index`: the folded partners and search results;
//! - `highlight`: where a query matched, in a partner's original text;
//! - `matching`: one partner against one query (scores, word classes);
//! - `fuzzy`: fuzzy hits in short fields, and the cheap tests that spare the matcher;
//! - `masks`: characters and words as bit sets, to stop scans early;
//! - `postings`: which partners hold each word, so that a large search scans fewer texts;
//! - `letters`: what single letters are found as in each partner, found ahead;
//! - `names`: partners by their whole name or alias, for a query that is one;
//! - `memo`: what recent spellings were found as in each partner, between keystrokes;
//! - `ranked`: results as sortable integers, best first;
//! - `searcher`: incremental search, keystroke after keystroke;
//! - `vocabulary`: the distinct words of the partners, for corrections and the word lists.

mod candidates;
mod expand;
mod fold;
mod fuzzy;
mod glossary;
mod highlight;
mod index;
mod letters;
mod masks;
mod matching;
mod memo;
mod names;
mod postings;
mod query;
mod ranked;
mod searcher;
mod vocabulary;

pub use fold::{fold, fold_with_map};
pub use glossary::{Glossary, GlossaryError, GlossaryGroup};
pub use highlight::{Highlights, TextMarker};
pub use index::{Field, Hit, Index, IndexPart};
pub use query::{
    Atom, FILTERS, Mark, MarkBits, Mode, Query, QueryError, Term, kind_listed, kinds_named,
    scope_listed, topic_listed,
};
pub use ranked::{Ranked, TOP};
pub use searcher::Searcher;
