//! Carries out the [`Effect`]s that `App::update` asks for, and says how each went as an
//! [`Action`] for update to decide what the user is told. The one place where the browser's
//! I/O happens, apart from drawing; `main.rs` calls it, and tests call it with a real store.

use std::io::Write;

use crate::action::{Action, Effect};
use crate::output;
use crate::store::Store;

/// Performs `effect`: saves through `store` (none when the data folder could not be opened),
/// writes clipboard requests to `terminal`. Returns the report to feed back to update.
pub fn perform(effect: Effect, store: Option<&mut Store>, terminal: &mut dyn Write) -> Action {
    match effect {
        Effect::Save(change) => match store {
            Some(store) => {
                let warned = store.warnings().len();
                match store.apply(change.clone()) {
                    Ok(()) => Action::Saved {
                        state: store.state().clone(),
                        warning: store.warnings().get(warned..).and_then(<[String]>::last).cloned(),
                    },
                    Err(e) => Action::SaveFailed {
                        change,
                        state: Some(store.state().clone()),
                        error: e.to_string(),
                    },
                }
            }
            None => Action::SaveFailed {
                change,
                state: None,
                error: "your data folder could not be opened".to_owned(),
            },
        },
        Effect::Copy { text, what } => {
            let sent =
                terminal.write_all(output::osc52(&text).as_bytes()).and_then(|()| terminal.flush());
            match sent {
                Ok(()) => {
                    Action::Copied { what, via: "the terminal's clipboard (OSC 52)".to_owned() }
                }
                Err(e) => Action::CopyFailed { what, error: e.to_string() },
            }
        }
    }
}
