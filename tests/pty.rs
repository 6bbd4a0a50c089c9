//! The real binary in a real pseudo-terminal: type, read the screen through a terminal
//! emulator, end it every way it can end (Ctrl-C, signals, Ctrl-Z then resume), and check
//! that the terminal was given back as it was found: main screen, cursor shown, mouse off,
//! and (through `stty` run after it in the same terminal) raw mode off. And without a
//! terminal, the browser refuses politely.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

const BIN: &str = env!("CARGO_BIN_EXE_partners");
const ROWS: u16 = 30;
const COLUMNS: u16 = 100;
const PATIENCE: Duration = Duration::from_secs(10);
/// Printed by the shell after partners ends, with its exit status and the terminal modes.
const AFTER: &str = "PARTNERS-ENDED";
/// Printed by a shell with job control once partners is stopped and the shell has the
/// terminal again.
const STOPPED: &str = "PARTNERS-STOPPED";

/// partners run by a shell in a pseudo-terminal; the shell prints the exit status and
/// `stty -a` once partners has ended.
struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    shell: Box<dyn Child + Send + Sync>,
    output_done: mpsc::Receiver<()>,
    /// How many bytes partners has written to the terminal so far.
    written: Arc<std::sync::atomic::AtomicUsize>,
    /// Kept until the session ends (a test may take it to read the files after).
    home: Option<tempfile::TempDir>,
    /// The terminal's other end, to resize it.
    master: &'static dyn portable_pty::MasterPty,
}

impl Session {
    fn start(args: &str) -> Session {
        Session::start_with(args, &[])
    }

    /// [`Session::start`], with the environment variables `vars` set.
    fn start_with(args: &str, vars: &[(&str, &str)]) -> Session {
        let script = format!("'{BIN}' {args}; echo {AFTER} status=$?; stty -a");
        Session::spawn("sh", &script, vars)
    }

    /// partners as a job of a shell with job control, as an interactive shell runs it: in a
    /// process group of its own, which has the terminal while it runs. Once it is stopped,
    /// the shell takes the terminal back, prints [`STOPPED`] and runs `then`, which ends with
    /// partners' exit status.
    fn start_as_job(args: &str, then: &str) -> Session {
        Session::start_as_job_after("true", args, then)
    }

    /// [`Session::start_as_job`], the shell running `first` before partners.
    fn start_as_job_after(first: &str, args: &str, then: &str) -> Session {
        let script = format!(
            "{first}; set -m; '{BIN}' {args}; echo {STOPPED}; {then}; echo {AFTER} status=$?; stty -a"
        );
        Session::spawn("bash", &script, &[])
    }

