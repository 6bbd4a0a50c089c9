//! The command line's messages (`Cli`), in English (`en.rs`) and French (`fr.rs`): what the
//! subcommands print, their warnings and errors, the partner card (`show`, Markdown export),
//! the store's errors and warnings (the vocabulary's words are `i18n::vocabulary()`'s, shared
//! with the browser). Machine-readable output (JSON, CSV, DOT, TSV) never goes
//! through this table: it stays English and stable.

mod en;
mod fr;

use super::{Lang, table};

table! {
    /// Every message of the command line in one language.
    Cli {
        // -- Around every message --
        /// `{}`: the warning. Printed on standard error.
        warning,
        /// `{}`: what is wrong with the query.
        query_error,
        /// `{}`: why a dataset was skipped.
        skipped_dataset,
        /// `{}`: why the store could not be opened.
        marks_not_shown,
        /// `{}`: why the marks could not be read (`cannot_read_store`, `state_unread`). A
        /// command that selects partners by their marks, or exports them, answers nothing.
        marks_unread,
        /// `{}`: the state file, which could not be read (a warning said why, and where it
        /// was kept).
        state_unread,
        /// `{}`: how many (one), `{}`: the id, `{}`: why a dataset was skipped. A partner
        /// with marks or a note is missing from an export or a listing by marks.
        marked_not_loaded_one,
        /// `{}`: how many, `{}`: the ids, `{}`: why a dataset was skipped.
        marked_not_loaded_many,
        /// As `marked_not_loaded_one`, for an export that carries the partner all the same,
        /// with its id and the user's marks and note only.
        marked_not_loaded_kept_one,
        /// As `marked_not_loaded_many`, for an export that carries them.
        marked_not_loaded_kept_many,
        /// `{}`: how many partners with the user's marks are in no data loaded (none skipped),
        /// `{}`: their ids; an output that cannot carry them (a list, vCard, DOT).
        marked_in_no_data_one,
        /// As `marked_in_no_data_one`, for several.
        marked_in_no_data_many,
        /// As `marked_not_loaded_one`, for a search by marks and words or other filters
        /// (`is:starred ugap`): whether the partner would have matched them is not known.
        marked_not_searched_one,
        /// As `marked_not_searched_one`, for several.
        marked_not_searched_many,
        /// Under the id of a partner that is not loaded, in a Markdown export.
        not_loaded_card,
        /// `{}`: why the store could not be opened (the browser).
        marks_not_saved,
        /// `{}`: the partner's id. The browser ended (a signal, a terminal gone) with a note
        /// it could not save (the lock held elsewhere): the note follows, to be kept.
        note_unsaved_at_end,
        /// `{}`: the partner's id. As `note_unsaved_at_end`, for the user's own aliases.
        aliases_unsaved_at_end,
        /// `{}`: the partner's id, `{}`: the file the note was kept in. As
        /// `note_unsaved_at_end`, the note kept in a file beside the state file.
        note_kept_at_end,
        /// `{}`: the partner's id, `{}`: the file. As `note_kept_at_end`, for the aliases.
        aliases_kept_at_end,
        /// Standard input given twice among dataset files (`--data - --data -`).
        standard_input_twice,
        /// The browser was asked for without a terminal.
        needs_terminal,
        /// Plain mode with its standard input given to `--data -`, and no terminal to read
        /// its commands from instead.
        plain_needs_terminal,
        /// `{}`: the query's first word, `{}`: the command line it may have meant. Said when
        /// the browser opens with a query whose first word is close to a command's name.
        not_a_command,
        /// `{}`: the id.
        unknown_id,
        /// `{}`: the id, `{}`: ids close to it.
        unknown_id_near,
        /// `{}`: the id, `{}`: the skipped dataset file that has it, `{}`: that file, quoted
        /// for a shell.
        unknown_id_skipped,
        /// Follows `unknown_id` or `unknown_id_near` when a dataset file was skipped for its
        /// syntax (its partners unknown).
        unknown_id_maybe_skipped,
        /// Joins the ids of "did you mean".
        list_separator,
        /// Joins an error and its cause: "cannot write x: permission denied".
        cause_separator,
        // -- The command line refused (clap says these in English; French says them so) --
        /// Before a refused command line's reason.
        arg_error,
        /// `{}`: the value, `{}`: the option.
        arg_invalid_value,
        /// An option given without its value: `{}`: the option.
        arg_missing_value,
        /// `{}`: the values it takes.
        arg_possible_values,
        /// A whole number was expected.
        arg_not_a_number,
        /// A whole number was given, too large for the option.
        arg_number_too_large,
        /// `{}`: the argument.
        arg_unknown,
        /// `{}`: the arguments missing.
        arg_missing,
        /// `{}`: the subcommand.
        arg_unknown_subcommand,
        /// `{}`: one argument, `{}`: the other.
        arg_conflict,
        /// `{}`: an argument given twice that may be given once.
        arg_repeated,
        /// `{}`: a value, `{}`: the option that takes no more (`--starred=yes`).
        arg_too_many_values,
        /// An argument is not valid UTF-8 (a terminal or a file name in another encoding).
        arg_invalid_utf8,
        /// `{}`: an argument that exists, like the one typed.
        arg_did_you_mean,
        /// `{}`: an argument that starts with `-`, `{}`: the same. Passing it as a value.
        arg_after_dashes,
        /// `{}`: a command (`partners star`), `{}`: the commands that print JSON. Follows
        /// `arg_unknown` for a `--json` given to a command that prints none.
        arg_no_json,
        /// `{}`: a tip of the program's own, said in the user's language already.
        arg_tip,
        /// Before the usage line.
        arg_usage,
        /// The last line.
        arg_more,
        // -- What a change says --
        /// `{}`: the partner.
        starred,
        /// `{}`: the partner.
        unstarred,
        /// `{}`: the partner.
        marked_met,
        /// `{}`: the partner.
        unmarked_met,
        /// `{}`: the partner. Starring a starred partner: nothing changed.
        already_starred,
        /// `{}`: the partner. Removing a note that is not there.
        no_note,
        /// `{}`: the partner.
        not_starred,
        /// `{}`: the partner.
        already_met,
        /// `{}`: the partner.
        not_met,
        /// `{}`: the partner.
        note_saved,
        /// `{}`: the partner.
        note_removed,
        /// `{}`: the partner's id. A blank note changes nothing.
        note_empty,
        /// `{}`: what a command that changed a mark, note or alias says. Saved, but saying
        /// so on standard output failed (the error's cause follows).
        saved_not_reported,
        /// `{}`: the same, where nothing needed changing.
        unchanged_not_reported,
        /// Reading the note from standard input failed.
        reading_note,
        /// `partners note ID -` at a terminal, on standard error: how to end the note.
        note_prompt,
        /// `{}`: the most a note may hold, in MiB.
        note_too_long,
        /// A note holding a NUL byte: binary data, not text.
        note_not_text,
        /// `{}`: the state file, `{}`: its bound in MiB. A change that would grow it past.
        store_too_large,
        /// `{}`: `state.ron`, `{}`: the file its link leads to, `{}`: why it is no state file.
        not_state_link,
        /// `{}`: a file of the store (`state.ron`, `state.lock`) that `export -o` names.
        export_over_state,
        /// `{}`: a dataset file (`--data`, the datasets folder's) that `export -o` names.
        export_over_dataset,
        /// `{}`: a file not there yet that `export -o` names, which the next start would
        /// read (a `*.ron` of the datasets folder, its glossary, the configuration).
        export_over_dataset_new,
        /// The same, said at start: no marks shown.
        not_state_link_shown,
        /// `{}`: the `-o` file, `{}`: the format its extension names, `{}`: the `--format` given.
        format_not_extension,
        /// `{}`: the export's format, not CSV, given with `--separator`.
        separator_not_csv,
        /// `{}`: the `--separator` given (not a tab) for a TSV export (`--format tsv`, `-o FILE.tsv`).
        separator_not_tab,
        /// `{}`: how many (one), `{}`: the file.
        wrote_one,
        /// `{}`: how many (not one), `{}`: the file.
        wrote_many,
        /// `{}`: the file, `{}`: how many (one). `validate` found no problem.
        valid_one,
        /// `{}`: the file, `{}`: how many (not one).
        valid_many,
        /// After a search result found by the user's note or own aliases.
        found_in_note,
        /// `{}`: the word of the query a result lacks (see `all_but_one`).
        lacks_word,
        /// No partner has every word of the query; those shown lack one.
        all_but_one,
        /// `{}`: the query, quoted. Said to a person (standard output a terminal) when a
        /// search finds nothing, which a script reads from the exit code alone.
        nothing_matched,
        /// `{}`: the file, `{}`: how many groups (one). `validate` found no problem in a
        /// glossary.
        glossary_valid_one,
        /// `{}`: the file, `{}`: how many groups (not one).
        glossary_valid_many,
        // -- The card --
        /// `{}`: what, `{}`: its value ("Email: x", a fact, a relation).
        label_value,
        /// `{}`: the aliases.
        also_known_as,
        /// `{}`: the topics.
        topics,
        /// `{}`: the user's marks ("starred, met").
        mine,
        /// The same heading, over a note or aliases of the user's alone.
        mine_heading,
        /// A mark, in "Mine".
        starred_mark,
        /// A mark, in "Mine".
        met_mark,
        // -- Files and the store --
        /// `{}`: the path, `{}`: why.
        cannot_write,
        /// The home folder cannot be found.
        no_home,
        /// `{}`: the folder, `{}`: why.
        cannot_create_home,
        /// `{}`: the file, `{}`: why.
        cannot_read_store,
        /// `{}`: the file, `{}`: why.
        cannot_write_store,
        /// `{}`: the path, `{}`: why (the disk is full).
        cannot_write_store_full,
        /// `{}`: the lock file, `{}`: why.
        cannot_lock_store,
        /// `{}`: the lock file, `{}`: how many seconds were waited.
        lock_held,
        /// `{}`: the lock file. The browser does not wait: the change was not saved.
        lock_held_now,
        /// `{}`: the lock file. Said once on standard error when a change starts waiting.
        waiting_for_lock,
        /// `{}`: the unreadable file, `{}`: where it was to go, `{}`: why.
        cannot_keep_aside,
        /// `{}`: the file, `{}`: its format, `{}`: the format this release knows.
        newer_version,
        /// `{}`: why.
        cannot_encode,
        /// `{}`: the file, `{}`: its format. A warning: shown but not changed.
        newer_version_shown,
        /// `{}`: the file, `{}`: why, `{}`: where it was kept.
        corrupt_kept,
        /// `{}`: the file, `{}`: why. In a read-only folder.
        corrupt_left,
        /// `{}`: the file, `{}`: why, `{}`: the lock file, held by another process.
        corrupt_left_locked,
        /// `{}`: the file, `{}`: why, `{}`: where it was kept. During a change.
        corrupt_kept_memory,
        /// `{}`: the file.
        state_vanished,
        /// `{}`: the partner's id. The note was changed by another process while edited.
        note_clash_both,
        /// `{}`: the partner's id. The same, the edited note being cleared.
        note_clash_theirs,
        /// `{}`: the decoder's reason.
        not_utf8,
        /// `{}`: the parser's reason.
        not_ron,
        /// A file a `state.ron` link leads to that holds a field a state has not: `{}`: it.
        not_state_field,
        /// A file a `state.ron` link leads to with no `version`.
        not_state_version,
        /// A `state.ron` link that leads to no file.
        state_link_nowhere,
        // -- I/O errors in plain words --
        io_symlink,
        io_permission_denied,
        io_read_only,
        io_not_a_directory,
        io_is_a_directory,
        io_directory_not_empty,
        io_already_exists,
        io_storage_full,
        io_not_found,
        /// The system's EINVAL.
        io_invalid_input,
        /// The system's ENXIO: a device (a terminal) that is not there.
        io_no_device,
        /// The system's EIO.
        io_failed,
        /// Bytes that are not UTF-8 text.
        io_not_utf8,
        /// A dataset file past the most it may hold.
        io_too_large,
        /// A file of partners' own (state, configuration) or of the datasets folder that is a
        /// pipe, a device or a socket.
        io_not_regular,
        /// `{}`: the most, in MiB. A file of partners' own past the most it reads of it.
        io_larger_than,
        /// A dataset named by a path that is a terminal (`--data /dev/stdin` typed at a prompt).
        io_terminal,
        /// A file of the datasets folder that is a symbolic link to no file.
        io_link_to_nothing,
        /// A file of the datasets folder that is a loop of symbolic links.
        io_link_loop,
        // -- Your aliases --
        /// `{}`: the partner, `{}`: the alias.
        alias_added,
        /// `{}`: the partner, `{}`: the alias. Adding an alias the partner already has.
        alias_already,
        /// `{}`: the partner, `{}`: the alias.
        alias_removed,
        /// `{}`: the partner, `{}`: the alias, `{}`: the id. Removing an alias it does not have.
        alias_missing,
        /// `{}`: the id. The alias to add or remove is blank.
        alias_empty,
        /// `{}`: the partner, `{}`: the id. Listing the aliases of a partner that has none.
        no_aliases,
        /// `{}`: the user's aliases, in the card (under "Mine").
        aliases_line,
        // -- The man page --
        /// The headings of the man page's sections, in capitals, as man pages in the language
        /// write them.
        man_name,
        man_synopsis,
        man_description,
        /// Also the heading, in a command's part, over the words it takes (`show ID`).
        man_arguments,
        /// Also the heading, in a command's part, over its options.
        man_options,
        /// The heading of the section that describes each command.
        man_commands,
        man_version,
        /// What the synopsis calls a command, in lower case (`partners [command]`).
        man_command,
    }
}

/// The command line's messages in `lang`.
pub fn of(lang: Lang) -> &'static Cli {
    match lang {
        Lang::En => &en::CLI,
        Lang::Fr => &fr::CLI,
    }
}

/// `one` or `many` for `n` things, as this thread's language counts: French puts 0 in the
/// singular ("0 partenaire"), English only 1.
pub fn count<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    let singular = match super::lang() {
        Lang::En => n == 1,
        Lang::Fr => n <= 1,
    };
    if singular { one } else { many }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_every_message() {
        super::super::check_tables(&of(Lang::En).all(), &of(Lang::Fr).all());
    }

    #[test]
    fn counting() {
        assert_eq!(count(0, "one", "many"), "many");
        assert_eq!(count(1, "one", "many"), "one");
        super::super::set(Lang::Fr);
        assert_eq!(count(0, "one", "many"), "one");
        assert_eq!(count(1, "one", "many"), "one");
        assert_eq!(count(2, "one", "many"), "many");
        super::super::set(Lang::En);
    }
}
