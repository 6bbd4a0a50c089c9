//! Overlays drawn over the main screen: the help (its lines come from
//! [`crate::view::help`], which reads the binding table) and the note editor (which edits
//! the user's aliases too).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::scroll_marks;
use super::theme::Theme;
use crate::action::Action;
use crate::app::{App, Edited, NoteEditor};
use crate::i18n::{fill, s};
use crate::input::Context;
use crate::text::pad;
use crate::view::help::{self, LaidLine};
use crate::view::layout::centred;
use crate::view::note;

/// Draws the help overlay, scrolled as the app says.
pub fn render_help(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let laid = help::layout(app.help_lines(), (area.width, area.height));
    let popup = laid.popup;
    let mut lines: Vec<Line<'static>> = laid
        .lines
        .iter()
        .map(|line| match line {
            LaidLine::Row(keys, what) => Line::from(vec![
                Span::styled(format!(" {} ", pad(keys, laid.key_width)), theme.accent),
                Span::styled(format!(" {what}"), theme.text),
            ]),
            LaidLine::Heading(title) => Line::styled(format!(" {title}"), theme.accent),
            LaidLine::Text(text) => Line::styled(format!(" {text}"), theme.error),
            LaidLine::Blank => Line::raw(""),
        })
        .collect();
    let max_scroll = laid.max_scroll();
    let scroll = app.help_scroll().min(max_scroll);
    let title = fill(s().help_title, &[&crate::text::keys_said(&help_keys(app, max_scroll > 0))]);
    super::clear_for_overlay(frame, popup);
    let block =
        Block::default().borders(Borders::ALL).border_style(theme.focused).title(Span::styled(
            crate::text::truncate(&title, usize::from(popup.width.saturating_sub(2))).into_owned(),
            theme.accent,
        ));
    let block = scroll_marks(block, scroll > 0, scroll < max_scroll, theme);
    frame.render_widget(Paragraph::new(lines.split_off(scroll)).block(block), popup);
}

/// The keys that scroll the help (when it scrolls) and close it, as its title says them:
/// the user's, when the configuration file gives others.
fn help_keys(app: &App, scrolls: bool) -> String {
    let t = s();
    let hint = |actions: &[Action], label| app.bindings().hint(Context::Help, actions, label);
    let scroll = scrolls.then(|| hint(&[Action::HelpUp, Action::HelpDown], t.hint_scroll));
    [scroll.flatten(), hint(&[Action::CloseOverlay], t.hint_close)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ")
}

/// The keys that save and close the note, as the editor's title says them.
fn note_keys(app: &App) -> String {
    let t = s();
    [
        app.bindings().hint(Context::Note, &[Action::SaveNote], t.hint_save),
        app.bindings().hint(Context::Note, &[Action::CancelNote], t.hint_close),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ")
}

/// Draws the note editor.
pub fn render_note(app: &App, editor: &NoteEditor, theme: &Theme, frame: &mut Frame, area: Rect) {
    let name = app
        .catalog()
        .position(&editor.id)
        .and_then(|i| app.catalog().get(i))
        .map_or(editor.id.as_str(), |p| p.short_name());
    let title = match editor.edited {
        Edited::Note => s().note_title,
        Edited::Aliases => s().aliases_title,
    };
    let width = note::editor_width(area.width);
    // Wrapped with each edit; anew only for a frame of another width than the app's, while
    // a resize is on its way.
    let columns = note::text_columns(area.width);
    let fresh;
    let laid = if editor.layout().columns() == columns {
        editor.layout()
    } else {
        fresh = note::NoteLayout::new(editor.chars(), editor.cursor(), columns);
        &fresh
    };
    // Tall enough for the whole note when the screen allows, above the status line: it says
    // whether the note was saved, and asks before unsaved changes are dropped.
    let height = u16::try_from(laid.rows.len() + 2).unwrap_or(u16::MAX).max(12);
    let above_status = Rect { height: area.height.saturating_sub(1), ..area };
    let popup = centred(above_status, width, height);
    let rows = usize::from(popup.height.saturating_sub(2)).max(1);
    // Scrolled only as far as the cursor needs.
    let skip = laid.cursor.0.saturating_sub(rows - 1);
    let block = scroll_marks(
        Block::default().borders(Borders::ALL).border_style(theme.focused).title(Span::styled(
            crate::text::truncate(
                &fill(title, &[&name, &note_keys(app)]),
                usize::from(popup.width.saturating_sub(2)),
            )
            .into_owned(),
            theme.accent,
        )),
        skip > 0,
        skip + rows < laid.rows.len(),
        theme,
    );
    let inner = block.inner(popup);
    super::clear_for_overlay(frame, popup);
    frame.render_widget(block, popup);
    let shown: Vec<Line<'static>> = laid
        .rows
        .iter()
        .skip(skip)
        .take(rows)
        .map(|r| Line::styled(r.clone(), theme.text))
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
    let x = inner.x + u16::try_from(laid.cursor.1).unwrap_or(u16::MAX).min(inner.width);
    let y = inner.y + u16::try_from(laid.cursor.0 - skip).unwrap_or(0);
    frame.set_cursor_position((x.min(inner.right().saturating_sub(1)), y));
}
