//! The README's table of keys is the binding table: every default key, with its action's
//! name in the configuration file and what it does, where it works. When a binding changes,
//! this test fails and prints the table to paste into the README. The scripting examples of
//! the command-line section run against the binary and print what the README says they do, and
//! so do its captures: the browser's screens, a plain-mode session, `validate` and
//! `config --check` at work.

use std::fmt::Write as _;
use std::process::Command;

use serde_json::Value;

use partners::input::{BINDINGS, Binding, Context, Guard};

fn place(contexts: &[Context]) -> String {
    if contexts.len() == 7 {
        return "everywhere".to_owned();
    }
    let names: Vec<&str> = contexts
        .iter()
        .map(|c| match c {
            Context::List => "list",
            Context::Detail => "detail",
            Context::Help => "help",
            Context::Note => "note",
            Context::NoteAsk => "note's question",
            Context::Overview => "overview",
            Context::Qr => "QR code",
        })
        .collect();
    names.join(", ")
}

fn key(binding: &Binding) -> String {
    let name = binding.key.name().replace('|', "\\|");
    match binding.guard {
        Guard::Always => format!("`{name}`"),
        Guard::EmptyQuery => format!("`{name}` (empty query)"),
        Guard::TextAfterCursor => format!("`{name}` (text after the cursor)"),
    }
}

/// The table: one row per action and set of places, keys in table order.
fn table() -> String {
    let mut rows: Vec<(&Binding, Vec<String>)> = Vec::new();
    for binding in BINDINGS {
        match rows
            .iter_mut()
            .find(|(b, _)| b.action == binding.action && b.contexts == binding.contexts)
        {
            Some((_, keys)) => keys.push(key(binding)),
            None => rows.push((binding, vec![key(binding)])),
        }
    }
    let mut out =
        String::from("| keys | action | what it does | where |\n| --- | --- | --- | --- |\n");
    for (binding, keys) in rows {
        let name = binding.action.name().unwrap_or_default();
        let what = binding.action.description().unwrap_or_default();
        let _ = writeln!(
            out,
            "| {} | `{name}` | {what} | {} |",
            keys.join(" "),
            place(binding.contexts)
        );
    }
    out
}

#[test]
fn the_readme_lists_every_default_key() {
    let readme = readme();
    let table = table();
    assert!(readme.contains(&table), "the README's key table should be:\n\n{table}");
}

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("the README is readable")
}

/// `partners ARGS` in a fresh temporary home, English; its standard output as JSON.
fn json(args: &[&str]) -> Value {
    let home = tempfile::TempDir::new().expect("a temporary folder");
    let out = Command::new(env!("CARGO_BIN_EXE_partners"))
        .args(args)
        .env("PARTNERS_HOME", home.path())
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("xdg"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("partners runs");
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("partners {args:?} prints no JSON ({e}): {out:?}"))
}

/// Every `partners search '…' --json | jq -r '.[].name'` line of the README finds partners, as
/// many as its comment says: a reader copies these first.
#[test]
fn the_readme_search_examples_find_what_they_say() {
    let readme = readme();
    let examples: Vec<&str> = readme
        .lines()
        .filter(|l| l.starts_with("partners search '") && l.contains("--json | jq"))
        .collect();
    assert!(!examples.is_empty(), "the README has a search example piped to jq");
    for line in examples {
        let query = line.split('\'').nth(1).expect("a quoted query");
        let names: Vec<String> = json(&["search", query, "--json"])
            .as_array()
            .unwrap_or_else(|| panic!("{line}: search --json prints an array"))
            .iter()
            .map(|p| p["name"].as_str().unwrap_or_default().to_owned())
            .collect();
        assert!(!names.is_empty(), "{line}: prints nothing");
        if let Some(count) = line.split("# ").nth(1).and_then(|c| c.split(' ').next()) {
            assert_eq!(count, names.len().to_string(), "{line}: prints {names:?}");
        }
    }
}

