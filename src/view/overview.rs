//! The overview's model (F2): partners by kind, scope and topic as bars, and the network of
//! relations grouped by hub. Rows are a function of the catalog, computed when the overview
//! opens or its tab changes; each says what Enter does on it. Also where its tabs and rows
//! stand on the screen, for the drawing and for the mouse.

use ratatui::layout::Rect;

use crate::catalog::Catalog;
use crate::dataset::{Kind, Partner, Scope, Topic};
use crate::search::fold;
use crate::text::width;

/// The tabs of the overview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverviewTab {
    /// Partners by kind.
    Kinds,
    /// Partners by scope.
    Scopes,
    /// Partners by topic.
    Topics,
    /// Who links to whom.
    Network,
}

impl OverviewTab {
    /// Every tab, in order.
    pub const ALL: [OverviewTab; 4] =
        [OverviewTab::Kinds, OverviewTab::Scopes, OverviewTab::Topics, OverviewTab::Network];

    /// The tab's title.
    pub fn title(self) -> &'static str {
        let t = crate::i18n::s();
        match self {
            OverviewTab::Kinds => t.tab_kinds,
            OverviewTab::Scopes => t.tab_scopes,
            OverviewTab::Topics => t.tab_topics,
            OverviewTab::Network => t.tab_network,
        }
    }

    /// The tab's title in a word, for a narrow screen.
    pub fn short_title(self) -> &'static str {
        let t = crate::i18n::s();
        match self {
            OverviewTab::Kinds => t.tab_kinds_short,
            OverviewTab::Scopes => t.tab_scopes_short,
            OverviewTab::Topics => t.tab_topics_short,
            OverviewTab::Network => t.tab_network_short,
        }
    }

    /// The next tab (or, not `forward`, the previous one), wrapping around.
    #[must_use]
    pub fn step(self, forward: bool) -> OverviewTab {
        let count = OverviewTab::ALL.len();
        let position = OverviewTab::ALL.iter().position(|t| *t == self).unwrap_or(0);
        let next = if forward { position + 1 } else { position + count - 1 };
        OverviewTab::ALL[next % count]
    }
}

/// The tabs as the overview's top border shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TabBar {
    /// Each tab shown, with its title as written (spaces around it included).
    pub tabs: Vec<(OverviewTab, String)>,
    /// Whether a space follows each title (not when the chosen tab stands alone).
    pub spaced: bool,
}

impl TabBar {
    /// The tabs in at most `room` columns, `chosen` marked: their titles, else their short
    /// titles, else those without the spaces around them, else the chosen one alone.
    pub fn fit(chosen: OverviewTab, room: usize) -> TabBar {
        for (short, pad) in [(false, " "), (true, " "), (true, "")] {
            let tabs: Vec<(OverviewTab, String)> = OverviewTab::ALL
                .iter()
                .map(|&t| {
                    (t, format!("{pad}{}{pad}", if short { t.short_title() } else { t.title() }))
                })
                .collect();
            // The space after the last tab may be cut.
            let needed: usize = tabs.iter().map(|(_, title)| width(title) + 1).sum();
            if needed <= room + 1 {
                return TabBar { tabs, spaced: true };
            }
        }
        TabBar { tabs: vec![(chosen, format!(" {} ", chosen.short_title()))], spaced: false }
    }

    /// The tab whose title stands `column` columns after the start of the bar.
    pub fn tab_at(&self, column: usize) -> Option<OverviewTab> {
        let mut start = 0;
        for (tab, title) in &self.tabs {
            let end = start + width(title);
            if (start..end).contains(&column) {
                return Some(*tab);
            }
            start = end + usize::from(self.spaced);
        }
        None
    }
}

/// Where the overview's parts stand in `area` (its border included), `top` being the first
/// row shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    /// The tab bar, on the top border from its second column.
    pub tabs: TabBar,
    /// Where the rows are drawn (inside the border).
    pub inner: Rect,
}

impl Placement {
    /// The overview in `area` on `tab`, rows shown from `top`.
    pub fn of(area: Rect, tab: OverviewTab, top: usize) -> Placement {
        // The tabs share the top border with the mark that rows are hidden above.
        let mark = if top > 0 { width(crate::i18n::s().more_above) } else { 0 };
        let room = usize::from(area.width.saturating_sub(2)).saturating_sub(mark);
        let inner = Rect {
            x: area.x.saturating_add(1),
            y: area.y.saturating_add(1),
            width: area.width.saturating_sub(2),
            height: area.height.saturating_sub(2),
        };
        Placement { tabs: TabBar::fit(tab, room), inner }
    }
}

/// The first row shown: `top` as it was, moved just enough to show the chosen row
/// `selected` among `visible` rows.
pub fn first_shown(top: usize, selected: usize, visible: usize) -> usize {
    top.min(selected).max((selected + 1).saturating_sub(visible.max(1)))
}

/// What Enter does on a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowAction {
    /// Put this filter in the query.
    Filter(String),
    /// Show this partner (catalog index).
    Show(usize),
    /// Nothing: an organisation outside the dataset.
    None,
}

