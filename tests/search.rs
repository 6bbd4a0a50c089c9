//! Search behaviour over the bundled catalog: what a query finds, in which order, where the
//! highlights land, and that no query (however odd) panics or differs when typed key by key.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use partners::catalog::Catalog;
use partners::dataset::{Kind, Partner, Scope, Topic, parse};
use partners::search::{Highlights, Hit, Index, MarkBits, Query, Searcher, fold};
use proptest::prelude::*;
use rstest::rstest;

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| {
    Catalog::bundled().unwrap_or_else(|e| panic!("the bundled dataset does not load:\n{e}"))
});

fn catalog() -> &'static Catalog {
    &CATALOG
}

fn parse_query(text: &str) -> Query {
    Query::parse(text).unwrap_or_else(|e| panic!("query {text:?} does not parse: {e}"))
}

fn hits_with(text: &str, marks: &[MarkBits]) -> Vec<Hit> {
    catalog().index().search(&parse_query(text), marks, None)
}

/// The ids found by `text`, best first, with no marks set.
fn ids_with(text: &str, marks: &[MarkBits]) -> Vec<&'static str> {
    hits_with(text, marks).iter().map(|h| catalog().partners()[h.index].id.as_str()).collect()
}

fn ids(text: &str) -> Vec<&'static str> {
    ids_with(text, &[])
}

fn rank(found: &[&str], id: &str) -> usize {
    found.iter().position(|f| *f == id).unwrap_or_else(|| panic!("{id} not found in {found:?}"))
}

fn partner(id: &str) -> (usize, &'static Partner) {
    let index = catalog().position(id).unwrap_or_else(|| panic!("no partner {id}"));
    (index, &catalog().partners()[index])
}

/// The characters of `text` at `positions`, in order.
fn picked(text: &str, positions: &[usize]) -> String {
    let chars: Vec<char> = text.chars().collect();
    positions
        .iter()
        .map(|&p| *chars.get(p).unwrap_or_else(|| panic!("position {p} is past {text:?}")))
        .collect()
}

fn highlights(id: &str, query: &str) -> (Highlights, &'static Partner) {
    let (index, p) = partner(id);
    (catalog().index().highlights(index, p, &parse_query(query)), p)
}

// ---------------------------------------------------------------------------------------------
// What comes first

