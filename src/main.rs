fn main() {
    igf_proposal_editor::browser::rescue::install();
    leptos::mount::mount_to_body(igf_proposal_editor::App);
}
