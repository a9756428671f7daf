//! The statements layer's word lists: reporting cues (`data/cues.txt`) and
//! speaker role nouns (`data/speakers.txt`), loaded once into hash tables;
//! clearly gendered given names (`data/gender_names.txt`) are flags of the
//! entity lexicon's given names (`build.rs` puts them there), read through
//! [`Lexicon::gender`].
//!
//! May not touch: the text. Lookups only.

use crate::lexicon::pack_word;
use crate::text::Document;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// A table keyed by words of at most 16 bytes, each [`packed`] into one
/// integer, with the crate's fast hasher: the keys are short words looked
/// up for many tokens of every text, and one integer hashes and compares
/// in one step. A test checks that every entry of the lists fits.
pub(crate) struct WordTable<V>(HashMap<u128, V, crate::lexicon::FxBuild>);

impl<V> WordTable<V> {
    fn with_capacity(n: usize) -> WordTable<V> {
        WordTable(HashMap::with_capacity_and_hasher(n, Default::default()))
    }

    /// Files `v` under the word `w` as written; a word over 16 bytes is
    /// left out (none is).
    fn insert(&mut self, w: &str, v: V) {
        if let Some(k) = pack_word(w.as_bytes()) {
            self.0.insert(k, v);
        }
    }

    /// The value of the word `w` ASCII-lower-cased (as the lists are).
    #[inline]
    pub(crate) fn get(&self, w: impl AsRef<[u8]>) -> Option<&V> {
        let mut buf = [0u8; 16];
        let b = w.as_ref();
        for (k, c) in buf.get_mut(..b.len())?.iter_mut().zip(b) {
            *k = c.to_ascii_lowercase();
        }
        self.0.get(&u128::from_le_bytes(buf))
    }
}

/// The byte 1 in each byte of a `u128`.
pub(crate) const ONES: u128 = u128::MAX / 0xFF;

/// The bytes packed in `x` with their ASCII capitals lowered, all sixteen
/// at once; other bytes are left as they are.
pub(crate) fn lower_packed(x: u128) -> u128 {
    // Per byte of `x` under 0x80, the low seven bits plus 0x3F carry into
    // the top bit from 'A' on, plus 0x25 from '[' on; neither carries out
    // of the byte.
    let low = x & (ONES * 0x7F);
    let from_a = low + ONES * (0x80 - u128::from(b'A'));
    let past_z = low + ONES * (0x80 - u128::from(b'Z') - 1);
    let capital = from_a & !past_z & !x & (ONES * 0x80);
    // 0x80 >> 2 is the 0x20 that lowers a capital.
    x | capital >> 2
}

/// Token `i` [packed](pack_word) with its ASCII capitals lowered; `None`
/// when it is over 16 bytes. Read as one 16-byte load from the text where
/// the text goes on that far and lowered in the integer: copying and
/// lowering byte by byte cost more than the table lookup that follows.
#[inline]
pub(crate) fn pack_lower_at(doc: &Document, i: usize) -> Option<u128> {
    pack_lower_span(doc.text.as_bytes(), doc.tokens[i].span())
}

/// [`pack_lower_at`] of the bytes `s` of `text`.
#[inline]
fn pack_lower_span(text: &[u8], s: crate::Span) -> Option<u128> {
    let len = s.end - s.start;
    if len > 16 {
        return None;
    }
    let x = match text.get(s.start..s.start + 16) {
        Some(window) => {
            let mut b = [0u8; 16];
            b.copy_from_slice(window);
            // The token's bytes, the rest zero.
            u128::from_le_bytes(b) & u128::MAX.checked_shr(128 - 8 * len as u32).unwrap_or(0)
        }
        None => pack_word(text.get(s.range())?)?,
    };
    Some(lower_packed(x))
}

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
    /// First word (lower-case, [`packed`]) → phrases starting with it,
    /// longest first.
    cues: HashMap<u128, Vec<Cue>, crate::lexicon::FxBuild>,
    pub roles: WordTable<Role>,
    /// Role nouns (lower case) that tell a person's gender ("spokeswoman",
    /// "mr"); given names are asked of the entity lexicon.
    genders: WordTable<Gender>,
    /// Nouns that name documents and figures, not speakers ("study").
    pub non_agents: WordTable<()>,
    /// First words of cues.
    cue_starts: Prefilter,
    /// Keys of `roles`.
    role_words: Prefilter,
}

/// A quick test that rejects most words not in a word set, in any ASCII
/// case, without hashing: for each first two letters, the lengths of the
/// set's words starting with them. The statement rules ask it of nearly
/// every token, and nearly every token is in no set.
pub(crate) struct Prefilter(Box<[u16; 1024]>);

