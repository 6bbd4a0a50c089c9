//! Which names more than one partner has, found in the background once a large catalog
//! (10 000 partners or more) shows: they come as a report of their own, and the browser shows
//! the ids of the partners named alike then, not at the next key.

use super::*;

/// From this many partners, the shared names are found after the list shows.
const SHARED_NAMES_AT_ONCE: usize = 10_000;

/// The bundled partners, then copies of them under other ids up to `SHARED_NAMES_AT_ONCE`:
/// every name is shared, and the relations of the first ones lead to partners named alike.
fn named_alike() -> Vec<dataset::Partner> {
    let bundled = common::bundled().partners().to_vec();
    let mut partners: Vec<_> = bundled.iter().cycle().take(SHARED_NAMES_AT_ONCE).cloned().collect();
    for (n, partner) in partners.iter_mut().enumerate().skip(bundled.len()) {
        partner.id = format!("copy-{n}");
    }
    partners
}

#[test]
fn the_loader_reports_the_shared_names_once_found() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("large.ron");
    let records = generate::records(SHARED_NAMES_AT_ONCE);
    std::fs::write(&file, generate::ron(&records)).expect("writing the dataset");
    let total = Catalog::bytes_to_load(std::slice::from_ref(&file), None);
    let mut loader = Loader::start(vec![file], None, total, Lang::En);
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut catalog = None;
    loop {
        assert!(Instant::now() < deadline, "the shared names are reported");
        match loader.try_next() {
            Some(Ok(Action::Loading { .. })) => {}
            Some(Ok(Action::Loaded(Shared(came)))) => catalog = Some(came),
            Some(Ok(Action::NamesShared)) => break,
            Some(other) => panic!("unexpected report: {other:?}"),
            None => std::thread::sleep(Duration::from_millis(5)),
        }
    }
    let catalog = catalog.expect("the catalog came first");
    assert!(catalog.partners().len() >= SHARED_NAMES_AT_ONCE);
    for index in 0..catalog.partners().len() {
        assert_eq!(catalog.name_shared_known(index), catalog.name_shared(index), "{index}");
    }
}

#[test]
fn links_to_partners_named_alike_show_their_ids_once_the_names_are_known() {
    let catalog = Arc::new(Catalog::from_partners(named_alike(), Vec::new(), Vec::new()));
    // The partner whose relation leads to the Global Social Economy Forum, named alike by
    // its copies.
    let chosen = common::position(&catalog, "bordeaux");
    let mut app = App::loading(State::default(), "bordeaux", 1, Vec::new());
    let effect = app.update(Action::Loaded(Shared(Arc::clone(&catalog))));
    app.update(request(effect).run(&mut Searcher::default()));
    let at = app.results().all().iter().position(|hit| hit.index == chosen).expect("found");
    for _ in 0..at {
        app.update(Action::SelectNext);
    }
    assert_eq!(app.selected_partner(), Some(chosen));
    let linked: Vec<&str> = catalog.partners()[chosen]
        .relations
        .iter()
        .filter_map(|relation| relation.target.as_deref())
        .collect();
    assert!(!linked.is_empty(), "bordeaux has relations");
    let with_id = |app: &App| {
        let rows = common::detail_rows(app);
        linked.iter().filter(|id| rows.iter().any(|row| row.contains(&format!(" · {id}")))).count()
    };
    assert_eq!(with_id(&app), 0, "not known yet: {:?}", common::detail_rows(&app));
    // What the loader's thread does once the list shows.
    catalog.name_shared(0);
    assert_eq!(app.update(Action::NamesShared), None);
    assert_eq!(with_id(&app), linked.len(), "{:?}", common::detail_rows(&app));
}
