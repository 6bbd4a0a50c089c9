//! A key with its modifiers: the form bindings use, its name in the help (`Ctrl-S`, `Alt-←`)
//! and in the configuration file (`ctrl-s`, `alt-left`), and reading it back from there.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key with its modifiers. Letters typed with Ctrl are lower-case; Shift counts only for
/// keys that are not characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    code: KeyCode,
    modifiers: KeyModifiers,
}

pub(super) const fn plain(code: KeyCode) -> Key {
    Key { code, modifiers: KeyModifiers::NONE }
}

pub(super) const fn ch(c: char) -> Key {
    plain(KeyCode::Char(c))
}

pub(super) const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), modifiers: KeyModifiers::CONTROL }
}

pub(super) const fn ctrl_key(code: KeyCode) -> Key {
    Key { code, modifiers: KeyModifiers::CONTROL }
}

pub(super) const fn alt(c: char) -> Key {
    alt_key(KeyCode::Char(c))
}

pub(super) const fn alt_key(code: KeyCode) -> Key {
    Key { code, modifiers: KeyModifiers::ALT }
}

/// Names of keys in the configuration file, besides single characters and `f1`…`f12`.
const KEY_NAMES: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("space", KeyCode::Char(' ')),
    ("insert", KeyCode::Insert),
];

/// Other spellings accepted when reading a key.
const KEY_ALIASES: &[(&str, KeyCode)] = &[
    ("escape", KeyCode::Esc),
    ("return", KeyCode::Enter),
    ("bs", KeyCode::Backspace),
    ("del", KeyCode::Delete),
    ("pgup", KeyCode::PageUp),
    ("pgdn", KeyCode::PageDown),
    ("pgdown", KeyCode::PageDown),
];

impl Key {
    /// The key of a terminal's key event, in the form bindings use.
    pub(super) fn of_event(key: KeyEvent) -> Key {
        let code = match key.code {
            KeyCode::BackTab => return plain(KeyCode::BackTab),
            code => code,
        };
        Key { code, modifiers: key.modifiers }.normalised()
    }

    fn normalised(self) -> Key {
        let relevant = if matches!(self.code, KeyCode::Char(_)) {
            self.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT)
        } else {
            self.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT)
        };
        let code = match self.code {
            // Terminals report Ctrl with the letter as typed; bindings name it lower-case.
            KeyCode::Char(c) if relevant.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            code => code,
        };
        Key { code, modifiers: relevant }
    }

    /// The character the key types, if it types one (no Ctrl, no Alt).
    pub(super) fn typed(self) -> Option<char> {
        match self.code {
            KeyCode::Char(c) if self.modifiers.is_empty() => Some(c),
            _ => None,
        }
    }

    /// Whether the key types a character (no Ctrl, no Alt).
    pub(super) fn is_typed(self) -> bool {
        matches!(self.code, KeyCode::Char(_)) && self.modifiers.is_empty()
    }

    /// The key as the help writes it, in the thread's language: `Ctrl-S`, `Alt-←`, `F1`,
    /// `Enter`.
    pub fn name(self) -> String {
        let t = crate::i18n::s();
        let base = match self.code {
            KeyCode::Char(' ') => t.key_space.to_owned(),
            KeyCode::Char(c) if self.modifiers.contains(KeyModifiers::CONTROL) => {
                c.to_ascii_uppercase().to_string()
            }
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Home => t.key_home.to_owned(),
            KeyCode::End => t.key_end.to_owned(),
            KeyCode::PageUp => t.key_page_up.to_owned(),
            KeyCode::PageDown => t.key_page_down.to_owned(),
            KeyCode::Enter => t.key_enter.to_owned(),
            KeyCode::Esc => t.key_esc.to_owned(),
            KeyCode::Tab => t.key_tab.to_owned(),
            KeyCode::BackTab => t.key_back_tab.to_owned(),
            KeyCode::Backspace => t.key_backspace.to_owned(),
            KeyCode::Delete => t.key_delete.to_owned(),
            other => format!("{other:?}"),
        };
        let mut name = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            name.push_str("Ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            name.push_str("Alt-");
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            name.push_str("Shift-");
        }
        name + &base
    }

    /// The key as the configuration file writes it: `ctrl-s`, `alt-left`, `f1`, `?`.
    pub fn config_name(self) -> String {
        let base = match self.code {
            KeyCode::F(n) => format!("f{n}"),
            KeyCode::Char(c) if c != ' ' => c.to_string(),
            code => KEY_NAMES
                .iter()
                .find(|(_, k)| *k == code)
                .map_or_else(|| format!("{code:?}").to_lowercase(), |(name, _)| (*name).to_owned()),
        };
        let mut name = String::new();
        for (modifier, prefix) in MODIFIERS {
            if self.modifiers.contains(*modifier) {
                name.push_str(prefix);
            }
        }
        name + &base
    }

    /// Reads a key as the configuration file writes it (`ctrl-s`, `Alt-Left`, `f1`,
    /// `enter`, `?`, `-`); the error says what is wrong.
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut rest = text;
        let mut modifiers = KeyModifiers::NONE;
        'prefixes: loop {
            for (modifier, prefix) in MODIFIERS {
                // "ctrl--" is Ctrl with the minus key: a prefix needs something after it.
                if rest.len() > prefix.len()
                    && rest.get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix))
                {
                    // `ctrl-ctrl-s` is a slip, not a key.
                    if modifiers.contains(*modifier) {
                        return Err(crate::i18n::fill(crate::i18n::s().config_bad_key, &[&text]));
                    }
                    modifiers |= *modifier;
                    rest = &rest[prefix.len()..];
                    continue 'prefixes;
                }
            }
            break;
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => KeyCode::Char(c),
            _ => {
                let lower = rest.to_ascii_lowercase();
                let named = KEY_NAMES.iter().chain(KEY_ALIASES).find(|(n, _)| *n == lower);
                match named {
                    Some((_, code)) => *code,
                    None => match lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                        Some(n @ 1..=24) => KeyCode::F(n),
                        _ => {
                            return Err(crate::i18n::fill(
                                crate::i18n::s().config_bad_key,
                                &[&text],
                            ));
                        }
                    },
                }
            }
        };
        Ok(Key { code, modifiers }.normalised())
    }
}

const MODIFIERS: &[(KeyModifiers, &str)] = &[
    (KeyModifiers::CONTROL, "ctrl-"),
    (KeyModifiers::ALT, "alt-"),
    (KeyModifiers::SHIFT, "shift-"),
];