#[rstest]
// Accents and case
// Typos in words of five letters or more (one edit; two from nine letters), issue 10
#[case::word_plus_letter_is_a_typo("seoulx", "gsef")]
#[case::transposition_is_a_typo("metroploe", "bordeaux-metropole")]
#[case::plain_accent_free("metropole", "bordeaux-metropole")]
#[case::accented("Métropole", "bordeaux-metropole")]
#[case::upper_case("METROPOLE", "bordeaux-metropole")]
#[case::typographic_apostrophe_in_haystack("ile de france", "amif")]
#[case::plain_apostrophe_in_query("l'ile", "amif")]
#[case::accented_query_plain_haystack("Île-de-France", "amif")]
#[case::accent_in_name("regions", "regions-de-france")]
#[case::accent_in_alias("commission européenne", "european-commission")]
#[case::accent_in_alias_folded("commission europeenne", "european-commission")]
// Acronyms
#[case::acronym("cnfpt", "cnfpt")]
#[case::acronym_upper("CNFPT", "cnfpt")]
#[case::acronym_mixed_case("udite", "udite")]
#[case::acronym_with_digit("3ar", "3ar")]
#[case::acronym_alias("adcf", "intercommunalites-de-france")]
#[case::ugap("ugap", "ugap")]
#[case::possessive("ugap's", "ugap")]
#[case::possessive_acronym("EU's", "european-commission")]
#[case::possessive_typographic("cnfpt’s training", "cnfpt")]
#[case::hashtag("#FrenchTech", "french-tech-bordeaux")]
#[case::hashtag_acronym("#ESS", "ess-france")]
#[case::handle("@UGAP", "ugap")]
// Multi-word
#[case::two_words_in_name("french tech bordeaux", "french-tech-bordeaux")]
#[case::alias_words("Ville de Bordeaux", "bordeaux")]
#[case::words_across_fields("assoc maires", "amif")]
#[case::description_words("weka le mag", "weka")]
#[case::word_in_name_and_description("social economy", "gsef")]
// Typos and abbreviations
#[case::missing_letter("bordaux", "bordeaux-metropole")]
#[case::abbreviation("fr tech", "french-tech-bordeaux")]
#[case::missing_letter_long("intercomunalites", "intercommunalites-de-france")]
#[case::missing_letter_alias("walonie", "spw")]
#[case::truncated_word("frenc tech", "french-tech-bordeaux")]
// Long text matches by words
#[case::word_prefix_in_description("sport", "andes")]
#[case::word_prefix_with_accent("ecolog", "iclei")]
#[case::word_in_description("seoul", "gsef")]
#[case::word_in_description_only("tourism", "bordeaux")]
#[case::number("2000", "mairie-2000")]
// Syntax
#[case::exact("'ugap", "ugap")]
#[case::exact_inside_word("'ecolo", "iclei")]
#[case::prefix("^cci", "cci-bordeaux-gironde")]
#[case::prefix_shortest_name_first("^bor", "bordeaux-metropole")]
#[case::suffix("ugap$", "ugap")]
#[case::whole("^ugap$", "ugap")]
#[case::negation("ugap !spw", "ugap")]
#[case::negation_filters_out("bordeaux !metropole !city !chamber", "french-tech-bordeaux")]
#[case::or_best_first("bordeaux | weka", "weka")]
#[case::or_in_and("fr tech | weka", "french-tech-bordeaux")]
// Field filters
#[case::kind_alphabetical("kind:media", "achatpublic-info")]
#[case::kind_prefix("kind:intern", "iclei")]
#[case::scope("scope:international", "iclei")]
#[case::topic("topic:sport", "andes")]
#[case::topic_prefix("topic:tour", "bordeaux")]
#[case::location("in:wallonia", "spw")]
#[case::location_accents("in:ile-de-france", "amif")]
#[case::filter_and_text("kind:elected france", "france-urbaine")]
#[case::negated_filter("!kind:local-authority bordeaux", "cci-bordeaux-gironde")]
// Ranking: a word in a name beats the same word in a description
#[case::name_beats_description("innovation", "adi-nouvelle-aquitaine")]
#[case::name_beats_description_2("economy", "gsef")]
// An alias beats description and topics
#[case::alias_beats_topics("sustainability", "iclei")]
#[case::alias_beats_description("environmental", "iclei")]
// Name and acronym beat aliases
#[case::name_beats_alias("publics", "3ar")]
fn first_result(#[case] query: &str, #[case] expected: &str) {
    let found = ids(query);
    assert_eq!(found.first().copied(), Some(expected), "{query:?} found {found:?}");
}

#[rstest]
#[case::gibberish("zzzz")]
#[case::gibberish_2("xyzzy")]
#[case::exact_absent("'zz")]
#[case::filters_exclude("kind:media bordeaux")]
#[case::negation_excludes_all("!france kind:elected")]
#[case::whole_needs_the_whole_field("^uga$")]
#[case::prefix_is_on_short_fields_only("^seoul")]
#[case::no_marks_no_stars("is:starred")]
#[case::no_marks_no_notes("has:note")]
#[case::no_marks_no_met("is:met")]
#[case::and_of_disjoint_terms("ugap weka")]
fn no_match(#[case] query: &str) {
    let found = ids(query);
    assert!(found.is_empty(), "{query:?} found {found:?}");
}

#[rstest]
#[case::ugap_only("ugap", &["ugap"])]
#[case::seoul_is_gsef_not_iclei("seoul", &["gsef"])]
#[case::sport("sport", &["andes"])]
#[case::exact_case_insensitive("'UGAP", &["ugap"])]
#[case::kind("kind:media", &["weka", "achatpublic-info"])]
#[case::scope_prefix("scope:eu", &["european-commission", "ensie", "udite"])]
#[case::location("in:belgium", &["european-commission", "spw"])]
#[case::or_of_filters("kind:media | kind:foundation", &["weka", "achatpublic-info", "fondation-paris-saclay"])]
#[case::in_and_topic("in:bordeaux topic:innovation", &["french-tech-bordeaux"])]
#[case::scope_international("scope:international", &["gsef", "iclei"])]
// DGS, "directeur général des services", the head of a local authority's services.
#[case::dgs("dgs", &["udite", "adgcf", "sndgct"])]
fn exact_result_set(#[case] query: &str, #[case] expected: &[&str]) {
    let found: BTreeSet<&str> = ids(query).into_iter().collect();
    let expected: BTreeSet<&str> = expected.iter().copied().collect();
    assert_eq!(found, expected, "{query:?}");
}

