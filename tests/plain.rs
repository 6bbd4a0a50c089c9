//! Plain mode, driven through its input as a person (or a screen reader's user) would type:
//! search, read a card, star, mark, note, go back, ask for help, leave; nothing but readable
//! text comes out. In-process with byte strings, and through the binary's standard input.

#[path = "common/extras.rs"]
mod extras;

use extras::{Home, bundled};
use partners::catalog::{Catalog, Source};
use partners::dataset::parse;
use partners::output::{self, CardFormat};
use partners::plain;
use partners::store::Store;
use tempfile::TempDir;

/// Runs plain mode over `input`; returns what it printed.
fn session(catalog: &Catalog, store: Option<&mut Store>, input: &str) -> String {
    let mut out = Vec::new();
    plain::run(catalog, store, input.as_bytes(), &mut out).expect("plain mode runs");
    String::from_utf8(out).expect("UTF-8 output")
}

/// Every character is printable text or a line break.
fn assert_readable(text: &str) {
    for (n, line) in text.lines().enumerate() {
        assert!(!line.chars().any(char::is_control), "line {n} is not plain text: {line:?}");
    }
    assert!(!text.contains('\r'));
}

#[test]
fn search_read_star_mark_note_and_leave() {
    let home = TempDir::new().expect("a temporary folder");
    let mut store = Store::open(home.path()).expect("a store");
    let catalog = bundled();
    let input = "ugap\n1\nstar\nmet\nnote Met at booth 12; call back, in March\nback\nq\n";
    let text = session(&catalog, Some(&mut store), input);
    assert_readable(&text);
    assert!(text.contains("1. UGAP, Public body, France\n"), "{text}");
    let index = catalog.position("ugap").expect("ugap");
    let card = output::card(&catalog, index, None, CardFormat::Text);
    assert!(text.contains(&card), "the card is output::card's:\n{text}");
    for said in ["UGAP: starred.", "UGAP: marked as met.", "UGAP: note saved."] {
        assert!(text.contains(said), "{said} missing from:\n{text}");
    }
    assert!(text.contains("1. UGAP, Public body, France [starred, met, noted]"), "{text}");
    assert!(text.trim_end().ends_with("Bye."), "{text}");
    let store = Store::open(home.path()).expect("reopens");
    assert_eq!(store.state().history, vec!["ugap".to_owned()], "the query that led to a card");
    let marks = store.marks("ugap").cloned().expect("saved");
    assert!(marks.starred && marks.met);
    assert_eq!(marks.note.as_deref(), Some("Met at booth 12; call back, in March"));
}

/// Two partners of the same name (and kind, no acronym or location to tell them apart) are
/// told apart by their ids in the list, in either language; a name of its own has none.
#[test]
fn partners_of_the_same_name_are_told_apart_by_their_ids() {
    let dataset = r#"(partners: [
        (id: "cci-nord", name: "Chambre de commerce", kind: PublicBody, scope: National,
         description: "One."),
        (id: "cci-sud", name: "Chambre de Commerce", kind: PublicBody, scope: National,
         description: "Two."),
        (id: "other", name: "Chambre des métiers", kind: PublicBody, scope: National,
         description: "Three."),
    ])"#;
    let dataset = parse(dataset, std::path::Path::new("alike.ron")).expect("the dataset parses");
    let catalog = Catalog::from_partners(dataset.partners, Vec::<Source>::new(), Vec::new());
    let text = session(&catalog, None, "chambre\nq\n");
    assert_readable(&text);
    let lines: Vec<&str> = text.lines().filter(|l| l.contains("Chambre")).collect();
    assert!(lines.iter().any(|l| l.ends_with(", id cci-nord")), "{text}");
    assert!(lines.iter().any(|l| l.ends_with(", id cci-sud")), "{text}");
    assert!(lines.iter().any(|l| l.contains("métiers") && !l.contains(" id ")), "{text}");
    partners::i18n::set(partners::i18n::Lang::Fr);
    let text = session(&catalog, None, "chambre\nq\n");
    partners::i18n::set(partners::i18n::Lang::En);
    assert!(text.contains(", identifiant cci-sud"), "{text}");
}

