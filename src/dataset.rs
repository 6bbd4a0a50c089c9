//! Partner records: the serde types of the RON format, the bundled dataset, and validation.
//!
//! This module owns what a dataset *is* and whether one is valid. It does no searching and
//! knows nothing of the user's marks or of the terminal.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::PARALLEL_MIN;

pub(crate) mod cache;
mod fast_ron;

/// The dataset compiled into the binary.
pub const BUNDLED_SOURCE: &str = include_str!("../assets/partners.ron");
/// A commented dataset with one example partner, printed by `partners template`.
pub const TEMPLATE: &str = include_str!("../assets/template.ron");
/// The name under which errors in the bundled dataset are reported.
pub const BUNDLED_NAME: &str = "assets/partners.ron";

/// A dataset file: `(partners: [ ... ])`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    /// Every partner of the file, in the order written.
    pub partners: Vec<Partner>,
}

/// One partner organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// Stable kebab-case slug, unique in the dataset (`ugap`, `bordeaux-metropole`).
    pub id: String,
    /// The official name, as the source gives it.
    pub name: String,
    /// A well-established acronym (`CNFPT`), when the organisation has one.
    #[serde(default)]
    pub acronym: Option<String>,
    /// Other names people type: the French or English form, a former or common short name.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What sort of organisation this is.
    pub kind: Kind,
    /// How far its action reaches.
    pub scope: Scope,
    /// Where it is based or acts (a city, a region, a country), when known.
    #[serde(default)]
    pub location: Option<String>,
    /// A few tags from the fixed vocabulary of [`Topic`].
    #[serde(default)]
    pub topics: Vec<Topic>,
    /// The description, verbatim from the source.
    pub description: String,
    /// Key figures as label/value pairs (`("Members", "3,500")`), shown as a table.
    #[serde(default)]
    pub facts: Vec<Fact>,
    /// Typed links to other partners or to outside organisations.
    #[serde(default)]
    pub relations: Vec<Relation>,
    /// Web site, when given by the source.
    #[serde(default)]
    pub website: Option<String>,
    /// Contact e-mail, when given by the source.
    #[serde(default)]
    pub email: Option<String>,
    /// Contact phone, when given by the source.
    #[serde(default)]
    pub phone: Option<String>,
    /// Stand or booth at an event, when given by the source.
    #[serde(default)]
    pub booth: Option<String>,
}

/// A key figure: `(label: "Inhabitants", value: "801,041 (2018)")`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// What is counted or stated.
    pub label: String,
    /// The figure, as the source writes it.
    pub value: String,
}

/// A typed link from one partner to another partner (`target`) or to an outside
/// organisation (`name`); exactly one of the two is set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    /// How the two are linked, read from this partner: "*this* is an initiative of *that*".
    pub kind: RelationKind,
    /// The `id` of the other partner, when it is in the dataset.
    #[serde(default)]
    pub target: Option<String>,
    /// The name of an organisation outside the dataset.
    #[serde(default)]
    pub name: Option<String>,
    /// Context for the link (a date, a programme, the basis of the link).
    #[serde(default)]
    pub note: Option<String>,
}

