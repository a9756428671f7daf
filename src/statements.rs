//! Attributed statements: direct quotations and reported speech, each with
//! its content, cue and source, and the speaker resolved to a named entity.
//!
//! May not touch: entity recognition itself. Reads the tokenized text, the
//! cue lexicon and the entities already found.
//!
//! The pass runs in four linear steps: quotation marks are paired
//! ([`quotes`]); each quotation looks for its attribution right after it
//! ("…,” she said) or right before it (She said: “…”), and a quotation
//! interrupted by its attribution in mid-sentence is joined to its second
//! half; then every sentence is read for reported speech around a cue from
//! `data/cues.txt` (SOURCE said (that) CONTENT; CONTENT, SOURCE said;
//! According to SOURCE, CONTENT), which becomes *mixed* when its content
//! holds a quotation; quotations left over become statements of the last
//! speaker when they read like speech, or are dropped as scare quotes.
//! A cue whose object quotes the speaker ("called the plan “a
//! disaster”") reports that object even where the cue alone would not,
//! and a directive ("urged residents to …") reports its infinitive.
//! Speakers are resolved in text order at the end ([`source`]).

mod lexicon;
mod quotes;
mod source;

use crate::entities::Entity;
use crate::text::{Document, TokenKind, TokenSet};
use crate::Span;
use lexicon::CueKind;
use quotes::Quote;
use serde::Serialize;
use source::{tok_byte, tok_is};
use std::cell::RefCell;

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

impl StatementKind {
    /// The name every output format uses (the JSON of the CLI, the objects
    /// of the WASM bindings): `"direct"`, `"indirect"`, `"mixed"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            StatementKind::Direct => "direct",
            StatementKind::Indirect => "indirect",
            StatementKind::Mixed => "mixed",
        }
    }
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
    /// written. A quotation with no attribution of its own that continues
    /// the last speaker has that speaker's last mention.
    pub source: Option<Span>,
    /// The speaker's canonical name when it can be resolved to a named
    /// entity ("He" → "Jane Doe").
    pub speaker: Option<String>,
}

/// How far (tokens) after a closing mark its attribution may start.
const AFTER_WINDOW: usize = 20;
/// How far (tokens) before an opening mark its cue may end.
const BEFORE_WINDOW: usize = 6;
/// Most tokens between an attribution's cue or source and the end of its
/// sentence for a quotation right after that sentence to join the quotation
/// before it ("“A,” said Jane Roe, 59, a nurse from Ohio. “B.”").
const ATTRIBUTION_TAIL: usize = 40;
/// Most words of a sentence before a quotation that the quotation's
/// attribution still covers.
const MAX_LEAD_IN: usize = 30;
/// Longest reported clause, in tokens.
const MAX_CONTENT_TOKENS: usize = 400;
/// How far (tokens) after a cue a quotation may open for the phrase to
/// count as reported speech ("called the city's new budget plan “a
/// disaster”").
const QUOTED_OBJECT_REACH: usize = 12;
/// How far (tokens) back a participle looks for the source it shares with
/// a statement of its sentence ("…, said Jo Ash, adding that …").
const MAX_SHARED_REACH: usize = 80;
/// Fewest words for an unattributed quotation to count as speech.
const FLOATING_MIN_WORDS: usize = 6;

/// A cue phrase found at a token: its length in tokens and what it does;
/// `None` when no cue starts there. Two bytes, as one is kept per token.
type CueHit = Option<(u8, CueKind)>;

/// An attribution: cue and source token ranges, and where it ends.
#[derive(Clone, Copy, Debug)]
struct Attr {
    cue: (usize, usize),
    source: Option<(usize, usize)>,
    end: usize,
}

struct Finder<'a> {
    doc: &'a Document<'a>,
    /// The cue phrase starting at each token, looked up once in one pass:
    /// the passes ask for most tokens, several times.
    cues: Vec<CueHit>,
    threshold: u8,
    quotes: Vec<Quote>,
    /// The tokens that lie in a quotation (marks included); which one,
    /// [`Finder::quote_of`] finds among `quotes`.
    in_quote: TokenSet,
    /// Quotation already part of a statement.
    quote_used: Vec<bool>,
    /// Tokens already used as a cue or source.
    used: TokenSet,
    /// Tokens already used as a source.
    sources: TokenSet,
    /// The last [`BEFORE_MEMO`] questions to [`source::before`] and their
    /// answers, and where the next goes: the passes ask again about a cue
    /// of the same sentence a few questions later (the closing attribution
    /// of a sentence and the reported pass, each cue of the sentence).
    before_memo: RefCell<([Option<BeforeMemo>; BEFORE_MEMO], usize)>,
}

/// A [`source::before`] question (end, floor) and its answer.
type BeforeMemo = ((usize, usize), Option<(usize, usize)>);

/// How many [`source::before`] answers the finder keeps.
const BEFORE_MEMO: usize = 8;

/// Finds the attributed statements of the document.
pub fn find(doc: &Document, entities: &[Entity]) -> Vec<Statement> {
    let quotes = quotes::find(doc);
    let mut in_quote = TokenSet::new(doc.tokens.len());
    for q in &quotes {
        in_quote.insert_range(q.open..(q.close + 1).min(doc.tokens.len()));
    }
    let lex = lexicon::get();
    let n = doc.tokens.len();
    let mut cues = Vec::with_capacity(n);
    // The marks the post and link passes look for ("@", ":"), noted in
    // the same walk: a walk of their own over every token cost more than
    // those passes' work. Token indices fit `u32` (see `text::MAX_TEXT`),
    // which halves the lists of a text made of colons.
    let mut ats: Vec<u32> = Vec::new();
    let mut colons: Vec<u32> = Vec::new();
    cues.extend((0..n).map(|i| {
        if doc.tokens[i].kind == TokenKind::Punct {
            match tok_byte(doc, i) {
                b'@' => ats.push(i as u32),
                b':' => colons.push(i as u32),
                _ => {}
            }
            return None;
        }
        lookup_cue(doc, lex, i)
    }));
    // The token each entity starts at (`token_at_or_after` its start), in
    // one walk: searched for one by one, each missed the cache on long
    // texts. Entities come sorted by position.
    let mut k = 0;
    let entity_tokens: Vec<usize> = entities
        .iter()
        .map(|e| {
            while k < n && doc.tokens[k].span().start < e.span.start {
                k += 1;
            }
            k
        })
        .collect();
    let mut f = Finder {
        doc,
        cues,
        threshold: quotes::para_threshold(doc),
        quote_used: vec![false; quotes.len()],
        quotes,
        in_quote,
        used: TokenSet::new(doc.tokens.len()),
        sources: TokenSet::new(doc.tokens.len()),
        before_memo: RefCell::new(([None; BEFORE_MEMO], 0)),
    };
    let mut found: Vec<Found> = Vec::new();
    f.direct(&mut found);
    f.reported(&mut found);
    f.posts(&ats, &mut found);
    f.floating(&mut found);
    // "READ MORE: …", "WATCH: …": a link to another story quotes its
    // headline, which the article does not report.
    let links = f.link_paragraphs(&colons);
    if !links.is_empty() {
        let mut hint = 0;
        found.retain(|st| {
            hint = source::token_near(doc, st.fragments[0].start, hint);
            !f.link_line(&links, hint)
        });
    }
    // The finder's tables (a cue per token, the quotations) are freed
    // before the resolver reads the names: the layer's memory peaks there.
    drop(f);
    found.sort_by_key(|s| (s.fragments[0].start, s.fragments.last().map(|x| x.end)));

    let mut resolver = source::Resolver::new(doc, entities, &entity_tokens);
    let mut out = Vec::with_capacity(found.len());
    let mut prev_end = 0;
    let mut last_speaker: Option<&str> = None;
    let mut last_source: Option<Span> = None;
    for s in found {
        // Drop a statement overlapping an earlier one (a quotation read both
        // as direct and inside reported speech).
        if s.fragments[0].start < prev_end {
            continue;
        }
        prev_end = s.fragments.last().unwrap().end;
        let mut source = s.source.map(|t| tokens_span(doc, t));
        let speaker = match (s.source, source) {
            (Some(tokens), Some(src)) => resolver.resolve(src, tokens).or_else(|| {
                // An unresolved description stands for itself, so that the
                // quotations continuing it keep it ("the commission").
                (!source::is_pronoun(doc, src)).then(|| &doc.text[src.range()])
            }),
            // A quotation with no attribution continues the last speaker,
            // named by the same mention.
            _ if s.cue.is_none() => {
                source = last_source.filter(|_| last_speaker.is_some());
                last_speaker
            }
            _ => None,
        };
        last_speaker = speaker;
        last_source = source;
        let span = Span::new(s.fragments[0].start, prev_end);
        let speaker = speaker.map(str::to_string);
        out.push(Statement { span, fragments: s.fragments, kind: s.kind, cue: s.cue, source, speaker });
    }
    out
}

/// The bytes the tokens `s..e` cover.
fn tokens_span(doc: &Document, (s, e): (usize, usize)) -> Span {
    Span::new(doc.tokens[s].span().start, doc.tokens[e - 1].span().end)
}

/// A statement before its speaker is resolved.
struct Found {
    fragments: Vec<Span>,
    kind: StatementKind,
    cue: Option<Span>,
    /// The source's tokens.
    source: Option<(usize, usize)>,
}

/// "—" and "–" as bytes, for scans that compare bytes.
const DASH: &[u8] = "—".as_bytes();
const EN_DASH: &[u8] = "–".as_bytes();

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…")
}

/// [`is_terminal`] of token `i`, which only a mark can be: most tokens
/// asked about are words, answered without slicing the text.
#[inline]
fn terminal_at(doc: &Document, i: usize) -> bool {
    doc.tokens[i].kind == TokenKind::Punct && is_terminal(doc.tok(i))
}

/// True when token `i` ends a sentence: a terminal mark that is not the
/// period of a title or initial ("Dr. Helen Marsh") or of an abbreviation
/// the sentence goes on after ("Raleigh, N.C., who", "(R-Fla.)", "a.m. on").
fn ends_sentence(doc: &Document, i: usize) -> bool {
    if doc.tokens[i].kind != TokenKind::Punct {
        return false;
    }
    let w = doc.tok(i);
    if !is_terminal(w) {
        return false;
    }
    if w == "." && i > 0 && i + 1 < doc.tokens.len() {
        let next = doc.tok(i + 1);
        if doc.tokens[i + 1].newlines_before == 0
            && (matches!(next, "," | ")" | "]" | ";") || next.starts_with(|c: char| c.is_lowercase()))
        {
            return false;
        }
        let prev = doc.tok(i - 1);
        let abbrev =
            prev.len() <= 3 && prev.chars().next().is_some_and(char::is_uppercase) && !doc.tokens[i].space_before;
        let next_cap = doc.tok(i + 1).chars().next().is_some_and(char::is_uppercase);
        if abbrev && next_cap && doc.tokens[i + 1].newlines_before == 0 {
            return false;
        }
    }
    true
}

