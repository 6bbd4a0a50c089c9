//! Replacing a file so that it is always either the old or the new one, whole: the one way
//! `partners` writes files (the store's `state.ron`, `export -o`). Temporary files are created
//! exclusively under unpredictable names; a target that is a symlink is written through. It
//! knows nothing of what the bytes mean.

use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::i18n::{self, fill};

/// A file or folder that could not be written, and why; said in the thread's language.
#[derive(Debug, thiserror::Error)]
#[error("{}", fill(i18n::cli().cannot_write, &[&.path.display(), &describe(.error)]))]
pub struct WriteError {
    /// What could not be written.
    pub path: PathBuf,
    /// Why; said in plain words by the message, so it is a field, not a source.
    pub error: io::Error,
}

/// Says in plain words what an I/O error means for the user, in the thread's language (other
/// errors keep the system's words). The one place where an I/O error's words are chosen:
/// whatever shows one to the user goes through it.
pub fn describe(error: &io::Error) -> String {
    use io::ErrorKind as Kind;
    let said = i18n::cli();
    // Errors of the system that std gives no kind of their own (`Uncategorized`).
    #[cfg(unix)]
    match error.raw_os_error() {
        Some(libc::ELOOP) => return said.io_symlink.to_owned(),
        Some(libc::ENXIO) => return said.io_no_device.to_owned(),
        Some(libc::EIO) => return said.io_failed.to_owned(),
        _ => {}
    }
    if let Some(refused) = error.get_ref().and_then(|e| e.downcast_ref::<Refused>()) {
        return match refused {
            Refused::NotRegular => said.io_not_regular.to_owned(),
            Refused::Larger(most) => fill(said.io_larger_than, &[&(most >> 20)]),
            Refused::Terminal => said.io_terminal.to_owned(),
            Refused::LinkToNothing => said.io_link_to_nothing.to_owned(),
            Refused::LinkLoop => said.io_link_loop.to_owned(),
        };
    }
    match error.kind() {
        Kind::PermissionDenied => said.io_permission_denied.to_owned(),
        Kind::ReadOnlyFilesystem => said.io_read_only.to_owned(),
        Kind::NotADirectory => said.io_not_a_directory.to_owned(),
        Kind::IsADirectory => said.io_is_a_directory.to_owned(),
        Kind::DirectoryNotEmpty => said.io_directory_not_empty.to_owned(),
        Kind::AlreadyExists => said.io_already_exists.to_owned(),
        Kind::StorageFull => said.io_storage_full.to_owned(),
        Kind::NotFound => said.io_not_found.to_owned(),
        // The system's EINVAL; one of ours with words of its own keeps them.
        Kind::InvalidInput if error.get_ref().is_none() => said.io_invalid_input.to_owned(),
        // What reading text says of bytes that are not UTF-8.
        Kind::InvalidData => said.io_not_utf8.to_owned(),
        // A dataset's bound (ours); the system's own (EFBIG, a size limit on a write) keeps
        // its words.
        Kind::FileTooLarge if error.raw_os_error().is_none() => said.io_too_large.to_owned(),
        _ => error.to_string(),
    }
}

/// Why [`read_regular`] did not read a file.
#[derive(Debug, thiserror::Error)]
enum Refused {
    #[error("not a regular file")]
    NotRegular,
    #[error("larger than {0} bytes")]
    Larger(u64),
    #[error("a terminal")]
    Terminal,
    #[error("a symbolic link to nothing")]
    LinkToNothing,
    #[error("a loop of symbolic links")]
    LinkLoop,
}

/// Why `path` (links followed, as reading it would) is no regular file, found without opening
/// it (a FIFO opened would wait for a writer forever): a folder, a pipe, a device or a socket,
/// a link to nothing, a loop of links, or what the system said; `None` for a regular file.
pub fn not_a_file(path: &Path) -> Option<io::Error> {
    let refuse = |refused| Some(io::Error::new(io::ErrorKind::InvalidInput, refused));
    match fs::metadata(path) {
        Ok(m) if m.is_file() => None,
        Ok(m) if m.is_dir() => Some(io::ErrorKind::IsADirectory.into()),
        Ok(_) => refuse(Refused::NotRegular),
        Err(e) if !fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink()) => Some(e),
        Err(e) if e.kind() == io::ErrorKind::NotFound => refuse(Refused::LinkToNothing),
        #[cfg(unix)]
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => refuse(Refused::LinkLoop),
        Err(e) => Some(e),
    }
}

