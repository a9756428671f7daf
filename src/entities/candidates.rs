//! Candidate names from tokens: runs of capitalized words with their inner
//! connectors ("Bank of England", "Charles de Gaulle"), glued pieces
//! ("U.S.", "News.Az", "Rolls-Royce", "AT&T"), possessive "'s" left out,
//! leading function words and sentence-initial common words dropped.
//!
//! May not touch: labels. This module only says where names may be.

use super::lexicons::{self as lx, Lexicon};
use crate::lexicon::{key, FxBuild};
use crate::text::{Document, TokenKind, TokenSet};
use crate::Span;
use std::collections::HashSet;

/// One capitalized piece of a candidate name ("Bank" and "England" in
/// "Bank of England").
#[derive(Clone, Copy, Debug)]
pub struct Word {
    /// The piece's bytes.
    pub span: Span,
    /// The lexicon lists its key is on (looked up once, when the candidate
    /// is cut, and shared by every later question about it).
    pub flags: u32,
    /// False when no phrase of the lexicon starts with this word, so that
    /// no name starting with it can be on a list as a whole (see
    /// [`Lexicon::lookup_word`]).
    pub head: bool,
    /// The byte range of its key in the candidate's key: `u32`, as in
    /// [`Cut`] (a word takes 32 bytes instead of 40; the store holds one
    /// for every capitalized piece of the text).
    key: (u32, u32),
}

/// One candidate name. Its key and words live in the [`Store`] it was cut
/// into, so that a candidate costs no allocation of its own.
#[derive(Clone, Debug)]
pub struct Cand<'s> {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// Bytes covered, possessive "'s" excluded.
    pub span: Span,
    /// The [`key`] of the covered text.
    pub key: &'s str,
    /// The name's capitalized pieces, connectors left out.
    pub words: &'s [Word],
    /// On an all-capitals line (a wire headline), where capitals say nothing.
    pub caps: bool,
    /// A title stood right before it ("Senator", "Mr.") or was dropped from
    /// its start.
    pub title_before: bool,
}

impl Word {
    /// The byte range of the word's key in its candidate's key.
    #[inline]
    pub fn key_range(&self) -> core::ops::Range<usize> {
        self.key.0 as usize..self.key.1 as usize
    }
}

impl<'s> Cand<'s> {
    /// Number of capitalized pieces.
    #[inline]
    pub fn nw(&self) -> usize {
        self.words.len()
    }

    /// The key of piece `i`.
    #[inline]
    pub fn word(&self, i: usize) -> &'s str {
        &self.key[self.words[i].key_range()]
    }

    /// The keys of the pieces, in order.
    pub fn words(&self) -> impl Iterator<Item = &'s str> + '_ {
        (0..self.nw()).map(|i| self.word(i))
    }
}

/// A candidate as [`find`] cuts it: [`Cand`] with the ends of its key and
/// words in the store (each starts where the previous candidate's ends).
///
/// Token indices and offsets are `u32` (a text is at most
/// [`crate::text::MAX_TEXT`] bytes), so a cut takes 32 bytes instead of
/// 72: the store holds one for every candidate of the text.
#[derive(Clone, Copy, Debug)]
struct Cut {
    first: u32,
    end: u32,
    span: (u32, u32),
    /// The end of its key in [`Store::keys`]; a usize, as lower-casing may
    /// lengthen the text.
    key_end: usize,
    words_end: u32,
    caps: bool,
    title_before: bool,
}

/// The candidates of one document, their keys in one string and their
/// words in one vector.
#[derive(Default)]
pub struct Store {
    keys: String,
    words: Vec<Word>,
    cuts: Vec<Cut>,
}

impl Store {
    /// The candidates, in order. The cuts are read once, into the
    /// candidates, and freed: on a long text they are a large array.
    pub fn cands(&mut self) -> Vec<Cand<'_>> {
        let cuts = std::mem::take(&mut self.cuts);
        let (mut key_start, mut words_start) = (0, 0);
        cuts.iter()
            .map(|c| {
                let words_end = c.words_end as usize;
                let cand = Cand {
                    first: c.first as usize,
                    end: c.end as usize,
                    span: Span::new(c.span.0 as usize, c.span.1 as usize),
                    key: &self.keys[key_start..c.key_end],
                    words: &self.words[words_start..words_end],
                    caps: c.caps,
                    title_before: c.title_before,
                };
                (key_start, words_start) = (c.key_end, words_end);
                cand
            })
            .collect()
    }
}

