//! The browser's state and how actions change it. `App::update` does no I/O: saving and
//! copying go out as [`Effect`]s, and their outcomes come back as report actions
//! (`Saved`, `SaveFailed`, `Copied`, `CopyFailed`), so what the user is told is decided here.
//! Geometry and the detail pane's lines come from [`crate::view`]; nothing here draws.

mod commands;
mod editor;
mod navigate;
mod overlays;
mod query;
mod reading;
mod reports;

pub use editor::{Closing, Edited, NoteEditor};

use std::sync::Arc;

use crate::action::{Action, Effect, SearchRequest, Shared};
use crate::catalog::{Catalog, Source};
use crate::i18n::s;
use crate::input::Bindings;
use crate::search::{Highlights, MarkBits, Query, QueryError, Ranked, Searcher};
use crate::store::State;
use crate::view::detail::{self, DetailModel, Marking};
use crate::view::help::{self, HelpLine};
use crate::view::layout::Mode;
use crate::view::overview::{OverviewTab, Row};

/// Which pane receives the arrows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The list of results.
    List,
    /// The detail of the selected partner.
    Detail,
}

/// A window over the main screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// Keys and query syntax.
    Help,
    /// Editing a note, or the user's own aliases.
    Note(NoteEditor),
    /// The selected partner's card as a QR code.
    Qr(QrView),
    /// Charts and the network.
    Overview {
        /// The tab shown.
        tab: OverviewTab,
        /// The chosen row of the tab.
        selected: usize,
        /// The first row shown (the rows scroll to keep the chosen one in view).
        top: usize,
        /// The tab's rows, computed when it was opened.
        rows: Vec<Row>,
    },
}

/// The QR code of a partner's card, fitted to the screen when it opened or was resized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrView {
    /// The partner's catalog index.
    pub partner: usize,
    /// The code's rows (to draw dark on light), or why it cannot be drawn.
    pub code: Result<Vec<String>, String>,
    /// What the code leaves out to fit, in words.
    pub shortened: Option<String>,
}

/// A partner seen, with how the screen looked, for going back and forward.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Visit {
    query: String,
    partner: usize,
    scroll: usize,
    link: usize,
    /// Reached from the visit before it (a relation followed, a network row chosen), rather
    /// than found some other way: only then is that one where it came from.
    followed: bool,
}

/// A message in the status line until the next action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The message.
    pub text: String,
    /// Whether it reports a failure.
    pub error: bool,
}

/// What the detail model was built from; it is rebuilt when any of it changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct DetailKey {
    partner: Option<usize>,
    generation: u64,
    columns: u16,
    /// Whether the catalog knew which names are shared (its links end with ids then).
    shared_names: bool,
}

/// Everything the browser shows.
#[derive(Debug)]
// Independent switches of what the browser is doing, not states of one thing.
#[allow(clippy::struct_excessive_bools)]
pub struct App {
    catalog: Arc<Catalog>,
    /// Bytes read and to read while the dataset loads in the background.
    loading: Option<(u64, u64)>,
    /// The search to hand to the session's worker (large catalogs).
    pending: Option<SearchRequest>,
    /// While the worker's results have not come: whether the selected partner should stay
    /// selected when they do.
    waiting: Option<bool>,
    /// Counts the searches asked of the worker; only the newest one's results are shown.
    asked: u64,
    state: State,
    /// The state as last read from or written to disk: what a change shown before it was
    /// saved goes back to when there is no store to say so (see [`Action::SaveFailed`]).
    saved: State,
    /// Each partner's marks, for `is:` and `has:`: shared with the searches asked of the
    /// worker, not copied for each (a million partners, a megabyte a keystroke).
    marks: Arc<[MarkBits]>,
    query: Vec<char>,
    cursor: usize,
    /// What the last word or line deletion removed, in the query or a note: Ctrl-Y puts it
    /// back, as readline's kill buffer.
    kill: String,
    parsed: Result<Query, QueryError>,
    searcher: Searcher,
    results: Ranked,
    /// The query the results were found for, and its text: the one typed may be newer, its
    /// results still on their way.
    results_for: Option<(Query, String)>,
    /// The highlights of the names in the list, for the results' generation: the frame that
    /// shows a key typed (the results still those of the query before) reads them again.
    list_highlights: std::cell::RefCell<(u64, std::collections::HashMap<usize, Highlights>)>,
    selected: usize,
    list_offset: usize,
    focus: Focus,
    detail: DetailModel,
    detail_key: Option<DetailKey>,
    /// Bumped when the query's results or the user's marks change.
    generation: u64,
    detail_scroll: usize,
    link: usize,
    narrow_detail: bool,
    overlay: Option<Overlay>,
    help: Vec<HelpLine>,
    help_scroll: usize,
    visits: Vec<Visit>,
    visit: usize,
    history: Option<usize>,
    status: Option<Status>,
    /// Warnings of the start and of the load (a state file set aside, a dataset skipped): the
    /// first on the status line with how many more, again once the partners are there (the
    /// progress takes the status line meanwhile). On one line each.
    status_warnings: Vec<String>,
    /// The same warnings whole (a file's every problem, with its fix), for the help, and
    /// printed when the browser ends.
    warned: Vec<String>,
    /// A hint of the start (the query's first word looks like a mistyped command), shown
    /// where the warnings would be when there are none.
    hint: Option<String>,
    bindings: Bindings,
    /// Set when a mark changed under a query that filters by marks: the results stay as they
    /// were (an unstarred row stays, shown unstarred) until the query changes.
    keep_results: bool,
    size: (u16, u16),
    /// How wide the list would like to be, from the catalog's names (computed once).
    list_width: u16,
    quit: bool,
    /// Set when a mark or a note was changed from the results of the query: once saved, the
    /// query is remembered in the history, as when a partner is opened from it.
    remember_after_save: bool,
}

