//! The note editor's text and cursor, and how editing actions change them. The same editor
//! edits the user's own aliases for a partner, one a line.

use crate::action::Action;
use crate::editing::{self, Lines, Outcome};
use crate::store::NOTE_MOST;
use crate::view::note::NoteLayout;

/// The most characters of a partner's id in the name of a file keeping unsaved text
/// ([`NoteEditor::kept_as`]): with `state.ron.unsaved-aliases-`, the time and a `-99`, well
/// under the 255 bytes a file's name may have.
const KEPT_ID_MOST: usize = 100;

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

/// The note editor: a multi-line text with a cursor, and the text as the editor wraps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteEditor {
    /// The partner's id.
    pub id: String,
    /// Whether it edits the note or the aliases.
    pub edited: Edited,
    /// The text being edited.
    text: Vec<char>,
    /// Cursor position, in characters.
    cursor: usize,
    /// The text wrapped for the editor, kept with it: changed with each edit, not at each
    /// frame.
    laid: NoteLayout,
    /// The note as it was when the editor opened (or was last saved).
    pub original: String,
    /// Set while the editor asks whether to save unsaved changes.
    pub asking: Option<Closing>,
}

impl NoteEditor {
    /// An editor on partner `id`'s note `text`, the cursor at its end, wrapped to `columns`
    /// (see [`crate::view::note::text_columns`]).
    pub fn new(id: &str, text: &str, columns: usize) -> NoteEditor {
        // A CR would be drawn as `�`: saved, the note has LF line breaks.
        let chars: Vec<char> = crate::text::unify_line_breaks(text).chars().collect();
        NoteEditor {
            id: id.to_owned(),
            edited: Edited::Note,
            cursor: chars.len(),
            laid: NoteLayout::new(&chars, chars.len(), columns),
            text: chars,
            original: text.to_owned(),
            asking: None,
        }
    }

    /// An editor on partner `id`'s `aliases`, one a line, the cursor at the end of a new line
    /// where the next one can be typed at once.
    pub fn aliases(id: &str, aliases: &[String], columns: usize) -> NoteEditor {
        let mut text = aliases.join("\n");
        let original = text.clone();
        if !text.is_empty() {
            text.push('\n');
        }
        let mut editor = NoteEditor::new(id, &text, columns);
        editor.original = original;
        editor.edited = Edited::Aliases;
        editor
    }

    /// The text's characters.
    pub fn chars(&self) -> &[char] {
        &self.text
    }

    /// Cursor position, in characters.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The text as the editor wraps it.
    pub fn layout(&self) -> &NoteLayout {
        &self.laid
    }

    /// Wraps the text to `columns` (the terminal was resized).
    pub fn set_columns(&mut self, columns: usize) {
        if columns != self.laid.columns() {
            self.laid = NoteLayout::new(&self.text, self.cursor, columns);
        }
    }

    /// The aliases typed, one a line, tidied (blank lines are none).
    pub fn alias_lines(&self) -> Vec<String> {
        self.text().lines().filter_map(crate::store::tidy_alias).collect()
    }

    /// What the file that keeps this text, unsaved as the browser ends, is named after (see
    /// [`crate::store::Store::keep_unsaved`]): `note-<id>` or `aliases-<id>`. Ids are slugs;
    /// anything else stays out of a file's name, and so does an id's end past
    /// [`KEPT_ID_MOST`] characters: a name over 255 bytes cannot be made.
    pub fn kept_as(&self) -> String {
        let kind = match self.edited {
            Edited::Note => "note",
            Edited::Aliases => "aliases",
        };
        let slug = |c: &char| c.is_ascii_alphanumeric() || *c == '-';
        let id: String = self.id.chars().filter(slug).take(KEPT_ID_MOST).collect();
        format!("{kind}-{id}")
    }

    /// Whether the text differs from the note as it was.
    pub fn changed(&self) -> bool {
        match self.edited {
            Edited::Note => self.text() != crate::text::unify_line_breaks(&self.original),
            // Blank lines and spaces around an alias are not a change.
            Edited::Aliases => self.alias_lines().join("\n") != self.original,
        }
    }

    /// Whether the text is a note longer than [`NOTE_MOST`] bytes, which is not saved.
    pub fn too_long(&self) -> bool {
        self.too_long_with(&[])
    }

    /// Whether `action`, a paste or a yank of `kill`, would leave a note longer than
    /// [`NOTE_MOST`] bytes: it is refused whole, as a paste cut short would lose text unseen.
    pub fn insertion_too_long(&self, action: &Action, kill: &str) -> bool {
        let inserted = match action {
            Action::Paste(text) => editing::pasted(text, Lines::Many),
            Action::Yank => editing::pasted(kill, Lines::Many),
            _ => return false,
        };
        self.too_long_with(&inserted)
    }

    /// Whether the text with `inserted` is a note longer than [`NOTE_MOST`] bytes.
    fn too_long_with(&self, inserted: &[char]) -> bool {
        let bytes = |chars: &[char]| chars.iter().map(|c| c.len_utf8() as u64).sum::<u64>();
        self.edited == Edited::Note && bytes(&self.text) + bytes(inserted) > NOTE_MOST
    }

