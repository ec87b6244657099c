//! Integration tests: the real `gazette` binary on small fixture projects.

mod assets;
mod boundaries;
mod build;
mod check;
mod check_plain;
mod command_line;
mod content;
mod errors;
mod escaping;
mod fuzz_regressions;
mod incremental;
mod intl;
mod limits;
mod links;
mod listings;
mod pages;
mod properties;
mod records;
mod scaffold;
mod serve;
mod share;
mod snapshots;
mod status;
mod support;
mod sync;
mod workflows;
