//! Large datasets in the browser: the app starts empty while the partners load, shows the
//! progress, takes keys at once, and hands searches over a large catalog to the session's
//! worker as effects, keeping only the newest results. The threads themselves (loader, search
//! worker) are run here too, and what the loader may meet in the user's datasets folder
//! (a FIFO, a link to a device) must neither hang nor flood it.

mod common;

use std::path::Path;
use std::sync::{Arc, LazyLock};
use std::time::{Duration, Instant};

use crossterm::event::KeyCode;
use crossterm::event::KeyModifiers as Modifiers;
use partners::action::{Action, Effect, SearchRequest, Shared};
use partners::app::App;
use partners::background::{Loader, SearchWorker};
use partners::catalog::{Catalog, Warning};
use partners::dataset;
use partners::i18n::Lang;
use partners::input::Held;
use partners::search::{Query, Searcher};
use partners::store::State;

#[path = "../examples/generate.rs"]
#[allow(dead_code)]
mod generate;

/// More partners than the threshold (4,096) from which searches leave the browser's thread.
const PARTNERS: usize = 5_000;

static SOURCE: LazyLock<String> = LazyLock::new(|| generate::ron(&generate::records(PARTNERS)));

fn big() -> Catalog {
    let partners = dataset::parse(&SOURCE, Path::new("generated.ron"))
        .unwrap_or_else(|e| panic!("the generated dataset does not load: {e}"))
        .partners;
    Catalog::from_partners(partners, Vec::new(), Vec::new())
}

/// The search `effect` asks for.
fn request(effect: Option<Effect>) -> SearchRequest {
    match effect {
        Some(Effect::Search(request)) => request,
        other => panic!("expected a search, got {other:?}"),
    }
}

/// What a fresh search of `query` over `catalog` finds.
fn fresh(catalog: &Catalog, query: &str) -> Vec<partners::search::Hit> {
    let query = Query::parse(query).expect("a valid query");
    Searcher::default().search(catalog.index(), &query, &[])
}

#[test]
fn a_loading_browser_shows_progress_takes_keys_and_searches_once_loaded() {
    let mut app = App::loading(State::default(), "", 2_000_000, Vec::new());
    assert!(app.results().is_empty());
    assert_eq!(app.loading_progress(), Some((0, 2_000_000)));
    assert!(app.status().is_some_and(|s| s.text.contains("0 of 2 MB")), "{:?}", app.status());
    assert_eq!(app.update(Action::Loading { read: 1_000_000, total: 2_000_000 }), None);
    assert!(app.status().is_some_and(|s| s.text.contains("1 of 2 MB")));
    common::typed(&mut app, "ugap");
    assert_eq!(app.query(), "ugap");
    let catalog = common::bundled();
    let expected = fresh(&catalog, "ugap");
    // Small: searched in place, at once.
    assert_eq!(app.update(Action::Loaded(Shared(Arc::new(catalog)))), None);
    assert_eq!(app.loading_progress(), None);
    assert_eq!(app.status(), None);
    assert_eq!(app.results().all(), expected.as_slice());
}

/// The status line's last row, as drawn at 120 columns.
fn status_row(app: &App) -> String {
    let terminal = common::draw_at(app, 120, 20);
    let buffer = terminal.backend().buffer();
    (0..buffer.area.width).map(|x| buffer[(x, buffer.area.height - 1)].symbol()).collect()
}

/// How far loading has gone stays on the status line whatever else it says: a key typed
/// while the partners are checked and indexed (when no report comes to say it again), a
/// message, a query that cannot run. In either language.
#[test]
fn the_loading_state_is_never_hidden_by_a_key_or_a_message() {
    for (lang, indexing) in [(Lang::En, "checking and indexing"), (Lang::Fr, "vérification")] {
        partners::i18n::set(lang);
        let mut app = App::loading(State::default(), "", 2_000_000, Vec::new());
        app.update(Action::Loading { read: 2_000_000, total: 2_000_000 });
        common::typed(&mut app, "x");
        let typed = status_row(&app);
        app.set_status("could not copy the card", true);
        let message = status_row(&app);
        common::typed(&mut app, " kind:zzz");
        let refused = status_row(&app);
        partners::i18n::set(Lang::En);
        assert!(typed.contains(indexing), "{lang:?}: {typed}");
        assert!(message.contains(indexing), "{lang:?}: {message}");
        assert!(message.contains("could not copy the card"), "{lang:?}: {message}");
        assert!(refused.contains(indexing), "{lang:?}: {refused}");
        assert!(refused.contains("zzz"), "{lang:?}: {refused}");
        // Once loaded, the line is the hints' again.
        app.update(Action::Loaded(Shared(Arc::new(common::bundled()))));
        common::typed(&mut app, "\u{8}");
        assert!(!status_row(&app).contains(indexing), "{lang:?}");
    }
}

