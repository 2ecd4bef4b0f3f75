//! Glob matching for qualified names: `*` matches any run of characters, dots included.

pub fn matches(glob: &str, text: &str) -> bool {
    if !glob.contains('*') {
        return glob == text;
    }
    let parts: Vec<&str> = glob.split('*').collect();
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !text.starts_with(first) || text.len() < first.len() + last.len() || !text.ends_with(last) {
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
