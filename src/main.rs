//! The `partners` binary: parses the command line, resolves paths, runs, reports errors.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use partners::cli::{self, Cli, Env};
use partners::store::Store;

fn main() -> ExitCode {
    let args = Cli::parse();
    match run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("partners: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Cli) -> anyhow::Result<ExitCode> {
    let home = Store::resolve_home(args.home.as_deref())?;
    match args.command {
        Some(command) => {
            let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
            let tty = std::io::stdout().is_terminal();
            let mut env = Env { out: &mut out, err: &mut err, tty, home, data: args.data };
            cli::run(command, &mut env)
        }
        None => {
            cli::require_terminal()?;
            let _ = args.query;
            anyhow::bail!("the browser is not built yet; use `partners search QUERY`")
        }
    }
}
