"""Figures: the numbers of an article, what each counts, and how they changed.

One way through: `scan` finds number tokens and reads their values (`numbers` holds the
number words and formatting), `exclude` sets aside numbers that are not figures (dates,
ages, addresses, names), `read` turns the rest into Figures, `labels` (with the word lists
of `labelwords`) names what each counts, and `changes` pairs old and new figures.
"""
