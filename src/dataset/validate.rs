//! Validation: the rules a parsed dataset must follow, checked in one pass that finds every
//! problem of a file.
//!
//! Owns the rules (slugs, unique ids, texts, relations) and their messages. The rules are
//! checked on the partners alone, on every core for a large file; only the partners that break
//! one are then looked for in the source text (`place`, with [`super::source`]), so a valid
//! file costs no searching of its text. Parsing is not here.

use std::borrow::Cow;
use std::path::Path;

use rayon::prelude::*;

mod place;
mod texts;

use super::ids::Ids;
use super::source::SourceFinder;
use super::{Dataset, DatasetError, Partner, Relation, RelationKind, without_bom};
use crate::PARALLEL_MIN;
use place::locate;
use texts::Field;
pub(super) use texts::{has_control, names_something};

/// A broken rule, found without looking at the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Problem<'a> {
    /// The id is not a kebab-case slug.
    NotSlug,
    /// The id is also that of the partner at this position, earlier in the file.
    Duplicate(usize),
    /// This field (`name` or `description`) is blank.
    Empty(&'static str),
    /// This alias (`aliases[n]`) is blank: it would show as nothing between two commas.
    BlankAlias(Field),
    /// This text, of this field, holds this control character.
    Control(Field, &'a str, char),
    /// A relation (`relations[n]`, as in the next three) to an id this file does not define
    /// (another loaded file may).
    UnknownTarget(usize, &'a str),
    /// A relation to a partner of a file that was skipped: it exists, but is not loaded.
    TargetNotLoaded(usize, &'a str),
    /// A relation to a partner that no file loaded has, while a file skipped could not be
    /// read far enough to tell whether it has it.
    TargetMaybeNotLoaded(usize, &'a str),
    /// A relation to the partner itself.
    SelfTarget(usize),
    /// A relation (`relations[n]`) written before, word for word: it would be shown, exported
    /// and counted twice.
    RepeatedRelation(usize, &'a Relation),
    /// A relation (`relations[n]`) with both or neither of `target` and `name`, or a blank
    /// `name`.
    BadRelation(usize, RelationKind),
}

/// Checks a parsed dataset and reports every problem, each with its place in `source` (the
/// text `dataset` was parsed from; `file` names it). `known_elsewhere` tells whether a relation
/// target that this file does not define exists in another loaded file (user datasets may point
/// at bundled partners); it is asked only about such targets.
///
/// One problem is a [`DatasetError::Invalid`]; several are a [`DatasetError::Problems`], in the
/// order of the file.
pub fn validate(
    dataset: &Dataset,
    source: &str,
    file: &Path,
    known_elsewhere: &dyn Fn(&str) -> bool,
) -> Result<(), DatasetError> {
    validate_placing(dataset, file, known_elsewhere, Texts::Unchecked, || Cow::Borrowed(source))
        .map(drop)
}

/// Why the partner a relation names is not among those loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dangling {
    /// No file has it (a typo in a `target`).
    NoPartner,
    /// The file that has it was skipped: it exists, but is not loaded.
    NotLoaded,
    /// No file loaded has it, and a file skipped could not be read far enough to tell
    /// whether that one does.
    MaybeNotLoaded,
}

/// [`validate()`] for a file of the user's datasets folder, where a relation to a partner
/// that no loaded file has (a typo in one `target`, or its file skipped: `why`) must not
/// cost the file's other partners: when such relations are the file's only problems, they
/// are taken out of `dataset` (no target is made up) and returned, each placed in `source`,
/// to be told. Any other problem fails the file as [`validate()`] does, with all its
/// problems, dangling targets included.
pub fn validate_leaving_out_dangling(
    dataset: &mut Dataset,
    source: &str,
    file: &Path,
    known_elsewhere: &dyn Fn(&str) -> bool,
    why: Dangling,
) -> Result<Option<DatasetError>, DatasetError> {
    let (errors, dangling) = {
        let (_, mut bad) = broken_rules(dataset, known_elsewhere, Texts::Unchecked);
        if bad.is_empty() {
            return Ok(None);
        }
        if why != Dangling::NoPartner {
            for problem in bad.iter_mut().flat_map(|(_, problems)| problems) {
                if let Problem::UnknownTarget(n, target) = *problem {
                    *problem = if why == Dangling::NotLoaded {
                        Problem::TargetNotLoaded(n, target)
                    } else {
                        Problem::TargetMaybeNotLoaded(n, target)
                    };
                }
            }
        }
        let dangling: Option<Vec<(usize, Vec<String>)>> = bad
            .iter()
            .map(|(i, problems)| {
                let targets = problems.iter().map(|problem| match problem {
                    Problem::UnknownTarget(_, target)
                    | Problem::TargetNotLoaded(_, target)
                    | Problem::TargetMaybeNotLoaded(_, target) => Some((*target).to_owned()),
                    _ => None,
                });
                Some((*i, targets.collect::<Option<Vec<_>>>()?))
            })
            .collect();
        let finder = SourceFinder::new(without_bom(source), file);
        let errors = DatasetError::from_problems(locate(&dataset.partners, bad, &finder));
        let Some(dangling) = dangling else { return Err(errors) };
        (errors, dangling)
    };
    for (i, targets) in dangling {
        if let Some(partner) = dataset.partners.get_mut(i) {
            partner.relations.retain(|r| {
                r.name.is_some() || r.target.as_ref().is_none_or(|t| !targets.contains(t))
            });
        }
    }
    Ok(Some(errors))
}

/// Whether the partners' texts are still to be checked against the rules, or were as they
/// were read (block by block: see `stream::Read::Partners`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Texts {
    /// Checked here, as every rule is.
    Unchecked,
    /// No control character, no blank name, description or alias: the partners were read by
    /// `fast_ron::read_clean_item`, which leaves any other to the whole file's reading.
    Checked(ReadClean),
}

/// That partners were read by `fast_ron::read_clean_item`: made only where they are, so that
/// no caller can say [`Texts::Checked`] of partners read otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadClean(pub(super) ());

/// [`validate()`], with the source text asked of `source` only when a problem must be placed
/// in it: a caller may free the text of a large file and read it again then. A valid dataset
/// gives the table of its ids, made to check them.
pub(super) fn validate_placing<'s>(
    dataset: &Dataset,
    file: &Path,
    known_elsewhere: &dyn Fn(&str) -> bool,
    texts: Texts,
    source: impl FnOnce() -> Cow<'s, str>,
) -> Result<Ids, DatasetError> {
    let (first, bad) = broken_rules(dataset, known_elsewhere, texts);
    if bad.is_empty() {
        return Ok(first);
    }
    let source = source();
    let errors = locate(&dataset.partners, bad, &SourceFinder::new(without_bom(&source), file));
    Err(DatasetError::from_problems(errors))
}

/// The rules each partner of `dataset` breaks, by position, in increasing order (a target
/// this file lacks only when `known_elsewhere` does not know it either), with the table of
/// the ids that checking them made.
fn broken_rules<'d>(
    dataset: &'d Dataset,
    known_elsewhere: &dyn Fn(&str) -> bool,
    texts: Texts,
) -> (Ids, Vec<(usize, Vec<Problem<'d>>)>) {
    let partners = &dataset.partners;
    let first = Ids::of(partners);
    let duplicates = first.len() < partners.len();
    let check = |(i, p)| {
        let problems = problems(i, p, &first, duplicates, texts);
        (!problems.is_empty()).then_some((i, problems))
    };
    let mut bad: Vec<(usize, Vec<Problem<'_>>)> = if partners.len() >= PARALLEL_MIN {
        partners.par_iter().enumerate().filter_map(check).collect()
    } else {
        partners.iter().enumerate().filter_map(check).collect()
    };
    // `known_elsewhere` need not be `Sync`: it is asked here, about the few targets left.
    for (_, problems) in &mut bad {
        problems.retain(|problem| match problem {
            Problem::UnknownTarget(_, target) => !known_elsewhere(target),
            _ => true,
        });
    }
    bad.retain(|(_, problems)| !problems.is_empty());
    (first, bad)
}

/// The rules partner `p`, at position `i`, breaks, found without allocating when it breaks none.
/// `first` holds each id's first position; `duplicates` tells whether any id is used twice.
fn problems<'a>(
    i: usize,
    p: &'a Partner,
    first: &Ids,
    duplicates: bool,
    texts: Texts,
) -> Vec<Problem<'a>> {
    let mut found = Vec::new();
    if !is_slug(&p.id) {
        found.push(Problem::NotSlug);
    }
    if duplicates && let Some(earlier) = first.position(&p.id).filter(|&f| f != i) {
        found.push(Problem::Duplicate(earlier));
    }
    if texts == Texts::Unchecked && !p.texts_are_clean() {
        for (field, value) in p.texts() {
            let blank = crate::text::is_blank(value);
            if blank && matches!(field.name, "name" | "description") {
                found.push(Problem::Empty(field.name));
            } else if blank && field.name == "aliases" {
                found.push(Problem::BlankAlias(field));
            } else if let Some(c) = value.chars().find(|c| c.is_control()) {
                found.push(Problem::Control(field, value, c));
            }
        }
    }
    for (n, relation) in p.relations.iter().enumerate() {
        if p.relations[..n].contains(relation) {
            found.push(Problem::RepeatedRelation(n, relation));
        }
        match (&relation.target, &relation.name) {
            (Some(target), None) if target == &p.id => found.push(Problem::SelfTarget(n)),
            (Some(target), None) if first.position(target).is_none() => {
                found.push(Problem::UnknownTarget(n, target));
            }
            (Some(_), None) => {}
            (None, Some(name)) if !crate::text::is_blank(name) => {}
            _ => found.push(Problem::BadRelation(n, relation.kind)),
        }
    }
    found
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;
    use crate::dataset::tests::{ONE, err};
    use crate::dataset::{parse, parse_syntax};

    /// Every problem of `source`, as displayed.
    fn problems_of(source: &str) -> Vec<String> {
        parse(source, Path::new("x.ron"))
            .err()
            .map(|e| e.problems().iter().map(ToString::to_string).collect())
            .unwrap_or_default()
    }

    #[test]
    fn unknown_target_names_line_and_column() {
        let message = err(ONE);
        assert!(message.starts_with("x.ron:8:46: "), "{message}");
        assert!(message.contains("\"two\", which is not a partner"), "{message}");
    }

    #[test]
    fn duplicate_ids_name_both_lines() {
        let two = ONE.replace("relations: [(kind: MemberOf, target: \"two\")],", "");
        let source = two.replace("\n])", &format!("{}\n])", &two[13..two.len() - 3]));
        let message = err(&source);
        assert!(message.contains("used twice (first on line 3)"), "{message}");
        assert!(message.starts_with("x.ron:10:"), "{message}");
    }

    #[test]
    fn control_characters_are_refused() {
        let message = err(&ONE.replace("The first.", "The \\u{1b}[31mfirst."));
        assert!(message.contains("control character U+001B"), "{message}");
        assert!(message.starts_with("x.ron:7:"), "{message}");
    }

    #[test]
    fn empty_name_is_refused() {
        let message = err(&ONE.replace("\"One\"", "\"  \""));
        assert!(message.contains("empty name"), "{message}");
    }

    #[test]
    fn control_characters_are_found_as_char_is_control_finds_them() {
        for code in (0..0x300).chain([0x2028, 0xFEFF, 0x1F600]) {
            let Some(c) = char::from_u32(code) else { continue };
            for text in [format!("{c}"), format!("é{c}"), format!("{}{c}x", "a".repeat(70))] {
                assert_eq!(has_control(&text), text.chars().any(char::is_control), "{code:#x}");
            }
        }
    }

    #[test]
    fn each_broken_rule_is_one_located_problem() {
        let two = ONE.replace("\n])", "\n    (id: \"two\", name: \"Two\", kind: Media, scope: Local, description: \"x\"),\n])");
        assert!(parse(&two, Path::new("x.ron")).is_ok());
        for (bad, says) in [
            (two.replace("\"Two\"", "\" \""), "x.ron:10:17: partner \"two\" has an empty name"),
            (
                two.replace("\"x\"", "\"\\u{85}\""),
                "x.ron:10:57: partner \"two\" has an empty description",
            ),
            (
                two.replace("\"x\"", "\"x\\u{85}\""),
                "x.ron:10:70: partner \"two\": field description holds the control character U+0085",
            ),
            (
                two.replace("id: \"two\"", "id: \"one\"")
                    .replace("target: \"two\"", "name: \"Two\""),
                "x.ron:10:10: id \"one\" is used twice",
            ),
            (
                two.replace("id: \"two\"", "id: \"Two\"")
                    .replace("target: \"two\"", "name: \"Two\""),
                "x.ron:10:10: id \"Two\" is not",
            ),
            (
                two.replace("target: \"two\"", "target: \"one\""),
                "x.ron:8:46: partner \"one\" has a relation to itself",
            ),
            (
                two.replace("target: \"two\"", "target: \"three\""),
                "x.ron:8:46: partner \"one\" has a relation to \"three\"",
            ),
            (
                two.replace("target: \"two\"", "name: \" \""),
                "x.ron:8:21: partner \"one\" has a relation (member-of)",
            ),
            // Written with escapes: found where they are written.
            (
                two.replace("id: \"two\"", "id: \"t\\u{1b}]0;X\\u{7}\"")
                    .replace("target: \"two\"", "name: \"Two\""),
                "x.ron:10:10: id \"t\u{1b}]0;X\u{7}\" is not",
            ),
            (
                two.replace("target: \"two\"", "target: \"\\u{1b}[2J\""),
                "x.ron:8:46: partner \"one\" has a relation to \"\u{1b}[2J\"",
            ),
        ] {
            let problems = problems_of(&bad);
            assert_eq!(problems.len(), 1, "{bad}\n{problems:#?}");
            assert!(problems[0].starts_with(says), "{}", problems[0]);
            assert!(problems[0].contains("\n  fix: "), "{}", problems[0]);
        }
    }

    #[test]
    fn every_problem_of_a_file_is_reported_in_file_order() {
        let source = r#"(partners: [
    (id: "Bad Id", name: " ", kind: Media, scope: Local, description: "x"),
    (id: "two", name: "Two", kind: Media, scope: Local, description: "\u{7}",
        relations: [(kind: MemberOf, target: "nobody"), (kind: MemberOf)]),
    (id: "ok", name: "Fine", kind: Media, scope: Local, description: "x"),
    (id: "two", name: "Again", kind: Media, scope: Local, description: "x"),
])"#;
        let problems = problems_of(source);
        let places: Vec<&str> = problems.iter().filter_map(|p| p.split(": ").next()).collect();
        assert_eq!(
            places,
            ["x.ron:2:10", "x.ron:2:20", "x.ron:3:70", "x.ron:4:46", "x.ron:4:57", "x.ron:6:10"],
            "{problems:#?}"
        );
        assert!(problems[0].contains("not a kebab-case slug"));
        assert!(problems[1].contains("empty name"));
        assert!(problems[2].contains("control character U+0007"));
        assert!(problems[3].contains("\"nobody\", which is not a partner"));
        assert!(problems[4].contains("exactly one of `target` and `name`"));
        assert!(problems[5].contains("used twice (first on line 3)"));
        let shown = err(source);
        assert_eq!(shown, problems.join("\n"), "displayed one after the other");
    }

    /// Each text is named as the file writes it, and placed at its own string.
    #[test]
    fn a_control_character_is_placed_at_its_own_text() {
        let source = r#"(partners: [
    (id: "one", name: "One", kind: Media, scope: Local, description: "x",
        aliases: ["fine", "a\u{1b}b", "a\u{1b}b"],
        facts: [(label: "L\u{7}", value: "V\u{7}")],
        relations: [(kind: MemberOf, name: "N", note: "n\u{85}")]),
])"#;
        let problems = problems_of(source);
        let said: Vec<(&str, &str)> = problems
            .iter()
            .filter_map(|p| p.split_once(": partner \"one\": field "))
            .map(|(place, rest)| (place, rest.split(' ').next().unwrap_or_default()))
            .collect();
        assert_eq!(
            said,
            [
                ("x.ron:3:27", "aliases[1]"),
                ("x.ron:3:39", "aliases[2]"),
                ("x.ron:4:25", "facts[0].label"),
                ("x.ron:4:42", "facts[0].value"),
                ("x.ron:5:55", "relations[0].note"),
            ],
            "{problems:#?}"
        );
    }

    /// A blank alias, however it is written, is a problem placed at its own string: it would
    /// show as nothing between two commas.
    #[test]
    fn a_blank_alias_is_refused_at_its_own_string() {
        let item = "(id: \"one\", name: \"One\", kind: Media, scope: Local, description: \"x\",\n        aliases: [\"\\\"\", \"\", \"Un\", \" \u{200B}\", \"\\u{200B}\\t\", \"\"])";
        let source = format!("(partners: [\n    {item},\n])");
        let problems = problems_of(&source);
        let places: Vec<&str> = problems.iter().filter_map(|p| p.split(": ").next()).collect();
        assert_eq!(
            places,
            ["x.ron:3:25", "x.ron:3:35", "x.ron:3:41", "x.ron:3:55"],
            "{problems:#?}"
        );
        assert!(
            problems[0].contains("partner \"one\" has a blank alias (aliases[1])"),
            "{problems:#?}"
        );
        assert!(problems[3].contains("(aliases[5])"), "{problems:#?}");
        assert!(problems.iter().all(|p| p.contains("\n  fix: remove it")), "{problems:#?}");
        // Not read as clean: block by block, such a partner is left to the whole file's reading.
        assert!(super::super::fast_ron::read_clean_item(item).is_none());
        let one = super::super::fast_ron::read_item(item).expect("valid syntax");
        assert!(!one.texts_are_clean());
    }

    /// A partner's problem is looked for in its own text: the same text in a later partner
    /// (written otherwise, here raw where it was escaped) is not taken for it.
    #[test]
    fn a_problem_is_placed_in_its_own_partner() {
        let source = "(partners: [\n    (id: \"a\", name: \"A\", kind: Media, scope: Local, description: \"x\",\n        aliases: [\"z\\u{1b}\"]),\n    (id: \"b\", name: \"B\", kind: Media, scope: Local, description: \"x\",\n        aliases: [\"z\u{1b}\"]),\n])";
        let problems = problems_of(source);
        let places: Vec<&str> = problems.iter().filter_map(|p| p.split(": ").next()).collect();
        assert_eq!(places, ["x.ron:3:19", "x.ron:5:19"], "{problems:#?}");
    }

    /// A raw string, a comment or a character holding a quote does not put the strings after
    /// it out of step, and an id written raw is found where it is.
    #[test]
    fn an_id_is_placed_past_quotes_in_raw_strings_comments_and_characters() {
        let bad = "(\n        id: \"Tw\\u{6f}\",\n        name: \"Two\", kind: Media, scope: Local, description: \"d\")";
        let before = [
            "description: r#\"a \"quoted word\"#),",
            "description: \"d\"), // it is \"odd",
            "description: \"d\"), /* \"odd /* \" */ */",
        ];
        for before in before {
            let source = format!(
                "(partners: [\n    (id: \"one\", name: \"One\", kind: Media, scope: Local,\n     {before}\n    {bad},\n])"
            );
            let problems = problems_of(&source);
            assert_eq!(problems.len(), 1, "{source}\n{problems:#?}");
            assert!(problems[0].starts_with("x.ron:5:13: id \"Two\""), "{source}\n{problems:#?}");
        }
        let raw = "(partners: [\n    (id: \"one\", name: \"One\", kind: Media, scope: Local, description: \"d\"),\n    (id: r#\"Two\"#, name: \"Two\", kind: Media, scope: Local, description: \"d\"),\n    (id: \"one\", name: \"One\", kind: Media, scope: Local, description: \"d\"),\n])";
        let problems = problems_of(raw);
        let places: Vec<&str> = problems.iter().filter_map(|p| p.split(": ").next()).collect();
        assert_eq!(places, ["x.ron:3:10", "x.ron:4:10"], "{problems:#?}");
    }

    /// A field is found as a field of its partner: not a relation's field of the same name, a
    /// word in a text or in a comment.
    #[test]
    fn an_empty_field_is_placed_at_the_partner_s_own_field() {
        let partner = |before: &str| {
            format!(
                "(partners: [\n    (\n        id: \"a\",\n        {before}\n        kind: Media, scope: Local,\n        name: \"\", description: \"\",\n    ),\n])"
            )
        };
        for before in [
            "relations: [(kind: Supports, name: \"Org\")],",
            "facts: [(label: \"name: description:\", value: \"x\")],",
            "// name: description: the official ones",
            "aliases: [r#\"\"name: \"x\"\"#],",
        ] {
            let source = partner(before);
            let problems = problems_of(&source);
            let places: Vec<&str> = problems.iter().filter_map(|p| p.split(": ").next()).collect();
            assert_eq!(places, ["x.ron:6:9", "x.ron:6:19"], "{source}\n{problems:#?}");
        }
    }

    /// A partner commented out before its new version, kept for the record, is not where the
    /// new one's problems are.
    #[test]
    fn a_partner_commented_out_is_not_taken_for_the_one_written() {
        let old = "(id: \"Two\", name: \"Old\", kind: Media, scope: Local, description: \"d\"),";
        for commented in [format!("// {old}"), format!("/*\n    {old}\n    */")] {
            let source = format!(
                "(partners: [\n    {commented}\n    (\n        id: \"Two\",\n        name: \"\",\n        kind: Media, scope: Local, description: \"d\",\n    ),\n])"
            );
            let problems = problems_of(&source);
            let places: Vec<&str> = problems.iter().filter_map(|p| p.split(": ").next()).collect();
            let lines = commented.lines().count();
            let (id, name) = (format!("x.ron:{}:13", lines + 3), format!("x.ron:{}:9", lines + 4));
            assert_eq!(places, [id, name], "{source}\n{problems:#?}");
        }
        let relation = "(partners: [\n    (id: \"a\", name: \"A\", kind: Media, scope: Local, description: \"d\",\n        relations: [\n            // (kind: MemberOf, target: \"nope\"),\n            (kind: PartOf, target: \"nope\"),\n        ]),\n])";
        let problems = problems_of(relation);
        assert!(problems[0].starts_with("x.ron:5:36: "), "{problems:#?}");
    }

    /// Each bad relation is placed at its own parentheses, so that two of one kind are both
    /// told, and a comment, a string or an inner list between them does not count as one.
    #[test]
    fn each_bad_relation_is_placed_at_itself() {
        let source = "(partners: [\n    (id: \"a\", name: \"A\", kind: Media, scope: Local, description: \"x\",\n        relations: [\n            (kind: MemberOf, name: \" \"), // (kind: PartOf)\n            (kind: MemberOf, target: \"b\", name: \"(B)\"),\n            (kind: PartOf),\n        ]),\n    (id: \"b\", name: \"B\", kind: Media, scope: Local, description: \"x\"),\n])";
        let problems = problems_of(source);
        let places: Vec<&str> = problems.iter().filter_map(|p| p.split(": ").next()).collect();
        assert_eq!(places, ["x.ron:4:13", "x.ron:5:13", "x.ron:6:13"], "{problems:#?}");
        assert!(problems[1].contains("relation (member-of)"), "{problems:#?}");
        assert!(problems[2].contains("relation (part-of)"), "{problems:#?}");
    }

    /// Two relations to one unknown id, or to the partner itself, are each told, at their own
    /// target.
    #[test]
    fn each_relation_to_a_wrong_target_is_told() {
        let source = "(partners: [\n    (id: \"a\", name: \"A\", kind: Media, scope: Local, description: \"x\",\n        relations: [\n            (kind: MemberOf, target: \"nobody\"),\n            (kind: PartOf, target: \"nobody\"),\n            (kind: Supports, target: \"a\"),\n            (kind: RunBy, target: \"a\"),\n        ]),\n])";
        let problems = problems_of(source);
        let places: Vec<&str> = problems.iter().filter_map(|p| p.split(": ").next()).collect();
        assert_eq!(
            places,
            ["x.ron:4:38", "x.ron:5:36", "x.ron:6:38", "x.ron:7:35"],
            "{problems:#?}"
        );
    }

    /// A relation written three times is told at its second and at its third.
    #[test]
    fn a_relation_written_three_times_is_told_twice() {
        let source = "(partners: [\n    (id: \"a\", name: \"A\", kind: Media, scope: Local, description: \"x\",\n        relations: [\n            (kind: Supports, name: \"Org\"),\n            (kind: Supports, name: \"Org\"),\n            (kind: Supports, /* name: \"Org\" */ name: \"Org\"),\n        ]),\n])";
        let problems = problems_of(source);
        let places: Vec<&str> = problems.iter().filter_map(|p| p.split(": ").next()).collect();
        assert_eq!(places, ["x.ron:5:36", "x.ron:6:54"], "{problems:#?}");
        assert!(
            problems.iter().all(|p| p.contains("same relation (supports) twice")),
            "{problems:#?}"
        );
    }

    /// RON takes fields in any order: one written before the id is placed where it is, not at
    /// a relation's field of the same name or a string after the id.
    #[test]
    fn a_field_written_before_the_id_is_placed_where_it_is() {
        let source = "(partners: [\n    (id: \"z\", name: \"Z\", kind: Media, scope: Local, description: \"x\"),\n    (aliases: [\"A\", \"\"], name: \" \", id: \"a\", kind: Media, scope: Local, description: \"x\",\n        relations: [(kind: Supports, name: \"Org\")]),\n])";
        let problems = problems_of(source);
        let places: Vec<&str> = problems.iter().filter_map(|p| p.split(": ").next()).collect();
        assert_eq!(places, ["x.ron:3:21", "x.ron:3:26"], "{problems:#?}");
        assert!(problems[0].contains("blank alias (aliases[1])"), "{problems:#?}");
        assert!(problems[1].contains("empty name"), "{problems:#?}");
    }

    #[test]
    fn other_files_are_asked_only_about_targets_this_one_lacks() {
        let dataset = parse_syntax(ONE, Path::new("x.ron")).expect("valid syntax");
        let asked = std::cell::RefCell::new(Vec::new());
        let known = |id: &str| {
            asked.borrow_mut().push(id.to_owned());
            id == "two"
        };
        assert!(validate(&dataset, ONE, Path::new("x.ron"), &known).is_ok());
        assert_eq!(*asked.borrow(), ["two"]);
    }

    #[test]
    fn a_large_file_reports_its_problems_as_a_small_one_does() {
        // Above PARALLEL_MIN partners the rules are checked on every core.
        let mut source = String::from("(partners: [\n");
        for n in 0..PARALLEL_MIN + 10 {
            let id = match n {
                7 => "Seven".to_owned(),
                4_100 => "p-3".to_owned(),
                _ => format!("p-{n}"),
            };
            let target =
                if n == 4_099 { "nobody".to_owned() } else { format!("p-{}", (n + 1) % 5) };
            let _ = writeln!(
                source,
                "(id: \"{id}\", name: \"P\", kind: Media, scope: Local, description: \"x\", relations: [(kind: MemberOf, target: \"{target}\")]),"
            );
        }
        source.push_str("])");
        let problems = problems_of(&source);
        let places: Vec<&str> = problems.iter().filter_map(|p| p.split(": ").next()).collect();
        assert_eq!(places, ["x.ron:9:6", "x.ron:4101:109", "x.ron:4102:6"], "{problems:#?}");
        assert!(problems[2].contains("used twice (first on line 5)"), "{}", problems[2]);
    }

    #[test]
    fn slugs() {
        assert!(is_slug("bordeaux-metropole"));
        for bad in ["", "Bordeaux", "a--b", "-a", "a-", "a b", "é"] {
            assert!(!is_slug(bad), "{bad}");
        }
    }
}
