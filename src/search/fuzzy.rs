//! Fuzzy hits in short fields (name, acronym, aliases): Skim V2's, kept only when credible,
//! and the cheap tests that spare most texts the matcher.
//!
//! Owns what counts as a fuzzy hit; where one is looked for is [`super::matching`]'s.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::fold::is_word_char;
use super::index::Shorts;
use super::masks::{char_mask, mask_bit, pair_bit};

/// What [`fuzzy`] found of a term in a short field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Fuzzy {
    /// A credible hit, with its score.
    Hit(u32),
    /// No credible hit.
    Miss,
    /// No credible hit, nor of any longer term that starts with this one: the letters are not
    /// even in order at word starts as a credible hit needs (see [`may_be_credible`], which
    /// asks of a term's letters what it asks of its first ones).
    NorLonger,
}

/// A fuzzy hit of `term` in a short field, when it is a credible one: the matched letters
/// form runs that start words (the first one among them), with at most one run starting
/// inside a word (a typo).
pub(super) fn fuzzy(field_text: &str, term: &str) -> Fuzzy {
    if !may_be_credible(field_text, term) {
        return Fuzzy::NorLonger;
    }
    match skim_positions(field_text, term) {
        Some((score, positions)) if !positions.is_empty() => {
            Fuzzy::Hit(u32::try_from(score.clamp(0, 999)).unwrap_or(0))
        }
        _ => Fuzzy::Miss,
    }
}

/// Skim V2 over a folded short field, kept only when the hit is credible (see [`fuzzy`]).
pub(super) fn fuzzy_positions(text: &str, term: &str) -> Option<(i64, Vec<usize>)> {
    if !may_be_credible(text, term) {
        return None;
    }

    skim_positions(text, term)
}

/// [`fuzzy_positions`], asking the matcher whatever the text.
fn skim_positions(text: &str, term: &str) -> Option<(i64, Vec<usize>)> {
    let ascii = text.is_ascii() && term.is_ascii();
    let (score, positions) =
        if ascii { skim_ascii(text.as_bytes(), term.as_bytes())? } else { skim(text, term)? };
    let chars: Vec<char> = if ascii { Vec::new() } else { text.chars().collect() };
    let starts_word = |p: usize| {
        p == 0
            || !is_word_char(if ascii { char::from(text.as_bytes()[p - 1]) } else { chars[p - 1] })
    };
    let mut inner_runs = 0;
    let mut previous: Option<usize> = None;
    for &p in &positions {
        if (previous != Some(p.wrapping_sub(1)) || p == 0) && !starts_word(p) {
            inner_runs += 1;
        }
        previous = Some(p);
    }
    let first_starts_word = positions.first().is_some_and(|&p| starts_word(p));
    (first_starts_word && inner_runs <= 1).then_some((score, positions))
}

// Skim V2's default scores.
const MATCH: i32 = 16;
const GAP_START: i32 = -3;
const GAP_EXTENSION: i32 = -1;
const CASE_MISMATCH: i32 = 2 * GAP_EXTENSION;
const CONSECUTIVE: i32 = -(GAP_START + GAP_EXTENSION);
const FIRST_CHAR_MULTIPLIER: i32 = 2;
/// Skim V2's minus infinity.
const NEG_INFINITY: i32 = i16::MIN as i32;

/// A cell of [`skim_ascii`]'s matrix: Skim V2's `MatrixCell`.
#[derive(Clone, Copy)]
struct Cell {
    m_score: i32,
    p_score: i32,
    bonus: i32,
    /// The best alignment ending here matches this letter after a match (`m_move`).
    m_after_match: bool,
    /// The best alignment skipping this letter comes from a match (`p_move`).
    p_after_match: bool,
}

const EMPTY_CELL: Cell = Cell {
    m_score: NEG_INFINITY,
    p_score: NEG_INFINITY,
    bonus: 0,
    m_after_match: false,
    p_after_match: false,
};

/// Skim V2's kinds of characters (`CharType`), for ASCII.
#[derive(Clone, Copy)]
enum CharKind {
    Empty,
    Upper,
    Lower,
    Number,
    HardSep,
    SoftSep,
}

