//! The screens, as text: insta snapshots of a `TestBackend` at fixed sizes, in monochrome so
//! the snapshot is the layout. Review every `.snap` by eye: it *is* the UI. Plus checks that
//! no size panics, that wide characters keep the borders aligned and that control characters
//! never reach the buffer raw.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use partners::action::Action;
use partners::app::App;
use partners::catalog::{Catalog, Source};
use partners::dataset::{Relation, RelationKind};
use partners::store::{Marks, State};
use partners::ui::theme::{ColorDepth, Theme, ThemeName};
use partners::view::overview::OverviewTab;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use rstest::rstest;
use unicode_width::UnicodeWidthStr;

mod common;
use common::{app_with, bundled, draw, partner};

fn app(query: &str, size: (u16, u16), actions: &[Action]) -> App {
    app_with(bundled(), State::default(), query, size, actions)
}

/// Draws at a size other than the one the app was laid out for (a resize not yet seen).
fn draw_at(app: &App, width: u16, height: u16) -> Buffer {
    common::draw_at(app, width, height).backend().buffer().clone()
}

/// The runs of matched (bold + underlined) characters, row by row, so a snapshot shows where
/// highlights land; the text view alone cannot show styles.
fn highlights(buffer: &Buffer) -> String {
    let matched = Modifier::BOLD | Modifier::UNDERLINED;
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut runs: Vec<String> = Vec::new();
        let mut run = String::new();
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            if cell.modifier.contains(matched) {
                run.push_str(cell.symbol());
            } else if !run.is_empty() {
                runs.push(std::mem::take(&mut run));
            }
        }
        if !run.is_empty() {
            runs.push(run);
        }
        if !runs.is_empty() {
            let _ = writeln!(out, "row {y:>2}: {}", runs.join(" | "));
        }
    }
    out
}

/// Each row as a terminal shows it: the symbols, skipping cells hidden by wide characters.
fn rows(buffer: &Buffer) -> Vec<String> {
    let width = usize::from(buffer.area.width);
    buffer
        .content
        .chunks(width)
        .map(|cells| {
            let mut row = String::new();
            let mut skip = 0usize;
            for cell in cells {
                if skip == 0 {
                    row.push_str(cell.symbol());
                    skip = cell.symbol().width().max(1);
                }
                skip -= 1;
            }
            row
        })
        .collect()
}

const SIZES: [(u16, u16); 4] = [(120, 40), (80, 24), (50, 16), (20, 6)];

fn name((width, height): (u16, u16), what: &str) -> String {
    format!("{what}_{width}x{height}")
}

#[rstest]
fn first_screen(#[values(SIZES[0], SIZES[1], SIZES[2], SIZES[3])] size: (u16, u16)) {
    let app = app("", size, &[]);
    insta::assert_snapshot!(name(size, "first_screen"), draw(&app).backend());
}

#[rstest]
fn query_with_highlights(
    #[values("metropole", "cci")] query: &str,
    #[values(SIZES[0], SIZES[1], SIZES[2], SIZES[3])] size: (u16, u16),
) {
    let actions: Vec<Action> = query.chars().map(Action::Insert).collect();
    let app = app("", size, &actions);
    let terminal = draw(&app);
    let shown = format!(
        "{}\nhighlighted:\n{}",
        terminal.backend(),
        highlights(terminal.backend().buffer())
    );
    insta::assert_snapshot!(name(size, &format!("query_{query}")), shown);
}

#[rstest]
fn no_match(#[values(SIZES[0], SIZES[1], SIZES[2], SIZES[3])] size: (u16, u16)) {
    let app = app("zzzz", size, &[]);
    assert!(app.results().is_empty());
    insta::assert_snapshot!(name(size, "no_match"), draw(&app).backend());
}

/// Words search names and texts, not kinds: a word that names one (as the list's rows show
/// it) finds nothing, and the list says which filter lists them.
#[test]
fn a_word_naming_a_kind_points_at_its_filter() {
    let media = app("media", (120, 40), &[]);
    assert!(media.results().is_empty(), "no partner's text holds \"media\"");
    let shown = common::screen(&media);
    assert!(shown.contains("· kind:media: every partner of that kind"), "{shown}");
    let other = app("zzzz", (120, 40), &[]);
    assert!(!common::screen(&other).contains("kind:"), "only for a word that names a kind");
    // In French, the filter as a French speaker types it, which lists them.
    partners::i18n::set(partners::i18n::Lang::Fr);
    let shown = common::screen(&app("médias", (120, 40), &[]));
    let listed = app("type:médias", (120, 40), &[]).results().len();
    partners::i18n::set(partners::i18n::Lang::En);
    assert!(shown.contains("· type:médias\u{a0}: tous les partenaires de ce type"), "{shown}");
    assert_eq!(listed, 2);
}

#[rstest]
fn all_but_one_word(
    #[values(partners::i18n::Lang::En, partners::i18n::Lang::Fr)] lang: partners::i18n::Lang,
) {
    // No partner has "innovantes": the list says so in its title, and each row the word its
    // partner lacks, where the kind stands.
    partners::i18n::set(lang);
    let app = app("soutien aux entreprises innovantes en nouvelle-aquitaine", (100, 12), &[]);
    let shown = draw(&app).backend().to_string();
    partners::i18n::set(partners::i18n::Lang::En);
    let (title, lacks) = match lang {
        partners::i18n::Lang::En => ("Partners: all words but one", "without “innovantes”"),
        partners::i18n::Lang::Fr => ("Partenaires : tous les mots sauf un", "sans « innovantes »"),
    };
    let shown = shown.replace('\u{a0}', " ");
    assert!(shown.contains(title) && shown.contains(lacks), "{shown}");
    assert!(shown.contains("Agence de Développement"), "{shown}");
}