#[test]
fn a_message_cut_to_the_status_line_leaves_room_for_nothing_more_without_failing() {
    // An emoji with its presentation selector ("❤️") takes two columns, though its characters
    // one: a message of them, cut to the line, may come out wider than the room it had.
    let mut app = App::loading(State::default(), "", 2_000_000, Vec::new());
    app.update(Action::Loading { read: 2_000_000, total: 2_000_000 });
    common::typed(&mut app, &format!("kind:{}", "\u{2764}\u{fe0f}".repeat(80)));
    let row = status_row(&app);
    assert!(row.contains("checking and indexing") && row.contains("kind:"), "{row}");
}

/// While they load, the status line names the datasets being read, as it does once they are
/// in; the folder's files follow the bundled partners.
#[test]
fn the_datasets_being_loaded_are_named_at_once() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for name in ["b.ron", "a.ron"] {
        std::fs::write(dir.path().join(name), "(partners: [])").expect("written");
    }
    let big = std::path::PathBuf::from("/data/big.ron");
    for (data, datasets, said) in [
        (vec![big.clone()], None, "data: big.ron"),
        (Vec::new(), Some(dir.path()), "data: bundled + a.ron + b.ron"),
        (Vec::new(), None, "data: bundled"),
        (vec!["/dev/fd/63".into()], None, "data: /dev/fd/63"),
    ] {
        let sources = Catalog::sources_to_load(&data, datasets);
        let app = App::loading(State::default(), "", 2_000_000, sources);
        let row = status_row(&app);
        assert!(row.trim_end().ends_with(said), "{row}");
        assert!(row.contains("0 of 2 MB"), "{row}");
    }
}

/// The list is laid out for the partners once they come, as wide as for a catalog there
/// from the start: while loading, it had no names to measure.
#[test]
fn the_list_takes_the_width_of_the_partners_once_loaded() {
    let size = Action::Resize { width: 300, height: 100 };
    let mut app = App::loading(State::default(), "", 2_000_000, Vec::new());
    app.update(size.clone());
    let loading = app.areas().list.width;
    app.update(Action::Loaded(Shared(Arc::new(common::bundled()))));
    let mut from_start = App::new(common::bundled(), State::default(), "");
    from_start.update(size);
    assert_eq!(app.areas().list.width, from_start.areas().list.width);
    assert!(app.areas().list.width > loading, "{loading}");
}

/// The list's width counts each row's badge in the user's language (the names are measured
/// on every core, whose threads speak English): "collectivité" is wider than "local".
#[test]
fn the_list_width_counts_the_badges_in_the_users_language() {
    let name = "Communauté d'agglomération du Grand Sud-Ouest Atlantique et des Landes";
    let mut partner = common::partner("long", name, "A long name.");
    partner.kind = partners::dataset::Kind::LocalAuthority;
    for lang in [Lang::Fr, Lang::En] {
        partners::i18n::set(lang);
        let catalog = Catalog::from_partners(vec![partner.clone()], Vec::new(), Vec::new());
        let row = partners::view::list::row_width(&partner);
        let wanted = partners::view::list::wanted_width(&catalog);
        assert_eq!(usize::from(wanted), row + 2, "{lang:?}");
    }
}

#[test]
fn the_list_says_it_is_loading_then_searching_never_that_nothing_matches() {
    let mut app = App::loading(State::default(), "social", 2_000_000, Vec::new());
    let shown = common::draw(&app).backend().to_string();
    assert!(shown.contains("Loading the partners…"), "{shown}");
    assert!(!shown.contains("no partners") && !shown.contains("No partner"), "{shown}");
    // A large catalog: the query typed meanwhile goes to the worker.
    request(app.update(Action::Loaded(Shared(Arc::new(big())))));
    let shown = common::draw(&app).backend().to_string();
    assert!(shown.contains("Searching…"), "{shown}");
    assert!(!shown.contains("No partner matches"), "{shown}");
}

