//! The user's own aliases for a partner: kept on disk with the other marks (older files have
//! none), searched like a description with the list saying the match is the user's, edited
//! in the browser with Alt-a (one a line) and shown in the detail pane, in both languages.

use std::collections::BTreeMap;

use partners::action::{Action, Effect};
use partners::app::{App, Edited, Overlay};
use partners::i18n::{self, Lang};
use partners::search::Query;
use partners::store::{Change, Marks, State, Store};
use tempfile::TempDir;

mod common;
use common::{app_with, bundled, detail_rows, draw, partner};

/// An app on the bundled data with `state`, at 80×24, after the keys of `keys` (the notation of
/// [`common::events`]), with the effects the keys asked for.
fn run_with(state: State, size: (u16, u16), keys: &str) -> (App, Vec<Effect>) {
    let mut app = app_with(bundled(), state, "", size, &[]);
    let effects = common::keys(&mut app, keys);
    (app, effects)
}

/// What the detail shows lit up.
fn lit(app: &App) -> Vec<String> {
    let detail = app.detail();
    let segments = detail.lines(0..detail.line_count()).into_iter().flatten();
    let matched = segments.filter(|s| s.role == partners::view::detail::Role::Matched);
    matched.map(|s| s.text).collect()
}

fn with_aliases(id: &str, aliases: &[&str]) -> State {
    let marks =
        Marks { aliases: aliases.iter().map(|&a| a.to_owned()).collect(), ..Marks::default() };
    State { marks: BTreeMap::from([(id.to_owned(), marks)]), ..State::default() }
}

fn change(id: &str, add: &[&str], remove: &[&str]) -> Change {
    let owned = |list: &[&str]| list.iter().map(|&a| a.to_owned()).collect();
    Change::Aliases { id: id.to_owned(), add: owned(add), remove: owned(remove) }
}

fn ids(app: &App) -> Vec<String> {
    app.results()
        .all()
        .iter()
        .filter_map(|h| app.catalog().get(h.index))
        .map(|p| p.id.clone())
        .collect()
}

#[test]
fn aliases_survive_a_reopen_beside_the_other_marks() {
    let home = TempDir::new().expect("tempdir");
    let mut store = Store::open(home.path()).expect("opens");
    store.apply(Change::Star { id: "ugap".into(), on: true }).expect("star");
    store.apply(change("ugap", &["la centrale d'achat", "Zoë's \"buyers\""], &[])).expect("adds");
    store.apply(change("ugap", &["LA CENTRALE D'ACHAT"], &[])).expect("a repeat is no change");
    let reopened = Store::open(home.path()).expect("reopens");
    assert_eq!(reopened.state(), store.state());
    let marks = reopened.marks("ugap").expect("ugap has marks");
    assert_eq!(marks.aliases, ["la centrale d'achat", "Zoë's \"buyers\""]);
    assert!(marks.starred && marks.aliases_at.is_some());
    store.apply(change("ugap", &[], &["zoe's \"BUYERS\""])).expect("removes, folded");
    let reopened = Store::open(home.path()).expect("reopens");
    assert_eq!(
        reopened.marks("ugap").map(|m| m.aliases.clone()),
        Some(vec!["la centrale d'achat".to_owned()])
    );
}

#[test]
fn a_state_file_from_before_aliases_still_reads() {
    let home = TempDir::new().expect("tempdir");
    let old = "(version: 1, marks: {\"ugap\": (starred: true, starred_at: Some(5), note: Some(\"hi\"))}, history: [\"ugap\"])\n";
    std::fs::write(home.path().join("state.ron"), old).expect("writes");
    let mut store = Store::open(home.path()).expect("opens");
    assert!(store.warnings().is_empty(), "{:?}", store.warnings());
    let marks = store.marks("ugap").expect("ugap has marks");
    assert!(marks.aliases.is_empty() && marks.starred && marks.note.as_deref() == Some("hi"));
    store.apply(change("cnfpt", &["the trainers"], &[])).expect("adds");
    let text = std::fs::read_to_string(home.path().join("state.ron")).expect("reads");
    assert_eq!(text.matches("aliases:").count(), 1, "only where there are some:\n{text}");
}

