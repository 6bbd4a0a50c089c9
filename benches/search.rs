//! Search and load benchmarks over the bundled data and a generated 100 000-partner dataset.
//!
//! `cargo bench --bench search` (about a minute and a half on two cores; `PARTNERS_BENCH_SIZE=1000000`
//! for a million partners, under the same group names); figures and the other
//! measurements (whole process, fzf, memory) are in BENCHMARKS.md. Run one group with a filter:
//! `cargo bench --bench search -- keystroke/ugap`.

use std::hint::black_box;

/// The allocator the binary runs with (see `src/main.rs`): what is measured is what runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{
    BatchSize, BenchmarkGroup, Criterion, SamplingMode, criterion_group, criterion_main,
};
use partners::catalog::Catalog;
use partners::dataset;
use partners::search::{Glossary, Index, Query, Searcher};

#[path = "../examples/generate.rs"]
#[allow(dead_code)]
mod generate;

/// How many partners the big dataset holds: 100 000, or `PARTNERS_BENCH_SIZE` (a million is
/// possible but takes minutes and several GB).
fn big_size() -> usize {
    std::env::var("PARTNERS_BENCH_SIZE").ok().and_then(|n| n.parse().ok()).unwrap_or(100_000)
}

/// Queries typed one character at a time.
const QUERIES: &[&str] = &["bordeaux metropole", "cnfpt", "social economy", "ugap"];

struct Big {
    /// The dataset file (loading reads a file), written once and reused by later runs.
    path: PathBuf,
    source: String,
    catalog: Catalog,
}

/// The generated dataset, built once (the same data as `examples/generate.rs` writes).
fn big() -> &'static Big {
    static BIG_DATA: OnceLock<Big> = OnceLock::new();
    BIG_DATA.get_or_init(|| {
        let size = big_size();
        let source = generate::ron(&generate::records(size));
        let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("bench-{size}.ron"));
        if std::fs::read_to_string(&path).ok().as_ref() != Some(&source) {
            std::fs::write(&path, &source).expect("writing the generated dataset");
        }
        let catalog = Catalog::from_files(std::slice::from_ref(&path))
            .unwrap_or_else(|e| panic!("the generated dataset does not load: {e}"));
        Big { path, source, catalog }
    })
}

/// Few, short samples: each run of a slow routine is long enough to time on its own.
fn quick<'c>(c: &'c mut Criterion, name: &str, measure: Duration) -> BenchmarkGroup<'c, WallTime> {
    let mut group = c.benchmark_group(name);
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(50))
        .measurement_time(measure);
    group
}

/// Each keystroke of each query at 100 000 partners, through the incremental `Searcher`,
/// starting from the state the previous keystrokes left (the browser's path); with a French
/// query. `keystroke-plain/` types the same on an index without the glossary: what expanding
/// queries costs, measured in the same run.
fn keystrokes(c: &mut Criterion) {
    let with_glossary = big().catalog.index();
    let plain = Index::new(big().catalog.partners());
    // As the browser's loader does: the tie-break orders before the list is shown (without
    // them each search sorts its hits by name), the rest once it is.
    for index in [with_glossary, &plain] {
        index.sort_names();
        index.warm();
    }
    // Query by query, one index then the other: the machine's pace drifts over minutes.
    for query in QUERIES.iter().chain(&["economie sociale"]) {
        for (name, index) in [("keystroke", with_glossary), ("keystroke-plain", &plain)] {
            let measure = Duration::from_millis(200);
            let mut group = quick(c, &format!("{name}/{query}"), measure);
            let mut searcher = Searcher::default();
            let chars: Vec<char> = query.chars().collect();
            for typed in 1..=chars.len() {
                let prefix: String = chars[..typed].iter().collect();
                let parsed = Query::parse(&prefix).expect("a valid query");
                let before = searcher.clone();
                group.bench_function(format!("{typed:02} {prefix}"), |b| {
                    b.iter_batched_ref(
                        || before.clone(),
                        |s| s.search(index, black_box(&parsed), &[]),
                        BatchSize::PerIteration,
                    );
                });
                searcher.search(index, &parsed, &[]);
            }
            group.finish();
        }
    }
}

