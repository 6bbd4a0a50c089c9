//! The vocabulary of the browser: every [`Action`] a person can take (with the words the help
//! shows for it), the reports that come back from the outside world, and every [`Effect`] that
//! an action asks the main loop to carry out. Nothing here does anything.

use std::sync::Arc;

use crate::catalog::Catalog;
use crate::search::{MarkBits, Query, Ranked, Searcher};
use crate::store::{Change, State};

/// Something the user asked for, independent of the key or click that asked; or the outcome of
/// an [`Effect`], reported back so that `App::update` alone decides what the user is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    // -- Editing the query (or the note being written) ------------------------------------
    /// Type a character into the query (or the note being written).
    Insert(char),
    /// Delete the character before the cursor.
    DeleteBack,
    /// Delete the character under the cursor.
    DeleteForward,
    /// Delete back to the previous space (readline's `unix-word-rubout`, Ctrl-W).
    DeleteWord,
    /// Delete the word before the cursor, letters and digits only (Alt-Backspace).
    DeleteWordBack,
    /// Delete to the end of the word after the cursor (Alt-D).
    DeleteWordForward,
    /// Delete from the cursor to the end (of the line, in the note).
    DeleteToEnd,
    /// Delete from the start (of the line, in the note) to the cursor.
    DeleteToStart,
    /// Insert the text the last word or line deletion removed (readline's and fzf's Ctrl-Y).
    Yank,
    /// Insert pasted text (a terminal's bracketed paste): line breaks become spaces in the
    /// query and stay in the note; control characters are dropped.
    Paste(String),
    /// Move the cursor one character (grapheme cluster) left.
    CursorLeft,
    /// Move the cursor one character (grapheme cluster) right.
    CursorRight,
    /// Move the cursor to the start of the word before it.
    CursorWordLeft,
    /// Move the cursor to the end of the word after it.
    CursorWordRight,
    /// Move the cursor to the start (of the line, in the note).
    CursorHome,
    /// Move the cursor to the end (of the line, in the note).
    CursorEnd,

    // -- The list -----------------------------------------------------------------------
    /// Select the next partner.
    MoveDown,
    /// Select the previous partner; on an empty query at the top of the list, recall the
    /// previous query.
    MoveUp,
    /// Select the next partner, even when the detail has focus.
    SelectNext,
    /// Select the previous partner, even when the detail has focus.
    SelectPrevious,
    /// Move the selection a page down.
    PageDown,
    /// Move the selection a page up.
    PageUp,
    /// Move focus between the list and the detail pane.
    ToggleFocus,
    /// Show the selected partner's detail.
    Open,
    /// Close the detail, else clear the query, else quit.
    Cancel,
    /// Quit (a note being written with unsaved changes asks first).
    Quit,
    /// The process was asked to end (a terminating signal): save the note being written, then
    /// quit.
    Terminate,
    /// Give the terminal back to the shell and stop (Ctrl-Z); `fg` resumes.
    Suspend,
    /// Show the help.
    OpenHelp,
    /// Show the overview of kinds, scopes, topics and the network.
    OpenOverview,
    /// Star or unstar the selected partner.
    ToggleStar,
    /// Mark or unmark the selected partner as met.
    ToggleMet,
    /// Open the note editor on the selected partner.
    EditNote,
    /// Edit the user's own aliases for the selected partner (one a line, in the note editor).
    EditAliases,
    /// Show only starred partners, or all again (adds or removes `is:starred`).
    ToggleStarredOnly,
    /// Recall the previous query from the history (again: older ones).
    HistoryPrevious,
    /// Copy the selected partner's card to the clipboard.
    CopyCard,
    /// Show the selected partner's card as a QR code, for a phone's camera.
    ShowQr,

    // -- The detail pane ------------------------------------------------------------------
    /// Scroll the detail one line down.
    ScrollDown,
    /// Scroll the detail one line up.
    ScrollUp,
    /// Scroll the detail a page down.
    ScrollPageDown,
    /// Scroll the detail a page up.
    ScrollPageUp,
    /// Scroll the detail to its top.
    DetailTop,
    /// Scroll the detail to its bottom.
    DetailBottom,
    /// Choose the previous relation in the detail pane.
    PreviousLink,
    /// Choose the next relation in the detail pane.
    NextLink,
    /// Follow the chosen relation.
    FollowLink,
    /// Go back to the partner visited before.
    Back,
    /// Go forward again after going back.
    Forward,

    // -- Overlays -------------------------------------------------------------------------
    /// Close the help or the overview.
    CloseOverlay,
    /// Scroll the help one line down.
    HelpDown,
    /// Scroll the help one line up.
    HelpUp,
    /// Scroll the help a page down.
    HelpPageDown,
    /// Scroll the help a page up.
    HelpPageUp,
    /// Scroll the help to its first line.
    HelpTop,
    /// Scroll the help to its last lines.
    HelpBottom,
    /// Start a new line in the note.
    NoteNewline,
    /// Move the note's cursor one line up.
    NoteLineUp,
    /// Move the note's cursor one line down.
    NoteLineDown,
    /// Save the note being written.
    SaveNote,
    /// Close the note editor; with unsaved changes, ask first.
    CancelNote,
    /// Throw away the unsaved changes of the note (answering the question).
    DiscardNote,
    /// Go on writing the note (answering the question).
    KeepEditing,
    /// Show the next tab of the overview.
    NextTab,
    /// Show the previous tab of the overview.
    PreviousTab,
    /// Choose the next row of the overview.
    NextRow,
    /// Choose the previous row of the overview.
    PreviousRow,
    /// Choose the row ten further down in the overview.
    RowPageDown,
    /// Choose the row ten further up in the overview.
    RowPageUp,
    /// Apply the chosen row: filter the list by it, or show its partner.
    ApplyRow,

    // -- The mouse and the terminal --------------------------------------------------------
    /// A click at a screen cell.
    Click {
        /// Column.
        column: u16,
        /// Row.
        row: u16,
    },
    /// The wheel turned over a screen cell (positive: down).
    Scroll {
        /// Column.
        column: u16,
        /// Row.
        row: u16,
        /// Lines; positive scrolls down.
        lines: i16,
    },
    /// The terminal is now this size.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },

    /// A while went by with nothing to do: time to see whether another process changed the
    /// marks or notes (the session sends it about once a second).
    Idle,

    // -- Reports: what became of an effect ---------------------------------------------------
    /// What an [`Effect::Reread`] found: the store's state when another process changed the
    /// marks or notes, `None` when nothing changed.
    Reread(Option<State>),
    /// A [`Effect::Save`] reached the disk; `state` is what the store now holds (merged with
    /// other processes' changes), `warning` what it noticed on the way (a file kept aside).
    Saved {
        /// The store's state after the write.
        state: State,
        /// A warning to show, if the store raised one.
        warning: Option<String>,
    },
    /// A [`Effect::Save`] failed: nothing was written.
    SaveFailed {
        /// The change that was not saved.
        change: Change,
        /// What is on disk, when the store could be read; `None` when there is no store.
        state: Option<State>,
        /// Why, in words.
        error: String,
    },
    /// An [`Effect::Copy`] was handed on: to a clipboard program, or to the terminal.
    Copied {
        /// Whose card (its short name).
        name: String,
        /// Which way it went, so the user is told no more than what happened.
        way: crate::clipboard::CopyWay,
    },
    /// An [`Effect::Suspend`] could not stop the process.
    SuspendFailed {
        /// Why, in words.
        error: String,
    },
    /// An [`Effect::Copy`] could not be handed on.
    CopyFailed {
        /// Whose card (its short name).
        name: String,
        /// Why, in words.
        error: String,
    },
    // -- Reports from the session's background threads ------------------------------------
    /// A large dataset is being read: `read` of `total` bytes so far.
    Loading {
        /// Bytes read.
        read: u64,
        /// Bytes to read in all.
        total: u64,
    },
    /// The dataset finished loading in the background: the catalog to browse.
    Loaded(Shared<Catalog>),
    /// The catalog loaded in the background knows now which names more than one partner has
    /// ([`Catalog::name_shared_known`]): the rows and links of those partners show their ids.
    NamesShared,
    /// Results of the search asked for with [`Effect::Search`] number `generation`.
    Found {
        /// Which search these are the results of; older ones are dropped.
        generation: u64,
        /// The results, best first (boxed: an action holds no lock of its own, so that
        /// key bindings can be constants).
        hits: Box<Ranked>,
    },
}

