//! An article's arguments as Fluent values: numbers as given, dates and times written the local
//! way, times told by an edition's [`Clock`].

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use fluent_bundle::types::{FluentNumber, FluentNumberOptions, FluentType};
use fluent_bundle::{FluentArgs, FluentValue};
use icu_datetime::fieldsets::{zone::SpecificShort, T, YMD, YMDT};
use icu_datetime::{DateTimeFormatter, NoCalendarFormatter};
use intl_memoizer::Memoizable;
use unic_langid::LanguageIdentifier;

use super::bundles::Bundle;
use super::icu::{icu_locale, shared, Shared};
use crate::content::{Arg, Date, DateTime};

/// Convert an article's arguments to Fluent arguments, its times told by `clock`.
pub fn fluent_args(args: &BTreeMap<String, Arg>, clock: &Clock) -> FluentArgs<'static> {
    let mut out = FluentArgs::with_capacity(args.len());
    for (name, arg) in args {
        let value = match arg {
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Decimal(n, decimals) => {
                let options = FluentNumberOptions {
                    minimum_fraction_digits: Some(usize::from(*decimals)),
                    ..FluentNumberOptions::default()
                };
                FluentValue::Number(FluentNumber::new(*n, options))
            }
            Arg::String(s) => FluentValue::from(s.clone()),
            Arg::Date(d) => FluentValue::Custom(Box::new(DateValue(*d))),
            Arg::DateTime(dt) => FluentValue::Custom(Box::new(clock.value(*dt))),
        };
        out.set(name.clone(), value);
    }
    out
}

/// The `FluentType` of a value written by one of gazette's ICU formatters, alike in the
/// single- and the multi-threaded bundles; the value's own text when the locale has no data.
macro_rules! formatted_by {
    ($value:ty, $format:ty) => {
        impl FluentType for $value {
            fn duplicate(&self) -> Box<dyn FluentType + Send> {
                Box::new(self.clone())
            }

            fn as_string(&self, intls: &intl_memoizer::IntlLangMemoizer) -> Cow<'static, str> {
                intls
                    .with_try_get::<$format, _, _>((), |f| f.format(self))
                    .map_or_else(|()| self.0.to_string().into(), Cow::Owned)
            }

            fn as_string_threadsafe(
                &self,
                intls: &intl_memoizer::concurrent::IntlLangMemoizer,
            ) -> Cow<'static, str> {
                intls
                    .with_try_get::<$format, _, _>((), |f| f.format(self))
                    .map_or_else(|()| self.0.to_string().into(), Cow::Owned)
            }
        }
    };
}

/// A date as a Fluent value: written the local way wherever a message places it.
#[derive(Debug, Clone, PartialEq)]
pub struct DateValue(pub Date);

formatted_by!(DateValue, DateFormat);

/// A date and time as a Fluent value, as an edition's [`Clock`] tells it: the wall-clock time
/// in the edition's zone, written the local way (CLDR's date and the words between date and
/// time), with the language's own clock when it has one and the zone's name when it shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct DateTimeValue(pub DateTime, pub ClockTime);

/// The time of day of a [`DateTimeValue`] as its edition writes it, beyond CLDR's.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ClockTime {
    /// The `time` site string ("11 h 15", "11:15 Uhr"); none: CLDR's time.
    pub time: Option<String>,
    /// The zone's short name ("BST", "MESZ"), when the edition shows it.
    pub zone: Option<String>,
}

formatted_by!(DateTimeValue, DateTimeFormat);

/// How an edition tells the time: in its time zone (none: at the offset the newsroom wrote),
/// through its language's `time` site string (with `$hour`, 0 to 23, and `$minute`, two
/// digits: "{ $hour } h { $minute }"; else CLDR's time), followed by the zone's short name in
/// the edition's language when that zone is not the source edition's ("10:15 BST").
#[derive(Default)]
pub struct Clock<'b> {
    zone: Option<jiff::tz::TimeZone>,
    /// The zone's name is shown after each time.
    named: bool,
    /// The formatting locale, for the zone's name.
    locale: String,
    /// The edition's shared strings: its `time` pattern.
    strings: Option<&'b Bundle>,
}

impl<'b> Clock<'b> {
    /// The clock of an edition in `zone` (a name of the tz database; none: as written).
    pub fn new(
        zone: Option<&str>,
        named: bool,
        format_locale: &str,
        strings: Option<&'b Bundle>,
    ) -> Self {
        Clock {
            zone: zone.and_then(|z| jiff::tz::TimeZone::get(z).ok()),
            named,
            locale: format_locale.to_owned(),
            strings,
        }
    }

