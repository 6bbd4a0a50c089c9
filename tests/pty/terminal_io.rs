//! What partners reads from and prints to a terminal: a dataset named as the terminal or piped
//! past it, plain mode, no terminal at all, a terminal that goes away, a note typed at it, the
//! warnings of the start, and what `search` prints there.

use super::*;

/// A dataset named by the terminal itself (`--data /dev/stdin` typed at a prompt): refused
/// before the browser starts, not read from the keyboard, which took the keys typed.
#[test]
fn a_terminal_named_as_a_dataset_is_refused_at_once() {
    for data in ["/dev/stdin", "/dev/tty", "-"] {
        let session = Session::start(&format!("--data {data}"));
        let (status, contents, screen) = session.finish();
        assert_eq!(status, 2, "{data}:\n{contents}");
        assert!(contents.contains("it is a terminal"), "{data}:\n{contents}");
        assert_restored(&contents, &screen);
    }
}

/// A dataset piped in (`cat FILE | partners --data -`): the browser reads it, and takes its
/// keys from the terminal.
#[test]
fn a_dataset_piped_in_leaves_the_keys_to_the_browser() {
    let data = tempfile::tempdir().expect("a folder");
    let file = data.path().join("small.ron");
    std::fs::write(&file, generate::ron(&generate::records(300))).expect("written");
    let script =
        format!("cat '{}' | '{BIN}' --data -; echo {AFTER} status=$?; stty -a", file.display());
    let mut session = Session::spawn("sh", &script, &[]);
    session.wait_for("every partner listed", |s| s.contents().contains("300/300"));
    session.type_keys(b"bordeaux");
    session.wait_for("the query typed", |s| {
        let rows: Vec<String> = s.rows(0, COLUMNS).collect();
        rows.first().is_some_and(|r| r.starts_with("❯ bordeaux") && !r.ends_with("300/300"))
    });
    session.type_keys(&[0x03]);
    let (status, contents, screen) = session.finish();
    assert_eq!(status, 0);
    assert_restored(&contents, &screen);
}

/// Plain mode with a dataset piped in (`cat FILE | partners --plain --data -`) reads its
/// commands from the terminal, as the browser takes its keys there (it read them from the
/// pipe the dataset had emptied, and said goodbye at once).
#[test]
fn plain_mode_with_a_dataset_piped_in_reads_its_commands_from_the_terminal() {
    let data = tempfile::tempdir().expect("a folder");
    let file = data.path().join("small.ron");
    std::fs::write(&file, generate::ron(&generate::records(300))).expect("written");
    let script = format!(
        "cat '{}' | '{BIN}' --plain --data -; echo {AFTER} status=$?; stty -a",
        file.display()
    );
    let mut session = Session::spawn("sh", &script, &[("TERM", "dumb")]);
    session.wait_for("the prompt", |s| {
        s.contents().contains("plain mode") && s.contents().trim_end().ends_with('>')
    });
    session.type_keys(b"bordeaux\r");
    session.wait_for("the results", |s| s.contents().contains("results for \"bordeaux\""));
    session.type_keys(b"quit\r");
    let (status, contents, _) = session.finish();
    assert_eq!(status, 0, "{contents}");
    assert!(contents.contains("Bye."), "{contents}");
}

#[test]
fn without_a_terminal_the_browser_points_at_search() {
    let home = tempfile::tempdir().expect("a temporary home");
    let output = Command::new(BIN)
        .env("PARTNERS_HOME", home.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("running partners");
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("partners search"), "stderr: {stderr}");
    assert!(output.stdout.is_empty(), "nothing drawn on stdout: {:?}", output.stdout);
}

