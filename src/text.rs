//! Text that reaches a terminal: the one sanitiser ([`clean`], [`clean_multiline`], and
//! [`clean_document`] for files that may be shown on one), widths measured in columns (wide
//! characters count two), truncation and wrapping that respect both.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
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

/// Whether `text` shows nothing: spaces, and characters no screen draws (a zero-width space,
/// a byte-order mark, a soft hyphen, a direction mark), which every display drops.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || is_invisible(c) || is_bidi_control(c))
}

/// Whether `c` is an invisible formatting character that terminals disagree on (some draw a
/// soft hyphen or a zero-width space in a column, some in none): soft hyphen, zero-width
/// space and non-joiner, word joiner and invisible operators, byte-order mark, and the like.
/// The zero-width joiner and the variation selectors stay: emoji sequences need them. So
/// are the format characters that `unicode-width` and the terminals' `wcwidth` measure apart:
/// the Arabic and Syriac marks written above numbers (none for us, one column there), the
/// interlinear annotation marks and the Egyptian and musical format controls (one for us,
/// none there), which would push a row's border out or leave a hole.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{34F}'
            | '\u{605}'
            | '\u{70F}'
            | '\u{890}'
            | '\u{891}'
            | '\u{8E2}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'
            | '\u{200C}'
            | '\u{2060}'..='\u{2064}'
            | '\u{206A}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1D173}'..='\u{1D17A}'
    )
}

/// Whether `c` shows nothing of its own, so that a reader can neither see it nor tell it from
/// another: a control, a format character (Unicode's `Cf`: zero-width space, direction marks
/// and isolates, byte-order mark, tags), a line or paragraph separator, or a character drawn
/// in no column (a joiner, a variation selector, a combining mark alone).
pub fn is_unseen(c: char) -> bool {
    is_unsafe(c)
        || is_invisible(c)
        || matches!(
            c,
            '\u{600}'..='\u{605}'
                | '\u{6DD}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{110BD}'
                | '\u{110CD}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{E0001}'
                | '\u{E0020}'..='\u{E007F}'
        )
        || UnicodeWidthChar::width(c).is_none_or(|columns| columns == 0)
}

/// `text` with each character [`is_unseen`] written as its code point (`<U+200B>`), so that a
/// message naming it shows what is there.
pub fn spelled_out(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unseen) {
        return Cow::Borrowed(text);
    }
    let spell = |c: char| {
        if is_unseen(c) { format!("<U+{:04X}>", u32::from(c)) } else { c.to_string() }
    };
    Cow::Owned(text.chars().map(spell).collect())
}

/// How a character reaches the terminal: unsafe ones as U+FFFD, invisible ones not at all,
/// a line break only where `keep_newlines`.
#[inline]
fn shown(c: char, keep_newlines: bool) -> Option<char> {
    if c.is_ascii() {
        // Most text: only the C0 controls and DEL need a look.
        return if !c.is_ascii_control() || (c == '\n' && keep_newlines) {
            Some(c)
        } else {
            Some(REPLACEMENT)
        };
    }
    if c == '\n' && keep_newlines {
        Some(c)
    } else if matches!(c, '\u{2028}' | '\u{2029}') {
        // Unicode's line and paragraph separators, which terminals draw each their own way.
        Some(if keep_newlines { '\n' } else { ' ' })
    } else if is_unsafe(c) {
        Some(REPLACEMENT)
    } else if is_invisible(c) {
        None
    } else {
        Some(c)
    }
}

/// Whether `c` is part of an emoji sequence that a zero-width joiner may join (a family, a
/// rainbow flag, a profession): pictographs, symbols drawn as emoji, the emoji variation
/// selector and skin tones.
fn in_emoji(c: char) -> bool {
    matches!(
        c,
        '\u{A9}'
            | '\u{AE}'
            | '\u{203C}'
            | '\u{2049}'
            | '\u{2122}'..='\u{2BFF}'
            | '\u{3030}'
            | '\u{303D}'
            | '\u{3297}'
            | '\u{3299}'
            | '\u{FE0F}'
            | '\u{1F000}'..='\u{1FAFF}'
    )
}

