//! Tokens, sentences and paragraphs: the shared view of the text that every
//! layer reads.
//!
//! May not touch: labels, dates or statements. This module only cuts the
//! text; it decides nothing about meaning beyond where sentences end.
//!
//! Tokens are fine-grained on purpose: a word is a run of letters, marks and
//! digits (with an inner apostrophe: "don't", "O'Brien"); every other
//! non-space character is a token of its own. "U.S." is four tokens with no
//! space between them, "mid-2019" three. Layers that need a larger unit join
//! tokens using [`Token::space_before`], which keeps one general tokenizer
//! instead of one per layer.

use crate::Span;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and marks), possibly with inner apostrophes and digits, at
    /// least one letter.
    Word,
    /// Digits only.
    Number,
    /// Any single other character: punctuation, symbols, quotation marks.
    Punct,
}

/// One token: its byte span, its kind and the whitespace before it.
///
/// The offsets are stored as `u32` and read through [`Token::span`]: the
/// token array is the largest thing an analysis allocates (one token per
/// ~4.5 bytes of news text), and at 12 bytes a token instead of 24 it
/// stays twice as long in the processor's caches, which is what kept the
/// cost of a 10 MB text from growing linearly. Texts longer than
/// [`MAX_TEXT`] are tokenized up to that length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    start: u32,
    end: u32,
    /// What the token is made of.
    pub kind: TokenKind,
    /// Whitespace separates this token from the previous one (or it is the
    /// first token).
    pub space_before: bool,
    /// Number of line breaks in the whitespace before this token (capped at
    /// 255); 2 or more means a new paragraph.
    pub newlines_before: u8,
}

/// The longest text [`Document::new`] tokenizes, in bytes (4 GiB − 1):
/// token offsets are `u32`. A longer text (possible only natively: WASM
/// memory ends at 4 GiB) is analyzed up to the last character that ends
/// within this length.
pub const MAX_TEXT: usize = u32::MAX as usize;

impl Token {
    /// A token covering the bytes `span`, which must end within
    /// [`MAX_TEXT`].
    #[inline]
    pub fn new(span: Span, kind: TokenKind, space_before: bool, newlines_before: u8) -> Token {
        debug_assert!(u32::try_from(span.end).is_ok());
        Token { start: span.start as u32, end: span.end as u32, kind, space_before, newlines_before }
    }

    /// Byte span in the text.
    #[inline]
    pub fn span(self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// The token's text.
    #[inline]
    pub fn text(self, text: &str) -> &str {
        &text[self.start as usize..self.end as usize]
    }
}

/// A sentence: a range of tokens and the byte span they cover.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Indices into [`Document::tokens`].
    pub tokens: core::ops::Range<usize>,
    /// Bytes from the first token's start to the last token's end.
    pub span: Span,
}

/// The text cut into tokens, sentences and paragraphs.
#[derive(Clone, Debug)]
pub struct Document<'t> {
    /// The analyzed text.
    pub text: &'t str,
    /// All tokens, in order.
    pub tokens: Vec<Token>,
    /// All sentences, in order; together they cover every token.
    pub sentences: Vec<Sentence>,
    /// The first token of every sentence: one bit a token, where an index
    /// per token (the sentence of each) took 4 bytes a token for a question
    /// asked mostly of neighbours ("do tokens `i - 1` and `i` share a
    /// sentence?"); [`Document::sentence_of`] answers the rest.
    sentence_starts: TokenSet,
}

impl<'t> Document<'t> {
    /// Tokenizes `text` and splits it into sentences. Linear in the length.
    pub fn new(text: &'t str) -> Document<'t> {
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        let mut sentence_starts = TokenSet::new(tokens.len());
        for s in &sentences {
            sentence_starts.insert(s.tokens.start);
        }
        Document { text, tokens, sentences, sentence_starts }
    }

    /// True if token `i` is the first of its sentence (false past the
    /// last token).
    #[inline]
    pub fn starts_sentence(&self, i: usize) -> bool {
        self.sentence_starts.contains(i)
    }

    /// The index in [`Document::sentences`] of the sentence holding token
    /// `i` (a binary search: for the rarer questions that need more than
    /// [`Document::starts_sentence`]). Panics if `i` is past the last token.
    pub fn sentence_of(&self, i: usize) -> usize {
        assert!(i < self.tokens.len(), "token {i} out of range");
        self.sentences.partition_point(|s| s.tokens.end <= i)
    }

    /// The text of token `i`.
    #[inline]
    pub fn tok(&self, i: usize) -> &'t str {
        &self.text[self.tokens[i].span().range()]
    }