/// The regular file at `path` (links followed), opened for reading without ever waiting: a
/// pipe, a device or a folder is refused once opened, by what the opened file is (a FIFO
/// swapped in for a file after a look at its name is refused, not waited on). For files that
/// must be regular (`state.ron`, `config.toml`, the datasets folder's files).
pub fn open_regular(path: &Path) -> io::Result<File> {
    let refuse = |refused| io::Error::new(io::ErrorKind::InvalidInput, refused);
    let mut options = fs::OpenOptions::new();
    options.read(true);
    // Opening a FIFO for reading waits for a writer, unless told not to (no effect on files);
    // a terminal opened never becomes the process's own.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        &mut options,
        libc::O_NONBLOCK | libc::O_NOCTTY,
    );
    let file = match options.open(path) {
        Ok(file) => file,
        // A socket cannot be opened at all; a device without its driver either.
        #[cfg(unix)]
        Err(e)
            if matches!(e.raw_os_error(), Some(libc::ENXIO | libc::ENODEV | libc::EOPNOTSUPP)) =>
        {
            return Err(refuse(Refused::NotRegular));
        }
        Err(e) => return Err(e),
    };
    let metadata = file.metadata()?;
    if metadata.is_dir() {
        return Err(io::ErrorKind::IsADirectory.into());
    }
    if !metadata.is_file() {
        return Err(refuse(Refused::NotRegular));
    }
    Ok(file)
}

/// The bytes of the regular file at `path` (links followed), of at most `most` bytes: a pipe,
/// a device or a folder is refused before anything is read (a FIFO would wait for a writer
/// forever, `/dev/zero` fill the memory), as a larger file is. For the files `partners` keeps
/// (`state.ron`, `config.toml`), not for `--data`, which may be a pipe.
pub fn read_regular(path: &Path, most: u64) -> io::Result<Vec<u8>> {
    let file = open_regular(path)?;
    let metadata = file.metadata()?;
    if metadata.len() > most {
        return Err(too_large(most));
    }
    let mut bytes = Vec::new();
    // Bounded again: the file may grow while it is read.
    io::Read::read_to_end(&mut io::Read::take(file, most + 1), &mut bytes)?;
    if bytes.len() as u64 > most {
        return Err(too_large(most));
    }
    Ok(bytes)
}

/// The error of a file of more than `most` bytes, said as [`read_regular`] says it: for a
/// file about to be written past the bound it reads.
pub fn too_large(most: u64) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, Refused::Larger(most))
}

/// The error of a terminal named where a file is read (`--data /dev/stdin` typed at a
/// prompt): reading it would take the keys typed, so it is refused before anything is read.
pub fn terminal_refused() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, Refused::Terminal)
}

