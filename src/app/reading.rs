//! Reading the browser's state, for rendering and tests: what is shown, where, and what the
//! key handling needs to know. Nothing here changes the state.

use super::{App, Focus, Overlay, Status};
use crate::catalog::Catalog;
use crate::input::{Bindings, Context, KeyState};
use crate::search::{Highlights, Hit, MarkBits, Query, QueryError, Ranked};
use crate::store::State;
use crate::view::detail::DetailModel;
use crate::view::help::HelpLine;
use crate::view::layout::{Areas, Mode, layout_with_list};

/// How many rows' highlights [`App::name_highlights`] keeps, at most.
const KEPT_HIGHLIGHTS: usize = 512;

impl App {
    /// The partners in use.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }
    /// The user's saved marks, notes and history.
    pub fn state(&self) -> &State {
        &self.state
    }
    /// The query as typed.
    pub fn query(&self) -> String {
        self.query.iter().collect()
    }
    /// The cursor in the query, in characters.
    pub fn cursor(&self) -> usize {
        self.cursor
    }
    /// The parsed query, or why it cannot run.
    pub fn parsed(&self) -> Result<&Query, &QueryError> {
        self.parsed.as_ref()
    }
    /// The results, best first.
    pub fn results(&self) -> &Ranked {
        &self.results
    }
    /// The word of the query that `hit`, one of the results, lacks (see
    /// [`crate::search::Index::all_but_one`]).
    pub fn lacked_word(&self, hit: &Hit) -> Option<&str> {
        let (query, typed) = self.results_for.as_ref()?;
        query.word_as_typed(hit.lacks?, typed)
    }
    /// The query's matches in the name and acronym of partner `index`, one of the results:
    /// those of the query the results were found for (the query typed since may have its own
    /// on the way), kept until the results change.
    pub fn name_highlights(&self, index: usize) -> Highlights {
        let Some((query, _)) = self.results_for.as_ref() else { return Highlights::default() };
        let Some(partner) = self.catalog.get(index) else { return Highlights::default() };
        let mut memo = self.list_highlights.borrow_mut();
        let (generation, kept) = &mut *memo;
        // A screen's rows at most, give or take scrolling: a long scroll starts again.
        if *generation != self.generation || kept.len() > KEPT_HIGHLIGHTS {
            *generation = self.generation;
            kept.clear();
        }
        kept.entry(index)
            .or_insert_with(|| self.catalog.index().name_highlights(index, partner, query))
            .clone()
    }
    /// Position of the selection in the results.
    pub fn selected(&self) -> usize {
        self.selected
    }
    /// First result shown in the list.
    pub fn list_offset(&self) -> usize {
        self.list_offset
    }
    /// The partner the user followed a relation from to reach the one shown, while that is
    /// still the one shown, under the same query (a new search that finds it again is no
    /// trail): where Esc (and Back) take them.
    pub fn came_from(&self) -> Option<usize> {
        let here = self.visits.get(self.visit)?;
        let before = self.visits.get(self.visit.checked_sub(1)?)?;
        let still = Some(here.partner) == self.selected_partner() && here.query == self.query();
        (here.followed && still).then_some(before.partner)
    }
    /// The selected partner's catalog index.
    pub fn selected_partner(&self) -> Option<usize> {
        self.results.get(self.selected).map(|h| h.index)
    }
    /// Which pane has focus.
    pub fn focus(&self) -> Focus {
        self.focus
    }
    /// The selected partner's detail, laid out for the current size.
    pub fn detail(&self) -> &DetailModel {
        &self.detail
    }
    /// Lines the detail pane is scrolled by.
    pub fn detail_scroll(&self) -> usize {
        self.detail_scroll
    }
    /// The chosen relation in the detail pane.
    pub fn link(&self) -> usize {
        self.link
    }
    /// Whether the detail fills the screen (narrow terminals).
    pub fn narrow_detail(&self) -> bool {
        self.narrow_detail
    }
    /// The overlay shown, if any.
    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }
    /// Every warning of the start and of the load, in order, whole (a file's every problem,
    /// with its fix, on lines of its own): printed when the browser ends, where they stay, so
    /// not as the status line cut them short.
    pub fn warnings(&self) -> &[String] {
        &self.warned
    }

    /// The lines of the help.
    pub fn help_lines(&self) -> &[HelpLine] {
        &self.help
    }
    /// Lines the help overlay is scrolled by (it may not fit the screen).
    pub fn help_scroll(&self) -> usize {
        self.help_scroll
    }
    /// The keys in force.
    pub fn bindings(&self) -> &Bindings {
        &self.bindings
    }
    /// The status message, if any.
    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }
    /// The terminal size the state was laid out for.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }
    /// Where each part of the screen goes at the current size.
    pub fn areas(&self) -> Areas {
        self.areas_at(self.size)
    }
    /// Where each part of the screen goes on a terminal of `size` (which may not be the size
    /// the state was laid out for yet, when a resize is on its way).
    pub fn areas_at(&self, size: (u16, u16)) -> Areas {
        layout_with_list(size, Some(self.list_width))
    }
    /// Bytes read and to read while the dataset loads, until it is ready.
    pub fn loading_progress(&self) -> Option<(u64, u64)> {
        self.loading
    }
    /// Whether the results shown are not yet those of the query typed.
    pub fn searching(&self) -> bool {
        self.waiting.is_some()
    }
    /// Whether results are on their way, and why (see [`crate::input::Held`]).
    pub fn coming(&self) -> crate::input::Coming {
        use crate::input::Coming;
        if self.loading.is_some() {
            Coming::Loading
        } else if self.searching() {
            Coming::Searching
        } else {
            Coming::No
        }
    }
    /// Whether the user asked to quit.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Partner `index`'s marks.
    pub fn marks_of(&self, index: usize) -> MarkBits {
        self.marks.get(index).copied().unwrap_or_default()
    }
    /// What the key handling needs: where the keys go and whether the query is empty.
    pub fn key_state(&self) -> KeyState<'_> {
        let context = match (&self.overlay, self.focus) {
            (Some(Overlay::Help), _) => Context::Help,
            (Some(Overlay::Note(editor)), _) if editor.asking.is_some() => Context::NoteAsk,
            (Some(Overlay::Note(_)), _) => Context::Note,
            (Some(Overlay::Overview { .. }), _) => Context::Overview,
            (Some(Overlay::Qr(_)), _) => Context::Qr,
            (None, Focus::List) => Context::List,
            (None, Focus::Detail) => Context::Detail,
        };
        KeyState {
            context,
            query_empty: self.query.is_empty(),
            text_after_cursor: self.cursor < self.query.len(),
            bindings: &self.bindings,
            too_small: self.areas().mode == Mode::TooSmall,
        }
    }
}
