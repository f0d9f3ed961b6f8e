//! The split release build (`make dist`, `--cfg wasm_split`) links the editor with its
//! relocations, which scripts/split.mjs needs to cut it into chunks. The office worker is never
//! split, so it is linked as usual and wasm-opt can shrink it.
fn main() {
    println!("cargo::rerun-if-env-changed=CARGO_CFG_WASM_SPLIT");
    if std::env::var_os("CARGO_CFG_WASM_SPLIT").is_some() {
        println!("cargo::rustc-link-arg-bin=igf-proposal-editor=--emit-relocs");
    }
}
