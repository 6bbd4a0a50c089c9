//! The network of relations: backlinks in the catalog, following a relation in the browser
//! and going back and forward, the overview's bars and network rows, and copying a card.

use base64::Engine as _;
use crossterm::event::{KeyCode, KeyModifiers};
use partners::action::{Action, Effect};
use partners::app::{App, Focus, Overlay};
use partners::catalog::{Catalog, Source};
use partners::clipboard::{Clipboard, CopyWay, Multiplexer};
use partners::dataset::{Kind, Partner, Relation, RelationKind, Scope};
use partners::output::{self, CardFormat};
use partners::store::State;
use partners::view::overview::{self, OverviewTab, RowAction};
use rstest::rstest;

mod common;
use common::{bundled, position, press, typed};

// -- Backlinks --------------------------------------------------------------------------

#[rstest]
#[case::gsef("gsef", &[("bordeaux", RelationKind::HeadquartersOf), ("bordeaux", RelationKind::PresidencyOf)])]
#[case::cci("cci-bordeaux-gironde", &[("convergence-marches", RelationKind::InitiativeOf)])]
#[case::three_ar_runs_nothing("3ar", &[])]
#[case::french_tech("mission-french-tech", &[("french-tech-bordeaux", RelationKind::AwardedBy)])]
#[case::none("ugap", &[])]
#[case::no_incoming("bordeaux", &[])]
fn bundled_backlinks(#[case] id: &str, #[case] expected: &[(&str, RelationKind)]) {
    let catalog = bundled();
    let mut found: Vec<(&str, RelationKind)> = catalog
        .backlinks(position(&catalog, id))
        .iter()
        .map(|b| (catalog.get(b.from).map_or("?", |p| p.id.as_str()), b.kind))
        .collect();
    found.sort_by_key(|(from, kind)| (*from, kind.slug()));
    let mut expected = expected.to_vec();
    expected.sort_by_key(|(from, kind)| (*from, kind.slug()));
    assert_eq!(found, expected, "backlinks of {id}");
}

#[test]
fn every_bundled_relation_to_a_partner_is_a_backlink_and_no_other() {
    let catalog = bundled();
    let mut stated = 0;
    for (from, partner) in catalog.partners().iter().enumerate() {
        for relation in &partner.relations {
            let Some(target) = &relation.target else { continue };
            stated += 1;
            let to = position(&catalog, target);
            assert!(
                catalog.backlinks(to).iter().any(|b| b.from == from
                    && b.kind == relation.kind
                    && b.note == relation.note.as_deref()),
                "{} -> {target} ({:?}) has no backlink",
                partner.id,
                relation.kind
            );
        }
    }
    let total: usize = (0..catalog.partners().len()).map(|i| catalog.backlinks(i).len()).sum();
    assert_eq!(total, stated, "one backlink per relation to a partner");
    assert!(catalog.backlinks(catalog.partners().len()).is_empty(), "out of range is empty");
}

#[test]
fn a_dataset_file_follows_relations_as_the_bundled_catalog_does() {
    // A single file is checked and its relations tabled while it is indexed; the bundled
    // catalog makes them on first use. Both must say the same.
    let dir = tempfile::TempDir::new().expect("a temporary folder");
    let file = dir.path().join("partners.ron");
    std::fs::write(&file, partners::dataset::BUNDLED_SOURCE).expect("writing the dataset");
    let from_file = Catalog::from_files(&[file]).expect("the file loads");
    let catalog = bundled();
    assert_eq!(from_file.partners().len(), catalog.partners().len());
    for (i, p) in catalog.partners().iter().enumerate() {
        assert_eq!(from_file.position(&p.id), Some(i), "{}", p.id);
        assert_eq!(from_file.backlinks(i), catalog.backlinks(i), "backlinks of {}", p.id);
        assert_eq!(from_file.links(i), catalog.links(i), "links of {}", p.id);
    }
    assert_eq!(from_file.position("no-such-partner"), None);
    assert!(catalog.partners().iter().enumerate().any(|(i, _)| !catalog.backlinks(i).is_empty()));
}