    /// `shell -c script` in a new pseudo-terminal, with a temporary home.
    fn spawn(shell: &str, script: &str, vars: &[(&str, &str)]) -> Session {
        let home = tempfile::tempdir().expect("a temporary home");
        let pty = native_pty_system()
            .openpty(PtySize { rows: ROWS, cols: COLUMNS, pixel_width: 0, pixel_height: 0 })
            .expect("opening a pseudo-terminal");
        let mut command = CommandBuilder::new(shell);
        command.arg("-c");
        command.arg(script);
        command.env("PARTNERS_HOME", home.path());
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        // English whatever the machine's locale: the tests read English words.
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            command.env_remove(name);
        }
        for (name, value) in vars {
            command.env(name, value);
        }
        command.cwd(home.path());
        let shell = pty.slave.spawn_command(command).expect("starting partners");
        // Only the child holds the terminal's other end now: the reader sees the end.
        drop(pty.slave);
        let size = |n| NonZeroU16::new(n).expect("a terminal is at least 1x1");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(size(ROWS), size(COLUMNS), 0)));
        let mut reader = pty.master.try_clone_reader().expect("a reader on the terminal");
        let (finished, output_done) = mpsc::channel();
        let feed = Arc::clone(&parser);
        let written = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let count = Arc::clone(&written);
        thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            // Linux reports EIO once the child has gone; either way the output has ended.
            while let Ok(n @ 1..) = reader.read(&mut buffer) {
                feed.lock().expect("no panic holding the lock").process(&buffer[..n]);
                count.fetch_add(n, std::sync::atomic::Ordering::Relaxed);
            }
            let _ = finished.send(());
        });
        let writer = pty.master.take_writer().expect("a writer to the terminal");
        // The master must outlive the test's reads and writes: leak it with the session.
        let master = Box::leak(pty.master);
        Session { parser, writer, shell, output_done, written, home: Some(home), master }
    }

    /// Polls `done` on the emulated screen until it holds or [`PATIENCE`] runs out.
    fn wait_for(&self, what: &str, done: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        loop {
            {
                let parser = self.parser.lock().expect("lock");
                if done(parser.screen()) {
                    return;
                }
                assert!(
                    start.elapsed() < PATIENCE,
                    "timed out waiting for {what}; the screen shows:\n{}",
                    parser.screen().contents()
                );
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    fn wait_for_browser(&self) {
        self.wait_for("the first screen", |s| {
            s.alternate_screen() && s.contents().contains("Partners")
        });
    }

    /// Resizes the terminal (partners is sent SIGWINCH) and the emulated screen.
    fn resize(&self, rows: u16, columns: u16) {
        let size = PtySize { rows, cols: columns, pixel_width: 0, pixel_height: 0 };
        let non_zero = |n| NonZeroU16::new(n).expect("a terminal is at least 1x1");
        self.parser.lock().expect("lock").screen_mut().set_size(non_zero(rows), non_zero(columns));
        self.master.resize(size).expect("resizing the terminal");
    }

    fn type_keys(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("typing");
        self.writer.flush().expect("typing");
    }

    /// The pid of partners, the shell's only child.
    fn partners_pid(&self) -> String {
        let shell = self.shell.process_id().expect("the shell has a pid");
        let path = format!("/proc/{shell}/task/{shell}/children");
        let start = Instant::now();
        loop {
            let children = std::fs::read_to_string(&path).unwrap_or_default();
            if let Some(pid) = children.split_whitespace().next() {
                return pid.to_owned();
            }
            assert!(start.elapsed() < PATIENCE, "partners never started");
            thread::sleep(Duration::from_millis(20));
        }
    }

    fn signal(&self, signal: &str) {
        let pid = self.partners_pid();
        let status = Command::new("kill").args(["-s", signal, &pid]).status().expect("kill runs");
        assert!(status.success(), "kill -s {signal} {pid}");
    }

    /// Waits for the shell to report partners' exit, and returns partners' exit status and
    /// what `stty -a` said of the terminal afterwards.
    fn finish(mut self) -> (i32, String, vt100::Screen) {
        let start = Instant::now();
        while self.shell.try_wait().expect("polling the shell").is_none() {
            if start.elapsed() > PATIENCE {
                let _ = self.shell.kill();
                panic!(
                    "partners did not end:\n{}",
                    self.parser.lock().expect("lock").screen().contents()
                );
            }
            thread::sleep(Duration::from_millis(20));
        }
        self.output_done.recv_timeout(PATIENCE).expect("the output ends after the exit");
        let parser = self.parser.lock().expect("lock");
        let contents = parser.screen().contents();
        let status = contents
            .split(&format!("{AFTER} status="))
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|code| code.parse().ok())
            .unwrap_or_else(|| panic!("no exit status on the screen:\n{contents}"));
        (status, contents, parser.screen().clone())
    }
}

/// The terminal as a shell needs it: main screen, cursor visible, no mouse reporting, and
/// line editing (canonical mode) and echo back on.
fn assert_restored(contents: &str, screen: &vt100::Screen) {
    assert!(!screen.alternate_screen(), "back on the main screen");
    assert!(!screen.hide_cursor(), "the cursor is visible");
    assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None, "mouse reporting off");
    assert!(!screen.bracketed_paste(), "bracketed paste off");
    assert!(!contents.contains("Public body"), "the browser's screen is gone:\n{contents}");
    let words: Vec<&str> = contents.split_whitespace().collect();
    for mode in ["icanon", "echo", "isig"] {
        assert!(words.contains(&mode), "stty shows {mode} on again:\n{contents}");
    }
}

#[path = "../examples/generate.rs"]
#[allow(dead_code)]
mod generate;

