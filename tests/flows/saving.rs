//! What is saved and what is said when a save fails or there is no store; a changed note is
//! never thrown away unasked, a terminating signal saves it, and Ctrl-Z asks the loop to suspend.

use super::*;

/// A store whose every write fails: its home holds a folder where `state.ron` should be.
fn failing_store(home: &std::path::Path) -> Store {
    let store = Store::open(home).expect("the store opens");
    std::fs::create_dir(home.join("state.ron")).expect("a folder in the way");
    store
}

/// A query the user starred a partner from, or wrote a note from, is remembered in the
/// history once the change is saved, as one a partner was opened from.
#[test]
fn a_query_a_mark_or_note_was_made_from_is_remembered() {
    for keys in ["cnfpt <C-s>", "cnfpt <C-t>", "cnfpt <A-e> hi <C-s>"] {
        let home = tempfile::tempdir().expect("a temporary home");
        let mut store = Store::open(home.path()).expect("the store opens");
        let (mut app, effects) = run(keys);
        let mut next = effects.into_iter().next();
        while let Some(effect) = next {
            let report = partners::effects::perform(effect, Some(&mut store), &mut Vec::new());
            next = app.update(report);
        }
        assert_eq!(store.state().history, ["cnfpt"], "{keys}");
        assert_eq!(app.state().history, ["cnfpt"], "{keys}");
    }
}

#[test]
fn a_note_whose_save_failed_goes_back_into_the_editor() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut store = failing_store(home.path());
    let (mut app, effects) = run("ugap <A-e> h i <C-s>");
    assert_eq!(
        effects,
        vec![Effect::Save(Change::EditedNote {
            id: "ugap".into(),
            text: Some("hi".into()),
            seen: None
        })]
    );
    assert!(app.overlay().is_none());
    // The main loop's path: the effect is performed, its report goes back to update.
    let effect = effects.into_iter().next().expect("one effect");
    let report = partners::effects::perform(effect, Some(&mut store), &mut Vec::new());
    assert!(matches!(report, Action::SaveFailed { .. }), "{report:?}");
    assert_eq!(app.update(report), None);
    match app.overlay() {
        Some(Overlay::Note(editor)) => {
            assert_eq!(editor.id, "ugap");
            assert_eq!(editor.text(), "hi");
            assert_eq!(editor.cursor(), 2);
        }
        other => panic!("the editor should be open again, got {other:?}"),
    }
    let status = app.status().expect("a status");
    assert!(status.error && status.text.starts_with("Not saved: "), "{status:?}");
    assert!(!app.state().marks.contains_key("ugap"), "memory shows what is on disk");
}

#[test]
fn a_star_whose_save_failed_is_shown_as_not_saved() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut store = failing_store(home.path());
    let (mut app, effects) = run("ugap <C-s>");
    assert!(app.state().marks.get("ugap").is_some_and(|m| m.starred));
    let effect = effects.into_iter().next().expect("one effect");
    let report = partners::effects::perform(effect, Some(&mut store), &mut Vec::new());
    app.update(report);
    assert!(!app.state().marks.contains_key("ugap"), "the star is not shown as saved");
    assert!(app.status().is_some_and(|s| s.error && s.text.starts_with("Not saved")));
    assert!(app.overlay().is_none());
}

/// A star the lock kept from saving (another process holds `state.lock`) is said not saved
/// once: the status line says it, the store's reason only why.
#[test]
fn a_change_a_held_lock_kept_from_saving_is_said_not_saved_once() {
    for (lang, not_saved) in
        [(partners::i18n::Lang::En, "not saved"), (partners::i18n::Lang::Fr, "non enregistré")]
    {
        let _speaking = partners::i18n::speaking(lang);
        let home = tempfile::tempdir().expect("a temporary home");
        let mut store = Store::open(home.path()).expect("the store opens");
        store.set_lock_wait(std::time::Duration::ZERO, None);
        let holder = std::fs::File::create(home.path().join("state.lock")).expect("lock file");
        holder.lock().expect("held");
        let (mut app, effects) = run("ugap <C-s>");
        let effect = effects.into_iter().next().expect("one effect");
        app.update(partners::effects::perform(effect, Some(&mut store), &mut Vec::new()));
        let status = app.status().expect("a status");
        assert!(status.text.contains("state.lock"), "{status:?}");
        assert_eq!(status.text.to_lowercase().matches(not_saved).count(), 1, "{status:?}");
    }
}

#[test]
fn without_a_store_nothing_is_claimed_saved() {
    let (mut app, effects) = run("ugap <C-s>");
    let effect = effects.into_iter().next().expect("one effect");
    app.update(partners::effects::perform(effect, None, &mut Vec::new()));
    let status = app.status().expect("a status");
    assert_eq!(status.text, "Not saved: your data folder could not be opened");
    assert!(!app.state().marks.contains_key("ugap"), "the star is not shown as saved");
}

