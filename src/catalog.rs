//! The partners in use: the bundled dataset with the user's datasets merged over it (or only
//! the files given with `--data`), their search index, and the network of relations in both
//! directions. Built once at start (how, from which files, in `load`); immutable afterwards.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasher;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use rayon::prelude::*;

mod load;
mod similar;
mod together;
mod warning;

pub use load::{GLOSSARY_FILE, is_dataset_name, read_glossary};
pub use similar::{Lead, SIMILAR_COUNT, Similar};
pub use warning::Warning;

use crate::dataset::{Ids, Kind, Partner, RelationKind};
use crate::search::{Glossary, Index, MarkBits};
use crate::store::{Marks, State};

/// Where the partners come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The dataset compiled into the binary.
    Bundled,
    /// A dataset file.
    File(PathBuf),
}

/// A link seen from the partner it points at: `from` states `kind` towards this partner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backlink<'a> {
    /// Index of the partner whose entry states the relation.
    pub from: usize,
    /// The relation as the other partner states it.
    pub kind: RelationKind,
    /// The relation's note.
    pub note: Option<&'a str>,
}

/// Every relation to a partner, by the partner it points at: those to partner `t` are
/// `links[starts[t]..starts[t + 1]]`, each as (stating partner, its relation's number), in
/// dataset order. One table, not a list per partner: a million partners' lists took 100 MB.
#[derive(Debug, Default)]
struct Backlinks {
    starts: Vec<u32>,
    links: Vec<(u32, u32)>,
}

impl Backlinks {
    fn of(partners: &[Partner], ids: &Ids) -> Backlinks {
        let mut found: Vec<(u32, u32, u32)> = Vec::new();
        for (from, partner) in (0u32..).zip(partners) {
            for (r, relation) in (0u32..).zip(&partner.relations) {
                let to = relation.target.as_deref().and_then(|t| ids.position(t));
                if let Some(to) = to.and_then(|to| u32::try_from(to).ok()) {
                    found.push((to, from, r));
                }
            }
        }
        // Counted, then placed: in dataset order within each partner.
        let mut starts = vec![0u32; partners.len() + 1];
        for &(to, _, _) in &found {
            starts[to as usize + 1] += 1;
        }
        for t in 1..starts.len() {
            starts[t] += starts[t - 1];
        }
        let mut next = starts.clone();
        let mut links = vec![(0, 0); found.len()];
        for (to, from, r) in found {
            links[next[to as usize] as usize] = (from, r);
            next[to as usize] += 1;
        }
        Backlinks { starts, links }
    }
}

/// One line of the relations of a partner, in either direction, for display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link<'a> {
    /// The relation, as the partner that states it reads it.
    pub kind: RelationKind,
    /// The other partner's index in the catalog, when it is a partner.
    pub target: Option<usize>,
    /// The other organisation's name.
    pub name: &'a str,
    /// Context.
    pub note: Option<&'a str>,
    /// Whether another partner states this link (a backlink).
    pub incoming: bool,
}

impl Link<'_> {
    /// The relation in words, read from the partner shown.
    pub fn label(&self) -> &'static str {
        if self.incoming { self.kind.inverse_label() } else { self.kind.label() }
    }
}

/// Every partner in use, searchable.
#[derive(Debug)]
pub struct Catalog {
    partners: Vec<Partner>,
    /// Built on first use: `partners search` never needs it.
    by_id: OnceLock<Ids>,
    /// Built on first use, like `by_id`.
    backlinks: OnceLock<Backlinks>,
    index: Index,
    sources: Vec<Source>,
    warnings: Vec<Warning>,
    /// What [`Catalog::similar`] keeps between calls: the detail pane asks again on every
    /// keystroke, and a pass over every partner is not free at scale.
    similar_memo: Mutex<similar::Memo>,
    /// What [`Catalog::widest_labels`] found, the shared names known, kept.
    widest_labels: OnceLock<Vec<usize>>,
    /// What it found before a large catalog's shared names were known, kept until they are.
    widest_unshared: OnceLock<Vec<usize>>,
    /// What [`Catalog::name_shared`] reads, found once.
    names_shared: OnceLock<Vec<bool>>,
    /// How many partners each valid file of the datasets folder held, before merging: what
    /// `partners validate` says of it without parsing it again.
    file_partners: Vec<(PathBuf, usize)>,
    /// The partners of the datasets folder's files that were skipped (parsed, but breaking a
    /// rule, or the ids a file with a syntax error still shows), by id, each with its file:
    /// not loaded, though they exist.
    not_loaded: HashMap<String, PathBuf>,
}

