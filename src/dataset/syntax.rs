//! What ron finds wrong in a dataset's text: where (a file's line and column), said in the
//! user's language, and whether an error in the start of a text that may never end (a pipe)
//! is already the whole text's.

use std::path::Path;

use super::fast_ron::{item_end, skip, skip_comment};
use super::{Dataset, DatasetError, Location, ron_options, without_bom};
use crate::i18n::{self, fill};

/// The error ron's `e` is, in `file`, whose text (without its byte-order mark) is `source`.
pub(super) fn syntax_error(
    e: &ron::error::SpannedError,
    source: &str,
    file: &Path,
) -> DatasetError {
    use ron::Error as E;
    // What ron expected when the text ended is no mistake of the text before: a file cut short
    // (a download stopped, the last brackets forgotten) is told as such, where it ends.
    let expected = matches!(
        e.code,
        E::ExpectedComma
            | E::ExpectedArray
            | E::ExpectedArrayEnd
            | E::ExpectedStructLike
            | E::ExpectedStructLikeEnd
            | E::ExpectedOptionEnd
            | E::ExpectedString
            | E::ExpectedIdentifier
            | E::ExpectedMapColon
    ) || matches!(e.code, E::ExpectedNamedStructLike(name) if name != "Dataset");
    let end = offset_of(source, e.span.end.line, e.span.end.col);
    let cut = expected && skip(source.as_bytes(), end) == Some(source.len());
    let ((line, column), message) = if cut {
        ((e.span.end.line, e.span.end.col), i18n::data().ron_eof.to_owned())
    } else {
        (placed(source, &e.span), syntax_message(&e.code))
    };
    DatasetError::Syntax { at: Location { file: file.to_path_buf(), line, column }, message }
}

/// The line and column where ron's error `span` points in `source`: its start, moved past
/// the white space and comments it begins with (ron starts some spans there: a value
/// missing after `name:` would be placed at the end of that line, not where the value is),
/// never past its end.
pub fn placed(source: &str, span: &ron::error::Span) -> (usize, usize) {
    let start = offset_of(source, span.start.line, span.start.col);
    let end = offset_of(source, span.end.line, span.end.col);
    let bytes = source.as_bytes();
    let mut at = start;
    while at < end {
        match bytes[at] {
            b' ' | b'\t' | b'\n' | b'\r' => at += 1,
            b'/' if matches!(bytes.get(at + 1), Some(b'/' | b'*')) => {
                match skip_comment(bytes, at) {
                    Some(next) if next <= end => at = next,
                    _ => break,
                }
            }
            _ => break,
        }
    }
    if at == start {
        return (span.start.line, span.start.col);
    }
    let newlines = memchr::memchr_iter(b'\n', &bytes[start..at]).count();
    let line_start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
    (span.start.line + newlines, source[line_start..at].chars().count() + 1)
}

/// The line and column where item `number` (from 1) of the list `source` holds starts
/// (a glossary's group); the list's start when the list is written in a way the fast
/// reader leaves to ron (a block comment, a raw string), and 1:1 when it has no such item.
pub fn item_place(source: &str, number: usize) -> (usize, usize) {
    let bytes = source.as_bytes();
    let first = skip(bytes, 0).filter(|&at| bytes.get(at) == Some(&b'[')).map(|at| at + 1);
    let mut at = first;
    for _ in 1..number {
        at = at
            .and_then(|at| skip(bytes, at))
            .and_then(|at| item_end(bytes, at))
            .filter(|&end| bytes[end] == b',')
            .map(|end| end + 1);
    }
    let at = at.and_then(|at| skip(bytes, at)).or(first.map(|at| at - 1)).unwrap_or(0);
    let line_start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
    let line = memchr::memchr_iter(b'\n', &bytes[..at]).count() + 1;
    (line, source[line_start..at].chars().count() + 1)
}

/// How much of a stream's start is parsed for [`syntax_error_in_start`]: ron reads 4 MiB
/// of partners in 80 ms, this in 5 ms.
pub(super) const START_LOOKED_AT: usize = 256 << 10;

/// How far before the end of the start of a text a syntax error must be for the rest of the
/// text not to change it: nearer, the cut may be its cause (an escape cut short).
pub(super) const CUT_MARGIN: usize = 64 << 10;

