//! The browser's state and how actions change it. `App::update` does no I/O: saving and
//! copying come back as [`Effect`]s for the main loop (see `src/main.rs`).

use crate::action::{Action, Effect};
use crate::catalog::Catalog;
use crate::cli::ThemeName;
use crate::output::{self, CardFormat, Link};
use crate::search::{Hit, MarkBits, Query, QueryError, Searcher};
use crate::store::{Change, State};
use crate::ui;

/// Which pane receives the arrows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The list of results.
    List,
    /// The detail of the selected partner.
    Detail,
}

/// The tabs of the overview screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverviewTab {
    /// Partners by kind.
    Kinds,
    /// Partners by scope.
    Scopes,
    /// Partners by topic.
    Topics,
    /// Who links to whom.
    Network,
}

impl OverviewTab {
    /// Every tab, in order.
    pub const ALL: [OverviewTab; 4] =
        [OverviewTab::Kinds, OverviewTab::Scopes, OverviewTab::Topics, OverviewTab::Network];

    /// The tab's title.
    pub fn title(self) -> &'static str {
        match self {
            OverviewTab::Kinds => "By kind",
            OverviewTab::Scopes => "By scope",
            OverviewTab::Topics => "By topic",
            OverviewTab::Network => "Network",
        }
    }
}

/// The note editor: a multi-line text with a cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteEditor {
    /// The partner's id.
    pub id: String,
    /// The text being edited.
    pub text: Vec<char>,
    /// Cursor position, in characters.
    pub cursor: usize,
}

impl NoteEditor {
    /// The (line, column) of the cursor, in characters.
    pub fn cursor_line_column(&self) -> (usize, usize) {
        let before = &self.text[..self.cursor];
        let line = before.iter().filter(|&&c| c == '\n').count();
        let column = before.iter().rev().take_while(|&&c| c != '\n').count();
        (line, column)
    }

    fn line_starts(&self) -> Vec<usize> {
        std::iter::once(0)
            .chain(self.text.iter().enumerate().filter(|(_, c)| **c == '\n').map(|(i, _)| i + 1))
            .collect()
    }

    fn move_vertically(&mut self, down: bool) {
        let (line, column) = self.cursor_line_column();
        let starts = self.line_starts();
        let Some(target) = (if down { line.checked_add(1) } else { line.checked_sub(1) }) else {
            return;
        };
        let Some(&start) = starts.get(target) else { return };
        let end = starts.get(target + 1).map_or(self.text.len(), |s| s - 1);
        self.cursor = (start + column).min(end);
    }
}

/// A window over the main screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// Keys and query syntax.
    Help,
    /// Editing a note.
    Note(NoteEditor),
    /// Charts and the network.
    Overview {
        /// The tab shown.
        tab: OverviewTab,
        /// The chosen row of the tab.
        selected: usize,
    },
}

/// A partner seen, with how the screen looked, for going back and forward.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Visit {
    query: String,
    partner: usize,
    scroll: usize,
    link: usize,
}

/// A message in the status line until the next action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The message.
    pub text: String,
    /// Whether it reports a failure.
    pub error: bool,
}

/// How the browser was started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Colour theme.
    pub theme: ThemeName,
    /// Whether colours are allowed (`NO_COLOR` unset).
    pub color: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { theme: ThemeName::Dark, color: true }
    }
}

/// Everything the browser shows.
#[derive(Debug)]
pub struct App {
    catalog: Catalog,
    state: State,
    marks: Vec<MarkBits>,
    query: Vec<char>,
    cursor: usize,
    parsed: Result<Query, QueryError>,
    searcher: Searcher,
    results: Vec<Hit>,
    selected: usize,
    list_offset: usize,
    focus: Focus,
    detail_scroll: usize,
    link: usize,
    narrow_detail: bool,
    overlay: Option<Overlay>,
    help_scroll: usize,
    visits: Vec<Visit>,
    visit: usize,
    history: Option<usize>,
    status: Option<Status>,
    size: (u16, u16),
    options: Options,
    quit: bool,
}