/// A whole query with nothing to narrow from (what `partners search` does), at 100 000
/// partners; and each query typed in full over the bundled data.
fn whole_queries(c: &mut Criterion) {
    // Its own index, as `partners search` makes it: without the word lists and tie-break
    // orders that `keystrokes` makes on the catalog's.
    let index = &Index::with_glossary(big().catalog.partners(), Glossary::bundled());
    let mut group = quick(c, "search-100k", Duration::from_millis(500));
    for query in QUERIES {
        let parsed = Query::parse(query).expect("a valid query");
        group.bench_function(*query, |b| b.iter(|| index.search(black_box(&parsed), &[], None)));
    }
    group.finish();

    let bundled = Catalog::bundled().expect("the bundled dataset");
    let mut group = c.benchmark_group("typed-bundled");
    group.warm_up_time(Duration::from_millis(100)).measurement_time(Duration::from_millis(500));
    for query in QUERIES {
        let prefixes: Vec<Query> = (1..=query.chars().count())
            .map(|n| Query::parse(&query.chars().take(n).collect::<String>()))
            .collect::<Result<_, _>>()
            .expect("valid queries");
        group.bench_function(*query, |b| {
            b.iter(|| {
                let mut searcher = Searcher::default();
                for q in &prefixes {
                    black_box(searcher.search(bundled.index(), q, &[]));
                }
            });
        });
    }
    group.finish();
}

/// Loading: parsing, validation, merging, backlinks and the search index.
fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.warm_up_time(Duration::from_millis(100)).measurement_time(Duration::from_millis(500));
    group.bench_function("bundled (38)", |b| b.iter(Catalog::bundled));
    group.finish();

    let big = big();
    let mut group = quick(c, "load-100k", Duration::from_secs(2));
    group.bench_function("catalog from file", |b| {
        b.iter(|| Catalog::from_files(std::slice::from_ref(&big.path)));
    });
    group.bench_function("read, parse, validate", |b| {
        b.iter(|| dataset::load_file(&big.path));
    });
    // What reading in blocks to report progress costs (reading on every core, measured here
    // too, was no faster on two cores and went).
    group.bench_function("read in blocks", |b| b.iter(|| dataset::read_source(&big.path)));
    group.bench_function("read at once", |b| {
        b.iter(|| std::fs::read_to_string(&big.path));
    });
    // Whether freeing a big catalog on another thread (`Drop for Catalog`) pays: the time the
    // dropping thread waits, against freeing the same partners in place.
    group.bench_function("drop catalog (freed aside)", |b| {
        b.iter_batched(
            || Catalog::from_partners(big.catalog.partners().to_vec(), Vec::new(), Vec::new()),
            drop,
            BatchSize::PerIteration,
        );
    });
    group.bench_function("drop partners in place", |b| {
        b.iter_batched(|| big.catalog.partners().to_vec(), drop, BatchSize::PerIteration);
    });
    group.bench_function("parse only", |b| {
        b.iter(|| dataset::parse_syntax(black_box(&big.source), &big.path));
    });
    group.bench_function("validate only", |b| {
        let parsed = dataset::parse_syntax(&big.source, &big.path).expect("valid syntax");
        b.iter(|| dataset::validate(&parsed, &big.source, &big.path, &|_| false));
    });
    group.bench_function("index only", |b| b.iter(|| Index::new(big.catalog.partners())));
    // What the browser does off the UI thread once the list is shown (`Index::warm`).
    group.bench_function("words and lists", |b| {
        b.iter_batched(
            || Index::new(big.catalog.partners()),
            |i| i.warm(),
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().without_plots();
    targets = keystrokes, whole_queries, load
}
criterion_main!(benches);
