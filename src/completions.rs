//! Shell completions and the man page.
//!
//! Completions are dynamic: the shell asks the binary itself at each Tab (`clap_complete`'s
//! `COMPLETE=<shell> partners`, "unstable-dynamic"), so partner ids come from the datasets in
//! use now, the user's own included, which a script generated once could not know. That
//! works the same in bash, zsh, fish and PowerShell. `partners completions SHELL` prints the
//! small script that hooks the binary into the shell; re-sourcing it at shell start-up (as
//! the README says) keeps it in step with the binary. Bash has its own adapter ([`bash`]),
//! which quotes file names on the line; zsh, fish and PowerShell theirs ([`shells`]), so that
//! in every shell a word not begun is offered the commands, and `--json` before the command
//! the commands that print JSON ([`offered`]).

mod bash;
mod shells;

use std::ffi::{OsStr, OsString};
use std::io::{self, Write};
use std::path::PathBuf;

use clap::CommandFactory as _;
use clap_complete::CompletionCandidate;
use clap_complete::env::{CompleteEnv, Elvish, EnvCompleter, Shells};

pub use self::bash::Bash;
pub use self::shells::{FISH, POWERSHELL, Zsh};

use crate::catalog::Catalog;
use crate::cli::Cli;
use crate::dataset::{Kind, Scope, Topic};
use crate::i18n::Lang;
use crate::search::{fold, kind_listed, scope_listed, topic_listed};
use crate::store::Store;
use crate::text::clean;

/// The environment variable through which the shell asks for completions.
pub const VAR: &str = "COMPLETE";

/// The shells `partners completions` writes a script for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    /// Bash 4.4 or later (`source <(partners completions bash)` in ~/.bashrc).
    Bash,
    /// Zsh (`source <(partners completions zsh)` in ~/.zshrc).
    Zsh,
    /// Fish (`partners completions fish | source` in config.fish).
    Fish,
    /// PowerShell (`partners completions powershell | Out-String | Invoke-Expression`).
    Powershell,
}

/// Answers the shell and exits when it is asking for completions (`COMPLETE` is set);
/// returns otherwise. Call it first thing in `main`, before anything is printed.
pub fn complete_if_asked() {
    // Values are offered as the command line accepts them, in the user's language: the
    // words being completed follow the first `--`.
    let words: Vec<_> = std::env::args_os().skip_while(|arg| arg != "--").skip(1).collect();
    crate::i18n::set(Lang::asked_in(words.iter().cloned()).unwrap_or_else(Lang::from_locale));
    see_home_typed(words);
    let shells = Shells(&[&Bash, &Elvish, &FISH, &POWERSHELL, &Zsh]);
    CompleteEnv::with_factory(completed_command).var(VAR).shells(shells).complete();
}

/// The command line as the shell completes it, its descriptions in the user's language (as
/// `--help` has them). `--json` is offered before the command (`partners --json search`),
/// where it may be written, though the help hides it there: each command that takes it
/// lists its own. Shown once built, so that the copies the other commands are given, which
/// they refuse, stay hidden.
fn completed_command() -> clap::Command {
    let lang = crate::i18n::lang();
    let mut command = crate::cli::command(lang);
    if lang == Lang::Fr {
        command = values_in_french(command);
    }
    command.build();
    command.mut_arg("json", |json| json.hide(false))
}

/// `command` with what its values mean (`csv` of `--format`: a spreadsheet…) in French, as
/// completion shows it beside them: clap has them in English only, from the doc comments.
/// Only for completing: the values keep their names, but are parsed as plain words.
fn values_in_french(mut command: clap::Command) -> clap::Command {
    use clap::builder::{PossibleValue, PossibleValuesParser};
    let described: Vec<(String, Vec<PossibleValue>)> = command
        .get_arguments()
        .map(|arg| (arg.get_id().as_str().to_owned(), arg.get_possible_values()))
        .filter(|(_, values)| values.iter().any(|v| v.get_help().is_some()))
        .collect();
    for (id, values) in described {
        let values = values.into_iter().map(|value| {
            let english = value.get_help().map(ToString::to_string);
            let help = english.and_then(|english| crate::i18n::help::french_value_help(&english));
            value.help(help)
        });
        let parser = PossibleValuesParser::new(values.collect::<Vec<_>>());
        command = command.mut_arg(id, |arg| arg.value_parser(parser));
    }
    let names: Vec<String> =
        command.get_subcommands().map(|sub| sub.get_name().to_owned()).collect();
    for name in names {
        command = command.mut_subcommand(name, values_in_french);
    }
    command
}

