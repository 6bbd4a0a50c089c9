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

/// How many characters after a change [`NoteLayout::edit`] wraps at first, looking for the
/// row where the layout is as before (four times more each time it is not found). Small under
/// test, so that the property tests cross it.
#[cfg(not(test))]
const WRAP_CHUNK: usize = 1024;
#[cfg(test)]
const WRAP_CHUNK: usize = 2;

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

    /// Follows `splice`, which made the note `text`: the rows it touched are wrapped again,
    /// the others are kept (those after it moved along). A row is made from where it starts
    /// on, so the wrapping starts two rows before the change (a word shortened there may go
    /// up a row) and stops at the first row after it that starts where one started before:
    /// from there on, the rows are those of before. A long paragraph is not wrapped whole at
    /// every key.
    pub fn edit(&mut self, text: &[char], splice: Splice) {
        let Splice { at, removed, inserted } = splice;
        let at = at.min(text.len());
        // The paragraphs touched, from the start of the one the change begins in to the end
        // of the one it ends in: in the note before (rows kept until then) and after.
        let paragraph = text[..at].iter().rposition(|&c| c == '\n').map_or(0, |n| n + 1);
        let end = paragraph_end(text, at + inserted);
        let old_end = (end + removed).saturating_sub(inserted);
        let in_paragraph = self.spans.partition_point(|&(s, _)| s < paragraph);
        let at_row = self.spans.partition_point(|&(s, _)| s <= at).saturating_sub(1);
        let first = at_row.saturating_sub(2).max(in_paragraph);
        let from = self.spans.get(first).map_or(paragraph, |&(s, _)| s);
        let (first, from) = if (paragraph..=at).contains(&from) {
            (first, from)
        } else {
            (in_paragraph, paragraph)
        };
        let edited_end = at + inserted;
        let mut chunk = WRAP_CHUNK;
        loop {
            // Cut where a cluster surely ends, so that every row but the last is whole.
            let mut stop = edited_end.max(from).saturating_add(chunk).min(end);
            while stop < end && !crate::editing::sure_boundary(text, stop) {
                stop += 1;
            }
            let (rows, spans) = wrap_paragraphs(text, from, stop, self.columns);
            if stop < end {
                // The first whole row after the change that starts where an old row started.
                let synced =
                    spans[..spans.len() - 1].iter().enumerate().find_map(|(i, &(s, _))| {
                        let old = (s >= edited_end).then(|| s - inserted + removed)?;
                        let j = self.spans.partition_point(|&(o, _)| o < old);
                        (j > first && self.spans.get(j).is_some_and(|&(o, _)| o == old))
                            .then_some((i, j))
                    });
                let Some((i, j)) = synced else {
                    chunk = chunk.saturating_mul(4);
                    continue;
                };
                self.replace(first..j, &rows[..i], &spans[..i], inserted, removed);
                return;
            }
            let last = self.spans.partition_point(|&(s, _)| s <= old_end);
            self.replace(first..last, &rows, &spans, inserted, removed);
            return;
        }
    }

    /// Puts `rows` and `spans` in place of the rows `old`, and moves the spans of those after
    /// by what the change inserted and removed.
    fn replace(
        &mut self,
        old: std::ops::Range<usize>,
        rows: &[String],
        spans: &[(usize, usize)],
        inserted: usize,
        removed: usize,
    ) {
        let kept = self.spans.len() - old.end;
        self.rows.splice(old.clone(), rows.iter().cloned());
        self.spans.splice(old, spans.iter().copied());
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
    #[cfg(test)]
    tests::WRAPPED.with(|wrapped| wrapped.set(wrapped.get() + (end - start)));
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

    thread_local! {
        /// Characters wrapped so far on this thread, to see what an edit wraps again.
        pub(super) static WRAPPED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    /// A key in a long paragraph wraps the rows near it again, not the whole paragraph (a 1 MB
    /// note of one paragraph took 20-30 ms a key); the layout is still the one made afresh.
    #[test]
    fn an_edit_in_a_long_paragraph_wraps_only_the_rows_near_it() {
        let words = ["a", "word", "longer", "é\u{301}t\u{e9}", "👍🏽", "日本", "of", "paragraph"];
        // Words in no period (an even text would reflow row after row: rightly, and whole).
        let mut seed = 1u32;
        let text: String = (0..40_000)
            .map(|_| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                words[(seed >> 16) as usize % words.len()]
            })
            .collect::<Vec<_>>()
            .join(" ");
        let mut chars: Vec<char> = text.chars().collect();
        let mut laid = NoteLayout::new(&chars, 0, 30);
        for at in [chars.len() / 2, 5, chars.len() - 3] {
            chars.insert(at, 'x');
            WRAPPED.with(|wrapped| wrapped.set(0));
            laid.edit(&chars, Splice { at, removed: 0, inserted: 1 });
            let wrapped = WRAPPED.with(std::cell::Cell::get);
            assert!(wrapped < 10_000, "{wrapped} characters wrapped for one key at {at}");
            assert_eq!(laid, NoteLayout::new(&chars, 0, 30));
        }
    }

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
