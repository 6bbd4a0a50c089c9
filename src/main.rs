//! The `partners` binary: parses the command line, resolves paths, owns the terminal's
//! lifetime and the event loop's I/O, reports errors.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::Parser;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use partners::action::Effect;
use partners::app::{App, Options};
use partners::cli::{self, Cli, Env};
use partners::store::{Change, State, Store};

fn main() -> ExitCode {
    partners::completions::complete_if_asked();
    let args = Cli::parse();
    match run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("partners: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Cli) -> anyhow::Result<ExitCode> {
    let home = Store::resolve_home(args.home.as_deref())?;
    let datasets = Store::resolve_datasets(args.home.as_deref());
    if let Some(command) = args.command {
        let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
        let tty = std::io::stdout().is_terminal();
        let mut env = Env { out: &mut out, err: &mut err, tty, home, data: args.data, datasets };
        return cli::run(command, &mut env);
    }
    if partners::plain::wanted(args.plain, std::env::var("TERM").ok().as_deref()) {
        let datasets = datasets.as_deref();
        return partners::plain::start(&args.data, datasets, &home, &args.query.join(" "));
    }
    cli::require_terminal()?;
    let catalog = cli::load_catalog(&args.data, datasets.as_deref())?;
    let mut warnings: Vec<String> =
        catalog.warnings().iter().map(|w| format!("skipped a dataset: {w}")).collect();
    let mut store = match Store::open(&home) {
        Ok(store) => Some(store),
        Err(e) => {
            warnings.push(format!("your marks and notes cannot be saved: {e}"));
            None
        }
    };
    if let Some(store) = &store {
        warnings.extend(store.warnings().iter().cloned());
    }
    let state = store.as_ref().map(|s| s.state().clone()).unwrap_or_default();
    let options = Options {
        theme: args.theme,
        color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    let mut app = App::new(catalog, state, &args.query.join(" "), options);
    if !warnings.is_empty() {
        app.set_status(warnings.join(" · "), true);
    }

    let mouse = !args.no_mouse;
    let terminal = match enter(mouse) {
        Ok(terminal) => terminal,
        Err(e) => {
            // Raw mode or the alternate screen may already be on.
            leave(mouse);
            return Err(e).context("setting up the terminal");
        }
    };
    let result = event_loop(terminal, &mut app, store.as_mut());
    leave(mouse);
    result?;
    Ok(ExitCode::SUCCESS)
}

/// Raw mode, alternate screen, mouse capture; and a panic hook that undoes all three before
/// the panic message prints.
fn enter(mouse: bool) -> std::io::Result<ratatui::DefaultTerminal> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave(mouse);
        hook(info);
    }));
    let terminal = ratatui::try_init()?;
    if mouse {
        execute!(std::io::stdout(), EnableMouseCapture)?;
    }
    Ok(terminal)
}

/// Restores the terminal: mouse capture off, raw mode off, main screen, cursor visible.
/// Safe to call more than once.
fn leave(mouse: bool) {
    if mouse {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    let _ = execute!(std::io::stdout(), crossterm::cursor::Show);
}

fn event_loop(
    mut terminal: ratatui::DefaultTerminal,
    app: &mut App,
    mut store: Option<&mut Store>,
) -> anyhow::Result<()> {
    let size = terminal.size()?;
    app.update(partners::action::Action::Resize { width: size.width, height: size.height });
    loop {
        terminal.draw(|frame| partners::ui::render(app, frame))?;
        let event = crossterm::event::read()?;
        let Some(action) = partners::input::action(&event, app) else { continue };
        if let Some(effect) = app.update(action) {
            perform(effect, app, store.as_deref_mut());
        }
        if app.should_quit() {
            return Ok(());
        }
    }
}

/// Carries out what an action asked for; failures are shown, never fatal.
fn perform(effect: Effect, app: &mut App, store: Option<&mut Store>) {
    match effect {
        Effect::Save(change) => match store {
            Some(store) => {
                let warned = store.warnings().len();
                let note = match &change {
                    Change::Note { id, text } => Some((id.clone(), text.clone())),
                    _ => None,
                };
                let result = store.apply(change);
                let state: State = store.state().clone();
                app.sync_state(state);
                if let Err(e) = result {
                    // A note that could not be saved goes back into the editor, not away.
                    if let Some((id, text)) = note {
                        app.reopen_note(&id, text.as_deref().unwrap_or(""));
                    }
                    app.set_status(format!("Not saved: {e}"), true);
                } else if let Some(warning) =
                    store.warnings().get(warned..).and_then(<[String]>::last)
                {
                    app.set_status(warning.clone(), true);
                }
            }
            None => app.set_status("Not saved: your data folder could not be opened", true),
        },
        Effect::Copy(text) => {
            let mut out = std::io::stdout();
            let _ = out.write_all(partners::output::osc52(&text).as_bytes());
            let _ = out.flush();
        }
    }
}
