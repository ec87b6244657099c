//! Stage 1, load: read `gazette.toml`, discover the project's files and read them into memory.
//!
//! This is the only module that reads the project; every later stage works on the [`Project`]
//! value, so they can be tested on strings alone.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::config::{self, Bundles, Config, Overrides, CONFIG_FILE};
use crate::content::{self, Article};
use crate::discover;
use crate::error::{Error, Result};
use crate::guard::{self, Bounds};
use crate::records::{self, ReviewRecords, LEGACY_RECORDS_FILE, RECORDS_DIR};
use crate::stamp::{Stamp, Stamps};
use rayon::prelude::*;

/// A file name as gazette compares them: in Unicode NFC, so that a name an editor saved
/// decomposed (NFD, as macOS does) is the same file as its composed spelling.
fn nfc(name: &str) -> Cow<'_, str> {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    if is_nfc_quick(name.chars()) == IsNormalized::Yes {
        Cow::Borrowed(name)
    } else {
        Cow::Owned(name.nfc().collect())
    }
}

/// One `.ftl` file of one language.
#[derive(Debug, Clone)]
pub struct FtlFile {
    /// Path relative to the project root, as diagnostics print it.
    pub path: PathBuf,
    /// Path relative to the language folder, with `/` separators: the key that pairs a target
    /// file with its source file.
    pub name: String,
    /// Empty when [`FtlFile::deferred`]: use [`Project::text_of`].
    pub text: String,
    /// Fingerprint of the text, for incremental builds.
    pub fingerprint: u128,
    /// The text was not kept in memory (an article's file, loaded for a build).
    pub deferred: bool,
    /// The stamp to keep for the next build: an article's file, unchanged since the last build
    /// or settled when it was read ([`crate::stamp`]).
    pub stamp: Option<Stamp>,
}

/// One content file, `content/<slug>.toml`.
#[derive(Debug)]
pub struct ArticleFile {
    pub slug: String,
    /// Relative to the project root.
    pub path: PathBuf,
    /// Fingerprint of the text, for incremental builds.
    pub fingerprint: u128,
    /// `None` when the file was not read: unchanged since the last build
    /// ([`Project::load_lazy`]); use [`Project::article`].
    parsed: Option<Article>,
    /// As [`FtlFile::stamp`].
    pub stamp: Option<Stamp>,
}

/// One shard of `gazette.lock.d/` ([`crate::records`]).
#[derive(Debug, Clone)]
pub struct ShardFile {
    /// Path relative to the project root.
    pub path: PathBuf,
    /// Fingerprint of the text: it stands for the shard's records in the build's fingerprints,
    /// so an unchanged article's records are never parsed.
    pub fingerprint: u128,
    /// Not read: an article's shard unchanged since the last build ([`Project::load_lazy`]).
    /// Its records are not in [`Project::reviews`]: [`Project::article_records`] reads them.
    pub deferred: bool,
    /// As [`FtlFile::stamp`].
    pub stamp: Option<Stamp>,
}

/// (language, file name) -> its shard.
type Shards = BTreeMap<(String, String), ShardFile>;

/// The records of an article's own file in every language, read once for one run of the
/// checks: made only by [`Project::article_records`], so a check cannot be handed records
/// that lack a deferred shard's.
#[derive(Debug)]
pub struct ArticleRecords {
    reviews: ReviewRecords,
    /// Language -> fingerprint of the text of its shard, those records' source.
    fingerprints: BTreeMap<String, u128>,
}

impl ArticleRecords {
    /// The records, as the checks look them up.
    pub fn reviews(&self) -> &ReviewRecords {
        &self.reviews
    }

    /// The fingerprint of the shard the records of a language were read from.
    pub fn fingerprint(&self, lang: &str) -> Option<u128> {
        self.fingerprints.get(lang).copied()
    }
}

/// Every language `targets` names has its folder: a misspelt or forgotten one is one error,
/// not a `missing-message` for every message of the project.
fn check_target_folders(config: &Config, locales: &BTreeMap<String, Vec<FtlFile>>) -> Result<()> {
    // Only the targets of gazette.toml (those with a line): the `locales` of an l10n.toml are
    // compare-locales', for which a language without its folder has every message missing.
    let Some(lang) = config
        .targets
        .iter()
        .flatten()
        .find(|t| config.target_lines.contains_key(*t) && !locales.contains_key(*t))
    else {
        return Ok(());
    };
    let folder = format!("{}/{lang}", config.locales.display());
    Err(Error::Config {
        path: CONFIG_FILE.into(),
        message: format!(
            "line {}: targets: `{lang}` has no folder {folder}: create it, then `gazette sync {lang}` adds its stubs (or remove `{lang}` from targets)",
            config.target_lines[lang]
        ),
    })
}