    /// Index of the first token whose start is at or after byte `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span().start < pos)
    }
}

/// A set of token indices, one bit a token: for the per-token flags the
/// layers keep ("inside a quotation", "already used"), a `Vec<bool>` or a
/// table of indices would take 8 to 32 times the memory, which on a long
/// text no longer stays in the processor's caches.
#[derive(Clone, Debug, Default)]
pub struct TokenSet {
    words: Vec<u64>,
}

impl TokenSet {
    /// An empty set for the tokens `0..n`.
    pub fn new(n: usize) -> TokenSet {
        TokenSet { words: vec![0; n.div_ceil(64)] }
    }

    /// Adds token `i` (which must lie within the set's `n`).
    #[inline]
    pub fn insert(&mut self, i: usize) {
        self.words[i / 64] |= 1 << (i % 64);
    }

    /// Adds the tokens of `range` (which must lie within the set's `n`).
    pub fn insert_range(&mut self, range: core::ops::Range<usize>) {
        for i in range {
            self.insert(i);
        }
    }

    /// True if token `i` is in the set (false past its `n`).
    #[inline]
    pub fn contains(&self, i: usize) -> bool {
        self.words.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 != 0)
    }
}

#[inline]
fn is_word_char(c: char) -> bool {
    // Nearly every character of an English article is ASCII: skip the
    // Unicode tables for it (same answer: no ASCII character is a mark).
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Curly quotes and dashes come next; nothing in their block (General
    // Punctuation) is a letter or digit, and its one mark is the joiner.
    if GENERAL_PUNCTUATION.contains(&c) {
        return c == '\u{200D}';
    }
    c.is_alphanumeric() || is_mark(c)
}

const GENERAL_PUNCTUATION: core::ops::RangeInclusive<char> = '\u{2000}'..='\u{206F}';

fn is_mark(c: char) -> bool {
    // Combining marks (accents typed as separate code points, Devanagari
    // vowel signs…) belong to the word they follow.
    matches!(c as u32, 0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
        || c == '\u{200D}'
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

const LETTER: u8 = 1;
const DIGIT: u8 = 2;

/// Per byte: [`LETTER`] for an ASCII letter, [`DIGIT`] for an ASCII digit,
/// 0 for everything else. One load in the tokenizer's innermost loop,
/// instead of two range tests.
static ASCII_WORD_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() {
            LETTER
        } else if c.is_ascii_digit() {
            DIGIT
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The character starting at byte `i` (a character boundary).
#[inline]
fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

/// True if the character starting at byte `i` (a boundary, or the end) is
/// alphabetic.
#[inline]
fn alphabetic_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        Some(b) if b.is_ascii() => b.is_ascii_alphabetic(),
        Some(_) => char_at(text, i).is_alphabetic(),
        None => false,
    }
}

/// Cuts `text` into tokens. Linear; never splits a character.
///
/// Walks bytes rather than characters: nearly every byte of an English
/// article is ASCII, and for those one byte comparison answers what the
/// Unicode tables would (every ASCII byte up to the space is whitespace or
/// a control character; no ASCII character is a mark). Other characters
/// are decoded and classified by the Unicode rules.
pub fn tokenize(text: &str) -> Vec<Token> {
    let text = cut_at(text, MAX_TEXT);
    let bytes = text.as_bytes();
    // News text runs about five bytes a token (measured: 4.99 on the bench
    // corpus, 5.10 on real articles); a quarter of the length leaves room
    // for denser text without the copy a doubling would make.
    let mut tokens = Vec::with_capacity(text.len() / 4 + 16);
    let mut space_before = true;
    let mut newlines: u32 = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b' ' {
            // The most common byte of all, and the simplest.
            space_before = true;
            i += 1;
            continue;
        }
        let c = if b.is_ascii() { b as char } else { char_at(text, i) };
        let len = c.len_utf8();
        let blank =
            if b.is_ascii() { b <= b' ' || b == 0x7F } else { c.is_whitespace() || c.is_control() && c != '\u{200D}' };
        if blank {
            space_before = true;
            // Every way text marks a line: LF, CRLF (counted at its LF),
            // a lone CR (old Mac files), NEL, and the Unicode line and
            // paragraph separators (a paragraph counts as two lines).
            newlines += match c {
                '\n' | '\u{85}' | '\u{2028}' => 1,
                '\r' if bytes.get(i + 1) != Some(&b'\n') => 1,
                '\u{2029}' => 2,
                _ => 0,
            };
            i += len;
            continue;
        }
        let mut end = i + len;
        let kind = if is_word_char(c) {
            // The classes seen so far, OR-ed: a LETTER bit makes a word.
            let mut seen = if c.is_alphabetic() { LETTER } else { 0 };
            while let Some(&d) = bytes.get(end) {
                let class = ASCII_WORD_CLASS[d as usize];
                if class != 0 {
                    seen |= class;
                    end += 1;
                    continue;
                }
                let d = if d.is_ascii() { d as char } else { char_at(text, end) };
                let dlen = d.len_utf8();
                if !d.is_ascii() && is_word_char(d) {
                    seen |= if d.is_alphabetic() { LETTER } else { 0 };
                    end += dlen;
                } else if is_apostrophe(d) && seen & LETTER != 0 && alphabetic_at(text, end + dlen) {
                    // Keep "don't" and "O'Brien" whole, but not the
                    // possessive "s'" at a word's end or a closing quote.
                    end += dlen;
                } else {
                    break;
                }
            }
            if seen & LETTER != 0 {
                TokenKind::Word
            } else {
                TokenKind::Number
            }
        } else {
            TokenKind::Punct
        };
        tokens.push(Token::new(Span::new(i, end), kind, space_before, newlines.min(255) as u8));
        space_before = false;
        newlines = 0;
        i = end;
    }
    tokens
}

/// `text` cut to at most `max` bytes, at a character boundary.
fn cut_at(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// True if a period after `word` does not end a sentence: titles,
/// company suffixes, month and state abbreviations, initials of "U.S.",
/// "a.m.", "i.e.". A `match` on literals compiles to a length switch and
/// fixed-size comparisons, far cheaper than scanning a list with `memcmp`.
#[rustfmt::skip] // one entry a line would take a hundred lines
fn is_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs" | "Ms" | "Dr" | "Prof" | "St" | "Sen" | "Rep" | "Gov" | "Gen" | "Col" | "Lt" | "Sgt" | "Capt"
        | "Cmdr" | "Adm" | "Maj" | "Rev" | "Hon" | "Pres" | "Supt" | "Insp" | "Jr" | "Sr" | "Mt" | "Ft" | "No"
        | "Nos" | "vs" | "etc" | "Inc" | "Corp" | "Co" | "Ltd" | "Bros" | "Jan" | "Feb" | "Mar" | "Apr" | "Jun"
        | "Jul" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov" | "Dec" | "Ave" | "Blvd" | "approx" | "Calif" | "Mass"
        | "Conn" | "Penn" | "Wash" | "Ariz" | "Fla" | "Ill" | "Mich" | "Minn" | "Ore" | "Tenn" | "Tex" | "Va"
        | "Wis" | "Ky" | "La" | "Md" | "Mo" | "Okla" | "Ala" | "Ark" | "Colo" | "Del" | "Ga" | "Kan" | "Neb" | "Nev"
        | "Vt" | "Wyo" | "Dept" | "Univ" | "Assn" | "Gov't" | "e" | "i" | "a" | "p" | "m" | "U" | "S" | "K" | "N"
        | "E" | "W" | "al"
    )
}

