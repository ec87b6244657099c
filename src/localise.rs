//! Stage 4, localise: an article plus a language's bundles -> an [`Edition`]: every text of
//! the page formatted, in reading order, ready for any renderer. Handlebars is not seen here.

use std::collections::BTreeMap;
use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentResource};
use serde::{Deserialize, Serialize};

use crate::content::{Arg, Article, Block, BlockBody, BlockKind, FigureKind, RelatedKind};
use crate::intl::{self, Bundle};
use crate::intl::{OwnResources, SharedResources};
use crate::project::Project;

/// The site strings gazette's own code formats, beside the `ui.<id>` that templates name
/// (`link-in-<lang>` may stand for `link-in` for one language a link may declare): what
/// `gazette init` must ship for its pages to read as written, since each one falls back to
/// bare text when absent.
pub const CODE_SITE_STRINGS: &[&str] = &[
    "lang-name",
    "choose-language",
    "link-in",
    "related-read",
    "related-watch",
    "byline",
    "time",
    "translated-from",
    "translated-from-by",
    "update-note",
    "text-photo",
    "text-chart",
    "text-illustration",
    "text-video",
    "text-feed",
    "credit-photo",
    "credit-chart",
    "credit-illustration",
    "credit-video",
    "text-related-read",
    "text-related-watch",
    "text-read-online",
    "preview-draft",
    "preview-fallback",
];

/// What to do when a target language lacks a message (`--missing`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MissingPolicy {
    /// Refuse to publish.
    #[default]
    Error,
    /// Show the source text, marked with the source language.
    Fallback,
    /// Leave the article out of that language's edition.
    Skip,
}

/// A pseudo-locale edition of the source language (`--pseudo`), to see truncation,
/// concatenation, hard-coded text and direction bugs before the first translation exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pseudo {
    /// `und-x-ploc`: every letter accented, vowels doubled (about a third longer).
    Accented,
    /// `und-x-plocm`: letters mirrored, the page right to left.
    Bidi,
}

impl Pseudo {
    pub const ALL: [Pseudo; 2] = [Pseudo::Accented, Pseudo::Bidi];

    /// Its language tag: Windows' pseudo-locale names (`qps-ploc`, `qps-plocm`) as BCP 47
    /// private use of an undetermined language. Windows' own tags are invalid `lang` values:
    /// `ploc` and `plocm` read as a script and a variant the IANA registry lacks (Nu), and
    /// `qps` is no language axe-core knows.
    pub fn tag(self) -> &'static str {
        match self {
            Pseudo::Accented => "und-x-ploc",
            Pseudo::Bidi => intl::PSEUDO_RTL,
        }
    }

    /// The pseudo-locale of a language tag, if it is one.
    pub fn of(lang: &str) -> Option<Pseudo> {
        Pseudo::ALL.into_iter().find(|p| p.tag() == lang)
    }

    /// The transform of the translators' text (not of the values placed in it).
    fn transform(self) -> fn(&str) -> std::borrow::Cow<'_, str> {
        match self {
            Pseudo::Accented => |s| pseudo_text(s, false, true),
            Pseudo::Bidi => |s| pseudo_text(s, true, false),
        }
    }
}

/// fluent-pseudo's transform of a text's letters outside inline markup (tags and character
/// references are kept).
fn pseudo_text(text: &str, flipped: bool, elongate: bool) -> std::borrow::Cow<'_, str> {
    if !text.contains(['<', '&']) {
        return fluent_pseudo::transform(text, flipped, elongate);
    }
    crate::markup::map_text(text, |piece, out| {
        out.push_str(&fluent_pseudo::transform(piece, flipped, elongate));
    })
    .into()
}

/// A passage of text; `lang` is set when it is shown in another language than the page's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Text {
    pub value: String,
    pub lang: Option<String>,
}

