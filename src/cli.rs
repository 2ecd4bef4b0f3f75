//! The command line: `check`, `rules`, `explain`. Exit codes: 0 no findings at or above the
//! failing severity, 1 findings, 2 usage, configuration or I/O error.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::baseline;
use crate::config::{self, Config, FailOn};
use crate::engine::{self, Buffer, Options};
use crate::finding::Report;
use crate::lint::{catalog, Linter};
use crate::report::{self, Format, RenderOptions};
use crate::walk;

pub const EXIT_CLEAN: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

#[derive(Parser)]
#[command(
    name = "cleartext",
    version,
    about = "Finds data left unprotected at rest and in transit"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check files and directories (default: the current directory).
    Check(CheckArgs),
    /// List every rule: id, category, severity and the file kinds it reads.
    Rules {
        #[arg(long, value_enum, default_value_t = RulesFormat::Table)]
        format: RulesFormat,
    },
    /// Show a rule's documentation and examples.
    Explain { rule: String },
    /// Speak the Language Server Protocol on stdin/stdout (for editors).
    Server,
    /// Print the prefilter's words per file kind (`kind<TAB>word`; `kind<TAB>*` when every
    /// file of the kind is parsed). For the benchmark's `rg` floor.
    #[command(hide = true)]
    DebugLiterals,
    /// Print, per file, the patterns whose words let it past the prefilter (`path<TAB>kind<TAB>
    /// lint#n ...`; nothing after the kind when the file is not parsed). For tuning the prefilter.
    #[command(hide = true)]
    DebugPrefilter { files: Vec<PathBuf> },
}

#[derive(Clone, Copy, ValueEnum)]
enum RulesFormat {
    Table,
    Json,
    /// The rule reference, as in `lints/README.md`.
    Markdown,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or directories to check.
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Use this configuration file instead of looking for cleartext.toml, .cleartext.toml or
    /// [tool.cleartext] in pyproject.toml from the scanned root upwards.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Skip paths matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Files larger than this many bytes are skipped with a reason.
    #[arg(long, default_value_t = 10 * 1024 * 1024, value_name = "BYTES")]
    max_filesize: u64,
    /// Follow symbolic links while walking directories.
    #[arg(long)]
    follow_symlinks: bool,
    /// Worker threads (default: one per core).
    #[arg(long, default_value_t = 0)]
    threads: usize,
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Lowest severity that makes the exit code 1 [default: warning, or `fail-on` in the config].
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Lint standard input as if it were the file at PATH (for editors).
    #[arg(long, value_name = "PATH")]
    stdin_filename: Option<PathBuf>,
    /// Ignore every `cleartext: ignore[...]` comment.
    #[arg(long)]
    no_inline_suppressions: bool,
    /// Fail (exit 1) on suppressions without a reason, unused, expired or unreadable ones.
    #[arg(long)]
    strict_suppressions: bool,
    /// Also list findings hidden by inline suppressions (JSON marks them "suppressed": true).
    #[arg(long)]
    show_suppressed: bool,
    /// Report only findings not recorded in this baseline file, and list entries that no
    /// longer occur.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the current findings in this baseline file (exit 0 unless an error occurs).
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Report only the rules that map to this compliance framework (repeatable).
    #[arg(long, value_name = "FRAMEWORK", value_parser = clap::builder::PossibleValuesParser::new(
        crate::lint::catalog::FRAMEWORKS.iter().map(|f| f.key)
    ))]
    compliance: Vec<String>,
    /// Judge certificate expiry as of this date (`2026-12-01`) or RFC 3339 time, not today:
    /// for reproducible runs.
    #[arg(long, value_name = "DATE", value_parser = crate::lint::checks::parse_now)]
    now: Option<i64>,
    /// Parse every file, even those the literal prefilter rules out (for debugging).
    #[arg(long, hide = true)]
    no_prefilter: bool,
}

pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                EXIT_ERROR
            } else {
                EXIT_CLEAN
            };
        }
    };
    let mut linter = match catalog::load().and_then(Linter::new) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_ERROR;
        }
    };
    match cli.command {
        Command::Check(args) => check(&mut linter, args),
        Command::Rules { format } => rules(&linter, format),
        Command::Explain { rule } => explain(&linter, &rule),
        Command::Server => crate::server::run(linter),
        Command::DebugLiterals => {
            for line in linter.prefilter.debug_lines() {
                println!("{line}");
            }
            EXIT_CLEAN
        }
        Command::DebugPrefilter { files } => debug_prefilter(&linter, &files),
    }
}

