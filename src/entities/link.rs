//! The document agrees with itself: one label per name (the evidence of all
//! its mentions summed), a surname or first name alone follows the full
//! name it belongs to, an acronym defined in parentheses follows its
//! expansion, names in all-capitals headlines are read against the lexicons
//! and the names of the body; every mention gets its entity's longest name.
//!
//! May not touch: the text's tokens beyond the candidates' surroundings.
//! Every table here is keyed by name and every lookup is bounded, so the
//! work stays linear in the number of candidates.

use super::candidates::{all_caps, Cand};
use super::classify::{best, opening_prep, score, DocFacts, Scores, L, M, O, P};
use super::lexicons::{self as lx, Lexicon};
use super::{Entity, EntityLabel};
use crate::lexicon::key;
use crate::lexicon::FxBuild;
use crate::text::Document;
use crate::Span;
use std::collections::{HashMap, HashSet};

type Map<K, V> = HashMap<K, V, FxBuild>;

/// How often a name must recur alone, without any personal evidence, to be
/// taken for an organization.
const LONE_MENTIONS: u32 = 3;

/// Personal evidence a full name ending in an ordinary word needs to lend
/// its label to its parts: a listed surname (1.0) or more, where a name of
/// two unknown words has 0.5.
const WEAK_PERSON: f32 = 1.0;

const LABELS: [EntityLabel; 4] = [EntityLabel::Person, EntityLabel::Org, EntityLabel::Place, EntityLabel::Misc];

/// Words of a person's name that do not identify them alone.
fn weak_part(w: &str) -> bool {
    w.len() <= 2
        || matches!(
            w,
            "de" | "van"
                | "von"
                | "der"
                | "bin"
                | "al"
                | "el"
                | "jr"
                | "jr."
                | "sr"
                | "la"
                | "le"
                | "da"
                | "di"
                | "del"
        )
}