/// One row of a tab: a bar, or a line of the network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// What the row says.
    pub label: String,
    /// The bar's length (partners), or the hub's number of links.
    pub value: u64,
    /// Whether the row is a hub heading (network tab).
    pub hub: bool,
    /// What Enter does.
    pub action: RowAction,
}

/// How many partners have each value: `slots` adds a partner to the counts it belongs to.
fn counts<const N: usize>(catalog: &Catalog, slots: impl Fn(&Partner, &mut [u64; N])) -> [u64; N] {
    let mut counts = [0; N];
    for partner in catalog.partners() {
        slots(partner, &mut counts);
    }
    counts
}

/// The rows of `tab`. One pass over the partners: a million take a few milliseconds.
pub fn rows(catalog: &Catalog, tab: OverviewTab) -> Vec<Row> {
    let words = crate::i18n::vocabulary();
    let bar = |label: &str, value: u64, filter: String| Row {
        label: label.to_owned(),
        value,
        hub: false,
        action: RowAction::Filter(filter),
    };
    let mut rows: Vec<Row> = match tab {
        OverviewTab::Kinds => {
            let n = counts::<{ Kind::ALL.len() }>(catalog, |p, c| c[p.kind as usize] += 1);
            (Kind::ALL.iter().zip(n))
                .map(|(k, n)| bar(words.kind(*k), n, format!("kind:{}", k.slug())))
                .collect()
        }
        OverviewTab::Scopes => {
            let n = counts::<{ Scope::ALL.len() }>(catalog, |p, c| c[p.scope as usize] += 1);
            (Scope::ALL.iter().zip(n))
                .map(|(s, n)| bar(words.scope(*s), n, format!("scope:{}", s.slug())))
                .collect()
        }
        OverviewTab::Topics => {
            // A topic listed twice counts its partner once, as a filter finds it.
            let n = counts::<{ Topic::ALL.len() }>(catalog, |p, c| {
                let mut seen = 0u64;
                for t in &p.topics {
                    if seen & (1 << (*t as u32)) == 0 {
                        seen |= 1 << (*t as u32);
                        c[*t as usize] += 1;
                    }
                }
            });
            (Topic::ALL.iter().zip(n))
                .map(|(t, n)| bar(words.topic(*t), n, format!("topic:{}", t.slug())))
                .collect()
        }
        OverviewTab::Network => return network(catalog),
    };
    rows.retain(|r| r.value > 0);
    // Ties in alphabetical order as the list's names are, accents aside: "Élus" among the E.
    rows.sort_by_cached_key(|r| (std::cmp::Reverse(r.value), fold(&r.label), r.label.clone()));
    rows
}

/// The most hubs the network tab lists: a large dataset has hundreds of thousands, whose
/// rows would take seconds to make and nobody would scroll through.
const HUBS_MOST: usize = 200;

/// Hubs first (most links), each followed by its links in both directions; the
/// [`HUBS_MOST`] with most links, then a row saying how many more there are.
fn network(catalog: &Catalog) -> Vec<Row> {
    let words = crate::i18n::vocabulary();
    let name = |i: usize| catalog.get(i).map_or("", |p| p.name.as_str());
    let mut hubs: Vec<(usize, usize)> = (0..catalog.partners().len())
        .map(|i| (catalog.link_count(i), i))
        .filter(|&(n, _)| n > 0)
        .collect();
    let more = hubs.len().saturating_sub(HUBS_MOST);
    if more > 0 {
        // By links alone first, so that only the hubs tied with the last one kept are folded.
        hubs.select_nth_unstable_by(HUBS_MOST - 1, |a, b| b.0.cmp(&a.0));
        let least = hubs[HUBS_MOST - 1].0;
        hubs.retain(|&(n, _)| n >= least);
    }
    // Ties in alphabetical order as the bars' are, accents aside: "Élan" among the E.
    let mut hubs: Vec<_> =
        hubs.into_iter().map(|(n, i)| (std::cmp::Reverse(n), fold(name(i)), name(i), i)).collect();
    if more > 0 {
        hubs.select_nth_unstable(HUBS_MOST - 1);
        hubs.truncate(HUBS_MOST);
    }
    hubs.sort_unstable();
    let mut rows = Vec::new();
    for (std::cmp::Reverse(n), _, _, hub) in hubs {
        let Some(partner) = catalog.get(hub) else { continue };
        rows.push(Row {
            label: format!("{} ({n})", partner.short_name()),
            value: n as u64,
            hub: true,
            action: RowAction::Show(hub),
        });
        for link in catalog.links(hub) {
            let other =
                link.target.and_then(|t| catalog.get(t)).map_or(link.name, |p| p.short_name());
            rows.push(Row {
                label: format!("{} {other}", words.link(link.kind, link.incoming).to_lowercase()),
                value: 0,
                hub: false,
                action: link.target.map_or(RowAction::None, RowAction::Show),
            });
        }
    }
    if more > 0 {
        rows.push(Row {
            label: crate::i18n::fill(crate::i18n::s().overview_more_hubs, &[&more]),
            value: 0,
            hub: false,
            action: RowAction::None,
        });
    }
    rows
}
