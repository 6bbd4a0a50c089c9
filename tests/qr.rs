//! QR hand-off: what is drawn decodes to the payload's own QR matrix, payloads fit the space
//! they are given (80x24, 120x40, too small), and `partners show --qr` prints what it fits.

#[path = "common/extras.rs"]
mod extras;

use extras::{Home, NOTE, bundled, contacts};
use partners::catalog::Catalog;
use partners::qr::{self, Part, QUIET_ZONE, QrError};
use partners::ui::theme::ColorDepth;
use partners::vcard::Contact;
use qrcode::bits::Bits;
use qrcode::{Color, EcLevel, QrCode, Version};

fn contact(catalog: &Catalog, id: &str, note: Option<&str>) -> Contact {
    let index = catalog.position(id).unwrap_or_else(|| panic!("no partner {id}"));
    Contact::of(&catalog.partners()[index], note)
}

/// The modules drawn by `lines` (true = dark), row by row, quiet zone included.
fn parse_drawing(lines: &[String]) -> Vec<Vec<bool>> {
    let mut rows = Vec::new();
    for line in lines {
        let (mut top, mut bottom) = (Vec::new(), Vec::new());
        for c in line.chars() {
            let (t, b) = match c {
                '█' => (true, true),
                '▀' => (true, false),
                '▄' => (false, true),
                ' ' => (false, false),
                other => panic!("{other:?} is not a half block"),
            };
            top.push(t);
            bottom.push(b);
        }
        rows.push(top);
        rows.push(bottom);
    }
    rows
}

/// The code `payload` must make, built the obvious way: ASCII as the crate encodes it by
/// default; anything else as one byte segment after ECI 26 (UTF-8), in the smallest version.
fn expected_code(payload: &str) -> QrCode {
    if payload.is_ascii() {
        return QrCode::with_error_correction_level(payload, EcLevel::L).expect("encodes");
    }
    let bits = (1..=40)
        .find_map(|version| {
            let mut bits = Bits::new(Version::Normal(version));
            bits.push_eci_designator(26).ok()?;
            bits.push_byte_data(payload.as_bytes()).ok()?;
            bits.push_terminator(EcLevel::L).ok()?;
            Some(bits)
        })
        .expect("fits a QR code");
    QrCode::with_bits(bits, EcLevel::L).expect("encodes")
}

/// Checks that `lines` draw exactly the QR code of `payload`, with a light quiet zone of 4
/// modules all round, and that a QR decoder reads `payload` back from what is drawn.
fn assert_draws(lines: &[String], payload: &str) {
    let expected = expected_code(payload);
    let width = expected.width();
    let side = width + 2 * QUIET_ZONE;
    assert_eq!(lines.len(), side.div_ceil(2), "rows of the drawing");
    let modules = parse_drawing(lines);
    for (y, row) in modules.iter().enumerate() {
        assert_eq!(row.len(), side, "columns of row {y}");
        for (x, &dark) in row.iter().enumerate() {
            let inside = (QUIET_ZONE..QUIET_ZONE + width).contains(&x)
                && (QUIET_ZONE..QUIET_ZONE + width).contains(&y);
            let want = inside && expected[(x - QUIET_ZONE, y - QUIET_ZONE)] == Color::Dark;
            assert_eq!(dark, want, "module ({x}, {y})");
        }
    }
    let grid = rqrr::SimpleGrid::from_func(width, |x, y| modules[y + QUIET_ZONE][x + QUIET_ZONE]);
    let (_, decoded) = rqrr::Grid::new(grid).decode().expect("a decoder reads the drawing");
    assert_eq!(decoded, payload);
}

/// The fields of a MECARD, unescaped, in order.
fn mecard_fields(payload: &str) -> Vec<(String, String)> {
    let body = payload.strip_prefix("MECARD:").expect("a MECARD");
    let body = body.strip_suffix(";;").expect("ends with ;;");
    let mut fields = Vec::new();
    let mut current = String::new();
    let mut chars = body.chars();
    let push = |field: &str| {
        let (name, value) = field.split_once(':').expect("NAME:value");
        (name.to_owned(), value.to_owned())
    };
    while let Some(c) = chars.next() {
        match c {
            '\\' => current.push(chars.next().expect("escape followed by a character")),
            ';' => fields.push(push(&std::mem::take(&mut current))),
            c => current.push(c),
        }
    }
    fields.push(push(&current));
    fields
}