#[test]
fn aliases_are_searched_by_words_and_the_list_says_whose() {
    // A catalog of its own: aliases set on a shared index would reach the other tests.
    let catalog = bundled();
    let mut state = with_aliases("ugap", &["la Marmite", "Jeanne's buyers"]);
    state
        .marks
        .insert("weka".into(), Marks { note: Some("legal guides".into()), ..Marks::default() });
    let marks = catalog.mark_bits(&state);
    let search = |text: &str| {
        let query = Query::parse(text).unwrap_or_default();
        let hits = catalog.index().search(&query, &marks, None);
        hits.iter().map(|h| (catalog.partners()[h.index].id.clone(), h.in_note)).collect::<Vec<_>>()
    };
    let ugap = [("ugap".to_owned(), true)];
    assert_eq!(search("marmite"), ugap);
    assert_eq!(search("MARMITÉ"), ugap, "case and accents aside");
    assert_eq!(search("marm"), ugap, "a word prefix, as in a description");
    assert_eq!(search("jeanne buyers"), ugap, "every word, from one alias");
    assert_eq!(search("guides"), [("weka".to_owned(), true)], "notes are still searched");
    assert_eq!(search("ugap").first(), Some(&("ugap".to_owned(), false)), "the name first");
}

#[test]
fn alt_a_adds_an_alias_and_the_partner_is_found_by_it() {
    let (app, effects) = run_with(
        State::default(),
        (100, 30),
        "ugap <A-a> la <Space> marmite <Enter> colleague's <Space> ugap <C-s> <C-u> marmite",
    );
    let added = change("ugap", &["la marmite", "colleague's ugap"], &[]);
    assert_eq!(effects, vec![Effect::Save(added)]);
    assert_eq!(app.status(), None, "typing cleared the status");
    let marks = app.state().marks.get("ugap").expect("ugap has marks");
    assert_eq!(marks.aliases, ["la marmite", "colleague's ugap"]);
    assert_eq!(ids(&app), ["ugap"]);
    assert!(app.results()[0].in_note, "found through the user's own words");
    let screen = format!("{:?}", draw(&app).backend());
    assert!(screen.contains("✎ your note/alias"), "the list says so:\n{screen}");
    // One a line: an alias may hold a comma.
    let rows = common::detail_rows(&app);
    let at = rows
        .iter()
        .position(|r| r.trim_end() == "Your aliases:")
        .unwrap_or_else(|| panic!("{rows:?}"));
    assert_eq!(rows[at + 1].trim_end(), " la marmite", "{rows:?}");
    assert_eq!(rows[at + 2].trim_end(), " colleague's ugap", "{rows:?}");
}

