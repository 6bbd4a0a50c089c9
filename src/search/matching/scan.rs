//! Reading a partner's folded text for a term: where it occurs, how each occurrence sits in
//! its word, and the best of them by field; and every single letter in one pass.

use std::ops::Range;

use super::Quality;
use super::plan::TermPlan;
use super::score::encode;
use crate::search::expand::Form;
use crate::search::fold::is_word_char;
use crate::search::index::{
    ACRONYM, ALIASES, DESCRIPTION, END, Field, Index, LOCATION, NAME, TOPICS,
};

impl Index {
    /// [`Index::word_match_fields`], without the slots of [`TermPlan::found`].
    pub(super) fn scan_word(
        &self,
        i: usize,
        plan: &TermPlan,
        floor: Option<(&Form, (Quality, Field, u32))>,
    ) -> Option<(Quality, Field, u32)> {
        if plan.occurs.as_ref().is_some_and(|bits| !bits.has(i)) {
            return None;
        }
        let (entry, text, words) = (&self.entries[i], self.text(i), self.word_marks(i));
        let b = &entry.bounds;
        let fields = self.spans(i);
        let len = plan.term.len();
        // The best quality an occurrence can have: a word start, when the term is no word here.
        let stop = if plan.whole && plan.lone.is_none_or(|bit| words.lone & bit != 0) {
            Quality::WholeWord
        } else if plan.starts_word.is_none_or(|bit| words.initials & bit != 0) {
            Quality::WordPrefix
        } else {
            Quality::InsideWord
        };
        // The best match a field can hold (fields come by decreasing rank), and whether that
        // beats the floor.
        let top = |field: Field| match field {
            _ if stop < Quality::WholeWord => stop,
            Field::Text => Quality::WholeWord,
            _ => Quality::WholeField,
        };
        let worth = |field: Field| {
            floor.is_none_or(|(form, floor)| {
                form.grade((top(field), field, 999)).is_some_and(|ceiling| ceiling > floor)
            })
        };
        // The end of the last field worth a look.
        let end = if floor.is_none() || worth(Field::Text) {
            b[END] - 1
        } else if plan.in_short.as_ref().is_some_and(|bits| !bits.has(i)) {
            // Only the short fields could beat the floor, and the term is in none of them.
            return None;
        } else if worth(Field::Alias) && !entry.aliases.is_empty() {
            self.alias_spans[entry.aliases.end - 1].end
        } else if worth(Field::Name) {
            b[ALIASES] - 1
        } else {
            return None;
        };
        let mut best: Option<(Quality, Field, u32)> = None;
        let mut found = occurrences(text, plan, b[ACRONYM]..end).peekable();
        found.peek()?;
        for (span, field) in fields {
            // Past this ceiling, nothing can beat `best`.
            if best.is_some_and(|b| b >= (top(field), field, 999)) || !worth(field) {
                break;
            }
            let mut field_best: Option<(Quality, usize)> = None;
            while let Some(at) = found.next_if(|&at| at < span.end) {
                let quality = word_quality(text, at, len);
                if field_best.is_none_or(|(q, _)| quality > q) {
                    field_best = Some((quality, at));
                    if quality >= stop {
                        found = occurrences(text, plan, span.end..end).peekable();
                        break;
                    }
                }
            }
            if let Some(found) = field_best {
                self.keep_in_field(i, &mut best, (&span, field), len, found);
            }
        }
        best
    }

