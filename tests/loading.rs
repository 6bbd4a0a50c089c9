//! Loading a dataset file larger than a read block (4 MiB): its partners are parsed block by
//! block while it is read, and indexed while they are checked. The partners, the search
//! results and every error must be those of reading the whole text first.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use partners::catalog::{Catalog, Ready};
use partners::dataset;
use partners::search::{Glossary, Index, Query, Searcher};

#[path = "../examples/generate.rs"]
#[allow(dead_code)]
mod generate;

/// About 5.4 MB of RON: more than one block.
const PARTNERS: usize = 6_000;

static SOURCE: LazyLock<String> = LazyLock::new(|| {
    let source = generate::ron(&generate::records(PARTNERS));
    assert!(source.len() > 4 << 20, "more than one block: {}", source.len());
    source
});

/// `source` written to a file in `dir`.
fn file(dir: &tempfile::TempDir, source: &str) -> PathBuf {
    let path = dir.path().join("big.ron");
    std::fs::write(&path, source).expect("writing the dataset");
    path
}

/// What loading `path` through the catalog says, and what reading its whole text says.
fn both_errors(path: &Path) -> (Option<String>, Option<String>) {
    let streamed = Catalog::from_files(&[path.to_path_buf()]).err().map(|e| e.to_string());
    let whole = dataset::load_file(path).err().map(|e| e.to_string());
    (streamed, whole)
}

#[test]
fn a_large_file_gives_the_partners_and_results_of_its_whole_text() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = file(&dir, &SOURCE);
    let catalog = Catalog::from_files(std::slice::from_ref(&path))
        .unwrap_or_else(|e| panic!("the generated dataset does not load: {e}"));
    let whole = dataset::parse(&SOURCE, &path).expect("valid").partners;
    assert_eq!(catalog.partners(), whole.as_slice());
    let plain = Catalog::from_partners(whole, Vec::new(), Vec::new());
    for text in ["ugap", "social economy", "b", "kind:media", "bordeaux metropole", ""] {
        let query = Query::parse(text).expect("a valid query");
        let streamed = catalog.index().search(&query, &[], None);
        assert_eq!(streamed, plain.index().search(&query, &[], None), "{text}");
    }
}

#[test]
fn partners_are_handed_in_batches_in_order() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = file(&dir, &SOURCE);
    let first = |batch: &[dataset::Partner]| (batch.len(), batch.first().map(|p| p.id.clone()));
    let (read, batches, _) = dataset::read_parsed_with(&path, &|_| {}, &first).expect("valid");
    let batches = batches.expect("read block by block, not by ron");
    // One block and a half: a batch of the most, the rest of the first block, the second.
    assert!(batches.len() >= 3, "{}", batches.len());
    let mut at = 0;
    for (len, id) in batches {
        assert!(len <= dataset::BATCH);
        assert_eq!(id, read.partners.get(at).map(|p| p.id.clone()));
        at += len;
    }
    assert_eq!(at, PARTNERS);
}

#[test]
fn an_index_put_together_from_parts_finds_what_one_made_at_once_finds() {
    let whole = dataset::parse(&SOURCE, Path::new("big.ron")).expect("valid").partners;
    let at_once = Index::with_glossary(&whole, Glossary::bundled());
    let parts = |size: usize| whole.chunks(size).map(Index::part).collect::<Vec<_>>();
    // Parts of any size are put together.
    for size in [dataset::BATCH, 1000, 1, PARTNERS] {
        let index = Index::from_parts(parts(size), &whole, Glossary::bundled());
        assert_eq!(index.len(), whole.len());
        for text in ["ugap", "social economy", "b", "bordeaux metropole", "economie sociale", ""] {
            let query = Query::parse(text).expect("a valid query");
            let found = index.search(&query, &[], None);
            assert_eq!(found, at_once.search(&query, &[], None), "{size} {text}");
            for hit in found.iter().take(3) {
                let p = &whole[hit.index];
                assert_eq!(
                    index.highlights(hit.index, p, &query),
                    at_once.highlights(hit.index, p, &query)
                );
            }
        }
    }
    // Parts that miss partners are not used.
    let short = Index::from_parts(
        parts(dataset::BATCH).into_iter().take(1).collect(),
        &whole,
        Glossary::bundled(),
    );
    assert_eq!(short.len(), whole.len());
}

#[test]
fn hits_ordered_among_themselves_come_as_with_every_name_sorted_once() {
    let whole = dataset::parse(&SOURCE, Path::new("big.ron")).expect("valid").partners;
    let names: std::collections::HashSet<&str> = whole.iter().map(|p| p.name.as_str()).collect();
    assert!(names.len() < whole.len() * 9 / 10, "names shared, so ties to break: {}", names.len());
    let alone = Index::with_glossary(&whole, Glossary::bundled());
    let sorted = Index::with_glossary(&whole, Glossary::bundled());
    sorted.sort_names();
    let (mut typed_alone, mut typed_sorted) = (Searcher::default(), Searcher::default());
    let mut queries: Vec<String> = ["bordeaux metropole", "social economy"]
        .iter()
        .flat_map(|text| (1..=text.len()).map(|n| text[..n].to_string()))
        .collect();
    // Filters only (by name), a word of every partner, and four words no partner has all of
    // (each partner lacking one, ordered among ties as ranked results).
    queries.extend(
        ["", "kind:media", "scope:local ugap", "the", "centre regional sete zzzq"]
            .map(String::from),
    );
    for text in &queries {
        let query = Query::parse(text).expect("a valid query");
        let found = sorted.search_forgiving(&query, &[]);
        assert_eq!(alone.search_forgiving(&query, &[]), found, "{text}");
        let typed = typed_sorted.search(&sorted, &query, &[]);
        assert_eq!(typed_alone.search(&alone, &query, &[]), typed, "{text}, typed");
    }
    let lacking = Query::parse("centre regional sete zzzq").expect("a valid query");
    let found = sorted.search_forgiving(&lacking, &[]);
    assert!(found.len() > 10 && found.iter().all(|h| h.lacks.is_some()), "{}", found.len());
}

