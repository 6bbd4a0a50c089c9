//! `partners export`: CSV read back with an RFC 4180 reader, JSON fields, the note in Markdown,
//! and DOT output checked by a small parser (it parses whole, every edge endpoint is declared,
//! and the dataset's relations are all there).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use partners::catalog::{Catalog, Source};
use partners::dataset::parse;
use partners::export::{ExportFormat, Separator, export};
use partners::store::{Change, Store};
use serde_json::Value;
use tempfile::TempDir;

const CSV_HEADER: &[&str] = &[
    "id",
    "name",
    "acronym",
    "kind",
    "scope",
    "location",
    "website",
    "email",
    "phone",
    "booth",
    "starred",
    "met",
    "note",
    "note_changed",
    "user_aliases",
];

const TRICKY_NOTE: &str =
    "Met at the \"Achats\" stand, hall 2; ask about: prices, dates\nsecond line é œ\r\nthird, last";

fn bundled() -> Catalog {
    Catalog::bundled().unwrap_or_else(|e| panic!("the bundled dataset does not load:\n{e}"))
}

/// A store in a temporary home with a few marks and notes.
/// One of the user's own aliases, with what CSV, JSON and Markdown must escape.
const TRICKY_ALIAS: &str = "la \"centrale\", d'achat <b>";

fn store_with_marks(home: &TempDir) -> Store {
    let mut store = Store::open(home.path()).expect("open the store");
    let changes = [
        Change::Star { id: "ugap".into(), on: true },
        Change::Met { id: "ugap".into(), on: true },
        Change::Note { id: "ugap".into(), text: Some(TRICKY_NOTE.into()) },
        Change::Star { id: "bordeaux-metropole".into(), on: true },
        Change::Note { id: "gsef".into(), text: Some("Seoul, 2013".into()) },
        Change::Met { id: "convergence-marches".into(), on: true },
        Change::Aliases {
            id: "ugap".into(),
            add: vec![TRICKY_ALIAS.into(), "=the *buyers*".into()],
            remove: vec![],
        },
    ];
    for change in changes {
        store.apply(change).expect("apply a change");
    }
    store
}

fn everyone(catalog: &Catalog) -> Vec<usize> {
    (0..catalog.partners().len()).collect()
}

fn position(catalog: &Catalog, id: &str) -> usize {
    catalog.position(id).unwrap_or_else(|| panic!("no partner {id}"))
}

/// The export in `format`, a CSV's fields separated as the format says by default.
fn run(catalog: &Catalog, store: Option<&Store>, chosen: &[usize], format: ExportFormat) -> String {
    run_separated(catalog, store, chosen, format, None)
}

/// [`run`], a CSV's fields separated by `separator`.
fn run_with(
    catalog: &Catalog,
    store: Option<&Store>,
    chosen: &[usize],
    format: ExportFormat,
    separator: Separator,
) -> String {
    run_separated(catalog, store, chosen, format, Some(separator))
}

fn run_separated(
    catalog: &Catalog,
    store: Option<&Store>,
    chosen: &[usize],
    format: ExportFormat,
    separator: Option<Separator>,
) -> String {
    let mut out = Vec::new();
    export(catalog, store, chosen, &[], format, separator, &mut out)
        .unwrap_or_else(|e| panic!("export {format:?}: {e}"));
    String::from_utf8(out).expect("UTF-8")
}

// ---------------------------------------------------------------------------------------------
// CSV

/// An RFC 4180 reader: records end with CRLF; a field with a comma, a quote or a line break is
/// quoted, its quotes doubled. Strict: anything else is an error.
fn read_csv(text: &str) -> Result<Vec<Vec<String>>, String> {
    read_csv_with(text, ',')
}

