//! Every input under `tests/fuzz-regressions/<target>/` through the very code of that fuzz
//! target (`fuzz/src/lib.rs`, included here), so that `cargo test` keeps each crash, hang and
//! out-of-memory the fuzzer (`scripts/fuzz`) or a person ever found fixed, without libFuzzer.

use std::fs;
use std::time::{Duration, Instant};

use super::support::repo_root;

#[path = "../../fuzz/src/lib.rs"]
mod targets;

/// Feed each file of a target's folder to it; each must finish, and quickly (libFuzzer's
/// `-timeout=2` is for an optimised build; a debug build gets more room).
fn replay(target: &str, run: fn(&[u8])) {
    let dir = repo_root().join("tests/fuzz-regressions").join(target);
    let mut inputs: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "no inputs in {}", dir.display());
    for input in inputs {
        let bytes = fs::read(&input).unwrap();
        let started = Instant::now();
        run(&bytes);
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{}: {:?}",
            input.display(),
            started.elapsed()
        );
    }
}

#[test]
fn ftl_check() {
    replay("ftl_check", targets::ftl_check);
}

#[test]
fn article_toml() {
    replay("article_toml", targets::article_toml);
}

#[test]
fn project() {
    replay("project", targets::project);
}