/// Templates every project has, built into the binary; a project file of the same name
/// overrides one.
pub const BUILTIN_TEMPLATES: [(&str, &str); 6] = [
    (
        "article.html.hbs",
        include_str!("../templates/article.html.hbs"),
    ),
    ("body.html.hbs", include_str!("../templates/body.html.hbs")),
    (
        "article.txt.hbs",
        include_str!("../templates/article.txt.hbs"),
    ),
    (
        "index.html.hbs",
        include_str!("../templates/index.html.hbs"),
    ),
    (
        "languages.html.hbs",
        include_str!("../templates/languages.html.hbs"),
    ),
    ("style.hbs", include_str!("../templates/style.hbs")),
];

/// A template: the project's own file, or the built-in one of that name.
#[derive(Debug, Clone)]
pub struct TemplateFile {
    /// Where the project's file is or would be, relative to the project root.
    pub path: PathBuf,
    pub text: String,
    pub builtin: bool,
}

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
        let (lock, shards) = load_lock(bounds, &defer, &stamps)?;
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
            reviews: lock,
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

/// The article of `articles` (sorted by slug) with this slug.
fn find_article<'a>(articles: &'a [ArticleFile], slug: &str) -> Option<&'a ArticleFile> {
    let i = articles
        .binary_search_by(|a| a.slug.as_str().cmp(slug))
        .ok()?;
    Some(&articles[i])
}

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

/// Where the project's inputs may lead: inside `root`, never into the cache, the configured
/// output, the previous site kept beside it or version control's folders.
fn bounds(root: &Path, config: &Config) -> Result<Bounds> {
    let out = &config.out;
    let name = out.file_name().unwrap_or_default().to_string_lossy();
    let kept = out.with_file_name(format!(".{name}.previous"));
    let own = [PathBuf::from(crate::store::DIR), out.clone(), kept];
    Bounds::new(root, &own, &[PathBuf::from(STATIC)]).map_err(|e| Error::io(root, e))
}

/// `dir` is a folder with a folder in it.
fn holds_a_folder(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_type().is_ok_and(|t| t.is_dir()))
    })
}

/// `gazette.toml`, or the defaults when there is none.
fn load_config(root: &Path) -> Result<Config> {
    let path = root.join(CONFIG_FILE);
    let text = match fs::metadata(&path) {
        Ok(_) => read_text(&path, CONFIG_FILE.as_ref())?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(Error::io(CONFIG_FILE, e)),
    };
    Config::parse(&text, CONFIG_FILE.as_ref())
}

/// The content files, sorted by slug (so [`find_article`] can search them: file names sort
/// `a-b` before `a`), read on every core; those `stamps` (when given) find unchanged are not.
fn load_articles(
    bounds: &Bounds,
    config: &Config,
    stamps: Option<&Stamps>,
) -> Result<Vec<ArticleFile>> {
    let root = bounds.root();
    if !root.join(&config.content).is_dir() {
        return Ok(Vec::new());
    }
    let paths: Vec<PathBuf> = sorted_entries(bounds, &config.content)?
        .into_iter()
        .filter(|(p, kind)| *kind == Kind::File && p.extension().is_some_and(|e| e == "toml"))
        .map(|(p, _)| p)
        .collect();
    let read: Vec<Result<ArticleFile>> = paths
        .par_iter()
        .map(|path| {
            let rel = config.content.join(path.file_name().unwrap_or_default());
            let slug = path
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let loaded = load_file(path, &rel, stamps, guard::MAX_FILE_BYTES)?;
            let parsed = loaded.text.map(|t| content::parse_article(&rel, &t));
            Ok(ArticleFile {
                slug,
                path: rel,
                fingerprint: loaded.fingerprint,
                parsed: parsed.transpose()?,
                stamp: loaded.stamp,
            })
        })
        .collect();
    // Every broken file, in name order, whatever thread met it first.
    let mut articles = Vec::with_capacity(read.len());
    let mut broken = Vec::new();
    for r in read {
        match r {
            Ok(article) => articles.push(article),
            Err(e) => broken.push(e),
        }
    }
    if broken.len() > 1 {
        return Err(Error::Several(broken));
    }
    if let Some(e) = broken.pop() {
        return Err(e);
    }
    articles.sort_by(|a, b| a.slug.cmp(&b.slug));
    Ok(articles)
}

