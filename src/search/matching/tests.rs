use super::*;

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
