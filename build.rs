//! Embeds every `lints/*.toml` into the binary, so adding a lint is adding a file.

// A lint file that cannot be embedded must stop the build, loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=lints");
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("lints");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("lints/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let out_dir = env::var("OUT_DIR").unwrap();
    // Each file also as JSON: reading the catalog is most of a one-file run's start-up, and
    // serde_json reads the same structures several times faster than toml does.
    let mut out = String::from("pub static LINT_FILES: &[(&str, &str, &str)] = &[\n");
    for path in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path.file_name().unwrap().to_string_lossy();
        let text = fs::read_to_string(&path).unwrap();
        let value: toml::Value =
            toml::from_str(&text).unwrap_or_else(|e| panic!("lints/{name} is not valid TOML: {e}"));
        check_regexes(&name, &value);
        let json_path = Path::new(&out_dir).join(format!("{name}.json"));
        fs::write(&json_path, serde_json::to_string(&value).unwrap()).unwrap();
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?}), include_str!({:?})),\n",
            path.display().to_string(),
            json_path.display().to_string()
        ));
    }
    out.push_str("];\n");
    fs::write(Path::new(&out_dir).join("lints.rs"), out).unwrap();
}

/// Every `regex = "..."` in a lint file must parse: checked here, once, rather than at each
/// start-up (it was a tenth of a one-file run). Compiled on first use at run time.
fn check_regexes(name: &str, value: &toml::Value) {
    match value {
        toml::Value::Table(table) => {
            for (key, v) in table {
                if let ("regex", toml::Value::String(r)) = (key.as_str(), v) {
                    if let Err(e) = regex_syntax::Parser::new().parse(r) {
                        panic!("lints/{name}: bad regex {r:?}: {e}");
                    }
                }
                check_regexes(name, v);
            }
        }
        toml::Value::Array(items) => items.iter().for_each(|v| check_regexes(name, v)),
        _ => {}
    }
}
