//! The distinct words of the partners, read once from the folded texts: what corrections are
//! looked for among, which spellings a plan may leave out, and which words the word lists
//! (see [`super::postings`]) list.
//!
//! Owns the words and how they are found again (near a typo, by a prefix, with hyphens); what
//! a query makes of them is [`super::expand`]'s.

use std::fmt::Write as _;

use memchr::memmem;
use rayon::prelude::*;

use super::expand::HYPHENATED_MAX;
use super::masks::char_mask;

/// The distinct words of the partners: to find corrections of a word, and to leave out of a
/// plan the spellings no partner uses (each spelling looked for costs a pass over every text).
#[derive(Debug, Default)]
pub(super) struct Vocabulary {
    /// Words of 4 to 32 ASCII letters, with their letters as bits, by length.
    by_len: Vec<Vec<(String, u64)>>,
    /// Every ASCII word, sorted.
    pub(super) sorted: Vec<String>,
    /// Words written with hyphens ("start-ups", "inter-municipal"), by their letters run
    /// together: (joined, as written), sorted.
    compounds: Vec<(String, String)>,
    /// Every run of ASCII letters, digits and hyphens that holds a hyphen, each between
    /// hyphens and on its own line: where a spelling with hyphens may be a whole word.
    hyphen_runs: String,
}

/// A set of distinct words (ASCII letters, digits), the short ones held as numbers: a word of
/// up to 16 bytes is its bytes, padded with zeros (no word holds one), hashed and compared
/// in registers. Most words of a text are seen before: comparing them as strings (a call to
/// `memcmp` each) was a third of making the words.
#[derive(Default)]
struct Words<'t> {
    short: foldhash::HashSet<u128>,
    long: foldhash::HashSet<&'t str>,
}

/// A word of up to 16 bytes and no NUL as a number: its bytes, padded with zeros.
pub(super) fn packed(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    let mut packed = [0u8; 16];
    packed.get_mut(..bytes.len())?.copy_from_slice(bytes);
    Some(u128::from_le_bytes(packed))
}

impl<'t> Words<'t> {
    fn insert(&mut self, word: &'t str) {
        match packed(word) {
            Some(packed) => self.short.insert(packed),
            None => self.long.insert(word),
        };
    }

    fn extend(&mut self, other: Words<'t>) {
        self.short.extend(other.short);
        self.long.extend(other.long);
    }

    /// The words, in no order.
    fn into_strings(self) -> Vec<String> {
        let unpack = |packed: u128| {
            let bytes = packed.to_le_bytes();
            let len = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
            String::from_utf8_lossy(&bytes[..len]).into_owned()
        };
        let long = self.long.into_iter().map(str::to_owned);
        self.short.into_iter().map(unpack).chain(long).collect()
    }
}

