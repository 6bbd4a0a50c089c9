//! Terminal events to [`Action`]s, through one table of key bindings ([`BINDINGS`]): the key
//! handling, the help screen and the status-line hints are all read from it, so a key cannot
//! be bound one way and documented another. The only module that sees crossterm's event
//! types. Only key presses count (not releases or repeats reported separately by some
//! terminals).

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use crate::action::Action;

/// Where the keys go: which pane or overlay has them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The query line and the list.
    List,
    /// The detail pane.
    Detail,
    /// The help overlay.
    Help,
    /// The note editor.
    Note,
    /// The note editor, asking whether to save unsaved changes.
    NoteAsk,
    /// The overview overlay.
    Overview,
    /// The QR code overlay.
    Qr,
}

/// What the key handling needs to know of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyState {
    /// Where the keys go.
    pub context: Context,
    /// Whether the query is empty (then `?` opens the help instead of being typed).
    pub query_empty: bool,
}

/// A key with its modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    code: KeyCode,
    modifiers: KeyModifiers,
}

const fn plain(code: KeyCode) -> Key {
    Key { code, modifiers: KeyModifiers::NONE }
}

const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), modifiers: KeyModifiers::CONTROL }
}

const fn alt(code: KeyCode) -> Key {
    Key { code, modifiers: KeyModifiers::ALT }
}

impl Key {
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
        name + &base
    }

    fn matches(self, key: KeyEvent) -> bool {
        // Shift is part of the character typed; it counts only for keys that are not one.
        let relevant = if matches!(key.code, KeyCode::Char(_)) {
            key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT)
        } else {
            key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT)
        };
        let code = match key.code {
            // Terminals report Ctrl with the letter as typed; bindings name it lower-case.
            KeyCode::Char(c) if relevant.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            code => code,
        };
        code == self.code && relevant == self.modifiers
    }
}

/// When a binding applies beyond its contexts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guard {
    /// Always.
    Always,
    /// Only while the query is empty (a key that is otherwise typed).
    EmptyQuery,
}

/// One key bound to one action in some contexts.
#[derive(Debug)]
pub struct Binding {
    /// The contexts where the binding applies.
    pub contexts: &'static [Context],
    /// The key.
    pub key: Key,
    /// What it does.
    pub action: Action,
    /// An extra condition.
    pub guard: Guard,
}

const fn bind(contexts: &'static [Context], key: Key, action: Action) -> Binding {
    Binding { contexts, key, action, guard: Guard::Always }
}

use Context::{Detail, Help, List, Note, NoteAsk, Overview, Qr};

const MAIN: &[Context] = &[List, Detail];
const ALL: &[Context] = &[List, Detail, Help, Note, NoteAsk, Overview, Qr];

