//! Text that reaches a terminal: the one sanitiser ([`clean`], [`clean_multiline`], and
//! [`clean_document`] for files that may be shown on one), widths measured in columns (wide
//! characters count two), truncation and wrapping that respect both.

use std::borrow::Cow;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// What stands in for a character that must not reach the terminal raw.
pub const REPLACEMENT: char = '\u{FFFD}';

/// Whether `c` can drive a terminal or reorder what it shows: C0 and C1 controls, DEL (all
/// of Unicode's `Cc`) and the bidirectional controls.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// The bidirectional formatting characters: embeddings, overrides, isolates and marks.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

/// One line of text with every control character (escape sequences, bidi overrides,
/// newlines) replaced by U+FFFD, so data can never drive the terminal.
pub fn clean(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_unsafe) {
        Cow::Owned(text.chars().map(|c| if is_unsafe(c) { REPLACEMENT } else { c }).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Like [`clean`], but keeps line breaks (notes have several lines).
pub fn clean_multiline(text: &str) -> Cow<'_, str> {
    let bad = |c: char| c != '\n' && is_unsafe(c);
    if text.chars().any(bad) {
        Cow::Owned(text.chars().map(|c| if bad(c) { REPLACEMENT } else { c }).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Text for a document format (CSV, Markdown, DOT) that may end up on a terminal: like
/// [`clean_multiline`], but tabs and CRLF line ends are kept too, since those formats carry
/// them and they cannot drive a terminal. A lone CR (which can overwrite a line) is replaced.
pub fn clean_document(text: &str) -> Cow<'_, str> {
    let mut chars = text.chars().peekable();
    let mut out = String::new();
    let mut changed = false;
    while let Some(c) = chars.next() {
        let keep = match c {
            '\n' | '\t' => true,
            '\r' => chars.peek() == Some(&'\n'),
            c => !is_unsafe(c),
        };
        changed |= !keep;
        out.push(if keep { c } else { REPLACEMENT });
    }
    if changed { Cow::Owned(out) } else { Cow::Borrowed(text) }
}

/// Columns `text` takes on a terminal.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Columns one character takes (0 for combining marks).
pub fn char_width(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(0)
}

/// `text` cut to at most `max` columns, ending with `…` when cut.
pub fn truncate(text: &str, max: usize) -> Cow<'_, str> {
    if width(text) <= max {
        return Cow::Borrowed(text);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = char_width(c);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    Cow::Owned(out)
}

/// `text` padded with spaces to `columns` (no-op when already as wide).
pub fn pad(text: &str, columns: usize) -> String {
    let mut out = text.to_owned();
    out.extend(std::iter::repeat_n(' ', columns.saturating_sub(width(text))));
    out
}

/// Greedy word wrap to `max` columns, by character ranges, so callers can map highlight
/// positions: returns `(first_char, end_char)` for each line, spaces at breaks dropped. A word
/// wider than a line is broken.
pub fn wrap_ranges(text: &str, max: usize) -> Vec<(usize, usize)> {
    let max = max.max(1);
    let chars: Vec<char> = text.chars().collect();
    let mut lines = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let mut used = 0;
        let mut end = start;
        let mut last_space = None;
        while end < chars.len() {
            let w = char_width(chars[end]);
            if used + w > max {
                break;
            }
            if chars[end] == ' ' {
                last_space = Some(end);
            }
            used += w;
            end += 1;
        }
        if end < chars.len() {
            if chars[end] == ' ' {
                last_space = Some(end);
            }
            if let Some(space) = last_space.filter(|&s| s > start) {
                end = space;
            } else if end == start {
                end = start + 1;
            }
        }
        lines.push((start, end));
        start = end;
        while start < chars.len() && chars[start] == ' ' {
            start += 1;
        }
    }
    lines
}

/// `text` cleaned and cut to `max` columns (with `…` when cut), as runs of characters that are
/// or are not at `positions` (sorted char indices): how a highlighted field is drawn. The
/// replacement of control characters is one for one, so positions stay valid.
pub fn highlight_runs(text: &str, positions: &[usize], max: usize) -> Vec<(String, bool)> {
    let text = clean(text);
    let total = width(&text);
    let limit = if total > max { max.saturating_sub(1) } else { max };
    let mut runs: Vec<(String, bool)> = Vec::new();
    let mut used = 0;
    let mut next = 0;
    for (i, c) in text.chars().enumerate() {
        let w = char_width(c);
        if used + w > limit {
            break;
        }
        used += w;
        while positions.get(next).is_some_and(|&p| p < i) {
            next += 1;
        }
        let matched = positions.get(next) == Some(&i);
        match runs.last_mut() {
            Some((run, m)) if *m == matched => run.push(c),
            _ => runs.push((c.to_string(), matched)),
        }
    }
    if total > max && max > 0 {
        match runs.last_mut() {
            Some((run, false)) => run.push('…'),
            _ => runs.push(("…".to_owned(), false)),
        }
    }
    runs
}

/// [`wrap_ranges`] as strings.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    wrap_ranges(text, max).into_iter().map(|(a, b)| chars[a..b].iter().collect()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_replaces_controls() {
        assert_eq!(clean("a\u{1b}[31mb\nc"), "a\u{FFFD}[31mb\u{FFFD}c");
        assert_eq!(clean_multiline("a\nb\u{7}"), "a\nb\u{FFFD}");
        assert_eq!(clean("\u{202E}evil"), "\u{FFFD}evil");
        for c in ['\u{7f}', '\u{85}', '\u{9b}', '\u{200E}', '\u{200F}', '\u{61C}', '\u{2066}'] {
            assert_eq!(clean(&format!("a{c}b")), "a\u{FFFD}b", "{c:?}");
        }
        assert!(matches!(clean("plain é"), Cow::Borrowed(_)));
    }

    #[test]
    fn clean_document_keeps_what_files_carry() {
        assert_eq!(clean_document("a\tb\r\nc\nd"), "a\tb\r\nc\nd");
        assert_eq!(
            clean_document("a\rb\u{1b}]52;c;x\u{7}\u{9b}2J\u{202E}"),
            "a\u{FFFD}b\u{FFFD}]52;c;x\u{FFFD}\u{FFFD}2J\u{FFFD}"
        );
        assert!(matches!(clean_document("plain\r\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn truncate_counts_columns() {
        assert_eq!(truncate("Métropole", 5), "Métr…");
        assert_eq!(truncate("日本語テキスト", 5), "日本…");
        assert_eq!(width(&truncate("日本語テキスト", 6)), 5);
        assert_eq!(truncate("abc", 3), "abc");
    }

    #[test]
    fn wrap_breaks_at_spaces_and_long_words() {
        assert_eq!(wrap("the quick brown fox", 10), vec!["the quick", "brown fox"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("日本語", 4), vec!["日本", "語"]);
        assert!(wrap("", 4).is_empty());
    }
}