/// True when token `i` starts with `stem` (lower-case ASCII) in any ASCII
/// case: `with_lower(doc.tok(i), |v| v.starts_with(stem))` on the bytes.
fn tok_starts_with(doc: &Document, i: usize, stem: &str) -> bool {
    let b = source::tok_bytes(doc, i);
    b.len() >= stem.len() && b[..stem.len()].eq_ignore_ascii_case(stem.as_bytes())
}

/// Token `i` is a verb of telling ("tell", "tells", "telling", "told"),
/// whose first object is the hearer, not what was said.
fn is_tell(doc: &Document, i: usize) -> bool {
    tok_starts_with(doc, i, "tel") || source::lower_in_at(doc, i, &["told"])
}

fn is_quote_mark(s: &str) -> bool {
    matches!(s, "“" | "”" | "\"" | "„" | "«" | "»" | "‘" | "’" | "'" | "‹" | "›")
}

/// [`is_quote_mark`] of token `i`, which only a mark can be (an
/// apostrophe inside a word is part of the word, and one that makes a
/// plural possessive, "the students' union", is no mark either).
#[inline]
fn quote_mark_at(doc: &Document, i: usize) -> bool {
    doc.tokens[i].kind == TokenKind::Punct && is_quote_mark(doc.tok(i)) && !source::plural_possessive(doc, i)
}

/// The cue phrase starting at token `i`, looked up once per token.
fn lookup_cue(doc: &Document, lex: &lexicon::Lexicon, i: usize) -> CueHit {
    let t = &doc.tokens[i];
    if t.kind != TokenKind::Word {
        return None;
    }
    // Most words are no cue: the table answers first, the context tests
    // below only for the few that are.
    let text = doc.text.as_bytes();
    let list = lex.cues_starting(text, t.span())?;
    let w = &text[t.span().range()];
    // A capitalized word inside a sentence is part of a name ("the
    // United States and Japan"), not a reporting verb, unless the
    // words go on capitalized: a title-case headline ("Mayor Says
    // Bridge Will Reopen").
    if w[0].is_ascii_uppercase()
        && i > 0
        && !(i + 1 < doc.tokens.len() && is_cap_word(doc, i + 1))
        && !doc.starts_sentence(i)
        && doc.tokens[i].newlines_before == 0
        && !quote_mark_at(doc, i - 1)
        && !matches!(doc.tok(i - 1), ":" | "(" | "—" | "–" | "-" | "[")
    {
        return None;
    }
    // "“…!” State Senator Ida Crane said": a capitalized word opening a
    // sentence or following a quotation, before another capitalized word,
    // starts a name (a title-case headline has its verb after the subject).
    if w[0].is_ascii_uppercase()
        && i > 0
        && i + 1 < doc.tokens.len()
        && is_cap_word(doc, i + 1)
        && (quote_mark_at(doc, i - 1) || doc.starts_sentence(i))
    {
        return None;
    }
    // "Secretary of State Ann Lee", "the United States": after "of", or
    // after "the" and a capitalized word, a capitalized word is a name.
    if w[0].is_ascii_uppercase()
        && i > 0
        && (doc.tok(i - 1) == "of" || i > 1 && is_cap_word(doc, i - 1) && doc.tok(i - 2).eq_ignore_ascii_case("the"))
    {
        return None;
    }
    // "the warning", "a report", "his claim": after a determiner the
    // word is a noun.
    if i > 0 && NOUN_DETERMINERS_SET.contains_at(doc, i - 1) {
        return None;
    }
    'phrase: for cue in list {
        let mut j = i + 1;
        for word in &cue.rest {
            if j >= doc.tokens.len() || !source::tok_bytes(doc, j).eq_ignore_ascii_case(word.as_bytes()) {
                continue 'phrase;
            }
            j += 1;
        }
        // Phrases are a few words; one of over 255 tokens counts as none.
        return Some((u8::try_from(j - i).ok()?, cue.kind));
    }
    None
}

impl<'a> Finder<'a> {
    /// [`source::before`], remembering the last answers.
    fn before(&self, end: usize, min: usize) -> Option<(usize, usize)> {
        let mut memo = self.before_memo.borrow_mut();
        let (answers, next) = &mut *memo;
        if let Some((_, np)) = answers.iter().flatten().find(|(key, _)| *key == (end, min)) {
            return *np;
        }
        let np = source::before(self.doc, end, min);
        answers[*next] = Some(((end, min), np));
        *next = (*next + 1) % BEFORE_MEMO;
        np
    }

    fn para_start(&self, i: usize) -> bool {
        quotes::para_start(self.doc, i, self.threshold)
    }

    /// The cue phrase starting at token `i`: its end and kind.
    #[inline]
    fn cue_at(&self, i: usize) -> Option<(usize, CueKind)> {
        // Callers probe one past the last token too ("…said" at the end).
        self.cues.get(i).copied().flatten().map(|(len, kind)| (i + usize::from(len), kind))
    }

    fn mark_used(&mut self, (s, e): (usize, usize)) {
        self.used.insert_range(s..e);
    }

    fn mark_source(&mut self, (s, e): (usize, usize)) {
        self.used.insert_range(s..e);
        self.sources.insert_range(s..e);
    }

    /// The last source already found in tokens `s..e`, within
    /// [`MAX_SHARED_REACH`] tokens of `e`.
    fn source_in(&self, s: usize, e: usize) -> Option<(usize, usize)> {
        let s = s.max(e.saturating_sub(MAX_SHARED_REACH));
        let last = (s..e).rev().find(|&k| self.sources.contains(k))?;
        let first = (s..=last).rev().take_while(|&k| self.sources.contains(k)).last()?;
        Some((first, last + 1))
    }

    /// 1 + the index of the quotation token `i` lies in (marks included),
    /// or 0. Quotations come in order, one open at a time (the next may
    /// open on the token where an unclosed one stopped, and then holds
    /// it): the last one opening at or before `i` is the only one that
    /// may hold it.
    #[inline]
    fn quote_of(&self, i: usize) -> u32 {
        if !self.in_quote.contains(i) {
            return 0;
        }
        self.quotes.partition_point(|q| q.open <= i) as u32
    }

    /// Direct quotations with an attribution next to them.
    fn direct(&mut self, out: &mut Vec<Found>) {
        let mut k = 0;
        while k < self.quotes.len() {
            let q = &self.quotes[k];
            // "Channel 9’s “Sunday Desk”", "the band's “Blue Road”": what a
            // possessive owns is a name, never speech.
            if after_possessive(self.doc, q) || attribute_value(self.doc, q) {
                k += 1;
                continue;
            }
            // A title in quotation marks is not speech, unless its speaker
            // follows at once ("“Denver,” he answered").
            let attr = match self.attr_after(q) {
                Some(a) if a.cue.0 <= q.close + 3 => Some(a),
                // …unless its cue introduces it with a comma or colon
                // ("said, “We’ll see,” when asked").
                _ if title_like(self.doc, q) => self.attr_before(q).filter(|a| {
                    q.open > 0 && matches!(tok_byte(self.doc, q.open - 1), b',' | b':') && a.cue.1 + 1 == q.open
                }),
                a => a.or_else(|| self.attr_before(q)),
            };
            let Some(attr) = attr else {
                // "“…” ― Ana Ruiz": a quotation signed with its speaker's
                // name at the end of its line.
                if let Some(name) = self.signature(q) {
                    let fragments = q.fragments.clone();
                    self.quote_used[k] = true;
                    self.mark_source(name);
                    out.push(Found { fragments, kind: StatementKind::Direct, cue: None, source: Some(name) });
                }
                k += 1;
                continue;
            };
            let mut fragments = q.fragments.clone();
            self.quote_used[k] = true;
            let mut next = k + 1;
            // "“A,” she said, “B.”": the attribution interrupts one sentence.
            if attr.end > q.close {
                // The quotation after the attribution, past a name quoted
                // inside it ("he said on Channel 9’s “Sunday Desk.” “But …”").
                let mut j = k + 1;
                while j < k + 3
                    && self.quotes.get(j).is_some_and(|t| {
                        t.open.saturating_sub(q.close) <= ATTRIBUTION_TAIL
                            && (quoted_name(self.doc, t) || after_possessive(self.doc, t))
                            && !(q.close..t.open).any(|i| ends_sentence(self.doc, i))
                    })
                {
                    j += 1;
                }
                if let Some(q2) = self.quotes.get(j) {
                    let open_ends = !terminal_at(self.doc, q.last);
                    let joined = j == k + 1
                        && q2.open > attr.end
                        && q2.open - attr.end <= ATTRIBUTION_TAIL
                        && matches!(tok_byte(self.doc, q2.open - 1), b',' | b':' | b';')
                        && !(attr.end..q2.open).any(|i| terminal_at(self.doc, i) || self.para_start(i))
                        && !self.para_start(q2.open);
                    // "“A,” she said. “B.”": the next sentence of the same
                    // paragraph goes on quoting the same speaker without a new
                    // attribution; it is one quotation split by its attribution,
                    // as with a comma. (Corpora differ here: PolNeAR joins the
                    // two, GGT makes "B" a statement of its own; measured, joining
                    // costs GGT less than it gains PolNeAR, and GGT's bars still
                    // hold — see issue #5's notes.) A quotation that opens the
                    // next paragraph stays a statement of its own that keeps the
                    // speaker (`Finder::floating`).
                    let next_sentence = q2.open > attr.end && q2.open - attr.end <= ATTRIBUTION_TAIL && {
                        // The attribution's last token, before any closing marks.
                        let mut stop = q2.open - 1;
                        while stop > attr.end && quote_mark_at(self.doc, stop) {
                            stop -= 1;
                        }
                        terminal_at(self.doc, stop)
                            && !(attr.end..stop).any(|i| ends_sentence(self.doc, i))
                            && !(attr.end..=q2.open).any(|i| self.para_start(i))
                            && self.attr_after(q2).is_none()
                    };
                    if open_ends && joined || next_sentence {
                        fragments.extend(q2.fragments.iter().copied());
                        self.quote_used[j] = true;
                        next = j + 1;
                    }
                }
            }
            let mut kind = StatementKind::Direct;
            // "Her year has been “hard but good,” she said": words of the
            // sentence before the quotation belong to what is reported.
            if attr.end > q.close && fragments.len() == 1 {
                if let Some(s0) = self.lead_in(q) {
                    fragments[0] = Span::new(self.doc.tokens[s0].span().start, fragments[0].end);
                    kind = StatementKind::Mixed;
                }
            }
            self.mark_used(attr.cue);
            if let Some(src) = attr.source {
                self.mark_source(src);
            }
            out.push(Found { fragments, kind, cue: Some(tokens_span(self.doc, attr.cue)), source: attr.source });
            k = next;
        }
    }

