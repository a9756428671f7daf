//! Attributed statements on short news passages written for the project,
//! with exact content, cue, source and speaker.

use newsmark::statements::find;
use newsmark::text::Document;
use newsmark::{Entity, EntityLabel, Span, StatementKind};

/// One statement as text: fragments, kind, cue, source, speaker.
#[derive(Debug, PartialEq)]
struct S<'a> {
    fragments: Vec<&'a str>,
    kind: StatementKind,
    cue: Option<&'a str>,
    source: Option<&'a str>,
    speaker: Option<String>,
}

fn run_with<'a>(text: &'a str, entities: &[Entity]) -> Vec<S<'a>> {
    let doc = Document::new(text);
    find(&doc, entities)
        .into_iter()
        .map(|s| {
            assert_eq!(s.span.start, s.fragments[0].start);
            assert_eq!(s.span.end, s.fragments.last().unwrap().end);
            S {
                fragments: s.fragments.iter().map(|f| &text[f.range()]).collect(),
                kind: s.kind,
                cue: s.cue.map(|c| &text[c.range()]),
                source: s.source.map(|c| &text[c.range()]),
                speaker: s.speaker,
            }
        })
        .collect()
}

fn run(text: &str) -> Vec<S<'_>> {
    run_with(text, &[])
}

fn s<'a>(
    fragments: &[&'a str],
    kind: StatementKind,
    cue: Option<&'a str>,
    source: Option<&'a str>,
    speaker: Option<&str>,
) -> S<'a> {
    S { fragments: fragments.to_vec(), kind, cue, source, speaker: speaker.map(String::from) }
}

use StatementKind::{Direct, Indirect, Mixed};

#[test]
fn direct_quote_with_attribution_after() {
    let text = "“We will rebuild the bridge by spring,” Mayor Ana Lindqvist said on Monday.";
    assert_eq!(
        run(text),
        vec![s(
            &["We will rebuild the bridge by spring,"],
            Direct,
            Some("said"),
            Some("Mayor Ana Lindqvist"),
            Some("Ana Lindqvist")
        )]
    );
}

#[test]
fn every_quotation_style() {
    let text = "« Nous restons ouverts », said Claire Dubois.\n\n\
                „Wir bleiben offen“, said Jonas Weber.\n\n\
                \"The doors stay open,\" said Ruth Adeyemi.\n\n\
                ‘The doors stay open,’ said Colin Marsh.";
    let got: Vec<_> = run(text).into_iter().map(|x| (x.fragments, x.speaker.unwrap())).collect();
    assert_eq!(
        got,
        vec![
            (vec!["Nous restons ouverts"], "Claire Dubois".to_string()),
            (vec!["Wir bleiben offen"], "Jonas Weber".to_string()),
            (vec!["The doors stay open,"], "Ruth Adeyemi".to_string()),
            (vec!["The doors stay open,"], "Colin Marsh".to_string()),
        ]
    );
}

#[test]
fn quote_split_by_attribution_is_one_statement() {
    let text = "Dr. Priya Nair inspected the plant. “The water is safe,” she said, “but we will keep testing.”";
    assert_eq!(
        run(text),
        vec![s(
            &["The water is safe,", "but we will keep testing."],
            Direct,
            Some("said"),
            Some("she"),
            Some("Priya Nair")
        )]
    );
}

#[test]
fn quote_running_over_paragraphs() {
    let text = "“The first winter was the hardest. We had no heating at all.\n\n\
                “By the second year the school had a roof,” said Tomas Berg, the headmaster.";
    assert_eq!(
        run(text),
        vec![s(
            &[
                "The first winter was the hardest. We had no heating at all.",
                "By the second year the school had a roof,"
            ],
            Direct,
            Some("said"),
            Some("Tomas Berg"),
            Some("Tomas Berg")
        )]
    );
}

#[test]
fn scare_quotes_are_not_statements() {
    let text = "The so-called “green corridor” opened in May, and traffic on the “new” road doubled.";
    assert_eq!(run(text), vec![]);
}

#[test]
fn source_cue_that_content() {
    let text = "The ambassador also noted that the talks had been productive.";
    assert_eq!(
        run(text),
        vec![s(
            &["that the talks had been productive"],
            Indirect,
            Some("noted"),
            Some("The ambassador"),
            Some("The ambassador")
        )]
    );
}

#[test]
fn content_then_source_and_cue() {
    let text = "The port will reopen next week, officials said.";
    assert_eq!(
        run(text),
        vec![s(&["The port will reopen next week"], Indirect, Some("said"), Some("officials"), Some("officials"))]
    );
}

#[test]
fn content_then_cue_and_source() {
    let text = "Prices will keep rising through the summer, said Maria Okafor, an economist.";
    assert_eq!(
        run(text),
        vec![s(
            &["Prices will keep rising through the summer"],
            Indirect,
            Some("said"),
            Some("Maria Okafor"),
            Some("Maria Okafor")
        )]
    );
}

#[test]
fn according_to() {
    let text = "According to the Ministry of Education, 40 schools were damaged by the storm.";
    assert_eq!(
        run(text),
        vec![s(
            &["40 schools were damaged by the storm"],
            Indirect,
            Some("According to"),
            Some("the Ministry of Education"),
            Some("Ministry of Education")
        )]
    );
}

#[test]
fn told_outlet_and_nominal_cue() {
    let text = "Maria Okafor told Reuters that inflation had peaked.\n\n\
                The company said in a statement that it would appeal the ruling.";
    let got = run(text);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].fragments, vec!["that inflation had peaked"]);
    assert_eq!(got[0].source, Some("Maria Okafor"));
    assert_eq!(got[1].fragments, vec!["that it would appeal the ruling"]);
    assert_eq!(got[1].cue, Some("said"));
    assert_eq!(got[1].source, Some("The company"));
}

#[test]
fn reported_clause_ends_at_next_attribution() {
    let text = "He said the union was ready to strike, adding that talks would resume on Friday.";
    let got = run(text);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].fragments, vec!["the union was ready to strike"]);
    assert_eq!(got[1].fragments, vec!["that talks would resume on Friday"]);
    assert_eq!(got[1].cue, Some("adding"));
    assert_eq!(got[1].source, Some("He"));
}

#[test]
fn participle_takes_the_sentence_subject() {
    let text = "Councillor Dana Whitfield criticized the budget, saying it ignored the north end.";
    assert_eq!(
        run(text),
        vec![s(
            &["it ignored the north end"],
            Indirect,
            Some("saying"),
            Some("Councillor Dana Whitfield"),
            Some("Dana Whitfield")
        )]
    );
}

#[test]
fn pronoun_resolves_across_sentences() {
    let text = "Ambassador Mammad Talibov visited the school on Monday. \
                He said the embassy would fund a new library.";
    assert_eq!(
        run(text),
        vec![s(&["the embassy would fund a new library"], Indirect, Some("said"), Some("He"), Some("Mammad Talibov"))]
    );
}

#[test]
fn description_resolves_to_titled_name() {
    let text = "Mayor Ana Lindqvist opened the session. Two councillors left early.\n\n\
                The mayor said the budget was balanced for the first time in a decade.";
    let got = run(text);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].source, Some("The mayor"));
    assert_eq!(got[0].speaker.as_deref(), Some("Ana Lindqvist"));
}