/// Every key of the browser. Earlier bindings win; the help lists them in this order.
pub static BINDINGS: &[Binding] = &[
    bind(ALL, ctrl('c'), Action::Quit),
    bind(ALL, ctrl('z'), Action::Suspend),
    // The query line and the list.
    bind(&[List], plain(KeyCode::Left), Action::CursorLeft),
    bind(&[List], plain(KeyCode::Right), Action::CursorRight),
    bind(MAIN, plain(KeyCode::Home), Action::CursorHome),
    bind(MAIN, ctrl('a'), Action::CursorHome),
    bind(MAIN, plain(KeyCode::End), Action::CursorEnd),
    bind(&[List], plain(KeyCode::Backspace), Action::DeleteBack),
    bind(MAIN, plain(KeyCode::Delete), Action::DeleteForward),
    bind(MAIN, ctrl('w'), Action::DeleteWord),
    bind(MAIN, ctrl('u'), Action::ClearQuery),
    bind(&[List], plain(KeyCode::Up), Action::MoveUp),
    bind(&[List], plain(KeyCode::Down), Action::MoveDown),
    bind(MAIN, ctrl('p'), Action::SelectPrevious),
    bind(MAIN, ctrl('n'), Action::SelectNext),
    bind(&[List], plain(KeyCode::PageUp), Action::PageUp),
    bind(&[List], plain(KeyCode::PageDown), Action::PageDown),
    bind(&[List], plain(KeyCode::Enter), Action::Open),
    bind(MAIN, plain(KeyCode::Tab), Action::ToggleFocus),
    // The detail pane.
    bind(&[Detail], plain(KeyCode::Up), Action::ScrollUp),
    bind(&[Detail], plain(KeyCode::Down), Action::ScrollDown),
    bind(&[Detail], plain(KeyCode::PageUp), Action::ScrollPageUp),
    bind(&[Detail], plain(KeyCode::PageDown), Action::ScrollPageDown),
    bind(&[Detail], plain(KeyCode::Left), Action::PreviousLink),
    bind(&[Detail], plain(KeyCode::Right), Action::NextLink),
    bind(&[Detail], plain(KeyCode::Enter), Action::FollowLink),
    bind(MAIN, alt(KeyCode::Left), Action::Back),
    bind(&[Detail], plain(KeyCode::Backspace), Action::Back),
    bind(MAIN, alt(KeyCode::Right), Action::Forward),
    // Marks, notes and the rest.
    bind(MAIN, ctrl('s'), Action::ToggleStar),
    bind(MAIN, ctrl('t'), Action::ToggleMet),
    bind(MAIN, ctrl('e'), Action::EditNote),
    bind(MAIN, plain(KeyCode::F(3)), Action::ToggleStarredOnly),
    bind(MAIN, ctrl('r'), Action::HistoryPrevious),
    bind(MAIN, ctrl('y'), Action::CopyCard),
    bind(MAIN, alt(KeyCode::Char('q')), Action::ShowQr),
    bind(MAIN, plain(KeyCode::F(2)), Action::OpenOverview),
    bind(MAIN, plain(KeyCode::F(1)), Action::OpenHelp),
    Binding {
        contexts: MAIN,
        key: plain(KeyCode::Char('?')),
        action: Action::OpenHelp,
        guard: Guard::EmptyQuery,
    },
    bind(MAIN, plain(KeyCode::Esc), Action::Cancel),
    // The help.
    bind(&[Help], plain(KeyCode::Down), Action::HelpDown),
    bind(&[Help], plain(KeyCode::Up), Action::HelpUp),
    bind(&[Help], ctrl('n'), Action::HelpDown),
    bind(&[Help], ctrl('p'), Action::HelpUp),
    bind(&[Help], plain(KeyCode::PageDown), Action::HelpPageDown),
    bind(&[Help], plain(KeyCode::PageUp), Action::HelpPageUp),
    bind(&[Help], plain(KeyCode::Esc), Action::CloseOverlay),
    bind(&[Help], plain(KeyCode::F(1)), Action::CloseOverlay),
    bind(&[Help], plain(KeyCode::Char('?')), Action::CloseOverlay),
    // The note editor.
    bind(&[Note], ctrl('s'), Action::SaveNote),
    bind(&[Note], plain(KeyCode::Enter), Action::NoteNewline),
    bind(&[Note], plain(KeyCode::Esc), Action::CancelNote),
    bind(&[Note], plain(KeyCode::Left), Action::CursorLeft),
    bind(&[Note], plain(KeyCode::Right), Action::CursorRight),
    bind(&[Note], plain(KeyCode::Up), Action::NoteLineUp),
    bind(&[Note], plain(KeyCode::Down), Action::NoteLineDown),
    bind(&[Note], ctrl('p'), Action::NoteLineUp),
    bind(&[Note], ctrl('n'), Action::NoteLineDown),
    bind(&[Note], plain(KeyCode::Home), Action::CursorHome),
    bind(&[Note], ctrl('a'), Action::CursorHome),
    bind(&[Note], plain(KeyCode::End), Action::CursorEnd),
    bind(&[Note], plain(KeyCode::Backspace), Action::DeleteBack),
    bind(&[Note], plain(KeyCode::Delete), Action::DeleteForward),
    // The note editor's question about unsaved changes.
    bind(&[NoteAsk], ctrl('s'), Action::SaveNote),
    bind(&[NoteAsk], plain(KeyCode::Enter), Action::SaveNote),
    bind(&[NoteAsk], plain(KeyCode::Char('s')), Action::SaveNote),
    bind(&[NoteAsk], plain(KeyCode::Char('d')), Action::DiscardNote),
    bind(&[NoteAsk], plain(KeyCode::Esc), Action::KeepEditing),
    // The QR code.
    bind(&[Qr], plain(KeyCode::Esc), Action::CloseOverlay),
    bind(&[Qr], plain(KeyCode::Enter), Action::CloseOverlay),
    bind(&[Qr], alt(KeyCode::Char('q')), Action::CloseOverlay),
    // The overview.
    bind(&[Overview], plain(KeyCode::Right), Action::NextTab),
    bind(&[Overview], plain(KeyCode::Tab), Action::NextTab),
    bind(&[Overview], plain(KeyCode::Left), Action::PreviousTab),
    bind(&[Overview], plain(KeyCode::BackTab), Action::PreviousTab),
    bind(&[Overview], plain(KeyCode::Down), Action::NextRow),
    bind(&[Overview], plain(KeyCode::Up), Action::PreviousRow),
    bind(&[Overview], ctrl('n'), Action::NextRow),
    bind(&[Overview], ctrl('p'), Action::PreviousRow),
    bind(&[Overview], plain(KeyCode::PageDown), Action::RowPageDown),
    bind(&[Overview], plain(KeyCode::PageUp), Action::RowPageUp),
    bind(&[Overview], plain(KeyCode::Enter), Action::ApplyRow),
    bind(&[Overview], plain(KeyCode::Esc), Action::CloseOverlay),
    bind(&[Overview], plain(KeyCode::F(2)), Action::CloseOverlay),
];

