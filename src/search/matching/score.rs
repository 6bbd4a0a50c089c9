//! What a match is worth: points for a word and a group, the best a word could score where
//! its spellings may be, and matches kept between keystrokes as slots of the memo.

use std::sync::Arc;

use super::scan::word_quality;
use super::{Quality, TermPlan};
use crate::search::expand::{Form, FormKind, GroupPlan, WordPlan};
use crate::search::index::Field;
use crate::search::memo::{FOUND, NOTHING};
use crate::search::postings::{Bits, Spot};

/// A group's score (or none) as a slot of [`crate::search::memo::Slots`], the note aside: never 0
/// (unknown) but for a score too high to keep.
pub(super) fn encode_group(found: Option<(u32, bool, bool)>) -> u32 {
    match found {
        None => NOTHING,
        Some((score, name, _)) if score < 1 << 30 => 2 + (score << 1 | u32::from(name)),
        Some(_) => 0,
    }
}

/// The group score a slot holds, with whether it hit the name.
pub(super) fn decode_group(code: u32) -> Option<(u32, bool)> {
    let code = code.checked_sub(2)?;
    Some((code >> 1, code & 1 == 1))
}

/// A match (or none) as a slot of [`crate::search::memo::Slots`]: [`FOUND`] or more, or
/// [`NOTHING`].
pub(super) fn encode(found: Option<(Quality, Field, u32)>) -> u32 {
    found.map_or(NOTHING, |(quality, field, fine)| {
        FOUND + ((quality as u32) << 12 | (field as u32) << 10 | fine.min(999))
    })
}

/// The match a slot holds.
pub(super) fn decode(code: u32) -> Option<(Quality, Field, u32)> {
    let code = code.checked_sub(FOUND)?;
    let quality = match code >> 12 {
        1 => Quality::Fuzzy,
        2 => Quality::InsideWord,
        3 => Quality::WordPrefix,
        4 => Quality::WholeWord,
        _ => Quality::WholeField,
    };
    let field = match code >> 10 & 3 {
        0 => Field::Text,
        1 => Field::Alias,
        _ => Field::Name,
    };
    Some((quality, field, code & 1023))
}

impl GroupPlan<'_> {
    /// Finds the most any equivalent of the plan can score in a partner whose short fields
    /// hold none of their spellings (as [`word_ceiling`] bounds it), and the partners whose
    /// short fields may, for `len` partners; once the word lists told where each spelling may
    /// be in the short fields ([`TermPlan::in_short`]), else leaves it unknown.
    pub(in crate::search) fn bound_extras(&mut self, len: usize) {
        self.extras_in_text = None;
        if self.extras.is_empty() {
            return;
        }
        let width = u32::try_from(self.direct.len()).unwrap_or(1);
        let in_text = (Quality::WholeWord, Field::Text, 999);
        let mut short = Bits::none(len);
        let mut most = 0;
        for extra in &self.extras {
            let mut sum = 0u32;
            for word in extra {
                let mut best = 0;
                for form in &word.forms {
                    let (FormKind::Equivalent, Some(bits)) =
                        (form.kind, form.plan.in_short.as_deref())
                    else {
                        return;
                    };
                    short.or(bits);
                    best = best.max(form.grade(in_text).map_or(0, points));
                }
                sum = sum.saturating_add(best);
            }
            let count = u32::try_from(extra.len()).unwrap_or(1).max(1);
            most = most.max(sum * width / count + (count - 1) * 500);
        }
        self.extras_in_text = Some((most, short));
    }
}

/// What a word's best match counts for, with whether it hit the name and whether the note.
pub(super) fn word_score(found: (Quality, Field, u32), noted: bool) -> (u32, bool, bool) {
    (points(found), found.1 == Field::Name && !noted, noted)
}

/// What a match counts for in a group's score.
pub(super) fn points((quality, field, fine): (Quality, Field, u32)) -> u32 {
    quality as u32 * 10_000 + field as u32 * 1_000 + fine.min(999)
}

/// The best score `word` could have in partner `i` (as [`Index::match_word`] scores it), from
/// where its spellings may be; `None` when it cannot be there.
pub(super) fn word_ceiling(i: usize, word: &WordPlan, noted: bool) -> Option<u32> {
    let in_text = |form: &Form| form.grade((Quality::WholeWord, Field::Text, 999)).map(points);
    word.forms
        .iter()
        .filter_map(|form| {
            let has = |bits: &Option<Arc<Bits>>| bits.as_ref().is_none_or(|b| b.has(i));
            // What was typed may also be found by letters in a short field.
            if form.kind == FormKind::Direct || has(&form.plan.in_short) && has(&form.plan.occurs) {
                form.grade((Quality::WholeField, Field::Name, 999)).map(points)
            } else if has(&form.plan.occurs) || noted {
                in_text(form)
            } else {
                None
            }
        })
        .max()
}

impl Form {
    /// A match of this spelling, as it ranks (see [`FormKind::grade`]).
    pub(super) fn grade(&self, found: (Quality, Field, u32)) -> Option<(Quality, Field, u32)> {
        self.kind.grade(self.plan.term.len(), found)
    }
}

impl FormKind {
    /// A match of a spelling of this kind, `len` bytes long, as it ranks: an inflection one
    /// quality below what was typed (and at a word start; a whole word when it has three
    /// letters or fewer), a glossary equivalent too but only as a whole word, a correction
    /// only as a whole word, below prefixes.
    pub(super) fn grade(
        self,
        len: usize,
        (quality, field, _): (Quality, Field, u32),
    ) -> Option<(Quality, Field, u32)> {
        match self {
            FormKind::Direct => Some((quality, field, 0)),
            FormKind::Variant => {
                let least = if len <= 3 { Quality::WholeWord } else { Quality::WordPrefix };
                (quality >= least).then_some((quality.lower(), field, 0))
            }
            FormKind::Equivalent => {
                (quality >= Quality::WholeWord).then_some((quality.lower(), field, 0))
            }
            FormKind::Typo => {
                (quality >= Quality::WholeWord).then_some((Quality::InsideWord, field, 0))
            }
        }
    }

    /// Whether `term` (a spelling of this kind) where the word lists see it (see
    /// [`Postings::occurrences`]) is a match.
    pub(in crate::search) fn counts(self, term: &str, spot: Spot) -> bool {
        self.grade(term.len(), (spot_quality(spot), spot.field, 0)).is_some()
    }
}

/// How well a term matches where the word lists see it, as [`Index::scan_word`] would find.
pub(super) fn spot_quality(spot: Spot) -> Quality {
    if spot.whole_field {
        Quality::WholeField
    } else if spot.whole_word {
        Quality::WholeWord
    } else if spot.starts {
        Quality::WordPrefix
    } else {
        Quality::InsideWord
    }
}

/// The best occurrence of a planned term in a note, by words, as in a description.
pub(super) fn note_match(note: &str, plan: &TermPlan) -> Option<(Quality, Field, u32)> {
    let len = plan.term.len();
    let (quality, at) = plan
        .finder
        .find_iter(note.as_bytes())
        .map(|at| (word_quality(note, at, len), at))
        .max_by_key(|(q, at)| (*q, std::cmp::Reverse(*at)))?;
    let pos = u32::try_from(note[..at].chars().count()).unwrap_or(u32::MAX);
    Some((quality, Field::Text, 999 - pos.min(999)))
}