#[test]
fn speakers_come_from_entities_when_present() {
    let text = "Doe toured the plant on Friday. She said the plant would stay open.";
    let entities = vec![Entity { span: Span::new(0, 3), label: EntityLabel::Person, canonical: "Jane Doe".into() }];
    let got = run_with(text, &entities);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].source, Some("She"));
    assert_eq!(got[0].speaker.as_deref(), Some("Jane Doe"));
}

#[test]
fn organization_description_resolves_to_entity() {
    let text = "The Health Ministry opened two clinics in March.\n\n\
                The ministry said in a statement that a third would follow.";
    let entities =
        vec![Entity { span: Span::new(4, 19), label: EntityLabel::Org, canonical: "Ministry of Health".into() }];
    let got = run_with(text, &entities);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].fragments, vec!["that a third would follow"]);
    assert_eq!(got[0].source, Some("The ministry"));
    assert_eq!(got[0].speaker.as_deref(), Some("Ministry of Health"));
}

#[test]
fn unattributed_quote_keeps_the_last_speaker() {
    let text = "“We are ready,” said coach Lena Park.\n\n\
                “The players have worked all winter long for this one game.”";
    let got = run(text);
    assert_eq!(got.len(), 2);
    assert_eq!(got[1].fragments, vec!["The players have worked all winter long for this one game."]);
    // The speaker's mention is the one in the attribution it continues.
    assert_eq!(got[1].source, Some("coach Lena Park"));
    assert_eq!(got[1].cue, None);
    assert_eq!(got[1].speaker.as_deref(), Some("Lena Park"));
}

#[test]
fn paraphrase_with_a_quote_is_mixed() {
    let text = "Lindqvist said the plan was “a victory for the whole city.”";
    assert_eq!(
        run(text),
        vec![s(
            &["the plan was “a victory for the whole city."],
            Mixed,
            Some("said"),
            Some("Lindqvist"),
            Some("Lindqvist")
        )]
    );
}

#[test]
fn long_unpunctuated_text_stays_linear() {
    let mut text = "Smith said the plan was fine and Jones told reporters that it was not ".repeat(20_000);
    text.push('.');
    let start = std::time::Instant::now();
    let doc = Document::new(&text);
    let found = find(&doc, &[]);
    assert!(!found.is_empty());
    // Generous bound: linear work on 1.4 MB takes well under a second even
    // in a debug build; a quadratic pass would take minutes.
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
}

#[test]
fn hostile_quote_marks_finish() {
    for text in ["\"".repeat(100_000), "“".repeat(50_000), "« a ".repeat(30_000), "”said he“".repeat(10_000)] {
        let doc = Document::new(&text);
        for st in find(&doc, &[]) {
            assert!(st.span.end <= text.len());
            assert!(text.is_char_boundary(st.span.start) && text.is_char_boundary(st.span.end));
        }
    }
}

#[test]
fn a_place_never_becomes_a_speaker() {
    let text = "Mayor Tomas Reyes inspected the bridge on Sunday. \
                Crews in Nova Lindria reopened the road on Monday.\n\n\
                “It is safe to drive again,” he said.";
    let entities = vec![Entity {
        span: Span::new(text.find("Nova").unwrap(), text.find(" reopened").unwrap()),
        label: EntityLabel::Place,
        canonical: "Nova Lindria".into(),
    }];
    let got = run_with(text, &entities);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].fragments, vec!["It is safe to drive again,"]);
    assert_eq!(got[0].source, Some("he"));
    assert_eq!(got[0].speaker.as_deref(), Some("Tomas Reyes"));
}

#[test]
fn pronouns_resolve_by_the_kind_of_entity() {
    let text = "Paul Amsel founded the company in 1990. \
                Harlow Valley Foods cut 200 jobs on Friday.\n\n\
                He said the cuts were painful. \
                It said the plant in the valley would stay open.";
    let start = text.find("Harlow").unwrap();
    let entities = vec![Entity {
        span: Span::new(start, start + "Harlow Valley Foods".len()),
        label: EntityLabel::Org,
        canonical: "Harlow Valley Foods".into(),
    }];
    let got = run_with(text, &entities);
    assert_eq!(
        got,
        vec![
            s(&["the cuts were painful"], Indirect, Some("said"), Some("He"), Some("Paul Amsel")),
            s(
                &["the plant in the valley would stay open"],
                Indirect,
                Some("said"),
                Some("It"),
                Some("Harlow Valley Foods")
            ),
        ]
    );
}

#[test]
fn a_surname_resolves_to_the_latest_full_name_before_it() {
    // Two people share a surname; the speaker is the one named last.
    let text = "Marta Olsen and her brother Erik Olsen run the bakery.\n\n\
                “We bake before dawn,” Erik Olsen said. Later, Marta Olsen joined him.\n\n\
                “Nobody else wants these hours,” Olsen said.";
    let got = run(text);
    assert_eq!(got.len(), 2);
    assert_eq!(got[1].source, Some("Olsen"));
    assert_eq!(got[1].speaker.as_deref(), Some("Marta Olsen"));
}

#[test]
fn pronoun_prefers_a_subject_over_a_name_after_a_preposition() {
    let text = "Lena Park scored twice on Sunday, a week after the club traded \
                her sister to Bergen for Marta Olsen.\n\n\
                “We finally played as a team,” she said.";
    let got = run(text);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].fragments, vec!["We finally played as a team,"]);
    assert_eq!(got[0].source, Some("she"));
    assert_eq!(got[0].speaker.as_deref(), Some("Lena Park"));
}

#[test]
fn source_before_an_apposition_or_relative_clause() {
    let text = "Nora Diaz, a co-author of the survey, says there is a growing \
                demand for night buses. Omar Haddad, who drove a bus for ten years, \
                said he is worried about the drivers.";
    assert_eq!(
        run(text),
        vec![
            s(
                &["there is a growing demand for night buses"],
                Indirect,
                Some("says"),
                Some("Nora Diaz, a co-author of the survey"),
                Some("Nora Diaz")
            ),
            s(&["he is worried about the drivers"], Indirect, Some("said"), Some("Omar Haddad"), Some("Omar Haddad")),
        ]
    );
}

#[test]
fn source_after_a_conjunction_opens_a_clause() {
    let text = "The season was long and Ellen Moss says she is ready for a rest. \
                The club signed him because the coach said he was the best young player.";
    let got = run(text);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].fragments, vec!["she is ready for a rest"]);
    assert_eq!(got[0].source, Some("Ellen Moss"));
    assert_eq!(got[1].fragments, vec!["he was the best young player"]);
    assert_eq!(got[1].source, Some("the coach"));
}

#[test]
fn time_phrases_between_cue_and_content_or_source_and_cue() {
    let text = "The council said last week that the pool would reopen. \
                The transit union late Friday said the strike was over. \
                The league stated in March it would review the rule.";
    let got = run(text);
    let parts: Vec<_> = got.iter().map(|s| (s.fragments[0], s.source.unwrap())).collect();
    assert_eq!(
        parts,
        vec![
            ("that the pool would reopen", "The council"),
            ("the strike was over", "The transit union"),
            ("it would review the rule", "The league"),
        ]
    );
}

