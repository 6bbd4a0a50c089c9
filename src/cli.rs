//! The command line: its grammar (clap), and what a query that opens the browser may have
//! meant. `commands` runs every subcommand that does not open the browser, `report` says
//! how a command line was refused and how a command failed. Subcommands print to the writers
//! they are given, so tests can run them in-process. Everything meant for a person goes
//! through [`crate::text`]'s sanitiser, so no data (names, ids, notes, file names, error
//! messages quoting them) can drive the terminal. Every message is taken from
//! [`crate::i18n::cli()`], in the language `main` chose; `--help` is French too
//! (see [`command`]).

mod commands;
mod report;
mod validate;

use std::path::PathBuf;

use anyhow::{Result, bail};
use clap::{Parser, Subcommand};
use clap_complete::ArgValueCompleter;

pub use self::commands::{Env, load_catalog, run, tell_waiting_for_lock};
pub use self::report::{is_broken_pipe, refusal, report};
use crate::completions;
use crate::dataset::Kind;
use crate::export::{ExportFormat, Separator};
use crate::i18n::{self, Lang, fill};
use crate::output::CardFormat;
use crate::text::clean;
use crate::ui::theme::ThemeName;

/// The command line's grammar with its help in `lang` (clap's own is English).
pub fn command(lang: Lang) -> clap::Command {
    use clap::CommandFactory;
    match lang {
        Lang::En => Cli::command(),
        Lang::Fr => {
            let mut command = in_french(Cli::command(), "");
            let commands = i18n::help::french_value_name("COMMAND").unwrap_or("COMMAND");
            command = command.subcommand_value_name(commands);
            // clap makes its `help` subcommand when the command is built.
            command.build();
            let about = i18n::help::french("help", "<about>").unwrap_or_default();
            command.mut_subcommand("help", |help| help.about(about))
        }
    }
}

/// Parses the command line, its help in `lang`.
pub fn parse(lang: Lang) -> Result<Cli, clap::Error> {
    use clap::FromArgMatches;
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let mut command = command(lang);
    let matches = command
        .try_get_matches_from_mut(&args)
        .map_err(|error| name_the_word_typed(error, &args))?;
    refuse_json_where_unknown(&matches, &mut command, &args)?;
    Cli::from_arg_matches(&matches)
}

/// clap names an unknown word typed with one dash by its first letter (`-f` of `partners
/// search -foo`), which the user never typed: the error names the word, and so does its tip
/// to pass it after `--`. `args`: the command line.
fn name_the_word_typed(mut error: clap::Error, args: &[std::ffi::OsString]) -> clap::Error {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let flag = match error.get(ContextKind::InvalidArg) {
        Some(ContextValue::String(flag)) if error.kind() == ErrorKind::UnknownArgument => {
            flag.clone()
        }
        _ => return error,
    };
    if flag.starts_with("--") || flag.chars().count() != 2 {
        return error;
    }
    let words = args.iter().skip(1).filter_map(|arg| arg.to_str()).take_while(|&arg| arg != "--");
    // Typed alone, it is what clap names.
    if words.clone().any(|word| word == flag) {
        return error;
    }
    let Some(typed) = words.into_iter().find(|word| word.starts_with(&flag)) else {
        return error;
    };
    if error.get(ContextKind::Suggested).is_some() {
        // clap's words, as it says them for the letter.
        let tip = format!("to pass '{typed}' as a value, use '-- {typed}'");
        error.insert(ContextKind::Suggested, ContextValue::StyledStrs(vec![tip.into()]));
    }
    error.insert(ContextKind::InvalidArg, ContextValue::String(typed.to_owned()));
    error
}

