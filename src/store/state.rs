//! What `state.ron` holds and the rules of changing it: [`State`] (marks by partner id and the
//! search history), [`Marks`], the [`Change`]s the user makes and how they apply, with their
//! timestamps. Pure data: no file, no lock, no clock (callers pass the time).

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

use serde::{Deserialize, Serialize};

use crate::i18n::{self, fill};
use crate::search::fold;

/// The format version this build writes; files from a newer one are read but never rewritten.
pub const STATE_VERSION: u32 = 1;
/// How many past queries the history keeps.
pub const HISTORY_LIMIT: usize = 50;

/// What the user recorded about one partner.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Marks {
    /// The partner is in the user's favourites.
    pub starred: bool,
    /// Unix seconds of the last change of `starred`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub starred_at: Option<u64>,
    /// The user ticked that they met this partner.
    pub met: bool,
    /// Unix seconds of the last change of `met`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub met_at: Option<u64>,
    /// Free text, possibly several lines; never blank (a blank note is no note).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Unix seconds of the last change of `note`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note_at: Option<u64>,
    /// The user's own names for the partner, searched like a description: each one line,
    /// trimmed, never blank, no two the same (see [`tidy_alias`] and `same_alias`). Files written
    /// before aliases existed have none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Unix seconds of the last change of `aliases`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aliases_at: Option<u64>,
}

impl Marks {
    /// True when nothing is recorded: such entries are dropped rather than stored.
    pub fn is_empty(&self) -> bool {
        !self.starred && !self.met && self.note.is_none() && self.aliases.is_empty()
    }

    /// Whether `alias` is already one of the user's aliases (see `same_alias`).
    pub fn has_alias(&self, alias: &str) -> bool {
        self.alias_like(alias).is_some()
    }

    /// The user's alias that is `alias` (see `same_alias`), as written.
    pub fn alias_like(&self, alias: &str) -> Option<&str> {
        let key = same_alias(alias);
        self.aliases.iter().find(|a| same_alias(a) == key).map(String::as_str)
    }
}

/// What two aliases that are the same have in common: their words, folded (case, accents,
/// hyphens and punctuation aside), as a search sees them: "Ugap-du-coin" is "ugap du coin".
/// An alias of punctuation only is itself.
fn same_alias(alias: &str) -> String {
    let folded = fold(alias.trim());
    let words: Vec<&str> =
        folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    if words.is_empty() { folded } else { words.join(" ") }
}

/// An alias as it is kept: on one line, runs of spaces and line breaks made one space,
/// trimmed; `None` when nothing is left. Other control characters are kept, as in a note: what
/// shows them on a terminal shows `�` ([`crate::text::clean`]), JSON escapes them.
pub fn tidy_alias(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split(char::is_whitespace).filter(|w| !w.is_empty()).collect();
    // Made only of characters no screen draws (a zero-width space, a byte-order mark), it
    // would be listed as an empty line and never found: blank, as an empty one is.
    let alias = words.join(" ");
    (!crate::text::is_blank(&alias)).then_some(alias)
}

/// Everything in `state.ron`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    /// The format version of the file; see [`STATE_VERSION`].
    pub version: u32,
    /// Marks by partner id, including ids that no loaded dataset has.
    pub marks: BTreeMap<String, Marks>,
    /// Past search queries, newest last, at most [`HISTORY_LIMIT`], no blanks, no repeats in a row.
    pub history: Vec<String>,
}

impl Default for State {
    fn default() -> Self {
        Self { version: STATE_VERSION, marks: BTreeMap::new(), history: Vec::new() }
    }
}

/// One thing the user did that must reach the disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Star or unstar a partner.
    Star { id: String, on: bool },
    /// Tick or untick "met" for a partner.
    Met { id: String, on: bool },
    /// Set a partner's note; `None` or blank text removes it.
    Note { id: String, text: Option<String> },
    /// Set a partner's note as edited from `seen`, the note the editor opened with. Where
    /// another process changed the note meanwhile, neither text is lost (see
    /// [`State::edit_clash`]).
    EditedNote { id: String, text: Option<String>, seen: Option<String> },
    /// Remove some of a partner's aliases, then add others (each tidied; an alias already
    /// there, folded, is not added twice). Given as a difference, so that aliases added
    /// meanwhile by another process are kept.
    Aliases { id: String, add: Vec<String>, remove: Vec<String> },
    /// Remember a search query.
    PushHistory(String),
}

