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

