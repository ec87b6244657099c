//! ICU4X's formatters made once per locale and process, and shared by every bundle.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use icu_locale_core::Locale;
use unic_langid::LanguageIdentifier;

pub(super) fn icu_locale(lang: &LanguageIdentifier) -> Locale {
    Locale::try_from_str(&lang.to_string()).unwrap_or(Locale::UNKNOWN)
}

/// Formatters made once per locale and process, then shared: a bundle, with its own
/// memoizer, is made for every (language, article), and making ICU4X formatters took 3% of
/// a build.
pub(super) type Shared<T> = OnceLock<Mutex<HashMap<LanguageIdentifier, Arc<T>>>>;

pub(super) fn shared<T>(
    cache: &'static Shared<T>,
    lang: LanguageIdentifier,
    make: impl FnOnce(&LanguageIdentifier) -> Option<T>,
) -> Result<Arc<T>, ()> {
    let cache = cache.get_or_init(Mutex::default);
    if let Some(made) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(&lang) {
        return Ok(made.clone());
    }
    let made = Arc::new(make(&lang).ok_or(())?);
    cache
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(lang, made.clone());
    Ok(made)
}