/// What the README says each `--json` prints: an array, or one object.
#[test]
fn the_readme_says_which_json_is_an_array_and_which_an_object() {
    let readme = readme().split_whitespace().collect::<Vec<_>>().join(" ");
    for claim in [
        "`search --json` and `list --json` print an array",
        "`show ID --json` the one partner's object alone",
        "`export --format json` an array",
        "`alias ID --json` `{\"id\": …, \"aliases\": […]}`",
    ] {
        assert!(readme.contains(claim), "the README no longer says {claim:?}");
    }
    assert!(json(&["search", "ugap", "--json"]).is_array());
    assert!(json(&["search", "zzzzqqq", "--json"]).is_array());
    assert!(json(&["list", "--json"]).is_array());
    assert!(json(&["export", "--format", "json"]).is_array());
    let show = json(&["show", "ugap", "--json"]);
    assert_eq!(show["id"], "ugap", "{show}");
    let alias = json(&["alias", "ugap", "--json"]);
    assert_eq!(alias["id"], "ugap", "{alias}");
    assert!(alias["aliases"].is_array(), "{alias}");
}

/// "A bad file is reported and skipped; the others still load. A relation whose `target` is no
/// partner of any file (a typo) is only left out: the warning says where it is, and the rest
/// of its file loads (`partners validate FILE` still fails on it)."
#[test]
fn the_readme_says_what_becomes_of_a_bad_dataset_file() {
    let readme = readme().split_whitespace().collect::<Vec<_>>().join(" ");
    for promise in [
        "A bad file is reported and skipped; the others still load.",
        "A relation whose `target` is no partner of any file (a typo) is only left out: the \
         warning says where it is, and the rest of its file loads (`partners validate FILE` \
         still fails on it).",
    ] {
        assert!(readme.contains(promise), "the README no longer says: {promise}");
    }
    let home = tempfile::TempDir::new().expect("a temporary folder");
    let datasets = home.path().join("config/partners/datasets");
    std::fs::create_dir_all(&datasets).expect("a folder");
    let partner = |id: &str, extra: &str| {
        format!(
            "(id: \"{id}\", name: \"{id}\", kind: Media, scope: Local, description: \"x\"{extra})"
        )
    };
    let write = |name: &str, partners: &[String]| {
        let text = format!("(partners: [\n{}\n])", partners.join(",\n"));
        std::fs::write(datasets.join(name), text).expect("write");
    };
    write("bad.ron", &[partner("bad-one", ", name: \"twice\"")]);
    write("good.ron", &[partner("good-one", "")]);
    let typo = ", relations: [(kind: MemberOf, target: \"no-such-partner\")]";
    write("typo.ron", &[partner("typo-one", typo), partner("typo-two", "")]);
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_partners"))
            .args(args)
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("PARTNERS_HOME")
            .output()
            .expect("partners runs")
    };
    let out = run(&["list", "--json"]);
    let err = String::from_utf8_lossy(&out.stderr);
    let list: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let ids: Vec<&str> =
        list.as_array().into_iter().flatten().filter_map(|p| p["id"].as_str()).collect();
    assert!(!ids.contains(&"bad-one"), "a bad file is skipped");
    assert!(err.contains("skipped a dataset") && err.contains("bad.ron:"), "reported: {err}");
    for id in ["good-one", "typo-one", "typo-two", "ugap"] {
        assert!(ids.contains(&id), "{id} loads: {err}");
    }
    assert!(err.contains("typo.ron:2:") && err.contains("\"no-such-partner\""), "where: {err}");
    let typo = datasets.join("typo.ron");
    let out = run(&["validate", &typo.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1), "validate still fails on it");
}

#[path = "common/mod.rs"]
mod common;

