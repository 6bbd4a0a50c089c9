//! Line editing as readline does it, shared by the query line and the note editor: a text as
//! characters with a cursor between them, moved and edited by grapheme cluster (an emoji
//! family or a letter with a combining accent is one character) and by word. Knows nothing of
//! the app; the caller decides what an edit means (re-running the search, marking the note as
//! changed).

use unicode_segmentation::UnicodeSegmentation;

use crate::action::Action;
use crate::text::is_unsafe;

/// What an action did to the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Not an editing action: nothing happened.
    Ignored,
    /// Only the cursor moved (or nothing could be done: deleting at the end).
    Moved,
    /// The text changed there.
    Changed(Splice),
}

/// Where a text changed: `removed` characters at `at` replaced by `inserted` others, so that
/// what is laid out of the rest can be kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Splice {
    /// Where, in characters.
    pub at: usize,
    /// How many characters went.
    pub removed: usize,
    /// How many came in their place.
    pub inserted: usize,
}

/// Whether the text is one line (the query: line breaks pasted become spaces) or several
/// (the note: Home, End, Ctrl-K and Ctrl-U work on the cursor's line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// One line.
    One,
    /// Several lines.
    Many,
}

/// The grapheme cluster boundaries of `text`, in characters, from 0 to its length.
fn boundaries(text: &[char]) -> Vec<usize> {
    let string: String = text.iter().collect();
    let mut out = Vec::with_capacity(text.len() + 1);
    let mut count = 0;
    for cluster in string.graphemes(true) {
        out.push(count);
        count += cluster.chars().count();
    }
    out.push(count);
    out
}

/// How many characters around the cursor [`boundaries_near`] segments at least, on a long
/// line. Small under test, so that the windows of the property tests end inside their lines.
#[cfg(not(test))]
const NEAR: usize = 256;
#[cfg(test)]
const NEAR: usize = 3;

/// Whether a cluster surely ends between `text[at - 1]` and `text[at]`, whatever comes before:
/// at the ends, and between two ASCII characters but CR LF (no ASCII character extends a
/// cluster, joins an emoji or pairs a flag), so that segmenting may start or stop there.
pub(crate) fn sure_boundary(text: &[char], at: usize) -> bool {
    match (at.checked_sub(1).and_then(|b| text.get(b)), text.get(at)) {
        (Some(&before), Some(&after)) => {
            before.is_ascii() && after.is_ascii() && !(before == '\r' && after == '\n')
        }
        _ => true,
    }
}

/// The boundaries around `cursor`: from the start of the line that holds the character before
/// it to past the line feed after it, or, on a long line, from a [`sure_boundary`] some
/// [`NEAR`] characters before it to one as far after it. These are the boundaries of the
/// whole text there, found without segmenting a long note (or a long paragraph of one) at
/// every key.
fn boundaries_near(text: &[char], cursor: usize) -> Vec<usize> {
    let cursor = cursor.min(text.len());
    let before = cursor.saturating_sub(1);
    let line = text[..before].iter().rposition(|&c| c == '\n').map_or(0, |n| n + 1);
    let line_end =
        text[cursor..].iter().position(|&c| c == '\n').map_or(text.len(), |n| cursor + n + 1);
    let mut start = before.saturating_sub(NEAR).max(line);
    while start > line && !sure_boundary(text, start) {
        start -= 1;
    }
    let mut end = (cursor + NEAR).min(line_end);
    while end < line_end && !sure_boundary(text, end) {
        end += 1;
    }
    boundaries(&text[start..end]).into_iter().map(|b| b + start).collect()
}

/// The boundary before `cursor` (0 at the start).
pub fn previous(text: &[char], cursor: usize) -> usize {
    boundaries_near(text, cursor).into_iter().rev().find(|&b| b < cursor).unwrap_or(0)
}

/// The boundary after `cursor` (the length at the end).
pub fn next(text: &[char], cursor: usize) -> usize {
    boundaries_near(text, cursor).into_iter().find(|&b| b > cursor).unwrap_or(text.len())
}

/// `cursor` moved back onto a boundary, if it is inside a cluster.
pub fn snap(text: &[char], cursor: usize) -> usize {
    boundaries_near(text, cursor).into_iter().rev().find(|&b| b <= cursor).unwrap_or(0)
}

/// Letters and digits make words (a combining accent belongs to its letter's cluster).
fn is_word(text: &[char], cluster_start: usize) -> bool {
    text.get(cluster_start).is_some_and(|c| c.is_alphanumeric())
}

