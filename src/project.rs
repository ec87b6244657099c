//! The load stage: read `gazette.toml`, discover the project's files and read them into memory.
//!
//! This is the only module that reads the project; every later stage works on the [`Project`]
//! value, so they can be tested on strings alone.
//!
//! Its parts: `root` (where a project is), `files` (the files loading keeps), `load` (each
//! part read), `read` (reading inside the project's bounds).

mod files;
mod load;
mod read;
mod root;

pub use files::{
    ArticleFile, ArticleRecords, FtlFile, ShardFile, TemplateFile, BUILTIN_TEMPLATES, STATIC,
};
pub(crate) use read::read_text;
pub use root::{find_root, project_marker, Discovery};

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::config::{Bundles, Config, Overrides};
use crate::content::{self, Article};
use crate::discover;
use crate::error::{Error, Result};
use crate::records::{self, ReviewRecords, LEGACY_RECORDS_FILE, RECORDS_DIR};
use crate::stamp::{Stamp, Stamps};

use files::{find_article, Shards};
use load::{
    bounds, list_statics, load_articles, load_config, load_locales, load_reviews, load_templates,
};
use read::{load_file, read_ftl};

/// Everything gazette knows about a project, read into memory.
#[derive(Debug)]
pub struct Project {
    pub root: PathBuf,
    pub config: Config,
    /// Content files, sorted by slug (binary-searched by [`Project::article_of`]).
    pub articles: Vec<ArticleFile>,
    /// Language folder -> its `.ftl` files, sorted by name. Holds the source and every target.
    pub locales: BTreeMap<String, Vec<FtlFile>>,
    /// Template file name -> template: the built-in ones, overridden by the project's files.
    pub templates: BTreeMap<String, TemplateFile>,
    /// The files of `static/`, copied into the site as they are: their path in the site
    /// (`images/map.svg`, `/`-separated) -> their path relative to the project root. Listed at
    /// loading; the build reads each once.
    pub statics: BTreeMap<String, PathBuf>,
    /// `gazette.lock.d/`: the source text each translation was reviewed against (empty if
    /// none), but for the records of deferred shards ([`ShardFile::deferred`]).
    pub reviews: ReviewRecords,
    shards: Shards,
    /// The stamps the last build recorded ([`Project::load_lazy`]).
    stamps: Stamps,
    /// The project has a `content/` folder: a gazette site, whose editions gazette renders
    /// (other Fluent projects only have their translations checked).
    pub site: bool,
}

impl Project {
    /// Read the project rooted at `root`.
    pub fn load(root: &Path) -> Result<Project> {
        Project::load_with(root, false, &Overrides::default())
    }

    /// Load for `build`, `check` and `status`: the texts of article files are read and
    /// fingerprinted but not kept, as each is read again when its article is checked (a
    /// 10,000-article archive holds 150 MB of them); the article files and articles' shards of
    /// records whose stamps the last build recorded are not even read ([`crate::stamp`]).
    pub fn load_lazy(root: &Path) -> Result<Project> {
        Project::load_with(root, true, &Overrides::default())
    }

    /// [`Project::load_lazy`] with settings from the command line (`check --source en-US`).
    pub fn load_lazy_with(root: &Path, overrides: &Overrides) -> Result<Project> {
        Project::load_with(root, true, overrides)
    }

    /// The load in named steps. Articles come before the records, which name the shards
    /// that are an article's, and before the locales, which name its `.ftl` files.
    fn load_with(root: &Path, lazy: bool, overrides: &Overrides) -> Result<Project> {
        let mut config = load_config(root)?;
        config.apply(overrides)?;
        let site = root.join(&config.content).is_dir();
        let bounds = bounds(root, &config)?;
        let read = |rel: &Path| {
            bounds.check_path(rel).map_err(|e| Error::io(rel, e))?;
            read_text(&root.join(rel), rel)
        };
        discover::resolve(root, &mut config, site, &read)?;
        let inputs = [&config.content, &config.locales, &config.templates];
        let ours = [STATIC, RECORDS_DIR, LEGACY_RECORDS_FILE].map(Path::new);
        for rel in inputs.into_iter().map(PathBuf::as_path).chain(ours) {
            bounds.check_path(rel).map_err(|e| Error::io(rel, e))?;
        }
        let bounds = &bounds;
        let stamps = if lazy {
            Stamps::load(root)
        } else {
            Stamps::default()
        };
        let articles = load_articles(bounds, &config, lazy.then_some(&stamps))?;
        // What `lazy` leaves unread or unkept: the files of articles.
        let defer = |name: &str| {
            lazy && name
                .strip_suffix(".ftl")
                .is_some_and(|slug| find_article(&articles, slug).is_some())
        };
        let (reviews, shards) = load_reviews(bounds, &defer, &stamps)?;
        let locales = load_locales(bounds, &config, &defer, &stamps)?;
        let templates = load_templates(bounds, &config)?;
        let mut statics = BTreeMap::new();
        if root.join(STATIC).is_dir() {
            list_statics(bounds, Path::new(STATIC), "", &mut statics)?;
        }
        Ok(Project {
            root: root.to_path_buf(),
            config,
            articles,
            locales,
            templates,
            statics,
            reviews,
            shards,
            stamps,
            site,
        })
    }

