//! The configuration file through the binary: where it is read from, the complete default
//! file, and errors that name the file, the line and the column.

use std::time::Duration;

use assert_cmd::Command;
use tempfile::TempDir;

fn partners(home: &TempDir) -> Command {
    let mut command = Command::cargo_bin("partners").expect("the binary is built");
    command.env("PARTNERS_HOME", home.path()).env_remove("NO_COLOR");
    command
}

fn stdout(command: &mut Command) -> String {
    let output = command.output().expect("partners runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn the_path_is_in_the_home_when_one_is_chosen() {
    let home = TempDir::new().expect("a home");
    let expected = home.path().join("config.toml").display().to_string();
    assert_eq!(stdout(partners(&home).args(["config", "--path"])).trim(), expected);
    let other = TempDir::new().expect("another home");
    let expected = other.path().join("config.toml").display().to_string();
    let path = stdout(partners(&home).args(["--home"]).arg(other.path()).args(["config"]));
    assert_eq!(path.trim(), expected, "--home wins over PARTNERS_HOME");
}

#[test]
fn the_default_file_names_every_action_and_checks_clean() {
    let home = TempDir::new().expect("a home");
    // Its comments in the user's language; the names are the file's format.
    for (lang, said) in [
        ("en", "# quit = [\"ctrl-c\", \"ctrl-g\", \"ctrl-q\", \"ctrl-d\"]  # quit\n"),
        ("fr", "  # quitter\n"),
    ] {
        let file = stdout(partners(&home).args(["--lang", lang, "config", "--default"]));
        assert!(file.contains(said), "{lang}: {file}");
        for (name, _) in partners::action::NAMED {
            assert!(file.contains(&format!("\n# {name} = [")), "{name} is in the default file");
        }
        for setting in ["# theme = \"dark\"", "# lang = \"en\"", "# mouse = true", "[keys]"] {
            assert!(file.contains(setting), "{setting}");
        }
        std::fs::write(home.path().join("config.toml"), &file).expect("written");
        assert_eq!(
            stdout(partners(&home).args(["config", "--check"])).trim(),
            format!("{}: ok", home.path().join("config.toml").display())
        );
    }
}

/// `config --check` with no file says so, rather than that a file is fine.
#[test]
fn checking_where_there_is_no_file_says_so() {
    let home = TempDir::new().expect("a home");
    let path = home.path().join("config.toml");
    for (lang, said) in [
        ("en", ": no file there; every setting is at its default"),
        (
            "fr",
            "\u{a0}: aucun fichier à cet endroit\u{a0}; tous les réglages sont à leur valeur par défaut",
        ),
    ] {
        let output = partners(&home).args(["--lang", lang, "config", "--check"]).output();
        let output = output.expect("runs");
        assert!(output.status.success(), "{lang}");
        let shown = String::from_utf8_lossy(&output.stdout);
        assert_eq!(shown.trim_end(), format!("{}{said}", path.display()), "{lang}");
    }
    // A link to nothing is no file either.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(home.path().join("gone.toml"), &path).expect("a link");
        let said = stdout(partners(&home).args(["config", "--check"]));
        assert!(said.contains("no file there"), "{said}");
    }
}

