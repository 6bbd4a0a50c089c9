//! `partners export`'s formats by their other names and in any case, and a CSV's separators.

use tempfile::TempDir;

use super::{export_in, partners_in, read_csv, read_csv_with};

/// The formats' other common names and any case, as people type them, and their extensions.
#[test]
fn formats_go_by_their_other_names_too() {
    let home = TempDir::new().expect("temp dir");
    for (format, names) in [
        ("md", &["markdown", "MD", "Markdown"][..]),
        ("dot", &["gv", "graphviz", "DOT"]),
        ("vcf", &["vcard", "vCard", "VCF"]),
        ("csv", &["CSV"]),
    ] {
        let (expected, _) = export_in(&home, "en", &["--format", format]);
        for name in names {
            let (out, err) = export_in(&home, "en", &["--format", name]);
            assert_eq!(out, expected, "--format {name}: {err}");
        }
    }
    let file = |name: &str| home.path().join(name).to_string_lossy().into_owned();
    let read = |name: &str| std::fs::read_to_string(home.path().join(name)).expect("written");
    export_in(&home, "en", &["-o", &file("a.markdown")]);
    assert!(read("a.markdown").starts_with('#'), "{}", read("a.markdown"));
    export_in(&home, "en", &["-o", &file("b.vcard")]);
    assert!(read("b.vcard").starts_with("BEGIN:VCARD"));
    let show = |format: &str| {
        let out = partners_in(&home)
            .args(["show", "ugap", "--format", format])
            .output()
            .expect("partners runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        out.stdout
    };
    assert_eq!(show("Markdown"), show("md"));
}

/// `--separator semicolon` (or `;`, or French `point-virgule`) writes the same records, split
/// on semicolons, for a spreadsheet set up for French; a field holding one is quoted. Given to
/// another format, it is ignored with a warning.
#[test]
fn csv_separated_by_semicolons_or_tabs() {
    let home = TempDir::new().expect("temp dir");
    let out = partners_in(&home)
        .args(["note", "ugap", "call back; then write, in French"])
        .output()
        .expect("partners runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let (commas, _) = export_in(&home, "en", &[]);
    let records = read_csv(commas.trim_start_matches('\u{feff}')).expect("CSV");
    for (name, separator) in
        [("semicolon", ';'), (";", ';'), ("point-virgule", ';'), ("tab", '\t'), ("Tab", '\t')]
    {
        let (out, err) = export_in(&home, "fr", &["--separator", name]);
        assert!(err.is_empty(), "{err}");
        assert!(out.starts_with("\u{feff}id"), "{out}");
        let read = read_csv_with(out.trim_start_matches('\u{feff}'), separator);
        assert_eq!(read.as_ref(), Ok(&records), "--separator {name}");
    }
    let (semicolons, _) = export_in(&home, "en", &["--separator", "semicolon"]);
    assert!(semicolons.contains("\"call back; then write, in French\""), "{semicolons}");
    assert!(semicolons.lines().next().is_some_and(|l| l.contains("id;name;acronym")));
    let (out, err) = export_in(&home, "en", &["--format", "json", "--separator", "semicolon"]);
    assert!(err.contains("--separator is for CSV only: the json export"), "{err}");
    assert!(serde_json::from_str::<serde_json::Value>(&out).is_ok());
    let (_, err) = export_in(&home, "fr", &["--format", "md", "--separator", "tab"]);
    assert!(err.contains("--separator ne vaut que pour le CSV"), "{err}");
}

/// `-o FILE.tsv` is a CSV separated by tabs, unless `--separator` says otherwise; a
/// `--separator` for a file of another format is ignored with a warning.
#[test]
fn a_tsv_file_is_separated_by_tabs() {
    let home = TempDir::new().expect("temp dir");
    let file = |name: &str| home.path().join(name).to_string_lossy().into_owned();
    let read = |name: &str| std::fs::read_to_string(home.path().join(name)).expect("written");
    let (commas, _) = export_in(&home, "en", &[]);
    let records = read_csv(commas.trim_start_matches('\u{feff}')).expect("CSV");
    export_in(&home, "en", &["-o", &file("a.tsv")]);
    let tabs = read("a.tsv");
    assert!(tabs.starts_with("\u{feff}id\tname\t"), "{tabs}");
    assert_eq!(read_csv_with(tabs.trim_start_matches('\u{feff}'), '\t'), Ok(records));
    export_in(&home, "en", &["-o", &file("b.TSV"), "--separator", "semicolon"]);
    assert!(read("b.TSV").starts_with("\u{feff}id;name;"), "{}", read("b.TSV"));
    let (_, err) = export_in(&home, "en", &["-o", &file("c.json"), "--separator", "tab"]);
    assert!(err.contains("--separator is for CSV only: the json export"), "{err}");
    assert!(serde_json::from_str::<serde_json::Value>(&read("c.json")).is_ok());
}

/// `--format tsv` (any case) writes what `-o FILE.tsv` writes, to standard output or to a
/// file of any name; `--separator` still wins, and `-o FILE.tsv` with `--format csv` (the
/// same table) is no contradiction to warn about.
#[test]
fn tsv_is_a_format_as_a_tsv_file_is() {
    let home = TempDir::new().expect("temp dir");
    let file = |name: &str| home.path().join(name).to_string_lossy().into_owned();
    let read = |name: &str| std::fs::read_to_string(home.path().join(name)).expect("written");
    export_in(&home, "en", &["-o", &file("a.tsv")]);
    let tabs = read("a.tsv");
    assert!(tabs.starts_with("\u{feff}id\tname\t"), "{tabs}");
    for (lang, name) in [("en", "tsv"), ("fr", "TSV"), ("en", "Tsv")] {
        let (out, err) = export_in(&home, lang, &["--format", name]);
        assert!(err.is_empty(), "--format {name}: {err}");
        assert_eq!(out, tabs, "--format {name}");
    }
    let (_, err) = export_in(&home, "en", &["--format", "tsv", "-o", &file("b.txt")]);
    assert!(err.lines().all(|l| l.starts_with("wrote")), "{err}");
    assert_eq!(read("b.txt"), tabs);
    let (out, _) = export_in(&home, "en", &["--format", "tsv", "--separator", "semicolon"]);
    assert!(out.starts_with("\u{feff}id;name;"), "{out}");
    let (_, err) = export_in(&home, "en", &["--format", "csv", "-o", &file("c.tsv")]);
    assert!(err.lines().all(|l| l.starts_with("wrote")), "{err}");
    assert_eq!(read("c.tsv"), tabs);
    let (_, err) = export_in(&home, "en", &["--format", "json", "-o", &file("d.tsv")]);
    assert!(err.contains("d.tsv ends like a tsv file, but --format json was given"), "{err}");
}

/// Where the formats are listed, tsv is: the help in both languages, the man page and the
/// shell's completion of `--format`.
#[test]
fn tsv_is_listed_with_the_other_formats() {
    let home = TempDir::new().expect("temp dir");
    let run = |args: &[&str], complete: bool| {
        let mut partners = partners_in(&home);
        if complete {
            partners.env("COMPLETE", "bash").arg("--");
        }
        let out = partners.args(args).output().expect("partners runs");
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let help = run(&["export", "--help"], false);
    assert!(help.contains("- tsv:"), "{help}");
    let french = run(&["--lang", "fr", "export", "--help"], false);
    assert!(french.contains("[valeurs\u{a0}: csv, tsv, json, md, dot, vcf"), "{french}");
    let man = run(&["man"], false);
    assert!(man.contains("tsv: "), "{man}");
    let offered = run(&["partners export --format ", ""], true);
    assert!(offered.split('\u{b}').any(|value| value == "tsv"), "{offered:?}");
}
