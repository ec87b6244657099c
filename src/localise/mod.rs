//! The localise stage: an article plus a language's bundles -> an [`Edition`]: every text of
//! the page formatted, in reading order, ready for any renderer. Handlebars is not seen here.
//!
//! `localiser` makes the editions and the site strings from the project's bundles, `texts`
//! an article's texts in one language (the source's where allowed), `format` each message,
//! `pseudo` the pseudo-locales; `edition` is what they make.

mod edition;
mod format;
mod localiser;
mod pseudo;
mod texts;

pub use edition::{Edition, Listing, LocalBlock, LocalSource, LocalUpdate, Outcome, Text};
pub use format::clean;
pub use localiser::{Localiser, CODE_SITE_STRINGS};
pub use pseudo::Pseudo;
pub use texts::MissingPolicy;
