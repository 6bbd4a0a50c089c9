//! The `partners` binary end to end: output shapes, exit codes, datasets from files and from the
//! home folder, marks and notes on disk. Every run gets a temporary home (`PARTNERS_HOME`, and
//! `--home` where the flag itself is under test), so no test touches the real one.

use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

mod common;

/// Keys every partner object carries.
const PARTNER_KEYS: &[&str] = &[
    "id",
    "name",
    "acronym",
    "aliases",
    "kind",
    "scope",
    "location",
    "topics",
    "description",
    "facts",
    "relations",
    "backlinks",
    "starred",
    "met",
    "note",
    "note_changed",
    "user_aliases",
];

/// The variables that choose the language when `--lang` is not given, strongest first.
const LOCALE_VARIABLES: [&str; 4] = ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"];

/// A temporary home folder and commands that use it.
struct Home {
    dir: TempDir,
}

impl Home {
    fn new() -> Home {
        Home { dir: TempDir::new().expect("a temporary folder") }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `partners` with this home in `PARTNERS_HOME`, and the system folders pointed inside it.
    /// No locale: messages are English, whatever the machine running the tests says.
    fn cmd(&self) -> Command {
        Command::from_std(self.std_cmd())
    }

    /// The same as a standard command, for a process the test starts and signals.
    fn std_cmd(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_partners"));
        cmd.env("PARTNERS_HOME", self.path())
            .env("XDG_DATA_HOME", self.path().join("xdg"))
            .env("HOME", self.path())
            .env_remove("NO_COLOR");
        for name in LOCALE_VARIABLES {
            cmd.env_remove(name);
        }
        cmd
    }

    /// Runs `partners args...` and returns its output.
    fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("partners runs")
    }

    /// Runs and expects exit code `code`; returns stdout.
    fn expect(&self, args: &[&str], code: i32) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(code),
            "partners {args:?}\nstdout: {}\nstderr: {}",
            text(&out.stdout),
            text(&out.stderr)
        );
        text(&out.stdout)
    }

    fn ok(&self, args: &[&str]) -> String {
        self.expect(args, 0)
    }

    fn json(&self, args: &[&str]) -> Value {
        let stdout = self.ok(args);
        serde_json::from_str(&stdout)
            .unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}):\n{stdout}"))
    }

    /// Writes `content` to `name` inside the home and returns its path.
    fn file(&self, name: &str, content: &str) -> PathBuf {
        let path = self.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folder");
        }
        std::fs::write(&path, content).expect("write file");
        path
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn ids(array: &Value) -> Vec<&str> {
    array
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {array}"))
        .iter()
        .map(|p| p["id"].as_str().unwrap_or_else(|| panic!("no id in {p}")))
        .collect()
}

fn find<'a>(array: &'a Value, id: &str) -> &'a Value {
    array
        .as_array()
        .and_then(|a| a.iter().find(|p| p["id"] == id))
        .unwrap_or_else(|| panic!("{id} is not in {array}"))
}

fn assert_partner_shape(object: &Value, with_score: bool) {
    let map = object.as_object().unwrap_or_else(|| panic!("not an object: {object}"));
    for key in PARTNER_KEYS {
        assert!(map.contains_key(*key), "{key} missing from {object}");
    }
    assert_eq!(map.contains_key("score"), with_score, "score in {object}");
    assert_eq!(map.contains_key("in_note"), with_score, "in_note in {object}");
    assert!(object["id"].is_string() && object["name"].is_string());
    assert!(object["acronym"].is_string() || object["acronym"].is_null());
    assert!(object["location"].is_string() || object["location"].is_null());
    assert!(object["note"].is_string() || object["note"].is_null());
    assert!(object["starred"].is_boolean() && object["met"].is_boolean());
    for list in ["aliases", "topics", "facts", "relations", "backlinks"] {
        assert!(object[list].is_array(), "{list} of {object}");
    }
    assert!(object["kind"].as_str().is_some_and(|k| !k.contains(' ')), "kind is a slug");
    for relation in object["relations"].as_array().into_iter().flatten() {
        for key in ["kind", "label", "target", "name", "note"] {
            assert!(relation.get(key).is_some(), "{key} missing from {relation}");
        }
    }
    if with_score {
        assert!(object["score"].is_u64() && object["in_note"].is_boolean());
    }
}

/// 1-based line and column (in characters) of the `nth` occurrence of `needle` in `source`.
fn line_col(source: &str, needle: &str, nth: usize) -> (usize, usize) {
    let offset = source
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle} not in the source"))
        .0;
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

const GOOD: &str = r#"(partners: [
    (
        id: "alpha",
        name: "Alpha Network",
        acronym: "ALN",
        kind: Media,
        scope: National,
        description: "The first, with accents: Été.",
        relations: [(kind: MemberOf, target: "beta")],
    ),
    (
        id: "beta",
        name: "Beta Fondation",
        kind: Foundation,
        scope: Local,
        description: "The second.",
    ),
])
"#;

// ---------------------------------------------------------------------------------------------
// Output shapes

#[test]
fn search_json_has_every_field_and_a_score() {
    let home = Home::new();
    let results = home.json(&["search", "--json", "bordeaux"]);
    let array = results.as_array().expect("an array");
    assert!(array.len() > 1);
    for object in array {
        assert_partner_shape(object, true);
    }
    assert_eq!(ids(&results)[0], "bordeaux");
    let scores: Vec<u64> = array.iter().filter_map(|o| o["score"].as_u64()).collect();
    assert!(scores.is_sorted_by(|a, b| a >= b), "best first: {scores:?}");
}

