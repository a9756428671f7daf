//! The dates layer's word lists, loaded once from `data/` into hash maps.
//!
//! May not touch: tokens or values. Lookup only.

use super::resolve::push_int;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Hash maps keyed by lexicon words, with the crate's FxHash
/// ([`crate::lexicon::FxHasher`]): every word token is looked up once, and
/// SipHash cost more than the whole rest of the scan.
pub type FxMap<K, V> = HashMap<K, V, crate::lexicon::FxBuild>;

/// A unit of time, with its TimeML duration letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Second.
    Second,
    /// Minute.
    Minute,
    /// Hour.
    Hour,
    /// Day.
    Day,
    /// Week.
    Week,
    /// Weekend.
    Weekend,
    /// Two weeks.
    Fortnight,
    /// Month.
    Month,
    /// Quarter of a year.
    Quarter,
    /// Year.
    Year,
    /// Decade.
    Decade,
    /// Century.
    Century,
}

impl Unit {
    /// TimeML duration value for `n` of this unit (`None` = unknown count).
    pub fn duration(self, n: Option<f64>) -> String {
        // Built piece by piece rather than with `format!`: a value is built
        // for every candidate match.
        let mut s = String::with_capacity(12);
        // Halves are written in the next smaller unit: P2Y6M, PT1M30S.
        if let Some(v) = n.filter(|v| v.fract() == 0.5) {
            let half = match self {
                Unit::Year => Some(("P", "Y", "6M")),
                Unit::Month => Some(("P", "M", "15D")),
                Unit::Day => Some(("P", "D", "T12H")),
                Unit::Hour => Some(("PT", "H", "30M")),
                Unit::Minute => Some(("PT", "M", "30S")),
                _ => None,
            };
            if let Some((prefix, letter, half)) = half {
                let whole = v.trunc() as i64;
                s.push_str(prefix);
                if whole > 0 {
                    push_int(&mut s, whole);
                    s.push_str(letter);
                }
                s.push_str(half);
                return s;
            }
        }
        // Decades and counted centuries are written in years, as both
        // TimeBank and MEANTIME do ("two decades" P20Y, "decades-long"
        // PXY, "a century" P100Y); only "for centuries" keeps its unit.
        let (n, unit) = match (self, n) {
            (Unit::Decade, n) => (n.map(|v| v * 10.0), Unit::Year),
            (Unit::Century, Some(v)) => (Some(v * 100.0), Unit::Year),
            (u, n) => (n, u),
        };
        let (prefix, letter) = match unit {
            Unit::Second => ("PT", "S"),
            Unit::Minute => ("PT", "M"),
            Unit::Hour => ("PT", "H"),
            Unit::Day => ("P", "D"),
            Unit::Week | Unit::Fortnight => ("P", "W"),
            Unit::Weekend => ("P", "WE"),
            Unit::Month => ("P", "M"),
            Unit::Quarter => ("P", "Q"),
            Unit::Year => ("P", "Y"),
            Unit::Decade => ("P", "DE"),
            Unit::Century => ("P", "CE"),
        };
        s.push_str(prefix);
        match n.map(|n| if unit == Unit::Fortnight { n * 2.0 } else { n }) {
            Some(n) if n.fract() == 0.0 => push_int(&mut s, n as i64),
            Some(n) => s.push_str(&n.to_string()),
            None => s.push('X'),
        }
        s.push_str(letter);
        s
    }
}

/// Everything the lexicon says about one word (a word may be several
/// things: "second" is a unit and an ordinal, "may" a month).
#[derive(Clone, Copy, Debug, Default)]
pub struct Word {
    /// Month 1–12 if a month name.
    pub month: u8,
    /// The month name is an abbreviation ("Nov"): needs a period or a
    /// following day number.
    pub month_abbr: bool,
    /// ISO weekday 1–7 if a weekday name.
    pub weekday: u8,
    /// The weekday name is an abbreviation ("Tues"): needs a period.
    pub weekday_abbr: bool,
    /// TimeML season code ("SP").
    pub season: Option<&'static str>,
    /// Unit of time, and whether the word is plural.
    pub unit: Option<(Unit, bool)>,
    /// Cardinal number word value.
    pub number: u32,
    /// Ordinal number word value.
    pub ordinal: u32,
    /// TimeML part-of-day code ("MO").
    pub part: Option<&'static str>,
}

fn unit_of(code: &str) -> Option<Unit> {
    Some(match code {
        "S" => Unit::Second,
        "MIN" => Unit::Minute,
        "H" => Unit::Hour,
        "D" => Unit::Day,
        "W" => Unit::Week,
        "WE" => Unit::Weekend,
        "FN" => Unit::Fortnight,
        "M" => Unit::Month,
        "Q" => Unit::Quarter,
        "Y" => Unit::Year,
        "DE" => Unit::Decade,
        "CE" => Unit::Century,
        _ => return None,
    })
}