/// A catalog large enough to be searched by the worker but small enough to be read before
/// the first frame: its first search was asked for and never sent, and the browser waited
/// for it for ever ("Searching…", then every key held behind it).
#[test]
fn a_catalog_loaded_before_the_first_frame_is_searched() {
    let data = tempfile::tempdir().expect("a folder");
    let file = data.path().join("mid.ron");
    std::fs::write(&file, generate::ron(&generate::records(4_200))).expect("written");
    let size = std::fs::metadata(&file).expect("there").len();
    assert!(size < 4 << 20, "read before the first frame: {size} bytes");
    let mut session = Session::start(&format!("--data '{}'", file.display()));
    session.wait_for("every partner listed", |s| s.contents().contains("4200/4200"));
    session.type_keys(b"bordeaux");
    session.wait_for("the partners of Bordeaux", |s| {
        let rows: Vec<String> = s.rows(0, COLUMNS).collect();
        rows.first().is_some_and(|r| r.starts_with("❯ bordeaux") && !r.ends_with("4200/4200"))
    });
    session.type_keys(&[0x03]);
    let (status, contents, screen) = session.finish();
    assert_eq!(status, 0);
    assert_restored(&contents, &screen);
}

#[test]
fn ctrl_c_quits_and_restores_the_terminal() {
    let mut session = Session::start("");
    session.wait_for_browser();
    {
        let parser = session.parser.lock().expect("lock");
        let mode = parser.screen().mouse_protocol_mode();
        assert!(mode != vt100::MouseProtocolMode::None, "mouse captured");
    }
    session.type_keys(b"ugap");
    session.wait_for("UGAP in the detail", |s| {
        let rows: Vec<String> = s.rows(0, COLUMNS).collect();
        rows.first().is_some_and(|r| r.starts_with("❯ ugap"))
            && rows.get(1).is_some_and(|r| r.contains("┌ UGAP "))
            && s.contents().contains("Public body · National · France")
    });
    session.type_keys(&[0x03]);
    let (status, contents, screen) = session.finish();
    assert_eq!(status, 0);
    assert_restored(&contents, &screen);
}

/// A resized terminal is drawn again at its size with no key typed (the key reader, which
/// waits for input before asking crossterm for an event, asks it on a resize too): side by
/// side at 100 columns, stacked at 80.
#[test]
fn a_resized_terminal_is_drawn_at_its_new_size() {
    let mut session = Session::start("");
    session.wait_for_browser();
    let side_by_side = |s: &vt100::Screen| s.rows(0, COLUMNS).any(|row| row.contains("┐┌"));
    session.wait_for("list and detail side by side", side_by_side);
    session.resize(ROWS, 80);
    session.wait_for("list and detail stacked", |s| {
        let rows: Vec<String> = s.rows(0, 80).collect();
        !side_by_side(s) && rows.first().is_some_and(|r| r.trim_end().ends_with("38/38"))
    });
    session.type_keys(b"ugap");
    session.wait_for("typing at the new size", |s| s.contents().starts_with("❯ ugap"));
    session.type_keys(&[0x03]);
    let (status, contents, screen) = session.finish();
    assert_eq!(status, 0);
    assert_restored(&contents, &screen);
}

/// A resize made before the key reader listens (a loaded machine may start it late) is drawn
/// all the same, without waiting for a key.
#[test]
fn a_resize_before_the_key_reader_listens_is_drawn() {
    let mut session = Session::start_with("", &[("PARTNERS_TEST_LATE_KEY_READER_MS", "300")]);
    session.wait_for_browser();
    let side_by_side = |s: &vt100::Screen| s.rows(0, COLUMNS).any(|row| row.contains("┐┌"));
    session.wait_for("list and detail side by side", side_by_side);
    session.resize(ROWS, 80);
    session.wait_for("list and detail stacked", |s| !side_by_side(s));
    session.type_keys(&[0x03]);
    let (status, contents, screen) = session.finish();
    assert_eq!(status, 0);
    assert_restored(&contents, &screen);
}

/// Esc and an arrow in one read (`tmux send-keys Escape Down`): crossterm reads ESC ESC [ B
/// as Esc then two letters; the browser takes Esc then Down, and types nothing.
#[test]
fn esc_and_an_arrow_in_one_read_are_esc_and_the_arrow() {
    let mut session = Session::start("");
    session.wait_for_browser();
    session.type_keys(b"ugap");
    session.wait_for("the query", |s| s.contents().starts_with("❯ ugap"));
    session.type_keys(b"\x1b\x1b[B");
    session.wait_for("the query cleared and the second partner chosen", |s| {
        let rows: Vec<String> = s.rows(0, COLUMNS).collect();
        rows.first().is_some_and(|r| r.trim_end().starts_with('❯') && !r.contains("[B"))
            && rows.first().is_some_and(|r| r.contains("38/38"))
            && rows.get(1).is_some_and(|r| r.contains("┌ Agence de D"))
    });
    session.type_keys(&[0x03]);
    let (status, contents, screen) = session.finish();
    assert_eq!(status, 0);
    assert_restored(&contents, &screen);
}