impl CharKind {
    fn of(b: u8) -> CharKind {
        match b {
            0 => CharKind::Empty,
            b' ' | b'/' | b'\\' | b'|' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => {
                CharKind::HardSep
            }
            b'!'..=b'\'' | b'*'..=b'.' | b':'..=b'@' | b'^'..=b'`' | b'~' => CharKind::SoftSep,
            b'0'..=b'9' => CharKind::Number,
            b'A'..=b'Z' => CharKind::Upper,
            _ => CharKind::Lower,
        }
    }

    /// Skim V2's bonus for a letter of this kind after one of `previous`'s.
    fn bonus_after(self, previous: CharKind) -> i32 {
        match (previous, self) {
            (CharKind::Empty | CharKind::HardSep, _) => MATCH / 2,
            (CharKind::SoftSep, _) => MATCH / 2 + GAP_EXTENSION,
            (CharKind::Lower | CharKind::Number, CharKind::Upper) => MATCH / 2 + 2 * GAP_EXTENSION,
            _ => 0,
        }
    }
}

/// What Skim V2 (`SkimMatcherV2::default().ignore_case()`, fuzzy-matcher 0.3.7) answers for
/// ASCII `text` and `term`, without its costs: it copies both into vectors of `char`, makes
/// a table of bonuses and a vector of first matches at each call, and must be cleared with a
/// call of its own (see [`skim`]). The same algorithm and scores, step by step; the unit
/// tests compare the two over many pairs. A sixth less time for a first fuzzy word at
/// 100 000 partners (`cnf`).
fn skim_ascii(text: &[u8], term: &[u8]) -> Option<(i64, Vec<usize>)> {
    thread_local! {
        static MATRIX: std::cell::RefCell<(Vec<Cell>, Vec<i32>, Vec<usize>)> =
            const { std::cell::RefCell::new((Vec::new(), Vec::new(), Vec::new())) };
    }
    if term.is_empty() {
        return Some((0, Vec::new()));
    }
    MATRIX.with_borrow_mut(|(matrix, bonuses, first)| {
        // The first place of each letter of the term, in order (`cheap_matches`).
        first.clear();
        let mut letters = term.iter().peekable();
        for (at, &c) in text.iter().enumerate() {
            let Some(&&p) = letters.peek() else { break };
            if c.eq_ignore_ascii_case(&p) {
                first.push(at);
                letters.next();
            }
        }
        if letters.peek().is_some() {
            return None;
        }
        let cols = text.len() + 1;
        bonuses.clear();
        bonuses.push(0);
        let mut previous = CharKind::Empty;
        for &c in text {
            let kind = CharKind::of(c);
            bonuses.push(kind.bonus_after(previous));
            previous = kind;
        }
        if let Some(bonus) = bonuses.get_mut(1) {
            *bonus *= FIRST_CHAR_MULTIPLIER;
        }
        matrix.clear();
        matrix.resize((term.len() + 1) * cols, EMPTY_CELL);
        for cell in &mut matrix[..cols] {
            cell.p_score = GAP_EXTENSION;
        }
        for (i, &p) in term.iter().enumerate() {
            let (row, row_prev) = ((i + 1) * cols, i * cols);
            for col in first[i] + 1..cols {
                let c = text[col - 1];
                let (cur, last, prev) = (row + col, row + col - 1, row_prev + col - 1);
                if c.eq_ignore_ascii_case(&p) {
                    let score = (MATCH + if p == c { 0 } else { CASE_MISMATCH }).max(0);
                    let in_place = bonuses[col];
                    let consecutive = matrix[last].bonus.max(in_place.max(CONSECUTIVE));
                    matrix[last].bonus = consecutive;
                    let after_match = matrix[prev].m_score + consecutive;
                    let after_skip = matrix[prev].p_score + in_place;
                    let cell = &mut matrix[cur];
                    cell.m_after_match = after_match >= after_skip;
                    cell.m_score = after_match.max(after_skip) + score;
                } else {
                    let cell = &mut matrix[cur];
                    cell.m_score = NEG_INFINITY;
                    cell.m_after_match = false;
                    cell.bonus = 0;
                }
                let from_match = GAP_START + GAP_EXTENSION + matrix[last].m_score;
                let from_skip = GAP_EXTENSION + matrix[last].p_score;
                let cell = &mut matrix[cur];
                cell.p_after_match = from_match >= from_skip;
                cell.p_score = from_match.max(from_skip);
            }
        }
        Some(best_path(matrix, cols, term.len(), first))
    })
}

