"""Two documents on the 2024 Nobel Prize in Literature, as a knowledge base holds them."""

NOBEL = [
    {"url": "https://www.nobelprize.org/prizes/literature/2024/summary/", "title": "The Nobel Prize in Literature 2024",
     "text": "The Nobel Prize in Literature 2024 was awarded to the South Korean author Han Kang.",
     "published_at": "2024-10-10", "publisher": "NobelPrize.org"},
    {"url": "https://apnews.com/article/nobel-literature-2024", "title": "Han Kang wins Nobel literature prize",
     "text": "South Korean writer Han Kang won the 2024 Nobel Prize in Literature on Thursday.",
     "published_at": "2024-10-10", "publisher": "AP"},
]