/// Appends the [`key`] form of `s` (lower case, whitespace runs as one
/// space) to `out`, without trimming: the key of a span is the
/// concatenation of the keys of its parts. ASCII letters are left for the
/// caller to lower-case in place (`make_ascii_lowercase`); runs of them are
/// copied at once.
fn push_key(out: &mut String, s: &str) {
    let mut space = false;
    let mut rest = s;
    while !rest.is_empty() {
        // A run of ASCII other than whitespace is copied as it is, at once.
        let run = rest.bytes().position(|b| b >= 0x80 || matches!(b, b'\t'..=b'\r' | b' ')).unwrap_or(rest.len());
        if run > 0 {
            out.push_str(&rest[..run]);
            space = false;
            rest = &rest[run..];
            continue;
        }
        // `rest` starts with whitespace or another character than ASCII.
        let Some(c) = rest.chars().next() else { break };
        rest = &rest[c.len_utf8()..];
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        if c == '’' {
            out.push('\'');
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// Lower-case connectors allowed inside any name when a capitalized word
/// follows: particles of personal and place names.
const PARTICLES: &[&str] = &[
    "de", "du", "des", "da", "das", "do", "dos", "di", "del", "della", "van", "von", "der", "den", "ter", "ten", "le",
    "la", "los", "las", "bin", "ibn", "al", "el", "y", "af", "zu",
];

/// Connectors allowed only inside names that already carry an
/// organization, place or event keyword ("Bank of England", "Council on
/// Foreign Relations", "Ministry of Trade and Industry").
const KEYWORD_CONNECTORS: &[&str] = &["of", "for", "on", "and", "the", "&"];

/// Abbreviations inside names whose period is part of the name.
const ABBREVIATIONS: &[&str] = &["Corp", "Inc", "Ltd", "Co", "Bros", "Jr", "Sr", "Cos", "Plc", "Mfg", "Intl"];

/// Words that never open a name: articles, pronouns, conjunctions and
/// prepositions (other stop words may, as in "First Harbor Corp.").
/// Sorted, for [`in_sorted`].
const FUNCTION: [&str; 61] = [
    "a",
    "after",
    "all",
    "also",
    "although",
    "an",
    "and",
    "as",
    "at",
    "because",
    "before",
    "both",
    "but",
    "by",
    "for",
    "from",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "many",
    "meanwhile",
    "most",
    "my",
    "now",
    "of",
    "on",
    "or",
    "our",
    "she",
    "so",
    "some",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "to",
    "we",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "why",
    "with",
    "you",
    "your",
];

/// Month and weekday names: never part of a name (the dates layer covers
/// them, but a name must not swallow them when it does not run). Sorted,
/// for [`in_sorted`].
const CALENDAR: [&str; 30] = [
    "apr",
    "april",
    "aug",
    "august",
    "dec",
    "december",
    "feb",
    "february",
    "friday",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "mar",
    "march",
    "monday",
    "nov",
    "november",
    "oct",
    "october",
    "saturday",
    "sep",
    "sept",
    "september",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
];

/// A word of at most 16 bytes as one number, big-endian and zero-padded,
/// so that numbers compare as the words do (for sorted lower-case lists);
/// ASCII letters lower-cased. `None` for longer words.
const fn pack(w: &[u8]) -> Option<u128> {
    if w.len() > 16 {
        return None;
    }
    let mut v = 0u128;
    let mut i = 0;
    while i < w.len() {
        v = v << 8 | w[i].to_ascii_lowercase() as u128;
        i += 1;
    }
    // The padding: an empty word is 0.
    Some(match v.checked_shl(8 * (16 - w.len() as u32)) {
        Some(v) => v,
        None => 0,
    })
}

/// [`pack`] of every word of a sorted list, in the same (sorted) order.
const fn pack_all<const N: usize>(list: [&str; N]) -> [u128; N] {
    let mut out = [0u128; N];
    let mut i = 0;
    while i < N {
        out[i] = match pack(list[i].as_bytes()) {
            Some(v) => v,
            None => panic!("a word longer than 16 bytes"),
        };
        i += 1;
    }
    out
}

/// [`FUNCTION`] and [`CALENDAR`] packed for [`in_sorted`].
const FUNCTION_PACKED: [u128; FUNCTION.len()] = pack_all(FUNCTION);
const CALENDAR_PACKED: [u128; CALENDAR.len()] = pack_all(CALENDAR);

/// The first two letters of the words of a lower-case list: bit
/// `second - 'a'` of entry `first - 'a'`, bit 26 for a one-letter word.
const fn pairs(list: &[&str]) -> [u32; 26] {
    let mut pairs = [0; 26];
    let mut i = 0;
    while i < list.len() {
        let w = list[i].as_bytes();
        let second = if w.len() > 1 { w[1] - b'a' } else { 26 };
        pairs[(w[0] - b'a') as usize] |= 1 << second;
        i += 1;
    }
    pairs
}

/// [`pairs`] of [`CALENDAR`] and [`FUNCTION`].
const CALENDAR_PAIRS: [u32; 26] = pairs(&CALENDAR);
const FUNCTION_PAIRS: [u32; 26] = pairs(&FUNCTION);

/// True when the first two letters of `w`, ASCII letters lower-cased, are
/// in `pairs`: a filter before packing `w` for [`in_sorted`].
fn pair_in(pairs: &[u32; 26], w: &[u8]) -> bool {
    let first = w.first().map_or(0, u8::to_ascii_lowercase);
    let second = match w.get(1) {
        Some(b) => b.to_ascii_lowercase().wrapping_sub(b'a'),
        None => 26,
    };
    first.is_ascii_lowercase() && second <= 26 && pairs[usize::from(first - b'a')] & 1 << second != 0
}
/// True when `w`, its ASCII letters lower-cased, is in `list` (a sorted
/// list packed by [`pack_all`]): one binary search over numbers instead of
/// a case-blind scan of the words.
fn in_sorted(list: &[u128], w: &str) -> bool {
    pack(w.as_bytes()).is_some_and(|v| list.binary_search(&v).is_ok())
}

/// A lower-case word held inline for the word sets of [`Marks`], with no
/// allocation per word: its bytes zero-padded in eight words, its length in
/// the last byte, so that it is copied, compared and hashed a word at a
/// time.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Folded([u64; 8]);

impl core::hash::Hash for Folded {
    #[inline]
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        let len = self.len();
        for &w in &self.0[..len.div_ceil(8)] {
            state.write_u64(w);
        }
        state.write_u8(len as u8);
    }
}

impl Folded {
    /// The longest word held, in bytes: a word of at most 40 bytes (all
    /// that [`marks`] folds) lengthens to at most 60 when lower-cased.
    const CAP: usize = 63;

    /// No word: the buffer the setters below fill.
    const EMPTY: Folded = Folded([0; 8]);

    /// The word's length in bytes.
    #[inline]
    fn len(&self) -> usize {
        (self.0[7] >> 56) as usize
    }

    /// Byte `i` of the word.
    #[inline]
    fn byte(&self, i: usize) -> u8 {
        (self.0[i / 8] >> (8 * (i % 8))) as u8
    }

    /// Holds `w` as it is (already lower case); false, holding nothing,
    /// when longer than [`Folded::CAP`], since no such word is in a set.
    #[inline]
    pub fn set_exact(&mut self, w: &[u8]) -> bool {
        *self = Folded::EMPTY;
        if w.len() > Folded::CAP {
            return false;
        }
        let mut chunks = w.chunks_exact(8);
        let mut i = 0;
        for c in &mut chunks {
            self.0[i] = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            i += 1;
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // At most seven bytes: below the length's byte in the last word.
            self.0[i] = rest.iter().rev().fold(0, |v, &b| v << 8 | u64::from(b));
        }
        self.0[7] |= (w.len() as u64) << 56;
        true
    }

    /// Holds `w` lower-cased as `str::to_lowercase` does: ASCII words
    /// (nearly all) eight bytes a step, others a character at a time.
    /// False, holding nothing, when that is longer than [`Folded::CAP`].
    #[inline]
    fn set_lower(&mut self, w: &str) -> bool {
        if !self.set_exact(w.as_bytes()) {
            return false;
        }
        let mut high = 0;
        // The length's byte (below 64) is neither a capital nor above 0x7f.
        for v in &mut self.0[..w.len().div_ceil(8)] {
            high |= *v;
            *v = lx::lower_ascii(*v);
        }
        high & 0x8080_8080_8080_8080 == 0 || self.set_lower_chars(w)
    }

    /// [`Folded::set_lower`] of a word with other characters than ASCII.
    #[cold]
    #[inline(never)]
    fn set_lower_chars(&mut self, w: &str) -> bool {
        // A capital sigma (0xCE 0xA3) lower-cases by its place in the
        // word: left to `str::to_lowercase`.
        if w.as_bytes().windows(2).any(|p| p == [0xCE, 0xA3]) {
            return self.set_exact(w.to_lowercase().as_bytes());
        }
        let mut buf = [0u8; Folded::CAP];
        let mut len = 0;
        let mut put = |c: char| {
            let n = c.len_utf8();
            let out = buf.get_mut(len..len + n)?;
            c.encode_utf8(out);
            len += n;
            Some(())
        };
        // ASCII letters need no table.
        let fits = w.chars().all(|c| {
            if c.is_ascii() {
                put(c.to_ascii_lowercase()).is_some()
            } else {
                c.to_lowercase().all(|l| put(l).is_some())
            }
        });
        if !fits {
            *self = Folded::EMPTY;
            return false;
        }
        self.set_exact(&buf[..len])
    }
}

/// A set of [`Folded`] words.
type WordSet = HashSet<Folded, FxBuild>;

/// Token-level facts shared by candidate finding and classification.
pub struct Marks {
    /// The tokens covered by a date.
    pub date: TokenSet,
    /// The tokens on a line written in capitals.
    pub caps_line: TokenSet,
    /// The words that may start a name piece (see [`may_start_piece`]).
    starts: Starts,
    /// Sentence-initial capitalized words (lower-cased) that the document
    /// also writes in lower case elsewhere: ordinary words, not names.
    lower_seen: WordSet,
    /// Sentence-initial capitalized words (lower-cased) that the document
    /// also capitalizes inside a sentence: names.
    name_seen: WordSet,
}

impl Marks {
    /// True when the lower-case word `w` opens a sentence somewhere and is
    /// written in lower case elsewhere: an ordinary word.
    pub fn lower_seen(&self, w: &str) -> bool {
        let mut f = Folded::EMPTY;
        f.set_exact(w.as_bytes()) && self.lower_seen.contains(&f)
    }

    /// True when the lower-case word `w` opens a sentence somewhere and is
    /// capitalized inside one elsewhere: a name.
    pub fn name_seen(&self, w: &str) -> bool {
        let mut f = Folded::EMPTY;
        f.set_exact(w.as_bytes()) && self.name_seen.contains(&f)
    }
}

/// The words not in lower case, and the short ones that are glued to
/// what follows: the only tokens that may start a name piece, a bit each, so that the search for
/// names skips the others a word of bits at a time.
pub struct Starts {
    bits: Vec<u64>,
}

impl Starts {
    /// Adds token `i`.
    #[inline]
    fn insert(&mut self, i: usize) {
        self.bits[i / 64] |= 1 << (i % 64);
    }

    /// The first token at or after `i` in the set, or a number at least
    /// the token count when none is.
    #[inline]
    fn next(&self, i: usize) -> usize {
        let mut k = i / 64;
        let Some(&first) = self.bits.get(k) else { return i };
        let mut w = first & (u64::MAX << (i % 64));
        while w == 0 {
            k += 1;
            match self.bits.get(k) {
                Some(&next) => w = next,
                None => return k * 64,
            }
        }
        k * 64 + w.trailing_zeros() as usize
    }
}

/// Computes [`Marks`] in two passes over the tokens. Only the few
/// sentence-initial words are hashed into a table; every lower-case word is
/// then one lookup in that small table.
pub fn marks(doc: &Document, dates: &[crate::TimeExpr]) -> Marks {
    let n = doc.tokens.len();
    let mut date = TokenSet::new(n);
    // Dates come in order, a few tokens apart: the first token of each is
    // searched for among the 64 tokens from the previous one's (among all
    // otherwise).
    let mut at = 0;
    for d in dates {
        let starts_before = |t: &crate::text::Token| t.span().start < d.span.start;
        let near = &doc.tokens[at..n.min(at + 64)];
        let found = at + near.partition_point(starts_before);
        at = if (at > 0 && !starts_before(&doc.tokens[at - 1])) || (found == at + 64 && found < n) {
            doc.token_at_or_after(d.span.start)
        } else {
            found
        };
        let mut i = at;
        while i < n && doc.tokens[i].span().end <= d.span.end {
            date.insert(i);
            i += 1;
        }
    }
    let mut caps_line = TokenSet::new(n);
    let mut starts = Starts { bits: vec![0; n.div_ceil(64)] };
    // At most one word per sentence, fewer distinct: reserved so that the
    // table (of 64-byte words) is not rebuilt as it grows.
    let mut initial = WordSet::with_capacity_and_hasher(doc.sentences.len() / 2, FxBuild::default());
    // The word being looked up, reused.
    let mut folded = Folded::EMPTY;
    let mut line_start = 0;
    let (mut upper, mut other) = (0u32, 0u32);
    // A run of capitalized words inside a normal line ("… CALL TODAY AND
    // SAVE …") shouts as much as a headline does.
    let (mut run_start, mut run_len) = (0usize, 0u32);
    let mut mid_caps: Vec<usize> = Vec::new();
    // Most tokens are only looked at through their first byte and length,
    // without slicing the text.
    let bytes = doc.text.as_bytes();
    // The last line ends after the last token.
    for i in 0..=n {
        let t = doc.tokens.get(i);
        if t.map_or(true, |t| i > line_start && t.newlines_before > 0) {
            let shouting = upper > 2 * other && (upper >= 2 || other == 0);
            if shouting {
                caps_line.insert_range(line_start..i);
            }
            if run_len >= 3 {
                caps_line.insert_range(run_start..i);
            }
            line_start = i;
            (upper, other) = (0, 0);
            run_len = 0;
        }
        let Some(t) = t.filter(|t| t.kind == TokenKind::Word) else {
            continue;
        };
        let span = t.span();
        if bytes[span.start].is_ascii_lowercase() {
            // Most words: lower case from the first letter, never a name
            // (but for the short prefixes `glued_particle` takes).
            if span.len() >= 2 {
                other += 1;
            }
            if span.len() <= 3 && doc.tokens.get(i + 1).is_some_and(|t| !t.space_before) {
                starts.insert(i);
            }
            if run_len >= 3 {
                caps_line.insert_range(run_start..i);
            }
            run_len = 0;
            continue;
        }
        starts.insert(i);
        let w = doc.tok(i);
        let (two_letters, lower) = letters_and_lower(w);
        if two_letters {
            if lower {
                other += 1;
                if run_len >= 3 {
                    caps_line.insert_range(run_start..i);
                }
                run_len = 0;
            } else {
                upper += 1;
                if run_len == 0 {
                    run_start = i;
                }
                run_len += 1;
            }
        }
        if lower && is_cap(w) && w.len() <= 40 {
            if sentence_initial(doc, i) {
                // At most 40 bytes: always held.
                // Most are repeats ("The", "He"): a lookup is cheaper than
                // an insertion that finds the word.
                if folded.set_lower(strip_poss(w)) && !initial.contains(&folded) {
                    initial.insert(folded);
                }
                // "Dawn Lin said…": the start of a full name counts as a
                // name seen; not before a date ("Published Thursday",
                // "Speaking Monday": weekdays and months are in no name).
                let next = doc.tokens.get(i + 1);
                if next.is_some_and(|t| {
                    t.kind == TokenKind::Word
                        && t.space_before
                        && t.newlines_before == 0
                        && is_cap(doc.tok(i + 1))
                        && !date.contains(i + 1)
                }) {
                    mid_caps.push(i);
                }
            } else {
                mid_caps.push(i);
            }
        }
    }
    // A filter on (length, first byte) spares most words the hashing; the
    // last byte spares most of the rest. (Lower-casing may lengthen a word past
    // 40 bytes; such a key cannot match a word of at most 40.)
    // Words found are sought no more (see `Sought::found`); `all` keeps
    // the bits of every word.
    let mut unnamed = Sought::new(initial.iter());
    let mut unlowered = unnamed.clone();
    let all = (unnamed.first, unnamed.last);
    let mut name_seen = WordSet::default();
    for &i in &mid_caps {
        let w = strip_poss(doc.tok(i));
        let b = w.as_bytes()[0].to_ascii_lowercase();
        let last = w.as_bytes()[w.len() - 1].to_ascii_lowercase();
        // The last byte only filters ASCII words, whose keys keep their
        // length and last byte; and only they are sure to key a word whose
        // bits were cleared.
        let ascii = w.is_ascii();
        let (first_bits, last_bits) = if ascii { (&unnamed.first, &unnamed.last) } else { (&all.0, &all.1) };
        if first_bits[w.len()] & (1 << (b & 63)) != 0
            && (last_bits[w.len()] & (1 << (last & 63)) != 0 || !ascii)
            && folded.set_lower(w)
            && initial.contains(&folded)
            && !name_seen.contains(&folded)
        {
            unnamed.found(&folded);
            name_seen.insert(folded);
        }
    }
    let mut lower_seen = WordSet::default();
    if !initial.is_empty() {
        for t in &doc.tokens {
            let span = t.span();
            // The filters first: they reject nearly every token.
            if unlowered.first.get(span.len()).is_some_and(|f| f >> (bytes[span.start] & 63) & 1 != 0)
                && unlowered.last[span.len()] >> (bytes[span.end - 1] & 63) & 1 != 0
                && t.kind == TokenKind::Word
            {
                let w = t.text(doc.text);
                if w.starts_with(char::is_lowercase) && folded.set_exact(w.as_bytes()) {
                    if let Some(k) = initial.take(&folded) {
                        unlowered.found(&k);
                        lower_seen.insert(k);
                    }
                }
            }
        }
    }
    Marks { date, caps_line, starts, lower_seen, name_seen }
}

/// A filter of the words of a set by (length, first byte) and (length,
/// last byte), the low six bits of each byte, for words of at most 40 bytes:
/// a bit per pair, and how many words of the set give it, so that a word
/// taken out of the set clears the bits no other word gives.
#[derive(Clone)]
struct Sought {
    first: [u64; 41],
    last: [u64; 41],
    /// Counts stop at 255 (a bit given by more words is never cleared):
    /// bytes, as the arrays are cleared for every text.
    first_count: [[u8; 64]; 41],
    last_count: [[u8; 64]; 41],
}

impl Sought {
    /// The filter of `words`.
    fn new<'w>(words: impl Iterator<Item = &'w Folded>) -> Sought {
        let mut s = Sought { first: [0; 41], last: [0; 41], first_count: [[0; 64]; 41], last_count: [[0; 64]; 41] };
        for w in words {
            let (len, first, last) = Sought::bits(w);
            if len <= 40 {
                s.first[len] |= 1 << first;
                s.last[len] |= 1 << last;
                s.first_count[len][first] = s.first_count[len][first].saturating_add(1);
                s.last_count[len][last] = s.last_count[len][last].saturating_add(1);
            }
        }
        s
    }

    /// The length, first and last byte (six bits) of `w`.
    fn bits(w: &Folded) -> (usize, usize, usize) {
        let len = w.len();
        (len, usize::from(w.byte(0) & 63), usize::from(w.byte(len.saturating_sub(1)) & 63))
    }

    /// Takes the word `w` of the set out of the filter: "the", once found,
    /// is not hashed again at every later occurrence.
    fn found(&mut self, w: &Folded) {
        let (len, first, last) = Sought::bits(w);
        if len > 40 {
            return;
        }
        // A count stuck at its ceiling keeps its bit.
        let c = &mut self.first_count[len][first];
        if *c < u8::MAX {
            *c -= 1;
            if *c == 0 {
                self.first[len] &= !(1 << first);
            }
        }
        let c = &mut self.last_count[len][last];
        if *c < u8::MAX {
            *c -= 1;
            if *c == 0 {
                self.last[len] &= !(1 << last);
            }
        }
    }
}

/// Whether `w` has two letters or more, and whether it has a lower-case
/// one: read until both are known (the second byte of most names).
fn letters_and_lower(w: &str) -> (bool, bool) {
    let mut letters = 0;
    let mut lower = false;
    for &b in w.as_bytes() {
        if b >= 0x80 {
            // The whole word by characters (counts only grow, so stopping
            // early below never differs from reading to the end).
            letters = 0;
            lower = false;
            for c in w.chars() {
                if c.is_alphabetic() {
                    letters += 1;
                    lower |= c.is_lowercase();
                }
            }
            return (letters >= 2, lower);
        }
        letters += u32::from(b.is_ascii_alphabetic());
        lower |= b.is_ascii_lowercase();
        if letters >= 2 && lower {
            break;
        }
    }
    (letters >= 2, lower)
}

fn is_cap(s: &str) -> bool {
    match s.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => s.chars().next().is_some_and(|c| c.is_uppercase()),
    }
}