/// Labels the candidates and links their mentions.
// A function of its own in the WASM too: inlined into its one caller it
// made a function the browser compiles more slowly per byte (see
// `WASM_OPT` in xtask).
#[inline(never)]
pub fn resolve(doc: &Document, lex: &Lexicon, facts: &DocFacts, cands: &[Cand]) -> Vec<Entity> {
    // 1. Score every mention written in ordinary case.
    let scores: Vec<Scores> = cands.iter().map(|c| if c.caps { [0.0; 4] } else { score(doc, lex, facts, c) }).collect();

    // 2. Sum the evidence per name. Each distinct name gets an index
    // (`name_of`), so that the per-name tables are vectors: one hash per
    // mention instead of one per question asked about it.
    let mut ids: Map<&str, usize> = Map::default();
    ids.reserve(cands.len());
    let name_of: Vec<usize> = cands
        .iter()
        .map(|c| {
            let next = ids.len();
            *ids.entry(c.key).or_insert(next)
        })
        .collect();
    let mut by_key: Vec<Scores> = vec![[0.0; 4]; ids.len()];
    let mut mentions: Vec<u32> = vec![0; ids.len()];
    for ((c, s), &id) in cands.iter().zip(&scores).zip(&name_of) {
        if c.caps {
            continue;
        }
        let e = &mut by_key[id];
        for i in 0..4 {
            e[i] += s[i];
        }
        mentions[id] += 1;
    }

    // 3. People: the parts of a confident full name point to it.
    let mut person_part: Map<&str, &str> = Map::default();
    for (c, &id) in cands.iter().zip(&name_of) {
        if c.caps || c.nw() < 2 {
            continue;
        }
        let (b, margin) = best(&by_key[id]);
        if b != P || margin <= 0.0 {
            continue;
        }
        // A name that is a person only for want of other evidence (no given
        // name, listed surname or title) and ends in an ordinary word is
        // more likely a company's ("Varga Cables"): its first word alone
        // should not follow it ("Varga said…").
        if by_key[id][P] < WEAK_PERSON && lex.is_common(c.word(c.nw() - 1)) {
            continue;
        }
        for (i, word) in c.words.iter().enumerate() {
            let w = c.word(i);
            // Countries and nationalities are not surnames worth following.
            if weak_part(w) || word.flags & (lx::COUNTRY | lx::DEMONYM | lx::ORG_NAME | lx::ORG_WORD) != 0 {
                continue;
            }
            let slot = person_part.entry(w).or_insert(c.key);
            if c.key.len() > slot.len() {
                *slot = c.key;
            }
        }
    }

    // 3b. Companies: the first word of an organization's name ending in a
    // keyword names it alone ("Harbor Bancorp Inc." → "Harbor"),
    // unless that word is a keyword, a place, a nationality or a given
    // name itself ("Bank of …", "France Telecom", "John Lewis Ltd").
    let mut org_head: HashSet<&str, FxBuild> = HashSet::default();
    for (c, &id) in cands.iter().zip(&name_of) {
        if c.caps || c.nw() < 2 || c.words[c.nw() - 1].flags & lx::ORG_WORD == 0 {
            continue;
        }
        let w0 = &c.words[0];
        if best(&by_key[id]).0 == O
            && w0.flags & (lx::ORG_WORD | lx::PLACE | lx::DEMONYM | lx::GIVEN) == 0
            && !weak_part(c.word(0))
        {
            org_head.insert(c.word(0));
        }
    }

    // 4. Acronyms defined in parentheses: "Organization of ... (OPEC)".
    let mut acronym_of: Map<&str, usize> = Map::default();
    for (i, pair) in cands.windows(2).enumerate() {
        let (full, acr) = (&pair[0], &pair[1]);
        let text = acr.span.text(doc.text);
        if !acr.caps
            && full.nw() >= 2
            && acr.nw() == 1
            && all_caps(text)
            && acr.first == full.end + 1
            && doc.tok(full.end) == "("
            && acr.end < doc.tokens.len()
            && doc.tok(acr.end) == ")"
            && initials_match(full, text)
        {
            acronym_of.insert(acr.key, i);
        }
    }

    // 5. Labels.
    let mut labels: Vec<Option<usize>> = Vec::with_capacity(cands.len());
    for ((c, s), &id) in cands.iter().zip(&scores).zip(&name_of) {
        if c.caps {
            labels.push(None);
            continue;
        }
        let is_part = person_part.contains_key(c.key);
        let mut label = best(&by_key[id]).0;
        if c.nw() == 1 && is_part && s[O] < 2.5 && s[M] < 2.5 && s[L] < 4.0 {
            label = P;
        }
        // A company's short name, with nothing as strong as a given name
        // or a title for a person.
        if label == P && c.nw() == 1 && !is_part && by_key[id][P] < 2.0 && org_head.contains(c.key) {
            label = O;
        }
        if let Some(&fi) = acronym_of.get(c.key) {
            label = best(&by_key[name_of[fi]]).0;
        }
        // News introduces a person by full name before using the surname
        // alone; a capitalized word used alone three times or more with
        // nothing personal about it anywhere in the article, and something
        // corporate somewhere, is an organization ("tyre maker Varga",
        // "Varga said…", "Varga shares…").
        if label == P
            && c.nw() == 1
            && !is_part
            && by_key[id][P] < 1.0
            && by_key[id][O] > 0.0
            && mentions[id] >= LONE_MENTIONS
        {
            label = O;
        }
        if facts.team_sport {
            label = team_sport_label(doc, lex, c, s, label, is_part);
        }
        // A whole quotation that is a name with nothing personal about it
        // (under 1.0 of personal evidence a mention: a name of two unknown
        // words has 0.5 at each) is a title: a film, a song, a book, a
        // campaign ("Sleeping Hills").
        if label == P && by_key[id][P] < WEAK_PERSON * mentions[id] as f32 && quoted(doc, c) {
            label = M;
        }
        labels.push(Some(label));
    }

    // 5b. Lists are homogeneous: "Kamchatka and Sakhalin", "Reddit,
    // Twitter and Spotify". A member with no evidence of its own takes the
    // label of a member with clear evidence.
    coordinate(doc, cands, &scores, &mut labels);

    // 6. Names known from the body, for the headlines (only built when the
    // document has all-capitals lines).
    let mut known: Map<&str, usize> = Map::default();
    if cands.iter().any(|c| c.caps) {
        for (c, l) in cands.iter().zip(&labels) {
            if let Some(l) = *l {
                known.entry(c.key).or_insert(l);
            }
        }
        for (&part, _) in person_part.iter() {
            known.entry(part).or_insert(P);
        }
    }

    // 7. Emit, splitting all-capitals runs into the longest known names
    // (at most one per word: reserved for that many, so that the list is
    // never copied as it grows).
    let bound = cands.iter().zip(&labels).map(|(c, l)| if l.is_some() { 1 } else { c.nw() }).sum();
    let mut out: Vec<(Span, usize, &str)> = Vec::with_capacity(bound);
    for (c, l) in cands.iter().zip(&labels) {
        match *l {
            Some(l) => out.push((c.span, l, c.key)),
            None => split_caps(doc, lex, facts, c, &known, &mut out),
        }
    }
    // What the labels were read from is freed before the names are made:
    // the layer's memory peaks there on a long text.
    drop((scores, by_key, mentions, labels, known));

    // 8. Canonical names: people through their name parts, acronyms through
    // their expansion, an organization through the longest organization
    // name that starts with it ("Dynamo" → "Dynamo Riverton").
    let mut longest_org: Map<&str, (Span, &str)> = Map::default();
    for &(span, l, k) in &out {
        if l == O {
            let slot = longest_org.entry(first_word(k)).or_insert((span, k));
            if span.len() > slot.0.len() {
                *slot = (span, k);
            }
        }
    }
    // The surface of each name: its first mention, or its first in
    // ordinary case when that was in capitals.
    // Each with whether it is in capitals, to ask that once per name.
    let mut surface: Vec<Option<(&str, bool)>> = vec![None; ids.len()];
    for (c, &id) in cands.iter().zip(&name_of) {
        let t = c.span.text(doc.text);
        let slot = surface[id].get_or_insert_with(|| (t, all_caps(t)));
        if !c.caps && slot.1 {
            *slot = (t, all_caps(t));
        }
    }
    let surface_of_key = |k: &str| ids.get(k).and_then(|&id| surface[id]).map(|s| s.0);
    out.iter()
        .map(|(span, l, k)| {
            let (span, l, k) = (*span, *l, *k);
            let text = span.text(doc.text);
            let mut canonical = text;
            if let Some(&fi) = acronym_of.get(k) {
                canonical = cands[fi].span.text(doc.text);
            } else if l == P {
                if let Some(full) = person_part.get(k).or_else(|| person_part.get(last_word(k))) {
                    if full.len() >= k.len() {
                        canonical = surface_of_key(full).unwrap_or(canonical);
                    }
                }
            } else if l == O && !lex.is(k, lx::PLACE | lx::ORG_NAME) {
                // A place keeps its own name ("Mexico" is not "Mexico City").
                if let Some(&(longer, nk)) = longest_org.get(first_word(k)) {
                    if longer.len() > span.len() && nk.starts_with(k) && contains_words(nk, k) {
                        canonical = longer.text(doc.text);
                    }
                }
            }
            if all_caps(canonical) {
                // The mention's own key is at hand; another name's is made.
                let found = if canonical == text { surface_of_key(k) } else { surface_of_key(&key(canonical)) };
                if let Some(s) = found {
                    canonical = s;
                }
            }
            Entity { span, label: LABELS[l], canonical: canonical.to_string() }
        })
        .collect()
}

