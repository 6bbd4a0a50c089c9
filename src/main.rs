//! The `partners` binary: parses the command line, resolves paths, starts the browser's
//! terminal session (`partners::session`) or a subcommand, reports errors.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use partners::app::{App, Edited, Overlay};
use partners::background::Loader;
use partners::catalog::Catalog;
use partners::cli::{self, Cli, Env};
use partners::config::{self, Config};
use partners::i18n::{self, Lang};
use partners::session;
use partners::store::Store;
use partners::ui::theme::{ColorDepth, Theme};

/// From this many bytes of datasets, the browser loads them on another thread (4 MiB: about
/// 4 000 partners, some 30 ms of loading).
const BACKGROUND_MIN: u64 = 4 << 20;

/// Faster and leaner than the system's for the millions of strings a large dataset holds
/// (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// How long a change in the browser waits for a lock another process holds: long enough for
/// another partners's change (milliseconds), short enough not to hold the keys.
const BROWSER_LOCK_WAIT: std::time::Duration = std::time::Duration::from_millis(200);

fn main() -> ExitCode {
    partners::completions::complete_if_asked();
    // Said before parsing, so that a bad value (`--kind zzz`) is told in the user's language.
    let lang = Lang::asked_in(std::env::args_os()).unwrap_or_else(Lang::from_locale);
    i18n::set(lang);
    let refused = match cli::parse(lang) {
        Ok(args) => {
            i18n::set(args.lang.unwrap_or_else(Lang::from_locale));
            return ended(run(args));
        }
        Err(refused) => refused,
    };
    if let Some(said) = cli::refusal(&refused) {
        let _ = write!(std::io::stderr().lock(), "{said}");
        return ExitCode::from(2);
    }
    // Help and version, which clap prints; told, as any output is, when it cannot be.
    let code = ExitCode::from(u8::try_from(refused.exit_code()).unwrap_or(2));
    let printed = refused.print().and_then(|()| std::io::stdout().flush());
    ended(printed.map(|()| code).map_err(anyhow::Error::from))
}

