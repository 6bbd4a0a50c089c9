//! The partners in use: the bundled dataset with the user's datasets merged over it (or only
//! the files given with `--data`), their search index, and the network of relations in both
//! directions. Built once at start; immutable afterwards.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use rayon::prelude::*;

mod similar;
mod together;
mod warning;

pub use similar::{Lead, SIMILAR_COUNT, Similar};
pub use warning::Warning;

use together::{Unparsed, merge, validate_together};

use crate::dataset::{self, Dataset, DatasetError, Ids, Kind, Partner, RelationKind};
use crate::search::{Glossary, GlossaryError, Index, MarkBits};
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
    /// What [`Catalog::widest_labels`] found, kept.
    widest_labels: OnceLock<Vec<usize>>,
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

/// The file of the datasets folder that adds groups to the glossary: not a dataset.
pub const GLOSSARY_FILE: &str = "glossary.ron";

/// The bundled glossary with the groups of the datasets folder's [`GLOSSARY_FILE`] added,
/// when there is one; a file that cannot be used is reported in `warnings` and left out.
fn user_glossary(dir: &Path, warnings: &mut Vec<Warning>) -> Glossary {
    let mut glossary = Glossary::bundled();
    let file = dir.join(GLOSSARY_FILE);
    if !file.is_file() {
        return glossary;
    }
    match read_glossary(&file) {
        Ok(user) => glossary.extend(user),
        Err(e) => warnings.push(Warning::Skipped(e)),
    }
    glossary
}

/// A user's glossary file (see [`GLOSSARY_FILE`]), or what is wrong with it, said as a
/// dataset's problems are (file, line and column, and how to fix it).
pub fn read_glossary(file: &Path) -> Result<Glossary, DatasetError> {
    let text = dataset::read_source(file)?;
    // A byte-order mark, as some editors write first, is skipped as in a dataset.
    let text = dataset::without_bom(&text);
    let at = |(line, column)| dataset::Location { file: file.to_owned(), line, column };
    let fix = crate::i18n::data().glossary_fix.to_owned();
    Glossary::parse(text).map_err(|e| match e {
        GlossaryError::Syntax(e) => DatasetError::Invalid {
            at: at(dataset::placed(text, &e.span)),
            message: dataset::syntax_message(&e.code),
            fix,
        },
        GlossaryError::Group { number, .. } => DatasetError::Invalid {
            at: at(dataset::item_place(text, number)),
            message: e.to_string(),
            fix,
        },
    })
}

impl Catalog {
    /// The bundled dataset alone.
    pub fn bundled() -> Result<Catalog, DatasetError> {
        Ok(Catalog::from_partners(dataset::bundled()?.partners, vec![Source::Bundled], Vec::new()))
    }

    /// The files given with `--data` when there are some, else the user's datasets (the
    /// folder `datasets`) over the bundled ones, else the bundled ones alone; `progress` is
    /// told how many more bytes were read, from any thread.
    pub fn load(
        data: &[PathBuf],
        datasets: Option<&Path>,
        ready: Ready,
        progress: &(dyn Fn(u64) + Sync),
    ) -> Result<Catalog, DatasetError> {
        match (data, datasets) {
            ([], Some(folder)) => Catalog::with_user_datasets_reporting(folder, progress),
            ([], None) => Catalog::bundled(),
            (files, _) => Catalog::from_files_reporting(files, ready, progress),
        }
    }

    /// Whether a `--data` file is a pipe or a device (`--data <(curl …)`): its size is not
    /// known before it is read, so it may be large.
    pub fn has_stream(data: &[PathBuf]) -> bool {
        data.iter().any(|p| crate::atomic::is_stream(p))
    }

    /// The datasets [`Catalog::load`] would read, as its sources: what the status line
    /// names while they load.
    pub fn sources_to_load(data: &[PathBuf], datasets: Option<&Path>) -> Vec<Source> {
        match (data, datasets) {
            ([], Some(folder)) => std::iter::once(Source::Bundled)
                .chain(dataset_files(folder).into_iter().map(Source::File))
                .collect(),
            ([], None) => vec![Source::Bundled],
            (files, _) => files.iter().cloned().map(Source::File).collect(),
        }
    }