fn partner(id: &str, relations: Vec<Relation>) -> Partner {
    Partner {
        id: id.to_owned(),
        name: format!("Partner {}", id.to_uppercase()),
        acronym: None,
        aliases: Vec::new(),
        kind: Kind::BusinessNetwork,
        scope: Scope::Local,
        location: None,
        topics: Vec::new(),
        description: format!("The {id} partner."),
        facts: Vec::new(),
        relations,
        website: None,
        email: None,
        phone: None,
        booth: None,
    }
}

fn to(kind: RelationKind, target: &str) -> Relation {
    Relation { kind, target: Some(target.to_owned()), name: None, note: None }
}

fn outside(kind: RelationKind, name: &str) -> Relation {
    Relation { kind, target: None, name: Some(name.to_owned()), note: None }
}

/// a -> b (member of), a -> c (part of), b -> c (run by), c -> an outside organisation, and
/// d pointing at an id no partner has (`from_partners` trusts its input; nothing breaks).
fn small() -> Catalog {
    let partners = vec![
        partner("a", vec![to(RelationKind::MemberOf, "b"), to(RelationKind::PartOf, "c")]),
        partner("b", vec![to(RelationKind::RunBy, "c")]),
        partner("c", vec![outside(RelationKind::SupportedBy, "Outside Org")]),
        partner("d", vec![to(RelationKind::Supports, "missing")]),
    ];
    Catalog::from_partners(partners, vec![Source::Bundled], Vec::new())
}

