//! The bilingual glossary (groups of equivalent French and English terms) and the rules that
//! forgive how people type: French elision, plural and feminine endings, stop words.
//!
//! Owns what "the same term" means across languages and inflections. It knows nothing of
//! partners nor of the index; terms are folded with [`fold`].

use std::collections::{HashMap, HashSet};

use serde::Deserialize;

use super::fold::fold;

/// The glossary that comes with the program (`assets/glossary.ron`).
const BUNDLED: &str = include_str!("../../assets/glossary.ron");

/// Words a query may hold that need not match when the rest of it does.
const STOP_WORDS: &[&str] = &[
    "de", "des", "la", "le", "les", "et", "du", "d'", "l'", "of", "the", "and", "pour", "en", "au",
    "aux", "for", "to", "a", "une", "sur", "dans", "par", "entre", "avec", "leur", "leurs",
    "aupres", "ou", "chez", "vers", "an", "in", "on", "with", "by", "or", "at",
];

/// French elided articles and pronouns, folded: `d'emploi` is looked for as `emploi`.
const ELISIONS: &[&str] = &["d'", "l'", "qu'", "j'", "n'", "s'", "c'", "m'", "t'"];

/// One group of the glossary file: terms in French and in English that mean the same thing.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct GlossaryGroup {
    /// French terms.
    pub fr: Vec<String>,
    /// English terms.
    pub en: Vec<String>,
}

/// A term of the glossary, ready to be looked for: its words, folded, without stop words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct GlossaryTerm {
    pub(super) words: Vec<String>,
}

/// Groups of equivalent terms, found by the key of any of their terms (its words folded,
/// stemmed and without hyphens, stop words aside).
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    groups: Vec<Vec<GlossaryTerm>>,
    by_key: HashMap<String, Vec<usize>>,
    /// How many words the longest term has, for phrase lookups.
    longest: usize,
    /// The terms written in capitals ("ESS", "PME", "UE"), folded: acronyms.
    acronyms: HashSet<String>,
}

/// Why a glossary file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum GlossaryError {
    /// Not RON of the expected shape.
    #[error("the glossary is not a list of (fr: [...], en: [...]) groups: {0}")]
    Syntax(#[from] ron::error::SpannedError),
    /// A group lacks one language or holds an empty term.
    #[error("{}", crate::i18n::fill(crate::i18n::data().glossary_group, &[number, first, problem]))]
    Group {
        /// 1-based position of the group.
        number: usize,
        /// Its first term, to find it.
        first: String,
        /// What is wrong.
        problem: &'static str,
    },
}

impl Glossary {
    /// The bundled glossary (checked by the tests, so it always loads).
    pub fn bundled() -> Glossary {
        Glossary::parse(BUNDLED).unwrap_or_default()
    }

    /// Reads a glossary file: a RON list of `(fr: [...], en: [...])` groups, each with both
    /// languages and no empty term.
    pub fn parse(text: &str) -> Result<Glossary, GlossaryError> {
        let groups: Vec<GlossaryGroup> = ron::from_str(text)?;
        let mut glossary = Glossary::default();
        glossary.add(&groups)?;
        Ok(glossary)
    }

    /// Adds groups (a user's, over the bundled ones).
    pub fn add(&mut self, groups: &[GlossaryGroup]) -> Result<(), GlossaryError> {
        for (n, group) in groups.iter().enumerate() {
            let problem = if group.fr.is_empty() || group.en.is_empty() {
                Some(crate::i18n::data().glossary_language)
            } else if group.fr.iter().chain(&group.en).any(|t| words(t).is_empty()) {
                Some(crate::i18n::data().glossary_empty_term)
            } else {
                None
            };
            if let Some(problem) = problem {
                let first = group.fr.iter().chain(&group.en).next().cloned().unwrap_or_default();
                return Err(GlossaryError::Group { number: n + 1, first, problem });
            }
            let at = self.groups.len();
            let mut terms: Vec<GlossaryTerm> = Vec::new();
            for term in group.fr.iter().chain(&group.en) {
                if term.chars().count() >= 2 && term.chars().all(|c| c.is_ascii_uppercase()) {
                    self.acronyms.insert(fold(term));
                }
                let words = words(term);
                let key = key_of(&words);
                self.longest = self.longest.max(words.len());
                let ids = self.by_key.entry(key).or_default();
                if !ids.contains(&at) {
                    ids.push(at);
                }
                if !terms.iter().any(|t| t.words == words) {
                    terms.push(GlossaryTerm { words });
                }
            }
            self.groups.push(terms);
        }
        Ok(())
    }

