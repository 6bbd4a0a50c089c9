//! The texts of a partner the rules look at (name, description, aliases, facts, relations'
//! names and notes), each with the field it is written in, and whether they are clean: not
//! blank where they must say something, and free of control characters.

use crate::dataset::Partner;

/// Whether `text` holds a control character (general category Cc: U+0000 to U+001F and
/// U+007F to U+009F), looking at bytes in blocks the compiler can vectorise.
pub(in crate::dataset) fn has_control(text: &str) -> bool {
    let bytes = text.as_bytes();
    // C0 and DEL are single bytes; a branch-free fold over a block vectorises.
    let c0 = |block: &[u8]| block.iter().fold(0, |bad, &b| bad | u8::from(b < 0x20 || b == 0x7F));
    // C1 is 0xC2 followed by 0x80 to 0x9F.
    let c1 = |at: usize| bytes.get(at + 1).is_some_and(|&b| b < 0xA0);
    bytes.chunks(64).any(|block| c0(block) != 0) || memchr::memchr_iter(0xC2, bytes).any(c1)
}

/// Whether a partner's name, description and aliases say something: none may be blank.
pub(in crate::dataset) fn names_something(
    name: &str,
    description: &str,
    aliases: &[String],
) -> bool {
    let blank = crate::text::is_blank;
    !blank(name) && !blank(description) && !aliases.iter().any(|alias| blank(alias))
}

impl Partner {
    /// Whether the texts pass the rules: a name, a description and aliases that are not
    /// blank, and no control character in any text (the texts of [`Partner::texts`]).
    pub(in crate::dataset) fn texts_are_clean(&self) -> bool {
        names_something(&self.name, &self.description, &self.aliases)
            && self.texts().all(|(_, text)| !has_control(text))
    }

    /// Every free-text field with where it is, for validation.
    pub(super) fn texts(&self) -> impl Iterator<Item = (Field, &str)> {
        let field = |name| Field { name, item: None, part: "" };
        let item = |name, n, part| Field { name, item: Some(n), part };
        let optional = [
            ("acronym", &self.acronym),
            ("location", &self.location),
            ("website", &self.website),
            ("email", &self.email),
            ("phone", &self.phone),
            ("booth", &self.booth),
        ];
        [(field("name"), self.name.as_str()), (field("description"), self.description.as_str())]
            .into_iter()
            .chain(optional.into_iter().filter_map(move |(f, v)| Some((field(f), v.as_deref()?))))
            .chain(
                self.aliases
                    .iter()
                    .enumerate()
                    .map(move |(n, a)| (item("aliases", n, ""), a.as_str())),
            )
            .chain(self.facts.iter().enumerate().flat_map(move |(n, f)| {
                [
                    (item("facts", n, ".label"), f.label.as_str()),
                    (item("facts", n, ".value"), f.value.as_str()),
                ]
            }))
            .chain(self.relations.iter().enumerate().flat_map(move |(n, r)| {
                [
                    (item("relations", n, ".name"), r.name.as_deref()),
                    (item("relations", n, ".note"), r.note.as_deref()),
                ]
                .into_iter()
                .filter_map(|(f, t)| Some((f, t?)))
            }))
    }
}

/// A text field of a partner, as the file writes it: `name`, `aliases[0]`, `facts[1].value`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Field {
    pub(super) name: &'static str,
    /// The item's number, in a list.
    pub(super) item: Option<usize>,
    /// The item's field (`.label`), or nothing.
    pub(super) part: &'static str,
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.item {
            Some(n) => write!(f, "{}[{n}]{}", self.name, self.part),
            None => f.write_str(self.name),
        }
    }
}
