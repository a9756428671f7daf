//! Named entities: people, organizations, places and other names, each with
//! the canonical (longest) name of its entity across the document.
//!
//! May not touch: statements. Reads the tokenized text, the lexicons and the
//! dates layer (so that "Monday" is not taken for a name).
//!
//! The pipeline: `candidates` cuts capitalized runs out of the tokens
//! (connectors, glued pieces, possessives, sentence starts and headlines
//! handled); `classify` scores each against the lexicons under
//! `data/entities/` and its context (titles, prepositions, "said",
//! appositions, kind nouns, team-sport reports); `link` makes the document
//! agree with itself (one label per name, surnames and acronyms following
//! their full names, lists sharing a label, all-capitals headlines read
//! through the names of the body) and picks canonical names. No weights are
//! learned: every rule is a table or a lexicon.

mod candidates;
mod classify;
// The statements layer reads given names' genders from the merged table.
pub(crate) mod lexicons;
mod link;

use crate::dates::TimeExpr;
use crate::text::Document;
use crate::Span;
use serde::Serialize;

/// The kind of a named entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityLabel {
    /// People and fictional characters.
    Person,
    /// Companies, agencies, institutions, parties, teams, media outlets.
    Org,
    /// Countries, cities, regions, geographic locations, facilities.
    Place,
    /// Nationalities and groups, events, laws, products, works, languages.
    Misc,
}

impl EntityLabel {
    /// The name every output format uses (the JSON of the CLI, the objects
    /// of the WASM bindings): `"PERSON"`, `"ORG"`, `"PLACE"`, `"MISC"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Person => "PERSON",
            EntityLabel::Org => "ORG",
            EntityLabel::Place => "PLACE",
            EntityLabel::Misc => "MISC",
        }
    }
}

/// One mention of a named entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// The mention in the text.
    pub span: Span,
    /// Its kind.
    pub label: EntityLabel,
    /// The longest name under which the document mentions the same entity
    /// ("Talibov" → "Mammad Talibov"); shared by all its mentions.
    pub canonical: String,
}

/// Finds the named entities of the document: sorted by position, never
/// overlapping one another or a date.
pub fn find(doc: &Document, dates: &[TimeExpr]) -> Vec<Entity> {
    let lex = lexicons::lexicon();
    let marks = candidates::marks(doc, dates);
    let mut store = candidates::find(doc, &marks, lex);
    let facts = classify::doc_facts(doc, lex);
    link::resolve(doc, lex, &facts, &store.cands())
}
