//! Attributed statements: direct quotations and reported speech, each with
//! its content, cue and source, and the speaker resolved to a named entity.
//!
//! May not touch: entity recognition itself. Reads the tokenized text, the
//! cue lexicon and the entities already found.

use crate::entities::Entity;
use crate::text::Document;
use crate::Span;
use serde::Serialize;

/// How the statement reports its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StatementKind {
    /// Quoted verbatim.
    Direct,
    /// Paraphrased ("she said that …").
    Indirect,
    /// Partly quoted, partly paraphrased.
    Mixed,
}

/// One attributed statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    /// From the start of the first fragment to the end of the last
    /// (quotation marks excluded).
    pub span: Span,
    /// The pieces of content, in order; several when a quote is interrupted
    /// ("“A,” she said, “B.”"). Never empty; one piece equal to `span` when
    /// the content is continuous.
    pub fragments: Vec<Span>,
    /// Direct, indirect or mixed.
    pub kind: StatementKind,
    /// The attribution cue ("said", "according to"), if written.
    pub cue: Option<Span>,
    /// The speaker's mention ("He", "the ambassador", "Jane Doe"), if
    /// written.
    pub source: Option<Span>,
    /// The speaker's canonical name when it can be resolved to a named
    /// entity ("He" → "Jane Doe").
    pub speaker: Option<String>,
}

/// Finds the attributed statements of the document.
pub fn find(doc: &Document, entities: &[Entity]) -> Vec<Statement> {
    let _ = (doc, entities);
    Vec::new()
}
