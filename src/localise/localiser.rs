//! The editions of the articles and the site's strings, from the project's bundles: one
//! [`Localiser`] for a build, every language's resources read once.

use std::collections::BTreeMap;
use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentResource};

use super::edition::{unique_ids, Edition, LocalBlock, LocalUpdate, Outcome, Text};
use super::format::format_message;
use super::pseudo::Pseudo;
use super::texts::{MissingPolicy, Texts};
use crate::content::{Arg, Article};
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

/// What stands for an update's time while its note is formatted: private-use characters
/// around a word, which no translation holds.
const TIME_MARK: &str = "\u{e000}time\u{e000}";

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
