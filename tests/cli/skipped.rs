//! Marks and notes of partners whose dataset file was skipped: kept in the store, and said to
//! be missing (with why) by the commands that select by them, which then exit 1.

use super::{Home, ids, text};

const GOOD: &str = "(partners: [\n  (id: \"alpha\", name: \"Alpha Network\", kind: Media, scope: Local, description: \"Alpha.\"),\n  (id: \"beta\", name: \"Beta Network\", kind: Media, scope: Local, description: \"Beta.\"),\n])";

#[test]
fn marks_of_a_skipped_file_are_said_missing_and_the_exit_is_1() {
    let home = Home::new();
    let file = home.file("datasets/mine.ron", GOOD);
    home.ok(&["note", "alpha", "Promised a quote by Friday"]);
    home.ok(&["star", "beta"]);
    home.ok(&["star", "ugap"]);
    // While the file loads, nothing is said.
    let out = home.run(&["export", "--noted"]);
    assert!(out.status.success() && out.stderr.is_empty(), "{}", text(&out.stderr));
    // A relation of a partner to itself: the whole file is skipped (a relation to a partner
    // that does not exist only leaves that relation out: see `a_dangling_relation_...`).
    let broken = GOOD.replace(
        "description: \"Beta.\"",
        "description: \"Beta.\", relations: [(kind: MemberOf, target: \"beta\")]",
    );
    std::fs::write(&file, broken).expect("write");
    for args in [
        &["export", "--noted"][..],
        &["export", "--starred", "--format", "vcf"],
        &["export"],
        &["list", "--noted"],
        &["list", "--starred", "--json"],
    ] {
        let out = home.run(args);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        let said = err
            .lines()
            .find(|l| l.contains("missing from this output") || l.contains("This export carries"))
            .unwrap_or("");
        assert!(said.contains(&format!("{}:3:", file.display())), "{args:?}: {err}");
        assert!(said.contains("relation to itself"), "{args:?}: why: {err}");
    }
    let err = text(&home.run(&["export", "--noted", "--format", "vcf"]).stderr);
    assert!(
        err.contains("1 partner with your marks or note is missing") && err.contains("\"alpha\""),
        "{err}"
    );
    let err = text(&home.run(&["list", "--starred"]).stderr);
    assert!(
        err.contains("1 partner ") && err.contains("\"beta\"") && !err.contains("\"ugap\""),
        "{err}"
    );
    let err = text(&home.run(&["export"]).stderr);
    assert!(err.contains("2 partners with your marks or notes are not loaded"), "{err}");
    // What is loaded is still written.
    let out = home.run(&["list", "--starred", "--json"]);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(ids(&list), ["ugap"]);
    // In French too.
    let err = text(&home.run(&["--lang", "fr", "list", "--noted"]).stderr);
    assert!(err.contains("1 partenaire avec vos marques ou votre note manque"), "{err}");
    // Listing everything is not selecting by marks: the skipped file's warning is enough.
    assert!(home.run(&["list"]).status.success());
}

#[test]
fn marks_of_ids_no_dataset_has_are_no_news_when_every_file_loads() {
    let home = Home::new();
    home.ok(&["note", "ugap", "kept"]);
    let state = home.path().join("state.ron");
    let text_of = std::fs::read_to_string(&state).expect("state");
    std::fs::write(&state, text_of.replace("\"ugap\"", "\"gone-partner\"")).expect("write");
    let out = home.run(&["export", "--noted"]);
    assert!(out.status.success() && out.stderr.is_empty(), "{}", text(&out.stderr));
}

/// `search is:starred` and `search has:note` select by marks as `list --starred` does: they
/// say which marked partners are not loaded, and why; a search by text alone says nothing.
#[test]
fn a_search_by_marks_says_which_marked_partners_are_not_loaded() {
    let home = Home::new();
    let file = home.file("datasets/mine.ron", GOOD);
    home.ok(&["note", "alpha", "Promised a quote by Friday"]);
    home.ok(&["star", "beta"]);
    home.ok(&["star", "ugap"]);
    let broken = GOOD.replace("\"Beta.\"", "\"  \"");
    std::fs::write(&file, broken).expect("write");
    for (query, id) in [("is:starred", "beta"), ("has:note", "alpha")] {
        let out = home.run(&["search", query]);
        let err = text(&out.stderr);
        let said = err.lines().find(|l| l.contains("missing from this output")).unwrap_or("");
        assert!(said.contains(&format!("not loaded (\"{id}\")")), "{query}: {err}");
        assert!(said.contains(&format!("{}:3:", file.display())), "{query}: {err}");
    }
    // Both filters: only partners with both count (none here).
    let err = text(&home.run(&["search", "is:starred has:note"]).stderr);
    assert!(!err.contains("missing from this output"), "{err}");
    // Either: both.
    let err = text(&home.run(&["search", "is:starred | has:note"]).stderr);
    assert!(err.contains("2 partners with your marks"), "{err}");
    // By text, nothing can be said of a partner that is not loaded.
    let err = text(&home.run(&["search", "network"]).stderr);
    assert!(!err.contains("missing from this output"), "{err}");
}