    /// An instant as the edition tells it.
    pub fn value(&self, at: DateTime) -> DateTimeValue {
        let local = self.zone.as_ref().map_or(at, |tz| in_zone(at, tz));
        let time = self.strings.and_then(|b| {
            let pattern = b.get_message("time")?.value()?;
            let mut args = FluentArgs::new();
            args.set("hour", local.hour.to_string());
            args.set("minute", format!("{:02}", local.minute));
            let mut errors = Vec::new();
            Some(
                b.format_pattern(pattern, Some(&args), &mut errors)
                    .into_owned(),
            )
        });
        let zone = match &self.zone {
            Some(tz) if self.named => zone_name(&self.locale, tz, local),
            _ => None,
        };
        DateTimeValue(local, ClockTime { time, zone })
    }
}

/// The wall-clock time of an instant in a zone, by the tz database's rules.
fn in_zone(at: DateTime, tz: &jiff::tz::TimeZone) -> DateTime {
    let Ok(instant) = jiff::Timestamp::from_second(at.unix()) else {
        return at;
    };
    let z = instant.to_zoned(tz.clone());
    let narrow = |n: i8| u8::try_from(n).unwrap_or_default();
    DateTime {
        date: Date {
            year: i32::from(z.year()),
            month: narrow(z.month()),
            day: narrow(z.day()),
        },
        hour: narrow(z.hour()),
        minute: narrow(z.minute()),
        second: narrow(z.second()),
        offset: i16::try_from(z.offset().seconds() / 60).unwrap_or_default(),
    }
}

/// A zone's short name at a wall-clock time, in a locale, by CLDR ("BST" in en-GB, "MESZ" in
/// German; "UTC+2" where the language has no name for it); none for a zone without an IANA
/// name.
fn zone_name(format_locale: &str, tz: &jiff::tz::TimeZone, local: DateTime) -> Option<String> {
    use icu_datetime::input::{TimeZone, UtcOffset};
    let iana = tz.iana_name()?;
    let lang: LanguageIdentifier = format_locale.parse().unwrap_or_default();
    static MADE: Shared<NoCalendarFormatter<SpecificShort>> = OnceLock::new();
    let formatter = shared(&MADE, lang, |lang| {
        NoCalendarFormatter::try_new(icu_locale(lang).into(), SpecificShort).ok()
    })
    .ok()?;
    let d = local.date;
    let date = icu_datetime::input::Date::try_new_iso(d.year, d.month, d.day).ok()?;
    let time =
        icu_datetime::input::Time::try_new(local.hour, local.minute, local.second, 0).ok()?;
    let offset = UtcOffset::try_from_seconds(i32::from(local.offset) * 60).ok();
    let info = TimeZone::from_iana_id(iana)
        .with_offset(offset)
        .at_date_time(icu_datetime::input::DateTime { date, time });
    Some(formatter.format(&info).to_string())
}

/// A date's spaces as no-break spaces: a line never ends inside "17 août 2025".
fn bound(date: &str) -> String {
    date.replace(' ', "\u{a0}")
}

/// ICU4X long date formatter (17 août 2025 / 17 August 2025 / 17. August 2025).
struct DateFormat(Arc<DateTimeFormatter<YMD>>);

impl Memoizable for DateFormat {
    type Args = ();
    type Error = ();
    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, ()> {
        static MADE: Shared<DateTimeFormatter<YMD>> = OnceLock::new();
        shared(&MADE, lang, |lang| {
            DateTimeFormatter::try_new(icu_locale(lang).into(), YMD::long()).ok()
        })
        .map(DateFormat)
    }
}

impl DateFormat {
    /// The date with no-break spaces: "17 août 2025" stays on one line.
    fn format(&self, date: &DateValue) -> String {
        let date = date.0;
        match icu_datetime::input::Date::try_new_iso(date.year, date.month, date.day) {
            Ok(d) => bound(&self.0.format(&d).to_string()),
            Err(_) => date.to_string(),
        }
    }
}

/// ICU4X long date and time formatter, to the minute (17 août 2025 à 09:30), with the date
/// alone and the time alone in the same locale, to put the edition's own clock in CLDR's
/// place.
struct DateTimeFormat {
    full: Arc<DateTimeFormatter<YMDT>>,
    date: Arc<DateTimeFormatter<YMD>>,
    time: Arc<NoCalendarFormatter<T>>,
}

