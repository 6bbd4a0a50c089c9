//! The list's rows, unstyled: what each shows ("Name (ACR)" at every width, so the rows, sorted
//! by name, read in order), the kind badge (a value `kind:` accepts), how a name too long for
//! its row is cut so that what the query matched stays in view, and how wide the list would
//! like to be for a catalog.

use crate::catalog::Catalog;
use crate::dataset::{Kind, Partner};
use crate::text::{clean, clusters as text_clusters, highlight_runs, width};

/// A word or two that say what kind of organisation a partner is, in the user's language:
/// typing `kind:` and the badge finds the same partners.
pub fn badge(kind: Kind) -> &'static str {
    crate::i18n::vocabulary().badge(kind)
}

/// Columns before the name: three marks and a space.
pub const MARKS_WIDTH: usize = 4;

/// Columns a row needs to show everything: marks, "Name (ACR)", a space and the badge.
pub fn row_width(partner: &Partner) -> usize {
    MARKS_WIDTH + partner.label_width() + 1 + width(badge(partner.kind))
}

/// How wide the list pane (with its borders) would like to be for `catalog`: as wide as its
/// longest row, within reason (the layout then keeps the detail readable). The badges are
/// measured here, in this thread's language; the names once, by the catalog.
pub fn wanted_width(catalog: &Catalog) -> u16 {
    let widest = Kind::ALL
        .iter()
        .zip(catalog.widest_labels())
        .filter(|&(_, &label)| label > 0)
        .map(|(&kind, label)| MARKS_WIDTH + label + 1 + width(badge(kind)))
        .max()
        .unwrap_or(0);
    u16::try_from(widest + 2).unwrap_or(u16::MAX).min(100)
}

/// `text` cut to `max` columns as highlighted runs (see [`highlight_runs`]), but when the
/// first matched run would be cut off, the start is dropped instead (`…` in front), as
/// fzf shifts a long line to show its match. Measured cluster by cluster, as
/// [`highlight_runs`] and [`width`] measure: `❤` and U+FE0F are one emoji of two columns, not
/// two characters of one and none.
pub fn runs_in_view(text: &str, positions: &[usize], max: usize) -> Vec<(String, bool)> {
    // The positions index `text` as given: moved onto the cleaned text, which they index from
    // here on (a soft hyphen or a zero-width space dropped before the match shifted it).
    let (text, positions) = crate::text::clean_positions(text, positions);
    let positions = positions.as_slice();
    // Each cluster: its first character's index, its first byte, its columns.
    let mut clusters: Vec<(usize, usize, usize)> = Vec::new();
    let (mut chars, mut byte) = (0, 0);
    for (cluster, count, columns) in text_clusters(&text) {
        clusters.push((chars, byte, columns));
        chars += count;
        byte += cluster.len();
    }
    let Some(&first) = positions.first().filter(|&&p| p < chars) else {
        return highlight_runs(&text, positions, max);
    };
    // The cluster holding character `at`.
    let cluster_of = |at: usize| clusters.partition_point(|&(start, ..)| start <= at) - 1;
    // The first matched run (consecutive matched characters) should show whole.
    let mut run_end = first;
    while run_end + 1 < chars && positions.binary_search(&(run_end + 1)).is_ok() {
        run_end += 1;
    }
    let upto: usize = clusters[..=cluster_of(run_end)].iter().map(|&(.., columns)| columns).sum();
    if width(&text) <= max || upto < max || max < 3 {
        return highlight_runs(&text, positions, max);
    }
    // Room between a leading and a trailing `…`.
    let budget = max - 2;
    let last = positions.iter().copied().filter(|&p| p < chars).max().unwrap_or(first);
    let (first, last) = (cluster_of(first), cluster_of(last));
    let columns = |at: usize| clusters[at].2;
    // As much of the matched span as fits, then as much of what comes before it.
    let mut end = first + 1;
    let mut used = columns(first);
    while end <= last && used + columns(end) <= budget {
        used += columns(end);
        end += 1;
    }
    let mut start = first;
    while start > 0 && used + columns(start - 1) <= budget {
        start -= 1;
        used += columns(start);
    }
    let (start_char, start_byte, _) = clusters[start];
    let shifted: Vec<usize> =
        positions.iter().filter(|&&p| p >= start_char).map(|p| p - start_char).collect();
    let mut runs = vec![("…".to_owned(), false)];
    runs.extend(highlight_runs(&text[start_byte..], &shifted, max - 1));
    runs
}

