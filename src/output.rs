//! What the command line prints: JSON objects, plain lines and partner cards (text or
//! Markdown, also what Alt-c copies). Cards and aligned lines are in the thread's language
//! ([`crate::i18n::cli()`]); JSON and tab-separated lines are for programs, so their keys and
//! values stay English and stable. Every string from a dataset or the user goes through
//! [`crate::text::clean`] before it is printed as plain text; Markdown also escapes what
//! Markdown and HTML would interpret; JSON escapes every control character (see [`to_json`]).

use std::fmt::Write as _;
use std::io;

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use crate::catalog::Catalog;
use crate::catalog::Link;
use crate::dataset::Partner;
use crate::i18n::{self, fill};
use crate::store::Marks;
use crate::text::{
    clean, clean_document, clean_multiline, is_invisible, is_unsafe, pad, truncate, width,
};

/// A relation as JSON.
#[derive(Debug, Serialize)]
pub struct RelationJson<'a> {
    /// The relation kind's slug.
    pub kind: &'static str,
    /// The kind in words, read from the partner that carries it.
    pub label: &'static str,
    /// The other partner's id, when it is a partner.
    pub target: Option<&'a str>,
    /// The other organisation's name (the partner's name when `target` is set).
    pub name: &'a str,
    /// Context for the link.
    pub note: Option<&'a str>,
}

/// A fact as JSON.
#[derive(Debug, Serialize)]
pub struct FactJson<'a> {
    /// What is counted.
    pub label: &'a str,
    /// The figure.
    pub value: &'a str,
}

/// A partner as JSON: the dataset fields, the user's marks, and the links in both directions.
#[derive(Debug, Serialize)]
pub struct PartnerJson<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub acronym: Option<&'a str>,
    pub aliases: &'a [String],
    pub kind: &'static str,
    pub scope: &'static str,
    pub location: Option<&'a str>,
    pub topics: Vec<&'static str>,
    pub description: &'a str,
    pub facts: Vec<FactJson<'a>>,
    pub relations: Vec<RelationJson<'a>>,
    pub backlinks: Vec<RelationJson<'a>>,
    pub website: Option<&'a str>,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub booth: Option<&'a str>,
    pub starred: bool,
    pub met: bool,
    pub note: Option<&'a str>,
    /// When the note was last written (UTC, as the CSV's `note_changed`), with the note.
    pub note_changed: Option<String>,
    /// The user's own aliases for the partner (empty when none).
    pub user_aliases: &'a [String],
    /// Search score, on search results only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<u32>,
    /// Whether the search found the partner by the user's note or own aliases rather than
    /// its own fields, on search results only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_note: Option<bool>,
    /// The word of the query the partner lacks, when no partner had every word.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lacks: Option<&'a str>,
}

/// What a search found of a partner: its score, whether by the user's note or own aliases,
/// and the word of the query it lacks when no partner had every word.
#[derive(Debug, Clone, Copy, Default)]
pub struct Found<'q> {
    pub score: u32,
    pub in_note: bool,
    pub lacks: Option<&'q str>,
}

/// The JSON object of partner `index`.
pub fn partner_json<'a>(
    catalog: &'a Catalog,
    index: usize,
    marks: Option<&'a Marks>,
    found: Option<Found<'a>>,
) -> Option<PartnerJson<'a>> {
    let p = catalog.get(index)?;
    let relation_json = |l: &Link<'a>| RelationJson {
        kind: l.kind.slug(),
        label: l.label(),
        target: l.target.and_then(|t| catalog.get(t)).map(|t| t.id.as_str()),
        name: l.name,
        note: l.note,
    };
    let (own, incoming): (Vec<_>, Vec<_>) =
        catalog.links(index).into_iter().partition(|l| !l.incoming);
    Some(PartnerJson {
        id: &p.id,
        name: &p.name,
        acronym: p.acronym.as_deref(),
        aliases: &p.aliases,
        kind: p.kind.slug(),
        scope: p.scope.slug(),
        location: p.location.as_deref(),
        topics: p.topics.iter().map(|t| t.slug()).collect(),
        description: &p.description,
        facts: p.facts.iter().map(|f| FactJson { label: &f.label, value: &f.value }).collect(),
        relations: own.iter().map(relation_json).collect(),
        backlinks: incoming.iter().map(relation_json).collect(),
        website: p.website.as_deref(),
        email: p.email.as_deref(),
        phone: p.phone.as_deref(),
        booth: p.booth.as_deref(),
        starred: marks.is_some_and(|m| m.starred),
        met: marks.is_some_and(|m| m.met),
        note: marks.and_then(|m| m.note.as_deref()),
        note_changed: marks
            .filter(|m| m.note.is_some())
            .and_then(|m| m.note_at)
            .map(crate::time::format_utc),
        user_aliases: marks.map_or(&[], |m| &m.aliases),
        score: found.map(|f| f.score),
        in_note: found.map(|f| f.in_note),
        lacks: found.and_then(|f| f.lacks),
    })
}

