//! The statements layer's word lists: reporting cues (`data/cues.txt`),
//! speaker role nouns (`data/speakers.txt`) and clearly gendered given
//! names (`data/gender_names.txt`), loaded once into hash tables.
//!
//! May not touch: the text. Lookups only.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: the keys are short words looked up once per token, where
/// SipHash's flood resistance buys nothing and costs a third of the pass.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A hash map keyed by words.
pub(crate) type WordMap<V> = HashMap<&'static str, V, BuildHasherDefault<Fnv>>;

/// What a cue phrase does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// A reporting verb that attributes speech on its own ("said").
    Strong,
    /// A verb that attributes speech only before "that" or next to a
    /// quotation ("believed", "called").
    Weak,
    /// "according to": the source follows.
    According,
    /// "in a statement": names the channel, not the speaker.
    Nominal,
}

/// One cue phrase: its words after the first, lower-cased.
#[derive(Debug)]
pub(crate) struct Cue {
    pub rest: Vec<&'static str>,
    pub kind: CueKind,
}

/// A role noun's kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    Person,
    Org,
}

/// A person's grammatical gender, as "he" or "she" refers to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

pub(crate) struct Lexicon {
    /// First word (lower-case) → phrases starting with it, longest first.
    pub cues: WordMap<Vec<Cue>>,
    pub roles: WordMap<Role>,
    /// Given names and role nouns (lower case) that tell a person's gender
    /// ("mary", "spokeswoman", "mr").
    pub genders: WordMap<Gender>,
    /// Nouns that name documents and figures, not speakers ("study").
    pub non_agents: WordMap<()>,
    /// Which first two letters start some cue: most words are rejected
    /// here without hashing.
    prefixes: Vec<bool>,
}

fn prefix_index(w: &[u8]) -> usize {
    let a = usize::from(w.first().copied().unwrap_or(0) & 31);
    let b = usize::from(w.get(1).copied().unwrap_or(0) & 31);
    a * 32 + b
}

impl Lexicon {
    /// False when no cue starts like the lower-case word `w`.
    pub(crate) fn may_start_cue(&self, w: &str) -> bool {
        self.prefixes[prefix_index(w.as_bytes())]
    }
}

pub(crate) fn get() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut cues: WordMap<Vec<Cue>> = WordMap::default();
        for line in crate::lexicon::entries(include_str!("../../data/cues.txt")) {
            let (phrase, weak) = match line.strip_suffix('*') {
                Some(p) => (p.trim_end(), true),
                None => (line, false),
            };
            let mut words = phrase.split_whitespace();
            let Some(first) = words.next() else { continue };
            let rest: Vec<&'static str> = words.collect();
            let kind = if first == "according" {
                CueKind::According
            } else if (first == "in" || first == "at") && !rest.is_empty() {
                CueKind::Nominal
            } else if weak {
                CueKind::Weak
            } else {
                CueKind::Strong
            };
            cues.entry(first).or_default().push(Cue { rest, kind });
        }
        for v in cues.values_mut() {
            v.sort_by_key(|c| core::cmp::Reverse(c.rest.len()));
        }
        let mut roles = WordMap::default();
        let mut non_agents = WordMap::default();
        let mut genders = WordMap::default();
        for line in crate::lexicon::entries(include_str!("../../data/gender_names.txt")) {
            let mut parts = line.split_whitespace();
            if let (Some(g), Some(name)) = (parts.next().and_then(gender), parts.next()) {
                genders.insert(name, g);
            }
        }
        for line in crate::lexicon::entries(include_str!("../../data/speakers.txt")) {
            if let Some(w) = line.strip_prefix("p ") {
                let mut parts = w.split_whitespace();
                let Some(word) = parts.next() else { continue };
                roles.insert(word, Role::Person);
                if let Some(g) = parts.next().and_then(gender) {
                    genders.insert(word, g);
                }
            } else if let Some(w) = line.strip_prefix("o ") {
                roles.insert(w.trim(), Role::Org);
            } else if let Some(w) = line.strip_prefix("n ") {
                non_agents.insert(w.trim(), ());
            }
        }
        let mut prefixes = vec![false; 1024];
        for k in cues.keys() {
            prefixes[prefix_index(k.as_bytes())] = true;
        }
        Lexicon { cues, roles, genders, non_agents, prefixes }
    })
}

fn gender(mark: &str) -> Option<Gender> {
    match mark {
        "m" => Some(Gender::Male),
        "f" => Some(Gender::Female),
        _ => None,
    }
}
