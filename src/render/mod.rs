//! The render stage: [`Edition`](crate::localise::Edition)s -> page bytes through Handlebars templates.
//!
//! Templates are compiled once. The HTML registry escapes every `{{value}}`; the text registry
//! escapes nothing and wraps with the `wrap` helper. Both run in strict mode, so a template
//! that names a field the view lacks fails the build instead of printing nothing.

mod feed;
mod html;
mod index;
mod sitemap;
mod text;

use std::collections::BTreeMap;

use handlebars::{Context, Handlebars};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::project::Project;

pub use feed::{atom, FeedMeta, FEED_ENTRIES};
pub use html::{
    website_meta, Alternate, Banner, Distribution, Footer, FooterLink, LatestLink, MetaTag,
    PageView, WebsiteCard,
};
pub use index::{IndexEntry, IndexView, PickerView, Prompt};
pub use sitemap::sitemap;

/// The compiled templates of a project.
pub struct Renderer {
    html: Handlebars<'static>,
    text: Handlebars<'static>,
    /// Template name -> file it came from, for error messages.
    paths: BTreeMap<String, std::path::PathBuf>,
    /// Template name -> its text, to tell where in it a rendering error is.
    texts: BTreeMap<String, String>,
}

impl Renderer {
    pub fn new(project: &Project) -> Result<Self> {
        let mut html = Handlebars::new();
        html.set_strict_mode(true);
        html.register_helper("inline", Box::new(inline));
        html.register_helper("plain", Box::new(plain));
        html.register_helper("stripped", Box::new(stripped));
        html.register_helper("include", Box::new(Include));
        html.register_helper("dir", Box::new(dir));
        let mut text = Handlebars::new();
        text.set_strict_mode(true);
        text.register_escape_fn(handlebars::no_escape);
        text::register_helpers(&mut text);
        let mut paths = BTreeMap::new();
        let mut texts = BTreeMap::new();
        for (file, template) in &project.templates {
            let Some(name) = file.strip_suffix(".hbs") else {
                continue;
            };
            let registry = if name.ends_with(".txt") {
                &mut text
            } else {
                &mut html
            };
            registry
                .register_template_string(name, &template.text)
                .map_err(|e| Error::Template {
                    path: template.path.clone(),
                    message: syntax_error(&e),
                })?;
            paths.insert(name.to_owned(), template.path.clone());
            texts.insert(name.to_owned(), template.text.clone());
        }
        Ok(Renderer {
            html,
            text,
            paths,
            texts,
        })
    }

    fn render(&self, name: &str, data: &impl Serialize) -> Result<String> {
        let context = Context::wraps(data).map_err(|e| self.error(name, e))?;
        self.render_context(name, &context)
    }

    fn render_context(&self, name: &str, context: &Context) -> Result<String> {
        let registry = if name.ends_with(".txt") {
            &self.text
        } else {
            &self.html
        };
        registry
            .render_with_context(name, context)
            .map_err(|e| self.error(name, e))
    }

    /// A rendering error as `line L, column C: what`, naming the template it is in (an
    /// included one has its own name) and a missing field in words.
    fn error(&self, name: &str, e: handlebars::RenderError) -> Error {
        let name = e.template_name.as_deref().unwrap_or(name);
        let what = match e.reason() {
            handlebars::RenderErrorReason::MissingVariable(Some(field)) => {
                let text = self.texts.get(name).map_or("", String::as_str);
                let at = e.line_no.zip(e.column_no);
                missing_field(name, text, field, at)
            }
            reason => reason.to_string().replace('\n', " "),
        };
        Error::Template {
            path: self.paths.get(name).cloned().unwrap_or_else(|| name.into()),
            message: format!("{}{what}", position(e.line_no, e.column_no)),
        }
    }

    /// A language's index page.
    pub fn index_html(&self, view: &IndexView) -> Result<String> {
        self.render("index.html", view)
    }

    /// The language picker at the root of the site.
    pub fn picker_html(&self, view: &PickerView) -> Result<String> {
        self.render("languages.html", view)
    }

    /// The HTML and plain-text editions of an article and its feed entry's content (the body's
    /// HTML, standfirst and update notes first), from one serialisation of the view.
    pub fn article(&self, view: &PageView) -> Result<(String, String, String)> {
        let mut data = serde_json::to_value(view).map_err(|e| {
            self.error(
                "article.html",
                handlebars::RenderErrorReason::SerdeError(e).into(),
            )
        })?;
        html::add_kind_flags(&mut data);
        data["entry"] = false.into();
        let mut context = Context::from(data);
        let html = self.render_context("article.html", &context)?;
        let rtl = crate::intl::is_rtl(&view.edition.lang);
        let text = text::tidy(&self.render_context("article.txt", &context)?, rtl);
        // The feed entry's content: the body, with what a page shows above it.
        context.data_mut()["entry"] = true.into();
        let body = self.render_context("body.html", &context)?;
        Ok((html, text, body))
    }
}