#[test]
fn the_alias_editor_lists_them_one_a_line_and_removes_what_is_deleted() {
    let state = with_aliases("ugap", &["one", "two"]);
    let (app, _) = run_with(state.clone(), (80, 24), "ugap <A-a>");
    let Some(Overlay::Note(editor)) = app.overlay() else { panic!("the editor is open") };
    assert_eq!(editor.edited, Edited::Aliases);
    assert_eq!(editor.text(), "one\ntwo\n", "ready for a new one");
    assert!(!editor.changed(), "a blank last line is no change");
    // Up to the end of "two", delete it, write "Two words" instead: one removed, one added.
    let (app, effects) =
        run_with(state.clone(), (80, 24), "ugap <A-a> <Up> <End> <C-u> Two <Space> words <C-s>");
    assert_eq!(effects, vec![Effect::Save(change("ugap", &["Two words"], &["two"]))]);
    assert_eq!(app.state().marks["ugap"].aliases, ["one", "Two words"]);
    assert_eq!(app.status().map(|s| s.text.as_str()), Some("Aliases saved"));
    // Everything deleted: no aliases, no marks left.
    let (app, _) = run_with(state.clone(), (80, 24), "ugap <A-a> <BS> <C-u> <BS> <C-u> <C-s>");
    assert!(!app.state().marks.contains_key("ugap"), "{:?}", app.state().marks);
    // Esc with nothing changed says so; with changes it asks, and d discards.
    let (app, effects) = run_with(state.clone(), (80, 24), "ugap <A-a> <Esc>");
    assert!(effects.is_empty());
    assert_eq!(app.status().map(|s| s.text.as_str()), Some("Aliases not changed"));
    let (app, effects) = run_with(state, (80, 24), "ugap <A-a> three <Esc> d");
    assert!(effects.is_empty());
    assert_eq!(app.status().map(|s| s.text.as_str()), Some("Alias changes discarded"));
    assert_eq!(app.state().marks["ugap"].aliases, ["one", "two"]);
}

#[test]
fn unsaved_aliases_are_asked_about_and_saved_on_a_signal() {
    let (app, effects) = run_with(State::default(), (80, 24), "ugap <A-a> marmite <C-c>");
    assert!(effects.is_empty() && !app.should_quit(), "Ctrl-C asks first: {effects:?}");
    let Some(Overlay::Note(editor)) = app.overlay() else { panic!("the editor stays") };
    assert!(editor.asking.is_some());
    let screen = format!("{:?}", draw(&app).backend()).replace('\u{a0}', " ");
    assert!(screen.contains("Unsaved aliases: Ctrl-S save"), "{screen}");
    let (mut app, _) = run_with(State::default(), (80, 24), "ugap <A-a> marmite");
    let effect = app.update(Action::Terminate);
    assert_eq!(effect, Some(Effect::Save(change("ugap", &["marmite"], &[]))));
    assert!(app.should_quit());
}

#[test]
fn aliases_whose_save_failed_go_back_into_the_editor() {
    let (mut app, effects) = run_with(State::default(), (80, 24), "ugap <A-a> marmite <C-s>");
    let [Effect::Save(change)] = &effects[..] else { panic!("one save: {effects:?}") };
    app.update(Action::SaveFailed {
        change: change.clone(),
        state: Some(State::default()),
        error: "disk full".into(),
    });
    let Some(Overlay::Note(editor)) = app.overlay() else { panic!("the editor is back") };
    assert_eq!(editor.edited, Edited::Aliases);
    assert_eq!(editor.alias_lines(), ["marmite"]);
    assert!(editor.changed(), "still unsaved, so closing asks");
    assert!(app.state().marks.is_empty());
}

#[test]
fn the_detail_shows_your_aliases_in_both_languages() {
    let state = with_aliases("ugap", &["la centrale d'achat", "Achats publics"]);
    let mut state = state;
    if let Some(marks) = state.marks.get_mut("ugap") {
        marks.note = Some("Ask about the 2026 catalogue".into());
        marks.starred = true;
    }
    for (lang, name) in [(Lang::En, "detail_en_100x30"), (Lang::Fr, "detail_fr_100x30")] {
        i18n::set(lang);
        let app = app_with(bundled(), state.clone(), "ugap", (100, 30), &[]);
        insta::assert_snapshot!(name, draw(&app).backend());
        let (app, _) = run_with(state.clone(), (80, 24), "ugap <A-a>");
        insta::assert_snapshot!(
            format!("editor_{name}").replace("100x30", "80x24"),
            draw(&app).backend()
        );
        i18n::set(Lang::En);
    }
}

