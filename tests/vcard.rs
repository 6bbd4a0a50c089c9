//! `partners export --format vcf`: read back with a small vCard parser (unfolding,
//! unescaping), every field round-trips, notes with commas, semicolons, new lines, accents and
//! emoji included; lines end in CRLF and are folded at 75 octets between characters.

#[path = "common/extras.rs"]
mod extras;

use std::collections::BTreeMap;

use extras::{Home, NOTE, bundled, contacts};
use partners::catalog::Catalog;
use partners::export::{ExportFormat, export};
use partners::store::{Change, Store};
use partners::vcard::{self, Contact};

/// One property: its name, its parameters as written, its raw value.
#[derive(Debug)]
struct Property {
    name: String,
    params: String,
    value: String,
}

/// The cards of a vCard stream, each a list of properties; checks line endings and lengths.
fn parse(text: &str) -> Vec<Vec<Property>> {
    assert!(text.ends_with("\r\n"), "ends with CRLF");
    assert!(!text.replace("\r\n", "").contains(['\r', '\n']), "bare CR or LF in {text:?}");
    for physical in text.split("\r\n") {
        assert!(physical.len() <= 75, "{} octets: {physical:?}", physical.len());
    }
    let unfolded = text.replace("\r\n ", "").replace("\r\n\t", "");
    let mut cards = Vec::new();
    let mut card: Option<Vec<Property>> = None;
    for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
        let (head, value) = line.split_once(':').unwrap_or_else(|| panic!("no colon: {line}"));
        let (name, params) = head.split_once(';').unwrap_or((head, ""));
        match (name, value) {
            ("BEGIN", "VCARD") => card = Some(Vec::new()),
            ("END", "VCARD") => cards.push(card.take().expect("END after BEGIN")),
            _ => card.as_mut().expect("a property inside a card").push(Property {
                name: name.to_owned(),
                params: params.to_owned(),
                value: value.to_owned(),
            }),
        }
    }
    assert!(card.is_none(), "unterminated card");
    cards
}

/// Splits a value at unescaped `separator`s and unescapes each piece (RFC 6350 §3.4).
fn split_unescape(value: &str, separator: char) -> Vec<String> {
    let mut pieces = vec![String::new()];
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        let last = pieces.last_mut().expect("one piece");
        match c {
            '\\' => match chars.next().expect("escape followed by a character") {
                'n' | 'N' => last.push('\n'),
                other @ ('\\' | ',' | ';') => last.push(other),
                other => panic!("unknown escape \\{other}"),
            },
            c if c == separator => pieces.push(String::new()),
            c => last.push(c),
        }
    }
    pieces
}

fn unescape(value: &str) -> String {
    let pieces = split_unescape(value, '\u{0}');
    assert_eq!(pieces.len(), 1);
    pieces.into_iter().next().unwrap_or_default()
}

/// The properties of one card by name (each name once, but for the checks below).
fn by_name(card: &[Property]) -> BTreeMap<&str, &Property> {
    card.iter().map(|p| (p.name.as_str(), p)).collect()
}

#[test]
fn the_parser_itself() {
    assert_eq!(split_unescape("a\\,b,c\\;d\\nē\\\\", ','), vec!["a,b", "c;d\nē\\"]);
    let cards = parse("BEGIN:VCARD\r\nNOTE:ab\r\n c\r\nEND:VCARD\r\n");
    assert_eq!(cards[0][0].value, "abc");
}

