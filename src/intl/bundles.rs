//! Fluent bundles: a language's resources, formatting numbers and dates the local way.

use std::collections::BTreeMap;
use std::sync::Arc;

use fluent_bundle::FluentResource;
use unic_langid::LanguageIdentifier;

use super::numbers::format_value;

/// An article's own files of every language, parsed once: language -> resource.
pub type OwnResources = BTreeMap<String, Arc<FluentResource>>;

/// The shared files (every `.ftl` file that is not an article's) of every language, parsed
/// once for the checks and the editions: language -> resources, in file name order.
pub type SharedResources = BTreeMap<String, Vec<Arc<FluentResource>>>;

/// A thread-safe bundle over shared, parsed resources.
pub type Bundle = fluent_bundle::concurrent::FluentBundle<Arc<FluentResource>>;

/// A bundle for a formatting locale (e.g. `en-GB`), with locale-aware numbers and dates and no
/// bidi isolation marks (the plain-text edition must not carry them, and the HTML edition
/// holds left-to-right text in an element that carries its own `lang`).
pub fn new_bundle(format_locale: &str) -> Bundle {
    let langid: LanguageIdentifier = format_locale.parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(format_value));
    // NUMBER() is the only builtin; adding it to a fresh bundle cannot clash.
    let _ = bundle.add_builtins();
    bundle
}

/// Parse a file for the runtime. Junk is skipped here: `check` reports it as `syntax-error`.
pub fn resource(text: &str) -> Arc<FluentResource> {
    Arc::new(FluentResource::try_new(text.to_owned()).unwrap_or_else(|(partial, _)| partial))
}

/// A bundle of resources, the first ones winning when an id is defined twice (that case is
/// reported by `check` as `duplicate-message`).
pub fn bundle(
    format_locale: &str,
    resources: impl IntoIterator<Item = Arc<FluentResource>>,
) -> Bundle {
    let mut bundle = new_bundle(format_locale);
    for r in resources {
        let _ = bundle.add_resource(r);
    }
    bundle
}
