"""Two independently written reports of the Paris 2024 US gold count, served by the
loopback sites of the live-mode, record and cache tests."""

MEDAL_TABLE = """<html><head><title>Final medal table</title>
<meta property="og:site_name" content="Loopback Sports">
<meta property="article:published_time" content="2024-08-11T20:00:00+00:00"></head>
<body><article><h1>Final medal table</h1>
<p>The Paris 2024 Olympics closed on 11 August 2024 after sixteen days of competition in and around the city.</p>
<p>The United States won 40 gold medals at the Paris 2024 Olympics, more silver than anyone.</p>
<p>Other nations followed in the table with fewer gold medals overall.</p></article></body></html>"""

USA_ON_TOP = """<html><head><title>Americans finish on top</title>
<meta property="article:published_time" content="2024-08-11T21:00:00+00:00"></head>
<body><article><h1>Americans finish on top in Paris</h1>
<p>Team USA ended the Games in first place on the final afternoon, edging its closest rival on silver medals.</p>
<p>The United States won 40 gold medals at the Paris 2024 Olympics, level with China at the top.</p>
<p>Coaches credited depth in swimming and athletics for a total haul of 126 medals.</p></article></body></html>"""


def write_article_pack(out, question: str, asked_at: str, language: str, pages):
    """A pack at ``out`` of one search and an article page per (url, site, published,
    paragraphs), written for a test."""
    from fixtures.packkit import SEARCH_BLOCK, head, html_page, interaction, paragraphs, search_interaction, write_pack

    search = search_interaction(question, [(url, f"{texts[0][:60]} | {site}", texts[0], published, "google")
                                           for url, site, published, texts in pages])
    articles = [interaction(url, html_page(language, head(f"{texts[0][:60]} | {site}", description=texts[0], site=site,
                                                          og_type="article", og_title=texts[0][:60],
                                                          published=published, url=url),
                                           f"<main><article>{paragraphs(texts)}</article></main>\n"))
                for url, site, published, texts in pages]
    case = {"id": out.name, "question": question, "asked_at": asked_at, "language": language,
            "search": SEARCH_BLOCK, "origin": "written by the project for this test"}
    return write_pack(out, case, [search, *articles])
