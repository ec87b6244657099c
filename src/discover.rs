//! Where a Fluent project keeps its languages, when `gazette.toml` does not say: Mozilla's
//! `l10n.toml` (what compare-locales reads), else the common layouts (`locales/<lang>/`,
//! `i18n/<lang>/`, `l10n/<lang>/`, `<lang>/` at the root), and which folder is the source.
//!
//! The source folder must exist (loading refuses a project without it, listing the languages
//! found): checking against the wrong language would be a silent wrong answer.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::config::{self, clean_path, Config};
use crate::error::{Error, Result};

/// Mozilla's project configuration, at the project root.
pub const L10N_TOML: &str = "l10n.toml";

/// Folders that hold one folder per language, in the order they are looked for.
pub const LAYOUTS: [&str; 3] = ["locales", "i18n", "l10n"];

/// Source languages found by name when none is chosen, in order.
const SOURCES: [&str; 2] = ["en-US", "en"];

/// What gazette reads of an `l10n.toml` (other keys are compare-locales' business).
#[derive(Debug, Default, Deserialize)]
struct L10nToml {
    basepath: Option<String>,
    locales: Option<Vec<String>>,
    #[serde(default)]
    paths: Vec<L10nPaths>,
    /// Other configurations whose files this project leaves to them.
    #[serde(default)]
    excludes: Vec<Child>,
    #[serde(default)]
    filters: Vec<Filter>,
}

#[derive(Debug, Deserialize)]
struct Child {
    path: String,
}

/// `[[filters]]`: gazette applies `action = "ignore"` on whole files (no `key`).
#[derive(Debug, Deserialize)]
struct Filter {
    path: OneOrMany,
    action: String,
    key: Option<toml::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug, Deserialize)]
struct L10nPaths {
    reference: Option<String>,
    l10n: String,
}

/// A project file's text, by its path relative to the project root (read by `project`).
pub type Read<'a> = &'a dyn Fn(&Path) -> Result<String>;

/// Fill in the layout `config` leaves to the project: the settings of `l10n.toml`, the folder
/// of languages and the source language. `site`: the project has a `content/` folder.
pub fn resolve(root: &Path, config: &mut Config, site: bool, read: Read) -> Result<()> {
    if !config.locales_given && root.join(L10N_TOML).is_file() {
        read_l10n_toml(&read(Path::new(L10N_TOML))?, config, read)?;
    }
    if !config.locales_given && !root.join(&config.locales).is_dir() {
        if let Some(found) = find_locales(root, config) {
            config.locales = found;
        }
    }
    if !config.source_given && !site {
        find_source(root, config);
    }
    regional_source(root, config);
    Ok(())
}

/// A source named by its language alone (`--source en`) is the folder of that language's one
/// regional variant when it has no folder of its own (`en-US/`), as `en` is its language.
fn regional_source(root: &Path, config: &mut Config) {
    let dir = root.join(&config.locales);
    if dir.join(&config.source).is_dir() || config.source.contains('-') {
        return;
    }
    let prefix = format!("{}-", config.source);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let variants: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| name.starts_with(&prefix))
        .collect();
    if let [only] = variants.as_slice() {
        config.source = only.clone();
    }
}

/// Does `dir` hold a folder named as a source language gazette finds by name (or `fr`, its
/// default): language folders at a project's root?
pub fn holds_languages(dir: &Path) -> bool {
    SOURCES
        .iter()
        .chain(&[config::DEFAULT_SOURCE])
        .any(|lang| dir.join(lang).is_dir())
}

/// `locales/`, `i18n/`, `l10n/`, or the root itself when it holds language folders.
fn find_locales(root: &Path, config: &Config) -> Option<PathBuf> {
    let mut wanted = SOURCES.to_vec();
    if config.source_given {
        wanted.insert(0, config.source.as_str());
    }
    LAYOUTS
        .iter()
        .map(PathBuf::from)
        .find(|dir| root.join(dir).is_dir())
        .or_else(|| {
            let root_holds = wanted.iter().any(|lang| root.join(lang).is_dir());
            root_holds.then(PathBuf::new)
        })
}

/// The source of a plain Fluent project: its `en-US` or `en` folder when it has one, else
/// gazette's default (`fr`), which loading requires to exist.
fn find_source(root: &Path, config: &mut Config) {
    let dir = root.join(&config.locales);
    if let Some(found) = SOURCES.iter().find(|lang| dir.join(lang).is_dir()) {
        config.source = (*found).to_owned();
    }
}

/// A folder as messages name it: the project root is `.`.
pub(crate) fn shown(path: &Path) -> PathBuf {
    if path.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        path.to_path_buf()
    }
}

