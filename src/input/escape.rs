//! A repair of what crossterm reads after Esc. Given ESC ESC [ B in one read (Esc then ↓
//! sent together, as `tmux send-keys Escape Down` does or a slow link delivers them), it
//! gives Esc, then `[` and `B` as typed letters, which would land in the query (the fix,
//! crossterm's pull request 1124, is not released). And ESC ESC q, Esc then Alt-q, it gives
//! as Esc then a plain q: a character read with an Esc gets its Alt back (so Esc, Esc, q in
//! one read is Esc, Alt-q too: the bytes are the same). And ESC then Ctrl-C in one read
//! (`tmux send-keys Escape C-c`, a fast typist) it gives as Alt-Ctrl-C, which quit nothing:
//! a quit key after an Esc is Esc then that key. Owns those repairs only.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// The events that `first`, as crossterm read it, stands for, with those read with it that
/// `ready` gives (see [`after_escape`]), in the order they were sent.
pub fn as_sent(first: Event, ready: impl FnMut() -> Option<Event>) -> Vec<Event> {
    if let Some(quit) = quit_after_escape(&first) {
        return vec![Event::Key(KeyEvent::from(KeyCode::Esc)), quit];
    }
    if !is_escape(&first) {
        return vec![first];
    }
    std::iter::once(first).chain(after_escape(ready)).collect()
}

/// The quit keys, Ctrl and these letters, that an Esc before them must never swallow.
const QUIT_LETTERS: [char; 3] = ['c', 'g', 'q'];

/// Ctrl-C, Ctrl-G or Ctrl-Q, if `event` is one of them with Alt: ESC then the key in one
/// read, which crossterm takes for Alt and the key. Nobody means Alt-Ctrl-C, and a quit key
/// that does nothing leaves the user stuck.
fn quit_after_escape(event: &Event) -> Option<Event> {
    let Event::Key(key @ KeyEvent { code: KeyCode::Char(c), kind: KeyEventKind::Press, .. }) =
        event
    else {
        return None;
    };
    let alt_control = KeyModifiers::ALT | KeyModifiers::CONTROL;
    (key.modifiers == alt_control && QUIT_LETTERS.contains(&c.to_ascii_lowercase())).then(|| {
        let mut key = *key;
        key.modifiers = KeyModifiers::CONTROL;
        Event::Key(key)
    })
}

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

/// The longest sequence looked for: a mouse report is the longest usual one.
const LONGEST: usize = 24;

/// The events after an Esc, as they were sent: `ready` gives the next event only if it was
/// read with the Esc. A `[` or `O` and what follows up to a sequence's last character, that
/// crossterm made letters of, are the key they stand for (an arrow, Home, Delete, Page
/// Down, F5..., with Shift, Alt or Ctrl); a sequence of no key (a mouse report, a paste's
/// marks) is dropped, never typed. Anything else comes as it was read.
pub fn after_escape(mut ready: impl FnMut() -> Option<Event>) -> Vec<Event> {
    let letter = |event: &Event| match event {
        Event::Key(KeyEvent { code: KeyCode::Char(c), kind: KeyEventKind::Press, .. }) => Some(*c),
        _ => None,
    };
    let Some(second) = ready() else { return Vec::new() };
    let Some(introducer @ ('[' | 'O')) = letter(&second) else { return vec![with_alt(second)] };
    let mut read = vec![second];
    let mut body = String::new();
    while let Some(next) = ready() {
        let Some(c) = letter(&next) else {
            read.push(next);
            return read;
        };
        read.push(next);
        body.push(c);
        // Parameters and intermediates, then one final character (ECMA-48).
        if ('\u{40}'..='\u{7E}').contains(&c) || body.len() > LONGEST {
            break;
        }
        if introducer == 'O' {
            break;
        }
    }
    match body.chars().last().filter(|c| ('\u{40}'..='\u{7E}').contains(c)) {
        Some(_) => key_of(introducer, &body).map(Event::Key).into_iter().collect(),
        None => read,
    }
}

/// `event`, with Alt if it is a character typed without Control nor Alt: read with an Esc,
/// it came as ESC ESC x, Esc then Alt-x, whose two ESCs crossterm reads as one Esc (a lone
/// ESC x it gives as Alt-x itself). Before, Esc then Alt-q typed a "q" into the query.
fn with_alt(event: Event) -> Event {
    match event {
        Event::Key(
            mut key @ KeyEvent { code: KeyCode::Char(_), kind: KeyEventKind::Press, .. },
        ) if (key.modifiers - KeyModifiers::SHIFT).is_empty() => {
            key.modifiers |= KeyModifiers::ALT;
            Event::Key(key)
        }
        event => event,
    }
}

