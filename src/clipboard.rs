//! Getting text to the clipboard, and knowing which way it went: a local clipboard program
//! when there is one (`wl-copy` under Wayland, `xclip` or `xsel` under X11, `pbcopy` on macOS),
//! else an OSC 52 request to the terminal, wrapped for tmux or screen when inside them and
//! kept within what terminals accept. Only `effects` calls it; nothing here decides what the
//! user is told.

use std::io::{self, Write as _};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine as _;

/// Longest OSC 52 payload (base64) sent: xterm's limit, which other terminals share or exceed.
pub const OSC52_MAX: usize = 74_994;

/// How long a clipboard program may take before it is given up on.
const PROGRAM_TIMEOUT: Duration = Duration::from_secs(2);

/// A terminal multiplexer that OSC 52 must pass through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Multiplexer {
    /// tmux (`$TMUX`).
    Tmux,
    /// GNU screen (`$STY`).
    Screen,
}

impl Multiplexer {
    /// Its name, as users know it.
    pub fn name(self) -> &'static str {
        match self {
            Multiplexer::Tmux => "tmux",
            Multiplexer::Screen => "screen",
        }
    }
}

/// Which way a copy went, for the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CopyWay {
    /// A clipboard program took it (its name): it is in the clipboard.
    Program(String),
    /// It was sent to the terminal as OSC 52, which may or may not pass it on.
    Terminal {
        /// The multiplexer it was wrapped for.
        via: Option<Multiplexer>,
        /// Whether the text was cut to fit [`OSC52_MAX`].
        cut: bool,
    },
}

/// What copying can use: where the terminal stands and which programs to try, in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Clipboard {
    /// The multiplexer the browser runs in, if any.
    pub multiplexer: Option<Multiplexer>,
    /// Clipboard programs to try, each a program and its arguments (no shell).
    pub programs: Vec<Vec<String>>,
}

impl Clipboard {
    /// What this process's environment offers.
    pub fn from_env() -> Clipboard {
        let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
        Clipboard::for_env(&set, cfg!(target_os = "macos"))
    }

    /// What an environment offers, `set` saying which variables are set (and not empty).
    pub fn for_env(set: &dyn Fn(&str) -> bool, macos: bool) -> Clipboard {
        let multiplexer = if set("TMUX") {
            Some(Multiplexer::Tmux)
        } else if set("STY") {
            Some(Multiplexer::Screen)
        } else {
            None
        };
        let command = |words: &[&str]| words.iter().map(|&w| w.to_owned()).collect::<Vec<_>>();
        let mut programs = Vec::new();
        if macos {
            programs.push(command(&["pbcopy"]));
        }
        if set("WAYLAND_DISPLAY") {
            programs.push(command(&["wl-copy"]));
        }
        if set("DISPLAY") {
            programs.push(command(&["xclip", "-selection", "clipboard"]));
            programs.push(command(&["xsel", "--clipboard", "--input"]));
        }
        Clipboard { multiplexer, programs }
    }

    /// Puts `text` on the clipboard: through the first program that takes it, else as OSC 52
    /// through `send` (`cut_note` ends a text cut to fit). Errs only when the terminal could
    /// not be written to.
    pub fn copy(
        &self,
        text: &str,
        cut_note: &str,
        send: &mut dyn FnMut(&str) -> io::Result<()>,
    ) -> io::Result<CopyWay> {
        for command in &self.programs {
            if run(command, text, PROGRAM_TIMEOUT).is_ok() {
                let name = command.first().map_or("", String::as_str);
                let name = std::path::Path::new(name)
                    .file_name()
                    .map_or_else(|| name.to_owned(), |n| n.to_string_lossy().into_owned());
                return Ok(CopyWay::Program(name));
            }
        }
        let (sequence, cut) = osc52(text, cut_note, self.multiplexer);
        send(&sequence)?;
        Ok(CopyWay::Terminal { via: self.multiplexer, cut })
    }
}

/// `text` as an OSC 52 request (cut, ending with `cut_note`, when its base64 would pass
/// [`OSC52_MAX`]), wrapped for `multiplexer`; and whether it was cut.
pub fn osc52(text: &str, cut_note: &str, multiplexer: Option<Multiplexer>) -> (String, bool) {
    let engine = base64::engine::general_purpose::STANDARD;
    let room = OSC52_MAX / 4 * 3;
    let (payload, cut) = if text.len().div_ceil(3) * 4 <= OSC52_MAX {
        (engine.encode(text), false)
    } else {
        let keep = room.saturating_sub(cut_note.len() + 1);
        let mut end = keep.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        (engine.encode(format!("{}\n{cut_note}", &text[..end])), true)
    };
    let sequence = match multiplexer {
        None => format!("\x1b]52;c;{payload}\x07"),
        // tmux passes a DCS on to the outer terminal, its ESCs doubled.
        Some(Multiplexer::Tmux) => format!("\x1bPtmux;\x1b\x1b]52;c;{payload}\x07\x1b\\"),
        // screen cuts a DCS at 768 bytes: the payload goes in pieces, each its own DCS.
        Some(Multiplexer::Screen) => {
            let pieces: Vec<&str> = payload
                .as_bytes()
                .chunks(76)
                .map(|c| std::str::from_utf8(c).unwrap_or_default())
                .collect();
            format!("\x1bP\x1b]52;c;{}\x07\x1b\\", pieces.join("\x1b\\\x1bP"))
        }
    };
    (sequence, cut)
}

