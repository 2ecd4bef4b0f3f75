//! Thin: parse the command line, run, and turn the outcome into an exit code.

// Parsing allocates millions of small nodes and frees them a file later; glibc's allocator
// spent over half the time of a 9 MB bundle in malloc/free and consolidation (perf), mimalloc
// does not.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// tree-sitter's C core allocates through its own hooks, glibc by default: its parse trees
/// go to mimalloc too (Terraform modules of a few hundred bytes each spent a tenth of their
/// time in glibc's malloc and free). Like tree-sitter's own defaults, these abort when memory
/// runs out rather than hand it a null pointer.
mod tree_sitter_alloc {
    use std::ffi::c_void;

    fn non_null(p: *mut c_void, size: usize) -> *mut c_void {
        if p.is_null() && size != 0 {
            std::process::abort();
        }
        p
    }

    unsafe extern "C" fn malloc(size: usize) -> *mut c_void {
        // SAFETY: mi_malloc has malloc's contract.
        non_null(unsafe { libmimalloc_sys::mi_malloc(size) }, size)
    }

    unsafe extern "C" fn calloc(n: usize, size: usize) -> *mut c_void {
        let Some(total) = n.checked_mul(size) else {
            std::process::abort();
        };
        // SAFETY: mi_zalloc has malloc's contract and zeroes the block.
        non_null(unsafe { libmimalloc_sys::mi_zalloc(total) }, total)
    }

    unsafe extern "C" fn realloc(p: *mut c_void, size: usize) -> *mut c_void {
        // SAFETY: `p` came from these functions (tree-sitter frees and grows only its own).
        non_null(unsafe { libmimalloc_sys::mi_realloc(p, size) }, size)
    }

    unsafe extern "C" fn free(p: *mut c_void) {
        // SAFETY: as for `realloc`.
        unsafe { libmimalloc_sys::mi_free(p) }
    }

    pub fn install() {
        // SAFETY: called first thing in main, before any tree-sitter object exists and before
        // other threads start; the four functions are one allocator family, and mimalloc's
        // blocks are aligned at least as malloc's are.
        unsafe {
            tree_sitter::set_allocator(Some(tree_sitter::Allocator {
                malloc,
                calloc,
                realloc,
                free,
            }));
        }
    }
}

fn main() {
    tree_sitter_alloc::install();
    let code = cleartext::cli::main();
    std::process::exit(code);
}
