//! What a query looks for once the glossary and the forgiving rules are applied: for each
//! group of the query, the words to find (with their other spellings) and the equivalent
//! terms that may stand in for them.
//!
//! Owns the plan of a search. Scoring one partner against a plan is in [`super::matching`].

use std::fmt::Write as _;
use std::ops::Range;
use std::sync::Arc;

use super::fold::is_word_char;
use super::glossary::{inflections, is_stop_word, strip_elision, whole_inflections};
use super::index::Index;
use super::matching::TermPlan;
use super::memo::Slots;
use super::postings::Bits;
use super::query::{Atom, Mode, Query, Term, counts_inside_text};

/// A query word of this many letters may have one typo; see [`TWO_TYPOS_MIN`].
const ONE_TYPO_MIN: usize = 5;
/// A query word of this many letters may have two typos.
const TWO_TYPOS_MIN: usize = 9;
/// A query word of this many letters may have two neighbours swapped when that makes a
/// partner's acronym (`amfi` for AMIF): one edit of any kind would find too many words.
const SWAPPED_ACRONYM_LEN: usize = ONE_TYPO_MIN - 1;
/// At most this many hyphenated spellings of one word are looked for.
pub(super) const HYPHENATED_MAX: usize = 4;
/// At most this many corrections of one word are looked for, the closest first.
const CORRECTIONS_MAX: usize = 8;

/// How a spelling of a word stands to what was typed, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FormKind {
    /// What was typed (an elided article aside): scored as ever.
    Direct,
    /// Another inflection, or the word typed with or without its hyphens: at a word start,
    /// just below.
    Variant,
    /// A glossary equivalent, or one of its inflections: as a whole word, just below. At a
    /// word start it would find other words: `institut` for `institute` would find every
    /// "institution".
    Equivalent,
    /// A word of the partners one or two edits away: whole words only, below prefixes.
    Typo,
}

/// A spelling of a word, apart from its plan: what a search that may find more than an
/// earlier one looks for beside the earlier results (see [`Index::spellings_of_changes`]).
pub(super) struct Spelling {
    pub(super) term: String,
    /// Also by letters in the short fields.
    pub(super) fuzzy: bool,
    pub(super) kind: FormKind,
}

impl Spelling {
    fn of(form: &Form) -> Spelling {
        Spelling { term: form.plan.term().to_owned(), fuzzy: form.plan.fuzzy, kind: form.kind }
    }

    /// What to ask the word lists for to find every partner holding it: the spelling, and
    /// the kind that says where it counts; for one written with a hyphen or an apostrophe,
    /// its longest piece, wherever that is.
    pub(super) fn looked(&self) -> (&str, Option<FormKind>) {
        if self.term.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return (&self.term, Some(self.kind));
        }
        let pieces = self.term.split(|c: char| !c.is_ascii_alphanumeric());
        (pieces.max_by_key(|piece| piece.len()).unwrap_or_default(), None)
    }
}

/// One spelling to look for.
pub(super) struct Form {
    pub(super) plan: TermPlan,
    pub(super) kind: FormKind,
}

/// A word to find: any of its forms will do.
pub(super) struct WordPlan {
    pub(super) forms: Vec<Form>,
    /// What the word scored in each partner without a note, kept between searches (see
    /// [`super::memo`]) and shared by every plan that looks for it the same way: a phrase
    /// holds words typed a keystroke earlier, and equivalents share words.
    pub(super) kept: Option<Arc<Slots>>,
}

impl WordPlan {
    fn new(forms: Vec<Form>) -> WordPlan {
        WordPlan { forms, kept: None }
    }

    /// Everything that decides what the word scores in a partner, looked for in `mode`.
    pub(super) fn signature(&self, mode: Mode) -> String {
        let mut signature = format!("{mode:?}:");
        self.write_forms(&mut signature);
        signature
    }

    fn write_forms(&self, signature: &mut String) {
        for form in &self.forms {
            let plan = &form.plan;
            let _ = write!(signature, "{:?}:{:?}:{}|", form.kind, plan.term(), plan.fuzzy);
        }
        signature.push(';');
    }
}