/// One block of an edition, with every field a template may use (null when absent, so
/// templates run in strict mode).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LocalBlock {
    /// Serialised as `heading`, `paragraph`, `quote`, `list`, `figure`, `video` or `related`.
    pub kind: BlockKind,
    pub text: Option<Text>,
    pub items: Vec<Text>,
    pub alt: Option<Text>,
    pub caption: Option<Text>,
    /// As the content file gives it: a path of `static/` or a URL.
    pub src: Option<String>,
    /// `src` as a link from the page (the build fills it in).
    pub url: Option<String>,
    /// A video's poster frame, as a link from the page.
    pub poster: Option<String>,
    /// A video's encodings, when it has several: its `sources`, then its `src`.
    pub sources: Vec<LocalSource>,
    /// A figure's kind: photo, chart or illustration.
    pub figure: Option<FigureKind>,
    /// Who made the image or video, as its `credit-<kind>` site string says it ("Photo: AFP").
    pub credit: Option<String>,
    /// A video's id in the page (its message id, unique in the page), which the text edition
    /// links to.
    pub id: Option<String>,
    /// An image's size in CSS pixels, when its file tells it (the build fills it in).
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// Not the page's first image: loaded when the reader nears it.
    pub lazy: bool,
    /// A photo's narrower copies and itself, `<url> <width>w` each, for `srcset` (the build
    /// fills it in).
    pub srcset: Option<String>,
    pub href: Option<String>,
    /// The language of the linked page, when the content file gives it.
    pub hreflang: Option<String>,
    /// "(in French)": the `link-in-<lang>` site string, for a link to a page in another
    /// language than this one.
    pub marker: Option<String>,
    /// The linked article's slug: the build gives the block its `href` and `text`.
    pub article: Option<String>,
    /// The "(Re)lire" / "Read more" label of a related link.
    pub label: Option<String>,
    /// A related link's kind: read or watch.
    pub related: Option<RelatedKind>,
    /// The text edition's line for a figure, video or related link: its label and title
    /// (and link) as the `text-<kind>` site string puts them (the build fills it in).
    pub labelled: Option<String>,
}

/// One encoding of a video.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LocalSource {
    /// As the content file gives it, then as a link from the page (the build makes it one).
    pub url: String,
    /// Its media type (`video/mp4`), when the content file gives it or its extension tells it.
    #[serde(rename = "type")]
    pub media_type: Option<String>,
}

/// The media type of a video file by its extension, for the one `src` of a video that has
/// other sources (whose types the content file gives).
fn video_type(src: &str) -> Option<String> {
    let path = src.split(['?', '#']).next().unwrap_or_default();
    let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
    let subtype = match ext.as_str() {
        "mp4" | "m4v" => "mp4",
        "webm" => "webm",
        "ogv" | "ogg" => "ogg",
        "mov" => "quicktime",
        _ => return None,
    };
    Some(format!("video/{subtype}"))
}

/// A note of a later change, as the page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocalUpdate {
    /// RFC 3339, for `<time datetime>` and `dateModified`.
    pub at: String,
    /// The `update-note` site string: the date written the local way and what changed.
    pub text: Text,
    /// The date and time as `text` writes it, when the site string places it (`{ $date }`).
    pub time: Option<String>,
    /// `text` before and after `time`, so a template can mark the time alone up (`<time>`).
    pub before: String,
    pub after: String,
}

/// What stands for an update's time while its note is formatted: private-use characters
/// around a word, which no translation holds.
const TIME_MARK: &str = "\u{e000}time\u{e000}";

/// An article in one language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edition {
    pub lang: String,
    pub slug: String,
    /// The page's name in this language: the article's localised slug, or its slug.
    pub page: String,
    /// ISO date, or RFC 3339 date-time with offset, for `<time datetime>`.
    pub date: String,
    /// The date (and time) written the local way.
    pub date_text: String,
    /// When the article last changed: the latest update's time, else `date`.
    pub modified: String,
    /// `date` and `modified` in seconds since 1970 (a date alone: its midnight UTC), to order
    /// articles by.
    pub published_at: i64,
    pub modified_at: i64,
    pub section: Option<String>,
    pub title: Text,
    pub lede: Option<Text>,
    pub authors: Vec<String>,
    /// Author -> the page about them, for those the content file gives one.
    pub author_urls: BTreeMap<String, String>,
    /// The `byline` site string with the authors joined the local way.
    pub byline: Option<String>,
    /// Who translated this edition (`[translators]` of the content file).
    pub translators: Vec<String>,
    /// A translated edition's disclosure, "Translated from the French by …" (none on the
    /// source language's).
    pub translation: Option<String>,
    /// The tags as the content file writes them (feeds' category terms).
    pub tags: Vec<String>,
    /// The tags as the language names them ([`tag_name`]), in the same order.
    pub tag_names: Vec<String>,
    pub updates: Vec<LocalUpdate>,
    pub blocks: Vec<LocalBlock>,
    /// The text edition's "Read online: <url>" (`text-read-online`), with a `base_url`.
    pub read_online: Option<String>,
    /// The text edition's "Atom feed: <url>" (`text-feed`), where the language has a feed.
    pub read_feed: Option<String>,
    /// Shared interface strings (`site.ftl`…), formatted with the article's arguments.
    pub ui: BTreeMap<String, String>,
    /// Message ids shown in the source language (`--missing fallback`).
    pub fallbacks: Vec<String>,
    /// The article is a draft (built only for a preview).
    pub draft: bool,
}