/// What a template is given, in words, for "`author` is not a field of the article".
fn view_of(template: &str) -> &'static str {
    match template {
        "article.html" | "article.txt" => "the article",
        "index.html" => "a language's index page",
        "languages.html" => "the language picker",
        _ => "the page it is included in",
    }
}

/// "`author` is not a field of the article", or of what the `{{#each}}` or `{{#with}}` the
/// field is named in looks at.
fn missing_field(template: &str, text: &str, field: &str, at: Option<(usize, usize)>) -> String {
    let Some((helper, of, line)) = at.and_then(|(l, c)| enclosing_block(text, l, c)) else {
        return format!("`{field}` is not a field of {}", view_of(template));
    };
    let what = if helper == "each" {
        format!("an item of `{of}`")
    } else {
        format!("`{of}`")
    };
    format!("`{field}` is not a field of {what} (the `{{{{#{helper} {of}}}}}` of line {line})")
}

/// The innermost `{{#each X}}` or `{{#with X}}` still open at `line`:`column` of a template
/// (helper, X, its line): where a field named there is looked up.
fn enclosing_block(text: &str, line: usize, column: usize) -> Option<(String, String, usize)> {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    let mut end = (line_start + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut open = Vec::new();
    for (at, _) in text[..end].match_indices("{{") {
        let tag = text[at + 2..].trim_start_matches(['~', ' ']);
        if let Some(helper) = ["each", "with"].into_iter().find(|h| {
            tag.strip_prefix('#')
                .and_then(|t| t.strip_prefix(h))
                .is_some_and(|t| t.starts_with(' '))
        }) {
            let of = tag[helper.len() + 1..]
                .split([' ', '}', '~'])
                .find(|w| !w.is_empty());
            let line = text[..at].matches('\n').count() + 1;
            open.push((helper.to_owned(), of.unwrap_or_default().to_owned(), line));
        } else if tag.starts_with("/each") || tag.starts_with("/with") {
            open.pop();
        }
    }
    open.pop()
}

/// `line L, column C: ` where the error is known to be, else nothing.
fn position(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!("line {l}, column {c}: "),
        (Some(l), None) => format!("line {l}: "),
        _ => String::new(),
    }
}

/// A template that does not compile, as `line L, column C: what`: for a syntax error, where
/// it is and no list of the dozen tokens the parser expected there.
fn syntax_error(e: &handlebars::TemplateError) -> String {
    let what = match e.reason() {
        handlebars::TemplateErrorReason::InvalidSyntax(_) => {
            "invalid Handlebars syntax (an unclosed `{{`, or a block without its `{{/…}}`?)"
                .to_owned()
        }
        reason => reason.to_string().replace('\n', " "),
    };
    let (line, column) = e.pos().unzip();
    format!("{}{what}", position(line, column))
}

/// `{{inline text}}`: a translation as HTML, its allowed inline markup kept, the rest escaped.
/// On a right-to-left page, the left-to-right runs of a right-to-left text (a Latin name, a
/// number with its unit, a link's words) are isolated in `<bdi>`, so they cannot reorder the
/// sentence around them.
fn inline(
    h: &handlebars::Helper,
    _: &Handlebars,
    ctx: &handlebars::Context,
    _: &mut handlebars::RenderContext,
    out: &mut dyn handlebars::Output,
) -> handlebars::HelperResult {
    let html = crate::markup::to_html(&text::param_str(h, 0));
    let page = ctx.data().get("lang").and_then(|l| l.as_str());
    if page.is_some_and(crate::intl::is_rtl) && crate::intl::has_rtl(&html) {
        out.write(&isolate_ltr_runs(&html))?;
    } else {
        out.write(&html)?;
    }
    Ok(())
}

/// `<bdi>` around each left-to-right run of HTML's text, tags and character references left
/// whole (a run never crosses them, so elements stay nested).
fn isolate_ltr_runs(html: &str) -> String {
    crate::markup::map_text(html, |piece, out| {
        let mut copied = 0;
        for run in crate::intl::ltr_runs(piece) {
            out.push_str(&piece[copied..run.start]);
            out.push_str("<bdi>");
            out.push_str(&piece[run.clone()]);
            out.push_str("</bdi>");
            copied = run.end;
        }
        out.push_str(&piece[copied..]);
    })
}

