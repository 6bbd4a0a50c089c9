//! The user's personal layer on disk: starred partners, who was met, notes, the user's own
//! aliases, and search history.
//!
//! This module owns the home folder's `state.ron` and `state.lock`. Its one promise is that
//! nothing the user wrote is ever lost: every change is merged with the file under an exclusive
//! lock and written atomically, and a file it cannot read is kept aside, never overwritten.
//! It knows nothing of datasets (ids it does not know are kept as they are) nor of the terminal.
//! What the file holds and how changes apply is in `state`; where the home is, in `paths`.
//!
//! The lock file is opened without following symlinks. `state.ron` may be a symlink (to a
//! synced folder): it is read and written through, and stays a link. A read-only folder can
//! still be read; writing there fails with an error naming the path.

mod paths;
mod state;

use std::ffi::OsStr;
use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use paths::{HOME_ENV, datasets_dir};
pub use state::{Change, HISTORY_LIMIT, Marks, STATE_VERSION, State, tidy_alias};

use crate::atomic::{self, WriteError, describe};
use crate::i18n::{self, fill};
use crate::time::{format_utc_compact, now};
use state::{parse_linked_state, parse_state, to_ron};

const STATE_FILE: &str = "state.ron";
/// What names the files of text kept because it could not be saved (see
/// [`Store::keep_unsaved`]).
const UNSAVED: &str = "unsaved";

/// The most `state.ron` may hold: thousands of long notes take a few megabytes.
const STATE_MOST: u64 = 64 << 20;

/// The most a note may hold, in bytes, whether written with `partners note` or in the
/// browser's editor: a long letter is a few kilobytes, and a few notes of many megabytes would
/// fill [`STATE_MOST`], after which no change saves at all.
pub const NOTE_MOST: u64 = 1 << 20;
const LOCK_FILE: &str = "state.lock";

/// How long a change waits for `state.lock` while another process holds it, by default.
/// partners itself holds it for a few milliseconds; a lock held longer is another program's
/// or a stale one (a stopped process, a network or synced folder), and waiting on would hang.
pub const LOCK_WAIT: Duration = Duration::from_secs(20);

/// How often a waiting change tries the lock again.
const LOCK_RETRY: Duration = Duration::from_millis(10);

/// How long a change waits before saying it waits: another partners holds the lock for a few
/// milliseconds, which is no news.
const TELL_AFTER: Duration = Duration::from_millis(500);

/// Why the store could not do what was asked. Each message names the path and what to do, in
/// the thread's language.
///
/// The `io::Error`s are fields rather than sources because the message already says what they
/// mean in plain words; a chain would say it twice.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message())]
pub enum StoreError {
    /// No `--home`, no `PARTNERS_HOME`, and the system has no data folder for this user.
    NoHome,
    /// The home folder could not be created.
    CreateDir { path: PathBuf, error: io::Error },
    /// A file of the store exists but could not be read.
    Read { path: PathBuf, error: io::Error },
    /// A file of the store could not be written.
    Write { path: PathBuf, error: io::Error },
    /// The lock file could not be locked.
    Lock { path: PathBuf, error: io::Error },
    /// Another process held the lock for longer than the store waits (see [`LOCK_WAIT`]).
    LockHeld { path: PathBuf, waited: Duration },
    /// An unreadable state file could not be moved aside, so nothing was written over it.
    KeepAside { path: PathBuf, kept: PathBuf, error: io::Error },
    /// The file was written by a newer release; rewriting it could drop what this one ignores.
    NewerVersion { path: PathBuf, found: u32, supported: u32 },
    /// The state could not be turned into RON text.
    Encode(ron::Error),
    /// The change would make the state file larger than can be read back.
    TooLarge { path: PathBuf },
    /// `state.ron` is a link to a file that is no state file: neither it nor the link is
    /// touched (the link may lead anywhere, to a file that is not ours).
    NotStateLink { path: PathBuf, target: PathBuf, reason: String },
}