impl Action {
    /// Whether it edits the query (typing, deleting, moving the cursor in it).
    pub fn edits_query(&self) -> bool {
        matches!(
            self,
            Action::Insert(_)
                | Action::Paste(_)
                | Action::DeleteBack
                | Action::DeleteForward
                | Action::DeleteWord
                | Action::DeleteWordBack
                | Action::DeleteWordForward
                | Action::DeleteToEnd
                | Action::DeleteToStart
                | Action::Yank
                | Action::CursorLeft
                | Action::CursorRight
                | Action::CursorWordLeft
                | Action::CursorWordRight
                | Action::CursorHome
                | Action::CursorEnd
        )
    }

    /// Whether it acts on the results or the partner selected (a move, a mark, a note, the
    /// detail): what waits for results on their way.
    pub fn acts_on_results(&self) -> bool {
        matches!(
            self,
            Action::MoveDown
                | Action::MoveUp
                | Action::SelectNext
                | Action::SelectPrevious
                | Action::PageDown
                | Action::PageUp
                | Action::Open
                | Action::ToggleStar
                | Action::ToggleMet
                | Action::EditNote
                | Action::EditAliases
                | Action::CopyCard
                | Action::ShowQr
                | Action::ScrollDown
                | Action::ScrollUp
                | Action::ScrollPageDown
                | Action::ScrollPageUp
                | Action::DetailTop
                | Action::DetailBottom
                | Action::PreviousLink
                | Action::NextLink
                | Action::FollowLink
                | Action::ToggleFocus
        )
    }

