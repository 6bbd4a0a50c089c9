//! Helpers shared by the browser's tests: the bundled catalog, the monochrome theme, key
//! events in a small notation, and drawing into a `TestBackend`.
// Each test file uses some of these.
#![allow(dead_code)]

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use partners::action::{Action, Effect};
use partners::app::App;
use partners::catalog::Catalog;
use partners::dataset::{Kind, Partner, Scope};
use partners::store::State;
use partners::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A partner with only an id, a name and a description (an international network).
pub fn partner(id: &str, name: &str, description: &str) -> Partner {
    Partner {
        id: id.to_owned(),
        name: name.to_owned(),
        acronym: None,
        aliases: Vec::new(),
        kind: Kind::InternationalNetwork,
        scope: Scope::International,
        location: None,
        topics: Vec::new(),
        description: description.to_owned(),
        facts: Vec::new(),
        relations: Vec::new(),
        website: None,
        email: None,
        phone: None,
        booth: None,
    }
}

/// The bundled dataset.
pub fn bundled() -> Catalog {
    Catalog::bundled().expect("the bundled dataset loads")
}

/// The catalog position of partner `id`.
pub fn position(catalog: &Catalog, id: &str) -> usize {
    catalog.position(id).unwrap_or_else(|| panic!("{id} is in the catalog"))
}

/// No colours: snapshots show the layout and the text attributes only.
pub fn mono() -> Theme {
    Theme::mono()
}

/// An app over `catalog` laid out for `size`, with `actions` applied in order.
pub fn app_with(
    catalog: Catalog,
    state: State,
    query: &str,
    size: (u16, u16),
    actions: &[Action],
) -> App {
    let mut app = App::new(catalog, state, query);
    app.update(Action::Resize { width: size.0, height: size.1 });
    for action in actions {
        app.update(action.clone());
    }
    app
}

/// A key press.
pub fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

/// Feeds `event` through the key table and update, as the main loop does.
pub fn send(app: &mut App, event: &Event) -> Option<Effect> {
    partners::input::action(event, app.key_state()).and_then(|action| app.update(action))
}

/// Presses one key.
pub fn press(app: &mut App, code: KeyCode, modifiers: KeyModifiers) -> Option<Effect> {
    send(app, &key(code, modifiers))
}

/// Types `text`, one key a character.
pub fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c), KeyModifiers::NONE);
    }
}

fn mouse(kind: MouseEventKind, at: &str) -> Event {
    let (column, row) = at.split_once(',').expect("a position is column,row");
    Event::Mouse(MouseEvent {
        kind,
        column: column.parse().expect("a column"),
        row: row.parse().expect("a row"),
        modifiers: KeyModifiers::NONE,
    })
}

/// Sends `keys` (tokens of the key notation of [`events`], separated by spaces) to `app`;
/// returns every effect they asked for, in order.
pub fn keys(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for token in keys.split_whitespace() {
        for event in events(token) {
            if let Some(action) = partners::input::action(&event, app.key_state()) {
                effects.extend(app.update(action));
            }
        }
    }
    effects
}

/// One token of the key notation as the events a terminal would send: a plain token is typed
/// character by character; `<…>` names a key (`<Enter>`, `<C-w>`, `<A-Left>`, `<F1>`,
/// `<Space>`), a click (`<Click:5,4>`), the wheel (`<WheelDown:5,4>`) or a resize
/// (`<Resize:50x16>`).
pub fn events(token: &str) -> Vec<Event> {
    let Some(name) = token.strip_prefix('<').and_then(|t| t.strip_suffix('>')) else {
        return token.chars().map(|c| key(KeyCode::Char(c), KeyModifiers::NONE)).collect();
    };
    if let Some((what, at)) = name.split_once(':') {
        return vec![match what {
            "Click" => mouse(MouseEventKind::Down(crossterm::event::MouseButton::Left), at),
            "WheelDown" => mouse(MouseEventKind::ScrollDown, at),
            "WheelUp" => mouse(MouseEventKind::ScrollUp, at),
            "Resize" => {
                let (w, h) = at.split_once('x').expect("a size is WxH");
                Event::Resize(w.parse().expect("a width"), h.parse().expect("a height"))
            }
            _ => panic!("unknown event {token}"),
        }];
    }
    let (modifiers, name) = match name.split_once('-') {
        Some(("C", rest)) => (KeyModifiers::CONTROL, rest),
        Some(("A", rest)) => (KeyModifiers::ALT, rest),
        Some(("S", rest)) => (KeyModifiers::SHIFT, rest),
        _ => (KeyModifiers::NONE, name),
    };
    let code = match name {
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "BackTab" => KeyCode::BackTab,
        "BS" => KeyCode::Backspace,
        "Del" => KeyCode::Delete,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "PgUp" => KeyCode::PageUp,
        "PgDn" => KeyCode::PageDown,
        "Space" => KeyCode::Char(' '),
        f if f.starts_with('F') && f.len() > 1 => KeyCode::F(f[1..].parse().expect("F<n>")),
        c if c.chars().count() == 1 => KeyCode::Char(c.chars().next().unwrap_or(' ')),
        _ => panic!("unknown key {token}"),
    };
    vec![key(code, modifiers)]
}

/// The detail pane's rows as text, every one of them (not only those on screen).
pub fn detail_rows(app: &App) -> Vec<String> {
    let detail = app.detail();
    let rows = detail.lines(0..detail.line_count()).into_iter();
    rows.map(|line| line.iter().map(|segment| segment.text.as_str()).collect()).collect()
}

/// Draws `app` in monochrome at `width`×`height`.
pub fn draw_at(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(width, height)).expect("a test terminal never fails");
    terminal.draw(|f| partners::ui::render(app, &mono(), f)).expect("drawing into a test backend");
    terminal
}

/// Draws `app` in monochrome at the size it was laid out for.
pub fn draw(app: &App) -> Terminal<TestBackend> {
    let (width, height) = app.size();
    draw_at(app, width, height)
}

/// What `app` shows at the size it was laid out for, one line a row.
pub fn screen(app: &App) -> String {
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    let row = |y| (0..buffer.area.width).map(|x| buffer[(x, y)].symbol()).collect::<String>();
    (0..buffer.area.height).map(row).collect::<Vec<_>>().join("\n")
}

/// Draws `app` in `theme` at the size it was laid out for.
pub fn draw_themed(app: &App, theme: &Theme) -> Terminal<TestBackend> {
    let (width, height) = app.size();
    let mut terminal =
        Terminal::new(TestBackend::new(width, height)).expect("a test terminal never fails");
    terminal.draw(|f| partners::ui::render(app, theme, f)).expect("drawing into a test backend");
    terminal
}

/// A FIFO made at `path`, for tests of what never ends or is never written.
#[cfg(unix)]
pub fn mkfifo(path: &std::path::Path) {
    let made = std::process::Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}
