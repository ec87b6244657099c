//! The parse stage: `content/<slug>.toml` -> [`Article`] and its ordered [`Block`]s.
//!
//! The article file is language-neutral: it only names Fluent messages and carries their
//! arguments, so every language renders the same structure.
//!
//! `parse` reads the file, `article` and `blocks` are what it makes, `values` the dates and
//! arguments it carries, `validation` the rules for slugs, links and media types, and
//! `toml_errors` what TOML's errors become for an editor.

mod article;
mod blocks;
mod parse;
mod toml_errors;
mod validation;
mod values;

pub use article::{Article, Update, SITE_VARIABLES};
pub use blocks::{Block, BlockBody, BlockKind, FigureKind, RelatedKind, VideoSource};
pub use parse::parse_article;
pub(crate) use toml_errors::describe_toml_error;
pub(crate) use validation::check_link;
pub use validation::{is_url, is_valid_slug};
pub use values::{Arg, Date, DateTime, Published};
