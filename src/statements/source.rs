//! Sources and speakers: the noun phrase that names who spoke ("Mayor Rod
//! Peters", "she", "a spokesman for the ministry") and the canonical name
//! it refers to.
//!
//! May not touch: quotations or cues. Given a cue's position this module
//! finds the phrase next to it; given a phrase it resolves the speaker from
//! its own reading of capitalized word runs, corrected by the entities
//! layer (places never speak; organizations are referred to as "it", not
//! "he"). "He" and "she" skip names of the other gender, told by a
//! gendered title or role noun ("Mrs.", "spokeswoman") or a clearly
//! gendered given name (`data/gender_names.txt`).

use super::lexicon::{self, lower_packed, Gender, Role, ONES};
use crate::entities::{Entity, EntityLabel};
use crate::text::{Document, TokenKind};
use crate::Span;
use std::cell::Cell;
use std::collections::HashMap;

/// Longest source phrase, in tokens.
const MAX_NP: usize = 12;
/// Longest relative clause skipped between a source and its verb, in tokens.
const MAX_RELATIVE: usize = 40;
/// How many earlier name mentions a pronoun may look back over.
const MAX_LOOKBACK: usize = 60;

/// Words that end a noun phrase when scanning towards it: clause openers,
/// conjunctions, auxiliaries and common verbs.
const STOP: &[&str] = &[
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "while",
    "as",
    "because",
    "since",
    "if",
    "after",
    "before",
    "although",
    "though",
    "but",
    "or",
    "so",
    "than",
    "until",
    "unless",
    "whether",
    "what",
    "how",
    "why",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "not",
    "to",
    "by",
    "with",
    "about",
    "into",
    "over",
    "also",
    "and",
    "then",
    "now",
    "yet",
    "there",
    "here",
    "it's",
    "its",
    "said",
    "says",
    "told",
    "even",
    "just",
    "only",
    "however",
    "meanwhile",
    "still",
    "again",
    "already",
    "later",
    "earlier",
    "previously",
    "once",
    "in",
    "on",
    "at",
    "from",
    "during",
    "against",
    "under",
    "between",
    "through",
    "without",
    "within",
];

/// Words between a source and its verb that belong to neither ("he also
/// said", "she has repeatedly said").
const BETWEEN: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "will",
    "would",
    "later",
    "previously",
    "further",
    "then",
    "again",
    "recently",
    "repeatedly",
    "once",
    "first",
    "publicly",
    "clearly",
    "never",
    "always",
    "not",
    "did",
    "does",
    "do",
    "could",
    "may",
    "might",
    "had",
    "earlier",
    "already",
    "often",
    "reportedly",
    "quickly",
    "simply",
    "flatly",
    "strongly",
    "firmly",
    "just",
    "still",
    "even",
    "separately",
    "privately",
    "frequently",
    "last",
    "finally",
    "initially",
    "openly",
    "angrily",
    "bluntly",
    "proudly",
    "only",
    "now",
    "still",
    "currently",
];

/// Weekday names, lower case; shared with the clause checks in the parent module.
pub(super) const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "his", "her", "their", "its", "our", "one", "another", "some", "many", "several", "most",
    "other", "both", "all", "few", "two", "three", "four", "five", "these", "those", "each",
];

/// Lower-case words inside names ("Bank of England", "Ludwig van Beethoven").
pub(super) const NAME_JOINERS: &[&str] = &["of", "de", "van", "von", "bin", "al", "del", "la", "da", "du", "le"];

/// Capitalized words that start a sentence but no name.
const LEADING: &[&str] = &[
    "the",
    "a",
    "an",
    "but",
    "and",
    "so",
    "as",
    "when",
    "while",
    "if",
    "after",
    "before",
    "in",
    "on",
    "at",
    "for",
    "with",
    "from",
    "by",
    "to",
    "this",
    "that",
    "these",
    "those",
    "then",
    "still",
    "yet",
    "also",
    "meanwhile",
    "however",
    "although",
    "though",
    "because",
    "since",
    "until",
    "according",
    "said",
    "says",
];

/// Conjunctions and sentence adverbs that may open a clause before its
/// subject.
const CONJUNCTIONS: &[&str] = &[
    "but",
    "and",
    "so",
    "as",
    "when",
    "while",
    "if",
    "after",
    "before",
    "although",
    "though",
    "because",
    "since",
    "until",
    "then",
    "still",
    "yet",
    "also",
    "meanwhile",
    "however",
    "once",
    "whereas",
];

/// Words that end a capitalized run without being part of the name.
const TRAILING: &[&str] =
    &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "said", "says"];

/// The lists the name scan and the source search ask about for most
/// tokens, behind a quick filter.
static BETWEEN_SET: lexicon::WordSet = lexicon::WordSet::new(BETWEEN);
static NAME_JOINERS_SET: lexicon::WordSet = lexicon::WordSet::new(NAME_JOINERS);
static LEADING_SET: lexicon::WordSet = lexicon::WordSet::new(LEADING);
static TRAILING_SET: lexicon::WordSet = lexicon::WordSet::new(TRAILING);
static PREPOSITIONS_SET: lexicon::WordSet = lexicon::WordSet::new(PREPOSITIONS);
static DETERMINERS_SET: lexicon::WordSet = lexicon::WordSet::new(DETERMINERS);
static GROUPS_SET: lexicon::WordSet = lexicon::WordSet::new(GROUPS);
static CONJUNCTIONS_SET: lexicon::WordSet = lexicon::WordSet::new(CONJUNCTIONS);

/// Words of a name, counting a hyphenated or dotted group as one
/// ("Mary Smith-Jones" has two).
fn name_words(doc: &Document, s: usize, e: usize) -> usize {
    (s..e).filter(|&j| doc.tokens[j].kind == TokenKind::Word && (j == s || doc.tokens[j].space_before)).count()
}

/// Pronouns that can be sources, with what they refer to.
fn pronoun(w: impl AsRef<[u8]>) -> Option<Role> {
    const PERSON: &[&str] = &["he", "she", "i", "him", "her"];
    const ORG: &[&str] = &["it", "they", "we"];
    let w = w.as_ref();
    if w.len() > 4 {
        None
    } else if lower_in(w, PERSON) {
        Some(Role::Person)
    } else if lower_in(w, ORG) {
        Some(Role::Org)
    } else {
        None
    }
}

/// The gender a person pronoun refers to ("she", "his").
fn pronoun_gender(w: &str) -> Option<Gender> {
    if lower_in(w, &["he", "him", "his"]) {
        Some(Gender::Male)
    } else if lower_in(w, &["she", "her", "hers"]) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The gender of a person's mention: its title's ("Mrs.", "spokeswoman"),
/// else its given name's when that name is clearly one gender.
fn mention_gender(canonical: &str, title: Option<&str>) -> Option<Gender> {
    let lex = lexicon::get();
    if let Some(g) = title.and_then(|t| lex.gender(t)) {
        return Some(g);
    }
    lex.gender(first_word(canonical)?)
}

/// `s.split_whitespace().next()`, without decoding characters when the
/// first word is ASCII and ends at a space or the end (nearly every name).
fn first_word(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let end = b.iter().position(|c| !c.is_ascii_graphic()).unwrap_or(b.len());
    if end > 0 && (end == b.len() || b[end] == b' ') {
        return Some(&s[..end]);
    }
    s.split_whitespace().next()
}

/// True when a mention of gender `have` may be referred to as `want`.
fn compatible(have: Option<Gender>, want: Option<Gender>) -> bool {
    have.is_none() || want.is_none() || have == want
}

/// The role a word names, if any, without allocating.
fn role_of(w: impl AsRef<[u8]>) -> Option<Role> {
    lexicon::get().role(w)
}

pub(crate) fn is_pronoun(doc: &Document, np: Span) -> bool {
    pronoun(&doc.text[np.range()]).is_some()
}

/// Zero-width characters that pasted text carries between words.
fn invisible(w: &str) -> bool {
    matches!(w, "\u{200B}" | "\u{200C}" | "\u{200E}" | "\u{200F}" | "\u{2060}" | "\u{FEFF}")
}

/// True when the phrase names someone: a capitalized word, a role noun or
/// a pronoun ("said Smith", "said the ambassador", not "said his son …").
pub(crate) fn named(doc: &Document, (s, e): (usize, usize)) -> bool {
    let lex = lexicon::get();
    (e - s == 1 && pronoun(tok_bytes(doc, s)).is_some())
        || (s..e).any(|i| is_cap(doc, i) || lex.role(tok_bytes(doc, i)).is_some())
}

/// Calls `f` with `w` ASCII-lower-cased (as `to_ascii_lowercase` would),
/// lowering short words in a stack buffer: the statement rules lower many
/// tokens of every text, and allocating for each one showed in profiles.
pub(crate) fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    match ascii_lower_into(w, &mut buf) {
        Some(l) => f(l),
        None => f(&w.to_ascii_lowercase()),
    }
}

