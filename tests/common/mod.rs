//! Invariants every analysis must satisfy, whatever the text: shared by the
//! property tests (`robustness.rs`) and the hostile-input tests
//! (`hostile.rs`).
//!
//! They check the *shape* of the output (bounds, character boundaries,
//! order, nesting, no overlap), never its accuracy, so they hold for any
//! version of the layers and fail only on a real defect.

#![allow(dead_code)] // each test binary uses a different subset

use newsmark::output::{OffsetMap, Report, Unit};
use newsmark::text::Document;
use newsmark::{analyze, Analysis, Layers, Options, Span};

/// Asserts that `span` is a valid, non-inverted span of `text` on
/// character boundaries.
pub fn check_span(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end, "{what}: inverted span {span:?}");
    assert!(span.end <= text.len(), "{what}: span {span:?} beyond the text ({} bytes)", text.len());
    assert!(text.is_char_boundary(span.start), "{what}: start of {span:?} splits a character");
    assert!(text.is_char_boundary(span.end), "{what}: end of {span:?} splits a character");
}

/// Asserts that a mark's span is non-empty, holds at least one letter or
/// digit, and does not begin or end with whitespace or a control
/// character (a mark is a piece of text a reader can see).
fn check_trimmed(text: &str, span: Span, what: &str) {
    assert!(span.start < span.end, "{what}: empty span {span:?}");
    let s = &text[span.range()];
    let invisible = |c: char| c.is_whitespace() || c.is_control();
    assert!(
        !s.starts_with(invisible) && !s.ends_with(invisible),
        "{what}: {span:?} {s:?} starts or ends with whitespace or a control character"
    );
    assert!(s.chars().any(char::is_alphanumeric), "{what}: {span:?} {s:?} has no letter or digit");
}

/// Asserts that spans are sorted by start and, if `disjoint`, do not overlap.
fn check_order(spans: &[Span], what: &str, disjoint: bool) {
    for w in spans.windows(2) {
        assert!(w[0].start <= w[1].start, "{what}: not sorted by start: {:?} then {:?}", w[0], w[1]);
        if disjoint {
            assert!(!w[0].overlaps(w[1]), "{what}: {:?} and {:?} overlap", w[0], w[1]);
        }
    }
}

/// Every structural invariant of an [`Analysis`] of `text`.
pub fn check_analysis(text: &str, a: &Analysis) {
    for e in &a.entities {
        check_span(text, e.span, "entity");
        check_trimmed(text, e.span, "entity");
        assert!(!e.canonical.trim().is_empty(), "entity {:?} has an empty canonical name", e.span);
    }
    check_order(&a.entities.iter().map(|e| e.span).collect::<Vec<_>>(), "entities", true);

    for d in &a.dates {
        check_span(text, d.span, "date");
        check_trimmed(text, d.span, "date");
        assert!(!d.value.is_empty(), "date {:?} has an empty value", d.span);
    }
    check_order(&a.dates.iter().map(|d| d.span).collect::<Vec<_>>(), "dates", true);

    for s in &a.statements {
        check_span(text, s.span, "statement");
        assert!(!s.fragments.is_empty(), "statement {:?} has no fragment", s.span);
        for f in &s.fragments {
            check_span(text, *f, "statement fragment");
            check_trimmed(text, *f, "statement fragment");
            assert!(s.span.contains(*f), "fragment {f:?} outside its statement {:?}", s.span);
        }
        check_order(&s.fragments, "statement fragments", true);
        assert_eq!(s.span.start, s.fragments[0].start, "statement span does not start at its first fragment");
        assert_eq!(s.span.end, s.fragments.last().unwrap().end, "statement span does not end at its last fragment");
        for (part, what) in [(s.cue, "cue"), (s.source, "source")] {
            if let Some(p) = part {
                check_span(text, p, what);
                check_trimmed(text, p, what);
                for f in &s.fragments {
                    assert!(!p.overlaps(*f), "{what} {p:?} overlaps the content {f:?} of statement {:?}", s.span);
                }
            }
        }
        if let (Some(c), Some(src)) = (s.cue, s.source) {
            assert!(!c.overlaps(src), "cue {c:?} overlaps source {src:?}");
        }
        if let Some(name) = &s.speaker {
            assert!(!name.trim().is_empty(), "statement {:?} has an empty speaker name", s.span);
        }
    }
    check_order(&a.statements.iter().map(|s| s.span).collect::<Vec<_>>(), "statements", false);

    if let Some(r) = a.reference {
        if let Some(span) = r.span {
            check_span(text, span, "reference");
            check_trimmed(text, span, "reference");
        }
    }
}

