//! What loading says without stopping: a file of the datasets folder left out, relations of a
//! file left out (to no partner, to one of a file left out, or perhaps to one of a file left
//! out unread), or partners of one file that replace those of a file read before it.

use std::path::{Path, PathBuf};

use crate::dataset::{Dangling, DatasetError};
use crate::i18n::{self, fill};

/// Something about the files loaded that the user should know, the partners loaded all the
/// same.
#[derive(Debug)]
pub enum Warning {
    /// A dataset file that could not be used, and was left out.
    Skipped(DatasetError),
    /// The datasets folder's glossary, which could not be used: the bundled one is.
    GlossaryLeftOut(DatasetError),
    /// Relations of a file that was loaded without them, each to a partner that no file
    /// has: each problem placed in the file (an [`DatasetError::Invalid`] or several).
    RelationsLeftOut(DatasetError),
    /// Relations of a file that was loaded without them, each to a partner of a file that
    /// was skipped (a [`Warning::Skipped`]): it exists, but is not loaded. Placed as
    /// [`Warning::RelationsLeftOut`]'s are.
    RelationsNotLoaded(DatasetError),
    /// Relations of a file that was loaded without them, each to a partner that no file
    /// read has, while a file skipped could not be read far enough to tell whether it has
    /// it (a [`Warning::Skipped`] unread, or for its syntax). Placed as
    /// [`Warning::RelationsLeftOut`]'s are.
    RelationsMaybeNotLoaded(DatasetError),
    /// Partners of `file` with ids that `earlier`, read before it, also has: `file`'s are
    /// used. (A partner of the bundled dataset replaced by one of the user's is no news.)
    Replaced {
        file: PathBuf,
        earlier: PathBuf,
        /// The first such id in `file`.
        first: String,
        /// How many there are.
        count: usize,
    },
}

impl Warning {
    /// What to say: `skipped` (a template with one `{}`) says that a file was left out,
    /// around its problems. A file's several problems take one line each.
    pub fn said(&self, skipped: &str) -> String {
        match self {
            Warning::Skipped(e) => fill(skipped, &[e]),
            Warning::GlossaryLeftOut(e) => fill(crate::i18n::data().glossary_left_out, &[e]),
            Warning::RelationsLeftOut(e) => left_out(e, &e.to_string(), Dangling::NoPartner),
            Warning::RelationsNotLoaded(e) => left_out(e, &e.to_string(), Dangling::NotLoaded),
            Warning::RelationsMaybeNotLoaded(e) => {
                left_out(e, &e.to_string(), Dangling::MaybeNotLoaded)
            }
            Warning::Replaced { file, earlier, first, count } => {
                replaced(file, earlier, first, *count)
            }
        }
    }

    /// [`Warning::said`] on one line, for the status line: a file's several problems are
    /// counted, the first one told.
    pub fn one_line(&self, skipped: &str) -> String {
        match self {
            Warning::Skipped(e) => fill(skipped, &[&e.one_line()]),
            Warning::GlossaryLeftOut(e) => {
                fill(crate::i18n::data().glossary_left_out, &[&e.one_line()])
            }
            Warning::RelationsLeftOut(e) => left_out(e, &e.one_line(), Dangling::NoPartner),
            Warning::RelationsNotLoaded(e) => left_out(e, &e.one_line(), Dangling::NotLoaded),
            Warning::RelationsMaybeNotLoaded(e) => {
                left_out(e, &e.one_line(), Dangling::MaybeNotLoaded)
            }
            Warning::Replaced { file, earlier, first, count } => {
                replaced(file, earlier, first, *count)
            }
        }
    }

    /// Whether it is about `file` (of the datasets folder, named as its files are listed):
    /// partners of `file` left out, replacing others, or replaced.
    pub fn concerns(&self, file: &Path) -> bool {
        let same = |path: &Path| path.file_name() == file.file_name();
        match self {
            Warning::Skipped(e)
            | Warning::GlossaryLeftOut(e)
            | Warning::RelationsLeftOut(e)
            | Warning::RelationsNotLoaded(e)
            | Warning::RelationsMaybeNotLoaded(e) => e.file().is_some_and(same),
            Warning::Replaced { file, earlier, .. } => same(file) || same(earlier),
        }
    }

    /// The error of a dataset file that was left out (whose partners are not loaded).
    pub fn skipped(&self) -> Option<&DatasetError> {
        match self {
            Warning::Skipped(e) => Some(e),
            Warning::GlossaryLeftOut(_)
            | Warning::RelationsLeftOut(_)
            | Warning::RelationsNotLoaded(_)
            | Warning::RelationsMaybeNotLoaded(_)
            | Warning::Replaced { .. } => None,
        }
    }

    /// What makes the file it is about invalid, to `partners validate`: why it was left
    /// out, or the relations left out of it.
    pub fn problem(&self) -> Option<&DatasetError> {
        match self {
            Warning::Skipped(e)
            | Warning::GlossaryLeftOut(e)
            | Warning::RelationsLeftOut(e)
            | Warning::RelationsNotLoaded(e)
            | Warning::RelationsMaybeNotLoaded(e) => Some(e),
            Warning::Replaced { .. } => None,
        }
    }
}

/// That the relations of `error` were left out, its file loaded all the same, their partners
/// being nowhere or in a skipped file (`why`): `said` is the error as told (whole, or on one
/// line).
fn left_out(error: &DatasetError, said: &str, why: Dangling) -> String {
    let data = i18n::data();
    let n = error.problems().len();
    let (one, many) = match why {
        Dangling::NoPartner => (data.relation_left_out_one, data.relation_left_out_many),
        Dangling::NotLoaded => (data.relation_not_loaded_one, data.relation_not_loaded_many),
        Dangling::MaybeNotLoaded => {
            (data.relation_maybe_not_loaded_one, data.relation_maybe_not_loaded_many)
        }
    };
    if n == 1 { fill(one, &[&said]) } else { fill(many, &[&n, &said]) }
}

/// That `count` partners of `file`, `first` first, replace those of `earlier`.
fn replaced(file: &Path, earlier: &Path, first: &str, count: usize) -> String {
    let said = i18n::data();
    let (file, earlier) = (file.display(), earlier.display());
    if count == 1 {
        fill(said.replaced_one, &[&file, &first, &earlier])
    } else {
        fill(said.replaced_many, &[&file, &count, &first, &earlier])
    }
}
