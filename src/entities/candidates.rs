//! Candidate names from tokens: runs of capitalized words with their inner
//! connectors ("Bank of England", "Charles de Gaulle"), glued pieces
//! ("U.S.", "News.Az", "Rolls-Royce", "AT&T"), possessive "'s" left out,
//! leading function words and sentence-initial common words dropped.
//!
//! May not touch: labels. This module only says where names may be.

use super::lexicons::{self as lx, Lexicon};
use crate::lexicon::key;
use crate::text::{Document, TokenKind};
use crate::Span;
use std::collections::HashSet;

/// One candidate name.
#[derive(Clone, Debug)]
pub struct Cand {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// Bytes covered, possessive "'s" excluded.
    pub span: Span,
    /// The [`key`] of the covered text.
    pub key: String,
    /// Word keys of the name's capitalized pieces (connectors left out).
    pub words: Vec<String>,
    /// Byte spans of those pieces.
    pub pieces: Vec<Span>,
    /// On an all-capitals line (a wire headline), where capitals say nothing.
    pub caps: bool,
    /// A title stood right before it ("Senator", "Mr.") or was dropped from
    /// its start.
    pub title_before: bool,
}

/// Lower-case connectors allowed inside any name when a capitalized word
/// follows: particles of personal and place names.
const PARTICLES: &[&str] = &[
    "de", "du", "des", "da", "das", "do", "dos", "di", "del", "della", "van", "von", "der", "den",
    "ter", "ten", "le", "la", "bin", "ibn", "al", "el", "y", "af", "zu",
];

/// Connectors allowed only inside names that already carry an
/// organization, place or event keyword ("Bank of England", "Council on
/// Foreign Relations", "Ministry of Trade and Industry").
const KEYWORD_CONNECTORS: &[&str] = &["of", "for", "on", "and", "the", "&"];

/// Abbreviations inside names whose period is part of the name.
const ABBREVIATIONS: &[&str] = &[
    "Corp", "Inc", "Ltd", "Co", "Bros", "Jr", "Sr", "Cos", "Plc", "Mfg", "Intl",
];

/// Words that never open a name: articles, pronouns, conjunctions and
/// prepositions (other stop words may, as in "First Albany Corp.").
const FUNCTION: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "in",
    "on",
    "at",
    "for",
    "from",
    "by",
    "with",
    "and",
    "but",
    "or",
    "if",
    "as",
    "to",
    "of",
    "when",
    "while",
    "after",
    "before",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "there",
    "here",
    "what",
    "which",
    "who",
    "how",
    "why",
    "where",
    "although",
    "though",
    "because",
    "so",
    "then",
    "now",
    "also",
    "meanwhile",
    "however",
    "both",
    "all",
    "some",
    "many",
    "most",
];

/// Month and weekday names: never part of a name (the dates layer covers
/// them, but a name must not swallow them when it does not run).
const CALENDAR: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Token-level facts shared by candidate finding and classification.
pub struct Marks<'t> {
    /// The token is covered by a date.
    pub date: Vec<bool>,
    /// The token lies on a line written in capitals.
    pub caps_line: Vec<bool>,
    /// Lower-case forms of words seen written in lower case in the document.
    pub lower_seen: HashSet<&'t str, crate::lexicon::FxBuild>,
}

