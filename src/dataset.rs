//! Partner records: the serde types of the RON format, their vocabularies, the bundled
//! dataset, and loading a dataset file (read, parse, validate).
//!
//! This module owns what a dataset *is*; whether one is valid is [`validate()`]'s (in
//! `dataset/validate.rs`), reading files and placing problems in them is `dataset/source.rs`'s,
//! parsing a large file while it is read is `dataset/stream.rs`'s.
//! It does no searching and knows nothing of the user's marks or of the terminal.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::{self, fill};
use syntax::{CUT_MARGIN, START_LOOKED_AT, syntax_error, syntax_error_in_start};
pub use syntax::{ids_written, item_place, placed, syntax_message};

mod fast_ron;
mod ids;
mod source;
mod stream;
mod syntax;
mod validate;

pub use ids::Ids;
use source::Files;
pub use source::{
    data_path, is_standard_input, read_regular_source, read_source, refuse_terminals,
};
pub use stream::BATCH;
pub use validate::{Dangling, Texts, validate, validate_leaving_out_dangling};

/// The dataset compiled into the binary.
pub const BUNDLED_SOURCE: &str = include_str!("../assets/partners.ron");
/// A commented dataset with one example partner, printed by `partners template`: its
/// comments in the user's language.
pub fn template() -> &'static str {
    match i18n::lang() {
        i18n::Lang::En => include_str!("../assets/template.ron"),
        i18n::Lang::Fr => include_str!("../assets/template.fr.ron"),
    }
}
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
/// JSON, and the English words that machine-readable output keeps.
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

            /// The words in English, as JSON, CSV and DOT write them; people read
            /// `i18n::vocabulary()`, in their language.
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
    /// The words for the link read from the other end, in English: "*that* has initiative
    /// *this*" (people read `i18n::vocabulary()`).
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
    #[error("{}", fill(i18n::data().cannot_read, &[&.file.display(), &crate::atomic::describe(.source)]))]
    Io {
        /// The file.
        file: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is not valid RON of the dataset's shape.
    #[error("{}", fill(i18n::data().syntax, &[&.at, &.message]))]
    Syntax {
        /// Where the parser stopped.
        at: Location,
        /// What the parser expected.
        message: String,
    },
    /// The file parses but its content breaks a rule.
    #[error("{}", fill(i18n::data().invalid, &[&.at, &.message, &.fix]))]
    Invalid {
        /// Where the offending value is.
        at: Location,
        /// The rule that is broken.
        message: String,
        /// What to change.
        fix: String,
    },
    /// The file parses but its content breaks several rules: each problem, an
    /// [`DatasetError::Invalid`], in the order of the file.
    #[error("{}", lines(.0))]
    Problems(Vec<DatasetError>),
}

impl DatasetError {
    /// The file the error is about.
    pub fn file(&self) -> Option<&Path> {
        match self {
            DatasetError::Io { file, .. } => Some(file),
            DatasetError::Syntax { at, .. } | DatasetError::Invalid { at, .. } => Some(&at.file),
            DatasetError::Problems(problems) => problems.first().and_then(DatasetError::file),
        }
    }

    /// The problems this error stands for: those of [`DatasetError::Problems`], else itself.
    pub fn problems(&self) -> &[DatasetError] {
        match self {
            DatasetError::Problems(problems) => problems,
            other => std::slice::from_ref(other),
        }
    }

    /// The error on one line, for the status line: its first problem, its lines joined.
    /// When there are more, how many comes first, where a narrow line does not cut it off,
    /// then the first (placed by the file's name, not its path) and last the command that
    /// lists them all, with the path quoted for a shell.
    pub fn one_line(&self) -> String {
        let problems = self.problems();
        let line = match problems {
            [DatasetError::Invalid { at, message, fix }, _, ..] => {
                let name = at.file.file_name().unwrap_or(at.file.as_os_str()).to_string_lossy();
                let place = format!("{name}:{}:{}", at.line, at.column);
                let path = crate::text::shell_quoted(&at.file.to_string_lossy());
                let said = i18n::data().problems_in_all;
                fill(said, &[&problems.len(), &place, message, fix, &path])
            }
            _ => problems.first().map(ToString::to_string).unwrap_or_default(),
        };
        crate::text::one_line(&line)
    }

    /// One error for the problems of a file (at least one): the problem itself when alone.
    fn from_problems(mut problems: Vec<DatasetError>) -> DatasetError {
        if problems.len() == 1
            && let Some(problem) = problems.pop()
        {
            return problem;
        }
        DatasetError::Problems(problems)
    }
}

/// Each error on its own lines.
fn lines(errors: &[DatasetError]) -> String {
    errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
}