/// The characters of `text` as they reach the terminal (see [`shown`]), each with its place
/// among the characters of `text`. A zero-width joiner stays only between two parts of an
/// emoji sequence: elsewhere (between two letters) terminals disagree on it, as on the other
/// invisible characters.
fn shown_chars(text: &str, keep_newlines: bool) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut chars = text.chars().enumerate().peekable();
    let mut before = None;
    std::iter::from_fn(move || {
        loop {
            let (i, c) = chars.next()?;
            let previous = before.replace(c);
            if c == '\u{200D}' {
                let next = chars.peek().map(|&(_, next)| next);
                if !(previous.is_some_and(in_emoji) && next.is_some_and(in_emoji)) {
                    continue;
                }
            }
            if let Some(shown) = shown(c, keep_newlines) {
                return Some((i, shown));
            }
        }
    })
}

fn clean_with(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let joined = text.contains('\u{200D}');
    if !joined && text.chars().all(|c| shown(c, keep_newlines) == Some(c)) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(shown_chars(text, keep_newlines).map(|(_, c)| c).collect())
    }
}

/// One line of text as a terminal may show it: every control character (escape sequences,
/// bidi overrides, newlines) replaced by U+FFFD, so data can never drive the terminal, and
/// invisible formatting characters dropped, so widths are the same on every terminal.
pub fn clean(text: &str) -> Cow<'_, str> {
    clean_with(text, false)
}

/// Like [`clean`], but keeps line breaks (notes have several lines).
pub fn clean_multiline(text: &str) -> Cow<'_, str> {
    // A note written before CRLF was made LF on saving may still hold CRs.
    match unify_line_breaks(text) {
        Cow::Borrowed(text) => clean_with(text, true),
        Cow::Owned(text) => Cow::Owned(clean_with(&text, true).into_owned()),
    }
}

