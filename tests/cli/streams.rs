//! What the command line reads and writes that is no plain file: endless streams and devices,
//! pipes, the datasets folder's odd entries, `export -o` into pipes, folders and the store's
//! own files, NUL bytes.

use super::*;

/// A pipe of text that never ends and is no dataset (`--data <(yes)`) is refused at its first
/// syntax error, not read up to the 4 GiB bound; so is it by `validate`.
#[cfg(unix)]
#[test]
fn an_endless_text_stream_is_refused_at_its_first_error() {
    use std::io::Write as _;
    let home = Home::new();
    let fifo = home.path().join("endless.ron");
    common::mkfifo(&fifo);
    let fifo = fifo.to_str().expect("utf-8").to_owned();
    for args in [vec!["--data", &fifo, "search", "x"], vec!["validate", &fifo]] {
        let writer = {
            let fifo = fifo.clone();
            // Writes until the reader goes: a failed write (EPIPE) ends it.
            std::thread::spawn(move || {
                let mut out = std::fs::OpenOptions::new().write(true).open(&fifo).expect("opened");
                let line = b"y\n".repeat(1 << 15);
                while out.write_all(&line).is_ok() {}
            })
        };
        let start = std::time::Instant::now();
        let out = home.run(&args);
        // Had partners not opened the FIFO, the writer would wait to open it for ever.
        while !writer.is_finished() {
            use std::os::unix::fs::OpenOptionsExt as _;
            let mut reader = std::fs::OpenOptions::new();
            let _ = reader.read(true).custom_flags(libc::O_NONBLOCK).open(&fifo);
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        writer.join().expect("the writer ends");
        let said = format!("{fifo}:1:1: `y` is not expected here: a dataset is written");
        let shown = if args[0] == "validate" { text(&out.stdout) } else { text(&out.stderr) };
        assert!(shown.contains(&said), "{args:?}: {shown}");
        assert_ne!(out.status.code(), Some(0), "{args:?}");
        // Generous: reading to the bound takes a minute on a slow machine.
        assert!(start.elapsed().as_secs() < 20, "{args:?} took {:?}", start.elapsed());
    }
}

/// `/dev/zero`, `/dev/urandom` or a link to them never end: each is refused at once, from the
/// first bytes read, in the user's language, and a file larger than a dataset may be is
/// refused before it is read.
#[cfg(unix)]
#[test]
fn endless_or_oversized_data_is_refused_at_once() {
    let home = Home::new();
    let link = home.path().join("zero.ron");
    std::os::unix::fs::symlink("/dev/zero", &link).expect("a link");
    let huge = home.path().join("huge.ron");
    let file = std::fs::File::create(&huge).expect("created");
    // Sparse: five GiB said, nothing written.
    file.set_len(5 << 30).expect("a size");
    let (link, huge) = (link.to_str().expect("utf-8"), huge.to_str().expect("utf-8"));
    for (lang, nul, not_text, large) in [
        ("en", ":1:1: a NUL byte: this is not a text file", "not UTF-8 text", "larger than 4 GiB"),
        (
            "fr",
            ":1:1: un octet NUL\u{a0}: ce n'est pas un fichier texte",
            "pas du texte UTF-8",
            "plus de 4 Gio",
        ),
    ] {
        for (data, said) in
            [("/dev/zero", nul), (link, nul), ("/dev/urandom", not_text), (huge, large)]
        {
            let start = std::time::Instant::now();
            let out = home.run(&["--lang", lang, "--data", data, "search", "x"]);
            assert_eq!(out.status.code(), Some(2), "{data}");
            let err = text(&out.stderr);
            // Random bytes may hold a NUL before the first that is not UTF-8: refused either way.
            let nul_first = data == "/dev/urandom" && err.contains(&nul[5..]);
            assert!(err.contains(said) || nul_first, "{lang} {data}: {err}");
            assert!(start.elapsed().as_secs() < 20, "{data} took {:?}", start.elapsed());
        }
    }
}

/// In the datasets folder, only regular files are read (a link to one too): a pipe nobody
/// writes to, or a link to `/dev/zero`, is passed over, never waited on; it, a folder, a link
/// to nothing and a loop of links are each said skipped, with why.
#[cfg(unix)]
#[test]
fn the_datasets_folder_reads_regular_files_only() {
    use std::os::unix::fs::symlink;
    let home = Home::new();
    let datasets = home.path().join("datasets");
    std::fs::create_dir_all(datasets.join("folder.ron")).expect("a folder");
    symlink("/dev/zero", datasets.join("zero.ron")).expect("a link");
    symlink("/dev/zero", datasets.join("glossary.ron")).expect("a link");
    symlink(datasets.join("gone.ron"), datasets.join("nowhere.ron")).expect("a link");
    symlink("loop.ron", datasets.join("loop.ron")).expect("a link");
    let real = home.file("real.txt", r#"(partners: [(id: "linked", name: "Linked Network", kind: Media, scope: Local, description: "L.")])"#);
    symlink(&real, datasets.join("linked.ron")).expect("a link");
    common::mkfifo(&datasets.join("pipe.ron"));
    let out = home.run(&["search", "ugap"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("ugap\t"), "{}", text(&out.stdout));
    let why = [
        ("folder.ron", "it is a folder, not a file", "c'est un dossier, pas un fichier"),
        ("zero.ron", "not a regular file but a pipe", "pas un fichier ordinaire mais un tube"),
        ("glossary.ron", "not a regular file but a pipe", "pas un fichier ordinaire mais un tube"),
        ("pipe.ron", "not a regular file but a pipe", "pas un fichier ordinaire mais un tube"),
        ("nowhere.ron", "a symbolic link to nothing", "un lien symbolique vers rien"),
        ("loop.ron", "a loop of symbolic links", "une boucle de liens symboliques"),
    ];
    let (err, french) = (text(&out.stderr), text(&home.run(&["--lang", "fr", "list"]).stderr));
    for (name, en, fr) in why {
        let said = |all: &str| all.lines().find(|l| l.contains(name)).unwrap_or("").to_owned();
        let (english, in_french) = (said(&err), said(&french));
        assert!(english.contains(&datasets.join(name).display().to_string()), "{name}: {err}");
        assert!(english.starts_with("warning") && english.contains(en), "{name}: {err}");
        assert!(in_french.starts_with("attention") && in_french.contains(fr), "{name}: {french}");
    }
    // A link to a regular file is read, as it always was.
    let found = home.ok(&["search", "linked network"]);
    assert!(found.starts_with("linked\t"), "{found}");
}

/// `validate` checks a file of the datasets folder as the browser loads it: one that is no
/// regular file there (a FIFO, a link to `/dev/zero`, a folder) is refused as the browser
/// skips it, exit 2, never waited on nor read as `--data` reads a pipe.
#[cfg(unix)]
#[test]
fn validate_refuses_what_the_datasets_folder_holds_that_is_no_file() {
    use std::os::unix::fs::symlink;
    let home = Home::new();
    let datasets = home.path().join("datasets");
    std::fs::create_dir_all(datasets.join("folder.ron")).expect("a folder");
    symlink("/dev/zero", datasets.join("zero.ron")).expect("a link");
    common::mkfifo(&datasets.join("pipe.ron"));
    for (name, why) in [
        ("pipe.ron", "not a regular file but a pipe"),
        ("zero.ron", "not a regular file but a pipe"),
        ("folder.ron", "it is a folder, not a file"),
    ] {
        let file = datasets.join(name);
        // A guard only: a FIFO waited on would never end.
        let mut command = home.cmd();
        command.args(["validate", file.to_str().expect("utf-8")]);
        let out = command.timeout(std::time::Duration::from_secs(60)).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{name}: {}", text(&out.stderr));
        let said = text(&out.stdout);
        assert!(said.contains(&file.display().to_string()) && said.contains(why), "{name}: {said}");
    }
}

/// `export -o` writes into a pipe a reader waits on (or `/dev/stdout`), as a shell would;
/// it never replaces it with a plain file.
#[cfg(unix)]
#[test]
fn export_writes_into_a_pipe_and_leaves_it_one() {
    use std::os::unix::fs::FileTypeExt;
    let home = Home::new();
    let fifo = home.path().join("out.csv");
    common::mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).expect("read the pipe"))
    };
    let out = home.run(&["export", "-o", fifo.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let got = reader.join().expect("the reader");
    assert!(got.contains("ugap,UGAP"), "{got}");
    assert!(std::fs::metadata(&fifo).expect("still there").file_type().is_fifo());
    let out = home.run(&["export", "-o", "/dev/stdout"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("ugap,UGAP"));
    // Standard output appended to a file: the file keeps what it held.
    let log = home.path().join("log.csv");
    std::fs::write(&log, "kept\n").expect("written");
    let appended = std::fs::OpenOptions::new().append(true).open(&log).expect("opened");
    let status = std::process::Command::new(assert_cmd::cargo::cargo_bin("partners"))
        .arg("--home")
        .arg(home.path())
        .args(["export", "-o", "/dev/stdout"])
        .stdout(appended)
        .status()
        .expect("run");
    assert_eq!(status.code(), Some(0));
    let held = std::fs::read_to_string(&log).expect("read");
    assert!(held.starts_with("kept\n") && held.contains("ugap,UGAP"), "{held}");
}

/// A folder named for the output is said to be one, and left as it was.
#[test]
fn export_into_a_folder_says_it_is_one() {
    let home = Home::new();
    let folder = home.path().join("out");
    std::fs::create_dir(&folder).expect("a folder");
    let named = format!("{}/", folder.display());
    let out = home.run(&["export", "-o", &named]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("it is a folder, not a file"), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_dir(&folder).expect("still a folder").count(), 0);
}

/// `export -o` never replaces the store's own files, however they are named: the user's
/// marks and notes would be lost, or the lock that keeps two processes apart.
#[test]
fn export_never_replaces_the_state_or_its_lock() {
    let home = Home::new();
    home.ok(&["star", "ugap"]);
    let state = home.path().join("state.ron");
    let before = std::fs::read(&state).expect("the state file");
    let kept = home.path().join("state.ron.corrupt-20260101T000000Z");
    std::fs::write(&kept, "kept aside").expect("written");
    let relative = home.path().join("datasets/../state.ron");
    std::fs::create_dir_all(home.path().join("datasets")).expect("a folder");
    let mut targets = vec![state.clone(), home.path().join("state.lock"), kept.clone(), relative];
    #[cfg(unix)]
    {
        let link = home.path().join("out.csv");
        std::os::unix::fs::symlink(&state, &link).expect("a link");
        targets.push(link);
    }
    for target in &targets {
        for lang in ["en", "fr"] {
            let out = home.run(&["--lang", lang, "export", "-o", target.to_str().expect("utf-8")]);
            assert_eq!(out.status.code(), Some(2), "{target:?}");
            let said = text(&out.stderr);
            let why = if lang == "en" { "own state file" } else { "fichier d'état" };
            assert!(said.contains(why), "{said}");
        }
    }
    assert_eq!(std::fs::read(&state).expect("the state file"), before);
    assert_eq!(std::fs::read_to_string(&kept).expect("kept"), "kept aside");
    assert!(home.ok(&["list", "--starred"]).contains("ugap"));
    // Their names in other cases too (a file system may ignore case: STATE.LOCK is the lock
    // there); any other name beside them is fine.
    for (name, code) in [("STATE.LOCK", 2), ("State.Ron.Corrupt-x", 2), ("state.csv", 0)] {
        let out = home.run(&["export", "-o", home.path().join(name).to_str().expect("utf-8")]);
        assert_eq!(out.status.code(), Some(code), "{name}: {}", text(&out.stderr));
    }
}

/// A pipe is read to its end, as any file: `--data <(curl …)` works, and `--data -` (or
/// `/dev/stdin`) reads standard input.
#[cfg(unix)]
#[test]
fn a_dataset_read_from_a_pipe_is_searched() {
    let home = Home::new();
    for stdin in ["/dev/stdin", "-"] {
        let out = home
            .cmd()
            .args(["--data", stdin, "search", "ugap"])
            .write_stdin(std::fs::read("assets/partners.ron").expect("the bundled dataset"))
            .output()
            .expect("run");
        let first = text(&out.stdout).lines().next().map(str::to_owned);
        assert_eq!(first.as_deref(), Some("ugap\tUGAP\tUGAP\tpublic-body"), "{stdin}: {out:?}");
    }
    let out = home
        .cmd()
        .args(["--data", "/dev/stdin", "search", "ugap"])
        .write_stdin(b"(partners: [\n  (id: \"a\0\", name: \"A\")])".to_vec())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("/dev/stdin:2:10: a NUL byte"), "{}", text(&out.stderr));
}

/// `validate -` checks standard input, as `--data -` reads it (`curl … | partners validate -`),
/// not a file named `-`; its problems are placed in it as in a file.
#[cfg(unix)]
#[test]
fn validate_dash_checks_standard_input() {
    let home = Home::new();
    let validate = |source: &str| {
        let out = home.cmd().args(["validate", "-"]).write_stdin(source).output().expect("run");
        (out.status.code(), text(&out.stdout))
    };
    let (code, said) = validate(GOOD);
    assert_eq!(code, Some(0), "{said}");
    assert!(said.starts_with("/dev/stdin: ok, "), "{said}");
    let (code, said) = validate("(partners: [\n  (id: \"Bad Id\")])");
    assert_eq!(code, Some(1), "{said}");
    assert!(said.starts_with("/dev/stdin:2:"), "{said}");
}

/// ron would take a NUL in a comment, but no dataset holds one: a file is refused for it,
/// whether it comes as a file or through a pipe, where reading stops at it.
#[cfg(unix)]
#[test]
fn a_nul_is_refused_in_a_file_as_in_a_pipe() {
    let home = Home::new();
    let source = "(partners: [\n  // a\0b\n  (id: \"a\", name: \"A\", kind: Media, scope: National, \
                  description: \"d.\"),\n])";
    let path = home.path().join("nul.ron");
    std::fs::write(&path, source).expect("written");
    let path = path.to_str().expect("utf-8");
    let said_in = |said: &str| {
        assert!(said.contains(":2:7: a NUL byte: this is not a text file"), "{said}");
        assert!(said.contains("fix: a dataset is UTF-8 text"), "{said}");
    };
    let said = |out: Output| {
        assert_eq!(out.status.code(), Some(2));
        said_in(&text(&out.stderr));
    };
    said(home.run(&["--data", path, "search", "a"]));
    // `validate` says it on standard output, and exits 1 for a file that is not valid.
    let out = home.run(&["validate", path]);
    assert_eq!(out.status.code(), Some(1));
    said_in(&text(&out.stdout));
    said(
        home.cmd()
            .args(["--data", "/dev/stdin", "list"])
            .write_stdin(source)
            .output()
            .expect("run"),
    );
}

/// Standard input given twice (`--data - --data -`, `validate - -`, `-` and `/dev/stdin`) is
/// refused at once, saying so: its second reading found it ended, and was said to be a file
/// with a syntax error at 1:1.
#[cfg(unix)]
#[test]
fn standard_input_given_twice_is_refused_as_such() {
    let home = Home::new();
    for (lang, args, said) in [
        ("en", &["--data", "-", "--data", "-", "list"][..], "standard input (-) is given twice"),
        (
            "en",
            &["--data", "-", "--data", "/dev/stdin", "list"],
            "standard input (-) is given twice",
        ),
        ("en", &["validate", "-", "-"], "standard input (-) is given twice"),
        ("fr", &["validate", "-", "-"], "l'entrée standard (-) est donnée deux fois"),
        // Named otherwise, or read by the command too (reviewer X).
        (
            "en",
            &["--data", "-", "--data", "/dev/fd/0", "list"],
            "standard input (-) is given twice",
        ),
        ("en", &["--data", "-", "note", "ugap", "-"], "standard input (-) is given twice"),
    ] {
        let out = home
            .cmd()
            .args(["--lang", lang])
            .args(args)
            .write_stdin(std::fs::read("assets/partners.ron").expect("the bundled dataset"))
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}: {}", text(&out.stdout));
        let err = text(&out.stderr).replace('\u{a0}', " ");
        assert!(err.starts_with(&format!("partners: {said}")), "{args:?}: {err}");
    }
    // Once is fine: the dataset from standard input, the note from the words.
    let out = home
        .cmd()
        .args(["--data", "-", "note", "ugap", "met", "at", "the", "fair"])
        .write_stdin(std::fs::read("assets/partners.ron").expect("the bundled dataset"))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}
