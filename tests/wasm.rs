//! The JavaScript bindings, tested in headless Chromium with
//! wasm-bindgen-test: offsets in UTF-16 code units (JavaScript string
//! indices) on text with emoji, accents and CJK; option parsing; errors.
//!
//! Run: `cargo test --target wasm32-unknown-unknown --test wasm` with
//! `chromedriver` on PATH (or `cargo xtask test`, which does it).
//!
//! The expected offsets are computed here independently of the crate's
//! offset code: from the position of the expected substring, counted with
//! `str::encode_utf16`, and checked again by slicing the JavaScript string.

#![cfg(target_arch = "wasm32")]

use newsmark::wasm::{analyze, version};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function js_options(json) { return JSON.parse(json); }
export function js_slice(s, start, end) { return s.slice(start, end); }
export function js_length(s) { return s.length; }
const LONE = "\uD83D \u2014 On March 3, 2021, \uDE00 said \uD800";
export function lone_surrogate_text() { return LONE; }
export function lone_surrogate_slice(start, end) { return LONE.slice(start, end); }
export function lone_surrogate_length() { return LONE.length; }
"#)]
extern "C" {
    fn js_options(json: &str) -> JsValue;
    fn js_slice(s: &str, start: u32, end: u32) -> String;
    fn js_length(s: &str) -> u32;
    fn lone_surrogate_text() -> String;
    fn lone_surrogate_slice(start: u32, end: u32) -> String;
    fn lone_surrogate_length() -> u32;
}

/// The analysis as the page sees it (field names of `output::Report`).
#[derive(Debug, Deserialize)]
struct Report {
    entities: Vec<Entity>,
    dates: Vec<TimeExpr>,
    statements: Vec<Statement>,
    reference: Option<Reference>,
}

#[derive(Debug, Deserialize)]
struct Entity {
    start: u32,
    end: u32,
    label: String,
    canonical: String,
}

#[derive(Debug, Deserialize)]
struct TimeExpr {
    start: u32,
    end: u32,
    #[serde(rename = "type")]
    kind: String,
    value: String,
}

#[derive(Debug, Deserialize)]
struct OutSpan {
    start: u32,
    end: u32,
}

#[derive(Debug, Deserialize)]
struct Statement {
    start: u32,
    end: u32,
    fragments: Vec<[u32; 2]>,
    cue: Option<OutSpan>,
    source: Option<OutSpan>,
}

#[derive(Debug, Deserialize)]
struct Reference {
    date: String,
    origin: String,
    span: Option<OutSpan>,
}

fn run(text: &str, options_json: &str) -> Report {
    let value =
        analyze(text, js_options(options_json)).unwrap_or_else(|_| panic!("analyze failed with {options_json}"));
    serde_wasm_bindgen::from_value(value).expect("the result has the documented shape")
}

fn fails(text: &str, options: JsValue) -> bool {
    analyze(text, options).is_err()
}

/// The UTF-16 span of the first occurrence of `needle`, computed without
/// the crate.
fn utf16_span(text: &str, needle: &str) -> (u32, u32) {
    let byte = text.find(needle).expect("needle in text");
    let start = text[..byte].encode_utf16().count() as u32;
    (start, start + needle.encode_utf16().count() as u32)
}

/// Every span the analysis reports lies within the JS string and slices it
/// without splitting a surrogate pair (a split pair would come back from JS
/// as U+FFFD).
fn assert_all_spans_valid(text: &str, r: &Report) {
    let len = js_length(text);
    let mut spans: Vec<(u32, u32)> = Vec::new();
    spans.extend(r.entities.iter().map(|e| (e.start, e.end)));
    spans.extend(r.dates.iter().map(|d| (d.start, d.end)));
    for s in &r.statements {
        spans.push((s.start, s.end));
        spans.extend(s.fragments.iter().map(|f| (f[0], f[1])));
        spans.extend(s.cue.iter().chain(&s.source).map(|c| (c.start, c.end)));
    }
    for (start, end) in spans {
        assert!(start <= end && end <= len, "span {start}..{end} outside 0..{len}");
        let piece = js_slice(text, start, end);
        assert!(!piece.contains('\u{FFFD}'), "span {start}..{end} splits a character: {piece:?}");
    }
    for e in &r.entities {
        assert!(matches!(e.label.as_str(), "PERSON" | "ORG" | "PLACE" | "MISC"), "label {:?}", e.label);
        assert!(!e.canonical.is_empty());
    }
}

