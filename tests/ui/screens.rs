//! The list, the detail, the help and the overview at the usual sizes, and the marks.

use partners::action::Action;
use partners::view::overview::OverviewTab;
use rstest::rstest;

use super::common::{self, app_with, bundled, draw};
use super::{SIZES, app, highlights, marked_state, name, rows};

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
    // The word is shown as typed, not as the search folds it.
    let app = app("soutien aux entreprises Innovantés en nouvelle-aquitaine", (100, 12), &[]);
    let shown = draw(&app).backend().to_string();
    partners::i18n::set(partners::i18n::Lang::En);
    let (title, lacks) = match lang {
        partners::i18n::Lang::En => ("Partners: all words but one", "without “Innovantés”"),
        partners::i18n::Lang::Fr => ("Partenaires : tous les mots sauf un", "sans « Innovantés »"),
    };
    let shown = shown.replace('\u{a0}', " ");
    assert!(shown.contains(title) && shown.contains(lacks), "{shown}");
    assert!(shown.contains("Agence de Développement"), "{shown}");
}

/// The list keeps its rows' highlights from one frame to the next, and makes them again for
/// new results: a partner found by one query and then by another is marked where the second
/// matches it.
#[test]
fn the_list_marks_what_the_newest_results_were_found_for() {
    let mut app = app("bordeaux", (100, 20), &[]);
    let first = highlights(draw(&app).backend().buffer());
    assert!(first.contains("Bordeaux") && !first.contains("Métropole"), "{first}");
    app.update(Action::DeleteToStart);
    for ch in "metropole".chars() {
        app.update(Action::Insert(ch));
    }
    let then = highlights(draw(&app).backend().buffer());
    assert!(then.contains("Métropole") && !then.contains("Bordeaux"), "{then}");
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

/// Two partners of one name and acronym (`cci-nord`, `cci-sud`) and one of a name of its own.
fn named_alike() -> partners::catalog::Catalog {
    let dataset = r#"(partners: [
        (id: "cci-nord", name: "Chambre de commerce et d'industrie", acronym: "CCI",
         kind: PublicBody, scope: National, description: "One."),
        (id: "cci-sud", name: "Chambre de Commerce et d'Industrie ", acronym: "CCI",
         kind: PublicBody, scope: National, description: "Two."),
        (id: "cma", name: "Chambre de métiers", kind: PublicBody, scope: National,
         description: "Three."),
    ])"#;
    let path = std::path::Path::new("alike.ron");
    let dataset = partners::dataset::parse(dataset, path).expect("the dataset parses");
    let sources = Vec::<partners::catalog::Source>::new();
    partners::catalog::Catalog::from_partners(dataset.partners, sources, Vec::new())
}

/// The list's rows of partners named alike end with their ids (dim), so that they do not
/// read alike; a name of its own has none.
#[rstest]
fn partners_named_alike_show_their_ids(#[values(SIZES[0], SIZES[1], SIZES[2])] size: (u16, u16)) {
    let app = app_with(named_alike(), partners::store::State::default(), "chambre", size, &[]);
    insta::assert_snapshot!(name(size, "named_alike"), draw(&app).backend());
}

/// At every width the browser draws, the rows of partners named alike differ.
#[test]
fn partners_named_alike_differ_at_every_width() {
    for width in 30..=160 {
        let size = (width, 24);
        let app = app_with(named_alike(), partners::store::State::default(), "", size, &[]);
        let buffer = draw(&app).backend().buffer().clone();
        let list = app.areas().list;
        let row = |y: u16| -> String {
            (list.x + 1..list.x + list.width - 1).map(|x| buffer[(x, y)].symbol()).collect()
        };
        let rows: Vec<String> = (list.y + 1..list.y + 4).map(row).collect();
        assert!(rows.iter().all(|r| r.contains("Chambre")), "{width}: {rows:#?}");
        assert_ne!(rows[0], rows[1], "{width}");
        assert!(!rows[2].contains("cma"), "{width}: {rows:#?}");
        for (row, end) in rows.iter().zip(["nord", "sud"]) {
            assert!(row.trim_end().contains(end), "{width}: {row:?}");
        }
    }
}