/// `w` ASCII-lower-cased: `w` itself when it holds no capital, else its
/// copy in `buf`; `None` when it does not fit. Not generic, and kept out
/// of [`with_lower`]'s callers: inlined into each, it was ~17 KB of code
/// for the browser to compile before the first analysis.
#[inline(never)]
fn ascii_lower_into<'a>(w: &'a str, buf: &'a mut [u8; 32]) -> Option<&'a str> {
    let b = w.as_bytes();
    // Most words are lower case already: no copy, no re-validation.
    if !b.iter().any(u8::is_ascii_uppercase) {
        return Some(w);
    }
    let out = buf.get_mut(..b.len())?;
    out.copy_from_slice(b);
    out.make_ascii_lowercase();
    // Lowering ASCII bytes keeps UTF-8 valid, so this always succeeds.
    core::str::from_utf8(out).ok()
}

/// `w` ASCII-lower-cased, copied only when it holds a capital: most words
/// the rules lower are lower case already.
pub(crate) fn ascii_lower(w: &str) -> std::borrow::Cow<'_, str> {
    if w.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(w.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(w)
    }
}

/// `lower_in(w, STOP)`: the list is long and checked for most words of
/// every phrase scanned.
fn is_stop(w: impl AsRef<[u8]>) -> bool {
    STOP_SET.contains(w)
}

/// [`is_stop`] of token `i`.
fn is_stop_at(doc: &Document, i: usize) -> bool {
    STOP_SET.contains_at(doc, i)
}

static STOP_SET: lexicon::WordSet = lexicon::WordSet::new(STOP);

pub(crate) fn lower_in(w: impl AsRef<[u8]>, list: &[&str]) -> bool {
    lower_in_bytes(w.as_ref(), list)
}

/// [`lower_in`] of token `i`, without slicing the text.
#[inline]
pub(crate) fn lower_in_at(doc: &Document, i: usize, list: &[&str]) -> bool {
    lower_in_bytes(tok_bytes(doc, i), list)
}

#[inline]
fn lower_in_bytes(w: &[u8], list: &[&str]) -> bool {
    // Every listed word is short; most words of a text are not.
    // Equal first bytes up to case (`| 0x20`) is necessary for a match and
    // rejects most same-length entries before the full comparison.
    let Some(&first) = w.first() else {
        return list.contains(&"");
    };
    // No test for ASCII: a byte outside it equals only itself under
    // `eq_ignore_ascii_case`, so a word with one matches only an entry
    // with the same bytes (a list may name "’").
    w.len() <= 12
        && list.iter().any(|s| {
            s.len() == w.len() && s.as_bytes()[0] | 0x20 == first | 0x20 && s.as_bytes().eq_ignore_ascii_case(w)
        })
}

/// True when token `i` is the ASCII character `c`: `doc.tok(i) == "c"`
/// without slicing the text (which tests both ends for character
/// boundaries), for the rules' many tests of punctuation.
#[inline(always)]
pub(crate) fn tok_is(doc: &Document, i: usize, c: u8) -> bool {
    let s = doc.tokens[i].span();
    s.end - s.start == 1 && doc.text.as_bytes()[s.start] == c
}

/// The bytes of token `i`: `doc.tok(i)` without testing its ends for
/// character boundaries, to compare with ASCII words.
#[inline(always)]
pub(crate) fn tok_bytes<'t>(doc: &Document<'t>, i: usize) -> &'t [u8] {
    &doc.text.as_bytes()[doc.tokens[i].span().range()]
}

/// The byte of token `i` when the token is one byte long (an ASCII
/// mark), else 0: `matches!(doc.tok(i), "," | ":")` without slicing.
#[inline(always)]
pub(crate) fn tok_byte(doc: &Document, i: usize) -> u8 {
    let s = doc.tokens[i].span();
    if s.end - s.start == 1 {
        doc.text.as_bytes()[s.start]
    } else {
        0
    }
}

/// True when token `i` is a word starting with a capital letter.
#[inline(always)]
pub(crate) fn is_cap(doc: &Document, i: usize) -> bool {
    let t = &doc.tokens[i];
    if t.kind != TokenKind::Word {
        return false;
    }
    // Asked for nearly every token: decide ASCII from the first byte
    // without decoding a character.
    match doc.text.as_bytes()[t.span().start] {
        b if b.is_ascii() => b.is_ascii_uppercase(),
        _ => starts_upper(doc.tok(i)),
    }
}

/// True when `w` starts with a capital letter: [`is_cap`] for words that
/// do not start with ASCII, out of line so that the Unicode tables it reads
/// are not inlined wherever `is_cap` is.
#[cold]
#[inline(never)]
fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// `slice.partition_point(pred)`, searched outward from `hint`. The
/// statement rules ask about the text in order, so an answer lies near
/// the one before: a binary search over all of a long text's tokens or
/// mentions missed the cache at nearly every step, and made the layer
/// slower per megabyte the longer the text.
pub(crate) fn partition_point_near<T>(slice: &[T], hint: usize, pred: impl Fn(&T) -> bool) -> usize {
    let n = slice.len();
    let h = hint.min(n);
    // Bracket the answer in lo..=hi by steps doubling away from `h`.
    let (lo, hi) = if h < n && pred(&slice[h]) {
        let mut lo = h + 1;
        let mut step = 1;
        loop {
            let p = h.saturating_add(step);
            if p >= n {
                break (lo, n);
            }
            if !pred(&slice[p]) {
                break (lo, p);
            }
            lo = p + 1;
            step *= 2;
        }
    } else {
        let mut hi = h;
        let mut step = 1;
        loop {
            if step > h {
                break (0, hi);
            }
            let p = h - step;
            if pred(&slice[p]) {
                break (p + 1, hi);
            }
            hi = p;
            step *= 2;
        }
    };
    lo + slice[lo..hi].partition_point(pred)
}

/// [`Document::token_at_or_after`], searched from token `hint`.
pub(crate) fn token_near(doc: &Document, pos: usize, hint: usize) -> usize {
    partition_point_near(&doc.tokens, hint, |t| t.span().start < pos)
}

/// Tokens that may sit inside a name or description without ending it.
fn np_punct(s: impl AsRef<[u8]>) -> bool {
    matches!(s.as_ref(), b"'" | APOSTROPHE | b"." | b"-" | b"&")
}

/// True when token `i` is the apostrophe of a plural possessive ("the
/// students' union", "the workers’ pay"): glued to a word ending in "s",
/// with a word after it on the same line. It belongs to the noun phrase,
/// where a space after an apostrophe would otherwise end one, and it is
/// no closing quotation mark.
pub(crate) fn plural_possessive(doc: &Document, i: usize) -> bool {
    let t = doc.tokens[i];
    i > 0
        && !t.space_before
        && matches!(tok_bytes(doc, i), b"'" | APOSTROPHE)
        && doc.tokens[i - 1].kind == TokenKind::Word
        && matches!(tok_bytes(doc, i - 1).last(), Some(b's' | b'S'))
        && doc.tokens.get(i + 1).is_some_and(|n| n.space_before && n.newlines_before == 0 && n.kind == TokenKind::Word)
}

/// "’" as bytes.
const APOSTROPHE: &[u8] = "’".as_bytes();