#[test]
fn your_own_aliases_are_added_found_and_removed() {
    let home = TempDir::new().expect("a temporary folder");
    let mut store = Store::open(home.path()).expect("a store");
    let catalog = bundled();
    let input = "ugap\n1\nalias\nalias  la  Marmite \nmarmite\n1\nunalias LA MARMITE\nmarmite\nugap\n1\nunalias marmite\nstar\nstar\n";
    let text = session(&catalog, Some(&mut store), input);
    assert_readable(&text);
    assert!(text.contains("Type alias followed by a name"), "{text}");
    assert!(text.contains("UGAP: alias added."), "{text}");
    let found =
        "1 result for \"marmite\":\n1. UGAP, Public body, France — found in your note or aliases\n";
    assert!(text.contains(found), "found by it, and said so:\n{text}");
    assert!(text.contains("UGAP: alias removed."), "{text}");
    assert!(text.contains("No partner matches \"marmite\"."), "gone:\n{text}");
    // What changes nothing says so: an alias removed twice, a star given twice.
    assert!(text.contains("UGAP: no alias of yours is written so."), "{text}");
    assert_eq!(text.matches("UGAP: starred.").count(), 1, "{text}");
    assert_eq!(text.matches("UGAP: nothing to change, it is so already.").count(), 1, "{text}");
    let marks = Store::open(home.path()).expect("reopens").marks("ugap").cloned();
    assert!(marks.is_some_and(|m| m.starred && m.aliases.is_empty()));
}

#[test]
fn long_lists_come_in_pages() {
    let catalog = bundled();
    let text = session(&catalog, None, "e\nmore\nmore\n99\n0\n");
    assert_readable(&text);
    let total = catalog.partners().len();
    assert!(text.contains(&format!("{total} results for \"e\":")), "{text}");
    let answers: Vec<&str> = text.split("\n> ").collect();
    let first_page = answers[1];
    assert!(first_page.contains("\n20. ") && !first_page.contains("21. "), "{first_page}");
    assert!(first_page.contains(&format!("{} more: type more", total - 20)), "{first_page}");
    assert!(answers[2].starts_with("21. ") && answers[2].contains(&format!("\n{total}. ")));
    assert!(text.contains("No more results."), "{text}");
    assert!(text.contains(&format!("No result 99: choose from 1 to {total}.")), "{text}");
    assert!(text.contains(&format!("No result 0: choose from 1 to {total}.")), "{text}");
}

#[test]
fn commands_say_what_is_missing() {
    let catalog = bundled();
    let text =
        session(&catalog, None, "star\n1\nback\nhelp\nnote\nugap\n1\nstar\nzzzzqqq\nis:nothing\n");
    assert_readable(&text);
    assert!(text.contains("No partner open: type a result's number first."), "{text}");
    assert!(text.contains("No results yet: type words to search."), "{text}");
    assert!(text.contains("Commands:") && text.contains("quit, q"), "{text}");
    assert!(text.contains("Type note followed by the text"), "{text}");
    assert!(text.contains("error: not saved: your data folder could not be opened."), "{text}");
    assert!(text.contains("No partner matches \"zzzzqqq\"."), "{text}");
    assert!(text.contains("error: in the query"), "{text}");
    // A note of characters no screen draws is as blank as none: told how to write one.
    let text = session(&catalog, None, "ugap\n1\nnote \u{200b}\u{feff}\n");
    assert!(text.contains("Type note followed by the text"), "{text}");
}

