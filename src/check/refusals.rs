//! The rules whose breach refuses the command outright (a content error, exit 2) rather than
//! being reported as a finding: a related block naming no article of the project, two
//! articles published at one page.

use std::collections::BTreeMap;

use crate::content::{Article, BlockBody};
use crate::error::{Error, Result};
use crate::project::{ArticleFile, Project};

/// A related block must name an article of the project.
pub fn related_articles_exist(project: &Project, article: &Article) -> Result<()> {
    for (i, block) in article.blocks.iter().enumerate() {
        if let BlockBody::Related {
            article: Some(slug),
            ..
        } = &block.body
        {
            if project.article_by_slug(slug).is_none() {
                return Err(Error::Content {
                    path: article.path.clone(),
                    message: format!(
                        "line {}: block {}: article: `{slug}` is not an article of this project",
                        block.line,
                        i + 1
                    ),
                });
            }
        }
    }
    Ok(())
}

/// No two articles may have the same page in a language (a localised slug taking another
/// article's name): the second would silently replace the first. `pages` gives each article
/// with the files its editions are written to.
pub fn one_article_per_page<'a, F>(pages: impl Iterator<Item = (&'a ArticleFile, F)>) -> Result<()>
where
    F: IntoIterator<Item = String>,
{
    let mut seen: BTreeMap<String, &str> = BTreeMap::new();
    for (article, files) in pages {
        for file in files {
            if let Some(other) = seen.insert(file.clone(), &article.slug) {
                return Err(Error::Content {
                    path: article.path.clone(),
                    message: format!(
                        "its page {file} is also the page of `{other}`: give one of them another slug (`[slugs]`)"
                    ),
                });
            }
        }
    }
    Ok(())
}
