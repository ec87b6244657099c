//! The shape of the code, checked on its text: functions short enough to read at a glance.
//! (Both checks read `src/` as text: no tool to install, and a failure names the place.)

use std::fs;
use std::path::{Path, PathBuf};

/// The longest a function of `src/` may be, in lines, from its `fn` line to its closing brace.
const MAX_FUNCTION_LINES: usize = 80;

/// Every `.rs` file of `src/`, sorted.
fn source_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    sources(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut files,
    );
    files.sort();
    files
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every function of `text` with a body: (name, first line number, lines). A body ends at the
/// first line that is the `fn` line's indentation followed by `}` (rustfmt's layout).
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let Some(at) = trimmed.find("fn ") else {
            continue;
        };
        let head = &trimmed[..at];
        let is_fn = head
            .split_whitespace()
            .all(|w| ["pub", "const", "async", "unsafe"].contains(&w) || w.starts_with("pub("));
        if !is_fn || trimmed.ends_with(';') || trimmed.ends_with("{}") {
            continue;
        }
        let name: String = trimmed[at + 3..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let indent = &line[..line.len() - trimmed.len()];
        let close = format!("{indent}}}");
        if let Some(end) = (i..lines.len()).find(|&j| lines[j] == close) {
            found.push((name, i + 1, end - i + 1));
        }
    }
    found
}

#[test]
fn no_function_is_longer_than_80_lines() {
    let files = source_files();
    let mut long = Vec::new();
    for file in &files {
        for (name, line, len) in functions(&fs::read_to_string(file).unwrap()) {
            if len > MAX_FUNCTION_LINES {
                let rel = file.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap();
                long.push(format!("{}:{line}: `{name}` is {len} lines", rel.display()));
            }
        }
    }
    assert!(
        long.is_empty(),
        "split these functions:\n{}",
        long.join("\n")
    );
}

#[test]
fn functions_are_measured_from_fn_to_closing_brace() {
    let text = "fn a() {\n    x();\n}\n\n    pub(crate) fn b(\n        y: u8,\n    ) -> u8 {\n        y\n    }\n    fn c();\n    fn d() {}\n";
    assert_eq!(
        functions(text),
        [("a".to_owned(), 1, 3), ("b".to_owned(), 5, 5)]
    );
}

/// The pipeline's layers, first to last: a module may use modules of its own layer or an
/// earlier one, never a later one (an arrow back up the pipeline). Keyed by the first part
/// of the module path.
const LAYERS: &[&[&str]] = &[
    &["error"],
    // The cache's files and the writers' lock: plumbing every stage may use.
    &["store", "project_lock", "guard"],
    // Parse: text -> facts with positions.
    &["ftl", "markup", "content", "records", "media"],
    // Fluent bundles with CLDR numbers and dates, used by the checks and the editions.
    &["intl"],
    // Load: the settings, the project read into memory.
    &["config", "discover", "stamp", "project"],
    &["check"],
    &["localise"],
    &["render"],
    &["write"],
    // Orchestration and the incremental build, beside the stages.
    &["build"],
    &["sync"],
    // A new project's or article's first files (stubs through `sync`).
    &["scaffold"],
    // Every user-facing text.
    &["report", "sarif"],
    // The preview server: builds through `build`, the failed build's page from `report`.
    &["serve"],
];

fn layer(module: &str) -> usize {
    let top = module.split("::").next().unwrap_or(module);
    LAYERS
        .iter()
        .position(|l| l.contains(&top))
        .unwrap_or_else(|| panic!("module `{top}` is in no layer of tests/shape.rs"))
}

/// `src/a/b.rs` -> `a::b`; `src/a/mod.rs` -> `a`.
fn module_of(path: &Path) -> String {
    let rel = path
        .strip_prefix(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))
        .unwrap()
        .with_extension("");
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .filter(|c| c != "mod")
        .collect();
    parts.join("::")
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_')
}

/// The top modules a file's code names through `crate::` (in `use` lines, grouped or not, and
/// in paths), comments left out.
fn uses(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                found.extend(
                    group
                        .split([',', '}'])
                        .map(|s| s.trim().split("::").next().unwrap_or("").to_owned())
                        .filter(|s| is_name(s) && s != "self"),
                );
            } else {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                found.push(name);
            }
        }
    }
    // A `use crate::{` group over several lines.
    let mut in_group = false;
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("").trim();
        if code.starts_with("use crate::{") && !code.contains('}') {
            in_group = true;
            continue;
        }
        if in_group {
            if code.starts_with('}') {
                in_group = false;
            } else {
                let name = code.split("::").next().unwrap_or("").trim_end_matches(',');
                if is_name(name) {
                    found.push(name.to_owned());
                }
            }
        }
    }
    found
}

#[test]
fn every_import_points_down_the_pipeline() {
    let files = source_files();
    let mut upward = Vec::new();
    for file in &files {
        let module = module_of(file);
        // The binary's modules: the command line is above every stage.
        if ["lib", "main", "cli"].contains(&module.as_str()) || module.starts_with("cli::") {
            continue;
        }
        let own = layer(&module);
        for used in uses(&fs::read_to_string(file).unwrap()) {
            if used != module.split("::").next().unwrap() && layer(&used) > own {
                upward.push(format!("{module} uses {used}"));
            }
        }
    }
    upward.sort();
    upward.dedup();
    assert!(
        upward.is_empty(),
        "imports running back up the pipeline:\n{}",
        upward.join("\n")
    );
}

/// No circle among the top modules: following imports never leads back to where it started.
#[test]
fn the_import_graph_has_no_circle() {
    use std::collections::{BTreeMap, BTreeSet};
    let files = source_files();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let module = module_of(file);
        let top = module.split("::").next().unwrap().to_owned();
        let edges = graph.entry(top.clone()).or_default();
        for used in uses(&fs::read_to_string(file).unwrap()) {
            if used != top {
                edges.insert(used);
            }
        }
    }
    // Depth-first, with the path walked so far: a module met again on it closes a circle.
    fn walk(
        graph: &BTreeMap<String, BTreeSet<String>>,
        at: &str,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|m| m == at) {
            let mut circle = path[i..].to_vec();
            circle.push(at.to_owned());
            return Some(circle);
        }
        if !done.insert(at.to_owned()) {
            return None;
        }
        path.push(at.to_owned());
        for next in graph.get(at).into_iter().flatten() {
            if let Some(circle) = walk(graph, next, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    for module in graph.keys() {
        if let Some(circle) = walk(&graph, module, &mut Vec::new(), &mut done) {
            panic!("imports go round: {}", circle.join(" -> "));
        }
    }
}

#[test]
fn uses_are_read_from_paths_and_groups_not_comments() {
    let text = "use crate::check::{Code, Report};\nuse crate::{error::Error, intl};\n// crate::build\nuse crate::{\n    project::Project,\n    store,\n};\nlet x = crate::render::f(); // crate::sync\n";
    assert_eq!(
        uses(text),
        ["check", "error", "intl", "render", "project", "store"]
    );
}
