//! The browser's background threads, started by the terminal session: loading a large dataset
//! and searching a large catalog, so that no frame waits on either. Each reports back as an
//! [`Action`] that the session feeds to `App::update`.
//!
//! Owns the threads and their channels only: what is loaded is the catalog's, what is found
//! the searcher's, and what the user sees the app's.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::sync::{Arc, OnceLock};

use crate::action::{Action, SearchRequest, Shared};
use crate::catalog::{Catalog, Ready};
use crate::dataset::DatasetError;
use crate::search::{MarkBits, Searcher};

/// A dataset loading on its own thread, then made ready for fast searches there.
pub struct Loader {
    received: Receiver<Result<Action, DatasetError>>,
    running: bool,
    /// Whether the thread may report more (it ends once the catalog is made ready).
    open: bool,
}

impl Loader {
    /// Starts loading the files given with `--data`, else the user's datasets over the bundled
    /// ones (as [`Catalog::load`]); `total` is their size in bytes, for the progress.
    pub fn start(
        data: Vec<PathBuf>,
        datasets: Option<PathBuf>,
        total: u64,
        lang: crate::i18n::Lang,
    ) -> Loader {
        let (sender, received) = mpsc::channel();
        let progress = sender.clone();
        let read = AtomicU64::new(0);
        std::thread::spawn(move || {
            // Problems found while loading are told in the browser's language.
            crate::i18n::set(lang);
            // A single pipe's end (0 bytes) says all there is was read: checking comes next.
            // (Among several files, it would say so before the next file is read.)
            let one_stream = total == 0 && data.len() == 1;
            let report = |bytes: u64| {
                let read = read.fetch_add(bytes, Ordering::Relaxed) + bytes;
                let total = if bytes == 0 && one_stream { read } else { total };
                let _ = progress.send(Ok(Action::Loading { read, total }));
            };
            match Catalog::load(&data, datasets.as_deref(), Ready::Now, &report) {
                Ok(catalog) => {
                    // Measured and sorted here, not on the browser's thread (a million names),
                    // unless already done while the one file given was checked.
                    crate::view::list::wanted_width(&catalog);
                    catalog.index().sort_names();
                    let catalog = Arc::new(catalog);
                    let _ = sender.send(Ok(Action::Loaded(Shared(Arc::clone(&catalog)))));
                    // Shown first, then made ready (the list does not wait), on threads of
                    // their own: a search on the shared ones never queues behind a block of
                    // word lists (the first list came 250 ms late, one run in two).
                    // The shared names first, where loading did not find them, off the
                    // browser's thread: the rows drawn meanwhile are drawn again with them,
                    // which, after the index (0.8 s at 100 000 partners), came after the
                    // second key typed.
                    if !catalog.shared_names_known() {
                        aside_install(|| {
                            catalog.name_shared(0);
                            // The list measured again with its ids, here too.
                            crate::view::list::wanted_width(&catalog);
                        });
                        let _ = sender.send(Ok(Action::NamesShared));
                    }
                    aside_install(|| catalog.index().warm());
                }
                Err(e) => {
                    let _ = sender.send(Err(e));
                }
            }
        });
        Loader { received, running: true, open: true }
    }

    /// The next report (progress, the catalog, or why it could not load; then, if loading
    /// did not find them, that the shared names are known, [`Action::NamesShared`]), if one
    /// is waiting.
    pub fn try_next(&mut self) -> Option<Result<Action, DatasetError>> {
        match self.received.try_recv() {
            Ok(report) => {
                if !matches!(report, Ok(Action::Loading { .. })) {
                    self.running = false;
                }
                Some(report)
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.running = false;
                self.open = false;
                None
            }
        }
    }

    /// Whether the catalog is still to come.
    pub fn running(&self) -> bool {
        self.running
    }

    /// Whether the thread has ended, every report taken: there is nothing more to look for.
    pub fn done(&self) -> bool {
        !self.open
    }
}

/// Runs `work` on the threads [`aside`] (a search that needs what it makes waits for it,
/// leaving the cores to those threads meanwhile), or here if there are none.
fn aside_install(work: impl FnOnce() + Send) {
    match aside() {
        Some(pool) => pool.install(work),
        None => work(),
    }
}

