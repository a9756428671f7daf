//! newsmark reads a news article and marks **who** (people, organizations,
//! places), **when** (dates and times, normalized against the article's
//! date) and **who said what** (quotations and reported speech, with their
//! speaker and cue).
//!
//! # Overview
//!
//! One function does the work: [`analyze`] takes the text and [`Options`]
//! and returns an [`Analysis`]. Every mark carries a [`Span`] of **byte**
//! offsets into the text; [`output::Report`] converts them once, at the
//! edge, to UTF-16 code units (JavaScript) or code points (JSONL).
//!
//! The pipeline reads top to bottom: [`text`] cuts tokens and sentences →
//! the [`dates`], [`entities`] and [`statements`] layers → resolution of
//! names and speakers → output.
//!
//! ```
//! use newsmark::{analyze, Options, Date};
//!
//! let text = "WASHINGTON (AP) — Senator Jane Doe said on Tuesday that the bill would pass.";
//! let opts = Options { reference_date: Some("2020-11-05".parse().unwrap()), ..Options::default() };
//! let a = analyze(text, &opts);
//!
//! let tuesday = a.dates.iter().find(|d| &text[d.span.range()] == "Tuesday").unwrap();
//! assert_eq!(tuesday.value, "2020-11-03");
//! assert_eq!(a.reference.unwrap().date.to_string(), "2020-11-05");
//! ```
//!
//! The core does no I/O and knows nothing of JavaScript: the command-line
//! tool (`src/bin/newsmark.rs`) and the WebAssembly bindings (`wasm`
//! module, built only for `wasm32`) are thin edges around [`analyze`].

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod calendar;
pub mod dates;
pub mod entities;
mod error;
pub mod lexicon;
pub mod output;
mod span;
pub mod statements;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use calendar::Date;
pub use dates::{DateType, TimeExpr};
pub use entities::{Entity, EntityLabel};
pub use error::Error;
pub use span::Span;
pub use statements::{Statement, StatementKind};

use serde::Serialize;

/// Which layers [`analyze`] runs. All are on by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layers {
    /// People, organizations, places and other names.
    pub entities: bool,
    /// Dates, times, durations and sets.
    pub dates: bool,
    /// Attributed statements. Speakers are resolved to named entities, so
    /// this layer runs the entity recognizer internally even when
    /// `entities` is off (its results are then not reported).
    pub statements: bool,
}

impl Default for Layers {
    fn default() -> Layers {
        Layers { entities: true, dates: true, statements: true }
    }
}

/// What to analyze and against which date.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The article's date, against which "yesterday" and "last Tuesday"
    /// are resolved. `None`: look for a dateline or "Published …" line in
    /// the text, else use [`Options::today`].
    pub reference_date: Option<Date>,
    /// The date to fall back on when there is no reference date and the
    /// text names none. The core reads no clock, so the caller passes it
    /// (the CLI and the page pass the local date). `None`: relative dates
    /// are left unresolved (`XXXX-…` values).
    pub today: Option<Date>,
    /// Which layers to run.
    pub layers: Layers,
}

/// Where the reference date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReferenceOrigin {
    /// Given by the caller in [`Options::reference_date`].
    Given,
    /// Found in the text (a dateline or "Published …" line).
    Text,
    /// The caller's [`Options::today`].
    Today,
}

impl ReferenceOrigin {
    /// The name every output format uses (the JSON of the CLI, the objects
    /// of the WASM bindings): `"given"`, `"text"`, `"today"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ReferenceOrigin::Given => "given",
            ReferenceOrigin::Text => "text",
            ReferenceOrigin::Today => "today",
        }
    }
}

/// The date relative expressions were resolved against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reference {
    /// The date.
    pub date: Date,
    /// Where it came from.
    pub origin: ReferenceOrigin,
    /// The text it was read from, when `origin` is [`ReferenceOrigin::Text`].
    pub span: Option<Span>,
}

/// Everything [`analyze`] found, each list sorted by position.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    /// Named entities; they never overlap one another.
    pub entities: Vec<Entity>,
    /// Temporal expressions; they never overlap one another.
    pub dates: Vec<TimeExpr>,
    /// Attributed statements.
    pub statements: Vec<Statement>,
    /// The reference date used, if any.
    pub reference: Option<Reference>,
}

/// Analyzes `text`. Never panics, for any input; time and memory are
/// linear in the length of the text.
pub fn analyze(text: &str, options: &Options) -> Analysis {
    let doc = text::Document::new(text);

    let reference = match options.reference_date {
        Some(date) => Some(Reference { date, origin: ReferenceOrigin::Given, span: None }),
        None => match dates::detect_reference(&doc) {
            Some((date, span)) => Some(Reference { date, origin: ReferenceOrigin::Text, span: Some(span) }),
            None => options.today.map(|date| Reference { date, origin: ReferenceOrigin::Today, span: None }),
        },
    };

    let layers = options.layers;
    let dates = if layers.dates || layers.entities || layers.statements {
        dates::find(&doc, reference.map(|r| r.date))
    } else {
        Vec::new()
    };
    let entities = if layers.entities || layers.statements { entities::find(&doc, &dates) } else { Vec::new() };
    let mut statements = if layers.statements { statements::find(&doc, &entities) } else { Vec::new() };
    // A statement must say something: a piece holding only "!" or "…" is
    // punctuation, whatever construction found it.
    statements.retain_mut(|s| {
        s.fragments.retain(|f| f.text(text).chars().any(char::is_alphanumeric));
        match (s.fragments.first(), s.fragments.last()) {
            (Some(first), Some(last)) => {
                s.span = Span::new(first.start, last.end);
                true
            }
            _ => false,
        }
    });

    Analysis {
        entities: if layers.entities { entities } else { Vec::new() },
        dates: if layers.dates { dates } else { Vec::new() },
        statements,
        reference,
    }
}