    /// What the action does, in the words of the help screen (in the thread's language);
    /// `None` for actions that no key is bound to (typing, clicks, reports). Actions that the help shows on one row share
    /// the same words.
    pub fn description(&self) -> Option<&'static str> {
        let t = crate::i18n::s();
        Some(match self {
            Action::DeleteBack | Action::DeleteForward => t.do_delete_char,
            Action::DeleteWord | Action::DeleteWordBack | Action::DeleteWordForward => {
                t.do_delete_word
            }
            Action::DeleteToEnd => t.do_delete_to_end,
            Action::DeleteToStart => t.do_delete_to_start,
            Action::Yank => t.do_yank,
            Action::CursorLeft | Action::CursorRight => t.do_move_in_text,
            Action::CursorWordLeft | Action::CursorWordRight => t.do_move_word,
            Action::CursorHome | Action::CursorEnd => t.do_move_to_ends,
            Action::DetailTop | Action::DetailBottom => t.do_detail_ends,
            Action::MoveDown | Action::MoveUp => t.do_move_selection,
            Action::SelectNext | Action::SelectPrevious => t.do_select_anywhere,
            Action::PageDown | Action::PageUp => t.do_move_page,
            Action::ToggleFocus => t.do_toggle_focus,
            Action::Open => t.do_open,
            Action::Cancel => t.do_cancel,
            Action::Quit => t.do_quit,
            Action::Suspend => t.do_suspend,
            Action::OpenHelp => t.do_help,
            Action::OpenOverview => t.do_overview,
            Action::ToggleStar => t.do_star,
            Action::ToggleMet => t.do_met,
            Action::EditNote => t.do_note,
            Action::EditAliases => t.do_aliases,
            Action::ToggleStarredOnly => t.do_starred_only,
            Action::HistoryPrevious => t.do_history,
            Action::CopyCard => t.do_copy,
            Action::ShowQr => t.do_qr,
            Action::ScrollDown | Action::ScrollUp => t.do_scroll,
            Action::ScrollPageDown | Action::ScrollPageUp => t.do_scroll_page,
            Action::PreviousLink | Action::NextLink => t.do_choose_relation,
            Action::FollowLink => t.do_follow,
            Action::Back => t.do_back,
            Action::Forward => t.do_forward,
            Action::CloseOverlay => t.do_close,
            Action::HelpDown | Action::HelpUp | Action::HelpPageDown | Action::HelpPageUp => {
                t.do_scroll_help
            }
            Action::HelpTop | Action::HelpBottom => t.do_help_ends,
            Action::NoteNewline => t.do_new_line,
            Action::NoteLineUp | Action::NoteLineDown => t.do_move_lines,
            Action::SaveNote => t.do_save_note,
            Action::CancelNote => t.do_cancel_note,
            Action::DiscardNote => t.do_discard,
            Action::KeepEditing => t.do_keep_writing,
            Action::NextTab | Action::PreviousTab => t.do_change_tab,
            Action::NextRow | Action::PreviousRow | Action::RowPageDown | Action::RowPageUp => {
                t.do_choose_row
            }
            Action::ApplyRow => t.do_apply_row,
            Action::Insert(_)
            | Action::Paste(_)
            | Action::Terminate
            | Action::Click { .. }
            | Action::Scroll { .. }
            | Action::Resize { .. }
            | Action::Idle
            | Action::Reread(_)
            | Action::Saved { .. }
            | Action::SaveFailed { .. }
            | Action::Copied { .. }
            | Action::CopyFailed { .. }
            | Action::SuspendFailed { .. }
            | Action::Loading { .. }
            | Action::Loaded(_)
            | Action::NamesShared
            | Action::Found { .. } => return None,
        })
    }
}

