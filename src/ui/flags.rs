//! Flags (two regional indicators, drawn in two columns) left half on screen: some terminals
//! (tmux 3.3) keep a flag's two indicators in a column each, and clear only the first when it
//! is written over, while ratatui writes only that first column when a narrow character
//! takes a wide one's place. The column after each flag of the frame before is written again.

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Position;

/// Where `buffer` holds a flag: a cell whose symbol is two regional indicators.
pub fn flags(buffer: &Buffer) -> Vec<Position> {
    let indicator = |c: char| ('\u{1F1E6}'..='\u{1F1FF}').contains(&c);
    let is_flag = |symbol: &str| symbol.chars().count() == 2 && symbol.chars().all(indicator);
    let area = buffer.area;
    area.positions().filter(|&at| is_flag(buffer[at].symbol())).collect()
}

/// Has the column after each flag of the frame before (`drawn`, from [`flags`]) written again
/// in `buffer`, the frame to draw: unless a wide character takes it, where the terminal clears
/// both columns itself.
pub fn rewrite_after(drawn: &[Position], buffer: &mut Buffer) {
    for &Position { x, y } in drawn {
        let after = Position { x: x.saturating_add(1), y };
        if let Some(cell) = buffer.cell_mut(after) {
            cell.set_diff_option(CellDiffOption::AlwaysUpdate);
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    use super::*;

    fn written(before: &Buffer, after: &Buffer) -> Vec<u16> {
        before.diff(after).iter().map(|&(x, _, _)| x).collect()
    }

    #[test]
    fn the_column_after_a_flag_gone_is_written_again() {
        let area = Rect::new(0, 0, 8, 1);
        let mut before = Buffer::empty(area);
        before.set_string(1, 0, "a🇫🇷b", Style::default());
        assert_eq!(flags(&before), [Position { x: 2, y: 0 }]);
        let mut after = Buffer::empty(area);
        after.set_string(1, 0, "a", Style::default());
        rewrite_after(&flags(&before), &mut after);
        // The flag's two columns, then the `b` gone.
        assert_eq!(written(&before, &after), [2, 3, 4]);
    }

    #[test]
    fn a_flag_that_stays_or_gives_way_to_a_wide_character_is_not_written_again() {
        let area = Rect::new(0, 0, 8, 1);
        let mut before = Buffer::empty(area);
        before.set_string(1, 0, "a🇫🇷b", Style::default());
        let mut same = before.clone();
        rewrite_after(&flags(&before), &mut same);
        assert_eq!(written(&before, &same), [0u16; 0]);
        let mut wide = Buffer::empty(area);
        wide.set_string(1, 0, "a東b", Style::default());
        rewrite_after(&flags(&before), &mut wide);
        assert_eq!(written(&before, &wide), [2]);
    }
}
