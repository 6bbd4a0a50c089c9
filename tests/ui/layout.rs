//! French screens, colours, what gives way on a narrow screen, and what the status line
//! and the help say.

use partners::action::Action;
use partners::app::App;
use partners::catalog::Catalog;
use partners::store::State;
use partners::ui::theme::{ColorDepth, Theme, ThemeName};
use ratatui::style::Color;
use rstest::rstest;
use unicode_width::UnicodeWidthStr;

use super::common::{self, app_with, bundled, draw, partner};
use super::{app, highlights, marked_state, name, rows};

/// The main screens in French: every word of the interface translated, the data as written.
#[rstest]
#[case::first_screen("first_screen", "", (120, 40), vec![])]
#[case::query("query", "bordeaux", (80, 24), vec![])]
#[case::detail("detail", "ugap", (120, 40), vec![Action::Open])]
#[case::no_match("no_match", "zzzz", (80, 24), vec![])]
#[case::query_error("query_error", "kind:zzz", (80, 24), vec![])]
#[case::help("help", "", (80, 24), vec![Action::OpenHelp])]
#[case::detail_scrolled("detail_scrolled", "ugap", (80, 24), vec![Action::Open, Action::ScrollDown])]
#[case::note_wraps("note_wraps", "ugap", (40, 12), vec![Action::EditNote, Action::CursorHome])]
#[case::overview("overview", "", (80, 24), vec![Action::OpenOverview])]
#[case::network("network", "", (80, 24), vec![Action::OpenOverview, Action::PreviousTab])]
#[case::note("note", "ugap", (80, 24), vec![Action::EditNote, Action::Insert('x'), Action::CancelNote])]
#[case::too_small("too_small", "", (20, 6), vec![])]
fn french_screens(
    #[case] name: &str,
    #[case] query: &str,
    #[case] size: (u16, u16),
    #[case] actions: Vec<Action>,
) {
    partners::i18n::set(partners::i18n::Lang::Fr);
    let app = app_with(bundled(), marked_state(), query, size, &actions);
    let terminal = draw(&app);
    partners::i18n::set(partners::i18n::Lang::En);
    insta::assert_snapshot!(format!("fr_{name}_{}x{}", size.0, size.1), terminal.backend());
}

/// Every screen in colour, both themes: no visible character is drawn in a colour that
/// vanishes on the theme's background (grey or white on a light terminal, black on a dark
/// one), where the cell keeps the terminal's own background.
#[rstest]
fn colours_keep_their_contrast(
    #[values(ThemeName::Light, ThemeName::Dark)] name: ThemeName,
    #[values(0, 1, 2, 3, 4, 5)] screen: usize,
) {
    let screens: [&[Action]; 6] = [
        &[],
        &[Action::ToggleFocus, Action::NextLink],
        &[Action::OpenHelp],
        &[Action::OpenOverview],
        &[Action::OpenOverview, Action::PreviousTab, Action::NextRow],
        &[Action::EditNote],
    ];
    let low: &[Color] = match name {
        ThemeName::Light => &[Color::Gray, Color::White, Color::LightYellow, Color::LightCyan],
        ThemeName::Dark => &[Color::Black, Color::Blue],
    };
    let theme = Theme::new(name, ColorDepth::TrueColor);
    let app = app_with(bundled(), marked_state(), "ugap", (120, 40), screens[screen]);
    let terminal = common::draw_themed(&app, &theme);
    let buffer = terminal.backend().buffer();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            if cell.symbol().trim().is_empty() || cell.bg != Color::Reset {
                continue;
            }
            assert!(
                !low.contains(&cell.fg),
                "{name:?}: {:?} drawn in {:?} at ({x}, {y}) on screen {screen}:\n{}",
                cell.symbol(),
                cell.fg,
                terminal.backend()
            );
        }
    }
}

/// A long name whose match is past the cut: the start is dropped so the match shows.
#[rstest]
#[case((100, 30))]
#[case((60, 20))]
fn a_cut_name_keeps_its_match_in_view(#[case] size: (u16, u16)) {
    let actions: Vec<Action> = "aquitaine".chars().map(Action::Insert).collect();
    let app = app("", size, &actions);
    let terminal = draw(&app);
    let shown = format!(
        "{}\nhighlighted:\n{}",
        terminal.backend(),
        highlights(terminal.backend().buffer())
    );
    insta::assert_snapshot!(name(size, "match_in_view"), shown);
}

