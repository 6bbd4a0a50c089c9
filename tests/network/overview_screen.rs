//! The overview: bars that count every partner and filter the list, network rows that are
//! followed and gone back from, and the clicks and the wheel that choose them.

use super::*;

fn open_overview(app: &mut App, tab: OverviewTab, row: usize) {
    press(app, KeyCode::F(2), KeyModifiers::NONE);
    while !matches!(app.overlay(), Some(Overlay::Overview { tab: t, .. }) if *t == tab) {
        press(app, KeyCode::Tab, KeyModifiers::NONE);
    }
    for _ in 0..row {
        press(app, KeyCode::Down, KeyModifiers::NONE);
    }
    assert!(
        matches!(app.overlay(), Some(Overlay::Overview { selected, .. }) if *selected == row),
        "row {row} of {tab:?} is chosen"
    );
}

#[test]
fn overview_enter_on_a_kind_filters_the_list() {
    let probe = browser(bundled(), (80, 24));
    let rows = overview::rows(probe.catalog(), OverviewTab::Kinds);
    assert!(rows.len() > 3);
    for (i, row) in rows.iter().enumerate() {
        let mut app = browser(bundled(), (80, 24));
        typed(&mut app, "something");
        open_overview(&mut app, OverviewTab::Kinds, i);
        press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
        assert!(app.overlay().is_none(), "Enter closes the overview");
        let kind = Kind::ALL.iter().find(|k| k.label() == row.label).expect("a kind's label");
        let expected = format!("kind:{} ", kind.slug());
        assert_eq!(app.query(), expected);
        assert_eq!(app.cursor(), expected.chars().count());
        assert_eq!(row.action, RowAction::Filter(format!("kind:{}", kind.slug())));
        let kinds: Vec<Kind> = app
            .results()
            .all()
            .iter()
            .filter_map(|h| app.catalog().get(h.index))
            .map(|p| p.kind)
            .collect();
        assert_eq!(kinds.len() as u64, row.value, "{} partners of kind {kind:?}", row.value);
        assert!(kinds.iter().all(|k| k == kind), "only {kind:?} partners: {kinds:?}");
        assert_eq!(app.focus(), Focus::List);
    }
}

#[test]
fn overview_bars_count_every_partner() {
    let app = browser(bundled(), (80, 24));
    let total = app.catalog().partners().len() as u64;
    for tab in [OverviewTab::Kinds, OverviewTab::Scopes] {
        let sum: u64 = overview::rows(app.catalog(), tab).iter().map(|r| r.value).sum();
        assert_eq!(sum, total, "{tab:?}: each partner has one kind and one scope");
    }
}

/// Bars of one count are in alphabetical order as the list's names are, accents aside: in
/// French, "Élus" comes before "Formation", not after "Innovation".
#[test]
fn overview_bars_of_one_count_are_in_alphabetical_order_accents_aside() {
    let _french = partners::i18n::speaking(partners::i18n::Lang::Fr);
    let app = browser(bundled(), (80, 24));
    let rows = overview::rows(app.catalog(), OverviewTab::Topics);
    let labels = |value| rows.iter().filter(move |r| r.value == value).map(|r| r.label.as_str());
    let fives: Vec<&str> = labels(5).collect();
    assert_eq!(fives.first(), Some(&"Élus"), "{fives:?}");
    for tab in [OverviewTab::Kinds, OverviewTab::Scopes, OverviewTab::Topics] {
        let rows = overview::rows(app.catalog(), tab);
        for pair in rows.windows(2) {
            let folded = |label: &str| partners::search::fold(label);
            let tied = pair[0].value == pair[1].value;
            assert!(!tied || folded(&pair[0].label) <= folded(&pair[1].label), "{tab:?} {pair:?}");
        }
    }
}

/// Hubs of one count are in alphabetical order as the bars are, accents aside, both in the
/// order shown and in choosing which are shown: "Élan" comes first, not cut after the
/// 200 hubs "Fonds …" that a raw comparison puts before it.
#[test]
fn network_hubs_of_one_count_are_in_alphabetical_order_accents_aside() {
    let outside = Relation {
        kind: RelationKind::MemberOf,
        target: None,
        name: Some("Outside".to_owned()),
        note: None,
    };
    let hub = |id: String, name: &str| Partner {
        name: name.to_owned(),
        ..partner(&id, vec![outside.clone()])
    };
    let mut partners = vec![hub("elan".to_owned(), "Élan")];
    partners.extend((0..200).map(|i| hub(format!("fonds-{i:03}"), &format!("Fonds {i:03}"))));
    let catalog = Catalog::from_partners(partners, Vec::new(), Vec::new());
    let rows = overview::rows(&catalog, OverviewTab::Network);
    let hubs: Vec<&str> = rows.iter().filter(|r| r.hub).map(|r| r.label.as_str()).collect();
    assert_eq!(hubs.len(), 200);
    assert_eq!(hubs.first(), Some(&"Élan (1)"), "{:?}", hubs.get(..3));
    assert_eq!(hubs.last(), Some(&"Fonds 198 (1)"));
}

#[test]
fn overview_scope_and_topic_bars_filter_too() {
    for tab in [OverviewTab::Scopes, OverviewTab::Topics] {
        let mut app = browser(bundled(), (80, 24));
        let row = overview::rows(app.catalog(), tab).remove(1);
        open_overview(&mut app, tab, 1);
        press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
        let RowAction::Filter(filter) = row.action else { panic!("a bar filters") };
        assert_eq!(app.query(), format!("{filter} "));
        assert_eq!(app.results().len() as u64, row.value, "{tab:?} {filter}");
    }
}