impl App {
    /// A browser over `catalog`, with the user's saved `state`, the query `query` typed.
    pub fn new(catalog: Catalog, state: State, query: &str) -> App {
        let marks = catalog.mark_bits(&state).into();
        // Loaded before the browser shows, it has no warming threads to find which names
        // are shared (see `crate::background`), however many partners it holds: found here.
        catalog.name_shared(0);
        let list_width = crate::view::list::wanted_width(&catalog);
        let mut app = App {
            catalog: Arc::new(catalog),
            loading: None,
            pending: None,
            waiting: None,
            asked: 0,
            saved: state.clone(),
            state,
            marks,
            query: query.chars().collect(),
            cursor: query.chars().count(),
            kill: String::new(),
            parsed: Ok(Query::default()),
            searcher: Searcher::default(),
            results: Ranked::default(),
            results_for: None,
            list_highlights: std::cell::RefCell::default(),
            selected: 0,
            list_offset: 0,
            focus: Focus::List,
            detail: DetailModel::default(),
            detail_key: None,
            generation: 0,
            detail_scroll: 0,
            link: 0,
            narrow_detail: false,
            overlay: None,
            help: Vec::new(),
            help_scroll: 0,
            visits: Vec::new(),
            visit: 0,
            history: None,
            status: None,
            status_warnings: Vec::new(),
            warned: Vec::new(),
            hint: None,
            bindings: Bindings::default(),
            keep_results: false,
            size: (80, 24),
            list_width,
            quit: false,
            remember_after_save: false,
        };
        app.help = help::lines(&app.bindings, &app.warned);
        app.refresh();
        app.ensure_detail();
        app
    }

    /// Uses `bindings` for the keys (the user's configuration), in the key handling, the help
    /// and the hints alike.
    pub fn set_bindings(&mut self, bindings: Bindings) {
        self.help = help::lines(&bindings, &self.warned);
        self.bindings = bindings;
    }

    /// A browser whose partners are still loading (`total` bytes to read, from `sources`,
    /// which the status line names meanwhile): it draws and takes keys at once, and
    /// searches when [`Action::Loaded`] brings the catalog.
    pub fn loading(state: State, query: &str, total: u64, sources: Vec<Source>) -> App {
        let mut app =
            App::new(Catalog::from_partners(Vec::new(), sources, Vec::new()), state, query);
        app.loading = Some((0, total));
        app.show_progress();
        app
    }

    // -- Changing the state (reading it is in `reading.rs`) ---------------------------

    /// Shows a message in the status line (warnings at start).
    pub fn set_status(&mut self, text: impl Into<String>, error: bool) {
        self.status = Some(Status { text: text.into(), error });
    }

