//! A repair of what crossterm reads after Esc. Given ESC ESC [ B in one read (Esc then ↓
//! sent together, as `tmux send-keys Escape Down` does or a slow link delivers them), it
//! gives Esc, then `[` and `B` as typed letters, which would land in the query (the fix,
//! crossterm's pull request 1124, is not released). Owns that repair only.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Whether `event` is a plain Esc press, after which crossterm may have split a key.
pub fn is_escape(event: &Event) -> bool {
    matches!(
        event,
        Event::Key(KeyEvent {
            code: KeyCode::Esc,
            modifiers: KeyModifiers::NONE,
            kind: KeyEventKind::Press,
            ..
        })
    )
}

/// The events after an Esc, as they were sent: `ready` gives the next event only if it was
/// read with the Esc. A `[` or `O` and an arrow's letter (or Home's, End's) that crossterm
/// made of an arrow's sequence are that arrow again; anything else comes as it was read.
pub fn after_escape(mut ready: impl FnMut() -> Option<Event>) -> Vec<Event> {
    let letter = |event: &Event| match event {
        Event::Key(KeyEvent { code: KeyCode::Char(c), kind: KeyEventKind::Press, .. }) => Some(*c),
        _ => None,
    };
    let Some(second) = ready() else { return Vec::new() };
    if !matches!(letter(&second), Some('[' | 'O')) {
        return vec![second];
    }
    let Some(third) = ready() else { return vec![second] };
    let code = match letter(&third) {
        Some('A') => KeyCode::Up,
        Some('B') => KeyCode::Down,
        Some('C') => KeyCode::Right,
        Some('D') => KeyCode::Left,
        Some('H') => KeyCode::Home,
        Some('F') => KeyCode::End,
        _ => return vec![second, third],
    };
    vec![Event::Key(KeyEvent::new(code, KeyModifiers::NONE))]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, modifiers))
    }

    /// What follows an Esc, given what crossterm read with it.
    fn after(read: &[Event]) -> Vec<Event> {
        let mut read = read.iter().cloned();
        after_escape(|| read.next())
    }

    #[test]
    fn an_arrow_split_after_esc_is_whole_again() {
        let (open, shifted) = (KeyModifiers::NONE, KeyModifiers::SHIFT);
        let down = [key(KeyCode::Char('['), open), key(KeyCode::Char('B'), shifted)];
        assert_eq!(after(&down), [key(KeyCode::Down, open)]);
        let left = [key(KeyCode::Char('O'), shifted), key(KeyCode::Char('D'), shifted)];
        assert_eq!(after(&left), [key(KeyCode::Left, open)]);
        // Anything else comes as it was read; nothing read with the Esc, nothing.
        let typed = [key(KeyCode::Char('['), open), key(KeyCode::Char('x'), open)];
        assert_eq!(after(&typed), typed);
        assert_eq!(after(&typed[..1]), typed[..1]);
        let word = [key(KeyCode::Char('a'), open), key(KeyCode::Char('B'), shifted)];
        assert_eq!(after(&word), word[..1]);
        assert_eq!(after(&[]), []);
        assert!(is_escape(&key(KeyCode::Esc, open)));
        assert!(!is_escape(&key(KeyCode::Esc, KeyModifiers::ALT)));
    }
}
