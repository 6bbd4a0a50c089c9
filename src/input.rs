//! Terminal events to [`Action`]s, through one table of key bindings: [`BINDINGS`] holds the
//! defaults, [`Bindings`] is that table with the user's configuration applied, and the key
//! handling, the help screen and the status-line hints are all read from a [`Bindings`], so a
//! key cannot be bound one way and documented another. The only module that sees crossterm's
//! event types. Only key presses count (not releases or repeats reported separately by some
//! terminals).
//!
//! The scheme: the query line edits like readline and fzf (Ctrl-A/E/B/F/D/H/K/U/W,
//! Alt-B/F/D/Backspace, Ctrl-←/→ by word), the selection moves like fzf (Ctrl-J/K, Ctrl-N/P),
//! Ctrl-Y yanks back what Ctrl-U/K/W deleted, marks are Ctrl-letters readline users do not need
//! in a search box (Ctrl-S, Ctrl-T, Ctrl-R), and every screen or view has an Alt-letter (Alt-h
//! help, Alt-o overview, Alt-s starred, Alt-e note, Alt-a your aliases, Alt-c copy the card) with its function key as an alias, since function keys are media keys
//! on macOS laptops and GNOME Terminal takes F1.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, MouseButton, MouseEventKind};

use crate::action::Action;

mod escape;
mod held;
mod key;
mod ways_out;

pub use escape::as_sent;
pub use held::{Coming, Held};
pub use key::Key;
use key::{alt, alt_key, ch, ctrl, ctrl_key, plain};
pub use ways_out::{WAYS_OUT, default_keys_in};

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
pub struct KeyState<'a> {
    /// Where the keys go.
    pub context: Context,
    /// Whether the query is empty (then `?` opens the help instead of being typed).
    pub query_empty: bool,
    /// Whether the query has text after its cursor (then Ctrl-K deletes it rather than
    /// moving the selection up).
    pub text_after_cursor: bool,
    /// The keys in force.
    pub bindings: &'a Bindings,
    /// Whether the terminal is too small to show anything but that it is: a key pressed
    /// there is not held for results to come (see [`Held`]), to act on what was never seen.
    pub too_small: bool,
}

/// When a binding applies beyond its contexts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guard {
    /// Always.
    Always,
    /// Only while the query is empty (a key that is otherwise typed, or Ctrl-D that deletes).
    EmptyQuery,
    /// Only while the query has text after the cursor (Ctrl-K deletes it; otherwise it moves
    /// the selection up, as in fzf).
    TextAfterCursor,
}

impl Guard {
    fn holds(self, state: &KeyState<'_>) -> bool {
        match self {
            Guard::Always => true,
            // In the note editor a typed key is text, whatever the query holds.
            Guard::EmptyQuery => state.query_empty && state.context != Context::Note,
            Guard::TextAfterCursor => state.text_after_cursor,
        }
    }
}

/// One key bound to one action in some contexts.
#[derive(Debug, Clone, PartialEq, Eq)]
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

const fn bind_if(contexts: &'static [Context], key: Key, action: Action, guard: Guard) -> Binding {
    Binding { contexts, key, action, guard }
}

use Context::{Detail, Help, List, Note, NoteAsk, Overview, Qr};

const MAIN: &[Context] = &[List, Detail];
const ALL: &[Context] = &[List, Detail, Help, Note, NoteAsk, Overview, Qr];
const TEXT: &[Context] = &[List, Note];
const EDIT: &[Context] = &[List, Detail, Note];

