//! Datasets and queries in English.

use super::Data;

/// Every message in English.
pub static DATA: Data = Data {
    cannot_read: "{}: cannot read the file: {}",
    syntax: "{}: {}\n  fix: check the syntax near this place (see `partners template`)",
    invalid: "{}: {}\n  fix: {}",
    problems_in_all: "{} problems, the first: {}: {} · fix: {} (all of them: partners validate {})",
    ron_unknown_variant: "`{}` is no {}; use one of: {}",
    ron_unknown_field: "`{}` is no field of {}; the fields are: {}",
    ron_missing_field: "field `{}` is missing in {}",
    ron_duplicate_field: "field `{}` is given twice in {}",
    ron_eof: "the file ends too soon: a bracket or a quote is left open",
    ron_expected_comma: "a comma is missing",
    ron_expected_string: "a text in double quotes is expected here, or is not closed",
    ron_expected_close: "`{}` is expected here",
    ron_trailing: "something follows the end of the data",
    nul_byte: "a NUL byte: this is not a text file",
    nul_byte_fix: "a dataset is UTF-8 text: check that this is the file meant (see `partners template`)",
    not_utf8: "bytes that are not UTF-8 text",
    not_utf8_fix: "save the file as UTF-8 text (the encoding your editor writes)",

    not_slug: "id \"{}\" is not a kebab-case slug",
    not_slug_fix: "use lower-case ASCII letters, digits and single dashes, e.g. \"bordeaux-metropole\"",
    duplicate_id: "id \"{}\" is used twice (first on line {})",
    duplicate_id_fix: "give each partner its own id",
    empty_field: "partner \"{}\" has an empty {}",
    empty_field_fix: "write the {}",
    control_character: "partner \"{}\": the {} holds the control character U+{}",
    control_character_fix: "remove it (a dataset holds plain text only)",
    unknown_target: "partner \"{}\" has a relation to \"{}\", which is not a partner",
    unknown_target_fix: "use the id of a partner of the dataset, or `name:` for an outside organisation",
    self_target: "partner \"{}\" has a relation to itself",
    self_target_fix: "point the relation at another partner",
    bad_relation: "partner \"{}\" has a relation ({}) that needs exactly one of `target` and `name`",
    bad_relation_fix: "set `target` to a partner id, or `name` to an outside organisation",

    glossary_group: "glossary group {} ({}): {}",
    glossary_language: "every group needs French (fr) and English (en) terms",
    glossary_empty_term: "a term is empty or only stop words",
    glossary_fix: "write a list of (fr: [...], en: [...]) groups, as assets/glossary.ron",

    unknown_kind: "no kind is called that; use one of: {}",
    unknown_scope: "no scope is called that; use one of: {}",
    unknown_topic: "no topic is called that; use one of: {}",
    is_values: "use is:starred or is:met",
    has_values: "use has:note or has:alias",
};
