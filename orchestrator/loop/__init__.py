"""The search loop: whether another round of searches may settle what the cross-check could
not (decision.py), and the queries it sends (queries.py). The graph's edges run it
(orchestrator/graph.py); nothing here loops."""