fn debug_prefilter(linter: &Linter, files: &[PathBuf]) -> i32 {
    let mut code = EXIT_CLEAN;
    for path in files {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: {}: {e}", path.display());
                code = EXIT_ERROR;
                continue;
            }
        };
        let head = &bytes[..bytes.len().min(crate::classify::SNIFF_LEN)];
        let Some(kind) = crate::classify::classify(path, head) else {
            println!("{}	-", path.display());
            continue;
        };
        let why = linter.prefilter.explain(kind, &bytes);
        println!("{}	{}	{}", path.display(), kind.name(), why.join(" "));
    }
    code
}

/// The configuration for a scan: `--config`, else the nearest file from `start` upwards.
pub fn find_config(
    linter: &Linter,
    explicit: Option<&Path>,
    start: &Path,
) -> Result<Config, String> {
    match explicit {
        Some(p) => config::load(p, linter),
        None => match config::discover(start) {
            Some(p) => config::load(&p, linter),
            None => Ok(Config::default()),
        },
    }
}

fn check(linter: &mut Linter, args: CheckArgs) -> i32 {
    let cwd = std::env::current_dir().unwrap_or_default();
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let start = args.stdin_filename.as_ref().unwrap_or(&paths[0]);
    let mut config = match find_config(linter, args.config.as_deref(), start) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_ERROR;
        }
    };
    if !config.sensitive_fields.is_empty() {
        let mut lints = match catalog::load() {
            Ok(l) => l,
            Err(e) => {
                eprintln!("error: {e}");
                return EXIT_ERROR;
            }
        };
        catalog::extend_sensitive_fields(&mut lints, &config.sensitive_fields);
        match Linter::new(lints) {
            Ok(l) => *linter = l,
            Err(e) => {
                eprintln!("error: {e}");
                return EXIT_ERROR;
            }
        }
    }
    linter.set_internal_hosts(&config.internal_hosts);
    linter.set_certificate_expiry_days(config.certificate_expiry_days);
    config.compliance = args.compliance.clone();
    if let Some(now) = args.now {
        linter.scan.now = now;
    }
    let baseline = match &args.baseline {
        Some(p) => match baseline::load(p) {
            Ok(b) => Some(b),
            Err(e) => {
                eprintln!("error: {e}");
                return EXIT_ERROR;
            }
        },
        None => None,
    };
    let mut exclude = args.exclude.clone();
    exclude.extend(config.walk_excludes.iter().cloned());
    let mut opts = Options {
        paths: paths.clone(),
        exclude,
        max_filesize: args.max_filesize,
        prefilter: !args.no_prefilter,
        follow_symlinks: args.follow_symlinks,
        threads: args.threads,
        inline_suppressions: !args.no_inline_suppressions,
        progress: None,
        keep_duplicates: false,
    };
    let mut buffer_text = None;
    let mut report = match &args.stdin_filename {
        Some(path) => {
            let mut text = String::new();
            if let Err(e) = std::io::stdin().read_to_string(&mut text) {
                eprintln!("error: cannot read standard input: {e}");
                return EXIT_ERROR;
            }
            buffer_text = Some((walk::display_path(path, &cwd), text.clone()));
            engine::run_buffer(
                linter,
                &opts,
                Buffer {
                    path: path.clone(),
                    text,
                },
            )
        }
        None => {
            let progress = progress::start(args.format, &mut opts);
            let result = engine::run(linter, &opts);
            drop(progress);
            match result {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("error: {e}");
                    return EXIT_ERROR;
                }
            }
        }
    };
    config.apply(&mut report, &cwd);
    // Fingerprints read each file with a finding again: only baselines, SARIF and GitLab
    // reports use them.
    let fingerprinted = baseline.is_some()
        || args.write_baseline.is_some()
        || matches!(args.format, Format::Sarif | Format::Gitlab);
    if fingerprinted {
        let mut disk = baseline::disk_reader(&cwd);
        let mut reader = |p: &str| match &buffer_text {
            Some((shown, text)) if shown == p => Some(text.clone()),
            _ => disk(p),
        };
        report.fingerprints = baseline::fingerprints(&report.findings, &mut reader);
    }
    if let Some(b) = &baseline {
        let scopes: Vec<String> = match &args.stdin_filename {
            Some(p) => vec![walk::display_path(p, &cwd)],
            None => paths.iter().map(|p| walk::display_path(p, &cwd)).collect(),
        };
        let in_scope = |p: &str| {
            scopes.iter().any(|s| {
                s == "."
                    || p == s
                    || p.strip_prefix(s.as_str())
                        .is_some_and(|r| r.starts_with('/'))
            })
        };
        baseline::apply(&mut report, b, &in_scope);
    }
    if let Some(path) = &args.write_baseline {
        let doc = baseline::from_report(&report);
        let written = serde_json::to_string_pretty(&doc)
            .map_err(|e| e.to_string())
            .and_then(|s| std::fs::write(path, s + "\n").map_err(|e| e.to_string()));
        if let Err(e) = written {
            eprintln!("error: {}: cannot write the baseline: {e}", path.display());
            return EXIT_ERROR;
        }
        eprintln!(
            "wrote {} finding{} to the baseline {}",
            doc.findings.len(),
            if doc.findings.len() == 1 { "" } else { "s" },
            path.display()
        );
    }
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if let Err(e) = report::render(
        args.format,
        &report,
        linter,
        &RenderOptions {
            color,
            show_suppressed: args.show_suppressed,
            root: cwd.clone(),
        },
        &mut out,
    )
    .and_then(|_| out.flush())
    {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write the report: {e}");
            return EXIT_ERROR;
        }
    }
    if args.write_baseline.is_some() && report.errors.is_empty() {
        return EXIT_CLEAN;
    }
    let fail_on = args.fail_on.or(config.fail_on).unwrap_or(FailOn::Warning);
    exit_code(&report, fail_on, args.strict_suppressions)
}

