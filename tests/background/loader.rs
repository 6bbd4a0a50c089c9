//! The loader's reports (bytes read, the catalog, a bad file, the end of a pipe), the datasets
//! it skips (a FIFO, a link to a device, a file with problems, a relation to no partner) and
//! how the browser tells them: on the status line, whole in the help, and for queries by marks.

use super::*;

/// Waits for the loader's last report: the catalog, or why not.
fn finish(mut loader: Loader) -> (Vec<(u64, u64)>, Result<Action, dataset::DatasetError>) {
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut progress = Vec::new();
    loop {
        assert!(Instant::now() < deadline, "the loader ends");
        match loader.try_next() {
            Some(Ok(Action::Loading { read, total })) => progress.push((read, total)),
            Some(done) => return (progress, done),
            None => std::thread::sleep(Duration::from_millis(1)),
        }
    }
}

/// A pipe's size is known at its end: the loader then says all was read (the status line
/// goes on to "checking and indexing"), not still "N MB read".
#[cfg(unix)]
#[test]
fn the_end_of_a_pipe_is_reported() {
    use std::io::Write as _;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let fifo = dir.path().join("pipe.ron");
    common::mkfifo(&fifo);
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut out = std::fs::OpenOptions::new().write(true).open(fifo).expect("opened");
            out.write_all(SOURCE.as_bytes()).expect("written");
        })
    };
    let (progress, done) = finish(Loader::start(vec![fifo], None, 0, Lang::En));
    writer.join().expect("the writer ends");
    assert!(matches!(done, Ok(Action::Loaded(_))), "{done:?}");
    let all = SOURCE.len() as u64;
    assert!(progress.iter().rev().skip(1).all(|&(_, total)| total == 0), "{progress:?}");
    assert_eq!(progress.last(), Some(&(all, all)));
}

#[test]
fn the_loader_reports_bytes_read_then_the_catalog() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("big.ron");
    std::fs::write(&file, SOURCE.as_bytes()).expect("writing the dataset");
    let total = Catalog::bytes_to_load(std::slice::from_ref(&file), None);
    assert_eq!(total, SOURCE.len() as u64);
    let (progress, done) = finish(Loader::start(vec![file], None, total, Lang::En));
    assert_eq!(progress.last(), Some(&(total, total)));
    match done {
        Ok(Action::Loaded(Shared(catalog))) => assert_eq!(catalog.partners().len(), PARTNERS),
        other => panic!("expected the catalog, got {other:?}"),
    }
}

#[test]
fn a_skipped_dataset_is_told_on_one_line() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("bad.ron"), "(partners: [(id: ").expect("written");
    let catalog = Catalog::with_user_datasets(dir.path()).expect("the bundled ones load");
    assert_eq!(catalog.warnings().len(), 1);
    let error = catalog.warnings()[0].skipped().expect("a file skipped");
    assert!(error.to_string().contains('\n'), "a message and its fix");
    let mut app = App::loading(State::default(), "", 2_000_000, Vec::new());
    app.update(Action::Loaded(Shared(Arc::new(catalog))));
    let status = app.status().expect("a warning");
    assert!(status.text.contains("bad.ron") && status.text.contains(" · fix: "), "{status:?}");
    assert!(status.text.starts_with("Alt-h shows all · skipped a dataset"), "{status:?}");
    assert!(!status.text.contains('\n'), "{status:?}");
    assert!(!status.text.contains("problems ("), "one problem: {status:?}");
}

/// A relation to a partner that no file has is left out, its file loaded: the browser says
/// so, where, and how to fix it.
#[test]
fn a_dangling_relation_is_told_and_its_file_loads() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let text = "(partners: [\n  (id: \"alpha\", name: \"Alpha\", kind: Media, scope: Local, description: \"x\",\n   relations: [(kind: MemberOf, target: \"missing-one\")]),\n])";
    std::fs::write(dir.path().join("mine.ron"), text).expect("written");
    let catalog = Catalog::with_user_datasets(dir.path()).expect("the bundled ones load");
    assert!(catalog.position("alpha").is_some(), "the file loads");
    assert!(catalog.links(catalog.position("alpha").unwrap_or_default()).is_empty());
    let mut app = App::loading(State::default(), "", 2_000_000, Vec::new());
    app.update(Action::Loaded(Shared(Arc::new(catalog))));
    let status = app.status().expect("a warning").text.clone();
    assert!(status.starts_with("Alt-h shows all · left out a relation"), "{status}");
    assert!(
        status.contains("mine.ron:3:41: partner \"alpha\" has a relation to \"missing-one\""),
        "{status}"
    );
    assert!(status.contains(" · fix: use the id of a partner"), "{status}");
}

/// A file with several problems is told by its first, with how many there are in all and
/// how to list them: the status line has room for one.
#[test]
fn a_skipped_dataset_with_several_problems_says_how_many() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let partner = |id: &str| {
        format!("(id: \"{id}\", name: \"\", kind: Media, scope: National, description: \"x\"),")
    };
    let text = format!("(partners: [{}{}{}])", partner("a"), partner("b"), partner("c"));
    std::fs::write(dir.path().join("worse.ron"), text).expect("written");
    let catalog = Catalog::with_user_datasets(dir.path()).expect("the bundled ones load");
    assert_eq!(catalog.warnings()[0].skipped().map(|e| e.problems().len()), Some(3));
    let mut app = App::loading(State::default(), "", 2_000_000, Vec::new());
    app.update(Action::Loaded(Shared(Arc::new(catalog))));
    let status = app.status().expect("a warning").text.clone();
    let file = dir.path().join("worse.ron");
    let said = "Alt-h shows all · skipped a dataset: 3 problems, the first: worse.ron:1:23: partner \"a\" has an \
                empty name · fix: write the name (all of them: partners validate ";
    assert!(status.starts_with(said), "{status}");
    assert!(status.ends_with(&format!("validate {})", file.display())), "{status}");
    assert_eq!(status.matches(" · fix: ").count(), 1, "{status}");
    assert!(!status.contains('\n'), "{status}");
}

