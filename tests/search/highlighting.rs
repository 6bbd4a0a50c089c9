//! Where the highlights land: accented characters, typographic apostrophes, descriptions,
//! acronyms, aliases and locations, fuzzy terms, ligatures and decomposed accents, and an
//! acronym equivalent lit only in capitals.

use super::*;

#[test]
fn highlights_land_on_accented_characters() {
    let (h, p) = highlights("bordeaux-metropole", "metropole");
    assert_eq!(h.name, (9..18).collect::<Vec<_>>());
    assert_eq!(picked(&p.name, &h.name), "Métropole");
    assert!(picked(&p.description, &h.description).contains("Métropole"));
}

#[test]
fn highlights_land_on_typographic_apostrophes() {
    let (h, p) = highlights("amif", "l'ile");
    assert_eq!(picked(&p.name, &h.name), "l’Ile");
    let (h, p) = highlights("amif", "ile de france");
    let name = picked(&p.name, &h.name);
    assert!(name.contains("Ile") && name.contains("France"), "{name}");
    let location = p.location.as_deref().unwrap_or_default();
    assert_eq!(picked(location, &h.location), "ÎledeFrance");
}

#[test]
fn highlights_of_a_word_in_a_description() {
    let (h, p) = highlights("gsef", "seoul");
    assert_eq!(picked(&p.description, &h.description), "Seoul");
    assert!(h.name.is_empty() && h.acronym.is_empty());
    // ICLEI is not a match, and its name is not lit letter by letter either.
    let (h, _) = highlights("iclei", "seoul");
    assert!(h.name.is_empty(), "{h:?}");
}

#[test]
fn highlights_of_acronyms_aliases_and_locations() {
    let (h, p) = highlights("cnfpt", "cnfpt");
    assert_eq!(h.acronym, vec![0, 1, 2, 3, 4]);
    assert_eq!(picked(&p.name, &h.name), "CNFPT", "fuzzy letters of the name");
    let (h, p) = highlights("bordeaux", "ville");
    assert_eq!(h.aliases.len(), p.aliases.len());
    assert_eq!(h.aliases[0], vec![0, 1, 2, 3, 4]);
    assert!(h.aliases[1].is_empty());
    let (h, p) = highlights("cci-bordeaux-gironde", "gironde");
    assert_eq!(picked(p.location.as_deref().unwrap_or_default(), &h.location), "Gironde");
}

#[test]
fn highlights_of_fuzzy_prefix_and_suffix_terms() {
    // The list lights the fuzzy letters; the detail also lights the word the typo stands for.
    let (index, p) = partner("bordeaux-metropole");
    let h = catalog().index().name_highlights(index, p, &parse_query("bordaux"));
    assert_eq!(picked(&p.name, &h.name), "Bordaux");
    let (h, p) = highlights("bordeaux-metropole", "bordaux");
    assert_eq!(picked(&p.name, &h.name), "Bordeaux");
    let (h, p) = highlights("bordeaux-metropole", "^bor");
    assert_eq!(h.name, vec![0, 1, 2]);
    assert!(h.description.is_empty(), "prefix terms do not light long text");
    assert_eq!(picked(&p.name, &h.name), "Bor");
    let (h, p) = highlights("adf", "france$");
    assert_eq!(picked(&p.name, &h.name), "France");
    assert_eq!(*h.name.last().unwrap_or(&0), p.name.chars().count() - 1);
}

#[test]
fn negated_terms_and_filters_light_nothing() {
    let (h, _) = highlights("ugap", "!weka kind:public-body");
    assert_eq!(h, Highlights { aliases: vec![Vec::new()], ..Highlights::default() });
}

#[test]
fn highlights_map_ligatures_and_decomposed_accents_to_original_characters() {
    let source = r#"(partners: [(
        id: "coeur",
        name: "Cœur d’Œuvre Économique",
        acronym: "CŒÉ",
        aliases: ["Cafe\u{301} Œno"],
        kind: Media,
        scope: Local,
        location: "Saint-Étienne",
        description: "L’Œuvre du cœur, à l’économie « solidaire ».",
    )])"#;
    let dataset = parse(source, std::path::Path::new("test.ron"))
        .unwrap_or_else(|e| panic!("test dataset does not parse: {e}"));
    let p = &dataset.partners[0];
    let index = Index::new(&dataset.partners);
    let light = |q: &str| index.highlights(0, p, &parse_query(q));
    assert_eq!(picked(&p.name, &light("coeur").name), "Cœur");
    assert_eq!(picked(&p.name, &light("oeuvre").name), "Œuvre");
    assert_eq!(picked(&p.name, &light("d'oeuvre").name), "d’Œuvre");
    assert_eq!(picked(&p.name, &light("economique").name), "Économique");
    assert_eq!(picked(p.acronym.as_deref().unwrap_or_default(), &light("coe").acronym), "CŒ");
    assert_eq!(picked(p.acronym.as_deref().unwrap_or_default(), &light("coee").acronym), "CŒÉ");
    // "Cafe" + combining acute: the letters are lit (the lone accent may or may not be).
    let lit = picked(&p.aliases[0], &light("cafe").aliases[0]);
    assert!(lit == "Cafe" || lit == "Cafe\u{301}", "{lit:?}");
    assert_eq!(picked(&p.aliases[0], &light("oeno").aliases[0]), "Œno");
    assert_eq!(
        picked(p.location.as_deref().unwrap_or_default(), &light("etienne").location),
        "Étienne"
    );
    assert_eq!(picked(&p.description, &light("coeur").description), "cœur");
    assert_eq!(picked(&p.description, &light("l'oeuvre").description), "L’Œuvre");
    assert_eq!(picked(&p.description, &light("economie").description), "économie");
    assert_eq!(index.search(&parse_query("coeur oeuvre"), &[], None).len(), 1);
}

/// The glossary's "UN" for `onu` is an acronym: it lights where it is written in capitals,
/// not the French article "Un" (nor, in a note, "un"), while the word typed lights wherever
/// it is a word.
#[test]
fn an_acronym_equivalent_lights_in_capitals_only() {
    let source = r#"(partners: [
        (id: "reseau", name: "Un réseau des villes", kind: Media, scope: Local,
         description: "Un réseau avec un siège à l'ONU."),
        (id: "unep", name: "UN Environment Programme", kind: Media, scope: International,
         description: "The UN agency, un-like any other."),
    ])"#;
    let dataset = parse(source, std::path::Path::new("test.ron"))
        .unwrap_or_else(|e| panic!("test dataset does not parse: {e}"));
    let index = Index::with_glossary(&dataset.partners, partners::search::Glossary::bundled());
    let query = parse_query("onu");
    let (reseau, unep) = (&dataset.partners[0], &dataset.partners[1]);
    let lit = index.highlights(0, reseau, &query);
    assert_eq!(picked(&reseau.name, &lit.name), "");
    assert_eq!(picked(&reseau.description, &lit.description), "ONU");
    let lit = index.highlights(1, unep, &query);
    assert_eq!(picked(&unep.name, &lit.name), "UN");
    assert_eq!(picked(&unep.description, &lit.description), "UN");
    let note = "Un contact à l'ONU, vu au siège de l'UN.";
    assert_eq!(picked(note, &index.text_marker(&query).mark(note)), "ONUUN");
    // Typed, "un" is the user's word, in any case.
    let lit = index.highlights(0, reseau, &parse_query("un"));
    assert_eq!(picked(&reseau.name, &lit.name), "Un");
}
