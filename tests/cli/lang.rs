//! The command line's language: `--lang fr|en`, else the locale (`LC_ALL`, `LC_MESSAGES`,
//! `LANG`, the first set and not empty), else English. Messages, errors, warnings and cards
//! change language; partner data, JSON, CSV and tab-separated lines never do.

use std::path::PathBuf;
use std::process::Output;

use partners::catalog::Catalog;
use partners::i18n::{self, Lang};
use partners::output::{self, CardFormat};
use partners::store::StoreError;

use super::{GOOD, Home, ids, text};

impl Home {
    /// Runs `partners args...` with the locale variables `locale` (name, value) set.
    fn run_in(&self, locale: &[(&str, &str)], args: &[&str]) -> Output {
        let mut cmd = self.cmd();
        for (name, value) in locale {
            cmd.env(name, value);
        }
        cmd.args(args).output().expect("partners runs")
    }

    /// What `partners star ugap` says, in the locale `locale` (UGAP not starred before).
    fn star_says(&self, locale: &[(&str, &str)], args: &[&str]) -> String {
        assert!(self.run(&["unstar", "ugap"]).status.success());
        let out = self.run_in(locale, &[&["star", "ugap"], args].concat());
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
    }
}

/// A partner with every way to reach it.
const CONTACT: &str = r#"(partners: [
    (
        id: "gamma",
        name: "Gamma",
        kind: Media,
        scope: Local,
        description: "Reachable.",
        website: "https://gamma.example",
        email: "contact@gamma.example",
        phone: "+33 1 23 45 67 89",
        booth: "B12",
    ),
])
"#;

const FRENCH: &str = "UGAP\u{a0}: étoile ajoutée\n";
const ENGLISH: &str = "UGAP: starred\n";

#[test]
fn english_unless_asked() {
    let home = Home::new();
    assert_eq!(home.star_says(&[], &[]), ENGLISH);
    assert_eq!(home.star_says(&[("LANG", "C")], &[]), ENGLISH);
    assert_eq!(home.star_says(&[("LANG", "en_GB.UTF-8")], &[]), ENGLISH);
    assert_eq!(home.star_says(&[("LANG", "")], &[]), ENGLISH);
}