/// The noun phrase ending just before token `end` (exclusive), not reaching
/// before `min`: the subject of a verb at `end`. Skips adverbs and
/// auxiliaries next to the verb.
pub(crate) fn before(doc: &Document, end: usize, min: usize) -> Option<(usize, usize)> {
    // "Mr. Kirk, who …, also noted": adverbs and auxiliaries before the
    // verb come before the comma that closes a clause on the source.
    let mut end = end;
    let mut k = 0;
    while k < 3 && end > min + 3 && tok_is(doc, end - 2, b',') && BETWEEN_SET.contains_at(doc, end - 1) {
        end -= 1;
        k += 1;
    }
    let mut e = end;
    let mut skipped = 0;
    // "Jane Roe, host of Channel 9’s “Sunday Desk,” said": an apposition
    // or relative clause may end in a quoted name that holds its closing
    // comma.
    let quoted = comma_in_quoted_name(doc, end, min);
    let comma = quoted.or_else(|| (e > min + 2 && tok_is(doc, e - 1, b',')).then(|| e - 1));
    // "Adam Lee, who spent the fall at home, said": the subject is the
    // phrase before the relative clause.
    if let Some(c) = comma {
        let floor = c.saturating_sub(MAX_RELATIVE).max(min + 1);
        // The relative clause may hold commas of its own ("Adam Lee, who
        // won in 2018, 2019 and 2021, said").
        let who = (floor..c)
            .rev()
            .filter(|&k| tok_is(doc, k, b','))
            .take(3)
            .find(|&k| k + 1 < c && lower_in_at(doc, k + 1, &["who", "whose"]));
        if let Some(k) = who {
            return before(doc, k + 1, min);
        }
        if let Some(k) = (floor..c).rev().find(|&k| tok_is(doc, k, b',')) {
            // "Ann Lee, in a statement released Monday, said": an inserted
            // channel or time is no part of the source.
            let inserted = k + 2 < c
                && lower_in(
                    doc.tok(k + 1),
                    &["in", "on", "at", "during", "speaking", "writing", "asked", "citing", "quoting"],
                )
                && !(k + 1..c).any(|j| lower_in_at(doc, j, &["said", "says", "told", "that"]));
            if inserted {
                return before(doc, k + 1, min).filter(|&(a, b)| (a..b).any(|j| is_cap(doc, j)));
            }
        }
        let np = apposition(doc, c, min, quoted.is_some()).or_else(|| named_apposition(doc, c, min));
        if quoted.is_some() {
            // The source is then the name alone: a span ending inside the
            // quotation would leave its marks unpaired.
            return np.and_then(|(a, _)| (a..c).find(|&k| tok_is(doc, k, b',')).map(|k| (a, k)));
        }
        if np.is_some() {
            return np;
        }
        // "Executives for Acme, which earned …, say": a relative clause on
        // a phrase that is no name with an apposition.
        let which = (floor..c).rev().filter(|&k| tok_is(doc, k, b',')).take(3).find(|&k| {
            k + 1 < c
                && lower_in_at(doc, k + 1, &["which"])
                && !(k + 1..c).any(|j| lower_in_at(doc, j, &["said", "says"]))
        });
        if let Some(k) = which {
            return before(doc, k + 1, min);
        }
    }
    // "Ernie LeBlanc, says", "Sen. Jo Reed (D-R.I.), said": an
    // apposition's closing comma.
    if e > min + 1
        && tok_is(doc, e - 1, b',')
        && (doc.tokens[e - 2].kind == TokenKind::Word || tok_is(doc, e - 2, b')'))
    {
        e -= 1;
        // "Officials, however, said": an inserted sentence adverb.
        let adverb = lower_in_at(doc, e - 1, &["however", "meanwhile", "though", "too", "instead", "also"]);
        if adverb && e > min + 2 && tok_is(doc, e - 2, b',') {
            e -= 2;
        }
    }
    while e > min
        && skipped < 4
        && (BETWEEN_SET.contains_at(doc, e - 1)
            || doc.tokens[e - 1].kind == TokenKind::Punct && invisible(doc.tok(e - 1)))
    {
        e -= 1;
        skipped += 1;
    }
    // "Ana Ortiz in a blog post said": the channel between the source
    // and its verb.
    if let Some(k) = (e.saturating_sub(6).max(min + 1)..e.saturating_sub(2)).rev().find(|&k| tok_bytes(doc, k) == b"in")
    {
        if lower_in_at(doc, e - 1, CHANNELS) && (k + 1..e - 1).all(|j| doc.tokens[j].kind == TokenKind::Word) {
            e = k;
        }
    }
    // "The union late Friday said", "Sam Pike on Friday evening said",
    // "Ann Cole last week said": a time between the source and its verb.
    if e > min + 2 && lower_in_at(doc, e - 1, &["morning", "afternoon", "evening", "night"]) {
        if lower_in_at(doc, e - 2, WEEKDAYS) {
            e -= 1;
        }
    } else if e > min + 2
        && lower_in_at(doc, e - 1, &["week", "month", "year"])
        && lower_in_at(doc, e - 2, &["last", "this"])
    {
        e -= 2;
    }
    if e > min + 1 && lower_in_at(doc, e - 1, WEEKDAYS) {
        e -= 1;
        if e > min + 1 && lower_in_at(doc, e - 1, &["late", "early", "on", "last", "this"]) {
            e -= 1;
        }
    }
    // "Sen. Ann Lee (D-Ohio) said": a parenthesis after a name (party and
    // state, age, office) is part of the source.
    let full_end = e;
    if e > min + 3 && tok_is(doc, e - 1, b')') {
        let floor = e.saturating_sub(10).max(min + 1);
        if let Some(k) = (floor..e - 1).rev().find(|&k| matches!(tok_byte(doc, k), b'(' | b')')) {
            if tok_is(doc, k, b'(') && is_cap(doc, k - 1) {
                e = k;
            }
        }
    }
    if let Some(np) = restrictive_relative(doc, e, min) {
        return Some(np);
    }
    let found = before_np(doc, e, min);
    // The phrase ends after the parenthesis when it ended just before it.
    found.map(|(a, b)| (a, if b == e { full_end } else { b }))
}

/// "engineers who have studied the old dam say": a phrase and the
/// relative clause that restricts it, with no comma between them, when
/// the clause holds no punctuation and no other reporting verb.
fn restrictive_relative(doc: &Document, e: usize, min: usize) -> Option<(usize, usize)> {
    let floor = e.saturating_sub(MAX_RELATIVE).max(min + 1);
    let mut k = e;
    while k > floor {
        k -= 1;
        let w = tok_bytes(doc, k);
        if doc.tokens[k].kind == TokenKind::Punct && !np_punct(w) || doc.tokens[k].newlines_before > 0 {
            return None;
        }
        if lower_in(w, &["said", "says", "say", "told", "that", "which"]) {
            return None;
        }
        if w == b"who" {
            let (a, b) = before_np(doc, k, min)?;
            return (b == k && (a..b).all(|j| !lower_in_at(doc, j, &["who", "whom"]))).then_some((a, e));
        }
    }
    None
}

/// The plain noun phrase ending just before token `e`, after the skips of
/// [`before`].
fn before_np(doc: &Document, e: usize, min: usize) -> Option<(usize, usize)> {
    let mut s = e;
    while s > min && e - s < MAX_NP {
        let i = s - 1;
        let w = tok_bytes(doc, i);
        let t = doc.tokens[i];
        if t.kind == TokenKind::Punct {
            // "42% say": a share.
            let percent = w == b"%" && i > min && doc.tokens[i - 1].kind == TokenKind::Number;
            let possessive = i > min && plural_possessive(doc, i);
            if !percent && !possessive && (!np_punct(w) || doc.tokens[i + 1].space_before && w != b".") {
                break;
            }
            // A sentence-ending period is not an abbreviation's.
            if w == b"." && i > 0 && !(doc.tok(i - 1).len() <= 3 && is_cap(doc, i - 1)) {
                break;
            }
        } else if t.kind == TokenKind::Word && !is_cap(doc, i) && is_stop(w) {
            // A stop word ends the phrase, but for the joins below (asked
            // after it: most words are no stop word). "Ana Ruiz and Tom
            // Blake said": one source. "people familiar with the talks
            // said", "sources close to the team say". "some in the village
            // say", "many at the plant said". "two in three said".
            let and = w == b"and"
                && i > min
                && i + 1 < e
                && (is_cap(doc, i - 1) && is_cap(doc, i + 1)
                    || doc.tokens[i - 1].kind == TokenKind::Word
                        && !is_cap(doc, i - 1)
                        && !is_cap(doc, i + 1)
                        && !is_stop_at(doc, i - 1));
            let joins = and
                || i > min && lower_in(w, &["with", "to", "on", "about", "in"]) && lower_in_at(doc, i - 1, INFORMED)
                || i > min
                    && lower_in(w, &["in", "at", "within", "across", "among"])
                    && GROUPS_SET.contains_at(doc, i - 1)
                || i > min && w == b"in" && i + 1 < e && is_number(doc, i - 1) && is_number(doc, i + 1);
            if !joins {
                // "of"/"for" may join a description to its head ("a
                // spokesman for the ministry") when more phrase lies to the
                // left.
                break;
            }
        }
        s = i;
        if s + 1 == e && pronoun(w).is_some() {
            break;
        }
        if doc.tokens[i].newlines_before > 0 {
            break;
        }
    }
    // A phrase does not start with a connector, nor with the conjunction
    // that opens its clause ("While Mayor Ben Ortiz has said").
    while s < e && lower_in_at(doc, s, &["of", "for", "'", "’", "-", "&", "."])
        || s + 1 < e && is_cap(doc, s) && CONJUNCTIONS_SET.contains_at(doc, s)
    {
        s += 1;
    }
    if s >= e {
        return None;
    }
    // "Jo Baker, Lakeside MP, said": the name before an apposition
    // belongs to the source.
    if s > min + 1 && tok_is(doc, s - 1, b',') {
        let mut k = s - 1;
        let mut has_cap = false;
        while k > min && s - 1 - k < 5 && (is_cap(doc, k - 1) || np_punct(doc.tok(k - 1))) {
            has_cap |= is_cap(doc, k - 1);
            k -= 1;
        }
        let boundary = k == min || matches!(doc.tok(k - 1), "," | "—" | "–" | ":" | "(" | "”" | "\"");
        // "On Thursday, a survey said": a fronted time is no name.
        if has_cap && boundary && k < s - 1 && !LEADING_SET.contains_at(doc, k) {
            return Some((k, e));
        }
    }
    // "In late March the firm (announced)": the subject follows a
    // fronted time or place, at its determiner.
    if e - s > 2 && PREPOSITIONS_SET.contains_at(doc, s) && !is_number(doc, s + 1) {
        if let Some(d) =
            (s + 2..e - 1).rev().find(|&j| lower_in_at(doc, j, &["the", "a", "an", "its", "his", "her", "their"]))
        {
            s = d;
        }
    }
    plausible(doc, s, e).then_some((s, e))
}

