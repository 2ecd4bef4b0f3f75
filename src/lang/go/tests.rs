use crate::classify::FileKind;
use crate::facts::{Facts, Value};
use crate::lang::testing::{arg_value, assigns, call, lowered, survives_nesting};

fn go(code: &str) -> Facts {
    lowered(FileKind::Go, "main.go", code)
}

fn named<'f>(f: &'f Facts, callee: &str, name: &str) -> &'f Value {
    &call(f, callee)
        .args
        .iter()
        .find(|a| a.name.as_deref() == Some(name))
        .unwrap_or_else(|| panic!("no argument {name} of {callee}"))
        .value
}

#[test]
fn imports_resolve_to_their_paths_whatever_the_local_name() {
    let f = go(r#"package p
import (
	tlsconf "crypto/tls"
	. "crypto/des"
	_ "net/http/pprof"
	"github.com/redis/go-redis/v9"
)
func f() {
	_ = tlsconf.Config{MinVersion: tlsconf.VersionTLS10}
	NewCipher(k)
	redis.NewClient(&redis.Options{Addr: "cache:6379"})
}"#);
    assert_eq!(
        named(&f, "crypto/tls.Config", "MinVersion"),
        &Value::Name("crypto/tls.VersionTLS10".into())
    );
    call(&f, "crypto/des.NewCipher");
    assert_eq!(
        named(&f, "github.com/redis/go-redis/v9.Options", "Addr"),
        &Value::Str("cache:6379".into())
    );
}

#[test]
fn nested_literals_are_values_and_fields_are_assigned_in_steps() {
    let f = go(r#"package p
import ("crypto/tls"; "net/http")
func f() {
	tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
	cfg := &tls.Config{}
	cfg.InsecureSkipVerify = true
	tr.TLSClientConfig.MinVersion = tls.VersionTLS11
	srv := &http.Server{TLSConfig: cfg}
	_ = srv
}"#);
    let Value::Call(inner) = named(&f, "net/http.Transport", "TLSClientConfig") else {
        panic!("the nested literal is a call value");
    };
    assert_eq!(inner.callee, "crypto/tls.Config");
    assert!(assigns(
        &f,
        "crypto/tls.Config().InsecureSkipVerify",
        &Value::Bool(true)
    ));
    assert!(assigns(
        &f,
        "crypto/tls.Config().MinVersion",
        &Value::Name("crypto/tls.VersionTLS11".into())
    ));
    let Value::Call(cfg) = named(&f, "net/http.Server", "TLSConfig") else {
        panic!("cfg is the literal with its assigned field");
    };
    assert!(cfg
        .args
        .iter()
        .any(|a| a.name.as_deref() == Some("InsecureSkipVerify") && a.value == Value::Bool(true)));
}

#[test]
fn package_constants_fold_across_plus_sprintf_not_and_iota() {
    let f = go(r#"package p
import ("fmt"; "net/http")
const host = "api.example.com"
const base = "http://" + host
const skip = !false
const (
	a = iota
	b
	c
)
var url = fmt.Sprintf("%s/v%d/users", base, 2)
func f() { http.Get(url); g(skip, c) }"#);
    assert_eq!(
        arg_value(&f, "net/http.Get", 0),
        &Value::Str("http://api.example.com/v2/users".into())
    );
    assert_eq!(arg_value(&f, "g", 0), &Value::Bool(true));
    assert_eq!(arg_value(&f, "g", 1), &Value::Int(2));
}

#[test]
fn a_buffer_filled_by_a_call_is_no_longer_constant() {
    let f = go(r#"package p
import ("crypto/cipher"; "crypto/rand"; "io")
func f(block cipher.Block, r io.Reader) {
	names := make([]string, 16)
	g(names)
	zero := make([]byte, 16)
	cipher.NewCTR(block, zero)
	iv := make([]byte, 16)
	rand.Read(iv[:8])
	cipher.NewOFB(block, iv)
	buf := make([]byte, 32)
	sub := buf[16:]
	io.ReadFull(r, sub)
	cipher.NewCFBEncrypter(block, buf)
	fixed := []byte("0123456789abcdef")
	fixed[3] = 'x'
	cipher.NewCBCEncrypter(block, fixed)
}"#);
    assert_eq!(
        arg_value(&f, "crypto/cipher.NewCTR", 1),
        &Value::Bytes(vec![0; 16])
    );
    assert_eq!(arg_value(&f, "crypto/cipher.NewOFB", 1), &Value::Unknown);
    assert!(matches!(arg_value(&f, "g", 0), Value::Call(_)));
    assert_eq!(
        arg_value(&f, "crypto/cipher.NewCFBEncrypter", 1),
        &Value::Unknown
    );
    assert_eq!(
        arg_value(&f, "crypto/cipher.NewCBCEncrypter", 1),
        &Value::Bytes(b"012x456789abcdef".to_vec())
    );
}

#[test]
fn an_assignment_in_a_branch_joins_with_the_old_value() {
    let f = go(r#"package p
func f(c bool) {
	v := 1
	if c { v = 2 }
	g(v)
	w := 1
	if c { w = 1 }
	g(w)
	k := []byte("a")
	if c { k = []byte("b") } else { k = []byte("c") }
	g(k)
}"#);
    let gs: Vec<&Value> = f
        .calls
        .iter()
        .filter(|c| c.callee == "g")
        .map(|c| &c.args[0].value)
        .collect();
    assert_eq!(gs[0], &Value::Unknown);
    assert_eq!(gs[1], &Value::Int(1));
    assert!(matches!(gs[2], Value::Bytes(_)));
}

#[test]
fn append_hex_and_called_function_literals_are_folded() {
    let f = go(r#"package p
import ("crypto/des"; "encoding/hex")
func f() {
	var k []byte
	k = append(k, []byte("01234567")...)
	k = append(k, 1, 2)
	des.NewTripleDESCipher(k)
	h, _ := hex.DecodeString("00ff")
	des.NewCipher(h)
	n := func() []byte { return []byte("nonce") }()
	g(n)
}"#);
    let mut want = b"01234567".to_vec();
    want.extend([1, 2]);
    assert_eq!(
        arg_value(&f, "crypto/des.NewTripleDESCipher", 0),
        &Value::Bytes(want)
    );
    assert_eq!(
        arg_value(&f, "crypto/des.NewCipher", 0),
        &Value::Bytes(vec![0, 255])
    );
    assert_eq!(arg_value(&f, "g", 0), &Value::Bytes(b"nonce".to_vec()));
}

#[test]
fn methods_are_named_after_the_call_that_made_the_instance() {
    let f = go(r#"package p
import ("crypto/aes"; "crypto/cipher"; "crypto/md5"; "io")
func f(key []byte, pw string) {
	block, _ := aes.NewCipher(key)
	gcm, err := cipher.NewGCM(block)
	gcm.Seal(nil, []byte("0123456789ab"), nil, nil)
	h := md5.New()
	io.WriteString(h, pw)
	h.Sum(nil)
	_ = err
}"#);
    call(&f, "crypto/cipher.NewGCM().Seal");
    call(&f, "crypto/md5.New().Sum");
}

#[test]
fn deep_nesting_and_broken_code_do_not_overflow_or_panic() {
    survives_nesting(
        FileKind::Go,
        "main.go",
        3000,
        &[
            ["package p\nvar x = ", "(", ")", "\n"],
            ["package p\nfunc f() {", "{", "}", "}\n"],
            ["package p\nvar x = ", "f(", ")", "\n"],
            ["package p\nvar x = ", "[]T{", "}", "\n"],
            ["package p\nvar x = []T{", "{", "}", "}\n"],
            ["package p\nfunc f() {", "if a {", "}", "}\n"],
        ],
    );
    for code in [
        "package",
        "func (",
        "var x = [",
        "import \"",
        "package p\nfunc f() { x := }",
    ] {
        let _ = go(code);
    }
}

#[test]
fn generated_code_is_recognised_by_its_header_only() {
    use super::generated;
    assert!(generated(
        "// Code generated by protoc-gen-go. DO NOT EDIT.\n// source: a.proto\n\npackage a\n"
    ));
    assert!(generated(
        "// Copyright 2024\n\n// Code generated by gen-api. DO NOT EDIT.\n\npackage ec2\n"
    ));
    // After the package clause it is only a comment; without the exact ending it is prose.
    assert!(!generated(
        "package a\n\n// Code generated by hand. DO NOT EDIT.\n"
    ));
    assert!(!generated(
        "// Code generated by a tool; edit freely.\npackage a\n"
    ));
}