impl App {
    /// A browser over `catalog`, with the user's saved `state`, the query `query` typed.
    pub fn new(catalog: Catalog, state: State, query: &str, options: Options) -> App {
        let marks = catalog.mark_bits(&state);
        let mut app = App {
            catalog,
            state,
            marks,
            query: query.chars().collect(),
            cursor: query.chars().count(),
            parsed: Ok(Query::default()),
            searcher: Searcher::default(),
            results: Vec::new(),
            selected: 0,
            list_offset: 0,
            focus: Focus::List,
            detail_scroll: 0,
            link: 0,
            narrow_detail: false,
            overlay: None,
            help_scroll: 0,
            visits: Vec::new(),
            visit: 0,
            history: None,
            status: None,
            size: (80, 24),
            options,
            quit: false,
        };
        app.refresh();
        app
    }

    // -- Reading the state (for rendering and tests) -------------------------------------

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
    pub fn results(&self) -> &[Hit] {
        &self.results
    }
    /// Position of the selection in the results.
    pub fn selected(&self) -> usize {
        self.selected
    }
    /// First result shown in the list.
    pub fn list_offset(&self) -> usize {
        self.list_offset
    }
    /// The selected partner's catalog index.
    pub fn selected_partner(&self) -> Option<usize> {
        self.results.get(self.selected).map(|h| h.index)
    }
    /// Which pane has focus.
    pub fn focus(&self) -> Focus {
        self.focus
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
    /// Lines the help overlay is scrolled by (it may not fit the screen).
    pub fn help_scroll(&self) -> usize {
        self.help_scroll
    }
    /// The status message, if any.
    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }
    /// The terminal size the state was laid out for.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }
    /// How the browser was started.
    pub fn options(&self) -> Options {
        self.options
    }
    /// Whether the user asked to quit.
    pub fn should_quit(&self) -> bool {
        self.quit
    }
    /// Partner `index`'s marks.
    pub fn marks_of(&self, index: usize) -> MarkBits {
        self.marks.get(index).copied().unwrap_or_default()
    }
    /// The relations of the selected partner, as the detail pane lists them.
    pub fn links(&self) -> Vec<Link<'_>> {
        self.selected_partner().map(|i| output::links(&self.catalog, i)).unwrap_or_default()
    }
    /// Whether there is a partner before the current one in the visit history.
    pub fn can_go_back(&self) -> bool {
        self.visit > 0
    }

    // -- Changing it -------------------------------------------------------------------

    /// Opens the note editor on partner `id` with `text` (a note whose save failed).
    pub fn reopen_note(&mut self, id: &str, text: &str) {
        let text: Vec<char> = text.chars().collect();
        let cursor = text.len();
        self.overlay = Some(Overlay::Note(NoteEditor { id: id.to_owned(), text, cursor }));
    }

    /// Shows a message in the status line (warnings at start, save failures).
    pub fn set_status(&mut self, text: impl Into<String>, error: bool) {
        self.status = Some(Status { text: text.into(), error });
    }

    /// Replaces the saved state after the main loop wrote (or failed to write) it.
    pub fn sync_state(&mut self, state: State) {
        if state == self.state {
            return;
        }
        self.state = state;
        self.marks = self.catalog.mark_bits(&self.state);
        if self.parsed.as_ref().is_ok_and(Query::uses_marks) {
            self.searcher.reset();
            self.rerun(true);
        }
    }

    /// Applies one action; returns the I/O it calls for.
    // One arm per action: splitting the dispatch would hide the vocabulary, not simplify it.
    #[allow(clippy::too_many_lines)]
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        if !matches!(action, Action::Resize { .. } | Action::Scroll { .. }) {
            self.status = None;
        }
        if let Some(overlay) = self.overlay.take() {
            return self.update_overlay(overlay, action);
        }
        match action {
            Action::Insert(c) => self.edit(|q, cur| {
                q.insert(*cur, c);
                *cur += 1;
            }),
            Action::DeleteBack => self.edit(|q, cur| {
                if *cur > 0 {
                    *cur -= 1;
                    q.remove(*cur);
                }
            }),
            Action::DeleteForward => self.edit(|q, cur| {
                if *cur < q.len() {
                    q.remove(*cur);
                }
            }),
            Action::DeleteWord => self.edit(|q, cur| {
                let mut start = *cur;
                while start > 0 && q[start - 1] == ' ' {
                    start -= 1;
                }
                while start > 0 && q[start - 1] != ' ' {
                    start -= 1;
                }
                q.drain(start..*cur);
                *cur = start;
            }),
            Action::ClearQuery => self.edit(|q, cur| {
                q.clear();
                *cur = 0;
            }),
            Action::CursorLeft => self.cursor = self.cursor.saturating_sub(1),
            Action::CursorRight => self.cursor = (self.cursor + 1).min(self.query.len()),
            Action::CursorHome => self.cursor = 0,
            Action::CursorEnd => self.cursor = self.query.len(),
            Action::Down if self.focus == Focus::Detail => self.scroll_detail(1),
            Action::Up if self.focus == Focus::Detail => self.scroll_detail(-1),
            Action::PageDown if self.focus == Focus::Detail => {
                self.scroll_detail(self.detail_page());
            }
            Action::PageUp if self.focus == Focus::Detail => {
                self.scroll_detail(-self.detail_page());
            }
            Action::Up if self.query.is_empty() && self.selected == 0 => self.recall_history(),
            Action::Down | Action::SelectNext => self.move_selection(1),
            Action::Up | Action::SelectPrevious => self.move_selection(-1),
            Action::PageDown => self.move_selection(self.list_page()),
            Action::PageUp => self.move_selection(-self.list_page()),
            Action::HistoryPrevious => self.recall_history(),
            Action::ToggleFocus => {
                self.focus = match self.focus {
                    Focus::List if self.selected_partner().is_some() => Focus::Detail,
                    _ => Focus::List,
                };
                if self.focus == Focus::List {
                    self.narrow_detail = false;
                }
            }
            Action::Confirm => return self.confirm(),
            Action::Cancel => return self.cancel(),
            Action::Quit => return self.quit_now(),
            Action::ToggleHelp => {
                self.overlay = Some(Overlay::Help);
                self.help_scroll = 0;
            }
            Action::ToggleOverview => {
                self.overlay = Some(Overlay::Overview { tab: OverviewTab::Kinds, selected: 0 });
            }
            Action::ToggleStar => return self.toggle_mark(true),
            Action::ToggleMet => return self.toggle_mark(false),
            Action::EditNote => {
                if let Some(p) = self.selected_partner().and_then(|i| self.catalog.get(i)) {
                    let text: Vec<char> = self
                        .state
                        .marks
                        .get(&p.id)
                        .and_then(|m| m.note.as_deref())
                        .unwrap_or("")
                        .chars()
                        .collect();
                    let cursor = text.len();
                    self.overlay =
                        Some(Overlay::Note(NoteEditor { id: p.id.clone(), text, cursor }));
                }
            }
            Action::ToggleStarredOnly => self.toggle_starred_only(),
            Action::PreviousLink => self.choose_link(-1),
            Action::NextLink => self.choose_link(1),
            Action::Back => self.go_visit(-1),
            Action::Forward => self.go_visit(1),
            Action::CopyCard => return self.copy_card(),
            Action::Click { column, row } => return self.click(column, row),
            Action::Scroll { column, row, lines } => self.wheel(column, row, lines),
            Action::Resize { width, height } => {
                self.size = (width, height);
                self.keep_in_view();
                self.clamp_detail_scroll();
            }
            Action::SaveNote | Action::PreviousTab => {}
        }
        None
    }
}