/// The best score on the last row of [`skim_ascii`]'s matrix (the last of equals, as Skim
/// V2's `max_by_key` takes), and the places of the term's letters on the way back to it.
fn best_path(matrix: &[Cell], cols: usize, rows: usize, first: &[usize]) -> (i64, Vec<usize>) {
    let last_row = &matrix[rows * cols..];
    let start = first[rows - 1];
    let mut end = start;
    for col in start..cols {
        if last_row[col].m_score >= last_row[end].m_score {
            end = col;
        }
    }
    let mut positions = Vec::with_capacity(rows);
    let (mut i, mut j, mut on_m, mut matched) = (rows, end, true, true);
    while i > 0 && j > first[0] {
        if matched {
            positions.push(j - 1);
        }
        let cell = &matrix[i * cols + j];
        matched = if on_m { cell.m_after_match } else { cell.p_after_match };
        if on_m {
            i -= 1;
        }
        j -= 1;
        on_m = matched;
    }
    positions.reverse();
    (i64::from(last_row[end].m_score), positions)
}

/// Skim V2's score and positions of `term` in `text`, from the thread's matcher. A matcher
/// keeps its score matrix between calls and does not clear it: a cell it reads before
/// writing keeps what an earlier call left (a score would then depend on what the thread
/// matched before; and its switch to drop the matrix panics). A call on a one-letter text
/// first cuts the matrix to four cells, which the next call reads only where it has written
/// them (it resets the first row; the cells it adds are new): it sees the matrix a new
/// matcher would, without the cost of making one (its thread-local tables) at each call.
/// The unit test `fuzzy_scores_do_not_depend_on_what_was_matched_before` compares the two.
fn skim(text: &str, term: &str) -> Option<(i64, Vec<usize>)> {
    thread_local! {
        static MATCHER: SkimMatcherV2 = SkimMatcherV2::default().ignore_case();
    }
    MATCHER.with(|matcher| {
        matcher.fuzzy_indices("a", "a");
        matcher.fuzzy_indices(text, term)
    })
}

/// Whether a credible fuzzy hit of `term` may be in `text` (both folded): whether its letters
/// can be found in order, in runs of neighbours that start words, the first one among them,
/// with at most one run starting inside a word (see [`skim_positions`]). The matcher picks
/// one way of finding them; if that way is credible, this finds it too. A test far cheaper
/// than the matcher's, on the positions of each letter as bits, for ASCII text of up to 128
/// bytes (any other text may).
fn may_be_credible(text: &str, term: &str) -> bool {
    let (text, term) = (text.as_bytes(), term.as_bytes());
    let Some((&first, rest)) = term.split_first() else { return true };
    if !text.is_ascii() {
        return true;
    }
    // First, as cheaply as can be: the first letter starts a word, the others follow.
    let start = memchr::memchr_iter(first, text)
        .find(|&at| at == 0 || !text[at - 1].is_ascii_alphanumeric());
    let Some(start) = start else { return false };
    let mut left = &text[start + 1..];
    for &letter in rest {
        match memchr::memchr(letter, left) {
            Some(at) => left = &left[at + 1..],
            None => return false,
        }
    }
    if !term.is_ascii() || text.len() > 128 {
        return true;
    }
    let at = |letter: u8| {
        let at = text.iter().enumerate().filter(|&(_, &b)| b == letter);
        at.fold(0u128, |bits, (p, _)| bits | 1 << p)
    };
    let starts = text.iter().enumerate().fold(0u128, |bits, (p, _)| {
        let starts = p == 0 || !text[p - 1].is_ascii_alphanumeric();
        bits | u128::from(starts) << p
    });
    // Every place after the first of `bits`.
    let after = |bits: u128| if bits == 0 { 0 } else { !(bits ^ (bits - 1)) };
    // Where the letters so far may end, with no run started inside a word, and with one.
    let (mut clean, mut one) = (at(first) & starts, 0u128);
    for &letter in rest {
        let here = at(letter);
        let next_one = here & (one << 1 | starts & after(one) | !starts & after(clean));
        clean = here & (clean << 1 | starts & after(clean));
        one = next_one;
        if clean | one == 0 {
            return false;
        }
    }
    clean | one != 0
}

/// What [`Index::may_fuzzy`] tests of a term: its letters, its first letter, and for the
/// letters after the first (of a term of ASCII letters and digits, up to [`GATE_STEPS`]),
/// each one's bit and the bit of the pair it ends.
#[derive(Debug, Clone)]
pub(super) struct FuzzyGate {
    mask: u64,
    first: u64,
    steps: [(u64, u128); GATE_STEPS],
    len: usize,
}

