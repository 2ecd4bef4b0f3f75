//! Inline suppressions: `cleartext: ignore[rule-id, ...] until=YYYY-MM-DD -- reason` in a
//! file's own comment syntax. Takes a file's findings and its source; gives back the kept
//! findings, the suppressed ones, and notices about suppressions that lack a reason, suppress
//! nothing, have expired, or name an unknown rule. Never changes a span.
//!
//! What a comment covers (a simple rule, on purpose):
//! - a comment at the end of a code line covers findings that start on that line;
//! - a comment on a line of its own covers findings that start on the next code line (blank
//!   lines and other comment lines in between are skipped);
//! - either way, when a statement, call, entry, directive or resource block *starts* on the
//!   covered line, findings anywhere inside it are covered too, so a suppression above a
//!   multi-line call or on a Terraform `resource` header covers the whole thing.

use std::sync::OnceLock;

use regex::Regex;

use crate::facts::{Facts, Span};
use crate::finding::{Finding, Notice, NoticeKind};
use crate::source::SourceFile;

/// A calendar date, compared as (year, month, day).
pub type Date = (i32, u32, u32);

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    /// 1-based line and column of the comment marker.
    pub line: usize,
    pub column: usize,
    pub rules: Vec<String>,
    pub reason: Option<String>,
    pub until: Option<Date>,
    /// The 1-based line whose findings (and the blocks starting on it) are covered.
    pub target: usize,
    /// A problem found while reading the comment itself.
    pub malformed: Option<String>,
}

/// What applying suppressions to one file gives.
#[derive(Default)]
pub struct Applied {
    pub kept: Vec<Finding>,
    pub suppressed: Vec<Finding>,
    pub notices: Vec<Notice>,
}

fn marker_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // The marker must follow the comment opener directly, so prose that merely mentions
        // the syntax (`//! write cleartext: ignore[...]`) is not a suppression. The openers are
        // every kind's comment markers, longest first (`<!--` before `--`).
        let mut openers: Vec<&str> = crate::classify::FileKind::ALL
            .iter()
            .flat_map(|k| k.comment_markers().iter().copied())
            .collect();
        openers.sort_by_key(|m| (std::cmp::Reverse(m.len()), *m));
        openers.dedup();
        let openers: Vec<String> = openers.into_iter().map(regex::escape).collect();
        #[allow(clippy::unwrap_used)] // escaped literals: always a valid pattern
        Regex::new(&format!(
            r"(?:^|\s)({})[ \t]*cleartext:[ \t]*ignore\b(.*)$",
            openers.join("|")
        ))
        .unwrap()
    })
}

/// Quick test before any per-line work: most files mention no suppression at all.
pub fn mentions_suppression(text: &str) -> bool {
    text.contains("cleartext:")
}

/// Every suppression comment in a file.
pub fn parse(src: &SourceFile) -> Vec<Suppression> {
    let markers = src.kind.comment_markers();
    if markers.is_empty() || !mentions_suppression(&src.text) {
        return Vec::new();
    }
    let lines: Vec<&str> = src.text.lines().collect();
    let comment_only = |l: &str| {
        let t = l.trim_start();
        markers.iter().any(|m| t.starts_with(m))
    };
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if !line.contains("cleartext:") {
            continue;
        }
        let Some(caps) = marker_regex().captures(line) else {
            continue;
        };
        let (Some(opener), Some(rest)) = (caps.get(1), caps.get(2)) else {
            continue;
        };
        if !markers.contains(&opener.as_str()) {
            continue;
        }
        let before = &line[..opener.start()];
        let own_line = before.trim().is_empty();
        let target = if own_line {
            (i + 1..lines.len())
                .find(|&j| !lines[j].trim().is_empty() && !comment_only(lines[j]))
                .map(|j| j + 1)
                .unwrap_or(i + 1)
        } else {
            i + 1
        };
        let column = line[..opener.start()].chars().count() + 1;
        let mut s = Suppression {
            line: i + 1,
            column,
            rules: Vec::new(),
            reason: None,
            until: None,
            target,
            malformed: None,
        };
        read_body(rest.as_str(), &mut s);
        out.push(s);
    }
    out
}

