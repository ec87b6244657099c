//! Stage 5, render: [`Edition`](crate::localise::Edition)s -> page bytes through Handlebars templates.
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

pub use feed::{atom, FeedMeta};
pub use html::{Alternate, PageView};
pub use index::{IndexEntry, IndexView, PickerView};
pub use sitemap::{sitemap, SitemapPage};

/// The compiled templates of a project.
pub struct Renderer {
    html: Handlebars<'static>,
    text: Handlebars<'static>,
    /// Template name -> file it came from, for error messages.
    paths: BTreeMap<String, std::path::PathBuf>,
}

impl Renderer {
    pub fn new(project: &Project) -> Result<Self> {
        let mut html = Handlebars::new();
        html.set_strict_mode(true);
        html.register_helper("inline", Box::new(inline));
        html.register_helper("plain", Box::new(plain));
        html.register_helper("include", Box::new(Include));
        let mut text = Handlebars::new();
        text.set_strict_mode(true);
        text.register_escape_fn(handlebars::no_escape);
        text::register_helpers(&mut text);
        let mut paths = BTreeMap::new();
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
        }
        Ok(Renderer { html, text, paths })
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
                format!("`{field}` is not a field of {}", view_of(name))
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

    /// The HTML and plain-text editions of an article, from one serialisation of the view.
    pub fn article(&self, view: &PageView) -> Result<(String, String)> {
        let mut data = serde_json::to_value(view).map_err(|e| {
            self.error(
                "article.html",
                handlebars::RenderErrorReason::SerdeError(e).into(),
            )
        })?;
        html::add_kind_flags(&mut data);
        let context = Context::from(data);
        let html = self.render_context("article.html", &context)?;
        let text = text::tidy(&self.render_context("article.txt", &context)?);
        Ok((html, text))
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
fn inline(
    h: &handlebars::Helper,
    _: &Handlebars,
    _: &handlebars::Context,
    _: &mut handlebars::RenderContext,
    out: &mut dyn handlebars::Output,
) -> handlebars::HelperResult {
    out.write(&crate::markup::to_html(&text::param_str(h, 0)))?;
    Ok(())
}

/// `{{plain text}}`: a translation as escaped text without markup, for attributes.
fn plain(
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
