//! The office worker's entry: a Web Worker that reads word-processor files, converts pasted
//! HTML and writes the PDF, DOCX, HTML and Markdown exports for the editor (see
//! `browser::worker`). Loaded only when first needed.

fn main() {
    igf_proposal_editor::browser::worker::serve();
}