    /// The name that signs quotation `q`: a dash right after its closing
    /// mark, then a few capitalized words ending its line (a period may
    /// close them).
    fn signature(&self, q: &Quote) -> Option<(usize, usize)> {
        const MAX_NAME: usize = 6;
        let doc = self.doc;
        let n = doc.tokens.len();
        let dash = q.close + 1;
        if dash + 1 >= n || !matches!(doc.tok(dash), "―" | "—" | "–") || doc.tokens[dash].newlines_before > 0 {
            return None;
        }
        let start = dash + 1;
        let mut e = start;
        while e < n
            && e - start < MAX_NAME
            && doc.tokens[e].newlines_before == 0
            && (is_cap_word(doc, e) || tok_is(doc, e, b'.'))
        {
            e += 1;
        }
        while e > start && tok_is(doc, e - 1, b'.') {
            e -= 1;
        }
        let line_ends = |k: usize| k >= n || doc.tokens[k].newlines_before > 0;
        let ends = line_ends(e) || tok_is(doc, e, b'.') && line_ends(e + 1);
        (e > start && is_cap_word(doc, start) && ends).then_some((start, e))
    }

    /// The start of the sentence words that lead into a quotation ("Her
    /// year has been “…”"), if the quotation opens mid-sentence straight
    /// after a word and nothing before it in the sentence is quoted or
    /// introduced by a colon.
    fn lead_in(&self, q: &Quote) -> Option<usize> {
        let doc = self.doc;
        if q.open == 0 || doc.tokens[q.open - 1].kind != TokenKind::Word || self.para_start(q.open) {
            return None;
        }
        let s0 = doc.sentences[doc.sentence_of(q.open)].tokens.start;
        if s0 + 2 > q.open || q.open - s0 > MAX_LEAD_IN {
            return None;
        }
        // A cue among them makes them a report of their own ("While she has
        // said her plan is “bold,” …"), left to the reported pass.
        let clean = (s0..q.open).all(|k| {
            !self.in_quote.contains(k)
                && !self.used.contains(k)
                && !tok_is(doc, k, b':')
                && (k == s0 || !self.para_start(k))
                && !self.cue_at(k).is_some_and(|(_, kind)| kind != CueKind::Nominal)
        });
        clean.then_some(s0)
    }

    /// "…,” she said" / "…,” said Smith" / "…” according to Smith".
    fn attr_after(&self, q: &Quote) -> Option<Attr> {
        let doc = self.doc;
        let n = doc.tokens.len();
        let start = q.close + 1;
        if start >= n || self.para_start(start) {
            return None;
        }
        // "“yellow vest” protests": a quotation followed straight by words
        // is a name or a scare quote, unless its speaker follows at once.
        let last = doc.tok(q.last);
        let speechlike =
            is_terminal(last) || matches!(last, "," | "—" | "–") || matches!(doc.tok(start), "," | "—" | "–");
        let new_sentence = is_terminal(last) && is_cap_word(doc, start);
        let mut limit = start;
        while limit < n && limit - start < AFTER_WINDOW {
            if (limit > start && self.para_start(limit))
                || ends_sentence(doc, limit)
                || quote_mark_at(doc, limit)
                || tok_is(doc, limit, b';')
            {
                break;
            }
            limit += 1;
        }
        let mut i = start;
        while i < limit {
            if let Some((ce, kind)) = self.cue_at(i) {
                let ce = ce.min(limit);
                match kind {
                    CueKind::According => {
                        let src = source::after(doc, ce, limit)?;
                        return Some(Attr { cue: (i, ce), source: Some(src), end: src.1 });
                    }
                    CueKind::Nominal => {}
                    // "“…” on Twitter, writing “…”": a participle after the
                    // quotation introduces what follows it.
                    CueKind::Strong | CueKind::Weak if i > start && doc.tok(i).ends_with("ing") => return None,
                    CueKind::Strong | CueKind::Weak => {
                        let before = self.before(i, start);
                        // Without speech-like punctuation, only a speaker
                        // named right after the mark attributes the quote.
                        let adjacent = before.is_some_and(|b| b.0 == start && kind == CueKind::Strong);
                        if !speechlike && !adjacent && (kind != CueKind::Strong || i > start + 3) {
                            return None;
                        }
                        if let Some(src) = before {
                            // "“… won.” He said the race …": a new sentence
                            // whose cue goes on to words of its own reports
                            // those, not the quotation.
                            // A comma after a cue right after the mark ends the
                            // attribution too ("“…!” Moss shouted, waving"), unless a quotation
                            // follows it, which the cue introduces ("“…” He
                            // adds, “…”").
                            let comma = src.0 == start
                                && !(src.0..src.1).any(|k| tok_is(doc, k, b','))
                                && ce + 1 < limit
                                && tok_is(doc, ce, b',')
                                && !quote_mark_at(doc, ce + 1);
                            // "“Are there prizes?” Lee asked before going
                            // out": a subordinate clause after the cue.
                            let subordinate = ce < limit
                                && src.0 == start
                                && source::lower_in_at(doc, ce, &["before", "after", "while", "as", "when", "during"]);
                            // A short tail closes the attribution ("He said
                            // Monday."), an object does not ("The minister
                            // praised the report.").
                            let object = ce < limit && NOT_INFINITIVE_SET.contains_at(doc, ce);
                            let closes = limit < n && terminal_at(doc, limit) && limit - ce <= 4 && !object
                                || comma
                                || subordinate;
                            if new_sentence && !closes {
                                return None;
                            }
                            // "“…,” he has made clear it won't …": a cue with a
                            // clause of its own reports that clause.
                            let clause = ce < limit
                                && (doc.tok(ce).eq_ignore_ascii_case("that")
                                    || source::with_lower(doc.tok(ce), |l| SUBJECT_PRONOUNS.contains(&l)));
                            if clause {
                                return None;
                            }
                            // "“…,” and Ann Lee vowed …": a coordinated
                            // clause reports something of its own.
                            let joined = src.0 > start && source::lower_in_at(doc, src.0 - 1, &["and", "but", "while"]);
                            if joined {
                                return None;
                            }
                            return Some(Attr { cue: (i, ce), source: Some(src), end: self.tail(ce, limit) });
                        }
                        if i == start || (i == start + 1 && tok_is(doc, start, b',')) {
                            let src = source::after(doc, ce, limit);
                            // "…,” said the budget was late": a phrase
                            // followed by a verb is the subject of a clause
                            // the cue reports, not its speaker; after "told"
                            // it is the hearer ("told listeners that …").
                            let tell = is_tell(doc, i);
                            let clause = src.is_some_and(|(_, b)| {
                                b < limit && source::with_lower(doc.tok(b), |l| is_auxiliary(l) || tell && l == "that")
                            });
                            if clause {
                                return None;
                            }
                            let end = src.map_or(ce, |s| s.1);
                            return Some(Attr { cue: (i, ce), source: src, end: self.tail(end, limit) });
                        }
                    }
                }
                i = ce.max(i + 1);
            } else {
                i += 1;
            }
        }
        None
    }

    /// Skips an attribution's tail ("in an interview", "on Tuesday") up to
    /// the next comma or colon within `limit`.
    fn tail(&self, from: usize, limit: usize) -> usize {
        let mut j = from;
        while j < limit && !matches!(tok_byte(self.doc, j), b',' | b':' | b';') {
            j += 1;
        }
        j
    }

    /// "She said: “…”" / "Smith told reporters, “…”".
    fn attr_before(&self, q: &Quote) -> Option<Attr> {
        let doc = self.doc;
        if q.open == 0 {
            return None;
        }
        let mut p = q.open;
        let punct = matches!(tok_byte(doc, p - 1), b':' | b',');
        if punct {
            p -= 1;
        }
        if self.para_start(q.open) || p == 0 {
            return None;
        }
        // The cue ends within a few tokens before p.
        let floor = p.saturating_sub(BEFORE_WINDOW + 4);
        let mut i = p;
        while i > floor {
            i -= 1;
            let w = doc.tok(i);
            if is_terminal(w)
                || is_quote_mark(w)
                || w.eq_ignore_ascii_case("that")
                || self.para_start(i + 1) && i + 1 < p
            {
                // A sentence end, another quotation, a "that" clause (the
                // quote is then inside reported speech) or the previous
                // paragraph: no attribution of this quotation.
                return None;
            }
            if let Some((ce, kind)) = self.cue_at(i) {
                if ce > p || self.used.contains(i) {
                    continue;
                }
                let tail = p - ce;
                if !(punct && tail <= BEFORE_WINDOW || tail <= 1) {
                    return None;
                }
                // "says he “fumbled into” medicine": a subject between the
                // cue and the quotation opens a reported clause that quotes
                // some words (mixed, found by the reported pass).
                if !punct && tail == 1 {
                    let w = doc.tok(ce);
                    let it = w.eq_ignore_ascii_case("it") && kind == CueKind::Strong;
                    if it || source::with_lower(w, |l| SUBJECT_PRONOUNS.contains(&l)) {
                        return None;
                    }
                }
                // "said “it gets me mad” every time he …": a quotation that
                // opens mid-clause straight after a strong cue, with the
                // clause going on after it, is part of a reported clause
                // (mixed, found by the reported pass).
                if !punct && tail == 0 && kind == CueKind::Strong && self.clause_goes_on(q) {
                    return None;
                }
                let para = (0..=i).rev().take(200).find(|&j| self.para_start(j)).unwrap_or(0);
                let sent_start = doc.sentences[doc.sentence_of(i)].tokens.start.max(para);
                let src = match kind {
                    CueKind::According => source::after(doc, ce, p),
                    CueKind::Nominal => None,
                    // "…, calling it “…”": a participle after a comma takes
                    // the sentence's subject.
                    _ if i > sent_start
                        && (tok_is(doc, i - 1, b',') || comma_quote_before(doc, i, sent_start))
                        && doc.tok(i).ends_with("ing") =>
                    {
                        self.subject(sent_start, i - 1)
                    }
                    // "Roe praised the plan and added, “…”": a second verb
                    // shares the subject of the first.
                    _ if i > sent_start + 1 && source::lower_in_at(doc, i - 1, &["and", "but"]) => {
                        self.before(i, sent_start).or_else(|| self.subject(sent_start, i - 1))
                    }
                    _ => self.before(i, sent_start).or_else(|| source::after(doc, ce, p)),
                };
                src?;
                return Some(Attr { cue: (i, ce), source: src, end: q.close });
            }
        }
        None
    }

