//! One full render of the browser at 120x40, with "bordeaux" typed, into a `TestBackend`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use partners::action::Action;
use partners::app::App;
use partners::catalog::{Catalog, Source};
use partners::store::State;
use partners::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn render(c: &mut Criterion) {
    let catalog = Catalog::bundled().expect("the bundled dataset loads");
    let mut app = App::new(catalog, State::default(), "");
    let theme = Theme::new(
        partners::ui::theme::ThemeName::Dark,
        partners::ui::theme::ColorDepth::TrueColor,
    );
    app.update(Action::Resize { width: 120, height: 40 });
    for ch in "bordeaux".chars() {
        app.update(Action::Insert(ch));
    }
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    c.bench_function("render 120x40 'bordeaux'", |b| {
        b.iter(|| {
            // A cleared buffer makes every frame a full redraw, as after a resize.
            terminal.clear().expect("clearing a test terminal");
            terminal.draw(|f| partners::ui::render(black_box(&app), &theme, f)).expect("drawing");
        });
    });
    // The same rows for new results (a space typed and taken back): their highlights are
    // made again, where a redraw of the same results reads them back.
    c.bench_function("keystroke and frame 120x40 'bordeaux', twice", |b| {
        b.iter(|| {
            for action in [Action::Insert(' '), Action::DeleteBack] {
                app.update(action);
                terminal.clear().expect("clearing a test terminal");
                terminal
                    .draw(|f| partners::ui::render(black_box(&app), &theme, f))
                    .expect("drawing");
            }
        });
    });
}

/// A description of `bytes` bytes with matches all through it.
fn long_description(bytes: usize) -> String {
    let words = ["procurement", "sustainable", "Métropole", "économie", "sociale", "cities"];
    let mut description = String::new();
    let mut n = 0;
    while description.len() < bytes {
        description.push_str(words[n % words.len()]);
        description.push(' ');
        n += 7;
    }
    description
}

fn partner(id: &str, name: &str, description: String) -> partners::dataset::Partner {
    partners::dataset::Partner {
        id: id.to_owned(),
        name: name.to_owned(),
        acronym: None,
        aliases: Vec::new(),
        kind: partners::dataset::Kind::PublicBody,
        scope: partners::dataset::Scope::National,
        location: None,
        topics: Vec::new(),
        description,
        facts: Vec::new(),
        relations: Vec::new(),
        website: None,
        email: None,
        phone: None,
        booth: None,
    }
}

/// A keystroke, end to end (update, then a full frame), on a partner whose description is
/// 1 MB, then 10 MB, of text with matches all through it: the detail pane is laid out once
/// for the partner and marked where it is seen (issue: 0.6 s a key at 100 KB when it was
/// quadratic; 110-170 ms a key at 10 MB when it was laid out and marked whole at each key).
fn big_description(c: &mut Criterion) {
    let theme = Theme::new(
        partners::ui::theme::ThemeName::Dark,
        partners::ui::theme::ColorDepth::TrueColor,
    );
    for (megabytes, name) in [(1, "1 MB"), (10, "10 MB")] {
        let big = partner(
            "big",
            "A partner with a very long description",
            long_description(megabytes * 1_000_000),
        );
        let catalog = Catalog::from_partners(vec![big], vec![Source::Bundled], Vec::new());
        let mut app = App::new(catalog, State::default(), "sustainabl");
        app.update(Action::Resize { width: 120, height: 40 });
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
        c.bench_function(&format!("keystroke on a {name} description, 120x40"), |b| {
            b.iter(|| {
                // Type a letter and take it back: two keystrokes, two frames.
                for action in [Action::Insert('e'), Action::DeleteBack] {
                    app.update(action);
                    terminal
                        .draw(|f| partners::ui::render(black_box(&app), &theme, f))
                        .expect("drawing");
                }
            });
        });
    }
    // Moving onto the partner lays its description out (once; the query's keys after it do
    // not), moving off it draws a short one.
    let partners = vec![
        partner("big", "A partner with a very long description", long_description(10_000_000)),
        partner("small", "Another partner", "Sustainable cities.".to_owned()),
    ];
    let catalog = Catalog::from_partners(partners, vec![Source::Bundled], Vec::new());
    let mut app = App::new(catalog, State::default(), "");
    app.update(Action::Resize { width: 120, height: 40 });
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    c.bench_function("onto a 10 MB description and off it, 120x40", |b| {
        b.iter(|| {
            for action in [Action::MoveDown, Action::MoveUp] {
                app.update(action);
                terminal
                    .draw(|f| partners::ui::render(black_box(&app), &theme, f))
                    .expect("drawing");
            }
        });
    });
}

fn quick() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30)
}

criterion_group! { name = benches; config = quick(); targets = render, big_description }
criterion_main!(benches);
