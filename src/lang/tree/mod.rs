//! Parser machinery shared by the tree-sitter front-ends, apart from any one language:
//! [`ts`] runs a tree-sitter grammar (thread-local parsers, error spans, node text), and
//! [`flat`] copies its tree into flat arrays that the front-ends walk instead.

pub mod flat;
pub mod ts;
