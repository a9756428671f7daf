//! A small proleptic-Gregorian civil date, enough to resolve "last Tuesday".
//!
//! May not touch: text. This is arithmetic on days only; recognizing dates
//! in text is [`crate::dates`]' job.

use crate::Error;
use core::fmt;

/// A calendar date (year, month 1–12, day 1–31), always valid.
///
/// ```
/// use newsmark::Date;
/// let d: Date = "2020-11-03".parse().unwrap();
/// assert_eq!(d.to_string(), "2020-11-03");
/// assert_eq!(d.weekday(), 2); // Tuesday (Monday = 1 … Sunday = 7)
/// assert_eq!(d.add_days(-3).to_string(), "2020-10-31");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// The date, or `None` if it does not exist (February 30th).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) || !(-9999..=9999).contains(&year)
        {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// ISO weekday: Monday = 1 … Sunday = 7.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (4).
        ((self.days_since_epoch() + 3).rem_euclid(7) + 1) as u8
    }

    /// ISO 8601 week-numbering year and week (1–53).
    pub fn iso_week(self) -> (i32, u8) {
        let ordinal = self.days_since_epoch() - Date { year: self.year, month: 1, day: 1 }.days_since_epoch() + 1;
        let week = (ordinal - self.weekday() as i64 + 10) / 7;
        if week < 1 {
            let prev = Date { year: self.year - 1, month: 12, day: 31 };
            return prev.iso_week();
        }
        let weeks_in_year = {
            let p = |y: i64| (y + y / 4 - y / 100 + y / 400).rem_euclid(7);
            let y = self.year as i64;
            if p(y) == 4 || p(y - 1) == 3 {
                53
            } else {
                52
            }
        };
        if week > weeks_in_year {
            (self.year + 1, 1)
        } else {
            (self.year, week as u8)
        }
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = self.year as i64 - (self.month <= 2) as i64;
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The date `days` days since 1970-01-01, clamped to the supported
    /// years -9999 to 9999 (so that any number, however large, gives a
    /// valid date).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let days = days.clamp(MIN.days_since_epoch(), MAX.days_since_epoch());
        let z = days + 719468;
        let era = z.div_euclid(146097);
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + (month <= 2) as i64) as i32;
        Date { year: year.clamp(-9999, 9999), month, day }
    }

    /// This date moved by `days` (may be negative), clamped to the
    /// supported years.
    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch().saturating_add(days))
    }

    /// This date moved by whole months, clamping the day (Jan 31 + 1 month
    /// = Feb 28/29), clamped to the supported years.
    pub fn add_months(self, months: i64) -> Date {
        let month_index = |d: Date| d.year as i64 * 12 + (d.month as i64 - 1);
        let total = month_index(self).saturating_add(months).clamp(month_index(MIN), month_index(MAX));
        let year = total.div_euclid(12) as i32;
        let month = (total.rem_euclid(12) + 1) as u8;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }
}

/// The first and last supported dates: TIMEX3 values have four-digit years.
const MIN: Date = Date { year: -9999, month: 1, day: 1 };
const MAX: Date = Date { year: 9999, month: 12, day: 31 };

/// Number of days in a month of a year.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 31,
    }
}

fn is_leap(y: i32) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.year < 0 {
            write!(f, "-{:04}-{:02}-{:02}", -self.year, self.month, self.day)
        } else {
            write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
        }
    }
}

impl core::str::FromStr for Date {
    type Err = Error;

    /// Parses `YYYY-MM-DD` (a longer ISO timestamp is cut to its date).
    fn from_str(s: &str) -> Result<Date, Error> {
        let bad = || Error::new(format!("not a date of the form YYYY-MM-DD: {s:?}"));
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' || !s.is_char_boundary(10) {
            return Err(bad());
        }
        let num = |r: core::ops::Range<usize>| s[r].parse::<u32>().map_err(|_| bad());
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        if b.len() > 10 && !matches!(b[10], b'T' | b' ') {
            return Err(bad());
        }
        Date::new(y as i32, m as u8, d as u8).ok_or_else(bad)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_days() {
        for days in [-800_000i64, -1, 0, 1, 11_016, 18_569, 2_900_000] {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
        assert_eq!(Date::from_days_since_epoch(0).to_string(), "1970-01-01");
    }

    #[test]
    fn weeks() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(d("2004-11-24").iso_week(), (2004, 48));
        assert_eq!(d("2021-01-01").iso_week(), (2020, 53));
        assert_eq!(d("2019-12-30").iso_week(), (2020, 1));
        assert_eq!(d("1998-01-08").weekday(), 4);
    }

    #[test]
    fn parse_errors() {
        assert!("2020-02-30".parse::<Date>().is_err());
        assert!("20201103".parse::<Date>().is_err());
        assert!("2020-11-03T10:00".parse::<Date>().is_ok());
        assert!("2020-11-0é".parse::<Date>().is_err());
    }

    /// Found by the `date` fuzz target: a huge day count gave 9999-02-29,
    /// a date that does not exist, and larger ones overflowed.
    #[test]
    fn extremes_clamp_to_valid_dates() {
        let valid = |d: Date| assert_eq!(Date::new(d.year(), d.month(), d.day()), Some(d));
        for days in [i64::MIN, -1_190_628_113_440_770_815, 1_190_628_113_440_770_815, i64::MAX] {
            valid(Date::from_days_since_epoch(days));
        }
        assert_eq!(Date::from_days_since_epoch(i64::MAX), MAX);
        assert_eq!(Date::from_days_since_epoch(i64::MIN), MIN);
        let d: Date = "2020-01-31".parse().unwrap();
        assert_eq!(d.add_days(i64::MAX), MAX);
        assert_eq!(d.add_days(i64::MIN), MIN);
        assert_eq!(d.add_months(i64::MAX), MAX);
        assert_eq!(d.add_months(i64::MIN).to_string(), "-9999-01-31");
        assert_eq!(MAX.add_days(1), MAX);
        assert_eq!(MAX.iso_week(), (9999, 52));
        assert_eq!(MIN.weekday(), MIN.add_days(7).weekday());
    }

    #[test]
    fn months() {
        let d: Date = "2020-01-31".parse().unwrap();
        assert_eq!(d.add_months(1).to_string(), "2020-02-29");
        assert_eq!(d.add_months(-1).to_string(), "2019-12-31");
    }
}
