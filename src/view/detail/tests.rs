//! The detail's long texts laid out once and marked line by line give what laying out and
//! marking them whole gave, at every scroll position; the layouts kept from one build to the
//! next are dropped when the partner, the width or the note change.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::*;
use crate::action::Action;
use crate::app::App;
use crate::catalog::Source;
use crate::dataset::{Kind, Partner, Scope};
use crate::search::Query;
use crate::store::State;

/// A description that holds what wrapping and marking must get right: accents (composed and
/// not), a ligature, wide characters, emoji, zero-width spaces, words longer than a line, runs
/// of spaces and overlapping occurrences of a term.
fn long_description(words: usize) -> String {
    let pieces = [
        "économie",
        "sociale",
        "e\u{301}conomie",
        "cœur",
        "oeuvre",
        "日本語の",
        "👍🏽",
        "a\u{200b}b",
        "aaaa",
        "sustainable",
        "procurement",
        "cities",
        "x",
        "Métropole",
        "  ",
        "averyveryverylongwordthatisnotcutanywherebutwherethelinemustend",
    ];
    let mut n: usize = 7;
    let mut out = Vec::new();
    for _ in 0..words {
        n = n.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        out.push(pieces[(n >> 33) % pieces.len()]);
    }
    out.join(" ")
}

fn partner(id: &str, name: &str, description: String) -> Partner {
    Partner {
        id: id.to_owned(),
        name: name.to_owned(),
        acronym: None,
        aliases: Vec::new(),
        kind: Kind::PublicBody,
        scope: Scope::National,
        location: None,
        topics: Vec::new(),
        description,
        facts: Vec::new(),
        relations: Vec::new(),
        website: None,
        email: None,
        phone: None,
        booth: None,
    }
}

fn catalog() -> Catalog {
    let partners = vec![
        partner("big", "Big economie partner", long_description(3000)),
        partner("small", "Small economie partner", "Sociale et solidaire.".to_owned()),
    ];
    Catalog::from_partners(partners, vec![Source::Bundled], Vec::new())
}

const NOTE: &str = "Met aaaa at the salon\n\nsociale économie, cœur\u{200b}x 👍🏽 aaaaa\n  spaced";

fn state(note: &str) -> State {
    let marks = Marks { note: Some(note.to_owned()), ..Marks::default() };
    State { marks: BTreeMap::from([("big".to_owned(), marks)]), ..State::default() }
}

fn app(query: &str, size: (u16, u16)) -> App {
    let mut app = App::new(catalog(), state(NOTE), query);
    app.update(Action::Resize { width: size.0, height: size.1 });
    app
}

fn all(model: &DetailModel) -> Vec<Vec<Segment>> {
    model.lines(0..model.line_count())
}

/// The description as the pane laid it out before it was kept: wrapped whole, each line
/// marked with the whole text's positions.
fn description_whole(text: &str, positions: &[usize], columns: usize) -> Vec<Vec<Segment>> {
    let chars: Vec<char> = text.chars().collect();
    wrap_ranges(text, columns)
        .into_iter()
        .map(|(start, end)| {
            let local: Vec<usize> =
                positions.iter().filter(|&&p| p >= start && p < end).map(|p| p - start).collect();
            marked(&chars[start..end].iter().collect::<String>(), &local, columns)
        })
        .collect()
}

/// The note as the pane laid it out before: paragraph by paragraph, after a space.
fn note_whole(note: &str, positions: &[usize], columns: usize) -> Vec<Vec<Segment>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for paragraph in note.split('\n') {
        let shifted: Vec<usize> = positions.iter().filter_map(|p| p.checked_sub(start)).collect();
        let wrapped = description_whole(paragraph, &shifted, columns.saturating_sub(1).max(1));
        if wrapped.is_empty() {
            lines.push(Vec::new());
        }
        lines.extend(wrapped.into_iter().map(|line| [vec![seg(" ", Role::Text)], line].concat()));
        start += paragraph.chars().count() + 1;
    }
    lines
}

#[test]
fn long_texts_laid_out_once_are_what_they_were_laid_out_whole() {
    let catalog = catalog();
    let index = catalog.position("big").expect("the big partner");
    let partner = catalog.get(index).expect("the big partner");
    for typed in ["economie", "aa", "'aa sociale", "cœur", "ec", "procuremnt cities", ""] {
        let query = Query::parse(typed).expect("a query");
        let (_, marker) = catalog.index().detail_highlights(index, partner, &query);
        let whole = catalog.index().highlights(index, partner, &query).description;
        let note_marker = catalog.index().text_marker(&query);
        let note_positions = catalog.index().text_highlights(&[NOTE.to_owned()], &query);
        assert!(typed.is_empty() || !whole.is_empty(), "{typed:?} marks the description");
        for columns in [1, 2, 3, 7, 20, 48, 98] {
            let laid = LongText::description(&partner.description, 0, columns);
            let expected = description_whole(&partner.description, &whole, columns);
            assert_eq!(laid.lines(0..laid.len(), &marker), expected, "{typed:?} at {columns}");
            let note = LongText::note(NOTE, columns);
            let expected = note_whole(NOTE, &note_positions[0], columns);
            assert_eq!(note.lines(0..note.len(), &note_marker), expected, "{typed:?} {columns}");
        }
    }
}

