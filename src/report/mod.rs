//! Every user-facing text, by command: the output formats of a check [`Report`] (human,
//! compiler-style; JSON, SPEC's contract; GitHub Actions annotations) and fatal errors in
//! `diagnostics`; the coverage table of `status`; what `sync` did or would do; the summary of
//! `build`; what `init`, `new`, `mv` and `rm` made. Pure functions returning strings; `cli`
//! prints them. Every text from an input goes through [`shown`] on its way to a terminal
//! (`terminal` holds it, with the colours and counts every command's text uses).
//!
//! [`Report`]: crate::check::Report

mod build;
mod diagnostics;
mod scaffold;
mod status;
mod sync;
mod terminal;

pub use build::build_summary;
pub use diagnostics::{
    diagnostics_human, fatal, github, human, json, placed, summary_line, JsonReport, JsonSummary,
    Placed,
};
pub use scaffold::{article_files, initialised, new_article};
pub use status::{status_human, status_json};
pub use sync::{sync_plan, sync_which_language};
pub use terminal::{count, shown, shown_lines};