impl App {
    fn edit(&mut self, change: impl FnOnce(&mut Vec<char>, &mut usize)) {
        change(&mut self.query, &mut self.cursor);
        self.cursor = self.cursor.min(self.query.len());
        self.history = None;
        self.focus = Focus::List;
        self.narrow_detail = false;
        self.refresh();
    }

    /// Re-runs the query; the best result is selected, as people expect while typing.
    fn refresh(&mut self) {
        self.rerun(false);
    }

    /// Re-runs the query; with `keep`, the selected partner stays selected when it is still a
    /// result (the results changed under the user, e.g. a mark was toggled).
    fn rerun(&mut self, keep: bool) {
        let before = self.selected_partner();
        self.parsed = Query::parse(&self.query());
        self.results = if let Ok(query) = &self.parsed {
            self.searcher.search(self.catalog.index(), query, &self.marks)
        } else {
            self.searcher.reset();
            Vec::new()
        };
        let kept = before.and_then(|p| self.results.iter().position(|h| h.index == p));
        self.selected = kept.filter(|_| keep).unwrap_or(0);
        if self.selected_partner() != before {
            self.detail_scroll = 0;
            self.link = 0;
        }
        self.keep_in_view();
    }

    fn select(&mut self, position: usize) {
        let before = self.selected_partner();
        self.selected = position.min(self.results.len().saturating_sub(1));
        if self.selected_partner() != before {
            self.detail_scroll = 0;
            self.link = 0;
        }
        self.keep_in_view();
    }

