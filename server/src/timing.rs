//! Where a request's time goes, for profiling under load: with `MADOGUCHI_TIMING=FILE` set,
//! the server adds the time of each stage (waiting for a site's lock, holding it, waiting for
//! the durable commit, the writer's commit and broadcast) to counters and appends one line per
//! stage to `FILE` every 2 s (count, mean, max in ms over those 2 s). Unset, each stage costs
//! one relaxed atomic load. Imports nothing of the server, so every module may use it.

use std::io::Write as _;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// The measured stages.
#[derive(Debug, Clone, Copy)]
pub enum Stage {
    /// `begin` until the site's lock is taken (and the site caught up).
    LockWait,
    /// The site's lock taken until released (commands applied, rows handed to the writer).
    LockHeld,
    /// Rows handed to the writer until the answer that they are durable.
    CommitWait,
    /// The writer's store commit of one batch.
    StoreCommit,
    /// Jobs in one batch (a count, not a time: the mean is jobs per batch).
    BatchJobs,
    /// The writer's broadcast and answers after a commit.
    Deliver,
}

const STAGES: [(&str, Stage); 6] = [
    ("lock_wait", Stage::LockWait),
    ("lock_held", Stage::LockHeld),
    ("commit_wait", Stage::CommitWait),
    ("store_commit", Stage::StoreCommit),
    ("batch_jobs", Stage::BatchJobs),
    ("deliver", Stage::Deliver),
];

struct Counter {
    count: AtomicU64,
    sum_us: AtomicU64,
    max_us: AtomicU64,
}

struct Timing {
    counters: [Counter; 6],
}

static TIMING: OnceLock<Option<Timing>> = OnceLock::new();

fn timing() -> Option<&'static Timing> {
    TIMING
        .get_or_init(|| {
            let path = std::env::var_os("MADOGUCHI_TIMING")?;
            std::thread::spawn(move || report(path.into()));
            Some(Timing {
                counters: std::array::from_fn(|_| Counter {
                    count: AtomicU64::new(0),
                    sum_us: AtomicU64::new(0),
                    max_us: AtomicU64::new(0),
                }),
            })
        })
        .as_ref()
}

/// Whether timing is on (so callers can skip taking `Instant`s).
pub fn enabled() -> bool {
    timing().is_some()
}

/// Adds `elapsed` to `stage`.
pub fn record(stage: Stage, elapsed: Duration) {
    add(
        stage,
        u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX),
    );
}

/// Adds a count (e.g. jobs in a batch) to `stage`.
pub fn count(stage: Stage, n: usize) {
    add(stage, u64::try_from(n).unwrap_or(u64::MAX));
}

fn add(stage: Stage, value: u64) {
    if let Some(t) = timing() {
        let c = &t.counters[stage as usize];
        c.count.fetch_add(1, Ordering::Relaxed);
        c.sum_us.fetch_add(value, Ordering::Relaxed);
        c.max_us.fetch_max(value, Ordering::Relaxed);
    }
}

/// `Some(now)` when timing is on.
pub fn start() -> Option<Instant> {
    enabled().then(Instant::now)
}

/// Records the time since `since` (from [`start`]) to `stage`.
pub fn since(stage: Stage, since: Option<Instant>) {
    if let Some(t0) = since {
        record(stage, t0.elapsed());
    }
}

fn report(path: std::path::PathBuf) {
    loop {
        std::thread::sleep(Duration::from_secs(2));
        let Some(t) = TIMING.get().and_then(Option::as_ref) else {
            continue;
        };
        let mut line = format!("{:?}", std::time::SystemTime::now());
        let mut any = false;
        for (name, stage) in STAGES {
            let c = &t.counters[stage as usize];
            let n = c.count.swap(0, Ordering::Relaxed);
            let sum = c.sum_us.swap(0, Ordering::Relaxed);
            let max = c.max_us.swap(0, Ordering::Relaxed);
            if n == 0 {
                continue;
            }
            any = true;
            let (mean, max) = match stage {
                Stage::BatchJobs => (sum as f64 / n as f64, max as f64),
                _ => (sum as f64 / n as f64 / 1000.0, max as f64 / 1000.0),
            };
            line += &format!(" {name}: n={n} mean={mean:.2} max={max:.2}");
        }
        if any
            && let Ok(mut f) = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
        {
            let _ = writeln!(f, "{line}");
        }
    }
}
