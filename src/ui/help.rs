//! Overlays drawn over the main screen: the help (its lines come from
//! [`crate::view::help`], which reads the binding table) and the note editor.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::theme::Theme;
use crate::action::Action;
use crate::app::{App, NoteEditor};
use crate::i18n::{fill, s};
use crate::input::Context;
use crate::text::{char_width, clean_multiline, pad};
use crate::view::help::{self, HelpLine};
use crate::view::layout::centred;

/// Draws the help overlay, scrolled as the app says.
pub fn render_help(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let content = app.help_lines();
    let key_width = content
        .iter()
        .map(|line| match line {
            HelpLine::Row(keys, _) => crate::text::width(keys),
            _ => 0,
        })
        .max()
        .unwrap_or(0);
    let popup = help::popup(area, content.len());
    let room = usize::from(popup.width.saturating_sub(2)).saturating_sub(key_width + 2);
    let mut lines: Vec<Line<'static>> = content
        .iter()
        .map(|line| match line {
            HelpLine::Row(keys, what) => Line::from(vec![
                Span::styled(format!(" {} ", pad(keys, key_width)), theme.accent),
                Span::styled(crate::text::truncate(what, room).into_owned(), theme.text),
            ]),
            HelpLine::Heading(title) => Line::styled(format!(" {title}"), theme.accent),
            HelpLine::Blank => Line::raw(""),
        })
        .collect();
    let max_scroll = help::max_scroll((area.width, area.height), content.len());
    let scroll = app.help_scroll().min(max_scroll);
    let title = if max_scroll > 0 { s().help_title_scrolls } else { s().help_title };
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines.split_off(scroll)).block(
            Block::default().borders(Borders::ALL).border_style(theme.focused).title(Span::styled(
                crate::text::truncate(title, usize::from(popup.width.saturating_sub(2)))
                    .into_owned(),
                theme.accent,
            )),
        ),
        popup,
    );
}

/// The keys that save and close the note, as the editor's title says them.
fn note_keys(app: &App) -> String {
    let t = s();
    [
        app.bindings().hint(Context::Note, &[Action::SaveNote], t.hint_save),
        app.bindings().hint(Context::Note, &[Action::CancelNote], t.hint_close),
    ]
    .join(", ")
}

/// Draws the note editor.
pub fn render_note(app: &App, editor: &NoteEditor, theme: &Theme, frame: &mut Frame, area: Rect) {
    let name = app
        .catalog()
        .position(&editor.id)
        .and_then(|i| app.catalog().get(i))
        .map_or(editor.id.as_str(), |p| p.short_name());
    let popup = centred(area, 70, 12);
    let block =
        Block::default().borders(Borders::ALL).border_style(theme.focused).title(Span::styled(
            crate::text::truncate(
                &fill(s().note_title, &[&name, &note_keys(app)]),
                usize::from(popup.width.saturating_sub(2)),
            )
            .into_owned(),
            theme.accent,
        ));
    let inner = block.inner(popup);
    frame.render_widget(Clear, popup);
    frame.render_widget(block, popup);
    let text: String = editor.text.iter().collect();
    let text = clean_multiline(&text).into_owned();
    let (line, column) = editor.cursor_line_column();
    let rows = usize::from(inner.height.max(1));
    let skip = line.saturating_sub(rows - 1);
    let columns = usize::from(inner.width.max(1));
    let lines: Vec<&str> = text.split('\n').collect();
    let cursor_x: usize =
        lines.get(line).map_or(0, |l| l.chars().take(column).map(char_width).sum());
    let scroll_x = cursor_x.saturating_sub(columns - 1);
    let shown: Vec<Line<'static>> = lines
        .iter()
        .skip(skip)
        .take(rows)
        .map(|l| {
            let mut used = 0;
            let visible: String = l
                .chars()
                .skip_while(|c| {
                    let skip = used < scroll_x;
                    used += char_width(*c);
                    skip
                })
                .collect();
            Line::styled(crate::text::truncate(&visible, columns).into_owned(), theme.text)
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
    let x = inner.x + u16::try_from(cursor_x - scroll_x).unwrap_or(0);
    let y = inner.y + u16::try_from(line - skip).unwrap_or(0);
    frame.set_cursor_position((x.min(inner.right().saturating_sub(1)), y));
}
