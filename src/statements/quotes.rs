//! Pairs quotation marks into quotations in one left-to-right pass.
//!
//! May not touch: attribution. This module only says where quoted text
//! lies. Every mark is looked at once and at most one quotation is open at
//! a time (marks of the other family inside it are nested quotes and are
//! skipped), so the pass is linear even over 100 000 marks.

use crate::text::{Document, TokenKind};
use crate::Span;

/// Longest quotation, in tokens, before an unclosed one is given up.
const MAX_QUOTE_TOKENS: usize = 4000;

/// One quotation: its content pieces (marks excluded) and the tokens of its
/// first opening and last closing mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Quote {
    /// Content pieces, one per paragraph the quotation runs over.
    pub fragments: Vec<Span>,
    /// Token of the first opening mark.
    pub open: usize,
    /// Last token of the closing mark, or one past the last content token
    /// when the quotation runs to a paragraph's end without one.
    pub close: usize,
    /// Last content token.
    pub last: usize,
    /// Number of word tokens inside.
    pub words: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

/// The mark's family and the role its glyph suggests.
fn mark(s: &str) -> Option<(Family, Role)> {
    Some(match s {
        "“" | "„" | "«" => (Family::Double, Role::Open),
        "”" | "»" => (Family::Double, Role::Close),
        "\"" => (Family::Double, Role::Either),
        "‘" | "‹" => (Family::Single, Role::Open),
        "’" | "›" => (Family::Single, Role::Close),
        "'" => (Family::Single, Role::Either),
        _ => return None,
    })
}

/// True when `i` starts a paragraph.
pub(crate) fn para_start(doc: &Document, i: usize, threshold: u8) -> bool {
    i == 0 || doc.tokens[i].newlines_before >= threshold
}

/// The newline count that separates paragraphs in this text: two when the
/// text has blank lines, else one.
pub(crate) fn para_threshold(doc: &Document) -> u8 {
    if doc.tokens.iter().any(|t| t.newlines_before >= 2) {
        2
    } else {
        1
    }
}

struct Open {
    family: Family,
    open: usize,
    /// Content start of the current piece (token index).
    piece: usize,
    fragments: Vec<Span>,
    words: usize,
}

/// Finds the quotations of the document, in order.
pub(crate) fn find(doc: &Document) -> Vec<Quote> {
    let toks = &doc.tokens;
    let threshold = para_threshold(doc);
    let mut out = Vec::new();
    let mut cur: Option<Open> = None;
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        if let Some(o) = cur.as_mut() {
            if i > o.piece && para_start(doc, i, threshold) {
                // A paragraph ends inside the quotation: it continues only if
                // the new paragraph opens with a mark of the same family.
                let piece = Span::new(toks[o.piece].span().start, toks[i - 1].span().end);
                if let Some((f, r, w)) = mark_at(doc, i) {
                    if f == o.family && r != Role::Close {
                        o.fragments.push(piece);
                        o.piece = i + w;
                        i += w;
                        continue;
                    }
                }
                let o = cur.take().unwrap();
                if !o.fragments.is_empty() {
                    // Continued at least once: the last paragraph lost its
                    // closing mark, keep what was quoted.
                    let mut fragments = o.fragments;
                    fragments.push(piece);
                    out.push(Quote { fragments, open: o.open, close: i, last: i - 1, words: o.words });
                }
            } else if i - o.open > MAX_QUOTE_TOKENS {
                cur = None;
            }
        }
        if t.kind != TokenKind::Punct {
            if let Some(o) = cur.as_mut() {
                o.words += usize::from(t.kind == TokenKind::Word);
            }
            i += 1;
            continue;
        }
        let Some((family, glyph, width)) = mark_at(doc, i) else {
            i += 1;
            continue;
        };
        let role = flank_role(doc, i, width).unwrap_or(glyph);
        // "„…“": the German closing mark looks like an English opener.
        let role = match (&cur, doc.tok(i)) {
            (Some(o), "“") if doc.tok(o.open) == "„" => Role::Close,
            _ => role,
        };
        let fresh = |i: usize| Open { family, open: i, piece: i + width, fragments: Vec::new(), words: 0 };
        match cur.as_mut() {
            None => {
                let opens = role == Role::Open || (role == Role::Either && glyph != Role::Close);
                // A single mark opens a quotation only when it is plainly one
                // (not an apostrophe).
                let plain = family == Family::Double || glyph == Role::Open || t.space_before || i == 0;
                if opens && plain {
                    cur = Some(fresh(i));
                }
            }
            Some(o) if o.family == family => {
                let closes = role == Role::Close || role == Role::Either;
                if closes && i > o.piece {
                    let o = cur.take().unwrap();
                    let mut fragments = o.fragments;
                    fragments.push(Span::new(toks[o.piece].span().start, toks[i - 1].span().end));
                    out.push(Quote { fragments, open: o.open, close: i + width - 1, last: i - 1, words: o.words });
                } else if role == Role::Open {
                    // Two openers in one paragraph: the first was stray.
                    *o = fresh(i);
                }
            }
            Some(o) => {
                if o.family == Family::Single && family == Family::Double {
                    // The "single quote" was an apostrophe; start over.
                    cur = (role != Role::Close).then(|| fresh(i));
                }
                // A single mark inside a double quotation is nested: skip.
            }
        }
        i += width;
    }
    out
}

