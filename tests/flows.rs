//! Key flows: crossterm events through `partners::input::action` and `App::update`, checked
//! against the state a person expects. Each case is a key sequence in a small notation:
//! tokens separated by spaces; a plain token is typed character by character; `<…>` names a
//! key (`<Enter>`, `<C-w>`, `<A-Left>`, `<F1>`, `<Space>`), a click (`<Click:5,4>`), the wheel
//! (`<WheelDown:5,4>`) or a resize (`<Resize:50x16>`).

use std::collections::BTreeMap;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use partners::action::{Action, Effect};
use partners::app::{App, Focus, Overlay};
use partners::store::{Change, Marks, State, Store};
use partners::view::overview::OverviewTab;
use rstest::rstest;

mod common;
use common::{bundled, mono};

/// The app after `keys`, and every effect the keys asked for, in order.
fn run_with(state: State, size: (u16, u16), keys: &str) -> (App, Vec<Effect>) {
    let mut app = App::new(bundled(), state, "");
    app.update(Action::Resize { width: size.0, height: size.1 });
    let effects = common::keys(&mut app, keys);
    (app, effects)
}

fn run(keys: &str) -> (App, Vec<Effect>) {
    run_with(State::default(), (80, 24), keys)
}

fn selected_id(app: &App) -> Option<String> {
    app.selected_partner().and_then(|i| app.catalog().get(i)).map(|p| p.id.clone())
}

/// The id of the result at `position` for the empty query (alphabetical by name).
fn nth_of_all(position: usize) -> String {
    let (app, _) = run("");
    let index = app.results()[position].index;
    app.catalog().get(index).map(|p| p.id.clone()).unwrap_or_default()
}

/// Which overlay is open, without its contents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    Nothing,
    Help,
    Note,
    Qr,
    Overview(OverviewTab),
}

fn shown(app: &App) -> Shown {
    match app.overlay() {
        None => Shown::Nothing,
        Some(Overlay::Help) => Shown::Help,
        Some(Overlay::Note(_)) => Shown::Note,
        Some(Overlay::Qr(_)) => Shown::Qr,
        Some(Overlay::Overview { tab, .. }) => Shown::Overview(*tab),
    }
}

/// What a case expects; fields left `None` are not checked.
#[derive(Debug, Default, Clone)]
struct Expect {
    query: Option<&'static str>,
    cursor: Option<usize>,
    selected: Option<String>,
    focus: Option<Focus>,
    overlay: Option<Shown>,
    narrow: Option<bool>,
    quit: Option<bool>,
}

fn expect() -> Expect {
    Expect::default()
}

impl Expect {
    fn query(mut self, query: &'static str, cursor: usize) -> Self {
        self.query = Some(query);
        self.cursor = Some(cursor);
        self
    }
    fn selected(mut self, id: impl Into<String>) -> Self {
        self.selected = Some(id.into());
        self
    }
    fn focus(mut self, focus: Focus) -> Self {
        self.focus = Some(focus);
        self
    }
    fn overlay(mut self, overlay: Shown) -> Self {
        self.overlay = Some(overlay);
        self
    }
    fn narrow(mut self, narrow: bool) -> Self {
        self.narrow = Some(narrow);
        self
    }
    fn quit(mut self) -> Self {
        self.quit = Some(true);
        self
    }

    fn check(&self, app: &App, keys: &str) {
        if let Some(query) = self.query {
            assert_eq!(app.query(), query, "query after {keys:?}");
        }
        if let Some(cursor) = self.cursor {
            assert_eq!(app.cursor(), cursor, "cursor after {keys:?}");
        }
        if let Some(id) = &self.selected {
            assert_eq!(selected_id(app).as_deref(), Some(id.as_str()), "selection after {keys:?}");
        }
        if let Some(focus) = self.focus {
            assert_eq!(app.focus(), focus, "focus after {keys:?}");
        }
        assert_eq!(shown(app), self.overlay.unwrap_or(Shown::Nothing), "overlay after {keys:?}");
        if let Some(narrow) = self.narrow {
            assert_eq!(app.narrow_detail(), narrow, "narrow detail after {keys:?}");
        }
        assert_eq!(app.should_quit(), self.quit.unwrap_or(false), "quit after {keys:?}");
    }
}

