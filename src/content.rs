//! Stage 2, parse: `content/<slug>.toml` -> [`Article`] and its ordered [`Block`]s.
//!
//! The article file is language-neutral: it only names Fluent messages and carries their
//! arguments, so every language renders the same structure.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::error::{Error, Result};
use crate::ftl::{line_col, Lines};

/// A calendar date (TOML local date), kept as numbers so every stage can format it its own way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl std::fmt::Display for Date {
    /// ISO 8601, as `<time datetime>` and feeds want it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A date with a time of day and its offset from UTC (a TOML offset datetime): pages show the
/// time as the newsroom wrote it, feeds and metadata carry the instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateTime {
    pub date: Date,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    /// Minutes east of UTC.
    pub offset: i16,
}

impl DateTime {
    /// Seconds since 1970-01-01T00:00:00Z: the instant, whatever the offset.
    pub fn unix(&self) -> i64 {
        let day = |y, m, d| {
            icu_datetime::input::Date::try_new_iso(y, m, d)
                .map(|d| d.to_rata_die().to_i64_date())
                .unwrap_or_default()
        };
        let days = day(self.date.year, self.date.month, self.date.day) - day(1970, 1, 1);
        days * 86_400
            + i64::from(self.hour) * 3_600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
            - i64::from(self.offset) * 60
    }
}

impl std::fmt::Display for DateTime {
    /// RFC 3339 with the offset it was written with, as Atom, JSON-LD and `<time datetime>`
    /// want it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (sign, offset) = if self.offset < 0 {
            ('-', -self.offset)
        } else {
            ('+', self.offset)
        };
        write!(
            f,
            "{}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
            self.date,
            self.hour,
            self.minute,
            self.second,
            offset / 60,
            offset % 60
        )
    }
}

/// When an article was published: a date, or a date and time with offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    Date(Date),
    DateTime(DateTime),
}

impl Published {
    /// Seconds since 1970: the instant, or a date's midnight UTC.
    pub fn unix(&self) -> i64 {
        match self {
            Published::Date(date) => DateTime {
                date: *date,
                hour: 0,
                minute: 0,
                second: 0,
                offset: 0,
            }
            .unix(),
            Published::DateTime(dt) => dt.unix(),
        }
    }

    /// The Fluent argument `$date` stands for.
    pub fn arg(&self) -> Arg {
        match self {
            Published::Date(d) => Arg::Date(*d),
            Published::DateTime(dt) => Arg::DateTime(*dt),
        }
    }
}

impl std::fmt::Display for Published {
    /// ISO 8601: the date alone, or the date-time with its offset.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Published::Date(d) => d.fmt(f),
            Published::DateTime(dt) => dt.fmt(f),
        }
    }
}

/// A Fluent argument given in the article file.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Number(f64),
    String(String),
    Date(Date),
    DateTime(DateTime),
}

/// A correction or addition noted on the page: when, and the message that says what changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Update {
    pub at: DateTime,
    pub key: String,
}

/// Which related-content label a `related` block gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RelatedKind {
    Read,
    Watch,
}

/// What a figure shows: a photograph (the default), a chart or map, a drawing. The text
/// edition labels it so, and its credit says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    #[default]
    Photo,
    Chart,
    Illustration,
}

impl FigureKind {
    /// The word of the content file, and of the `text-<kind>` site string.
    pub fn name(self) -> &'static str {
        match self {
            FigureKind::Photo => "photo",
            FigureKind::Chart => "chart",
            FigureKind::Illustration => "illustration",
        }
    }
}

/// One encoding of a video: its file and media type (`video/mp4`), which lets a browser skip
/// what it cannot play without fetching it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct VideoSource {
    pub src: String,
    #[serde(rename = "type")]
    pub media_type: String,
}

/// What a block is, with the fields its type needs.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase", deny_unknown_fields)]
pub enum BlockBody {
    Heading {
        key: String,
    },
    Paragraph {
        key: String,
    },
    Quote {
        key: String,
    },
    List {
        items: Vec<String>,
    },
    Figure {
        key: String,
        src: String,
        /// What the image is: its label in the text edition and in its credit.
        #[serde(default)]
        kind: FigureKind,
        /// Who made it ("AFP", "Maëlle Vernier / La Gazette"), shown after the caption.
        credit: Option<String>,
        /// The image's size, for an image its file cannot tell (one given by URL).
        width: Option<u32>,
        height: Option<u32>,
    },
    Video {
        key: String,
        src: String,
        /// The frame shown before the video plays.
        poster: Option<String>,
        /// Other encodings of the video, offered before `src` in this order (an MP4 for the
        /// browsers that play no WebM).
        #[serde(default)]
        sources: Vec<VideoSource>,
        credit: Option<String>,
    },
    /// A link to another page: `href` (with its language, `lang`, when it is not the page's),
    /// or `article`, another article of the project, titled with that article's headline.
    Related {
        key: Option<String>,
        href: Option<String>,
        lang: Option<String>,
        article: Option<String>,
        kind: RelatedKind,
    },
}

/// What a block is, from the content file's `type` to the templates' `kind` (serialised as the
/// same lowercase word) and their `is_<kind>` flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Heading,
    Paragraph,
    Quote,
    List,
    Figure,
    Video,
    Related,
}

impl BlockKind {
    pub const ALL: [BlockKind; 7] = [
        BlockKind::Heading,
        BlockKind::Paragraph,
        BlockKind::Quote,
        BlockKind::List,
        BlockKind::Figure,
        BlockKind::Video,
        BlockKind::Related,
    ];

    /// The word templates see as `kind` (as serialised).
    pub fn name(self) -> &'static str {
        match self {
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Quote => "quote",
            BlockKind::List => "list",
            BlockKind::Figure => "figure",
            BlockKind::Video => "video",
            BlockKind::Related => "related",
        }
    }

    /// The flag templates test the kind with (`{{#if is_heading}}`).
    pub fn flag(self) -> &'static str {
        match self {
            BlockKind::Heading => "is_heading",
            BlockKind::Paragraph => "is_paragraph",
            BlockKind::Quote => "is_quote",
            BlockKind::List => "is_list",
            BlockKind::Figure => "is_figure",
            BlockKind::Video => "is_video",
            BlockKind::Related => "is_related",
        }
    }
}