/// Whether a load makes ready what the browser shows at once (the table of relations between
/// partners for the detail pane, the names' order and widths for the list) or leaves each to
/// its first use (`partners search` never uses them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ready {
    /// Made while the partners are checked, where they are read from one file (which a large
    /// dataset is); else left to the first use.
    Now,
    /// Made when first asked for.
    OnFirstUse,
}

/// From this many partners, a dropped catalog is freed on another thread: freeing 100 000
/// partners takes tens of milliseconds that a process about to exit need not wait for.
const FREE_ASIDE_MIN: usize = 10_000;

impl Drop for Catalog {
    fn drop(&mut self) {
        if self.partners.len() >= FREE_ASIDE_MIN {
            let partners = std::mem::take(&mut self.partners);
            let by_id = self.by_id.take();
            let backlinks = self.backlinks.take();
            // If no thread can be started, the closure and what it holds are dropped here.
            let _ = std::thread::Builder::new().spawn(move || drop((partners, by_id, backlinks)));
        }
    }
}

impl Catalog {
    /// A catalog of these partners (already valid together).
    pub fn from_partners(
        partners: Vec<Partner>,
        sources: Vec<Source>,
        warnings: Vec<Warning>,
    ) -> Catalog {
        Catalog::with_glossary(partners, sources, warnings, Glossary::bundled())
    }

    fn with_glossary(
        partners: Vec<Partner>,
        sources: Vec<Source>,
        warnings: Vec<Warning>,
        glossary: Glossary,
    ) -> Catalog {
        let index = Index::with_glossary(&partners, glossary);
        Catalog::with_index(partners, index, sources, warnings)
    }

    fn with_index(
        partners: Vec<Partner>,
        index: Index,
        sources: Vec<Source>,
        warnings: Vec<Warning>,
    ) -> Catalog {
        Catalog {
            partners,
            by_id: OnceLock::new(),
            backlinks: OnceLock::new(),
            index,
            sources,
            warnings,
            similar_memo: Mutex::default(),
            widest_labels: OnceLock::new(),
            widest_unshared: OnceLock::new(),
            names_shared: OnceLock::new(),
            file_partners: Vec::new(),
            not_loaded: HashMap::new(),
        }
    }

    /// For each kind (in the order of [`Kind::ALL`]), the widest "Name (ACR)" of its
    /// partners in columns, with the id after a name another partner has (0: none of that
    /// kind). Measured once, on every core: the list's width, read by the browser's thread
    /// when a large catalog comes, is measured before on the loader's. Once more when the
    /// shared names of a large catalog come after it shows ([`Catalog::name_shared_known`]):
    /// measured before, with no row ending with an id, it would leave them no room.
    pub fn widest_labels(&self) -> &[usize] {
        if !self.shared_names_known() {
            return self.widest_unshared.get_or_init(|| widest_labels(&self.partners, |_| false));
        }
        self.widest_labels
            .get_or_init(|| widest_labels(&self.partners, |i| self.name_shared_known(i)))
    }

    /// Whether another partner has the name of the partner at `index` (whatever their case
    /// or the spaces around): the two would read alike without their ids. Found for every
    /// partner at the first call, on every core, then read for each row drawn.
    pub fn name_shared(&self, index: usize) -> bool {
        let shared = self.names_shared.get_or_init(|| names_shared(&self.partners));
        shared.get(index).copied().unwrap_or(false)
    }