/// The fenced block of the README whose first line starts with `first` (or that follows the
/// fence `first`, as `` ```ron ``), without its fences.
fn block(readme: &str, first: &str) -> String {
    let mut lines = readme.lines().skip_while(|l| !l.starts_with(first));
    if first.starts_with("```") {
        lines.next();
    }
    let mut out = Vec::new();
    for line in lines.by_ref() {
        if line.starts_with("```") {
            break;
        }
        out.push(line);
    }
    assert!(!out.is_empty(), "the README has a block starting with {first:?}");
    out.join("\n")
}

/// What the browser shows after `keys`, laid out at `size`, over the bundled partners with
/// the Bordeaux-Gironde chamber starred.
fn browser_screen(size: (u16, u16), keys: &str) -> String {
    use partners::store::{Marks, State};
    let starred = Marks { starred: true, ..Marks::default() };
    let marks = std::collections::BTreeMap::from([("cci-bordeaux-gironde".to_owned(), starred)]);
    let state = State { marks, ..State::default() };
    let mut app = common::app_with(common::bundled(), state, "", size, &[]);
    common::keys(&mut app, keys);
    // As a terminal's copy gives it: no spaces at the ends of lines.
    common::screen(&app).lines().map(str::trim_end).collect::<Vec<_>>().join("\n")
}

/// The README's captures of the browser (its first picture, the overview, the QR code) are
/// what it draws at that size after those keys.
#[test]
fn the_readme_screens_are_the_browser_s() {
    let readme = readme();
    for (first, size, keys) in [
        ("❯ bordeaux", (100, 24), "bordeaux <Down> <Down>"),
        ("┌ By kind", (100, 24), "<A-o>"),
        ("┌ QR code: UGAP", (100, 24), "ugap <A-q>"),
    ] {
        let shown = browser_screen(size, keys);
        let pictured = block(&readme, first);
        assert_eq!(pictured, shown, "the README's screen {first:?} should be:\n{shown}");
    }
}

/// `printf 'cnfpt\n1\nstar\nq\n' | partners --plain` prints what the README shows, line for
/// line.
#[test]
fn the_readme_plain_mode_session_is_what_plain_mode_says() {
    let readme = readme();
    let session = block(&readme, "$ printf 'cnfpt\\n1\\nstar\\nq\\n' | partners --plain");
    let (command, said) = session.split_once('\n').expect("a command and what it prints");
    assert!(command.ends_with("| partners --plain"), "{command}");
    let home = tempfile::TempDir::new().expect("a temporary folder");
    let out = partners_in(home.path(), &["--plain"], b"cnfpt\n1\nstar\nq\n");
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim_end(), said.trim_end());
}

/// `partners ARGS` run in `home` (its working folder and its `PARTNERS_HOME`), English, with
/// `input` on standard input.
fn partners_in(home: &std::path::Path, args: &[&str], input: &[u8]) -> std::process::Output {
    use std::io::Write as _;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_partners"))
        .args(args)
        .current_dir(home)
        .env("PARTNERS_HOME", home)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("xdg"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("partners runs");
    child.stdin.take().expect("a pipe").write_all(input).expect("standard input written");
    child.wait_with_output().expect("partners ends")
}

/// `partners validate mine.ron` prints the README's message for a relation to no partner, at
/// the line and column of its target, and exits 1.
#[test]
fn the_readme_validate_example_is_what_validate_prints() {
    let readme = readme();
    let example = block(&readme, "$ partners validate mine.ron");
    let said = example.split_once('\n').expect("a command and what it prints").1;
    let home = tempfile::TempDir::new().expect("a temporary folder");
    // Line 8, column 46: the target "two", which no partner has.
    let mine = "(\n  partners: [\n    (\n      id: \"one\", name: \"One\",\n      \
                kind: Media, scope: Local,\n      description: \"x\",\n      // relations\n        \
                relations: [(kind: MemberOf, target: \"two\")],\n    ),\n  ],\n)\n";
    std::fs::write(home.path().join("mine.ron"), mine).expect("written");
    let out = partners_in(home.path(), &["validate", "mine.ron"], b"");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim_end(), said);
}