#[test]
fn the_word_a_partner_lacks_stays_that_of_its_results_and_leaves_the_name_room() {
    // A long word lacked is cut; the name keeps most of the row.
    let long = "innovantesinnovantesinnovantesinnovantes";
    let app = app(&format!("soutien aux entreprises {long} en nouvelle-aquitaine"), (100, 12), &[]);
    let shown = draw(&app).backend().to_string();
    assert!(shown.contains("Agence de Développement et") && shown.contains('…'), "{shown}");
    // The word is read from the query the results were found for (the one typed may be
    // newer while a large dataset's search is on its way).
    let hit = app.results()[0];
    assert_eq!(app.lacked_word(&hit), Some(long));
}

#[rstest]
fn help_overlay(#[values(SIZES[0], SIZES[1], SIZES[2], SIZES[3])] size: (u16, u16)) {
    let app = app("", size, &[Action::OpenHelp]);
    insta::assert_snapshot!(name(size, "help"), draw(&app).backend());
}

#[rstest]
#[case((80, 24))]
#[case((50, 16))]
fn help_scrolled_to_the_end(#[case] size: (u16, u16)) {
    let mut actions = vec![Action::OpenHelp];
    actions.extend(vec![Action::HelpPageDown; 12]);
    let app = app("", size, &actions);
    assert!(app.help_scroll() > 0, "the help does not fit {size:?}");
    let end = partners::view::help::max_scroll(app.size(), app.help_lines());
    assert_eq!(app.help_scroll(), end, "PgDn reaches the end {size:?}");
    insta::assert_snapshot!(name(size, "help_end"), draw(&app).backend());
}

#[test]
fn narrow_detail_after_enter() {
    let app = app("ugap", (50, 16), &[Action::Open]);
    assert!(app.narrow_detail());
    insta::assert_snapshot!("narrow_detail_50x16", draw(&app).backend());
}

/// UGAP starred, met and with a two-line note.
fn marked_state() -> State {
    let marks = Marks {
        starred: true,
        met: true,
        note: Some("Met Anne at the Bordeaux fair.\nSend her the 2025 tender calendar.".into()),
        note_at: Some(1_795_649_101),
        ..Marks::default()
    };
    State { marks: BTreeMap::from([("ugap".to_owned(), marks)]), ..State::default() }
}

#[rstest]
#[case((80, 24))]
#[case((50, 16))]
fn note_editor_multiline(#[case] size: (u16, u16)) {
    let mut actions = vec![Action::EditNote, Action::NoteNewline];
    actions.extend("Ask about the green guide.".chars().map(Action::Insert));
    let app = app_with(bundled(), marked_state(), "ugap", size, &actions);
    insta::assert_snapshot!(name(size, "note_editor"), draw(&app).backend());
}

/// A note of long lines: it wraps, shows whole when the editor opens, the cursor at its end.
#[rstest]
#[case((120, 40))]
#[case((80, 24))]
#[case((40, 12))]
fn note_editor_wraps_long_lines(#[case] size: (u16, u16)) {
    let note = "Met Anne Dupont at the Bordeaux fair on Tuesday; she runs the purchasing of the \
                metropolis and wants examples of social clauses in cleaning contracts.\n\
                Send her the 2025 tender calendar and the guide on green procurement before \
                the end of the month.\nCall back in December.";
    let marks = Marks { note: Some(note.into()), note_at: Some(1_795_649_101), ..Marks::default() };
    let state = State { marks: BTreeMap::from([("ugap".to_owned(), marks)]), ..State::default() };
    let app = app_with(bundled(), state, "ugap", size, &[Action::EditNote]);
    insta::assert_snapshot!(name(size, "note_editor_wraps"), draw(&app).backend());
}

/// The detail of a partner with a note: the note under the title; a long pane says there is
/// more below, and once scrolled that there is more above.
#[rstest]
#[case((120, 40), 0)]
#[case((80, 24), 0)]
#[case((80, 24), 3)]
#[case((100, 30), 0)]
#[case((40, 12), 2)]
fn detail_with_note_and_scroll_marks(#[case] size: (u16, u16), #[case] scroll: usize) {
    let mut actions = vec![Action::Open];
    actions.extend(std::iter::repeat_n(Action::ScrollDown, scroll));
    let app = app_with(bundled(), marked_state(), "ugap", size, &actions);
    insta::assert_snapshot!(
        name(size, &format!("detail_note_scrolled_{scroll}")),
        draw(&app).backend()
    );
}

/// Esc on a note with unsaved changes: the editor stays and the status line asks.
#[test]
fn note_editor_asks_before_dropping_changes() {
    let mut actions = vec![Action::EditNote];
    actions.extend("Call back".chars().map(Action::Insert));
    actions.push(Action::CancelNote);
    let app = app_with(bundled(), marked_state(), "ugap", (80, 24), &actions);
    insta::assert_snapshot!("note_editor_asks_80x24", draw(&app).backend());
}