#[test]
fn a_second_verb_shares_the_subject() {
    let text = "Mayor Ana Lindqvist said the budget was balanced, and added she \
                would not raise taxes next year.";
    assert_eq!(
        run(text),
        vec![
            s(&["the budget was balanced"], Indirect, Some("said"), Some("Mayor Ana Lindqvist"), Some("Ana Lindqvist")),
            s(
                &["she would not raise taxes next year"],
                Indirect,
                Some("added"),
                Some("Mayor Ana Lindqvist"),
                Some("Ana Lindqvist")
            ),
        ]
    );
}

#[test]
fn an_interrupted_report_continues_without_a_subject() {
    let text = "The pills have few real uses, she says, and are meant only for short stays.";
    let got = run(text);
    let frags: Vec<_> = got.iter().map(|s| s.fragments[0]).collect();
    assert_eq!(frags, vec!["The pills have few real uses", "and are meant only for short stays"]);
    assert!(got.iter().all(|s| s.source == Some("she") && s.cue == Some("says")));
}

#[test]
fn a_cue_opening_the_text_has_no_shared_subject() {
    // A cue at the very first token has nothing before it to share.
    assert_eq!(run("Added that the costs would rise sharply."), vec![]);
}

#[test]
fn a_capitalized_word_inside_a_sentence_is_no_cue() {
    // "States" belongs to a name; the list before it is no statement.
    let text = "She named the allies who stood by the plan — Norway, Chile, \
                the United States and Japan.";
    assert_eq!(run(text), vec![]);
}

#[test]
fn a_time_phrase_alone_is_no_content() {
    let text = "Last week, a notice of claim was filed in court against the club.";
    assert_eq!(run(text), vec![]);
}

#[test]
fn a_document_after_a_fronted_time_is_still_no_speaker() {
    let text = "On Monday, an industry poll suggested that retail sales had cooled.";
    assert_eq!(run(text), vec![]);
}

#[test]
fn a_title_case_headline_keeps_its_cue() {
    let got = run("Mayor Says Bridge Will Reopen Before Winter.\n\nThe crossing closed in May.");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].cue, Some("Says"));
    assert_eq!(got[0].fragments, vec!["Bridge Will Reopen Before Winter"]);
}

#[test]
fn a_quoted_sentence_after_its_attribution_joins_the_quote() {
    // "“A,” she said. “B.”" in one paragraph is one quotation split by its
    // attribution, like "“A,” she said, “B.”"; a quotation opening the next
    // paragraph is a statement of its own that keeps the speaker.
    let text = "“The river rose faster than anyone expected,” said Mayor Ana Lindqvist. \
                “We were lucky.”\n\n“Next year the levee will be two metres higher.”\n\n\
                Some called it a “miracle” on social media.";
    let got = run(text);
    let frags: Vec<_> = got.iter().map(|s| s.fragments.clone()).collect();
    assert_eq!(
        frags,
        vec![
            vec!["The river rose faster than anyone expected,", "We were lucky."],
            vec!["Next year the levee will be two metres higher."]
        ]
    );
    assert_eq!(got[0].source, Some("Mayor Ana Lindqvist"));
    assert_eq!(got[0].cue, Some("said"));
    assert_eq!(got[1].source, Some("Mayor Ana Lindqvist"));
    assert_eq!(got[1].cue, None);
    assert_eq!(got[1].speaker.as_deref(), Some("Ana Lindqvist"));
}

#[test]
fn a_long_attribution_still_splits_one_quotation() {
    // The attribution runs on (an age, a description, a party and state in
    // parentheses) before the sentence ends and the quotation goes on.
    let text = "“The clinic closes at six,” said Marta Ilves, 59, a nurse from Tartu. \
                “After that, people drive two hours.” \
                “We need a second shift,” said Rep. Dana Cole (D-Fla.), who chairs the panel. “Soon.”";
    assert_eq!(
        run(text),
        vec![
            s(
                &["The clinic closes at six,", "After that, people drive two hours."],
                Direct,
                Some("said"),
                Some("Marta Ilves"),
                Some("Marta Ilves")
            ),
            s(&["We need a second shift,", "Soon."], Direct, Some("said"), Some("Rep. Dana Cole"), Some("Dana Cole")),
        ]
    );
}

#[test]
fn a_programme_named_in_the_attribution_is_skipped() {
    let text = "“The numbers are clear,” Governor Ines Lee told Radio Nord’s “Morning Line.” \
                “We will not raise taxes.”";
    let got = run(text);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].fragments, vec!["The numbers are clear,", "We will not raise taxes."]);
    assert_eq!(got[0].source, Some("Governor Ines Lee"));
}

#[test]
fn a_quotation_after_a_possessive_is_a_name() {
    // Not "He said" attributing the programme's name: he reports a clause.
    let text = "The senator appeared on Channel 9's \"Sunday Desk.\" He said the bill would pass.";
    assert_eq!(run(text), vec![s(&["the bill would pass"], Indirect, Some("said"), Some("He"), None)]);
}

#[test]
fn a_place_or_channel_may_stand_between_cue_and_that() {
    let text = "The agency says on its website that travellers should carry water. \
                He says in his town a storm that floods the roads closes the schools.";
    let got = run(text);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].fragments, vec!["that travellers should carry water"]);
    assert_eq!(got[0].source, Some("The agency"));
}

#[test]
fn a_participle_subject_ends_at_its_verb() {
    let text = "The teachers union rejected the offer on Monday, saying it would cut pay.";
    let got = run(text);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].fragments, vec!["it would cut pay"]);
    assert_eq!(got[0].source, Some("The teachers union"));
}

#[test]
fn according_to_a_plural_with_a_modifier() {
    let text = "The offer was rejected in June, according to two sources familiar with the plan.";
    let got = run(text);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].fragments, vec!["The offer was rejected in June"]);
    // The phrase stops before "with" (a clause word to the phrase scan).
    assert!(got[0].source.is_some_and(|s| s.starts_with("two sources familiar")));
}

#[test]
fn a_quoted_object_makes_a_mixed_statement() {
    let text = "Councillor Dana Whitfield called the new parking rules “a cash grab” at Monday’s meeting. \
                He described the talks as “long but useful.” \
                Mayor Omar Reyes said the festival was a “success” despite the rain.";
    assert_eq!(
        run(text),
        vec![
            s(
                &["the new parking rules “a cash grab” at Monday’s meeting"],
                Mixed,
                Some("called"),
                Some("Councillor Dana Whitfield"),
                Some("Dana Whitfield")
            ),
            s(&["the talks as “long but useful."], Mixed, Some("described"), Some("He"), Some("Dana Whitfield")),
            s(
                &["the festival was a “success” despite the rain"],
                Mixed,
                Some("said"),
                Some("Mayor Omar Reyes"),
                Some("Omar Reyes")
            ),
        ]
    );
}

