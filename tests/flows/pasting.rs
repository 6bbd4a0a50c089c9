//! Pastes into the query and the note, editing the note, and Up and Down over its wrapped rows.

use super::*;

/// The app after `keys`, then a pasted `text`.
fn pasted(keys: &str, text: &str) -> App {
    let (mut app, _) = run(keys);
    let event = Event::Paste(text.to_owned());
    if let Some(action) = partners::input::action(&event, app.key_state()) {
        app.update(action);
    }
    app
}

#[test]
fn a_paste_goes_into_the_query_on_one_line() {
    let app = pasted("ab <Left>", "x\r\ny\tz\u{1b}[31m");
    assert_eq!(app.query(), "ax y z[31mb");
    assert_eq!(app.cursor(), 10);
    let app = pasted("ugap <Tab>", "cnfpt");
    assert_eq!((app.query().as_str(), app.focus()), ("ugapcnfpt", Focus::List));
    let app = pasted("<F1>", "ugap");
    assert_eq!(app.query(), "", "the help takes no paste");
}

#[test]
fn a_paste_keeps_its_lines_in_the_note() {
    let app = pasted("ugap <A-e>", "line one\r\nline\u{7} two");
    let Some(Overlay::Note(editor)) = app.overlay() else { panic!("the editor is open") };
    assert_eq!(editor.text(), "line one\nline two");
}

#[rstest]
#[case::combining_backspace("ugap <A-e> cafe\u{301} <BS>", "caf", 3)]
#[case::family_left(
    "ugap <A-e> a👨\u{200d}👩\u{200d}👧b <Left> <Left> <BS>",
    "👨\u{200d}👩\u{200d}👧b",
    0
)]
#[case::ctrl_k_on_a_line("ugap <A-e> one <Enter> two <Up> <C-a> <C-f> <C-k>", "o\ntwo", 1)]
#[case::ctrl_u_on_a_line("ugap <A-e> one <Enter> two <C-u>", "one\n", 4)]
#[case::alt_b_and_alt_d("ugap <A-e> foo <Space> bar <A-b> <A-d>", "foo ", 4)]
#[case::ctrl_e_ends_the_line("ugap <A-e> one <Enter> two <Up> <C-a> <C-e>", "one\ntwo", 3)]
#[case::ctrl_j_new_line("ugap <A-e> a <C-j> b", "a\nb", 3)]
fn editing_the_note(#[case] keys: &str, #[case] text: &str, #[case] cursor: usize) {
    let (app, _) = run(keys);
    let Some(Overlay::Note(editor)) = app.overlay() else { panic!("the editor is open") };
    assert_eq!((editor.text().as_str(), editor.cursor()), (text, cursor), "after {keys:?}");
}

/// Up and Down move by the rows the editor shows: a paragraph of 99 characters wraps after
/// 13 words in the editor of an 80-column terminal (67 columns of text), the cursor at the
/// end, on the second row's 34th column.
#[rstest]
#[case::up_to_the_row_above("<Up>", 34)]
#[case::and_back_down("<Up> <Down>", 99)]
#[case::not_past_the_first_row("<Up> <Up>", 34)]
#[case::not_past_the_last_row("<Down>", 99)]
#[case::as_near_the_column_as_the_row_allows("<Up> <A-f> <A-f> <A-f> <A-f> <Down>", 99)]
#[case::from_the_start("<Home> <Up> <Down>", 65)]
fn up_and_down_follow_the_wrapped_rows(#[case] moves: &str, #[case] cursor: usize) {
    let paragraph = vec!["abcd"; 20].join(" <Space> ");
    let (app, _) = run(&format!("ugap <A-e> {paragraph} {moves}"));
    let Some(Overlay::Note(editor)) = app.overlay() else { panic!("the editor is open") };
    assert_eq!(editor.text(), vec!["abcd"; 20].join(" "));
    assert_eq!(editor.cursor(), cursor, "after {moves}");
}

/// The editor keeps its text wrapped from one edit to the next; a resize wraps it again, to
/// the new width, and Up and Down then follow the new rows.
#[test]
fn the_note_is_wrapped_again_when_the_terminal_is_resized() {
    let paragraph = vec!["abcd"; 20].join(" <Space> ");
    let (mut app, _) = run(&format!("ugap <A-e> {paragraph}"));
    let rows = |app: &App| {
        let Some(Overlay::Note(editor)) = app.overlay() else { panic!("the editor is open") };
        (editor.layout().rows.len(), editor.layout().columns(), editor.cursor())
    };
    assert_eq!(rows(&app), (2, 67, 99), "wrapped at 80x24");
    app.update(Action::Resize { width: 40, height: 24 });
    assert_eq!(rows(&app), (3, 37, 99), "wrapped at 40 columns: seven words a row");
    app.update(Action::NoteLineUp);
    assert_eq!(rows(&app).2, 35 + 29, "one row up, on the same column");
    // What is drawn is what the editor keeps.
    let screen = common::draw(&app).backend().to_string();
    assert!(screen.contains(&format!("│{}   ", ["abcd"; 7].join(" "))), "{screen}");
    assert!(!screen.contains(&["abcd"; 8].join(" ")), "{screen}");
}
