//! Matching one partner against one query: scores, field and word classes, fuzzy hits.
//!
//! Owns how well a term matches and why. It reads the index's folded text but never builds
//! nor reorders it, and knows nothing of the order of results.

use super::expand::{Form, FormKind, GroupPlan, TermSlot, WordPlan};
use super::fuzzy::{Fuzzy, FuzzyGate, fuzzy};
use super::index::{ACRONYM, Field, Hit, Index, LOCATION, NAME, topic_bit};
use super::memo::{NOTHING_LONGER, Slots};
use super::postings::{Postings, Spot};
use super::query::{Atom, MarkBits, Mode};

mod plan;
mod scan;
mod score;

pub(super) use plan::TermPlan;
pub(super) use scan::inflected;

use score::{
    decode, decode_group, encode, encode_group, note_match, points, spot_quality, word_ceiling,
    word_score,
};

/// How well a term matched, best last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Quality {
    Fuzzy = 1,
    InsideWord = 2,
    WordPrefix = 3,
    WholeWord = 4,
    WholeField = 5,
}

impl Quality {
    /// The quality just below this one.
    fn lower(self) -> Quality {
        match self {
            Quality::WholeField => Quality::WholeWord,
            Quality::WholeWord => Quality::WordPrefix,
            Quality::WordPrefix => Quality::InsideWord,
            Quality::InsideWord | Quality::Fuzzy => Quality::Fuzzy,
        }
    }
}

/// Up to this many glossary equivalents of a query group are sorted on the stack.
const EXTRAS_SORTED: usize = 16;

