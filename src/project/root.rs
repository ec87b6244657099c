//! Where a project is: its root, found upward from the folder a command runs in.

use std::fs;
use std::path::{Path, PathBuf};

use crate::config::CONFIG_FILE;
use crate::discover;
use crate::error::{Error, Result};

/// What makes a folder a project's root for a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Discovery {
    /// `gazette.toml` only: the commands that build a site or write into the project (a Hugo
    /// or Zola site has a `content/` folder too, and must never be taken for one).
    Settings,
    /// Also a Fluent project's layout ([`project_marker`]): `check` and `status`, which only
    /// read.
    Layout,
}

/// The root of the project that `start` is in, as cargo and git find theirs: the nearest
/// folder, `start` or above, that holds `gazette.toml`, or with [`Discovery::Layout`] one of
/// the other markers of [`project_marker`] (`start` also when it holds a source language's
/// folder). `start` itself is returned as it was spelt.
pub fn find_root(start: &Path, discovery: Discovery) -> Result<PathBuf> {
    let is_root = |dir: &Path| match discovery {
        Discovery::Settings => dir.join(CONFIG_FILE).exists(),
        Discovery::Layout => project_marker(dir).is_some(),
    };
    // Language folders at the root (`en-US/`, `de/`) make a project only where gazette is
    // started: above a folder of languages, they would take it for the project.
    let languages_here = discovery == Discovery::Layout && discover::holds_languages(start);
    if is_root(start) || languages_here {
        return Ok(start.to_path_buf());
    }
    let absolute = fs::canonicalize(start).map_err(|e| Error::io(start, e))?;
    absolute
        .ancestors()
        .find(|dir| is_root(dir))
        .map(Path::to_path_buf)
        .ok_or_else(|| Error::Layout {
            message: "not in a gazette project: no gazette.toml here or in any folder above; \
                      run `gazette init` to start one"
                .into(),
            path: absolute,
        })
}

/// What makes `dir` a project's root, if anything: `gazette.toml`, else (the settings are
/// optional) what any Fluent project gazette checks has: Mozilla's `l10n.toml`, or a folder
/// of language folders (`locales/`, `i18n/`, `l10n/`; Hugo's `i18n/` of `.toml` files is none).
pub fn project_marker(dir: &Path) -> Option<String> {
    if dir.join(CONFIG_FILE).exists() {
        Some(CONFIG_FILE.into())
    } else if dir.join(discover::L10N_TOML).is_file() {
        Some(discover::L10N_TOML.into())
    } else {
        discover::LAYOUTS
            .iter()
            .find(|f| holds_a_folder(&dir.join(f)))
            .map(|f| format!("{f}/"))
    }
}

/// `dir` is a folder with a folder in it.
pub(super) fn holds_a_folder(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_type().is_ok_and(|t| t.is_dir()))
    })
}
