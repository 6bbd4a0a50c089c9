//! The configuration file, `config.toml`: the theme, the language, the mouse and the keys of
//! the browser (the language is plain mode's too). It lives beside the datasets folder: in the home chosen with `--home` or
//! `PARTNERS_HOME`, else in the platform's config folder. A missing file is the defaults; a
//! setting, action or key it does not know is an error that names the file, the line and the
//! column. Command-line flags win over it (`main.rs` applies them). `partners config` prints
//! where it is read from, a complete commented default file, or checks it.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::ValueEnum;
use serde::Deserialize;
use toml::Spanned;

use crate::action::Action;
use crate::i18n::{Lang, fill, s};
use crate::input::{Bindings, Context, Key};
use crate::store::Store;
use crate::ui::theme::ThemeName;

/// The file's name in its folder.
pub const FILE_NAME: &str = "config.toml";

/// The most the file may hold: a few key bindings take a few hundred bytes.
const CONFIG_MOST: u64 = 1 << 20;

/// What the configuration file sets; `None` where it says nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// The colour theme.
    pub theme: Option<ThemeName>,
    /// The language of the interface.
    pub lang: Option<Lang>,
    /// Whether to capture the mouse.
    pub mouse: Option<bool>,
    /// Actions given other keys, in the file's order.
    pub keys: Vec<(Action, Vec<Key>)>,
}

/// Why the configuration file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// Something in the file is wrong, at a line and column.
    #[error("{path}:{line}:{column}: {message}")]
    At {
        /// The file.
        path: String,
        /// Line, from 1.
        line: usize,
        /// Column in characters, from 1.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The file exists but cannot be read.
    #[error("{path}{sep}{message}{sep}{}", crate::atomic::describe(.source), sep = crate::i18n::cli().cause_separator)]
    Unreadable {
        /// The file.
        path: String,
        /// What failed.
        message: &'static str,
        /// Why.
        source: std::io::Error,
    },
}

/// The file as written, with where each value is.
#[derive(Debug, Deserialize)]
struct Raw {
    theme: Option<Spanned<String>>,
    lang: Option<Spanned<String>>,
    mouse: Option<bool>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<Vec<Spanned<String>>>>,
    /// Settings that do not exist, told in the user's language (serde would say it in
    /// English).
    #[serde(flatten)]
    unknown: BTreeMap<String, toml::Value>,
}

/// The settings of the file, in the order [`Raw`] has them.
const SETTINGS: [&str; 4] = ["theme", "lang", "mouse", "keys"];

/// Where the configuration file is read from: `config.toml` beside the datasets folder (in
/// the home chosen with `--home DIR` or `PARTNERS_HOME`, else in the platform's config
/// folder); `None` when there is no such folder.
pub fn path(home: Option<&Path>) -> Option<PathBuf> {
    Store::resolve_datasets(home).as_deref().and_then(beside_datasets)
}

/// The language the file at `path` asks for (`lang = "fr"`), read line by line, so that a
/// file with a mistake elsewhere still says it: its problems are told in that language.
pub fn lang_written(path: &Path) -> Option<Lang> {
    let bytes = crate::atomic::read_regular(path, CONFIG_MOST).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    // Settings come before the first table (`[keys]`): a `lang` in one is no setting.
    let settings = text.lines().take_while(|line| !line.trim_start().starts_with('['));
    settings
        .filter_map(|line| toml::from_str::<toml::Table>(line).ok())
        .find_map(|table| Lang::from_str(table.get("lang")?.as_str()?, true).ok())
}

/// The configuration file of the home whose datasets folder is `datasets`.
pub fn beside_datasets(datasets: &Path) -> Option<PathBuf> {
    datasets.parent().map(|folder| folder.join(FILE_NAME))
}

/// Line and column (from 1, the column in characters) of byte `offset` in `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    (before.matches('\n').count() + 1, before[line_start..].chars().count() + 1)
}

