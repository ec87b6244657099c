//! The values an article file gives: dates, instants, Fluent arguments, and how they are read
//! from TOML.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A calendar date (TOML local date), kept as numbers so every stage can format it its own way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl std::fmt::Display for Date {
    /// ISO 8601, as `<time datetime>` and feeds want it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A date with a time of day and its offset from UTC (a TOML offset datetime): pages show the
/// time as the newsroom wrote it, feeds and metadata carry the instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateTime {
    pub date: Date,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    /// Minutes east of UTC.
    pub offset: i16,
}

impl DateTime {
    /// Seconds since 1970-01-01T00:00:00Z: the instant, whatever the offset.
    pub fn unix(&self) -> i64 {
        let day = |y, m, d| {
            icu_datetime::input::Date::try_new_iso(y, m, d)
                .map(|d| d.to_rata_die().to_i64_date())
                .unwrap_or_default()
        };
        let days = day(self.date.year, self.date.month, self.date.day) - day(1970, 1, 1);
        days * 86_400
            + i64::from(self.hour) * 3_600
            + i64::from(self.minute) * 60
            + i64::from(self.second)
            - i64::from(self.offset) * 60
    }
}

impl std::fmt::Display for DateTime {
    /// RFC 3339 with the offset it was written with, as Atom, JSON-LD and `<time datetime>`
    /// want it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (sign, offset) = if self.offset < 0 {
            ('-', -self.offset)
        } else {
            ('+', self.offset)
        };
        write!(
            f,
            "{}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
            self.date,
            self.hour,
            self.minute,
            self.second,
            offset / 60,
            offset % 60
        )
    }
}

/// When an article was published: a date, or a date and time with offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    Date(Date),
    DateTime(DateTime),
}

impl Published {
    /// Seconds since 1970: the instant, or a date's midnight UTC.
    pub fn unix(&self) -> i64 {
        match self {
            Published::Date(date) => DateTime {
                date: *date,
                hour: 0,
                minute: 0,
                second: 0,
                offset: 0,
            }
            .unix(),
            Published::DateTime(dt) => dt.unix(),
        }
    }

    /// The Fluent argument `$date` stands for.
    pub fn arg(&self) -> Arg {
        match self {
            Published::Date(d) => Arg::Date(*d),
            Published::DateTime(dt) => Arg::DateTime(*dt),
        }
    }
}

impl std::fmt::Display for Published {
    /// ISO 8601: the date alone, or the date-time with its offset.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Published::Date(d) => d.fmt(f),
            Published::DateTime(dt) => dt.fmt(f),
        }
    }
}

/// A Fluent argument given in the article file.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Number(f64),
    String(String),
    Date(Date),
    DateTime(DateTime),
    /// A number written with more decimals than it needs (`12.50`, `1.0`): shown, and its
    /// plural chosen (CLDR's `v`), with as many as written.
    Decimal(f64, u8),
}

/// The numbers of `args` written with trailing zeros after the point, made [`Arg::Decimal`]:
/// `written` finds a value's text as the file has it (`12.50`, which TOML reads as 12.5).
pub(super) fn keep_written_decimals(
    args: &mut BTreeMap<String, Arg>,
    written: impl Fn(&str) -> Option<String>,
) {
    for (key, arg) in args.iter_mut() {
        let Arg::Number(n) = *arg else { continue };
        let Some(text) = written(key) else { continue };
        let digits: String = text.chars().filter(|c| *c != '_').collect();
        if digits.contains(['e', 'E']) {
            continue;
        }
        let decimals = |s: &str| s.split_once('.').map_or(0, |(_, f)| f.len());
        let (as_written, as_read) = (decimals(&digits), decimals(&n.to_string()));
        if as_written > as_read {
            *arg = Arg::Decimal(n, as_written.min(20) as u8);
        }
    }
}

/// A TOML datetime as a publication time: a date alone, or a date and time with offset.
pub(super) fn published(dt: &toml::value::Datetime) -> Option<Published> {
    toml_date(dt)
        .map(Published::Date)
        .or_else(|| toml_datetime(dt).map(Published::DateTime))
}

/// A TOML offset datetime: an instant.
pub(super) fn toml_datetime(dt: &toml::value::Datetime) -> Option<DateTime> {
    let (Some(d), Some(t), Some(offset)) = (dt.date, dt.time, dt.offset) else {
        return None;
    };
    Some(DateTime {
        date: Date {
            year: i32::from(d.year),
            month: d.month,
            day: d.day,
        },
        hour: t.hour,
        minute: t.minute,
        second: t.second,
        offset: match offset {
            toml::value::Offset::Z => 0,
            toml::value::Offset::Custom { minutes } => minutes,
        },
    })
}

fn toml_date(dt: &toml::value::Datetime) -> Option<Date> {
    match (dt.date, dt.time, dt.offset) {
        (Some(d), None, None) => Some(Date {
            year: i32::from(d.year),
            month: d.month,
            day: d.day,
        }),
        _ => None,
    }
}

/// The largest integer a Fluent number (a double) holds exactly: 2^53.
const MAX_EXACT_INTEGER: u64 = 1 << 53;

/// The Fluent argument a TOML value gives, or why it cannot be one. An integer past 2^53
/// would be published rounded (Fluent's numbers are doubles): it is refused, and a string
/// shows it as typed.
pub(super) fn arg_value(v: &toml::Value) -> std::result::Result<Arg, String> {
    match v {
        toml::Value::Integer(i) if i.unsigned_abs() <= MAX_EXACT_INTEGER => {
            Ok(Arg::Number(*i as f64))
        }
        toml::Value::Integer(i) => Err(format!(
            "{i} is too large to be shown exactly (a number goes up to 2^53, {MAX_EXACT_INTEGER}); write it as a string, \"{i}\", to show it as typed"
        )),
        toml::Value::Float(f) if f.is_finite() && significant_digits(*f) <= f64::DIGITS => {
            Ok(Arg::Number(*f))
        }
        toml::Value::Float(f) if f.is_finite() => Err(format!(
            "a number of more than {} significant digits ({f} as read) cannot be published as written: write it with at most {0}, or as a string to show it as typed",
            f64::DIGITS
        )),
        toml::Value::String(s) => Ok(Arg::String(s.clone())),
        toml::Value::Datetime(dt) => {
            leap_second(dt)?;
            published(dt)
                .map(|p| p.arg())
                .ok_or_else(|| format!("`{dt}` must be a date, or a date and time with its offset from UTC"))
        }
        _ => Err("use a number, a string or a date".into()),
    }
}

/// The significant digits of `f` as the shortest decimal that reads back as it. A number
/// written with at most [`f64::DIGITS`] (15) reads back as written; past them, what was
/// written may differ from what a double holds (`12.3456789012345678` reads back as
/// `12.345678901234567`), and only the double is known.
fn significant_digits(f: f64) -> u32 {
    let digits: String = f.to_string().chars().filter(char::is_ascii_digit).collect();
    digits.trim_matches('0').len() as u32
}

/// A leap second (`23:59:60`) is refused: the feeds, metadata and sitemap that carry a time
/// are read by programs that do not take one, and an editor who types it more likely meant
/// another time.
pub(super) fn leap_second(dt: &toml::value::Datetime) -> std::result::Result<(), String> {
    match dt.time {
        Some(t) if t.second == 60 => Err(format!(
            "`{dt}` has a leap second (second 60), which gazette does not publish: write :59, or the next minute's :00"
        )),
        _ => Ok(()),
    }
}