/// Reads `[rules] until=DATE -- reason` after `ignore`.
fn read_body(body: &str, s: &mut Suppression) {
    let body = body.trim_start();
    let Some(inner) = body.strip_prefix('[') else {
        s.malformed = Some("expected `ignore[rule-id] -- reason`".into());
        return;
    };
    let Some((list, after)) = inner.split_once(']') else {
        s.malformed = Some("unclosed `[` in the rule list".into());
        return;
    };
    s.rules = list
        .split(',')
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty())
        .collect();
    if s.rules.is_empty() {
        s.malformed = Some("names no rule; write `ignore[rule-id]`".into());
    }
    let (opts, reason) = match after.split_once("--") {
        Some((o, r)) => (o, Some(r)),
        None => (after, None),
    };
    // Block comment closers are not part of the reason.
    s.reason = reason
        .map(|r| {
            let r = r.trim();
            let r = ["*/", "-->", "#}", "%>"]
                .iter()
                .find_map(|closer| r.strip_suffix(closer))
                .unwrap_or(r);
            r.trim().to_string()
        })
        .filter(|r| !r.is_empty());
    for word in opts.split_whitespace() {
        match word.strip_prefix("until=") {
            Some(date) => match parse_date(date) {
                Some(d) => s.until = Some(d),
                None => {
                    s.malformed = Some(format!("bad date `{date}`; write until=YYYY-MM-DD"));
                }
            },
            None => {
                s.malformed = Some(format!(
                    "unexpected `{word}`; write `ignore[rule-id] until=YYYY-MM-DD -- reason`"
                ));
            }
        }
    }
}

