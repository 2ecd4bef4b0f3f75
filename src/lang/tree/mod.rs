//! Parser machinery shared by the tree-sitter front-ends, apart from any one language:
//! [`ts`] runs a tree-sitter grammar (thread-local parsers, error spans, node text), and
//! [`flat`] copies its tree into flat arrays that the front-ends walk instead.

pub mod flat;
pub mod ts;

use flat::Node;

/// The children of `node` in the fields `names`, when it has all of them (`left` and `right`
/// of an assignment, `key` and `value` of a pair).
pub fn fields<'t, const N: usize>(node: Node<'t>, names: [&str; N]) -> Option<[Node<'t>; N]> {
    let mut out = [node; N];
    for (slot, name) in out.iter_mut().zip(names) {
        *slot = node.child_by_field_name(name)?;
    }
    Some(out)
}

/// What [`names_under`] does with a node.
pub enum Visit<'t> {
    /// The node is a name: its text is taken.
    Take,
    /// Neither the node nor anything under it binds a name.
    Skip,
    /// Only this one node under it does (a default parameter's name, not its value).
    Only(Node<'t>),
    /// Look at its named children.
    Children,
}

/// The text of every name under `node` (itself included), as `visit` tells them apart: the
/// names a parameter list or an assignment target binds. Iterative, so a deep pattern
/// cannot overflow the stack.
pub fn names_under<'t>(
    node: Node<'t>,
    src: &str,
    visit: impl Fn(Node<'t>) -> Visit<'t>,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        match visit(n) {
            Visit::Take => out.push(ts::text(n, src).to_string()),
            Visit::Skip => {}
            Visit::Only(child) => stack.push(child),
            Visit::Children => stack.extend(n.named_children()),
        }
    }
    out
}
