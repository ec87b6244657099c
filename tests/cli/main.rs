//! Integration tests: the real `gazette` binary on small fixture projects.

mod bounds;
mod build;
mod check;
mod contract;
mod conventions;
mod editors;
mod errors;
mod fuzz_regressions;
mod hostile;
mod incremental;
mod names;
mod newsroom;
mod properties;
mod publish;
mod reader;
mod records;
mod scaffold;
mod serve;
mod share;
mod support;
mod wild;
mod workflows;
mod world;
