//! Draws the overview (F2): the rows of [`crate::view::overview`] as bar charts, or the
//! network of relations as a text graph grouped by hub, the chosen row highlighted.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::theme::Theme;
use crate::text::{clean, pad, truncate, width};
use crate::view::overview::{OverviewTab, Placement, Row, RowAction, TabBar, first_shown};

/// The tab bar, `chosen` marked.
fn tab_bar(bar: &TabBar, chosen: OverviewTab, theme: &Theme) -> Line<'static> {
    let spans = bar.tabs.iter().flat_map(|(t, title)| {
        let style = if *t == chosen { theme.chosen_link } else { theme.dim };
        let space = bar.spaced.then(|| Span::raw(" "));
        std::iter::once(Span::styled(title.clone(), style)).chain(space)
    });
    Line::from(spans.collect::<Vec<_>>())
}

/// What the overview shows: its tab, chosen row and first row, and the tab's rows.
pub struct Shown<'a> {
    /// The tab.
    pub tab: OverviewTab,
    /// The chosen row.
    pub selected: usize,
    /// The first row shown, as it was last drawn.
    pub top: usize,
    /// The tab's rows.
    pub rows: &'a [Row],
}

/// Draws the overview in `area`; `loading`: the partners are not all there yet.
pub fn render(shown: &Shown<'_>, loading: bool, theme: &Theme, frame: &mut Frame, area: Rect) {
    let Shown { tab, selected, top, rows } = *shown;
    super::clear_for_overlay(frame, area);
    let visible = usize::from(area.height.saturating_sub(2));
    let first = first_shown(top, selected, visible);
    let placement = Placement::of(area, tab, first);
    // The keys are in the status line below, which stays visible.
    let block = Block::default().borders(Borders::ALL).border_style(theme.focused).title(tab_bar(
        &placement.tabs,
        tab,
        theme,
    ));
    let block = super::scroll_marks(block, first > 0, first + visible < rows.len(), theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    // Counted again once they are in: until then nothing is, which is no finding.
    if rows.is_empty() && loading {
        frame.render_widget(Paragraph::new(crate::i18n::s().list_loading).style(theme.dim), inner);
        return;
    }
    let window = rows.iter().enumerate().skip(first).take(visible);
    if tab == OverviewTab::Network {
        let columns = usize::from(inner.width);
        let lines: Vec<Line<'static>> = window
            .map(|(i, row)| {
                let text = if row.hub { row.label.clone() } else { format!("  {}", row.label) };
                let text = truncate(&clean(&text), columns).into_owned();
                let style = match (i == selected, row.hub, &row.action) {
                    (true, ..) => theme.chosen_link,
                    (false, true, _) => theme.accent,
                    (false, false, RowAction::Show(_)) => theme.link,
                    _ => theme.text,
                };
                Line::styled(text, style)
            })
            .collect();
        if lines.is_empty() {
            frame.render_widget(Paragraph::new(crate::i18n::s().no_network), inner);
        } else {
            frame.render_widget(Paragraph::new(lines), inner);
        }
        return;
    }
    // Labels padded to one width and counts right-aligned in another, so every bar starts in
    // the same column; the chosen row is marked on its label (a bar has no background to
    // colour) and its bar takes the match colour, visible on any background.
    let columns = usize::from(inner.width);
    let label_width = rows.iter().map(|r| width(&r.label)).max().unwrap_or(0).min(columns / 2);
    let count_width = rows.iter().map(|r| r.value.to_string().len()).max().unwrap_or(1);
    let room = columns.saturating_sub(label_width + count_width + 2);
    let most = rows.iter().map(|r| r.value).max().unwrap_or(0).max(1);
    let lines: Vec<Line<'static>> = window
        .map(|(i, row)| {
            let chosen = i == selected;
            let label = pad(&truncate(&clean(&row.label), label_width), label_width);
            let value = usize::try_from(row.value).unwrap_or(usize::MAX);
            let most = usize::try_from(most).unwrap_or(usize::MAX);
            // Rounded up, so a count of one still shows a bar.
            let length = (value.saturating_mul(room)).div_ceil(most).min(room);
            Line::from(vec![
                Span::styled(label, if chosen { theme.chosen_link } else { theme.text }),
                Span::styled(
                    format!(" {:>count_width$} ", row.value),
                    if chosen { theme.accent } else { theme.dim },
                ),
                Span::styled("█".repeat(length), if chosen { theme.matched } else { theme.link }),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
