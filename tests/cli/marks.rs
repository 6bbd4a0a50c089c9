//! Marks and notes: set, listed and kept on disk, from the command line and standard input,
//! while other processes read and write them too.

use super::*;

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
