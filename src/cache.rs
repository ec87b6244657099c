//! The build cache: what the previous build of an output folder was made of, so the next one
//! checks, localises and renders only the articles whose inputs changed.
//!
//! For every article it keeps the fingerprint of the article's inputs (its content file, its
//! own `.ftl` file in every language and their `gazette.lock` records), the findings of its
//! run of the checks, and what indexes, feeds and the sitemap need of its editions. One
//! fingerprint covers what every page depends on (configuration, templates, shared files,
//! options, gazette's version): when it changes, everything is done again. The cache lives in
//! `.gazette-cache/` at the project root and names the output it describes by the identity of
//! that output's marker file (inode and modification time, renewed by every build that
//! changes the output), so a deleted, foreign or restored `out/` is never trusted.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

use crate::check::Findings;
use crate::error::{Error, Result};
use crate::localise::Listing;
use crate::project::{ArticleFile, Project};

/// Folder of the cache, at the project root.
pub const DIR: &str = ".gazette-cache";

/// What a build left for the next one.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Cache {
    /// The identity of the marker of the output this cache describes.
    pub output: String,
    /// Fingerprint of what every article's findings depend on ([`checks`]).
    pub checks: String,
    /// Fingerprint of what every article's pages depend on ([`global`]).
    pub global: String,
    /// Article slug -> what was made of it.
    pub articles: BTreeMap<String, Unit>,
    /// Fingerprint of what the indexes, feeds and sitemap were made of ([`site`]).
    pub site: String,
    /// Those pages, relative to the output folder.
    pub site_files: Vec<PathBuf>,
}

/// What a build made of one article.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Unit {
    pub fingerprint: String,
    pub findings: Findings,
    /// One per language built, in the build's language order.
    pub pages: Vec<Page>,
}

/// An article in one language.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Page {
    /// Written to `out/<lang>/<slug>.html` and `.txt`; `fallbacks` are the message ids shown
    /// in the source language.
    Published {
        listing: Listing,
        fallbacks: Vec<String>,
    },
    /// Left out of the language (`--missing skip`) for lack of these messages.
    Skipped {
        lang: String,
        slug: String,
        missing: Vec<String>,
    },
}

/// The cache of an output folder (relative to the project root), one per folder: building
/// to `--out` elsewhere does not throw away the cache of `out/`.
fn file(out: &Path) -> PathBuf {
    let name = Fingerprint::default().add(&out.to_string_lossy()).finish();
    Path::new(DIR).join(format!("build-{}.bin", &name[..16]))
}

/// The cache of the output `out` whose marker has the identity `output`, if it was made with
/// the same `global` fingerprint; an empty cache otherwise (everything is then done again).
pub fn load(project: &Project, out: &Path, output: Option<&str>, global: &str) -> Cache {
    let Some(output) = output.filter(|id| !id.is_empty()) else {
        return Cache::default();
    };
    fs::read(project.root.join(file(out)))
        .ok()
        .and_then(|bytes| decode::<Cache>(&bytes))
        .filter(|c| c.output == output && c.global == global)
        .unwrap_or_default()
}

/// Forget the cache of `out`: done before a build touches it, so an interrupted build is
/// never trusted.
pub fn forget(project: &Project, out: &Path) -> Result<()> {
    match fs::remove_file(project.root.join(file(out))) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(file(out), e)),
        _ => Ok(()),
    }
}

/// Write the cache of `out` (to a temporary file renamed into place).
pub fn save(project: &Project, out: &Path, cache: &Cache) -> Result<()> {
    let shown = file(out);
    replace(&project.root, &shown, &encode(cache))
}

/// What starts every cache file: a file written by another version of gazette (whose
/// types may differ) is not decoded.
fn header() -> String {
    format!("gazette {} cache\n", env!("CARGO_PKG_VERSION"))
}

/// A cache file's bytes: [`header`], then `value` in postcard's compact binary form (a
/// 10,000-article archive's cache is read and written by every rebuild: JSON took a third
/// of a rebuild's time).
pub(crate) fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    let bytes = header().into_bytes();
    postcard::to_extend(value, bytes).expect("writing to memory cannot fail")
}

/// The value of a cache file's bytes, or `None` if they are another version's or damaged.
pub(crate) fn decode<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    let body = bytes.strip_prefix(header().as_bytes())?;
    postcard::from_bytes(body).ok()
}