/// "Ann Lee, a nurse at the county hospital in Oakdale, said": a name and
/// the apposition after it, given the apposition's closing comma at
/// `close`. The apposition may hold prepositions and participles that end
/// a plain noun phrase; it holds no other comma, sentence mark, quotation
/// or reporting verb, and the name opens a clause.
///
/// With `quoted`, the apposition ends in a quoted name (see
/// [`comma_in_quoted_name`]) and its quotation marks do not end it.
fn apposition(doc: &Document, close: usize, min: usize, quoted: bool) -> Option<(usize, usize)> {
    let floor = close.saturating_sub(MAX_RELATIVE).max(min + 1);
    let punct = |to: usize| {
        (floor..to).rev().find(|&k| {
            doc.tokens[k].kind == TokenKind::Punct && {
                let w = doc.tok(k);
                !(np_punct(w) || quoted && QUOTE_MARKS.contains(&w))
            }
        })
    };
    let k = punct(close)?;
    // "Ann Lee, the senator who heads the panel, which oversees banks,
    // said": a relative clause inside the apposition.
    if k + 1 < close && tok_is(doc, k, b',') && lower_in_at(doc, k + 1, &["which", "who", "where"]) {
        let k2 = punct(k)?;
        return apposition_at(doc, k2, close, min);
    }
    apposition_at(doc, k, close, min)
}

/// Quotation marks, opening or closing.
const QUOTE_MARKS: &[&str] = &["“", "”", "\"", "«", "»", "‘", "’", "'"];

/// Most words of a quoted name inside an apposition.
const MAX_QUOTED_NAME: usize = 8;

/// The comma closing an apposition inside the quoted name that ends it,
/// given the verb at `end` ("host of “Sunday Desk,” said"): the comma
/// before a closing mark right before `end`, when a capitalized word
/// opens the quotation a few tokens back.
fn comma_in_quoted_name(doc: &Document, end: usize, min: usize) -> Option<usize> {
    if end < min + 5 || !tok_is(doc, end - 2, b',') || !QUOTE_MARKS.contains(&doc.tok(end - 1)) {
        return None;
    }
    let close = end - 2;
    let floor = close.saturating_sub(MAX_QUOTED_NAME + 1).max(min + 2);
    let open = (floor..close)
        .rev()
        .find(|&k| QUOTE_MARKS.contains(&doc.tok(k)) && doc.tokens[k].kind == TokenKind::Punct && is_cap(doc, k + 1))?;
    // The opening mark follows a word or a possessive, not a comma or a
    // colon that would introduce speech.
    (doc.tokens[open - 1].kind == TokenKind::Word).then_some(close)
}

/// "One pastor backing the plan, Tom Reed of Grace Church, said": a
/// description and the name set after it, given the name's closing comma
/// at `close`. The name is a run of capitalized words, which may hold
/// lower-case joiners ("of", "in"); the description is a plain noun
/// phrase before it.
fn named_apposition(doc: &Document, close: usize, min: usize) -> Option<(usize, usize)> {
    let floor = close.saturating_sub(MAX_NP).max(min + 1);
    let k = (floor..close).rev().find(|&k| doc.tokens[k].kind == TokenKind::Punct && !np_punct(doc.tok(k)))?;
    if !tok_is(doc, k, b',') || k + 2 > close || !is_cap(doc, k + 1) || !is_cap(doc, close - 1) {
        return None;
    }
    let name_like = (k + 1..close)
        .all(|j| is_cap(doc, j) || np_punct(doc.tok(j)) || lower_in_at(doc, j, &["of", "in", "at", "for", "de"]));
    if !name_like || LEADING_SET.contains_at(doc, k + 1) {
        return None;
    }
    let (a, _) = before_np(doc, k, min)?;
    // The description names someone by a role or a plural ("One pastor",
    // "Another pollster"), not a name of its own (an apposition then).
    let lex = lexicon::get();
    let role = (a..k).any(|j| lex.role(tok_bytes(doc, j)).is_some() || GROUPS_SET.contains_at(doc, j));
    (role && !(a..k).any(|j| is_cap(doc, j) && j > a)).then_some((a, close))
}

/// [`apposition`] with the comma after the name at `k`.
fn apposition_at(doc: &Document, k: usize, close: usize, min: usize) -> Option<(usize, usize)> {
    if !tok_is(doc, k, b',') || k + 1 >= close {
        return None;
    }
    // "Sen. Ann Lee (R-Ohio), a member …": the name ends before a parenthesis.
    let mut name_end = k;
    // "Mara Lind, 27, a nurse …": an age between the name and the
    // apposition.
    if name_end > min + 3 && doc.tokens[name_end - 1].kind == TokenKind::Number && tok_is(doc, name_end - 2, b',') {
        name_end -= 2;
    }
    if tok_is(doc, k - 1, b')') {
        let floor = k.saturating_sub(10).max(min + 1);
        name_end = (floor..k - 1).rev().find(|&j| tok_is(doc, j, b'('))?;
    }
    // "D-Mich.": a name may end in an abbreviation's period.
    let abbrev = tok_is(doc, name_end - 1, b'.') && name_end > min + 2 && is_cap(doc, name_end - 2);
    if !is_cap(doc, name_end - 1) && !abbrev {
        return None;
    }
    let first = doc.tok(k + 1);
    if is_stop(first) && !lower_in(first, DETERMINERS)
        || lower_in(first, &["and", "or", "but", "which", "who", "whose"])
        || (k + 1..close).any(|j| {
            doc.tokens[j].newlines_before > 0
                || lower_in_at(doc, j, &["said", "says", "say", "told", "that", "he", "she", "they", "we", "i", "it"])
        })
    {
        return None;
    }
    // The name: a run of capitalized words ending at the comma.
    let mut r = name_end;
    let joiner = |j: usize| j > min && is_cap(doc, j - 1) && lower_in_at(doc, j, NAME_JOINERS);
    while r > min
        && name_end - r < 6
        && (is_cap(doc, r - 1) || (np_punct(doc.tok(r - 1)) || joiner(r - 1)) && r - 1 > min)
    {
        r -= 1;
    }
    while r < name_end && (lower_in_at(doc, r, LEADING) || np_punct(doc.tok(r))) {
        r += 1;
    }
    // "Ann Lee, D-Ohio, a member of …": a name before a short apposition.
    if r > min + 2 && tok_is(doc, r - 1, b',') && name_end - r <= 4 {
        let mut q = r - 1;
        while q > min && r - 1 - q < 5 && (is_cap(doc, q - 1) || np_punct(doc.tok(q - 1)) && q - 1 > min) {
            q -= 1;
        }
        let boundary = q == min || matches!(doc.tok(q - 1), "," | "—" | "–" | ":" | "(" | "”" | "\"");
        if q < r - 1 && boundary && is_cap(doc, q) && !lower_in_at(doc, q, LEADING) {
            r = q;
        }
    }
    let opens = r == min
        || matches!(doc.tok(r - 1), "," | "—" | "–" | ":" | "(" | "”" | "\"")
        || lower_in_at(doc, r - 1, &["and", "but", "while", "as", "because", "so"])
        || doc.tokens[r].newlines_before > 0;
    (r < name_end && opens).then_some((r, close))
}

/// The noun phrase starting at token `start` (inclusive), not reaching
/// `max`: the subject after an inverted verb ("said Smith") or after
/// "according to".
pub(crate) fn after(doc: &Document, start: usize, max: usize) -> Option<(usize, usize)> {
    let mut e = start;
    while e < max && e - start < MAX_NP {
        let w = doc.tok(e);
        let t = doc.tokens[e];
        if e > start && t.newlines_before > 0 {
            break;
        }
        if t.kind == TokenKind::Punct {
            if !np_punct(w) || w == "." && !(e > start && doc.tok(e - 1).len() <= 3 && is_cap(doc, e - 1)) {
                break;
            }
        } else if e > start && lower_in(w.split(['\'', '’']).next().unwrap_or(w), &["he", "she", "they", "we", "i"]) {
            // "told the council she would …": a subject pronoun opens the
            // clause after the phrase.
            break;
        } else if t.kind == TokenKind::Word && !is_cap(doc, e) {
            let l = ascii_lower(w);
            // "a spokesman for the ministry", "a report by the agency".
            let by = l == "by" && e > start && lexicon::get().non_agents.get(doc.tok(e - 1)).is_some();
            let joins = (matches!(&*l, "of" | "for") || by)
                && e + 1 < max
                && (is_cap(doc, e + 1) || DETERMINERS_SET.contains_at(doc, e + 1));
            let and = l == "and" && e + 1 < max && !lexicon::get().is_cue_start(doc.tok(e + 1));
            // A reporting verb ends the phrase ("said Ann Lee, adding"),
            // unless a determiner or modifier makes it a noun ("according
            // to the report", "a new statement").
            let noun = e > start && doc.tokens[e - 1].kind == TokenKind::Word && !is_cap(doc, e - 1);
            if is_stop(w) && !joins && !and || lexicon::get().is_cue_start(&l) && e > start && !noun {
                break;
            }
        }
        e += 1;
        if e == start + 1 && pronoun(w).is_some() {
            break;
        }
    }
    while e > start && np_punct(doc.tok(e - 1)) && !tok_is(doc, e - 1, b'.') {
        e -= 1;
    }
    if e > start && tok_is(doc, e - 1, b'.') && !(e >= start + 2 && doc.tok(e - 2).len() <= 3) {
        e -= 1;
    }
    (e > start && plausible(doc, start, e)).then_some((start, e))
}