/// In a team-sport report, towns and unknown single names are clubs
/// ("Leicestershire beat Somerset"), except where the text places them
/// ("in London", a dateline, a venue line "Hove: …").
// Out of line, as are the other rare cases here: inlined into `resolve`,
// code that runs only for team-sport reports, acronyms or all-capitals runs
// was compiled by the browser with `resolve` for every text.
#[inline(never)]
fn team_sport_label(doc: &Document, lex: &Lexicon, c: &Cand, s: &Scores, label: usize, person: bool) -> usize {
    let n = doc.tokens.len();
    let f = lex.get(c.key);
    let placed = (c.first > 0
        && (matches!(doc.tok(c.first - 1), "in" | "at" | "from" | "near" | "to" | "(" | "outside")
            || opening_prep(doc, c.first - 1).is_some()))
        || (c.end < n && doc.tok(c.end) == ":")
        || (c.end < n
            && doc.tokens[c.first].newlines_before > 0
            && doc.tokens[c.end].kind == crate::text::TokenKind::Number
            && c.end + 1 < n
            && doc.tok(c.end + 1) == "-");
    if placed {
        return label;
    }
    if label == L && f & lx::COUNTRY == 0 && f & (lx::CITY | lx::REGION) != 0 {
        return O;
    }
    if label == P
        && !person
        && !c.title_before
        && (s[P] < 1.5 || (c.nw() == 1 && f & (lx::CITY | lx::REGION) != 0))
        && (c.nw() == 1 || s[O] > 0.0)
    {
        return O;
    }
    label
}