/// What indexes, feeds and the sitemap show of an edition: all a build keeps of an article
/// it does not render again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Listing {
    pub lang: String,
    pub slug: String,
    pub page: String,
    pub date: String,
    pub date_text: String,
    pub modified: String,
    pub published_at: i64,
    pub modified_at: i64,
    pub section: Option<String>,
    pub title: Text,
    pub lede: Option<Text>,
    pub authors: Vec<String>,
    pub author_urls: BTreeMap<String, String>,
    pub tags: Vec<String>,
    pub tag_names: Vec<String>,
    /// The body's HTML, as a feed entry's content (the build renders it).
    pub content: String,
}

impl Edition {
    pub fn listing(&self) -> Listing {
        Listing {
            lang: self.lang.clone(),
            slug: self.slug.clone(),
            page: self.page.clone(),
            date: self.date.clone(),
            date_text: self.date_text.clone(),
            modified: self.modified.clone(),
            published_at: self.published_at,
            modified_at: self.modified_at,
            section: self.section.clone(),
            title: self.title.clone(),
            lede: self.lede.clone(),
            authors: self.authors.clone(),
            author_urls: self.author_urls.clone(),
            tags: self.tags.clone(),
            tag_names: self.tag_names.clone(),
            content: String::new(),
        }
    }
}

/// The outcome for one (language, article).
#[derive(Debug)]
pub enum Outcome {
    Edition(Box<Edition>),
    /// Messages the language lacks (`--missing skip` or `error`).
    Missing(Vec<String>),
}

/// The bundles of every language. Files come parsed by the checks: the shared ones once for
/// all bundles ([`SharedResources`]), an article's own with its run ([`OwnResources`]).
pub struct Localiser<'p> {
    project: &'p Project,
    /// Language -> its parsed files, sorted out once for every bundle.
    languages: BTreeMap<String, LanguageResources>,
    /// The pseudo-locale edition asked for, made of the source language's files.
    pseudo: Option<Pseudo>,
}

/// The parsed `.ftl` files of one language.
#[derive(Default)]
struct LanguageResources {
    /// The files every article's bundle shares, in name order.
    shared: Vec<Arc<FluentResource>>,
    /// Ids of the messages of the shared files, in file order.
    shared_ids: Vec<String>,
    /// A bundle of the shared files alone.
    shared_bundle: Option<Bundle>,
}

impl<'p> Localiser<'p> {
    pub fn new(project: &'p Project, mut shared: SharedResources, pseudo: Option<Pseudo>) -> Self {
        let mut languages = BTreeMap::new();
        if let Some(p) = pseudo {
            let source = shared.get(&project.config.source).cloned();
            shared.insert(p.tag().to_owned(), source.unwrap_or_default());
        }
        let mut localiser = Localiser {
            project,
            languages: BTreeMap::new(),
            pseudo,
        };
        for (lang, resources) in shared {
            let shared_ids = resources
                .iter()
                .flat_map(|r| r.entries())
                .filter_map(|e| match e {
                    fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                    _ => None,
                })
                .collect();
            let shared_bundle = Some(localiser.make_bundle(&lang, resources.iter().cloned()));
            let res = LanguageResources {
                shared: resources,
                shared_ids,
                shared_bundle,
            };
            languages.insert(lang, res);
        }
        localiser.languages = languages;
        localiser
    }

    /// The language whose files and formatting locale a language's editions use: the source
    /// language's for the pseudo-locale, else its own.
    fn data_lang<'l>(&'l self, lang: &'l str) -> &'l str {
        match self.pseudo {
            Some(p) if p.tag() == lang => &self.project.config.source,
            _ => lang,
        }
    }

    /// The locale numbers, dates and lists of a language are formatted in.
    fn locale<'l>(&'l self, lang: &'l str) -> &'l str {
        self.project.config.format_locale(self.data_lang(lang))
    }

    /// A bundle of `resources` for `lang`, through the pseudo-locale's transform for it.
    fn make_bundle(
        &self,
        lang: &str,
        resources: impl IntoIterator<Item = Arc<FluentResource>>,
    ) -> Bundle {
        let mut bundle = intl::bundle(self.locale(lang), resources);
        if let Some(p) = self.pseudo.filter(|p| p.tag() == lang) {
            bundle.set_transform(Some(p.transform()));
        }
        bundle
    }