impl Vocabulary {
    /// The words of `texts`, each text read on its own core.
    pub(super) fn of(texts: &[String]) -> Vocabulary {
        type Set<'t> = foldhash::HashSet<&'t str>;
        fn words(text: &str) -> (Words<'_>, Set<'_>, Set<'_>) {
            let (mut seen, mut hyphenated, mut runs) =
                (Words::default(), Set::default(), Set::default());
            // By bytes: the pieces are ASCII, cut at ASCII bytes (or the end), so at char
            // boundaries: slicing the text checks only that, where taking each piece as UTF-8
            // read it again (a tenth of making the words).
            let base = text.as_ptr().addr();
            let ascii = |piece: &[u8]| {
                let start = piece.as_ptr().addr() - base;
                text.get(start..start + piece.len()).unwrap_or_default()
            };
            let pieces = text.as_bytes().split(|b| !b.is_ascii_alphanumeric() && *b != b'-');
            for chunk in pieces.filter(|c| !c.is_empty()) {
                if !chunk.contains(&b'-') {
                    seen.insert(ascii(chunk));
                    continue;
                }
                runs.insert(ascii(chunk));
                let chunk = ascii(chunk).trim_matches('-');
                if chunk.split('-').all(|part| !part.is_empty())
                    && chunk.bytes().any(|b| b.is_ascii_alphabetic())
                {
                    hyphenated.insert(chunk);
                }
                for word in chunk.split('-').filter(|w| !w.is_empty()) {
                    seen.insert(word);
                }
            }
            (seen, hyphenated, runs)
        }
        let (seen, hyphenated, runs) = texts.par_iter().map(|t| words(t)).reduce(
            || (Words::default(), Set::default(), Set::default()),
            |(mut seen, mut hyphenated, mut runs), (more, more_hyphenated, more_runs)| {
                seen.extend(more);
                hyphenated.extend(more_hyphenated);
                runs.extend(more_runs);
                (seen, hyphenated, runs)
            },
        );
        let mut hyphen_runs = String::new();
        for run in runs {
            let _ = writeln!(hyphen_runs, "-{run}-");
        }
        let mut compounds: Vec<(String, String)> =
            hyphenated.into_iter().map(|h| (h.replace('-', ""), h.to_owned())).collect();
        compounds.sort_unstable();
        let mut sorted = seen.into_strings();
        sorted.sort_unstable();
        // In order, as `sorted` is.
        let mut by_len: Vec<Vec<(String, u64)>> = vec![Vec::new(); 33];
        for word in &sorted {
            if (4..=32).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_lowercase()) {
                by_len[word.len()].push((word.clone(), char_mask(word)));
            }
        }
        Vocabulary { by_len, sorted, compounds, hyphen_runs }
    }

    /// How the partners write, with hyphens, words that start with `word` run together: "start-u"
    /// for `startu` when they write "start-ups". Only as far as `word` goes, so that a word
    /// being typed finds them too; a few at most, each with whether it is ever a whole word.
    pub(super) fn hyphenated(&self, word: &str) -> Vec<(String, bool)> {
        let at = self.compounds.partition_point(|(joined, _)| joined.as_str() < word);
        let mut found: Vec<(String, bool)> = Vec::new();
        for (_, written) in self.compounds[at..].iter().take_while(|(j, _)| j.starts_with(word)) {
            let mut letters = 0;
            let end = written
                .char_indices()
                .find(|&(_, c)| {
                    letters += usize::from(c != '-');
                    letters == word.len()
                })
                .map_or(written.len(), |(at, c)| at + c.len_utf8());
            let prefix = &written[..end];
            if prefix.contains('-') && !found.iter().any(|(f, _)| f == prefix) {
                let needle = format!("-{prefix}-");
                let whole = memmem::find(self.hyphen_runs.as_bytes(), needle.as_bytes()).is_some();
                found.push((prefix.to_owned(), whole));
                if found.len() == HYPHENATED_MAX {
                    break;
                }
            }
        }
        found
    }

    /// The words at most `edits` edits from `word` (ASCII), with how many.
    pub(super) fn near(&self, word: &str, edits: usize) -> Vec<(usize, String)> {
        let (len, mask) = (word.len(), char_mask(word));
        let mut found = Vec::new();
        for other_len in len.saturating_sub(edits)..=len + edits {
            for (other, other_mask) in self.by_len.get(other_len).map_or(&[][..], Vec::as_slice) {
                // Each edit adds or removes at most one letter of the set: a cheap first test.
                let differ =
                    (mask & !other_mask).count_ones().max((other_mask & !mask).count_ones());
                if differ as usize > edits || other.starts_with(word) {
                    continue;
                }
                let distance = strsim::osa_distance(word, other);
                if distance <= edits && distance > 0 {
                    found.push((distance, other.clone()));
                }
            }
        }
        // A word written with hyphens, by its letters run together: `decentralisaton` for
        // "de-centralisation", looked for as written.
        for (joined, written) in &self.compounds {
            if joined.len() + edits < len || joined.len() > len + edits || joined.starts_with(word)
            {
                continue;
            }
            let distance = strsim::osa_distance(word, joined);
            if distance <= edits && distance > 0 {
                found.push((distance, written.clone()));
            }
        }
        found
    }

    /// Whether some word of the partners starts with the first word of `form`.
    pub(super) fn has_prefix(&self, form: &str) -> bool {
        let head = form.split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or(form);
        if head.is_empty() || !head.is_ascii() {
            return true;
        }
        let at = self.sorted.partition_point(|w| w.as_str() < head);
        self.sorted.get(at).is_some_and(|w| w.starts_with(head))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_distinct_word_is_kept_whatever_its_length() {
        // Words of 1, 15, 16 and 17 bytes and longer, some in several texts, some only
        // inside a word written with hyphens, beside letters no word is made of.
        let sixteen = "abcdefghijklmnop";
        let texts = [
            format!("a {sixteen} abcdefghijklmno\n7 é-bc"),
            format!("{sixteen}q a-{sixteen}-z zz9 anticonstitutionnellement"),
            "a 7 a\nréseau l’eau".to_owned(),
        ];
        let vocabulary = Vocabulary::of(&texts);
        let mut expected = vec![
            "7",
            "a",
            "abcdefghijklmno",
            sixteen,
            "abcdefghijklmnopq",
            "anticonstitutionnellement",
            "bc",
            "eau",
            "l",
            "r",
            "seau",
            "z",
            "zz9",
        ];
        expected.sort_unstable();
        assert_eq!(vocabulary.sorted, expected);
        let of_len = |len: usize| -> Vec<&str> {
            vocabulary.by_len[len].iter().map(|(w, _)| w.as_str()).collect()
        };
        assert_eq!(of_len(16), [sixteen]);
        assert_eq!(of_len(17), ["abcdefghijklmnopq"]);
        assert_eq!(of_len(4), ["seau"]);
        assert!(of_len(3).is_empty(), "from four letters");
        assert!(vocabulary.has_prefix("anticonstit") && !vocabulary.has_prefix("abd"));
    }
}
