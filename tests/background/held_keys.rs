//! Keys pressed while the worker searches or the partners load wait for the results and are
//! read then, in their order and in the state they land in; not those pressed on a terminal too
//! small to show anything.

use super::*;

/// The browser and its worker as the session runs them: keys go through [`Held`]; a search
/// asked for is answered when [`Session::answer`] says so, and the held keys then follow.
struct Session {
    app: App,
    held: Held,
    searcher: Searcher,
    asked: Vec<SearchRequest>,
    effects: Vec<Effect>,
}

impl Session {
    /// A browser whose large catalog is still loading.
    fn loading() -> Session {
        Session {
            app: App::loading(State::default(), "", 1, Vec::new()),
            held: Held::default(),
            searcher: Searcher::default(),
            asked: Vec::new(),
            effects: Vec::new(),
        }
    }

    /// A browser over the large catalog, its first results shown.
    fn new() -> Session {
        let mut session = Session::loading();
        session.load();
        session.answer();
        session
    }

    /// The catalog comes: its first search is asked for.
    fn load(&mut self) {
        self.perform(Action::Loaded(Shared(Arc::new(big()))));
        while let Some(action) = self.held.next(self.app.key_state(), self.app.coming()) {
            self.perform(action);
        }
    }

    fn perform(&mut self, action: Action) {
        match self.app.update(action) {
            Some(Effect::Search(request)) => self.asked.push(request),
            Some(effect) => self.effects.push(effect),
            None => {}
        }
    }

    /// Presses `keys` (the notation of `common::events`).
    fn press(&mut self, keys: &str) {
        for event in keys.split_whitespace().flat_map(common::events) {
            let (state, coming) = (self.app.key_state(), self.app.coming());
            if let Some(action) = self.held.offer(event, state, coming) {
                self.perform(action);
            }
        }
    }

    /// The worker answers the newest search; the keys held for it are done.
    fn answer(&mut self) {
        let newest = self.asked.pop().expect("a search asked for");
        self.asked.clear();
        let found = newest.run(&mut self.searcher);
        self.perform(found);
        while let Some(action) = self.held.next(self.app.key_state(), self.app.coming()) {
            self.perform(action);
        }
    }
}

/// Keys pressed while the worker searches wait for its results, in their order, and are read
/// then: a move and a star typed right after a query go to its results, not to the partner
/// still selected on screen; typing before them is done at once.
#[test]
fn keys_after_a_query_wait_for_its_results() {
    use partners::search::Mark;
    let mut session = Session::new();
    session.press("<Down> <Down> <Down>");
    let before = session.app.selected_partner().expect("a partner selected");
    session.press("bor <Down> <C-s>");
    assert_eq!(session.app.query(), "bor");
    // Waiting: the results on screen and their selection are untouched, nothing starred.
    assert_eq!(session.app.selected_partner(), Some(before));
    assert!((0..PARTNERS).all(|i| !session.app.marks_of(i).has(Mark::Starred)));
    let catalog = Arc::clone(&session.asked[0].catalog.0);
    session.answer();
    let second = fresh(&catalog, "bor")[1].index;
    assert_eq!(session.app.selected_partner(), Some(second));
    assert!(session.app.marks_of(second).has(Mark::Starred));
    let id = catalog.partners()[second].id.clone();
    assert_eq!(session.effects, vec![Effect::Save(partners::store::Change::Star { id, on: true })]);
}

/// While the partners load, keys that act on results wait for them (a star typed after a
/// query goes to its results once they come); the help opens at once.
#[test]
fn keys_for_the_results_wait_for_the_partners_to_load() {
    use partners::app::Overlay;
    use partners::search::Mark;
    let mut session = Session::loading();
    session.press("bor <Down> <C-s>");
    assert_eq!(session.app.query(), "bor");
    assert!(session.effects.is_empty());
    session.load();
    let catalog = Arc::clone(&session.asked.last().expect("a search").catalog.0);
    session.answer();
    let second = fresh(&catalog, "bor")[1].index;
    assert_eq!(session.app.selected_partner(), Some(second));
    assert!(session.app.marks_of(second).has(Mark::Starred));
    let mut session = Session::loading();
    session.press("<A-h>");
    assert!(matches!(session.app.overlay(), Some(Overlay::Help)));
}

/// Keys pressed on a terminal too small to show anything but that it is are not held for
/// the results to come: once the terminal is larger and the partners are there, they do not
/// star, open or move anything the user never saw. Esc then a paste type nothing either.
#[test]
fn keys_pressed_on_a_terminal_too_small_are_not_held_for_later() {
    use crossterm::event::Event;
    let mut session = Session::loading();
    session.perform(Action::Resize { width: 20, height: 6 });
    session.press("<C-s> <Down> <C-t> <A-e> <Enter> <Esc>");
    let (state, coming) = (session.app.key_state(), session.app.coming());
    if let Some(action) = session.held.offer(Event::Paste("bordeaux".into()), state, coming) {
        session.perform(action);
    }
    assert!(!session.app.should_quit(), "Esc clears a query first, and there is none");
    session.perform(Action::Resize { width: 100, height: 30 });
    session.load();
    session.answer();
    assert_eq!(session.app.query(), "");
    assert!(session.effects.is_empty(), "{:?}", session.effects);
    assert!(session.app.overlay().is_none());
    assert_eq!(session.app.selected(), 0);
    // Keys held on a screen large enough, before it shrank, wait for it to be large again.
    let mut session = Session::new();
    session.press("bor <C-s>");
    session.perform(Action::Resize { width: 20, height: 6 });
    session.answer();
    assert!(session.effects.is_empty(), "{:?}", session.effects);
    session.perform(Action::Resize { width: 100, height: 30 });
    while let Some(action) = session.held.next(session.app.key_state(), session.app.coming()) {
        session.perform(action);
    }
    assert_eq!(session.effects.len(), 1, "{:?}", session.effects);
}

/// Held keys are read where they land: Enter and Ctrl-S in a note that a held Alt-e opened
/// are a new line and saving it, and a quit after them waits for them.
#[test]
fn held_keys_are_read_in_the_state_they_land_in() {
    use partners::store::Change;
    let mut session = Session::new();
    session.press("bor <A-e> hi <Enter> there <C-s> <C-c>");
    assert!(!session.app.should_quit());
    session.answer();
    let first = session.app.selected_partner().expect("a partner selected");
    let id = session.app.catalog().partners()[first].id.clone();
    let note = Change::EditedNote { id, text: Some("hi\nthere".into()), seen: None };
    assert_eq!(session.effects.first(), Some(&Effect::Save(note)));
    assert!(session.app.should_quit());
    // Typing behind a held key is not searched key by key: it follows it, then one search.
    let mut session = Session::new();
    session.press("bor <Down> deaux");
    session.answer();
    assert_eq!(session.app.query(), "bordeaux");
    assert_eq!(session.asked.len(), 5, "one request a letter, the worker runs the newest");
    assert!(session.app.searching());
    // Quitting twice quits at once, held keys or not; a click on results about to change is
    // dropped.
    let mut session = Session::new();
    session.press("bor <C-s> <C-c>");
    assert!(!session.app.should_quit());
    session.press("<Click:5,4> <C-c>");
    assert!(session.app.should_quit());
}