/// Keeps of `candidates` what a Tab on the word `index` of `args` offers, `command` built:
/// on a word not begun, options would bury the commands (and bash would put their common
/// `--` on the line), so they are offered once a `-` is typed, in every shell alike. After a
/// `--json` written before the command, the commands offered are those that print JSON: the
/// others refuse it.
fn offered(
    command: &clap::Command,
    args: &[OsString],
    index: usize,
    candidates: &mut Vec<CompletionCandidate>,
) {
    if args.get(index).is_none_or(|word| word.is_empty()) {
        candidates.retain(|c| !c.get_id().is_some_and(|id| id.starts_with("arg::")));
    }
    let before = args.iter().take(index).skip(1);
    let before_command =
        before.take_while(|word| *word != "--" && command.find_subcommand(word).is_none());
    if before_command.into_iter().any(|word| word == "--json") {
        let json = crate::cli::printing_json(command);
        candidates.retain(|c| match c.get_id().and_then(|id| id.strip_prefix("command::")) {
            Some(name) => json.contains(&name),
            None => true,
        });
    }
}

/// Writes the script that makes `shell` complete `partners` by asking the binary.
pub fn registration(shell: Shell, out: &mut dyn Write) -> io::Result<()> {
    let completer: &dyn EnvCompleter = match shell {
        Shell::Bash => &Bash,
        Shell::Zsh => &Zsh,
        Shell::Fish => &FISH,
        Shell::Powershell => &POWERSHELL,
    };
    let bin = Cli::command().get_name().to_owned();
    completer.write_registration(VAR, &bin, &bin, &this_binary(&bin), out)
}

/// How the script calls this binary: as it was called, made absolute when it was called by
/// a path (as `clap_complete` does), so a binary not on the PATH still completes.
fn this_binary(bin: &str) -> String {
    let Some(called) = std::env::args_os().next().map(PathBuf::from) else {
        return bin.to_owned();
    };
    if called.components().count() > 1 {
        let absolute = std::env::current_dir().map(|dir| dir.join(&called)).unwrap_or(called);
        absolute.to_string_lossy().into_owned()
    } else {
        called.to_string_lossy().into_owned()
    }
}

/// Partner ids of `catalog` that start with `prefix`, sorted, each with its name.
pub fn ids_starting_with<'a>(catalog: &'a Catalog, prefix: &str) -> Vec<(&'a str, &'a str)> {
    let mut ids: Vec<(&str, &str)> = catalog
        .partners()
        .iter()
        .filter(|p| p.id.starts_with(prefix))
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    ids.sort_unstable();
    ids
}

/// The home folder a `--home DIR` (or `--home=DIR`) typed on the line being completed names.
static HOME_TYPED: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();

/// Notes the `--home` among `words`, the words of the line being completed, so that ids
/// come from that home's datasets, as the command will read them.
pub fn see_home_typed(words: impl IntoIterator<Item = std::ffi::OsString>) {
    let mut home = None;
    let mut words = words.into_iter();
    while let Some(word) = words.next() {
        match word.to_str() {
            Some("--") => break,
            Some("--home") => home = words.next().map(PathBuf::from),
            Some(word) => {
                if let Some(dir) = word.strip_prefix("--home=") {
                    home = Some(PathBuf::from(dir));
                }
            }
            None => {}
        }
    }
    // The shell has not expanded a `~` on a line still being typed.
    let home = home.map(|dir| match (dir.strip_prefix("~"), std::env::var_os("HOME")) {
        (Ok(rest), Some(user)) => PathBuf::from(user).join(rest),
        _ => dir,
    });
    if let Some(home) = home.filter(|dir| !dir.as_os_str().is_empty()) {
        let _ = HOME_TYPED.set(home);
    }
}

