//! The settings of `gazette.toml` as gazette uses them, read from the file and the command line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::values::{
    check_base_url, check_format_locale, check_language_tag, check_site_path, check_static_path,
    check_time_zone, checked, clean_path, edition_zones, function_names, Checked,
};
use crate::content;
use crate::error::{Error, Result};

/// The settings file at the project root.
pub const CONFIG_FILE: &str = "gazette.toml";

/// The source language when none is chosen: a newsroom writing in French.
pub const DEFAULT_SOURCE: &str = "fr";

/// `gazette.toml`, as written by the user. Every key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    source: Option<String>,
    targets: Option<Vec<Spanned<String>>>,
    content: Option<PathBuf>,
    locales: Option<PathBuf>,
    templates: Option<PathBuf>,
    out: Option<PathBuf>,
    base_url: Option<Spanned<String>>,
    /// Extension to SPEC: the CLDR locale used for dates and numbers of a language folder, for
    /// newsrooms whose `en` edition writes "17 August 2025" (`en = "en-GB"`).
    format_locales: Option<BTreeMap<String, Spanned<String>>>,
    /// Extension to SPEC: how the application loads its `.ftl` files (see [`Bundles`]).
    bundles: Option<Bundles>,
    /// Extension to SPEC: Fluent functions the application registers (`SHORTDATE`), whose
    /// calls `check` accepts without formatting them.
    functions: Option<Vec<String>>,
    /// Extension to SPEC: `[check]`, the level of diagnostic codes (see [`Level`]).
    check: Option<RawLevels>,
    /// Extension to SPEC: `[footer]`, what every page's footer links to beside the site's
    /// own pages.
    footer: Option<RawFooter>,
    /// Extension to SPEC: the newsroom's time zone (an IANA name), the source edition's.
    time_zone: Option<Spanned<String>>,
    /// Extension to SPEC: language -> the time zone its edition tells the time in.
    time_zones: Option<BTreeMap<String, Spanned<String>>>,
    /// Extension to SPEC: `[publisher]`, the organisation that publishes the site.
    publisher: Option<RawPublisher>,
    /// Extension to SPEC: the site's image (a path of `static/`), shared for articles that
    /// have none of their own.
    image: Option<Spanned<String>>,
}

/// How many newest articles an article page's footer links to, unless `[footer]` says.
pub const FOOTER_LATEST: usize = 3;

/// `[footer]` of `gazette.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFooter {
    #[serde(default)]
    links: Vec<Spanned<FooterLink>>,
    latest: Option<usize>,
}

/// A link of every page's footer (`[[footer.links]]`): a legal notice, an Impressum, the
/// privacy policy, labelled in each language by its site string.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FooterLink {
    /// The id of the site string that labels it (`legal-notice`).
    pub key: String,
    /// An http(s) URL, or a path of the site (`legal/impressum.html`, a file of `static/`).
    pub href: String,
    /// The language of the linked page, when it has one page for every language.
    pub lang: Option<String>,
    /// The languages whose pages show it (a legal notice in each language's own law and
    /// words); none: every language's.
    pub languages: Option<Vec<String>>,
}

/// `[publisher]` of `gazette.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPublisher {
    name: Option<String>,
    logo: Option<Spanned<String>>,
}

/// The organisation that publishes the site, as search engines are told of it: one name in
/// every language (a brand is not translated), and its logo.
#[derive(Debug, Clone, Default)]
pub struct Publisher {
    /// `None`: the source language's `site-name`.
    pub name: Option<String>,
    /// A file of `static/` (its path there), with its line in `gazette.toml`.
    pub logo: Option<(String, usize)>,
}

/// `[check]` of `gazette.toml`: codes by level, as `--allow`, `--warn` and `--deny` give them.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLevels {
    allow: Option<Vec<Spanned<String>>>,
    warn: Option<Vec<Spanned<String>>>,
    deny: Option<Vec<Spanned<String>>>,
}

/// What a project makes of a diagnostic code, in clippy's words: not reported (`allow`), a
/// warning (`warn`), an error (`deny`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Allow,
    Warn,
    Deny,
}

impl Level {
    /// The name of the option or `[check]` key.
    pub fn name(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Warn => "warn",
            Level::Deny => "deny",
        }
    }
}

/// A code given a level: its name as written (checked against the codes by `check`, a later
/// stage, which knows them), the level, and its line in `gazette.toml` (none on the command
/// line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeLevel {
    pub code: String,
    pub level: Level,
    pub line: Option<usize>,
}

