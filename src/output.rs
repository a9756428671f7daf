//! The analysis as plain data for the edges: spans converted from bytes to
//! the unit the consumer indexes strings by, in the field names of the
//! evaluation format (`../shared/eval/FORMAT.md`).
//!
//! May not touch: analysis. It converts offsets and copies fields; the CLI
//! serializes the result with serde_json, the WASM bindings with
//! serde-wasm-bindgen.

use crate::{Analysis, DateType, EntityLabel, ReferenceOrigin, Span, StatementKind};
use serde::Serialize;

/// The unit output offsets are counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// UTF-8 bytes (Rust string indices).
    Byte,
    /// Unicode code points (Python string indices; the JSONL format).
    CodePoint,
    /// UTF-16 code units (JavaScript string indices).
    Utf16,
}

/// Converts byte offsets of one text to another unit.
///
/// Counts bytes, not characters: in UTF-8 every character has exactly one
/// byte that is not a continuation byte (`0b10xx_xxxx`), and it takes two
/// UTF-16 code units exactly when that byte starts a four-byte sequence
/// (`>= 0xF0`). So the units before byte `pos` are those lead bytes before
/// it (doubled for four-byte leads in UTF-16), a count that needs no
/// decoding and that the compiler turns into a few instructions a byte.
/// A checkpoint every 64 bytes bounds each conversion to 63 bytes whatever
/// the order of queries, at 1/8 the size of the text; an all-ASCII text
/// (most articles) needs no table at all.
pub struct OffsetMap<'t> {
    text: &'t str,
    unit: Unit,
    /// Units before byte `64 * k`; empty when offsets need no conversion.
    checkpoints: Vec<usize>,
}

const STRIDE: usize = 64;

#[cfg(test)]
fn width(c: char, unit: Unit) -> usize {
    match unit {
        Unit::Byte => c.len_utf8(),
        Unit::CodePoint => 1,
        Unit::Utf16 => c.len_utf16(),
    }
}

/// The units `bytes` (a run of UTF-8, possibly cut inside characters)
/// contributes: one per lead byte, two for a four-byte lead in UTF-16.
///
/// Eight bytes at a time: WASM has no vector instructions by default, and
/// counting a byte at a time was 3% of `analyze()` in V8, the largest
/// share of its output step.
#[inline]
fn units(bytes: &[u8], unit: Unit) -> usize {
    if unit == Unit::Byte {
        return bytes.len();
    }
    let utf16 = unit == Unit::Utf16;
    let mut words = bytes.chunks_exact(8);
    let mut n = 0;
    for w in &mut words {
        n += word_units(u64::from_le_bytes(w.try_into().unwrap_or_default()), utf16);
    }
    for &b in words.remainder() {
        n += usize::from(b & 0xC0 != 0x80) + usize::from(utf16 && b >= 0xF0);
    }
    n
}

/// [`units`] of eight bytes: each byte's top bit, once shifted left by one
/// to four, is the byte's next lower bit, so a mask of the bytes' top
/// bits marks continuation bytes (`10xxxxxx`) and four-byte leads
/// (`11110xxx`, the only lead with its top four bits set).
#[inline]
fn word_units(w: u64, utf16: bool) -> usize {
    const TOP: u64 = 0x8080_8080_8080_8080;
    let continuation = (w & !(w << 1) & TOP).count_ones() as usize;
    let four = if utf16 { (w & (w << 1) & (w << 2) & (w << 3) & TOP).count_ones() as usize } else { 0 };
    8 - continuation + four
}

impl<'t> OffsetMap<'t> {
    /// Builds the map for `text`. Linear in its length.
    pub fn new(text: &'t str, unit: Unit) -> OffsetMap<'t> {
        let mut checkpoints = Vec::new();
        if unit != Unit::Byte && !text.is_ascii() {
            checkpoints.reserve(text.len() / STRIDE + 1);
            let mut count = 0;
            for block in text.as_bytes().chunks(STRIDE) {
                checkpoints.push(count);
                count += units(block, unit);
            }
            // The end of the text, when it falls on a block boundary.
            if text.len() % STRIDE == 0 {
                checkpoints.push(count);
            }
        }
        OffsetMap { text, unit, checkpoints }
    }

    /// The offset of byte `pos` in the map's unit. `pos` is clamped to the
    /// text and moved back to a character boundary, so the result is
    /// always valid.
    pub fn convert(&self, pos: usize) -> usize {
        let mut pos = pos.min(self.text.len());
        while !self.text.is_char_boundary(pos) {
            pos -= 1;
        }
        if self.checkpoints.is_empty() {
            // Bytes, or an ASCII text: one unit a byte.
            return pos;
        }
        let block = pos / STRIDE;
        // Lead bytes before the block's start are in its checkpoint; a
        // character straddling the start adds nothing here (its
        // continuation bytes count zero).
        self.checkpoints[block] + units(&self.text.as_bytes()[block * STRIDE..pos], self.unit)
    }

    /// Converts a span.
    pub fn span(&self, span: Span) -> OutSpan {
        OutSpan { start: self.convert(span.start), end: self.convert(span.end) }
    }
}

/// A span in the output unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct OutSpan {
    /// First offset.
    pub start: usize,
    /// One past the last offset.
    pub end: usize,
}

/// An entity for output.
#[derive(Clone, Debug, Serialize)]
pub struct OutEntity {
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// `PERSON`, `ORG`, `PLACE` or `MISC`.
    pub label: EntityLabel,
    /// The entity's canonical name.
    pub canonical: String,
}

/// A temporal expression for output.
#[derive(Clone, Debug, Serialize)]
pub struct OutDate {
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    #[serde(rename = "type")]
    pub kind: DateType,
    /// TIMEX3 value.
    pub value: String,
}