/// The exit code of a run, its error said on standard error.
fn ended(run: anyhow::Result<ExitCode>) -> ExitCode {
    match run {
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
    cli::refuse_standard_input_twice(&args.data, args.command.as_ref())?;
    let home = Store::resolve_home(args.home.as_deref())?;
    let datasets = Store::resolve_datasets(args.home.as_deref());
    let config_path = config::path(args.home.as_deref());
    // The configuration file's problems are told in the language it asks for, unless `--lang`
    // says another: by the browser, plain mode and `config --check` alike.
    let reads_config = match &args.command {
        None => true,
        Some(cli::Command::Config(asked)) => asked.check,
        Some(_) => false,
    };
    if reads_config
        && args.lang.is_none()
        && let Some(lang) = config_path.as_deref().and_then(config::lang_written)
    {
        i18n::set(lang);
    }
    if let Some(command) = args.command {
        let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
        let terminal = std::io::stdout().is_terminal().then(|| {
            crossterm::terminal::size().map_or(usize::MAX, |(columns, _)| usize::from(columns))
        });
        let mut env =
            Env { out: &mut out, err: &mut err, terminal, home, data: args.data, datasets };
        return cli::run(command, &mut env);
    }
    // The configuration file, for the browser and plain mode alike; command-line flags win
    // over it, and it over the locale.
    let config = match config_path {
        Some(path) => Config::load(&path)?,
        None => Config::default(),
    };
    let lang = args.lang.or(config.lang).unwrap_or_else(Lang::from_locale);
    i18n::set(lang);
    // `partners serach ugap` searches for those words, and says which command looks like it:
    // on standard error where no browser opens, on its status line where one does.
    let mistyped = cli::mistyped_command(&args.query);
    let hint = || {
        if let Some(hint) = &mistyped {
            let _ = writeln!(std::io::stderr().lock(), "{hint}");
        }
    };
    if partners::plain::wanted(args.plain, std::env::var("TERM").ok().as_deref()) {
        hint();
        let datasets = datasets.as_deref();
        return partners::plain::start(&args.data, datasets, &home, &args.query.join(" "));
    }
    cli::require_terminal(&args.data).inspect_err(|_| hint())?;
    let datasets = datasets.as_deref();
    // A small dataset loads before the first frame (nothing flickers); a large one on its
    // own thread, while the browser already draws and takes keys.
    // With a pipe among the files, how much there is to read is known only at its end.
    let stream = Catalog::has_stream(&args.data);
    let total = if stream { 0 } else { Catalog::bytes_to_load(&args.data, datasets) };
    let (catalog, loader) = if total < BACKGROUND_MIN && !stream {
        (Some(cli::load_catalog(&args.data, datasets)?), None)
    } else {
        (None, Some(Loader::start(args.data.clone(), datasets.map(Into::into), total, lang)))
    };
    let said = i18n::cli();
    // On one line, and whole for the help.
    let mut warnings: Vec<(String, String)> = catalog
        .iter()
        .flat_map(Catalog::warnings)
        // Shown on the status line, as the loader's skipped datasets are.
        .map(|w| (w.one_line(i18n::s().loading_skipped), w.said(i18n::s().loading_skipped)))
        .collect();
    let told = |w: String| (w.clone(), w);
    let mut store = match Store::open(&home) {
        Ok(mut store) => {
            // Keys must keep working: a lock held elsewhere fails the change, said, after the
            // few milliseconds another partners holds it for a change (a script starring).
            store.set_lock_wait(BROWSER_LOCK_WAIT, None);
            Some(store)
        }
        Err(e) => {
            warnings.push(told(i18n::fill(said.marks_not_saved, &[&e])));
            None
        }
    };
    if let Some(store) = &store {
        warnings.extend(store.warnings().iter().cloned().map(told));
    }
    let state = store.as_ref().map(|s| s.state().clone()).unwrap_or_default();
    let theme = Theme::new(args.theme.or(config.theme).unwrap_or_default(), ColorDepth::from_env());
    let query = args.query.join(" ");
    let mut app = match catalog {
        Some(catalog) => App::new(catalog, state, &query),
        None => App::loading(state, &query, total, Catalog::sources_to_load(&args.data, datasets)),
    };
    app.set_bindings(config.bindings());
    let mouse = !args.no_mouse && config.mouse.unwrap_or(true);
    app.warn_at_start_whole(warnings);
    if let Some(hint) = mistyped {
        app.hint_at_start(hint);
    }

    let ending = session::run(&mut app, &theme, store.as_mut(), mouse, loader);
    // Kept in a file first: after a hangup, standard error is a terminal that is gone.
    let kept = keep_unsaved_text(store.as_ref(), &app);
    // The status line showed one of them at a time: all of them, where they stay (before the
    // error that ended the browser, if one did). Ended in the background (`kill %1` after
    // `bg`), they are printed among the shell's lines as a background job's are; not where
    // that would stop the process until `fg` (`stty tostop`), which kept it from ending.
    let warnings = if session::may_write(std::io::stderr()) { app.warnings() } else { &[] };
    let mut err = std::io::stderr().lock();
    for warning in warnings {
        // Not eprintln!, which panics when standard error is a closed pipe.
        let warning = partners::text::clean_multiline(warning);
        let _ = writeln!(err, "{}", i18n::fill(said.warning, &[&warning]));
    }
    if session::may_write(std::io::stderr()) {
        say_unsaved_text(&mut err, &app, kept.as_deref());
    }
    drop(err);
    Ok(ExitCode::from(ending?.exit_code()))
}

/// The note (or aliases) the browser could not save as it ended (a terminating signal while
/// another process held the lock): the editor has it back, unsaved, and the process is ending.
fn unsaved_text(app: &App) -> Option<&partners::app::NoteEditor> {
    let Some(Overlay::Note(editor)) = app.overlay() else { return None };
    editor.changed().then_some(editor)
}

/// Keeps the text [`unsaved_text`] finds in a new file beside `state.ron`; where it is, or
/// `None` when there is none, or no file could be made.
fn keep_unsaved_text(store: Option<&Store>, app: &App) -> Option<std::path::PathBuf> {
    let editor = unsaved_text(app)?;
    store?.keep_unsaved(&editor.kept_as(), &editor.text()).ok()
}

/// The text [`unsaved_text`] finds, printed with why and where it was `kept`, rather than
/// dropped without a word.
fn say_unsaved_text(err: &mut impl Write, app: &App, kept: Option<&std::path::Path>) {
    let Some(editor) = unsaved_text(app) else { return };
    let said = i18n::cli();
    if let Some(status) = app.status().filter(|status| status.error) {
        let why = partners::text::clean_multiline(&status.text);
        let _ = writeln!(err, "{}", i18n::fill(said.warning, &[&why]));
    }
    let id = partners::text::clean(&editor.id);
    let file = kept.map(|file| partners::text::clean(&file.display().to_string()).into_owned());
    let heading = match (editor.edited, file) {
        (Edited::Note, None) => i18n::fill(said.note_unsaved_at_end, &[&id]),
        (Edited::Aliases, None) => i18n::fill(said.aliases_unsaved_at_end, &[&id]),
        (Edited::Note, Some(file)) => i18n::fill(said.note_kept_at_end, &[&id, &file]),
        (Edited::Aliases, Some(file)) => i18n::fill(said.aliases_kept_at_end, &[&id, &file]),
    };
    let _ = writeln!(err, "{}", i18n::fill(said.warning, &[&heading]));
    let _ = writeln!(err, "{}", partners::text::clean_multiline(&editor.text()));
}