#[rstest]
#[case::typing("abc", expect().query("abc", 3))]
#[case::backspace("abc <BS>", expect().query("ab", 2))]
#[case::backspace_mid("abc <Left> <BS>", expect().query("ac", 1))]
#[case::backspace_at_start("abc <Home> <BS>", expect().query("abc", 0))]
#[case::delete("abc <Left> <Left> <Del>", expect().query("ac", 1))]
#[case::delete_at_end("abc <Del>", expect().query("abc", 3))]
#[case::home_delete("abc <Home> <Del>", expect().query("bc", 0))]
#[case::home_end("abc <Home> <End>", expect().query("abc", 3))]
#[case::ctrl_a("abc <C-a>", expect().query("abc", 0))]
#[case::right_stops_at_end("ab <Right> <Right>", expect().query("ab", 2))]
#[case::left_stops_at_start("ab <Left> <Left> <Left>", expect().query("ab", 0))]
#[case::insert_mid("ac <Left> b", expect().query("abc", 2))]
#[case::accents("métropole", expect().query("métropole", 9).selected("bordeaux-metropole"))]
#[case::ctrl_w("bordeaux <Space> cci <C-w>", expect().query("bordeaux ", 9))]
#[case::ctrl_w_twice("bordeaux <Space> cci <C-w> <C-w>", expect().query("", 0))]
#[case::ctrl_w_trailing_space("bordeaux <Space> <C-w>", expect().query("", 0))]
#[case::ctrl_w_mid("ab <Space> cd <Left> <Left> <Left> <C-w>", expect().query(" cd", 0))]
#[case::ctrl_u("bordeaux <C-u>", expect().query("", 0))]
// Readline's kill buffer: Ctrl-Y puts back what Ctrl-U, Ctrl-W or Ctrl-K deleted.
#[case::ctrl_y_after_ctrl_u("bordeaux <C-u> <C-y>", expect().query("bordeaux", 8))]
#[case::ctrl_y_after_ctrl_w("ab <Space> cd <C-w> <C-a> <C-y>", expect().query("cdab ", 2))]
#[case::ctrl_y_with_nothing_killed("ab <C-y>", expect().query("ab", 2))]
#[case::question_mark_in_query("a?", expect().query("a?", 2))]
#[case::unbound_ctrl_ignored("ab <C-z> <C-o>", expect().query("ab", 2))]
#[case::selection_follows_query("ugap", expect().query("ugap", 4).selected("ugap"))]
// Readline's keys, as in a shell and in fzf.
#[case::ctrl_e_end("abc <Home> <C-e>", expect().query("abc", 3))]
#[case::ctrl_b("abc <C-b> <C-b>", expect().query("abc", 1))]
#[case::ctrl_f("abc <Home> <C-f>", expect().query("abc", 1))]
#[case::ctrl_h("abc <C-h>", expect().query("ab", 2))]
#[case::ctrl_d("abc <Home> <C-d>", expect().query("bc", 0))]
#[case::ctrl_d_at_end("abc <C-d>", expect().query("abc", 3))]
#[case::ctrl_d_on_empty_quits("<C-d>", expect().query("", 0).quit())]
#[case::ctrl_k("abc <Left> <Left> <C-k>", expect().query("a", 1))]
#[case::ctrl_u_to_start("abc <Left> <C-u>", expect().query("c", 0))]
#[case::alt_b("foo <Space> bar <A-b>", expect().query("foo bar", 4))]
#[case::alt_b_twice("foo <Space> bar <A-b> <A-b>", expect().query("foo bar", 0))]
#[case::alt_f("foo <Space> bar <Home> <A-f>", expect().query("foo bar", 3))]
#[case::alt_f_twice("foo <Space> bar <Home> <A-f> <A-f>", expect().query("foo bar", 7))]
#[case::ctrl_left("foo <Space> bar <C-Left>", expect().query("foo bar", 4))]
#[case::ctrl_right("foo <Space> bar <Home> <C-Right>", expect().query("foo bar", 3))]
#[case::alt_backspace("kind:media <A-BS>", expect().query("kind:", 5))]
#[case::alt_backspace_twice("kind:media <A-BS> <A-BS>", expect().query("", 0))]
#[case::ctrl_w_by_spaces("kind:media <C-w>", expect().query("", 0))]
#[case::alt_d("foo <Space> bar <Home> <A-d>", expect().query(" bar", 0))]
#[case::alt_d_mid("foo <Space> bar <Home> <C-f> <A-d>", expect().query("f bar", 1))]
// Grapheme clusters are one character.
#[case::combining_backspace("cafe\u{301} <BS>", expect().query("caf", 3))]
#[case::combining_left("e\u{301}t <Left> <Left>", expect().query("e\u{301}t", 0))]
#[case::family_backspace("a👨\u{200d}👩\u{200d}👧 <BS>", expect().query("a", 1))]
#[case::family_left("a👨\u{200d}👩\u{200d}👧b <Left> <Left>", expect().query("a👨\u{200d}👩\u{200d}👧b", 1))]
#[case::family_delete("a👨\u{200d}👩\u{200d}👧b <Home> <Right> <Del>", expect().query("ab", 1))]
#[case::family_right("a👨\u{200d}👩\u{200d}👧b <Home> <Right> <Right>", expect().query("a👨\u{200d}👩\u{200d}👧b", 6))]
fn editing(#[case] keys: &str, #[case] expected: Expect) {
    let (app, _) = run(keys);
    expected.check(&app, keys);
}

