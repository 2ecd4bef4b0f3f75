//! Finds the files to scan. Honours `.gitignore`/`.ignore`, scans hidden files (`.env`,
//! `.npmrc`) but never `.git/`, applies `--exclude` globs, does not follow symlinks unless
//! asked, and always scans files named explicitly (pre-commit passes file lists).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{mpsc, Mutex};

use ignore::overrides::{Override, OverrideBuilder};
use ignore::{WalkBuilder, WalkState};

/// A file to consider, and whether the user named it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Candidate {
    pub path: PathBuf,
    pub explicit: bool,
}

pub struct WalkOptions<'a> {
    pub exclude: &'a [String],
    pub follow_symlinks: bool,
    pub threads: usize,
}

pub struct Walked {
    /// Paths that could not be walked, with the reason.
    pub errors: Vec<(PathBuf, String)>,
    /// Directories not descended into, with the reason (`node_modules/`, `vendor/`, `_vendor/`,
    /// `vendored/` or `third_party/` below a root).
    pub skipped: Vec<(PathBuf, String)>,
}

/// Directories of installed or vendored dependencies: third-party code whose findings the
/// repository's owners cannot act on (Django ships jQuery under `static/admin/js/vendor/`, pip
/// its dependencies under `pip/_vendor/`, Chromium-style trees keep them in `third_party/`),
/// skipped unless a path inside one is given as a root.
const DEPENDENCY_DIRS: &[&str] = &[
    "node_modules",
    "vendor",
    "_vendor",
    "vendored",
    "third_party",
];

/// Walks every path and hands each file to `on_file` as soon as it is found, from the walk's
/// threads: the scan starts while directories are still being listed (the walk of a Django
/// checkout is a fifth of its scan). A file reached from two roots is handed over once. A
/// missing path is an error for the caller to turn into exit 2.
pub fn walk(
    paths: &[PathBuf],
    opts: &WalkOptions,
    on_file: &(dyn Fn(Candidate) + Sync),
) -> Result<Walked, String> {
    // Roots are checked before any file is handed over: a missing path fails the run whole.
    let mut roots = Vec::new();
    for root in paths {
        let meta = std::fs::metadata(root).map_err(|e| format!("{}: {e}", root.display()))?;
        roots.push((root, meta, excludes(root, opts.exclude)?));
    }
    let seen = Mutex::new(HashSet::new());
    let first_time = |path: &Path| paths.len() == 1 || lock(&seen).insert(path.to_path_buf());
    let mut errors = Vec::new();
    let mut skipped = Vec::new();
    // Files named on the command line first: one also reached through a directory root is
    // still the explicit one (scanned even if minified).
    roots.sort_by_key(|(_, meta, _)| !meta.is_file());
    for (root, meta, overrides) in roots {
        if meta.is_file() {
            let excluded = overrides.matched(root, false).is_ignore();
            if !excluded && first_time(root) {
                on_file(Candidate {
                    path: root.clone(),
                    explicit: true,
                });
            }
            continue;
        }
        if !meta.is_dir() {
            errors.push((root.clone(), "not a regular file or directory".to_string()));
            continue;
        }
        let (tx, rx) = mpsc::channel();
        WalkBuilder::new(root)
            .hidden(false)
            .git_ignore(true)
            .git_exclude(true)
            .git_global(false)
            .ignore(true)
            .parents(true)
            .require_git(false)
            .follow_links(opts.follow_symlinks)
            .overrides(overrides)
            .threads(opts.threads)
            .filter_entry(|e| e.file_name() != ".git")
            .build_parallel()
            .run(|| {
                let tx = tx.clone();
                let first_time = &first_time;
                Box::new(move |entry| {
                    let item = match entry {
                        Ok(e) => {
                            let is_dir = e.file_type().is_some_and(|t| t.is_dir());
                            if is_dir
                                && e.depth() > 0
                                && DEPENDENCY_DIRS.iter().any(|d| e.file_name() == *d)
                            {
                                let _ = tx.send(Walk::Skip(e.into_path()));
                                return WalkState::Skip;
                            }
                            let is_file = e.file_type().is_some_and(|t| t.is_file());
                            if is_file && first_time(e.path()) {
                                on_file(Candidate {
                                    path: e.into_path(),
                                    explicit: false,
                                });
                            }
                            return WalkState::Continue;
                        }
                        Err(err) => Walk::Error(walk_error(err)),
                    };
                    let _ = tx.send(item);
                    WalkState::Continue
                })
            });
        drop(tx);
        for item in rx {
            match item {
                Walk::Skip(path) => skipped.push((
                    path,
                    "dependency directory: third-party code (name a path inside it to scan it)"
                        .to_string(),
                )),
                Walk::Error(e) => errors.push(e),
            }
        }
    }
    errors.sort();
    skipped.sort();
    Ok(Walked { errors, skipped })
}

/// Locks `m`, also after a thread panicked holding it (the data is still whole: every
/// critical section here is a single insert or merge).
pub fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

enum Walk {
    Skip(PathBuf),
    Error((PathBuf, String)),
}

fn excludes(root: &Path, globs: &[String]) -> Result<Override, String> {
    let base = if root.is_dir() {
        root
    } else {
        root.parent().unwrap_or(Path::new("."))
    };
    let mut builder = OverrideBuilder::new(base);
    for g in globs {
        builder
            .add(&format!("!{g}"))
            .map_err(|e| format!("bad --exclude glob `{g}`: {e}"))?;
    }
    builder
        .build()
        .map_err(|e| format!("bad --exclude glob: {e}"))
}

fn walk_error(err: ignore::Error) -> (PathBuf, String) {
    let path = error_path(&err).unwrap_or_default();
    let message = match &err {
        ignore::Error::WithPath { err, .. } => err.to_string(),
        ignore::Error::WithDepth { err, .. } => match err.as_ref() {
            ignore::Error::WithPath { err, .. } => err.to_string(),
            other => other.to_string(),
        },
        other => other.to_string(),
    };
    (path, message)
}

fn error_path(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } => error_path(err),
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        ignore::Error::WithLineNumber { err, .. } => error_path(err),
        _ => None,
    }
}

/// The path users see: relative to the current directory when under it, `/`-separated,
/// without a leading `./`.
pub fn display_path(path: &Path, cwd: &Path) -> String {
    let rel = if path.is_absolute() {
        path.strip_prefix(cwd).unwrap_or(path)
    } else {
        path
    };
    let mut parts = Vec::new();
    for c in rel.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::RootDir => parts.push(String::new()),
            other => parts.push(other.as_os_str().to_string_lossy().into_owned()),
        }
    }
    let s = parts.join("/");
    if s.is_empty() {
        ".".into()
    } else {
        s
    }
}
