"""The policy's cross-language words, widened with the question language's own (from its
lexicon, orchestrator/lexicon/<code>.yaml), so that pages written in the question's language
are read as well as English and Chinese ones: "médailles d'or" joins the alias groups of gold
and medal and binds a number to the gold measure ("16 médailles d'or"), "la France" joins
France's group. English and Chinese questions keep the policy as it is."""

from __future__ import annotations

from collections.abc import Iterable

from orchestrator.lexicon import lexicon
from orchestrator.policy import Policy
from orchestrator.verify.entities import country_name
from orchestrator.verify.gloss import glossed
from orchestrator.verify.question import contains, keywords


def _literal(phrase: str) -> str | None:
    """A lexicon phrase as a page would write it: a stem's final "*" dropped where the policy's
    word matching lets a word run on past it (scripts other than Latin: "금메달" in "금메달을"),
    none for a Latin stem ("medal*")."""
    if "*" not in phrase:
        return phrase.lower()
    bare = phrase.split("*")[0].strip().lower()  # "олимпийск* игр*": its first stem
    return None if any("a" <= c <= "z" or c in "àâäáãçéèêëíìîïñóòôöõúùûüœæßøåąćęłńśźżčďěňřšťůž" for c in bare) else bare


def for_language(policy: Policy, language: str, question: str, countries: Iterable[str] = ()) -> Policy:
    """``countries`` (ISO codes): countries another language's question names, named as this
    language names them too (Babel's "Deutschland", the lexicon's "한국"), for its pages."""
    lex = lexicon(language)
    if lex.match == "none":
        return policy
    own: dict[str, set[str]] = {}  # English gloss -> the language's words for it
    for phrase, english in lex.gloss.items():
        word = _literal(phrase)
        if word:
            own.setdefault(english.lower(), set()).add(word)
    found = glossed(question, lex.code) + [((0, 0), country_name(c, lex.code), country_name(c)) for c in countries]
    for _, written, english in found:  # as the question wrote them: "Chine", "Paris"
        own.setdefault(english.lower(), set()).add(written.lower())

    def widened(words: list[str]) -> list[str]:
        low = [w.lower() for w in words]
        extra = {w for english, ws in own.items() for w in ws if any(contains(english, m) for m in low)}
        return words + sorted(extra - set(low))

    aliases = [widened(group) for group in policy.aliases]
    named = {w.lower() for group in policy.aliases for w in group}
    names = {e.lower(): e for _, _, e in found if e[:1].isupper()}  # countries, places
    aliases += [[names[e], *sorted(own[e] - {e})] for e in names if e not in named and own[e] - {e}]  # [Spain, españa]
    # A content word no group holds ("won") gets its own with the language's words for it (獲得, remporté).
    aliases += [[e, *sorted(ws - {e})] for e, ws in own.items()
                if e not in named and e not in names and keywords(e) and not any(e in g for g in aliases)]

    def measured(words: list[str]) -> list[str]:  # "médaille d'or" is a gold medal as "médailles d'or" are
        low = {x.lower() for x in words}
        return words + sorted({w for e, ws in own.items() if e in low or e + "s" in low for w in ws} - set(words))

    measures = {name: measured(words) for name, words in policy.measures.items()}
    # a verb's forms with the language's words for them: "who won" is "ha vinto" on an Italian page
    predicates = [widened(group) for group in policy.shapes.predicates]
    shapes = policy.shapes.model_copy(update={"predicates": predicates})
    return policy.model_copy(update={"aliases": aliases, "measures": measures, "shapes": shapes})

