//! The guarantees of the command line that protect the user: options anywhere, exit codes, a
//! closed pipe ends quietly, data never drives the terminal, a blank note deletes nothing,
//! errors said once, files written without following planted links, read-only homes read, a
//! change saved is said so when its report cannot be written.

use std::path::Path;
use std::process::{Output, Stdio};

use serde_json::Value;
use tempfile::TempDir;

use super::{GOOD, Home, ids, text};

/// Runs both argument lists and expects the same exit code `code` and the same output.
fn assert_same(home: &Home, before: &[&str], after: &[&str], code: i32) {
    let (first, second) = (home.expect(before, code), home.expect(after, code));
    assert_eq!(first, second, "{before:?} and {after:?} differ");
}

#[test]
fn options_go_before_or_after_the_arguments() {
    let home = Home::new();
    home.ok(&["star", "ugap"]);
    let good = home.file("good.ron", GOOD);
    let good = good.to_str().expect("utf-8 path");
    let reads: &[(&[&str], &[&str])] = &[
        (&["search", "--json", "ugap"], &["search", "ugap", "--json"]),
        (&["search", "--limit", "1", "bordeaux"], &["search", "bordeaux", "--limit", "1"]),
        (
            &["search", "--json", "kind:elected", "france"],
            &["search", "kind:elected", "france", "--json"],
        ),
        (&["search", "--json", "--", "ugap"], &["search", "--json", "ugap", "--"]),
        (&["show", "--json", "ugap"], &["show", "ugap", "--json"]),
        (&["show", "--format", "md", "ugap"], &["show", "ugap", "--format", "md"]),
        (&["list", "--json", "--kind", "media"], &["list", "--kind", "media", "--json"]),
        (&["validate", "--data", good, good], &["validate", good, "--data", good]),
        (
            &["export", "--format", "json", "--starred"],
            &["export", "--starred", "--format", "json"],
        ),
        (&["--data", good, "template"], &["template", "--data", good]),
    ];
    for (before, after) in reads {
        assert_same(&home, before, after, 0);
    }
    assert!(ids(&home.json(&["search", "ugap", "--json"])).contains(&"ugap"));
    assert_eq!(home.ok(&["search", "bordeaux", "--limit", "1"]).lines().count(), 1);

    let (one, two) = (home.path().join("one.csv"), home.path().join("two.csv"));
    let (one_s, two_s) = (one.to_str().expect("path"), two.to_str().expect("path"));
    home.ok(&["export", "-o", one_s, "--starred"]);
    home.ok(&["export", "--starred", "-o", two_s]);
    assert_eq!(std::fs::read(&one).expect("one"), std::fs::read(&two).expect("two"));

    // Changes, each way in its own home, give the same marks.
    let writes: &[(&[&str], &[&str])] = &[
        (&["star", "--data", good, "alpha"], &["star", "alpha", "--data", good]),
        (&["unstar", "--data", good, "alpha"], &["unstar", "alpha", "--data", good]),
        (&["met", "--data", good, "alpha"], &["met", "alpha", "--data", good]),
        (&["met", "--undo", "alpha", "--data", good], &["met", "alpha", "--undo", "--data", good]),
        (
            &["note", "--data", good, "beta", "hello", "there"],
            &["note", "beta", "hello", "there", "--data", good],
        ),
        (&["star", "beta", "--data", good], &["star", "--data", good, "beta"]),
        (
            &["note", "--clear", "beta", "--data", good],
            &["note", "beta", "--clear", "--data", good],
        ),
    ];
    let (a, b) = (Home::new(), Home::new());
    for (before, after) in writes {
        assert_eq!(a.ok(before), b.ok(after), "{before:?} and {after:?} differ");
        let list = ["list", "--json", "--data", good];
        assert_eq!(a.ok(&list), b.ok(&list), "after {before:?} and {after:?}");
    }
    assert_eq!(ids(&b.json(&["list", "--starred", "--json", "--data", good])), ["beta"]);
}