/// The README's `config.toml` is a file `config --check` finds usable, and its example of an
/// unknown action is what `config --check` says of one (exit 2).
#[test]
fn the_readme_configuration_examples_are_what_config_check_says() {
    let readme = readme();
    let home = tempfile::TempDir::new().expect("a temporary folder");
    let config = home.path().join("config.toml");
    std::fs::write(&config, block(&readme, "theme = \"light\"")).expect("written");
    let out = partners_in(home.path(), &["config", "--check"], b"");
    assert!(out.status.success(), "{out:?}");
    // Said in the language the file asks for (`lang = "fr"`), as the browser would speak.
    assert!(block(&readme, "theme = \"light\"").contains("lang = \"fr\""));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim_end(),
        format!("{}\u{a0}: ok", config.display())
    );

    let example = block(&readme, "$ partners config --check");
    let said = example.split_once('\n').expect("a command and what it prints").1;
    let said = said.replace("/home/me/.config/partners", &home.path().to_string_lossy());
    // Line 7, column 1: the action misspelt.
    let file = "theme = \"light\"\n\n[keys]\n# mine\nquit = [\"ctrl-c\"]\nhelp = [\"f1\"]\nstarr = [\"ctrl-s\"]\n";
    std::fs::write(&config, file).expect("written");
    let out = partners_in(home.path(), &["config", "--check"], b"");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stderr).trim_end(), said);
}

/// The `` `…` `` spans of `text`, in order.
fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// The text of `readme` (its lines joined) between `from` and the next `to`.
fn between<'a>(readme: &'a str, from: &str, to: &str) -> &'a str {
    let start =
        readme.find(from).unwrap_or_else(|| panic!("the README says {from:?}")) + from.len();
    let len = readme[start..].find(to).unwrap_or_else(|| panic!("{to:?} after {from:?}"));
    &readme[start..start + len]
}

