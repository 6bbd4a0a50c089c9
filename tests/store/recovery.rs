//! Recovery: a corrupt, truncated or hand-mistyped state file is kept aside intact and never
//! replaces another; an empty one is a new state; a vanished one is written back from memory;
//! unknown ids and a newer format are kept as they are.

use super::*;

#[test]
fn corrupt_file_is_kept_aside_intact() {
    let home = TempDir::new().expect("tempdir");
    let garbage: &[u8] = b"\x00\xffnot ron at all (((\xfe\n";
    fs::write(home.path().join("state.ron"), garbage).expect("write garbage");

    let mut store = open(home.path());
    assert!(store.state().marks.is_empty());
    let kept = corrupt_files(home.path());
    assert_eq!(kept.len(), 1);
    assert_eq!(fs::read(&kept[0]).expect("kept file"), garbage);
    let suffix =
        kept[0].file_name().expect("name").to_string_lossy().replace("state.ron.corrupt-", "");
    assert_eq!(suffix.len(), "20261125T232501Z".len(), "{suffix}");
    assert!(suffix.ends_with('Z') && suffix.as_bytes()[8] == b'T', "{suffix}");

    assert_eq!(store.warnings().len(), 1);
    let kept_path = kept[0].display().to_string();
    assert!(store.warnings()[0].contains(&kept_path), "{:?}", store.warnings());

    store.apply(star("ugap", true)).expect("store works after");
    assert!(open(home.path()).marks("ugap").is_some_and(|m| m.starred));
    assert_eq!(fs::read(&kept[0]).expect("kept file"), garbage, "never overwritten");
}

#[test]
fn truncated_file_is_corrupt_and_kept() {
    let home = TempDir::new().expect("tempdir");
    let mut store = open(home.path());
    store.apply(note("a", NOTE)).expect("note");
    store.apply(star("b", true)).expect("star");
    drop(store);
    let path = home.path().join("state.ron");
    let whole = fs::read(&path).expect("state");
    let half = &whole[..whole.len() / 2];
    fs::write(&path, half).expect("truncate");

    let store = open(home.path());
    assert!(store.state().marks.is_empty());
    let kept = corrupt_files(home.path());
    assert_eq!(kept.len(), 1);
    assert_eq!(fs::read(&kept[0]).expect("kept"), half);
    assert!(!path.exists(), "the unreadable file was moved, not copied");
}

/// A field a state file has not, typed by hand (`notes:` for `note:`), would be dropped by
/// the next write, and what it holds with it: the file is kept aside, said with its place.
#[test]
fn a_file_with_a_field_a_state_has_not_is_kept_aside_not_rewritten() {
    for typed in [
        r#"(version: 1, marks: {"ugap": (starred: true, notes: "call Marie")})"#,
        r#"(version: 1, marks: {"ugap": (starred: true)}, favourites: ["cnfpt"])"#,
    ] {
        let home = TempDir::new().expect("tempdir");
        let path = home.path().join("state.ron");
        fs::write(&path, typed).expect("hand-written file");
        let mut store = open(home.path());
        let said = store.warnings().join("\n");
        assert!(said.contains("which a state file does not"), "{said}");
        assert!(said.contains("1:"), "the place is said: {said}");
        store.apply(star("cnfpt", true)).expect("star");
        let kept = corrupt_files(home.path());
        assert_eq!(kept.len(), 1, "{typed}");
        assert_eq!(fs::read_to_string(&kept[0]).expect("kept"), typed, "kept whole");
    }
}

/// An empty file (`: > state.ron`, a sync's placeholder) is a new state, as through a link:
/// nothing is kept aside and no warning alarms the user; what a store holds survives it.
#[test]
fn an_empty_file_is_a_new_state_not_a_corrupt_one() {
    let home = TempDir::new().expect("tempdir");
    let path = home.path().join("state.ron");
    fs::write(&path, "").expect("empty");
    let mut store = open(home.path());
    assert!(store.warnings().is_empty(), "{:?}", store.warnings());
    assert!(corrupt_files(home.path()).is_empty());
    store.apply(star("a", true)).expect("star");
    // Emptied under a store that holds marks: they are kept, and it is said.
    fs::write(&path, "\n").expect("empty");
    store.apply(star("b", true)).expect("star");
    assert!(corrupt_files(home.path()).is_empty());
    let reopened = open(home.path());
    assert!(reopened.marks("a").is_some_and(|m| m.starred), "{:?}", reopened.state());
    assert!(reopened.marks("b").is_some_and(|m| m.starred));
    assert!(!store.warnings().is_empty(), "the emptied file is said");
}