    /// [`Catalog::name_shared`] as far as it is known: a large catalog finds it while its one
    /// file is checked, or else off the browser's thread once shown (see
    /// [`crate::background`]; 20-30 ms at 100 000 partners), and until then no name is said
    /// to be shared.
    pub fn name_shared_known(&self, index: usize) -> bool {
        if self.partners.len() < SHARED_NAMES_AT_ONCE {
            return self.name_shared(index);
        }
        self.names_shared.get().and_then(|shared| shared.get(index).copied()).unwrap_or(false)
    }

    /// Whether [`Catalog::name_shared_known`] tells which names are shared (else it says none
    /// is, a large catalog not having found them yet): what was drawn from it before is to be
    /// made again once it does.
    pub fn shared_names_known(&self) -> bool {
        self.partners.len() < SHARED_NAMES_AT_ONCE || self.names_shared.get().is_some()
    }

    fn by_id(&self) -> &Ids {
        self.by_id.get_or_init(|| Ids::of(&self.partners))
    }

    /// Every partner, in dataset order.
    pub fn partners(&self) -> &[Partner] {
        &self.partners
    }

    /// The partner at `index`.
    pub fn get(&self, index: usize) -> Option<&Partner> {
        self.partners.get(index)
    }

    /// The position of the partner with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_id().position(id)
    }

    /// The position of the partner `id` names as a user types or pastes it. Ids are lower
    /// case, so `UGAP` names `ugap`, and hold no spaces nor invisible characters, so one
    /// pasted with a space, a tab, a zero-width space or a direction mark around it names it.
    pub fn position_typed(&self, id: &str) -> Option<usize> {
        let around = |c: char| {
            c.is_whitespace() || crate::text::is_invisible(c) || crate::text::is_bidi_control(c)
        };
        self.position(id).or_else(|| self.position(&id.trim_matches(around).to_lowercase()))
    }

    /// How many lines [`Catalog::links`] gives for partner `index`, without making them.
    pub fn link_count(&self, index: usize) -> usize {
        self.get(index).map_or(0, |p| p.relations.len() + self.incoming(index).len())
    }

    /// Who states a relation to partner `index`: (partner, its relation's number).
    fn incoming(&self, index: usize) -> &[(u32, u32)] {
        let table = self.backlinks.get_or_init(|| Backlinks::of(&self.partners, self.by_id()));
        let end = index.checked_add(1).and_then(|next| table.starts.get(next));
        let (Some(&start), Some(&end)) = (table.starts.get(index), end) else {
            return &[];
        };
        &table.links[start as usize..end as usize]
    }

    /// The relations other partners state about partner `index`.
    pub fn backlinks(&self, index: usize) -> Vec<Backlink<'_>> {
        let links = self.incoming(index);
        let link = |&(from, r): &(u32, u32)| {
            let relation = &self.partners[from as usize].relations[r as usize];
            Backlink { from: from as usize, kind: relation.kind, note: relation.note.as_deref() }
        };
        links.iter().map(link).collect()
    }

    /// The search index over [`Catalog::partners`].
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// Where the partners came from.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// How many partners `file`, a file of the datasets folder (named as it is there), held
    /// when it was loaded; `None` for a file skipped or not loaded from the folder.
    pub fn partners_in_file(&self, file: &Path) -> Option<usize> {
        let same = |path: &PathBuf| path.file_name() == file.file_name();
        self.file_partners.iter().find(|(path, _)| same(path)).map(|&(_, count)| count)
    }

    /// The skipped file of the datasets folder that has a partner with this id, none loaded
    /// having it: the partner exists, but is not loaded. (Of a file skipped for its syntax,
    /// the ids its text still shows; of one skipped unread, none.)
    pub fn skipped_file_of(&self, id: &str) -> Option<&Path> {
        self.not_loaded.get(id).map(PathBuf::as_path)
    }

    /// Files that were skipped, with why, and partners that replace those of another file.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The user's marks of every partner, by position, for `is:` and `has:` filters. Hands
    /// the notes and the user's own aliases to the search index as well, so that a search
    /// finds them (a match there is marked as found in the user's words): call it again
    /// whenever the state changes.
    pub fn mark_bits(&self, state: &State) -> Vec<MarkBits> {
        let personal: Vec<(usize, String)> = state
            .marks
            .iter()
            .filter_map(|(id, marks)| Some((self.position(id)?, personal_text(marks)?)))
            .collect();
        self.index.set_notes(personal.iter().map(|(i, text)| (*i, text.as_str())));
        self.partners
            .iter()
            .map(|p| {
                state.marks.get(&p.id).map_or_else(MarkBits::default, |m| {
                    MarkBits::new(m.starred, m.met, m.note.is_some()).aliased(!m.aliases.is_empty())
                })
            })
            .collect()
    }

    /// The ids of the partners in `state` that `admits` keeps (by their marks, note or
    /// aliases) and that are not loaded while a file was skipped: what a selection by marks
    /// would have shown but cannot. Ids the datasets lack while every file loaded are no news
    /// (the store keeps them on purpose: a partner removed from a dataset keeps its note).
    pub fn marked_not_loaded<'s>(
        &self,
        state: &'s State,
        admits: impl Fn(&Marks) -> bool,
    ) -> Vec<&'s str> {
        if !self.warnings.iter().any(|w| w.skipped().is_some()) {
            return Vec::new();
        }
        state
            .marks
            .iter()
            .filter(|(id, marks)| admits(marks) && self.position(id).is_none())
            .map(|(id, _)| id.as_str())
            .collect()
    }

    /// Every link of partner `index`: its own relations, then those others state about it,
    /// each group sorted by label so links of one kind stand together.
    pub fn links(&self, index: usize) -> Vec<Link<'_>> {
        let Some(partner) = self.get(index) else { return Vec::new() };
        let mut own: Vec<Link<'_>> = partner
            .relations
            .iter()
            .map(|r| {
                let target = r.target.as_deref().and_then(|t| self.position(t));
                let name = match (target, &r.target, &r.name) {
                    (Some(t), _, _) => self.get(t).map_or("", |p| p.name.as_str()),
                    (None, Some(id), _) => id.as_str(),
                    (None, None, Some(name)) => name.as_str(),
                    (None, None, None) => "",
                };
                Link { kind: r.kind, target, name, note: r.note.as_deref(), incoming: false }
            })
            .collect();
        let mut incoming: Vec<Link<'_>> = self
            .backlinks(index)
            .into_iter()
            .map(|b| Link {
                kind: b.kind,
                target: Some(b.from),
                name: self.get(b.from).map_or("", |p| p.name.as_str()),
                note: b.note,
                incoming: true,
            })
            .collect();
        own.sort_by_key(Link::label);
        incoming.sort_by_key(Link::label);
        own.extend(incoming);
        own
    }

    /// Up to `n` ids close to `id`, for "did you mean": a typo or two away (Jaro-Winkler
    /// above [`SUGGEST_MIN`], or one edit), not any id that shares a few letters with it.
    pub fn suggest(&self, id: &str, n: usize) -> Vec<&str> {
        let mut scored: Vec<(f64, &str)> =
            self.partners
                .iter()
                .map(|p| {
                    let by_id = strsim::jaro_winkler(id, &p.id);
                    let by_name = p.acronym.as_deref().map_or(0.0, |a| {
                        strsim::jaro_winkler(&id.to_lowercase(), &a.to_lowercase())
                    });
                    (by_id.max(by_name), p.id.as_str())
                })
                // A short id one typo away ("ygap") is less alike by Jaro-Winkler (0.83).
                .filter(|(s, other)| {
                    *s > SUGGEST_MIN
                        || other.len().abs_diff(id.len()) <= 1
                            && strsim::damerau_levenshtein(id, other) <= 1
                })
                .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
        scored.into_iter().take(n).map(|(_, id)| id).collect()
    }
}

