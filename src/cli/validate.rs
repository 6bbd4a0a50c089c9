//! `partners validate`: each dataset file checked as it would be read (a file of the
//! datasets folder laid over the bundled partners, beside the folder's others; any other on
//! its own), every problem with its file, line and column; a glossary as a glossary.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;

use super::commands::Env;
use crate::catalog::{self, Catalog, Ready, Warning};
use crate::dataset;
use crate::i18n::{self, fill};
use crate::text::{clean, clean_multiline};

/// Checks `files`: 0 when all are valid, 1 when one has problems, 2 when one cannot be read.
pub(super) fn validate(cx: &mut Env<'_>, files: &[PathBuf]) -> Result<ExitCode> {
    use dataset::DatasetError;
    super::refuse_standard_input_twice(files, None)?;
    let (mut failed, mut unreadable) = (false, false);
    // A file the browser reads from the datasets folder is checked as it loads it: laid over
    // the bundled partners, beside the folder's other files, whose partners its relations
    // may name. Any other is checked as `--data` reads it, on its own.
    let folder = cx.datasets.clone();
    let mut laid_over: Option<Result<Catalog, String>> = None;
    // A warning about two files of the folder is told once, not with each.
    let mut told = Vec::new();
    for file in files {
        // The datasets folder's glossary is no dataset.
        let glossary = file.file_name().is_some_and(|name| name == catalog::GLOSSARY_FILE);
        // Problems are said, with whether the file could not be read at all.
        let said = |e: &dyn std::fmt::Display| (e.to_string(), false);
        let unread = |e: DatasetError| (e.to_string(), matches!(e, DatasetError::Io { .. }));
        let named_in_folder = folder.as_deref().is_some_and(|f| named_in(f, file));
        let read = if glossary {
            catalog::read_glossary(file).map(|g| (g.len(), true)).map_err(unread)
        } else if let Some(source) =
            named_in_folder.then(|| crate::atomic::not_a_file(file)).flatten()
        {
            // A FIFO, a folder, a link to nothing there: refused as the browser skips it, never
            // waited on nor read as `--data` would read it.
            Err(unread(DatasetError::Io { file: file.clone(), source }))
        } else if let Some(folder) = folder.as_deref().filter(|f| read_from_folder(f, file)) {
            let catalog = laid_over.get_or_insert_with(|| {
                Catalog::load(&[], Some(folder), Ready::OnFirstUse, &|_| {})
                    .map_err(|e| e.to_string())
            });
            if let Ok(catalog) = catalog {
                // Partners it replaces, or that replace its own, are said but no problem.
                let named = |w: &&Warning| w.problem().is_none() && w.concerns(file);
                for warning in catalog.warnings().iter().filter(named) {
                    let said = warning.said("");
                    if !told.contains(&said) {
                        cx.warn(&said);
                        told.push(said);
                    }
                }
            }
            check_laid_over(file, catalog.as_ref()).map(|n| (n, false)).map_err(|e| said(&e))
        } else {
            dataset::load_file(file).map(|d| (d.partners.len(), false)).map_err(unread)
        };
        match read {
            Ok((n, glossary)) => {
                let said = i18n::cli();
                let valid = if glossary {
                    i18n::cli::count(n, said.glossary_valid_one, said.glossary_valid_many)
                } else {
                    i18n::cli::count(n, said.valid_one, said.valid_many)
                };
                let file = file.display().to_string();
                writeln!(cx.out, "{}", fill(valid, &[&clean(&file), &n]))?;
            }
            Err((e, could_not_read)) => {
                failed = true;
                unreadable |= could_not_read;
                writeln!(cx.out, "{}", clean_multiline(&e))?;
            }
        }
    }
    // As the README says: 2 when a file could not be read, 1 when one has problems.
    Ok(match (unreadable, failed) {
        (true, _) => ExitCode::from(2),
        (false, true) => ExitCode::from(1),
        (false, false) => ExitCode::SUCCESS,
    })
}

/// Whether `file` is in the datasets folder `folder` under a dataset's name, whatever it is
/// (a file, a link, a FIFO).
fn named_in(folder: &Path, file: &Path) -> bool {
    let parent = file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    file.file_name().is_some_and(catalog::is_dataset_name)
        && folder.canonicalize().ok().is_some_and(|f| parent.canonicalize().ok() == Some(f))
}

/// Whether the browser reads `file` from the datasets folder `folder`: one of the files
/// [`Catalog::sources_to_load`] lists there (a `.ron` file of it, or a link in it to one).
fn read_from_folder(folder: &Path, file: &Path) -> bool {
    let listed = |source: &catalog::Source| match source {
        catalog::Source::File(path) => path.file_name() == file.file_name(),
        catalog::Source::Bundled => false,
    };
    named_in(folder, file) && Catalog::sources_to_load(&[], Some(folder)).iter().any(listed)
}

/// How many partners `file` holds, a file of the datasets folder, or its problems, as the
/// catalog of that folder (`laid_over`) found them: the file is not parsed a second time.
fn check_laid_over(file: &Path, laid_over: Result<&Catalog, &String>) -> Result<usize, String> {
    let catalog = laid_over.map_err(Clone::clone)?;
    // A relation to no partner, or to one of a skipped file, which the browser leaves out, is
    // a problem here all the same: every one, in the order of the file.
    let invalid = |w: &&Warning| w.problem().is_some() && w.concerns(file);
    let mut problems: Vec<&dataset::DatasetError> = catalog
        .warnings()
        .iter()
        .filter(invalid)
        .filter_map(Warning::problem)
        .flat_map(dataset::DatasetError::problems)
        .collect();
    if !problems.is_empty() {
        problems.sort_by_key(|e| match e {
            dataset::DatasetError::Invalid { at, .. } => (at.line, at.column),
            _ => (0, 0),
        });
        return Err(problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"));
    }
    match catalog.partners_in_file(file) {
        Some(partners) => Ok(partners),
        // Come into the folder since it was loaded: read now.
        None => dataset::read_regular_source_reporting(file, &|_| {})
            .and_then(|text| dataset::parse_syntax(&text, file))
            .map(|dataset| dataset.partners.len())
            .map_err(|e| e.to_string()),
    }
}
