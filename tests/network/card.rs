//! Copying a card: its text and the user's marks, OSC 52, a clipboard program that takes it,
//! fails or hangs, a card too long for OSC 52, and what the user is told, in French too.

use super::*;

#[test]
fn ctrl_y_copies_the_card() {
    let mut app = browser(bundled(), (80, 24));
    typed(&mut app, "gsef");
    let effect = press(&mut app, KeyCode::Char('c'), KeyModifiers::ALT);
    let gsef = position(app.catalog(), "gsef");
    let card = output::card(app.catalog(), gsef, None, CardFormat::Text);
    assert_eq!(effect, Some(Effect::Copy { text: card.clone(), name: "GSEF".into() }));
    assert!(card.starts_with("Global Social Economy Forum (GSEF)\n"), "{card}");
    assert!(card.contains("Headquartered in: City of Bordeaux"), "{card}");
    assert!(app.status().is_none(), "nothing is claimed before the copy is done");
    // The real path: the effect is carried out into a terminal, and the report comes back.
    // No clipboard program and no multiplexer: OSC 52 straight to the terminal.
    let mut terminal = Vec::new();
    let report = partners::effects::perform_with(
        effect.expect("a copy"),
        None,
        &mut terminal,
        &Clipboard::default(),
    );
    app.update(report);
    assert_eq!(terminal, output::osc52(&card).into_bytes());
    let status = app.status().map(|s| s.text.as_str());
    assert_eq!(status, Some("Card of GSEF sent as OSC 52: copied if your terminal allows it"));

    let sequence = output::osc52(&card);
    let encoded = sequence
        .strip_prefix("\x1b]52;c;")
        .and_then(|s| s.strip_suffix('\x07'))
        .unwrap_or_else(|| panic!("not ESC ] 52 ; c ; … BEL: {sequence:?}"));
    let decoded = base64::engine::general_purpose::STANDARD.decode(encoded).expect("base64");
    assert_eq!(String::from_utf8(decoded).expect("utf-8"), card);
    assert!(encoded.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)));
}

#[test]
fn ctrl_y_card_has_the_users_marks() {
    let mut state = State::default();
    state.apply(partners::store::Change::Star { id: "ugap".into(), on: true }, 0);
    state.apply(partners::store::Change::Note { id: "ugap".into(), text: Some("call".into()) }, 0);
    let mut app = App::new(bundled(), state, "ugap");
    app.update(Action::Resize { width: 80, height: 24 });
    let Some(Effect::Copy { text: card, .. }) =
        press(&mut app, KeyCode::Char('c'), KeyModifiers::ALT)
    else {
        panic!("Alt-c copies")
    };
    assert!(card.contains("Mine: starred\n  call\n"), "{card}");
}

#[test]
fn osc52_of_unicode_and_empty_text() {
    for text in ["", "é — 日本 🎉\nline two", "\u{1b}]52;c;evil\u{7}"] {
        let sequence = output::osc52(text);
        assert!(sequence.starts_with("\x1b]52;c;") && sequence.ends_with('\x07'));
        let body = &sequence[7..sequence.len() - 1];
        assert!(!body.contains('\x1b') && !body.contains('\x07'), "the payload is inert");
        let decoded = base64::engine::general_purpose::STANDARD.decode(body).expect("base64");
        assert_eq!(decoded, text.as_bytes());
    }
}

// -- Which way the card went ----------------------------------------------------------------

/// A fake clipboard program in a temporary folder: a shell script with `body`.
#[cfg(unix)]
fn fake_program(dir: &std::path::Path, name: &str, body: &str) -> Vec<String> {
    use std::os::unix::fs::PermissionsExt as _;
    let path = dir.join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("the script is written");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    vec![path.display().to_string()]
}

/// Copies GSEF's card with `clipboard` into a fake terminal; returns the app, the card and
/// what the terminal received.
fn copy_gsef(clipboard: &Clipboard) -> (App, String, Vec<u8>) {
    let mut app = browser(bundled(), (80, 24));
    typed(&mut app, "gsef");
    let Some(effect @ Effect::Copy { .. }) = press(&mut app, KeyCode::Char('c'), KeyModifiers::ALT)
    else {
        panic!("Alt-c copies")
    };
    let Effect::Copy { text: card, .. } = effect.clone() else { unreachable!() };
    let mut terminal = Vec::new();
    let report = partners::effects::perform_with(effect, None, &mut terminal, clipboard);
    app.update(report);
    (app, card, terminal)
}