#[test]
fn the_network_overview_lists_the_partners_with_most_links_and_how_many_more() {
    use partners::view::overview::{OverviewTab, RowAction, rows};
    let catalog = big();
    let linked = (0..PARTNERS).filter(|&i| !catalog.links(i).is_empty()).count();
    assert!(linked > 200, "{linked}");
    let rows = rows(&catalog, OverviewTab::Network);
    let hubs: Vec<u64> = rows.iter().filter(|r| r.hub).map(|r| r.value).collect();
    assert_eq!(hubs.len(), 200);
    assert!(hubs.windows(2).all(|w| w[0] >= w[1]), "most links first");
    let most = (0..PARTNERS).map(|i| catalog.links(i).len() as u64).max();
    assert_eq!(hubs.first().copied(), most);
    let last = rows.last().expect("rows");
    assert_eq!(last.label, format!("… more partners with links: {}", linked - 200));
    assert!(matches!(last.action, RowAction::None));
    // The other tabs count every partner once.
    let kinds: u64 = rows_sum(&catalog, OverviewTab::Kinds);
    assert_eq!(kinds, PARTNERS as u64);
}

fn rows_sum(catalog: &Catalog, tab: partners::view::overview::OverviewTab) -> u64 {
    partners::view::overview::rows(catalog, tab).iter().map(|r| r.value).sum()
}

#[test]
fn an_overview_opened_while_loading_counts_the_partners_once_loaded() {
    use partners::app::Overlay;
    let mut app = App::loading(State::default(), "", 2_000_000, Vec::new());
    app.update(Action::OpenOverview);
    let counted = |app: &App| match app.overlay() {
        Some(Overlay::Overview { rows, .. }) => rows.iter().map(|r| r.value).sum::<u64>(),
        other => panic!("no overview: {other:?}"),
    };
    assert_eq!(counted(&app), 0);
    // Every tab says the partners are loading, none that there is nothing.
    for _ in partners::view::overview::OverviewTab::ALL {
        let shown = common::draw_at(&app, 80, 24).backend().to_string();
        assert!(shown.contains("Loading the partners…"), "{shown}");
        assert!(!shown.contains("No relations"), "{shown}");
        app.update(Action::NextTab);
    }
    app.update(Action::Loaded(Shared(Arc::new(common::bundled()))));
    assert_eq!(counted(&app), 38);
}

#[test]
fn warnings_given_while_loading_are_shown_once_loaded() {
    let mut app = App::loading(State::default(), "", 2_000_000, Vec::new());
    app.warn_at_start(["state.ron could not be read: set aside".to_owned()]);
    app.update(Action::Loading { read: 1_000_000, total: 2_000_000 });
    assert!(app.status().is_some_and(|s| s.text.contains("1 of 2 MB")));
    app.update(Action::Loaded(Shared(Arc::new(common::bundled()))));
    let status = app.status().expect("a status");
    assert!(status.error && status.text.contains("could not be read: set aside"), "{status:?}");
    // Only warnings from the start: an error reported while loading is not said again.
    let mut app = App::loading(State::default(), "", 2_000_000, Vec::new());
    app.set_status("could not copy the card", true);
    app.update(Action::Loaded(Shared(Arc::new(common::bundled()))));
    assert_eq!(app.status(), None);
}

/// The hint of a mistyped command (`partners serach ugap`) is shown again once the partners
/// are there, as warnings are; a warning of the start comes before it.
#[test]
fn a_hint_given_while_loading_is_shown_once_loaded_after_any_warning() {
    let hint = "\"serach\" is not a command: did you mean \"partners search ugap\"?";
    let mut app = App::loading(State::default(), "serach ugap", 2_000_000, Vec::new());
    app.hint_at_start(hint.to_owned());
    assert_eq!(app.status().map(|s| (s.text.as_str(), s.error)), Some((hint, false)));
    app.update(Action::Loading { read: 1_000_000, total: 2_000_000 });
    assert!(app.status().is_some_and(|s| s.text.contains("1 of 2 MB")));
    app.update(Action::Loaded(Shared(Arc::new(common::bundled()))));
    assert_eq!(app.status().map(|s| (s.text.as_str(), s.error)), Some((hint, false)));
    assert!(app.warnings().is_empty(), "a hint is not printed again at the end");
    let mut app = App::loading(State::default(), "serach ugap", 2_000_000, Vec::new());
    app.warn_at_start(["state.ron could not be read: set aside".to_owned()]);
    app.hint_at_start(hint.to_owned());
    app.update(Action::Loaded(Shared(Arc::new(common::bundled()))));
    assert!(app.status().is_some_and(|s| s.error && s.text.contains("set aside")));
}