#[test]
fn a_bad_file_is_an_error_with_its_line_and_column() {
    let home = TempDir::new().expect("a home");
    let path = home.path().join("config.toml");
    let cases = [
        ("theme = \"dark\"\ncolour = \"red\"\n", ":2:1: ", "colour"),
        ("[keys]\nstar = [\"ctrl-s\"]\nstarr = [\"alt-s\"]\n", ":3:1: ", "starr"),
        ("[keys]\nstar = [\"ctrl-q\", \"hyper-s\"]\n", ":2:19: ", "hyper-s"),
        ("lang = \"de\"\n", ":1:8: ", "en, fr"),
        ("theme = \"dark\"\n[colours]\nx = 1\n", ":2:1: ", "colours"),
        // Dotted, quoted, a table of a dotted name, an array of tables: where they are.
        ("theme = \"dark\"\n\ncolour.x = 1\n", ":3:1: ", "colour"),
        ("theme = \"dark\"\n\n\"colour\" = 1\n", ":3:1: ", "colour"),
        ("theme = \"dark\"\n\n[ colour.x ]\n", ":3:1: ", "colour"),
        ("theme = \"dark\"\n\n[[colour]]\nx = 1\n", ":3:1: ", "colour"),
    ];
    for (text, at, names) in cases {
        std::fs::write(&path, text).expect("written");
        let output = partners(&home).args(["config", "--check"]).output().expect("runs");
        assert_eq!(output.status.code(), Some(2), "{text}");
        let error = String::from_utf8_lossy(&output.stderr);
        assert!(error.contains(&format!("{}{at}", path.display())), "{text}: {error}");
        assert!(error.contains(names), "{text}: {error}");
    }
}

#[test]
fn a_setting_that_does_not_exist_is_told_in_the_users_language() {
    let home = TempDir::new().expect("a home");
    let path = home.path().join("config.toml");
    std::fs::write(&path, "theme = \"dark\"\n  langue = \"fr\"\n").expect("written");
    for (lang, said) in [
        ("en", "no setting is called `langue`; the settings are: theme, lang, mouse, keys"),
        ("fr", "aucun réglage ne s'appelle « langue » ; les réglages sont : theme, lang"),
    ] {
        let output = partners(&home).args(["--lang", lang, "config", "--check"]).output();
        let output = output.expect("runs");
        assert_eq!(output.status.code(), Some(2));
        let error = String::from_utf8_lossy(&output.stderr).replace('\u{a0}', " ");
        assert!(error.contains(&format!("{}:2:3: {said}", path.display())), "{error}");
    }
}

#[test]
fn a_bad_file_that_asks_for_french_is_told_in_french() {
    // Red team Z: `lang = "fr"` in the file, and its mistake was told in the locale's English.
    let home = TempDir::new().expect("a home");
    let path = home.path().join("config.toml");
    std::fs::write(&path, "lang = \"fr\"\ntheme = \"purple\"\n").expect("written");
    // The browser's start (the file is read before a terminal is asked for), and the command
    // that checks the file: it says what the browser would.
    for (args, said) in [
        (&[][..], "« theme » doit valoir l'une de ces valeurs : dark, light"),
        (&["--lang", "en"][..], "`theme` must be one of: dark, light"),
        (&["config", "--check"][..], "« theme » doit valoir l'une de ces valeurs : dark, light"),
        (&["--lang", "en", "config", "--check"][..], "`theme` must be one of: dark, light"),
    ] {
        let mut command = partners(&home);
        for name in ["LANGUAGE", "LC_ALL", "LC_MESSAGES"] {
            command.env_remove(name);
        }
        let output = command.env("LANG", "C").args(args).output().expect("runs");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let error = String::from_utf8_lossy(&output.stderr).replace('\u{a0}', " ");
        assert!(error.contains(&format!("{}:2:9: {said}", path.display())), "{args:?}: {error}");
    }
}

#[test]
fn a_file_that_cannot_be_read_is_told_in_the_users_language() {
    let home = TempDir::new().expect("a home");
    std::fs::write(home.path().join("config.toml"), b"\xff\xfe").expect("written");
    for (lang, said) in [
        ("en", "config.toml:1:1: bytes that are not UTF-8 text"),
        ("fr", "config.toml:1:1: des octets qui ne sont pas du texte UTF-8"),
    ] {
        let output = partners(&home).args(["--lang", lang, "config", "--check"]).output();
        let error = String::from_utf8_lossy(&output.expect("runs").stderr).into_owned();
        assert!(error.contains(said) && !error.contains("stream"), "{error}");
    }
}