/// Every key of the browser by default. Earlier bindings win; the help lists them in this
/// order, and the first key of an action is the one the hints show.
pub static BINDINGS: &[Binding] = &[
    bind(ALL, ctrl('c'), Action::Quit),
    // fzf's abort keys; readline's Ctrl-G too.
    bind(ALL, ctrl('g'), Action::Quit),
    bind(ALL, ctrl('q'), Action::Quit),
    bind_if(MAIN, ctrl('d'), Action::Quit, Guard::EmptyQuery),
    bind(ALL, ctrl('z'), Action::Suspend),
    // Editing the query line (and the note): readline's keys.
    bind(TEXT, plain(KeyCode::Left), Action::CursorLeft),
    bind(TEXT, ctrl('b'), Action::CursorLeft),
    bind(TEXT, plain(KeyCode::Right), Action::CursorRight),
    bind(TEXT, ctrl('f'), Action::CursorRight),
    bind(TEXT, alt('b'), Action::CursorWordLeft),
    bind(TEXT, ctrl_key(KeyCode::Left), Action::CursorWordLeft),
    bind(TEXT, alt('f'), Action::CursorWordRight),
    bind(TEXT, ctrl_key(KeyCode::Right), Action::CursorWordRight),
    bind(TEXT, plain(KeyCode::Home), Action::CursorHome),
    bind(TEXT, ctrl('a'), Action::CursorHome),
    bind(TEXT, plain(KeyCode::End), Action::CursorEnd),
    bind(TEXT, ctrl('e'), Action::CursorEnd),
    bind(TEXT, plain(KeyCode::Backspace), Action::DeleteBack),
    bind(TEXT, ctrl('h'), Action::DeleteBack),
    bind(EDIT, plain(KeyCode::Delete), Action::DeleteForward),
    bind(EDIT, ctrl('d'), Action::DeleteForward),
    bind(EDIT, ctrl('w'), Action::DeleteWord),
    bind(EDIT, alt_key(KeyCode::Backspace), Action::DeleteWordBack),
    bind(EDIT, alt('d'), Action::DeleteWordForward),
    bind_if(&[List], ctrl('k'), Action::DeleteToEnd, Guard::TextAfterCursor),
    bind(&[Note], ctrl('k'), Action::DeleteToEnd),
    bind(EDIT, ctrl('u'), Action::DeleteToStart),
    bind(TEXT, ctrl('y'), Action::Yank),
    // The list.
    bind(&[List], plain(KeyCode::Up), Action::MoveUp),
    bind(&[List], plain(KeyCode::Down), Action::MoveDown),
    bind(MAIN, ctrl('p'), Action::SelectPrevious),
    bind(MAIN, ctrl('k'), Action::SelectPrevious),
    bind(MAIN, ctrl('n'), Action::SelectNext),
    bind(MAIN, ctrl('j'), Action::SelectNext),
    bind(&[List], plain(KeyCode::PageUp), Action::PageUp),
    bind(&[List], plain(KeyCode::PageDown), Action::PageDown),
    bind(&[List], plain(KeyCode::Enter), Action::Open),
    bind(MAIN, plain(KeyCode::Tab), Action::ToggleFocus),
    // The detail pane.
    bind(&[Detail], plain(KeyCode::Up), Action::ScrollUp),
    bind(&[Detail], plain(KeyCode::Down), Action::ScrollDown),
    bind(&[Detail], plain(KeyCode::PageUp), Action::ScrollPageUp),
    bind(&[Detail], plain(KeyCode::PageDown), Action::ScrollPageDown),
    bind(&[Detail], plain(KeyCode::Home), Action::DetailTop),
    bind(&[Detail], plain(KeyCode::End), Action::DetailBottom),
    bind(&[Detail], plain(KeyCode::Left), Action::PreviousLink),
    bind(&[Detail], plain(KeyCode::Right), Action::NextLink),
    bind(&[Detail], plain(KeyCode::Enter), Action::FollowLink),
    bind(MAIN, alt_key(KeyCode::Left), Action::Back),
    bind(&[Detail], alt('b'), Action::Back),
    bind(&[Detail], plain(KeyCode::Backspace), Action::Back),
    bind(&[Detail], ctrl('h'), Action::Back),
    bind(MAIN, alt_key(KeyCode::Right), Action::Forward),
    bind(&[Detail], alt('f'), Action::Forward),
    // Marks, notes and the rest: Ctrl for marks, Alt for screens and views.
    bind(MAIN, ctrl('s'), Action::ToggleStar),
    bind(MAIN, ctrl('t'), Action::ToggleMet),
    bind(MAIN, alt('e'), Action::EditNote),
    bind(MAIN, alt('a'), Action::EditAliases),
    bind(MAIN, alt('s'), Action::ToggleStarredOnly),
    bind(MAIN, plain(KeyCode::F(3)), Action::ToggleStarredOnly),
    bind(MAIN, ctrl('r'), Action::HistoryPrevious),
    bind(MAIN, alt('c'), Action::CopyCard),
    bind(MAIN, alt('o'), Action::OpenOverview),
    bind(MAIN, alt('q'), Action::ShowQr),
    bind(MAIN, plain(KeyCode::F(2)), Action::OpenOverview),
    bind(MAIN, alt('h'), Action::OpenHelp),
    bind(MAIN, plain(KeyCode::F(1)), Action::OpenHelp),
    bind_if(MAIN, ch('?'), Action::OpenHelp, Guard::EmptyQuery),
    bind(MAIN, plain(KeyCode::Esc), Action::Cancel),
    // The help.
    bind(&[Help], plain(KeyCode::Down), Action::HelpDown),
    bind(&[Help], plain(KeyCode::Up), Action::HelpUp),
    bind(&[Help], ctrl('n'), Action::HelpDown),
    bind(&[Help], ctrl('p'), Action::HelpUp),
    bind(&[Help], plain(KeyCode::PageDown), Action::HelpPageDown),
    bind(&[Help], plain(KeyCode::PageUp), Action::HelpPageUp),
    bind(&[Help], plain(KeyCode::Home), Action::HelpTop),
    bind(&[Help], plain(KeyCode::End), Action::HelpBottom),
    bind(&[Help], plain(KeyCode::Esc), Action::CloseOverlay),
    bind(&[Help], alt('h'), Action::CloseOverlay),
    bind(&[Help], plain(KeyCode::F(1)), Action::CloseOverlay),
    bind(&[Help], ch('?'), Action::CloseOverlay),
    // The note editor (its editing keys are the query line's, above).
    bind(&[Note], ctrl('s'), Action::SaveNote),
    bind(&[Note], plain(KeyCode::Enter), Action::NoteNewline),
    bind(&[Note], ctrl('j'), Action::NoteNewline),
    bind(&[Note], plain(KeyCode::Esc), Action::CancelNote),
    bind(&[Note], plain(KeyCode::Up), Action::NoteLineUp),
    bind(&[Note], plain(KeyCode::Down), Action::NoteLineDown),
    bind(&[Note], ctrl('p'), Action::NoteLineUp),
    bind(&[Note], ctrl('n'), Action::NoteLineDown),
    // The note editor's question about unsaved changes.
    bind(&[NoteAsk], ctrl('s'), Action::SaveNote),
    bind(&[NoteAsk], plain(KeyCode::Enter), Action::SaveNote),
    bind(&[NoteAsk], ch('s'), Action::SaveNote),
    bind(&[NoteAsk], ch('d'), Action::DiscardNote),
    bind(&[NoteAsk], plain(KeyCode::Esc), Action::KeepEditing),
    // The QR code.
    bind(&[Qr], plain(KeyCode::Esc), Action::CloseOverlay),
    bind(&[Qr], plain(KeyCode::Enter), Action::CloseOverlay),
    bind(&[Qr], alt('q'), Action::CloseOverlay),
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
    bind(&[Overview], alt('o'), Action::CloseOverlay),
    bind(&[Overview], plain(KeyCode::F(2)), Action::CloseOverlay),
];