#[test]
fn relations_made_on_first_use_are_those_made_while_loading() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = file(&dir, &SOURCE);
    let load =
        |links| Catalog::load(std::slice::from_ref(&path), None, links, &|_| {}).expect("valid");
    let (now, later) = (load(Ready::Now), load(Ready::OnFirstUse));
    let linked = (0..PARTNERS).filter(|&i| !now.backlinks(i).is_empty()).count();
    assert!(linked > PARTNERS / 10, "{linked}");
    for i in 0..PARTNERS {
        assert_eq!(now.backlinks(i), later.backlinks(i), "{i}");
    }
}

#[test]
fn a_large_invalid_file_gives_the_errors_of_its_whole_text() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let first_id = &SOURCE[SOURCE.find("id: \"").expect("an id")..];
    let first_id = &first_id[..first_id.find(",\n").expect("a line end")];
    let last_id = SOURCE.rfind("id: \"").expect("an id");
    let last_end = last_id + SOURCE[last_id..].find(",\n").expect("a line end");
    let cases = [
        // A duplicate id far into the file, and a relation to nobody.
        format!("{}{first_id}{}", &SOURCE[..last_id], &SOURCE[last_end..]),
        SOURCE.replacen("target: \"", "target: \"nobody-", 1),
        // A syntax error, and a shape only ron reads (and then refuses).
        SOURCE.replacen("scope: Local,", "scope: Locale,", 1),
        SOURCE.replacen("kind: Media,", "kind: Media, /* block */ kind: Media,", 1),
        SOURCE.replacen("(partners: [", "(partners: [ 1,", 1),
        // Texts against the rules, as written and as escapes (which only ron reads).
        with_last_description("raw \u{7f} delete"),
        with_last_description("raw \u{85} next line"),
        with_last_description("escaped \\u{7} bell"),
        with_last_description("  "),
        with_last_description("\\u{20}"),
    ];
    for (n, source) in cases.iter().enumerate() {
        assert_ne!(source, &*SOURCE, "case {n} changes the file");
        let path = file(&dir, source);
        let (streamed, whole) = both_errors(&path);
        assert!(streamed.is_some(), "case {n}: {whole:?}");
        assert_eq!(streamed, whole);
    }
    let mut bytes = SOURCE.as_bytes().to_vec();
    let description = SOURCE.rfind("description: \"").expect("a description");
    bytes[description + 20] = 0xFF;
    let path = dir.path().join("big.ron");
    std::fs::write(&path, bytes).expect("writing the dataset");
    let (streamed, whole) = both_errors(&path);
    assert!(streamed.as_ref().is_some_and(|e| e.contains("UTF-8")), "{streamed:?}");
    assert_eq!(streamed, whole);
}

/// The generated file with its last description's text replaced by `text`, written as is.
fn with_last_description(text: &str) -> String {
    let start = SOURCE.rfind("description: \"").expect("a description") + "description: \"".len();
    let end = start + SOURCE[start..].find('"').expect("the end of the description");
    format!("{}{text}{}", &SOURCE[..start], &SOURCE[end..])
}

#[test]
fn a_large_file_of_an_unusual_shape_is_read_by_ron() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let unusual = SOURCE.replacen("acronym: \"", "acronym: Some(\"", 1).replacen(
        "\",\n        aliases",
        "\"),\n        aliases",
        1,
    );
    let path = file(&dir, &unusual);
    let catalog = Catalog::from_files(std::slice::from_ref(&path));
    let whole = dataset::parse(&SOURCE, &path).expect("valid").partners;
    assert_eq!(catalog.ok().map(|c| c.partners().to_vec()), Some(whole));
}

/// The datasets folder's catalog knows how many partners each of its files held, so that
/// `partners validate` of such a file does not parse it a second time; a file skipped, or
/// not in the folder, has no count.
#[test]
fn the_folder_catalog_counts_each_files_partners() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let records = generate::records(7);
    std::fs::write(dir.path().join("mine.ron"), generate::ron(&records)).expect("written");
    std::fs::write(dir.path().join("bad.ron"), "(partners: [(id: ").expect("written");
    let catalog = Catalog::with_user_datasets(dir.path()).expect("the bundled ones load");
    assert_eq!(catalog.partners_in_file(&dir.path().join("mine.ron")), Some(7));
    assert_eq!(catalog.partners_in_file(&dir.path().join("bad.ron")), None);
    assert_eq!(catalog.partners_in_file(Path::new("elsewhere.ron")), None);
}
