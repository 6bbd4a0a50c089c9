//! Terminal events to [`Action`]s: the only place that knows which key does what. Only key
//! presses count (not releases or repeats reported separately by some terminals).

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use crate::action::Action;
use crate::app::{App, Focus, Overlay};

/// The action for `event` in the app's current state, if any.
pub fn action(event: &Event, app: &App) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => key_action(*key, app),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                Some(Action::Click { column: mouse.column, row: mouse.row })
            }
            MouseEventKind::ScrollDown => {
                Some(Action::Scroll { column: mouse.column, row: mouse.row, lines: 3 })
            }
            MouseEventKind::ScrollUp => {
                Some(Action::Scroll { column: mouse.column, row: mouse.row, lines: -3 })
            }
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize { width: *width, height: *height }),
        _ => None,
    }
}

fn key_action(key: KeyEvent, app: &App) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    if ctrl && matches!(key.code, KeyCode::Char('c')) {
        return Some(Action::Quit);
    }
    let note = matches!(app.overlay(), Some(Overlay::Note(_)));
    let detail = app.focus() == Focus::Detail && app.overlay().is_none();
    Some(match key.code {
        KeyCode::Char('s') if ctrl => {
            if note {
                Action::SaveNote
            } else {
                Action::ToggleStar
            }
        }
        KeyCode::Char('t') if ctrl => Action::ToggleMet,
        KeyCode::Char('e') if ctrl => Action::EditNote,
        KeyCode::Char('w') if ctrl => Action::DeleteWord,
        KeyCode::Char('u') if ctrl => Action::ClearQuery,
        KeyCode::Char('p') if ctrl => Action::SelectPrevious,
        KeyCode::Char('n') if ctrl => Action::SelectNext,
        KeyCode::Char('r') if ctrl => Action::HistoryPrevious,
        KeyCode::Char('y') if ctrl => Action::CopyCard,
        KeyCode::Char('a') if ctrl => Action::CursorHome,
        KeyCode::Char(_) if ctrl => return None,
        KeyCode::Left if alt => Action::Back,
        KeyCode::Right if alt => Action::Forward,
        KeyCode::Char('?') if app.query().is_empty() && !note => Action::ToggleHelp,
        KeyCode::Char(c) if !alt => Action::Insert(c),
        KeyCode::F(1) => Action::ToggleHelp,
        KeyCode::F(2) => Action::ToggleOverview,
        KeyCode::F(3) => Action::ToggleStarredOnly,
        KeyCode::Esc => Action::Cancel,
        KeyCode::Enter => Action::Confirm,
        KeyCode::Tab => Action::ToggleFocus,
        KeyCode::BackTab => Action::PreviousTab,
        KeyCode::Backspace if detail => Action::Back,
        KeyCode::Backspace => Action::DeleteBack,
        KeyCode::Delete => Action::DeleteForward,
        KeyCode::Left if detail => Action::PreviousLink,
        KeyCode::Right if detail => Action::NextLink,
        KeyCode::Left => Action::CursorLeft,
        KeyCode::Right => Action::CursorRight,
        KeyCode::Home => Action::CursorHome,
        KeyCode::End => Action::CursorEnd,
        KeyCode::Up => Action::Up,
        KeyCode::Down => Action::Down,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown => Action::PageDown,
        _ => return None,
    })
}