/// [`read_csv`] with `separator` for the comma.
fn read_csv_with(text: &str, separator: char) -> Result<Vec<Vec<String>>, String> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if at_field_start => {
                loop {
                    match chars.next() {
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some(c) => field.push(c),
                        None => return Err(format!("unterminated quoted field {field:?}")),
                    }
                }
                match chars.peek() {
                    Some(&c) if c == separator || c == '\r' => {}
                    None => {}
                    Some(c) => return Err(format!("{c:?} after a closing quote")),
                }
                at_field_start = false;
            }
            '"' => return Err(format!("a quote inside the unquoted field {field:?}")),
            c if c == separator => {
                record.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' => {
                if chars.next() != Some('\n') {
                    return Err("CR without LF".into());
                }
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                at_field_start = true;
            }
            '\n' => return Err(format!("a bare LF outside quotes after {field:?}")),
            c => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if !field.is_empty() || !record.is_empty() {
        return Err("the last record does not end with CRLF".into());
    }
    Ok(records)
}

#[test]
fn the_csv_reader_itself() {
    let records = read_csv("a,\"b,c\",\"d \"\"e\"\"\nf\"\r\n,,\r\n");
    assert_eq!(
        records,
        Ok(vec![
            vec!["a".to_owned(), "b,c".to_owned(), "d \"e\"\nf".to_owned()],
            vec![String::new(), String::new(), String::new()],
        ])
    );
    assert!(read_csv("a\"b\r\n").is_err());
    assert!(read_csv("\"a\r\n").is_err());
    assert!(read_csv("a\nb\r\n").is_err());
    assert!(read_csv("a,b").is_err());
}

fn csv_records(text: &str) -> Vec<BTreeMap<&'static str, String>> {
    let body = text.strip_prefix('\u{FEFF}').expect("the CSV starts with a byte-order mark");
    let records = read_csv(body).unwrap_or_else(|e| panic!("not RFC 4180: {e}\n{body}"));
    let (header, rows) = records.split_first().expect("a header");
    assert_eq!(header, CSV_HEADER);
    rows.iter()
        .map(|row| {
            assert_eq!(row.len(), CSV_HEADER.len(), "{row:?}");
            CSV_HEADER.iter().copied().zip(row.iter().cloned()).collect()
        })
        .collect()
}

#[test]
fn csv_round_trips_accents_commas_quotes_and_newlines() {
    let home = TempDir::new().expect("temp dir");
    let store = store_with_marks(&home);
    let catalog = bundled();
    let text = run(&catalog, Some(&store), &everyone(&catalog), ExportFormat::Csv);
    let rows = csv_records(&text);
    assert_eq!(rows.len(), catalog.partners().len());
    let row =
        |id: &str| rows.iter().find(|r| r["id"] == id).unwrap_or_else(|| panic!("no row for {id}"));
    let ugap = row("ugap");
    assert_eq!(ugap["note"], TRICKY_NOTE);
    assert_eq!(ugap["starred"], "yes");
    assert_eq!(ugap["met"], "yes");
    assert_eq!(ugap["acronym"], "UGAP");
    assert_eq!(ugap["kind"], "Public body");
    assert!(ugap["note_changed"].ends_with(" UTC"), "{}", ugap["note_changed"]);
    // A line may start a cell where quotes no longer hold: kept from starting a formula.
    assert_eq!(ugap["user_aliases"], format!("{TRICKY_ALIAS}\n'=the *buyers*"));
    let metropole = row("bordeaux-metropole");
    assert_eq!(metropole["name"], "Bordeaux Métropole");
    assert_eq!(metropole["location"], "Bordeaux, Gironde");
    assert_eq!(metropole["starred"], "yes");
    assert_eq!(metropole["met"], "");
    assert_eq!(metropole["note"], "");
    assert_eq!(metropole["note_changed"], "");
    assert_eq!(metropole["user_aliases"], "");
    assert_eq!(row("gsef")["note"], "Seoul, 2013");
    assert_eq!(row("amif")["name"], "Association des Maires de l’Ile-de-France");
    assert_eq!(row("amif")["location"], "Île-de-France");
    // Every partner, once, in dataset order.
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str()).collect();
    let expected: Vec<&str> = catalog.partners().iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, expected);
}

