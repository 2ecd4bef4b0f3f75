//! The command line: `check`, `rules`, `explain`. Exit codes: 0 no findings at or above the
//! failing severity, 1 findings, 2 usage, configuration or I/O error.

use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::engine::{self, Buffer, Options};
use crate::finding::{Report, Severity};
use crate::lint::{catalog, Linter};
use crate::report::{self, Format, RenderOptions};

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
}

#[derive(Clone, Copy, ValueEnum)]
enum RulesFormat {
    Table,
    Json,
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
    /// Lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOn::Note)]
    fail_on: FailOn,
    /// Lint standard input as if it were the file at PATH (for editors).
    #[arg(long, value_name = "PATH")]
    stdin_filename: Option<PathBuf>,
    /// Parse every file, even those the literal prefilter rules out (for debugging).
    #[arg(long, hide = true)]
    no_prefilter: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    Note,
    Warning,
    Error,
    Never,
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
    let linter = match catalog::load().and_then(Linter::new) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_ERROR;
        }
    };
    match cli.command {
        Command::Check(args) => check(&linter, args),
        Command::Rules { format } => rules(&linter, format),
        Command::Explain { rule } => explain(&linter, &rule),
    }
}

fn check(linter: &Linter, args: CheckArgs) -> i32 {
    let opts = Options {
        paths: if args.paths.is_empty() {
            vec![PathBuf::from(".")]
        } else {
            args.paths.clone()
        },
        exclude: args.exclude.clone(),
        max_filesize: args.max_filesize,
        prefilter: !args.no_prefilter,
        follow_symlinks: args.follow_symlinks,
        threads: args.threads,
    };
    let report = match &args.stdin_filename {
        Some(path) => {
            let mut text = String::new();
            if let Err(e) = std::io::stdin().read_to_string(&mut text) {
                eprintln!("error: cannot read standard input: {e}");
                return EXIT_ERROR;
            }
            engine::run_buffer(
                linter,
                &opts,
                Buffer {
                    path: path.clone(),
                    text,
                },
            )
        }
        None => match engine::run(linter, &opts) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("error: {e}");
                return EXIT_ERROR;
            }
        },
    };
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
        &RenderOptions { color },
        &mut out,
    )
    .and_then(|_| out.flush())
    {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write the report: {e}");
            return EXIT_ERROR;
        }
    }
    exit_code(&report, args.fail_on)
}

fn exit_code(report: &Report, fail_on: FailOn) -> i32 {
    if !report.errors.is_empty() {
        return EXIT_ERROR;
    }
    let threshold = match fail_on {
        FailOn::Note => Severity::Note,
        FailOn::Warning => Severity::Warning,
        FailOn::Error => Severity::Error,
        FailOn::Never => return EXIT_CLEAN,
    };
    if report.findings.iter().any(|f| f.severity >= threshold) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
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
        RulesFormat::Json => {
            let rules: Vec<_> = linter
                .lints
                .iter()
                .map(|l| {
                    serde_json::json!({
                        "id": l.id, "category": l.category.name(), "severity": l.severity.name(),
                        "cwe": l.cwe, "summary": l.summary, "kinds": kinds_of(l),
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
        "# {}\n\n{}\n\ncategory: {}   severity: {}   {}\nfile kinds: {}\n\n## Why it matters\n{}\n\n## How to fix\n{}\n",
        l.id,
        l.summary,
        l.category.name(),
        l.severity.name(),
        l.cwe.join(", "),
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
