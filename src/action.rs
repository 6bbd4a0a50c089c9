//! The vocabulary of the browser: every [`Action`] a person can take, and every [`Effect`]
//! that an action asks the main loop to carry out. Nothing here does anything.

use crate::store::Change;

/// Something the user asked for, independent of the key or click that asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Type a character into the query (or the note being edited).
    Insert(char),
    /// Delete the character before the cursor.
    DeleteBack,
    /// Delete the character under the cursor.
    DeleteForward,
    /// Delete the word before the cursor.
    DeleteWord,
    /// Empty the query.
    ClearQuery,
    /// Move the cursor one character left.
    CursorLeft,
    /// Move the cursor one character right.
    CursorRight,
    /// Move the cursor to the start.
    CursorHome,
    /// Move the cursor to the end.
    CursorEnd,
    /// Select the next partner (or scroll the detail down, when it has focus).
    Down,
    /// Select the previous partner (or scroll the detail up); on an empty query at the top of
    /// the list, recall the previous query.
    Up,
    /// Select the next partner even when the detail has focus (Ctrl-N).
    SelectNext,
    /// Select the previous partner even when the detail has focus (Ctrl-P).
    SelectPrevious,
    /// Move a page down.
    PageDown,
    /// Move a page up.
    PageUp,
    /// Move focus between the list and the detail pane.
    ToggleFocus,
    /// Open the selection: show its detail, follow the chosen relation, apply a chosen bar.
    Confirm,
    /// Close an overlay, else leave the detail, else clear the query, else quit.
    Cancel,
    /// Quit at once.
    Quit,
    /// Show or hide the help overlay.
    ToggleHelp,
    /// Show or hide the overview of kinds, scopes, topics and the network.
    ToggleOverview,
    /// Star or unstar the selected partner.
    ToggleStar,
    /// Mark or unmark the selected partner as met.
    ToggleMet,
    /// Open the note editor on the selected partner.
    EditNote,
    /// Save the note being edited.
    SaveNote,
    /// Show only starred partners, or all again (adds or removes `is:starred`).
    ToggleStarredOnly,
    /// Recall the previous query from the history (again: older ones).
    HistoryPrevious,
    /// Choose the previous relation in the detail pane.
    PreviousLink,
    /// Choose the next relation in the detail pane.
    NextLink,
    /// Go back to the partner visited before.
    Back,
    /// Go forward again after going back.
    Forward,
    /// Copy the selected partner's card to the clipboard.
    CopyCard,
    /// Switch to the previous tab (overview).
    PreviousTab,
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
}

/// Input and output that an action asks for; the main loop carries it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Save a change of the user's marks, notes or history.
    Save(Change),
    /// Put text on the clipboard (through OSC 52).
    Copy(String),
}