#[test]
fn every_field_round_trips() {
    let catalog = contacts();
    let index = catalog.position("reseau").expect("reseau");
    let partner = &catalog.partners()[index];
    let cards = parse(&vcard::vcard(&Contact::of(partner, Some(NOTE))));
    assert_eq!(cards.len(), 1);
    let card = by_name(&cards[0]);
    assert_eq!(card["VERSION"].value, "3.0");
    assert_eq!(unescape(&card["FN"].value), partner.name);
    assert_eq!(split_unescape(&card["ORG"].value, ';'), vec![partner.name.clone()]);
    assert_eq!(unescape(&card["NICKNAME"].value), "RANE");
    assert_eq!(
        split_unescape(&card["CATEGORIES"].value, ','),
        vec!["Business network", "Public procurement", "Social and solidarity economy"]
    );
    let adr = split_unescape(&card["ADR"].value, ';');
    assert_eq!(adr.len(), 7, "{adr:?}");
    assert_eq!(adr[3], "Lille, Hauts-de-France");
    assert_eq!(card["URL"].value, "https://reseau-achats.example.org/about");
    assert_eq!(unescape(&card["EMAIL"].value), "contact@reseau-achats.example.org");
    assert_eq!(unescape(&card["TEL"].value), "+33 3 20 00 00 00");
    assert_eq!(unescape(&card["NOTE"].value), NOTE);
    assert_eq!(unescape(&card["UID"].value), "partners:reseau");
    assert!(card["TEL"].params.contains("WORK"));
}

/// A country is ADR's country-name, not its locality (RFC 6350 §6.3.1): "France" was a
/// town called France in address books. Only what the text makes certain is split.
#[test]
fn the_bundled_locations_fill_locality_and_country() {
    let catalog = bundled();
    let adr = |id: &str| {
        let partner = &catalog.partners()[catalog.position(id).expect(id)];
        let cards = parse(&vcard::vcard(&Contact::of(partner, None)));
        split_unescape(&by_name(&cards[0])["ADR"].value, ';')
    };
    let parts = |adr: Vec<String>| (adr[3].clone(), adr[6].clone());
    assert_eq!(parts(adr("ugap")), (String::new(), "France".into()));
    assert_eq!(parts(adr("european-commission")), ("Brussels".into(), "Belgium".into()));
    assert_eq!(parts(adr("gsef")), ("Bordeaux".into(), "France".into()));
    assert_eq!(parts(adr("bordeaux")), ("Bordeaux, Gironde".into(), String::new()));
    assert_eq!(parts(adr("amif")), ("Île-de-France".into(), String::new()));
    assert_eq!(adr("ugap").len(), 7);
}

#[test]
fn long_values_fold_between_characters() {
    let catalog = contacts();
    let index = catalog.position("tiny").expect("tiny");
    let note = "Ééé 🎉 ".repeat(40);
    let text = vcard::vcard(&Contact::of(&catalog.partners()[index], Some(&note)));
    // parse() checks every physical line; the note must come back whole.
    let cards = parse(&text);
    assert_eq!(unescape(&by_name(&cards[0])["NOTE"].value), note);
}

#[test]
fn a_partner_without_optional_fields_has_no_empty_properties() {
    let catalog = bundled();
    let index = catalog.position("bordeaux").expect("bordeaux");
    let cards = parse(&vcard::vcard(&Contact::of(&catalog.partners()[index], None)));
    let card = by_name(&cards[0]);
    for absent in ["NICKNAME", "URL", "EMAIL", "TEL", "NOTE"] {
        assert!(!card.contains_key(absent), "{absent} in {:?}", cards[0]);
    }
    assert_eq!(unescape(&card["FN"].value), "City of Bordeaux");
}

fn export_all(catalog: &Catalog, store: Option<&Store>) -> String {
    let chosen: Vec<usize> = (0..catalog.partners().len()).collect();
    vcf(catalog, store, &chosen)
}

