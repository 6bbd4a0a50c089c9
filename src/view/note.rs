//! The note editor's text laid out: its lines wrapped to the editor's width and where the
//! cursor stands on the wrapped rows, so a long note shows whole instead of scrolled sideways.

use crate::editing::Splice;
use crate::text::{clean, clusters, wrap_lines};

/// The editor's width on a terminal `width` columns wide.
pub fn editor_width(width: u16) -> u16 {
    width.min(70)
}

/// The columns its text is wrapped to, one kept free so the cursor after a full row has a
/// cell of its own (see [`layout`]).
pub fn text_columns(width: u16) -> usize {
    usize::from(editor_width(width).saturating_sub(3)).max(1)
}

/// A note wrapped for the editor. Kept by the editor and changed with the text: an edit
/// wraps again the paragraphs it touched, not the whole note, and a frame wraps nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteLayout {
    /// The rows, each at most the width asked for.
    pub rows: Vec<String>,
    /// The cursor's row and column (in columns) on those rows.
    pub cursor: (usize, usize),
    /// Where each row starts and ends in the text (char indices).
    pub spans: Vec<(usize, usize)>,
    /// The columns the rows are wrapped to.
    columns: usize,
}

impl NoteLayout {
    /// `text` wrapped to `columns`, the cursor (a char index into `text`) placed on the
    /// wrapped rows. Pass one column less than the editor's so the cursor at the end of a full
    /// row has a cell of its own.
    pub fn new(text: &[char], cursor: usize, columns: usize) -> NoteLayout {
        let (rows, spans) = wrap_paragraphs(text, 0, text.len(), columns);
        let mut laid = NoteLayout { rows, cursor: (0, 0), spans, columns };
        laid.place(text, cursor);
        laid
    }

    /// The columns its rows are wrapped to.
    pub fn columns(&self) -> usize {
        self.columns
    }

    /// Follows `splice`, which made the note `text`: the paragraphs it touched are wrapped
    /// again, the rows of the others are kept (those after it moved along).
    pub fn edit(&mut self, text: &[char], splice: Splice) {
        let Splice { at, removed, inserted } = splice;
        // The paragraphs touched, from the start of the one the change begins in to the end
        // of the one it ends in: in the note before (rows kept until then) and after.
        let start =
            text[..at.min(text.len())].iter().rposition(|&c| c == '\n').map_or(0, |n| n + 1);
        let end = paragraph_end(text, at + inserted);
        let old_end = (end + removed).saturating_sub(inserted);
        let first = self.spans.partition_point(|&(s, _)| s < start);
        let last = self.spans.partition_point(|&(s, _)| s <= old_end);
        let (rows, spans) = wrap_paragraphs(text, start, end, self.columns);
        let kept = self.spans.len() - last;
        self.rows.splice(first..last, rows);
        self.spans.splice(first..last, spans);
        let after = self.spans.len() - kept;
        for (s, e) in &mut self.spans[after..] {
            *s = (*s + inserted) - removed;
            *e = (*e + inserted) - removed;
        }
    }

    /// Places the cursor (a char index into `text`) on the rows.
    pub fn place(&mut self, text: &[char], cursor: usize) {
        // The row that starts last at or before the cursor: a cursor on the spaces dropped at
        // a break stands after that row's last character.
        let row = self.spans.partition_point(|&(s, _)| s <= cursor).saturating_sub(1);
        let Some(&(start, end)) = self.spans.get(row) else { return };
        let shown: String = text[start..cursor.clamp(start, end)].iter().collect();
        self.cursor = (row, crate::text::columns(&shown) + cursor.saturating_sub(end));
    }

    /// Where in the text (a char index) the cursor goes one row up or down, as near its
    /// column as that row allows; `None` past the first or last row.
    pub fn vertical(&self, text: &[char], down: bool) -> Option<usize> {
        let (row, column) = self.cursor;
        let target = if down { row.checked_add(1)? } else { row.checked_sub(1)? };
        let &(start, end) = self.spans.get(target)?;
        let row: String = text[start..end].iter().collect();
        let mut used = 0;
        let mut at = start;
        for (_, chars, w) in clusters(&row) {
            if used + w > column {
                break;
            }
            used += w;
            at += chars;
        }
        Some(at)
    }
}