impl Memoizable for DateTimeFormat {
    type Args = ();
    type Error = ();
    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, ()> {
        static FULL: Shared<DateTimeFormatter<YMDT>> = OnceLock::new();
        static TIME: Shared<NoCalendarFormatter<T>> = OnceLock::new();
        let full = shared(&FULL, lang.clone(), |lang| {
            let fields =
                YMDT::long().with_time_precision(icu_datetime::options::TimePrecision::Minute);
            DateTimeFormatter::try_new(icu_locale(lang).into(), fields).ok()
        })?;
        let time = shared(&TIME, lang.clone(), |lang| {
            NoCalendarFormatter::try_new(icu_locale(lang).into(), T::hm()).ok()
        })?;
        let date = DateFormat::construct(lang, ())?.0;
        Ok(DateTimeFormat { full, date, time })
    }
}

impl DateTimeFormat {
    /// CLDR's date and time, the date's spaces no-break ones, its time replaced by the
    /// edition's clock and followed by the zone's name when the edition shows it.
    fn format(&self, value: &DateTimeValue) -> String {
        let DateTimeValue(at, clock) = value;
        let d = at.date;
        let date = icu_datetime::input::Date::try_new_iso(d.year, d.month, d.day);
        let time = icu_datetime::input::Time::try_new(at.hour, at.minute, at.second, 0);
        let (Ok(date), Ok(time)) = (date, time) else {
            return at.to_string();
        };
        let full = self
            .full
            .format(&icu_datetime::input::DateTime { date, time })
            .to_string();
        let cldr_date = self.date.format(&date).to_string();
        let cldr_time = self.time.format(&time).to_string();
        let mut told = clock.time.clone().unwrap_or_else(|| cldr_time.clone());
        if let Some(zone) = &clock.zone {
            told = format!("{told}\u{a0}{zone}");
        }
        let date_at = full.find(&cldr_date);
        let time_at = full.rfind(&cldr_time);
        match (date_at, time_at) {
            (Some(d), Some(t)) if d + cldr_date.len() <= t => format!(
                "{}{}{}{told}{}",
                &full[..d],
                bound(&cldr_date),
                &full[d + cldr_date.len()..t],
                &full[t + cldr_time.len()..]
            ),
            // A locale whose date and time CLDR writes as one: kept whole.
            _ => match &clock.zone {
                Some(zone) => format!("{full}\u{a0}{zone}"),
                None => full,
            },
        }
    }
}

/// A date written the local way, outside any message (the `<time>` of an article).
pub fn format_date(format_locale: &str, date: Date) -> String {
    let lang: LanguageIdentifier = format_locale.parse().unwrap_or_default();
    match DateFormat::construct(lang, ()) {
        Ok(f) => f.format(&DateValue(date)),
        Err(()) => date.to_string(),
    }
}

/// An article argument written the local way: a date or date-time as in messages, its time
/// told by `clock`.
pub fn format_arg(format_locale: &str, arg: &Arg, clock: &Clock) -> String {
    let lang: LanguageIdentifier = format_locale.parse().unwrap_or_default();
    match arg {
        Arg::Date(d) => format_date(format_locale, *d),
        Arg::DateTime(dt) => DateTimeFormat::construct(lang, ())
            .map_or_else(|()| dt.to_string(), |f| f.format(&clock.value(*dt))),
        Arg::Number(n) => n.to_string(),
        Arg::Decimal(n, decimals) => format!("{n:.*}", usize::from(*decimals)),
        Arg::String(s) => s.clone(),
    }
}

/// A locale's month names as its long dates write them ("août", "August"): in the first day
/// of each month written by CLDR, the word that is not in all twelve.
fn month_names(lang: &LanguageIdentifier) -> Option<Arc<Vec<String>>> {
    static MADE: Shared<Vec<String>> = OnceLock::new();
    shared(&MADE, lang.clone(), |lang| {
        let format = DateFormat::construct(lang.clone(), ()).ok()?;
        let words: Vec<Vec<String>> = (1..=12)
            .map(|month| {
                let first = icu_datetime::input::Date::try_new_iso(2025, month, 1).ok()?;
                let written = format.0.format(&first).to_string();
                let words = written.split(|c: char| !c.is_alphabetic());
                Some(words.filter(|w| !w.is_empty()).map(str::to_owned).collect())
            })
            .collect::<Option<_>>()?;
        let everywhere = |w: &String| words.iter().all(|ws| ws.contains(w));
        words
            .iter()
            .map(|ws| ws.iter().find(|w| !everywhere(w)).cloned())
            .collect()
    })
    .ok()
}

