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
/// Keeps a checkpoint every 64 bytes, so a conversion scans at most 63
/// bytes whatever the order of queries, and the table is 1/8 the size of
/// the text.
pub struct OffsetMap<'t> {
    text: &'t str,
    unit: Unit,
    checkpoints: Vec<usize>,
}

const STRIDE: usize = 64;

fn width(c: char, unit: Unit) -> usize {
    match unit {
        Unit::Byte => c.len_utf8(),
        Unit::CodePoint => 1,
        Unit::Utf16 => c.len_utf16(),
    }
}

impl<'t> OffsetMap<'t> {
    /// Builds the map for `text`. Linear in its length.
    pub fn new(text: &'t str, unit: Unit) -> OffsetMap<'t> {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        if unit != Unit::Byte {
            let mut count = 0;
            let mut next = 0;
            for (i, c) in text.char_indices() {
                while next <= i {
                    // Offsets between `next` and `i` fall inside a
                    // character; they never occur (spans are on boundaries).
                    checkpoints.push(count);
                    next += STRIDE;
                }
                count += width(c, unit);
            }
            while next <= text.len() {
                checkpoints.push(count);
                next += STRIDE;
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
        if self.unit == Unit::Byte {
            return pos;
        }
        let block = pos / STRIDE;
        let mut start = block * STRIDE;
        // The checkpoint counts characters starting before `start`; the
        // character that straddles `start` (if any) was counted already.
        while !self.text.is_char_boundary(start) {
            start += 1;
        }
        let base = self.checkpoints[block];
        if start >= pos {
            return base;
        }
        base + self.text[start..pos].chars().map(|c| width(c, self.unit)).sum::<usize>()
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
        let text = "a🎉é東x".repeat(40);
        for unit in [Unit::CodePoint, Unit::Utf16, Unit::Byte] {
            let map = OffsetMap::new(&text, unit);
            for (i, _) in text.char_indices().chain(Some((text.len(), ' '))) {
                let expect: usize = text[..i].chars().map(|c| width(c, unit)).sum();
                assert_eq!(map.convert(i), expect, "{unit:?} at {i}");
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
