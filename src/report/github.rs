//! `--format github`: GitHub Actions workflow commands, one annotation per finding
//! (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`), escaped so quotes,
//! newlines, commas, colons and `%` in paths and messages cannot break the command.

use std::io::Write;

use crate::finding::{Report, Severity};

/// Escapes the message part of a workflow command.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`file=`, `title=`): the message escapes plus `:` and `,`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "notice",
    }
}

pub fn render(report: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    for f in &report.findings {
        writeln!(
            out,
            "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            command(f.severity),
            escape_property(&f.path),
            f.start.line,
            f.start.column,
            f.end.line,
            f.end.column,
            escape_property(&format!("cleartext: {}", f.rule)),
            escape_data(&format!("{}\n{}", f.message, f.help))
        )?;
    }
    for n in &report.notices {
        writeln!(
            out,
            "::warning file={},line={},col={},title={}::{}",
            escape_property(&n.path),
            n.line,
            n.column,
            escape_property(&format!("cleartext: {}", n.kind.name())),
            escape_data(&n.message)
        )?;
    }
    for e in &report.errors {
        let mut props = format!("file={}", escape_property(&e.path));
        if let Some(l) = e.line {
            props.push_str(&format!(",line={l}"));
        }
        if let Some(c) = e.column {
            props.push_str(&format!(",col={c}"));
        }
        writeln!(
            out,
            "::error {props},title=cleartext%3A file error::{}",
            escape_data(&e.message)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_would_break_a_command() {
        assert_eq!(escape_data("a%b\r\nc"), "a%25b%0D%0Ac");
        assert_eq!(escape_property("x,y:z"), "x%2Cy%3Az");
    }
}