#[rstest]
#[case("a", &[])]
#[case("b", &[("a", RelationKind::MemberOf)])]
#[case("c", &[("a", RelationKind::PartOf), ("b", RelationKind::RunBy)])]
#[case("d", &[])]
fn small_backlinks(#[case] id: &str, #[case] expected: &[(&str, RelationKind)]) {
    let catalog = small();
    let found: Vec<(&str, RelationKind)> = catalog
        .backlinks(position(&catalog, id))
        .iter()
        .map(|b| (catalog.get(b.from).map_or("?", |p| p.id.as_str()), b.kind))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn links_read_both_directions() {
    let catalog = small();
    let c = position(&catalog, "c");
    let links: Vec<(&str, &str, Option<usize>, bool)> =
        catalog.links(c).iter().map(|l| (l.label(), l.name, l.target, l.incoming)).collect();
    assert_eq!(
        links,
        vec![
            ("Supported by", "Outside Org", None, false),
            ("Includes", "Partner A", Some(0), true),
            ("Runs", "Partner B", Some(1), true),
        ]
    );
}

// -- Following relations in the browser -------------------------------------------------

fn keys(app: &mut App, keys: &[KeyCode]) {
    for &code in keys {
        press(app, code, KeyModifiers::NONE);
    }
}

fn browser(catalog: Catalog, size: (u16, u16)) -> App {
    let mut app = App::new(catalog, State::default(), "");
    app.update(Action::Resize { width: size.0, height: size.1 });
    app
}

fn selected_id(app: &App) -> Option<&str> {
    app.selected_partner().and_then(|i| app.catalog().get(i)).map(|p| p.id.as_str())
}

#[test]
fn follow_back_and_forward() {
    let mut app = browser(bundled(), (80, 24));
    typed(&mut app, "gsef");
    assert_eq!(selected_id(&app), Some("gsef"));
    // Focus the detail, scroll it, choose the second relation (presided by City of Bordeaux).
    keys(&mut app, &[KeyCode::Tab, KeyCode::Down, KeyCode::Down, KeyCode::Right]);
    assert_eq!(app.focus(), Focus::Detail);
    assert_eq!(app.link(), 1);
    let (scroll, link) = (app.detail_scroll(), app.link());
    assert!(scroll > 0, "the detail is scrolled before following");

    let effect = press(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(effect, Some(Effect::Save(partners::store::Change::PushHistory("gsef".into()))));
    assert_eq!(selected_id(&app), Some("bordeaux"), "the target is selected");
    assert_eq!(app.focus(), Focus::Detail);
    assert_eq!((app.detail_scroll(), app.link()), (0, 0), "the target's detail starts at the top");
    assert!(
        app.results().position(|h| Some(h.index) == app.selected_partner()).is_some(),
        "the target is in the list"
    );
    let after_follow = app.query();

    // Back with Alt-Left restores query, selection, scroll and chosen relation.
    press(&mut app, KeyCode::Left, KeyModifiers::ALT);
    assert_eq!(app.query(), "gsef");
    assert_eq!(selected_id(&app), Some("gsef"));
    assert_eq!((app.detail_scroll(), app.link()), (scroll, link));
    assert_eq!(app.focus(), Focus::Detail);

    // Forward with Alt-Right returns.
    press(&mut app, KeyCode::Right, KeyModifiers::ALT);
    assert_eq!(selected_id(&app), Some("bordeaux"));
    assert_eq!(app.query(), after_follow);

    // Backspace in the detail is Back too.
    press(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    assert_eq!(selected_id(&app), Some("gsef"));
    assert_eq!(app.query(), "gsef", "Backspace in the detail does not edit the query");
    // Nothing before the first visit.
    press(&mut app, KeyCode::Left, KeyModifiers::ALT);
    assert_eq!(selected_id(&app), Some("gsef"));
    assert!(app.status().is_some_and(|s| s.text.contains("first")), "{:?}", app.status());
}

#[test]
fn follow_keeps_a_query_that_shows_the_target() {
    let mut app = browser(bundled(), (120, 40));
    typed(&mut app, "bordeaux");
    // Choose the first followable relation of the City of Bordeaux.
    while selected_id(&app) != Some("bordeaux") {
        keys(&mut app, &[KeyCode::Down]);
    }
    keys(&mut app, &[KeyCode::Tab, KeyCode::Enter]);
    assert_eq!(selected_id(&app), Some("gsef"));
    assert_eq!(app.query(), "bordeaux", "GSEF is a result of 'bordeaux' (it is based there)");
    press(&mut app, KeyCode::Left, KeyModifiers::ALT);
    assert_eq!(selected_id(&app), Some("bordeaux"));
    assert_eq!(app.query(), "bordeaux");
}

#[test]
fn follow_after_going_back_drops_the_forward_visits() {
    let mut app = browser(bundled(), (120, 40));
    typed(&mut app, "convergence");
    keys(&mut app, &[KeyCode::Tab, KeyCode::Enter]);
    assert_eq!(selected_id(&app), Some("cci-bordeaux-gironde"));
    keys(&mut app, &[KeyCode::Enter]);
    assert_eq!(selected_id(&app), Some("convergence-marches"), "back through the backlink");
    press(&mut app, KeyCode::Left, KeyModifiers::ALT);
    assert_eq!(selected_id(&app), Some("cci-bordeaux-gironde"));
    press(&mut app, KeyCode::Right, KeyModifiers::ALT);
    assert_eq!(selected_id(&app), Some("convergence-marches"));
    press(&mut app, KeyCode::Right, KeyModifiers::ALT);
    assert!(app.status().is_some_and(|s| s.text.contains("last")), "{:?}", app.status());
}

#[test]
fn back_before_any_follow_says_so() {
    let mut app = browser(bundled(), (80, 24));
    typed(&mut app, "ugap");
    keys(&mut app, &[KeyCode::Tab]);
    press(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    assert_eq!(app.query(), "ugap");
    assert!(app.status().is_some_and(|s| s.text.contains("Nothing to go back to")));
}

/// Back with nothing visited names the key that follows a relation as the user bound it:
/// with `follow = ["ctrl-o"]`, Enter follows nothing in the detail.
#[test]
fn back_before_any_follow_names_the_users_follow_key() {
    let config = partners::config::Config::parse(
        "[keys]\nfollow = [\"ctrl-o\"]\n",
        std::path::Path::new("config.toml"),
    )
    .expect("reads");
    let mut app = browser(bundled(), (80, 24));
    app.set_bindings(config.bindings());
    typed(&mut app, "ugap");
    keys(&mut app, &[KeyCode::Tab]);
    press(&mut app, KeyCode::Left, KeyModifiers::ALT);
    let status = app.status().map(|s| s.text.as_str());
    assert_eq!(status, Some("Nothing to go back to yet: follow a relation with Ctrl-O"));
}

#[test]
fn an_outside_organisation_is_not_followable() {
    let mut app = browser(bundled(), (80, 24));
    typed(&mut app, "ugap");
    keys(&mut app, &[KeyCode::Tab, KeyCode::Right, KeyCode::Enter]);
    assert_eq!(selected_id(&app), Some("ugap"), "the selection stays");
    assert_eq!(app.link(), 1);
    let status = app.status().map(|s| s.text.as_str());
    assert_eq!(status, Some("French Ministry of National Education is not in the dataset"));
    press(&mut app, KeyCode::Left, KeyModifiers::ALT);
    let status = app.status().map(|s| s.text.as_str());
    assert_eq!(status, Some("Nothing to go back to yet: follow a relation with Enter"));
}

/// The row of the buffer holding `text`, and the style of its first cell.
fn style_of(app: &App, text: &str) -> Option<ratatui::style::Style> {
    let terminal = common::draw(app);
    let buffer = terminal.backend().buffer();
    let area = buffer.area;
    (0..area.height).find_map(|y| {
        let row: String = (0..area.width).map(|x| buffer[(x, y)].symbol()).collect();
        let at = row.find(text)?;
        let x = u16::try_from(row[..at].chars().count()).ok()?;
        Some(buffer[(x, y)].style())
    })
}

/// An outside organisation can be chosen (Enter then says it is not in the dataset): it is
/// drawn as chosen, like any relation, and scrolled into view when Enter is pressed.
#[test]
fn a_chosen_outside_organisation_is_shown_chosen() {
    let mut app = browser(bundled(), (100, 30));
    typed(&mut app, "ugap");
    keys(&mut app, &[KeyCode::Tab, KeyCode::Right]);
    let name = "French Ministry of National Education";
    let chosen = style_of(&app, name).expect("the relation is on screen");
    keys(&mut app, &[KeyCode::Right]);
    let not_chosen = style_of(&app, name).expect("the relation is on screen");
    assert_ne!(chosen, not_chosen, "the chosen outside organisation stands out");
    assert!(chosen.add_modifier.contains(ratatui::style::Modifier::REVERSED));
    // Scrolled away, then Enter: back in view with the message.
    keys(&mut app, &[KeyCode::Left]);
    for _ in 0..20 {
        press(&mut app, KeyCode::Char('k'), KeyModifiers::CONTROL);
        press(&mut app, KeyCode::Up, KeyModifiers::NONE);
    }
    keys(&mut app, &[KeyCode::Enter]);
    assert!(app.status().is_some_and(|s| s.text.contains("is not in the dataset")));
    assert!(style_of(&app, name).is_some(), "scrolled into view");
}

/// Narrowed to the list alone while the detail is in use, the detail fills the screen: the
/// arrows and Enter act on what is seen.
#[test]
fn narrowed_with_the_detail_in_use_shows_the_detail() {
    let mut app = browser(bundled(), (100, 30));
    typed(&mut app, "bordeaux");
    keys(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.focus(), Focus::Detail);
    app.update(Action::Resize { width: 50, height: 12 });
    assert!(app.narrow_detail(), "the detail is shown");
    let terminal = common::draw(&app);
    let title: String = (0..50).map(|x| terminal.backend().buffer()[(x, 1)].symbol()).collect();
    assert!(title.contains("City of Bordeaux"), "{title}");
    // With the list in use, it stays the list.
    let mut app = browser(bundled(), (100, 30));
    typed(&mut app, "bordeaux");
    app.update(Action::Resize { width: 50, height: 12 });
    assert!(!app.narrow_detail());
}

/// A relation whose name's first word is longer than the pane starts on its arrow's line,
/// broken there: no arrow is left alone on a line, and every letter is shown.
#[test]
fn a_long_relation_name_starts_beside_its_arrow() {
    let name = "Interdepartmentalisationsorganisation of things";
    let partners = vec![partner("a", vec![outside(RelationKind::SupportedBy, name)])];
    let catalog = Catalog::from_partners(partners, vec![Source::Bundled], Vec::new());
    let mut app = browser(catalog, (30, 12));
    typed(&mut app, "partner a");
    keys(&mut app, &[KeyCode::Enter]);
    let rows = common::detail_rows(&app);
    assert!(!rows.iter().any(|row| matches!(row.trim(), "·" | "→")), "{rows:#?}");
    let shown: String = rows.iter().map(|row| row.trim().trim_start_matches("· ")).collect();
    assert!(shown.replace(' ', "").contains(&name.replace(' ', "")), "{rows:#?}");
}

/// A chosen relation on screen stays on screen when the terminal is resized (the detail is
/// wrapped anew, its rows move).
#[test]
fn a_chosen_relation_stays_in_view_across_a_resize() {
    let mut app = browser(bundled(), (40, 12));
    typed(&mut app, "gsef");
    keys(&mut app, &[KeyCode::Enter, KeyCode::Right]);
    assert_eq!(app.link(), 1);
    // The chosen relation is drawn reversed (the detail is the whole screen at 40x12).
    let shown = |app: &App| {
        let terminal = common::draw(app);
        let reversed = ratatui::style::Modifier::REVERSED;
        terminal.backend().buffer().content().iter().any(|cell| cell.modifier.contains(reversed))
    };
    assert!(shown(&app), "chosen and shown at 40x12");
    for size in [(100, 30), (40, 12), (60, 20), (40, 12)] {
        app.update(Action::Resize { width: size.0, height: size.1 });
        assert!(shown(&app), "still shown at {size:?}");
    }
}

#[test]
fn a_partner_without_relations_or_similar_partners_says_so() {
    // Alone of its kind and without topics: nothing to follow.
    let mut lonely = partner("e", Vec::new());
    lonely.kind = Kind::Media;
    let mut partners: Vec<Partner> = small().partners().to_vec();
    partners.push(lonely);
    let catalog = Catalog::from_partners(partners, vec![Source::Bundled], Vec::new());
    let mut app = browser(catalog, (80, 24));
    typed(&mut app, "partner e");
    assert_eq!(selected_id(&app), Some("e"));
    keys(&mut app, &[KeyCode::Tab, KeyCode::Right]);
    assert!(app.status().is_some_and(|s| s.text.contains("no relations")));
    keys(&mut app, &[KeyCode::Enter]);
    assert!(app.status().is_some_and(|s| s.text.contains("no relations")));
}

#[test]
fn choosing_a_relation_stops_at_the_ends() {
    let mut app = browser(bundled(), (80, 24));
    typed(&mut app, "guichet");
    keys(&mut app, &[KeyCode::Tab, KeyCode::Left]);
    assert_eq!(app.link(), 0);
    // Three relations, then the similar partners.
    let count = app.detail().link_count();
    assert_eq!(count, 3 + partners::catalog::SIMILAR_COUNT);
    for _ in 0..count + 2 {
        keys(&mut app, &[KeyCode::Right]);
    }
    assert_eq!(app.link(), count - 1);
}

// -- Similar partners ---------------------------------------------------------------------

/// The similar partners of a partner with no stated relation: most topics in common first,
/// never itself nor a partner it is linked to; the detail model lists them after the
/// relations, and they are what Enter follows.
#[test]
fn similar_partners_share_topics_and_are_not_related() {
    let catalog = bundled();
    for index in 0..catalog.partners().len() {
        let similar = catalog.similar(index, partners::catalog::SIMILAR_COUNT);
        let linked: Vec<usize> = catalog.links(index).iter().filter_map(|l| l.target).collect();
        let me = &catalog.partners()[index];
        for s in &similar {
            assert_ne!(s.index, index);
            assert!(!linked.contains(&s.index), "{} is related to {}", me.id, s.index);
            let other = &catalog.partners()[s.index];
            let shared: Vec<_> =
                me.topics.iter().copied().filter(|t| other.topics.contains(t)).collect();
            assert_eq!(s.topics, shared);
            assert!(!shared.is_empty() || other.kind == me.kind);
        }
        let shared: Vec<usize> = similar.iter().map(|s| s.topics.len()).collect();
        assert!(shared.windows(2).all(|w| w[0] >= w[1]), "most topics first: {shared:?}");
        let leads = catalog.leads(index);
        assert_eq!(leads.len(), catalog.links(index).len() + similar.len());
    }
}

/// The one-pass selection of the best few agrees with sorting everything.
#[test]
fn similar_partners_are_the_best_of_a_full_sort() {
    let catalog = bundled();
    for index in 0..catalog.partners().len() {
        let me = &catalog.partners()[index];
        let linked: Vec<usize> = catalog.links(index).iter().filter_map(|l| l.target).collect();
        let mut naive: Vec<(usize, bool, bool, usize)> = catalog
            .partners()
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != index && !linked.contains(i))
            .map(|(i, p)| {
                let shared = me.topics.iter().filter(|t| p.topics.contains(t)).count();
                (shared, p.kind == me.kind, p.scope == me.scope, i)
            })
            .filter(|s| s.0 > 0 || s.1)
            .collect();
        naive.sort_by(|a, b| (b.0, b.1, b.2, a.3).cmp(&(a.0, a.1, a.2, b.3)));
        let expected: Vec<usize> = naive.iter().take(5).map(|s| s.3).collect();
        let found: Vec<usize> = catalog.similar(index, 5).iter().map(|s| s.index).collect();
        assert_eq!(found, expected, "similar partners of {}", me.id);
    }
}

#[test]
fn follow_a_similar_partner_and_go_back() {
    let mut app = browser(bundled(), (120, 40));
    typed(&mut app, "achatpublic");
    assert_eq!(selected_id(&app), Some("achatpublic-info"));
    let here = position(app.catalog(), "achatpublic-info");
    assert!(app.catalog().links(here).is_empty(), "achatpublic states no relation");
    let first = app.catalog().similar(here, 1)[0].index;
    let first_id = app.catalog().get(first).map(|p| p.id.clone());
    keys(&mut app, &[KeyCode::Tab, KeyCode::Right, KeyCode::Left]);
    assert_eq!(app.link(), 0);
    let row = app.detail().link_rows[0];
    assert!(app.detail_scroll() <= row, "the chosen similar partner is in view");
    keys(&mut app, &[KeyCode::Enter]);
    assert_eq!(selected_id(&app), first_id.as_deref(), "Enter follows the similar partner");
    assert_eq!(app.focus(), Focus::Detail);
    press(&mut app, KeyCode::Left, KeyModifiers::ALT);
    assert_eq!(selected_id(&app), Some("achatpublic-info"));
    assert_eq!(app.query(), "achatpublic");
    assert_eq!(app.link(), 0, "back restores the chosen row");
    press(&mut app, KeyCode::Right, KeyModifiers::ALT);
    assert_eq!(selected_id(&app), first_id.as_deref());
}

/// A click on the detail pane's border chooses nothing: under the bottom one ("↓ more")
/// stands a relation that is not on screen, which Enter would then have followed.
#[rstest]
#[case::wide((100, 22))]
#[case::stacked((70, 24))]
fn click_on_the_detail_border_chooses_nothing(#[case] size: (u16, u16)) {
    let mut app = browser(bundled(), size);
    typed(&mut app, "3ar");
    let areas = app.areas();
    let hidden = areas.detail_rows();
    assert!(app.detail().link_rows.contains(&hidden), "a relation stands under the border");
    let column = areas.detail.x + 20;
    for row in [areas.detail.y, areas.detail.bottom() - 1] {
        app.update(Action::Click { column, row });
        assert_eq!(app.focus(), Focus::List, "a click on row {row}, a border, at {size:?}");
        assert_eq!(app.link(), 0);
    }
    for column in [areas.detail.x, areas.detail.right() - 1] {
        app.update(Action::Click { column, row: areas.detail.y + 2 });
        assert_eq!(app.focus(), Focus::List, "a click on column {column}, a border");
    }
    app.update(Action::Click { column, row: areas.detail.y + 2 });
    assert_eq!(app.focus(), Focus::Detail, "a click inside the borders");
}

/// Every line of a relation chooses it: its name wrapped onto a second line, and the line
/// that says why a partner is similar.
#[test]
fn click_on_any_line_of_a_relation_chooses_it() {
    let mut app = browser(bundled(), (100, 30));
    typed(&mut app, "3ar");
    let here = app.selected_partner().expect("3AR is found");
    let detail = app.detail().clone();
    let wrapped = |i: usize| {
        let line = detail.link_rows[i] + 1;
        detail.lines(line..line + 1).concat().iter().any(|s| s.text.contains("APASP"))
    };
    let link = (1..detail.link_count()).find(|&i| wrapped(i)).expect("APASP's name wraps");
    let areas = app.areas();
    let row_of = |line: usize| areas.detail.y + 1 + u16::try_from(line).expect("in view at 100x30");
    let column = areas.detail.x + 10;
    let start = detail.link_rows[link];
    for line in [start + 1, start + 2] {
        app.update(Action::Click { column, row: row_of(detail.link_rows[0]) });
        assert_eq!(app.link(), 0);
        app.update(Action::Click { column, row: row_of(line) });
        assert_eq!(app.link(), link, "a click on line {line} of the relation");
    }
    keys(&mut app, &[KeyCode::Enter]);
    let target = app.catalog().leads(here)[link].target();
    assert_eq!(app.selected_partner(), target, "Enter follows the relation clicked");
}

/// A click on a similar partner's row chooses it, as on a relation.
#[test]
fn click_on_a_similar_partner_chooses_it() {
    let mut app = browser(bundled(), (120, 40));
    typed(&mut app, "achatpublic");
    let areas = app.areas();
    let row = app.detail().link_rows[1];
    let y = areas.detail.y + 1 + u16::try_from(row).expect("in view at 120x40");
    app.update(Action::Click { column: areas.detail.x + 5, row: y });
    assert_eq!(app.link(), 1);
    keys(&mut app, &[KeyCode::Enter]);
    let here = position(app.catalog(), "achatpublic-info");
    let second = app.catalog().similar(here, 2)[1].index;
    assert_eq!(app.selected_partner(), Some(second));
}

#[test]
fn following_in_a_narrow_terminal_fills_the_screen_and_back_keeps_it() {
    let mut app = browser(bundled(), (50, 16));
    typed(&mut app, "convergence");
    keys(&mut app, &[KeyCode::Enter]);
    assert!(app.narrow_detail());
    keys(&mut app, &[KeyCode::Enter]);
    assert_eq!(selected_id(&app), Some("cci-bordeaux-gironde"));
    assert!(app.narrow_detail());
    press(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    assert_eq!(selected_id(&app), Some("convergence-marches"));
    assert!(app.narrow_detail());
}

#[test]
fn following_in_the_small_catalog() {
    let mut app = browser(small(), (120, 40));
    typed(&mut app, "partner a");
    assert_eq!(selected_id(&app), Some("a"));
    keys(&mut app, &[KeyCode::Tab, KeyCode::Right, KeyCode::Enter]);
    assert_eq!(selected_id(&app), Some("c"), "a's second relation (part of) leads to c");
    // c: supported by (outside), then includes a, then runs b.
    keys(&mut app, &[KeyCode::Right, KeyCode::Right, KeyCode::Enter]);
    assert_eq!(selected_id(&app), Some("b"));
    press(&mut app, KeyCode::Left, KeyModifiers::ALT);
    assert_eq!(selected_id(&app), Some("c"));
    assert_eq!(app.link(), 2, "the relation chosen on c is chosen again");
    press(&mut app, KeyCode::Left, KeyModifiers::ALT);
    assert_eq!(selected_id(&app), Some("a"));
    assert_eq!(app.query(), "partner a");
}

#[test]
fn esc_after_following_goes_back_and_never_quits_a_key_later() {
    let mut app = browser(bundled(), (100, 30));
    typed(&mut app, "gsef");
    keys(&mut app, &[KeyCode::Tab, KeyCode::Enter]);
    assert_eq!(selected_id(&app), Some("bordeaux"));
    let drawn = common::screen(&app);
    assert!(drawn.contains("GSEF › City of Bordeaux"), "the trail says where from:\n{drawn}");
    assert!(drawn.lines().last().is_some_and(|l| l.starts_with("Esc back")), "{drawn}");
    // Esc returns where the user was: the query, the partner, the detail.
    keys(&mut app, &[KeyCode::Esc]);
    assert_eq!((app.query().as_str(), selected_id(&app)), ("gsef", Some("gsef")));
    assert_eq!(app.focus(), Focus::Detail);
    assert!(!common::screen(&app).contains(" › "), "no trail where nothing was followed");
    // Then as ever: the list, the query cleared, and only then quit.
    keys(&mut app, &[KeyCode::Esc]);
    assert_eq!((app.focus(), app.query().as_str()), (Focus::List, "gsef"));
    keys(&mut app, &[KeyCode::Esc]);
    assert!(!app.should_quit());
    assert_eq!(app.query(), "");
    // From the list, on the query the follow cleared, Esc goes back too rather than quit.
    let mut app = browser(bundled(), (100, 30));
    typed(&mut app, "gsef");
    keys(&mut app, &[KeyCode::Tab, KeyCode::Enter, KeyCode::Tab]);
    assert_eq!((app.focus(), app.query().as_str()), (Focus::List, ""));
    keys(&mut app, &[KeyCode::Esc]);
    assert!(!app.should_quit());
    assert_eq!((app.query().as_str(), selected_id(&app)), ("gsef", Some("gsef")));
    // Having moved on from the partner followed to, Esc leaves the detail as usual.
    let mut app = browser(bundled(), (100, 30));
    typed(&mut app, "gsef");
    keys(&mut app, &[KeyCode::Tab, KeyCode::Enter, KeyCode::Tab, KeyCode::Down, KeyCode::Tab]);
    assert_ne!(selected_id(&app), Some("bordeaux"));
    keys(&mut app, &[KeyCode::Esc]);
    assert_eq!(app.focus(), Focus::List);
}

#[test]
fn a_partner_reached_by_a_search_has_no_trail_from_an_earlier_follow() {
    let mut app = browser(bundled(), (100, 30));
    typed(&mut app, "gsef");
    keys(&mut app, &[KeyCode::Tab, KeyCode::Enter]);
    assert_eq!(selected_id(&app), Some("bordeaux"));
    // Back to GSEF, out of the detail, the query cleared: a new search starts.
    keys(&mut app, &[KeyCode::Esc, KeyCode::Esc, KeyCode::Esc]);
    assert_eq!((app.focus(), app.query().as_str()), (Focus::List, ""));
    typed(&mut app, "convergence");
    keys(&mut app, &[KeyCode::Tab, KeyCode::Enter]);
    assert_eq!(selected_id(&app), Some("cci-bordeaux-gironde"));
    keys(&mut app, &[KeyCode::Esc]);
    assert_eq!(selected_id(&app), Some("convergence-marches"));
    let drawn = common::screen(&app);
    assert!(!drawn.contains(" › "), "Convergence was found by a search, not from GSEF:\n{drawn}");
    // So Esc leaves its detail, as for any partner searched, rather than jump to GSEF.
    keys(&mut app, &[KeyCode::Esc]);
    assert_eq!((app.focus(), app.query().as_str()), (Focus::List, "convergence"));
    assert_eq!(selected_id(&app), Some("convergence-marches"));
}

#[test]
fn a_partner_followed_to_then_found_by_a_new_search_has_no_trail() {
    // Review 24 #11: the visit was the same partner, so it kept being "followed".
    let mut app = browser(bundled(), (100, 30));
    typed(&mut app, "gsef");
    keys(&mut app, &[KeyCode::Tab, KeyCode::Enter]);
    assert_eq!(selected_id(&app), Some("bordeaux"));
    assert!(common::screen(&app).contains(" › "), "followed from GSEF");
    keys(&mut app, &[KeyCode::BackTab]);
    typed(&mut app, "city of bordeaux");
    assert_eq!((app.query().as_str(), selected_id(&app)), ("city of bordeaux", Some("bordeaux")));
    let drawn = common::screen(&app);
    assert!(!drawn.contains(" › "), "found by a search, not from GSEF:\n{drawn}");
}

// The overview: its bars and network rows, Enter, clicks and the wheel.
#[path = "network/overview_screen.rs"]
mod overview_screen;

// Copying the card, and which way it went.
#[path = "network/card.rs"]
mod card;