impl Index {
    pub(super) fn score(
        &self,
        i: usize,
        plans: &[GroupPlan<'_>],
        marks: MarkBits,
        note: Option<&str>,
    ) -> Option<Hit> {
        let mut total = 0u32;
        let mut name_hit = false;
        let mut in_note = false;
        for plan in plans {
            // Stop words that need not match count for nothing: they would only add noise.
            if plan.optional {
                continue;
            }
            // A note may hold what the partner does not: its group scores are not kept.
            let kept = plan.kept.as_ref().filter(|_| note.is_none());
            if let Some(code) = kept.and_then(|slots| slots.get(i)) {
                let (score, hit_name) = decode_group(code)?;
                total = total.saturating_add(score);
                name_hit |= hit_name;
                continue;
            }
            let best = self.score_group(i, plan, marks, note);
            if let Some(slots) = kept
                && let code @ 1.. = encode_group(best)
            {
                slots.set(i, code);
            }
            let (score, hit_name, hit_note) = best?;
            total = total.saturating_add(score);
            name_hit |= hit_name;
            in_note |= hit_note;
        }
        Some(Hit { index: i, score: total, name_hit, in_note, lacks: None })
    }

    /// What group `plan` scores in partner `i`: the score, whether it hit the name and
    /// whether the note.
    fn score_group(
        &self,
        i: usize,
        plan: &GroupPlan<'_>,
        marks: MarkBits,
        note: Option<&str>,
    ) -> Option<(u32, bool, bool)> {
        // Words typed with equivalents are looked for by letters only when what they may
        // find there could still beat the equivalents found: by words first, the best the
        // letters could add kept as a bound.
        let mut best = Some((0u32, false, false));
        let mut deferred: Option<Option<u32>> = None;
        if let Some(words) = plan.typed_words().filter(|_| !plan.extras.is_empty()) {
            let mut pending = 0u32;
            for (word, mode) in words {
                let Some((sum, any_name, any_note)) = best else { break };
                best = match self.score_word(i, word, mode, note, false) {
                    (Some((score, name, noted)), _) => {
                        Some((sum.saturating_add(score), any_name | name, any_note | noted))
                    }
                    (None, true) => {
                        pending += 1;
                        best
                    }
                    (None, false) => None,
                };
            }
            if pending > 0 {
                let most = points((Quality::Fuzzy, Field::Name, 999));
                deferred = Some(best.map(|(sum, ..)| sum.saturating_add(pending * most)));
                best = None;
            }
        } else {
            best = self.typed_score(i, plan, marks, note);
        }
        // What was typed, found well enough, beats any equivalent held in the texts only.
        if note.is_none()
            && let (Some((found, ..)), Some((most, short))) = (best, &plan.extras_in_text)
            && found >= *most
            && !short.has(i)
        {
            return best;
        }
        let width = u32::try_from(plan.direct.len()).unwrap_or(1);
        // The equivalents that may be here, with the best each could score, most
        // promising first: once one is found, those that cannot beat it are skipped. Of
        // equal scores the earlier in the glossary wins, as if they were taken in order;
        // what was typed wins over any equivalent.
        let promising = plan.extras.iter().enumerate().filter_map(|(j, extra)| {
            let ceiling: Option<u32> =
                extra.iter().map(|word| word_ceiling(i, word, note.is_some())).sum();
            let count = u32::try_from(extra.len()).unwrap_or(1).max(1);
            ceiling.map(|c| (c * width / count + (count - 1) * 500, j))
        });
        // On the stack: a partner is scored without allocating (more is rare).
        let (mut few, mut many) = ([(0u32, 0usize); EXTRAS_SORTED], Vec::new());
        let order: &mut [(u32, usize)] = if plan.extras.len() <= EXTRAS_SORTED {
            let mut n = 0;
            for (slot, item) in few.iter_mut().zip(promising) {
                *slot = item;
                n += 1;
            }
            &mut few[..n]
        } else {
            many.extend(promising);
            &mut many
        };
        order.sort_unstable_by_key(|&(ceiling, j)| (std::cmp::Reverse(ceiling), j));
        let mut winner: Option<usize> = None;
        let beats = |score: u32,
                     j: usize,
                     best: Option<(u32, bool, bool)>,
                     winner: Option<usize>| {
            best.is_none_or(|(b, _, _)| score > b || (score == b && winner.is_some_and(|w| j < w)))
        };
        for &(ceiling, j) in &*order {
            if !beats(ceiling, j, best, winner) {
                continue;
            }
            let extra = &plan.extras[j];
            // Every word must be there: the first missing ends the look.
            let mut found = Some((0u32, false, false));
            for word in extra {
                let Some((sum, name, noted)) = found else { break };
                found = self
                    .match_word(i, word, Mode::Fuzzy, note)
                    .map(|(score, n, o)| (sum.saturating_add(score), name | n, noted | o));
            }
            let Some((sum, name, noted)) = found else { continue };
            let count = u32::try_from(extra.len()).unwrap_or(1).max(1);
            // Of equivalents found equally well, the one of more words is the more telling;
            // any ranks just below what was typed (an inflection of it too) found as well.
            let m = ((sum * width / count + (count - 1) * 500).saturating_sub(1), name, noted);
            if beats(m.0, j, best, winner) {
                best = Some(m);
                winner = Some(j);
            }
        }
        let Some(bound) = deferred else { return best };
        // What was typed wins over an equivalent scoring the same.
        if let Some(bound) = bound
            && best.is_none_or(|(extra, ..)| bound >= extra)
            && let typed @ Some((score, ..)) = self.typed_score(i, plan, marks, note)
            && best.is_none_or(|(extra, ..)| score >= extra)
        {
            return typed;
        }
        best
    }

    /// What the words of group `plan` as typed score in partner `i`.
    fn typed_score(
        &self,
        i: usize,
        plan: &GroupPlan<'_>,
        marks: MarkBits,
        note: Option<&str>,
    ) -> Option<(u32, bool, bool)> {
        let mut best = Some((0u32, false, false));
        for (slots, _) in plan.direct.iter().filter(|(_, optional)| !optional) {
            // Once a word as typed is missing, the rest as typed cannot make up for it.
            let Some((sum, any_name, any_note)) = best else { break };
            best = self.match_group(i, slots, marks, note).map(|(score, name, noted)| {
                (sum.saturating_add(score), any_name | name, any_note | noted)
            });
        }
        best
    }

    /// The best of a query group's terms (any of them may match).
    fn match_group(
        &self,
        i: usize,
        slots: &[TermSlot<'_>],
        marks: MarkBits,
        note: Option<&str>,
    ) -> Option<(u32, bool, bool)> {
        let mut best: Option<(u32, bool, bool)> = None;
        for slot in slots {
            let found = self.match_atom(i, &slot.term.atom, slot.word.as_ref(), marks, note);
            let outcome = match (found, slot.term.negated) {
                (Some(m), false) => Some(m),
                (None, true) => Some((0, false, false)),
                _ => None,
            };
            if let Some(m) = outcome {
                best = Some(best.map_or(m, |b| if m.0 > b.0 { m } else { b }));
            }
        }
        best
    }

    /// The best score of any form of `word` in partner `i` (or in the user's `note` on it,
    /// searched like a description), with whether it hit the name and whether the note.
    fn match_word(
        &self,
        i: usize,
        word: &WordPlan,
        mode: Mode,
        note: Option<&str>,
    ) -> Option<(u32, bool, bool)> {
        self.score_word(i, word, mode, note, true).0
    }

    /// [`Index::match_word`] through the slots of [`WordPlan::kept`]: by letters too with
    /// `letters`, else by words only, with whether looking by letters may find more.
    fn score_word(
        &self,
        i: usize,
        word: &WordPlan,
        mode: Mode,
        note: Option<&str>,
        letters: bool,
    ) -> (Option<(u32, bool, bool)>, bool) {
        // A note may hold what the partner does not: what it scored is not kept.
        let kept = word.kept.as_ref().filter(|_| note.is_none());
        if let Some(code) = kept.and_then(|slots| slots.get(i)) {
            return (decode_group(code).map(|(score, name)| (score, name, false)), false);
        }
        let (found, pending) = self.find_word(i, word, mode, note, letters);
        // Only the whole answer is kept.
        if let Some(slots) = kept
            && !pending
            && let code @ 1.. = encode_group(found)
        {
            slots.set(i, code);
        }
        (found, pending)
    }

    /// [`Index::match_word`], without the slots of [`WordPlan::kept`]; with `letters`, by
    /// letters too, else with whether that may find more.
    fn find_word(
        &self,
        i: usize,
        word: &WordPlan,
        mode: Mode,
        note: Option<&str>,
        letters: bool,
    ) -> (Option<(u32, bool, bool)>, bool) {
        let mut best: Option<((Quality, Field, u32), bool)> = None;
        // Of a match in the partner's fields and one as good in the note, the fields' wins:
        // the note is said to match only where it does better.
        let keep = |best: &mut Option<_>, found: Option<(Quality, Field, u32)>, noted: bool| {
            if let Some(found) = found
                && best.is_none_or(|(b, b_noted)| found > b || found == b && b_noted && !noted)
            {
                *best = Some((found, noted));
            }
        };
        // What was typed is looked for by letters in the short fields only where it is not
        // found by words and its letters may be, and after the other spellings: any of them
        // found by words ranks above any fuzzy hit, which then need not be looked for.
        let mut by_letters: u64 = 0;
        for (n, form) in word.forms.iter().enumerate() {
            let in_fields = if form.kind == FormKind::Direct {
                let found = self.match_text(i, &form.plan, mode).filter(|m| form.plan.counts(*m));
                if found.is_none()
                    && matches!(mode, Mode::Exact | Mode::Fuzzy)
                    && form.plan.fuzzy
                    && self.may_find_by_letters(i, &form.plan)
                {
                    match u32::try_from(n).ok().and_then(|n| 1u64.checked_shl(n)) {
                        Some(bit) => by_letters |= bit,
                        None => keep(&mut best, self.fuzzy_in_short(i, &form.plan), false),
                    }
                }
                found
            } else {
                // A note's match is no floor: one as good in the fields wins over it.
                let floor = best.filter(|(_, noted)| !noted).map(|(found, _)| (form, found));
                self.word_match_fields(i, &form.plan, floor).and_then(|m| form.grade(m))
            };
            keep(&mut best, in_fields, false);
            if let Some(note) = note
                && matches!(mode, Mode::Fuzzy | Mode::Exact)
            {
                let in_note = note_match(note, &form.plan);
                keep(
                    &mut best,
                    if form.kind == FormKind::Direct {
                        in_note.filter(|m| form.plan.counts(*m))
                    } else {
                        in_note.and_then(|m| form.grade(m))
                    },
                    true,
                );
            }
        }
        let fuzzy_may_beat = |best: &Option<((Quality, Field, u32), bool)>| {
            best.is_none_or(|((quality, _, _), _)| quality == Quality::Fuzzy)
        };
        let pending = by_letters != 0 && fuzzy_may_beat(&best);
        // Left for later only when nothing was found: past the 64th spelling a hit by
        // letters may have been, and the rest are then looked for at once.
        if !letters && (!pending || best.is_none()) {
            return (best.map(|(found, noted)| word_score(found, noted)), pending);
        }
        for (n, form) in word.forms.iter().enumerate() {
            if by_letters >> n & 1 == 1 && fuzzy_may_beat(&best) {
                keep(&mut best, self.fuzzy_in_short(i, &form.plan), false);
            }
        }
        (best.map(|(found, noted)| word_score(found, noted)), false)
    }

    /// The score of `atom` (with its plan, for a text term) against partner `i`, with whether
    /// it hit the name or acronym and whether the note.
    fn match_atom(
        &self,
        i: usize,
        atom: &Atom,
        plan: Option<&WordPlan>,
        marks: MarkBits,
        note: Option<&str>,
    ) -> Option<(u32, bool, bool)> {
        let entry = &self.entries[i];
        let fact = |holds: bool| holds.then_some((0, false, false));
        match atom {
            Atom::Kind(kinds) => fact(kinds.contains(&entry.kind)),
            Atom::Scope(scopes) => fact(scopes.contains(&entry.scope)),
            Atom::Topic(topics) => fact(topics.iter().any(|t| entry.topics & topic_bit(*t) != 0)),
            Atom::In(place) => fact(self.field(i, LOCATION).contains(place.as_str())),
            Atom::Mark(mark) => fact(marks.has(*mark)),
            // Every text term has its plan (see `TermPlan::of`).
            Atom::Text { mode, .. } => self.match_word(i, plan?, *mode, note),
        }
    }

    /// The best (quality, field, fine score) of a text term over the entry's fields.
    fn match_text(&self, i: usize, plan: &TermPlan, mode: Mode) -> Option<(Quality, Field, u32)> {
        let term = plan.term.as_str();
        let mut best: Option<(Quality, Field, u32)> = None;
        let keep = |best: &mut Option<(Quality, Field, u32)>, candidate| {
            if best.is_none_or(|b| candidate > b) {
                *best = Some(candidate);
            }
        };
        match mode {
            Mode::Prefix | Mode::Suffix | Mode::Whole => {
                // Read only where needed: reading a partner's text costs a trip to memory.
                for (field_text, field) in self.short_fields(i) {
                    if field_text.is_empty() {
                        continue;
                    }
                    let hit = match mode {
                        Mode::Prefix => field_text.starts_with(term),
                        Mode::Suffix => field_text.ends_with(term),
                        _ => field_text == term,
                    };
                    if hit {
                        let quality = if field_text == term {
                            Quality::WholeField
                        } else {
                            Quality::WholeWord
                        };
                        keep(&mut best, (quality, field, 999));
                    }
                }
            }
            Mode::Exact | Mode::Fuzzy => best = self.word_match_fields(i, plan, None),
        }
        best
    }

    /// The best fuzzy hit of a term in partner `i`'s name, acronym and aliases, for a term
    /// looked for by letters where it is not found by words (see [`TermPlan::fuzzy`]). Kept
    /// in [`TermPlan::by_letters`] when it has slots, with whether no longer term starting
    /// with it can be found there either (see [`Index::grown_candidates`]).
    fn fuzzy_in_short(&self, i: usize, plan: &TermPlan) -> Option<(Quality, Field, u32)> {
        if let Some(code) = plan.by_letters.as_ref().and_then(|slots| slots.get(i)) {
            return decode(code);
        }
        let mut best: Option<(Quality, Field, u32)> = None;
        let mut nor_longer = false;
        if self.may_fuzzy(i, &plan.gate) {
            nor_longer = true;
            for (field_text, field) in self.short_fields(i) {
                let fine = match fuzzy(field_text, &plan.term) {
                    Fuzzy::Hit(fine) => fine,
                    Fuzzy::Miss => {
                        nor_longer = false;
                        continue;
                    }
                    Fuzzy::NorLonger => continue,
                };
                nor_longer = false;
                let candidate = (Quality::Fuzzy, field, fine);
                if best.is_none_or(|b| candidate > b) {
                    best = Some(candidate);
                }
            }
        }
        if let Some(slots) = &plan.by_letters {
            slots.set(i, if nor_longer { NOTHING_LONGER } else { encode(best) });
        }
        best
    }

    /// The best occurrence of the term over partner `i`'s fields, classified by
    /// [`word_quality`] (with [`Quality::WholeField`] for a short field that is the term), in
    /// one pass over the partner's text that stops when no later field can do better. With a
    /// `floor` (a spelling of a word, and the best another spelling of it found), fields where
    /// this spelling, as it ranks, cannot beat that are not looked at.
    fn word_match_fields(
        &self,
        i: usize,
        plan: &TermPlan,
        floor: Option<(&Form, (Quality, Field, u32))>,
    ) -> Option<(Quality, Field, u32)> {
        // Under a floor, a spelling is not looked for where it cannot beat it at best (as a
        // whole name; as a whole word of the description, where the word lists say it is in
        // no name, acronym or alias): a correction ranks below any prefix. At a million
        // partners, reading slots and entries for them cost a tenth of a keystroke.
        if let Some((form, floor)) = floor {
            let beats = |best| form.grade(best).is_some_and(|best| best > floor);
            if !beats((Quality::WholeField, Field::Name, 999))
                || !beats((Quality::WholeWord, Field::Text, 999))
                    && plan.in_short.as_ref().is_some_and(|bits| !bits.has(i))
            {
                return None;
            }
        }
        let Some(slots) = &plan.found else { return self.scan_word(i, plan, floor) };
        if let Some(code) = slots.get(i) {
            // The best over every field. Under a floor, what the floor leaves out grades no
            // better than it, so either way nothing beats the floor; except for a correction,
            // whose grade keeps only the field: a whole alias grades below a whole word of
            // the name. So one that does not beat the floor is looked for as the floor says.
            let found = decode(code);
            let settled = floor.is_none_or(|(form, floor)| {
                form.kind != FormKind::Typo || found.and_then(|m| form.grade(m)) > Some(floor)
            });
            if settled {
                return found;
            }
        }
        let found = self.scan_word(i, plan, floor);
        // Not a "no" the word lists gave: they answer for a spelling at word starts only.
        if floor.is_none() && plan.occurs.as_ref().is_none_or(|bits| bits.has(i)) {
            slots.set(i, encode(found));
        }
        found
    }

    /// Partner `i`'s acronym, name and aliases, folded, with their class of field.
    pub(super) fn short_fields(&self, i: usize) -> impl Iterator<Item = (&str, Field)> {
        [(self.field(i, ACRONYM), Field::Name), (self.field(i, NAME), Field::Name)]
            .into_iter()
            .chain(self.aliases(i).map(|a| (a, Field::Alias)))
    }

    /// Whether [`Index::fuzzy_in_short`] may find `plan`'s term in partner `i`: what it found
    /// there before says, else whether its letters are there ([`FuzzyGate`]).
    fn may_find_by_letters(&self, i: usize, plan: &TermPlan) -> bool {
        match plan.by_letters.as_ref().and_then(|slots| slots.get(i)) {
            Some(code) => decode(code).is_some(),
            None => self.may_fuzzy(i, &plan.gate),
        }
    }

    /// Whether a credible fuzzy hit of a term (see [`FuzzyGate`]) may be in partner `i`'s
    /// short fields.
    pub(super) fn may_fuzzy(&self, i: usize, gate: &FuzzyGate) -> bool {
        self.shorts.get(i).is_some_and(|shorts| gate.admits(shorts))
    }
}

/// Writes in `slots` what `term` is found as in every partner, as [`Index::scan_word`] finds
/// it without a floor, from the word lists instead of the texts, when they can tell (see
/// [`Postings::occurrences`]); a partner whose text is not all ASCII is left to be read. Says
/// in `slots` that the lists were asked either way.
pub(super) fn fill_from_lists(postings: &Postings, term: &str, slots: &Slots) {
    let found =
        |spot: Spot| encode(Some((spot_quality(spot), spot.field, 999 - spot.place.min(999))));
    let told =
        postings.occurrences(term, |i, spot| slots.raise(i, found(spot)), |i| slots.unread(i));
    if told {
        slots.told();
    } else {
        slots.asked_in_vain();
    }
}

#[cfg(test)]
mod tests;
