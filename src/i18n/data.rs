//! What is wrong with a dataset or a query (`Data`), in English (`en.rs`) and French
//! (`fr.rs`): the validation messages and their fixes, and the query's errors. One table for
//! the command line (`validate`, warnings) and the browser (status line, empty list).
//! Messages are made in the language of the thread that makes them: a thread that loads
//! datasets or parses queries for the browser sets the language first (`i18n::set`).

mod en;
mod fr;

use super::{Lang, table};

table! {
    /// Every message about datasets and queries in one language.
    Data {
        // -- Around each problem of a dataset --
        /// `{}`: the file, `{}`: why.
        cannot_read,
        /// `{}`: where, `{}`: what the parser expected.
        syntax,
        /// `{}`: where, `{}`: the broken rule, `{}`: what to change.
        invalid,
        /// A file's problems on the status line: `{}`: how many (two or more), `{}`: where
        /// the first is (file name, line, column), `{}`: what it is, `{}`: its fix, `{}`:
        /// the file's path, quoted for a shell.
        problems_in_all,
        // -- What the RON parser finds, in our words (the rarest keep ron's English) --
        /// `{}`: the value written, `{}`: what it should name, `{}`: the values.
        ron_unknown_variant,
        /// `{}`: the field written, `{}`: where, `{}`: the fields.
        ron_unknown_field,
        /// The two above when one name is near what was written (a slip, another case, a
        /// part of the name): `{}`: what was written, `{}`: where, `{}`: that name, `{}`:
        /// all the names.
        ron_unknown_variant_near,
        ron_unknown_field_near,
        /// `{}`: the field, `{}`: where.
        ron_missing_field,
        /// `{}`: the word written, `{}`: the structure expected there (see `structure_*`).
        ron_not_a_struct,
        /// What the parser's messages call each structure of a file (rather than its Rust
        /// name), with an article: the `{}` of the messages above that name one.
        structure_dataset,
        structure_partner,
        structure_fact,
        structure_relation,
        structure_state,
        structure_marks,
        structure_glossary_group,
        /// `{}`: the field, `{}`: where.
        ron_duplicate_field,
        ron_eof,
        ron_expected_comma,
        ron_expected_string,
        /// `{}`: the bracket.
        ron_expected_close,
        ron_trailing,
        /// Where a file should start with its dataset, `(partners: [`.
        ron_expected_dataset,
        ron_expected_boolean,
        ron_expected_name,
        ron_expected_number,
        ron_expected_option,
        /// `{}`: the character.
        ron_unexpected_char,
        ron_unclosed_comment,
        ron_invalid_escape,
        /// `{}`: the name written in `#![enable(…)]`; `{}`: the names there are.
        ron_unknown_extension,
        /// A NUL byte in a dataset file (`/dev/zero`).
        nul_byte,
        nul_byte_fix,
        /// Bytes that are not UTF-8, where they start.
        not_utf8,
        not_utf8_fix,
        // -- The rules of a dataset, each with its fix --
        /// `{}`: the id.
        not_slug,
        not_slug_fix,
        /// `{}`: the id, `{}`: the line of its first use.
        duplicate_id,
        duplicate_id_fix,
        /// `{}`: the partner's id, `{}`: the field (a RON key: `name`, `description`).
        empty_field,
        /// `{}`: the field.
        empty_field_fix,
        /// `{}`: the partner's id, `{}`: the alias as the file writes it (`aliases[1]`).
        blank_alias,
        blank_alias_fix,
        /// `{}`: the partner's id, `{}`: the field, `{}`: the code point (`001B`).
        control_character,
        control_character_fix,
        /// `{}`: the partner's id, `{}`: the target.
        unknown_target,
        unknown_target_fix,
        /// A relation to a partner of a file that was skipped. `{}`: the partner's id,
        /// `{}`: the target.
        target_not_loaded,
        target_not_loaded_fix,
        /// A relation to a partner that no file loaded has, while a skipped file could not
        /// be read far enough to tell. `{}`: the partner's id, `{}`: the target.
        target_maybe_not_loaded,
        target_maybe_not_loaded_fix,
        /// `{}`: the partner's id.
        self_target,
        self_target_fix,
        /// `{}`: the partner's id, `{}`: the relation's slug.
        bad_relation,
        bad_relation_fix,
        /// `{}`: the partner's id, `{}`: the relation's kind.
        repeated_relation,
        repeated_relation_fix,
        // -- The user's glossary (`glossary.ron` in the datasets folder) --
        /// `{}`: the group's number (from 1), `{}`: its first term, `{}`: what is wrong.
        glossary_group,
        /// What is wrong with a group: one language missing.
        glossary_language,
        /// What is wrong with a group: a term with no word to look for.
        glossary_empty_term,
        /// How to write a glossary.
        glossary_fix,
        /// The user's glossary could not be used. `{}`: why (where, what, the fix).
        glossary_left_out,
        // -- Two files of the user's with the same id --
        /// `{}`: the later file, `{}`: the id, `{}`: the earlier file.
        replaced_one,
        /// `{}`: the later file, `{}`: how many partners, `{}`: the first id, `{}`: the
        /// earlier file.
        replaced_many,
        // -- Relations of a user's file to partners that no file has, left out --
        /// `{}`: the problem (where, which partner, which target, the fix).
        relation_left_out_one,
        /// `{}`: how many, `{}`: the problems, one a line (or on one line, counted).
        relation_left_out_many,
        // -- Relations of a user's file to partners of a file that was skipped, left out --
        /// `{}`: the problem (where, which partner, which target, the fix).
        relation_not_loaded_one,
        /// `{}`: how many, `{}`: the problems, one a line (or on one line, counted).
        relation_not_loaded_many,
        // -- Relations to partners that no file loaded has, a skipped file unread, left out --
        /// `{}`: the problem (where, which partner, which target, the fix).
        relation_maybe_not_loaded_one,
        /// `{}`: how many, `{}`: the problems, one a line (or on one line, counted).
        relation_maybe_not_loaded_many,
        // -- The query --
        /// `{}`: the kinds' slugs.
        unknown_kind,
        /// A kind's name that starts several (`--kind p`); `{}`: those kinds.
        ambiguous_kind,
        /// A filter with nothing after its colon, in a whole query (`search`, plain mode). `{}`:
        /// an example of that filter.
        filter_without_value,
        /// `{}`: the scopes' slugs.
        unknown_scope,
        /// `{}`: the topics' slugs.
        unknown_topic,
        /// `is:` names no mark.
        is_values,
        /// `has:` names nothing a partner has.
        has_values,
        /// A word before a colon that names no filter (`type:` is `kind:`'s other name).
        unknown_filter,
    }
}