/// The completer of partner ids (`show`, `star`, `unstar`, `met`, `note`): the bundled
/// partners and the user's datasets (those of a `--home` typed on the line, else of
/// `PARTNERS_HOME` or the platform's folder; a `--data` typed on the same line is not seen),
/// each id with the partner's name as its help.
pub fn complete_id(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(prefix) = current.to_str() else { return Vec::new() };
    let datasets = Store::resolve_datasets(HOME_TYPED.get().map(PathBuf::as_path));
    let Ok(catalog) =
        Catalog::load(&[], datasets.as_deref(), crate::catalog::Ready::OnFirstUse, &|_| {})
    else {
        return Vec::new();
    };
    ids_starting_with(&catalog, prefix)
        .into_iter()
        .map(|(id, name)| CompletionCandidate::new(id).help(Some(clean(name).into_owned().into())))
        .collect()
}

/// The completer of `list --kind`: the kinds as the command line lists them (slugs in
/// English, the list's words in French), those that start with what is typed.
pub fn complete_kind(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(typed) = current.to_str() else { return Vec::new() };
    kinds_starting_with(typed).map(CompletionCandidate::new).collect()
}

/// The completer of a query's words: the values of the filters that have a fixed list
/// (`kind:`, `scope:`, `topic:`, `is:`, `has:`, or with `!`) as the query takes them in the
/// user's language. Other words are free text, which has nothing to offer.
pub fn complete_query(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(word) = current.to_str() else { return Vec::new() };
    let (not, rest) = word.split_at(usize::from(word.starts_with('!')));
    let Some((key, typed)) = rest.split_once(':') else { return Vec::new() };
    let values: Vec<String> = match key.to_ascii_lowercase().as_str() {
        "kind" => Kind::ALL.iter().map(|&k| kind_listed(k).to_owned()).collect(),
        "scope" => Scope::ALL.iter().map(|&s| scope_listed(s)).collect(),
        "topic" => Topic::ALL.iter().map(|&t| topic_listed(t)).collect(),
        "is" => vec!["starred".to_owned(), "met".to_owned()],
        "has" => vec!["note".to_owned(), "alias".to_owned()],
        _ => return Vec::new(),
    };
    let typed = fold(typed);
    let values = values.into_iter().filter(|value| fold(value).starts_with(&typed));
    values.map(|value| CompletionCandidate::new(format!("{not}{key}:{value}"))).collect()
}

/// The kinds as [`kind_listed`] names them whose name starts with `typed`, letter case and
/// accents aside.
fn kinds_starting_with(typed: &str) -> impl Iterator<Item = &'static str> {
    let typed = fold(typed);
    Kind::ALL
        .iter()
        .map(|&kind| kind_listed(kind))
        .filter(move |name| fold(name).starts_with(&typed))
}

/// Writes the man page (roff), for `partners man > partners.1`, in the language of the
/// messages. Every command is described in full on this one page, its options included:
/// `clap_mangen` would only name `partners-export(1)` and others, pages no one installs.
pub fn man(out: &mut dyn Write) -> io::Result<()> {
    let mut page = Vec::new();
    man_parts(&mut page)?;
    // Each part rendered defines the quote string again: once is enough.
    let mut defined = std::collections::HashSet::new();
    let page = String::from_utf8_lossy(&page);
    // clap_mangen puts an empty line between two breaks before an option's "Possible
    // values:", which roff prints as a blank line under the option's text: one break.
    let mut last = "";
    for line in page.lines().filter(|line| !line.is_empty()) {
        let definition = line.starts_with(".ie \\n(.g .ds Aq") || line.starts_with(".el .ds Aq");
        let again = line == ".br" && last == ".br";
        if !again && (!definition || defined.insert(line)) {
            writeln!(out, "{line}")?;
        }
        last = line;
    }
    Ok(())
}

