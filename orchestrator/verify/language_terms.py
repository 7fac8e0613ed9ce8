"""The policy's cross-language words, widened with the question language's own (from its
lexicon, orchestrator/lexicon/<code>.yaml), so that pages written in the question's language
are read as well as English and Chinese ones: "médailles d'or" joins the alias groups of gold
and medal and binds a number to the gold measure ("16 médailles d'or"), "la France" joins
France's group. English and Chinese questions keep the policy as it is."""

from __future__ import annotations

from orchestrator.lexicon import lexicon
from orchestrator.policy import Policy
from orchestrator.verify.gloss import glossed
from orchestrator.verify.question import contains


def _literal(phrase: str) -> str | None:
    """A lexicon phrase as a page would write it: a stem's "*" dropped where the script's
    words run on past it unnoticed (non-Latin), none for a Latin stem ("medal*")."""
    if "*" not in phrase:
        return phrase.lower()
    bare = phrase.replace("*", "").lower()
    return None if " " in bare or bare.isascii() or any("a" <= c <= "z" for c in bare) else bare


def for_language(policy: Policy, language: str, question: str) -> Policy:
    lex = lexicon(language)
    if lex.match == "none":
        return policy
    own: dict[str, set[str]] = {}  # English gloss -> the language's words for it
    for phrase, english in lex.gloss.items():
        word = _literal(phrase)
        if word:
            own.setdefault(english.lower(), set()).add(word)
    for _, written, english in glossed(question, lex.code):  # as the question wrote them: "Chine", "Paris"
        own.setdefault(english.lower(), set()).add(written.lower())

    def widened(words: list[str]) -> list[str]:
        low = [w.lower() for w in words]
        extra = {w for english, ws in own.items() for w in ws if any(contains(english, m) for m in low)}
        return words + sorted(extra - set(low))

    aliases = [widened(group) for group in policy.aliases]
    named = {w.lower() for group in policy.aliases for w in group}
    names = {e.lower(): e for _, _, e in glossed(question, lex.code) if e[:1].isupper()}  # countries, places
    aliases += [[names[e], *sorted(own[e] - {e})] for e in names if e not in named and own[e] - {e}]  # [Spain, españa]
    measures = {name: words + sorted({w for e, ws in own.items() if e in [x.lower() for x in words] for w in ws} - set(words))
                for name, words in policy.measures.items()}
    return policy.model_copy(update={"aliases": aliases, "measures": measures})