/// The hearer a verb of telling names first, from token `start`: "him",
/// "reporters", "local business owners", "a news conference", "the BBC",
/// "The Associated Press", "a panel of judges". Returns its end
/// (exclusive).
///
/// The content may follow with or without "that" ("told reporters the
/// plan was dead"), so the hearer ends where the clause's subject begins:
/// at a second determiner or a pronoun, at a stop word ("that", "in",
/// "would"), after a plural noun, or where a run of names turns to
/// lower-case words or back.
/// [`after`]'s phrase, built for speakers, runs on into that subject.
pub(crate) fn hearer(doc: &Document, start: usize, max: usize) -> Option<usize> {
    const OBJECTS: &[&str] = &["him", "her", "them", "us", "me", "you"];
    let mut k = start;
    if k < max && lower_in_at(doc, k, OBJECTS) {
        return Some(k + 1);
    }
    if k < max && DETERMINERS_SET.contains_at(doc, k) {
        k += 1;
    }
    let first = k;
    let names = k < max && is_cap(doc, k);
    while k < max && k - start < MAX_NP {
        let t = doc.tokens[k];
        if t.newlines_before > 0 {
            break;
        }
        if t.kind != TokenKind::Word {
            // Glued inner marks: "U.S.", "AT&T", "Wall Street’s".
            let glued = k > first && !t.space_before && np_punct(tok_bytes(doc, k));
            if !glued || k + 1 >= max || doc.tokens[k + 1].space_before {
                break;
            }
            k += 1;
            continue;
        }
        // "a panel of judges", "the Bank of England": a joiner and its
        // noun phrase.
        if k > first && lower_in_at(doc, k, &["of", "for"]) && k + 1 < max {
            let next = k + 1 + usize::from(DETERMINERS_SET.contains_at(doc, k + 1));
            if next < max && doc.tokens[next].kind == TokenKind::Word && !is_stop_at(doc, next) {
                k = next + 1;
                continue;
            }
        }
        let stop = is_cap(doc, k) != names
            || DETERMINERS_SET.contains_at(doc, k)
            || pronoun(tok_bytes(doc, k)).is_some()
            || is_stop_at(doc, k);
        if stop {
            break;
        }
        k += 1;
        // "told investigators rail workers were …": a plural noun ends a
        // hearer of plain words, as the clause's own subject may follow it
        // with no determiner ("business", "census", "crisis", "a news
        // conference": no plurals).
        let w = tok_bytes(doc, k - 1);
        let plural = !names
            && w.len() > 3
            && w.ends_with(b"s")
            && !w.ends_with(b"ss")
            && !w.ends_with(b"us")
            && !w.ends_with(b"is")
            && !lower_in(w, &["news", "series", "politics", "economics", "species", "means", "headquarters"]);
        if plural {
            break;
        }
    }
    (k > first).then_some(k)
}

/// A phrase can name a speaker when it has a name, a pronoun, a role noun
/// or starts with a determiner.
fn plausible(doc: &Document, s: usize, e: usize) -> bool {
    let lex = lexicon::get();
    if e - s == 1 && pronoun(tok_bytes(doc, s)).is_some() {
        return true;
    }
    // "On a brighter (note)", "Whenever (he says)": a phrase
    // opened by a preposition or subordinator names no one.
    let share = || lower_in_at(doc, s, &["about", "over", "under"]) && is_number(doc, s + 1);
    if e - s > 1 && PREPOSITIONS_SET.contains_at(doc, s) && !share()
        || lower_in_at(doc, s, &["whenever", "absent", "during", "despite", "after", "before", "saying"])
    {
        return false;
    }
    (s..e).any(|i| {
        (is_cap(doc, i) && !(i == s && e - s == 1 && DETERMINERS_SET.contains_at(doc, i)))
            || lex.role(tok_bytes(doc, i)).is_some()
    }) || (DETERMINERS_SET.contains_at(doc, s) && e - s >= 2)
        // "Experts say", "officials said", "sources familiar with the
        // talks said": a bare plural noun, alone, with one modifier, or
        // before a phrase of what they know.
        || {
            let plural = |k: usize| {
                let w = doc.tok(k);
                w.len() >= 5 && w.ends_with('s') && !w.ends_with("ss") && doc.tokens[k].kind == TokenKind::Word
            };
            let informed = s + 1 < e && lower_in_at(doc, s + 1, INFORMED);
            e - s <= 2 && (plural(s) || plural(e - 1)) || informed && plural(s)
        }
        // "people close to the talks said", "some in the party say": a
        // group of people named by a word that is no "-s" plural.
        || (s..e).any(|k| GROUPS_SET.contains_at(doc, k)) && !(e - s == 1 && DETERMINERS_SET.contains_at(doc, s))
        // "two in three said", "About three in 10 say": a share.
        || (e - s <= 4 && (s..e).any(|k| tok_bytes(doc, k) == b"in") && is_number(doc, s) && is_number(doc, e - 1))
        // "74 percent said", "half said": a share of respondents.
        || (e - s <= 3
            && (doc.tokens[s].kind == TokenKind::Number || lower_in_at(doc, s, &["half"]))
            && lower_in_at(doc, e - 1, &["percent", "half", "%"]))
}

/// Channels a source speaks through ("in a statement", "in a Medium
/// post").
const CHANNELS: &[&str] = &[
    "statement",
    "interview",
    "post",
    "tweet",
    "letter",
    "email",
    "e-mail",
    "speech",
    "video",
    "op-ed",
    "release",
    "briefing",
    "memo",
    "message",
];

/// True when token `i` is a number, in figures or a word up to ten.
fn is_number(doc: &Document, i: usize) -> bool {
    const WORDS: &[&str] = &["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    doc.tokens[i].kind == TokenKind::Number || lower_in_at(doc, i, WORDS)
}

/// Adjectives after which a preposition goes on describing a source
/// ("people familiar with the talks", "sources close to the team").
const INFORMED: &[&str] = &["familiar", "close", "briefed", "knowledgeable", "involved"];

/// Words that name a group of people without an "-s" plural, or stand
/// for one ("people", "police", "many", "others").
const GROUPS: &[&str] = &[
    "people",
    "men",
    "women",
    "children",
    "police",
    "staff",
    "personnel",
    "some",
    "many",
    "most",
    "others",
    "few",
    "several",
    "everyone",
    "everybody",
    "someone",
    "somebody",
];

/// Prepositions that make a name an oblique mention.
const PREPOSITIONS: &[&str] = &[
    "to", "for", "with", "from", "by", "against", "of", "in", "at", "on", "about", "like", "than", "over", "under",
    "between", "among", "toward", "towards", "behind", "beside",
];

/// True when the name starting at token `i` follows a preposition, over
/// a title and its period ("to Dr. Jane Roe").
fn oblique(doc: &Document, i: usize) -> bool {
    let mut j = i;
    for _ in 0..3 {
        if j == 0 {
            return false;
        }
        // The capital asked first: it is cheaper than the role table.
        if tok_is(doc, j - 1, b'.') || is_cap(doc, j - 1) && role_of(tok_bytes(doc, j - 1)) == Some(Role::Person) {
            j -= 1;
        } else {
            break;
        }
    }
    j > 0 && doc.tokens[j - 1].kind == TokenKind::Word && PREPOSITIONS_SET.contains_at(doc, j - 1)
}

/// Merges `extra` into `list`, both in order of `key`: at a tie, `list`'s
/// element first, as a stable sort of the two joined would put them. In
/// place, from the back, into the room `extra` takes at the end of `list`:
/// no second list of every element is allocated.
fn merge_sorted<T: Copy>(list: &mut Vec<T>, extra: &[T], key: impl Fn(&T) -> usize) {
    let mut unmoved = list.len();
    // Exactly: a doubling would leave half the room unused.
    list.reserve_exact(extra.len());
    list.extend_from_slice(extra);
    // Everything from `w` on is in place; below it lie the elements of
    // `list` not yet moved, and room for the extra ones not yet placed.
    let mut w = list.len();
    for x in extra.iter().rev() {
        while unmoved > 0 && key(&list[unmoved - 1]) > key(x) {
            unmoved -= 1;
            w -= 1;
            list[w] = list[unmoved];
        }
        w -= 1;
        list[w] = *x;
    }
}

/// A name mention the resolver can point back to.
#[derive(Clone, Copy, Debug)]
struct Mention<'a> {
    start: usize,
    /// Borrowed from the text or from an entity: one allocation less for
    /// every name of the text.
    canonical: &'a str,
    role: Role,
    /// The role noun just before the name ("Mayor" in "Mayor Ann Clark"),
    /// as written.
    title: Option<&'a str>,
    /// The name is a possessor ("the province's health minister"), so
    /// not the head of its phrase.
    possessive: bool,
    /// The name follows a preposition ("traded him for Jane Roe"), so it is
    /// no subject a later "he" or "she" is likely to continue.
    oblique: bool,
    /// The person's gender when the title or given name tells it.
    gender: Option<Gender>,
}

