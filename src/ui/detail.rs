//! Draws the detail pane: the app's [`crate::view::detail::DetailModel`], scrolled and styled;
//! the chosen relation stands out while the pane has focus.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::theme::Theme;
use crate::app::{App, Focus};
use crate::view::detail::Role;

fn style(role: Role, chosen: Option<usize>, theme: &Theme) -> Style {
    match role {
        Role::Plain => Style::new(),
        // Chosen, even if it cannot be followed: Enter then says why.
        Role::Link { index, .. } if chosen == Some(index) => theme.chosen_link,
        Role::Text | Role::Link { followable: false, .. } => theme.text,
        Role::Dim => theme.dim,
        Role::Heading => theme.accent,
        Role::Matched => theme.matched,
        Role::Mark => theme.mark,
        Role::Link { followable: true, .. } => theme.link,
    }
}

/// Draws the detail pane.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let focused = app.focus() == Focus::Detail && app.overlay().is_none();
    let rows = usize::from(area.height.saturating_sub(2));
    let scroll = app.detail_scroll();
    // Room left on the top border for the `↑` mark when scrolled.
    let max_title = usize::from(area.width.saturating_sub(if scroll > 0 { 8 } else { 4 }));
    // "Name (ACR)" as the list shows it: a long name is cut, the acronym kept.
    // Reached by following a relation, the partner it came from first, as a trail
    // ("GSEF › City of Bordeaux"), while there is room for both.
    let trail = app
        .came_from()
        .and_then(|i| app.catalog().get(i))
        .map(|from| format!("{} › ", crate::text::clean(from.short_name())))
        .filter(|trail| crate::text::width(trail) * 2 <= max_title)
        .unwrap_or_default();
    // Its matches marked as in the list, where the name is not repeated below.
    let title = app
        .selected_partner()
        .and_then(|i| Some((i, app.catalog().get(i)?)))
        .map(|(i, p)| {
            let room = max_title.saturating_sub(2 + crate::text::width(&trail));
            let highlights = app.name_highlights(i);
            let runs =
                crate::view::list::label_runs(p, &highlights.name, &highlights.acronym, room);
            let matched = theme.accent.patch(theme.matched);
            let runs = runs.into_iter().map(|(run, is_matched)| {
                Span::styled(run, if is_matched { matched } else { theme.accent })
            });
            let spans = std::iter::once(Span::styled(format!(" {trail}"), theme.accent))
                .chain(runs)
                .chain(std::iter::once(Span::styled(" ", theme.accent)));
            Line::from(spans.collect::<Vec<_>>())
        })
        .unwrap_or_default();
    let shown = app.selected_partner().is_some();
    let block = super::scroll_marks(
        Block::default()
            .borders(Borders::ALL)
            .border_style(if focused { theme.focused } else { theme.border })
            .title(title),
        shown && scroll > 0,
        shown && scroll + rows < app.detail().line_count(),
        theme,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if app.selected_partner().is_none() {
        let message = crate::i18n::s().nothing_selected;
        frame.render_widget(
            Paragraph::new(Line::styled(message, theme.dim))
                .wrap(ratatui::widgets::Wrap { trim: true }),
            inner,
        );
        return;
    }
    let chosen = (app.focus() == Focus::Detail).then_some(app.link());
    // The lines on screen only: a long description is marked where it is seen.
    let lines: Vec<Line<'static>> = app
        .detail()
        .lines(scroll..scroll + usize::from(inner.height))
        .iter()
        .map(|segments| {
            Line::from(
                segments
                    .iter()
                    .map(|s| Span::styled(s.text.clone(), style(s.role, chosen, theme)))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