/// Write `bytes` to the cache file `shown` (relative to `root`) through a temporary file
/// renamed into place, so a reader never sees half a file.
pub(crate) fn replace(root: &Path, shown: &Path, bytes: &[u8]) -> Result<()> {
    let path = root.join(shown);
    let dir = root.join(DIR);
    fs::create_dir_all(&dir).map_err(|e| Error::io(shown, e))?;
    let mut tmp = tempfile::NamedTempFile::new_in(&dir).map_err(|e| Error::io(shown, e))?;
    std::io::Write::write_all(&mut tmp, bytes).map_err(|e| Error::io(shown, e))?;
    tmp.persist(&path).map_err(|e| Error::io(shown, e.error))?;
    Ok(())
}

/// A 128-bit fingerprint of a sequence of strings.
#[derive(Default)]
pub struct Fingerprint(Xxh3);

impl Fingerprint {
    /// Add one string; its length goes first, so ("ab", "c") and ("a", "bc") differ.
    pub fn add(&mut self, text: &str) -> &mut Self {
        self.add_bytes(text.as_bytes())
    }

    /// Add bytes, their length first as with [`Fingerprint::add`].
    pub fn add_bytes(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    pub fn finish(&self) -> String {
        format!("{:032x}", self.0.digest128())
    }
}

/// The findings of the articles whose inputs did not change since the last build of the
/// project's `out/`, by slug: what `check` need not work out again. Empty when the
/// configuration, templates, shared files or gazette itself changed since.
pub fn findings(project: &Project) -> BTreeMap<String, Unit> {
    let Ok(bytes) = fs::read(project.root.join(file(&project.config.out))) else {
        return BTreeMap::new();
    };
    decode::<Cache>(&bytes)
        .filter(|c| c.checks == checks(project))
        .map(|c| c.articles)
        .unwrap_or_default()
}

/// Fingerprint of what every article's pages depend on: what its findings depend on
/// (`checks`) and the build's options (languages, `--missing`).
pub fn global(checks: &str, options: &str) -> String {
    Fingerprint::default().add(checks).add(options).finish()
}

/// Fingerprint of what every article's findings depend on.
pub fn checks(project: &Project) -> String {
    let mut f = Fingerprint::default();
    f.add(env!("CARGO_PKG_VERSION"))
        .add(&format!("{:?}", project.config));
    for (name, template) in &project.templates {
        f.add(name).add(&template.text);
    }
    for (lang, files) in &project.locales {
        f.add(lang);
        for file in files.iter().filter(|f| !project.is_article_file(&f.name)) {
            f.add(&file.name).add(&file.text);
            lock_records(&mut f, project, lang, &file.name);
        }
    }
    f.finish()
}

/// Fingerprint of what the pages made of every article (indexes, feeds, sitemap) depend
/// on: the global inputs and every article's listings, in order.
pub fn site(global: &str, units: &[Unit]) -> String {
    let mut f = Fingerprint::default();
    f.add(global);
    for unit in units {
        for page in &unit.pages {
            f.add_bytes(&postcard::to_stdvec(page).expect("writing to memory cannot fail"));
        }
    }
    f.finish()
}

/// Fingerprint of one article's own inputs.
pub fn article(project: &Project, article: &ArticleFile) -> String {
    let mut f = Fingerprint::default();
    f.add(&article.slug)
        .add(&format!("{:032x}", article.fingerprint));
    let name = format!("{}.ftl", article.slug);
    for lang in project.locales.keys() {
        f.add(lang);
        match project.file(lang, &name) {
            Some(file) => f.add(&format!("{:032x}", file.fingerprint)),
            None => f.add("\0absent"),
        };
        lock_records(&mut f, project, lang, &name);
    }
    f.finish()
}

fn lock_records(f: &mut Fingerprint, project: &Project, lang: &str, file: &str) {
    for ((_, _, id), record) in project.lock.records_of(lang, file) {
        f.add(id).add(&record.text);
    }
}

#[cfg(test)]
mod tests {
    use super::Fingerprint;

    #[test]
    fn fingerprints_separate_their_parts() {
        let ab_c = Fingerprint::default().add("ab").add("c").finish();
        let a_bc = Fingerprint::default().add("a").add("bc").finish();
        assert_ne!(ab_c, a_bc);
        assert_eq!(ab_c, Fingerprint::default().add("ab").add("c").finish());
        assert_eq!(ab_c.len(), 32);
    }
}