    /// True when `q` opens in lower case and the words of its sentence go
    /// on after its closing mark ("“it gets me mad” every time …").
    fn clause_goes_on(&self, q: &Quote) -> bool {
        let doc = self.doc;
        let after = q.close + 1;
        q.open + 1 < doc.tokens.len()
            && doc.tokens[q.open + 1].kind == TokenKind::Word
            && !is_cap_word(doc, q.open + 1)
            && after < doc.tokens.len()
            && doc.tokens[after].kind == TokenKind::Word
            && !self.para_start(after)
            && !terminal_at(doc, q.last)
            && self.cue_at(after).is_none()
    }

    /// Reported speech in every sentence.
    fn reported(&mut self, out: &mut Vec<Found>) {
        for si in 0..self.doc.sentences.len() {
            let s = self.doc.sentences[si].tokens.clone();
            if s.is_empty() {
                continue;
            }
            // Skip sentences lying inside a used quotation.
            let q = self.quote_of(s.start);
            if q != 0 && self.quote_used[q as usize - 1] && self.quote_of(s.end - 1) == q {
                continue;
            }
            // Headlines and link lines ("WATCH: Trudeau says …") are not
            // reported speech of the article: its sentences end in
            // punctuation.
            let last = self.doc.tok(s.end - 1);
            if !(is_terminal(last) || is_quote_mark(last) || matches!(last, ")" | "]")) {
                continue;
            }
            // A photo caption ("… said the road was closed. (Ann Lee/CBC)")
            // describes a picture; corpora do not count it as reported
            // speech.
            if self.credit_at(s.end) {
                continue;
            }
            // "CONTENT, she said.": the sentence's last cue, when it closes
            // the sentence, attributes everything before it, whatever
            // verbs the content holds ("Canada has asked …, she said").
            if let Some(st) = self.closing_attribution(s.clone(), out) {
                out.push(st);
                continue;
            }
            let mut i = s.start;
            while i < s.end {
                // Most tokens are no cue: the cue table answers before
                // the sets of used and quoted tokens.
                let cue = self.cue_at(i).filter(|_| !self.used.contains(i) && !self.in_quote.contains(i));
                match cue {
                    Some((ce, kind)) if ce <= s.end => {
                        if let Some(st) = self.reported_at(s.clone(), i, ce, kind, out) {
                            // Go on after the content: ", adding that …"
                            // is a statement of its own.
                            let next = source::token_near(self.doc, st.fragments[0].end, ce).max(ce);
                            out.push(st);
                            i = next;
                            continue;
                        }
                        i = ce;
                    }
                    _ => i += 1,
                }
            }
        }
    }

    /// The first tokens of the paragraphs that open with a link label and
    /// a colon ("READ MORE:", "Watch:"), in order. Found from the colons
    /// (`colons`, the colon tokens in order), which are few: walking back from each statement to its paragraph's
    /// start cost the layer a fifth of its time.
    fn link_paragraphs(&self, colons: &[u32]) -> Vec<usize> {
        let doc = self.doc;
        let mut out: Vec<usize> = Vec::new();
        for c in colons.iter().map(|&c| c as usize) {
            // The paragraph start the label would open at, if it does.
            let start = LINK_LABELS.iter().find_map(|label| {
                let p = c.checked_sub(label.split(' ').count())?;
                (self.para_start(p) && label.split(' ').zip(p..c).all(|(w, k)| doc.tok(k).eq_ignore_ascii_case(w)))
                    .then_some(p)
            });
            if let Some(p) = start.filter(|&p| out.last() != Some(&p)) {
                out.push(p);
            }
        }
        out
    }

    /// True when token `i` lies in a paragraph that opens at one of the
    /// `links` ([`Finder::link_paragraphs`]) at most 200 tokens before it.
    fn link_line(&self, links: &[usize], i: usize) -> bool {
        const MAX_BACK: usize = 200;
        let Some(&p) = links[..links.partition_point(|&p| p <= i)].last() else {
            return false;
        };
        i - p <= MAX_BACK && !(p + 1..=i).any(|k| self.para_start(k))
    }

    /// True when tokens `s..e` are only a phrase fronted before a clause
    /// ("With 30 seats at stake", "And yet", "Though he is gaining"):
    /// a preposition or subordinator opening them with no comma after it,
    /// or no word but connectives.
    fn adverbial(&self, s: usize, e: usize) -> bool {
        let doc = self.doc;
        let mut k = s;
        while k < e && (source::lower_in_at(doc, k, CONNECTIVES) || tok_is(doc, k, b',')) {
            k += 1;
        }
        let words = (k..e).filter(|&j| doc.tokens[j].kind == TokenKind::Word).take(2).count();
        // A comma after the fronted phrase opens the clause it leads into
        // ("In fact, neither plan would …").
        // "Speaking in Vaughan, Ont., on Thursday morning": commas of a
        // place, and no verb of a clause.
        let fronting = FRONTING_SET.contains_at(doc, k);
        let participle = is_cap_word(doc, k) && doc.tok(k).ends_with("ing");
        let comma = || (k..e).any(|j| tok_is(doc, j, b',') && !self.in_quote.contains(j));
        let verb = || {
            (k + 1..e).any(|j| source::with_lower(doc.tok(j), |l| is_auxiliary(l) || l.len() > 4 && l.ends_with("ed")))
        };
        // A gerund may be the subject of a whole clause ("Being in office
        // can be hard").
        words < 2 || fronting && (!comma() || !verb()) || participle && comma() && !verb()
    }

    /// True when a photo credit starts at token `i`: a short parenthesis
    /// on the same line naming a photographer and an agency with a slash
    /// ("(Ann Lee/The Canadian Press)").
    fn credit_at(&self, i: usize) -> bool {
        let doc = self.doc;
        const MAX_CREDIT: usize = 14;
        if i + 3 >= doc.tokens.len() || !tok_is(doc, i, b'(') || !is_cap_word(doc, i + 1) {
            return false;
        }
        let end = (i + 1..doc.tokens.len().min(i + MAX_CREDIT)).find(|&k| {
            doc.tokens[k].newlines_before > 0 || matches!(doc.tok(k), ")" | "(" | "." | "!" | "?" | "“" | "\"")
        });
        end.is_some_and(|k| tok_is(doc, k, b')') && (i + 2..k).any(|j| tok_is(doc, j, b'/')))
    }

    fn closing_attribution(&mut self, s: core::ops::Range<usize>, out: &mut Vec<Found>) -> Option<Found> {
        let doc = self.doc;
        let from = s.end.saturating_sub(10).max(s.start + 3);
        let (i, ce) = (from..s.end).rev().find_map(|i| match self.cue_at(i) {
            Some((ce, CueKind::Strong))
                if ce <= s.end
                    && !self.used.contains(i)
                    && !self.in_quote.contains(i)
                    && !doc.tok(i).ends_with("ing") =>
            {
                Some((i, ce))
            }
            _ => None,
        })?;
        let np = self.before(i, s.start);
        let comma = tok_is(doc, i - 1, b',') || np.is_some_and(|np| np.0 > s.start && tok_is(doc, np.0 - 1, b','));
        if !comma {
            return None;
        }
        self.reported_at(s, i, ce, CueKind::Strong, out)
    }

    /// The end of a sentence's content: before its final punctuation, or at
    /// the end of a quotation it closes with.
    fn content_end(&self, start: usize, end: usize) -> usize {
        let doc = self.doc;
        // The reported clause ends where a new attribution starts: ", and
        // added …", ", saying …", ", according to …", or at a semicolon.
        // A clause is bounded: a sentence with no punctuation in a huge
        // text must not make every cue rescan it.
        let end = end.min(start + MAX_CONTENT_TOKENS);
        let mut e = end;
        for k in start + 1..end {
            // Bytes, not text: the scan reads every token of the clause.
            let w = source::tok_bytes(doc, k);
            if w == b";" {
                e = k;
                break;
            }
            // "… a “fraud” and called for …": a second reporting verb
            // joined by "and" starts a report of its own.
            if k + 1 < end
                && (w.eq_ignore_ascii_case(b"and") || w.eq_ignore_ascii_case(b"but"))
                && !tok_is(doc, k - 1, b',')
                && !self.in_quote.contains(k)
                && self.cue_at(k + 1).is_some_and(|(_, kind)| matches!(kind, CueKind::Strong | CueKind::Weak))
                && !doc.tok(k + 1).ends_with("ing")
            {
                e = k;
                break;
            }
            if matches!(w, b"," | b":" | DASH | EN_DASH) && k + 1 < end {
                let mut j = k + 1;
                // "“…,” and Ann Lee vowed": past a closing mark.
                if quote_mark_at(doc, j) && self.in_quote.contains(k) && self.quote_of(j) == self.quote_of(k) {
                    j += 1;
                }
                let joiner = j < end && source::lower_in_at(doc, j, &["and", "but", "while", "whereas"]);
                if joiner && j + 1 < end {
                    j += 1;
                }
                // ": she notes that …", ", and Ann Lee vowed …" — a
                // pronoun or a name and a cue open a new attribution as
                // surely as a cue alone.
                let mut n = j;
                if n < end && source::lower_in_at(doc, n, &["he", "she", "they", "we", "i"]) {
                    n += 1;
                    // ", he has made clear …".
                    while n < end && n - j < 3 && source::lower_in_at(doc, n, AUX_BEFORE_CUE) {
                        n += 1;
                    }
                } else {
                    while n < end && n - j < 4 && is_cap_word(doc, n) && !self.in_quote.contains(n) {
                        n += 1;
                    }
                    // ", while 22 percent said …": a short plain phrase
                    // before a strong cue.
                    if n == j && joiner {
                        while n < end
                            && n - j < 3
                            && matches!(doc.tokens[n].kind, TokenKind::Word | TokenKind::Number)
                            && self.cue_at(n).is_none()
                        {
                            n += 1;
                        }
                        if !self.cue_at(n.min(end - 1)).is_some_and(|(_, kind)| kind == CueKind::Strong) {
                            n = j;
                        }
                    }
                }
                if n > j
                    && n < end
                    && self.cue_at(n).is_some_and(|(_, kind)| matches!(kind, CueKind::Strong | CueKind::Weak))
                    && !doc.tok(n).ends_with("ing")
                {
                    j = n;
                }
                let cue_here = self.cue_at(j).is_some_and(|(_, kind)| kind != CueKind::Nominal);
                if cue_here && !self.in_quote.contains(j) && (w == b"," || j > k + 1) {
                    e = k;
                    break;
                }
            }
        }
        while e > start && (terminal_at(doc, e - 1) || matches!(tok_byte(doc, e - 1), b')' | b']')) {
            e -= 1;
        }
        e
    }