/// Take the folder of languages, the source and the targets from `l10n.toml`'s `[[paths]]`
/// (`reference = "locales/en-US/**"`, `l10n = "locales/{locale}/**"`) and `locales`.
fn read_l10n_toml(text: &str, config: &mut Config, read: Read) -> Result<()> {
    let rel = Path::new(L10N_TOML);
    let bad = |message: String| Error::Config {
        path: rel.to_path_buf(),
        message,
    };
    let file = parse_l10n_toml(text, rel)?;
    let base = clean_path(PathBuf::from(file.basepath.as_deref().unwrap_or(".")));
    let mut found: Option<(PathBuf, Option<String>)> = None;
    for (n, paths) in file.paths.iter().enumerate() {
        let here = split_pattern(&paths.l10n, paths.reference.as_deref())
            .map_err(|m| bad(format!("paths[{n}]: {m}")))?;
        match &found {
            Some(first) if first.0 != here.0 => {
                return Err(bad(format!(
                    "paths[{n}]: `{}` is in another folder than the first path's {}: gazette checks one folder of language folders",
                    paths.l10n,
                    shown(&first.0).display()
                )))
            }
            Some(_) => {}
            None => found = Some(here),
        }
    }
    let Some((folder, source)) = found else {
        return Err(bad(
            "no [[paths]] with an `l10n = \"<folder>/{locale}/**\"` pattern".into(),
        ));
    };
    config.exclude = excluded(&file, &folder, read)?;
    config.locales = clean_path(base.join(folder));
    config.locales_given = true;
    if let Some(source) = source.filter(|_| !config.source_given) {
        config::check_language_tag(&source).map_err(|m| bad(format!("reference: {m}")))?;
        config.source = source;
        config.source_given = true;
    }
    if let Some(locales) = file.locales.filter(|_| config.targets.is_none()) {
        for l in &locales {
            config::check_language_tag(l).map_err(|m| bad(format!("locales: {m}")))?;
        }
        config.targets = Some(locales);
    }
    Ok(())
}

fn parse_l10n_toml(text: &str, rel: &Path) -> Result<L10nToml> {
    toml::from_str(text).map_err(|e| Error::Config {
        path: rel.to_path_buf(),
        message: crate::content::describe_toml_error(text, &e),
    })
}

/// The files `[[excludes]]` (the `[[paths]]` of other configurations) and `[[filters]]` with
/// `action = "ignore"` leave out, as patterns within a language folder (`vendor/**`).
fn excluded(file: &L10nToml, folder: &Path, read: Read) -> Result<Vec<String>> {
    let mut patterns = Vec::new();
    for child in &file.excludes {
        let rel = clean_path(PathBuf::from(&child.path));
        let other = parse_l10n_toml(&read(&rel)?, &rel)?;
        patterns.extend(other.paths.iter().map(|p| p.l10n.clone()));
    }
    let ignored = file
        .filters
        .iter()
        .filter(|f| f.action == "ignore" && f.key.is_none());
    for filter in ignored {
        match &filter.path {
            OneOrMany::One(p) => patterns.push(p.clone()),
            OneOrMany::Many(ps) => patterns.extend(ps.iter().cloned()),
        }
    }
    let prefix = if folder.as_os_str().is_empty() {
        "{locale}/".to_owned()
    } else {
        format!("{}/{{locale}}/", folder.to_string_lossy())
    };
    Ok(patterns
        .iter()
        .filter_map(|p| p.strip_prefix(&prefix).map(str::to_owned))
        .collect())
}

/// `locales/{locale}/**` -> the folder before `{locale}`; with `reference =
/// "locales/en-US/**"`, the source language is the reference's folder at the same place.
fn split_pattern(
    l10n: &str,
    reference: Option<&str>,
) -> std::result::Result<(PathBuf, Option<String>), String> {
    let Some((prefix, _)) = l10n.split_once("{locale}") else {
        return Err(format!("`{l10n}` has no `{{locale}}`"));
    };
    if !(prefix.is_empty() || prefix.ends_with('/')) || prefix.contains(['{', '*']) {
        return Err(format!(
            "`{l10n}`: gazette reads paths of the form `<folder>/{{locale}}/…`"
        ));
    }
    let source = reference.and_then(|r| {
        let rest = r.strip_prefix(prefix)?;
        let lang = rest.split('/').next()?;
        (!lang.is_empty()).then(|| lang.to_owned())
    });
    Ok((clean_path(PathBuf::from(prefix)), source))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_name_the_folder_of_languages_and_the_source() {
        let (folder, source) =
            split_pattern("locales/{locale}/**", Some("locales/en-US/**")).unwrap();
        assert_eq!(
            (folder.as_path(), source.as_deref()),
            (Path::new("locales"), Some("en-US"))
        );
        let (folder, source) = split_pattern("{locale}/app.ftl", Some("en/app.ftl")).unwrap();
        assert_eq!(
            (folder.as_path(), source.as_deref()),
            (Path::new(""), Some("en"))
        );
        assert!(split_pattern("{l10n_base}/{locale}/**", None).is_err());
        assert!(split_pattern("locales/**", None).is_err());
    }

    #[test]
    fn excludes_and_ignore_filters_leave_files_out() {
        let main = "[[paths]]\nreference = \"l/en/**\"\nl10n = \"l/{locale}/**\"\n[[excludes]]\npath = \"other.toml\"\n[[filters]]\npath = [\"l/{locale}/old.ftl\", \"elsewhere/{locale}/x.ftl\"]\naction = \"ignore\"\n[[filters]]\npath = \"l/{locale}/keys.ftl\"\nkey = \"a\"\naction = \"ignore\"\n";
        let other = "[[paths]]\nl10n = \"l/{locale}/vendor/**\"\n";
        let read = |p: &Path| {
            assert_eq!(p, Path::new("other.toml"));
            Ok(other.to_owned())
        };
        let mut config = Config::parse("", Path::new("gazette.toml")).unwrap();
        read_l10n_toml(main, &mut config, &read).unwrap();
        assert_eq!(config.locales, Path::new("l"));
        assert_eq!(config.source, "en");
        assert_eq!(config.exclude, ["vendor/**", "old.ftl"]);
    }
}
