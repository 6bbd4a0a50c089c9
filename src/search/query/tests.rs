use super::*;

#[test]
fn parse_forms() {
    let q = Query::parse("^bor !ugap 'exact end$ a | b kind:media").unwrap_or_default();
    let modes: Vec<_> = q.groups.iter().map(Vec::len).collect();
    assert_eq!(modes, vec![1, 1, 1, 1, 2, 1]);
    assert_eq!(q.groups[0][0].atom, Atom::Text { text: "bor".into(), mode: Mode::Prefix });
    assert!(q.groups[1][0].negated);
    assert_eq!(q.groups[3][0].atom, Atom::Text { text: "end".into(), mode: Mode::Suffix });
    assert_eq!(q.groups[5][0].atom, Atom::Kind(vec![Kind::Media]));
}

#[test]
fn anchors_alone_ask_nothing_as_in_fzf() {
    let q = |text: &str| Query::parse(text).unwrap_or_default();
    assert_eq!(q("^$"), q(""));
    assert_eq!(q("^"), q(""));
    assert_ne!(q("$"), q(""), "a lone $ is text");
    assert_eq!(q("^ab$").groups[0][0].atom, Atom::Text { text: "ab".into(), mode: Mode::Whole });
}

#[test]
fn a_group_written_twice_is_searched_once() {
    let q = |text: &str| Query::parse(text).unwrap_or_default();
    assert_eq!(q("metropole Métropole metropole"), q("metropole"));
    assert_eq!(q("a | b bordeaux b | a a | b"), q("a | b bordeaux b | a"));
    // Not the same condition: kept.
    assert_eq!(q("ugap !ugap ^ugap").groups.len(), 3);
}

#[test]
fn odd_tokens_are_ignored() {
    for odd in ["'", "!", "^", "$", "|", "| |", "kind:", "^$"] {
        let q = Query::parse(odd);
        assert!(q.is_ok(), "{odd}");
    }
}

#[test]
fn which_query_narrows_which() {
    let q = |text: &str| Query::parse(text).unwrap_or_default();
    let pairs = [
        // (previous, query, narrows, the word that grew into fuzzy matching)
        ("b", "bo", true, None),
        ("bo", "bor", false, Some(("bor", "bo"))),
        ("bor", "bord", false, Some(("bord", "bor"))),
        ("bord", "bord eco", true, None),
        ("bord ec", "bord eco", false, Some(("eco", "ec"))),
        ("bo ec", "bor eco", false, None),
        ("'bor", "'bord", true, None),
        ("'bor", "'xbordx", true, None),
        ("bor", "xbor", false, None),
        ("^bo", "^bor", false, None),
        ("!bor", "!bord", false, None),
        ("bor | ugap", "bord | ugap", false, None),
        ("bor", "kind:media", false, None),
        ("kind:media", "kind:media bor", true, None),
        ("bord eco", "bord", false, None),
    ];
    for (previous, query, narrows, grown) in pairs {
        assert_eq!(q(query).narrows(&q(previous)), narrows, "{previous:?} -> {query:?}");
        assert_eq!(q(query).grown_fuzzy(&q(previous)), grown, "{previous:?} -> {query:?}");
    }
}

#[test]
fn punctuation_around_a_word_and_dots_of_an_acronym_are_no_part_of_it() {
    let text = |query: &str| match Query::parse(query).map(|q| q.groups) {
        Ok(groups) => match groups.as_slice() {
            [group] => match &group[0].atom {
                Atom::Text { text, .. } => text.clone(),
                other => format!("{other:?}"),
            },
            _ => format!("{groups:?}"),
        },
        Err(e) => e.to_string(),
    };
    for typed in ["ugap,", "\"ugap\"", "(ugap)", "ugap.", "«ugap»", "u.g.a.p", "U.G.A.P.", "ugap?"]
    {
        assert_eq!(text(typed), "ugap", "{typed}");
    }
    // An English possessive is no part of the name it follows, nor is the mark of a
    // hashtag, a handle or emphasis.
    for typed in
        ["ugap's", "UGAP’s", "(ugap's)", "u.g.a.p.'s", "#ugap", "@UGAP", "*ugap*", "_ugap_"]
    {
        assert_eq!(text(typed), "ugap", "{typed}");
    }
    // Inside a word, kept: an elision, a hyphen, a domain, a version.
    for kept in ["l'economie", "ile-de-france", "achatpublic.info", "3.0", "c++"] {
        assert_eq!(text(kept), kept);
    }
    // The exact letters are as typed; punctuation alone asks nothing, between words too.
    assert_eq!(text("'ugap,"), "ugap,");
    assert_eq!(text("‘ugap’"), "ugap");
    assert_eq!(text("ugap/"), "ugap");
    for alone in ["?", ";", "-", "&", "«", "—", "#", "¿", "@"] {
        assert_eq!(Query::parse(alone), Ok(Query::default()), "{alone}");
        assert_eq!(Query::parse(&format!("ugap {alone} weka")), Query::parse("ugap weka"));
    }
}

