//! Shell completions and the man page: each shell gets a script that calls the binary back,
//! the binary answers subcommands, options and partner ids (the user's own datasets
//! included), a real bash completes through the script, and `man` prints roff.

#[path = "common/extras.rs"]
mod extras;

use std::process::Command as Process;

use extras::{Home, bundled};
use partners::completions;

const SUBCOMMANDS: &[&str] =
    &["search", "show", "list", "validate", "star", "unstar", "met", "note", "export", "man"];

/// What the binary answers the shell `shell` that completes the words `line` (the last one
/// being completed), as bash, zsh, fish and PowerShell scripts ask it.
fn ask(home: &Home, shell: &str, line: &[&str]) -> Vec<String> {
    let index = (line.len() - 1).to_string();
    let mut cmd = home.cmd();
    cmd.env("COMPLETE", shell).arg("--");
    if shell == "bash" {
        // The bash hook gives the line up to the cursor and what bash replaces: the last
        // word from after its last `:` or `=`.
        let last = line.last().expect("a word");
        cmd.arg(line.join(" ")).arg(last.rsplit([':', '=']).next().unwrap_or(last));
    } else {
        cmd.env("_CLAP_COMPLETE_INDEX", &index).env("_CLAP_IFS", "\n").args(line);
    }
    let out = cmd.output().expect("partners runs");
    assert!(out.status.success(), "{out:?}");
    let out = String::from_utf8(out.stdout).expect("UTF-8");
    if shell == "bash" {
        // First whether the answers are file names, then the answers.
        return out.split('\u{b}').skip(1).map(str::to_owned).collect();
    }
    // fish puts the help after a tab (a colon may be in a value), zsh after a colon.
    let help: &[char] = if shell == "fish" { &['\t'] } else { &['\t', ':'] };
    out.lines()
        .map(|l| l.split(help).next().unwrap_or_default().trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn every_shell_gets_a_script_that_calls_the_binary_back() {
    let home = Home::new();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = home.ok(&["completions", shell]);
        assert!(script.contains("COMPLETE"), "{shell}: {script}");
        assert!(script.contains("partners"), "{shell}: {script}");
        // What the script asks for, the binary answers: the subcommands first of all.
        let answers = ask(&home, shell, &["partners", ""]);
        for subcommand in SUBCOMMANDS {
            assert!(
                answers.iter().any(|a| a == subcommand),
                "{shell}: {subcommand} in {answers:?}"
            );
        }
    }
}

#[test]
fn options_and_ids_complete() {
    let home = Home::new();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        assert_eq!(ask(&home, shell, &["partners", "show", "ug"]), vec!["ugap"], "{shell}");
        let options = ask(&home, shell, &["partners", "export", "--"]);
        for option in ["--format", "--starred", "--met", "--noted", "--output"] {
            assert!(options.iter().any(|o| o == option), "{shell}: {option} in {options:?}");
        }
    }
    for command in ["star", "unstar", "met", "note"] {
        assert_eq!(ask(&home, "bash", &["partners", command, "ug"]), vec!["ugap"], "{command}");
    }
}

/// `--json` may come before the command (`partners --json search ugap`): it is offered there,
/// though the help hides it, and not after a command that refuses it.
#[test]
fn json_is_offered_before_the_command() {
    let home = Home::new();
    for shell in ["bash", "zsh", "fish"] {
        for typed in ["-", "--", "--j"] {
            let offered = ask(&home, shell, &["partners", typed]);
            assert!(offered.iter().any(|o| o == "--json"), "{shell} {typed}: {offered:?}");
        }
        let offered = ask(&home, shell, &["partners", "--lang", "fr", "-"]);
        assert!(offered.iter().any(|o| o == "--json"), "{shell}: {offered:?}");
        let offered = ask(&home, shell, &["partners", "star", "--"]);
        assert!(!offered.iter().any(|o| o == "--json"), "{shell}: {offered:?}");
    }
}

