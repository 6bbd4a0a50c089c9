//! The `partners` binary: parses the command line, resolves paths, starts the browser's
//! terminal session (`partners::session`) or a subcommand, reports errors.

use std::io::{IsTerminal, Write as _};
use std::process::ExitCode;

use clap::Parser;
use partners::app::App;
use partners::cli::{self, Cli, Env};
use partners::config::{self, Config};
use partners::session;
use partners::store::Store;
use partners::ui::theme::Theme;

fn main() -> ExitCode {
    let args = Cli::parse();
    match run(args) {
        Ok(code) => code,
        // The reader of our output has gone (`partners list | head`): nothing left to say.
        Err(e) if cli::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            // Not eprintln!, which panics when standard error is a closed pipe.
            let _ = writeln!(std::io::stderr().lock(), "partners: {}", cli::report(&e));
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
    // The configuration file; command-line flags win over it.
    let config = match config::path(args.home.as_deref()) {
        Some(path) => Config::load(&path)?,
        None => Config::default(),
    };
    // The --lang flag (CLI branch) must win: `args.lang.or(config.lang)`.
    if let Some(lang) = config.lang {
        partners::i18n::set(lang);
    }
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
    let theme = Theme::new(args.theme.or(config.theme).unwrap_or_default(), color);
    let mut app = App::new(catalog, state, &args.query.join(" "));
    app.set_bindings(config.bindings());
    let mouse = !args.no_mouse && config.mouse.unwrap_or(true);
    if !warnings.is_empty() {
        app.set_status(warnings.join(" · "), true);
    }

    let ending = session::run(&mut app, &theme, store.as_mut(), mouse)?;
    Ok(ExitCode::from(ending.exit_code()))
}
