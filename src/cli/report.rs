//! How the command line says what went wrong: a command line clap refused (in the user's
//! language), an error's chain of causes, and a reader that has gone (nothing to say).

use std::io::ErrorKind;

use crate::i18n::{self, Lang, fill};
use crate::text::clean_multiline;

/// What to say of a command line clap refused: clap's own words in English; in French, its
/// usual refusals said again from what clap found (the argument, the value, why), with its
/// usage line. `None` for help and version, which clap prints itself. Made safe for the
/// terminal: the refusal quotes what was typed (`--kind $'\e[2J'`), and neither clap's
/// English (which keeps C1 controls and bidi overrides) nor the French words clean it.
pub fn refusal(error: &clap::Error) -> Option<String> {
    refusal_words(error).map(|said| clean_multiline(&said).into_owned())
}

fn refusal_words(error: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        return None;
    }
    let rendered = error.render().to_string();
    let said = i18n::cli();
    let number = std::error::Error::source(error)
        .and_then(|why| why.downcast_ref::<std::num::ParseIntError>())
        .map(|e| match e.kind() {
            // A whole number too large for the option is no "whole number expected".
            std::num::IntErrorKind::PosOverflow => (e, said.arg_number_too_large),
            _ => (e, said.arg_not_a_number),
        });
    if i18n::lang() == Lang::En {
        // clap gives Rust's words for a number refused ("invalid digit found in string"),
        // after the value: the last found, not the value that says them.
        let mut rendered = rendered;
        if let Some((e, why)) = number
            && let Some(at) = rendered.rfind(&e.to_string())
        {
            rendered.replace_range(at..at + e.to_string().len(), why);
        }
        return Some(rendered);
    }
    let context = |kind| match error.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        _ => None,
    };
    let arg = context(ContextKind::InvalidArg).unwrap_or_default();
    let mut message = match error.kind() {
        // clap's "a value is required": an invalid value that is empty, with the values to
        // choose from when there is a list (`--format=`).
        ErrorKind::InvalidValue
            if context(ContextKind::InvalidValue).is_none_or(|value| value.is_empty()) =>
        {
            let message = fill(said.arg_missing_value, &[&arg]);
            match context(ContextKind::ValidValue).filter(|values| !values.is_empty()) {
                Some(values) => format!(
                    "{message}{}{}",
                    said.cause_separator,
                    fill(said.arg_possible_values, &[&values])
                ),
                None => message,
            }
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let value = context(ContextKind::InvalidValue).unwrap_or_default();
            let mut message = fill(said.arg_invalid_value, &[&value, &arg]);
            let why = match (number, std::error::Error::source(error)) {
                (Some((_, why)), _) => Some(why.to_owned()),
                (None, Some(why)) => Some(why.to_string()),
                (None, None) => context(ContextKind::ValidValue)
                    .map(|values| fill(said.arg_possible_values, &[&values])),
            };
            if let Some(why) = why {
                message = format!("{message}{}{why}", said.cause_separator);
            }
            message
        }
        ErrorKind::UnknownArgument => fill(said.arg_unknown, &[&arg]),
        // A value given to a flag (`--starred=yes`).
        ErrorKind::TooManyValues => {
            let value = context(ContextKind::InvalidValue).unwrap_or_default();
            fill(said.arg_too_many_values, &[&value, &arg])
        }
        ErrorKind::MissingRequiredArgument => fill(said.arg_missing, &[&arg]),
        // clap names the word in a context of its own (`partners help frob`).
        ErrorKind::InvalidSubcommand => {
            let word = context(ContextKind::InvalidSubcommand).unwrap_or_else(|| arg.clone());
            fill(said.arg_unknown_subcommand, &[&word])
        }
        ErrorKind::ArgumentConflict => {
            let other = context(ContextKind::PriorArg).unwrap_or_default();
            // clap's "cannot be used multiple times": the same argument given twice.
            if other == arg {
                fill(said.arg_repeated, &[&arg])
            } else {
                fill(said.arg_conflict, &[&arg, &other])
            }
        }
        ErrorKind::InvalidUtf8 => said.arg_invalid_utf8.to_owned(),
        _ => return Some(rendered),
    };
    if let Some(like) = context(ContextKind::SuggestedArg) {
        message = format!("{message}\n\n  {}", fill(said.arg_did_you_mean, &[&like]));
    } else if rendered.contains(&format!("'-- {arg}'")) {
        message = format!("{message}\n\n  {}", fill(said.arg_after_dashes, &[&arg, &arg]));
    }
    if let Some(tip) = context(ContextKind::Custom) {
        let gap = if message.contains('\n') { "\n" } else { "\n\n" };
        message = format!("{message}{gap}  {}", fill(said.arg_tip, &[&tip]));
    }
    let usage = rendered.lines().find_map(|line| line.strip_prefix("Usage:"));
    let usage = usage.map(|usage| format!("{}{usage}\n\n", said.arg_usage)).unwrap_or_default();
    Some(format!("{} {message}\n\n{usage}{}\n", said.arg_error, said.arg_more))
}

/// The message for an error: its chain joined with `: `, each cause said once (some errors
/// quote their source in their own message), made safe for the terminal.
pub fn report(error: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in error.chain() {
        // The system's words for an I/O error, said in the user's language where known.
        let text = match cause.downcast_ref::<std::io::Error>() {
            Some(io) => crate::atomic::describe(io),
            None => cause.to_string(),
        };
        if message.contains(&text) {
            continue;
        }
        if !message.is_empty() {
            message.push_str(i18n::cli().cause_separator);
        }
        message.push_str(&text);
    }
    clean_multiline(&message).into_owned()
}

/// Whether `error` comes from writing to a pipe whose reader has gone (`partners list | head`):
/// then the program ends quietly with status 0, as other command-line tools do.
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .is_some_and(|e| e.io_error_kind() == Some(ErrorKind::BrokenPipe))
            // `export -o /dev/fd/1 | head`: a pipe named for output, closed early.
            || cause
                .downcast_ref::<crate::atomic::WriteError>()
                .is_some_and(|e| e.error.kind() == ErrorKind::BrokenPipe)
    })
}
