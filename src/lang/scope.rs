//! The scope table the code front-ends share: what each name is bound to in each scope, the
//! lookup through enclosing scopes, and the bookkeeping of constant evaluation (a guard that
//! stops `a = b; b = a` and a memo of values already computed).
//!
//! A front-end says what a binding is (`S`: an import, an assignment's expression, a `let`'s
//! value) and what a scope is (`K`: Python tells a class body from a function); the table only
//! knows names, parents and scope ids. Scope 0 is the file's top level.

// Names are looked up per node: foldhash, not SipHash (SipHash was 5% of the instructions
// on JavaScript bundles).
use foldhash::{HashMap, HashMapExt};

use crate::facts::Value;

/// Scope ids are indexes: a scope opened while walking a tree keeps its id for later passes.
pub type ScopeId = usize;

struct Scope<S, K> {
    kind: K,
    parent: Option<ScopeId>,
    names: HashMap<String, S>,
}

/// Scopes and what their names are bound to. `S` is what one name holds in one scope (a list
/// of bindings where a front-end wants to see reassignments, a single value where the last
/// one wins).
pub struct Scopes<S, K = ()> {
    scopes: Vec<Scope<S, K>>,
}

impl<S, K: Copy> Scopes<S, K> {
    /// A table holding only the top-level scope (id 0), of kind `top`.
    pub fn new(top: K) -> Self {
        Scopes {
            scopes: vec![Scope {
                kind: top,
                parent: None,
                names: HashMap::new(),
            }],
        }
    }

    /// Opens a child scope of `parent` and returns its id.
    pub fn open(&mut self, parent: ScopeId, kind: K) -> ScopeId {
        self.scopes.push(Scope {
            kind,
            parent: Some(parent),
            names: HashMap::new(),
        });
        self.scopes.len() - 1
    }

    /// Closes `scope` when it is the last one opened (a walk that enters and leaves blocks in
    /// order keeps only the scopes it is inside) and returns its parent.
    pub fn close(&mut self, scope: ScopeId) -> ScopeId {
        let parent = self.parent(scope).unwrap_or(0);
        if scope != 0 && scope + 1 == self.scopes.len() {
            self.scopes.pop();
        }
        parent
    }

    pub fn kind(&self, scope: ScopeId) -> K {
        self.scopes[scope].kind
    }

    pub fn parent(&self, scope: ScopeId) -> Option<ScopeId> {
        self.scopes[scope].parent
    }

    /// What `name` is bound to in `scope` itself.
    pub fn get(&self, scope: ScopeId, name: &str) -> Option<&S> {
        self.scopes[scope].names.get(name)
    }

    /// Binds `name` in `scope` to `slot`, replacing what it held (a shadowing `let`).
    pub fn insert(&mut self, scope: ScopeId, name: String, slot: S) {
        self.scopes[scope].names.insert(name, slot);
    }

    /// What `name` is bound to, seen from `scope`: the nearest scope that binds it, among
    /// `scope` and its ancestors for which `visible(kind, is_scope_itself)` holds.
    pub fn lookup_where(
        &self,
        name: &str,
        scope: ScopeId,
        visible: impl Fn(K, bool) -> bool,
    ) -> Option<(ScopeId, &S)> {
        let mut current = Some(scope);
        while let Some(s) = current {
            let sc = &self.scopes[s];
            if visible(sc.kind, s == scope) {
                if let Some(slot) = sc.names.get(name) {
                    return Some((s, slot));
                }
            }
            current = sc.parent;
        }
        None
    }

    /// What `name` is bound to in the nearest of `scope` and its ancestors that binds it.
    pub fn lookup(&self, name: &str, scope: ScopeId) -> Option<(ScopeId, &S)> {
        self.lookup_where(name, scope, |_, _| true)
    }
}

impl<B, K: Copy> Scopes<Vec<B>, K> {
    /// [`Scopes::lookup_where`] for a table of binding lists: the bindings of `name` in the
    /// nearest visible scope that has any.
    pub fn bindings_where(
        &self,
        name: &str,
        scope: ScopeId,
        visible: impl Fn(K, bool) -> bool,
    ) -> Option<(ScopeId, &[B])> {
        self.lookup_where(name, scope, visible)
            .map(|(s, b)| (s, b.as_slice()))
    }

    /// Binds every one of `names` in `scope` to `binding` (the names a pattern binds).
    pub fn define_all(&mut self, scope: ScopeId, names: Vec<String>, binding: B)
    where
        B: Clone,
    {
        for name in names {
            self.define(scope, &name, binding.clone());
        }
    }

    /// Adds a binding of `name` in `scope`; a name bound more than once keeps every binding,
    /// so a front-end can tell a constant from a reassigned name.
    pub fn define(&mut self, scope: ScopeId, name: &str, binding: B) {
        match self.scopes[scope].names.get_mut(name) {
            Some(bindings) => bindings.push(binding),
            None => {
                self.scopes[scope]
                    .names
                    .insert(name.to_string(), vec![binding]);
            }
        }
    }
}

