//! Plain mode (`partners --plain`, or `TERM=dumb`): the browser as a line-oriented prompt for
//! screen readers and dumb terminals. Every line it writes is readable text, with no escape
//! sequence at all; dataset and note text goes through [`crate::text::clean`].
//!
//! It reads lines from any [`BufRead`] and writes to any [`Write`], so tests drive it through
//! a byte string. Cards come from [`crate::output::card`]; changes go through [`Store::apply`].

use std::fmt::Write as _;
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::catalog::{Catalog, Ready};
use crate::i18n::fill;
use crate::output::{self, CardFormat};
use crate::search::{Hit, Query};
use crate::store::{Change, NOTE_MOST, Store};
use crate::text::clean;

/// A message (an error, a warning) as plain mode writes it: cleaned as data is, its line
/// breaks kept, so that a fix stands on a line of its own rather than after a `�`.
fn message(text: &str) -> std::borrow::Cow<'_, str> {
    crate::text::clean_multiline(text)
}

/// How many results a page lists.
pub const PAGE: usize = 20;

/// What the prompt looks like, in every language.
const PROMPT: &str = "> ";

/// Plain mode's words in the thread's language.
fn t() -> &'static crate::i18n::plain::Plain {
    crate::i18n::plain::of(crate::i18n::lang())
}

/// Whether to use plain mode: asked for with `--plain`, or a terminal that says it is dumb.
pub fn wanted(flag: bool, term: Option<&str>) -> bool {
    flag || term == Some("dumb")
}

/// What the session remembers between lines.
struct Session<'a, W: Write> {
    catalog: &'a Catalog,
    store: Option<&'a mut Store>,
    out: W,
    query: String,
    hits: Vec<Hit>,
    /// How many results are listed so far.
    shown: usize,
    /// The partner being read.
    open: Option<usize>,
}

/// Runs plain mode until `quit` or the end of `input`.
pub fn run(
    catalog: &Catalog,
    store: Option<&mut Store>,
    input: impl BufRead,
    output: impl Write,
) -> io::Result<()> {
    run_from(catalog, store, "", input, output)
}

/// [`run`], searching `first` before reading any line (`partners --plain QUERY`).
pub fn run_from(
    catalog: &Catalog,
    store: Option<&mut Store>,
    first: &str,
    input: impl BufRead,
    output: impl Write,
) -> io::Result<()> {
    let mut session = Session {
        catalog,
        store,
        out: output,
        query: String::new(),
        hits: vec![],
        shown: 0,
        open: None,
    };
    writeln!(session.out, "{}", t().welcome)?;
    if !first.trim().is_empty() {
        session.search(first.trim())?;
    }
    write!(session.out, "{PROMPT}")?;
    session.out.flush()?;
    // Read as bytes: a line that is not UTF-8 is said so, and the session goes on.
    for line in input.split(b'\n') {
        let line = line?;
        let Ok(line) = String::from_utf8(line) else {
            writeln!(session.out, "{}", t().not_text)?;
            write!(session.out, "{PROMPT}")?;
            session.out.flush()?;
            continue;
        };
        if !session.line(line.trim())? {
            writeln!(session.out, "{}", t().bye)?;
            return session.out.flush();
        }
    }
    // End of input (Ctrl-D) leaves as `quit` does, after ending the prompt's line.
    writeln!(session.out)?;
    writeln!(session.out, "{}", t().bye)?;
    session.out.flush()
}

