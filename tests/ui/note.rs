//! The note editor: how it wraps and scrolls, its question about unsaved text, and the keys
//! the configuration gives it.

use std::collections::BTreeMap;

use partners::action::Action;
use partners::app::App;
use partners::store::{Marks, State};
use rstest::rstest;

use super::common::{self, app_with, bundled, draw};
use super::{marked_state, name, rows};

#[rstest]
#[case((80, 24))]
#[case((50, 16))]
fn note_editor_multiline(#[case] size: (u16, u16)) {
    let mut actions = vec![Action::EditNote, Action::NoteNewline];
    actions.extend("Ask about the green guide.".chars().map(Action::Insert));
    let app = app_with(bundled(), marked_state(), "ugap", size, &actions);
    insta::assert_snapshot!(name(size, "note_editor"), draw(&app).backend());
}

/// A note of long lines: it wraps, shows whole when the editor opens, the cursor at its end.
#[rstest]
#[case((120, 40))]
#[case((80, 24))]
#[case((40, 12))]
fn note_editor_wraps_long_lines(#[case] size: (u16, u16)) {
    let note = "Met Anne Dupont at the Bordeaux fair on Tuesday; she runs the purchasing of the \
                metropolis and wants examples of social clauses in cleaning contracts.\n\
                Send her the 2025 tender calendar and the guide on green procurement before \
                the end of the month.\nCall back in December.";
    let marks = Marks { note: Some(note.into()), note_at: Some(1_795_649_101), ..Marks::default() };
    let state = State { marks: BTreeMap::from([("ugap".to_owned(), marks)]), ..State::default() };
    let app = app_with(bundled(), state, "ugap", size, &[Action::EditNote]);
    insta::assert_snapshot!(name(size, "note_editor_wraps"), draw(&app).backend());
}

/// The detail of a partner with a note: the note under the title; a long pane says there is
/// more below, and once scrolled that there is more above.
#[rstest]
#[case((120, 40), 0)]
#[case((80, 24), 0)]
#[case((80, 24), 3)]
#[case((100, 30), 0)]
#[case((40, 12), 2)]
fn detail_with_note_and_scroll_marks(#[case] size: (u16, u16), #[case] scroll: usize) {
    let mut actions = vec![Action::Open];
    actions.extend(std::iter::repeat_n(Action::ScrollDown, scroll));
    let app = app_with(bundled(), marked_state(), "ugap", size, &actions);
    insta::assert_snapshot!(
        name(size, &format!("detail_note_scrolled_{scroll}")),
        draw(&app).backend()
    );
}

/// Esc on a note with unsaved changes: the editor stays and the status line asks.
#[test]
fn note_editor_asks_before_dropping_changes() {
    let mut actions = vec![Action::EditNote];
    actions.extend("Call back".chars().map(Action::Insert));
    actions.push(Action::CancelNote);
    let app = app_with(bundled(), marked_state(), "ugap", (80, 24), &actions);
    insta::assert_snapshot!("note_editor_asks_80x24", draw(&app).backend());
}

/// The same question where the status line cannot hold it: in a box of its own, whole, and
/// instead of "too small" on a screen too small for the browser.
#[test]
fn the_note_question_is_whole_on_any_screen() {
    for (width, height) in [(60, 20), (40, 12), (30, 8), (20, 6), (16, 4)] {
        // Written on a larger screen, then made smaller; Ctrl-C quits, and asks first.
        let mut actions = vec![Action::EditNote];
        actions.extend("Call back".chars().map(Action::Insert));
        actions.extend([Action::Resize { width, height }, Action::Quit]);
        let app = app_with(bundled(), marked_state(), "ugap", (80, 24), &actions);
        let size = (width, height);
        let terminal = draw(&app);
        let shown: String = terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .map(ratatui::buffer::Cell::symbol)
            .filter(|symbol| !matches!(*symbol, "│" | "─" | "┌" | "┐" | "└" | "┘"))
            .collect::<String>()
            .split_whitespace()
            .collect();
        for said in ["Unsavednote", "Ctrl-Ssave", "discard", "keepwriting"] {
            assert!(shown.contains(said), "{size:?}: {said} in\n{}", terminal.backend());
        }
    }
}

/// Where the question is wrapped, each answer stays on one line: a key never ends a line
/// with what it does on the next ("· d" above "discard").
#[rstest]
fn the_note_question_never_parts_a_key_from_its_answer(
    #[values((60, 20), (50, 14), (40, 12), (30, 8))] size: (u16, u16),
    #[values(partners::i18n::Lang::En, partners::i18n::Lang::Fr)] lang: partners::i18n::Lang,
) {
    let mut actions = vec![Action::EditNote];
    actions.extend("Call back".chars().map(Action::Insert));
    actions.extend([Action::Resize { width: size.0, height: size.1 }, Action::Quit]);
    partners::i18n::set(lang);
    let app = app_with(bundled(), marked_state(), "ugap", (80, 24), &actions);
    let shown = rows(draw(&app).backend().buffer()).join("\n").replace('\u{a0}', " ");
    partners::i18n::set(partners::i18n::Lang::En);
    let answers: &[&str] = match lang {
        partners::i18n::Lang::En => &["Ctrl-S save", "d discard", "Esc keep writing"],
        partners::i18n::Lang::Fr => &["Ctrl-S enregistrer", "d abandonner", "Échap continuer"],
    };
    for answer in answers {
        assert!(shown.contains(answer), "{size:?}: {answer:?} on one line in\n{shown}");
    }
}