    fn move_selection(&mut self, delta: isize) {
        if self.results.is_empty() {
            return;
        }
        let last = self.results.len() - 1;
        let target = self.selected.saturating_add_signed(delta).min(last);
        self.select(target);
    }

    fn list_rows(&self) -> usize {
        usize::from(ui::layout(self.size).list.height.saturating_sub(2)).max(1)
    }

    fn list_page(&self) -> isize {
        isize::try_from(self.list_rows().saturating_sub(1).max(1)).unwrap_or(1)
    }

    fn keep_in_view(&mut self) {
        let rows = self.list_rows();
        if self.selected < self.list_offset {
            self.list_offset = self.selected;
        } else if self.selected >= self.list_offset + rows {
            self.list_offset = self.selected + 1 - rows;
        }
        let max_offset = self.results.len().saturating_sub(rows);
        self.list_offset = self.list_offset.min(max_offset);
    }

    fn detail_rows(&self) -> usize {
        usize::from(ui::layout(self.size).detail.height.saturating_sub(2)).max(1)
    }

    fn detail_page(&self) -> isize {
        isize::try_from(self.detail_rows().saturating_sub(1).max(1)).unwrap_or(1)
    }

    fn detail_max_scroll(&self) -> usize {
        let width = ui::layout(self.size).detail.width.saturating_sub(2);
        ui::detail::content(self, width).lines.len().saturating_sub(self.detail_rows())
    }

    fn scroll_detail(&mut self, delta: isize) {
        self.detail_scroll = self.detail_scroll.saturating_add_signed(delta);
        self.clamp_detail_scroll();
    }

    fn clamp_detail_scroll(&mut self) {
        self.detail_scroll = self.detail_scroll.min(self.detail_max_scroll());
    }

    fn choose_link(&mut self, delta: isize) {
        let count = self.links().len();
        if count == 0 {
            self.set_status("This partner has no relations to follow", false);
            return;
        }
        self.focus = Focus::Detail;
        self.link = self.link.saturating_add_signed(delta).min(count - 1);
        // Scroll so the chosen relation is in view.
        let width = ui::layout(self.size).detail.width.saturating_sub(2);
        let content = ui::detail::content(self, width);
        if let Some(&row) = content.link_rows.get(self.link) {
            let rows = self.detail_rows();
            if row < self.detail_scroll {
                self.detail_scroll = row;
            } else if row >= self.detail_scroll + rows {
                self.detail_scroll = row + 1 - rows;
            }
        }
    }

    fn confirm(&mut self) -> Option<Effect> {
        if self.focus == Focus::Detail {
            return self.follow_link();
        }
        self.selected_partner()?;
        if ui::layout(self.size).mode == ui::Mode::Narrow {
            self.narrow_detail = true;
        }
        self.focus = Focus::Detail;
        self.remember_query()
    }

    fn remember_query(&self) -> Option<Effect> {
        let query = self.query().trim().to_owned();
        let last = self.state.history.last();
        if query.is_empty() || last == Some(&query) {
            return None;
        }
        Some(Effect::Save(Change::PushHistory(query)))
    }

    fn cancel(&mut self) -> Option<Effect> {
        if self.narrow_detail {
            self.narrow_detail = false;
            self.focus = Focus::List;
        } else if self.focus == Focus::Detail {
            self.focus = Focus::List;
        } else if !self.query.is_empty() {
            self.edit(|q, cur| {
                q.clear();
                *cur = 0;
            });
        } else {
            return self.quit_now();
        }
        None
    }

