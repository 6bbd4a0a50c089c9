//! Le mode simple en français.

use super::Plain;

/// Tous les messages du mode simple en français.
pub static PLAIN: Plain = Plain {
    welcome: "partners, mode simple. Tapez des mots pour chercher, le numéro d'un résultat pour le lire, «\u{a0}aide\u{a0}» pour les commandes.",
    help: "\
Commandes\u{a0}:
  MOTS             chercher (même syntaxe que le navigateur)\u{a0}; «\u{a0}chercher MOTS\u{a0}» si le premier mot est une commande
  NUMÉRO           lire ce résultat (aussi voir, lire ou ouvrir NUMÉRO\u{a0}; voir ID pour le partenaire de cet identifiant)
  suite            les résultats suivants
  retour           revoir les résultats
  étoile           ajouter l'étoile au partenaire lu (sansétoile pour la retirer)
  rencontré        le marquer comme rencontré (nonrencontré pour l'inverse)
  note TEXTE       écrire votre note sur lui
  sansnote         supprimer votre note
  alias TEXTE      lui donner un alias à vous, trouvé par la recherche (sansalias TEXTE en retire un)
  aide             cette liste
  quitter, q       partir (la fin de l'entrée aussi)
Les noms anglais (star, met, more, back, help, quit...) marchent aussi.",
    bye: "Au revoir.",
    not_text: "Cette ligne n'est pas du texte UTF-8\u{a0}: réglez le terminal en UTF-8, puis retapez-la.",
    query_error: "erreur dans la recherche\u{a0}: {}",
    no_match: "Aucun partenaire ne correspond à «\u{a0}{}\u{a0}».",
    no_match_kind: "Les mots cherchent dans les noms et les textes, pas les types\u{a0}: tapez {} pour les partenaires de ce type.",
    one_result: "{} résultat pour «\u{a0}{}\u{a0}»\u{a0}:",
    results: "{} résultats pour «\u{a0}{}\u{a0}»\u{a0}:",
    results_again: "Résultats pour «\u{a0}{}\u{a0}»\u{a0}:",
    more_left: "{} de plus\u{a0}: tapez suite, ou ajoutez des mots pour affiner.",
    no_list: "Pas encore de résultats\u{a0}: tapez des mots pour chercher.",
    no_more: "Aucun autre résultat.",
    no_such_result: "Pas de résultat {}\u{a0}: choisissez de 1 à {}.",
    no_partner: "Aucun partenaire ouvert\u{a0}: tapez d'abord le numéro d'un résultat.",
    note_usage: "Tapez note suivi du texte\u{a0}; sansnote supprime la note.",
    after_card: "Tapez retour pour les résultats, aide pour les commandes.",
    no_store: "erreur\u{a0}: non enregistré\u{a0}: votre dossier de données n'a pas pu être ouvert.",
    changed: "{}\u{a0}: {}.",
    starred: "étoile ajoutée",
    unstarred: "étoile retirée",
    met: "marqué comme rencontré",
    unmet: "n'est plus marqué comme rencontré",
    note_saved: "note enregistrée",
    note_removed: "note supprimée",
    alias_usage: "Tapez alias suivi d'un nom pour l'ajouter\u{a0}; sansalias suivi d'un nom le retire.",
    alias_added: "alias ajouté",
    alias_removed: "alias retiré",
    unchanged: "rien à changer, c'est déjà le cas",
    no_such_alias: "aucun de vos alias ne s'écrit ainsi",
    mark_starred: "étoilé",
    mark_met: "rencontré",
    mark_noted: "annoté",
    same_name_id: "identifiant {}",
    found_in_note: "trouvé dans votre note ou vos alias",
    lacks_word: "sans «\u{a0}{}\u{a0}»",
    all_but_one: "Aucun partenaire n'a tous les mots de la recherche\u{a0}: voici ceux à qui il n'en manque qu'un.",
    not_saved: "erreur\u{a0}: non enregistré\u{a0}: {}",
    warning: "attention\u{a0}: {}",
    no_history: "attention\u{a0}: la recherche n'a pas été ajoutée à votre historique\u{a0}: {}",
    skipped_dataset: "attention\u{a0}: données ignorées\u{a0}: {}",
    cannot_save: "attention\u{a0}: vos marques et notes ne pourront pas être enregistrées\u{a0}: {}",
};
