//! Fuzzes `Date`: parsing any string, and calendar arithmetic with any
//! offsets, never panics and always yields a valid date that prints and
//! parses back to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsmark::Date;

fuzz_target!(|input: (&str, i64, i64)| {
    let (s, days, months) = input;
    let check = |d: Date| {
        assert_eq!(Date::new(d.year(), d.month(), d.day()), Some(d), "invalid date {d:?}");
        assert!((1..=7).contains(&d.weekday()));
        let (_, week) = d.iso_week();
        assert!((1..=53).contains(&week));
        if d.year() >= 0 {
            assert_eq!(d.to_string().parse::<Date>().ok(), Some(d), "round trip of {d}");
        }
    };
    if let Ok(d) = s.parse::<Date>() {
        check(d);
        check(d.add_days(days));
        check(d.add_months(months));
    }
    check(Date::from_days_since_epoch(days));
});