/// A key for [`Action::KeepEditing`] in the question about an unsaved note when `table` leaves
/// it none there (each of its keys does something else first, such as quitting): "c"
/// (continue, continuer), else the first letter or digit that nothing there uses. `None`
/// while it has one.
fn spare_keep_writing(table: &[Binding]) -> Option<Key> {
    if keeps_writing(table) {
        return None;
    }
    let free = |key: &Key| first_asking(table, *key).is_none();
    std::iter::once('c').chain('a'..='z').chain('0'..='9').map(ch).find(free)
}

/// Whether a key of `table` keeps writing in the question about an unsaved note.
fn keeps_writing(table: &[Binding]) -> bool {
    table.iter().filter(|b| b.contexts.contains(&NoteAsk)).any(|b| {
        b.action == Action::KeepEditing
            && first_asking(table, b.key).is_some_and(|f| std::ptr::eq(f, b))
    })
}

/// What `key` does first in the question about an unsaved note.
fn first_asking(table: &[Binding], key: Key) -> Option<&Binding> {
    table.iter().find(|b| b.contexts.contains(&NoteAsk) && b.key == key)
}

/// Whether an overlay (the help, the overview, the QR code, the note editor and its question)
/// keeps its default use `binding` of a key in `context` when the user gives that key to an
/// action of every context (`quit = ["esc"]`): there its own meaning wins (Esc still closes
/// the help, leaves the editor asking before unsaved text is lost), elsewhere the user's.
fn overlay_keeps(binding: &Binding, context: Context) -> bool {
    matches!(context, Help | Note | NoteAsk | Overview | Qr)
        && binding.contexts != ALL
        && binding.contexts.contains(&context)
}