#[test]
fn filters_answer_to_the_names_people_give_them() {
    let atom = |query: &str| match Query::parse(query) {
        Ok(q) if q.groups.len() == 1 => q.groups[0][0].atom.clone(),
        other => panic!("{query}: {other:?}"),
    };
    assert_eq!(atom("type:media"), Atom::Kind(vec![Kind::Media]));
    assert_eq!(atom("Type:média"), Atom::Kind(vec![Kind::Media]));
    for key in ["loc", "location", "lieu", "ville"] {
        assert_eq!(atom(&format!("{key}:bordeaux")), Atom::In("bordeaux".into()), "{key}");
    }
    assert_eq!(atom("thème:sport"), Atom::Topic(vec![Topic::Sport]));
    assert_eq!(atom("portée:nationale"), Atom::Scope(vec![Scope::National]));
    for (value, scope) in [
        ("nationale", Scope::National),
        ("régionale", Scope::Regional),
        ("régionaux", Scope::Regional),
        ("européenne", Scope::European),
        ("internationales", Scope::International),
        ("locaux", Scope::Local),
    ] {
        assert_eq!(atom(&format!("scope:{value}")), Atom::Scope(vec![scope]), "{value}");
    }
    // No ending is left of a value too short to have one.
    for short in ["s", "es", "ns"] {
        assert!(Query::parse(&format!("scope:{short}")).is_err(), "{short}");
    }
    assert_eq!(atom("topic:ess"), Atom::Topic(vec![Topic::SocialEconomy]));
    for starred in ["is:étoilé", "is:favori", "is:starred"] {
        assert_eq!(atom(starred), Atom::Mark(Mark::Starred), "{starred}");
    }
    assert_eq!(atom("is:rencontré"), Atom::Mark(Mark::Met));
    // A filter still being typed asks nothing, under any of its names.
    assert_eq!(Query::parse("type:"), Ok(Query::default()));
    assert!(Query::parse_whole("type:").is_err());
}

#[test]
fn a_mistyped_filter_is_an_error_not_a_word_found_nowhere() {
    for mistyped in ["tpye:media", "scop:local", "locaton:bordeaux", "!kidn:media"] {
        let err = Query::parse(mistyped).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("kind:"), "{mistyped}: {err}");
    }
    // Times, addresses, references, Grand Est and the exact letters are searched.
    for text in ["10:30", "https://ugap.fr", "mailto:x@y.fr", "tel:0102", "ex:ugap", "est:x"] {
        assert!(Query::parse(text).is_ok(), "{text}");
    }
    assert!(Query::parse("'tpye:media").is_ok());
}

#[test]
fn a_word_that_names_a_kind_is_told() {
    let kind = |text: &str| Query::parse(text).ok().and_then(|q| q.names_a_kind());
    assert_eq!(kind("media"), Some(Kind::Media));
    assert_eq!(kind("Médias"), Some(Kind::Media));
    assert_eq!(kind("fondation"), Some(Kind::Foundation));
    for not_one in ["zzzz", "media weka", "!media", "kind:media", "p"] {
        assert_eq!(kind(not_one), None, "{not_one}");
    }
}

#[test]
fn unknown_filter_value_lists_values() {
    let err = Query::parse("kind:zzz").err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("local-authority") && err.contains("media"), "{err}");
}

#[test]
fn a_word_as_typed_leaves_out_the_punctuation_around_it_in_any_script() {
    let as_typed = |text: &str| {
        let query = Query::parse(text).unwrap_or_default();
        query.word_as_typed(1, text).map(str::to_owned)
    };
    for text in ["ugap Zzzq,", "ugap «Zzzq»", "ugap “Zzzq”", "ugap ¿Zzzq?", "ugap Zzzq…"] {
        assert_eq!(as_typed(text).as_deref(), Some("Zzzq"), "{text}");
    }
    // An accent typed apart from its letter is the word's own.
    assert_eq!(as_typed("ugap Cafe\u{301}…").as_deref(), Some("Cafe\u{301}"));
    assert_eq!(as_typed("ugap Straße.").as_deref(), Some("Straße"));
}

#[test]
fn an_elided_article_typed_apart_is_a_stop_word() {
    for text in ["chambre d' agriculture", "chambre d’ agriculture", "l' insertion"] {
        let query = Query::parse(text).unwrap_or_default();
        let stop = |group: &Vec<Term>| matches!(&group[0].atom, Atom::Text { text, .. } if is_stop_word(text));
        assert!(query.groups.iter().any(stop), "{text}: {:?}", query.groups);
    }
}
