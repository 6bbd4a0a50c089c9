//! The user's personal layer on disk: starred partners, who was met, notes, and search history.
//!
//! This module owns the home folder's `state.ron` and `state.lock`. Its one promise is that
//! nothing the user wrote is ever lost: every change is merged with the file under an exclusive
//! lock and written atomically, and a file it cannot read is kept aside, never overwritten.
//! It knows nothing of datasets (ids it does not know are kept as they are) nor of the terminal.

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;
use std::ffi::OsStr;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// The format version this build writes; files from a newer one are read but never rewritten.
pub const STATE_VERSION: u32 = 1;
/// How many past queries the history keeps.
pub const HISTORY_LIMIT: usize = 50;
/// The environment variable that chooses the home folder when `--home` is not given.
pub const HOME_ENV: &str = "PARTNERS_HOME";

const STATE_FILE: &str = "state.ron";
const LOCK_FILE: &str = "state.lock";
const DATASETS_DIR: &str = "datasets";

/// What the user recorded about one partner.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Marks {
    /// The partner is in the user's favourites.
    pub starred: bool,
    /// Unix seconds of the last change of `starred`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub starred_at: Option<u64>,
    /// The user ticked that they met this partner.
    pub met: bool,
    /// Unix seconds of the last change of `met`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub met_at: Option<u64>,
    /// Free text, possibly several lines; never blank (a blank note is no note).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Unix seconds of the last change of `note`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note_at: Option<u64>,
}

impl Marks {
    /// True when nothing is recorded: such entries are dropped rather than stored.
    pub fn is_empty(&self) -> bool {
        !self.starred && !self.met && self.note.is_none()
    }
}

/// Everything in `state.ron`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    /// The format version of the file; see [`STATE_VERSION`].
    pub version: u32,
    /// Marks by partner id, including ids that no loaded dataset has.
    pub marks: BTreeMap<String, Marks>,
    /// Past search queries, newest last, at most [`HISTORY_LIMIT`], no blanks, no repeats in a row.
    pub history: Vec<String>,
}

impl Default for State {
    fn default() -> Self {
        Self { version: STATE_VERSION, marks: BTreeMap::new(), history: Vec::new() }
    }
}

/// One thing the user did that must reach the disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Star or unstar a partner.
    Star { id: String, on: bool },
    /// Tick or untick "met" for a partner.
    Met { id: String, on: bool },
    /// Set a partner's note; `None` or blank text removes it.
    Note { id: String, text: Option<String> },
    /// Remember a search query.
    PushHistory(String),
}

impl State {
    /// True when the state holds nothing worth a file.
    pub fn is_empty(&self) -> bool {
        self.marks.is_empty() && self.history.is_empty()
    }

    /// Applies `change` as of unix time `at`; returns whether anything changed.
    ///
    /// A change that sets what is already there leaves the timestamps alone.
    pub fn apply(&mut self, change: Change, at: u64) -> bool {
        match change {
            Change::Star { id, on } => self
                .edit(id, |marks| set_stamped(&mut marks.starred, &mut marks.starred_at, on, at)),
            Change::Met { id, on } => {
                self.edit(id, |marks| set_stamped(&mut marks.met, &mut marks.met_at, on, at))
            }
            Change::Note { id, text } => {
                let text = text.filter(|text| !text.trim().is_empty());
                self.edit(id, |marks| set_stamped(&mut marks.note, &mut marks.note_at, text, at))
            }
            Change::PushHistory(query) => self.push_history(&query),
        }
    }

    /// Edits the marks of `id`, creating them if needed and dropping them if left empty.
    fn edit(&mut self, id: String, edit: impl FnOnce(&mut Marks) -> bool) -> bool {
        match self.marks.entry(id) {
            Entry::Occupied(mut slot) => {
                let changed = edit(slot.get_mut());
                if slot.get().is_empty() {
                    slot.remove();
                }
                changed
            }
            Entry::Vacant(slot) => {
                let mut marks = Marks::default();
                let changed = edit(&mut marks);
                if !marks.is_empty() {
                    slot.insert(marks);
                }
                changed
            }
        }
    }