fn field<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

#[test]
fn the_drawing_is_the_payloads_own_qr_matrix() {
    let (contacts, bundled) = (contacts(), bundled());
    let cases = [
        contact(&contacts, "tiny", Some("Met at the fair")),
        contact(&contacts, "reseau", Some(NOTE)),
        contact(&bundled, "ugap", None),
    ];
    for contact in &cases {
        for (columns, rows) in [(80, 24), (120, 40), (200, 60)] {
            let fitted = qr::fit(contact, columns, rows).expect("fits");
            let lines = qr::draw(&fitted.code);
            assert_draws(&lines, &fitted.payload);
            assert!(lines.len() <= usize::from(rows), "{} rows in {rows}", lines.len());
            assert!(lines.iter().all(|l| l.chars().count() <= usize::from(columns)));
        }
    }
}

#[test]
fn at_80x24_a_short_card_keeps_all_but_the_description() {
    let catalog = contacts();
    let fitted =
        qr::fit(&contact(&catalog, "tiny", Some("Met at the fair, wants a demo in March")), 80, 24)
            .expect("fits 80x24");
    let fields = mecard_fields(&fitted.payload);
    assert_eq!(field(&fields, "N"), Some("Abc"));
    assert_eq!(field(&fields, "NICKNAME"), Some("A"));
    assert_eq!(field(&fields, "EMAIL"), Some("a@b.fr"));
    assert_eq!(field(&fields, "ADR"), Some("Lyon"));
    let note = field(&fields, "NOTE").expect("a NOTE");
    assert!(note.starts_with("Met at the fair"), "{note}");
    assert!(note.contains("Public body"), "{note}");
    assert!(fitted.shortened.contains(&Part::Description), "{fitted:?}");
}

#[test]
fn at_80x24_a_long_card_keeps_its_name_and_phone() {
    let catalog = contacts();
    let fitted = qr::fit(&contact(&catalog, "reseau", Some(NOTE)), 80, 24).expect("fits 80x24");
    let fields = mecard_fields(&fitted.payload);
    assert_eq!(field(&fields, "N"), Some("Réseau des achats; Nord, Est \\ Ouest"));
    assert_eq!(field(&fields, "TEL"), Some("+33 3 20 00 00 00"));
    // About 106 bytes at most: the email and website wait for a larger terminal.
    assert!(fitted.shortened.contains(&Part::Website), "{fitted:?}");
    assert!(fitted.shortened.contains(&Part::Description), "{fitted:?}");
    assert!(fitted.code.width() + 2 * QUIET_ZONE <= 48, "version 5 at most");
}

#[test]
fn at_120x40_the_card_carries_more() {
    let catalog = contacts();
    let c = contact(&catalog, "reseau", Some(NOTE));
    let small = qr::fit(&c, 80, 24).expect("fits 80x24");
    let large = qr::fit(&c, 120, 40).expect("fits 120x40");
    assert!(large.payload.len() > small.payload.len());
    let fields = mecard_fields(&large.payload);
    assert_eq!(field(&fields, "EMAIL"), Some("contact@reseau-achats.example.org"));
    assert_eq!(field(&fields, "URL"), Some("https://reseau-achats.example.org/about"));
    assert_eq!(field(&fields, "NICKNAME"), Some("RANE"));
    assert_eq!(field(&fields, "ADR"), Some("Lille, Hauts-de-France"));
    let note = field(&fields, "NOTE").expect("a NOTE");
    // The note is on one line in a MECARD.
    assert!(
        note.starts_with("Met Hélène at booth B12; wants a demo, in March Call back"),
        "{note}"
    );
    assert!(note.contains("Business network"), "{note}");
    assert!(note.contains("A network of buyers"), "the description starts: {note}");
    assert!(!large.shortened.contains(&Part::Note), "{large:?}");
}

