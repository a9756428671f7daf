//! The WebAssembly edge: `analyze(text, options)` for JavaScript, with
//! offsets in UTF-16 code units (JavaScript string indices).
//!
//! May not touch: analysis. It converts JS values to [`Options`] and the
//! [`Analysis`](crate::Analysis) to plain JS objects (built in
//! `src/wasm_unpack.js` from a packed form, see [`Packer`]).

use crate::output::{OutSpan, Report, Unit};
use crate::{analyze as analyze_core, Date, DateType, EntityLabel, Layers, Options, ReferenceOrigin, StatementKind};
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
        let len = get(&layers, "length").as_f64().unwrap_or(0.0) as u32;
        for i in 0..len {
            let name = reflect_get(&layers, &JsValue::from(i)).unwrap_or(JsValue::UNDEFINED);
            match name.as_string().as_deref() {
                Some("entities") => l.entities = true,
                Some("dates") => l.dates = true,
                Some("statements") => l.statements = true,
                Some(other) => return Err(JsError::new(&format!("unknown layer {other:?}"))),
                None => return Err(JsError::new("layers must be an array of strings")),
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
    let mut packer = Packer::new();
    packer.report(&report);
    let (nums, strings) = packer.finish();
    Ok(unpack(&nums, &strings))
}

#[wasm_bindgen(module = "/src/wasm_unpack.js")]
extern "C" {
    /// Builds the result objects from a packed report (see [`Packer`]).
    fn unpack(nums: &[u32], strings: &str) -> JsValue;
}

/// Marks an absent span or string in the packed report. Offsets cannot
/// reach it: WASM memory, and so the text, ends below 4 GiB.
const NONE: u32 = u32::MAX;

/// Packs a [`Report`] into numbers and one string, which
/// `src/wasm_unpack.js` turns into the objects `analyze` returns: two
/// values cross into JavaScript instead of a call per field.
///
/// `nums` holds, in order: the index of the string table; the entities
/// (count, then start, end, label, canonical each); the dates (count, then
/// start, end, type, value); the statements (count, then start, end,
/// fragment count, the fragments' start and end, kind, cue start and end,
/// source start and end, speaker); the reference (0, or 1 then date,
/// origin, span start and end); and the string table (count, then each
/// string's length in UTF-16 code units). Strings are indices into that
/// table, each distinct string stored once; spans and strings that are
/// absent are [`NONE`]. The table opens with the [`NAMES`] of labels and
/// kinds.
struct Packer<'r> {
    nums: Vec<u32>,
    strings: String,
    lengths: Vec<u32>,
    /// Fx, as the layers' tables: SipHash here was 1.6% of `analyze()`.
    index: std::collections::HashMap<&'r str, u32, crate::lexicon::FxBuild>,
}

/// The names of the labels, date types, statement kinds and reference
/// origins, first in every string table, at the index of their variant plus
/// the offset of their enum here: the most frequent strings of a report
/// then need no hashing (looking them up was two thirds of the packer's
/// time in V8).
const NAMES: [&str; 14] = [
    EntityLabel::Person.as_str(),
    EntityLabel::Org.as_str(),
    EntityLabel::Place.as_str(),
    EntityLabel::Misc.as_str(),
    DateType::Date.as_str(),
    DateType::Time.as_str(),
    DateType::Duration.as_str(),
    DateType::Set.as_str(),
    StatementKind::Direct.as_str(),
    StatementKind::Indirect.as_str(),
    StatementKind::Mixed.as_str(),
    ReferenceOrigin::Given.as_str(),
    ReferenceOrigin::Text.as_str(),
    ReferenceOrigin::Today.as_str(),
];

/// Where each enum's names start in [`NAMES`].
const LABELS: usize = 0;
const DATE_TYPES: usize = 4;
const KINDS: usize = 8;
const ORIGINS: usize = 11;

// Every variant finds its own name: checked when the crate compiles.
const _: () = {
    const fn same(a: &str, b: &str) -> bool {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        if a.len() != b.len() {
            return false;
        }
        let mut i = 0;
        while i < a.len() {
            if a[i] != b[i] {
                return false;
            }
            i += 1;
        }
        true
    }
    macro_rules! names_at {
        ($start:expr, $($v:expr),+) => { $(assert!(same(NAMES[$start + $v as usize], $v.as_str()));)+ };
    }
    use EntityLabel as E;
    use ReferenceOrigin as R;
    use StatementKind as S;
    names_at!(LABELS, E::Person, E::Org, E::Place, E::Misc);
    names_at!(DATE_TYPES, DateType::Date, DateType::Time, DateType::Duration, DateType::Set);
    names_at!(KINDS, S::Direct, S::Indirect, S::Mixed);
    names_at!(ORIGINS, R::Given, R::Text, R::Today);
};

impl<'r> Packer<'r> {
    fn new() -> Packer<'r> {
        let mut p = Packer { nums: Vec::new(), strings: String::new(), lengths: Vec::new(), index: Default::default() };
        for name in NAMES {
            p.lengths.push(name.len() as u32); // ASCII
            p.strings.push_str(name);
        }
        p
    }

    /// One of the [`NAMES`], by its index there.
    fn name(&mut self, i: usize) {
        debug_assert!(i < NAMES.len());
        self.nums.push(i as u32);
    }

    fn num(&mut self, n: usize) {
        self.nums.push(u32::try_from(n).unwrap_or(NONE));
    }

    fn str(&mut self, s: &'r str) {
        let next = self.lengths.len() as u32;
        let i = *self.index.entry(s).or_insert(next);
        if i == next {
            self.lengths.push(s.encode_utf16().count() as u32);
            self.strings.push_str(s);
        }
        self.nums.push(i);
    }

    fn opt_str(&mut self, s: Option<&'r str>) {
        match s {
            Some(s) => self.str(s),
            None => self.nums.push(NONE),
        }
    }

    fn span(&mut self, s: Option<OutSpan>) {
        match s {
            Some(s) => {
                self.num(s.start);
                self.num(s.end);
            }
            None => self.nums.extend([NONE, NONE]),
        }
    }

    fn report(&mut self, r: &'r Report) {
        self.nums.push(0); // the string table's index, set by `finish`
        self.num(r.entities.len());
        for e in &r.entities {
            self.num(e.start);
            self.num(e.end);
            self.name(LABELS + e.label as usize);
            self.str(&e.canonical);
        }
        self.num(r.dates.len());
        for d in &r.dates {
            self.num(d.start);
            self.num(d.end);
            self.name(DATE_TYPES + d.kind as usize);
            self.str(&d.value);
        }
        self.num(r.statements.len());
        for s in &r.statements {
            self.num(s.start);
            self.num(s.end);
            self.num(s.fragments.len());
            for &[a, b] in &s.fragments {
                self.num(a);
                self.num(b);
            }
            self.name(KINDS + s.kind as usize);
            self.span(s.cue);
            self.span(s.source);
            self.opt_str(s.source_entity.as_deref());
        }
        match &r.reference {
            Some(re) => {
                self.nums.push(1);
                self.str(&re.date);
                self.name(ORIGINS + re.origin as usize);
                self.span(re.span);
            }
            None => self.nums.push(0),
        }
    }

    fn finish(mut self) -> (Vec<u32>, String) {
        self.nums[0] = self.nums.len() as u32;
        self.nums.push(self.lengths.len() as u32);
        self.nums.extend_from_slice(&self.lengths);
        (self.nums, self.strings)
    }
}

/// The library version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