/// Without a store (its folder could not be opened), a note saved goes back into the editor
/// and is not shown as saved: the detail showed it as the note, dated 1970-01-01, and still
/// did once discarded. Marks saved before, as their reports said, stay.
#[test]
fn without_a_store_an_unsaved_note_or_mark_is_not_shown_as_saved() {
    let mut state = State::default();
    state.apply(Change::Star { id: "cnfpt".into(), on: true }, 1_700_000_000);
    for keys in ["ugap <A-e> h i <C-s>", "ugap <C-s>", "ugap <C-t>", "ugap <A-a> hi <C-s>"] {
        let (mut app, effects) = run_with(state.clone(), (80, 24), keys);
        let effect = effects.into_iter().next().expect("one effect");
        app.update(partners::effects::perform(effect, None, &mut Vec::new()));
        assert!(!app.state().marks.contains_key("ugap"), "{keys}: {:?}", app.state());
        assert!(app.state().marks.get("cnfpt").is_some_and(|m| m.starred), "{keys}");
        let detail = common::detail_rows(&app).join("\n");
        assert!(!detail.contains("1970") && !detail.contains("Your"), "{keys}: {detail}");
        if keys.contains("<A-e>") {
            app.update(Action::CancelNote);
            app.update(Action::DiscardNote);
            assert!(app.overlay().is_none(), "{keys}");
            let detail = common::detail_rows(&app).join("\n");
            assert!(!detail.contains("Your note"), "{keys}: {detail}");
        }
    }
}

#[test]
fn a_save_that_worked_shows_what_the_store_holds() {
    let home = tempfile::tempdir().expect("a temporary home");
    let mut store = Store::open(home.path()).expect("the store opens");
    let (mut app, effects) = run("ugap <C-s>");
    let effect = effects.into_iter().next().expect("one effect");
    let report = partners::effects::perform(effect, Some(&mut store), &mut Vec::new());
    app.update(report);
    assert_eq!(app.state(), store.state());
    assert_eq!(app.status().map(|s| s.text.as_str()), Some("★ Starred UGAP"));
}

/// A note with unsaved changes is never thrown away without asking.
#[rstest]
#[case::esc_unchanged_closes("ugap <A-e> <Esc>", Shown::Nothing, false, None)]
#[case::esc_asks("ugap <A-e> hi <Esc>", Shown::Note, false, None)]
#[case::esc_twice_keeps_writing("ugap <A-e> hi <Esc> <Esc> x", Shown::Note, false, None)]
#[case::discard("ugap <A-e> hi <Esc> d", Shown::Nothing, false, None)]
#[case::save_with_s("ugap <A-e> hi <Esc> s", Shown::Nothing, false, Some("hi"))]
#[case::save_with_enter("ugap <A-e> hi <Esc> <Enter>", Shown::Nothing, false, Some("hi"))]
#[case::ctrl_c_asks("ugap <A-e> hi <C-c>", Shown::Note, false, None)]
#[case::ctrl_c_then_discard_quits("ugap <A-e> hi <C-c> d", Shown::Nothing, true, None)]
#[case::ctrl_c_then_save_quits("ugap <A-e> hi <C-c> s", Shown::Nothing, true, Some("hi"))]
#[case::ctrl_c_twice_saves_and_quits("ugap <A-e> hi <C-c> <C-c>", Shown::Nothing, true, Some("hi"))]
#[case::ctrl_c_unchanged_quits("ugap <A-e> <C-c>", Shown::Note, true, None)]
fn closing_a_changed_note_asks(
    #[case] keys: &str,
    #[case] overlay: Shown,
    #[case] quit: bool,
    #[case] saved: Option<&str>,
) {
    let (app, effects) = run(keys);
    assert_eq!(shown(&app), overlay, "{keys}");
    assert_eq!(app.should_quit(), quit, "{keys}");
    assert_eq!(notes_saved(&effects), saved_as(saved), "{keys}");
    if overlay == Shown::Note && !quit {
        let Some(Overlay::Note(editor)) = app.overlay() else { unreachable!() };
        assert!(editor.text().starts_with("hi"), "the text is still there: {keys}");
    }
}

#[test]
fn a_terminating_signal_saves_the_note_being_written() {
    let (mut app, _) = run("ugap <A-e> draft");
    let effect = app.update(Action::Terminate);
    assert!(app.should_quit());
    assert_eq!(
        effect,
        Some(Effect::Save(Change::EditedNote {
            id: "ugap".into(),
            text: Some("draft".into()),
            seen: None
        }))
    );
    let (mut app, _) = run("ugap");
    assert!(
        app.update(Action::Terminate)
            .is_none_or(|e| matches!(e, Effect::Save(Change::PushHistory(_))))
    );
    assert!(app.should_quit());
}

#[test]
fn ctrl_z_asks_the_loop_to_suspend_and_a_failure_is_said() {
    let (mut app, effects) = run("ugap <C-z>");
    assert_eq!(effects, vec![Effect::Suspend]);
    let report = partners::effects::perform(Effect::Suspend, None, &mut Vec::new());
    app.update(report);
    assert!(app.status().is_some_and(|s| s.error && s.text.starts_with("Could not suspend")));
    assert_eq!(app.query(), "ugap");
}