/// The kinds, scopes, topics and relation kinds the README lists, in the query table (as
/// queries name them) and for dataset files (as RON names them), are every one there is.
#[test]
fn the_readme_lists_every_kind_scope_topic_and_relation() {
    use partners::dataset::{Kind, RelationKind, Scope, Topic};
    fn slugs<T: Copy>(all: &[T], slug: fn(T) -> &'static str) -> Vec<&'static str> {
        all.iter().map(|&v| slug(v)).collect()
    }
    fn names<T: std::fmt::Debug>(all: &[T]) -> Vec<String> {
        all.iter().map(|v| format!("{v:?}")).collect()
    }
    let readme = readme();
    let row = |first: &str| {
        let line = readme.lines().find(|l| l.starts_with(first)).expect("a row of the table");
        backticked(line.split('|').nth(2).unwrap_or_default())
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(row("| `kind:media` |"), slugs(Kind::ALL, Kind::slug));
    assert_eq!(row("| `scope:national` |"), slugs(Scope::ALL, Scope::slug));
    assert_eq!(row("| `topic:procurement` |"), slugs(Topic::ALL, Topic::slug));
    let text = readme.split_whitespace().collect::<Vec<_>>().join(" ");
    let listed = |from: &str, to: &str| -> Vec<String> {
        backticked(between(&text, from, to)).into_iter().map(str::to_owned).collect()
    };
    assert_eq!(listed("Kinds: ", ". Topics: "), names(Kind::ALL));
    assert_eq!(listed(". Topics: ", " Relation kinds"), names(Topic::ALL));
    assert_eq!(listed(" Relation kinds", "; the other partner"), names(RelationKind::ALL));
}

/// The README's example dataset file is one the datasets folder takes: `validate` finds no
/// problem in it there, and its partner is then listed.
#[test]
fn the_readme_dataset_example_is_a_valid_dataset() {
    let readme = readme();
    let home = tempfile::TempDir::new().expect("a temporary folder");
    let datasets = home.path().join("datasets");
    std::fs::create_dir_all(&datasets).expect("a folder");
    let file = datasets.join("example.ron");
    std::fs::write(&file, block(&readme, "```ron")).expect("written");
    let out = partners_in(home.path(), &["validate", &file.to_string_lossy()], b"");
    assert!(out.status.success(), "{out:?}");
    let out = partners_in(home.path(), &["show", "example-network", "--json"], b"");
    assert!(out.status.success(), "{out:?}");
}

/// `text` without what its parentheses hold.
fn outside_parentheses(text: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The keys the README gives a partner object are those `show --json`, `list --json` and
/// `export --format json` write; `search --json` adds the two it names, and `lacks` where no
/// partner has every word.
#[test]
fn the_readme_names_every_key_of_a_partner_object() {
    let text = readme().split_whitespace().collect::<Vec<_>>().join(" ");
    let said =
        outside_parentheses(between(&text, "A partner object has ", "; from `search`, also"));
    let mut said: Vec<&str> = backticked(&said);
    let extra = backticked(between(&text, "; from `search`, also ", " (whether"));
    // serde_json's map is sorted by key.
    let keys = |object: &Value| -> Vec<String> {
        object.as_object().expect("an object").keys().cloned().collect()
    };
    let first = |array: Value| array.as_array().and_then(|a| a.first()).cloned().expect("one");
    let mut searched: Vec<&str> = said.iter().chain(&extra).copied().collect();
    said.sort_unstable();
    searched.sort_unstable();
    assert_eq!(keys(&json(&["show", "ugap", "--json"])), said);
    assert_eq!(keys(&first(json(&["list", "--json"]))), said);
    assert_eq!(keys(&first(json(&["export", "--format", "json"]))), said);
    assert_eq!(keys(&first(json(&["search", "ugap", "--json"]))), searched);
    let lacks = between(&text, " (whether", " when no partner has every word of the query");
    assert!(lacks.ends_with("and `lacks`"), "the README names `lacks`: {lacks}");
    let found = first(json(&["search", "mairie de bordeaux", "--json"]));
    assert_eq!(found["lacks"], "mairie", "{found}");
}

/// Each stop word the README lists need not match: beside a word that does, it leaves no
/// word lacking, where a word that is no stop word would.
#[test]
fn the_readme_stop_words_need_not_match() {
    let text = readme().split_whitespace().collect::<Vec<_>>().join(" ");
    let words = backticked(between(&text, "and stop words (", "), which need not match"));
    assert!(words.len() > 30, "{words:?}");
    let home = tempfile::TempDir::new().expect("a temporary folder");
    // No letter of any stop word in its texts, so none matches by letters.
    let data = home.path().join("one.ron");
    let one = "(partners: [(id: \"xyz\", name: \"Xyz\", kind: Media, scope: Local, \
               description: \"Qwx\")])";
    std::fs::write(&data, one).expect("written");
    let results = |query: &str| -> Vec<Value> {
        let out = partners_in(home.path(), &["--data", "one.ron", "search", query, "--json"], b"");
        let results: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        results.as_array().cloned().unwrap_or_default()
    };
    let found = |query: &str| -> Value {
        let results = results(query);
        assert_eq!(results.len(), 1, "{query}: {results:?}");
        results[0].clone()
    };
    // Three words: of two, a short one is taken for a word still being typed.
    assert_eq!(found("xyz qwx qq")["lacks"], "qq", "a word that is no stop word must match");
    assert!(results("xyz qq").is_empty(), "of two words, a short one is being typed");
    assert_eq!(found("xyz qqq")["lacks"], "qqq", "of two words of three letters, one may lack");
    for word in words {
        let query = format!("xyz qwx {word}");
        assert!(found(&query).get("lacks").is_none(), "{query}: {word} is a stop word");
    }
}