/// After a `--json` written before the command, the commands offered are those that print
/// JSON, which take it there: `partners --json star ugap` is refused.
#[test]
fn after_json_only_the_commands_that_print_json_are_offered() {
    let home = Home::new();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        for line in [&["partners", "--json", ""][..], &["partners", "--lang", "fr", "--json", ""]] {
            let offered = ask(&home, shell, line);
            assert_eq!(offered, ["search", "show", "list", "alias"], "{shell} {line:?}");
        }
        assert_eq!(ask(&home, shell, &["partners", "--json", "s"]), ["search", "show"], "{shell}");
        assert!(ask(&home, shell, &["partners", "--json", "st"]).is_empty(), "{shell}");
        // Without it, or after the command, every command is offered.
        let offered = ask(&home, shell, &["partners", "--lang", "fr", "st"]);
        assert_eq!(offered, ["star"], "{shell}");
    }
}

/// What fish is told to complete for `line`, in the locale `locale` (the others unset).
fn fish_says(home: &Home, locale: &str, line: &[&str]) -> String {
    let mut cmd = home.cmd();
    for name in ["LANGUAGE", "LC_ALL", "LC_MESSAGES"] {
        cmd.env_remove(name);
    }
    let out = cmd
        .env("LANG", locale)
        .env("COMPLETE", "fish")
        .arg("--")
        .args(line)
        .output()
        .expect("partners runs");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The descriptions the shell shows beside the commands and options are in the user's
/// language (`--lang fr` on the line, or the locale), as `--help` has them.
#[test]
fn descriptions_are_in_the_users_language() {
    let home = Home::new();
    let described = |locale: &str, line: &[&str]| fish_says(&home, locale, line);
    for (locale, line) in
        [("C", &["partners", "--lang", "fr", ""][..]), ("fr_FR.UTF-8", &["partners", ""])]
    {
        let said = described(locale, line);
        assert!(said.contains("show\tAfficher un partenaire en entier\n"), "{line:?}: {said}");
        let begun = [&line[..line.len() - 1], &["list", "--st"]].concat();
        let said = described(locale, &begun);
        assert_eq!(said, "--starred\tSeulement les partenaires étoilés\n", "{line:?}");
    }
    let said = described("C", &["partners", ""]);
    assert!(said.contains("show\tPrint one partner in full\n"), "{said}");
}

/// In every shell, a word not begun is offered the commands, not the options mixed in: those
/// come once a `-` is typed.
#[test]
fn every_shell_offers_options_once_a_dash_is_typed() {
    let home = Home::new();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        for line in [&["partners", ""][..], &["partners", "--lang", "fr", ""]] {
            let offered = ask(&home, shell, line);
            for command in SUBCOMMANDS {
                assert!(offered.iter().any(|o| o == command), "{shell}: {command} in {offered:?}");
            }
            assert!(offered.iter().all(|o| !o.starts_with('-')), "{shell} {line:?}: {offered:?}");
        }
        let options = ask(&home, shell, &["partners", "-"]);
        assert!(options.iter().any(|o| o == "--data"), "{shell}: {options:?}");
        assert!(options.iter().all(|o| o.starts_with('-')), "{shell}: {options:?}");
        // A command's options too wait for a `-`; its ids do not.
        let offered = ask(&home, shell, &["partners", "show", ""]);
        assert!(offered.iter().any(|o| o == "ugap"), "{shell}: {offered:?}");
        assert!(offered.iter().all(|o| !o.starts_with('-')), "{shell}: {offered:?}");
    }
}

#[test]
fn ids_of_the_users_own_datasets_complete_too() {
    let home = Home::new();
    let datasets = home.path().join("datasets");
    std::fs::create_dir_all(&datasets).expect("datasets folder");
    std::fs::copy(home.contacts_file(), datasets.join("mine.ron")).expect("copy the dataset");
    assert_eq!(ask(&home, "bash", &["partners", "show", "res"]), vec!["reseau"]);
}