    /// Adds another glossary's groups to these.
    pub fn extend(&mut self, other: Glossary) {
        let offset = self.groups.len();
        for (key, ids) in other.by_key {
            let mine = self.by_key.entry(key).or_default();
            mine.extend(ids.into_iter().map(|id| id + offset));
        }
        self.groups.extend(other.groups);
        self.longest = self.longest.max(other.longest);
        self.acronyms.extend(other.acronyms);
    }

    /// Whether a folded word is a one-word term of the glossary, as its lookups find one
    /// (inflections too): a word with a meaning of its own, which a longer word holding it need not share
    /// ("formation" in "information", "emploi" in "réemploi").
    pub(super) fn is_word(&self, word: &str) -> bool {
        self.by_key.contains_key(&key_of(&[word.to_owned()]))
    }

    /// Whether a folded word is one of the glossary's acronyms: a term written in capitals.
    pub(super) fn is_acronym(&self, word: &str) -> bool {
        self.acronyms.contains(word)
    }

    /// How many groups it holds.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// Whether it holds no group.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The longest term, in words.
    pub(super) fn longest(&self) -> usize {
        self.longest
    }

    /// The terms equivalent to the phrase of these folded words (other than the phrase itself).
    pub(super) fn equivalents(&self, phrase: &[&str]) -> Vec<&GlossaryTerm> {
        let words: Vec<String> = phrase
            .iter()
            .map(|w| strip_elision(w))
            .filter(|w| !is_stop_word(w))
            .map(str::to_owned)
            .collect();
        if words.is_empty() {
            return Vec::new();
        }
        let key = key_of(&words);
        let mut out: Vec<&GlossaryTerm> = Vec::new();
        for &group in self.by_key.get(&key).map_or(&[][..], Vec::as_slice) {
            for term in &self.groups[group] {
                if term.words != words && !out.contains(&term) {
                    out.push(term);
                }
            }
        }
        out
    }
}

/// The words of a term, folded, without elided articles nor stop words.
fn words(term: &str) -> Vec<String> {
    fold(term)
        .split_whitespace()
        .map(strip_elision)
        .filter(|w| !w.is_empty() && !is_stop_word(w))
        .map(str::to_owned)
        .collect()
}

/// The lookup key of a term's words: each word stemmed and without hyphens.
fn key_of(words: &[String]) -> String {
    let stems: Vec<String> = words.iter().map(|w| stem(&w.replace(['-', '.'], ""))).collect();
    stems.join(" ")
}

/// Whether a folded query word need not match.
pub(super) fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(&word)
}

/// A folded word without its French elided article (`d'emploi` → `emploi`).
pub(super) fn strip_elision(word: &str) -> &str {
    ELISIONS
        .iter()
        .find_map(|e| word.strip_prefix(e).filter(|rest| !rest.is_empty()))
        .unwrap_or(word)
}

/// A folded word without its plural and feminine endings (French and English), so that
/// `territoriaux`, `territoriale` and `territorial` share one stem.
pub(super) fn stem(word: &str) -> String {
    if word.chars().count() < 4 || !word.is_ascii() {
        return word.to_owned();
    }
    let mut w = word.to_owned();
    for (ending, replacement) in [("eaux", "eau"), ("aux", "al"), ("ies", "y")] {
        if let Some(base) = w.strip_suffix(ending) {
            return format!("{base}{replacement}");
        }
    }
    if (w.ends_with('s') || w.ends_with('x')) && !w.ends_with("ss") {
        w.pop();
    }
    for (ending, replacement) in
        [("ique", "ic"), ("enne", "en"), ("elle", "el"), ("ale", "al"), ("ive", "if"), ("ee", "e")]
    {
        if let Some(base) = w.strip_suffix(ending) {
            return format!("{base}{replacement}");
        }
    }
    // Feminines of nouns of agents and of words in -in and -er (conseillère), from 7
    // letters: shorter words so ending are mostly other words ("line", "engine", "sphere").
    if w.len() >= 7 {
        for (ending, replacement) in
            [("trice", "teur"), ("euse", "eur"), ("ine", "in"), ("ere", "er")]
        {
            if let Some(base) = w.strip_suffix(ending) {
                return format!("{base}{replacement}");
            }
        }
    }
    w
}

