//! The shape of the code, checked on its text: functions short enough to read at a glance, files
//! short enough to hold in mind, and imports that run one way, file by file, down the pipeline.
//! (The checks read `src/` as text: no tool to install, and a failure names the place.)

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

/// The longest a file of `src/` may be, in lines.
const MAX_FILE_LINES: usize = 800;

#[test]
fn no_file_is_longer_than_800_lines() {
    let mut long = Vec::new();
    for file in source_files() {
        let lines = fs::read_to_string(&file).unwrap().lines().count();
        if lines > MAX_FILE_LINES {
            let rel = file.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap();
            long.push(format!("{}: {lines} lines", rel.display()));
        }
    }
    assert!(long.is_empty(), "split these files:\n{}", long.join("\n"));
}

/// The pipeline's layers, first to last: a file may use files of its own layer or an
/// earlier one, never a later one (an arrow back up the pipeline). Keyed by the first part
/// of the file's module path.
const LAYERS: &[&[&str]] = &[
    &["error"],
    // The cache's files and the writers' lock: plumbing every stage may use.
    &["store", "project_lock", "guard", "fingerprint"],
    // Parse: text -> facts with positions.
    &["ftl", "markup", "content", "records", "media"],
    // Fluent bundles with CLDR numbers and dates, used by the checks and the editions.
    &["intl"],
    // Load: the settings, the project read into memory.
    &["config", "discover", "stamp", "project"],
    &["check"],
    &["localise"],
    // Plan: where each page goes and what it links to.
    &["plan"],
    &["render"],
    &["write"],
    // The incremental build, beside the stages: reuse or redo, the cache.
    &["incremental"],
    &["sync"],
    // A new project's or article's first files (stubs through `sync`).
    &["scaffold"],
    // Operations: one module per command, from the loaded project to its outcome.
    &["ops"],
    // Every user-facing text.
    &["report", "sarif"],
    // The preview server: builds through `ops::build`, the failed build's page from `report`.
    &["serve"],
];

fn layer(module: &str) -> usize {
    let top = module.split("::").next().unwrap_or(module);
    LAYERS
        .iter()
        .position(|l| l.contains(&top))
        .unwrap_or_else(|| panic!("module `{top}` is in no layer of tests/shape.rs"))
}

/// The binary's files (`main.rs`, `cli.rs`, `cli/`): the command line, above every stage,
/// reaching the library as `gazette::`.
fn is_binary(module: &str) -> bool {
    module == "main" || module == "cli" || module.starts_with("cli::")
}

/// `src/a/b.rs` -> `a::b`; `src/a/mod.rs` -> `a`; `src/lib.rs` -> `lib`.
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

/// A path a file names, from the file's own module: `crate::a::B` or `super::c` as written,
/// `use` trees expanded to one path per leaf.
type Named = Vec<String>;

/// What one file names: every path of its code (`use` leaves, expressions, types, macro
/// arguments), and what it re-exports (`pub use`: the name it is known by, the path).
#[derive(Default, Debug, PartialEq)]
struct Names {
    paths: Vec<Named>,
    reexports: Vec<(String, Named)>,
}

/// The names of a file's code; test modules (`#[cfg(test)]`) are left out, as their
/// `super::*` is the file itself.
fn names_of(text: &str) -> Names {
    use syn::visit::Visit;
    let file = syn::parse_file(text).expect("src/ parses as Rust");
    let mut names = Names::default();
    names.visit_file(&file);
    names
}

/// Every leaf of a `use` tree, with the name it binds (`as` renames it).
fn leaves(tree: &syn::UseTree, prefix: &mut Named, out: &mut Vec<(String, Named)>) {
    match tree {
        syn::UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            leaves(&p.tree, prefix, out);
            prefix.pop();
        }
        syn::UseTree::Name(n) if n.ident == "self" => {
            out.push((prefix.last().cloned().unwrap_or_default(), prefix.clone()));
        }
        syn::UseTree::Name(n) => {
            let mut path = prefix.clone();
            path.push(n.ident.to_string());
            out.push((n.ident.to_string(), path));
        }
        syn::UseTree::Rename(r) => {
            let mut path = prefix.clone();
            path.push(r.ident.to_string());
            out.push((r.rename.to_string(), path));
        }
        syn::UseTree::Glob(_) => out.push(("*".to_owned(), prefix.clone())),
        syn::UseTree::Group(g) => g.items.iter().for_each(|t| leaves(t, prefix, out)),
    }
}