#[test]
fn the_lines_on_screen_are_those_of_the_whole_detail() {
    for (typed, width) in [("economie aa", 100), ("cœur", 60), ("sustainble", 37)] {
        let app = app(typed, (width, 30));
        assert_eq!(app.selected_partner(), app.catalog().position("big"), "{typed:?}");
        let detail = app.detail();
        let whole = all(detail);
        assert_eq!(whole.len(), detail.line_count());
        let lit = whole.iter().flatten().filter(|s| s.role == Role::Matched).count();
        assert!(lit > 100, "{typed:?} lights the description up: {lit}");
        // Every scroll position, with windows that start and end inside words and matches.
        for rows in [1, 2, 5, 28] {
            for top in (0..detail.line_count() + 3).step_by(rows * 3 + 1) {
                let end = (top + rows).min(whole.len());
                let expected = whole.get(top..end).unwrap_or_default();
                assert_eq!(detail.lines(top..top + rows), expected, "{typed:?} at {top}+{rows}");
            }
        }
    }
}

/// The same state laid out afresh, with nothing kept.
fn fresh(app: &App) -> DetailModel {
    let mut fresh = App::new(catalog(), app.state().clone(), &app.query());
    fresh.update(Action::Resize { width: app.size().0, height: app.size().1 });
    let position = fresh.results().position(|h| Some(h.index) == app.selected_partner());
    for _ in 0..position.expect("the same partner is found") {
        fresh.update(Action::MoveDown);
    }
    fresh.detail().clone()
}

fn kept(app: &App, kind: LongKind) -> Arc<LongText> {
    Arc::clone(app.detail().long(kind).expect("the long text is laid out"))
}

#[test]
fn layouts_are_kept_while_the_query_changes_and_dropped_when_what_they_show_does() {
    let mut app = app("economi", (100, 30));
    let description = kept(&app, LongKind::Description);
    let note = kept(&app, LongKind::Note);
    // A letter typed, a star: marked anew, laid out as before.
    app.update(Action::Insert('e'));
    app.update(Action::ToggleStar);
    assert!(Arc::ptr_eq(&description, &kept(&app, LongKind::Description)));
    assert!(Arc::ptr_eq(&note, &kept(&app, LongKind::Note)));
    assert_eq!(app.detail(), &fresh(&app));
    // Another width: laid out again, for it.
    app.update(Action::Resize { width: 120, height: 30 });
    let wider = kept(&app, LongKind::Description);
    assert!(!Arc::ptr_eq(&description, &wider));
    assert!(wider.len() < description.len(), "wider lines, fewer of them");
    assert_eq!(app.detail(), &fresh(&app));
    // Another partner, and back: its own texts, then the first one's again.
    app.update(Action::MoveDown);
    assert_eq!(app.selected_partner(), app.catalog().position("small"));
    assert!(app.detail().long(LongKind::Note).is_none(), "no note on the other");
    assert_eq!(app.detail(), &fresh(&app));
    app.update(Action::MoveUp);
    assert_eq!(app.detail(), &fresh(&app));
    // The note changed (here, or by another process): laid out again, the description kept.
    let description = kept(&app, LongKind::Description);
    app.update(Action::Reread(Some(state("A new note, sociale"))));
    assert!(Arc::ptr_eq(&description, &kept(&app, LongKind::Description)));
    let rows = all(app.detail());
    let text: String = rows.iter().flatten().map(|s| s.text.as_str()).collect();
    assert!(text.contains("A new note") && !text.contains("salon"), "the new note is shown");
    assert_eq!(app.detail(), &fresh(&app));
}

#[test]
fn scrolling_to_the_end_of_a_long_description_shows_its_last_line() {
    let mut app = app("", (100, 30));
    assert_eq!(app.selected_partner(), app.catalog().position("big"));
    app.update(Action::ToggleFocus);
    app.update(Action::DetailBottom);
    let detail = app.detail();
    let rows = app.areas().detail_rows();
    assert_eq!(app.detail_scroll() + rows, detail.line_count());
    let partner = app.catalog().get(app.selected_partner().expect("a partner")).expect("it");
    let last_word = partner.description.split(' ').next_back().expect("a word");
    let shown = detail.lines(app.detail_scroll()..app.detail_scroll() + rows);
    let text: String = shown.iter().flatten().map(|s| s.text.as_str()).collect();
    assert!(text.contains(last_word), "{last_word:?} in {text:?}");
}

#[test]
fn a_note_with_crlf_shows_no_stray_cr() {
    let query = Query::parse("").expect("a query");
    let marker = catalog().index().text_marker(&query);
    let note = LongText::note("Call back Monday\r\nSend it", 40);
    let lines = note.lines(0..note.len(), &marker);
    let text: Vec<String> =
        lines.iter().map(|l| l.iter().map(|s| s.text.as_str()).collect()).collect();
    assert!(text.contains(&" Call back Monday".to_owned()), "{text:?}");
    assert!(!text.concat().contains(['\u{FFFD}', '\r']), "{text:?}");
}

#[test]
fn a_long_fact_label_wraps_in_its_column_whole() {
    let mut p = partner("p", "P", "D.".to_owned());
    let label = "Presidency of the Global Social Economy Forum";
    p.facts = vec![
        crate::dataset::Fact { label: label.to_owned(), value: "elected in October 2021".into() },
        crate::dataset::Fact { label: "Area".into(), value: "57,828 hectares".into() },
    ];
    let mut lines = Lines::default();
    facts(&mut lines, &p, 48);
    let (parts, count) = lines.finish();
    let Some(Part::Lines(lines)) = parts.first() else { panic!("short lines") };
    assert_eq!(lines.len(), count);
    let text: Vec<String> =
        lines.iter().map(|l| l.iter().map(|s| s.text.as_str()).collect()).collect();
    let words: Vec<&str> = text.iter().flat_map(|l| l.split_whitespace()).collect();
    for word in label.split_whitespace().chain(["elected", "2021", "Area", "57,828"]) {
        assert!(words.contains(&word), "{word} in {text:?}");
    }
    assert!(!text.concat().contains('…'), "nothing cut: {text:?}");
    assert!(text.iter().all(|l| width(l) <= 48), "{text:?}");
}