#[test]
fn referring_to_or_defending_someone_in_quoted_words_is_mixed() {
    let text = "The mayor referred to the protesters as “vandals.” \
                The coach defended his goalkeeper as “the best in the league.”";
    assert_eq!(
        run(text),
        vec![
            s(&["the protesters as “vandals."], Mixed, Some("referred to"), Some("The mayor"), Some("The mayor")),
            s(
                &["his goalkeeper as “the best in the league."],
                Mixed,
                Some("defended"),
                Some("The coach"),
                Some("The coach")
            ),
        ]
    );
}

#[test]
fn a_participle_before_a_quotation_takes_the_sentence_subject() {
    let text = "The nurses’ union rejected the offer, calling it “an insult to every nurse.”";
    let got = run(text);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].fragments, vec!["an insult to every nurse."]);
    assert_eq!(got[0].cue, Some("calling"));
    assert_eq!(got[0].source, Some("The nurses’ union"));
}

#[test]
fn a_report_ends_where_a_new_attribution_starts() {
    let text = "Lena Ortiz grew up on a farm, but she says she never liked the early mornings: \
                she notes that her brother did all the milking.";
    let got: Vec<_> = run(text).into_iter().map(|x| (x.fragments[0], x.cue.unwrap())).collect();
    assert_eq!(
        got,
        vec![("she never liked the early mornings", "says"), ("that her brother did all the milking", "notes")]
    );
}

#[test]
fn a_pronoun_skips_names_of_the_other_gender() {
    // "Reyes" is the nearest subject; "She" can only be Margaret Olsen.
    let text = "Margaret Olsen, the school’s principal, met Daniel Reyes on Monday. \
                Reyes asked for a new gym. She said the budget would not allow it.";
    assert_eq!(
        run(text),
        vec![s(&["the budget would not allow it"], Indirect, Some("said"), Some("She"), Some("Margaret Olsen"))]
    );
}

#[test]
fn a_gendered_title_decides_between_names() {
    // Neither given name is in the gender list; the titles tell, and the
    // nearer name is the man's.
    let text = "Mrs. Nnenna Varga thanked Mr. Kofi Arden for the visit. \
                The pool will reopen in May, she said.";
    let got = run(text);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].fragments, vec!["The pool will reopen in May"]);
    assert_eq!(got[0].speaker.as_deref(), Some("Nnenna Varga"));
}

#[test]
fn a_long_apposition_stays_with_its_name() {
    let text = "Ann Lee, a nurse at the county hospital in Oakdale, said the ward had been full since Monday. \
                Kenji Mori, head of research with the Pacific Fisheries Board, says stocks are recovering.";
    assert_eq!(
        run(text),
        vec![
            s(
                &["the ward had been full since Monday"],
                Indirect,
                Some("said"),
                Some("Ann Lee, a nurse at the county hospital in Oakdale"),
                Some("Ann Lee")
            ),
            s(
                &["stocks are recovering"],
                Indirect,
                Some("says"),
                Some("Kenji Mori, head of research with the Pacific Fisheries Board"),
                Some("Kenji Mori")
            ),
        ]
    );
}

#[test]
fn a_temporal_clause_may_hold_a_report() {
    let text = "The vote came two days after the mayor said the budget was balanced.";
    assert_eq!(
        run(text),
        vec![s(&["the budget was balanced"], Indirect, Some("said"), Some("the mayor"), Some("the mayor"))]
    );
}

#[test]
fn a_directive_reports_its_infinitive() {
    let text = "The utility urged residents to conserve water until Friday. \
                Officials told staff never to leave the doors open. He was asked to resign.";
    assert_eq!(
        run(text),
        vec![
            s(&["to conserve water until Friday"], Indirect, Some("urged"), Some("The utility"), Some("The utility")),
            s(&["never to leave the doors open"], Indirect, Some("told"), Some("Officials"), Some("Officials")),
        ]
    );
}

#[test]
fn a_quotation_inside_a_reported_clause_is_mixed() {
    let text = "Her first year in the clinic has been “hard but rewarding,” Dr. Alma Reyes said. \
                Tomas Berg says he “stumbled into” teaching after the mill closed.";
    assert_eq!(
        run(text),
        vec![
            s(
                &["Her first year in the clinic has been “hard but rewarding,"],
                Mixed,
                Some("said"),
                Some("Dr. Alma Reyes"),
                Some("Alma Reyes")
            ),
            s(
                &["he “stumbled into” teaching after the mill closed"],
                Mixed,
                Some("says"),
                Some("Tomas Berg"),
                Some("Tomas Berg")
            ),
        ]
    );
}

#[test]
fn a_second_verb_after_and_ends_the_first_report() {
    let text = "Senator Ruth Okafor called the deal “a betrayal” and said she would vote against it.";
    assert_eq!(
        run(text),
        vec![
            s(&["the deal “a betrayal"], Mixed, Some("called"), Some("Senator Ruth Okafor"), Some("Ruth Okafor")),
            s(&["she would vote against it"], Indirect, Some("said"), Some("Senator Ruth Okafor"), Some("Ruth Okafor")),
        ]
    );
}

#[test]
fn a_parenthesis_after_a_name_belongs_to_the_source() {
    let text = "Rep. Steve Moran (D-Ohio) said the bill would pass. \
                Sen. Ann Lee (R-Texas), a member of the panel, said she was “deeply worried.”";
    assert_eq!(
        run(text),
        vec![
            s(&["the bill would pass"], Indirect, Some("said"), Some("Rep. Steve Moran (D-Ohio)"), Some("Steve Moran")),
            s(
                &["she was “deeply worried."],
                Mixed,
                Some("said"),
                Some("Sen. Ann Lee (R-Texas), a member of the panel"),
                Some("Ann Lee")
            ),
        ]
    );
}

#[test]
fn a_coordinated_speaker_starts_a_report_of_their_own() {
    let text = "Tom Reyes said he would make the city “shine again,” and Ann Lee vowed to “fight for every block.”";
    assert_eq!(
        run(text),
        vec![
            s(&["he would make the city “shine again,"], Mixed, Some("said"), Some("Tom Reyes"), Some("Tom Reyes")),
            s(&["fight for every block."], Direct, Some("vowed"), Some("Ann Lee"), Some("Ann Lee")),
        ]
    );
}

#[test]
fn a_document_reports_what_it_states_outright() {
    let text = "The lawsuit argues that the league ignored the risks. The study estimated that costs would rise. \
                The coroner's report would later call it an “accident.” The memo said the plan was “badly flawed.”";
    assert_eq!(
        run(text),
        vec![
            s(
                &["that the league ignored the risks"],
                Indirect,
                Some("argues"),
                Some("The lawsuit"),
                Some("The lawsuit")
            ),
            s(&["the plan was “badly flawed."], Mixed, Some("said"), Some("The memo"), Some("The memo")),
        ]
    );
}

#[test]
fn a_participle_subject_follows_a_fronted_phrase() {
    let text = "For months, the council ignored the request, saying it had no money. \
                Hours later, Mayor Ana Ruiz rejected the plan, saying it was too costly.";
    let got: Vec<_> = run(text).into_iter().map(|x| (x.fragments[0], x.source.unwrap())).collect();
    assert_eq!(got, vec![("it had no money", "the council"), ("it was too costly", "Mayor Ana Ruiz")]);
}

