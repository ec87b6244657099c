//! The files of a project as loading keeps them: `.ftl` files, content files, shards of
//! records, templates (the built-in ones included), and the folder copied as it is.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::content::Article;
use crate::records::ReviewRecords;
use crate::stamp::Stamp;

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
    pub(super) parsed: Option<Article>,
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
pub(super) type Shards = BTreeMap<(String, String), ShardFile>;

/// The records of an article's own file in every language, read once for one run of the
/// checks: made only by [`Project::article_records`], so a check cannot be handed records
/// that lack a deferred shard's.
#[derive(Debug)]
pub struct ArticleRecords {
    pub(super) reviews: ReviewRecords,
    /// Language -> fingerprint of the text of its shard, those records' source.
    pub(super) fingerprints: BTreeMap<String, u128>,
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

/// Templates every project has, built into the binary; a project file of the same name
/// overrides one.
pub const BUILTIN_TEMPLATES: [(&str, &str); 6] = [
    (
        "article.html.hbs",
        include_str!("../../templates/article.html.hbs"),
    ),
    (
        "body.html.hbs",
        include_str!("../../templates/body.html.hbs"),
    ),
    (
        "article.txt.hbs",
        include_str!("../../templates/article.txt.hbs"),
    ),
    (
        "index.html.hbs",
        include_str!("../../templates/index.html.hbs"),
    ),
    (
        "languages.html.hbs",
        include_str!("../../templates/languages.html.hbs"),
    ),
    ("style.hbs", include_str!("../../templates/style.hbs")),
];

/// A template: the project's own file, or the built-in one of that name.
#[derive(Debug, Clone)]
pub struct TemplateFile {
    /// Where the project's file is or would be, relative to the project root.
    pub path: PathBuf,
    pub text: String,
    pub builtin: bool,
}

/// The folder of files copied into the site as they are (images, CSS, fonts, `CNAME`…).
pub const STATIC: &str = "static";

/// The article of `articles` (sorted by slug) with this slug.
pub(super) fn find_article<'a>(articles: &'a [ArticleFile], slug: &str) -> Option<&'a ArticleFile> {
    let i = articles
        .binary_search_by(|a| a.slug.as_str().cmp(slug))
        .ok()?;
    Some(&articles[i])
}
