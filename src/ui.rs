//! Drawing: a pure function of the [`App`] state and a [`Theme`] onto a ratatui frame.
//! Nothing here changes state or touches files; the geometry and the models it draws come
//! from [`crate::view`], which the app uses too.

pub mod detail;
pub mod flags;
pub mod help;
pub mod list;
pub mod overview;
pub mod qr;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::action::Action;
use crate::app::{App, Edited, Overlay};
use crate::i18n::{fill, s};
use crate::input::Context;
use crate::text::{clean, highlight_runs, width};
use crate::view::layout::{MIN_HEIGHT, MIN_WIDTH, Mode};
use theme::Theme;

/// Draws the whole screen.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    let areas = app.areas_at((area.width, area.height));
    // Asked with a note half written: said wherever the status line cannot hold it.
    let question = (app.key_state().context == Context::NoteAsk).then(|| hints(app, area.width));
    if areas.mode == Mode::TooSmall {
        let message = question.unwrap_or_else(|| {
            let quit = quit_key(app);
            fill(s().too_small, &[&area.width, &area.height, &MIN_WIDTH, &MIN_HEIGHT, &quit])
        });
        frame.render_widget(
            Paragraph::new(message)
                .style(theme.error)
                .wrap(Wrap { trim: true })
                .alignment(Alignment::Center),
            area,
        );
        return;
    }
    search_line(app, theme, frame, areas.search);
    match areas.mode {
        Mode::Narrow if app.narrow_detail() => detail::render(app, theme, frame, areas.detail),
        Mode::Narrow => list::render(app, theme, frame, areas.list),
        _ => {
            list::render(app, theme, frame, areas.list);
            detail::render(app, theme, frame, areas.detail);
        }
    }
    status_line(app, theme, frame, areas.status);
    match app.overlay() {
        Some(Overlay::Help) => help::render_help(app, theme, frame, area),
        Some(Overlay::Note(editor)) => help::render_note(app, editor, theme, frame, area),
        Some(Overlay::Qr(view)) => qr::render(app, view, theme, frame),
        Some(Overlay::Overview { tab, selected, top, rows }) => {
            let shown = overview::Shown { tab: *tab, selected: *selected, top: *top, rows };
            let loading = app.loading_progress().is_some();
            let area = crate::view::layout::overlay_area((area.width, area.height));
            overview::render(&shown, loading, theme, frame, area);
        }
        None => {}
    }
    if let Some(question) = question.filter(|q| width(q) > usize::from(area.width)) {
        ask(&question, theme, frame, area);
    }
}

/// Clears `area` for an overlay, with the wide character the column before it starts, if
/// any: its second half is under the overlay, and ratatui writes nothing in the cell after a
/// wide character, so the terminal kept drawing it over the overlay's left border.
pub(crate) fn clear_for_overlay(frame: &mut Frame, area: Rect) {
    frame.render_widget(Clear, area);
    let buffer = frame.buffer_mut();
    for y in area.top()..area.bottom() {
        for before in 1..=area.x.min(2) {
            let Some(cell) = buffer.cell_mut((area.x - before, y)) else { continue };
            if width(cell.symbol()) > usize::from(before) {
                cell.set_symbol(" ");
            }
        }
    }
}

/// `question` in a box of its own, wrapped, in the middle of the screen.
fn ask(question: &str, theme: &Theme, frame: &mut Frame, area: Rect) {
    let inner = usize::from(area.width.saturating_sub(4)).clamp(1, 48);
    let lines = crate::text::wrap(question, inner);
    let widest = lines.iter().map(|line| width(line)).max().unwrap_or(0);
    let (columns, rows) = (widest + 4, lines.len() + 2);
    let popup = crate::view::layout::centred(
        area,
        u16::try_from(columns).unwrap_or(u16::MAX),
        u16::try_from(rows).unwrap_or(u16::MAX),
    );
    clear_for_overlay(frame, popup);
    let text: Vec<Line<'_>> =
        lines.into_iter().map(|line| Line::from(format!(" {line}"))).collect();
    let block = Block::default().borders(Borders::ALL).border_style(theme.error);
    frame.render_widget(Paragraph::new(text).style(theme.error).block(block), popup);
}

