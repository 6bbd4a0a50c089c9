//! `partners alias`: your own aliases for a partner from the command line, and what the other
//! commands make of them (search, show, export), safe for the terminal in both languages.

use serde_json::Value;

use super::{Home, text};

#[test]
fn add_list_remove_and_search_by_an_alias() {
    let home = Home::new();
    assert_eq!(
        home.ok(&["alias", "ugap", "la", "marmite  d'achat"]),
        "UGAP: alias \"la marmite d'achat\" added\n"
    );
    // Twice, in other letters: not added again, and said so.
    let again = home.ok(&["alias", "ugap", "LA MARMITE D'ACHAT"]);
    assert_eq!(
        again,
        "UGAP: \"la marmite d'achat\" is already one of your aliases, so nothing was changed\n"
    );
    home.ok(&["alias", "ugap", "Achats publics"]);
    assert_eq!(home.ok(&["alias", "ugap"]), "la marmite d'achat\nAchats publics\n");
    let listed = home.json(&["alias", "ugap", "--json"]);
    assert_eq!(
        listed,
        serde_json::json!({"id": "ugap", "aliases": ["la marmite d'achat", "Achats publics"]})
    );
    // Written as the README and the help write it: the id first.
    let written = home.ok(&["alias", "ugap", "--json"]);
    assert!(written.starts_with("{\n  \"id\": \"ugap\",\n  \"aliases\": ["), "{written}");
    // Search finds the partner by it, on the command line too.
    let found = home.json(&["search", "marmite", "--json"]);
    let ids: Vec<&str> =
        found.as_array().expect("an array").iter().filter_map(|p| p["id"].as_str()).collect();
    assert_eq!(ids, ["ugap"]);
    let shown = home.json(&["show", "ugap", "--json"]);
    assert_eq!(shown["user_aliases"], serde_json::json!(["la marmite d'achat", "Achats publics"]));
    assert_eq!(home.json(&["show", "cnfpt", "--json"])["user_aliases"], serde_json::json!([]));
    let card = home.ok(&["show", "ugap"]);
    assert!(card.contains("\n  Aliases:\n    la marmite d'achat\n    Achats publics\n"), "{card}");
    // Removed whatever its case and accents.
    assert_eq!(
        home.ok(&["alias", "ugap", "--remove", "achats PUBLICS"]),
        "UGAP: alias \"Achats publics\" removed\n"
    );
    assert_eq!(home.ok(&["alias", "ugap"]), "la marmite d'achat\n");
    home.ok(&["alias", "ugap", "--remove", "la marmite d'achat"]);
    let out = home.run(&["alias", "ugap"]);
    assert!(out.status.success() && out.stdout.is_empty());
    assert!(
        text(&out.stderr).contains("UGAP has no aliases of yours yet"),
        "{}",
        text(&out.stderr)
    );
    let found = home.run(&["search", "marmite"]);
    assert_eq!(found.status.code(), Some(1), "no partner matches any more");
}

#[test]
fn mistakes_change_nothing_and_say_what_to_do() {
    let home = Home::new();
    let out = home.run(&["alias", "ugapp", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("did you mean ugap?"), "{}", text(&out.stderr));
    let out = home.run(&["alias", "ugap", "  \t "]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("the alias is empty"), "{}", text(&out.stderr));
    home.expect(&["alias", "ugap", "--remove", " "], 2);
    // Only characters no screen draws: as blank (it was added, listed as an empty line).
    let out = home.run(&["alias", "ugap", "\u{200b}\u{feff}"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("the alias is empty"), "{}", text(&out.stderr));
    let out = home.run(&["note", "ugap", "\u{200b}\u{a0} "]);
    assert_eq!(out.status.code(), Some(2), "a blank note is refused");
    let out = home.run(&["alias", "ugap", "--remove", "never added"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("UGAP has no alias \"never added\" of yours"),
        "{}",
        text(&out.stderr)
    );
    home.expect(&["alias", "ugap", "x", "--remove", "y"], 2);
    home.expect(&["alias", "ugap", "x", "--json"], 2);
    assert!(!home.path().join("state.ron").exists(), "nothing was written");
    // An alias that starts with a dash goes after `--`, and is removed as it is written.
    assert!(home.ok(&["alias", "ugap", "--", "--weird"]).contains("\"--weird\" added"));
    assert!(home.ok(&["alias", "ugap", "--remove", "--weird"]).contains("\"--weird\" removed"));
}

#[test]
fn aliases_in_french_and_never_raw_on_the_terminal() {
    let home = Home::new();
    let hostile = "\u{1b}[31mred\u{7} \u{202E}evil\u{9b}2J";
    let said = home.ok(&["--lang", "fr", "alias", "ugap", hostile]);
    assert!(said.starts_with("UGAP\u{a0}: alias «\u{a0}"), "{said}");
    let raw = |out: &str| out.chars().any(|c| (c.is_control() && c != '\n') || c == '\u{202E}');
    for args in [
        &["alias", "ugap"][..],
        &["show", "ugap"],
        &["show", "ugap", "--format", "md"],
        &["export", "--format", "md"],
        &["export", "--format", "csv"],
    ] {
        let out = home.ok(args);
        assert!(!raw(&out.replace("\r\n", "\n")), "{args:?} printed a control character:\n{out:?}");
    }
    let card = home.ok(&["--lang", "fr", "show", "ugap"]);
    assert!(card.contains("Alias\u{a0}:\n"), "{card}");
    // JSON and CSV carry them, escaped their own way.
    let json: Value = home.json(&["export", "--format", "json"]);
    let ugap = json.as_array().expect("an array").iter().find(|p| p["id"] == "ugap").cloned();
    let alias = ugap.and_then(|p| p["user_aliases"][0].as_str().map(str::to_owned));
    assert_eq!(alias.as_deref(), Some(hostile), "kept as typed, as a note is");
    // On the terminal, each control character is `�`, as in a note, not a space.
    assert_eq!(home.ok(&["alias", "ugap"]), "�[31mred� �evil�2J\n");
    let csv = home.ok(&["export", "--format", "csv"]);
    assert!(csv.lines().next().is_some_and(|h| h.ends_with(",user_aliases")), "{csv}");
}
