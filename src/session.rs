//! The browser's terminal session: raw mode, the alternate screen, bracketed paste and mouse
//! capture, turned on at the start and off on every way out (quit, error, panic, a terminating
//! signal), off while suspended (Ctrl-Z, `kill -TSTP`) and on again after `fg`; and the event
//! loop that feeds events and signals to the app and carries its effects out. A browser
//! stopped by Ctrl-Z, then continued in the background by a terminating signal (`kill %1`),
//! leaves the terminal alone: changing its modes there would stop it again (SIGTTOU) before it
//! could save and end. After `bg` it draws nothing and reads no key until `fg`: a read from
//! the background would stop it (SIGTTIN) at the first key typed at the shell, and `kill %1`
//! would then wait for `fg`.

use std::cell::Cell;
use std::io::{self, BufWriter, IsTerminal as _, Stdout, Write};
use std::os::fd::AsFd;
use std::os::unix::net::UnixStream;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
};
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use crate::action::{Action, Effect};
use crate::app::App;
use crate::background::{Loader, SearchWorker};
use crate::effects;
use crate::store::Store;
use crate::ui::theme::Theme;

/// How long the loop waits for a key before it looks at the signals again.
const TICK: Duration = Duration::from_millis(50);
/// How long it waits while the dataset loads (its progress is looked for; found results
/// wake the loop themselves).
const SHORT_TICK: Duration = Duration::from_millis(2);

/// How often an idle browser looks whether another process changed the marks or notes.
const IDLE: Duration = Duration::from_secs(1);

/// Bytes of a frame gathered before they are written: a frame goes out in one write, or a
/// few for a full redraw of a very large terminal.
const FRAME_BUFFER: usize = 1 << 18;

/// How the session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// A terminating signal (its number) ended it, after the note being written was saved.
    Signal(i32),
}

impl Ending {
    /// The process's exit status: 0, or 128 + the signal (130 for Ctrl-C from outside).
    pub fn exit_code(self) -> u8 {
        match self {
            Ending::Quit => 0,
            Ending::Signal(signal) => u8::try_from(128 + signal).unwrap_or(1),
        }
    }
}

/// The terminal modes the browser turns on.
#[derive(Debug, Clone, Copy)]
struct Modes {
    mouse: bool,
}

impl Modes {
    fn enter(self) -> io::Result<()> {
        // The theme honours NO_COLOR itself (monochrome, no colour at all); crossterm's own
        // check would also drop the QR code's black on white, which is what makes it scan on a
        // dark terminal.
        crossterm::style::force_color_output(true);
        enable_raw_mode()?;
        execute!(io::stdout(), EnterAlternateScreen, cursor::Hide)?;
        // Bracketed paste: a pasted text arrives whole, not as keys (a newline in it is not
        // Enter). Optional: the legacy Windows console has no such mode, and typing still works.
        let _ = execute!(io::stdout(), EnableBracketedPaste);
        if self.mouse {
            execute!(io::stdout(), EnableMouseCapture)?;
        }
        Ok(())
    }

    /// Mouse capture off, main screen, raw mode off, cursor shown. Safe to call more than
    /// once, and when the terminal is gone. Does nothing in the background, where the
    /// terminal is another program's (and where changing its modes would stop the process).
    fn leave(self) {
        let mut out = io::stdout();
        if !in_foreground(&out) {
            return;
        }
        if self.mouse {
            let _ = execute!(out, DisableMouseCapture);
        }
        let _ = execute!(out, DisableBracketedPaste, LeaveAlternateScreen, cursor::Show);
        let _ = disable_raw_mode();
        let _ = out.flush();
    }
}

/// The terminal as the effects see it.
struct Screen {
    terminal: Terminal<CrosstermBackend<BufWriter<Stdout>>>,
    modes: Modes,
    /// The modes are off and nothing is drawn: suspended, then continued in the background.
    away: bool,
}

impl effects::Terminal for Screen {
    fn send(&mut self, sequence: &str) -> io::Result<()> {
        let out = self.terminal.backend_mut();
        out.write_all(sequence.as_bytes())?;
        out.flush()
    }

    fn suspend(&mut self) -> io::Result<(u16, u16)> {
        self.modes.leave();
        self.away = true;
        // Stops here, as the default action of SIGTSTP would, until SIGCONT.
        signal_hook::low_level::emulate_default_handler(SIGTSTP)?;
        self.resume()
    }
}

