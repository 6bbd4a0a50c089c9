//! The note editor's text laid out: its lines wrapped to the editor's width and where the
//! cursor stands on the wrapped rows, so a long note shows whole instead of scrolled sideways.

use crate::text::{clean, clusters, wrap_ranges};

/// The editor's width on a terminal `width` columns wide.
pub fn editor_width(width: u16) -> u16 {
    width.min(70)
}

/// The columns its text is wrapped to, one kept free so the cursor after a full row has a
/// cell of its own (see [`layout`]).
pub fn text_columns(width: u16) -> usize {
    usize::from(editor_width(width).saturating_sub(3)).max(1)
}

/// A note wrapped for the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteLayout {
    /// The rows, each at most the width asked for.
    pub rows: Vec<String>,
    /// The cursor's row and column (in columns) on those rows.
    pub cursor: (usize, usize),
    /// Where each row starts and ends in the text (char indices).
    pub spans: Vec<(usize, usize)>,
}

impl NoteLayout {
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

/// `text` wrapped to `columns`, the cursor (a char index into `text`) placed on the wrapped
/// rows. Pass one column less than the editor's so the cursor at the end of a full row has a
/// cell of its own.
pub fn layout(text: &str, cursor: usize, columns: usize) -> NoteLayout {
    // Laid out as given, so that the cursor indexes it; each row is cleaned when shown.
    let mut rows = Vec::new();
    let mut spans = Vec::new();
    let mut at = (0, 0);
    let mut offset = 0;
    for paragraph in text.split('\n') {
        let chars: Vec<char> = paragraph.chars().collect();
        let mut ranges = wrap_ranges(paragraph, columns);
        if ranges.is_empty() {
            ranges.push((0, 0));
        }
        let here = cursor.checked_sub(offset).filter(|&c| c <= chars.len());
        for (k, &(start, end)) in ranges.iter().enumerate() {
            let next = ranges.get(k + 1).map(|r| r.0);
            if let Some(c) = here.filter(|&c| c >= start && next.is_none_or(|n| c < n)) {
                // Spaces dropped at a break count after the row's last character.
                let before =
                    crate::text::columns(&chars[start..c.min(end)].iter().collect::<String>());
                at = (rows.len(), before + c.saturating_sub(end));
            }
            rows.push(clean(&chars[start..end].iter().collect::<String>()).into_owned());
            spans.push((offset + start, offset + end));
        }
        offset += chars.len() + 1;
    }
    NoteLayout { rows, cursor: at, spans }
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
        let empty = NoteLayout { rows: vec![String::new()], cursor: (0, 0), spans: vec![(0, 0)] };
        assert_eq!(layout("", 0, 9), empty);
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