/// `{{dir lang}}`: `rtl` or `ltr`, the direction of a language by CLDR, for `dir` attributes.
fn dir(
    h: &handlebars::Helper,
    _: &Handlebars,
    _: &handlebars::Context,
    _: &mut handlebars::RenderContext,
    out: &mut dyn handlebars::Output,
) -> handlebars::HelperResult {
    out.write(crate::intl::dir(&text::param_str(h, 0)))?;
    Ok(())
}

/// `{{plain text}}`: a translation without markup, for an attribute's value, quoted or not
/// (a custom template's `alt={{plain …}}` cannot be broken out of).
fn plain(
    h: &handlebars::Helper,
    _: &Handlebars,
    _: &handlebars::Context,
    _: &mut handlebars::RenderContext,
    out: &mut dyn handlebars::Output,
) -> handlebars::HelperResult {
    let text = crate::markup::to_text(&text::param_str(h, 0));
    out.write(&crate::markup::escape_attribute(&text))?;
    Ok(())
}

/// `{{stripped text}}`: a translation without markup, for an element's text where markup
/// cannot stand (`<title>`, a link's text); escaped as text, its spaces kept as they are.
fn stripped(
    h: &handlebars::Helper,
    _: &Handlebars,
    _: &handlebars::Context,
    _: &mut handlebars::RenderContext,
    out: &mut dyn handlebars::Output,
) -> handlebars::HelperResult {
    let text = crate::markup::to_text(&text::param_str(h, 0));
    out.write(&crate::markup::escape(&text))?;
    Ok(())
}

/// `{{include "style"}}`: the named template rendered in place with the current data, as the
/// partial `{{> style}}` is, but without the deep copy of that data Handlebars makes for every
/// partial: the copy of an article's view (and freeing it) was a third of its rendering.
struct Include;

impl handlebars::HelperDef for Include {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &handlebars::Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut handlebars::RenderContext<'reg, 'rc>,
        out: &mut dyn handlebars::Output,
    ) -> handlebars::HelperResult {
        use handlebars::{RenderErrorReason, Renderable};
        let name = h.param(0).and_then(|p| p.value().as_str()).ok_or_else(|| {
            RenderErrorReason::ParamTypeMismatchForName("include", "0".into(), "string".into())
        })?;
        // As for a partial: a template that includes itself would never end.
        if rc.is_current_template(name) {
            return Err(RenderErrorReason::CannotIncludeSelf.into());
        }
        let template = r
            .get_template(name)
            .ok_or_else(|| RenderErrorReason::PartialNotFound(name.to_owned()))?;
        let current = rc.get_current_template_name();
        let result = template.render(r, ctx, rc, out);
        rc.set_current_template_name(current);
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_block_a_field_is_named_in_is_found() {
        let text = "{{#each blocks}}\n{{~#with caption}}{{x}}{{/with}}\n{{y}}{{/each}}{{z}}";
        let found = |line, column| enclosing_block(text, line, column);
        assert_eq!(found(2, 19), Some(("with".into(), "caption".into(), 2)));
        assert_eq!(found(3, 1), Some(("each".into(), "blocks".into(), 1)));
        assert_eq!(found(3, 15), None, "after its {{/each}}");
        assert_eq!(found(1, 1), None);
    }

    /// The built-in templates say where by the text's direction (`inline-start`), never by
    /// the screen's (`left`, `right`), so a right-to-left page is their mirror image.
    #[test]
    fn built_in_templates_use_logical_properties_only() {
        for (name, text) in crate::project::BUILTIN_TEMPLATES {
            // What a template's comments say is no style.
            let text = text
                .split("--}}")
                .map(|t| t.split("{{!--").next().unwrap_or(""))
                .collect::<String>();
            let words = text.split(|c: char| !c.is_ascii_alphanumeric() && c != '-');
            let physical: Vec<&str> = words
                .filter(|w| w.split('-').any(|part| part == "left" || part == "right"))
                .collect();
            assert!(physical.is_empty(), "{name}: {physical:?}");
        }
    }

    #[test]
    fn left_to_right_runs_are_isolated_between_tags() {
        let html = "قال <em>Emmanuel Macron</em> في London &amp; Paris: <a href=\"https://x.example/a\">هنا</a>";
        assert_eq!(
            isolate_ltr_runs(html),
            "قال <em><bdi>Emmanuel Macron</bdi></em> في <bdi>London</bdi> &amp; <bdi>Paris</bdi>: <a href=\"https://x.example/a\">هنا</a>"
        );
    }
}