/// True for a word written wholly in capitals ("NATO", "U").
#[inline]
pub fn all_caps(s: &str) -> bool {
    // Most names answer at their second byte, inline: "Paris".
    match s.as_bytes() {
        [_, b, ..] if b.is_ascii_lowercase() => false,
        _ => all_caps_scan(s),
    }
}

/// [`all_caps`] read to the end where needed.
fn all_caps_scan(s: &str) -> bool {
    // One pass, ending at the first lower-case letter; bytes while the
    // text is ASCII.
    let mut letter = false;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if b >= 0x80 {
            // `i` is a character boundary: every byte before it is ASCII.
            for c in s[i..].chars() {
                if c.is_lowercase() {
                    return false;
                }
                letter |= c.is_alphabetic();
            }
            return letter;
        }
        if b.is_ascii_lowercase() {
            return false;
        }
        letter |= b.is_ascii_uppercase();
    }
    letter
}

/// True when `w`, a possessive "'s" aside, is a month or weekday name.
fn is_calendar(w: &str) -> bool {
    // The first two letters reject most words before any packing.
    w.len() >= 3 && pair_in(&CALENDAR_PAIRS, w.as_bytes()) && {
        let w = strip_poss(w);
        (3..=9).contains(&w.len()) && in_sorted(&CALENDAR_PACKED, w)
    }
}