/// Below this many columns the name would be a stub: "Name (ACR)" is then cut as one text.
const NAME_MIN: usize = 10;

/// What a row shows after the marks, in `room` columns, as runs with whether each is matched:
/// "Name (ACR)"; when that is too long the name is cut (keeping its match in view) and the
/// acronym kept whole, unless the room is too small for both.
pub fn label_runs(
    partner: &Partner,
    name_positions: &[usize],
    acronym_positions: &[usize],
    room: usize,
) -> Vec<(String, bool)> {
    let Some(acronym) = partner.shown_acronym() else {
        return runs_in_view(&partner.name, name_positions, room);
    };
    let (acronym, acronym_positions) = crate::text::clean_positions(acronym, acronym_positions);
    let acronym_positions = acronym_positions.as_slice();
    let suffix_width = width(&acronym) + 3;
    if room >= suffix_width + NAME_MIN || width(&clean(&partner.name)) + suffix_width <= room {
        let name_room = room - suffix_width;
        let mut runs = runs_in_view(&partner.name, name_positions, name_room);
        runs.push((" (".to_owned(), false));
        runs.extend(highlight_runs(&acronym, acronym_positions, usize::MAX));
        runs.push((")".to_owned(), false));
        return runs;
    }
    let whole = format!("{} ({acronym})", partner.name);
    let offset = partner.name.chars().count() + 2;
    let mut positions = name_positions.to_vec();
    positions.extend(acronym_positions.iter().map(|p| p + offset));
    runs_in_view(&whole, &positions, room)
}

/// Columns the id after a name another partner has takes in a row, its space included.
pub fn id_width(id: &str) -> usize {
    width(&clean(id)) + 1
}

/// What a row of a partner whose name another has ends with, in `room` columns after the
/// marks: its id, after a space, and the room left for its "Name (ACR)", `label` columns
/// wide. Both whole when they fit; else the id takes what the label leaves, and at least
/// half the room, cut at its start: ids of one name share their first words and differ at
/// the end (`…-lyon`), and the name, shown as far as it can be, is still read first.
pub fn id_suffix(id: &str, label: usize, room: usize) -> (String, usize) {
    let wanted = id_width(id);
    let id = clean(id);
    if label + wanted <= room {
        return (format!(" {id}"), room - wanted);
    }
    let id_room = room.saturating_sub(label).max(room / 2).min(wanted);
    // A space, `…` and one character at least.
    if id_room < 3 {
        return (String::new(), room);
    }
    let id = format!(" {}", keep_end(&id, id_room - 1));
    let label_room = room - width(&id);
    (id, label_room)
}