#[test]
fn csv_without_a_store_or_partners() {
    let catalog = bundled();
    let rows = csv_records(&run(&catalog, None, &everyone(&catalog), ExportFormat::Csv));
    assert!(rows.iter().all(|r| r["starred"].is_empty() && r["note"].is_empty()));
    let empty = run(&catalog, None, &[], ExportFormat::Csv);
    assert!(csv_records(&empty).is_empty());
}

#[test]
fn csv_from_the_command_line() {
    let home = TempDir::new().expect("temp dir");
    drop(store_with_marks(&home));
    let out = partners_in(&home)
        .args(["--home", home.path().to_str().expect("utf-8 path"), "export", "--noted"])
        .output()
        .expect("partners runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let rows = csv_records(&text);
    let ids: BTreeSet<&str> = rows.iter().map(|r| r["id"].as_str()).collect();
    assert_eq!(ids, BTreeSet::from(["ugap", "gsef"]));
    assert!(rows.iter().any(|r| r["note"] == TRICKY_NOTE));
}

#[test]
fn tsv_is_tab_separated_unless_a_separator_is_given() {
    let catalog = bundled();
    let chosen = [position(&catalog, "ugap")];
    let header = |text: &str| text.trim_start_matches('\u{feff}').lines().next().map(str::to_owned);
    // The format decides the separator a library caller leaves to it, as the command does.
    let tsv = run(&catalog, None, &chosen, ExportFormat::Tsv);
    assert_eq!(header(&tsv).as_deref().map(|h| h.starts_with("id\tname\tacronym")), Some(true));
    let csv = run(&catalog, None, &chosen, ExportFormat::Csv);
    assert_eq!(header(&csv).as_deref().map(|h| h.starts_with("id,name,acronym")), Some(true));
    // One given is used, for TSV too (the command warns that it contradicts the format).
    let given = run_with(&catalog, None, &chosen, ExportFormat::Tsv, Separator::Semicolon);
    assert_eq!(header(&given).as_deref().map(|h| h.starts_with("id;name;acronym")), Some(true));
}

// ---------------------------------------------------------------------------------------------
// JSON and Markdown

#[test]
fn json_export_carries_marks_notes_and_links() {
    let home = TempDir::new().expect("temp dir");
    let store = store_with_marks(&home);
    let catalog = bundled();
    let chosen = [
        position(&catalog, "ugap"),
        position(&catalog, "cci-bordeaux-gironde"),
        position(&catalog, "convergence-marches"),
    ];
    let text = run(&catalog, Some(&store), &chosen, ExportFormat::Json);
    let array: Value = serde_json::from_str(&text).expect("JSON");
    let array = array.as_array().expect("an array");
    assert_eq!(array.len(), 3);
    for object in array {
        for key in [
            "id",
            "name",
            "acronym",
            "aliases",
            "kind",
            "scope",
            "location",
            "topics",
            "description",
            "facts",
            "relations",
            "backlinks",
            "starred",
            "met",
            "note",
            "user_aliases",
        ] {
            assert!(object.get(key).is_some(), "{key} missing from {object}");
        }
        assert!(object.get("score").is_none(), "no score outside search");
    }
    assert_eq!(array[0]["id"], "ugap");
    assert_eq!(array[0]["note"], TRICKY_NOTE);
    assert_eq!(array[0]["starred"], true);
    assert_eq!(array[0]["met"], true);
    assert_eq!(array[0]["user_aliases"], serde_json::json!([TRICKY_ALIAS, "=the *buyers*"]));
    assert_eq!(array[1]["user_aliases"], serde_json::json!([]));
    assert_eq!(array[1]["backlinks"][0]["target"], "convergence-marches");
    assert_eq!(array[2]["relations"][0]["target"], "cci-bordeaux-gironde");
    assert_eq!(array[2]["met"], true);
    assert!(array[2]["note"].is_null());
}

#[test]
fn markdown_export_contains_the_note() {
    let home = TempDir::new().expect("temp dir");
    let store = store_with_marks(&home);
    let catalog = bundled();
    let chosen = [position(&catalog, "ugap"), position(&catalog, "gsef")];
    let md = run(&catalog, Some(&store), &chosen, ExportFormat::Md);
    assert!(md.starts_with("# UGAP\n"), "{md}");
    assert!(md.contains("\n# Global Social Economy Forum (GSEF)\n"), "{md}");
    assert!(md.contains("## Mine: starred, met"), "{md}");
    assert!(
        md.contains("> Met at the \"Achats\" stand, hall 2; ask about\\: prices, dates\\\n"),
        "{md}"
    );
    // Each line but the last ends in a hard break, so the lines are not run together.
    assert!(md.contains("> second line é œ\\\n"), "{md}");
    assert!(md.contains("> third, last\n"), "{md}");
    assert!(md.contains("> Seoul, 2013\n"), "{md}");
    assert!(
        md.contains("- Aliases:\n  - la \"centrale\", d'achat \\<b\\>\n  - \\=the \\*buyers\\*\n"),
        "your aliases, one an item, escaped: {md}"
    );
    // The card's first lines are paragraphs of their own, not one.
    assert!(md.contains("\nPublic body · National · France\n\nAlso known as: "), "{md}");
    assert!(!md.contains('\r'), "no raw carriage return: {md:?}");
}

// ---------------------------------------------------------------------------------------------
// DOT

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    /// A bare identifier or number.
    Id(String),
    /// A quoted string, unescaped.
    Quoted(String),
    /// `{ } [ ] = ; ,` or `->`.
    Punct(&'static str),
}

fn tokenize(text: &str) -> Result<Vec<Token>, String> {
    let mut tokens = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        match c {
            c if c.is_whitespace() => {
                chars.next();
            }
            '"' => {
                chars.next();
                let mut s = String::new();
                loop {
                    match chars.next() {
                        Some('\\') => match chars.next() {
                            Some(e @ ('"' | '\\')) => s.push(e),
                            // Graphviz's line break in labels.
                            Some('n') => s.push('\n'),
                            Some(other) => return Err(format!("unknown escape \\{other}")),
                            None => return Err("escape at the end".into()),
                        },
                        Some('"') => break,
                        Some(c) if c.is_control() => {
                            return Err(format!("raw control character {c:?} in {s:?}"));
                        }
                        Some(c) => s.push(c),
                        None => return Err(format!("unterminated string {s:?}")),
                    }
                }
                tokens.push(Token::Quoted(s));
            }
            '-' => {
                chars.next();
                if chars.next() != Some('>') {
                    return Err("a lone '-'".into());
                }
                tokens.push(Token::Punct("->"));
            }
            '{' | '}' | '[' | ']' | '=' | ';' | ',' => {
                chars.next();
                let p = match c {
                    '{' => "{",
                    '}' => "}",
                    '[' => "[",
                    ']' => "]",
                    '=' => "=",
                    ';' => ";",
                    _ => ",",
                };
                tokens.push(Token::Punct(p));
            }
            c if c.is_ascii_alphanumeric() || c == '_' => {
                let mut s = String::new();
                while let Some(&c) = chars.peek() {
                    if c.is_ascii_alphanumeric() || c == '_' {
                        s.push(c);
                        chars.next();
                    } else {
                        break;
                    }
                }
                tokens.push(Token::Id(s));
            }
            other => return Err(format!("unexpected {other:?}")),
        }
    }
    Ok(tokens)
}