/// What the TOML reader found wrong, in the user's language: a value of the wrong type (the
/// mistake a hand-written file makes most) is said again from toml's words, and so is a
/// mistake of syntax (see [`syntax_message`]).
/// `date`: the value toml found is a date (it says a table).
fn toml_message(message: &str, date: bool) -> String {
    let wrong_type =
        message.strip_prefix("invalid type: ").and_then(|m| m.split_once(", expected "));
    let Some((found, expected)) = wrong_type else { return syntax_message(message) };
    let said = s();
    // toml's words for what was found: "string \"x\"", "integer `3`", "sequence".
    let (kind, value) = found.split_once(' ').unwrap_or((found, ""));
    let kind = match kind {
        "string" => said.config_a_text,
        "integer" | "float" => said.config_a_number,
        "boolean" => said.config_a_boolean,
        "sequence" => said.config_a_list,
        "map" if date => said.config_a_date,
        "map" => said.config_a_table,
        _ => return message.to_owned(),
    };
    let found = format!("{kind} {}", value.replace('`', "")).trim_end().to_owned();
    let expected = match expected {
        "a boolean" => said.config_want_boolean.to_owned(),
        // The text written, in brackets (`star = "ctrl-s"`), else an example.
        "a sequence" => {
            let keys = if kind == said.config_a_text { value } else { "\"ctrl-s\"" };
            fill(said.config_want_list, &[&format!("[{keys}]")])
        }
        "a string" => said.config_want_text.to_owned(),
        "a map" => said.config_want_table.to_owned(),
        _ => return message.to_owned(),
    };
    fill(said.config_wrong_type, &[&found, &expected])
}

/// toml's finding of a mistake of syntax ("what, expected this, that") in the user's words:
/// each phrase is found among toml's own (English `toml_phrases`) and said as the user's
/// table says it, characters in backquotes as they are. One toml says otherwise (another
/// finding, or a newer toml's words) is given as toml says it, framed in the user's words.
fn syntax_message(message: &str) -> String {
    let (said, toml) = (s(), &crate::i18n::ui::of(Lang::En).toml_phrases);
    let phrase = |words: &str| {
        if words.len() > 1 && words.starts_with('`') && words.ends_with('`') {
            return Some(words.to_owned());
        }
        let at = toml.iter().position(|t| *t == words)?;
        said.toml_phrases.get(at).map(|p| (*p).to_owned())
    };
    let (what, expected) = match message.split_once(", expected ") {
        // toml expects a literal string ('dark') there, but "dark" is as good: what it
        // expects would contradict what it says.
        Some((what @ "string values must be quoted", _)) => (what, None),
        Some((what, expected)) => (what, Some(expected)),
        None => (message, None),
    };
    let told = phrase(what).and_then(|what| match expected {
        None | Some("nothing") => Some(what),
        Some(list) => {
            let list: Vec<String> = list.split(", ").map(phrase).collect::<Option<_>>()?;
            Some(fill(said.toml_expected, &[&what, &list.join(", ")]))
        }
    });
    told.unwrap_or_else(|| fill(said.toml_syntax, &[&message]))
}

/// Whether `line` (its indent taken off) sets the top-level setting `name`: `name = …`,
/// `name.part = …`, the name quoted, or a table `[name]`, `[name.part]`, `[[name]]`.
fn sets(line: &str, name: &str) -> bool {
    let header = line.strip_prefix("[[").or_else(|| line.strip_prefix('['));
    let key = header.map_or(line, str::trim_start);
    let after = ["\"", "'", ""]
        .iter()
        .find_map(|quote| key.strip_prefix(quote)?.strip_prefix(name)?.strip_prefix(quote));
    let ends = if header.is_some() { ']' } else { '=' };
    after.map(str::trim_start).is_some_and(|rest| rest.starts_with(['.', ends]))
}

/// Where in `text` the TOML reader's `error` is, and what it is in the user's words.
fn read_error(text: &str, error: &toml::de::Error) -> (usize, String) {
    let span = error.span().unwrap_or(0..0);
    if let Some((setting, at_key)) = setting_in_keys(text, span.start) {
        return (at_key, fill(s().config_setting_in_keys, &[&setting]));
    }
    // toml hands a date over as a table: said as what it is.
    let written = text.get(span.clone()).unwrap_or("").trim();
    let date = written.parse::<toml::value::Datetime>().is_ok();
    (span.start, toml_message(error.message().trim(), date))
}

/// The setting (`lang`, `theme`, `mouse`) whose line under a table holds byte `offset` of
/// `text`, and where its name starts: TOML reads a setting written below `[keys]` as an
/// action of that table.
fn setting_in_keys(text: &str, offset: usize) -> Option<(&str, usize)> {
    let start = text.get(..offset)?.rfind('\n').map_or(0, |at| at + 1);
    let line = text[start..].lines().next().unwrap_or_default();
    let key = line.split_once('=')?.0;
    let name = key.trim().trim_matches(['"', '\'']);
    let table_above = text[..start].lines().any(|l| l.trim_start().starts_with('['));
    let setting = SETTINGS.iter().find(|&&setting| setting == name && setting != "keys")?;
    table_above.then_some((setting, start + key.len() - key.trim_start().len()))
}