    /// The size in bytes of what [`Catalog::load`] would read (the bundled data aside).
    pub fn bytes_to_load(data: &[PathBuf], datasets: Option<&Path>) -> u64 {
        let size = |source: Source| match source {
            Source::File(path) => std::fs::metadata(path).map_or(0, |m| m.len()),
            Source::Bundled => 0,
        };
        Catalog::sources_to_load(data, datasets).into_iter().map(size).sum()
    }

    /// Only the given files (`--data`), merged in order, made ready as the browser loads them
    /// ([`Ready::Now`]); any bad file is an error.
    pub fn from_files(files: &[PathBuf]) -> Result<Catalog, DatasetError> {
        Catalog::from_files_reporting(files, Ready::Now, &|_| {})
    }

    fn from_files_reporting(
        files: &[PathBuf],
        ready: Ready,
        progress: &(dyn Fn(u64) + Sync),
    ) -> Result<Catalog, DatasetError> {
        if let [file] = files
            && std::fs::metadata(file).is_ok_and(|m| m.is_file())
        {
            return Catalog::from_regular_file(file, ready, progress);
        }
        let mut loaded = Vec::new();
        for file in files {
            let (source, parsed) = read(file, progress)?;
            loaded.push((file.clone(), source, parsed));
        }
        let together = validate_together(None, loaded, &Unparsed::default());
        if let Some(first) = together.skipped.into_iter().next() {
            return Err(first);
        }
        let datasets = together.datasets;
        let sources = datasets.iter().map(|(f, _)| Source::File(f.clone())).collect();
        let (partners, replaced) = merge(Vec::new(), datasets);
        Ok(Catalog::from_partners(partners, sources, replaced))
    }

    /// One regular file, the usual `--data`: read block by block while its partners are
    /// parsed and folded for the index, then checked while the index is put together (it is
    /// dropped if they fail). Its text is never held whole (room for the index), and is read
    /// again only to place a problem.
    fn from_regular_file(
        file: &Path,
        ready: Ready,
        progress: &(dyn Fn(u64) + Sync),
    ) -> Result<Catalog, DatasetError> {
        let (parsed, parts, texts) = dataset::read_parsed_with(file, progress, &Index::part)?;
        // Problems are told in this thread's language, on the pool's thread that finds them.
        let lang = crate::i18n::lang();
        let now = ready == Ready::Now;
        let (checked, (index, listed)) = rayon::join(
            || {
                let _speaking = crate::i18n::speaking(lang);
                let ids = dataset::validate_reading_again(&parsed, file, texts)?;
                let backlinks = now.then(|| Backlinks::of(&parsed.partners, &ids));
                Ok::<_, DatasetError>((ids, backlinks))
            },
            || {
                let index = match parts {
                    Some(parts) => Index::from_parts(parts, &parsed.partners, Glossary::bundled()),
                    None => Index::with_glossary(&parsed.partners, Glossary::bundled()),
                };
                // Checking takes longer than putting the index together (100 against 10 ms at
                // 100 000 partners): the list's order, its shared names and its width are made
                // meanwhile, not after.
                if now {
                    index.sort_names();
                }
                let large = parsed.partners.len() >= SHARED_NAMES_AT_ONCE;
                let shared = (now && large).then(|| names_shared(&parsed.partners));
                let widest = shared.as_ref().map(|shared| {
                    widest_labels(&parsed.partners, |i| shared.get(i).copied().unwrap_or(false))
                });
                (index, shared.zip(widest))
            },
        );
        let (ids, backlinks) = checked?;
        let sources = vec![Source::File(file.to_path_buf())];
        let catalog = Catalog::with_index(parsed.partners, index, sources, Vec::new());
        let _ = catalog.by_id.set(ids);
        if let Some(backlinks) = backlinks {
            let _ = catalog.backlinks.set(backlinks);
        }
        if let Some((shared, widest)) = listed {
            let _ = catalog.names_shared.set(shared);
            let _ = catalog.widest_labels.set(widest);
        }
        Ok(catalog)
    }