/// Whether `path` (links followed) is a pipe or a device: neither a regular file nor a
/// folder. Its size says nothing, it may never end, and it cannot be replaced.
pub fn is_stream(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// Writes a file the user named for output with what `write` writes (through a buffer): a
/// pipe or a device (`-o /dev/stdout`, a FIFO a reader waits on) is written into, as a shell
/// would; any other file is replaced whole as [`replace_file`] does (replacing a FIFO or a
/// device would leave a plain file in its place, and the reader with nothing). The output is
/// never held whole: a million partners' export is written as it is made.
pub fn write_output(
    target: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), WriteError> {
    let fail = |error| WriteError { path: target.to_path_buf(), error };
    // A folder named for output (`-o out/`) is said to be one (renaming over it would fail
    // with another reason).
    if std::fs::metadata(target).is_ok_and(|m| m.is_dir()) {
        return Err(fail(io::ErrorKind::IsADirectory.into()));
    }
    if !is_stream(target) {
        // A large export takes seconds: Ctrl-C meanwhile must not leave its temporary file.
        remove_on_signals();
        return replace_file_with(target, write);
    }
    let file = std::fs::OpenOptions::new().write(true).open(target).map_err(fail)?;
    let mut out = io::BufWriter::new(file);
    write(&mut out).and_then(|()| out.flush()).map_err(fail)
}

/// Replaces `target` with `bytes` so that it is always either the old or the new file, whole:
/// a temporary file beside it, written and synced, renamed over it, folder synced.
///
/// The temporary file is created exclusively (`O_EXCL`) under an unpredictable name by
/// `tempfile`, so nothing planted beside the target (a `<name>.tmp` symlink) is followed or
/// overwritten. When `target` is a symlink (a file kept in a synced folder), the file it points
/// to is replaced, atomically in that file's folder, and the link stays. A file that existed
/// keeps its permissions; a new one is readable by its owner only.
pub fn replace_file(target: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    replace_file_with(target, |out| out.write_all(bytes))
}

/// [`replace_file`] with what `write` writes.
fn replace_file_with(
    target: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), WriteError> {
    let real =
        resolve_links(target).map_err(|error| WriteError { path: target.to_path_buf(), error })?;
    let dir = match real.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let fail = |error| WriteError { path: real.clone(), error };
    let mut prefix = OsString::from(".");
    prefix.push(real.file_name().unwrap_or_default());
    prefix.push(".");
    let (mut temp, _writing) = Writing::create(|| {
        tempfile::Builder::new().prefix(&prefix).suffix(".tmp").tempfile_in(dir)
    })
    .map_err(|error| WriteError { path: dir.to_path_buf(), error })?;
    if let Ok(existing) = fs::metadata(&real) {
        temp.as_file().set_permissions(existing.permissions()).map_err(fail)?;
    }
    let mut out = io::BufWriter::new(temp.as_file_mut());
    write(&mut out).and_then(|()| out.flush()).map_err(fail)?;
    drop(out);
    temp.as_file().sync_all().map_err(fail)?;
    // On failure the temporary file is deleted when `PersistError` drops it.
    temp.persist(&real).map_err(|e| fail(e.error))?;
    sync_dir(dir)
}

/// Writes `bytes` to `target`, a new file, whole or not at all and never over anything there
/// (then an `AlreadyExists` error): a temporary file beside it, written and synced, given the
/// name only if it is free, folder synced. Readable by its owner only.
pub fn create_new(target: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let fail = |error| WriteError { path: target.to_path_buf(), error };
    let mut temp = tempfile::Builder::new()
        .prefix(".new.")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|error| WriteError { path: dir.to_path_buf(), error })?;
    temp.write_all(bytes).and_then(|()| temp.as_file().sync_all()).map_err(fail)?;
    // On failure the temporary file is deleted when `PersistError` drops it.
    temp.persist_noclobber(target).map_err(|e| fail(e.error))?;
    sync_dir(dir)
}

/// The temporary files being written, which a terminating signal removes once
/// [`remove_on_signals`] is in force.
static WRITING: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// A temporary file listed in [`WRITING`] while it lives.
struct Writing(PathBuf);

impl Writing {
    /// The temporary file `create` makes, listed as it is made: the list is held meanwhile,
    /// so a signal cannot come between the two.
    fn create(
        create: impl FnOnce() -> io::Result<tempfile::NamedTempFile>,
    ) -> io::Result<(tempfile::NamedTempFile, Writing)> {
        let mut writing = WRITING.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let temp = create()?;
        writing.push(temp.path().to_owned());
        let listed = Writing(temp.path().to_owned());
        Ok((temp, listed))
    }
}

impl Drop for Writing {
    fn drop(&mut self) {
        let mut writing = WRITING.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        writing.retain(|path| path != &self.0);
    }
}

/// From now on a terminating signal (SIGINT, SIGTERM, SIGHUP) removes the temporary files
/// being written, then ends the process as the signal would have. For the command line only:
/// the browser handles those signals itself, saving first. Once is enough; later calls do
/// nothing.
fn remove_on_signals() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        static STARTED: std::sync::Once = std::sync::Once::new();
        STARTED.call_once(|| {
            // A signal the process ignores (SIGHUP under nohup, SIGINT in a background job)
            // stays ignored: the export goes on.
            let ignored = ignored_signals();
            let caught = [SIGINT, SIGTERM, SIGHUP].into_iter().filter(|&signal| {
                u32::try_from(signal - 1)
                    .ok()
                    .and_then(|bit| ignored.checked_shr(bit))
                    .is_none_or(|bits| bits & 1 == 0)
            });
            let caught: Vec<i32> = caught.collect();
            if caught.is_empty() {
                return;
            }
            let Ok(mut signals) = signal_hook::iterator::Signals::new(caught) else {
                return;
            };
            let _ = std::thread::Builder::new().name("signals".into()).spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    // Held to the end, so no other file is listed meanwhile. One renamed into
                    // place already is no longer at its temporary name.
                    let writing = WRITING.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                    for path in writing.iter() {
                        let _ = fs::remove_file(path);
                    }
                    let _ = signal_hook::low_level::emulate_default_handler(signal);
                    std::process::exit(128 + signal);
                }
            });
        });
    }
}