    fn quit_now(&mut self) -> Option<Effect> {
        self.quit = true;
        self.remember_query()
    }

    fn toggle_mark(&mut self, star: bool) -> Option<Effect> {
        let partner = self.catalog.get(self.selected_partner()?)?;
        let marks = self.state.marks.get(&partner.id);
        let id = partner.id.clone();
        let name = partner.short_name().to_owned();
        let change = if star {
            let on = !marks.is_some_and(|m| m.starred);
            self.set_status(
                if on { format!("★ Starred {name}") } else { format!("Unstarred {name}") },
                false,
            );
            Change::Star { id, on }
        } else {
            let on = !marks.is_some_and(|m| m.met);
            self.set_status(
                if on {
                    format!("✓ Met {name}")
                } else {
                    format!("{name}: no longer marked as met")
                },
                false,
            );
            Change::Met { id, on }
        };
        let mut state = self.state.clone();
        state.apply(change.clone(), 0);
        self.sync_state(state);
        Some(Effect::Save(change))
    }

    fn toggle_starred_only(&mut self) {
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
        let chars: Vec<char> = new.chars().collect();
        self.edit(|q, cur| {
            *cur = chars.len();
            *q = chars;
        });
    }

    fn recall_history(&mut self) {
        let count = self.state.history.len();
        if count == 0 {
            self.set_status("No earlier queries yet", false);
            return;
        }
        // The history may have shrunk since (merged from disk): stay inside it.
        let position = self.history.map_or(count - 1, |p| p.saturating_sub(1).min(count - 1));
        self.query = self.state.history[position].chars().collect();
        self.cursor = self.query.len();
        self.refresh();
        self.history = Some(position);
        self.set_status(
            format!("Earlier query {} of {count} (Ctrl-R for older)", count - position),
            false,
        );
    }

    fn follow_link(&mut self) -> Option<Effect> {
        let links = self.links();
        let Some(link) = links.get(self.link) else {
            self.set_status("This partner has no relations to follow", false);
            return None;
        };
        let Some(target) = link.target else {
            let name = link.name.to_owned();
            self.set_status(format!("{name} is not in the dataset"), false);
            return None;
        };
        let remember = self.remember_query();
        self.record_visit();
        self.show_partner(target);
        self.record_visit();
        remember
    }

    /// Selects catalog partner `target`, clearing the query when it hides it.
    fn show_partner(&mut self, target: usize) {
        if !self.results.iter().any(|h| h.index == target) {
            self.query.clear();
            self.cursor = 0;
            self.refresh();
        }
        if let Some(position) = self.results.iter().position(|h| h.index == target) {
            self.select(position);
            self.detail_scroll = 0;
            self.link = 0;
        }
        self.focus = Focus::Detail;
        if ui::layout(self.size).mode == ui::Mode::Narrow {
            self.narrow_detail = true;
        }
    }

    fn current_visit(&self) -> Option<Visit> {
        Some(Visit {
            query: self.query(),
            partner: self.selected_partner()?,
            scroll: self.detail_scroll,
            link: self.link,
        })
    }

    /// Records where we are: replaces the current visit, or starts a new one after it.
    fn record_visit(&mut self) {
        let Some(here) = self.current_visit() else { return };
        match self.visits.get(self.visit) {
            Some(v) if v.partner == here.partner => self.visits[self.visit] = here,
            Some(_) => {
                self.visits.truncate(self.visit + 1);
                self.visits.push(here);
                self.visit += 1;
            }
            None => {
                self.visits.push(here);
                self.visit = self.visits.len() - 1;
            }
        }
    }