    fn reported_at(
        &mut self,
        s: core::ops::Range<usize>,
        i: usize,
        ce: usize,
        kind: CueKind,
        extra: &mut Vec<Found>,
    ) -> Option<Found> {
        let doc = self.doc;
        let cue = (i, ce);
        let comma_before = i > s.start && tok_is(doc, i - 1, b',');
        let (content, src) = match kind {
            CueKind::Nominal => return None,
            CueKind::According => {
                let src = source::after(doc, ce, s.end)?;
                let lead = i - s.start <= 1;
                if lead {
                    let mut c = src.1;
                    if c < s.end && tok_is(doc, c, b',') {
                        c += 1;
                    }
                    ((c, self.content_end(c, s.end)), src)
                } else if comma_before {
                    ((s.start, i - 1), src)
                } else {
                    return None;
                }
            }
            CueKind::Strong | CueKind::Weak => {
                // "…, and Ann Lee, who says …": the relative pronoun stands
                // for the name before it.
                let who = i > s.start + 2
                    && doc.tok(i - 1).eq_ignore_ascii_case("who")
                    && tok_is(doc, i - 2, b',')
                    && kind == CueKind::Strong;
                let np = if who { self.before(i - 1, s.start) } else { self.before(i, s.start) };
                // CONTENT, SOURCE said (tail).
                if let Some(np) = np {
                    if np.0 > s.start + 2 && tok_is(doc, np.0 - 1, b',') && kind == CueKind::Strong {
                        let tail_ok = s.end - ce <= 8 && self.content_start(i, ce, s.end, kind).is_none();
                        if tail_ok && self.agent(np) && !self.adverbial(s.start, np.0 - 1) {
                            return self.emit(s.start, np.0 - 1, Some(cue), Some(np));
                        }
                    }
                }
                // CONTENT, said SOURCE — unless all before the comma is the
                // subject ("Ann Lee, a nurse, said the ward …").
                let subject_first = np.is_some_and(|np| np.0 == s.start);
                if comma_before
                    && kind == CueKind::Strong
                    && i > s.start + 2
                    && !doc.tok(i).ends_with("ing")
                    && !subject_first
                {
                    if let Some(src) = source::after(doc, ce, s.end) {
                        // "…, said he is worried": a pronoun after the
                        // verb is the subject of the reported clause unless
                        // the sentence ends with it.
                        let rest = s.end - src.1;
                        let pronoun = source::is_pronoun(doc, tokens_span(self.doc, src));
                        // A phrase ending the sentence need not be named
                        // ("…, said a few residents."); a name may go on
                        // with an apposition ("…, said Paul Grey, a
                        // professor of politics at …").
                        // (The phrase may end the text: `src.1` is then
                        // one past the last token.)
                        let apposition = src.1 < doc.tokens.len()
                            && matches!(tok_byte(doc, src.1), b',' | b'(')
                            && is_cap_word(doc, src.1 - 1)
                            && !pronoun;
                        if (rest <= 8 || apposition) && !(pronoun && rest > 1) && (source::named(doc, src) || rest <= 1)
                        {
                            return self.emit(s.start, i - 1, Some(cue), Some(src));
                        }
                    }
                }
                // "SOURCE criticized the plan, saying CONTENT": a participle
                // after a comma takes the sentence's subject as its source.
                // "CONTENT, said Rep. Jo Ash, adding that …": a statement
                // of the sentence before it gives the participle its source.
                let participle = doc.tok(i).ends_with("ing");
                // "issued a statement Tuesday saying …": a participle on a
                // message its subject sent.
                let on_message = participle && {
                    let mut k = i;
                    while k > s.start + 1 && is_day_word(doc.tok(k - 1)) {
                        k -= 1;
                    }
                    k > s.start + 1 && source::lower_in_at(doc, k - 1, MESSAGES)
                };
                if participle && (comma_before || comma_quote_before(doc, i, s.start) || on_message) {
                    let subject = self.source_in(s.start, i).or_else(|| self.subject(s.start, i - 1));
                    let c = self
                        .content_start(i, ce, s.end, CueKind::Strong)
                        .or_else(|| self.quoted_object(i, ce, s.end))?;
                    let e = self.content_end(c, s.end);
                    return self.emit(c, e, Some(cue), subject);
                }
                // "SOURCE said A, and added B": a second verb shares the
                // subject of the sentence's statement before it.
                if np.is_none() && i > s.start && source::lower_in_at(doc, i - 1, &["and", "but"]) {
                    let shared = extra.last().and_then(|f| {
                        let src = f.source?;
                        (src.0 >= s.start && f.fragments.last()?.end <= doc.tokens[i].span().start).then_some(src)
                    });
                    if let Some(np) = shared {
                        let c = self.content_start(i, ce, s.end, kind).or_else(|| self.quoted_object(i, ce, s.end))?;
                        let e = self.content_end(c, s.end);
                        return self.emit(c, e, Some(cue), Some(np));
                    }
                    // "The spokesman declined to comment but said …": the
                    // second verb of the sentence's subject.
                    if i > s.start + 2 {
                        if let Some(subject) = self.subject(s.start, i - 1) {
                            // A weak cue reports here only a quoted object ("and
                            // vowed to punish “those who leak”").
                            let c = match kind {
                                CueKind::Strong => self
                                    .content_start(i, ce, s.end, kind)
                                    .or_else(|| self.quoted_object(i, ce, s.end))?,
                                _ => self.quoted_object(i, ce, s.end)?,
                            };
                            let e = self.content_end(c, s.end);
                            return self.emit(c, e, Some(cue), Some(subject));
                        }
                    }
                }
                // SOURCE said (that) CONTENT.
                let np = np?;
                // A document reports only what it states outright ("the
                // lawsuit argues that …", "the memo said the plan was
                // “flawed”"), not what it shows or estimates.
                let document = !self.agent(np);
                // "the examiner's report would …": after a possessive the
                // cue word is a noun, which reports only with "that"
                // ("her claim that …").
                let last = doc.tok(np.1 - 1);
                let possessive = is_possessive(last);
                if possessive && !(ce < s.end && doc.tok(ce).eq_ignore_ascii_case("that")) {
                    return None;
                }
                let clause_start = np.0 == s.start
                    || who
                    || matches!(doc.tok(np.0 - 1), "," | "—" | "–" | ":" | ";" | "(")
                    // A dateline: "LONDON (Reuters) - Ann Lee said …".
                    || tok_is(doc, np.0 - 1, b'-') && doc.tokens[np.0].space_before
                    // "On “Sunday Desk,” Sen. Ann Lee said …".
                    || np.0 > s.start + 1 && quote_mark_at(doc, np.0 - 1) && tok_is(doc, np.0 - 2, b',')
                    // "… and Smith says", "because he said": a
                    // coordinated or subordinate clause of its own.
                    || source::lower_in_at(doc, np.0 - 1, CLAUSE_JOINERS)
                    || (np.0 == s.start + 1 && doc.tokens[s.start].kind == TokenKind::Word)
                    // "In late March the firm announced …": a
                    // short fronted phrase with no comma.
                    || np.0 <= s.start + 6 && FRONTING_SET.contains_at(doc, s.start);
                if !clause_start {
                    return None;
                }
                // "A, he says, B": GGT-style, the words before the
                // interruption are a statement of their own, and B need not
                // open with a subject ("…, he says, and are mostly …").
                let interrupted =
                    np.0 > s.start + 1 && tok_is(doc, np.0 - 1, b',') && ce + 1 < s.end && tok_is(doc, ce, b',');
                let c = match self.content_start(i, ce, s.end, kind) {
                    Some(c) => c,
                    None if interrupted => ce + 1,
                    None => self.quoted_object(i, ce, s.end)?,
                };
                let mut e = self.content_end(c, s.end);
                if who {
                    // "Ann Lee, who says it works, …": the relative clause
                    // ends at its comma.
                    if let Some(k) = (c..e).find(|&k| tok_is(doc, k, b',') && !self.in_quote.contains(k)) {
                        e = k;
                    }
                }
                let states = kind == CueKind::Strong
                    && (doc.tok(c).eq_ignore_ascii_case("that") || (c..e).any(|k| self.in_quote.contains(k)));
                if document && !states {
                    return None;
                }
                if interrupted {
                    let first = if self.adverbial(s.start, np.0 - 1) {
                        None
                    } else {
                        self.emit(s.start, np.0 - 1, Some(cue), Some(np))
                    };
                    if let Some(first) = first {
                        extra.push(first);
                    }
                }
                ((c, e), np)
            }
        };
        self.emit(content.0, content.1, Some(cue), Some(src))
    }

    /// The subject of the clause `s..e`: its first name or pronoun that
    /// does not follow a preposition ("On Tuesday, the mayor …").
    fn subject(&self, s: usize, e: usize) -> Option<(usize, usize)> {
        let doc = self.doc;
        let s = dateline_end(doc, s, e);
        // "In an interview with Ann Lee last year, Tom Roe said …",
        // "Appearing before supporters, Suu Kyi …": a fronted phrase ends
        // at a comma, and the subject follows one; names inside the phrase
        // are no subject.
        let fronted =
            e > s + 2 && (FRONTING_SET.contains_at(doc, s) || is_cap_word(doc, s) && doc.tok(s).ends_with("ing"));
        if fronted {
            let after_comma = (s + 1..e.min(s + 30)).find_map(|k| {
                (tok_is(doc, k - 1, b',') && !self.in_quote.contains(k)).then(|| self.subject_at(s, k, e)).flatten()
            });
            if let Some(found) = after_comma {
                return found;
            }
        }
        (s..e.min(s + 30)).find_map(|k| self.subject_at(s, k, e)).flatten()
    }