    /// The bundle of an article in a language: its own file first, then the shared files.
    fn bundle(&self, lang: &str, own: Option<&Arc<FluentResource>>) -> Bundle {
        let Some(res) = self.languages.get(lang) else {
            return intl::new_bundle(self.locale(lang));
        };
        let own = own.cloned();
        self.make_bundle(lang, own.into_iter().chain(res.shared.iter().cloned()))
    }

    /// The bundle of a language's shared files.
    fn shared_bundle(&self, lang: &str) -> Option<&Bundle> {
        self.languages
            .get(lang)
            .and_then(|r| r.shared_bundle.as_ref())
    }

    /// The name of a language in itself: `lang-name` of its shared files, else CLDR's
    /// (日本語, العربية, Deutsch), else its tag.
    pub fn language_name(&self, lang: &str) -> String {
        self.shared_bundle(lang)
            .and_then(|b| format_message(b, "lang-name", None, None))
            .or_else(|| intl::autonym(lang))
            .unwrap_or_else(|| lang.to_owned())
    }

    /// The name of each of `langs` in itself.
    pub fn language_names<'a>(&self, langs: &'a [String]) -> BTreeMap<&'a str, String> {
        langs
            .iter()
            .map(|l| (l.as_str(), self.language_name(l)))
            .collect()
    }

    /// "(in French)" on a page in `lang` for a link to a page in `other`: the
    /// `link-in-<other>` site string, else `link-in` with `$language`, the language's name in
    /// `lang` by CLDR (or its tag); none when the language has neither string.
    fn link_marker(
        &self,
        lang: &str,
        other: &str,
        ui: &BTreeMap<String, String>,
    ) -> Option<String> {
        if let Some(own) = ui.get(&format!("link-in-{other}")) {
            return Some(own.clone());
        }
        let name = intl::language_name(other, lang).unwrap_or_else(|| other.to_owned());
        let mut args = FluentArgs::new();
        args.set("language", name);
        format_message(self.shared_bundle(lang)?, "link-in", None, Some(&args))
    }

    /// Localise one article in one language, from its own files parsed by the checks.
    pub fn edition(
        &self,
        lang: &str,
        article: &Article,
        own: &OwnResources,
        policy: MissingPolicy,
    ) -> Outcome {
        let mut texts = self.texts(lang, own, policy);
        let clock = self.clock(lang);
        let fluent_all = intl::fluent_args(&article.all_args(), &clock);
        let with_date = |args| with_date(intl::fluent_args(args, &clock), &fluent_all);

        let title = texts.text(&article.title, None, &with_date(&article.title_args));
        let lede = if article.lede_required || texts.bundle.has_message(&article.lede) {
            texts.text(&article.lede, None, &with_date(&article.lede_args))
        } else {
            None
        };
        let ui = self.ui_strings(lang, &texts.bundle, Some(&fluent_all));
        let mut blocks: Vec<LocalBlock> = article
            .blocks
            .iter()
            .map(|block| texts.block(block, &with_date(&block.args), &ui))
            .collect();
        unique_ids(&mut blocks);
        let no_args = with_date(&BTreeMap::new());
        let updates = self.updates(lang, article, &mut texts, &no_args, &clock);
        for block in &mut blocks {
            let other = block.hreflang.as_deref().filter(|l| *l != lang);
            block.marker = other.and_then(|l| self.link_marker(lang, l, &ui));
        }

        let Some(title) = title else {
            return Outcome::Missing(texts.missing);
        };
        if !texts.missing.is_empty() {
            return Outcome::Missing(texts.missing);
        }
        let section = article.section.as_ref().map(|s| section_name(&ui, s));
        let locale = self.locale(lang);
        // The latest update, whatever the order the file lists them in.
        let modified = article.updates.iter().max_by_key(|u| u.at.unix());
        let translators = article.translators.get(lang).map_or(&[][..], Vec::as_slice);
        Outcome::Edition(Box::new(Edition {
            lang: lang.to_owned(),
            slug: article.slug.clone(),
            page: article.page_slug(lang).to_owned(),
            date: article.date.to_string(),
            date_text: intl::format_arg(locale, &article.date.arg(), &clock),
            published_at: article.date.unix(),
            modified_at: modified.map_or(article.date.unix(), |u| u.at.unix()),
            modified: modified.map_or_else(|| article.date.to_string(), |u| u.at.to_string()),
            section,
            title,
            lede,
            byline: self.byline(lang, &texts.bundle, &article.authors),
            translation: self.translation(lang, &texts.bundle, translators),
            translators: translators.to_vec(),
            authors: article.authors.clone(),
            author_urls: article.author_urls.clone(),
            tags: article.tags.clone(),
            tag_names: article.tags.iter().map(|t| tag_name(&ui, t)).collect(),
            updates,
            blocks,
            read_online: None,
            read_feed: None,
            ui,
            fallbacks: texts.fallbacks,
            draft: article.draft,
        }))
    }

    /// How an edition in `lang` tells the time: in its zone (`time_zones`, else the source's),
    /// named when that is not the source's, through its language's `time` site string.
    fn clock(&self, lang: &str) -> intl::Clock<'_> {
        let (zone, named) = self.project.config.time_zone_of(self.data_lang(lang));
        intl::Clock::new(zone, named, self.locale(lang), self.shared_bundle(lang))
    }

    /// The `byline` site string with the authors joined the local way; none without authors.
    fn byline(&self, lang: &str, bundle: &Bundle, authors: &[String]) -> Option<String> {
        if authors.is_empty() {
            return None;
        }
        let names = intl::format_and_list(self.locale(lang), authors);
        let mut args = FluentArgs::new();
        args.set("authors", names.clone());
        Some(format_message(bundle, "byline", None, Some(&args)).unwrap_or(names))
    }

    /// "Translated from the French by …" on an edition of another language than the source's:
    /// the `translated-from-by` site string with the translators joined the local way, or
    /// `translated-from` when the article names none. `$language` is the source language as
    /// the edition's language writes it there (its `language-from-<source>` site string:
    /// "the French", "dem Französischen", a form CLDR's names cannot give), else CLDR's name.
    fn translation(&self, lang: &str, bundle: &Bundle, translators: &[String]) -> Option<String> {
        let source = self.project.config.source.as_str();
        if self.data_lang(lang) == source {
            return None;
        }
        let language = format_message(bundle, &format!("language-from-{source}"), None, None)
            .or_else(|| intl::language_name(source, lang))
            .unwrap_or_else(|| source.to_owned());
        let mut args = FluentArgs::new();
        args.set("language", language);
        if translators.is_empty() {
            return format_message(bundle, "translated-from", None, Some(&args));
        }
        args.set(
            "translators",
            intl::format_and_list(self.locale(lang), translators),
        );
        format_message(bundle, "translated-from-by", None, Some(&args))
    }

    /// The update notes: each its `update-note` site string, with the time written the local
    /// way and the article's message saying what changed.
    fn updates(
        &self,
        lang: &str,
        article: &Article,
        texts: &mut Texts,
        args: &FluentArgs,
        clock: &intl::Clock,
    ) -> Vec<LocalUpdate> {
        let locale = self.locale(lang);
        let mut updates = Vec::with_capacity(article.updates.len());
        for update in &article.updates {
            let Some(note) = texts.text(&update.key, None, args) else {
                continue;
            };
            let time = intl::format_arg(locale, &Arg::DateTime(update.at), clock);
            // Formatted with a mark in the time's place, to find where the time goes.
            let mut with = FluentArgs::new();
            with.set("date", TIME_MARK);
            with.set("note", note.value.clone());
            let marked = format_message(&texts.bundle, "update-note", None, Some(&with))
                .unwrap_or_else(|| note.value.clone());
            let (before, after) = marked.split_once(TIME_MARK).unwrap_or((&marked, ""));
            updates.push(LocalUpdate {
                at: update.at.to_string(),
                text: Text {
                    value: marked.replace(TIME_MARK, &time),
                    lang: note.lang,
                },
                time: marked.contains(TIME_MARK).then_some(time),
                before: before.to_owned(),
                after: after.to_owned(),
            });
        }
        updates
    }

    /// Where the texts of an article in `lang` come from: its bundle there and, under
    /// `--missing fallback`, the source language's.
    fn texts(&self, lang: &str, own: &OwnResources, policy: MissingPolicy) -> Texts<'p> {
        let source_lang = self.project.config.source.as_str();
        Texts {
            bundle: self.bundle(lang, own.get(self.data_lang(lang))),
            source: (policy == MissingPolicy::Fallback && self.data_lang(lang) != source_lang)
                .then(|| self.bundle(source_lang, own.get(source_lang))),
            source_lang,
            missing: Vec::new(),
            fallbacks: Vec::new(),
        }
    }

    /// Every message of the shared files, formatted (the source's where the language lacks one).
    fn ui_strings(
        &self,
        lang: &str,
        bundle: &Bundle,
        args: Option<&FluentArgs>,
    ) -> BTreeMap<String, String> {
        let mut ui = BTreeMap::new();
        let source = self.project.config.source.as_str();
        let sides = [(lang, Some(bundle)), (source, self.shared_bundle(source))];
        for (l, bundle) in sides {
            let (Some(res), Some(bundle)) = (self.languages.get(l), bundle) else {
                continue;
            };
            for id in &res.shared_ids {
                if !ui.contains_key(id) {
                    if let Some(v) = format_message(bundle, id, None, args) {
                        ui.insert(id.clone(), v);
                    }
                }
            }
        }
        ui
    }

    /// A site string formatted with `args` (`text-video` with `$title` and `$url`…), from the
    /// source language's shared files where the language lacks it.
    pub fn site_message(&self, lang: &str, id: &str, args: &[(&str, &str)]) -> Option<String> {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            fluent.set(*name, value.to_string());
        }
        let source = self.project.config.source.as_str();
        [lang, source]
            .into_iter()
            .filter_map(|l| self.shared_bundle(l))
            .find_map(|b| format_message(b, id, None, Some(&fluent)))
    }

    /// A site string without arguments, from the source language's shared files (and so
    /// marked) where the language lacks it.
    pub fn site_text(&self, lang: &str, id: &str) -> Option<Text> {
        let source = self.project.config.source.as_str();
        [lang, source].into_iter().find_map(|l| {
            let value = format_message(self.shared_bundle(l)?, id, None, None)?;
            let lang = (l != lang).then(|| l.to_owned());
            Some(Text { value, lang })
        })
    }

    /// The interface strings of a language outside any article (indexes, language picker).
    pub fn site_strings(&self, lang: &str) -> BTreeMap<String, String> {
        let bundle = self.bundle(lang, None);
        self.ui_strings(lang, &bundle, None)
    }
}

