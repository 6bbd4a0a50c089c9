//! One full render of the browser at 120x40, with "bordeaux" typed, into a `TestBackend`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use partners::action::Action;
use partners::app::App;
use partners::catalog::Catalog;
use partners::store::State;
use partners::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn render(c: &mut Criterion) {
    let catalog = Catalog::bundled().expect("the bundled dataset loads");
    let mut app = App::new(catalog, State::default(), "");
    let theme = Theme::new(partners::ui::theme::ThemeName::Dark, true);
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

fn quick() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30)
}

criterion_group! { name = benches; config = quick(); targets = render }
criterion_main!(benches);