/// A long filter query on a narrow screen: the count and the text at the cursor stay; the
/// filter summary shrinks or goes.
#[rstest]
#[case::end("end", (60, 20), vec![])]
#[case::home("home", (60, 20), vec![Action::CursorHome])]
#[case::short("short", (60, 20), vec![Action::DeleteWord, Action::DeleteWord])]
#[case::wide("wide", (120, 40), vec![])]
fn search_line_with_filters(
    #[case] name: &str,
    #[case] size: (u16, u16),
    #[case] then: Vec<Action>,
) {
    let query = "kind:professional-association topic:procurement scope:regional achat";
    let mut actions: Vec<Action> = query.chars().map(Action::Insert).collect();
    actions.extend(then);
    let app = app("", size, &actions);
    let terminal = draw(&app);
    let first = rows(terminal.backend().buffer()).remove(0);
    let count = format!("{}/{}", app.results().len(), app.catalog().partners().len());
    assert!(first.contains(&count), "the count shows: {first}");
    insta::assert_snapshot!(
        format!("search_line_{name}_{}x{}", size.0, size.1),
        format!("{first}\ncursor at {:?}", terminal.backend().cursor_position())
    );
}

/// The filter summary shows alternatives with their `|`: two filters joined by it are either,
/// not both, and a filter that is an alternative to a word does not filter the list alone.
#[rstest]
#[case("kind:media | kind:programme", "[kind:media | kind:programme]")]
#[case("ugap | kind:media", "[ugap | kind:media]")]
#[case(
    "kind:media | kind:programme !weka scope:national",
    "[kind:media | kind:programme scope:national]"
)]
#[case("bordeaux kind:pub", "[kind:pub]")]
// Grouped as the search groups them: a word that is no term (`kind:`) is left out there.
#[case("ugap | kind: | kind:media", "[ugap | kind:media]")]
fn filter_summary_keeps_alternatives(#[case] query: &str, #[case] summary: &str) {
    let actions: Vec<Action> = query.chars().map(Action::Insert).collect();
    let app = app("", (120, 40), &actions);
    let first = rows(draw(&app).backend().buffer()).remove(0);
    assert!(first.contains(&format!("{summary} ")), "{first}");
}

/// A partner whose entry states no relation: the detail ends with partners like it, labelled
/// as similar, the first one chosen.
#[rstest]
#[case((120, 40), partners::i18n::Lang::En)]
#[case((80, 24), partners::i18n::Lang::En)]
#[case((120, 40), partners::i18n::Lang::Fr)]
fn similar_partners_end_the_detail(#[case] size: (u16, u16), #[case] lang: partners::i18n::Lang) {
    partners::i18n::set(lang);
    let mut app = app("achatpublic", size, &[Action::Open, Action::NextLink]);
    assert!(app.detail().link_count() > 0, "similar partners are listed");
    for _ in 0..40 {
        app.update(Action::ScrollDown);
    }
    let terminal = draw(&app);
    partners::i18n::set(partners::i18n::Lang::En);
    let prefix = if lang == partners::i18n::Lang::Fr { "fr_" } else { "" };
    insta::assert_snapshot!(name(size, &format!("{prefix}similar")), terminal.backend());
}

/// A section's title is wrapped, never cut, on a narrow screen, in French too.
#[test]
fn section_titles_are_whole_on_a_narrow_screen() {
    partners::i18n::set(partners::i18n::Lang::Fr);
    let app = app("achatpublic", (40, 12), &[Action::Open]);
    let title = partners::i18n::s().similar;
    partners::i18n::set(partners::i18n::Lang::En);
    let rows = common::detail_rows(&app);
    let squeezed = |text: &str| text.split_whitespace().collect::<String>();
    let shown: String = rows.iter().map(|row| squeezed(row)).collect();
    assert!(shown.contains(&squeezed(title)), "{title} in {rows:#?}");
    assert!(rows.iter().all(|row| UnicodeWidthStr::width(row.as_str()) <= 40), "{rows:#?}");
}

