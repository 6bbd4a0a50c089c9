//! The text of a dataset file: reading it (large files on every core) and finding where a
//! value sits in it, so that a problem carries a line and a column.
//!
//! Owns bytes and positions only: it neither parses nor judges what it reads.

use std::path::Path;

use rayon::prelude::*;

use super::{DatasetError, Location};

/// Reads a dataset file's text.
pub fn read_source(path: &Path) -> Result<String, DatasetError> {
    read_source_reporting(path, &|_| {})
}

/// Reads a dataset file's text; `progress` is told of each block read (from any thread).
pub fn read_source_reporting(
    path: &Path,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<String, DatasetError> {
    #[cfg(unix)]
    if let Some(text) = read_in_parallel(path, progress) {
        return Ok(text);
    }
    let text = std::fs::read_to_string(path)
        .map_err(|source| DatasetError::Io { file: path.to_path_buf(), source })?;
    progress(text.len() as u64);
    Ok(text)
}

/// From this size, a file is read in blocks of this size on every core: copying it and
/// faulting in the memory are most of the time.
#[cfg(unix)]
const READ_BLOCK: usize = 4 << 20;

/// A large file's text read on every core; `None` for a small file or any trouble, which the
/// plain read then meets again and reports as usual.
#[cfg(unix)]
fn read_in_parallel(path: &Path, progress: &(dyn Fn(u64) + Sync)) -> Option<String> {
    use std::os::unix::fs::FileExt;
    let file = std::fs::File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    let size = usize::try_from(len).ok().filter(|&size| size >= READ_BLOCK)?;
    let mut bytes = vec![0; size];
    bytes
        .par_chunks_mut(READ_BLOCK)
        .enumerate()
        .try_for_each(|(n, block)| {
            let offset = u64::try_from(n * READ_BLOCK).map_err(std::io::Error::other)?;
            file.read_exact_at(block, offset)?;
            progress(block.len() as u64);
            Ok::<(), std::io::Error>(())
        })
        .ok()?;
    // A file that grew meanwhile is read again whole.
    (file.metadata().ok()?.len() == len).then_some(())?;
    String::from_utf8(bytes).ok()
}

/// Finds where values sit in the source text, so semantic errors carry a line and column.
pub(super) struct SourceFinder<'a> {
    pub(super) source: &'a str,
    pub(super) file: &'a Path,
}

impl SourceFinder<'_> {
    /// The byte offset of `id: "<id>"` at or after `from`.
    pub(super) fn find_id(&self, id: &str, from: usize) -> Option<usize> {
        let quoted = format!("\"{id}\"");
        let mut search = from;
        while let Some(found) = self.source[search..].find(&quoted) {
            let offset = search + found;
            let before = self.source[..offset].trim_end();
            if before.ends_with(':') && before[..before.len() - 1].trim_end().ends_with("id") {
                return Some(offset);
            }
            search = offset + quoted.len();
        }
        None
    }

    /// The byte offset of `needle` at or after `from`, else `from`.
    pub(super) fn locate(&self, needle: &str, from: usize) -> usize {
        self.source[from..].find(needle).map_or(from, |i| from + i)
    }

    pub(super) fn position(&self, offset: usize) -> Location {
        let before = &self.source[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Location { file: self.file.to_path_buf(), line, column }
    }

    pub(super) fn invalid(&self, offset: usize, message: String, fix: &str) -> DatasetError {
        DatasetError::Invalid { at: self.position(offset), message, fix: fix.to_owned() }
    }
}