/// A token that may start a name piece.
#[inline(always)]
fn starts_piece(doc: &Document, m: &Marks, i: usize) -> bool {
    if doc.tokens[i].kind != TokenKind::Word || m.date.contains(i) {
        return false;
    }
    let w = doc.tok(i);
    is_cap(w) && !is_calendar(w) && !is_pronoun(w, m.caps_line.contains(i))
}

/// "I", "I've", "We're": pronouns are never names (in a headline only
/// their contracted forms are recognizable).
fn is_pronoun(w: &str, caps: bool) -> bool {
    // The longest form is "There’re" (10 bytes); the first letters of the
    // forms below reject most words at once.
    let b = w.as_bytes();
    if w.len() > 10 || !matches!(b[0], b'I' | b'W' | b'Y' | b'T' | b'H' | b'S' | b'L') {
        return false;
    }
    // Nor do their second bytes (a letter or an apostrophe after "I").
    if b.len() > 1 && !matches!(b[1], b'e' | b'o' | b'h' | b't' | b'\'' | 0xE2) {
        return false;
    }
    // The base ends at the first apostrophe; no listed word is longer
    // than five bytes, so one further on leaves no base to find.
    let apostrophe = b.iter().take(6).position(|&b| b == b'\'' || b == 0xE2);
    let base = match apostrophe {
        Some(p) => &w[..p],
        None if caps => return false,
        None => w,
    };
    matches!(base, "I" | "We" | "You" | "They" | "He" | "She" | "It" | "That" | "There" | "What" | "Who" | "Let")
}

/// False for most tokens that [`piece`] would reject, at little cost:
/// punctuation and words in lower case (but for the "al-", "bin-"…
/// prefixes that [`glued_particle`] takes).
#[inline]
fn may_start_piece(doc: &Document, m: &Marks, i: usize) -> bool {
    let t = doc.tokens[i];
    let span = t.span();
    t.kind == TokenKind::Word
        && (!doc.text.as_bytes()[span.start].is_ascii_lowercase()
            || (span.len() <= 3 && doc.tokens.get(i + 1).is_some_and(|t| !t.space_before) && glued_particle(doc, m, i)))
}

/// A lower-case prefix glued to a capitalized name: "al-Assad".
fn glued_particle(doc: &Document, m: &Marks, i: usize) -> bool {
    let n = doc.tokens.len();
    // The glued hyphen first: it rejects nearly every word at once.
    i + 2 < n
        && !doc.tokens[i + 1].space_before
        && doc.tok(i + 1) == "-"
        && matches!(doc.tok(i), "al" | "el" | "ad" | "ash" | "as" | "bin" | "ibn" | "abu")
        && !doc.tokens[i + 2].space_before
        && starts_piece(doc, m, i + 2)
}

/// A short lower-case piece after a hyphen inside a name: a particle
/// between capitalized pieces ("Abdul-ul-Karim", "Barrow-le-Field") or
/// the last syllable of a hyphenated given name ("Park Min-ho", "Lee
/// Seo-yeon"). Ordinary words end no name ("Ohio-based", "Hamas-led").
/// Returns the token after it (after the particle, the next piece's
/// hyphen is left to the caller).
fn name_syllable(doc: &Document, m: &Marks, i: usize) -> Option<usize> {
    let n = doc.tokens.len();
    let w = doc.tok(i);
    if doc.tokens[i].kind != TokenKind::Word || w.len() > 4 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let hyphen_next = i + 2 < n
        && !doc.tokens[i + 1].space_before
        && doc.tok(i + 1) == "-"
        && !doc.tokens[i + 2].space_before
        && starts_piece(doc, m, i + 2);
    if hyphen_next {
        return Some(i + 1);
    }
    let ends = i + 1 >= n || doc.tokens[i + 1].space_before || doc.tokens[i + 1].kind != TokenKind::Word;
    (ends && w.len() >= 2 && doc.tok(i - 2).len() <= 5 && !lx::lexicon().is_common(w)).then_some(i + 1)
}

fn strip_poss(w: &str) -> &str {
    w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).filter(|s| !s.is_empty()).unwrap_or(w)
}

/// The piece starting at token `i`: one past its last token, its byte end
/// and whether it ended in a possessive.
fn piece(doc: &Document, m: &Marks, i: usize) -> Option<(usize, usize, bool)> {
    let n = doc.tokens.len();
    let mut j = if starts_piece(doc, m, i) {
        i + 1
    } else if glued_particle(doc, m, i) {
        i + 3
    } else {
        return None;
    };
    // The punctuation asked about is one byte: compared without slicing
    // the text.
    let bytes = doc.text.as_bytes();
    let is = |j: usize, b: u8| {
        let s = doc.tokens[j].span();
        s.len() == 1 && bytes[s.start] == b
    };
    // Glued pieces: bounded by the token count of the piece, which only
    // grows, so the loop is linear overall.
    while j < n && !doc.tokens[j].space_before {
        let next_glued = j + 1 < n && !doc.tokens[j + 1].space_before;
        if is(j, b'.') {
            let prev = doc.tok(j - 1);
            let single = prev.chars().count() == 1 && all_caps(prev);
            if next_glued && doc.tokens[j + 1].kind == TokenKind::Word && is_cap(doc.tok(j + 1)) {
                j += 2;
                continue;
            }
            if single {
                j += 1;
            }
            break;
        }
        let hyphen = is(j, b'-');
        if (hyphen || is(j, b'&')) && next_glued && starts_piece(doc, m, j + 1) {
            j += 2;
            continue;
        }
        if hyphen && next_glued {
            if let Some(k) = name_syllable(doc, m, j + 1) {
                j = k;
                continue;
            }
        }
        break;
    }
    // "Corp." and "Jr.": the period belongs to the abbreviation.
    if j < n
        && is(j, b'.')
        && !doc.tokens[j].space_before
        && (ABBREVIATIONS.contains(&doc.tok(j - 1))
            || (j == i + 1
                && doc.tok(i).len() <= 5
                && lx::lexicon()
                    .has(&doc.text[doc.tokens[i].span().start..doc.tokens[j].span().end], lx::REGION | lx::PLACE_WORD)))
    {
        j += 1;
        return Some((j, doc.tokens[j - 1].span().end, false));
    }
    let last = doc.tokens[j - 1].span();
    let stripped = poss_stripped(&bytes[last.range()]);
    Some((j, last.start + stripped, stripped != last.len()))
}

/// The length of `w` without a possessive "'s" or "’s" ([`strip_poss`] on
/// bytes).
#[inline]
fn poss_stripped(w: &[u8]) -> usize {
    match w {
        [rest @ .., b'\'', b's'] if !rest.is_empty() => rest.len(),
        [rest @ .., 0xE2, 0x80, 0x99, b's'] if !rest.is_empty() => rest.len(),
        _ => w.len(),
    }
}

