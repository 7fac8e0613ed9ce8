"""The sentence for the question shapes beyond one value (verify/shapes.py, lists.py): a
template in the question's language, never the model's words, since "yes", "tie" or a list
is easily misworded and the sentence is all a reader sees besides the citations."""

from __future__ import annotations

from orchestrator.lexicon import base_code, lexicon
from orchestrator.prompts import as_of_en, as_of_zh
from orchestrator.verify.shapes import NO, TIE, YES, comparison_options
from orchestrator.wording import answer_sentence, local_country


def shape_sentence(kind: str, language: str, value: str, display: str, as_of: str | None, question: str,
                   aliases) -> str | None:
    """The answer's sentence for a yes/no, comparison or list answer; None for other kinds."""
    zh = language.startswith("zh")
    if kind == "yes_no" and value in (YES, NO) and base_code(language) not in ("en", "zh"):
        words = lexicon(language).answer  # "Au 11 août 2024, la réponse vérifiée est non."
        said = words.affirmative if value == YES else words.negative
        return answer_sentence(language, said, said, as_of)
    if kind == "comparison" and base_code(language) not in ("en", "zh"):
        # "..., la réponse vérifiée est Chine, États-Unis (ex aequo)." (``question`` is the
        # English reading the options are taken from)
        options = comparison_options(question, aliases) if value == TIE else None
        if value == TIE and not options:
            return None
        said = ", ".join(local_country(o, language) or o for o in options) + " (tied)" if options \
            else local_country(display, language) or display
        return answer_sentence(language, said, said, as_of)
    when = (f"截至{as_of_zh(as_of)}，" if zh else f"As of {as_of_en(as_of)}, ") if as_of else ""
    if kind == "yes_no" and value in (YES, NO):
        if zh:
            return f"{when}{'是' if value == YES else '否'}。"
        return f"{when}{'yes' if value == YES else 'no'}." if when else f"{'Yes' if value == YES else 'No'}."
    if kind == "comparison":
        if value == TIE:
            options = comparison_options(question, aliases) or ("", "")
            if zh:
                return f"{when}两者持平：{options[0]}与{options[1]}相同。"
            return f"{when}it is a tie: {options[0]} and {options[1]} are level."
        return f"{when}答案是{display}。" if zh else f"{when}the answer is {display}."
    if kind == "list":
        return f"{when}核实的答案是：{display}。" if zh else f"{when}the verified answers are {display}."
    return None