/// Gives members of a coordination ("A, B and C") without evidence the
/// label of the best-evidenced member. One pass; each chain is visited once.
fn coordinate(doc: &Document, cands: &[Cand], scores: &[Scores], labels: &mut [Option<usize>]) {
    let joined = |a: &Cand, b: &Cand| {
        let gap = b.first.saturating_sub(a.end);
        (gap == 1 && matches!(doc.tok(a.end), "," | "and" | "or" | "&"))
            || (gap == 2 && doc.tok(a.end) == "," && matches!(doc.tok(a.end + 1), "and" | "or"))
    };
    let strength = |s: &Scores| s.iter().fold(0.0f32, |m, &x| m.max(x));
    let mut i = 0;
    while i < cands.len() {
        let mut j = i + 1;
        while j < cands.len() && !cands[j].caps && !cands[j - 1].caps && joined(&cands[j - 1], &cands[j]) {
            j += 1;
        }
        if j - i >= 2 {
            let (bi, bs) =
                (i..j).map(|k| (k, strength(&scores[k]))).fold((i, f32::MIN), |a, b| if b.1 > a.1 { b } else { a });
            if bs >= 1.0 {
                if let Some(l) = labels[bi] {
                    for k in i..j {
                        if strength(&scores[k]) < 0.6 {
                            labels[k] = Some(l);
                        }
                    }
                }
            }
        }
        i = j;
    }
}

/// True when the candidate is the whole text between quotation marks,
/// written against them (straight quotes open and close alike).
fn quoted(doc: &Document, c: &Cand) -> bool {
    c.first > 0
        && c.end < doc.tokens.len()
        && !doc.tokens[c.first].space_before
        && !doc.tokens[c.end].space_before
        && matches!(doc.tok(c.first - 1), "\"" | "“")
        && matches!(doc.tok(c.end), "\"" | "”")
}

/// The first word of a key (its words are separated by single spaces).
fn first_word(k: &str) -> &str {
    k.as_bytes().iter().position(|&b| b == b' ').map_or(k, |p| &k[..p])
}

/// The last word of a key.
fn last_word(k: &str) -> &str {
    k.as_bytes().iter().rposition(|&b| b == b' ').map_or(k, |p| &k[p + 1..])
}

/// True when the words of `part` occur in `whole` in a row.
fn contains_words(whole: &str, part: &str) -> bool {
    let w: Vec<&str> = whole.split(' ').collect();
    let p: Vec<&str> = part.split(' ').collect();
    p.len() <= w.len() && w.windows(p.len()).any(|x| x == p.as_slice())
}

/// True when the capitals of `acr` are initials of the name's words:
/// "North Atlantic Treaty Organization" → NATO.
// Out of line: see `team_sport_label`.
#[inline(never)]
fn initials_match(full: &Cand, acr: &str) -> bool {
    let letters: Vec<char> = acr.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
    let initials: Vec<char> = full.words().filter_map(|w| w.chars().next()).collect();
    // Word order may differ from the acronym's language ("National
    // Autonomous University of Mexico (UNAM)"): every capital must be the
    // initial of some word of the name.
    !letters.is_empty() && letters.len() <= initials.len() + 2 && letters.iter().all(|l| initials.contains(l))
}

/// A line of a results table: the name is followed by a number.
fn caps_table_row(doc: &Document, c: &Cand) -> bool {
    c.end < doc.tokens.len()
        && doc.tokens[c.end].newlines_before == 0
        && doc.tokens[c.end].kind == crate::text::TokenKind::Number
        && !(c.end + 1 < doc.tokens.len() && doc.tok(c.end + 1) == "-")
}