/// The action for `event` in the app's current `state`, if any.
pub fn action(event: &Event, state: KeyState) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => key_action(*key, state),
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

fn key_action(key: KeyEvent, state: KeyState) -> Option<Action> {
    let bound = BINDINGS.iter().find(|b| {
        b.contexts.contains(&state.context)
            && b.key.matches(key)
            && (b.guard == Guard::Always || state.query_empty)
    });
    if let Some(binding) = bound {
        return Some(binding.action.clone());
    }
    let typed = !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::Char(c) if typed && matches!(state.context, List | Detail | Note) => {
            Some(Action::Insert(c))
        }
        _ => None,
    }
}

/// The keys bound to `action` in `context`, by name, in table order.
pub fn keys_for(context: Context, action: &Action) -> Vec<String> {
    BINDINGS
        .iter()
        .filter(|b| b.contexts.contains(&context) && b.action == *action)
        .map(|b| b.key.name())
        .collect()
}

/// The rows of the help for `context`: the keys and what they do, one row per description, in
/// table order.
pub fn help_rows(context: Context) -> Vec<(Vec<String>, &'static str)> {
    let mut rows: Vec<(Vec<String>, &'static str)> = Vec::new();
    for binding in BINDINGS.iter().filter(|b| b.contexts.contains(&context)) {
        let Some(description) = binding.action.description() else { continue };
        let name = binding.key.name();
        match rows.iter_mut().find(|(_, d)| *d == description) {
            Some((keys, _)) if !keys.contains(&name) => keys.push(name),
            Some(_) => {}
            None => rows.push((vec![name], description)),
        }
    }
    rows
}

/// A status-line hint: the first key of each action, joined by `/`, then `label`
/// (`↑/↓ scroll`).
pub fn hint(context: Context, actions: &[Action], label: &str) -> String {
    let keys: Vec<String> =
        actions.iter().filter_map(|action| keys_for(context, action).into_iter().next()).collect();
    format!("{} {label}", keys.join("/"))
}