    /// [`Finder::subject`] when it starts at token `k`: `None` when no
    /// subject starts there, `Some(None)` when one does but names nobody.
    fn subject_at(&self, s: usize, k: usize, e: usize) -> Option<Option<(usize, usize)>> {
        let doc = self.doc;
        {
            let after_prep = k > s
                && source::lower_in_at(
                    doc,
                    k - 1,
                    &["in", "on", "at", "to", "for", "with", "from", "by", "of", "about", "after", "before"],
                );
            let candidate = doc.tokens[k].kind == TokenKind::Word
                && (is_cap_word(doc, k) || matches!(doc.tok(k), "he" | "she" | "they" | "it" | "we"));
            // A description opening the clause: "The union rejected …",
            // "For months, the council ignored …".
            let description = (k == s && matches!(doc.tok(k), "The" | "A" | "An")
                || k > s && tok_is(doc, k - 1, b',') && matches!(doc.tok(k), "the" | "a" | "an"))
                && k + 1 < e
                && doc.tokens[k + 1].kind == TokenKind::Word;
            let lead = !description && lead_word_at(doc, k);
            if (candidate || description) && !after_prep && !lead {
                // "The diocese issued a statement, saying …": the subject
                // ends at its verb.
                return Some(
                    source::after(doc, k, e)
                        .map(|(a, b)| {
                            // A name ends at its first lower-case word
                            // ("Mr. Lane struck a …"), a description at
                            // its verb.
                            let mut name = is_cap_word(doc, a) && !NOUN_DETERMINERS_SET.contains_at(doc, a);
                            // "Norwegian foreign ministry spokeswoman Ida Berg
                            // shot back": past the name's last capital.
                            let mut from =
                                if name { (a..b).rev().find(|&j| is_cap_word(doc, j)).unwrap_or(a) } else { a };
                            // "Kenya's central bank left …": a possessive
                            // name opens a description ("He's" is no
                            // possessive).
                            let w = doc.tok(from);
                            let contraction = source::lower_in(
                                w.split(['\'', '’']).next().unwrap_or(w),
                                &["he", "she", "it", "that", "there", "here", "who", "what", "where", "let"],
                            );
                            if name && is_possessive(w) && !contraction {
                                name = false;
                                from = a;
                            }
                            let verb = (from + 1..b).find(|&j| {
                                let w = doc.tok(j);
                                doc.tokens[j].kind == TokenKind::Word
                                    && !is_cap_word(doc, j)
                                    && (name && !source::with_lower(w, |l| source::NAME_JOINERS.contains(&l))
                                        || w.len() > 4 && w.ends_with("ed"))
                            });
                            (a, verb.unwrap_or(b))
                        })
                        .filter(|&x| source::named(doc, x)),
                );
            }
        }
        None
    }

    /// Where a reported phrase starts when the cue's object quotes the
    /// speaker's words ("called the plan “a disaster”", "described the
    /// talks as “very useful”", "said he was “encouraged” by it"): right
    /// after the cue, when a quotation that is no title opens within a few
    /// words of it and lies inside the reported clause. The quoted words
    /// make the object speech even where the cue alone would not.
    fn quoted_object(&self, i: usize, ce: usize, end: usize) -> Option<usize> {
        let doc = self.doc;
        let mut c = ce;
        if is_tell(doc, i) && c < end {
            // The hearer is no part of what was said: "telling viewers …".
            c = source::after(doc, c, end).map_or(c, |o| o.1);
        }
        while c < end && matches!(tok_byte(doc, c), b',' | b':') {
            c += 1;
        }
        if c >= end
            || quote_mark_at(doc, c)
            || doc.tokens[c].kind != TokenKind::Word
            // "what she described as “a step”": the object came before.
            || doc.tok(c).eq_ignore_ascii_case("as")
        {
            // A quotation right after the cue is direct speech, found by
            // the direct pass.
            return None;
        }
        let e = self.content_end(c, end);
        let limit = e.min(c + QUOTED_OBJECT_REACH);
        let k = (c..limit).find(|&k| self.in_quote.contains(k))?;
        let qk = self.quote_of(k) as usize - 1;
        let q = &self.quotes[qk];
        (q.close < e + 1 && !title_like(doc, q) && !self.quote_used[qk]).then_some(c)
    }

    /// Where the reported clause starts after a cue: at "that" a few words
    /// on, or (for strong cues) right after the cue and any channel
    /// ("told reporters", "in a statement").
    fn content_start(&self, i: usize, ce: usize, end: usize, kind: CueKind) -> Option<usize> {
        let doc = self.doc;
        let tell = is_tell(doc, i);
        let plain_say = source::lower_in_at(doc, i, &["said", "says", "say", "saying", "told", "tells", "tell"]);
        let mut c = ce;
        if tell && c < end && !doc.tok(c).eq_ignore_ascii_case("that") {
            // The hearer: "told reporters", "told The Associated Press".
            c = source::hearer(doc, c, end).unwrap_or(c);
        }
        // The channel and the time: "in a statement", ", on Tuesday,".
        for _ in 0..6 {
            if c >= end {
                break;
            }
            let w = doc.tok(c);
            if matches!(w, "," | ":") || is_day_word(w) {
                c += 1;
            } else if w.eq_ignore_ascii_case("on") && c + 1 < end && is_day_word(doc.tok(c + 1)) {
                c += 2;
            } else if let Some(t) = time_phrase(doc, c, end) {
                // "said last week that …", "stated in July it …".
                c = t;
            } else if let Some((ne, CueKind::Nominal)) = self.cue_at(c) {
                c = ne;
            } else {
                break;
            }
        }
        if c >= end {
            return None;
        }
        if doc.tok(c).eq_ignore_ascii_case("that") {
            return Some(c);
        }
        // A place or channel before "that": "said in Ottawa that …", "says
        // on its website that …", "told a briefing in Beijing that …".
        if source::with_lower(doc.tok(c), |l| PLACE_PREPOSITIONS.contains(&l) || l == "with") {
            let limit = end.min(c + 12);
            for k in c + 1..limit {
                let w = doc.tok(k);
                if w.eq_ignore_ascii_case("that") {
                    return Some(k);
                }
                // "in his area a bust that …": a second noun phrase not
                // opened by a preposition makes "that" a relative pronoun.
                let det = source::lower_in(w, &["a", "an", "the", "his", "her", "its", "their"]);
                let after_prep =
                    source::lower_in_at(doc, k - 1, PLACE_PREPOSITIONS) || doc.tok(k - 1).eq_ignore_ascii_case("with");
                // "at a stop in Toledo, Ohio, that …": a comma inside a
                // place name.
                let place_comma = w == "," && is_cap_word(doc, k - 1) && k + 1 < end && is_cap_word(doc, k + 1)
                    || w == "," && k + 1 < end && doc.tok(k + 1).eq_ignore_ascii_case("that");
                let word = doc.tokens[k].kind == TokenKind::Word || place_comma;
                if !word || self.in_quote.contains(k) || det && !after_prep {
                    break;
                }
            }
        }
        if let Some(k) = self.directive(i, ce, c, end) {
            return Some(k);
        }
        if kind != CueKind::Strong {
            return None;
        }
        let first = doc.tok(c);
        // Without "that", the content must read as a clause: a finite verb
        // or auxiliary soon after its start ("said the plan was…", not
        // "added the drug to its list"); after verbs other than say and
        // tell, it must also open with a subject that cannot be an object
        // ("added he would stay", not "added a goal").
        // "argued the new fence had nothing to do with it": verbs that
        // rarely take a plain object report a clause opening with a
        // determiner, given a verb in it (checked below).
        let clause_verb = CLAUSE_VERBS.iter().any(|stem| tok_starts_with(doc, i, stem));
        let det = source::lower_in(first, &["the", "a", "an", "his", "her", "their", "its"]);
        let subject = plain_say
            || clause_verb && det
            || is_cap_word(doc, c)
            || source::lower_in(first, &["he", "she", "it", "they", "we", "i", "you", "there", "this", "these"]);
        if !subject {
            return None;
        }
        let subordinate =
            || source::lower_in(first, &["when", "if", "because", "after", "before", "while", "although"]);
        // "said more than a million donors gave": a quantity opens a clause.
        let quantity =
            source::lower_in(first, &["more", "less"]) && c + 1 < end && doc.tok(c + 1).eq_ignore_ascii_case("than");
        let bad = NOT_CLAUSE_START_SET.contains(first) && !(plain_say && subordinate()) && !quantity
            || doc.tokens[c].kind == TokenKind::Punct && !is_quote_mark(first);
        // At least three words, or a subject pronoun and a verb ("said he
        // would").
        let pronoun_verb = plain_say
            && source::lower_in(first, &["he", "she", "they", "we", "i"])
            && c + 1 < end
            && source::with_lower(doc.tok(c + 1), is_auxiliary);
        if bad || !pronoun_verb && (c..end).filter(|&k| doc.tokens[k].kind == TokenKind::Word).nth(2).is_none() {
            return None;
        }
        let finite = || {
            (c..end.min(c + 10)).any(|k| {
                source::with_lower(doc.tok(k), |w| {
                    // "won’t" is "won't".
                    let w: std::borrow::Cow<str> =
                        if w.contains('’') { w.replace('’', "'").into() } else { w.into() };
                    (k > c && w.ends_with("ed") && w.len() > 4) || is_auxiliary(&w)
                })
            })
        };
        // "said Friday, after the vote": a conjunction before a determiner
        // may be a preposition; it opens a clause only with a verb.
        let phrase = || subordinate() && c + 1 < end && NOT_INFINITIVE_SET.contains_at(doc, c + 1);
        // "saying he understood …": a subject pronoun opens a clause.
        let pronoun = || {
            source::with_lower(first.split(['\'', '’']).next().unwrap_or(first), |l| {
                matches!(l, "he" | "she" | "they" | "we" | "i")
            })
        };
        (plain_say && !phrase() || pronoun() || finite()).then_some(c)
    }

    /// "urged residents to conserve water", "told staff never to …": a
    /// directive's content is the infinitive after its addressee (`c` is
    /// where the addressee or the infinitive starts). A passive ("was
    /// asked to leave") or a verb with no addressee ("asked to speak")
    /// directs nobody.
    fn directive(&self, i: usize, ce: usize, c: usize, end: usize) -> Option<usize> {
        let doc = self.doc;
        if !DIRECTIVES_SET.contains_at(doc, i) || i > 0 && PASSIVE_SET.contains_at(doc, i - 1) {
            return None;
        }
        let limit = end.min(c + 12);
        for k in c.max(ce + 1)..limit {
            let w = doc.tok(k);
            if is_terminal(w) || w == ";" || self.in_quote.contains(k) {
                return None;
            }
            if w.eq_ignore_ascii_case("to") && k + 1 < end {
                let verb = doc.tokens[k + 1].kind == TokenKind::Word
                    && !is_cap_word(doc, k + 1)
                    && !NOT_INFINITIVE_SET.contains_at(doc, k + 1);
                if !verb {
                    return None;
                }
                let negated = source::lower_in_at(doc, k - 1, &["not", "never"]);
                return Some(if negated { k - 1 } else { k });
            }
        }
        None
    }

