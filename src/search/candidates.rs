//! Which partners a search need look at: those the word lists say may hold a spelling of every
//! word of the query, and those with a note. A query whose words are in few partners (`cn`,
//! `ug`: a word of two letters is looked for by words only) then scores those few, not every
//! partner: at 100 000 partners, `bo` went from 9.7 to 3.0 ms on one core, `cn` from 8.8 to
//! 0.8. And where a word grown by a letter may match that it did not (see
//! [`Index::grown_candidates`]).
//!
//! Owns that narrowing only. Whether a partner matches, and how well, stays
//! [`super::matching`]'s: a partner left out here is one it would not find.

use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;

use super::expand::{Form, FormKind, GroupPlan, TermSlot, WordPlan};
use super::fuzzy::FuzzyGate;
use super::index::Index;
use super::memo::{NOTHING_LONGER, Recent, Sought};
use super::postings::Bits;
use super::query::{Atom, Mode, Query};

impl Index {
    /// Where a query whose word `term` grew by letters from `previous`'s (see
    /// [`Query::grown_fuzzy`]) may match, in index order: where `previous` matched (`found`,
    /// in index order), and, among `within` (else every partner), where the grown word may
    /// be found by letters (see [`Index::may_fuzzy`]), where the word lists say the other
    /// spellings of the changed words and the equivalents of changed plans are (see
    /// [`Index::spellings_of_changes`]), wherever the grown word is when it counts where the
    /// word it grew from did not (see [`Index::grew_open`]), and the partners with a note.
    /// `None` when a change could find partners otherwise, or the lists cannot tell. `recent`
    /// says where a start of the word could not be found by letters, nor any longer word.
    pub(super) fn grown_candidates(
        &self,
        previous: &Query,
        query: &Query,
        (term, from): (&str, &str),
        found: &[usize],
        (within, recent): (Option<&[usize]>, &Recent),
    ) -> Option<Vec<usize>> {
        let opened = self.grew_open(from, term);
        let others = self.spellings_of_changes(previous, query, true)?;
        let postings = self.postings.get();
        let told = |term: &str| postings.is_some_and(|p| p.can_tell(term));
        if !others.iter().all(|other| told(other.looked().0)) || opened && !told(term) {
            return None;
        }
        let n = self.len();
        let bits = Marked::new(n);
        let allowed = within.map(|within| {
            let allowed = Marked::new(n);
            within.par_iter().for_each(|&i| allowed.set(i));
            allowed
        });
        let add = |i: usize| {
            if allowed.as_ref().is_none_or(|allowed| allowed.has(i)) {
                bits.set(i);
            }
        };
        // Where a start of it (the longest looked for by letters before, not always the word
        // it grew from: `cnfp` grows from `cn` and `cnf`) could not be found by letters, nor
        // any longer word, neither can it: that is kept for the next letter too.
        let mut starts =
            term.char_indices().rev().map(|(at, _)| &term[..at]).filter(|s| !s.is_empty());
        let nor_longer = starts
            .find_map(|start| recent.kept(self.number, start, Sought::ByLetters))
            .map(|before| (before, recent.slots(self.number, term, Sought::ByLetters, n)));
        let hopeless = |i: usize| {
            nor_longer.as_ref().is_some_and(|(before, now)| {
                let hopeless = before.get(i) == Some(NOTHING_LONGER);
                if hopeless {
                    now.set(i, NOTHING_LONGER);
                }
                hopeless
            })
        };
        let by_letters = others.iter().filter(|other| other.fuzzy).map(|other| &other.term);
        for (grown, term) in std::iter::once((true, term)).chain(by_letters.map(|t| (false, &**t)))
        {
            let gate = FuzzyGate::of(term);
            let may = |&i: &usize| self.may_fuzzy(i, &gate) && !(grown && hopeless(i));
            match within {
                Some(within) => within.par_iter().copied().filter(may).for_each(|i| bits.set(i)),
                None => (0..n).into_par_iter().filter(may).for_each(|i| bits.set(i)),
            }
        }
        for other in &others {
            // Told above: every partner whose words hold the spelling is visited.
            let (term, kind) = other.looked();
            let visit = |i, spot| {
                if kind.is_none_or(|kind| kind.counts(term, spot)) {
                    add(i);
                }
            };
            postings?.occurrences(term, visit, add);
        }
        if opened {
            // Told above.
            postings?.occurrences(term, |i, _| add(i), add);
        }
        self.notes().holders.iter().copied().for_each(add);
        found.par_iter().for_each(|&i| bits.set(i));
        Some(bits.ones())
    }

