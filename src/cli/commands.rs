//! Every subcommand that does not open the browser: reading the partners and the user's
//! marks, printing them, changing marks, notes and aliases, exporting (validating is in
//! `validate.rs`).

use std::io::{self, IsTerminal as _, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};

use super::report::report;
use super::validate::validate;
use super::{Command, MarkFilter};
use crate::catalog::{self, Catalog, Ready, Warning};
use crate::completions;
use crate::dataset;
use crate::i18n::{self, fill};
use crate::output;
use crate::search::{Atom, MarkBits, Query};
use crate::store::{Change, NOTE_MOST, Store, StoreError, tidy_alias};
use crate::text::{clean, clean_multiline};

mod exporting;

use exporting::export;

/// The partners in use: `--data` files, else the bundled dataset with the user's datasets
/// from the folder `datasets`.
pub fn load_catalog(data: &[PathBuf], datasets: Option<&Path>) -> Result<Catalog> {
    Ok(Catalog::load(data, datasets, Ready::OnFirstUse, &|_| {})?)
}

/// Everything a subcommand needs: where to print and the user's home.
pub struct Env<'a> {
    /// Standard output.
    pub out: &'a mut dyn Write,
    /// Standard error, for warnings.
    pub err: &'a mut dyn Write,
    /// The columns of the terminal standard output is, when it is one (aligned plain output
    /// fitted to them, instead of TSV); `usize::MAX` when they cannot be told.
    pub terminal: Option<usize>,
    /// The resolved home folder.
    pub home: PathBuf,
    /// `--data` files.
    pub data: Vec<PathBuf>,
    /// The folder of the user's own datasets.
    pub datasets: Option<PathBuf>,
}

impl Env<'_> {
    /// Writes a warning to standard error, made safe for the terminal. One that cannot be
    /// written (standard error a closed pipe) does not stop the command: `star`, `note` or
    /// `export -o` ended there with status 0, their change not made.
    pub(super) fn warn(&mut self, text: &str) {
        let _ = writeln!(self.err, "{}", fill(i18n::cli().warning, &[&clean_multiline(text)]));
    }

    fn catalog(&mut self) -> Result<Catalog> {
        let catalog = load_catalog(&self.data, self.datasets.as_deref())?;
        for warning in catalog.warnings() {
            self.warn(&warning.said(i18n::cli().skipped_dataset));
        }
        Ok(catalog)
    }

    fn store(&mut self) -> Result<Store> {
        let mut store = Store::open(&self.home)?;
        store.set_lock_wait(crate::store::LOCK_WAIT, Some(tell_waiting_for_lock));
        for warning in store.warnings() {
            self.warn(warning);
        }
        Ok(store)
    }

    /// The store when it can be read; a store that cannot be opened only warns, because
    /// reading partners must not depend on it.
    fn store_for_reading(&mut self) -> Option<Store> {
        match self.store() {
            Ok(store) => Some(store),
            Err(e) => {
                self.warn(&fill(i18n::cli().marks_not_shown, &[&report(&e)]));
                None
            }
        }
    }

    /// The store for a command whose answer is the user's marks (`needed`: `list --starred`,
    /// `export`): marks that cannot be read would make it answer wrongly, not partly, so that
    /// is said, naming the file, and the command answers nothing ([`Marks::Unread`], exit 1);
    /// a home folder that is not there and cannot be made holds none, which is only warned
    /// of. Otherwise as [`Env::store_for_reading`].
    fn store_for_marks(&mut self, needed: bool) -> Marks {
        if !needed {
            return Marks::Read(self.store_for_reading());
        }
        let why = match self.store() {
            // No home folder, and none can be made: there are no marks to miss.
            Err(e) if matches!(e.downcast_ref(), Some(StoreError::CreateDir { .. })) => {
                self.warn(&fill(i18n::cli().marks_not_shown, &[&report(&e)]));
                return Marks::Read(None);
            }
            Ok(store) => match store.unread_file() {
                None => return Marks::Read(Some(store)),
                // The store's warning said why, and where the file was kept.
                Some(path) => {
                    fill(i18n::cli().state_unread, &[&clean(&path.display().to_string())])
                }
            },
            Err(e) => report(&e),
        };
        // Said where it can be: a closed standard error must not turn the refusal into the
        // quiet end of a closed pipe (status 0, no answer, read as "nothing marked").
        let _ = writeln!(self.err, "{}", fill(i18n::cli().marks_unread, &[&why]));
        Marks::Unread
    }
}