#[rstest]
#[case::start("", 0)]
#[case::down("<Down>", 1)]
#[case::down_down_up("<Down> <Down> <Up>", 1)]
#[case::ctrl_n("<C-n> <C-n>", 2)]
#[case::ctrl_p("<C-n> <C-n> <C-p>", 1)]
#[case::up_at_top_stays("<Up>", 0)]
// At 80x24 the list shows 6 rows; a page moves 5.
#[case::page_down("<PgDn>", 5)]
#[case::page_down_up("<PgDn> <PgDn> <PgUp>", 5)]
#[case::page_down_clamps("<PgDn> <PgDn> <PgDn> <PgDn> <PgDn> <PgDn> <PgDn> <PgDn> <PgDn>", 37)]
#[case::page_up_clamps("<Down> <PgUp>", 0)]
#[case::ctrl_n_moves_in_detail("<Tab> <C-n>", 1)]
#[case::down_scrolls_detail_not_list("<Tab> <Down> <Down>", 0)]
#[case::ctrl_j("<C-j> <C-j>", 2)]
#[case::ctrl_k_up("<C-j> <C-j> <C-k>", 1)]
#[case::ctrl_k_in_detail("<C-j> <C-j> <Tab> <C-k>", 1)]
#[case::ctrl_j_in_detail("<Tab> <C-j>", 1)]
fn moving_the_selection(#[case] keys: &str, #[case] position: usize) {
    let (app, _) = run(keys);
    assert_eq!(app.selected(), position, "position after {keys:?}");
    assert_eq!(selected_id(&app), Some(nth_of_all(position)));
    let rows = 6;
    assert!(app.list_offset() <= app.selected() && app.selected() < app.list_offset() + rows);
}

#[test]
fn down_in_detail_scrolls_it() {
    let (app, _) = run("ugap <Tab> <Down> <Down>");
    assert_eq!(app.detail_scroll(), 2);
    assert_eq!(selected_id(&app).as_deref(), Some("ugap"));
    let (app, _) = run("ugap <Tab> <Down> <Down> <Up>");
    assert_eq!(app.detail_scroll(), 1);
    let (app, _) = run("ugap <Tab> <PgDn> <PgDn> <PgDn> <PgDn> <PgDn> <PgDn>");
    let at_end = app.detail_scroll();
    let (app, _) = run("ugap <Tab> <PgDn> <PgDn> <PgDn> <PgDn> <PgDn> <PgDn> <Down>");
    assert_eq!(app.detail_scroll(), at_end, "the detail does not scroll past its end");
}