#[test]
fn ids_come_from_the_home_typed_on_the_line() {
    let home = Home::new();
    let other = tempfile::tempdir().expect("another home");
    let datasets = other.path().join("datasets");
    std::fs::create_dir_all(&datasets).expect("datasets folder");
    std::fs::copy(home.contacts_file(), datasets.join("mine.ron")).expect("copy the dataset");
    let dir = other.path().to_str().expect("a UTF-8 path");
    let with_equals = format!("--home={dir}");
    for shell in ["bash", "zsh", "fish"] {
        let asked = ask(&home, shell, &["partners", "--home", dir, "show", "res"]);
        assert_eq!(asked, vec!["reseau"], "{shell}");
        let asked = ask(&home, shell, &["partners", &with_equals, "note", "res"]);
        assert_eq!(asked, vec!["reseau"], "{shell}");
    }
    // Not the home of another line: this one's home has no such partner.
    assert!(ask(&home, "bash", &["partners", "show", "res"]).is_empty());
}

#[test]
fn ids_starting_with_a_prefix() {
    let catalog = bundled();
    let ids = completions::ids_starting_with(&catalog, "bordeaux");
    let just_ids: Vec<&str> = ids.iter().map(|(id, _)| *id).collect();
    assert_eq!(just_ids, vec!["bordeaux", "bordeaux-metropole"]);
    assert_eq!(ids[0].1, "City of Bordeaux");
    assert!(completions::ids_starting_with(&catalog, "zzz").is_empty());
}

/// Sources the bash script `binary` prints, then completes as bash does on Tab after
/// `partners show ug`, then `partners sh`; gives the answers.
fn bash_completes(home: &Home, binary: &std::path::Path) -> Vec<String> {
    let mut print = Process::new(binary);
    print.arg("completions").arg("bash");
    let mut bash = Process::new("bash");
    for command in [&mut print, &mut bash] {
        command.current_dir(home.path());
        for (key, value) in home.cmd().get_envs() {
            match value {
                Some(value) => command.env(key, value),
                None => command.env_remove(key),
            };
        }
    }
    let script = print.output().expect("the script is printed");
    let script_file = home.path().join("partners.bash");
    std::fs::write(&script_file, script.stdout).expect("write the script");
    let program = format!(
        "source '{}'\n\
         COMP_LINE='partners show ug'; COMP_POINT=16\n\
         _clap_complete_partners partners ug show; printf '%s\\n' \"${{COMPREPLY[@]}}\"\n\
         COMP_LINE='partners sh'; COMP_POINT=11\n\
         _clap_complete_partners partners sh partners; printf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        script_file.display()
    );
    let out = bash.arg("--norc").arg("-c").arg(program).output().expect("bash runs");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stdout).lines().map(|line| line.trim().to_owned()).collect()
}

#[test]
fn a_real_bash_completes_through_the_script() {
    let home = Home::new();
    let binary = std::path::Path::new(env!("CARGO_BIN_EXE_partners"));
    assert_eq!(bash_completes(&home, binary), vec!["ugap", "show"]);
}

/// The script calls the binary back by its path, which may hold spaces, quotes or `$( )`:
/// it still completes, and nothing in the path runs.
#[cfg(unix)]
#[test]
fn a_binary_at_an_odd_path_completes_and_runs_nothing() {
    let home = Home::new();
    let planted = home.path().join("planted");
    // Run from the home, where `touch planted` would make it.
    let folder = home.path().join("it's a $(touch planted) `touch planted` dir");
    std::fs::create_dir(&folder).expect("a folder");
    let binary = folder.join("partners");
    // A link, not a copy: a copy just written may still be busy for the kernel (ETXTBSY).
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_partners"), &binary).expect("a link");
    assert_eq!(bash_completes(&home, &binary), vec!["ugap", "show"]);
    assert!(!planted.exists(), "the path ran as a command");
}

