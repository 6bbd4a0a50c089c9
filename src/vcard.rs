//! Partners as contacts: the [`Contact`] a partner makes (shared with the QR code's payload)
//! and the vCard 3.0 writer behind `partners export --format vcf`.
//!
//! vCard 3.0 (RFC 2426) rather than 4.0: every contacts app imports it (4.0 import is still
//! patchy on phones), and its text escaping is the one RFC 6350 describes. Lines end in CRLF
//! and are folded at 75 octets, never inside a UTF-8 character. This module does not print.

use std::fmt::Write as _;

use crate::catalog::Catalog;
use crate::dataset::Partner;
use crate::store::Store;
use crate::text::clean_document;

/// What a contact card says about a partner: its dataset fields and the user's note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    /// The partner's id (the vCard's UID, so a re-import updates rather than duplicates).
    pub id: String,
    /// The organisation's name.
    pub name: String,
    /// Its acronym.
    pub acronym: Option<String>,
    /// Its kind, in words.
    pub kind: &'static str,
    /// Its topics, in words.
    pub topics: Vec<&'static str>,
    /// Where it is.
    pub location: Option<String>,
    /// The start of its description.
    pub description: String,
    /// Its website.
    pub website: Option<String>,
    /// Its email address.
    pub email: Option<String>,
    /// Its phone number.
    pub phone: Option<String>,
    /// The user's note.
    pub note: Option<String>,
    /// The user's own aliases (nicknames after the acronym); none unless set.
    pub aliases: Vec<String>,
}

impl Contact {
    /// The contact of `partner`, with the user's `note`.
    pub fn of(partner: &Partner, note: Option<&str>) -> Contact {
        Contact {
            id: partner.id.clone(),
            name: partner.name.clone(),
            // A blank acronym is none: the QR code too would carry `NICKNAME:;` or `Name ()`.
            acronym: partner.acronym.clone().filter(|a| !crate::text::is_blank(a)),
            kind: partner.kind.label(),
            topics: partner.topics.iter().map(|t| t.label()).collect(),
            location: partner.location.clone(),
            description: partner.description.clone(),
            website: partner.website.clone(),
            email: partner.email.clone(),
            phone: partner.phone.clone(),
            note: note.map(str::to_owned),
            aliases: Vec::new(),
        }
    }

    /// Whether a phone could call, mail or visit it: then a card is worth saving as a contact.
    pub fn has_contact_fields(&self) -> bool {
        self.website.is_some() || self.email.is_some() || self.phone.is_some()
    }
}