/// Every language folder's `.ftl` files (see [`collect_ftl`] for `defer` and `stamps`); the
/// source language must have one.
fn load_locales(
    bounds: &Bounds,
    config: &Config,
    defer: &(dyn Fn(&str) -> bool + Sync),
    stamps: &Stamps,
) -> Result<BTreeMap<String, Vec<FtlFile>>> {
    let root = bounds.root();
    if !root.join(&config.locales).is_dir() {
        return Err(Error::Layout {
            path: discover::shown(&config.locales),
            message: "no locales folder: create it with one folder per language (e.g. locales/fr)"
                .into(),
        });
    }
    // Language folders at the project root sit among others (`src`, `docs`): there, only
    // folders named by a language tag that hold `.ftl` files are languages.
    let at_root = config.locales.as_os_str().is_empty();
    let exclude = exclusions(&config.exclude)?;
    let mut locales = BTreeMap::new();
    for (lang_dir, kind) in sorted_entries(bounds, &config.locales)? {
        if kind != Kind::Dir {
            continue;
        }
        let lang = lang_dir
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let rel = config.locales.join(&lang);
        let named = config::check_language_folder(&lang);
        if at_root && (named.is_err() || lang.starts_with('.')) {
            continue;
        }
        named.map_err(|message| Error::Layout {
            path: rel.clone(),
            message,
        })?;
        let mut files = Vec::new();
        collect_ftl(bounds, &rel, "", defer, stamps, &mut files)?;
        files.retain(|f| !exclude.is_match(&f.name));
        if !(at_root && files.is_empty() && lang != config.source) {
            locales.insert(lang, files);
        }
    }
    if !locales.contains_key(&config.source) {
        let found: Vec<&str> = locales.keys().map(String::as_str).collect();
        return Err(Error::Layout {
            path: config.locales.join(&config.source),
            message: format!(
                "no folder for the source language `{}` (languages found: {}): name the source with `--source <lang>` or `source` in gazette.toml",
                config.source,
                if found.is_empty() { "none".to_owned() } else { found.join(", ") }
            ),
        });
    }
    check_target_folders(config, &locales)?;
    Ok(locales)
}

/// The files `l10n.toml` leaves out, as globs within a language folder: `*` within a folder,
/// `**` across folders, as compare-locales reads them.
fn exclusions(patterns: &[String]) -> Result<globset::GlobSet> {
    let mut set = globset::GlobSetBuilder::new();
    for p in patterns {
        let glob = globset::GlobBuilder::new(p)
            .literal_separator(true)
            .build()
            .map_err(|e| Error::Config {
                path: discover::L10N_TOML.into(),
                message: format!("`{p}`: {e}"),
            })?;
        set.add(glob);
    }
    set.build().map_err(|e| Error::Config {
        path: discover::L10N_TOML.into(),
        message: e.to_string(),
    })
}

/// The built-in templates, overridden by the project's `.hbs` files; refused if they
/// include one another in a loop.
fn load_templates(bounds: &Bounds, config: &Config) -> Result<BTreeMap<String, TemplateFile>> {
    let root = bounds.root();
    let mut templates: BTreeMap<String, TemplateFile> = BUILTIN_TEMPLATES
        .iter()
        .map(|(name, text)| {
            let t = TemplateFile {
                path: config.templates.join(name),
                text: (*text).to_owned(),
                builtin: true,
            };
            (name.to_string(), t)
        })
        .collect();
    if root.join(&config.templates).is_dir() {
        for (path, kind) in sorted_entries(bounds, &config.templates)? {
            if !(path.extension().is_some_and(|e| e == "hbs") && kind == Kind::File) {
                continue;
            }
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let rel = config.templates.join(&name);
            let text = read_text(&path, &rel)?;
            guard::check_template(&text).map_err(|m| {
                Error::io(
                    &rel,
                    std::io::Error::new(std::io::ErrorKind::InvalidData, m),
                )
            })?;
            let template = TemplateFile {
                path: rel,
                text,
                builtin: false,
            };
            templates.insert(name, template);
        }
    }
    check_template_loops(&templates)?;
    Ok(templates)
}