#[cfg(unix)]
#[test]
fn a_file_that_never_ends_is_refused_in_the_users_language() {
    let home = TempDir::new().expect("a home");
    // It read /dev/zero until the memory was full.
    std::os::unix::fs::symlink("/dev/zero", home.path().join("config.toml")).expect("link");
    for (lang, said) in [
        ("en", "not a regular file but a pipe, a device or a socket"),
        ("fr", "ce n'est pas un fichier ordinaire mais un tube, un périphérique ou un socket"),
    ] {
        let mut command = partners(&home);
        command.args(["--lang", lang, "config", "--check"]).timeout(Duration::from_secs(20));
        let output = command.output().expect("runs");
        assert_eq!(output.status.code(), Some(2));
        let error = String::from_utf8_lossy(&output.stderr).replace('\u{a0}', " ");
        assert!(error.contains(said), "{error}");
    }
}

#[test]
fn a_key_taken_from_another_action_is_said_and_a_repeated_modifier_refused() {
    let home = TempDir::new().expect("a home");
    let path = home.path().join("config.toml");
    std::fs::write(&path, "[keys]\nmet = [\"ctrl-c\"]\n").expect("written");
    let said = stdout(partners(&home).args(["config", "--check"]));
    assert!(said.ends_with(": ok\n  `ctrl-c` now does `met`, no longer `quit`\n"), "{said}");
    // Quit given keys of its own has left Ctrl-C already.
    std::fs::write(&path, "[keys]\nmet = [\"ctrl-c\"]\nquit = [\"ctrl-q\"]\n").expect("written");
    let said = stdout(partners(&home).args(["config", "--check"]));
    assert!(said.ends_with(": ok\n"), "{said}");
    // Esc given to quit: the note editor keeps its own Esc (to cancel, to keep writing).
    std::fs::write(&path, "[keys]\nquit = [\"esc\"]\n").expect("written");
    let said = stdout(partners(&home).args(["config", "--check"]));
    assert!(said.contains("no longer `cancel`\n"), "{said}");
    assert!(!said.contains("`cancel-note`") && !said.contains("`keep-editing`"), "{said}");
    // Esc given to discarding: the question about an unsaved note keeps a key to keep writing.
    std::fs::write(&path, "[keys]\ndiscard-note = [\"esc\"]\n").expect("written");
    let said = stdout(partners(&home).args(["config", "--check"]));
    let spare = "\n  `keep-editing` has `c` instead in the question about an unsaved note\n";
    assert!(said.contains("no longer `keep-editing`\n") && said.ends_with(spare), "{said}");
    let said = stdout(partners(&home).args(["--lang", "fr", "config", "--check"]));
    let spare = "\n  «\u{a0}keep-editing\u{a0}» a «\u{a0}c\u{a0}» à la place dans la question sur une note non enregistrée\n";
    assert!(said.ends_with(spare), "{said}");
    // Every letter and digit taken too: no key keeps writing, which is said.
    let all: Vec<String> = std::iter::once("esc".to_owned())
        .chain(('a'..='z').chain('0'..='9').map(String::from))
        .map(|key| format!("\"{key}\""))
        .collect();
    std::fs::write(&path, format!("[keys]\ndiscard-note = [{}]\n", all.join(", ")))
        .expect("written");
    let said = stdout(partners(&home).args(["config", "--check"]));
    let none = "\n  `keep-editing` has no key left in the question about an unsaved note: leave it a letter or a digit\n";
    assert!(said.ends_with(none), "{said}");
    let said = stdout(partners(&home).args(["--lang", "fr", "config", "--check"]));
    assert!(said.ends_with("laissez-lui une lettre ou un chiffre\n"), "{said}");
    std::fs::write(&path, "[keys]\nstar = [\"ctrl-ctrl-s\"]\n").expect("written");
    let output = partners(&home).args(["config", "--check"]).output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("`ctrl-ctrl-s` is not a key"));
}

#[test]
fn a_file_past_a_mebibyte_is_refused_and_left_as_it_is() {
    let home = TempDir::new().expect("a home");
    let path = home.path().join("config.toml");
    std::fs::write(&path, format!("# {}\n", "x".repeat(1 << 20))).expect("written");
    let output = partners(&home).args(["config", "--check"]).output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(error.contains("larger than 1 MiB"), "{error}");
    assert!(std::fs::metadata(&path).expect("still there").len() > 1 << 20);
}

