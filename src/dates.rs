//! Temporal expressions: find dates, times, durations and sets and give each
//! its TimeML TIMEX3 type and value, resolved against the reference date.
//!
//! May not touch: entities or statements. Reads only the tokenized text and
//! the reference date.
//!
//! How it works: one left-to-right scan over the tokens. Each word is
//! looked up once, in one table holding the lexicon `data/dates_words.txt`
//! (month and weekday names, units, number words), the first words of the
//! holidays in `data/dates_holidays.txt` and the words that begin a
//! pattern; the lookup gives the token a class: which pattern families
//! (dates with month names, numeric dates, years and decades, relative
//! expressions, durations, times, sets, vague references…) may start
//! there, if any. At each token that may start one, those families try to
//! match a bounded number of tokens from there; the longest match wins and
//! the scan jumps past it, so the output is sorted and never overlaps, and
//! the cost is linear.
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

impl DateType {
    /// The name every output format uses (the JSON of the CLI, the objects
    /// of the WASM bindings): `"DATE"`, `"TIME"`, `"DURATION"`, `"SET"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            DateType::Date => "DATE",
            DateType::Time => "TIME",
            DateType::Duration => "DURATION",
            DateType::Set => "SET",
        }
    }
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
    scan::Scanner::prefix(doc, None, scan::REFERENCE_TOKENS + 64).detect_reference()
}

