//! `content/<slug>.toml` read into an [`Article`]: its fields checked, each error naming its line.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::article::{Article, Update};
use super::blocks::{Block, BlockBody};
use super::toml_errors::{describe_toml_error, line_of_quoted};
use super::validation::{
    check_lang, check_link, check_media_type, check_slug, is_url, is_valid_slug,
};
use super::values::{
    arg_value, keep_written_decimals, leap_second, published, toml_datetime, Arg, DateTime,
};
use crate::error::{Error, Result};
use crate::ftl::Lines;

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

    let mut meta = Meta::parse(&raw, &mut keys).map_err(err)?;
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

    keep_decimals(text, &mut meta, &mut blocks);
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

/// The numbers of an article's arguments keep the decimals they are written with (`12.50`):
/// TOML reads only their value, so an article with a number among its arguments is read
/// again as written.
fn keep_decimals(text: &str, meta: &mut Meta, blocks: &mut [Block]) {
    use toml::de::{DeTable, DeValue};
    let numbers = |args: &BTreeMap<String, Arg>| args.values().any(|a| matches!(a, Arg::Number(_)));
    if !numbers(&meta.title_args)
        && !numbers(&meta.lede_args)
        && !blocks.iter().any(|b| numbers(&b.args))
    {
        return;
    }
    let Ok(doc) = DeTable::parse(text) else {
        return;
    };
    fn get<'a, 'i>(table: &'a DeTable<'i>, key: &str) -> Option<&'a DeValue<'i>> {
        table
            .iter()
            .find(|(k, _)| k.get_ref() == key)
            .map(|(_, v)| v.get_ref())
    }
    fn table<'a, 'i>(value: Option<&'a DeValue<'i>>) -> Option<&'a DeTable<'i>> {
        match value? {
            DeValue::Table(t) => Some(t),
            _ => None,
        }
    }
    let written = |args: Option<&DeTable>, key: &str| match get(args?, key)? {
        DeValue::Float(f) => Some(f.as_str().to_owned()),
        _ => None,
    };
    let doc = doc.get_ref();
    let title = table(get(doc, "title_args"));
    keep_written_decimals(&mut meta.title_args, |k| written(title, k));
    let lede = table(get(doc, "lede_args"));
    keep_written_decimals(&mut meta.lede_args, |k| written(lede, k));
    let Some(DeValue::Array(tables)) = get(doc, "blocks") else {
        return;
    };
    for (block, raw) in blocks.iter_mut().zip(tables.iter()) {
        let args = table(Some(raw.get_ref())).and_then(|b| table(get(b, "args")));
        keep_written_decimals(&mut block.args, |k| written(args, k));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::blocks::FigureKind;
    use crate::content::values::{Date, Published};

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
