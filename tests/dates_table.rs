//! A table of temporal expressions in sentences written for newsmark, each
//! with its reference date and the exact span, TIMEX3 type and value the
//! dates layer must give. Rows with no type are false-positive guards: the
//! named text must not be (part of) any expression.

use newsmark::dates::{find, DateType};
use newsmark::text::Document;
use newsmark::Date;

use DateType::{Date as D, Duration as P, Set as S, Time as T};

/// (text, reference date or "", expected span text, type, value).
/// A `None` type means the span text must not be marked at all.
type Row = (&'static str, &'static str, &'static str, Option<DateType>, &'static str);

const R: &str = "2020-11-05"; // a Thursday

#[rustfmt::skip]
const ROWS: &[Row] = &[
    // --- absolute dates -------------------------------------------------
    ("The vote was held on November 3, 2020, across the country.", R, "November 3, 2020", Some(D), "2020-11-03"),
    ("The vote was held on 3 November 2020 across the country.", R, "3 November 2020", Some(D), "2020-11-03"),
    ("The law took effect in November 2020 after a long fight.", R, "November 2020", Some(D), "2020-11"),
    ("The law took effect in March of 1998, officials said.", R, "March of 1998", Some(D), "1998-03"),
    ("Results were certified on Nov. 24, officials said.", R, "Nov. 24", Some(D), "2020-11-24"),
    ("The ceasefire began Sept. 9 and collapsed a week later.", R, "Sept. 9", Some(D), "2020-09-09"),
    ("The file was dated 2020-11-03 and signed by two judges.", R, "2020-11-03", Some(D), "2020-11-03"),
    ("The letter, dated 11/3/2020, was read aloud.", R, "11/3/2020", Some(D), "2020-11-03"),
    ("The letter, dated 11/3/20, was read aloud.", R, "11/3/20", Some(D), "2020-11-03"),
    ("The ruling came on Tuesday, Nov. 3, shortly before noon.", R, "Tuesday, Nov. 3", Some(D), "2020-11-03"),
    ("Parliament met on the 12th of October to debate the bill.", R, "the 12th of October", Some(D), "2020-10-12"),
    ("The company was founded in 1998 in a garage.", R, "1998", Some(D), "1998"),
    ("Since 2015, the agency has doubled its staff.", R, "2015", Some(D), "2015"),
    ("Prices rose sharply in the 1990s, the report found.", R, "the 1990s", Some(D), "199"),
    ("Rock music changed in the '60s, the curator said.", R, "the '60s", Some(D), "196"),
    ("Unemployment was high in the early 1980s.", R, "the early 1980s", Some(D), "198"),
    ("The cathedral dates from the 12th century.", R, "the 12th century", Some(D), "11"),
    ("Growth is forecast to slow in mid-2021, the bank said.", R, "mid-2021", Some(D), "2021"),
    ("Sales fell in early 2019 before recovering.", R, "early 2019", Some(D), "2019"),
    ("The budget for fiscal 2021 was approved.", R, "fiscal 2021", Some(D), "2021"),
    ("Profit rose in the third quarter, the firm said.", R, "the third quarter", Some(D), "2020-Q3"),
    ("Third-quarter earnings beat forecasts.", R, "Third-quarter", Some(D), "2020-Q3"),
    ("Sales in the first half of 2019 were flat.", R, "the first half of 2019", Some(D), "2019-H1"),
    ("The merger closed in the fourth quarter of 2018.", R, "the fourth quarter of 2018", Some(D), "2018-Q4"),
    ("Inflation should ease in the first half of next year.", R, "the first half of next year", Some(D), "2021-H1"),
    ("Growth slowed in the second quarter of last year.", R, "the second quarter of last year", Some(D), "2019-Q2"),
    ("Profit fell in the 1988 second quarter, the filing shows.", R, "the 1988 second quarter", Some(D), "1988-Q2"),
    ("Shops reopened after Christmas, the mayor said.", R, "Christmas", Some(D), "2019-12-25"),
    ("The parade is held every year on Independence Day.", R, "Independence Day", Some(D), "2020-07-04"),
    ("Stores will close early on Christmas Eve.", R, "Christmas Eve", Some(D), "2020-12-24"),
    ("Families gathered on Thanksgiving Day 2019 despite the storm.", R, "Thanksgiving Day 2019", Some(D), "2019-11-28"),
    ("Churches were full on Easter Sunday 2021.", R, "Easter Sunday 2021", Some(D), "2021-04-04"),
    ("Crops failed in the summer of 2018.", R, "the summer of 2018", Some(D), "2018-SU"),
    ("Talks resumed in spring 2019.", R, "spring 2019", Some(D), "2019-SP"),
    ("Talks will resume in the spring, diplomats said.", R, "the spring", Some(D), "2020-SP"),
    ("The museum has been closed since '82, locals said.", R, "'82", Some(D), "1982"),
    ("The deadline is the end of the year, officials said.", R, "the end of the year", Some(D), "2020"),
    ("The plant will close by year-end.", R, "year-end", Some(D), "2020-12-31"),
    ("The treaty was signed in 1648 in Westphalia.", R, "1648", Some(D), "1648"),
    ("Nineteen ninety-six was a bad year, she recalled on air.", R, "Nineteen ninety-six", Some(D), "1996"),
    // --- year-less dates take the nearest year --------------------------
    ("The offer was extended to Dec. 15.", "1989-11-02", "Dec. 15", Some(D), "1989-12-15"),
    ("The dividend is payable Jan. 2 to holders of record.", "1989-11-02", "Jan. 2", Some(D), "1990-01-02"),
    ("The shooting happened on Dec. 30, police said.", "1998-01-08", "Dec. 30", Some(D), "1997-12-30"),
    ("The trial opened in October with no jury.", "1998-01-08", "October", Some(D), "1997-10"),
    ("The summit is planned for April in Washington.", "1998-11-20", "April", Some(D), "1999-04"),
    ("Those shipments arrived in June last year.", R, "June last year", Some(D), "2019-06"),
    ("In January this year, the board resigned.", R, "January this year", Some(D), "2020-01"),
    // --- relative dates -------------------------------------------------
    ("The minister resigned yesterday after the vote.", R, "yesterday", Some(D), "2020-11-04"),
    ("The minister will resign tomorrow, aides said.", R, "tomorrow", Some(D), "2020-11-06"),
    ("Markets opened lower today in Tokyo.", R, "today", Some(D), "2020-11-05"),
    ("Today's ruling surprised the defence.", R, "Today", Some(D), "2020-11-05"),
    ("The plant closed last year after the fire.", R, "last year", Some(D), "2019"),
    ("The plant will close next year, the owners said.", R, "next year", Some(D), "2021"),
    ("Inflation has risen this year, the bank said.", R, "this year", Some(D), "2020"),
    ("Sales rose 4 percent last month, the agency said.", R, "last month", Some(D), "2020-10"),
    ("Sales will be reported next month.", R, "next month", Some(D), "2020-12"),
    ("The committee met this week in private.", R, "this week", Some(D), "2020-W45"),
    ("The committee met last week in private.", R, "last week", Some(D), "2020-W44"),
    ("The committee meets next week in Geneva.", R, "next week", Some(D), "2020-W46"),
    ("The house was sold this weekend, the agent said.", R, "this weekend", Some(D), "2020-W45-WE"),
    ("Losses narrowed last quarter, the bank said.", R, "last quarter", Some(D), "2020-Q3"),
    ("The bridge opened two weeks ago, residents said.", R, "two weeks ago", Some(D), "2020-W43"),
    ("The bridge opened three days ago.", R, "three days ago", Some(D), "2020-11-02"),
    ("The company was founded a decade ago.", R, "a decade ago", Some(D), "201"),
    ("The firm went public five years ago.", R, "five years ago", Some(D), "2015"),
    ("The verdict came a year earlier.", R, "a year earlier", Some(D), "2019"),
    ("Prices jumped earlier this month, traders said.", R, "earlier this month", Some(D), "2020-11"),
    ("The report will be released later this year.", R, "later this year", Some(D), "2020"),
    ("Fighting broke out late last year.", R, "late last year", Some(D), "2019"),
    ("Talks will begin early next week.", R, "early next week", Some(D), "2020-W46"),
    ("The harvest failed last summer.", R, "last summer", Some(D), "2020-SU"),
    ("Voters will decide next spring.", R, "next spring", Some(D), "2021-SP"),
    ("The station was closed last March for repairs.", R, "last March", Some(D), "2020-03"),
    ("He will travel to Paris next March.", R, "next March", Some(D), "2021-03"),
    ("Both sides met again over the weekend.", R, "the weekend", Some(D), "2020-W44-WE"),
    ("Net income for the year-earlier quarter was lower.", R, "the year-earlier quarter", Some(D), "2019-Q3"),
    ("Sales in the latest quarter rose 9 percent.", R, "the latest quarter", Some(D), "2020-Q3"),
    ("The firm compared it with year-earlier profit.", R, "year-earlier", Some(D), "2019"),
    ("He arrived on his first visit the next day.", R, "the next day", Some(D), "2020-11-06"),
    ("The board met later that day to discuss it.", R, "later that day", Some(D), "XXXX-XX-XX"),
    // --- "that day", "the same year": the unit of the last date named ---
    ("The vote was held on Oct. 12, and the board met later that day.", R, "later that day", Some(D), "2020-10-12"),
    ("The firm was founded in 1998 and sold that same year.", R, "that same year", Some(D), "1998"),
    ("Profit rose in the second quarter of 2019; results for that quarter included a gain.", R, "that quarter", Some(D), "2019-Q2"),
    ("Fighting broke out on March 3, 2016, and the talks ended that month.", R, "that month", Some(D), "2016-03"),
    ("The bridge opened in 2004. The same day, the ferry stopped running.", R, "The same day", Some(D), "XXXX-XX-XX"),
    ("She joined the firm in 1995 and became a partner the following year.", R, "the following year", Some(D), "1996"),
    ("The plant closed on March 2, 2015; the mayor resigned the next day.", R, "the next day", Some(D), "2015-03-03"),
    ("Profit rose 8% in the third quarter from a year earlier.", R, "a year earlier", Some(D), "2019-Q3"),
    ("The dam failed on June 4, 2018. Two weeks earlier, inspectors had warned of cracks.", R, "Two weeks earlier", Some(D), "2018-05-21"),
    ("The dam failed in 2018, two years ago.", R, "two years ago", Some(D), "2018"),
    ("Sales reached $4 million in the third quarter, up from $3 million a year ago.", R, "a year ago", Some(D), "2019-Q3"),
    ("The strike began on Tuesday; the last one was five years ago.", R, "five years ago", Some(D), "2015"),
    ("The vote was held in March 2015. A year ago, the party split.", R, "A year ago", Some(D), "2019"),
    ("Third-quarter profit beat year-earlier results.", R, "year-earlier", Some(D), "2019-Q3"),
    ("Profit rose in the second quarter, after a loss in the 2019 period.", R, "the 2019 period", Some(D), "2019-Q2"),
    ("The mill was sold in the 2018 quarter, the filing shows.", R, "the 2018 quarter", Some(D), "2018"),
    // --- tense decides a bare weekday -----------------------------------
    ("Senator Jane Doe said on Tuesday that the bill would pass.", R, "Tuesday", Some(D), "2020-11-03"),
    ("The committee will vote on Tuesday, aides said.", R, "Tuesday", Some(D), "2020-11-10"),
    ("The governor announced Monday that schools would reopen.", R, "Monday", Some(D), "2020-11-02"),
    ("The governor is expected to announce the plan Monday.", R, "Monday", Some(D), "2020-11-09"),
    ("Police arrested two men Saturday near the border.", R, "Saturday", Some(D), "2020-10-31"),
    ("The talks are scheduled to resume Saturday in Vienna.", R, "Saturday", Some(D), "2020-11-07"),
    ("The council met Thursday to approve the budget.", R, "Thursday", Some(D), "2020-11-05"),
    ("The council will meet Thursday to approve the budget.", R, "Thursday", Some(D), "2020-11-05"),
    ("Voters went to the polls on Sunday in large numbers.", R, "Sunday", Some(D), "2020-11-01"),
    ("The results will be published Friday, the commission said.", R, "Friday", Some(D), "2020-11-06"),
    ("Mr. Smith told reporters Wednesday he would run again.", R, "Wednesday", Some(D), "2020-11-04"),
    ("The union said it plans to strike on Wednesday.", R, "Wednesday", Some(D), "2020-11-11"),
    ("The ship was seized last Tuesday off the coast.", R, "last Tuesday", Some(D), "2020-11-03"),
    ("The ship will dock next Tuesday in Lisbon.", R, "next Tuesday", Some(D), "2020-11-10"),
    ("Without a date, the board met Tuesday to decide.", "", "Tuesday", Some(D), "XXXX-WXX-2"),
    ("The rally drew thousands Friday night in the capital.", R, "Friday night", Some(D), "2020-10-30TNI"),
    ("The talks ended Wednesday's session without a deal.", R, "Wednesday", Some(D), "2020-11-04"),
    ("Lawyers will appeal against Wednesday's ruling, the family said.", R, "Wednesday", Some(D), "2020-11-04"),
    ("The index will have gained 4% since year-end if it holds.", R, "year-end", Some(D), "2019-12-31"),
    ("Prices will have doubled since Dec. 20 by the time the law takes effect.", R, "Dec. 20", Some(D), "2019-12-20"),
    ("The shares are to resume trading Monday in Paris.", R, "Monday", Some(D), "2020-11-09"),
    ("The paper wrote in an editorial on Tuesday, Nov. 3: the count must go on.", R, "Tuesday, Nov. 3", Some(D), "2020-11-03"),
    ("The summit will be held Tuesday in Oslo.", R, "Tuesday", Some(D), "2020-11-10"),
    ("Talks are set to restart Monday in Geneva.", R, "Monday", Some(D), "2020-11-09"),
    ("Crews were planning to reopen the road on Sunday.", R, "Sunday", Some(D), "2020-11-08"),
    ("The ballot had been due to close Friday, the board said.", R, "Friday", Some(D), "2020-10-30"),
    ("The airline will add flights by August in search of untapped markets.", R, "August", Some(D), "2021-08"),
    ("He added that rules to be published in December will decide the case.", R, "December", Some(D), "2020-12"),
    // --- a deadline word points ahead whatever the verb -----------------
    ("Banks were ordered to remain shut until Monday.", R, "Monday", Some(D), "2020-11-09"),
    ("Until Monday, the family had heard nothing from him.", R, "Monday", Some(D), "2020-11-02"),
    ("The envoy could arrive as early as Monday.", R, "Monday", Some(D), "2020-11-09"),
    ("The price rise approved by regulators is effective Feb. 20.", R, "Feb. 20", Some(D), "2021-02-20"),
    ("The board gave the bidders until mid-January to improve the offer.", R, "mid-January", Some(D), "2021-01"),
    ("The firm must repay the loan by February.", R, "February", Some(D), "2021-02"),
    ("Regulators had received the reports by Monday.", R, "Monday", Some(D), "2020-11-02"),
    ("The company agreed to buy the plant in February.", R, "February", Some(D), "2021-02"),
    ("The new chief will take over Feb. 20.", R, "Feb. 20", Some(D), "2021-02-20"),
    ("The agency unveiled the plan Sept. 14.", R, "Sept. 14", Some(D), "2020-09-14"),
    // --- no reference: unresolved values --------------------------------
    ("The plant closed last year after the fire.", "", "last year", Some(D), "XXXX"),
    ("The minister resigned yesterday after the vote.", "", "yesterday", Some(D), "XXXX-XX-XX"),
    ("The committee met last week in private.", "", "last week", Some(D), "XXXX-WXX"),
    ("Results were certified on Nov. 24, officials said.", "", "Nov. 24", Some(D), "XXXX-11-24"),
    ("The trial opened in October with no jury.", "", "October", Some(D), "XXXX-10"),
    // --- times ----------------------------------------------------------
    ("The blast hit the embassy on Aug. 7, 1998, at 10:35 a.m. local time.", R, "10:35 a.m.", Some(T), "1998-08-07T10:35"),
    ("Polls close at 8 p.m., officials said.", R, "8 p.m.", Some(T), "2020-11-05T20:00"),
    ("The index rose early but ended the day down 1.2%.", R, "the day", Some(D), "2020-11-05"),
    ("For the week, the index gained 3%.", R, "the week", Some(D), "2020-W45"),
    ("She remembers the day her son was born.", R, "the day", None, ""),
    ("The polls closed at 8 p.m. in most states.", R, "8 p.m.", Some(T), "2020-11-05T20:00"),
    ("The polls closed at 8:30 p.m. in most states.", R, "8:30 p.m.", Some(T), "2020-11-05T20:30"),
    ("The briefing starts at 10 a.m. EST, a spokesman said.", R, "10 a.m. EST", Some(T), "2020-11-05T10:00"),
    ("Trading was halted at 14:30 GMT.", R, "14:30 GMT", Some(T), "2020-11-05T14:30Z"),
    ("The fire started at 11 p.m. Tuesday, officials said.", R, "11 p.m. Tuesday", Some(T), "2020-11-03T23:00"),
    ("The talks stalled at noon Thursday.", R, "noon Thursday", Some(T), "2020-11-05T12:00"),
    ("The curfew starts at midnight.", R, "midnight", Some(T), "2020-11-05T24:00"),
    ("The shops open at 9 o'clock sharp.", R, "9 o'clock", Some(T), "2020-11-05T09:00"),
    ("The president spoke to the nation this morning.", R, "this morning", Some(T), "2020-11-05TMO"),
    ("Two houses burned down last night in the village.", R, "last night", Some(T), "2020-11-04TNI"),
    ("The minister will speak tonight on television.", R, "tonight", Some(D), "2020-11-05TNI"),
    ("The body was found yesterday morning by hikers.", R, "yesterday morning", Some(D), "2020-11-04TMO"),
    // --- durations ------------------------------------------------------
    ("The strike lasted three years and ruined the town.", R, "three years", Some(P), "P3Y"),
    ("The hostages were held for 44 days.", R, "44 days", Some(P), "P44D"),
    ("After a 44-day siege, the rebels surrendered.", R, "44-day", Some(P), "P44D"),
    ("It ended a 30-year-long dispute over the border.", R, "30-year-long", Some(P), "P30Y"),
    ("He worked for the agency for a decade.", R, "a decade", Some(P), "P10Y"),
    ("The region has seen nearly two decades of drought.", R, "nearly two decades", Some(P), "P20Y"),
    ("The two families ended a decades-long feud.", R, "decades-long", Some(P), "PXY"),
    ("The trial could take several months.", R, "several months", Some(P), "PXM"),
    ("The flight took nearly two hours.", R, "nearly two hours", Some(P), "PT2H"),
    ("The negotiations lasted more than a week.", R, "more than a week", Some(P), "P1W"),
    ("The deal must hold for at least 20 years.", R, "at least 20 years", Some(P), "P20Y"),
    ("Refugees lived in camps for 2 1/2 years.", R, "2 1/2 years", Some(P), "P2Y6M"),
    ("The speech ran a minute and a half.", R, "a minute and a half", Some(P), "PT1M30S"),
    ("The meeting lasted half an hour.", R, "half an hour", Some(P), "PT30M"),
    ("The index fell in the last twenty four hours.", R, "the last twenty four hours", Some(P), "PT24H"),
    ("The plan covers the next five years.", R, "the next five years", Some(P), "P5Y"),
    ("Prices doubled over the past three years.", R, "the past three years", Some(P), "P3Y"),
    ("Crime fell over the past year, police said.", R, "the past year", Some(D), "2019"),
    ("Tourism has grown in recent years.", R, "recent years", Some(D), "PAST_REF"),
    ("Prices will rise in the coming months.", R, "the coming months", Some(D), "FUTURE_REF"),
    ("The river has flooded twice over the past few years.", R, "the past few years", Some(P), "PXY"),
    ("Talks will continue for the next several days.", R, "the next several days", Some(P), "PXD"),
    ("Prices fell in the past few weeks.", R, "the past few weeks", Some(D), "PAST_REF"),
    ("Demand has slowed over recent months.", R, "recent months", Some(P), "PXM"),
    ("Three days later, the rebels withdrew.", R, "Three days", Some(P), "P3D"),
    ("The region has been at war for years.", R, "years", Some(P), "PXY"),
    ("Stocks hit a five year low on the news.", R, "five year", Some(P), "P5Y"),
    ("The first nine months of trading were slow.", R, "The first nine months", Some(P), "P9M"),
    ("The firm reported sales of $41 million for the year ended March 31.", R, "the year", Some(P), "P1Y"),
    ("They will stay for two more weeks.", R, "two more weeks", Some(P), "P2W"),
    ("A 10-minute misconduct penalty was given.", R, "10-minute", Some(P), "PT10M"),
    ("The camp needs a couple of days to pack.", R, "a couple of days", Some(P), "P2D"),
    ("Rates should stay low over the next couple of years.", R, "the next couple of years", Some(P), "P2Y"),
    ("Sales recovered in the last week of March 2019.", R, "the last week of March 2019", Some(D), "2019-W13"),
    ("The plant reopens in the first week of December.", R, "the first week of December", Some(D), "2020-W49"),
    // --- sets -----------------------------------------------------------
    ("The market is held every Friday in the square.", R, "every Friday", Some(S), "XXXX-WXX-5"),
    ("The report is updated each year by the ministry.", R, "each year", Some(S), "P1Y"),
    ("Elections are held every two years.", R, "every two years", Some(S), "P2Y"),
    ("The festival is held annually in the city.", R, "annually", Some(S), "P1Y"),
    ("Patients take the pill twice a day.", R, "a day", Some(S), "P1D"),
    ("The index is published weekly.", R, "weekly", Some(S), "P1W"),
    ("The guards patrol every morning.", R, "every morning", Some(S), "XXXX-XX-XXTMO"),
    ("The ferry runs every other week in winter.", R, "every other week", Some(S), "P2W"),
    // --- vague references -----------------------------------------------
    ("The country is now a member of the alliance.", R, "now", Some(D), "PRESENT_REF"),
    ("The ministry currently employs 300 people.", R, "currently", Some(D), "PRESENT_REF"),
    ("The rules were recently changed.", R, "recently", Some(D), "PAST_REF"),
    ("Such attacks were rare in the past.", R, "the past", Some(D), "PAST_REF"),
    ("Nobody knows what the future holds.", R, "the future", Some(D), "FUTURE_REF"),
    ("The plan will be announced in the near future.", R, "the near future", Some(D), "FUTURE_REF"),
    ("Rates may stay high in the short term, the bank warned.", R, "the short term", Some(D), "FUTURE_REF"),
    ("The firm is investing for the long term.", R, "the long term", Some(D), "FUTURE_REF"),
    ("Voters backed term limits for the council.", R, "term", None, ""),
    ("Young people are different these days.", R, "these days", Some(D), "PRESENT_REF"),
    // --- span conventions: leading prepositions out ---------------------
    ("In 2019 the firm moved to Dublin.", R, "2019", Some(D), "2019"),
    ("The office has been shut since last Tuesday.", R, "last Tuesday", Some(D), "2020-11-03"),
    ("The strike continued during the past week.", R, "the past week", Some(D), "2020-W44"),
    ("Wages lost ground in the last decade.", R, "the last decade", Some(D), "201"),
    ("The firm has grown over the past two years.", R, "the past two years", Some(P), "P2Y"),
    // --- false-positive guards ------------------------------------------
    ("The minister may resign if the vote fails.", R, "may", None, ""),
    ("May I ask a question, the reporter said.", R, "May", None, ""),
    ("We will march on the capital, the union leader said.", R, "We", None, ""),
    ("We met the minister in the morning session.", R, "We", None, ""),
    ("Protesters March on City Hall", R, "March", None, ""),
    ("Thousands will march to the parliament.", R, "march", None, ""),
    ("The story first appeared in The Sun newspaper.", R, "Sun", None, ""),
    ("The Sun reported the affair on its front page.", R, "Sun", None, ""),
    ("The company sold 2000 cars to the army.", R, "2000", None, ""),
    ("The stadium holds 1500 people.", R, "1500", None, ""),
    ("Arsenal won 3-2 at home against Chelsea.", R, "3-2", None, ""),
    ("The house sold for $1999 at auction.", R, "1999", None, ""),
    ("Tickets cost 1,995 euros for the season.", R, "995", None, ""),
    ("The runner finished in 1:34 and took silver.", R, "1:34", None, ""),
    ("He scored at 6:40 of the second period.", R, "6:40", None, ""),
    ("The agency raised its quarterly dividend.", R, "quarterly", None, ""),
    ("He is a 44-year-old teacher from Ohio.", R, "44-year-old", None, ""),
    ("The film High Noon is a classic.", R, "Noon", None, ""),
    ("The party's daily newspaper criticized the plan.", R, "daily", None, ""),
    ("Prices may fall in the second half.", R, "may fall", None, ""),
    ("A second term is not guaranteed.", R, "second", None, ""),
    ("The island imports three-quarters of its grain.", R, "three-quarters", None, ""),
    ("Exports make up more than a quarter of the economy.", R, "a quarter", None, ""),
    ("The firm turned a profit after three quarters of losses.", R, "three quarters", Some(P), "P3Q"),
    ("Net income for the nine months rose 12%.", R, "the nine months", Some(P), "P9M"),
    ("Prices had peaked the previous Friday, traders said.", R, "the previous Friday", Some(D), "2020-10-30"),
    ("The talks failed after the two years of effort.", R, "the two years", Some(P), "P2Y"),
];