    /// Which files of a language form one bundle: as configured, else every file of the
    /// language in a gazette site and each file alone in any other project.
    pub fn bundles(&self) -> Bundles {
        self.config.bundles.unwrap_or(if self.site {
            Bundles::Language
        } else {
            Bundles::File
        })
    }

    /// The target languages: the configured ones, or every language folder but the source.
    pub fn targets(&self) -> Vec<String> {
        match &self.config.targets {
            Some(t) => t
                .iter()
                .filter(|t| **t != self.config.source)
                .cloned()
                .collect(),
            None => self
                .locales
                .keys()
                .filter(|l| **l != self.config.source)
                .cloned()
                .collect(),
        }
    }

    /// The source language followed by the targets: every language gazette publishes.
    pub fn languages(&self) -> Vec<String> {
        let mut langs = vec![self.config.source.clone()];
        langs.extend(self.targets());
        langs
    }

    /// The `.ftl` files of a language (empty when the folder does not exist).
    pub fn files(&self, lang: &str) -> &[FtlFile] {
        self.locales.get(lang).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The text of a file, read again if it was not kept ([`Project::load_lazy`]).
    pub fn text_of<'a>(&self, file: &'a FtlFile) -> Result<Cow<'a, str>> {
        if !file.deferred {
            return Ok(Cow::Borrowed(&file.text));
        }
        read_ftl(&self.root.join(&file.path), &file.path).map(Cow::Owned)
    }

    /// The article of a content file, read again if it was not ([`Project::load_lazy`]), and
    /// the fingerprint of the text it was parsed from: what the build records is what it used.
    pub fn article<'a>(&self, file: &'a ArticleFile) -> Result<(Cow<'a, Article>, u128)> {
        match &file.parsed {
            Some(article) => Ok((Cow::Borrowed(article), file.fingerprint)),
            None => {
                let text = read_text(&self.root.join(&file.path), &file.path)?;
                let fingerprint = xxhash_rust::xxh3::xxh3_128(text.as_bytes());
                let article = content::parse_article(&file.path, &text)?;
                Ok((Cow::Owned(article), fingerprint))
            }
        }
    }

    /// The text of a project file by its path as reports print it (`locales/de/a.ftl`), for
    /// diagnostic snippets: `.ftl` files and the project's templates as loaded, other files
    /// (content files) read.
    pub fn text_of_path(&self, file: &str) -> Option<String> {
        // Paths compare by component: `/` separates them on every system.
        let shown = |path: &Path| path == Path::new(file);
        self.locales
            .values()
            .flatten()
            .find(|f| shown(&f.path))
            .and_then(|f| self.text_of(f).ok())
            .map(Cow::into_owned)
            .or_else(|| {
                self.templates
                    .values()
                    .find(|t| !t.builtin && shown(&t.path))
                    .map(|t| t.text.clone())
            })
            .or_else(|| read_text(&self.root.join(file), Path::new(file)).ok())
    }

    /// The stamps of this run's files, (path, stamp, fingerprint), for the build to keep.
    pub fn stamped(&self) -> impl Iterator<Item = (&Path, Stamp, u128)> {
        let articles = self
            .articles
            .iter()
            .map(|a| (&a.path, a.stamp, a.fingerprint));
        let ftl = self
            .locales
            .values()
            .flatten()
            .map(|f| (&f.path, f.stamp, f.fingerprint));
        let shards = self
            .shards
            .values()
            .map(|s| (&s.path, s.stamp, s.fingerprint));
        articles
            .chain(ftl)
            .chain(shards)
            .filter_map(|(path, stamp, fingerprint)| Some((path.as_path(), stamp?, fingerprint)))
    }

    /// The shard of a language's file of the given name, if there is one.
    pub fn shard(&self, lang: &str, name: &str) -> Option<&ShardFile> {
        self.shards.get(&(lang.to_owned(), name.to_owned()))
    }

    /// The records of an article's own file in every language, its deferred shards read now,
    /// and the fingerprint of each shard's text as read: the records a check uses and the
    /// fingerprint the build keeps come from the same bytes. A shard that cannot be read or
    /// parsed is an error naming it, never taken for one without records (which would pass
    /// every translation for reviewed).
    pub fn article_records(&self, slug: &str) -> Result<ArticleRecords> {
        let name = format!("{slug}.ftl");
        let mut records = ArticleRecords {
            reviews: ReviewRecords {
                in_use: self.reviews.in_use.clone(),
                ..ReviewRecords::default()
            },
            fingerprints: BTreeMap::new(),
        };
        for lang in self.languages() {
            let shard = self.shard(&lang, &name);
            if let Some(s) = shard.filter(|s| s.deferred) {
                // Read as loading reads a shard, now: no stamps, so always read.
                let full = self.root.join(&s.path);
                let read = load_file(&full, &s.path, None, records::MAX_SHARD_BYTES as u64)?;
                let text = read.text.unwrap_or_default();
                let parsed = records::parse_shard(&lang, &name, &text, &s.path)?;
                records.reviews.add(&lang, &name, parsed);
                records.fingerprints.insert(lang, read.fingerprint);
                continue;
            }
            let kept = self.reviews.records_of(&lang, &name);
            let kept: Vec<_> = kept.map(|(k, r)| (k.clone(), r.clone())).collect();
            records.reviews.records.extend(kept);
            if let Some(s) = shard {
                records.fingerprints.insert(lang, s.fingerprint);
            }
        }
        Ok(records)
    }

    /// The stamps the last build recorded.
    pub fn stamps(&self) -> &Stamps {
        &self.stamps
    }

    /// A language's file of the given name (files are sorted by name).
    pub fn file(&self, lang: &str, name: &str) -> Option<&FtlFile> {
        let files = self.files(lang);
        let i = files.binary_search_by(|f| f.name.as_str().cmp(name)).ok()?;
        Some(&files[i])
    }

    /// Where a language's file of the given name lives (whether it exists or not).
    pub fn ftl_path(&self, lang: &str, name: &str) -> PathBuf {
        self.config.locales.join(lang).join(name)
    }

    /// Is this file (by name within its language folder) an article's own file?
    pub fn is_article_file(&self, name: &str) -> bool {
        self.article_of(name).is_some()
    }

    /// The article that owns a file name such as `coalition-des-volontaires.ftl`.
    pub fn article_of(&self, name: &str) -> Option<&ArticleFile> {
        self.article_by_slug(name.strip_suffix(".ftl")?)
    }

    /// The article of this slug.
    pub fn article_by_slug(&self, slug: &str) -> Option<&ArticleFile> {
        find_article(&self.articles, slug)
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    fn write(root: &Path, rel: &str, text: &str) {
        let path = root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    /// Record the stamps of these files, as a last build would have, with a fingerprint no
    /// reading of them gives.
    fn stamp(root: &Path, files: &[&str]) {
        let stamped: Vec<(PathBuf, Stamp)> = files
            .iter()
            .map(|f| {
                (
                    PathBuf::from(f),
                    Stamp::of(&fs::metadata(root.join(f)).unwrap()),
                )
            })
            .collect();
        let entries = stamped.iter().map(|(p, s)| (p.as_path(), *s, 42));
        Stamps::default().save(root, entries).unwrap();
    }

    #[test]
    fn shards_of_articles_known_by_their_stamps_are_read_only_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "content/a.toml", "date = 2025-03-06\n");
        write(root, "locales/fr/a.ftl", "t = Titre\n");
        write(root, "locales/de/a.ftl", "t = Titel\n");
        let (article, shared) = (
            "gazette.lock.d/de/a.ftl.lock",
            "gazette.lock.d/de/site.ftl.lock",
        );
        let text = format!("t {} Vieux\n", records::fingerprint("Vieux"));
        write(root, article, &text);
        write(
            root,
            shared,
            &format!("s {} Site\n", records::fingerprint("Site")),
        );
        stamp(root, &[article, shared]);

        let project = Project::load_lazy(root).unwrap();
        let shard = project.shard("de", "a.ftl").unwrap();
        assert!(shard.deferred);
        assert_eq!(shard.fingerprint, 42, "from the stamps: not read");
        assert_eq!(project.reviews.records_of("de", "a.ftl").count(), 0);
        assert!(!project.shard("de", "site.ftl").unwrap().deferred);
        assert!(project.reviews.get("de", "site.ftl", "s").is_some());
        let records = project.article_records("a").unwrap();
        assert_eq!(
            records.reviews().get("de", "a.ftl", "t").unwrap().text,
            "Vieux"
        );
        let read = xxhash_rust::xxh3::xxh3_128(text.as_bytes());
        assert_eq!(records.fingerprint("de"), Some(read), "what was read");

        // For sync, every shard is read.
        let eager = Project::load(root).unwrap();
        assert!(!eager.shard("de", "a.ftl").unwrap().deferred);
        assert!(eager.reviews.get("de", "a.ftl", "t").is_some());

        // Damaged (and stamped all the same): an error naming it, once its records are asked for.
        write(root, article, "t nothex Vieux\n");
        stamp(root, &[article]);
        let project = Project::load_lazy(root).unwrap();
        assert!(project.shard("de", "a.ftl").unwrap().deferred);
        let err = project.article_records("a").unwrap_err().to_string();
        let named = format!("{article}: line 1: the fingerprint must be 16 hexadecimal digits; ");
        assert!(err.starts_with(&named), "{err}");
    }
}
