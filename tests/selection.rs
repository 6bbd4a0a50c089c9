//! The selected row shows whatever the terminal's colours: a pointer on the list's border, and
//! reverse video or a palette background where a 24-bit one may not show.

use partners::action::Action;
use partners::store::State;
use partners::ui::list::SELECTION_MARK;
use partners::ui::theme::{ColorDepth, Theme, ThemeName};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use rstest::rstest;

mod common;
use common::{app_with, bundled, draw_themed};

/// The rows whose first column holds the selection's pointer.
fn pointed_rows(buffer: &Buffer) -> Vec<u16> {
    (0..buffer.area.height).filter(|&y| buffer[(0, y)].symbol() == SELECTION_MARK).collect()
}

/// Without 24-bit colour: no RGB at all, and the selected row pointed at and drawn in a
/// palette background (256 colours) or in reverse video (16, none).
#[rstest]
fn the_selected_row_shows_without_24_bit_colour(
    #[values(ColorDepth::Ansi256, ColorDepth::Ansi16, ColorDepth::Mono)] depth: ColorDepth,
    #[values(ThemeName::Dark, ThemeName::Light)] name: ThemeName,
    #[values((100, 30), (60, 20), (40, 12))] size: (u16, u16),
) {
    let app =
        app_with(bundled(), State::default(), "", size, &[Action::MoveDown, Action::MoveDown]);
    let theme = Theme::new(name, depth);
    let terminal = draw_themed(&app, &theme);
    let buffer = terminal.backend().buffer();
    let pointed = pointed_rows(buffer);
    // The third row of the list, under the search line and the top border.
    assert_eq!(pointed, [4], "{depth:?} {name:?}:\n{}", terminal.backend());
    let name_cell = |y: u16| &buffer[(6, y)];
    for cell in &buffer.content {
        assert!(!matches!(cell.fg, Color::Rgb(..)) && !matches!(cell.bg, Color::Rgb(..)));
    }
    let selected = name_cell(4);
    let other = name_cell(3);
    if depth == ColorDepth::Ansi256 {
        assert!(matches!(selected.bg, Color::Indexed(_)), "{selected:?}");
        assert_eq!(other.bg, Color::Reset);
    } else {
        assert!(selected.modifier.contains(Modifier::REVERSED), "{selected:?}");
        assert!(!other.modifier.contains(Modifier::REVERSED), "{other:?}");
    }
}

/// With every colour too, and under `NO_COLOR`: the pointer moves with the selection.
#[rstest]
fn the_pointer_follows_the_selection(
    #[values(ColorDepth::TrueColor, ColorDepth::Mono)] depth: ColorDepth,
) {
    let theme = Theme::new(ThemeName::Dark, depth);
    for (downs, row) in [(0, 2), (1, 3), (5, 7)] {
        let actions = vec![Action::MoveDown; downs];
        let app = app_with(bundled(), State::default(), "", (100, 30), &actions);
        let terminal = draw_themed(&app, &theme);
        assert_eq!(pointed_rows(terminal.backend().buffer()), [row], "{}", terminal.backend());
    }
}