/// True when one of the (at most three) capitalized pieces from token `j`
/// on is an organization or place keyword: "National Women's Law Center".
fn keyword_ahead(doc: &Document, m: &Marks, mut j: usize) -> bool {
    let lex = lx::lexicon();
    for _ in 0..3 {
        let Some(p) = piece(doc, m, j) else {
            return false;
        };
        let w = &doc.text[doc.tokens[j].span().start..p.1];
        // "Inc.": the keyword "Inc" (as where pieces are looked up in `emit`).
        let bare = w.strip_suffix('.').filter(|b| b.len() >= 2).unwrap_or(w);
        if lex.has(w, lx::ORG_WORD | lx::PLACE_WORD) || lex.has(bare, lx::ORG_WORD | lx::PLACE_WORD) {
            return true;
        }
        if p.2 || p.0 >= doc.tokens.len() || !doc.tokens[p.0].space_before || doc.tokens[p.0].newlines_before > 0 {
            return false;
        }
        j = p.0;
    }
    false
}

/// Finds the candidate names of the document, in order, non-overlapping
/// (read them with [`Store::cands`]).
pub fn find(doc: &Document, m: &Marks, lex: &Lexicon) -> Store {
    let n = doc.tokens.len();
    // About one candidate per 16 tokens in news, with one or two words;
    // generous guesses, not bounds.
    let mut out = Store {
        keys: String::with_capacity(doc.text.len() / 8),
        words: Vec::with_capacity(n / 8),
        cuts: Vec::with_capacity(n / 12),
    };
    let mut pieces: Vec<Piece> = Vec::with_capacity(12);
    // The sentence of token `i`, followed as `i` advances.
    let mut sent = 0;
    let mut i = 0;
    while i < n {
        i = m.starts.next(i);
        if i >= n {
            break;
        }
        if !may_start_piece(doc, m, i) {
            i += 1;
            continue;
        }
        let Some(first) = piece(doc, m, i) else {
            i += 1;
            continue;
        };
        // Pieces: (start token, end token, byte end).
        pieces.clear();
        pieces.push((i, first.0, first.1));
        let mut poss = first.2;
        let mut j = first.0;
        let caps = m.caps_line.contains(i);
        while doc.sentences[sent].tokens.end <= i {
            sent += 1;
        }
        let sent_end = doc.sentences[sent].tokens.end;
        // Whether a piece of the run opens with a keyword: the first
        // `keyword.0` pieces were looked up, with the answer `keyword.1`.
        // Pieces are only added, so each is looked up once at most.
        let mut keyword = (0, false);
        let mut has_keyword = |pieces: &[Piece]| {
            while !keyword.1 && keyword.0 < pieces.len() {
                keyword.1 = lex.has(doc.tok(pieces[keyword.0].0), lx::ORG_WORD | lx::PLACE_WORD | lx::MISC_WORD);
                keyword.0 += 1;
            }
            keyword.1
        };
        while j < n && pieces.len() < MAX_PIECES {
            let t = doc.tokens[j];
            if !t.space_before || t.newlines_before > 0 || j >= sent_end {
                break;
            }
            if poss {
                // A possessive inside a name: "European People's Party",
                // "People's Republic of China", "St Mary's Hospital".
                // Not after a place or known organization: "Hong Kong's
                // High Court" is two names.
                let owner = &doc.text[doc.tokens[pieces[0].0].span().start..pieces[pieces.len() - 1].2];
                match piece(doc, m, j) {
                    Some(_)
                        if !lx::lexicon().has(owner, lx::PLACE | lx::ORG_NAME | lx::DEMONYM)
                            && keyword_ahead(doc, m, j) =>
                    {
                        let last = pieces.len() - 1;
                        pieces[last].2 = doc.tokens[pieces[last].1 - 1].span().end;
                    }
                    _ => break,
                }
            }
            if let Some(p) = may_start_piece(doc, m, j).then(|| piece(doc, m, j)).flatten() {
                pieces.push((j, p.0, p.1));
                poss = p.2;
                j = p.0;
                continue;
            }
            // One or two connectors, then a piece.
            let w = doc.tok(j);
            let mut k = j;
            let ok = if PARTICLES.contains(&w) {
                k = j + 1;
                // "von der Leyen", "de la Cruz", "van den Berg": a second
                // particle.
                if k + 1 < n && doc.tokens[k].space_before && PARTICLES.contains(&doc.tok(k)) {
                    k += 1;
                }
                true
            } else if w == "&" {
                // "Procter & Gamble", "Douglas & Lomason Co".
                k = j + 1;
                true
            } else if KEYWORD_CONNECTORS.contains(&w)
                && has_keyword(&pieces)
                && (w != "and" || and_joins(doc, lex, &pieces, j))
            {
                k = j + 1;
                if k < n && doc.tok(k) == "the" && w != "the" {
                    k += 1;
                }
                true
            } else {
                false
            };
            if !ok || k >= n || !doc.tokens[k].space_before || doc.tokens[k].newlines_before > 0 {
                break;
            }
            match piece(doc, m, k) {
                Some(p) if caps == m.caps_line.contains(k) => {
                    pieces.push((k, p.0, p.1));
                    poss = p.2;
                    j = p.0;
                }
                _ => break,
            }
        }
        i = j;
        emit(doc, m, lex, &pieces, caps, &mut out);
    }
    out
}

/// "and" at token `j` continues a keyword name ("Ministry of Trade and
/// Industry") only after "of"/"for", between two ordinary words: not after
/// a place ("Bank of England and …") nor before a given name.
fn and_joins(doc: &Document, lex: &Lexicon, pieces: &[Piece], j: usize) -> bool {
    let n = doc.tokens.len();
    let Some(&(_, _, prev_end)) = pieces.last() else {
        return false;
    };
    let prev = &doc.text[doc.tokens[pieces[pieces.len() - 1].0].span().start..prev_end];
    (pieces[0].0..j).any(|t| matches!(doc.tok(t), "of" | "for"))
        && !lex.has(prev, lx::PLACE | lx::ORG_NAME | lx::GIVEN)
        && j + 1 < n
        && !lex.has(doc.tok(j + 1), lx::GIVEN | lx::TITLE | lx::PLACE)
}

/// Pieces: (first token, one past the last token, byte end).
type Piece = (usize, usize, usize);

/// Pieces in one run (so words in one candidate) at most: a bound on the
/// work per name.
pub const MAX_PIECES: usize = 12;