/// The texts of one edition as they are formatted, with what they lacked: an edition is
/// published only when nothing was missing, and says which texts are in the source language.
struct Texts<'p> {
    /// The article's bundle in the edition's language.
    bundle: Bundle,
    /// The article's bundle in the source language, when missing texts fall back to it.
    source: Option<Bundle>,
    source_lang: &'p str,
    /// Message ids (`id` or `id.attr`) neither bundle has.
    missing: Vec<String>,
    /// Message ids shown in the source language.
    fallbacks: Vec<String>,
}

impl Texts<'_> {
    /// The text of a message or of its attribute `attr`, from the source language when the
    /// edition's lacks it; `None` (and noted as missing) when neither has it.
    fn text(&mut self, id: &str, attr: Option<&str>, args: &FluentArgs) -> Option<Text> {
        if let Some(value) = format_message(&self.bundle, id, attr, Some(args)) {
            return Some(Text { value, lang: None });
        }
        let shown = match attr {
            Some(a) => format!("{id}.{a}"),
            None => id.to_owned(),
        };
        match self
            .source
            .as_ref()
            .and_then(|b| format_message(b, id, attr, Some(args)))
        {
            Some(value) => {
                self.fallbacks.push(shown);
                Some(Text {
                    value,
                    lang: Some(self.source_lang.to_owned()),
                })
            }
            None => {
                self.missing.push(shown);
                None
            }
        }
    }

    /// One block with its texts formatted with `args`; `ui` gives a related link its label.
    fn block(
        &mut self,
        block: &Block,
        args: &FluentArgs,
        ui: &BTreeMap<String, String>,
    ) -> LocalBlock {
        let mut local = LocalBlock::empty(block.body.kind());
        match &block.body {
            BlockBody::Heading { key }
            | BlockBody::Paragraph { key }
            | BlockBody::Quote { key } => {
                local.text = self.text(key, None, args);
            }
            BlockBody::List { items } => {
                local.items = items
                    .iter()
                    .filter_map(|k| self.text(k, None, args))
                    .collect();
            }
            BlockBody::Figure {
                key,
                src,
                kind,
                credit,
                width,
                height,
            } => {
                self.media(&mut local, key, src, args);
                // The content file's size; the build puts the file's own in its place.
                (local.width, local.height) = (*width, *height);
                local.figure = Some(*kind);
                local.credit = credit
                    .as_deref()
                    .map(|c| self.credit(&format!("credit-{}", kind.name()), c));
            }
            BlockBody::Video {
                key,
                src,
                poster,
                sources,
                credit,
            } => {
                self.media(&mut local, key, src, args);
                local.poster.clone_from(poster);
                if !sources.is_empty() {
                    let given = sources.iter().map(|s| (&s.src, Some(s.media_type.clone())));
                    local.sources = given
                        .chain([(src, video_type(src))])
                        .map(|(url, media_type)| LocalSource {
                            url: url.clone(),
                            media_type,
                        })
                        .collect();
                }
                local.credit = credit.as_deref().map(|c| self.credit("credit-video", c));
                local.id = Some(key.clone());
            }
            BlockBody::Related {
                key,
                href,
                lang,
                article,
                kind,
            } => {
                local.text = key.as_ref().and_then(|k| self.text(k, None, args));
                local.href.clone_from(href);
                local.hreflang.clone_from(lang);
                local.article.clone_from(article);
                local.related = Some(*kind);
                let label = match kind {
                    RelatedKind::Read => "related-read",
                    RelatedKind::Watch => "related-watch",
                };
                local.label = ui.get(label).cloned();
            }
        }
        local
    }
}