/// Declares a closed vocabulary: the RON identifier, the kebab-case slug used in queries and
/// JSON, and the words shown to people.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $slug:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The kebab-case name used in queries (`kind:media`) and JSON.
            pub fn slug(self) -> &'static str {
                match self { $($name::$variant => $slug),+ }
            }

            /// The words shown to people.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// The value whose slug is `slug`.
            pub fn from_slug(slug: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.slug() == slug)
            }

            /// The value whose RON identifier is `name`.
            fn from_ron_name(name: &str) -> Option<$name> {
                match name {
                    $(stringify!($variant) => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

vocabulary! {
    /// What sort of organisation a partner is.
    Kind {
        /// A city, a metropolis, a region's administration.
        LocalAuthority => "local-authority", "Local authority";
        /// A public institution, agency or chamber.
        PublicBody => "public-body", "Public body";
        /// A government programme or initiative.
        Programme => "programme", "Public programme";
        /// An association of elected officials or of local authorities.
        ElectedNetwork => "elected-network", "Network of elected officials";
        /// An association of professionals (managers, engineers, buyers).
        ProfessionalAssociation => "professional-association", "Professional association";
        /// A network of companies and entrepreneurs.
        BusinessNetwork => "business-network", "Business network";
        /// A body of the social and solidarity economy.
        SocialEconomy => "social-economy", "Social-economy organisation";
        /// A publisher, a news site.
        Media => "media", "Media and information";
        /// A foundation or a research body.
        Foundation => "foundation", "Foundation and research";
        /// A network whose members are in several countries.
        InternationalNetwork => "international-network", "International network";
    }
}

vocabulary! {
    /// How far a partner's action reaches.
    Scope {
        /// A city or a metropolitan area.
        Local => "local", "Local";
        /// A region.
        Regional => "regional", "Regional";
        /// A whole country.
        National => "national", "National";
        /// Europe.
        European => "european", "European";
        /// The world.
        International => "international", "International";
    }
}

vocabulary! {
    /// Tags for what a partner works on.
    Topic {
        /// Public procurement and purchasing.
        Procurement => "procurement", "Public procurement";
        /// The social and solidarity economy.
        SocialEconomy => "social-economy", "Social and solidarity economy";
        /// Sustainable development, environment, ecology.
        Sustainability => "sustainability", "Sustainability";
        /// Innovation and start-ups.
        Innovation => "innovation", "Innovation";
        /// Training and careers.
        Training => "training", "Training and careers";
        /// Local government and its administration.
        LocalGovernment => "local-government", "Local government";
        /// Europe and the European Union.
        Europe => "europe", "Europe";
        /// Business, companies and economic development.
        Economy => "economy", "Economic development";
        /// News and information services.
        Information => "information", "Information";
        /// Elected officials and their representation.
        ElectedOfficials => "elected-officials", "Elected officials";
        /// Cities and metropolitan areas.
        Urban => "urban", "Urban policy";
        /// Sport policies.
        Sport => "sport", "Sport";
        /// Cooperation between countries and cities worldwide.
        International => "international", "International cooperation";
        /// Employment and social inclusion.
        Inclusion => "inclusion", "Employment and inclusion";
        /// Tourism.
        Tourism => "tourism", "Tourism";
    }
}

vocabulary! {
    /// How one organisation is linked to another, read from the one that states it.
    RelationKind {
        /// This is an initiative of the other.
        InitiativeOf => "initiative-of", "An initiative of";
        /// This was founded by the other.
        FoundedBy => "founded-by", "Founded by";
        /// This was founded under the auspices of the other.
        FoundedUnderAuspicesOf => "founded-under-auspices-of", "Founded under the auspices of";
        /// This hosts the other's headquarters.
        HeadquartersOf => "headquarters-of", "Hosts the headquarters of";
        /// This holds the other's presidency.
        PresidencyOf => "presidency-of", "Holds the presidency of";
        /// This is a member of the other.
        MemberOf => "member-of", "Member of";
        /// This is part of the other (a plan, a union).
        PartOf => "part-of", "Part of";
        /// This is run by the other.
        RunBy => "run-by", "Run by";
        /// This is under the supervision of the other.
        SupervisedBy => "supervised-by", "Under the supervision of";
        /// This is supported by the other.
        SupportedBy => "supported-by", "Supported by";
        /// This supports the other.
        Supports => "supports", "Supports";
        /// This received a label or title from the other.
        AwardedBy => "awarded-by", "Label or title awarded by";
        /// This implements the policies of the other.
        Implements => "implements", "Implements the policies of";
    }
}

impl RelationKind {
    /// The words for the link read from the other end: "*that* has initiative *this*".
    pub fn inverse_label(self) -> &'static str {
        match self {
            RelationKind::InitiativeOf => "Has as an initiative",
            RelationKind::FoundedBy => "Founder of",
            RelationKind::FoundedUnderAuspicesOf => "Gave its auspices to",
            RelationKind::HeadquartersOf => "Headquartered in",
            RelationKind::PresidencyOf => "Presided by",
            RelationKind::MemberOf => "Has as a member",
            RelationKind::PartOf => "Includes",
            RelationKind::RunBy => "Runs",
            RelationKind::SupervisedBy => "Supervises",
            RelationKind::SupportedBy => "Supports",
            RelationKind::Supports => "Supported by",
            RelationKind::AwardedBy => "Awarded a label or title to",
            RelationKind::Implements => "Has its policies implemented by",
        }
    }
}

/// Where a problem sits in a dataset file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file, as the user named it.
    pub file: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file.display(), self.line, self.column)
    }
}