#[test]
fn end_of_input_ends_cleanly() {
    let catalog = bundled();
    let text = session(&catalog, None, "ugap");
    assert!(text.contains("1. UGAP"), "{text}");
    // As `quit` ends it: with the goodbye, on a line of its own.
    assert!(text.ends_with("> \nBye.\n"), "{text:?}");
    assert!(session(&catalog, None, "").ends_with("> \nBye.\n"));
    partners::i18n::set(partners::i18n::Lang::Fr);
    let french = session(&catalog, None, "ugap");
    partners::i18n::set(partners::i18n::Lang::En);
    assert!(french.ends_with("> \nAu revoir.\n"), "{french:?}");
}

#[test]
fn show_reads_a_result_or_a_partner_by_id_as_the_shell_command_does() {
    let catalog = bundled();
    for (input, name) in [
        ("ugap\nshow 1\n", "UGAP"),
        ("show cnfpt\n", "Centre National de la Fonction Publique Territoriale"),
        ("voir  weka \n", "WEKA"),
        ("ouvrir 1\n", ""),
    ] {
        let text = session(&catalog, None, input);
        assert_readable(&text);
        if name.is_empty() {
            assert!(text.contains("No results yet"), "{input:?}: {text}");
        } else {
            let card = text.split("> ").find(|said| said.contains("Type back for the results"));
            assert!(card.is_some_and(|card| card.starts_with(name)), "{input:?}: {text}");
        }
    }
    // Not an id: searched, as any words are.
    let text = session(&catalog, None, "show french tech\n");
    assert!(text.contains("2 results for \"french tech\""), "{text}");
}

#[test]
fn find_searches_for_command_words() {
    let catalog = bundled();
    let text = session(&catalog, None, "find help\n");
    assert!(!text.contains("Commands:"), "{text}");
}

#[test]
fn data_cannot_drive_the_terminal() {
    let source = "(partners: [(id: \"evil\", name: \"Evil\", kind: Media, scope: Local, \
                  description: \"Bad\")])";
    let mut dataset = parse(source, std::path::Path::new("evil.ron")).expect("parses");
    // Validation refuses such text in files; plain mode must not rely on it.
    let evil = &mut dataset.partners[0];
    evil.name = "Evil\u{1b}[2J Corp".to_owned();
    evil.location = Some("Here\u{202e}".to_owned());
    evil.description = "Bad\u{7} text".to_owned();
    let catalog = Catalog::from_partners(dataset.partners, vec![Source::Bundled], Vec::new());
    let home = TempDir::new().expect("a temporary folder");
    let mut store = Store::open(home.path()).expect("a store");
    let text = session(&catalog, Some(&mut store), "evil\n1\nnote a\u{1b}]52;c;x\u{7}b\nback\n");
    assert_readable(&text);
    assert!(!text.contains('\u{202e}'), "{text}");
}

#[test]
fn the_binary_runs_plain_mode_on_its_standard_input() {
    let home = Home::new();
    let out = home
        .cmd()
        .arg("--plain")
        .write_stdin("ugap\n1\nstar\nquit\n")
        .output()
        .expect("partners runs");
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert_readable(&text);
    assert!(text.contains("UGAP: starred."), "{text}");
    assert!(home.ok(&["list", "--starred"]).contains("ugap"));
}

#[test]
fn a_dumb_terminal_gets_plain_mode_with_the_query_typed() {
    let home = Home::new();
    let out =
        home.cmd().env("TERM", "dumb").arg("ugap").write_stdin("").output().expect("partners runs");
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert_readable(&text);
    assert!(text.contains("1. UGAP"), "{text}");
}

/// Plain mode searches for a mistyped command's words, and says on standard error which
/// command they look like.
#[test]
fn a_mistyped_command_is_searched_and_pointed_at() {
    let home = Home::new();
    let mut cmd = home.cmd();
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(name);
    }
    let out = cmd.args(["--plain", "shwo", "ugap"]).write_stdin("").output();
    let out = out.expect("partners runs");
    assert!(out.status.success(), "{out:?}");
    let err = String::from_utf8(out.stderr).expect("UTF-8");
    assert_eq!(err, "\"shwo\" is not a command: did you mean \"partners show ugap\"?\n");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    // And what was meant is found all the same, the mistyped command as the word it lacks.
    assert!(text.contains("1. UGAP, Public body, France — without “shwo”"), "{text}");
}