pub fn parse_date(s: &str) -> Option<Date> {
    let mut parts = s.split('-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.parse().ok()?;
    if parts.next().is_some() || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some((y, m, d))
}

/// Today's date in UTC.
pub fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    civil_from_days((secs / 86_400) as i64)
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> Date {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

/// Spans of every fact that starts on a line, so a suppression on that line covers the whole
/// statement or block.
fn blocks_starting_on(src: &SourceFile, facts: Option<&Facts>, line: usize) -> Vec<Span> {
    let Some(f) = facts else {
        return Vec::new();
    };
    let spans = f
        .calls
        .iter()
        .map(|c| c.span)
        .chain(f.assigns.iter().map(|a| a.span))
        .chain(f.entries.iter().map(|e| e.span))
        .chain(f.records.iter().map(|r| r.span))
        .chain(f.envs.iter().map(|e| e.span))
        .chain(f.commands.iter().map(|c| c.span))
        .chain(f.directives.iter().map(|d| d.span))
        .chain(f.resources.iter().map(|r| r.span));
    spans
        .filter(|s| s.end > s.start && src.line_of(s.start) == line)
        .collect()
}

/// Splits one file's findings into kept and suppressed, and reports suppression problems.
/// `known` says whether a rule id exists.
pub fn apply(
    src: &SourceFile,
    facts: Option<&Facts>,
    findings: Vec<Finding>,
    today: Date,
    known: &dyn Fn(&str) -> bool,
) -> Applied {
    let sups = parse(src);
    let mut out = Applied::default();
    if sups.is_empty() {
        out.kept = findings;
        return out;
    }
    let notice = |s: &Suppression, kind: NoticeKind, message: String| Notice {
        kind,
        path: src.display.clone(),
        line: s.line,
        column: s.column,
        message,
    };
    let covers: Vec<Vec<Span>> = sups
        .iter()
        .map(|s| blocks_starting_on(src, facts, s.target))
        .collect();
    let mut used = vec![false; sups.len()];
    let mut expired_hit = vec![false; sups.len()];
    for f in findings {
        let mut hidden = false;
        for (i, s) in sups.iter().enumerate() {
            if s.malformed.is_some() || !s.rules.iter().any(|r| r == &f.rule) {
                continue;
            }
            let covered = f.start.line == s.target
                || covers[i]
                    .iter()
                    .any(|b| b.start <= f.start.offset && f.start.offset < b.end);
            if !covered {
                continue;
            }
            if s.until.is_some_and(|u| u < today) {
                expired_hit[i] = true;
                continue;
            }
            used[i] = true;
            hidden = true;
        }
        if hidden {
            out.suppressed.push(f);
        } else {
            out.kept.push(f);
        }
    }
    for (i, s) in sups.iter().enumerate() {
        if let Some(m) = &s.malformed {
            out.notices.push(notice(
                s,
                NoticeKind::Malformed,
                format!("unreadable suppression: {m}"),
            ));
            continue;
        }
        let list = s.rules.join(", ");
        for r in s.rules.iter().filter(|r| !known(r)) {
            out.notices.push(notice(
                s,
                NoticeKind::UnknownRule,
                format!("suppression names unknown rule `{r}`"),
            ));
        }
        if s.reason.is_none() {
            out.notices.push(notice(
                s,
                NoticeKind::MissingReason,
                format!("suppression of {list} gives no reason; add `-- why`"),
            ));
        }
        if let Some((y, m, d)) = s.until.filter(|u| *u < today) {
            out.notices.push(notice(
                s,
                NoticeKind::Expired,
                format!("suppression of {list} expired on {y:04}-{m:02}-{d:02}"),
            ));
        } else if !used[i] && !expired_hit[i] {
            out.notices.push(notice(
                s,
                NoticeKind::Unused,
                format!("suppression of {list} matches no finding"),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::FileKind;

    fn file(kind: FileKind, text: &str) -> SourceFile {
        SourceFile::new("a".into(), "a".into(), kind, text.into())
    }

    #[test]
    fn reads_rules_date_and_reason() {
        let f = file(
            FileKind::Python,
            "x = 1\n# cleartext: ignore[a, b] until=2030-01-02 -- test server\n\ny = 2\n",
        );
        let s = parse(&f);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].rules, vec!["a", "b"]);
        assert_eq!(s[0].until, Some((2030, 1, 2)));
        assert_eq!(s[0].reason.as_deref(), Some("test server"));
        assert_eq!((s[0].line, s[0].target), (2, 4));
    }

    #[test]
    fn trailing_comment_targets_its_own_line() {
        let f = file(
            FileKind::Rust,
            "let a = 1; // cleartext: ignore[x] -- why\n",
        );
        let s = parse(&f);
        assert_eq!((s[0].line, s[0].target, s[0].column), (1, 1, 12));
    }

    #[test]
    fn prose_and_wrong_comment_syntax_are_not_suppressions() {
        let f = file(
            FileKind::Rust,
            "//! write `cleartext: ignore[x]`\nlet s = \"# cleartext: ignore[x]\";\n",
        );
        assert!(parse(&f).is_empty());
    }

    #[test]
    fn malformed_bodies_are_reported() {
        let f = file(
            FileKind::Python,
            "# cleartext: ignore x\n# cleartext: ignore[a] until=soon -- r\n",
        );
        let s = parse(&f);
        assert!(s.iter().all(|s| s.malformed.is_some()), "{s:?}");
    }

    #[test]
    fn page_comments_suppress_and_their_closers_are_not_the_reason() {
        for (kind, text) in [
            (
                FileKind::Html,
                "<!-- cleartext: ignore[mixed-content] -- intranet kiosk -->\n<p>\n",
            ),
            (
                FileKind::Jinja,
                "{# cleartext: ignore[mixed-content] -- intranet kiosk #}\n<p>\n",
            ),
            (
                FileKind::Erb,
                "<%# cleartext: ignore[mixed-content] -- intranet kiosk %>\n<p>\n",
            ),
        ] {
            let s = parse(&file(kind, text));
            assert_eq!(s.len(), 1, "{text}");
            assert_eq!(s[0].reason.as_deref(), Some("intranet kiosk"), "{text}");
            assert_eq!(s[0].target, 2);
        }
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }
}