#[test]
fn too_small_says_how_much_room_is_needed() {
    let catalog = contacts();
    let c = contact(&catalog, "reseau", Some(NOTE));
    let Err(QrError::TooSmall { needs_columns, needs_rows, .. }) = qr::fit(&c, 30, 14) else {
        panic!("30x12 is too small for a contact");
    };
    assert!(qr::fit(&c, needs_columns, needs_rows).is_ok(), "{needs_columns}x{needs_rows}");
    assert!(matches!(qr::fit(&c, 20, 100), Err(QrError::TooSmall { .. })));
    let message = qr::fit(&c, 30, 14).expect_err("too small").to_string();
    assert!(message.contains("30×14"), "{message}");
}

#[test]
fn without_contact_fields_the_payload_is_the_cards_text() {
    let catalog = bundled();
    let fitted = qr::fit(&contact(&catalog, "ugap", Some("Ask about\nthe catalogue")), 120, 40)
        .expect("fits");
    let lines: Vec<&str> = fitted.payload.lines().collect();
    assert_eq!(lines[0], "UGAP");
    assert_eq!(lines[1], "Public body · France");
    assert_eq!(lines[2], "Note: Ask about the catalogue");
    assert!(lines[3].starts_with("UGAP is a public industrial"), "{lines:?}");
}

#[test]
fn data_never_brings_control_characters() {
    let catalog = contacts();
    let mut c = contact(&catalog, "reseau", Some("evil\u{1b}[2J note"));
    c.name = "\u{1b}]52;c;aGk=\u{7}Name".to_owned();
    let fitted = qr::fit(&c, 200, 60).expect("fits");
    assert!(!fitted.payload.chars().any(char::is_control), "{:?}", fitted.payload);
}

#[test]
fn ansi_forces_black_on_white_line_by_line() {
    let lines = vec!["▀▄".to_owned(), "█ ".to_owned()];
    for (depth, start) in [
        (ColorDepth::TrueColor, "\u{1b}[38;2;0;0;0;48;2;255;255;255m"),
        (ColorDepth::Ansi256, "\u{1b}[38;5;16;48;5;231m"),
        // A 16-colour terminal shows no colour of the 256 (the Linux console).
        (ColorDepth::Ansi16, "\u{1b}[30;107m"),
        (ColorDepth::Mono, "\u{1b}[38;5;16;48;5;231m"),
    ] {
        for line in qr::ansi(&lines, depth).lines() {
            assert!(line.starts_with(start), "{depth:?} {line:?}");
            assert!(line.ends_with("\u{1b}[0m"), "{line:?}");
        }
    }
    assert_eq!(qr::plain(&lines), "▀▄\n█ \n");
}

#[test]
fn show_qr_into_a_pipe_prints_plain_blocks_fitted_to_80x24() {
    let home = Home::new();
    let file = home.contacts_file();
    let data = file.to_str().expect("UTF-8 path");
    let printed = home.ok(&["--data", data, "show", "reseau", "--qr"]);
    assert!(!printed.contains('\u{1b}'), "no escape sequences into a pipe");
    let lines: Vec<String> = printed.lines().map(str::to_owned).collect();
    // One row is left for the prompt.
    let catalog = contacts();
    let expected = qr::fit(&contact(&catalog, "reseau", None), 80, 23).expect("fits");
    assert_draws(&lines, &expected.payload);
}

/// Into a file or a pipe there is no window to enlarge: a card whose name and phone need more
/// than 80x24 is printed all the same, as small as they allow.
#[test]
fn show_qr_into_a_pipe_prints_a_code_larger_than_80x24() {
    let home = Home::new();
    let name = "Very Long Name ".repeat(12);
    let file = home.path().join("long.ron");
    let partner = format!(
        r#"(partners: [(id: "long", name: "{name}", kind: Media, scope: Local, description: "D.", phone: "+33 1 00 00 00 00")])"#
    );
    std::fs::write(&file, &partner).expect("written");
    let printed = home.ok(&["--data", file.to_str().expect("UTF-8 path"), "show", "long", "--qr"]);
    let lines: Vec<String> = printed.lines().map(str::to_owned).collect();
    let dataset = partners::dataset::parse(&partner, &file).expect("parses");
    let card = Contact::of(&dataset.partners[0], None);
    let Err(QrError::TooSmall { needs_columns, needs_rows, .. }) = qr::fit(&card, 80, 23) else {
        panic!("the card should need more than 80x23");
    };
    assert!(lines.len() > 23, "{} rows", lines.len());
    assert_draws(&lines, &qr::fit(&card, needs_columns, needs_rows).expect("fits").payload);
}