/// The syntax error ron finds in every dataset text that begins with `start`, when `start`
/// shows it `margin` bytes or more before its end. ron reads from left to right and looks a
/// token ahead, so such an error is the same whatever follows, unless a token runs on to the
/// cut (a long word or number, which ron names whole): the start cut `margin` bytes after the
/// error must give the same one. An error of ending too soon (in a string or a comment too)
/// may be the cut's alone, and says nothing. (The whole file may fail earlier than ron parses:
/// a NUL further on is found first in a file read whole.)
pub(super) fn syntax_error_in_start(
    start: &str,
    margin: usize,
) -> Option<ron::error::SpannedError> {
    use ron::Error as E;
    let start = without_bom(start);
    let error_in = |text: &str| ron_options().from_str::<Dataset>(text).err();
    let e = error_in(start)?;
    let cut = matches!(
        e.code,
        E::Eof | E::ExpectedStringEnd | E::UnclosedBlockComment | E::UnclosedLineComment
    );
    let at = |p: ron::error::Position| offset_of(start, p.line, p.col);
    let at = at(e.span.start).max(at(e.span.end)).saturating_add(margin);
    if cut || at >= start.len() {
        return None;
    }
    (error_in(crate::text::start(start, at)).as_ref() == Some(&e)).then_some(e)
}

/// The byte offset of 1-based `line` and `column` (in characters) in `text`; its length when
/// past it.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        Some(0)
    } else {
        memchr::memchr_iter(b'\n', text.as_bytes()).nth(line - 2).map(|i| i + 1)
    };
    let Some(line_start) = line_start else { return text.len() };
    let rest = &text[line_start..];
    line_start + rest.char_indices().nth(column.saturating_sub(1)).map_or(rest.len(), |(i, _)| i)
}

/// What the RON parser found wrong, in the user's language and words (ron's name Rust's
/// enums and serde's terms); the rarest findings keep ron's English.
pub fn syntax_message(code: &ron::Error) -> String {
    use ron::Error as E;
    let said = i18n::data();
    let outer = |outer: &Option<String>| outer.as_deref().map(structure).unwrap_or_default();
    // What the file holds is quoted, cut short: a word may run for megabytes.
    let quoted = |found: &str| crate::text::truncate(found, QUOTED_MOST).into_owned();
    // A name near what was written comes first, the list of them all after.
    let unknown = |found: &str, expected: &[&str], outer, (far, near): (&str, &str)| {
        let (near_to, found, all) =
            (near_name(found, expected), quoted(found), expected.join(", "));
        match near_to {
            Some(name) => fill(near, &[&found, &outer, &name, &all]),
            None => fill(far, &[&found, &outer, &all]),
        }
    };
    match code {
        E::NoSuchEnumVariant { expected, found, outer: o } => unknown(
            found,
            expected,
            outer(o),
            (said.ron_unknown_variant, said.ron_unknown_variant_near),
        ),
        E::NoSuchStructField { expected, found, outer: o } => unknown(
            found,
            expected,
            outer(o),
            (said.ron_unknown_field, said.ron_unknown_field_near),
        ),
        E::ExpectedDifferentStructName { expected, found } => {
            fill(said.ron_not_a_struct, &[&quoted(found), &structure(expected)])
        }
        E::MissingStructField { field, outer: o } => {
            fill(said.ron_missing_field, &[field, &outer(o)])
        }
        E::DuplicateStructField { field, outer: o } => {
            fill(said.ron_duplicate_field, &[field, &outer(o)])
        }
        E::Eof => said.ron_eof.to_owned(),
        E::ExpectedComma => said.ron_expected_comma.to_owned(),
        E::ExpectedString | E::ExpectedStringEnd => said.ron_expected_string.to_owned(),
        E::ExpectedArrayEnd => fill(said.ron_expected_close, &[&"]"]),
        E::ExpectedStructLikeEnd | E::ExpectedOptionEnd => fill(said.ron_expected_close, &[&")"]),
        E::TrailingCharacters => said.ron_trailing.to_owned(),
        E::ExpectedArray => fill(said.ron_expected_close, &[&"["]),
        // A file that is not one dataset: empty, or a bare list of partners.
        E::ExpectedNamedStructLike("Dataset") => said.ron_expected_dataset.to_owned(),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            fill(said.ron_expected_close, &[&"("])
        }
        E::ExpectedMap => fill(said.ron_expected_close, &[&"{"]),
        E::ExpectedMapColon => fill(said.ron_expected_close, &[&":"]),
        E::ExpectedMapEnd => fill(said.ron_expected_close, &[&"}"]),
        E::ExpectedUnit => fill(said.ron_expected_close, &[&"()"]),
        E::ExpectedBoolean => said.ron_expected_boolean.to_owned(),
        E::ExpectedIdentifier
        | E::ExpectedStructName(_)
        | E::InvalidIdentifier(_)
        | E::SuggestRawIdentifier(_) => said.ron_expected_name.to_owned(),
        E::ExpectedInteger
        | E::ExpectedFloat
        | E::IntegerOutOfBounds
        | E::InvalidIntegerDigit { .. }
        | E::FloatUnderscore
        | E::UnderscoreAtBeginning => said.ron_expected_number.to_owned(),
        E::ExpectedOption => said.ron_expected_option.to_owned(),
        // A character that cannot be shown is named by its code point.
        E::UnexpectedChar(c) if crate::text::is_unsafe(*c) || crate::text::is_invisible(*c) => {
            fill(said.ron_unexpected_char, &[&format!("U+{:04X}", u32::from(*c))])
        }
        E::UnexpectedChar(c) => fill(said.ron_unexpected_char, &[c]),
        E::UnclosedBlockComment => said.ron_unclosed_comment.to_owned(),
        E::InvalidEscape(_) => said.ron_invalid_escape.to_owned(),
        E::NoSuchExtension(name) => {
            let names =
                ron::extensions::Extensions::all().iter_names().map(|(n, _)| n.to_lowercase());
            fill(
                said.ron_unknown_extension,
                &[&quoted(name), &names.collect::<Vec<_>>().join(", ")],
            )
        }
        other => crate::text::truncate(&other.to_string(), 4 * QUOTED_MOST).into_owned(),
    }
}

