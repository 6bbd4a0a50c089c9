//! The README's table of keys is the binding table: every default key, with its action's
//! name in the configuration file and what it does, where it works. When a binding changes,
//! this test fails and prints the table to paste into the README.

use std::fmt::Write as _;

use partners::input::{BINDINGS, Binding, Context, Guard};

fn place(contexts: &[Context]) -> String {
    if contexts.len() == 7 {
        return "everywhere".to_owned();
    }
    let names: Vec<&str> = contexts
        .iter()
        .map(|c| match c {
            Context::List => "list",
            Context::Detail => "detail",
            Context::Help => "help",
            Context::Note => "note",
            Context::NoteAsk => "note's question",
            Context::Overview => "overview",
            Context::Qr => "QR code",
        })
        .collect();
    names.join(", ")
}

fn key(binding: &Binding) -> String {
    let name = binding.key.name().replace('|', "\\|");
    match binding.guard {
        Guard::Always => format!("`{name}`"),
        Guard::EmptyQuery => format!("`{name}` (empty query)"),
        Guard::TextAfterCursor => format!("`{name}` (text after the cursor)"),
    }
}

/// The table: one row per action and set of places, keys in table order.
fn table() -> String {
    let mut rows: Vec<(&Binding, Vec<String>)> = Vec::new();
    for binding in BINDINGS {
        match rows
            .iter_mut()
            .find(|(b, _)| b.action == binding.action && b.contexts == binding.contexts)
        {
            Some((_, keys)) => keys.push(key(binding)),
            None => rows.push((binding, vec![key(binding)])),
        }
    }
    let mut out =
        String::from("| keys | action | what it does | where |\n| --- | --- | --- | --- |\n");
    for (binding, keys) in rows {
        let name = binding.action.name().unwrap_or_default();
        let what = binding.action.description().unwrap_or_default();
        let _ = writeln!(
            out,
            "| {} | `{name}` | {what} | {} |",
            keys.join(" "),
            place(binding.contexts)
        );
    }
    out
}

#[test]
fn the_readme_lists_every_default_key() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("the README is readable");
    let table = table();
    assert!(readme.contains(&table), "the README's key table should be:\n\n{table}");
}