/// Every invariant of the tokenizer and sentence splitter.
pub fn check_document(text: &str) {
    let doc = Document::new(text);
    let mut prev_end = 0;
    for (i, t) in doc.tokens.iter().enumerate() {
        check_span(text, t.span(), "token");
        assert!(t.span().start < t.span().end, "empty token {i}");
        assert!(t.span().start >= prev_end, "token {i} {:?} overlaps the previous one", t.span());
        let gap = &text[prev_end..t.span().start];
        if i > 0 {
            assert_eq!(t.space_before, !gap.is_empty(), "token {i}: space_before disagrees with the gap {gap:?}");
        }
        prev_end = t.span().end;
    }
    let mut next = 0;
    for (k, s) in doc.sentences.iter().enumerate() {
        assert_eq!(s.tokens.start, next, "sentence {k} does not follow the previous one");
        assert!(s.tokens.start < s.tokens.end, "empty sentence {k}");
        assert_eq!(s.span, Span::new(doc.tokens[s.tokens.start].span().start, doc.tokens[s.tokens.end - 1].span().end));
        for t in s.tokens.clone() {
            assert_eq!(doc.sentence_of(t), k, "sentence_of({t})");
            assert_eq!(doc.starts_sentence(t), t == s.tokens.start, "starts_sentence({t})");
        }
        next = s.tokens.end;
    }
    assert_eq!(next, doc.tokens.len(), "sentences do not cover every token");
}

/// The width of `c` in `unit`.
pub fn width(c: char, unit: Unit) -> usize {
    match unit {
        Unit::Byte => c.len_utf8(),
        Unit::CodePoint => 1,
        Unit::Utf16 => c.len_utf16(),
    }
}

/// Checks [`OffsetMap`] on every character boundary of `text` against
/// counts from the standard library, and that the conversion can be
/// inverted (it is strictly increasing over boundaries).
pub fn check_offsets(text: &str) {
    for unit in [Unit::Byte, Unit::CodePoint, Unit::Utf16] {
        let map = OffsetMap::new(text, unit);
        // inverse[u] = the byte offset whose converted offset is u, for
        // every u that is a boundary in `unit`.
        let mut inverse: Vec<Option<usize>> = vec![None; text.len() + 1];
        let mut expect = 0;
        let boundaries = text.char_indices().map(|(i, _)| i).chain(Some(text.len()));
        for (b, c) in boundaries.zip(text.chars().map(Some).chain(Some(None))) {
            let got = map.convert(b);
            assert_eq!(got, expect, "{unit:?}: byte {b} of {text:?}");
            inverse[got] = Some(b);
            // Offsets inside a character move back to its start.
            if let Some(c) = c {
                for inner in b + 1..b + c.len_utf8() {
                    assert_eq!(map.convert(inner), expect, "{unit:?}: inner byte {inner}");
                }
                expect += width(c, unit);
            }
        }
        let total = match unit {
            Unit::Byte => text.len(),
            Unit::CodePoint => text.chars().count(),
            Unit::Utf16 => text.encode_utf16().count(),
        };
        assert_eq!(map.convert(text.len()), total, "{unit:?}: total length");
        assert_eq!(map.convert(text.len() + 7), total, "{unit:?}: clamped past the end");
        for (u, b) in inverse.iter().enumerate().take(total + 1) {
            if let Some(b) = b {
                assert_eq!(map.convert(*b), u, "{unit:?}: round trip of {u}");
            }
        }
        assert!(inverse[total].is_some(), "{unit:?}: end of text not reachable");
    }
}

/// Slices `text` by offsets in `unit`, the way a consumer in that unit
/// would (Python by code points, JavaScript by UTF-16 code units), built
/// once per text so that checking many spans stays linear.
pub struct UnitSlicer<'t> {
    text: &'t str,
    /// Byte offset of each offset in the unit; `usize::MAX` inside a
    /// surrogate pair.
    bytes: Vec<usize>,
}

impl<'t> UnitSlicer<'t> {
    /// Counts `text` independently of `OffsetMap`: from the standard
    /// library's `chars` and `len_utf16`.
    pub fn new(text: &'t str, unit: Unit) -> UnitSlicer<'t> {
        let mut bytes = Vec::with_capacity(text.len() + 1);
        for (i, c) in text.char_indices() {
            bytes.push(i);
            if unit == Unit::Utf16 && c.len_utf16() == 2 {
                bytes.push(usize::MAX);
            }
            if unit == Unit::Byte {
                bytes.extend(std::iter::repeat(usize::MAX).take(c.len_utf8() - 1));
            }
        }
        bytes.push(text.len());
        UnitSlicer { text, bytes }
    }

    /// The text between two offsets in the unit.
    pub fn slice(&self, start: usize, end: usize) -> &'t str {
        let (s, e) = (self.bytes[start], self.bytes[end]);
        assert!(s != usize::MAX && e != usize::MAX, "offset {start}..{end} splits a character");
        &self.text[s..e]
    }
}

