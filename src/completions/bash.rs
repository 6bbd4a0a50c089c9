//! Bash's side of the completions, which `clap_complete`'s own adapter gets wrong: it puts
//! file names on the line unquoted (a file called `report$(touch x).ron` runs `touch x` when
//! the line is entered, `my data.ron` becomes two words) and hands the binary the word as
//! typed (`dir\ with\ space/` completes nothing, `kind:` arrives cut at the colon).
//!
//! Here the script gives the binary the line up to the cursor and the word bash will replace;
//! the binary splits the line into words as the shell would (quotes and backslashes removed,
//! nothing expanded or run), completes the words, and says whether the answers are file
//! names. For file names the script turns on `compopt -o filenames`, so bash quotes them on
//! the line as its own file completion does, for the quote the user opened or with
//! backslashes.

use std::ffi::OsString;
use std::io::{self, Write};

use clap::ValueHint;
use clap_complete::env::EnvCompleter;

use crate::i18n::Lang;

/// What separates the answers: a character no id, option or sane file name holds.
const SEPARATOR: char = '\u{b}';

/// The first answer when the others are file names, which bash must quote.
const FILE_NAMES: &str = "filenames";

/// The first answer otherwise.
const WORDS: &str = "words";

/// Bash: the hook the shell sources and the answers the binary gives it.
#[derive(Debug, Clone, Copy)]
pub struct Bash;

impl EnvCompleter for Bash {
    fn name(&self) -> &'static str {
        "bash"
    }

    fn is(&self, name: &str) -> bool {
        name == "bash"
    }

    fn write_registration(
        &self,
        var: &str,
        name: &str,
        bin: &str,
        completer: &str,
        buf: &mut dyn Write,
    ) -> io::Result<()> {
        let function = format!("_clap_complete_{}", name.replace('-', "_"));
        // In single quotes nothing in the binary's path runs, whatever it holds.
        let completer = format!("'{}'", completer.replace('\'', r"'\''"));
        // The path last: whatever it holds is not taken for a placeholder.
        let script = SCRIPT
            .replace("@FUNCTION@", &function)
            .replace("@VAR@", var)
            .replace("@BIN@", bin)
            .replace("@COMPLETER@", &completer);
        buf.write_all(script.as_bytes())
    }

    fn write_complete(
        &self,
        cmd: &mut clap::Command,
        args: Vec<OsString>,
        current_dir: Option<&std::path::Path>,
        buf: &mut dyn Write,
    ) -> io::Result<()> {
        let mut args = args.into_iter().map(|a| a.to_string_lossy().into_owned());
        let (line, replaced) = (args.next().unwrap_or_default(), args.next().unwrap_or_default());
        let Some(answers) = answers(cmd, &line, &replaced, current_dir)? else { return Ok(()) };
        let mode = if answers.file_names { FILE_NAMES } else { WORDS };
        let mut out = String::from(mode);
        for value in answers.values.iter().filter(|v| !v.contains(SEPARATOR)) {
            out.push(SEPARATOR);
            out.push_str(value);
        }
        buf.write_all(out.as_bytes())
    }
}

/// What the binary tells bash for one Tab.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Answers {
    /// The texts that may replace the word bash replaces, unquoted.
    pub values: Vec<String>,
    /// Whether they are file names (bash must quote them, and may add a `/`).
    pub file_names: bool,
}

/// The answers for the command line `line` (up to the cursor, as typed) where bash replaces
/// `replaced` (the end of the last word, from after a `:`, `=` or an opened quote); `None`
/// when the line has no command.
pub fn answers(
    cmd: &mut clap::Command,
    line: &str,
    replaced: &str,
    current_dir: Option<&std::path::Path>,
) -> io::Result<Option<Answers>> {
    let words = split(line);
    let Some(current) = words.last() else { return Ok(None) };
    // What bash keeps of the word, before the part it replaces (`kind:` of `kind:pu`).
    let kept = current.raw.strip_suffix(replaced).map_or_else(String::new, unquote);
    let index = words.len() - 1;
    let args: Vec<OsString> = words.iter().map(|w| OsString::from(&w.text)).collect();
    // The words were one argument of the hook's: a `--lang` among them is seen now.
    if let Some(lang) = Lang::asked_in(args.iter().cloned()) {
        crate::i18n::set(lang);
    }
    super::see_home_typed(args.iter().cloned());
    cmd.build();
    let paths = path_tags(cmd);
    let mut candidates = clap_complete::engine::complete(cmd, args.clone(), index, current_dir)?;
    super::offered(cmd, &args, index, &mut candidates);
    let file_names =
        candidates.iter().any(|c| c.get_tag().is_some_and(|tag| paths.contains(&tag.to_string())));
    let values = candidates
        .iter()
        .filter_map(|c| c.get_value().to_str()?.strip_prefix(kept.as_str()).map(str::to_owned))
        .collect();
    Ok(Some(Answers { values, file_names }))
}

