"""peerjournal: a private journal for the Peer 2 Peer support programme."""

__version__ = "0.1.0"