/// The same question where the status line cannot hold it: in a box of its own, whole, and
/// instead of "too small" on a screen too small for the browser.
#[test]
fn the_note_question_is_whole_on_any_screen() {
    for (width, height) in [(60, 20), (40, 12), (30, 8), (20, 6), (16, 4)] {
        // Written on a larger screen, then made smaller; Ctrl-C quits, and asks first.
        let mut actions = vec![Action::EditNote];
        actions.extend("Call back".chars().map(Action::Insert));
        actions.extend([Action::Resize { width, height }, Action::Quit]);
        let app = app_with(bundled(), marked_state(), "ugap", (80, 24), &actions);
        let size = (width, height);
        let terminal = draw(&app);
        let shown: String = terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .map(ratatui::buffer::Cell::symbol)
            .filter(|symbol| !matches!(*symbol, "│" | "─" | "┌" | "┐" | "└" | "┘"))
            .collect::<String>()
            .split_whitespace()
            .collect();
        for said in ["Unsavednote", "Ctrl-Ssave", "discard", "keepwriting"] {
            assert!(shown.contains(said), "{size:?}: {said} in\n{}", terminal.backend());
        }
    }
}

/// Where the question is wrapped, each answer stays on one line: a key never ends a line
/// with what it does on the next ("· d" above "discard").
#[rstest]
fn the_note_question_never_parts_a_key_from_its_answer(
    #[values((60, 20), (50, 14), (40, 12), (30, 8))] size: (u16, u16),
    #[values(partners::i18n::Lang::En, partners::i18n::Lang::Fr)] lang: partners::i18n::Lang,
) {
    let mut actions = vec![Action::EditNote];
    actions.extend("Call back".chars().map(Action::Insert));
    actions.extend([Action::Resize { width: size.0, height: size.1 }, Action::Quit]);
    partners::i18n::set(lang);
    let app = app_with(bundled(), marked_state(), "ugap", (80, 24), &actions);
    let shown = rows(draw(&app).backend().buffer()).join("\n").replace('\u{a0}', " ");
    partners::i18n::set(partners::i18n::Lang::En);
    let answers: &[&str] = match lang {
        partners::i18n::Lang::En => &["Ctrl-S save", "d discard", "Esc keep writing"],
        partners::i18n::Lang::Fr => &["Ctrl-S enregistrer", "d abandonner", "Échap continuer"],
    };
    for answer in answers {
        assert!(shown.contains(answer), "{size:?}: {answer:?} on one line in\n{shown}");
    }
}

#[rstest]
#[case("kinds", 0)]
#[case("scopes", 1)]
#[case("topics", 2)]
#[case("network", 3)]
fn overview_tabs(#[case] tab: &str, #[case] next_tabs: usize) {
    let mut actions = vec![Action::OpenOverview];
    actions.extend(std::iter::repeat_n(Action::NextTab, next_tabs));
    let app = app("", (80, 24), &actions);
    insta::assert_snapshot!(format!("overview_{tab}_80x24"), draw(&app).backend());
}

/// The topics tab at 120x40 with the third row chosen, and at 40x12 where it scrolls: counts
/// right-aligned, every bar starting in one column.
#[rstest]
#[case((120, 40), 2)]
#[case((40, 12), 12)]
fn overview_topics_chosen_row(#[case] size: (u16, u16), #[case] row: usize) {
    let mut actions = vec![Action::OpenOverview, Action::NextTab, Action::NextTab];
    actions.extend(std::iter::repeat_n(Action::NextRow, row));
    let app = app("", size, &actions);
    insta::assert_snapshot!(name(size, "overview_topics_chosen"), draw(&app).backend());
}

/// On a narrow screen (40x12, and the smallest drawn, 30x8) every tab's title is whole, in
/// either language, whichever tab is chosen and with rows hidden above (the ↑ mark beside).
#[rstest]
fn overview_tabs_fit_a_narrow_screen(
    #[values((40, 12), (30, 8))] size: (u16, u16),
    #[values(partners::i18n::Lang::En, partners::i18n::Lang::Fr)] lang: partners::i18n::Lang,
    #[values(0, 3)] tab: usize,
    #[values(0, 9)] row: usize,
) {
    let mut actions = vec![Action::OpenOverview];
    actions.extend(std::iter::repeat_n(Action::NextTab, tab));
    actions.extend(std::iter::repeat_n(Action::NextRow, row));
    partners::i18n::set(lang);
    let app = app("", size, &actions);
    let first = rows(draw(&app).backend().buffer()).remove(0);
    let titles: Vec<&str> = OverviewTab::ALL.iter().map(|t| t.short_title()).collect();
    partners::i18n::set(partners::i18n::Lang::En);
    for title in titles {
        assert!(first.contains(title), "{title:?} cut in {first:?}");
    }
    assert_eq!(first.contains('↑'), row == 9, "{first:?}");
}

/// Enter on an outside organisation in the network tab: the overview stays, and the status
/// line under it says why.
#[test]
fn overview_network_outside_row_says_why() {
    let probe = app("", (80, 24), &[]);
    let rows = partners::view::overview::rows(
        probe.catalog(),
        partners::view::overview::OverviewTab::Network,
    );
    let outside = rows
        .iter()
        .position(|r| r.action == partners::view::overview::RowAction::None)
        .expect("the network has an outside organisation");
    let mut actions = vec![Action::OpenOverview, Action::PreviousTab];
    actions.extend(std::iter::repeat_n(Action::NextRow, outside));
    actions.push(Action::ApplyRow);
    let app = app("", (80, 24), &actions);
    assert!(app.overlay().is_some());
    insta::assert_snapshot!("overview_network_outside_80x24", draw(&app).backend());
}