impl BlockBody {
    /// The files of the site this block shows (a figure's or video's `src`, a poster): the
    /// relative paths, which name files of `static/`; URLs are left to their sites.
    pub fn assets(&self) -> Vec<&str> {
        let paths = match self {
            BlockBody::Figure { src, .. } => vec![src.as_str()],
            BlockBody::Video {
                src,
                poster,
                sources,
                ..
            } => sources
                .iter()
                .map(|s| s.src.as_str())
                .chain([src.as_str()])
                .chain(poster.as_deref())
                .collect(),
            _ => Vec::new(),
        };
        paths.into_iter().filter(|p| !is_url(p)).collect()
    }

    pub fn kind(&self) -> BlockKind {
        match self {
            BlockBody::Heading { .. } => BlockKind::Heading,
            BlockBody::Paragraph { .. } => BlockKind::Paragraph,
            BlockBody::Quote { .. } => BlockKind::Quote,
            BlockBody::List { .. } => BlockKind::List,
            BlockBody::Figure { .. } => BlockKind::Figure,
            BlockBody::Video { .. } => BlockKind::Video,
            BlockBody::Related { .. } => BlockKind::Related,
        }
    }
}

/// One block of an article, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub body: BlockBody,
    pub args: BTreeMap<String, Arg>,
    /// 1-based line of the block in its file, for diagnostics.
    pub line: usize,
    /// The line of each file of the site it names ([`BlockBody::assets`]) and of its link
    /// (a related block's `href`), for diagnostics.
    pub asset_lines: BTreeMap<String, usize>,
}

impl Block {
    /// The message ids this block names.
    pub fn keys(&self) -> Vec<&str> {
        match &self.body {
            BlockBody::List { items } => items.iter().map(String::as_str).collect(),
            BlockBody::Related { key, .. } => key.iter().map(String::as_str).collect(),
            BlockBody::Heading { key }
            | BlockBody::Paragraph { key }
            | BlockBody::Quote { key }
            | BlockBody::Figure { key, .. }
            | BlockBody::Video { key, .. } => vec![key.as_str()],
        }
    }
}

/// Variables gazette itself passes to the site strings it formats (`byline`, `update-note`,
/// the text edition's labels, a figure's credit, `link-in`'s language name,
/// `translated-from-by`'s translators, `time`'s hour and minute): every article's messages
/// may be formatted with them.
pub const SITE_VARIABLES: [&str; 9] = [
    "authors",
    "credit",
    "hour",
    "language",
    "minute",
    "note",
    "title",
    "translators",
    "url",
];

/// One article: its metadata and blocks.
#[derive(Debug, Clone)]
pub struct Article {
    pub slug: String,
    /// `content/<slug>.toml`, relative to the project root.
    pub path: PathBuf,
    pub date: Published,
    pub section: Option<String>,
    /// Message id of the headline.
    pub title: String,
    /// Arguments of the headline.
    pub title_args: BTreeMap<String, Arg>,
    /// Message id of the standfirst.
    pub lede: String,
    /// Arguments of the standfirst.
    pub lede_args: BTreeMap<String, Arg>,
    /// The byline, in the order the file gives.
    pub authors: Vec<String>,
    /// Language -> who translated the article into it (`[translators] en = ["Name"]`), for
    /// the translation's disclosure line and its metadata.
    pub translators: BTreeMap<String, Vec<String>>,
    /// Author -> the page about them (`authors = [{ name = "…", url = "https://…" }]`).
    pub author_urls: BTreeMap<String, String>,
    pub tags: Vec<String>,
    /// Notes of later changes, oldest first.
    pub updates: Vec<Update>,
    /// Checked, never published.
    pub draft: bool,
    /// Not published before this instant.
    pub embargo: Option<DateTime>,
    /// Language -> the page name of the article's edition there, when not its slug.
    pub slugs: BTreeMap<String, String>,
    /// The lede was named in the file, so its message must exist (the default one is optional).
    pub lede_required: bool,
    pub blocks: Vec<Block>,
    /// Message id -> 1-based line of the file where it is named, for diagnostics.
    pub key_lines: BTreeMap<String, usize>,
}

impl Article {
    /// Every message id the blocks and update notes name, with the arguments it is formatted
    /// with (the headline and standfirst are named apart).
    pub fn messages(&self) -> Vec<(&str, &BTreeMap<String, Arg>)> {
        static NONE: BTreeMap<String, Arg> = BTreeMap::new();
        let mut out = Vec::new();
        for block in &self.blocks {
            for key in block.keys() {
                out.push((key, &block.args));
            }
        }
        out.extend(self.updates.iter().map(|u| (u.key.as_str(), &NONE)));
        out
    }