#[rstest]
#[case::tab("ugap <Tab>", expect().focus(Focus::Detail).narrow(false))]
#[case::tab_tab("ugap <Tab> <Tab>", expect().focus(Focus::List))]
#[case::tab_without_results("zzzz <Tab>", expect().focus(Focus::List))]
#[case::enter("ugap <Enter>", expect().focus(Focus::Detail).narrow(false).selected("ugap"))]
#[case::enter_without_results("zzzz <Enter>", expect().focus(Focus::List))]
#[case::typing_returns_to_list("ugap <Tab> x", expect().focus(Focus::List).query("ugapx", 5))]
#[case::esc_leaves_detail("ugap <Enter> <Esc>", expect().focus(Focus::List).query("ugap", 4))]
#[case::esc_clears_query("ugap <Enter> <Esc> <Esc>", expect().focus(Focus::List).query("", 0))]
#[case::esc_quits("ugap <Enter> <Esc> <Esc> <Esc>", expect().query("", 0).quit())]
#[case::esc_closes_help_first("ugap <Enter> <F1> <Esc>", expect().focus(Focus::Detail))]
#[case::ctrl_c_in_list("ugap <C-c>", expect().quit())]
#[case::ctrl_c_in_detail("ugap <Enter> <C-c>", expect().focus(Focus::Detail).quit())]
#[case::ctrl_c_in_help("<F1> <C-c>", expect().overlay(Shown::Help).quit())]
// fzf's abort keys quit as Ctrl-C does.
#[case::ctrl_g_in_list("ugap <C-g>", expect().query("ugap", 4).quit())]
#[case::ctrl_q_in_list("ugap <C-q>", expect().query("ugap", 4).quit())]
#[case::ctrl_q_in_detail("ugap <Enter> <C-q>", expect().focus(Focus::Detail).quit())]
#[case::ctrl_g_in_help("<F1> <C-g>", expect().overlay(Shown::Help).quit())]
#[case::ctrl_q_in_note_asks("ugap <A-e> abc <C-q>", expect().overlay(Shown::Note))]
#[case::ctrl_c_in_note_asks("ugap <A-e> abc <C-c>", expect().overlay(Shown::Note))]
#[case::ctrl_c_in_unchanged_note("ugap <A-e> <C-c>", expect().overlay(Shown::Note).quit())]
#[case::ctrl_c_in_overview(
    "<F2> <C-c>",
    expect().overlay(Shown::Overview(OverviewTab::Kinds)).quit()
)]
#[case::f1("<F1>", expect().overlay(Shown::Help))]
#[case::qr("ugap <A-q>", expect().overlay(Shown::Qr))]
#[case::qr_esc("ugap <A-q> <Esc>", expect().overlay(Shown::Nothing).query("ugap", 4))]
#[case::qr_again_closes("ugap <A-q> <A-q>", expect().overlay(Shown::Nothing))]
#[case::qr_resize_keeps_it("ugap <A-q> <Resize:120x40>", expect().overlay(Shown::Qr))]
#[case::f1_twice("<F1> <F1>", expect().overlay(Shown::Nothing))]
#[case::question_mark("?", expect().overlay(Shown::Help).query("", 0))]
#[case::question_mark_esc("? <Esc>", expect().overlay(Shown::Nothing))]
#[case::help_swallows_typing("<F1> abc", expect().overlay(Shown::Help).query("", 0))]
#[case::f2("<F2>", expect().overlay(Shown::Overview(OverviewTab::Kinds)))]
#[case::f2_tab("<F2> <Tab>", expect().overlay(Shown::Overview(OverviewTab::Scopes)))]
#[case::f2_right_right("<F2> <Right> <Right>", expect().overlay(Shown::Overview(OverviewTab::Topics)))]
#[case::f2_backtab("<F2> <BackTab>", expect().overlay(Shown::Overview(OverviewTab::Network)))]
#[case::f2_left_wraps("<F2> <Left>", expect().overlay(Shown::Overview(OverviewTab::Network)))]
#[case::f2_esc("<F2> <Esc>", expect().overlay(Shown::Nothing))]
#[case::f2_f2("<F2> <F2>", expect().overlay(Shown::Nothing))]
#[case::alt_h("<A-h>", expect().overlay(Shown::Help))]
#[case::alt_h_twice("<A-h> <A-h>", expect().overlay(Shown::Nothing))]
#[case::alt_h_in_detail("ugap <Enter> <A-h>", expect().overlay(Shown::Help))]
#[case::alt_o("<A-o>", expect().overlay(Shown::Overview(OverviewTab::Kinds)))]
#[case::alt_o_twice("<A-o> <A-o>", expect().overlay(Shown::Nothing))]
#[case::alt_s("<A-s>", expect().query("is:starred ", 11))]
#[case::alt_s_twice("<A-s> <A-s>", expect().query("", 0))]
#[case::f3("<F3>", expect().query("is:starred ", 11))]
#[case::ctrl_e_is_not_the_note("ugap <C-e>", expect().overlay(Shown::Nothing).query("ugap", 4))]
#[case::help_ctrl_j("<F1> <C-j>", expect().overlay(Shown::Help))]
#[case::click_in_help_keeps_it("<F1> <Click:10,5>", expect().overlay(Shown::Help))]
#[case::click_on_help_border_keeps_it("<F1> <Click:0,0>", expect().overlay(Shown::Help))]
#[case::esc_after_click_closes_help("<F1> <Click:10,5> <Esc>", expect().overlay(Shown::Nothing))]
#[case::editor_open("ugap <A-e>", expect().overlay(Shown::Note).selected("ugap"))]
#[case::editor_esc("ugap <A-e> <Esc>", expect().overlay(Shown::Nothing).query("ugap", 4))]
#[case::editor_keeps_query("ugap <A-e> abc", expect().overlay(Shown::Note).query("ugap", 4))]
fn focus_and_overlays(#[case] keys: &str, #[case] expected: Expect) {
    let (app, _) = run(keys);
    expected.check(&app, keys);
}