/// The word a result lacks is said as it was typed, not as the search folds it.
#[test]
fn the_word_a_result_lacks_is_said_as_typed() {
    let home = Home::new();
    let out = home.cmd().args(["--plain", "ugap", "Straße,"]).write_stdin("").output();
    let text = String::from_utf8(out.expect("partners runs").stdout).expect("UTF-8");
    assert!(text.contains("1. UGAP, Public body, France — without “Straße”"), "{text}");
}

/// In French: the messages, and the commands by their French names (the English ones work
/// too); the data as written.
#[test]
fn plain_mode_speaks_french() {
    let home = TempDir::new().expect("a temporary folder");
    let mut store = Store::open(home.path()).expect("a store");
    let catalog = bundled();
    partners::i18n::set(partners::i18n::Lang::Fr);
    let input = "ugap\n1\nétoile\nrencontré\nnote Rappeler en mars\nretour\naide\nquitter\n";
    let text = session(&catalog, Some(&mut store), input);
    partners::i18n::set(partners::i18n::Lang::En);
    assert_readable(&text);
    for said in [
        "mode simple",
        "1 résultat pour «\u{a0}ugap\u{a0}»",
        "UGAP\u{a0}: étoile ajoutée.",
        "UGAP\u{a0}: marqué comme rencontré.",
        "UGAP\u{a0}: note enregistrée.",
        "[étoilé, rencontré, annoté]",
        "Commandes\u{a0}:",
        "Au revoir.",
    ] {
        assert!(text.contains(said), "{said:?} missing from:\n{text}");
    }
    let marks = Store::open(home.path()).expect("reopens").marks("ugap").cloned().expect("saved");
    assert!(marks.starred && marks.met);
    assert_eq!(marks.note.as_deref(), Some("Rappeler en mars"));
}

/// A line that is not UTF-8 (a terminal set to Latin-1) is said so; the session goes on.
#[test]
fn a_line_that_is_not_text_is_said_so_and_the_session_goes_on() {
    let catalog = bundled();
    let mut out = Vec::new();
    let input: &[u8] = b"\xe9conomie\r\nugap\r\n1\r\nquit\r\n";
    plain::run(&catalog, None, input, &mut out).expect("plain mode runs");
    let text = String::from_utf8(out).expect("UTF-8 output");
    assert!(text.contains("That line is not UTF-8 text"), "{text}");
    assert!(text.contains("1 result for \"ugap\"") && text.contains("Bye."), "{text}");
    assert_readable(&text);
}

/// Removing an alias the partner does not have says so, not that it is so already.
#[test]
fn removing_an_alias_never_added_says_so() {
    let home = TempDir::new().expect("a temporary folder");
    let mut store = Store::open(home.path()).expect("a store");
    let catalog = bundled();
    let text = session(&catalog, Some(&mut store), "cnfpt\n1\nunalias nothere\n");
    assert!(text.contains("CNFPT: no alias of yours is written so."), "{text}");
}

/// Back after more lists what was shown in one go: no "more" hint among the results.
#[test]
fn back_after_more_lists_without_a_stale_hint() {
    let catalog = bundled();
    let query = "kind:pub | kind:loc | kind:ele | kind:pro";
    let text = session(&catalog, None, &format!("{query}\nmore\n3\nback\nmore\n"));
    assert_eq!(text.matches(" more: type more").count(), 1, "{text}");
    assert!(text.ends_with("No more results.\n> \nBye.\n"), "{text}");
}

