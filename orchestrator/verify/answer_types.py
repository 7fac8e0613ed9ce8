"""Is a candidate the kind of thing the question asks for? "Which state" is not answered by
a police chief or a university, "which country" not by a demonym (it is read as its
country: "South Africans" -> South Africa), "under which president" not by a country.

Places come from well-kept data (Babel's territory names, countryinfo's demonyms,
pycountry's ISO 3166-2 subdivisions: orchestrator/verify/entities.py); the words that head
an organisation's name ("University", "Department", "公司") are data in
``name_words.yaml``. A country or state question takes its candidates from those
place names (in any script); the other kinds filter the capitalised names the passages give."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import urlsplit

from orchestrator.verify.alignment import alignment, apposed, asks_loss, beaten, beaten_right_after, denies_the_win
from orchestrator.verify.anothers_title import asked_office, only_anothers_title
from orchestrator.verify.candidates import DESCRIBING_WORD, WORD_EDGE, Found, name_candidates, names_given, word_starts
from orchestrator.verify.direction import asked_end, at_end
from orchestrator.verify.doers import co_doers, doer, states_verb
from orchestrator.verify.entities import (
    countries_in,
    country_name,
    country_of,
    is_demonym,
    is_place,
    is_region,
    is_state_or_province,
    subdivisions_in,
)
from orchestrator.verify.incidental import (
    incidental,
    is_anothers_affiliation,
    is_compared,
    is_dateline,
    is_denied,
    is_dispossessed,
    is_medium,
    is_owner,
    is_source,
)
from orchestrator.verify.name_forms import as_full_names, as_one_form, full_forms, team_names, without_title
from orchestrator.verify.name_words import lexicon, organisational
from orchestrator.verify.other_things import WIN_WORDS
from orchestrator.verify.passages import Passage
from orchestrator.verify.predicate import Predicate, kind_nouns
from orchestrator.verify.question import is_cjk, keywords
from orchestrator.verify.role_owner import asked_role, role_in, titled_as_another_role, titled_as_staff
from orchestrator.verify.succession import (
    asks_about_leaving,
    asks_who_came_next,
    asks_whom_followed,
    leaving,
    tells_succession,
)

# Answer types that are names of things, and what each rejects.
NAME_KINDS = ("person", "organisation", "country", "subdivision", "city", "place", "work", "name")
PLACE_KINDS = ("country", "subdivision", "city", "place")


@lru_cache(maxsize=4)
def _word_groups(section: str) -> dict[str, frozenset[str]]:
    """Each group of a name_words.yaml section of groups (body_kinds, offices) with its
    words, split once."""
    return {group: frozenset(group.split()) for group in lexicon()[section]}


def _groups_of(section: str, words: Sequence[str]) -> set[str]:
    """The groups of ``section`` the words belong to."""
    low = {w.lower().rstrip(".") for w in words}
    return {group for group, members in _word_groups(section).items() if low & members}


def of_another_body(value: str, kinds: Sequence[str]) -> bool:
    """Is ``value`` headed by a word for another kind of body than the one asked ("Department
    of Education" for "which university", "Cleveland Clinic" for "which burger chain")?"""
    asked = _groups_of("body_kinds", kinds)
    own = _groups_of("body_kinds", re.findall(r"[A-Za-z]+", value))
    return bool(asked and own) and not asked & own


def unnamed_as_asked(value: str, kinds: Sequence[str]) -> bool:
    """For "which university" or "which stadium": is ``value`` a name of two words or more with
    none of that kind's words ("Demis Hassabis" beside "David Baker of the University of
    Washington"; "New Orleans" for the Caesars Superdome), or a country's or a state's?
    Schools and venues carry their kind in their names, unless they go by one word
    ("Harvard", "Wembley")."""
    asked = _groups_of("body_kinds", kinds) & _named_kinds()
    if not asked:
        return False
    words = re.findall(r"[A-Za-z]+", value)
    return (len(words) > 1 or is_place(value)) and not asked & _groups_of("body_kinds", words)  # nor "Louisiana"


@lru_cache(maxsize=1)
def _named_kinds() -> frozenset[str]:
    """The body_kinds groups whose names carry a word of their kind: schools, venues."""
    return frozenset(group for group in _word_groups("body_kinds") if {"university", "stadium"} & set(group.split()))


# an award's own name around a word: "the Nobel Prize in Chemistry", "Nobel Prize", "Oscar for Best Picture"
_IN_AWARD_BEFORE = re.compile(r"\b(?:Prize|Prizes|Award|Awards|Medal|Oscar|Oscars)\s+(?:in|for)\s+(?:the\s+)?(?:Best\s+)?$")
_IN_AWARD_AFTER = re.compile(r"\s+(?:Prize|Prizes|Award|Awards|Medal|Memorial\s+Prize|Peace\s+Prize|Nobel)\b")
_AWARD_NAMES = {"nobel", "oscar", "oscars", "grammy", "grammys", "emmy", "emmys", "tony", "tonys", "pulitzer", "booker"}


def only_in_an_awards_name(value: str, texts: Sequence[str]) -> bool:
    """Do the pages write ``value`` only as part of an award's name ("Chemistry" of "the Nobel
    Prize in Chemistry", "Chemistry Nobel", "Nobel" of "Nobel Prize")? It names no company,
    person or place; nor does an award's name alone ("Nobel")."""
    if value.lower() in _AWARD_NAMES:
        return True
    seen = False
    for text in _holding(value, texts):
        for start in word_starts(value, text):
            end = start + len(value)
            if not (_IN_AWARD_BEFORE.search(text[max(0, start - 40):start]) or _IN_AWARD_AFTER.match(text, end)):
                return False
            seen = True
    return seen


_OTHER_TIME = re.compile(r"\b(?:former|ex|then|later|future|next|new|once|previous|late)\b", re.I)


def of_another_office(value: str, kinds: Sequence[str], question: str) -> bool:
    """Is ``value`` written with the title of another office than the one asked ("Pope
    Francis" for "which cardinal"), the question asking of no past or future one?"""
    asked = _groups_of("offices", [word for kind in kinds for word in kind.split()])  # "which US president"
    own = _groups_of("offices", value.split()[:1])
    return bool(asked and own) and not asked & own and not _OTHER_TIME.search(question)


# an office's title read with one of these is another office: "Vice President", "Crown Prince", "President-elect"
_OTHER_OFFICE = {"vice", "deputy", "crown", "elect", "former", "ex"}
_TITLE_BEFORE = re.compile(r"((?:[A-Z][\w.\-]*\s+){1,3})$")


def _asked_office(question: str) -> set[str]:
    """The office groups a "who is the <office>" question asks for now; none where it asks
    about another time ("the new chancellor", "the former president")."""
    asked = asked_office(question, held=True)
    return set() if asked is None or _OTHER_TIME.search(question) else _groups_of("offices", asked.split())


def titled_as_another_office(value: str, texts: Sequence[str], asked: set[str]) -> bool:
    """Do the pages write the name only with the title of another office than the one a "who
    is the <office>" question asks for (``asked``: ``_asked_office``; "German President
    Frank-Walter Steinmeier" for the chancellor of Germany, "Crown Prince Mohammed bin Salman"
    for its king, "President-elect Lula" for its president)?"""
    if not asked:
        return False
    titled = False
    for text in texts:
        for mention in re.finditer(rf"(?<![\w-]){re.escape(value)}(?![\w-])", text):
            title = _TITLE_BEFORE.search(text[max(0, mention.start() - 60):mention.start()])
            words = [part for word in (title.group(1).split() if title else []) for part in word.lower().split("-")]
            if not (own := _groups_of("offices", words)):
                continue
            if asked & own and not _OTHER_OFFICE & set(words):
                return False  # written with the asked office's title somewhere
            titled = True
    return titled


# the one who won or was named and is still to take the office up
_INCOMING = re.compile(r"\b(?:will|is to|is set to|is due to)\s+(?:take office|be sworn in|be inaugurated|assume office|"
                       r"take over)\b|\b(?:president|mayor|governor|chancellor|minister|premier)[- ]elect\b|\bincoming\b",
                       re.I)


def not_yet_in_office(value: str, texts: Sequence[str], asked: set[str]) -> bool:
    """Do the pages say the name is still to take up the office a "who is the <office>"
    question asks about (``asked``: ``_asked_office``; "Lula ... will take office on 1
    January", "Mayor-elect Michelle Wu")? The one in office asked for is not the one elected to it."""
    if not asked:
        return False
    names = {value, *(w for w in value.split()[1:] if w[:1].isupper())}  # "Lula" of "Luiz Inácio Lula da Silva"
    return any(_INCOMING.search(sentence) and any(name in sentence for name in names)
               for text in texts for sentence in re.split(r"(?<=[.!?])\s+", text))


def natural_feature(value: str) -> bool:
    """A name holding a natural feature's word that heads no organisation's: "Gulf of
    America", "East Coast", "Lake Michigan", "黄海海峡" (not "Bay Area Council")."""
    words = lexicon()["feature"]
    low = value.lower()
    return not organisational(value) and (any(w in words for w in re.findall(r"[a-z]+", low))
                                          or any(w in low for w in words if not w.isascii()))


def _a_place_name(value: str, aliases: Sequence[Sequence[str]]) -> bool:
    """A country, a state or a natural feature, known from data alone."""
    return is_place(value, aliases) or natural_feature(value)


def _bare_title(value: str) -> bool:
    """A title alone names no one: "His Majesty The King has appointed ...", "The Republican won"."""
    return value.lower() in lexicon()["person_titles"]


@lru_cache(maxsize=1)
def _titles() -> str:
    """The person titles as one regular-expression alternation, longest first."""
    return "|".join(re.escape(t) for t in sorted(lexicon()["person_titles"], key=len, reverse=True))


def _holding(value: str, texts: Sequence[str]) -> Iterator[str]:
    """The texts that write ``value`` at all: every sign below needs it literally, so the
    pages that don't are never searched (whole pages, for every candidate name)."""
    return (text for text in texts if value in text)


def introduced_as_person(value: str, texts: Sequence[str], speaking: bool = True) -> bool:
    """The passages write ``value`` as a person's name: after a title ("CEO Philipp
    Navratil", "Sen. Amy Klobuchar", or one within it: "Former Vice President Mike Pence"),
    as one who speaks ("Navratil said", "Navratil, who"), with an age or a description in
    apposition ("Mike Lindell, 64,", "Sarah Snook, the Australian actress"; a "who" going on
    as many, "Dortmund, who knocked out PSG, were ...", is a team's) or as one who
    takes a post ("Navratil will take over as the new CEO", "Baker won best director"), with
    a scholar's affiliation ("David Baker of the University of Washington"), or as one who
    makes a film ("directed by Sean Baker"). Companies speak too ("Costco
    said"): without ``speaking`` only the other signs count. A name written after "the" is
    a body's ("the Vatican said")."""
    signs = _person_signs()
    if signs.titled.match(value):
        return True
    after = signs.after_speaking if speaking else signs.after
    for text in _holding(value, texts):
        title_ends, credit_ends = _sign_ends(text)
        for start in word_starts(value, text):
            end = start + len(value)
            if text.startswith("-", end):  # "his wife, Oscar-winning actress Mary Steenburgen": a describing word
                continue
            if _THE.search(text, max(0, start - 4), start):
                continue  # "the Vatican said", "many in the Vatican, the former pope": a body's name, no person's
            if after.match(text, end):
                return True
            if not WORD_EDGE.match(text, end) or signs.before.match(text, end + 1):
                continue  # a title after it ("Utah Gov. Spencer Cox", "Apple CEO Tim Cook") is another's
            if start in credit_ends:
                return True
            # a title ending at most two capitalised words before the name
            first = bisect_left(title_ends, start - _TITLE_REACH)
            if any(_GAP.fullmatch(text, t, start) and not _lower_title_of(text, t)
                   for t in title_ends[first:bisect_right(title_ends, start)]):
                return True
    return False


_THE = re.compile(r"\b[Tt]he\s+$")


def _lower_title_of(text: str, title_end: int) -> bool:
    """Does a lower-case title ending at ``title_end`` go on with "of" ("the former chief
    executive of Cadence Design Systems")? What follows is the body it is a title of, not a
    person titled; "Secretary of State Marco Rubio" opens with a capital."""
    return re.match(r"\s*of\s", text[title_end:title_end + 5]) is not None \
        and re.search(r"\b[a-z][\w\-]*\s*$", text[max(0, title_end - 30):title_end]) is not None


class _PersonSigns(NamedTuple):
    titled: re.Pattern  # a value that opens with a title: "Former Vice President Mike Pence"
    before: re.Pattern  # a title just before a name: "CEO", "the agency's acting chief,"
    credit: re.Pattern  # "directed by", "starring", "best actress for"
    after: re.Pattern  # ", who", ", 64,", ", the Australian actress", "was named CEO"
    after_speaking: re.Pattern  # the same, or "said"


_SPEAKING = "said|says|told|added|wrote|posted|argued|explained|recalled"
# a span ending so names who told ("CDC data showed"), not what was told
_ATTRIBUTION = re.compile(rf"\b(?:{_SPEAKING}|showed|shows|reported|reports)\W*$", re.I)


@lru_cache(maxsize=1)
def _person_signs() -> _PersonSigns:
    """The signs of a person's name, built once around the titles' alternation; each is
    matched where a name occurs (compiling one per name took most of the cross-check)."""
    titles = _titles()
    # "as the new CEO", "became the first coach", "the youngest president"
    role = (rf"(?:the\s+|its\s+|a\s+)?(?:new\s+|next\s+|interim\s+|only\s+|[a-z]+(?:st|nd|rd|th)\s+)?"
            rf"(?:[A-Z][\w\u0300-\u036f'’]*\s+)?(?i:{titles})\b")
    # ", who" of a person, not of a team: "Dortmund, who knocked out PSG, were playing their ..."
    after = (rf",\s+(?:who\b(?!\s+(?:were|are|have)\b)(?![^.;!?]{{0,150}}?,\s+(?:were|are|have)\b)|\d{{2}},|(?:a|an|the)\s+(?:[\w\-]+\s+){{0,3}}?(?i:{titles})\b)"
             # "Navratil will take over as the new Nestlé CEO", "X was named CEO"
             rf"|(?:\s+[a-z]+){{0,3}}?\s+(?:as|became|becomes|won|wins|(?:was|is|been|be)\s+(?:appointed|named))\s+{role}"
             # a scholar's affiliation: "David Baker of the University of Washington", "Daron Acemoglu
             # and Simon Johnson, both of the Massachusetts Institute of Technology"
             r"|(?:\s+and\s+(?:[A-Z][\w.'’\-]*\s+){1,3}?[A-Z][\w'’\-]*,\s+both|,\s+both)?\s+of\s+(?:the\s+)?"
             r"(?:[A-Z][\w.&'’\-]*\s+){0,3}(?:University|Institute|College|Laboratory|School\s+of\s+Medicine)\b")
    return _PersonSigns(
        titled=re.compile(rf"(?i:(?:\w+\s+){{0,2}}(?:{titles}))\.?\s+[A-Z]"),
        # not across a sentence ("the president.\n\nFEMA"), a possessive ("Rep. Chuck Edwards' FEMA")
        # or a verb ("to head FEMA"); a comma follows a title written in lower case ("its chief,
        # Ann Lee"), not a capitalised one that ends a name in a list ("Burger King, Starbucks")
        # nor an award's category: "her first best actress Oscar nomination"
        before=re.compile(rf"(?<!to )(?<![Bb]est )(?<![Ss]upporting )(?<![Ll]eading )"
                          rf"(?:(?i:\b(?:{titles}))\.?|(?![A-Z][a-z])(?i:\b(?:{titles})),)[ \t]+"),
        credit=re.compile(rf"\b(?:(?:directed|written|produced|hosted|narrated)\s+by|starring)\s+"
                          rf"|\bbest\s+(?:supporting\s+|leading\s+|lead\s+)?(?i:{titles})\s+(?:for|to)\s+"),
        after=re.compile(after),
        after_speaking=re.compile(after + rf"|\s+(?:{_SPEAKING})\b"))


# "Former Vice President Mike Pence", "Secretary of State Marco Rubio": two words between
# capitalised words, an initial or an abbreviation among them ("M.", "Jr.", "U.S."), but no
# sentence's end: "activist Charlie Kirk. Utah Gov. Spencer Cox" introduces no "Utah"
_GAP = re.compile(r"(?:(?:of[ \t]+)?(?:[A-Z](?:\.[A-Z])*\.|[A-Z][a-z]{1,2}\.|[A-Z][\w\-]*)[ \t]+){0,2}")
_TITLE_REACH = 120  # characters a title and the two words after it can span


@lru_cache(maxsize=64)
def _sign_ends(text: str) -> tuple[list[int], frozenset[int]]:
    """Where the titles and the credits of ``text`` end, found once per text for all its names."""
    signs = _person_signs()
    return [m.end() for m in signs.before.finditer(text)], frozenset(m.end() for m in signs.credit.finditer(text))


def _a_thing(value: str, texts: Sequence[str]) -> bool:
    """"the View": a name the pages write with its own definite article names a thing; so does
    one a relative "which" follows ("Emilia Pérez, which led the field"), where a person takes "who"."""
    return any(re.search(rf"\b[Tt]he\s+{re.escape(value)}\b(?![\s\-]+[A-Z0-9])|\b{re.escape(value)},\s+which\b", text)
               for text in _holding(value, texts))


def _titled(value: str, texts: Sequence[str]) -> bool:
    """The pages write ``value`` as a work's title, in quotation marks ("'Anora' wins best
    picture"), as news style writes films, books, shows and songs; "a Gen Z take on ..." is
    no title."""
    return any(re.search(rf"[\"“‘']{re.escape(value)}[,.!?]?[\"”’']", text) for text in _holding(value, texts))


def _anothers_work_at(text: str, start: int, end: int) -> bool:
    """Is the name at ``start:end`` a work's title in quotation marks after its maker's name
    ("Percival Everett's 'James'"): the maker, not the work, is who made or won something?"""
    return start > 0 and text[start - 1] in "\"“‘'" and re.match(r"[,.!?]?[\"”’']", text[end:end + 2]) is not None \
        and re.search(r"[A-Z][\w\-]*['’]s?\s*$", text[max(0, start - 40):start - 1]) is not None


def _acronym(value: str) -> bool:
    return re.fullmatch(r"[A-Z0-9&.\-]{2,}s?", value) is not None


def _a_location(value: str, texts: Sequence[str], article: bool = False) -> bool:
    """The passages write ``value`` as where something is: "based in Houston", "at Madison
    Square Garden" (with ``article``, also "at the Stade de France")."""
    the = r"(?:the\s+)?" if article else ""
    return any(re.search(rf"\b(?:in|at|near)\s+{the}{re.escape(value)}\b", text) for text in _holding(value, texts))


def _introduced_as_body(value: str, texts: Sequence[str]) -> bool:
    """The pages write ``value`` as a body's name: founded ("founder of Turning Point USA"),
    or with a kind of body beside it ("Turning Point USA, a nonprofit", "the nonprofit Turning
    Point USA"). "His career at Turning Point USA" places nothing."""
    name = re.escape(value)
    said = re.compile(rf"\b(?:(?:co-?)?founders?\s+of|(?:co-?)?found(?:ed|ing))\s+(?:the\s+)?{name}\b"
                      rf"|\b{name},\s+(?:a|an|the)\s+(?:[\w\-]+\s+){{0,3}}?(?:{_BODY_NOUNS})\b"
                      rf"|\bthe\s+(?:{_BODY_NOUNS})\s+{name}\b", re.I)
    return any(said.search(text) for text in _holding(value, texts))


def _written_as_thing(value: str, texts: Sequence[str]) -> bool:
    """The pages write ``value`` with a kind of made thing after it ("the troubled Starliner
    spacecraft", "a SpaceX Dragon capsule"): a craft, a device or an app, no place."""
    heads = "|".join(sorted(lexicon()["thing_heads"], key=len, reverse=True))
    said = re.compile(rf"\b{re.escape(value)}\s+(?:{heads})\b", re.I)
    return any(said.search(text) for text in _holding(value, texts))


# bodies, not venues: a stadium, a hospital or a school is where things happen
_BODY_NOUNS = ("non-profit|nonprofit|organization|organisation|charity|startup|movement|coalition|campaign|company|"
               "corporation|firm|business|chain|retailer|brand|automaker|manufacturer|maker|party|league|"
               "association|union|federation|group")
# a place written as what a body is ("making the Texas company the first", "the Texas-based
# firm") tells where it is from, the answer only to where it is based
_BODY_AFTER = re.compile(rf"(?:-based)?\s+(?:{_BODY_NOUNS})\b", re.I)
_ASKS_A_HOME = re.compile(r"\b(?:based|headquartered|headquarters|from)\b", re.I)


_CITY_BY_NAME = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s+City$")  # "Mexico City", "Salt Lake City"


def _written_as_place(value: str, texts: Sequence[str], aliases: Sequence[Sequence[str]], article: bool = True) -> bool:
    """A place the pages write as one: after a preposition of place ("in Ahmedabad", "bound
    for London"), as a city ("the city of Brisbane") or followed by its country or state
    ("Orem, Utah", "Brisbane, Australia"). Without ``article``, "at the White House" is
    none: a city goes without one (its own, "The Hague", is part of its name)."""
    if _acronym(value):  # "at the FBI", "the FBI, Colorado police": initials the data knows for no place are a body's
        return False
    name = re.escape(value)
    # "to the Starliner": after a preposition of direction "the" opens a vehicle or a body more
    # often than a place (the data knows "the Bahamas"); "from" gives a maker or a speaker as
    # often as an origin ("Moon lander from Intuitive Machines"), and "for" a purpose ("the
    # prize for AlphaFold") but after a word of going ("bound for London"); "in" after a prize
    # opens its category ("the Nobel Prize in Chemistry")
    the = r"(?:the\s+)?" if article else ""
    before = (rf"\b(?:(?<!Prize )(?<!Award )(?:in|at|near|(?:city|town|village|capital|island) of)\s+{the}|"
              rf"(?:bound|headed|heading|left|leaving|departed|departing|destined)\s+for\s+){name}\b")
    # "to" opens a destination ("flew to Kyiv") or one given or told something ("a gift to
    # Hamas"): only a name the pages never write speaking ("Hamas said") is taken for a place
    towards = None if any(re.search(rf"\b{name}\s+(?:{_SPEAKING})\b", text) for text in _holding(value, texts)) \
        else rf"\b(?<!according )(?<!thanks )(?<!due )(?<!owing )(?<!next )(?<!close )(?<!compared )(?<!similar )" \
             rf"to\s+{name}\b"  # "thanks to Ollie Watkins' goal": no destination
    for text in _holding(value, texts):
        if re.search(before, text) or (towards and re.search(towards, text)):
            return True
        for match in re.finditer(rf"\b{name},\s+", text):
            after = text[match.end():match.end() + 40]
            if is_demonym(after.split()[0] if after.split() else ""):
                continue  # "according to Hamas, Israeli forces ...": no place's country
            if any(start == 0 for start, _ in countries_in(after, aliases)) or any(start == 0 for start, _ in subdivisions_in(after)):
                return True
    return False


def _part_of_a_city(value: str, texts: Sequence[str], aliases: Sequence[Sequence[str]]) -> bool:
    """Do the pages write the place as a part of a city ("New York City's midtown Manhattan",
    "London's Soho district")? It is a district, not the city a question asks for. A
    country's or a state's is a city still ("Texas's capital Austin")."""
    for text in _holding(value, texts):
        for match in re.finditer(rf"\b((?:[A-Z][\w.\-]*\s+)*[A-Z][\w.\-]*)['’]s\s+(?:[a-z]+\s+)?{re.escape(value)}\b",
                                 text):
            city = match.group(1)
            if city != value and not _a_place_name(city, aliases) and (
                    _CITY_BY_NAME.search(city) or _written_as_place(city, texts, aliases, article=False)):
                return True
    return False


def _known_by_last_word(value: str, texts: Sequence[str], aliases: Sequence[Sequence[str]]) -> bool:
    """Do the pages write the last word of a name alone, as a person goes by a surname
    ("Demis Hassabis" ... "Hassabis and Jumper built AlphaFold")? A place's is no name of its
    own ("Los Angeles", never "Angeles"), unless it is a place itself ("Anchorage, Alaska")."""
    words = value.split()
    if len(words) < 2 or _a_place_name(words[-1], aliases):
        return False
    alone = re.compile(rf"(?<!{re.escape(words[-2])} )\b{re.escape(words[-1])}\b")
    return any(alone.search(text) for text in _holding(words[-1], texts))


def outlet_keys(evidence) -> frozenset[str]:
    """The pages' publishers as compared with names: "CNN", "USA TODAY" ~ usatoday.com."""
    keys = set()
    for page in evidence:
        host = (urlsplit(page.url).hostname or "").removeprefix("www.")
        keys |= {_key(page.publisher or ""), _key(host.split(".")[0])}
    return frozenset(keys - {""})


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def fits(kind: str, value: str, aliases: Sequence[Sequence[str]] = (), texts: Sequence[str] = (),
         outlets: frozenset[str] = frozenset(), bodies_asked: bool = False, who: bool = False,
         media_asked: bool = True) -> bool:
    """Can ``value`` be an answer of ``kind``? Only rejections that data (places, the words of
    name_words.yaml) or the passages' own ``texts`` can tell. A person is a name the pages
    write as a person's, or for a bare "who" question (``who``: a team or a body may win a
    prize too) any name the pages don't write as a thing ("the View"); a film is a title and
    a named thing is no name written as a location ("in Houston"); a page's own publisher
    (``outlets``: "CNN reported") answers only a question about organisations, and where it
    names their kind, about media (``media_asked``: "which newspaper", not "which retailer"); a named ship, animal or programme is no country, state or
    body unless the question asks for a body (``bodies_asked``: "which group"); a holiday is
    no person, body or place."""
    if DESCRIBING_WORD.search(value) or ((kind != "organisation" or not media_asked) and _key(value) in outlets) \
            or (kind in ("person", "organisation", *PLACE_KINDS) and value.lower() in lexicon()["holidays"]) \
            or (kind in ("person", "organisation") and value.lower() in lexicon()["celestial"]):
        return False  # "Panthers, Oilers series is Christmas for hockey fans"; "a lander on the Moon"
    if kind == "person":
        return _a_person(value, aliases, texts, who)
    place = _a_place_name(value, aliases) or is_region(value)  # "North America" is no body nor a thing
    if kind == "organisation":  # nor a bare title: "His Majesty The King has appointed ..."
        return not (place or _bare_title(value)
                    or (introduced_as_person(value, texts, speaking=False) and not organisational(value)))
    if kind == "work":  # "actress Mikey Madison" starred in the film, she is not it; films don't speak
        return _titled(value, texts) and not (place or introduced_as_person(value, texts) or _a_location(value, texts))
    if kind == "city":
        # a bare acronym ("IOC") is a body; "the Brisbane 2032 Games" still names a city;
        # "New York City debuted ..." names itself one wherever it stands
        return (_CITY_BY_NAME.search(value) or _written_as_place(value, texts, aliases, article=False)) and not (
            country_of(value, aliases) or is_region(value) or organisational(value) or _acronym(value)
            or introduced_as_person(value, texts, speaking=False) or _part_of_a_city(value, texts, aliases))
    if kind == "place":  # "Where did it crash?" is answered by a place the pages write as one, never "How"
        return (place or _written_as_place(value, texts, aliases)) and not (
            is_demonym(value) or introduced_as_person(value, texts, speaking=False)  # "the South Korean author"
            or (not place and (_known_by_last_word(value, texts, aliases) or _introduced_as_body(value, texts)
                               or _written_as_thing(value, texts))))
    if kind == "name":  # a ship, a lander, an animal: not "in Houston" nor "at Madison Square Garden"
        return not (place or (organisational(value) and not bodies_asked) or _a_location(value, texts))
    return True


# kind nouns that ask about media, whose answer may be a page's own publisher
_MEDIA = {"newspaper", "paper", "outlet", "outlets", "network", "channel", "broadcaster", "publisher", "magazine",
          "site", "website", "station", "tabloid", "daily", "media", "publication", "outlet's", "news"}
_SIDES = {"team", "teams", "club", "clubs", "side", "sides", "squad", "opponent", "opponents"}
_PLATFORMS = {"app", "apps", "platform", "platforms", "service", "services", "social"}
_REGIONS = {"region", "regions", "area", "areas"}


def _a_person(value: str, aliases: Sequence[Sequence[str]], texts: Sequence[str], who: bool) -> bool:
    """Never a bare acronym ("IOC", "AMAs"), a body or a country; a district's or a state's
    name only where the pages introduce it as a person's other than by speech ("Coventry, who
    is ...", not "Washington said"). Then a name written as a person's, or its surname is
    ("Oosthuizen said" speaks of Louis Oosthuizen), or for a bare "who" any name not written
    as a thing."""
    if organisational(value) or _acronym(value) or country_of(value, aliases) or _bare_title(value) \
            or _a_people(value) or _ends_in_a_countrys_initials(value, aliases) or _THOROUGHFARE.search(value):
        return False  # nor a bare title: "The Republican had already won ...", nor "Asian American"
    if not who and (_family(value, texts) or is_region(value)):  # "Who won?": Europe wins Ryder Cups
        return False
    if _a_place_name(value, aliases) and not introduced_as_person(value, texts, speaking=False):
        return False
    # a surname speaks for its full name, not for a title ending in one ("Cowboy Carter" is an
    # album) nor for a place's name ending in a country's ("Stade de France": "host France")
    surname = value.split()[-1] if " " in value and not _titled(value, texts) else None
    if surname is not None and _a_place_name(surname, aliases):  # countries and states among them
        surname = None
    return (introduced_as_person(value, texts) or (surname is not None and introduced_as_person(surname, texts))
            or (who and not (_a_thing(value, texts) or _written_as_thing(value, texts) or _a_location(value, texts)
                             or _EVENT.search(value))))  # "its Athena lander" is no one


def _ends_in_a_countrys_initials(value: str, aliases: Sequence[Sequence[str]]) -> bool:
    """Does the name end in a country's initials, as no person's does ("Reform UK", "Team USA")?"""
    words = value.split()
    return len(words) > 1 and _acronym(words[-1]) and country_of(words[-1], aliases) is not None


def _a_people(value: str) -> bool:
    """Is ``value`` made only of words for peoples and faiths ("Asian American", "Muslim")?"""
    return all(is_demonym(w) or w.lower() in lexicon()["peoples"] for w in value.split())


def _ends_a_name(word: str, texts: Sequence[str]) -> bool:
    """Do the pages write ``word`` as the last word of a longer name ("LeBron James"), not of
    a thing's ("the Dutch Olympic team")?"""
    pattern = re.compile(rf"(?<![Tt]he )(?<![Aa]n )(?<![Aa] )\b([A-Z][\w'’\-]+)\s+{re.escape(word)}\b(?!\s+[A-Z])")
    return any(not country_of(m.group(1)) for text in _holding(word, texts) for m in pattern.finditer(text))


def _a_team(value: str, texts: Sequence[str], aliases: Sequence[Sequence[str]]) -> bool:
    """May a bare "who" be answered by ``value`` as a side? A country's name ("France won"),
    or a name written as a thing ("the Springboks"); not an event's ("the World Cup") nor a
    venue's ("at the Stade de France"), nor a people's ("the South Korean author Han Kang")."""
    code = country_of(value, aliases)
    if code is not None:
        low = value.lower()
        return low == country_name(code).lower() or any(low in (a.lower() for a in group) for group in aliases)
    return _a_thing(value, texts) and not (_EVENT.search(value) or _a_location(value, texts, article=True)
                                           or _a_people(value))  # "The Spaniard, 22, won": one of a people


def _vouched(found: Found, predicate: Predicate, aliases: Sequence[Sequence[str]], texts: Sequence[str]) -> bool:
    """A bare "who" lets in a name no page writes as a person's (a band, a charity, a team
    going by its country's name may win): such a name answers only as the one doing the asked
    thing in its passage ("Nihon Hidankyo won the prize", "the Springboks won the final"),
    the one beaten where it asks who lost, or the one a prize went to ("awarded jointly to
    Victor Ambros and Gary Ruvkun"); never as a name merely there ("Stade de France" for who
    hosted the Games, "Los Angeles" for who carried the flag)."""
    if _a_person(found.value, aliases, texts, who=False):
        return True
    text, start, end = found.passage.text, found.start, found.start + len(found.display)
    return start >= 0 and (doer(text, start, end, predicate.verb) or (asks_loss(predicate) and beaten(text, start, end))
                           or (_RECIPIENT.search(text[max(0, start - 260):start]) is not None
                               and not _AFFILIATED.search(text, max(0, start - 8), start)))


_AFFILIATED = re.compile(r"\bof\s+(?:the\s+)?$")  # "David Baker of the University of Washington": his, no recipient


# one a prize went to: "was awarded jointly to Victor Ambros and Gary Ruvkun" (or to "A, B and C"), "awarded the
# 2024 Nobel Prize in Physics to John Hopfield of Princeton University and ...", "awarded to
# David Baker ... for protein design, and jointly to Demis Hassabis" (not "the flag passed to")
_RECIPIENT = re.compile(r"\b(?:awarded|given|presented|granted|conferred)\b(?:[^.;:]{0,60}?|[^.;:]{0,160}?\band\s+"
                        r"(?:jointly|also)\s+)\bto\s+(?:the\s+)?(?:(?:[A-Z][\w'’.\-]*,?|of|the)\s+){0,8}?(?:and\s+)?$")


def _doers_first(found: list[Found], predicate: Predicate) -> list[Found]:
    """Where a passage names one doing the asked thing ("Conan O'Brien hosted the ceremony",
    "its translator Deborah Smith"), that fills the question's slot, and names merely nearby
    do not ("Sean Baker" for who hosted the Oscars, the laureate for who translated her
    novel), however many pages repeat them. A name is the one doing it however it is written
    (by its last word: "Joe Biden" where a headline has "Watch Biden deliver eulogy"). A
    passive question, or one about whom someone beat or faced, asks for the one it was done
    to: left alone; so is one that names no object ("won his second US Open title" reads
    none), where a doer of another thing cannot be told apart."""
    if not (predicate.verb and predicate.object) or predicate.passive or predicate.beaten or predicate.facing:
        return found  # with no object to tell by, a doer may have done another thing ("Swiatek won" her title)
    doing = {f.value.split()[-1] for f in found if f.strength > 0 and f.start >= 0
             and doer(f.passage.text, f.start, f.start + len(f.display), predicate.verb)}
    return [f for f in found if f.value.split()[-1] in doing] if doing else found


# the last word of an event's or a prize's name: "the Paralympic Games", "the World Cup", "Chemistry Nobel"
_EVENT = re.compile(r"\b(?:Games|Olympics|Paralympics|Cup|Championships?|Awards|Festival|Bowl|Prix|Prizes?|Nobel)$")
# a street's or a road's name is where someone is ("Bourbon Street"), never who
_THOROUGHFARE = re.compile(r"\s(?:Street|St\.|Avenue|Ave\.?|Road|Boulevard|Blvd\.?|Highway|Freeway|Parkway|Expressway)$")


def _family(value: str, texts: Sequence[str]) -> bool:
    """"The Macrons said ...": a surname in the plural after "the" is a couple or a family,
    not the one person a question asks for."""
    name = re.sub(r"^the\s+", "", value, flags=re.I)
    if not re.fullmatch(r"[A-Z][\w'’\-]*s", name):
        return False
    return name != value or any(re.search(rf"\bthe\s+{re.escape(name)}\b", t, re.I) for t in texts)


_WHO = re.compile(r"^\s*who\b|\bwho\s+(?:is|was|were|will|won|became|leads|runs|heads|took|received)\b|谁", re.I)
_PRONOUNS = {"female": "she|her|herself", "male": "he|his|him|himself"}
_PERSONAL = re.compile(rf"\b(?:{_PRONOUNS['male']}|{_PRONOUNS['female']})\b|[他她]", re.I)
# "Who is Intel's new CEO?": a person's title asked for, which no body holds
_HOLDER = re.compile(r"^\s*who\s+(?:is|was|will\s+be|has\s+been|becomes|became)\s+(?:[\w.'’\-]+\s+){0,5}?([\w\-]+)\s*\?*\s*$",
                     re.I)


def _asks_a_holder(question: str) -> bool:
    """Does the question ask who holds a person's title ("Who is Intel's new CEO?", "Who is
    the pope?"), so that the body a title is of ("the former chief executive of Cadence")
    never answers?"""
    asked = _HOLDER.match(question)
    return asked is not None and asked.group(1).lower() in lexicon()["person_titles"]


# the answer's sex, where the question writes it of the one asked for ("won her first acting
# award"), and the roles only the other sex is credited with right before a name
_SEX_ASKED = {sex: re.compile(rf"\b(?:{words})\b", re.I) for sex, words in _PRONOUNS.items()}
_ROLE_OF_OTHER_SEX = {
    "female": re.compile(r"\b(?:actor|king|prince|chairman|spokesman|businessman|congressman|sportsman)\s+(?:for\s+)?$", re.I),
    "male": re.compile(r"\b(?:actress|queen|princess|chairwoman|spokeswoman|businesswoman|congresswoman|sportswoman)\s+"
                       r"(?:for\s+)?$", re.I),
}


def _asked_sex(question: str) -> str | None:
    """"female" for a question writing "her" or "she" and none of "his", "he"; "male" the other way."""
    said = [sex for sex, words in _SEX_ASKED.items() if words.search(question)]
    return said[0] if len(said) == 1 else None


def _body_of_a_title(text: str, start: int) -> bool:
    """Is the name at ``start`` written after a person's title and "of" ("chief executive of
    Cadence Design Systems"), the body the title is of?"""
    title = re.search(r"\b([a-z][\w\-]*)\s+of\s+(?:the\s+)?$", text[max(0, start - 40):start])
    return title is not None and title.group(1) in lexicon()["person_titles"]


def _asks_a_role(predicate: Predicate) -> bool:
    """Does the question ask who holds a person's role within a side ("Who was Real Madrid's
    goalkeeper?", "Who captained ..."): then the club or the country named beside it is no
    answer."""
    return role_in(predicate.words) is not None  # "captained"


_FILLER = {"another", "other", "yet", "some", "any", "each", "every", "such", "more", "most", "very", "also", "just",
           "still", "even", "one", "ones"}  # "yet another special guest" says no more than "which special guest"
_FUNCTION_WORDS = {"of", "and", "the", "for", "de", "&"}
RESTATED = 2  # question words in a span that make it a restatement
_ASKS_NAME = re.compile(r"\bnames?\b|\bcalled\b|叫什么|名字|名称", re.I)
_NO_NOUN = r"(?:of|is|was|are|were|be|do|does|did|can|could|will|would|should|shall|has|have|had|may|might|must|if|about)\b"
# "which over-the-counter medication", "what typhoon": a kind of thing, which a name may be;
# not "what happened", "what causes" (a verb), "doing what"
_ASKS_KIND = re.compile(rf"\bwhich\s+(?:of\s+the\s+following\s+)?(?!{_NO_NOUN})\w"
                        rf"|\bwhat\s+(?!{_NO_NOUN})(?![a-z]+(?:ed|s)\b)[a-z]", re.I)


# a time asked as a clock or a stopwatch reads it ("What was her winning time?", "At what time ...?")
_ASKS_CLOCK = re.compile(r"\b(?:winning|finishing|record|race|lap|qualifying)\s+time\b|\b(?:what|which)\s+time\b", re.I)
_CLOCK = re.compile(r"\d:\d\d|\d\s*(?:h|hrs?|hours?|min|mins|minutes?|s|sec|secs|seconds?|a\.?m\.?|p\.?m\.?)\b|"
                    r"\b(?:noon|midnight|hours?|minutes?|seconds?)\b", re.I)


def span_fits(span: str, question: str) -> bool:
    """Can a span the model points at answer a question of no listed kind ("doing what?",
    "about what?", "due to which reason?")? Not one that only restates the question
    ("classified files") or repeats it around the answer, as a sentence does ("Ford has
    recalled nearly 700,000 vehicles ... due to a fuel leak" for "Why did Ford recall nearly
    700,000 SUVs?": ``RESTATED`` of its words or more) or names who said it ("CDC data
    showed"). A bare proper name ("Department of Homeland Security", "RFK Jr") answers only
    a question asking for a name or for a kind of thing ("which over-the-counter medication":
    Tylenol; "which holiday": Diwali), never "doing what?"; and then no country or state: a
    question asking for a person, a body or a place is typed so, so this one asks for
    something else. Nor a name the question writes (or one sharing a word with it)."""
    asked = set(keywords(question))
    words = [w for w in keywords(span) if w not in _FILLER]
    if not words or set(words) <= asked:
        return False
    if len(words) <= 2 and words[0] in asked and not is_cjk(words[0]):
        return False  # "the controversial play" for "what controversial tactic": its description, said again
    restating = sum(w in asked and not is_cjk(w) for w in words)  # CJK bigrams overlap by chance
    if restating >= RESTATED or _ATTRIBUTION.search(span):
        return False
    tokens = re.findall(r"[^\W\d_][\w'’.\-]*", span)
    proper = bool(tokens) and all(t[0].isupper() or t.lower() in _FUNCTION_WORDS for t in tokens)
    if _ASKS_CLOCK.search(question) and not _CLOCK.search(span):
        return False  # "10,000m" is no winning time: a time is written on a clock or in its units
    if proper and {t.lower() for t in tokens} & names_given(question):
        return False  # "Donald Trump" for "which Republican won it before Trump?": the question's own name
    if not proper or _ASKS_NAME.search(question):
        return True
    # a country or a state answers a question typed as asking one, not "which drug cartel"
    return _ASKS_KIND.search(question) is not None and not is_place(span)


def _places(passages: list[Passage], find, asked: set[str], name, predicate: Predicate, journey: str | None,
            question: str) -> list[Found]:
    """A candidate for every place ``find`` names in a passage, other than those the question
    names (its subject, not its answer), at its mention nearest the question's predicate;
    ``name`` words the value from the key ``find`` returns. With a ``journey`` end asked
    (verify/direction.py), only mentions written as that end count."""
    found = []
    for passage in passages:
        best: dict[str, float] = {}
        for start, key in find(passage.text):
            end = start + len(re.match(r"\w*", passage.text[start:]).group(0))  # type: ignore[union-attr]
            if key in asked or incidental(passage.text[:start]) or _named_aside(passage.text, start, end, question):
                continue  # "WASHINGTON -- President Trump vowed ...": where it was filed; "did not directly hit Haiti"
            if at_end(journey, passage.text, start, end):
                best[key] = max(best.get(key, 0.0), alignment(passage.text, start, end, predicate))
        found += [Found(name(key), name(key), passage, passage.score * aligned) for key, aligned in best.items()]
    return found


_QUALIFIED_KIND = re.compile(r"\b(?:which|what)\s+((?:[A-Za-z][\w\-'’]*\s+){1,3})", re.I)
_QUALIFIER_REACH = re.compile(r"(?:\S+\s+){1,3}$")  # the words right before a name: "US chipmaker Nvidia"


def asked_nationality(question: str, aliases: Sequence[Sequence[str]] = ()) -> set[str]:
    """The countries that qualify the asked kind: "by which Chinese company?" -> {"CN"}; not
    a country the question names elsewhere ("Which company did the Chinese government fine?")."""
    # capitalised as a nationality is ("Chinese"): "which popular tourist island" names no Iceland
    return {code for m in _QUALIFIED_KIND.finditer(question) for at, code in countries_in(m.group(1), aliases)
            if m.group(1)[at].isupper()}


def _nationalities(value: str, texts: Sequence[str], aliases: Sequence[Sequence[str]]) -> set[str]:
    """The countries the pages qualify ``value`` by ("US chipmaker Nvidia", "China's DeepSeek")."""
    said: set[str] = set()
    for text in _holding(value, texts):
        for start in word_starts(value, text):
            words = _QUALIFIER_REACH.search(text, max(0, start - 40), start)
            said |= {code for _, code in countries_in(words.group(0), aliases)} if words else set()
    return said


def _of_another_country(value: str, texts: Sequence[str], asked: set[str], aliases: Sequence[Sequence[str]]) -> bool:
    """Do the pages qualify ``value`` by nationality only with countries other than the ``asked`` ones?"""
    said = _nationalities(value, texts, aliases)
    return bool(said) and not said & asked


def _of_the_asked_country(found: list[Found], texts: Sequence[str], asked: set[str],
                          aliases: Sequence[Sequence[str]]) -> list[Found]:
    """"By which Chinese company?": where the pages qualify some names by the asked country
    ("Chinese startup DeepSeek"), those; a name they never so qualify ("Nvidia") is a bystander."""
    qualified = {v for v in {f.value for f in found} if _nationalities(v, texts, aliases) & asked}
    return [f for f in found if f.value in qualified] if qualified else found


_REGION_AFTER = re.compile(r",\s+([A-Z][\w\-.]*(?:\s+[A-Z][\w\-.]*){0,2})")


def _with_region(found: list[Found], aliases: Sequence[Sequence[str]]) -> list[Found]:
    """"Anchorage, Alaska" for a place the passage writes followed by its state or country."""
    extra = []
    for f in found:
        after = _REGION_AFTER.match(f.passage.text, f.start + len(f.display)) if f.start >= 0 else None
        region = after.group(1).rstrip(".") if after else ""
        if region and region != f.display and is_place(region, aliases):
            value = f"{f.display}, {region}"
            extra.append(replace(f, value=value, display=value))
    return extra


@lru_cache(maxsize=1)
def _body_words() -> frozenset[str]:
    """Every word of every kind of body ("bank", "university", "council")."""
    return frozenset(w for members in _word_groups("body_kinds").values() for w in members)


def ends_a_body_s_name(text: str, start: int) -> bool:
    """Is the name at ``start`` the place ending a body's name ("Silicon Valley Bank of Santa
    Clara", "First Republic Bank of San Francisco"): where the body is, no body or person?"""
    before = re.search(r"\b([A-Z][a-z]+)\s+of\s+(?:the\s+)?$", text[max(0, start - 40):start])
    return before is not None and before.group(1).lower() in _body_words()


# a rating or a name changed (not a move: "from Chelsea to Arsenal" names clubs)
_CHANGING = r"\b(?:lower|rais|downgrad|upgrad|cut|lift|renam|revis)\w*\b[^.;]{0,80}?\bfrom\s+"
_CHANGED_FROM = re.compile(_CHANGING + r"$", re.I)
_CHANGED_TO = re.compile(_CHANGING + r"\S+\s+to\s+$", re.I)


def a_changed_value(text: str, start: int, end: int) -> bool:
    """Is the name at ``text[start:end]`` what a rating or a name was changed from or to
    ("lowered the rating of the United States from AAA to AA+", "renamed from Twitter to
    X"): a value, no body that did anything?"""
    before = text[max(0, start - 120):start]
    return (_CHANGED_FROM.search(before) is not None and re.match(r"\s+to\s+\S", text[end:]) is not None) \
        or _CHANGED_TO.search(before) is not None


def _only_incidental(found: Found, asks_media: bool, question: str) -> bool:
    """Is the mention named only as where a report was filed, the platform something was
    said on (unless media are asked for), the source of a claim, the one a thing was taken
    from, only whose another person is ("Ann Lee's younger brother"), another person's
    affiliation, where a thing did not happen ("the race did not finish in Paris"), or what
    something is likened to ("as incredible as America")?"""
    text, start, end = found.passage.text, found.start, found.start + len(found.display)
    return _named_aside(text, start, end, question) \
        or (not asks_media and is_medium(text, start, end)) or is_source(text, start, end, question) \
        or is_dispossessed(text, start, end, question) or is_owner(text, end, question) \
        or is_anothers_affiliation(text, start, question)


def _named_aside(text: str, start: int, end: int, question: str) -> bool:
    """Is the name at ``start`` written where it answers nothing, a place as much as any name:
    as where a report was filed, after a denied verb, or as what something is likened to?"""
    return is_dateline(text, start, end) or is_denied(text, start, question) or is_compared(text, start)


_ASKS_FIRST_LEVEL = re.compile(r"\b(?:which|what)\s+(?:[\w'’-]+\s+)?(?:state|province|territory)\b|哪个[省州]", re.I)


def _undenied(found: list[Found], predicate: Predicate) -> list[Found]:
    """Asked who won, not one whose own clause says it "did not win" ("India ended the Games
    with six medals and did not win a gold medal")."""
    if not WIN_WORDS & set(predicate.words) or asks_loss(predicate):
        return found
    return [f for f in found if f.at < 0 or not denies_the_win(f.passage.text, f.at + len(f.display))]


def kind_candidates(kind: str, passages: list[Passage], question: str, language: str,
                    aliases: Sequence[Sequence[str]] = (), predicate: Predicate = Predicate(),
                    pages: Mapping[int, str] | None = None, outlets: frozenset[str] = frozenset()) -> list[Found]:
    """Candidates of the asked kind, each weighed by how close it stands to the question's
    ``predicate`` words (orchestrator/verify/alignment.py): countries and states from place
    names in any script, the other kinds from the names the passages give, those of another
    kind left out (judged by how the whole ``pages``, by default the passages, write them)."""
    pages = pages if pages is not None else {p.source: p.text for p in passages}
    texts = list(pages.values())  # where a name's kind shows
    journey = asked_end(question) if kind in PLACE_KINDS else None  # "en route to which city?"
    if kind == "country":
        asked = {code for _, code in countries_in(question, aliases)}
        return _undenied(_places(passages, lambda text: countries_in(text, aliases), asked,
                                 lambda code: country_name(code, language), predicate, journey, question), predicate)
    if kind == "subdivision":
        asked = {name for _, name in subdivisions_in(question)}
        # "which state": Queensland, not the prefecture or department named like a city ("Tokyo", "Paris")
        first_level = _ASKS_FIRST_LEVEL.search(question) is not None
        return [f for f in _undenied(_places(passages, subdivisions_in, asked, lambda name: name, predicate, journey,
                                             question), predicate)
                if not first_level or is_state_or_province(f.value)]
    bodies_asked = organisational(" ".join(keywords(question)))  # "which group of employees"
    # "her first Tony": a person
    who = _WHO.search(question) is not None and not _PERSONAL.search(question)
    role = _asks_a_role(predicate)
    named = name_candidates(passages, question, texts, predicate.verb)
    if kind == "person":
        named = [without_title(f, aliases) for f in named]
    # "which Ukrainian region": the country the question names frames the place asked for
    framing = {code for _, code in countries_in(question, aliases)} if kind == "place" else set()
    # "in which region?", "which area": a part of a country or a group of them, never a country
    regional = kind == "place" and bool(_REGIONS & set(predicate.kinds))
    nationality = asked_nationality(question, aliases)  # "which Chinese company"
    office = _asked_office(question) if kind == "person" else set()  # "Who is the chancellor of Germany?"
    if kind == "person" and role and not (predicate.facing or predicate.beaten):
        # "Who captained South Africa?": not "New Zealand captain Sam Cane"
        nationality |= {code for _, code in countries_in(question, aliases)}
    # "Which retailer": a page's own publisher ("USA TODAY") answers only a question about media
    media = not predicate.kinds or bool(set(predicate.kinds) & _MEDIA)
    # "which network", "which app": where something was said may answer ("users posted on RedNote")
    asks_media = bool(set(predicate.kinds) & (_MEDIA | _PLATFORMS))
    # "which team did South Africa beat?": a national side goes by its country's name
    sides = kind == "organisation" and bool(set(predicate.kinds) & _SIDES)
    # a bare "who" asking who did its verb (or lost; not "who was awarded", done to): names
    # no page writes as a person's are vouched for below as the ones doing it, a team going
    # by its country's name or as "the Springboks" among them, or where it asks who beat whom
    # by its state's or city's ("São Paulo beat Palmeiras"); "who became ..." asks who holds
    # a post or a record, no deed ("when he became the first player to score 50,000 points")
    asks_doer = kind == "person" and who and (bool(predicate.verb) or asks_loss(predicate)) and not predicate.passive \
        and "became" not in predicate.verb

    def judged(anyone: bool) -> dict[str, bool]:
        verdicts: dict[str, bool] = {}  # a name is judged once, however often the passages give it
        for value in dict.fromkeys(f.value for f in named):
            # a lone word no page writes as a person's ("Olympic", of "the 2032 Olympic and
            # Paralympic Games") answers a bare "who" only as the one doing its verb, or as the
            # last word of a name the pages write ("James" of "LeBron James")
            named_so = asks_doer or " " in value or _ends_a_name(value, texts)
            verdicts[value] = (fits(kind, value, aliases, texts, outlets, bodies_asked, anyone and named_so, media)
                               or (sides and _a_place_name(value, aliases))
                               or (asks_doer and anyone and (_a_team(value, texts, aliases) or (
                                   predicate.facing and _a_place_name(value, aliases))))) \
                and not of_another_body(value, predicate.kinds) and not of_another_office(value, predicate.kinds, question) \
                and not unnamed_as_asked(value, predicate.kinds) and not only_in_an_awards_name(value, texts) \
                and not (titled_as_another_office(value, texts, office) or not_yet_in_office(value, texts, office)) \
                and not (framing and country_of(value, aliases) in framing) \
                and not (regional and country_of(value, aliases)) \
                and not (nationality and _of_another_country(value, texts, nationality, aliases))
        return verdicts

    # a bare "who" may be answered by a team or a body, but a person's role ("Real Madrid's
    # goalkeeper") first by the names the pages write as persons', any name only where none is
    verdicts = judged(who and not role)
    if who and role and not any(verdicts.values()):
        verdicts = judged(True)
    found = [replace(f, strength=f.strength * alignment(f.passage.text, f.start, f.start + len(f.display), predicate))
             for f in named if verdicts[f.value] and at_end(journey, f.passage.text, f.start, f.start + len(f.display))
             and not _only_incidental(f, asks_media, question)
             and not (kind in ("person", "organisation") and (
                 ends_a_body_s_name(f.passage.text, f.start)
                 or a_changed_value(f.passage.text, f.start, f.start + len(f.display))))]
    if kind in ("place", "city"):  # "beat New Zealand 12-11 in the final at the Stade de France": a side, not where
        found = [f for f in found if not (f.start >= 0 and beaten_right_after(f.passage.text, f.start))]
    if sides:  # a side going by its state's or city's name answers only as the one doing the asked thing
        placed = {value for value in verdicts if _a_place_name(value, aliases) and country_of(value, aliases) is None
                  and not fits(kind, value, aliases, texts, outlets, bodies_asked, False, media)}
        found = [f for f in found if f.value not in placed
                 or (f.start >= 0 and doer(f.passage.text, f.start, f.start + len(f.display), predicate.verb))]
    if asks_doer:
        found = [f for f in found if _vouched(f, predicate, aliases, texts)]
        # "Who scored?", "Who refereed?": where no passage writes that verb (a stem the policy
        # lists no other forms for), every name is merely there, however often it is
        if predicate.verb and not predicate.listed and not any(
                states_verb(f.passage.text.lower(), predicate.verb) for f in found):
            found = []
    if nationality and kind != "person":  # a person's role may name the country: "captain of South Africa"
        found = _of_the_asked_country(found, texts, nationality, aliases)
    found = _doers_first(found, predicate)
    if asks_loss(predicate):  # "Who was runner-up?": never one written as winning ("Real Madrid won the final")
        found = [f for f in found if f.start < 0 or alignment(f.passage.text, f.start, f.start + len(f.display), predicate) > 0]
    else:
        found = _undenied(found, predicate)
    if kind in PLACE_KINDS and not _ASKS_A_HOME.search(question):  # "the Texas company": what a body is, not where
        found = _unless(found, lambda text, start, end: _BODY_AFTER.match(text, end) is not None)
    if kind == "place":  # "in Anchorage, Alaska": the city with its state is a place of its own
        found += _with_region(found, aliases)
    if kind == "name" and (nouns := predicate.kinds or kind_nouns(question)):
        # a ship, an animal, a lander has no kind of its own to tell it by: the pages must
        # say what it is ("Monty, a giant schnauzer", "the Blue Ghost lander")
        found = [f for f in found if apposed(f.passage.text, f.start, f.start + len(f.display), nouns)]
    if kind == "person":
        # "Percival Everett's 'James' wins Pulitzer": the maker won, not the work
        found = _unless(found, _anothers_work_at)
        if (role_asked := asked_role(predicate)) is not None:  # "Which PSG player?": not "Their coach Luis Enrique"
            found = _unless(found, lambda text, start, end: titled_as_another_role(text, start, role_asked))
        elif "won" in predicate.verb:  # "Who won the Club World Cup?": not "Chelsea head coach Enzo Maresca"
            found = _unless(found, lambda text, start, end: titled_as_staff(text, start))
        if (sex := _asked_sex(question)) is not None:  # "her first acting award": no "best actor for"
            other = _ROLE_OF_OTHER_SEX[sex]
            found = _unless(found, lambda text, start, end: other.search(text, 0, start) is not None)
        if _asks_a_holder(question):  # "the former chief executive of Cadence Design Systems" holds no title
            found = _unless(found, lambda text, start, end: _body_of_a_title(text, start))
        # "defeating Vice President Kamala Harris" makes no one else in it vice president
        held = asked_office(question)
        found = [f for f in found if not only_anothers_title(f.passage.text, f.start, f.start + len(f.display), held)]
        if asks_who_came_next(question):  # only a passage telling the succession says who came next
            found = [f for f in found if tells_succession(f.passage.text)]
        if not asks_about_leaving(question):  # "ousted Tomás Ortega" is no chief executive now
            found = _unless(found, leaving)
        elif asks_whom_followed(question):  # "Who does the winner succeed?": the one written as leaving
            found = [f for f in found if leaving(f.passage.text, f.start, f.start + len(f.display))]
        return _together(as_full_names(found + full_forms(found, pages)), predicate)
    if kind in ("name", "work"):  # a rocket, a lander, a sequel: not a club's score ("Real Madrid 2")
        found = [_numbered(f) for f in found]
    if kind == "organisation" and {"team", "club", "franchise"} & {w for k in predicate.kinds or kind_nouns(question)
                                                                   for w in k.split()}:
        found = team_names(found, pages)
    return as_one_form(found, texts, bodies=kind == "organisation")


def _unless(found: list[Found], said: Callable[[str, int, int], bool]) -> list[Found]:
    """``found`` less the mentions ``said(passage text, start, end)`` holds of; a name matched
    nowhere in its passage (start -1) stays."""
    return [f for f in found if f.start < 0 or not said(f.passage.text, f.start, f.start + len(f.display))]


def _together(found: list[Found], predicate: Predicate) -> list[Found]:
    """Those a passage writes as doing the asked thing together ("Geoffrey Hinton and John
    Hopfield won the physics prize") answer together, as one candidate in that passage: the
    one standing nearer the verb is not the answer alone."""
    by_passage: dict[int, list[Found]] = {}
    for f in found:
        by_passage.setdefault(id(f.passage), []).append(f)
    out: list[Found] = []
    for group in by_passage.values():
        named = {f.display.lower(): f for f in group if f.start >= 0}  # matched in any case
        runs = co_doers(group[0].passage.text, [f.display for f in named.values()], predicate.verb)
        joined = [(at, [named[n.lower()] for n in run if n.lower() in named]) for at, run in runs]
        joined = [(at, run) for at, run in joined if len({f.value for f in run}) > 1]
        members = {f.value for _, run in joined for f in run}  # each answers only with the others
        out += [f for f in group if f.value not in members]
        for at, run in joined:
            value = _join_names([f.value for f in run])
            out.append(Found(value, value, group[0].passage, max(f.strength for f in run), start=at, together=True))
    return out


def _join_names(names: Sequence[str]) -> str:
    """"A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# a model's number written on after its name: "a SpaceX Falcon 9 rocket", "Apollo 11"; not a
# score ("2-0"), a decimal, a year or a time
_MODEL_NUMBER = re.compile(r"[ \t]\d{1,3}(?!\d)(?![\-–.,:/]\w)(?!\s*(?:%|percent|per\b))")


def _numbered(found: Found) -> Found:
    """A thing's name with the number it is written with ("Falcon 9"), where the passage says so."""
    if found.start < 0:
        return found
    end = found.start + len(found.display)
    number = _MODEL_NUMBER.match(found.passage.text, end)
    if number is None:
        return found
    named = found.display + number.group(0)
    return replace(found, value=found.value + number.group(0), display=named)
