//! `partners export`: the partners with the user's marks and notes as CSV, JSON or Markdown for
//! the follow-up after an event, and the network of relations as Graphviz DOT.
//!
//! Markdown is the partner card, so its headings follow the interface's language. CSV, JSON and
//! DOT are data formats that other programs read: their headers, keys, labels and values stay
//! English and stable whatever `--lang` says.
//!
//! Each format escapes data its own way, since an export may be shown on a terminal or opened
//! in a spreadsheet: JSON keeps every character, controls as `\u` escapes; CSV, Markdown and
//! DOT replace the controls they cannot carry with U+FFFD; CSV cells never start a formula;
//! Markdown never lets data become markup; DOT escapes quotes, backslashes and line breaks.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::{self, Write};

use crate::catalog::Catalog;
use crate::output;
use crate::store::{Marks, Store};
use crate::text::{REPLACEMENT, clean_document};

/// What `partners export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// A spreadsheet (UTF-8 with a byte-order mark, so accents survive).
    Csv,
    /// The same spreadsheet, its fields separated by tabs unless `--separator` says otherwise
    /// (what `-o FILE.tsv` writes).
    Tsv,
    /// A JSON array of partners, with marks, notes, relations and backlinks.
    Json,
    /// A Markdown document, one section a partner.
    #[value(alias = "markdown")]
    Md,
    /// The network of relations, for Graphviz (`dot -Tsvg`); partners linked to those chosen
    /// are drawn too, dashed.
    #[value(aliases = ["gv", "graphviz"])]
    Dot,
    /// Contacts (vCard 3.0), one card a partner, for an address book.
    #[value(alias = "vcard")]
    Vcf,
}

/// What separates a CSV export's fields: a comma (RFC 4180), or a semicolon for a spreadsheet
/// set up for French or another language whose decimal separator is a comma (Excel splits
/// a file's lines on the system's list separator), or a tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Separator {
    /// A comma, the default.
    #[default]
    #[value(aliases = [",", "virgule"])]
    Comma,
    /// A semicolon, for a spreadsheet set up for French.
    #[value(aliases = [";", "point-virgule"])]
    Semicolon,
    /// A tab (the default for `--format tsv` and `-o FILE.tsv`).
    #[value(aliases = ["\t", "tabulation"])]
    Tab,
}

impl Separator {
    fn as_str(self) -> &'static str {
        match self {
            Separator::Comma => ",",
            Separator::Semicolon => ";",
            Separator::Tab => "\t",
        }
    }

    /// The name `--separator` takes for it.
    pub fn name(self) -> &'static str {
        match self {
            Separator::Comma => "comma",
            Separator::Semicolon => "semicolon",
            Separator::Tab => "tab",
        }
    }

    /// The separator a file name's extension implies: a tab for `.tsv`, else none.
    pub fn from_extension(path: &std::path::Path) -> Option<Separator> {
        let extension = path.extension()?.to_str()?;
        extension.eq_ignore_ascii_case("tsv").then_some(Separator::Tab)
    }
}

impl ExportFormat {
    /// The format a file name's extension names (`.csv`, `.tsv`, `.json`, `.md`, `.markdown`,
    /// `.dot`, `.gv`, `.vcf`, `.vcard`, any case); `None` for another or none.
    pub fn from_extension(path: &std::path::Path) -> Option<ExportFormat> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match extension.as_str() {
            "csv" => ExportFormat::Csv,
            "tsv" => ExportFormat::Tsv,
            "json" => ExportFormat::Json,
            "md" | "markdown" => ExportFormat::Md,
            "dot" | "gv" => ExportFormat::Dot,
            "vcf" | "vcard" => ExportFormat::Vcf,
            _ => return None,
        })
    }

    /// Whether it is a spreadsheet, CSV or TSV: the same table, which `--separator` shapes.
    pub fn is_table(self) -> bool {
        matches!(self, ExportFormat::Csv | ExportFormat::Tsv)
    }

    /// The separator its fields take when none is `given`: a tab for TSV, else a comma. The
    /// one place the format decides it, for the library's callers and the command alike.
    pub fn separator(self, given: Option<Separator>) -> Separator {
        given.unwrap_or(if self == ExportFormat::Tsv { Separator::Tab } else { Separator::Comma })
    }

    /// The name `--format` takes for it.
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Tsv => "tsv",
            ExportFormat::Json => "json",
            ExportFormat::Md => "md",
            ExportFormat::Dot => "dot",
            ExportFormat::Vcf => "vcf",
        }
    }
}