/// Plain mode speaks the language of the configuration file, as the browser does: `--lang`
/// wins over it, and it over the locale (it spoke the locale's, whatever the file said).
#[test]
fn plain_mode_speaks_the_language_of_the_configuration_file() {
    let home = Home::new();
    let welcome = |config: &str, locale: &str, args: &[&str]| {
        std::fs::write(home.path().join("config.toml"), config).expect("written");
        let mut cmd = home.cmd();
        for name in ["LC_ALL", "LC_MESSAGES"] {
            cmd.env_remove(name);
        }
        let out = cmd.env("LANG", locale).args(args).write_stdin("quit\n").output();
        let out = out.expect("partners runs");
        assert!(out.status.success(), "{config} {locale} {args:?}: {out:?}");
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        text.lines().next().unwrap_or_default().to_owned()
    };
    let french = "partners, mode simple.";
    let english = "partners, plain mode.";
    assert!(welcome("lang = \"fr\"\n", "C", &["--plain"]).starts_with(french));
    assert!(welcome("lang = \"en\"\n", "fr_FR.UTF-8", &["--plain"]).starts_with(english));
    assert!(welcome("lang = \"fr\"\n", "C", &["--plain", "--lang", "en"]).starts_with(english));
    assert!(welcome("", "fr_FR.UTF-8", &["--plain"]).starts_with(french));
    // A dumb terminal's plain mode too.
    let mut cmd = home.cmd();
    std::fs::write(home.path().join("config.toml"), "lang = \"fr\"\n").expect("written");
    let cmd = cmd.env("TERM", "dumb").env("LANG", "C").env_remove("LC_ALL");
    let out = cmd.env_remove("LC_MESSAGES").write_stdin("").output().expect("partners runs");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.starts_with(french), "{text}");
    // A file that cannot be read stops plain mode as it stops the browser, with its line.
    std::fs::write(home.path().join("config.toml"), "lang = \"de\"\n").expect("written");
    let out = home.cmd().arg("--plain").write_stdin("").output().expect("partners runs");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(err.contains("config.toml:1:8: "), "{err}");
}