/// The key a sequence `ESC introducer body` stands for, if any.
fn key_of(introducer: char, body: &str) -> Option<KeyEvent> {
    let last = body.chars().last()?;
    let parameters = &body[..body.len() - last.len_utf8()];
    let mut numbers = parameters.split(';').map(|n| n.parse::<u8>().ok());
    let first = numbers.next().flatten();
    let modifiers = match numbers.next() {
        Some(Some(m @ 2..=16)) => {
            let bits = m - 1;
            let mut modifiers = KeyModifiers::NONE;
            for (bit, modifier) in
                [(1, KeyModifiers::SHIFT), (2, KeyModifiers::ALT), (4, KeyModifiers::CONTROL)]
            {
                if bits & bit != 0 {
                    modifiers |= modifier;
                }
            }
            modifiers
        }
        None => KeyModifiers::NONE,
        Some(_) => return None,
    };
    let code = match (introducer, last, first) {
        (_, 'A', _) => KeyCode::Up,
        (_, 'B', _) => KeyCode::Down,
        (_, 'C', _) => KeyCode::Right,
        (_, 'D', _) => KeyCode::Left,
        (_, 'H', _) => KeyCode::Home,
        (_, 'F', _) => KeyCode::End,
        ('O', 'P'..='S', _) => KeyCode::F(u8::try_from(u32::from(last) - u32::from('P') + 1).ok()?),
        // Shift-Tab, with any other modifier (`ESC [ 1 ; 3 Z`: Alt-Shift-Tab).
        ('[', 'Z', _) => {
            return Some(KeyEvent::new(KeyCode::BackTab, modifiers | KeyModifiers::SHIFT));
        }
        ('[', '~', Some(n)) => match n {
            1 | 7 => KeyCode::Home,
            2 => KeyCode::Insert,
            3 => KeyCode::Delete,
            4 | 8 => KeyCode::End,
            5 => KeyCode::PageUp,
            6 => KeyCode::PageDown,
            11..=15 => KeyCode::F(n - 10),
            17..=21 => KeyCode::F(n - 11),
            23 | 24 => KeyCode::F(n - 12),
            _ => return None,
        },
        _ => return None,
    };
    Some(KeyEvent::new(code, modifiers))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, modifiers))
    }

    /// What crossterm makes of `text` typed: one key a character.
    fn typed(text: &str) -> Vec<Event> {
        let shift = |c: char| {
            if c.is_ascii_uppercase() { KeyModifiers::SHIFT } else { KeyModifiers::NONE }
        };
        text.chars().map(|c| key(KeyCode::Char(c), shift(c))).collect()
    }

    /// What follows an Esc, given what crossterm read with it.
    fn after(read: &[Event]) -> Vec<Event> {
        let mut read = read.iter().cloned();
        after_escape(|| read.next())
    }

    #[test]
    fn a_key_split_after_esc_is_whole_again() {
        let plain = KeyModifiers::NONE;
        assert_eq!(after(&typed("[B")), [key(KeyCode::Down, plain)]);
        assert_eq!(after(&typed("OD")), [key(KeyCode::Left, plain)]);
        assert_eq!(after(&typed("[1;2B")), [key(KeyCode::Down, KeyModifiers::SHIFT)]);
        let control = KeyModifiers::CONTROL;
        assert_eq!(after(&typed("[1;5C")), [key(KeyCode::Right, control)]);
        assert_eq!(after(&typed("[3~")), [key(KeyCode::Delete, plain)]);
        assert_eq!(after(&typed("[6~")), [key(KeyCode::PageDown, plain)]);
        assert_eq!(after(&typed("[15~")), [key(KeyCode::F(5), plain)]);
        assert_eq!(after(&typed("OP")), [key(KeyCode::F(1), plain)]);
        let shift = KeyModifiers::SHIFT;
        assert_eq!(after(&typed("[Z")), [key(KeyCode::BackTab, shift)]);
        let alt_shift = KeyModifiers::ALT | KeyModifiers::SHIFT;
        assert_eq!(after(&typed("[1;3Z")), [key(KeyCode::BackTab, alt_shift)]);
        assert_eq!(after(&typed("[1;6Z")), [key(KeyCode::BackTab, control | shift)]);
        // No key: dropped, never typed (a mouse report, a paste's mark).
        assert_eq!(after(&typed("[<35;10;5M")), []);
        assert_eq!(after(&typed("[200~")), []);
        // A letter read with the Esc was sent with an ESC of its own: Alt (Esc, then Alt-q).
        assert_eq!(after(&typed("x[B")), [key(KeyCode::Char('x'), KeyModifiers::ALT)]);
        let shift_alt = KeyModifiers::SHIFT | KeyModifiers::ALT;
        assert_eq!(after(&typed("Q")), [key(KeyCode::Char('Q'), shift_alt)]);
        let control = [key(KeyCode::Char('u'), KeyModifiers::CONTROL)];
        assert_eq!(after(&control), control);
        // Anything else comes as it was read; nothing read with the Esc, nothing.
        assert_eq!(after(&typed("[")), typed("["));
        assert_eq!(after(&typed("[12")), typed("[12"));
        assert_eq!(after(&[]), []);
        let resize = Event::Resize(80, 24);
        assert_eq!(
            after(&[typed("[")[0].clone(), resize.clone()]),
            [typed("[")[0].clone(), resize]
        );
        assert!(is_escape(&key(KeyCode::Esc, plain)));
        assert!(!is_escape(&key(KeyCode::Esc, KeyModifiers::ALT)));
    }

    #[test]
    fn a_quit_key_after_esc_is_esc_then_the_key() {
        let esc = key(KeyCode::Esc, KeyModifiers::NONE);
        let alt_control = KeyModifiers::ALT | KeyModifiers::CONTROL;
        for c in ['c', 'g', 'q'] {
            let control = key(KeyCode::Char(c), KeyModifiers::CONTROL);
            let read = key(KeyCode::Char(c), alt_control);
            assert_eq!(as_sent(read, || None), [esc.clone(), control.clone()]);
            // ESC ESC Ctrl-C: Esc, then the key read with it, as it came.
            let mut rest = std::iter::once(control.clone());
            assert_eq!(as_sent(esc.clone(), || rest.next()), [esc.clone(), control]);
        }
        // Other Alt-Ctrl keys are left as they are.
        let other = key(KeyCode::Char('u'), alt_control);
        assert_eq!(as_sent(other.clone(), || None), [other]);
        let mut rest = typed("[B").into_iter();
        assert_eq!(
            as_sent(esc.clone(), || rest.next()),
            [esc, key(KeyCode::Down, KeyModifiers::NONE)]
        );
    }
}
