//! The ways out of each place the keys go ([`WAYS_OUT`]), and finding a place the user's keys
//! open but leave no way out of ([`Bindings::trap`]), which the configuration refuses.

use super::{BINDINGS, Bindings, Context, KeyState};
use crate::action::Action;
use Context::{Detail, Help, List, Note, NoteAsk, Overview, Qr};

/// Each place the keys go, with the actions that quit from there or leave it for a place
/// nearer the list (the detail, the list), the list first: with none of them left a key, the
/// user is kept there. Keeping writing in the question about an unsaved note leads back to the
/// editor, not out, and is not one.
pub static WAYS_OUT: &[(Context, &[Action])] = &[
    (List, &[Action::Quit, Action::Cancel]),
    (Detail, &[Action::Quit, Action::Cancel, Action::ToggleFocus]),
    (Help, &[Action::Quit, Action::CloseOverlay]),
    (Overview, &[Action::Quit, Action::CloseOverlay, Action::ApplyRow]),
    (Qr, &[Action::Quit, Action::CloseOverlay]),
    (Note, &[Action::Quit, Action::CancelNote, Action::SaveNote]),
    (NoteAsk, &[Action::Quit, Action::SaveNote, Action::DiscardNote]),
];

/// The keys `action` has in `context` by default, as the configuration file writes them.
pub fn default_keys_in(context: Context, action: &Action) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for binding in BINDINGS.iter().filter(|b| b.action == *action && b.contexts.contains(&context))
    {
        let key = binding.key.config_name();
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

impl Bindings {
    /// A place the keys lead to and give no way out of but closing the terminal: the first
    /// of [`WAYS_OUT`] after the list (which [`Bindings::quits`] checks) that some key opens
    /// (the detail always: Enter, Tab, a click or a link lead there) where none of the
    /// actions that leave it or quit has a key left, with those actions. A place no key
    /// opens keeps no one: `None` for it.
    pub fn trap(&self) -> Option<(Context, &'static [Action])> {
        let has = |context, actions: &[Action]| {
            actions.iter().any(|action| !self.keys_for(context, action).is_empty())
        };
        let opened = |actions: &[Action]| has(List, actions) || has(Detail, actions);
        let reached = |context| match context {
            List | Detail => true,
            Help => opened(&[Action::OpenHelp]),
            Overview => opened(&[Action::OpenOverview]),
            Qr => opened(&[Action::ShowQr]),
            Note => opened(&[Action::EditNote, Action::EditAliases]),
            // Asked on leaving a changed note, or quitting from it.
            NoteAsk => {
                opened(&[Action::EditNote, Action::EditAliases])
                    && has(Note, &[Action::CancelNote, Action::Quit])
            }
        };
        // In an overlay the query stays as it was: a key that leaves only with some query
        // (`?`, typed when the query is not empty) keeps the user there with another.
        let leaves = |context, out: &[Action]| {
            if matches!(context, List | Detail) {
                return has(context, out);
            }
            [true, false].into_iter().all(|query_empty| {
                let state = KeyState {
                    context,
                    query_empty,
                    text_after_cursor: false,
                    bindings: self,
                    too_small: false,
                };
                self.table.iter().any(|b| {
                    out.contains(&b.action)
                        && self.find(b.key, &state).is_some_and(|found| std::ptr::eq(found, b))
                })
            })
        };
        WAYS_OUT
            .iter()
            .skip(1)
            .find(|(context, out)| reached(*context) && !leaves(*context, out))
            .map(|&(context, out)| (context, out))
    }
}
