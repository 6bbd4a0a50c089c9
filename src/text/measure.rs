//! Widths measured in columns as a terminal draws text once [`clean`]ed (wide characters
//! count two, a cluster such as `❤` with U+FE0F or a joined emoji is measured whole), and
//! what is cut or padded to a width: truncation, padding, highlighted runs, the start of a
//! long text.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{clean, shown};

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

/// The columns a grapheme cluster takes once [`clean`]ed.
pub(super) fn cluster_columns(cluster: &str) -> usize {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_counts_columns() {
        assert_eq!(truncate("Métropole", 5), "Métr…");
        assert_eq!(truncate("日本語テキスト", 5), "日本…");
        assert_eq!(width(&truncate("日本語テキスト", 6)), 5);
        assert_eq!(truncate("abc", 3), "abc");
    }
}
