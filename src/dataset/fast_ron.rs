//! A fast reader for the usual shape of a dataset file, `(partners: [(...), (...)])` with plain
//! strings: serde and ron read about 200 MB/s, this several times that, on every core.
//!
//! It never decides alone: a partner it does not fully understand (an escape in a string,
//! `Some(..)`, `None`, a block comment, an unknown or repeated field...) is read by ron, and a
//! file whose outer shape it does not recognise, or where ron finds an error, is read by ron as
//! a whole, so the result and every error are exactly ron's.

use rayon::prelude::*;

use super::validate::{has_control, names_something};
use super::{Fact, Kind, Partner, Relation, RelationKind, Scope, Topic, ron_options};

/// From this many partners, they are read on every core.
const PARALLEL_MIN: usize = 4096;

/// The partners of `source`, or `None` when ron must read the file itself.
pub(super) fn parse(source: &str) -> Option<Vec<Partner>> {
    let items = split(source)?;
    // Collected in place, in order (no chunks to append), then unwrapped in the same memory.
    let partners: Vec<Option<Partner>> = if items.len() >= PARALLEL_MIN {
        items.par_iter().map(|item| read_item(item)).collect()
    } else {
        items.iter().map(|item| read_item(item)).collect()
    };
    if partners.iter().any(Option::is_none) {
        return None;
    }
    Some(partners.into_iter().map_while(|partner| partner).collect())
}

/// One partner's text as this reader or else ron reads it; `None` if neither can. ron reads
/// it as the one element of a list, where the whole file has it: alone, it would be a
/// document, which may begin with `#![enable(…)]`, and no list element may.
pub(super) fn read_item(item: &str) -> Option<Partner> {
    read_partner(item).or_else(|| item_by_ron(item))
}

/// [`read_item`], for a partner whose texts follow validation's rules (no control character,
/// a name, a description and aliases that are not blank); `None` for any other. The texts of a
/// partner read here need no checking again.
pub(super) fn read_clean_item(item: &str) -> Option<Partner> {
    read_partner(item).or_else(|| item_by_ron(item).filter(Partner::texts_are_clean))
}

fn item_by_ron(item: &str) -> Option<Partner> {
    let mut one: Vec<Partner> = ron_options().from_str(&format!("[{item}]")).ok()?;
    (one.len() == 1).then(|| one.pop()).flatten()
}

/// The text of each partner of `(partners: [ ... ])`, found by following brackets, strings
/// and line comments; `None` for any other outer shape or anything unusual.
fn split(source: &str) -> Option<Vec<&str>> {
    let bytes = source.as_bytes();
    let mut at = list_start(bytes)?;
    let mut items = Vec::new();
    loop {
        at = skip(bytes, at)?;
        if bytes.get(at) == Some(&b']') {
            break;
        }
        let end = item_end(bytes, at)?;
        items.push(&source[at..end]);
        at = end + usize::from(bytes[end] == b',');
    }
    list_end(bytes, at)?;
    Some(items)
}

/// Where the items of `(partners: [` start; `None` for any other opening.
pub(super) fn list_start(bytes: &[u8]) -> Option<usize> {
    let expect = |at: usize, byte: u8| (bytes.get(at) == Some(&byte)).then_some(at + 1);
    let mut at = expect(skip(bytes, 0)?, b'(')?;
    at = skip(bytes, at)?;
    let name = bytes[at..].iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'_').count();
    (&bytes[at..at + name] == b"partners").then_some(())?;
    at += name;
    // `r#ident` and `Name(..)` forms are ron's.
    if matches!(bytes.get(at), Some(b'#' | b'"')) {
        return None;
    }
    at = expect(skip(bytes, at)?, b':')?;
    expect(skip(bytes, at)?, b'[')
}

/// Whether the list that closes at `at` (a `]`) ends the text the usual way: `])`, a comma
/// allowed between, white space and line comments after.
pub(super) fn list_end(bytes: &[u8], at: usize) -> Option<()> {
    let mut at = skip(bytes, at + 1)?;
    at += usize::from(bytes.get(at) == Some(&b','));
    at = skip(bytes, at)?;
    (bytes.get(at) == Some(&b')')).then_some(())?;
    (skip(bytes, at + 1)? == bytes.len()).then_some(())
}