/// A statement for output.
#[derive(Clone, Debug, Serialize)]
pub struct OutStatement {
    /// Start of the first fragment.
    pub start: usize,
    /// End of the last fragment.
    pub end: usize,
    /// The content pieces as `[start, end]` pairs.
    pub fragments: Vec<[usize; 2]>,
    /// `direct`, `indirect` or `mixed`.
    pub kind: StatementKind,
    /// The cue, or null.
    pub cue: Option<OutSpan>,
    /// The speaker's mention, or null.
    pub source: Option<OutSpan>,
    /// The speaker's canonical name, or null.
    pub source_entity: Option<String>,
}

/// The reference date for output.
#[derive(Clone, Debug, Serialize)]
pub struct OutReference {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `given`, `text` or `today`.
    pub origin: ReferenceOrigin,
    /// Where in the text it was read, when `origin` is `text`.
    pub span: Option<OutSpan>,
}

/// An [`Analysis`] with converted offsets, ready to serialize.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// Named entities.
    pub entities: Vec<OutEntity>,
    /// Temporal expressions.
    pub dates: Vec<OutDate>,
    /// Attributed statements.
    pub statements: Vec<OutStatement>,
    /// The reference date used, or null.
    pub reference: Option<OutReference>,
}

impl Report {
    /// Converts `analysis` of `text` to offsets in `unit`.
    pub fn new(analysis: &Analysis, text: &str, unit: Unit) -> Report {
        let map = OffsetMap::new(text, unit);
        Report {
            entities: analysis
                .entities
                .iter()
                .map(|e| {
                    let s = map.span(e.span);
                    OutEntity { start: s.start, end: s.end, label: e.label, canonical: e.canonical.clone() }
                })
                .collect(),
            dates: analysis
                .dates
                .iter()
                .map(|d| {
                    let s = map.span(d.span);
                    OutDate { start: s.start, end: s.end, kind: d.kind, value: d.value.clone() }
                })
                .collect(),
            statements: analysis
                .statements
                .iter()
                .map(|st| {
                    let s = map.span(st.span);
                    OutStatement {
                        start: s.start,
                        end: s.end,
                        fragments: st.fragments.iter().map(|f| map.span(*f)).map(|f| [f.start, f.end]).collect(),
                        kind: st.kind,
                        cue: st.cue.map(|c| map.span(c)),
                        source: st.source.map(|c| map.span(c)),
                        source_entity: st.speaker.clone(),
                    }
                })
                .collect(),
            reference: analysis.reference.map(|r| OutReference {
                date: r.date.to_string(),
                origin: r.origin,
                span: r.span.map(|s| map.span(s)),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_every_boundary() {
        // Mixed widths; exactly two blocks (the end on a block boundary);
        // ASCII (no table); a four-byte character across a block boundary.
        let texts = [
            "a🎉é東x".repeat(40),
            "é".repeat(64),
            "plain ASCII text".repeat(9),
            format!("{}🎉{}", "a".repeat(62), "b".repeat(70)),
        ];
        for text in &texts {
            for unit in [Unit::CodePoint, Unit::Utf16, Unit::Byte] {
                let map = OffsetMap::new(text, unit);
                for (i, _) in text.char_indices().chain(Some((text.len(), ' '))) {
                    let expect: usize = text[..i].chars().map(|c| width(c, unit)).sum();
                    assert_eq!(map.convert(i), expect, "{unit:?} at {i} of {text:?}");
                }
            }
        }
    }

    #[test]
    fn names_are_the_serialized_names() {
        // The WASM bindings write `as_str`, the CLI serde's names: one format.
        use crate::{DateType as D, EntityLabel as E, ReferenceOrigin as R, StatementKind as S};
        let same = |json: String, name: &str| assert_eq!(json, format!("\"{name}\""));
        for v in [E::Person, E::Org, E::Place, E::Misc] {
            same(serde_json::to_string(&v).unwrap(), v.as_str());
        }
        for v in [D::Date, D::Time, D::Duration, D::Set] {
            same(serde_json::to_string(&v).unwrap(), v.as_str());
        }
        for v in [S::Direct, S::Indirect, S::Mixed] {
            same(serde_json::to_string(&v).unwrap(), v.as_str());
        }
        for v in [R::Given, R::Text, R::Today] {
            same(serde_json::to_string(&v).unwrap(), v.as_str());
        }
    }

    #[test]
    fn counts_words_as_bytes() {
        // Every byte value in every position of a word, beside every other
        // (the shifts must not carry one byte's bits into the next's top).
        let naive = |b: &[u8], utf16: bool| -> usize {
            b.iter().map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(utf16 && b >= 0xF0)).sum()
        };
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                let w = [a, b, a, a ^ b, b, 0xF0, a, b];
                for utf16 in [false, true] {
                    assert_eq!(word_units(u64::from_le_bytes(w), utf16), naive(&w, utf16), "{w:?}");
                }
            }
        }
        let bytes = "a🎉é東x—“q”".repeat(5);
        for unit in [Unit::CodePoint, Unit::Utf16] {
            for end in 0..=bytes.len() {
                let b = &bytes.as_bytes()[..end];
                assert_eq!(units(b, unit), naive(b, unit == Unit::Utf16));
            }
        }
    }

    #[test]
    fn clamps_inside_characters() {
        let text = "é🎉";
        let map = OffsetMap::new(text, Unit::Utf16);
        assert_eq!(map.convert(1), 0);
        assert_eq!(map.convert(4), 1);
        assert_eq!(map.convert(99), 3);
    }
}