impl State {
    /// True when the state holds nothing worth a file.
    pub fn is_empty(&self) -> bool {
        self.marks.is_empty() && self.history.is_empty()
    }

    /// Applies `change` as of unix time `at`; returns whether anything changed.
    ///
    /// A change that sets what is already there leaves the timestamps alone.
    pub fn apply(&mut self, change: Change, at: u64) -> bool {
        match change {
            Change::Star { id, on } => self
                .edit(id, |marks| set_stamped(&mut marks.starred, &mut marks.starred_at, on, at)),
            Change::Met { id, on } => {
                self.edit(id, |marks| set_stamped(&mut marks.met, &mut marks.met_at, on, at))
            }
            Change::Note { id, text } => {
                let text = text.filter(|text| !crate::text::is_blank(text));
                self.edit(id, |marks| set_stamped(&mut marks.note, &mut marks.note_at, text, at))
            }
            Change::EditedNote { id, text, seen } => {
                let now = self.marks.get(&id).and_then(|m| m.note.as_deref());
                let Some((text, _)) = edited_note(now, text.as_deref(), seen.as_deref()) else {
                    return false;
                };
                self.edit(id, |marks| set_stamped(&mut marks.note, &mut marks.note_at, text, at))
            }
            Change::Aliases { id, add, remove } => {
                self.edit(id, |marks| edit_aliases(marks, &add, &remove, at))
            }
            Change::PushHistory(query) => self.push_history(&query),
        }
    }

    /// Whether `change` clashes with a note changed since its editor opened: the partner's id
    /// and `true` when both texts are kept, `false` when only the other is (the editor's was
    /// cleared).
    pub fn edit_clash<'c>(&self, change: &'c Change) -> Option<(&'c str, bool)> {
        let Change::EditedNote { id, text, seen } = change else { return None };
        let now = self.marks.get(id).and_then(|m| m.note.as_deref());
        let (_, clash) = edited_note(now, text.as_deref(), seen.as_deref())?;
        clash.map(|both| (id.as_str(), both))
    }

    /// Edits the marks of `id`, creating them if needed and dropping them if left empty.
    fn edit(&mut self, id: String, edit: impl FnOnce(&mut Marks) -> bool) -> bool {
        match self.marks.entry(id) {
            Entry::Occupied(mut slot) => {
                let changed = edit(slot.get_mut());
                if slot.get().is_empty() {
                    slot.remove();
                }
                changed
            }
            Entry::Vacant(slot) => {
                let mut marks = Marks::default();
                let changed = edit(&mut marks);
                if !marks.is_empty() {
                    slot.insert(marks);
                }
                changed
            }
        }
    }

    fn push_history(&mut self, query: &str) -> bool {
        let query = query.trim();
        if query.is_empty() || self.history.last().is_some_and(|last| last == query) {
            return false;
        }
        // A query searched again moves to the end rather than appearing twice.
        self.history.retain(|earlier| earlier != query);
        self.history.push(query.to_owned());
        self.trim_history();
        true
    }

    fn trim_history(&mut self) {
        let excess = self.history.len().saturating_sub(HISTORY_LIMIT);
        self.history.drain(..excess);
    }

    /// Brings a state read from disk (perhaps edited by hand) back within the rules.
    fn normalize(&mut self) {
        for marks in self.marks.values_mut() {
            if marks.note.as_ref().is_some_and(|note| crate::text::is_blank(note)) {
                marks.note = None;
            }
            let stamp = marks.aliases_at;
            let aliases = std::mem::take(&mut marks.aliases);
            edit_aliases(marks, &aliases, &[], 0);
            marks.aliases_at = stamp.filter(|_| !marks.aliases.is_empty());
        }
        self.marks.retain(|_, marks| !marks.is_empty());
        self.history.retain(|query| !query.trim().is_empty());
        self.history.dedup();
        self.trim_history();
    }
}

/// Removes the aliases `remove` (see [`same_alias`]), then adds `add` that are new; stamps a
/// real change with `at`. Returns whether anything changed.
fn edit_aliases(marks: &mut Marks, add: &[String], remove: &[String], at: u64) -> bool {
    let before = marks.aliases.clone();
    let gone: Vec<String> =
        remove.iter().filter_map(|r| tidy_alias(r)).map(|r| same_alias(&r)).collect();
    marks.aliases.retain(|a| !gone.contains(&same_alias(a)));
    for alias in add.iter().filter_map(|a| tidy_alias(a)) {
        if !marks.has_alias(&alias) {
            marks.aliases.push(alias);
        }
    }
    let changed = marks.aliases != before;
    if changed {
        marks.aliases_at = Some(at);
    }
    changed
}