/// Which files of a language form one Fluent bundle: the scope of `duplicate-message`, and
/// the bundle a message is formatted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Bundles {
    /// All of a language's files (a gazette site: an article's file with the shared ones).
    Language,
    /// Each file on its own, as applications that load one file per component or page do:
    /// the same id in two files is no duplicate.
    File,
}

/// Settings given on the command line (`check --source en-US i18n`), over gazette.toml's.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub source: Option<String>,
    /// The folder of language folders, relative to the project root.
    pub locales: Option<PathBuf>,
    /// `--allow`, `--warn`, `--deny`: over `[check]`'s levels.
    pub levels: Vec<CodeLevel>,
}

/// The resolved settings: defaults filled in, paths relative to the project root.
#[derive(Debug, Clone)]
pub struct Config {
    pub source: String,
    /// `None` means every folder under `locales/` but the source.
    pub targets: Option<Vec<String>>,
    pub content: PathBuf,
    pub locales: PathBuf,
    pub templates: PathBuf,
    pub out: PathBuf,
    pub base_url: Option<String>,
    pub format_locales: BTreeMap<String, String>,
    /// The line of each target in `gazette.toml`, for errors found once the folders are read.
    pub target_lines: BTreeMap<String, usize>,
    /// `source` was chosen (in gazette.toml, l10n.toml or on the command line), not defaulted.
    pub source_given: bool,
    /// `locales` was chosen, not defaulted.
    pub locales_given: bool,
    /// `None`: by the project, "language" for a gazette site, "file" for any other.
    pub bundles: Option<Bundles>,
    pub functions: Vec<String>,
    /// Files left out, as patterns within a language folder (`vendor/**`): from `l10n.toml`.
    pub exclude: Vec<String>,
    /// The levels of `[check]`, then those of the command line: the last one of a code wins.
    pub levels: Vec<CodeLevel>,
    /// `[[footer.links]]`, in the order written.
    pub footer_links: Vec<FooterLink>,
    /// `[footer]` `latest`: how many of the language's newest other articles every article
    /// page's footer links to.
    pub footer_latest: usize,
    /// The source edition's time zone (IANA); none: each time as its content file wrote it.
    pub time_zone: Option<String>,
    /// Language -> its edition's time zone, when not the source's.
    pub time_zones: BTreeMap<String, String>,
    pub publisher: Publisher,
    /// The site's image, a path of `static/` (`images/site.svg`), and its line in
    /// `gazette.toml`: the share image of articles without a figure.
    pub image: Option<(String, usize)>,
}

