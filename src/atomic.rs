//! Replacing a file so that it is always either the old or the new one, whole: the one way
//! `partners` writes files (the store's `state.ron`, `export -o`). It knows nothing of what the
//! bytes mean.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A file or folder that could not be written, and why.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {}: {}", .path.display(), describe(.error))]
pub struct WriteError {
    /// What could not be written.
    pub path: PathBuf,
    /// Why; said in plain words by the message, so it is a field, not a source.
    pub error: io::Error,
}

/// Says in plain words what an I/O error means for the user.
pub fn describe(error: &io::Error) -> String {
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

/// Replaces `target` with `bytes` so that it is always either the old or the new file, whole:
/// a temp file beside it (`<name>.tmp`), written and synced, renamed over it, folder synced.
pub fn replace_file(target: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let mut temp_name = target.file_name().unwrap_or_default().to_os_string();
    temp_name.push(".tmp");
    let temp = target.with_file_name(temp_name);
    let result = write_synced(&temp, bytes)
        .map_err(|error| WriteError { path: temp.clone(), error })
        .and_then(|()| {
            fs::rename(&temp, target)
                .map_err(|error| WriteError { path: target.to_path_buf(), error })
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