/// What saving `text` from an editor opened on `seen` leaves, the note being `now`: `None`
/// when nothing was typed (what is there now stays, even a note deleted meanwhile); else the
/// note to keep, and whether it clashes with a change made since: `Some(true)` when both texts
/// are kept (the editor's first), `Some(false)` when the other's alone is (the editor's was
/// cleared). A blank text is no note.
fn edited_note(
    now: Option<&str>,
    text: Option<&str>,
    seen: Option<&str>,
) -> Option<(Option<String>, Option<bool>)> {
    let text = text.filter(|text| !crate::text::is_blank(text));
    if text == seen {
        return None;
    }
    Some(match now {
        Some(now) if Some(now) != seen && Some(now) != text => match text {
            Some(text) => (Some(format!("{text}\n\n{now}")), Some(true)),
            None => (Some(now.to_owned()), Some(false)),
        },
        _ => (text.map(str::to_owned), None),
    })
}

fn set_stamped<T: PartialEq>(value: &mut T, stamp: &mut Option<u64>, new: T, at: u64) -> bool {
    if *value == new {
        return false;
    }
    *value = new;
    *stamp = Some(at);
    true
}

/// Parses the file's bytes; the error says why in a few words, for the warning.
///
/// A file of this version (or older) that names a field a state has not (`notes:` typed by
/// hand for `note:`) cannot be read: rewriting it would drop that field and what it holds,
/// so it is kept aside like any unreadable file. A newer version's file may have fields of
/// its own: it is read, and never rewritten.
pub(super) fn parse_state(bytes: &[u8]) -> Result<State, String> {
    let said = i18n::cli();
    let text = std::str::from_utf8(bytes).map_err(|error| fill(said.not_utf8, &[&error]))?;
    // A byte-order mark, which some editors write first, is no content (as in datasets).
    let text = crate::dataset::without_bom(text);
    let mut state: State = ron::from_str(text).map_err(|error| {
        let start = error.span.start;
        let why = crate::dataset::syntax_message(&error.code);
        fill(said.not_ron, &[&format!("{}:{}: {why}", start.line, start.col)])
    })?;
    if state.version <= STATE_VERSION {
        match fields(text) {
            Fields::Known | Fields::NoVersion => {}
            Fields::Unknown(reason) => return Err(reason),
        }
    }
    state.normalize();
    Ok(state)
}

/// What [`fields`] found.
enum Fields {
    /// Only the fields of a state file.
    Known,
    /// Only those, but no `version`.
    NoVersion,
    /// A field a state file has not: why, with its line and column.
    Unknown(String),
}

/// Whether `text`, a state file that parses, names only the fields of a state file and of its
/// marks, and has its `version`.
fn fields(text: &str) -> Fields {
    use serde::de::IgnoredAny;
    /// The fields of a state file, whatever they hold.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)] // Read to be checked, never used.
    struct StateFields {
        version: IgnoredAny,
        #[serde(default)]
        #[allow(clippy::zero_sized_map_values)] // Only its fields' names are read.
        marks: BTreeMap<String, MarksFields>,
        #[serde(default)]
        history: IgnoredAny,
    }
    /// The fields of a partner's marks, whatever they hold.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)] // Read to be checked, never used.
    struct MarksFields {
        #[serde(default)]
        starred: IgnoredAny,
        #[serde(default)]
        starred_at: IgnoredAny,
        #[serde(default)]
        met: IgnoredAny,
        #[serde(default)]
        met_at: IgnoredAny,
        #[serde(default)]
        note: IgnoredAny,
        #[serde(default)]
        note_at: IgnoredAny,
        #[serde(default)]
        aliases: IgnoredAny,
        #[serde(default)]
        aliases_at: IgnoredAny,
    }
    match ron::from_str::<StateFields>(text) {
        Ok(_) => Fields::Known,
        Err(error) => match error.code {
            ron::Error::NoSuchStructField { found, .. } => {
                let found = crate::text::truncate(&found, 40);
                let reason = fill(i18n::cli().not_state_field, &[&found]);
                let start = error.span.start;
                Fields::Unknown(format!("{}:{}: {reason}", start.line, start.col))
            }
            ron::Error::MissingStructField { .. } => Fields::NoVersion,
            // The same text parsed as a state: nothing else can be wrong.
            _ => Fields::Known,
        },
    }
}