/// Where the item that starts at `start` ends: at the `,` or `]` that follows it outside any
/// bracket or string. `None` for anything unusual, or when the text ends first.
pub(super) fn item_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut at = start;
    let mut depth = 0usize;
    loop {
        // Most bytes say nothing about structure: pass them quickly.
        while !STRUCTURE[usize::from(*bytes.get(at)?)] {
            at += 1;
        }
        match bytes[at] {
            b'(' | b'[' => depth += 1,
            b')' | b']' if depth > 0 => depth -= 1,
            b',' | b']' if depth == 0 => return Some(at),
            b',' => {}
            b'"' => {
                // `r"`, `b"`, `r#"`: raw or byte strings, left to ron.
                let before = at.checked_sub(1).map(|p| bytes[p]);
                if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'#') {
                    return None;
                }
                at = skip_string(bytes, at)?;
                continue;
            }
            b'/' => {
                at = skip(bytes, at)?;
                continue;
            }
            // A `)` closing the list early, chars, maps: left to ron.
            _ => return None,
        }
        at += 1;
    }
}

/// Past spaces, tabs, line breaks and line comments from `at`. Other white space and block
/// comments are left to ron (`None`).
pub(super) fn skip(bytes: &[u8], mut at: usize) -> Option<usize> {
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b' ' | b'\t' | b'\n' | b'\r' => at += 1,
            b'/' if bytes.get(at + 1) == Some(&b'/') => at = skip_comment(bytes, at)?,
            b'/' => return None,
            _ => break,
        }
    }
    Some(at)
}

/// Past the comment or the lone `/` at `at`; `None` when a block comment never closes
/// (block comments nest in RON). A line comment ends at a CR too: a lone one is a line break
/// (see `source::lone_cr_line_ends_made_lf`).
pub(super) fn skip_comment(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at + 1) {
        Some(b'/') => {
            Some(memchr::memchr2(b'\n', b'\r', &bytes[at..]).map_or(bytes.len(), |n| at + n))
        }
        Some(b'*') => {
            let (mut depth, mut at) = (1usize, at + 2);
            while depth > 0 {
                match (bytes.get(at)?, bytes.get(at + 1)) {
                    (b'/', Some(b'*')) => (depth, at) = (depth + 1, at + 2),
                    (b'*', Some(b'/')) => (depth, at) = (depth - 1, at + 2),
                    _ => at += 1,
                }
            }
            Some(at)
        }
        _ => Some(at + 1),
    }
}

/// The bytes [`split`] stops at.
const STRUCTURE: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = b"()[],\"/'{}";
    let mut n = 0;
    while n < bytes.len() {
        table[bytes[n] as usize] = true;
        n += 1;
    }
    table
};

/// The byte after the string that opens at `open`; `None` if it never closes.
pub(super) fn skip_string(bytes: &[u8], open: usize) -> Option<usize> {
    let mut at = open + 1;
    loop {
        at += memchr::memchr2(b'"', b'\\', bytes.get(at..)?)?;
        if bytes[at] == b'"' {
            return Some(at + 1);
        }
        // An escape: the byte after the backslash is never the closing quote.
        at += 2;
    }
}