/// `text` with its Windows (CRLF) and old Mac (CR) line breaks made LF, the only line break
/// a note keeps (a CR alone would be drawn as `�`), and so are Unicode's line and paragraph
/// separators (pasted from a web page or a word processor), which the detail, `show` and the
/// exports already break the line at: the editor shows the note as they do.
pub fn unify_line_breaks(text: &str) -> Cow<'_, str> {
    if text.contains(['\r', '\u{2028}', '\u{2029}']) {
        Cow::Owned(text.replace("\r\n", "\n").replace(['\r', '\u{2028}', '\u{2029}'], "\n"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A message of several lines (a dataset's error and its fix) on one line, for the status
/// line: its lines trimmed and joined with a middle dot. Still to be cleaned for display.
pub fn one_line(text: &str) -> String {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" · ")
}

/// `text` as a POSIX shell reads it back as one word: as is when every character is plain,
/// else in single quotes (a path with a space, as macOS's data folder has).
pub fn shell_quoted(text: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "/._-+,:@%=".contains(c);
    if !text.is_empty() && text.chars().all(plain) {
        text.to_owned()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
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
        // Unicode's line and paragraph separators are line breaks a reader knows.
        if matches!(c, '\u{2028}' | '\u{2029}') {
            changed = true;
            out.push('\n');
            continue;
        }
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

/// Columns `text` takes on a terminal once [`clean`]ed: the one measure of width, used by
/// truncation, padding, wrapping and layout alike.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(clean(text).as_ref())
}

/// Columns one character takes once [`clean`]ed (0 for combining marks and invisible
/// characters, 1 for what is replaced).
#[inline]
pub fn char_width(c: char) -> usize {
    if c.is_ascii() {
        return 1;
    }
    shown(c, false).map_or(0, |c| UnicodeWidthChar::width(c).unwrap_or(0))
}

/// The most of a description the detail pane lays out and marks: a partner is shown at
/// once whatever its description holds (1 MiB takes about 40 ms; 50 MB took seconds, every
/// time it was selected). `partners show` prints it whole.
pub const SHOWN_MAX: usize = 1 << 20;

/// The start of `text` that the detail pane shows: at most [`SHOWN_MAX`] bytes, cut between
/// two characters.
pub fn shown_part(text: &str) -> &str {
    start(text, SHOWN_MAX)
}

/// The start of `text`: at most `most` bytes, cut between two characters.
pub fn start(text: &str, most: usize) -> &str {
    if text.len() <= most {
        return text;
    }
    let mut end = most;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// `text` [`clean`]ed and cut to at most `max` columns, ending with `…` when cut: never wider
/// than `max` as [`width`] measures it.
pub fn truncate(text: &str, max: usize) -> Cow<'_, str> {
    let cleaned = clean(text);
    if UnicodeWidthStr::width(cleaned.as_ref()) <= max {
        return cleaned;
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    // Whole clusters measured whole: `❤` and U+FE0F are one emoji of two columns, not 1 + 0.
    let mut end = 0;
    let mut used = 0;
    for (cluster, _, columns) in clusters(&cleaned) {
        if used + columns > max - 1 {
            break;
        }
        used += columns;
        end += cluster.len();
    }
    // `width` measures the whole, which may not be its clusters' sum: fewer until it fits.
    loop {
        let out = format!("{}…", &cleaned[..end]);
        if end == 0 || width(&out) <= max {
            return Cow::Owned(out);
        }
        end = cleaned[..end].grapheme_indices(true).next_back().map_or(0, |(at, _)| at);
    }
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
    wrap_lines(text, max).into_iter().map(|line| (line.start, line.end)).collect()
}

/// One line of a wrapped text: where it starts and ends, in characters and in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineSpan {
    /// The index of its first character.
    pub start: usize,
    /// The index after its last character.
    pub end: usize,
    /// The byte offset of its first character.
    pub byte_start: usize,
    /// The byte offset after its last character.
    pub byte_end: usize,
}

/// A grapheme cluster as wrapping sees it.
#[derive(Debug, Clone, Copy)]
struct Cluster {
    char: usize,
    byte: usize,
    columns: usize,
    space: bool,
}

/// The clusters of a text in order, counting characters as it goes.
struct Clusters<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl Iterator for Clusters<'_> {
    type Item = Cluster;

    fn next(&mut self) -> Option<Cluster> {
        let rest = &self.text[self.byte..];
        let cluster = match rest.as_bytes() {
            [] => return None,
            // An ASCII character followed by another (or by nothing) is a cluster of its own,
            // but a carriage return before a line feed: most of any text, measured without
            // the segmenter. Each cluster ends where one starts, so the segmenter may take up
            // the text at any of them.
            [first, rest @ ..]
                if first.is_ascii() && *first != b'\r' && rest.first().is_none_or(u8::is_ascii) =>
            {
                &self.text[self.byte..=self.byte]
            }
            _ => rest.graphemes(true).next()?,
        };
        let (char, byte) = (self.chars, self.byte);
        self.chars += cluster.chars().count();
        self.byte += cluster.len();
        // Unicode's line and paragraph separators are shown as spaces: a break too.
        let space = matches!(cluster, " " | "\u{2028}" | "\u{2029}");
        Some(Cluster { char, byte, columns: cluster_columns(cluster), space })
    }
}

/// [`wrap_ranges`] with each line's bytes too, so that a line is sliced from the text without
/// counting its characters from the start. Holds one line's clusters at a time, not the text's.
pub fn wrap_lines(text: &str, max: usize) -> Vec<LineSpan> {
    let max = max.max(1);
    let mut source = Clusters { text, byte: 0, chars: 0 };
    // The clusters from the current line's start on that are not placed yet.
    let mut queue = std::collections::VecDeque::new();
    let mut lines = Vec::new();
    loop {
        if queue.is_empty() {
            match source.next() {
                Some(cluster) => queue.push_back(cluster),
                None => break,
            }
        }
        let mut used = 0;
        let mut end = 0;
        let mut last_space = None;
        let mut overflows = false;
        loop {
            if end == queue.len() {
                match source.next() {
                    Some(cluster) => queue.push_back(cluster),
                    None => break,
                }
            }
            let Cluster { columns, space, .. } = queue[end];
            if used + columns > max {
                overflows = true;
                break;
            }
            if space {
                last_space = Some(end);
            }
            used += columns;
            end += 1;
        }
        if overflows {
            if queue[end].space {
                last_space = Some(end);
            }
            if let Some(space) = last_space.filter(|&s| s > 0) {
                end = space;
            } else if end == 0 {
                end = 1;
            }
        }
        if end == queue.len()
            && let Some(cluster) = source.next()
        {
            queue.push_back(cluster);
        }
        let first = queue[0];
        let (stop, byte_stop) =
            queue.get(end).map_or((source.chars, text.len()), |c| (c.char, c.byte));
        lines.push(LineSpan {
            start: first.char,
            end: stop,
            byte_start: first.byte,
            byte_end: byte_stop,
        });
        queue.drain(..end);
        // The spaces at a break are dropped.
        loop {
            if queue.is_empty() {
                match source.next() {
                    Some(cluster) => queue.push_back(cluster),
                    None => break,
                }
            }
            if !queue[0].space {
                break;
            }
            queue.pop_front();
        }
    }
    lines
}

/// The columns a grapheme cluster takes once [`clean`]ed.
fn cluster_columns(cluster: &str) -> usize {
    if cluster.len() == 1 { 1 } else { UnicodeWidthStr::width(clean(cluster).as_ref()) }
}

/// The grapheme clusters of `text` as a terminal draws them once [`clean`]ed: each with how
/// many characters of `text` it holds and the columns it takes (none for what cleaning drops).
/// A cluster is measured whole: a skin-toned or joined emoji is one wide character, not the
/// sum of its parts, and a cursor after it stands where it is drawn.
pub fn clusters(text: &str) -> impl Iterator<Item = (&str, usize, usize)> {
    text.graphemes(true).map(|cluster| (cluster, cluster.chars().count(), cluster_columns(cluster)))
}

/// The columns `text` takes, cluster by cluster as [`clusters`] measures them.
pub fn columns(text: &str) -> usize {
    clusters(text).map(|(_, _, columns)| columns).sum()
}

/// `text` cleaned and cut to `max` columns (with `…` when cut), as runs of characters that are
/// or are not at `positions` (sorted char indices into `text` as given): how a highlighted
/// field is drawn.
pub fn highlight_runs(text: &str, positions: &[usize], max: usize) -> Vec<(String, bool)> {
    // Cluster by cluster, as `wrap_ranges` measures: a row it made fits whole.
    let total = columns(text);
    let limit = if total > max { max.saturating_sub(1) } else { max };
    let mut runs: Vec<(String, bool)> = Vec::new();
    let mut used = 0;
    let mut next = 0;
    let mut at = 0;
    for (cluster, chars, w) in clusters(text) {
        let start = at;
        at += chars;
        if used + w > limit {
            break;
        }
        used += w;
        while positions.get(next).is_some_and(|&p| p < start) {
            next += 1;
        }
        // A cluster is matched when any of its characters is.
        let matched = positions.get(next).is_some_and(|&p| p < at);
        let shown = clean(cluster);
        if shown.is_empty() {
            continue;
        }
        match runs.last_mut() {
            Some((run, m)) if *m == matched => run.push_str(&shown),
            _ => runs.push((shown.into_owned(), matched)),
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
    wrap_lines(text, max).into_iter().map(|l| text[l.byte_start..l.byte_end].to_owned()).collect()
}

/// The keys an overlay's title gives after its name (" — Esc close"); nothing when no key is
/// bound, not a dash left hanging.
pub fn keys_said(keys: &str) -> String {
    if keys.is_empty() { String::new() } else { format!(" — {keys}") }
}

#[cfg(test)]
mod tests {

    #[test]
    fn an_overlay_without_keys_leaves_no_dash() {
        assert_eq!(keys_said(""), "");
        assert_eq!(keys_said("Esc close"), " — Esc close");
    }
    use super::*;

    /// A shell reads every quoted text back as it was, as one word.
    #[cfg(unix)]
    #[test]
    fn shell_quoted_text_reads_back_as_one_word() {
        let texts =
            ["/a/b.ron", "Application Support/x.ron", "it's", "~x", "$(false)", "a\nb", "é", ""];
        for text in texts {
            let quoted = shell_quoted(text);
            let out = std::process::Command::new("sh")
                .args(["-c", &format!("printf %s {quoted}")])
                .output()
                .expect("sh runs");
            assert_eq!(String::from_utf8_lossy(&out.stdout), text, "{quoted}");
        }
        assert_eq!(shell_quoted("/home/a/x.ron"), "/home/a/x.ron");
    }

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
    fn crlf_and_cr_become_lf_in_notes() {
        assert_eq!(unify_line_breaks("a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(unify_line_breaks("a\u{2028}b\u{2029}c"), "a\nb\nc");
        assert!(matches!(unify_line_breaks("a\nb"), Cow::Borrowed(_)));
        assert_eq!(clean_multiline("Monday\r\nFriday\r\n"), "Monday\nFriday\n");
        // A CR on one line is still no line break there.
        assert_eq!(clean("a\rb"), "a\u{FFFD}b");
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
    fn invisible_characters_are_dropped_and_measured_as_shown() {
        assert_eq!(clean("Com\u{AD}mu\u{200B}ne\u{FEFF}"), "Commune");
        assert_eq!(width("Com\u{AD}mu\u{AD}ne"), 7);
        assert_eq!(char_width('\u{AD}'), 0);
        assert_eq!(char_width('\u{1b}'), 1, "shown as U+FFFD");
        assert_eq!(truncate("ab\u{AD}cdef", 4), "abc…");
        // Positions index the text as given: the matched `m` after a soft hyphen.
        let runs = highlight_runs("Com\u{AD}mune", &[4], 20);
        assert_eq!(
            runs,
            vec![("Com".to_owned(), false), ("m".to_owned(), true), ("une".to_owned(), false)]
        );
        // The joiner of an emoji sequence stays; one between letters, or at an end, goes.
        for kept in ["👩\u{200D}👧", "🏳\u{FE0F}\u{200D}🌈", "❤\u{FE0F}\u{200D}🔥", "👩🏽\u{200D}💻"]
        {
            assert_eq!(clean(kept), kept);
        }
        // The joined emoji is one, two columns wide, as `width` measures it.
        assert_eq!(truncate("👩\u{200D}👧abcdef", 7), "👩\u{200D}👧abcd…");
        assert_eq!(truncate("a\u{200D}bcdef", 4), "abc…");
        assert_eq!(clean("width\u{200D}joiner \u{200D}👧 👩\u{200D}"), "widthjoiner 👧 👩");
        // Unicode's line and paragraph separators are what a terminal knows.
        assert_eq!(clean("a\u{2028}b\u{2029}c"), "a b c");
        assert_eq!(clean_multiline("a\u{2028}b"), "a\nb");
        assert_eq!(clean_document("a\u{2028}b\u{2029}c"), "a\nb\nc");
        let runs = highlight_runs("a\u{200D}bc", &[3], 20);
        assert_eq!(runs, vec![("ab".to_owned(), false), ("c".to_owned(), true)]);
    }

    /// Format characters measured one way by `unicode-width` and another by the terminals
    /// (glibc's `wcwidth`, so tmux and xterm) never reach the screen, so no row is pushed out.
    #[test]
    fn format_characters_terminals_measure_otherwise_are_dropped() {
        for c in ['\u{605}', '\u{70F}', '\u{890}', '\u{891}', '\u{8E2}', '\u{FFF9}', '\u{FFFB}']
            .into_iter()
            .chain(['\u{13430}', '\u{1343F}', '\u{1D173}', '\u{1D17A}'])
        {
            let text = format!("mus{c}x");
            assert_eq!(clean(&text), "musx", "{c:?}");
            assert_eq!(width(&text), 4, "{c:?}");
            assert_eq!(char_width(c), 0, "{c:?}");
        }
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
        // A line separator is shown as a space, and breaks as one.
        assert_eq!(wrap("the quick\u{2028}brown fox", 10), vec!["the quick", "brown fox"]);
        // An emoji of several characters is never split across lines.
        assert_eq!(wrap("ab👩\u{200d}💻cd", 3), vec!["ab", "👩\u{200d}💻c", "d"]);
    }

    /// The wrap as it was, all the text's clusters in hand: what [`wrap_lines`], which holds
    /// one line's, must give.
    fn wrap_ranges_whole(text: &str, max: usize) -> Vec<(usize, usize)> {
        let mut at = 0;
        let clusters: Vec<(usize, usize, bool)> = clusters(text)
            .map(|(cluster, chars, columns)| {
                let start = at;
                at += chars;
                (start, columns, matches!(cluster, " " | "\u{2028}" | "\u{2029}"))
            })
            .collect();
        let char_at = |k: usize| clusters.get(k).map_or(at, |c| c.0);
        let mut lines = Vec::new();
        let mut start = 0;
        while start < clusters.len() {
            let (mut used, mut end, mut last_space) = (0, start, None);
            while end < clusters.len() && used + clusters[end].1 <= max {
                if clusters[end].2 {
                    last_space = Some(end);
                }
                used += clusters[end].1;
                end += 1;
            }
            if end < clusters.len() {
                if clusters[end].2 {
                    last_space = Some(end);
                }
                if let Some(space) = last_space.filter(|&s| s > start) {
                    end = space;
                } else if end == start {
                    end = start + 1;
                }
            }
            lines.push((char_at(start), char_at(end)));
            start = end;
            while start < clusters.len() && clusters[start].2 {
                start += 1;
            }
        }
        lines
    }

    proptest::proptest! {
        /// Spaces (leading, runs, at breaks), wide and zero-width characters, emoji of
        /// several characters and words longer than a line wrap as they did, and each line's
        /// bytes are its characters.
        #[test]
        fn wrapping_line_by_line_is_wrapping_whole(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", "word", "longerword", " ", "   ", "日本", "👍🏽", "👩\u{200d}💻",
                "\u{200b}", "e\u{301}", "\u{2028}", "\u{1b}", "x", "🇫🇷", "🇫", "\r", "\n",
                "\u{301}", "👩", "\u{200d}", "\u{1f3fd}", "ก\u{e33}", "क\u{94d}ष",
            ]), 0..40),
            max in 0usize..14,
        ) {
            let text: String = pieces.concat();
            let lines = wrap_lines(&text, max);
            let ranges: Vec<(usize, usize)> = lines.iter().map(|l| (l.start, l.end)).collect();
            proptest::prop_assert_eq!(&ranges, &wrap_ranges_whole(&text, max.max(1)));
            let chars: Vec<char> = text.chars().collect();
            for line in lines {
                let by_chars: String = chars[line.start..line.end].iter().collect();
                proptest::prop_assert_eq!(&text[line.byte_start..line.byte_end], by_chars);
            }
        }
    }

    #[test]
    fn a_wrapped_row_of_emoji_is_drawn_whole() {
        // Ten skin-toned thumbs, two columns each: wrapped at 20, one row, all ten shown.
        let text = "👍🏽".repeat(10);
        assert_eq!(wrap_ranges(&text, 20), vec![(0, 20)]);
        let runs = highlight_runs(&text, &[2], 20);
        let shown: String = runs.iter().map(|(run, _)| run.as_str()).collect();
        assert_eq!(shown, text, "{runs:?}");
        // The second thumb is matched, both its characters.
        assert_eq!(runs[1], ("👍🏽".to_owned(), true));
    }
}