/// One term of a query group, with what to look for when it is text.
pub(super) struct TermSlot<'q> {
    pub(super) term: &'q Term,
    pub(super) word: Option<WordPlan>,
}

/// What one or more consecutive query groups (a glossary phrase) look for.
pub(super) struct GroupPlan<'q> {
    /// The query groups it stands for.
    pub(super) groups: Range<usize>,
    /// Each group as typed, with whether it is a stop word that need not match.
    pub(super) direct: Vec<(Vec<TermSlot<'q>>, bool)>,
    /// Equivalent terms from the glossary: every word of one must match.
    pub(super) extras: Vec<Vec<WordPlan>>,
    /// The most any equivalent can score in a partner whose short fields hold none of their
    /// spellings, with the partners whose short fields may (see [`GroupPlan::bound_extras`]).
    pub(super) extras_in_text: Option<(u32, Bits)>,
    /// A lone stop word: the query matches without it.
    pub(super) optional: bool,
    /// What the plan scored in each partner without a note, kept between searches (see
    /// [`super::memo`]): for a group the next keystroke is unlikely to change.
    pub(super) kept: Option<Arc<Slots>>,
}

impl GroupPlan<'_> {
    /// Everything that decides what the plan scores in a partner, as text, when that is its
    /// text alone: only words to find (no filters, marks or negations), each with every
    /// spelling, and the equivalents. Terms are quoted (escaped), so no two plans share one.
    pub(super) fn signature(&self) -> Option<String> {
        let mut signature = String::new();
        for (slots, optional) in &self.direct {
            let _ = write!(signature, "[{optional}");
            for slot in slots {
                let (Atom::Text { .. }, false, Some(plan)) =
                    (&slot.term.atom, slot.term.negated, &slot.word)
                else {
                    return None;
                };
                let _ = write!(signature, "{:?}", slot.term.atom);
                plan.write_forms(&mut signature);
            }
            signature.push(']');
        }
        for extra in &self.extras {
            signature.push('+');
            for word in extra {
                word.write_forms(&mut signature);
            }
        }
        Some(signature)
    }

    /// The plan's words as typed and how each is looked for, when each of its groups (stop
    /// words that need not match aside) is one word alone: no filter, negation or
    /// alternative.
    pub(super) fn typed_words(&self) -> Option<impl Iterator<Item = (&WordPlan, Mode)>> {
        fn lone<'p>(slots: &'p [TermSlot<'_>]) -> Option<(&'p WordPlan, Mode)> {
            let [TermSlot { term: Term { atom: Atom::Text { mode, .. }, negated: false }, word }] =
                slots
            else {
                return None;
            };
            Some((word.as_ref()?, *mode))
        }
        let groups = self.direct.iter().filter(|(_, optional)| !optional);
        groups
            .clone()
            .all(|(slots, _)| lone(slots).is_some())
            .then(|| groups.filter_map(|(slots, _)| lone(slots)))
    }

    /// Every spelling the plan looks for.
    pub(super) fn forms_mut(&mut self) -> impl Iterator<Item = &mut Form> {
        let direct =
            self.direct.iter_mut().flat_map(|(slots, _)| slots).filter_map(|s| s.word.as_mut());
        self.extras.iter_mut().flatten().chain(direct).flat_map(|word| word.forms.iter_mut())
    }
}

fn plain_word(group: &[Term]) -> Option<&str> {
    match group {
        [Term { atom: Atom::Text { text, mode: Mode::Fuzzy }, negated: false }] => {
            Some(text.as_str())
        }
        _ => None,
    }
}