    fn go_visit(&mut self, delta: isize) {
        if self.visits.is_empty() {
            self.set_status("Nothing to go back to yet: follow a relation with Enter", false);
            return;
        }
        self.record_visit();
        let Some(target) = self.visit.checked_add_signed(delta).filter(|&v| v < self.visits.len())
        else {
            let end = if delta < 0 { "first" } else { "last" };
            self.set_status(format!("This is the {end} partner you visited"), false);
            return;
        };
        self.visit = target;
        let visit = self.visits[target].clone();
        self.query = visit.query.chars().collect();
        self.cursor = self.query.len();
        self.refresh();
        if let Some(position) = self.results.iter().position(|h| h.index == visit.partner) {
            self.select(position);
        } else {
            self.show_partner(visit.partner);
        }
        self.focus = Focus::Detail;
        if ui::layout(self.size).mode == ui::Mode::Narrow {
            self.narrow_detail = true;
        }
        self.link = visit.link;
        self.detail_scroll = visit.scroll;
        self.clamp_detail_scroll();
    }

    fn copy_card(&mut self) -> Option<Effect> {
        let index = self.selected_partner()?;
        let partner = self.catalog.get(index)?;
        let marks = self.state.marks.get(&partner.id);
        let card = output::card(&self.catalog, index, marks, CardFormat::Text);
        self.set_status(
            format!("Copied the card of {} to the clipboard (OSC 52)", partner.short_name()),
            false,
        );
        Some(Effect::Copy(card))
    }

    fn click(&mut self, column: u16, row: u16) -> Option<Effect> {
        let areas = ui::layout(self.size);
        let inside = |r: ratatui::layout::Rect| {
            column >= r.x && column < r.x + r.width && row >= r.y && row < r.y + r.height
        };
        let detail_shown = areas.mode != ui::Mode::Narrow || self.narrow_detail;
        if detail_shown && inside(areas.detail) {
            self.focus = Focus::Detail;
            let line = usize::from(row.saturating_sub(areas.detail.y + 1)) + self.detail_scroll;
            let width = areas.detail.width.saturating_sub(2);
            let content = ui::detail::content(self, width);
            if let Some(link) = content.link_rows.iter().position(|&r| r == line) {
                self.link = link;
            }
        } else if inside(areas.list) && row > areas.list.y && row + 1 < areas.list.bottom() {
            // Between the borders: a click on the bottom border would pick a hidden row.
            let position = self.list_offset + usize::from(row - areas.list.y - 1);
            if position < self.results.len() {
                self.focus = Focus::List;
                self.select(position);
            }
        }
        None
    }

    fn wheel(&mut self, column: u16, row: u16, lines: i16) {
        let areas = ui::layout(self.size);
        let over_detail = (areas.mode != ui::Mode::Narrow || self.narrow_detail)
            && column >= areas.detail.x
            && column < areas.detail.x + areas.detail.width
            && row >= areas.detail.y
            && row < areas.detail.y + areas.detail.height;
        if over_detail {
            self.scroll_detail(isize::from(lines));
        } else {
            self.move_selection(isize::from(lines));
        }
    }

    fn update_overlay(&mut self, overlay: Overlay, action: Action) -> Option<Effect> {
        match (overlay, action) {
            (overlay, Action::Quit) => {
                self.overlay = Some(overlay);
                return self.quit_now();
            }
            (overlay, Action::Resize { width, height }) => {
                self.size = (width, height);
                self.keep_in_view();
                self.clamp_detail_scroll();
                self.help_scroll = self.help_scroll.min(ui::help::help_max_scroll(self.size));
                self.overlay = Some(overlay);
            }
            (Overlay::Help, Action::ToggleHelp | Action::Cancel | Action::Click { .. }) => {
                self.overlay = None;
            }
            (Overlay::Help, action) => {
                let delta = match action {
                    Action::Down | Action::SelectNext => 1,
                    Action::Up | Action::SelectPrevious => -1,
                    Action::PageDown => 10,
                    Action::PageUp => -10,
                    Action::Scroll { lines, .. } => isize::from(lines),
                    _ => 0,
                };
                let max = ui::help::help_max_scroll(self.size);
                self.help_scroll = self.help_scroll.saturating_add_signed(delta).min(max);
                self.overlay = Some(Overlay::Help);
            }
            (Overlay::Note(editor), action) => return self.update_note(editor, &action),
            (Overlay::Overview { tab, selected }, action) => {
                self.update_overview(tab, selected, &action);
            }
        }
        None
    }

