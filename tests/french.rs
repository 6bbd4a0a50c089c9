//! What people mean: French queries, misspelt description words and forgiving typing over the
//! bundled catalog, partner by partner, with the partner expected first or among the first few.
//! English queries keep their ranking (tests/search.rs) and precise queries stay precise.

use std::sync::LazyLock;

use partners::catalog::Catalog;
use partners::dataset::Partner;
use partners::search::{Glossary, Index, Query};

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| {
    Catalog::bundled().unwrap_or_else(|e| panic!("the bundled dataset does not load:\n{e}"))
});

fn ids_in(index: &Index, text: &str) -> Vec<&'static str> {
    let query = Query::parse(text).unwrap_or_else(|e| panic!("{text:?} does not parse: {e}"));
    index
        .search(&query, &[], None)
        .iter()
        .map(|h| CATALOG.partners()[h.index].id.as_str())
        .collect()
}

fn ids(text: &str) -> Vec<&'static str> {
    ids_in(CATALOG.index(), text)
}

/// A partner of its own: only a name and a description to search.
fn partner(id: &str, name: &str, description: &str) -> Partner {
    Partner {
        id: id.to_owned(),
        name: name.to_owned(),
        acronym: None,
        aliases: Vec::new(),
        location: None,
        topics: Vec::new(),
        description: description.to_owned(),
        ..CATALOG.partners()[0].clone()
    }
}

#[test]
fn french_queries_used_to_find_nothing() {
    for query in [
        "environnement",
        "économie circulaire",
        "responsabilité sociétale",
        "rse",
        "emploi",
        "insertion",
        "achat durable",
        "marches publics",
        // And words the second review found finding nothing.
        "soutien",
        "compétences",
        "adhérents",
        "entreprises innovantes",
    ] {
        assert!(!ids(query).is_empty(), "{query:?}");
    }
}