/// The `a::b::c` runs of a macro's tokens, which syn leaves unparsed.
fn token_paths(tokens: proc_macro2::TokenStream, out: &mut Vec<Named>) {
    use proc_macro2::TokenTree;
    let mut run: Named = Vec::new();
    let mut colons = 0;
    for token in tokens {
        match token {
            TokenTree::Ident(i) if run.is_empty() || colons == 2 => {
                run.push(i.to_string());
                colons = 0;
                continue;
            }
            TokenTree::Punct(p) if p.as_char() == ':' && !run.is_empty() && colons < 2 => {
                colons += 1;
                continue;
            }
            TokenTree::Group(g) => token_paths(g.stream(), out),
            _ => {}
        }
        if run.len() > 1 {
            out.push(std::mem::take(&mut run));
        }
        run.clear();
        colons = 0;
    }
    if run.len() > 1 {
        out.push(run);
    }
}

impl<'ast> syn::visit::Visit<'ast> for Names {
    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        let test = m.attrs.iter().any(|a| {
            a.path().is_ident("cfg") && a.parse_args::<syn::Ident>().is_ok_and(|i| i == "test")
        });
        if !test {
            syn::visit::visit_item_mod(self, m);
        }
    }
    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        let mut found = Vec::new();
        leaves(&u.tree, &mut Vec::new(), &mut found);
        let public = !matches!(u.vis, syn::Visibility::Inherited);
        for (name, path) in found {
            if public {
                self.reexports.push((name, path.clone()));
            }
            self.paths.push(path);
        }
    }
    fn visit_path(&mut self, p: &'ast syn::Path) {
        if p.segments.len() > 1 {
            let path = p.segments.iter().map(|s| s.ident.to_string()).collect();
            self.paths.push(path);
        }
        syn::visit::visit_path(self, p);
    }
    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        token_paths(m.tokens.clone(), &mut self.paths);
        syn::visit::visit_macro(self, m);
    }
}

/// The files of `src/` as modules, with what each names, to follow a path to the file that
/// defines its item.
struct Crate {
    files: std::collections::BTreeMap<String, Names>,
}

impl Crate {
    fn read() -> Crate {
        let files = source_files()
            .iter()
            .map(|f| (module_of(f), names_of(&fs::read_to_string(f).unwrap())))
            .collect();
        Crate { files }
    }

    /// The crate root's file for a file: `main` for the binary's, `lib` for the library's.
    fn root(module: &str) -> &'static str {
        if is_binary(module) {
            "main"
        } else {
            "lib"
        }
    }

    fn is_module(&self, module: &str) -> bool {
        !module.is_empty() && self.files.contains_key(module)
    }

    /// The file that defines what `path`, named in `module`'s file, points to: `crate::`,
    /// `gazette::`, `super::`, `self::` and child modules followed, `pub use` re-exports
    /// followed to the file they come from. None for other crates' paths and local names.
    fn resolve(&self, module: &str, path: &[String]) -> Option<String> {
        let join = |base: &str, name: &str| {
            if base.is_empty() {
                name.to_owned()
            } else {
                format!("{base}::{name}")
            }
        };
        let own = if ["lib", "main"].contains(&module) {
            ""
        } else {
            module
        };
        let root = if path[0] == "gazette" {
            "lib"
        } else {
            Self::root(module)
        };
        let (mut at, rest) = match path.first()?.as_str() {
            "crate" | "gazette" => (String::new(), &path[1..]),
            "self" => (own.to_owned(), &path[1..]),
            "super" => {
                let mut at = own.to_owned();
                let mut rest = path;
                while rest.first().is_some_and(|s| s == "super") {
                    at = at
                        .rsplit_once("::")
                        .map_or(String::new(), |(p, _)| p.to_owned());
                    rest = &rest[1..];
                }
                (at, rest)
            }
            first if self.is_module(&join(own, first)) => (own.to_owned(), path),
            _ => return None,
        };
        for (i, name) in rest.iter().enumerate() {
            let next = join(&at, name);
            if self.is_module(&next) {
                at = next;
                continue;
            }
            let file = if at.is_empty() { root } else { at.as_str() };
            let exported = self.files.get(file).and_then(|n| {
                n.reexports
                    .iter()
                    .find(|(as_name, _)| as_name == name)
                    .map(|(_, p)| p.iter().chain(&rest[i + 1..]).cloned().collect::<Named>())
            });
            if let Some(target) = exported {
                return self.resolve(file, &target);
            }
            break;
        }
        Some(if at.is_empty() { root.to_owned() } else { at })
    }

    /// Each file's imports: the other files its code names, through `use` lines, paths,
    /// names bound by `use` (`use crate::media; media::derive(..)`) and re-exports.
    fn graph(&self) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
        let mut graph = std::collections::BTreeMap::new();
        for (module, names) in &self.files {
            let mut bound = std::collections::BTreeMap::new();
            for path in &names.paths {
                if let (Some(last), Some(file)) = (path.last(), self.resolve(module, path)) {
                    if file.rsplit("::").next() == Some(last.as_str()) {
                        bound.insert(last.clone(), path.clone());
                    }
                }
            }
            let edges: &mut std::collections::BTreeSet<String> =
                graph.entry(module.clone()).or_default();
            for path in &names.paths {
                let target = match bound.get(&path[0]) {
                    Some(head) if path.len() > 1 => {
                        let full: Named = head.iter().chain(&path[1..]).cloned().collect();
                        self.resolve(module, &full)
                    }
                    _ => self.resolve(module, path),
                };
                if let Some(file) = target.filter(|f| f != module) {
                    edges.insert(file);
                }
            }
        }
        graph
    }
}

