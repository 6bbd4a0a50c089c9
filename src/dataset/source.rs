//! The text of a dataset file: reading it (block by block, reporting progress) and finding where a
//! value sits in it, so that a problem carries a line and a column.
//!
//! Owns bytes and positions only: it neither parses nor judges what it reads.

use std::io::Read as _;
use std::path::Path;

use super::{DatasetError, Location};

/// Reads a dataset file's text.
pub fn read_source(path: &Path) -> Result<String, DatasetError> {
    read_source_reporting(path, &|_| {})
}

/// Reads a dataset file's text; `progress` is told of each block read.
pub fn read_source_reporting(
    path: &Path,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<String, DatasetError> {
    read_in_blocks(path, progress)
        .map_err(|source| DatasetError::Io { file: path.to_path_buf(), source })
}

/// Bytes read between two progress reports. (Reading blocks on every core was measured: no
/// faster than this on two cores, see BENCHMARKS.md, so it went.)
pub(super) const READ_BLOCK: u64 = 4 << 20;

/// The file's text, read block by block.
fn read_in_blocks(path: &Path, progress: &(dyn Fn(u64) + Sync)) -> std::io::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let size = file.metadata().map_or(0, |m| m.len());
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    loop {
        let read = (&mut file).take(READ_BLOCK).read_to_end(&mut bytes)?;
        if read == 0 {
            break;
        }
        progress(read as u64);
    }
    String::from_utf8(bytes).map_err(|_| {
        std::io::Error::new(std::io::ErrorKind::InvalidData, "stream did not contain valid UTF-8")
    })
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
