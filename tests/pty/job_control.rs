//! Job control: Ctrl-Z and resuming, a terminating signal while stopped in the background, and
//! `bg` then `fg` or `kill %1`, with what the browser draws, reads and saves meanwhile.

use super::*;

#[test]
fn ctrl_z_suspends_and_resume_redraws_and_takes_keys() {
    let mut session = Session::start("");
    session.wait_for_browser();
    session.type_keys(b"ug");
    session.wait_for("the query", |s| s.contents().starts_with("❯ ug"));
    session.type_keys(&[0x1a]); // Ctrl-Z
    session.wait_for("the main screen while stopped", |s| {
        !s.alternate_screen()
            && !s.hide_cursor()
            && s.mouse_protocol_mode() == vt100::MouseProtocolMode::None
    });
    // What `fg` does: continue the process (it is already in the foreground).
    session.signal("CONT");
    session.wait_for("the browser again", |s| {
        s.alternate_screen() && s.contents().contains("Partners")
    });
    session.type_keys(b"ap");
    session.wait_for("typing after the resume", |s| {
        s.contents().starts_with("❯ ugap") && s.contents().contains("Public body")
    });
    // And a suspend from outside (kill -TSTP) does the same.
    session.signal("TSTP");
    session.wait_for("the main screen while stopped", |s| !s.alternate_screen());
    session.signal("CONT");
    session
        .wait_for("the browser again", |s| s.alternate_screen() && s.contents().contains("ugap"));
    session.type_keys(&[0x03]);
    let (status, contents, screen) = session.finish();
    assert_eq!(status, 0);
    assert_restored(&contents, &screen);
}

/// Ctrl-Z, then a terminating signal while stopped in the background, continued at once as
/// `kill %1` does (SIGTERM, SIGHUP) and as the kernel does for an orphaned group (SIGHUP):
/// the note is saved and the process ends with the signal's status then, without touching
/// the terminal the shell has now (doing so stopped it again, SIGTTOU, until `fg`).
#[test]
fn a_terminating_signal_while_stopped_in_the_background_saves_the_note_and_ends() {
    for (signal, code) in [("TERM", 143), ("HUP", 129)] {
        let mut session = Session::start_as_job("ugap", "wait -f %1");
        session.wait_for_browser();
        session.write_note_on_ugap(b"Stand B12", "Stand B12");
        let pid = session.partners_pid();
        session.type_keys(&[0x1a]); // Ctrl-Z
        session.wait_for("the shell's prompt again", |s| {
            !s.alternate_screen() && s.contents().contains(STOPPED)
        });
        assert_eq!(process_state(&pid), "T", "partners is stopped");
        let home = session.home.take().expect("a home");
        session.signal(signal);
        session.signal("CONT");
        let (status, contents, screen) = session.finish();
        assert_eq!(status, code, "exit status after SIG{signal} while stopped");
        assert_restored(&contents, &screen);
        let saved = std::fs::read_to_string(home.path().join("state.ron")).expect("the note saved");
        assert!(saved.contains("Stand B12"), "{saved}");
    }
}

/// Ctrl-Z, `bg`, then `fg`: running in the background the browser draws nothing (nor is it
/// stopped again by the terminal); brought back, it redraws and takes keys.
#[test]
fn continued_in_the_background_the_browser_waits_for_fg() {
    // Seconds in the background: a loaded machine may take a while to run `bg`.
    let mut session = Session::start_as_job("ugap", "bg %1; sleep 3; fg %1");
    session.wait_for_browser();
    let pid = session.partners_pid();
    session.type_keys(&[0x1a]); // Ctrl-Z
    session.wait_for("the shell's prompt again", |s| {
        !s.alternate_screen() && s.contents().contains(STOPPED)
    });
    let continued = std::time::Instant::now();
    while process_state(&pid) == "T" {
        assert!(continued.elapsed() < Duration::from_millis(2_500), "running in the background");
        thread::sleep(Duration::from_millis(20));
    }
    thread::sleep(Duration::from_millis(300));
    assert_ne!(process_state(&pid), "T", "not stopped again by the terminal");
    assert!(!session.parser.lock().expect("lock").screen().alternate_screen(), "nothing drawn");
    session.wait_for("the browser again", |s| {
        s.alternate_screen() && s.contents().contains("Public body")
    });
    session.type_keys(b"\x15aatf"); // Ctrl-U, then another query
    session.wait_for("typing after fg", |s| s.contents().starts_with("❯ aatf"));
    session.type_keys(&[0x03]);
    let (status, contents, screen) = session.finish();
    assert_eq!(status, 0);
    assert_restored(&contents, &screen);
}

/// Ctrl-Z, `bg`, a line typed at the shell, then `kill %1` (SIGTERM, SIGHUP): the browser
/// reads no key in the background (a read there stopped it, SIGTTIN, and `kill %1` then
/// waited for `fg`), so the shell gets the line, the job stays running, and the signal ends
/// it at once with the note being written saved. The warnings it would have printed on
/// leaving are printed in the background too (a dataset skipped, here); not where the
/// terminal stops background writers (`stty tostop`), which would stop it again.
#[test]
fn keys_typed_at_the_shell_after_bg_leave_the_browser_running_and_killable() {
    let cases =
        [("TERM", 143, "stty -tostop"), ("HUP", 129, "stty -tostop"), ("TERM", 143, "stty tostop")];
    for (signal, code, tostop) in cases {
        let home = tempfile::tempdir().expect("a home");
        std::fs::create_dir(home.path().join("datasets")).expect("a datasets folder");
        std::fs::write(home.path().join("datasets/bad.ron"), "garbage(\n").expect("written");
        let then = format!(
            "bg %1; echo READY; read -r line; echo \"GOT $line\"; jobs %1; kill -s {signal} %1; wait -f %1"
        );
        let args = format!("--home '{}' ugap", home.path().display());
        let mut session = Session::start_as_job_after(tostop, &args, &then);
        session
            .wait_for("the skipped dataset said", |s| s.contents().contains("skipped a dataset"));
        session.write_note_on_ugap(b"Stand B12", "Stand B12");
        session.type_keys(&[0x1a]); // Ctrl-Z
        session.wait_for("the shell reading a line", |s| {
            !s.alternate_screen() && s.contents().contains("READY")
        });
        session.type_keys(b"hello\r");
        let (status, contents, screen) = session.finish();
        assert_eq!(status, code, "exit status after SIG{signal} in the background:\n{contents}");
        assert!(contents.contains("GOT hello"), "the shell got the line:\n{contents}");
        assert!(contents.contains("Running"), "still running after the key:\n{contents}");
        assert_restored(&contents, &screen);
        let warned = contents.contains("warning: skipped a dataset");
        assert_eq!(warned, tostop == "stty -tostop", "{tostop}:\n{contents}");
        let saved = std::fs::read_to_string(home.path().join("state.ron")).expect("the note saved");
        assert!(saved.contains("Stand B12"), "{saved}");
    }
}

/// A process's state letter as `/proc` tells it: `T` when stopped.
fn process_state(pid: &str) -> String {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let after_name = stat.rsplit(')').next().unwrap_or_default();
    after_name.split_whitespace().next().unwrap_or_default().to_owned()
}
