//! The browser's messages (`Ui`), in English (`en.rs`) and French (`fr.rs`).

mod en;
mod fr;

use super::{Lang, table};

table! {
    /// Every message of the browser in one language.
    Ui {
        // -- Status messages of the browser --
        /// `{}`: why. A change could not be saved.
        not_saved,
        /// The data folder could not be opened, so nothing can be saved.
        no_store,
        /// `{}`: the partner. The card was sent to the terminal, which may or may not pass it on.
        card_sent,
        /// `{}`: the partner, `{}`: why.
        card_not_copied,
        /// `{}`: why.
        suspend_failed,
        /// `{}`: the partner.
        starred,
        /// `{}`: the partner.
        unstarred,
        /// `{}`: the partner.
        marked_met,
        /// `{}`: the partner.
        unmarked_met,
        /// The history is empty.
        no_history,
        /// The selected partner has no relation.
        no_relations,
        /// `{}`: an organisation.
        not_in_dataset,
        /// Ends a description too long to lay out whole. `{}`: characters left out, `{}`: the
        /// partner's id.
        description_cut,
        /// An overview row names an outside organisation.
        organisation_not_in_dataset,
        /// The network tab's last row when it lists only the partners with most links. `{}`:
        /// how many more partners have links.
        overview_more_hubs,
        /// Back or forward with nothing visited. `{}`: the key that follows a relation.
        nothing_to_go_back_to,
        /// Back at the first visit.
        first_visited,
        /// Forward at the last visit.
        last_visited,
        /// The note editor closed after discarding changes.
        note_discarded,
        /// The note editor closed with nothing changed.
        note_not_changed,
        /// A blank note was saved: the note is gone.
        note_removed,
        /// The note was saved.
        note_saved,
        /// `{}`: the most a note may hold, in MiB. A save refused: the editor stays open.
        note_too_long,
        /// `{}`: the most a note may hold, in MiB. A paste refused whole, the note unchanged.
        paste_too_long,
        // -- The screen --
        /// `{}`×`{}`: the size, `{}`×`{}`: the minimum, `{}`: the key that quits.
        too_small,
        /// The bundled dataset, in the status line.
        bundled,
        /// `{}`: the datasets in use.
        data_label,
        /// The list pane's title.
        partners_title,
        /// The list's title when no partner has every word of the query: those listed
        /// lack one.
        partners_all_but_one,
        /// The detail pane with no partner.
        nothing_selected,
        /// The list when the query cannot run.
        query_cannot_run,
        /// Where the syntax is. `{}`: the help key.
        syntax_in_help,
        /// An empty dataset.
        no_partners,
        /// The list while the partners load.
        list_loading,
        /// The list while a search runs and nothing is shown yet.
        list_searching,
        /// `{}`: the query.
        no_match,
        /// Heading of the suggestions.
        try_heading,
        /// Suggestion.
        try_fewer_filters,
        /// Suggestion.
        try_fewer_words,
        /// Suggestion.
        try_spelling,
        /// Suggestion for a word that names a kind, which words do not search. `{}`: the
        /// filter for it (`kind:media`).
        try_kind,
        /// Suggestion. `{}`: the key that clears the query (Esc, unless the user's keys gave
        /// it to another action).
        try_clear,
        /// The network tab without relations.
        no_network,
        // -- Status-line hints: what a key does, in a word or two --
        /// `{}`: keys. The help's hint.
        closes_help,
        /// Joins two keys: "Esc or F1".
        or,
        /// `{}`: the answers.
        unsaved_note,
        hint_save,
        hint_discard,
        hint_keep_writing,
        hint_new_line,
        hint_cancel,
        hint_tab,
        hint_choose,
        hint_show_in_list,
        hint_close,
        /// After the key that opens the help, before a warning the status line may cut.
        hint_read_whole,
        hint_relation,
        hint_follow,
        hint_help,
        hint_open,
        hint_star,
        hint_met,
        hint_note,
        hint_overview,
        hint_scroll,
        hint_back,
        hint_list,
        hint_move,
        /// After the key that clears the query, on a list that shows nothing.
        hint_clear,
        // -- Overlays --
        /// The help's title. `{}`: the keys to scroll it (when it scrolls) and to close it.
        help_title,
        /// `{}`: the partner, `{}`: the keys to save and to close.
        note_title,
        /// Typing, in the help.
        help_type,
        help_type_does,
        /// The mouse, in the help.
        help_mouse,
        help_mouse_does,
        /// After a key that does this only while the query is empty (Ctrl-D quits).
        help_when_no_query,
        /// After a key that does this only with text after the cursor (Ctrl-K deletes it).
        help_when_text_after,
        help_in_detail,
        help_in_note,
        help_in_overview,
        help_syntax,
        /// The help's first section, when loading warned: each warning whole.
        help_warnings,
        tab_kinds,
        tab_scopes,
        tab_topics,
        tab_network,
        /// The tabs' titles where the whole ones do not fit (40 columns).
        tab_kinds_short,
        tab_scopes_short,
        tab_topics_short,
        tab_network_short,
        // -- The detail pane --
        also,
        topics,
        starred_mark,
        met_mark,
        key_facts,
        relations,
        contact,
        website,
        email,
        phone,
        booth,
        your_note,
        // -- Key names --
        key_enter,
        key_esc,
        key_backspace,
        key_delete,
        key_home,
        key_end,
        key_page_up,
        key_page_down,
        key_tab,
        key_back_tab,
        key_space,
        // -- What each action does, in the help --
        do_delete_char,
        do_delete_word,
        do_move_in_text,
        do_move_selection,
        do_move_page,
        do_toggle_focus,
        do_open,
        do_cancel,
        do_quit,
        do_suspend,
        do_help,
        do_overview,
        do_star,
        do_met,
        do_note,
        do_starred_only,
        do_history,
        do_copy,
        do_scroll,
        do_scroll_page,
        do_choose_relation,
        do_follow,
        do_back,
        do_forward,
        do_close,
        do_scroll_help,
        do_help_ends,
        do_new_line,
        do_move_lines,
        do_save_note,
        do_cancel_note,
        do_discard,
        do_keep_writing,
        do_change_tab,
        do_choose_row,
        do_apply_row,
        /// In a list row whose match is in the user's note or own aliases.
        matched_in_note,
        /// `{}`: the word of the query a result lacks (see `partners_all_but_one`).
        lacks_word,
        // -- QR code --
        /// What the QR key does, in the help.
        do_qr,
        /// `{}`: the partner, `{}`: the key to close. The overlay's title.
        qr_title,
        /// `{}`: the parts left out or cut short.
        qr_shortened,
        /// `{}`×`{}`: room needed, `{}`×`{}`: room free.
        qr_too_small,
        /// The name and contact fields exceed the largest code.
        qr_too_long,
        /// Starts the note in a plain-text code.
        qr_note,
        // -- Keys, editing, configuration --
        /// What Ctrl-K does, in the help.
        do_delete_to_end,
        /// What Ctrl-U does, in the help.
        do_delete_to_start,
        do_yank,
        /// Moving the cursor by word, in the help.
        do_move_word,
        /// Home and End in a text, in the help.
        do_move_to_ends,
        /// Home and End in the detail, in the help.
        do_detail_ends,
        /// `{}`: which, `{}`: how many, `{}`: the key for older ones.
        from_history,
        /// `{}`: how many, `{}`: the same. The oldest query, where the key goes no further.
        from_history_oldest,
        /// The starred view with no star. `{}`: the star key, `{}`: the key that leaves the view.
        no_starred,
        /// The starred view with no star here, while the user has `{}` starred partners in
        /// other data. Then the star key and the key that leaves the view.
        starred_elsewhere_one,
        starred_elsewhere_many,
        /// Ctrl-P/N and Ctrl-K/J, which move the selection from the detail too.
        do_select_anywhere,
        /// `{}`: a key name from the configuration file.
        config_bad_key,
        /// `{}`: `shift-` with a letter as written, `{}`: how to write it (its capital).
        config_shift_letter,
        /// `{}`: `shift-` with a character that is not a letter, as written.
        config_shift_char,
        /// `{}`: a key as written (`ctrl-shift-a`), `{}`: the key a terminal sends for it.
        config_same_as,
        /// `{}`: a key as written (`ctrl-m`), `{}`: the key a terminal sends instead (`Enter`).
        config_never_sent,
        /// `{}`: Ctrl with a character no terminal sends with Ctrl (`ctrl-é`).
        config_no_such_key,
        /// `{}`: a key as written, its invisible characters as `<U+200B>`; `{}`: the first
        /// of them (`U+200B`).
        config_unseen_key,
        /// `{}`: a key as written, its no-break spaces as `<U+00A0>`; `{}`: the first of them
        /// (`U+00A0`).
        config_other_space,
        /// `config --check` on a usable file: `{}`: the file.
        config_ok,
        /// `{}`: the configuration file's path, when there is no file there.
        config_absent,
        /// No folder for the configuration file: neither `--home` nor `PARTNERS_HOME`, nor
        /// the platform's.
        no_config_folder,
        /// A key the file gives an action, taken from another's default use: `{}`: the key,
        /// `{}`: the action it now does, `{}`: the one it did.
        config_key_taken,
        /// All the keys of the action that keeps writing in the question about an unsaved
        /// note taken: `{}`: that action, `{}`: the key it has there instead.
        config_key_spare,
        /// `{}`: the action (`keep-editing`), which the user's keys left no key at all.
        config_no_keep_writing,
        /// `{}`: a setting (`lang`) written under `[keys]`, where TOML takes it for an action.
        config_setting_in_keys,
        /// `{}`: a name under `[keys]`.
        config_unknown_action,
        /// `{}`: what was written (toml's words: `string "x"`), `{}`: what is wanted.
        config_wrong_type,
        /// What was found where a setting's value goes (before the value, if any).
        config_a_text,
        config_a_number,
        config_a_boolean,
        config_a_list,
        config_a_table,
        config_a_date,
        /// What a setting wants: true or false.
        config_want_boolean,
        /// What a key wants: a list. `{}`: one to write, made of the text written if it was one.
        config_want_list,
        /// What `keys` wants: a table of actions.
        config_want_table,
        /// What a setting wants: a text.
        config_want_text,
        /// `{}`: what toml found wrong, `{}`: what it expected instead (a list).
        toml_expected,
        /// `{}`: toml's own words, for what `toml_phrases` does not say.
        toml_syntax,
        /// The top of `partners config --default`: TOML comments, down to `[keys]`.
        config_file_header,
        /// `{}`: the setting written, `{}`: the settings that exist.
        config_unknown_setting,
        /// `{}`: a setting, `{}`: the values it takes.
        config_bad_value,
        /// `{}`: an action given no key.
        config_no_keys,
        /// `{}`: a key, `{}` and `{}`: two actions of the file that both have it.
        config_key_twice,
        /// `{}`, `{}`: the actions that quit from the list, all of whose keys the file gave
        /// other actions; `{}`: their default keys.
        config_no_quit,
        /// `{}`: a place the keys go (one of `config_from_…`), `{}`: the actions that leave
        /// it or quit (each in `config_quoted`), `{}`: their default keys there.
        config_no_way_out,
        /// `config_no_way_out`, when the file gave one of those actions a plain character.
        config_no_way_out_typed,
        /// `{}`: an action's name, quoted in a message.
        config_quoted,
        /// The places the keys go, as `config_no_way_out` names them (in French with the
        /// preposition: "de l'aide").
        config_from_list,
        config_from_detail,
        config_from_help,
        config_from_overview,
        config_from_qr,
        config_from_note,
        config_from_asking,
        /// The configuration file could not be read.
        config_unreadable,
        // -- Screens --
        /// On a pane's top border when it is scrolled.
        more_above,
        /// On a pane's bottom border when there is more below.
        more_below,
        /// `{}`: when the note was written. The note's heading in the detail.
        note_written,
        /// Heading of the partners like this one, which no relation states.
        similar,
        /// `{}`: the topics both have.
        similar_topics,
        /// Why a partner is similar when no topic is shared.
        similar_kind,
        /// Why a partner is similar when no topic is shared.
        similar_kind_scope,
        /// `{}`: the partner, `{}`: the multiplexer (tmux, screen). The card was sent through it.
        card_sent_via,
        /// `{}`: the partner, `{}`: the program. A clipboard program took the card.
        card_copied_by,
        /// After a card-sent message when the card had to be cut.
        card_cut,
        /// Ends a card cut to fit the terminal's clipboard.
        card_cut_note,
        // -- Loading --
        /// `{}`: megabytes read, `{}`: megabytes in all. A large dataset is being read.
        loading_read,
        /// `{}`: megabytes read from a pipe, whose size is not known ahead.
        loading_read_so_far,
        /// `{}`: megabytes. The dataset is read; it is being checked and indexed.
        loading_index,
        /// `{}`: the file and what is wrong with it. A dataset file was left out.
        loading_skipped,
        /// Several warnings (all printed when the browser ends): `{}`: how many (two or
        /// more), `{}`: the first.
        warnings_first,
        /// A query by marks (`is:starred`, `has:note`) while partners with those marks are
        /// not loaded, their dataset file skipped: `{}`: how many (one), `{}`: its id.
        marked_not_loaded_one,
        /// `{}`: how many, `{}`: the ids (the first few).
        marked_not_loaded_many,
        // -- Your aliases --
        /// What the key that edits the user's aliases does, in the help.
        do_aliases,
        /// `{}`: the partner, `{}`: the keys that save and close. The alias editor's title.
        aliases_title,
        /// The aliases were saved.
        aliases_saved,
        /// The alias editor closed with nothing changed.
        aliases_not_changed,
        /// The alias editor closed after discarding changes.
        aliases_discarded,
        /// `{}`: the answers. Closing the alias editor with unsaved changes.
        unsaved_aliases,
        /// Before the user's own aliases in the detail pane.
        your_aliases,
    }
    arrays {
        /// The forms of the query syntax the help shows, in the user's words where a word is
        /// only an example (`word`, `^start`).
        syntax_forms: 13,
        /// What each form of the query syntax means, in the order of `syntax_forms`.
        syntax: 13,
        /// The parts of a card a QR code may leave out, in the order of `qr::Part::ALL`.
        qr_parts: 8,
        /// toml's words for what is wrong in a configuration file, and for what it expected
        /// instead: in English, toml's own (the keys); in French, their translations.
        toml_phrases: 75,
    }
}

/// The browser's messages in `lang`.
pub fn of(lang: Lang) -> &'static Ui {
    match lang {
        Lang::En => &en::UI,
        Lang::Fr => &fr::UI,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_every_message() {
        super::super::check_tables(&of(Lang::En).all(), &of(Lang::Fr).all());
    }
}
