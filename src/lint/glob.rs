//! Glob matching for qualified names: `*` matches any run of characters, dots included.

pub fn matches(glob: &str, text: &str) -> bool {
    matches_after(glob, "", text)
}

/// `matches(&format!("{prefix}{glob}"), text)` without building the string (the lint loop
/// calls this per fact and pattern).
pub fn matches_prefixed(prefix: &str, glob: &str, text: &str) -> bool {
    matches_after(glob, prefix, text)
}

fn matches_after(glob: &str, prefix: &str, text: &str) -> bool {
    // The whole glob is `prefix` + `glob`; its literal parts are split at `*`. Cheap rejects
    // first: a whole glob that starts (ends) with a literal byte needs a text that does too.
    let tb = text.as_bytes();
    let whole_first = prefix.as_bytes().first().or(glob.as_bytes().first());
    let whole_last = glob.as_bytes().last().or(prefix.as_bytes().last());
    if whole_first.is_some_and(|&b| b != b'*' && tb.first() != Some(&b))
        || whole_last.is_some_and(|&b| b != b'*' && tb.last() != Some(&b))
    {
        return false;
    }
    let star_of = |s: &str| s.bytes().position(|b| b == b'*');
    let star_in_prefix = star_of(prefix);
    let Some(star) = star_in_prefix.or_else(|| star_of(glob).map(|i| prefix.len() + i)) else {
        return text.len() == prefix.len() + glob.len()
            && text.starts_with(prefix)
            && text[prefix.len()..] == *glob;
    };
    let whole = |i: usize| -> u8 {
        if i < prefix.len() {
            prefix.as_bytes()[i]
        } else {
            glob.as_bytes()[i - prefix.len()]
        }
    };
    let len = prefix.len() + glob.len();
    let last_star = match glob.rfind('*') {
        Some(i) => prefix.len() + i,
        None => prefix.rfind('*').unwrap_or(star),
    };
    let first_len = star;
    let last_len = len - last_star - 1;
    if text.len() < first_len + last_len {
        return false;
    }
    if (0..first_len).any(|i| whole(i) != tb[i]) {
        return false;
    }
    if (0..last_len).any(|i| whole(last_star + 1 + i) != tb[text.len() - last_len + i]) {
        return false;
    }
    // Middle parts, each found leftmost in what is left (as `str::find` would).
    let mut rest = &tb[first_len..text.len() - last_len];
    let mut i = star + 1;
    while i <= last_star {
        let end = (i..=last_star)
            .find(|&j| whole(j) == b'*')
            .unwrap_or(last_star);
        let n = end - i;
        let found = (0..=rest.len().saturating_sub(n))
            .find(|&at| at + n <= rest.len() && (0..n).all(|k| rest[at + k] == whole(i + k)));
        match found {
            Some(at) => rest = &rest[at + n..],
            None => return false,
        }
        i = end + 1;
    }
    true
}

pub fn any(globs: &[String], text: &str) -> bool {
    globs.iter().any(|g| matches(g, text))
}

/// The literal a file must contain for `glob` to match something in it: the last dotted
/// segment, without calls or wildcards. `None` when the glob ends in a wildcard.
pub fn anchor(glob: &str) -> Option<&str> {
    let tail = glob.trim_end_matches("()");
    let seg = tail.rsplit(['.', ':']).next().unwrap_or(tail);
    let seg = seg.trim_end_matches("()");
    let seg = seg.rsplit('*').next().unwrap_or(seg);
    (seg.len() >= 3).then_some(seg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn star_spans_dots() {
        assert!(matches("requests.*", "requests.Session().get"));
        assert!(matches(
            "*.check_hostname",
            "ssl.create_default_context().check_hostname"
        ));
        assert!(matches("a*c*e", "abcde"));
        assert!(!matches("a*c*e", "abde"));
        assert!(!matches("requests.get", "requests.gets"));
        assert!(!matches("*ab*ab", "ab"));
        assert!(matches("a**b", "ab"));
        assert!(matches("*", ""));
        assert!(!matches("a*", ""));
    }

    /// The allocation-free matcher agrees with the obvious one on every small case.
    #[test]
    fn allocation_free_matcher_equals_reference() {
        fn reference(glob: &str, text: &str) -> bool {
            if !glob.contains('*') {
                return glob == text;
            }
            let parts: Vec<&str> = glob.split('*').collect();
            let (first, last) = (parts[0], parts[parts.len() - 1]);
            if !text.starts_with(first)
                || text.len() < first.len() + last.len()
                || !text.ends_with(last)
            {
                return false;
            }
            let mut rest = &text[first.len()..text.len() - last.len()];
            for part in &parts[1..parts.len() - 1] {
                match rest.find(part) {
                    Some(i) => rest = &rest[i + part.len()..],
                    None => return false,
                }
            }
            true
        }
        let alphabet = ["", "a", "b", ".", "*"];
        let mut words = vec![String::new()];
        for _ in 0..4 {
            let mut next = Vec::new();
            for w in &words {
                for c in alphabet {
                    next.push(format!("{w}{c}"));
                }
            }
            words.extend(next);
            words.sort();
            words.dedup();
        }
        let texts: Vec<&String> = words.iter().filter(|w| !w.contains('*')).collect();
        for g in &words {
            for t in &texts {
                assert_eq!(matches(g, t), reference(g, t), "glob {g:?} text {t:?}");
                for pre in ["*.", "a", "*"] {
                    assert_eq!(
                        matches_prefixed(pre, g, t),
                        reference(&format!("{pre}{g}"), t),
                        "prefix {pre:?} glob {g:?} text {t:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn anchors_are_last_segments() {
        assert_eq!(anchor("requests.Session().get"), Some("get"));
        assert_eq!(anchor("requests.Session().post"), Some("post"));
        assert_eq!(anchor("*.check_hostname"), Some("check_hostname"));
        assert_eq!(anchor("ssl.*"), None);
        assert_eq!(anchor("Crypto.Cipher.AES.new"), Some("new"));
        assert_eq!(anchor("x.io"), None);
    }
}
