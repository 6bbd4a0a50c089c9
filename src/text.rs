//! Text that reaches a terminal: the one sanitiser ([`clean`], [`clean_multiline`], and
//! [`clean_document`] for files that may be shown on one) here; widths measured in columns
//! (wide characters count two), truncation and highlighted runs in `measure`, and wrapping in
//! `wrapping`, both measuring what the sanitiser leaves.

use std::borrow::Cow;

use unicode_width::UnicodeWidthChar;

mod measure;
mod wrapping;

pub use measure::{
    SHOWN_MAX, char_width, clusters, columns, highlight_runs, pad, shown_part, start, truncate,
    width,
};
pub use wrapping::{LineSpan, wrap, wrap_lines, wrap_ranges};

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

/// Whether `text` shows nothing: spaces, and what the sanitiser leaves out of a note (see
/// [`clean_multiline`]): characters no screen draws (a zero-width space, a byte-order mark, a
/// soft hyphen, a tag character), a joiner outside an emoji, accents with nothing before them
/// on their line. A control or direction mark, drawn `�`, is as blank as the space it
/// stands in for, but carries an accent as the `�` drawn does.
pub fn is_blank(text: &str) -> bool {
    // Most texts start with what is drawn as written and carries nothing blank: said at once.
    let first = text.chars().next();
    if first.is_some_and(|c| {
        !c.is_whitespace()
            && shown(c, true) == Some(c)
            && !is_mark(c)
            && c != '\u{200D}'
            && !is_tag(c)
    }) {
        return false;
    }
    let text = unify_line_breaks(text);
    let mut written = text.chars().enumerate();
    shown_chars(&text, true).all(|(at, shown)| {
        let stands_for = written.find(|&(i, _)| i == at).map(|(_, c)| c);
        shown.is_whitespace()
            || shown == REPLACEMENT
                && stands_for.is_some_and(|c| c.is_whitespace() || is_bidi_control(c))
    })
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

/// Whether `c`, between `previous` and `next`, is a zero-width joiner outside an emoji
/// sequence (between two letters, at an end): terminals disagree on it, as on the other
/// invisible characters. Between two parts of an emoji it is part of the picture.
fn stray_joiner(previous: Option<char>, c: char, next: Option<char>) -> bool {
    c == '\u{200D}' && !(previous.is_some_and(in_emoji) && next.is_some_and(in_emoji))
}

/// Unicode's tag characters: invisible, they spell a subdivision's flag after 🏴 (Scotland's,
/// Wales's) and nothing anywhere else, where they can hide text a reader never sees.
pub fn is_tag(c: char) -> bool {
    matches!(c, '\u{E0001}' | '\u{E0020}'..='\u{E007F}')
}

/// Which characters of a text, read in order, are invisible characters that only an emoji
/// sequence needs, found outside one: a zero-width joiner between two letters (terminals
/// disagree on it, as on the other invisible characters), a tag character not spelling a
/// flag after 🏴. The terminal sanitiser drops them; JSON escapes them.
#[derive(Debug, Default)]
pub struct Strays {
    previous: Option<char>,
    /// In a flag's tags, not yet ended by the cancel tag.
    flag: bool,
}

impl Strays {
    /// Whether `c`, the text's next character, followed by `next`, is a stray.
    pub fn stray(&mut self, c: char, next: Option<char>) -> bool {
        let previous = self.previous.replace(c);
        if is_tag(c) {
            let kept = previous == Some('\u{1F3F4}') || (self.flag && previous.is_some_and(is_tag));
            self.flag = kept && c != '\u{E007F}';
            return !kept;
        }
        self.flag = false;
        stray_joiner(previous, c, next)
    }
}

/// The characters of `text` as they reach the terminal (see [`shown`]), each with its place
/// among the characters of `text`. A zero-width joiner or a tag character stays only in the
/// emoji sequence that needs it (see [`Strays`]).
fn shown_chars(text: &str, keep_newlines: bool) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut chars = text.chars().enumerate().peekable();
    let mut strays = Strays::default();
    // Whether a character shown before, on this line, can carry a mark.
    let mut based = false;
    std::iter::from_fn(move || {
        loop {
            let (i, c) = chars.next()?;
            if strays.stray(c, chars.peek().map(|&(_, next)| next)) {
                continue;
            }
            if let Some(shown) = shown(c, keep_newlines) {
                if !based && is_mark(shown) {
                    continue;
                }
                based = shown != '\n';
                return Some((i, shown));
            }
        }
    })
}

/// Whether `c` is drawn on the character before it, in no column of its own: a combining
/// accent, a variation selector. With nothing before it on its line, a terminal puts it on
/// whatever the screen has there (a border, the cell before a field), and leaves it there
/// when that field changes: the sanitiser drops it.
fn is_mark(c: char) -> bool {
    !c.is_ascii() && c != '\u{200D}' && UnicodeWidthChar::width(c) == Some(0)
}

/// Whether `text` has a [mark](is_mark) with nothing before it: at its start, or at the start
/// of one of its lines where they are kept.
fn has_baseless_mark(text: &str, keep_newlines: bool) -> bool {
    let starts_with_mark = |line: &str| line.chars().next().is_some_and(is_mark);
    starts_with_mark(text) || keep_newlines && text.split('\n').skip(1).any(starts_with_mark)
}

