//! Les jeux de données et les recherches en français.

use super::Data;

/// Tous les messages en français. La place d'un problème (`fichier:ligne:colonne: `) garde
/// la forme que lisent les éditeurs.
pub static DATA: Data = Data {
    cannot_read: "{} : impossible de lire le fichier : {}",
    syntax: "{}: {}\n  correction : vérifiez la syntaxe à cet endroit (voir `partners template`)",
    invalid: "{}: {}\n  correction : {}",
    problems_in_all: "{} problèmes, le premier\u{a0}: {}: {} · correction\u{a0}: {} (tous\u{a0}: partners validate {})",
    ron_unknown_variant: "«\u{a0}{}\u{a0}» n'est pas un {} connu\u{a0}; choisissez parmi\u{a0}: {}",
    ron_unknown_field: "«\u{a0}{}\u{a0}» n'est pas un champ de {}\u{a0}; les champs sont\u{a0}: {}",
    ron_missing_field: "le champ «\u{a0}{}\u{a0}» manque dans {}",
    ron_duplicate_field: "le champ «\u{a0}{}\u{a0}» est donné deux fois dans {}",
    ron_eof: "le fichier finit trop tôt\u{a0}: une parenthèse, un crochet ou un guillemet reste ouvert",
    ron_expected_comma: "il manque une virgule",
    ron_expected_string: "un texte entre guillemets droits est attendu ici, ou n'est pas fermé",
    ron_expected_close: "«\u{a0}{}\u{a0}» est attendu ici",
    ron_trailing: "quelque chose suit la fin des données",
    ron_expected_boolean: "«\u{a0}true\u{a0}» ou «\u{a0}false\u{a0}» est attendu ici",
    ron_expected_name: "un nom est attendu ici\u{a0}: un champ, ou une valeur comme «\u{a0}Media\u{a0}»",
    ron_expected_number: "un nombre est attendu ici",
    ron_expected_option: "«\u{a0}Some(…)\u{a0}» ou «\u{a0}None\u{a0}» est attendu ici",
    ron_unexpected_char: "«\u{a0}{}\u{a0}» n'est pas attendu ici",
    ron_unclosed_comment: "un commentaire ouvert par «\u{a0}/*\u{a0}» n'est pas fermé",
    ron_invalid_escape: "une barre oblique inverse dans un texte n'ouvre aucun échappement connu (écrivez «\u{a0}\\\\\u{a0}» pour une barre oblique inverse)",
    nul_byte: "un octet NUL : ce n'est pas un fichier texte",
    nul_byte_fix: "un jeu de données est du texte UTF-8 : vérifiez que c'est le bon fichier (voir `partners template`)",
    not_utf8: "des octets qui ne sont pas du texte UTF-8",
    not_utf8_fix: "enregistrez le fichier en texte UTF-8 (l'encodage que votre éditeur écrit)",

    not_slug: "l'identifiant « {} » n'est pas en kebab-case",
    not_slug_fix: "utilisez des lettres ASCII minuscules, des chiffres et des tirets simples, par exemple \"bordeaux-metropole\"",
    duplicate_id: "l'identifiant « {} » est utilisé deux fois (la première à la ligne {})",
    duplicate_id_fix: "donnez à chaque partenaire son propre identifiant",
    empty_field: "le partenaire « {} » a un champ {} vide",
    empty_field_fix: "remplissez le champ {}",
    control_character: "partenaire « {} » : le champ {} contient le caractère de contrôle U+{}",
    control_character_fix: "supprimez-le (un jeu de données ne contient que du texte brut)",
    unknown_target: "le partenaire « {} » a une relation vers « {} », qui n'est pas un partenaire",
    unknown_target_fix: "utilisez l'identifiant d'un partenaire du jeu de données, ou `name:` pour un organisme extérieur",
    self_target: "le partenaire « {} » a une relation vers lui-même",
    self_target_fix: "faites pointer la relation vers un autre partenaire",
    bad_relation: "le partenaire « {} » a une relation ({}) qui demande exactement un champ parmi `target` et `name`",
    bad_relation_fix: "mettez dans `target` l'identifiant d'un partenaire, ou dans `name` un organisme extérieur",

    glossary_group: "groupe {} du glossaire ({}) : {}",
    glossary_language: "chaque groupe a besoin de termes en français (fr) et en anglais (en)",
    glossary_empty_term: "un terme est vide ou ne contient que des mots vides",
    glossary_fix: "écrivez une liste de groupes (fr: [...], en: [...]), comme assets/glossary.ron",

    unknown_kind: "aucun type ne porte ce nom ; choisissez parmi : {}",
    filter_without_value: "ce filtre n'a pas de valeur : écrivez-en une après les deux-points, comme kind:media",
    unknown_scope: "aucune portée ne porte ce nom ; choisissez parmi : {}",
    unknown_topic: "aucun thème ne porte ce nom ; choisissez parmi : {}",
    is_values: "utilisez is:starred ou is:met",
    has_values: "utilisez has:note ou has:alias",
};