#[test]
fn show_json_has_relations_and_backlinks() {
    let home = Home::new();
    let object = home.json(&["show", "cci-bordeaux-gironde", "--json"]);
    assert_partner_shape(&object, false);
    assert_eq!(object["id"], "cci-bordeaux-gironde");
    assert_eq!(object["kind"], "public-body");
    assert_eq!(object["scope"], "local");
    assert_eq!(object["topics"], serde_json::json!(["economy"]));
    let backlinks = object["backlinks"].as_array().expect("backlinks");
    assert!(
        backlinks
            .iter()
            .any(|b| b["target"] == "convergence-marches" && b["kind"] == "initiative-of"),
        "{backlinks:?}"
    );
    let object = home.json(&["show", "convergence-marches", "--json"]);
    assert_eq!(object["relations"][0]["target"], "cci-bordeaux-gironde");
    assert_eq!(object["relations"][0]["label"], "An initiative of");
    let object = home.json(&["show", "ugap", "--json"]);
    assert_eq!(object["acronym"], "UGAP");
    assert!(object["relations"][0]["target"].is_null());
    assert!(object["relations"][0]["name"].as_str().is_some_and(|n| n.contains("Ministry")));
}

#[test]
fn list_json_lists_every_partner_alphabetically() {
    let home = Home::new();
    let list = home.json(&["list", "--json"]);
    let found = ids(&list);
    assert_eq!(found.len(), 38);
    for object in list.as_array().into_iter().flatten() {
        assert_partner_shape(object, false);
    }
    let names: Vec<String> = list
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|o| o["name"].as_str())
        .map(partners::search::fold)
        .collect();
    assert!(names.is_sorted(), "{names:?}");
    let media = home.json(&["list", "--kind", "media", "--json"]);
    let mut media = ids(&media);
    media.sort_unstable();
    assert_eq!(media, ["achatpublic-info", "weka"]);
}

#[test]
fn plain_output_is_tab_separated_when_piped() {
    let home = Home::new();
    let out = home.ok(&["search", "ugap"]);
    assert_eq!(out, "ugap\tUGAP\tUGAP\tpublic-body\n");
    let out = home.ok(&["list", "--kind", "media"]);
    assert_eq!(out.lines().count(), 2);
    assert!(out.lines().all(|l| l.split('\t').count() == 4), "{out}");
}

#[test]
fn show_prints_text_and_markdown_cards() {
    let home = Home::new();
    let card = home.ok(&["show", "cnfpt"]);
    assert!(card.starts_with("Centre National de la Fonction Publique Territoriale (CNFPT)\n"));
    assert!(card.contains("Public body · National · France"));
    let md = home.ok(&["show", "cnfpt", "--format", "md"]);
    assert!(md.starts_with("# Centre National"), "{md}");
    assert!(md.contains("\n## "), "{md}");
    assert_eq!(home.ok(&["show", "cnfpt", "--format", "text"]), card);
    // --json and --format do not go together.
    home.expect(&["show", "cnfpt", "--json", "--format", "md"], 2);
}

// ---------------------------------------------------------------------------------------------
// Exit codes

