//! Plain mode's messages (`Plain`), in English (`en.rs`) and French (`fr.rs`).

mod en;
mod fr;

use super::{Lang, table};

table! {
    /// Every message of plain mode in one language.
    Plain {
        /// The first line.
        welcome,
        /// The commands, one a line.
        help,
        /// Said on `quit`.
        bye,
        /// A line of bytes that are not UTF-8 (a terminal set to Latin-1).
        not_text,
        /// `{}`: the query's error.
        query_error,
        /// `{}`: the query.
        no_match,
        /// After `no_match`, for a word that names a kind, which words do not search. `{}`: the
        /// filter for it (`kind:media`).
        no_match_kind,
        /// `{}`: 1, `{}`: the query.
        one_result,
        /// `{}`: how many, `{}`: the query.
        results,
        /// `{}`: the query.
        results_again,
        /// `{}`: how many are left.
        more_left,
        /// Nothing searched yet.
        no_list,
        /// Every result shown.
        no_more,
        /// `{}`: the number typed, `{}`: how many results.
        no_such_result,
        /// A change with no card open.
        no_partner,
        /// `note` without text.
        note_usage,
        /// After a card.
        after_card,
        /// Nothing can be saved.
        no_store,
        /// `{}`: the partner, `{}`: what happened.
        changed,
        starred,
        unstarred,
        met,
        unmet,
        note_saved,
        note_removed,
        /// `alias` or `unalias` without text.
        alias_usage,
        alias_added,
        alias_removed,
        /// A change that changed nothing (already so).
        unchanged,
        /// Removing an alias the partner does not have of the user's.
        no_such_alias,
        /// The user's marks in a result line.
        mark_starred,
        mark_met,
        mark_noted,
        /// `{}`: the partner's id, after a result whose name another partner has too (the
        /// lines would read alike; `show ID` reads it).
        same_name_id,
        /// After a result found by the user's note or own aliases rather than its fields.
        found_in_note,
        /// `{}`: the word of the query a result lacks (see `all_but_one`).
        lacks_word,
        /// No partner has every word of the query; those shown lack one.
        all_but_one,
        /// `{}`: why.
        not_saved,
        /// `{}`: the warning.
        warning,
        /// `{}`: why.
        no_history,
        /// `{}`: the dataset's problem.
        skipped_dataset,
        /// `{}`: why.
        cannot_save,
    }
}

/// Plain mode's messages in `lang`.
pub fn of(lang: Lang) -> &'static Plain {
    match lang {
        Lang::En => &en::PLAIN,
        Lang::Fr => &fr::PLAIN,
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