/// The start of the word before `cursor` (readline's `backward-word`): the clusters before
/// it that are no word, then those that are. Segmented a line at a time, going back, so that
/// a word on a long note does not segment (and copy) the whole note.
pub fn word_left(text: &[char], cursor: usize) -> usize {
    let cursor = cursor.min(text.len());
    let near = boundaries_near(text, cursor);
    // The start of the last cluster passed; the cursor's boundary while none is.
    let mut start = near.iter().copied().find(|&b| b >= cursor).unwrap_or(text.len());
    let mut clusters: Vec<usize> = near.into_iter().filter(|&b| b < cursor).collect();
    let mut in_word = false;
    loop {
        for &cluster in clusters.iter().rev() {
            let word = is_word(text, cluster);
            if in_word && !word {
                return start;
            }
            in_word |= word;
            start = cluster;
        }
        // Only clusters that are no word so far (a line feed ends any word): the line before.
        match clusters.first() {
            Some(&first) if first > 0 => {
                let from = line_start(text, first - 1);
                let bounds = boundaries(&text[from..first]).into_iter().map(|b| b + from);
                clusters = bounds.filter(|&b| b < first).collect();
            }
            _ => return start,
        }
    }
}

/// The end of the word after `cursor` (readline's `forward-word`), found a line at a time
/// as [`word_left`] does.
pub fn word_right(text: &[char], cursor: usize) -> usize {
    let cursor = cursor.min(text.len());
    let mut bounds: Vec<usize> =
        boundaries_near(text, cursor).into_iter().filter(|&b| b >= cursor).collect();
    let mut in_word = false;
    loop {
        for pair in bounds.windows(2) {
            let word = is_word(text, pair[0]);
            if in_word && !word {
                return pair[0];
            }
            in_word |= word;
        }
        // Past a line feed (no word) or at the end.
        let end = bounds.last().copied().unwrap_or(text.len());
        if end >= text.len() {
            return text.len();
        }
        let to = text[end..].iter().position(|&c| c == '\n').map_or(text.len(), |n| end + n + 1);
        bounds = boundaries(&text[end..to]).into_iter().map(|b| b + end).collect();
    }
}

/// The start of the line holding the character at `at`.
fn line_start(text: &[char], at: usize) -> usize {
    text[..at].iter().rposition(|&c| c == '\n').map_or(0, |n| n + 1)
}

/// The start of the previous space-separated word (readline's `unix-word-rubout`).
fn space_word_left(text: &[char], cursor: usize) -> usize {
    let mut start = cursor;
    while start > 0 && text[start - 1].is_whitespace() {
        start -= 1;
    }
    while start > 0 && !text[start - 1].is_whitespace() {
        start -= 1;
    }
    start
}

/// The start and end of the line the cursor is on.
fn line_bounds(text: &[char], cursor: usize, lines: Lines) -> (usize, usize) {
    if lines == Lines::One {
        return (0, text.len());
    }
    let start = text[..cursor].iter().rposition(|&c| c == '\n').map_or(0, |at| at + 1);
    let end = text[cursor..].iter().position(|&c| c == '\n').map_or(text.len(), |at| cursor + at);
    (start, end)
}

/// Pasted text as it goes in: control characters dropped, line breaks (CRLF, CR, LF, and
/// Unicode's line and paragraph separators) kept in a note and spaces in the query, tabs as
/// spaces.
pub fn pasted(text: &str, lines: Lines) -> Vec<char> {
    crate::text::unify_line_breaks(text)
        .chars()
        .filter_map(|c| match c {
            '\n' if lines == Lines::Many => Some('\n'),
            '\n' | '\t' => Some(' '),
            c if is_unsafe(c) => None,
            c => Some(c),
        })
        .collect()
}

/// [`apply`], with readline's kill buffer: a word or line deletion puts what it removed in
/// `kill`, and [`Action::Yank`] inserts it at the cursor.
pub fn apply_killing(
    text: &mut Vec<char>,
    cursor: &mut usize,
    action: &Action,
    lines: Lines,
    kill: &mut String,
) -> Outcome {
    if *action == Action::Yank {
        return insert_pasted(text, cursor, kill, lines);
    }
    let kills = matches!(
        action,
        Action::DeleteWord
            | Action::DeleteWordBack
            | Action::DeleteWordForward
            | Action::DeleteToEnd
            | Action::DeleteToStart
    );
    // The deletion hands over what it drains: copying the text first cost a whole note per key.
    edit(text, cursor, action, lines, kills.then_some(kill))
}

