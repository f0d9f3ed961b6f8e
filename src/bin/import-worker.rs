//! The import worker's entry: a Web Worker that reads word-processor files and converts pasted
//! HTML for the editor (see `browser::worker`). Loaded only when first needed.

fn main() {
    igf_proposal_editor::browser::worker::serve();
}
