//! Greedy word wrapping to a width in columns, cluster by cluster as the rest of `text`
//! measures: by character ranges (so highlight positions can be mapped) and by bytes.

use unicode_segmentation::UnicodeSegmentation;

use super::measure::cluster_columns;

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

/// [`wrap_ranges`] as strings.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    wrap_lines(text, max).into_iter().map(|l| text[l.byte_start..l.byte_end].to_owned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{clusters, highlight_runs};

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