#[test]
fn several_warnings_show_the_first_and_how_many_more_are_printed_at_the_end() {
    let mut app = App::loading(State::default(), "", 2_000_000, Vec::new());
    app.warn_at_start(["state.ron could not be read: set aside".to_owned()]);
    let bad = |name: &str| dataset::parse("(partners: [", Path::new(name)).expect_err("cut short");
    let skipped = vec![Warning::Skipped(bad("trunc.ron")), Warning::Skipped(bad("esc.ron"))];
    let catalog = Catalog::from_partners(common::bundled().partners().to_vec(), vec![], skipped);
    app.update(Action::Loaded(Shared(Arc::new(catalog))));
    let status = app.status().expect("a status");
    let said = "Alt-h shows all · 3 warnings, all printed when you quit · state.ron could not be \
                read: set aside";
    assert_eq!(status.text, said);
    let warnings = app.warnings();
    assert_eq!(warnings.len(), 3);
    assert!(warnings[1].contains("trunc.ron") && warnings[2].contains("esc.ron"), "{warnings:?}");
}

#[test]
fn a_large_catalog_is_searched_by_the_worker_and_only_the_newest_results_count() {
    let mut app = App::loading(State::default(), "", 1, Vec::new());
    let effect = app.update(Action::Loaded(Shared(Arc::new(big()))));
    let all = request(effect);
    assert!(app.searching());
    let catalog = Arc::clone(&all.catalog.0);
    let s = request(common::press(&mut app, KeyCode::Char('s'), Modifiers::NONE));
    let so = request(common::press(&mut app, KeyCode::Char('o'), Modifiers::NONE));
    assert!(all.generation < s.generation && s.generation < so.generation);
    // Results of older searches arrive late: they are dropped.
    let mut searcher = Searcher::default();
    app.update(all.run(&mut searcher));
    app.update(s.run(&mut searcher));
    assert!(app.results().is_empty() && app.searching());
    app.update(so.run(&mut searcher));
    assert!(!app.searching());
    assert_eq!(app.results().all(), fresh(&catalog, "so").as_slice());
    assert_eq!(app.selected(), 0);
}

#[test]
fn results_past_the_first_thousand_read_as_a_full_sort_would_order_them() {
    let mut app = App::loading(State::default(), "", 1, Vec::new());
    let effect = app.update(Action::Loaded(Shared(Arc::new(big()))));
    let catalog = Arc::clone(&request(effect).catalog.0);
    let mut searcher = Searcher::default();
    let e = request(common::press(&mut app, KeyCode::Char('e'), Modifiers::NONE));
    app.update(e.run(&mut searcher));
    let expected = fresh(&catalog, "e");
    // More than are put in order at once, and more than the lazy minimum.
    assert!(expected.len() > 4 * partners::search::TOP, "{} hits", expected.len());
    assert_eq!(app.results().len(), expected.len());
    let name =
        |hit: &partners::search::Hit| catalog.get(hit.index).expect("a partner").name.clone();
    let rows = |app: &App| common::screen(app);
    assert!(rows(&app).contains(&name(&expected[0])));
    // Rows past the first ones, paged down to: as the full order has them.
    while app.selected() <= partners::search::TOP {
        common::press(&mut app, KeyCode::PageDown, Modifiers::NONE);
    }
    let deep = app.selected();
    assert_eq!(app.selected_partner(), Some(expected[deep].index));
    assert!(rows(&app).contains(&name(&expected[deep - 1])), "{}", rows(&app));
}

#[test]
fn the_worker_answers_the_newest_request_like_a_fresh_search() {
    let catalog = Arc::new(big());
    // The worker wakes whoever waits for it: no polling.
    let (wake, woken) = std::sync::mpsc::channel();
    let mut worker = SearchWorker::start(move || {
        let _ = wake.send(());
    });
    for (generation, query) in ["b", "bo", "bor", "bord"].into_iter().enumerate() {
        worker.ask(SearchRequest {
            generation: generation as u64 + 1,
            catalog: Shared(Arc::clone(&catalog)),
            query: Query::parse(query).expect("a valid query"),
            marks: Vec::new().into(),
        });
    }
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut last = None;
    while worker.busy() {
        let left = deadline.saturating_duration_since(Instant::now());
        woken.recv_timeout(left).expect("the worker wakes its caller when it answers");
        while let Some(found) = worker.try_next().expect("the worker runs") {
            last = Some(found);
        }
    }
    match last {
        Some(Action::Found { generation, hits }) => {
            assert_eq!(generation, 4);
            assert_eq!(hits.all(), fresh(&catalog, "bord"));
        }
        other => panic!("expected results, got {other:?}"),
    }
}

