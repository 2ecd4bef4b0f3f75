//! Thin: parse the command line, run, and turn the outcome into an exit code.

// Parsing allocates millions of small nodes and frees them a file later; glibc's allocator
// spent over half the time of a 9 MB bundle in malloc/free and consolidation (perf), mimalloc
// does not.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let code = cleartext::cli::main();
    std::process::exit(code);
}