/// Other spellings of a folded word to look for at the start of a word: its stem and the
/// irregular plurals and feminines of that stem (`city` → `cities`, `public` → `publique`).
/// Forms of which `word` is a prefix are left out: the word itself finds them.
pub(super) fn inflections(word: &str) -> Vec<String> {
    let mut forms = spellings(word);
    forms.retain(|f| !f.starts_with(word));
    forms
}

/// [`inflections`] to look for as whole words (a glossary equivalent), with those `word` is a
/// prefix of: "europeen" is no whole word of "européenne". And the plural of a word of four
/// letters, which the search takes as an ending only from five (see
/// [`super::matching::inflected`]): "towns" for "town".
pub(super) fn whole_inflections(word: &str) -> Vec<String> {
    let mut forms = spellings(word);
    if word.chars().count() == 4 && word.chars().all(char::is_alphabetic) {
        forms.push(format!("{word}s"));
    }
    forms.retain(|f| f != word);
    forms.dedup();
    forms
}

/// A word's stem and the irregular plurals and feminines of that stem.
fn spellings(word: &str) -> Vec<String> {
    let stem = stem(word);
    let mut forms = vec![stem.clone()];
    for (ending, others) in [
        ("al", &["aux"][..]),
        ("y", &["ies"]),
        ("ic", &["ique"]),
        ("en", &["enne"]),
        ("el", &["elle"]),
        ("eau", &["eaux"]),
        ("teur", &["trice"]),
        ("eur", &["euse"]),
    ] {
        if let Some(base) = stem.strip_suffix(ending) {
            forms.extend(others.iter().map(|o| format!("{base}{o}")));
        }
    }
    forms.retain(|f| f.len() >= 3);
    forms.dedup();
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_meet() {
        for (a, b) in [
            ("territoriaux", "territoriale"),
            ("territoriales", "territorial"),
            ("solidaires", "solidaire"),
            ("cities", "city"),
            ("publique", "public"),
            ("publics", "public"),
            ("europeenne", "europeen"),
            ("startups", "startup"),
            ("directrice", "directeur"),
            ("administratrices", "administrateurs"),
            ("acheteuse", "acheteur"),
            ("girondines", "girondin"),
            ("conseilleres", "conseillers"),
            ("financiere", "financier"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} {b}");
        }
        assert_eq!(strip_elision("d'emploi"), "emploi");
        assert_eq!(strip_elision("l'"), "l'");
        assert!(inflections("cities").contains(&"city".to_owned()));
        assert!(inflections("city").contains(&"cities".to_owned()));
        assert!(inflections("territorial").contains(&"territoriaux".to_owned()));
        assert!(inflections("directeur").contains(&"directrice".to_owned()));
        assert!(inflections("acheteurs").contains(&"acheteuse".to_owned()));
        assert!(!inflections("europeen").contains(&"europeenne".to_owned()));
        assert_eq!(whole_inflections("europeen"), ["europeenne"]);
        assert_eq!(whole_inflections("culturel"), ["culturelle"]);
        // Short words so ending are left alone.
        assert_eq!(stem("line"), "line");
        assert_eq!(stem("engine"), "engine");
    }

    #[test]
    fn bundled_glossary_is_well_formed() {
        let groups: Vec<GlossaryGroup> =
            ron::from_str(BUNDLED).unwrap_or_else(|e| panic!("assets/glossary.ron: {e}"));
        assert!(groups.len() >= 40);
        let mut glossary = Glossary::default();
        glossary.add(&groups).unwrap_or_else(|e| panic!("{e}"));
        let found = glossary.equivalents(&["marches", "publics"]);
        assert!(found.iter().any(|t| t.words == ["public", "procurement"]), "{found:?}");
    }

    #[test]
    fn a_group_needs_both_languages() {
        assert!(Glossary::parse(r#"[(fr: ["emploi"], en: [])]"#).is_err());
        assert!(Glossary::parse(r#"[(fr: ["de"], en: ["jobs"])]"#).is_err());
        assert!(Glossary::parse("[(fr: [\"emploi\"]").is_err());
    }
}
