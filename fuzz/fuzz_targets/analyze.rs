//! Fuzzes `analyze` with every combination of layers and reference dates,
//! and checks the same invariants as the property tests
//! (tests/common/mod.rs): no panic, spans valid and ordered, no overlap
//! within a layer, deterministic, exact offset conversion.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsmark::{Date, Layers, Options};

#[path = "../../tests/common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    // Invalid UTF-8 becomes U+FFFD, as lone surrogates from JavaScript do.
    let text = String::from_utf8_lossy(rest);
    let reference_date = match first >> 4 {
        0 => None,
        1 => Date::new(-9999, 1, 1),
        2 => Date::new(9999, 12, 31),
        3 => Date::new(2000, 2, 29),
        _ => Date::new(2020, 11, 5),
    };
    let options = Options {
        reference_date,
        today: if first & 8 != 0 { Date::new(2026, 1, 31) } else { None },
        layers: Layers { entities: first & 1 != 0, dates: first & 2 != 0, statements: first & 4 != 0 },
    };
    let a = common::analyze_checked(&text, &options);
    common::check_report(&text, &a);
});