#[test]
fn has_alias_lists_the_partners_you_named() {
    let catalog = bundled();
    let mut state = with_aliases("ugap", &["la Marmite"]);
    state
        .marks
        .insert("weka".into(), Marks { note: Some("legal guides".into()), ..Marks::default() });
    let marks = catalog.mark_bits(&state);
    let search = |text: &str| {
        let query = Query::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        let hits = catalog.index().search(&query, &marks, None);
        hits.iter().map(|h| catalog.partners()[h.index].id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(search("has:alias"), ["ugap"]);
    assert_eq!(search("has:aliases"), ["ugap"]);
    assert_eq!(search("has:note"), ["weka"]);
    let others = search("!has:alias");
    assert_eq!(others.len(), catalog.partners().len() - 1, "{others:?}");
    assert!(!others.contains(&"ugap".to_owned()));
    assert!(Query::parse("has:star").is_err_and(|e| e.to_string().contains("has:alias")));
}

#[test]
fn the_detail_lights_up_what_the_query_found_in_your_note() {
    let note = "Salon 2026:\n\nMet Jeanne, their buyer.\u{1b}[31m";
    let marks = Marks { note: Some(note.to_owned()), ..Marks::default() };
    let state = State { marks: BTreeMap::from([("ugap".to_owned(), marks)]), ..State::default() };
    let (app, _) = run_with(state, (100, 30), "jeanne");
    let matched = lit(&app);
    assert_eq!(matched, ["Jeanne"], "in the note's third line, where it is");
    let text: String = common::detail_rows(&app).concat();
    assert!(!text.contains('\u{1b}'), "the note is still cleaned: {text:?}");
}

#[test]
fn the_detail_lights_up_what_the_query_found_in_your_aliases() {
    let state = with_aliases("ugap", &["la Marmite", "Jeanne's buyers"]);
    let (app, _) = run_with(state, (100, 30), "marmite");
    let matched = lit(&app);
    assert_eq!(matched, ["Marmite"], "only the alias that was found, where it was found");
}

/// A `Partner` built through the library may hold blank aliases (a dataset refuses them): the
/// detail shows neither an empty entry nor an alias line with nothing on it, in either language.
#[test]
fn the_detail_leaves_out_blank_aliases_of_a_partner_built_by_hand() {
    use partners::catalog::Catalog;
    use partners::output::CardFormat;
    let with = |aliases: &[&str]| {
        let mut one = partner("one", "One", "A partner.");
        one.aliases = aliases.iter().map(|&a| a.to_owned()).collect();
        let catalog = Catalog::from_partners(vec![one], Vec::new(), Vec::new());
        detail_rows(&app_with(catalog, State::default(), "", (80, 24), &[]))
    };
    for (lang, also) in [(Lang::En, "Also:"), (Lang::Fr, "Aussi appelé")] {
        i18n::set(lang);
        let rows = with(&["", "La centrale", " \t", "\u{a0}", "Zoë"]);
        let shown: Vec<&String> = rows.iter().filter(|row| row.starts_with(also)).collect();
        assert_eq!(shown.len(), 1, "{lang:?}: {rows:#?}");
        let listed = shown[0].split_once(':').map_or("", |(_, list)| list).trim();
        assert_eq!(listed, "La centrale, Zoë", "{lang:?}: {rows:#?}");
        let rows = with(&["", "   "]);
        assert!(rows.iter().all(|row| !row.starts_with(also)), "{lang:?}: {rows:#?}");
        // The card `partners show` prints leaves them out too.
        let mut one = partner("one", "One", "A partner.");
        one.aliases = vec![String::new(), "La centrale".into(), "  ".into()];
        let catalog = Catalog::from_partners(vec![one], Vec::new(), Vec::new());
        for format in [CardFormat::Text, CardFormat::Md] {
            let card = partners::output::card(&catalog, 0, None, format);
            let line = card.lines().find(|l| l.contains("La centrale")).unwrap_or_default();
            assert!(line.trim_end().ends_with(": La centrale"), "{lang:?} {format:?}: {card}");
        }
    }
    i18n::set(Lang::En);
}
