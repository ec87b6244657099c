//! `gazette.toml`: the project's settings, every key optional, checked as a whole before
//! anything else is read (a wrong language tag would otherwise pair no file).
//!
//! `settings` is the file as gazette uses it, `values` the rules each value follows.
//!
//! Pure: [`crate::project`] reads the file.

mod settings;
mod values;

pub use settings::{
    Bundles, CodeLevel, Config, FooterLink, Level, Overrides, Publisher, CONFIG_FILE,
    DEFAULT_SOURCE, FOOTER_LATEST,
};
pub(crate) use values::check_language_folder;
pub use values::{check_language_tag, clean_path};