fn vcf(catalog: &Catalog, store: Option<&Store>, chosen: &[usize]) -> String {
    let mut out = Vec::new();
    export(catalog, store, chosen, &[], ExportFormat::Vcf, None, &mut out).expect("exports");
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn export_writes_one_card_a_partner_with_the_users_notes() {
    let home = tempfile::TempDir::new().expect("a temporary folder");
    let mut store = Store::open(home.path()).expect("a store");
    store.apply(Change::Note { id: "reseau".into(), text: Some(NOTE.into()) }).expect("saved");
    let catalog = contacts();
    let cards = parse(&export_all(&catalog, Some(&store)));
    assert_eq!(cards.len(), 2);
    let notes: Vec<Option<String>> =
        cards.iter().map(|c| by_name(c).get("NOTE").map(|p| unescape(&p.value))).collect();
    assert_eq!(notes, vec![None, Some(NOTE.to_owned())]);
    assert_eq!(parse(&export_all(&bundled(), None)).len(), bundled().partners().len());
}

#[test]
fn export_gives_your_own_aliases_as_nicknames() {
    let home = tempfile::TempDir::new().expect("a temporary folder");
    let mut store = Store::open(home.path()).expect("a store");
    let add = vec!["la centrale, d'achat; bis".to_owned(), "Zoë's".to_owned()];
    store.apply(Change::Aliases { id: "cnfpt".into(), add, remove: vec![] }).expect("saved");
    let catalog = bundled();
    let chosen = [catalog.position("cnfpt").expect("cnfpt is bundled")];
    let text = vcf(&catalog, Some(&store), &chosen);
    let cards = parse(&text);
    let nicknames = split_unescape(&by_name(&cards[0])["NICKNAME"].value, ',');
    assert_eq!(nicknames, ["CNFPT", "la centrale, d'achat; bis", "Zoë's"]);
}

#[test]
fn export_from_the_command_line_keeps_the_mark_filters() {
    let home = Home::new();
    let file = home.contacts_file();
    let data = file.to_str().expect("UTF-8 path");
    home.ok(&["--data", data, "note", "reseau", NOTE]);
    let all = home.ok(&["--data", data, "export", "--format", "vcf"]);
    assert_eq!(parse(&all).len(), 2);
    let noted = home.ok(&["--data", data, "export", "--format", "vcf", "--noted"]);
    let cards = parse(&noted);
    assert_eq!(cards.len(), 1);
    assert_eq!(unescape(&by_name(&cards[0])["NOTE"].value), NOTE);
    assert!(home.ok(&["--data", data, "export", "--format", "vcf", "--starred"]).is_empty());
}

/// Whether `text` holds anything that could drive a terminal, CRLF line ends aside.
fn has_raw_control(text: &str) -> bool {
    let text = text.replace("\r\n", "\n");
    text.chars().any(|c| c != '\n' && (c.is_control() || partners::text::is_bidi_control(c)))
}

#[test]
fn hostile_data_neither_injects_properties_nor_drives_a_terminal() {
    // Unchecked, as a hand-made or future file could be.
    let source = "(partners: [(id: \"evil\", name: \"Evil\\r\\nEMAIL:leak@evil.example\\u{1b}[2J\", \
                  kind: Media, scope: Local, description: \"d\", \
                  website: \"https://evil.example/\\r\\nTEL:123\", \
                  phone: \"1\\u{202E}2\\u{7}\")])";
    let dataset = partners::dataset::parse_syntax(source, std::path::Path::new("evil.ron"))
        .unwrap_or_else(|e| panic!("{e}"));
    let catalog = Catalog::from_partners(
        dataset.partners,
        vec![partners::catalog::Source::File("evil.ron".into())],
        Vec::new(),
    );
    let note = "\u{1b}]52;c;aGVsbG8=\u{7}\u{202E}x\rover\nEND:VCARD\nline two";
    let text = vcard::vcard(&Contact::of(&catalog.partners()[0], Some(note)));
    assert!(!has_raw_control(&text), "{text:?}");
    let cards = parse(&text);
    assert_eq!(cards.len(), 1, "{text}");
    let names: Vec<&str> = cards[0].iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names.iter().filter(|n| **n == "EMAIL").count(), 0, "{names:?}");
    assert_eq!(names.iter().filter(|n| **n == "TEL").count(), 1, "{names:?}");
    let card = by_name(&cards[0]);
    assert!(unescape(&card["NOTE"].value).ends_with("over\nEND:VCARD\nline two"));
}

#[test]
fn a_blank_acronym_is_no_nickname() {
    let source = "(partners: [(id: \"one\", name: \"One\", acronym: \" \", kind: Media, \
                  scope: Local, description: \"x\")])";
    let dataset = partners::dataset::parse(source, std::path::Path::new("x.ron"));
    let partner = &dataset.expect("a blank acronym is allowed").partners[0];
    let cards = parse(&vcard::vcard(&Contact::of(partner, None)));
    // An empty NICKNAME, or one of a space, is a nickname of nothing in an address book.
    assert!(!by_name(&cards[0]).contains_key("NICKNAME"), "{:?}", cards[0]);
}