impl StoreError {
    /// What went wrong, where, and what to do.
    fn message(&self) -> String {
        let said = i18n::cli();
        match self {
            StoreError::NoHome => said.no_home.to_owned(),
            StoreError::CreateDir { path, error } => {
                fill(said.cannot_create_home, &[&path.display(), &describe(error)])
            }
            StoreError::Read { path, error } => {
                fill(said.cannot_read_store, &[&path.display(), &describe(error)])
            }
            // Permissions are no help on a full disk.
            StoreError::Write { path, error } if error.kind() == io::ErrorKind::StorageFull => {
                fill(said.cannot_write_store_full, &[&path.display(), &describe(error)])
            }
            StoreError::Write { path, error } => {
                fill(said.cannot_write_store, &[&path.display(), &describe(error)])
            }
            StoreError::Lock { path, error } => {
                fill(said.cannot_lock_store, &[&path.display(), &describe(error)])
            }
            // A moment (the browser's wait) is said as no wait.
            StoreError::LockHeld { path, waited } if waited.as_secs() == 0 => {
                fill(said.lock_held_now, &[&path.display()])
            }
            StoreError::LockHeld { path, waited } => {
                fill(said.lock_held, &[&path.display(), &waited.as_secs()])
            }
            StoreError::KeepAside { path, kept, error } => {
                fill(said.cannot_keep_aside, &[&path.display(), &kept.display(), &describe(error)])
            }
            StoreError::NewerVersion { path, found, supported } => {
                fill(said.newer_version, &[&path.display(), found, supported])
            }
            StoreError::Encode(error) => fill(said.cannot_encode, &[error]),
            StoreError::TooLarge { path } => {
                fill(said.store_too_large, &[&path.display(), &(STATE_MOST >> 20)])
            }
            StoreError::NotStateLink { path, target, reason } => {
                fill(said.not_state_link, &[&path.display(), &target.display(), reason])
            }
        }
    }
}

impl From<WriteError> for StoreError {
    fn from(WriteError { path, error }: WriteError) -> Self {
        StoreError::Write { path, error }
    }
}

/// The user's marks, notes and history, backed by `<dir>/state.ron`.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    state: State,
    warnings: Vec<String>,
    /// The state file as [`Store::reread`] last saw it (see [`stamp`]).
    seen: Option<Stamp>,
    /// How long a change waits for another process's lock (see [`LOCK_WAIT`]).
    wait: Duration,
    /// Called once when a change starts waiting for the lock, with the lock file's path.
    on_wait: Option<fn(&Path)>,
    /// The state file, when [`Store::open`] found one it could not read (see
    /// [`Store::unread_file`]).
    unread: Option<PathBuf>,
}

/// What a read of the state file found.
enum Disk {
    Missing,
    Loaded(State),
    Corrupt(String),
}

