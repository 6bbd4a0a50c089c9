use super::scan::word_quality;
use super::*;
use crate::search::fold::is_word_char;

#[test]
fn word_classes() {
    let class = |text: &str, term: &str| {
        text.match_indices(term).map(|(at, _)| word_quality(text, at, term.len())).max()
    };
    assert_eq!(class("sports policies", "sport"), Some(Quality::WholeWord));
    assert_eq!(class("sporting policies", "sport"), Some(Quality::WordPrefix));
    assert_eq!(class("regionales", "regional"), Some(Quality::WholeWord));
    for (text, term) in [("as", "a"), ("onus", "onu"), ("line", "lin"), ("notes", "note")] {
        assert_eq!(class(text, term), Some(Quality::WordPrefix), "{term} in {text}");
    }
    assert_eq!(class("france", "franc"), Some(Quality::WordPrefix));
    assert_eq!(class("paris", "pari"), Some(Quality::WordPrefix));
    assert_eq!(class("the sport", "sport"), Some(Quality::WholeWord));
    assert_eq!(class("transport", "sport"), Some(Quality::InsideWord));
    assert_eq!(class("transport, sport", "sport"), Some(Quality::WholeWord));
    assert_eq!(class("ésport", "sport"), Some(Quality::InsideWord));
    assert_eq!(class("sportés", "sport"), Some(Quality::WordPrefix));
    assert_eq!(class("l'été sport", "sport"), Some(Quality::WholeWord));
    assert_eq!(class("abc", "x"), None);
}

#[test]
fn slots_give_back_what_they_keep() {
    for quality in [
        Quality::Fuzzy,
        Quality::InsideWord,
        Quality::WordPrefix,
        Quality::WholeWord,
        Quality::WholeField,
    ] {
        for field in [Field::Text, Field::Alias, Field::Name] {
            for fine in [0, 1, 500, 999] {
                let found = Some((quality, field, fine));
                assert_ne!(encode(found), 0);
                assert_eq!(decode(encode(found)), found);
            }
        }
    }
    assert_eq!(decode(encode(None)), None);
    assert_ne!(encode(None), 0);
}

#[test]
fn inflections_are_read_as_far_as_the_ending() {
    // How it was written first: the whole rest of the word, then its ending.
    let reference = |term: &str, after: &str| {
        let rest = after.split(|c: char| !is_word_char(c)).next().unwrap_or_default();
        match rest {
            "s" | "x" => term.len() >= 5,
            "e" | "es" => term.len() >= 6,
            _ => false,
        }
    };
    let terms = ["onu", "note", "sport", "region", "regional"];
    // Each ending, then the same with what may follow it.
    let endings = ["", "s", "x", "e", "es", "se", "ss", "esx", "é", "sé", "eß", " s"];
    let follows = ["", " sport", "-", ",", "’", "\n", "2", "s de france"];
    for term in terms {
        for after in endings.iter().flat_map(|e| follows.map(|f| format!("{e}{f}"))) {
            let after = after.as_str();
            let found = inflected(Some(term), Some(after));
            assert_eq!(found, reference(term, after), "{term:?} then {after:?}");
        }
    }
    assert!(inflected(Some("region"), Some("s de france")));
    assert!(!inflected(Some("sport"), Some("es")), "five letters take no feminine");
    assert!(!inflected(None, Some("s")) && !inflected(Some("sport"), None));
}
