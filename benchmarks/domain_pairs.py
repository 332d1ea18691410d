"""Sentence pairs of our own from many domains: does the checker find the conflict when two
articles state one fact with different values, and stay quiet when they state two facts?

    python benchmarks/domain_pairs.py [--verbose]

Each pair is two one-sentence articles of one date. `True`: one fact, values that cannot both
hold (a finding of severity error or warning is expected); `False`: two facts (no such finding).
A quick check of generality while developing, beside the stories: the sentences are the team's,
written to cover wording the checker had not been built around, and most of the misses are
listed in README.md ("Accuracy on real stories"). It prints one line per miss with --verbose,
and the score last.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.models import Article  # noqa: E402
from checker.pipeline import analyse  # noqa: E402
from checker.rules import load_rules  # noqa: E402

PAIRS: list[tuple[bool, str, str]] = [
 # sports
 (True, "Real Sociedad paid a fee of €45 million for the midfielder.", "The midfielder joined from Real Sociedad for €54 million."),
 (True, "The forward scored 31 goals in all competitions last season.", "He netted 13 goals in all competitions last season."),
 (True, "A crowd of 61,482 watched the final at Wembley.", "The final at Wembley drew 64,182 spectators."),
 (False, "A crowd of 61,482 watched the final at Wembley.", "The semi-final at Old Trafford drew 54,182 spectators."),
 (True, "The Lakers beat the Celtics 112-104 on Sunday.", "The Lakers beat the Celtics 112-98 on Sunday."),
 (True, "James finished with 38 points and 11 rebounds.", "James had 33 points and 11 rebounds in the win."),
 (False, "James finished with 38 points and 11 rebounds.", "Davis added 24 points and 15 rebounds."),
 # elections
 (True, "The Social Democrats won 206 seats in the 630-seat parliament.", "The Social Democrats secured 260 of the 630 seats."),
 (True, "Turnout was 71.4 percent, the electoral commission said.", "Some 74.1% of eligible voters cast a ballot."),
 (False, "Turnout was 71.4 percent in 2025.", "Turnout was 66.2 percent in 2021."),
 (True, "Mendez took 52.8 percent of the vote.", "Mendez won with 58.2 percent of the vote."),
 (False, "Mendez took 52.8 percent of the vote.", "Ortiz took 44.1 percent of the vote."),
 # company results
 (True, "Orbis Foods reported second-quarter revenue of $3.41 billion.", "Orbis Foods said sales rose to $3.14 billion in the second quarter."),
 (True, "The retailer posted a net profit of 1.2 billion euros for 2024.", "The retailer's 2024 net income came to 2.1 billion euros."),
 (False, "The retailer posted a net profit of 1.2 billion euros for 2024.", "The retailer posted a net profit of 0.9 billion euros for 2023."),
 (True, "The company plans to cut 4,000 jobs by 2026.", "The company will eliminate 3,000 jobs by 2026."),
 (True, "Shares fell 12 percent on Tuesday.", "The stock dropped 21% on Tuesday."),
 # disasters
 (True, "The earthquake killed at least 1,200 people in Herat province.", "The death toll from the Herat earthquake stands at 980."),
 (True, "At least 340 people were injured in the blast.", "The explosion wounded 230 people, officials said."),
 (True, "The cyclone destroyed 12,000 homes in Odisha.", "More than 21,000 houses were destroyed by the cyclone in Odisha."),
 (False, "The cyclone destroyed 12,000 homes in Odisha.", "The cyclone damaged 21,000 homes in Odisha."),
 (True, "Some 45,000 people were evacuated ahead of the storm.", "Authorities moved 54,000 residents to shelters ahead of the storm."),
 (True, "The fire has burned 12,500 hectares.", "The blaze has scorched 21,500 hectares of forest."),
 # health
 (True, "The outbreak has sickened 1,450 people in the region.", "Health officials have recorded 1,540 cases in the region."),
 (True, "Some 62 percent of adults have received a booster.", "Booster coverage among adults stands at 26 percent."),
 (True, "The vaccine was 94.1 percent effective in the trial.", "The shot showed 91.4% efficacy in the trial."),
 (False, "The trial enrolled 30,000 volunteers.", "The trial found 94 cases among 30,000 volunteers, 11 of them severe."),
 # science / misc
 (True, "The asteroid will pass 31,000 kilometres from Earth on Friday.", "The asteroid will pass 13,000 km from Earth on Friday."),
 (True, "The bridge, opened in 1932, spans 503 metres.", "The 1932 bridge is 530 metres long."),
 (True, "Police said about 15,000 people joined the march.", "Police estimated the crowd at 51,000."),
 (False, "Police said about 15,000 people joined the march.", "Organisers said 50,000 people joined the march."),
 (True, "Inflation eased to 3.2 percent in October.", "Annual inflation slowed to 2.3% in October."),
 (True, "The film grossed $84 million in its opening weekend.", "The film took in $48 million over its opening weekend."),
 (True, "The album sold 210,000 copies in its first week.", "First-week sales of the album reached 120,000 copies."),

 (True, "Police arrested 214 people after the protest in Lyon on Saturday.", "Officers detained 124 demonstrators in Lyon on Saturday."),
 (True, "The court sentenced Marten to 12 years in prison.", "Marten was jailed for 21 years."),
 (False, "The court sentenced Marten to 12 years in prison.", "His accomplice Varga received seven years."),
 (True, "The train was carrying 430 passengers when it derailed.", "There were 340 passengers on board the train when it derailed."),
 (True, "The school district employs 2,300 teachers.", "The district has 3,200 teachers."),
 (True, "The rocket lifted off at 6:14 a.m. local time on Tuesday.", "The rocket launched at 6:41 a.m. on Tuesday."),
 (True, "The company's market value topped $3 trillion on Monday.", "The company is now worth $2 trillion."),
 (True, "Wheat output is forecast at 112 million tonnes this year.", "This year's wheat harvest is projected at 121 million tonnes."),
 (False, "Wheat output is forecast at 112 million tonnes this year.", "Rice output is forecast at 137 million tonnes this year."),
 (True, "The plant will have a capacity of 1,200 megawatts.", "The 2,100-megawatt plant is due to open in 2027."),
 (True, "A poll showed 41% of voters backing Mendez.", "Mendez had the support of 44 percent of voters in the poll."),
 (True, "Some 12,500 migrants crossed the Channel in small boats in 2024.", "In 2024, 21,500 migrants made the crossing in small boats."),
 (True, "The bill passed the Senate by a vote of 68 to 32.", "Senators approved the bill 62-38."),
 (True, "The hurricane's winds reached 150 mph.", "The storm packed maximum sustained winds of 130 mph."),
 (False, "The hurricane's winds reached 150 mph at landfall.", "The storm weakened, with winds of 90 mph by Friday."),
 (True, "The outbreak has killed 74 people since January.", "Since January, 47 people have died in the outbreak."),
 (True, "Unemployment rose to 5.4 percent in March.", "The jobless rate climbed to 4.5% in March."),
 (True, "The merger is valued at $34 billion.", "The deal is worth $43 billion."),
 (True, "The marathon was won in 2 hours 4 minutes.", "The winner finished in 2:14."),
 (True, "About 3,000 firefighters are battling the blaze.", "More than 5,000 firefighters are fighting the fire."),
 # two facts that a careless matcher joins: other periods, variants, occasions, places, sides
 (False, "Revenue rose 12% to $4.8 billion in the third quarter.", "Revenue for the first nine months rose to $13.9 billion."),
 (False, "The company earned $1.37 a share in the quarter.", "Net income was $412 million in the quarter."),
 (False, "The company expects full-year revenue of $19 billion.", "Full-year revenue was $18.2 billion last year."),
 (False, "The fire was 35 percent contained on Tuesday.", "By Thursday the fire was 60 percent contained."),
 (False, "At its peak, 1.1 million customers were without power.", "About 410,000 customers were still without power on Friday."),
 (False, "Tens of thousands marched in Paris on Saturday.", "Some 12,000 people marched in Lyon on Saturday."),
 (False, "Temperatures reached 44C in Seville on Friday.", "Madrid recorded 40C on Friday."),
 (False, "The heat wave has killed 12 people in Spain.", "In Portugal, the heat has been blamed for 7 deaths."),
 (False, "Cases rose by 340 on Monday to 5,120.", "Health officials reported 5,120 cases in total."),
 (False, "The striker has scored 14 goals this season.", "He scored 31 goals last season."),
 (False, "United won 3-1 at home on Saturday.", "City lost 2-0 away on Saturday."),
 (False, "Reyes won 48.2 percent of the vote in the first round.", "Reyes won 53.1 percent in the runoff."),
 (False, "The party won 112 seats, up from 87 in 2021.", "The party held 87 seats before the election."),
 (False, "The storm dumped 20 inches of rain on Houston.", "Galveston received 12 inches of rain."),
 (False, "The outbreak has killed 74 people, including 12 children.", "The outbreak has killed 74 people."),
 (False, "The plane carried 181 passengers and six crew.", "Of the 187 people on board, 179 died."),
 (False, "The company will cut 2,000 jobs in Germany.", "The company will cut 1,200 jobs in France."),
 (False, "Inflation was 2.4 percent in September.", "Core inflation was 3.1 percent in September."),
 (False, "The central bank cut its key rate by 0.25 percentage points to 4.25 percent.", "The rate stood at 4.5 percent before the cut."),
 (False, "Exports rose 8 percent to $22 billion.", "Imports fell 3 percent to $19 billion."),
 (False, "The outbreak has 1,240 confirmed cases.", "There are 2,310 suspected cases."),
 (False, "Messi has scored 838 career goals.", "Messi scored 11 goals this season."),
 (False, "Ortiz won 61% in District 4.", "Ortiz won 44% in District 9."),
 (False, "Nvidia's revenue rose to $35.1 billion.", "AMD's revenue rose to $6.8 billion."),
 (False, "The quake killed 2,100 people in Turkey.", "In Syria, the quake killed 830 people."),
 (False, "The quake killed 2,100 people.", "More than 9,000 people were injured in the quake."),
 (False, "The company employs 12,000 people worldwide.", "The company employs 3,000 people in Germany."),
 (False, "The stadium holds 60,000 fans.", "A crowd of 45,000 watched the match."),
 (False, "The bridge cost $1.2 billion to build.", "The bridge carries 120,000 vehicles a day."),
 (False, "Ticket prices start at $45.", "Ticket sales reached $2.1 million."),
 (False, "The flight was delayed by 3 hours.", "The flight lasted 11 hours."),
 (False, "The company's shares rose 4% on Monday.", "The company's shares fell 7% on Tuesday."),
 (False, "The ministry said 140 schools were closed.", "The ministry said 41 schools were damaged."),
 (False, "About 60% of the city was without power.", "About 30% of homes had no running water."),
 (False, "Wildfires burned 4,000 acres in Oregon.", "Wildfires burned 12,000 acres in California."),
 (False, "Liverpool beat Chelsea 3-1 at Anfield on Sunday.", "Arsenal beat Spurs 2-0 at the Emirates on Sunday."),
 (False, "Salah scored twice in the first half.", "Salah has 19 goals this season."),
 (False, "The Senate passed the bill 52-48.", "The House passed the bill 220-212."),
 (False, "The company's profit rose 12% to $2.1 billion in the quarter.", "The company's revenue rose 8% to $9.4 billion in the quarter."),
 (False, "About 1,200 flights were cancelled on Monday.", "About 3,400 flights were delayed on Monday."),
 (False, "The hurricane left 2.1 million without power in Florida.", "In Georgia, 800,000 lost power."),
 (False, "Temperatures hit 41C in Paris.", "Temperatures hit 38C in London."),
 (False, "The vaccine was 95% effective against severe disease.", "The vaccine was 67% effective against infection."),
 (False, "Voters approved the measure with 58% of the vote.", "Turnout was 58%."),
 (False, "The storm killed 12 people in Cuba.", "The storm killed 4 people in Jamaica."),
 (False, "The company will hire 5,000 workers in 2026.", "The company employed 120,000 workers at the end of 2025."),
 (False, "The index fell 2.3% on Monday.", "The index rose 1.1% on Tuesday."),
]


def findings(rules, a: str, b: str) -> list[tuple[str, list[str]]]:
    arts = [Article(path="a.txt", text=a, date="2025-06-02", outlet="A"),
            Article(path="b.txt", text=b, date="2025-06-02", outlet="B")]
    return [(f.rule, sorted(c.text for c in f.claims)) for f in analyse(arts, rules).findings if f.severity != "info"]


def score(pairs: list[tuple[bool, str, str]], verbose: bool) -> str:
    """Run every pair (printing each one the checker gets wrong if verbose) and return the score line."""
    rules = load_rules()
    found = quiet = 0
    for expected, a, b in pairs:
        got = findings(rules, a, b)
        right = bool(got) == expected
        found += right and expected
        quiet += right and not expected
        if verbose and not right:
            print("missed" if expected else "false alarm", "|", a, "|", b, "|", got)
    conflicts = sum(1 for e, _, _ in pairs if e)
    return (f"one fact, values apart: found {found} of {conflicts}; two facts: quiet {quiet} of {len(pairs) - conflicts}; "
            f"right {found + quiet} of {len(pairs)}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--verbose", action="store_true", help="print every pair the checker gets wrong")
    args = ap.parse_args()
    print(score(PAIRS, args.verbose))
    return 0

if __name__ == "__main__":
    raise SystemExit(main())