/// What all the bindings of a name mean, when `meaning` gives the same for every one of
/// them: an import written twice still names one thing, where a name assigned twice is no
/// constant.
pub fn agreed<'b, B, T: PartialEq + ?Sized>(
    bindings: &'b [B],
    meaning: impl Fn(&'b B) -> Option<&'b T>,
) -> Option<&'b T> {
    let first = meaning(bindings.first()?)?;
    bindings
        .iter()
        .all(|b| meaning(b) == Some(first))
        .then_some(first)
}

/// A constant, or a name qualified through an import (`AES.MODE_ECB`): a value that means the
/// same wherever it flows (what a parameter or a helper's return may carry).
pub fn is_known(v: &Value) -> bool {
    crate::lang::values::is_constant(v) || matches!(v, Value::Name(n) if !n.starts_with('?'))
}

/// What a parameter holds inside its function: the one known value that every call site in
/// the file passes for it (a site that passes nothing gets the default). Unknown when a site
/// passes something not known, when two disagree, when a site passes nothing and there is no
/// default, or when nothing is known at all. Sites are offered one at a time so that the
/// caller stops evaluating arguments at the first site that settles the answer as unknown.
pub struct Agreement {
    default: Option<Value>,
    agreed: Option<Value>,
}

impl Agreement {
    pub fn new(default: Option<Value>) -> Self {
        Agreement {
            agreed: default.clone(),
            default,
        }
    }

    /// Takes what one site passes (`None`: nothing); false once the answer is unknown, after
    /// which no further site can change it.
    pub fn offer(&mut self, passed: Option<Value>) -> bool {
        let value = match passed {
            Some(v) => v,
            None => match &self.default {
                Some(d) => d.clone(),
                None => return false,
            },
        };
        if !is_known(&value) || self.agreed.as_ref().is_some_and(|a| *a != value) {
            return false;
        }
        self.agreed = Some(value);
        true
    }

    /// The agreed value, after every site was offered and accepted.
    pub fn value(self) -> Value {
        self.agreed.unwrap_or(Value::Unknown)
    }
}

/// What a helper returns: the one known value all its `returns` agree on.
pub fn agreed_return(returns: Vec<Value>) -> Option<Value> {
    let first = returns.first()?.clone();
    (is_known(&first) && returns.iter().all(|v| *v == first)).then_some(first)
}

/// A name as evaluation knows it: the scope that binds it and its spelling.
pub type Key = (ScopeId, String);

/// Which names are being evaluated right now, and the values of those already evaluated.
///
/// A value is remembered only when it does not depend on where it was asked for. Two things
/// make it depend: a cycle cut against a name further up the stack (`a = b; b = a` answers
/// `Unknown` for whichever is reached second) and the depth limit. [`Self::finish`] knows
/// which frames saw either and remembers only the others, so that a memoised answer is the
/// one a fresh evaluation would give.
#[derive(Default)]
pub struct Evaluation {
    active: Vec<Frame>,
    memo: HashMap<Key, Value>,
}

struct Frame {
    key: Key,
    /// The lowest level a cut inside this frame referred to (a frame's level is its stack
    /// index plus one; the depth limit is level 0): at or above the frame's own level its
    /// value is the same wherever it is asked for.
    lowest_cut: usize,
}

impl Evaluation {
    /// Starts evaluating `key`; false when it is already being evaluated (the definitions
    /// form a cycle, `a = b; b = a`) and the caller must answer `Unknown`. Takes the key by
    /// value so that a caller builds it once.
    pub fn enter(&mut self, key: Key) -> bool {
        if let Some(at) = self.active.iter().position(|f| f.key == key) {
            self.cut_at(at + 1);
            return false;
        }
        self.active.push(Frame {
            key,
            lowest_cut: usize::MAX,
        });
        true
    }

    /// Records that the evaluation under way stopped short because of the frame at level
    /// `at` (a cycle) or, with 0, of where it stands (the depth limit).
    fn cut_at(&mut self, at: usize) {
        if let Some(top) = self.active.last_mut() {
            top.lowest_cut = top.lowest_cut.min(at);
        }
    }

    /// The evaluation under way hit the depth limit: nothing on the stack is remembered.
    pub fn cut_by_depth(&mut self) {
        self.cut_at(0);
    }

    /// Ends the evaluation [`Self::enter`] started last.
    pub fn leave(&mut self) {
        self.pop();
    }

    /// Ends the evaluation [`Self::enter`] started last and remembers its value when nothing
    /// outside it shaped that value.
    pub fn finish(&mut self, value: &Value) {
        if let Some(key) = self.pop() {
            self.memo.insert(key, value.clone());
        }
    }