/// Each (file, language, what follows the file's path in the error): `config --check`
/// refuses the file with exit 2 and says that.
fn refused_as_said(cases: &[(&str, &str, &str)]) {
    let home = TempDir::new().expect("a home");
    let path = home.path().join("config.toml");
    for &(text, lang, said) in cases {
        std::fs::write(&path, text).expect("written");
        let output = partners(&home).args(["--lang", lang, "config", "--check"]).output();
        let output = output.expect("runs");
        assert_eq!(output.status.code(), Some(2), "{text}");
        let error = String::from_utf8_lossy(&output.stderr).replace('\u{a0}', " ");
        assert!(error.contains(&format!("{}{said}", path.display())), "{text}: {error}");
    }
}

#[test]
fn a_value_of_the_wrong_type_is_told_in_the_users_language() {
    let cases = [
        ("mouse = \"yes\"\n", "en", ":1:9: the text \"yes\" does not go here: write true or false"),
        (
            "mouse = \"yes\"\n",
            "fr",
            ":1:9: le texte \"yes\" n'a pas sa place ici ; écrivez true ou false",
        ),
        (
            "[keys]\nquit = \"x\"\n",
            "fr",
            ":2:8: le texte \"x\" n'a pas sa place ici ; écrivez une liste",
        ),
        ("theme = 3\n", "en", ":1:9: the number 3 does not go here: write a text in double quotes"),
        // toml hands a date over as a table.
        (
            "mouse = 1979-05-27\n",
            "en",
            ":1:9: a date or time does not go here: write true or false",
        ),
        (
            "mouse = 07:32:00\n",
            "fr",
            ":1:9: une date ou une heure n'a pas sa place ici ; écrivez true ou false",
        ),
        ("mouse = { a = 1 }\n", "en", ":1:9: a table does not go here: write true or false"),
    ];
    refused_as_said(&cases);
}

#[test]
fn a_mistake_of_syntax_is_told_in_the_users_language() {
    let cases = [
        // Not "expected a single-quoted text" after it: double quotes are as good.
        ("theme = dark\n", "fr", ":1:9: un texte s'écrit entre guillemets\n"),
        ("theme = dark\n", "en", ":1:9: string values must be quoted\n"),
        ("theme = \n", "fr", ":1:9: un texte s'écrit entre guillemets\n"),
        ("theme = \"dark\n", "fr", ":1:14: texte entre guillemets mal formé ; attendu : `\"`"),
        ("[ui\n", "fr", ":1:4: en-tête de table non fermé ; attendu : `]`"),
        ("mouse = true\nmouse = false\n", "fr", ":2:1: clé donnée deux fois"),
        (
            "theme = \"dark\" junk\n",
            "fr",
            ":1:16: clé ou valeur inattendue ; attendu : une fin de ligne",
        ),
        ("mouse = tru\n", "fr", ":1:9: booléen invalide"),
        ("theme = 1.2.3\n", "fr", ":1:12: nombre décimal invalide\n"),
        ("theme = 1.2.3\n", "en", ":1:12: invalid float\n"),
        // What toml says that the table does not: its words, framed in the user's.
        (
            "k = +0x1\n",
            "fr",
            ":1:5: syntaxe TOML incorrecte (integers with a radix cannot be signed",
        ),
    ];
    refused_as_said(&cases);
}

#[test]
fn a_missing_file_is_the_defaults() {
    let home = TempDir::new().expect("a home");
    assert!(partners(&home).args(["config", "--check"]).output().expect("runs").status.success());
}

