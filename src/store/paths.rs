//! Where the user's files are: the home folder (`--home`, `PARTNERS_HOME`, else the platform's
//! data folder) and the folder of their own datasets. Resolves paths only; creates nothing.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use super::{Store, StoreError};

/// The environment variable that chooses the home folder when `--home` is not given.
pub const HOME_ENV: &str = "PARTNERS_HOME";

const DATASETS_DIR: &str = "datasets";

/// The folder where users drop extra `*.ron` datasets: `<home>/datasets`.
pub fn datasets_dir(home: &Path) -> PathBuf {
    home.join(DATASETS_DIR)
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