/// Where the paragraph of `text` that holds position `at` ends (its line feed, or the end).
fn paragraph_end(text: &[char], at: usize) -> usize {
    let at = at.min(text.len());
    text[at..].iter().position(|&c| c == '\n').map_or(text.len(), |n| at + n)
}

/// The paragraphs of `text[start..end]` (which starts and ends a paragraph) wrapped to
/// `columns`: their rows, cleaned, and where each row stands in `text`. An empty paragraph
/// is one empty row.
fn wrap_paragraphs(
    text: &[char],
    start: usize,
    end: usize,
    columns: usize,
) -> (Vec<String>, Vec<(usize, usize)>) {
    // Laid out as given, so that the cursor indexes it; each row is cleaned when shown.
    let mut rows = Vec::new();
    let mut spans = Vec::new();
    let mut offset = start;
    for paragraph in text[start..end].split(|&c| c == '\n') {
        let string: String = paragraph.iter().collect();
        let lines = wrap_lines(&string, columns);
        if lines.is_empty() {
            rows.push(String::new());
            spans.push((offset, offset));
        }
        for line in lines {
            rows.push(clean(&string[line.byte_start..line.byte_end]).into_owned());
            spans.push((offset + line.start, offset + line.end));
        }
        offset += paragraph.len() + 1;
    }
    (rows, spans)
}

/// `text` wrapped to `columns`, the cursor (a char index into `text`) placed on the wrapped
/// rows (see [`NoteLayout::new`]).
pub fn layout(text: &str, cursor: usize, columns: usize) -> NoteLayout {
    NoteLayout::new(&text.chars().collect::<Vec<char>>(), cursor, columns)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_wrap_and_the_cursor_follows() {
        let text = "one two three four\n\nfive";
        let end = text.chars().count();
        let laid = layout(text, end, 9);
        assert_eq!(laid.rows, vec!["one two", "three", "four", "", "five"]);
        assert_eq!(laid.cursor, (4, 4));
        assert_eq!(layout(text, 0, 9).cursor, (0, 0));
        // On the space dropped at a break: after the row's end.
        assert_eq!(layout(text, 7, 9).cursor, (0, 7));
        assert_eq!(layout(text, 8, 9).cursor, (1, 0));
        // On the empty line.
        assert_eq!(layout(text, 19, 9).cursor, (3, 0));
        let empty = layout("", 0, 9);
        assert_eq!(
            (empty.rows, empty.cursor, empty.spans),
            (vec![String::new()], (0, 0), vec![(0, 0)])
        );
    }

    #[test]
    fn the_cursor_counts_what_cleaning_leaves_out() {
        // A zero-width space is dropped when shown: the cursor after it stays where it is.
        let laid = layout("a\u{200b}b", 3, 9);
        assert_eq!(laid.rows, vec!["ab"]);
        assert_eq!(laid.cursor, (0, 2));
        // An escape sequence is shown defused, one cell for the escape.
        let laid = layout("x\u{1b}[31m\ny", 6, 9);
        assert_eq!(laid.rows, vec!["x\u{fffd}[31m", "y"]);
        assert_eq!(laid.cursor, (0, 6));
        assert_eq!(layout("x\u{1b}[31m\ny", 8, 9).cursor, (1, 1));
    }

    #[test]
    fn the_cursor_measures_an_emoji_whole() {
        // A skin-toned thumb (two characters) and a heart with its variation selector are
        // drawn two columns wide each: the cursor after them is where the next letter goes.
        let text = "a東é👍🏽x❤\u{fe0f}";
        let laid = layout(text, 6, 20);
        assert_eq!(laid.cursor, (0, 7));
        assert_eq!(layout(text, text.chars().count(), 20).cursor, (0, 9));
        // A row holds whole emoji, never half of one, and moving down keeps the column.
        let laid = layout("👍🏽👍🏽👍🏽\nabcd", 0, 5);
        assert_eq!(laid.rows, vec!["👍🏽👍🏽", "👍🏽", "abcd"]);
        let chars: Vec<char> = "👍🏽👍🏽👍🏽\nabcd".chars().collect();
        let after_one = layout("👍🏽👍🏽👍🏽\nabcd", 2, 5);
        assert_eq!(after_one.cursor, (0, 2));
        assert_eq!(after_one.vertical(&chars, true), Some(6));
    }
}