impl Store {
    /// Opens the store in `dir`, creating the folder if missing. A missing state file is an
    /// empty state; an unreadable one is kept aside as `state.ron.corrupt-<UTC time>` with a
    /// warning (see [`Store::warnings`]) and the store starts empty.
    ///
    /// A read-only folder opens for reading; then [`Store::apply`] fails, naming the lock file.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        fs::create_dir_all(dir)
            .map_err(|error| StoreError::CreateDir { path: dir.to_path_buf(), error })?;
        let mut store = Store {
            dir: dir.to_path_buf(),
            state: State::default(),
            warnings: vec![],
            seen: None,
            wait: LOCK_WAIT,
            on_wait: None,
            unread: None,
        };
        // Exclusive where it can be, because keeping a corrupt file aside renames it.
        let (_lock, access) = store.lock_for_opening()?;
        let path = store.state_path();
        store.seen = stamp(&path);
        let disk = read_disk(&path)?;
        if matches!(disk, Disk::Corrupt(_)) {
            store.unread = Some(path.clone());
        }
        store.state = match disk {
            Disk::Missing => State::default(),
            Disk::Loaded(state) => {
                if state.version > STATE_VERSION {
                    let said = i18n::cli().newer_version_shown;
                    store.warn(fill(said, &[&path.display(), &state.version]));
                }
                state
            }
            Disk::Corrupt(reason) if let Some(target) = link_target(&path) => {
                let said = i18n::cli().not_state_link_shown;
                store.warn(fill(said, &[&path.display(), &target.display(), &reason]));
                State::default()
            }
            Disk::Corrupt(reason) if access == Access::Writable => {
                let kept = keep_aside(&path)?;
                let said = i18n::cli().corrupt_kept;
                store.warn(fill(said, &[&path.display(), &reason, &kept.display()]));
                State::default()
            }
            Disk::Corrupt(reason) if access == Access::LockHeld => {
                let lock = store.dir.join(LOCK_FILE);
                let said = i18n::cli().corrupt_left_locked;
                store.warn(fill(said, &[&path.display(), &reason, &lock.display()]));
                State::default()
            }
            Disk::Corrupt(reason) => {
                store.warn(fill(i18n::cli().corrupt_left, &[&path.display(), &reason]));
                State::default()
            }
        };
        Ok(store)
    }

    /// The state as another process left it, when the file changed since this store last
    /// looked (a script starring a partner or writing a note while the browser runs). `None`
    /// when it did not, or cannot be read now: the next change deals with that, as
    /// [`Store::apply`] says.
    pub fn reread(&mut self) -> Option<&State> {
        let path = self.state_path();
        let now = stamp(&path);
        // Changed between the look and the read: seen again at the next look.
        if now == self.seen {
            return None;
        }
        self.seen = now;
        match read_disk(&path) {
            Ok(Disk::Loaded(state)) if state != self.state => {
                self.state = state;
                Some(&self.state)
            }
            _ => None,
        }
    }

    /// How long changes wait for a lock another process holds before failing with
    /// [`StoreError::LockHeld`], and what to call once when they start waiting. A browser
    /// waits a moment only: it says the change was not saved and takes keys again.
    pub fn set_lock_wait(&mut self, wait: Duration, on_wait: Option<fn(&Path)>) {
        self.wait = wait;
        self.on_wait = on_wait;
    }

    /// `<home>/state.ron`.
    pub fn state_path(&self) -> PathBuf {
        self.dir.join(STATE_FILE)
    }

    /// Keeps `text`, which could not be saved, in a new file beside `state.ron`:
    /// `state.ron.unsaved-<what>-<UTC time>` (with `-2`, `-3`… rather than over another one),
    /// created whole or not at all, readable by the user only. Needs no lock.
    pub fn keep_unsaved(&self, what: &str, text: &str) -> Result<PathBuf, WriteError> {
        let base = format!("{STATE_FILE}.{UNSAVED}-{what}");
        at_free_name(
            &self.dir,
            &base,
            |kept| atomic::create_new(kept, text.as_bytes()),
            |e| e.error.kind() == io::ErrorKind::AlreadyExists,
        )
    }

    /// Everything as last read or written.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The marks of one partner, if any are recorded.
    pub fn marks(&self, id: &str) -> Option<&Marks> {
        self.state.marks.get(id)
    }

    /// The state file, when [`Store::open`] found it but could not read it (kept aside, or left
    /// as it was): the store then started with no marks, which are not the user's. A command
    /// that selects partners by marks must not answer from them.
    pub fn unread_file(&self) -> Option<&Path> {
        self.unread.as_deref()
    }

    /// Human-readable warnings gathered so far (a corrupt file kept aside, and where).
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Applies one change durably, merged with whatever other processes wrote meanwhile, and
    /// says whether it changed anything (starring a starred partner does not).
    ///
    /// On error nothing changes in memory, so what the user sees is what is on disk.
    pub fn apply(&mut self, change: Change) -> Result<bool, StoreError> {
        let _lock = self.lock()?;
        let (mut merged, from_disk) = self.read_base()?;
        if merged.version > STATE_VERSION {
            return Err(StoreError::NewerVersion {
                path: self.state_path(),
                found: merged.version,
                supported: STATE_VERSION,
            });
        }
        let clash = merged.edit_clash(&change).map(|(id, both)| {
            let said =
                if both { i18n::cli().note_clash_both } else { i18n::cli().note_clash_theirs };
            fill(said, &[&id])
        });
        let changed = merged.apply(change, now());
        // A base taken from memory is not on disk yet, so even a no-op must write it.
        if changed || !from_disk {
            merged.version = STATE_VERSION;
            write_atomically(&self.dir, &merged)?;
        }
        self.state = merged;
        // Said each time: it is news, unlike a warning about the file.
        self.warnings.extend(clash);
        Ok(changed)
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
                if let Some(target) = link_target(&path) {
                    return Err(StoreError::NotStateLink { path, target, reason });
                }
                let kept = keep_aside(&path)?;
                let said = i18n::cli().corrupt_kept_memory;
                self.warn(fill(said, &[&path.display(), &reason, &kept.display()]));
                Ok((self.state.clone(), false))
            }
        }
    }

    fn warn_if_vanished(&mut self) {
        // Nothing of ours deletes the file, so its loss is an accident, not a reset.
        if !self.state.is_empty() {
            let path = self.state_path();
            self.warn(fill(i18n::cli().state_vanished, &[&path.display()]));
        }
    }

    fn warn(&mut self, message: String) {
        // A long session must not pile up the same warning.
        if !self.warnings.contains(&message) {
            self.warnings.push(message);
        }
    }

    /// Locks `<dir>/state.lock` exclusively; the lock lasts until the returned file is dropped.
    ///
    /// A separate lock file, because `state.ron` itself is replaced by renames.
    fn lock(&self) -> Result<File, StoreError> {
        self.lock_within(self.wait)
    }

    /// [`Store::lock`], waiting at most `wait` for another process to let go of it.
    fn lock_within(&self, wait: Duration) -> Result<File, StoreError> {
        let path = self.dir.join(LOCK_FILE);
        let file = open_lock(&path, true)
            .map_err(|error| StoreError::Write { path: path.clone(), error })?;
        let start = Instant::now();
        let mut told = false;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(file),
                Err(fs::TryLockError::WouldBlock) => {}
                Err(fs::TryLockError::Error(error)) => {
                    return Err(StoreError::Lock { path, error });
                }
            }
            if start.elapsed() >= wait {
                return Err(StoreError::LockHeld { path, waited: wait });
            }
            if let Some(on_wait) = self.on_wait.filter(|_| !told && start.elapsed() >= TELL_AFTER) {
                on_wait(&path);
                told = true;
            }
            std::thread::sleep(LOCK_RETRY);
        }
    }

    /// The lock for [`Store::open`], and what it allows. Exclusive where it can be; where the
    /// folder is read-only (no one can change the file there), a shared lock on a lock file
    /// opened read-only, or none when there is no lock file.
    ///
    /// It never waits: every write is an atomic rename, so the file can be read while another
    /// process holds the lock (then a corrupt file is left for a later change to keep aside).
    fn lock_for_opening(&self) -> Result<(Option<File>, Access), StoreError> {
        let error = match self.lock_within(Duration::ZERO) {
            Ok(file) => return Ok((Some(file), Access::Writable)),
            Err(StoreError::LockHeld { .. }) => return Ok((None, Access::LockHeld)),
            Err(StoreError::Write { error, .. }) if is_read_only(&error) => error,
            Err(e) => return Err(e),
        };
        let path = self.dir.join(LOCK_FILE);
        match open_lock(&path, false) {
            Ok(file) => match file.try_lock_shared() {
                Ok(()) => Ok((Some(file), Access::ReadOnly)),
                Err(fs::TryLockError::WouldBlock) => Ok((None, Access::ReadOnly)),
                Err(fs::TryLockError::Error(error)) => Err(StoreError::Lock { path, error }),
            },
            Err(missing) if missing.kind() == io::ErrorKind::NotFound => {
                Ok((None, Access::ReadOnly))
            }
            Err(_) => Err(StoreError::Write { path, error }),
        }
    }
}

