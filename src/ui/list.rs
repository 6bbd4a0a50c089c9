//! The list pane: one row a result, with marks, highlighted name and acronym, and a kind
//! badge (the row's text comes from [`crate::view::list`]); or why nothing matched and what
//! to try.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::spans_width;
use super::theme::Theme;
use crate::action::Action;
use crate::app::{App, Focus};
use crate::i18n::cli::count;
use crate::i18n::{fill, s};
use crate::input::Context;
use crate::search::Mark;
use crate::text::{pad, truncate, width};
use crate::view::list::{MARKS_WIDTH, badge, id_suffix, label_runs};

/// Drawn over the left border at the selected row.
pub const SELECTION_MARK: &str = "▌";

/// The most columns the word a partner lacks takes in its row: the name comes first.
const LACKED_WORD_WIDTH: usize = 16;

/// Draws the list pane.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let focused = app.focus() == Focus::List && app.overlay().is_none();
    let all_but_one = app.results().first().is_some_and(|hit| hit.lacks.is_some());
    let title = if all_but_one { s().partners_all_but_one } else { s().partners_title };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(if focused { theme.focused } else { theme.border })
        .title(Span::styled(title, theme.accent));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if app.results().is_empty() {
        frame.render_widget(
            Paragraph::new(empty_message(app, theme)).wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let columns = usize::from(inner.width);
    let show_badge = columns >= 40;
    let offset = app.list_offset();
    let lines: Vec<Line<'static>> = (offset..)
        .zip(app.results().slice(offset..offset + usize::from(inner.height)))
        .filter_map(|(position, hit)| {
            let partner = app.catalog().get(hit.index)?;
            let marks = app.marks_of(hit.index);
            let highlights = app.name_highlights(hit.index);
            let selected = position == app.selected();
            let base = if selected { theme.text.patch(theme.selected) } else { theme.text };
            let matched =
                if selected { theme.matched.patch(theme.selected) } else { theme.matched };
            let mark_style = if selected { theme.mark.patch(theme.selected) } else { theme.mark };
            let star = if marks.has(Mark::Starred) { "★" } else { " " };
            let met = if marks.has(Mark::Met) { "✓" } else { " " };
            let noted = if marks.has(Mark::Noted) { "✎" } else { " " };
            let mut spans = vec![Span::styled(format!("{star}{met}{noted} "), mark_style)];
            // A match found only in the user's note says so, where the kind stands, and so
            // does the word a partner lacks when none has every word.
            let badge_text = match (show_badge, hit.in_note, app.lacked_word(hit)) {
                (false, ..) => String::new(),
                (true, true, _) => format!(" {}", s().matched_in_note),
                (true, false, Some(word)) => {
                    let word = truncate(word, LACKED_WORD_WIDTH).into_owned();
                    format!(" {}", fill(s().lacks_word, &[&word]))
                }
                (true, false, None) => format!(" {}", badge(partner.kind)),
            };
            let room = columns.saturating_sub(MARKS_WIDTH + width(&badge_text));
            // Another partner of this name would show the same row: the id tells them apart.
            let (id_text, room) = if app.catalog().name_shared_known(hit.index) {
                id_suffix(&partner.id, partner.label_width(), room)
            } else {
                (String::new(), room)
            };
            let label = label_runs(partner, &highlights.name, &highlights.acronym, room);
            spans.extend(label.into_iter().map(|(run, is_matched)| {
                Span::styled(run, if is_matched { matched } else { base })
            }));
            let badge_style = if selected { theme.dim.patch(theme.selected) } else { theme.dim };
            spans.push(Span::styled(id_text, badge_style));
            let filled = spans_width(&spans);
            let gap = columns.saturating_sub(filled + width(&badge_text));
            spans.push(Span::styled(pad("", gap), base));
            spans.push(Span::styled(badge_text, badge_style));
            Some(Line::from(spans))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    // The selected row is pointed at on the border, as fzf's pointer does: a colour alone
    // may not show (a terminal with few colours, a background close to the selection's).
    let row = app.selected().checked_sub(app.list_offset()).and_then(|r| u16::try_from(r).ok());
    if let Some(y) = row.filter(|&r| r < inner.height).map(|r| inner.y + r)
        && let Some(cell) = frame.buffer_mut().cell_mut((area.x, y))
    {
        cell.set_symbol(SELECTION_MARK).set_style(theme.accent);
    }
}

fn empty_message(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let query = app.query();
    match app.parsed() {
        Err(e) => vec![
            Line::styled(s().query_cannot_run, theme.error),
            Line::styled(crate::text::clean(&e.to_string()).into_owned(), theme.text),
            Line::raw(""),
            Line::styled(fill(s().syntax_in_help, &[&key(app, &Action::OpenHelp)]), theme.dim),
        ],
        Ok(_) if app.loading_progress().is_some() => {
            vec![Line::styled(s().list_loading, theme.dim)]
        }
        Ok(_) if app.searching() => vec![Line::styled(s().list_searching, theme.dim)],
        Ok(_) if app.catalog().partners().is_empty() => {
            vec![Line::styled(s().no_partners, theme.text)]
        }
        Ok(_) if starred_view_without_stars(app) => {
            let keys = [key(app, &Action::ToggleStar), key(app, &Action::ToggleStarredOnly)];
            // Stars kept for partners of other data (`--data`, a dataset removed): said, not
            // denied.
            let elsewhere = app.state().marks.values().filter(|marks| marks.starred).count();
            let said = match elsewhere {
                0 => fill(s().no_starred, &[&keys[0], &keys[1]]),
                n => {
                    let said = count(n, s().starred_elsewhere_one, s().starred_elsewhere_many);
                    fill(said, &[&n, &keys[0], &keys[1]])
                }
            };
            vec![Line::styled(said, theme.text)]
        }
        Ok(parsed) => {
            let mut lines = vec![
                Line::styled(fill(s().no_match, &[&crate::text::clean(query.trim())]), theme.text),
                Line::raw(""),
                Line::styled(s().try_heading, theme.dim),
            ];
            let has_filter = parsed
                .groups
                .iter()
                .flatten()
                .any(|t| !matches!(t.atom, crate::search::Atom::Text { .. }));
            if has_filter {
                lines.push(Line::styled(s().try_fewer_filters, theme.dim));
            }
            if parsed.groups.len() > 1 {
                lines.push(Line::styled(s().try_fewer_words, theme.dim));
            }
            if let Some(kind) = parsed.names_a_kind() {
                let filter = crate::i18n::vocabulary().kind_filter(kind);
                lines.push(Line::styled(fill(s().try_kind, &[&filter]), theme.dim));
            }
            lines.push(Line::styled(s().try_spelling, theme.dim));
            // Esc clears, unless the user's keys gave it to another action (`quit = ["esc"]`
            // quits there): then the key that clears is named, if one is left.
            let clear = [Action::Cancel, Action::DeleteToStart].iter().map(|a| key(app, a));
            if let Some(clear) = clear.into_iter().find(|k| !k.is_empty()) {
                lines.push(Line::styled(fill(s().try_clear, &[&clear]), theme.dim));
            }
            lines
        }
    }
}

/// Whether the list shows only starred partners and none is starred: then it says how to star.
fn starred_view_without_stars(app: &App) -> bool {
    app.query().split_whitespace().any(|word| word == "is:starred")
        && (0..app.catalog().partners().len()).all(|i| !app.marks_of(i).has(Mark::Starred))
}

/// The first key of `action` in the list, as the help writes it.
fn key(app: &App, action: &Action) -> String {
    app.bindings().keys_for(Context::List, action).into_iter().next().unwrap_or_default()
}
