//! Invisible and zero-width characters in data (soft hyphens, zero-width spaces and joiners,
//! variation selectors, a byte-order mark) never break the screen: none reaches it (terminals
//! disagree on their width), every row is as wide as the terminal and every pane keeps its
//! right border.

use partners::action::Action;
use partners::catalog::{Catalog, Source};
use partners::store::State;

mod common;
use common::{app_with, draw, partner};

fn invisible_catalog() -> Catalog {
    let mut shy = partner(
        "shy",
        "Com\u{AD}mu\u{AD}nau\u{AD}té d'ag\u{AD}glo\u{AD}mé\u{AD}ra\u{AD}tion du Grand Ouest",
        "Soft\u{AD}hyphens\u{AD}every\u{AD}where and zero\u{200B}width\u{200B}spaces, \u{FEFF}a BOM, \
         a word\u{2060}joiner, e\u{301} combining, ❤\u{FE0F} with a selector.",
    );
    shy.acronym = Some("C\u{AD}A\u{200D}GO".to_owned());
    shy.location = Some("Nan\u{200B}tes".to_owned());
    let zw = partner("zw", "\u{200B}\u{200C}\u{200D}\u{2060}Zero Width Network", "Plain text.");
    Catalog::from_partners(vec![shy, zw], vec![Source::Bundled], Vec::new())
}