#[rstest]
#[case((120, 40))]
#[case((80, 24))]
fn marked_partner_in_list_and_detail(#[case] size: (u16, u16)) {
    let app =
        app_with(bundled(), marked_state(), "", size, &[Action::Insert('u'), Action::Insert('g')]);
    let ugap = app.catalog().position("ugap");
    assert_eq!(app.selected_partner(), ugap, "typing 'ug' selects UGAP first");
    insta::assert_snapshot!(name(size, "marked"), draw(&app).backend());
}

#[test]
fn marked_partner_narrow_detail() {
    let app = app_with(bundled(), marked_state(), "ugap", (50, 16), &[Action::Open]);
    let mut app = app;
    // Scroll to the end: the similar partners close the detail.
    for _ in 0..40 {
        app.update(Action::ScrollDown);
    }
    insta::assert_snapshot!("marked_narrow_detail_end_50x16", draw(&app).backend());
}

#[test]
fn every_size_renders_without_panic() {
    let widths = [1, 2, 5, 10, 19, 20, 29, 30, 31, 45, 59, 60, 61, 80, 99, 100, 101, 150, 300];
    let heights = [1, 2, 3, 5, 7, 8, 9, 12, 19, 20, 21, 24, 40, 100];
    let screens: [&[Action]; 6] = [
        &[],
        &[Action::Open, Action::ScrollPageDown],
        &[Action::OpenHelp, Action::HelpPageDown],
        &[Action::OpenOverview],
        &[Action::OpenOverview, Action::PreviousTab, Action::RowPageDown],
        &[Action::EditNote, Action::Insert('x'), Action::NoteNewline],
    ];
    for actions in screens {
        for query in ["", "bordeaux", "zzzz", "kind:"] {
            // One app per screen, resized through every size as a terminal would be.
            let mut app = app(query, (80, 24), actions);
            for &width in &widths {
                for &height in &heights {
                    app.update(Action::Resize { width, height });
                    draw(&app);
                    // The terminal may have changed size before the app heard of it.
                    draw_at(&app, width / 2 + 1, height.saturating_mul(2).min(200));
                }
            }
        }
    }
}

fn wide_catalog() -> Catalog {
    let mut seoul = partner(
        "seoul",
        "서울특별시 사회적경제지원센터 🌏 Seoul Social Economy Center",
        "한국의 사회적경제 🤝 네트워크를 지원합니다。日本語の説明もあります 🎌🎌🎌.",
    );
    seoul.acronym = Some("社経".to_owned());
    seoul.location = Some("서울 🇰🇷".to_owned());
    seoul.relations = vec![Relation {
        kind: RelationKind::MemberOf,
        target: Some("tokyo".to_owned()),
        name: None,
        note: Some("東京と提携 🤝".to_owned()),
    }];
    let tokyo = partner("tokyo", "東京都 🗼 中小企業振興公社", "東京の中小企業を支援する公社 🏢。");
    let emoji = partner("emoji", "👩‍👩‍👧 Family 🎉 Network", "Zero-width joiners: 👩‍👩‍👧 and flags 🇫🇷🇰🇷.");
    Catalog::from_partners(vec![seoul, tokyo, emoji], vec![Source::Bundled], Vec::new())
}

#[test]
fn wide_characters_keep_the_right_border_aligned() {
    for (width, height) in [(120, 40), (100, 30), (80, 24), (61, 20), (50, 16), (40, 10), (31, 8)] {
        for query in ["", "서울", "東京", "family"] {
            for actions in [&[][..], &[Action::Open], &[Action::ToggleFocus, Action::NextLink]] {
                let app =
                    app_with(wide_catalog(), State::default(), query, (width, height), actions);
                let terminal = draw(&app);
                let buffer = terminal.backend().buffer();
                for (y, row) in rows(buffer).iter().enumerate() {
                    assert_eq!(
                        row.width(),
                        usize::from(width),
                        "row {y} at {width}x{height}, query {query:?}, is {} columns wide:\n{row}",
                        row.width()
                    );
                }
                // Every body row ends with a border.
                for (y, row) in
                    rows(buffer).iter().enumerate().skip(1).take(usize::from(height) - 2)
                {
                    let last = row.chars().last();
                    assert!(
                        matches!(last, Some('│' | '┐' | '┘')),
                        "row {y} at {width}x{height}, query {query:?}, does not end with a border:\n{}",
                        terminal.backend()
                    );
                }
            }
        }
    }
}

#[rstest]
#[case("", (80, 24))]
#[case("서울", (120, 40))]
#[case("family", (50, 16))]
fn wide_characters(#[case] query: &str, #[case] size: (u16, u16)) {
    let app = app_with(wide_catalog(), State::default(), query, size, &[Action::Open]);
    let name = name(size, &format!("wide_{}", if query.is_empty() { "all" } else { "query" }));
    insta::assert_snapshot!(name, draw(&app).backend());
}