#[test]
fn a_terminal_that_goes_away_ends_the_browser_and_keeps_the_note() {
    // partners on its own in the terminal, as in a tmux pane or an SSH session that closes.
    let home = tempfile::tempdir().expect("a temporary home");
    let pty = native_pty_system()
        .openpty(PtySize { rows: ROWS, cols: COLUMNS, pixel_width: 0, pixel_height: 0 })
        .expect("opening a pseudo-terminal");
    let mut command = CommandBuilder::new(BIN);
    command.arg("ugap");
    command.env("PARTNERS_HOME", home.path());
    command.env("TERM", "xterm-256color");
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    let mut child = pty.slave.spawn_command(command).expect("starting partners");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("a reader on the terminal");
    let mut writer = pty.master.take_writer().expect("a writer to the terminal");
    let master = Mutex::new(Some(pty.master));
    // The reader closes the terminal's last end itself, once told to and woken by output.
    let close = Arc::new(Mutex::new(false));
    let screen = Arc::new(Mutex::new(String::new()));
    let (feed, told) = (Arc::clone(&screen), Arc::clone(&close));
    let reading = thread::spawn(move || {
        let size = |n| NonZeroU16::new(n).expect("a terminal is at least 1x1");
        let mut parser = vt100::Parser::new(size(ROWS), size(COLUMNS), 0);
        let mut buffer = [0u8; 8192];
        while let Ok(n @ 1..) = reader.read(&mut buffer) {
            parser.process(&buffer[..n]);
            *feed.lock().expect("lock") = parser.screen().contents();
            if *told.lock().expect("lock") {
                master.lock().expect("lock").take();
                return;
            }
        }
    });
    let wait_for = |text: &str| {
        let start = Instant::now();
        while !screen.lock().expect("lock").contains(text) {
            assert!(
                start.elapsed() < PATIENCE,
                "no {text:?} on:\n{}",
                screen.lock().expect("lock")
            );
            thread::sleep(Duration::from_millis(20));
        }
    };
    wait_for("Partners");
    writer.write_all(b"\x1be").expect("typing"); // Alt-e, as Esc e
    wait_for("Note on UGAP");
    writer.write_all("Rappeler Anne".as_bytes()).expect("typing");
    wait_for("Rappeler Anne");
    *close.lock().expect("lock") = true;
    // One more letter: the redraw wakes the reader, which closes the terminal.
    writer.write_all(b"!").expect("typing");
    drop(writer);
    reading.join().expect("the reader ends");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("polling partners") {
            break status;
        }
        if start.elapsed() > PATIENCE {
            let _ = child.kill();
            panic!("partners outlived its terminal");
        }
        thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.exit_code(), 129, "ended as by SIGHUP");
    let state = std::fs::read_to_string(home.path().join("state.ron")).expect("the note saved");
    assert!(state.contains("Rappeler Anne"), "{state}");
}

/// `partners note ID -` at a terminal says how to end the note before it waits for it: the
/// note typed, then Ctrl-D on a new line, saves it; Ctrl-C cancels with 130 and saves nothing.
#[test]
fn a_note_typed_at_the_terminal_is_asked_for_and_ends_with_ctrl_d() {
    // A shell that outlives the Ctrl-C sent to the terminal's foreground, to report the exit.
    let script = format!("trap true INT; '{BIN}' note ugap -; echo {AFTER} status=$?; stty -a");
    let prompt = "Type the note, then Ctrl-D on a new line to save it (Ctrl-C to cancel):";
    let mut session = Session::spawn("sh", &script, &[]);
    session.wait_for("the prompt", |s| s.contents().contains(prompt));
    session.type_keys(b"Stand B12\r");
    session.type_keys(&[0x04]);
    let home = session.home.take().expect("the home");
    let (status, contents, _) = session.finish();
    assert_eq!(status, 0, "{contents}");
    let saved = std::fs::read_to_string(home.path().join("state.ron")).expect("the note saved");
    assert!(saved.contains("Stand B12"), "{saved}");

    let script =
        format!("trap true INT; '{BIN}' --lang fr note ugap -; echo {AFTER} status=$?; stty -a");
    let mut session = Session::spawn("sh", &script, &[]);
    session.wait_for("the prompt", |s| s.contents().contains("puis Ctrl-D en début de ligne"));
    session.type_keys(b"Stand C3");
    session.type_keys(&[0x03]);
    let home = session.home.take().expect("the home");
    let (status, contents, _) = session.finish();
    assert_eq!(status, 130, "{contents}");
    assert!(!home.path().join("state.ron").exists(), "nothing saved");
}

/// A dataset file skipped before the first frame (a small one, read at once) is told on the
/// status line with the key that shows it whole; the help then shows each of its problems.
#[test]
fn a_skipped_file_read_before_the_first_frame_is_shown_whole_in_the_help() {
    let home = home_with_a_bad_file();
    let mut session = Session::start(&format!("--home '{}'", home.path().display()));
    session.wait_for("the warning and its key", |s| s.contents().contains("Alt-h shows all · "));
    session.type_keys(b"\x1bh"); // Alt-h, as Esc h
    session.wait_for("every problem in the help", |s| {
        let shown = s.contents();
        shown.contains("partner \"second-one\" has an empty name")
            && shown.contains("partner \"first-one\" has an empty name")
    });
    session.type_keys(&[0x03]);
    let (status, _, _) = session.finish();
    assert_eq!(status, 0);
}

