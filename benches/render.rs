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
}

/// A keystroke, end to end (update, then a full frame), on a partner whose description is
/// 1 MB of text with matches all through it: the detail pane is laid out in time linear in
/// the text (issue: 0.6 s a key at 100 KB when it was quadratic).
fn big_description(c: &mut Criterion) {
    let words = ["procurement", "sustainable", "Métropole", "économie", "sociale", "cities"];
    let mut description = String::new();
    let mut n = 0;
    while description.len() < 1_000_000 {
        description.push_str(words[n % words.len()]);
        description.push(' ');
        n += 7;
    }
    let partner = partners::dataset::Partner {
        id: "big".to_owned(),
        name: "A partner with a very long description".to_owned(),
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
    };
    let catalog = Catalog::from_partners(vec![partner], vec![Source::Bundled], Vec::new());
    let mut app = App::new(catalog, State::default(), "sustainabl");
    app.update(Action::Resize { width: 120, height: 40 });
    let theme = Theme::new(
        partners::ui::theme::ThemeName::Dark,
        partners::ui::theme::ColorDepth::TrueColor,
    );
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    c.bench_function("keystroke on a 1 MB description, 120x40", |b| {
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

fn quick() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30)
}

criterion_group! { name = benches; config = quick(); targets = render, big_description }
criterion_main!(benches);