impl Texts<'_> {
    /// A figure's or video's texts (`.alt`, `.caption`) and file.
    fn media(&mut self, local: &mut LocalBlock, key: &str, src: &str, args: &FluentArgs) {
        local.alt = self.text(key, Some("alt"), args);
        local.caption = self.text(key, Some("caption"), args);
        local.src = Some(src.to_owned());
    }

    /// A credit as the site string `id` (`credit-photo`…) puts it, else as it is.
    fn credit(&self, id: &str, credit: &str) -> String {
        let mut args = FluentArgs::new();
        args.set("credit", credit.to_owned());
        format_message(&self.bundle, id, None, Some(&args)).unwrap_or_else(|| credit.to_owned())
    }
}

impl LocalBlock {
    /// A block of `kind` with no field set yet.
    fn empty(kind: BlockKind) -> Self {
        LocalBlock {
            kind,
            text: None,
            items: Vec::new(),
            alt: None,
            caption: None,
            src: None,
            url: None,
            poster: None,
            sources: Vec::new(),
            figure: None,
            credit: None,
            id: None,
            width: None,
            height: None,
            lazy: false,
            srcset: None,
            href: None,
            hreflang: None,
            marker: None,
            article: None,
            label: None,
            related: None,
            labelled: None,
        }
    }
}