#[test]
fn the_worker_puts_the_hits_past_the_first_screens_in_order_while_they_are_shown() {
    let catalog = Arc::new(big());
    let (wake, woken) = std::sync::mpsc::channel();
    let mut worker = SearchWorker::start(move || {
        let _ = wake.send(());
    });
    worker.ask(SearchRequest {
        generation: 1,
        catalog: Shared(Arc::clone(&catalog)),
        query: Query::parse("").expect("a valid query"),
        marks: Vec::new().into(),
    });
    woken.recv_timeout(Duration::from_secs(30)).expect("the worker answers");
    let Some(Action::Found { hits, .. }) = worker.try_next().expect("the worker runs") else {
        panic!("expected results");
    };
    assert!(hits.len() > 4 * partners::search::TOP, "more than are put in order at once");
    // Scrolling past the top then reads them without sorting on the browser's thread.
    let deadline = Instant::now() + Duration::from_secs(30);
    while !hits.in_order() {
        assert!(Instant::now() < deadline, "the hits past the top are put in order");
        std::thread::sleep(Duration::from_millis(1));
    }
    assert_eq!(hits.all(), fresh(&catalog, ""));
}

/// A catalog of 10 003 partners, from which which names are shared is found after the list
/// shows: "Aaa" (first by name) links to "cci-nord", named as "cci-sud" is.
fn named_alike_among_many() -> Catalog {
    let mut source = String::from(
        r#"(partners: [
        (id: "aaa", name: "Aaa", kind: PublicBody, scope: National, description: "One.",
         relations: [(kind: HeadquartersOf, target: "cci-nord")]),
        (id: "cci-nord", name: "Chambre", kind: PublicBody, scope: National, description: "Two."),
        (id: "cci-sud", name: "Chambre", kind: PublicBody, scope: National, description: "Three."),
        "#,
    );
    let more = (0..10_000).map(|n| {
        format!(
            "(id: \"p{n}\", name: \"Zed {n}\", kind: PublicBody, scope: National, \
             description: \"More.\"),\n"
        )
    });
    source.extend(more);
    source.push_str("])");
    let partners = dataset::parse(&source, Path::new("alike.ron")).expect("it parses").partners;
    Catalog::from_partners(partners, Vec::new(), Vec::new())
}

/// The detail's line of the link to a partner named "Chambre".
fn chambre_link(app: &App) -> String {
    let rows = common::detail_rows(app);
    rows.into_iter().find(|row| row.contains("Chambre")).unwrap_or_default()
}

#[test]
fn the_detail_tells_partners_named_alike_apart_once_a_large_catalog_has_found_them() {
    // Which names are shared is found on the warming threads, after the list shows: the
    // detail shown meanwhile must not keep saying no name is.
    let catalog = Arc::new(named_alike_among_many());
    let mut app = App::loading(State::default(), "", 1, Vec::new());
    let all = request(app.update(Action::Loaded(Shared(Arc::clone(&catalog)))));
    app.update(Action::Resize { width: 120, height: 40 });
    app.update(all.run(&mut Searcher::default()));
    assert_eq!(app.selected_partner(), Some(0), "Aaa comes first");
    assert!(!chambre_link(&app).contains("cci-nord"), "not known yet: {:?}", chambre_link(&app));
    // As the background does once the index is warm.
    assert!(catalog.name_shared(1));
    app.update(Action::Resize { width: 120, height: 40 });
    assert!(chambre_link(&app).ends_with("· cci-nord"), "{:?}", chambre_link(&app));
}

#[test]
fn a_large_catalog_loaded_before_the_browser_tells_partners_named_alike_apart() {
    // Under 4 MiB a dataset loads before the first frame, with no warming threads to find
    // which names are shared, though it may hold 10 000 partners and more.
    let mut app = App::new(named_alike_among_many(), State::default(), "");
    let all = request(app.update(Action::Resize { width: 120, height: 40 }));
    app.update(all.run(&mut Searcher::default()));
    assert_eq!(app.selected_partner(), Some(0), "Aaa comes first");
    assert!(chambre_link(&app).ends_with("· cci-nord"), "{:?}", chambre_link(&app));
    let screen = common::screen(&app);
    assert!(screen.contains("Chambre cci-nord"), "the list's rows too:\n{screen}");
}

// The shared names of a large catalog, found after it shows.
#[path = "background/names.rs"]
mod names;

// Keys held for results to come, and read where they land.
#[path = "background/held_keys.rs"]
mod held_keys;

// The loader's reports, and the datasets it skips.
#[path = "background/loader.rs"]
mod loader;