/// What [`Store::open`] may do to the state file, and if not, why: a corrupt file is kept
/// aside only with the lock, and the user is told which of the two stopped it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    /// The lock is ours: the file may be renamed.
    Writable,
    /// The folder is read-only.
    ReadOnly,
    /// Another process holds the lock.
    LockHeld,
}

/// Opens the lock file, never through a symlink: `O_NOFOLLOW` makes the kernel refuse a link
/// in the same step as the open, so no link planted between a check and the open can make us
/// create or lock a file elsewhere.
fn open_lock(path: &Path, write: bool) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    if write {
        options.write(true).create(true).truncate(false);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path)
}

fn is_read_only(error: &io::Error) -> bool {
    matches!(error.kind(), io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem)
}

fn read_disk(path: &Path) -> Result<Disk, StoreError> {
    // A link may lead anywhere: what it leads to must be a state file (see
    // `StoreError::NotStateLink`), and is never created by a write through it.
    let linked = link_target(path).is_some();
    let parse = if linked { parse_linked_state } else { parse_state };
    match atomic::read_regular(path, STATE_MOST) {
        // An empty file (`: > state.ron`, a sync's placeholder) holds nothing to keep aside:
        // it is no state yet, as when missing (what this process holds is then kept).
        Ok(bytes) if !linked && bytes.iter().all(u8::is_ascii_whitespace) => Ok(Disk::Missing),
        Ok(bytes) => Ok(parse(&bytes).map_or_else(Disk::Corrupt, Disk::Loaded)),
        Err(error) if error.kind() == io::ErrorKind::NotFound && linked => {
            Ok(Disk::Corrupt(i18n::cli().state_link_nowhere.to_owned()))
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(Disk::Missing),
        Err(error) => Err(StoreError::Read { path: path.to_path_buf(), error }),
    }
}

/// What tells one state file from the next, if it can be looked at: its length and times,
/// and on Unix its inode. Every write renames a new file into place, so the inode changes
/// even when the length and the time (to the file system's tick) do not.
fn stamp(path: &Path) -> Option<Stamp> {
    let metadata = fs::metadata(path).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&metadata);
    #[cfg(not(unix))]
    let inode = 0;
    Some((metadata.modified().ok()?, metadata.len(), inode))
}

