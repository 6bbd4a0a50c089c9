//! The detail pane: everything about the selected partner, wrapped to the pane, with the
//! matched words highlighted and the relations choosable.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::highlighted;
use super::theme::Theme;
use crate::app::{App, Focus};
use crate::output::Link;
use crate::text::{clean, clean_multiline, pad, width, wrap, wrap_ranges};

/// The pane's lines, and on which line each relation stands (for choosing and clicking).
#[derive(Debug, Default)]
pub struct Content {
    /// Every line, unscrolled.
    pub lines: Vec<Line<'static>>,
    /// Line of each relation, in the order of [`App::links`].
    pub link_rows: Vec<usize>,
}

/// The detail of the selected partner laid out for `columns` columns.
// Sections in reading order; each is short, together they are the pane.
#[allow(clippy::too_many_lines)]
pub fn content(app: &App, columns: u16) -> Content {
    let theme = Theme::new(app.options().theme, app.options().color);
    let columns = usize::from(columns).max(1);
    let mut out = Content::default();
    let Some(index) = app.selected_partner() else { return out };
    let Some(partner) = app.catalog().get(index) else { return out };
    let highlights = app
        .parsed()
        .ok()
        .map(|q| app.catalog().index().highlights(index, partner, q))
        .unwrap_or_default();
    let lines = &mut out.lines;
    let mut about = vec![partner.kind.label().to_owned(), partner.scope.label().to_owned()];
    if let Some(location) = &partner.location {
        about.push(clean(location).into_owned());
    }
    for line in wrap(&about.join(" · "), columns) {
        lines.push(Line::styled(line, theme.accent));
    }
    if !partner.aliases.is_empty() {
        let mut spans = vec![Span::styled("Also: ", theme.dim)];
        for (i, alias) in partner.aliases.iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(", ", theme.dim));
            }
            let positions = highlights.aliases.get(i).map_or(&[][..], Vec::as_slice);
            spans.extend(highlighted(alias, positions, theme.text, theme.matched, usize::MAX));
        }
        lines.extend(wrap_spans(&spans, columns));
    }
    if !partner.topics.is_empty() {
        let topics: Vec<&str> = partner.topics.iter().map(|t| t.label()).collect();
        for line in wrap(&format!("Topics: {}", topics.join(", ")), columns) {
            lines.push(Line::styled(line, theme.dim));
        }
    }
    let marks = app.state().marks.get(&partner.id);
    let mine: Vec<&str> =
        [(marks.is_some_and(|m| m.starred), "★ starred"), (marks.is_some_and(|m| m.met), "✓ met")]
            .into_iter()
            .filter_map(|(on, label)| on.then_some(label))
            .collect();
    if !mine.is_empty() {
        lines.push(Line::styled(mine.join("  "), theme.mark));
    }
    lines.push(Line::raw(""));
    let description = clean(&partner.description).into_owned();
    let chars: Vec<char> = description.chars().collect();
    for (start, end) in wrap_ranges(&description, columns) {
        let text: String = chars[start..end].iter().collect();
        let positions: Vec<usize> = highlights
            .description
            .iter()
            .filter(|&&p| p >= start && p < end)
            .map(|p| p - start)
            .collect();
        lines.push(Line::from(highlighted(&text, &positions, theme.text, theme.matched, columns)));
    }
    if !partner.facts.is_empty() {
        heading(lines, "Key facts", &theme);
        let label_width =
            partner.facts.iter().map(|f| width(&f.label)).max().unwrap_or(0).min(columns / 2);
        for fact in &partner.facts {
            let value_width = columns.saturating_sub(label_width + 3).max(1);
            let label = crate::text::truncate(&clean(&fact.label), label_width).into_owned();
            for (i, value) in wrap(&clean(&fact.value), value_width).into_iter().enumerate() {
                let shown = if i == 0 { pad(&label, label_width) } else { pad("", label_width) };
                lines.push(Line::from(vec![
                    Span::styled(format!(" {shown}  "), theme.dim),
                    Span::styled(value, theme.text),
                ]));
            }
        }
    }
    let relations = app.links();
    if !relations.is_empty() {
        heading(lines, "Relations", &theme);
        let chosen = (app.focus() == Focus::Detail).then_some(app.link());
        let mut last_label = "";
        for (i, link) in relations.iter().enumerate() {
            if link.label() != last_label {
                last_label = link.label();
                lines.push(Line::styled(format!(" {last_label}"), theme.dim));
            }
            out.link_rows.push(lines.len());
            lines.extend(link_lines(link, chosen == Some(i), &theme, columns));
        }
    }
    let contacts = [
        ("Website", &partner.website),
        ("Email", &partner.email),
        ("Phone", &partner.phone),
        ("Booth", &partner.booth),
    ];
    if contacts.iter().any(|(_, v)| v.is_some()) {
        heading(lines, "Contact", &theme);
        for (label, value) in contacts {
            if let Some(value) = value {
                for line in wrap(&format!(" {label}: {}", clean(value)), columns) {
                    lines.push(Line::styled(line, theme.text));
                }
            }
        }
    }
    if let Some(note) = marks.and_then(|m| m.note.as_deref()) {
        heading(lines, "Your note", &theme);
        for paragraph in clean_multiline(note).split('\n') {
            let wrapped = wrap(paragraph, columns.saturating_sub(1).max(1));
            if wrapped.is_empty() {
                lines.push(Line::raw(""));
            }
            for line in wrapped {
                lines.push(Line::styled(format!(" {line}"), theme.text));
            }
        }
    }
    out
}