#[derive(Debug, Default)]
struct Graph {
    /// Declared nodes (quoted ids) with their attributes.
    nodes: BTreeMap<String, BTreeMap<String, String>>,
    /// Edges with their attributes, in order.
    edges: Vec<(String, String, BTreeMap<String, String>)>,
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
}

impl Parser {
    fn next(&mut self) -> Result<Token, String> {
        let token = self.tokens.get(self.at).cloned().ok_or("unexpected end")?;
        self.at += 1;
        Ok(token)
    }

    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn expect(&mut self, punct: &'static str) -> Result<(), String> {
        match self.next()? {
            Token::Punct(p) if p == punct => Ok(()),
            other => Err(format!("expected {punct}, found {other:?} at token {}", self.at)),
        }
    }

    fn id(&mut self) -> Result<String, String> {
        match self.next()? {
            Token::Id(s) | Token::Quoted(s) => Ok(s),
            other @ Token::Punct(_) => Err(format!("expected an id, found {other:?}")),
        }
    }

    /// `[a=b, c=d]`, when there is one.
    fn attributes(&mut self) -> Result<BTreeMap<String, String>, String> {
        let mut attributes = BTreeMap::new();
        if self.peek() != Some(&Token::Punct("[")) {
            return Ok(attributes);
        }
        self.next()?;
        loop {
            if self.peek() == Some(&Token::Punct("]")) {
                self.next()?;
                return Ok(attributes);
            }
            let key = self.id()?;
            self.expect("=")?;
            let value = self.id()?;
            if attributes.insert(key.clone(), value).is_some() {
                return Err(format!("attribute {key} twice"));
            }
            if matches!(self.peek(), Some(Token::Punct("," | ";"))) {
                self.next()?;
            }
        }
    }

