"""Assemble French news text from kiosque.benchdata.words, fast and reproducibly.

Speed matters more than anything here (hundreds of thousands of articles): sentences
are drawn once into a pool and bodies pick from it, so a body costs a handful of
random choices and one join, not a fresh composition of every word.
"""

import json
import random
import uuid

from django.utils.text import slugify

from kiosque.benchdata import words

SENTENCE_POOL_SIZE = 20_000


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class TextMaker:
    """Titles, standfirsts, bodies and comments from one seeded random generator."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.sentences = [self._sentence() for _ in range(SENTENCE_POOL_SIZE)]

    def _sentence(self) -> str:
        choice = self.rng.choice
        shape = self.rng.random()
        if shape < 0.5:
            opener, subject = choice(words.OPENERS), choice(words.SUBJECTS)
            return f"{opener} {subject} {choice(words.VERBS)} {choice(words.CLAIMS)}."
        if shape < 0.75:
            return choice(words.FACTS)
        if shape < 0.9:
            return f"« {choice(words.QUOTES)} », {choice(words.VERBS)} {choice(words.SUBJECTS)}."
        place, actor = choice(words.PLACES), choice(words.ACTORS)
        return f"À {place}, {actor} {choice(words.VERBS)} {choice(words.CLAIMS)}."

    def title(self) -> str:
        choice = self.rng.choice
        actor, obj = choice(words.ACTORS), choice(words.HEADLINE_OBJECTS)
        return choice(words.HEADLINES).format(
            place=choice(words.PLACES),
            actor=actor,
            Actor=_capitalised(actor),
            verb=choice(words.HEADLINE_VERBS),
            object=obj,
            Object=_capitalised(obj),
            tail=choice(words.HEADLINE_TAILS),
            number=self.rng.randint(3, 90),
        )

    def standfirst(self) -> str:
        pick = self.rng.choice
        return f"{pick(self.sentences)} {pick(self.sentences)}"

    def dateline(self) -> str:
        shape = self.rng.choice(words.DATELINES)
        return shape.format(PLACE=self.rng.choice(words.PLACES).upper())

    def body(self, paragraphs: int) -> str:
        """A StreamField body as stored (JSON text): paragraphs, a subheading, a quote."""
        pick, rng = self.rng.choice, self.rng
        blocks = []
        for number in range(paragraphs):
            if number == paragraphs // 2:
                blocks.append(_block("subheading", pick(words.SUBHEADINGS)))
            if number == 2 and rng.random() < 0.3:
                quote = {"text": pick(words.QUOTES) + ".", "attribution": pick(words.SUBJECTS)}
                blocks.append(_block("quote", quote))
            text = " ".join(pick(self.sentences) for _ in range(rng.randint(3, 5)))
            blocks.append(_block("paragraph", f"<p>{text}</p>"))
        return json.dumps(blocks, ensure_ascii=False)

    def comment(self) -> str:
        pick = self.rng.choice
        parts = [pick(words.COMMENT_OPENINGS), pick(words.COMMENT_MIDDLES)]
        if self.rng.random() < 0.3:
            parts.append(pick(words.COMMENT_MIDDLES))
        parts.append(pick(words.COMMENT_CLOSINGS))
        return " ".join(p for p in parts if p)

    def reply(self) -> str:
        return self.rng.choice(words.COMMENT_REPLIES)


def _block(block_type: str, value) -> dict:
    # Wagtail gives every stream child a UUID; the admin needs it to edit the body.
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def article_slug(title: str, number: int) -> str:
    """Unique among siblings by construction: the serial number ends the slug."""
    return f"{slugify(title)[:70].rstrip('-')}-{number}"