#[test]
fn control_characters_in_a_note_never_reach_the_buffer() {
    let marks = Marks {
        note: Some("evil \u{1b}[31mred\u{7} bell\r\nsecond\tline \u{202e}bidi \u{9b}csi".into()),
        ..Marks::default()
    };
    let state = State { marks: BTreeMap::from([("ugap".to_owned(), marks)]), ..State::default() };
    // The note stands under the title: shown unscrolled; scrolled, the rest is checked.
    let screens: [(&[Action], bool); 3] = [
        (&[Action::Open], true),
        (&[Action::Open, Action::ScrollPageDown, Action::ScrollPageDown], false),
        (&[Action::EditNote], true),
    ];
    for size in [(120, 40), (80, 24), (50, 16)] {
        for (actions, note_in_view) in screens {
            let app = app_with(bundled(), state.clone(), "ugap", size, actions);
            let terminal = draw(&app);
            let buffer = terminal.backend().buffer();
            let text: String = buffer.content.iter().map(ratatui::buffer::Cell::symbol).collect();
            assert!(
                !text.chars().any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
                "a control character reached the buffer at {size:?} after {actions:?}:\n{}",
                terminal.backend()
            );
            assert!(
                !note_in_view || text.contains("bell") || text.contains("evil"),
                "the note is shown:\n{}",
                terminal.backend()
            );
        }
    }
}

/// The main screens in French: every word of the interface translated, the data as written.
#[rstest]
#[case::first_screen("first_screen", "", (120, 40), vec![])]
#[case::query("query", "bordeaux", (80, 24), vec![])]
#[case::detail("detail", "ugap", (120, 40), vec![Action::Open])]
#[case::no_match("no_match", "zzzz", (80, 24), vec![])]
#[case::query_error("query_error", "kind:zzz", (80, 24), vec![])]
#[case::help("help", "", (80, 24), vec![Action::OpenHelp])]
#[case::detail_scrolled("detail_scrolled", "ugap", (80, 24), vec![Action::Open, Action::ScrollDown])]
#[case::note_wraps("note_wraps", "ugap", (40, 12), vec![Action::EditNote, Action::CursorHome])]
#[case::overview("overview", "", (80, 24), vec![Action::OpenOverview])]
#[case::network("network", "", (80, 24), vec![Action::OpenOverview, Action::PreviousTab])]
#[case::note("note", "ugap", (80, 24), vec![Action::EditNote, Action::Insert('x'), Action::CancelNote])]
#[case::too_small("too_small", "", (20, 6), vec![])]
fn french_screens(
    #[case] name: &str,
    #[case] query: &str,
    #[case] size: (u16, u16),
    #[case] actions: Vec<Action>,
) {
    partners::i18n::set(partners::i18n::Lang::Fr);
    let app = app_with(bundled(), marked_state(), query, size, &actions);
    let terminal = draw(&app);
    partners::i18n::set(partners::i18n::Lang::En);
    insta::assert_snapshot!(format!("fr_{name}_{}x{}", size.0, size.1), terminal.backend());
}

/// Every screen in colour, both themes: no visible character is drawn in a colour that
/// vanishes on the theme's background (grey or white on a light terminal, black on a dark
/// one), where the cell keeps the terminal's own background.
#[rstest]
fn colours_keep_their_contrast(
    #[values(ThemeName::Light, ThemeName::Dark)] name: ThemeName,
    #[values(0, 1, 2, 3, 4, 5)] screen: usize,
) {
    let screens: [&[Action]; 6] = [
        &[],
        &[Action::ToggleFocus, Action::NextLink],
        &[Action::OpenHelp],
        &[Action::OpenOverview],
        &[Action::OpenOverview, Action::PreviousTab, Action::NextRow],
        &[Action::EditNote],
    ];
    let low: &[Color] = match name {
        ThemeName::Light => &[Color::Gray, Color::White, Color::LightYellow, Color::LightCyan],
        ThemeName::Dark => &[Color::Black, Color::Blue],
    };
    let theme = Theme::new(name, ColorDepth::TrueColor);
    let app = app_with(bundled(), marked_state(), "ugap", (120, 40), screens[screen]);
    let terminal = common::draw_themed(&app, &theme);
    let buffer = terminal.backend().buffer();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            if cell.symbol().trim().is_empty() || cell.bg != Color::Reset {
                continue;
            }
            assert!(
                !low.contains(&cell.fg),
                "{name:?}: {:?} drawn in {:?} at ({x}, {y}) on screen {screen}:\n{}",
                cell.symbol(),
                cell.fg,
                terminal.backend()
            );
        }
    }
}

/// A long name whose match is past the cut: the start is dropped so the match shows.
#[rstest]
#[case((100, 30))]
#[case((60, 20))]
fn a_cut_name_keeps_its_match_in_view(#[case] size: (u16, u16)) {
    let actions: Vec<Action> = "aquitaine".chars().map(Action::Insert).collect();
    let app = app("", size, &actions);
    let terminal = draw(&app);
    let shown = format!(
        "{}\nhighlighted:\n{}",
        terminal.backend(),
        highlights(terminal.backend().buffer())
    );
    insta::assert_snapshot!(name(size, "match_in_view"), shown);
}

/// A long filter query on a narrow screen: the count and the text at the cursor stay; the
/// filter summary shrinks or goes.
#[rstest]
#[case::end("end", (60, 20), vec![])]
#[case::home("home", (60, 20), vec![Action::CursorHome])]
#[case::short("short", (60, 20), vec![Action::DeleteWord, Action::DeleteWord])]
#[case::wide("wide", (120, 40), vec![])]
fn search_line_with_filters(
    #[case] name: &str,
    #[case] size: (u16, u16),
    #[case] then: Vec<Action>,
) {
    let query = "kind:professional-association topic:procurement scope:regional achat";
    let mut actions: Vec<Action> = query.chars().map(Action::Insert).collect();
    actions.extend(then);
    let app = app("", size, &actions);
    let terminal = draw(&app);
    let first = rows(terminal.backend().buffer()).remove(0);
    let count = format!("{}/{}", app.results().len(), app.catalog().partners().len());
    assert!(first.contains(&count), "the count shows: {first}");
    insta::assert_snapshot!(
        format!("search_line_{name}_{}x{}", size.0, size.1),
        format!("{first}\ncursor at {:?}", terminal.backend().cursor_position())
    );
}