/// The word lexicon, keyed by lower-case word.
pub fn words() -> &'static FxMap<&'static str, Word> {
    static WORDS: OnceLock<FxMap<&'static str, Word>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut map: FxMap<&'static str, Word> = FxMap::with_capacity_and_hasher(256, Default::default());
        for line in crate::lexicon::entries(include_str!("../../data/dates_words.txt")) {
            let mut parts = line.split_whitespace();
            let (Some(word), Some(cat), Some(val)) = (parts.next(), parts.next(), parts.next()) else {
                continue;
            };
            let n: u32 = val.parse().unwrap_or(0);
            let e = map.entry(word).or_default();
            match cat {
                "month" => e.month = n as u8,
                "mon" => {
                    e.month = n as u8;
                    e.month_abbr = true;
                }
                "weekday" => e.weekday = n as u8,
                "wkd" => {
                    e.weekday = n as u8;
                    e.weekday_abbr = true;
                }
                "season" => e.season = Some(val),
                "unit" => e.unit = unit_of(val).map(|u| (u, false)),
                "units" => e.unit = unit_of(val).map(|u| (u, true)),
                "number" => e.number = n,
                "ordinal" => e.ordinal = n,
                "part" => e.part = Some(val),
                _ => {}
            }
        }
        map
    })
}

/// A holiday's date rule.
#[derive(Clone, Copy, Debug)]
pub enum Rule {
    /// Fixed month and day.
    Fixed(u8, u8),
    /// The nth (negative: from the end) weekday of a month.
    Nth(i8, u8, u8),
    /// Days after Easter Sunday.
    Easter(i8),
}

/// Holidays: token sequences (lower case) with their rule, longest first.
pub fn holidays() -> &'static [(Vec<&'static str>, Rule)] {
    static HOLIDAYS: OnceLock<Vec<(Vec<&'static str>, Rule)>> = OnceLock::new();
    HOLIDAYS.get_or_init(|| {
        let mut v = Vec::new();
        for line in crate::lexicon::entries(include_str!("../../data/dates_holidays.txt")) {
            let Some((name, rule)) = line.split_once('\t') else {
                continue;
            };
            let rule = rule.trim();
            let parsed = if let Some(off) = rule.strip_prefix("easter") {
                off.parse::<i8>().ok().map(Rule::Easter)
            } else {
                let nums: Vec<i32> = rule.split('-').filter(|s| !s.is_empty()).filter_map(|s| s.parse().ok()).collect();
                match (nums.as_slice(), rule.starts_with('-')) {
                    ([m, d], false) => Some(Rule::Fixed(*m as u8, *d as u8)),
                    ([n, wd, m], neg) => Some(Rule::Nth(if neg { -(*n as i8) } else { *n as i8 }, *wd as u8, *m as u8)),
                    _ => None,
                }
            };
            if let Some(r) = parsed {
                v.push((name.split_whitespace().collect::<Vec<_>>(), r));
            }
        }
        v.sort_by_key(|(toks, _)| std::cmp::Reverse(toks.len()));
        v
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_loads() {
        let w = words();
        assert_eq!(w["nov"].month, 11);
        assert!(w["nov"].month_abbr);
        assert_eq!(w["second"].ordinal, 2);
        assert_eq!(w["second"].unit, Some((Unit::Second, false)));
        assert_eq!(w["thursday"].weekday, 4);
        assert!(holidays().iter().any(|(t, _)| t == &["christmas", "eve"]));
    }

    #[test]
    fn durations() {
        assert_eq!(Unit::Day.duration(Some(44.0)), "P44D");
        assert_eq!(Unit::Hour.duration(None), "PTXH");
        assert_eq!(Unit::Year.duration(Some(1.5)), "P1Y6M");
        assert_eq!(Unit::Hour.duration(Some(0.5)), "PT30M");
        assert_eq!(Unit::Minute.duration(Some(1.5)), "PT1M30S");
        assert_eq!(Unit::Fortnight.duration(Some(1.0)), "P2W");
        assert_eq!(Unit::Day.duration(Some(0.5)), "PT12H");
        assert_eq!(Unit::Month.duration(Some(2.5)), "P2M15D");
        assert_eq!(Unit::Week.duration(Some(1.5)), "P1.5W");
        assert_eq!(Unit::Year.duration(Some(2.25)), "P2.25Y");
        assert_eq!(Unit::Decade.duration(Some(3.0)), "P30Y");
        assert_eq!(Unit::Decade.duration(Some(1.5)), "P15Y");
        assert_eq!(Unit::Decade.duration(None), "PXY");
        assert_eq!(Unit::Century.duration(Some(1.0)), "P100Y");
        assert_eq!(Unit::Century.duration(None), "PXCE");
        assert_eq!(Unit::Weekend.duration(None), "PXWE");
    }
}