/// The signals this process ignores, as a mask (bit `n - 1` for signal `n`), where the
/// system says (Linux's `/proc/self/status`); none elsewhere.
#[cfg(unix)]
fn ignored_signals() -> u64 {
    let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("SigIgn:"))
        .and_then(|mask| u64::from_str_radix(mask.trim(), 16).ok())
        .unwrap_or(0)
}

/// The file `path` finally names once symlinks in its last component are followed (relative
/// links are read from the link's folder); `path` itself when it is not a link. A dangling link
/// resolves to where it points, so writing creates the file there. A loop of links, or more
/// of them than the system follows, is an error: writing would replace a link.
pub fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    // As many hops as Linux allows before ELOOP.
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let next = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(parent) if next.is_relative() => parent.join(next),
                    _ => next,
                };
            }
            _ => return Ok(current),
        }
    }
    #[cfg(unix)]
    return Err(io::Error::from_raw_os_error(libc::ELOOP));
    #[cfg(not(unix))]
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Gives the file `from` the name `to` only if that name is free, else fails with
/// `AlreadyExists` and leaves both as they were: nothing at `to` is ever replaced, even a file
/// that appears there after a look. A link is moved itself, not followed.
pub fn rename_noreplace(from: &Path, to: &Path) -> io::Result<()> {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, from, CWD, to, RenameFlags::NOREPLACE) {
            Ok(()) => return Ok(()),
            // A kernel or a file system without it: linked, then unlinked, below.
            Err(rustix::io::Errno::NOSYS | rustix::io::Errno::INVAL) => {}
            Err(e) => return Err(e.into()),
        }
    }
    rename_by_link(from, to)
}

/// [`rename_noreplace`] where the system cannot rename without replacing: a hard link, never
/// made over an existing name, then the old name removed.
fn rename_by_link(from: &Path, to: &Path) -> io::Result<()> {
    rename_by_link_with(from, to, |path| fs::remove_file(path))
}

/// [`rename_by_link`], the old name removed by `remove_old` (a test makes it fail).
fn rename_by_link_with(
    from: &Path,
    to: &Path,
    remove_old: impl FnOnce(&Path) -> io::Result<()>,
) -> io::Result<()> {
    fs::hard_link(from, to)?;
    let Err(error) = remove_old(from) else { return Ok(()) };
    // Not moved: the file keeps its one old name. Unless that name is gone or names another
    // file by now (removed or replaced meanwhile): the new one is then the file's last. And
    // not moved either when the new name is gone (removed meanwhile).
    if same_file(from, to) {
        let _ = fs::remove_file(to);
        Err(error)
    } else if fs::symlink_metadata(to).is_err() {
        Err(error)
    } else {
        Ok(())
    }
}

/// Whether `a` and `b` (links not followed) name the one file.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        match (fs::symlink_metadata(a), fs::symlink_metadata(b)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        // No file identity to compare: a name still there is taken for the file.
        let _ = b;
        a.exists()
    }
}

