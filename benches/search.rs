//! Search and load benchmarks over the bundled data and a generated 100 000-partner dataset.
//!
//! `cargo bench --bench search` (about two minutes on two cores); figures in BENCHMARKS.md.
//! Filter with a name: `cargo bench --bench search -- keystroke/ugap`.

use std::hint::black_box;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use criterion::{BatchSize, Criterion, SamplingMode, criterion_group, criterion_main};
use partners::catalog::Catalog;
use partners::dataset;
use partners::search::{Index, Query, Searcher};

#[path = "../examples/generate.rs"]
#[allow(dead_code)]
mod generate;

/// How many partners the big dataset holds.
const BIG: usize = 100_000;

/// Queries typed one character at a time.
const QUERIES: &[&str] = &["bordeaux metropole", "cnfpt", "social economy", "ugap"];

struct Big {
    /// The dataset file, written once to a temporary folder (loading reads a file).
    path: PathBuf,
    _dir: tempfile::TempDir,
    source: String,
    catalog: Catalog,
}

fn big() -> &'static Big {
    static BIG_DATA: OnceLock<Big> = OnceLock::new();
    BIG_DATA.get_or_init(|| {
        let source = generate::ron(&generate::records(BIG));
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("big.ron");
        std::fs::write(&path, &source).expect("writing the generated dataset");
        let catalog = Catalog::from_files(std::slice::from_ref(&path))
            .unwrap_or_else(|e| panic!("the generated dataset does not load: {e}"));
        Big { path, _dir: dir, source, catalog }
    })
}

/// Each keystroke of each query, through the incremental `Searcher`, starting from the
/// state the previous keystroke left.
fn keystrokes(c: &mut Criterion) {
    let index = big().catalog.index();
    for query in QUERIES {
        let mut group = c.benchmark_group(format!("keystroke/{query}"));
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(100))
            .measurement_time(Duration::from_millis(500));
        let mut searcher = Searcher::default();
        let chars: Vec<char> = query.chars().collect();
        for typed in 1..=chars.len() {
            let prefix: String = chars[..typed].iter().collect();
            let parsed = Query::parse(&prefix).expect("a valid query");
            let before = searcher.clone();
            group.bench_function(format!("{typed:02} {prefix}"), |b| {
                b.iter_batched(
                    || before.clone(),
                    |mut s| s.search(index, black_box(&parsed), &[]),
                    BatchSize::SmallInput,
                );
            });
            searcher.search(index, &parsed, &[]);
        }
        group.finish();
    }
}

/// Whole queries with nothing to narrow from: what `partners search` does.
fn whole_queries(c: &mut Criterion) {
    let index = big().catalog.index();
    let mut group = c.benchmark_group("search-100k");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_secs(1));
    for query in QUERIES {
        let parsed = Query::parse(query).expect("a valid query");
        group.bench_function(*query, |b| b.iter(|| index.search(black_box(&parsed), &[], None)));
    }
    group.finish();
}

/// Loading: parsing, validation, merging, backlinks and the search index.
fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(200))
        .measurement_time(Duration::from_secs(1));
    group.bench_function("bundled (38)", |b| b.iter(Catalog::bundled));
    group.finish();

    let big = big();
    let mut group = c.benchmark_group("load-100k");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(100))
        .measurement_time(Duration::from_secs(4));
    group.bench_function("catalog from file", |b| {
        b.iter(|| Catalog::from_files(std::slice::from_ref(&big.path)));
    });
    group.bench_function("parse only", |b| {
        b.iter(|| dataset::parse_syntax(black_box(&big.source), &big.path));
    });
    group.bench_function("index only", |b| b.iter(|| Index::new(big.catalog.partners())));
    group.finish();
}

criterion_group!(benches, keystrokes, whole_queries, load);
criterion_main!(benches);
