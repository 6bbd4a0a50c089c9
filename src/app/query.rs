//! The query and its results: editing the query line, running the search (here, or on the
//! worker for a large catalog) and showing what it found.

use std::sync::Arc;

use super::{App, Focus};
use crate::action::{Action, SearchRequest, Shared};
use crate::editing::{self, Lines, Outcome};
use crate::i18n::{fill, s};
use crate::search::{MarkBits, Query, Ranked};
use crate::store::Marks;

impl App {
    /// Applies an editing action to the query; a change re-runs the search and gives the
    /// list the focus, so what is typed is seen.
    pub(super) fn edit(&mut self, action: &Action) {
        let outcome = editing::apply_killing(
            &mut self.query,
            &mut self.cursor,
            action,
            Lines::One,
            &mut self.kill,
        );
        if matches!(outcome, Outcome::Changed(_)) {
            self.query_changed();
        }
    }

    pub(super) fn query_changed(&mut self) {
        self.cursor = self.cursor.min(self.query.len());
        self.history = None;
        self.focus = Focus::List;
        self.narrow_detail = false;
        self.refresh();
    }

    /// Replaces the query with `text`, the cursor at its end.
    pub(super) fn set_query(&mut self, text: &str) {
        self.query = text.chars().collect();
        self.cursor = self.query.len();
        self.query_changed();
    }

    /// Re-runs the query; the best result is selected, as people expect while typing.
    pub(super) fn refresh(&mut self) {
        self.keep_results = false;
        self.rerun(false);
    }

    /// Re-runs the query; with `keep`, the selected partner stays selected when it is still a
    /// result (the results changed under the user, e.g. a mark was toggled).
    pub(super) fn rerun(&mut self, keep: bool) {
        self.run_query(keep, self.catalog.partners().len() >= crate::PARALLEL_MIN);
    }

    /// Re-runs the query here and now, however large the catalog: for moves that select a
    /// partner among the new results (following a link, going back).
    pub(super) fn refresh_now(&mut self) {
        self.run_query(false, false);
    }

    /// Re-runs the query, on the worker when `elsewhere`.
    pub(super) fn run_query(&mut self, keep: bool, elsewhere: bool) {
        self.parsed = Query::parse(&self.query());
        self.say_marked_not_loaded();
        let results = match &self.parsed {
            Ok(query) if elsewhere => {
                // Too many partners to search between two frames: the worker does it, and
                // the results shown stay until its own come back.
                self.asked += 1;
                self.waiting = Some(keep);
                self.pending = Some(SearchRequest {
                    generation: self.asked,
                    catalog: Shared(Arc::clone(&self.catalog)),
                    query: query.clone(),
                    marks: Arc::clone(&self.marks),
                });
                return;
            }
            Ok(query) => self.searcher.ranked(self.catalog.index(), query, &self.marks),
            Err(_) => {
                self.searcher.reset();
                Ranked::default()
            }
        };
        // Results of an earlier search still on its way are not wanted any more.
        self.asked += 1;
        self.pending = None;
        self.waiting = None;
        self.show_results(results, keep);
    }

    /// Says on the status line, when it says nothing else, how many partners the query's
    /// marks select (`is:starred`, `has:note`) are not loaded, their file skipped: as
    /// `partners search is:starred` says it, they would otherwise be missing unsaid.
    fn say_marked_not_loaded(&mut self) {
        const SHOWN: usize = 3;
        let Ok(query) = &self.parsed else { return };
        // Most queries select by no mark: nothing to look up, keystroke after keystroke.
        if self.status.is_some() || query.admits_marks(MarkBits::default()).is_none() {
            return;
        }
        let admits = |marks: &Marks| {
            let bits = MarkBits::new(marks.starred, marks.met, marks.note.is_some())
                .aliased(!marks.aliases.is_empty());
            query.admits_marks(bits).unwrap_or(false)
        };
        let missing = self.catalog.marked_not_loaded(&self.state, admits);
        let n = missing.len();
        if n == 0 {
            return;
        }
        let mut ids: Vec<String> =
            missing.iter().take(SHOWN).map(|id| format!("\"{id}\"")).collect();
        if n > SHOWN {
            ids.push("…".to_owned());
        }
        let said =
            crate::i18n::cli::count(n, s().marked_not_loaded_one, s().marked_not_loaded_many);
        let text = fill(said, &[&n, &ids.join(", ")]);
        self.set_status(text, true);
    }

    /// Shows `results` for the query typed; with `keep`, the selected partner stays selected
    /// when it is still a result.
    pub(super) fn show_results(&mut self, results: Ranked, keep: bool) {
        let before = self.selected_partner();
        self.results = results;
        let typed = self.query.iter().collect();
        self.results_for = self.parsed.as_ref().ok().map(|query| (query.clone(), typed));
        self.generation += 1;
        // Only when kept: finding a partner past the first results puts them all in order.
        let kept = before.filter(|_| keep).and_then(|p| self.results.position(|h| h.index == p));
        self.selected = kept.unwrap_or(0);
        if self.selected_partner() != before {
            self.detail_scroll = 0;
            self.link = 0;
        }
        self.keep_in_view();
    }
}