/// What a code left out to fit is said on standard error; where that could not be written (a
/// closed pipe, a full disk), the run failed, though the code was printed.
#[test]
fn show_qr_prints_its_code_though_what_it_left_out_cannot_be_said() {
    struct Unwritable;
    impl std::io::Write for Unwritable {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::ErrorKind::StorageFull.into())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let catalog = contacts();
    let card = contact(&catalog, "reseau", Some(NOTE));
    assert!(qr::fit(&card, 80, 23).expect("fits").shortened_message().is_some());
    let mut out = Vec::new();
    let shown = qr::show(&card, &mut out, &mut Unwritable, false).expect("shown");
    assert_eq!(shown, std::process::ExitCode::SUCCESS);
    let lines: Vec<String> =
        String::from_utf8(out).expect("UTF-8").lines().map(str::to_owned).collect();
    assert_draws(&lines, &qr::fit(&card, 80, 23).expect("fits").payload);
}

#[test]
fn show_qr_on_a_terminal_is_black_on_white_and_fits_it() {
    use std::io::Read as _;
    use std::num::NonZeroU16;

    use portable_pty::{CommandBuilder, PtySize, native_pty_system};

    let home = Home::new();
    let pty = native_pty_system()
        .openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 })
        .expect("opening a pseudo-terminal");
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_partners"));
    command.env("PARTNERS_HOME", home.path());
    command.env("TERM", "xterm-256color");
    command.args(["--data", &home.contacts_file().display().to_string(), "show", "reseau", "--qr"]);
    let mut child = pty.slave.spawn_command(command).expect("starting partners");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("a reader on the terminal");
    let mut output = Vec::new();
    let mut buffer = [0u8; 8192];
    // Linux reports EIO once the child has gone; either way the output has ended.
    while let Ok(n @ 1..) = reader.read(&mut buffer) {
        output.extend_from_slice(&buffer[..n]);
    }
    assert!(child.wait().expect("partners ends").success());

    // A tall emulated screen, so nothing scrolls away and every cell can be checked.
    let size = |n| NonZeroU16::new(n).expect("non-zero");
    let mut parser = vt100::Parser::new(size(60), size(80), 0);
    parser.process(&output);
    let screen = parser.screen();
    let mut lines = Vec::new();
    for row in 0..60 {
        let cells: Vec<_> = (0..80).filter_map(|col| screen.cell(row, col)).collect();
        let coloured: Vec<_> =
            cells.iter().filter(|c| c.bgcolor() == vt100::Color::Idx(231)).collect();
        if coloured.is_empty() {
            continue;
        }
        assert!(coloured.iter().all(|c| c.fgcolor() == vt100::Color::Idx(16)), "row {row}");
        lines.push(
            coloured
                .iter()
                .map(|c| c.contents().to_owned())
                .map(|s| if s.is_empty() { " ".to_owned() } else { s })
                .collect::<String>(),
        );
    }
    assert!(lines.len() <= 23, "one row is left for the prompt: {}", lines.len());
    let catalog = contacts();
    let expected = qr::fit(&contact(&catalog, "reseau", None), 80, 23).expect("fits");
    assert_draws(&lines, &expected.payload);
    let text = String::from_utf8_lossy(&output);
    assert!(text.contains("To fit, the code leaves out or shortens:"), "{text}");
}

