//! The default format: each finding with its source excerpt (codespan-reporting), then errors,
//! skipped files and a one-line summary.

use std::io::Write;

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::termcolor::{Ansi, NoColor, WriteColor};
use codespan_reporting::term::{self, Config};

use crate::finding::{Report, Severity};
use crate::lint::Linter;

pub fn render(
    report: &Report,
    linter: &Linter,
    opts: &super::RenderOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if opts.color {
        render_to(report, linter, opts, &mut Ansi::new(out))
    } else {
        render_to(report, linter, opts, &mut NoColor::new(out))
    }
}

fn render_to(
    report: &Report,
    _linter: &Linter,
    opts: &super::RenderOptions,
    w: &mut dyn WriteColor,
) -> std::io::Result<()> {
    render_findings(&report.findings, w)?;
    if opts.show_suppressed {
        for f in &report.suppressed {
            writeln!(
                w,
                "suppressed: {}:{}:{}: {}: {}",
                f.path, f.start.line, f.start.column, f.rule, f.message
            )?;
        }
    }
    render_footer(report, w)
}

/// The findings alone, without colour, errors or the summary line (used by snapshots).
pub fn findings_to_string(findings: &[crate::finding::Finding]) -> String {
    let mut buf = Vec::new();
    let _ = render_findings(findings, &mut NoColor::new(&mut buf));
    String::from_utf8_lossy(&buf).into_owned()
}

fn render_findings(
    findings: &[crate::finding::Finding],
    w: &mut dyn WriteColor,
) -> std::io::Result<()> {
    let config = Config::default();
    let mut files = SimpleFiles::new();
    let mut current: Option<(String, usize)> = None;
    for f in findings {
        let id = match &current {
            Some((path, id)) if *path == f.path => *id,
            _ => {
                // Findings are sorted by path, so each file is read once.
                let text = std::fs::read_to_string(&f.path).unwrap_or_default();
                let id = files.add(f.path.clone(), text);
                current = Some((f.path.clone(), id));
                id
            }
        };
        let source_len = files.get(id).map(|s| s.source().len()).unwrap_or(0);
        let diagnostic = match f.severity {
            Severity::Error => Diagnostic::error(),
            Severity::Warning => Diagnostic::warning(),
            Severity::Note => Diagnostic::note(),
        }
        .with_code(f.rule.clone())
        .with_message(f.message.clone())
        .with_notes(vec![format!("help: {}", f.help)]);
        let diagnostic =
            if f.end.offset <= source_len && f.start.offset <= f.end.offset && source_len > 0 {
                diagnostic.with_labels(vec![Label::primary(id, f.start.offset..f.end.offset)])
            } else {
                diagnostic.with_notes(vec![format!(
                    "at {}:{}:{}",
                    f.path, f.start.line, f.start.column
                )])
            };
        if term::emit_to_write_style(w, &config, &files, &diagnostic).is_err() {
            writeln!(
                w,
                "{}:{}:{}: {}: {}",
                f.path, f.start.line, f.start.column, f.rule, f.message
            )?;
        }
    }
    Ok(())
}

fn render_footer(report: &Report, w: &mut dyn WriteColor) -> std::io::Result<()> {
    for e in &report.errors {
        match (e.line, e.column) {
            (Some(l), Some(c)) => writeln!(w, "error: {}:{l}:{c}: {}", e.path, e.message)?,
            _ => writeln!(w, "error: {}: {}", e.path, e.message)?,
        }
    }
    for n in &report.notices {
        writeln!(
            w,
            "warning: {}:{}:{}: {} [{}]",
            n.path,
            n.line,
            n.column,
            n.message,
            n.kind.name()
        )?;
    }
    let s = &report.summary;
    let mut extra = String::new();
    if s.suppressed > 0 {
        extra.push_str(&format!(", {} suppressed", s.suppressed));
    }
    if s.baselined > 0 {
        extra.push_str(&format!(", {} in the baseline", s.baselined));
    }
    writeln!(
        w,
        "{} finding{} in {} file{} scanned ({} skipped, {} error{}{extra}) in {} ms",
        s.findings,
        if s.findings == 1 { "" } else { "s" },
        s.files_scanned,
        if s.files_scanned == 1 { "" } else { "s" },
        s.files_skipped,
        report.errors.len(),
        if report.errors.len() == 1 { "" } else { "s" },
        s.duration_ms
    )
}
