//! Any size, wide and invisible characters, control characters: nothing panics, borders stay
//! aligned, the cursor stands where the text is drawn.

use std::collections::BTreeMap;

use partners::action::Action;
use partners::catalog::{Catalog, Source};
use partners::dataset::{Relation, RelationKind};
use partners::store::{Marks, State};
use rstest::rstest;
use unicode_width::UnicodeWidthStr;

use super::common::{app_with, bundled, draw, partner};
use super::{app, draw_at, name, rows};

#[test]
fn every_size_renders_without_panic() {
    let widths = [1, 2, 5, 10, 19, 20, 29, 30, 31, 45, 59, 60, 61, 80, 99, 100, 101, 150, 300];
    let heights = [1, 2, 3, 5, 7, 8, 9, 12, 19, 20, 21, 24, 40, 100];
    let screens: [&[Action]; 6] = [
        &[],
        &[Action::Open, Action::ScrollPageDown],
        &[Action::OpenHelp, Action::HelpPageDown],
        &[Action::OpenOverview],
        &[Action::OpenOverview, Action::PreviousTab, Action::RowPageDown],
        &[Action::EditNote, Action::Insert('x'), Action::NoteNewline],
    ];
    for actions in screens {
        for query in ["", "bordeaux", "zzzz", "kind:"] {
            // One app per screen, resized through every size as a terminal would be.
            let mut app = app(query, (80, 24), actions);
            for &width in &widths {
                for &height in &heights {
                    app.update(Action::Resize { width, height });
                    draw(&app);
                    // The terminal may have changed size before the app heard of it.
                    draw_at(&app, width / 2 + 1, height.saturating_mul(2).min(200));
                }
            }
        }
    }
}

fn wide_catalog() -> Catalog {
    let mut seoul = partner(
        "seoul",
        "서울특별시 사회적경제지원센터 🌏 Seoul Social Economy Center",
        "한국의 사회적경제 🤝 네트워크를 지원합니다。日本語の説明もあります 🎌🎌🎌.",
    );
    seoul.acronym = Some("社経".to_owned());
    seoul.location = Some("서울 🇰🇷".to_owned());
    seoul.relations = vec![Relation {
        kind: RelationKind::MemberOf,
        target: Some("tokyo".to_owned()),
        name: None,
        note: Some("東京と提携 🤝".to_owned()),
    }];
    let tokyo = partner("tokyo", "東京都 🗼 中小企業振興公社", "東京の中小企業を支援する公社 🏢。");
    let emoji = partner("emoji", "👩‍👩‍👧 Family 🎉 Network", "Zero-width joiners: 👩‍👩‍👧 and flags 🇫🇷🇰🇷.");
    Catalog::from_partners(vec![seoul, tokyo, emoji], vec![Source::Bundled], Vec::new())
}

#[test]
fn wide_characters_keep_the_right_border_aligned() {
    for (width, height) in [(120, 40), (100, 30), (80, 24), (61, 20), (50, 16), (40, 10), (31, 8)] {
        for query in ["", "서울", "東京", "family"] {
            for actions in [&[][..], &[Action::Open], &[Action::ToggleFocus, Action::NextLink]] {
                let app =
                    app_with(wide_catalog(), State::default(), query, (width, height), actions);
                let terminal = draw(&app);
                let buffer = terminal.backend().buffer();
                for (y, row) in rows(buffer).iter().enumerate() {
                    assert_eq!(
                        row.width(),
                        usize::from(width),
                        "row {y} at {width}x{height}, query {query:?}, is {} columns wide:\n{row}",
                        row.width()
                    );
                }
                // Every body row ends with a border.
                for (y, row) in
                    rows(buffer).iter().enumerate().skip(1).take(usize::from(height) - 2)
                {
                    let last = row.chars().last();
                    assert!(
                        matches!(last, Some('│' | '┐' | '┘')),
                        "row {y} at {width}x{height}, query {query:?}, does not end with a border:\n{}",
                        terminal.backend()
                    );
                }
            }
        }
    }
}