#[test]
fn lang_option_chooses_and_beats_the_locale() {
    let home = Home::new();
    assert_eq!(home.star_says(&[], &["--lang", "fr"]), FRENCH);
    assert_eq!(home.star_says(&[], &["--lang=fr"]), FRENCH);
    // A global option: before the subcommand too.
    let out = home.run(&["--lang", "fr", "unstar", "ugap"]);
    assert_eq!(text(&out.stdout), "UGAP\u{a0}: étoile retirée\n");
    assert_eq!(home.star_says(&[("LC_ALL", "fr_FR.UTF-8")], &["--lang", "en"]), ENGLISH);
    // In any case, as the refusal of `--lang FR` was said in French (and `--format CSV` is
    // taken); `--theme` likewise.
    assert_eq!(home.star_says(&[], &["--lang", "FR"]), FRENCH);
    assert_eq!(home.star_says(&[("LC_ALL", "fr_FR.UTF-8")], &["--lang=En"]), ENGLISH);
    let out = home.run(&["--theme", "LIGHT", "--lang", "Fr", "unstar", "ugap"]);
    assert_eq!(text(&out.stdout), "UGAP\u{a0}: étoile retirée\n", "{}", text(&out.stderr));
    // Only the two languages.
    let out = home.run(&["star", "ugap", "--lang", "de"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("fr"), "{}", text(&out.stderr));
}

#[test]
fn the_locale_chooses_lc_all_first_then_lc_messages_then_lang() {
    let home = Home::new();
    assert_eq!(home.star_says(&[("LANG", "fr_FR.UTF-8")], &[]), FRENCH);
    assert_eq!(home.star_says(&[("LC_MESSAGES", "fr_FR.UTF-8"), ("LANG", "en_US")], &[]), FRENCH);
    assert_eq!(home.star_says(&[("LC_ALL", "fr_CA.UTF-8"), ("LANG", "en_US")], &[]), FRENCH);
    assert_eq!(home.star_says(&[("LC_ALL", "C"), ("LANG", "fr_FR.UTF-8")], &[]), ENGLISH);
    assert_eq!(home.star_says(&[("LC_ALL", ""), ("LANG", "fr_FR.UTF-8")], &[]), FRENCH);
}

#[test]
fn language_is_read_first_as_gnu_gettext_reads_it() {
    let home = Home::new();
    let fr_first = ("LANGUAGE", "fr:en");
    assert_eq!(home.star_says(&[fr_first, ("LANG", "en_US.UTF-8")], &[]), FRENCH);
    assert_eq!(home.star_says(&[("LANGUAGE", "de:en"), ("LANG", "fr_FR.UTF-8")], &[]), ENGLISH);
    // The C locale keeps the messages untranslated; --lang still wins.
    assert_eq!(home.star_says(&[fr_first, ("LC_ALL", "C"), ("LANG", "en_US")], &[]), ENGLISH);
    assert_eq!(home.star_says(&[fr_first, ("LANG", "en_US")], &["--lang", "en"]), ENGLISH);
}

#[test]
fn changes_are_confirmed_in_french() {
    let home = Home::new();
    let fr = |args: &[&str]| home.ok(&[args, &["--lang", "fr"]].concat());
    assert_eq!(fr(&["met", "ugap"]), "UGAP\u{a0}: marqué comme rencontré\n");
    assert_eq!(fr(&["met", "ugap", "--undo"]), "UGAP\u{a0}: n'est plus marqué comme rencontré\n");
    assert_eq!(fr(&["note", "ugap", "rappeler"]), "UGAP\u{a0}: note enregistrée\n");
    assert_eq!(fr(&["note", "ugap", "--clear"]), "UGAP\u{a0}: note supprimée\n");
    // Nothing to change is said too (it said "no longer marked as met" of a partner never met).
    assert_eq!(
        fr(&["met", "ugap", "--undo"]),
        "UGAP\u{a0}: pas marqué comme rencontré, rien n'a donc été modifié\n"
    );
    assert_eq!(
        fr(&["note", "ugap", "--clear"]),
        "UGAP\u{a0}: n'a pas de note, rien n'a donc été modifié\n"
    );
    assert_eq!(home.ok(&["star", "ugap"]), "UGAP: starred\n");
    assert_eq!(home.ok(&["star", "ugap"]), "UGAP: already starred, so nothing was changed\n");
    let out = home.run(&["note", "ugap", " ", "--lang", "fr"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("la note est vide"), "{}", text(&out.stderr));
}

#[test]
fn errors_in_french() {
    let home = Home::new();
    let out = home.run_in(&[("LANG", "fr_FR.UTF-8")], &["show", "ugapp"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "partners: partenaire introuvable\u{a0}: aucun n'a l'identifiant «\u{a0}ugapp\u{a0}»\u{a0}; vouliez-vous dire ugap\u{a0}?\n"
    );
    let out = home.run(&["star", "qqqqqqqq", "--lang", "fr"]);
    assert!(
        text(&out.stderr).contains("`partners list` les affiche tous"),
        "{}",
        text(&out.stderr)
    );
    // The browser without a terminal.
    let out = home.run(&["--lang", "fr"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("a besoin d'un terminal"), "{}", text(&out.stderr));
    // The words of a query error are the search's; what frames them is French.
    let out = home.run(&["search", "kind:zzz", "--lang", "fr"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with("partners: dans la recherche, "),
        "{}",
        text(&out.stderr)
    );
    // A usage error keeps clap's way out, said in French.
    let out = home.run(&["search", "--bogus", "x", "--lang", "fr"]);
    assert_eq!(out.status.code(), Some(2));
    let said = text(&out.stderr).replace('\u{a0}', " ");
    assert!(said.contains("argument inattendu « --bogus »"), "{said}");
    assert!(said.contains("comme valeur, écrivez « -- --bogus »"), "{said}");
}

#[test]
fn the_card_in_french_keeps_the_partners_words() {
    let home = Home::new();
    home.ok(&["star", "ugap"]);
    home.ok(&["note", "ugap", "à rappeler"]);
    let english = home.ok(&["show", "ugap"]);
    let card = home.ok(&["show", "ugap", "--lang", "fr"]);
    for heading in
        ["Organisme public · National", "Thèmes\u{a0}: Commande publique", "Chiffres clés"]
    {
        assert!(card.contains(heading), "{heading}\n{card}");
    }
    assert!(card.contains("\nRelations\n  Sous la tutelle de\u{a0}: French Ministry"), "{card}");
    assert!(card.contains("\nMon suivi\u{a0}: étoilé\n  à rappeler\n"), "{card}");
    assert!(english.contains("\nKey facts\n") && english.contains("\nMine: starred\n"));
    // The description is the dataset's, in both.
    let description = english.lines().find(|l| l.starts_with("UGAP is")).expect("a description");
    assert!(card.contains(description));
    let data = home.file("contact.ron", CONTACT);
    let data = data.to_str().expect("utf-8 path");
    let contact = home.ok(&["show", "gamma", "--data", data, "--lang", "fr"]);
    assert!(
        contact.ends_with(
            "\nContact\n  Site web\u{a0}: https://gamma.example\n  Courriel\u{a0}: contact@gamma.example\n  Téléphone\u{a0}: +33 1 23 45 67 89\n  Stand\u{a0}: B12\n"
        ),
        "{contact}"
    );
    let md = home.ok(&["show", "ugap", "--format", "md", "--lang", "fr"]);
    assert!(md.contains("\n## Chiffres clés\n") && md.contains("\n## Mon suivi\u{a0}: étoilé\n"));
    // A note alone has the heading alone, with no colon before nothing.
    home.ok(&["unstar", "ugap"]);
    let card = home.ok(&["show", "ugap", "--lang", "fr"]);
    assert!(card.contains("\nMon suivi\n  à rappeler\n"), "{card}");
    let english = home.ok(&["show", "ugap", "--format", "md"]);
    assert!(english.contains("\n## Mine\n> à rappeler\n"), "{english}");
}

#[test]
fn data_formats_do_not_change_with_the_language() {
    let home = Home::new();
    home.ok(&["star", "ugap"]);
    for args in [
        &["show", "ugap", "--json"][..],
        &["list", "--json"],
        &["list"],
        &["search", "--json", "achat"],
        &["export"],
        &["export", "--format", "json"],
        &["export", "--format", "dot"],
    ] {
        assert_eq!(home.ok(&[args, &["--lang", "fr"]].concat()), home.ok(args), "{args:?}");
    }
    let md = home.ok(&["export", "--format", "md", "--starred", "--lang", "fr"]);
    assert!(md.contains("## Chiffres clés"), "{md}");
}

#[test]
fn validate_export_and_warnings_in_french() {
    let home = Home::new();
    let good = home.file("good.ron", GOOD);
    let good = good.to_str().expect("utf-8 path");
    assert_eq!(
        home.ok(&["validate", good, "--lang", "fr"]),
        format!("{good}\u{a0}: ok, 2 partenaires\n")
    );
    assert_eq!(home.ok(&["validate", good]), format!("{good}: ok, 2 partners\n"));
    let target = home.path().join("out.csv");
    let target = target.to_str().expect("utf-8 path");
    let out = home.run(&["export", "--starred", "-o", target, "--lang", "fr"]);
    assert_eq!(text(&out.stderr), format!("0 partenaire écrit dans {target}\n"));
    // An unreadable state file is kept aside, and the warning says so in French.
    home.file("state.ron", "garbage");
    let out = home.run(&["list", "--lang", "fr"]);
    assert!(out.status.success());
    let err = text(&out.stderr);
    assert!(err.starts_with("attention\u{a0}: ") && err.contains("n'a pas pu être lu"), "{err}");
    assert!(err.contains("conservé sous le nom"), "{err}");
    // A dataset given with --data is checked on another thread: in French all the same.
    let bad = GOOD.replacen("name: \"", "name: \"\\u{1b}[31m", 1);
    let bad = home.file("bad.ron", &bad);
    let bad = bad.to_str().expect("utf-8 path");
    let out = home.run(&["--data", bad, "list", "--lang", "fr"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("contient le caractère de contrôle U+001B"), "{err}");
    assert!(err.contains("correction\u{a0}: supprimez-le"), "{err}");
}

#[test]
fn in_process_the_language_is_the_threads() {
    let catalog = Catalog::bundled().expect("the bundled dataset loads");
    let ugap = catalog.position("ugap").expect("ugap");
    let error = StoreError::Write {
        path: PathBuf::from("/x/state.ron"),
        error: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
    };
    i18n::set(Lang::Fr);
    let card = output::card(&catalog, ugap, None, CardFormat::Text);
    let french = error.to_string();
    i18n::set(Lang::En);
    assert!(card.contains("Chiffres clés"), "{card}");
    assert!(output::card(&catalog, ugap, None, CardFormat::Text).contains("Key facts"));
    // An error is said in the language of the thread that shows it.
    assert_eq!(
        french,
        "impossible d'écrire /x/state.ron\u{a0}: permission refusée\u{a0}; vérifiez les permissions du dossier ou choisissez-en un autre avec --home DOSSIER / PARTNERS_HOME"
    );
    assert!(error.to_string().starts_with("cannot write /x/state.ron: permission denied; "));
}

#[test]
fn a_refused_command_line_is_told_in_french_too() {
    let home = Home::new();
    let refused = |args: &[&str]| {
        let out = home.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        text(&out.stderr).replace('\u{a0}', " ")
    };
    let said = refused(&["--lang", "fr", "search", "--limit", "abc", "x"]);
    assert!(
        said.starts_with(
            "erreur : valeur « abc » invalide pour « --limit <N> » : un nombre entier est attendu"
        ),
        "{said}"
    );
    // A whole number, too large: said so, not that a whole number is expected.
    let said = refused(&["--lang", "fr", "search", "--limit=99999999999999999999999", "x"]);
    let expected = "erreur : valeur « 99999999999999999999999 » invalide pour « --limit <N> » : ce nombre est trop grand\n";
    assert!(said.starts_with(expected), "{said}");
    // An option without its value says so, not that an empty value is invalid.
    for (args, option) in [
        (&["--lang", "fr", "search", "ugap", "--limit"][..], "--limit <N>"),
        (&["--lang", "fr", "list", "--kind"][..], "--kind <TYPE>"),
    ] {
        let said = refused(args);
        let expected = format!("erreur : une valeur est attendue après « {option} »\n");
        assert!(said.starts_with(&expected), "{said}");
    }
    let said = refused(&["--lang", "fr", "note"]);
    assert!(
        said.starts_with("erreur : arguments obligatoires manquants : <ID>, <TEXTE>..."),
        "{said}"
    );
    assert!(said.contains("\nUtilisation : partners note <ID> <TEXTE>...\n"), "{said}");
    let said = refused(&["--lang", "fr", "list", "--bogus"]);
    assert!(said.starts_with("erreur : argument inattendu « --bogus »"), "{said}");
    assert!(said.ends_with("Pour en savoir plus, essayez « --help ».\n"), "{said}");
    // An option given twice, and an argument in another encoding (a Latin-1 terminal).
    let said = refused(&["--lang", "fr", "search", "ugap", "--json", "--json"]);
    assert!(
        said.starts_with("erreur : l'argument « --json » ne peut être donné qu'une fois"),
        "{said}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let latin1 = std::ffi::OsStr::from_bytes(b"\xe9t\xe9");
        let out = home.cmd().args(["--lang", "fr", "search"]).arg(latin1).output().expect("runs");
        assert_eq!(out.status.code(), Some(2));
        let said = text(&out.stderr).replace('\u{a0}', " ");
        assert!(said.starts_with("erreur : un argument n'est pas de l'UTF-8 valide"), "{said}");
        assert!(said.contains("\nUtilisation : partners search"), "{said}");
    }
    // French asked for, then a language clap refuses, or none: still French.
    for (args, expected) in [
        (
            &["--lang", "fr", "search", "x", "--lang", "de"][..],
            "erreur : valeur « de » invalide pour « --lang <LANGUE> » : valeurs possibles : en, fr\n",
        ),
        (
            &["--lang", "fr", "--lang", "de"][..],
            "erreur : l'argument « --lang <LANGUE> » ne peut être donné qu'une fois\n",
        ),
        (
            &["--lang=fr", "search", "x", "--lang="][..],
            "erreur : une valeur est attendue après « --lang <LANGUE> »",
        ),
        (&["--lang", "fr", "help", "frob"][..], "erreur : sous-commande inconnue « frob »\n"),
    ] {
        let said = refused(args);
        assert!(said.starts_with(expected), "{args:?}: {said}");
    }
    let out = home.cmd().env("LANG", "fr_FR.UTF-8").args(["--lang", "de"]).output().expect("runs");
    let said = text(&out.stderr).replace('\u{a0}', " ");
    assert!(said.starts_with("erreur : valeur « de » invalide pour « --lang <LANGUE> »"), "{said}");
    // In English, clap's own words.
    let said = refused(&["list", "--bogus"]);
    assert!(said.starts_with("error: unexpected argument '--bogus' found"), "{said}");
    // Help is no refusal.
    assert!(home.ok(&["--lang", "fr", "list", "--help"]).contains("Utilisation\u{a0}:"));
}

#[test]
fn what_the_parser_finds_is_told_in_both_languages_in_our_words() {
    let home = Home::new();
    let partner = |rest: &str| {
        format!("(partners: [(id: \"x\", name: \"X\", scope: Local, description: \"d\"{rest})])")
    };
    for (source, french, english) in [
        (
            partner(", kind: Nope"),
            ":1:72: « Nope » n'est pas un Kind connu ; choisissez parmi : LocalAuthority",
            ":1:72: `Nope` is no Kind; use one of: LocalAuthority",
        ),
        // A name near what was written is offered first.
        (
            partner(", kind: Media, topics: [Procurment]"),
            ": « Procurment » n'est pas un Topic connu : vouliez-vous dire « Procurement » ? (au choix : Procurement, SocialEconomy",
            ": `Procurment` is no Topic: did you mean `Procurement`? (one of: Procurement, SocialEconomy",
        ),
        (
            partner(", kind: Media, descripton: \"d\""),
            ": « descripton » n'est pas un champ pour un partenaire : vouliez-vous dire « description » ? (les champs : id, name",
            ": `descripton` is no field of a partner: did you mean `description`? (the fields: id, name",
        ),
        (
            partner(", kind: Media, colour: 3"),
            ": « colour » n'est pas un champ pour un partenaire ; les champs sont : id, name",
            ": `colour` is no field of a partner; the fields are: id, name",
        ),
        (
            partner(""),
            ": le champ « kind » manque dans un partenaire",
            ": field `kind` is missing in a partner",
        ),
        (
            "(partners: [(id: \"x\" name: \"X\")])".to_owned(),
            ":1:22: il manque une virgule",
            ":1:22: a comma is missing",
        ),
        (partner(", kind: Media, facts: 3"), ": « [ » est attendu ici", ": `[` is expected here"),
        (
            "#![enable(implicit_som)]\n(partners: [])".to_owned(),
            ":1:11: « implicit_som » n'est pas une extension de RON (« #![enable(…)] » prend : unwrap_newtypes, implicit_some",
            ":1:11: `implicit_som` is no RON extension (`#![enable(…)]` takes: unwrap_newtypes, implicit_some",
        ),
        // A file cut short is told so where it ends, whatever ron expected there.
        (
            "(partners: [(id: \"x\", name: \"X\"".to_owned(),
            ":1:32: le fichier finit trop tôt : une parenthèse, un crochet ou un guillemet reste ouvert",
            ":1:32: the file ends too soon: a bracket or a quote is left open",
        ),
        (
            "(partners: [\n".to_owned(),
            ":2:1: le fichier finit trop tôt",
            ":2:1: the file ends too soon",
        ),
        (
            "(partners: [(id: \"x\", name: \"X\", kind: Media, scope: Local, description: \"d\")]\n// end\n".to_owned(),
            ":3:1: le fichier finit trop tôt",
            ":3:1: the file ends too soon",
        ),
        (
            partner(", kind: 3"),
            ": un nom est attendu ici : un champ, ou une valeur comme « Media »",
            ": a name is expected here: a field, or a value such as `Media`",
        ),
        (partner(", kind: Media, topics: [@]"), ": un nom est attendu ici", ": a name is expected"),
        (
            partner(", kind: Media, location: \"a\\qb\""),
            ": une barre oblique inverse dans un texte n'ouvre aucun échappement connu",
            ": a backslash in a text starts no known escape",
        ),
        (
            partner(", kind: Media /* open"),
            ": un commentaire ouvert par « /* » n'est pas fermé",
            ": a comment opened with `/*` is not closed",
        ),
        (
            "(partners: [foo])".to_owned(),
            ":1:13: « foo » n'est pas attendu ici : un partenaire s'écrit entre parenthèses",
            ":1:13: `foo` is not expected here: a partner is written in parentheses",
        ),
        (
            String::new(),
            ":1:1: « ( » est attendu ici : un jeu de données s'écrit « (partners: [ … ]) »",
            ":1:1: `(` is expected here: a dataset is written `(partners: [ … ])`",
        ),
        // A bare list of partners, as JSON habits write it.
        (
            "// Ours\n[(id: \"x\", name: \"X\")]".to_owned(),
            ":2:1: « ( » est attendu ici : un jeu de données s'écrit « (partners: [ … ]) »",
            ":2:1: `(` is expected here: a dataset is written `(partners: [ … ])`",
        ),
        // A word of the file is quoted cut short, however long it runs.
        (
            format!("(partners: [{}])", "x".repeat(100_000)),
            &format!(":1:13: « {}… » n'est pas attendu ici", "x".repeat(39)),
            &format!(":1:13: `{}…` is not expected here", "x".repeat(39)),
        ),
        (
            partner(&format!(", kind: {}", "Y".repeat(100_000))),
            &format!(": « {}… » n'est pas un Kind connu", "Y".repeat(39)),
            &format!(": `{}…` is no Kind", "Y".repeat(39)),
        ),
    ] {
        let file = home.file("bad.ron", &source);
        let path = file.to_str().expect("utf-8 path");
        for (lang, said, fix) in [("fr", french, "correction :"), ("en", english, "fix:")] {
            let said_now =
                home.expect(&["--lang", lang, "validate", path], 1).replace('\u{a0}', " ");
            assert!(said_now.starts_with(path) && said_now.contains(said), "{said_now}");
            assert!(said_now.contains(fix) && said_now.len() < 1000, "{said_now}");
        }
    }
}

#[test]
fn kinds_are_named_in_either_language_and_told_in_the_users() {
    let home = Home::new();
    let elected = home.json(&["list", "--kind", "elected-network", "--json"]);
    assert!(ids(&elected).len() >= 5);
    assert_eq!(ids(&home.json(&["list", "--kind", "élus", "--json"])), ids(&elected));
    // The start of one, as `kind:` takes it, when it names that kind alone.
    assert_eq!(ids(&home.json(&["list", "--kind", "elec", "--json"])), ids(&elected));
    // The start of several is ambiguous, and said so with the kinds it could be.
    let out = home.run(&["list", "--kind", "p"]);
    assert_eq!(out.status.code(), Some(2), "public or programme");
    let said = text(&out.stderr);
    assert!(
        said.contains("ambiguous: that could be public-body, programme, professional-association;"),
        "{said}"
    );
    assert!(!said.contains("no kind is called that"), "{said}");
    let said = text(&home.run(&["--lang", "fr", "list", "--kind", "p"]).stderr);
    assert!(
        said.contains("ambigu\u{a0}: cela peut être public, programme, profession\u{a0};"),
        "{said}"
    );
    let found = home.json(&["search", "kind:élus", "--json"]);
    let mut found = ids(&found);
    found.sort_unstable();
    assert_eq!(found, ids(&elected));
    // A bad value is told in the language asked for, before or after it, or the locale's.
    for args in
        [&["--lang", "fr", "list", "--kind", "zzz"][..], &["list", "--kind", "zzz", "--lang=fr"]]
    {
        let out = home.run(args);
        assert_eq!(out.status.code(), Some(2));
        assert!(text(&out.stderr).contains("aucun type ne s'appelle ainsi"), "{args:?}");
        assert!(text(&out.stderr).contains("élus, profession"), "{args:?}");
    }
    let out = home.cmd().env("LANG", "fr_FR.UTF-8").args(["list", "--kind", "zzz"]).output();
    let out = out.expect("partners runs");
    assert!(text(&out.stderr).contains("aucun type ne s'appelle ainsi"), "{}", text(&out.stderr));
    let out = home.run(&["list", "--kind", "zzz"]);
    assert!(text(&out.stderr).contains("no kind is called that"), "{}", text(&out.stderr));
    // A filter under the name the French screens give it, and a mistyped one told, not
    // searched for as a word found nowhere.
    assert_eq!(ids(&home.json(&["search", "type:élus", "--json"])), ids(&elected));
    let out = home.run(&["search", "tipe:élus", "--lang", "fr"]);
    assert_eq!(out.status.code(), Some(2));
    let said = text(&out.stderr);
    assert!(said.contains("tipe:élus\u{a0}: aucun filtre ne s'appelle ainsi"), "{said}");
}

#[test]
fn an_empty_value_is_told_missing_with_the_values_to_choose_from() {
    let home = Home::new();
    // `--kind=` is no kind's start (which would make it "ambiguous"): it is a missing value,
    // told as clap tells `--format=`, with what to choose from, in either language.
    for (args, english, french) in [
        (
            &["list", "--kind="][..],
            "a value is required for '--kind <KIND>' but none was supplied",
            "local-authority, public-body",
        ),
        (&["list", "--kind", ""], "a value is required for '--kind <KIND>'", "media, foundation"),
        (&["export", "--format="], "a value is required for '--format <FORMAT>'", "csv, tsv, json"),
        (&["show", "ugap", "--format="], "a value is required for '--format <FORMAT>'", "text, md"),
    ] {
        let said = text(&home.run(args).stderr);
        assert!(said.contains(english) && said.contains(french), "{args:?}: {said}");
        assert!(!said.contains("ambiguous"), "{args:?}: {said}");
    }
    for (args, values) in [
        (&["--lang", "fr", "list", "--kind="][..], "collectivité, public, programme, élus"),
        (&["--lang", "fr", "export", "--format="], "csv, tsv, json, md, dot, vcf"),
    ] {
        let out = home.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let said = text(&out.stderr).replace('\u{a0}', " ");
        assert!(said.contains("une valeur est attendue après"), "{args:?}: {said}");
        assert!(said.contains(&format!("valeurs possibles : {values}")), "{args:?}: {said}");
        assert!(!said.contains("ambigu"), "{args:?}: {said}");
    }
}

/// `--help` in French, before or after the subcommand, or from the locale; English as clap
/// writes it.
#[test]
fn the_help_is_said_in_the_language_chosen() {
    let home = Home::new();
    for args in [
        &["--lang", "fr", "search", "--help"][..],
        &["search", "--help", "--lang", "fr"],
        &["--lang=fr", "help", "search"],
    ] {
        let said = home.ok(args);
        assert!(said.contains("Utilisation\u{a0}: partners search"), "{args:?}: {said}");
        assert!(said.contains("Afficher un tableau JSON"), "{args:?}: {said}");
        assert!(said.contains("Options\u{a0}:") && !said.contains("Print help"), "{said}");
        assert!(said.contains("-h, --help") && said.contains("Afficher l'aide"), "{said}");
    }
    let out = home.run_in(&[("LANG", "fr_FR.UTF-8")], &["--help"]);
    let said = text(&out.stdout);
    assert!(said.contains("Commandes\u{a0}:") && said.contains("Afficher la version"), "{said}");
    assert!(said.contains("help         Afficher cette aide"), "{said}");
    let said = home.ok(&["search", "--help"]);
    assert!(said.contains("Usage: partners search") && said.contains("Print a JSON array"));
}

/// A value given to a flag (`--starred=yes`) is refused in the user's language, as clap's
/// other refusals are, with exit 2; and the help's usage line names the command in French
/// too (`[COMMANDE]`, where clap writes `[COMMAND]`).
#[test]
fn a_value_given_to_a_flag_and_the_usage_line_are_said_in_french() {
    let home = Home::new();
    let french = "erreur\u{a0}: valeur inattendue «\u{a0}yes\u{a0}» pour «\u{a0}--starred\u{a0}»\u{a0}; \
                  aucune n'était attendue de plus\n\nUtilisation\u{a0}: partners list --starred\n";
    for (locale, args) in [
        (&[][..], &["--lang", "fr", "list", "--starred=yes"][..]),
        (&[("LANG", "fr_FR.UTF-8")], &["list", "--starred=yes"]),
    ] {
        let out = home.run_in(locale, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stderr).starts_with(french), "{args:?}: {}", text(&out.stderr));
    }
    let out = home.run(&["list", "--starred=yes"]);
    assert_eq!(out.status.code(), Some(2));
    let english = "error: unexpected value 'yes' for '--starred' found; no more were expected";
    assert!(text(&out.stderr).starts_with(english), "{}", text(&out.stderr));
    let said = home.ok(&["--lang", "fr", "--help"]);
    assert!(said.contains("partners [OPTIONS] [RECHERCHE]... [COMMANDE]\n"), "{said}");
    assert!(home.ok(&["--help"]).contains("partners [OPTIONS] [QUERY]... [COMMAND]\n"));
}

/// A number option given something else is said in words, in English too, not in Rust's own
/// (`invalid digit found in string`, `number too large to fit in target type`).
#[test]
fn a_number_refused_is_said_in_words_in_english_too() {
    let home = Home::new();
    for (value, why) in [
        ("-1", "a whole number is expected"),
        ("abc", "a whole number is expected"),
        ("99999999999999999999999", "the number is too large"),
        // A value that reads as Rust's words is said as typed.
        ("invalid digit found in string", "a whole number is expected"),
    ] {
        let out = home.run(&["--lang", "en", "search", "--limit", value, "x"]);
        assert_eq!(out.status.code(), Some(2), "{value}");
        let said = text(&out.stderr);
        let expected = format!("error: invalid value '{value}' for '--limit <N>': {why}\n");
        assert!(said.starts_with(&expected), "{said}");
    }
}