/// [`parse_state`] for the file a `state.ron` link leads to, which may be anyone's: it must
/// say it is a state file, with a `version` and no field a state has not (a newer version's
/// own fields aside: such a file is only read). An empty file is an empty state, so that a
/// link to a new file in a synced folder starts one.
pub(super) fn parse_linked_state(bytes: &[u8]) -> Result<State, String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(State::default());
    }
    let state = parse_state(bytes)?;
    if state.version > STATE_VERSION {
        return Ok(state);
    }
    let text = String::from_utf8_lossy(bytes);
    match fields(crate::dataset::without_bom(&text)) {
        Fields::Known => Ok(state),
        Fields::NoVersion => Err(i18n::cli().not_state_version.to_owned()),
        Fields::Unknown(reason) => Err(reason),
    }
}

/// The file's text.
pub(super) fn to_ron(state: &State) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new().struct_names(false);
    let mut text = ron::ser::to_string_pretty(state, config)?;
    text.push('\n');
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `fields` names the fields of a state and of its marks again: a field added to them and
    /// not there would have every file that holds it set aside as unreadable.
    #[test]
    fn a_state_with_every_field_written_reads_back() {
        let marks = Marks {
            starred: true,
            starred_at: Some(1),
            met: true,
            met_at: Some(2),
            note: Some("n".into()),
            note_at: Some(3),
            aliases: vec!["a".into()],
            aliases_at: Some(4),
        };
        let state = State {
            marks: BTreeMap::from([("x".to_owned(), marks)]),
            history: vec!["q".into()],
            ..State::default()
        };
        let text = to_ron(&state).expect("written");
        assert!(matches!(fields(&text), Fields::Known), "{text}");
        assert_eq!(parse_state(text.as_bytes()).map(|s| s.marks), Ok(state.marks));
    }

    #[test]
    fn star_and_met_stamp_only_real_changes() {
        let mut state = State::default();
        assert!(state.apply(Change::Star { id: "a".into(), on: true }, 10));
        assert!(!state.apply(Change::Star { id: "a".into(), on: true }, 20));
        assert_eq!(state.marks["a"].starred_at, Some(10));
        assert!(state.apply(Change::Met { id: "a".into(), on: true }, 30));
        assert!(state.apply(Change::Star { id: "a".into(), on: false }, 40));
        assert_eq!(state.marks["a"].starred_at, Some(40));
        assert!(state.apply(Change::Met { id: "a".into(), on: false }, 50));
        assert!(state.marks.is_empty(), "all-empty marks are dropped");
    }

    #[test]
    fn blank_note_is_no_note() {
        let mut state = State::default();
        assert!(!state.apply(Change::Note { id: "a".into(), text: Some(" \n\t".into()) }, 1));
        assert!(state.marks.is_empty());
        let text = Some("  keeps its spaces \n".to_owned());
        assert!(state.apply(Change::Note { id: "a".into(), text: text.clone() }, 2));
        assert_eq!(state.marks["a"].note, text);
        assert!(state.apply(Change::Note { id: "a".into(), text: None }, 3));
        assert!(state.marks.is_empty());
    }

    fn aliases(add: &[&str], remove: &[&str]) -> Change {
        let owned = |list: &[&str]| list.iter().map(|&a| a.to_owned()).collect();
        Change::Aliases { id: "a".into(), add: owned(add), remove: owned(remove) }
    }

    #[test]
    fn aliases_are_tidied_kept_once_and_removed_folded() {
        let mut state = State::default();
        assert!(!state.apply(aliases(&["  ", "\n\t"], &[]), 1), "blank aliases are none");
        assert!(state.marks.is_empty());
        assert!(state.apply(aliases(&["  la  centrale\nd'achat ", "Achat Public"], &[]), 2));
        assert_eq!(state.marks["a"].aliases, ["la centrale d'achat", "Achat Public"]);
        assert_eq!(state.marks["a"].aliases_at, Some(2));
        assert!(!state.apply(aliases(&["LA CENTRALE D'ACHAT", "achat públic"], &[]), 3));
        assert_eq!(state.marks["a"].aliases_at, Some(2), "no change, no new stamp");
        assert!(state.apply(aliases(&["UGAP shorthand"], &["la Centrale  d'Achat"]), 4));
        assert_eq!(state.marks["a"].aliases, ["Achat Public", "UGAP shorthand"]);
        assert!(state.apply(aliases(&[], &["achat public", "ugap shorthand"]), 5));
        // Hyphens and punctuation aside, as a search sees them.
        assert!(state.apply(aliases(&["Ugap-du-coin", "?!"], &[]), 6));
        assert!(!state.apply(aliases(&["ugap du coin"], &["  ", "...", "ugap du"]), 7));
        assert!(state.apply(aliases(&[], &["UGAP du  coin"]), 8));
        assert_eq!(state.marks["a"].aliases, ["?!"]);
        assert!(state.apply(aliases(&[], &["?!"]), 9));
        assert!(state.marks.is_empty(), "marks with nothing left are dropped");
    }

    #[test]
    fn a_byte_order_mark_an_editor_wrote_first_is_no_content() {
        let text = "\u{FEFF}(version: 1, marks: {\"ugap\": (starred: true)}, history: [])";
        let state = parse_state(text.as_bytes()).expect("parses");
        assert!(state.marks.get("ugap").is_some_and(|m| m.starred));
        assert!(parse_state("\u{FEFF}\u{FEFF}()".as_bytes()).is_err(), "one mark only");
    }

    #[test]
    fn hand_edited_aliases_are_tidied_and_old_files_have_none() {
        let text = r#"(marks: {"x": (aliases: [" a ", "A", "", "b"], aliases_at: Some(7)), "y": (aliases: [" "], aliases_at: Some(8)), "z": (met: true)})"#;
        let state = parse_state(text.as_bytes()).expect("parses");
        assert_eq!(state.marks["x"].aliases, ["a", "b"]);
        assert_eq!(state.marks["x"].aliases_at, Some(7));
        assert!(!state.marks.contains_key("y"));
        assert!(state.marks["z"].aliases.is_empty(), "a file from before aliases has none");
        let encoded = to_ron(&state).expect("encodes");
        assert!(!encoded.contains("aliases: []"), "no aliases, no field:\n{encoded}");
        assert_eq!(parse_state(encoded.as_bytes()), Ok(state));
    }

    #[test]
    fn history_rules() {
        let mut state = State::default();
        assert!(!state.apply(Change::PushHistory("   ".into()), 0));
        assert!(state.apply(Change::PushHistory(" ugap ".into()), 0));
        assert!(!state.apply(Change::PushHistory("ugap".into()), 0));
        assert!(state.apply(Change::PushHistory("cnfpt".into()), 0));
        assert!(state.apply(Change::PushHistory("ugap".into()), 0));
        assert_eq!(state.history, ["cnfpt", "ugap"], "no duplicates: ugap moved to the end");
        for n in 0..100 {
            state.apply(Change::PushHistory(format!("q{n}")), 0);
        }
        assert_eq!(state.history.len(), HISTORY_LIMIT);
        assert_eq!(state.history.first().map(String::as_str), Some("q50"));
        assert_eq!(state.history.last().map(String::as_str), Some("q99"));
    }

    #[test]
    fn normalize_cleans_hand_edited_files() {
        let text = r#"(history: ["a", "a", "", "b"], marks: {"x": (), "y": (note: Some("  ")), "z": (met: true)})"#;
        let state = parse_state(text.as_bytes()).expect("parses");
        assert_eq!(state.history, ["a", "b"]);
        assert_eq!(state.marks.keys().collect::<Vec<_>>(), ["z"]);
        assert_eq!(state.version, STATE_VERSION, "a file without version is the current one");
    }

    #[test]
    fn empty_and_truncated_files_are_corrupt() {
        assert!(parse_state(b"").is_err());
        let mut state = State::default();
        state.apply(Change::Note { id: "a".into(), text: Some("hello".into()) }, 1);
        let text = to_ron(&state).expect("encodes");
        assert!(parse_state(&text.as_bytes()[..text.len() / 2]).is_err());
        assert!(parse_state(b"\xff\xfe\x00garbage").is_err());
    }

    proptest! {
        #[test]
        fn any_alias_survives_encoding(alias in any::<String>(), id in any::<String>()) {
            let mut state = State::default();
            state.apply(Change::Aliases { id, add: vec![alias], remove: vec![] }, 1);
            let text = to_ron(&state).expect("encodes");
            prop_assert_eq!(parse_state(text.as_bytes()), Ok(state));
        }

        #[test]
        fn any_note_survives_encoding(note in any::<String>(), id in any::<String>()) {
            let mut state = State::default();
            state.apply(Change::Note { id, text: Some(note) }, 1);
            let text = to_ron(&state).expect("encodes");
            prop_assert_eq!(parse_state(text.as_bytes()), Ok(state));
        }
    }
}