/// In [`help_scrolls`]: scrolled to the end of the help, whatever its length.
const END: usize = usize::MAX;

#[rstest]
#[case::opens_at_top((80, 24), "<F1>", 0)]
#[case::down((80, 24), "<F1> <Down> <Down>", 2)]
#[case::down_up((80, 24), "<F1> <Down> <Down> <Up>", 1)]
#[case::ctrl_n((80, 24), "<F1> <C-n>", 1)]
#[case::wheel((80, 24), "<F1> <WheelDown:40,10>", 3)]
#[case::clamped((80, 24), "<F1> <PgDn> <PgDn> <PgDn> <PgDn> <PgDn>", END)]
#[case::up_at_top((80, 24), "<F1> <Up> <PgUp>", 0)]
#[case::reopens_at_top((80, 24), "<F1> <Down> <Esc> <F1>", 0)]
#[case::end((80, 24), "<F1> <End>", END)]
#[case::end_then_home((80, 24), "<F1> <Down> <End> <Home>", 0)]
#[case::end_small((50, 16), "<F1> <End>", END)]
// A page is what the help shows: at 120x40 one reaches the end (it moved ten rows).
#[case::tall((120, 40), "<F1> <PgDn>", END)]
#[case::small((50, 16), "<F1> <PgDn> <PgDn> <PgDn> <PgDn> <PgDn> <PgDn> <PgDn> <PgDn>", END)]
#[case::resize_clamps((50, 16), "<F1> <PgDn> <PgDn> <PgDn> <PgDn> <PgDn> <Resize:80x24>", END)]
fn help_scrolls(#[case] size: (u16, u16), #[case] keys: &str, #[case] scroll: usize) {
    let (app, _) = run_with(State::default(), size, keys);
    assert_eq!(shown(&app), Shown::Help);
    let end = partners::view::help::max_scroll(app.size(), app.help_lines());
    assert!(end > 12, "the help is taller than these screens");
    let scroll = if scroll == END { end } else { scroll };
    assert_eq!(app.help_scroll(), scroll, "help scroll after {keys:?}");
    assert_eq!(app.selected(), 0, "scrolling the help does not move the list");
}

/// The rows the help shows, inside its box, as drawn.
fn help_rows(app: &App) -> Vec<String> {
    let (width, height) = app.size();
    let screen = common::draw_at(app, width, height);
    let buffer = screen.backend().buffer();
    let rows: Vec<String> = (0..height)
        .map(|y| (0..width).map(|x| buffer[(x, y)].symbol()).collect::<String>())
        .collect();
    let top = rows.iter().position(|row| row.contains("┌ Help")).expect("the help's box");
    let bottom = top + rows[top..].iter().position(|row| row.contains('└')).expect("its end");
    rows[top + 1..bottom].to_vec()
}

/// Page Down moves the help by what it shows, less one row kept in sight: on a small screen no
/// row is skipped unread, on a tall one a page is a page; Page Up comes back.
#[rstest]
#[case((30, 8))]
#[case((40, 12))]
#[case((80, 24))]
#[case((100, 30))]
fn help_pages_by_what_it_shows(#[case] size: (u16, u16)) {
    let (mut app, _) = run_with(State::default(), size, "<F1>");
    let before = help_rows(&app);
    common::keys(&mut app, "<PgDn>");
    let after = help_rows(&app);
    assert_eq!(after.first(), before.last(), "{size:?}: the last row read is the first shown");
    assert_eq!(app.help_scroll(), before.len() - 1, "{size:?}: a page");
    common::keys(&mut app, "<PgUp>");
    assert_eq!(app.help_scroll(), 0, "{size:?}");
}

/// Page Down in the overview moves the choice by the rows shown less one (it moved ten: past
/// the five rows a 30x8 screen shows, a third of those of a 100x30 one).
#[rstest]
#[case((30, 8), 4)]
#[case((100, 30), 26)]
fn overview_pages_by_what_it_shows(#[case] size: (u16, u16), #[case] page: usize) {
    let (mut app, _) = run_with(State::default(), size, "<F2> <Left>");
    let chosen = |app: &App| match app.overlay() {
        Some(Overlay::Overview { selected, rows, .. }) => (*selected, rows.len()),
        other => panic!("{other:?}"),
    };
    assert!(chosen(&app).1 > page + 1, "the network tab is longer than a page");
    common::keys(&mut app, "<PgDn>");
    assert_eq!(chosen(&app).0, page, "{size:?}");
    common::keys(&mut app, "<PgUp>");
    assert_eq!(chosen(&app).0, 0, "{size:?}");
}

