//! The overview's model (F2): partners by kind, scope and topic as bars, and the network of
//! relations grouped by hub. Rows are a function of the catalog, computed when the overview
//! opens or its tab changes; each says what Enter does on it.

use crate::catalog::Catalog;
use crate::dataset::{Kind, Partner, Scope, Topic};

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

    /// The next tab (or, not `forward`, the previous one), wrapping around.
    #[must_use]
    pub fn step(self, forward: bool) -> OverviewTab {
        let count = OverviewTab::ALL.len();
        let position = OverviewTab::ALL.iter().position(|t| *t == self).unwrap_or(0);
        let next = if forward { position + 1 } else { position + count - 1 };
        OverviewTab::ALL[next % count]
    }
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

fn count<T: PartialEq>(catalog: &Catalog, has: impl Fn(&Partner, &T) -> bool, value: &T) -> u64 {
    catalog.partners().iter().filter(|p| has(p, value)).count() as u64
}

/// The rows of `tab`.
pub fn rows(catalog: &Catalog, tab: OverviewTab) -> Vec<Row> {
    let words = crate::i18n::vocabulary();
    let bar = |label: &str, value: u64, filter: String| Row {
        label: label.to_owned(),
        value,
        hub: false,
        action: RowAction::Filter(filter),
    };
    let mut rows: Vec<Row> = match tab {
        OverviewTab::Kinds => Kind::ALL
            .iter()
            .map(|k| {
                let n = count(catalog, |p, k| p.kind == *k, k);
                bar(words.kind(*k), n, format!("kind:{}", k.slug()))
            })
            .collect(),
        OverviewTab::Scopes => Scope::ALL
            .iter()
            .map(|s| {
                let n = count(catalog, |p, s| p.scope == *s, s);
                bar(words.scope(*s), n, format!("scope:{}", s.slug()))
            })
            .collect(),
        OverviewTab::Topics => Topic::ALL
            .iter()
            .map(|t| {
                let n = count(catalog, |p, t| p.topics.contains(t), t);
                bar(words.topic(*t), n, format!("topic:{}", t.slug()))
            })
            .collect(),
        OverviewTab::Network => return network(catalog),
    };
    rows.retain(|r| r.value > 0);
    rows.sort_by(|a, b| b.value.cmp(&a.value).then_with(|| a.label.cmp(&b.label)));
    rows
}

/// Hubs first (most links), each followed by its links in both directions.
fn network(catalog: &Catalog) -> Vec<Row> {
    let words = crate::i18n::vocabulary();
    let links: Vec<_> = (0..catalog.partners().len()).map(|i| catalog.links(i)).collect();
    let mut hubs: Vec<usize> = (0..links.len()).filter(|&i| !links[i].is_empty()).collect();
    hubs.sort_by(|&a, &b| {
        let name = |i: usize| catalog.get(i).map_or("", |p| p.name.as_str());
        links[b].len().cmp(&links[a].len()).then_with(|| name(a).cmp(name(b)))
    });
    let mut rows = Vec::new();
    for hub in hubs {
        let Some(partner) = catalog.get(hub) else { continue };
        let n = links[hub].len();
        rows.push(Row {
            label: format!("{} ({n})", partner.short_name()),
            value: n as u64,
            hub: true,
            action: RowAction::Show(hub),
        });
        for link in &links[hub] {
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
    rows
}