/// Typos are forgiven from five letters; of four, only two neighbouring letters swapped in a
/// partner's acronym (`amfi` for AMIF), found below any match as typed. A word the partners
/// write is no typo, and common four-letter words find what they find as typed.
#[test]
fn a_four_letter_acronym_with_two_letters_swapped_is_found() {
    assert_eq!(ids("amfi"), ["amif"]);
    assert_eq!(ids("gsfe"), ["gsef"]);
    assert_eq!(ids("GSFE maires"), Vec::<&str>::new(), "every word still must match");
    // Below a partner that has the word as typed, as the start of a word.
    let mut partners = catalog().partners().to_vec();
    partners[0].description = "Amfitheatres and stadiums.".to_owned();
    let first = partners[0].id.clone();
    let index = Index::with_glossary(&partners, partners::search::Glossary::bundled());
    let found: Vec<&str> = index
        .search(&parse_query("amfi"), &[], None)
        .iter()
        .map(|hit| partners[hit.index].id.as_str())
        .collect();
    assert_eq!(found, [first.as_str(), "amif"]);
    // "tres" (très) written by a partner is no typo for RTES.
    assert!(ids("rets").contains(&"rtes"));
    partners[1].description = "Une association tres active.".to_owned();
    let index = Index::with_glossary(&partners, partners::search::Glossary::bundled());
    let found = index.search(&parse_query("tres"), &[], None);
    let found: Vec<&str> = found.iter().map(|hit| partners[hit.index].id.as_str()).collect();
    assert!(found.contains(&partners[1].id.as_str()) && !found.contains(&"rtes"), "{found:?}");
    // Nor when only a note holds it: the noted partner, not RTES.
    let index = Index::with_glossary(catalog().partners(), partners::search::Glossary::bundled());
    index.set_notes([(1, "Vu au salon, tres actifs.")]);
    let found = index.search(&parse_query("tres"), &[], None);
    let found: Vec<&str> =
        found.iter().map(|hit| catalog().partners()[hit.index].id.as_str()).collect();
    let noted = catalog().partners()[1].id.as_str();
    assert!(found.contains(&noted) && !found.contains(&"rtes"), "{found:?}");
}

#[test]
fn case_and_accents_do_not_change_results() {
    let plain = hits_with("metropole", &[]);
    assert!(!plain.is_empty());
    for variant in ["Métropole", "METROPOLE", "MÉTROPOLE", "métropole", "Metropole"] {
        assert_eq!(hits_with(variant, &[]), plain, "{variant}");
    }
    let amif = hits_with("ile de france", &[]);
    for variant in ["Île-de-France", "ÎLE DE FRANCE", "île de france"] {
        assert_eq!(ids(variant).first(), amif.first().map(|_| &"amif"), "{variant}");
    }
}

/// Two words that are also a glossary phrase find what they find as words, each with its
/// own one-word equivalents, as whole words: the phrase's equivalents come on top, so the
/// order the words are typed in changes nothing. (Typed apart, an equivalent also counts as
/// the start of a word: `leaders business` finds "headquarters" by "heads".)
#[rstest]
#[case("sustainable procurement")]
#[case("achat durable")]
#[case("public procurement")]
fn a_phrase_finds_what_its_words_find(#[case] phrase: &str) {
    let reversed: Vec<&str> = phrase.split(' ').rev().collect();
    let set = |query: &str| ids(query).into_iter().collect::<BTreeSet<_>>();
    assert_eq!(set(phrase), set(&reversed.join(" ")), "{phrase}");
}

