//! What became of an effect, and the saved state it brings back: the user is told here.

use super::{App, NoteEditor, Overlay};
use crate::action::{Action, Effect};
use crate::clipboard::CopyWay;
use crate::i18n::{fill, s};
use crate::input::Context;
use crate::search::Query;
use crate::store::{Change, State};

impl App {
    /// Warns of what was found at start (a state file set aside, a dataset skipped): see
    /// [`App::warnings`].
    pub fn warn_at_start(&mut self, warnings: impl IntoIterator<Item = String>) {
        self.warn_at_start_whole(warnings.into_iter().map(|w| (w.clone(), w)));
    }

    /// [`App::warn_at_start`], each warning on one line (the status line's, printed when
    /// quitting) and whole (the help's: a skipped file's every problem, on lines of its own).
    pub fn warn_at_start_whole(&mut self, warnings: impl IntoIterator<Item = (String, String)>) {
        for (line, whole) in warnings {
            self.status_warnings.push(line);
            self.warned.push(whole);
        }
        self.help = crate::view::help::lines(&self.bindings, &self.warned);
        self.show_warnings();
    }

    /// Gives the user a hint at start (see [`crate::cli::mistyped_command`]): on the status
    /// line, not as an error, unless a warning takes it.
    pub fn hint_at_start(&mut self, hint: String) {
        self.hint = Some(hint);
        self.show_warnings();
    }

    /// The first warning on the status line, after how many there are; else the hint.
    pub(super) fn show_warnings(&mut self) {
        let Some(first) = self.status_warnings.first() else {
            if let Some(hint) = &self.hint {
                self.set_status(hint.clone(), false);
            }
            return;
        };
        // The count first: a long warning is cut at the end of the line. Before it, the key
        // that shows every warning whole, in the help.
        let text = match self.status_warnings.len() {
            1 => first.clone(),
            all => fill(s().warnings_first, &[&all, first]),
        };
        let read = self.bindings.hint(Context::List, &[Action::OpenHelp], s().hint_read_whole);
        let text = match read {
            Some(read) => format!("{read} · {text}"),
            None => text,
        };
        self.set_status(text, true);
    }

    /// Shows how far loading has gone in the status line.
    pub(super) fn show_progress(&mut self) {
        if let Some(text) = self.progress() {
            self.set_status(text, false);
        }
    }

    /// How far loading has gone, said for the status line; `None` once loaded. The status
    /// line says it whatever else it says: a key or a message between two reports (and none
    /// comes while the partners are checked and indexed) must not hide it.
    pub fn progress(&self) -> Option<String> {
        let (read, total) = self.loading?;
        let megabytes = |bytes: u64| bytes.div_ceil(1_000_000);
        Some(if total == 0 {
            // A pipe: how much it holds is known once it is read.
            fill(s().loading_read_so_far, &[&megabytes(read)])
        } else if read < total {
            fill(s().loading_read, &[&megabytes(read), &megabytes(total)])
        } else {
            fill(s().loading_index, &[&megabytes(total)])
        })
    }

    /// What became of an effect: the user is told here, and only what happened. Once a mark
    /// or a note changed from the results is saved, or the note of a browser that is quitting,
    /// the query is remembered.
    pub(super) fn report(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Saved { state, warning } => {
                self.saved.clone_from(&state);
                self.sync_state(state);
                if let Some(warning) = warning {
                    self.set_status(warning, true);
                }
                if std::mem::take(&mut self.remember_after_save) || self.quit {
                    return self.remember_query();
                }
            }
            Action::Reread(Some(state)) => {
                self.saved.clone_from(&state);
                self.sync_state(state);
            }
            Action::SaveFailed { change, state, error } => {
                self.remember_after_save = false;
                // Without a store nothing was written: the change shown before it was saved
                // goes, or the detail would show an unsaved note as saved (dated 1970).
                let state = state.unwrap_or_else(|| self.saved.clone());
                self.saved.clone_from(&state);
                self.sync_state(state);
                // A note (or aliases) that could not be saved goes back into the editor, not
                // away, and stays unsaved there (so closing it asks).
                let editor = match change {
                    Change::EditedNote { id, text, seen } => {
                        let mut editor = NoteEditor::new(
                            &id,
                            text.as_deref().unwrap_or(""),
                            self.note_columns(),
                        );
                        editor.original = seen.unwrap_or_default();
                        Some(editor)
                    }
                    Change::Aliases { id, add, remove } => {
                        let before = self.aliases_of(&id).to_vec();
                        let mut wanted: Vec<String> =
                            before.iter().filter(|a| !remove.contains(a)).cloned().collect();
                        wanted.extend(add.into_iter().filter(|a| !before.contains(a)));
                        let mut editor = NoteEditor::aliases(&id, &wanted, self.note_columns());
                        editor.original = before.join("\n");
                        Some(editor)
                    }
                    _ => None,
                };
                if let Some(editor) = editor {
                    self.overlay = Some(Overlay::Note(editor));
                    self.quit = false;
                }
                self.set_status(fill(s().not_saved, &[&error]), true);
            }
            Action::Copied { name, way } => {
                let text = match way {
                    CopyWay::Program(program) => fill(s().card_copied_by, &[&name, &program]),
                    CopyWay::Terminal { via, cut } => {
                        let sent = match via {
                            None => fill(s().card_sent, &[&name]),
                            Some(via) => fill(s().card_sent_via, &[&name, &via.name()]),
                        };
                        if cut { sent + s().card_cut } else { sent }
                    }
                };
                self.set_status(text, false);
            }
            Action::CopyFailed { name, error } => {
                self.set_status(fill(s().card_not_copied, &[&name, &error]), true);
            }
            Action::SuspendFailed { error } => {
                self.set_status(fill(s().suspend_failed, &[&error]), true);
            }
            _ => {}
        }
        None
    }

    /// The saved note on partner `id`, or nothing.
    pub(super) fn note_of(&self, id: &str) -> &str {
        self.state.marks.get(id).and_then(|m| m.note.as_deref()).unwrap_or("")
    }

    /// The user's own aliases for partner `id`.
    pub(super) fn aliases_of(&self, id: &str) -> &[String] {
        self.state.marks.get(id).map_or(&[], |m| &m.aliases)
    }

    /// Replaces the saved state after the main loop wrote (or failed to write) it.
    pub(super) fn sync_state(&mut self, state: State) {
        if state == self.state {
            return;
        }
        self.state = state;
        self.marks = self.catalog.mark_bits(&self.state).into();
        self.generation += 1;
        if self.parsed.as_ref().is_ok_and(Query::uses_marks) {
            self.searcher.reset();
            if !self.keep_results {
                self.rerun(true);
            }
        }
    }
}
