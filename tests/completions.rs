//! Shell completions and the man page: each shell gets a script that calls the binary back,
//! the binary answers subcommands, options and partner ids (the user's own datasets
//! included), a real bash completes through the script, and `man` prints roff.

#[path = "common/extras.rs"]
mod extras;

use std::process::Command as Process;

use extras::{Home, bundled};
use partners::completions;

const SUBCOMMANDS: &[&str] =
    &["search", "show", "list", "validate", "star", "unstar", "met", "note", "export", "man"];

/// What the binary answers the shell `shell` that completes the words `line` (the last one
/// being completed), as bash, zsh, fish and PowerShell scripts ask it.
fn ask(home: &Home, shell: &str, line: &[&str]) -> Vec<String> {
    let index = (line.len() - 1).to_string();
    let out = home
        .cmd()
        .env("COMPLETE", shell)
        .env("_CLAP_COMPLETE_INDEX", &index)
        .env("_CLAP_IFS", "\n")
        .arg("--")
        .args(line)
        .output()
        .expect("partners runs");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        // fish and zsh put the help after a tab or a colon.
        .map(|l| l.split(['\t', ':']).next().unwrap_or_default().trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn every_shell_gets_a_script_that_calls_the_binary_back() {
    let home = Home::new();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = home.ok(&["completions", shell]);
        assert!(script.contains("COMPLETE"), "{shell}: {script}");
        assert!(script.contains("partners"), "{shell}: {script}");
        // What the script asks for, the binary answers: the subcommands first of all.
        let answers = ask(&home, shell, &["partners", ""]);
        for subcommand in SUBCOMMANDS {
            assert!(
                answers.iter().any(|a| a == subcommand),
                "{shell}: {subcommand} in {answers:?}"
            );
        }
    }
}

#[test]
fn options_and_ids_complete() {
    let home = Home::new();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        assert_eq!(ask(&home, shell, &["partners", "show", "ug"]), vec!["ugap"], "{shell}");
        let options = ask(&home, shell, &["partners", "export", "--"]);
        for option in ["--format", "--starred", "--met", "--noted", "--output"] {
            assert!(options.iter().any(|o| o == option), "{shell}: {option} in {options:?}");
        }
    }
    for command in ["star", "unstar", "met", "note"] {
        assert_eq!(ask(&home, "bash", &["partners", command, "ug"]), vec!["ugap"], "{command}");
    }
}

#[test]
fn ids_of_the_users_own_datasets_complete_too() {
    let home = Home::new();
    let datasets = home.path().join("datasets");
    std::fs::create_dir_all(&datasets).expect("datasets folder");
    std::fs::copy(home.contacts_file(), datasets.join("mine.ron")).expect("copy the dataset");
    assert_eq!(ask(&home, "bash", &["partners", "show", "res"]), vec!["reseau"]);
}

#[test]
fn ids_starting_with_a_prefix() {
    let catalog = bundled();
    let ids = completions::ids_starting_with(&catalog, "bordeaux");
    let just_ids: Vec<&str> = ids.iter().map(|(id, _)| *id).collect();
    assert_eq!(just_ids, vec!["bordeaux", "bordeaux-metropole"]);
    assert_eq!(ids[0].1, "City of Bordeaux");
    assert!(completions::ids_starting_with(&catalog, "zzz").is_empty());
}

/// Sources the bash script `binary` prints, then completes as bash does on Tab after
/// `partners show ug`, then `partners sh`; gives the answers.
fn bash_completes(home: &Home, binary: &std::path::Path) -> Vec<String> {
    let mut print = Process::new(binary);
    print.arg("completions").arg("bash");
    let mut bash = Process::new("bash");
    for command in [&mut print, &mut bash] {
        command.current_dir(home.path());
        for (key, value) in home.cmd().get_envs() {
            match value {
                Some(value) => command.env(key, value),
                None => command.env_remove(key),
            };
        }
    }
    let script = print.output().expect("the script is printed");
    let script_file = home.path().join("partners.bash");
    std::fs::write(&script_file, script.stdout).expect("write the script");
    let program = format!(
        "source '{}'\n\
         COMP_WORDS=(partners show ug); COMP_CWORD=2; COMP_TYPE=9\n\
         _clap_complete_partners partners ug show; printf '%s\\n' \"${{COMPREPLY[@]}}\"\n\
         COMP_WORDS=(partners sh); COMP_CWORD=1\n\
         _clap_complete_partners partners sh partners; printf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        script_file.display()
    );
    let out = bash.arg("--norc").arg("-c").arg(program).output().expect("bash runs");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stdout).lines().map(|line| line.trim().to_owned()).collect()
}

#[test]
fn a_real_bash_completes_through_the_script() {
    let home = Home::new();
    let binary = std::path::Path::new(env!("CARGO_BIN_EXE_partners"));
    assert_eq!(bash_completes(&home, binary), vec!["ugap", "show"]);
}

/// The script calls the binary back by its path, which may hold spaces, quotes or `$( )`:
/// it still completes, and nothing in the path runs.
#[cfg(unix)]
#[test]
fn a_binary_at_an_odd_path_completes_and_runs_nothing() {
    let home = Home::new();
    let planted = home.path().join("planted");
    // Run from the home, where `touch planted` would make it.
    let folder = home.path().join("it's a $(touch planted) `touch planted` dir");
    std::fs::create_dir(&folder).expect("a folder");
    let binary = folder.join("partners");
    // A link, not a copy: a copy just written may still be busy for the kernel (ETXTBSY).
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_partners"), &binary).expect("a link");
    assert_eq!(bash_completes(&home, &binary), vec!["ugap", "show"]);
    assert!(!planted.exists(), "the path ran as a command");
}

#[test]
fn man_prints_a_roff_page() {
    let home = Home::new();
    let page = home.ok(&["man"]);
    // clap_mangen defines the \*(Aq string first, then the title.
    let first_macro = page.lines().find(|l| !l.starts_with(".ie") && !l.starts_with(".el"));
    assert!(first_macro.is_some_and(|l| l.starts_with(".TH partners 1")), "{page}");
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH SUBCOMMANDS"] {
        assert!(page.contains(section), "{section} in {page}");
    }
    assert!(page.contains("completions") && page.contains("\\-\\-plain"), "{page}");
}