/// The fewest columns the end of a line (its kind, and what else is said of the result) and
/// its name are cut to, to fit in a terminal: past that, the whole line is cut.
const AFTER_LEAST: usize = 14;
const NAME_LEAST: usize = 12;

/// Plain result lines: for a person, aligned columns (the kind in words, in the thread's
/// language), each line cut short (…) where it would not fit in `aligned`'s columns and the
/// terminal would break it mid-word, its end first, then its name, never the acronym; for a
/// pipe (`None`),
/// tab-separated, the kind's slug, nothing cut.
pub fn plain_lines(partners: &[(&Partner, Found<'_>)], aligned: Option<usize>) -> String {
    let words = i18n::vocabulary();
    let id_width = partners.iter().map(|(p, _)| width(&clean(&p.id))).max().unwrap_or(0);
    let mut out = String::new();
    for &(p, found) in partners {
        if let Some(columns) = aligned {
            let acronym = p.shown_acronym().map(|a| format!(" ({})", clean(a))).unwrap_or_default();
            let mut after = format!("  · {}", words.kind(p.kind));
            if found.in_note {
                let _ = write!(after, "  · {}", i18n::cli().found_in_note);
            }
            if let Some(word) = found.lacks {
                let _ = write!(after, "  · {}", fill(i18n::cli().lacks_word, &[&clean(word)]));
            }
            // What a line has too many columns for is cut from its end (the kind) down to
            // a few words, then from the name, never from its acronym.
            let name = clean(&p.name);
            let full = id_width + 2 + width(&name) + width(&acronym) + width(&after);
            let kept = width(&after).saturating_sub(full.saturating_sub(columns));
            let after = truncate(&after, kept.max(AFTER_LEAST));
            let room = columns.saturating_sub(id_width + 2 + width(&acronym) + width(&after));
            let name = truncate(&name, room.max(NAME_LEAST));
            let line = format!("{}  {name}{acronym}{after}", pad(&clean(&p.id), id_width));
            let _ = writeln!(out, "{}", truncate(&line, columns));
        } else {
            let (id, acronym) = (clean(&p.id), p.acronym.as_deref().map(clean).unwrap_or_default());
            let _ = writeln!(out, "{id}\t{}\t{acronym}\t{}", clean(&p.name), p.kind.slug());
        }
    }
    out
}

/// How a card is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum CardFormat {
    /// Plain text.
    #[default]
    Text,
    /// Markdown.
    #[value(alias = "markdown")]
    Md,
}

/// A partner's card: everything worth keeping about it, for a terminal, a pipe or the
/// clipboard. Headings, labels and the vocabulary are in the thread's language; the partner's
/// own words are as written.
pub fn card(catalog: &Catalog, index: usize, marks: Option<&Marks>, format: CardFormat) -> String {
    let Some(p) = catalog.get(index) else { return String::new() };
    let said = i18n::cli();
    // The card's headings are the detail pane's: one word for one thing.
    let headings = i18n::s();
    let pair = |label: &str, value: &str| fill(said.label_value, &[&label, &value]);
    let md = format == CardFormat::Md;
    // Data never drives the terminal; in Markdown it never becomes markup either.
    let t = |text: &str| if md { md_escape(&clean(text)) } else { clean(text).into_owned() };
    let mut out = String::new();
    let title = match p.shown_acronym() {
        Some(a) => format!("{} ({})", t(&p.name), t(a)),
        None => t(&p.name),
    };
    let _ = writeln!(out, "{}{title}", if md { "# " } else { "" });
    let words = i18n::vocabulary();
    let mut about = vec![words.kind(p.kind).to_owned(), words.scope(p.scope).to_owned()];
    about.extend(p.location.as_deref().map(t));
    let mut under_title = vec![about.join(" · ")];
    // A blank alias (a `Partner` built by hand may hold one) is left out, as in the browser.
    let aliases: Vec<_> = p.aliases.iter().filter(|a| !a.trim().is_empty()).map(|a| t(a)).collect();
    if !aliases.is_empty() {
        under_title.push(fill(said.also_known_as, &[&aliases.join(said.list_separator)]));
    }
    if !p.topics.is_empty() {
        let topics: Vec<_> = p.topics.iter().map(|&t| words.topic(t)).collect();
        under_title.push(fill(said.topics, &[&topics.join(said.list_separator)]));
    }
    // In Markdown, lines one after another are one paragraph: each is one of its own.
    let _ = writeln!(out, "{}", under_title.join(if md { "\n\n" } else { "\n" }));
    let _ = writeln!(out, "\n{}", t(&p.description));
    let item = if md { "- " } else { "  " };
    if !p.facts.is_empty() {
        let _ = writeln!(out, "\n{}{}", if md { "## " } else { "" }, headings.key_facts);
        for f in &p.facts {
            let _ = writeln!(out, "{item}{}", pair(&t(&f.label), &t(&f.value)));
        }
    }
    let links = catalog.links(index);
    if !links.is_empty() {
        let _ = writeln!(out, "\n{}{}", if md { "## " } else { "" }, headings.relations);
        for l in &links {
            let note = l.note.map(|n| format!(" ({})", t(n))).unwrap_or_default();
            let label = words.link(l.kind, l.incoming);
            let _ = writeln!(out, "{item}{}{note}", pair(label, &t(l.name)));
        }
    }
    let contacts = [
        (headings.website, &p.website),
        (headings.email, &p.email),
        (headings.phone, &p.phone),
        (headings.booth, &p.booth),
    ];
    if contacts.iter().any(|(_, v)| v.is_some()) {
        let _ = writeln!(out, "\n{}{}", if md { "## " } else { "" }, headings.contact);
        for (label, value) in contacts {
            if let Some(v) = value {
                let _ = writeln!(out, "{item}{}", pair(label, &t(v)));
            }
        }
    }
    if let Some(m) = marks {
        write_marks(&mut out, m, format);
    }
    out
}

/// The user's marks, aliases and note of a card, in `format`.
fn write_marks(out: &mut String, m: &Marks, format: CardFormat) {
    let said = i18n::cli();
    let md = format == CardFormat::Md;
    let t = |text: &str| if md { md_escape(&clean(text)) } else { clean(text).into_owned() };
    let item = if md { "- " } else { "  " };
    let mut mine = Vec::new();
    if m.starred {
        mine.push(said.starred_mark);
    }
    if m.met {
        mine.push(said.met_mark);
    }
    if !mine.is_empty() || m.note.is_some() || !m.aliases.is_empty() {
        let mine = if mine.is_empty() {
            said.mine_heading.to_owned()
        } else {
            fill(said.mine, &[&mine.join(said.list_separator)])
        };
        let _ = writeln!(out, "\n{}{mine}", if md { "## " } else { "" });
    }
    if !m.aliases.is_empty() {
        // One a line: an alias may hold the separator a line would join them with.
        let _ = writeln!(out, "{item}{}", fill(said.aliases_line, &[&""]).trim_end());
        for alias in &m.aliases {
            let _ = writeln!(out, "  {item}{}", t(alias));
        }
    }
    if let Some(note) = &m.note {
        // Quoted line by line, so no line of the note can end the quote or start a heading.
        // Markdown carries a tab; a terminal's text does not.
        let note = if md { clean_document(note) } else { clean_multiline(note) };
        if md {
            let quoted: Vec<String> = note.lines().map(md_escape).collect();
            for (n, line) in quoted.iter().enumerate() {
                // A line's break is kept as a hard break (a backslash ending it: every
                // backslash of the note is escaped, so this one is the only bare one);
                // not before a blank line or at the end, where Markdown would show it.
                let next = quoted.get(n + 1).filter(|next| !next.is_empty());
                let hard = if line.is_empty() || next.is_none() { "" } else { "\\" };
                let _ = writeln!(out, "> {line}{hard}");
            }
        } else {
            for line in note.lines() {
                let _ = writeln!(out, "  {line}");
            }
        }
    }
}

/// The Markdown card of a partner that is not loaded: its id for a title, a line saying it
/// is not loaded, then the user's marks, aliases and note as [`card`] writes them.
pub fn unloaded_card_md(id: &str, marks: &Marks) -> String {
    let said = i18n::cli();
    let t = |text: &str| md_escape(&clean(text));
    let mut out = format!("# {}\n{}\n", t(id), said.not_loaded_card);
    write_marks(&mut out, marks, CardFormat::Md);
    out
}

/// `text` with every character that Markdown or HTML would interpret backslash-escaped
/// (`CommonMark` lets any ASCII punctuation be escaped), so data shows as written: no raw HTML,
/// no link, no emphasis, no heading, list, rule, code block or table cell.
pub fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        // What starts a line may start a block: an indented one is code, and `1.` or `1)`
        // after nothing but digits an ordered list (`-`, `+`, `=` lists, rules and underlined
        // headings are escaped wherever they are).
        let rest = line.trim_start_matches([' ', '\t']);
        for c in line[..line.len() - rest.len()].chars() {
            out.push_str(if c == '\t' { "\u{a0}\u{a0}\u{a0}\u{a0}" } else { "\u{a0}" });
        }
        let line = rest;
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        let numbered =
            (1..=9).contains(&digits) && matches!(line.as_bytes().get(digits), Some(b'.' | b')'));
        for (at, c) in line.char_indices() {
            let special = matches!(
                c,
                '\\' | '`'
                    | '*'
                    | '_'
                    | '['
                    | ']'
                    | '<'
                    | '>'
                    | '&'
                    | '|'
                    | '#'
                    | '~'
                    | '!'
                    | '-'
                    | '+'
                    | '='
                    // GitHub's Markdown typesets `$…$` and `$$…$$` as math.
                    | '$'
                    // What GitHub's Markdown makes a link of by itself: `http://…` and `www.`
                    // (its dot, below); `a@b.c` below.
                    | ':'
            );
            let www =
                c == '.' && at >= 3 && line.as_bytes()[at - 3..at].eq_ignore_ascii_case(b"www");
            if special || www || (numbered && at == digits) {
                out.push('\\');
            }
            out.push(c);
            // GitHub finds an address across an escaped `@`; an empty comment cuts it.
            if c == '@' {
                out.push_str("<!-- -->");
            }
        }
    }
    out
}