/// How alike an id must be to one typed to be suggested: "ugpa" and "ugap" are 0.93 alike,
/// "cnftp" and "cnfpt" 0.95; among 100 000 generated ids, 0.7 let unrelated ones through
/// ("nonexistent-id" suggested "etablissement-de-l-innovation-sociale-ec-34444").
const SUGGEST_MIN: f64 = 0.85;

/// What the user wrote about a partner that a search looks through: the note, then the
/// user's own aliases, one a line; `None` when there is neither.
fn personal_text(marks: &Marks) -> Option<String> {
    let parts: Vec<&str> = marks
        .note
        .iter()
        .map(String::as_str)
        .chain(marks.aliases.iter().map(String::as_str))
        .collect();
    (!parts.is_empty()).then(|| parts.join("\n"))
}

/// Below this many partners, which names are shared is found when first asked, wherever.
const SHARED_NAMES_AT_ONCE: usize = 10_000;

/// [`Catalog::widest_labels`] of `partners`, where `shared(i)` says whether partner `i`'s name
/// is shared (its row then ends with its id). Measured on every core.
fn widest_labels(partners: &[Partner], shared: impl Fn(usize) -> bool + Sync) -> Vec<usize> {
    let kinds = Kind::ALL.len();
    let widest = |mut widest: Vec<usize>, (i, p): (usize, &Partner)| {
        let at = Kind::ALL.iter().position(|&k| k == p.kind).unwrap_or(0);
        // A space and the id, as the list's row shows it.
        let id = if shared(i) { crate::text::width(&crate::text::clean(&p.id)) + 1 } else { 0 };
        widest[at] = widest[at].max(p.label_width() + id);
        widest
    };
    let wider = |a: Vec<usize>, b: Vec<usize>| a.iter().zip(&b).map(|(a, b)| *a.max(b)).collect();
    partners.par_iter().enumerate().fold(|| vec![0; kinds], widest).reduce(|| vec![0; kinds], wider)
}