/// The marks and note of a partner that is not loaded (its dataset file skipped, or its id
/// gone from the datasets): exported with its id, so that a note never disappears from the
/// follow-up file.
#[derive(Debug, Clone, Copy)]
pub struct Unloaded<'a> {
    /// The partner's id, as the store keeps it.
    pub id: &'a str,
    /// What the user gave it.
    pub marks: &'a Marks,
}

/// The marks of a partner that is not loaded, as JSON: its id, `"loaded": false`, and the
/// user's fields as a loaded partner's object names them.
#[derive(Debug, serde::Serialize)]
struct UnloadedJson<'a> {
    id: &'a str,
    loaded: bool,
    starred: bool,
    met: bool,
    note: Option<&'a str>,
    note_changed: Option<String>,
    user_aliases: &'a [String],
}

/// A partner's object, or one that is not loaded.
#[derive(Debug, serde::Serialize)]
#[serde(untagged)]
// Made and written one at a time: boxing the common one would cost an allocation each.
#[allow(clippy::large_enum_variant)]
enum Item<'a> {
    Loaded(output::PartnerJson<'a>),
    Unloaded(UnloadedJson<'a>),
}

/// When a note was last written, as the CSV and JSON say it.
fn note_changed(marks: &Marks) -> Option<String> {
    marks.note.as_ref().and(marks.note_at).map(crate::time::format_utc)
}

/// Whether `format` carries partners that are not loaded: CSV, TSV, JSON and Markdown do, each
/// with its id and the user's marks and note. A contact card or a graph node needs the
/// partner's name, which is not known: vCard and DOT leave them out (and the command says so).
pub fn carries_unloaded(format: ExportFormat) -> bool {
    format.is_table() || matches!(format, ExportFormat::Json | ExportFormat::Md)
}

/// Writes the export of partners `chosen` (catalog positions) in `format` to `out`, followed,
/// where the format carries them (see [`carries_unloaded`]), by `unloaded`; JSON and Markdown
/// a partner at a time. `separator` is the CSV's; `None` takes the format's own (a tab for
/// TSV, see [`ExportFormat::separator`]).
pub fn export(
    catalog: &Catalog,
    store: Option<&Store>,
    chosen: &[usize],
    unloaded: &[Unloaded<'_>],
    format: ExportFormat,
    separator: Option<Separator>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let separator = format.separator(separator);
    let marks_of = |i: usize| catalog.get(i).and_then(|p| store.and_then(|s| s.marks(&p.id)));
    match format {
        ExportFormat::Csv | ExportFormat::Tsv => {
            out.write_all(csv(catalog, store, chosen, unloaded, separator).as_bytes())
        }
        ExportFormat::Json => output::write_json_list(
            out,
            chosen
                .iter()
                .filter_map(|&i| output::partner_json(catalog, i, marks_of(i), None))
                .map(Item::Loaded)
                .chain(unloaded.iter().map(|u| {
                    Item::Unloaded(UnloadedJson {
                        id: u.id,
                        loaded: false,
                        starred: u.marks.starred,
                        met: u.marks.met,
                        note: u.marks.note.as_deref(),
                        note_changed: note_changed(u.marks),
                        user_aliases: &u.marks.aliases,
                    })
                })),
        ),
        ExportFormat::Md => {
            let cards = chosen
                .iter()
                .map(|&i| output::card(catalog, i, marks_of(i), output::CardFormat::Md))
                .chain(unloaded.iter().map(|u| output::unloaded_card_md(u.id, u.marks)));
            for (n, card) in cards.enumerate() {
                if n > 0 {
                    out.write_all(b"\n")?;
                }
                out.write_all(card.as_bytes())?;
            }
            Ok(())
        }
        ExportFormat::Dot => out.write_all(dot(catalog, chosen).as_bytes()),
        ExportFormat::Vcf => out.write_all(crate::vcard::export(catalog, store, chosen).as_bytes()),
    }
}

/// What starts a formula in a spreadsheet's cell.
const FORMULA_START: [char; 4] = ['=', '+', '-', '@'];

/// Where a spreadsheet may start a cell inside a field: after a separator, when it splits the
/// file on another than the one written (French Excel splits a comma-separated file on
/// semicolons, where quotes no longer hold), and after a line break.
const CELL_BREAKS: [char; 5] = [',', ';', '\t', '\n', '\r'];

/// One CSV field: controls a terminal would obey replaced (tabs and line breaks kept), then
/// quoted when it must be (RFC 4180; a field holding any separator is, whichever was chosen).
/// So that a spreadsheet never runs it as a formula (OWASP's advice), a `'` goes before a
/// leading tab or CR, and before an `=`, `+`, `-` or `@` that starts the cell or where a
/// spreadsheet splitting the file on another separator would start one (after
/// [`CELL_BREAKS`]), quotes and spaces before it passed over: a spreadsheet that trims cells
/// (a "Trim spaces" option on import) would run ` =1+1`.
fn csv_field(text: &str) -> String {
    let text = clean_document(text);
    let mut field = String::with_capacity(text.len() + 2);
    if text.starts_with(['\t', '\r']) {
        field.push('\'');
    }
    let mut after_break = true;
    for c in text.chars() {
        if after_break && FORMULA_START.contains(&c) {
            field.push('\'');
        }
        after_break = CELL_BREAKS.contains(&c) || after_break && matches!(c, '"' | ' ');
        field.push(c);
    }
    if field.contains([',', ';', '\t', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field
    }
}

/// The CSV export; its header and vocabulary stay English in every language (a data format).
fn csv(
    catalog: &Catalog,
    store: Option<&Store>,
    chosen: &[usize],
    unloaded: &[Unloaded<'_>],
    separator: Separator,
) -> String {
    let separator = separator.as_str();
    let mut out = String::from("\u{FEFF}");
    let header = "id,name,acronym,kind,scope,location,website,email,phone,booth,starred,met,note,note_changed,user_aliases";
    out.push_str(&header.replace(',', separator));
    out.push_str("\r\n");
    let yes = |b: bool| if b { "yes" } else { "" };
    let mut row = |fields: &[&str]| {
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(separator));
        out.push_str("\r\n");
    };
    for &i in chosen {
        let Some(p) = catalog.get(i) else { continue };
        let marks = store.and_then(|s| s.marks(&p.id));
        let note_changed = marks.and_then(note_changed).unwrap_or_default();
        row(&[
            p.id.as_str(),
            &p.name,
            p.acronym.as_deref().unwrap_or(""),
            p.kind.label(),
            p.scope.label(),
            p.location.as_deref().unwrap_or(""),
            p.website.as_deref().unwrap_or(""),
            p.email.as_deref().unwrap_or(""),
            p.phone.as_deref().unwrap_or(""),
            p.booth.as_deref().unwrap_or(""),
            yes(marks.is_some_and(|m| m.starred)),
            yes(marks.is_some_and(|m| m.met)),
            marks.and_then(|m| m.note.as_deref()).unwrap_or(""),
            &note_changed,
            // One a line (a quoted cell holds them): an alias may hold "; ".
            &marks.map(|m| m.aliases.join("\n")).unwrap_or_default(),
        ]);
    }
    // Not loaded: the id and the user's own fields, the partner's empty (not known).
    for u in unloaded {
        let m = u.marks;
        let note_changed = note_changed(m).unwrap_or_default();
        let aliases = m.aliases.join("\n");
        let empty = "";
        row(&[
            u.id,
            empty,
            empty,
            empty,
            empty,
            empty,
            empty,
            empty,
            empty,
            empty,
            yes(m.starred),
            yes(m.met),
            m.note.as_deref().unwrap_or(""),
            &note_changed,
            &aliases,
        ]);
    }
    out
}

/// A DOT identifier or label: always quoted, with quotes and backslashes escaped, line breaks
/// as DOT's `\n`, and other controls replaced with U+FFFD.
fn dot_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in clean_document(&text.replace("\r\n", "\n")).chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push(REPLACEMENT),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The node of an outside organisation, apart from the partners' (whose ids are slugs): one
/// named like a partner's id is not that partner.
fn outside_node(name: &str) -> String {
    dot_string(&format!("outside: {name}"))
}

/// The relations of partners `chosen` as a Graphviz digraph: partners are boxes labelled with
/// their short name, outside organisations are ellipses, edges carry the relation in words. A
/// partner that is not chosen but is linked to one (either way) is drawn too, as a dashed box,
/// so that the network of a few partners (`--starred`) keeps their links to the rest.
pub fn dot(catalog: &Catalog, chosen: &[usize]) -> String {
    let mut out = String::from("digraph partners {\n  rankdir=LR;\n  node [shape=box];\n");
    // Looked up for every relation: sets, not scans (a million partners took minutes).
    let chosen_set: HashSet<usize> = chosen.iter().copied().collect();
    let mut outside: Vec<&str> = Vec::new();
    let mut outside_seen: HashSet<&str> = HashSet::new();
    let mut neighbours: Vec<usize> = Vec::new();
    let mut neighbours_seen: HashSet<usize> = HashSet::new();
    let mut edges = String::new();
    for &i in chosen {
        let Some(p) = catalog.get(i) else { continue };
        let _ = writeln!(out, "  {} [label={}];", dot_string(&p.id), dot_string(p.short_name()));
        for link in catalog.links(i) {
            let other = match link.target.and_then(|t| Some((t, catalog.get(t)?))) {
                // Between two chosen partners, the edge is drawn once: from the side stating it.
                Some((t, _)) if link.incoming && chosen_set.contains(&t) => continue,
                Some((t, other)) => {
                    if !chosen_set.contains(&t) && neighbours_seen.insert(t) {
                        neighbours.push(t);
                    }
                    dot_string(&other.id)
                }
                None if link.incoming => continue,
                None => {
                    if outside_seen.insert(link.name) {
                        outside.push(link.name);
                    }
                    outside_node(link.name)
                }
            };
            let this = dot_string(&p.id);
            let (from, to) = if link.incoming { (other, this) } else { (this, other) };
            let _ = writeln!(edges, "  {from} -> {to} [label={}];", dot_string(link.kind.label()));
        }
    }
    for i in neighbours {
        let Some(p) = catalog.get(i) else { continue };
        let (id, label) = (dot_string(&p.id), dot_string(p.short_name()));
        let _ = writeln!(out, "  {id} [label={label}, style=dashed];");
    }
    for name in outside {
        let _ =
            writeln!(out, "  {} [label={}, shape=ellipse];", outside_node(name), dot_string(name));
    }
    out.push_str(&edges);
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_it_must() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        // Any separator, whichever was chosen: the file may be split on another.
        assert_eq!(csv_field("a; b"), "\"a; b\"");
        assert_eq!(csv_field("a\tb"), "\"a\tb\"");
        assert_eq!(csv_field("x;=1+1"), "\"x;'=1+1\"");
        assert_eq!(csv_field("a,\"=1"), "\"a,\"\"'=1\"");
        assert_eq!(csv_field("a\t-b\n@c, d"), "\"a\t'-b\n'@c, d\"");
        assert_eq!(csv_field("Saint-Denis, 2020-2025"), "\"Saint-Denis, 2020-2025\"");
        assert_eq!(csv_field("say \"hi\"\nbye"), "\"say \"\"hi\"\"\nbye\"");
    }

    #[test]
    fn csv_never_starts_a_formula() {
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("+33 1 23"), "'+33 1 23");
        assert_eq!(csv_field("-2"), "'-2");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("\tx"), "\"'\tx\"");
        assert_eq!(csv_field("\r\nx"), "\"'\r\nx\"");
        assert_eq!(
            csv_field("=HYPERLINK(\"http://x\",\"click\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\""
        );
        assert_eq!(csv_field("a=b"), "a=b");
        // Spaces first: a spreadsheet that trims cells would see the formula.
        assert_eq!(csv_field(" =1+1"), " '=1+1");
        assert_eq!(csv_field("  -1"), "  '-1");
        assert_eq!(csv_field("x; =1"), "\"x; '=1\"");
        assert_eq!(csv_field("x\n  @SUM(1)"), "\"x\n  '@SUM(1)\"");
        assert_eq!(csv_field("a - b, c -d"), "\"a - b, c -d\"");
    }

    #[test]
    fn csv_replaces_controls_but_keeps_line_breaks_and_tabs() {
        assert_eq!(csv_field("a\u{1b}[2J\tb\r\nc\u{9b}"), "\"a\u{FFFD}[2J\tb\r\nc\u{FFFD}\"");
    }

    #[test]
    fn dot_strings_escape() {
        assert_eq!(dot_string("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"");
        assert_eq!(dot_string("a\r\nb\nc\u{1b}\u{202E}"), "\"a\\nb\\nc\u{FFFD}\u{FFFD}\"");
    }
}
