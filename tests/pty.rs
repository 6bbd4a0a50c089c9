//! The real binary in a real pseudo-terminal: type, read the screen through a terminal
//! emulator, quit, and check that the terminal was given back as it was found. And without a
//! terminal, the browser refuses politely.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const BIN: &str = env!("CARGO_BIN_EXE_partners");
const ROWS: u16 = 30;
const COLUMNS: u16 = 100;
const PATIENCE: Duration = Duration::from_secs(10);

/// Polls `done` on the emulated screen until it holds or [`PATIENCE`] runs out.
fn wait_for(parser: &Mutex<vt100::Parser>, what: &str, done: impl Fn(&vt100::Screen) -> bool) {
    let start = Instant::now();
    loop {
        {
            let parser = parser.lock().expect("the reader thread never panics holding the lock");
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

#[test]
fn browser_in_a_pseudo_terminal_restores_the_terminal() {
    let home = tempfile::tempdir().expect("a temporary home");
    let pty = native_pty_system()
        .openpty(PtySize { rows: ROWS, cols: COLUMNS, pixel_width: 0, pixel_height: 0 })
        .expect("opening a pseudo-terminal");
    let mut command = CommandBuilder::new(BIN);
    command.env("PARTNERS_HOME", home.path());
    command.env("TERM", "xterm-256color");
    command.env_remove("NO_COLOR");
    command.cwd(home.path());
    let mut child = pty.slave.spawn_command(command).expect("starting partners");
    // Only the child holds the terminal's other end now: the reader sees the end when it exits.
    drop(pty.slave);

    let size = |n| NonZeroU16::new(n).expect("a terminal is at least 1x1");
    let parser = Arc::new(Mutex::new(vt100::Parser::new(size(ROWS), size(COLUMNS), 0)));
    let mut reader = pty.master.try_clone_reader().expect("a reader on the terminal");
    let (finished, reader_done) = mpsc::channel();
    let feed = Arc::clone(&parser);
    thread::spawn(move || {
        let mut buffer = [0u8; 8192];
        // Linux reports EIO once the child has gone; either way the output has ended.
        while let Ok(n @ 1..) = reader.read(&mut buffer) {
            feed.lock().expect("the test never panics holding the lock").process(&buffer[..n]);
        }
        let _ = finished.send(());
    });
    let mut writer = pty.master.take_writer().expect("a writer to the terminal");

    wait_for(&parser, "the first screen", |s| {
        s.alternate_screen() && s.contents().contains("Partners")
    });
    {
        let parser = parser.lock().expect("lock");
        let screen = parser.screen();
        assert!(screen.mouse_protocol_mode() != vt100::MouseProtocolMode::None, "mouse captured");
    }

    writer.write_all(b"ugap").expect("typing");
    writer.flush().expect("typing");
    wait_for(&parser, "UGAP in the detail", |s| {
        let rows: Vec<String> = s.rows(0, COLUMNS).collect();
        rows.first().is_some_and(|r| r.starts_with("❯ ugap"))
            && rows.get(1).is_some_and(|r| r.contains("┌ UGAP "))
            && s.contents().contains("Public body · National · France")
    });

    writer.write_all(&[0x03]).expect("pressing Ctrl-C");
    writer.flush().expect("pressing Ctrl-C");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("polling the child") {
            break status;
        }
        if start.elapsed() > PATIENCE {
            let _ = child.kill();
            panic!(
                "partners did not quit on Ctrl-C:\n{}",
                parser.lock().expect("lock").screen().contents()
            );
        }
        thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "exit status {status:?}");
    reader_done.recv_timeout(PATIENCE).expect("the output ends after the exit");

    let parser = parser.lock().expect("lock");
    let screen = parser.screen();
    assert!(!screen.alternate_screen(), "back on the main screen");
    assert!(!screen.hide_cursor(), "the cursor is visible");
    assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None, "mouse reporting off");
    assert!(!screen.contents().contains("Public body"), "the browser's screen is gone");
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