fn clean_with(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let joined = text.contains('\u{200D}');
    let plain = |c: char| shown(c, keep_newlines) == Some(c) && (c.is_ascii() || !is_tag(c));
    if !joined && text.chars().all(plain) && !has_baseless_mark(text, keep_newlines) {
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

/// `text` [`clean`]ed, with `positions` (sorted indices of characters of `text`, a match's)
/// moved onto the same characters there: the characters it drops take theirs with them, and
/// those after come that many places earlier.
pub fn clean_positions<'a>(text: &'a str, positions: &[usize]) -> (Cow<'a, str>, Vec<usize>) {
    let cleaned = clean(text);
    if let Cow::Borrowed(_) = cleaned {
        return (cleaned, positions.to_vec());
    }
    let mut wanted = positions.iter().copied().peekable();
    let mut moved = Vec::with_capacity(positions.len());
    for (shown_at, (at, _)) in shown_chars(text, false).enumerate() {
        while wanted.next_if(|&p| p < at).is_some() {}
        if wanted.next_if_eq(&at).is_some() {
            moved.push(shown_at);
        }
    }
    (cleaned, moved)
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

    /// A mark with nothing before it is dropped, at the start of a text or of a note's line;
    /// on a letter, a space or what stands for a control, it stays.
    #[test]
    fn a_mark_with_nothing_to_sit_on_is_dropped() {
        assert_eq!(clean("\u{301}\u{FE0F}abc"), "abc");
        assert_eq!(clean("\u{200B}\u{301}abc"), "abc");
        assert_eq!(clean_multiline("a\n\u{301}b\n \u{301}c"), "a\nb\n \u{301}c");
        assert_eq!(clean("a\n\u{301}b"), "a\u{FFFD}\u{301}b");
        for kept in ["e\u{301}cole", "❤\u{FE0F}", " \u{301}"] {
            assert!(matches!(clean(kept), Cow::Borrowed(_)), "{kept:?}");
        }
    }

    /// Tag characters stay in a subdivision's flag, and go anywhere else, where they would
    /// hide text no one sees.
    #[test]
    fn tag_characters_stay_only_in_a_flag() {
        let scotland = "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}";
        assert_eq!(clean(scotland), scotland);
        assert_eq!(clean(&format!("{scotland} Club")), format!("{scotland} Club"));
        assert_eq!(clean("Flag\u{E0041}\u{E0042} Org"), "Flag Org");
        assert_eq!(clean("\u{E0001}\u{E0041}x\u{E007F}"), "x");
        // Past the cancel tag, the flag is over.
        assert_eq!(clean(&format!("{scotland}\u{E0041}")), scotland);
        assert_eq!(width("Flag\u{E0041}\u{E0042}"), 4);
        // Tags alone draw nothing: a name of them is blank.
        assert!(is_blank("\u{E0041}\u{E0042} \u{E007F}"));
        assert!(!is_blank(scotland));
    }

    /// Accents with nothing to sit on are dropped from the screen: a text of them alone is
    /// blank, as a name, an alias or a note; on a space they show, and on the `�` drawn for
    /// a direction mark. Blank is what the sanitiser leaves blank, line by line: a line
    /// separator or a CR starts a line, a joiner outside an emoji is dropped.
    #[test]
    fn accents_alone_are_blank() {
        let blanks = [
            "\u{301}",
            "\u{301}\u{FE0F}",
            "\u{200B}\u{301}",
            "\n\u{301}",
            " \n\u{301}",
            "\u{2028}\u{301}",
            "\r\u{301}",
            "\u{200D}",
            "\u{200D}\u{301}",
        ];
        for blank in blanks {
            assert!(is_blank(blank), "{blank:?}");
            assert!(clean_multiline(blank).trim().is_empty(), "{blank:?}");
        }
        // Drawn `�`, what stands for a space or a direction mark is blank as ever.
        assert!(is_blank("\u{200F}\t \u{0B}"));
        for shown in [" \u{301}", "\u{301}a", "e\u{301}", "\u{200F}\u{301}", "\u{61C}\u{64E}"] {
            assert!(!is_blank(shown), "{shown:?}");
            assert!(!clean_multiline(shown).trim().is_empty(), "{shown:?}");
        }
    }

    /// A match's positions follow their characters into the cleaned text: those of dropped
    /// characters go, those after them move back.
    #[test]
    fn positions_follow_their_characters_into_the_cleaned_text() {
        let (text, at) = clean_positions("Zq\u{200B}z\u{AD}q\u{200D}x", &[0, 1, 2, 3, 4, 5, 7]);
        assert_eq!((text.as_ref(), at.as_slice()), ("Zqzqx", &[0, 1, 2, 3, 4][..]));
        let (text, at) = clean_positions("a\u{1b}b\u{FEFF}", &[1, 2, 3, 9]);
        assert_eq!((text.as_ref(), at.as_slice()), ("a\u{FFFD}b", &[1, 2][..]));
        let (text, at) = clean_positions("plain", &[4, 1]);
        assert_eq!((text.as_ref(), at.as_slice()), ("plain", &[4, 1][..]));
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
}