fn heading(lines: &mut Vec<Line<'static>>, title: &str, theme: &Theme) {
    lines.push(Line::raw(""));
    lines.push(Line::styled(title.to_owned(), theme.accent));
}

fn link_lines(link: &Link<'_>, chosen: bool, theme: &Theme, columns: usize) -> Vec<Line<'static>> {
    // The arrow says whether Enter can follow the link, chosen or not.
    let arrow = if link.target.is_some() { "→ " } else { "· " };
    let style = match (link.target.is_some(), chosen) {
        (_, true) => theme.chosen_link,
        (true, false) => theme.link,
        (false, false) => theme.text,
    };
    let note = link.note.map(|n| format!(" ({})", clean(n))).unwrap_or_default();
    let mut lines = Vec::new();
    let text = format!("{arrow}{}", clean(link.name));
    for (i, line) in wrap(&text, columns.saturating_sub(3).max(1)).into_iter().enumerate() {
        let indent = if i == 0 { "  " } else { "    " };
        lines.push(Line::from(vec![Span::raw(indent), Span::styled(line, style)]));
    }
    for line in wrap(note.trim(), columns.saturating_sub(4).max(1)) {
        lines.push(Line::styled(format!("    {line}"), theme.dim));
    }
    lines
}

/// Wraps styled spans to `columns`, breaking at spaces where it can.
fn wrap_spans(spans: &[Span<'static>], columns: usize) -> Vec<Line<'static>> {
    let mut chars: Vec<(char, Style)> = Vec::new();
    for span in spans {
        chars.extend(span.content.chars().map(|c| (c, span.style)));
    }
    let text: String = chars.iter().map(|(c, _)| c).collect();
    wrap_ranges(&text, columns)
        .into_iter()
        .map(|(start, end)| {
            let mut line: Vec<Span<'static>> = Vec::new();
            for &(c, style) in &chars[start..end] {
                match line.last_mut() {
                    Some(last) if last.style == style => last.content.to_mut().push(c),
                    _ => line.push(Span::styled(c.to_string(), style)),
                }
            }
            Line::from(line)
        })
        .collect()
}

/// Draws the detail pane.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let focused = app.focus() == Focus::Detail && app.overlay().is_none();
    let title = app
        .selected_partner()
        .and_then(|i| app.catalog().get(i))
        .map(|p| match &p.acronym {
            Some(a) if a != &p.name => format!(" {} ({}) ", clean(&p.name), clean(a)),
            _ => format!(" {} ", clean(&p.name)),
        })
        .unwrap_or_default();
    let max_title = usize::from(area.width.saturating_sub(4));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(if focused { theme.focused } else { theme.border })
        .title(Span::styled(crate::text::truncate(&title, max_title).into_owned(), theme.accent));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if app.selected_partner().is_none() {
        let message = "Nothing selected: the list shows why and what to try.";
        frame.render_widget(
            Paragraph::new(Line::styled(message, theme.dim))
                .wrap(ratatui::widgets::Wrap { trim: true }),
            inner,
        );
        return;
    }
    let content = content(app, inner.width);
    let lines: Vec<Line<'static>> = content
        .lines
        .into_iter()
        .skip(app.detail_scroll())
        .take(usize::from(inner.height))
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