/// A place the keys go, as a message says what no key leaves any more.
fn place_from(context: Context) -> &'static str {
    let said = s();
    match context {
        Context::List => said.config_from_list,
        Context::Detail => said.config_from_detail,
        Context::Help => said.config_from_help,
        Context::Overview => said.config_from_overview,
        Context::Qr => said.config_from_qr,
        Context::Note => said.config_from_note,
        Context::NoteAsk => said.config_from_asking,
    }
}

impl Config {
    /// Reads the file at `path`; a file that does not exist is the defaults.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        match crate::atomic::read_regular(path, CONFIG_MOST) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Config::parse(&text, path),
                // Where, as a dataset says it: a file saved in Latin-1 (`# thème` in a
                // comment) is mended at that place.
                Err(e) => {
                    let bytes = e.as_bytes();
                    let valid = e.utf8_error().valid_up_to();
                    let before = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
                    let (line, column) = line_column(before, before.len());
                    // With its fix on the line below, as a dataset's problem is said.
                    let said = crate::i18n::data();
                    let message = match said.invalid.strip_prefix("{}: ") {
                        Some(said_with_fix) => {
                            fill(said_with_fix, &[&said.not_utf8, &said.not_utf8_fix])
                        }
                        None => said.not_utf8.to_owned(),
                    };
                    Err(ConfigError::At { path: path.display().to_string(), line, column, message })
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(source) => Err(ConfigError::Unreadable {
                path: path.display().to_string(),
                message: s().config_unreadable,
                source,
            }),
        }
    }

    /// Reads `text`, the content of the file at `path` (named in errors).
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let at = |span: Range<usize>, message: String| {
            let (line, column) = line_column(text, span.start);
            ConfigError::At { path: path.display().to_string(), line, column, message }
        };
        let raw: Raw = toml::from_str(text).map_err(|e| {
            let (offset, message) = read_error(text, &e);
            at(offset..offset, message)
        })?;
        // (Flattened, the names lose their places: the first line that sets one says.)
        let place = |name: &str| {
            let mut offset = 0;
            for line in text.split_inclusive('\n') {
                let indent = line.len() - line.trim_start().len();
                if sets(&line[indent..], name) {
                    return offset + indent;
                }
                offset += line.len();
            }
            0
        };
        if let Some(name) = raw.unknown.keys().min_by_key(|name| place(name)) {
            let message = fill(s().config_unknown_setting, &[name, &SETTINGS.join(", ")]);
            return Err(at(place(name)..place(name), message));
        }
        // Any case, as `--theme` and `--lang` take them.
        let choice = |value: &Spanned<String>, setting: &str, names: &[&str]| {
            if names.contains(&value.get_ref().to_ascii_lowercase().as_str()) {
                Ok(())
            } else {
                Err(at(value.span(), fill(s().config_bad_value, &[&setting, &names.join(", ")])))
            }
        };
        let mut config = Config { mouse: raw.mouse, ..Config::default() };
        if let Some(theme) = &raw.theme {
            choice(theme, "theme", &["dark", "light"])?;
            config.theme = ThemeName::from_str(theme.get_ref(), true).ok();
        }
        if let Some(lang) = &raw.lang {
            choice(lang, "lang", &["en", "fr"])?;
            config.lang = Lang::from_str(lang.get_ref(), true).ok();
        }
        // In the file's order, so the first problem reported is the first in the file.
        let mut entries: Vec<_> = raw.keys.iter().collect();
        entries.sort_by_key(|(name, _)| name.span().start);
        for (name, keys) in entries {
            let Some(action) = Action::from_name(name.get_ref()) else {
                let setting = SETTINGS.contains(&name.get_ref().as_str());
                let said =
                    if setting { s().config_setting_in_keys } else { s().config_unknown_action };
                let written = crate::text::spelled_out(name.get_ref());
                return Err(at(name.span(), fill(said, &[&written])));
            };
            if keys.get_ref().is_empty() {
                return Err(at(keys.span(), fill(s().config_no_keys, &[name.get_ref()])));
            }
            let mut parsed = Vec::new();
            for key in keys.get_ref() {
                let parsed_key =
                    Key::parse(key.get_ref()).map_err(|message| at(key.span(), message))?;
                // One key for two actions in the same place: one of them would never run.
                let places = crate::input::contexts_of(&action);
                // (The defaults share some keys, told apart by a condition: restating them is fine.)
                let new_for = |action: &Action| !crate::input::is_default_key(action, parsed_key);
                let clash = config.keys.iter().find(|(other, keys)| {
                    keys.contains(&parsed_key)
                        && (new_for(&action) || new_for(other))
                        && crate::input::contexts_of(other).iter().any(|c| places.contains(c))
                });
                if let Some((other, _)) = clash {
                    let names =
                        [key.get_ref().as_str(), other.name().unwrap_or_default(), name.get_ref()];
                    let message = fill(s().config_key_twice, &[&names[0], &names[1], &names[2]]);
                    return Err(at(key.span(), message));
                }
                parsed.push(parsed_key);
            }
            config.keys.push((action, parsed));
        }
        // Left with no way out but closing the terminal, as a clash leaves an action none.
        if !config.bindings().quits() {
            let names = [Action::Quit, Action::Cancel].map(|a| a.name().unwrap_or_default());
            let defaults = Bindings::default().by_action();
            let keys = defaults.iter().filter(|(name, _)| names.contains(name));
            let keys = keys.flat_map(|(_, keys)| keys.iter().map(String::as_str));
            let keys = keys.collect::<Vec<_>>().join(", ");
            let message = fill(s().config_no_quit, &[&names[0], &names[1], &keys]);
            return Err(at(place("keys")..place("keys"), message));
        }
        // Nor kept in a place the keys open, such as the help, with no key that leaves it.
        if let Some((context, ways_out)) = config.bindings().trap() {
            let quoted = |name: &str| fill(s().config_quoted, &[&name]);
            let names = ways_out.iter().map(|a| quoted(a.name().unwrap_or_default()));
            let defaults = ways_out.iter().flat_map(|a| crate::input::default_keys_in(context, a));
            let mut keys: Vec<String> = Vec::new();
            for key in defaults {
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
            let names = names.collect::<Vec<_>>().join(", ");
            // A plain character the file gave one of them is no way out: say why.
            let typed = (config.keys.iter().filter(|(action, _)| ways_out.contains(action)))
                .any(|(_, keys)| keys.iter().any(|key| key.is_typed()));
            let said = if typed { s().config_no_way_out_typed } else { s().config_no_way_out };
            let message = fill(said, &[&place_from(context), &names, &keys.join(", ")]);
            return Err(at(place("keys")..place("keys"), message));
        }
        Ok(config)
    }

    /// The keys in force: the default table with this file's keys.
    pub fn bindings(&self) -> Bindings {
        Bindings::with_overrides(&self.keys)
    }
}

