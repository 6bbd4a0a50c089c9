//! The screens, as text: insta snapshots of a `TestBackend` at fixed sizes, in monochrome so
//! the snapshot is the layout. Review every `.snap` by eye: it *is* the UI. Plus checks that
//! no size panics, that wide characters keep the borders aligned and that control characters
//! never reach the buffer raw. This file holds what the tests share; they are in `ui/`:
//!
//! - `screens`: the list, the detail, the help and the overview at the usual sizes, and marks;
//! - `note`: the note editor, its question about unsaved text, and the keys given to it;
//! - `characters`: any size, wide, invisible and control characters, the cursor;
//! - `layout`: French screens, colours, what gives way on a narrow screen, the status line.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use partners::action::Action;
use partners::app::App;
use partners::store::{Marks, State};
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use unicode_width::UnicodeWidthStr;

mod common;
use common::{app_with, bundled};

fn app(query: &str, size: (u16, u16), actions: &[Action]) -> App {
    app_with(bundled(), State::default(), query, size, actions)
}

/// Draws at a size other than the one the app was laid out for (a resize not yet seen).
fn draw_at(app: &App, width: u16, height: u16) -> Buffer {
    common::draw_at(app, width, height).backend().buffer().clone()
}

/// The runs of matched (bold + underlined) characters, row by row, so a snapshot shows where
/// highlights land; the text view alone cannot show styles.
fn highlights(buffer: &Buffer) -> String {
    let matched = Modifier::BOLD | Modifier::UNDERLINED;
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut runs: Vec<String> = Vec::new();
        let mut run = String::new();
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            if cell.modifier.contains(matched) {
                run.push_str(cell.symbol());
            } else if !run.is_empty() {
                runs.push(std::mem::take(&mut run));
            }
        }
        if !run.is_empty() {
            runs.push(run);
        }
        if !runs.is_empty() {
            let _ = writeln!(out, "row {y:>2}: {}", runs.join(" | "));
        }
    }
    out
}

/// Each row as a terminal shows it: the symbols, skipping cells hidden by wide characters.
fn rows(buffer: &Buffer) -> Vec<String> {
    let width = usize::from(buffer.area.width);
    buffer
        .content
        .chunks(width)
        .map(|cells| {
            let mut row = String::new();
            let mut skip = 0usize;
            for cell in cells {
                if skip == 0 {
                    row.push_str(cell.symbol());
                    skip = cell.symbol().width().max(1);
                }
                skip -= 1;
            }
            row
        })
        .collect()
}

const SIZES: [(u16, u16); 4] = [(120, 40), (80, 24), (50, 16), (20, 6)];

fn name((width, height): (u16, u16), what: &str) -> String {
    format!("{what}_{width}x{height}")
}

/// UGAP starred, met and with a two-line note.
fn marked_state() -> State {
    let marks = Marks {
        starred: true,
        met: true,
        note: Some("Met Anne at the Bordeaux fair.\nSend her the 2025 tender calendar.".into()),
        note_at: Some(1_795_649_101),
        ..Marks::default()
    };
    State { marks: BTreeMap::from([("ugap".to_owned(), marks)]), ..State::default() }
}

#[path = "ui/characters.rs"]
mod characters;
#[path = "ui/layout.rs"]
mod layout;
#[path = "ui/note.rs"]
mod note;
#[path = "ui/screens.rs"]
mod screens;