/// A capitalized run read as a name: its tokens after the title, the
/// title, and for a full name of two words or more, what it stands for
/// and where it is filed.
///
/// Indices and offsets are `u32` (a text is at most [`crate::text::MAX_TEXT`]
/// bytes): every run of a text is kept until all are read, one per ten
/// tokens or so, and at 36 bytes instead of 80 they take less than half
/// the memory (measured: the largest array of the statements layer).
struct Run {
    s: u32,
    e: u32,
    /// The title's token.
    title: Option<u32>,
    /// For a full name, its role and the end of its canonical form (which
    /// starts where the run does).
    full: Option<(Role, u32)>,
    /// The full name's entries in [`NameIndex`]es by last and first word.
    keys: Option<(u32, u32)>,
}

impl Run {
    /// What the run stands for as a full name (see [`full_name`]).
    fn full(&self, doc: &Document) -> Option<(Role, Span)> {
        let (role, end) = self.full?;
        Some((role, Span::new(doc.tokens[self.s as usize].span().start, end as usize)))
    }
}

/// The key a name is filed under by one of its words: the word
/// lower-cased (as `to_lowercase`) and, for a last word, without
/// possessive endings; packed into one integer when it fits (nearly every
/// name: [`crate::lexicon::pack_word`]), so that filing and finding every
/// name of the text hashes and compares a number, not a string.
#[derive(Debug, PartialEq, Eq, Hash)]
enum NameKey {
    Packed(u128),
    Long(String),
}

impl NameKey {
    fn new(w: &str, last: bool) -> NameKey {
        // Nearly every name word fits the integer and is ASCII but for
        // letters that are lower case already or have no case ("Müller",
        // "Ruiz’s"): lower-casing it (as `to_lowercase` would) lowers its
        // ASCII capitals only, all at once in the packed bytes, with no
        // copy to a string.
        if let Some(x) = crate::lexicon::pack_word(w.as_bytes()) {
            if x & (ONES * 0x80) == 0 || w.chars().all(|c| c.is_ascii() || lowers_to_itself(c)) {
                return NameKey::packed(lower_packed(x), w.len(), last);
            }
        }
        NameKey::slow(w, last)
    }

    /// [`NameKey::new`] of token `i`, read in one load from the text.
    fn at(doc: &Document, i: usize, last: bool) -> NameKey {
        match lexicon::pack_lower_at(doc, i) {
            Some(x) if x & (ONES * 0x80) == 0 => NameKey::packed(x, tok_bytes(doc, i).len(), last),
            _ => NameKey::new(doc.tok(i), last),
        }
    }

    /// The key of the word of `n` bytes packed lower-cased in `x`.
    fn packed(x: u128, n: usize, last: bool) -> NameKey {
        let mut b = x.to_le_bytes();
        let mut n = n;
        // "'s", then "’s", as stripped below.
        while last && n >= 2 && b[n - 2..n] == *b"'s" {
            n -= 2;
            b[n..n + 2].fill(0);
        }
        while last && n >= 4 && b[n - 4..n] == *"’s".as_bytes() {
            n -= 4;
            b[n..n + 4].fill(0);
        }
        NameKey::Packed(u128::from_le_bytes(b))
    }

    /// [`NameKey::new`] of a word that does not fit the integer or has
    /// capitals beyond ASCII.
    fn slow(w: &str, last: bool) -> NameKey {
        if w.is_ascii() {
            let mut l = w.as_bytes();
            // "'s" in either case, as stripped after lower-casing.
            while last && l.len() >= 2 && l[l.len() - 2] == b'\'' && l[l.len() - 1] | 0x20 == b's' {
                l = &l[..l.len() - 2];
            }
            let mut buf = [0u8; 16];
            match buf.get_mut(..l.len()) {
                Some(key) => {
                    key.copy_from_slice(l);
                    key.make_ascii_lowercase();
                    NameKey::Packed(u128::from_le_bytes(buf))
                }
                None => NameKey::Long(String::from_utf8_lossy(l).to_ascii_lowercase()),
            }
        } else {
            let mut l = w.to_lowercase();
            if last {
                for suffix in ["'s", "’s"] {
                    while let Some(rest) = l.strip_suffix(suffix) {
                        l.truncate(rest.len());
                    }
                }
            }
            // Lower-casing may leave the word ASCII ("\u{212A}im" is "kim"),
            // and a short word is filed packed whatever its letters.
            match crate::lexicon::pack_word(l.as_bytes()) {
                Some(k) => NameKey::Packed(k),
                None => NameKey::Long(l),
            }
        }
    }
}

/// True when `c` lower-cases to itself alone (a lower-case letter, a
/// mark with no case such as "’").
fn lowers_to_itself(c: char) -> bool {
    let mut l = c.to_lowercase();
    l.next() == Some(c) && l.next().is_none()
}

/// Full names by the key of one of their words: an index into the
/// [`Filed`] list.
type NameIndex = HashMap<NameKey, usize, crate::lexicon::FxBuild>;

/// The full names filed under one key, as run indices: the first in the
/// text, and the latest before the run being resolved.
struct Filed {
    first: usize,
    latest: Option<usize>,
}

/// What the name run `s..e` stands for when it is a full name of two
/// words or more: a person or an organization, and its canonical form.
fn full_name(doc: &Document, s: usize, e: usize) -> Option<(Role, Span)> {
    let words = name_words(doc, s, e);
    if words < 2 {
        return None;
    }
    // As `trim_end_matches` of each suffix in turn, without building a
    // substring searcher per name.
    let start = doc.tokens[s].span().start;
    let mut canonical = &doc.text[start..doc.tokens[e - 1].span().end];
    for suffix in ["'s", "’s"] {
        while let Some(rest) = canonical.strip_suffix(suffix) {
            canonical = rest;
        }
    }
    // A person's name is a few plain capitalized words; anything else
    // ("BC Hydro", "Bank of Canada") is taken for an organization.
    let person_shape = (2..=4).contains(&words)
        && (s..e).all(|k| {
            doc.tokens[k].kind != TokenKind::Word
                || is_cap(doc, k) && doc.tok(k).chars().skip(1).any(char::is_lowercase)
        });
    // Asked only of a person's shape: the role table costs more.
    let org = || (s..e).any(|k| role_of(tok_bytes(doc, k)) == Some(Role::Org));
    let role = if person_shape && !org() { Role::Person } else { Role::Org };
    Some((role, Span::new(start, start + canonical.len())))
}