impl Screen {
    /// Turns the modes on again and redraws everything, if the process is in the foreground
    /// (`fg`); in the background it stays away from the terminal. Returns the terminal's size.
    fn resume(&mut self) -> io::Result<(u16, u16)> {
        if !in_foreground(io::stdout()) {
            // Continued by `bg`, or by `kill %1` whose SIGTERM the loop is about to see.
            self.away = true;
            let size = self.terminal.size()?;
            return Ok((size.width, size.height));
        }
        self.away = false;
        self.modes.enter()?;
        // Clear without `Terminal::clear`, which asks the terminal where the cursor is; then
        // forget the last frame, so the next one is drawn whole.
        execute!(self.terminal.backend_mut(), Clear(ClearType::All))?;
        self.terminal.swap_buffers();
        let size = self.terminal.size()?;
        Ok((size.width, size.height))
    }
}

/// Runs the browser until the user quits or a signal ends it; `loader`, when the partners
/// are loading in the background, brings them. The terminal is given back however it ends.
pub fn run(
    app: &mut App,
    theme: &Theme,
    store: Option<&mut Store>,
    mouse: bool,
    loader: Option<Loader>,
) -> anyhow::Result<Ending> {
    let modes = Modes { mouse };
    let signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT])
        .context("listening for signals")?;
    let handle = signals.handle();
    let (sender, received) = mpsc::channel();
    let mut signals = signals;
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if sender.send(signal).is_err() {
                break;
            }
        }
    });
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        modes.leave();
        hook(info);
    }));
    let result = modes
        .enter()
        // Not stdout's own 1 KiB line buffer: a frame would go out in many writes.
        .and_then(|()| {
            Terminal::new(CrosstermBackend::new(BufWriter::with_capacity(
                FRAME_BUFFER,
                io::stdout(),
            )))
        })
        .context("setting up the terminal")
        .and_then(|terminal| {
            let mut screen = Screen { terminal, modes, away: false };
            let background = Background { loader, searches: None };
            event_loop(&mut screen, theme, app, store, &received, background)
        });
    modes.leave();
    handle.close();
    result
}

/// Draws `app`. `flags`: where the frame on screen has flags, the column after each written
/// again when they go (see [`crate::ui::flags`]); then where the new frame has them.
fn draw(
    screen: &mut Screen,
    app: &App,
    theme: &Theme,
    flags: &mut Vec<ratatui::layout::Position>,
) -> io::Result<()> {
    let frame = screen.terminal.draw(|frame| {
        crate::ui::render(app, theme, frame);
        crate::ui::flags::rewrite_after(flags, frame.buffer_mut());
    })?;
    *flags = crate::ui::flags::flags(frame.buffer);
    Ok(())
}