impl<W: Write> Session<'_, W> {
    /// Handles one line; false when the user leaves.
    fn line(&mut self, line: &str) -> io::Result<bool> {
        let (word, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let rest = rest.trim();
        let t = t();
        // The commands answer to their English and French names alike.
        match (word.to_lowercase().as_str(), rest.is_empty()) {
            ("", _) => {}
            ("quit" | "q" | "exit" | "quitter", true) => return Ok(false),
            ("help" | "?" | "aide", true) => writeln!(self.out, "{}", t.help)?,
            ("more" | "suite", true) => self.more()?,
            ("back" | "retour", true) => self.back()?,
            ("star" | "etoile" | "étoile", true) => {
                self.change(|id| Change::Star { id, on: true }, t.starred)?;
            }
            ("unstar" | "sansetoile" | "sansétoile", true) => {
                self.change(|id| Change::Star { id, on: false }, t.unstarred)?;
            }
            ("met" | "rencontre" | "rencontré", true) => {
                self.change(|id| Change::Met { id, on: true }, t.met)?;
            }
            ("unmet" | "nonrencontre" | "nonrencontré", true) => {
                self.change(|id| Change::Met { id, on: false }, t.unmet)?;
            }
            ("note", true) => writeln!(self.out, "{}", t.note_usage)?,
            ("note", false) if crate::text::is_blank(rest) => {
                writeln!(self.out, "{}", t.note_usage)?;
            }
            // Held to the bound `partners note` and the browser's editor hold notes to.
            ("note", false) if rest.len() as u64 > NOTE_MOST => {
                let why = fill(crate::i18n::cli().note_too_long, &[&(NOTE_MOST >> 20)]);
                writeln!(self.out, "{}", fill(t.not_saved, &[&why]))?;
            }
            ("note", false) => {
                let text = Some(rest.to_owned());
                self.change(move |id| Change::Note { id, text }, t.note_saved)?;
            }
            ("unnote" | "sansnote", true) => {
                self.change(|id| Change::Note { id, text: None }, t.note_removed)?;
            }
            ("alias" | "unalias" | "sansalias", true) => writeln!(self.out, "{}", t.alias_usage)?,
            ("alias", false) => {
                let add = vec![rest.to_owned()];
                self.change(|id| Change::Aliases { id, add, remove: vec![] }, t.alias_added)?;
            }
            ("unalias" | "sansalias", false) => {
                let remove = vec![rest.to_owned()];
                let said = (t.alias_removed, t.no_such_alias);
                self.change_saying(|id| Change::Aliases { id, add: vec![], remove }, said)?;
            }
            ("find" | "chercher", false) => self.search(rest)?,
            // As `partners show ID` is typed at the shell: a result's number or an id.
            ("show" | "open" | "read" | "voir" | "ouvrir" | "lire", false) => self.show(rest)?,
            _ => match line.parse::<usize>() {
                Ok(n) => self.read(n)?,
                Err(_) => self.search(line)?,
            },
        }
        write!(self.out, "{PROMPT}")?;
        self.out.flush()?;
        Ok(true)
    }

    fn search(&mut self, text: &str) -> io::Result<()> {
        let query = match Query::parse_whole(text) {
            Ok(query) => query,
            Err(e) => {
                return writeln!(
                    self.out,
                    "{}",
                    fill(t().query_error, &[&message(&e.to_string())])
                );
            }
        };
        let marks =
            self.store.as_deref().map(|s| self.catalog.mark_bits(s.state())).unwrap_or_default();
        self.hits = self.catalog.index().search_forgiving(&query, &marks);
        text.clone_into(&mut self.query);
        self.shown = 0;
        self.open = None;
        if self.hits.is_empty() {
            // Said as `more` and `back` say it again.
            self.more()?;
            if let Some(kind) = query.names_a_kind() {
                let filter = crate::i18n::vocabulary().kind_filter(kind);
                writeln!(self.out, "{}", fill(t().no_match_kind, &[&filter]))?;
            }
            return Ok(());
        }
        let n = self.hits.len();
        let found = if n == 1 { t().one_result } else { t().results };
        writeln!(self.out, "{}", fill(found, &[&n, &clean(text)]))?;
        if self.hits.first().is_some_and(|h| h.lacks.is_some()) {
            writeln!(self.out, "{}", t().all_but_one)?;
        }
        self.more()
    }

    /// Lists the next page of results.
    fn more(&mut self) -> io::Result<()> {
        if self.query.is_empty() {
            return writeln!(self.out, "{}", t().no_list);
        }
        // A search that found nothing says so again, rather than that there is no more.
        if self.hits.is_empty() {
            return writeln!(self.out, "{}", fill(t().no_match, &[&clean(&self.query)]));
        }
        if self.shown >= self.hits.len() {
            return writeln!(self.out, "{}", t().no_more);
        }
        self.list_to((self.shown + PAGE).min(self.hits.len()))
    }

    /// Lists the results after those shown, up to `end`, then says how many are left.
    fn list_to(&mut self, end: usize) -> io::Result<()> {
        let query = Query::parse(&self.query).ok();
        for (n, hit) in self.hits.iter().enumerate().take(end).skip(self.shown) {
            let mut line = self.summary(hit.index);
            if hit.in_note {
                let _ = write!(line, " — {}", t().found_in_note);
            }
            if let Some(word) =
                hit.lacks.and_then(|w| query.as_ref()?.word_as_typed(w, &self.query))
            {
                let _ = write!(line, " — {}", fill(t().lacks_word, &[&clean(word)]));
            }
            writeln!(self.out, "{}. {line}", n + 1)?;
        }
        self.shown = end;
        let left = self.hits.len() - end;
        if left > 0 {
            writeln!(self.out, "{}", fill(t().more_left, &[&left]))?;
        }
        Ok(())
    }

    /// Lists the results again from the first.
    fn back(&mut self) -> io::Result<()> {
        if self.query.is_empty() {
            return writeln!(self.out, "{}", t().no_list);
        }
        self.open = None;
        // Not a heading over an empty list: a search that found nothing says so again.
        if self.hits.is_empty() {
            return self.more();
        }
        let shown = self.shown.max(PAGE.min(self.hits.len()));
        self.shown = 0;
        writeln!(self.out, "{}", fill(t().results_again, &[&clean(&self.query)]))?;
        self.list_to(shown)
    }

    /// One result's line: name, acronym, kind, location, the user's marks.
    fn summary(&self, index: usize) -> String {
        let Some(p) = self.catalog.get(index) else { return String::new() };
        let mut line = clean(&p.name).into_owned();
        if let Some(acronym) = p.shown_acronym() {
            let _ = write!(line, " ({})", clean(acronym));
        }
        let _ = write!(line, ", {}", crate::i18n::vocabulary().kind(p.kind));
        if let Some(location) = &p.location {
            let _ = write!(line, ", {}", clean(location));
        }
        // Two partners of the same name would read alike (a screen reader says no more): the
        // id tells them apart, and is what `show ID` takes.
        if self.catalog.name_shared(index) {
            let _ = write!(line, ", {}", fill(t().same_name_id, &[&clean(&p.id)]));
        }
        let marks = self.store.as_deref().and_then(|s| s.marks(&p.id));
        let mine: Vec<&str> = [
            (marks.is_some_and(|m| m.starred), t().mark_starred),
            (marks.is_some_and(|m| m.met), t().mark_met),
            (marks.is_some_and(|m| m.note.is_some()), t().mark_noted),
        ]
        .into_iter()
        .filter_map(|(on, word)| on.then_some(word))
        .collect();
        if !mine.is_empty() {
            let _ = write!(line, " [{}]", mine.join(", "));
        }
        line
    }

    /// Shows result `n` (1-based) in full.
    fn read(&mut self, n: usize) -> io::Result<()> {
        if self.hits.is_empty() {
            return writeln!(self.out, "{}", t().no_list);
        }
        let Some(hit) = n.checked_sub(1).and_then(|i| self.hits.get(i)) else {
            return writeln!(self.out, "{}", fill(t().no_such_result, &[&n, &self.hits.len()]));
        };
        self.open = Some(hit.index);
        self.card()?;
        self.remember_query()
    }

    /// Reads result number `what`, else the partner whose id it is (typed as `partners show`
    /// takes it: `UGAP`, or pasted with an invisible character), else searches it.
    fn show(&mut self, what: &str) -> io::Result<()> {
        if let Ok(n) = what.parse::<usize>() {
            return self.read(n);
        }
        let Some(index) = self.catalog.position_typed(what) else { return self.search(what) };
        self.open = Some(index);
        self.card()
    }

    /// Adds the query that led to a card to the history, as the browser does.
    fn remember_query(&mut self) -> io::Result<()> {
        let Some(store) = self.store.as_deref_mut() else { return Ok(()) };
        if store.state().history.last() == Some(&self.query) {
            return Ok(());
        }
        match store.apply(Change::PushHistory(self.query.clone())) {
            Ok(_) => Ok(()),
            Err(e) => writeln!(self.out, "{}", fill(t().no_history, &[&message(&e.to_string())])),
        }
    }

    fn card(&mut self) -> io::Result<()> {
        let Some(index) = self.open else { return Ok(()) };
        let Some(partner) = self.catalog.get(index) else { return Ok(()) };
        let marks = self.store.as_deref().and_then(|s| s.marks(&partner.id));
        let card = output::card(self.catalog, index, marks, CardFormat::Text);
        write!(self.out, "{card}")?;
        writeln!(self.out, "{}", t().after_card)
    }

    /// Saves a change to the partner being read and says how it went.
    fn change(&mut self, change: impl FnOnce(String) -> Change, said: &str) -> io::Result<()> {
        self.change_saying(change, (said, t().unchanged))
    }

    /// [`Session::change`], saying `unchanged` when nothing changed.
    fn change_saying(
        &mut self,
        change: impl FnOnce(String) -> Change,
        (said, unchanged): (&str, &str),
    ) -> io::Result<()> {
        let Some(partner) = self.open.and_then(|i| self.catalog.get(i)) else {
            return writeln!(self.out, "{}", t().no_partner);
        };
        let name = clean(partner.short_name()).into_owned();
        let Some(store) = self.store.as_deref_mut() else {
            return writeln!(self.out, "{}", t().no_store);
        };
        let warned = store.warnings().len();
        match store.apply(change(partner.id.clone())) {
            Ok(changed) => {
                // Starring a starred partner, removing an alias it does not have...
                let said = if changed { said } else { unchanged };
                writeln!(self.out, "{}", fill(t().changed, &[&name, &said]))?;
                for warning in &store.warnings()[warned..] {
                    writeln!(self.out, "{}", fill(t().warning, &[&message(warning)]))?;
                }
                Ok(())
            }
            Err(e) => writeln!(self.out, "{}", fill(t().not_saved, &[&message(&e.to_string())])),
        }
    }
}