/// Esc and Ctrl-C in one read (`tmux send-keys Escape C-c`, a fast typist): crossterm reads
/// ESC ^C as Alt-Ctrl-C, which did nothing; the browser takes Esc then Ctrl-C, and quits.
#[test]
fn esc_and_ctrl_c_in_one_read_quit() {
    let mut session = Session::start("");
    session.wait_for_browser();
    session.type_keys(b"ugap");
    session.wait_for("the query", |s| s.contents().starts_with("❯ ugap"));
    session.type_keys(b"\x1b\x03");
    let (status, contents, screen) = session.finish();
    assert_eq!(status, 0);
    assert_restored(&contents, &screen);
}

/// With `NO_COLOR` the screen has no colour, but the QR code stays black on white: its
/// colours are what makes it scan (crossterm's own `NO_COLOR` check dropped them).
#[test]
fn the_qr_code_is_black_on_white_with_no_color_too() {
    let mut session = Session::start_with("ugap", &[("NO_COLOR", "1")]);
    session.wait_for_browser();
    session.wait_for("UGAP selected", |s| s.contents().contains("Public body · National"));
    let coloured = |s: &vt100::Screen, color: vt100::Color| {
        (0..ROWS).any(|row| {
            (0..COLUMNS).any(|column| s.cell(row, column).is_some_and(|c| c.bgcolor() == color))
        })
    };
    let white = coloured(session.parser.lock().expect("lock").screen(), vt100::Color::Idx(231));
    assert!(!white, "no colour before the code");
    session.type_keys(b"\x1bq");
    session.wait_for("the QR code on white", |s| coloured(s, vt100::Color::Idx(231)));
    session.type_keys(&[0x1b]);
    session.wait_for("the QR code closed", |s| !coloured(s, vt100::Color::Idx(231)));
    session.type_keys(&[0x03]);
    let (status, contents, screen) = session.finish();
    assert_eq!(status, 0);
    assert_restored(&contents, &screen);
}

/// `partners serach ugap` opens the browser on that query, and its status line points at
/// `partners search ugap`.
#[test]
fn a_mistyped_command_opens_the_browser_with_a_hint() {
    let mut session = Session::start("serach ugap");
    session.wait_for("the hint", |s| {
        s.alternate_screen()
            && s.contents().starts_with("❯ serach ugap")
            && s.contents().contains("did you mean \"partners search ugap\"?")
    });
    session.type_keys(&[0x03]);
    let (status, contents, screen) = session.finish();
    assert_eq!(status, 0);
    assert_restored(&contents, &screen);
}

#[test]
fn the_configuration_file_and_bracketed_paste() {
    let config = tempfile::tempdir().expect("a folder for the configuration");
    let file = "mouse = false\n[keys]\nhelp = [\"alt-x\"]\n";
    std::fs::write(config.path().join("config.toml"), file).expect("written");
    let mut session = Session::start(&format!("--home '{}'", config.path().display()));
    session.wait_for_browser();
    {
        let parser = session.parser.lock().expect("lock");
        assert!(parser.screen().bracketed_paste(), "bracketed paste on");
        let mode = parser.screen().mouse_protocol_mode();
        assert_eq!(mode, vt100::MouseProtocolMode::None, "mouse = false in the file");
    }
    session.wait_for("the user's help key in the hints", |s| s.contents().contains("Alt-x help"));
    // A pasted line break is a space in the query, not Enter.
    session.type_keys(b"\x1b[200~ugap\r\nfrance\x1b[201~");
    session.wait_for("the pasted query", |s| s.contents().contains("❯ ugap france"));
    session.type_keys(&[0x03]);
    let (status, contents, screen) = session.finish();
    assert_eq!(status, 0);
    assert_restored(&contents, &screen);
}

#[test]
fn a_bad_configuration_file_stops_the_browser_with_its_line() {
    let config = tempfile::tempdir().expect("a folder for the configuration");
    std::fs::write(config.path().join("config.toml"), "[keys]\nstarr = [\"x\"]\n")
        .expect("written");
    let session = Session::start(&format!("--home '{}'", config.path().display()));
    let (status, contents, _) = session.finish();
    assert_eq!(status, 2);
    assert!(contents.contains("config.toml:2:1: no action is called `starr`"), "{contents}");
}

