//! Placing the rules a partner breaks in the source text: each problem at its own string,
//! looked for in that partner's text only, in the order of the file.

use std::collections::HashSet;

use super::{Problem, SourceFinder};
use crate::dataset::{DatasetError, Partner, Relation};
use crate::i18n::{self, fill};

/// Where `relation`, written again as the relation that starts at `again`, is: its other end,
/// after its key.
fn written_again(finder: &SourceFinder<'_>, relation: &Relation, again: usize) -> usize {
    let (key, end) = match (&relation.target, &relation.name) {
        (Some(target), _) => ("target", target.as_str()),
        (None, name) => ("name", name.as_deref().unwrap_or_default()),
    };
    finder.locate_string(end, finder.locate_field(key, again + 1))
}

/// Each problem as a [`DatasetError::Invalid`] with its place in the source, in file order.
/// `bad` holds the positions of the partners with problems, in increasing order.
pub(super) fn locate(
    partners: &[Partner],
    bad: Vec<(usize, Vec<Problem<'_>>)>,
    finder: &SourceFinder<'_>,
) -> Vec<DatasetError> {
    let mut errors = Vec::new();
    let mut bad = bad.into_iter().peekable();
    // Where each partner up to the last bad one starts: a duplicate names its first's line.
    let mut starts = Vec::new();
    let mut cursor = 0;
    // Where the next partner's id was found, when a bad partner looked for it.
    let mut ahead: Option<Option<usize>> = None;
    for (i, partner) in partners.iter().enumerate() {
        let Some((next_bad, _)) = bad.peek() else { break };
        let found = ahead.take().unwrap_or_else(|| finder.find_id(&partner.id, cursor));
        let start = found.unwrap_or(cursor);
        let before = cursor;
        // The next partner's id stands after this one's (a duplicate id, too): looked for
        // past this one's string.
        cursor = found.map_or(cursor, |quote| finder.after_string(quote));
        starts.push(start);
        if *next_bad != i {
            continue;
        }
        let Some((_, problems)) = bad.next() else { break };
        let id = &partner.id;
        // Its problems are looked for in its own text only, up to the next partner's id: a
        // text found further on would be another partner's (and each search would run to
        // the end of the file).
        let next = partners.get(i + 1).map(|next| finder.find_id(&next.id, cursor));
        ahead = next;
        let end = next.flatten().unwrap_or(finder.source.len());
        // Lines are counted on from where the last partner's problems were.
        let whole = finder;
        let finder = &SourceFinder {
            seen: whole.seen.clone(),
            ..SourceFinder::new(&whole.source[..end], whole.file)
        };
        // Each problem where it is, in the order of the file, once.
        let mut placed: Vec<(usize, DatasetError)> = Vec::new();
        let mut said_at: HashSet<(usize, String)> = HashSet::new();
        let mut last = None;
        // Its fields are looked for from its opening: some may be written before its id.
        let fields = finder.opening(before, start).map_or(start, |open| open + 1);
        let at = Placed { start, fields };
        for problem in problems {
            let (offset, message, fix) = place(problem, id, finder, at, &starts, &mut last);
            if said_at.insert((offset, message.clone())) {
                placed.push((offset, finder.invalid(offset, message, &fix)));
            }
        }
        placed.sort_by_key(|(offset, _)| *offset);
        errors.extend(placed.into_iter().map(|(_, error)| error));
        whole.seen.set(finder.seen.get());
    }
    errors
}

/// Where a partner's text is in the source.
#[derive(Debug, Clone, Copy)]
struct Placed {
    /// Its id's string.
    start: usize,
    /// Just inside its opening parenthesis, where its fields are looked for (else `start`).
    fields: usize,
}

/// Where `problem`, of partner `id` whose text is at `partner` in `finder`, is placed, what
/// it says and what to change. `starts`: where each partner before it starts; `last`: the
/// field of the last text placed and where that text ends (the same text twice in a list is
/// placed at each of its strings, a field's texts coming one after another).
fn place(
    problem: Problem<'_>,
    id: &str,
    finder: &SourceFinder<'_>,
    partner: Placed,
    starts: &[usize],
    last: &mut Option<(&'static str, usize)>,
) -> (usize, String, String) {
    let (said, id) = (i18n::data(), &id);
    let Placed { start, fields } = partner;
    let at = |field: &str| finder.locate_field(field, fields);
    // Each relation's problem at the relation: two alike placed at `relations:` would be one.
    let relation_at = |n: usize| finder.nth_item(n, at("relations"));
    match problem {
        Problem::NotSlug => (start, fill(said.not_slug, &[id]), said.not_slug_fix.to_owned()),
        Problem::Duplicate(earlier) => {
            let line = finder.position(starts[earlier]).line;
            (start, fill(said.duplicate_id, &[id, &line]), said.duplicate_id_fix.to_owned())
        }
        Problem::Empty(field) => (
            at(field),
            fill(said.empty_field, &[id, &field]),
            fill(said.empty_field_fix, &[&field]),
        ),
        Problem::BlankAlias(field) => (
            finder.nth_string(field.item.unwrap_or_default(), at("aliases")),
            fill(said.blank_alias, &[id, &field]),
            said.blank_alias_fix.to_owned(),
        ),
        Problem::Control(field, value, c) => {
            let from = match *last {
                Some((name, end)) if name == field.name => end,
                _ => at(field.name),
            };
            let offset = finder.locate_string(value, from);
            *last = Some((field.name, finder.after_string(offset)));
            (
                offset,
                fill(said.control_character, &[id, &field, &format!("{:04X}", c as u32)]),
                said.control_character_fix.to_owned(),
            )
        }
        Problem::UnknownTarget(n, target) => (
            finder.locate_string(target, relation_at(n)),
            fill(said.unknown_target, &[id, &target]),
            said.unknown_target_fix.to_owned(),
        ),
        Problem::TargetNotLoaded(n, target) => (
            finder.locate_string(target, relation_at(n)),
            fill(said.target_not_loaded, &[id, &target]),
            said.target_not_loaded_fix.to_owned(),
        ),
        Problem::TargetMaybeNotLoaded(n, target) => (
            finder.locate_string(target, relation_at(n)),
            fill(said.target_maybe_not_loaded, &[id, &target]),
            said.target_maybe_not_loaded_fix.to_owned(),
        ),
        Problem::SelfTarget(n) => (
            finder.locate_string(id, relation_at(n)),
            fill(said.self_target, &[id]),
            said.self_target_fix.to_owned(),
        ),
        Problem::RepeatedRelation(n, relation) => (
            written_again(finder, relation, relation_at(n)),
            fill(said.repeated_relation, &[id, &relation.kind.slug()]),
            said.repeated_relation_fix.to_owned(),
        ),
        Problem::BadRelation(n, kind) => (
            relation_at(n),
            fill(said.bad_relation, &[id, &kind.slug()]),
            said.bad_relation_fix.to_owned(),
        ),
    }
}
