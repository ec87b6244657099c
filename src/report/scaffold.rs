//! What `init`, `new`, `mv` and `rm` made, moved or removed, and what to do next.

use std::fmt::Write;

use super::terminal::{count, shown_lines};
use crate::check::diagnostic::slash_path;
use crate::scaffold::Initialised;

/// What `gazette init` wrote into `dir`, what is left to do, and the next commands (`cd` to
/// the project first when it was `init DIR`'s `DIR`, not the current folder).
pub fn initialised(dir: &std::path::Path, named: bool, done: &Initialised, source: &str) -> String {
    let mut out = format!(
        "created a gazette project in {}: {}\n",
        dir.display(),
        count(done.files.len(), "file")
    );
    for file in &done.files {
        let _ = writeln!(out, "  {}", slash_path(file));
    }
    for file in &done.kept {
        let _ = write!(out, "kept {} as it was", slash_path(file));
        if file.as_os_str() == ".gitignore" {
            let ignored: Vec<&str> = crate::scaffold::GITIGNORE
                .lines()
                .filter(|l| !l.starts_with('#'))
                .collect();
            let _ = write!(out, ": add to it {}", ignored.join(", "));
        }
        out.push('\n');
    }
    let shipped = crate::scaffold::shipped_languages().join(", ");
    if done.stand_in_source {
        let _ = writeln!(
            out,
            "note: gazette ships texts in {shipped}, not in `{source}`: write the English of \
             locales/{source}/ in {source}"
        );
    }
    if !done.stubbed.is_empty() {
        let langs = done.stubbed.join(", ");
        let _ = writeln!(
            out,
            "note: gazette ships texts in {shipped}, not in {langs}: translate the stubs in \
             locales/ (`gazette check` fails until then)"
        );
    }
    out.push_str("next:\n");
    if named {
        let _ = writeln!(out, "  cd {}", dir.display());
    }
    out.push_str("  gazette serve         preview the site in your browser\n");
    out.push_str("  gazette new <slug>    start an article\n");
    shown_lines(&out).into_owned()
}

/// The files `gazette new` wrote, and how the targets get the article.
pub fn new_article(files: &[std::path::PathBuf], targets: &[String]) -> String {
    let mut out = String::new();
    for file in files {
        let _ = writeln!(out, "created {}", slash_path(file));
    }
    if !targets.is_empty() {
        let _ = writeln!(
            out,
            "next: write the article, then `gazette sync --all` adds it to {} as stubs to translate",
            targets.join(", ")
        );
    }
    shown_lines(&out).into_owned()
}

/// What `gazette rm` or `gazette mv` did, one line per file.
pub fn article_files(done: &[(std::path::PathBuf, Option<std::path::PathBuf>)]) -> String {
    let mut out = String::new();
    for (from, to) in done {
        let _ = match to {
            Some(to) => writeln!(out, "renamed {} -> {}", slash_path(from), slash_path(to)),
            None => writeln!(out, "removed {}", slash_path(from)),
        };
    }
    out
}
