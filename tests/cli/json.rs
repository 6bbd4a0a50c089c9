//! `--json` before and after the command, and where it is refused: in clap's words, with
//! which commands print JSON.

use super::*;

#[test]
fn json_works_before_the_command_and_only_where_the_command_takes_it() {
    let home = Home::new();
    for command in [&["search", "ugap"][..], &["show", "ugap"], &["list"], &["alias", "ugap"]] {
        let after = home.json(&[command, &["--json"]].concat());
        assert_eq!(home.json(&[&["--json"], command].concat()), after, "{command:?}");
    }
    // Where clap would refuse it after the command, it is refused before it, in its words.
    let refused = [
        (&["--json", "show", "ugap", "--format", "md"][..], "cannot be used with '--format"),
        (&["--json", "show", "ugap", "--qr"], "cannot be used with '--qr'"),
        (&["--json", "alias", "ugap", "buyers"], "cannot be used with '[TEXT]"),
        (&["--json", "validate", "x.ron"], "unexpected argument '--json'"),
        (&["star", "ugap", "--json"], "unexpected argument '--json'"),
        (&["--json", "ugap"], "unexpected argument '--json'"),
        (&["--lang", "fr", "--json", "template"], "argument inattendu"),
    ];
    for (args, said) in refused {
        let out = home.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = text(&out.stderr);
        assert!(err.contains(said) && err.contains("--json"), "{args:?}: {err}");
    }
    // Where the command prints no JSON, the refusal says which commands do.
    let said = text(&home.run(&["--json", "star", "ugap"]).stderr);
    let tip = "tip: 'partners star' prints no JSON; these commands do: search, show, list, alias";
    assert!(said.contains(tip), "{said}");
    let said = text(&home.run(&["--lang", "fr", "--json", "star", "ugap"]).stderr);
    let tip = "astuce\u{a0}: «\u{a0}partners star\u{a0}» n'écrit pas de JSON\u{a0}; ces \
               commandes en écrivent\u{a0}: search, show, list, alias\n";
    assert!(said.contains(tip), "{said}");
    assert!(said.starts_with("erreur\u{a0}: argument inattendu «\u{a0}--json\u{a0}»\n\n  astuce"));
    // Nothing was starred or aliased on the way.
    assert_eq!(home.json(&["alias", "ugap", "--json"])["aliases"], serde_json::json!([]));
    assert_eq!(home.json(&["list", "--starred", "--json"]), serde_json::json!([]));
}

/// After a command whose one word is given (`star ugap --json`), or before any command,
/// `--json` can be no word of it: the refusal says which commands print JSON, as it does
/// for `--json star ugap`, without clap's tip to pass it after `--`; in both languages.
#[test]
fn json_refused_after_a_command_says_which_commands_print_it_not_to_pass_it_as_a_word() {
    let home = Home::new();
    for lang in ["en", "fr"] {
        for command in [&["star", "ugap"][..], &["met", "weka", "--undo"], &["validate", "x.ron"]] {
            let before = home.run(&[&["--lang", lang, "--json"], command].concat());
            let after = home.run(&[&["--lang", lang], command, &["--json"]].concat());
            assert_eq!(after.status.code(), Some(2), "{command:?}");
            let said = text(&after.stderr);
            let printing = if lang == "en" {
                "these commands do: search"
            } else {
                "ces commandes en écrivent\u{a0}: search"
            };
            assert!(said.contains(printing), "{lang} {command:?}: {said}");
            if command[0] == "validate" {
                // Its words are files: `validate x.ron -- --json` checks one named `--json`.
                assert!(said.contains("-- --json"), "{lang}: {said}");
                assert!(!text(&before.stderr).contains("-- --json"), "{lang}: {said}");
            } else {
                assert_eq!(said, text(&before.stderr), "{lang} {command:?}");
                assert!(!said.contains("-- --json"), "{lang} {command:?}: {said}");
            }
        }
    }
    // An option's value named as a command is not the command: `--json` comes before it.
    let said = text(&home.run(&["--home", "validate", "--json", "validate", "x.ron"]).stderr);
    assert!(!said.is_empty() && !said.contains("-- --json"), "{said}");
    assert_eq!(home.json(&["list", "--starred", "--json"]), serde_json::json!([]));
}
