//! The note editor holds notes to the bound `partners note` holds them to
//! ([`partners::store::NOTE_MOST`]): a note over it is not saved, and the editor stays open with
//! the text as typed; a paste that would cross it is refused whole, and both are said.

use partners::action::{Action, Effect};
use partners::app::{App, Overlay};
use partners::i18n::{self, Lang};
use partners::store::{NOTE_MOST, State};

mod common;
use common::bundled;

/// The browser on 80×24, the note editor open on UGAP's note.
fn editing() -> App {
    let mut app = App::new(bundled(), State::default(), "");
    app.update(Action::Resize { width: 80, height: 24 });
    assert!(common::keys(&mut app, "ugap <A-e>").is_empty());
    assert!(matches!(app.overlay(), Some(Overlay::Note(_))), "the editor is open");
    app
}

/// The text in the open editor.
fn text(app: &App) -> String {
    match app.overlay() {
        Some(Overlay::Note(editor)) => editor.text(),
        other => panic!("the editor should be open, got {other:?}"),
    }
}

/// The status line's text, said as an error.
fn error(app: &App) -> &str {
    let status = app.status().expect("a status");
    assert!(status.error, "{status:?}");
    &status.text
}

/// Lines of `a`, `NOTE_MOST` bytes in all.
fn longest() -> String {
    let most = usize::try_from(NOTE_MOST).expect("the bound fits");
    let mut text = "a".repeat(most);
    for at in (99..most).step_by(100) {
        text.replace_range(at..=at, "\n");
    }
    text
}

#[test]
fn a_note_over_the_bound_is_not_saved_and_stays_in_the_editor() {
    let mut app = editing();
    let longest = longest();
    assert_eq!(app.update(Action::Paste(longest.clone())), None);
    assert_eq!(text(&app), longest, "a note at the bound is pasted whole");
    // One more character: over the bound.
    assert!(common::keys(&mut app, "x <C-s>").is_empty(), "nothing is saved");
    let over = format!("{longest}x");
    assert_eq!(text(&app), over, "the text is kept as typed");
    assert_eq!(
        error(&app),
        "Not saved: the note is longer than 1 MiB; shorten it, then save again"
    );
    // Nor when saved as the answer to Esc's question, nor on quitting.
    assert!(common::keys(&mut app, "<Esc> s").is_empty());
    assert_eq!(text(&app), over);
    assert!(error(&app).starts_with("Not saved: "));
    assert!(common::keys(&mut app, "<C-c> <C-c>").is_empty());
    assert!(!app.should_quit(), "quitting would lose the note");
    assert_eq!(text(&app), over);
    assert!(error(&app).starts_with("Not saved: "));
    let Some(Overlay::Note(editor)) = app.overlay() else { panic!("the editor is open") };
    assert_eq!(editor.asking, None, "the question is answered: the note is to be shortened");
    // Shortened, it saves.
    let effects = common::keys(&mut app, "<BS> <C-s>");
    assert!(matches!(effects[..], [Effect::Save(_)]), "{effects:?}");
    assert!(app.overlay().is_none());
    let saved = app.state().marks.get("ugap").and_then(|m| m.note.as_deref());
    assert_eq!(saved.map(str::len), Some(longest.len()));
}

#[test]
fn a_paste_that_would_cross_the_bound_is_refused_whole_and_said() {
    let mut app = editing();
    common::keys(&mut app, "hi");
    let most = usize::try_from(NOTE_MOST).expect("the bound fits");
    // Two more bytes than fit with "hi": no part of it goes in.
    assert_eq!(app.update(Action::Paste("é".repeat(most / 2))), None);
    assert_eq!(text(&app), "hi");
    assert_eq!(error(&app), "Not pasted: the note would be longer than 1 MiB");
    // Line breaks pasted as CRLF go in as LF: they count as the note will hold them.
    let crlf = "a\r\n".repeat((most - 2) / 2);
    assert_eq!(app.update(Action::Paste(crlf)), None);
    assert_eq!(text(&app).len(), most, "{:?}", app.status());
}

#[test]
fn the_bound_is_said_in_french() {
    i18n::set(Lang::Fr);
    let mut app = editing();
    let most = usize::try_from(NOTE_MOST).expect("the bound fits");
    app.update(Action::Paste("a".repeat(most + 1)));
    let refused = error(&app).to_owned();
    app.update(Action::Paste("a".repeat(most)));
    common::keys(&mut app, "x <C-s>");
    let not_saved = error(&app).to_owned();
    i18n::set(Lang::En);
    assert_eq!(refused, "Non collé\u{a0}: la note dépasserait 1 Mio");
    assert_eq!(
        not_saved,
        "Non enregistré\u{a0}: la note dépasse 1 Mio\u{a0}; raccourcissez-la, puis enregistrez à nouveau"
    );
}