/// Templates that include one another in a loop would render forever.
fn check_template_loops(templates: &BTreeMap<String, TemplateFile>) -> Result<()> {
    let names: Vec<(&str, &str)> = templates
        .iter()
        .map(|(file, t)| (file.strip_suffix(".hbs").unwrap_or(file), t.text.as_str()))
        .collect();
    let Some(cycle) = guard::template_cycle(&names) else {
        return Ok(());
    };
    // Name the project's own template of the loop: built-in ones are not its files.
    let in_loop: Vec<&TemplateFile> = cycle
        .iter()
        .map(|name| &templates[&format!("{name}.hbs")])
        .collect();
    let named = in_loop.iter().find(|t| !t.builtin).unwrap_or(&in_loop[0]);
    Err(Error::Template {
        path: named.path.clone(),
        message: format!(
            "templates include one another in a loop: {}",
            cycle.join(" -> ")
        ),
    })
}

/// The folder of files copied into the site as they are (images, CSS, fonts, `CNAME`…).
pub const STATIC: &str = "static";

/// Gather the files under `rel` (a folder of `static/`), by their path in the site.
fn list_statics(
    bounds: &Bounds,
    rel: &Path,
    prefix: &str,
    out: &mut BTreeMap<String, PathBuf>,
) -> Result<()> {
    let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
    for (path, kind) in sorted_entries(bounds, rel)? {
        let name = nfc(&path.file_name().unwrap_or_default().to_string_lossy()).into_owned();
        let file = rel.join(path.file_name().unwrap_or_default());
        // Two spellings of one name would be one file of the site: neither may be dropped.
        if let Some(twin) = seen.insert(name.clone(), file.clone()) {
            return Err(twins(&twin, file));
        }
        match kind {
            Kind::Dir => list_statics(bounds, &file, &format!("{prefix}{name}/"), out)?,
            Kind::File => {
                out.insert(format!("{prefix}{name}"), file);
            }
            Kind::Other => {}
        }
    }
    Ok(())
}

/// What a folder entry is, symbolic links followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    File,
    Dir,
    Other,
}

/// Entries of a project folder, sorted by name so every later stage sees a stable order.
/// A name that is not UTF-8 or holds a control character is an error naming it (escaped), and
/// so is a symbolic link out of the project or into one of its own folders
/// ([`Bounds::check_link`]); the project's own folders themselves are passed over.
fn sorted_entries(bounds: &Bounds, rel: &Path) -> Result<Vec<(PathBuf, Kind)>> {
    let root = bounds.root();
    let mut entries = fs::read_dir(root.join(rel))
        .map_err(|e| Error::io(rel, e))?
        .map(|entry| {
            let entry = entry.map_err(|e| Error::io(rel, e))?;
            // The folder listing says what most entries are: no `stat` for them.
            let kind = entry.file_type().ok();
            Ok((entry.file_name(), entry.path(), kind))
        })
        .collect::<Result<Vec<_>>>()?;
    // All in one folder: comparing names is enough (and much cheaper than whole paths).
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    // Links (and entries the listing did not describe) are looked at on every core; the
    // first refusal in name order is reported.
    let listed: Vec<Result<Option<(PathBuf, Kind)>>> = entries
        .into_par_iter()
        .map(|(name, path, kind)| {
            let shown = guard::check_name(&name).map_err(|message| Error::Layout {
                path: rel.join(guard::escaped_name(&name.to_string_lossy())),
                message,
            })?;
            let shown = || rel.join(shown);
            let kind = match kind {
                // An output's marker beside it (`out = "static/site"`) is gazette's own.
                Some(t) if t.is_file() && guard::is_marker_name(&name.to_string_lossy()) => {
                    return Ok(None)
                }
                Some(t) if t.is_file() => Kind::File,
                Some(t) if t.is_dir() && bounds.is_own_folder(&shown()) => return Ok(None),
                Some(t) if t.is_dir() => Kind::Dir,
                Some(t) if !t.is_symlink() => Kind::Other,
                _ => {
                    bounds
                        .check_link(&path, rel.starts_with(STATIC))
                        .map_err(|e| Error::io(shown(), e))?;
                    match fs::metadata(&path) {
                        Ok(m) if m.is_file() => Kind::File,
                        Ok(m) if m.is_dir() => Kind::Dir,
                        Ok(_) => Kind::Other,
                        Err(e) => return Err(Error::io(shown(), e)),
                    }
                }
            };
            Ok(Some((path, kind)))
        })
        .collect();
    listed.into_iter().filter_map(Result::transpose).collect()
}