/// The one name of `expected` that `found` was most likely meant to be: the same but for
/// case, a slip or two away (one for a short word), or holding it whole (`Association` for
/// `ProfessionalAssociation`); `None` when none or several are equally near.
fn near_name<'a>(found: &str, expected: &[&'a str]) -> Option<&'a str> {
    let length = found.chars().count();
    // A name is short; a long word is no slip (and the distance would cost its square).
    if length > NEAR_MOST {
        return None;
    }
    let found = found.to_lowercase();
    let most = if length >= 6 { 2 } else { 1 };
    let distance = |name: &str| {
        let name = name.to_lowercase();
        let slips = strsim::damerau_levenshtein(&found, &name);
        if slips <= most {
            Some(slips)
        } else {
            (length >= 4 && name.contains(&found)).then_some(most + 1)
        }
    };
    let mut near =
        expected.iter().filter_map(|&name| Some((distance(name)?, name))).collect::<Vec<_>>();
    near.sort_unstable();
    match near.as_slice() {
        [(best, name), rest @ ..] if rest.first().is_none_or(|(next, _)| next > best) => Some(name),
        _ => None,
    }
}

/// What the messages call the structure ron names `name` (a Rust type's name): the words of
/// the user's language; an enum (`Kind`, as the field `kind`) keeps its name.
fn structure(name: &str) -> String {
    let said = i18n::data();
    match name {
        "Dataset" => said.structure_dataset,
        "Partner" => said.structure_partner,
        "Fact" => said.structure_fact,
        "Relation" => said.structure_relation,
        "State" => said.structure_state,
        "Marks" => said.structure_marks,
        "GlossaryGroup" => said.structure_glossary_group,
        other => other,
    }
    .to_owned()
}

/// The longest word [`near_name`] compares with names.
const NEAR_MOST: usize = 64;

/// The most columns of the file's text a message quotes.
const QUOTED_MOST: usize = 40;

/// The ids a dataset text still shows when ron cannot read it: each string written after
/// `id:`, outside strings and comments; then whether the whole text was looked through (a
/// string or a block comment that never closes hides what follows it, ids included).
pub fn ids_written(source: &str) -> (Vec<String>, bool) {
    let bytes = without_bom(source).as_bytes();
    let mut ids = Vec::new();
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        at = match byte {
            b'"' => match super::fast_ron::skip_string(bytes, at) {
                Some(end) => end,
                None => return (ids, false),
            },
            b'\'' => skip_char(bytes, at),
            b'/' => match skip_comment(bytes, at) {
                Some(end) => end,
                None => return (ids, false),
            },
            b if is_ident(b) => {
                let end = at + bytes[at..].iter().take_while(|b| is_ident(**b)).count();
                match (&bytes[at..end], bytes.get(end)) {
                    (b"r" | b"br", Some(b'"' | b'#')) => match skip_raw_string(bytes, end) {
                        Some(end) => end,
                        None => return (ids, false),
                    },
                    (b"id", _) => match id_after(bytes, end) {
                        Some((id, end)) => {
                            ids.extend(id);
                            end
                        }
                        None => return (ids, false),
                    },
                    _ => end,
                }
            }
            _ => at + 1,
        };
    }
    (ids, true)
}

