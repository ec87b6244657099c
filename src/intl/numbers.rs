//! Numbers written the local way: the bundles' formatter hook, through ICU4X's decimal
//! formatter.

use std::sync::{Arc, OnceLock};

use fluent_bundle::types::{FluentNumber, FluentNumberStyle};
use fluent_bundle::FluentValue;
use icu_decimal::input::Decimal;
use icu_decimal::DecimalFormatter;
use intl_memoizer::Memoizable;
use unic_langid::LanguageIdentifier;

use super::icu::{icu_locale, shared, Shared};

/// The bundle's formatter hook: numbers through ICU4X, everything else left to Fluent.
pub(super) fn format_value(
    value: &FluentValue,
    intls: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    match value {
        FluentValue::Number(n) if n.options.style == FluentNumberStyle::Decimal => intls
            .with_try_get::<NumberFormat, _, _>((), |f| f.format(n))
            .ok()
            .flatten(),
        _ => None,
    }
}

/// ICU4X decimal formatter for one locale.
struct NumberFormat(Arc<DecimalFormatter>);

impl Memoizable for NumberFormat {
    type Args = ();
    type Error = ();
    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, ()> {
        static MADE: Shared<DecimalFormatter> = OnceLock::new();
        shared(&MADE, lang, |lang| {
            DecimalFormatter::try_new(icu_locale(lang).into(), Default::default()).ok()
        })
        .map(NumberFormat)
    }
}

impl NumberFormat {
    /// `None` for values ICU4X cannot hold (NaN, infinities): Fluent then writes them itself.
    fn format(&self, n: &FluentNumber) -> Option<String> {
        Some(self.0.format(&decimal(n)?).to_string())
    }
}

/// The digits a Fluent number is published with, before the locale's separators.
fn decimal(n: &FluentNumber) -> Option<Decimal> {
    // Rust writes the shortest string that round-trips, never with an exponent.
    let mut d: Decimal = n.value.to_string().parse().ok()?;
    if let Some(max) = n.options.maximum_fraction_digits {
        d.round(-(max.min(20) as i16));
    }
    if let Some(min) = n.options.minimum_fraction_digits {
        d.absolute.pad_end(-(min.min(20) as i16));
    }
    Some(d)
}

/// A Fluent number literal (`12.5`, `0.50`) is a double with as many decimals as written:
/// past 15 significant digits its digits are no longer the ones written. Returns what would
/// be published instead (digits only), or `None` when it is the number as written.
pub fn literal_published_otherwise(literal: &str) -> Option<String> {
    let written: Decimal = literal.parse().ok()?;
    let number: FluentNumber = literal.parse().ok()?;
    let published = decimal(&number)?;
    (published != written).then(|| published.to_string())
}
