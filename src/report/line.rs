//! `--format line`: `path:line:col: rule: message`, one finding per line, for editors and grep.

use std::io::Write;

use crate::finding::Report;

pub fn render(
    report: &Report,
    opts: &super::RenderOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    for f in &report.findings {
        writeln!(
            out,
            "{}:{}:{}: {}: {}",
            f.path,
            f.start.line,
            f.start.column,
            f.rule,
            one_line(&f.message)
        )?;
    }
    if opts.show_suppressed {
        for f in &report.suppressed {
            writeln!(
                out,
                "{}:{}:{}: {}: {} (suppressed)",
                f.path,
                f.start.line,
                f.start.column,
                f.rule,
                one_line(&f.message)
            )?;
        }
    }
    for n in &report.notices {
        writeln!(
            out,
            "{}:{}:{}: {}: {}",
            n.path,
            n.line,
            n.column,
            n.kind.name(),
            one_line(&n.message)
        )?;
    }
    for e in &report.errors {
        match (e.line, e.column) {
            (Some(l), Some(c)) => {
                writeln!(out, "{}:{l}:{c}: error: {}", e.path, one_line(&e.message))?
            }
            _ => writeln!(out, "{}: error: {}", e.path, one_line(&e.message))?,
        }
    }
    Ok(())
}

fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}
