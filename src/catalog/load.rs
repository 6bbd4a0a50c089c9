//! Loading the catalog: from the files given with `--data`, from the datasets folder over the
//! bundled dataset, or the bundled dataset alone, with the user's glossary; what a load will
//! read, for the progress shown meanwhile.

use std::path::{Path, PathBuf};

use super::together::{Unparsed, merge, validate_together};
use super::{
    Backlinks, Catalog, Ready, SHARED_NAMES_AT_ONCE, Source, Warning, names_shared, widest_labels,
};
use crate::dataset::{self, Dataset, DatasetError};
use crate::search::{Glossary, GlossaryError, Index};

/// The file of the datasets folder that adds groups to the glossary: not a dataset.
pub const GLOSSARY_FILE: &str = "glossary.ron";

/// The bundled glossary with the groups of the datasets folder's [`GLOSSARY_FILE`] added,
/// when there is one; a file that cannot be used (or that is no file: a FIFO is never opened)
/// is reported in `warnings` and left out.
fn user_glossary(dir: &Path, warnings: &mut Vec<Warning>) -> Glossary {
    let mut glossary = Glossary::bundled();
    let file = dir.join(GLOSSARY_FILE);
    if std::fs::symlink_metadata(&file).is_err() {
        return glossary;
    }
    let read = match crate::atomic::not_a_file(&file) {
        Some(source) => Err(DatasetError::Io { file, source }),
        None => read_glossary(&file),
    };
    match read {
        Ok(user) => glossary.extend(user),
        Err(e) => warnings.push(Warning::GlossaryLeftOut(e)),
    }
    glossary
}

/// A user's glossary file (see [`GLOSSARY_FILE`]), or what is wrong with it, said as a
/// dataset's problems are (file, line and column, and how to fix it). Read as the browser
/// and `validate` alike read it: a regular file only, anything else (a FIFO, even one swapped
/// in after a look at the name, a link to `/dev/zero`) refused unread, never waited on.
pub fn read_glossary(file: &Path) -> Result<Glossary, DatasetError> {
    let text = dataset::read_regular_source(file)?;
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
            ([], Some(folder)) => {
                let files = dataset_files(folder).into_iter();
                let files = files.filter(|file| crate::atomic::not_a_file(file).is_none());
                std::iter::once(Source::Bundled).chain(files.map(Source::File)).collect()
            }
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
    /// A bad file (or a `*.ron` that is no file) is skipped and reported in
    /// [`Catalog::warnings`]; the others still load. A
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
            // A folder, a FIFO (never opened: it would wait for a writer), a link to nothing:
            // skipped as a file that cannot be read is, and said so. A file swapped for a FIFO
            // since the look is refused when opened, not waited on.
            let read = match crate::atomic::not_a_file(&file) {
                Some(source) => Err(DatasetError::Io { file: file.clone(), source }),
                None => dataset::read_regular_source_reporting(&file, progress),
            };
            let source = match read {
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
}

/// Whether a file of the datasets folder named `name` is read as a dataset: a `*.ron` other
/// than the glossary.
pub fn is_dataset_name(name: &std::ffi::OsStr) -> bool {
    let path = Path::new(name);
    path.extension().is_some_and(|e| e == "ron") && name != GLOSSARY_FILE
}

/// What the folder `dir` holds under a dataset's name, sorted: regular files, links to one
/// (followed), and whatever else is named so (a folder, a FIFO, a link to nothing), which
/// cannot be read ([`crate::atomic::not_a_file`]).
fn dataset_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.file_name().is_some_and(is_dataset_name))
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