/// A note whose partner is not loaded is still exported, with its id, in the formats that can
/// carry it (CSV, JSON, Markdown): it never disappears from the follow-up file. vCard and DOT,
/// which need the partner's name, leave it out and say so.
#[test]
fn notes_of_partners_not_loaded_are_exported_with_their_id() {
    let home = Home::new();
    let file = home.file("datasets/mine.ron", GOOD);
    home.ok(&["note", "alpha", "Promised a quote by Friday"]);
    home.ok(&["star", "beta"]);
    home.ok(&["note", "ugap", "Loaded one"]);
    std::fs::write(&file, GOOD.replace("\"Beta.\"", "\"  \"")).expect("write");
    let out = home.run(&["export", "--noted", "--format", "csv"]);
    let csv = text(&out.stdout);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(csv.contains("\r\nugap,"), "{csv}");
    assert!(csv.contains("\r\nalpha,,,,,,,,,,,,Promised a quote by Friday,"), "{csv}");
    assert!(!csv.contains("beta"), "not noted: {csv}");
    assert!(err.contains("1 partner with your marks or note is not loaded (\"alpha\")"), "{err}");
    assert!(err.contains("This export carries it with its id"), "{err}");
    let out = home.run(&["export", "--noted", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let alpha = json.as_array().into_iter().flatten().find(|p| p["id"] == "alpha");
    let alpha = alpha.expect("alpha exported");
    assert_eq!(alpha["loaded"], false);
    assert_eq!(alpha["note"], "Promised a quote by Friday");
    assert_eq!(alpha["starred"], false);
    let md = text(&home.run(&["export", "--noted", "--format", "md"]).stdout);
    assert!(md.contains("# alpha\nNot loaded (its dataset file was skipped"), "{md}");
    assert!(md.contains("> Promised a quote by Friday"), "{md}");
    let md = text(&home.run(&["--lang", "fr", "export", "--noted", "--format", "md"]).stdout);
    assert!(md.contains("# alpha\nNon chargé"), "{md}");
    // Written to a file, the count says it.
    let notes = home.path().join("notes.csv");
    let err = text(&home.run(&["export", "--noted", "-o", &notes.to_string_lossy()]).stderr);
    assert!(err.contains("wrote 2 partners"), "{err}");
    // Starred only: beta, carried; alpha is not starred.
    let csv = text(&home.run(&["export", "--starred"]).stdout);
    assert!(csv.contains("\r\nbeta,,,,,,,,,,yes,") && !csv.contains("alpha"), "{csv}");
    // vCard and DOT need a name: left out, and said missing.
    for format in ["vcf", "dot"] {
        let out = home.run(&["export", "--noted", "--format", format]);
        let err = text(&out.stderr);
        assert!(!text(&out.stdout).contains("alpha"), "{format}");
        assert!(err.contains("is missing from this output"), "{format}: {err}");
        assert_eq!(out.status.code(), Some(1), "{format}");
    }
}

/// A relation of a loaded file to a partner that only a skipped file has: left out (the file
/// still loads), and told as a partner not loaded, not as one that does not exist.
#[test]
fn a_relation_to_a_partner_of_a_skipped_file_is_left_out_and_said_not_loaded() {
    let home = Home::new();
    let mine = home.file(
        "datasets/mine.ron",
        "(partners: [\n  (id: \"alpha\", name: \"Alpha Network\", kind: Media, scope: Local, description: \"Alpha.\",\n   relations: [(kind: MemberOf, target: \"gamma\"), (kind: MemberOf, target: \"ugap\")]),\n])",
    );
    // Skipped: a relation of a partner to itself.
    home.file(
        "datasets/other.ron",
        "(partners: [\n  (id: \"gamma\", name: \"Gamma\", kind: Media, scope: Local, description: \"G.\", relations: [(kind: MemberOf, target: \"gamma\")]),\n])",
    );
    let out = home.run(&["list", "--json"]);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(ids(&list).contains(&"alpha") && !ids(&list).contains(&"gamma"), "{err}");
    let said = err.lines().find(|l| l.contains("\"gamma\", which")).unwrap_or_default();
    assert!(
        said.starts_with("warning: left out a relation to a partner that is not loaded"),
        "{err}"
    );
    assert!(said.contains(&format!("{}:3:", mine.display())), "{err}");
    assert!(said.contains("\"alpha\" has a relation to \"gamma\", which is not loaded"), "{err}");
    assert!(!err.contains("does not exist") && !err.contains("not a partner"), "{err}");
    assert!(err.contains("skipped a dataset") && err.contains("relation to itself"), "{err}");
    // The relation is gone; the others stay.
    let alpha = home.json(&["show", "alpha", "--json"]);
    let targets: Vec<&str> = alpha["relations"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["target"].as_str())
        .collect();
    assert_eq!(targets, ["ugap"], "{alpha}");
    // In French too.
    let err = text(&home.run(&["--lang", "fr", "list"]).stderr);
    assert!(err.contains("partenaire non chargé, son fichier ignoré"), "{err}");
    assert!(err.contains("«\u{a0}gamma\u{a0}», qui n'est pas chargé"), "{err}");
    // `validate` fails on it, with its place.
    let shown = mine.display().to_string();
    let out = home.expect(&["validate", &shown], 1);
    assert!(out.starts_with(&format!("{shown}:3:")), "{out}");
    assert!(out.contains("\"gamma\", which is not loaded: its dataset file was skipped"), "{out}");
}

/// A file skipped for its syntax still shows its ids: a relation of a loaded file to one of
/// them is told as to a partner not loaded, like one to a file skipped for a rule, and `show`
/// says where the partner is. When the broken file cannot be read through (a string that
/// never closes) or at all, a relation to no partner may be to one of its partners: it is
/// said so, not that the partner does not exist.
#[test]
fn a_relation_to_a_partner_of_a_file_with_a_syntax_error_is_said_not_loaded() {
    let home = Home::new();
    let mine = home.file(
        "datasets/mine.ron",
        "(partners: [\n  (id: \"alpha\", name: \"Alpha Network\", kind: Media, scope: Local, description: \"Alpha.\",\n   relations: [(kind: MemberOf, target: \"gamma\"), (kind: MemberOf, target: \"ugap\")]),\n])",
    );
    let gamma = "(partners: [\n  (id: \"gamma\", name: \"Gamma\", kind: Media, scope: Local, description: \"G.\"),\n])";
    let other = home.file("datasets/other.ron", &gamma.replace("kind: Media", "kind: Mediaa"));
    let err = warned(&home, &["list"]);
    let said = err.lines().find(|l| l.contains("\"gamma\", which")).unwrap_or_default();
    assert!(
        said.starts_with("warning: left out a relation to a partner that is not loaded"),
        "{err}"
    );
    assert!(said.contains(&format!("{}:3:", mine.display())), "{err}");
    assert!(said.contains("\"alpha\" has a relation to \"gamma\", which is not loaded"), "{err}");
    assert!(!err.contains("does not exist") && !err.contains("not a partner"), "{err}");
    assert!(err.contains(&format!("{}:2:", other.display())), "the syntax error: {err}");
    let err = warned(&home, &["--lang", "fr", "list"]);
    assert!(err.contains("«\u{a0}gamma\u{a0}», qui n'est pas chargé"), "{err}");
    let shown = other.display().to_string();
    let err = text(&home.run(&["show", "gamma"]).stderr);
    assert!(err.contains(&format!("its dataset file {shown} was skipped")), "{err}");
    // Read no further than a string that never closes, before gamma's id: gamma may be there.
    let unclosed = "(partners: [\n  (id: \"beta\", name: \"Beta, kind: Media),\n";
    std::fs::write(&other, gamma.replace("(partners: [\n", unclosed)).expect("write");
    let err = warned(&home, &["list"]);
    let said = err.lines().find(|l| l.contains("\"gamma\", which")).unwrap_or_default();
    assert!(
        said.starts_with("warning: left out a relation to a partner that no file loaded has, perhaps one of a skipped file not read through"),
        "{err}"
    );
    assert!(said.contains("could not be read far enough to tell whether it does"), "{err}");
    assert!(!err.contains("does not exist") && !err.contains("not a partner"), "{err}");
    let err = warned(&home, &["--lang", "fr", "list"]);
    assert!(
        err.contains("qu'aucun fichier chargé n'a, peut-être celui d'un fichier ignoré qui n'a pas pu être lu"),
        "{err}"
    );
    // Not text at all: nothing of it is known.
    std::fs::write(&other, b"(partners: [\xff])").expect("write");
    let err = warned(&home, &["list"]);
    assert!(err.contains("perhaps one of a skipped file not read through"), "{err}");
    // The broken file gone, the partner does not exist.
    std::fs::remove_file(&other).expect("remove");
    let err = warned(&home, &["list"]);
    assert!(err.contains("left out a relation to a partner that does not exist"), "{err}");
}

/// `validate` of a file with relations both to no partner and to a partner of a skipped file
/// lists them all, in the order of the file: two warnings at load, one list of problems.
#[test]
fn validate_lists_relations_to_no_partner_and_to_partners_not_loaded() {
    let home = Home::new();
    let mine = home.file(
        "datasets/mine.ron",
        "(partners: [\n  (id: \"alpha\", name: \"Alpha\", kind: Media, scope: Local, description: \"A.\",\n   relations: [(kind: MemberOf, target: \"gamma\")]),\n  (id: \"beta\", name: \"Beta\", kind: Media, scope: Local, description: \"B.\",\n   relations: [(kind: MemberOf, target: \"nowhere\")]),\n])",
    );
    home.file(
        "datasets/other.ron",
        "(partners: [(id: \"gamma\", name: \"\", kind: Media, scope: Local, description: \"G.\")])",
    );
    let shown = mine.display().to_string();
    let out = home.expect(&["validate", &shown], 1);
    let lines: Vec<&str> = out.lines().filter(|l| l.starts_with(&shown)).collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].starts_with(&format!("{shown}:3:")) && lines[0].contains("not loaded"),
        "{out}"
    );
    assert!(
        lines[1].starts_with(&format!("{shown}:5:")) && lines[1].contains("not a partner"),
        "{out}"
    );
}