/// How `clap_complete` tags the values of every argument that takes a path.
fn path_tags(cmd: &clap::Command) -> Vec<String> {
    let mut tags: Vec<String> = cmd
        .get_arguments()
        .filter(|arg| {
            arg.get_num_args().is_none_or(|n| n.takes_values())
                && matches!(
                    arg.get_value_hint(),
                    ValueHint::AnyPath
                        | ValueHint::FilePath
                        | ValueHint::DirPath
                        | ValueHint::ExecutablePath
                )
        })
        .map(ToString::to_string)
        .collect();
    for sub in cmd.get_subcommands() {
        tags.extend(path_tags(sub));
    }
    tags
}

/// A word of the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// As the command will receive it: quotes and backslashes removed.
    pub text: String,
    /// As typed.
    pub raw: String,
}

/// The words of `line` as the shell splits them, the last one empty when the line ends
/// with a blank (a word is being started). Quotes may be left open; `$`, backquotes and
/// globs are taken as written: nothing is expanded, let alone run.
pub fn split(line: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut word: Option<Word> = None;
    let mut chars = line.chars().peekable();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        if quote.is_none() && matches!(c, ' ' | '\t' | '\n') {
            words.extend(word.take());
            continue;
        }
        let word = word.get_or_insert_with(|| Word { text: String::new(), raw: String::new() });
        word.raw.push(c);
        match (quote, c) {
            (Some('\''), '\'') | (Some('"'), '"') => quote = None,
            (None, '\'' | '"') => quote = Some(c),
            (None, '\\') => {
                if let Some(next) = chars.next() {
                    word.raw.push(next);
                    // A backslash before a new line joins the lines.
                    if next != '\n' {
                        word.text.push(next);
                    }
                }
            }
            (Some('"'), '\\') => match chars.peek() {
                Some(&next @ ('$' | '`' | '"' | '\\' | '\n')) => {
                    chars.next();
                    word.raw.push(next);
                    if next != '\n' {
                        word.text.push(next);
                    }
                }
                _ => word.text.push(c),
            },
            _ => word.text.push(c),
        }
    }
    words.push(word.unwrap_or(Word { text: String::new(), raw: String::new() }));
    words
}

/// `raw`, a piece of a word as typed, without its quotes and backslashes.
fn unquote(raw: &str) -> String {
    split(raw).into_iter().map(|w| w.text).collect::<Vec<_>>().join(" ")
}

/// The hook: asks the binary at each Tab, quotes file names as bash's own completion does.
/// `mapfile` rather than an unquoted `$( )`, whose answers bash would glob.
const SCRIPT: &str = r#"
@FUNCTION@() {
    local answers
    answers=$(@VAR@=bash @COMPLETER@ -- "${COMP_LINE:0:COMP_POINT}" "$2" 2>/dev/null) || return
    local -a replies
    mapfile -t -d $'\013' replies < <(printf '%s' "$answers")
    [[ ${#replies[@]} -gt 0 ]] || return
    if [[ ${replies[0]} == filenames ]]; then
        compopt -o filenames 2>/dev/null
    fi
    COMPREPLY=("${replies[@]:1}")
    if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} != *[=/:] ]]; then
        compopt +o nospace 2>/dev/null
    fi
}
complete -o nospace -o bashdefault -o nosort -F @FUNCTION@ @BIN@
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str) -> Vec<String> {
        split(line).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn words_lose_their_quotes_and_backslashes() {
        assert_eq!(texts("partners --data dir\\ with\\ sp"), ["partners", "--data", "dir with sp"]);
        assert_eq!(texts("p \"my d"), ["p", "my d"]);
        assert_eq!(texts("p 'it'\\''s"), ["p", "it's"]);
        assert_eq!(texts("p \"a\\\"b\\c\" "), ["p", "a\"b\\c", ""]);
        assert_eq!(texts("p $(touch x)"), ["p", "$(touch", "x)"]);
        assert_eq!(texts(""), [""]);
    }

    #[test]
    fn the_raw_word_is_kept_for_what_bash_replaces() {
        let words = split("p kind:pu");
        assert_eq!(words[1].raw, "kind:pu");
        assert_eq!(unquote("\"kind:"), "kind:");
        assert_eq!(unquote("\""), "");
    }
}