/// Esc, one step at a time, on a narrow terminal where Enter fills the screen with the detail.
#[rstest]
#[case::enter("ugap <Enter>", expect().focus(Focus::Detail).narrow(true).query("ugap", 4))]
#[case::help_over_detail("ugap <Enter> <F1>", expect().overlay(Shown::Help).narrow(true))]
#[case::esc_closes_overlay("ugap <Enter> <F1> <Esc>", expect().narrow(true).focus(Focus::Detail))]
#[case::esc_leaves_narrow_detail(
    "ugap <Enter> <F1> <Esc> <Esc>",
    expect().narrow(false).focus(Focus::List).query("ugap", 4)
)]
#[case::esc_clears("ugap <Enter> <F1> <Esc> <Esc> <Esc>", expect().narrow(false).query("", 0))]
#[case::esc_quits("ugap <Enter> <F1> <Esc> <Esc> <Esc> <Esc>", expect().query("", 0).quit())]
#[case::tab_leaves_narrow_detail("ugap <Enter> <Tab>", expect().narrow(false).focus(Focus::List))]
#[case::tab_opens_narrow_detail("ugap <Tab>", expect().narrow(true).focus(Focus::Detail))]
#[case::typing_leaves_narrow_detail("ugap <Enter> s", expect().narrow(false).query("ugaps", 5))]
fn narrow_esc_order(#[case] keys: &str, #[case] expected: Expect) {
    let (app, _) = run_with(State::default(), (50, 16), keys);
    expected.check(&app, keys);
}

fn with_history(queries: &[&str]) -> State {
    State { history: queries.iter().map(|q| (*q).to_owned()).collect(), ..State::default() }
}

#[rstest]
#[case::ctrl_r("<C-r>", "cnfpt")]
#[case::ctrl_r_twice("<C-r> <C-r>", "gsef")]
#[case::ctrl_r_stops_at_oldest("<C-r> <C-r> <C-r> <C-r>", "ugap")]
#[case::up_at_top("<Up>", "cnfpt")]
#[case::up_up("<Up> <Up>", "cnfpt")]
#[case::typing_resets("<C-r> <C-r> <C-u> <C-r>", "cnfpt")]
#[case::up_below_top_moves("<Down> <Up>", "")]
fn history(#[case] keys: &str, #[case] query: &str) {
    let (app, _) = run_with(with_history(&["ugap", "gsef", "cnfpt"]), (80, 24), keys);
    assert_eq!(app.query(), query, "query after {keys:?}");
    assert_eq!(app.cursor(), query.chars().count());
}

#[test]
fn a_recalled_query_says_it_came_from_the_history() {
    let (app, _) = run_with(with_history(&["ugap", "cnfpt"]), (80, 24), "<Up>");
    let status = app.status().map(|s| s.text.clone()).unwrap_or_default();
    assert_eq!(status, "From the history: query 1 of 2 (Ctrl-R for older)");
    // The oldest says so, not that Ctrl-R goes further.
    let (app, _) = run_with(with_history(&["ugap", "cnfpt"]), (80, 24), "<Up> <C-r> <C-r>");
    let status = app.status().map(|s| s.text.clone()).unwrap_or_default();
    assert_eq!(
        (app.query().as_str(), status.as_str()),
        ("ugap", "From the history: query 2 of 2, the oldest")
    );
    // Not when something is typed, nor below the top of the list.
    let (app, _) = run_with(with_history(&["ugap"]), (80, 24), "a <Up>");
    assert_eq!(app.query(), "a");
    let (app, _) = run_with(with_history(&["ugap"]), (80, 24), "<Down> <Up>");
    assert_eq!((app.query().as_str(), app.selected()), ("", 0));
}

#[test]
fn up_up_after_recall_moves_in_the_results() {
    // Once a query is recalled the query is no longer empty: Up moves the selection.
    let (app, _) = run_with(with_history(&["ugap", "bordeaux"]), (80, 24), "<Up> <Down> <Up>");
    assert_eq!(app.query(), "bordeaux");
    assert_eq!(app.selected(), 0);
}

#[test]
fn history_empty_says_so() {
    let (app, _) = run("<C-r>");
    assert_eq!(app.query(), "");
    assert!(app.status().is_some_and(|s| s.text.contains("No earlier queries")));
}

