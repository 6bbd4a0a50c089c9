//! Putting the dataset files together: each file checked beside the others (a relation may
//! name a partner of another file, or of the bundled dataset), then laid over the ones before
//! it. Reading the files is the catalog's; here they are already parsed.

use std::cell::OnceCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::Warning;
use crate::dataset::{self, Dangling, Dataset, DatasetError, Partner};

/// A dataset file, its text and its partners (not yet validated).
pub(super) type Loaded = (PathBuf, String, Dataset);

/// What is known of the files skipped before they were parsed (for their syntax, or unread).
#[derive(Debug, Default)]
pub(super) struct Unparsed {
    /// Each file with the ids its text still shows.
    pub files: Vec<(PathBuf, Vec<String>)>,
    /// Whether one of them could not be read far enough to know all its ids.
    pub some_unknown: bool,
}

impl Unparsed {
    /// Every id their texts still show, with its file.
    fn ids(&self) -> impl Iterator<Item = (&str, &Path)> {
        self.files.iter().flat_map(|(file, ids)| ids.iter().map(|id| (id.as_str(), file.as_path())))
    }
}

/// The files put together by [`validate_together`].
pub(super) struct Together {
    /// The files kept, in order, without the relations left out.
    pub datasets: Vec<(PathBuf, Dataset)>,
    /// Why each file left out was.
    pub skipped: Vec<DatasetError>,
    /// The partners of the files left out that no file kept has, each with its file: what
    /// was asked for by an id may be there.
    pub not_loaded: HashMap<String, PathBuf>,
    /// The relations left out of the files kept, a file's in one warning
    /// ([`Warning::RelationsLeftOut`], [`Warning::RelationsMaybeNotLoaded`] or
    /// [`Warning::RelationsNotLoaded`]), in file order.
    pub left_out: Vec<Warning>,
}

/// Validates each file, letting relations point at partners of the base or of other files.
/// With a base (the user's datasets over the bundled ones), a file whose only problems are
/// relations to partners that no file has is kept without them: one typo in a target must not
/// cost a file's other partners. So is a file with relations to partners of a file that is
/// skipped: those are left out too (they would point at nothing), and told apart, since
/// their partner exists but is not loaded; and so is one with relations to the ids a file
/// skipped for its syntax still shows (`unparsed`). While some skipped file's ids are not all
/// known, a relation to no partner is told as perhaps to one of that file.
pub(super) fn validate_together(
    base: Option<&Dataset>,
    mut loaded: Vec<Loaded>,
    unparsed: &Unparsed,
) -> Together {
    let unparsed_ids = || unparsed.ids().map(|(id, _)| id);
    let failed: Vec<usize> = {
        // validate() looks here only for ids its own file lacks: built then, if ever.
        let known: OnceCell<HashSet<&str>> = OnceCell::new();
        let elsewhere = |id: &str| {
            known
                .get_or_init(|| {
                    base.iter()
                        .flat_map(|b| &b.partners)
                        .chain(loaded.iter().flat_map(|(_, _, d)| &d.partners))
                        .map(|p| p.id.as_str())
                        .chain(unparsed_ids())
                        .collect()
                })
                .contains(id)
        };
        let valid = |(file, source, dataset): &Loaded| {
            dataset::validate(dataset, source, file, &elsewhere).is_ok()
        };
        (0..loaded.len()).filter(|&i| !valid(&loaded[i])).collect()
    };
    let mut bad = Vec::new();
    let mut left_out = Vec::new();
    let mut not_loaded = HashMap::new();
    if !failed.is_empty() {
        // Rare: checked again, the relations to no partner then taken out (ids owned, for that).
        let known: HashSet<String> = base
            .iter()
            .flat_map(|b| &b.partners)
            .chain(loaded.iter().flat_map(|(_, _, d)| &d.partners))
            .map(|p| p.id.as_str())
            .chain(unparsed_ids())
            .map(str::to_owned)
            .collect();
        let elsewhere = |id: &str| known.contains(id);
        let (why, told): (_, fn(DatasetError) -> Warning) = if unparsed.some_unknown {
            (Dangling::MaybeNotLoaded, Warning::RelationsMaybeNotLoaded)
        } else {
            (Dangling::NoPartner, Warning::RelationsLeftOut)
        };
        for &i in &failed {
            let (file, source, dataset) = &mut loaded[i];
            let checked = if base.is_some() {
                dataset::validate_leaving_out_dangling(dataset, source, file, &elsewhere, why)
            } else {
                dataset::validate(dataset, source, file, &elsewhere).map(|()| None)
            };
            match checked {
                Ok(dropped) => left_out.extend(dropped.map(|e| (i, told(e)))),
                Err(e) => bad.push((i, e)),
            }
        }
    }
    if base.is_some() && (!bad.is_empty() || unparsed.ids().next().is_some()) {
        // Whether a file is skipped does not hang on its targets (those alone cost it only
        // relations): the skipped ones known, the others lose their relations to them.
        let kept: Vec<usize> =
            (0..loaded.len()).filter(|i| !bad.iter().any(|(b, _)| b == i)).collect();
        let skipped = bad.iter().map(|(b, _)| &loaded[*b]);
        not_loaded = partners_not_loaded(base, kept.iter().map(|&i| &loaded[i]), skipped, unparsed);
        // The files kept passed with every id known, those of skipped files too: what they
        // lose now is their relations to partners not loaded, and only a file with one is
        // checked again (a typo in a small file must not cost a second look at a large one).
        let elsewhere = |id: &str| !not_loaded.contains_key(id);
        let points_at_one = |dataset: &Dataset| {
            let targets = dataset.partners.iter().flat_map(|p| &p.relations);
            targets.filter_map(|r| r.target.as_deref()).any(|t| not_loaded.contains_key(t))
        };
        for i in kept {
            let (file, source, dataset) = &mut loaded[i];
            if !points_at_one(dataset) {
                continue;
            }
            let why = Dangling::NotLoaded;
            match dataset::validate_leaving_out_dangling(dataset, source, file, &elsewhere, why) {
                Ok(dropped) => {
                    left_out.extend(dropped.map(|e| (i, Warning::RelationsNotLoaded(e))));
                }
                // Not seen: its other rules held just now. Skipped all the same, were it so.
                Err(e) => bad.push((i, e)),
            }
        }
    }
    // A file's relations to no partner, then those to partners not loaded.
    left_out.sort_by_key(|(i, _)| *i);
    let datasets = loaded
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !bad.iter().any(|(b, _)| b == i))
        .map(|(_, (file, _, dataset))| (file, dataset))
        .collect();
    bad.sort_by_key(|(i, _)| *i);
    Together {
        datasets,
        skipped: bad.into_iter().map(|(_, e)| e).collect(),
        not_loaded,
        left_out: left_out.into_iter().map(|(_, w)| w).collect(),
    }
}