    /// The text as a string.
    pub fn text(&self) -> String {
        self.text.iter().collect()
    }

    /// Moves the cursor one row up or down the note as the editor wraps it.
    fn move_vertically(&mut self, down: bool) {
        if let Some(at) = self.laid.vertical(&self.text, down) {
            self.cursor = editing::snap(&self.text, at);
        }
    }

    /// Applies an editing action, the note wrapped to `columns` as the editor shows it;
    /// others are ignored.
    pub fn edit(&mut self, action: &Action, columns: usize, kill: &mut String) {
        self.set_columns(columns);
        let outcome = match action {
            Action::NoteNewline => {
                editing::apply(&mut self.text, &mut self.cursor, &Action::Insert('\n'), Lines::Many)
            }
            Action::NoteLineUp => {
                self.move_vertically(false);
                Outcome::Moved
            }
            Action::NoteLineDown => {
                self.move_vertically(true);
                Outcome::Moved
            }
            action => {
                editing::apply_killing(&mut self.text, &mut self.cursor, action, Lines::Many, kill)
            }
        };
        if let Outcome::Changed(splice) = outcome {
            self.laid.edit(&self.text, splice);
        }
        self.laid.place(&self.text, self.cursor);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Text left unsaved on a partner of a long id (a dataset may have one of 300 letters) is
    /// still kept in a file: the name of the file holds the start of the id.
    #[test]
    fn text_on_a_partner_of_a_long_id_is_kept_in_a_file() {
        let home = tempfile::tempdir().expect("a folder");
        let store = crate::store::Store::open(home.path()).expect("a store");
        let id = "a".repeat(300);
        let mut editor = NoteEditor::new(&id, "", 40);
        let kept = store.keep_unsaved(&editor.kept_as(), "precious").expect("kept");
        assert_eq!(std::fs::read_to_string(kept).expect("read"), "precious");
        assert_eq!(editor.kept_as(), format!("note-{}", "a".repeat(KEPT_ID_MOST)));
        editor.edited = Edited::Aliases;
        assert!(store.keep_unsaved(&editor.kept_as(), "x").is_ok());
        // Nothing but a slug's characters reaches the name.
        let editor = NoteEditor::new("../x y\u{1b}é", "", 40);
        assert_eq!(editor.kept_as(), "note-xy");
    }

    #[test]
    fn a_note_with_crlf_opens_with_lf_and_unchanged() {
        let editor = NoteEditor::new("a", "Call back Monday\r\nSend the catalogue\rOK", 40);
        assert_eq!(editor.text(), "Call back Monday\nSend the catalogue\nOK");
        assert!(!editor.changed(), "only the line breaks differ: Esc need not ask");
        // Unicode's separators, which the detail shows as line breaks, are line breaks here.
        let editor = NoteEditor::new("a", "Monday\u{2028}Friday\u{2029}OK", 40);
        assert_eq!(editor.text(), "Monday\nFriday\nOK");
        assert_eq!(editor.layout().rows, ["Monday", "Friday", "OK"]);
        assert!(!editor.changed());
    }

    fn action(n: usize) -> Action {
        match n {
            0 => Action::Insert('a'),
            1 => Action::Insert(' '),
            2 => Action::Insert('é'),
            3 => Action::Insert('日'),
            4 => Action::Paste("word 👍🏽 two\nthree\n\n".to_owned()),
            5 => Action::NoteNewline,
            6 => Action::DeleteBack,
            7 => Action::DeleteForward,
            8 => Action::DeleteWord,
            9 => Action::DeleteWordBack,
            10 => Action::DeleteWordForward,
            11 => Action::DeleteToEnd,
            12 => Action::DeleteToStart,
            13 => Action::CursorLeft,
            14 => Action::CursorRight,
            15 => Action::CursorWordLeft,
            16 => Action::CursorHome,
            17 => Action::CursorEnd,
            18 => Action::NoteLineUp,
            _ => Action::NoteLineDown,
        }
    }

    proptest::proptest! {
        /// Whatever is typed, deleted, pasted or moved over, the rows kept and changed edit by
        /// edit are those of the text wrapped afresh, the cursor where it would be.
        #[test]
        fn the_layout_kept_is_the_layout_made_afresh(
            start in proptest::sample::select(vec![
                "",
                "one two three",
                "a\n\nb c d\ne",
                "\n",
                "the quick brown fox jumps over the lazy dog, again and again and again",
                "e\u{301}e\u{301} x 👍🏽👍🏽 日本語の文 🇫🇷🇫🇷 ab  cd   ef",
            ]),
            keys in proptest::collection::vec((0usize..20, 0usize..12), 0..60),
            columns in 1usize..10,
        ) {
            let mut editor = NoteEditor::new("x", start, columns);
            let mut kill = String::new();
            for (key, width) in keys {
                // Now and then, another width, as after a resize.
                let columns = if width == 0 { columns + 3 } else { columns };
                editor.edit(&action(key), columns, &mut kill);
                let fresh = NoteLayout::new(&editor.text, editor.cursor, columns);
                proptest::prop_assert_eq!(&editor.laid, &fresh, "{:?}", editor.text());
            }
        }
    }
}
