//! Stage 5, render: [`Edition`]s -> page bytes through Handlebars templates.
//!
//! Templates are compiled once. The HTML registry escapes every `{{value}}`; the text registry
//! escapes nothing and wraps with the `wrap` helper. Both run in strict mode, so a template
//! that names a field the view lacks fails the build instead of printing nothing.

mod html;
mod text;

use std::collections::BTreeMap;

use handlebars::Handlebars;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::localise::Edition;
use crate::project::Project;

pub use html::{Alternate, PageView};

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
                    message: e.to_string().replace('\n', " "),
                })?;
            paths.insert(name.to_owned(), template.path.clone());
        }
        Ok(Renderer { html, text, paths })
    }

    fn render(&self, name: &str, data: &impl Serialize) -> Result<String> {
        let registry = if name.ends_with(".txt") {
            &self.text
        } else {
            &self.html
        };
        registry.render(name, data).map_err(|e| Error::Template {
            path: self.paths.get(name).cloned().unwrap_or_else(|| name.into()),
            message: e.to_string().replace('\n', " "),
        })
    }

    /// The HTML edition of an article.
    pub fn article_html(&self, view: &PageView) -> Result<String> {
        self.render("article.html", view)
    }

    /// The plain-text edition of an article.
    pub fn article_text(&self, edition: &Edition) -> Result<String> {
        Ok(text::tidy(&self.render("article.txt", edition)?))
    }
}
