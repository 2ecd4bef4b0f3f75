//! One run: walk, classify, read ([`crate::read`]), prefilter ([`crate::prefilter`]), lower
//! ([`crate::lang`]), lint ([`crate::lint`]), suppress ([`crate::suppress`]), collect. Each
//! file is handed to the worker threads as the walk finds it (a kind linted a directory at a
//! time, [`LintUnit::Directory`], once the walk is over), with per-thread parsers. Each worker
//! thread folds its files' outcomes into its own accumulator, merged once after the walk; the
//! report is sorted once at the end.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use crate::classify::{self, FileKind, LintUnit, SNIFF_LEN};
use crate::finding::{FileError, Finding, Notice, NoticeKind, Report, Skipped};
use crate::lang::{self, Lowered};
use crate::lint::Linter;
use crate::read::{load, load_binary, read_head, Loaded};
use crate::source::SourceFile;
use crate::suppress;
use crate::walk::{self, display_path, Candidate, WalkOptions};

pub struct Options {
    pub paths: Vec<PathBuf>,
    pub exclude: Vec<String>,
    pub max_filesize: u64,
    /// Off only in tests that prove the prefilter changes nothing.
    pub prefilter: bool,
    pub follow_symlinks: bool,
    pub threads: usize,
    /// Honour `cleartext: ignore[...]` comments (off with `--no-inline-suppressions`).
    pub inline_suppressions: bool,
    /// Counts files as they are done, for a progress display.
    pub progress: Option<Arc<AtomicUsize>>,
    /// Keep every match, also a rule's second one on a line (see [`Report::finish`]): on only
    /// in the fixture harness, which must see a pattern that fires twice.
    pub keep_duplicates: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            paths: vec![PathBuf::from(".")],
            exclude: Vec::new(),
            max_filesize: 10 * 1024 * 1024,
            prefilter: true,
            follow_symlinks: false,
            threads: 0,
            inline_suppressions: true,
            progress: None,
            keep_duplicates: false,
        }
    }
}

/// A file to read in memory instead of from disk (an editor's unsaved buffer).
pub struct Buffer {
    pub path: PathBuf,
    pub text: String,
}

/// What one file or unit contributed.
#[derive(Default)]
struct Outcome {
    findings: Vec<Finding>,
    errors: Vec<FileError>,
    skipped: Vec<Skipped>,
    suppressed: Vec<Finding>,
    notices: Vec<Notice>,
    scanned: usize,
}

impl Outcome {
    fn merge(mut self, other: Outcome) -> Outcome {
        self.absorb(other);
        self
    }

    fn absorb(&mut self, other: Outcome) {
        self.findings.extend(other.findings);
        self.errors.extend(other.errors);
        self.skipped.extend(other.skipped);
        self.suppressed.extend(other.suppressed);
        self.notices.extend(other.notices);
        self.scanned += other.scanned;
    }
}

/// What a worker thread has gathered during the walk: the outcomes of the files it finished,
/// and the files it found of kinds linted a directory at a time. Folded here, one per thread,
/// so that finishing a file takes no lock; taken once after the walk.
#[derive(Default)]
struct Folded {
    outcome: Outcome,
    directories: BTreeMap<PathBuf, Vec<(PathBuf, FileKind)>>,
}

thread_local! {
    // Each run builds its own pool, so a worker thread serves one run; the run empties its
    // threads' accumulators before it returns.
    static FOLDED: RefCell<Folded> = RefCell::default();
}

/// Files linted together: one file, or every file of a directory unit (a Terraform module).
struct Unit {
    files: Vec<(PathBuf, FileKind)>,
    /// Named on the command line: scanned even if a walk would skip it (a minified bundle).
    explicit: bool,
}

