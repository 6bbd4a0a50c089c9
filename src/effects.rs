//! Carries out the [`Effect`]s that `App::update` asks for, and says how each went as an
//! [`Action`] for update to decide what the user is told. The one place where the browser's
//! I/O happens, apart from drawing; the terminal session calls it, and tests call it with a
//! real store and a fake terminal.

use std::io::{self, Write};

use crate::action::{Action, Effect};
use crate::clipboard::Clipboard;
use crate::store::Store;

/// The terminal, as effects need it.
pub trait Terminal {
    /// Writes a control sequence for the terminal itself (a clipboard request).
    fn send(&mut self, sequence: &str) -> io::Result<()>;
    /// Gives the terminal back to the shell and stops the process until it is resumed
    /// (`fg`); returns the terminal's size then.
    fn suspend(&mut self) -> io::Result<(u16, u16)>;
}

/// A terminal that records what is sent to it and cannot be suspended: for tests.
impl Terminal for Vec<u8> {
    fn send(&mut self, sequence: &str) -> io::Result<()> {
        self.write_all(sequence.as_bytes())
    }

    fn suspend(&mut self) -> io::Result<(u16, u16)> {
        Err(io::Error::new(io::ErrorKind::Unsupported, "not a real terminal"))
    }
}

/// Performs `effect`: saves through `store` (none when the data folder could not be opened),
/// copies with what the environment offers (see [`Clipboard::from_env`]), suspends
/// `terminal`. Returns the report for update.
pub fn perform(effect: Effect, store: Option<&mut Store>, terminal: &mut dyn Terminal) -> Action {
    perform_with(effect, store, terminal, &Clipboard::from_env())
}

/// [`perform`], copying with `clipboard` (tests give fake programs and multiplexers).
pub fn perform_with(
    effect: Effect,
    store: Option<&mut Store>,
    terminal: &mut dyn Terminal,
    clipboard: &Clipboard,
) -> Action {
    match effect {
        Effect::Reread => Action::Reread(store.and_then(|store| store.reread().cloned())),
        Effect::Save(change) => match store {
            Some(store) => {
                let warned = store.warnings().len();
                match store.apply(change.clone()) {
                    Ok(_) => Action::Saved {
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
                error: crate::i18n::s().no_store.to_owned(),
            },
        },
        Effect::Copy { text, name } => {
            let note = crate::i18n::s().card_cut_note;
            match clipboard.copy(&text, note, &mut |sequence| terminal.send(sequence)) {
                Ok(way) => Action::Copied { name, way },
                Err(e) => Action::CopyFailed { name, error: crate::atomic::describe(&e) },
            }
        }
        Effect::Suspend => match terminal.suspend() {
            Ok((width, height)) => Action::Resize { width, height },
            Err(e) => Action::SuspendFailed { error: crate::atomic::describe(&e) },
        },
        // The session gives searches to its worker thread; here, one runs in place.
        Effect::Search(request) => request.run(&mut crate::search::Searcher::default()),
    }
}

// The system's error numbers are Unix's.
#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use crate::i18n::{self, Lang};

    /// A terminal that has gone: whatever is asked of it fails as the system says it.
    struct Gone;

    impl Terminal for Gone {
        fn send(&mut self, _: &str) -> io::Result<()> {
            Err(io::Error::from_raw_os_error(libc::ENXIO))
        }

        fn suspend(&mut self) -> io::Result<(u16, u16)> {
            Err(io::Error::from_raw_os_error(libc::EIO))
        }
    }

    /// What failed is said in the user's language, not the system's English.
    #[test]
    fn a_failure_is_said_in_the_users_language() {
        let _french = i18n::speaking(Lang::Fr);
        let said = i18n::cli();
        assert_eq!(
            perform(Effect::Suspend, None, &mut Gone),
            Action::SuspendFailed { error: said.io_failed.to_owned() }
        );
        let clipboard = Clipboard::default();
        let copy = Effect::Copy { text: "card".into(), name: "UGAP".into() };
        assert_eq!(
            perform_with(copy, None, &mut Gone, &clipboard),
            Action::CopyFailed { name: "UGAP".into(), error: said.io_no_device.to_owned() }
        );
    }
}