impl Index {
    /// The plan of `query`. `typos`: whether to look for corrections (not needed to decide
    /// whether a search may narrow an earlier one).
    pub(super) fn plan<'q>(&self, query: &'q Query, typos: bool) -> Vec<GroupPlan<'q>> {
        let groups = &query.groups;
        let Some(glossary) = self.glossary.as_ref() else {
            return groups
                .iter()
                .enumerate()
                .map(|(n, group)| GroupPlan {
                    groups: n..n + 1,
                    direct: vec![(self.slots(group, false), false)],
                    extras: Vec::new(),
                    extras_in_text: None,
                    optional: false,
                    kept: None,
                })
                .collect();
        };
        let stop = |g: &[Term]| plain_word(g).is_some_and(is_stop_word);
        let content = groups.iter().filter(|g| !stop(g)).count();
        let mut plans = Vec::new();
        let mut n = 0;
        while n < groups.len() {
            let mut phrase: Option<(usize, Vec<_>)> = None;
            let longest = (glossary.longest() * 2).min(groups.len() - n);
            for len in (2..=longest).rev() {
                let words: Option<Vec<&str>> =
                    groups[n..n + len].iter().map(|g| plain_word(g)).collect();
                let Some(words) = words else { continue };
                if is_stop_word(words[0]) || is_stop_word(words[len - 1]) {
                    continue;
                }
                let equivalents = glossary.equivalents(&words);
                if !equivalents.is_empty() {
                    phrase = Some((len, equivalents));
                    break;
                }
            }
            let (len, equivalents) = phrase.unwrap_or_else(|| {
                let single =
                    plain_word(&groups[n]).map(|w| glossary.equivalents(&[w])).unwrap_or_default();
                (1, single)
            });
            let mut direct: Vec<(Vec<TermSlot<'q>>, bool)> = groups[n..n + len]
                .iter()
                .map(|g| (self.slots(g, typos), content > 0 && stop(g)))
                .collect();
            if len > 1 {
                self.add_word_equivalents(&mut direct);
            }
            // Equivalents and spellings no partner (nor note) holds would only cost time.
            let mut extras: Vec<Vec<WordPlan>> = Vec::new();
            let mut spelt: Vec<Vec<Vec<String>>> = Vec::new();
            for term in
                equivalents.iter().filter(|term| term.words.iter().all(|w| self.may_occur(w)))
            {
                let extra: Vec<WordPlan> = term
                    .words
                    .iter()
                    .map(|w| {
                        let mut word = equivalent_word(w);
                        word.forms.retain(|f| self.may_occur(f.plan.term()));
                        word
                    })
                    .collect();
                // An equivalent with the same spellings as an earlier one ("economic" and
                // "économique", each the other's inflection) scores what it does, and
                // loses ties to it: it would only cost time.
                let mut spellings: Vec<Vec<String>> = extra
                    .iter()
                    .map(|word| {
                        let mut terms: Vec<String> =
                            word.forms.iter().map(|f| f.plan.term().to_owned()).collect();
                        terms.sort_unstable();
                        terms
                    })
                    .collect();
                spellings.sort_unstable();
                if !spelt.contains(&spellings) {
                    spelt.push(spellings);
                    extras.push(extra);
                }
            }
            plans.push(GroupPlan {
                groups: n..n + len,
                direct,
                extras,
                extras_in_text: None,
                optional: len == 1 && content > 0 && stop(&groups[n]),
                kept: None,
            });
            n += len;
        }
        plans
    }

    /// In a phrase each word still finds what its one-word equivalents find, as typed alone
    /// ("sustainable" finds "sustainability"): the phrase's own equivalents come on top, and
    /// the words' order changes nothing. Equivalents of several words are the phrase's only.
    fn add_word_equivalents(&self, direct: &mut [(Vec<TermSlot<'_>>, bool)]) {
        let Some(glossary) = self.glossary.as_ref() else { return };
        for slot in direct.iter_mut().flat_map(|(slots, _)| slots) {
            let (Some(word), Atom::Text { text, mode: Mode::Fuzzy }) =
                (slot.word.as_mut(), &slot.term.atom)
            else {
                continue;
            };
            for term in glossary.equivalents(&[text.as_str()]) {
                let [one] = term.words.as_slice() else { continue };
                // Ranked as a correction is, whole words only: less sure than the phrase's
                // own equivalents, which rank above.
                for mut form in equivalent_word(one).forms {
                    let term = form.plan.term();
                    if self.may_occur(term) && !word.forms.iter().any(|f| f.plan.term() == term) {
                        form.kind = FormKind::Typo;
                        word.forms.push(form);
                    }
                }
            }
        }
    }

    fn slots<'q>(&self, group: &'q [Term], typos: bool) -> Vec<TermSlot<'q>> {
        let forgiving = self.glossary.is_some() && plain_word(group).is_some();
        group
            .iter()
            .map(|term| {
                let word = TermPlan::of(&term.atom).map(|mut plan| {
                    if matches!(term.atom, Atom::Text { mode: Mode::Fuzzy, .. }) {
                        if self.acronym(plan.term()) {
                            plan.set_acronym();
                        } else if !self.counts_inside(plan.term(), Mode::Fuzzy) {
                            plan.set_word_starts_in_text();
                        }
                    }
                    let mut forms = vec![Form { plan, kind: FormKind::Direct }];
                    if forgiving {
                        self.add_forms(&mut forms, typos);
                    }
                    WordPlan::new(forms)
                });
                TermSlot { term, word }
            })
            .collect()
    }

    /// Whether `word`, typed plain, is an acronym the glossary knows (a term it writes in
    /// capitals: "ESS", "PME", "UE"): a word too short to count inside words (see
    /// [`counts_inside_text`]) stands for its group, so it counts only where it is a word:
    /// "ue" is no match inside "Publique", "un" at the start of "Union", "ess" of
    /// "essential", nor by letters scattered in "European Commission". Once it grows past
    /// that, it counts anywhere again (see [`Query::grown_fuzzy`]). An elided article is no
    /// part of it (`l'ue`).
    pub(super) fn acronym(&self, word: &str) -> bool {
        let word = strip_elision(word);
        !counts_inside_text(word, Mode::Fuzzy)
            && self.glossary.as_ref().is_some_and(|g| g.is_acronym(word))
    }

    /// Whether `word`, typed in `mode`, counts inside the words of a long text (a
    /// description, a location, a note): from four letters (see [`counts_inside_text`]),
    /// unless it is typed plain and is a word of the glossary, which counts at word starts
    /// only there: "formation" is no match inside "information" (see [`Glossary::is_word`]).
    pub(super) fn counts_inside(&self, word: &str, mode: Mode) -> bool {
        counts_inside_text(word, mode)
            && !(mode == Mode::Fuzzy
                && self.glossary.as_ref().is_some_and(|g| g.is_word(strip_elision(word))))
    }

    /// Adds the other spellings of a plain word: without its elided article, its
    /// inflections, and (with `typos`) the partners' words one or two edits away.
    fn add_forms(&self, forms: &mut Vec<Form>, typos: bool) {
        let typed = forms[0].plan.term().to_owned();
        let word = strip_elision(&typed).to_owned();
        if word != typed {
            let mut plan = TermPlan::new(&word, Mode::Fuzzy);
            // The elided article is no part of an acronym (see [`Index::acronym`]).
            if forms[0].plan.is_acronym() {
                plan.set_acronym();
            }
            forms.push(Form { plan, kind: FormKind::Direct });
        }
        // A word typed with hyphens inside finds it written in one piece ("start-up",
        // "startup"); a leading one is no hyphen inside a word.
        let joined = word.replace('-', "");
        let inside = joined != word && !word.starts_with('-') && !word.ends_with('-');
        if inside && joined.chars().all(is_word_char) {
            if self.may_occur(&joined) {
                let plan = TermPlan::new(&joined, Mode::Exact);
                forms.push(Form { plan, kind: FormKind::Variant });
            }
            // Or written as words apart ("guichet-vert" for "GUICHET VERT", a partner's id).
            let apart = word.replace('-', " ");
            if self.may_occur(&apart) {
                let plan = TermPlan::new(&apart, Mode::Exact);
                forms.push(Form { plan, kind: FormKind::Variant });
            }
            // And with a typo, as the word run together would be ("de-centralisaton").
            if typos {
                self.add_corrections(forms, &joined);
            }
        }
        if !word.chars().all(is_word_char) {
            return;
        }
        for form in inflections(&word) {
            if self.may_occur(&form) {
                forms.push(Form {
                    plan: TermPlan::new(&form, Mode::Exact),
                    kind: FormKind::Variant,
                });
            }
        }
        // And one typed in one piece finds it written with hyphens, from as many letters as
        // a typo is forgiven (both need the partners' words). After the inflections: where
        // one of them is the first piece ("social" of "social-economy" for `sociale`), what
        // it found spares reading the text for the hyphenated spelling, which cannot beat it.
        if word.is_ascii() && word.len() >= ONE_TYPO_MIN {
            let mut hyphenated: Vec<(String, bool)> = Vec::new();
            for (written, whole) in self.in_words(|words| words.hyphenated(&word)) {
                match hyphenated.iter_mut().find(|(w, _)| *w == written) {
                    Some((_, was)) => *was |= whole,
                    None => hyphenated.push((written, whole)),
                }
            }
            for (written, whole) in hyphenated.into_iter().take(HYPHENATED_MAX) {
                let mut plan = TermPlan::new(&written, Mode::Exact);
                plan.whole &= whole;
                forms.push(Form { plan, kind: FormKind::Variant });
            }
        }
        // A word of the glossary is spelt right: "formation" is no typo for "information".
        if typos && !self.glossary.as_ref().is_some_and(|g| g.is_word(&word)) {
            self.add_corrections(forms, &word);
        }
    }

    /// Adds the corrections of `word` (see [`Index::corrections`]) that `forms` lacks.
    fn add_corrections(&self, forms: &mut Vec<Form>, word: &str) {
        for correction in self.corrections(word) {
            if !forms.iter().any(|f| f.plan.term() == correction) {
                let plan = TermPlan::new(&correction, Mode::Exact);
                forms.push(Form { plan, kind: FormKind::Typo });
            }
        }
    }

    /// Whether `form` may be found: some partner's word starts as it does, or a note holds it.
    fn may_occur(&self, form: &str) -> bool {
        self.vocabulary().has_prefix(form) || self.notes_hold(form)
    }

    /// Whether a search for `query` may look only among the results of `previous` (which it
    /// narrows, by [`Query::narrows`]): not when the glossary or the forgiving rules would let
    /// a changed group find partners the earlier one did not.
    pub(super) fn may_narrow(&self, previous: &Query, query: &Query) -> bool {
        // A changed group that narrows is exact, or too short for corrections.
        !query.grown_words(previous).any(|(term, from)| self.grew_open(from, term))
            && self
                .spellings_of_changes(previous, query, false)
                .is_some_and(|others| others.is_empty())
    }

    /// Whether plain word `term`, grown by letters from `from`, counts where `from` did not:
    /// from an acronym, or past the length of words that count inside words of names only
    /// (see [`Index::acronym`] and [`counts_inside_text`]).
    pub(super) fn grew_open(&self, from: &str, term: &str) -> bool {
        self.acronym(from)
            || !self.counts_inside(from, Mode::Fuzzy) && self.counts_inside(term, Mode::Fuzzy)
    }

    /// What else, beside where `previous` matched, a partner matching `query` may be found
    /// by, where each group of `query` is one group of `previous`, kept or changed so that
    /// what it finds as typed it found before (see [`Query::narrows`]): the other spellings
    /// (inflections, corrections, the word without its elided article) of the changed words,
    /// each with whether it is also looked for by letters, and a word of each glossary
    /// equivalent (every partner an equivalent finds holds each of its words); less what the
    /// plan `previous` had for the same groups found already (see [`TermSlot::covers`]: at
    /// `economie sociale`, "social" typed before; and [`found_before`]: an equivalent whose
    /// words `previous` found). `None` when a word `previous` needed is one `query` may do
    /// without (a stop word now optional). `typos`: with the corrections.
    pub(super) fn spellings_of_changes(
        &self,
        previous: &Query,
        query: &Query,
        typos: bool,
    ) -> Option<Vec<Spelling>> {
        let mut others = Vec::new();
        if self.glossary.is_none() {
            return Some(others);
        }
        let old = previous.groups.len();
        let before = self.plan(previous, false);
        let needed = |n: usize| {
            let plan = before.iter().find(|p| p.groups.contains(&n))?;
            Some(!plan.optional && !plan.direct[n - plan.groups.start].1)
        };
        for plan in self.plan(query, typos) {
            if plan.groups.start >= old {
                continue;
            }
            let changed: Vec<usize> = plan
                .groups
                .clone()
                .filter(|&n| previous.groups.get(n) != query.groups.get(n))
                .collect();
            // The plan `previous` had for the same words, if any.
            let same = before.iter().find(|b| {
                b.groups == plan.groups
                    && b.optional == plan.optional
                    && b.direct.iter().map(|d| d.1).eq(plan.direct.iter().map(|d| d.1))
            });
            if same.is_some() && changed.is_empty() {
                // The same plan for the same words: it finds what it found.
                continue;
            }
            // Found as typed, each word is found as `previous` had it, if it still must be.
            for (n, (_, optional)) in plan.groups.clone().zip(&plan.direct) {
                let still = !plan.optional && !optional;
                if n < old && !still && needed(n)? {
                    return None;
                }
            }
            // Each word's first spelling is what was typed. Another spelling the same word
            // had in `previous` found there what it finds now.
            for (k, (slots, _)) in plan.direct.iter().enumerate() {
                if !changed.contains(&(plan.groups.start + k)) {
                    continue;
                }
                // Else the word alone, where it had to be found (a phrase now completed).
                let g = plan.groups.start + k;
                let alone = || {
                    let b = before.iter().find(|b| b.groups == (g..g + 1))?;
                    (needed(g) == Some(true)).then(|| &b.direct[0].0)
                };
                let had = same
                    .map(|b| &b.direct[k].0)
                    .or_else(alone)
                    .filter(|had| had.len() == slots.len());
                for (j, slot) in slots.iter().enumerate() {
                    let Some(word) = &slot.word else { continue };
                    let before = had.map(|had| &had[j]);
                    let new = word.forms.iter().skip(1);
                    let new = new.filter(|form| !before.is_some_and(|b| b.covers(form)));
                    others.extend(new.map(Spelling::of));
                }
            }
            // Found by an equivalent, each word of it is there: the longest is the rarest.
            // One `previous` had for the same words found there what it finds now.
            let seen = |extra: &Vec<WordPlan>| {
                same.is_some_and(|b| b.extras.iter().any(|e| same_spellings(e, extra)))
            };
            let new = |extra: &&Vec<WordPlan>| !seen(extra) && !found_before(extra, &plan, &before);
            for extra in plan.extras.iter().filter(new) {
                let rarest =
                    extra.iter().max_by_key(|w| w.forms.first().map_or(0, |f| f.plan.term().len()));
                others.extend(rarest.iter().flat_map(|w| &w.forms).map(Spelling::of));
            }
        }
        Some(others)
    }

    /// The words of the partners and of the notes one edit from `word` (two from 9 letters),
    /// closest first: not `word` itself, nor words it begins (it finds those as it is). Of
    /// four letters, only acronyms with two letters swapped (see [`Index::swapped_acronyms`]).
    fn corrections(&self, word: &str) -> Vec<String> {
        let len = word.chars().count();
        if len == SWAPPED_ACRONYM_LEN && word.is_ascii() {
            return self.swapped_acronyms(word);
        }
        if len < ONE_TYPO_MIN || !word.is_ascii() {
            return Vec::new();
        }
        let edits = if len >= TWO_TYPOS_MIN { 2 } else { 1 };
        let mut found = self.in_words(|words| words.near(word, edits));
        found.sort_unstable();
        found.dedup();
        found.into_iter().take(CORRECTIONS_MAX).map(|(_, w)| w).collect()
    }

    /// The partners' acronyms that are `word` (ASCII) with two neighbouring letters swapped,
    /// unless `word` is one of the partners' words as it is, or of the notes': `tres` (très)
    /// is no typo for RTES.
    fn swapped_acronyms(&self, word: &str) -> Vec<String> {
        let bytes = word.as_bytes();
        let swapped = (1..bytes.len()).filter(|&i| bytes[i - 1] != bytes[i]).map(|i| {
            let mut swapped = bytes.to_vec();
            swapped.swap(i - 1, i);
            String::from_utf8(swapped).unwrap_or_default()
        });
        let found: Vec<String> = swapped.filter(|w| self.is_short_acronym(w)).collect();
        // The words are asked only then: making them is most of a one-off search of a large
        // dataset (1.6 s of `partners search ugap` over a million partners), and no acronym
        // is `ugap` with two letters swapped.
        if found.is_empty() || self.is_written(word) {
            return Vec::new();
        }
        found
    }
}