#[rstest]
#[case("", (80, 24))]
#[case("서울", (120, 40))]
#[case("family", (50, 16))]
fn wide_characters(#[case] query: &str, #[case] size: (u16, u16)) {
    let app = app_with(wide_catalog(), State::default(), query, size, &[Action::Open]);
    let name = name(size, &format!("wide_{}", if query.is_empty() { "all" } else { "query" }));
    insta::assert_snapshot!(name, draw(&app).backend());
}

#[test]
fn control_characters_in_a_note_never_reach_the_buffer() {
    let marks = Marks {
        note: Some("evil \u{1b}[31mred\u{7} bell\r\nsecond\tline \u{202e}bidi \u{9b}csi".into()),
        ..Marks::default()
    };
    let state = State { marks: BTreeMap::from([("ugap".to_owned(), marks)]), ..State::default() };
    // The note stands under the title: shown unscrolled; scrolled, the rest is checked.
    let screens: [(&[Action], bool); 3] = [
        (&[Action::Open], true),
        (&[Action::Open, Action::ScrollPageDown, Action::ScrollPageDown], false),
        (&[Action::EditNote], true),
    ];
    for size in [(120, 40), (80, 24), (50, 16)] {
        for (actions, note_in_view) in screens {
            let app = app_with(bundled(), state.clone(), "ugap", size, actions);
            let terminal = draw(&app);
            let buffer = terminal.backend().buffer();
            let text: String = buffer.content.iter().map(ratatui::buffer::Cell::symbol).collect();
            assert!(
                !text.chars().any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
                "a control character reached the buffer at {size:?} after {actions:?}:\n{}",
                terminal.backend()
            );
            assert!(
                !note_in_view || text.contains("bell") || text.contains("evil"),
                "the note is shown:\n{}",
                terminal.backend()
            );
        }
    }
}

/// A query given on the command line (`partners 'in:…'`) or recalled from the history may hold
/// control characters: the summary of its filters beside the count is cleaned as the query is,
/// and no escape sequence reaches the terminal (one set the window's title).
#[test]
fn control_characters_in_a_filter_never_reach_the_buffer() {
    let query = "in:bor\u{1b}]0;TITLE\u{7}deaux \u{202e}kind:loc";
    for size in [(120, 40), (100, 30)] {
        let app = app_with(bundled(), State::default(), query, size, &[]);
        let terminal = draw(&app);
        let buffer = terminal.backend().buffer();
        let text: String = buffer.content.iter().map(ratatui::buffer::Cell::symbol).collect();
        assert!(
            !text.chars().any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
            "a control character reached the buffer at {size:?}:\n{}",
            terminal.backend()
        );
        assert!(text.contains("[in:bor\u{fffd}]0;TITLE\u{fffd}deaux"), "{}", terminal.backend());
    }
}

/// Emoji built of several characters and invisible characters in the query: the line is drawn
/// (it panicked when cleaning dropped characters before the cursor), and the cursor stands
/// right after what was typed, measured as drawn: a skin-toned thumb or a heart with its
/// variation selector is one wide character.
#[rstest]
#[case::joined("c👩\u{200d}💻", 3)]
#[case::zero_width_space("ugap\u{200b}", 4)]
#[case::skin_tone("a👍🏽b", 4)]
#[case::heart("❤\u{fe0f}c", 3)]
#[case::bidi_mark_shown_replaced("\u{200f}x", 2)]
fn the_cursor_follows_what_is_drawn_of_the_query(#[case] query: &str, #[case] columns: u16) {
    let actions: Vec<Action> = query.chars().map(Action::Insert).collect();
    for size in [(100, 30), (20, 6), (30, 8)] {
        let app = app("", size, &actions);
        let terminal = draw(&app);
        let ratatui::layout::Position { x, y } = terminal.backend().cursor_position();
        if size != (20, 6) {
            assert_eq!((x, y), (2 + columns, 0), "{query:?} at {size:?}");
        }
    }
    // The query's cursor at the end of a long query of them, scrolled: still on the screen.
    let long: Vec<Action> = query.repeat(40).chars().map(Action::Insert).collect();
    let app = app("", (40, 12), &long);
    let terminal = draw(&app);
    let x = terminal.backend().cursor_position().x;
    assert!(x < 40, "{query:?}: cursor at {x}");
}