/// The quotation mark starting at token `i`: family, the role its glyph
/// suggests, and its width in tokens (two for the typewriter pairs `''`
/// and ``` `` ``` that some archives use for double quotes).
fn mark_at(doc: &Document, i: usize) -> Option<(Family, Role, usize)> {
    // Asked for every punctuation token: the first byte of every mark is
    // one of these (0xC2 and 0xE2 lead the two- and three-byte ones).
    let first = doc.text.as_bytes()[doc.tokens[i].span().start];
    if !matches!(first, b'"' | b'\'' | b'`' | 0xC2 | 0xE2) {
        return None;
    }
    let w = doc.tok(i);
    let paired = |c: &str| i + 1 < doc.tokens.len() && doc.tok(i + 1) == c && !doc.tokens[i + 1].space_before;
    match w {
        "'" if paired("'") => Some((Family::Double, Role::Either, 2)),
        "`" if paired("`") => Some((Family::Double, Role::Open, 2)),
        _ => mark(w).map(|(f, r)| (f, r, 1)),
    }
}

/// The role a mark's surroundings give it: after a space and before a
/// word it opens, after a word and before a space it closes.
fn flank_role(doc: &Document, i: usize, width: usize) -> Option<Role> {
    let toks = &doc.tokens;
    let n = i + width;
    let before_space = toks[i].space_before || i == 0;
    let after_space = n >= toks.len() || toks[n].space_before;
    let prev_open = i > 0 && matches!(doc.tok(i - 1), "(" | "[" | "—" | "–" | "-" | ":");
    let next_punct = n < toks.len() && toks[n].kind == TokenKind::Punct && !after_space;
    match (before_space || prev_open, after_space || next_punct) {
        (true, false) => Some(Role::Open),
        (false, true) => Some(Role::Close),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<Vec<&str>> {
        let doc = Document::new(text);
        find(&doc).iter().map(|q| q.fragments.iter().map(|f| &text[f.range()]).collect()).collect()
    }

    #[test]
    fn styles() {
        assert_eq!(
            quotes("He said “yes, now.” Then «non» and „ja“ and \"ok\"."),
            vec![vec!["yes, now."], vec!["non"], vec!["ja"], vec!["ok"]]
        );
        assert_eq!(quotes("She called it ‘absurd’ on the players’ day."), vec![vec!["absurd"]]);
    }

    #[test]
    fn nested_and_paragraphs() {
        assert_eq!(quotes("“He told me ‘go’ and left.”"), vec![vec!["He told me ‘go’ and left."]]);
        assert_eq!(quotes("“First part.\n\n“Second part.”\n\nAfter."), vec![vec!["First part.", "Second part."]]);
        assert_eq!(quotes("“Stray mark.\n\nNext paragraph “real” here."), vec![vec!["real"]]);
    }

    #[test]
    fn typewriter_pairs() {
        assert_eq!(quotes("''It is over,'' he said. ``Fine.''"), vec![vec!["It is over,"], vec!["Fine."]]);
    }

    #[test]
    fn quotations_come_in_order_one_at_a_time() {
        // What `Finder::quote_of` relies on: each quotation opens after the
        // previous one closed, or on the token where an unclosed one
        // stopped (a paragraph reopening with a mark).
        for text in [
            "“Stray mark.\n\n“Next” and “more” here.\n\n“Open again\n\n“and on.”",
            "“One.\n\n“Two.\n\nThree ‘x’ and \"four\" ''five'' ‘six.",
            &"\"a\" “b\n\n".repeat(50),
        ] {
            let doc = Document::new(text);
            let found = find(&doc);
            assert!(found.len() >= 3, "{text:?}");
            for pair in found.windows(2) {
                assert!(pair[0].open <= pair[0].close && pair[0].close <= pair[1].open, "{text:?}");
            }
        }
    }

    #[test]
    fn many_marks_linear() {
        let text = "\"".repeat(100_000);
        let doc = Document::new(&text);
        assert!(find(&doc).len() <= 50_000);
    }
}