fn exit_code(report: &Report, fail_on: FailOn, strict_suppressions: bool) -> i32 {
    if !report.errors.is_empty() {
        return EXIT_ERROR;
    }
    if strict_suppressions
        && report
            .notices
            .iter()
            .any(|n| n.kind.is_suppression_problem())
    {
        return EXIT_FINDINGS;
    }
    let Some(threshold) = fail_on.threshold() else {
        return EXIT_CLEAN;
    };
    if report.findings.iter().any(|f| f.severity >= threshold) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// A progress line on stderr for long scans: only when stderr is a terminal, never for
/// machine-read formats, and only once the scan has run for a second.
mod progress {
    use std::io::{IsTerminal, Write};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::mpsc;
    use std::sync::Arc;
    use std::time::Duration;

    use crate::engine::Options;
    use crate::report::Format;

    pub struct Progress {
        done: Option<mpsc::Sender<()>>,
        thread: Option<std::thread::JoinHandle<()>>,
    }

    impl Drop for Progress {
        fn drop(&mut self) {
            drop(self.done.take());
            if let Some(t) = self.thread.take() {
                let _ = t.join();
            }
        }
    }

    pub fn start(format: Format, opts: &mut Options) -> Option<Progress> {
        if format.is_machine() || !std::io::stderr().is_terminal() {
            return None;
        }
        // For tests: how long before the first line (default one second).
        let delay = std::env::var("CLEARTEXT_PROGRESS_AFTER_MS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1000);
        let counter = Arc::new(AtomicUsize::new(0));
        opts.progress = Some(counter.clone());
        let (tx, rx) = mpsc::channel::<()>();
        let thread = std::thread::spawn(move || {
            if rx.recv_timeout(Duration::from_millis(delay)) != Err(mpsc::RecvTimeoutError::Timeout)
            {
                return;
            }
            loop {
                let n = counter.load(Ordering::Relaxed);
                let mut err = std::io::stderr().lock();
                let _ = write!(err, "\r\x1b[Kcleartext: {n} files checked");
                let _ = err.flush();
                drop(err);
                if rx.recv_timeout(Duration::from_millis(200))
                    != Err(mpsc::RecvTimeoutError::Timeout)
                {
                    break;
                }
            }
            let _ = write!(std::io::stderr(), "\r\x1b[K");
        });
        Some(Progress {
            done: Some(tx),
            thread: Some(thread),
        })
    }
}

fn kinds_of(lint: &catalog::Lint) -> Vec<String> {
    let mut kinds: Vec<String> = lint
        .patterns
        .iter()
        .flat_map(|p| p.kinds.iter().cloned())
        .collect();
    kinds.sort();
    kinds.dedup();
    kinds
}

fn rules(linter: &Linter, format: RulesFormat) -> i32 {
    let mut out = std::io::stdout().lock();
    let result = match format {
        RulesFormat::Table => (|| -> std::io::Result<()> {
            writeln!(
                out,
                "{:<28} {:<11} {:<8} kinds",
                "id", "category", "severity"
            )?;
            for l in &linter.lints {
                writeln!(
                    out,
                    "{:<28} {:<11} {:<8} {}",
                    l.id,
                    l.category.name(),
                    l.severity.name(),
                    kinds_of(l).join(", ")
                )?;
            }
            Ok(())
        })(),
        RulesFormat::Markdown => write!(out, "{}", lints_readme(linter)),
        RulesFormat::Json => {
            let rules: Vec<_> = linter
                .lints
                .iter()
                .map(|l| {
                    serde_json::json!({
                        "id": l.id, "category": l.category.name(), "severity": l.severity.name(),
                        "cwe": l.cwe, "summary": l.summary, "kinds": kinds_of(l),
                        "compliance": l.compliance,
                    })
                })
                .collect();
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&rules).unwrap_or_default()
            )
        }
    };
    if result.is_err() {
        return EXIT_ERROR;
    }
    EXIT_CLEAN
}

