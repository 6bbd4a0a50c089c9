//! Overlays drawn over the main screen: the help (every key and the query syntax) and the
//! note editor.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::theme::Theme;
use crate::app::{App, NoteEditor};
use crate::text::{char_width, clean_multiline, pad};

/// Every key of the browser, as (keys, what they do); the README shows the same table.
pub const KEYS: &[(&str, &str)] = &[
    ("type", "search as you type"),
    ("←/→ Home/End", "move in the query"),
    ("Backspace Del", "delete a character"),
    ("Ctrl-W / Ctrl-U", "delete a word / clear the query"),
    ("↑/↓ Ctrl-P/N", "move the selection"),
    ("PgUp/PgDn", "move a page"),
    ("Enter", "open the detail / follow a relation"),
    ("Tab", "switch between list and detail"),
    ("←/→ in detail", "choose a relation"),
    ("Alt-← / Backspace", "go back (detail)"),
    ("Alt-→", "go forward"),
    ("Ctrl-S", "star / unstar"),
    ("Ctrl-T", "mark as met / not met"),
    ("Ctrl-E", "edit the note"),
    ("F3", "starred only (is:starred)"),
    ("Ctrl-R, ↑ at top", "earlier queries"),
    ("Ctrl-Y", "copy the card (OSC 52)"),
    ("F2", "overview: charts and network"),
    ("F1, ?", "this help"),
    ("Esc", "close / back / clear / quit"),
    ("Ctrl-C", "quit"),
    ("mouse", "click selects, wheel scrolls"),
];

/// The query syntax, as (form, meaning).
pub const SYNTAX: &[(&str, &str)] = &[
    ("word", "fuzzy in names, words in text"),
    ("a b", "both must match"),
    ("a | b", "either"),
    ("'exact", "exact letters"),
    ("^start", "name starts with"),
    ("end$", "name ends with"),
    ("!word", "must not match"),
    ("kind:media", "kind (kind:pub…)"),
    ("scope:national", "scope"),
    ("topic:procurement", "topic"),
    ("in:bordeaux", "location"),
    ("is:starred is:met", "your marks"),
    ("has:note", "with a note"),
];

/// A rectangle of at most `width`×`height` centred in `area`.
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(area.x + (area.width - width) / 2, area.y + (area.height - height) / 2, width, height)
}

/// Lines of the help: every key, a blank line, the heading and the query syntax.
const HELP_LINES: usize = KEYS.len() + 2 + SYNTAX.len();
const HELP_WIDTH: u16 = 64;

fn help_popup(area: Rect) -> Rect {
    centred(area, HELP_WIDTH, u16::try_from(HELP_LINES + 2).unwrap_or(u16::MAX))
}

/// How far the help can scroll on a screen of `size` (columns, rows): 0 when it all fits.
pub fn help_max_scroll((width, height): (u16, u16)) -> usize {
    let rows = usize::from(help_popup(Rect::new(0, 0, width, height)).height.saturating_sub(2));
    HELP_LINES.saturating_sub(rows)
}

/// Draws the help overlay, scrolled down by `scroll` lines.
pub fn render_help(theme: &Theme, frame: &mut Frame, area: Rect, scroll: usize) {
    let key_width =
        KEYS.iter().chain(SYNTAX).map(|(k, _)| crate::text::width(k)).max().unwrap_or(0);
    let popup = help_popup(area);
    let room = usize::from(popup.width.saturating_sub(2)).saturating_sub(key_width + 2);
    let row = |(key, what): &(&str, &str)| {
        Line::from(vec![
            Span::styled(format!(" {} ", pad(key, key_width)), theme.accent),
            Span::styled(crate::text::truncate(what, room).into_owned(), theme.text),
        ])
    };
    let mut lines: Vec<Line<'static>> = KEYS.iter().map(row).collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(" Query syntax", theme.accent));
    lines.extend(SYNTAX.iter().map(row));
    let max_scroll = help_max_scroll((area.width, area.height));
    let scroll = scroll.min(max_scroll);
    let title = if max_scroll > 0 {
        " Help — ↑/↓ scroll, Esc closes "
    } else {
        " Help — Esc closes "
    };
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
                &format!(" Note on {name} — Ctrl-S saves, Esc cancels "),
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