/// Computes [`Marks`] in one pass over tokens and dates.
pub fn marks<'t>(doc: &Document<'t>, dates: &[crate::TimeExpr]) -> Marks<'t> {
    let n = doc.tokens.len();
    let mut date = vec![false; n];
    for d in dates {
        let mut i = doc.token_at_or_after(d.span.start);
        while i < n && doc.tokens[i].span.end <= d.span.end {
            date[i] = true;
            i += 1;
        }
    }
    let mut caps_line = vec![false; n];
    let mut lower_seen = HashSet::default();
    let mut line_start = 0;
    for i in 0..=n {
        if i == n || (i > line_start && doc.tokens[i].newlines_before > 0) {
            let (mut upper, mut other) = (0, 0);
            for t in line_start..i {
                if doc.tokens[t].kind == TokenKind::Word {
                    let w = doc.tok(t);
                    if w.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
                        if w.chars().any(char::is_lowercase) {
                            other += 1;
                        } else {
                            upper += 1;
                        }
                    }
                }
            }
            let shouting = upper > 2 * other && (upper >= 2 || other == 0);
            if shouting {
                caps_line[line_start..i].iter_mut().for_each(|c| *c = true);
            }
            line_start = i;
        }
        if i < n && doc.tokens[i].kind == TokenKind::Word {
            let w = doc.tok(i);
            if w.chars().next().is_some_and(char::is_lowercase) && w.len() <= 40 {
                lower_seen.insert(w);
            }
        }
    }
    Marks {
        date,
        caps_line,
        lower_seen,
    }
}