/// Runs `command` (no shell) with `text` on its standard input and its output discarded;
/// Ok when it exits successfully within `timeout`.
fn run(command: &[String], text: &str, timeout: Duration) -> io::Result<()> {
    let (program, args) =
        command.split_first().ok_or_else(|| io::Error::other("empty clipboard command"))?;
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    // Written from another thread: a program that does not read must not block the browser
    // past the timeout (killing it closes the pipe and ends the writer).
    let writer = child.stdin.take().map(|mut stdin| {
        let text = text.to_owned();
        std::thread::spawn(move || stdin.write_all(text.as_bytes()))
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if started.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            return Err(io::Error::new(io::ErrorKind::TimedOut, format!("{program} timed out")));
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let written = writer
        .map_or(Ok(()), |w| w.join().unwrap_or_else(|_| Err(io::Error::other("writer panicked"))));
    if !status.success() {
        return Err(io::Error::other(format!("{program} failed: {status}")));
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(payload: &str) -> String {
        let bytes = base64::engine::general_purpose::STANDARD.decode(payload).expect("base64");
        String::from_utf8(bytes).expect("utf-8")
    }

    #[test]
    fn plain_tmux_and_screen_sequences() {
        let (plain, cut) = osc52("é card", "", None);
        assert!(!cut);
        let payload = plain.strip_prefix("\x1b]52;c;").and_then(|s| s.strip_suffix('\x07'));
        assert_eq!(decode(payload.expect("ESC ] 52 ; c ; … BEL")), "é card");
        let (tmux, _) = osc52("é card", "", Some(Multiplexer::Tmux));
        let inner = tmux
            .strip_prefix("\x1bPtmux;\x1b\x1b]52;c;")
            .and_then(|s| s.strip_suffix("\x07\x1b\\"));
        assert_eq!(decode(inner.expect("a tmux DCS")), "é card");
        let long = "x".repeat(300);
        let (screen, _) = osc52(&long, "", Some(Multiplexer::Screen));
        let inner =
            screen.strip_prefix("\x1bP\x1b]52;c;").and_then(|s| s.strip_suffix("\x07\x1b\\"));
        let pieces: Vec<&str> = inner.expect("screen DCSs").split("\x1b\\\x1bP").collect();
        assert!(pieces.len() > 1 && pieces.iter().all(|p| p.len() <= 76));
        assert_eq!(decode(&pieces.concat()), long);
    }

    #[test]
    fn a_long_text_is_cut_to_fit_with_a_note() {
        let long = "é".repeat(60_000);
        let (sequence, cut) = osc52(&long, "[cut]", None);
        assert!(cut);
        let payload = &sequence[7..sequence.len() - 1];
        assert!(payload.len() <= OSC52_MAX, "{}", payload.len());
        let text = decode(payload);
        assert!(text.starts_with("éé") && text.ends_with("\n[cut]"));
        let (_, cut) = osc52(&"a".repeat(56_244), "[cut]", None);
        assert!(!cut, "exactly at the limit");
        let (_, cut) = osc52(&"a".repeat(56_245), "[cut]", None);
        assert!(cut);
    }

    #[test]
    fn programs_follow_the_environment() {
        let env = |vars: &'static [&'static str]| move |name: &str| vars.contains(&name);
        let none = Clipboard::for_env(&env(&[]), false);
        assert_eq!(none, Clipboard::default());
        let wayland = Clipboard::for_env(&env(&["WAYLAND_DISPLAY", "TMUX"]), false);
        assert_eq!(wayland.programs, vec![vec!["wl-copy".to_owned()]]);
        assert_eq!(wayland.multiplexer, Some(Multiplexer::Tmux));
        let x11 = Clipboard::for_env(&env(&["DISPLAY", "STY"]), false);
        assert_eq!(x11.programs[0], ["xclip", "-selection", "clipboard"]);
        assert_eq!(x11.programs[1], ["xsel", "--clipboard", "--input"]);
        assert_eq!(x11.multiplexer, Some(Multiplexer::Screen));
        let mac = Clipboard::for_env(&env(&[]), true);
        assert_eq!(mac.programs, vec![vec!["pbcopy".to_owned()]]);
    }
}