impl Config {
    /// Parse `gazette.toml` text; `path` is only used in error messages.
    pub fn parse(text: &str, path: &Path) -> Result<Config> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| Error::Config {
            path: path.to_path_buf(),
            message: content::describe_toml_error(text, &e),
        })?;
        let bad = |message: String| Error::Config {
            path: path.to_path_buf(),
            message,
        };
        let source_given = raw.source.is_some();
        let source = raw.source.unwrap_or_else(|| DEFAULT_SOURCE.to_owned());
        check_language_tag(&source).map_err(|m| bad(format!("source: {m}")))?;
        let functions = function_names(raw.functions.unwrap_or_default()).map_err(bad)?;
        let line = |at: usize| crate::ftl::line_col(text, at).0;
        let mut target_lines = BTreeMap::new();
        for t in raw.targets.iter().flatten() {
            let at = line(t.span().start);
            check_language_tag(t.get_ref()).map_err(|m| bad(format!("line {at}: targets: {m}")))?;
            target_lines.entry(t.get_ref().clone()).or_insert(at);
        }
        let targets = raw
            .targets
            .map(|t| t.into_iter().map(Spanned::into_inner).collect());
        let mut format_locales = BTreeMap::new();
        for (lang, locale) in raw.format_locales.unwrap_or_default() {
            let at = line(locale.span().start);
            let locale = locale.into_inner();
            check_format_locale(&locale)
                .map_err(|m| bad(format!("line {at}: format_locales.{lang}: {m}")))?;
            if lang != locale {
                format_locales.insert(lang, locale);
            }
        }
        let levels = code_levels(raw.check.unwrap_or_default(), &line).map_err(bad)?;
        let at = |value: Option<Spanned<String>>, key: &str, check: &dyn Fn(&str) -> Checked| {
            checked(value, key, &line, check).map_err(bad)
        };
        let time_zone = at(raw.time_zone, "time_zone", &check_time_zone)?.map(|(z, _)| z);
        let time_zones =
            edition_zones(raw.time_zones.unwrap_or_default(), &source, &line).map_err(bad)?;
        let base_url = at(raw.base_url, "base_url", &check_base_url)?.map(|(u, _)| u);
        let footer = raw.footer.unwrap_or_default();
        let footer_latest = footer.latest.unwrap_or(FOOTER_LATEST);
        let footer_links = footer_links(footer, &line).map_err(bad)?;
        let publisher = raw.publisher.unwrap_or_default();
        let publisher = Publisher {
            name: publisher.name.filter(|n| !n.trim().is_empty()),
            logo: at(publisher.logo, "publisher.logo", &|p| {
                check_static_path(p).map(|()| p.to_owned())
            })?,
        };
        let image = at(raw.image, "image", &|p| {
            check_site_path(p).map(|()| p.to_owned())
        })?;
        Ok(Config {
            source,
            targets,
            content: clean_path(raw.content.unwrap_or_else(|| "content".into())),
            locales_given: raw.locales.is_some(),
            locales: clean_path(raw.locales.unwrap_or_else(|| "locales".into())),
            templates: clean_path(raw.templates.unwrap_or_else(|| "templates".into())),
            out: clean_path(raw.out.unwrap_or_else(|| "out".into())),
            base_url,
            format_locales,
            source_given,
            bundles: raw.bundles,
            functions,
            exclude: Vec::new(),
            target_lines,
            levels,
            footer_links,
            footer_latest,
            time_zone,
            time_zones,
            publisher,
            image,
        })
    }

    /// Apply the command line's settings.
    pub fn apply(&mut self, overrides: &Overrides) -> Result<()> {
        if let Some(source) = &overrides.source {
            check_language_tag(source).map_err(|m| Error::Usage(format!("--source: {m}")))?;
            self.source = source.clone();
            self.source_given = true;
        }
        if let Some(locales) = &overrides.locales {
            self.locales = clean_path(locales.clone());
            self.locales_given = true;
        }
        self.levels.extend(overrides.levels.iter().cloned());
        Ok(())
    }

    /// The locale whose CLDR data formats dates, numbers and plurals for a language folder.
    pub fn format_locale<'a>(&'a self, lang: &'a str) -> &'a str {
        self.format_locales
            .get(lang)
            .map(String::as_str)
            .unwrap_or(lang)
    }

    /// The time zone an edition tells the time in, its `time_zones` entry or else the
    /// source's `time_zone` (none: as the content file wrote each time), and whether that
    /// zone is another than the source's, so its name is shown after each time.
    pub fn time_zone_of(&self, lang: &str) -> (Option<&str>, bool) {
        match self.time_zones.get(lang) {
            Some(zone) => (Some(zone), self.time_zone.as_deref() != Some(zone)),
            None => (self.time_zone.as_deref(), false),
        }
    }
}

/// `[[footer.links]]`, each checked: its label a message id, its link one a page may hold, its
/// language a tag.
fn footer_links(
    raw: RawFooter,
    line: &dyn Fn(usize) -> usize,
) -> std::result::Result<Vec<FooterLink>, String> {
    raw.links
        .into_iter()
        .map(|spanned| {
            let at = line(spanned.span().start);
            let link = spanned.into_inner();
            let mut key = link.key.chars();
            let id = key.next().is_some_and(|c| c.is_ascii_alphabetic())
                && key.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
            let what = if !id {
                Err(format!(
                    "key: `{}` is not a message id (a letter, then letters, digits, `_` and `-`)",
                    link.key
                ))
            } else {
                content::check_link(&link.href, true).map_err(|m| format!("href: {m}"))
            };
            let what = what.and_then(|()| {
                link.lang.as_deref().map_or(Ok(()), |l| {
                    check_language_tag(l).map_err(|m| format!("lang: {m}"))
                })
            });
            let what = what.and_then(|()| {
                link.languages
                    .iter()
                    .flatten()
                    .try_for_each(|l| check_language_tag(l).map_err(|m| format!("languages: {m}")))
            });
            what.map(|()| link)
                .map_err(|m| format!("line {at}: footer.links: {m}"))
        })
        .collect()
}