/// `--json` is global so that it may come before the command (`partners --json search
/// ugap`); clap then takes it for every command and checks it only where it is written. So
/// it is refused here, in clap's words, where clap refuses it after the command: with no
/// command, with a command that prints no JSON, or with an option of the command it cannot
/// be used with (`partners --json show ID --format md`). `args`: the command line.
fn refuse_json_where_unknown(
    matches: &clap::ArgMatches,
    command: &mut clap::Command,
    args: &[std::ffi::OsString],
) -> Result<(), clap::Error> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    use clap::parser::ValueSource;
    if !matches.get_flag("json") {
        return Ok(());
    }
    command.build();
    let these = printing_json(command).join(i18n::cli().list_separator);
    // The options before a command that take the next word as their value.
    let valued: Vec<String> = command
        .get_arguments()
        .filter(|arg| arg.get_action().takes_values())
        .filter_map(|arg| arg.get_long().map(|long| format!("--{long}")))
        .collect();
    let after_command = json_after_command(args, matches.subcommand_name(), &valued);
    let (command, matches) = match matches.subcommand() {
        Some((name, sub)) => match command.find_subcommand_mut(name) {
            Some(command) => (command, sub),
            None => return Ok(()),
        },
        None => (command, matches),
    };
    let usage = command.render_usage();
    // The command's own `--json`, not the copy of the global one clap gives every command.
    let own = command.get_arguments().find(|arg| arg.get_id() == "json" && !arg.is_global_set());
    let mut error = if let Some(json) = own {
        let given = |arg: &&clap::Arg| {
            matches.value_source(arg.get_id().as_str()) == Some(ValueSource::CommandLine)
        };
        let conflicts = |arg: &clap::Arg, with: &clap::Arg| {
            command.get_arg_conflicts_with(arg).iter().any(|c| c.get_id() == with.get_id())
        };
        let other = command
            .get_arguments()
            .filter(given)
            .find(|arg| !arg.is_global_set() && (conflicts(json, arg) || conflicts(arg, json)));
        let Some(other) = other else { return Ok(()) };
        let mut error = clap::Error::new(ErrorKind::ArgumentConflict).with_cmd(command);
        error.insert(ContextKind::PriorArg, ContextValue::String(other.to_string()));
        error
    } else {
        let mut error = clap::Error::new(ErrorKind::UnknownArgument).with_cmd(command);
        let mut tips = Vec::new();
        // As clap says it where `--json` may be one of the command's words (`validate x.ron
        // --json`); not after `star ID`, whose one word is given, nor before the command.
        let takes_words = command
            .get_positionals()
            .any(|arg| arg.get_num_args().is_some_and(|n| n.max_values() > 1));
        if takes_words && after_command {
            tips.push("to pass '--json' as a value, use '-- --json'".into());
        }
        // Said so, since the shell offers `--json` before every command.
        let name = command.get_bin_name().unwrap_or_else(|| command.get_name());
        let tip = fill(i18n::cli().arg_no_json, &[&name, &these]);
        tips.push(tip.clone().into());
        error.insert(ContextKind::Suggested, ContextValue::StyledStrs(tips));
        // The French refusal says clap's tips again, this one as it is.
        error.insert(ContextKind::Custom, ContextValue::String(tip));
        error
    };
    error.insert(ContextKind::InvalidArg, ContextValue::String("--json".to_owned()));
    error.insert(ContextKind::Usage, ContextValue::StyledStr(usage));
    Err(error)
}

/// Whether `--json` was typed after the command named `name` (`None`: the program itself, whose
/// words it is among) on the command line `args`, rather than before it; `valued`: the options
/// that take the next word as their value.
fn json_after_command(args: &[std::ffi::OsString], name: Option<&str>, valued: &[String]) -> bool {
    let words: Vec<&str> =
        args.iter().skip(1).filter_map(|arg| arg.to_str()).take_while(|&arg| arg != "--").collect();
    let Some(json) = words.iter().position(|&word| word == "--json") else { return false };
    let Some(name) = name else { return true };
    // The command's name, not the value of an option before it (`--home star star ugap`).
    let takes_value = |word: &str| valued.iter().any(|option| option == word);
    let named =
        (0..words.len()).find(|&i| words[i] == name && (i == 0 || !takes_value(words[i - 1])));
    named.is_some_and(|named| named < json)
}

