//! Drawing: a pure function of the [`App`] state onto a ratatui frame. Nothing here changes
//! state or touches files. [`layout`] is shared with the app, which needs the same geometry
//! to keep the selection in view and to map clicks.

pub mod detail;
pub mod help;
pub mod list;
pub mod overview;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::{App, Overlay};
use crate::text::{char_width, clean, width};
use theme::Theme;

/// Below this size the browser shows a message instead of a broken screen.
pub const MIN_WIDTH: u16 = 30;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 8;
/// From this width, list and detail stand side by side.
pub const WIDE: u16 = 100;
/// From this width (and [`STACKED_MIN_HEIGHT`]), the detail stands under the list.
pub const MEDIUM: u16 = 60;
/// Height needed to stack the list above the detail.
pub const STACKED_MIN_HEIGHT: u16 = 20;

/// How the screen is divided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Too small to draw anything useful.
    TooSmall,
    /// List and detail side by side.
    Wide,
    /// List above detail.
    Stacked,
    /// List only; the detail fills the body when opened.
    Narrow,
}

/// Where each part of the screen goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// How the screen is divided.
    pub mode: Mode,
    /// The search line.
    pub search: Rect,
    /// The list pane (with its border).
    pub list: Rect,
    /// The detail pane (with its border); in narrow mode the same as the list.
    pub detail: Rect,
    /// The status line.
    pub status: Rect,
}

/// The screen's geometry for a terminal of `size` (columns, rows).
pub fn layout((width, height): (u16, u16)) -> Areas {
    let full = Rect::new(0, 0, width, height);
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return Areas {
            mode: Mode::TooSmall,
            search: full,
            list: full,
            detail: full,
            status: full,
        };
    }
    let search = Rect::new(0, 0, width, 1);
    let status = Rect::new(0, height - 1, width, 1);
    let body = Rect::new(0, 1, width, height - 2);
    let (mode, list, detail) = if width >= WIDE {
        let list_width = (width * 2 / 5).clamp(36, 64);
        let list = Rect { width: list_width, ..body };
        let detail = Rect { x: list_width, width: width - list_width, ..body };
        (Mode::Wide, list, detail)
    } else if width >= MEDIUM && height >= STACKED_MIN_HEIGHT {
        let list_height = (body.height * 2 / 5).max(5);
        let list = Rect { height: list_height, ..body };
        let detail = Rect { y: body.y + list_height, height: body.height - list_height, ..body };
        (Mode::Stacked, list, detail)
    } else {
        (Mode::Narrow, body, body)
    };
    Areas { mode, search, list, detail, status }
}

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let theme = Theme::new(app.options().theme, app.options().color);
    let area = frame.area();
    let areas = layout((area.width, area.height));
    if areas.mode == Mode::TooSmall {
        let message = format!(
            "Terminal too small: {}×{}. Make it at least {MIN_WIDTH}×{MIN_HEIGHT}, or press Ctrl-C to quit.",
            area.width, area.height
        );
        frame.render_widget(
            Paragraph::new(message)
                .style(theme.error)
                .wrap(Wrap { trim: true })
                .alignment(Alignment::Center),
            area,
        );
        return;
    }
    search_line(app, &theme, frame, areas.search);
    match areas.mode {
        Mode::Narrow if app.narrow_detail() => detail::render(app, &theme, frame, areas.detail),
        Mode::Narrow => list::render(app, &theme, frame, areas.list),
        _ => {
            list::render(app, &theme, frame, areas.list);
            detail::render(app, &theme, frame, areas.detail);
        }
    }
    status_line(app, &theme, frame, areas.status);
    match app.overlay() {
        Some(Overlay::Help) => help::render_help(&theme, frame, area, app.help_scroll()),
        Some(Overlay::Note(editor)) => help::render_note(app, editor, &theme, frame, area),
        Some(Overlay::Overview { tab, selected }) => {
            // The status line stays visible: it says why a row cannot be shown.
            let above_status = Rect { height: areas.status.y.saturating_sub(area.y), ..area };
            overview::render(app, *tab, *selected, &theme, frame, above_status);
        }
        None => {}
    }
}

fn search_line(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let prompt = "❯ ";
    let query = clean(&app.query()).into_owned();
    let count = format!(" {}/{} ", app.results().len(), app.catalog().partners().len());
    let filters = active_filters(app);
    let right_width = width(&count) + width(&filters);
    let room = usize::from(area.width).saturating_sub(width(prompt) + right_width + 1);
    // Scroll the query horizontally so the cursor stays visible.
    let chars: Vec<char> = query.chars().collect();
    let mut start = 0;
    let cursor_col =
        |from: usize| chars[from..app.cursor()].iter().map(|&c| char_width(c)).sum::<usize>();
    while start < app.cursor() && cursor_col(start) >= room {
        start += 1;
    }
    let mut shown = String::new();
    let mut used = 0;
    for &c in &chars[start..] {
        if used + char_width(c) > room {
            break;
        }
        used += char_width(c);
        shown.push(c);
    }
    let style = if app.parsed().is_err() { theme.error } else { theme.text };
    let pad = usize::from(area.width).saturating_sub(width(prompt) + used + right_width);
    let line = Line::from(vec![
        Span::styled(prompt, theme.accent),
        Span::styled(shown, style),
        Span::raw(" ".repeat(pad)),
        Span::styled(filters, theme.accent),
        Span::styled(count, theme.dim),
    ]);
    frame.render_widget(Paragraph::new(line), area);
    if app.overlay().is_none() {
        let x = area.x + u16::try_from(width(prompt) + cursor_col(start)).unwrap_or(area.width);
        frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y));
    }
}

