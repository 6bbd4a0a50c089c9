use super::*;
use crate::search::Glossary;

fn spellings(index: &Index, previous: &str, query: &str) -> Option<Vec<String>> {
    let (previous, query) = (Query::parse(previous).ok()?, Query::parse(query).ok()?);
    let others = index.spellings_of_changes(&previous, &query, true)?;
    Some(others.into_iter().map(|other| other.term).collect())
}

#[test]
fn what_the_same_plan_looked_for_before_is_not_looked_for_again() {
    let partners = crate::dataset::bundled().expect("the bundled dataset").partners;
    let index = Index::with_glossary(&partners, Glossary::bundled());
    // "social", typed before, finds every partner its inflection finds now; the phrase
    // had the same equivalents.
    assert_eq!(spellings(&index, "economie social", "economie sociale"), Some(vec![]));
    // Completing the phrase brings its equivalents: they may be found elsewhere,
    let completed = spellings(&index, "commande publiqu", "commande publique");
    assert!(completed.is_some_and(|others| others.contains(&"procurement".to_owned())));
    // but not where each word before was found wherever a word of the equivalent is:
    // "economy" was an equivalent of `economie`, "social" holds `socia`.
    assert_eq!(spellings(&index, "economie socia", "economie social"), Some(vec![]));
}

#[test]
fn an_equivalent_found_before_must_have_found_every_word_before() {
    // At `quorv blen tarm`, "quorvtarz" holds `quorv` and `tar`, not `blen`: the phrase
    // `quorv blen` had it found only where "zix yam" is.
    let mut partners = crate::dataset::bundled().expect("the bundled dataset").partners;
    partners[0].description = "quorvtarz zix yam".to_owned();
    let ours = r#"[(fr: ["quorv blen"], en: ["zix yam"]),
                   (fr: ["quorv blen tarm"], en: ["quorvtarz"])]"#;
    let mut glossary = Glossary::bundled();
    glossary.extend(Glossary::parse(ours).expect("a valid glossary"));
    let index = Index::with_glossary(&partners, glossary);
    let others = spellings(&index, "quorv blen tar", "quorv blen tarm");
    let found = others.as_ref().is_some_and(|o| o.contains(&"quorvtarz".to_owned()));
    assert!(found, "{others:?}");
}

#[test]
fn a_spelling_covers_another_only_where_it_finds_as_much() {
    let typed = Query::parse("kappa").unwrap_or_default();
    let term = &typed.groups[0][0];
    let form = |term: &str, kind| Form { plan: TermPlan::new(term, Mode::Exact), kind };
    let slot = |forms| TermSlot { term, word: Some(WordPlan::new(forms)) };
    let variant = form("kappa", FormKind::Variant);
    // What was typed is found by words wherever it occurs; an inflection at word starts.
    let direct = Form { plan: TermPlan::new("kappa", Mode::Fuzzy), kind: FormKind::Direct };
    assert!(slot(vec![direct]).covers(&variant));
    assert!(slot(vec![form("kappa", FormKind::Variant)]).covers(&variant));
    // A correction counts as a whole word only.
    assert!(!slot(vec![form("kappa", FormKind::Typo)]).covers(&variant));
    assert!(!slot(vec![form("kappas", FormKind::Variant)]).covers(&variant));
    // What was typed is in every longer spelling that holds it, found by words...
    let typed =
        |term: &str| Form { plan: TermPlan::new(term, Mode::Fuzzy), kind: FormKind::Direct };
    assert!(slot(vec![typed("kapp")]).covers(&form("kappa-b", FormKind::Variant)));
    assert!(!slot(vec![typed("kappz")]).covers(&form("kappa-b", FormKind::Variant)));
    assert!(!slot(vec![form("kapp", FormKind::Variant)]).covers(&variant));
    // ...but not by letters: a longer term may be found there where a shorter is not.
    assert!(!slot(vec![typed("kapp")]).covers(&typed("kappa")));
    assert!(slot(vec![typed("kappa")]).covers(&typed("kappa")));
}

#[test]
fn a_word_of_four_letters_no_acronym_swaps_into_needs_no_word_list() {
    let partners = crate::dataset::bundled().expect("the bundled dataset").partners;
    let index = Index::with_glossary(&partners, Glossary::bundled());
    let ids = |text: &str| {
        let hits = index.search(&Query::parse(text).expect("a query"), &[], None);
        hits.iter().map(|hit| partners[hit.index].id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(ids("ugap").first().map(String::as_str), Some("ugap"));
    // Making the partners' words is most of a one-off search of a large dataset.
    assert!(!index.has_vocabulary(), "no acronym is ugap with two letters swapped");
    assert!(ids("ugpa").contains(&"ugap".to_owned()), "one is ugpa's");
    assert!(index.has_vocabulary(), "ugpa might have been a word");
}