/// Reads one partner written the usual way; `None` for anything else (ron then reads it),
/// and for texts that break validation's rules, which ron's partner is checked for.
fn read_partner(item: &str) -> Option<Partner> {
    let mut reader = Reader { text: item, at: 0 };
    let mut id = None;
    let mut name = None;
    let mut acronym = None;
    let mut aliases = None;
    let mut kind = None;
    let mut scope = None;
    let mut location = None;
    let mut topics = None;
    let mut description = None;
    let mut facts = None;
    let mut relations = None;
    let mut website = None;
    let mut email = None;
    let mut phone = None;
    let mut booth = None;
    reader.structure(|reader, field| match field {
        "id" => set(&mut id, reader.string()?),
        "name" => set(&mut name, reader.string()?),
        "acronym" => set(&mut acronym, reader.string()?),
        "aliases" => set(&mut aliases, reader.list(Reader::string)?),
        "kind" => set(&mut kind, Kind::from_ron_name(reader.ident()?)?),
        "scope" => set(&mut scope, Scope::from_ron_name(reader.ident()?)?),
        "location" => set(&mut location, reader.string()?),
        "topics" => set(&mut topics, reader.list(|r| Topic::from_ron_name(r.ident()?))?),
        "description" => set(&mut description, reader.string()?),
        "facts" => set(&mut facts, reader.list(read_fact)?),
        "relations" => set(&mut relations, reader.list(read_relation)?),
        "website" => set(&mut website, reader.string()?),
        "email" => set(&mut email, reader.string()?),
        "phone" => set(&mut phone, reader.string()?),
        "booth" => set(&mut booth, reader.string()?),
        _ => None,
    })?;
    reader.at_end()?.then_some(())?;
    let (name, description, aliases) = (name?, description?, aliases.unwrap_or_default());
    names_something(&name, &description, &aliases).then_some(())?;
    Some(Partner {
        id: id?,
        name,
        acronym,
        aliases,
        kind: kind?,
        scope: scope?,
        location,
        topics: topics.unwrap_or_default(),
        description,
        facts: facts.unwrap_or_default(),
        relations: relations.unwrap_or_default(),
        website,
        email,
        phone,
        booth,
    })
}

fn read_fact(reader: &mut Reader<'_>) -> Option<Fact> {
    let (mut label, mut value) = (None, None);
    reader.structure(|reader, field| match field {
        "label" => set(&mut label, reader.string()?),
        "value" => set(&mut value, reader.string()?),
        _ => None,
    })?;
    Some(Fact { label: label?, value: value? })
}

fn read_relation(reader: &mut Reader<'_>) -> Option<Relation> {
    let (mut kind, mut target, mut name, mut note) = (None, None, None, None);
    reader.structure(|reader, field| match field {
        "kind" => set(&mut kind, RelationKind::from_ron_name(reader.ident()?)?),
        "target" => set(&mut target, reader.string()?),
        "name" => set(&mut name, reader.string()?),
        "note" => set(&mut note, reader.string()?),
        _ => None,
    })?;
    Some(Relation { kind: kind?, target, name, note })
}

/// Sets a field read for the first time; a repeated field is left to ron (it refuses it).
fn set<T>(slot: &mut Option<T>, value: T) -> Option<()> {
    if slot.is_some() {
        return None;
    }
    *slot = Some(value);
    Some(())
}

