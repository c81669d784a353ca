"""Search stems words in every thread of a gunicorn worker at once: one thread's word must
never garble another's (the soak, bench/soak.py, met an IndexError and a 500 on search
when two readers searched at the same moment)."""

import sys
import threading

from kiosque.search import french

WORDS = [f"{stem}{ending}" for stem in ("tempêt", "conseill", "électr", "réform", "habit")
         for ending in ("e", "es", "ement", "ements", "ation", "ations", "euse", "euses",
                        "ité", "ités", "ique", "iques", "issement", "issements")]  # fmt: skip


def test_words_stemmed_at_once_in_several_threads_are_those_stemmed_alone():
    expected = {word: french._stemmer().stemWord(word) for word in WORDS}
    found: dict[int, list] = {}
    errors: list[BaseException] = []

    def stem_all(number: int) -> None:
        try:
            # stem() caches; the stemmer itself is what threads share or not.
            found[number] = [(w, french._stemmer().stemWord(w)) for w in WORDS * 8]
        except Exception as error:  # the failure this test is about
            errors.append(error)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads inside a word, as a busy worker does
    try:
        threads = [threading.Thread(target=stem_all, args=(n,)) for n in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        sys.setswitchinterval(interval)

    assert errors == []
    wrong = [(w, s) for pairs in found.values() for w, s in pairs if s != expected[w]]
    assert wrong == []
    assert len(found) == 6