#[test]
fn enter_remembers_the_query_once() {
    let (_, effects) = run("ugap <Enter>");
    assert_eq!(effects, vec![Effect::Save(Change::PushHistory("ugap".into()))]);
    let (_, effects) = run_with(with_history(&["ugap"]), (80, 24), "ugap <Enter>");
    assert!(effects.is_empty(), "the same query twice in a row is not remembered again");
}

// At 80x24 (stacked): list pane rows 1..=8 (results on rows 2..=7), detail rows 9..=22.
#[rstest]
#[case::click_row("<Click:10,4>", 2, Focus::List)]
#[case::click_first_row("<Click:10,2>", 0, Focus::List)]
#[case::click_list_border_ignored("<Click:10,1>", 0, Focus::List)]
#[case::click_list_bottom_border_ignored("<Click:10,8>", 0, Focus::List)]
#[case::click_last_visible_row("<Click:10,7>", 5, Focus::List)]
#[case::click_detail("<Click:10,12>", 0, Focus::Detail)]
#[case::click_detail_then_row("<Click:10,12> <Click:10,3>", 1, Focus::List)]
#[case::click_search_line("<Click:10,0>", 0, Focus::List)]
#[case::wheel_list("<WheelDown:10,4>", 3, Focus::List)]
#[case::wheel_list_up("<WheelDown:10,4> <WheelDown:10,4> <WheelUp:10,4>", 3, Focus::List)]
#[case::wheel_detail_keeps_selection("<WheelDown:10,12>", 0, Focus::List)]
fn mouse_stacked(#[case] keys: &str, #[case] position: usize, #[case] focus: Focus) {
    let (app, _) = run(keys);
    assert_eq!(app.selected(), position, "position after {keys:?}");
    assert_eq!(app.focus(), focus, "focus after {keys:?}");
}

#[test]
fn wheel_over_detail_scrolls_it() {
    let (app, _) = run("ugap <WheelDown:10,12>");
    assert_eq!(app.detail_scroll(), 3);
    let (app, _) = run("ugap <WheelDown:10,12> <WheelUp:10,12>");
    assert_eq!(app.detail_scroll(), 0);
}

#[test]
fn click_on_a_relation_chooses_it() {
    // Wide: GUICHET VERT has three relations; find the row of the third and click it.
    let (app, _) = run_with(State::default(), (120, 40), "guichet");
    assert_eq!(selected_id(&app).as_deref(), Some("guichet-vert"));
    let areas = app.areas();
    let row = areas.detail.y + 1 + u16::try_from(app.detail().link_rows[2]).expect("fits");
    let keys = format!("guichet <Click:{},{row}>", areas.detail.x + 5);
    let (app, _) = run_with(State::default(), (120, 40), &keys);
    assert_eq!(app.focus(), Focus::Detail);
    assert_eq!(app.link(), 2);
}

/// With the list alone on screen, Tab shows the detail full screen, as Enter does, so the
/// keys that follow act on the card drawn; Tab again goes back to the list.
#[rstest]
#[case::narrow((45, 12))]
#[case::smallest((30, 8))]
fn tab_in_a_narrow_terminal_shows_the_detail(#[case] size: (u16, u16)) {
    let screen = |keys: &str| {
        let (app, _) = run_with(State::default(), size, keys);
        let drawn = common::draw_at(&app, size.0, size.1);
        let text: String =
            drawn.backend().buffer().content().iter().map(ratatui::buffer::Cell::symbol).collect();
        (app, text)
    };
    let (app, tabbed) = screen("<Tab>");
    assert_eq!(app.focus(), Focus::Detail);
    assert!(app.narrow_detail(), "the detail is drawn at {size:?}");
    let (_, opened) = screen("<Enter>");
    assert_eq!(tabbed, opened, "Tab shows what Enter shows");
    let (app, _) = screen("<Tab> <Tab>");
    assert_eq!(app.focus(), Focus::List);
    assert!(!app.narrow_detail());
}

#[test]
fn click_in_narrow_list_then_enter_opens_that_row() {
    let (app, _) = run_with(State::default(), (50, 16), "<Click:10,5> <Enter>");
    assert_eq!(app.selected(), 3);
    assert!(app.narrow_detail());
    assert_eq!(selected_id(&app), Some(nth_of_all(3)));
}