    fn push_history(&mut self, query: &str) -> bool {
        let query = query.trim();
        if query.is_empty() || self.history.last().is_some_and(|last| last == query) {
            return false;
        }
        self.history.push(query.to_owned());
        self.trim_history();
        true
    }

    fn trim_history(&mut self) {
        let excess = self.history.len().saturating_sub(HISTORY_LIMIT);
        self.history.drain(..excess);
    }

    /// Brings a state read from disk (perhaps edited by hand) back within the rules.
    fn normalize(&mut self) {
        for marks in self.marks.values_mut() {
            if marks.note.as_ref().is_some_and(|note| note.trim().is_empty()) {
                marks.note = None;
            }
        }
        self.marks.retain(|_, marks| !marks.is_empty());
        self.history.retain(|query| !query.trim().is_empty());
        self.history.dedup();
        self.trim_history();
    }
}

fn set_stamped<T: PartialEq>(value: &mut T, stamp: &mut Option<u64>, new: T, at: u64) -> bool {
    if *value == new {
        return false;
    }
    *value = new;
    *stamp = Some(at);
    true
}

/// Why the store could not do what was asked. Each message names the path and what to do.
///
/// The `io::Error`s are fields rather than sources because the message already says what they
/// mean in plain words; a chain would say it twice.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No `--home`, no `PARTNERS_HOME`, and the system has no data folder for this user.
    #[error(
        "cannot find a folder to keep your marks and notes in; choose one with --home DIR or PARTNERS_HOME"
    )]
    NoHome,
    /// The home folder could not be created.
    #[error(
        "cannot create folder {}: {}; check its parent's permissions or choose another with --home DIR / PARTNERS_HOME",
        .path.display(),
        describe(.error)
    )]
    CreateDir { path: PathBuf, error: io::Error },
    /// A file of the store exists but could not be read.
    #[error(
        "cannot read {}: {}; check its permissions or choose another home with --home DIR / PARTNERS_HOME",
        .path.display(),
        describe(.error)
    )]
    Read { path: PathBuf, error: io::Error },
    /// A file of the store could not be written.
    #[error(
        "cannot write {}: {}; check the folder's permissions or choose another with --home DIR / PARTNERS_HOME",
        .path.display(),
        describe(.error)
    )]
    Write { path: PathBuf, error: io::Error },
    /// The lock file could not be locked.
    #[error(
        "cannot lock {}: {}; put the home on a local disk or choose another with --home DIR / PARTNERS_HOME",
        .path.display(),
        describe(.error)
    )]
    Lock { path: PathBuf, error: io::Error },
    /// An unreadable state file could not be moved aside, so nothing was written over it.
    #[error(
        "cannot move the unreadable {} aside to {}: {}; move it away by hand and start again",
        .path.display(),
        .kept.display(),
        describe(.error)
    )]
    KeepAside { path: PathBuf, kept: PathBuf, error: io::Error },
    /// The file was written by a newer release; rewriting it could drop what this one ignores.
    #[error(
        "{} was written by a newer partners (format {found}, this one knows {supported}); upgrade partners before changing marks",
        .path.display()
    )]
    NewerVersion { path: PathBuf, found: u32, supported: u32 },
    /// The state could not be turned into RON text.
    #[error("cannot encode your marks as RON: {0}; this is a bug in partners, please report it")]
    Encode(ron::Error),
}

/// Says in plain words what an I/O error means for the user.
fn describe(error: &io::Error) -> String {
    use io::ErrorKind as Kind;
    match error.kind() {
        Kind::PermissionDenied => "permission denied".to_owned(),
        Kind::ReadOnlyFilesystem => "the file system is read-only".to_owned(),
        Kind::NotADirectory => "a part of the path is a file, not a folder".to_owned(),
        Kind::IsADirectory => "it is a folder, not a file".to_owned(),
        Kind::DirectoryNotEmpty => "a folder is in the way".to_owned(),
        Kind::AlreadyExists => "something else is already there".to_owned(),
        Kind::StorageFull => "the disk is full".to_owned(),
        Kind::NotFound => "it does not exist".to_owned(),
        _ => error.to_string(),
    }
}

/// The folder where users drop extra `*.ron` datasets: `<home>/datasets`.
pub fn datasets_dir(home: &Path) -> PathBuf {
    home.join(DATASETS_DIR)
}