/// Turns a run of pieces into candidates: leading function words, titles
/// and sentence-initial common words are dropped ("Police said", "Mr.
/// Smith"), a run is split at an inner title ("Defence Minister Karl
/// Brandt") or after a nationality before a person ("Kenyan Ruth
/// Otieno").
fn emit(doc: &Document, m: &Marks, lex: &Lexicon, all: &[Piece], caps: bool, out: &mut Store) {
    let text = doc.text;
    let span_text = |ps: &[Piece]| &text[doc.tokens[ps[0].0].span().start..ps[ps.len() - 1].2];
    let piece_text = |p: &Piece| &text[doc.tokens[p.0].span().start..p.2];
    // Each piece's lists, looked up once (and kept in the candidates'
    // words), and whether a phrase may start with it: `all[dropped + k]`
    // is `pieces[k]`.
    let mut all_flags = [0u32; MAX_PIECES];
    let mut all_heads = [false; MAX_PIECES];
    for ((f, head), p) in all_flags.iter_mut().zip(&mut all_heads).zip(all) {
        let w = piece_text(p);
        (*f, *head) = lex.lookup_word(w);
        // An abbreviation's period is not part of the listed word: "Corp.",
        // "Inc.", "Bros." are the keywords "Corp", "Inc", "Bros".
        if *f == 0 && w.len() > 2 && w.ends_with('.') {
            *f = lex.lookup_word(&w[..w.len() - 1]).0;
        }
    }
    // A lexicon phrase starting at the first piece protects it ("North
    // Korea"); `head` says whether any phrase starts with that piece.
    let starts_phrase = |ps: &[Piece], head: bool| {
        head && (2..=ps.len().min(lex.max_words))
            .any(|l| lex.has(span_text(&ps[..l]), lx::PLACE | lx::DEMONYM | lx::ORG_NAME))
    };
    let mut pieces = all;
    let mut title_before = {
        let p = pieces[0].0;
        p > 0 && is_title(doc, lex, p - 1)
    };
    let mut dropped = 0;
    if !caps {
        let has_keyword_tail = |ps: &[Piece], dropped: usize| {
            ps.len() >= 2
                && all_flags[dropped + 1..dropped + ps.len()]
                    .iter()
                    .any(|f| f & (lx::ORG_WORD | lx::MISC_WORD | lx::PLACE_WORD) != 0)
        };
        while let Some(&p) = pieces.first() {
            let w = piece_text(&p);
            let flags = all_flags[dropped];
            if flags & (lx::PLACE | lx::DEMONYM | lx::ORG_NAME) != 0 || starts_phrase(pieces, all_heads[dropped]) {
                break;
            }
            let keyword_tail = has_keyword_tail(pieces, dropped);
            let single = p.1 == p.0 + 1;
            let is_function = pair_in(&FUNCTION_PAIRS, w.as_bytes()) && in_sorted(&FUNCTION_PACKED, w);
            let keyword_head = pieces.len() >= 2 && flags & (lx::ORG_WORD | lx::PLACE_WORD | lx::MISC_WORD) != 0;
            let drop = if keyword_tail || keyword_head {
                is_function
            } else {
                is_function
                    || flags & lx::TITLE != 0
                    || (flags & lx::STOP != 0 && (pieces.len() == 1 || sentence_initial(doc, p.0)))
                    || (single
                        && pieces.len() == 1
                        && flags & (lx::GIVEN | lx::SURNAME) != 0
                        && sentence_initial(doc, p.0)
                        && (flags & lx::SURNAME == 0 || lower_word_follows(doc, p.1))
                        && {
                            // "Hope she…", "Will it…", "Sales rose…": a
                            // common word that is also a given name or a
                            // surname, never capitalized elsewhere. A
                            // surname must run on into lower-case words (a
                            // sentence): alone before a comma or at the end
                            // of a line it may be a name ("Martin,", a
                            // signature).
                            with_key(w, |w| !m.name_seen(w) && lex.is_common(w))
                        })
                    || (single && flags & (lx::GIVEN | lx::SURNAME) == 0 && sentence_initial(doc, p.0) && {
                        with_key(w, |w| {
                            m.lower_seen(w)
                                || (!m.name_seen(w)
                                    && (lex.is_common(w)
                                        || (w.len() > 5
                                            && (w.ends_with("ly") || w.ends_with("ing") || w.ends_with("ed")))))
                        })
                    })
            };
            if !drop {
                break;
            }
            if flags & lx::TITLE != 0 {
                title_before = true;
            }
            pieces = &pieces[1..];
            dropped += 1;
        }
        if pieces.len() >= 2 {
            let fl = &all_flags[dropped..dropped + pieces.len()];
            let heads = &all_heads[dropped..dropped + pieces.len()];
            // How many pieces of the longest known place, nationality or
            // organization that opens the first `before`: "Italian" in
            // "Italian Foreign Minister".
            let known_len = |before: usize| {
                let mask = lx::PLACE | lx::DEMONYM | lx::ORG_NAME;
                (1..=before).rev().find(|&l| match l {
                    1 => fl[0] & mask != 0,
                    _ => heads[0] && lex.has(span_text(&pieces[..l]), mask),
                })
            };
            let keyword_tail = has_keyword_tail(pieces, dropped);
            // "World Bank President Ajay Banga": a title after a name with
            // a keyword, before a person's name with none, splits the run
            // into the organization and the person.
            if pieces.len() >= 3 && keyword_tail {
                let keyword = |f: u32| f & (lx::ORG_WORD | lx::MISC_WORD | lx::PLACE_WORD) != 0;
                let split = (1..pieces.len() - 1).rev().find(|&k| {
                    // A title that is also a name ("Judge", "Marshal") when
                    // a full name follows it.
                    let role =
                        fl[k] & lx::TITLE != 0 && (fl[k] & (lx::SURNAME | lx::GIVEN) == 0 || pieces.len() - k > 2);
                    role && fl[..k].iter().any(|&f| keyword(f))
                        && !fl[k + 1..].iter().any(|&f| keyword(f))
                        && (fl[k + 1] & lx::GIVEN != 0 || pieces.len() - k > 2)
                });
                if let Some(k) = split {
                    // The organization whole when its keyword ends it
                    // ("World Bank"); else only a known place or name that
                    // opens it ("U.S." of "U.S. District Judge").
                    let l = if fl[k - 1] & lx::ORG_WORD != 0 { Some(k) } else { known_len(k) };
                    if let Some(l) = l {
                        push(doc, &pieces[..l], &fl[..l], &heads[..l], caps, title_before, out);
                    }
                    push(doc, &pieces[k + 1..], &fl[k + 1..], &heads[k + 1..], caps, true, out);
                    return;
                }
            }
            // Inner titles and nationalities before a person's name.
            if !keyword_tail {
                // A role word that is not also a name ("King", "Major").
                let role = |k: usize| fl[k] & lx::TITLE != 0 && fl[k] & (lx::SURNAME | lx::GIVEN) == 0;
                let known_prefix = |before: usize, out: &mut Store| {
                    if let Some(l) = known_len(before) {
                        push(doc, &pieces[..l], &fl[..l], &heads[..l], caps, title_before, out);
                    }
                };
                let title_at = (1..pieces.len() - 1).rev().find(|&k| role(k));
                if let Some(k) = title_at {
                    known_prefix(k, out);
                    push(doc, &pieces[k + 1..], &fl[k + 1..], &heads[k + 1..], caps, true, out);
                    return;
                }
                // A role at the end: "Polish Foreign Minister", "South
                // Carolina Gov." keep only the place or nationality.
                if role(pieces.len() - 1) {
                    known_prefix(pieces.len() - 1, out);
                    return;
                }
                let second = fl[1];
                if fl[0] & lx::DEMONYM != 0 && second & (lx::GIVEN | lx::TITLE) != 0 {
                    push(doc, &pieces[..1], &fl[..1], &heads[..1], caps, title_before, out);
                    let titled = second & lx::TITLE != 0;
                    let rest = if titled && pieces.len() > 2 { 2 } else { 1 };
                    push(doc, &pieces[rest..], &fl[rest..], &heads[rest..], caps, titled, out);
                    return;
                }
            }
        }
    }
    // Table headers and initials alone ("W D L G"): single letters
    // without periods are not names.
    if pieces.iter().all(|p| piece_text(p).len() == 1) && pieces.len() > 1 {
        return;
    }
    if !pieces.is_empty() {
        let r = dropped..dropped + pieces.len();
        push(doc, pieces, &all_flags[r.clone()], &all_heads[r], caps, title_before, out);
    }
}

/// Adds the candidate made of `pieces` (whose lists are `flags`, and
/// `heads` whether phrases may start with them) to `out`.
fn push(
    doc: &Document,
    pieces: &[Piece],
    flags: &[u32],
    heads: &[bool],
    caps: bool,
    title_before: bool,
    out: &mut Store,
) {
    if pieces.is_empty() {
        return;
    }
    let start_tok = pieces[0].0;
    let pieces_end = pieces[pieces.len() - 1].1;
    let span = Span::new(doc.tokens[start_tok].span().start, pieces[pieces.len() - 1].2);
    let text = span.text(doc.text);
    // Plain text (ASCII, single spaces) is its own key once lower-cased,
    // and the pieces' ranges in the key are their spans'.
    let plain = plain_name(text.as_bytes());
    let key_start = out.keys.len();
    let words_start = out.words.len();
    let pieces = pieces
        .iter()
        .zip(flags.iter().zip(heads))
        .map(|(&(s, _, be), (&flags, &head))| (Span::new(doc.tokens[s].span().start, be), flags, head));
    if plain {
        out.keys.push_str(text);
        for (p, flags, head) in pieces {
            // Within the text: below `MAX_TEXT`, a u32.
            let key = ((p.start - span.start) as u32, (p.end - span.start) as u32);
            out.words.push(Word { span: p, flags, head, key });
        }
    } else {
        let mut at = span.start;
        for (p, flags, head) in pieces {
            push_key(&mut out.keys, &doc.text[at..p.start]);
            let a = out.keys.len() - key_start;
            push_key(&mut out.keys, p.text(doc.text));
            // Lower-casing may lengthen a name past 4 GiB (only natively,
            // from a text of gigabytes): such a name is no candidate.
            let (Ok(a), Ok(b)) = (u32::try_from(a), u32::try_from(out.keys.len() - key_start)) else {
                out.keys.truncate(key_start);
                out.words.truncate(words_start);
                return;
            };
            out.words.push(Word { span: p, flags, head, key: (a, b) });
            at = p.end;
        }
    }
    out.keys[key_start..].make_ascii_lowercase();
    out.cuts.push(Cut {
        first: start_tok as u32,
        end: pieces_end as u32,
        span: (span.start as u32, span.end as u32),
        key_end: out.keys.len(),
        words_end: out.words.len() as u32,
        caps,
        title_before,
    });
}