impl TermSlot<'_> {
    /// Whether every partner `form` (a spelling of a word typed in a later query, in its
    /// place) finds, this slot found: it had that spelling, looked for the same way, or one
    /// as typed that `form` holds (looked for by words, where it counts anywhere, inside a
    /// word too, in every field and in a note: where `form` is, it is; not a short word,
    /// which counts inside words of names only); not by letters, where a longer term may
    /// match where a shorter does not.
    fn covers(&self, form: &Form) -> bool {
        let (Some(word), Atom::Text { mode: Mode::Exact | Mode::Fuzzy, .. }, false) =
            (&self.word, &self.term.atom, self.term.negated)
        else {
            return false;
        };
        let (term, fuzzy) = (form.plan.term(), form.plan.fuzzy);
        word.forms.iter().any(|had| {
            let held = had.kind == FormKind::Direct
                && if fuzzy {
                    had.plan.fuzzy && had.plan.term() == term
                } else if had.plan.counts_anywhere() {
                    term.contains(had.plan.term())
                } else {
                    // At word starts only in long texts (a word of the glossary): a spelling
                    // it starts is found where it is, unless that counts inside words.
                    !had.plan.is_acronym()
                        && term.starts_with(had.plan.term())
                        && (form.kind != FormKind::Direct || !form.plan.counts_anywhere())
                };
            let same =
                had.plan.term() == term && had.kind == form.kind && had.plan.looks_as(&form.plan);
            held || same
        })
    }
}

