//! Integration tests: the real `gazette` binary on small fixture projects.

mod build;
mod check;
mod editors;
mod errors;
mod fuzz_regressions;
mod hostile;
mod names;
mod properties;
mod publish;
mod records;
mod support;