/// See [`stamp`].
type Stamp = (std::time::SystemTime, u64, u64);

/// Whether writing `path` would replace a file of the store in `dir`: `state.ron` (or the
/// file its link leads to), a file kept aside from it, or `state.lock`, their names compared
/// regardless of case (a file system may ignore it: `STATE.LOCK` is the lock there). An
/// export written there would lose the user's marks, or let two processes no longer lock
/// each other out.
pub fn is_own_file(dir: &Path, path: &Path) -> bool {
    let Ok(target) = atomic::resolve_links(path) else { return false };
    let Some(name) = target.file_name() else { return false };
    let name = name.to_string_lossy().to_lowercase();
    let folder = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let ours = name == STATE_FILE
        || name == LOCK_FILE
        || name.starts_with(&format!("{STATE_FILE}.corrupt-"))
        || name.starts_with(&format!("{STATE_FILE}.{UNSAVED}-"));
    let canonical = |path: &Path| path.canonicalize().ok();
    let in_dir = canonical(folder).is_some_and(|f| canonical(dir) == Some(f));
    in_dir && ours || same_file(&target, &dir.join(STATE_FILE))
}

/// Whether both paths lead to one existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let id = |path: &Path| fs::metadata(path).ok().map(|m| (m.dev(), m.ino()));
        id(a).is_some_and(|a| id(b) == Some(a))
    }
    #[cfg(not(unix))]
    {
        a.canonicalize().ok().is_some_and(|a| b.canonicalize().ok() == Some(a))
    }
}

/// The file `path` leads to when it is a link (followed to its end).
fn link_target(path: &Path) -> Option<PathBuf> {
    let link = fs::symlink_metadata(path).ok()?.file_type().is_symlink();
    link.then(|| atomic::resolve_links(path).unwrap_or_else(|_| path.to_path_buf()))
}