/// The token's only character, if it has exactly one. Matching on a
/// `char` compiles to a few comparisons, where a match on strings calls
/// `memcmp` once per candidate.
fn single_char(t: &str) -> Option<char> {
    let mut chars = t.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

fn is_sentence_end(t: &str) -> bool {
    matches!(single_char(t), Some('.' | '!' | '?' | '…'))
}

fn is_closing(t: &str) -> bool {
    matches!(single_char(t), Some('"' | '”' | '’' | '\'' | ')' | ']' | '»' | '›'))
}

/// Splits tokens into sentences: after `.`, `!`, `?` (and closing quotes or
/// brackets) when the next token starts a new sentence, and at every line
/// break unless the line plainly runs on (a wrapped line ending in a
/// lower-case word or comma and continuing in lower case).
fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    // News runs 16 to 26 tokens a sentence (measured on the bench corpus
    // and on articles of six kinds): room for one every 12 tokens spares
    // the copies of a doubling vector.
    let mut out = Vec::with_capacity(tokens.len() / 12 + 1);
    let mut start = 0;
    let n = tokens.len();
    let push = |out: &mut Vec<Sentence>, s: usize, e: usize| {
        if s < e {
            out.push(Sentence { tokens: s..e, span: Span::new(tokens[s].span().start, tokens[e - 1].span().end) });
        }
    };
    let mut i = 0;
    while i < n {
        // Line breaks.
        if i > start && tokens[i].newlines_before > 0 {
            let prev = tokens[i - 1].text(text);
            let next = tokens[i].text(text);
            let runs_on = tokens[i].newlines_before == 1 && (prev == "," || starts_lower(prev)) && starts_lower(next);
            if !runs_on {
                push(&mut out, start, i);
                start = i;
            }
        }
        // Every terminator is a punctuation token: the kind test spares
        // the string comparisons for words and numbers.
        if tokens[i].kind == TokenKind::Punct && is_sentence_end(tokens[i].text(text)) {
            let mut j = i + 1;
            while j < n
                && !tokens[j].space_before
                && (is_sentence_end(tokens[j].text(text)) || is_closing(tokens[j].text(text)))
            {
                j += 1;
            }
            if j >= n {
                break;
            }
            if tokens[j].space_before && ends_sentence_before(text, tokens, i, j) {
                push(&mut out, start, j);
                start = j;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push(&mut out, start, n);
    out
}

fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_lowercase())
}

/// Decides whether the terminator at `i` ends the sentence, given that the
/// next sentence would start at `j`.
fn ends_sentence_before(text: &str, tokens: &[Token], i: usize, j: usize) -> bool {
    let next = tokens[j].text(text);
    let first = next.chars().next().unwrap_or(' ');
    if first.is_lowercase() {
        return false;
    }
    if tokens[i].text(text) != "." || i == 0 || tokens[i].space_before {
        return true;
    }
    let prev = tokens[i - 1];
    let word = prev.text(text);
    // "U.S." / "a.m.": a single letter glued to periods.
    let glued = i >= 2 && !prev.space_before && tokens[i - 2].text(text) == ".";
    if is_abbreviation(word) {
        // "in the U.S. The …" is ambiguous; a following capital after a
        // country abbreviation usually starts a sentence only when a
        // function word follows, which we cannot see cheaply. Keep titles
        // attached (Mr. Smith) and let "U.S." end a sentence only before
        // a quote or a line break.
        return glued && tokens[j].newlines_before > 0;
    }
    // Initials: "John F. Kennedy".
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return glued && first.is_uppercase() && !next.chars().nth(1).is_some_and(|c| c == '.');
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn token_sets() {
        let mut set = TokenSet::new(130);
        set.insert_range(60..70);
        set.insert_range(129..130);
        let members: Vec<usize> = (0..200).filter(|&i| set.contains(i)).collect();
        assert_eq!(members, [60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 129]);
    }

    #[test]
    fn a_token_is_twelve_bytes() {
        // The token array's size is what keeps long texts in cache (see
        // `Token`); a field that grows it should be a decision.
        assert_eq!(core::mem::size_of::<Token>(), 12);
    }

    #[test]
    fn long_texts_are_cut_at_a_character_boundary() {
        let text = "ab\u{e9}";
        assert_eq!(cut_at(text, MAX_TEXT), text);
        assert_eq!(cut_at(text, 4), text);
        // Never inside "é" (bytes 2..4).
        assert_eq!(cut_at(text, 3), "ab");
        assert_eq!(cut_at(text, 0), "");
    }

    fn sents(text: &str) -> Vec<&str> {
        let d = Document::new(text);
        d.sentences.iter().map(|s| s.span.text(text)).collect()
    }

    #[test]
    fn words_numbers_punct() {
        assert_eq!(
            toks("Don't stop, O’Brien: U.S. mid-2019!"),
            vec!["Don't", "stop", ",", "O’Brien", ":", "U", ".", "S", ".", "mid", "-", "2019", "!"]
        );
        let t = tokenize("a 12 b");
        assert_eq!(t[1].kind, TokenKind::Number);
        assert_eq!(t[1].span(), Span::new(2, 4));
    }

    #[test]
    fn possessive_and_quote_are_separate() {
        assert_eq!(toks("the states' rights ‘yes’"), vec!["the", "states", "'", "rights", "‘", "yes", "’"]);
    }

    #[test]
    fn multibyte_spans() {
        let text = "Zoë 東京 🎉!";
        let t = tokenize(text);
        assert_eq!(t.iter().map(|t| t.text(text)).collect::<Vec<_>>(), vec!["Zoë", "東京", "🎉", "!"]);
        assert_eq!(t[1].span(), Span::new(5, 11));
    }

    #[test]
    fn sentences_and_abbreviations() {
        assert_eq!(
            sents("Mr. Smith went to Washington. He said so. John F. Kennedy spoke at 3 p.m. today."),
            vec!["Mr. Smith went to Washington.", "He said so.", "John F. Kennedy spoke at 3 p.m. today."]
        );
        assert_eq!(sents("“Go home,” he said. “Now!” She left."), vec!["“Go home,” he said.", "“Now!”", "She left."]);
    }

    #[test]
    fn lines_are_boundaries_unless_wrapped() {
        assert_eq!(
            sents("HEADLINE HERE\nThe story begins,\nand goes on.\n\nNext"),
            vec!["HEADLINE HERE", "The story begins,\nand goes on.", "Next"]
        );
    }

    #[test]
    fn newline_counts() {
        let t = tokenize("a\n\nb\nc");
        assert_eq!(t[1].newlines_before, 2);
        assert_eq!(t[2].newlines_before, 1);
    }

    /// The tokenizer as first written, one `char` at a time: the
    /// reference the byte-walking [`tokenize`] must agree with.
    fn tokenize_by_chars(text: &str) -> Vec<Token> {
        let mut tokens = Vec::new();
        let mut space_before = true;
        let mut newlines: u32 = 0;
        let mut iter = text.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            if c.is_whitespace() || c.is_control() && c != '\u{200D}' {
                space_before = true;
                newlines += match c {
                    '\n' | '\u{85}' | '\u{2028}' => 1,
                    '\r' if iter.peek().map(|&(_, d)| d) != Some('\n') => 1,
                    '\u{2029}' => 2,
                    _ => 0,
                };
                continue;
            }
            let mut end = i + c.len_utf8();
            let kind = if is_word_char(c) {
                let mut has_letter = c.is_alphabetic();
                loop {
                    match iter.peek() {
                        Some(&(_, d)) if is_word_char(d) => {
                            has_letter |= d.is_alphabetic();
                            end += d.len_utf8();
                            iter.next();
                        }
                        Some(&(j, d)) if is_apostrophe(d) => match text[j + d.len_utf8()..].chars().next() {
                            Some(n) if n.is_alphabetic() && has_letter => {
                                end = j + d.len_utf8();
                                iter.next();
                            }
                            _ => break,
                        },
                        _ => break,
                    }
                }
                if has_letter {
                    TokenKind::Word
                } else {
                    TokenKind::Number
                }
            } else {
                TokenKind::Punct
            };
            tokens.push(Token::new(Span::new(i, end), kind, space_before, newlines.min(255) as u8));
            space_before = false;
            newlines = 0;
        }
        tokens
    }

    #[test]
    fn general_punctuation_shortcut_matches_the_unicode_rule() {
        for c in GENERAL_PUNCTUATION {
            assert_eq!(is_word_char(c), c.is_alphanumeric() || is_mark(c), "{c:?}");
        }
    }

    #[test]
    fn byte_walk_agrees_with_char_walk() {
        // Pieces chosen to meet every branch: ASCII and Unicode spaces and
        // line breaks, controls, apostrophes in and after words, marks,
        // letters and digits of other scripts, emoji.
        const PIECES: &[&str] = &[
            "a", "Z", "7", "don", "'", "’", "t", " ", "\t", "\n", "\r", "\r\n", "\u{85}", "\u{a0}", "\u{2028}",
            "\u{2029}", "\u{3000}", "\u{0}", "\u{7f}", "\u{9f}", "\u{200d}", "\u{301}", "é", "ß", "東京", "٣", "Ⅻ",
            "🎉", "-", ".", "\"", "“", "$", "½", "²", "ǅ",
        ];
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..4000 {
            let mut text = String::new();
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            for _ in 0..(x >> 60) + 1 {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                text.push_str(PIECES[(x >> 33) as usize % PIECES.len()]);
            }
            assert_eq!(tokenize(&text), tokenize_by_chars(&text), "{text:?}");
        }
    }

    #[test]
    fn every_line_break_counts() {
        let lines = |text: &str| tokenize(text).iter().map(|t| t.newlines_before).collect::<Vec<_>>();
        assert_eq!(lines("a\r\n\r\nb\r\nc"), vec![0, 2, 1]);
        assert_eq!(lines("a\r\rb\rc"), vec![0, 2, 1]);
        assert_eq!(lines("a\u{2028}b\u{85}c\u{2029}d"), vec![0, 1, 1, 2]);
        assert_eq!(lines("a\r \nb"), vec![0, 2]);
        assert_eq!(
            sents("Old Mac file\rIts second line\r\rNew paragraph"),
            vec!["Old Mac file", "Its second line", "New paragraph"]
        );
    }
}
