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

    /// Opens the note editor on UGAP, the partner shown, with Alt-e (as Esc e) and types
    /// `typed`, waiting for the editor and then for `shown` to be on screen.
    fn write_note_on_ugap(&mut self, typed: &[u8], shown: &str) {
        self.type_keys(b"\x1be");
        self.wait_for("the note editor", |s| s.contents().contains("Note on UGAP"));
        self.type_keys(typed);
        self.wait_for("the text typed", |s| s.contents().contains(shown));
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
    session.write_note_on_ugap("Rappeler Anne — catalogue".as_bytes(), "catalogue");
    let home = session.home.take().expect("a home");
    session.signal("TERM");
    let (status, contents, screen) = session.finish();
    assert_eq!(status, 143);
    assert_restored(&contents, &screen);
    let state = std::fs::read_to_string(home.path().join("state.ron")).expect("the note saved");
    assert!(state.contains("Rappeler Anne — catalogue"), "{state}");
}

/// A note that cannot be saved as a signal ends the browser (another process holds the lock)
/// is not dropped without a word: it is kept in a new file beside `state.ron` (after a hangup,
/// standard error is a terminal that is gone), and once the terminal is restored, standard
/// error says why, where, and gives the text.
#[test]
fn a_note_that_cannot_be_saved_on_a_terminating_signal_is_kept_and_printed() {
    for (signal, code) in [("TERM", 143), ("HUP", 129)] {
        let mut session = Session::start("ugap");
        session.wait_for_browser();
        session.write_note_on_ugap(b"Call Anne back\rStand B12", "Stand B12");
        let home = session.home.take().expect("a home");
        let lock = std::fs::File::create(home.path().join("state.lock")).expect("the lock file");
        lock.lock().expect("holding the lock");
        session.signal(signal);
        let (status, contents, screen) = session.finish();
        drop(lock);
        assert_eq!(status, code);
        assert_restored(&contents, &screen);
        assert!(contents.contains("locked by another process"), "{signal}: {contents}");
        assert!(contents.contains("your note on ugap could not be saved"), "{contents}");
        assert!(contents.contains("Call Anne back\nStand B12"), "{signal}: {contents}");
        let kept: Vec<_> = std::fs::read_dir(home.path())
            .expect("the home")
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.to_string_lossy().contains("state.ron.unsaved-note-ugap-"))
            .collect();
        let [file] = kept.as_slice() else { panic!("{signal}: one file kept: {kept:?}") };
        let text = std::fs::read_to_string(file).expect("the file kept");
        assert_eq!(text, "Call Anne back\nStand B12", "{signal}");
        let said = contents.replace(['\r', '\n'], "");
        assert!(said.contains(&format!("it is kept in {}", file.display())), "{said}");
    }
}

/// A script stars a partner and writes its note while the browser is open on it: the browser
/// shows the star within a few seconds, and a note written in the browser meanwhile keeps the
/// script's text after its own, saying so.
#[test]
fn what_a_script_changes_reaches_an_open_browser_and_no_note_is_lost() {
    let mut session = Session::start("ugap");
    session.wait_for_browser();
    session.write_note_on_ugap(b"Stand B12", "Stand B12");
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

// Ctrl-Z, bg and fg, and signals while stopped.
#[path = "pty/job_control.rs"]
mod job_control;

// What is read from and printed to the terminal: datasets, plain mode, notes, warnings, search.
#[path = "pty/terminal_io.rs"]
mod terminal_io;
