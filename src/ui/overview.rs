//! The overview (F2): partners by kind, scope and topic as bar charts, and the network of
//! relations as a text graph grouped by hub. Each row can be chosen; Enter filters the list
//! (teaching the `kind:`/`scope:`/`topic:` syntax) or shows the partner.

use ratatui::Frame;
use ratatui::layout::{Direction, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Block, Borders, Clear, Paragraph};

use super::theme::Theme;
use crate::app::{App, OverviewTab};
use crate::dataset::{Kind, Scope, Topic};
use crate::output::links;
use crate::text::{clean, truncate};

/// What Enter does on a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowAction {
    /// Put this filter in the query.
    Filter(String),
    /// Show this partner (catalog index).
    Show(usize),
    /// Nothing: an organisation outside the dataset.
    None,
}

/// One row of a tab: a bar, or a line of the network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// What the row says.
    pub label: String,
    /// The bar's length (partners), or the hub's number of links.
    pub value: u64,
    /// Whether the row is a hub heading (network tab).
    pub hub: bool,
    /// What Enter does.
    pub action: RowAction,
}

fn count<T: PartialEq>(
    app: &App,
    values: impl Fn(&crate::dataset::Partner) -> Vec<T>,
    value: &T,
) -> u64 {
    app.catalog().partners().iter().filter(|p| values(p).contains(value)).count() as u64
}

/// The rows of `tab`.
pub fn rows(app: &App, tab: OverviewTab) -> Vec<Row> {
    let bar = |label: &str, value: u64, filter: String| Row {
        label: label.to_owned(),
        value,
        hub: false,
        action: RowAction::Filter(filter),
    };
    let mut rows: Vec<Row> = match tab {
        OverviewTab::Kinds => Kind::ALL
            .iter()
            .map(|k| bar(k.label(), count(app, |p| vec![p.kind], k), format!("kind:{}", k.slug())))
            .collect(),
        OverviewTab::Scopes => Scope::ALL
            .iter()
            .map(|s| {
                bar(s.label(), count(app, |p| vec![p.scope], s), format!("scope:{}", s.slug()))
            })
            .collect(),
        OverviewTab::Topics => Topic::ALL
            .iter()
            .map(|t| {
                bar(t.label(), count(app, |p| p.topics.clone(), t), format!("topic:{}", t.slug()))
            })
            .collect(),
        OverviewTab::Network => return network(app),
    };
    rows.retain(|r| r.value > 0);
    rows.sort_by(|a, b| b.value.cmp(&a.value).then_with(|| a.label.cmp(&b.label)));
    rows
}

/// Hubs first (most links), each followed by its links in both directions.
fn network(app: &App) -> Vec<Row> {
    let catalog = app.catalog();
    let mut hubs: Vec<(usize, usize)> = (0..catalog.partners().len())
        .map(|i| (i, links(catalog, i).len()))
        .filter(|(_, n)| *n > 0)
        .collect();
    hubs.sort_by(|a, b| {
        let name = |i: usize| catalog.get(i).map_or("", |p| p.name.as_str());
        b.1.cmp(&a.1).then_with(|| name(a.0).cmp(name(b.0)))
    });
    let mut rows = Vec::new();
    for (hub, n) in hubs {
        let Some(partner) = catalog.get(hub) else { continue };
        rows.push(Row {
            label: format!("{} ({n})", partner.short_name()),
            value: n as u64,
            hub: true,
            action: RowAction::Show(hub),
        });
        for link in links(catalog, hub) {
            let other =
                link.target.and_then(|t| catalog.get(t)).map_or(link.name, |p| p.short_name());
            rows.push(Row {
                label: format!("{} {other}", link.label().to_lowercase()),
                value: 0,
                hub: false,
                action: link.target.map_or(RowAction::None, RowAction::Show),
            });
        }
    }
    rows
}

/// Draws the overview over the whole screen.
pub fn render(
    app: &App,
    tab: OverviewTab,
    selected: usize,
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
    let rows = rows(app, tab);
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
            frame.render_widget(Paragraph::new("No relations in this dataset."), inner);
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