/// RON options for every dataset file: `acronym: "UGAP"` without `Some(...)`.
fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// The text without the UTF-8 byte-order mark some editors write first (positions are then
/// counted from the first character people see).
pub fn without_bom(source: &str) -> &str {
    source.strip_prefix('\u{FEFF}').unwrap_or(source)
}

/// Parses a dataset held in memory without checking its content; `file` names it in errors.
/// A syntax error stops the parse: the first one is reported.
pub fn parse_syntax(source: &str, file: &Path) -> Result<Dataset, DatasetError> {
    let source = without_bom(source);
    if let Some(partners) = fast_ron::parse(source) {
        return Ok(Dataset { partners });
    }
    ron_options().from_str(source).map_err(|e| syntax_error(&e, source, file))
}

/// Reads a dataset file's text; `progress` is told of each block read. A pipe or a device
/// may never end: a syntax error in its first block is reported at once, when the rest of
/// the text cannot change it (see [`syntax_error_in_start`]).
pub fn read_source_reporting(
    path: &Path,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<String, DatasetError> {
    read_reporting(path, Files::Any, progress)
}

/// [`read_source_reporting`] for a file of the datasets folder: only a regular file is read
/// ([`Files::Regular`]), anything else refused without waiting, even one that was a file
/// when the folder was looked at.
pub fn read_regular_source_reporting(
    path: &Path,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<String, DatasetError> {
    read_reporting(path, Files::Regular, progress)
}

fn read_reporting(
    path: &Path,
    files: Files,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<String, DatasetError> {
    source::read_text(path, files, progress, &|start| {
        let start = crate::text::start(start, START_LOOKED_AT);
        match syntax_error_in_start(start, CUT_MARGIN) {
            Some(e) => Err(syntax_error(&e, without_bom(start), path)),
            None => Ok(()),
        }
    })
}

/// Parses and validates a self-contained dataset held in memory; `file` names it in errors.
pub fn parse(source: &str, file: &Path) -> Result<Dataset, DatasetError> {
    let dataset = parse_syntax(source, file)?;
    validate(&dataset, source, file, &|_| false)?;
    Ok(dataset)
}

/// Reads and parses a dataset file without checking its content, as [`read_source_reporting`]
/// then [`parse_syntax`] would (same partners, same errors), but without holding its text:
/// partners are read on the other cores while the file is read, block by block. A file of an
/// unusual shape is read again, whole, for ron.
pub fn read_parsed(path: &Path, progress: &(dyn Fn(u64) + Sync)) -> Result<Dataset, DatasetError> {
    read_parsed_with(path, progress, &|_| ()).map(|(dataset, ..)| dataset)
}

/// [`read_parsed`], calling `also` with each batch of partners (at most [`BATCH`]) on the core
/// that read it. What it made comes back in order; nothing when the file was read whole.
/// Then whether the partners' texts were checked as they were read, for
/// [`validate_reading_again`].
pub fn read_parsed_with<T: Send>(
    path: &Path,
    progress: &(dyn Fn(u64) + Sync),
    also: &(dyn Fn(&[Partner]) -> T + Sync),
) -> Result<(Dataset, Option<Vec<T>>, Texts), DatasetError> {
    let io = |source| DatasetError::Io { file: path.to_path_buf(), source };
    let file = source::open(path, Files::Any).map_err(io)?;
    let size = file.size;
    match stream::read_partners(file, source::READ_BLOCK, size, progress, also).map_err(io)? {
        stream::Read::Partners(partners, made) => {
            Ok((Dataset { partners }, Some(made), Texts::Checked(validate::ReadClean(()))))
        }
        stream::Read::Unusual => {
            Ok((parse_syntax(&read_source(path)?, path)?, None, Texts::Unchecked))
        }
    }
}

/// Validates a self-contained dataset parsed from `file`, whose text was not kept: it is read
/// again only to place a problem (a file changed meanwhile may misplace it, never hide it).
/// `texts` tells whether the partners' texts were checked as they were read. A valid dataset
/// gives the table of its ids.
pub fn validate_reading_again(
    dataset: &Dataset,
    file: &Path,
    texts: Texts,
) -> Result<Ids, DatasetError> {
    validate::validate_placing(dataset, file, &|_| false, texts, || {
        std::borrow::Cow::Owned(read_source(file).unwrap_or_default())
    })
}

/// Reads, parses and validates a self-contained dataset file.
pub fn load_file(path: &Path) -> Result<Dataset, DatasetError> {
    parse(&read_source_reporting(path, &|_| {})?, path)
}

/// The bundled dataset. It is checked by the test suite, so failure here is a build defect.
pub fn bundled() -> Result<Dataset, DatasetError> {
    parse(BUNDLED_SOURCE, Path::new(BUNDLED_NAME))
}

impl Partner {
    /// The acronym when there is one, else the name: the shortest way to say who this is.
    /// A blank acronym (`acronym: ""`) is none.
    pub fn short_name(&self) -> &str {
        self.acronym.as_deref().filter(|a| !crate::text::is_blank(a)).unwrap_or(&self.name)
    }

    /// The acronym shown after the name ("Name (ACR)"), when it says something the name
    /// does not.
    pub fn shown_acronym(&self) -> Option<&str> {
        self.acronym.as_deref().filter(|a| *a != self.name && !crate::text::is_blank(a))
    }

    /// Columns "Name (ACR)" takes on a terminal, cleaned as the list shows it.
    pub fn label_width(&self) -> usize {
        let width = |text: &str| crate::text::width(&crate::text::clean(text));
        width(&self.name) + self.shown_acronym().map_or(0, |a| width(a) + 3)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One valid partner with a relation to a partner that is not there (also used by
    /// `validate`'s tests).
    pub(super) const ONE: &str = r#"(partners: [
    (
        id: "one",
        name: "One",
        kind: Media,
        scope: National,
        description: "The first.",
        relations: [(kind: MemberOf, target: "two")],
    ),
])"#;

    /// The error `source` gives, as displayed.
    pub(super) fn err(source: &str) -> String {
        parse(source, Path::new("x.ron")).err().map(|e| e.to_string()).unwrap_or_default()
    }

    #[test]
    fn syntax_error_names_line_and_column() {
        let message = err(&ONE.replace("kind: Media", "kind: Mediaa"));
        assert!(message.starts_with("x.ron:5:"), "{message}");
    }

    /// A value that is not there, or not of its kind, is placed where it is, past the white
    /// space and comments before it (ron's span starts after the colon).
    #[test]
    fn a_wrong_value_is_placed_at_the_value() {
        let cases = [
            ("name: \"One\",", "name:\n            12,", "x.ron:5:13: "),
            ("name: \"One\",", "name: // the name\n    /* said */ 12,", "x.ron:5:16: "),
            ("name: \"One\",", "name:\t12,", "x.ron:4:15: "),
            ("kind: Media", "kind:\n        Mediaa", "x.ron:6:9: "),
        ];
        for (was, is, at) in cases {
            let message = err(&ONE.replace(was, is));
            assert!(message.starts_with(at), "{is}: {message}");
        }
    }

    #[test]
    fn a_byte_order_mark_is_skipped_and_positions_stay_right() {
        let valid = ONE.replace("relations: [(kind: MemberOf, target: \"two\")],", "");
        let parsed = parse(&format!("\u{FEFF}{valid}"), Path::new("x.ron"));
        assert_eq!(parsed.ok().map(|d| d.partners.len()), Some(1));
        let message = err(&format!("\u{FEFF}{ONE}"));
        assert!(message.starts_with("x.ron:8:46: "), "{message}");
        let on_first_line =
            "(partners: [(id: \"A\", name: \"A\", kind: Media, scope: Local, description: \"x\")])";
        let message = err(&format!("\u{FEFF}{on_first_line}"));
        assert!(message.starts_with("x.ron:1:18: "), "{message}");
        let message = err(&format!("\u{FEFF}{}", on_first_line.replace("Media", "Mediaa")));
        assert_eq!(err(&on_first_line.replace("Media", "Mediaa")), message);
    }

    /// A file of the datasets folder is opened as the start opens it: a FIFO there (one swapped
    /// in after the folder was looked at) is refused at once, said as any file that is not a
    /// regular one is, never waited on (that would hold the start up until a writer came).
    #[cfg(unix)]
    #[test]
    fn a_fifo_opened_from_the_datasets_folder_is_refused_without_waiting() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let fifo = dir.path().join("swapped.ron");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
        assert!(made.success());
        let (sent, read) = std::sync::mpsc::channel();
        let path = fifo.clone();
        std::thread::spawn(move || {
            let _english = i18n::speaking(i18n::Lang::En);
            let said = |read: Result<String, DatasetError>| read.map_err(|e| e.to_string());
            let dataset = said(read_regular_source_reporting(&path, &|_| {}));
            // The glossary is opened so too, by the browser and by `validate`.
            let glossary = crate::catalog::read_glossary(&path).map(|_| String::new());
            let glossary = said(glossary);
            let _ = sent.send((dataset, glossary));
        });
        // A guard only: waiting on the FIFO would never end.
        let said = read.recv_timeout(std::time::Duration::from_secs(30));
        let said = said.unwrap_or_else(|_| panic!("the FIFO was waited on"));
        let not_regular = "not a regular file but a pipe, a device or a socket";
        let refused = Err(format!("{}: cannot read the file: {not_regular}", fifo.display()));
        assert_eq!(said, (refused.clone(), refused));
    }
}