#[test]
fn a_query_starting_with_a_dash_goes_after_double_dash() {
    let home = Home::new();
    let out = home.run(&["search", "-foo"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("'-- -foo'"), "{}", text(&out.stderr));
    home.expect(&["search", "--", "-foo"], 1);
    home.expect(&["search", "--json", "--", "-foo", "--json"], 1);
    // The browser's query too; here it stops at the missing terminal, not at the grammar.
    let out = home.run(&["-foo"]);
    assert!(text(&out.stderr).contains("unexpected argument"), "{}", text(&out.stderr));
    let out = home.run(&["--", "-foo"]);
    assert!(text(&out.stderr).contains("needs a terminal"), "{}", text(&out.stderr));
    let out = home.run(&["ugap", "--theme", "light", "--no-mouse"]);
    assert!(text(&out.stderr).contains("needs a terminal"), "{}", text(&out.stderr));
}

/// Runs `partners args` with standard output (and standard error when `both`) on a pipe whose
/// reader is already closed; returns the exit status and what went to standard error.
fn run_into_closed_pipe(home: &Home, args: &[&str], both: bool) -> (Option<i32>, String) {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("partners"));
    cmd.args(args)
        .env("PARTNERS_HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("xdg"))
        .env("HOME", home.path())
        .stdin(Stdio::null());
    for name in super::LOCALE_VARIABLES {
        cmd.env_remove(name);
    }
    if both {
        cmd.stderr(writer.try_clone().expect("clone the pipe")).stdout(writer);
        let status = cmd.status().expect("partners runs");
        (status.code(), String::new())
    } else {
        let out = cmd.stdout(writer).stderr(Stdio::piped()).output().expect("partners runs");
        (out.status.code(), text(&out.stderr))
    }
}

#[test]
fn a_closed_pipe_ends_the_program_quietly() {
    let home = Home::new();
    home.ok(&["note", "ugap", "a note"]);
    // A dataset that is skipped with a warning on standard error.
    home.file("datasets/bad.ron", "(partners: [ nonsense");
    for args in [
        &["list", "--json"][..],
        &["list"],
        &["search", "a", "--json"],
        &["show", "ugap", "--json"],
        &["show", "ugap"],
        &["export", "--format", "json"],
        &["export"],
        &["export", "--format", "md", "-o", "/dev/fd/1"],
        &["template"],
        &["--help"],
        &["search", "--help"],
        &["--version"],
    ] {
        let (code, stderr) = run_into_closed_pipe(&home, args, false);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("pipe"), "{args:?} complained: {stderr}");
        let (code, _) = run_into_closed_pipe(&home, args, true);
        assert_eq!(code, Some(0), "{args:?} with 2>&1");
    }
}

/// A warning that cannot be written (standard error a closed pipe) does not stop a change:
/// `star`, `note` and `export -o` ended at the skipped dataset's warning, status 0, and
/// nothing was starred, noted or written.
#[test]
fn a_change_is_made_though_standard_error_is_a_closed_pipe() {
    let home = Home::new();
    home.file("datasets/bad.ron", "(partners: [ nonsense");
    let exported = home.path().join("out.csv");
    let exported = exported.to_str().expect("utf-8 path");
    for args in [
        &["star", "ugap"][..],
        &["note", "ugap", "kept"],
        &["met", "weka"],
        &["export", "--separator", "tab", "-o", exported],
    ] {
        assert_eq!(home.run_stderr_closed(args).status.code(), Some(0), "{args:?}");
    }
    let state = std::fs::read_to_string(home.path().join("state.ron")).expect("a state file");
    assert!(state.contains("starred: true") && state.contains("\"kept\""), "{state}");
    assert!(state.contains("met: true"), "{state}");
    let csv = std::fs::read_to_string(exported).expect("the export is written");
    assert!(csv.contains("kept"), "{csv}");
}

