"""Editorial workflow and reader trust: review, scheduling, corrections, withdrawals, policies."""
