//! Draws the overview (F2): the rows of [`crate::view::overview`] as bar charts, or the
//! network of relations as a text graph grouped by hub, the chosen row highlighted.

use ratatui::Frame;
use ratatui::layout::{Direction, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Block, Borders, Clear, Paragraph};

use super::theme::Theme;
use crate::text::{clean, truncate};
use crate::view::overview::{OverviewTab, Row, RowAction};

/// Draws the overview over the whole screen.
pub fn render(
    tab: OverviewTab,
    selected: usize,
    rows: &[Row],
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    frame.render_widget(Clear, area);
    let tabs: Vec<Span<'static>> = OverviewTab::ALL
        .iter()
        .flat_map(|t| {
            let style = if *t == tab { theme.chosen_link } else { theme.dim };
            [Span::styled(format!(" {} ", t.title()), style), Span::raw(" ")]
        })
        .collect();
    // The keys are in the status line below, which stays visible.
    let block =
        Block::default().borders(Borders::ALL).border_style(theme.focused).title(Line::from(tabs));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let visible = usize::from(inner.height);
    let first = selected.saturating_sub(visible.saturating_sub(1));
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
    let label_width = rows.iter().map(|r| crate::text::width(&r.label)).max().unwrap_or(0);
    let label_width = label_width.min(usize::from(inner.width) / 2);
    let bars: Vec<Bar<'static>> = window
        .map(|(i, row)| {
            let style = if i == selected { theme.chosen_link } else { theme.link };
            Bar::default()
                .label(Line::from(truncate(&row.label, label_width).into_owned()))
                .value(row.value)
                .style(style)
                .value_style(style)
        })
        .collect();
    let chart = BarChart::default()
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .label_style(theme.text)
        .data(ratatui::widgets::BarGroup::default().bars(&bars));
    frame.render_widget(chart, inner);
}