/// A search whose partners have all its words but one says so first, on standard error: a
/// closed one stopped the search there, its results never printed and its status 0.
#[test]
fn results_are_printed_though_their_note_cannot_be_written() {
    let home = Home::new();
    let out = home.run_stderr_closed(&["search", "ugap", "zzqxwv"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("ugap"), "{}", text(&out.stdout));
}

/// A query that cannot be read is said so on standard error and fails with status 2: a closed
/// standard error made the refusal's write the run's error, ended quietly with status 0, read
/// as "found".
#[test]
fn a_query_refused_fails_though_standard_error_is_a_closed_pipe() {
    let home = Home::new();
    assert_eq!(home.run_stderr_closed(&["search", "kind:zzz"]).status.code(), Some(2));
}

/// `export -o FILE` says on standard error what it wrote: where that could not be written (a
/// closed pipe, a full disk), the report was the run's error, and its status 0 (2 on a full
/// disk) where a partner left out of the file makes it 1.
#[test]
fn an_export_to_a_file_keeps_its_status_though_its_report_cannot_be_written() {
    let home = Home::new();
    let alpha = "(partners: [\n  (id: \"alpha\", name: \"Alpha Network\", kind: Media, scope: Local, description: \"Alpha.\"),\n])";
    let file = home.file("datasets/mine.ron", alpha);
    home.ok(&["note", "alpha", "Call back"]);
    // Skipped for its blank description: alpha's note is of a partner not loaded.
    std::fs::write(&file, alpha.replace("\"Alpha.\"", "\"  \"")).expect("write");
    let written = home.path().join("notes.csv");
    let args = ["export", "--noted", "-o", written.to_str().expect("utf-8 path")];
    assert_eq!(home.run(&args).status.code(), Some(1));
    assert_eq!(home.run_stderr_closed(&args).status.code(), Some(1));
    #[cfg(target_os = "linux")]
    assert_eq!(home.run_stderr_full(&args).status.code(), Some(1));
    assert!(written.is_file(), "the export is written");
}

/// `partners alias ID` with no aliases to list says so on standard error: on a full disk that
/// failed the run with status 2, though nothing to list is no failure.
#[test]
fn no_aliases_to_list_is_no_failure_though_it_cannot_be_said() {
    let home = Home::new();
    assert_eq!(home.run_stderr_closed(&["alias", "ugap"]).status.code(), Some(0));
    #[cfg(target_os = "linux")]
    assert_eq!(home.run_stderr_full(&["alias", "ugap"]).status.code(), Some(0));
}

/// Standard error, closed, for a command run in the test's own process.
struct ClosedPipe;

impl std::io::Write for ClosedPipe {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::ErrorKind::BrokenPipe.into())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A search into a terminal that finds nothing says so on standard error, and fails with 1: a
/// closed standard error made that note the run's error, ended quietly with 0, read as "found".
/// Run in-process, as standard output must be a terminal.
#[test]
fn nothing_found_fails_though_standard_error_is_a_closed_pipe() {
    use clap::Parser as _;
    let home = Home::new();
    let cli = partners::cli::Cli::try_parse_from(["partners", "search", "zzqxwv"]);
    let command = cli.expect("parses").command.expect("a command");
    let mut out = Vec::new();
    let mut env = partners::cli::Env {
        out: &mut out,
        err: &mut ClosedPipe,
        terminal: Some(80),
        home: home.path().to_owned(),
        data: Vec::new(),
        datasets: None,
    };
    let code = partners::cli::run(command, &mut env).expect("no error");
    assert_eq!(code, std::process::ExitCode::from(1));
}

/// Whether `out` holds a character that could drive a terminal or reorder text (line breaks
/// and tabs, and CR before LF as in CSV, are fine).
fn has_raw_control(out: &str) -> bool {
    let mut chars = out.chars().peekable();
    while let Some(c) = chars.next() {
        let bad = match c {
            '\n' | '\t' => false,
            '\r' => chars.peek() != Some(&'\n'),
            c => c.is_control() || partners::text::is_bidi_control(c),
        };
        if bad {
            return true;
        }
    }
    false
}

#[test]
fn escape_sequences_in_data_never_reach_the_terminal() {
    let home = Home::new();
    let evil = GOOD.replace("target: \"beta\"", "target: \"zz\\u{1b}]0;PWNED\\u{7}\"");
    let path = home.file("evil.ron", &evil);
    let out = home.run(&["validate", path.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("PWNED"), "{}", text(&out.stdout));
    assert!(!has_raw_control(&text(&out.stdout)), "{:?}", text(&out.stdout));
    assert!(!has_raw_control(&text(&out.stderr)), "{:?}", text(&out.stderr));

    home.file("datasets/evil.ron", &evil);
    let out = home.run(&["list"]);
    assert!(text(&out.stderr).contains("PWNED"), "{}", text(&out.stderr));
    assert!(!has_raw_control(&text(&out.stderr)), "{:?}", text(&out.stderr));

    let out = home.run(&["show", "zz\u{1b}]0;PWNED\u{7}\u{9b}2J"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("PWNED"), "{}", text(&out.stderr));
    assert!(!has_raw_control(&text(&out.stderr)), "{:?}", text(&out.stderr));
}

/// A refused command line quotes what was typed: in either language, what reaches the
/// terminal drives nothing (clap's English keeps C1 controls and bidi overrides; the French
/// refusal, said again from what clap found, kept escape sequences too).
#[test]
fn a_refused_command_line_never_drives_the_terminal() {
    let home = Home::new();
    let typed = "x\u{1b}]0;PWNED\u{7}\u{9b}2J\u{202e}y";
    let option = format!("--bo{typed}");
    let cases: [&[&str]; 4] = [
        &["list", "--kind", typed],
        &["search", &option, "ugap"],
        &["export", "--format", typed],
        &["show", "ugap", typed],
    ];
    for args in cases {
        for lang in ["en", "fr"] {
            let args: Vec<&str> = ["--lang", lang].iter().chain(args).copied().collect();
            let out = home.run(&args);
            assert_eq!(out.status.code(), Some(2), "{args:?}");
            let said = text(&out.stderr);
            assert!(!has_raw_control(&said), "{args:?}: {said:?}");
        }
    }
}

#[test]
fn every_export_of_a_hostile_note_is_inert_on_a_terminal() {
    let home = Home::new();
    let note = "\u{1b}]52;c;aGVsbG8=\u{7}\u{1b}[2J\u{7f}\u{85}\u{9b}31m \u{202A}\u{202E}\u{2066}\u{2069}\u{200E}\u{200F}\u{61C}end\rover\nline two\tx";
    home.ok(&["note", "ugap", note]);
    for format in ["csv", "json", "md", "dot"] {
        let out = home.ok(&["export", "--format", format]);
        assert!(!has_raw_control(&out), "{format}: {out:?}");
    }
    // JSON keeps the note as stored: exact, but for its line breaks, made LF as the note
    // editor makes them (a CR alone would be drawn as `�`).
    let stored = note.replace('\r', "\n");
    let note = stored.as_str();
    let json = home.json(&["export", "--format", "json", "--noted"]);
    assert_eq!(json[0]["note"], note);
    let shown = home.ok(&["show", "ugap", "--json"]);
    assert!(!has_raw_control(&shown), "{shown:?}");
    assert_eq!(serde_json::from_str::<Value>(&shown).expect("JSON")["note"], note);
    for args in [&["list", "--noted", "--json"][..], &["search", "has:note", "--json"]] {
        let out = home.ok(args);
        assert!(!has_raw_control(&out), "{args:?}: {out:?}");
        assert_eq!(serde_json::from_str::<Value>(&out).expect("JSON")[0]["note"], note);
    }
}

#[test]
fn an_empty_note_is_refused_and_only_clear_deletes() {
    let home = Home::new();
    home.ok(&["note", "ugap", "keep me"]);
    for blank in ["", "   ", "\n\t "] {
        let out = home.run(&["note", "ugap", blank]);
        assert_eq!(out.status.code(), Some(2), "{blank:?}");
        assert!(text(&out.stderr).contains("--clear"), "{}", text(&out.stderr));
    }
    let out = home.cmd().args(["note", "ugap", "-"]).write_stdin("").output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--clear"), "{}", text(&out.stderr));
    assert_eq!(home.json(&["show", "ugap", "--json"])["note"], "keep me");
    home.ok(&["note", "ugap", "--clear"]);
    assert_eq!(home.json(&["show", "ugap", "--json"])["note"], Value::Null);
}

#[test]
fn a_missing_data_file_is_reported_once() {
    let home = Home::new();
    let missing = home.path().join("missing.ron");
    let out = home.run(&["--data", missing.to_str().expect("utf-8 path"), "list"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        format!("partners: {}: cannot read the file: it does not exist\n", missing.display())
    );
}

#[cfg(unix)]
#[test]
fn export_to_a_file_follows_no_planted_link_and_writes_through_a_chosen_one() {
    use std::os::unix::fs::symlink;
    let home = Home::new();
    let outside = TempDir::new().expect("outside");
    let victim = outside.path().join("victim");
    std::fs::write(&victim, "precious").expect("victim");
    let out = home.path().join("out.csv");
    symlink(&victim, home.path().join("out.csv.tmp")).expect("plant a link");
    home.ok(&["export", "-o", out.to_str().expect("path")]);
    assert_eq!(std::fs::read_to_string(&victim).expect("victim"), "precious");
    assert!(std::fs::symlink_metadata(&out).expect("out").file_type().is_file());

    // out.csv itself a link: the file it points to is replaced, the link stays.
    let real = outside.path().join("real.csv");
    let linked = home.path().join("linked.csv");
    symlink(&real, &linked).expect("link");
    home.ok(&["export", "-o", linked.to_str().expect("path")]);
    assert!(std::fs::symlink_metadata(&linked).expect("link").file_type().is_symlink());
    assert_eq!(std::fs::read(&real).expect("real"), std::fs::read(&out).expect("out"));
}

/// `export -o` never writes over the user's own datasets: a `--data` file (`--data mine.ron
/// export -o mine.ron` wrote CSV over it), a file of the datasets folder, read or not, or a
/// link to one; the file is left as it was, exit 2.
#[cfg(unix)]
#[test]
fn export_never_writes_over_a_dataset() {
    let home = Home::new();
    let mine = home.file("mine.ron", GOOD);
    let folder = home.file("datasets/folder.ron", GOOD);
    let (settings, words) = ("# my settings\n", r#"[(fr: ["mairie"], en: ["town hall"])]"#);
    let config = home.file("config.toml", settings);
    let glossary = home.file("datasets/glossary.ron", words);
    let link = home.path().join("link.csv");
    std::os::unix::fs::symlink(&mine, &link).expect("link");
    let (mine_s, folder_s) = (mine.to_str().expect("path"), folder.to_str().expect("path"));
    let (link_s, config_s) = (link.to_str().expect("path"), config.to_str().expect("path"));
    let glossary_s = glossary.to_str().expect("path");
    let refused: [&[&str]; 6] = [
        &["--data", mine_s, "export", "-o", mine_s],
        &["--data", mine_s, "export", "-o", link_s],
        &["export", "--format", "json", "-o", folder_s],
        &["--data", mine_s, "export", "-o", folder_s],
        &["export", "-o", config_s],
        &["export", "-o", glossary_s],
    ];
    for args in refused {
        let said = text(&home.run(args).stderr);
        assert_eq!(home.run(args).status.code(), Some(2), "{args:?}: {said}");
        assert!(said.contains("is a file partners reads"), "{args:?}: {said}");
        assert_eq!(std::fs::read_to_string(&mine).expect("mine"), GOOD, "{args:?}");
        assert_eq!(std::fs::read_to_string(&folder).expect("folder"), GOOD, "{args:?}");
        assert_eq!(std::fs::read_to_string(&config).expect("config"), settings, "{args:?}");
        assert_eq!(std::fs::read_to_string(&glossary).expect("glossary"), words, "{args:?}");
    }
    // Not there yet, they are read once there: so is a new dataset, named or through a link.
    // Said so: no file is there that partners reads, in either language.
    std::fs::remove_file(&config).expect("removed");
    std::fs::remove_file(&glossary).expect("removed");
    let new = home.path().join("datasets/new.ron");
    let to_new = home.path().join("new.csv");
    std::os::unix::fs::symlink(&new, &to_new).expect("link");
    let (new_s, to_new_s) = (new.to_str().expect("path"), to_new.to_str().expect("path"));
    for file in [config_s, glossary_s, new_s, to_new_s] {
        let out = home.run(&["export", "-o", file]);
        assert_eq!(out.status.code(), Some(2), "{file}: {}", text(&out.stderr));
        assert!(!std::path::Path::new(file).exists(), "{file} written");
        let said = text(&out.stderr);
        assert!(said.contains(" would be read the next time partners starts "), "{said}");
        assert!(!said.contains("is a file partners reads"), "{said}");
        let out = home.run(&["--lang", "fr", "export", "-o", file]);
        let said = text(&out.stderr);
        assert!(said.contains(" serait lu au prochain lancement de partners "), "{said}");
        assert!(!said.contains("est un fichier que lit partners"), "{said}");
    }
    // A link to them, not there yet, is them too: the write follows it (the export became
    // the settings); so is a file that a configuration, a link not there yet, leads to.
    let to_config = home.path().join("to-config.csv");
    std::os::unix::fs::symlink(&config, &to_config).expect("link");
    let kept = home.path().join("kept-settings.toml");
    let (to_config_s, kept_s) = (to_config.to_str().expect("path"), kept.to_str().expect("path"));
    let out = home.run(&["export", "-o", to_config_s]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(!config.exists(), "the export written as config.toml");
    std::fs::remove_file(&to_config).expect("removed");
    std::os::unix::fs::symlink(&kept, &config).expect("link");
    let out = home.run(&["export", "-o", kept_s]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(!kept.exists(), "the export written where config.toml leads");
    std::fs::remove_file(&config).expect("removed");
    // A new `.ron` of the datasets folder is a dataset the next start reads; another file
    // there is not.
    let new = home.path().join("datasets/new.ron");
    let out = home.run(&["export", "--format", "json", "-o", new.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(!new.exists(), "the export written as a dataset");
    home.ok(&["export", "-o", home.path().join("datasets/new.csv").to_str().expect("path")]);
    let beside = home.path().join("config.toml.csv");
    home.ok(&["export", "-o", beside.to_str().expect("path")]);
}

/// A terminating signal in the middle of a long export leaves no temporary file, keeps the file
/// it was to replace, and ends the process as the signal does.
#[cfg(unix)]
#[test]
fn a_signal_during_an_export_leaves_no_temporary_file() {
    use std::os::unix::process::ExitStatusExt as _;
    #[path = "../../examples/generate.rs"]
    #[allow(dead_code)]
    mod generate;
    let home = Home::new();
    let data = home.file("many.ron", &generate::ron(&generate::records(25_000)));
    let out = home.path().join("out.json");
    std::fs::write(&out, "old").expect("an earlier export");
    let temporary = || {
        std::fs::read_dir(home.path())
            .expect("lists")
            .flatten()
            .any(|entry| entry.file_name().to_string_lossy().starts_with(".out.json."))
    };
    // A shell without job control starts its `&` jobs with SIGINT ignored, and the export keeps
    // a signal its parent ignored (as under nohup): then SIGINT is not this test's to send.
    let ignored = |number: u32| {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let mask = status.lines().find_map(|line| line.strip_prefix("SigIgn:"));
        mask.and_then(|m| u64::from_str_radix(m.trim(), 16).ok())
            .is_some_and(|mask| mask & 1 << (number - 1) != 0)
    };
    // Reading 25 000 partners in a debug build takes seconds, a minute on a loaded machine:
    // the deadlines below only end a hang.
    let signals = [("TERM", 15), ("INT", 2), ("HUP", 1)];
    for (signal, _) in signals.into_iter().filter(|&(_, number)| !ignored(number)) {
        let mut export = home
            .std_cmd()
            .args(["--data", data.to_str().expect("path"), "export", "--format", "json", "-o"])
            .arg(&out)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("runs");
        let start = std::time::Instant::now();
        while !temporary() {
            assert!(start.elapsed().as_secs() < 180, "no temporary file was made");
            assert!(export.try_wait().expect("polls").is_none(), "ended before the signal");
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        let pid = export.id().to_string();
        let sent = std::process::Command::new("kill").args(["-s", signal, &pid]).status();
        assert!(sent.expect("kill runs").success());
        let status = export.wait().expect("ends");
        assert!(status.signal().is_some(), "{signal}: ended by the signal, {status:?}");
        assert!(!temporary(), "{signal}: the temporary file is gone");
        assert_eq!(std::fs::read_to_string(&out).expect("kept"), "old");
    }
    // Under nohup (SIGHUP ignored) a SIGHUP changes nothing: the export goes on and ends.
    let mut export = std::process::Command::new("sh");
    export
        .arg("-c")
        .arg("trap '' HUP; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_partners"))
        .args(["--data", data.to_str().expect("path"), "export", "--format", "json", "-o"])
        .arg(&out)
        .env("PARTNERS_HOME", home.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let mut export = export.spawn().expect("runs");
    let start = std::time::Instant::now();
    while !temporary() {
        assert!(start.elapsed().as_secs() < 180, "no temporary file was made");
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let pid = export.id().to_string();
    let sent = std::process::Command::new("kill").args(["-s", "HUP", &pid]).status();
    assert!(sent.expect("kill runs").success());
    assert!(export.wait().expect("ends").success(), "SIGHUP was ignored");
    assert_ne!(std::fs::read_to_string(&out).expect("written"), "old");
}

/// A loop of links is refused, and stays links: writing would replace one of them.
#[cfg(unix)]
#[test]
fn export_to_a_loop_of_links_is_refused() {
    use std::os::unix::fs::symlink;
    let home = Home::new();
    let (one, two) = (home.path().join("loop1"), home.path().join("loop2"));
    symlink("loop2", &one).expect("link");
    symlink("loop1", &two).expect("link");
    let out = home.run(&["export", "-o", one.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("loop of links"), "{err}");
    for link in [&one, &two] {
        assert!(std::fs::symlink_metadata(link).expect("there").file_type().is_symlink());
    }
    let names: Vec<String> = std::fs::read_dir(home.path())
        .expect("lists")
        .map(|entry| entry.expect("an entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|name| name.starts_with(".loop")), "{names:?}");
}

/// Runs the binary with `home` as its home, as user `nobody` when `as_nobody`.
#[cfg(unix)]
fn run_as(home: &Path, args: &[&str], as_nobody: bool) -> Output {
    use std::os::unix::process::CommandExt as _;
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("partners"));
    cmd.args(args).env("PARTNERS_HOME", home).env("HOME", home).stdin(Stdio::null());
    for name in super::LOCALE_VARIABLES {
        cmd.env_remove(name);
    }
    if as_nobody {
        cmd.uid(65534).gid(65534);
    }
    cmd.output().expect("partners runs")
}

#[cfg(unix)]
#[test]
fn a_read_only_home_is_read_and_writes_fail_clearly() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |path: &Path, mode| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
    };
    let root = Home::new();
    mode(root.path(), 0o755);
    let home = root.path().join("home");
    for with_lock_file in [true, false] {
        std::fs::create_dir_all(&home).expect("home");
        mode(&home, 0o755);
        let home_s = home.to_str().expect("path");
        root.ok(&["--home", home_s, "star", "ugap"]);
        if !with_lock_file {
            std::fs::remove_file(home.join("state.lock")).expect("remove the lock file");
        }
        // Readable by all, as the other user must read what root wrote.
        mode(&home.join("state.ron"), 0o644);
        mode(&home, 0o555);
        // Permission bits do not stop root: then the binary runs as `nobody`, for whom they do.
        let as_nobody = std::fs::write(home.join("probe"), "").is_ok();

        let out = run_as(&home, &["list", "--starred"], as_nobody);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert_eq!(
            text(&out.stdout).lines().next().map(|l| l.split('\t').next()),
            Some(Some("ugap"))
        );

        let out = run_as(&home, &["star", "weka"], as_nobody);
        assert_eq!(out.status.code(), Some(2));
        let stderr = text(&out.stderr);
        assert!(stderr.contains(&home.join("state.lock").display().to_string()), "{stderr}");
        assert!(stderr.contains("permission denied"), "{stderr}");
        mode(&home, 0o755);
        std::fs::remove_dir_all(&home).expect("clean");
    }
}

/// A change whose report cannot be written (`> /dev/full`) is saved all the same, and the
/// error says so, in both languages, with exit code 2 as for any output that fails: it said
/// only "the disk is full", which reads as if the star or the note was lost.
#[cfg(target_os = "linux")]
#[test]
fn a_change_saved_says_so_when_its_report_cannot_be_written() {
    let home = Home::new();
    let to_full = |args: &[&str]| {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full");
        let out = home.std_cmd().args(args).stdout(full).output().expect("partners runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out.stderr));
        text(&out.stderr)
    };
    let saved = "the change is saved; only this report could not be written to standard output: the disk is full\n";
    assert_eq!(to_full(&["star", "ugap"]), format!("partners: UGAP: starred — {saved}"));
    assert_eq!(
        to_full(&["note", "ugap", "Stand", "B12"]),
        format!("partners: UGAP: note saved — {saved}")
    );
    assert_eq!(to_full(&["met", "ugap"]), format!("partners: UGAP: marked as met — {saved}"));
    assert_eq!(
        to_full(&["alias", "ugap", "la centrale"]),
        format!("partners: UGAP: alias \"la centrale\" added — {saved}")
    );
    let shown = home.json(&["show", "ugap", "--json"]);
    assert_eq!(shown["starred"], true);
    assert_eq!(shown["met"], true);
    assert_eq!(shown["note"], "Stand B12");
    assert_eq!(shown["user_aliases"][0], "la centrale");
    // Nothing to change: the report says so, and only it was lost.
    assert_eq!(
        to_full(&["star", "ugap"]),
        "partners: UGAP: already starred, so nothing was changed; only this report could not be written to standard output: the disk is full\n"
    );
    assert_eq!(
        to_full(&["unstar", "ugap", "--lang", "fr"]),
        "partners: UGAP\u{a0}: étoile retirée — la modification est enregistrée\u{a0}; seul ce compte rendu n'a pu être écrit sur la sortie standard\u{a0}: le disque est plein\n"
    );
    assert_eq!(home.json(&["show", "ugap", "--json"])["starred"], false);
}
