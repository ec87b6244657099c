//! Fluent bundles wired to ICU4X: the one place that knows how a language writes numbers and
//! dates. Used by `check` (to format every message) and `localise` (to render editions).
//!
//! fluent-bundle's own number output ignores the locale ("10000.5" everywhere), so numbers go
//! through the bundle's formatter hook to ICU4X's `DecimalFormatter` (`numbers`); dates are a
//! custom Fluent type that formats itself with ICU4X's `DateTimeFormatter` (`values`). Both
//! formatters are memoized per bundle by the bundle's own `IntlLangMemoizer`, and made once per
//! locale (`icu`). `bundles` makes the bundles; `languages` knows languages' names, scripts
//! and directions.

mod bundles;
mod icu;
mod languages;
mod numbers;
mod values;

pub use bundles::{bundle, new_bundle, resource, Bundle, OwnResources, SharedResources};
pub use languages::{
    autonym, dir, format_and_list, has_rtl, is_known_language, is_rtl, language_name,
    language_named, ltr_runs, og_locale, PSEUDO_RTL,
};
pub use numbers::literal_published_otherwise;
pub use values::{
    bind_dates, fluent_args, format_arg, format_date, Clock, ClockTime, DateTimeValue, DateValue,
};
