//! Marks and notes by key: Ctrl-S and Ctrl-T, the note editor, the starred view, and what a
//! terminal too small for the rest still takes.

use super::*;

fn star(id: &str, on: bool) -> Effect {
    Effect::Save(Change::Star { id: id.to_owned(), on })
}

#[test]
fn ctrl_s_stars_at_once() {
    let (app, effects) = run("ugap <C-s>");
    assert_eq!(effects, vec![star("ugap", true)]);
    let ugap = app.catalog().position("ugap").expect("ugap is bundled");
    assert!(app.marks_of(ugap).has(partners::search::Mark::Starred));
    assert!(app.state().marks.get("ugap").is_some_and(|m| m.starred));
    assert!(app.status().is_some_and(|s| s.text.contains("Starred UGAP")), "{:?}", app.status());
    // The list shows the star before any save comes back.
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24))
        .expect("a test terminal");
    terminal.draw(|f| partners::ui::render(&app, &mono(), f)).expect("drawing");
    let row: String = (0..80).map(|x| terminal.backend().buffer()[(x, 2)].symbol()).collect();
    assert!(row.starts_with("▌★   UGAP"), "{row}");

    let (app, effects) = run("ugap <C-s> <C-s>");
    assert_eq!(effects, vec![star("ugap", true), star("ugap", false)]);
    assert!(!app.marks_of(ugap).has(partners::search::Mark::Starred));
    assert!(!app.state().marks.contains_key("ugap"));
}

/// On a terminal too small to show anything but that it is, keys change nothing unseen:
/// no query typed, no star, no note opened. Quitting still works.
#[test]
fn a_terminal_too_small_takes_no_keys_but_quitting() {
    let (mut app, effects) = run_with(State::default(), (20, 6), "ugap <C-s> <C-t> <A-e> <Down>");
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(app.query(), "");
    assert!(app.overlay().is_none());
    assert_eq!(app.selected(), 0);
    app.update(Action::Resize { width: 80, height: 24 });
    assert!(app.state().marks.is_empty());
    app.update(Action::Resize { width: 20, height: 6 });
    app.update(Action::Quit);
    assert!(app.should_quit());
}

/// A note's question is what a terminal too small for the rest still shows (with its keys):
/// its answers work there, and nothing else does.
#[rstest]
#[case::save("<C-c> s", true, Some("hi"))]
#[case::save_with_ctrl_s("<C-c> <C-s>", true, Some("hi"))]
#[case::discard("<C-c> d", true, None)]
#[case::keep_writing_then_quit_asks_again("<C-c> <Esc> x <C-c>", false, None)]
#[case::esc_asks_nothing_there("<Esc> x", false, None)]
fn a_notes_question_on_a_terminal_too_small_takes_its_answers(
    #[case] keys: &str,
    #[case] quit: bool,
    #[case] saved: Option<&str>,
) {
    let (mut app, _) = run("ugap <A-e> hi");
    app.update(Action::Resize { width: 20, height: 6 });
    let effects = common::keys(&mut app, keys);
    assert_eq!(app.should_quit(), quit, "{keys}");
    assert_eq!(notes_saved(&effects), saved_as(saved), "{keys}");
    if let Some(Overlay::Note(editor)) = app.overlay() {
        assert_eq!(editor.text(), "hi", "nothing typed unseen: {keys}");
    }
}

#[test]
fn ctrl_s_in_detail_stars_too() {
    let (_, effects) = run("ugap <Tab> <C-s>");
    assert_eq!(effects, vec![star("ugap", true)]);
}

#[test]
fn ctrl_s_without_selection_does_nothing() {
    let (app, effects) = run("zzzz <C-s> <C-t> <A-e> <A-c>");
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(shown(&app), Shown::Nothing);
}

#[test]
fn ctrl_t_marks_met() {
    let (app, effects) = run("ugap <C-t>");
    assert_eq!(effects, vec![Effect::Save(Change::Met { id: "ugap".into(), on: true })]);
    assert!(app.state().marks.get("ugap").is_some_and(|m| m.met && !m.starred));
    let (_, effects) = run("ugap <C-t> <C-t>");
    assert_eq!(effects[1], Effect::Save(Change::Met { id: "ugap".into(), on: false }));
}

#[test]
fn note_editor_saves_lines() {
    let (app, effects) = run("ugap <A-e> line <Space> one <Enter> two <C-s>");
    let note =
        Change::EditedNote { id: "ugap".into(), text: Some("line one\ntwo".into()), seen: None };
    assert_eq!(effects, vec![Effect::Save(note)]);
    assert_eq!(shown(&app), Shown::Nothing);
    assert_eq!(
        app.state().marks.get("ugap").and_then(|m| m.note.as_deref()),
        Some("line one\ntwo")
    );
    assert_eq!(app.status().map(|s| s.text.as_str()), Some("Note saved"));
    let ugap = app.catalog().position("ugap").expect("ugap is bundled");
    assert!(app.marks_of(ugap).has(partners::search::Mark::Noted));
}