/// Why a dataset could not be used.
#[derive(Debug, thiserror::Error)]
pub enum DatasetError {
    /// The file could not be read.
    #[error("{}: cannot read the file: {source}", file.display())]
    Io {
        /// The file.
        file: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is not valid RON of the dataset's shape.
    #[error("{at}: {message}\n  fix: check the syntax near this place (see `partners template`)")]
    Syntax {
        /// Where the parser stopped.
        at: Location,
        /// What the parser expected.
        message: String,
    },
    /// The file parses but its content breaks a rule.
    #[error("{at}: {message}\n  fix: {fix}")]
    Invalid {
        /// Where the offending value is.
        at: Location,
        /// The rule that is broken.
        message: String,
        /// What to change.
        fix: String,
    },
}

impl DatasetError {
    /// Where the problem is, when it has a place in the file.
    pub fn location(&self) -> Option<&Location> {
        match self {
            DatasetError::Io { .. } => None,
            DatasetError::Syntax { at, .. } | DatasetError::Invalid { at, .. } => Some(at),
        }
    }
}

/// RON options for every dataset file: `acronym: "UGAP"` without `Some(...)`.
fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Parses a dataset held in memory without checking its content; `file` names it in errors.
pub fn parse_syntax(source: &str, file: &Path) -> Result<Dataset, DatasetError> {
    if let Some(partners) = fast_ron::parse(source) {
        return Ok(Dataset { partners });
    }
    ron_options().from_str(source).map_err(|e| DatasetError::Syntax {
        at: Location {
            file: file.to_path_buf(),
            line: e.span.start.line,
            column: e.span.start.col,
        },
        message: e.code.to_string(),
    })
}

/// Parses and validates a self-contained dataset held in memory; `file` names it in errors.
pub fn parse(source: &str, file: &Path) -> Result<Dataset, DatasetError> {
    let dataset = parse_syntax(source, file)?;
    validate(&dataset, source, file, &|_| false)?;
    Ok(dataset)
}

/// Reads a dataset file's text.
pub fn read_source(path: &Path) -> Result<String, DatasetError> {
    #[cfg(unix)]
    if let Some(text) = read_in_parallel(path) {
        return Ok(text);
    }
    std::fs::read_to_string(path)
        .map_err(|source| DatasetError::Io { file: path.to_path_buf(), source })
}

/// From this size, a file is read in blocks of this size on every core: copying it and
/// faulting in the memory are most of the time.
#[cfg(unix)]
const READ_BLOCK: usize = 4 << 20;

/// A large file's text read on every core; `None` for a small file or any trouble, which the
/// plain read then meets again and reports as usual.
#[cfg(unix)]
fn read_in_parallel(path: &Path) -> Option<String> {
    use std::os::unix::fs::FileExt;
    let file = std::fs::File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    let size = usize::try_from(len).ok().filter(|&size| size >= READ_BLOCK)?;
    let mut bytes = vec![0; size];
    bytes
        .par_chunks_mut(READ_BLOCK)
        .enumerate()
        .try_for_each(|(n, block)| {
            let offset = u64::try_from(n * READ_BLOCK).map_err(std::io::Error::other)?;
            file.read_exact_at(block, offset)
        })
        .ok()?;
    // A file that grew meanwhile is read again whole.
    (file.metadata().ok()?.len() == len).then_some(())?;
    String::from_utf8(bytes).ok()
}

/// Reads, parses and validates a self-contained dataset file.
pub fn load_file(path: &Path) -> Result<Dataset, DatasetError> {
    parse(&read_source(path)?, path)
}

/// The bundled dataset. It is checked by the test suite, so failure here is a build defect.
pub fn bundled() -> Result<Dataset, DatasetError> {
    parse(BUNDLED_SOURCE, Path::new(BUNDLED_NAME))
}

/// Checks a parsed dataset. `known_elsewhere` tells whether a relation target that this file
/// does not define exists in another loaded file (user datasets may point at bundled partners).
pub fn validate(
    dataset: &Dataset,
    source: &str,
    file: &Path,
    known_elsewhere: &dyn Fn(&str) -> bool,
) -> Result<(), DatasetError> {
    if is_valid(dataset, known_elsewhere) {
        return Ok(());
    }
    // Something is wrong: find the first problem again, slowly, with its place in the source.
    let finder = SourceFinder { source, file };
    let ids: HashSet<&str> = dataset.partners.iter().map(|p| p.id.as_str()).collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut cursor = 0;
    for partner in &dataset.partners {
        let found = finder.find_id(&partner.id, cursor);
        let start = found.unwrap_or(cursor);
        // The next partner's id stands after this one's (a duplicate id, too). Only past a
        // found quote: one byte further from anywhere else may split a character.
        cursor = found.map_or(cursor, |quote| quote + 1);
        let at = |needle: &str| finder.locate(needle, start);
        if !is_slug(&partner.id) {
            return Err(finder.invalid(
                start,
                format!("id \"{}\" is not a kebab-case slug", partner.id),
                "use lower-case ASCII letters, digits and single dashes, e.g. \"bordeaux-metropole\"",
            ));
        }
        if let Some(first) = seen.insert(&partner.id, start) {
            let line = finder.position(first).line;
            return Err(finder.invalid(
                start,
                format!("id \"{}\" is used twice (first on line {line})", partner.id),
                "give each partner its own id",
            ));
        }
        for (field, value) in partner.texts() {
            if value.trim().is_empty() && matches!(field, "name" | "description") {
                return Err(finder.invalid(
                    at(&format!("{field}:")),
                    format!("partner \"{}\" has an empty {field}", partner.id),
                    &format!("write the {field}"),
                ));
            }
            if let Some(c) = value.chars().find(|c| c.is_control()) {
                return Err(finder.invalid(
                    at(&format!("{field}:")),
                    format!(
                        "partner \"{}\": the {field} holds the control character U+{:04X}",
                        partner.id, c as u32
                    ),
                    "remove it (a dataset holds plain text only)",
                ));
            }
        }
        for relation in &partner.relations {
            match (&relation.target, &relation.name) {
                (Some(target), None) => {
                    if !ids.contains(target.as_str()) && !known_elsewhere(target) {
                        return Err(finder.invalid(
                            at(&format!("\"{target}\"")),
                            format!(
                                "partner \"{}\" has a relation to \"{target}\", which is not a partner",
                                partner.id
                            ),
                            "use the id of a partner of the dataset, or `name:` for an outside organisation",
                        ));
                    }
                    if target == &partner.id {
                        return Err(finder.invalid(
                            at(&format!("\"{target}\"")),
                            format!("partner \"{}\" has a relation to itself", partner.id),
                            "point the relation at another partner",
                        ));
                    }
                }
                (None, Some(name)) if !name.trim().is_empty() => {}
                _ => {
                    return Err(finder.invalid(
                        at("relations:"),
                        format!(
                            "partner \"{}\" has a relation ({}) that needs exactly one of `target` and `name`",
                            partner.id,
                            relation.kind.slug()
                        ),
                        "set `target` to a partner id, or `name` to an outside organisation",
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Whether [`validate`] would accept `dataset`: the same rules, checked without locating
/// anything in the source, without allocating per partner, and on every core.
fn is_valid(dataset: &Dataset, known_elsewhere: &dyn Fn(&str) -> bool) -> bool {
    let partners = &dataset.partners;
    let ids: HashSet<&str> = partners.iter().map(|p| p.id.as_str()).collect();
    let valid = |p: &Partner, known: &dyn Fn(&str) -> bool| {
        is_slug(&p.id)
            && p.texts_are_clean()
            && p.relations.iter().all(|relation| match (&relation.target, &relation.name) {
                (Some(target), None) => known(target) && target != &p.id,
                (None, Some(name)) => !name.trim().is_empty(),
                _ => false,
            })
    };
    let here = |id: &str| ids.contains(id);
    ids.len() == partners.len()
        && if partners.len() >= PARALLEL_MIN {
            // `known_elsewhere` need not be `Sync`: the parallel pass knows only this file's
            // ids, and a relation beyond them sends every partner to the other pass.
            partners.par_iter().all(|p| valid(p, &here))
                || partners.iter().all(|p| valid(p, &|id| here(id) || known_elsewhere(id)))
        } else {
            partners.iter().all(|p| valid(p, &|id| here(id) || known_elsewhere(id)))
        }
}

/// Whether `text` holds a control character (general category Cc: U+0000 to U+001F and
/// U+007F to U+009F), looking at bytes in blocks the compiler can vectorise.
fn has_control(text: &str) -> bool {
    let bytes = text.as_bytes();
    // C0 and DEL are single bytes; a branch-free fold over a block vectorises.
    let c0 = |block: &[u8]| block.iter().fold(0, |bad, &b| bad | u8::from(b < 0x20 || b == 0x7F));
    // C1 is 0xC2 followed by 0x80 to 0x9F.
    let c1 = |at: usize| bytes.get(at + 1).is_some_and(|&b| b < 0xA0);
    bytes.chunks(64).any(|block| c0(block) != 0) || memchr::memchr_iter(0xC2, bytes).any(c1)
}

impl Partner {
    /// Whether the texts pass [`validate`]'s rules: a name and a description that are not
    /// blank, and no control character in any text (the texts of [`Partner::texts`]).
    fn texts_are_clean(&self) -> bool {
        !self.name.trim().is_empty()
            && !self.description.trim().is_empty()
            && self.texts().all(|(_, text)| !has_control(text))
    }

    /// Every free-text field with its name, for validation.
    fn texts(&self) -> impl Iterator<Item = (&'static str, &str)> {
        let optional = [
            ("acronym", &self.acronym),
            ("location", &self.location),
            ("website", &self.website),
            ("email", &self.email),
            ("phone", &self.phone),
            ("booth", &self.booth),
        ];
        [("name", self.name.as_str()), ("description", self.description.as_str())]
            .into_iter()
            .chain(optional.into_iter().filter_map(|(f, v)| v.as_deref().map(|v| (f, v))))
            .chain(self.aliases.iter().map(|a| ("aliases", a.as_str())))
            .chain(
                self.facts
                    .iter()
                    .flat_map(|f| [("facts", f.label.as_str()), ("facts", f.value.as_str())]),
            )
            .chain(
                self.relations
                    .iter()
                    .flat_map(|r| [r.name.as_deref(), r.note.as_deref()])
                    .flatten()
                    .map(|t| ("relations", t)),
            )
    }

    /// The acronym when there is one, else the name: the shortest way to say who this is.
    pub fn short_name(&self) -> &str {
        self.acronym.as_deref().unwrap_or(&self.name)
    }
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Finds where values sit in the source text, so semantic errors carry a line and column.
struct SourceFinder<'a> {
    source: &'a str,
    file: &'a Path,
}

impl SourceFinder<'_> {
    /// The byte offset of `id: "<id>"` at or after `from`.
    fn find_id(&self, id: &str, from: usize) -> Option<usize> {
        let quoted = format!("\"{id}\"");
        let mut search = from;
        while let Some(found) = self.source[search..].find(&quoted) {
            let offset = search + found;
            let before = self.source[..offset].trim_end();
            if before.ends_with(':') && before[..before.len() - 1].trim_end().ends_with("id") {
                return Some(offset);
            }
            search = offset + quoted.len();
        }
        None
    }

    /// The byte offset of `needle` at or after `from`, else `from`.
    fn locate(&self, needle: &str, from: usize) -> usize {
        self.source[from..].find(needle).map_or(from, |i| from + i)
    }

    fn position(&self, offset: usize) -> Location {
        let before = &self.source[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Location { file: self.file.to_path_buf(), line, column }
    }

    fn invalid(&self, offset: usize, message: String, fix: &str) -> DatasetError {
        DatasetError::Invalid { at: self.position(offset), message, fix: fix.to_owned() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &str = r#"(partners: [
    (
        id: "one",
        name: "One",
        kind: Media,
        scope: National,
        description: "The first.",
        relations: [(kind: MemberOf, target: "two")],
    ),
])"#;

    fn err(source: &str) -> String {
        parse(source, Path::new("x.ron")).err().map(|e| e.to_string()).unwrap_or_default()
    }

    #[test]
    fn unknown_target_names_line_and_column() {
        let message = err(ONE);
        assert!(message.starts_with("x.ron:8:46: "), "{message}");
        assert!(message.contains("\"two\", which is not a partner"), "{message}");
    }

    #[test]
    fn syntax_error_names_line_and_column() {
        let message = err(&ONE.replace("kind: Media", "kind: Mediaa"));
        assert!(message.starts_with("x.ron:5:"), "{message}");
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
    fn the_quick_check_agrees_with_the_located_errors() {
        let two = ONE.replace("\n])", "\n    (id: \"two\", name: \"Two\", kind: Media, scope: Local, description: \"x\"),\n])");
        assert!(parse(&two, Path::new("x.ron")).is_ok());
        for bad in [
            two.replace("\"Two\"", "\" \""),
            two.replace("\"x\"", "\"\\u{85}\""),
            two.replace("id: \"two\"", "id: \"one\""),
            two.replace("id: \"two\"", "id: \"Two\""),
            two.replace("target: \"two\"", "target: \"one\""),
            two.replace("target: \"two\"", "target: \"three\""),
            two.replace("target: \"two\"", "name: \" \""),
        ] {
            let dataset = parse_syntax(&bad, Path::new("x.ron")).expect("valid syntax");
            assert!(!is_valid(&dataset, &|_| false), "{bad}");
            assert!(validate(&dataset, &bad, Path::new("x.ron"), &|_| false).is_err(), "{bad}");
        }
    }

    #[test]
    fn slugs() {
        assert!(is_slug("bordeaux-metropole"));
        for bad in ["", "Bordeaux", "a--b", "-a", "a-", "a b", "é"] {
            assert!(!is_slug(bad), "{bad}");
        }
    }
}
