//! `export`: which partners, in which format, to standard output or a file, never over a
//! file partners reads.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::{Env, MARKS_UNREAD, Marks, Selected, keep, left_out, write_buffered};
use crate::catalog::{self, Catalog};
use crate::cli::MarkFilter;
use crate::export::{self, ExportFormat, Separator};
use crate::i18n::{self, fill};
use crate::text::clean;

/// `export`: the partners kept by `marks`, in `format` (a CSV's fields separated by
/// `separator`, else by a tab for `--format tsv` or `-o FILE.tsv`, else by commas), to
/// standard output or `output`.
pub(super) fn export(
    cx: &mut Env<'_>,
    format: Option<ExportFormat>,
    separator: Option<Separator>,
    marks: MarkFilter,
    output: Option<PathBuf>,
) -> Result<ExitCode> {
    let format = export_format(cx, format, output.as_deref());
    if separator.is_some() && !format.is_table() {
        cx.warn(&fill(i18n::cli().separator_not_csv, &[&format.name()]));
    }
    // A tab is what TSV means: `--format tsv` or `-o FILE.tsv` with another separator is used,
    // with a warning, as a `--format` that the extension contradicts is.
    let implied = output.as_deref().and_then(Separator::from_extension);
    let tab_implied = format == ExportFormat::Tsv || implied.is_some();
    if let Some(given) =
        separator.filter(|&s| format.is_table() && tab_implied && s != Separator::Tab)
    {
        cx.warn(&fill(i18n::cli().separator_not_tab, &[&given.name()]));
    }
    let separator = separator.or(implied);
    let catalog = cx.catalog()?;
    // What an export is for: the follow-up file must not come without the notes.
    let Marks::Read(store) = cx.store_for_marks(true) else {
        return Ok(ExitCode::from(MARKS_UNREAD));
    };
    let chosen: Vec<usize> = (0..catalog.partners().len())
        .filter(|&i| keep(&catalog, store.as_ref(), i, marks))
        .collect();
    // Partners with marks that are not loaded: carried with their id where the format can
    // (a note never disappears from the follow-up file).
    let selected = Selected::Marks(marks);
    let unloaded: Vec<export::Unloaded<'_>> = store
        .as_ref()
        .filter(|_| export::carries_unloaded(format))
        .map(|store| {
            let wanted = |id: &str, marks: &crate::store::Marks| {
                catalog.position(id).is_none() && selected.admits(marks) == Some(true)
            };
            store
                .state()
                .marks
                .iter()
                .filter(|(id, marks)| wanted(id, marks))
                .map(|(id, marks)| export::Unloaded { id, marks })
                .collect()
        })
        .unwrap_or_default();
    let exported = |out: &mut dyn Write| {
        export::export(&catalog, store.as_ref(), &chosen, &unloaded, format, separator, out)
    };
    // `-o -` and `-o /dev/stdout` are standard output itself: opened again, a file that
    // standard output appends to (`>> log.csv`) would be replaced.
    let to_stdout = |p: &PathBuf| p.as_os_str() == "-" || p.as_os_str() == "/dev/stdout";
    match output {
        Some(path) if to_stdout(&path) => write_buffered(cx.out, exported)?,
        Some(path) if crate::store::is_own_file(&cx.home, &path) => {
            bail!(fill(i18n::cli().export_over_state, &[&clean(&path.display().to_string())]));
        }
        Some(path) if read_by_partners(cx, &path) => {
            // Links followed, as the write would: a link to a dataset not there yet is new.
            let said = i18n::cli();
            let refusal = if std::fs::metadata(&path).is_ok() {
                said.export_over_dataset
            } else {
                said.export_over_dataset_new
            };
            bail!(fill(refusal, &[&clean(&path.display().to_string())]));
        }
        Some(path) => {
            crate::atomic::write_output(&path, exported)?;
            let path = path.display().to_string();
            let said = i18n::cli();
            let n = chosen.len() + unloaded.len();
            let wrote = i18n::cli::count(n, said.wrote_one, said.wrote_many);
            // The file is written: a report that cannot be said (standard error closed or full)
            // must not change the status, 1 when partners with marks are left out.
            let _ = writeln!(cx.err, "{}", fill(wrote, &[&n, &clean(&path)]));
        }
        None => write_buffered(cx.out, exported)?,
    }
    let carried = export::carries_unloaded(format);
    let missing = left_out(cx, &catalog, store.as_ref(), selected, carried);
    Ok(if missing { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Whether `path` is (or leads to) a file of the user's that partners reads: a `--data` file,
/// one of the datasets folder (read or not this time, or a `*.ron` not there yet), its
/// glossary, or the configuration.
/// `export -o` over it would replace the user's partners or settings with the export
/// (`--data mine.ron export -o mine.ron` wrote CSV there; over `config.toml`, the next start
/// refused it).
fn read_by_partners(cx: &Env<'_>, path: &Path) -> bool {
    #[cfg(unix)]
    let id = |path: &Path| {
        use std::os::unix::fs::MetadataExt as _;
        std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
    };
    #[cfg(not(unix))]
    let id = |path: &Path| path.canonicalize().ok();
    // A file not there yet, by its folder and name: the configuration and the glossary are
    // read once there (`export -o config.toml` made the next start refuse its settings). A
    // link is followed first, as the write follows it: a link to a configuration not there
    // yet (or a configuration that is a link to a file not there yet) is that file.
    let place = |path: &Path| {
        let path = crate::atomic::resolve_links(path).unwrap_or_else(|_| path.to_path_buf());
        if let Some(file) = id(&path) {
            return Some((file, None));
        }
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
        Some((id(folder.unwrap_or(Path::new(".")))?, Some(path.file_name()?.to_owned())))
    };
    let Some(target) = place(path) else { return false };
    // A dataset not there yet, named or reached by a link, is read at the next start (and
    // skipped there as a broken dataset, with a warning at every start).
    let datasets = cx.datasets.as_deref().and_then(id);
    if let (folder, Some(name)) = &target
        && datasets.as_ref() == Some(folder)
        && catalog::is_dataset_name(name)
    {
        return true;
    }
    let glossary = cx.datasets.as_deref().map(|folder| folder.join(catalog::GLOSSARY_FILE));
    let config = cx.datasets.as_deref().and_then(crate::config::beside_datasets);
    let folder = Catalog::sources_to_load(&[], cx.datasets.as_deref());
    Catalog::sources_to_load(&cx.data, None)
        .into_iter()
        .chain(folder)
        .filter_map(|source| match source {
            catalog::Source::File(file) => Some(file),
            catalog::Source::Bundled => None,
        })
        .chain(glossary)
        .chain(config)
        .any(|file| place(&file).as_ref() == Some(&target))
}

/// The format `--format` gives, else the one the extension of `-o FILE` names, else CSV. A
/// `--format` that the extension contradicts wins, with a warning: `-o notes.csv --format json`
/// is more likely a slip than a wish.
fn export_format(
    cx: &mut Env<'_>,
    format: Option<ExportFormat>,
    output: Option<&Path>,
) -> ExportFormat {
    let named = output.and_then(ExportFormat::from_extension);
    match (format, named) {
        // CSV and TSV are the same table: `--format csv -o FILE.tsv` is no slip.
        (Some(given), Some(named)) if given != named && !(given.is_table() && named.is_table()) => {
            let file = output.unwrap_or(Path::new("")).display().to_string();
            let (file, named, name) = (clean(&file), named.name(), given.name());
            cx.warn(&fill(i18n::cli().format_not_extension, &[&file, &named, &name, &name]));
            given
        }
        (Some(given), _) => given,
        (None, Some(named)) => named,
        (None, None) => ExportFormat::Csv,
    }
}