    fn graph(&mut self) -> Result<Graph, String> {
        if self.next()? != Token::Id("digraph".into()) {
            return Err("not a digraph".into());
        }
        self.id()?;
        self.expect("{")?;
        let mut graph = Graph::default();
        loop {
            match self.next()? {
                Token::Punct("}") => break,
                Token::Id(keyword) if matches!(keyword.as_str(), "node" | "edge" | "graph") => {
                    self.attributes()?;
                }
                Token::Id(key) => {
                    self.expect("=")?;
                    self.id().map_err(|e| format!("{key}=: {e}"))?;
                }
                Token::Quoted(from) => {
                    if self.peek() == Some(&Token::Punct("->")) {
                        self.next()?;
                        let to = match self.next()? {
                            Token::Quoted(to) => to,
                            other => return Err(format!("edge to {other:?}")),
                        };
                        let attributes = self.attributes()?;
                        graph.edges.push((from, to, attributes));
                    } else {
                        let attributes = self.attributes()?;
                        let node = graph.nodes.entry(from).or_default();
                        node.extend(attributes);
                    }
                }
                other @ Token::Punct(_) => {
                    return Err(format!("a statement cannot start with {other:?}"));
                }
            }
            self.expect(";")?;
        }
        if self.at != self.tokens.len() {
            return Err("tokens after the closing brace".into());
        }
        Ok(graph)
    }
}

fn parse_dot(text: &str) -> Graph {
    let tokens = tokenize(text).unwrap_or_else(|e| panic!("DOT does not tokenize: {e}\n{text}"));
    Parser { tokens, at: 0 }.graph().unwrap_or_else(|e| panic!("DOT does not parse: {e}\n{text}"))
}

/// The whole graph parses and every edge endpoint is a declared node.
fn check_graph(graph: &Graph) {
    for (from, to, attributes) in &graph.edges {
        assert!(graph.nodes.contains_key(from), "edge from undeclared {from}");
        assert!(graph.nodes.contains_key(to), "edge to undeclared {to}");
        assert!(attributes.get("label").is_some_and(|l| !l.is_empty()), "{from} -> {to}");
    }
}