/// Which of `partners` have a name another has (whatever the case or the spaces around, as
/// [`name_as_read`] says).
fn names_shared(partners: &[Partner]) -> Vec<bool> {
    let state = foldhash::fast::FixedState::default();
    names_shared_by(partners, |name| state.hash_one(name))
}

/// [`names_shared`], the names sorted by `hash`, then those of equal hashes compared: sorting
/// the names themselves took nearly twice as long (35-50 against 19-33 ms at 100 000
/// partners).
fn names_shared_by(partners: &[Partner], hash: impl Fn(&str) -> u64 + Sync) -> Vec<bool> {
    let names: Vec<String> = partners.par_iter().map(|p| name_as_read(&p.name)).collect();
    let mut hashed: Vec<(u64, usize)> =
        names.par_iter().enumerate().map(|(i, name)| (hash(name), i)).collect();
    hashed.par_sort_unstable();
    let mut shared = vec![false; names.len()];
    for alike in hashed.chunk_by(|a, b| a.0 == b.0).filter(|alike| alike.len() > 1) {
        if alike.iter().all(|&(_, i)| names[i] == names[alike[0].1]) {
            for &(_, i) in alike {
                shared[i] = true;
            }
            continue;
        }
        // Different names of the same hash (rare): sorted by the names themselves.
        let mut sorted: Vec<(&str, usize)> =
            alike.iter().map(|&(_, i)| (names[i].as_str(), i)).collect();
        sorted.sort_unstable();
        for pair in sorted.windows(2).filter(|pair| pair[0].0 == pair[1].0) {
            shared[pair[0].1] = true;
            shared[pair[1].1] = true;
        }
    }
    shared
}

/// `name` as a reader tells it from another: as it is drawn (the invisible characters the
/// sanitiser drops left out, a letter and its combining accent the one accented letter),
/// whatever the case or the spaces around. `Cafe\u{301}` and `Ca\u{200B}fé` read as `Café`:
/// compared as written, the three rows read alike without their ids. So does `Café\u{A0}…`:
/// a no-break space (French typography's) or any other space of one column is drawn as one.
/// So does `Café\u{FE0F}`: a variation selector that changes no column is drawn as nothing.
fn name_as_read(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    let cleaned = crate::text::clean(name);
    let shown = without_idle_selectors(&cleaned);
    let shown = shown.trim();
    if shown.is_ascii() {
        shown.to_ascii_lowercase()
    } else {
        let one_column = |c: char| crate::text::char_width(c) == 1;
        let space = |c: char| if c.is_whitespace() && one_column(c) { ' ' } else { c };
        shown.nfc().map(space).collect::<String>().to_lowercase()
    }
}