/// Reads an all-capitals run: greedy longest matches against the names of
/// the body and the place, nationality and organization lexicons.
// Out of line: see `team_sport_label`.
#[inline(never)]
fn split_caps<'s>(
    doc: &Document,
    lex: &Lexicon,
    facts: &DocFacts,
    c: &Cand<'s>,
    known: &Map<&str, usize>,
    out: &mut Vec<(Span, usize, &'s str)>,
) {
    let n = c.nw();
    let mut i = 0;
    while i < n {
        let mut found = None;
        let max = lex.max_words.max(4).min(n - i);
        for len in (1..=max).rev() {
            let span = Span::new(c.words[i].span.start, c.words[i + len - 1].span.end);
            // The key of a run of words is a slice of the name's key.
            let k = &c.key[c.words[i].key_range().start..c.words[i + len - 1].key_range().end];
            if let Some(&l) = known.get(k) {
                found = Some((len, span, l, k));
                break;
            }
            // One word's lists are known; a phrase needs a first word that
            // may open one.
            let f = match len {
                1 => c.words[i].flags,
                _ if c.words[i].head => lex.get(k),
                _ => 0,
            };
            let l = if f & lx::STOP != 0 && len == 1 {
                None
            } else if f & lx::COUNTRY != 0 {
                Some(L)
            } else if f & (lx::CITY | lx::REGION) != 0 {
                Some(if facts.team_sport && caps_table_row(doc, c) { O } else { L })
            } else if f & lx::DEMONYM != 0
                || ((len == 1 || c.words[i].head) && k.strip_suffix('s').is_some_and(|s| lex.is(s, lx::DEMONYM)))
            {
                Some(M)
            } else if f & lx::ORG_NAME != 0 {
                Some(O)
            } else {
                None
            };
            if let Some(l) = l {
                found = Some((len, span, l, k));
                break;
            }
        }
        match found {
            Some((len, span, l, k)) => {
                out.push((span, l, k));
                i += len;
            }
            None => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::entities::{find, EntityLabel, EntityLabel::*};
    use crate::text::Document;

    fn ents(text: &str) -> Vec<(&str, EntityLabel, String)> {
        let doc = Document::new(text);
        find(&doc, &[]).into_iter().map(|e| (&text[e.span.range()], e.label, e.canonical)).collect()
    }

    #[test]
    fn titles_keywords_prepositions_and_nationalities() {
        assert_eq!(
            ents("Senator Dana Whitfield met Kenyan officials of the Kordoba Shipping Corp. in Mombasa."),
            vec![
                ("Dana Whitfield", Person, "Dana Whitfield".to_string()),
                ("Kenyan", Misc, "Kenyan".to_string()),
                ("Kordoba Shipping Corp.", Org, "Kordoba Shipping Corp.".to_string()),
                ("Mombasa", Place, "Mombasa".to_string()),
            ]
        );
    }

    #[test]
    fn surname_alone_follows_the_full_name() {
        let got = ents("Lina Marouf spoke first. Later Marouf left for Tunis.");
        assert_eq!(got[1], ("Marouf", Person, "Lina Marouf".to_string()));
        assert_eq!(got[2], ("Tunis", Place, "Tunis".to_string()));
    }

    #[test]
    fn acronym_takes_its_expansion() {
        let got = ents("The Zarvian Energy Authority (ZEA) said on Monday that ZEA would cut output.");
        assert_eq!(got[0], ("Zarvian Energy Authority", Org, "Zarvian Energy Authority".to_string()));
        assert_eq!(got[1], ("ZEA", Org, "Zarvian Energy Authority".to_string()));
        assert_eq!(got[2], ("ZEA", Org, "Zarvian Energy Authority".to_string()));
    }

    #[test]
    fn recurring_lone_corporate_name_is_an_organization() {
        let text = "Varelli said sales fell. Varelli shares dropped. Traders sold Varelli on Friday.";
        let labels: Vec<_> = ents(text).into_iter().map(|e| (e.0, e.1)).collect();
        assert_eq!(labels, vec![("Varelli", Org), ("Varelli", Org), ("Varelli", Org)]);
    }

    #[test]
    fn ampersand_names_and_state_abbreviations() {
        let got = ents("Shares of Dorling & Pratt Co rose in Tampa, Fla., on Friday.");
        let labels: Vec<_> = got.iter().map(|e| (e.0, e.1)).collect();
        assert_eq!(labels, vec![("Dorling & Pratt Co", Org), ("Tampa", Place), ("Fla.", Place)]);
    }

    #[test]
    fn class_nouns_before_such_as_and_possessives_after_prepositions() {
        let got = ents("Leaders of firms such as Quorvex, Talbrin and Nextfold met in Orlan's office.");
        let labels: Vec<_> = got.iter().map(|e| (e.0, e.1)).collect();
        assert_eq!(labels, vec![("Quorvex", Org), ("Talbrin", Org), ("Nextfold", Org), ("Orlan", Person)]);
    }

    #[test]
    fn apposition_with_a_role_makes_a_person() {
        let got = ents("Adelaide, a spokeswoman for the ministry, declined to comment.");
        assert_eq!(got[0], ("Adelaide", Person, "Adelaide".to_string()));
    }

    #[test]
    fn coordinated_names_share_a_label() {
        let got = ents("The envoy visited Qarsk, Velmora and Lisbon last week.");
        let labels: Vec<_> = got.iter().map(|e| (e.0, e.1)).collect();
        assert_eq!(labels, vec![("Qarsk", Place), ("Velmora", Place), ("Lisbon", Place)]);
    }
}
