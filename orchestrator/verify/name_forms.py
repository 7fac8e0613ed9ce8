"""One name, one form: the forms in which pages write the same name count as one candidate.
A leading title or nationality and a trailing "of <country>" are dropped ("Rapper Kendrick
Lamar", "Kirsty Coventry of Zimbabwe"), a surname alone stands for the one full name its page
writes ("Snook": Sarah Snook), and a body's initials and its full name are one ("BBC",
"British Broadcasting Corporation")."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from orchestrator.verify.candidates import Found
from orchestrator.verify.entities import country_of, is_place
from orchestrator.verify.name_words import lexicon, lower_case_words, organisational, title_word
from orchestrator.verify.passages import split_passages
from orchestrator.verify.predicate import predicate_of
from orchestrator.verify.proper_names import NOT_NAMES, PARTICLE
from orchestrator.verify.question import asking_sentence

_OF_PLACE = re.compile(r"(?<=\w) of ((?:[A-Z][\w\-]*\s?){1,3})$")
_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][\w\-]*\s+$")
# a German article right before a name's run: its first word is a noun ("der Bundestag"), as German
# capitalises every one; not English "the", which opens team and body names ("the New Orleans Pelicans")
_ARTICLE_BEFORE = re.compile(r"\b(?:der|die|das|dem|den|des|im|am|zum|zur|vom|beim)\s+$")


def without_title(found: Found, aliases: Sequence[Sequence[str]] = ()) -> Found:
    """"Rapper Kendrick Lamar" is Kendrick Lamar, "Chilean Joaquin Niemann" Joaquin Niemann,
    "Kirsty Coventry of Zimbabwe" Kirsty Coventry, "John Jumper of Google DeepMind" John
    Jumper, "Mayor-elect Mamdani" Mamdani (whose fuller form the pages give answers),
    "Lucía Fernández CEO" Lucía Fernández: a leading or trailing title, a leading
    nationality, a trailing country or state, or a full name's trailing affiliation is no
    part of the name."""
    words = found.value.split()
    titles = lexicon()["person_titles"]
    if of := _OF_PLACE.search(found.value):
        before = found.value[:of.start()].split()
        # "John Jumper of Google DeepMind": a full name's affiliation; not "Secretary of State ..."
        # "University of Washington" is a body's name whole
        if not organisational(" ".join(before)) and (is_place(of.group(1), aliases) or (
                len(before) >= 2 and not any(w.lower() in titles for w in before))):
            words = before
    if len(words) > 2 and all(w[:1].isupper() for w in words) and found.start >= 0 \
            and _ARTICLE_BEFORE.search(found.passage.text, max(0, found.start - 8), found.start):
        words.pop(0)  # "hat der Bundestag Friedrich Merz gewählt": a noun, as German capitalises every one
    if len(words) == 2 and words[0].lower().endswith("-elect"):  # "Mayor-elect Mamdani": no first name ends so
        words.pop(0)
    while len(words) > 2:
        if _a_leading_title(words[0], titles) or country_of(words[0], aliases):
            words.pop(0)
        elif words[0] == "of" and len(words) > 3:  # the rest of a title: "Secretary of State Marco Rubio"
            del words[:2]
        elif len(words) > 3 and country_of(" ".join(words[:2]), aliases):  # "South African Louis Oosthuizen"
            del words[:2]
        else:
            break
    # "Senate Majority Leader John Thune", "NATO Secretary-General Mark Rutte": the last title
    # word ends a title and whatever heads it, the name's two words or more after it
    last = max((i for i, word in enumerate(words[:-2]) if title_word(word)), default=None)
    if last is not None:
        del words[:last + 1]
    while len(words) > 2 and words[-1].lower().strip(".") in titles:  # "names Lucía Fernández CEO after ..."
        words.pop()
    name = " ".join(words)
    if name == found.value:
        return found
    return replace(found, value=name, display=name, start=found.start + found.display.find(name))


def _a_leading_title(word: str, titles: frozenset[str]) -> bool:
    """A title opening a name, plural or shared too: "co-CEOs David Zinsner"."""
    low = word.lower().strip(".").removeprefix("co-")
    return low in titles or (low.endswith("s") and low[:-1] in titles)


def full_forms(found: list[Found], pages: Mapping[int, str]) -> list[Found]:
    """For a name given by surname alone ("Snook, who's best known as ..."), the one fuller
    form its page writes ("Sarah Snook"), or where it writes none, the one the other pages
    write ("Baker won the other half" beside another page's "David Baker"), from the sentence
    that writes it, at a token weight: enough to name the person in full, not to outweigh a
    rival."""
    values = {f.value for f in found}
    extra = []
    for f in found:
        if " " in f.value or _fuller(f.value, values):
            continue
        source = f.passage.source
        forms = _forms(f.value, pages.get(source, ""))
        if not forms:
            others = {i: _forms(f.value, page) for i, page in pages.items() if i != source}
            forms = set().union(*others.values()) if others else set()
            source = next((i for i, written in others.items() if written), source)
        if len(forms) == 1:
            form = forms.pop()
            # a form running across a line break (a caption "Kamala\nHarris") lies in no one sentence
            sentence = next((p for p in split_passages(pages.get(source, ""), source) if form in p.text), None)
            if sentence is None:
                continue
            extra.append(Found(form, form, replace(sentence, score=f.passage.score), f.strength * 0.1,
                               start=sentence.text.find(form)))
    return extra


def team_names(found: list[Found], pages: Mapping[int, str]) -> list[Found]:
    """A team written by its nickname alone ("The Lions have won 38 games") is named as its
    own page names it in full, where the page writes one fuller form ("Detroit Lions",
    "Kansas City Chiefs"); each mention keeps its words, so its quote still states it."""
    out = []
    common_of: dict[int, set[str]] = {}  # each page's lower-case words, read once
    for f in found:
        if " " in f.value:
            out.append(f)
            continue
        page = pages.get(f.passage.source, "")
        if f.passage.source not in common_of:
            common_of[f.passage.source] = lower_case_words([page]) | NOT_NAMES
        common = common_of[f.passage.source]
        forms = set()
        for m in re.finditer(rf"\b(?:[A-Z][\w\-]+[ \t]+){{1,2}}{re.escape(f.value)}\b(?![ \t]+[A-Z])", page):
            words = m.group(0).split()
            while words and (words[0].lower() in common or words[0] == f.value):  # "The Detroit Lions": no "The"
                words.pop(0)
            if len(words) > 1:
                forms.add(" ".join(words))
        out.append(replace(f, value=forms.pop()) if len(forms) == 1 else f)
    return out


def _forms(surname: str, text: str) -> set[str]:
    """The fuller forms ``text`` writes of ``surname`` ("David Baker"), titles and places aside;
    where it writes none, those in East Asian order ("Han Kang" of "Han")."""
    common = lower_case_words([text]) | NOT_NAMES | lexicon()["person_titles"]  # read once per page, not per mention
    forms = {form for m in re.finditer(rf"\b{re.escape(surname)}\b", text) if (form := _whole_name(text, m, common))}
    if forms:
        return forms
    eastern = {m.group(0) for m in re.finditer(rf"\b{re.escape(surname)}\s+[A-Z][a-z\-]+\b(?!\s+[A-Z])", text)
               if _opens_a_name(text, m.start())}
    return {form for form in eastern if not (organisational(form) or is_place(form) or is_place(form.split()[-1])
                                             or form.split()[-1].lower() in _not_given_names())}


_NAME_WORD = re.compile(r"[A-Z][\w\-]+|[A-Z]\.")  # "John M. Jumper"
_PARTICLE_WORD = re.compile(PARTICLE)
_PARTICLES_THEN_NAME = re.compile(rf"(?:[ \t]+{PARTICLE})+[ \t]+[A-Z][\w\-]+\b")
_PATRONYMIC = {"bin", "ibn"}  # "son of": the name after it is another person's
_NAME_GOES_ON = re.compile(rf"[ \t]+(?:{PARTICLE}[ \t]+){{0,2}}[A-Z]")


def _whole_name(text: str, mention: re.Match, common: frozenset[str] | set[str]) -> str | None:
    """The whole name a mention of a surname (or a middle name) ends, on its line, particles
    and all ("Lula" of "Luiz Inácio Lula da Silva", "Leyen" of "Ursula von der Leyen"),
    less a title and any ``common`` word (the page's lower-case words, days, titles) or place opening it
    ("On Tuesday Roberts said", "Should Roberts step in" name no "Tuesday Roberts"); None
    where no given name is left, or the name goes on past it ("Donald Trump Jr.")."""
    end = mention.end()
    if tail := _PARTICLES_THEN_NAME.match(text, end):  # "Lula" then "da Silva"
        end = tail.end()
    if _NAME_GOES_ON.match(text, end):
        return None
    line_start = text.rfind("\n", 0, mention.start()) + 1
    before = text[line_start:mention.start()].split()
    own: list[str] = []  # the surname's own particles: "von der" of "von der Leyen"
    while before and len(own) < 2 and _PARTICLE_WORD.fullmatch(before[-1]):
        own.insert(0, before.pop())
    if _PATRONYMIC & set(own):  # "Salman" of "Mohammed bin Salman" is his father's name, not his
        return None
    given: list[str] = []
    while before and len(given) < 4 and _NAME_WORD.fullmatch(before[-1]):
        given.insert(0, before.pop())
    if before and given and _PARTICLE_WORD.fullmatch(before[-1]):  # "Bill de Blasio Maya Wiley": Blasio is his
        given.pop(0)
    titled = [i for i, word in enumerate(given) if title_word(word)]
    given = given[titled[-1] + 1:] if titled else given  # "Commission President Ursula von der Leyen"
    while given and (given[0].lower() in common or is_place(given[0])):
        given.pop(0)
    return " ".join([*given, *own, text[mention.start():end]]) if given else None


@lru_cache(maxsize=1)
def _not_given_names() -> frozenset[str]:
    """Words that never end a name written family name first: "the Han River", "Han Kang, Author"."""
    return lexicon()["feature"] | lexicon()["person_titles"]


def _opens_a_name(text: str, at: int) -> bool:
    """Does a name start at ``at``, after no capitalised word but a title ("Author Han Kang")?"""
    before = _CAPITALISED_BEFORE.search(text, max(0, at - 40), at)
    return before is None or before.group(0).split()[0].lower().strip(".") in lexicon()["person_titles"]


def as_full_names(found: list[Found]) -> list[Found]:
    """A family name alone ("Starmer", "Han", "Lula") counts for the one fuller name the
    passages give that ends or, in East Asian order, begins with it ("Keir Starmer", "Han
    Kang", "Luiz Inácio Lula da Silva"): the same person, not a rival. With several, it stays
    apart. A surname may open with its particle ("De Wever" of "Bart De Wever"). A full name
    of three words or more after a word no other passage writes before it ("Leftist Luiz
    Inácio Lula da Silva") is that full name; not a given name before a surname ("Bart" of
    "Bart De Wever")."""
    values = {f.value for f in found}
    found = [replace(f, value=rest) if len(words := f.value.split()) >= 4 and (rest := " ".join(words[1:])) in values
             and not _PARTICLE_WORD.fullmatch(words[1].lower()) else f for f in found]
    values = {f.value for f in found}
    out = []
    for f in found:
        fuller = _fuller(f.value, values)
        surname = " " not in f.value or _PARTICLE_WORD.fullmatch(f.value.split()[0].lower()) is not None
        # a country is no surname: "China" is never "People's Republic of China" cut at its "'s"
        out.append(replace(f, value=fuller[0]) if len(fuller) == 1 and surname and not country_of(f.value) else f)
    return out


def _fuller(name: str, values: set[str]) -> list[str]:
    """The values that end or, in East Asian order, begin with ``name`` ("Keir Starmer", "Han
    Kang"), or where only particles and a last word follow it ("Lula" of "Lula da Silva");
    not a father's name ("Salman" of "Mohammed bin Salman")."""
    ends = re.compile(rf"(?<!\bbin)(?<!\bibn)\s{re.escape(name)}(?:\s+(?:{PARTICLE}\s+){{1,2}}\S+)?$")
    return [v for v in values if ends.search(v) or v.startswith(name + " ")]


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def as_one_form(found: list[Found], texts: Sequence[str], bodies: bool = False) -> list[Found]:
    """A body written both in full and as its initials ("British Broadcasting Corporation",
    "BBC") is one candidate, valued in the form its pages write more often (the initials on a
    tie); among ``bodies`` one written also by its last words ("Eagles" beside the one
    "Philadelphia Eagles") is the fuller. Each mention keeps the form its passage writes, so
    its quote still states it."""
    written = "\n".join(texts)

    def times(form: str) -> int:
        return len(re.findall(rf"(?<![\w-]){re.escape(form)}(?![\w-])", written))

    form: dict[str, str] = {}
    for full in {f.value for f in found if " " in f.value}:
        short = _initials(full)
        if len(short) >= 3 and short != full and (count := times(short)):  # "NY" is too short to tell
            form[full] = form[short] = short if count >= times(full) else full
    if bodies:
        common = lower_case_words(texts)  # "Does TikTok", "Another Target": no part of a name
        fuller = [f.value for f in found if " " in f.value]
        for short in {f.value for f in found} - set(form):
            ending = {full for full in fuller if full.endswith(" " + short)
                      and not any(w.lower() in common for w in full[:-len(short)].split())}
            if len(ending) == 1:  # two teams ending so ("United Airlines", "American Airlines") are two
                form[short] = ending.pop()
    return [replace(f, value=form[f.value]) if form.get(f.value, f.value) != f.value else f for f in found]


# words that grade a kind in a title: "Tropical Storm Melissa", "Former President Bush"
_KIND_GRADES = {"tropical", "subtropical", "post-tropical", "super", "former", "late", "acting", "interim"}


def without_asked_kind(value: str, question: str) -> str:
    """"Hurricane Erin" answers "What is the name of the hurricane?" as "Erin", "Tropical
    Storm Melissa" the storm system's as "Melissa", "President George W. Bush" "under which
    president" as "George W. Bush": the kind the question names, written as a title before
    the name, is not the name. A name the kind heads keeps it ("University of Idaho")."""
    kinds = {k.rstrip("s") for k in predicate_of(asking_sentence(question), []).kinds}
    words, titling = value.split(), _KIND_GRADES | kinds
    title = 0  # how many leading words are the kind or grade it ("Tropical", "Former")
    while title < len(words) - 1 and words[title][:1].isupper() and words[title].lower() in titling:
        title += 1
    while title and words[title - 1].lower().rstrip("s") not in kinds:  # it ends in the kind itself
        title -= 1
    return " ".join(words[title:]) if words[title][:1].isupper() else value