#[test]
fn man_prints_a_roff_page() {
    let home = Home::new();
    let page = home.ok(&["man"]);
    // clap_mangen defines the \*(Aq string first, then the title.
    let first_macro = page.lines().find(|l| !l.starts_with(".ie") && !l.starts_with(".el"));
    assert!(first_macro.is_some_and(|l| l.starts_with(".TH partners 1")), "{page}");
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH COMMANDS"] {
        assert!(page.contains(section), "{section} in {page}");
    }
    assert!(page.contains("completions") && page.contains("\\-\\-plain"), "{page}");
    // The quote string is defined once, not again by each command's part.
    assert_eq!(page.lines().filter(|l| l.starts_with(".ie") || l.starts_with(".el")).count(), 2);
}

#[test]
fn man_describes_every_command_and_its_options_on_its_one_page() {
    let home = Home::new();
    let page = home.ok(&["man"]);
    // No reference to a page of each command (`partners-export(1)`): none is installed.
    assert!(!page.contains("partners\\-export(1)"), "{page}");
    for command in SUBCOMMANDS {
        assert!(page.contains(&format!(".SS \"partners {command}\"")), "{command} in {page}");
    }
    for option in ["\\-\\-separator", "\\-\\-limit", "\\-\\-qr", "\\-\\-undo", "\\-\\-check"] {
        assert!(page.contains(option), "{option} in {page}");
    }
    let french = home.ok(&["--lang", "fr", "man"]);
    assert!(french.contains(".SH COMMANDES"), "{french}");
    assert!(french.contains("Écrire les partenaires"), "{french}");
}

/// An option's possible values follow its text on the next line, with no blank line between
/// (roff prints an empty line as one), in either language.
#[test]
fn man_puts_no_blank_line_before_possible_values() {
    let home = Home::new();
    for lang in ["en", "fr"] {
        let page = home.ok(&["--lang", lang, "man"]);
        assert!(!page.lines().any(|line| line.trim().is_empty()), "{lang}: {page}");
    }
    let page = home.ok(&["man"]);
    let lines: Vec<&str> = page.lines().collect();
    let lang = lines.iter().position(|l| l.starts_with("\\fB\\-\\-lang\\fR")).expect("--lang");
    assert_eq!(lines[lang + 2..lang + 4], [".br", "\\fIPossible values:\\fR"], "{page}");
}

/// The headings of the man page, in order, in each language: French man pages write theirs
/// in French.
#[test]
fn man_headings_are_in_the_users_language() {
    let home = Home::new();
    let headings = |page: &str| -> Vec<String> {
        page.lines().filter_map(|l| l.strip_prefix(".SH ")).map(str::to_owned).collect()
    };
    let english =
        ["NAME", "SYNOPSIS", "DESCRIPTION", "ARGUMENTS", "OPTIONS", "COMMANDS", "VERSION"];
    assert_eq!(headings(&home.ok(&["man"])), english);
    let french = home.ok(&["--lang", "fr", "man"]);
    let expected =
        ["NOM", "SYNOPSIS", "DESCRIPTION", "ARGUMENTS", "OPTIONS", "COMMANDES", "VERSION"];
    assert_eq!(headings(&french), expected, "{french}");
    // The synopsis names the command as the page does, with no trailing no-break space.
    assert!(french.contains("[\\fIcommande\\fR]"), "{french}");
}