/// The browser's QR overlay (Alt-Q): what is drawn, in the code's colours, is the code of the
/// card fitted to the screen, and a decoder reads it back; Esc closes it.
#[test]
fn the_browser_draws_the_card_as_a_qr_code() {
    use partners::action::Action;
    use partners::app::{App, Overlay};
    use partners::store::State;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    // Black on white as each depth shows them: the code scans on any terminal.
    let depths = [ColorDepth::TrueColor, ColorDepth::Ansi256, ColorDepth::Ansi16, ColorDepth::Mono];
    for ((width, height), depth) in
        [(80, 24), (120, 40), (100, 30), (90, 30)].into_iter().zip(depths)
    {
        let catalog = contacts();
        let id = catalog.partners()[0].id.clone();
        let expected =
            qr::fit(&contact(&catalog, &id, None), width - 2, height - 3).expect("the card fits");
        let mut app = App::new(catalog, State::default(), "");
        app.update(Action::Resize { width, height });
        let position = app.results().position(|h| h.index == 0).expect("listed");
        for _ in 0..position {
            app.update(Action::MoveDown);
        }
        app.update(Action::ShowQr);
        assert!(matches!(app.overlay(), Some(Overlay::Qr(_))), "{width}x{height}");
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a terminal");
        let theme = partners::ui::theme::Theme::new(partners::ui::theme::ThemeName::Light, depth);
        terminal.draw(|f| partners::ui::render(&app, &theme, f)).expect("drawing");
        let buffer = terminal.backend().buffer();
        let lines: Vec<String> = (0..height)
            .map(|y| {
                (0..width)
                    .filter(|&x| {
                        let cell = &buffer[(x, y)];
                        Some(cell.fg) == theme.qr.fg && Some(cell.bg) == theme.qr.bg
                    })
                    .map(|x| buffer[(x, y)].symbol())
                    .collect::<String>()
            })
            .filter(|l| !l.is_empty())
            .collect();
        assert_draws(&lines, &expected.payload);
        // A click (bringing the window forward to show the code) leaves it open.
        app.update(Action::Click { column: width / 2, row: height / 2 });
        assert!(matches!(app.overlay(), Some(Overlay::Qr(_))), "a click keeps the code");
        app.update(Action::CloseOverlay);
        assert!(app.overlay().is_none());
    }
}

#[test]
fn the_browser_says_when_the_screen_is_too_small_for_a_code() {
    use partners::action::Action;
    use partners::app::{App, Overlay};
    use partners::store::State;

    let mut app = App::new(contacts(), State::default(), "");
    app.update(Action::Resize { width: 40, height: 12 });
    app.update(Action::ShowQr);
    let Some(Overlay::Qr(view)) = app.overlay() else { panic!("the overlay opens") };
    let message = view.code.as_ref().expect_err("too small");
    assert!(message.contains("enlarge the window"), "{message}");
}

#[test]
fn qr_overlay_screens() {
    use partners::action::Action;
    use partners::app::App;
    use partners::store::State;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    for (width, height) in [(80, 24), (120, 40)] {
        let mut app = App::new(bundled(), State::default(), "ugap");
        app.update(Action::Resize { width, height });
        app.update(Action::ShowQr);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a terminal");
        let theme = partners::ui::theme::Theme::mono();
        terminal.draw(|f| partners::ui::render(&app, &theme, f)).expect("drawing");
        insta::assert_snapshot!(format!("qr_overlay_{width}x{height}"), terminal.backend());
    }
}

#[test]
fn a_blank_acronym_is_neither_a_nickname_nor_brackets() {
    let partner = |phone: &str| {
        let source = format!(
            "(partners: [(id: \"one\", name: \"One\", acronym: \" \", kind: Media, \
             scope: Local, description: \"x\"{phone})])"
        );
        let dataset = partners::dataset::parse(&source, std::path::Path::new("x.ron"));
        dataset.expect("a blank acronym is allowed").partners.remove(0)
    };
    let with_phone = Contact::of(&partner(", phone: \"01 23 45 67 89\""), None);
    let payload = qr::fit(&with_phone, 120, 40).expect("fits").payload;
    assert!(!payload.contains("NICKNAME"), "{payload}");
    let without = Contact::of(&partner(""), None);
    let payload = qr::fit(&without, 120, 40).expect("fits").payload;
    assert_eq!(payload.lines().next(), Some("One"), "{payload}");
}
