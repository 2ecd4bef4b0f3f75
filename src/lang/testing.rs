//! Helpers of the front-ends' unit tests.

use crate::classify::FileKind;
use crate::facts::{Call, Facts, Value};
use crate::source::SourceFile;

/// The facts of `code` lowered as a file `name` of `kind`, named on the command line (so a
/// JavaScript bundle is not skipped as minified).
pub fn lowered(kind: FileKind, name: &str, code: &str) -> Facts {
    let mut src = SourceFile::new(name.into(), name.into(), kind, code.into());
    src.explicit = true;
    super::lower(&src).unwrap()
}

/// The first call of `callee`; the test fails listing the calls there are when there is none.
pub fn call<'f>(f: &'f Facts, callee: &str) -> &'f Call {
    f.calls
        .iter()
        .find(|c| c.callee == callee)
        .unwrap_or_else(|| {
            let names: Vec<_> = f.calls.iter().map(|c| c.callee.as_str()).collect();
            panic!("no call {callee} in {names:?}")
        })
}

/// The value of the argument at `index` of the first call of `callee`.
pub fn arg_value<'f>(f: &'f Facts, callee: &str, index: usize) -> &'f Value {
    &call(f, callee).args[index].value
}

/// Whether some assignment gives `target` the value `value`.
pub fn assigns(f: &Facts, target: &str, value: &Value) -> bool {
    f.assigns
        .iter()
        .any(|a| a.target == target && a.value == *value)
}

/// Whether some dict or object entry at `path` has the value `value`.
pub fn has_entry(f: &Facts, path: &str, value: &Value) -> bool {
    f.entries
        .iter()
        .any(|e| e.path == path && e.value == *value)
}

/// Lowers `1` nested `depth` levels deep in each of `cases` (`before`, an opening bracket,
/// its closing one, `after`): it must come back, not overflow the stack.
pub fn survives_nesting(kind: FileKind, name: &str, depth: usize, cases: &[[&str; 4]]) {
    for [before, open, close, after] in cases {
        let code = format!(
            "{before}{}1{}{after}",
            open.repeat(depth),
            close.repeat(depth)
        );
        let _ = lowered(kind, name, &code);
    }
}