/// The filter summary shows alternatives with their `|`: two filters joined by it are either,
/// not both, and a filter that is an alternative to a word does not filter the list alone.
#[rstest]
#[case("kind:media | kind:programme", "[kind:media | kind:programme]")]
#[case("ugap | kind:media", "[ugap | kind:media]")]
#[case(
    "kind:media | kind:programme !weka scope:national",
    "[kind:media | kind:programme scope:national]"
)]
#[case("bordeaux kind:pub", "[kind:pub]")]
// Grouped as the search groups them: a word that is no term (`kind:`) is left out there.
#[case("ugap | kind: | kind:media", "[ugap | kind:media]")]
fn filter_summary_keeps_alternatives(#[case] query: &str, #[case] summary: &str) {
    let actions: Vec<Action> = query.chars().map(Action::Insert).collect();
    let app = app("", (120, 40), &actions);
    let first = rows(draw(&app).backend().buffer()).remove(0);
    assert!(first.contains(&format!("{summary} ")), "{first}");
}

/// A partner whose entry states no relation: the detail ends with partners like it, labelled
/// as similar, the first one chosen.
#[rstest]
#[case((120, 40), partners::i18n::Lang::En)]
#[case((80, 24), partners::i18n::Lang::En)]
#[case((120, 40), partners::i18n::Lang::Fr)]
fn similar_partners_end_the_detail(#[case] size: (u16, u16), #[case] lang: partners::i18n::Lang) {
    partners::i18n::set(lang);
    let mut app = app("achatpublic", size, &[Action::Open, Action::NextLink]);
    assert!(app.detail().link_count() > 0, "similar partners are listed");
    for _ in 0..40 {
        app.update(Action::ScrollDown);
    }
    let terminal = draw(&app);
    partners::i18n::set(partners::i18n::Lang::En);
    let prefix = if lang == partners::i18n::Lang::Fr { "fr_" } else { "" };
    insta::assert_snapshot!(name(size, &format!("{prefix}similar")), terminal.backend());
}

/// A section's title is wrapped, never cut, on a narrow screen, in French too.
#[test]
fn section_titles_are_whole_on_a_narrow_screen() {
    partners::i18n::set(partners::i18n::Lang::Fr);
    let app = app("achatpublic", (40, 12), &[Action::Open]);
    let title = partners::i18n::s().similar;
    partners::i18n::set(partners::i18n::Lang::En);
    let rows = common::detail_rows(&app);
    let squeezed = |text: &str| text.split_whitespace().collect::<String>();
    let shown: String = rows.iter().map(|row| squeezed(row)).collect();
    assert!(shown.contains(&squeezed(title)), "{title} in {rows:#?}");
    assert!(rows.iter().all(|row| UnicodeWidthStr::width(row.as_str()) <= 40), "{rows:#?}");
}

/// The status line after Alt-c, each way the card can go, in both languages.
#[rstest]
#[case("program", partners::clipboard::CopyWay::Program("wl-copy".into()))]
#[case("tmux", partners::clipboard::CopyWay::Terminal {
    via: Some(partners::clipboard::Multiplexer::Tmux),
    cut: false,
})]
#[case("cut", partners::clipboard::CopyWay::Terminal { via: None, cut: true })]
fn copied_status(
    #[case] name: &str,
    #[case] way: partners::clipboard::CopyWay,
    #[values(partners::i18n::Lang::En, partners::i18n::Lang::Fr)] lang: partners::i18n::Lang,
) {
    partners::i18n::set(lang);
    let copied = Action::Copied { name: "GSEF".into(), way };
    let app = app("gsef", (80, 24), &[copied]);
    let last = rows(draw(&app).backend().buffer()).pop().unwrap_or_default();
    partners::i18n::set(partners::i18n::Lang::En);
    insta::assert_snapshot!(format!("copied_{name}_{lang:?}_80x24"), last);
}

/// `partners serach ugap`: the browser opens on that query (it may be one), and the status
/// line says, as a hint and not an error, which command it looks like, in both languages.
#[rstest]
fn a_mistyped_command_is_hinted_on_the_status_line(
    #[values(partners::i18n::Lang::En, partners::i18n::Lang::Fr)] lang: partners::i18n::Lang,
) {
    partners::i18n::set(lang);
    let query = ["serach".to_owned(), "ugap".to_owned()];
    let hint = partners::cli::mistyped_command(&query).expect("serach looks like search");
    let mut app = app("serach ugap", (100, 20), &[]);
    app.hint_at_start(hint);
    let terminal = draw(&app);
    partners::i18n::set(partners::i18n::Lang::En);
    assert!(app.status().is_some_and(|s| !s.error), "{:?}", app.status());
    insta::assert_snapshot!(format!("mistyped_command_{lang:?}_100x20"), terminal.backend());
}

/// The sizes the screens were tried at: the list, the detail and the help.
#[rstest]
fn screens_at_the_sizes_tried(
    #[values((100, 30), (60, 20), (40, 12))] size: (u16, u16),
    #[values("list", "detail", "help")] screen: &str,
) {
    let actions = match screen {
        "detail" => vec![Action::Open],
        "help" => vec![Action::OpenHelp],
        _ => vec![],
    };
    let app = app_with(bundled(), marked_state(), "bordeaux", size, &actions);
    insta::assert_snapshot!(name(size, &format!("tried_{screen}")), draw(&app).backend());
}