/// Where a new `key` of an action bound in `contexts` goes: there, less the overlays where a
/// default binding of `key` that `kept` keeps has a use of the overlay's own (see
/// [`overlay_keeps`]), each left context then bound alone; only for the contexts of an
/// action of every context.
fn leaving_overlay_keys(
    contexts: &'static [Context],
    key: Key,
    kept: impl Fn(&Binding) -> bool,
) -> Vec<&'static [Context]> {
    if contexts != ALL {
        return vec![contexts];
    }
    let keeps =
        |context| BINDINGS.iter().any(|b| b.key == key && kept(b) && overlay_keeps(b, context));
    if !ALL.iter().any(|&context| keeps(context)) {
        return vec![ALL];
    }
    ALL.iter().filter(|&&context| !keeps(context)).map(std::slice::from_ref).collect()
}

/// Every context where `action` has a key by default.
pub fn contexts_of(action: &Action) -> Vec<Context> {
    let mut contexts = Vec::new();
    for binding in BINDINGS.iter().filter(|b| b.action == *action) {
        for context in binding.contexts {
            if !contexts.contains(context) {
                contexts.push(*context);
            }
        }
    }
    contexts
}

/// Whether `key` is one of `action`'s default keys.
pub fn is_default_key(action: &Action, key: Key) -> bool {
    BINDINGS.iter().any(|b| b.action == *action && b.key == key)
}

/// The keys in force: the default table with the user's rebindings. Rebinding an action
/// replaces all its default keys, in the same contexts; a rebound key takes precedence over
/// any default use of that key there (which then disappears from the help), but for the note
/// editor's own keys over an action of every context (see [`overlay_keeps`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bindings {
    /// User bindings first (they win), then the defaults, each in table order.
    table: Vec<Binding>,
    /// How many of `table` come from the user.
    user: usize,
    /// For each context (by its place in [`ALL`]), the bindings it shows, as places in
    /// `table`, in help order: made once, for the status line asks on every frame.
    shown: Vec<Vec<usize>>,
    /// The key bound to keep writing in the question about an unsaved note because the
    /// user's keys took all of [`Action::KeepEditing`]'s (see [`spare_keep_writing`]).
    spare: Option<Key>,
}

impl Default for Bindings {
    fn default() -> Bindings {
        Bindings::of(BINDINGS.to_vec(), 0)
    }
}