#[test]
fn a_participle_after_a_quotation_introduces_the_next_one() {
    let text = "Coach Ivan Petrov voiced his “anger” online, writing “We cannot let this happen again.”";
    assert_eq!(
        run(text),
        vec![s(
            &["We cannot let this happen again."],
            Direct,
            Some("writing"),
            Some("Coach Ivan Petrov"),
            Some("Ivan Petrov")
        )]
    );
}

#[test]
fn relative_pronoun_but_clause_and_quoted_title_before_the_source() {
    let text = "The mayor backed the plan, and Ann Lee, who says the road is unsafe, voted against it. \
                Sen. Jack Hale said he had not read the plan but called it a “good start.” \
                On “Morning Report,” Sen. Rita Moss said the bill was “dead on arrival.”";
    assert_eq!(
        run(text),
        vec![
            s(&["the road is unsafe"], Indirect, Some("says"), Some("Ann Lee"), Some("Ann Lee")),
            s(&["he had not read the plan"], Indirect, Some("said"), Some("Sen. Jack Hale"), Some("Jack Hale")),
            s(&["it a “good start."], Mixed, Some("called"), Some("Sen. Jack Hale"), Some("Jack Hale")),
            s(&["the bill was “dead on arrival."], Mixed, Some("said"), Some("Sen. Rita Moss"), Some("Rita Moss")),
        ]
    );
}

#[test]
fn an_inserted_channel_is_no_part_of_the_source() {
    let text = "Ann Lee, in a statement released by the campaign on Monday, said she would stay. \
                The council, in a letter to residents, said the pool would close.";
    let got: Vec<_> = run(text).into_iter().map(|x| (x.fragments[0], x.source.unwrap())).collect();
    assert_eq!(got, vec![("she would stay", "Ann Lee"), ("the pool would close", "The council")]);
}

#[test]
fn a_semicolon_opens_a_clause_and_a_relative_clause_may_hold_commas() {
    let text = "Voters may balk at the tax; they say the research shows costs matter more. \
                Adam Lee, who won the title in 2018, 2019 and 2021, said he is ready to retire.";
    let got: Vec<_> = run(text).into_iter().map(|x| (x.fragments[0], x.source.unwrap())).collect();
    assert_eq!(got, vec![("the research shows costs matter more", "they"), ("he is ready to retire", "Adam Lee")]);
}

#[test]
fn a_lone_surname_subject_from_the_entities_layer_is_an_antecedent() {
    let text = "Robin Vale spoke first. Asked about the course, Mulder didn't hesitate. “It is harder than pitching,” he said.";
    let at = |w: &str| text.find(w).unwrap();
    let entities = vec![
        Entity { span: Span::new(0, 10), label: EntityLabel::Person, canonical: "Robin Vale".into() },
        Entity {
            span: Span::new(at("Mulder"), at("Mulder") + 6),
            label: EntityLabel::Person,
            canonical: "Mulder".into(),
        },
    ];
    let got = run_with(text, &entities);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].fragments, vec!["It is harder than pitching,"]);
    assert_eq!(got[0].speaker.as_deref(), Some("Mulder"));
}

#[test]
fn a_new_subject_takes_over_from_the_last_speaker() {
    let text = "“We need the pipeline,” said Dale Morrow.\n\n\
                Kurt Beaulieu drove in from Hinton for the rally.\n\n\
                “Nobody is working out here,” he said.";
    let got = run(text);
    let speakers: Vec<_> = got.iter().map(|x| x.speaker.as_deref().unwrap()).collect();
    assert_eq!(speakers, vec!["Dale Morrow", "Kurt Beaulieu"]);
}

#[test]
fn a_name_before_a_party_and_state_and_an_apposition() {
    let text = "Carla Nunez, R-Ariz., the ranking member of the transport panel, said the bill would stall.";
    assert_eq!(
        run(text),
        vec![s(
            &["the bill would stall"],
            Indirect,
            Some("said"),
            Some("Carla Nunez, R-Ariz., the ranking member of the transport panel"),
            Some("Carla Nunez")
        )]
    );
}

#[test]
fn a_short_quote_introduced_by_a_comma_is_speech_not_a_title() {
    let text = "Mayor Hana Sato had earlier said, “Maybe next year,” when asked about the new gym.";
    assert_eq!(
        run(text),
        vec![s(&["Maybe next year,"], Direct, Some("said"), Some("Mayor Hana Sato"), Some("Hana Sato"))]
    );
}

#[test]
fn a_lead_in_holding_a_cue_is_a_report_of_its_own() {
    let text =
        "While Coach Rui Alves has said the season will be “a rebuild,” he has made clear he won’t trade his captain. \
                Councillor Ana Reyes has made clear she won’t run again.";
    assert_eq!(
        run(text),
        vec![
            s(&["the season will be “a rebuild,"], Mixed, Some("said"), Some("Coach Rui Alves"), Some("Rui Alves")),
            s(&["he won’t trade his captain"], Indirect, Some("made clear"), Some("he"), Some("Rui Alves")),
            s(&["she won’t run again"], Indirect, Some("made clear"), Some("Councillor Ana Reyes"), Some("Ana Reyes")),
        ]
    );
}

#[test]
fn a_sentence_connective_is_not_reported() {
    let text = "Still, 30 per cent of crashes involve a phone, Dr. Lena Holt says.";
    assert_eq!(
        run(text),
        vec![s(
            &["30 per cent of crashes involve a phone"],
            Indirect,
            Some("says"),
            Some("Dr. Lena Holt"),
            Some("Lena Holt")
        )]
    );
}

#[test]
fn a_second_verb_after_and_takes_the_sentence_subject() {
    let text = "The spokesman declined to name the buyer but said the sale would close in May.";
    assert_eq!(
        run(text),
        vec![s(&["the sale would close in May"], Indirect, Some("said"), Some("The spokesman"), Some("The spokesman"))]
    );
}

#[test]
fn a_channel_or_place_with_commas_may_stand_before_that() {
    let text = "Judge Ruth Tam said in an interview with a local radio station last week that she would retire. \
                Mayor Lee Park says at a campaign stop in Dayton, Ohio, that the plant will stay.";
    let got: Vec<_> = run(text).into_iter().map(|x| (x.fragments[0], x.source.unwrap())).collect();
    assert_eq!(got, vec![("that she would retire", "Judge Ruth Tam"), ("that the plant will stay", "Mayor Lee Park")]);
}

#[test]
fn an_inserted_adverb_between_source_and_cue() {
    let text = "Security experts and state officials, however, said the system was never breached.";
    let got = run(text);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].fragments, vec!["the system was never breached"]);
    assert_eq!(got[0].source, Some("Security experts and state officials"));
}

#[test]
fn a_subject_with_apposition_is_not_reported_content() {
    let text = "Mr. Felix Amadi, a retired engineer at the port authority, said Ms. Okafor handled the crisis calmly.";
    assert_eq!(
        run(text),
        vec![s(
            &["Ms. Okafor handled the crisis calmly"],
            Indirect,
            Some("said"),
            Some("Mr. Felix Amadi, a retired engineer at the port authority"),
            Some("Felix Amadi")
        )]
    );
}