/// A description of megabytes is laid out up to 1 MiB, then says how much is left and how to
/// print it whole: selecting that partner never waits on laying out the rest.
#[test]
fn a_huge_description_is_shown_in_part() {
    let long = "word ".repeat(600_000); // 3 MB
    let catalog =
        Catalog::from_partners(vec![partner("big", "Big", &long)], Vec::new(), Vec::new());
    let app = app_with(catalog, State::default(), "word", (100, 30), &[]);
    let text = common::detail_rows(&app);
    let shown: usize = text.iter().filter(|l| l.starts_with("word")).map(String::len).sum();
    assert!(shown < 1_100_000, "{shown} bytes laid out");
    let tail = text[text.len().saturating_sub(4)..].join(" ");
    let left = 3_000_000 - partners::text::SHOWN_MAX;
    let said =
        format!("… characters left out: {left}; `partners show big` prints the whole description");
    assert!(tail.split_whitespace().collect::<Vec<_>>().join(" ").contains(&said), "{tail}");
    // The highlights stop where the text shown does.
    draw(&app);
    // Scrolled to its end: the last line laid out, then how much is left.
    let mut app = app;
    app.update(Action::ToggleFocus);
    app.update(Action::DetailBottom);
    let screen = rows(draw(&app).backend().buffer());
    let inside = &screen[screen.len() - 6..screen.len() - 2];
    assert!(inside.iter().any(|row| row.contains("│word word")), "{screen:#?}");
    assert!(inside.iter().any(|row| row.contains("characters left out")), "{screen:#?}");
}

/// Emoji built of several characters and invisible characters in the query: the line is drawn
/// (it panicked when cleaning dropped characters before the cursor), and the cursor stands
/// right after what was typed, measured as drawn: a skin-toned thumb or a heart with its
/// variation selector is one wide character.
#[rstest]
#[case::joined("c👩\u{200d}💻", 3)]
#[case::zero_width_space("ugap\u{200b}", 4)]
#[case::skin_tone("a👍🏽b", 4)]
#[case::heart("❤\u{fe0f}c", 3)]
#[case::bidi_mark_shown_replaced("\u{200f}x", 2)]
fn the_cursor_follows_what_is_drawn_of_the_query(#[case] query: &str, #[case] columns: u16) {
    let actions: Vec<Action> = query.chars().map(Action::Insert).collect();
    for size in [(100, 30), (20, 6), (30, 8)] {
        let app = app("", size, &actions);
        let terminal = draw(&app);
        let ratatui::layout::Position { x, y } = terminal.backend().cursor_position();
        if size != (20, 6) {
            assert_eq!((x, y), (2 + columns, 0), "{query:?} at {size:?}");
        }
    }
    // The query's cursor at the end of a long query of them, scrolled: still on the screen.
    let long: Vec<Action> = query.repeat(40).chars().map(Action::Insert).collect();
    let app = app("", (40, 12), &long);
    let terminal = draw(&app);
    let x = terminal.backend().cursor_position().x;
    assert!(x < 40, "{query:?}: cursor at {x}");
}

/// A key the configuration takes from an action (here Ctrl-S, given to moving to the start
/// of the line) leaves that action unoffered: the note editor's title and the hints name no
/// empty key.
#[test]
fn an_action_left_without_a_key_is_not_offered() {
    let config = partners::config::Config::parse(
        "[keys]\ncursor-home = [\"ctrl-s\"]\n",
        std::path::Path::new("config.toml"),
    )
    .expect("reads");
    let mut app = app_with(bundled(), State::default(), "ugap", (100, 30), &[]);
    app.set_bindings(config.bindings());
    app.update(Action::EditNote);
    let shown = rows(draw(&app).backend().buffer()).join("\n");
    assert!(shown.contains("Note on UGAP — Esc close"), "{shown}");
    assert!(!shown.contains("  save") && !shown.contains("· save"), "{shown}");
}

/// Esc bound to discarding (`discard-note = ["esc"]`) takes the key that keeps writing in
/// the question about an unsaved note: another is offered in its place, in English and
/// French, and does keep writing; so on while the user's keys take the spare ones too.
#[test]
fn the_note_question_keeps_a_key_to_keep_writing_when_esc_discards() {
    use crossterm::event::{KeyCode, KeyModifiers};
    use partners::app::Overlay;
    use partners::i18n::Lang;
    for (keys, spare) in [("[\"esc\"]", 'c'), ("[\"esc\", \"c\"]", 'a')] {
        let text = format!("[keys]\ndiscard-note = {keys}\n");
        let config = partners::config::Config::parse(&text, std::path::Path::new("config.toml"))
            .expect("reads");
        let mut app = app_with(bundled(), State::default(), "ugap", (100, 30), &[]);
        app.set_bindings(config.bindings());
        app.update(Action::EditNote);
        for c in "Call back".chars() {
            app.update(Action::Insert(c));
        }
        // Esc cancels, which asks first.
        common::press(&mut app, KeyCode::Esc, KeyModifiers::NONE);
        let asking =
            |app: &App| matches!(app.overlay(), Some(Overlay::Note(e)) if e.asking.is_some());
        assert!(asking(&app), "{keys}");
        let status =
            |app: &App| rows(draw(app).backend().buffer()).join("\n").replace('\u{a0}', " ");
        for (lang, said) in [(Lang::En, "keep writing"), (Lang::Fr, "continuer")] {
            partners::i18n::set(lang);
            let shown = status(&app);
            partners::i18n::set(Lang::En);
            assert!(shown.contains(&format!("{spare} {said}")), "{keys} {lang:?}:\n{shown}");
        }
        common::press(&mut app, KeyCode::Char(spare), KeyModifiers::NONE);
        assert!(!app.should_quit() && !asking(&app), "{keys}");
        match app.overlay() {
            Some(Overlay::Note(editor)) => assert_eq!(editor.text(), "Call back", "{keys}"),
            other => panic!("{keys}: the editor closed: {other:?}"),
        }
    }
}