/// A configuration file with every setting and every key binding at its default, each
/// commented out, with what it does in the user's language: generated from the binding
/// table, so always complete.
pub fn default_file() -> String {
    let mut out = s().config_file_header.to_owned();
    for (name, keys) in Bindings::default().by_action() {
        let what = Action::from_name(name).and_then(|a| a.description()).unwrap_or_default();
        let keys: Vec<String> = keys.iter().map(|k| format!("{k:?}")).collect();
        let _ = writeln!(out, "# {name} = [{}]  # {what}", keys.join(", "));
    }
    out
}

/// What `partners config` does.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct ConfigArgs {
    /// Print where the configuration file is read from.
    #[arg(long, conflicts_with_all = ["default", "check"])]
    pub path: bool,
    /// Print a configuration file with every setting and key at its default, commented.
    #[arg(long, conflicts_with = "check")]
    pub default: bool,
    /// Check the configuration file: exit 0 when it can be used, 2 with the problem when not.
    #[arg(long)]
    pub check: bool,
}

/// Runs `partners config`; `datasets` is the datasets folder the configuration file sits
/// beside. With no option, prints the path like `--path`.
pub fn run(
    args: ConfigArgs,
    datasets: Option<&Path>,
    out: &mut dyn std::io::Write,
) -> Result<ExitCode> {
    if args.default {
        out.write_all(default_file().as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    let Some(path) = datasets.and_then(beside_datasets) else {
        anyhow::bail!(s().no_config_folder);
    };
    let shown = crate::text::clean(&path.display().to_string()).into_owned();
    if args.check {
        let config = Config::load(&path)?;
        if !path.exists() {
            writeln!(out, "{}", fill(s().config_absent, &[&shown]))?;
            return Ok(ExitCode::SUCCESS);
        }
        writeln!(out, "{}", fill(s().config_ok, &[&shown]))?;
        // A key taken from another action's default use is allowed, and said.
        for (key, now, before) in Bindings::taken(&config.keys) {
            let name = |action: &Action| action.name().unwrap_or_default();
            let said =
                fill(s().config_key_taken, &[&key.config_name(), &name(&now), &name(&before)]);
            writeln!(out, "  {said}")?;
        }
        let (bindings, action) =
            (config.bindings(), Action::KeepEditing.name().unwrap_or_default());
        if let Some(key) = bindings.spare_keep_writing() {
            writeln!(out, "  {}", fill(s().config_key_spare, &[&action, &key.config_name()]))?;
        } else if !bindings.keeps_writing() {
            writeln!(out, "  {}", fill(s().config_no_keep_writing, &[&action]))?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "{shown}")?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, String> {
        Config::parse(text, Path::new("config.toml")).map_err(|e| e.to_string())
    }

    /// The `lang` a file asks for is found whatever mistake another line holds; one in a
    /// table, a comment, or a language there is not, is none.
    #[test]
    fn the_language_asked_for_is_read_around_the_files_mistakes() {
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("config.toml");
        for (text, lang) in [
            ("theme = \"purple\"\nlang = \"FR\"\nmouse = 3\n", Some(Lang::Fr)),
            ("lang = \"en\" ]]\n", None),
            ("lang = \"de\"\n", None),
            ("[keys]\nlang = \"fr\"\n", None),
            ("# lang = \"fr\"\n", None),
        ] {
            std::fs::write(&path, text).expect("written");
            assert_eq!(lang_written(&path), lang, "{text}");
        }
    }

    /// A file that cannot be read is named as French puts a colon after it, with a
    /// non-breaking space, as the reason after the message.
    #[test]
    fn an_unreadable_file_is_said_with_french_colons_in_french() {
        let _french = crate::i18n::speaking(crate::i18n::Lang::Fr);
        let folder = tempfile::tempdir().expect("a temporary folder");
        let said = Config::load(folder.path()).err().map(|e| e.to_string()).unwrap_or_default();
        let why = "impossible de lire le fichier de configuration\u{a0}: c'est un dossier, pas un fichier";
        assert_eq!(said, format!("{}\u{a0}: {why}", folder.path().display()));
    }

    #[test]
    fn the_default_file_reads_back_to_the_defaults() {
        let file = default_file();
        assert_eq!(parse(&file), Ok(Config::default()), "all commented out");
        let mut uncommented = String::new();
        for line in file.lines() {
            let line = match line.strip_prefix("# ") {
                Some(setting) if setting.split(' ').nth(1) == Some("=") => setting,
                _ => line,
            };
            uncommented.push_str(line);
            uncommented.push('\n');
        }
        let config = parse(&uncommented).expect("the uncommented defaults read");
        assert_eq!(config.theme, Some(ThemeName::Dark));
        assert_eq!(config.lang, Some(Lang::En));
        assert_eq!(config.mouse, Some(true));
        assert_eq!(config.keys.len(), crate::action::NAMED.len(), "every action is in the file");
        assert_eq!(config.bindings(), Bindings::default());
    }

    /// The default file names the function keys the file takes, in both languages.
    #[test]
    fn the_default_file_says_which_function_keys_there_are() {
        assert!(Key::parse("f24").is_ok() && Key::parse("f25").is_err());
        assert!(default_file().contains("f1 to f24"), "{}", default_file());
        let _french = crate::i18n::speaking(Lang::Fr);
        assert!(default_file().contains("f1 à f24"), "{}", default_file());
        let number = parse("keys = 5\n").expect_err("an error");
        assert!(number.contains("le nombre 5") && number.contains("[keys]"), "{number}");
    }

    /// A file saved in Latin-1 is said with the line and column of its first such byte and
    /// how to mend it, in either language, as a dataset is.
    #[test]
    fn a_file_not_in_utf8_is_said_with_its_place() {
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("config.toml");
        std::fs::write(&path, b"theme = \"light\"\n# th\xe8me clair\n").expect("written");
        let said = Config::load(&path).expect_err("refused").to_string();
        assert!(said.contains("config.toml:2:5: bytes that are not UTF-8"), "{said}");
        assert!(said.contains("fix: save the file as UTF-8"), "{said}");
        let _french = crate::i18n::speaking(Lang::Fr);
        let said = Config::load(&path).expect_err("refused").to_string();
        assert!(said.contains("config.toml:2:5: des octets qui ne sont pas"), "{said}");
        assert!(said.contains("correction\u{a0}: enregistrez"), "{said}");
    }

    #[test]
    fn settings_and_keys() {
        let config = parse(
            "theme = \"light\"\nlang = \"fr\"\nmouse = false\n[keys]\nstar = [\"ctrl-e\", \"alt-s\"]\n",
        )
        .expect("reads");
        assert_eq!(config.theme, Some(ThemeName::Light));
        assert_eq!(config.lang, Some(Lang::Fr));
        assert_eq!(config.mouse, Some(false));
        let keys = &config.keys[0];
        assert_eq!(keys.0, Action::ToggleStar);
        assert_eq!(keys.1, [Key::parse("ctrl-e").expect("key"), Key::parse("alt-s").expect("key")]);
        // Any case, as on the command line (`--theme LIGHT`, `--lang FR`).
        let config = parse("theme = \"Light\"\nlang = \"FR\"\n").expect("reads");
        assert_eq!((config.theme, config.lang), (Some(ThemeName::Light), Some(Lang::Fr)));
    }

    #[test]
    fn errors_name_the_file_line_and_column() {
        let error = |text| parse(text).expect_err("an error");
        assert!(error("theme = \"dark\"\ncolour = 1\n").starts_with("config.toml:2:1: "));
        assert!(error("\n\ntheme = \"blue\"").starts_with("config.toml:3:9: "));
        assert!(
            error("[keys]\nstar = [\"ctrl-s\"]\nstarr = [\"a\"]\n")
                .starts_with("config.toml:3:1: ")
        );
        let bad_key = error("[keys]\nstar = [\"ctrl-s\", \"hyper-é\"]\n");
        assert!(bad_key.starts_with("config.toml:2:19: "), "{bad_key}");
        assert!(bad_key.contains("hyper-é"), "{bad_key}");
        assert!(error("[keys]\nstar = []\n").starts_with("config.toml:2:8: "));
        assert!(error("mouse = \"yes\"\n").starts_with("config.toml:1:9: "));
        // A value of the wrong type says what to write, as it works.
        let text = error("[keys]\nstar = \"ctrl-s\"\n");
        assert!(text.ends_with("in brackets: [\"ctrl-s\"]"), "{text}");
        let table = error("[keys.star]\nx = 1\n");
        assert!(table.ends_with("in brackets: [\"ctrl-s\"]"), "{table}");
        let number = error("keys = 5\n");
        assert_eq!(
            number,
            "config.toml:1:8: the number 5 does not go here: write the keys under a line [keys], \
             one action a line, as star = [\"ctrl-s\"]"
        );
        let twice = error("[keys]\nstar = [\"alt-x\"]\nmet = [\"ctrl-t\", \"alt-x\"]\n");
        assert!(twice.starts_with("config.toml:3:18: "), "{twice}");
        assert!(twice.contains("`star`") && twice.contains("`met`"), "{twice}");
        // A key the terminal never sends as written is refused where it is written.
        let shifted = error("[keys]\nmet = [\"a\", \"shift-a\"]\n");
        assert!(shifted.starts_with("config.toml:2:13: ") && shifted.ends_with("`A`"), "{shifted}");
        let enter = error("[keys]\nqr-code = [\"ctrl-m\"]\n");
        assert!(enter.starts_with("config.toml:2:12: ") && enter.contains("Enter"), "{enter}");
        // Ctrl-S saves in the note editor and stars elsewhere: no clash.
        assert!(parse("[keys]\nstar = [\"ctrl-s\"]\nsave-note = [\"ctrl-s\"]\n").is_ok());
    }

    /// Every key that quits from the list taken for something else: no way out but closing
    /// the terminal, so the file is refused as a clash is.
    #[test]
    fn a_file_that_leaves_no_key_to_quit_is_refused() {
        let error = |text: &str| parse(text).expect_err("an error");
        let keys = "[keys]\nstar = [\"ctrl-c\"]\nmet = [\"ctrl-g\"]\ncopy = [\"ctrl-q\"]\n\
                    qr-code = [\"ctrl-d\"]\nhistory = [\"esc\"]\n";
        let themed = format!("theme = \"dark\"\n{keys}");
        let trapped = error(&themed);
        assert_eq!(
            trapped,
            "config.toml:2:1: no key quits the browser any more: give `quit` or `cancel` a key \
             of its own, or leave them one of their default keys: ctrl-c, ctrl-g, ctrl-q, ctrl-d, \
             esc"
        );
        assert!(parse(&format!("{keys}quit = [\"f10\"]\n")).is_ok(), "F10 quits");
        assert!(parse(&format!("{keys}cancel = [\"ctrl-x\"]\n")).is_ok(), "Ctrl-X does");
        assert!(parse(&keys.replace("ctrl-d", "ctrl-e")).is_ok(), "Ctrl-D still quits");
        let _french = crate::i18n::speaking(Lang::Fr);
        assert!(error(keys).starts_with("config.toml:1:1: plus aucune touche ne quitte"));
    }

    /// A place the keys open with none left to leave it nor to quit (the help, the note
    /// editor) keeps the user there as surely as the list would: refused too; but not when no
    /// key opens it, nor while a key of the user's quits there.
    #[test]
    fn a_file_that_leaves_no_key_out_of_an_overlay_is_refused() {
        let error = |text: &str| parse(text).expect_err(text);
        let help = "[keys]\nhelp-down = [\"esc\", \"alt-h\", \"f1\", \"?\", \"ctrl-c\", \"ctrl-g\", \
                    \"ctrl-q\"]\n";
        assert_eq!(
            error(&format!("mouse = true\n{help}")),
            "config.toml:2:1: no key leaves the help any more: give one of `quit`, \
             `close` a key of its own, or leave them one of their default keys there: \
             ctrl-c, ctrl-g, ctrl-q, esc, alt-h, f1, ?"
        );
        assert!(parse(&help.replace("\"alt-h\", ", "")).is_ok(), "Alt-H still closes the help");
        assert!(parse(&format!("{help}quit = [\"f10\"]\n")).is_ok(), "F10 quits there");
        let unopened = format!("{help}star = [\"alt-h\", \"f1\", \"?\"]\n");
        assert!(parse(&unopened).is_ok(), "no key opens the help");
        let note =
            "[keys]\nnote-new-line = [\"esc\", \"ctrl-s\", \"ctrl-c\", \"ctrl-g\", \"ctrl-q\"]\n";
        let trapped = error(note);
        assert!(trapped.contains("no key leaves the note and alias editors any more"), "{trapped}");
        assert!(trapped.contains("`cancel-note`, `save-note`"), "{trapped}");
        assert!(parse(&note.replace("\"esc\", ", "")).is_ok(), "Esc still leaves the editor");
        // A plain character acts in the help only while the query is empty: no way out, and
        // the message says why, since the file did give the action a key.
        let typed = error("[keys]\nquit = [\"q\"]\nclose = [\"x\"]\n");
        assert!(typed.contains("other than a plain character"), "{typed}");
        assert!(!error(help).contains("plain character"), "{}", error(help));
        let _french = crate::i18n::speaking(Lang::Fr);
        let typed = error("[keys]\nquit = [\"q\"]\nclose = [\"x\"]\n");
        assert!(typed.contains("autre qu'un simple caractère"), "{typed}");
        assert!(
            error(help).starts_with(
                "config.toml:1:1: plus aucune touche ne sort de l'aide\u{a0}: donnez une touche \
                 à l'une des actions «\u{a0}quit\u{a0}», «\u{a0}close\u{a0}»"
            ),
            "{}",
            error(help)
        );
    }

    /// A zero-width space, a direction mark or a byte-order mark in a key is seen by no one
    /// and typed by no one: such a key (alone, after a modifier, beside a name) is refused
    /// where it is written, its invisible characters named by their code points.
    #[test]
    fn keys_holding_invisible_characters_are_refused() {
        let error = |text: &str| parse(text).expect_err(text);
        for invisible in ['\u{200B}', '\u{200E}', '\u{202E}', '\u{2066}', '\u{FEFF}', '\u{E0041}'] {
            let code = format!("U+{:04X}", u32::from(invisible));
            for key in
                [format!("{invisible}"), format!("alt-{invisible}"), format!("f1{invisible}")]
            {
                let said = error(&format!("[keys]\nstar = [\"ctrl-s\", \"{key}\"]\n"));
                assert!(said.starts_with("config.toml:2:19: "), "{said}");
                let written = key.replace(invisible, &format!("<{code}>"));
                assert!(said.contains(&format!("`{written}` holds {code}, a character")), "{said}");
            }
        }
        // The joiner of an emoji sequence alone, a combining accent alone: no column either.
        assert!(error("[keys]\nstar = [\"\u{200D}\"]\n").contains("U+200D"));
        assert!(error("[keys]\nstar = [\"\u{301}\"]\n").contains("U+0301"));
        // A name of an action with one is named as it is too.
        let action = error("[keys]\n\"star\u{200B}\" = [\"ctrl-e\"]\n");
        assert!(action.contains("`star<U+200B>`"), "{action}");
        assert!(parse("[keys]\nstar = [\"é\", \"alt-ß\", \"space\"]\n").is_ok());
        let _french = crate::i18n::speaking(Lang::Fr);
        let said = error("[keys]\nstar = [\"alt-\u{200B}\"]\n");
        assert!(
            said.ends_with(
                "«\u{a0}alt-<U+200B>\u{a0}» contient U+200B, un caractère qui ne se voit pas et \
                 ne se tape pas\u{a0}: écrivez la touche sans lui"
            ),
            "{said}"
        );
    }

    /// A no-break space (or a narrow one) reads as a plain space in the file, but is not the
    /// space bar: refused, named by its code point, with `space` suggested.
    #[test]
    fn keys_that_read_as_a_space_but_are_not_are_refused() {
        let error = |text: &str| parse(text).expect_err(text);
        for space in ['\u{A0}', '\u{202F}'] {
            let code = format!("U+{:04X}", u32::from(space));
            for key in [format!("{space}"), format!("alt-{space}")] {
                let said = error(&format!("[keys]\nstar = [\"ctrl-s\", \"{key}\"]\n"));
                assert!(said.starts_with("config.toml:2:19: "), "{said}");
                let written = key.replace(space, &format!("<{code}>"));
                assert!(
                    said.contains(&format!("`{written}` holds {code}, a space that reads as")),
                    "{said}"
                );
                assert!(said.contains("write `space`"), "{said}");
            }
        }
        assert!(parse("[keys]\nstar = [\"space\", \"alt-space\"]\n").is_ok());
        let _french = crate::i18n::speaking(Lang::Fr);
        let said = error("[keys]\nstar = [\"\u{A0}\"]\n");
        assert!(
            said.ends_with(
                "«\u{a0}<U+00A0>\u{a0}» contient U+00A0, une espace qui se lit comme une espace \
                 ordinaire mais n'est pas la barre d'espace\u{a0}: écrivez «\u{a0}space\u{a0}» \
                 si c'est elle que vous voulez"
            ),
            "{said}"
        );
    }

    /// `❤` and U+FE0F, as many editors save ❤️, is the `❤` key: the selector only asks for
    /// the emoji's look. Alone, or after nothing that shows, it is still refused.
    #[test]
    fn a_key_with_a_variation_selector_is_its_base_character() {
        let keys = |text: &str| parse(text).unwrap_or_else(|e| panic!("{text}: {e}")).bindings();
        let plain = keys("[keys]\nstar = [\"❤\", \"alt-❤\"]\n");
        assert_eq!(keys("[keys]\nstar = [\"❤\u{FE0F}\", \"alt-❤\u{FE0F}\"]\n"), plain);
        assert_eq!(keys("[keys]\nstar = [\"❤\u{FE0E}\", \"alt-❤\u{FE0E}\"]\n"), plain);
        let error = |text: &str| parse(text).expect_err(text);
        assert!(error("[keys]\nstar = [\"\u{FE0F}\"]\n").contains("U+FE0F"));
        assert!(error("[keys]\nstar = [\"alt-\u{FE0F}\"]\n").contains("U+FE0F"));
        assert!(error("[keys]\nstar = [\"\u{200B}\u{FE0F}\"]\n").contains("U+200B"));
        assert!(error("[keys]\nstar = [\"1\u{FE0F}\u{20E3}\"]\n").contains("U+FE0F"));
    }

    #[test]
    fn line_and_column_count_characters() {
        assert_eq!(line_column("é = 1\nab", 8), (2, 2));
        assert_eq!(line_column("ab", 99), (1, 3));
    }
}