/// The codes of `[check]`, each in one list only (in which of two it would be is a guess).
fn code_levels(
    raw: RawLevels,
    line: &dyn Fn(usize) -> usize,
) -> std::result::Result<Vec<CodeLevel>, String> {
    let lists = [
        (Level::Allow, raw.allow),
        (Level::Warn, raw.warn),
        (Level::Deny, raw.deny),
    ];
    let mut levels: Vec<CodeLevel> = Vec::new();
    for (level, codes) in lists {
        for code in codes.into_iter().flatten() {
            let at = line(code.span().start);
            let code = code.into_inner();
            if let Some(other) = levels.iter().find(|l| l.code == code) {
                return Err(format!(
                    "line {at}: check.{}: `{code}` is also in check.{} (line {}): keep it in one list",
                    level.name(),
                    other.level.name(),
                    other.line.unwrap_or_default()
                ));
            }
            levels.push(CodeLevel {
                code,
                level,
                line: Some(at),
            });
        }
    }
    Ok(levels)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::values::check_language_folder;

    fn parse(text: &str) -> Result<Config> {
        Config::parse(text, Path::new(CONFIG_FILE))
    }

    fn refusal(text: &str) -> String {
        parse(text).unwrap_err().to_string()
    }

    #[test]
    fn an_empty_file_is_the_defaults() {
        let c = parse("").unwrap();
        assert_eq!(c.source, "fr");
        assert_eq!(c.targets, None);
        assert_eq!(c.content, Path::new("content"));
        assert_eq!(c.locales, Path::new("locales"));
        assert_eq!(c.templates, Path::new("templates"));
        assert_eq!(c.out, Path::new("out"));
        assert_eq!(c.base_url, None);
        assert!(c.format_locales.is_empty());
        assert_eq!(c.format_locale("de"), "de");
    }

    #[test]
    fn every_key_is_read() {
        let c = parse(
            r#"
source = "en"
targets = ["de", "pt-BR"]
content = "articles"
locales = "l10n"
templates = "layout"
out = "public"
base_url = "https://news.example/"

[format_locales]
en = "en-GB"
de = "de"
"#,
        )
        .unwrap();
        assert_eq!(c.source, "en");
        assert_eq!(c.targets, Some(vec!["de".to_owned(), "pt-BR".to_owned()]));
        assert_eq!(c.content, Path::new("articles"));
        assert_eq!(c.locales, Path::new("l10n"));
        assert_eq!(c.templates, Path::new("layout"));
        assert_eq!(c.out, Path::new("public"));
        assert_eq!(
            c.base_url.as_deref(),
            Some("https://news.example"),
            "no final /"
        );
        // A language formatted as itself is no exception.
        assert_eq!(c.format_locales.len(), 1);
        assert_eq!(c.format_locale("en"), "en-GB");
        assert_eq!(c.format_locale("de"), "de");
    }

    #[test]
    fn an_unknown_key_is_named() {
        let err = refusal("sources = \"fr\"\n");
        assert!(err.starts_with("gazette.toml: "), "{err}");
        assert!(err.contains("sources"), "{err}");
    }

    #[test]
    fn language_tags_must_be_canonical() {
        let err = refusal("source = \"de_de\"\n");
        assert!(
            err.contains("source: `de_de` is not a language tag in canonical form: write `de-DE`"),
            "{err}"
        );
        let err = refusal("targets = [\"de\", \"no tag\"]\n");
        assert_eq!(
            err,
            "gazette.toml: line 1: targets: `no tag` is not a BCP 47 language tag"
        );
        let err = refusal("[format_locales]\nen = \"en-gb\"\n");
        assert!(
            err.contains("format_locales.en: `en-gb` is not a language tag in canonical form"),
            "{err}"
        );
    }

    #[test]
    fn checking_settings_are_read_and_paths_printed_clean() {
        let c = parse(
            "bundles = \"file\"\nfunctions = [\"SHORTDATE\", \"PLATFORM\"]\nlocales = \"./i18n/.\"\n",
        )
        .unwrap();
        assert_eq!(c.bundles, Some(Bundles::File));
        assert_eq!(c.functions, ["SHORTDATE", "PLATFORM"]);
        assert_eq!(c.locales, Path::new("i18n"));
        assert!(c.locales_given && !c.source_given);
        assert_eq!(parse("locales = \".\"\n").unwrap().locales, Path::new(""));
        assert_eq!(parse("").unwrap().bundles, None);
        let err = refusal("bundles = \"crate\"\n");
        assert_eq!(
            err,
            "gazette.toml: line 1, column 11: unknown variant `crate`, expected `language` or `file`"
        );
        let err = refusal("functions = [\"shortdate\"]\n");
        assert!(
            err.contains("functions: `shortdate` is not a Fluent function name"),
            "{err}"
        );
    }

    #[test]
    fn the_command_line_overrides_the_file() {
        let mut c = parse("source = \"fr\"\n").unwrap();
        let overrides = Overrides {
            source: Some("en-US".into()),
            locales: Some("./l10n".into()),
            ..Overrides::default()
        };
        c.apply(&overrides).unwrap();
        assert_eq!(
            (c.source.as_str(), c.locales.as_path()),
            ("en-US", Path::new("l10n"))
        );
        let bad = Overrides {
            source: Some("en_US".into()),
            ..Overrides::default()
        };
        let err = c.apply(&bad).unwrap_err().to_string();
        assert_eq!(
            err,
            "--source: `en_US` is not a language tag in canonical form: write `en-US`"
        );
    }

    #[test]
    fn format_locales_must_be_cldr_locales() {
        let err = refusal("source = \"en\"\n\n[format_locales]\nen = \"english\"\n");
        assert_eq!(
            err,
            "gazette.toml: line 4: format_locales.en: `english` is not a language CLDR knows: did you mean `en`?"
        );
        let c = parse("[format_locales]\nde = \"de-AT\"\nsr = \"sr-Latn\"\n").unwrap();
        assert_eq!(c.format_locale("sr"), "sr-Latn");
    }

    #[test]
    fn check_levels_keep_their_lines_and_one_list_per_code() {
        let c =
            parse("[check]\nallow = [\"obsolete-message\"]\ndeny = [\"untranslated\"]\n").unwrap();
        let levels: Vec<_> = c
            .levels
            .iter()
            .map(|l| (l.code.as_str(), l.level, l.line))
            .collect();
        assert_eq!(
            levels,
            [
                ("obsolete-message", Level::Allow, Some(2)),
                ("untranslated", Level::Deny, Some(3))
            ]
        );
        let err = refusal("[check]\nallow = [\"untranslated\"]\nwarn = [\"untranslated\"]\n");
        assert_eq!(
            err,
            "gazette.toml: line 3: check.warn: `untranslated` is also in check.allow (line 2): keep it in one list"
        );
        assert!(refusal("[check]\nignore = []\n").contains("ignore"));
    }

    #[test]
    fn targets_keep_their_lines() {
        let c = parse("source = \"fr\"\ntargets = [\n  \"de\",\n  \"en\",\n]\n").unwrap();
        assert_eq!(c.target_lines["de"], 3);
        assert_eq!(c.target_lines["en"], 4);
    }

    #[test]
    fn base_url_must_be_an_absolute_web_address() {
        let err = refusal("source = \"fr\"\nbase_url = \"news.example\"\n");
        assert_eq!(
            err,
            "gazette.toml: line 2: base_url: `news.example` must be an absolute http:// or \
             https:// URL: base_url = \"https://news.example\""
        );
        assert!(parse("base_url = \"http://news.example\"\n").is_ok());
    }

    #[test]
    fn a_misspelt_key_or_a_list_in_a_string_is_answered_with_the_fix() {
        assert_eq!(
            refusal("source = \"fr\"\nbaseurl = \"https://x.example\"\n"),
            "gazette.toml: line 2, column 1: unknown key `baseurl`: did you mean `base_url`?"
        );
        assert_eq!(
            refusal("targets = \"en,de\"\n"),
            "gazette.toml: line 1, column 11: a list is written in brackets, each item quoted: \
             targets = [\"en\", \"de\"]"
        );
        // Nothing near: serde's list of keys.
        assert!(refusal("colour = 1\n").contains("expected one of `source`"));
    }

    #[test]
    fn languages_must_be_known_to_cldr() {
        assert_eq!(
            refusal("source = \"french\"\n"),
            "gazette.toml: source: `french` is not a language CLDR knows: did you mean `fr`?"
        );
        assert_eq!(
            refusal("targets = [\"en\", \"xx\"]\n"),
            "gazette.toml: line 1: targets: `xx` is not a language CLDR knows"
        );
        assert!(check_language_folder("english").is_err());
    }
}
