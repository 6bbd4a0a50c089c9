//! Which names more than one partner has, on a large catalog (10 000 partners or more): found
//! while the one file given is checked, so the first list shows the ids of the partners named
//! alike; otherwise found in the background once the list shows, as a report of their own, and
//! shown then, not at the next key.

use super::*;

/// From this many partners, the shared names are not found on the browser's thread when it
/// first asks: they are found ahead, or said unknown until then.
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

/// What `loader` reports to its end: the catalog, and whether the shared names came after it
/// as a report of their own.
fn load_to_the_end(mut loader: Loader) -> (Arc<Catalog>, bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    let (mut catalog, mut reported) = (None, false);
    while !loader.done() {
        assert!(Instant::now() < deadline, "the loader ends");
        match loader.try_next() {
            Some(Ok(Action::Loading { .. })) => {}
            Some(Ok(Action::Loaded(Shared(came)))) => catalog = Some(came),
            Some(Ok(Action::NamesShared)) => {
                assert!(catalog.is_some() && !reported, "once, after the catalog");
                reported = true;
            }
            Some(other) => panic!("unexpected report: {other:?}"),
            None => std::thread::sleep(Duration::from_millis(5)),
        }
    }
    let catalog = catalog.expect("the catalog came");
    assert!(catalog.partners().len() >= SHARED_NAMES_AT_ONCE);
    assert!((0..catalog.partners().len()).any(|index| catalog.name_shared(index)));
    for index in 0..catalog.partners().len() {
        assert_eq!(catalog.name_shared_known(index), catalog.name_shared(index), "{index}");
    }
    (catalog, reported)
}

#[test]
fn the_shared_names_of_the_file_given_are_found_as_it_loads() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("large.ron");
    let records = generate::records(SHARED_NAMES_AT_ONCE);
    std::fs::write(&file, generate::ron(&records)).expect("writing the dataset");
    let total = Catalog::bytes_to_load(std::slice::from_ref(&file), None);
    let (_, reported) = load_to_the_end(Loader::start(vec![file], None, total, Lang::En));
    assert!(!reported, "known with the catalog: no list is drawn again for them");
}

#[test]
fn the_loader_reports_the_shared_names_of_the_users_datasets_once_found() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let records = generate::records(SHARED_NAMES_AT_ONCE);
    std::fs::write(dir.path().join("large.ron"), generate::ron(&records)).expect("writing");
    let total = Catalog::bytes_to_load(&[], Some(dir.path()));
    let loader = Loader::start(Vec::new(), Some(dir.path().to_path_buf()), total, Lang::En);
    let (_, reported) = load_to_the_end(loader);
    assert!(reported, "found after the list shows, and reported");
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

/// The list is as wide as its rows once the shared names are known: the widest row, of a
/// name two partners share, ends with its id then, which the width measured while the list
/// first showed (the names not yet known) left no room for, so the name was cut.
#[test]
fn the_list_makes_room_for_the_ids_once_the_shared_names_are_known() {
    let long = "Chambre régionale de l'économie sociale et solidaire";
    let mut source = format!(
        "(partners: [\n(id: \"cress-nord\", name: \"{long}\", kind: PublicBody, scope: Regional, \
         description: \"One.\"),\n(id: \"cress-sud\", name: \"{long}\", kind: PublicBody, \
         scope: Regional, description: \"Two.\"),\n"
    );
    source.extend((0..SHARED_NAMES_AT_ONCE).map(|n| {
        format!(
            "(id: \"p{n}\", name: \"Zed {n}\", kind: PublicBody, scope: National, \
             description: \"More.\"),\n"
        )
    }));
    source.push_str("])");
    let parsed = dataset::parse(&source, Path::new("alike.ron")).expect("it parses").partners;
    let catalog = Arc::new(Catalog::from_partners(parsed, Vec::new(), Vec::new()));
    // As the loader does: measured before the list shows, the shared names found after it.
    partners::view::list::wanted_width(&catalog);
    let mut app = App::loading(State::default(), "", 1, Vec::new());
    app.update(Action::Resize { width: 200, height: 30 });
    let effect = app.update(Action::Loaded(Shared(Arc::clone(&catalog))));
    app.update(request(effect).run(&mut Searcher::default()));
    catalog.name_shared(0);
    app.update(Action::NamesShared);
    let screen = common::screen(&app);
    for id in ["cress-nord", "cress-sud"] {
        let row = screen.lines().find(|row| row.contains(id)).unwrap_or_default();
        assert!(row.contains(&format!("{long} {id}")), "{row:?}\n{screen}");
    }
}