fn search_line(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let prompt = "❯ ";
    let query = clean(&app.query()).into_owned();
    let count = format!(" {}/{} ", app.results().len(), app.catalog().partners().len());
    // The count and the typed text come first; the filter summary (which repeats part of the
    // text) takes what is left, cut, or goes.
    let available = usize::from(area.width).saturating_sub(width(prompt) + width(&count) + 1);
    let filter_room = available.saturating_sub(width(&query) + 2);
    let filters = summary(&active_filters(app), filter_room);
    let right_width = width(&count) + width(&filters);
    let room = available.saturating_sub(width(&filters));
    // Scroll the query horizontally so the cursor stays visible. Measured cluster by cluster
    // as drawn, over the text as typed, which the cursor indexes.
    let raw = app.query();
    let clusters: Vec<(&str, usize, usize)> = crate::text::clusters(&raw).collect();
    let mut at_cursor = clusters.len();
    let mut chars = 0;
    for (k, &(_, n, _)) in clusters.iter().enumerate() {
        if chars >= app.cursor() {
            at_cursor = k;
            break;
        }
        chars += n;
    }
    let mut start = 0;
    let mut cursor_col: usize = clusters[..at_cursor].iter().map(|c| c.2).sum();
    while start < at_cursor && cursor_col >= room {
        cursor_col -= clusters[start].2;
        start += 1;
    }
    let mut shown = String::new();
    let mut used = 0;
    for &(cluster, _, w) in &clusters[start..] {
        if used + w > room {
            break;
        }
        used += w;
        shown.push_str(&clean(cluster));
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
        let x = area.x + u16::try_from(width(prompt) + cursor_col).unwrap_or(area.width);
        frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y));
    }
}

/// The filter summary `[…]` in at most `room` columns: cut inside its brackets, or nothing
/// when even a few letters would not fit.
fn summary(filters: &str, room: usize) -> String {
    if width(filters) <= room {
        filters.to_owned()
    } else if room >= 8 {
        let inner = filters.trim_start_matches('[').trim_end_matches(']');
        format!("[{}]", crate::text::truncate(inner, room - 2))
    } else {
        String::new()
    }
}

/// The field filters of the query, shown beside the count: each group of alternatives that
/// holds one, whole with its `|`, so `kind:media | kind:programme` does not read as both.
/// Cleaned as the query is: one given on the command line or recalled from the history may
/// hold an escape sequence.
fn active_filters(app: &App) -> String {
    let is_filter = |w: &&str| {
        let w = w.trim_start_matches('!');
        crate::search::FILTERS.iter().any(|(f, _)| w.len() > f.len() && w.starts_with(f))
    };
    let query = app.query();
    let filters: Vec<String> = crate::search::Query::term_words(&query)
        .iter()
        .filter(|group| group.iter().any(is_filter))
        .map(|group| group.join(" | "))
        .collect();
    if filters.is_empty() { String::new() } else { format!("[{}]", clean(&filters.join(" "))) }
}