pub fn run(linter: &Linter, opts: &Options) -> Result<Report, String> {
    let started = Instant::now();
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))?;
    let threads = if opts.threads == 0 {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    } else {
        opts.threads
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        // Generous stacks: syn and the evaluators recurse on deeply nested input.
        .stack_size(64 * 1024 * 1024)
        .build()
        .map_err(|e| format!("cannot start worker threads: {e}"))?;
    let dirs = lang::Directories::default();
    let found = AtomicUsize::new(0);
    let walk_options = WalkOptions {
        exclude: &opts.exclude,
        follow_symlinks: opts.follow_symlinks,
        threads,
    };
    let walked = pool.in_place_scope(|scope| {
        walk::walk(&opts.paths, &walk_options, &|candidate: Candidate| {
            if found.fetch_add(1, Ordering::Relaxed) == SMALL_RUN_FILES {
                disable_transparent_huge_pages();
            }
            let (dirs, cwd) = (&dirs, &cwd);
            // One file per task: a file the prefilter rejects costs microseconds and one it
            // parses milliseconds.
            scope.spawn(move |_| {
                let outcome = match kind_of(&candidate.path) {
                    Some(kind) if kind.unit() == LintUnit::Directory => {
                        // Linted with its directory's other files once the walk is over.
                        let dir = candidate.path.parent().map(Path::to_path_buf);
                        FOLDED.with(|f| {
                            f.borrow_mut()
                                .directories
                                .entry(dir.unwrap_or_default())
                                .or_default()
                                .push((candidate.path, kind))
                        });
                        return;
                    }
                    Some(kind) => {
                        let unit = Unit {
                            files: vec![(candidate.path, kind)],
                            explicit: candidate.explicit,
                        };
                        process_unit(linter, opts, &unit, cwd, dirs, None)
                    }
                    None if candidate.explicit => Outcome {
                        skipped: vec![Skipped {
                            path: display_path(&candidate.path, cwd),
                            reason: "not a kind of file cleartext reads".into(),
                        }],
                        ..Outcome::default()
                    },
                    None => return,
                };
                FOLDED.with(|f| f.borrow_mut().outcome.absorb(outcome));
            });
        })
    })?;
    // Every task of the scope has finished: take each worker's accumulator, once.
    let mut checked = Outcome::default();
    let mut directories: BTreeMap<PathBuf, Vec<(PathBuf, FileKind)>> = BTreeMap::new();
    for folded in pool.broadcast(|_| FOLDED.with(|f| std::mem::take(&mut *f.borrow_mut()))) {
        checked.absorb(folded.outcome);
        for (dir, files) in folded.directories {
            directories.entry(dir).or_default().extend(files);
        }
    }

    let mut base = Outcome::default();
    for (path, reason) in walked.skipped {
        base.skipped.push(Skipped {
            path: display_path(&path, &cwd),
            reason,
        });
    }
    for (path, message) in walked.errors {
        base.errors.push(FileError {
            path: display_path(&path, &cwd),
            message,
            line: None,
            column: None,
        });
    }
    let units: Vec<Unit> = directories
        .into_values()
        .map(|mut files| {
            // The walk's threads found them in no particular order.
            files.sort();
            Unit {
                files,
                explicit: false,
            }
        })
        .collect();
    let outcome = pool.install(|| {
        units
            .par_iter()
            .with_max_len(1)
            .map(|unit| process_unit(linter, opts, unit, &cwd, &dirs, None))
            .reduce(Outcome::default, Outcome::merge)
    });
    Ok(finish(base.merge(checked).merge(outcome), started, opts))
}

/// Runs over at most this many files (pre-commit, an editor) keep huge pages: see below. The
/// walk's next file turns them off.
const SMALL_RUN_FILES: usize = 64;

/// mimalloc marks its arenas for transparent huge pages; with the kernel's `madvise` policy
/// each first touch of a 2 MiB region then faults in and zeroes a whole huge page. On a tree
/// that costs memory for no gain in time (crates tree 140 -> about 95 MB peak without them);
/// on a one-file run the fewer, larger faults save about half a millisecond (9.05 -> 8.6 ms).
/// So runs over many files opt out once the walk has found more (start-up and the first files
/// keep their few huge pages).
fn disable_transparent_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes integer arguments and touches no memory of ours; a
    // kernel without it returns an error, which changes nothing.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// Lints one in-memory buffer as if it were the file at `path`.
pub fn run_buffer(linter: &Linter, opts: &Options, buffer: Buffer) -> Report {
    let started = Instant::now();
    let cwd = std::env::current_dir().unwrap_or_default();
    let head = &buffer.text.as_bytes()[..buffer.text.len().min(SNIFF_LEN)];
    let outcome = match classify::classify(&buffer.path, head) {
        None => Outcome {
            skipped: vec![Skipped {
                path: display_path(&buffer.path, &cwd),
                reason: "not a kind of file cleartext reads".into(),
            }],
            ..Outcome::default()
        },
        Some(kind) => {
            let unit = Unit {
                files: vec![(buffer.path.clone(), kind)],
                explicit: true,
            };
            let dirs = lang::Directories::default();
            process_unit(linter, opts, &unit, &cwd, &dirs, Some(buffer.text))
        }
    };
    finish(outcome, started, opts)
}

fn finish(outcome: Outcome, started: Instant, opts: &Options) -> Report {
    let mut report = Report {
        findings: outcome.findings,
        errors: outcome.errors,
        skipped: outcome.skipped,
        suppressed: outcome.suppressed,
        notices: outcome.notices,
        ..Report::default()
    };
    report.summary.files_scanned = outcome.scanned;
    report.summary.duration_ms = started.elapsed().as_millis() as u64;
    if opts.keep_duplicates {
        report.finish_keeping_duplicates();
    } else {
        report.finish();
    }
    report
}

/// The kind of a file the walk found, reading its head when the name does not tell.
fn kind_of(path: &Path) -> Option<FileKind> {
    let head = if classify::needs_head(path) {
        read_head(path)
    } else {
        Vec::new()
    };
    classify::classify(path, &head)
}