/// The warnings of the start are printed whole when the browser ends, where they stay: a
/// file's every problem with its fix, not the status line's one line that counts them.
#[test]
fn the_warnings_are_printed_whole_when_the_browser_ends() {
    let home = home_with_a_bad_file();
    // No `stty -a` after it: the lines printed stay on the screen.
    let script = format!("'{BIN}' --home '{}'; echo {AFTER} status=$?", home.path().display());
    let mut session = Session::spawn("sh", &script, &[]);
    session.wait_for("the warning and its key", |s| s.contents().contains("Alt-h shows all · "));
    session.type_keys(&[0x03]);
    let (status, contents, _) = session.finish();
    assert_eq!(status, 0, "{contents}");
    let printed = contents.split(AFTER).next().unwrap_or_default();
    assert!(printed.contains("warning: skipped a dataset: "), "{contents}");
    for id in ["first-one", "second-one"] {
        let said = format!("partner \"{id}\" has an empty name");
        assert!(printed.contains(&said), "{id}:\n{contents}");
    }
    assert!(printed.contains("\n  fix: write the name"), "on lines of their own:\n{contents}");
    assert!(!printed.contains("2 problems, the first"), "{contents}");
}

/// A home whose datasets folder holds a file with two problems: two partners without a name.
fn home_with_a_bad_file() -> tempfile::TempDir {
    let home = tempfile::tempdir().expect("a home");
    std::fs::create_dir(home.path().join("datasets")).expect("a datasets folder");
    let partner = |id: &str| {
        format!("(id: \"{id}\", name: \"\", kind: Media, scope: National, description: \"x\"),\n")
    };
    let text = format!("(partners: [\n{}{}])", partner("first-one"), partner("second-one"));
    std::fs::write(home.path().join("datasets/worse.ron"), text).expect("written");
    home
}

/// A search that finds nothing says so to a person at a terminal, in their language, with
/// the exit code 1; piped (a script), or with `--limit 0` (the exit code alone), it prints
/// nothing, as `grep` does.
#[test]
fn a_search_that_finds_nothing_says_so_at_a_terminal_only() {
    let script = format!(
        "'{BIN}' search zzqx; echo one=$?; '{BIN}' search --lang fr zzqx; \
         '{BIN}' search zzqx --limit 0; '{BIN}' search zzqx | cat; echo {AFTER} status=$?"
    );
    let session = Session::spawn("sh", &script, &[]);
    let (_, contents, _) = session.finish();
    let printed: Vec<&str> =
        contents.lines().map(str::trim_end).filter(|l| !l.is_empty()).collect();
    assert_eq!(
        printed[..3],
        [
            "No partner matches \"zzqx\".",
            "one=1",
            "Aucun partenaire ne correspond à «\u{a0}zzqx\u{a0}»."
        ],
        "{contents}"
    );
    assert!(printed[3].starts_with(AFTER), "nothing more:\n{contents}");
}

/// At a terminal, `search` fits each line to the terminal's width, cutting the end of a line
/// (the kind) and then the name, never the acronym, rather than leaving the terminal to break
/// it mid-word; piped, the lines are whole.
#[test]
fn search_at_a_terminal_fits_its_lines_to_the_width() {
    let script = format!(
        "stty cols 44; '{BIN}' search bordeaux; '{BIN}' search gsef | tr '\\t' '|'; echo {AFTER} status=$?"
    );
    let session = Session::spawn("sh", &script, &[]);
    let (status, contents, _) = session.finish();
    assert_eq!(status, 0, "{contents}");
    let printed: Vec<&str> =
        contents.lines().map(str::trim_end).filter(|l| !l.is_empty()).collect();
    let results = &printed[..printed.len() - 2];
    assert_eq!(results.len(), 6, "{contents}");
    for line in results {
        assert!(line.chars().count() <= 44, "{line:?} in\n{contents}");
    }
    assert!(results.iter().any(|l| l.starts_with("gsef") && l.contains("… (GSEF)")), "{contents}");
    // Piped, whole: the id, the name, the acronym and the kind, tab-separated.
    let piped = "gsef|Global Social Economy Forum|GSEF|international-network";
    assert_eq!(printed[printed.len() - 2], piped, "{contents}");
}