/// Esc bound to quit (`quit = ["esc"]`) quits from the list and the detail, but each overlay
/// keeps its own Esc: it closes the help, the overview and the QR code, and cancels the note.
#[test]
fn esc_bound_to_quit_still_closes_each_overlay() {
    use partners::action::Action;
    use partners::app::App;
    use partners::config::Config;
    let config =
        Config::parse("[keys]\nquit = [\"esc\"]\n", std::path::Path::new("c.toml")).expect("reads");
    let catalog = partners::catalog::Catalog::bundled().expect("the bundled dataset");
    let mut app = App::new(catalog, partners::store::State::default(), "");
    app.set_bindings(config.bindings());
    let esc = crossterm::event::Event::Key(crossterm::event::KeyEvent::from(
        crossterm::event::KeyCode::Esc,
    ));
    for (open, closed_by) in [
        (Action::OpenHelp, Action::CloseOverlay),
        (Action::OpenOverview, Action::CloseOverlay),
        (Action::ShowQr, Action::CloseOverlay),
        (Action::EditNote, Action::CancelNote),
    ] {
        app.update(open.clone());
        assert!(app.overlay().is_some(), "{open:?} opens");
        let action = partners::input::action(&esc, app.key_state());
        assert_eq!(action, Some(closed_by.clone()), "Esc in {open:?}");
        app.update(closed_by);
        assert!(app.overlay().is_none(), "{open:?} closed");
        // Out of it, Esc quits, as asked.
        assert_eq!(partners::input::action(&esc, app.key_state()), Some(Action::Quit));
    }
    // The help says so: Esc closes it there, and quits outside.
    let bindings = config.bindings();
    let help = bindings.help_rows(partners::input::Context::Help);
    let close = help.iter().find(|(keys, _)| keys.iter().any(|k| k == "Esc"));
    assert!(close.is_some_and(|(_, said)| !said.to_lowercase().contains("quit")), "{help:?}");
}

/// A plain letter bound to quit quits only from an empty query: in a note, it is text.
#[test]
fn a_letter_bound_to_quit_is_text_in_a_note() {
    use partners::action::Action;
    use partners::app::App;
    use partners::config::Config;
    let config =
        Config::parse("[keys]\nquit = [\"q\"]\n", std::path::Path::new("c.toml")).expect("reads");
    let catalog = partners::catalog::Catalog::bundled().expect("the bundled dataset");
    let mut app = App::new(catalog, partners::store::State::default(), "");
    app.set_bindings(config.bindings());
    app.update(Action::EditNote);
    let q = crossterm::event::Event::Key(crossterm::event::KeyEvent::from(
        crossterm::event::KeyCode::Char('q'),
    ));
    assert_eq!(partners::input::action(&q, app.key_state()), Some(Action::Insert('q')));
    app.update(Action::CancelNote);
    assert!(app.overlay().is_none() && app.query().is_empty());
    assert_eq!(partners::input::action(&q, app.key_state()), Some(Action::Quit));
}