#[test]
fn search_exit_codes() {
    let home = Home::new();
    home.ok(&["search", "ugap"]);
    home.ok(&["search", "fr", "tech"]);
    assert_eq!(home.expect(&["search", "zzzzqqq"], 1), "");
    assert_eq!(home.expect(&["search", "--json", "zzzzqqq"], 1).trim(), "[]");
    // A filter with no value, given whole, is an error (a space after the colon too), not
    // ignored as while it is typed in the browser.
    for query in [&["kind:"][..], &["kind:", "media"], &["ugap", "!topic:"]] {
        let out = home.run(&[&["search"][..], query].concat());
        assert_eq!(out.status.code(), Some(2), "{query:?}");
        assert!(text(&out.stderr).contains("this filter has no value"), "{query:?}");
    }
    // Its example is of that filter, and the line starts as every other error does.
    for (query, example) in [("in:", "as in in:bordeaux"), ("has:", "as in has:note")] {
        let err = text(&home.run(&["search", query]).stderr);
        assert!(err.starts_with("partners: in the query, "), "{err}");
        assert!(err.contains(example), "{query}: {err}");
    }
    let err = text(&home.run(&["--lang", "fr", "search", "is:"]).stderr);
    assert!(err.contains("comme is:starred"), "{err}");
    // A query error: exit 2, with the values that exist.
    let out = home.run(&["search", "kind:zzz"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("kind:zzz") && err.contains("public-body") && err.contains("media"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
    // Usage errors: exit 2.
    home.expect(&["search"], 2);
    home.expect(&["search", "--limit", "many", "ugap"], 2);
    home.expect(&["list", "--kind", "nothing"], 2);
    home.expect(&["frobnicate", "--nope"], 2);
}

/// A query whose first word is one slip from a command's name (`partners serach ugap`) is
/// pointed at the command, in the user's language; the words of a dataset are not, though
/// clap's own rule (Jaro over 0.7) would take `paris` for `alias`.
#[test]
fn a_mistyped_command_is_pointed_at() {
    use partners::cli::{command_like, mistyped_command};
    use partners::i18n::{self, Lang};
    let typed = |words: &[&str]| words.iter().map(|&w| w.to_owned()).collect::<Vec<_>>();
    i18n::set(Lang::En);
    let said = "\"serach\" is not a command: did you mean \"partners search ugap\"?";
    assert_eq!(mistyped_command(&typed(&["serach", "ugap"])).as_deref(), Some(said));
    for (word, meant) in [
        ("shwo", "show"),
        ("Lsit", "list"),
        ("exprot", "export"),
        ("notes", "note"),
        ("mte", "met"),
        ("vaildate", "validate"),
        ("completion", "completions"),
        ("cofnig", "config"),
    ] {
        assert_eq!(command_like(word).as_deref(), Some(meant), "{word}");
    }
    // Queries, and a command's own name typed after `--`.
    for word in ["ugap", "paris", "council", "sport", "service", "main", "many", "s", "search"] {
        assert_eq!(command_like(word), None, "{word}");
    }
    assert_eq!(mistyped_command(&typed(&["ugap", "serach"])), None);
    assert_eq!(mistyped_command(&[]), None);
    i18n::set(Lang::Fr);
    let said = "«\u{a0}exprot\u{a0}» n'est pas une commande\u{a0}: \
                vouliez-vous dire «\u{a0}partners export\u{a0}»\u{a0}?";
    assert_eq!(mistyped_command(&typed(&["exprot"])).as_deref(), Some(said));
    i18n::set(Lang::En);
}

/// Without a terminal, the browser is refused, and the mistyped command said first.
#[test]
fn a_mistyped_command_without_a_terminal_is_pointed_at() {
    let home = Home::new();
    let out = home.cmd().args(["serach", "ugap"]).write_stdin("").output().expect("partners runs");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = text(&out.stderr);
    let hint = "\"serach\" is not a command: did you mean \"partners search ugap\"?\n";
    assert!(err.starts_with(hint), "{err}");
    assert!(err.contains("needs a terminal"), "{err}");
}

#[test]
fn search_limit() {
    let home = Home::new();
    let all = home.json(&["search", "--json", "bordeaux"]);
    let two = home.json(&["search", "--json", "--limit", "2", "bordeaux"]);
    assert_eq!(ids(&two), ids(&all)[..2]);
    assert_eq!(home.ok(&["search", "--limit", "1", "bordeaux"]).lines().count(), 1);
    // The exit code tells whether anything matched, whatever the limit; and 0 is said to be
    // the way to ask for the exit code alone, not taken for a mistake.
    assert_eq!(home.ok(&["search", "--limit", "0", "bordeaux"]), "");
    home.expect(&["search", "--limit", "0", "zzzzqqq"], 1);
    // A negative number is a wrong value: clap's tip to write `-- -1` would search for "-1".
    let out = home.run(&["search", "--limit", "-1", "ugap"]);
    let said = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.contains("'-1'") && said.contains("--limit") && !said.contains("-- -1"), "{said}");
    let help = home.ok(&["search", "--help"]);
    assert!(help.contains("0 prints none, for the exit code alone"), "{help}");
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("the README is readable");
    assert!(readme.contains("`--limit 0` prints nothing, for the exit code alone"));
}

#[test]
fn search_takes_several_words_and_hyphens() {
    let home = Home::new();
    let words = home.json(&["search", "--json", "ile", "de", "france"]);
    assert_eq!(ids(&words)[0], "amif");
    let one = home.json(&["search", "--json", "ile de france"]);
    assert_eq!(words, one);
    assert_eq!(ids(&home.json(&["search", "--json", "--", "ugap"])), ["ugap"]);
    assert!(ids(&home.json(&["search", "--json", "ile-de-france"])).contains(&"amif"));
    // A leading dash is an option; after `--` it is a term.
    home.expect(&["search", "-ugap"], 2);
    home.expect(&["search", "--", "-ugap"], 1);
}

/// An unknown word with one dash is named as typed (clap names its first letter), and so is
/// the way to search for it, in both languages.
#[test]
fn an_unknown_word_with_one_dash_is_named_as_typed() {
    let home = Home::new();
    let refused = |args: &[&str]| {
        let out = home.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        text(&out.stderr).replace('\u{a0}', " ")
    };
    for args in [&["search", "-foo"][..], &["-foo"], &["search", "x", "-foo", "--limit", "2"]] {
        let said = refused(args);
        assert!(said.starts_with("error: unexpected argument '-foo' found\n"), "{said}");
        assert!(said.contains("tip: to pass '-foo' as a value, use '-- -foo'\n"), "{said}");
        let french: Vec<&str> = ["--lang", "fr"].iter().chain(args).copied().collect();
        let said = refused(&french);
        assert!(said.starts_with("erreur : argument inattendu « -foo »\n"), "{said}");
        assert!(said.contains("écrivez « -- -foo »\n"), "{said}");
    }
    // Where no word is taken, no tip; a lone letter is named as it is.
    let said = refused(&["list", "-foo"]);
    assert!(said.starts_with("error: unexpected argument '-foo' found\n"), "{said}");
    assert!(!said.contains("tip"), "{said}");
    let said = refused(&["search", "-f"]);
    assert!(said.starts_with("error: unexpected argument '-f' found\n"), "{said}");
}

/// Ids are lower case: one typed in capitals names the same partner, everywhere an id is taken,
/// and its marks are kept under the id as the dataset writes it.
#[test]
fn an_id_in_capitals_names_its_partner() {
    let home = Home::new();
    assert_eq!(home.ok(&["show", "UGAP"]), home.ok(&["show", "ugap"]));
    // Pasted with the space or the tab around it (a cell, `partners list` in a pipe).
    assert_eq!(home.ok(&["show", " ugap\t"]), home.ok(&["show", "ugap"]));
    // Or with an invisible character a web page or a document put around it: a zero-width
    // space, a byte-order mark, a word joiner, a left-to-right mark.
    for pasted in ["ugap\u{200B}", "\u{FEFF}ugap", "ugap\u{2060}", "\u{200E}ugap\u{200E}"] {
        assert_eq!(home.ok(&["show", pasted]), home.ok(&["show", "ugap"]), "{pasted:?}");
    }
    home.ok(&["star", "Bordeaux-Metropole"]);
    home.ok(&["note", "UGAP", "call back"]);
    home.ok(&["alias", "UGAP", "centrale"]);
    let listed = home.json(&["list", "--json", "--noted"]);
    assert_eq!(ids(&listed), ["ugap"]);
    assert_eq!(ids(&home.json(&["list", "--json", "--starred"])), ["bordeaux-metropole"]);
    assert!(home.ok(&["show", "UGAP"]).contains("call back"));
    assert_eq!(home.ok(&["alias", "ugap"]).trim(), "centrale");
}

#[test]
fn unknown_id_suggests_the_closest_ones() {
    let home = Home::new();
    let out = home.run(&["show", "ugapp"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("\"ugapp\"") && err.contains("did you mean") && err.contains("ugap"),
        "{err}"
    );
    let out = home.run(&["show", "bordeaux-metropol"]);
    assert!(text(&out.stderr).contains("bordeaux-metropole"));
    let tried = [("cnftp", Some("cnfpt")), ("ugap-2", Some("ugap")), ("ygap", Some("ugap"))];
    for (typed, close) in tried.into_iter().chain([("agence", None)]) {
        let err = text(&home.run(&["show", typed]).stderr);
        match close {
            Some(id) => assert!(err.contains(&format!("did you mean {id}")), "{typed}: {err}"),
            // Ids that share a few letters only (adgcf, ensie) are no suggestion.
            None => assert!(!err.contains("did you mean"), "{typed}: {err}"),
        }
    }
    let out = home.run(&["show", "qqqqqqqq"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("partners list"));
    // Marking an unknown id fails the same way and writes nothing.
    let out = home.run(&["star", "ugapp"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("ugap"));
    assert_eq!(home.json(&["list", "--starred", "--json"]), serde_json::json!([]));
}

// ---------------------------------------------------------------------------------------------
// Global options

#[test]
fn global_options_work_before_and_after_the_subcommand() {
    let home = Home::new();
    let other = Home::new();
    let flag = other.path().to_str().expect("utf-8 path");
    home.ok(&["--home", flag, "star", "ugap"]);
    home.ok(&["met", "--home", flag, "weka"]);
    // The flag wins over PARTNERS_HOME: the stars went to `other`, not to `home`.
    assert_eq!(ids(&home.json(&["list", "--starred", "--json"])), Vec::<&str>::new());
    assert_eq!(ids(&home.json(&["--home", flag, "list", "--starred", "--json"])), ["ugap"]);
    assert_eq!(ids(&other.json(&["list", "--met", "--json"])), ["weka"]);
    let data = home.file("good.ron", GOOD);
    let data = data.to_str().expect("utf-8 path");
    assert_eq!(ids(&home.json(&["--data", data, "list", "--json"])).len(), 2);
    assert_eq!(ids(&home.json(&["list", "--data", data, "--json"])).len(), 2);
    assert_eq!(ids(&home.json(&["--no-mouse", "search", "--json", "ugap"])), ["ugap"]);
}

#[test]
fn a_search_says_what_it_found_in_the_users_note_or_aliases() {
    let home = Home::new();
    home.ok(&["note", "weka", "their catalogue"]);
    home.ok(&["alias", "ugap", "the quorvex"]);
    for (query, id) in [("catalgue", "weka"), ("quorvex", "ugap")] {
        let found = home.json(&["search", "--json", query]);
        assert_eq!(ids(&found), [id], "{query}");
        assert_eq!(found[0]["in_note"], true, "{query}");
    }
    let found = home.json(&["search", "--json", "weka"]);
    assert_eq!((ids(&found)[0], &found[0]["in_note"]), ("weka", &Value::Bool(false)));
    // Piped, the columns stay as they are.
    assert_eq!(home.ok(&["search", "catalogue"]), "weka\tWEKA\t\tmedia\n");
}

#[test]
fn a_file_that_cannot_be_read_is_told_in_the_users_language() {
    let home = Home::new();
    let missing = home.path().join("missing.ron");
    let missing = missing.to_str().expect("utf-8 path");
    let latin1 = home.path().join("latin1.ron");
    std::fs::write(&latin1, b"(partners: [(name: \"Soci\xe9t\xe9\")])").expect("written");
    let latin1 = latin1.to_str().expect("utf-8 path");
    for (lang, absent, not_text) in [
        ("en", "cannot read the file: it does not exist", ":1:25: bytes that are not UTF-8 text"),
        (
            "fr",
            "impossible de lire le fichier\u{a0}: introuvable",
            ":1:25: des octets qui ne sont pas",
        ),
    ] {
        let out = home.run(&["--lang", lang, "--data", missing, "list"]);
        assert_eq!(out.status.code(), Some(2));
        assert!(text(&out.stderr).contains(absent), "{lang}: {}", text(&out.stderr));
        assert!(!text(&out.stderr).contains("os error"), "{}", text(&out.stderr));
        let out = home.run(&["--lang", lang, "--data", latin1, "list"]);
        assert!(text(&out.stderr).contains(not_text), "{lang}: {}", text(&out.stderr));
    }
}

// ---------------------------------------------------------------------------------------------
// Marks and notes

#[test]
fn marks_round_trip() {
    let home = Home::new();
    assert!(home.ok(&["star", "ugap"]).contains("UGAP"));
    home.ok(&["star", "weka"]);
    home.ok(&["met", "weka"]);
    home.ok(&["met", "gsef"]);
    home.ok(&["note", "gsef", "Seoul", "2013,", "ask about", "the forum"]);
    let starred = home.json(&["list", "--starred", "--json"]);
    let mut found = ids(&starred);
    found.sort_unstable();
    assert_eq!(found, ["ugap", "weka"]);
    assert_eq!(find(&starred, "weka")["met"], true);
    assert_eq!(find(&starred, "ugap")["met"], false);
    assert_eq!(find(&starred, "ugap")["starred"], true);
    let met = home.json(&["list", "--met", "--json"]);
    let mut found = ids(&met);
    found.sort_unstable();
    assert_eq!(found, ["gsef", "weka"]);
    let noted = home.json(&["list", "--noted", "--json"]);
    assert_eq!(ids(&noted), ["gsef"]);
    assert_eq!(noted[0]["note"], "Seoul 2013, ask about the forum");
    // When the note was written, as the CSV's note_changed: a UTC time.
    let changed = noted[0]["note_changed"].as_str().unwrap_or_default().to_owned();
    let csv = home.ok(&["export", "--format", "csv", "--noted"]);
    assert!(!changed.is_empty() && csv.contains(&changed), "{changed} in {csv}");
    assert!(find(&home.json(&["list", "--json"]), "ugap")["note_changed"].is_null());
    assert_eq!(ids(&home.json(&["list", "--starred", "--met", "--json"])), ["weka"]);
    // The marks show in search and show, and the query filters use them.
    assert_eq!(home.json(&["show", "gsef", "--json"])["note"], "Seoul 2013, ask about the forum");
    assert_eq!(home.json(&["search", "--json", "ugap"])[0]["starred"], true);
    assert_eq!(ids(&home.json(&["search", "--json", "is:starred", "is:met"])), ["weka"]);
    assert_eq!(ids(&home.json(&["search", "--json", "has:note"])), ["gsef"]);
    assert!(home.ok(&["show", "gsef"]).contains("Seoul 2013, ask about the forum"));
    // Undo each.
    home.ok(&["unstar", "ugap"]);
    home.ok(&["met", "--undo", "weka"]);
    home.ok(&["note", "gsef", "--clear"]);
    assert_eq!(ids(&home.json(&["list", "--starred", "--json"])), ["weka"]);
    assert_eq!(ids(&home.json(&["list", "--met", "--json"])), ["gsef"]);
    assert!(ids(&home.json(&["list", "--noted", "--json"])).is_empty());
    home.expect(&["search", "has:note"], 1);
    // A blank note is refused, not taken for a deletion.
    home.ok(&["note", "weka", "kept"]);
    home.expect(&["note", "weka", "   "], 2);
    assert_eq!(home.json(&["show", "weka", "--json"])["note"], "kept");
    home.ok(&["note", "weka", "--clear"]);
    // The note text cannot be given together with --clear, and one of them is needed.
    home.expect(&["note", "weka", "x", "--clear"], 2);
    home.expect(&["note", "weka"], 2);
}

#[test]
fn a_separator_that_contradicts_tsv_is_used_with_a_warning() {
    let home = Home::new();
    home.ok(&["star", "ugap"]);
    let header = |text: &str| text.trim_start_matches('\u{feff}').lines().next().map(str::to_owned);
    // No --separator: tabs, whether TSV comes from --format or from the file's name.
    let out = home.run(&["export", "--starred", "--format", "tsv"]);
    assert!(header(&text(&out.stdout)).is_some_and(|h| h.starts_with("id\tname")));
    assert_eq!(text(&out.stderr), "");
    let file = home.path().join("marks.tsv");
    let file = file.to_str().expect("a UTF-8 path");
    home.ok(&["export", "--starred", "-o", file]);
    let written = std::fs::read_to_string(file).expect("the export");
    assert!(header(&written).is_some_and(|h| h.starts_with("id\tname")), "{written}");
    // --separator tab is what TSV means: nothing to say.
    let out = home.run(&["export", "--starred", "--format", "tsv", "--separator", "tab"]);
    assert!(!text(&out.stderr).contains("warning"), "{}", text(&out.stderr));
    // Another separator is used, as asked, and said to contradict the format, in each language.
    for (args, said) in [
        (&["export", "--starred", "-o", file, "--separator", "comma"][..], "--separator comma"),
        (
            &["export", "--starred", "--format", "tsv", "--separator", "semicolon"],
            "--separator semicolon",
        ),
        (
            &["--lang", "fr", "export", "--starred", "-o", file, "--separator", "comma"],
            "tabulations",
        ),
    ] {
        let out = home.run(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", text(&out.stderr));
        let stderr = text(&out.stderr);
        assert!(stderr.contains("TSV") && stderr.contains(said), "{args:?}: {stderr}");
    }
    let written = std::fs::read_to_string(file).expect("the export");
    assert!(header(&written).is_some_and(|h| h.starts_with("id,name")), "{written}");
}

#[test]
fn a_note_can_come_from_standard_input() {
    let home = Home::new();
    home.cmd()
        .args(["note", "ugap", "-"])
        .write_stdin("first line\nsecond line, with \"quotes\"\n\n")
        .assert()
        .success()
        // The prompt is for a terminal only: a pipe is not asked anything.
        .stderr("");
    let ugap = home.json(&["show", "ugap", "--json"]);
    assert_eq!(ugap["note"], "first line\nsecond line, with \"quotes\"");
}

/// Reading needs no lock (every write is an atomic rename): a `state.lock` held by another
/// process delays no `list`, where it hung until released.
#[test]
fn reading_goes_on_while_another_process_holds_the_lock() {
    let home = Home::new();
    home.ok(&["star", "ugap"]);
    let holder = std::fs::File::create(home.path().join("state.lock")).expect("lock file");
    holder.lock().expect("held");
    let out = home.run(&["list", "--starred"]);
    assert!(out.status.success() && text(&out.stdout).contains("ugap"), "{}", text(&out.stderr));
    drop(holder);
}

/// A note from a Windows file keeps its line breaks, not its CRs (drawn as `�` at each line's
/// end in `show`, plain mode and the browser); so does one given as arguments.
#[test]
fn a_note_from_a_crlf_file_has_lf_line_breaks() {
    let home = Home::new();
    let stdin = "Call back Monday\r\nSend the catalogue\r\n";
    home.cmd().args(["note", "ugap", "-"]).write_stdin(stdin).assert().success();
    let ugap = home.json(&["show", "ugap", "--json"]);
    assert_eq!(ugap["note"], "Call back Monday\nSend the catalogue");
    let shown = home.ok(&["show", "ugap"]);
    assert!(shown.contains("  Call back Monday\n") && !shown.contains('\u{FFFD}'), "{shown}");
    // So does one given as arguments, a CR alone included, as the note editor's paste does.
    home.ok(&["note", "ugap", "Call back\rMonday\r\n", "then\u{2028}Friday"]);
    assert_eq!(home.json(&["show", "ugap", "--json"])["note"], "Call back\nMonday\n then\nFriday");
}

/// Standard input is read up to the bound of a note, never further (`< /dev/zero` ends), and
/// binary data is no note; either way the note stays as it was.
#[test]
fn a_note_from_standard_input_is_bounded_and_text() {
    let home = Home::new();
    home.ok(&["note", "ugap", "kept"]);
    // Cut in the middle of an "é" by the bound, it is still too long, not broken text.
    let long = "é".repeat(600_000);
    let out = home.cmd().args(["note", "ugap", "-"]).write_stdin(long).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("longer than 1 MiB"), "{}", text(&out.stderr));
    #[cfg(unix)]
    {
        let zero = std::fs::File::open("/dev/zero").expect("/dev/zero");
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_partners"))
            .args(["note", "ugap", "-"])
            .env("PARTNERS_HOME", home.path())
            .stdin(zero)
            .output()
            .expect("runs, and ends");
        assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    }
    let out = home.cmd().args(["note", "ugap", "-"]).write_stdin("a\0b").output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("NUL byte"), "{}", text(&out.stderr));
    let out = home.cmd().args(["--lang", "fr", "note", "ugap", "-"]).write_stdin("a\0b").output();
    assert!(text(&out.expect("runs").stderr).contains("octet NUL"));
    assert_eq!(home.json(&["show", "ugap", "--json"])["note"], "kept");
    // Exactly at the bound is a note.
    home.cmd().args(["note", "ugap", "-"]).write_stdin("b".repeat(1 << 20)).assert().success();
}

#[test]
fn control_characters_in_a_note_never_reach_stdout_raw() {
    let home = Home::new();
    let note = "\u{1b}[31mred\u{7} \u{202E}evil\u{9b}2J\nsecond \u{1b}]0;title\u{7}";
    home.ok(&["note", "ugap", note]);
    home.ok(&["star", "ugap"]);
    let raw = |out: &str| {
        out.chars().any(|c| (c.is_control() && c != '\n' && c != '\t') || c == '\u{202E}')
    };
    for args in [
        &["show", "ugap"][..],
        &["show", "ugap", "--format", "md"],
        &["show", "ugap", "--format", "text"],
        &["list", "--noted"],
        &["search", "has:note"],
        &["export", "--format", "md"],
        &["export", "--format", "dot", "--noted"],
    ] {
        let out = home.ok(args);
        assert!(!raw(&out), "{args:?} printed a control character:\n{out:?}");
    }
    let card = home.ok(&["show", "ugap"]);
    assert!(card.contains("red") && card.contains("second"), "{card}");
    // JSON escapes the C0 controls (ESC, BEL), and gives the note back intact.
    let json = home.ok(&["show", "ugap", "--json"]);
    assert!(!json.chars().any(|c| c.is_ascii_control() && c != '\n'), "{json:?}");
    let object: Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(object["note"], note);
}

#[test]
fn many_processes_writing_notes_at_once_lose_nothing() {
    let home = Home::new();
    let all = home.json(&["list", "--json"]);
    let chosen: Vec<String> = ids(&all).iter().take(16).map(|s| (*s).to_owned()).collect();
    let binary = assert_cmd::cargo::cargo_bin("partners");
    let children: Vec<_> = chosen
        .iter()
        .map(|id| {
            std::process::Command::new(&binary)
                .env("PARTNERS_HOME", home.path())
                .env("XDG_DATA_HOME", home.path().join("xdg"))
                .env("HOME", home.path())
                .args(["note", id, &format!("note for {id}")])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn partners")
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().expect("partners finishes");
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let noted = home.json(&["list", "--noted", "--json"]);
    let mut found: Vec<&str> = ids(&noted);
    found.sort_unstable();
    let mut expected: Vec<&str> = chosen.iter().map(String::as_str).collect();
    expected.sort_unstable();
    assert_eq!(found, expected);
    for id in &chosen {
        assert_eq!(find(&noted, id)["note"], format!("note for {id}"));
    }
}

// ---------------------------------------------------------------------------------------------
// Datasets: the template and the home's datasets folder

#[test]
fn a_search_no_partner_fully_matches_lists_those_lacking_one_word() {
    let home = Home::new();
    let query = "soutien aux entreprises innovantes en nouvelle-aquitaine";
    let found = home.json(&["search", query, "--json"]);
    assert_eq!(found[0]["id"], "adi-nouvelle-aquitaine");
    assert_eq!(found[0]["lacks"], "innovantes");
    // Said on standard error, in the user's language; the exit code says partners are shown.
    let out = home.cmd().args(["--lang", "fr", "search", query]).output().expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).starts_with("adi-nouvelle-aquitaine\t"), "{}", text(&out.stdout));
    assert!(text(&out.stderr).contains("il n'en manque qu'un"), "{}", text(&out.stderr));
    // A full match lacks nothing.
    let full = home.json(&["search", "agence innovation nouvelle-aquitaine", "--json"]);
    assert!(full[0].get("lacks").is_none(), "{full}");
}

#[test]
fn the_template_is_a_valid_dataset() {
    let home = Home::new();
    // In French, the comments are (the file's names and values are its format's).
    let french = home.ok(&["--lang", "fr", "template"]);
    assert!(french.contains("// Le nom officiel."), "{french}");
    let path = home.file("modele.ron", &french);
    let out = home.ok(&["--lang", "fr", "validate", path.to_str().expect("utf-8 path")]);
    assert!(out.contains("ok") || out.contains("valide"), "{out}");
    let template = home.ok(&["template"]);
    assert!(template.contains("//"), "commented");
    let path = home.file("template.ron", &template);
    let path = path.to_str().expect("utf-8 path");
    let out = home.ok(&["validate", path]);
    assert!(out.contains("ok"), "{out}");
    let list = home.json(&["--data", path, "list", "--json"]);
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    assert_partner_shape(&list[0], false);
    // Piped straight in, as the README suggests.
    let out = home
        .cmd()
        .args(["validate", "/dev/stdin"])
        .write_stdin(template.clone())
        .output()
        .expect("partners runs");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    // Dropped in the datasets folder, it adds a partner to the bundled ones.
    home.file("datasets/mine.ron", &template);
    assert_eq!(ids(&home.json(&["list", "--json"])).len(), 39);
}

#[test]
fn user_datasets_are_merged_over_the_bundled_one() {
    let home = Home::new();
    home.file(
        "datasets/a.ron",
        r#"(partners: [
            (id: "ugap", name: "UGAP Replaced", kind: PublicBody, scope: National,
             description: "Replaced.", relations: [(kind: MemberOf, target: "3ar")]),
            (id: "new-one", name: "Brand New Partner", kind: Media, scope: Local,
             description: "New.", relations: [(kind: Supports, target: "newer")]),
        ])"#,
    );
    home.file(
        "datasets/b.ron",
        r#"(partners: [(id: "newer", name: "Newer", kind: Media, scope: Local, description: "Newer.")])"#,
    );
    home.file("datasets/not-a-dataset.txt", "ignored: not .ron");
    let out = home.run(&["list", "--json"]);
    assert!(out.status.success());
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    let list: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(ids(&list).len(), 40);
    assert_eq!(find(&list, "ugap")["name"], "UGAP Replaced");
    assert_eq!(find(&list, "new-one")["name"], "Brand New Partner");
    assert_eq!(find(&list, "newer")["backlinks"][0]["target"], "new-one");
    let ar = home.json(&["show", "3ar", "--json"]);
    assert!(ar["backlinks"].as_array().into_iter().flatten().any(|b| b["target"] == "ugap"));
    assert_eq!(ids(&home.json(&["search", "--json", "replaced"])), ["ugap"]);
}

#[test]
fn a_bad_user_dataset_is_skipped_with_a_warning() {
    let home = Home::new();
    home.file(
        "datasets/good.ron",
        r#"(partners: [(id: "new-one", name: "Brand New", kind: Media, scope: Local, description: "New.")])"#,
    );
    let broken = home.file(
        "datasets/broken.ron",
        r#"(partners: [(id: "broken", name: "B", kind: Media, scope: Local, description: "x" ]"#,
    );
    let dangling = home.file(
        "datasets/dangling.ron",
        "(partners: [\n  (id: \"dangling\", name: \"D\", kind: Media, scope: Local, description: \"x\",\n   relations: [(kind: MemberOf, target: \"nowhere\")]),\n])",
    );
    let out = home.run(&["list", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("warning"), "{err}");
    assert!(err.contains(&format!("{}:1:", broken.display())), "{err}");
    assert!(err.contains(&format!("{}:3:", dangling.display())), "{err}");
    let list: Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout only");
    let found = ids(&list);
    assert_eq!(found.len(), 40);
    assert!(found.contains(&"new-one") && found.contains(&"ugap"));
    assert!(!found.contains(&"broken"));
    // A relation to a partner that no file has costs that relation only.
    assert!(found.contains(&"dangling"));
    // Other commands still work, and search still finds the good partners.
    assert_eq!(ids(&home.json(&["search", "--json", "brand new"])), ["new-one"]);
}

/// A typo in one relation target of a user's file leaves out that relation, not the file's
/// other partners; it is told precisely, and `validate` still fails on it.
#[test]
fn a_dangling_relation_is_left_out_and_its_file_loads() {
    let home = Home::new();
    let file = home.file(
        "datasets/mine.ron",
        "(partners: [\n  (id: \"alpha\", name: \"Alpha Network\", kind: Media, scope: Local, description: \"Alpha.\", relations: [(kind: MemberOf, target: \"beta\")]),\n  (id: \"beta\", name: \"Beta Network\", kind: Media, scope: Local, description: \"Beta.\", relations: [(kind: SupportedBy, target: \"missing-one\"), (kind: MemberOf, target: \"ugap\"), (kind: Supports, name: \"Outside\")]),\n])",
    );
    let out = home.run(&["search", "alpha", "--json"]);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    let found: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(ids(&found), ["alpha"]);
    let warning = err.lines().next().unwrap_or_default();
    assert!(warning.starts_with("warning: left out a relation"), "{err}");
    assert!(warning.contains(&format!("{}:3:127: ", file.display())), "{err}");
    assert!(warning.contains("partner \"beta\" has a relation to \"missing-one\""), "{err}");
    assert!(err.contains("  fix: use the id of a partner of the dataset"), "{err}");
    // Only the dangling relation is gone: no target is made up, the others stay.
    let beta = home.json(&["show", "beta", "--json"]);
    let targets: Vec<&str> = beta["relations"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| r["target"].as_str().or(r["name"].as_str()).unwrap_or_default())
        .collect();
    assert_eq!(targets, ["ugap", "Outside"], "{beta}");
    // In French too.
    let err = text(&home.run(&["--lang", "fr", "show", "alpha"]).stderr);
    assert!(err.contains("laissée de côté") && err.contains("«\u{a0}missing-one\u{a0}»"), "{err}");
    // `validate` stays strict: the dangling target is an error, with its place, exit 1.
    let shown = file.display().to_string();
    let out = home.expect(&["validate", &shown], 1);
    assert!(out.starts_with(&format!("{shown}:3:127: partner \"beta\"")), "{out}");
    assert!(out.contains("\"missing-one\", which is not a partner"), "{out}");
    // Any other problem still skips the whole file.
    let other = std::fs::read_to_string(&file).expect("read").replace("\"Alpha.\"", "\" \"");
    std::fs::write(&file, other).expect("write");
    let out = home.run(&["list", "--json"]);
    let err = text(&out.stderr);
    assert!(err.contains("skipped a dataset") && err.contains("missing-one"), "{err}");
    let list: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(!ids(&list).contains(&"beta"), "{err}");
}

#[test]
fn a_glossary_in_the_datasets_folder_is_no_dataset() {
    let home = Home::new();
    // "quorvex" is in no partner: only the user's group finds UGAP by it.
    let glossary = home
        .file("datasets/glossary.ron", r#"[(fr: ["quorvex"], en: ["industrial and commercial"])]"#);
    let out = home.run(&["search", "quorvex"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "", "no warning");
    assert!(text(&out.stdout).starts_with("ugap\t"), "{}", text(&out.stdout));
    let path = glossary.display().to_string();
    let said = home.ok(&["validate", &path]);
    assert_eq!(said, format!("{path}: ok, a glossary of 1 group\n"));
    // A glossary's problems are told as a dataset's are, in the user's language too.
    home.file("datasets/glossary.ron", "[(fr: [\"mairie\"], en: [])]");
    let said = home.expect(&["--lang", "fr", "validate", &path], 1);
    assert!(said.starts_with(&format!("{path}:1:2: groupe 1 du glossaire (mairie)")), "{said}");
    assert!(said.contains("correction\u{a0}: écrivez une liste de groupes"), "{said}");
    home.file("datasets/glossary.ron", "[\n  (fr: [\"mairie\"] en: [\"town hall\"]),\n]");
    let said = home.expect(&["validate", &path], 1);
    assert!(said.starts_with(&format!("{path}:2:19: ")), "{said}");
    let out = home.run(&["search", "ugap"]);
    assert!(out.status.success());
    assert!(text(&out.stderr).contains(&format!("{path}:2:19: ")), "{}", text(&out.stderr));
}

/// A glossary is read as a dataset is: a byte-order mark first is skipped, and each problem
/// is placed where it is (the group at fault; the value missing, not the end of the line
/// before it).
#[test]
fn a_glossary_s_problems_are_placed_where_they_are() {
    let home = Home::new();
    let path = home.path().join("datasets").join("glossary.ron");
    let path = path.to_str().expect("utf-8 path");
    home.file("datasets/glossary.ron", "\u{FEFF}[(fr: [\"quorvex\"], en: [\"industrial\"])]");
    assert_eq!(home.ok(&["validate", path]), format!("{path}: ok, a glossary of 1 group\n"));
    let cases = [
        (
            "[\n  (fr: [\"vert\"], en: [\"green\"]),\n  // c\n  (fr: [\"mairie\"], en: []),\n]",
            ":4:3: ",
        ),
        (
            "\u{FEFF}[\n  (fr: [\"vert\"], en: [\"green\"]),\n  (fr: [\"bleu\"], en: [\"\"]),\n]",
            ":3:3: ",
        ),
        ("[\n  (fr: [\"vert\"], en:\n     12),\n]", ":3:6: "),
    ];
    for (text, at) in cases {
        home.file("datasets/glossary.ron", text);
        let said = home.expect(&["validate", path], 1);
        assert!(said.starts_with(&format!("{path}{at}")), "{text}: {said}");
    }
}

#[test]
fn data_ignores_the_datasets_folder() {
    let home = Home::new();
    home.file(
        "datasets/extra.ron",
        r#"(partners: [(id: "extra", name: "Extra", kind: Media, scope: Local, description: "x")])"#,
    );
    let good = home.file("good.ron", GOOD);
    let list = home.json(&["--data", good.to_str().expect("utf-8 path"), "list", "--json"]);
    assert_eq!(ids(&list), ["alpha", "beta"]);
    assert!(ids(&home.json(&["list", "--json"])).contains(&"extra"));
}

#[test]
fn export_to_a_file() {
    let home = Home::new();
    home.ok(&["star", "ugap"]);
    let target = home.path().join("out.json");
    let out = home.run(&[
        "export",
        "--format",
        "json",
        "--starred",
        "-o",
        target.to_str().expect("path"),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    assert!(text(&out.stderr).contains("1 partners") || text(&out.stderr).contains("1 partner"));
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(&target).expect("written")).expect("JSON");
    assert_eq!(ids(&written), ["ugap"]);
    home.expect(&["export", "--format", "xml"], 2);
}

// The command line's protective guarantees, in their own file to keep this one readable.
#[path = "cli/safety.rs"]
mod safety;

// The command line in French and in English.
#[path = "cli/lang.rs"]
mod lang;

// Your own aliases for a partner.
#[path = "cli/aliases.rs"]
mod aliases;

// Marks and notes of partners whose dataset file was skipped.
#[path = "cli/skipped.rs"]
mod skipped;

// What is read and written that is no plain file.
#[path = "cli/streams.rs"]
mod streams;

// Dataset files, their problems and `validate`.
#[path = "cli/datasets.rs"]
mod datasets;

// Marks that cannot be read.
#[path = "cli/unread.rs"]
mod unread;

// `--json` before and after the command, and where it is refused.
#[path = "cli/json.rs"]
mod json;

/// Help and version are output like any other: a full disk is said, with exit code 2, as for
/// `list` (clap printed them and ended with 0 whatever became of them).
#[cfg(target_os = "linux")]
#[test]
fn help_and_version_say_when_they_cannot_be_written() {
    let home = Home::new();
    for args in
        [&["--help"][..], &["--version"], &["help", "search"], &["search", "--help"], &["list"]]
    {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full");
        let out = home.std_cmd().args(args).stdout(full).output().expect("partners runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("the disk is full"), "{args:?}: {err}");
    }
    // Written, they end as before.
    assert!(home.expect(&["--help"], 0).contains("Usage"));
    assert!(home.expect(&["--version"], 0).starts_with("partners "));
}
