//! Thin: parse the command line, run, and turn the outcome into an exit code.

fn main() {
    let code = cleartext::cli::main();
    std::process::exit(code);
}