/// In each command's part, the words it takes (`search QUERY`, `show ID`) are under an
/// ARGUMENTS heading and its options under OPTIONS, in either language.
#[test]
fn man_gives_each_commands_arguments_a_heading() {
    let home = Home::new();
    for lang in ["en", "fr"] {
        let page = home.ok(&["--lang", lang, "man"]);
        let part = |command: &str| {
            let start = format!(".SS \"partners {command}\"\n");
            let from = page.find(&start).unwrap_or_else(|| panic!("{command} in {page}"));
            let rest = &page[from + start.len()..];
            rest[..rest.find(".SS ").unwrap_or(rest.len())].to_owned()
        };
        let query = if lang == "fr" { "<\\fIRECHERCHE\\fR>" } else { "<\\fIQUERY\\fR>" };
        for (command, word) in [("search", query), ("show", "<\\fIID\\fR>")] {
            let part = part(command);
            let arguments = part.find(".B ARGUMENTS\n").unwrap_or_else(|| panic!("{lang}: {part}"));
            let options = part.find(".B OPTIONS\n").unwrap_or_else(|| panic!("{lang}: {part}"));
            let described = part.find(word).unwrap_or_else(|| panic!("{lang}: {word} in {part}"));
            // The word's own entry (a `.TP` item), not the synopsis.
            let entry = part.find(&format!(".TP\n.PD\n{word}")).unwrap_or_else(|| panic!("{part}"));
            assert!(
                described < arguments && arguments < entry && entry < options,
                "{lang}: {part}"
            );
        }
        // A command that takes no word has no ARGUMENTS heading.
        assert!(!part("list").contains("ARGUMENTS"), "{lang}: {}", part("list"));
    }
}

/// The French page names the values in French (`[RECHERCHE]`, `<FICHIER>`), the English
/// page in English.
#[test]
fn man_names_values_in_the_users_language() {
    let home = Home::new();
    let english = home.ok(&["man"]);
    let french = home.ok(&["--lang", "fr", "man"]);
    for (page, words, not) in [
        (&english, ["[\\fIQUERY\\fR]", "\\fI<FILE>\\fR", "<\\fIFILES\\fR>"], "RECHERCHE"),
        (&french, ["[\\fIRECHERCHE\\fR]", "\\fI<FICHIER>\\fR", "<\\fIFICHIERS\\fR>"], "QUERY"),
    ] {
        for word in words {
            assert!(page.contains(word), "{word} in {page}");
        }
        assert!(!page.contains(not), "{not} in {page}");
    }
    for english_name in ["<FILE>", "<DIR>", "<TEXT>", "<KIND>", "<SEP>", "FILES\\fR"] {
        assert!(!french.contains(english_name), "{english_name} in {french}");
    }
}

/// Inside a command, a bold heading (ARGUMENTS, OPTIONS) is followed by its first item with
/// no blank line, as `man` shows the page, in either language.
#[test]
fn man_has_no_blank_line_after_a_commands_headings() {
    let home = Home::new();
    for lang in ["en", "fr"] {
        let page = home.ok(&["--lang", lang, "man"]);
        let lines: Vec<&str> = page.lines().collect();
        let headings: Vec<usize> =
            (0..lines.len()).filter(|&i| lines[i].starts_with(".B ")).collect();
        assert!(headings.len() > 10, "{lang}: {page}");
        for i in headings {
            // No paragraph spacing for the first item, the usual after it.
            assert_eq!(lines.get(i + 1..i + 4), Some(&[".PD 0", ".TP", ".PD"][..]), "{lang}: {i}");
        }
        // As `man` shows it, where there is one.
        let file = home.path().join(format!("partners.{lang}.1"));
        std::fs::write(&file, &page).expect("the page written");
        let shown = Process::new("man")
            .args(["-l", "--"])
            .arg(&file)
            .env("MANWIDTH", "100")
            .env("MAN_KEEP_FORMATTING", "")
            .env("MANPAGER", "cat")
            .env("PAGER", "cat")
            .env("LANG", "C.UTF-8")
            .output()
            .ok();
        let Some(shown) = shown.filter(|out| out.status.success()) else { continue };
        let shown = String::from_utf8_lossy(&shown.stdout);
        let shown: Vec<&str> = shown.lines().map(str::trim).collect();
        let mut seen = 0;
        for (i, line) in shown.iter().enumerate() {
            if *line == "ARGUMENTS" || *line == "OPTIONS" {
                seen += 1;
                let next = shown.get(i + 1).copied().unwrap_or_default();
                assert!(
                    !next.is_empty(),
                    "{lang}: a blank line after {line}:\n{}",
                    shown.join("\n")
                );
            }
        }
        assert!(seen > 10, "{lang}: {}", shown.join("\n"));
    }
}