/// The man page's parts, each as `clap_mangen` renders it, under headings in the user's
/// language (`clap_mangen` writes its own in English).
fn man_parts(out: &mut dyn Write) -> io::Result<()> {
    let said = crate::i18n::cli();
    let mut command =
        crate::cli::command(crate::i18n::lang()).subcommand_value_name(said.man_command);
    command.build();
    let page = clap_mangen::Man::new(command.clone());
    page.render_title(out)?;
    let section = |heading: &str| format!(".SH {heading}");
    headed(out, &section(said.man_name), |w| page.render_name_section(w))?;
    headed(out, &section(said.man_synopsis), |w| page.render_synopsis_section(w))?;
    headed(out, &section(said.man_description), |w| page.render_description_section(w))?;
    arguments_and_options(out, &command, section)?;
    writeln!(out, "{}", section(said.man_commands))?;
    for sub in command.get_subcommands().filter(|sub| sub.get_name() != "help") {
        // The options every command takes are said once, above.
        let sub = sub.clone().mut_args(|arg| {
            let everywhere = arg.is_global_set() || arg.get_id() == "help";
            if everywhere { arg.hide(true) } else { arg }
        });
        let name = sub.get_bin_name().unwrap_or_else(|| sub.get_name()).to_owned();
        writeln!(out, ".SS \"{name}\"")?;
        let part = clap_mangen::Man::new(sub.clone());
        headed(out, "", |w| part.render_description_section(w))?;
        headed(out, ".PP", |w| part.render_synopsis_section(w))?;
        // A section heading would end the section of commands: a paragraph's, in bold.
        arguments_and_options(out, &sub, |heading| format!(".PP\n.B {heading}"))?;
    }
    headed(out, &section(said.man_version), |w| page.render_version_section(w))
}

/// The words `command` takes (its positional arguments), then its options, each under its
/// heading as `heading` writes it; none when there are none.
fn arguments_and_options(
    out: &mut dyn Write,
    command: &clap::Command,
    heading: impl Fn(&str) -> String,
) -> io::Result<()> {
    let said = crate::i18n::cli();
    for (positional, name) in [(true, said.man_arguments), (false, said.man_options)] {
        // Without their help's headings (French has its own), the others hidden.
        let only = command.clone().mut_args(|arg| {
            let arg = arg.help_heading(None);
            if arg.is_positional() == positional { arg } else { arg.hide(true) }
        });
        let part = clap_mangen::Man::new(only);
        headed(out, &heading(name), |w| part.render_options_section(w))?;
    }
    Ok(())
}

/// What `render` writes, its own `.SH` headings left out, under `heading` (roff lines, or
/// nothing); nothing at all when it writes nothing else.
fn headed(
    out: &mut dyn Write,
    heading: &str,
    render: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut text = Vec::new();
    render(&mut text)?;
    let text = String::from_utf8_lossy(&text);
    let lines: Vec<&str> = text.lines().filter(|line| !line.starts_with(".SH")).collect();
    let defines =
        |line: &&str| line.starts_with(".ie \\n(.g .ds Aq") || line.starts_with(".el .ds Aq");
    if lines.iter().all(defines) {
        return Ok(());
    }
    if !heading.is_empty() {
        writeln!(out, "{heading}")?;
    }
    // A bold heading inside a command is followed by its first item with no blank line
    // between (as `.SH` is): no paragraph spacing for that item alone, the usual after it.
    let mut tight = heading.lines().last().is_some_and(|line| line.starts_with(".B "));
    if tight {
        writeln!(out, ".PD 0")?;
    }
    for line in lines {
        writeln!(out, "{line}")?;
        if tight && (line == ".TP" || line == ".PP" || line == ".IP") {
            writeln!(out, ".PD")?;
            tight = false;
        }
    }
    if tight {
        writeln!(out, ".PD")?;
    }
    Ok(())
}
