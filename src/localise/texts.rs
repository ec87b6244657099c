//! An article's texts formatted in one language, the source language's where `--missing
//! fallback` allows, and what neither had.

use std::collections::BTreeMap;

use fluent_bundle::FluentArgs;

use super::edition::{LocalBlock, LocalSource, Text};
use super::format::format_message;
use crate::content::{Block, BlockBody, RelatedKind};
use crate::intl::Bundle;

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

/// The texts of one edition as they are formatted, with what they lacked: an edition is
/// published only when nothing was missing, and says which texts are in the source language.
pub(super) struct Texts<'p> {
    /// The article's bundle in the edition's language.
    pub(super) bundle: Bundle,
    /// The article's bundle in the source language, when missing texts fall back to it.
    pub(super) source: Option<Bundle>,
    pub(super) source_lang: &'p str,
    /// Message ids (`id` or `id.attr`) neither bundle has.
    pub(super) missing: Vec<String>,
    /// Message ids shown in the source language.
    pub(super) fallbacks: Vec<String>,
}

impl Texts<'_> {
    /// The text of a message or of its attribute `attr`, from the source language when the
    /// edition's lacks it; `None` (and noted as missing) when neither has it.
    pub(super) fn text(&mut self, id: &str, attr: Option<&str>, args: &FluentArgs) -> Option<Text> {
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
    pub(super) fn block(
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

#[cfg(test)]
mod tests {
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
}