#[test]
fn the_loader_reports_a_bad_file() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("bad.ron");
    std::fs::write(&file, "(partners: [(id: ").expect("writing the dataset");
    let (_, done) = finish(Loader::start(vec![file], None, 17, Lang::En));
    assert!(done.is_err());
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_link_to_a_device_among_the_datasets_is_skipped_without_waiting() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    common::mkfifo(&dir.path().join("fifo.ron"));
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.ron")).expect("a link");
    let started = Instant::now();
    let total = Catalog::bytes_to_load(&[], Some(dir.path()));
    assert_eq!(total, 0);
    let (_, done) =
        finish(Loader::start(Vec::new(), Some(dir.path().to_path_buf()), total, Lang::En));
    match done {
        Ok(Action::Loaded(Shared(catalog))) => {
            assert_eq!(catalog.partners().len(), common::bundled().partners().len());
        }
        other => panic!("expected the bundled catalog, got {other:?}"),
    }
    // Generous: only a hang (a FIFO waits for a writer forever) or reading /dev/zero fails.
    assert!(started.elapsed() < Duration::from_secs(20));
}

/// The status line cuts a long warning; the key it names (the help's) shows every warning
/// whole, each problem of a skipped file with its place and its fix, wrapped on as many lines
/// as it needs, at any width.
#[test]
fn the_help_shows_every_warning_whole() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let partner = |id: &str| {
        format!("(id: \"{id}\", name: \"\", kind: Media, scope: National, description: \"x\"),\n")
    };
    let text = format!("(partners: [\n{}{}])", partner("first-one"), partner("second-one"));
    std::fs::write(dir.path().join("worse.ron"), text).expect("written");
    let squeezed =
        |text: &str| text.chars().filter(|c| !c.is_whitespace() && *c != '│').collect::<String>();
    for (width, height) in [(100, 30), (44, 30)] {
        let mut app = App::loading(State::default(), "", 2_000_000, Vec::new());
        app.update(Action::Resize { width, height });
        let catalog = Catalog::with_user_datasets(dir.path()).expect("the bundled ones load");
        app.update(Action::Loaded(Shared(Arc::new(catalog))));
        let status = app.status().expect("a warning").text.clone();
        assert!(status.starts_with("Alt-h shows all · "), "{status}");
        assert!(!common::screen(&app).contains("second-one"), "cut on the status line");
        common::press(&mut app, KeyCode::Char('h'), Modifiers::ALT);
        let shown = squeezed(&common::screen(&app));
        for line in [
            "Warnings",
            "worse.ron:2:19: partner \"first-one\" has an empty name",
            "worse.ron:3:20: partner \"second-one\" has an empty name",
            "fix: write the name",
        ] {
            assert!(shown.contains(&squeezed(line)), "{width}: {line}\n{}", common::screen(&app));
        }
    }
}

/// A query by marks (`is:starred`, `has:note`) while partners with those marks are not
/// loaded, their dataset file skipped: the status line says how many and which, as
/// `partners search is:starred` does, in French too. Every file loaded, or a query by text
/// alone: nothing is said.
#[test]
fn a_query_by_marks_says_which_marked_partners_are_not_loaded() {
    let skipped = || {
        let bad = dataset::parse("(partners: [", Path::new("mine.ron")).expect_err("cut short");
        vec![Warning::Skipped(bad)]
    };
    let catalog =
        |warnings| Catalog::from_partners(common::bundled().partners().to_vec(), vec![], warnings);
    let mut state = State::default();
    for (id, starred, note) in
        [("gone-one", true, None), ("gone-two", false, Some("Call")), ("ugap", true, None)]
    {
        let marks = state.marks.entry(id.to_owned()).or_default();
        marks.starred = starred;
        marks.note = note.map(str::to_owned);
    }
    let status = |warnings, query: &str| {
        let mut app = App::new(catalog(warnings), state.clone(), "");
        common::typed(&mut app, query);
        app.status().filter(|s| s.error).map(|s| s.text.clone()).unwrap_or_default()
    };
    let said = "1 partner with the marks asked for is not loaded (\"gone-one\"): its dataset file was skipped";
    assert_eq!(status(skipped(), "is:starred"), said);
    assert!(status(skipped(), "has:note").contains("(\"gone-two\")"));
    let either = status(skipped(), "is:starred | has:note");
    assert!(either.starts_with("2 partners with the marks asked for are not loaded"), "{either}");
    assert_eq!(status(skipped(), "ugap"), "", "by text: nothing known of them");
    assert_eq!(status(Vec::new(), "is:starred"), "", "every file loaded");
    partners::i18n::set(Lang::Fr);
    let said = status(skipped(), "is:starred");
    partners::i18n::set(Lang::En);
    assert!(said.starts_with("1 partenaire avec les marques demandées n'est pas chargé"), "{said}");
}
