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

    /// Runs `partners args...` with standard error on a pipe whose reader is already closed,
    /// and returns its output (standard output's).
    fn run_stderr_closed(&self, args: &[&str]) -> Output {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let mut cmd = self.std_cmd();
        cmd.args(args).stdin(Stdio::null()).stderr(writer);
        cmd.output().expect("partners runs")
    }

    /// Runs `partners args...` with standard error on `/dev/full`, where every write fails as
    /// on a full disk, and returns its output (standard output's).
    #[cfg(target_os = "linux")]
    fn run_stderr_full(&self, args: &[&str]) -> Output {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full");
        let mut cmd = self.std_cmd();
        cmd.args(args).stdin(Stdio::null()).stderr(full);
        cmd.output().expect("partners runs")
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

// Marks and notes.
#[path = "cli/marks.rs"]
mod marks;

// Datasets: the template and the home's datasets folder.
#[path = "cli/home_datasets.rs"]
mod home_datasets;

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

/// Standard output closed (`partners list >&-`) is as `> /dev/null`, without a panic: Rust's
/// runtime opens `/dev/null` (read and write) in its place before `main`, so the closed
/// descriptor cannot be told from a `/dev/null` given on purpose (Python's
/// `subprocess.DEVNULL` opens it so too), and no file opened later takes its number.
#[cfg(unix)]
#[test]
fn a_closed_standard_output_is_as_dev_null() {
    let home = Home::new();
    for args in [&["list"][..], &["--lang", "fr", "list"], &["show", "ugap"], &["--help"]] {
        let mut cmd = std::process::Command::new("sh");
        cmd.args(["-c", r#"exec "$0" "$@" >&-"#, env!("CARGO_BIN_EXE_partners")]).args(args);
        cmd.env("PARTNERS_HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("xdg"))
            .env("HOME", home.path());
        for name in LOCALE_VARIABLES {
            cmd.env_remove(name);
        }
        let out = cmd.output().expect("partners runs");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    }
}