/// Formatting characters copied along with a word (a zero-width space from a web page, a soft
/// hyphen, a bidirectional mark, an emoji's variation selector) are no part of it.
#[test]
fn invisible_characters_do_not_change_results() {
    let plain = hits_with("ugap achat", &[]);
    assert!(!plain.is_empty());
    for variant in ["ugap\u{200B} achat", "\u{FEFF}ugap ach\u{AD}at", "\u{200E}ugap achat\u{2060}"]
    {
        assert_eq!(hits_with(variant, &[]), plain, "{variant:?}");
    }
    let (h, p) = highlights("ugap", "u\u{200B}gap");
    assert_eq!(picked(&p.name, &h.name), "UGAP");
}

#[test]
fn scattered_letters_in_a_long_name_are_not_a_match() {
    // "seoul" is spread over "Conseil International pour les Initiatives Ecologiques Locales".
    let found = ids("seoul");
    assert!(!found.contains(&"iclei"), "{found:?}");
    assert_eq!(found, ["gsef"]);
}

#[test]
fn letters_scattered_across_a_description_are_not_a_match() {
    // Every letter of "cnfpt" is in most descriptions; only names may match fuzzily.
    for id in ids("cnfpt") {
        let (_, p) = partner(id);
        let short = [p.name.as_str(), p.acronym.as_deref().unwrap_or("")].join(" ");
        assert!(
            fold(&short).contains('c') && fold(&short).contains('t'),
            "{id} matched cnfpt without its name"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Ranking

#[test]
fn a_word_in_a_name_beats_the_same_word_in_a_description() {
    let found = ids("innovation");
    // "Innovation" is in the name of the ADI, in the descriptions of the others.
    assert_eq!(found[0], "adi-nouvelle-aquitaine");
    for other in ["mission-french-tech", "french-tech-bordeaux", "fondation-paris-saclay"] {
        assert!(rank(&found, other) > 0, "{found:?}");
    }
    let found = ids("economy");
    assert!(rank(&found, "gsef") < rank(&found, "pacte-pme"), "{found:?}");
}

#[test]
fn names_and_acronyms_beat_aliases_which_beat_description_and_topics() {
    let found = ids("publics");
    // Name: 3AR, APASP; alias: UGAP ("Union des groupements d'achats publics").
    assert!(rank(&found, "3ar") < rank(&found, "ugap"), "{found:?}");
    assert!(rank(&found, "apasp") < rank(&found, "ugap"), "{found:?}");
    // Alias of ICLEI against the description of GSEF and a topic of many.
    let found = ids("governments");
    assert!(rank(&found, "iclei") < rank(&found, "gsef"), "{found:?}");
    let found = ids("sustainability");
    assert_eq!(found[0], "iclei", "{found:?}");
    let found = ids("environmental");
    assert!(rank(&found, "iclei") < rank(&found, "guichet-vert"), "{found:?}");
}

#[test]
fn a_whole_word_beats_a_scattered_fuzzy_hit_even_in_a_lesser_field() {
    // GSEF's description has the word "governments"; UDiTE's name only fuzzily
    // ("Government" ... "s").
    let found = ids("governments");
    assert!(found.contains(&"udite"), "{found:?}");
    assert!(rank(&found, "gsef") < rank(&found, "udite"), "{found:?}");
    let hits = hits_with("governments", &[]);
    let score = |id: &str| {
        let (index, _) = partner(id);
        hits.iter().find(|h| h.index == index).map(|h| h.score)
    };
    assert!(score("gsef") > score("udite"));
}

#[test]
fn an_exact_field_beats_a_word_in_a_longer_one() {
    // The City of Bordeaux has the alias "Bordeaux"; Bordeaux Métropole only starts with it.
    let found = ids("bordeaux");
    assert_eq!(found[0], "bordeaux", "{found:?}");
    assert!(rank(&found, "bordeaux-metropole") < rank(&found, "gsef"), "{found:?}");
}

#[test]
fn a_partners_whole_name_or_alias_typed_ranks_it_first() {
    // "La French Tech" is an alias of Mission French Tech, whose stop word counts for
    // nothing: French Tech Bordeaux, with both other words at the start of its name, led.
    for p in catalog().partners() {
        for typed in std::iter::once(&p.name).chain(&p.aliases) {
            for typed in [typed.clone(), typed.to_lowercase(), fold(typed)] {
                let found = ids(&typed);
                assert_eq!(found.first(), Some(&p.id.as_str()), "{typed}: {found:?}");
            }
        }
    }
    // Only the whole of it: "French Tech" is the start of French Tech Bordeaux's name.
    assert_eq!(ids("french tech")[0], "french-tech-bordeaux");
    assert_eq!(ids("la french tech")[..2], ["mission-french-tech", "french-tech-bordeaux"]);
}

#[test]
fn order_is_score_then_name_hits_then_shorter_name_then_name() {
    for query in
        ["bordaux", "france$", "^bor", "economy", "ess", "publics", "bordeaux", "kind:media ess"]
    {
        let hits = hits_with(query, &[]);
        let key = |h: &Hit| {
            let p = &catalog().partners()[h.index];
            (std::cmp::Reverse(h.score), !h.name_hit, p.name.chars().count(), fold(&p.name))
        };
        for pair in hits.windows(2) {
            assert!(
                key(&pair[0]) <= key(&pair[1]),
                "{query:?}: {:?} before {:?}",
                pair[0],
                pair[1]
            );
        }
        // Deterministic: the same query gives the same list.
        assert_eq!(hits, hits_with(query, &[]), "{query:?}");
    }
}

#[test]
fn without_text_to_rank_by_the_order_is_alphabetical() {
    for query in ["", "kind:media", "scope:national", "in:bordeaux", "!kind:media", "!ugap"] {
        let hits = hits_with(query, &[]);
        assert!(hits.iter().all(|h| h.score == 0), "{query:?}");
        let names: Vec<String> =
            hits.iter().map(|h| fold(&catalog().partners()[h.index].name)).collect();
        assert!(names.is_sorted(), "{query:?}: {names:?}");
        assert_eq!(hits, hits_with(query, &[]), "{query:?}");
    }
}

#[test]
fn the_empty_query_lists_everyone() {
    // fzf 0.74 too lists everything for `^` and `^$`.
    for empty in ["", "   ", "'", "!", "^", "^$", "|", "| |", "kind:", "is:", "!'"] {
        assert_eq!(hits_with(empty, &[]).len(), catalog().partners().len(), "{empty:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Properties

/// Characters that occur in partner names, plus the syntax characters.
fn alphabet() -> Vec<char> {
    let mut chars: BTreeSet<char> =
        catalog().partners().iter().flat_map(|p| p.name.chars()).collect();
    chars.extend(" '^$!|".chars());
    chars.into_iter().collect()
}

/// One keystroke: a character, or Backspace (`None`).
fn keystrokes() -> impl Strategy<Value = Vec<Option<char>>> {
    let alphabet = alphabet();
    let key = prop_oneof![
        9 => proptest::sample::select(alphabet).prop_map(Some),
        1 => Just(None),
    ];
    proptest::collection::vec(key, 0..40)
}

/// Lower-case letters of names, weighted towards them, so typed queries often match.
fn name_words() -> impl Strategy<Value = String> {
    let words: Vec<String> = catalog()
        .partners()
        .iter()
        .flat_map(|p| p.name.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>())
        .collect();
    let word = proptest::sample::select(words);
    let sep = proptest::sample::select(vec![" ", " ", " | ", " !", " '", " ^", "$ "]);
    proptest::collection::vec((sep, word), 1..4)
        .prop_map(|parts| parts.into_iter().flat_map(|(s, w)| [s.to_owned(), w]).collect())
}

fn check_incremental(typed: &str, searcher: &mut Searcher, marks: &[MarkBits]) {
    let index = catalog().index();
    let Ok(query) = Query::parse(typed) else { return };
    let incremental = searcher.search(index, &query, marks);
    let fresh = index.search_forgiving(&query, marks);
    assert_eq!(incremental, fresh, "after typing {typed:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn typing_key_by_key_gives_fresh_results(keys in keystrokes()) {
        let mut searcher = Searcher::default();
        let mut typed = String::new();
        check_incremental(&typed, &mut searcher, &[]);
        for key in keys {
            match key {
                Some(c) => typed.push(c),
                None => {
                    typed.pop();
                }
            }
            check_incremental(&typed, &mut searcher, &[]);
        }
    }

    #[test]
    fn typing_name_words_key_by_key_gives_fresh_results(text in name_words()) {
        let mut searcher = Searcher::default();
        let mut typed = String::new();
        for c in text.chars() {
            typed.push(c);
            check_incremental(&typed, &mut searcher, &[]);
        }
    }

    #[test]
    fn no_query_panics(text in any_query()) {
        run_everything(&text);
    }
}

/// Odd input: anything, syntax characters, filters, emoji, combining marks, controls.
fn any_query() -> impl Strategy<Value = String> {
    let pieces = proptest::sample::select(vec![
        "'",
        "!",
        "|",
        "^",
        "$",
        "!'",
        "^$",
        "'^",
        "!^",
        "$$",
        ":",
        "kind:",
        "is:",
        "has:",
        "in:",
        "topic:",
        "scope:",
        "kind:m",
        "is:s",
        "has:n",
        "in:é",
        "!is:met",
        "\u{301}",
        "e\u{301}",
        "\u{0}",
        "\u{1b}[31m",
        "\u{7}",
        "\u{202E}",
        "😀",
        "👩‍👩‍👧",
        "œ",
        "ß",
        "İ",
        "ﬁ",
        "Ⅻ",
        "ﷺ",
        "\u{FEFF}",
        "\t",
        "\n",
        " ",
        "  ",
        "bordeaux",
        "ugap",
        "a",
    ]);
    prop_oneof![
        any::<String>(),
        "\\PC{0,60}",
        proptest::collection::vec(pieces, 0..20).prop_map(|p| p.concat()),
    ]
}

fn run_everything(text: &str) {
    let index = catalog().index();
    let marks = vec![MarkBits::new(true, true, true); 3];
    let Ok(query) = Query::parse(text) else { return };
    // What the app shows: every word, else all words but one.
    let hits = index.search_forgiving(&query, &marks);
    let mut searcher = Searcher::default();
    assert_eq!(searcher.search(index, &query, &marks), hits);
    for hit in hits.iter().take(10) {
        let p = &catalog().partners()[hit.index];
        let h = index.highlights(hit.index, p, &query);
        let len = |s: &str| s.chars().count();
        assert!(h.name.iter().all(|&i| i < len(&p.name)));
        assert!(h.acronym.iter().all(|&i| i < p.acronym.as_deref().map_or(0, len)));
        assert!(h.description.iter().all(|&i| i < len(&p.description)));
        assert!(h.location.iter().all(|&i| i < p.location.as_deref().map_or(0, len)));
        for (alias, lit) in p.aliases.iter().zip(&h.aliases) {
            assert!(lit.iter().all(|&i| i < len(alias)));
        }
    }
}

#[test]
fn odd_queries_do_not_panic() {
    let long_word = "a".repeat(10_000);
    let long_words = "ab ".repeat(3_334);
    let long_mixed: String = "bordeaux é œ ' ^ $ ! | ".chars().cycle().take(10_000).collect();
    let long_fuzzy: String = "abcdefghijklmnopqrstuvwxyz".chars().cycle().take(10_000).collect();
    for text in [
        "",
        "'",
        "!",
        "|",
        "^",
        "$",
        "^$",
        "'$",
        "!'",
        "!^$",
        "| | |",
        "a |",
        "| a",
        "!|",
        "kind:",
        "is:",
        "has:",
        "in:",
        ":",
        "::",
        "kind:media:x",
        "😀",
        "😀 bordeaux",
        "e\u{301}\u{301}\u{301}",
        "\u{301}",
        "\u{0}\u{1}\u{1b}[2J",
        "\u{202E}ugap",
        "ﷺ",
        "İstanbul",
        // No partner has every word: the searcher shows those lacking one, as the app does.
        "e\u{301}\t|:\tß",
        long_word.as_str(),
        long_words.as_str(),
        long_mixed.as_str(),
        long_fuzzy.as_str(),
    ] {
        run_everything(text);
    }
}

// Syntax and filters.
#[path = "search/filters.rs"]
mod filters;

// Where the highlights land.
#[path = "search/highlighting.rs"]
mod highlighting;