/// The status line after Alt-c, each way the card can go, in both languages.
#[rstest]
#[case("program", partners::clipboard::CopyWay::Program("wl-copy".into()))]
#[case("tmux", partners::clipboard::CopyWay::Terminal {
    via: Some(partners::clipboard::Multiplexer::Tmux),
    cut: false,
})]
#[case("cut", partners::clipboard::CopyWay::Terminal { via: None, cut: true })]
fn copied_status(
    #[case] name: &str,
    #[case] way: partners::clipboard::CopyWay,
    #[values(partners::i18n::Lang::En, partners::i18n::Lang::Fr)] lang: partners::i18n::Lang,
) {
    partners::i18n::set(lang);
    let copied = Action::Copied { name: "GSEF".into(), way };
    let app = app("gsef", (80, 24), &[copied]);
    let last = rows(draw(&app).backend().buffer()).pop().unwrap_or_default();
    partners::i18n::set(partners::i18n::Lang::En);
    insta::assert_snapshot!(format!("copied_{name}_{lang:?}_80x24"), last);
}

/// `partners serach ugap`: the browser opens on that query (it may be one), and the status
/// line says, as a hint and not an error, which command it looks like, in both languages.
#[rstest]
fn a_mistyped_command_is_hinted_on_the_status_line(
    #[values(partners::i18n::Lang::En, partners::i18n::Lang::Fr)] lang: partners::i18n::Lang,
) {
    partners::i18n::set(lang);
    let query = ["serach".to_owned(), "ugap".to_owned()];
    let hint = partners::cli::mistyped_command(&query).expect("serach looks like search");
    let mut app = app("serach ugap", (100, 20), &[]);
    app.hint_at_start(hint);
    let terminal = draw(&app);
    partners::i18n::set(partners::i18n::Lang::En);
    assert!(app.status().is_some_and(|s| !s.error), "{:?}", app.status());
    insta::assert_snapshot!(format!("mistyped_command_{lang:?}_100x20"), terminal.backend());
}

/// The sizes the screens were tried at: the list, the detail and the help.
#[rstest]
fn screens_at_the_sizes_tried(
    #[values((100, 30), (60, 20), (40, 12))] size: (u16, u16),
    #[values("list", "detail", "help")] screen: &str,
) {
    let actions = match screen {
        "detail" => vec![Action::Open],
        "help" => vec![Action::OpenHelp],
        _ => vec![],
    };
    let app = app_with(bundled(), marked_state(), "bordeaux", size, &actions);
    insta::assert_snapshot!(name(size, &format!("tried_{screen}")), draw(&app).backend());
}

/// A description of megabytes is laid out up to 1 MiB, then says how much is left and how to
/// print it whole: selecting that partner never waits on laying out the rest.
#[test]
fn a_huge_description_is_shown_in_part() {
    let long = "word ".repeat(600_000); // 3 MB
    let catalog =
        Catalog::from_partners(vec![partner("big", "Big", &long)], Vec::new(), Vec::new());
    let app = app_with(catalog, State::default(), "word", (100, 30), &[]);
    let text = common::detail_rows(&app);
    let shown: usize = text.iter().filter(|l| l.starts_with("word")).map(String::len).sum();
    assert!(shown < 1_100_000, "{shown} bytes laid out");
    let tail = text[text.len().saturating_sub(4)..].join(" ");
    let left = 3_000_000 - partners::text::SHOWN_MAX;
    let said =
        format!("… characters left out: {left}; `partners show big` prints the whole description");
    assert!(tail.split_whitespace().collect::<Vec<_>>().join(" ").contains(&said), "{tail}");
    // The highlights stop where the text shown does.
    draw(&app);
    // Scrolled to its end: the last line laid out, then how much is left.
    let mut app = app;
    app.update(Action::ToggleFocus);
    app.update(Action::DetailBottom);
    let screen = rows(draw(&app).backend().buffer());
    let inside = &screen[screen.len() - 6..screen.len() - 2];
    assert!(inside.iter().any(|row| row.contains("│word word")), "{screen:#?}");
    assert!(inside.iter().any(|row| row.contains("characters left out")), "{screen:#?}");
}