/// Every action a key can be bound to, with its name in the configuration file's `[keys]`
/// table (stable: renaming one breaks users' files).
pub static NAMED: &[(&str, Action)] = &[
    ("quit", Action::Quit),
    ("suspend", Action::Suspend),
    ("cursor-left", Action::CursorLeft),
    ("cursor-right", Action::CursorRight),
    ("cursor-word-left", Action::CursorWordLeft),
    ("cursor-word-right", Action::CursorWordRight),
    ("cursor-home", Action::CursorHome),
    ("cursor-end", Action::CursorEnd),
    ("delete-back", Action::DeleteBack),
    ("delete-forward", Action::DeleteForward),
    ("delete-word", Action::DeleteWord),
    ("delete-word-back", Action::DeleteWordBack),
    ("delete-word-forward", Action::DeleteWordForward),
    ("delete-to-end", Action::DeleteToEnd),
    ("delete-to-start", Action::DeleteToStart),
    ("yank", Action::Yank),
    ("move-up", Action::MoveUp),
    ("move-down", Action::MoveDown),
    ("select-previous", Action::SelectPrevious),
    ("select-next", Action::SelectNext),
    ("page-up", Action::PageUp),
    ("page-down", Action::PageDown),
    ("toggle-focus", Action::ToggleFocus),
    ("open", Action::Open),
    ("cancel", Action::Cancel),
    ("help", Action::OpenHelp),
    ("overview", Action::OpenOverview),
    ("star", Action::ToggleStar),
    ("met", Action::ToggleMet),
    ("note", Action::EditNote),
    ("aliases", Action::EditAliases),
    ("starred-only", Action::ToggleStarredOnly),
    ("history", Action::HistoryPrevious),
    ("copy", Action::CopyCard),
    ("qr-code", Action::ShowQr),
    ("scroll-up", Action::ScrollUp),
    ("scroll-down", Action::ScrollDown),
    ("scroll-page-up", Action::ScrollPageUp),
    ("scroll-page-down", Action::ScrollPageDown),
    ("detail-top", Action::DetailTop),
    ("detail-bottom", Action::DetailBottom),
    ("previous-relation", Action::PreviousLink),
    ("next-relation", Action::NextLink),
    ("follow", Action::FollowLink),
    ("back", Action::Back),
    ("forward", Action::Forward),
    ("close", Action::CloseOverlay),
    ("help-up", Action::HelpUp),
    ("help-down", Action::HelpDown),
    ("help-page-up", Action::HelpPageUp),
    ("help-page-down", Action::HelpPageDown),
    ("help-top", Action::HelpTop),
    ("help-bottom", Action::HelpBottom),
    ("note-new-line", Action::NoteNewline),
    ("note-line-up", Action::NoteLineUp),
    ("note-line-down", Action::NoteLineDown),
    ("save-note", Action::SaveNote),
    ("cancel-note", Action::CancelNote),
    ("discard-note", Action::DiscardNote),
    ("keep-editing", Action::KeepEditing),
    ("previous-tab", Action::PreviousTab),
    ("next-tab", Action::NextTab),
    ("previous-row", Action::PreviousRow),
    ("next-row", Action::NextRow),
    ("row-page-up", Action::RowPageUp),
    ("row-page-down", Action::RowPageDown),
    ("apply-row", Action::ApplyRow),
];

impl Action {
    /// The action's name in the configuration file (`star`, `cursor-word-left`); `None` for
    /// actions no key is bound to.
    pub fn name(&self) -> Option<&'static str> {
        NAMED.iter().find(|(_, action)| action == self).map(|(name, _)| *name)
    }

    /// The action called `name` in the configuration file.
    pub fn from_name(name: &str) -> Option<Action> {
        NAMED.iter().find(|(n, _)| *n == name).map(|(_, action)| action.clone())
    }
}

/// Input and output that an action asks for; the main loop carries it out and reports back
/// with an [`Action`] (see `effects::perform`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Save a change of the user's marks, notes or history.
    Save(Change),
    /// Read the marks and notes again if another process changed them; reported with
    /// [`Action::Reread`].
    Reread,
    /// Give the terminal back and stop the process until it is resumed; the main loop
    /// reports back with a `Resize` for the terminal as it then is.
    Suspend,
    /// Put text on the clipboard.
    Copy {
        /// The text.
        text: String,
        /// Whose card it is (its short name), for the report.
        name: String,
    },
    /// Run a search off the browser's thread (large catalogs); the session reports back with
    /// [`Action::Found`].
    Search(SearchRequest),
}

/// A value shared between threads, compared by identity (a catalog is too large to compare
/// or to print).
pub struct Shared<T>(pub Arc<T>);

impl<T> std::fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Shared({:p})", Arc::as_ptr(&self.0))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Eq for Shared<T> {}

/// A search to run away from the browser's thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    /// Counts the searches asked for: only the results of the newest are shown.
    pub generation: u64,
    /// The partners to search.
    pub catalog: Shared<Catalog>,
    /// The query, parsed.
    pub query: Query,
    /// The user's marks of every partner, for `is:` and `has:`.
    pub marks: Arc<[MarkBits]>,
}

impl SearchRequest {
    /// Runs the search with `searcher` (which must have seen only this catalog and marks).
    pub fn run(&self, searcher: &mut Searcher) -> Action {
        let hits = searcher.ranked(self.catalog.0.index(), &self.query, &self.marks);
        Action::Found { generation: self.generation, hits: Box::new(hits) }
    }
}
