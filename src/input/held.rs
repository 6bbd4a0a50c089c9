//! Keys pressed while a search runs that are meant for its results: a star, a note or a move
//! typed right after a query is for the partner it finds, not for the one still on screen.
//! Such a key is held, with every key after it (to keep their order), and read once the
//! results are shown, in the state they then find (Enter in a note that a held Alt-e opened
//! is a new line there). While the partners load, only keys that act on results are held
//! (the help and the overview open at once).

use std::collections::VecDeque;

use crossterm::event::Event;

use super::{Context, KeyState, action};
use crate::action::Action;

/// The keys held, in order, each with whether it quit when it was pressed.
#[derive(Debug, Default)]
pub struct Held {
    events: VecDeque<(Event, bool)>,
}

impl Held {
    /// What `event` does now, or `None` when it waits (or does nothing). `coming`: whether
    /// the results are on their way. Typing is done at once unless keys wait before it; a
    /// click or a wheel turn, aimed at results about to change, is dropped; quitting waits
    /// behind held keys, and quitting again quits at once. On a terminal too small to show
    /// anything, nothing waits: what the app does with a key there (nothing, but quitting or
    /// a note's answers) it does now, not later on results the user never saw.
    pub fn offer(&mut self, event: Event, state: KeyState<'_>, coming: Coming) -> Option<Action> {
        let action = action(&event, state)?;
        let quit = action == Action::Quit;
        let held_quit = self.events.iter().any(|&(_, quit)| quit);
        match action {
            Action::Click { .. } | Action::Scroll { .. } if coming != Coming::No => None,
            // Not aimed at the results: the screen's size (what it lays out for them).
            Action::Suspend | Action::Resize { .. } => Some(action),
            _ if state.too_small => Some(action),
            _ if quit && held_quit => Some(action),
            _ if self.events.is_empty() && !waits(&action, state.context, coming) => Some(action),
            _ => {
                self.events.push_back((event, quit));
                None
            }
        }
    }

    /// The next held key that may be done now, read in the state now; none while the
    /// terminal is too small to show what it acts on.
    pub fn next(&mut self, state: KeyState<'_>, coming: Coming) -> Option<Action> {
        if state.too_small {
            return None;
        }
        while let Some((event, _)) = self.events.front() {
            match action(event, state) {
                Some(action) if waits(&action, state.context, coming) => return None,
                Some(action) => {
                    self.events.pop_front();
                    return Some(action);
                }
                // A key that means nothing where it now lands.
                None => {
                    self.events.pop_front();
                }
            }
        }
        None
    }
}

/// Whether results are on their way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coming {
    /// The results shown are those of the query typed.
    No,
    /// The worker searches the query typed (a fraction of a second).
    Searching,
    /// The partners are loading (seconds).
    Loading,
}

/// Whether `action` waits for the results on their way: what is pressed in the list or the
/// detail and is not typing, and while loading, what acts on the results only. Overlays (a
/// note, the help) do not show results.
fn waits(action: &Action, context: Context, coming: Coming) -> bool {
    let held = match coming {
        Coming::No => false,
        Coming::Searching => true,
        Coming::Loading => action.acts_on_results(),
    };
    held && matches!(context, Context::List | Context::Detail)
        && !action.edits_query()
        && !matches!(action, Action::Quit | Action::Suspend)
}
