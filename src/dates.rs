//! Temporal expressions: find dates, times, durations and sets and give each
//! its TimeML TIMEX3 type and value, resolved against the reference date.
//!
//! May not touch: entities or statements. Reads only the tokenized text and
//! the reference date.

use crate::text::Document;
use crate::{Date, Span};
use serde::Serialize;

/// TimeML TIMEX3 type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum DateType {
    /// A calendar date or period: "November 2020", "yesterday".
    Date,
    /// A time of day: "3:30 p.m.", "Tuesday morning".
    Time,
    /// A length of time: "three years", "44-day".
    Duration,
    /// A recurrence: "every Friday", "annually".
    Set,
}

/// One temporal expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeExpr {
    /// Where it is in the text (TimeML conventions: determiners and
    /// modifiers included, leading prepositions excluded).
    pub span: Span,
    /// Its TIMEX3 type.
    pub kind: DateType,
    /// Its TIMEX3 value: `2020-11-03`, `2019-Q3`, `P3Y`, `PAST_REF`…
    pub value: String,
}

/// Finds the article's own date in its first lines (a dateline or a
/// "Published …" line), with the span it was read from.
pub fn detect_reference(doc: &Document) -> Option<(Date, Span)> {
    let _ = doc;
    None
}

/// Finds every temporal expression, resolved against `reference`.
pub fn find(doc: &Document, reference: Option<Date>) -> Vec<TimeExpr> {
    let _ = (doc, reference);
    Vec::new()
}