const ARTICLE: &str = "🎉🎉 Zoë Müller, reporting from 東京 (Tōkyō) 👩‍👩‍👧: the café on Rue de l’Église \
reopened on March 3, 2021. It had closed on 9 April 2020.";

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn date_offsets_are_utf16_code_units() {
    let r = run(ARTICLE, r#"{"referenceDate": "2021-03-15"}"#);
    let want = utf16_span(ARTICLE, "March 3, 2021");
    // The three units disagree here, so the test can tell them apart.
    let byte = ARTICLE.find("March 3, 2021").unwrap() as u32;
    let code_points = ARTICLE[..byte as usize].chars().count() as u32;
    assert!(want.0 != byte && want.0 != code_points);

    let date = r.dates.iter().find(|d| d.value == "2021-03-03").expect("March 3, 2021 is found");
    assert_eq!((date.start, date.end), want);
    assert_eq!(date.kind, "DATE");
    assert_eq!(js_slice(ARTICLE, date.start, date.end), "March 3, 2021");

    let other = r.dates.iter().find(|d| d.value == "2020-04-09").expect("9 April 2020 is found");
    assert_eq!((other.start, other.end), utf16_span(ARTICLE, "9 April 2020"));
    assert_eq!(js_slice(ARTICLE, other.start, other.end), "9 April 2020");
    assert_all_spans_valid(ARTICLE, &r);
}

#[wasm_bindgen_test]
fn lone_surrogates_from_js_keep_their_length() {
    // wasm-bindgen replaces each lone surrogate with U+FFFD, one UTF-16
    // unit for one, so offsets still index the caller's original string.
    let text = lone_surrogate_text();
    assert_eq!(text.encode_utf16().count() as u32, lone_surrogate_length());
    let r = run(&text, r#"{"referenceDate": "2021-03-15"}"#);
    let date = r.dates.iter().find(|d| d.value == "2021-03-03").expect("March 3, 2021 is found");
    assert_eq!(lone_surrogate_slice(date.start, date.end), "March 3, 2021");
    assert_all_spans_valid(&text, &r);
}

#[wasm_bindgen_test]
fn reference_date_is_reported() {
    let r = run("Nothing dated here.", r#"{"referenceDate": "2021-03-15"}"#);
    let reference = r.reference.expect("a reference date");
    assert_eq!((reference.date.as_str(), reference.origin.as_str()), ("2021-03-15", "given"));
    assert!(reference.span.is_none());

    let r = run("Nothing dated here.", r#"{"today": "2022-01-31"}"#);
    let reference = r.reference.expect("today as the fallback");
    assert_eq!((reference.date.as_str(), reference.origin.as_str()), ("2022-01-31", "today"));

    // An ISO timestamp is cut to its date; a blank field means "not given".
    let r = run("Nothing dated here.", r#"{"referenceDate": "2021-03-15T08:30:00Z"}"#);
    assert_eq!(r.reference.unwrap().date, "2021-03-15");
    let r = run("Nothing dated here.", r#"{"referenceDate": "  ", "today": "2022-01-31"}"#);
    assert_eq!(r.reference.unwrap().origin, "today");
}

#[wasm_bindgen_test]
fn relative_dates_follow_the_reference_date() {
    let text = "🎉 東京: The café reopened yesterday.";
    let r = run(text, r#"{"referenceDate": "2021-03-15"}"#);
    let d = r.dates.iter().find(|d| d.start == utf16_span(text, "yesterday").0).expect("yesterday is found");
    assert_eq!((d.end, d.value.as_str()), (utf16_span(text, "yesterday").1, "2021-03-14"));
    let r = run(text, r#"{"referenceDate": "2020-03-01"}"#);
    assert!(r.dates.iter().any(|d| d.value == "2020-02-29"), "{:?}", r.dates);
}

#[wasm_bindgen_test]
fn bad_options_are_errors() {
    for json in [
        r#"{"referenceDate": "2021-02-30"}"#,
        r#"{"referenceDate": "March 3, 2021"}"#,
        r#"{"referenceDate": "20210303"}"#,
        r#"{"referenceDate": 20210303}"#,
        r#"{"layers": ["dates", "people"]}"#,
        r#"{"layers": [1]}"#,
    ] {
        assert!(fails(ARTICLE, js_options(json)), "no error for {json}");
    }
}

#[wasm_bindgen_test]
fn missing_options_mean_defaults() {
    for options in [JsValue::UNDEFINED, JsValue::NULL, js_options("{}")] {
        let value = analyze(ARTICLE, options).expect("defaults");
        let r: Report = serde_wasm_bindgen::from_value(value).unwrap();
        assert_all_spans_valid(ARTICLE, &r);
    }
}

#[wasm_bindgen_test]
fn layers_select_what_is_reported() {
    let only_dates = run(ARTICLE, r#"{"referenceDate": "2021-03-15", "layers": ["dates"]}"#);
    assert!(only_dates.entities.is_empty() && only_dates.statements.is_empty());
    assert!(only_dates.dates.iter().any(|d| d.value == "2021-03-03"));

    let no_dates = run(ARTICLE, r#"{"referenceDate": "2021-03-15", "layers": ["entities", "statements"]}"#);
    assert!(no_dates.dates.is_empty());

    let none = run(ARTICLE, r#"{"referenceDate": "2021-03-15", "layers": []}"#);
    assert!(none.entities.is_empty() && none.dates.is_empty() && none.statements.is_empty());
    // The reference date is still reported: it is an input, not a layer.
    assert_eq!(none.reference.unwrap().date, "2021-03-15");
}

#[wasm_bindgen_test]
fn empty_and_large_inputs() {
    let r = run("", "{}");
    assert!(r.entities.is_empty() && r.dates.is_empty() && r.statements.is_empty());

    // 2 000 copies: offsets far from the start still count UTF-16 units.
    let para = format!("{ARTICLE}\n\n");
    let text = para.repeat(2000);
    let r = run(&text, r#"{"referenceDate": "2021-03-15", "layers": ["dates"]}"#);
    let hits: Vec<_> = r.dates.iter().filter(|d| d.value == "2021-03-03").collect();
    assert_eq!(hits.len(), 2000);
    let unit = para.encode_utf16().count() as u32;
    let (s, e) = utf16_span(ARTICLE, "March 3, 2021");
    assert_eq!((hits[1999].start, hits[1999].end), (s + 1999 * unit, e + 1999 * unit));
    assert_all_spans_valid(&text, &r);
}