fn event_loop(
    screen: &mut Screen,
    theme: &Theme,
    app: &mut App,
    mut store: Option<&mut Store>,
    signals: &Receiver<i32>,
    mut background: Background,
) -> anyhow::Result<Ending> {
    let keys = Keys::start();
    let mut held = crate::input::Held::default();
    // Performs an action and what it leads to; says whether the screen may have changed (an
    // idle look at the state file that found nothing new changes nothing: no frame is sent).
    let mut perform = |app: &mut App, action: Action, screen: &mut Screen, bg: &mut Background| {
        let mut unchanged = matches!(action, Action::Idle);
        let mut next = app.update(action);
        // Each effect's outcome goes back to update, which may ask for more.
        while let Some(effect) = next {
            next = match effect {
                // Its results come back later, as an action of their own.
                Effect::Search(request) => {
                    bg.searches
                        .get_or_insert_with(|| SearchWorker::start(keys.waker()))
                        .ask(request);
                    None
                }
                effect => {
                    let report = effects::perform(effect, store.as_deref_mut(), screen);
                    unchanged &= matches!(report, Action::Reread(None));
                    app.update(report)
                }
            };
        }
        !unchanged
    };
    let size = screen.terminal.size()?;
    // Performed, not only updated: a large catalog loaded before the session asks for its
    // first search here, and a search never asked for is never answered.
    perform(
        app,
        Action::Resize { width: size.width, height: size.height },
        screen,
        &mut background,
    );
    let mut last_idle = Instant::now();
    let mut changed = true;
    let mut flags = Vec::new();
    loop {
        if changed
            && !screen.away
            && let Err(e) = draw(screen, app, theme, &mut flags)
        {
            perform(app, Action::Terminate, screen, &mut background);
            return ended_by(e);
        }
        let action = loop {
            let back = match signals.try_recv().ok() {
                Some(SIGTSTP) => break Action::Suspend,
                Some(SIGCONT) => true,
                Some(signal) => {
                    // The terminal may be gone (SIGHUP): save first, draw nothing.
                    perform(app, Action::Terminate, screen, &mut background);
                    return Ok(Ending::Signal(signal));
                }
                // `fg` gives the terminal to a job running in the background, and no SIGCONT.
                None => screen.away && in_foreground(io::stdout()),
            };
            if back {
                match screen.resume() {
                    Ok((width, height)) => break Action::Resize { width, height },
                    Err(e) => {
                        perform(app, Action::Terminate, screen, &mut background);
                        return ended_by(e);
                    }
                }
            }
            if let Some(action) = background.next_action()? {
                break action;
            }
            // Found results wake the loop; loading reports are looked for often (the shared
            // names, which come seconds later, at every tick).
            let tick = if background.loader.as_ref().is_some_and(Loader::running) {
                SHORT_TICK
            } else {
                TICK
            };
            match keys.next(tick) {
                Ok(Some(event)) => {
                    if let Some(action) = held.offer(event, app.key_state(), app.coming()) {
                        break action;
                    }
                }
                // Gone without a SIGHUP (or before it comes): end as a SIGHUP would.
                Ok(None) if !keys.terminal_there() => {
                    perform(app, Action::Terminate, screen, &mut background);
                    return Ok(Ending::Signal(SIGHUP));
                }
                Ok(None) if last_idle.elapsed() >= IDLE => {
                    last_idle = Instant::now();
                    break Action::Idle;
                }
                Ok(None) => {}
                Err(e) => {
                    perform(app, Action::Terminate, screen, &mut background);
                    return ended_by(e);
                }
            }
        };
        changed = perform(app, action, screen, &mut background);
        // Keys that waited for the results just shown are done now, in order.
        while !app.should_quit()
            && let Some(action) = held.next(app.key_state(), app.coming())
        {
            changed |= perform(app, action, screen, &mut background);
        }
        if app.should_quit() {
            return Ok(Ending::Quit);
        }
    }
}

/// How a session whose terminal failed ends (the note being written saved already): as a
/// SIGHUP would when the terminal hung up, else with the error.
fn ended_by(e: io::Error) -> anyhow::Result<Ending> {
    if terminal_there() {
        Err(anyhow::Error::from(e).context("using the terminal"))
    } else {
        Ok(Ending::Signal(SIGHUP))
    }
}

/// Whether this process may use the terminal `stream` is (if it is one) without being stopped:
/// it is in the terminal's foreground process group, or the terminal is not its controlling
/// one (no job control there). Not a terminal that hung up: there is nothing to restore.
pub fn in_foreground(stream: impl AsFd) -> bool {
    match rustix::termios::tcgetpgrp(stream) {
        Ok(group) => group == rustix::process::getpgrp(),
        Err(e) => e == rustix::io::Errno::NOTTY,
    }
}

/// Whether writing to `stream` now would not stop this process: in the foreground (see
/// [`in_foreground`]), or in the background of a terminal that lets background jobs write
/// (`stty -tostop`, the default), as a shell's background jobs print there. With `stty
/// tostop` a write from the background would stop the process (SIGTTOU) until `fg`.
pub fn may_write(stream: impl AsFd) -> bool {
    in_foreground(&stream)
        || rustix::termios::tcgetattr(&stream)
            .is_ok_and(|modes| !modes.local_modes.contains(rustix::termios::LocalModes::TOSTOP))
}

/// Whether the terminal is still there: a hung-up terminal fails every request, so it is no
/// terminal any more to `isatty` (crossterm's `size` would fall back on `tput` and say yes).
fn terminal_there() -> bool {
    io::stdout().is_terminal()
}

/// The loading and search threads the loop listens to.
struct Background {
    loader: Option<Loader>,
    searches: Option<SearchWorker>,
}