/// Slices `text` by offsets in `unit` (one span; see [`UnitSlicer`] for many).
pub fn slice_in_unit(text: &str, unit: Unit, start: usize, end: usize) -> String {
    UnitSlicer::new(text, unit).slice(start, end).to_string()
}

/// Checks that the [`Report`] of `a` in each unit points at exactly the text
/// the byte spans cover.
pub fn check_report(text: &str, a: &Analysis) {
    for unit in [Unit::Byte, Unit::CodePoint, Unit::Utf16] {
        let r = Report::new(a, text, unit);
        let slicer = UnitSlicer::new(text, unit);
        let slice_in_unit = |_: &str, _: Unit, s: usize, e: usize| slicer.slice(s, e);
        assert_eq!(r.entities.len(), a.entities.len());
        for (o, e) in r.entities.iter().zip(&a.entities) {
            assert_eq!(slice_in_unit(text, unit, o.start, o.end), e.span.text(text), "{unit:?} entity");
            assert_eq!(o.canonical, e.canonical);
        }
        assert_eq!(r.dates.len(), a.dates.len());
        for (o, d) in r.dates.iter().zip(&a.dates) {
            assert_eq!(slice_in_unit(text, unit, o.start, o.end), d.span.text(text), "{unit:?} date");
            assert_eq!(o.value, d.value);
        }
        assert_eq!(r.statements.len(), a.statements.len());
        for (o, s) in r.statements.iter().zip(&a.statements) {
            assert_eq!(slice_in_unit(text, unit, o.start, o.end), s.span.text(text), "{unit:?} statement");
            assert_eq!(o.fragments.len(), s.fragments.len());
            for (of, f) in o.fragments.iter().zip(&s.fragments) {
                assert_eq!(slice_in_unit(text, unit, of[0], of[1]), f.text(text), "{unit:?} fragment");
            }
            for (out, span) in [(o.cue, s.cue), (o.source, s.source)] {
                assert_eq!(out.is_some(), span.is_some());
                if let (Some(out), Some(span)) = (out, span) {
                    assert_eq!(slice_in_unit(text, unit, out.start, out.end), span.text(text), "{unit:?} cue/source");
                }
            }
            assert_eq!(o.source_entity, s.speaker);
        }
        match (&r.reference, a.reference) {
            (None, None) => {}
            (Some(o), Some(r)) => {
                assert_eq!(o.date, r.date.to_string());
                if let (Some(os), Some(s)) = (o.span, r.span) {
                    assert_eq!(slice_in_unit(text, unit, os.start, os.end), s.text(text), "{unit:?} reference");
                }
                assert_eq!(o.span.is_some(), r.span.is_some());
            }
            _ => panic!("{unit:?}: reference lost or invented"),
        }
    }
}

/// Asserts two analyses are identical.
pub fn assert_same(a: &Analysis, b: &Analysis) {
    assert_eq!(a.entities, b.entities, "entities differ");
    assert_eq!(a.dates, b.dates, "dates differ");
    assert_eq!(a.statements, b.statements, "statements differ");
    assert_eq!(a.reference, b.reference, "reference differs");
}

/// Analyzes `text` with `options`, checks every invariant, and checks that
/// the same input gives the same output and that each layer's result does
/// not depend on which other layers are reported.
pub fn analyze_checked(text: &str, options: &Options) -> Analysis {
    let a = analyze(text, options);
    check_analysis(text, &a);
    let again = analyze(text, options);
    assert_same(&a, &again);
    a
}

/// Like [`analyze_checked`], plus: each layer alone gives the same marks as
/// all layers together, and the reports convert exactly.
pub fn analyze_fully_checked(text: &str, options: &Options) -> Analysis {
    let all = Options { layers: Layers::default(), ..options.clone() };
    let a = analyze_checked(text, &all);
    for (layers, which) in [
        (Layers { entities: true, dates: false, statements: false }, "entities"),
        (Layers { entities: false, dates: true, statements: false }, "dates"),
        (Layers { entities: false, dates: false, statements: true }, "statements"),
    ] {
        let one = analyze(text, &Options { layers, ..options.clone() });
        match which {
            "entities" => {
                assert_eq!(one.entities, a.entities, "entities alone differ");
                assert!(one.dates.is_empty() && one.statements.is_empty(), "unrequested layer reported");
            }
            "dates" => {
                assert_eq!(one.dates, a.dates, "dates alone differ");
                assert!(one.entities.is_empty() && one.statements.is_empty(), "unrequested layer reported");
            }
            _ => {
                assert_eq!(one.statements, a.statements, "statements alone differ");
                assert!(one.entities.is_empty() && one.dates.is_empty(), "unrequested layer reported");
            }
        }
        assert_eq!(one.reference, a.reference, "reference depends on layers");
    }
    check_report(text, &a);
    a
}