/// The user's marks as a command reads them (see [`Env::store_for_marks`]).
enum Marks {
    /// The store, unless it could not be opened (a warning said so).
    Read(Option<Store>),
    /// The command needs the marks and they could not be read (said): it answers nothing.
    Unread,
}

/// How a command that needed the marks and could not read them ends.
const MARKS_UNREAD: u8 = 1;

/// Says on standard error that a change waits for `lock`, held by another process (see
/// [`crate::store::LOCK_WAIT`]): a wait with no word looks like a hang.
pub fn tell_waiting_for_lock(lock: &Path) {
    let said = fill(i18n::cli().waiting_for_lock, &[&clean(&lock.display().to_string())]);
    let _ = writeln!(io::stderr(), "{said}");
}

/// The note `partners note ID TEXT...` gives: the words, or standard input for `-`; at
/// most [`NOTE_MOST`] bytes of text, its line breaks LF, and never blank (a slip, an empty
/// variable or file, must not delete a note).
fn note_text(words: &[String], id: &str) -> Result<String> {
    let text = if words == ["-"] {
        // At a terminal the read waits for typing: a wait with no word looks like a hang.
        if std::io::stdin().is_terminal() {
            let _ = writeln!(io::stderr(), "{}", i18n::cli().note_prompt);
        }
        // At most one byte past the bound: `note - < /dev/zero` ends. Bytes first: the bound
        // may cut a character in two.
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(
            &mut std::io::Read::take(std::io::stdin(), NOTE_MOST + 1),
            &mut bytes,
        )
        .context(i18n::cli().reading_note)?;
        if bytes.len() as u64 > NOTE_MOST {
            bail!(fill(i18n::cli().note_too_long, &[&(NOTE_MOST >> 20)]));
        }
        let text = String::from_utf8(bytes)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
            .context(i18n::cli().reading_note)?;
        text.trim_end().to_owned()
    } else {
        words.join(" ")
    };
    // Line breaks as the note editor makes them (on paste too): a file from Windows, or a CR
    // alone in an argument, would be drawn as `�` where the editor breaks the line.
    let text = crate::text::unify_line_breaks(&text).into_owned();
    if text.len() as u64 > NOTE_MOST {
        bail!(fill(i18n::cli().note_too_long, &[&(NOTE_MOST >> 20)]));
    }
    if text.contains('\0') {
        bail!(i18n::cli().note_not_text);
    }
    // Spaces and characters no screen draws (a zero-width space) are as blank as nothing.
    if crate::text::is_blank(&text) {
        bail!(fill(i18n::cli().note_empty, &[&id]));
    }
    Ok(text)
}

/// The partner `id` names, as typed or pasted (see [`Catalog::position_typed`]): its
/// position, and its id as the dataset writes it.
fn find<'c>(catalog: &'c Catalog, id: &str) -> Result<(usize, &'c str)> {
    let index = catalog.position_typed(id).ok_or_else(|| unknown_id(catalog, id))?;
    Ok((index, catalog.partners()[index].id.as_str()))
}

/// That no partner loaded has `id`: whose skipped file has it when one does, else the
/// closest ids; and that a skipped file may have it when some file was skipped unread.
fn unknown_id(catalog: &Catalog, id: &str) -> anyhow::Error {
    let said = i18n::cli();
    let skipped =
        catalog.skipped_file_of(id).or_else(|| catalog.skipped_file_of(&id.to_lowercase()));
    if let Some(file) = skipped {
        let file = file.display().to_string();
        return anyhow::anyhow!(fill(
            said.unknown_id_skipped,
            &[&id, &file, &crate::text::shell_quoted(&file)]
        ));
    }
    let near = catalog.suggest(id, 3);
    let mut message = if near.is_empty() {
        fill(said.unknown_id, &[&id])
    } else {
        fill(said.unknown_id_near, &[&id, &near.join(said.list_separator)])
    };
    if catalog.warnings().iter().filter_map(Warning::skipped).any(is_dataset) {
        message.push_str(said.unknown_id_maybe_skipped);
    }
    anyhow::anyhow!(message)
}

