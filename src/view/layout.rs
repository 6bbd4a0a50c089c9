//! The screen's geometry: how a terminal of a given size is divided between the search line,
//! the list, the detail pane and the status line, and where overlays stand.

use ratatui::layout::Rect;

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

impl Areas {
    /// Rows of results the list shows (inside its border), at least one.
    pub fn list_rows(&self) -> usize {
        usize::from(self.list.height.saturating_sub(2)).max(1)
    }

    /// Rows of text the detail shows (inside its border), at least one.
    pub fn detail_rows(&self) -> usize {
        usize::from(self.detail.height.saturating_sub(2)).max(1)
    }

    /// Columns of text the detail shows (inside its border).
    pub fn detail_columns(&self) -> u16 {
        self.detail.width.saturating_sub(2)
    }
}

/// Side by side, the detail keeps at least this many columns (with its borders), and 45% of
/// the screen.
pub const DETAIL_MIN_WIDTH: u16 = 50;
/// The list is never narrower than this side by side.
const LIST_MIN_WIDTH: u16 = 36;

/// The screen's geometry for a terminal of `size` (columns, rows), the list taking two fifths
/// of a wide screen.
pub fn layout(size: (u16, u16)) -> Areas {
    layout_with_list(size, None)
}

/// The list's width side by side: as wide as `wanted` (what its names need), else two fifths
/// of the screen; never so wide that the detail gets less than [`DETAIL_MIN_WIDTH`] or 45%
/// of the screen, never narrower than 36 columns.
fn list_width(width: u16, wanted: Option<u16>) -> u16 {
    let widest = width.saturating_sub(DETAIL_MIN_WIDTH.max(width * 9 / 20)).max(LIST_MIN_WIDTH);
    wanted.unwrap_or(width * 2 / 5).clamp(LIST_MIN_WIDTH, widest)
}

/// The screen's geometry for a terminal of `size` (columns, rows), the list side by side as
/// wide as `wanted` (what its names need; none: two fifths of the screen) while the detail
/// keeps [`DETAIL_MIN_WIDTH`] and 45% of the screen, and at least 36 columns.
pub fn layout_with_list((width, height): (u16, u16), wanted: Option<u16>) -> Areas {
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
        let list_width = list_width(width, wanted);
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

/// Where a full-screen overlay (the QR code, the overview) stands: the whole screen above the
/// status line, which stays visible to say why a row cannot be shown.
pub fn overlay_area((width, height): (u16, u16)) -> Rect {
    Rect::new(0, 0, width, height.saturating_sub(1))
}

/// A rectangle of at most `width`×`height` centred in `area`.
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(area.x + (area.width - width) / 2, area.y + (area.height - height) / 2, width, height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_takes_what_it_wants_within_reason() {
        assert_eq!(list_width(100, Some(70)), 50);
        assert_eq!(list_width(120, Some(70)), 66);
        assert_eq!(list_width(130, Some(56)), 56);
        assert_eq!(list_width(130, Some(90)), 72);
        assert_eq!(list_width(200, Some(90)), 90);
        assert_eq!(list_width(120, Some(20)), 36);
        assert_eq!(list_width(120, None), 48);
        let areas = layout_with_list((120, 40), Some(58));
        assert_eq!((areas.list.width, areas.detail.x, areas.detail.width), (58, 58, 62));
    }
}