/// The current time in unix seconds (0 if the clock is before 1970).
pub fn now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |since| since.as_secs())
}

/// Formats unix seconds for people: `2026-11-25 23:25 UTC`.
pub fn format_utc(secs: u64) -> String {
    let (year, month, day, hour, minute, _) = utc_parts(secs);
    format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02} UTC")
}

/// Formats unix seconds for file names: `20261125T232501Z`.
pub fn format_utc_compact(secs: u64) -> String {
    let (year, month, day, hour, minute, second) = utc_parts(secs);
    format!("{year:04}{month:02}{day:02}T{hour:02}{minute:02}{second:02}Z")
}

fn utc_parts(secs: u64) -> (u64, u64, u64, u64, u64, u64) {
    let (year, month, day) = civil_from_days(secs / 86_400);
    let in_day = secs % 86_400;
    (year, month, day, in_day / 3600, in_day % 3600 / 60, in_day % 60)
}

/// Year, month, day of a count of days since 1970-01-01 (Howard Hinnant's `civil_from_days`,
/// in unsigned arithmetic since our days are never before the epoch).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    // Shift the epoch to 0000-03-01 so leap days fall at the end of each 400-year era.
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 { month_from_march + 3 } else { month_from_march - 9 };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

/// The user's marks, notes and history, backed by `<dir>/state.ron`.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    state: State,
    warnings: Vec<String>,
}

/// What a read of the state file found.
enum Disk {
    Missing,
    Loaded(State),
    Corrupt(String),
}

#[derive(Clone, Copy)]
enum LockMode {
    Shared,
    Exclusive,
}

impl Store {
    /// Resolves the home folder: `flag` (from `--home`) first, then `PARTNERS_HOME`, then the
    /// system data folder (`$XDG_DATA_HOME/partners` on Linux). Empty values count as unset.
    pub fn resolve_home(flag: Option<&Path>) -> Result<PathBuf, StoreError> {
        let env = std::env::var_os(HOME_ENV);
        resolve_home_with(flag, env.as_deref(), || {
            directories::ProjectDirs::from("", "", "partners")
                .map(|dirs| dirs.data_dir().to_path_buf())
        })
    }

    /// The folder of the user's own datasets: `<home>/datasets` when a home was chosen
    /// (`--home`, `PARTNERS_HOME`), else the platform's config folder's `datasets/`
    /// (`$XDG_CONFIG_HOME/partners/datasets` on Linux).
    pub fn resolve_datasets(flag: Option<&Path>) -> Option<PathBuf> {
        let env = std::env::var_os(HOME_ENV);
        let home = resolve_home_with(flag, env.as_deref(), || {
            directories::ProjectDirs::from("", "", "partners")
                .map(|dirs| dirs.config_dir().to_path_buf())
        });
        home.ok().map(|home| datasets_dir(&home))
    }