#[test]
fn network_rows_are_followable() {
    let probe = browser(bundled(), (80, 24));
    let rows = overview::rows(probe.catalog(), OverviewTab::Network);
    assert!(rows.iter().any(|r| r.hub) && rows.iter().any(|r| r.action == RowAction::None));
    for (i, row) in rows.iter().enumerate() {
        let mut app = browser(bundled(), (80, 24));
        typed(&mut app, "zzzz");
        open_overview(&mut app, OverviewTab::Network, i);
        press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
        match row.action {
            RowAction::Show(partner) => {
                assert!(app.overlay().is_none(), "row {i} {:?} closes the overview", row.label);
                assert_eq!(app.selected_partner(), Some(partner), "row {i} {:?}", row.label);
                assert_eq!(app.focus(), Focus::Detail);
                assert_eq!(app.query(), "", "the query that hid the partner is cleared");
            }
            RowAction::None => {
                assert!(app.overlay().is_some(), "row {i} {:?} keeps the overview", row.label);
                let status = app.status().map(|s| s.text.as_str());
                assert_eq!(status, Some("That organisation is not in the dataset"));
            }
            RowAction::Filter(_) => panic!("network rows do not filter"),
        }
    }
}

#[test]
fn network_rows_go_back() {
    let mut app = browser(bundled(), (80, 24));
    typed(&mut app, "ugap");
    let rows = overview::rows(app.catalog(), OverviewTab::Network);
    let gsef = position(app.catalog(), "gsef");
    let row = rows.iter().position(|r| r.action == RowAction::Show(gsef)).expect("a gsef row");
    open_overview(&mut app, OverviewTab::Network, row);
    press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(selected_id(&app), Some("gsef"));
    press(&mut app, KeyCode::Left, KeyModifiers::ALT);
    assert_eq!(selected_id(&app), Some("ugap"));
    assert_eq!(app.query(), "ugap");
}

/// The overview drawn at `size`, line by line.
fn overview_lines(app: &App) -> Vec<String> {
    let drawn = common::draw(app);
    let buffer = drawn.backend().buffer();
    let width = usize::from(buffer.area.width);
    let cells: Vec<&str> = buffer.content().iter().map(ratatui::buffer::Cell::symbol).collect();
    cells.chunks(width).map(<[&str]>::concat).collect()
}

fn overview_of(app: &App) -> (OverviewTab, usize, Vec<overview::Row>) {
    match app.overlay() {
        Some(Overlay::Overview { tab, selected, rows, .. }) => (*tab, *selected, rows.clone()),
        other => panic!("the overview is open, not {other:?}"),
    }
}

/// A click on a tab's title shows that tab, wherever the drawing put it.
#[rstest]
#[case::wide((100, 30))]
#[case::narrow((40, 12))]
fn click_on_an_overview_tab_shows_it(#[case] size: (u16, u16)) {
    for tab in OverviewTab::ALL {
        let mut app = browser(bundled(), size);
        press(&mut app, KeyCode::F(2), KeyModifiers::NONE);
        let top = overview_lines(&app).swap_remove(0);
        let title = if top.contains(tab.title()) { tab.title() } else { tab.short_title() };
        // Too narrow for every title, the chosen tab stands alone.
        let Some(at) = top.find(title) else {
            assert!(size.0 < 100, "{title:?} in {top:?}");
            continue;
        };
        let column = u16::try_from(top[..at].chars().count() + 1).expect("fits");
        app.update(Action::Click { column, row: 0 });
        assert_eq!(overview_of(&app).0, tab, "a click on {title:?} in {top:?}");
    }
}

/// A click on a bar chooses it, Enter then applies it; the wheel moves the choice.
#[test]
fn click_and_wheel_choose_overview_rows() {
    let mut app = browser(bundled(), (100, 30));
    press(&mut app, KeyCode::F(2), KeyModifiers::NONE);
    let (_, _, rows) = overview_of(&app);
    app.update(Action::Click { column: 20, row: 3 });
    assert_eq!(overview_of(&app).1, 2, "the third bar, on the third line inside the border");
    app.update(Action::Scroll { column: 20, row: 3, lines: 3 });
    assert_eq!(overview_of(&app).1, 5);
    app.update(Action::Scroll { column: 20, row: 3, lines: -3 });
    assert_eq!(overview_of(&app).1, 2);
    for row in [20, 28] {
        app.update(Action::Click { column: 20, row });
        assert_eq!(overview_of(&app).1, 2, "below the last bar, or on the border, nothing");
    }
    keys(&mut app, &[KeyCode::Enter]);
    let RowAction::Filter(filter) = &rows[2].action else { panic!("a bar filters") };
    assert_eq!(app.query().trim(), filter);
}

/// In the network, scrolled, a click chooses the row drawn where it lands.
#[test]
fn click_on_a_scrolled_network_row_chooses_what_is_drawn_there() {
    let mut app = browser(bundled(), (100, 16));
    open_overview(&mut app, OverviewTab::Network, 30);
    for row in [1, 5, 13] {
        app.update(Action::Click { column: 10, row });
        let drawn = overview_lines(&app)[usize::from(row)].clone();
        let (_, selected, rows) = overview_of(&app);
        let label: String = rows[selected].label.chars().take(20).collect();
        assert!(drawn.contains(&label), "row {row} shows {drawn:?}, chosen {label:?}");
    }
}