/// `shown` (already [`crate::text::clean`]ed, which keeps the variation selectors for the
/// emoji) without those that change nothing the terminal draws: after a letter, `x` and
/// U+FE0F take the one column of `x`, while `❤` and U+FE0F is an emoji two columns wide.
fn without_idle_selectors(shown: &str) -> Cow<'_, str> {
    let selector = |c: char| matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}');
    if shown.is_ascii() || !shown.chars().any(selector) {
        return Cow::Borrowed(shown);
    }
    let mut kept = String::with_capacity(shown.len());
    for (cluster, _, columns) in crate::text::clusters(shown) {
        let bare: String = cluster.chars().filter(|&c| !selector(c)).collect();
        kept.push_str(if crate::text::width(&bare) == columns { &bare } else { cluster });
    }
    Cow::Owned(kept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{self, Dataset};

    fn named(names: &[&str]) -> Vec<Partner> {
        let bundled = dataset::bundled().expect("the bundled dataset").partners;
        names
            .iter()
            .zip(bundled.iter().cycle())
            .map(|(name, partner)| Partner { name: (*name).to_owned(), ..partner.clone() })
            .collect()
    }

    #[test]
    fn names_told_alike_are_those_equal_whatever_the_case_or_spaces() {
        let names = [
            "Ville de Lyon",
            "ville de lyon ",
            "Ville de Lyons",
            "ÉCOLE",
            "école",
            "Ecole",
            "",
            "  ",
            "UGAP",
            "ugap",
            "UGAP",
            "Bordeaux",
            "Ville  de Lyon",
            // The Kelvin sign is a capital K; a capital sigma ending a word, a final sigma.
            "\u{212A}elvin",
            "KELVIN",
            "ΟΔΟΣ",
            "οδος",
        ];
        let partners = named(&names);
        let naive: Vec<bool> = (0..names.len())
            .map(|i| {
                let key = |j: usize| names[j].trim().to_lowercase();
                (0..names.len()).any(|j| j != i && key(j) == key(i))
            })
            .collect();
        assert_eq!(names_shared(&partners), naive);
        assert_eq!(naive.iter().filter(|&&s| s).count(), 13, "{naive:?}");
        // Names of the same hash are told apart.
        assert_eq!(names_shared_by(&partners, |_| 7), naive);
        assert_eq!(names_shared_by(&partners, |name| name.len() as u64), naive);
    }

    /// Names drawn alike are shared though written apart: a letter and its combining accent
    /// or the one accented letter, an invisible character the sanitiser drops.
    #[test]
    fn names_drawn_alike_are_shared_however_they_are_written() {
        let names =
            ["Cafe\u{301} Bordeaux", "Café Bordeaux", "Caf\u{200B}é Bordeaux", "Cafe Bordeaux"];
        let partners = named(&names);
        assert_eq!(names_shared(&partners), [true, true, true, false]);
    }

    /// A variation selector after a letter is drawn as nothing: the name reads as the plain
    /// one. After `❤` it makes a wide emoji of it, drawn apart from the narrow `❤`.
    #[test]
    fn names_apart_by_a_selector_that_draws_nothing_are_shared() {
        let names = [
            "Café Bordeaux\u{FE0F}",
            "Café Bordeaux",
            "Ca\u{FE0E}fé Lyon",
            "Café Lyon",
            "J'\u{2764} Pessac",
            "J'\u{2764}\u{FE0F} Pessac",
            "Gare \u{FE0F}",
            "Gare",
        ];
        let partners = named(&names);
        let shared = names_shared(&partners);
        assert_eq!(shared, [true, true, true, true, false, false, true, true]);
        let width = crate::text::width;
        assert_ne!(width("\u{2764}"), width("\u{2764}\u{FE0F}"), "the emoji is drawn wider");
    }

    /// A no-break space, a thin one or any other of one column is drawn as a space: the rows
    /// read alike. An ideographic space takes two columns, as two spaces do.
    #[test]
    fn names_apart_by_the_kind_of_space_are_shared() {
        let names = [
            "Mairie de\u{A0}Pessac",
            "Mairie de Pessac",
            "Mairie\u{202F}de\u{2009}Pessac",
            "Mairie dePessac",
            "Ville de Lyon",
            "Ville\u{3000}de Lyon",
        ];
        let partners = named(&names);
        assert_eq!(names_shared(&partners), [true, true, true, false, false, false]);
    }

    /// The bundled partners again and again, as many as make a large catalog, each with an
    /// id of its own and no relations.
    fn large() -> Vec<Partner> {
        let bundled = dataset::bundled().expect("the bundled dataset").partners;
        let mut partners: Vec<Partner> =
            bundled.iter().cycle().take(SHARED_NAMES_AT_ONCE).cloned().collect();
        for (n, partner) in partners.iter_mut().enumerate() {
            partner.id = format!("p{n}");
            partner.relations.clear();
        }
        partners
    }

    #[test]
    fn a_large_catalog_finds_its_shared_names_when_asked_not_while_it_loads() {
        // Merged from several files or folders, measured and sorted before the list shows (see
        // `background`): not the shared names, found after it.
        let catalog = Catalog::from_partners(large(), Vec::new(), Vec::new());
        catalog.widest_labels();
        assert!(!catalog.name_shared_known(0), "not known yet");
        assert!(catalog.name_shared(0), "every name is there many times");
        assert!(catalog.name_shared_known(0));
    }

    #[test]
    fn a_large_file_loaded_for_the_browser_is_measured_as_after_it() {
        // Measured while the file is checked, with its shared names (a row whose name is
        // shared ends with its id).
        let mut partners = large();
        // A label wider than any other, with wide characters.
        partners[7].name = "Un nom très long, plus long qu’aucun autre, 長い名前".to_owned();
        let dir = tempfile::tempdir().expect("a temporary folder");
        let file = dir.path().join("large.ron");
        let text = ron::to_string(&Dataset { partners: partners.clone() }).expect("serialises");
        std::fs::write(&file, text).expect("written");
        let loaded =
            Catalog::load(std::slice::from_ref(&file), None, Ready::Now, &|_| {}).expect("loads");
        let later = Catalog::from_partners(partners, Vec::new(), Vec::new());
        assert!(later.name_shared(0), "every name is there many times");
        assert!(loaded.widest_labels.get().is_some(), "measured while loading");
        assert!(loaded.name_shared_known(0), "shared names are found as it loads");
        assert_eq!(loaded.widest_labels(), later.widest_labels());
        let on_use = Catalog::load(&[file], None, Ready::OnFirstUse, &|_| {}).expect("loads");
        assert!(on_use.widest_labels.get().is_none(), "left to the first use");
        assert!(!on_use.name_shared_known(0), "as are its shared names");
    }

    #[test]
    fn a_glossary_left_out_is_no_dataset_left_out() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::write(dir.path().join(GLOSSARY_FILE), "(groups: [])").expect("written");
        let catalog = Catalog::with_user_datasets(dir.path()).expect("loads");
        let [warning] = catalog.warnings() else { panic!("{:?}", catalog.warnings()) };
        assert!(matches!(warning, Warning::GlossaryLeftOut(_)), "{warning:?}");
        assert!(warning.skipped().is_none() && warning.problem().is_some());
        assert!(warning.said("skipped a dataset: {}").starts_with("left out your glossary"));
        // The browser's status line then says no marked partner is missing because of it.
        let mut state = State::default();
        let starred = Marks { starred: true, ..Marks::default() };
        state.marks.insert("gone-partner".to_owned(), starred);
        assert_eq!(catalog.marked_not_loaded(&state, |_| true), Vec::<&str>::new());
    }
}