#[test]
fn french_words_a_card_says_in_english_find_it() {
    // A fifth review: each found nothing, or not this partner, although its card says the
    // word in English ("elected representatives", "helps", "countries", "database", ...).
    let mut failures = Vec::new();
    for (query, id, within) in [
        ("représentants", "intercommunalites-de-france", 2),
        ("représentants", "andes", 2),
        ("représentante", "andes", 2),
        ("représentants élus", "intercommunalites-de-france", 2),
        // Feminine forms of the people the cards name.
        ("adhérentes", "adf", 3),
        ("collectivités adhérentes", "adf", 2),
        ("dirigeantes", "cci-bordeaux-gironde", 3),
        ("cheffes", "sndgct", 2),
        ("cheffe d'entreprise", "cci-bordeaux-gironde", 1),
        // Verbs the cards use.
        ("soutenir les entreprises", "adi-nouvelle-aquitaine", 2),
        ("appui aux entreprises", "adi-nouvelle-aquitaine", 2),
        ("aider les organisations", "3ar", 1),
        ("aider les membres", "adgcf", 1),
        ("développer l'ess", "rtes", 1),
        ("recruter des hauts fonctionnaires", "insp", 1),
        // Nouns.
        ("réglementation", "weka", 1),
        ("conférences en ligne", "weka", 1),
        ("pays", "gsef", 2),
        ("pays attractifs", "mission-french-tech", 1),
        ("exportations", "pacte-pme", 1),
        ("bases de données", "achatpublic-info", 1),
        ("outils", "achatpublic-info", 1),
        ("valeurs de l'ess", "gsef", 1),
        ("entraide", "gsef", 1),
        ("vie quotidienne", "bordeaux-metropole", 1),
        ("établissements publics", "ugap", 3),
        ("comptes publics", "ugap", 1),
        ("commissaire", "guichet-vert", 1),
        ("améliorer le rôle des collectivités", "udite", 1),
        ("liens entre membres", "adgcf", 1),
        ("attentes des communes", "amif", 1),
        // And an English guest's word for a name in French.
        ("trade union", "sndgct", 1),
    ] {
        let found = ids(query);
        if !found.iter().take(within).any(|f| *f == id) {
            failures.push(format!("{query:?}: {id} not in the first {within} of {found:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // "representing" (Bordeaux Métropole's 28 municipalities, "representing" its inhabitants)
    // is no typo for a representative once the word is known.
    assert!(!ids("représentant").contains(&"bordeaux-metropole"));
}

#[test]
fn english_words_find_the_partner_named_in_french() {
    // Red team J: an English guest's "green" and "school" found nothing.
    for (query, id) in [
        ("green", "guichet-vert"),
        ("school", "insp"),
        ("schools", "insp"),
        ("national school of administration", "insp"),
        // Assemblée, agence, institut: the first words of names, in English.
        ("assembly of departments", "adf"),
        ("regional innovation agency", "adi-nouvelle-aquitaine"),
        ("institute of public service", "insp"),
        // The short name the agency writes for itself.
        ("n-a", "adi-nouvelle-aquitaine"),
    ] {
        let found = ids(query);
        assert_eq!(found.first(), Some(&id), "{query}: {found:?}");
    }
    // An equivalent is a whole word: "institut" is no part of "institution", which several
    // descriptions hold (reviewer V).
    assert_eq!(ids("institute"), ["insp"]);
    assert_eq!(ids("institutes"), ["insp"]);
}

#[test]
fn a_word_of_the_glossary_is_no_part_of_a_longer_word() {
    // "formation" is training: not the "formation" inside "information", nor a typo for it
    // (rtC F12). Those who only inform are not listed; those who train are.
    let found = ids("formation");
    for trainer in ["cnfpt", "insp", "apasp", "mairie-2000"] {
        assert!(found.contains(&trainer), "{trainer} {found:?}");
    }
    for informer in ["weka", "achatpublic-info"] {
        assert!(!found.contains(&informer), "{informer} {found:?}");
    }
    assert_eq!(ids("formations"), found, "nor with its plural");
    assert_eq!(ids("formation des elus").first(), Some(&"mairie-2000"));
    // A word the glossary does not hold still counts inside words, from four letters.
    assert!(ids("format").contains(&"weka"));
}

#[test]
fn an_equivalent_ranks_just_below_the_words_typed() {
    // "training" is in CNFPT's description; "formation" is its French equivalent.
    let direct = ids("training");
    let via_glossary = ids("formation");
    assert!(direct.contains(&"cnfpt") && via_glossary.contains(&"cnfpt"));
    let hits = |text: &str| {
        let query = Query::parse(text).unwrap_or_default();
        let cnfpt = CATALOG.position("cnfpt").unwrap_or_default();
        CATALOG.index().search(&query, &[], None).iter().find(|h| h.index == cnfpt).map(|h| h.score)
    };
    assert!(hits("formation") < hits("training"), "an equivalent scores below the word itself");
    // And below what was typed found as well through an ending: RTES's own name holds
    // "Solidaire", ESS France's "Solidarity" (an equivalent), both at a word start of a name.
    assert_eq!(ids("solidaires")[..2], ["rtes", "ess-france"]);
}

#[test]
fn precise_queries_stay_precise() {
    assert_eq!(ids("ugap"), ["ugap"]);
    let seoul = ids("seoul");
    assert!((1..=2).contains(&seoul.len()) && seoul[0] == "gsef", "{seoul:?}");
    assert!(ids("zzzz").is_empty());
    assert!(ids("ugap weka").is_empty());
}

#[test]
fn short_words_and_acronyms_list_only_what_they_mean() {
    // Three letters count inside a word of a name, never of a description ("pme" is inside
    // "development" in many); an acronym of the glossary counts only as a word ("ess" is at
    // the start of "essential", "ue" inside "Publique", "un" at the start of "Union").
    assert_eq!(ids("pme"), ["pacte-pme"]);
    let ess = ids("ess");
    assert_eq!(ess[..2], ["ess-france", "cress-nouvelle-aquitaine"], "{ess:?}");
    assert!(!ess.contains(&"achatpublic-info"), "{ess:?}");
    for (acronym, not) in [("ue", "cnfpt"), ("un", "ugap"), ("sse", "adf")] {
        let found = ids(acronym);
        assert!(!found.is_empty() && !found.contains(&not), "{acronym}: {found:?}");
    }
    assert_eq!(ids("ue")[..2], ["udite", "european-commission"]);
    // An elided article is no part of an acronym.
    assert_eq!(ids("l'ue"), ids("ue"));
    assert_eq!(ids("d'eti"), ids("eti"));
    // The CCI's own card first, then Convergence Marchés, its initiative, which names it.
    assert_eq!(ids("cci"), ["cci-bordeaux-gironde", "convergence-marches"]);
    // A short word that is no acronym still finds the words it starts, as people type.
    assert!(ids("dev").contains(&"adi-nouvelle-aquitaine"));
    // From four letters a word counts inside words again; an exact term always does.
    assert!(ids("esse").contains(&"achatpublic-info"));
    assert!(ids("'pme").len() > 1);
    // And the highlights say the same: the detail does not light "ess" in "essential".
    let index = CATALOG.position("achatpublic-info").unwrap_or_default();
    let partner = &CATALOG.partners()[index];
    for (typed, lit) in [("ess", 0), ("esse", 2 * 4), ("es", 2 * 2)] {
        let query = Query::parse(typed).unwrap_or_default();
        let h = CATALOG.index().highlights(index, partner, &query);
        assert_eq!(h.description.len(), lit, "{typed}: {h:?}");
    }
}

#[test]
fn a_query_no_partner_fully_matches_lists_those_lacking_one_word() {
    let search = |text: &str| {
        let query = Query::parse(text).unwrap_or_default();
        let hits = CATALOG.index().search_forgiving(&query, &[]);
        let id = |h: &partners::search::Hit| CATALOG.partners()[h.index].id.as_str();
        let lacks =
            |h: &partners::search::Hit| h.lacks.and_then(|n| query.word(n)).map(str::to_owned);
        hits.iter().map(|h| (id(h), lacks(h))).collect::<Vec<_>>()
    };
    // The ADI's card says "innovation", not "innovantes": all but that word find it.
    let found = search("soutien aux entreprises innovantes en nouvelle-aquitaine");
    assert_eq!(found.first(), Some(&("adi-nouvelle-aquitaine", Some("innovantes".to_owned()))));
    assert!(found.iter().all(|(_, lacks)| lacks.is_some()), "{found:?}");
    // "vers" is a stop word: 3AR's card says "helps", not "accompagner".
    let found = search("accompagner les organisations vers l'achat responsable");
    assert_eq!(found.first(), Some(&("3ar", Some("accompagner".to_owned()))));
    // A query some partner fully matches lacks nothing; filters and stop words are never
    // dropped.
    assert!(search("agence innovation nouvelle-aquitaine").iter().all(|(_, l)| l.is_none()));
    assert_eq!(search("ugap weka kind:media"), [("weka", Some("ugap".to_owned()))]);
    // Two words are dropped to one: "la mairie de Bordeaux" is the City of Bordeaux, whose
    // card says "city", and two names pasted from a list find both.
    let found = search("mairie de bordeaux");
    assert_eq!(found.first(), Some(&("bordeaux", Some("mairie".to_owned()))));
    assert!(search("cnfpt z").is_empty(), "a word being typed is not dropped");
    assert!(search("cnfpt zy").is_empty());
    let found = search("ugap, weka");
    assert!(found.contains(&("ugap", Some("weka".to_owned()))), "{found:?}");
    assert!(found.contains(&("weka", Some("ugap".to_owned()))), "{found:?}");
    assert!(search("ugap weka cnfpt").is_empty(), "no partner has two of them");
    // Up to eight words; more is pasted text, where dropping each word in turn took a
    // search each (a pasted paragraph held the browser for minutes).
    let eight = "agence mission interest regional economy networks impacts innovantes";
    assert_eq!(search(eight).first().map(|(id, _)| *id), Some("adi-nouvelle-aquitaine"));
    assert!(search(&format!("companies {eight}")).is_empty());
    // The strict search stays strict.
    let strict = Query::parse("soutien entreprises innovantes aquitaine").unwrap_or_default();
    assert!(CATALOG.index().search(&strict, &[], None).is_empty());
}

#[test]
fn stop_words_need_not_match_but_alone_they_do() {
    assert_eq!(ids("les pme").first(), Some(&"pacte-pme"));
    assert_eq!(ids("de la pme").first(), Some(&"pacte-pme"));
    assert!(!ids("des").is_empty(), "a stop word alone is an ordinary term");
}

#[test]
fn forgiving_forms_light_the_original_characters() {
    let id = "mission-french-tech";
    let index = CATALOG.position(id).unwrap_or_default();
    let partner = &CATALOG.partners()[index];
    let query = Query::parse("startup").unwrap_or_default();
    let h = CATALOG.index().highlights(index, partner, &query);
    let chars: Vec<char> = partner.description.chars().collect();
    let lit: String = h.description.iter().take(8).map(|&p| chars[p]).collect();
    assert_eq!(lit, "start-up");
}

/// What `query` lights in the name of partner `id`, each run of lit characters apart.
fn lit_in_name(id: &str, query: &str) -> Vec<String> {
    let index = CATALOG.position(id).unwrap_or_default();
    let partner = &CATALOG.partners()[index];
    let query = Query::parse(query).unwrap_or_default();
    let lit = CATALOG.index().highlights(index, partner, &query).name;
    let mut runs: Vec<String> = Vec::new();
    for (n, c) in partner.name.chars().enumerate() {
        if lit.contains(&n) {
            match runs.last_mut() {
                Some(run) if n > 0 && lit.contains(&(n - 1)) => run.push(c),
                _ => runs.push(c.to_string()),
            }
        }
    }
    runs
}

#[test]
fn a_word_lights_what_it_matched_not_its_letters_further_on() {
    // Found as another spelling: that is lit, not the rest of the word's letters by fuzzy
    // matching, further along the name.
    assert_eq!(lit_in_name("gsef", "sociale"), ["Social"]);
    assert_eq!(lit_in_name("ensie", "economie sociale"), ["Social"]);
    assert_eq!(lit_in_name("apasp", "achats"), ["Achat"]);
    // A stop word the query matches without is lit where it is a word only.
    assert_eq!(lit_in_name("ensie", "economie sociale et solidaire"), ["Social"]);
    assert_eq!(lit_in_name("amif", "ile de france"), ["de", "Ile", "de", "France"]);
    // A word found by letters only is still lit by letters.
    assert_eq!(lit_in_name("ugap", "ugp"), ["UG", "P"]);
}

#[test]
fn hyphens_inside_words_need_not_be_typed_nor_left_out() {
    // None of these words is in the glossary: the partners write them with hyphens.
    for (query, id) in [
        ("decentralisation", "regions-de-france"),
        ("socioprofessional", "ensie"),
        ("socioprof", "ensie"),
        ("ecofriendly", "gsef"),
        ("decisionmakers", "mission-french-tech"),
        ("humancentred", "gsef"),
        // And the other way round: typed with a hyphen, written in one piece,
        ("inter-communalites", "intercommunalites-de-france"),
        // or as words apart (a partner's id is typed so),
        ("guichet-vert", "guichet-vert"),
        ("bordeaux-metropole", "bordeaux-metropole"),
        ("public-procurement", "ugap"),
        // and with a typo, as the word run together would be.
        ("de-centralisaton", "regions-de-france"),
        ("socio-profesional", "ensie"),
        ("start-upps", "mission-french-tech"),
    ] {
        assert_eq!(ids(query).first(), Some(&id), "{query}");
    }
    // The highlight lands on the letters as written, hyphen included.
    let index = CATALOG.position("ensie").unwrap_or_default();
    let partner = &CATALOG.partners()[index];
    let query = Query::parse("socioprof").unwrap_or_default();
    let h = CATALOG.index().highlights(index, partner, &query);
    let chars: Vec<char> = partner.description.chars().collect();
    let lit: String = h.description.iter().map(|&p| chars[p]).collect();
    assert_eq!(lit, "socio-prof");
    // Typed with a hyphen, the words apart light up as written.
    let index = CATALOG.position("guichet-vert").unwrap_or_default();
    let partner = &CATALOG.partners()[index];
    let h = CATALOG.index().highlights(
        index,
        partner,
        &Query::parse("guichet-vert").unwrap_or_default(),
    );
    let chars: Vec<char> = partner.name.chars().collect();
    let lit: String = h.name.iter().map(|&p| chars[p]).collect();
    assert_eq!(lit, "GUICHET VERT");
}

#[test]
fn a_hyphenated_spelling_whole_in_a_name_is_a_name_hit() {
    // "eco-friendly" (no glossary word) is a whole word of the first name (hyphens around it
    // are no letters), only the start of one in the second, which ranks as the descriptions'
    // "ecofriendlyness" does.
    let named = |id: &str, name: &str| partner(id, name, "Ecofriendlyness first.");
    let partners =
        [named("whole", "Lab-eco-friendly"), named("start", "Eco-friendlyish"), named("no", "Lab")];
    let index = Index::with_glossary(&partners, Glossary::bundled());
    let query = Query::parse("ecofriendly").unwrap_or_default();
    let hits = index.search(&query, &[], None);
    let named: Vec<(&str, bool)> =
        hits.iter().map(|h| (partners[h.index].id.as_str(), h.name_hit)).collect();
    assert_eq!(named, [("whole", true), ("no", false), ("start", false)]);
}

#[test]
fn an_equivalent_is_found_with_its_irregular_endings() {
    // Found as whole words, "européen" and "culturel" still find their feminines, which they
    // begin: "européenne" is no plural or feminine ending the search takes by itself.
    let partners = [
        partner("eu", "Lab", "Une politique européenne commune."),
        partner("arts", "Hub", "Des politiques culturelles."),
        partner("towns", "Net", "A network of small towns."),
        partner("no", "Desk", "Nothing else."),
    ];
    let index = Index::with_glossary(&partners, Glossary::bundled());
    // And "town", of four letters, its plural, an ending the search takes only from five.
    for (query, id) in [("european", "eu"), ("cultural", "arts"), ("ville", "towns")] {
        let query = Query::parse(query).unwrap_or_default();
        let found: Vec<&str> =
            index.search(&query, &[], None).iter().map(|h| partners[h.index].id.as_str()).collect();
        assert_eq!(found, [id]);
    }
}

#[test]
fn a_word_found_by_letters_still_beats_an_equivalent_scoring_less() {
    // "tandem" is in the name by letters only ("Tan Dem"); the equivalent "zibrax" starts
    // a word of the name: below what was typed, above what was typed found by words.
    let partners = [partner("p", "Quorvel Tan Dem Zibraxon", "Nothing else.")];
    let glossary = Glossary::parse(r#"[(fr: ["quorvel tandem"], en: ["zibrax"])]"#)
        .unwrap_or_else(|e| panic!("{e}"));
    let expanded = Index::with_glossary(&partners, glossary);
    let plain = Index::new(&partners);
    let query = Query::parse("quorvel tandem").unwrap_or_default();
    let scores = |index: &Index| -> Vec<(u32, bool)> {
        index.search(&query, &[], None).iter().map(|h| (h.score, h.name_hit)).collect()
    };
    assert_eq!(scores(&expanded), scores(&plain));
    assert_eq!(scores(&plain).len(), 1);
}

#[test]
fn a_note_matching_only_as_well_as_the_fields_is_not_said_to_match() {
    // Each partner holds one spelling of `startups` in its description and the other in
    // the note, found equally well: whichever spelling is looked for first, the
    // description is what matched.
    let partners = [
        partner("one", "Hub", "A startup incubator downtown."),
        partner("two", "Hub", "Hosts start-ups downtown."),
    ];
    let index = Index::with_glossary(&partners, Glossary::bundled());
    index.set_notes([(0, "loves start-ups"), (1, "a startup friendly place")]);
    let query = Query::parse("startups").unwrap_or_default();
    let hits = index.search(&query, &[], None);
    let in_note: Vec<bool> = hits.iter().map(|h| h.in_note).collect();
    assert_eq!(in_note, [false, false]);
}

#[test]
fn a_plain_index_matches_only_what_is_typed() {
    let plain = Index::new(CATALOG.partners());
    assert!(ids_in(&plain, "environnement").is_empty());
    assert!(ids_in(&plain, "sustanable").is_empty());
}

#[test]
fn a_user_glossary_adds_groups() {
    let mut glossary = Glossary::bundled();
    let user = Glossary::parse(r#"[(fr: ["pôle emploi"], en: ["employment services"])]"#)
        .unwrap_or_else(|e| panic!("{e}"));
    glossary.extend(user);
    let index = Index::with_glossary(CATALOG.partners(), glossary);
    assert_eq!(ids_in(&index, "pôle emploi").first(), Some(&"cnfpt"));
}

#[test]
fn notes_are_searched_like_descriptions_and_say_so() {
    // A catalog of its own: notes set on the shared one would reach the other tests.
    let catalog = Catalog::bundled().unwrap_or_else(|e| panic!("{e}"));
    let mut state = partners::store::State::default();
    let mark = |note: &str| partners::store::Marks {
        note: Some(note.to_owned()),
        ..partners::store::Marks::default()
    };
    state.marks.insert("weka".to_owned(), mark("Their catalogue of legal guides"));
    state.marks.insert("ugap".to_owned(), mark("Met Jeanne at the salon-emploi of Namur"));
    let marks = catalog.mark_bits(&state);
    let search = |text: &str| {
        let query = Query::parse(text).unwrap_or_default();
        let hits = catalog.index().search(&query, &marks, None);
        hits.iter()
            .map(|h| (catalog.partners()[h.index].id.as_str(), h.in_note))
            .collect::<Vec<_>>()
    };
    assert_eq!(search("catalogue"), [("weka", true)]);
    assert_eq!(search("catalog"), [("weka", true)], "a word prefix, as in a description");
    assert_eq!(search("jeanne"), [("ugap", true)]);
    assert_eq!(search("ugap").first(), Some(&("ugap", false)), "the name, not the note");
    // Forgiven as in a description: a typo, a word typed without its hyphen.
    assert_eq!(search("catalgue"), [("weka", true)]);
    assert_eq!(search("namurr"), [("ugap", true)]);
    assert_eq!(search("salonemploi"), [("ugap", true)]);
    assert_eq!(search("salon-emploie"), [("ugap", true)], "a hyphen and a typo");
    // The searcher forgets results found before the notes changed.
    let mut searcher = partners::search::Searcher::default();
    let query = Query::parse("salon").unwrap_or_default();
    assert_eq!(searcher.search(catalog.index(), &query, &marks).len(), 1);
    state.marks.clear();
    let marks = catalog.mark_bits(&state);
    assert!(searcher.search(catalog.index(), &query, &marks).is_empty());
    assert!(search("catalogue").is_empty());
}

/// In French, a filter naming nothing lists the values in French, and each one it lists is
/// a value the filter takes.
#[test]
fn a_french_filter_error_lists_values_the_filter_takes() {
    partners::i18n::set(partners::i18n::Lang::Fr);
    for filter in ["scope", "topic", "kind"] {
        let error = Query::parse(&format!("{filter}:zzz")).expect_err("names nothing");
        let listed = error.message.rsplit("\u{a0}: ").next().unwrap_or_default().to_owned();
        let values: Vec<&str> = listed.split(", ").collect();
        assert!(values.len() >= 5, "{error}");
        for value in values {
            let query = format!("{filter}:{value}");
            assert!(Query::parse(&query).is_ok(), "{query}: {error}");
            assert!(!ids(&query).is_empty() || filter == "kind", "{query} finds something");
        }
    }
    let error = Query::parse("scope:zzz").expect_err("names nothing");
    assert!(error.message.contains("européen"), "{error}");
}

/// The French help's examples of filters use the French words, as a filter naming nothing
/// lists them (`topic:commande`, not the English slug `topic:procurement`).
#[test]
fn the_french_help_shows_its_filters_in_french() {
    partners::i18n::set(partners::i18n::Lang::Fr);
    let mut seen = 0;
    for word in partners::i18n::s().syntax_forms.iter().flat_map(|form| form.split(' ')) {
        let Some((filter, value)) = word.split_once(':') else { continue };
        if !["scope", "topic", "kind"].contains(&filter) {
            continue;
        }
        let error = Query::parse(&format!("{filter}:zzz")).expect_err("names nothing");
        let listed = error.message.rsplit("\u{a0}: ").next().unwrap_or_default().to_owned();
        // A filter takes the start of a value (`kind:pub…`).
        assert!(listed.split(", ").any(|listed| listed.starts_with(value)), "{word}: {listed}");
        seen += 1;
    }
    assert_eq!(seen, 3, "an example of each filter");
}

#[test]
fn filters_take_the_french_words_the_screens_show() {
    for (french, slug) in [
        ("topic:commande", "topic:procurement"),
        ("topic:economie-sociale", "topic:social-economy"),
        ("scope:européen", "scope:european"),
        ("scope:régional", "scope:regional"),
        ("kind:élus", "kind:elected-network"),
    ] {
        let found = ids(french);
        assert!(!found.is_empty(), "{french}");
        assert_eq!(found, ids(slug), "{french}");
    }
}

#[test]
fn a_word_typed_without_its_plural_is_whole_in_a_name() {
    // "Régions de France" has "region" whole but for its plural: it ranks above a partner
    // whose description says "region" and whose name says "France" (rtC F5).
    assert_eq!(ids("region de france").first(), Some(&"regions-de-france"));
    assert_eq!(ids("departement de france").first(), Some(&"adf"));
}

// The tables of French queries, and every partner found three ways or more.
#[path = "french/tables.rs"]
mod tables;