/// The names of `command`'s subcommands that print JSON: those with a `--json` of their own,
/// not the copy of the global one clap gives every command once built.
pub fn printing_json(command: &clap::Command) -> Vec<&str> {
    let own = |sub: &&clap::Command| {
        sub.get_arguments().any(|arg| arg.get_id() == "json" && !arg.is_global_set())
    };
    command.get_subcommands().filter(own).map(clap::Command::get_name).collect()
}

/// The French help's heading of options (clap adds the colon).
const OPTIONS: &str = "Options\u{a0}";

/// `command` (named `name` in [`i18n::help::french`], `""` for the program) with its help,
/// its arguments' and its subcommands' in French: the texts, the headings, and clap's own
/// help and version flags.
fn in_french(mut command: clap::Command, name: &str) -> clap::Command {
    use clap::{Arg, ArgAction};
    let french = |id: &str| i18n::help::french(name, id);
    if let Some(about) = french("<about>") {
        let short = about.split("\n\n").next().unwrap_or(about).trim_end_matches('.');
        command = command.about(short).long_about(about.contains("\n\n").then_some(about));
    }
    let ids: Vec<String> =
        command.get_arguments().map(|arg| arg.get_id().as_str().to_owned()).collect();
    for id in ids {
        let text = french(&id);
        command = command.mut_arg(&id, |arg| {
            let heading = if arg.is_positional() { "Arguments\u{a0}" } else { OPTIONS };
            let arg = arg.help_heading(heading);
            // `--data <FICHIER>`, `[RECHERCHE]`: the names of values in French too.
            let names: Vec<&'static str> = arg
                .get_value_names()
                .unwrap_or_default()
                .iter()
                .filter_map(|name| i18n::help::french_value_name(name.as_str()))
                .collect();
            let arg = if names.is_empty() { arg } else { arg.value_names(names) };
            match text {
                // The values are in the French text: clap would list them in English.
                Some(text) if arg.get_action().takes_values() => {
                    arg.help(text).long_help(None).hide_possible_values(true)
                }
                Some(text) => arg.help(text).long_help(None),
                None => arg,
            }
        });
    }
    // clap's own flags, made again with French texts.
    let flag = |id: &'static str, short: char, action: ArgAction| {
        let text = french(id).unwrap_or_default();
        Arg::new(id).short(short).long(id).action(action).help(text).help_heading(OPTIONS)
    };
    command = command
        .disable_help_flag(true)
        .arg(flag("help", 'h', ArgAction::Help))
        .subcommand_help_heading("Commandes\u{a0}")
        .help_template(
            "{about-with-newline}\nUtilisation\u{a0}: {usage}\n\n{all-args}{after-help}",
        );
    if name.is_empty() {
        command = command.disable_version_flag(true).arg(flag("version", 'V', ArgAction::Version));
    }
    let subcommands: Vec<String> =
        command.get_subcommands().map(|sub| sub.get_name().to_owned()).collect();
    for sub in subcommands {
        command = command.mut_subcommand(&sub, |c| in_french(c, &sub));
    }
    command
}

/// A terminal browser for a network of partner organisations.
///
/// With no command, opens the browser; `partners QUERY` opens it with QUERY typed.
#[derive(Debug, Parser)]
#[command(name = "partners", version)]
pub struct Cli {
    /// Use only this dataset file instead of the bundled one and your datasets (repeatable;
    /// `-` reads standard input).
    #[arg(long = "data", value_name = "FILE", global = true, value_parser = data_file())]
    pub data: Vec<PathBuf>,
    /// Folder for your stars and notes (state.ron), your datasets (datasets/) and config.toml
    /// [default: `$PARTNERS_HOME`; else stars and notes in the platform's data folder,
    /// datasets/ and config.toml in its config folder: ~/.config/partners/ on Linux].
    #[arg(long, value_name = "DIR", global = true)]
    pub home: Option<PathBuf>,
    /// Colour theme of the browser [default: the configuration file's, else dark].
    #[arg(long, value_enum, ignore_case = true)]
    pub theme: Option<ThemeName>,
    /// Do not capture the mouse (lets the terminal select text).
    #[arg(long)]
    pub no_mouse: bool,
    /// A line-by-line prompt instead of the browser, for screen readers and dumb terminals
    /// (the default when TERM=dumb).
    #[arg(long)]
    pub plain: bool,
    /// Language of the messages [default: from `LANGUAGE`, `LC_ALL`, `LC_MESSAGES` or `LANG`, else en].
    // Any case, as the language of the messages is chosen (`Lang::asked_in`).
    #[arg(long, value_enum, value_name = "LANG", global = true, ignore_case = true)]
    pub lang: Option<Lang>,
    /// Print JSON, as the `--json` of `search`, `show`, `list` and `alias` does; it may come
    /// before the command too (`partners --json search ugap`).
    // Hidden: each of those commands lists its own, and the others take none.
    #[arg(long, global = true, hide = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Start the browser with this query typed (after `--` when it starts with `-`).
    #[arg(value_name = "QUERY", add = ArgValueCompleter::new(completions::complete_query))]
    pub query: Vec<String>,
}