#[test]
fn terminating_signals_restore_the_terminal() {
    for (signal, code) in [("TERM", 143), ("HUP", 129), ("INT", 130), ("QUIT", 131)] {
        let session = Session::start("");
        session.wait_for_browser();
        session.signal(signal);
        let (status, contents, screen) = session.finish();
        assert_eq!(status, code, "exit status after SIG{signal}");
        assert_restored(&contents, &screen);
    }
}

#[test]
fn a_note_being_written_is_saved_on_a_terminating_signal() {
    let mut session = Session::start("ugap");
    session.wait_for_browser();
    session.type_keys(b"\x1be"); // Alt-e, as Esc e
    session.wait_for("the note editor", |s| s.contents().contains("Note on UGAP"));
    session.type_keys("Rappeler Anne — catalogue".as_bytes());
    session.wait_for("the text typed", |s| s.contents().contains("catalogue"));
    let home = session.home.take().expect("a home");
    session.signal("TERM");
    let (status, contents, screen) = session.finish();
    assert_eq!(status, 143);
    assert_restored(&contents, &screen);
    let state = std::fs::read_to_string(home.path().join("state.ron")).expect("the note saved");
    assert!(state.contains("Rappeler Anne — catalogue"), "{state}");
}

/// A script stars a partner and writes its note while the browser is open on it: the browser
/// shows the star within a few seconds, and a note written in the browser meanwhile keeps the
/// script's text after its own, saying so.
#[test]
fn what_a_script_changes_reaches_an_open_browser_and_no_note_is_lost() {
    let mut session = Session::start("ugap");
    session.wait_for_browser();
    session.type_keys(b"\x1be"); // Alt-e, as Esc e
    session.wait_for("the note editor", |s| s.contents().contains("Note on UGAP"));
    session.type_keys(b"Stand B12");
    session.wait_for("the text typed", |s| s.contents().contains("Stand B12"));
    let home = session.home.as_ref().expect("a home").path().to_path_buf();
    let script = |args: &[&str]| {
        let done = Command::new(BIN).args(args).env("PARTNERS_HOME", &home).output();
        assert!(done.expect("partners runs").status.success(), "{args:?}");
    };
    script(&["star", "ugap"]);
    script(&["note", "ugap", "Written by the script"]);
    session.type_keys(b"\x13"); // Ctrl-S
    session.wait_for("the clash said", |s| s.contents().contains("both texts are kept"));
    let state = std::fs::read_to_string(home.join("state.ron")).expect("the state");
    assert!(state.contains("Stand B12\\n\\nWritten by the script"), "{state}");
    // A mark the script sets now reaches the browser without a save of its own.
    assert!(!session.parser.lock().expect("lock").screen().contents().contains("✓ met"));
    script(&["met", "ugap"]);
    session.wait_for("the met mark", |s| s.contents().contains("✓ met"));
    session.type_keys(b"\x03");
    let (status, contents, screen) = session.finish();
    assert_eq!(status, 0);
    assert_restored(&contents, &screen);
}

/// An idle browser looks at the state file about once a second; finding nothing new, it
/// sends the terminal nothing (no frame: tmux would mark the window active every second).
#[test]
fn an_idle_browser_sends_nothing() {
    let mut session = Session::start("ugap");
    session.wait_for_browser();
    let written = || session.written.load(std::sync::atomic::Ordering::Relaxed);
    let mut before = written();
    // Settled: nothing came for a while.
    loop {
        thread::sleep(Duration::from_millis(300));
        let now = written();
        if now == before {
            break;
        }
        before = now;
    }
    thread::sleep(Duration::from_millis(2500));
    assert_eq!(written(), before, "idle for 2.5 s, three looks at the state file");
    session.type_keys(b"\x03");
    let (status, contents, screen) = session.finish();
    assert_eq!(status, 0);
    assert_restored(&contents, &screen);
}

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
        session.type_keys(b"\x1be"); // Alt-e, as Esc e
        session.wait_for("the note editor", |s| s.contents().contains("Note on UGAP"));
        session.type_keys(b"Stand B12");
        session.wait_for("the text typed", |s| s.contents().contains("Stand B12"));
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
        session.type_keys(b"\x1be"); // Alt-e, as Esc e
        session.wait_for("the note editor", |s| s.contents().contains("Note on UGAP"));
        session.type_keys(b"Stand B12");
        session.wait_for("the text typed", |s| s.contents().contains("Stand B12"));
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
