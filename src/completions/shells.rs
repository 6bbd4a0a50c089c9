//! Zsh's, fish's and PowerShell's side of the completions: `clap_complete`'s scripts, and its
//! answers with the commands alone on a word not begun, and only those that print JSON after
//! `--json`, as bash has them (see [`super::offered`]).

use std::ffi::OsString;
use std::io::{self, Write};

use clap_complete::env::EnvCompleter;

/// Zsh: `clap_complete`'s hook; the answers one a line (or as `_CLAP_IFS` says), each with its
/// help after a colon.
#[derive(Debug, Clone, Copy)]
pub struct Zsh;

impl EnvCompleter for Zsh {
    fn name(&self) -> &'static str {
        clap_complete::env::Zsh.name()
    }

    fn is(&self, name: &str) -> bool {
        clap_complete::env::Zsh.is(name)
    }

    fn write_registration(
        &self,
        var: &str,
        name: &str,
        bin: &str,
        completer: &str,
        buf: &mut dyn Write,
    ) -> io::Result<()> {
        clap_complete::env::Zsh.write_registration(var, name, bin, completer, buf)
    }

    fn write_complete(
        &self,
        cmd: &mut clap::Command,
        mut args: Vec<OsString>,
        current_dir: Option<&std::path::Path>,
        buf: &mut dyn Write,
    ) -> io::Result<()> {
        let index: usize = std::env::var("_CLAP_COMPLETE_INDEX")
            .ok()
            .and_then(|i| i.parse().ok())
            .unwrap_or_default();
        let ifs = std::env::var("_CLAP_IFS").ok();
        // zsh leaves out a word not begun.
        if args.len() == index {
            args.push(OsString::new());
        }
        let mut candidates =
            clap_complete::engine::complete(cmd, args.clone(), index, current_dir)?;
        super::offered(cmd, &args, index, &mut candidates);
        for (i, candidate) in candidates.iter().enumerate() {
            if i != 0 {
                write!(buf, "{}", ifs.as_deref().unwrap_or("\n"))?;
            }
            let value = candidate.get_value().to_string_lossy();
            write!(buf, "{}", value.replace('\\', "\\\\").replace(':', "\\:"))?;
            if let Some(help) = candidate.get_help() {
                let help = help.to_string();
                write!(buf, ":{}", help.lines().next().unwrap_or_default().replace('\\', "\\\\"))?;
            }
        }
        Ok(())
    }
}

/// A shell whose answers are one a line, each with its help after a tab: `clap_complete`'s
/// hook for it, answered by [`write_tab_separated`].
#[derive(Debug, Clone, Copy)]
pub struct Tabbed<S>(S);

/// Fish.
pub const FISH: Tabbed<clap_complete::env::Fish> = Tabbed(clap_complete::env::Fish);

/// PowerShell.
pub const POWERSHELL: Tabbed<clap_complete::env::Powershell> =
    Tabbed(clap_complete::env::Powershell);

impl<S: EnvCompleter> EnvCompleter for Tabbed<S> {
    fn name(&self) -> &'static str {
        self.0.name()
    }

    fn is(&self, name: &str) -> bool {
        self.0.is(name)
    }

    fn write_registration(
        &self,
        var: &str,
        name: &str,
        bin: &str,
        completer: &str,
        buf: &mut dyn Write,
    ) -> io::Result<()> {
        self.0.write_registration(var, name, bin, completer, buf)
    }

    fn write_complete(
        &self,
        cmd: &mut clap::Command,
        args: Vec<OsString>,
        current_dir: Option<&std::path::Path>,
        buf: &mut dyn Write,
    ) -> io::Result<()> {
        write_tab_separated(cmd, &args, current_dir, buf)
    }
}

/// The answers for the word last in `args`, one a line, each with its help after a tab (the
/// script of fish and PowerShell splits them there).
fn write_tab_separated(
    cmd: &mut clap::Command,
    args: &[OsString],
    current_dir: Option<&std::path::Path>,
    buf: &mut dyn Write,
) -> io::Result<()> {
    let index = args.len().saturating_sub(1);
    let mut candidates = clap_complete::engine::complete(cmd, args.to_vec(), index, current_dir)?;
    super::offered(cmd, args, index, &mut candidates);
    for candidate in candidates {
        write!(buf, "{}", candidate.get_value().to_string_lossy())?;
        if let Some(help) = candidate.get_help() {
            write!(buf, "\t{}", help.to_string().lines().next().unwrap_or_default())?;
        }
        writeln!(buf)?;
    }
    Ok(())
}