/// Which partners a listing keeps, by the user's marks.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct MarkFilter {
    /// Only starred partners.
    #[arg(long)]
    pub starred: bool,
    /// Only partners marked as met.
    #[arg(long)]
    pub met: bool,
    /// Only partners with a note.
    #[arg(long)]
    pub noted: bool,
}

impl MarkFilter {
    /// Whether it selects by any mark (else it keeps every partner).
    pub fn selects(self) -> bool {
        self.starred || self.met || self.noted
    }

    /// Whether a partner with these `marks` (none: never marked) is kept.
    pub fn admits(self, marks: Option<&crate::store::Marks>) -> bool {
        (!self.starred || marks.is_some_and(|m| m.starred))
            && (!self.met || marks.is_some_and(|m| m.met))
            && (!self.noted || marks.is_some_and(|m| m.note.is_some()))
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the partners matching QUERY, best first (exit 1 when none match).
    Search {
        /// The query (same syntax as in the browser; see the README); after `--` when it
        /// starts with `-`.
        #[arg(required = true, add = ArgValueCompleter::new(completions::complete_query))]
        query: Vec<String>,
        /// Print a JSON array (each object with a `score`).
        #[arg(long)]
        json: bool,
        /// At most this many results; 0 prints none, for the exit code alone (as `grep -q`).
        // A negative number is a wrong value, not an unknown option to put after `--`.
        #[arg(long, value_name = "N", allow_negative_numbers = true)]
        limit: Option<usize>,
    },
    /// Print one partner in full.
    Show {
        /// The partner's id (see `partners list`).
        #[arg(add = ArgValueCompleter::new(completions::complete_id))]
        id: String,
        /// Print a JSON object.
        #[arg(long, conflicts_with = "format")]
        json: bool,
        /// Print the card as plain text or Markdown.
        #[arg(long, value_enum, ignore_case = true)]
        format: Option<CardFormat>,
        /// Print a QR code of the card for a phone to scan (a contact when the partner has a
        /// website, email or phone), sized to the terminal.
        #[arg(long, conflicts_with_all = ["json", "format"])]
        qr: bool,
    },
    /// Print every partner.
    List {
        /// Only partners of this kind.
        #[arg(long, value_name = "KIND", value_parser = KindValue)]
        #[arg(add = ArgValueCompleter::new(completions::complete_kind))]
        kind: Option<Kind>,
        #[command(flatten)]
        marks: MarkFilter,
        /// Print a JSON array.
        #[arg(long)]
        json: bool,
    },
    /// Check dataset files; print every problem with its line and column (exit 1 when any).
    Validate {
        /// The files to check (`-` reads standard input, as `--data -` does).
        #[arg(required = true, value_parser = data_file())]
        files: Vec<PathBuf>,
    },
    /// Star a partner.
    Star {
        /// The partner's id.
        #[arg(add = ArgValueCompleter::new(completions::complete_id))]
        id: String,
    },
    /// Remove a partner's star.
    Unstar {
        /// The partner's id.
        #[arg(add = ArgValueCompleter::new(completions::complete_id))]
        id: String,
    },
    /// Mark a partner as met (`--undo` to unmark).
    Met {
        /// The partner's id.
        #[arg(add = ArgValueCompleter::new(completions::complete_id))]
        id: String,
        /// Remove the mark instead.
        #[arg(long)]
        undo: bool,
    },
    /// Set the note on a partner (`--clear` removes it).
    Note {
        /// The partner's id.
        #[arg(add = ArgValueCompleter::new(completions::complete_id))]
        id: String,
        /// The note's text (words are joined with spaces; `-` reads standard input). It cannot
        /// be blank: `--clear` is the one way to delete a note.
        #[arg(required_unless_present = "clear", conflicts_with = "clear")]
        text: Vec<String>,
        /// Remove the note.
        #[arg(long)]
        clear: bool,
    },
    /// Your own aliases for a partner, searched like its description: `alias ID TEXT` adds
    /// one, `--remove TEXT` removes one, `alias ID` lists them.
    Alias {
        /// The partner's id.
        #[arg(add = ArgValueCompleter::new(completions::complete_id))]
        id: String,
        /// The alias to add (words are joined with spaces); one already there, whatever its
        /// case or accents, is not added twice.
        #[arg(conflicts_with = "remove")]
        text: Vec<String>,
        /// Remove this alias (compared without case or accents); one that starts with `-` too
        /// (`--remove --weird`), as it was added (`alias ID -- --weird`).
        #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
        remove: Option<String>,
        /// List the aliases as a JSON object (`{"id": ..., "aliases": [...]}`).
        #[arg(long, conflicts_with_all = ["text", "remove"])]
        json: bool,
    },
    /// Write the partners with your marks and notes, for the follow-up after an event.
    Export {
        /// Output format (also markdown, gv, graphviz, vcard, in any case); without it, the
        /// extension of `-o FILE` when it names one (.csv .tsv .json .md .markdown .dot .gv .vcf
        /// .vcard), else csv. Given with a FILE whose extension names another, it is used, with
        /// a warning.
        #[arg(long, value_enum, ignore_case = true)]
        format: Option<ExportFormat>,
        /// What separates a CSV's fields: comma (the default, also `,`), semicolon (what a
        /// spreadsheet set up for French expects, also `;`), or tab (the default for `--format
        /// tsv` and `-o FILE.tsv`). Ignored, with a warning, for another format.
        #[arg(long, value_enum, ignore_case = true, value_name = "SEP")]
        separator: Option<Separator>,
        #[command(flatten)]
        marks: MarkFilter,
        /// Write to this file instead of standard output (atomically).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print a commented dataset with one example partner, to start your own.
    Template,
    /// Print the script that makes SHELL complete commands, options and partner ids.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: completions::Shell,
    },
    /// Print the manual page (roff): `partners man > partners.1`.
    Man,
    /// The configuration file: where it is read from (`--path`), a complete commented default
    /// (`--default`), or whether it can be used (`--check`).
    Config(crate::config::ConfigArgs),
}

/// `--kind`'s values: a kind named as [`parse_kind`] reads it. An empty value (`--kind=`),
/// which every kind's name starts with, is refused as clap refuses one for a list of values
/// (`--format=`): no value, and the kinds to choose from.
#[derive(Debug, Clone, Copy)]
struct KindValue;

impl clap::builder::TypedValueParser for KindValue {
    type Value = Kind;