    /// Applies one action; returns the I/O it calls for.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        let effect = match action {
            Action::Saved { .. }
            | Action::Reread(_)
            | Action::SaveFailed { .. }
            | Action::Copied { .. }
            | Action::CopyFailed { .. }
            | Action::SuspendFailed { .. } => self.report(action),
            // Another process may have starred a partner or written a note meanwhile.
            Action::Idle => Some(Effect::Reread),
            Action::Resize { width, height } => {
                // The detail is wrapped anew: a chosen relation on screen stays there.
                let link_was_in_view = self.link_in_view();
                self.size = (width, height);
                // Narrowed to the list alone with the detail in use: the detail fills the
                // screen, as Enter shows it there, so keys act on what is seen.
                if self.areas().mode == Mode::Narrow && self.focus == Focus::Detail {
                    self.narrow_detail = true;
                }
                self.ensure_detail();
                self.keep_in_view();
                self.clamp_detail_scroll();
                if link_was_in_view {
                    self.reveal_link();
                }
                self.help_scroll = self.help_scroll.min(self.help_max_scroll());
                let columns = self.note_columns();
                match &mut self.overlay {
                    Some(Overlay::Qr(view)) => {
                        let partner = view.partner;
                        self.show_qr(partner);
                    }
                    Some(Overlay::Note(editor)) => editor.set_columns(columns),
                    _ => {}
                }
                None
            }
            Action::Loading { read, total } => {
                self.loading = Some((read, total));
                self.show_progress();
                None
            }
            Action::Loaded(Shared(catalog)) => {
                self.set_catalog(catalog);
                None
            }
            // The detail's links to partners named alike end with their ids now, and so do
            // the list's rows, which need the room.
            Action::NamesShared => {
                self.list_width = crate::view::list::wanted_width(&self.catalog);
                self.detail_key = None;
                None
            }
            Action::Found { generation, hits } => {
                if generation == self.asked
                    && let Some(keep) = self.waiting.take()
                {
                    self.show_results(*hits, keep);
                }
                None
            }
            Action::Quit => self.quit_asking(),
            Action::Terminate => self.terminate(),
            Action::Suspend => Some(Effect::Suspend),
            // Nothing is shown but that the terminal is too small, or the note's question:
            // no key changes anything unseen (a star, a note, a query), but the question's
            // answers, which it shows with their keys.
            _ if self.areas().mode == Mode::TooSmall && !self.answers_question(&action) => None,
            action => {
                if !matches!(action, Action::Scroll { .. }) {
                    self.status = None;
                }
                match self.overlay.take() {
                    Some(overlay) => self.update_overlay(overlay, action),
                    None => self.update_main(&action),
                }
            }
        };
        self.ensure_detail();
        // A search for the worker waits for the effect before it (a save) to be reported.
        effect.or_else(|| self.pending.take().map(Effect::Search))
    }

    /// Whether `action` answers the question asked with a note half written (the one thing a
    /// terminal too small for the rest still shows).
    fn answers_question(&self, action: &Action) -> bool {
        matches!(action, Action::SaveNote | Action::DiscardNote | Action::KeepEditing)
            && matches!(&self.overlay, Some(Overlay::Note(editor)) if editor.asking.is_some())
    }

    /// Browses `catalog` from now on (it finished loading): the query typed meanwhile runs.
    fn set_catalog(&mut self, catalog: Arc<Catalog>) {
        self.loading = None;
        self.status = None;
        // The list was laid out for no partners while they loaded.
        self.list_width = crate::view::list::wanted_width(&catalog);
        let said = |w: &crate::catalog::Warning| w.one_line(s().loading_skipped);
        self.status_warnings.extend(catalog.warnings().iter().map(said));
        let whole = |w: &crate::catalog::Warning| w.said(s().loading_skipped);
        self.warned.extend(catalog.warnings().iter().map(whole));
        self.help = help::lines(&self.bindings, &self.warned);
        self.show_warnings();
        self.catalog = catalog;
        // Laid out for the partners before: nothing of it is kept.
        self.detail = DetailModel::default();
        self.detail_key = None;
        // An overview opened while loading counted no partners.
        if let Some(Overlay::Overview { tab, .. }) = self.overlay {
            self.show_tab(tab);
        }
        self.marks = self.catalog.mark_bits(&self.state).into();
        self.searcher.reset();
        self.rerun(false);
    }

    fn update_main(&mut self, action: &Action) -> Option<Effect> {
        match action {
            action if action.edits_query() => self.edit(action),
            Action::MoveUp if self.query.is_empty() && self.selected == 0 => {
                self.recall_history();
            }
            Action::MoveDown | Action::SelectNext => self.move_selection(1),
            Action::MoveUp | Action::SelectPrevious => self.move_selection(-1),
            Action::PageDown => self.move_selection(self.list_page()),
            Action::PageUp => self.move_selection(-self.list_page()),
            Action::ScrollDown => self.scroll_detail(1),
            Action::ScrollUp => self.scroll_detail(-1),
            Action::ScrollPageDown => self.scroll_detail(self.detail_page()),
            Action::ScrollPageUp => self.scroll_detail(-self.detail_page()),
            Action::DetailTop => self.detail_scroll = 0,
            Action::DetailBottom => self.scroll_detail(isize::MAX),
            Action::HistoryPrevious => self.recall_history(),
            Action::ToggleFocus => {
                self.focus = match self.focus {
                    Focus::List if self.selected_partner().is_some() => Focus::Detail,
                    _ => Focus::List,
                };
                // With the list alone on screen, the detail fills it, as Enter shows it:
                // keys act on what is seen.
                self.narrow_detail =
                    self.focus == Focus::Detail && self.areas().mode == Mode::Narrow;
            }
            Action::Open => return self.open(),
            Action::FollowLink => return self.follow_link(),
            Action::Cancel => return self.cancel(),
            Action::OpenHelp => {
                self.overlay = Some(Overlay::Help);
                self.help_scroll = 0;
            }
            Action::OpenOverview => self.show_tab(OverviewTab::Kinds),
            Action::ToggleStar => return self.toggle_mark(true),
            Action::ToggleMet => return self.toggle_mark(false),
            Action::EditNote => {
                if let Some(p) = self.selected_partner().and_then(|i| self.catalog.get(i)) {
                    let editor = NoteEditor::new(&p.id, self.note_of(&p.id), self.note_columns());
                    self.overlay = Some(Overlay::Note(editor));
                }
            }
            Action::EditAliases => {
                if let Some(p) = self.selected_partner().and_then(|i| self.catalog.get(i)) {
                    let editor =
                        NoteEditor::aliases(&p.id, self.aliases_of(&p.id), self.note_columns());
                    self.overlay = Some(Overlay::Note(editor));
                }
            }
            Action::ToggleStarredOnly => self.toggle_starred_only(),
            Action::PreviousLink => self.choose_link(-1),
            Action::NextLink => self.choose_link(1),
            Action::Back => self.go_visit(-1),
            Action::Forward => self.go_visit(1),
            Action::CopyCard => return self.copy_card(),
            Action::ShowQr => {
                if let Some(index) = self.selected_partner() {
                    self.show_qr(index);
                }
            }
            &Action::Click { column, row } => self.click(column, row),
            &Action::Scroll { column, row, lines } => self.wheel(column, row, lines),
            _ => {}
        }
        None
    }

    /// Rebuilds the detail model when what it shows has changed.
    fn ensure_detail(&mut self) {
        let key = DetailKey {
            partner: self.selected_partner(),
            generation: self.generation,
            columns: self.areas().detail_columns(),
            shared_names: self.catalog.shared_names_known(),
        };
        if self.detail_key == Some(key) {
            return;
        }
        self.detail = match key.partner.and_then(|i| Some((i, self.catalog.get(i)?))) {
            Some((index, partner)) => {
                let marks = self.state.marks.get(&partner.id);
                let index_of = self.catalog.index();
                let marking = self
                    .parsed
                    .as_ref()
                    .ok()
                    .map(|q| {
                        let (fields, description) = index_of.detail_highlights(index, partner, q);
                        let note = index_of.text_marker(q);
                        let yours = marks.map_or_else(Vec::new, |m| {
                            m.aliases.iter().map(|alias| note.mark(alias)).collect()
                        });
                        Marking { fields: Highlights { yours, ..fields }, description, note }
                    })
                    .unwrap_or_default();
                // The description and the note are laid out again only when they or the
                // width changed, not at each keystroke of the query.
                detail::build(&self.catalog, index, &marking, marks, key.columns, &self.detail)
            }
            None => DetailModel::default(),
        };
        self.detail_key = Some(key);
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

    fn list_page(&self) -> isize {
        isize::try_from(self.areas().list_rows().saturating_sub(1).max(1)).unwrap_or(1)
    }

    fn keep_in_view(&mut self) {
        let rows = self.areas().list_rows();
        if self.selected < self.list_offset {
            self.list_offset = self.selected;
        } else if self.selected >= self.list_offset + rows {
            self.list_offset = self.selected + 1 - rows;
        }
        let max_offset = self.results.len().saturating_sub(rows);
        self.list_offset = self.list_offset.min(max_offset);
    }

    fn detail_page(&self) -> isize {
        isize::try_from(self.areas().detail_rows().saturating_sub(1).max(1)).unwrap_or(1)
    }

    fn scroll_detail(&mut self, delta: isize) {
        self.detail_scroll = self.detail_scroll.saturating_add_signed(delta);
        self.clamp_detail_scroll();
    }

    fn clamp_detail_scroll(&mut self) {
        self.ensure_detail();
        let max = self.detail.line_count().saturating_sub(self.areas().detail_rows());
        self.detail_scroll = self.detail_scroll.min(max);
    }

    /// The columns the note editor wraps its text to at the current size.
    fn note_columns(&self) -> usize {
        crate::view::note::text_columns(self.size.0)
    }

    fn help_max_scroll(&self) -> usize {
        help::max_scroll(self.size, &self.help)
    }

    fn help_page(&self) -> usize {
        help::page(self.size, &self.help)
    }

    fn open(&mut self) -> Option<Effect> {
        self.selected_partner()?;
        if self.areas().mode == Mode::Narrow {
            self.narrow_detail = true;
        }
        self.focus = Focus::Detail;
        self.remember_query()
    }
}