/// Makes a rename in `dir` durable; without it a crash can bring the old name back.
pub fn sync_dir(dir: &Path) -> Result<(), WriteError> {
    #[cfg(unix)]
    {
        File::open(dir)
            .and_then(|folder| folder.sync_all())
            .map_err(|error| WriteError { path: dir.to_path_buf(), error })?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A dataset's 4 GiB bound is said as such; a write the system refuses as too large (a
    /// size limit, EFBIG) is not taken for it.
    #[cfg(unix)]
    #[test]
    fn a_file_too_large_for_the_system_keeps_its_words() {
        let ours = io::Error::new(io::ErrorKind::FileTooLarge, "larger than 4 GiB");
        assert_eq!(describe(&ours), i18n::cli().io_too_large);
        let system = io::Error::from_raw_os_error(libc::EFBIG);
        assert_eq!(system.kind(), io::ErrorKind::FileTooLarge);
        assert_ne!(describe(&system), i18n::cli().io_too_large);
    }

    /// Renaming without replacing: a name taken is refused and both files stay as they
    /// were; a free one is given.
    #[test]
    fn a_rename_never_replaces_a_file_at_the_new_name() {
        let rename: [fn(&Path, &Path) -> io::Result<()>; 2] = [rename_noreplace, rename_by_link];
        for (n, rename) in rename.into_iter().enumerate() {
            let dir = tempfile::tempdir().expect("a temporary folder");
            let (from, to) = (dir.path().join("from"), dir.path().join("to"));
            fs::write(&from, "moved").expect("written");
            fs::write(&to, "there first").expect("written");
            let refused = rename(&from, &to).expect_err("the name is taken");
            assert_eq!(refused.kind(), io::ErrorKind::AlreadyExists, "{n}");
            assert_eq!(fs::read_to_string(&from).expect("still there"), "moved");
            assert_eq!(fs::read_to_string(&to).expect("still there"), "there first");
            let free = dir.path().join("free");
            rename(&from, &free).expect("a free name");
            assert!(!from.exists(), "{n}");
            assert_eq!(fs::read_to_string(&free).expect("moved"), "moved");
        }
    }

    /// When the old name cannot be removed, the new one is undone only while the old still
    /// names the file: were it removed or replaced meanwhile, the new name is the file's last.
    #[test]
    fn a_rename_by_link_never_removes_the_last_name_of_the_file() {
        let failed = || io::Error::other("the old name stays");
        let dir = tempfile::tempdir().expect("a temporary folder");
        let (from, to) = (dir.path().join("from"), dir.path().join("to"));
        fs::write(&from, "moved").expect("written");
        // The old name stays: not moved, the file keeps it, the new one is undone.
        let refused = rename_by_link_with(&from, &to, |_| Err(failed()));
        assert!(refused.is_err());
        assert_eq!(fs::read_to_string(&from).expect("still there"), "moved");
        assert!(!to.exists(), "the link is undone");
        // The old name vanishes as it fails: the file is at the new name, moved.
        let vanished = |path: &Path| fs::remove_file(path).and(Err(failed()));
        rename_by_link_with(&from, &to, vanished).expect("moved");
        assert_eq!(fs::read_to_string(&to).expect("kept"), "moved");
        // The old name is another file by then: neither is lost.
        let replaced = |path: &Path| {
            fs::remove_file(path).and_then(|()| fs::write(path, "another"))?;
            Err(failed())
        };
        let next = dir.path().join("next");
        rename_by_link_with(&to, &next, replaced).expect("moved");
        assert_eq!(fs::read_to_string(&next).expect("kept"), "moved");
        assert_eq!(fs::read_to_string(&to).expect("kept"), "another");
        // The new name is removed meanwhile (reviewer X): not moved, said so.
        let last = dir.path().join("last");
        let new_gone = |_: &Path| fs::remove_file(&last).and(Err(failed()));
        assert!(rename_by_link_with(&next, &last, new_gone).is_err());
        assert_eq!(fs::read_to_string(&next).expect("still there"), "moved");
    }

    /// The errors met most are said in French in French; any other keeps the system's words.
    #[cfg(unix)]
    #[test]
    fn the_common_errors_are_said_in_french() {
        use io::ErrorKind as Kind;
        let _french = i18n::speaking(i18n::Lang::Fr);
        let said = |error: io::Error| describe(&error);
        let raw = io::Error::from_raw_os_error;
        assert_eq!(said(raw(libc::ENOENT)), "introuvable");
        assert_eq!(said(raw(libc::EACCES)), "permission refusée");
        assert_eq!(said(raw(libc::EEXIST)), "autre chose occupe déjà la place");
        assert_eq!(said(raw(libc::EISDIR)), "c'est un dossier, pas un fichier");
        assert_eq!(said(raw(libc::ENOTDIR)), "une partie du chemin est un fichier, pas un dossier");
        assert_eq!(said(raw(libc::EROFS)), "le système de fichiers est en lecture seule");
        assert_eq!(said(raw(libc::ENOSPC)), "le disque est plein");
        assert_eq!(said(raw(libc::EINVAL)), "argument invalide");
        assert_eq!(said(Kind::InvalidData.into()), "ce n'est pas du texte UTF-8");
        assert_eq!(
            said(raw(libc::ENXIO)),
            "aucun périphérique ni adresse de ce nom\u{a0}: le périphérique ou le terminal n'est pas là, ou plus"
        );
        assert_eq!(
            said(raw(libc::EIO)),
            "erreur d'entrée-sortie\u{a0}: le disque, le périphérique ou le dossier réseau a échoué"
        );
        // Ours, with words of their own, keep them.
        let refused = terminal_refused();
        assert_eq!(said(refused), i18n::cli().io_terminal);
        // Nothing of the system's words is left in any of these.
        for errno in [libc::ENOENT, libc::EACCES, libc::EINVAL, libc::ENXIO, libc::EIO] {
            assert!(!said(raw(errno)).contains("os error"), "{errno}");
        }
        // One not mapped keeps the system's words rather than none.
        assert!(said(raw(libc::ENOTTY)).contains("os error"), "{}", said(raw(libc::ENOTTY)));
    }
}
