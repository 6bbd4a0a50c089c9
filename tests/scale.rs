//! Search over more partners than the parallel threshold (4,096), against a naive matcher.
//!
//! Below the threshold the index is one folded text searched on one thread; above it, the text
//! is folded in chunks on every core (alias spans offset chunk by chunk) and searched in
//! parallel. Every other search test stays below. Here 8,500 generated partners (three
//! chunks) meet a table of queries, and the hits, their scores and order, and the highlights
//! are compared with a matcher written plainly from the rules in the README and the search
//! module's docs: fold each field with `search::fold`, look at each field on its own.
//!
//! The index is warmed ([`Index::warm`]) as the browser does, so its word lists decide which
//! texts are scanned; the forgiving rules (glossary, inflections, typos, notes) are checked
//! against the same index searched without word lists.

use std::cmp::Reverse;
use std::path::Path;
use std::sync::LazyLock;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use partners::dataset::{self, Partner};
use partners::search::{
    Atom, Glossary, Highlights, Hit, Index, MarkBits, Mode, Query, Searcher, Term, fold,
};

#[path = "../examples/generate.rs"]
#[allow(dead_code)]
mod generate;

/// More than two chunks of 4,096 partners, so that a third chunk's aliases lie two offsets on.
const PARTNERS: usize = 8_500;

struct World {
    partners: Vec<Partner>,
    folded: Vec<Folded>,
    index: Index,
    marks: Vec<MarkBits>,
}

static WORLD: LazyLock<World> = LazyLock::new(|| {
    let mut records = generate::records(PARTNERS);
    // Some texts stay beyond ASCII once folded: their words do not end where the word lists
    // cut them ("αquimper" holds "quimper" inside a word), so their texts are read.
    for record in records.iter_mut().step_by(37) {
        record.description.push_str(" Ωquimper agenceβ 日本national Ελλάδα");
    }
    for record in records.iter_mut().skip(5).step_by(101) {
        record.name.push_str(" Ωmega");
    }
    let source = generate::ron(&records);
    let partners = dataset::parse(&source, Path::new("generated.ron"))
        .unwrap_or_else(|e| panic!("the generated dataset does not load: {e}"))
        .partners;
    let with_aliases = partners.iter().filter(|p| !p.aliases.is_empty()).count();
    assert!(with_aliases > PARTNERS / 5, "aliases are generated, so their offsets matter");
    let folded = partners.iter().map(Folded::of).collect();
    let index = Index::new(&partners);
    index.warm();
    let marks =
        (0..PARTNERS).map(|i| MarkBits::new(i % 7 == 0, i % 11 == 0, i % 13 == 0)).collect();
    World { partners, folded, index, marks }
});

/// A partner's fields, each folded on its own.
struct Folded {
    name: String,
    acronym: String,
    aliases: Vec<String>,
    description: String,
    location: String,
    /// Each topic's slug and folded label, separated by spaces (the topics field).
    topics: String,
}

impl Folded {
    fn of(p: &Partner) -> Folded {
        let topics: Vec<String> =
            p.topics.iter().map(|t| format!("{} {}", t.slug(), fold(t.label()))).collect();
        Folded {
            name: fold(&p.name),
            acronym: fold(p.acronym.as_deref().unwrap_or_default()),
            aliases: p.aliases.iter().map(|a| fold(a)).collect(),
            description: fold(&p.description),
            location: fold(p.location.as_deref().unwrap_or_default()),
            topics: topics.join(" "),
        }
    }

    /// Acronym, name and aliases: where fuzzy, prefix and suffix terms look.
    fn shorts(&self) -> Vec<(&str, Field)> {
        let mut shorts =
            vec![(self.acronym.as_str(), Field::Name), (self.name.as_str(), Field::Name)];
        shorts.extend(self.aliases.iter().map(|a| (a.as_str(), Field::Alias)));
        shorts
    }

