"""The demo newsroom: `kiosque demo` builds a complete fictional news site."""