/// `text` (clean) in `max` columns, its end kept: `…` and as much of the end as fits.
fn keep_end(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_owned();
    }
    // Whole clusters from the end, measured as `width` measures them.
    let clusters: Vec<(&str, usize, usize)> = text_clusters(text).collect();
    let mut from = text.len();
    let mut used = 1;
    for &(cluster, _, columns) in clusters.iter().rev() {
        if used + columns > max {
            break;
        }
        used += columns;
        from -= cluster.len();
    }
    format!("…{}", &text[from..])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An id cut at its start keeps whole grapheme clusters, measured in columns: a flag
    /// (two characters, two columns), a letter and its combining accent (one column), a
    /// joined family (one wide character), a wide ideograph.
    #[test]
    fn an_id_cut_at_its_start_keeps_whole_clusters_in_its_columns() {
        assert_eq!(keep_end("ab🇫🇷", 3), "…🇫🇷");
        assert_eq!(keep_end("ab🇫🇷", 2), "…");
        assert_eq!(keep_end("abcde\u{301}", 2), "…e\u{301}");
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        assert_eq!(keep_end(&format!("ab{family}"), 3), format!("…{family}"));
        assert_eq!(keep_end(&format!("ab{family}"), 2), "…");
        assert_eq!(keep_end("a漢字", 3), "…字");
        for text in ["ab🇫🇷", "abcde\u{301}", "a漢字x"] {
            for max in 1..6 {
                assert!(width(&keep_end(text, max)) <= max, "{text} {max}");
            }
        }
    }

    fn shown(runs: &[(String, bool)]) -> String {
        runs.iter()
            .map(|(run, matched)| if *matched { format!("[{run}]") } else { run.clone() })
            .collect()
    }

    #[test]
    fn a_cut_keeps_the_first_match_in_view() {
        let name = "Association des Maires de l'Île-de-France";
        let at: Vec<usize> = (28..41).collect();
        let runs = runs_in_view(name, &at, 20);
        assert_eq!(shown(&runs), "…de l'[Île-de-France]");
        assert_eq!(runs.iter().map(|(r, _)| width(r)).sum::<usize>(), 19);
        // A match near the start: cut at the end as before.
        assert_eq!(shown(&runs_in_view(name, &[0, 1], 12)), "[As]sociation…");
        // No match: cut at the end.
        assert_eq!(shown(&runs_in_view(name, &[], 12)), "Association…");
        // It fits: unchanged.
        assert_eq!(shown(&runs_in_view("abc", &[2], 5)), "ab[c]");
    }

    #[test]
    fn every_badge_is_a_kind_filter_for_its_kind_alone() {
        use crate::i18n::{Lang, vocabulary};
        use crate::search::{Atom, Query};
        for lang in [Lang::En, Lang::Fr] {
            for &kind in Kind::ALL {
                let badge = vocabulary::of(lang).badge(kind);
                let query = Query::parse(&format!("kind:{badge}")).expect("kind: accepts it");
                assert_eq!(query.groups[0][0].atom, Atom::Kind(vec![kind]), "{lang:?} {kind:?}");
            }
        }
    }

    #[test]
    fn an_id_shares_the_room_with_the_name_cut_at_its_start() {
        let id = "mission-locale-lyon";
        // Both whole.
        assert_eq!(id_suffix(id, 30, 60), (" mission-locale-lyon".to_owned(), 40));
        assert_eq!(id_suffix(id, 30, 50), (" mission-locale-lyon".to_owned(), 30));
        // The id whole in half the room, the name cut.
        assert_eq!(id_suffix(id, 30, 40), (" mission-locale-lyon".to_owned(), 20));
        // The id cut to half the room: the name keeps the other half.
        assert_eq!(id_suffix(id, 30, 30), (" …n-locale-lyon".to_owned(), 15));
        assert_eq!(id_suffix(id, 60, 12), (" …lyon".to_owned(), 6));
        // A short name whole, the id in what it leaves.
        assert_eq!(id_suffix(id, 10, 25), (" …n-locale-lyon".to_owned(), 10));
        assert_eq!(id_suffix(id, 30, 6), (" …n".to_owned(), 3));
        assert_eq!(id_suffix(id, 30, 5), (String::new(), 5));
        for label in [0, 5, 19, 40] {
            for room in 0..60 {
                let (suffix, label_room) = id_suffix(id, label, room);
                assert!(width(&suffix) + label_room <= room, "{label} {room}");
                assert!(label_room >= room.min(label).min(room / 2), "{label} {room}");
            }
        }
    }

    /// A character the terminal is not sent (a soft hyphen, a zero-width space, a joiner
    /// between letters) moves no match: the letters matched are those drawn matched.
    #[test]
    fn a_match_after_an_invisible_character_is_drawn_on_its_letters() {
        let name = "Zq\u{200B}zq\u{AD}xy\u{200D}lo Test";
        let at = [0, 1, 3, 4, 6, 7, 9, 10];
        assert_eq!(shown(&runs_in_view(name, &at, 40)), "[Zqzqxylo] Test");
        // Cut, the match kept in view.
        let long = format!("{}{name}", "Long ".repeat(10));
        let at: Vec<usize> = at.iter().map(|p| p + 50).collect();
        assert_eq!(shown(&runs_in_view(&long, &at, 20)), "…Long Long [Zqzqxylo]…");
        // In the acronym too.
        let partner = Partner {
            name: "Name".to_owned(),
            acronym: Some("A\u{AD}BC".to_owned()),
            ..crate::dataset::bundled().expect("bundled").partners[0].clone()
        };
        assert_eq!(shown(&label_runs(&partner, &[], &[2, 3], 40)), "Name (A[BC])");
        assert_eq!(shown(&label_runs(&partner, &[], &[2, 3], 8)), "…e (A[BC])");
    }

    #[test]
    fn a_short_match_shows_what_comes_before_it() {
        let runs = runs_in_view("abcdefghijklmnopqrstuvwxyz", &[20], 10);
        assert_eq!(shown(&runs), "…nopqrst[u]…");
    }
}