/// The partners of the `skipped` files and the ids of the `unparsed` ones that neither `base`
/// nor a `kept` file has, each with its file (the first that has it).
fn partners_not_loaded<'a>(
    base: Option<&Dataset>,
    kept: impl Iterator<Item = &'a Loaded>,
    skipped: impl Iterator<Item = &'a Loaded>,
    unparsed: &Unparsed,
) -> HashMap<String, PathBuf> {
    let known: HashSet<&str> = base
        .iter()
        .flat_map(|b| &b.partners)
        .chain(kept.flat_map(|(_, _, d)| &d.partners))
        .map(|p| p.id.as_str())
        .collect();
    let mut not_loaded = HashMap::new();
    for (file, _, dataset) in skipped {
        for partner in dataset.partners.iter().filter(|p| !known.contains(p.id.as_str())) {
            not_loaded.entry(partner.id.clone()).or_insert_with(|| file.clone());
        }
    }
    for (id, file) in unparsed.ids().filter(|(id, _)| !known.contains(id)) {
        not_loaded.entry(id.to_owned()).or_insert_with(|| file.to_path_buf());
    }
    not_loaded
}

/// `base` with each dataset laid over it in order: a partner with a known id replaces the one
/// before it, in place; new ids are added at the end. Partners that replace those of another
/// of `datasets` (not of `base`, the bundled ones) are told, file by file.
pub(super) fn merge(
    mut base: Vec<Partner>,
    datasets: Vec<(PathBuf, Dataset)>,
) -> (Vec<Partner>, Vec<Warning>) {
    let mut datasets = datasets.into_iter().peekable();
    // The dataset each partner comes from, by number; `base`'s have none.
    let mut from: Vec<Option<usize>> = vec![None; base.len()];
    let mut files = Vec::new();
    if base.is_empty() {
        // The ids of one valid file are unique: the first file is the merge so far.
        if let Some((file, first)) = datasets.next() {
            base = first.partners;
            from = vec![Some(0); base.len()];
            files.push(file);
        }
    }
    if datasets.peek().is_none() {
        return (base, Vec::new());
    }
    let mut position: HashMap<String, usize> =
        base.iter().enumerate().map(|(i, p)| (p.id.clone(), i)).collect();
    let mut warnings = Vec::new();
    for (file, dataset) in datasets {
        let this = files.len();
        // Per file read before: the first id replaced, and how many.
        let mut replaced: BTreeMap<usize, (String, usize)> = BTreeMap::new();
        for partner in dataset.partners {
            if let Some(&i) = position.get(&partner.id) {
                if let Some(earlier) = from[i] {
                    replaced.entry(earlier).or_insert_with(|| (partner.id.clone(), 0)).1 += 1;
                }
                base[i] = partner;
                from[i] = Some(this);
            } else {
                position.insert(partner.id.clone(), base.len());
                base.push(partner);
                from.push(Some(this));
            }
        }
        // The same file given twice replaces nothing of its own.
        let replaced = replaced.into_iter().filter(|&(earlier, _)| files[earlier] != file);
        warnings.extend(replaced.map(|(earlier, (first, count))| Warning::Replaced {
            file: file.clone(),
            earlier: files[earlier].clone(),
            first,
            count,
        }));
        files.push(file);
    }
    (base, warnings)
}