fn is_cap(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

/// True for a word written wholly in capitals ("NATO", "U").
pub fn all_caps(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

fn is_calendar(w: &str) -> bool {
    CALENDAR.iter().any(|c| w.eq_ignore_ascii_case(c))
}

/// A token that may start a name piece.
fn starts_piece(doc: &Document, m: &Marks, i: usize) -> bool {
    let t = doc.tokens[i];
    let w = doc.tok(i);
    t.kind == TokenKind::Word
        && !m.date[i]
        && is_cap(w)
        && !is_calendar(strip_poss(w))
        && !is_pronoun(w, m.caps_line[i])
}

/// "I", "I've", "We're": pronouns are never names (in a headline only
/// their contracted forms are recognizable).
fn is_pronoun(w: &str, caps: bool) -> bool {
    let base = match w.find(['\'', '’']) {
        Some(p) => &w[..p],
        None if caps => return false,
        None => w,
    };
    matches!(
        base,
        "I" | "We"
            | "You"
            | "They"
            | "He"
            | "She"
            | "It"
            | "That"
            | "There"
            | "What"
            | "Who"
            | "Let"
    )
}

/// A lower-case prefix glued to a capitalized name: "al-Assad".
fn glued_particle(doc: &Document, m: &Marks, i: usize) -> bool {
    let n = doc.tokens.len();
    i + 2 < n
        && matches!(
            doc.tok(i),
            "al" | "el" | "ad" | "ash" | "as" | "bin" | "ibn" | "abu"
        )
        && doc.tok(i + 1) == "-"
        && !doc.tokens[i + 1].space_before
        && !doc.tokens[i + 2].space_before
        && starts_piece(doc, m, i + 2)
}

fn strip_poss(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .filter(|s| !s.is_empty())
        .unwrap_or(w)
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
    // Glued pieces: bounded by the token count of the piece, which only
    // grows, so the loop is linear overall.
    while j < n && !doc.tokens[j].space_before {
        let t = doc.tok(j);
        let next_glued = j + 1 < n && !doc.tokens[j + 1].space_before;
        if t == "." {
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
        if (t == "-" || t == "&") && next_glued && starts_piece(doc, m, j + 1) {
            j += 2;
            continue;
        }
        break;
    }
    // "Corp." and "Jr.": the period belongs to the abbreviation.
    if j < n
        && doc.tok(j) == "."
        && !doc.tokens[j].space_before
        && ABBREVIATIONS.contains(&doc.tok(j - 1))
    {
        j += 1;
        return Some((j, doc.tokens[j - 1].span.end, false));
    }
    let last = doc.tok(j - 1);
    let stripped = strip_poss(last);
    let poss = stripped.len() != last.len();
    let end = doc.tokens[j - 1].span.start + stripped.len();
    Some((j, end, poss))
}

/// Finds the candidate names of the document, in order, non-overlapping.
pub fn find(doc: &Document, m: &Marks, lex: &Lexicon) -> Vec<Cand> {
    let n = doc.tokens.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let Some(first) = piece(doc, m, i) else {
            i += 1;
            continue;
        };
        // Pieces: (start token, end token, byte end).
        let mut pieces = vec![(i, first.0, first.1)];
        let mut poss = first.2;
        let mut j = first.0;
        let caps = m.caps_line[i];
        let sent = doc.sentence_of[i];
        let has_keyword = |pieces: &[(usize, usize, usize)]| {
            pieces.iter().any(|&(s, _, _)| {
                lx::lexicon().is(
                    &key(doc.tok(s)),
                    lx::ORG_WORD | lx::PLACE_WORD | lx::MISC_WORD,
                )
            })
        };
        while !poss && j < n && pieces.len() < 12 {
            let t = doc.tokens[j];
            if !t.space_before || t.newlines_before > 0 || doc.sentence_of[j] != sent {
                break;
            }
            if let Some(p) = piece(doc, m, j) {
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
                Some(p) if caps == m.caps_line[k] => {
                    pieces.push((k, p.0, p.1));
                    poss = p.2;
                    j = p.0;
                }
                _ => break,
            }
        }
        i = j;
        emit(doc, m, lex, pieces, caps, &mut out);
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
    let prev = key(&doc.text[doc.tokens[pieces[pieces.len() - 1].0].span.start..prev_end]);
    (pieces[0].0..j).any(|t| matches!(doc.tok(t), "of" | "for"))
        && !lex.is(&prev, lx::PLACE | lx::ORG_NAME | lx::GIVEN)
        && j + 1 < n
        && !lex.is(&key(doc.tok(j + 1)), lx::GIVEN | lx::TITLE | lx::PLACE)
}

/// Pieces: (first token, one past the last token, byte end).
type Piece = (usize, usize, usize);

/// Turns a run of pieces into candidates: leading function words, titles
/// and sentence-initial common words are dropped ("Police said", "Mr.
/// Smith"), a run is split at an inner title ("Defence Minister Volker
/// Ruehe") or after a nationality before a person ("Australian Tom
/// Moody").
fn emit(
    doc: &Document,
    m: &Marks,
    lex: &Lexicon,
    mut pieces: Vec<Piece>,
    caps: bool,
    out: &mut Vec<Cand>,
) {
    let text = doc.text;
    let pkey = |p: &Piece| key(&text[doc.tokens[p.0].span.start..p.2]);
    let span_key = |ps: &[Piece]| key(&text[doc.tokens[ps[0].0].span.start..ps[ps.len() - 1].2]);
    // A lexicon phrase starting at the first piece protects it ("North Korea").
    let starts_phrase = |ps: &[Piece]| {
        (2..=ps.len().min(lex.max_words))
            .any(|l| lex.is(&span_key(&ps[..l]), lx::PLACE | lx::DEMONYM | lx::ORG_NAME))
    };
    let mut title_before = {
        let p = pieces[0].0;
        p > 0 && is_title(doc, lex, p - 1)
    };
    if !caps {
        let has_keyword_tail = |ps: &[Piece]| {
            ps.len() >= 2
                && ps[1..]
                    .iter()
                    .any(|p| lex.is(&pkey(p), lx::ORG_WORD | lx::MISC_WORD | lx::PLACE_WORD))
        };
        while !pieces.is_empty() {
            let p = pieces[0];
            let w = pkey(&p);
            let flags = lex.get(&w);
            if flags & (lx::PLACE | lx::DEMONYM | lx::ORG_NAME) != 0 || starts_phrase(&pieces) {
                break;
            }
            let keyword_tail = has_keyword_tail(&pieces);
            let initial = sentence_initial(doc, p.0);
            let single = p.1 == p.0 + 1;
            let is_function = FUNCTION.contains(&w.as_str());
            let keyword_head =
                pieces.len() >= 2 && flags & (lx::ORG_WORD | lx::PLACE_WORD | lx::MISC_WORD) != 0;
            let drop = if keyword_tail || keyword_head {
                is_function
            } else {
                is_function
                    || flags & (lx::STOP | lx::TITLE) != 0
                    || (initial
                        && single
                        && flags & (lx::GIVEN | lx::SURNAME) == 0
                        && (m.lower_seen.contains(w.as_str())
                            || lex.is_common(&w)
                            || (w.len() > 5 && (w.ends_with("ly") || w.ends_with("ing")))))
            };
            if !drop {
                break;
            }
            if flags & lx::TITLE != 0 {
                title_before = true;
            }
            pieces.remove(0);
        }
        // Inner titles and nationalities before a person's name.
        if pieces.len() >= 2 && !has_keyword_tail(&pieces) {
            let keys: Vec<String> = pieces.iter().map(&pkey).collect();
            let title_at = (1..pieces.len() - 1)
                .rev()
                .find(|&k| lex.is(&keys[k], lx::TITLE));
            if let Some(k) = title_at {
                let before = &pieces[..k];
                if lex.is(&span_key(before), lx::PLACE | lx::DEMONYM | lx::ORG_NAME) {
                    push(doc, before, caps, title_before, out);
                }
                push(doc, &pieces[k + 1..], caps, true, out);
                return;
            }
            if lex.is(&keys[0], lx::DEMONYM) && lex.is(&keys[1], lx::GIVEN | lx::TITLE) {
                push(doc, &pieces[..1], caps, title_before, out);
                let rest = if lex.is(&keys[1], lx::TITLE) && pieces.len() > 2 {
                    &pieces[2..]
                } else {
                    &pieces[1..]
                };
                push(doc, rest, caps, lex.is(&keys[1], lx::TITLE), out);
                return;
            }
        }
    }
    if !pieces.is_empty() {
        push(doc, &pieces, caps, title_before, out);
    }
}

fn push(doc: &Document, pieces: &[Piece], caps: bool, title_before: bool, out: &mut Vec<Cand>) {
    if pieces.is_empty() {
        return;
    }
    let start_tok = pieces[0].0;
    let span = Span::new(doc.tokens[start_tok].span.start, pieces[pieces.len() - 1].2);
    let piece_spans: Vec<Span> = pieces
        .iter()
        .map(|&(s, _, be)| Span::new(doc.tokens[s].span.start, be))
        .collect();
    let words = piece_spans.iter().map(|p| key(p.text(doc.text))).collect();
    out.push(Cand {
        first: start_tok,
        end: pieces[pieces.len() - 1].1,
        span,
        key: key(span.text(doc.text)),
        words,
        pieces: piece_spans,
        caps,
        title_before,
    });
}

/// True when token `i` opens its sentence, possibly after quotes, brackets
/// or dashes.
pub fn sentence_initial(doc: &Document, i: usize) -> bool {
    let s = &doc.sentences[doc.sentence_of[i] as usize];
    let mut k = i;
    // Bounded: at most 4 punctuation tokens are skipped.
    for _ in 0..4 {
        if k == s.tokens.start || doc.tokens[k].newlines_before > 0 {
            return true;
        }
        k -= 1;
        if doc.tokens[k].kind != TokenKind::Punct || doc.tok(k) == "," {
            return false;
        }
    }
    false
}

/// True when token `i` (with an optional period after it) is a title.
pub fn is_title(doc: &Document, lex: &Lexicon, mut i: usize) -> bool {
    if doc.tok(i) == "." && i > 0 {
        i -= 1;
    }
    doc.tokens[i].kind == TokenKind::Word && lex.is(&key(doc.tok(i)), lx::TITLE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cands(text: &str) -> Vec<String> {
        let doc = Document::new(text);
        let m = marks(&doc, &[]);
        find(&doc, &m, lx::lexicon())
            .iter()
            .map(|c| c.span.text(text).to_string())
            .collect()
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
    fn caps_lines_are_marked() {
        let text = "SOCCER - SHEARER NAMED AS ENGLAND CAPTAIN.\nThe world's best Alan Shearer.";
        let doc = Document::new(text);
        let m = marks(&doc, &[]);
        let c = find(&doc, &m, lx::lexicon());
        assert!(c[0].caps);
        assert_eq!(c.last().unwrap().span.text(text), "Alan Shearer");
        assert!(!c.last().unwrap().caps);
    }
}