/// Each block's `id` once in the page: a second video of the same message gets `-2`, and none
/// takes `content`, the id of the page's main text.
fn unique_ids(blocks: &mut [LocalBlock]) {
    let mut taken = std::collections::BTreeSet::from(["content".to_owned()]);
    for id in blocks.iter_mut().filter_map(|b| b.id.as_mut()) {
        let mut candidate = id.clone();
        let mut n = 1;
        while taken.contains(&candidate) {
            n += 1;
            candidate = format!("{id}-{n}");
        }
        taken.insert(candidate.clone());
        *id = candidate;
    }
}

/// A message's own arguments plus the article's `date`, which every message may use.
fn with_date<'a>(mut args: FluentArgs<'a>, article_args: &FluentArgs<'a>) -> FluentArgs<'a> {
    if let Some(date) = article_args.get("date") {
        args.set("date", date.clone());
    }
    args
}

/// A section as the language names it (`section-<name>` of the shared files), or its name.
fn section_name(ui: &BTreeMap<String, String>, section: &str) -> String {
    ui.get(&format!("section-{section}"))
        .cloned()
        .unwrap_or_else(|| section.to_owned())
}

/// A tag as the language names it (`tag-<tag>` of the shared files), or as the content file
/// writes it.
fn tag_name(ui: &BTreeMap<String, String>, tag: &str) -> String {
    ui.get(&format!("tag-{tag}"))
        .cloned()
        .unwrap_or_else(|| tag.to_owned())
}

/// Format a message's value or attribute; `None` when it does not exist. Invisible control
/// characters are dropped: they have no place in a page or a text file.
fn format_message(
    bundle: &Bundle,
    id: &str,
    attr: Option<&str>,
    args: Option<&FluentArgs>,
) -> Option<String> {
    let message = bundle.get_message(id)?;
    let pattern = match attr {
        Some(a) => message.get_attribute(a)?.value(),
        None => message.value()?,
    };
    let mut errors = Vec::new();
    let value = bundle.format_pattern(pattern, args, &mut errors);
    Some(clean(&intl::bind_dates(bundle.locales.first(), &value)))
}