    /// The bundled dataset with every `*.ron` of `dir` merged over it (same id: the file wins).
    /// A bad file is skipped and reported in [`Catalog::warnings`]; the others still load. A
    /// file whose only problems are relations to partners that no file has, or that only a
    /// skipped file has, is loaded without them, and they are reported.
    pub fn with_user_datasets(dir: &Path) -> Result<Catalog, DatasetError> {
        Catalog::with_user_datasets_reporting(dir, &|_| {})
    }

    fn with_user_datasets_reporting(
        dir: &Path,
        progress: &(dyn Fn(u64) + Sync),
    ) -> Result<Catalog, DatasetError> {
        let bundled = dataset::bundled()?;
        let mut warnings = Vec::new();
        let mut loaded = Vec::new();
        let mut unparsed = Unparsed::default();
        for file in dataset_files(dir) {
            let source = match dataset::read_source_reporting(&file, progress) {
                Ok(source) => source,
                Err(e) => {
                    unparsed.some_unknown = true;
                    warnings.push(Warning::Skipped(e));
                    continue;
                }
            };
            match dataset::parse_syntax(&source, &file) {
                Ok(parsed) => loaded.push((file, source, parsed)),
                Err(e) => {
                    // Its ids still tell a relation to one of its partners from one to none.
                    let (ids, whole) = dataset::ids_written(&source);
                    unparsed.some_unknown |= !whole;
                    unparsed.files.push((file, ids));
                    warnings.push(Warning::Skipped(e));
                }
            }
        }
        let together = validate_together(Some(&bundled), loaded, &unparsed);
        warnings.extend(together.skipped.into_iter().map(Warning::Skipped));
        warnings.extend(together.left_out);
        let (datasets, not_loaded) = (together.datasets, together.not_loaded);
        let mut sources = vec![Source::Bundled];
        sources.extend(datasets.iter().map(|(f, _)| Source::File(f.clone())));
        let glossary = user_glossary(dir, &mut warnings);
        let file_partners = datasets.iter().map(|(f, d)| (f.clone(), d.partners.len())).collect();
        let (partners, replaced) = merge(bundled.partners, datasets);
        warnings.extend(replaced);
        let mut catalog = Catalog::with_glossary(partners, sources, warnings, glossary);
        catalog.file_partners = file_partners;
        catalog.not_loaded = not_loaded;
        Ok(catalog)
    }

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
            names_shared: OnceLock::new(),
            file_partners: Vec::new(),
            not_loaded: HashMap::new(),
        }
    }

    /// For each kind (in the order of [`Kind::ALL`]), the widest "Name (ACR)" of its
    /// partners in columns, with the id after a name another partner has (0: none of that
    /// kind). Measured once, on every core: the list's width, read by the browser's thread
    /// when a large catalog comes, is measured before on the loader's.
    pub fn widest_labels(&self) -> &[usize] {
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

/// The `*.ron` files of the folder `dir`, sorted.
fn dataset_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "ron") && p.is_file())
                .filter(|p| p.file_name().is_none_or(|name| name != GLOSSARY_FILE))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// A dataset file's text and partners, parsed but not yet validated.
fn read(file: &Path, progress: &(dyn Fn(u64) + Sync)) -> Result<(String, Dataset), DatasetError> {
    let source = dataset::read_source_reporting(file, progress)?;
    let parsed = dataset::parse_syntax(&source, file)?;
    Ok((source, parsed))
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

/// Which of `partners` have a name another has (whatever the case or the spaces around).
fn names_shared(partners: &[Partner]) -> Vec<bool> {
    let state = foldhash::fast::FixedState::default();
    names_shared_by(partners, |name| state.hash_one(name))
}

/// [`names_shared`], the names sorted by `hash`, then those of equal hashes compared: sorting
/// the names themselves took nearly twice as long (35-50 against 19-33 ms at 100 000
/// partners).
fn names_shared_by(partners: &[Partner], hash: impl Fn(&str) -> u64 + Sync) -> Vec<bool> {
    let names: Vec<String> = partners.par_iter().map(|p| p.name.trim().to_lowercase()).collect();
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
