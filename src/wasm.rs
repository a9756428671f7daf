//! The WebAssembly edge: `analyze(text, options)` for JavaScript, with
//! offsets in UTF-16 code units (JavaScript string indices).
//!
//! May not touch: analysis. It converts JS values to [`Options`] and the
//! [`Analysis`](crate::Analysis) to plain JS objects.

use crate::output::{Report, Unit};
use crate::{analyze as analyze_core, Date, Layers, Options};
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys_get(obj, key)
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Reflect, js_name = get, catch)]
    fn reflect_get(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;
}

fn js_sys_get(obj: &JsValue, key: &str) -> JsValue {
    if !obj.is_object() {
        return JsValue::UNDEFINED;
    }
    reflect_get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn parse_options(options: &JsValue) -> Result<Options, JsError> {
    let mut opts = Options::default();
    let reference = get(options, "referenceDate");
    if let Some(s) = reference.as_string() {
        if !s.trim().is_empty() {
            opts.reference_date = Some(s.parse::<Date>().map_err(|e| JsError::new(&format!("referenceDate: {e}")))?);
        }
    } else if !reference.is_undefined() && !reference.is_null() {
        // A JS Date object or a number would otherwise be silently ignored.
        return Err(JsError::new("referenceDate must be a string of the form YYYY-MM-DD"));
    }
    if let Some(s) = get(options, "today").as_string() {
        opts.today = s.parse::<Date>().ok();
    }
    let layers = get(options, "layers");
    if js_sys_is_array(&layers) {
        let mut l = Layers { entities: false, dates: false, statements: false };
        let names: Vec<String> = serde_wasm_bindgen::from_value(layers).map_err(|e| JsError::new(&e.to_string()))?;
        for n in names {
            match n.as_str() {
                "entities" => l.entities = true,
                "dates" => l.dates = true,
                "statements" => l.statements = true,
                other => return Err(JsError::new(&format!("unknown layer {other:?}"))),
            }
        }
        opts.layers = l;
    }
    Ok(opts)
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Array, js_name = isArray)]
    fn js_sys_is_array(v: &JsValue) -> bool;
}

/// Analyzes `text`. `options` may be omitted or hold `referenceDate`
/// (`"YYYY-MM-DD"`), `today` (`"YYYY-MM-DD"`, the fallback when the text
/// names no date) and `layers` (array of `"entities"`, `"dates"`,
/// `"statements"`). Returns plain objects whose offsets are UTF-16 code
/// units, so `text.slice(e.start, e.end)` is the mark.
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let opts = parse_options(&options)?;
    let analysis = analyze_core(text, &opts);
    let report = Report::new(&analysis, text, Unit::Utf16);
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    report.serialize(&ser).map_err(|e| JsError::new(&e.to_string()))
}

/// The library version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