/// Remove control and bidi-formatting characters, keeping line breaks and tabs. Every
/// message and page goes through it, so it looks only at the bytes such a character can
/// start with and copies the text between them whole.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if !MAY_BE_INVISIBLE[usize::from(b)] {
            continue;
        }
        // An ASCII byte or a lead byte: `i` is a character boundary.
        let c = text[i..].chars().next().unwrap_or_default();
        if invisible(c) {
            out.push_str(&text[copied..i]);
            copied = i + c.len_utf8();
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// The bytes an [`invisible`] character starts with: C0 controls but `\t` and `\n`, DEL,
/// 0xC2 (C1 controls), 0xE2 (bidi marks, embeddings and isolates) and 0xEF (U+FEFF).
static MAY_BE_INVISIBLE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b != 0x09 && b != 0x0a;
        b += 1;
    }
    table[0x7f] = true;
    table[0xc2] = true;
    table[0xe2] = true;
    table[0xef] = true;
    table
};

/// A control or bidi-formatting character other than a line break or a tab.
fn invisible(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

#[cfg(test)]
mod tests {
    /// HTML checkers accept only registered subtags in `lang`: the pseudo tags keep their
    /// names in the private-use part, after a primary language and nothing else.
    #[test]
    fn pseudo_tags_are_valid_in_html() {
        for pseudo in super::Pseudo::ALL {
            let locale = icu_locale_core::Locale::try_from_str(pseudo.tag()).unwrap();
            assert_eq!(locale.id.language.as_str(), "und", "{}", pseudo.tag());
            assert!(locale.id.script.is_none() && locale.id.variants.is_empty());
            assert!(!locale.extensions.private.is_empty(), "{}", pseudo.tag());
        }
    }

    #[test]
    fn pseudo_locales_change_letters_never_markup() {
        let text = "<a href=\"https://x.example/a\">Lire</a> &amp; <em>voir</em>";
        let accented = super::Pseudo::Accented.transform()(text);
        assert_eq!(
            accented,
            "<a href=\"https://x.example/a\">Ŀiřee</a> &amp; <em>ṽooiř</em>"
        );
        let mirrored = super::Pseudo::Bidi.transform()("Lire <a href=\"x\">");
        assert!(
            mirrored.ends_with(" <a href=\"x\">") && !mirrored.contains("Lire"),
            "{mirrored}"
        );
    }

    #[test]
    fn ids_are_unique_in_a_page() {
        use crate::content::BlockKind;
        let mut blocks: Vec<super::LocalBlock> = ["clip", "clip", "content", "clip-2"]
            .iter()
            .map(|id| {
                let mut b = super::LocalBlock::empty(BlockKind::Video);
                b.id = Some((*id).to_owned());
                b
            })
            .collect();
        blocks.push(super::LocalBlock::empty(BlockKind::Paragraph));
        super::unique_ids(&mut blocks);
        let ids: Vec<Option<&str>> = blocks.iter().map(|b| b.id.as_deref()).collect();
        assert_eq!(
            ids,
            [
                Some("clip"),
                Some("clip-2"),
                Some("content-2"),
                Some("clip-2-2"),
                None
            ]
        );
    }

    #[test]
    fn video_types_by_extension() {
        assert_eq!(
            super::video_type("media/a.MP4").as_deref(),
            Some("video/mp4")
        );
        assert_eq!(
            super::video_type("https://v.example/a.webm?x=1").as_deref(),
            Some("video/webm")
        );
        assert_eq!(super::video_type("media/a.avi"), None);
        assert_eq!(super::video_type("media/clip"), None);
    }

    #[test]
    fn clean_drops_invisible_controls_only() {
        assert_eq!(
            super::clean("a\u{2068}b\u{2069}\u{7}c\n\u{202f}d"),
            "abc\n\u{202f}d"
        );
    }

    #[test]
    fn clean_by_stretches_is_clean_by_character() {
        let ascii: String = (0x20u8..0x7f).map(char::from).chain(['\n']).collect();
        assert_eq!(super::clean(&ascii), ascii, "printable ASCII is kept");
        let text = "«\u{a0}17\u{202f}août\u{a0}» a\u{2068}b\u{2069}\u{7}c\n\u{202f}d\u{feff}\té\u{1b}[1m\r\u{85}\u{200f}x\u{2066}";
        for i in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            let t = &text[i..];
            let by_char: String = t.chars().filter(|&c| !super::invisible(c)).collect();
            assert_eq!(super::clean(t), by_char, "{t:?}");
        }
        assert_eq!(super::clean(text).matches('\t').count(), 1, "tabs are kept");
        // Every character that starts with a byte the table passes over is kept.
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let first = c.encode_utf8(&mut [0; 4]).as_bytes()[0];
            if !super::MAY_BE_INVISIBLE[usize::from(first)] {
                assert!(!super::invisible(c), "{c:?}");
            }
        }
    }
}
