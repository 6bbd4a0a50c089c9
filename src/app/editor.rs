//! The note editor's text and cursor, and how editing actions change them. The same editor
//! edits the user's own aliases for a partner, one a line.

use crate::action::Action;
use crate::editing::{self, Lines};

/// What the editor is waiting for once the user answers whether to save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closing {
    /// Close the editor.
    Close,
    /// Quit the browser.
    Quit,
}

/// What the editor edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edited {
    /// The user's note on the partner.
    Note,
    /// The user's own aliases for the partner, one a line.
    Aliases,
}

/// The note editor: a multi-line text with a cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteEditor {
    /// The partner's id.
    pub id: String,
    /// Whether it edits the note or the aliases.
    pub edited: Edited,
    /// The text being edited.
    pub text: Vec<char>,
    /// Cursor position, in characters.
    pub cursor: usize,
    /// The note as it was when the editor opened (or was last saved).
    pub original: String,
    /// Set while the editor asks whether to save unsaved changes.
    pub asking: Option<Closing>,
}

impl NoteEditor {
    /// An editor on partner `id`'s note `text`, the cursor at its end.
    pub fn new(id: &str, text: &str) -> NoteEditor {
        // A CR would be drawn as `�`: saved, the note has LF line breaks.
        let chars: Vec<char> = crate::text::unify_line_breaks(text).chars().collect();
        NoteEditor {
            id: id.to_owned(),
            edited: Edited::Note,
            cursor: chars.len(),
            text: chars,
            original: text.to_owned(),
            asking: None,
        }
    }

    /// An editor on partner `id`'s `aliases`, one a line, the cursor at the end of a new line
    /// where the next one can be typed at once.
    pub fn aliases(id: &str, aliases: &[String]) -> NoteEditor {
        let mut text = aliases.join("\n");
        let original = text.clone();
        if !text.is_empty() {
            text.push('\n');
        }
        let mut editor = NoteEditor::new(id, &text);
        editor.original = original;
        editor.edited = Edited::Aliases;
        editor
    }

    /// The aliases typed, one a line, tidied (blank lines are none).
    pub fn alias_lines(&self) -> Vec<String> {
        self.text().lines().filter_map(crate::store::tidy_alias).collect()
    }

    /// Whether the text differs from the note as it was.
    pub fn changed(&self) -> bool {
        match self.edited {
            Edited::Note => self.text() != crate::text::unify_line_breaks(&self.original),
            // Blank lines and spaces around an alias are not a change.
            Edited::Aliases => self.alias_lines().join("\n") != self.original,
        }
    }

    /// The text as a string.
    pub fn text(&self) -> String {
        self.text.iter().collect()
    }

    /// Moves the cursor one row up or down the note as the editor wraps it to `columns`.
    fn move_vertically(&mut self, down: bool, columns: usize) {
        let laid = crate::view::note::layout(&self.text(), self.cursor, columns);
        if let Some(at) = laid.vertical(&self.text, down) {
            self.cursor = editing::snap(&self.text, at);
        }
    }

    /// Applies an editing action, the note wrapped to `columns` as the editor shows it;
    /// others are ignored.
    pub fn edit(&mut self, action: &Action, columns: usize, kill: &mut String) {
        match action {
            Action::NoteNewline => {
                editing::apply(
                    &mut self.text,
                    &mut self.cursor,
                    &Action::Insert('\n'),
                    Lines::Many,
                );
            }
            Action::NoteLineUp => self.move_vertically(false, columns),
            Action::NoteLineDown => self.move_vertically(true, columns),
            action => {
                editing::apply_killing(&mut self.text, &mut self.cursor, action, Lines::Many, kill);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_with_crlf_opens_with_lf_and_unchanged() {
        let editor = NoteEditor::new("a", "Call back Monday\r\nSend the catalogue\rOK");
        assert_eq!(editor.text(), "Call back Monday\nSend the catalogue\nOK");
        assert!(!editor.changed(), "only the line breaks differ: Esc need not ask");
    }
}
