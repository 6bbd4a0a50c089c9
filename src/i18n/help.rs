//! The command line's help in French (`partners --lang fr --help`): each subcommand's and
//! argument's text, by subcommand (`""` for the program itself) and argument id (`<about>` for
//! what the subcommand does). English is clap's, from the doc comments in `src/cli.rs`; a test
//! walks the whole command tree so that no option is added without its French text.

/// The French help of argument `id` (or `<about>`) of subcommand `command`.
#[allow(clippy::too_many_lines)] // One table: an arm for each text.
pub fn french(command: &str, id: &str) -> Option<&'static str> {
    Some(match (command, id) {
        ("", "<about>") => {
            "Un navigateur en terminal pour un réseau d'organismes partenaires.\n\nSans \
             commande, ouvre le navigateur\u{a0}; `partners RECHERCHE` l'ouvre avec RECHERCHE \
             déjà tapée."
        }
        ("", "data") => {
            "N'utiliser que ce fichier de données, au lieu du jeu intégré et des vôtres \
             (répétable\u{a0}; `-` lit l'entrée standard)"
        }
        ("", "home") => {
            "Dossier de vos étoiles et notes (state.ron), de vos jeux de données (datasets/) et \
             de config.toml [par défaut\u{a0}: `$PARTNERS_HOME`\u{a0}; sinon les étoiles et \
             notes dans le dossier de données de la plateforme, datasets/ et config.toml dans \
             son dossier de configuration\u{a0}: ~/.config/partners/ sous Linux]"
        }
        ("", "theme") => {
            "Thème de couleurs du navigateur [par défaut\u{a0}: celui du fichier de \
             configuration, sinon dark] [valeurs\u{a0}: dark, light]"
        }
        ("", "no_mouse") => {
            "Ne pas capturer la souris (le terminal peut alors sélectionner du texte)"
        }
        ("", "plain") => {
            "Une invite ligne à ligne au lieu du navigateur, pour les lecteurs d'écran et les \
             terminaux simples (par défaut quand TERM=dumb)"
        }
        ("", "lang") => {
            "Langue des messages [par défaut\u{a0}: selon `LANGUAGE`, `LC_ALL`, `LC_MESSAGES` ou `LANG`, \
             sinon en] [valeurs\u{a0}: en, fr]"
        }
        ("", "json") => {
            "Afficher du JSON, comme le `--json` de `search`, `show`, `list` et `alias`\u{a0}; \
             il peut aussi venir avant la commande (`partners --json search ugap`)"
        }
        ("", "query") => {
            "Ouvrir le navigateur avec cette recherche tapée (après `--` si elle commence par \
             `-`)"
        }
        ("search", "<about>") => {
            "Afficher les partenaires qui correspondent à RECHERCHE, les meilleurs d'abord \
             (code 1 si aucun)"
        }
        ("search", "query") => {
            "La recherche (même syntaxe que dans le navigateur\u{a0}; voir le README)\u{a0}; \
             après `--` si elle commence par `-`"
        }
        ("search", "json") => "Afficher un tableau JSON (chaque objet avec un `score`)",
        ("search", "limit") => {
            "Au plus ce nombre de résultats\u{a0}; 0 n'en affiche aucun, pour le seul code de \
             sortie (comme `grep -q`)"
        }
        ("show", "<about>") => "Afficher un partenaire en entier",
        ("show", "id") => "L'identifiant du partenaire (voir `partners list`)",
        ("show", "json") => "Afficher un objet JSON",
        ("show", "format") => "Afficher la fiche en texte ou en Markdown [valeurs\u{a0}: text, md]",
        ("show", "qr") => {
            "Afficher un code QR de la fiche à scanner avec un téléphone (un contact quand le \
             partenaire a un site, un courriel ou un téléphone), à la taille du terminal"
        }
        ("list", "<about>") => "Afficher tous les partenaires",
        ("list", "kind") => "Seulement les partenaires de ce type",
        ("list" | "export", "starred") => "Seulement les partenaires étoilés",
        ("list" | "export", "met") => "Seulement les partenaires marqués comme rencontrés",
        ("list" | "export", "noted") => "Seulement les partenaires avec une note",
        ("list", "json") => "Afficher un tableau JSON",
        ("validate", "<about>") => {
            "Vérifier des fichiers de données\u{a0}; afficher chaque problème avec sa ligne et \
             sa colonne (code 1 s'il y en a)"
        }
        ("validate", "files") => {
            "Les fichiers à vérifier (`-` lit l'entrée standard, comme `--data -`)"
        }
        ("star", "<about>") => "Mettre une étoile à un partenaire",
        ("unstar", "<about>") => "Retirer l'étoile d'un partenaire",
        ("star" | "unstar" | "met" | "note" | "alias", "id") => "L'identifiant du partenaire",
        ("met", "<about>") => "Marquer un partenaire comme rencontré (`--undo` pour l'enlever)",
        ("met", "undo") => "Enlever la marque au lieu de la mettre",
        ("note", "<about>") => "Écrire la note d'un partenaire (`--clear` l'efface)",
        ("note", "text") => {
            "Le texte de la note (les mots sont joints par des espaces\u{a0}; `-` lit l'entrée \
             standard). Il ne peut pas être vide\u{a0}: `--clear` est la seule façon d'effacer \
             une note"
        }
        ("note", "clear") => "Effacer la note",
        ("alias", "<about>") => {
            "Vos propres alias d'un partenaire, cherchés comme sa description\u{a0}: `alias ID \
             TEXTE` en ajoute un, `--remove TEXTE` en retire un, `alias ID` les liste"
        }
        ("alias", "text") => {
            "L'alias à ajouter (les mots sont joints par des espaces)\u{a0}; un alias déjà là, \
             aux majuscules et accents près, n'est pas ajouté deux fois"
        }
        ("alias", "remove") => {
            "Retirer cet alias (comparé sans majuscules ni accents)\u{a0}; aussi un alias qui \
             commence par `-` (`--remove --bizarre`), tel qu'il a été ajouté (`alias ID -- \
             --bizarre`)"
        }
        ("alias", "json") => "Lister les alias en objet JSON (`{\"id\": ..., \"aliases\": [...]}`)",
        ("export", "<about>") => {
            "Écrire les partenaires avec vos marques et vos notes, pour le suivi après un \
             événement"
        }
        ("export", "format") => {
            "Format de sortie\u{a0}; sans lui, l'extension de `-o FICHIER` quand elle en nomme \
             un (.csv .tsv .json .md .markdown .dot .gv .vcf .vcard), sinon csv. Donné avec un \
             FICHIER dont l'extension en nomme un autre, c'est lui qui compte, avec un \
             avertissement. tsv est le CSV aux champs séparés par des tabulations, sauf \
             `--separator` contraire (ce qu'écrit `-o FICHIER.tsv`) [valeurs\u{a0}: csv, tsv, \
             json, md, dot, vcf, en majuscules ou non\u{a0}; aussi markdown, gv, graphviz, vcard]"
        }
        ("export", "separator") => {
            "Ce qui sépare les champs d'un CSV\u{a0}: comma, la virgule (par défaut), semicolon, \
             le point-virgule (ce qu'attend un tableur réglé en français), ou tab, la tabulation \
             (par défaut pour `--format tsv` et `-o FICHIER.tsv`). Ignoré, avec un \
             avertissement, pour un autre format [valeurs\u{a0}: comma, semicolon, tab\u{a0}; \
             aussi `,` virgule, `;` point-virgule, tabulation]"
        }
        ("export", "output") => {
            "Écrire dans ce fichier au lieu de la sortie standard (de façon atomique)"
        }
        ("template", "<about>") => {
            "Afficher un jeu de données commenté avec un partenaire d'exemple, pour commencer \
             le vôtre"
        }
        ("completions", "<about>") => {
            "Afficher le script qui fait compléter à SHELL les commandes, les options et les \
             identifiants des partenaires"
        }
        ("completions", "shell") => "Le shell [valeurs\u{a0}: bash, zsh, fish, powershell]",
        ("man", "<about>") => {
            "Afficher la page de manuel (roff)\u{a0}: `partners man > partners.1`"
        }
        ("config", "<about>") => {
            "Le fichier de configuration\u{a0}: d'où il est lu (`--path`), une configuration \
             par défaut complète et commentée (`--default`), ou s'il est utilisable \
             (`--check`)"
        }
        ("config", "path") => "Afficher d'où le fichier de configuration est lu",
        ("config", "default") => {
            "Afficher un fichier de configuration avec chaque réglage et chaque touche à sa \
             valeur par défaut, commenté"
        }
        ("config", "check") => {
            "Vérifier le fichier de configuration\u{a0}: code 0 s'il est utilisable, 2 avec le \
             problème sinon"
        }
        ("help", "<about>") => "Afficher cette aide, ou celle des commandes données",
        (_, "help") => "Afficher l'aide",
        ("", "version") => "Afficher la version",
        _ => return None,
    })
}