impl Bindings {
    /// The keys `overrides` take from another action's default use, each with the action
    /// it now does and the one it did: that use leaves the help (see
    /// [`Bindings::with_overrides`]). An action the file gives keys of its own to has left
    /// its defaults already.
    pub fn taken(overrides: &[(Action, Vec<Key>)]) -> Vec<(Key, Action, Action)> {
        let mut taken: Vec<(Key, Action, Action)> = Vec::new();
        for (action, keys) in overrides {
            let own = BINDINGS.iter().filter(|b| b.action == *action);
            let everywhere = own.clone().any(|b| b.contexts == ALL);
            let contexts: Vec<&Context> = own.flat_map(|b| b.contexts).collect();
            for key in keys {
                let others = BINDINGS.iter().filter(|b| {
                    let taken_in = |c: &Context| {
                        contexts.contains(&c) && !(everywhere && overlay_keeps(b, *c))
                    };
                    b.key == *key
                        && b.action != *action
                        && b.contexts.iter().any(taken_in)
                        && !overrides.iter().any(|(a, _)| *a == b.action)
                });
                for other in others {
                    let seen = |(k, a, o): &(Key, Action, Action)| {
                        k == key && a == action && *o == other.action
                    };
                    if !taken.iter().any(seen) {
                        taken.push((*key, action.clone(), other.action.clone()));
                    }
                }
            }
        }
        taken
    }

    /// The defaults with each of `overrides` (an action and its new keys) applied. A key that
    /// was already the action's keeps its place, contexts and condition; a new key is bound
    /// in every context the action has, and takes precedence there over the defaults.
    pub fn with_overrides(overrides: &[(Action, Vec<Key>)]) -> Bindings {
        let keys_of = |action: &Action| {
            overrides.iter().find(|(a, _)| a == action).map(|(_, keys)| keys.as_slice())
        };
        let kept = |b: &Binding| keys_of(&b.action).is_none_or(|keys| keys.contains(&b.key));
        let mut user = Vec::new();
        for (action, keys) in overrides {
            let defaults: Vec<&Binding> = BINDINGS.iter().filter(|b| b.action == *action).collect();
            let mut contexts: Vec<&'static [Context]> = Vec::new();
            for binding in &defaults {
                if !contexts.contains(&binding.contexts) {
                    contexts.push(binding.contexts);
                }
            }
            for key in keys.iter().filter(|key| !defaults.iter().any(|b| b.key == **key)) {
                for &contexts in &contexts {
                    // A plain character is typed in the query: it acts only on an empty one.
                    let guard = if key.is_typed() { Guard::EmptyQuery } else { Guard::Always };
                    for contexts in leaving_overlay_keys(contexts, *key, kept) {
                        user.push(Binding { contexts, key: *key, action: action.clone(), guard });
                    }
                }
            }
        }
        let count = user.len();
        user.extend(BINDINGS.iter().filter(|b| kept(b)).cloned());
        Bindings::of(user, count)
    }

    /// The bindings of `table`, whose first `user` come from the user. The question about
    /// an unsaved note always has a key to keep writing: when the user's keys took all
    /// [`Action::KeepEditing`]'s (`discard-note = ["esc"]`), a spare one is bound (see
    /// [`spare_keep_writing`]), as if the user had.
    fn of(mut table: Vec<Binding>, mut user: usize) -> Bindings {
        let spare = spare_keep_writing(&table);
        if let Some(key) = spare {
            let spare = Binding {
                contexts: &[NoteAsk],
                key,
                action: Action::KeepEditing,
                guard: Guard::Always,
            };
            table.insert(user, spare);
            user += 1;
        }
        let mut bindings = Bindings { table, user, shown: Vec::new(), spare };
        let places = |b: &Binding| bindings.table.iter().position(|t| std::ptr::eq(t, b));
        let shown = ALL
            .iter()
            .map(|&context| {
                let order = bindings.in_order().into_iter();
                let shown = order.filter(|b| b.contexts.contains(&context));
                shown.filter(|b| bindings.effective(b, context)).filter_map(places).collect()
            })
            .collect();
        bindings.shown = shown;
        bindings
    }

    /// The bindings in help order: the defaults' order, an action's new keys first where its
    /// first default key was.
    fn in_order(&self) -> Vec<&Binding> {
        let (user, kept) = self.table.split_at(self.user);
        let mut ordered = Vec::with_capacity(self.table.len());
        let mut placed: Vec<&Action> = Vec::new();
        for default in BINDINGS {
            if !placed.contains(&&default.action) {
                placed.push(&default.action);
                ordered.extend(user.iter().filter(|b| b.action == default.action));
            }
            if let Some(own) = kept.iter().find(|b| *b == default) {
                ordered.push(own);
            }
        }
        ordered
    }