#[test]
fn an_apposition_may_hold_a_relative_clause_and_the_name_a_joiner() {
    let text = "Senator Rhea Colt, the Republican who leads the budget panel, which oversees the agency, \
                said the cuts were a mistake. Bishop Tomas de Luna, a critic of the plan, said it would fail.";
    let got: Vec<_> = run(text).into_iter().map(|x| (x.fragments[0], x.source.unwrap())).collect();
    assert_eq!(
        got,
        vec![
            (
                "the cuts were a mistake",
                "Senator Rhea Colt, the Republican who leads the budget panel, which oversees the agency"
            ),
            ("it would fail", "Bishop Tomas de Luna, a critic of the plan"),
        ]
    );
}

#[test]
fn a_weak_second_verb_reports_its_quoted_object() {
    let text = "The minister presented her housing bill and vowed to help “families priced out of the city.”";
    assert_eq!(
        run(text),
        vec![s(
            &["to help “families priced out of the city."],
            Mixed,
            Some("vowed"),
            Some("The minister"),
            Some("The minister")
        )]
    );
}

#[test]
fn shares_of_respondents_and_a_report_ending_at_while() {
    let text = "Of the parents surveyed, 61 percent said they wanted longer school days, while half said the days were long enough.";
    let got: Vec<_> = run(text).into_iter().map(|x| (x.fragments[0], x.source.unwrap())).collect();
    assert_eq!(got, vec![("they wanted longer school days", "61 percent"), ("the days were long enough", "half")]);
}

#[test]
fn a_cue_word_after_a_determiner_is_a_noun() {
    let text = "The council later explained the warning was “meant for drivers on the coast road.”";
    assert_eq!(
        run(text),
        vec![s(
            &["the warning was “meant for drivers on the coast road."],
            Mixed,
            Some("explained"),
            Some("The council"),
            Some("The council")
        )]
    );
}

#[test]
fn a_dateline_and_sources_familiar_with_the_matter() {
    let text = "NEW YORK -- Acme says its profits doubled. A person familiar with the plans says the merger \
                is near. People close to the team said the coach would stay.";
    let got: Vec<_> = run(text).into_iter().map(|x| (x.fragments[0], x.source.unwrap())).collect();
    assert_eq!(
        got,
        vec![
            ("its profits doubled", "Acme"),
            ("the merger is near", "A person familiar with the plans"),
            ("the coach would stay", "People close to the team"),
        ]
    );
}

#[test]
fn an_apposition_may_end_in_a_quoted_programme_name() {
    let text = "Maria Olsen, host of Radio Nord’s “Evening Desk,” said the strike was over. \
                Peter Vance, who writes the column “Small Change,” told readers that rents would rise.";
    assert_eq!(
        run(text),
        vec![
            s(&["the strike was over"], Indirect, Some("said"), Some("Maria Olsen"), Some("Maria Olsen")),
            s(&["that rents would rise"], Indirect, Some("told"), Some("Peter Vance"), Some("Peter Vance")),
        ]
    );
}

#[test]
fn a_quotation_after_a_second_verb_takes_the_subject() {
    let text = "Councillor Ruth Abebe praised the new library and added, “It was worth every cent.” \
                In an interview with reporter Tom Ash on Friday, Mayor Ida Brandt toured the dam and said: \
                “We will rebuild the road.”";
    assert_eq!(
        run(text),
        vec![
            s(&["It was worth every cent."], Direct, Some("added"), Some("Councillor Ruth Abebe"), Some("Ruth Abebe")),
            s(&["We will rebuild the road."], Direct, Some("said"), Some("Mayor Ida Brandt"), Some("Ida Brandt")),
        ]
    );
}

#[test]
fn manner_verbs_and_a_speaker_after_an_exclamation() {
    let text = "The hall went quiet.\n\n“This is a great day!” beamed Lidia Sousa, waving a flag.\n\n\
                “Not again!” Okafor shouted, and the crowd laughed.\n\n\
                “The proud state of Vermont casts ten votes for the governor!” State Senator Ida Crane said.";
    let got: Vec<_> = run(text).into_iter().map(|x| (x.fragments[0], x.cue.unwrap(), x.source.unwrap())).collect();
    assert_eq!(
        got,
        vec![
            ("This is a great day!", "beamed", "Lidia Sousa"),
            ("Not again!", "shouted", "Okafor"),
            ("The proud state of Vermont casts ten votes for the governor!", "said", "State Senator Ida Crane"),
        ]
    );
}

#[test]
fn put_it_introduces_a_quotation() {
    let text = "Senator Ida Crane, the party's whip, put it bluntly: “This bill will not pass.” \
                The aide could only quip: “I guess the hall was booked.”";
    let got: Vec<_> = run(text).into_iter().map(|x| (x.fragments[0], x.cue.unwrap(), x.source.unwrap())).collect();
    assert_eq!(
        got,
        vec![
            ("This bill will not pass.", "put it", "Senator Ida Crane, the party's whip"),
            ("I guess the hall was booked.", "quip", "The aide"),
        ]
    );
}

#[test]
fn a_quotation_opening_a_clause_after_the_cue_is_mixed() {
    let text = "The mayor said “it makes me furious” every time a bridge closes without warning. \
                The coach said “we were robbed.”";
    assert_eq!(
        run(text),
        vec![
            s(
                &["it makes me furious” every time a bridge closes without warning"],
                Mixed,
                Some("said"),
                Some("The mayor"),
                Some("The mayor")
            ),
            s(&["we were robbed."], Direct, Some("said"), Some("The coach"), Some("The coach")),
        ]
    );
}

#[test]
fn groups_of_people_as_sources() {
    let text = "The mill has been looking for a buyer, and sources familiar with the talks have said \
                it hoped to sign a deal by June. The mill wants a buyer, but people close to the talks \
                said the price was too high. In the three years since the flood, some in the village \
                say the help has run out.";
    let got: Vec<_> = run(text).into_iter().map(|x| (x.fragments[0], x.source.unwrap())).collect();
    assert_eq!(
        got,
        vec![
            ("it hoped to sign a deal by June", "sources familiar with the talks"),
            ("the price was too high", "people close to the talks"),
            ("the help has run out", "some in the village"),
        ]
    );
}

#[test]
fn a_long_relative_clause_and_an_inserted_citation() {
    let text = "Okafor, who won two titles on the tour and represented Kenya at the games with Lee \
                (they tied for fifth) during the spring of 2017, said he was excited to race again. \
                Ms. Lee, citing two unnamed officials, said the race would be moved.";
    let got: Vec<_> = run(text).into_iter().map(|x| (x.fragments[0], x.source.unwrap())).collect();
    assert_eq!(got, vec![("he was excited to race again", "Okafor"), ("the race would be moved", "Ms. Lee")]);
}

#[test]
fn the_hearer_of_told_ends_before_a_subject_pronoun() {
    let text = "Mayor Ann Lee told the council she would veto the budget. \
                Kofi Mensah also told Radio Accra he’d run again in the fall.";
    let got: Vec<_> = run(text).into_iter().map(|x| (x.fragments[0], x.source.unwrap())).collect();
    assert_eq!(
        got,
        vec![("she would veto the budget", "Mayor Ann Lee"), ("he’d run again in the fall", "Kofi Mensah")]
    );
}