impl Prefilter {
    /// The filter of a set of words.
    pub(crate) fn new(words: impl IntoIterator<Item = impl AsRef<[u8]>>) -> Prefilter {
        // A fixed size, so that indexing by a slot needs no bounds test.
        let mut bits = Box::new([0u16; 1024]);
        for w in words {
            if let Some((i, bit)) = Prefilter::slot(w.as_ref()) {
                bits[i] |= bit;
            }
        }
        Prefilter(bits)
    }

    /// The index and length bit of `w`. The index keeps five bits of each
    /// of the first two bytes, the same for both cases of a letter;
    /// lengths of 16 bytes and more share the last bit.
    #[inline]
    fn slot(b: &[u8]) -> Option<(usize, u16)> {
        let len = b.len().min(16);
        let first = usize::from(*b.first()? & 31);
        let second = usize::from(b.get(1).copied().unwrap_or(0) & 31);
        Some((first * 32 + second, 1 << (len - 1)))
    }

    /// False when no word of the set is `w` up to ASCII case.
    #[inline]
    pub(crate) fn may_contain(&self, w: impl AsRef<[u8]>) -> bool {
        Prefilter::slot(w.as_ref()).is_some_and(|(i, bit)| self.0[i] & bit != 0)
    }
}

/// A fixed word list asked about often: `contains` is `lower_in` (ASCII
/// case ignored, words of up to 12 ASCII bytes) behind a [`Prefilter`],
/// answered by one lookup of the word [`packed`](pack_word) in a hash set
/// built on first use: the lists run to fifty words, and the words that
/// pass the filter (prepositions, determiners) were compared with each.
pub(crate) struct WordSet {
    words: &'static [&'static str],
    table: OnceLock<(Prefilter, HashSet<u128, crate::lexicon::FxBuild>)>,
}

impl WordSet {
    /// The set of `words`.
    pub(crate) const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet { words, table: OnceLock::new() }
    }

    /// True when `w` is in the set up to ASCII case.
    #[inline]
    pub(crate) fn contains(&self, w: impl AsRef<[u8]>) -> bool {
        self.contains_bytes(w.as_ref())
    }

    /// True when token `i` is in the set up to ASCII case: `contains`
    /// without slicing the text.
    #[inline]
    pub(crate) fn contains_at(&self, doc: &Document, i: usize) -> bool {
        self.contains_bytes(super::source::tok_bytes(doc, i))
    }

    /// The prefilter and the set of packed lower-case words.
    #[inline]
    fn table(&self) -> &(Prefilter, HashSet<u128, crate::lexicon::FxBuild>) {
        self.table.get_or_init(|| {
            let packed = self.words.iter().filter_map(|s| pack_word(s.to_ascii_lowercase().as_bytes()));
            let mut set = HashSet::with_capacity_and_hasher(self.words.len(), Default::default());
            set.extend(packed);
            (Prefilter::new(self.words.iter().copied()), set)
        })
    }

    #[inline]
    fn contains_bytes(&self, b: &[u8]) -> bool {
        let (filter, set) = self.table();
        if b.len() > 12 || !filter.may_contain(b) {
            return false;
        }
        // Words hold no NUL byte: a word and its zero-padded copy are one.
        let mut buf = [0u8; 16];
        for (k, c) in buf.iter_mut().zip(b) {
            *k = c.to_ascii_lowercase();
        }
        // As in `lower_in`, a word that is not ASCII matches nothing.
        set.contains(&u128::from_le_bytes(buf)) && b.is_ascii()
    }
}

impl Lexicon {
    /// The cue phrases starting with the word at bytes `s` of `text`, in
    /// any ASCII case.
    /// Asked for every word of the text: the prefilter turns most words
    /// away before any copying or hashing.
    #[inline]
    pub(crate) fn cues_starting(&self, text: &[u8], s: crate::Span) -> Option<&[Cue]> {
        let w = text.get(s.range())?;
        if w.len() > 16 || !self.cue_starts.may_contain(w) {
            return None;
        }
        let x = pack_lower_span(text, s)?;
        // Every byte under 0x80: the word is ASCII.
        if x & (ONES * 0x80) != 0 {
            return None;
        }
        self.cues.get(&x).map(Vec::as_slice)
    }

    /// True when a cue phrase starts with the word `w`, as written.
    pub(crate) fn is_cue_start(&self, w: &str) -> bool {
        pack_word(w.as_bytes()).is_some_and(|k| self.cues.contains_key(&k))
    }