/// Plain mode with standard input given to the dataset (`--data -`) and no terminal to read
/// its commands from instead (a script, a service): an error that says what to do, exit 2,
/// and the dataset left unread (it answered nothing and said goodbye, exit 0). Run in a
/// session of its own (`setsid`), away from any terminal the tests have.
#[cfg(target_os = "linux")]
#[test]
fn plain_mode_with_a_dataset_piped_in_and_no_terminal_says_what_to_do() {
    use std::io::Write as _;
    let home = Home::new();
    for (lang, said) in [
        (
            "en",
            "partners: plain mode reads its commands from standard input, which `--data -` gives to the dataset, and there is no terminal to read them from instead; give the dataset as a file (`--data FILE`), or search without plain mode: `partners --data - search QUERY`\n",
        ),
        (
            "fr",
            "partners: le mode simple lit ses commandes sur l'entrée standard, que `--data -` donne au jeu de données, et il n'y a pas de terminal où les lire à la place\u{a0}; donnez le jeu de données dans un fichier (`--data FICHIER`), ou cherchez sans le mode simple\u{a0}: `partners --data - search RECHERCHE`\n",
        ),
    ] {
        let mut child = std::process::Command::new("setsid")
            .args(["-w", env!("CARGO_BIN_EXE_partners"), "--plain", "--data", "-", "--lang", lang])
            .env("PARTNERS_HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join("xdg-config"))
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("setsid runs partners");
        let mut stdin = child.stdin.take().expect("a pipe");
        // Written only if partners reads it: a refusal closes the pipe first.
        let _ = stdin.write_all(extras::CONTACTS_RON.as_bytes());
        drop(stdin);
        let out = child.wait_with_output().expect("partners ends");
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        assert!(out.stdout.is_empty(), "{out:?}");
        assert_eq!(String::from_utf8(out.stderr).expect("UTF-8"), said);
    }
}

/// A dataset skipped at start is told with its fix on a line of its own, as the command line
/// tells it: the line break is not shown as `�`, which glued the fix to the problem.
#[test]
fn a_skipped_dataset_is_told_with_its_fix_on_a_line_of_its_own() {
    let home = Home::new();
    let folder = home.path().join("datasets");
    std::fs::create_dir(&folder).expect("a datasets folder");
    let bad = "(partners: [\n  (id: \"empty-one\", name: \"\", kind: Media, scope: Local, description: \"x\"),\n])";
    std::fs::write(folder.join("bad.ron"), bad).expect("written");
    let dangling = "(partners: [\n  (id: \"alpha\", name: \"Alpha\", kind: Media, scope: Local, description: \"x\", relations: [(kind: MemberOf, target: \"nowhere\")]),\n])";
    std::fs::write(folder.join("dangling.ron"), dangling).expect("written");
    let out = home.cmd().arg("--plain").write_stdin("quit\n").output().expect("partners runs");
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert_readable(&text);
    assert!(!text.contains('\u{FFFD}'), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    let at = |said: &str| lines.iter().position(|l| l.contains(said)).unwrap_or(usize::MAX);
    let skipped = at("partner \"empty-one\" has an empty name");
    assert!(lines[skipped].starts_with("warning: skipped a dataset: "), "{text}");
    assert_eq!(lines.get(skipped + 1), Some(&"  fix: write the name"), "{text}");
    let left_out = at("partner \"alpha\" has a relation to \"nowhere\"");
    assert!(lines[left_out].starts_with("warning: left out a relation"), "{text}");
    let fix = lines.get(left_out + 1).copied().unwrap_or_default();
    assert!(fix.starts_with("  fix: use the id of a partner"), "{text}");
}

#[test]
fn back_and_more_after_a_search_that_found_nothing_say_so_again() {
    let text = session(&bundled(), None, "zzzz\nback\nmore\nq\n");
    let said: Vec<&str> = text.lines().collect();
    let nothing = "> No partner matches \"zzzz\".";
    assert_eq!(said[1..4], [nothing, nothing, nothing], "{text}");
    assert!(!text.contains("Results for"), "no heading over an empty list:\n{text}");
}

/// Words search names and texts, not kinds: a word that names one says which filter lists
/// them, in both languages.
#[test]
fn a_word_naming_a_kind_points_at_its_filter() {
    let text = session(&bundled(), None, "media\nkind:media\nq\n");
    assert!(text.contains("not kinds: type kind:media for the partners of that kind."), "{text}");
    assert!(text.contains("2 results for \"kind:media\""), "{text}");
    let text = session(&bundled(), None, "zzzz\nq\n");
    assert!(!text.contains("kind:"), "{text}");
}

#[test]
fn show_takes_an_id_as_the_shell_command_does_in_capitals_or_pasted() {
    let catalog = bundled();
    // `partners show UGAP` reads UGAP's card; searched instead, "ugap" found it among others.
    for input in ["show UGAP\n", "voir ugap\u{200b}\n", "open \u{feff}Weka\n"] {
        let text = session(&catalog, None, input);
        let card = text.split("> ").find(|said| said.contains("Type back for the results"));
        assert!(card.is_some(), "{input:?}: {text}");
        assert!(!text.contains("results for"), "{input:?} was searched: {text}");
    }
}

/// A note longer than `partners note` and the browser take is not saved, and that is said.
#[test]
fn a_note_past_the_bound_is_not_saved() {
    let home = TempDir::new().expect("a temporary folder");
    let mut store = Store::open(home.path()).expect("a store");
    let most = usize::try_from(partners::store::NOTE_MOST).expect("the bound fits");
    let input = format!("ugap\n1\nnote {}\nnote {}\n", "a".repeat(most + 1), "b".repeat(most));
    let text = session(&bundled(), Some(&mut store), &input);
    assert!(
        text.contains(
            "error: not saved: the note is longer than 1 MiB, so nothing was changed\n\
             > UGAP: note saved."
        ),
        "{}",
        text.chars().take(2000).collect::<String>()
    );
    let store = Store::open(home.path()).expect("reopens");
    assert_eq!(store.marks("ugap").and_then(|m| m.note.as_ref()).map(String::len), Some(most));
}