/// Whether `graph` has an edge labelled `label` from partner `from` to partner `to`, or to the
/// outside organisation named `to` (an ellipse labelled so).
fn has_edge(graph: &Graph, from: &str, to: &str, label: &str) -> bool {
    let outside = |node: &str| {
        graph.nodes.get(node).is_some_and(|a| {
            a.get("shape").map(String::as_str) == Some("ellipse")
                && a.get("label").map(String::as_str) == Some(to)
        })
    };
    graph.edges.iter().any(|(f, t, a)| {
        f == from && (t == to || outside(t)) && a.get("label").map(String::as_str) == Some(label)
    })
}

/// `partners` with its folders in `home`.
fn partners_in(home: &TempDir) -> assert_cmd::Command {
    let mut partners = assert_cmd::Command::cargo_bin("partners").expect("the partners binary");
    partners
        .env("PARTNERS_HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("xdg"))
        .env("HOME", home.path());
    partners
}

/// `partners export ARGS` in `home`, in `lang`; (stdout, stderr) after a success.
fn export_in(home: &TempDir, lang: &str, args: &[&str]) -> (String, String) {
    let out = partners_in(home)
        .args(["--lang", lang, "export"])
        .args(args)
        .output()
        .expect("partners runs");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{args:?}: {err}");
    (String::from_utf8_lossy(&out.stdout).into_owned(), err)
}

/// Without `--format`, the extension of `-o FILE` chooses; a `--format` it contradicts is used,
/// with a warning in the user's language.
#[test]
fn export_to_a_file_follows_its_extension() {
    let home = TempDir::new().expect("temp dir");
    let file = |name: &str| home.path().join(name).to_string_lossy().into_owned();
    let read = |name: &str| std::fs::read_to_string(home.path().join(name)).expect("written");
    for name in ["a.json", "b.JSON"] {
        let (_, err) = export_in(&home, "en", &["-o", &file(name)]);
        assert!(!err.contains("warning"), "{err}");
        let parsed: serde_json::Value = serde_json::from_str(&read(name)).expect("JSON");
        assert!(parsed.is_array());
    }
    for name in ["c.dot", "d.gv"] {
        export_in(&home, "en", &["-o", &file(name)]);
        check_graph(&parse_dot(&read(name)));
    }
    export_in(&home, "en", &["-o", &file("e.md")]);
    assert!(read("e.md").starts_with('#'), "{}", read("e.md"));
    export_in(&home, "en", &["-o", &file("f.vcf")]);
    assert!(read("f.vcf").starts_with("BEGIN:VCARD"));
    for name in ["g.csv", "h.txt", "noextension"] {
        export_in(&home, "en", &["-o", &file(name)]);
        assert!(read(name).starts_with("\u{feff}id,"), "{name}");
    }
    let (_, err) = export_in(&home, "en", &["--format", "json", "-o", &file("i.csv")]);
    assert!(err.contains("i.csv ends like a csv file, but --format json was given"), "{err}");
    assert!(serde_json::from_str::<serde_json::Value>(&read("i.csv")).is_ok());
    let (_, err) = export_in(&home, "fr", &["--format", "dot", "-o", &file("j.json")]);
    assert!(err.contains("j.json porte l'extension d'un fichier json"), "{err}");
    // Agreeing, or without a file: no warning.
    let (_, err) = export_in(&home, "en", &["--format", "dot", "-o", &file("k.gv")]);
    assert!(err.lines().all(|l| l.starts_with("wrote")), "{err}");
    let (out, err) = export_in(&home, "en", &["--format", "json"]);
    assert!(err.is_empty() && out.starts_with('['), "{err}");
}

// Formulas, markup and controls in the data, in their own file to keep this one readable.
#[path = "export/hostile.rs"]
mod hostile;

// The formats' other names, and the CSV's separators.
#[path = "export/names.rs"]
mod names;

// The DOT export read back.
#[path = "export/dot.rs"]
mod dot;