impl Background {
    /// A report from a thread, if one is waiting; a dataset that could not load ends the
    /// session with its error.
    fn next_action(&mut self) -> anyhow::Result<Option<Action>> {
        if let Some(loader) = &mut self.loader {
            match loader.try_next() {
                Some(Ok(action)) => return Ok(Some(action)),
                Some(Err(e)) => return Err(e.into()),
                None if loader.done() => self.loader = None,
                None => {}
            }
        }
        match &mut self.searches {
            Some(searches) => Ok(searches.try_next()?),
            None => Ok(None),
        }
    }
}

/// Terminal events, read on a thread of their own: once the terminal is gone, crossterm's
/// reader spins on end of file and never returns, even from `poll` with a timeout
/// (crossterm-rs/crossterm#793), so the loop must never wait in it. It waits on this
/// channel instead, and still sees signals and notices a terminal that has gone.
struct Keys {
    /// An event, or `None`: a background thread has something for the loop.
    events: Receiver<Option<io::Result<Event>>>,
    wakes: Sender<Option<io::Result<Event>>>,
    /// When the terminal was last seen to be there.
    seen: Cell<Instant>,
}

/// Sends the loop an error if dropped while its thread panics.
struct TellIfPanicking(Sender<Option<io::Result<Event>>>);

impl Drop for TellIfPanicking {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let _ = self.0.send(Some(Err(io::Error::other("the key reader failed"))));
        }
    }
}

/// How often an idle loop checks that the terminal is still there.
const STILL_THERE: Duration = Duration::from_millis(500);

/// How long the first frame waits at most for the key reader to listen for resizes.
const READER_START: Duration = Duration::from_secs(1);

impl Keys {
    fn start() -> Keys {
        let (sender, events) = mpsc::channel();
        let wakes = sender.clone();
        let (listening, started) = mpsc::channel();
        std::thread::spawn(move || {
            // The loop holds a sender too, so it would not see this thread die: a panic
            // here tells it, as a failed read would.
            let _told = TellIfPanicking(sender.clone());
            // Tests make the reader late, as a loaded machine may, to see that a resize made
            // before it listens is drawn all the same.
            #[cfg(debug_assertions)]
            if let Some(late) = std::env::var("PARTNERS_TEST_LATE_KEY_READER_MS")
                .ok()
                .and_then(|ms| ms.parse().ok())
            {
                std::thread::sleep(Duration::from_millis(late));
            }
            let started = || {
                let _ = listening.send(());
            };
            read_keys(&KeyTerminal::open(), started, |event| sender.send(Some(event)).is_ok());
        });
        // A resize before the reader listens for it would go unseen until the next key; the
        // first frame waits for it (well under a millisecond), or for a reader that never starts.
        let _ = started.recv_timeout(READER_START);
        Keys { events, wakes, seen: Cell::new(Instant::now()) }
    }

    /// What a background thread calls to end the loop's wait at once.
    fn waker(&self) -> impl Fn() + Send + 'static {
        let wakes = self.wakes.clone();
        move || {
            let _ = wakes.send(None);
        }
    }

    /// The next event, if one came within `tick`.
    fn next(&self, tick: Duration) -> io::Result<Option<Event>> {
        match self.events.recv_timeout(tick) {
            Ok(Some(event)) => event.map(Some),
            // Woken by a background thread, or nothing came.
            Ok(None) | Err(RecvTimeoutError::Timeout) => Ok(None),
            Err(RecvTimeoutError::Disconnected) => {
                Err(io::Error::new(io::ErrorKind::UnexpectedEof, "the terminal is gone"))
            }
        }
    }

    /// Whether the terminal is still there, asked at most every [`STILL_THERE`].
    fn terminal_there(&self) -> bool {
        if self.seen.get().elapsed() < STILL_THERE {
            return true;
        }
        let there = terminal_there();
        if there {
            self.seen.set(Instant::now());
        }
        there
    }
}

/// The terminal the keys come from, as crossterm reads them: standard input when it is a
/// terminal, else the process's terminal (a dataset piped in with `--data -`); none when
/// there is neither, where crossterm fails on the first read as it did before.
enum KeyTerminal {
    Stdin(io::Stdin),
    Device(std::fs::File),
    None,
}