    /// A source that can speak: not a document or a number ("the study
    /// estimated that …" is reported by PolNeAR, not by GGT-style speech).
    fn agent(&self, (s, e): (usize, usize)) -> bool {
        // "Jane Roe, an author of the study, said": the head is the
        // name before the apposition, not the apposition's last word.
        let doc = self.doc;
        let e = match (s..e).find(|&k| tok_is(doc, k, b',')) {
            Some(c)
                if c > s
                    && (s..c).all(|k| {
                        doc.tokens[k].kind != TokenKind::Word
                            || is_cap_word(doc, k)
                            || source::lower_in_at(doc, k, source::NAME_JOINERS)
                    }) =>
            {
                c
            }
            _ => e,
        };
        let w = self.doc.tok(e - 1);
        // "Musk's tweet said": the possessor is not the source phrase.
        !is_possessive(w) && lexicon::get().non_agents.get(w).is_none()
    }

    /// Builds a reported statement over tokens `s..e`, making it mixed when
    /// it holds a quotation and direct when it is one.
    fn emit(&mut self, s: usize, e: usize, cue: Option<(usize, usize)>, src: Option<(usize, usize)>) -> Option<Found> {
        let doc = self.doc;
        let mut s = s;
        let mut e = e;
        while s < e && matches!(doc.tok(s), "," | ":" | "—" | "–") {
            s += 1;
        }
        // "Still, prices rose, he said": a sentence connective links the
        // report to the article, it is not part of what was said.
        if s + 2 < e && is_cap_word(doc, s) && source::lower_in_at(doc, s, CONNECTIVES) {
            s += if tok_is(doc, s + 1, b',') { 2 } else { 1 };
        }
        while e > s && matches!(doc.tok(e - 1), "," | ":" | "—" | "–" | ";") {
            e -= 1;
        }
        if s >= e || (s..e).filter(|&k| doc.tokens[k].kind == TokenKind::Word).nth(1).is_none() {
            return None;
        }
        // "Last week, a claim was filed": a time phrase is no statement.
        if time_phrase(doc, s, e).is_some_and(|t| t >= e) {
            return None;
        }
        // A quotation cut by the sentence end runs to its closing mark.
        let last_q = self.quote_of(e - 1);
        let mut has_quote = false;
        let mut whole = false;
        if last_q != 0 {
            let q = &self.quotes[last_q as usize - 1];
            e = e.max(q.close);
        }
        // The content never takes in its own source (a closing mark found
        // past the source, in text with stray marks).
        if let Some((a, b)) = src.filter(|&(a, b)| a < e && b > s) {
            if a > s {
                e = a;
            } else {
                s = b;
            }
            if s >= e {
                return None;
            }
        }
        let first_q = self.quote_of(s);
        if first_q != 0 && first_q == last_q {
            let q = &self.quotes[first_q as usize - 1];
            whole = q.open == s && q.close + 1 >= e;
        }
        let mut k = s;
        while k < e {
            let q = self.quote_of(k);
            if q != 0 {
                has_quote = true;
                self.quote_used[q as usize - 1] = true;
                k = self.quotes[q as usize - 1].close.max(k) + 1;
            } else {
                k += 1;
            }
        }
        // Content ends inside a closing mark, and starts after an opening one.
        let mut start = doc.tokens[s].span().start;
        let mut end = doc.tokens[e - 1].span().end;
        if quote_mark_at(doc, s) && s + 1 < e {
            start = doc.tokens[s + 1].span().start;
        }
        if quote_mark_at(doc, e - 1) && e - 1 > s {
            end = doc.tokens[e - 2].span().end;
        }
        if let Some(c) = cue {
            self.mark_used(c);
        }
        if let Some(x) = src {
            self.mark_source(x);
        }
        let kind = if whole {
            StatementKind::Direct
        } else if has_quote {
            StatementKind::Mixed
        } else {
            StatementKind::Indirect
        };
        Some(Found {
            fragments: vec![Span::new(start, end.max(start))],
            kind,
            cue: cue.map(|c| tokens_span(self.doc, c)),
            source: src,
        })
    }

    /// Embedded social-media posts: a paragraph ending in "— Name
    /// (@handle) Date" reports its text, up to any link, as said by Name.
    /// `ats` are the "@" tokens, in order.
    fn posts(&mut self, ats: &[u32], out: &mut Vec<Found>) {
        const MAX_NAME: usize = 8;
        const MAX_POST: usize = 120;
        let doc = self.doc;
        let n = doc.tokens.len();
        for k in ats.iter().map(|&k| k as usize) {
            if k < 1
                || k + 2 >= n
                || !tok_is(doc, k - 1, b'(')
                || !tok_is(doc, k + 2, b')')
                || doc.tokens[k].space_before
            {
                continue;
            }
            // The name back to its dash.
            let floor = (k - 1).saturating_sub(MAX_NAME);
            let Some(dash) = (floor..k - 1).rev().find(|&j| matches!(doc.tok(j), "—" | "―" | "–" | "-")) else {
                continue;
            };
            let name = (dash + 1, k - 1);
            if name.0 >= name.1 || !(name.0..name.1).all(|j| is_cap_word(doc, j) || tok_is(doc, j, b'.')) {
                continue;
            }
            // The post: back to its paragraph's start or a markup tag.
            let floor = dash.saturating_sub(MAX_POST);
            let mut start = dash;
            while start > floor && !self.para_start(start) && !tok_is(doc, start - 1, b'>') {
                start -= 1;
            }
            if !self.para_start(start) && !tok_is(doc, start.saturating_sub(1), b'>') {
                continue;
            }
            // Up to a link ("pic.twitter.com/…", "https://t.co/…").
            let link = (start..dash).find(|&j| {
                let w = doc.tok(j);
                j + 2 < dash && (w.ends_with("pic") && tok_is(doc, j + 1, b'.') && doc.tok(j + 2) == "twitter")
                    || matches!(w, "http" | "https") && tok_is(doc, j + 1, b':')
            });
            let end = link.unwrap_or(dash);
            if (start..end).any(|j| self.used.contains(j)) {
                continue;
            }
            if let Some(st) = self.emit(start, end, None, Some(name)) {
                out.push(st);
            }
        }
    }

    /// Quotations with no attribution of their own: a continuation of the
    /// last speaker when they read like speech, else scare quotes.
    fn floating(&mut self, out: &mut Vec<Found>) {
        let doc = self.doc;
        for k in 0..self.quotes.len() {
            if self.quote_used[k] {
                continue;
            }
            let q = &self.quotes[k];
            if attribute_value(doc, q) {
                continue;
            }
            let starts_para = self.para_start(q.open);
            let last = q.last;
            let sentence_like = terminal_at(doc, last) || tok_is(doc, last, b',');
            // A short quotation is speech when it is a whole sentence of
            // its own ("… ,” she said. “That was enough.”); scare quotes
            // sit inside a sentence.
            let whole_sentence = q.words >= 2
                && q.open + 1 < doc.tokens.len()
                && is_cap_word(doc, q.open + 1)
                && terminal_at(doc, last)
                && (starts_para || q.open > 0 && (terminal_at(doc, q.open - 1) || quote_mark_at(doc, q.open - 1)));
            if whole_sentence || q.words >= FLOATING_MIN_WORDS && (starts_para || sentence_like) {
                out.push(Found {
                    fragments: q.fragments.clone(),
                    kind: StatementKind::Direct,
                    cue: None,
                    source: None,
                });
            }
        }
    }
}

/// True when a comma and a closing mark come right before token `i`
/// (“… of “New York values,” saying …”), not before `floor`.
fn comma_quote_before(doc: &Document, i: usize, floor: usize) -> bool {
    i >= floor + 2 && quote_mark_at(doc, i - 1) && tok_is(doc, i - 2, b',')
}

#[inline]
fn is_cap_word(doc: &Document, i: usize) -> bool {
    source::is_cap(doc, i)
}

/// True when `w` ends in a possessive "'s" ("the mayor's", "Musk’s").
fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s")
}

/// True when `q` opens right after a possessive ("Channel 9’s “Sunday
/// Desk”", "the states' “rights”").
fn after_possessive(doc: &Document, q: &Quote) -> bool {
    let Some(prev) = q.open.checked_sub(1) else { return false };
    let w = doc.tok(prev);
    let apostrophe = |i: usize| matches!(doc.tok(i), "'" | "’") && !doc.tokens[i].space_before;
    if w.len() > 2 && (is_possessive(w) || w.ends_with("’S") || w.ends_with("'S")) {
        return true;
    }
    // "Channel 9's", "states' “rights”": the apostrophe is a token of its own.
    let s_after_apostrophe =
        matches!(w, "s" | "S") && !doc.tokens[prev].space_before && prev > 0 && apostrophe(prev - 1);
    s_after_apostrophe || (apostrophe(prev) && prev > 0 && doc.tok(prev - 1).ends_with(['s', 'S']))
}

/// True when `q` is the value of a markup attribute pasted with the text
/// (`timestamp="1454346000"`): its opening mark follows "=".
fn attribute_value(doc: &Document, q: &Quote) -> bool {
    q.open > 0 && tok_is(doc, q.open - 1, b'=') && !doc.tokens[q.open].space_before
}

/// True when `q` quotes a short name (a programme, a title: "Sunday
/// Desk.") — at most six words, the first capitalized — which may carry
/// the period of the sentence it ends.
fn quoted_name(doc: &Document, q: &Quote) -> bool {
    // The first seven words at most: a seventh makes it no name.
    let mut words = (q.open + 1..=q.last).filter(|&k| doc.tokens[k].kind == TokenKind::Word).take(7);
    words.next().is_some_and(|first| is_cap_word(doc, first)) && words.count() < 6
}

/// True when a quotation reads as a name or title ("the station's “Today” show",
/// an app called “Pocket Pulse”): a [`quoted_name`] with no sentence
/// punctuation at its end, whose other words are capitalized or short.
fn title_like(doc: &Document, q: &Quote) -> bool {
    !terminal_at(doc, q.last)
        && quoted_name(doc, q)
        && (q.open + 1..=q.last)
            .filter(|&k| doc.tokens[k].kind == TokenKind::Word)
            .skip(1)
            .all(|k| is_cap_word(doc, k) || doc.tok(k).len() <= 3)
}