#[test]
fn corrupt_files_never_replace_each_other() {
    let home = TempDir::new().expect("tempdir");
    let path = home.path().join("state.ron");
    for garbage in ["first ((", "second ((", "third (("] {
        fs::write(&path, garbage).expect("garbage");
        open(home.path());
    }
    let mut kept: Vec<String> = corrupt_files(home.path())
        .iter()
        .map(|file| fs::read_to_string(file).expect("kept"))
        .collect();
    kept.sort();
    assert_eq!(kept, ["first ((", "second ((", "third (("]);
}

#[test]
fn corrupt_file_found_on_apply_is_kept_and_memory_wins() {
    let home = TempDir::new().expect("tempdir");
    let mut store = open(home.path());
    store.apply(star("a", true)).expect("star");
    let path = store.state_path();
    fs::write(&path, "garbage ((").expect("corrupt");

    store.apply(star("b", true)).expect("apply after corruption");
    let kept = corrupt_files(home.path());
    assert_eq!(kept.len(), 1);
    assert_eq!(fs::read_to_string(&kept[0]).expect("kept"), "garbage ((");
    assert!(store.warnings().iter().any(|w| w.contains(&kept[0].display().to_string())));

    let reopened = open(home.path());
    assert!(reopened.marks("a").is_some_and(|m| m.starred), "memory was written back");
    assert!(reopened.marks("b").is_some_and(|m| m.starred));
}

#[test]
fn vanished_file_is_written_back_from_memory() {
    let home = TempDir::new().expect("tempdir");
    let mut store = open(home.path());
    store.apply(note("a", "keep me")).expect("note");
    fs::remove_file(store.state_path()).expect("remove");

    store.apply(star("a", true)).expect("star");
    let reopened = open(home.path());
    let marks = reopened.marks("a").expect("written back");
    assert!(marks.starred);
    assert_eq!(marks.note.as_deref(), Some("keep me"));
}

#[test]
fn unknown_ids_and_partial_files_are_kept() {
    let home = TempDir::new().expect("tempdir");
    let old = r#"(
        marks: {
            "gone-from-dataset": (note: Some("still mine")),
            "another-unknown": (starred: true),
        },
    )"#;
    fs::write(home.path().join("state.ron"), old).expect("write old file");

    let mut store = open(home.path());
    assert!(store.warnings().is_empty(), "{:?}", store.warnings());
    store.apply(met("known", true)).expect("met");

    let reopened = open(home.path());
    let ids: Vec<&str> = reopened.state().marks.keys().map(String::as_str).collect();
    assert_eq!(ids, ["another-unknown", "gone-from-dataset", "known"]);
    assert_eq!(
        reopened.marks("gone-from-dataset").and_then(|m| m.note.as_deref()),
        Some("still mine")
    );
    assert_eq!(reopened.state().version, STATE_VERSION);
}

#[test]
fn newer_format_is_read_but_not_rewritten() {
    let home = TempDir::new().expect("tempdir");
    let newer = "(version: 99, marks: {\"a\": (starred: true)}, future_field: 1)";
    let path = home.path().join("state.ron");
    fs::write(&path, newer).expect("write");

    let mut store = open(home.path());
    assert!(store.marks("a").is_some_and(|m| m.starred));
    assert_eq!(store.warnings().len(), 1);
    let error = store.apply(star("b", true)).expect_err("refuses to rewrite");
    assert!(matches!(error, StoreError::NewerVersion { found: 99, .. }), "{error}");
    assert_eq!(fs::read_to_string(&path).expect("file"), newer, "untouched");
}

/// Text that could not be saved is kept in a new file beside `state.ron`, never over another
/// one, readable by the user only, needing no lock; an export can never write over it.
#[test]
fn unsaved_text_is_kept_in_new_files_never_over_another() {
    let home = TempDir::new().expect("tempdir");
    let store = open(home.path());
    let lock = fs::File::create(home.path().join("state.lock")).expect("the lock file");
    lock.lock().expect("held elsewhere");
    let first = store.keep_unsaved("note-ugap", NOTE).expect("kept");
    let second = store.keep_unsaved("note-ugap", "other").expect("kept too");
    assert_ne!(first, second);
    assert_eq!(fs::read_to_string(&first).expect("first"), NOTE, "never overwritten");
    assert_eq!(fs::read_to_string(&second).expect("second"), "other");
    assert_eq!(first.parent(), Some(home.path()));
    let name = first.file_name().expect("a name").to_string_lossy().into_owned();
    assert!(name.starts_with("state.ron.unsaved-note-ugap-"), "{name}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = fs::metadata(&first).expect("kept").permissions().mode();
        assert_eq!(mode & 0o077, 0, "readable by the user only: {mode:o}");
    }
    assert!(partners::store::is_own_file(home.path(), &first));
    assert_eq!(names(home.path()).len(), 3, "no temporary file left: {:?}", names(home.path()));
}