#[test]
fn resize_keeps_the_selection_in_view() {
    let sizes = [(120, 40), (80, 24), (50, 16), (30, 8), (20, 6), (1, 1), (300, 100), (61, 20)];
    for &(width, height) in &sizes {
        let resize = format!("<Resize:{width}x{height}>");
        for keys in ["<PgDn> <PgDn> <PgDn> <Down>", "<PgDn> <PgDn> <PgDn> <PgDn> <PgDn> <PgDn>"] {
            let (app, _) = run(&format!("{keys} {resize}"));
            let rows = usize::from(app.areas().list.height.saturating_sub(2)).max(1);
            assert_eq!(app.size(), (width, height));
            assert!(
                app.list_offset() <= app.selected() && app.selected() < app.list_offset() + rows,
                "selection {} out of view (offset {}, rows {rows}) at {width}x{height}",
                app.selected(),
                app.list_offset()
            );
        }
    }
}

#[test]
fn resize_in_overlays_and_detail_never_panics() {
    let prefixes = ["", "ugap <Enter>", "<F1>", "<F2>", "<F2> <Left>", "ugap <A-e> a <Enter> b"];
    for prefix in prefixes {
        for (width, height) in [(1, 1), (0, 0), (5, 3), (29, 7), (30, 8), (59, 19), (100, 2)] {
            let keys = format!("{prefix} <Resize:{width}x{height}> <Down> <PgDn> <Enter> x");
            let (app, _) = run(&keys);
            let mut terminal =
                ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height))
                    .expect("a test terminal");
            terminal.draw(|f| partners::ui::render(&app, &mono(), f)).expect("drawing");
        }
    }
}

#[test]
fn releases_and_repeats_reported_separately_are_ignored() {
    let app = App::new(bundled(), State::default(), "");
    for kind in [KeyEventKind::Release, KeyEventKind::Repeat] {
        for code in [KeyCode::Char('a'), KeyCode::Enter, KeyCode::Down, KeyCode::F(1)] {
            let event = Event::Key(KeyEvent {
                code,
                modifiers: KeyModifiers::NONE,
                kind,
                state: KeyEventState::NONE,
            });
            assert_eq!(partners::input::action(&event, app.key_state()), None, "{kind:?} {code:?}");
        }
    }
}

#[rstest]
// Home and End in the detail go to its top and bottom, and leave the query's cursor alone.
#[case::end("ugap <Home> <Tab> <End>", usize::MAX, 0)]
#[case::end_home("ugap <Home> <Tab> <End> <Home>", 0, 0)]
#[case::home_after_scrolling("ugap <Tab> <Down> <Down> <Home>", 0, 4)]
fn home_and_end_in_the_detail(#[case] keys: &str, #[case] scroll: usize, #[case] cursor: usize) {
    let (app, _) = run(keys);
    let bottom = app.detail().line_count().saturating_sub(app.areas().detail_rows());
    assert!(bottom > 0, "UGAP's detail scrolls at 80x24");
    assert_eq!(app.detail_scroll(), scroll.min(bottom), "scroll after {keys:?}");
    assert_eq!(app.cursor(), cursor, "the query's cursor after {keys:?}");
    assert_eq!(app.focus(), Focus::Detail);
}

#[rstest]
// In the detail, Alt-b (what macOS sends for Option-Left, as Esc b) and Alt-f go back and
// forward, like Alt-Left and Alt-Right; in the query line they move by word.
#[case::alt_left("<A-Left>", "<A-Right>")]
#[case::alt_b("<A-b>", "<A-f>")]
#[case::ctrl_h("<C-h>", "<A-Right>")]
fn back_and_forward_in_the_detail(#[case] back: &str, #[case] forward: &str) {
    let (app, _) = run(&format!("gsef <Tab> <Right> <Enter> {back}"));
    assert_eq!(selected_id(&app).as_deref(), Some("gsef"), "back with {back}");
    assert_eq!(app.query(), "gsef");
    let (app, _) = run(&format!("gsef <Tab> <Right> <Enter> {back} {forward}"));
    assert_ne!(selected_id(&app).as_deref(), Some("gsef"), "forward with {forward}");
}

/// The notes `effects` save, in order.
fn notes_saved(effects: &[Effect]) -> Vec<Option<String>> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Save(Change::EditedNote { text, .. }) => Some(text.clone()),
            _ => None,
        })
        .collect()
}

/// What [`notes_saved`] gives when `saved` is saved, or nothing.
fn saved_as(saved: Option<&str>) -> Vec<Option<String>> {
    saved.map(|t| Some(t.to_owned())).into_iter().collect()
}

// Stars and met marks, the note editor, the starred view, a terminal too small.
#[path = "flows/marks.rs"]
mod marks;

// Saves that fail, a store that cannot be opened, quitting and suspending with a note open.
#[path = "flows/saving.rs"]
mod saving;

// Pastes, and the note editor's text and wrapped rows.
#[path = "flows/pasting.rs"]
mod pasting;