/// `partners --plain`: loads the partners and the user's store, then runs plain mode on
/// standard input and output. Problems loading are told, not fatal, as in the browser. With
/// a dataset piped in (`--data -`), the commands come from the terminal, as the browser's
/// keys do; without one, that is an error before the dataset is read.
pub fn start(
    data: &[PathBuf],
    datasets: Option<&Path>,
    home: &Path,
    query: &str,
) -> anyhow::Result<ExitCode> {
    let input = commands(data)?;
    let catalog = Catalog::load(data, datasets, Ready::OnFirstUse, &|_| {})?;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for warning in catalog.warnings() {
        let said = message(&warning.said(t().skipped_dataset)).into_owned();
        let said = if warning.skipped().is_some() { said } else { fill(t().warning, &[&said]) };
        writeln!(out, "{said}")?;
    }
    let mut store = match Store::open(home) {
        Ok(mut store) => {
            store.set_lock_wait(crate::store::LOCK_WAIT, Some(crate::cli::tell_waiting_for_lock));
            Some(store)
        }
        Err(e) => {
            writeln!(out, "{}", fill(t().cannot_save, &[&message(&e.to_string())]))?;
            None
        }
    };
    for warning in store.iter().flat_map(Store::warnings) {
        writeln!(out, "{}", fill(t().warning, &[&message(warning)]))?;
    }
    match input {
        Some(terminal) => run_from(&catalog, store.as_mut(), query, terminal, out)?,
        None => run_from(&catalog, store.as_mut(), query, io::stdin().lock(), out)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Where the commands come from when standard input is not theirs: the terminal, opened
/// by name, when a dataset is read from standard input; `None` for standard input.
fn commands(data: &[PathBuf]) -> anyhow::Result<Option<io::BufReader<std::fs::File>>> {
    if !data.iter().any(|file| crate::dataset::is_standard_input(file)) {
        return Ok(None);
    }
    match std::fs::File::open("/dev/tty") {
        Ok(terminal) => Ok(Some(io::BufReader::new(terminal))),
        Err(_) => anyhow::bail!(crate::i18n::cli().plain_needs_terminal),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wanted_by_flag_or_dumb_terminal() {
        assert!(wanted(true, Some("xterm-256color")));
        assert!(wanted(false, Some("dumb")));
        assert!(!wanted(false, Some("xterm")));
        assert!(!wanted(false, None));
    }
}