    /// The binding that a key press `key` triggers in `state`.
    fn find(&self, key: Key, state: &KeyState<'_>) -> Option<&Binding> {
        self.table
            .iter()
            .find(|b| b.contexts.contains(&state.context) && b.key == key && b.guard.holds(state))
    }

    /// Whether `binding` is the one its key triggers in `context` (when its guard holds): a
    /// binding shadowed by an earlier one is not shown.
    fn effective(&self, binding: &Binding, context: Context) -> bool {
        self.table.iter().find(|b| {
            b.contexts.contains(&context)
                && b.key == binding.key
                && (b.guard == Guard::Always || b.guard == binding.guard)
        }) == Some(binding)
    }

    fn in_context(&self, context: Context) -> impl Iterator<Item = &Binding> {
        let at = ALL.iter().position(|&c| c == context);
        let shown = at.and_then(|at| self.shown.get(at)).map_or(&[][..], Vec::as_slice);
        shown.iter().map(|&place| &self.table[place])
    }

    /// The key that keeps writing in the question about an unsaved note in place of
    /// [`Action::KeepEditing`]'s own, all taken by the user's keys; `None` while one is left.
    pub fn spare_keep_writing(&self) -> Option<Key> {
        self.spare
    }

    /// Whether some key keeps writing in the question about an unsaved note (not when the
    /// user's keys took every one, the spares too).
    pub fn keeps_writing(&self) -> bool {
        keeps_writing(&self.table)
    }

    /// Whether some key quits from the list, where Esc leads back to: one of
    /// [`Action::Quit`]'s, or one of [`Action::Cancel`]'s, which quits there on an empty
    /// query. Not when the user's keys took them all for other actions.
    pub fn quits(&self) -> bool {
        [Action::Quit, Action::Cancel].iter().any(|a| !self.keys_for(List, a).is_empty())
    }

    /// The keys bound to `action` in `context`, by name, in table order.
    pub fn keys_for(&self, context: Context, action: &Action) -> Vec<String> {
        self.in_context(context).filter(|b| b.action == *action).map(|b| b.key.name()).collect()
    }

