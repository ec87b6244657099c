//! `gazette rm` and `gazette mv`: an article is files in several places (its content file, its
//! `.ftl` file in every language, their records in `gazette.lock.d/`); these remove or rename
//! all of them at once, and no other file.
//!
//! All or nothing: every file is renamed, one by one, either to its new name (`mv`) or into a
//! folder of `.gazette-cache/` deleted at the end (`rm`); when a rename fails, those done are
//! renamed back, so the project is as it was. The command holds the project lock (`cli`).

use std::fs;
use std::path::{Path, PathBuf};

use crate::check::Checker;
use crate::content;
use crate::error::{Error, Result};
use crate::project::Project;

/// What a command did to each file: removed (no new path) or renamed.
pub type Done = Vec<(PathBuf, Option<PathBuf>)>;

/// The files of the article `slug`, relative to the project root: its content file, its
/// `.ftl` file and its shard of records in each language, those that exist.
fn files_of(project: &Project, slug: &str) -> Vec<PathBuf> {
    let name = format!("{slug}.ftl");
    let content = project.config.content.join(format!("{slug}.toml"));
    let mut files: Vec<PathBuf> = Vec::new();
    if project.root.join(&content).is_file() {
        files.push(content);
    }
    for lang in project.locales.keys() {
        files.extend(project.file(lang, &name).map(|f| f.path.clone()));
        files.extend(project.shard(lang, &name).map(|s| s.path.clone()));
    }
    files
}

/// The files of the article `slug`, or an error when it is no article: a slug names an
/// article when its content file exists, or when the source language's `<slug>.ftl` is one a
/// deleted article left (`orphaned-article`). Anything else (`site`, a shared `menus/nav`, a
/// path out of the project) is refused before a file is touched.
fn existing(project: &Project, slug: &str) -> Result<Vec<PathBuf>> {
    let content = project
        .root
        .join(&project.config.content)
        .join(format!("{slug}.toml"));
    let article = content::is_valid_slug(slug)
        && (content.is_file() || Checker::new(project)?.is_orphaned(&format!("{slug}.ftl")));
    let files = if article {
        files_of(project, slug)
    } else {
        Vec::new()
    };
    if files.is_empty() {
        return Err(Error::Usage(format!(
            "no article `{slug}`: no {} and no `{slug}.ftl` left by a deleted article",
            project
                .config
                .content
                .join(format!("{slug}.toml"))
                .display()
        )));
    }
    Ok(files)
}

/// `gazette rm <slug>`: the article's files removed in every language.
pub fn remove(project: &Project, slug: &str) -> Result<Done> {
    let files = existing(project, slug)?;
    let trash = Path::new(crate::store::DIR).join(format!("rm-{}", std::process::id()));
    let moves: Vec<(PathBuf, PathBuf)> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.clone(), trash.join(i.to_string())))
        .collect();
    rename_all(&project.root, &moves)?;
    let _ = fs::remove_dir_all(project.root.join(&trash));
    Ok(files.into_iter().map(|f| (f, None)).collect())
}

/// `gazette mv <old> <new>`: the article's files renamed in every language; refused when a
/// file of the new name exists.
pub fn rename(project: &Project, old: &str, new: &str) -> Result<Done> {
    if !content::is_valid_slug(new) || new == "index" {
        return Err(Error::Usage(format!(
            "`{new}` is not a slug gazette can use: lowercase ASCII letters, digits and `-` (and not `index`)"
        )));
    }
    let files = existing(project, old)?;
    let moves: Vec<(PathBuf, PathBuf)> = files
        .iter()
        .map(|f| (f.clone(), renamed(f, old, new)))
        .collect();
    if let Some((_, taken)) = moves.iter().find(|(_, to)| project.root.join(to).exists()) {
        return Err(Error::Usage(format!(
            "{}: already exists: `{new}` is taken; nothing was renamed",
            taken.display()
        )));
    }
    rename_all(&project.root, &moves)?;
    Ok(moves.into_iter().map(|(f, t)| (f, Some(t))).collect())
}

/// `content/old.toml` -> `content/new.toml`, `locales/de/old.ftl` -> `locales/de/new.ftl`,
/// `gazette.lock.d/de/old.ftl.lock` -> `gazette.lock.d/de/new.ftl.lock`.
fn renamed(path: &Path, old: &str, new: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let rest = name.strip_prefix(old).unwrap_or(&name);
    path.with_file_name(format!("{new}{rest}"))
}

/// Rename every file, or none: a failed rename undoes those before it.
fn rename_all(root: &Path, moves: &[(PathBuf, PathBuf)]) -> Result<()> {
    for (i, (from, to)) in moves.iter().enumerate() {
        let target = root.join(to);
        let done = target
            .parent()
            .map_or(Ok(()), fs::create_dir_all)
            .and_then(|()| fs::rename(root.join(from), &target));
        if let Err(e) = done {
            for (back, moved) in moves[..i].iter().rev() {
                let _ = fs::rename(root.join(moved), root.join(back));
            }
            return Err(Error::io(from, e));
        }
    }
    Ok(())
}