/// `show ID` of a partner whose file was skipped says so, rather than that no partner has
/// the id; when a file was skipped unread (its partners unknown), that it may be there.
#[test]
fn show_of_a_partner_of_a_skipped_file_says_its_file_was_skipped() {
    let home = Home::new();
    let file = home.file("datasets/mine.ron", &GOOD.replace("\"Beta.\"", "\"  \""));
    let shown = file.display().to_string();
    let out = home.run(&["show", "alpha"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    let said = format!(
        "partner \"alpha\" is not loaded: its dataset file {shown} was skipped (the warning above says why); `partners validate {shown}` lists its problems"
    );
    assert!(err.contains(&said), "{err}");
    assert!(!err.contains("no partner has the id"), "{err}");
    // Typed in capitals, as an id is found.
    assert!(text(&home.run(&["star", "BETA"]).stderr).contains("\"BETA\" is not loaded"));
    let err = text(&home.run(&["--lang", "fr", "show", "alpha"]).stderr);
    assert!(
        err.contains("«\u{a0}alpha\u{a0}» n'est pas chargé\u{a0}: son fichier de données"),
        "{err}"
    );
    // Skipped for its syntax: its partners are not known, but they may be there.
    std::fs::write(&file, GOOD.replace("(id: \"beta\"", "(id \"beta\"")).expect("write");
    let err = refused(&home, &["show", "beta"]);
    assert!(err.contains("no partner has the id \"beta\""), "{err}");
    assert!(err.contains("a dataset file was skipped, as the warning above says"), "{err}");
    let err = refused(&home, &["--lang", "fr", "show", "beta"]);
    assert!(err.contains("un fichier de données a été ignoré"), "{err}");
    // Every file loaded: no such hint.
    std::fs::write(&file, GOOD).expect("write");
    let err = refused(&home, &["show", "gamma"]);
    assert!(err.contains("no partner has the id \"gamma\"") && !err.contains("skipped"), "{err}");
}

/// The standard error of `partners args...`, which must succeed.
fn warned(home: &Home, args: &[&str]) -> String {
    let out = home.run(args);
    assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    text(&out.stderr)
}

/// The standard error of `partners args...`, which must refuse with status 2.
fn refused(home: &Home, args: &[&str]) -> String {
    let out = home.run(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out.stderr));
    text(&out.stderr)
}

/// `search 'is:starred WORDS'` says only that starred partners are not loaded: whether they
/// would have matched the words is not known, so they are not said missing from the output.
#[test]
fn a_search_by_marks_and_words_says_only_that_marked_partners_are_not_loaded() {
    let home = Home::new();
    let file = home.file("datasets/mine.ron", GOOD);
    home.ok(&["star", "beta"]);
    std::fs::write(&file, GOOD.replace("\"Beta.\"", "\"  \"")).expect("write");
    for query in ["is:starred ugap", "is:starred kind:media", "is:starred !is:met"] {
        let err = text(&home.run(&["search", query]).stderr);
        let said = "1 partner with the marks this search asks for is not loaded (\"beta\"), so it was not searched: its dataset file was skipped: ";
        assert!(err.contains(said), "{query}: {err}");
        assert!(!err.contains("missing from this output"), "{query}: {err}");
    }
    // By marks alone it would have been shown: missing from the output, as before.
    let err = text(&home.run(&["search", "is:starred"]).stderr);
    assert!(err.contains("missing from this output"), "{err}");
    let err = text(&home.run(&["--lang", "fr", "search", "is:starred ugap"]).stderr);
    assert!(err.contains("n'est pas chargé (\"beta\"), il n'a donc pas été cherché"), "{err}");
}

/// A glossary.ron left out for its syntax holds no partner: marks of ids no dataset has are
/// said as when every file loads, in no data loaded (it made `export` and `list --starred`
/// exit 1, saying the marked partners were in it).
#[test]
fn a_glossary_left_out_hides_no_marked_partner() {
    let home = Home::new();
    home.ok(&["note", "ugap", "kept"]);
    home.ok(&["star", "ugap"]);
    let state = home.path().join("state.ron");
    let text_of = std::fs::read_to_string(&state).expect("state");
    std::fs::write(&state, text_of.replace("\"ugap\"", "\"gone-partner\"")).expect("write");
    home.file("datasets/glossary.ron", "(groups: [])");
    for args in [&["export", "--noted"][..], &["list", "--starred"], &["search", "is:starred"]] {
        let out = home.run(args);
        let said = text(&out.stderr);
        assert!(said.contains("glossary.ron"), "{args:?}: the glossary is still said: {said}");
        assert!(
            said.contains("left out your glossary") && !said.contains("skipped a dataset"),
            "{args:?}: said as the glossary it is: {said}"
        );
        assert!(!said.contains("was skipped"), "{args:?}: {said}");
        // A search that finds nothing exits 1 whatever the warnings.
        let expected = i32::from(args[0] == "search");
        assert_eq!(out.status.code(), Some(expected), "{args:?}: {said}");
    }
}

/// Marks of partners that no data loaded has (their dataset removed, another `--data`), no
/// file skipped: an output that cannot carry them (a list, vCard, DOT, a search by marks)
/// says they are left out, as the browser's starred view does, instead of dropping a noted
/// partner from the address book without a word; CSV, which carries them, says nothing.
#[test]
fn marks_of_partners_in_no_data_loaded_are_said_left_out() {
    let home = Home::new();
    let file = home.file("datasets/mine.ron", GOOD);
    home.ok(&["note", "alpha", "Promised a quote by Friday"]);
    home.ok(&["star", "alpha"]);
    home.ok(&["star", "ugap"]);
    std::fs::remove_file(&file).expect("the dataset removed");
    for args in [
        &["export", "--starred", "--format", "vcf"][..],
        &["export", "--noted", "--format", "dot"],
        &["list", "--starred"],
        &["search", "is:starred"],
    ] {
        let out = home.run(args);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        let said = "1 partner with your marks or note is in no data loaded (\"alpha\")";
        assert!(err.contains(said), "{args:?}: {err}");
    }
    let out = home.run(&["export", "--starred"]);
    assert!(out.status.success() && out.stderr.is_empty(), "{}", text(&out.stderr));
    let err = text(&home.run(&["--lang", "fr", "list", "--noted"]).stderr).replace('\u{a0}', " ");
    assert!(err.contains("1 partenaire avec vos marques ou votre note n'est dans aucune"), "{err}");
}
