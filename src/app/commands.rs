//! Commands on the selected partner and on the browser: marks, the starred view, the
//! history, copying, leaving (asking first when a note is unsaved).

use super::{App, Closing, Focus, Overlay};
use crate::action::{Action, Effect};
use crate::i18n::{fill, s};
use crate::input::Context;
use crate::search::Query;
use crate::store::Change;

impl App {
    /// Quits, unless a note has unsaved changes: then the editor asks (and a second Quit
    /// while it asks saves the note and quits, so nothing typed is lost).
    pub(super) fn quit_asking(&mut self) -> Option<Effect> {
        if let Some(Overlay::Note(editor)) = &mut self.overlay
            && editor.changed()
        {
            if editor.asking == Some(Closing::Quit) {
                if !editor.too_long() {
                    return self.terminate();
                }
                // Not saved, so not quitting: the note stays open to be shortened.
                editor.asking = None;
                self.say_note_too_long();
                return None;
            }
            editor.asking = Some(Closing::Quit);
            return None;
        }
        self.quit_now()
    }

    /// Ends now, saving a note that has unsaved changes first; even one longer than
    /// [`crate::store::NOTE_MOST`], which the editor refuses: the process ends (a signal), and
    /// it is better kept too long than lost.
    pub(super) fn terminate(&mut self) -> Option<Effect> {
        self.quit = true;
        match self.overlay.take() {
            Some(Overlay::Note(editor)) if editor.changed() => Some(self.save_note(editor)),
            overlay => {
                self.overlay = overlay;
                self.remember_query()
            }
        }
    }

    pub(super) fn remember_query(&self) -> Option<Effect> {
        let query = self.query().trim().to_owned();
        let last = self.state.history.last();
        if query.is_empty() || last == Some(&query) {
            return None;
        }
        Some(Effect::Save(Change::PushHistory(query)))
    }

    pub(super) fn cancel(&mut self) -> Option<Effect> {
        let here = self.narrow_detail || self.focus == Focus::Detail || self.query.is_empty();
        if self.came_from().is_some() && here {
            // Reached by following a relation, whose target's list may be none the user
            // asked for: back where they came from, rather than into that list or out of the
            // browser (on the query the follow cleared, Esc would quit).
            self.go_visit(-1);
        } else if self.narrow_detail {
            self.narrow_detail = false;
            self.focus = Focus::List;
        } else if self.focus == Focus::Detail {
            self.focus = Focus::List;
        } else if !self.query.is_empty() {
            self.set_query("");
        } else {
            return self.quit_now();
        }
        None
    }

    pub(super) fn quit_now(&mut self) -> Option<Effect> {
        self.quit = true;
        self.remember_query()
    }

    pub(super) fn toggle_mark(&mut self, star: bool) -> Option<Effect> {
        let partner = self.catalog.get(self.selected_partner()?)?;
        let marks = self.state.marks.get(&partner.id);
        let id = partner.id.clone();
        let name = partner.short_name().to_owned();
        let change = if star {
            let on = !marks.is_some_and(|m| m.starred);
            self.set_status(fill(if on { s().starred } else { s().unstarred }, &[&name]), false);
            Change::Star { id, on }
        } else {
            let on = !marks.is_some_and(|m| m.met);
            self.set_status(
                fill(if on { s().marked_met } else { s().unmarked_met }, &[&name]),
                false,
            );
            Change::Met { id, on }
        };
        // In `is:starred`, a row unstarred by mistake stays, so the same key stars it back.
        self.keep_results |= self.parsed.as_ref().is_ok_and(Query::uses_marks);
        let mut state = self.state.clone();
        state.apply(change.clone(), 0);
        self.sync_state(state);
        self.remember_after_save = true;
        Some(Effect::Save(change))
    }

    pub(super) fn toggle_starred_only(&mut self) {
        let query = self.query();
        let words: Vec<&str> = query.split_whitespace().collect();
        let filtered: Vec<&str> = words.iter().copied().filter(|w| *w != "is:starred").collect();
        let new = if filtered.len() == words.len() {
            let mut with = filtered;
            with.insert(0, "is:starred");
            with.join(" ") + " "
        } else {
            filtered.join(" ")
        };
        self.set_query(&new);
    }

    pub(super) fn recall_history(&mut self) {
        let count = self.state.history.len();
        if count == 0 {
            self.set_status(s().no_history, false);
            return;
        }
        // The history may have shrunk since (merged from disk): stay inside it.
        let position = self.history.map_or(count - 1, |p| p.saturating_sub(1).min(count - 1));
        self.query = self.state.history[position].chars().collect();
        self.cursor = self.query.len();
        self.refresh();
        self.history = Some(position);
        let older = self.bindings.keys_for(Context::List, &Action::HistoryPrevious);
        let older = older.first().map_or("", String::as_str);
        let said = if position == 0 {
            fill(s().from_history_oldest, &[&count, &count])
        } else {
            fill(s().from_history, &[&(count - position), &count, &older])
        };
        self.set_status(said, false);
    }

    pub(super) fn copy_card(&mut self) -> Option<Effect> {
        let index = self.selected_partner()?;
        let partner = self.catalog.get(index)?;
        let marks = self.state.marks.get(&partner.id);
        let text =
            crate::output::card(&self.catalog, index, marks, crate::output::CardFormat::Text);
        Some(Effect::Copy { text, name: partner.short_name().to_owned() })
    }
}