/// An interactive bash in a pseudo-terminal, in a folder of its own, with the completion
/// hook sourced: what readline puts on the line is read off the emulated screen.
#[cfg(unix)]
struct Bash {
    parser: std::sync::Arc<std::sync::Mutex<vt100::Parser>>,
    writer: Box<dyn std::io::Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    folder: tempfile::TempDir,
}

#[cfg(unix)]
impl Bash {
    const COLUMNS: u16 = 150;
    /// How long the screen may take to show what is waited for: each Tab starts the debug
    /// binary, slow on two cores shared by parallel test runs.
    const PATIENCE: std::time::Duration = std::time::Duration::from_secs(60);

    fn start(home: &Home) -> Bash {
        use portable_pty::{CommandBuilder, PtySize, native_pty_system};
        let size = PtySize { rows: 10, cols: Bash::COLUMNS, pixel_width: 0, pixel_height: 0 };
        let pty = native_pty_system().openpty(size).expect("a pseudo-terminal");
        let folder = tempfile::tempdir().expect("a folder to complete in");
        let mut command = CommandBuilder::new("bash");
        command.args(["--norc", "--noprofile", "-i"]);
        command.cwd(folder.path());
        let binary = std::path::Path::new(env!("CARGO_BIN_EXE_partners"));
        let bin_dir = binary.parent().expect("the binary's folder");
        let path = std::env::var("PATH").unwrap_or_default();
        command.env("PATH", format!("{}:{path}", bin_dir.display()));
        command.env("PARTNERS_HOME", home.path());
        command.env("TERM", "xterm-256color");
        command.env("LANG", "C.UTF-8");
        command.env("PS1", "$ ");
        command.env("INPUTRC", "/dev/null");
        let child = pty.slave.spawn_command(command).expect("bash starts");
        drop(pty.slave);
        let parser = std::sync::Arc::new(std::sync::Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(10).expect("rows"),
            std::num::NonZeroU16::new(Bash::COLUMNS).expect("columns"),
            0,
        )));
        let mut reader = pty.master.try_clone_reader().expect("a reader");
        let feed = std::sync::Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(n @ 1..) = std::io::Read::read(&mut reader, &mut buffer) {
                feed.lock().expect("lock").process(&buffer[..n]);
            }
        });
        let writer = pty.master.take_writer().expect("a writer");
        std::mem::forget(pty.master);
        let mut bash = Bash { parser, writer, child, folder };
        // Bash's first prompt reads `$ ` as the one after the command does: waited for
        // alone, a slow start may have the next line typed while the command runs, echoed by
        // the terminal before the prompt, and the line never reads as expected. The command's
        // output, which its echo does not hold, is waited for first.
        let sourced = format!("source <('{}' completions bash)", binary.display());
        bash.type_text(&format!("{sourced} && echo \"sourced\"\" $?\"\n"));
        bash.wait_for("the completion to be loaded", |screen| {
            screen.rows(0, Bash::COLUMNS).any(|row| row.trim_end() == "sourced 0")
        });
        bash.line_is("$ ");
        bash
    }

    fn type_text(&mut self, text: &str) {
        self.writer.write_all(text.as_bytes()).expect("typing");
        self.writer.flush().expect("typing");
    }

    /// The line the cursor is on, without trailing blanks.
    fn line(screen: &vt100::Screen) -> String {
        let (row, _) = screen.cursor_position();
        screen
            .rows(0, Bash::COLUMNS)
            .nth(usize::from(row))
            .unwrap_or_default()
            .trim_end()
            .to_owned()
    }

    /// Waits for the cursor's line to read `expected` (after the prompt `$ `).
    fn line_is(&self, expected: &str) {
        let what = format!("the line to read {expected:?}");
        self.wait_for(&what, |screen| Bash::line(screen) == expected.trim_end());
    }

    /// Waits for `done` to hold of the screen, [`Bash::PATIENCE`] at most.
    fn wait_for(&self, what: &str, done: impl Fn(&vt100::Screen) -> bool) {
        let start = std::time::Instant::now();
        loop {
            let line = {
                let parser = self.parser.lock().expect("lock");
                if done(parser.screen()) {
                    return;
                }
                Bash::line(parser.screen())
            };
            let waited = start.elapsed();
            assert!(
                waited < Bash::PATIENCE,
                "waited {waited:?} for {what}; the line reads {line:?}"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }

    /// Types `typed`, then Tab, and waits for the line to read `expected`, then clears it.
    fn complete(&mut self, typed: &str, expected: &str) {
        self.type_text(typed);
        self.line_is(&format!("$ {typed}"));
        self.keys("\t", expected);
    }

    /// Types `keys` and waits for the line to read `expected`, then clears it.
    fn keys(&mut self, keys: &str, expected: &str) {
        self.type_text(keys);
        self.line_is(&format!("$ {expected}"));
        // Ctrl-U empties the line.
        self.type_text("\u{15}");
        self.line_is("$ ");
    }
}

#[cfg(unix)]
impl Drop for Bash {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// File names go on the line quoted as bash's own file completion quotes them: a space, a
/// quote or `$( )` in a name stays in the name, and nothing runs when the line is entered.
#[cfg(unix)]
#[test]
fn bash_quotes_the_file_names_it_completes() {
    let home = Home::new();
    let mut bash = Bash::start(&home);
    let folder = bash.folder.path().to_owned();
    for name in ["my data.ron", "it's.ron", "a$b.ron", "report$(touch PWNED).ron", "q\"t.ron"] {
        std::fs::write(folder.join(name), "").expect("a file");
    }
    std::fs::create_dir(folder.join("dir with space")).expect("a folder");
    std::fs::write(folder.join("dir with space/inner.ron"), "").expect("a file in it");
    for (typed, completed) in [
        ("partners validate rep", r"partners validate report\$\(touch\ PWNED\).ron "),
        ("partners --data my", r"partners --data my\ data.ron "),
        ("partners --data it", r"partners --data it\'s.ron "),
        ("partners --data a", r"partners --data a\$b.ron "),
        ("partners --data q", r#"partners --data q\"t.ron "#),
        ("partners export -o my", r"partners export -o my\ data.ron "),
        ("partners --home di", r"partners --home dir\ with\ space/"),
        (r"partners --data dir\ with\ space/", r"partners --data dir\ with\ space/inner.ron "),
        (r#"partners --data "my d"#, r#"partners --data "my data.ron" "#),
        ("partners --data 'it", r"partners --data 'it'\''s.ron' "),
        ("partners --data=my", r"partners --data=my\ data.ron "),
        ("partners show ug", "partners show ugap "),
    ] {
        bash.complete(typed, completed);
    }
    // Entered, the completed line gives the file its own name; `touch PWNED` never runs.
    bash.type_text("partners validate rep\t");
    bash.line_is(r"$ partners validate report\$\(touch\ PWNED\).ron");
    bash.type_text("\n");
    bash.line_is("$ ");
    assert!(!folder.join("PWNED").exists(), "the file name ran as a command");
    let screen = bash.parser.lock().expect("lock").screen().contents();
    assert!(screen.contains("report$(touch PWNED).ron:"), "{screen}");
}

/// The kinds complete after `list --kind` and `kind:` in a query, as the command line
/// accepts them: slugs in English, the list's words in French.
#[test]
fn kinds_complete_in_the_users_language() {
    let home = Home::new();
    for (lang, first) in [("en", "local-authority"), ("fr", "collectivité")] {
        let kinds = ask(&home, "bash", &["partners", "--lang", lang, "list", "--kind", ""]);
        assert_eq!(kinds.len(), 10, "{lang}: {kinds:?}");
        assert_eq!(kinds[0], first);
        for kind in &kinds {
            home.ok(&["--lang", lang, "list", "--kind", kind]);
            home.ok(&["--lang", lang, "search", &format!("kind:{kind}")]);
        }
    }
    assert_eq!(ask(&home, "bash", &["partners", "list", "--kind", "pu"]), ["public-body"]);
    // bash replaces what follows the colon; fish (and zsh) the whole word.
    assert_eq!(ask(&home, "bash", &["partners", "search", "kind:me"]), ["media"]);
    assert_eq!(ask(&home, "fish", &["partners", "search", "ugap", "!kind:me"]), ["!kind:media"]);
    assert_eq!(ask(&home, "fish", &["partners", "kind:me"]), ["kind:media"]);
}

/// The other filters with a fixed list of values complete too, each value one the query
/// takes in that language.
#[test]
fn scopes_topics_and_marks_complete_as_the_query_takes_them() {
    let home = Home::new();
    for lang in ["en", "fr"] {
        for filter in ["scope:", "topic:", "is:", "has:", "!topic:"] {
            let values = ask(&home, "fish", &["partners", "--lang", lang, "search", filter]);
            assert!(values.len() >= 2, "{lang} {filter}: {values:?}");
            for value in &values {
                assert!(value.starts_with(filter), "{value}");
                // A value the query refuses is an error (exit 2); none that matches is 1.
                let out = home.cmd().args(["--lang", lang, "search", value]).output();
                let code = out.expect("partners runs").status.code();
                assert!(matches!(code, Some(0 | 1)), "{lang} {value}: exit {code:?}");
            }
        }
    }
    assert_eq!(ask(&home, "bash", &["partners", "search", "scope:eu"]), ["european"]);
    assert_eq!(
        ask(&home, "bash", &["partners", "--lang", "fr", "search", "scope:eu"]),
        ["europeen"]
    );
    assert_eq!(ask(&home, "fish", &["partners", "search", "is:s"]), ["is:starred"]);
    assert_eq!(ask(&home, "fish", &["partners", "search", "has:N"]), ["has:note"]);
    assert!(ask(&home, "fish", &["partners", "search", "in:bor"]).is_empty(), "free text");
}

/// In a real bash: kinds complete, and Tab never puts the options' common `--` on the line
/// (`kind:` became `kind:--`, which is no kind).
#[cfg(unix)]
#[test]
fn bash_completes_kinds_and_never_inserts_dashes() {
    let home = Home::new();
    let mut bash = Bash::start(&home);
    bash.complete("partners search kind:me", "partners search kind:media ");
    bash.complete("partners list --kind pu", "partners list --kind public-body ");
    bash.complete(
        "partners --lang fr list --kind col",
        "partners --lang fr list --kind collectivité ",
    );
    // A letter typed after the Tab shows what the Tab did.
    bash.keys("partners search kind:\tx", "partners search kind:x");
    bash.keys("partners show ugap \tx", "partners show ugap x");
    bash.keys("partners export \tx", "partners export x");
    bash.keys("partners export -\t\t-fo\t", "partners export --format ");
}

/// What a value means (`csv` of `--format`, `bash` of `completions`), shown beside it, is in
/// the user's language too: every value's French description differs from its English one.
#[test]
fn values_are_described_in_the_users_language() {
    let home = Home::new();
    let described = |locale: &str, line: &[&str]| {
        fish_says(&home, locale, line).lines().map(str::to_owned).collect::<Vec<_>>()
    };
    let lines: [&[&str]; 5] = [
        &["partners", "export", "--format", ""],
        &["partners", "export", "--separator", ""],
        &["partners", "--theme", ""],
        &["partners", "--lang", ""],
        &["partners", "completions", ""],
    ];
    for line in lines {
        let (english, french) = (described("C", line), described("fr_FR.UTF-8", line));
        assert_eq!(english.len(), french.len(), "{line:?}: {french:?}");
        assert!(english.iter().all(|l| l.contains('\t')), "{line:?}: {english:?}");
        for (english, french) in english.iter().zip(&french) {
            let value = english.split('\t').next().unwrap_or_default();
            assert!(french.starts_with(&format!("{value}\t")), "{line:?}: {french}");
            assert_ne!(english, french, "{line:?}: said in English in French");
        }
    }
}
