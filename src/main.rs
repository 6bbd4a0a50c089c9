//! The `partners` binary: parses the command line, resolves paths, owns the terminal's
//! lifetime and the event loop's I/O, reports errors.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::Parser;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use partners::action::Action;
use partners::app::App;
use partners::cli::{self, Cli, Env};
use partners::store::Store;
use partners::ui::theme::Theme;

fn main() -> ExitCode {
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
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let theme = Theme::new(args.theme, color);
    let mut app = App::new(catalog, state, &args.query.join(" "));
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
    let result = event_loop(terminal, &theme, &mut app, store.as_mut());
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
    theme: &Theme,
    app: &mut App,
    mut store: Option<&mut Store>,
) -> anyhow::Result<()> {
    let size = terminal.size()?;
    app.update(Action::Resize { width: size.width, height: size.height });
    loop {
        terminal.draw(|frame| partners::ui::render(app, theme, frame))?;
        let event = crossterm::event::read()?;
        let Some(action) = partners::input::action(&event, app.key_state()) else { continue };
        let mut next = app.update(action);
        // Each effect's outcome goes back to update, which may ask for more.
        while let Some(effect) = next {
            let report =
                partners::effects::perform(effect, store.as_deref_mut(), &mut std::io::stdout());
            next = app.update(report);
        }
        if app.should_quit() {
            return Ok(());
        }
    }
}