#[test]
fn invisible_characters_keep_every_border() {
    for (width, height) in [(120, 40), (100, 30), (80, 24), (61, 20), (50, 16), (31, 8)] {
        for query in ["", "commu", "zero", "agglo"] {
            for actions in [&[][..], &[Action::Open], &[Action::ToggleFocus, Action::NextLink]] {
                let app = app_with(
                    invisible_catalog(),
                    State::default(),
                    query,
                    (width, height),
                    actions,
                );
                let terminal = draw(&app);
                let buffer = terminal.backend().buffer();
                for y in 0..buffer.area.height {
                    let mut columns = 0;
                    let mut x = 0;
                    let mut last = String::new();
                    while x < buffer.area.width {
                        let cell = &buffer[(x, y)];
                        assert!(
                            !cell.symbol().chars().any(partners::text::is_invisible),
                            "an invisible character reached the screen at {x},{y}: {:?}",
                            cell.symbol()
                        );
                        let w = unicode_width::UnicodeWidthStr::width(cell.symbol()).max(1);
                        columns += w;
                        last = cell.symbol().to_owned();
                        x += u16::try_from(w).unwrap_or(1);
                    }
                    assert_eq!(
                        columns,
                        usize::from(width),
                        "row {y} at {width}x{height} {query:?}"
                    );
                    if y > 0 && y + 1 < height {
                        assert!(
                            matches!(last.as_str(), "│" | "┐" | "┘"),
                            "row {y} at {width}x{height}, query {query:?}, ends with {last:?}:\n{}",
                            terminal.backend()
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn long_relations_wrap_within_the_pane_and_keep_every_word() {
    use partners::dataset::{Relation, RelationKind};
    use partners::view::detail::{self, DetailModel, Marking};
    let outside = "Agence tres longue e ab ".repeat(6);
    let mut first = partner("first", "First", "Plain text.");
    first.relations = vec![
        Relation {
            kind: RelationKind::MemberOf,
            target: None,
            name: Some(outside.trim().to_owned()),
            note: Some("since the year a b c d e f g h i j k l m n o p q r s t u v w".to_owned()),
        },
        Relation {
            kind: RelationKind::PartOf,
            target: Some("second".to_owned()),
            name: None,
            note: None,
        },
    ];
    let second = partner("second", &"Bordeaux métropole x ".repeat(5), "Plain text.");
    let catalog = Catalog::from_partners(vec![first, second], vec![Source::Bundled], Vec::new());
    // Long words are cut where they must be: every letter is compared, spaces aside.
    let letters = |text: &str| text.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    for columns in 12..=70 {
        let model =
            detail::build(&catalog, 0, &Marking::default(), None, columns, &DetailModel::default());
        let mut shown = String::new();
        for line in &model.lines(0..model.line_count()) {
            let text: String = line.iter().map(|s| s.text.as_str()).collect();
            let used = unicode_width::UnicodeWidthStr::width(text.as_str());
            assert!(used <= usize::from(columns), "{used} > {columns}: {text:?}");
            shown.push_str(&text);
            shown.push(' ');
        }
        for name in [outside.as_str(), &"Bordeaux métropole x ".repeat(5)] {
            assert!(letters(&shown).contains(&letters(name)), "{columns}: {shown}");
        }
    }
}

/// Pieces of text whose widths are measured apart: ASCII, accents (precomposed and combining),
/// CJK, emoji with and without U+FE0F and with skin tones, joined sequences, flags, and the
/// invisible and zero-width characters that cleaning drops or keeps.
const PIECES: &[&str] = &[
    "a",
    "Z ",
    "é",
    "e\u{301}",
    "日",
    "テ",
    "❤",
    "❤\u{FE0F}",
    "☺\u{FE0F}",
    "✔\u{FE0F}",
    "\u{FE0F}",
    "\u{FE0E}",
    "👍",
    "👍🏽",
    "👩\u{200D}👧",
    "👨\u{200D}👩\u{200D}👧\u{200D}👦",
    "❤\u{FE0F}\u{200D}🔥",
    "🏳\u{FE0F}\u{200D}🌈",
    "🇫🇷",
    "\u{1F1EB}",
    "\u{200D}",
    "\u{200B}",
    "\u{AD}",
    "\u{2060}",
    "\u{FEFF}",
    "\u{301}",
    "\u{1b}",
    "\t",
    "ل",
    "ا",
    "…",
];

proptest::proptest! {
    /// Whatever the text, what `truncate` gives is never wider than asked as `width` measures
    /// it; the text whole when it fits, else a start of it with `…`.
    #[test]
    fn truncate_never_gives_more_than_width_allows(
        pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..24),
        max in 0usize..24,
    ) {
        let text = pieces.concat();
        let cut = partners::text::truncate(&text, max);
        let whole = partners::text::clean(&text);
        proptest::prop_assert!(
            partners::text::width(&cut) <= max,
            "{text:?} cut to {max}: {cut:?} is {} wide",
            partners::text::width(&cut)
        );
        if partners::text::width(&text) <= max {
            proptest::prop_assert_eq!(&cut, &whole);
        } else if max > 0 {
            let start = cut.strip_suffix('…');
            proptest::prop_assert!(start.is_some_and(|s| whole.starts_with(s)), "{cut:?}");
        }
    }
}

#[test]
fn an_emoji_with_its_selector_is_cut_whole() {
    use partners::text::truncate;
    // Two columns: no room for it and the `…` in two.
    assert_eq!(truncate("❤\u{FE0F}❤\u{FE0F}", 2), "…");
    assert_eq!(truncate("a❤\u{FE0F}b", 3), "a…");
    assert_eq!(truncate("❤\u{FE0F}❤\u{FE0F}❤\u{FE0F}", 5), "❤\u{FE0F}❤\u{FE0F}…");
}

/// A name whose emoji carry their selector (`❤` and U+FE0F: one emoji of two columns, not two
/// characters of one and none), cut so that what the query matched stays in view: the row is
/// measured cluster by cluster as it is drawn, so the match shows whole (the hearts counted a
/// column each pushed it out of the row) and every row keeps its borders.
#[test]
fn a_cut_name_with_emoji_keeps_its_match_in_view_and_its_borders() {
    use ratatui::style::Modifier;
    let name = format!("Amicale des cœurs {} Lyon", "❤\u{FE0F}".repeat(10));
    let mut cut = 0;
    for width in 20..=90 {
        let catalog = Catalog::from_partners(
            vec![partner("coeurs", &name, "Plain."), partner("autre", "Autre", "Plain.")],
            vec![Source::Bundled],
            Vec::new(),
        );
        let app = app_with(catalog, State::default(), "lyon", (width, 12), &[]);
        let terminal = draw(&app);
        let buffer = terminal.backend().buffer();
        // The list pane ends at the first corner of its top border.
        let top = (0..12).find(|&y| buffer[(0, y)].symbol() == "┌").unwrap_or(0);
        let list_end = (1..width).find(|&x| buffer[(x, top)].symbol() == "┐").unwrap_or(width);
        for y in 0..buffer.area.height {
            let (mut drawn, mut columns, mut x) = (String::new(), 0, 0);
            let mut matched = String::new();
            while x < width {
                let cell = &buffer[(x, y)];
                let w = unicode_width::UnicodeWidthStr::width(cell.symbol()).max(1);
                if x < list_end && cell.modifier.contains(Modifier::BOLD | Modifier::UNDERLINED) {
                    matched.push_str(cell.symbol());
                }
                drawn.push_str(cell.symbol());
                columns += w;
                x += u16::try_from(w).unwrap_or(1);
            }
            assert_eq!(columns, usize::from(width), "row {y} at {width}:\n{}", terminal.backend());
            let body = matches!(buffer[(0, y)].symbol(), "│" | "▌");
            assert!(
                !body || list_end == width || buffer[(list_end, y)].symbol() == "│",
                "row {y} at {width}: the list's border moved:\n{}",
                terminal.backend()
            );
            let in_list: String = drawn.chars().take(usize::from(list_end)).collect();
            if in_list.contains('❤') {
                cut += usize::from(in_list.contains("…❤"));
                assert_eq!(matched, "Lyon", "row {y} at {width}:\n{}", terminal.backend());
            }
        }
    }
    assert!(cut > 0, "no width cut the name before its match");
}

/// Partners whose names and descriptions hold what is hardest to measure: a family joined by
/// zero-width joiners, CJK, a letter and its combining accent, a flag, zero-width characters.
fn hard_catalog() -> Catalog {
    use partners::dataset::{Relation, RelationKind};
    let family = "👨\u{200D}👩\u{200D}👧";
    let mut famille = partner(
        "famille",
        &format!("Famille {family} Dupont-Tanaka 東京都"),
        &format!(
            "Une famille {family} de 東京都 et de Cafe\u{301} de la Gare 🇫🇷, zero\u{200B}width \
             joiner\u{2060}s {family}{family}{family} 東京都東京都東京都 🇫🇷🇫🇷🇫🇷 e\u{301}e\u{301}."
        ),
    );
    famille.acronym = Some(format!("FDT{family}"));
    famille.location = Some("東京都 🇫🇷".to_owned());
    famille.relations = vec![
        Relation {
            kind: RelationKind::MemberOf,
            target: Some("tokyo".to_owned()),
            name: None,
            note: None,
        },
        Relation {
            kind: RelationKind::PartOf,
            target: Some("cafe".to_owned()),
            name: None,
            note: Some(format!("{family} 東京都 🇫🇷")),
        },
    ];
    let tokyo = partner(
        "tokyo",
        "東京都庁 東京都 Métropole de Tokyo 東京都",
        "東京都の案内。東京都庁は新宿にあります。🇯🇵🇫🇷 Tokyo.",
    );
    let cafe = partner(
        "cafe",
        "Cafe\u{301} de\u{200B} la Gare\u{2060} 🇫🇷 e\u{301}e\u{301}e\u{301}e\u{301}",
        &format!("Un cafe\u{301} {family} 🇫🇷."),
    );
    let france = partner("france", "🇫🇷🇫🇷 Réseau France 🇫🇷 東京都 👨\u{200D}👩\u{200D}👧", "Plain.");
    Catalog::from_partners(vec![famille, tokyo, cafe, france], vec![Source::Bundled], Vec::new())
}

/// At 20 (too small: said so), 30, 40 and 60 columns, in the list and in the detail, with a query that highlights part
/// of such a name: every row is as wide as the screen, drawn as a terminal draws it (a wide
/// character takes the cell after it), each pane's right border is in its own column, and no
/// wide character has its hidden half written over.
#[test]
fn hard_text_keeps_every_border_at_narrow_widths() {
    use partners::view::layout::Mode;
    use ratatui::style::Modifier;
    for width in [20, 30, 40, 60] {
        for height in [8, 12, 20] {
            // Each query with what it highlights in the list, as drawn: `e` and its accent are
            // one cell.
            for (query, matched) in [
                ("", ""),
                ("famille", "Famille"),
                ("東京", "東京"),
                ("cafe", "Cafe\u{301}"),
                ("france", "France"),
                ("dupont", "Dupont"),
            ] {
                for actions in [
                    &[][..],
                    &[Action::Open],
                    &[Action::ToggleFocus, Action::NextLink],
                    &[Action::SelectNext, Action::Open],
                ] {
                    let app =
                        app_with(hard_catalog(), State::default(), query, (width, height), actions);
                    let terminal = draw(&app);
                    let shown = || {
                        format!("{width}x{height} {query:?} {actions:?}:\n{}", terminal.backend())
                    };
                    let buffer = terminal.backend().buffer();
                    let areas = app.areas();
                    // Too small (under 30 columns), the screen says so and draws no pane.
                    let mut panes = Vec::new();
                    if areas.mode != Mode::TooSmall {
                        panes.push(areas.list);
                    }
                    if areas.mode != Mode::TooSmall && areas.detail != areas.list {
                        panes.push(areas.detail);
                    }
                    let mut highlighted = false;
                    for y in 0..height {
                        // The columns a terminal starts a character at, and what it draws there.
                        let mut starts = std::collections::BTreeMap::new();
                        let mut x = 0;
                        while x < width {
                            let symbol = buffer[(x, y)].symbol();
                            let w = unicode_width::UnicodeWidthStr::width(symbol).max(1);
                            let w = u16::try_from(w).unwrap_or(1);
                            for hidden in x + 1..x + w {
                                assert!(
                                    hidden < width && buffer[(hidden, y)].symbol() == " ",
                                    "row {y}: {symbol:?} at {x} spills or has its half written over ({hidden}) at {}",
                                    shown()
                                );
                            }
                            starts.insert(x, symbol);
                            x += w;
                        }
                        assert_eq!(x, width, "row {y} is {x} columns at {}", shown());
                        // In the list, what the query matched is highlighted whole, nothing else.
                        let list = areas.list;
                        if panes.contains(&list)
                            && !app.narrow_detail()
                            && y > list.y
                            && y + 1 < list.bottom()
                        {
                            let bold = Modifier::BOLD | Modifier::UNDERLINED;
                            let runs: Vec<String> = starts
                                .range(list.x..list.right())
                                .map(|(&x, &symbol)| {
                                    (buffer[(x, y)].modifier.contains(bold), symbol)
                                })
                                .collect::<Vec<_>>()
                                .chunk_by(|a, b| a.0 == b.0)
                                .filter(|run| run[0].0)
                                .map(|run| run.iter().map(|(_, symbol)| *symbol).collect())
                                .collect();
                            assert!(
                                runs.iter().all(|run| run == matched),
                                "row {y}: {runs:?} highlighted, not {matched:?}, at {}",
                                shown()
                            );
                            highlighted |= !runs.is_empty();
                        }
                        for pane in &panes {
                            if pane.width < 2 || y <= pane.y || y + 1 >= pane.bottom() {
                                continue;
                            }
                            let right = pane.right() - 1;
                            assert_eq!(
                                starts.get(&right).copied(),
                                Some("│"),
                                "row {y}: the border of {pane:?} is not at column {right} at {}",
                                shown()
                            );
                        }
                    }
                    let list_shown = areas.mode != Mode::TooSmall && !app.narrow_detail();
                    assert_eq!(highlighted, list_shown && !matched.is_empty(), "{}", shown());
                }
            }
        }
    }
}

/// Partners whose names and descriptions are wide characters from an even and from an odd
/// column, so that one of them straddles any overlay's left edge.
fn wide_catalog() -> Catalog {
    let tokyo = "東京".repeat(30);
    let partners = (0..30)
        .map(|n| {
            let start = if n % 2 == 0 { "" } else { "a" };
            let name = format!("{start}{} {n:02}", &tokyo[..3 * 14]);
            partner(&format!("p{n}"), &name, &format!("{start}{tokyo} {tokyo}"))
        })
        .collect();
    Catalog::from_partners(partners, vec![Source::Bundled], Vec::new())
}

/// An overlay (the help, the overview, the QR code, the note editor and its question) over
/// wide characters keeps its left border: a wide character whose second half is under it is
/// taken away with the rest (a terminal drawing it would cover the border, and ratatui writes
/// nothing in the cell after a wide character).
#[test]
fn an_overlay_over_wide_characters_keeps_its_borders() {
    let note = || Action::Paste(format!("{}\n{}", "東京".repeat(40), "a東京".repeat(30)));
    for width in [30, 31, 40, 41, 60, 61, 80, 81, 100, 101] {
        for height in [8, 20, 30] {
            for actions in [
                vec![Action::OpenHelp],
                vec![Action::OpenOverview],
                vec![Action::ShowQr],
                vec![Action::EditNote, note()],
                vec![Action::EditNote, note(), Action::CancelNote],
            ] {
                let app = app_with(wide_catalog(), State::default(), "", (width, height), &actions);
                let mut terminal =
                    ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height))
                        .expect("a test terminal");
                let meant = terminal
                    .draw(|f| partners::ui::render(&app, &common::mono(), f))
                    .expect("drawn")
                    .buffer
                    .clone();
                // What a terminal shows: what ratatui wrote, which skips the cell after a
                // wide character.
                let shown = terminal.backend().buffer();
                for y in 0..height {
                    let row = |buffer: &ratatui::buffer::Buffer| {
                        (0..width).map(|x| buffer[(x, y)].symbol().to_owned()).collect::<String>()
                    };
                    assert_eq!(
                        row(shown),
                        row(&meant),
                        "row {y} at {width}x{height} {actions:?}:\n{}",
                        terminal.backend()
                    );
                }
            }
        }
    }
}

/// Every cell of `app`'s screen at its size starts with a character that takes a column: a
/// cell that starts with a mark of no width (a combining accent, a variation selector) has a
/// terminal put that mark on the cell before, where it stays once the cell changes.
fn assert_no_cell_starts_with_a_mark(app: &partners::app::App, what: &str) {
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            let symbol = buffer[(x, y)].symbol();
            let first = symbol.chars().next();
            assert!(
                first.is_none_or(|c| unicode_width::UnicodeWidthChar::width(c) != Some(0)),
                "{what}: the cell at {x},{y} starts with a mark of no width: {symbol:?}\n{}",
                terminal.backend()
            );
        }
    }
}

/// A text that starts with a combining accent or a variation selector, or has a line that
/// does (a note), has it drawn on no other cell: the terminal would put it on the border or
/// the space before, and leave it there when another partner is shown.
#[test]
fn a_mark_with_nothing_before_it_is_drawn_on_no_other_cell() {
    let catalog = || {
        let mut lone = partner("lone", "\u{301} leading accent", "\u{301}Description.");
        lone.acronym = Some("\u{FE0F}LA".to_owned());
        lone.location = Some("\u{301}Nantes".to_owned());
        lone.aliases = vec!["\u{308}alias".to_owned()];
        let fact =
            partners::dataset::Fact { label: "\u{301}Label".into(), value: "\u{301}2".into() };
        lone.facts = vec![fact];
        Catalog::from_partners(vec![lone], vec![Source::Bundled], Vec::new())
    };
    let mut state = State::default();
    state.marks.entry("lone".to_owned()).or_default().note =
        Some("first line\n\u{301}second line".to_owned());
    for (width, height) in [(100, 30), (60, 20), (40, 12)] {
        for query in ["", "leading", "\u{301}lead"] {
            for actions in [&[][..], &[Action::Open], &[Action::EditNote]] {
                let app = app_with(catalog(), state.clone(), query, (width, height), actions);
                let what = format!("{width}x{height} {query:?} {actions:?}");
                assert_no_cell_starts_with_a_mark(&app, &what);
            }
        }
    }
}