fn run(text: &str, reference: &str) -> Vec<(String, DateType, String)> {
    let doc = Document::new(text);
    let reference: Option<Date> = if reference.is_empty() { None } else { Some(reference.parse().unwrap()) };
    find(&doc, reference).into_iter().map(|t| (text[t.span.range()].to_string(), t.kind, t.value)).collect()
}

#[test]
fn table_has_enough_rows() {
    assert!(ROWS.len() >= 150, "only {} rows", ROWS.len());
}

#[test]
fn every_row() {
    let mut failures = Vec::new();
    for &(text, reference, span, kind, value) in ROWS {
        let found = run(text, reference);
        match kind {
            Some(kind) => {
                let hit = found.iter().find(|(s, _, _)| s == span);
                match hit {
                    Some((_, k, v)) if *k == kind && v == value => {}
                    _ => {
                        failures.push(format!("{text:?} @ {reference}: want {span:?} {kind:?} {value}, got {found:?}"))
                    }
                }
            }
            None => {
                let start = text.find(span).expect("guard text in sentence");
                let end = start + span.len();
                let doc = Document::new(text);
                let r: Option<Date> = Some(reference.parse().unwrap());
                let hits: Vec<_> =
                    find(&doc, r).into_iter().filter(|t| t.span.start < end && start < t.span.end).collect();
                if !hits.is_empty() {
                    failures.push(format!("{text:?}: {span:?} must not be marked, got {found:?}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} rows failed:\n{}", failures.len(), ROWS.len(), failures.join("\n"));
}

#[test]
fn results_are_sorted_and_disjoint() {
    let text = "On Tuesday, Nov. 3, 2020, at 8 p.m., voters who had waited for three hours since noon \
                learned that the count would take several days; the last time, in 2016, it took a week.";
    let doc = Document::new(text);
    let found = find(&doc, Some("2020-11-05".parse().unwrap()));
    assert!(found.len() >= 6, "{found:?}");
    for w in found.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "{w:?}");
    }
}