/// Finds every temporal expression, resolved against `reference`. Sorted by
/// position; never overlapping. Without a reference, relative expressions
/// get values with `X` for what is unknown (`XXXX-WXX-2`, `XXXX`).
// Not inlined: the scan is large, and inlined into `analyze` it changed how
// the tokenizer there was compiled (measured: more instructions in text
// code for fewer in dates code).
#[inline(never)]
pub fn find(doc: &Document, reference: Option<Date>) -> Vec<TimeExpr> {
    scan::Scanner::new(doc, reference).find_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(text: &str) -> Option<(String, String)> {
        let doc = Document::new(text);
        detect_reference(&doc).map(|(d, s)| (d.to_string(), text[s.range()].to_string()))
    }

    fn found(text: &str, r: &str) -> Vec<(String, DateType, String)> {
        let doc = Document::new(text);
        find(&doc, r.parse().ok()).into_iter().map(|t| (text[t.span.range()].to_string(), t.kind, t.value)).collect()
    }

    #[test]
    fn reference_from_a_date_line() {
        let text =
            "Boeing wins tanker deal\nNovember 24, 2004\nThe Air Force said on Tuesday that it would buy 100 planes.";
        assert_eq!(reference(text), Some(("2004-11-24".into(), "November 24, 2004".into())));
    }

    #[test]
    fn reference_from_a_dateline() {
        let text = "WASHINGTON, March 3, 2021 — The Senate voted late Tuesday to pass the bill.";
        assert_eq!(reference(text), Some(("2021-03-03".into(), "March 3, 2021".into())));
    }

    #[test]
    fn reference_from_published() {
        let text = "Storm hits coast\nPublished 3 March 2021\nBy Staff Reporter\nThe storm arrived on Monday.";
        assert_eq!(reference(text), Some(("2021-03-03".into(), "3 March 2021".into())));
        let text = "Updated: 2021-03-04 10:15\nThe storm arrived on Monday.";
        assert_eq!(reference(text), Some(("2021-03-04".into(), "2021-03-04".into())));
    }

    #[test]
    fn no_reference_from_a_date_in_the_story() {
        assert_eq!(reference("The treaty signed on March 3, 2021 was ratified later."), None);
        assert_eq!(reference("Officials met in March to discuss the budget."), None);
        let late = format!("{}\nMarch 3, 2021\n", "A line of text.\n".repeat(20));
        assert_eq!(reference(&late), None);
    }

    #[test]
    fn nearest_verb_decides_the_weekday() {
        // 2020-11-05 is a Thursday.
        let r = "2020-11-05";
        assert_eq!(found("The board said on Tuesday that it would sell.", r)[0].2, "2020-11-03");
        assert_eq!(found("The board will meet on Tuesday, it said.", r)[0].2, "2020-11-10");
        assert_eq!(found("The suspect will be charged Friday.", r)[0].2, "2020-11-06");
    }

    #[test]
    fn one_weekday_in_both_tenses() {
        // 2020-11-05 is a Thursday. The scanner remembers a weekday's
        // date per tense: the second "Tuesday" is not the first one's.
        let r = "2020-11-05";
        let text = "The board said on Tuesday that it would sell. It will meet again on Tuesday. It met Tuesday.";
        let values: Vec<String> = found(text, r).into_iter().map(|t| t.2).collect();
        assert_eq!(values, ["2020-11-03", "2020-11-10", "2020-11-03"]);
    }

    #[test]
    fn guards() {
        let r = "2020-11-05";
        assert!(found("Officials may March on the capital.", r).is_empty());
        assert!(found("We Sun readers know the score was 3-2 and tickets cost $2000.", r).is_empty());
        assert!(found("A 6-year-old boy and his 44-year-old father survived.", r).is_empty());
    }

    #[test]
    fn hostile_inputs_do_not_panic() {
        let r = "2020-11-05";
        for text in [
            "",
            "'",
            "’s",
            "the",
            "May",
            "1",
            "12:",
            "3 p.",
            "the last",
            "a.m.",
            "Nov.",
            "'9",
            "mid-",
            "the end of",
            "twenty-",
            "1/2/",
            "2020-11-",
            "every other",
            "nineteen",
            "the year",
            "Sun.",
            "half",
            "at 9:6",
            "🎉 Tuesday 東京 3 p.m. ",
            "\u{0301}May\u{0301} 5",
            "year-",
            "the 1988",
            "last year's",
            "’90s",
        ] {
            let _ = found(text, r);
            let _ = found(text, "");
            let _ = reference(text);
        }
    }

    /// Random token soups from a temporal vocabulary (a fixed LCG, so the
    /// test is deterministic): no panic, spans sorted, disjoint, on
    /// character boundaries.
    #[test]
    fn random_soups_keep_the_invariants() {
        const VOCAB: &[&str] = &[
            "the",
            "last",
            "next",
            "May",
            "March",
            "Nov",
            ".",
            ",",
            "-",
            "/",
            ":",
            "'",
            "’",
            "1",
            "12",
            "31",
            "1998",
            "2020",
            "90s",
            "a",
            "year",
            "years",
            "day",
            "week",
            "ago",
            "earlier",
            "Tuesday",
            "morning",
            "p",
            "m",
            "noon",
            "every",
            "other",
            "twenty",
            "four",
            "half",
            "and",
            "of",
            "fiscal",
            "quarter",
            "third",
            "mid",
            "early",
            "said",
            "will",
            "now",
            "\n",
            "é",
            "东京",
            "Christmas",
            "Eve",
            "year-earlier",
            "st",
            "th",
        ];
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..3000 {
            let mut text = String::new();
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let len = (x >> 59) as usize + 1;
            for _ in 0..len {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let w = VOCAB[(x >> 33) as usize % VOCAB.len()];
                if (x >> 20) & 1 == 1 {
                    text.push(' ');
                }
                text.push_str(if w == "\\n" { "\n" } else { w });
            }
            for r in ["2020-11-05", ""] {
                let doc = Document::new(&text);
                let out = find(&doc, r.parse().ok());
                for t in &out {
                    assert!(t.span.start < t.span.end && t.span.end <= text.len(), "{text:?}");
                    assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end), "{text:?}");
                }
                for w in out.windows(2) {
                    assert!(w[0].span.end <= w[1].span.start, "{text:?} {out:?}");
                }
                let _ = detect_reference(&doc);
            }
        }
    }
}