    /// Opens the store in `dir`, creating the folder if missing. A missing state file is an
    /// empty state; an unreadable one is kept aside as `state.ron.corrupt-<UTC time>` with a
    /// warning (see [`Store::warnings`]) and the store starts empty.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        fs::create_dir_all(dir)
            .map_err(|error| StoreError::CreateDir { path: dir.to_path_buf(), error })?;
        let mut store = Store { dir: dir.to_path_buf(), state: State::default(), warnings: vec![] };
        // Exclusive, because keeping a corrupt file aside renames it.
        let _lock = store.lock(LockMode::Exclusive)?;
        let path = store.state_path();
        store.state = match read_disk(&path)? {
            Disk::Missing => State::default(),
            Disk::Loaded(state) => {
                if state.version > STATE_VERSION {
                    store.warn(format!(
                        "{} was written by a newer partners (format {}); it is shown but will not be changed until you upgrade",
                        path.display(),
                        state.version
                    ));
                }
                state
            }
            Disk::Corrupt(reason) => {
                let kept = keep_aside(&path)?;
                store.warn(format!(
                    "{} could not be read ({reason}); it was kept as {} and partners started with no marks",
                    path.display(),
                    kept.display()
                ));
                State::default()
            }
        };
        Ok(store)
    }

    /// The home folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// `<home>/state.ron`.
    pub fn state_path(&self) -> PathBuf {
        self.dir.join(STATE_FILE)
    }

    /// Everything as last read or written.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The marks of one partner, if any are recorded.
    pub fn marks(&self, id: &str) -> Option<&Marks> {
        self.state.marks.get(id)
    }

    /// Human-readable warnings gathered so far (a corrupt file kept aside, and where).
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Applies one change durably, merged with whatever other processes wrote meanwhile.
    ///
    /// On error nothing changes in memory, so what the user sees is what is on disk.
    pub fn apply(&mut self, change: Change) -> Result<(), StoreError> {
        let _lock = self.lock(LockMode::Exclusive)?;
        let (mut merged, from_disk) = self.read_base()?;
        if merged.version > STATE_VERSION {
            return Err(StoreError::NewerVersion {
                path: self.state_path(),
                found: merged.version,
                supported: STATE_VERSION,
            });
        }
        let changed = merged.apply(change, now());
        // A base taken from memory is not on disk yet, so even a no-op must write it.
        if changed || !from_disk {
            merged.version = STATE_VERSION;
            write_atomically(&self.dir, &merged)?;
        }
        self.state = merged;
        Ok(())
    }

    /// Re-reads the file to pick up changes from other processes.
    ///
    /// If the file turned unreadable it is kept aside and the state in memory is kept.
    pub fn reload(&mut self) -> Result<(), StoreError> {
        let lock = self.lock(LockMode::Shared)?;
        match read_disk(&self.state_path())? {
            Disk::Loaded(state) => self.state = state,
            Disk::Missing => self.warn_if_vanished(),
            Disk::Corrupt(_) => {
                // Renaming needs the exclusive lock; flock has no atomic upgrade, so re-read after.
                drop(lock);
                let _lock = self.lock(LockMode::Exclusive)?;
                self.state = self.read_base()?.0;
            }
        }
        Ok(())
    }

    /// Reads the state to build on, with the exclusive lock held. Returns it and whether it
    /// came from the file (rather than from memory, when the file was unreadable or gone).
    fn read_base(&mut self) -> Result<(State, bool), StoreError> {
        let path = self.state_path();
        match read_disk(&path)? {
            Disk::Loaded(state) => Ok((state, true)),
            Disk::Missing => {
                self.warn_if_vanished();
                Ok((self.state.clone(), false))
            }
            Disk::Corrupt(reason) => {
                let kept = keep_aside(&path)?;
                self.warn(format!(
                    "{} could not be read ({reason}); it was kept as {} and your marks in memory were kept",
                    path.display(),
                    kept.display()
                ));
                Ok((self.state.clone(), false))
            }
        }
    }

    fn warn_if_vanished(&mut self) {
        // Nothing of ours deletes the file, so its loss is an accident, not a reset.
        if !self.state.is_empty() {
            let path = self.state_path();
            self.warn(format!(
                "{} disappeared; your marks in memory were kept and are written back on the next change",
                path.display()
            ));
        }
    }

    fn warn(&mut self, message: String) {
        // A reload loop must not pile up the same warning.
        if !self.warnings.contains(&message) {
            self.warnings.push(message);
        }
    }

    /// Locks `<dir>/state.lock`; the lock lasts until the returned file is dropped.
    ///
    /// A separate lock file, because `state.ron` itself is replaced by renames.
    fn lock(&self, mode: LockMode) -> Result<File, StoreError> {
        let path = self.dir.join(LOCK_FILE);
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|error| StoreError::Write { path: path.clone(), error })?;
        let locked = match mode {
            LockMode::Shared => file.lock_shared(),
            LockMode::Exclusive => file.lock(),
        };
        locked.map_err(|error| StoreError::Lock { path, error })?;
        Ok(file)
    }
}

fn resolve_home_with(
    flag: Option<&Path>,
    env: Option<&OsStr>,
    system: impl FnOnce() -> Option<PathBuf>,
) -> Result<PathBuf, StoreError> {
    if let Some(flag) = flag.filter(|flag| !flag.as_os_str().is_empty()) {
        return Ok(flag.to_path_buf());
    }
    if let Some(env) = env.filter(|env| !env.is_empty()) {
        return Ok(PathBuf::from(env));
    }
    system().ok_or(StoreError::NoHome)
}