impl KeyTerminal {
    fn open() -> KeyTerminal {
        let stdin = io::stdin();
        if stdin.is_terminal() {
            return KeyTerminal::Stdin(stdin);
        }
        std::fs::File::open("/dev/tty").map_or(KeyTerminal::None, KeyTerminal::Device)
    }

    /// Whether reading the terminal now would not stop the process (see [`in_foreground`]).
    fn readable_here(&self) -> bool {
        match self {
            KeyTerminal::Stdin(stdin) => in_foreground(stdin),
            KeyTerminal::Device(file) => in_foreground(file),
            KeyTerminal::None => true,
        }
    }

    /// Waits at most `tick` for the terminal to have input or to be resized (`resized`, if
    /// there is one, becomes readable), reading nothing from it. Says whether it has input.
    fn wait(&self, resized: Option<&UnixStream>, tick: Duration) -> bool {
        use rustix::event::{PollFd, PollFlags, Timespec, poll};
        let timeout = Timespec::try_from(tick).ok();
        let mut watched = Vec::with_capacity(2);
        match self {
            KeyTerminal::Stdin(stdin) => watched.push(PollFd::new(stdin, PollFlags::IN)),
            KeyTerminal::Device(file) => watched.push(PollFd::new(file, PollFlags::IN)),
            KeyTerminal::None => {}
        }
        let terminal = watched.len();
        watched.extend(resized.map(|resized| PollFd::new(resized, PollFlags::IN)));
        // Interrupted or failed: the caller looks again.
        let _ = poll(&mut watched, timeout.as_ref());
        let input = watched.iter().take(terminal).any(|fd| !fd.revents().is_empty());
        if let Some(mut resized) = resized {
            // Each resize wrote a byte; crossterm reports the resize itself.
            let mut drained = [0u8; 64];
            while matches!(io::Read::read(&mut resized, &mut drained), Ok(1..)) {}
        }
        input
    }
}

/// A socket SIGWINCH writes to, so that the key reader's wait ends at once on a resize.
fn resize_alarm() -> io::Result<(UnixStream, signal_hook::SigId)> {
    let (reader, writer) = UnixStream::pair()?;
    reader.set_nonblocking(true)?;
    let id = signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, writer)?;
    Ok((reader, id))
}

/// Reads the terminal's events and gives each to `send` (false once nobody listens), until
/// a read fails. Never while the process is in the background: reading the terminal there
/// stops the process (SIGTTIN) until `fg`, where a terminating signal (`kill %1`) cannot end
/// it; so crossterm, which reads the terminal whenever it is asked for an event, is asked
/// only in the foreground, and only once the terminal has something to read.
fn read_keys(
    terminal: &KeyTerminal,
    started: impl FnOnce(),
    send: impl Fn(io::Result<Event>) -> bool,
) {
    // Without it a resize is seen at the next tick.
    let alarm = resize_alarm().ok();
    let resized = alarm.as_ref().map(|(resized, _)| resized);
    // crossterm listens for resizes from its first poll on.
    if terminal.readable_here() {
        let _ = crossterm::event::poll(Duration::ZERO);
    }
    started();
    // The next event if it was read with the one before (crossterm queues them).
    let ready = || {
        let queued =
            terminal.readable_here() && crossterm::event::poll(Duration::ZERO).unwrap_or(false);
        queued.then(|| crossterm::event::read().ok()).flatten()
    };
    // The terminal has input crossterm has not taken: crossterm is waited for instead, once.
    // (Its wait ends on new input only: what it left unread after a full buffer would have
    // this loop spin until more comes.)
    let mut unread = false;
    loop {
        if !terminal.readable_here() {
            // In the background: `fg` gives the terminal back without a signal.
            std::thread::sleep(TICK);
            continue;
        }
        let event = match crossterm::event::poll(if unread { TICK } else { Duration::ZERO }) {
            Ok(true) => crossterm::event::read(),
            Ok(false) => {
                unread = !unread && terminal.wait(resized, TICK);
                continue;
            }
            Err(e) => Err(e),
        };
        unread = false;
        let events = match event {
            Ok(read) => crate::input::as_sent(read, ready),
            Err(e) => {
                send(Err(e));
                break;
            }
        };
        if !events.into_iter().map(Ok).all(&send) {
            break;
        }
    }
    if let Some((_, id)) = alarm {
        signal_hook::low_level::unregister(id);
    }
}