/// `f` of the [`key`] of `w`: lower-cased on the stack when `w` is a short
/// ASCII word without spaces (a piece of a name nearly always is), made by
/// [`key`] otherwise.
fn with_key<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if let Some(b) = buf.get_mut(..w.len()).filter(|_| w.bytes().all(|b| b.is_ascii_graphic())) {
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        if let Ok(k) = core::str::from_utf8(b) {
            return f(k);
        }
    }
    f(&key(w))
}

/// True when `b` is its own [`key`] once lower-cased: ASCII, with no
/// whitespace but single spaces. Read eight bytes a step (names are read
/// once each, and most are plain); byte by byte when a control byte shows.
fn plain_name(b: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Whether the byte before the chunk is a space.
    let mut space_before = false;
    // `Some(false)`: not plain; `Some(true)`: a control byte; `None`: on.
    let mut step = |w: u64| -> Option<bool> {
        if w & HIGHS != 0 {
            return Some(false);
        }
        // ASCII from here: each byte is tested on its own (no carries).
        let below_bang = !w.wrapping_add(ONES * 0x5f) & HIGHS;
        let x = w ^ (ONES * u64::from(b' '));
        let spaces = !(x.wrapping_add(!HIGHS) | x) & HIGHS;
        if below_bang & !spaces != 0 {
            return Some(true);
        }
        let doubled = spaces & (spaces << 8 | u64::from(space_before) << 7);
        space_before = spaces >> 63 != 0;
        (doubled != 0).then_some(false)
    };
    let mut chunks = b.chunks_exact(8);
    let mut verdict =
        chunks.by_ref().find_map(|c| step(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]])));
    let rest = chunks.remainder();
    if verdict.is_none() && !rest.is_empty() {
        // Padded with letters, which are plain.
        verdict = step(rest.iter().rev().fold(ONES * u64::from(b'a'), |w, &b| w << 8 | u64::from(b)));
    }
    match verdict {
        None => true,
        Some(false) => false,
        Some(true) => {
            let mut prev_space = false;
            b.iter().all(|&b| {
                let space = b == b' ';
                let ok = b < 0x80 && !(space && prev_space) && (space || !b.is_ascii_whitespace());
                prev_space = space;
                ok
            })
        }
    }
}

/// True when token `i` is a word in lower case on the line of the token
/// before it, other than "of" ("Smith of Leeds won": a name and its club
/// or employer).
fn lower_word_follows(doc: &Document, i: usize) -> bool {
    // "Free-speech groups …": a lower-case word glued by a hyphen.
    let i = if i + 1 < doc.tokens.len()
        && doc.tok(i) == "-"
        && !doc.tokens[i].space_before
        && !doc.tokens[i + 1].space_before
    {
        i + 1
    } else {
        i
    };
    i < doc.tokens.len()
        && doc.tokens[i].kind == TokenKind::Word
        && doc.tokens[i].newlines_before == 0
        && doc.tok(i).starts_with(|c: char| c.is_lowercase())
        && doc.tok(i) != "of"
}

/// True when token `i` opens its sentence, possibly after quotes, brackets
/// or dashes.
#[inline]
pub fn sentence_initial(doc: &Document, i: usize) -> bool {
    // The common answers first, inline: a sentence or line starts at `i`,
    // or a word stands right before it.
    if doc.starts_sentence(i) || doc.tokens[i].newlines_before > 0 {
        return true;
    }
    if doc.tokens[i - 1].kind == TokenKind::Word {
        return false;
    }
    after_punctuation(doc, i)
}

/// [`sentence_initial`] of a token after a punctuation mark (or a number).
#[inline(never)]
fn after_punctuation(doc: &Document, i: usize) -> bool {
    let mut k = i;
    // Bounded: at most 4 punctuation tokens are skipped. Stepping back
    // from `i`, the first sentence start met is `i`'s own.
    for _ in 0..4 {
        if doc.starts_sentence(k) || doc.tokens[k].newlines_before > 0 {
            return true;
        }
        k -= 1;
        // Most often a word: neither a dash nor punctuation to skip.
        if doc.tokens[k].kind == TokenKind::Word {
            return false;
        }
        if matches!(doc.tok(k), "—" | "–" | "-")
            && after_dateline(doc, doc.sentences[doc.sentence_of(i)].tokens.start, k)
        {
            return true;
        }
        if doc.tokens[k].kind != TokenKind::Punct || doc.tok(k) == "," {
            return false;
        }
    }
    false
}

/// True when the tokens from `start` up to the dash at `dash` are a wire
/// dateline ("BERLIN —", "NEW YORK (AP) —", "LONDON, March 3 —"): the
/// word after it opens the story's first sentence, so its capital is no
/// evidence of a name ("BERLIN — Published …", "PARIS — Police said …").
fn after_dateline(doc: &Document, start: usize, dash: usize) -> bool {
    // Bounded: datelines are short.
    if dash <= start || dash - start > 8 {
        return false;
    }
    let mut saw_caps = false;
    for k in start..dash {
        let w = doc.tok(k);
        match doc.tokens[k].kind {
            TokenKind::Word if w.chars().all(|c| !c.is_lowercase()) => saw_caps = true,
            TokenKind::Word if !saw_caps => return false,
            _ => {}
        }
    }
    saw_caps && doc.tok(start).chars().all(|c| !c.is_lowercase())
}