    /// Partner `i`'s fields as byte ranges of its text, with their class, by decreasing rank.
    fn spans(&self, i: usize) -> impl Iterator<Item = (Range<usize>, Field)> + '_ {
        let entry = &self.entries[i];
        let b = &entry.bounds;
        [(b[ACRONYM]..b[NAME] - 1, Field::Name), (b[NAME]..b[ALIASES] - 1, Field::Name)]
            .into_iter()
            .chain(
                self.alias_spans[entry.aliases.clone()].iter().map(|s| (s.clone(), Field::Alias)),
            )
            .chain([
                (b[DESCRIPTION]..b[LOCATION] - 1, Field::Text),
                (b[LOCATION]..b[TOPICS] - 1, Field::Text),
                (b[TOPICS]..b[END] - 1, Field::Text),
            ])
    }

    /// Makes `best` the best occurrence of a term `len` bytes long in partner `i` so far, of
    /// it and the best in one field, `(quality, at)` (a short field that is the term is a
    /// whole field).
    fn keep_in_field(
        &self,
        i: usize,
        best: &mut Option<(Quality, Field, u32)>,
        (span, field): (&Range<usize>, Field),
        len: usize,
        (quality, at): (Quality, usize),
    ) {
        let quality =
            if field != Field::Text && span.len() == len { Quality::WholeField } else { quality };
        // The position (in characters) matters only against an equal quality and field.
        if best.is_none_or(|(q, f, _)| (quality, field) >= (q, f)) {
            let before = &self.text(i)[span.start..at];
            let chars = if self.entries[i].ascii { before.len() } else { before.chars().count() };
            let pos = u32::try_from(chars).unwrap_or(u32::MAX);
            let candidate = (quality, field, 999 - pos.min(999));
            if best.is_none_or(|b| candidate > b) {
                *best = Some(candidate);
            }
        }
    }

    /// What each letter from `a` to `z` is found as in partner `i`, as [`Index::scan_word`]
    /// finds a one-letter term (its first best occurrence in each field, the best field
    /// winning), in one pass over the partner's text instead of one for each letter; as a
    /// slot of [`Slots`] holds it.
    pub(in crate::search) fn scan_letters(&self, i: usize) -> [u32; 26] {
        let text = self.text(i);
        let mut best = [None; 26];
        for (span, field) in self.spans(i) {
            let mut field_best: [Option<(Quality, usize)>; 26] = [None; 26];
            let bytes = text.as_bytes();
            for at in span.clone() {
                let byte = bytes[at];
                if !byte.is_ascii_lowercase() {
                    continue;
                }
                let letter = usize::from(byte - b'a');
                // After an ASCII letter or digit, inside a word: better only than nothing.
                // A word is the best a letter can be found as inside a field.
                let inside = at > 0 && bytes[at - 1].is_ascii_alphanumeric();
                if field_best[letter].is_some_and(|(q, _)| inside || q == Quality::WholeWord) {
                    continue;
                }
                let quality = word_quality(text, at, 1);
                if field_best[letter].is_none_or(|(q, _)| quality > q) {
                    field_best[letter] = Some((quality, at));
                }
            }
            for (letter, found) in field_best.into_iter().enumerate() {
                if let Some(found) = found {
                    self.keep_in_field(i, &mut best[letter], (&span, field), 1, found);
                }
            }
        }
        best.map(encode)
    }
}

/// Where the planned term occurs in `range` of the text, without overlaps (as
/// `match_indices`), as byte offsets in the whole text.
fn occurrences<'a>(
    text: &'a str,
    plan: &'a TermPlan,
    range: Range<usize>,
) -> impl Iterator<Item = usize> + 'a {
    let start = range.start;
    plan.finder.find_iter(&text.as_bytes()[range]).map(move |at| at + start)
}

/// How an occurrence `len` bytes long at byte `at` of the text sits in its word.
pub(super) fn word_quality(text: &str, at: usize, len: usize) -> Quality {
    let bytes = text.as_bytes();
    let starts = match at.checked_sub(1).map(|p| bytes[p]) {
        None => true,
        Some(byte) if byte.is_ascii() => !byte.is_ascii_alphanumeric(),
        Some(_) => text[..at].chars().next_back().is_none_or(|c| !is_word_char(c)),
    };
    let ends = match bytes.get(at + len) {
        None => true,
        Some(byte) if byte.is_ascii() => !byte.is_ascii_alphanumeric(),
        Some(_) => text[at + len..].chars().next().is_none_or(|c| !is_word_char(c)),
    };
    match (starts, ends) {
        (true, true) => Quality::WholeWord,
        (true, false) if inflected(text.get(at..at + len), text.get(at + len..)) => {
            Quality::WholeWord
        }
        (true, false) => Quality::WordPrefix,
        _ => Quality::InsideWord,
    }
}

/// Whether a word is `term` with a plural ending (`s`, `x`, from five letters) or a feminine
/// one (`e`, `es`, from six): `region` is the whole word in "Régions de France", `sport` in
/// "sports", `social` in "sociales"; not `note` in "notes" nor `franc` in "France", and never
/// an acronym (three letters at most). `after` is the text after the term.
pub(in crate::search) fn inflected(term: Option<&str>, after: Option<&str>) -> bool {
    let (Some(term), Some(after)) = (term, after) else { return false };
    // Whether the word goes on with `ending` and no further: looked at only as far as that
    // (the rest of the text is long, and most terms are too short to be inflected).
    let ends_with = |ending: &str| {
        after
            .strip_prefix(ending)
            .is_some_and(|rest| rest.chars().next().is_none_or(|c| !is_word_char(c)))
    };
    match term.len() {
        ..5 => false,
        5 => ends_with("s") || ends_with("x"),
        _ => ends_with("s") || ends_with("x") || ends_with("e") || ends_with("es"),
    }
}