/// The French of a value's name (`QUERY` in `[QUERY]`, `FILE` in `--data <FILE>`), as the help
/// and the man page show it; `None` for a name that is the same in both languages.
pub fn french_value_name(english: &str) -> Option<&'static str> {
    Some(match english {
        "QUERY" => "RECHERCHE",
        "FILE" => "FICHIER",
        "FILES" => "FICHIERS",
        "DIR" => "DOSSIER",
        "THEME" => "THÈME",
        "LANG" => "LANGUE",
        "KIND" => "TYPE",
        "TEXT" => "TEXTE",
        "SEP" => "SÉPARATEUR",
        // clap's name for the command in a usage line (`[COMMAND]`).
        "COMMAND" => "COMMANDE",
        _ => return None,
    })
}

/// The French of what a value means, as shell completion shows it beside the value (`csv`
/// of `--format`), by its English text (the value's doc comment in `src/cli.rs` and
/// `src/export.rs`): a value's name can mean two things (`md` of `show` and of `export`).
pub fn french_value_help(english: &str) -> Option<&'static str> {
    Some(match english {
        "A spreadsheet (UTF-8 with a byte-order mark, so accents survive)" => {
            "Un tableur (UTF-8 avec une marque d'ordre des octets, pour garder les accents)"
        }
        "The same spreadsheet, its fields separated by tabs unless `--separator` says otherwise (what `-o FILE.tsv` writes)" => {
            "Le même tableur, ses champs séparés par des tabulations sauf `--separator` \
             contraire (ce qu'écrit `-o FICHIER.tsv`)"
        }
        "A JSON array of partners, with marks, notes, relations and backlinks" => {
            "Un tableau JSON des partenaires, avec marques, notes, relations et liens"
        }
        "A Markdown document, one section a partner" => {
            "Un document Markdown, une section par partenaire"
        }
        "The network of relations, for Graphviz (`dot -Tsvg`); partners linked to those chosen are drawn too, dashed" => {
            "Le réseau des relations, pour Graphviz (`dot -Tsvg`)\u{a0}; les partenaires liés \
             à ceux choisis sont dessinés aussi, en tirets"
        }
        "Contacts (vCard 3.0), one card a partner, for an address book" => {
            "Des contacts (vCard 3.0), une fiche par partenaire, pour un carnet d'adresses"
        }
        "Plain text" => "Texte brut",
        "Markdown" => "Markdown",
        "A comma, the default" => "Une virgule, par défaut",
        "A semicolon, for a spreadsheet set up for French" => {
            "Un point-virgule, pour un tableur réglé en français"
        }
        "A tab (the default for `--format tsv` and `-o FILE.tsv`)" => {
            "Une tabulation (par défaut pour `--format tsv` et `-o FICHIER.tsv`)"
        }
        "Light text on a dark terminal" => "Texte clair sur un terminal sombre",
        "Dark text on a light terminal" => "Texte sombre sur un terminal clair",
        "English" => "Anglais",
        "French" => "Français",
        "Bash 4.4 or later (`source <(partners completions bash)` in ~/.bashrc)" => {
            "Bash 4.4 ou plus récent (`source <(partners completions bash)` dans ~/.bashrc)"
        }
        "Zsh (`source <(partners completions zsh)` in ~/.zshrc)" => {
            "Zsh (`source <(partners completions zsh)` dans ~/.zshrc)"
        }
        "Fish (`partners completions fish | source` in config.fish)" => {
            "Fish (`partners completions fish | source` dans config.fish)"
        }
        "PowerShell (`partners completions powershell | Out-String | Invoke-Expression`)" => {
            "PowerShell (`partners completions powershell | Out-String | Invoke-Expression` \
             dans $PROFILE)"
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::{french, french_value_help, french_value_name};

    #[test]
    fn every_subcommand_and_argument_has_its_french_help() {
        let command = crate::cli::Cli::command();
        let mut missing = Vec::new();
        let mut check = |name: &str, command: &clap::Command| {
            let ids = command.get_arguments().map(|arg| arg.get_id().as_str());
            // clap adds its help flag as the command is built: not among the arguments yet.
            for id in ["<about>", "help"].into_iter().chain(ids) {
                if french(name, id).is_none_or(str::is_empty) {
                    missing.push(format!("{name:?} {id}"));
                }
            }
        };
        check("", &command);
        for sub in command.get_subcommands() {
            check(sub.get_name(), sub);
        }
        // clap's version flag and `help` subcommand, made in French by `cli::command`.
        for (name, id) in [("", "version"), ("help", "<about>")] {
            if french(name, id).is_none_or(str::is_empty) {
                missing.push(format!("{name:?} {id}"));
            }
        }
        assert!(missing.is_empty(), "no French help for {missing:?}");
    }

    /// Each value's name is French, or one that reads the same in French (`ID`, `N`).
    #[test]
    fn every_value_name_is_said_in_french() {
        let same = ["ID", "N", "FORMAT", "SHELL"];
        let mut command = crate::cli::Cli::command();
        command.build();
        let mut english = Vec::new();
        let mut walk = vec![command];
        while let Some(command) = walk.pop() {
            for arg in command.get_arguments().filter(|arg| arg.get_action().takes_values()) {
                let names = arg.get_value_names().unwrap_or_default();
                for name in names.iter().map(clap::builder::Str::as_str) {
                    if french_value_name(name).is_none() && !same.contains(&name) {
                        english.push(format!("{} {name}", command.get_name()));
                    }
                }
            }
            walk.extend(command.get_subcommands().cloned());
        }
        assert!(english.is_empty(), "no French for {english:?}");
    }

    /// Each value that has a help of its own (shown by shell completion) has it in French.
    #[test]
    fn every_value_help_is_said_in_french() {
        let mut english = Vec::new();
        let mut walk = vec![crate::cli::Cli::command()];
        while let Some(command) = walk.pop() {
            for arg in command.get_arguments() {
                for value in arg.get_possible_values() {
                    let Some(help) = value.get_help() else { continue };
                    if french_value_help(&help.to_string()).is_none() {
                        english.push(format!("{} {}", command.get_name(), value.get_name()));
                    }
                }
            }
            walk.extend(command.get_subcommands().cloned());
        }
        assert!(english.is_empty(), "no French for {english:?}");
    }
}
