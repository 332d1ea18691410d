"""Held-out sentence pairs: one fact said with other words, and two facts worded alike.

    python benchmarks/paraphrase_pairs.py [--verbose]

Same shape and output as domain_pairs.py (whose scoring it imports): `True` is one fact with
values that cannot both hold (a finding of severity error or warning is expected), `False` two
facts (no such finding: other subject, other period, other measure, target against actual,
different events). Written before the paraphrase work and never used to tune it: it says
whether what was learnt from domain_pairs.py's misses holds for wording nobody tuned against.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from domain_pairs import score  # noqa: E402

PAIRS: list[tuple[bool, str, str]] = [
 # sport
 (True, "Inter Milan spent €38 million to sign the defender.", "The defender's move to Inter Milan cost €83 million."),
 (True, "The champions collected 94 points over the season.", "The champions finished the season on 89 points."),
 (True, "Attendance at the derby was 52,300.", "Some 25,300 fans packed the stadium for the derby."),
 (False, "Attendance at the derby was 52,300.", "Last year's derby attracted 48,000 fans."),
 (True, "Okafor clocked 9.86 seconds to win the final.", "Okafor won the final in a time of 9.68 seconds."),
 (False, "Okafor clocked 9.86 seconds in the final.", "Lindqvist ran 10.02 seconds in the final."),
 # elections
 (True, "The Greens captured 48 seats in the regional assembly.", "The Greens ended up with 84 seats in the regional assembly."),
 (True, "Participation stood at 63 percent, officials said.", "Only 36% of registered voters turned out, officials said."),
 (False, "The Greens captured 48 seats in the regional assembly.", "The Greens had hoped to win 60 seats in the regional assembly."),
 (False, "Fischer received 39 percent of ballots cast.", "Nowak received 27 percent of ballots cast."),
 # company results
 (True, "Halvorsen Steel booked annual sales of $7.2 billion for 2024.", "Halvorsen Steel's 2024 revenue totalled $2.7 billion."),
 (True, "The bank laid off 1,800 employees.", "The bank shed 8,100 staff."),
 (True, "The airline's stock slumped 9 percent on Wednesday.", "Shares in the airline tumbled 19% on Wednesday."),
 (True, "The brewer's operating profit came in at £640 million in the first half.", "First-half operating profit at the brewer was £460 million."),
 (False, "The brewer's operating profit came in at £640 million in the first half.", "The brewer's operating profit was £1.1 billion for the full year."),
 (False, "The carmaker aims to sell 500,000 electric cars in 2026.", "The carmaker sold 310,000 electric cars in 2025."),
 (False, "The bank laid off 1,800 employees in Spain.", "The bank shed 900 staff in Italy."),
 # disasters
 (True, "The landslide left 63 people dead in the village.", "Rescuers said 36 people lost their lives in the village landslide."),
 (True, "The typhoon left 220 people hurt.", "At least 150 people suffered injuries in the typhoon."),
 (True, "Floods forced 80,000 people from their homes.", "Some 18,000 people were displaced by the floods."),
 (False, "The landslide left 63 people dead.", "A further 41 people remain missing after the landslide."),
 (False, "The typhoon killed 18 people in Luzon.", "The typhoon killed 6 people in Taiwan."),
 (False, "Floods forced 80,000 people from their homes this month.", "Floods in 2019 displaced 12,000 people."),
 # health
 (True, "The measles outbreak has infected 412 children.", "Officials have confirmed 421 measles cases among children."),
 (True, "The virus has claimed 58 lives in the province.", "The province's death toll from the virus is 85."),
 (False, "The drug cut the risk of heart attack by 23 percent.", "The drug cut the risk of stroke by 14 percent."),
 (False, "The measles outbreak has infected 412 children.", "The outbreak has put 38 children in hospital."),
 # science
 (True, "The telescope cost $8.8 billion to build.", "The telescope was built at a cost of $9.8 billion."),
 (True, "The comet will come within 72 million km of Earth.", "The comet's closest approach to Earth will be 27 million kilometres."),
 (False, "The probe travelled 6.4 billion kilometres to reach the comet.", "The comet is 510 million kilometres from the Sun."),
 (True, "The glacier has lost 14 percent of its ice since 2000.", "Since 2000 the glacier has lost 41% of its ice."),
 # courts
 (True, "The judge ordered the firm to pay $14 million in damages.", "The firm was told to pay damages of $41 million."),
 (True, "The former mayor received a prison term of nine years.", "The former mayor was given a 6-year sentence."),
 (False, "The former mayor received a prison term of nine years.", "His deputy Kessler was sentenced to four years."),
 (False, "Prosecutors sought a 20-year sentence for Brandt.", "The court gave Brandt 12 years."),
 (True, "The jury deliberated for 14 hours before the verdict.", "The verdict came after 41 hours of deliberations."),
 # transport
 (True, "The ferry had 512 people aboard when it capsized.", "The capsized ferry was carrying 215 people."),
 (True, "The tunnel stretches 57 kilometres under the Alps.", "The tunnel under the Alps is 75 kilometres long."),
 (False, "Passenger numbers at the airport hit 41 million in 2024.", "The airport handled 38 million passengers in 2023."),
 (False, "The bus was carrying 48 passengers.", "The bus has 60 seats."),
 # energy
 (True, "The offshore wind farm will have 1,400 megawatts of capacity.", "The offshore wind farm is rated at 1,100 megawatts."),
 (True, "Petrol prices climbed to $1.89 a litre.", "A litre of petrol now costs $1.98."),
 (False, "Oil output averaged 9.8 million barrels a day in May.", "Oil output averaged 9.1 million barrels a day in April."),
 (False, "Coal provided 31 percent of the country's electricity.", "Solar provided 12 percent of the country's electricity."),
 # culture
 (True, "The painting fetched $91 million at auction.", "The painting sold at auction for $19 million."),
 (True, "The exhibition attracted 640,000 visitors.", "Some 460,000 people visited the exhibition."),
 (False, "The painting fetched $91 million at auction.", "Before the sale the painting had been estimated at $60 million."),
 (True, "The novel has sold 3 million copies worldwide.", "Worldwide sales of the novel stand at 8 million copies."),
 (False, "The film's budget was $200 million.", "The film earned $340 million worldwide."),
 (False, "The festival drew 120,000 visitors this year.", "The festival drew 95,000 visitors in 2019."),
]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--verbose", action="store_true", help="print every pair the checker gets wrong")
    print(score(PAIRS, ap.parse_args().verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