#[test]
fn note_editor_edits_existing_note_and_moves_between_lines() {
    let marks = Marks { note: Some("first\nsecond".into()), ..Marks::default() };
    let state = State { marks: BTreeMap::from([("ugap".into(), marks)]), ..State::default() };
    let (app, _) = run_with(state.clone(), (80, 24), "ugap <A-e> <Up> <Home> > <Space>");
    let Some(Overlay::Note(editor)) = app.overlay() else { panic!("the editor is open") };
    assert_eq!(editor.text(), "> first\nsecond");
    assert_eq!(editor.cursor(), 2, "after \"> \" on the first line");
    let (_, effects) = run_with(state, (80, 24), "ugap <A-e> <BS> <BS> <BS> <BS> <BS> <BS> <C-s>");
    let (text, seen) = (Some("first\n".into()), Some("first\nsecond".into()));
    assert_eq!(effects, vec![Effect::Save(Change::EditedNote { id: "ugap".into(), text, seen })]);
}

#[test]
fn note_editor_blank_note_removes_it() {
    let marks = Marks { note: Some("x".into()), ..Marks::default() };
    let state = State { marks: BTreeMap::from([("ugap".into(), marks)]), ..State::default() };
    let (app, effects) = run_with(state, (80, 24), "ugap <A-e> <BS> <Space> <C-s>");
    let cleared = Change::EditedNote { id: "ugap".into(), text: None, seen: Some("x".into()) };
    assert_eq!(effects, vec![Effect::Save(cleared)]);
    assert!(!app.state().marks.contains_key("ugap"));
}

#[test]
fn note_editor_esc_then_discard_cancels() {
    let (app, effects) = run("ugap <A-e> draft <Enter> text <Esc> d");
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(shown(&app), Shown::Nothing);
    assert!(!app.state().marks.contains_key("ugap"));
    assert_eq!(app.status().map(|s| s.text.as_str()), Some("Note changes discarded"));
}

#[test]
fn note_editor_question_mark_is_text() {
    let (app, _) = run("<A-e> why?");
    let Some(Overlay::Note(editor)) = app.overlay() else { panic!("the editor is open") };
    assert_eq!(editor.text(), "why?");
}

fn starred(ids: &[&str]) -> State {
    let marks =
        ids.iter().map(|id| ((*id).to_owned(), Marks { starred: true, ..Marks::default() }));
    State { marks: marks.collect(), ..State::default() }
}

#[rstest]
#[case::on("<F3>", "is:starred ", 2)]
#[case::off("<F3> <F3>", "", 38)]
#[case::with_text("gsef <F3>", "is:starred gsef ", 1)]
#[case::with_text_off("gsef <F3> <F3>", "gsef", 1)]
#[case::with_text_not_starred("ugap <F3>", "is:starred ugap ", 0)]
fn f3_toggles_starred_only(#[case] keys: &str, #[case] query: &str, #[case] count: usize) {
    let (app, _) = run_with(starred(&["gsef", "cnfpt"]), (80, 24), keys);
    assert_eq!(app.query(), query);
    assert_eq!(app.cursor(), query.chars().count());
    assert_eq!(app.results().len(), count, "results of {query:?}");
}

#[test]
fn unstarring_under_is_starred_keeps_the_row_until_the_query_changes() {
    let stars = starred(&["gsef", "ugap"]);
    let (app, effects) = run_with(stars.clone(), (80, 24), "<A-s> <C-s>");
    assert_eq!(app.results().len(), 2, "the unstarred row stays");
    let first = app.selected_partner().expect("a row is selected");
    assert!(!app.marks_of(first).has(partners::search::Mark::Starred), "shown unstarred");
    assert_eq!(effects.len(), 1);
    // The same key stars it back: a second Ctrl-S does not unstar the next partner.
    let (app, _) = run_with(stars.clone(), (80, 24), "<A-s> <C-s> <C-s>");
    assert_eq!(app.selected_partner(), Some(first));
    assert!(app.marks_of(first).has(partners::search::Mark::Starred), "starred back");
    assert_eq!(app.state().marks.values().filter(|m| m.starred).count(), 2);
    // Once the query changes, the list shows only what is starred.
    let (app, _) = run_with(stars, (80, 24), "<A-s> <C-s> x <BS>");
    assert_eq!(app.results().len(), 1);
}

#[test]
fn the_empty_starred_view_says_how_to_star() {
    let (app, _) = run("<A-s>");
    assert!(app.results().is_empty());
    let screen = format!("{:?}", common::draw(&app).backend().buffer());
    assert!(screen.contains("No starred partners yet"), "{screen}");
    assert!(screen.contains("Ctrl-S"), "names the key that stars");
}

#[test]
fn the_empty_starred_view_says_where_the_stars_of_other_data_are() {
    // Red team Z: stars given to partners of another dataset (`--data`) were denied: "No
    // starred partners yet".
    let stars = starred(&["not-in-this-data", "nor-this-one"]);
    let (app, _) = run_with(stars, (200, 24), "<A-s>");
    assert!(app.results().is_empty());
    let screen = common::screen(&app);
    assert!(screen.contains("None of your 2 starred partners is in this data"), "{screen}");
    assert!(!screen.contains("No starred partners yet"), "{screen}");
}