/// Esc given to quit (`quit = ["esc"]`) quits from the list, but in the note editor it keeps
/// the editor's meaning: it closes an unchanged note, asks before throwing away unsaved text,
/// and in that question keeps writing; the editor's title and hints say so.
#[test]
fn esc_given_to_quit_still_leaves_the_note_editor() {
    use crossterm::event::{KeyCode, KeyModifiers};
    use partners::app::Overlay;
    let config = partners::config::Config::parse(
        "[keys]\nquit = [\"esc\"]\n",
        std::path::Path::new("config.toml"),
    )
    .expect("reads");
    let mut app = app_with(bundled(), State::default(), "ugap", (100, 30), &[]);
    app.set_bindings(config.bindings());
    let esc = |app: &mut App| common::press(app, KeyCode::Esc, KeyModifiers::NONE);
    let asking = |app: &App| matches!(app.overlay(), Some(Overlay::Note(e)) if e.asking.is_some());
    app.update(Action::EditNote);
    esc(&mut app);
    assert!(app.overlay().is_none() && !app.should_quit(), "an unchanged note just closes");
    app.update(Action::EditNote);
    common::typed(&mut app, "Call back");
    let shown = rows(draw(&app).backend().buffer()).join("\n");
    assert!(shown.contains("Note on UGAP — Ctrl-S save, Esc close"), "{shown}");
    assert!(shown.contains("Esc cancel"), "{shown}");
    esc(&mut app);
    assert!(asking(&app) && !app.should_quit(), "unsaved text: asks");
    let shown = rows(draw(&app).backend().buffer()).join("\n").replace('\u{a0}', " ");
    assert!(shown.contains("Esc keep writing"), "{shown}");
    esc(&mut app);
    assert!(!asking(&app) && !app.should_quit(), "keeps writing");
    match app.overlay() {
        Some(Overlay::Note(editor)) => assert_eq!(editor.text(), "Call back"),
        other => panic!("the editor closed: {other:?}"),
    }
    esc(&mut app);
    common::press(&mut app, KeyCode::Char('d'), KeyModifiers::NONE);
    assert!(app.overlay().is_none() && !app.should_quit(), "discarded, back in the list");
    esc(&mut app);
    assert!(app.should_quit(), "in the list Esc quits");
}

/// The help shows the warnings of the start whole: on a narrow screen (40x12) they wrap
/// within the help's box, and read by scrolling, a skipped file's every problem and fix is
/// there, in order, nothing cut (not even its long path, broken where it must be).
#[test]
fn warnings_in_the_help_wrap_and_lose_nothing_at_40x12() {
    let file = std::path::Path::new("/home/anne/partners/datasets/salon-bordeaux-2025.ron");
    let partner = |id: &str| {
        format!("  (id: \"{id}\", name: \"\", kind: Media, scope: National, description: \"x\"),\n")
    };
    let text = format!("(partners: [\n{}{}])", partner("first-one"), partner("second-one"));
    let error = partners::dataset::parse(&text, file).expect_err("two empty names");
    let warning = partners::catalog::Warning::Skipped(error);
    let skipped = partners::i18n::s().loading_skipped;
    let whole = warning.said(skipped);
    assert!(whole.lines().count() >= 4, "two problems, each with its fix: {whole}");
    let mut app = app("", (40, 12), &[]);
    app.warn_at_start_whole([(warning.one_line(skipped), whole.clone())]);
    app.update(Action::OpenHelp);
    insta::assert_snapshot!("help_warnings_40x12", draw(&app).backend());
    // Each scroll brings one line up to the box's top row: those rows, then the last screen.
    let inside = |app: &App| -> Vec<String> {
        let buffer = draw(app).backend().buffer().clone();
        let rows = rows(&buffer);
        let top = rows.iter().position(|r| r.contains('┌')).expect("the help's box");
        let bottom = rows.iter().rposition(|r| r.contains('└')).expect("the help's box");
        rows[top + 1..bottom]
            .iter()
            .map(|row| {
                let inner: String = row.chars().skip_while(|&c| c != '│').skip(1).collect();
                inner.trim_end().trim_end_matches('│').trim().to_owned()
            })
            .collect()
    };
    let mut read = Vec::new();
    let mut last = inside(&app);
    for _ in 0..200 {
        read.push(last[0].clone());
        let before = app.help_scroll();
        app.update(Action::HelpDown);
        if app.help_scroll() == before {
            break;
        }
        last = inside(&app);
    }
    read.extend(last.into_iter().skip(1));
    let end = read.iter().position(String::is_empty).expect("a blank line after the warnings");
    let shown: String = read[1..end].concat().split_whitespace().collect();
    let said: String = partners::text::clean_multiline(&whole).split_whitespace().collect();
    assert_eq!(shown, said, "the help shows:\n{}", read[..end].join("\n"));
}