fn is_ident(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

/// After the word `id` ending at `at`: the string written after its colon, if so, and where to
/// look on from; `None` when a comment or a string never closes.
fn id_after(bytes: &[u8], mut at: usize) -> Option<(Option<String>, usize)> {
    let mut colon = false;
    loop {
        match bytes.get(at) {
            Some(b' ' | b'\t' | b'\n' | b'\r') => at += 1,
            Some(b'/') if matches!(bytes.get(at + 1), Some(b'/' | b'*')) => {
                at = skip_comment(bytes, at)?;
            }
            Some(b':') if !colon => {
                colon = true;
                at += 1;
            }
            Some(b'"') if colon => {
                return Some(string_read(bytes, at, super::fast_ron::skip_string(bytes, at)?));
            }
            // A raw string is an id too (`id: r"a"`): missed, it would be told as none.
            Some(b'r') if colon && matches!(bytes.get(at + 1), Some(b'"' | b'#')) => {
                return Some(string_read(bytes, at, skip_raw_string(bytes, at + 1)?));
            }
            _ => return Some((None, at)),
        }
    }
}

/// The string literal `bytes[start..end]` as ron reads it (`None` when it cannot), and `end`.
fn string_read(bytes: &[u8], start: usize, end: usize) -> (Option<String>, usize) {
    let literal = String::from_utf8_lossy(&bytes[start..end]);
    (ron::from_str::<String>(&literal).ok(), end)
}

/// Past the character literal at `at` (`'a'`, `'\''`), or only its quote when it is none.
pub(super) fn skip_char(bytes: &[u8], at: usize) -> usize {
    let inner = if bytes.get(at + 1) == Some(&b'\\') { at + 3 } else { at + 2 };
    let end = memchr::memchr(b'\'', bytes.get(inner..).unwrap_or_default()).map(|n| inner + n);
    // A character is a few bytes; a quote further on is another's.
    end.filter(|&end| end - at <= 12).map_or(at + 1, |end| end + 1)
}

/// Past the raw string whose `#`s or quote start at `at` (`r#"…"#`); `None` if it never
/// closes.
pub(super) fn skip_raw_string(bytes: &[u8], at: usize) -> Option<usize> {
    let hashes = bytes[at..].iter().take_while(|b| **b == b'#').count();
    if bytes.get(at + hashes) != Some(&b'"') {
        return Some(at + hashes);
    }
    let mut close = vec![b'"'];
    close.extend(std::iter::repeat_n(b'#', hashes));
    let body = at + hashes + 1;
    // In linear time, however many `#`s a hostile file writes.
    let end = memchr::memmem::find(&bytes[body..], &close)?;
    Some(body + end + close.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::parse_syntax;

    #[test]
    fn a_character_ron_did_not_expect_is_named_by_its_code_point_if_unseen() {
        i18n::set(i18n::Lang::Fr);
        let said = |c| syntax_message(&ron::Error::UnexpectedChar(c));
        let (escape, at) = (said('\u{1b}'), said('@'));
        i18n::set(i18n::Lang::En);
        assert_eq!(escape, "«\u{a0}U+001B\u{a0}» n'est pas attendu ici");
        assert_eq!(at, "«\u{a0}@\u{a0}» n'est pas attendu ici");
    }

    #[test]
    fn a_name_near_what_was_written_is_offered_when_it_is_the_only_one() {
        let scopes = ["Local", "Regional", "National", "European", "International"];
        let kinds = ["LocalAuthority", "ProfessionalAssociation", "SocialEconomy", "Media"];
        let near = |found, names: &[&'static str]| near_name(found, names);
        // Another case, a slip or two, a part of the name.
        assert_eq!(near("regional", &scopes), Some("Regional"));
        assert_eq!(near("Regionale", &scopes), Some("Regional"));
        assert_eq!(near("Natoinal", &scopes), Some("National"));
        assert_eq!(near("Association", &kinds), Some("ProfessionalAssociation"));
        assert_eq!(near("medai", &kinds), Some("Media"));
        // Too far, too short to be told from a part, or as near two names: none.
        assert_eq!(near("Nope", &kinds), None);
        assert_eq!(near("Eco", &kinds), None);
        assert_eq!(near("Loca", &["Local", "Locb"]), None);
        assert_eq!(near(&"a".repeat(NEAR_MOST + 1), &["a"]), None);
    }

    /// The ids of a text ron cannot read are found after `id:`, outside strings and
    /// comments, however they are written; a string that never closes hides the rest.
    #[test]
    fn the_ids_of_a_broken_text_are_read_where_they_are_written() {
        let text = r#"// id: "in-a-comment"
            (partners: [(id: "a", name: "id: \"in-a-string\"", kind: Medai),
            /* id: "x" /* nested */ id: "y" */ (id /* here */ : "b\u{2d}c", note: r"id: \",
            c: '"', valid: "id"), (id: "d" kind: Media), (id "not-one"), (pid: "nor-this"),
            (ident: "nor-that")]"#;
        assert_eq!(ids_written(text), (vec!["a".into(), "b-c".into(), "d".into()], true));
        let (ids, whole) = ids_written(&format!("{text} (name: \"E), (id: \"f\")])"));
        assert_eq!((ids.len(), whole), (3, false));
        assert!(!ids_written("(partners: [(id: \"a\")]) /* unclosed").1);
        assert_eq!(ids_written("\u{FEFF}(id: \"a\")"), (vec!["a".into()], true));
        // A raw string, as ron reads it.
        let raw = ids_written("(partners: [(id: r\"a\"), (id: r#\"b\"c\"#), (id: r#x)])");
        assert_eq!(raw, (vec!["a".into(), "b\"c".into()], true));
        assert!(!ids_written("(id: r#\"a\"").1);
    }

    /// No start of a valid dataset, cut anywhere, is taken for a text with an error, even
    /// with a margin of a few bytes (a cut escape is found a character before the end).
    #[test]
    fn a_valid_dataset_cut_anywhere_shows_no_error() {
        const NEAR: usize = 8;
        let tricky = r##"/* a comment */ (partners: [(id: "a", name: "A \"b\" \u{e9}", acronym: Some("A"),
            kind: Media, scope: National, description: r#"raw "text" é"#, // line
            aliases: [], relations: [(kind: MemberOf, target: "b")], topics: [],),
            /* long */ (id: "b", name: "B", kind: Media, scope: National,
            description: "b")])"##;
        let templates = [
            include_str!("../../assets/template.ron"),
            include_str!("../../assets/template.fr.ron"),
        ];
        let bundled = include_str!("../../assets/partners.ron");
        for (text, step) in [(tricky, 1), (templates[0], 1), (templates[1], 1), (bundled, 11)] {
            assert!(parse_syntax(text, Path::new("x.ron")).is_ok(), "{text}");
            for cut in (0..=text.len()).step_by(step).filter(|&cut| text.is_char_boundary(cut)) {
                let found = syntax_error_in_start(&text[..cut], NEAR);
                assert!(found.is_none(), "cut at {cut}: {found:?}");
            }
        }
    }

    /// An error well before the end of what came is the whole text's, and is reported; one
    /// near the end, of ending too soon, or in a word that runs on to the end, is not.
    #[test]
    fn an_error_well_inside_the_start_is_the_whole_texts() {
        let whole = |start: &str| {
            let text = format!("{start}{}", " ".repeat(1000));
            ron_options().from_str::<Dataset>(&text).err()
        };
        for start in [
            format!("(partners: [(id: 1)]){}", " ".repeat(100)),
            "y\n".repeat(100),
            format!("(partners: [(kind: Medai{})])", " ".repeat(100)),
            format!("(partners: [#![enable(implicit_some)] (id: \"a\"){}", " ".repeat(100)),
        ] {
            let found = syntax_error_in_start(&start, 50);
            assert!(found.is_some() && found == whole(&start), "{start}: {found:?}");
            assert!(syntax_error_in_start(&start, 200).is_none(), "{start}");
        }
        let unfinished = format!("(partners: [(id: \"{}", "a".repeat(500));
        assert!(syntax_error_in_start(&unfinished, 10).is_none());
        // ron names a word it cannot read whole, where it starts: cut, it would be another.
        for run in ["id-a", "9", "-"] {
            let start = format!("(partners: [({}", run.repeat(200));
            assert!(whole(&start).is_some());
            assert_eq!(syntax_error_in_start(&start, 10), None, "{run}");
        }
    }
}
