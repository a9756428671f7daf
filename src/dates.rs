//! Temporal expressions: find dates, times, durations and sets and give each
//! its TimeML TIMEX3 type and value, resolved against the reference date.
//!
//! May not touch: entities or statements. Reads only the tokenized text and
//! the reference date.
//!
//! How it works: one left-to-right scan over the tokens. At each word or
//! number every pattern family (dates with month names, numeric dates,
//! years and decades, relative expressions, durations, times, sets, vague
//! references) tries to match a bounded number of tokens from there; the
//! longest match wins and the scan jumps past it, so the output is sorted
//! and never overlaps, and the cost is linear. Words are looked up in the
//! lexicon `data/dates_words.txt` (month and weekday names, units, number
//! words) through one hash map; holidays come from
//! `data/dates_holidays.txt`.
//!
//! Span conventions follow TimeML: determiners and modifiers belong to the
//! expression ("the past three years", "early 2019", "nearly two weeks"),
//! leading prepositions do not. Bare weekdays and months take their year or
//! week from the tense of the nearest verb in the sentence: "said Tuesday"
//! is the last Tuesday, "will meet Tuesday" the next one.

mod resolve;
mod scan;
mod words;

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
///
/// Conservative: only a full date (year, month and day) that stands on a
/// line of its own, follows "Published", "Updated", "Posted" or "Dated",
/// or sits in a dateline between a comma and a dash ("WASHINGTON, March 3,
/// 2021 —").
pub fn detect_reference(doc: &Document) -> Option<(Date, Span)> {
    scan::Scanner::new(doc, None).detect_reference()
}

/// Finds every temporal expression, resolved against `reference`. Sorted by
/// position; never overlapping. Without a reference, relative expressions
/// get values with `X` for what is unknown (`XXXX-WXX-2`, `XXXX`).
pub fn find(doc: &Document, reference: Option<Date>) -> Vec<TimeExpr> {
    scan::Scanner::new(doc, reference).find_all()
}