/// A position in a text, moving forward over RON tokens; every method returns `None` on
/// anything it does not expect.
struct Reader<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    /// Skips spaces, tabs, line breaks and line comments (see [`skip`]).
    fn skip(&mut self) -> Option<()> {
        self.at = skip(self.text.as_bytes(), self.at)?;
        Some(())
    }

    /// Whether only white space is left.
    fn at_end(&mut self) -> Option<bool> {
        self.skip()?;
        Some(self.peek().is_none())
    }

    /// Whether `byte` comes next (after white space); consumes it if so.
    fn eat(&mut self, byte: u8) -> Option<bool> {
        self.skip()?;
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        Some(found)
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        self.eat(byte)?.then_some(())
    }

    /// An identifier: an ASCII letter or `_`, then letters, digits and `_`.
    fn ident(&mut self) -> Option<&'a str> {
        self.skip()?;
        let bytes = self.text.as_bytes();
        let start = self.at;
        if !bytes.get(start).is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_') {
            return None;
        }
        let len =
            bytes[start..].iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'_').count();
        self.at = start + len;
        // `r#ident` and `Name(..)` forms are ron's.
        if matches!(self.peek(), Some(b'#' | b'"')) {
            return None;
        }
        Some(&self.text[start..self.at])
    }

    /// A string without escapes or control characters.
    fn string(&mut self) -> Option<String> {
        self.expect(b'"')?;
        let bytes = self.text.as_bytes();
        let start = self.at;
        let len = memchr::memchr2(b'"', b'\\', &bytes[start..])?;
        let content = &self.text[start..start + len];
        if bytes[start + len] != b'"' || has_control(content) {
            return None;
        }
        self.at = start + len + 1;
        Some(content.to_owned())
    }

    /// `[item, item, ...]`, a trailing comma allowed.
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        self.expect(b'[')?;
        let mut items = Vec::new();
        loop {
            if self.eat(b']')? {
                return Some(items);
            }
            items.push(item(self)?);
            if !self.eat(b',')? && self.peek() != Some(b']') {
                return None;
            }
        }
    }

    /// `(field: value, ...)`, a trailing comma allowed; `field` reads each value.
    fn structure(&mut self, mut field: impl FnMut(&mut Self, &str) -> Option<()>) -> Option<()> {
        self.expect(b'(')?;
        loop {
            if self.eat(b')')? {
                return Some(());
            }
            let name = self.ident()?;
            self.expect(b':')?;
            field(self, name)?;
            if !self.eat(b',')? && self.peek() != Some(b')') {
                return None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::dataset::{BUNDLED_SOURCE, Dataset};

    fn by_ron(source: &str) -> Option<Vec<Partner>> {
        ron_options().from_str::<Dataset>(source).ok().map(|d| d.partners)
    }

    /// Whatever the fast reader returns, ron reads the same.
    fn agrees(source: &str) {
        if let Some(fast) = parse(source) {
            assert_eq!(Some(fast), by_ron(source), "{source}");
        }
    }

    const TWO: &str = r#"(partners: [
    (
        id: "one",
        name: "Bordeaux Métropole (BM) [x], y",
        acronym: "BM",
        aliases: ["Métropole", "https://x.example/a//b"],
        kind: LocalAuthority,
        scope: Local,
        location: "Bordeaux",
        topics: [Urban, Sport,],
        description: "It’s « fine » — really.",
        facts: [(label: "Inhabitants", value: "801,041")],
        relations: [(kind: MemberOf, target: "two", note: "since 2021"), (kind: Supports, name: "X")],
        website: "https://example.org",
    ),
    // A comment with "a quote" and (a paren.
    (id: "two", name: "Two", kind: Media, scope: National, description: "d",),
])
"#;

    #[test]
    fn plain_datasets_are_read_here_and_as_ron_reads_them() {
        for source in [TWO, BUNDLED_SOURCE, &TWO.replace('\n', "\r\n"), &TWO.replace("    ", "\t")]
        {
            let items = split(source).expect("the usual shape");
            assert!(items.iter().all(|item| read_partner(item).is_some()), "{source}");
            assert_eq!(parse(source), by_ron(source));
            assert!(parse(source).is_some());
        }
        assert_eq!(parse("(partners: [])"), Some(Vec::new()));
        assert_eq!(parse(" // x\n( partners : [ ] , ) // y"), Some(Vec::new()));
    }

    #[test]
    fn anything_unusual_is_left_to_ron() {
        let variants = [
            TWO.replace("\"d\"", "\"a \\\"quoted\\\" \\u{e9} word\""),
            TWO.replace("acronym: \"BM\"", "acronym: Some(\"BM\")"),
            TWO.replace("acronym: \"BM\"", "acronym: None"),
            TWO.replace("scope: Local,", "scope: Local, /* block */"),
            TWO.replace("\"d\"", "r#\"raw\"#"),
            TWO.replace("\"d\"", "b\"bytes\""),
            TWO.replace("    (id: \"two\"", "    Partner(id: \"two\""),
            TWO.replace("(partners:", "Dataset(partners:"),
            format!("#![enable(implicit_some)]\n{TWO}"),
            TWO.replace("    (id: \"two\"", "    #![enable(implicit_some)] (id: \"two\""),
            TWO.replace("    (id: \"two\"", "    /* a */ (id: \"two\""),
            TWO.replace("kind: Media,", "kind: Media, extra: \"x\","),
            TWO.replace("kind: Media,", "kind: Media, kind: Media,"),
            TWO.replace("kind: Media,", ""),
            TWO.replace("kind: Media,", "kind: Mediaa,"),
            TWO.replace("kind: Media,", "r#kind: Media,"),
            TWO.replace("\"d\"", "\"line\nbreak\""),
            TWO.replace("\"d\"", "\"tab\there\""),
            TWO.replace("scope: National", "scope:\u{a0}National"),
            TWO.replace("])\n", "]) trailing\n"),
            TWO.replace("])\n", "], extra: 1)\n"),
            TWO.replace("),\n    //", "),,\n    //"),
            TWO.replace("[Urban, Sport,]", "[,]"),
            TWO.replace("partners:", "partner:"),
            TWO.replace("description: \"d\"", "description: 'd'"),
            TWO.replace("\"Two\"", "\"unclosed"),
            TWO.replace("])\n", ""),
        ];
        for source in &variants {
            agrees(source);
            let fast = super::super::parse_syntax(source, std::path::Path::new("x.ron"));
            let ron = ron_options().from_str::<Dataset>(source);
            assert_eq!(fast.as_ref().ok(), ron.as_ref().ok(), "{source}");
            assert_eq!(fast.is_err(), ron.is_err(), "{source}");
        }
    }

    #[test]
    fn partners_whose_texts_break_the_rules_are_not_read_clean() {
        let one = r#"(id: "one", name: "One", kind: Media, scope: Local, description: "d")"#;
        assert!(read_partner(one).is_some());
        let broken = [
            one.replace("\"d\"", "\"del \u{7f}\""),
            one.replace("\"d\"", "\"next \u{85} line\""),
            one.replace("\"d\"", "\"escaped \\u{9f}\""),
            one.replace("\"One\"", "\"escaped \\u{7}\""),
            one.replace("\"One\"", "\" \u{a0}\""),
            one.replace("\"d\"", "\"\\u{20}\""),
            one.replace("\"d\"", "\"\""),
            one.replace("\"d\"", "\"d\", aliases: [\"A\", \"\"]"),
            one.replace("\"d\"", "\"d\", aliases: [\" \u{200B}\u{a0}\"]"),
        ];
        for item in &broken {
            assert_eq!(read_partner(item), None, "{item}");
            assert_eq!(read_clean_item(item), None, "{item}");
            assert!(read_item(item).is_some_and(|p| !p.texts_are_clean()), "{item}");
        }
    }

    fn quoted(text: &str) -> String {
        format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n"))
    }

    fn text() -> impl Strategy<Value = String> {
        prop::string::string_regex("[a-zé’ \"\\\\(),\\[\\]/:#\n-]{0,12}").expect("a valid regex")
    }

    /// An alias: mostly one that says something, which the fast reader reads itself as it
    /// did before blank aliases were refused; now and then a blank one (spaces, invisible
    /// characters, nothing), which it leaves to ron, and which must not be read as clean.
    fn alias() -> impl Strategy<Value = String> {
        let blank = prop::string::string_regex("[ \u{a0}\u{200B}\u{FEFF}\t]{0,3}");
        prop_oneof![
            6 => text().prop_filter("an alias says something", |a| !crate::text::is_blank(a)),
            1 => blank.expect("a valid regex"),
        ]
    }

    fn partner() -> impl Strategy<Value = Partner> {
        let kinds = prop::sample::select(Kind::ALL);
        let scopes = prop::sample::select(Scope::ALL);
        let topics = prop::collection::vec(prop::sample::select(Topic::ALL), 0..3);
        let relation = (
            prop::sample::select(RelationKind::ALL),
            text(),
            any::<bool>(),
            prop::option::of(text()),
        )
            .prop_map(|(kind, other, to_target, note)| Relation {
                kind,
                target: to_target.then(|| other.clone()),
                name: (!to_target).then_some(other),
                note,
            });
        (
            (text(), text(), prop::option::of(text()), prop::collection::vec(alias(), 0..3)),
            (kinds, scopes, prop::option::of(text()), topics, text()),
            (prop::collection::vec((text(), text()), 0..2), prop::collection::vec(relation, 0..3)),
            prop::option::of(text()),
        )
            .prop_map(
                |(
                    (id, name, acronym, aliases),
                    (kind, scope, location, topics, description),
                    (facts, relations),
                    website,
                )| Partner {
                    id,
                    name,
                    acronym,
                    aliases,
                    kind,
                    scope,
                    location,
                    topics,
                    description,
                    facts: facts.into_iter().map(|(label, value)| Fact { label, value }).collect(),
                    relations,
                    website,
                    email: None,
                    phone: None,
                    booth: None,
                },
            )
    }

    /// A partner as RON, in one of a few hand-written styles.
    fn write(p: &Partner, style: u8) -> String {
        let (sep, some) = match style % 3 {
            0 => (",\n        ", false),
            1 => (", ", true),
            _ => (" ,\t// note\n ", false),
        };
        let option = |value: &Option<String>| {
            value.as_deref().map(|v| if some { format!("Some({})", quoted(v)) } else { quoted(v) })
        };
        let list = |items: Vec<String>| format!("[{}]", items.join(", "));
        let mut fields = vec![
            format!("id: {}", quoted(&p.id)),
            format!("name: {}", quoted(&p.name)),
            format!("kind: {:?}", p.kind),
            format!("scope: {:?}", p.scope),
            format!("description: {}", quoted(&p.description)),
            format!("aliases: {}", list(p.aliases.iter().map(|a| quoted(a)).collect())),
            format!("topics: {}", list(p.topics.iter().map(|t| format!("{t:?}")).collect())),
            format!(
                "facts: {}",
                list(
                    p.facts
                        .iter()
                        .map(|f| format!(
                            "(label: {}, value: {})",
                            quoted(&f.label),
                            quoted(&f.value)
                        ))
                        .collect()
                )
            ),
            format!(
                "relations: {}",
                list(
                    p.relations
                        .iter()
                        .map(|r| {
                            let mut parts = vec![format!("kind: {:?}", r.kind)];
                            parts.extend(option(&r.target).map(|t| format!("target: {t}")));
                            parts.extend(option(&r.name).map(|n| format!("name: {n}")));
                            parts.extend(option(&r.note).map(|n| format!("note: {n}")));
                            format!("({})", parts.join(", "))
                        })
                        .collect()
                )
            ),
        ];
        fields.extend(option(&p.acronym).map(|a| format!("acronym: {a}")));
        fields.extend(option(&p.location).map(|l| format!("location: {l}")));
        fields.extend(option(&p.website).map(|w| format!("website: {w}")));
        if style % 2 == 1 {
            fields.reverse();
        }
        format!(
            "(\n        {}{}\n    )",
            fields.join(sep),
            if style.is_multiple_of(4) { "," } else { "" }
        )
    }

    proptest! {
        #[test]
        fn written_partners_read_back_as_ron_reads_them(
            partners in prop::collection::vec((partner(), any::<u8>()), 0..6),
            block in 1..300u64,
        ) {
            let items: Vec<String> = partners.iter().map(|(p, style)| write(p, *style)).collect();
            let body = if items.is_empty() { String::new() } else { format!("    {},\n", items.join(",\n    ")) };
            let source = format!("(partners: [\n{body}])\n");
            let expected: Vec<Partner> = partners.into_iter().map(|(p, _)| p).collect();
            prop_assert_eq!(by_ron(&source), Some(expected.clone()), "{}", source);
            prop_assert_eq!(parse(&source), Some(expected.clone()), "{}", source);
            // Read block by block, as large files are: the same partners, unless a text breaks
            // validation's rules (the file is then read whole, and validated).
            let clean = expected.iter().all(Partner::texts_are_clean);
            let streamed = super::super::stream::read_partners(source.as_bytes(), block, 0, &|_| {}, &|_| ());
            let streamed = match streamed {
                Ok(super::super::stream::Read::Partners(partners, _)) => Some(partners),
                _ => None,
            };
            prop_assert_eq!(streamed, clean.then_some(expected), "{}", source);
        }
    }
}