/// A key the configuration takes from an action (here Ctrl-S, given to moving to the start
/// of the line) leaves that action unoffered: the note editor's title and the hints name no
/// empty key.
#[test]
fn an_action_left_without_a_key_is_not_offered() {
    let config = partners::config::Config::parse(
        "[keys]\ncursor-home = [\"ctrl-s\"]\n",
        std::path::Path::new("config.toml"),
    )
    .expect("reads");
    let mut app = app_with(bundled(), State::default(), "ugap", (100, 30), &[]);
    app.set_bindings(config.bindings());
    app.update(Action::EditNote);
    let shown = rows(draw(&app).backend().buffer()).join("\n");
    assert!(shown.contains("Note on UGAP — Esc close"), "{shown}");
    assert!(!shown.contains("  save") && !shown.contains("· save"), "{shown}");
}

/// Esc bound to discarding (`discard-note = ["esc"]`) takes the key that keeps writing in
/// the question about an unsaved note: another is offered in its place, in English and
/// French, and does keep writing; so on while the user's keys take the spare ones too.
#[test]
fn the_note_question_keeps_a_key_to_keep_writing_when_esc_discards() {
    use crossterm::event::{KeyCode, KeyModifiers};
    use partners::app::Overlay;
    use partners::i18n::Lang;
    for (keys, spare) in [("[\"esc\"]", 'c'), ("[\"esc\", \"c\"]", 'a')] {
        let text = format!("[keys]\ndiscard-note = {keys}\n");
        let config = partners::config::Config::parse(&text, std::path::Path::new("config.toml"))
            .expect("reads");
        let mut app = app_with(bundled(), State::default(), "ugap", (100, 30), &[]);
        app.set_bindings(config.bindings());
        app.update(Action::EditNote);
        for c in "Call back".chars() {
            app.update(Action::Insert(c));
        }
        // Esc cancels, which asks first.
        common::press(&mut app, KeyCode::Esc, KeyModifiers::NONE);
        let asking =
            |app: &App| matches!(app.overlay(), Some(Overlay::Note(e)) if e.asking.is_some());
        assert!(asking(&app), "{keys}");
        let status =
            |app: &App| rows(draw(app).backend().buffer()).join("\n").replace('\u{a0}', " ");
        for (lang, said) in [(Lang::En, "keep writing"), (Lang::Fr, "continuer")] {
            partners::i18n::set(lang);
            let shown = status(&app);
            partners::i18n::set(Lang::En);
            assert!(shown.contains(&format!("{spare} {said}")), "{keys} {lang:?}:\n{shown}");
        }
        common::press(&mut app, KeyCode::Char(spare), KeyModifiers::NONE);
        assert!(!app.should_quit() && !asking(&app), "{keys}");
        match app.overlay() {
            Some(Overlay::Note(editor)) => assert_eq!(editor.text(), "Call back", "{keys}"),
            other => panic!("{keys}: the editor closed: {other:?}"),
        }
    }
}

/// Esc given to quit (`quit = ["esc"]`) quits from the list, but in the note editor it keeps
/// the editor's meaning: it closes an unchanged note, asks before throwing away unsaved text,
/// and in that question keeps writing; the editor's title and hints say so.
#[test]
fn esc_given_to_quit_still_leaves_the_note_editor() {
    use crossterm::event::{KeyCode, KeyModifiers};
    use partners::app::Overlay;
    let config = partners::config::Config::parse(
        "[keys]\nquit = [\"esc\"]\n",
        std::path::Path::new("config.toml"),
    )
    .expect("reads");
    let mut app = app_with(bundled(), State::default(), "ugap", (100, 30), &[]);
    app.set_bindings(config.bindings());
    let esc = |app: &mut App| common::press(app, KeyCode::Esc, KeyModifiers::NONE);
    let asking = |app: &App| matches!(app.overlay(), Some(Overlay::Note(e)) if e.asking.is_some());
    app.update(Action::EditNote);
    esc(&mut app);
    assert!(app.overlay().is_none() && !app.should_quit(), "an unchanged note just closes");
    app.update(Action::EditNote);
    common::typed(&mut app, "Call back");
    let shown = rows(draw(&app).backend().buffer()).join("\n");
    assert!(shown.contains("Note on UGAP — Ctrl-S save, Esc close"), "{shown}");
    assert!(shown.contains("Esc cancel"), "{shown}");
    esc(&mut app);
    assert!(asking(&app) && !app.should_quit(), "unsaved text: asks");
    let shown = rows(draw(&app).backend().buffer()).join("\n").replace('\u{a0}', " ");
    assert!(shown.contains("Esc keep writing"), "{shown}");
    esc(&mut app);
    assert!(!asking(&app) && !app.should_quit(), "keeps writing");
    match app.overlay() {
        Some(Overlay::Note(editor)) => assert_eq!(editor.text(), "Call back"),
        other => panic!("the editor closed: {other:?}"),
    }
    esc(&mut app);
    common::press(&mut app, KeyCode::Char('d'), KeyModifiers::NONE);
    assert!(app.overlay().is_none() && !app.should_quit(), "discarded, back in the list");
    esc(&mut app);
    assert!(app.should_quit(), "in the list Esc quits");
}
