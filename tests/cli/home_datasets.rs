//! Datasets: the template and the home's datasets folder (merged over the bundled one, a bad
//! one skipped, a glossary beside them), and `--data` instead of them.

use super::*;

#[test]
fn a_search_no_partner_fully_matches_lists_those_lacking_one_word() {
    let home = Home::new();
    // The word lacked is said as typed, not as the search folds it.
    let query = "soutien aux entreprises Innovantés, en nouvelle-aquitaine";
    let found = home.json(&["search", query, "--json"]);
    assert_eq!(found[0]["id"], "adi-nouvelle-aquitaine");
    assert_eq!(found[0]["lacks"], "Innovantés");
    // Said on standard error, in the user's language; the exit code says partners are shown.
    let out = home.cmd().args(["--lang", "fr", "search", query]).output().expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).starts_with("adi-nouvelle-aquitaine\t"), "{}", text(&out.stdout));
    assert!(text(&out.stderr).contains("il n'en manque qu'un"), "{}", text(&out.stderr));
    // A full match lacks nothing.
    let full = home.json(&["search", "agence innovation nouvelle-aquitaine", "--json"]);
    assert!(full[0].get("lacks").is_none(), "{full}");
}

#[test]
fn the_template_is_a_valid_dataset() {
    let home = Home::new();
    // In French, the comments are (the file's names and values are its format's).
    let french = home.ok(&["--lang", "fr", "template"]);
    assert!(french.contains("// Le nom officiel."), "{french}");
    let path = home.file("modele.ron", &french);
    let out = home.ok(&["--lang", "fr", "validate", path.to_str().expect("utf-8 path")]);
    assert!(out.contains("ok") || out.contains("valide"), "{out}");
    let template = home.ok(&["template"]);
    assert!(template.contains("//"), "commented");
    let path = home.file("template.ron", &template);
    let path = path.to_str().expect("utf-8 path");
    let out = home.ok(&["validate", path]);
    assert!(out.contains("ok"), "{out}");
    let list = home.json(&["--data", path, "list", "--json"]);
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    assert_partner_shape(&list[0], false);
    // Piped straight in, as the README suggests.
    let out = home
        .cmd()
        .args(["validate", "/dev/stdin"])
        .write_stdin(template.clone())
        .output()
        .expect("partners runs");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    // Dropped in the datasets folder, it adds a partner to the bundled ones.
    home.file("datasets/mine.ron", &template);
    assert_eq!(ids(&home.json(&["list", "--json"])).len(), 39);
}

#[test]
fn user_datasets_are_merged_over_the_bundled_one() {
    let home = Home::new();
    home.file(
        "datasets/a.ron",
        r#"(partners: [
            (id: "ugap", name: "UGAP Replaced", kind: PublicBody, scope: National,
             description: "Replaced.", relations: [(kind: MemberOf, target: "3ar")]),
            (id: "new-one", name: "Brand New Partner", kind: Media, scope: Local,
             description: "New.", relations: [(kind: Supports, target: "newer")]),
        ])"#,
    );
    home.file(
        "datasets/b.ron",
        r#"(partners: [(id: "newer", name: "Newer", kind: Media, scope: Local, description: "Newer.")])"#,
    );
    home.file("datasets/not-a-dataset.txt", "ignored: not .ron");
    let out = home.run(&["list", "--json"]);
    assert!(out.status.success());
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    let list: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(ids(&list).len(), 40);
    assert_eq!(find(&list, "ugap")["name"], "UGAP Replaced");
    assert_eq!(find(&list, "new-one")["name"], "Brand New Partner");
    assert_eq!(find(&list, "newer")["backlinks"][0]["target"], "new-one");
    let ar = home.json(&["show", "3ar", "--json"]);
    assert!(ar["backlinks"].as_array().into_iter().flatten().any(|b| b["target"] == "ugap"));
    assert_eq!(ids(&home.json(&["search", "--json", "replaced"])), ["ugap"]);
}