/// Whether every partner `extra` (an equivalent of `plan`) finds matched each plan `before`
/// (the plan of an earlier query) had for any of `plan`'s groups: each is a lone stop word,
/// or has an equivalent whose every word `extra` looks for the same way, or has each word
/// it needs found wherever a word of `extra` is (see [`TermSlot::covers`]). At
/// `economie social` after `economie socia`, "social economy": "economy" was an equivalent
/// of `economie`, "social" holds `socia`.
fn found_before(extra: &[WordPlan], plan: &GroupPlan<'_>, before: &[GroupPlan<'_>]) -> bool {
    let twin = |word: &WordPlan| {
        extra
            .iter()
            .any(|other| same_spellings(std::slice::from_ref(word), std::slice::from_ref(other)))
    };
    let held = |slot: &TermSlot<'_>| {
        extra.iter().any(|word| word.forms.iter().all(|form| slot.covers(form)))
    };
    let (start, end) = (plan.groups.start, plan.groups.end);
    before.iter().filter(|b| b.groups.start < end && start < b.groups.end).all(|b| {
        b.optional
            || b.extras.iter().any(|words| words.iter().all(twin))
            || b.direct.iter().all(|(slots, optional)| *optional || slots.iter().any(held))
    })
}

/// Whether two equivalents look for the same words, spelt the same ways.
fn same_spellings(a: &[WordPlan], b: &[WordPlan]) -> bool {
    let signature = |words: &[WordPlan]| {
        let mut signature = String::new();
        for word in words {
            word.write_forms(&mut signature);
        }
        signature
    };
    a.len() == b.len() && signature(a) == signature(b)
}

/// A word of a glossary equivalent: it and its inflections.
fn equivalent_word(word: &str) -> WordPlan {
    let form = |w: &str| Form { plan: TermPlan::new(w, Mode::Exact), kind: FormKind::Equivalent };
    let mut forms = vec![form(word)];
    if word.chars().all(is_word_char) {
        forms.extend(whole_inflections(word).iter().map(|f| form(f)));
    }
    WordPlan::new(forms)
}

#[cfg(test)]
mod tests;