    /// Every action with the keys bound to it by default or by the user, in table order, for
    /// the configuration file (`partners config --default`).
    pub fn by_action(&self) -> Vec<(&'static str, Vec<String>)> {
        let mut out: Vec<(&'static str, Vec<String>)> = Vec::new();
        for binding in self.in_order() {
            let Some(name) = binding.action.name() else { continue };
            let key = binding.key.config_name();
            match out.iter_mut().find(|(n, _)| *n == name) {
                Some((_, keys)) if !keys.contains(&key) => keys.push(key),
                Some(_) => {}
                None => out.push((name, vec![key])),
            }
        }
        out
    }

    /// The rows of the help for `context`: the keys and what they do, one row per
    /// description, in table order.
    pub fn help_rows(&self, context: Context) -> Vec<(Vec<String>, &'static str)> {
        let mut rows: Vec<(Vec<String>, &'static str, Guard)> = Vec::new();
        for binding in self.in_context(context) {
            let Some(description) = binding.action.description() else { continue };
            let name = binding.key.name();
            // A key that does this only at times has a row of its own that says when
            // (Ctrl-D quits with no query, and deletes otherwise).
            let row = rows.iter_mut().find(|(_, d, g)| *d == description && *g == binding.guard);
            match row {
                Some((keys, ..)) if !keys.contains(&name) => keys.push(name),
                Some(_) => {}
                None => rows.push((vec![name], description, binding.guard)),
            }
        }
        let t = crate::i18n::s();
        rows.into_iter()
            .map(|(mut keys, description, guard)| {
                let when = match guard {
                    Guard::Always => None,
                    Guard::EmptyQuery => Some(t.help_when_no_query),
                    Guard::TextAfterCursor => Some(t.help_when_text_after),
                };
                keys.extend(when.map(str::to_owned));
                (keys, description)
            })
            .collect()
    }

    /// A status-line hint: the first key of each action, joined by `/`, then `label`
    /// (`↑/↓ scroll`); none when no action has a key (the configuration gave it to another).
    pub fn hint(&self, context: Context, actions: &[Action], label: &str) -> Option<String> {
        let keys: Vec<String> = actions
            .iter()
            .filter_map(|action| self.keys_for(context, action).into_iter().next())
            .collect();
        (!keys.is_empty()).then(|| format!("{} {label}", keys.join("/")))
    }
}

/// The action for `event` in the app's current `state`, if any.
pub fn action(event: &Event, state: KeyState<'_>) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => key_action(*key, &state),
        Event::Paste(text) if matches!(state.context, List | Detail | Note) => {
            Some(Action::Paste(text.clone()))
        }
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

fn key_action(event: KeyEvent, state: &KeyState<'_>) -> Option<Action> {
    let key = Key::of_event(event);
    if let Some(binding) = state.bindings.find(key, state) {
        return Some(binding.action.clone());
    }
    match key.typed() {
        Some(c) if matches!(state.context, List | Detail | Note) => Some(Action::Insert(c)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crossterm::event::KeyModifiers;

    use super::*;

    #[test]
    fn key_names_read_back() {
        for binding in BINDINGS {
            let name = binding.key.config_name();
            assert_eq!(Key::parse(&name), Ok(binding.key), "{name}");
        }
        assert_eq!(Key::parse("Ctrl-S"), Ok(ctrl('s')));
        assert_eq!(Key::parse("alt-Left"), Ok(alt_key(KeyCode::Left)));
        assert_eq!(Key::parse("alt--"), Key::parse("Alt--"));
        assert_eq!(Key::parse("alt--").map(Key::config_name), Ok("alt--".to_owned()));
        assert_eq!(Key::parse("-"), Ok(ch('-')));
        assert_eq!(Key::parse("F12"), Ok(plain(KeyCode::F(12))));
        assert_eq!(Key::parse("pgdn"), Ok(plain(KeyCode::PageDown)));
        assert!(Key::parse("hyper-x").is_err());
        assert!(Key::parse("f99").is_err());
        assert!(Key::parse("").is_err());
    }

    #[test]
    fn every_named_action_has_a_default_key() {
        for (name, action) in crate::action::NAMED {
            assert!(BINDINGS.iter().any(|b| b.action == *action), "{name}");
        }
    }

    #[test]
    fn restating_the_defaults_changes_nothing() {
        let defaults = Bindings::default();
        let restated: Vec<(Action, Vec<Key>)> = crate::action::NAMED
            .iter()
            .map(|(_, action)| {
                let keys = BINDINGS.iter().filter(|b| b.action == *action).map(|b| b.key);
                let mut unique: Vec<Key> = Vec::new();
                for key in keys {
                    if !unique.contains(&key) {
                        unique.push(key);
                    }
                }
                (action.clone(), unique)
            })
            .collect();
        assert_eq!(Bindings::with_overrides(&restated), defaults);
    }

    #[test]
    fn every_bound_action_has_a_name_and_words() {
        for binding in BINDINGS {
            assert!(binding.action.name().is_some(), "{:?}", binding.action);
            assert!(binding.action.description().is_some(), "{:?}", binding.action);
        }
    }

    #[test]
    fn a_rebound_key_wins_and_the_old_ones_go() {
        let star = Key::parse("ctrl-e").expect("a key");
        let bindings = Bindings::with_overrides(&[(Action::ToggleStar, vec![star])]);
        assert_eq!(bindings.keys_for(List, &Action::ToggleStar), ["Ctrl-E"]);
        assert!(bindings.keys_for(List, &Action::CursorEnd) == ["End"], "Ctrl-E is shadowed");
        assert_eq!(bindings.keys_for(Note, &Action::CursorEnd), ["End", "Ctrl-E"]);
        let state = KeyState {
            context: List,
            query_empty: true,
            text_after_cursor: false,
            bindings: &bindings,
            too_small: false,
        };
        let event = Event::Key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
        assert_eq!(action(&event, state), None, "Ctrl-S is no longer bound");
    }
}