fn status_line(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let sources = sources_label(app);
    // On a wide line, hints leave room for the datasets in use; on a narrow one, keys first.
    let hint_room = if area.width >= 100 {
        area.width.saturating_sub(u16::try_from(width(&sources) + 2).unwrap_or(0))
    } else {
        area.width
    };
    // While the partners load, how far it has gone comes first, before any message.
    let progress = app.progress();
    let mut parts: Vec<(String, Style)> =
        progress.iter().map(|p| (p.clone(), theme.accent)).collect();
    match (app.status(), app.parsed()) {
        (Some(status), _) if progress.as_ref() == Some(&status.text) => {}
        (Some(status), _) => {
            let style = if status.error { theme.error } else { theme.accent };
            parts.push((status.text.clone(), style));
        }
        (None, Err(e)) => parts.push((e.to_string(), theme.error)),
        (None, Ok(_)) if progress.is_some() => {}
        (None, Ok(_)) => parts.push((hints(app, hint_room), theme.dim)),
    }
    let text = parts.iter().map(|(text, _)| text.as_str()).collect::<Vec<_>>().join(" · ");
    let columns = usize::from(area.width);
    // The datasets in use go on the right when there is room after the message.
    let show_sources = width(&text) + width(&sources) + 2 <= columns;
    let mut room = if show_sources { columns - width(&sources) - 1 } else { columns };
    let mut spans = Vec::new();
    for (i, (text, style)) in parts.into_iter().enumerate() {
        let text = if i == 0 { text } else { format!(" · {text}") };
        let text = crate::text::truncate(&clean(&text), room).into_owned();
        room = room.saturating_sub(width(&text));
        spans.push(Span::styled(text, style));
    }
    if show_sources {
        let filled = spans_width(&spans);
        spans.push(Span::raw(" ".repeat(columns.saturating_sub(filled + width(&sources)))));
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
        .map(|source| match source {
            crate::catalog::Source::Bundled => s().bundled.to_owned(),
            // A pipe's name is a number (/dev/fd/63, for `--data <(…)`): its path says more.
            crate::catalog::Source::File(path) => path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .filter(|n| !n.bytes().all(|b| b.is_ascii_digit()))
                .unwrap_or_else(|| path.display().to_string()),
        })
        .collect();
    clean(&fill(s().data_label, &[&names.join(" + ")])).into_owned()
}

/// The most useful keys for what has the keys, read from the binding table, most useful
/// first, as many as fit in `columns`; the help's key always ends the line.
/// The key that quits from where the user is, as the help names it: the user's own when the
/// configuration gave `quit` others (`quit = ["ctrl-g"]` leaves Ctrl-C doing nothing), else
/// the one that cancels down to quitting.
fn quit_key(app: &App) -> String {
    let bindings = app.bindings();
    let first = |context, action| bindings.keys_for(context, action).into_iter().next();
    first(app.key_state().context, &Action::Quit)
        .or_else(|| first(Context::List, &Action::Quit))
        .or_else(|| first(Context::List, &Action::Cancel))
        .unwrap_or_else(|| "Ctrl-C".to_owned())
}

fn hints(app: &App, columns: u16) -> String {
    let t = s();
    let context = app.key_state().context;
    let hint = |actions: &[Action], label: &str| app.bindings().hint(context, actions, label);
    let parts = match context {
        Context::Qr => vec![hint(&[Action::CloseOverlay], t.hint_close)],
        Context::Help => {
            let keys = app.bindings().keys_for(Context::Help, &Action::CloseOverlay);
            let keys = keys.iter().take(2).cloned().collect::<Vec<_>>().join(t.or);
            return fill(t.closes_help, &[&keys]);
        }
        Context::NoteAsk => {
            let answers = [
                hint(&[Action::SaveNote], t.hint_save),
                hint(&[Action::DiscardNote], t.hint_discard),
                hint(&[Action::KeepEditing], t.hint_keep_writing),
            ];
            let unsaved = match app.overlay() {
                Some(Overlay::Note(editor)) if editor.edited == Edited::Aliases => {
                    t.unsaved_aliases
                }
                _ => t.unsaved_note,
            };
            // Each answer in one piece (no-break spaces): where the question is wrapped, a
            // key is never parted from what it does.
            let answers: Vec<String> =
                answers.into_iter().flatten().map(|a| a.replace(' ', "\u{a0}")).collect();
            return fill(unsaved, &[&answers.join(" · ")]);
        }
        Context::Note => vec![
            hint(&[Action::SaveNote], t.hint_save),
            hint(&[Action::NoteNewline], t.hint_new_line),
            hint(&[Action::CancelNote], t.hint_cancel),
        ],
        Context::Overview => vec![
            hint(&[Action::PreviousTab, Action::NextTab], t.hint_tab),
            hint(&[Action::PreviousRow, Action::NextRow], t.hint_choose),
            hint(&[Action::ApplyRow], t.hint_show_in_list),
            hint(&[Action::CloseOverlay], t.hint_close),
        ],
        // Having followed a relation, the way back comes first: Esc goes there.
        Context::Detail if app.came_from().is_some() => vec![
            hint(&[Action::Cancel], t.hint_back),
            hint(&[Action::PreviousLink, Action::NextLink], t.hint_relation),
            hint(&[Action::FollowLink], t.hint_follow),
            hint(&[Action::ToggleFocus], t.hint_list),
            hint(&[Action::ScrollUp, Action::ScrollDown], t.hint_scroll),
            hint(&[Action::OpenHelp], t.hint_help),
        ],
        Context::Detail => vec![
            hint(&[Action::PreviousLink, Action::NextLink], t.hint_relation),
            hint(&[Action::FollowLink], t.hint_follow),
            hint(&[Action::Back], t.hint_back),
            hint(&[Action::ScrollUp, Action::ScrollDown], t.hint_scroll),
            hint(&[Action::Cancel], t.hint_list),
            hint(&[Action::OpenHelp], t.hint_help),
        ],
        // Nothing listed (and nothing coming): no key that acts on a partner is offered.
        Context::List
            if app.results().is_empty() && app.loading_progress().is_none() && !app.searching() =>
        {
            let clear = (!app.query().is_empty()).then(|| hint(&[Action::Cancel], t.hint_clear));
            vec![
                clear.flatten(),
                hint(&[Action::OpenOverview], t.hint_overview),
                hint(&[Action::OpenHelp], t.hint_help),
            ]
        }
        Context::List => vec![
            hint(&[Action::Open], t.hint_open),
            hint(&[Action::ToggleStar], t.hint_star),
            hint(&[Action::MoveUp, Action::MoveDown], t.hint_move),
            hint(&[Action::ToggleMet], t.hint_met),
            hint(&[Action::EditNote], t.hint_note),
            hint(&[Action::OpenOverview], t.hint_overview),
            hint(&[Action::OpenHelp], t.hint_help),
        ],
    };
    // An action the configuration left without a key is not offered.
    fit_hints(parts.into_iter().flatten().collect(), usize::from(columns))
}

/// `parts` joined by ` · `, dropping the ones before the last (the help) from the end until
/// the line fits in `columns`.
fn fit_hints(mut parts: Vec<String>, columns: usize) -> String {
    let joined = |parts: &[String]| parts.join(" · ");
    while parts.len() > 1 && width(&joined(&parts)) > columns {
        parts.remove(parts.len() - 2);
    }
    joined(&parts)
}

/// `text` as spans, the characters at `positions` (char indices) in `matched`, cut to `max`
/// columns with `…` (see [`highlight_runs`]).
pub fn highlighted(
    text: &str,
    positions: &[usize],
    base: Style,
    matched: Style,
    max: usize,
) -> Vec<Span<'static>> {
    highlight_runs(text, positions, max)
        .into_iter()
        .map(|(run, is_matched)| Span::styled(run, if is_matched { matched } else { base }))
        .collect()
}

/// Columns taken by `spans`.
pub fn spans_width(spans: &[Span<'_>]) -> usize {
    spans.iter().map(|s| width(&s.content)).sum()
}

/// `block` with `↑` on its top border when there is more above, and `↓ more` on its bottom
/// border when there is more below: a pane that scrolls says so.
pub fn scroll_marks<'a>(block: Block<'a>, above: bool, below: bool, theme: &Theme) -> Block<'a> {
    let t = s();
    let mut block = block;
    if above {
        block = block.title_top(Line::styled(t.more_above, theme.accent).right_aligned());
    }
    if below {
        block = block.title_bottom(Line::styled(t.more_below, theme.accent).right_aligned());
    }
    block
}