    fn update_note(&mut self, mut editor: NoteEditor, action: &Action) -> Option<Effect> {
        match action {
            Action::Cancel => {
                self.overlay = None;
                self.set_status("Note not changed", false);
                return None;
            }
            Action::SaveNote => {
                self.overlay = None;
                let text: String = editor.text.iter().collect();
                let text = Some(text).filter(|t| !t.trim().is_empty());
                let change = Change::Note { id: editor.id, text };
                let mut state = self.state.clone();
                state.apply(change.clone(), 0);
                self.sync_state(state);
                self.set_status("Note saved", false);
                return Some(Effect::Save(change));
            }
            Action::Insert(c) => {
                editor.text.insert(editor.cursor, *c);
                editor.cursor += 1;
            }
            Action::Confirm => {
                editor.text.insert(editor.cursor, '\n');
                editor.cursor += 1;
            }
            Action::DeleteBack if editor.cursor > 0 => {
                editor.cursor -= 1;
                editor.text.remove(editor.cursor);
            }
            Action::DeleteForward if editor.cursor < editor.text.len() => {
                editor.text.remove(editor.cursor);
            }
            Action::CursorLeft => editor.cursor = editor.cursor.saturating_sub(1),
            Action::CursorRight => editor.cursor = (editor.cursor + 1).min(editor.text.len()),
            Action::CursorHome => {
                let (_, column) = editor.cursor_line_column();
                editor.cursor -= column;
            }
            Action::CursorEnd => {
                while editor.cursor < editor.text.len() && editor.text[editor.cursor] != '\n' {
                    editor.cursor += 1;
                }
            }
            Action::Up | Action::SelectPrevious => editor.move_vertically(false),
            Action::Down | Action::SelectNext => editor.move_vertically(true),
            _ => {}
        }
        self.overlay = Some(Overlay::Note(editor));
        None
    }

    fn update_overview(&mut self, tab: OverviewTab, selected: usize, action: &Action) {
        let rows = ui::overview::rows(self, tab).len();
        let position = OverviewTab::ALL.iter().position(|t| *t == tab).unwrap_or(0);
        let mut next = Overlay::Overview { tab, selected };
        match action {
            Action::Cancel | Action::ToggleOverview => {
                self.overlay = None;
                return;
            }
            Action::CursorRight | Action::ToggleFocus => {
                let tab = OverviewTab::ALL[(position + 1) % OverviewTab::ALL.len()];
                next = Overlay::Overview { tab, selected: 0 };
            }
            Action::PreviousTab | Action::CursorLeft => {
                let tab = OverviewTab::ALL
                    [(position + OverviewTab::ALL.len() - 1) % OverviewTab::ALL.len()];
                next = Overlay::Overview { tab, selected: 0 };
            }
            Action::Down | Action::SelectNext => {
                next =
                    Overlay::Overview { tab, selected: (selected + 1).min(rows.saturating_sub(1)) };
            }
            Action::Up | Action::SelectPrevious => {
                next = Overlay::Overview { tab, selected: selected.saturating_sub(1) };
            }
            Action::PageDown => {
                next = Overlay::Overview {
                    tab,
                    selected: (selected + 10).min(rows.saturating_sub(1)),
                };
            }
            Action::PageUp => {
                next = Overlay::Overview { tab, selected: selected.saturating_sub(10) }
            }
            Action::Confirm => {
                let row = ui::overview::rows(self, tab).into_iter().nth(selected);
                self.overlay = None;
                match row.map(|r| r.action) {
                    Some(ui::overview::RowAction::Filter(filter)) => {
                        let chars: Vec<char> = format!("{filter} ").chars().collect();
                        self.edit(|q, cur| {
                            *cur = chars.len();
                            *q = chars;
                        });
                    }
                    Some(ui::overview::RowAction::Show(partner)) => {
                        self.record_visit();
                        self.show_partner(partner);
                        self.record_visit();
                    }
                    Some(ui::overview::RowAction::None) => {
                        self.set_status("That organisation is not in the dataset", false);
                        self.overlay = Some(next);
                    }
                    None => {}
                }
                return;
            }
            _ => {}
        }
        self.overlay = Some(next);
    }
}