    /// The partners that may match `plans` (see [`super::matching`]), or `None` when some
    /// query group may match any partner as far as the word lists can tell (a filter, a
    /// negation, a spelling they cannot answer for). `noted`: the partners with a note, which
    /// may hold any word.
    pub(super) fn candidates(&self, plans: &[GroupPlan<'_>], noted: &[usize]) -> Option<Bits> {
        let mut narrowed: Option<Bits> = None;
        for plan in plans.iter().filter(|plan| !plan.optional) {
            // A group the lists cannot answer for leaves the others to narrow.
            if let Some(group) = self.group_may_match(plan) {
                match &mut narrowed {
                    Some(bits) => bits.and(&group),
                    None => narrowed = Some(group),
                }
            }
        }
        let mut narrowed = narrowed?;
        for &i in noted {
            narrowed.set(i);
        }
        Some(narrowed)
    }

    /// The partners where `plan` may match: where every word as typed may be, or every word
    /// of one of its equivalents.
    fn group_may_match(&self, plan: &GroupPlan<'_>) -> Option<Bits> {
        let mut typed: Option<Bits> = None;
        for (slots, _) in plan.direct.iter().filter(|(_, optional)| !optional) {
            let group = self.any_term_may_match(slots)?;
            match &mut typed {
                Some(bits) => bits.and(&group),
                None => typed = Some(group),
            }
        }
        let mut found = typed?;
        for extra in &plan.extras {
            let mut all: Option<Bits> = None;
            for word in extra {
                let bits = self.word_may_match(word, Mode::Fuzzy)?;
                match &mut all {
                    Some(all) => all.and(&bits),
                    None => all = Some(bits),
                }
            }
            found.or(&all?);
        }
        Some(found)
    }

    /// The partners where any of a group's terms (alternatives) may match; none for a
    /// negated term or a filter.
    fn any_term_may_match(&self, slots: &[TermSlot<'_>]) -> Option<Bits> {
        let mut any = Bits::none(self.len());
        for slot in slots {
            let (Atom::Text { mode, .. }, false, Some(word)) =
                (&slot.term.atom, slot.term.negated, &slot.word)
            else {
                return None;
            };
            any.or(&self.word_may_match(word, *mode)?);
        }
        Some(any)
    }

    /// The partners where one of `word`'s spellings may be, looked for in `mode`, as the
    /// word lists say. `None` for a word also looked for by letters (of three letters or
    /// more: they may be anywhere in a short field, and telling where costs a look at every
    /// partner), and where that is most partners: narrowing to them would save little.
    fn word_may_match(&self, word: &WordPlan, mode: Mode) -> Option<Bits> {
        if !matches!(mode, Mode::Exact | Mode::Fuzzy) || word.forms.iter().any(by_letters) {
            return None;
        }
        let mut any = Bits::none(self.len());
        for form in &word.forms {
            any.or(form.plan.occurs.as_deref()?);
        }
        (any.count() <= self.len() / 2).then_some(any)
    }
}

/// Whether `form` is also looked for by letters (see [`Index::fuzzy_in_short`]).
fn by_letters(form: &Form) -> bool {
    form.kind == FormKind::Direct && form.plan.fuzzy
}

/// Partners marked from many threads at once, a bit each.
struct Marked(Vec<AtomicU64>);

impl Marked {
    fn new(len: usize) -> Marked {
        Marked((0..len.div_ceil(64)).map(|_| AtomicU64::new(0)).collect())
    }

    fn set(&self, i: usize) {
        if let Some(word) = self.0.get(i / 64) {
            word.fetch_or(1 << (i % 64), Ordering::Relaxed);
        }
    }

    fn has(&self, i: usize) -> bool {
        self.0.get(i / 64).is_some_and(|word| word.load(Ordering::Relaxed) >> (i % 64) & 1 == 1)
    }

    /// The partners marked, in index order.
    fn ones(self) -> Vec<usize> {
        Bits::of_words(self.0.into_iter().map(AtomicU64::into_inner).collect()).ones()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{Glossary, Query, Searcher};

    /// The bundled partners, 4 096 of them (the word lists pay from 2 048), with notes.
    fn partners_and_index(warm: bool) -> Index {
        let partners = crate::dataset::bundled().expect("the bundled dataset").partners;
        let many: Vec<_> = partners.iter().cycle().take(4096).cloned().collect();
        let index = Index::with_glossary(&many, Glossary::bundled());
        if warm {
            index.warm();
        }
        index.set_notes([(3, "zy met at the fair"), (4000, "cn ug")]);
        index
    }

    #[test]
    fn narrowing_to_the_partners_the_word_lists_name_changes_no_result() {
        let (warm, cold) = (partners_and_index(true), partners_and_index(false));
        let queries = [
            "cn",
            "ug",
            "zy",
            "bo",
            "cn ug",
            "ug | zy",
            "cn -ug",
            "!bo",
            "kind:social-economy cn",
            "is:starred cn",
            "'cn",
            "'ug | bo",
            "^cn",
            "ug$",
            "=ugap",
            "la cn",
            "l'ug",
            "d'ug",
            "cn zz",
            "ue",
            "un",
            "eu",
            "cnfpt",
            "ugap bo",
            "économie",
            "ec",
            "é",
        ];
        let marks: Vec<_> = (0..warm.len())
            .map(|i| crate::search::MarkBits::new(i % 5 == 0, false, false))
            .collect();
        let mut searcher = Searcher::default();
        for text in queries {
            let query = Query::parse(text).expect("a query");
            let expected = cold.search_forgiving(&query, &marks);
            assert_eq!(searcher.search(&warm, &query, &marks), expected, "{text}");
            assert_eq!(
                warm.search(&query, &marks, None),
                cold.search(&query, &marks, None),
                "{text}"
            );
        }
        let noted = warm.search(&Query::parse("zy").expect("a query"), &marks, None);
        assert!(noted.iter().any(|hit| hit.index == 3 && hit.in_note), "a note is read: {noted:?}");
    }

    #[test]
    fn a_word_of_two_letters_is_looked_for_in_the_partners_holding_it_only() {
        let index = partners_and_index(true);
        let narrowed = |text: &str| {
            let query = Query::parse(text).expect("a query");
            let mut plans = index.plan(&query, true);
            index.mark_occurrences(&mut plans, index.len());
            index.candidates(&plans, &[]).map(|bits| bits.count())
        };
        let cn = narrowed("cn").expect("the word lists tell where cn is");
        assert!(cn > 0 && cn < index.len() / 10, "{cn} partners");
        // Every word must be there.
        let (ug, both) = (narrowed("ug").expect("ug"), narrowed("cn ug").expect("cn ug"));
        assert!(both < cn.min(ug), "cn {cn}, ug {ug}, both {both}");
        // Most partners hold it: not worth narrowing to.
        let query = Query::parse("an").expect("a query");
        assert!(index.search(&query, &[], None).len() > index.len() / 2, "an is common");
        assert_eq!(narrowed("an"), None);
        // Looked for by letters too, a word of three may be anywhere in a name.
        assert_eq!(narrowed("cnf"), None);
        // A filter alone, a negation alone: any partner may match.
        assert_eq!(narrowed("kind:social-economy"), None);
        assert_eq!(narrowed("-cn"), None);
    }

    #[test]
    fn words_of_two_letters_the_partners_hold_find_what_they_find_unwarmed() {
        // One pair of letters in five of those the partners' words hold, each also elided,
        // quoted, in capitals, as an alternative, negated or filtered; with notes (and the
        // user's aliases, held with them) that hold words of two letters and ligatures.
        let (warm, cold) = (partners_and_index(true), partners_and_index(false));
        let notes =
            [(3, "zy met at the fair"), (17, "Mycélium: l'œuvre, qx-vb"), (2000, "Straße 12")];
        for index in [&warm, &cold] {
            index.set_notes(notes);
        }
        let mut pairs = std::collections::BTreeSet::new();
        for word in &warm.vocabulary().sorted {
            for pair in word.as_bytes().windows(2) {
                pairs.insert(String::from_utf8_lossy(pair).into_owned());
            }
        }
        let mut queries: Vec<String> = Vec::new();
        for (n, pair) in pairs.iter().step_by(5).enumerate() {
            queries.push(pair.clone());
            queries.push(match n % 6 {
                0 => format!("l'{pair}"),
                1 => format!("'{pair}"),
                2 => pair.to_uppercase(),
                3 => format!("{pair} | zy"),
                4 => format!("{pair} !ab"),
                _ => format!("is:starred {pair}"),
            });
        }
        let more = ["œ", "oe", "æ", "ß", "ss", "12", "qx", "qx-vb", "l'œ", "my", "u.e", "u-e"];
        queries.extend(more.map(String::from));
        let marks: Vec<_> = (0..warm.len())
            .map(|i| crate::search::MarkBits::new(i % 5 == 0, i % 3 == 0, false))
            .collect();
        let mut searcher = Searcher::default();
        for text in &queries {
            let query = Query::parse(text).expect("a query");
            let expected = cold.search(&query, &marks, None);
            assert_eq!(warm.search(&query, &marks, None), expected, "{text}");
            let forgiving = cold.search_forgiving(&query, &marks);
            assert_eq!(searcher.search(&warm, &query, &marks), forgiving, "{text}");
        }
        assert!(queries.len() > 100, "{} queries", queries.len());
    }
}