fn process_unit(
    linter: &Linter,
    opts: &Options,
    unit: &Unit,
    cwd: &Path,
    dirs: &lang::Directories,
    buffer: Option<String>,
) -> Outcome {
    let mut outcome = Outcome::default();
    let mut loaded = Vec::new();
    let mut buffer = buffer;
    for (path, kind) in &unit.files {
        let display = display_path(path, cwd);
        let text = match buffer.take() {
            Some(text) => text,
            None => match if kind.binary() {
                load_binary(path, opts.max_filesize)
            } else {
                load(path, opts.max_filesize)
            } {
                Loaded::Text(t) => t,
                Loaded::Lossy(t, message) => {
                    outcome.notices.push(Notice {
                        kind: NoticeKind::Encoding,
                        path: display.clone(),
                        line: 1,
                        column: 1,
                        message,
                    });
                    t
                }
                Loaded::Skip(reason) => {
                    outcome.skipped.push(Skipped {
                        path: display,
                        reason,
                    });
                    continue;
                }
                Loaded::Error(message) => {
                    outcome.errors.push(FileError {
                        path: display,
                        message,
                        line: None,
                        column: None,
                    });
                    continue;
                }
            },
        };
        let mut src = SourceFile::new(path.clone(), display, *kind, text);
        src.explicit = unit.explicit;
        if let Some(reason) = lang::not_source(&src) {
            outcome.skipped.push(Skipped {
                path: src.display,
                reason,
            });
            continue;
        }
        outcome.scanned += 1;
        loaded.push(src);
    }
    if let Some(counter) = &opts.progress {
        counter.fetch_add(unit.files.len(), Ordering::Relaxed);
    }
    if loaded.is_empty() {
        return outcome;
    }
    let kind = loaded[0].kind;
    let nothing_to_find = !linter.prefilter.covers(kind)
        || (opts.prefilter
            && !loaded
                .iter()
                .any(|f| linter.prefilter.may_match(kind, f.text.as_bytes())));
    // Every loaded file meets its suppressions exactly once, below, with its findings: none
    // when it cannot have any or could not be lowered (its suppressions then suppress nothing
    // and are reported as such).
    let mut unlowered = Vec::new();
    let mut lowered = Vec::new();
    if nothing_to_find {
        unlowered = loaded;
    } else {
        let results = lang::lower_unit(&loaded, dirs);
        for (src, result) in loaded.into_iter().zip(results) {
            match result {
                Ok(facts) => {
                    if let Some(notice) = recovered_errors_notice(&src, &facts) {
                        outcome.notices.push(notice);
                    }
                    lowered.push(Lowered { src, facts });
                }
                Err(e) if e.skip => {
                    outcome.scanned -= 1;
                    outcome.skipped.push(Skipped {
                        path: src.display.clone(),
                        reason: e.message,
                    });
                    unlowered.push(src);
                }
                Err(e) => {
                    let pos = e.span.map(|s| src.position(s.start));
                    outcome.errors.push(FileError {
                        path: src.display.clone(),
                        message: e.message,
                        line: pos.map(|p| p.line),
                        column: pos.map(|p| p.column),
                    });
                    unlowered.push(src);
                }
            }
        }
    }
    let checked = lowered.iter().map(|file| {
        (
            &file.src,
            Some(&file.facts),
            linter.check_file(file, &lowered),
        )
    });
    let unchecked = unlowered.iter().map(|src| (src, None, Vec::new()));
    for (src, facts, findings) in checked.chain(unchecked) {
        suppressions(linter, opts, src, facts, findings, &mut outcome);
    }
    outcome
}

/// The one notice for the syntax errors a parser recovered from.
fn recovered_errors_notice(src: &SourceFile, facts: &crate::facts::Facts) -> Option<Notice> {
    let span = facts.recovered_errors.first()?;
    let pos = src.position(span.start);
    let message = match facts.recovered_errors.len() - 1 {
        0 => "syntax error; the rest of the file was still checked".to_string(),
        n => format!("syntax error (and {n} more); the rest of the file was still checked"),
    };
    Some(Notice {
        kind: NoticeKind::SyntaxError,
        path: src.display.clone(),
        line: pos.line,
        column: pos.column,
        message,
    })
}

/// Applies a file's inline suppressions to its findings (or keeps them all when off).
fn suppressions(
    linter: &Linter,
    opts: &Options,
    src: &SourceFile,
    facts: Option<&crate::facts::Facts>,
    findings: Vec<Finding>,
    outcome: &mut Outcome,
) {
    if !opts.inline_suppressions || !suppress::mentions_suppression(&src.text) {
        outcome.findings.extend(findings);
        return;
    }
    let known = |id: &str| linter.lint(id).is_some();
    let applied = suppress::apply(src, facts, findings, suppress::today(), &known);
    outcome.findings.extend(applied.kept);
    outcome.suppressed.extend(applied.suppressed);
    outcome.notices.extend(applied.notices);
}