/// Applies an editing action to `text` and its `cursor`.
pub fn apply(text: &mut Vec<char>, cursor: &mut usize, action: &Action, lines: Lines) -> Outcome {
    edit(text, cursor, action, lines, None)
}

/// `pasted_text`, cleaned, inserted at the cursor.
fn insert_pasted(
    text: &mut Vec<char>,
    cursor: &mut usize,
    pasted_text: &str,
    lines: Lines,
) -> Outcome {
    let at = (*cursor).min(text.len());
    let chars = pasted(pasted_text, lines);
    let count = chars.len();
    text.splice(at..at, chars);
    *cursor = at + count;
    if count == 0 {
        Outcome::Moved
    } else {
        Outcome::Changed(Splice { at, removed: 0, inserted: count })
    }
}

/// [`apply`], putting what a deletion removed in `removed` when there is one.
fn edit(
    text: &mut Vec<char>,
    cursor: &mut usize,
    action: &Action,
    lines: Lines,
    removed: Option<&mut String>,
) -> Outcome {
    let at = (*cursor).min(text.len());
    let (start, end) = line_bounds(text, at, lines);
    let deleted = match action {
        Action::Insert(c) => {
            text.insert(at, *c);
            *cursor = at + 1;
            return Outcome::Changed(Splice { at, removed: 0, inserted: 1 });
        }
        Action::Paste(pasted_text) => return insert_pasted(text, cursor, pasted_text, lines),
        Action::DeleteBack => previous(text, at)..at,
        Action::DeleteForward => at..next(text, at),
        Action::DeleteWord => space_word_left(text, at)..at,
        Action::DeleteWordBack => word_left(text, at)..at,
        Action::DeleteWordForward => at..word_right(text, at),
        // At the end of a note's line, Ctrl-K joins the next line, as in Emacs.
        Action::DeleteToEnd if at == end && end < text.len() => at..at + 1,
        Action::DeleteToEnd => at..end,
        Action::DeleteToStart => start..at,
        action => {
            *cursor = match action {
                Action::CursorLeft => previous(text, at),
                Action::CursorRight => next(text, at),
                Action::CursorWordLeft => word_left(text, at),
                Action::CursorWordRight => word_right(text, at),
                Action::CursorHome => start,
                Action::CursorEnd => end,
                _ => return Outcome::Ignored,
            };
            return Outcome::Moved;
        }
    };
    *cursor = deleted.start;
    if deleted.is_empty() {
        return Outcome::Moved;
    }
    let splice = Splice { at: deleted.start, removed: deleted.len(), inserted: 0 };
    let drained = text.drain(deleted);
    if let Some(removed) = removed {
        removed.clear();
        removed.extend(drained);
    }
    Outcome::Changed(splice)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn a_deletion_is_put_back_by_yank() {
        let (mut text, mut cursor, mut kill) = (chars("kind:elected !france"), 20, String::new());
        apply_killing(&mut text, &mut cursor, &Action::DeleteToStart, Lines::One, &mut kill);
        assert_eq!((text.len(), kill.as_str()), (0, "kind:elected !france"));
        apply_killing(&mut text, &mut cursor, &Action::Yank, Lines::One, &mut kill);
        assert_eq!((text.iter().collect::<String>(), cursor), ("kind:elected !france".into(), 20));
        apply_killing(&mut text, &mut cursor, &Action::DeleteWord, Lines::One, &mut kill);
        assert_eq!(kill, "!france");
        // Moving or typing keeps what was killed.
        apply_killing(&mut text, &mut cursor, &Action::CursorHome, Lines::One, &mut kill);
        apply_killing(&mut text, &mut cursor, &Action::Yank, Lines::One, &mut kill);
        assert_eq!(text.iter().collect::<String>(), "!francekind:elected ");
    }

    #[test]
    fn clusters_are_one_character() {
        let family = chars("a👨\u{200d}👩\u{200d}👧b");
        assert_eq!(next(&family, 1), 6);
        assert_eq!(previous(&family, 6), 1);
        let accent = chars("e\u{301}t");
        assert_eq!(next(&accent, 0), 2);
        assert_eq!(snap(&accent, 1), 0);
    }

    /// [`word_left`] on the whole text's boundaries, as it was: obviously right, and slow.
    fn word_left_whole(text: &[char], cursor: usize) -> usize {
        let bounds = boundaries(text);
        let mut k = bounds.iter().filter(|&&b| b < cursor).count();
        while k > 0 && !is_word(text, bounds[k - 1]) {
            k -= 1;
        }
        while k > 0 && is_word(text, bounds[k - 1]) {
            k -= 1;
        }
        bounds[k]
    }

    /// [`word_right`] on the whole text's boundaries.
    fn word_right_whole(text: &[char], cursor: usize) -> usize {
        let bounds = boundaries(text);
        let last = bounds.len() - 1;
        let mut k = bounds.iter().position(|&b| b >= cursor).unwrap_or(last);
        while k < last && !is_word(text, bounds[k]) {
            k += 1;
        }
        while k < last && is_word(text, bounds[k]) {
            k += 1;
        }
        bounds[k]
    }

    proptest::proptest! {
        /// Found in the lines around the cursor, the boundaries next to it and the words
        /// each way are those of the whole text: line feeds, carriage returns, emoji, flags
        /// and accents around.
        #[test]
        fn boundaries_near_the_cursor_are_those_of_the_whole_text(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", " ", "\n", "\r", "\r\n", "e\u{301}", "\u{301}", "🇫🇷", "🇫", "👩\u{200d}💻",
                "\u{200d}", "日", "ab",
            ]), 0..40),
            cursor in 0usize..80,
        ) {
            let text: Vec<char> = pieces.concat().chars().collect();
            let cursor = cursor.min(text.len());
            let all = boundaries(&text);
            let previous_whole = all.iter().rev().copied().find(|&b| b < cursor).unwrap_or(0);
            let next_whole = all.iter().copied().find(|&b| b > cursor).unwrap_or(text.len());
            let snap_whole = all.iter().rev().copied().find(|&b| b <= cursor).unwrap_or(0);
            proptest::prop_assert_eq!(previous(&text, cursor), previous_whole);
            proptest::prop_assert_eq!(next(&text, cursor), next_whole);
            proptest::prop_assert_eq!(snap(&text, cursor), snap_whole);
            proptest::prop_assert_eq!(word_left(&text, cursor), word_left_whole(&text, cursor));
            proptest::prop_assert_eq!(word_right(&text, cursor), word_right_whole(&text, cursor));
        }
    }

    /// A key on a long paragraph segments the characters around the cursor, not the whole
    /// line (a 1 MB note of one paragraph took 30 ms a key, 60 ms a word).
    #[test]
    fn a_long_line_is_segmented_near_the_cursor_only() {
        let text: Vec<char> = "word é\u{301} 👩\u{200d}💻 ".repeat(20_000).chars().collect();
        for cursor in [0, 1, 7, text.len() / 2, text.len() - 1, text.len()] {
            let near = boundaries_near(&text, cursor);
            assert!(near.len() < 1_000, "{} boundaries around {cursor}", near.len());
            assert!(near.first().is_some_and(|&b| b < cursor) || cursor == 0);
            assert!(near.last().is_some_and(|&b| b > cursor) || cursor == text.len());
        }
    }

    #[test]
    fn words_skip_punctuation() {
        let text = chars("kind:media  été-bordeaux");
        assert_eq!(word_left(&text, text.len()), 16);
        assert_eq!(word_left(&text, 16), 12);
        assert_eq!(word_left(&text, 5), 0);
        assert_eq!(word_right(&text, 0), 4);
        assert_eq!(word_right(&text, 4), 10);
        assert_eq!(word_right(&text, text.len()), text.len());
        assert_eq!(word_left(&text, 0), 0);
    }

    #[test]
    fn note_lines() {
        let mut text = chars("one\ntwo");
        let mut cursor = 5;
        assert_eq!(
            apply(&mut text, &mut cursor, &Action::DeleteToEnd, Lines::Many),
            Outcome::Changed(Splice { at: 5, removed: 2, inserted: 0 })
        );
        assert_eq!(text.iter().collect::<String>(), "one\nt");
        let mut cursor = 3;
        apply(&mut text, &mut cursor, &Action::DeleteToEnd, Lines::Many);
        assert_eq!(text.iter().collect::<String>(), "onet");
    }

    #[test]
    fn paste_is_cleaned() {
        assert_eq!(pasted("a\r\nb\tc\u{1b}[2J\u{7}", Lines::One), chars("a b c[2J"));
        assert_eq!(pasted("a\r\nb\rc\n", Lines::Many), chars("a\nb\nc\n"));
        // Unicode's separators are line breaks: in the note as the detail shows it.
        assert_eq!(pasted("a\u{2028}b\u{2029}c", Lines::Many), chars("a\nb\nc"));
        assert_eq!(pasted("a\u{2028}b", Lines::One), chars("a b"));
    }
}