/// The help shows the warnings of the start whole: on a narrow screen (40x12) they wrap
/// within the help's box, and read by scrolling, a skipped file's every problem and fix is
/// there, in order, nothing cut (not even its long path, broken where it must be).
#[test]
fn warnings_in_the_help_wrap_and_lose_nothing_at_40x12() {
    let file = std::path::Path::new("/home/anne/partners/datasets/salon-bordeaux-2025.ron");
    let partner = |id: &str| {
        format!("  (id: \"{id}\", name: \"\", kind: Media, scope: National, description: \"x\"),\n")
    };
    let text = format!("(partners: [\n{}{}])", partner("first-one"), partner("second-one"));
    let error = partners::dataset::parse(&text, file).expect_err("two empty names");
    let warning = partners::catalog::Warning::Skipped(error);
    let skipped = partners::i18n::s().loading_skipped;
    let whole = warning.said(skipped);
    assert!(whole.lines().count() >= 4, "two problems, each with its fix: {whole}");
    let mut app = app("", (40, 12), &[]);
    app.warn_at_start_whole([(warning.one_line(skipped), whole.clone())]);
    app.update(Action::OpenHelp);
    insta::assert_snapshot!("help_warnings_40x12", draw(&app).backend());
    // Each scroll brings one line up to the box's top row: those rows, then the last screen.
    let inside = |app: &App| -> Vec<String> {
        let buffer = draw(app).backend().buffer().clone();
        let rows = rows(&buffer);
        let top = rows.iter().position(|r| r.contains('┌')).expect("the help's box");
        let bottom = rows.iter().rposition(|r| r.contains('└')).expect("the help's box");
        rows[top + 1..bottom]
            .iter()
            .map(|row| {
                let inner: String = row.chars().skip_while(|&c| c != '│').skip(1).collect();
                inner.trim_end().trim_end_matches('│').trim().to_owned()
            })
            .collect()
    };
    let mut read = Vec::new();
    let mut last = inside(&app);
    for _ in 0..200 {
        read.push(last[0].clone());
        let before = app.help_scroll();
        app.update(Action::HelpDown);
        if app.help_scroll() == before {
            break;
        }
        last = inside(&app);
    }
    read.extend(last.into_iter().skip(1));
    let end = read.iter().position(String::is_empty).expect("a blank line after the warnings");
    let shown: String = read[1..end].concat().split_whitespace().collect();
    let said: String = partners::text::clean_multiline(&whole).split_whitespace().collect();
    assert_eq!(shown, said, "the help shows:\n{}", read[..end].join("\n"));
}

/// The "too small" screen names the key that quits: the user's own when the configuration
/// gave `quit` another (`quit = ["ctrl-g"]`, where Ctrl-C does nothing), in both languages.
#[test]
fn too_small_names_the_users_quit_key() {
    use partners::i18n::Lang;
    let config = partners::config::Config::parse(
        "[keys]\nquit = [\"ctrl-g\"]\n",
        std::path::Path::new("config.toml"),
    )
    .expect("reads");
    let mut app = app_with(bundled(), State::default(), "", (20, 6), &[]);
    app.set_bindings(config.bindings());
    for (lang, width) in [(Lang::En, 40), (Lang::Fr, 60)] {
        partners::i18n::set(lang);
        let shown = rows(draw(&app).backend().buffer()).join(" ");
        let wide = rows(common::draw_at(&app, width, 6).backend().buffer()).join(" ");
        partners::i18n::set(Lang::En);
        for shown in [shown, wide] {
            assert!(shown.contains("Ctrl-G") && !shown.contains("Ctrl-C"), "{lang:?}: {shown}");
        }
    }
}

/// "No partner matches" names the key that clears the query: Esc, unless the user gave Esc
/// to quit (where it quits, so the advice would end the browser); then Ctrl-U, which clears.
#[test]
fn no_match_names_the_key_that_clears_the_query() {
    use partners::i18n::Lang;
    let config = partners::config::Config::parse(
        "[keys]\nquit = [\"esc\"]\n",
        std::path::Path::new("config.toml"),
    )
    .expect("reads");
    let default = app_with(bundled(), State::default(), "zzzz", (80, 24), &[]);
    let mut esc_quits = app_with(bundled(), State::default(), "zzzz", (80, 24), &[]);
    esc_quits.set_bindings(config.bindings());
    for (lang, clears) in
        [(Lang::En, "to clear the query"), (Lang::Fr, "pour effacer la recherche")]
    {
        partners::i18n::set(lang);
        let shown = |app: &App| rows(draw(app).backend().buffer()).join("\n");
        let (default, esc_quits) = (shown(&default), shown(&esc_quits));
        partners::i18n::set(Lang::En);
        let esc = if lang == Lang::Fr { "Échap" } else { "Esc" };
        assert!(default.contains(&format!("· {esc} {clears}")), "{lang:?}: {default}");
        assert!(esc_quits.contains(&format!("· Ctrl-U {clears}")), "{lang:?}: {esc_quits}");
    }
}
