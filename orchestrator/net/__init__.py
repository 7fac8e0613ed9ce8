"""The network layer, in the httpx ``_transports`` pattern: ``base`` holds what every part
shares (and imports no transport); each transport is one module wrapping another:

    client.py    make_client / live_transport: the one place HTTP clients are made
    guarded.py   GuardedTransport: the address guard (guard.py) on every web connection
    polite.py    PoliteTransport: robots.txt, requests in flight per host, Retry-After
    limited.py   LimitedTransport: requests in flight per deployment; NoNetworkTransport
    replay.py    ReplayTransport / RecordingTransport: packs instead of the network
    decoding.py  bounded body decoding (gzip bombs, unknown encodings)"""