/// Renames an unreadable `path` to `<name>.corrupt-<UTC time>` next to it, adding `-2`, `-3`,
/// ... rather than replacing an earlier one, even one that appears meanwhile. Called with the
/// exclusive lock held.
///
/// A link is never followed here: an unreadable file a link leads to may not be ours (see
/// [`StoreError::NotStateLink`]); a link that took the place of the file is itself renamed.
fn keep_aside(path: &Path) -> Result<PathBuf, StoreError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().map_or_else(|| STATE_FILE.into(), OsStr::to_string_lossy);
    let kept = at_free_name(
        dir,
        &format!("{name}.corrupt"),
        |kept| {
            atomic::rename_noreplace(path, kept).map_err(|error| StoreError::KeepAside {
                path: path.to_path_buf(),
                kept: kept.to_path_buf(),
                error,
            })
        },
        |e| matches!(e, StoreError::KeepAside { error, .. } if error.kind() == io::ErrorKind::AlreadyExists),
    )?;
    atomic::sync_dir(dir)?;
    Ok(kept)
}

/// Makes a file in `dir` with `make`, named `<base>-<UTC time>`, else with `-2`, `-3`… (up to
/// `-99`) while `make` fails because the name is `taken`: `make` must never replace a file
/// (created exclusively, renamed without replacing), so that none there is lost, even one
/// that appears meanwhile. The name used.
fn at_free_name<E>(
    dir: &Path,
    base: &str,
    mut make: impl FnMut(&Path) -> Result<(), E>,
    taken: impl Fn(&E) -> bool,
) -> Result<PathBuf, E> {
    let base = format!("{base}-{}", format_utc_compact(now()));
    let (mut name, mut suffix) = (dir.join(&base), 2);
    loop {
        match make(&name) {
            Err(e) if taken(&e) && suffix < 100 => {
                name = dir.join(format!("{base}-{suffix}"));
                suffix += 1;
            }
            done => return done.map(|()| name),
        }
    }
}

/// Writes `state` so that `state.ron` is always either the old or the new file, whole.
fn write_atomically(dir: &Path, state: &State) -> Result<(), StoreError> {
    let text = to_ron(state).map_err(StoreError::Encode)?;
    let path = dir.join(STATE_FILE);
    // Past the bound, it could not be read back: nothing is written.
    if text.len() as u64 > STATE_MOST {
        return Err(StoreError::TooLarge { path });
    }
    Ok(atomic::replace_file(&path, text.as_bytes())?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file that takes the name a corrupt state file was to be kept under, after any look
    /// at it, is not replaced: the state file is kept under the next name.
    #[test]
    fn keeping_aside_never_replaces_a_file_that_takes_the_name_meanwhile() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let state = dir.path().join(STATE_FILE);
        fs::write(&state, "corrupt").expect("written");
        let mut first = None;
        let kept = at_free_name(
            dir.path(),
            "state.ron.corrupt",
            |name| {
                if first.is_none() {
                    // Appears between the choice of the name and the move.
                    fs::write(name, "another").expect("written");
                    first = Some(name.to_path_buf());
                }
                atomic::rename_noreplace(&state, name)
            },
            |e| e.kind() == io::ErrorKind::AlreadyExists,
        )
        .expect("kept aside");
        let first = first.expect("a name tried");
        assert_eq!(fs::read_to_string(&first).expect("left"), "another");
        assert_eq!(kept.to_string_lossy(), format!("{}-2", first.display()));
        assert_eq!(fs::read_to_string(&kept).expect("kept"), "corrupt");
        assert!(!state.exists());
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
        let full = StoreError::Write {
            path: PathBuf::from("/x/state.ron"),
            error: io::Error::from(io::ErrorKind::StorageFull),
        };
        let said = full.to_string();
        assert!(said.contains("free some space") && !said.contains("permissions"), "{said}");
    }
}