/// The messages in `lang`.
pub fn of(lang: Lang) -> &'static Data {
    match lang {
        Lang::En => &en::DATA,
        Lang::Fr => &fr::DATA,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_every_message() {
        super::super::check_tables(&of(Lang::En).all(), &of(Lang::Fr).all());
    }

    #[test]
    fn dataset_and_query_errors_speak_the_threads_language() {
        let bad =
            r#"(partners: [(id: "Bad", name: "B", kind: Media, scope: Local, description: "x")])"#;
        let message = |source: &str| {
            crate::dataset::parse(source, std::path::Path::new("x.ron"))
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        let query = |q: &str| {
            crate::search::Query::parse(q).err().map(|e| e.to_string()).unwrap_or_default()
        };
        assert_eq!(
            message(bad),
            "x.ron:1:18: id \"Bad\" is not a kebab-case slug\n  fix: use lower-case ASCII \
             letters, digits and single dashes, e.g. \"bordeaux-metropole\""
        );
        assert_eq!(query("is:zzz"), "is:zzz: use is:starred or is:met");
        super::super::set(Lang::Fr);
        let french = message(bad);
        let french_syntax = message(&bad.replace("Media", "Mediaa"));
        let french_query = query("scope:zzz");
        super::super::set(Lang::En);
        assert_eq!(
            french,
            "x.ron:1:18: l'identifiant «\u{a0}Bad\u{a0}» n'est pas en kebab-case\n  correction\u{a0}: utilisez \
             des lettres ASCII minuscules, des chiffres et des tirets simples, par exemple \
             \"bordeaux-metropole\""
        );
        assert!(
            french_syntax.contains("\n  correction\u{a0}: vérifiez la syntaxe"),
            "{french_syntax}"
        );
        assert_eq!(
            french_query,
            "scope:zzz\u{a0}: aucune portée ne s'appelle ainsi\u{a0}; choisissez parmi\u{a0}: local, régional, \
             national, européen, international"
        );
    }
}
