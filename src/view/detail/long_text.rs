//! A long text of the detail pane (a description, the user's note) laid out once for a width:
//! its wrapped lines as spans of the text. The query's marks are found, and the lines' segments
//! made, only for the lines asked for: those on screen.

use std::ops::Range;

use super::{Role, Segment, marked, seg};
use crate::search::TextMarker;
use crate::store::Marks;
use crate::text::{LineSpan, wrap_lines};

/// A text wrapped to a width, kept as it was laid out.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct LongText {
    /// The text laid out (a description's shown part, the whole note).
    text: String,
    /// The columns its lines are wrapped to.
    width: usize,
    /// Whether its lines stand after a space (the note's), empty paragraphs aside.
    indent: bool,
    /// Its lines; an empty one is an empty paragraph.
    lines: Vec<LineSpan>,
    /// Characters of the whole text after those laid out.
    left: usize,
}

impl LongText {
    /// The `shown` start of a description for `columns` columns, `left` characters after it.
    pub(super) fn description(shown: &str, left: usize, columns: usize) -> LongText {
        let lines = wrap_lines(shown, columns);
        LongText { text: shown.to_owned(), width: columns, indent: false, lines, left }
    }

    /// A note for `columns` columns: paragraph by paragraph, after a space.
    pub(super) fn note(note: &str, columns: usize) -> LongText {
        let width = columns.saturating_sub(1).max(1);
        let mut lines = Vec::new();
        let (mut chars, mut bytes) = (0, 0);
        for paragraph in note.split('\n') {
            // A note saved before CRLF was made LF: its CR would show as `�` at each line's
            // end. Left out of the lines, it still counts in the offsets highlights index.
            let wrapped = wrap_lines(paragraph.strip_suffix('\r').unwrap_or(paragraph), width);
            if wrapped.is_empty() {
                lines.push(LineSpan {
                    start: chars,
                    end: chars,
                    byte_start: bytes,
                    byte_end: bytes,
                });
            }
            lines.extend(wrapped.into_iter().map(|line| LineSpan {
                start: chars + line.start,
                end: chars + line.end,
                byte_start: bytes + line.byte_start,
                byte_end: bytes + line.byte_end,
            }));
            chars += paragraph.chars().count() + 1;
            bytes += paragraph.len() + 1;
        }
        LongText { text: note.to_owned(), width, indent: true, lines, left: 0 }
    }

    /// Whether it is the description whose shown part is `shown`.
    pub(super) fn is_description(&self, shown: &str) -> bool {
        !self.indent && self.text == shown
    }

    /// Whether it is the note of `marks`.
    pub(super) fn is_note_of(&self, marks: &Marks) -> bool {
        self.indent && marks.note.as_deref() == Some(self.text.as_str())
    }

    /// How many lines it takes.
    pub(super) fn len(&self) -> usize {
        self.lines.len()
    }

    /// Characters of the whole text that are not laid out.
    pub(super) fn left(&self) -> usize {
        self.left
    }

    /// Its lines in `range`, what `marker` marks in them matched: the marks are looked for in
    /// these lines (and the few characters around them) only.
    pub(super) fn lines(&self, range: Range<usize>, marker: &TextMarker) -> Vec<Vec<Segment>> {
        let range = range.start.min(self.len())..range.end.min(self.len());
        let (Some(first), Some(last)) =
            (self.lines.get(range.start), self.lines[range.clone()].last())
        else {
            return Vec::new();
        };
        let positions = marker.mark_part(&self.text, first.byte_start..last.byte_end, first.start);
        self.lines[range]
            .iter()
            .map(|line| {
                if line.start == line.end {
                    return Vec::new();
                }
                // Positions are sorted: each line finds its own by bisection.
                let from = positions.partition_point(|&p| p < line.start);
                let to = positions.partition_point(|&p| p < line.end);
                let local: Vec<usize> =
                    positions[from..to].iter().map(|p| p - line.start).collect();
                let text = &self.text[line.byte_start..line.byte_end];
                let segments = marked(text, &local, self.width);
                if self.indent { [vec![seg(" ", Role::Text)], segments].concat() } else { segments }
            })
            .collect()
    }
}