    fn all(&self) -> Vec<(&str, Field)> {
        let mut all = self.shorts();
        all.extend(
            [&self.description, &self.location, &self.topics].map(|t| (t.as_str(), Field::Text)),
        );
        all
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Quality {
    Fuzzy = 1,
    InsideWord = 2,
    WordPrefix = 3,
    WholeWord = 4,
    WholeField = 5,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Text = 0,
    Alias = 1,
    Name = 2,
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// Each occurrence of `term` in `text` (as `str::match_indices` finds them): its position in
/// characters and how it sits in its word.
fn occurrences(text: &str, term: &str) -> Vec<(usize, Quality)> {
    text.match_indices(term)
        .map(|(byte, _)| {
            let starts = text[..byte].chars().next_back().is_none_or(|c| !is_word(c));
            let after = &text[byte + term.len()..];
            let ends = after.chars().next().is_none_or(|c| !is_word(c));
            // A plural or feminine ending is no part of the word it ends: "sport" is whole in
            // "sports" (a plural from five letters, a feminine from six).
            let rest: String = after.chars().take_while(|&c| is_word(c)).collect();
            let inflected = match rest.as_str() {
                "s" | "x" => term.len() >= 5,
                "e" | "es" => term.len() >= 6,
                _ => false,
            };
            let quality = match (starts, ends || inflected) {
                (true, true) => Quality::WholeWord,
                (true, false) => Quality::WordPrefix,
                _ => Quality::InsideWord,
            };
            (text[..byte].chars().count(), quality)
        })
        .collect()
}

/// Skim's hit of `term` in a short field when credible: the matched letters form runs, the
/// first starting a word and at most one other starting inside a word.
fn credible_fuzzy(text: &str, term: &str) -> Option<(i64, Vec<usize>)> {
    static MATCHER: LazyLock<SkimMatcherV2> =
        LazyLock::new(|| SkimMatcherV2::default().ignore_case());
    // Skim finds the term's letters in order, or nothing: skip it where they are not.
    let mut letters = text.chars();
    if !term.chars().all(|t| letters.any(|c| c == t)) {
        return None;
    }
    let (score, positions) = MATCHER.fuzzy_indices(text, term)?;
    let chars: Vec<char> = text.chars().collect();
    let starts_word = |p: usize| p == 0 || !is_word(chars[p - 1]);
    let run_starts: Vec<usize> = positions
        .iter()
        .enumerate()
        .filter(|&(k, &p)| k == 0 || positions[k - 1] + 1 != p)
        .map(|(_, &p)| p)
        .collect();
    let inside = run_starts.iter().filter(|&&p| !starts_word(p)).count();
    let first = *run_starts.first()?;
    (starts_word(first) && inside <= 1).then_some((score, positions))
}

/// Whether a plain term is too short to count inside words of a long text.
fn too_short(term: &str) -> bool {
    term.chars().count() <= 3
}

/// The best (quality, field, fine score) of a text term over a partner's fields.
fn text_match(p: &Folded, term: &str, mode: Mode) -> Option<(Quality, Field, u32)> {
    let whole = |text: &str, field: Field| {
        if field != Field::Text && text == term { Quality::WholeField } else { Quality::WholeWord }
    };
    match mode {
        Mode::Prefix | Mode::Suffix | Mode::Whole => p
            .shorts()
            .into_iter()
            .filter(|(text, _)| match mode {
                Mode::Prefix => text.starts_with(term),
                Mode::Suffix => text.ends_with(term),
                _ => *text == term,
            })
            .map(|(text, field)| (whole(text, field), field, 999))
            .max(),
        Mode::Exact | Mode::Fuzzy => {
            let best = p
                .all()
                .into_iter()
                .flat_map(|(text, field)| {
                    // A plain term of three letters or fewer starts a word of a long text.
                    let short_in_text =
                        mode == Mode::Fuzzy && field == Field::Text && too_short(term);
                    let occurrences = occurrences(text, term).into_iter();
                    let occurrences = occurrences.filter(move |(_, quality)| {
                        !short_in_text || *quality > Quality::InsideWord
                    });
                    occurrences.map(move |(at, quality)| {
                        let quality = if field != Field::Text && text == term {
                            Quality::WholeField
                        } else {
                            quality
                        };
                        (quality, field, 999 - u32::try_from(at.min(999)).unwrap_or(999))
                    })
                })
                .max();
            if best.is_some() || mode == Mode::Exact || term.chars().count() < 3 {
                return best;
            }
            p.shorts()
                .into_iter()
                .filter_map(|(text, field)| {
                    let (score, _) = credible_fuzzy(text, term)?;
                    Some((Quality::Fuzzy, field, u32::try_from(score.clamp(0, 999)).unwrap_or(0)))
                })
                .max()
        }
    }
}

/// The score of `atom` for partner `i`, with whether it hit the name or acronym.
fn atom_match(world: &World, i: usize, atom: &Atom) -> Option<(u32, bool)> {
    let (p, folded) = (&world.partners[i], &world.folded[i]);
    let filter = |ok: bool| ok.then_some((0, false));
    match atom {
        Atom::Kind(kinds) => filter(kinds.contains(&p.kind)),
        Atom::Scope(scopes) => filter(scopes.contains(&p.scope)),
        Atom::Topic(topics) => filter(topics.iter().any(|t| p.topics.contains(t))),
        Atom::In(place) => filter(folded.location.contains(place.as_str())),
        Atom::Mark(mark) => filter(world.marks[i].has(*mark)),
        Atom::Text { text, mode } => {
            let (quality, field, fine) = text_match(folded, text, *mode)?;
            Some((quality as u32 * 10_000 + field as u32 * 1_000 + fine, field == Field::Name))
        }
    }
}

/// Every partner matching `query`, best first, found by looking at each one in turn.
fn naive_search(world: &World, query: &Query) -> Vec<Hit> {
    let plain = |group: &Vec<Term>| match group.as_slice() {
        [Term { atom: Atom::Text { text, mode: Mode::Fuzzy }, negated: false }] => {
            Some(text.clone())
        }
        _ => None,
    };
    let words: Option<Vec<String>> = query.groups.iter().map(plain).collect();
    let phrase = words.filter(|w| w.len() >= 2).map(|w| w.join(" "));
    let mut hits: Vec<Hit> = (0..world.partners.len())
        .filter_map(|i| {
            let mut total = 0u32;
            let mut name_hit = false;
            for group in &query.groups {
                let mut best: Option<(u32, bool)> = None;
                for term in group {
                    let outcome = match (atom_match(world, i, &term.atom), term.negated) {
                        (Some(m), false) => Some(m),
                        (None, true) => Some((0, false)),
                        _ => None,
                    };
                    // The first of equal scores stays.
                    if let Some(m) = outcome
                        && best.is_none_or(|b| m.0 > b.0)
                    {
                        best = Some(m);
                    }
                }
                let (score, hit_name) = best?;
                total = total.saturating_add(score);
                name_hit |= hit_name;
            }
            // The whole name or an alias, typed word for word, ranks first.
            let p = &world.partners[i];
            if phrase.as_ref().is_some_and(|phrase| {
                std::iter::once(&p.name).chain(&p.aliases).any(|n| fold(n) == *phrase)
            }) {
                total = total.saturating_add(1 << 24);
            }
            Some(Hit { index: i, score: total, name_hit, in_note: false, lacks: None })
        })
        .collect();
    let ranked =
        query.groups.iter().flatten().any(|t| !t.negated && matches!(t.atom, Atom::Text { .. }));
    // Ties: shorter names first when text ranks, then alphabetical order of folded names.
    hits.sort_by_cached_key(|h| {
        let name = &world.partners[h.index].name;
        let length = if ranked { name.chars().count() } else { 0 };
        (Reverse(h.score), !h.name_hit, length, fold(name), h.index)
    });
    hits
}

/// `original` folded one character at a time, with the original position of each folded one.
fn folded_with_positions(original: &str) -> (String, Vec<usize>) {
    let mut folded = String::new();
    let mut positions = Vec::new();
    for (k, c) in original.chars().enumerate() {
        let one = fold(&c.to_string());
        positions.extend(std::iter::repeat_n(k, one.chars().count()));
        folded.push_str(&one);
    }
    assert_eq!(folded, fold(original), "folding goes character by character");
    (folded, positions)
}

/// The original positions of every occurrence of `term` in `original` once folded (with
/// `starts`, of those that start a word).
fn occurrence_positions(original: &str, term: &str, starts: bool) -> Vec<usize> {
    let (folded, positions) = folded_with_positions(original);
    let len = term.chars().count();
    occurrences(&folded, term)
        .into_iter()
        .filter(|(_, quality)| !starts || *quality > Quality::InsideWord)
        .flat_map(|(at, _)| positions[at..at + len].to_vec())
        .collect()
}

fn naive_highlights(p: &Partner, query: &Query) -> Highlights {
    let mut out =
        Highlights { aliases: vec![Vec::new(); p.aliases.len()], ..Highlights::default() };
    let terms =
        query.groups.iter().flatten().filter(|t| !t.negated).filter_map(|t| match &t.atom {
            Atom::Text { text, mode } => Some((text.as_str(), *mode)),
            _ => None,
        });
    for (term, mode) in terms {
        let len = term.chars().count();
        let short = |original: &str, out: &mut Vec<usize>| {
            let (folded, positions) = folded_with_positions(original);
            match mode {
                Mode::Prefix if folded.starts_with(term) => out.extend(&positions[..len]),
                Mode::Suffix if folded.ends_with(term) => {
                    out.extend(&positions[positions.len() - len..]);
                }
                Mode::Whole if folded == term => out.extend(&positions),
                Mode::Exact | Mode::Fuzzy if folded.contains(term) => {
                    out.extend(occurrence_positions(original, term, false));
                }
                Mode::Fuzzy => {
                    if let Some((_, found)) = credible_fuzzy(&folded, term) {
                        out.extend(found.iter().map(|&f| positions[f]));
                    }
                }
                _ => {}
            }
        };
        short(&p.name, &mut out.name);
        if let Some(acronym) = &p.acronym {
            short(acronym, &mut out.acronym);
        }
        for (alias, marks) in p.aliases.iter().zip(&mut out.aliases) {
            short(alias, marks);
        }
        if matches!(mode, Mode::Exact | Mode::Fuzzy) {
            let starts = mode == Mode::Fuzzy && too_short(term);
            out.description.extend(occurrence_positions(&p.description, term, starts));
            if let Some(location) = &p.location {
                out.location.extend(occurrence_positions(location, term, starts));
            }
        }
    }
    for positions in [&mut out.name, &mut out.acronym, &mut out.description, &mut out.location]
        .into_iter()
        .chain(out.aliases.iter_mut())
    {
        positions.sort_unstable();
        positions.dedup();
    }
    out
}

/// Plain words, acronyms, typos, every mode, negations, alternatives, filters, marks, words
/// found only in aliases, single letters and accents.
const QUERIES: &[&str] = &[
    "commande publique",
    "quimper",
    "bordeaux metropole",
    "cnfpt",
    "icpr",
    "comande",
    "obsrvatoire quimper",
    "montelimr",
    "agnce nationle",
    "'collectif quimper",
    "'ubliq",
    "'d'agglo",
    "^agence",
    "^quimper",
    "quimper$",
    "brest$ ^agence",
    "^cncp$",
    "^agence quimper$",
    "agence !quimper",
    "!'national collectif",
    "lyon | brest",
    "quimper | kind:media",
    "^office | ^maison nantes",
    "kind:media",
    "scope:nat",
    "topic:sport",
    "in:bordeaux",
    "kind:pub topic:europe in:rhone",
    "!kind:media in:lyon",
    "is:starred agence",
    "is:met has:note",
    "network",
    "network quimper",
    "'network of",
    "tourism network",
    "a",
    "é",
    "2",
    "d'",
    "été",
    "ÉCOLOGIQUE",
    "coop",
    "territ",
    "procurement",
    "public procurement",
];

fn check(world: &World, text: &str, hits: &[Hit]) {
    let query = Query::parse(text).unwrap_or_else(|e| panic!("{text:?} does not parse: {e}"));
    let expected = naive_search(world, &query);
    let id = |h: &Hit| world.partners[h.index].id.as_str();
    if hits != expected {
        let first = hits
            .iter()
            .zip(&expected)
            .position(|(a, b)| a != b)
            .unwrap_or(hits.len().min(expected.len()));
        panic!(
            "{text:?}: {} hits, the naive matcher {}; first difference at {first}: {:?} ({:?}) against {:?} ({:?})",
            hits.len(),
            expected.len(),
            hits.get(first),
            hits.get(first).map(id),
            expected.get(first),
            expected.get(first).map(id),
        );
    }
    // Highlights of the best hits and of a sample of the others.
    for hit in hits.iter().take(40).chain(hits.iter().skip(40).step_by(151)) {
        let p = &world.partners[hit.index];
        assert_eq!(
            world.index.highlights(hit.index, p, &query),
            naive_highlights(p, &query),
            "{text:?}: highlights of {}",
            p.id
        );
    }
}

#[test]
fn the_index_agrees_with_a_naive_matcher_above_the_parallel_threshold() {
    let world = &*WORLD;
    let mut found_somewhere = 0;
    for text in QUERIES {
        let query = Query::parse(text).unwrap_or_else(|e| panic!("{text:?} does not parse: {e}"));
        let hits = world.index.search(&query, &world.marks, None);
        found_somewhere += usize::from(!hits.is_empty());
        check(world, text, &hits);
    }
    assert!(found_somewhere >= QUERIES.len() - 2, "the queries find something in the data");
}

#[test]
fn what_the_word_lists_tell_agrees_with_a_naive_matcher() {
    // A searcher asks the word lists where each word is (in which field, where, how) rather
    // than reading every text; texts beyond ASCII are still read.
    let world = &*WORLD;
    let beyond = world.folded.iter().filter(|p| !p.all().iter().all(|(t, _)| t.is_ascii()));
    assert!(beyond.count() > PARTNERS / 40, "some texts are not all ASCII once folded");
    for text in QUERIES.iter().chain(&["quimper agence", "national", "omega", "ega"]) {
        let query = Query::parse(text).unwrap_or_else(|e| panic!("{text:?} does not parse: {e}"));
        let mut searcher = Searcher::default();
        check(world, text, &searcher.search(&world.index, &query, &world.marks));
    }
}

#[test]
fn single_letters_found_ahead_agree_with_a_naive_matcher() {
    // Warming finds what each letter is found as in every partner (the first key of every
    // search, and of every word after the first); a searcher reads that instead of scanning.
    let world = &*WORLD;
    let mut searcher = Searcher::default();
    for letter in 'a'..='z' {
        for text in [letter.to_string(), format!("public {letter}"), format!("{letter} | ugap")] {
            let query = Query::parse(&text).unwrap_or_default();
            check(world, &text, &searcher.search(&world.index, &query, &world.marks));
        }
    }
}

#[test]
fn typing_narrows_to_the_same_results_above_the_parallel_threshold() {
    let world = &*WORLD;
    let mut searcher = Searcher::default();
    for typed in ["agence quimper", "'collectif network | b"] {
        searcher.reset();
        for end in typed.char_indices().map(|(at, c)| at + c.len_utf8()) {
            let Ok(query) = Query::parse(&typed[..end]) else { continue };
            let hits = searcher.search(&world.index, &query, &world.marks);
            assert_eq!(hits, world.index.search(&query, &world.marks, None), "{:?}", &typed[..end]);
        }
        check(
            world,
            typed,
            &searcher.search(&world.index, &Query::parse(typed).unwrap_or_default(), &world.marks),
        );
    }
}

// The forgiving rules, the word lists and words of two letters, warm against cold.
#[path = "scale/word_lists.rs"]
mod word_lists;