#[test]
fn a_bad_user_dataset_is_skipped_with_a_warning() {
    let home = Home::new();
    home.file(
        "datasets/good.ron",
        r#"(partners: [(id: "new-one", name: "Brand New", kind: Media, scope: Local, description: "New.")])"#,
    );
    let broken = home.file(
        "datasets/broken.ron",
        r#"(partners: [(id: "broken", name: "B", kind: Media, scope: Local, description: "x" ]"#,
    );
    let dangling = home.file(
        "datasets/dangling.ron",
        "(partners: [\n  (id: \"dangling\", name: \"D\", kind: Media, scope: Local, description: \"x\",\n   relations: [(kind: MemberOf, target: \"nowhere\")]),\n])",
    );
    let out = home.run(&["list", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("warning"), "{err}");
    assert!(err.contains(&format!("{}:1:", broken.display())), "{err}");
    assert!(err.contains(&format!("{}:3:", dangling.display())), "{err}");
    let list: Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout only");
    let found = ids(&list);
    assert_eq!(found.len(), 40);
    assert!(found.contains(&"new-one") && found.contains(&"ugap"));
    assert!(!found.contains(&"broken"));
    // A relation to a partner that no file has costs that relation only.
    assert!(found.contains(&"dangling"));
    // Other commands still work, and search still finds the good partners.
    assert_eq!(ids(&home.json(&["search", "--json", "brand new"])), ["new-one"]);
}

/// A typo in one relation target of a user's file leaves out that relation, not the file's
/// other partners; it is told precisely, and `validate` still fails on it.
#[test]
fn a_dangling_relation_is_left_out_and_its_file_loads() {
    let home = Home::new();
    let file = home.file(
        "datasets/mine.ron",
        "(partners: [\n  (id: \"alpha\", name: \"Alpha Network\", kind: Media, scope: Local, description: \"Alpha.\", relations: [(kind: MemberOf, target: \"beta\")]),\n  (id: \"beta\", name: \"Beta Network\", kind: Media, scope: Local, description: \"Beta.\", relations: [(kind: SupportedBy, target: \"missing-one\"), (kind: MemberOf, target: \"ugap\"), (kind: Supports, name: \"Outside\")]),\n])",
    );
    let out = home.run(&["search", "alpha", "--json"]);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    let found: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(ids(&found), ["alpha"]);
    let warning = err.lines().next().unwrap_or_default();
    assert!(warning.starts_with("warning: left out a relation"), "{err}");
    assert!(warning.contains(&format!("{}:3:127: ", file.display())), "{err}");
    assert!(warning.contains("partner \"beta\" has a relation to \"missing-one\""), "{err}");
    assert!(err.contains("  fix: use the id of a partner of the dataset"), "{err}");
    // Only the dangling relation is gone: no target is made up, the others stay.
    let beta = home.json(&["show", "beta", "--json"]);
    let targets: Vec<&str> = beta["relations"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| r["target"].as_str().or(r["name"].as_str()).unwrap_or_default())
        .collect();
    assert_eq!(targets, ["ugap", "Outside"], "{beta}");
    // In French too.
    let err = text(&home.run(&["--lang", "fr", "show", "alpha"]).stderr);
    assert!(err.contains("laissée de côté") && err.contains("«\u{a0}missing-one\u{a0}»"), "{err}");
    // `validate` stays strict: the dangling target is an error, with its place, exit 1.
    let shown = file.display().to_string();
    let out = home.expect(&["validate", &shown], 1);
    assert!(out.starts_with(&format!("{shown}:3:127: partner \"beta\"")), "{out}");
    assert!(out.contains("\"missing-one\", which is not a partner"), "{out}");
    // Any other problem still skips the whole file.
    let other = std::fs::read_to_string(&file).expect("read").replace("\"Alpha.\"", "\" \"");
    std::fs::write(&file, other).expect("write");
    let out = home.run(&["list", "--json"]);
    let err = text(&out.stderr);
    assert!(err.contains("skipped a dataset") && err.contains("missing-one"), "{err}");
    let list: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(!ids(&list).contains(&"beta"), "{err}");
}

#[test]
fn a_glossary_in_the_datasets_folder_is_no_dataset() {
    let home = Home::new();
    // "quorvex" is in no partner: only the user's group finds UGAP by it.
    let glossary = home
        .file("datasets/glossary.ron", r#"[(fr: ["quorvex"], en: ["industrial and commercial"])]"#);
    let out = home.run(&["search", "quorvex"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "", "no warning");
    assert!(text(&out.stdout).starts_with("ugap\t"), "{}", text(&out.stdout));
    let path = glossary.display().to_string();
    let said = home.ok(&["validate", &path]);
    assert_eq!(said, format!("{path}: ok, a glossary of 1 group\n"));
    // A glossary's problems are told as a dataset's are, in the user's language too.
    home.file("datasets/glossary.ron", "[(fr: [\"mairie\"], en: [])]");
    let said = home.expect(&["--lang", "fr", "validate", &path], 1);
    assert!(said.starts_with(&format!("{path}:1:2: groupe 1 du glossaire (mairie)")), "{said}");
    assert!(said.contains("correction\u{a0}: écrivez une liste de groupes"), "{said}");
    home.file("datasets/glossary.ron", "[\n  (fr: [\"mairie\"] en: [\"town hall\"]),\n]");
    let said = home.expect(&["validate", &path], 1);
    assert!(said.starts_with(&format!("{path}:2:19: ")), "{said}");
    let out = home.run(&["search", "ugap"]);
    assert!(out.status.success());
    assert!(text(&out.stderr).contains(&format!("{path}:2:19: ")), "{}", text(&out.stderr));
}

/// A glossary is read as a dataset is: a byte-order mark first is skipped, and each problem
/// is placed where it is (the group at fault; the value missing, not the end of the line
/// before it).
#[test]
fn a_glossary_s_problems_are_placed_where_they_are() {
    let home = Home::new();
    let path = home.path().join("datasets").join("glossary.ron");
    let path = path.to_str().expect("utf-8 path");
    home.file("datasets/glossary.ron", "\u{FEFF}[(fr: [\"quorvex\"], en: [\"industrial\"])]");
    assert_eq!(home.ok(&["validate", path]), format!("{path}: ok, a glossary of 1 group\n"));
    let cases = [
        (
            "[\n  (fr: [\"vert\"], en: [\"green\"]),\n  // c\n  (fr: [\"mairie\"], en: []),\n]",
            ":4:3: ",
        ),
        (
            "\u{FEFF}[\n  (fr: [\"vert\"], en: [\"green\"]),\n  (fr: [\"bleu\"], en: [\"\"]),\n]",
            ":3:3: ",
        ),
        ("[\n  (fr: [\"vert\"], en:\n     12),\n]", ":3:6: "),
    ];
    for (text, at) in cases {
        home.file("datasets/glossary.ron", text);
        let said = home.expect(&["validate", path], 1);
        assert!(said.starts_with(&format!("{path}{at}")), "{text}: {said}");
    }
}

#[test]
fn data_ignores_the_datasets_folder() {
    let home = Home::new();
    home.file(
        "datasets/extra.ron",
        r#"(partners: [(id: "extra", name: "Extra", kind: Media, scope: Local, description: "x")])"#,
    );
    let good = home.file("good.ron", GOOD);
    let list = home.json(&["--data", good.to_str().expect("utf-8 path"), "list", "--json"]);
    assert_eq!(ids(&list), ["alpha", "beta"]);
    assert!(ids(&home.json(&["list", "--json"])).contains(&"extra"));
}

#[test]
fn export_to_a_file() {
    let home = Home::new();
    home.ok(&["star", "ugap"]);
    let target = home.path().join("out.json");
    let out = home.run(&[
        "export",
        "--format",
        "json",
        "--starred",
        "-o",
        target.to_str().expect("path"),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    assert!(text(&out.stderr).contains("1 partners") || text(&out.stderr).contains("1 partner"));
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(&target).expect("written")).expect("JSON");
    assert_eq!(ids(&written), ["ugap"]);
    home.expect(&["export", "--format", "xml"], 2);
}