    /// The gender the word `w` (in any ASCII case) tells: a role noun's
    /// ("spokeswoman"), else a given name's ("Mary").
    pub(crate) fn gender(&self, w: &str) -> Option<Gender> {
        use crate::entities::lexicons::{lexicon, FEMALE, MALE};
        if let Some(&g) = self.genders.get(w) {
            return Some(g);
        }
        // Folded as `WordTable::get` folds: the names are short lower-case
        // ASCII words.
        let mut buf = [0u8; 16];
        let key = buf.get_mut(..w.len())?;
        key.copy_from_slice(w.as_bytes());
        key.make_ascii_lowercase();
        let flags = lexicon().get_bytes(key);
        if flags & MALE != 0 {
            Some(Gender::Male)
        } else if flags & FEMALE != 0 {
            Some(Gender::Female)
        } else {
            None
        }
    }

    /// The role the word `w` names, in any ASCII case.
    #[inline]
    pub(crate) fn role(&self, w: impl AsRef<[u8]>) -> Option<Role> {
        let w = w.as_ref();
        if !self.role_words.may_contain(w) {
            return None;
        }
        self.roles.get(w).copied()
    }
}

/// About as many entries as a word-list file holds: its lines average
/// more than eight bytes. Tables sized from it are not rebuilt while they
/// fill (a short guess only costs one rebuild), and counting the lines
/// would cost more than the rebuild it saves.
fn entries_hint(data: &str) -> usize {
    data.len() / 8
}

pub(crate) fn get() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        const CUES: &str = include_str!("../../data/cues.txt");
        const SPEAKERS: &str = include_str!("../../data/speakers.txt");
        let mut cues: HashMap<u128, Vec<Cue>, crate::lexicon::FxBuild> =
            HashMap::with_capacity_and_hasher(entries_hint(CUES), Default::default());
        let mut firsts = Vec::new();
        for line in crate::lexicon::entries(CUES) {
            let (phrase, weak) = match line.strip_suffix('*') {
                Some(p) => (p.trim_ascii_end(), true),
                None => (line, false),
            };
            let mut words = phrase.split_ascii_whitespace();
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
            // A first word over 16 bytes could never be looked up.
            let Some(key) = pack_word(first.as_bytes()) else { continue };
            firsts.push(first);
            cues.entry(key).or_default().push(Cue { rest, kind });
        }
        for v in cues.values_mut() {
            v.sort_by_key(|c| core::cmp::Reverse(c.rest.len()));
        }
        let mut roles = WordTable::with_capacity(entries_hint(SPEAKERS));
        let mut non_agents = WordTable::with_capacity(entries_hint(SPEAKERS));
        let mut role_words = Vec::new();
        let mut genders = WordTable::with_capacity(entries_hint(SPEAKERS));
        for line in crate::lexicon::entries(SPEAKERS) {
            if let Some(w) = line.strip_prefix("p ") {
                let mut parts = w.split_ascii_whitespace();
                let Some(word) = parts.next() else { continue };
                roles.insert(word, Role::Person);
                role_words.push(word);
                if let Some(g) = parts.next().and_then(gender) {
                    genders.insert(word, g);
                }
            } else if let Some(w) = line.strip_prefix("o ") {
                roles.insert(w.trim_ascii(), Role::Org);
                role_words.push(w.trim_ascii());
            } else if let Some(w) = line.strip_prefix("n ") {
                non_agents.insert(w.trim_ascii(), ());
            }
        }
        let cue_starts = Prefilter::new(firsts);
        let role_words = Prefilter::new(role_words);
        Lexicon { cues, roles, genders, non_agents, cue_starts, role_words }
    })
}

fn gender(mark: &str) -> Option<Gender> {
    match mark {
        "m" => Some(Gender::Male),
        "f" => Some(Gender::Female),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_fits_a_word_table() {
        for data in [include_str!("../../data/gender_names.txt"), include_str!("../../data/speakers.txt")] {
            for line in crate::lexicon::entries(data) {
                for w in line.split_ascii_whitespace() {
                    assert!(w.len() <= 16, "{w}");
                }
                // Organization and document entries are filed whole.
                assert!(line.len() <= 18, "{line}");
            }
        }
        let lex = get();
        assert_eq!(lex.roles.get("Spokeswoman"), Some(&Role::Person));
        assert_eq!(lex.gender("SPOKESWOMAN"), Some(Gender::Female));
        assert_eq!(lex.gender("Mary"), Some(Gender::Female));
        assert_eq!(lex.gender("JAMES"), Some(Gender::Male));
        // A given name of either gender, a word, a word too long for any list.
        assert_eq!(lex.gender("jordan"), None);
        assert_eq!(lex.gender("river"), None);
        assert_eq!(lex.gender("maryxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), None);
        assert_eq!(lex.roles.get("spokeswomanx"), None);
        assert_eq!(lex.roles.get("a-word-longer-than-sixteen-bytes"), None);
    }
}
