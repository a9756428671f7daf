//! Fuzzes the command-line tool's JSONL reader, compiled from the tool's own
//! source: no panic, and every non-blank input line yields exactly one
//! output line (a JSON object) or one error line naming it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsmark::{Date, Layers};

#[path = "../../src/bin/newsmark.rs"]
#[allow(dead_code)]
mod cli;

fuzz_target!(|data: &[u8]| {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let today = Date::new(2026, 1, 31).unwrap();
    let ok = cli::process_jsonl(data, "fuzz", &mut out, &mut err, None, Layers::default(), today)
        .expect("in-memory reading and writing cannot fail");
    let lines = data.split(|&b| b == b'\n').filter(|l| !l.iter().all(u8::is_ascii_whitespace)).count();
    let out = String::from_utf8(out).expect("output is UTF-8");
    let err = String::from_utf8(err).expect("errors are UTF-8");
    let written = out.lines().count();
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("output line is JSON");
        assert!(v.get("entities").is_some() && v.get("id").is_some());
    }
    // A line can be written *and* warned about (a bad "dct"), so errors
    // bound the failures from above.
    let failed_lines = err.lines().count();
    assert!(written <= lines && written + failed_lines >= lines, "{lines} lines, {written} written, errors:\n{err}");
    assert_eq!(ok, err.is_empty());
});
