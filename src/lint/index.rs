//! Which of a file's names a pattern's globs could match, looked up by last dotted segment
//! instead of trying every glob on every name: a bundle has tens of thousands of calls, and
//! the catalog hundreds of callee globs.
//!
//! A glob whose last segment (after its last `.`) holds no `*` can only match a name with the
//! same last segment: the glob ends in that literal `.segment`, and the segment holds no `.`
//! (a glob without a `.` and without a `*` matches only itself). Likewise a glob whose first
//! segment holds no `*` (`axios.*`) only matches names with that first segment. Any other
//! glob (`*.des_*`) makes every name a candidate. The candidates are then matched as before,
//! so the index decides nothing; it only skips names that cannot match.

// foldhash: looked up per node or per pattern; SipHash showed in profiles.
use foldhash::{HashMap, HashMapExt};

pub struct NameIndex<'f> {
    by_last: HashMap<&'f str, Vec<usize>>,
    by_first: HashMap<&'f str, Vec<usize>>,
    len: usize,
}

/// The last dotted segment of a name or glob.
fn last_segment(name: &str) -> &str {
    name.rsplit('.').next().unwrap_or(name)
}

/// The first dotted segment of a name or glob.
fn first_segment(name: &str) -> &str {
    name.split('.').next().unwrap_or(name)
}

/// Which names `glob` can match: those with this last (or first) segment, or all of them.
enum Key<'g> {
    Last(&'g str),
    First(&'g str),
    Any,
}

fn key(glob: &str) -> Key<'_> {
    let (last, first) = (last_segment(glob), first_segment(glob));
    if !last.contains('*') {
        Key::Last(last)
    } else if !first.contains('*') {
        Key::First(first)
    } else {
        Key::Any
    }
}

impl<'f> NameIndex<'f> {
    pub fn new(names: impl IntoIterator<Item = &'f str>) -> Self {
        let mut by_last: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_first: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut len = 0;
        for (i, name) in names.into_iter().enumerate() {
            by_last.entry(last_segment(name)).or_default().push(i);
            by_first.entry(first_segment(name)).or_default().push(i);
            len = i + 1;
        }
        NameIndex {
            by_last,
            by_first,
            len,
        }
    }

    /// The indexes, ascending, of the names some glob of `globs` could match.
    pub fn candidates(&self, globs: &[String]) -> Vec<usize> {
        let mut lists: Vec<&Vec<usize>> = Vec::with_capacity(globs.len());
        for g in globs {
            let list = match key(g) {
                Key::Last(seg) => self.by_last.get(seg),
                Key::First(seg) => self.by_first.get(seg),
                Key::Any => return (0..self.len).collect(),
            };
            lists.extend(list);
        }
        let mut out: Vec<usize> = lists.iter().copied().flatten().copied().collect();
        if lists.len() > 1 {
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
        assert_eq!(index.candidates(&globs(&["ssl.*"])), vec![4]);
        assert_eq!(
            index.candidates(&globs(&["requests.*", "*.fetch"])),
            vec![0, 1, 2, 3]
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
