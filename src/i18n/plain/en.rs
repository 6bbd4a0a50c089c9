//! Plain mode in English.

use super::Plain;

/// Every message of plain mode in English.
pub static PLAIN: Plain = Plain {
    welcome: "partners, plain mode. Type words to search, a result's number to read it, \"help\" for the commands.",
    help: "\
Commands:
  WORDS        search (same syntax as the browser); \"find WORDS\" if the first word is a command
  NUMBER       read that result (also show, open or read NUMBER; show ID for the partner with that id)
  more         the next results
  back         the results again
  star, unstar star or unstar the partner you are reading
  met, unmet   mark it as met, or not
  note TEXT    set your note on it
  unnote       remove your note
  alias TEXT   give it an alias of your own, found by search (unalias TEXT removes one)
  help         this list
  quit, q      leave (end of input works too)",
    bye: "Bye.",
    not_text: "That line is not UTF-8 text: set the terminal to UTF-8, then type it again.",
    query_error: "error: in the query, {}",
    no_match: "No partner matches \"{}\".",
    no_match_kind: "Words search names and texts, not kinds: type {} for the partners of that kind.",
    one_result: "{} result for \"{}\":",
    results: "{} results for \"{}\":",
    results_again: "Results for \"{}\":",
    more_left: "{} more: type more, or add words to narrow the search.",
    no_list: "No results yet: type words to search.",
    no_more: "No more results.",
    no_such_result: "No result {}: choose from 1 to {}.",
    no_partner: "No partner open: type a result's number first.",
    note_usage: "Type note followed by the text; unnote removes the note.",
    after_card: "Type back for the results, help for the commands.",
    no_store: "error: not saved: your data folder could not be opened.",
    changed: "{}: {}.",
    starred: "starred",
    unstarred: "unstarred",
    met: "marked as met",
    unmet: "no longer marked as met",
    note_saved: "note saved",
    note_removed: "note removed",
    alias_usage: "Type alias followed by a name to add it; unalias followed by a name removes it.",
    alias_added: "alias added",
    alias_removed: "alias removed",
    unchanged: "nothing to change, it is so already",
    no_such_alias: "no alias of yours is written so",
    mark_starred: "starred",
    mark_met: "met",
    mark_noted: "noted",
    same_name_id: "id {}",
    found_in_note: "found in your note or aliases",
    lacks_word: "without “{}”",
    all_but_one: "No partner has every word of the query: these have all but one.",
    not_saved: "error: not saved: {}",
    warning: "warning: {}",
    no_history: "warning: the search was not added to your history: {}",
    skipped_dataset: "warning: skipped a dataset: {}",
    cannot_save: "warning: your marks and notes cannot be saved: {}",
};