/// Gather the `.ftl` files under a language folder, sub-folders included; files are read in
/// parallel (an archive has thousands per language). The texts of the files `defer` names
/// are not kept, and those `stamps` find unchanged are not read.
fn collect_ftl(
    bounds: &Bounds,
    rel_dir: &Path,
    prefix: &str,
    defer: &(dyn Fn(&str) -> bool + Sync),
    stamps: &Stamps,
    out: &mut Vec<FtlFile>,
) -> Result<()> {
    let mut files = Vec::new();
    for (path, kind) in sorted_entries(bounds, rel_dir)? {
        let file_name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let rel = rel_dir.join(&file_name);
        let name = format!("{prefix}{}", nfc(&file_name));
        if kind == Kind::Dir {
            collect_ftl(bounds, &rel, &format!("{name}/"), defer, stamps, out)?;
        } else if file_name.ends_with(".ftl") {
            files.push((path, rel, name));
        }
    }
    let read: Vec<Result<FtlFile>> = files
        .into_par_iter()
        .map(|(path, rel, name)| {
            let deferred = defer(&name);
            let loaded = load_file(
                &path,
                &rel,
                deferred.then_some(stamps),
                guard::MAX_FILE_BYTES,
            )?;
            if let Some(text) = &loaded.text {
                check_ftl(text, &rel)?;
            }
            Ok(FtlFile {
                path: rel,
                name,
                fingerprint: loaded.fingerprint,
                text: loaded.text.filter(|_| !deferred).unwrap_or_default(),
                deferred,
                stamp: loaded.stamp,
            })
        })
        .collect();
    for file in read {
        out.push(file?);
    }
    // Files of sub-folders came first: keep the whole list in name order.
    out.sort_by(|a, b| a.name.cmp(&b.name));
    if let Some(w) = out.windows(2).find(|w| w[0].name == w[1].name) {
        return Err(twins(&w[0].path, w[1].path.clone()));
    }
    Ok(())
}

/// Two files whose names differ only in their Unicode normalisation (NFC, NFD): one name to
/// gazette, so one of them must go.
fn twins(first: &Path, second: PathBuf) -> Error {
    Error::Layout {
        path: second,
        message: format!(
            "the same name as {} in another Unicode normalisation form: keep only one of them",
            first.display()
        ),
    }
}

/// The review records: the single-file `gazette.lock` of earlier versions if there is one,
/// overridden by the shards of `gazette.lock.d/` (read on every core: an archive has one per
/// article and language), and the shards found. The shards of the files `defer` names that
/// `stamps` find unchanged are not read (never with a `gazette.lock`, whose records they
/// would override).
fn load_lock(
    bounds: &Bounds,
    defer: &(dyn Fn(&str) -> bool + Sync),
    stamps: &Stamps,
) -> Result<(ReviewRecords, Shards)> {
    let root = bounds.root();
    let mut lock = match fs::metadata(root.join(LEGACY_RECORDS_FILE)) {
        Ok(meta) => {
            let rel = Path::new(LEGACY_RECORDS_FILE);
            let bytes = guard::read_file_limited(&root.join(rel), &meta, records::MAX_LEGACY_BYTES);
            ReviewRecords::parse_legacy(&decode(bytes, rel)?, rel)?
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => ReviewRecords::default(),
        Err(e) => return Err(Error::io(LEGACY_RECORDS_FILE, e)),
    };
    let dir = Path::new(RECORDS_DIR);
    match fs::metadata(root.join(dir)) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            return Err(Error::io(
                dir,
                std::io::Error::new(std::io::ErrorKind::InvalidInput, "is not a folder"),
            ))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((lock, BTreeMap::new())),
        Err(e) => return Err(Error::io(dir, e)),
    }
    let mut found = Vec::new();
    for (path, kind) in sorted_entries(bounds, dir)? {
        if kind == Kind::Dir {
            let lang = path.file_name().unwrap_or_default().to_string_lossy();
            collect_shards(bounds, &dir.join(&*lang), &lang, "", &mut found)?;
        }
    }
    let legacy = lock.legacy;
    // Read and parsed on every core, then gathered in one sorted build of the map.
    let read: Vec<Result<_>> = found
        .par_iter()
        .map(|(rel, lang, name)| {
            let stamps = (!legacy && defer(name)).then_some(stamps);
            let loaded = load_file(
                &root.join(rel),
                rel,
                stamps,
                records::MAX_SHARD_BYTES as u64,
            )?;
            let records = (loaded.text.as_deref())
                .map(|text| records::parse_shard(lang, name, text, rel))
                .transpose()?;
            let shard = ShardFile {
                path: rel.clone(),
                fingerprint: loaded.fingerprint,
                deferred: loaded.text.is_none(),
                stamp: loaded.stamp,
            };
            Ok((shard, records))
        })
        .collect();
    let mut records = Vec::new();
    let mut shards = BTreeMap::new();
    for ((_, lang, name), shard) in found.into_iter().zip(read) {
        let (shard, parsed) = shard?;
        lock.in_use.insert(lang.clone());
        if let Some(parsed) = parsed {
            if !parsed.sealed {
                lock.unsealed.insert((lang.clone(), name.clone()));
            }
            records.extend(parsed.records);
        }
        shards.insert((lang, name), shard);
    }
    if lock.records.is_empty() {
        lock.records = records.into_iter().collect();
    } else {
        lock.records.extend(records);
    }
    Ok((lock, shards))
}

