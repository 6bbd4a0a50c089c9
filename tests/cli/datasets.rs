//! Dataset files given with `--data` and in the home's datasets folder: what replaces what,
//! bad files named to the line and column, `validate` and its exit codes.

use super::*;

#[test]
fn data_replaces_the_bundled_dataset() {
    let home = Home::new();
    let good = home.file("good.ron", GOOD);
    let good = good.to_str().expect("utf-8 path");
    let list = home.json(&["--data", good, "list", "--json"]);
    assert_eq!(ids(&list), ["alpha", "beta"]);
    home.expect(&["--data", good, "search", "ugap"], 1);
    let found = home.json(&["--data", good, "search", "--json", "ete"]);
    assert_eq!(ids(&found), ["alpha"]);
    let beta = home.json(&["--data", good, "show", "beta", "--json"]);
    assert_eq!(beta["backlinks"][0]["target"], "alpha");
    // Repeatable: a second file adds partners and may point at the first one's.
    let more = home.file(
        "more.ron",
        r#"(partners: [(id: "gamma", name: "Gamma", kind: Media, scope: Local,
            description: "Third.", relations: [(kind: SupportedBy, target: "alpha")])])"#,
    );
    let more = more.to_str().expect("utf-8 path");
    let list = home.json(&["--data", good, "--data", more, "list", "--json"]);
    assert_eq!(ids(&list), ["alpha", "beta", "gamma"]);
    // Also the bundled partners themselves, given as a file.
    let bundled = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/partners.ron");
    assert_eq!(ids(&home.json(&["--data", bundled, "list", "--json"])).len(), 38);
}