    /// The union of the headline's, standfirst's and blocks' arguments plus `date`: what
    /// messages not named by a block (and the shared interface strings) are formatted with.
    pub fn all_args(&self) -> BTreeMap<String, Arg> {
        let mut args = BTreeMap::new();
        let named = [&self.title_args, &self.lede_args];
        for set in named.into_iter().chain(self.blocks.iter().map(|b| &b.args)) {
            for (k, v) in set {
                args.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
        args.insert("date".to_owned(), self.date.arg());
        for name in SITE_VARIABLES {
            args.entry(name.to_owned())
                .or_insert_with(|| Arg::String(String::new()));
        }
        args
    }

    /// The articles its related blocks link to, sorted, each once.
    pub fn links(&self) -> Vec<&str> {
        let mut slugs: Vec<&str> = self
            .blocks
            .iter()
            .filter_map(|b| match &b.body {
                BlockBody::Related { article, .. } => article.as_deref(),
                _ => None,
            })
            .collect();
        slugs.sort_unstable();
        slugs.dedup();
        slugs
    }

    /// The page name of the article's edition in `lang`: its localised slug, or its slug.
    pub fn page_slug(&self, lang: &str) -> &str {
        self.slugs.get(lang).unwrap_or(&self.slug)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArticle {
    date: Spanned<toml::value::Datetime>,
    section: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
    title_args: Option<Spanned<toml::Value>>,
    lede: Option<Spanned<String>>,
    lede_args: Option<Spanned<toml::Value>>,
    #[serde(default)]
    authors: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    translators: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    updates: Vec<Spanned<RawUpdate>>,
    #[serde(default)]
    draft: bool,
    embargo: Option<Spanned<toml::value::Datetime>>,
    #[serde(default)]
    slugs: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    blocks: Vec<Spanned<toml::Table>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUpdate {
    at: Spanned<toml::value::Datetime>,
    key: Spanned<String>,
}

/// Is `slug` a valid article slug: lowercase ASCII letters, digits and `-`, not empty?
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Parse the text of `content/<slug>.toml`; `path` (relative) names the file in errors.
pub fn parse_article(path: &Path, text: &str) -> Result<Article> {
    let err = |message: String| Error::Content {
        path: path.to_path_buf(),
        message,
    };
    let slug = article_slug(path).map_err(err)?;
    let raw: RawArticle = toml::from_str(text).map_err(|e| err(describe_toml_error(text, &e)))?;
    let mut keys = KeyLines::new(text);
    let date_line = keys.lines.line_col(raw.date.span().start).0;
    let date = leap_second(raw.date.get_ref())
        .and_then(|()| {
            published(raw.date.get_ref()).ok_or_else(|| {
                format!(
                    "`{}` must be a date (2025-08-17) or a date and time with its offset from UTC (2025-08-17T09:30:00+02:00)",
                    raw.date.get_ref()
                )
            })
        })
        .map_err(|m| err(format!("line {date_line}: date: {m}")))?;

    let meta = Meta::parse(&raw, &mut keys).map_err(err)?;
    let title = raw.title.map(|id| keys.note_spanned(id));
    let lede = raw.lede.map(|id| keys.note_spanned(id));
    let lede_required = lede.is_some();
    let section = raw.section.map(|s| keys.note_section(s));

    let mut blocks = Vec::with_capacity(raw.blocks.len());
    for (i, spanned) in raw.blocks.into_iter().enumerate() {
        let start = spanned.span().start;
        let line = keys.lines.line_col(start).0;
        let mut block = parse_block(spanned.into_inner(), line)
            .map_err(|m| err(format!("line {line}: block {}: {m}", i + 1)))?;
        for key in block.keys() {
            keys.note(key, start);
        }
        let mut assets: Vec<String> = block.body.assets().into_iter().map(str::to_owned).collect();
        if let BlockBody::Related {
            href: Some(href), ..
        } = &block.body
        {
            assets.push(href.clone());
        }
        for path in assets {
            if let Some(at) = line_of_quoted(&keys.lines, text, &path, start) {
                block.asset_lines.insert(path, at);
            }
        }
        blocks.push(block);
    }

    Ok(Article {
        slug,
        path: path.to_path_buf(),
        date,
        section,
        title: title.unwrap_or_else(|| "title".to_owned()),
        title_args: meta.title_args,
        lede: lede.unwrap_or_else(|| "lede".to_owned()),
        lede_args: meta.lede_args,
        lede_required,
        authors: meta.authors,
        author_urls: meta.author_urls,
        translators: raw.translators,
        tags: raw.tags,
        updates: meta.updates,
        draft: raw.draft,
        embargo: meta.embargo,
        slugs: meta.slugs,
        blocks,
        key_lines: keys.found,
    })
}

/// The article's metadata that needs checking beyond its TOML type, each error naming its line.
struct Meta {
    title_args: BTreeMap<String, Arg>,
    lede_args: BTreeMap<String, Arg>,
    updates: Vec<Update>,
    embargo: Option<DateTime>,
    slugs: BTreeMap<String, String>,
    authors: Vec<String>,
    author_urls: BTreeMap<String, String>,
}

impl Meta {
    fn parse(raw: &RawArticle, keys: &mut KeyLines) -> std::result::Result<Meta, String> {
        let line = |at: usize| keys.lines.line_col(at).0;
        let instant = |dt: &Spanned<toml::value::Datetime>, field: &str| {
            leap_second(dt.get_ref())
                .and_then(|()| {
                    toml_datetime(dt.get_ref()).ok_or_else(|| {
                        format!(
                            "`{}` must be a date and time with its offset from UTC, e.g. 2025-08-17T09:30:00+02:00",
                            dt.get_ref()
                        )
                    })
                })
                .map_err(|m| format!("line {}: {field}: {m}", line(dt.span().start)))
        };
        let embargo = raw
            .embargo
            .as_ref()
            .map(|e| instant(e, "embargo"))
            .transpose()?;
        let mut updates = Vec::with_capacity(raw.updates.len());
        for update in &raw.updates {
            let u = update.get_ref();
            updates.push(Update {
                at: instant(&u.at, "updates.at")?,
                key: u.key.get_ref().clone(),
            });
        }
        let mut slugs = BTreeMap::new();
        for (lang, page) in &raw.slugs {
            if let Err(m) = check_slug(page.get_ref()) {
                return Err(format!(
                    "line {}: slugs.{lang}: {m}",
                    line(page.span().start)
                ));
            }
            slugs.insert(lang.clone(), page.get_ref().clone());
        }
        let args = |field: &str, value: &Option<Spanned<toml::Value>>| {
            let Some(value) = value else {
                return Ok(BTreeMap::new());
            };
            block_args(Some(value.get_ref().clone()))
                .map_err(|m| format!("line {}: {field}: {m}", line(value.span().start)))
        };
        let mut authors = Vec::with_capacity(raw.authors.len());
        let mut author_urls = BTreeMap::new();
        for author in &raw.authors {
            let (name, url) = author_of(author.get_ref())
                .map_err(|m| format!("line {}: authors: {m}", line(author.span().start)))?;
            authors.push(name.clone());
            author_urls.extend(url.map(|url| (name, url)));
        }
        let meta = Meta {
            title_args: args("title_args", &raw.title_args)?,
            lede_args: args("lede_args", &raw.lede_args)?,
            updates,
            embargo,
            slugs,
            authors,
            author_urls,
        };
        for update in &raw.updates {
            keys.note(
                update.get_ref().key.get_ref(),
                update.get_ref().key.span().start,
            );
        }
        Ok(meta)
    }
}

/// An author: a name (`"Ann Lee"`), or a table of the name and the page about them
/// (`{ name = "Ann Lee", url = "https://…" }`).
fn author_of(value: &toml::Value) -> std::result::Result<(String, Option<String>), String> {
    const FORM: &str =
        "write a name, \"Ann Lee\", or a name and a page, { name = \"Ann Lee\", url = \"https://…\" }";
    let table = match value {
        toml::Value::String(name) => return Ok((name.clone(), None)),
        toml::Value::Table(table) => table,
        _ => return Err(FORM.into()),
    };
    if let Some(key) = table.keys().find(|k| *k != "name" && *k != "url") {
        return Err(format!("unknown key `{key}`: {FORM}"));
    }
    let Some(toml::Value::String(name)) = table.get("name") else {
        return Err(format!("an author needs its `name`: {FORM}"));
    };
    let url = match table.get("url") {
        None => None,
        Some(toml::Value::String(url)) if is_url(url) && check_link(url, false).is_ok() => {
            Some(url.clone())
        }
        Some(url) => return Err(format!("`url`: {url} must be an http:// or https:// URL")),
    };
    Ok((name.clone(), url))
}

/// The article's slug, its file stem: it becomes the page's file name, so it must be a valid
/// slug and must not take the name of the language's index page.
fn article_slug(path: &Path) -> std::result::Result<String, String> {
    let slug = path
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    check_slug(&slug)?;
    Ok(slug)
}

/// A page name (a slug, or a localised one) must be a valid slug and must not take the name of
/// the language's index page.
fn check_slug(slug: &str) -> std::result::Result<(), String> {
    if !is_valid_slug(slug) {
        return Err(format!(
            "invalid slug `{slug}`: use lowercase ASCII letters, digits and `-` only"
        ));
    }
    if slug == "index" {
        // Its page would be `out/<lang>/index.html`, the language's index.
        return Err(
            "the slug `index` is taken by each language's index page: rename the file".into(),
        );
    }
    Ok(())
}

/// The line where each message id is first named in the article file, so that diagnostics
/// about a message can point at the article line that asks for it.
struct KeyLines<'t> {
    text: &'t str,
    lines: Lines<'t>,
    found: BTreeMap<String, usize>,
}

impl<'t> KeyLines<'t> {
    fn new(text: &'t str) -> Self {
        KeyLines {
            text,
            lines: Lines::new(text),
            found: BTreeMap::new(),
        }
    }

    /// Notes the line where `key` is quoted at or after byte `from`; the first note of a key wins.
    fn note(&mut self, key: &str, from: usize) {
        if let Some(line) = line_of_quoted(&self.lines, self.text, key, from) {
            self.found.entry(key.to_owned()).or_insert(line);
        }
    }

    /// The section, its site string `section-<id>` noted at the line that names it.
    fn note_section(&mut self, section: Spanned<String>) -> String {
        let line = self.lines.line_col(section.span().start).0;
        let section = section.into_inner();
        self.found.insert(format!("section-{section}"), line);
        section
    }

    /// The message id of `title` or `lede`, noted where the file names it.
    fn note_spanned(&mut self, id: Spanned<String>) -> String {
        let at = id.span().start;
        let id = id.into_inner();
        self.note(&id, at);
        id
    }
}

/// One `[[blocks]]` table, found at `line`; the caller says which block an error is about.
fn parse_block(mut table: toml::Table, line: usize) -> std::result::Result<Block, String> {
    let args = block_args(table.remove("args"))?;
    // serde says "unknown variant" of the block's `type` and of any other choice (a figure's
    // `kind`): each is named for what it is.
    let of_type = table
        .get("type")
        .and_then(toml::Value::as_str)
        .map(|t| format!("unknown variant `{t}`"));
    let body = BlockBody::deserialize(toml::Value::Table(table)).map_err(|e| {
        let message = e.message().trim();
        match of_type.as_deref() {
            Some(of_type) if message.starts_with(of_type) => {
                message.replacen("unknown variant", "unknown block type", 1)
            }
            _ => message.replacen("unknown variant", "unknown value", 1),
        }
    })?;
    check_block_links(&body)?;
    Ok(Block {
        body,
        args,
        line,
        asset_lines: BTreeMap::new(),
    })
}

/// A block's `args` table, checked to hold only values a Fluent argument can take.
fn block_args(args: Option<toml::Value>) -> std::result::Result<BTreeMap<String, Arg>, String> {
    match args {
        None => Ok(BTreeMap::new()),
        Some(toml::Value::Table(args)) => args
            .into_iter()
            .map(|(k, v)| {
                arg_value(&v)
                    .map(|a| (k.clone(), a))
                    .map_err(|m| format!("args.{k}: {m}"))
            })
            .collect(),
        Some(_) => Err("args must be a table, e.g. args = { count = 31 }".into()),
    }
}

/// The block's `src`, `poster` or `href` (see [`check_link`]), named in the error; a related
/// block links to a page (`href`, with its text `key`) or to an article, not both.
fn check_block_links(body: &BlockBody) -> std::result::Result<(), String> {
    match body {
        BlockBody::Figure {
            src, width, height, ..
        } => {
            check_link(src, false).map_err(|m| format!("src: {m}"))?;
            match (width, height) {
                (Some(0), _) | (_, Some(0)) => Err("width and height are at least 1 pixel".into()),
                (Some(_), None) | (None, Some(_)) => {
                    Err("give both `width` and `height`, or neither".into())
                }
                _ => Ok(()),
            }
        }
        BlockBody::Video {
            src,
            poster,
            sources,
            ..
        } => {
            check_link(src, false).map_err(|m| format!("src: {m}"))?;
            for (i, source) in sources.iter().enumerate() {
                check_link(&source.src, false)
                    .map_err(|m| format!("sources[{}].src: {m}", i + 1))?;
                check_media_type(&source.media_type)
                    .map_err(|m| format!("sources[{}].type: {m}", i + 1))?;
            }
            poster.as_deref().map_or(Ok(()), |p| {
                check_link(p, false).map_err(|m| format!("poster: {m}"))
            })
        }
        BlockBody::Related {
            key,
            href,
            lang,
            article,
            ..
        } => match (href, article) {
            (Some(href), None) if key.is_some() => {
                check_link(href, true).map_err(|m| format!("href: {m}"))?;
                lang.as_deref().map_or(Ok(()), check_lang)
            }
            (Some(_), None) => Err("missing field `key`: the message of the link's text".into()),
            (None, Some(slug)) if lang.is_none() => is_valid_slug(slug)
                .then_some(())
                .ok_or_else(|| format!("article: `{slug}` is not an article's slug")),
            (None, Some(_)) => {
                Err("`lang` goes with `href`: a linked article is in the page's language".into())
            }
            _ => Err("give either `href` (and `key`) or `article`".into()),
        },
        _ => Ok(()),
    }
}

/// A video source's media type: `video/<subtype>`, with parameters (`codecs`) if need be,
/// written into the page's `type` attribute as it is.
fn check_media_type(media_type: &str) -> std::result::Result<(), String> {
    let essence = media_type.split(';').next().unwrap_or_default().trim();
    let subtype = essence.strip_prefix("video/").unwrap_or_default();
    let token = |c: char| c.is_ascii_alphanumeric() || "!#$&-^_.+".contains(c);
    if subtype.is_empty() || !subtype.chars().all(token) {
        return Err(format!(
            "`{media_type}` is not a video media type: write e.g. type = \"video/mp4\""
        ));
    }
    Ok(())
}

/// The language of a linked page: a BCP 47 tag (`fr`, `pt-BR`).
fn check_lang(lang: &str) -> std::result::Result<(), String> {
    match lang.parse::<unic_langid::LanguageIdentifier>() {
        Ok(id) if id == lang => Ok(()),
        _ => Err(format!(
            "lang: `{}` is not a BCP 47 language tag such as `fr` or `pt-BR`",
            lang.escape_debug()
        )),
    }
}

/// Is `link` an http(s) URL rather than a path inside the site?
pub fn is_url(link: &str) -> bool {
    let lower = link.get(..8).unwrap_or(link).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// A `src` or `href` must be an http(s) URL (or mailto, for links) or a relative path inside
/// the site: no `..`, no absolute path, no other scheme (`javascript:`, `data:`…).
pub(crate) fn check_link(link: &str, mailto: bool) -> std::result::Result<(), String> {
    let lower = link.to_ascii_lowercase();
    let web = lower.starts_with("https://") || lower.starts_with("http://");
    if web || (mailto && lower.starts_with("mailto:")) {
        return if link.chars().any(|c| c.is_control() || c.is_whitespace()) {
            Err(format!(
                "`{}` contains spaces or control characters",
                link.escape_debug()
            ))
        } else {
            Ok(())
        };
    }
    let bad = link.is_empty()
        || link.starts_with('/')
        || link.contains(['\\', ':', '\0'])
        || link.chars().any(|c| c.is_control() || c.is_whitespace())
        || link.split('/').any(|seg| seg == "..");
    if bad {
        Err(format!(
            "`{}` must be an http(s) URL or a relative path inside the site (no `..`, no leading `/`)",
            link.escape_debug()
        ))
    } else {
        Ok(())
    }
}

/// A TOML datetime as a publication time: a date alone, or a date and time with offset.
fn published(dt: &toml::value::Datetime) -> Option<Published> {
    toml_date(dt)
        .map(Published::Date)
        .or_else(|| toml_datetime(dt).map(Published::DateTime))
}

/// A TOML offset datetime: an instant.
fn toml_datetime(dt: &toml::value::Datetime) -> Option<DateTime> {
    let (Some(d), Some(t), Some(offset)) = (dt.date, dt.time, dt.offset) else {
        return None;
    };
    Some(DateTime {
        date: Date {
            year: i32::from(d.year),
            month: d.month,
            day: d.day,
        },
        hour: t.hour,
        minute: t.minute,
        second: t.second,
        offset: match offset {
            toml::value::Offset::Z => 0,
            toml::value::Offset::Custom { minutes } => minutes,
        },
    })
}

fn toml_date(dt: &toml::value::Datetime) -> Option<Date> {
    match (dt.date, dt.time, dt.offset) {
        (Some(d), None, None) => Some(Date {
            year: i32::from(d.year),
            month: d.month,
            day: d.day,
        }),
        _ => None,
    }
}

/// The largest integer a Fluent number (a double) holds exactly: 2^53.
const MAX_EXACT_INTEGER: u64 = 1 << 53;

/// The Fluent argument a TOML value gives, or why it cannot be one. An integer past 2^53
/// would be published rounded (Fluent's numbers are doubles): it is refused, and a string
/// shows it as typed.
fn arg_value(v: &toml::Value) -> std::result::Result<Arg, String> {
    match v {
        toml::Value::Integer(i) if i.unsigned_abs() <= MAX_EXACT_INTEGER => {
            Ok(Arg::Number(*i as f64))
        }
        toml::Value::Integer(i) => Err(format!(
            "{i} is too large to be shown exactly (a number goes up to 2^53, {MAX_EXACT_INTEGER}); write it as a string, \"{i}\", to show it as typed"
        )),
        toml::Value::Float(f) if f.is_finite() && significant_digits(*f) <= f64::DIGITS => {
            Ok(Arg::Number(*f))
        }
        toml::Value::Float(f) if f.is_finite() => Err(format!(
            "a number of more than {} significant digits ({f} as read) cannot be published as written: write it with at most {0}, or as a string to show it as typed",
            f64::DIGITS
        )),
        toml::Value::String(s) => Ok(Arg::String(s.clone())),
        toml::Value::Datetime(dt) => {
            leap_second(dt)?;
            published(dt)
                .map(|p| p.arg())
                .ok_or_else(|| format!("`{dt}` must be a date, or a date and time with its offset from UTC"))
        }
        _ => Err("use a number, a string or a date".into()),
    }
}

/// The significant digits of `f` as the shortest decimal that reads back as it. A number
/// written with at most [`f64::DIGITS`] (15) reads back as written; past them, what was
/// written may differ from what a double holds (`12.3456789012345678` reads back as
/// `12.345678901234567`), and only the double is known.
fn significant_digits(f: f64) -> u32 {
    let digits: String = f.to_string().chars().filter(char::is_ascii_digit).collect();
    digits.trim_matches('0').len() as u32
}

/// A leap second (`23:59:60`) is refused: the feeds, metadata and sitemap that carry a time
/// are read by programs that do not take one, and an editor who types it more likely meant
/// another time.
fn leap_second(dt: &toml::value::Datetime) -> std::result::Result<(), String> {
    match dt.time {
        Some(t) if t.second == 60 => Err(format!(
            "`{dt}` has a leap second (second 60), which gazette does not publish: write :59, or the next minute's :00"
        )),
        _ => Ok(()),
    }
}

/// First line at or after byte `from` that holds `"key"` or `'key'`.
fn line_of_quoted(lines: &Lines, text: &str, key: &str, from: usize) -> Option<usize> {
    let from = from.min(text.len());
    let rest = text.get(from..)?;
    let pos = [format!("\"{key}\""), format!("'{key}'")]
        .iter()
        .filter_map(|q| rest.find(q.as_str()))
        .min()?;
    Some(lines.line_col(from + pos).0)
}

/// One line for a TOML error: `line L, column C: message`, in plain words with the fix
/// where the mistake is a common one (an unquoted string, a date in another format) rather
/// than what the parser expected next ("invalid float, expected `inf`").
pub(crate) fn describe_toml_error(text: &str, e: &toml::de::Error) -> String {
    let message = e.message().trim().replace('\n', " ");
    match e.span() {
        Some(span) => {
            let (line, col) = line_col(text, span.start);
            let hint = crate::ftl::line_text(text, line)
                .and_then(|l| toml_fix(l).or_else(|| list_fix(&message, l)));
            let hint = hint.or_else(|| nearest_key(&message));
            format!("line {line}, column {col}: {}", hint.unwrap_or(message))
        }
        None => message,
    }
}

/// serde's "unknown field `baseurl`, expected one of `source`, ..., `base_url`, ..." as "did
/// you mean `base_url`?" when one key is near what was typed (the whole list otherwise).
fn nearest_key(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (typed, expected) = rest.split_once('`')?;
    let keys = expected.split('`').skip(1).step_by(2);
    let best = crate::guard::nearest(&typed.to_lowercase(), keys, 0.85)?;
    Some(format!("unknown key `{typed}`: did you mean `{best}`?"))
}

/// A list written as one string (`targets = "en,de"`), which serde calls "invalid type:
/// string, expected a sequence": the same list, written as TOML writes lists.
fn list_fix(message: &str, line: &str) -> Option<String> {
    if !(message.starts_with("invalid type: string") && message.contains("expected a sequence")) {
        return None;
    }
    let (key, value) = line.split_once('=')?;
    let items = value.trim().trim_matches(['"', '\'']);
    let quoted: Vec<String> = items
        .split(',')
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .map(|i| format!("\"{i}\""))
        .collect();
    Some(format!(
        "a list is written in brackets, each item quoted: {} = [{}]",
        key.trim(),
        quoted.join(", ")
    ))
}

/// The fix for a `key = value` line with a common mistake: a bare word where a string goes
/// (`strings must be quoted: section = "international"`), or a date that is not written
/// the TOML way (`write a date as year-month-day, without quotes: date = 2025-08-17`).
fn toml_fix(line: &str) -> Option<String> {
    let (key, value) = line.split_once('=')?;
    let (key, value) = (key.trim(), value.trim());
    if key.is_empty() || key.contains(['[', '{', '"', '\'']) {
        return None;
    }
    // A date TOML reads is no mistake of format: whatever follows it is.
    let first = value.split_whitespace().next().unwrap_or_default();
    if key == "date" && first.parse::<toml::value::Datetime>().is_err() {
        let (date, example) = match date_of(value) {
            Some(date) => (date, ""),
            None => ("2025-08-17".to_owned(), "e.g. "),
        };
        return Some(format!(
            "write a date as year-month-day, without quotes: {example}{key} = {date}"
        ));
    }
    let quoted = match value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
        Some(items) => {
            let items: Vec<&str> = items.split(',').map(str::trim).collect();
            if !items.iter().copied().any(is_bare_word) {
                return None;
            }
            let quoted: Vec<String> = items.iter().map(|i| quote_bare(i)).collect();
            format!("[{}]", quoted.join(", "))
        }
        // The two keys that take a list of strings.
        None if is_bare_word(value) && ["targets", "items"].contains(&key) => {
            format!("[{}]", quote_bare(value))
        }
        None if is_bare_word(value) => quote_bare(value),
        None => return None,
    };
    Some(format!("strings must be quoted: {key} = {quoted}"))
}

/// A value TOML reads as no value at all: a word not in quotes (`international`, `fr`).
fn is_bare_word(value: &str) -> bool {
    let starts_a_value = |c: char| c.is_ascii_digit() || "\"'[{+-.".contains(c);
    !value.is_empty()
        && !value.starts_with(starts_a_value)
        && !["true", "false", "inf", "nan"].contains(&value)
}

fn quote_bare(value: &str) -> String {
    if is_bare_word(value) {
        format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        value.to_owned()
    }
}

/// The TOML form of a date written another way: quoted (`"2025-08-17"`), with other
/// separators or without leading zeros (`2025/8/17`), or day first (`17.08.2025`,
/// `17/08/2025`). A day-first date whose day and month could be swapped (`03/04/2025`) is
/// taken as day/month/year, the order of every language but American English; the message
/// shows the result, so the writer sees what was assumed.
fn date_of(value: &str) -> Option<String> {
    let value = value.trim_matches(['"', '\'']);
    let parts: Vec<&str> = value.split(['-', '/', '.']).collect();
    let [a, b, c] = parts[..] else {
        return None;
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(a) && digits(b) && digits(c)) {
        return None;
    }
    let n = |s: &str| s.parse::<u32>().unwrap_or(0);
    let (year, month, day) = match (a.len(), c.len()) {
        (4, 1..=2) => (n(a), n(b), n(c)),
        (1..=2, 4) if n(b) > 12 => (n(c), n(a), n(b)),
        (1..=2, 4) => (n(c), n(b), n(a)),
        _ => return None,
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    };
    (1..=days)
        .contains(&day)
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Article> {
        parse_article(Path::new("content/a.toml"), text)
    }

    #[test]
    fn blocks_keep_order_args_and_lines() {
        let a = parse(
            "date = 2025-08-17\n\n[[blocks]]\ntype = \"heading\"\nkey = \"h\"\n\n[[blocks]]\ntype = \"paragraph\"\nkey = \"p\"\nargs = { count = 31, when = 2025-03-02, who = \"x\" }\n",
        )
        .unwrap();
        assert_eq!(a.title, "title");
        assert!(!a.lede_required);
        assert_eq!(a.blocks.len(), 2);
        assert_eq!(a.blocks[1].body, BlockBody::Paragraph { key: "p".into() });
        assert_eq!(a.blocks[1].args["count"], Arg::Number(31.0));
        assert_eq!(
            a.blocks[1].args["when"],
            Arg::Date(Date {
                year: 2025,
                month: 3,
                day: 2
            })
        );
        assert_eq!(a.key_lines["h"], 5);
        assert_eq!(a.key_lines["p"], 9);
    }

    #[test]
    fn block_kinds_are_named_as_serialised_and_flagged() {
        for kind in BlockKind::ALL {
            let json = serde_json::to_value(kind).unwrap();
            assert_eq!(json, kind.name());
            assert_eq!(kind.flag(), format!("is_{}", kind.name()));
        }
    }

    #[test]
    fn unknown_block_type_names_the_block() {
        let e =
            parse("date = 2025-08-17\n[[blocks]]\ntype = \"banner\"\nkey = \"x\"\n").unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.starts_with("content/a.toml: line 2: block 1: "),
            "{msg}"
        );
        assert!(msg.contains("banner"), "{msg}");
    }

    #[test]
    fn unknown_field_names_the_block_and_field() {
        let e = parse("date = 2025-08-17\n[[blocks]]\ntype = \"paragraph\"\nkey = \"x\"\n[[blocks]]\ntype = \"paragraph\"\nkey = \"y\"\ncolour = \"red\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("block 2"), "{e}");
        assert!(e.contains("colour"), "{e}");
    }

    #[test]
    fn links_are_urls_or_relative_paths() {
        for ok in [
            "images/a.jpg",
            "https://x.example/a?b=c",
            "http://x.example",
        ] {
            assert!(check_link(ok, false).is_ok(), "{ok}");
        }
        assert!(check_link("mailto:desk@x.example", true).is_ok());
        for bad in [
            "javascript:alert(1)",
            "JavaScript:x",
            "data:text/html,x",
            "../secret",
            "a/../../b",
            "/etc/passwd",
            "a\0b",
            "",
            "a b.jpg",
            "mailto:x@y",
        ] {
            assert!(check_link(bad, false).is_err(), "{bad}");
        }
    }

    #[test]
    fn toml_mistakes_get_their_fix() {
        let fix = |line: &str| toml_fix(line);
        assert_eq!(
            fix("kind = read").as_deref(),
            Some(r#"strings must be quoted: kind = "read""#)
        );
        assert_eq!(
            fix(r#"items = [a, "b", c\d]"#).as_deref(),
            Some(r#"strings must be quoted: items = ["a", "b", "c\\d"]"#)
        );
        // Values TOML can read, and lines that are not `key = value`, get no fix.
        for line in [
            "count = 31",
            "ok = true",
            r#"type = "paragraph"#,
            "args = { who = Macron }",
            "[[blocks]]",
            "date = 2025-08-17 x",
        ] {
            assert_eq!(fix(line), None, "{line}");
        }
    }

    #[test]
    fn dates_are_read_day_first_unless_they_cannot_be() {
        assert_eq!(date_of("03/04/2025").as_deref(), Some("2025-04-03"));
        assert_eq!(date_of("04/13/2025").as_deref(), Some("2025-04-13"));
        assert_eq!(date_of("'2024-2-29'").as_deref(), Some("2024-02-29"));
        for not_a_date in [
            "29/02/2025",
            "31/04/2025",
            "2025-13-01",
            "1/2/3",
            "a/b/2025",
        ] {
            assert_eq!(date_of(not_a_date), None, "{not_a_date}");
        }
    }

    #[test]
    fn slugs() {
        assert!(is_valid_slug("coalition-des-volontaires-2"));
        for bad in ["", "A", "a b", "..", "a/b", "é", "a_b"] {
            assert!(!is_valid_slug(bad), "{bad}");
        }
    }

    #[test]
    fn a_time_needs_its_offset() {
        let e = parse("date = 2025-08-17T10:00:00\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("offset from UTC"), "{e}");
        let a = parse("date = 2025-08-17T10:00:00+02:00\n").unwrap();
        assert_eq!(a.date.to_string(), "2025-08-17T10:00:00+02:00");
        let Published::DateTime(at) = a.date else {
            panic!("{:?}", a.date)
        };
        assert_eq!((at.date.day, at.hour, at.offset), (17, 10, 120));
        assert_eq!(
            parse("date = 2025-08-17\n").unwrap().date.to_string(),
            "2025-08-17"
        );
    }

    #[test]
    fn metadata_fields() {
        let a = parse(concat!(
            "date = 2025-08-17\n",
            "authors = [\"Ann Lee\", \"Bo Ek\"]\n",
            "tags = [\"ukraine\"]\n",
            "draft = true\n",
            "embargo = 2025-08-17T06:00:00Z\n",
            "title_args = { count = 31 }\n",
            "lede_args = { who = \"x\" }\n",
            "[slugs]\nen = \"coalition-of-the-willing\"\n",
            "[[updates]]\nat = 2025-08-18T10:00:00+02:00\nkey = \"update-1\"\n",
        ))
        .unwrap();
        assert_eq!(a.authors, ["Ann Lee", "Bo Ek"]);
        assert_eq!(a.tags, ["ukraine"]);
        assert!(a.draft);
        assert_eq!(a.embargo.unwrap().unix(), 1_755_410_400);
        assert_eq!(a.title_args["count"], Arg::Number(31.0));
        assert_eq!(a.lede_args["who"], Arg::String("x".into()));
        assert_eq!(a.page_slug("en"), "coalition-of-the-willing");
        assert_eq!(a.page_slug("de"), "a");
        assert_eq!(a.updates[0].key, "update-1");
        assert_eq!(a.key_lines["update-1"], 12);
        assert!(a.messages().iter().any(|(k, _)| *k == "update-1"));
    }

    #[test]
    fn an_author_may_be_a_name_or_a_name_with_a_page() {
        let a = parse(concat!(
            "date = 2025-08-17\n",
            "authors = [\"Ann Lee\", { name = \"Bo Ek\", url = \"https://news.example/bo-ek\" }]\n",
        ))
        .unwrap();
        assert_eq!(a.authors, ["Ann Lee", "Bo Ek"]);
        assert_eq!(a.author_urls.len(), 1);
        assert_eq!(a.author_urls["Bo Ek"], "https://news.example/bo-ek");
        let e = parse("date = 2025-08-17\nauthors = [{ name = \"Bo\", url = \"bo.html\" }]\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("line 2: authors: `url`: \"bo.html\" must be an http:// or https:// URL"),
            "{e}"
        );
        let e = parse("date = 2025-08-17\nauthors = [{ nom = \"Bo\" }]\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("line 2: authors: unknown key `nom`: write a name"),
            "{e}"
        );
    }

    #[test]
    fn metadata_errors_name_their_line() {
        for (text, wanted) in [
            ("date = 2025-08-17\nembargo = 2025-08-17\n", "line 2: embargo"),
            ("date = 2025-08-17\n[[updates]]\nat = 2025-08-18\nkey = \"u\"\n", "line 3: updates.at"),
            ("date = 2025-08-17\n[slugs]\nen = \"Not A Slug\"\n", "line 3: slugs.en"),
            ("date = 2025-08-17\n\nbyline = \"x\"\n", "line 3"),
            ("date = 2025-08-17\n[[updates]]\nat = 2025-08-18T10:00:00Z\nkey = \"u\"\nnote = 1\n", "line 5"),
        ] {
            let e = parse(text).unwrap_err().to_string();
            assert!(e.starts_with("content/a.toml: ") && e.contains(wanted), "{e}");
        }
    }

    #[test]
    fn figures_have_a_kind_photo_by_default_and_videos_typed_sources() {
        let blocks = |fields: &str| {
            parse(&format!(
                "date = 2025-08-17\n[[blocks]]\nkey = \"m\"\n{fields}"
            ))
            .map(|a| a.blocks[0].body.clone())
            .map_err(|e| e.to_string())
        };
        let kind = |fields| match blocks(fields) {
            Ok(BlockBody::Figure { kind, credit, .. }) => (kind, credit),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            kind("type = \"figure\"\nsrc = \"a.png\"\n"),
            (FigureKind::Photo, None)
        );
        assert_eq!(
            kind("type = \"figure\"\nsrc = \"a.svg\"\nkind = \"chart\"\ncredit = \"Ann Lee\"\n"),
            (FigureKind::Chart, Some("Ann Lee".into()))
        );
        let e = blocks("type = \"figure\"\nsrc = \"a.png\"\nkind = \"map\"\n").unwrap_err();
        assert!(e.contains("line 2: block 1: unknown value `map`"), "{e}");
        let video = "type = \"video\"\nsrc = \"v.webm\"\nsources = [{ src = \"v.mp4\", type = \"video/mp4; codecs=avc1\" }]\n";
        let Ok(body) = blocks(video) else {
            panic!("{video}")
        };
        assert_eq!(body.assets(), ["v.mp4", "v.webm"]);
        for (bad, wanted) in [
            (
                "type = \"mp4\"",
                "sources[1].type: `mp4` is not a video media type",
            ),
            ("type = \"audio/mp4\"", "sources[1].type"),
            ("type = \"video/\"", "sources[1].type"),
        ] {
            let e = blocks(&video.replace("type = \"video/mp4; codecs=avc1\"", bad)).unwrap_err();
            assert!(e.contains(wanted), "{e}");
        }
        let e = blocks(&video.replace("src = \"v.mp4\"", "src = \"../v.mp4\"")).unwrap_err();
        assert!(e.contains("sources[1].src"), "{e}");
    }

    #[test]
    fn related_links_go_to_a_page_or_an_article() {
        let block = |fields: &str| {
            parse(&format!(
                "date = 2025-08-17\n[[blocks]]\ntype = \"related\"\nkind = \"read\"\n{fields}"
            ))
            .map(|a| a.blocks[0].body.clone())
            .map_err(|e| e.to_string())
        };
        assert!(block("key = \"r\"\nhref = \"https://x.example/\"\nlang = \"fr\"\n").is_ok());
        assert!(block("article = \"other\"\n").is_ok());
        for bad in [
            "key = \"r\"\nhref = \"https://x.example/\"\nlang = \"French\"\n",
            "href = \"https://x.example/\"\n",
            "key = \"r\"\n",
            "article = \"other\"\nhref = \"https://x.example/\"\n",
            "article = \"Other\"\n",
        ] {
            let e = block(bad).unwrap_err();
            assert!(e.contains("line 2: block 1"), "{e}");
        }
    }
}