/// A thread pool for what can wait: its threads run only when no search wants the cores
/// (where the system allows it; elsewhere, one thread short of the cores). None if the
/// system would not start them.
fn aside() -> Option<&'static rayon::ThreadPool> {
    static POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
    let pool = POOL.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        let threads =
            if cfg!(target_os = "linux") { cores } else { cores.saturating_sub(1).max(1) };
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads);
        pool.start_handler(|_| give_way()).build().ok()
    });
    pool.as_ref()
}

/// Lets the calling thread run only when the cores are otherwise idle: warming the index
/// takes seconds at a million partners, and a keystroke's search must not share a core with
/// it. Where that cannot be done, the thread runs as any other.
fn give_way() {
    #[cfg(target_os = "linux")]
    {
        use thread_priority::{
            NormalThreadSchedulePolicy, ThreadPriority, ThreadSchedulePolicy,
            set_thread_priority_and_policy, thread_native_id,
        };
        let idle = ThreadSchedulePolicy::Normal(NormalThreadSchedulePolicy::Idle);
        let _ = set_thread_priority_and_policy(thread_native_id(), ThreadPriority::Min, idle);
    }
}

/// Searches run on their own thread, newest first: a request that a newer one overtook
/// before it started is never run.
pub struct SearchWorker {
    requests: Sender<SearchRequest>,
    found: Receiver<Action>,
    asked: u64,
    answered: u64,
}

impl SearchWorker {
    /// Starts the thread; it calls `wake` when results are waiting, so that the loop
    /// need not look for them on a timer.
    pub fn start(wake: impl Fn() + Send + 'static) -> SearchWorker {
        let (requests, waiting) = mpsc::channel::<SearchRequest>();
        let (answers, found) = mpsc::channel();
        std::thread::spawn(move || {
            let mut searcher = Searcher::default();
            // The catalog and marks the searcher's remembered results come from.
            let mut seen: Option<(Arc<Catalog>, Arc<[MarkBits]>)> = None;
            while let Ok(mut request) = waiting.recv() {
                while let Ok(newer) = waiting.try_recv() {
                    request = newer;
                }
                let same = seen.as_ref().is_some_and(|(catalog, marks)| {
                    Arc::ptr_eq(catalog, &request.catalog.0)
                        && (Arc::ptr_eq(marks, &request.marks) || *marks == request.marks)
                });
                if !same {
                    searcher.reset();
                    seen = Some((Arc::clone(&request.catalog.0), Arc::clone(&request.marks)));
                }
                let found = request.run(&mut searcher);
                // The hits past the first screens are put in order while these are shown:
                // scrolling to them (at a million, 40 ms of sorting) then waits for nothing.
                let order = match &found {
                    Action::Found { hits, .. } => hits.order_aside(),
                    _ => None,
                };
                if answers.send(found).is_err() {
                    break;
                }
                wake();
                if let (Some(order), Some(pool)) = (order, aside()) {
                    pool.spawn(order);
                }
            }
        });
        SearchWorker { requests, found, asked: 0, answered: 0 }
    }

    /// Hands a search to the thread.
    pub fn ask(&mut self, request: SearchRequest) {
        self.asked = self.asked.max(request.generation);
        // The thread ends only when this sender is dropped.
        let _ = self.requests.send(request);
    }

    /// The results of a search, if some are waiting; an error if the thread is gone (it
    /// panicked): no results would ever come, and the keys held for them would wait for ever.
    pub fn try_next(&mut self) -> std::io::Result<Option<Action>> {
        let found = match self.found.try_recv() {
            Ok(found) => found,
            Err(TryRecvError::Empty) => return Ok(None),
            Err(TryRecvError::Disconnected) => {
                return Err(std::io::Error::other("the search thread stopped"));
            }
        };
        if let Action::Found { generation, .. } = &found {
            self.answered = self.answered.max(*generation);
        }
        Ok(Some(found))
    }

    /// Whether the newest search asked for has not been answered yet.
    pub fn busy(&self) -> bool {
        self.answered < self.asked
    }
}