/// The keys of a configuration file drive the key handling, the help and the hints alike.
#[test]
fn the_users_keys_are_the_keys() {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    use partners::app::App;
    use partners::config::Config;
    use partners::input::Context;

    let text = "[keys]\nstar = [\"ctrl-e\"]\nhelp = [\"alt-x\", \"?\"]\n";
    let config = Config::parse(text, std::path::Path::new("config.toml")).expect("reads");
    let catalog = partners::catalog::Catalog::bundled().expect("the bundled dataset");
    let mut app = App::new(catalog, partners::store::State::default(), "ugap");
    app.set_bindings(config.bindings());
    let press = |app: &mut App, code, modifiers| {
        let event = Event::Key(KeyEvent::new(code, modifiers));
        if let Some(action) = partners::input::action(&event, app.key_state()) {
            app.update(action);
        }
    };
    press(&mut app, KeyCode::Char('e'), KeyModifiers::CONTROL);
    assert!(app.state().marks.get("ugap").is_some_and(|m| m.starred), "Ctrl-E stars");
    press(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(app.state().marks.get("ugap").is_some_and(|m| m.starred), "Ctrl-S no longer does");
    assert_eq!(
        app.bindings().keys_for(Context::List, &partners::action::Action::OpenHelp),
        ["Alt-x", "?"]
    );
    // (A key of several words is kept whole by no-break spaces.)
    let help = format!("{:?}", app.help_lines()).replace("\\u{a0}", " ");
    // `?` opens the help only with no query: the help says so in a row of its own.
    let shown = help.contains(r#"Row("Alt-x", "this help")"#)
        && help.contains(r#"Row("? (no query)", "this help")"#);
    assert!(shown, "the help shows the user's keys: {help}");
    press(&mut app, KeyCode::Char('?'), KeyModifiers::NONE);
    assert_eq!(app.query(), "ugap?", "? is typed in a query that is not empty");
}

/// The help's and the QR code's titles say the keys that scroll and close them, as the
/// configuration file gives them: not `Esc` once Esc no longer closes.
#[test]
fn the_overlays_titles_show_the_users_keys() {
    use partners::action::Action;
    use partners::app::App;
    use partners::config::Config;
    use partners::i18n::{Lang, speaking};
    use partners::ui::theme::Theme;
    use ratatui::{Terminal, backend::TestBackend};

    let text = "[keys]\nclose = [\"ctrl-g\"]\nhelp-up = [\"alt-k\"]\nhelp-down = [\"alt-j\"]\n";
    let config = Config::parse(text, std::path::Path::new("config.toml")).expect("reads");
    let title = |lang: Lang, open: Action| {
        let _speaking = speaking(lang);
        let catalog = partners::catalog::Catalog::bundled().expect("the bundled dataset");
        let mut app = App::new(catalog, partners::store::State::default(), "ugap");
        app.set_bindings(config.bindings());
        app.update(Action::Resize { width: 80, height: 24 });
        app.update(open);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
        terminal.draw(|f| partners::ui::render(&app, &Theme::mono(), f)).expect("drawing");
        let buffer = terminal.backend().buffer();
        let rows = (0..24).map(|y| (0..80).map(|x| buffer[(x, y)].symbol()).collect::<String>());
        let rows: Vec<String> = rows.collect();
        rows.into_iter().find(|row| row.contains(" — ")).expect("a title with its keys")
    };
    let help = title(Lang::En, Action::OpenHelp);
    assert!(help.contains(" Help — Alt-k/Alt-j scroll, Ctrl-G close "), "{help}");
    let help = title(Lang::Fr, Action::OpenHelp);
    assert!(help.contains(" Aide — Alt-k/Alt-j défiler, Ctrl-G fermer "), "{help}");
    let qr = title(Lang::En, Action::ShowQr);
    assert!(qr.contains(" QR code: UGAP — Ctrl-G close "), "{qr}");
    let qr = title(Lang::Fr, Action::ShowQr);
    assert!(qr.contains(" Code QR\u{a0}: UGAP — Ctrl-G fermer "), "{qr}");
}

/// A key of the file with Back-Tab and Ctrl or Alt is the key the terminal sends: Alt-Shift-Tab
/// (Back-Tab with Shift and Alt, as crossterm reports it) runs what `alt-backtab` and
/// `alt-shift-tab` give it, and not Shift-Tab's action (the modifiers were dropped, so the
/// binding never ran and Shift-Tab's action ran instead).
#[test]
fn back_tab_with_ctrl_or_alt_is_a_key_of_its_own() {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    use partners::action::Action;
    use partners::app::App;
    use partners::config::Config;
    use partners::input::Context;

    let back_tab = |modifiers| Event::Key(KeyEvent::new(KeyCode::BackTab, modifiers));
    let (shift, alt, ctrl) = (KeyModifiers::SHIFT, KeyModifiers::ALT, KeyModifiers::CONTROL);
    for (written, modifiers) in [
        ("alt-backtab", shift | alt),
        ("alt-shift-tab", shift | alt),
        ("ctrl-backtab", shift | ctrl),
        ("ctrl-shift-tab", shift | ctrl),
    ] {
        let text = format!("[keys]\nstar = [\"{written}\"]\n");
        let config = Config::parse(&text, std::path::Path::new("config.toml")).expect("reads");
        let catalog = partners::catalog::Catalog::bundled().expect("the bundled dataset");
        let mut app = App::new(catalog, partners::store::State::default(), "ugap");
        app.set_bindings(config.bindings());
        let action =
            |app: &App, modifiers| partners::input::action(&back_tab(modifiers), app.key_state());
        assert_eq!(action(&app, modifiers), Some(Action::ToggleStar), "{written}");
        assert_ne!(action(&app, shift), Some(Action::ToggleStar), "{written}: Shift-Tab");
        let shown = app.bindings().keys_for(Context::List, &Action::ToggleStar);
        let named = if modifiers.contains(alt) { "Alt-Shift-Tab" } else { "Ctrl-Shift-Tab" };
        assert_eq!(shown, [named], "{written}");
    }
    // In the overview Shift-Tab goes back a tab; Alt-Shift-Tab, bound to nothing, does not.
    let catalog = partners::catalog::Catalog::bundled().expect("the bundled dataset");
    let mut app = App::new(catalog, partners::store::State::default(), "");
    app.update(Action::OpenOverview);
    let action = |modifiers| partners::input::action(&back_tab(modifiers), app.key_state());
    assert_eq!(action(shift), Some(Action::PreviousTab));
    assert_ne!(action(shift | alt), Some(Action::PreviousTab));
}

/// Keys that leave nothing to quit the browser with are refused, as a clash is: the browser
/// would not start, rather than hold the user in it.
#[test]
fn a_file_that_leaves_no_key_to_quit_is_refused_in_the_users_language() {
    let keys = "[keys]\nstar = [\"ctrl-c\"]\nmet = [\"ctrl-g\"]\ncopy = [\"ctrl-q\"]\n\
                qr-code = [\"ctrl-d\"]\nhistory = [\"esc\"]\n";
    refused_as_said(&[
        (keys, "en", ":1:1: no key quits the browser any more: give `quit` or `cancel`"),
        (keys, "fr", ":1:1: plus aucune touche ne quitte le navigateur : donnez une touche"),
    ]);
}

/// A key written decomposed, a letter then its combining accent (`e` and U+0301, as some
/// editors save `é`), is the key it shows and a keyboard sends, `é`: it was refused as holding
/// an invisible character, with the advice to write it without the accent, another key.
#[test]
fn a_key_written_with_a_combining_accent_is_the_accented_key() {
    let bindings = |text: &str| {
        partners::config::Config::parse(text, std::path::Path::new("config.toml"))
            .map(|config| config.bindings().by_action())
            .map_err(|e| e.to_string())
    };
    let decomposed = bindings("[keys]\nstar = [\"e\u{301}\", \"alt-c\u{327}\"]\n");
    assert_eq!(decomposed, bindings("[keys]\nstar = [\"é\", \"alt-ç\"]\n"));
    assert!(decomposed.is_ok(), "{decomposed:?}");
    // A combining accent alone, or on a letter with no accented form of it, stays refused.
    assert!(bindings("[keys]\nstar = [\"\u{301}\"]\n").is_err());
    assert!(bindings("[keys]\nstar = [\"q\u{301}\"]\n").is_err());
}

/// A setting written below `[keys]` (TOML puts it in that table) is said to go above it, not
/// to be a list of keys (`lang = ["fr"]`, which would then be no action).
#[test]
fn a_setting_written_under_keys_is_told_to_go_above_it() {
    refused_as_said(&[
        (
            "[keys]\nstar = [\"ctrl-s\"]\nlang = \"fr\"\n",
            "en",
            ":3:1: `lang` is a setting, not an action: write it above the line [keys]",
        ),
        (
            "[keys]\n  mouse = false\n",
            "fr",
            ":2:3: « mouse » est un réglage, pas une action : écrivez-le au-dessus de la ligne [keys]",
        ),
        (
            "[keys]\ntheme = [\"light\"]\n",
            "en",
            ":2:1: `theme` is a setting, not an action: write it above the line [keys]",
        ),
    ]);
}
