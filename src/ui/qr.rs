//! Draws the QR code overlay: the code dark on light whatever the theme (a phone's camera
//! needs that contrast), centred over the screen, with what it leaves out; or why it cannot
//! be drawn.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::theme::Theme;
use crate::action::Action;
use crate::app::{App, QrView};
use crate::i18n::{fill, s};
use crate::input::Context;
use crate::text::{clean, truncate, width};
use crate::view::layout::overlay_area;

/// Draws the overlay of `view`.
pub fn render(app: &App, view: &QrView, theme: &Theme, frame: &mut Frame) {
    let area = overlay_area(app.size()).intersection(frame.area());
    let name = app.catalog().get(view.partner).map_or("", |p| p.short_name());
    // The key that closes it, as the user has it.
    let close = app.bindings().hint(Context::Qr, &[Action::CloseOverlay], s().hint_close);
    let title =
        fill(s().qr_title, &[&clean(name), &crate::text::keys_said(&close.unwrap_or_default())]);
    let mut block =
        Block::default().borders(Borders::ALL).border_style(theme.focused).title(Span::styled(
            truncate(&title, usize::from(area.width.saturating_sub(2))).into_owned(),
            theme.accent,
        ));
    if let Some(shortened) = &view.shortened {
        let room = usize::from(area.width.saturating_sub(2));
        block = block.title_bottom(Span::styled(truncate(shortened, room).into_owned(), theme.dim));
    }
    let inner = block.inner(area);
    super::clear_for_overlay(frame, area);
    frame.render_widget(block, area);
    match &view.code {
        Ok(lines) => {
            let columns = lines.first().map_or(0, |l| width(l));
            let rows = lines.len();
            let code = Rect {
                x: inner.x + inner.width.saturating_sub(u16::try_from(columns).unwrap_or(0)) / 2,
                y: inner.y + inner.height.saturating_sub(u16::try_from(rows).unwrap_or(0)) / 2,
                width: u16::try_from(columns).unwrap_or(0).min(inner.width),
                height: u16::try_from(rows).unwrap_or(0).min(inner.height),
            };
            let text: Vec<Line<'static>> =
                lines.iter().map(|l| Line::styled(l.clone(), theme.qr)).collect();
            frame.render_widget(Paragraph::new(text), code);
        }
        Err(message) => frame.render_widget(
            Paragraph::new(Line::styled(message.clone(), theme.error))
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true }),
            inner,
        ),
    }
}