#[test]
fn ages_descriptions_and_inserted_adverbs_around_a_source() {
    let text = "Mara Lind, 27, a nurse in Boston, said the ward rarely closed. \
                One pastor backing the mayor, Tom Reed of Grace Church, said he had made many calls. \
                Neighbours, however, say the noise is worse. \
                The vote was closer than anyone expected, said a few residents. \
                The plan is unfair to every renter, city councillors said late Friday, after the vote.";
    let got: Vec<_> = run(text).into_iter().map(|x| (x.fragments[0], x.source.unwrap())).collect();
    assert_eq!(
        got,
        vec![
            ("the ward rarely closed", "Mara Lind, 27, a nurse in Boston"),
            ("he had made many calls", "One pastor backing the mayor, Tom Reed of Grace Church"),
            ("the noise is worse", "Neighbours"),
            ("The vote was closer than anyone expected", "a few residents"),
            ("The plan is unfair to every renter", "city councillors"),
        ]
    );
}

#[test]
fn sources_with_times_parentheses_relative_clauses_and_shares() {
    let text = "The tax plan has helped drive turnout, said Paul Grey, a professor of politics at Lake University. \
                Party spokesman Sam Pike on Friday evening said the party had no money worries. \
                Senator Ann Cole (R-Kan.) last week said the bill was sound. \
                Sen. Jo Reed (D-Vt.), said after a meeting on Tuesday that he had not read the plan. \
                Executives for Acme, which earned $30 billion last year, say the company will save money. \
                Aides said more than a thousand volunteers signed up. \
                Three in five said they would skip the meeting.";
    let got: Vec<_> = run(text).into_iter().map(|x| (x.fragments[0], x.source.unwrap())).collect();
    assert_eq!(
        got,
        vec![
            ("The tax plan has helped drive turnout", "Paul Grey"),
            ("the party had no money worries", "Party spokesman Sam Pike"),
            ("the bill was sound", "Senator Ann Cole (R-Kan.)"),
            ("that he had not read the plan", "Sen. Jo Reed (D-Vt.)"),
            ("the company will save money", "Executives for Acme"),
            ("more than a thousand volunteers signed up", "Aides"),
            ("they would skip the meeting", "Three in five"),
        ]
    );
}

#[test]
fn a_participle_after_the_main_clause_takes_its_named_subject() {
    let text = "In a short speech on Tuesday night, Mayor Dan Lane took a calm line, \
                saying he knew the job would be hard. \
                Mr. Kirk, who walks with difficulty, also noted that the bridge was closed.";
    let got: Vec<_> = run(text).into_iter().map(|x| (x.fragments[0], x.cue.unwrap(), x.source.unwrap())).collect();
    assert_eq!(
        got,
        vec![
            ("he knew the job would be hard", "saying", "Mayor Dan Lane"),
            ("that the bridge was closed", "noted", "Mr. Kirk"),
        ]
    );
}

#[test]
fn a_photo_caption_is_no_report() {
    let text = "Mayor Ann Lee said the road would reopen in May. (Tom Ash/The Daily Courier)\n\n\
                Mayor Ann Lee said the bridge would reopen in June. (The bridge has been shut since March.)";
    let got: Vec<_> = run(text).into_iter().map(|x| x.fragments[0]).collect();
    assert_eq!(got, vec!["the bridge would reopen in June"]);
}

#[test]
fn a_link_line_quotes_another_story() {
    let text = "READ MORE: Mayor says the bridge will “reopen by spring.”\n\n\
                Watch: “We are ready,” the coach says.\n\n\
                The coach said the team was ready.";
    let got: Vec<_> = run(text).into_iter().map(|x| x.fragments[0]).collect();
    assert_eq!(got, vec!["the team was ready"]);
}

#[test]
fn a_participle_shares_the_source_of_its_sentence() {
    let text = "It was a long night, said Rep. Jo Ash (D-Va.) at the time, adding that “we will be back.” \
                “We won,” he said, adding that the count was not over. \
                Mayor Ann Lee praised the city's “grit and heart,” saying the city would recover.";
    let got: Vec<_> = run(text).into_iter().map(|x| (x.fragments[0], x.source.unwrap())).collect();
    assert_eq!(
        got,
        vec![
            ("It was a long night", "Rep. Jo Ash"),
            ("that “we will be back.", "Rep. Jo Ash"),
            ("We won,", "he"),
            ("that the count was not over", "he"),
            ("the city would recover", "Mayor Ann Lee"),
        ]
    );
}

#[test]
fn a_source_restricted_by_a_relative_clause() {
    let text = "Even so, engineers who have studied the old dam say the firm could do more. \
                Neighbours who have met the council say their first worry is the road.";
    let got: Vec<_> = run(text).into_iter().map(|x| (x.fragments[0], x.source.unwrap())).collect();
    assert_eq!(
        got,
        vec![
            ("the firm could do more", "engineers who have studied the old dam"),
            ("their first worry is the road", "Neighbours who have met the council"),
        ]
    );
}

#[test]
fn verbs_that_take_a_clause_report_one_without_that() {
    let text = "Okafor argued the new fence had nothing to do with the flooding. \
                Okafor argued the case before the appeals court.";
    let got: Vec<_> = run(text).into_iter().map(|x| (x.fragments[0], x.cue.unwrap())).collect();
    assert_eq!(got, vec![("the new fence had nothing to do with the flooding", "argued")]);
}

#[test]
fn a_fronted_phrase_before_an_interruption_is_no_statement() {
    let text = "With 30 seats at stake, the mayor said, the vote was close. \
                And yet, the mayor said, the vote was fair.                 The river rose fast, the mayor said.";
    let got: Vec<_> = run(text).into_iter().map(|x| x.fragments[0]).collect();
    assert_eq!(got, vec!["the vote was close", "the vote was fair", "The river rose fast"]);
}

#[test]
fn a_markup_attribute_value_is_no_quotation() {
    let text = "<tweet author=\"cityhall\" title=\"The mayor opens the new bridge over the river today.\">\
                The bridge is open again.</tweet>\n\n\
                “It is open again,” the mayor said.";
    let got: Vec<_> = run(text).into_iter().map(|x| x.fragments[0]).collect();
    assert_eq!(got, vec!["It is open again,"]);
}

#[test]
fn a_message_saying_reports_its_sender() {
    let text = "The ministry posted a notice Wednesday saying that the ferry would stop. \
                The union issued a statement saying its members would strike.";
    let got: Vec<_> = run(text).into_iter().map(|x| (x.fragments[0], x.source.unwrap())).collect();
    assert_eq!(got, vec![("that the ferry would stop", "The ministry"), ("its members would strike", "The union")]);
}

#[test]
fn a_speaker_after_a_question_with_a_subordinate_clause() {
    let text = "The runners lined up.\n\n“Is the course flat?” Okafor asked before setting off.";
    assert_eq!(run(text), vec![s(&["Is the course flat?"], Direct, Some("asked"), Some("Okafor"), Some("Okafor"))]);
}

