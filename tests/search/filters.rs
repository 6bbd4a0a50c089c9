//! The query syntax and filters: `$`, AND, OR, negation, prefix, suffix and exact forms, marks,
//! and filter values that do not exist.

use super::*;

#[test]
fn a_lone_dollar_is_a_literal_as_in_fzf() {
    assert!(ids("$").is_empty());
}

#[test]
fn all_terms_must_match() {
    let bordeaux = ids("bordeaux");
    let tech = ids("tech");
    let both = ids("bordeaux tech");
    assert_eq!(both.first(), Some(&"french-tech-bordeaux"));
    for id in &both {
        assert!(bordeaux.contains(id) && tech.contains(id), "{id}");
    }
}

#[test]
fn or_matches_either() {
    let either: BTreeSet<&str> = ids("ugap | weka").into_iter().collect();
    assert_eq!(either, BTreeSet::from(["ugap", "weka"]));
}

#[test]
fn negation_removes_what_it_names() {
    let all = ids("bordeaux");
    let without = ids("bordeaux !metropole");
    assert!(all.contains(&"bordeaux-metropole"));
    assert!(!without.contains(&"bordeaux-metropole"), "{without:?}");
    // A negated term is exact: "!metropole" also drops partners with "metropolitan".
    assert!(
        ids("bordeaux !metropol")
            .iter()
            .all(|id| !fold(&partner(id).1.description).contains("metropol"))
    );
    assert!(without.contains(&"cci-bordeaux-gironde"), "{without:?}");
}

#[test]
fn prefix_suffix_and_exact_forms() {
    assert!(ids("^tech").is_empty(), "no name, acronym or alias starts with tech");
    assert_eq!(ids("'tech bordeaux$"), ["french-tech-bordeaux"]);
    let suffix: BTreeSet<&str> = ids("tech$").into_iter().collect();
    assert_eq!(suffix, BTreeSet::from(["mission-french-tech"]));
    // The exact form does not match scattered letters.
    assert!(ids("'bordaux").is_empty());
    assert!(!ids("bordaux").is_empty());
}

#[test]
fn mark_filters_use_the_marks_slice() {
    let mut marks = vec![MarkBits::default(); catalog().partners().len()];
    let (ugap, _) = partner("ugap");
    let (weka, _) = partner("weka");
    let (gsef, _) = partner("gsef");
    marks[ugap] = MarkBits::new(true, false, true);
    marks[weka] = MarkBits::new(true, true, false);
    marks[gsef] = MarkBits::new(false, true, false);
    let set = |q: &str| ids_with(q, &marks).into_iter().collect::<BTreeSet<_>>();
    assert_eq!(set("is:starred"), BTreeSet::from(["ugap", "weka"]));
    assert_eq!(set("is:star"), BTreeSet::from(["ugap", "weka"]));
    assert_eq!(set("is:met"), BTreeSet::from(["weka", "gsef"]));
    assert_eq!(set("has:note"), BTreeSet::from(["ugap"]));
    assert_eq!(set("is:starred kind:media"), BTreeSet::from(["weka"]));
    assert_eq!(set("is:starred !is:met"), BTreeSet::from(["ugap"]));
    assert_eq!(set("has:note | is:met"), BTreeSet::from(["ugap", "weka", "gsef"]));
    assert_eq!(set("!is:starred").len(), catalog().partners().len() - 2);
    // A short marks slice counts the missing ones as unmarked.
    assert!(ids_with("is:starred", &marks[..ugap]).is_empty());
}

#[rstest]
#[case::kind("kind:zzz", "kind", Kind::ALL.iter().map(|k| k.slug()).collect())]
#[case::scope("scope:zzz", "scope", Scope::ALL.iter().map(|s| s.slug()).collect())]
#[case::topic("topic:zzz", "topic", Topic::ALL.iter().map(|t| t.slug()).collect())]
#[case::is("is:zzz", "is:", vec!["starred", "met"])]
#[case::has("has:zzz", "has:", vec!["note"])]
#[case::negated("!kind:nothing", "kind", Kind::ALL.iter().map(|k| k.slug()).collect())]
fn unknown_filter_values_list_the_values_that_exist(
    #[case] query: &str,
    #[case] what: &str,
    #[case] values: Vec<&str>,
) {
    let err = Query::parse(query).expect_err("an unknown value must be an error");
    assert_eq!(err.token, query);
    let message = err.to_string();
    assert!(message.contains(what), "{message}");
    for value in values {
        assert!(message.contains(value), "{message} lacks {value}");
    }
}

#[test]
fn an_error_anywhere_fails_the_whole_query() {
    assert!(Query::parse("ugap kind:zzz weka").is_err());
    assert!(Query::parse("ugap | topic:nothing").is_err());
}