    fn parse_ref(
        &self,
        command: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Kind, clap::Error> {
        use clap::error::{ContextKind, ContextValue, ErrorKind};
        if !value.is_empty() {
            return clap::builder::StringValueParser::new()
                .try_map(|value: String| parse_kind(&value))
                .parse_ref(command, arg, value);
        }
        let mut error = clap::Error::new(ErrorKind::InvalidValue).with_cmd(command);
        let arg = arg.map(ToString::to_string).unwrap_or_default();
        let kinds = Kind::ALL.iter().map(|&k| crate::search::kind_listed(k).to_owned()).collect();
        error.insert(ContextKind::InvalidArg, ContextValue::String(arg));
        error.insert(ContextKind::InvalidValue, ContextValue::String(String::new()));
        error.insert(ContextKind::ValidValue, ContextValue::Strings(kinds));
        Err(error)
    }
}

/// A kind as `kind:` names it (`--kind élus`, `--kind pub`), when it names one alone.
fn parse_kind(value: &str) -> Result<Kind, String> {
    let named = crate::search::kinds_named(&crate::search::fold(value));
    if let [kind] = named[..] {
        return Ok(kind);
    }
    let listed = |kinds: &[Kind]| {
        kinds.iter().map(|&k| crate::search::kind_listed(k)).collect::<Vec<_>>().join(", ")
    };
    if named.is_empty() {
        Err(fill(i18n::data().unknown_kind, &[&listed(Kind::ALL)]))
    } else {
        Err(fill(i18n::data().ambiguous_kind, &[&listed(&named)]))
    }
}

/// The command `word` was probably meant to be: one slip away from a command's name (a
/// letter wrong, missing or extra, or two swapped; two slips in names of eight letters or
/// more, and only a swap in three-letter ones, where one slip makes another word). Clap's
/// rule for its suggestions (Jaro similarity over 0.7) would take a quarter of the bundled
/// dataset's words for commands: `paris` for `alias`, `council` for `config`.
pub fn command_like(word: &str) -> Option<String> {
    use clap::CommandFactory as _;
    let word = word.to_lowercase();
    let slips = |name: &str| strsim::osa_distance(&word, name);
    let letters = |text: &str| {
        let mut letters: Vec<char> = text.chars().collect();
        letters.sort_unstable();
        letters
    };
    let close = |name: &&str| match name.chars().count() {
        0..=3 => slips(name) == 1 && letters(&word) == letters(name),
        4..=7 => slips(name) == 1,
        _ => (1..=2).contains(&slips(name)),
    };
    let cli = Cli::command();
    let names = cli.get_subcommands().filter(|c| !c.is_hide_set()).map(clap::Command::get_name);
    names.filter(close).min_by_key(|name| slips(name)).map(str::to_owned)
}

/// What to tell a user whose query (`partners serach ugap`) starts with a word close to a
/// command, in their language: the browser opens with the query all the same (it may be one).
pub fn mistyped_command(query: &[String]) -> Option<String> {
    let (first, rest) = query.split_first()?;
    let command = command_like(first)?;
    let meant = std::iter::once(format!("partners {command}")).chain(rest.iter().cloned());
    let meant = meant.collect::<Vec<_>>().join(" ");
    Some(fill(i18n::cli().not_a_command, &[&clean(first), &clean(&meant)]))
}

/// Refuses to draw the browser where there is no terminal to draw on, or when a dataset is
/// that terminal. A dataset piped in (`… | partners --data -`) leaves the keys to the terminal.
pub fn require_terminal(data: &[PathBuf]) -> Result<()> {
    use std::io::IsTerminal;
    let keys =
        std::io::stdin().is_terminal() || data.iter().any(|f| crate::dataset::is_standard_input(f));
    if !keys || !std::io::stdout().is_terminal() {
        bail!(i18n::cli().needs_terminal);
    }
    Ok(crate::dataset::refuse_terminals(data)?)
}

/// Refuses standard input given twice, among dataset `files` (`--data - --data -`,
/// `validate - -`, `-` and `/dev/fd/0`) or once there and once to `command` (`--data - note
/// ID -`): it can be read once, and its second reading found it ended, said as a file with a
/// syntax error at 1:1.
pub fn refuse_standard_input_twice(files: &[PathBuf], command: Option<&Command>) -> Result<()> {
    let named = |f: &PathBuf| f.as_os_str() == "-" || crate::dataset::is_standard_input(f);
    let by_note = matches!(command, Some(Command::Note { text, .. }) if text == &["-"]);
    let stdin = files.iter().filter(|f| named(f)).count() + usize::from(by_note);
    if stdin > 1 {
        bail!(i18n::cli().standard_input_twice);
    }
    Ok(())
}

/// `--data`'s values: paths, `-` standard input.
fn data_file() -> impl clap::builder::TypedValueParser<Value = PathBuf> {
    clap::builder::TypedValueParser::map(
        clap::builder::PathBufValueParser::new(),
        crate::dataset::data_path,
    )
}