/// A text value escaped as RFC 6350 (and 2426) say: backslash, comma and semicolon get a
/// backslash, line breaks become `\n`; other control characters become U+FFFD so no value can
/// start a property of its own or drive a terminal.
pub fn escape(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let mut out = String::with_capacity(text.len());
    // Tabs are text in a vCard value (RFC 6350's WSP); other controls are not.
    for c in clean_document(&text).chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// A URI value: not escaped (a `\,` would break the link) but, like text, kept on one line
/// with no control character.
fn uri(text: &str) -> String {
    crate::text::clean(text).into_owned()
}

/// Most octets on a line, CRLF not counted (RFC 6350 §3.2).
const FOLD_AT: usize = 75;

/// `line` folded for a vCard: every physical line at most 75 octets, continuations starting
/// with one space, cuts only between characters; each line ends in CRLF. An escape (`\,`,
/// `\n`) and a letter with its accent stay on one line: unfolding comes first by the RFC, but
/// an importer that unescapes or decodes each physical line would lose them.
pub fn fold(line: &str) -> String {
    use unicode_segmentation::UnicodeSegmentation as _;
    let mut out = String::with_capacity(line.len() + line.len() / FOLD_AT * 3 + 2);
    let mut used = 0;
    let mut push = |out: &mut String, unit: &str| {
        if used + unit.len() > FOLD_AT {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push_str(unit);
        used += unit.len();
    };
    let mut clusters = line.graphemes(true);
    while let Some(cluster) = clusters.next() {
        let escape;
        let unit = if cluster == "\\"
            && let Some(escaped) = clusters.next()
        {
            escape = format!("\\{escaped}");
            escape.as_str()
        } else {
            cluster
        };
        if unit.len() < FOLD_AT {
            push(&mut out, unit);
        } else {
            // Longer than a continuation holds (a letter under dozens of accents): between
            // its characters.
            let mut buffer = [0; 4];
            for c in unit.chars() {
                push(&mut out, c.encode_utf8(&mut buffer));
            }
        }
    }
    out.push_str("\r\n");
    out
}

/// The countries the bundled locations name, as they write them.
const COUNTRIES: [&str; 2] = ["France", "Belgium"];

/// A location as ADR's locality and country-name (RFC 6350 §6.3.1), split only where the text
/// is certain: a country of [`COUNTRIES`] alone, or after one comma (`Brussels, Belgium`).
/// Anything else (`Bordeaux, Gironde`, a region, a street) stays whole in the locality, as
/// before: a country filed as a city put partners in a town called France.
fn locality_and_country(location: &str) -> (&str, &str) {
    let location = location.trim();
    if COUNTRIES.contains(&location) {
        return ("", location);
    }
    match location.split_once(',') {
        Some((place, country)) if !country.contains(',') && !place.trim().is_empty() => {
            let (place, country) = (place.trim(), country.trim());
            if COUNTRIES.contains(&country) { (place, country) } else { (location, "") }
        }
        _ => (location, ""),
    }
}

/// One vCard 3.0 for `contact`.
///
/// The organisation is both FN and ORG, with an empty N (required by 3.0) and Apple's
/// `X-ABShowAs:COMPANY`, so address books file it as a company. The location is a work ADR
/// (see [`locality_and_country`]); the kind and topics are CATEGORIES; the user's note is the NOTE;
/// the acronym and the user's own aliases are NICKNAMEs.
pub fn vcard(contact: &Contact) -> String {
    let mut lines = vec![
        "BEGIN:VCARD".to_owned(),
        "VERSION:3.0".to_owned(),
        "N:;;;;".to_owned(),
        format!("FN:{}", escape(&contact.name)),
        format!("ORG:{}", escape(&contact.name)),
        "X-ABShowAs:COMPANY".to_owned(),
    ];
    let nicknames: Vec<String> = contact
        .acronym
        .iter()
        .chain(&contact.aliases)
        .filter(|n| !crate::text::is_blank(n))
        .map(|n| escape(n))
        .collect();
    if !nicknames.is_empty() {
        lines.push(format!("NICKNAME:{}", nicknames.join(",")));
    }
    let categories: Vec<String> =
        std::iter::once(contact.kind).chain(contact.topics.iter().copied()).map(escape).collect();
    lines.push(format!("CATEGORIES:{}", categories.join(",")));
    if let Some(location) = &contact.location {
        let (locality, country) = locality_and_country(location);
        lines.push(format!("ADR;TYPE=WORK:;;;{};;;{}", escape(locality), escape(country)));
    }
    if let Some(website) = &contact.website {
        lines.push(format!("URL:{}", uri(website)));
    }
    if let Some(email) = &contact.email {
        lines.push(format!("EMAIL;TYPE=INTERNET:{}", escape(email)));
    }
    if let Some(phone) = &contact.phone {
        lines.push(format!("TEL;TYPE=WORK,VOICE:{}", escape(phone)));
    }
    if let Some(note) = &contact.note {
        lines.push(format!("NOTE:{}", escape(note)));
    }
    lines.push(format!("UID:partners:{}", escape(&contact.id)));
    lines.push("END:VCARD".to_owned());
    lines.iter().map(|l| fold(l)).collect()
}

/// `partners export --format vcf`: one vCard per partner of `chosen`, with the user's notes
/// and own aliases.
pub fn export(catalog: &Catalog, store: Option<&Store>, chosen: &[usize]) -> String {
    let mut out = String::new();
    for &i in chosen {
        let Some(partner) = catalog.get(i) else { continue };
        let marks = store.and_then(|s| s.marks(&partner.id));
        let mut contact = Contact::of(partner, marks.and_then(|m| m.note.as_deref()));
        contact.aliases = marks.map(|m| m.aliases.clone()).unwrap_or_default();
        let _ = write!(out, "{}", vcard(&contact));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_country_is_the_country_name_only_where_the_text_is_certain() {
        assert_eq!(locality_and_country("France"), ("", "France"));
        assert_eq!(locality_and_country("Brussels, Belgium"), ("Brussels", "Belgium"));
        assert_eq!(locality_and_country(" Bordeaux ,  France "), ("Bordeaux", "France"));
        for whole in [
            "Bordeaux, Gironde",
            "Nouvelle-Aquitaine",
            "Île-de-France",
            "12 rue X, Lille, France",
            ", France",
            "France, Belgium, France",
            "Lyon",
            "Spain",
        ] {
            assert_eq!(locality_and_country(whole), (whole.trim(), ""), "{whole}");
        }
    }

    #[test]
    fn escapes_what_rfc_6350_lists() {
        assert_eq!(escape("a\\b, c; d\ne\r\nf"), "a\\\\b\\, c\\; d\\ne\\nf");
        assert_eq!(escape("bell\u{7} esc\u{1b}"), "bell\u{FFFD} esc\u{FFFD}");
        assert_eq!(escape("\ttab\tend\r\n"), "\ttab\tend\\n");
    }

    #[test]
    fn folds_at_75_octets_between_characters() {
        let line = format!("NOTE:{}", "é".repeat(100));
        let folded = fold(&line);
        for physical in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= FOLD_AT, "{} octets: {physical}", physical.len());
        }
        let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
        assert_eq!(fold("short"), "short\r\n");
    }

    #[test]
    fn folds_neither_inside_an_escape_nor_between_a_letter_and_its_accent() {
        for line in [format!("FN:A{}", "\\,".repeat(60)), format!("NOTE:{}", "e\u{301}".repeat(60))]
        {
            let folded = fold(&line);
            let physical: Vec<&str> = folded.split("\r\n").filter(|l| !l.is_empty()).collect();
            assert!(physical.len() > 1, "{folded}");
            for part in &physical {
                assert!(part.len() <= FOLD_AT, "{} octets: {part}", part.len());
                let backslashes = part.chars().rev().take_while(|&c| c == '\\').count();
                assert!(backslashes % 2 == 0, "an escape cut at the end of {part:?}");
                assert!(!part.starts_with(" \u{301}"), "an accent cut from its letter: {part:?}");
            }
            assert_eq!(folded.trim_end_matches("\r\n").replace("\r\n ", ""), line);
        }
        // A cluster longer than any line is still cut, between its characters.
        let zalgo = format!("NOTE:a{}", "\u{301}".repeat(100));
        assert!(fold(&zalgo).split("\r\n").all(|part| part.len() <= FOLD_AT));
    }
}