#[test]
fn an_embedded_post_reports_its_author() {
    let text = "Crews worked through the night.\n\n\
                Fewer than 9,000 homes on the coast still have no water. pic.twitter.com/Ab12Cd34 \
                — Coast Water (@coastwater) March 2, 2021\n\n\
                The storm moved east.";
    assert_eq!(
        run(text),
        vec![s(
            &["Fewer than 9,000 homes on the coast still have no water."],
            Indirect,
            None,
            Some("Coast Water"),
            Some("Coast Water")
        )]
    );
}

#[test]
fn a_quotation_signed_with_a_name() {
    let text = "Readers wrote in about the new bridge.\n\n\
                “It saves me twenty minutes every morning.” ― Ana Ruiz\n\
                “The tolls are far too high for families like mine.” — Tom Ash.\n";
    let got: Vec<_> = run(text).into_iter().map(|x| (x.fragments[0], x.cue, x.source.unwrap())).collect();
    assert_eq!(
        got,
        vec![
            ("It saves me twenty minutes every morning.", None, "Ana Ruiz"),
            ("The tolls are far too high for families like mine.", None, "Tom Ash"),
        ]
    );
}

#[test]
fn a_prepositional_phrase_is_no_source() {
    let text = "In late March the firm announced that Ann Lee would lead the board. \
                “We will review it.” On a brighter note, the talks went well.";
    let got: Vec<_> = run(text).into_iter().map(|x| (x.fragments[0], x.cue, x.source)).collect();
    assert_eq!(
        got,
        vec![
            ("that Ann Lee would lead the board", Some("announced"), Some("the firm")),
            ("We will review it.", None, Some("the firm")),
        ]
    );
}

#[test]
fn a_cue_with_an_object_after_a_quotation_does_not_attribute_it() {
    let text = "“We will review every page of it.” The minister praised the report.";
    assert_eq!(run(text), vec![s(&["We will review every page of it."], Direct, None, None, None)]);
}

#[test]
fn a_channel_between_source_and_verb_and_a_short_answer() {
    let text = "Ana Ortiz in a blog post said she would name more judges. \
                Asked whether he would vote for the bill, Senator Jo Vance said he would.";
    let got: Vec<_> = run(text).into_iter().map(|x| (x.fragments[0], x.source.unwrap())).collect();
    assert_eq!(got, vec![("she would name more judges", "Ana Ortiz"), ("he would", "Senator Jo Vance")]);
}

#[test]
fn a_capitalized_cue_word_inside_a_name() {
    let text = "Ohio Secretary of State Jo Marsh announced Wednesday that turnout was a record. \
                The gate, the Border States Customs office said, was closed.";
    let got: Vec<_> = run(text).into_iter().map(|x| (x.fragments[0], x.cue.unwrap())).collect();
    assert_eq!(got, vec![("that turnout was a record", "announced"), ("The gate", "said")]);
}

#[test]
fn a_fronted_participle_is_no_statement_but_a_gerund_subject_is() {
    let text = "Speaking in Dover, Del., on Thursday morning, the governor denied the report. \
                Being in office at 25 can be hard, Ostrander said.";
    let got: Vec<_> = run(text).into_iter().map(|x| (x.fragments[0], x.source.unwrap())).collect();
    assert_eq!(got, vec![("Being in office at 25 can be hard", "Ostrander")]);
}

#[test]
fn a_document_named_after_according_to() {
    let text = "According to a report by the coastal agency, flooding in the area has tripled since 2000. \
                “The wall comes too late,” said former secretary of state Ana Lind.";
    let got: Vec<_> = run(text).into_iter().map(|x| (x.fragments[0], x.source.unwrap())).collect();
    assert_eq!(
        got,
        vec![
            ("flooding in the area has tripled since 2000", "a report by the coastal agency"),
            ("The wall comes too late,", "former secretary of state Ana Lind"),
        ]
    );
}

/// A plural possessive in the speaker's phrase ("the nurses' union") is
/// part of the phrase, with either apostrophe, and no closing quotation
/// mark: before, the phrase stopped at it and the statement was lost.
#[test]
fn plural_possessive_in_the_source_phrase() {
    for apostrophe in ["'", "’"] {
        let before = format!("The nurses{apostrophe} union leader Ivo Brandt said that wards would close.");
        let source = format!("The nurses{apostrophe} union leader Ivo Brandt");
        assert_eq!(
            run(&before),
            vec![s(&["that wards would close"], Indirect, Some("said"), Some(&source), Some("Ivo Brandt"))]
        );
        let after = format!("“Wards will close,” the nurses{apostrophe} union leader Ivo Brandt said.");
        let source = format!("the nurses{apostrophe} union leader Ivo Brandt");
        assert_eq!(
            run(&after),
            vec![s(&["Wards will close,"], Direct, Some("said"), Some(&source), Some("Ivo Brandt"))]
        );
    }
    // A closing single quotation mark after a word in "s" still closes.
    let text = "‘We lost both matches,’ said coach Ivo Brandt.";
    assert_eq!(
        run(text),
        vec![s(&["We lost both matches,"], Direct, Some("said"), Some("coach Ivo Brandt"), Some("Ivo Brandt"))]
    );
}

/// A verb of telling names its hearer first; without "that" the content
/// starts where the hearer ends: after a pronoun, a name, a phrase that a
/// second determiner ends, or a plural noun.
#[test]
fn the_hearer_of_told_is_not_content() {
    let cases = [
        ("The minister told lawmakers the levy would raise 40 million euros.", "the levy would raise 40 million euros"),
        ("The minister told reporters the plan was dead.", "the plan was dead"),
        ("The minister told the BBC the plan was dead.", "the plan was dead"),
        ("The mayor told a news conference the road would reopen in May.", "the road would reopen in May"),
        ("The coach told investigators rail workers were his friends.", "rail workers were his friends"),
        ("The coach told the Bank of Lisbon the loan was safe.", "the loan was safe"),
        ("She told him the plan was dead.", "the plan was dead"),
    ];
    for (text, content) in cases {
        let got = run(text);
        assert_eq!(got.len(), 1, "{text}");
        assert_eq!(got[0].fragments, vec![content], "{text}");
        assert_eq!(got[0].cue, Some("told"), "{text}");
    }
}

/// A participle's source is the subject of its sentence: past a dateline
/// ("CITY (Agency) —"), and a possessive name with its noun.
#[test]
fn participle_source_past_a_dateline() {
    let text = "MERIDIAN, Idaho (AP) — Idaho's water board on Monday raised rates, \
                saying the aquifer was running dry.";
    assert_eq!(
        run(text),
        vec![s(
            &["the aquifer was running dry"],
            Indirect,
            Some("saying"),
            Some("Idaho's water board"),
            Some("Idaho's water board")
        )]
    );
}

/// "The authority said": a definite description points back to the
/// organization its noun names, past a nearer one of another kind.
#[test]
fn description_points_to_the_organization_it_names() {
    let text = "The Lakeside Harbour Authority closed the pier on Monday. \
                Ana Ruiz of the Northfield Institute said the pier was unsafe. \
                The authority said it would reopen the pier in June.";
    let got = run(text);
    assert_eq!(got.len(), 2);
    assert_eq!(got[1].source, Some("The authority"));
    assert_eq!(got[1].speaker.as_deref(), Some("Lakeside Harbour Authority"));
}