/// Labels of a line that links to another story or a video.
const LINK_LABELS: &[&str] = &["read more", "watch", "related", "video", "photos", "see also", "listen", "read"];

/// Verbs that direct someone to act ("urged residents to …"), in every
/// inflection; only those that are cues in `data/cues.txt` are reached.
const DIRECTIVES: &[&str] = &[
    "urge",
    "urges",
    "urged",
    "urging",
    "ask",
    "asks",
    "asked",
    "asking",
    "advise",
    "advises",
    "advised",
    "advising",
    "remind",
    "reminds",
    "reminded",
    "reminding",
    "tell",
    "tells",
    "told",
    "telling",
    "warn",
    "warns",
    "warned",
    "warning",
    "encourage",
    "encourages",
    "encouraged",
    "encouraging",
    "implore",
    "implores",
    "implored",
    "imploring",
    "instruct",
    "instructs",
    "instructed",
    "instructing",
    "beg",
    "begs",
    "begged",
    "begging",
];

/// Stems of reporting verbs that take a clause far more often than a
/// plain object ("argued", "alleges", "insisted").
const CLAUSE_VERBS: &[&str] = &["argu", "alleg", "insist", "contend", "assert", "claim"];

/// Where the story starts in a sentence that opens with a dateline
/// ("NAIROBI, Kenya (AP) — The bank …", "LONDON, Nov 28 (Reuters) - …"):
/// after the dash that ends a line-initial place in capitals, within a
/// few tokens; `s` when there is none. The place names no speaker.
fn dateline_end(doc: &Document, s: usize, e: usize) -> usize {
    let caps = doc.tokens[s].kind == TokenKind::Word && {
        let w = doc.tok(s);
        w.len() >= 2 && !w.bytes().any(|b| b.is_ascii_lowercase())
    };
    if !caps || (s > 0 && doc.tokens[s].newlines_before == 0) {
        return s;
    }
    (s + 1..e.min(s + 14))
        .find(|&k| {
            matches!(doc.tok(k), "—" | "–" | "-" | "--")
                && doc.tokens[k].space_before
                && doc.tokens.get(k + 1).is_some_and(|t| t.space_before)
        })
        .map_or(s, |k| k + 1)
}

/// Messages a participle may describe ("a statement saying …").
const MESSAGES: &[&str] = &[
    "statement",
    "notice",
    "letter",
    "release",
    "note",
    "email",
    "e-mail",
    "memo",
    "message",
    "video",
    "tweet",
    "post",
    "ad",
    "op-ed",
    "speech",
    "filing",
    "petition",
];

/// Auxiliaries and adverbs between a pronoun and its cue ("she has also
/// said").
const AUX_BEFORE_CUE: &[&str] = &["has", "had", "have", "also", "later", "then", "again", "will", "would", "had"];

/// Sentence connectives that open a reported sentence without being
/// reported ("Still, …", "But …").
const CONNECTIVES: &[&str] =
    &["but", "and", "so", "still", "however", "meanwhile", "yet", "also", "instead", "indeed", "overall", "plus"];

/// Determiners after which a cue word is a noun ("the warning").
const NOUN_DETERMINERS: &[&str] =
    &["the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your", "whose"];
static NOUN_DETERMINERS_SET: lexicon::WordSet = lexicon::WordSet::new(NOUN_DETERMINERS);
static LEAD_WORDS_SET: lexicon::WordSet = lexicon::WordSet::new(LEAD_WORDS);

/// Token `i` opens a sentence without naming anyone: a word of
/// [`LEAD_WORDS`] or of [`FRONTING`].
fn lead_word_at(doc: &Document, i: usize) -> bool {
    FRONTING_SET.contains_at(doc, i) || LEAD_WORDS_SET.contains_at(doc, i)
}

/// Pronouns that can only be subjects, alone or with a contracted verb.
const SUBJECT_PRONOUNS: &[&str] = &[
    "he",
    "she",
    "they",
    "we",
    "i",
    "he's",
    "she's",
    "they're",
    "we're",
    "i'm",
    "it's",
    "he’s",
    "she’s",
    "they’re",
    "we’re",
    "i’m",
    "it’s",
];

/// Auxiliaries of a passive ("was asked to …").
const PASSIVE: &[&str] = &["was", "were", "is", "are", "be", "been", "being", "get", "got"];

/// The lists asked about for every cue, behind a quick filter.
static DIRECTIVES_SET: lexicon::WordSet = lexicon::WordSet::new(DIRECTIVES);
static PASSIVE_SET: lexicon::WordSet = lexicon::WordSet::new(PASSIVE);
static NOT_INFINITIVE_SET: lexicon::WordSet = lexicon::WordSet::new(NOT_INFINITIVE);
static NOT_CLAUSE_START_SET: lexicon::WordSet = lexicon::WordSet::new(NOT_CLAUSE_START);
static FRONTING_SET: lexicon::WordSet = lexicon::WordSet::new(FRONTING);

/// Words after "to" that make it a preposition, not an infinitive.
const NOT_INFINITIVE: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "him",
    "them", "us", "me", "it", "all", "any", "some", "each", "every", "no",
];

/// Prepositions of a place or channel between a cue and "that".
const PLACE_PREPOSITIONS: &[&str] = &["in", "on", "at", "during", "from", "to", "before", "after"];

/// Words after which a source opens a clause of its own ("… and Smith
/// said", "because he said"); "if" and "unless" are left out, as a
/// conditional report is no statement.
const CLAUSE_JOINERS: &[&str] = &[
    "and", "but", "so", "because", "while", "although", "though", "as", "since", "yet", "after", "before", "when",
    "until", "once",
];

/// Words that open a phrase fronted before a clause's subject and ended
/// by a comma ("In a statement on Monday, …", "When asked, …").
const FRONTING: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "when",
    "while",
    "during",
    "since",
    "as",
    "if",
    "for",
    "with",
    "without",
    "from",
    "by",
    "under",
    "among",
    "amid",
    "despite",
    "through",
    "until",
    "once",
    "because",
    "although",
    "though",
    "following",
    "asked",
    "speaking",
];

/// Capitalized words that open a sentence without naming anyone, besides
/// the openers of a fronted phrase ([`FRONTING`], asked as well; see
/// [`lead_word_at`]).
const LEAD_WORDS: &[&str] = &[
    "but",
    "and",
    "so",
    "also",
    "meanwhile",
    "however",
    "last",
    "this",
    "earlier",
    "later",
    "the",
    "a",
    "an",
    "oh",
    "yes",
    "no",
    "well",
    "now",
    "then",
    "still",
    "instead",
    "indeed",
    "even",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "minutes",
    "moments",
    "according",
    "that",
];

/// Words that cannot open a reported clause.
const NOT_CLAUSE_START: &[&str] = &[
    "to",
    "in",
    "on",
    "by",
    "for",
    "with",
    "about",
    "of",
    "at",
    "from",
    "and",
    "or",
    "as",
    "so",
    "goodbye",
    "yes",
    "no",
    "when",
    "if",
    "whether",
    "what",
    "how",
    "why",
    "because",
    "after",
    "before",
    "while",
    "until",
    "yet",
    "just",
    "up",
    "out",
    "down",
    "off",
    "back",
    "over",
    "into",
    "against",
    "more",
    "less",
    "nothing",
    "something",
];

/// `AUXILIARIES.contains(&w)` by one hash lookup: asked for ten words
/// after every cue.
fn is_auxiliary(w: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&str, crate::lexicon::FxBuild>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| AUXILIARIES.iter().copied().collect()).contains(w)
}

/// Auxiliaries and common finite verbs that show a clause.
const AUXILIARIES: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "has",
    "have",
    "had",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "did",
    "does",
    "do",
    "won't",
    "wouldn't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "didn't",
    "doesn't",
    "don't",
    "can't",
    "couldn't",
    "hasn't",
    "haven't",
    "shouldn't",
    "it's",
    "he's",
    "she's",
    "they're",
    "we're",
    "i'm",
    "there's",
    "that's",
    "needs",
    "wants",
    "plans",
    "remains",
    "makes",
    "takes",
    "gets",
    "knows",
    "feels",
    "thinks",
    "believes",
    "expects",
    "hopes",
    "went",
    "came",
    "made",
    "took",
    "got",
    "saw",
    "gave",
    "left",
    "kept",
    "felt",
    "thought",
    "knew",
    "became",
    "began",
];

/// Words naming when something was said, skipped between a cue and its
/// content ("said Tuesday that").
/// The end of a short time phrase starting at token `i` ("last week", "in
/// July", "earlier this month", "on March 3"), if one starts there.
pub(crate) fn time_phrase(doc: &Document, i: usize, end: usize) -> Option<usize> {
    const OPENERS: &[&str] = &["last", "this", "next", "earlier", "late", "early", "in", "on"];
    const UNITS: &[&str] = &[
        "week",
        "month",
        "year",
        "weekend",
        "morning",
        "afternoon",
        "evening",
        "night",
        "spring",
        "summer",
        "fall",
        "autumn",
        "winter",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sept",
        "sep",
        "oct",
        "nov",
        "dec",
    ];
    let is = |k: usize, list: &[&str]| k < end && source::lower_in_at(doc, k, list);
    if !is(i, OPENERS) {
        return None;
    }
    let mut k = i + 1;
    // "earlier this month", "late last week".
    if is(k, &["this", "last", "next"]) {
        k += 1;
    }
    if !(is(k, UNITS) || k < end && is_day_word(doc.tok(k)) && !is(k, &["also", "again"])) {
        return None;
    }
    // Months are capitalized; "may" and "march" in lower case are verbs.
    let w = doc.tok(k);
    let month = w.len() > 2 && w.chars().next().is_some_and(char::is_uppercase);
    if !month && is(k, &["may", "march"]) {
        return None;
    }
    k += 1;
    // "March 3", "Jan. 3", "July 2019".
    if k < end && tok_is(doc, k, b'.') && month {
        k += 1;
    }
    if k < end && doc.tokens[k].kind == TokenKind::Number {
        k += 1;
    }
    Some(k)
}

/// A weekday or a word like "today", "recently", "also".
fn is_day_word(w: &str) -> bool {
    source::with_lower(w, |l| {
        matches!(
            l,
            "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "today"
                | "yesterday"
                | "tonight"
                | "morning"
                | "afternoon"
                | "evening"
                | "recently"
                | "earlier"
                | "later"
                | "again"
                | "also"
        )
    })
}