#[test]
fn every_import_points_down_the_pipeline() {
    let graph = Crate::read().graph();
    let mut upward = Vec::new();
    for (module, uses) in &graph {
        // The binary's files: the command line is above every stage.
        if module == "lib" || is_binary(module) {
            continue;
        }
        let own = layer(module);
        for used in uses {
            if used != "lib" && layer(used) > own {
                upward.push(format!("{module} uses {used}"));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports running back up the pipeline:\n{}",
        upward.join("\n")
    );
}

/// No circle among the files: following imports never leads back to where it started. Each
/// circle is told as its files (those that reach one another) and their imports among them.
#[test]
fn the_import_graph_has_no_circle() {
    use std::collections::{BTreeMap, BTreeSet};
    let graph = Crate::read().graph();
    fn reach(graph: &BTreeMap<String, BTreeSet<String>>, from: &str) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.to_owned()];
        while let Some(at) = todo.pop() {
            for next in graph.get(&at).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    todo.push(next.clone());
                }
            }
        }
        seen
    }
    let reached: BTreeMap<&String, BTreeSet<String>> =
        graph.keys().map(|m| (m, reach(&graph, m))).collect();
    let mut told = BTreeSet::new();
    let mut circles = Vec::new();
    for (module, from) in &reached {
        if !from.contains(*module) || told.contains(*module) {
            continue;
        }
        let circle: BTreeSet<&String> = from
            .iter()
            .filter(|other| reached.get(other).is_some_and(|r| r.contains(*module)))
            .collect();
        let imports: Vec<String> = circle
            .iter()
            .map(|m| {
                let within: Vec<&str> = graph[*m]
                    .iter()
                    .filter(|u| circle.contains(u))
                    .map(String::as_str)
                    .collect();
                format!("  {m} -> {}", within.join(", "))
            })
            .collect();
        told.extend(circle.iter().map(|m| (*m).clone()));
        circles.push(imports.join("\n"));
    }
    assert!(
        circles.is_empty(),
        "imports go round:\n{}",
        circles.join("\n\n")
    );
}

/// Fixtures for the import graph: a folder's `mod.rs` re-exporting a child's item, a child
/// naming its parent through `super::`, a module bound by `use` and named later, a test module.
#[test]
fn paths_are_followed_to_the_file_that_defines_them() {
    let files = [
        ("lib", "pub mod a;\npub mod b;"),
        ("a", "mod x;\nmod y;\npub use x::{Made as Done, Other};\npub struct Here;\nfn f() { y::g(); }"),
        ("a::x", "pub struct Made;\npub struct Other;\n#[cfg(test)]\nmod tests { use super::*; use crate::b::B; }"),
        ("a::y", "use super::Here;\npub fn g() { let _ = format!(\"{:?}\", crate::a::Done); }"),
        ("b", "use crate::a;\n// crate::a::y\npub struct B(a::Other);\nfn s() -> &'static str { \"crate::a::y\" }"),
    ];
    let krate = Crate {
        files: files
            .iter()
            .map(|(m, t)| ((*m).to_owned(), names_of(t)))
            .collect(),
    };
    let graph = krate.graph();
    let edges = |m: &str| graph[m].iter().map(String::as_str).collect::<Vec<_>>();
    assert_eq!(edges("a"), ["a::x", "a::y"]);
    assert_eq!(edges("a::x"), Vec::<&str>::new());
    assert_eq!(edges("a::y"), ["a", "a::x"]);
    assert_eq!(edges("b"), ["a", "a::x"]);
}