fn status(app: &App) -> &str {
    app.status().map_or("", |s| s.text.as_str())
}

#[cfg(unix)]
#[test]
fn a_clipboard_program_takes_the_card_and_the_terminal_gets_nothing() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("clipboard.txt");
    let program = fake_program(dir.path(), "wl-copy", &format!("cat > '{}'", out.display()));
    let clipboard = Clipboard { multiplexer: Some(Multiplexer::Tmux), programs: vec![program] };
    let (app, card, terminal) = copy_gsef(&clipboard);
    assert_eq!(std::fs::read_to_string(&out).expect("the program wrote"), card);
    assert!(terminal.is_empty(), "no OSC 52 once a program took it");
    assert_eq!(status(&app), "Card of GSEF copied to the clipboard (wl-copy)");
}

#[cfg(unix)]
#[test]
fn a_failing_or_missing_program_falls_back_to_osc52_through_tmux() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let failing = fake_program(dir.path(), "xclip", "cat > /dev/null; exit 1");
    let missing = vec![dir.path().join("xsel").display().to_string()];
    let clipboard =
        Clipboard { multiplexer: Some(Multiplexer::Tmux), programs: vec![failing, missing] };
    let (app, card, terminal) = copy_gsef(&clipboard);
    let (expected, cut) = partners::clipboard::osc52(&card, "", Some(Multiplexer::Tmux));
    assert!(!cut);
    assert_eq!(String::from_utf8(terminal).expect("ascii"), expected);
    assert!(expected.starts_with("\x1bPtmux;\x1b\x1b]52;c;"), "{expected:?}");
    assert_eq!(status(&app), "Card of GSEF sent via tmux as OSC 52: copied if both allow it");
}

#[cfg(unix)]
#[test]
fn a_program_that_hangs_is_given_up_on() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let hanging = fake_program(dir.path(), "pbcopy", "exec sleep 30");
    let clipboard = Clipboard { multiplexer: Some(Multiplexer::Screen), programs: vec![hanging] };
    let started = std::time::Instant::now();
    let (app, _, terminal) = copy_gsef(&clipboard);
    assert!(started.elapsed() < std::time::Duration::from_secs(10), "the timeout is short");
    assert!(terminal.starts_with(b"\x1bP\x1b]52;c;"), "OSC 52 wrapped for screen");
    assert!(status(&app).contains("via screen"), "{}", status(&app));
}

#[test]
fn a_card_too_long_for_osc52_is_cut_and_the_user_told() {
    let mut state = State::default();
    let note = "long note ".repeat(10_000);
    state.apply(partners::store::Change::Note { id: "gsef".into(), text: Some(note) }, 0);
    let mut app = App::new(bundled(), state, "gsef");
    app.update(Action::Resize { width: 120, height: 40 });
    let effect = press(&mut app, KeyCode::Char('c'), KeyModifiers::ALT).expect("a copy");
    let mut terminal = Vec::new();
    let report =
        partners::effects::perform_with(effect, None, &mut terminal, &Clipboard::default());
    assert!(matches!(&report, Action::Copied { way: CopyWay::Terminal { cut: true, .. }, .. }));
    app.update(report);
    assert!(terminal.len() <= partners::clipboard::OSC52_MAX + 8, "{}", terminal.len());
    assert!(status(&app).ends_with("(cut to fit)"), "{}", status(&app));
}

#[test]
fn the_way_the_card_went_is_said_in_french() {
    partners::i18n::set(partners::i18n::Lang::Fr);
    let mut app = browser(bundled(), (80, 24));
    let said = |app: &mut App, way: CopyWay| {
        app.update(Action::Copied { name: "GSEF".into(), way });
        status(app).to_owned()
    };
    let program = said(&mut app, CopyWay::Program("xclip".into()));
    let plain = said(&mut app, CopyWay::Terminal { via: None, cut: false });
    let tmux = said(&mut app, CopyWay::Terminal { via: Some(Multiplexer::Tmux), cut: true });
    partners::i18n::set(partners::i18n::Lang::En);
    assert_eq!(program, "Fiche de GSEF copiée dans le presse-papiers (xclip)");
    assert_eq!(plain, "Fiche de GSEF envoyée en OSC 52\u{a0}: copiée si votre terminal l'accepte");
    assert!(tmux.contains("via tmux") && tmux.ends_with("(tronquée)"), "{tmux}");
}
