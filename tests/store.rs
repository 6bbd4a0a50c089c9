//! Behaviour of the on-disk store through the library: durability, merging, and recovery.

use std::fs;
use std::path::{Path, PathBuf};
use std::thread;

use partners::store::*;
use partners::time::now;
use tempfile::TempDir;

fn star(id: &str, on: bool) -> Change {
    Change::Star { id: id.into(), on }
}

fn met(id: &str, on: bool) -> Change {
    Change::Met { id: id.into(), on }
}

fn note(id: &str, text: &str) -> Change {
    Change::Note { id: id.into(), text: Some(text.into()) }
}

fn open(dir: &Path) -> Store {
    Store::open(dir).expect("store opens")
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("dir lists")
        .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn corrupt_files(dir: &Path) -> Vec<PathBuf> {
    names(dir)
        .into_iter()
        .filter(|name| name.starts_with("state.ron.corrupt-"))
        .map(|name| dir.join(name))
        .collect()
}

const NOTE: &str = "Met Zoë at the café ☕ — follow up 🚀\nSecond line: naïve façade, Ærø, 東京\n\n  indented\ttab \"quoted\" \\ backslash\r\nend";

#[test]
fn marks_survive_a_reopen() {
    let home = TempDir::new().expect("tempdir");
    let before = now();
    let mut store = open(home.path());
    assert!(store.warnings().is_empty());
    store.apply(star("ugap", true)).expect("star");
    store.apply(met("ugap", true)).expect("met");
    store.apply(note("ugap", NOTE)).expect("note");
    store.apply(met("cnfpt", true)).expect("met");

    let reopened = open(home.path());
    assert_eq!(reopened.state(), store.state());
    let marks = reopened.marks("ugap").expect("ugap marks");
    assert!(marks.starred && marks.met);
    assert_eq!(marks.note.as_deref(), Some(NOTE));
    for stamp in [marks.starred_at, marks.met_at, marks.note_at] {
        assert!(stamp.is_some_and(|at| at >= before && at <= now()), "{stamp:?}");
    }
    assert!(reopened.marks("cnfpt").is_some_and(|m| m.met && !m.starred));
    assert!(reopened.warnings().is_empty());
}

#[test]
fn clearing_a_note_removes_it_and_empty_marks() {
    let home = TempDir::new().expect("tempdir");
    let mut store = open(home.path());
    store.apply(note("a", "to clear")).expect("note");
    store.apply(star("b", true)).expect("star");
    store.apply(note("b", "kept star")).expect("note");

    store.apply(Change::Note { id: "a".into(), text: None }).expect("clear");
    store.apply(Change::Note { id: "b".into(), text: Some("  \n ".into()) }).expect("blank");

    let reopened = open(home.path());
    assert_eq!(reopened.marks("a"), None, "all-empty marks are removed");
    let b = reopened.marks("b").expect("b stays starred");
    assert!(b.starred);
    assert_eq!(b.note, None);
    assert!(b.note_at.is_some(), "clearing is a change with a time");
    // Characters no screen draws are as blank as spaces: no note (the CLI refuses them).
    let mut store = open(home.path());
    store.apply(note("c", "\u{200b}\u{feff} \u{a0}")).expect("invisible");
    assert_eq!(open(home.path()).marks("c"), None, "an invisible note is none");
}

#[test]
fn history_rules_hold_on_disk() {
    let home = TempDir::new().expect("tempdir");
    let mut store = open(home.path());
    for query in ["", "  ", "ugap", "ugap", " ugap ", "cnfpt", "ugap"] {
        store.apply(Change::PushHistory(query.into())).expect("push");
    }
    assert_eq!(
        open(home.path()).state().history,
        ["cnfpt", "ugap"],
        "a repeated query moves to the end"
    );

    for n in 0..60 {
        store.apply(Change::PushHistory(format!("query {n}"))).expect("push");
    }
    let history = open(home.path()).state().history.clone();
    assert_eq!(history.len(), HISTORY_LIMIT);
    assert_eq!(history.first().map(String::as_str), Some("query 10"));
    assert_eq!(history.last().map(String::as_str), Some("query 59"), "newest last");
}

#[test]
fn concurrent_writers_lose_nothing() {
    let home = TempDir::new().expect("tempdir");
    let writers: Vec<_> = (0..8)
        .map(|writer| {
            let dir = home.path().to_path_buf();
            thread::spawn(move || {
                // Each thread has its own Store, so its own lock file description.
                let mut store = Store::open(&dir).expect("store opens");
                for n in 0..25 {
                    let id = format!("w{writer}-n{n}");
                    store.apply(note(&id, &format!("note of {id}"))).expect("apply");
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().expect("writer thread");
    }

    let store = open(home.path());
    assert_eq!(store.state().marks.len(), 200);
    for writer in 0..8 {
        for n in 0..25 {
            let id = format!("w{writer}-n{n}");
            let text = format!("note of {id}");
            assert_eq!(store.marks(&id).and_then(|m| m.note.as_deref()), Some(text.as_str()));
        }
    }
    assert!(store.warnings().is_empty());
    assert_eq!(names(home.path()), ["state.lock", "state.ron"]);
}

#[test]
fn two_stores_merge_instead_of_overwriting() {
    let home = TempDir::new().expect("tempdir");
    let mut first = open(home.path());
    let mut second = open(home.path());
    first.apply(star("x", true)).expect("star");
    second.apply(note("y", "from the second")).expect("note");
    assert!(second.marks("x").is_some_and(|m| m.starred), "apply merges the other's change");

    assert_eq!(first.marks("y"), None);
    assert_eq!(open(home.path()).state(), second.state());
}

fn edited(id: &str, text: Option<&str>, seen: Option<&str>) -> Change {
    Change::EditedNote { id: id.into(), text: text.map(Into::into), seen: seen.map(Into::into) }
}

/// A note edited in the browser while a script wrote the same partner's note: neither text
/// is lost, and the browser is told.
#[test]
fn a_note_changed_while_edited_keeps_both_texts() {
    let home = TempDir::new().expect("tempdir");
    let mut browser = open(home.path());
    let mut script = open(home.path());
    // The editor opened on no note; the script wrote one meanwhile.
    script.apply(note("weka", "From the script")).expect("script");
    assert!(browser.apply(edited("weka", Some("Booth B12"), None)).expect("browser"));
    let kept = open(home.path());
    let text = kept.marks("weka").and_then(|m| m.note.as_deref());
    assert_eq!(text, Some("Booth B12\n\nFrom the script"));
    let told = browser.warnings().last().map(String::as_str);
    assert_eq!(
        told,
        Some(
            "The note on weka was changed elsewhere while you wrote: both texts are kept, yours first"
        )
    );
    // Cleared in the editor while the script rewrote it: the script's text stays.
    script.apply(note("weka", "Rewritten")).expect("script");
    let warned = browser.warnings().len();
    browser.apply(edited("weka", None, Some("Booth B12\n\nFrom the script"))).expect("browser");
    assert_eq!(open(home.path()).marks("weka").and_then(|m| m.note.as_deref()), Some("Rewritten"));
    assert_eq!(browser.warnings().len(), warned + 1, "told again: {:?}", browser.warnings());
    // Edited from the note as it is: replaced, and nothing said.
    browser.apply(edited("weka", Some("Final"), Some("Rewritten"))).expect("browser");
    assert_eq!(open(home.path()).marks("weka").and_then(|m| m.note.as_deref()), Some("Final"));
    // Saved without a change: what the script wrote meanwhile stays as it is, unsaid.
    let warned = browser.warnings().len();
    script.apply(note("weka", "Script again")).expect("script");
    assert!(!browser.apply(edited("weka", Some("Final"), Some("Final"))).expect("browser"));
    assert_eq!(
        open(home.path()).marks("weka").and_then(|m| m.note.as_deref()),
        Some("Script again")
    );
    script.apply(Change::Note { id: "weka".into(), text: None }).expect("deleted");
    assert!(!browser.apply(edited("weka", Some("Final"), Some("Final"))).expect("browser"));
    assert_eq!(open(home.path()).marks("weka"), None, "the deletion stays");
    // The same text written both ways is no clash either.
    script.apply(note("weka", "Same")).expect("script");
    browser.apply(edited("weka", Some("Same"), Some("Final"))).expect("browser");
    assert_eq!(browser.warnings().len(), warned, "{:?}", browser.warnings());
}

/// A browser's store sees what another process wrote since it last looked, once.
#[test]
fn a_store_rereads_what_another_process_changed() {
    let home = TempDir::new().expect("tempdir");
    let mut browser = open(home.path());
    assert!(browser.reread().is_none(), "nothing changed yet");
    let mut script = open(home.path());
    script.apply(star("ugap", true)).expect("script");
    let seen = browser.reread().cloned().expect("the script's star is seen");
    assert!(seen.marks.get("ugap").is_some_and(|m| m.starred));
    assert_eq!(browser.state(), &seen);
    assert!(browser.reread().is_none(), "seen once");
    // Its own change is no news.
    browser.apply(met("ugap", true)).expect("browser");
    assert!(browser.reread().is_none());
    // Rewritten with the same length, at once: still seen, each time.
    for text in ["first note", "other note", "third note"] {
        script.apply(note("ugap", text)).expect("script");
        let seen = browser.reread().cloned().expect("the rewrite is seen");
        assert_eq!(seen.marks.get("ugap").and_then(|m| m.note.as_deref()), Some(text));
    }
    // A corrupt file is left to the next change to deal with.
    fs::write(home.path().join("state.ron"), "(((").expect("corrupt");
    assert!(browser.reread().is_none());
    assert!(browser.marks("ugap").is_some_and(|m| m.met), "memory kept");
}

#[test]
fn home_under_a_regular_file_gives_a_clear_error() {
    let root = TempDir::new().expect("tempdir");
    let file = root.path().join("a-file");
    fs::write(&file, "not a folder").expect("file");
    let home = file.join("home");

    let error = Store::open(&home).expect_err("cannot create a folder under a file");
    let message = error.to_string();
    assert!(matches!(error, StoreError::CreateDir { .. }), "{message}");
    assert!(message.contains(&home.display().to_string()), "{message}");
    assert!(message.contains("--home"), "{message}");
}

#[test]
fn state_path_that_is_a_folder_gives_a_clear_error() {
    let home = TempDir::new().expect("tempdir");
    let state = home.path().join("state.ron");
    fs::create_dir(&state).expect("folder in the way");
    fs::write(state.join("inside"), "x").expect("non-empty");

    let message = Store::open(home.path()).expect_err("a folder is not a state file").to_string();
    assert!(message.contains(&state.display().to_string()), "{message}");
    assert!(message.contains("folder"), "{message}");
    assert!(state.join("inside").exists(), "nothing was moved or deleted");
}

/// `Store::open(home)`, or a panic if it takes 10 s (it would wait forever on a FIFO).
fn open_within_seconds(home: &Path) -> Result<Store, StoreError> {
    let (sender, received) = std::sync::mpsc::channel();
    let home = home.to_path_buf();
    thread::spawn(move || {
        let _ = sender.send(Store::open(&home));
    });
    received.recv_timeout(std::time::Duration::from_secs(10)).expect("opened without waiting")
}

#[cfg(unix)]
#[test]
fn a_state_file_that_never_ends_is_refused_before_it_is_read() {
    let home = TempDir::new().expect("tempdir");
    let state = home.path().join("state.ron");
    // A link to a device that never ends (it filled the memory: 4 GB in 3 s), then a FIFO
    // (opening it waited for a writer forever).
    std::os::unix::fs::symlink("/dev/zero", &state).expect("link");
    let message = open_within_seconds(home.path()).expect_err("not a file").to_string();
    assert!(message.contains("not a regular file"), "{message}");
    assert_eq!(fs::read_link(&state).expect("still a link"), Path::new("/dev/zero"));
    fs::remove_file(&state).expect("unlinked");
    let made = std::process::Command::new("mkfifo").arg(&state).status().expect("mkfifo runs");
    assert!(made.success());
    let message = open_within_seconds(home.path()).expect_err("not a file").to_string();
    assert!(message.contains(&state.display().to_string()), "{message}");
    assert!(message.contains("not a regular file"), "{message}");
    let kind = fs::metadata(&state).expect("still there").file_type();
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(&kind), "left as it was");
}

#[cfg(unix)]
#[test]
fn a_state_file_that_is_a_socket_is_refused_as_not_a_file() {
    let home = TempDir::new().expect("tempdir");
    let state = home.path().join("state.ron");
    let _listening = std::os::unix::net::UnixListener::bind(&state).expect("a socket");
    let message = open_within_seconds(home.path()).expect_err("not a file").to_string();
    assert!(message.contains("not a regular file"), "{message}");
}

#[test]
fn a_state_that_could_not_be_read_back_is_not_written() {
    let home = TempDir::new().expect("tempdir");
    let mut store = open(home.path());
    store.apply(note("ugap", "kept")).expect("a note");
    let error = store.apply(note("ugap", &"a".repeat(65 << 20))).expect_err("past the bound");
    assert!(
        error.to_string().contains("would grow past 64 MiB, so nothing was changed"),
        "{error}"
    );
    assert_eq!(open(home.path()).marks("ugap").and_then(|m| m.note.as_deref()), Some("kept"));
}

#[test]
fn a_state_file_past_the_bound_is_refused_and_left_as_it_is() {
    let home = TempDir::new().expect("tempdir");
    let state = home.path().join("state.ron");
    let file = fs::File::create(&state).expect("file");
    file.set_len(65 << 20).expect("a sparse file of 65 MiB");
    let message = Store::open(home.path()).expect_err("too large").to_string();
    assert!(message.contains("larger than 64 MiB"), "{message}");
    assert_eq!(fs::metadata(&state).expect("still there").len(), 65 << 20);
    assert!(corrupt_files(home.path()).is_empty(), "nothing kept aside");
}

#[cfg(unix)]
#[test]
fn failed_write_reports_the_path_and_changes_nothing() {
    let home = TempDir::new().expect("tempdir");
    let mut store = open(home.path());
    store.apply(star("a", true)).expect("star");
    let kept = home.path().join("kept.ron");
    fs::rename(store.state_path(), &kept).expect("move the file");
    // A link into a folder that does not exist: nothing is written through it (it would
    // fail even for root), and the message names where it leads.
    let nowhere = home.path().join("no-such-folder").join("state.ron");
    std::os::unix::fs::symlink(&nowhere, store.state_path()).expect("link");

    let error = store.apply(star("b", true)).expect_err("write fails");
    let message = error.to_string();
    assert!(matches!(error, StoreError::NotStateLink { .. }), "{message}");
    assert!(message.contains(&nowhere.display().to_string()), "{message}");
    assert!(message.contains("nothing was written"), "{message}");
    assert_eq!(store.marks("b"), None, "memory shows only what is on disk");
    fs::remove_file(store.state_path()).expect("unlink");
    fs::rename(&kept, store.state_path()).expect("move back");
    assert!(open(home.path()).marks("a").is_some(), "the old file is intact");
    assert_eq!(names(home.path()), ["state.lock", "state.ron"], "no temporary file left");
}

#[cfg(unix)]
#[test]
fn a_planted_temp_file_link_is_not_followed() {
    use std::os::unix::fs::symlink;
    let home = TempDir::new().expect("tempdir");
    let outside = TempDir::new().expect("outside");
    let victim = outside.path().join("victim");
    fs::write(&victim, "precious").expect("victim");
    symlink(&victim, home.path().join("state.ron.tmp")).expect("plant a link");
    symlink(outside.path().join("created"), home.path().join(".state.ron.tmp")).expect("plant");

    let mut store = open(home.path());
    store.apply(star("a", true)).expect("star");
    store.apply(note("a", NOTE)).expect("note");

    assert_eq!(fs::read_to_string(&victim).expect("victim"), "precious");
    assert!(!outside.path().join("created").exists());
    let meta = fs::symlink_metadata(store.state_path()).expect("state");
    assert!(meta.file_type().is_file(), "state.ron is a file, not a link");
    assert_eq!(open(home.path()).marks("a").and_then(|m| m.note.as_deref()), Some(NOTE));
}

#[cfg(unix)]
#[test]
fn a_lock_file_link_is_refused_not_followed() {
    let home = TempDir::new().expect("tempdir");
    let outside = TempDir::new().expect("outside");
    let target = outside.path().join("created-by-the-lock");
    let lock = home.path().join("state.lock");
    std::os::unix::fs::symlink(&target, &lock).expect("plant a link");

    let message = Store::open(home.path()).expect_err("refused").to_string();
    assert!(message.contains(&lock.display().to_string()), "{message}");
    assert!(message.contains("symbolic link"), "{message}");
    assert!(!target.exists(), "no file was created at the link's target");
}

#[cfg(unix)]
#[test]
fn a_state_file_link_is_written_through_and_kept() {
    let home = TempDir::new().expect("tempdir");
    let synced = TempDir::new().expect("synced folder");
    let real = synced.path().join("partners-state.ron");
    fs::write(&real, "(version: 1, marks: {\"old\": (starred: true)})").expect("real file");
    let link = home.path().join("state.ron");
    // A relative link, as people make them.
    let relative =
        Path::new("..").join(synced.path().file_name().expect("name")).join("partners-state.ron");
    let link_target =
        if home.path().parent() == synced.path().parent() { relative } else { real.clone() };
    std::os::unix::fs::symlink(&link_target, &link).expect("link");

    let mut store = open(home.path());
    assert!(store.marks("old").is_some_and(|m| m.starred), "read through the link");
    store.apply(star("new", true)).expect("star");

    assert!(fs::symlink_metadata(&link).expect("link").file_type().is_symlink(), "still a link");
    assert_eq!(fs::read_link(&link).expect("link"), link_target);
    let reopened = open(home.path());
    assert!(reopened.marks("new").is_some_and(|m| m.starred));
    assert!(reopened.marks("old").is_some_and(|m| m.starred));
    assert!(fs::read_to_string(&real).expect("real").contains("new"));
    assert_eq!(names(synced.path()), ["partners-state.ron"], "no temporary file left");
    assert_eq!(names(home.path()), ["state.lock", "state.ron"]);

    // A target that is no state file (it may be anything, /etc/passwd) is never moved nor
    // written: what the link leads to may not be ours.
    let garbage = "root:x:0:0:root:/root:/bin/bash\n";
    fs::write(&real, garbage).expect("not a state file");
    let mut store = open(home.path());
    assert_eq!(store.warnings().len(), 1, "{:?}", store.warnings());
    assert!(store.warnings()[0].contains("is a link to"), "{:?}", store.warnings());
    assert!(store.state().marks.is_empty());
    let refused = store.apply(star("new", true)).expect_err("nothing written through the link");
    assert!(refused.to_string().contains("nothing was written there"), "{refused}");
    assert_eq!(fs::read_to_string(&real).expect("untouched"), garbage);
    assert!(fs::symlink_metadata(&link).expect("link").file_type().is_symlink());
    assert_eq!(names(synced.path()), ["partners-state.ron"], "nothing kept aside there");
    assert_eq!(corrupt_files(home.path()), Vec::<PathBuf>::new());

    // RON that is not a state (another program's settings, a dataset) is no state either,
    // though every field of a state may be left out.
    for other in ["(theme: \"dark\", font_size: 14)", "(partners: [])", "(marks: {})"] {
        fs::write(&real, other).expect("another file");
        let mut store = open(home.path());
        assert!(store.warnings()[0].contains("is a link to"), "{other}: {:?}", store.warnings());
        assert!(store.apply(star("new", true)).is_err(), "{other}");
        assert_eq!(fs::read_to_string(&real).expect("untouched"), other);
    }
    // A link to nothing creates nothing; to an empty file, starts a state there.
    fs::remove_file(&real).expect("removed");
    let mut store = open(home.path());
    assert!(store.warnings()[0].contains("create it, empty"), "{:?}", store.warnings());
    assert!(store.apply(star("new", true)).is_err());
    assert!(!real.exists(), "nothing created where the link leads");
    fs::write(&real, "").expect("an empty file");
    let mut store = open(home.path());
    assert!(store.warnings().is_empty(), "{:?}", store.warnings());
    store.apply(star("new", true)).expect("a state begun there");
    assert!(open(home.path()).marks("new").is_some_and(|m| m.starred));
    assert!(fs::symlink_metadata(&link).expect("link").file_type().is_symlink());
}

#[cfg(unix)]
#[test]
fn read_only_folder_is_read_and_refuses_writes_clearly() {
    use std::os::unix::fs::PermissionsExt;

    let root = TempDir::new().expect("tempdir");
    let home = root.path().join("home");
    open(&home).apply(star("a", true)).expect("star");
    fs::remove_file(home.join("state.lock")).expect("no lock file yet");
    fs::set_permissions(&home, fs::Permissions::from_mode(0o555)).expect("chmod");
    // Root ignores permissions; tests/cli.rs runs the binary as another user for this case.
    let writable = fs::write(home.join("probe"), "").is_ok();
    if !writable {
        let mut store = open(&home);
        assert!(store.marks("a").is_some_and(|m| m.starred), "read without a lock file");
        let message = store.apply(star("b", true)).expect_err("read-only").to_string();
        assert!(message.contains(&home.display().to_string()), "{message}");
        assert!(message.contains("permission denied"), "{message}");
        assert!(message.contains("--home DIR / PARTNERS_HOME"), "{message}");
    }
    fs::set_permissions(&home, fs::Permissions::from_mode(0o755)).expect("chmod back");
}

#[test]
fn no_temp_file_remains_after_writes() {
    let home = TempDir::new().expect("tempdir");
    let mut store = open(home.path());
    for n in 0..5 {
        store.apply(note(&format!("p{n}"), "text")).expect("note");
        store.apply(Change::PushHistory(format!("q{n}"))).expect("push");
        assert_eq!(names(home.path()), ["state.lock", "state.ron"]);
    }
}

#[test]
fn flag_home_wins_and_datasets_live_under_home() {
    let home = Path::new("/somewhere/partners");
    assert_eq!(Store::resolve_home(Some(home)).expect("flag"), home);
    assert_eq!(datasets_dir(home), home.join("datasets"));
    let dir = TempDir::new().expect("tempdir");
    assert_eq!(open(dir.path()).state_path(), dir.path().join("state.ron"));
}

static TOLD: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn told(_: &Path) {
    TOLD.store(true, std::sync::atomic::Ordering::SeqCst);
}

/// A `state.lock` another process holds (a stopped process, a stale lock on a synced folder)
/// hangs nothing: the store opens and reads, a change waits as long as it was told and then
/// fails saying why, and whoever waits is told once it starts waiting.
#[test]
fn a_lock_held_elsewhere_is_waited_for_then_said() {
    let home = TempDir::new().expect("tempdir");
    open(home.path()).apply(star("a", true)).expect("star");
    let holder = fs::File::create(home.path().join("state.lock")).expect("lock file");
    holder.lock().expect("held");

    let mut store = open(home.path());
    assert!(store.marks("a").is_some_and(|m| m.starred), "read while the lock is held");
    store.set_lock_wait(std::time::Duration::ZERO, None);
    let error = store.apply(star("b", true)).expect_err("the lock is held");
    assert!(matches!(error, StoreError::LockHeld { .. }), "{error:?}");
    let said = error.to_string();
    assert!(said.contains("state.lock is locked by another process; try again"), "{said}");
    assert!(store.marks("b").is_none(), "nothing changed in memory");

    // A moment is said as no wait, and not said while waiting.
    store.set_lock_wait(std::time::Duration::from_millis(200), Some(told));
    let error = store.apply(star("b", true)).expect_err("the lock is held");
    assert!(error.to_string().contains("try again in a moment"), "{error}");
    assert!(!TOLD.load(std::sync::atomic::Ordering::SeqCst), "a moment's wait is not said");
    store.set_lock_wait(std::time::Duration::from_millis(1100), Some(told));
    let error = store.apply(star("b", true)).expect_err("the lock is held");
    assert!(error.to_string().contains("nothing was changed"), "{error}");
    assert!(TOLD.load(std::sync::atomic::Ordering::SeqCst), "the wait was said");

    drop(holder);
    store.apply(star("b", true)).expect("the lock is free again");
    assert!(open(home.path()).marks("b").is_some_and(|m| m.starred));
}

/// A corrupt state file found while another process holds `state.lock` is left for the next
/// change to keep aside, and the warning says the lock is why, not a read-only folder.
#[test]
fn a_corrupt_file_under_a_lock_held_elsewhere_is_said_so() {
    let home = TempDir::new().expect("tempdir");
    fs::write(home.path().join("state.ron"), "not ron at all (").expect("corrupt");
    let holder = fs::File::create(home.path().join("state.lock")).expect("lock file");
    holder.lock().expect("held");
    let store = open(home.path());
    let said = store.warnings().join("\n");
    assert!(said.contains("another process holds"), "{said}");
    assert!(said.contains("state.lock"), "{said}");
    assert!(!said.contains("read-only"), "{said}");
    assert!(corrupt_files(home.path()).is_empty(), "left as it is");
    drop(holder);
    let mut store = open(home.path());
    assert_eq!(corrupt_files(home.path()).len(), 1, "kept aside once the lock is free");
    store.apply(star("a", true)).expect("star");
}

// Files that cannot be read as they are: kept aside, never replaced, written back.
#[path = "store/recovery.rs"]
mod recovery;