/// Wraps `serde_json`'s pretty printer so that strings carry no raw C1 control, DEL or bidi
/// control (`serde_json` already escapes C0), no invisible formatting character (a zero-width
/// space, a byte-order mark: `jq -r` would print them unseen) and no U+2028/U+2029 (line breaks
/// to JavaScript before ES2019 and to some editors): each is written as a `\u` escape, which
/// decodes to the same character.
struct InertFormatter(PrettyFormatter<'static>);

impl Formatter for InertFormatter {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        let mut chars = fragment.char_indices().peekable();
        let mut strays = crate::text::Strays::default();
        while let Some((at, c)) = chars.next() {
            // A zero-width joiner between two letters, a tag character outside a flag, are as
            // invisible as a zero-width space, as the terminal sanitiser says.
            let stray = strays.stray(c, chars.peek().map(|&(_, next)| next));
            if is_unsafe(c) || is_invisible(c) || stray || matches!(c, '\u{2028}' | '\u{2029}') {
                writer.write_all(&fragment.as_bytes()[start..at])?;
                // Past U+FFFF, JSON writes a character as its two UTF-16 halves.
                for half in c.encode_utf16(&mut [0; 2]) {
                    write!(writer, "\\u{half:04x}")?;
                }
                start = at + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

/// `value` as pretty JSON ending with a newline, safe to print on a terminal: every control
/// character and bidi control inside strings is a `\u` escape, so the text is inert and still
/// decodes to exactly the data.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut bytes = Vec::new();
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut bytes, InertFormatter(PrettyFormatter::new()));
    value.serialize(&mut serializer)?;
    bytes.push(b'\n');
    // serde_json writes whole UTF-8 strings and ASCII punctuation only.
    String::from_utf8(bytes).map_err(|e| serde::ser::Error::custom(e.to_string()))
}

/// `items` as [`to_json`] writes a list of them, byte for byte, written to `out` one at a
/// time: a million partners' objects and text are never held at once (5 GB, and nothing
/// came out for 19 s before).
pub fn write_json_list<T: Serialize>(
    out: &mut dyn io::Write,
    items: impl IntoIterator<Item = T>,
) -> io::Result<()> {
    let mut items = items.into_iter().peekable();
    if items.peek().is_none() {
        return out.write_all(b"[]\n");
    }
    out.write_all(b"[")?;
    for (n, item) in items.enumerate() {
        out.write_all(if n == 0 { b"\n" } else { b",\n" })?;
        // One level in: every line of the item two spaces further (JSON strings hold no
        // line break: theirs are escaped).
        let text = to_json(&item)?;
        for (n, line) in text.trim_end_matches('\n').split('\n').enumerate() {
            out.write_all(if n == 0 { b"  " } else { b"\n  " })?;
            out.write_all(line.as_bytes())?;
        }
    }
    out.write_all(b"\n]\n")
}

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard; it travels
/// through SSH, and tmux passes it on when `set-clipboard` is on.
pub fn osc52(text: &str) -> String {
    use base64::Engine as _;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{encoded}\x07")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_line_separators_and_invisible_characters() {
        let text = "a\u{2028}b\u{2029}c\u{200B}d\u{FEFF}e \u{1F469}\u{200D}\u{1F52C}";
        let json = to_json(text).expect("JSON");
        assert_eq!(json, "\"a\\u2028b\\u2029c\\u200bd\\ufeffe \u{1F469}\u{200D}\u{1F52C}\"\n");
        assert_eq!(serde_json::from_str::<String>(&json).expect("decodes"), text);
        // A joiner between letters is invisible too; inside an emoji it is kept.
        let text = "ZWJ\u{200D}X \u{200D}👧 👩\u{200D}👧 👩\u{200D}";
        let json = to_json(text).expect("JSON");
        assert_eq!(json, "\"ZWJ\\u200dX \\u200d👧 👩\u{200D}👧 👩\\u200d\"\n");
        assert_eq!(serde_json::from_str::<String>(&json).expect("decodes"), text);
    }

    /// A tag character outside a flag is escaped, as invisible; a flag's are kept.
    #[test]
    fn json_escapes_tag_characters_outside_a_flag() {
        let scotland = "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}";
        let text = format!("Hidden\u{E0041} {scotland}");
        let json = to_json(&text).expect("JSON");
        assert_eq!(json, format!("\"Hidden\\udb40\\udc41 {scotland}\"\n"));
        assert_eq!(serde_json::from_str::<String>(&json).expect("decodes"), text);
    }

    /// An invisible character past U+FFFF (a musical or an Egyptian format control) is
    /// escaped as its two UTF-16 halves, as JSON has it: `\u1d173` reads back as U+1D17 and 3.
    #[test]
    fn json_escapes_invisible_characters_past_the_first_plane_whole() {
        let text = "Music\u{1D173}Org Egypt\u{13430}x";
        let json = to_json(text).expect("JSON");
        assert_eq!(json, "\"Music\\ud834\\udd73Org Egypt\\ud80d\\udc30x\"\n");
        assert_eq!(serde_json::from_str::<String>(&json).expect("decodes"), text);
    }

    #[test]
    fn no_line_of_data_starts_a_markdown_block() {
        let text =
            "Title\n===\n- item\n+ more\n1. one\n12) two\n    code\n---\n2013 was a year\n\tx\ty";
        let nbsp = "\u{a0}".repeat(4);
        let escaped = format!(
            "Title\n\\=\\=\\=\n\\- item\n\\+ more\n1\\. one\n12\\) two\n{nbsp}code\n\\-\\-\\-\n2013 was a year\n{nbsp}x\ty"
        );
        assert_eq!(md_escape(text), escaped);
    }

    /// Nothing GitHub's Markdown links by itself stays whole: a scheme's colon, `www.`, an
    /// address's `@` are escaped (and shown as written).
    /// GitHub's Markdown typesets what is between dollars as math: a price is not a formula.
    #[test]
    fn no_dollar_starts_math() {
        assert_eq!(md_escape("costs $5 and $10, $$x^2$$"), "costs \\$5 and \\$10, \\$\\$x^2\\$\\$");
    }

    #[test]
    fn no_data_becomes_an_automatic_link() {
        let text = "see https://evil.example, WWW.evil.example or me@evil.example";
        let escaped = "see https\\://evil.example, WWW\\.evil.example or me@<!-- -->evil.example";
        assert_eq!(md_escape(text), escaped);
    }

    /// A list written an item at a time is, byte for byte, the list written whole: empty, of
    /// one, of nested values, of strings with escaped line breaks and controls.
    #[test]
    fn a_json_list_written_item_by_item_is_the_whole_lists() {
        fn same<T: Serialize>(items: &[T]) {
            let mut out = Vec::new();
            write_json_list(&mut out, items).expect("written");
            let whole = to_json(items).expect("JSON");
            assert_eq!(String::from_utf8(out).expect("UTF-8"), whole);
        }
        let catalog = Catalog::bundled().expect("the bundled dataset");
        let objects: Vec<PartnerJson<'_>> = (0..catalog.partners().len())
            .filter_map(|i| partner_json(&catalog, i, None, None))
            .collect();
        same(&objects);
        same(&objects[..1]);
        same(&["a\nb", "\u{1b}[31m", "", "« é »"]);
        same(&[vec![1, 2], vec![], vec![3]]);
        same::<u8>(&[]);
    }

    /// At a terminal, a line too long for it is cut from its end, then from the name, never
    /// from the acronym; one that fits, or one for a pipe, is whole.
    #[test]
    fn a_line_too_long_for_the_terminal_is_cut_where_it_says_least() {
        let partners = crate::dataset::bundled().expect("the bundled dataset").partners;
        let gsef = partners.iter().find(|p| p.id == "gsef").expect("gsef");
        let rows = [(gsef, Found::default())];
        let line = |columns| plain_lines(&rows, Some(columns)).trim_end().to_owned();
        let whole = line(usize::MAX);
        assert_eq!(whole, "gsef  Global Social Economy Forum (GSEF)  · International network");
        assert_eq!(line(width(&whole)), whole);
        assert_eq!(line(60), "gsef  Global Social Economy Forum (GSEF)  · International n…");
        assert_eq!(line(40), "gsef  Global Socia… (GSEF)  · Internati…");
        for columns in [10, 20, 30, 40, 50, 60, 70] {
            assert!(width(&line(columns)) <= columns, "{columns}: {}", line(columns));
        }
        assert!(line(30).starts_with("gsef  Global Soci… (GSEF)"), "{}", line(30));
        assert_eq!(
            plain_lines(&rows, None),
            "gsef\tGlobal Social Economy Forum\tGSEF\tinternational-network\n"
        );
    }

    #[test]
    fn a_result_found_by_the_note_says_so_in_a_terminal_only() {
        let partners = crate::dataset::bundled().expect("the bundled dataset").partners;
        let noted = Found { in_note: true, ..Found::default() };
        let rows = [(&partners[0], noted), (&partners[1], Found::default())];
        let aligned = plain_lines(&rows, Some(usize::MAX));
        let lines: Vec<&str> = aligned.lines().collect();
        assert!(lines[0].ends_with("  · found in your note or aliases"), "{aligned}");
        assert!(!lines[1].contains("found in"), "{aligned}");
        let piped = plain_lines(&rows, None);
        assert!(piped.lines().all(|line| line.split('\t').count() == 4), "{piped}");
        assert!(!piped.contains("found in"), "{piped}");
    }
}