/// Resolves sources to canonical names.
pub(crate) struct Resolver<'a> {
    doc: &'a Document<'a>,
    entities: &'a [Entity],
    mentions: Vec<Mention<'a>>,
    /// The last resolved speaker of each role, where it spoke, and its
    /// gender if known.
    last: [Option<(usize, &'a str, Option<Gender>)>; 2],
    /// Where the last searches in the mentions and entities ended:
    /// speakers are resolved in text order, each near the one before.
    mention_hint: Cell<usize>,
    entity_hint: Cell<usize>,
}

fn role_index(r: Role) -> usize {
    match r {
        Role::Person => 0,
        Role::Org => 1,
    }
}

impl<'a> Resolver<'a> {
    /// The resolver for `doc`, its `entities` and the token each entity
    /// starts at.
    // Kept out of its one caller, as `entities::link::resolve` is.
    #[inline(never)]
    pub(crate) fn new(doc: &'a Document<'a>, entities: &'a [Entity], entity_tokens: &[usize]) -> Resolver<'a> {
        let mut r = Resolver {
            doc,
            entities,
            mentions: Vec::new(),
            last: [None, None],
            mention_hint: Cell::new(0),
            entity_hint: Cell::new(0),
        };
        r.scan_names();
        r.merge_entities(entity_tokens);
        // Names recur: the gender of each name's given name is looked up
        // once.
        let mut given: HashMap<&str, Option<Gender>, crate::lexicon::FxBuild> = HashMap::default();
        let lex = lexicon::get();
        for m in &mut r.mentions {
            if m.role == Role::Person {
                // As `mention_gender`.
                m.gender = m
                    .title
                    .and_then(|t| lex.gender(t))
                    .or_else(|| *given.entry(m.canonical).or_insert_with(|| lex.gender(first_word(m.canonical)?)));
            }
        }
        r
    }

    /// Combines the entities layer with the scanned names. The scan's
    /// people keep their canonical names: they drop titles ("Organizer Jane
    /// Roe" → "Jane Roe") and link a surname to the latest full name before
    /// it, where the entities layer links it to the longest one in the
    /// article. The entities correct the scan's kinds: a scanned name that
    /// is a place ("Nova Scotia", person-shaped to the scan) is no speaker,
    /// and one inside an organization speaks as one, under the
    /// organization's canonical name ("it" may refer to it, "he" may not).
    /// A scanned surname linked to a full name is kept even when the
    /// surname alone was read as a place ("Jordan" for "Jordan Smith").
    /// Names the scan missed (a surname opening a sentence) are added when
    /// the entities layer linked them to a name of several words: lone
    /// capitalized words it alone found were, when measured, mostly
    /// headings and captions.
    fn merge_entities(&mut self, entity_tokens: &[usize]) {
        let doc = self.doc;
        let ents = self.entities;
        let mut j = 0;
        // Entities the scan has no mention in.
        let mut covered = vec![false; ents.len()];
        self.mentions.retain_mut(|m| {
            while j < ents.len() && ents[j].span.end <= m.start {
                j += 1;
            }
            let Some(e) = ents.get(j).filter(|e| e.span.start <= m.start) else {
                return true;
            };
            covered[j] = true;
            match e.label {
                EntityLabel::Place => e.canonical != m.canonical,
                EntityLabel::Org => {
                    m.role = Role::Org;
                    m.canonical = &e.canonical;
                    true
                }
                _ => true,
            }
        });
        let mut extra = Vec::new();
        for ((e, &k), _) in ents.iter().zip(entity_tokens).zip(&covered).filter(|(_, &c)| !c) {
            let role = match e.label {
                EntityLabel::Person => Role::Person,
                EntityLabel::Org => Role::Org,
                _ => continue,
            };
            // A lone surname the entities layer calls a person counts when
            // it is the subject of a clause inside a paragraph ("…, Mulder
            // didn't hesitate"): headings and captions are neither.
            let subject = role == Role::Person
                && k > 0
                && doc.tokens[k].newlines_before == 0
                && doc.tokens.get(k + 1).is_some_and(|t| {
                    t.kind == TokenKind::Word && doc.text[t.span().range()].starts_with(|c: char| c.is_lowercase())
                });
            if !e.canonical.contains(' ') && !subject {
                continue;
            }
            let rest = &doc.text[e.span.end..];
            extra.push(Mention {
                start: e.span.start,
                canonical: &e.canonical,
                role,
                title: None,
                possessive: rest.starts_with("'s") || rest.starts_with("’s"),
                oblique: oblique(doc, k),
                gender: None,
            });
        }
        // Both lists are in text order: one merging pass. Sorting the
        // joined list copied it to and fro, which missed the cache on long
        // texts.
        merge_sorted(&mut self.mentions, &extra, |m| m.start);
    }

    /// Reads capitalized runs as names, titles stripped, each surname
    /// linked to the latest full name before it.
    fn scan_names(&mut self) {
        let doc = self.doc;

        let n = doc.tokens.len();
        // First pass: name runs, titles stripped, and what each full name
        // stands for, read while its tokens are at hand; each full name
        // is filed by its last and first word.
        // A run starts at a capitalized word, about one token in ten of
        // news text: reserving for that many spares copying a long
        // text's runs while they grow.
        let mut runs: Vec<Run> = Vec::with_capacity(n / 8);
        let mut by_last = NameIndex::default();
        let mut by_first = NameIndex::default();
        let mut filed: Vec<Filed> = Vec::new();
        let mut file = |index: &mut NameIndex, key: NameKey, k: usize| {
            *index.entry(key).or_insert_with(|| {
                filed.push(Filed { first: k, latest: None });
                filed.len() - 1
            })
        };
        let mut i = 0;
        while i < n {
            if !is_cap(doc, i) {
                i += 1;
                continue;
            }
            let mut e = i + 1;
            // A possessive ends a name ("Vancouver's Bo Horvat").
            let possessive = |k: usize| {
                let w = tok_bytes(doc, k);
                w.ends_with(b"'s") || w.ends_with("’s".as_bytes())
            };
            while e < n && e - i < 8 && !possessive(e - 1) {
                let glued = !doc.tokens[e].space_before;
                if is_cap(doc, e) && doc.tokens[e].newlines_before == 0 {
                    e += 1;
                    continue;
                }
                let w = tok_bytes(doc, e);
                if (NAME_JOINERS_SET.contains(w) || w == b"-" && glued || w == b"." && tok_bytes(doc, e - 1).len() <= 3)
                    && e + 1 < n
                    && is_cap(doc, e + 1)
                {
                    // "Bank of England", "Smith-Jones", "John Q. Public".
                    e += 2;
                } else {
                    break;
                }
            }
            let run_end = e;
            // Strip leading function words and determiners, and everything
            // up to the last title ("Liberal Leader Jane Roe" →
            // "Jane Roe"); trailing day names.
            let mut s = i;
            let mut title = None;
            while s < e && (LEADING_SET.contains_at(doc, s) || tok_is(doc, s, b'.')) {
                s += 1;
            }
            let from = s;
            for k in from..e.saturating_sub(1) {
                if role_of(tok_bytes(doc, k)) == Some(Role::Person) {
                    title = Some(k as u32);
                    s = k + 1;
                }
            }
            while s < e && tok_is(doc, s, b'.') {
                s += 1;
            }
            while e > s && TRAILING_SET.contains_at(doc, e - 1) {
                e -= 1;
            }
            let sentence_initial = i == 0 || doc.starts_sentence(i);
            if s < e && !(sentence_initial && e - s == 1 && s == i) && pronoun(tok_bytes(doc, s)).is_none() {
                let full = full_name(doc, s, e);
                let k = runs.len();
                let keys = full.map(|_| {
                    (
                        file(&mut by_last, NameKey::at(doc, e - 1, true), k) as u32,
                        file(&mut by_first, NameKey::at(doc, s, false), k) as u32,
                    )
                });
                let full = full.map(|(role, span)| (role, span.end as u32));
                runs.push(Run { s: s as u32, e: e as u32, title, full, keys });
            }
            i = run_end.max(i + 1);
        }
        self.mentions.reserve(runs.len());
        for (k, run) in runs.iter().enumerate() {
            let (s, e) = (run.s as usize, run.e as usize);
            let target = match (run.full(doc), run.keys) {
                (Some(f), Some((last, first))) => {
                    filed[last as usize].latest = Some(k);
                    filed[first as usize].latest = Some(k);
                    Some(f)
                }
                _ => {
                    // A lone word stands for the latest full name before it
                    // that ends (or else starts) with it, else the first after.
                    let id = by_last
                        .get(&NameKey::at(doc, e - 1, true))
                        .or_else(|| by_first.get(&NameKey::at(doc, s, false)));
                    id.and_then(|&id| runs[filed[id].latest.unwrap_or(filed[id].first)].full(doc))
                }
            };
            // A lone capitalized word that never appears in a full name
            // ("Alberta", "Hey") is too weak to stand for a speaker.
            let Some((role, canonical)) = target else { continue };
            let last = doc.tok(e - 1);
            let possessive = last.ends_with("'s") || last.ends_with("’s");
            self.mentions.push(Mention {
                start: doc.tokens[s].span().start,
                canonical: &doc.text[canonical.range()],
                role,
                title: run.title.map(|k| doc.tok(k as usize)),
                possessive,
                oblique: oblique(doc, s),
                gender: None,
            });
        }
    }

    /// The canonical name for the source phrase `np` (the bytes of the
    /// tokens `tokens`), remembering it as the latest speaker.
    pub(crate) fn resolve(&mut self, np: Span, tokens: (usize, usize)) -> Option<&'a str> {
        let found = self.resolve_inner(np, tokens);
        if let Some((name, role, gender)) = found {
            // "she" teaches the gender of a name the lists do not know.
            let gender = gender.or_else(|| pronoun_gender(&self.doc.text[np.range()]));
            self.last[role_index(role)] = Some((np.start, name, gender));
        }
        found.map(|f| f.0)
    }

    fn resolve_inner(&self, np: Span, (s, e): (usize, usize)) -> Option<(&'a str, Role, Option<Gender>)> {
        let doc = self.doc;
        let text = &doc.text[np.range()];
        if let Some(role) = pronoun(text) {
            return self.antecedent(np.start, role, None, pronoun_gender(text));
        }
        // "her statement said": the possessor speaks.
        let first = first_word(text).unwrap_or("");
        // After the last space, as `rsplit(' ').next()`.
        let head = text.as_bytes().iter().rposition(|&b| b == b' ').map_or(text, |k| &text[k + 1..]);
        if lexicon::get().non_agents.get(head).is_some() {
            let possessor = with_lower(first, |l| match l {
                "his" | "her" => Some(Role::Person),
                "its" | "their" => Some(Role::Org),
                _ => None,
            });
            match possessor {
                Some(Role::Person) => return self.antecedent(np.start, Role::Person, None, pronoun_gender(first)),
                Some(Role::Org) => return self.antecedent(np.start, Role::Org, None, None),
                None => {}
            }
        }
        // A name inside the phrase: the last one before any comma (the
        // head of "Pine Ridge mayor Ann Clark"; "Ann Clark, the mayor").
        let cut = text.as_bytes().iter().position(|&b| b == b',').map_or(np.end, |k| np.start + k);
        let head = Span::new(np.start, cut);
        if let Some(m) = self.mention_in(head) {
            return Some(m);
        }
        if let Some(m) = self.mention_in(np) {
            return Some(m);
        }
        // A description: its role noun decides what it may refer to.
        let lex = lexicon::get();
        let mut role = None;
        let mut title = None;
        for i in s..e {
            // The table lower-cases: a plural's "s" may be written "S".
            let w = doc.tok(i);
            if let Some(r) = lex.roles.get(w).or_else(|| lex.roles.get(w.trim_end_matches(['s', 'S']))) {
                role = Some(*r);
                title = Some(w);
            }
        }
        let role = role?;
        // Only a definite description points back ("the mayor"); "a
        // citizen" or "officials" introduce someone new.
        let definite = lower_in_at(doc, s, &["the", "this", "that", "its", "his", "her", "their", "our"]);
        if !definite {
            return None;
        }
        let gender = title.and_then(|t| lex.gender(t));
        self.antecedent(np.start, role, title, gender)
    }

    /// The index of the first mention starting at or after byte `pos`.
    fn mention_at(&self, pos: usize) -> usize {
        let k = partition_point_near(&self.mentions, self.mention_hint.get(), |m| m.start < pos);
        self.mention_hint.set(k);
        k
    }

    fn mention_in(&self, span: Span) -> Option<(&'a str, Role, Option<Gender>)> {
        let k = self.mention_at(span.start);
        let mut best = None;
        let mut possessor = None;
        for m in self.mentions[k..].iter().take_while(|m| m.start < span.end) {
            if m.possessive {
                possessor = Some((m.canonical, m.role, m.gender));
            } else {
                best = Some((m.canonical, m.role, m.gender));
            }
        }
        best = best.or(possessor);
        if best.is_none() && !self.entities.is_empty() {
            // The entities layer may have started its span before ours.
            let j = partition_point_near(self.entities, self.entity_hint.get(), |e| e.span.end <= span.start);
            self.entity_hint.set(j);
            if let Some(e) = self.entities.get(j).filter(|e| e.span.overlaps(span)) {
                let role = if e.label == EntityLabel::Org { Role::Org } else { Role::Person };
                if matches!(e.label, EntityLabel::Person | EntityLabel::Org) {
                    let gender = (role == Role::Person).then(|| mention_gender(&e.canonical, None)).flatten();
                    best = Some((e.canonical.as_str(), role, gender));
                }
            }
        }
        best
    }

    /// The nearest earlier compatible name: a titled match first ("the
    /// mayor" → "Mayor Ann Clark"), then the latest speaker of that kind
    /// if it spoke recently, then the nearest mention that is no object of
    /// a preposition, then the nearest mention. A gendered pronoun or role
    /// ("she", "the spokeswoman") skips names of the other gender, and
    /// prefers a name known to be of its own to one of unknown gender.
    fn antecedent(
        &self,
        pos: usize,
        role: Role,
        title: Option<&str>,
        gender: Option<Gender>,
    ) -> Option<(&'a str, Role, Option<Gender>)> {
        let k = self.mention_at(pos);
        let window = &self.mentions[k.saturating_sub(MAX_LOOKBACK)..k];
        let found = |m: &Mention<'a>| Some((m.canonical, m.role, m.gender));
        let fits = |m: &Mention| m.role == role && compatible(m.gender, gender);
        if let Some(t) = title {
            if let Some(m) =
                window.iter().rev().find(|m| m.title.is_some_and(|mt| mt.eq_ignore_ascii_case(t)) && fits(m))
            {
                return found(m);
            }
            // "the authority" → "Rhine Valley Water Authority": an
            // organization named by its last word.
            let named_by = |m: &Mention| m.canonical.rsplit(' ').next().is_some_and(|w| w.eq_ignore_ascii_case(t));
            if let Some(m) = window.iter().rev().find(|m| m.role == Role::Org && role == Role::Org && named_by(m)) {
                return found(m);
            }
        }
        if let Some((at, name, g)) = &self.last[role_index(role)] {
            // "Recently": no more than one other name since, and no other
            // subject ("Ann Lee came too. “…,” she said" is Ann Lee's).
            let others = || {
                self.mentions[..k]
                    .iter()
                    .rev()
                    .take(MAX_LOOKBACK)
                    .take_while(|m| m.start > *at)
                    .filter(|m| fits(m) && m.canonical != *name)
            };
            let since = others().count();
            let subjects = others().filter(|m| !m.oblique && !m.possessive).count();
            if since <= 1 && subjects == 0 && compatible(*g, gender) {
                return Some((name, role, *g));
            }
        }
        if gender.is_some() {
            // Measured on the dev sets: "she" is more often the nearest
            // known woman than a nearer name of unknown gender.
            if let Some(m) = window.iter().rev().find(|m| m.role == role && !m.oblique && m.gender == gender) {
                return found(m);
            }
        }
        // A subject is a likelier antecedent than a name after a
        // preposition; the latter only when no subject is in reach.
        if let Some(m) = window.iter().rev().find(|m| fits(m) && !m.oblique) {
            return found(m);
        }
        window.iter().rev().find(|m| fits(m)).and_then(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{Hash, Hasher};

    #[test]
    fn merge_sorted_is_a_stable_sort_of_both() {
        // (key, which list): ties keep the first list's element first.
        let mut x: u64 = 7;
        for _ in 0..200 {
            let mut lists = [Vec::new(), Vec::new()];
            for (l, list) in lists.iter_mut().enumerate() {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let len = (x >> 60) as usize;
                let mut k = 0;
                for _ in 0..len {
                    x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    k += (x >> 62) as usize;
                    list.push((k, l));
                }
            }
            let [mut list, extra] = lists;
            let mut expected = [list.clone(), extra.clone()].concat();
            expected.sort_by_key(|e| e.0);
            merge_sorted(&mut list, &extra, |e| e.0);
            assert_eq!(list, expected);
        }
    }

    #[test]
    fn partition_point_near_agrees_with_partition_point() {
        // Runs of equal values, so the answer often sits far from the hint.
        let v: Vec<u32> = (0..300).map(|i| i / 7 * 7).collect();
        for x in [0, 1, 7, 8, 100, 147, 293, 294, 300, 1000] {
            let want = v.partition_point(|&y| y < x);
            for hint in [0, 1, 2, 5, 64, 150, 298, 299, 300, 5000] {
                assert_eq!(partition_point_near(&v, hint, |&y| y < x), want, "x {x} hint {hint}");
            }
        }
        assert_eq!(partition_point_near(&[] as &[u32], 3, |&y| y < 1), 0);
    }

    #[test]
    fn word_lists_match_ascii_case_blind_and_other_bytes_exactly() {
        let list = ["of", "’", "-"];
        for (w, want) in
            [("OF", true), ("Of", true), ("’", true), ("-", true), ("'", false), ("öf", false), ("", false)]
        {
            assert_eq!(lower_in(w, &list), want, "{w:?}");
        }
        // Tokens of a text: either apostrophe of a plural possessive.
        for text in ["students' union", "students’ union"] {
            let doc = Document::new(text);
            assert!(lower_in_at(&doc, 1, &["of", "for", "'", "’", "-", "&", "."]), "{text}");
        }
    }

    #[test]
    fn lower_packed_lowers_every_ascii_capital_and_nothing_else() {
        for b in 0..=255u8 {
            let x = u128::from_le_bytes([b, b'Q', 0xE2, b, b'z', b'@', b'[', 0x80 | b, 0, b, 0, 0, 0, 0, 0, b]);
            let mut want = x.to_le_bytes();
            want.make_ascii_lowercase();
            assert_eq!(lower_packed(x).to_le_bytes(), want, "byte {b:#x}");
        }
    }

    #[test]
    fn name_keys_of_tokens_are_those_of_their_words() {
        // Words near the end of the text are packed without the 16-byte
        // window; long, accented and possessive words take other paths.
        let text = "O'NEIL'S Müller Ruiz’s ÉLISE Wolfeschlegelsteinhausen Lee's Kim's";
        let doc = Document::new(text);
        for i in 0..doc.tokens.len() {
            for last in [false, true] {
                assert_eq!(NameKey::at(&doc, i, last), NameKey::new(doc.tok(i), last), "{}", doc.tok(i));
            }
        }
    }

    #[test]
    fn name_keys_ignore_case_and_possessives() {
        let key = |w, last| NameKey::new(w, last);
        assert_eq!(key("Ruiz's", true), key("RUIZ", false));
        assert_eq!(key("Ruiz'S", true), key("ruiz", true));
        assert_ne!(key("Ruiz's", false), key("ruiz", false));
        // Unicode lower-casing, as `to_lowercase`.
        assert_eq!(key("ÉLISE", false), key("élise", false));
        assert_eq!(key("Núñez’s", true), key("núñez", false));
        // Capitals beside letters with no capital form.
        assert_eq!(key("MÜLLER", false), key("müller", false));
        assert_eq!(key("Müller", false), key("müller", false));
        // A curly apostrophe alone keeps the word on the packed path.
        assert_eq!(key("O’NEIL’S", true), key("o’neil", false));
        assert_eq!(key("Lee's’s", true), key("lee's", false));
        assert_ne!(key("Lee’s", false), key("lee", false));
        // Long words are compared whole.
        assert_eq!(key("Wolfeschlegelsteinhausen's", true), key("WOLFESCHLEGELSTEINHAUSEN", false));
        // The Kelvin sign lower-cases to an ASCII "k".
        assert_eq!(key("\u{212A}im", false), key("Kim", false));
        let hash = |k: &NameKey| {
            let mut h = crate::lexicon::FxHasher::default();
            k.hash(&mut h);
            h.finish()
        };
        assert_eq!(hash(&key("\u{212A}IM", false)), hash(&key("kim", false)));
        // Every byte counts: names sharing a long prefix must not all
        // collide (a text full of them would make filing quadratic).
        assert_ne!(hash(&key("Montgomeryson", false)), hash(&key("Montgomerysun", false)));
    }
}
