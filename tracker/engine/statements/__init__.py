"""Statements: who said what, and which statements are new, gone or reworded.

One way through: `quotes` finds quoted spans, `attribution` finds the cue and the speaker
phrase, `names` reads the capitalised names of a paragraph, `speakers` resolves pronouns
and titles across the article, `read` builds Statements, and `changes` compares them
between revisions.
"""
