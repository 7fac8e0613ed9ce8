"""How a proper name is written in English text: a run of capitalised words ("Keir
Starmer", "Procter & Gamble", "John M. Jumper"), and the capitalised words that open no name
("The", "Monday", "While")."""

from __future__ import annotations

import re

# A middle initial ("John M. Jumper") continues a name; a capital before a sentence's first
# word ("Plan B. The ...") does not.
_INITIAL = r"[A-Z]\.(?=\s+[A-Z][a-z])(?!\s+(?:The|A|An|In|On|At|He|She|It|They|We|This|That|But|And|Or|If|When|As)\b)"
# Combining marks belong to their word: "Les Misérables" may be written "e" + U+0301.
# A name's word may hold "&" between capitals ("AT&T", "P&G"), and "&" may join its words
# ("Procter & Gamble", "Ben & Jerry's"); a Reuters ticker after a name
# ("AT&T T.N", "Apple AAPL.O") is no part of it.
_WORD_CHARS = r"(?:[\w\u0300-\u036f'’\-]|&(?=[A-Z]))*"
_TICKER = r"[A-Z]{1,5}\.[A-Z]{1,2}\b(?!\.)"
# a capital of any Latin alphabet opens a name's word: "Iga Świątek", "Martin Ødegaard", "Ángel"
CAPITAL = "[A-Z" + "".join(c for c in map(chr, [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]) if c.isupper()) + "]"
# Particles stand between a name's words, two at most ("Ursula von der Leyen", "Luiz Inácio
# Lula da Silva"), and an Arabic article joins its word ("Bashar al-Assad"). Six words make
# room for an office before a long name ("Brazilian President Luiz Inácio Lula da Silva").
PARTICLE = r"(?:of|de|der|den|van|von|da|das|do|dos|di|del|della|du|bin|ibn|al|la|le|&)"
NAME = re.compile(rf"\b(?<!&)(?!{_TICKER}){CAPITAL}{_WORD_CHARS}(?:\s+(?:{PARTICLE}\s+){{0,2}}"
                  rf"(?:{_INITIAL}|(?:[ae]l-)?(?!{_TICKER}){CAPITAL}{_WORD_CHARS})){{0,5}}")
NOT_NAMES = {"the", "a", "an", "sir", "dame", "lord", "lady", "majesty", "new", "in", "on", "at", "he", "she", "it", "they", "we", "this", "that", "but", "and", "or",
             "if", "when", "after", "before", "as", "for", "with", "by", "from", "his", "her", "their", "its", "our",
             # conjunctions opening a clause: "While November's moon ..." names November's moon
             "while", "although", "though", "because", "since", "unless", "until", "whereas", "despite", "amid",
             "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
             "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
             "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
             "mr", "mrs", "ms", "dr", "president", "sen", "rep", "gov", "i", "you",
             "rt", "hon",  # "The Rt Hon Angela Rayner MP"
             "hosts",  # "beat hosts France 67-66": who they were, no part of the name
             # a headline's question opening a name: "Could Timothée Chalamet win?", "How Taylor Swift ..."
             # ("Will" and "Can" are first names too)
             "could", "would", "should", "did", "does", "do", "is", "was", "are", "were", "has", "have", "had", "must",
             "shall", "might", "how", "why", "what", "where", "which", "whose",
             # a page's time stamp run into its first sentence: "May 6, 2025 14:00 UTC Rite Aid filed ..."
             "utc", "gmt", "et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt", "cet", "cest", "bst"}
