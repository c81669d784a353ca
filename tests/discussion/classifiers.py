"""A stand-in toxicity classifier for tests: scores by keyword, fails on demand."""


def by_keyword(text: str) -> float:
    if "panne" in text:
        raise TimeoutError("the classifier did not answer")
    return 0.95 if "toxique" in text else 0.05