    /// Pops the top frame, passing its cuts on to its parent; the key when the frame's value
    /// stands on its own.
    fn pop(&mut self) -> Option<Key> {
        let frame = self.active.pop()?;
        let level = self.active.len() + 1;
        if frame.lowest_cut >= level {
            return Some(frame.key);
        }
        self.cut_at(frame.lowest_cut);
        None
    }

    /// The value `key` was found to have, if it was remembered.
    pub fn remembered(&self, key: &Key) -> Option<&Value> {
        self.memo.get(key)
    }

    pub fn remember(&mut self, key: Key, value: Value) {
        self.memo.insert(key, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_goes_through_parents_and_respects_visibility() {
        let mut s: Scopes<Vec<u8>, bool> = Scopes::new(false);
        s.define(0, "a", 1);
        let class = s.open(0, true);
        s.define(class, "b", 2);
        let method = s.open(class, false);
        assert_eq!(
            s.lookup("a", method).map(|(id, b)| (id, b[0])),
            Some((0, 1))
        );
        assert_eq!(s.lookup("b", method).map(|(id, _)| id), Some(class));
        // A class body is not visible from the functions inside it (Python).
        assert!(s
            .lookup_where("b", method, |is_class, own| own || !is_class)
            .is_none());
        s.define(0, "a", 3);
        assert_eq!(s.get(0, "a").map(Vec::len), Some(2));
    }

    #[test]
    fn closing_the_last_scope_drops_it() {
        let mut s: Scopes<u8> = Scopes::new(());
        let block = s.open(0, ());
        s.insert(block, "x".into(), 1);
        assert_eq!(s.close(block), 0);
        assert!(s.lookup("x", 0).is_none());
        assert_eq!(s.open(0, ()), block);
    }

    #[test]
    fn a_cycle_of_definitions_is_refused_once_entered() {
        let key = |s: ScopeId, n: &str| (s, n.to_string());
        let mut e = Evaluation::default();
        assert!(e.enter(key(0, "a")));
        assert!(e.enter(key(0, "b")));
        assert!(!e.enter(key(0, "a")));
        assert!(e.enter(key(1, "a")));
        e.leave();
        e.leave();
        e.leave();
        assert!(e.enter(key(0, "a")));
        e.remember(key(0, "a"), Value::Int(1));
        assert_eq!(e.remembered(&key(0, "a")), Some(&Value::Int(1)));
        assert_eq!(e.remembered(&key(0, "b")), None);
    }

    #[test]
    fn an_agreement_settles_at_the_first_site_that_disagrees() {
        let s = |v: &str| Some(Value::Str(v.into()));
        let mut a = Agreement::new(None);
        assert!(a.offer(s("x")) && a.offer(s("x")));
        assert_eq!(a.value(), Value::Str("x".into()));
        let mut a = Agreement::new(None);
        assert!(a.offer(s("x")));
        assert!(!a.offer(s("y")));
        // A site that passes nothing takes the default, and without one nothing is known.
        let mut a = Agreement::new(s("d"));
        assert!(a.offer(None) && a.offer(s("d")));
        assert_eq!(a.value(), Value::Str("d".into()));
        assert!(!Agreement::new(None).offer(None));
        assert!(!Agreement::new(None).offer(Some(Value::Unknown)));
        assert_eq!(Agreement::new(None).value(), Value::Unknown);
    }

    #[test]
    fn only_values_that_stand_on_their_own_are_remembered() {
        let key = |n: &str| (0, n.to_string());
        let mut e = Evaluation::default();
        // a -> b -> a: b's value was cut against a and depends on a being under way; a's
        // own value does not.
        assert!(e.enter(key("a")));
        assert!(e.enter(key("b")));
        assert!(!e.enter(key("a")));
        e.finish(&Value::Unknown);
        e.finish(&Value::Int(1));
        assert_eq!(e.remembered(&key("b")), None);
        assert_eq!(e.remembered(&key("a")), Some(&Value::Int(1)));
        // c -> d, where d refers to itself: both stand on their own.
        assert!(e.enter(key("c")));
        assert!(e.enter(key("d")));
        assert!(!e.enter(key("d")));
        e.finish(&Value::Int(2));
        e.finish(&Value::Int(3));
        assert_eq!(e.remembered(&key("d")), Some(&Value::Int(2)));
        assert_eq!(e.remembered(&key("c")), Some(&Value::Int(3)));
        // The depth limit taints every frame under way.
        assert!(e.enter(key("e")));
        assert!(e.enter(key("f")));
        e.cut_by_depth();
        e.finish(&Value::Unknown);
        e.finish(&Value::Unknown);
        assert_eq!(e.remembered(&key("e")), None);
        assert_eq!(e.remembered(&key("f")), None);
    }
}