fn read_disk(path: &Path) -> Result<Disk, StoreError> {
    match fs::read(path) {
        Ok(bytes) => Ok(parse_state(&bytes).map_or_else(Disk::Corrupt, Disk::Loaded)),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(Disk::Missing),
        Err(error) => Err(StoreError::Read { path: path.to_path_buf(), error }),
    }
}

/// Parses the file's bytes; the error says why in a few words, for the warning.
fn parse_state(bytes: &[u8]) -> Result<State, String> {
    let text = std::str::from_utf8(bytes).map_err(|error| format!("not UTF-8 text: {error}"))?;
    let mut state: State =
        ron::from_str(text).map_err(|error| format!("not valid RON: {error}"))?;
    state.normalize();
    Ok(state)
}

fn to_ron(state: &State) -> Result<String, StoreError> {
    let config = ron::ser::PrettyConfig::new().struct_names(false);
    let mut text = ron::ser::to_string_pretty(state, config).map_err(StoreError::Encode)?;
    text.push('\n');
    Ok(text)
}

/// Renames an unreadable `path` to `<name>.corrupt-<UTC time>` next to it, adding `-2`, `-3`,
/// ... rather than replacing an earlier one. Called with the exclusive lock held.
fn keep_aside(path: &Path) -> Result<PathBuf, StoreError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().map_or_else(|| STATE_FILE.into(), OsStr::to_string_lossy);
    let base = format!("{name}.corrupt-{}", format_utc_compact(now()));
    let mut kept = dir.join(&base);
    let mut suffix = 2;
    while fs::symlink_metadata(&kept).is_ok() {
        kept = dir.join(format!("{base}-{suffix}"));
        suffix += 1;
    }
    fs::rename(path, &kept).map_err(|error| StoreError::KeepAside {
        path: path.to_path_buf(),
        kept: kept.clone(),
        error,
    })?;
    sync_dir(dir)?;
    Ok(kept)
}

/// Writes `state` so that `state.ron` is always either the old or the new file, whole.
fn write_atomically(dir: &Path, state: &State) -> Result<(), StoreError> {
    replace_file(&dir.join(STATE_FILE), to_ron(state)?.as_bytes())
}

/// Replaces `target` with `bytes` so that it is always either the old or the new file, whole:
/// a temp file beside it (`<name>.tmp`), written and synced, renamed over it, folder synced.
pub fn replace_file(target: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let mut temp_name = target.file_name().unwrap_or_default().to_os_string();
    temp_name.push(".tmp");
    let temp = target.with_file_name(temp_name);
    let result = write_synced(&temp, bytes)
        .map_err(|error| StoreError::Write { path: temp.clone(), error })
        .and_then(|()| {
            fs::rename(&temp, target)
                .map_err(|error| StoreError::Write { path: target.to_path_buf(), error })
        });
    if result.is_err() {
        // Best effort: the error that matters is the one returned.
        let _ = fs::remove_file(&temp);
    }
    result?;
    match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => sync_dir(dir),
        _ => Ok(()),
    }
}

fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Makes a rename in `dir` durable; without it a crash can bring the old name back.
fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        File::open(dir)
            .and_then(|folder| folder.sync_all())
            .map_err(|error| StoreError::Write { path: dir.to_path_buf(), error })?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formats_utc_times() {
        assert_eq!(format_utc(0), "1970-01-01 00:00 UTC");
        assert_eq!(format_utc(1_795_649_101), "2026-11-25 23:25 UTC");
        assert_eq!(format_utc_compact(1_795_649_101), "20261125T232501Z");
        assert_eq!(format_utc_compact(1_709_208_000), "20240229T120000Z");
        assert_eq!(format_utc_compact(951_868_859), "20000301T000059Z");
        assert_eq!(format_utc_compact(946_684_799), "19991231T235959Z");
    }

    #[test]
    fn star_and_met_stamp_only_real_changes() {
        let mut state = State::default();
        assert!(state.apply(Change::Star { id: "a".into(), on: true }, 10));
        assert!(!state.apply(Change::Star { id: "a".into(), on: true }, 20));
        assert_eq!(state.marks["a"].starred_at, Some(10));
        assert!(state.apply(Change::Met { id: "a".into(), on: true }, 30));
        assert!(state.apply(Change::Star { id: "a".into(), on: false }, 40));
        assert_eq!(state.marks["a"].starred_at, Some(40));
        assert!(state.apply(Change::Met { id: "a".into(), on: false }, 50));
        assert!(state.marks.is_empty(), "all-empty marks are dropped");
    }

    #[test]
    fn blank_note_is_no_note() {
        let mut state = State::default();
        assert!(!state.apply(Change::Note { id: "a".into(), text: Some(" \n\t".into()) }, 1));
        assert!(state.marks.is_empty());
        let text = Some("  keeps its spaces \n".to_owned());
        assert!(state.apply(Change::Note { id: "a".into(), text: text.clone() }, 2));
        assert_eq!(state.marks["a"].note, text);
        assert!(state.apply(Change::Note { id: "a".into(), text: None }, 3));
        assert!(state.marks.is_empty());
    }

    #[test]
    fn history_rules() {
        let mut state = State::default();
        assert!(!state.apply(Change::PushHistory("   ".into()), 0));
        assert!(state.apply(Change::PushHistory(" ugap ".into()), 0));
        assert!(!state.apply(Change::PushHistory("ugap".into()), 0));
        assert!(state.apply(Change::PushHistory("cnfpt".into()), 0));
        assert!(state.apply(Change::PushHistory("ugap".into()), 0));
        assert_eq!(state.history, ["ugap", "cnfpt", "ugap"]);
        for n in 0..100 {
            state.apply(Change::PushHistory(format!("q{n}")), 0);
        }
        assert_eq!(state.history.len(), HISTORY_LIMIT);
        assert_eq!(state.history.first().map(String::as_str), Some("q50"));
        assert_eq!(state.history.last().map(String::as_str), Some("q99"));
    }

    #[test]
    fn normalize_cleans_hand_edited_files() {
        let text = r#"(history: ["a", "a", "", "b"], marks: {"x": (), "y": (note: Some("  ")), "z": (met: true)})"#;
        let state = parse_state(text.as_bytes()).expect("parses");
        assert_eq!(state.history, ["a", "b"]);
        assert_eq!(state.marks.keys().collect::<Vec<_>>(), ["z"]);
        assert_eq!(state.version, STATE_VERSION, "a file without version is the current one");
    }

    #[test]
    fn empty_and_truncated_files_are_corrupt() {
        assert!(parse_state(b"").is_err());
        let mut state = State::default();
        state.apply(Change::Note { id: "a".into(), text: Some("hello".into()) }, 1);
        let text = to_ron(&state).expect("encodes");
        assert!(parse_state(&text.as_bytes()[..text.len() / 2]).is_err());
        assert!(parse_state(b"\xff\xfe\x00garbage").is_err());
    }

    #[test]
    fn home_precedence() {
        let system = || Some(PathBuf::from("/system"));
        let flag = Path::new("/flag");
        let env = OsStr::new("/env");
        let home = |flag, env| resolve_home_with(flag, env, system).expect("resolves");
        assert_eq!(home(Some(flag), Some(env)), Path::new("/flag"));
        assert_eq!(home(None, Some(env)), Path::new("/env"));
        assert_eq!(home(None, Some(OsStr::new(""))), Path::new("/system"));
        assert_eq!(home(Some(Path::new("")), None), Path::new("/system"));
        assert!(matches!(resolve_home_with(None, None, || None), Err(StoreError::NoHome)));
    }

    #[test]
    fn errors_name_the_path_and_the_way_out() {
        let error = StoreError::Write {
            path: PathBuf::from("/x/state.ron"),
            error: io::Error::from(io::ErrorKind::PermissionDenied),
        };
        assert_eq!(
            error.to_string(),
            "cannot write /x/state.ron: permission denied; check the folder's permissions or choose another with --home DIR / PARTNERS_HOME"
        );
    }

    proptest! {
        #[test]
        fn any_note_survives_encoding(note in any::<String>(), id in any::<String>()) {
            let mut state = State::default();
            state.apply(Change::Note { id, text: Some(note) }, 1);
            let text = to_ron(&state).expect("encodes");
            prop_assert_eq!(parse_state(text.as_bytes()), Ok(state));
        }
    }
}