/// A text's dates bound with no-break spaces, as the dates gazette writes itself: the space
/// between a day and its month ("10 avril", "17. August", "August 17") and between a month
/// and its year ("avril 2025") never ends a line. Months are the locale's, by CLDR.
pub fn bind_dates<'t>(lang: Option<&LanguageIdentifier>, text: &'t str) -> Cow<'t, str> {
    let bytes = text.as_bytes();
    let next_to_space = |w: &[u8]| {
        (w[0].is_ascii_digit() && matches!(w[1], b' ' | b'.'))
            || (w[0] == b' ' && w[1].is_ascii_digit())
    };
    if !bytes.windows(2).any(next_to_space) {
        return Cow::Borrowed(text);
    }
    let Some(months) = lang.and_then(month_names) else {
        return Cow::Borrowed(text);
    };
    let letter_at = |s: &str, first: bool| {
        let c = if first {
            s.chars().next()
        } else {
            s.chars().next_back()
        };
        c.is_some_and(char::is_alphabetic)
    };
    let month_starts = |rest: &str| {
        months.iter().any(|m| {
            rest.strip_prefix(m.as_str())
                .is_some_and(|r| !letter_at(r, true))
        })
    };
    let month_ends = |head: &str| {
        months.iter().any(|m| {
            head.strip_suffix(m.as_str())
                .is_some_and(|h| !letter_at(h, false))
        })
    };
    let mut spaces = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if start > 0 && bytes[start - 1] == b' ' && month_ends(&text[..start - 1]) {
            spaces.push(start - 1);
        }
        let space = if bytes.get(i) == Some(&b'.') {
            i + 1
        } else {
            i
        };
        if bytes.get(space) == Some(&b' ') && month_starts(&text[space + 1..]) {
            spaces.push(space);
        }
    }
    if spaces.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + spaces.len());
    let mut copied = 0;
    for at in spaces {
        out.push_str(&text[copied..at]);
        out.push('\u{a0}');
        copied = at + 1;
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intl::bundles::{bundle, new_bundle, resource};
    use fluent_bundle::FluentResource;

    fn format(locale: &str, ftl: &str, args: &BTreeMap<String, Arg>) -> String {
        let mut bundle = new_bundle(locale);
        bundle
            .add_resource(Arc::new(FluentResource::try_new(ftl.to_owned()).unwrap()))
            .unwrap();
        let msg = bundle.get_message("m").unwrap();
        let mut errors = vec![];
        let fargs = fluent_args(args, &Clock::default());
        let out = bundle.format_pattern(msg.value().unwrap(), Some(&fargs), &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        out.into_owned()
    }

    fn args(pairs: &[(&str, Arg)]) -> BTreeMap<String, Arg> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }

    #[test]
    fn numbers_follow_the_locale() {
        let a = args(&[("n", Arg::Number(12345.5))]);
        assert_eq!(format("fr", "m = { $n }", &a), "12\u{202f}345,5");
        assert_eq!(format("en", "m = { $n }", &a), "12,345.5");
        assert_eq!(format("de", "m = { $n }", &a), "12.345,5");
        let a = args(&[("n", Arg::Number(3.0))]);
        assert_eq!(
            format("de", "m = { NUMBER($n, minimumFractionDigits: 2) }", &a),
            "3,00"
        );
    }

    #[test]
    fn dates_follow_the_locale() {
        let d = Date {
            year: 2025,
            month: 8,
            day: 17,
        };
        let a = args(&[("d", Arg::Date(d))]);
        assert_eq!(
            format("fr", "m = le { $d }", &a),
            "le 17\u{a0}août\u{a0}2025"
        );
        assert_eq!(
            format("en-GB", "m = { $d }", &a),
            "17\u{a0}August\u{a0}2025"
        );
        assert_eq!(format("de", "m = { $d }", &a), "17.\u{a0}August\u{a0}2025");
        assert_eq!(format_date("en", d), "August\u{a0}17,\u{a0}2025");
    }

    #[test]
    fn date_times_show_the_written_time_the_local_way() {
        let at = DateTime {
            date: Date {
                year: 2025,
                month: 8,
                day: 17,
            },
            hour: 9,
            minute: 30,
            second: 0,
            offset: 120,
        };
        let a = args(&[("d", Arg::DateTime(at))]);
        let fr = format("fr", "m = { $d }", &a);
        assert_eq!(fr, "17\u{a0}août\u{a0}2025 à 09:30");
        let de = format("de", "m = { $d }", &a);
        assert_eq!(de, "17.\u{a0}August\u{a0}2025 um 09:30");
        assert_eq!(
            format_arg("en-GB", &Arg::DateTime(at), &Clock::default()),
            format("en-GB", "m = { $d }", &a)
        );
        assert_eq!(at.to_string(), "2025-08-17T09:30:00+02:00");
        assert_eq!(at.unix(), 1_755_415_800);
    }

    #[test]
    fn an_editions_clock_tells_its_zone_and_its_own_time() {
        let at = |month, hour| DateTime {
            date: Date {
                year: 2025,
                month,
                day: 17,
            },
            hour,
            minute: 15,
            second: 0,
            offset: 120,
        };
        let zone = Some;
        let told = |locale, time: &str, clock: (Option<&str>, bool), at| {
            let strings = bundle(locale, [resource(time)]);
            let clock = Clock::new(clock.0, clock.1, locale, Some(&strings));
            format_arg(locale, &Arg::DateTime(at), &clock)
        };
        let fr = told(
            "fr",
            "time = { $hour } h { $minute }",
            (None, false),
            at(8, 9),
        );
        assert_eq!(fr, "17\u{a0}août\u{a0}2025 à 9 h 15", "as written");
        let de = "time = { $hour }:{ $minute } Uhr";
        let berlin = told("de", de, (zone("Europe/Berlin"), true), at(8, 11));
        assert_eq!(berlin, "17.\u{a0}August\u{a0}2025 um 11:15 Uhr\u{a0}MESZ");
        let en = "time = { $hour }:{ $minute }";
        let london = told("en-GB", en, (zone("Europe/London"), true), at(8, 11));
        assert_eq!(london, "17\u{a0}August\u{a0}2025 at 10:15\u{a0}BST");
        // The instant is the same: the day changes with the zone, and winter has its own name.
        let winter = told(
            "en-GB",
            en,
            (zone("Europe/London"), true),
            DateTime {
                offset: 60,
                ..at(1, 0)
            },
        );
        assert_eq!(winter, "16\u{a0}January\u{a0}2025 at 23:15\u{a0}GMT");
        // The source's zone: converted, not named; no `time` string: CLDR's time.
        let paris = told(
            "fr",
            "other = x",
            (zone("Europe/Paris"), false),
            DateTime {
                offset: 0,
                ..at(8, 9)
            },
        );
        assert_eq!(paris, "17\u{a0}août\u{a0}2025 à 11:15");
    }

    #[test]
    fn dates_in_a_text_hold_together() {
        let bind = |locale: &str, text| {
            let lang: LanguageIdentifier = locale.parse().unwrap();
            bind_dates(Some(&lang), text).into_owned()
        };
        assert_eq!(
            bind("fr", "le 10 avril 2025, à 18 h, 31 pays et 2 mars"),
            "le 10\u{a0}avril\u{a0}2025, à 18 h, 31 pays et 2\u{a0}mars"
        );
        assert_eq!(
            bind("de", "am Sonntag, dem 17. August, 31 Staaten"),
            "am Sonntag, dem 17.\u{a0}August, 31 Staaten"
        );
        assert_eq!(
            bind("en-GB", "on Monday 18 August; 31 countries; Augustus 3"),
            "on Monday 18\u{a0}August; 31 countries; Augustus 3"
        );
        assert_eq!(bind("en", "on August 17, 2025"), "on August\u{a0}17, 2025");
        assert!(matches!(
            bind_dates(None, "17 août"),
            Cow::Borrowed("17 août")
        ));
    }

    #[test]
    fn plurals_use_cldr_rules() {
        let ftl = "m = { $n ->\n    [one] one country\n   *[other] { $n } countries\n}";
        assert_eq!(
            format("en", ftl, &args(&[("n", Arg::Number(1.0))])),
            "one country"
        );
        assert_eq!(
            format("en", ftl, &args(&[("n", Arg::Number(31.0))])),
            "31 countries"
        );
    }
}