/// The shards under a language folder of `gazette.lock.d/`: (path, language, file name).
/// Other files (a temporary file a killed sync left) are not shards.
fn collect_shards(
    bounds: &Bounds,
    rel_dir: &Path,
    lang: &str,
    prefix: &str,
    out: &mut Vec<(PathBuf, String, String)>,
) -> Result<()> {
    for (path, kind) in sorted_entries(bounds, rel_dir)? {
        let file_name = path.file_name().unwrap_or_default().to_string_lossy();
        let rel = rel_dir.join(&*file_name);
        if kind == Kind::Dir {
            let prefix = format!("{prefix}{}/", nfc(&file_name));
            collect_shards(bounds, &rel, lang, &prefix, out)?;
        } else if let Some(name) = file_name.strip_suffix(records::SHARD_SUFFIX) {
            if kind == Kind::File && !file_name.starts_with(records::TEMP_PREFIX) {
                out.push((rel, lang.to_owned(), format!("{prefix}{}", nfc(name))));
            }
        }
    }
    Ok(())
}

/// A file as loading found it.
struct Loaded {
    /// `None` when its stamp showed it unchanged since the last build: it was not read.
    text: Option<String>,
    fingerprint: u128,
    /// The stamp to keep for the next build (only with stamps, of an unchanged or settled file).
    stamp: Option<Stamp>,
}

/// Read a file of at most `limit` bytes, unless `stamps` (when given) find it unchanged since
/// the last build.
fn load_file(path: &Path, rel: &Path, stamps: Option<&Stamps>, limit: u64) -> Result<Loaded> {
    let meta = fs::metadata(path).map_err(|e| Error::io(rel, e))?;
    let stamp = Stamp::of(&meta);
    if let Some(fingerprint) = stamps.and_then(|s| s.unchanged(rel, stamp)) {
        return Ok(Loaded {
            text: None,
            fingerprint,
            stamp: Some(stamp),
        });
    }
    let text = decode(guard::read_file_limited(path, &meta, limit), rel)?;
    Ok(Loaded {
        fingerprint: xxhash_rust::xxh3::xxh3_128(text.as_bytes()),
        text: Some(text),
        stamp: stamps.filter(|s| s.keeps(stamp)).map(|_| stamp),
    })
}

/// Read an `.ftl` file and refuse it if it nests too deep for the parsers.
fn read_ftl(path: &Path, rel: &Path) -> Result<String> {
    let text = read_text(path, rel)?;
    check_ftl(&text, rel)?;
    Ok(text)
}

fn check_ftl(text: &str, rel: &Path) -> Result<()> {
    guard::check_ftl(text)
        .map_err(|m| Error::io(rel, std::io::Error::new(std::io::ErrorKind::InvalidData, m)))
}

/// Read a UTF-8 text file; a byte-order mark is dropped, invalid UTF-8 is an error naming the file,
/// and so is a file past [`guard::MAX_FILE_BYTES`] or one that is not a regular file.
pub(crate) fn read_text(path: &Path, rel: &Path) -> Result<String> {
    decode(guard::read_file(path), rel)
}

fn decode(bytes: std::io::Result<Vec<u8>>, rel: &Path) -> Result<String> {
    let bytes = bytes.map_err(|e| Error::io(rel, e))?;
    let mut text = String::from_utf8(bytes).map_err(|e| {
        Error::io(
            rel,
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()),
            ),
        )
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
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