/// A bad dataset given with `--data`: exit 2, and stderr names `file:line:column`.
fn assert_bad_data(home: &Home, name: &str, source: &str, at: (usize, usize), says: &str) {
    let path = home.file(name, source);
    let out = home.run(&["--data", path.to_str().expect("utf-8 path"), "list"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{name}: {err}");
    assert!(out.stdout.is_empty(), "{name}: printed {}", text(&out.stdout));
    let place = format!("{}:{}:{}:", path.display(), at.0, at.1);
    assert!(err.contains(&place), "{name}: expected {place} in\n{err}");
    assert!(err.contains(says), "{name}: expected {says:?} in\n{err}");
    assert!(err.contains("fix:"), "{name}: says what to do\n{err}");
    // `validate` reports the same place, on stdout, with exit 1.
    let out = home.run(&["validate", path.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1), "{name}");
    assert!(text(&out.stdout).contains(&place), "{name}: {}", text(&out.stdout));
}

#[test]
fn bad_data_files_name_the_line_and_column() {
    let home = Home::new();
    let syntax = GOOD.replace("kind: Media", "kind: Mediaa");
    assert_bad_data(&home, "syntax.ron", &syntax, line_col(&syntax, "Mediaa", 0), "Mediaa");
    let unclosed = GOOD.replace("description: \"The second.\",", "description: \"The second.,");
    let out =
        home.run(&["--data", home.file("unclosed.ron", &unclosed).to_str().expect("path"), "list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unclosed.ron:"), "{}", text(&out.stderr));

    let target = GOOD.replace("target: \"beta\"", "target: \"gamma\"");
    let at = line_col(&target, "\"gamma\"", 0);
    assert_bad_data(&home, "target.ron", &target, at, "\"gamma\", which is not a partner");

    let duplicate =
        GOOD.replace("id: \"beta\"", "id: \"alpha\"").replace("target: \"beta\"", "name: \"Beta\"");
    let at = line_col(&duplicate, "\"alpha\"", 1);
    assert_bad_data(&home, "duplicate.ron", &duplicate, at, "used twice (first on line 3)");

    let control = GOOD.replace("The second.", "The \\u{1b}[31msecond.");
    // At the text itself.
    let at = line_col(&control, "\"The \\u{1b}", 0);
    assert_bad_data(&home, "control.ron", &control, at, "U+001B");

    let missing = home.path().join("missing.ron");
    let out = home.run(&["--data", missing.to_str().expect("utf-8 path"), "list"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("missing.ron"));
}

/// A blank alias (empty, or only spaces and invisible characters) would show on the card as
/// `Also known as: , `: it is a problem placed at its own string, in either language.
#[test]
fn a_blank_alias_is_a_dataset_error() {
    let home = Home::new();
    let blank = GOOD.replace(
        "acronym: \"ALN\",",
        "acronym: \"ALN\",\n        aliases: [\"Alpha\", \"\\u{200B}\", \" \u{200B} \"],",
    );
    let at = line_col(&blank, "\"\\u{200B}\"", 0);
    assert_bad_data(
        &home,
        "alias.ron",
        &blank,
        at,
        "partner \"alpha\" has a blank alias (aliases[1])",
    );
    let path = home.file("alias.ron", &blank).display().to_string();
    let said = home.expect(&["--lang", "fr", "validate", &path], 1);
    let (line, column) = line_col(&blank, "\" \u{200B} \"", 0);
    let second = format!(
        "{path}:{line}:{column}: le partenaire «\u{a0}alpha\u{a0}» a un alias vide (aliases[2])"
    );
    assert!(said.contains(&second), "{said}");
    assert!(said.contains("(aliases[1])\n  correction\u{a0}: supprimez-le"), "{said}");
}

#[test]
fn ids_written_with_escapes_do_not_upset_error_locations() {
    // The validator looks ids up in the source text; ids spelled with escapes are not there
    // literally, and looking further must not cut a character in two.
    let home = Home::new();
    let mut partners = vec![
        r#"(id: "a", name: "ééééééééééééééééééééééééé", kind: Media, scope: Local, description: "x")"#
            .to_owned(),
    ];
    partners.extend((0..20).map(|i| {
        format!(r#"(id: "\u{{62}}{i}", name: "B", kind: Media, scope: Local, description: "x")"#)
    }));
    partners
        .push(r#"(id: "a", name: "Again", kind: Media, scope: Local, description: "x")"#.into());
    let source = format!("(partners: [\n{}\n])", partners.join(",\n"));
    let path = home.file("escaped.ron", &source);
    let out = home.run(&["validate", path.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    assert!(report.contains("escaped.ron:23:") && report.contains("used twice"), "{report}");
}

#[test]
fn one_bad_data_file_among_good_ones_fails_the_run() {
    let home = Home::new();
    let good = home.file("good.ron", GOOD);
    let bad =
        home.file("bad.ron", &GOOD.replace("alpha", "alpha2").replace("kind: Media", "kind: ?"));
    let out = home.run(&[
        "--data",
        good.to_str().expect("utf-8 path"),
        "--data",
        bad.to_str().expect("utf-8 path"),
        "list",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("bad.ron:"));
}

#[test]
fn validate_exit_codes() {
    let home = Home::new();
    let good = home.file("good.ron", GOOD);
    let bad = home.file("bad.ron", &GOOD.replace("target: \"beta\"", "target: \"nobody\""));
    let good_path = good.to_str().expect("utf-8 path");
    let bad_path = bad.to_str().expect("utf-8 path");
    let out = home.ok(&["validate", good_path]);
    assert!(out.contains("good.ron") && out.contains("ok"), "{out}");
    let out = home.expect(&["validate", good_path, bad_path], 1);
    assert!(out.contains("good.ron: ok"), "{out}");
    assert!(out.contains(&format!("{bad_path}:9:")), "{out}");
    home.expect(&["validate", bad_path, good_path], 1);
    home.expect(&["validate"], 2);
    // A file that cannot be read is 2, as the README says, the others still checked.
    let missing = home.path().join("missing.ron");
    let missing = missing.to_str().expect("utf-8 path");
    let out = home.expect(&["validate", good_path, missing, bad_path], 2);
    assert!(out.contains("good.ron: ok") && out.contains("does not exist"), "{out}");
    assert!(out.contains(&format!("{bad_path}:9:")), "{out}");
    // A glossary that cannot be read too (a folder by its name).
    let glossary = home.path().join("words").join("glossary.ron");
    std::fs::create_dir_all(&glossary).expect("a folder named as a glossary");
    home.expect(&["validate", glossary.to_str().expect("utf-8 path")], 2);
    let bundled = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/partners.ron");
    assert!(home.ok(&["validate", bundled]).contains("38"));
}

#[test]
fn a_file_of_the_datasets_folder_is_checked_as_the_browser_loads_it() {
    let home = Home::new();
    let template = home.ok(&["template"]);
    let linked = template
        .replace("// (kind: MemberOf, target: \"3ar\")", "(kind: MemberOf, target: \"3ar\")");
    assert_ne!(linked, template, "the template's relation to a bundled partner");
    // In the folder, over the bundled partners: its relation to one of them is fine...
    let mine = home.file("datasets/mine.ron", &linked);
    let out = home.ok(&["validate", mine.to_str().expect("utf-8 path")]);
    assert!(out.contains("mine.ron: ok, 1 partner"), "{out}");
    // ...and to a partner of another file of the folder.
    let other = GOOD.replace("target: \"beta\"", "target: \"example-network\"");
    let other = home.file("datasets/other.ron", &other);
    let out = home.ok(&["validate", other.to_str().expect("utf-8 path")]);
    assert!(out.contains("other.ron: ok, 2 partners"), "{out}");
    // Elsewhere, as --data reads it, alone: no such partner.
    let alone = home.file("alone.ron", &linked);
    let out = home.expect(&["validate", alone.to_str().expect("utf-8 path")], 1);
    assert!(out.contains("\"3ar\""), "{out}");
    // A problem of a file in the folder is still found.
    let bad = home.file("datasets/bad.ron", &linked.replace("\"3ar\"", "\"nobody\""));
    let out = home.expect(&["validate", bad.to_str().expect("utf-8 path")], 1);
    assert!(out.contains("bad.ron:") && out.contains("\"nobody\""), "{out}");
    // A file the browser does not read there (not .ron) is checked on its own.
    let text = home.file("datasets/mine.txt", &linked);
    home.expect(&["validate", text.to_str().expect("utf-8 path")], 1);
    // A link in the folder to a file elsewhere is read there, so checked there (its relation
    // to the bundled partner is fine).
    #[cfg(unix)]
    {
        let linked_in = home.path().join("datasets/linked.ron");
        std::os::unix::fs::symlink(&alone, &linked_in).expect("a link");
        let out = home.ok(&["validate", linked_in.to_str().expect("utf-8 path")]);
        assert!(out.contains("linked.ron: ok, 1 partner"), "{out}");
    }
}

/// Two of the user's files with the same id: the later one's partner is used, and that is
/// said (a bundled partner replaced by the user's is no news).
#[test]
fn a_partner_replacing_another_files_is_told() {
    let home = Home::new();
    let first = home.file("datasets/a.ron", GOOD);
    let later = GOOD
        .replace("Alpha Network", "Alpha Again")
        .replace("Beta Fondation", "Beta Again")
        .replace("id: \"beta\"", "id: \"ugap\"")
        .replace("target: \"beta\"", "target: \"ugap\"");
    let later = home.file("datasets/b.ron", &later);
    let out = home.run(&["list"]);
    let (listed, err) = (text(&out.stdout), text(&out.stderr));
    assert!(listed.contains("Alpha Again") && !listed.contains("Alpha Network"), "{listed}");
    let said = format!(
        "warning: {}: partner \"alpha\" is also in {}, read before it; this file's is used\n",
        later.display(),
        first.display()
    );
    assert_eq!(err, said);
    let out = home.run(&["--lang", "fr", "list"]);
    let err = text(&out.stderr).replace('\u{a0}', " ");
    assert!(err.contains("le partenaire « alpha » est aussi dans"), "{err}");
    // Each file checked in the folder says it too, and is fine.
    let out = home.run(&["validate", later.to_str().expect("utf-8 path")]);
    assert!(out.status.success() && text(&out.stderr) == said, "{out:?}");
    // Both checked: said once.
    let both = [first.to_str().expect("utf-8 path"), later.to_str().expect("utf-8 path")];
    let out = home.run(&["validate", both[0], both[1]]);
    assert!(out.status.success() && text(&out.stderr) == said, "{out:?}");
    // The same file given twice replaces nothing of its own.
    let out = home.run(&["--data", both[0], "--data", both[0], "list"]);
    assert!(out.status.success() && out.stderr.is_empty(), "{out:?}");
    // Files given with --data, in their order; several partners are counted.
    let both = GOOD.replace("Alpha Network", "Other");
    let both = home.file("both.ron", &both);
    let paths = [first.to_str().expect("utf-8 path"), both.to_str().expect("utf-8 path")];
    let out = home.run(&["--data", paths[1], "--data", paths[0], "list"]);
    let err = text(&out.stderr);
    assert!(text(&out.stdout).contains("Alpha Network"), "{out:?}");
    assert!(err.contains(": 2 partners (\"alpha\" first) are also in "), "{err}");
    assert!(err.starts_with(&format!("warning: {}:", first.display())), "{err}");
}

#[test]
fn every_problem_of_a_file_is_reported() {
    let home = Home::new();
    let bad = GOOD
        .replace("target: \"beta\"", "target: \"nobody\"")
        .replace("\"The second.\"", "\"  \"")
        .replace("id: \"beta\"", "id: \"Beta\"");
    let path = home.file("three.ron", &bad);
    let shown = path.display().to_string();
    let out = home.expect(&["validate", &shown], 1);
    let places: Vec<&str> =
        out.lines().filter_map(|l| l.strip_prefix(&format!("{shown}:"))).collect();
    assert_eq!(places.len(), 3, "{out}");
    assert!(places[0].starts_with("9:46: ") && places[0].contains("\"nobody\""), "{out}");
    assert!(
        places[1].starts_with("12:13: ") && places[1].contains("not a kebab-case slug"),
        "{out}"
    );
    assert!(places[2].starts_with("16:9: ") && places[2].contains("empty description"), "{out}");
    assert_eq!(out.lines().filter(|l| l.starts_with("  fix: ")).count(), 3, "{out}");
    // Skipped from the datasets folder, it says the same.
    home.file("datasets/three.ron", &bad);
    let out = home.run(&["list"]);
    let err = text(&out.stderr);
    assert!(err.contains("skipped a dataset") && err.matches("  fix: ").count() == 3, "{err}");
}
