"""Alerts: events in, messages out, every delivery recorded.

`outbox` fans each stored event out to the subscriptions that want it (one delivery row
per subscription, in one transaction) and sends what is due with retries; `filters` says
which events a subscription wants; `messages` builds the subject, plain, HTML and webhook
bodies from the reports' wording; `channels` sends them (SMTP, webhooks, Slack) through
the same private-network guard as fetching. A failed send is recorded, not raised.
"""
