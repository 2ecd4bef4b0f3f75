//! Which of a file's names a pattern's globs could match, looked up by last dotted segment
//! instead of trying every glob on every name: a bundle has tens of thousands of calls, and
//! the catalog hundreds of callee globs.
//!
//! A glob whose last segment (after its last `.`) holds no `*` can only match a name with the
//! same last segment: the glob ends in that literal `.segment`, and the segment holds no `.`
//! (a glob without a `.` and without a `*` matches only itself). Any other glob (`ssl.*`,
//! `*.des_*`) makes every name a candidate. The candidates are then matched as before, so the
//! index decides nothing; it only skips names that cannot match.

use std::collections::HashMap;

pub struct NameIndex<'f> {
    by_last: HashMap<&'f str, Vec<usize>>,
    len: usize,
}

/// The last dotted segment of a name or glob.
fn last_segment(name: &str) -> &str {
    name.rsplit('.').next().unwrap_or(name)
}

/// The literal last segment of `glob`, or `None` when a wildcard is in it.
fn literal_last_segment(glob: &str) -> Option<&str> {
    let seg = last_segment(glob);
    (!seg.contains('*')).then_some(seg)
}

impl<'f> NameIndex<'f> {
    pub fn new(names: impl IntoIterator<Item = &'f str>) -> Self {
        let mut by_last: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut len = 0;
        for (i, name) in names.into_iter().enumerate() {
            by_last.entry(last_segment(name)).or_default().push(i);
            len = i + 1;
        }
        NameIndex { by_last, len }
    }

    /// The indexes, ascending, of the names some glob of `globs` could match.
    pub fn candidates(&self, globs: &[String]) -> Vec<usize> {
        let mut keys = Vec::with_capacity(globs.len());
        for g in globs {
            match literal_last_segment(g) {
                Some(seg) => keys.push(seg),
                None => return (0..self.len).collect(),
            }
        }
        keys.sort_unstable();
        keys.dedup();
        let mut out: Vec<usize> = keys
            .iter()
            .filter_map(|k| self.by_last.get(k))
            .flatten()
            .copied()
            .collect();
        if keys.len() > 1 {
            out.sort_unstable();
            out.dedup();
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::glob;

    #[test]
    fn candidates_are_the_names_with_the_globs_last_segment() {
        let names = [
            "requests.get",
            "requests.Session().get",
            "fetch",
            "window.fetch",
            "ssl.create_default_context",
            "des_ede3",
        ];
        let index = NameIndex::new(names);
        let globs = |g: &[&str]| g.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(index.candidates(&globs(&["requests.*.get"])), vec![0, 1]);
        assert_eq!(index.candidates(&globs(&["*.fetch", "fetch"])), vec![2, 3]);
        assert_eq!(
            index.candidates(&globs(&["ssl.*"])),
            (0..6).collect::<Vec<_>>()
        );
        assert_eq!(
            index.candidates(&globs(&["*des_*"])),
            (0..6).collect::<Vec<_>>()
        );
        assert!(index.candidates(&globs(&["nothing.here"])).is_empty());
    }

    /// Every name a catalog glob matches is among its candidates, for names built from the
    /// catalog's own globs (each `*` filled in several ways, dots included).
    #[test]
    fn candidates_hold_every_match_of_the_catalog_globs() {
        let lints = crate::lint::catalog::load().unwrap();
        let globs: Vec<Vec<String>> = lints
            .iter()
            .flat_map(|l| &l.patterns)
            .flat_map(|p| [p.call.clone(), p.assign.clone()])
            .filter(|g| !g.is_empty())
            .collect();
        let mut names: Vec<String> = Vec::new();
        for g in globs.iter().flatten() {
            for fill in ["", "x", "a.b", "x.get", "()"] {
                names.push(g.replace('*', fill));
            }
        }
        let index = NameIndex::new(names.iter().map(String::as_str));
        let mut matched = 0;
        for g in &globs {
            let candidates = index.candidates(g);
            for (i, name) in names.iter().enumerate() {
                if glob::any(g, name) {
                    matched += 1;
                    assert!(candidates.binary_search(&i).is_ok(), "{g:?} {name}");
                }
            }
        }
        assert!(matched > 1000, "{matched}");
    }
}
