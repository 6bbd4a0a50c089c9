//! What an edit costs in memory: keys on a long note must not copy the whole note.
//! This binary runs under a counting allocator, which counts this thread's allocations only.

use partners::action::Action;
use partners::editing::{self, Lines};

/// A megabyte-sized note of words, the cursor at its end.
fn long_note() -> (Vec<char>, usize) {
    let text: Vec<char> = "relations avec la mairie de Bordeaux\n".repeat(30_000).chars().collect();
    let cursor = text.len();
    (text, cursor)
}

#[test]
fn killing_a_word_copies_the_word_not_the_note() {
    let word_deletions = [Action::DeleteWord, Action::DeleteWordBack, Action::DeleteWordForward];
    for action in word_deletions.into_iter().chain([Action::DeleteToStart, Action::DeleteToEnd]) {
        let (mut text, mut cursor) = long_note();
        // Inside the last line's words, so that there is a word each way.
        cursor -= 10;
        let mut kill = String::new();
        let info = allocation_counter::measure(|| {
            editing::apply_killing(&mut text, &mut cursor, &action, Lines::Many, &mut kill);
        });
        assert!(!kill.is_empty(), "{action:?} killed nothing");
        assert!(info.bytes_total < 1024, "{action:?} allocated {} bytes", info.bytes_total);
    }
}
