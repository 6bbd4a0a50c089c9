//! Marks that cannot be read (a corrupt state file, a folder in its place): a command whose
//! answer is the marks says so, naming the file, and answers nothing (exit 1), where it
//! answered as if nothing was marked; the others warn and go on.

use super::*;

/// The commands whose answer is the user's marks, aliases or notes.
const BY_MARKS: [&[&str]; 6] = [
    &["list", "--starred"],
    &["list", "--met", "--json"],
    &["search", "is:starred"],
    &["export"],
    &["export", "--noted", "--format", "json"],
    &["alias", "ugap"],
];

#[test]
fn a_state_file_that_is_a_folder_fails_the_commands_that_read_marks() {
    let home = Home::new();
    let state = home.path().join("state.ron");
    std::fs::create_dir(&state).expect("a folder");
    for (lang, said) in [
        ("en", "this command needs your marks and notes, which could not be read: cannot read "),
        (
            "fr",
            "cette commande a besoin de vos marques et de vos notes, qui n'ont pas pu être lues\u{a0}: impossible de lire ",
        ),
    ] {
        for args in BY_MARKS {
            let out = home.run(&[&["--lang", lang], args].concat());
            let err = text(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
            assert_eq!(text(&out.stdout), "", "{args:?}");
            assert!(err.starts_with("partners: ") && err.contains(said), "{args:?}: {err}");
            assert!(err.contains(state.to_str().expect("utf-8")), "{args:?}: {err}");
        }
    }
    // Nothing written on the way, not even an export's file.
    let output = home.path().join("follow-up.csv");
    home.expect(&["export", "-o", output.to_str().expect("utf-8")], 1);
    assert!(!output.exists());
    assert!(state.is_dir());
    // The partners themselves do not need the marks: shown, with a warning.
    for args in [&["list"][..], &["search", "ugap"], &["show", "ugap"]] {
        let out = home.run(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(text(&out.stderr).contains("your marks and notes are not shown"), "{args:?}");
    }
    // As a change fails, naming the file.
    let out = home.run(&["star", "ugap"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains(state.to_str().expect("utf-8")));
}

/// A home that is not there and cannot be made holds no marks: the answer is that none are
/// marked, with a warning, as before.
#[test]
fn a_home_that_cannot_be_made_holds_no_marks_to_miss() {
    let home = Home::new();
    let file = home.file("a-file", "");
    let under = file.join("home");
    let under = under.to_str().expect("utf-8");
    let out = home.run(&["--home", under, "list", "--starred"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "");
    assert!(text(&out.stderr).contains("your marks and notes are not shown"));
}

#[test]
fn a_corrupt_state_file_is_kept_aside_and_fails_the_command_that_read_it() {
    for lang in ["en", "fr"] {
        let home = Home::new();
        let state = home.file("state.ron", "not a state file");
        let out = home.run(&["--lang", lang, "list", "--starred"]);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert_eq!(text(&out.stdout), "");
        let why = if lang == "en" {
            "could not be read (see the warning above)"
        } else {
            "n'a pas pu être lu (voir l'avertissement ci-dessus)"
        };
        assert!(err.contains(&format!("{} {why}", state.display())), "{err}");
        // Kept aside by the store, as before, and said where.
        let kept: Vec<_> = std::fs::read_dir(home.path())
            .expect("the home")
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.to_string_lossy().contains("state.ron.corrupt-"))
            .collect();
        assert_eq!(kept.len(), 1, "{kept:?}");
        assert_eq!(std::fs::read_to_string(&kept[0]).expect("kept"), "not a state file");
        assert!(err.contains(&kept[0].display().to_string()), "{err}");
        // Once kept aside, there are no marks to read: the next run answers.
        assert_eq!(home.expect(&["list", "--starred"], 0), "");
    }
}

/// The refusal is said where it can be: with standard error a closed pipe, writing it failed
/// as a closed output does, and the command ended quietly with status 0 and no answer, read as
/// "nothing is marked".
#[test]
fn marks_unread_fail_the_command_though_standard_error_is_a_closed_pipe() {
    let home = Home::new();
    std::fs::create_dir(home.path().join("state.ron")).expect("a folder");
    for args in BY_MARKS {
        assert_eq!(home.run_stderr_closed(args).status.code(), Some(1), "{args:?}");
    }
}