/// `lints/README.md`: the rule reference, generated from stable lint metadata only (id,
/// category, severity, CWE, compliance, file kinds, summary, help, why, fix), so parallel additions of
/// patterns and examples do not make it stale; only a rule's first pattern for a new kind does. `cleartext explain <id>` shows the examples.
pub fn lints_readme(linter: &Linter) -> String {
    let mut s = String::from(
        "<!-- Generated from lints/*.toml by `cleartext rules --format markdown`. Do not edit: \
         run `UPDATE_SNAPSHOTS=1 cargo test --test integrations` to regenerate. -->\n\n\
         # Rules\n\n\
         Every rule cleartext checks, generated from the lint files in this directory. \
         `cleartext explain <rule>` shows a rule's examples.\n\n\
         | rule | category | severity | CWE | finds |\n|---|---|---|---|---|\n",
    );
    for l in &linter.lints {
        s.push_str(&format!(
            "| [`{id}`](#{id}) | {} | {} | {} | {} |\n",
            l.category.name(),
            l.severity.name(),
            l.cwe.join(", "),
            l.summary.replace('|', "\\|"),
            id = l.id,
        ));
    }
    for l in &linter.lints {
        s.push_str(&format!(
            "\n## {}\n\n{}\n\n- category: {}\n- default severity: {}\n- CWE: {}\n- compliance: {}\n- file kinds: {}\n- help: {}\n\n\
             ### Why it matters\n\n{}\n\n### How to fix\n\n{}\n",
            l.id,
            l.summary,
            l.category.name(),
            l.severity.name(),
            l.cwe.join(", "),
            l.compliance.summary(),
            kinds_of(l).join(", "),
            l.help,
            l.docs.why.trim(),
            l.docs.fix.trim()
        ));
    }
    s
}

fn explain(linter: &Linter, rule: &str) -> i32 {
    let Some(l) = linter.lint(rule) else {
        let ids: Vec<&str> = linter.lints.iter().map(|l| l.id.as_str()).collect();
        eprintln!(
            "error: unknown rule `{rule}`; rules are: {}",
            ids.join(", ")
        );
        return EXIT_ERROR;
    };
    let mut text = format!(
        "# {}\n\n{}\n\ncategory: {}   severity: {}   {}\ncompliance: {}\nfile kinds: {}\n\n## Why it matters\n{}\n\n## How to fix\n{}\n",
        l.id,
        l.summary,
        l.category.name(),
        l.severity.name(),
        l.cwe.join(", "),
        l.compliance.summary(),
        kinds_of(l).join(", "),
        l.docs.why.trim(),
        l.docs.fix.trim()
    );
    for ex in &l.docs.examples {
        text.push_str(&format!(
            "\n## Example ({})\nbad:\n{}\ngood:\n{}\n",
            ex.file,
            indent(&ex.bad),
            indent(&ex.good)
        ));
    }
    print!("{text}");
    EXIT_CLEAN
}

fn indent(s: &str) -> String {
    s.trim_end().lines().map(|l| format!("    {l}\n")).collect()
}