/// Whether a file skipped (`error` says why) is a dataset, not the datasets folder's glossary.
fn is_dataset(error: &dataset::DatasetError) -> bool {
    error.file().and_then(Path::file_name).is_none_or(|name| name != catalog::GLOSSARY_FILE)
}

/// Runs a subcommand. Returns the exit code for success paths; errors are reported by the
/// caller with [`report`] (exit 2), or not at all when [`super::is_broken_pipe`].
pub fn run(command: Command, cx: &mut Env<'_>) -> Result<ExitCode> {
    let code = dispatch(command, cx)?;
    // Flushed here so a failed write is an error, not lost at exit.
    cx.out.flush()?;
    cx.err.flush()?;
    Ok(code)
}

fn dispatch(command: Command, cx: &mut Env<'_>) -> Result<ExitCode> {
    match command {
        Command::Search { query, json, limit } => search(cx, &query.join(" "), json, limit),
        Command::Show { id, json, format, qr } => {
            let catalog = cx.catalog()?;
            let store = cx.store_for_reading();
            let (index, id) = find(&catalog, &id)?;
            let marks = store.as_ref().and_then(|s| s.marks(id));
            if qr {
                let note = marks.and_then(|m| m.note.as_deref());
                let contact = crate::vcard::Contact::of(&catalog.partners()[index], note);
                return crate::qr::show(&contact, cx.out, cx.err, cx.terminal.is_some());
            }
            if json {
                let object = output::partner_json(&catalog, index, marks, None);
                cx.out.write_all(output::to_json(&object)?.as_bytes())?;
            } else {
                write!(
                    cx.out,
                    "{}",
                    output::card(&catalog, index, marks, format.unwrap_or_default())
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::List { kind, marks, json } => {
            let catalog = cx.catalog()?;
            let Marks::Read(store) = cx.store_for_marks(marks.selects()) else {
                return Ok(ExitCode::from(MARKS_UNREAD));
            };
            let mut chosen: Vec<usize> = (0..catalog.partners().len())
                .filter(|&i| kind.is_none_or(|k| catalog.partners()[i].kind == k))
                .filter(|&i| keep(&catalog, store.as_ref(), i, marks))
                .collect();
            chosen.sort_by_cached_key(|&i| crate::search::fold(&catalog.partners()[i].name));
            print_partners(cx, &catalog, store.as_ref(), &chosen, None, json)?;
            // Without a mark filter the list is every partner loaded: the skipped file's
            // warning says enough.
            let selects = marks.selects();
            let missing =
                selects && left_out(cx, &catalog, store.as_ref(), Selected::Marks(marks), false);
            Ok(if missing { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Validate { files } => validate(cx, &files),
        Command::Star { id } => {
            let said = i18n::cli();
            mark(cx, &id, |id| Change::Star { id, on: true }, (said.starred, said.already_starred))
        }
        Command::Unstar { id } => {
            let said = i18n::cli();
            mark(cx, &id, |id| Change::Star { id, on: false }, (said.unstarred, said.not_starred))
        }
        Command::Met { id, undo } => {
            let said = i18n::cli();
            let said = if undo {
                (said.unmarked_met, said.not_met)
            } else {
                (said.marked_met, said.already_met)
            };
            mark(cx, &id, |id| Change::Met { id, on: !undo }, said)
        }
        Command::Note { id, text, clear } => {
            let text = if clear { None } else { Some(note_text(&text, &id)?) };
            let said = i18n::cli();
            let said = if text.is_some() {
                (said.note_saved, said.note_saved)
            } else {
                (said.note_removed, said.no_note)
            };
            mark(cx, &id, move |id| Change::Note { id, text }, said)
        }
        Command::Alias { id, text, remove, json } => alias(cx, &id, &text, remove, json),
        Command::Export { format, separator, marks, output } => {
            export(cx, format, separator, marks, output)
        }
        Command::Template => {
            write!(cx.out, "{}", dataset::template())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            completions::registration(shell, cx.out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            completions::man(cx.out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Config(args) => crate::config::run(args, cx.datasets.as_deref(), cx.out),
    }
}

/// What a command selects partners by, to tell which marked partners that are not loaded it
/// would have shown: the one rule of [`left_out`].
#[derive(Debug, Clone, Copy)]
enum Selected<'q> {
    /// `list`, `export`: by these marks, or every partner with none.
    Marks(MarkFilter),
    /// `search`: by the mark filters of this query (`is:starred`, `has:note`).
    Query(&'q Query),
}

impl Selected<'_> {
    /// Whether a partner with these marks, not loaded, would have been selected: `None` when
    /// the command selects by no mark (its output is every partner loaded, or found by text
    /// that a partner not loaded cannot be matched on).
    fn admits(self, marks: &crate::store::Marks) -> Option<bool> {
        match self {
            Selected::Marks(filter) if filter.selects() => Some(filter.admits(Some(marks))),
            // Every partner: every one the user marked, noted or named counts.
            Selected::Marks(_) => Some(
                marks.starred || marks.met || marks.note.is_some() || !marks.aliases.is_empty(),
            ),
            Selected::Query(query) => {
                let bits = MarkBits::new(marks.starred, marks.met, marks.note.is_some())
                    .aliased(!marks.aliases.is_empty());
                query.admits_marks(bits)
            }
        }
    }
}

/// Says on standard error how many partners that `selected` would keep are not loaded while a
/// dataset file was skipped, and why: their marks and notes are kept in the store but missing
/// from the output, or, when the output `carried` them with their id and marks, that it holds
/// no more of them. Returns whether any are (the output is then incomplete).
///
/// Ids that the datasets do not have while every file loaded are no news: the store keeps
/// them on purpose (a partner removed from a dataset keeps its note).
fn left_out(
    cx: &mut Env<'_>,
    catalog: &Catalog,
    store: Option<&Store>,
    selected: Selected<'_>,
    carried: bool,
) -> bool {
    let skipped: Vec<String> = catalog
        .warnings()
        .iter()
        .filter_map(Warning::skipped)
        .map(dataset::DatasetError::one_line)
        .collect();
    let Some(store) = store else { return false };
    let searched = matches!(selected, Selected::Query(query) if !query.by_marks_alone());
    if skipped.is_empty() {
        if !carried && !searched {
            in_no_data(cx, catalog, store, selected);
        }
        return false;
    }
    let missing =
        catalog.marked_not_loaded(store.state(), |marks| selected.admits(marks).unwrap_or(false));
    if missing.is_empty() {
        return false;
    }
    let ids = some_ids(&missing);
    let said = i18n::cli();
    let n = missing.len();
    let template = if carried {
        i18n::cli::count(n, said.marked_not_loaded_kept_one, said.marked_not_loaded_kept_many)
    } else if searched {
        // Words or filters besides the marks: whether it would have matched them is unknown.
        i18n::cli::count(n, said.marked_not_searched_one, said.marked_not_searched_many)
    } else {
        i18n::cli::count(n, said.marked_not_loaded_one, said.marked_not_loaded_many)
    };
    let why = skipped.join("; ");
    cx.warn(&fill(template, &[&n, &ids, &why]));
    true
}

/// The first few of `ids`, quoted, in a list (`"alpha", "beta", …`).
fn some_ids(ids: &[&str]) -> String {
    const SHOWN: usize = 10;
    let mut shown = ids.iter().take(SHOWN).map(|id| format!("\"{id}\"")).collect::<Vec<_>>();
    if ids.len() > SHOWN {
        shown.push("…".to_owned());
    }
    shown.join(i18n::cli().list_separator)
}

/// Says which partners `selected` would have taken for their marks are in no data loaded
/// (their dataset removed, another `--data`; none skipped), for an output that cannot carry
/// them: a list, a search by marks, vCard or DOT left them out without a word, as if unmarked.
/// Their marks are kept; the exit status stays (this data was asked for).
fn in_no_data(cx: &mut Env<'_>, catalog: &Catalog, store: &Store, selected: Selected<'_>) {
    let missing: Vec<&str> = (store.state().marks.iter())
        .filter(|(id, marks)| {
            selected.admits(marks) == Some(true) && catalog.position(id).is_none()
        })
        .map(|(id, _)| id.as_str())
        .collect();
    if missing.is_empty() {
        return;
    }
    let said = i18n::cli();
    let template =
        i18n::cli::count(missing.len(), said.marked_in_no_data_one, said.marked_in_no_data_many);
    cx.warn(&fill(template, &[&missing.len(), &some_ids(&missing)]));
}

fn keep(catalog: &Catalog, store: Option<&Store>, index: usize, filter: MarkFilter) -> bool {
    let marks = catalog.get(index).and_then(|p| store.and_then(|s| s.marks(&p.id)));
    filter.admits(marks)
}

fn print_partners(
    cx: &mut Env<'_>,
    catalog: &Catalog,
    store: Option<&Store>,
    chosen: &[usize],
    found: Option<&[output::Found<'_>]>,
    json: bool,
) -> Result<()> {
    if json {
        let objects = chosen.iter().enumerate().filter_map(|(n, &i)| {
            let marks = catalog.get(i).and_then(|p| store.and_then(|s| s.marks(&p.id)));
            output::partner_json(catalog, i, marks, found.and_then(|f| f.get(n)).copied())
        });
        write_buffered(cx.out, |out| output::write_json_list(out, objects))?;
    } else {
        let found = |n: usize| found.and_then(|f| f.get(n)).copied().unwrap_or_default();
        let partners: Vec<_> = chosen
            .iter()
            .enumerate()
            .filter_map(|(n, &i)| Some((catalog.get(i)?, found(n))))
            .collect();
        write!(cx.out, "{}", output::plain_lines(&partners, cx.terminal))?;
    }
    Ok(())
}

fn search(cx: &mut Env<'_>, text: &str, json: bool, limit: Option<usize>) -> Result<ExitCode> {
    let query = match Query::parse_whole(text) {
        Ok(query) => query,
        Err(e) => {
            // Said where it can be: a closed standard error must not turn the refusal into 0.
            let _ =
                writeln!(cx.err, "{}", fill(i18n::cli().query_error, &[&clean(&e.to_string())]));
            return Ok(ExitCode::from(2));
        }
    };
    let catalog = cx.catalog()?;
    // `is:starred`, `!has:note`: the marks choose what is found.
    let by_marks = query.groups.iter().flatten().any(|t| matches!(t.atom, Atom::Mark(_)));
    let Marks::Read(store) = cx.store_for_marks(by_marks) else {
        return Ok(ExitCode::from(MARKS_UNREAD));
    };
    let marks = store.as_ref().map(|s| catalog.mark_bits(s.state())).unwrap_or_default();
    let mut hits = catalog.index().search_forgiving(&query, &marks);
    // The exit code says whether anything matched, even past `--limit 0`.
    let matched = !hits.is_empty();
    if hits.first().is_some_and(|h| h.lacks.is_some()) {
        // A note before the results: one that cannot be written must not stop them.
        let _ = writeln!(cx.err, "{}", i18n::cli().all_but_one);
    }
    hits.truncate(limit.unwrap_or(usize::MAX));
    let chosen: Vec<usize> = hits.iter().map(|h| h.index).collect();
    let found: Vec<output::Found<'_>> = hits
        .iter()
        .map(|h| output::Found {
            score: h.score,
            in_note: h.in_note,
            lacks: h.lacks.and_then(|n| query.word_as_typed(n, text)),
        })
        .collect();
    print_partners(cx, &catalog, store.as_ref(), &chosen, Some(&found), json)?;
    if !matched && cx.terminal.is_some() && !json && limit != Some(0) {
        // Said where it can be: a closed standard error must not turn "nothing matched" into 0.
        let _ = writeln!(cx.err, "{}", fill(i18n::cli().nothing_matched, &[&clean(text)]));
    }
    // Said as `list --starred` says it; the exit still tells whether anything matched.
    left_out(cx, &catalog, store.as_ref(), Selected::Query(&query), false);
    Ok(if matched { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// Runs `write` on `out` through a buffer: standard output flushes at every line otherwise.
fn write_buffered(
    out: &mut dyn Write,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut buffered = io::BufWriter::with_capacity(1 << 16, out);
    write(&mut buffered)?;
    buffered.flush()
}

/// Applies a change of a partner's marks and says so: `said` is (what was done, what was
/// already so, when nothing changed).
fn mark(
    cx: &mut Env<'_>,
    id: &str,
    change: impl FnOnce(String) -> Change,
    (done, already): (&'static str, &'static str),
) -> Result<ExitCode> {
    let catalog = cx.catalog()?;
    let (index, id) = find(&catalog, id)?;
    let mut store = cx.store()?;
    let changed = store.apply(change(id.to_owned()))?;
    let name = catalog.get(index).map_or(id, |p| p.short_name());
    let said = fill(if changed { done } else { already }, &[&clean(name)]);
    report_saved(cx, &said, changed)
}

/// Prints `line`, what a command that changes the store says once the store is as asked
/// (`changed`: by this command). Should that fail (`> /dev/full`), the error says the change
/// was saved and only this line was lost: an error alone would read as if nothing was saved.
fn report_saved(cx: &mut Env<'_>, line: &str, changed: bool) -> Result<ExitCode> {
    let said = i18n::cli();
    let told = if changed { said.saved_not_reported } else { said.unchanged_not_reported };
    writeln!(cx.out, "{line}")
        .and_then(|()| cx.out.flush())
        .with_context(|| fill(told, &[&line]))?;
    Ok(ExitCode::SUCCESS)
}

/// `partners alias`: adds `text` to partner `id`'s aliases, or removes `remove`, or with
/// neither lists them.
fn alias(
    cx: &mut Env<'_>,
    id: &str,
    text: &[String],
    remove: Option<String>,
    json: bool,
) -> Result<ExitCode> {
    let catalog = cx.catalog()?;
    let (index, id) = find(&catalog, id)?;
    let name = catalog.get(index).map_or(id, |p| p.short_name());
    let said = i18n::cli();
    if remove.is_none() && text.is_empty() {
        // The aliases are the answer: "no aliases" would be wrong.
        let Marks::Read(store) = cx.store_for_marks(true) else {
            return Ok(ExitCode::from(MARKS_UNREAD));
        };
        let aliases = store.as_ref().and_then(|s| s.marks(id)).map_or(&[][..], |m| &m.aliases);
        if json {
            // The id first, as the README and `--help` write it (a `json!` map sorts its keys).
            #[derive(serde::Serialize)]
            struct Listed<'a> {
                id: &'a str,
                aliases: &'a [String],
            }
            cx.out.write_all(output::to_json(&Listed { id, aliases })?.as_bytes())?;
        } else if aliases.is_empty() {
            // Nothing to list is no failure, whether or not it can be said.
            let _ = writeln!(cx.err, "{}", fill(said.no_aliases, &[&clean(name), &clean(id)]));
        } else {
            for alias in aliases {
                writeln!(cx.out, "{}", clean(alias))?;
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    let adding = remove.is_none();
    let Some(alias) = tidy_alias(&remove.unwrap_or_else(|| text.join(" "))) else {
        bail!(fill(said.alias_empty, &[&clean(id)]));
    };
    let mut store = cx.store()?;
    // Said as it is kept: the alias already there, else the one typed.
    let had = store.marks(id).and_then(|m| m.alias_like(&alias)).map(str::to_owned);
    let shown_alias = clean(had.as_deref().unwrap_or(&alias)).into_owned();
    let name = clean(name).into_owned();
    let shown = [&name as &dyn std::fmt::Display, &shown_alias];
    if adding && had.is_some() {
        return report_saved(cx, &fill(said.alias_already, &shown), false);
    }
    if !adding && had.is_none() {
        bail!(fill(said.alias_missing, &[shown[0], shown[1], &clean(id)]));
    }
    let (add, remove) = if adding { (vec![alias], vec![]) } else { (vec![], vec![alias]) };
    store.apply(Change::Aliases { id: id.to_owned(), add, remove })?;
    report_saved(
        cx,
        &fill(if adding { said.alias_added } else { said.alias_removed }, &shown),
        true,
    )
}