/// The field filters of the query, shown beside the count.
fn active_filters(app: &App) -> String {
    let query = app.query();
    let filters: Vec<&str> = query
        .split_whitespace()
        .filter(|w| {
            let w = w.trim_start_matches('!');
            crate::search::FILTERS.iter().any(|(f, _)| w.len() > f.len() && w.starts_with(f))
        })
        .collect();
    if filters.is_empty() { String::new() } else { format!("[{}]", filters.join(" ")) }
}

fn status_line(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let (text, style) = match (app.status(), app.parsed()) {
        (Some(status), _) => {
            (status.text.clone(), if status.error { theme.error } else { theme.accent })
        }
        (None, Err(e)) => (e.to_string(), theme.error),
        (None, Ok(_)) => (hints(app, area.width).to_owned(), theme.dim),
    };
    let sources = sources_label(app);
    let columns = usize::from(area.width);
    // The datasets in use go on the right when there is room after the message.
    let show_sources = width(&text) + width(&sources) + 2 <= columns;
    let room = if show_sources { columns - width(&sources) - 1 } else { columns };
    let text = crate::text::truncate(&clean(&text), room).into_owned();
    let mut spans = vec![Span::styled(text.clone(), style)];
    if show_sources {
        spans.push(Span::raw(" ".repeat(columns - width(&text) - width(&sources))));
        spans.push(Span::styled(sources, theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Which datasets are in: "bundled", "bundled + mine.ron", "big.ron".
fn sources_label(app: &App) -> String {
    let names: Vec<String> = app
        .catalog()
        .sources()
        .iter()
        .map(|s| match s {
            crate::catalog::Source::Bundled => "bundled".to_owned(),
            crate::catalog::Source::File(path, _) => path
                .file_name()
                .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned()),
        })
        .collect();
    clean(&format!("data: {}", names.join(" + "))).into_owned()
}

/// The most useful keys for what has focus; a shorter set when the line is narrow, so that
/// F1 help is always on it.
fn hints(app: &App, columns: u16) -> &'static str {
    let narrow = columns < 90;
    match (app.overlay(), app.focus()) {
        (None, crate::app::Focus::Detail) if narrow => "←/→ relation · Enter follow · F1 help",
        (None, crate::app::Focus::List) if narrow => "Enter open · Ctrl-S star · F1 help",
        (Some(Overlay::Note(_)), _) => "Ctrl-S save · Enter new line · Esc cancel",
        (Some(Overlay::Overview { .. }), _) => {
            "←/→ tab · ↑/↓ choose · Enter show in list · Esc close"
        }
        (Some(Overlay::Help), _) => "Esc or F1 closes the help",
        (None, crate::app::Focus::Detail) => {
            "↑/↓ scroll · ←/→ relation · Enter follow · Alt-← back · Esc list · F1 help"
        }
        (None, crate::app::Focus::List) => {
            "↑/↓ move · Enter open · Ctrl-S star · Ctrl-T met · Ctrl-E note · F2 overview · F1 help"
        }
    }
}

/// `text` as spans, the characters at `positions` (char indices) in `matched`, cut to `max`
/// columns with `…`. Control characters are replaced first; positions stay valid because
/// the replacement is one character for one.
pub fn highlighted(
    text: &str,
    positions: &[usize],
    base: Style,
    matched: Style,
    max: usize,
) -> Vec<Span<'static>> {
    let text = clean(text);
    let total = width(&text);
    let limit = if total > max { max.saturating_sub(1) } else { max };
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_matched = false;
    let mut used = 0;
    for (i, c) in text.chars().enumerate() {
        let w = char_width(c);
        if used + w > limit {
            break;
        }
        used += w;
        let is_matched = positions.binary_search(&i).is_ok();
        if is_matched != run_matched && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if run_matched { matched } else { base },
            ));
        }
        run_matched = is_matched;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_matched { matched } else { base }));
    }
    if total > max && max > 0 {
        spans.push(Span::styled("…", base));
    }
    spans
}

/// Columns taken by `spans`.
pub fn spans_width(spans: &[Span<'_>]) -> usize {
    spans.iter().map(|s| width(&s.content)).sum()
}