/// True when token `i` (with an optional period after it) is a title.
pub fn is_title(doc: &Document, lex: &Lexicon, mut i: usize) -> bool {
    if doc.tok(i) == "." && i > 0 {
        i -= 1;
    }
    doc.tokens[i].kind == TokenKind::Word && lex.maybe_title(doc.tok(i)) && lex.has(doc.tok(i), lx::TITLE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cands(text: &str) -> Vec<String> {
        let doc = Document::new(text);
        let m = marks(&doc, &[]);
        find(&doc, &m, lx::lexicon()).cands().iter().map(|c| c.span.text(text).to_string()).collect()
    }

    #[test]
    fn words_that_lengthen_when_lower_cased_are_marked() {
        // "İ" (2 bytes) lower-cases to 3 bytes: the key outgrows 40 bytes.
        let w = format!("{}a", "İ".repeat(19));
        let text = format!("{w} came. Then {w} left and {w} stayed.");
        let doc = Document::new(&text);
        // No panic; "Then" opens a sentence and is capitalized before a name.
        let m = marks(&doc, &[]);
        assert!(m.name_seen("then"));
    }

    #[test]
    fn folded_words_lower_case_as_str_does() {
        let long = "Ab".repeat(31);
        for w in [
            "Paris",
            "PARIS",
            "McDonald",
            "Zürich",
            "ÉCOLE",
            "ΟΔΥΣΣΕΑΣ",
            "Σ",
            "İstanbul",
            "ABCDEFGH",
            "",
            "a@[`{Z",
            &long,
        ] {
            let (mut f, mut want) = (Folded::EMPTY, Folded::EMPTY);
            let lower = w.to_lowercase();
            assert_eq!(f.set_lower(w), want.set_exact(lower.as_bytes()), "{w:?}");
            assert!(f == want && f.len() == if lower.len() <= Folded::CAP { lower.len() } else { 0 }, "{w:?}");
            assert!((0..f.len()).all(|i| f.byte(i) == lower.as_bytes()[i]), "{w:?}");
        }
        // Too long: nothing held.
        let mut f = Folded::EMPTY;
        assert!(!f.set_lower(&"İ".repeat(30)) && f == Folded::EMPTY);
        assert!(!f.set_exact(&[b'a'; 64]) && f.set_exact(&[b'a'; 63]) && f.len() == 63);
    }

    #[test]
    fn pronouns_are_found_by_their_first_bytes() {
        let plain = |w: &str, caps: bool| {
            if w.len() > 10 {
                return false;
            }
            let base = match w.bytes().position(|b| b == b'\'' || b == 0xE2) {
                Some(p) => &w[..p],
                None if caps => return false,
                None => w,
            };
            matches!(
                base,
                "I" | "We" | "You" | "They" | "He" | "She" | "It" | "That" | "There" | "What" | "Who" | "Let"
            )
        };
        let words = [
            "I",
            "I've",
            "I’m",
            "We",
            "We're",
            "You",
            "You’ll",
            "They",
            "They'd",
            "He",
            "He's",
            "She",
            "It",
            "It's",
            "That",
            "That’s",
            "There",
            "There’re",
            "What",
            "Who",
            "Who's",
            "Let",
            "Let's",
            "Toyota",
            "Theresa",
            "Smith",
            "Ilse",
            "WE'RE",
            "HE'S",
            "Iceland",
            "Whoever's",
            "Letter's",
            "S",
            "T",
            "Herr",
            "Yo",
            "Wh'o",
        ];
        for w in words {
            for caps in [false, true] {
                assert_eq!(is_pronoun(w, caps), plain(w, caps), "{w:?} {caps}");
            }
        }
    }

    #[test]
    fn found_words_leave_the_filter_when_no_other_gives_their_bits() {
        let words: Vec<Folded> = ["the", "tie", "one"]
            .iter()
            .map(|w| {
                let mut f = Folded::EMPTY;
                assert!(f.set_exact(w.as_bytes()));
                f
            })
            .collect();
        let mut s = Sought::new(words.iter());
        let has = |s: &Sought, w: &[u8]| s.first[w.len()] >> (w[0] & 63) & 1 != 0 && s.last[3] >> (w[2] & 63) & 1 != 0;
        assert!(has(&s, b"the") && has(&s, b"one") && !has(&s, b"two"));
        s.found(&words[0]);
        // "tie" still gives (3, 't') and (3, 'e').
        assert!(has(&s, b"the"));
        s.found(&words[1]);
        assert!(!has(&s, b"the") && has(&s, b"one"));
    }

    #[test]
    fn keys_are_pushed_as_char_by_char() {
        let plain = |s: &str| {
            let mut out = String::new();
            let mut space = false;
            for c in s.chars() {
                if c.is_whitespace() {
                    if !space {
                        out.push(' ');
                    }
                    space = true;
                    continue;
                }
                space = false;
                if c.is_ascii() {
                    out.push(c);
                } else if c == '’' {
                    out.push('\'');
                } else {
                    out.extend(c.to_lowercase());
                }
            }
            out
        };
        for s in [
            "Bogotá Transport",
            "O’Brien",
            "A\u{b}B",
            "a \t\n b",
            "\u{a0}Zürich\u{3000} x",
            "İSTANBUL",
            "",
            " ",
            "x\u{85}y",
        ] {
            let mut out = String::from("k");
            push_key(&mut out, s);
            assert_eq!(out, format!("k{}", plain(s)), "{s:?}");
        }
    }

    #[test]
    fn possessives_strip_alike_on_bytes() {
        for w in ["Smith's", "Smith’s", "'s", "’s", "s", "", "X's", "Ré’s", "its", "O'Brien"] {
            assert_eq!(poss_stripped(w.as_bytes()), strip_poss(w).len(), "{w:?}");
        }
    }

    #[test]
    fn plain_names_are_read_as_byte_by_byte() {
        let plain = |b: &[u8]| {
            let mut prev_space = false;
            b.iter().all(|&b| {
                let space = b == b' ';
                let ok = b < 0x80 && !(space && prev_space) && (space || !b.is_ascii_whitespace());
                prev_space = space;
                ok
            })
        };
        let mut names: Vec<Vec<u8>> =
            ["Bank of England", "New  York", "Abcdefgh  Ijk", "Abcdefg  Hijk", "Zürich", "", " ", "a\tb"]
                .iter()
                .map(|s| s.as_bytes().to_vec())
                .collect();
        // Every byte at every place of names of one to seventeen bytes.
        for len in 1..=17 {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut name = vec![b'x'; len];
                    name[at] = b;
                    names.push(name.clone());
                    if at + 1 < len {
                        name[at + 1] = b' ';
                        names.push(name.clone());
                    }
                    if at > 0 {
                        name[at - 1] = b' ';
                        names.push(name);
                    }
                }
            }
        }
        for name in &names {
            assert_eq!(plain_name(name), plain(name), "{name:?}");
        }
    }

    #[test]
    fn word_tables_are_sorted_for_binary_search() {
        for list in [&FUNCTION[..], &CALENDAR[..]] {
            assert!(list.windows(2).all(|w| w[0] < w[1]));
        }
        assert!(is_calendar("SEPT") && is_calendar("Wednesday") && !is_calendar("Mayor"));
        assert!(is_calendar("Monday's") && is_calendar("JAN’s") && !is_calendar("Mon") && !is_calendar("Ju"));
        assert!(in_sorted(&FUNCTION_PACKED, "However") && !in_sorted(&FUNCTION_PACKED, "Houston"));
        assert!(in_sorted(&FUNCTION_PACKED, "A") && !in_sorted(&FUNCTION_PACKED, "Ab"));
        for w in FUNCTION.iter().chain(&CALENDAR) {
            let cap = w[..1].to_uppercase() + &w[1..];
            assert!(pair_in(&FUNCTION_PAIRS, w.as_bytes()) || pair_in(&CALENDAR_PAIRS, w.as_bytes()), "{w}");
            assert!(pair_in(&FUNCTION_PAIRS, cap.as_bytes()) || pair_in(&CALENDAR_PAIRS, cap.as_bytes()), "{w}");
        }
        assert!(pair_in(&FUNCTION_PAIRS, b"I") && !pair_in(&FUNCTION_PAIRS, b"X") && !pair_in(&FUNCTION_PAIRS, b""));
        assert!(!pair_in(&FUNCTION_PAIRS, b"Zz") && !pair_in(&FUNCTION_PAIRS, "É".as_bytes()));
    }

    #[test]
    fn all_caps_reads_ascii_and_other_letters() {
        for (w, want) in [
            ("NATO", true),
            ("U.S.", true),
            ("Nato", false),
            ("ÉCOLE", true),
            ("ÉCOLe", false),
            ("AÇaí", false),
            ("ΟΔΥΣΣΕΑΣ", true),
            ("12-3", false),
            ("", false),
            ("-É", true),
        ] {
            assert_eq!(all_caps(w), want, "{w:?}");
        }
    }

    #[test]
    fn connectors_only_inside_keyword_names() {
        assert_eq!(
            cands("He met the Bank of England and Charles de Gaulle in Paris."),
            vec!["Bank of England", "Charles de Gaulle", "Paris"]
        );
        assert_eq!(cands("Smith of Leeds won."), vec!["Smith", "Leeds"]);
    }

    #[test]
    fn glued_pieces_and_possessives() {
        assert_eq!(
            cands("The U.S.-based firm told News.Az that Rolls-Royce's AT&T deal and al-Assad's aides met."),
            vec!["U.S.", "News.Az", "Rolls-Royce", "AT&T", "al-Assad"]
        );
    }

    #[test]
    fn sentence_initial_common_words_are_dropped() {
        assert_eq!(
            cands("Police said the police in Madrid were ready. However, Mr. Smith left."),
            vec!["Madrid", "Smith"]
        );
    }

    #[test]
    fn the_word_after_a_dateline_opens_the_sentence() {
        assert_eq!(cands("MADRID — Speaking to reporters, Ana Ruiz said no."), vec!["MADRID", "Ana Ruiz"]);
        assert_eq!(cands("NEW YORK (AP) — Asked about it, Ana Ruiz said no."), vec!["NEW YORK", "AP", "Ana Ruiz"]);
        // Not a dateline: a lower-case word before the dash.
        assert_eq!(cands("The mayor — Speaking Rock's owner — left."), vec!["Speaking Rock"]);
    }

    #[test]
    fn caps_lines_are_marked() {
        let text = "RUGBY - OKONJO NAMED AS WALES CAPTAIN.\nThe veteran flanker Dafydd Okonjo.";
        let doc = Document::new(text);
        let m = marks(&doc, &[]);
        let mut store = find(&doc, &m, lx::lexicon());
        let c = store.cands();
        assert!(c[0].caps);
        assert_eq!(c.last().unwrap().span.text(text), "Dafydd Okonjo");
        assert!(!c.last().unwrap().caps);
    }
}

#[cfg(test)]
mod shouting_tests {
    use super::*;

    #[test]
    fn capital_runs_inside_a_line_are_shouting() {
        let text = "Visit us today, CALL NOW AND SAVE on repairs from Leeds.";
        let doc = Document::new(text);
        let m = marks(&doc, &[]);
        let caps: Vec<&str> = (0..doc.tokens.len()).filter(|&i| m.caps_line.contains(i)).map(|i| doc.tok(i)).collect();
        assert_eq!(caps, vec!["CALL", "NOW", "AND", "SAVE"]);
    }

    #[test]
    fn given_names_that_are_common_words_open_sentences() {
        let text = "Destiny is all we have. Dawn Lin met Faith in Paris. Dawn left.";
        let doc = Document::new(text);
        let m = marks(&doc, &[]);
        let got: Vec<&str> = find(&doc, &m, lx::lexicon()).cands().iter().map(|c| c.span.text(text)).collect();
        // "Dawn" opens a sentence but is also written inside one.
        assert_eq!(got, vec!["Dawn Lin", "Faith", "Paris", "Dawn"]);
    }
}