/// How many letters after the first [`FuzzyGate`] tests: testing fewer refuses less.
const GATE_STEPS: usize = 8;

impl FuzzyGate {
    pub(super) fn of(term: &str) -> FuzzyGate {
        let mut gate = FuzzyGate {
            mask: char_mask(term),
            first: term.chars().next().map_or(0, mask_bit),
            steps: [(0, 0); GATE_STEPS],
            len: 0,
        };
        // A letter of the term the matcher may find among other characters only where they
        // are the same letter: ASCII letters and digits, no more.
        let bytes = term.as_bytes();
        if bytes.iter().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()) {
            for (slot, pair) in gate.steps.iter_mut().zip(bytes.windows(2)) {
                *slot = (mask_bit(char::from(pair[1])), pair_bit(pair[0], pair[1]));
                gate.len += 1;
            }
        }
        gate
    }

    /// Whether a credible fuzzy hit of the term may be in short fields that hold `shorts`:
    /// every letter is there, the first one starts a word, and every other one but one
    /// starts a word or follows the letter before it.
    pub(super) fn admits(&self, shorts: &Shorts) -> bool {
        let stray = |&&(initial, pair): &&(u64, u128)| {
            initial & shorts.initials == 0 && pair & shorts.pairs == 0
        };
        self.mask & !shorts.letters == 0
            && (self.first == 0 || self.first & shorts.initials != 0)
            && self.steps[..self.len].iter().filter(stray).nth(1).is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::fold;

    #[test]
    fn fuzzy_scores_do_not_depend_on_what_was_matched_before() {
        // The generated partners of tests/scale.rs ranked alike partners differently from one
        // run to the next while the matcher kept its matrices: the same pairs, matched in two
        // orders on one thread, must score alike.
        let partners = crate::dataset::bundled().expect("the bundled dataset").partners;
        let names: Vec<String> = partners
            .iter()
            .flat_map(|p| [p.name.clone()].into_iter().chain(p.aliases.clone()))
            .map(|n| fold(&n))
            .collect();
        let terms = ["colle", "cnfpt", "reseau", "agnce", "ugap", "fonction", "eco", "mtrple"];
        let pairs: Vec<(&String, &str)> =
            names.iter().flat_map(|n| terms.iter().map(move |t| (n, *t))).collect();
        let forward: Vec<_> = pairs.iter().map(|(n, t)| skim_positions(n, t)).collect();
        let mut backward: Vec<_> = pairs.iter().rev().map(|(n, t)| skim_positions(n, t)).collect();
        backward.reverse();
        assert_eq!(forward, backward);
        assert!(forward.iter().filter(|f| f.is_some()).count() > 20, "the matcher finds some");
        // The thread's matcher answers as a new one would, whatever came before: over pairs
        // in a random order, terms made of the names' letters (with letters side by side
        // twice, which read what the matrix holds), short texts and long.
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            usize::try_from(seed % n.max(1) as u64).unwrap_or(0)
        };
        let texts: Vec<String> = names
            .iter()
            .cloned()
            .chain(["a", "ab", "ss", "x y", "llama"].map(String::from))
            .collect();
        let mut found = 0;
        for _ in 0..20_000 {
            let text = &texts[next(texts.len())];
            let source = &texts[next(texts.len())];
            let letters: Vec<char> = source.chars().filter(|c| c.is_alphanumeric()).collect();
            let from = next(letters.len());
            let term: String = (0..=next(6))
                .map(|k| letters.get((from + k / 2 + next(3)) % letters.len().max(1)))
                .map(|c| c.copied().unwrap_or('a'))
                .collect();
            let fresh = SkimMatcherV2::default().ignore_case().fuzzy_indices(text, &term);
            let reused = skim(text, &term);
            found += usize::from(fresh.is_some());
            assert_eq!(reused, fresh, "{term:?} in {text:?}");
        }
        assert!(found > 2_000, "the matcher found {found}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        /// Every kind of character Skim V2 tells apart (start, capital, small letter, digit,
        /// hard and soft separators), with terms of the same letters in either case.
        #[test]
        fn the_ascii_port_answers_as_skim(
            text in "[a-cA-C0-2 /()|!'*.:@^`~_\\-]{0,28}",
            term in "[a-cA-C0-2 .-]{1,5}",
        ) {
            let fresh = SkimMatcherV2::default().ignore_case().fuzzy_indices(&text, &term);
            proptest::prop_assert_eq!(skim_ascii(text.as_bytes(), term.as_bytes()), fresh);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(8192))]
        /// What the search keeps between keystrokes rests on it: where a term's letters are
        /// not even in order ([`Fuzzy::NorLonger`]), no term it starts is found, nor passes
        /// the cheap test. Texts of few letters and separators (ASCII or not, short or over
        /// the cheap test's 128 bytes), terms grown by any letter, accented or not.
        #[test]
        fn no_longer_term_is_found_where_its_start_is_not_in_order(
            text in "[abcé -]{0,24}",
            repeat in 1usize..8,
            term in "[abc]{1,4}",
            more in "[abcé0-]{1,3}",
        ) {
            let text = text.repeat(repeat);
            let longer = format!("{term}{more}");
            if fuzzy(&text, &term) == Fuzzy::NorLonger {
                proptest::prop_assert_eq!(fuzzy(&text, &longer), Fuzzy::NorLonger, "{}", longer);
            }
            if may_be_credible(&text, &longer) {
                proptest::prop_assert!(may_be_credible(&text, &term), "{} in {:?}", term, text);
            }
        }
    }

    #[test]
    fn the_ascii_port_answers_as_skim_over_any_ascii_and_long_texts() {
        // Every ASCII byte (NUL, controls, capitals, every punctuation), texts of hundreds of
        // bytes with terms of dozens, where scores run far below zero.
        let mut seed = 0x1234_5678_9abc_def1u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            usize::try_from(seed % n.max(1) as u64).unwrap_or(0)
        };
        let few = b"abAB0 -_.(/";
        let mut found = 0;
        for round in 0..4_000 {
            let long = round % 40 == 0;
            let any = round % 3 == 0;
            let text_len = if long { 100 + next(600) } else { next(40) };
            let term_len = 1 + if long { next(30) } else { next(8) };
            let mut byte = || {
                if any { u8::try_from(next(128)).unwrap_or(0) } else { few[next(few.len())] }
            };
            let text: Vec<u8> = (0..text_len).map(|_| byte()).collect();
            let term: Vec<u8> = (0..term_len).map(|_| byte()).collect();
            let (text_str, term_str) =
                (String::from_utf8_lossy(&text), String::from_utf8_lossy(&term));
            let fresh = SkimMatcherV2::default().ignore_case().fuzzy_indices(&text_str, &term_str);
            found += usize::from(fresh.is_some());
            assert_eq!(skim_ascii(&text, &term), fresh, "{term_str:?} in {text_str:?}");
        }
        assert!(found > 500, "the matcher found {found}");
    }

    #[test]
    fn the_ascii_port_answers_as_skim_in_the_partners() {
        let partners = crate::dataset::bundled().expect("the bundled dataset").partners;
        let fields: Vec<String> = partners
            .iter()
            .flat_map(|p| {
                [p.name.clone()].into_iter().chain(p.acronym.clone()).chain(p.aliases.clone())
            })
            .map(|n| fold(&n))
            .filter(|n| n.is_ascii())
            .collect();
        let terms = ["cnf", "cnfpt", "soc", "reseau", "agnce", "ugap", "eco", "mtrple", "fn", "aa"];
        let mut found = 0;
        for field in &fields {
            // And the initials of its words, as an acronym is typed.
            let initials: String = field.split(' ').filter_map(|w| w.chars().next()).collect();
            for term in terms.into_iter().chain([initials.as_str()]) {
                let fresh = SkimMatcherV2::default().ignore_case().fuzzy_indices(field, term);
                found += usize::from(fresh.is_some());
                assert_eq!(
                    skim_ascii(field.as_bytes(), term.as_bytes()),
                    fresh,
                    "{term} in {field}"
                );
            }
        }
        assert!(fields.len() > 60 && found > 200, "{} fields, {found} found", fields.len());
    }

    #[test]
    fn scattered_fuzzy_hits_are_refused() {
        let long = fold("Conseil International pour les Initiatives Ecologiques Locales");
        assert!(fuzzy_positions(&long, "seoul").is_none());
        assert!(fuzzy_positions("bordeaux metropole", "bordaux").is_some());
        assert!(
            fuzzy_positions("centre national de la fonction publique territoriale", "cnfpt")
                .is_some()
        );
    }

    #[test]
    fn the_cheap_test_never_refuses_what_the_matcher_finds() {
        let names = [
            "centre national de la fonction publique territoriale",
            "cnfpt",
            "bordeaux metropole",
            "union des groupements d'achats publics",
            "france urbaine, the association of the big cities",
            "l'economie sociale et solidaire",
            "reseau grand ouest commande publique durable",
            "seoul",
        ];
        let letters: Vec<char> = "cnfptbordeaxmlsuigé".chars().collect();
        let mut found = 0;
        for a in &letters {
            for b in &letters {
                for c in &letters {
                    let term: String = [a, b, c].into_iter().collect();
                    for name in names {
                        if skim_positions(name, &term).is_some() {
                            found += 1;
                            assert!(may_be_credible(name, &term), "{term} in {name}");
                            let gate = FuzzyGate::of(&term);
                            assert!(gate.admits(&Shorts::of([name])), "{term} in {name}");
                            let among = Shorts::of(["x", name, "e-a"]);
                            assert!(gate.admits(&among), "{term} in {name}, among others");
                        }
                    }
                }
            }
        }
        assert!(found > 100, "the matcher found {found}");
        assert!(!may_be_credible("bordeaux metropole", "ordx"), "no word starts with o+rd..x");
        assert!(!may_be_credible("conseil general", "cnl"), "two runs start inside words");
        assert!(may_be_credible("conseil infra", "cnf"), "c, then nf inside a word");
        assert!(may_be_credible("conseil national", "cnl"), "c, n, then l inside");
        // The letters' bits: the pairs side by side and the word starts, over all the fields.
        let admits = |term: &str, fields: &[&str]| {
            FuzzyGate::of(term).admits(&Shorts::of(fields.iter().copied()))
        };
        assert!(!admits("csl", &["conseil general"]), "two letters neither start nor follow");
        assert!(admits("csl", &["conseil general", "lyon"]), "l starts a word in another field");
        assert!(admits("cnfpt", &["cnfpt"]), "every letter after the one before");
        assert!(admits("cnfpt", &["centre national de la fonction publique territoriale"]));
        assert!(!admits("cnfpt", &["centre d'information des partenaires"]), "n, f: neither");
        assert!(admits("cnfp", &["centre d'information des partenaires"]), "n alone strays");
        assert!(!admits("ordx", &["bordeaux metropole"]), "no word starts with o");
        assert!(admits("o-dx", &["bordeaux metropole", "o"]), "not only letters: no pairs");
    }

    #[test]
    fn the_cheap_test_never_refuses_what_the_matcher_finds_in_the_partners() {
        // Terms made of each name's letters (most of them in order), over every name and
        // alias: whatever the matcher finds credible, the cheap test lets through.
        let partners = crate::dataset::bundled().expect("the bundled dataset").partners;
        let names: Vec<String> = partners
            .iter()
            .flat_map(|p| {
                [p.name.clone()].into_iter().chain(p.acronym.clone()).chain(p.aliases.clone())
            })
            .map(|n| fold(&n))
            .collect();
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            usize::try_from(seed % n as u64).unwrap_or(0)
        };
        let (mut found, mut refused, mut gated) = (0, 0, 0);
        for name in &names {
            let letters: Vec<char> = name.chars().filter(|c| c.is_alphanumeric()).collect();
            for _ in 0..400 {
                let len = 2 + next(5);
                let mut term = String::new();
                let mut from = next(letters.len().max(1));
                for _ in 0..len {
                    // Mostly the next letters of the name, at times any of them.
                    from = if next(4) == 0 { next(letters.len()) } else { from + 1 + next(6) };
                    term.extend(letters.get(from % letters.len().max(1)));
                }
                let credible = may_be_credible(name, &term);
                let admitted = FuzzyGate::of(&term).admits(&Shorts::of([name.as_str()]));
                if skim_positions(name, &term).is_some() {
                    found += 1;
                    assert!(credible && admitted, "{term} in {name}");
                } else {
                    refused += usize::from(!credible);
                    gated += usize::from(!admitted);
                }
            }
        }
        assert!(found > 1_000 && refused > 1_000, "found {found}, refused {refused}");
        assert!(gated > 500, "the letters' bits refused {gated}");
    }
}
